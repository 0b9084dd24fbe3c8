"""An article's statements: who said what, through whom, and how sure that is.

find_statements() reads a body sentence by sentence (see attribution.py for what one sentence
can hold) and resolves each speaker within the article, with the cast of names it read first
(mentions.read_cast): "Valadares" is Rui Valadares, "the company" the company named before,
"the department" or "the club" the last body that can be one ("Health Canada", "Hollyfield
Athletic"), "the companies" the two companies named last, "the councillor" the person whose
title says so ("Cr Hana Tawhai"), "she" the woman quoted last (unless a woman was named since,
not as another speaker's topic), "the SEC's complaint" the Securities and Exchange Commission
complaint, "the authors" the study they wrote, a spokeswoman for a body that body, "Seoul
says" South Korea. A sentence that is only a quotation belongs to the speaker of the quotation
it continues, or of the paragraph before, or to the last speaker. A relay that is the
article's own outlet ("told the Gazette" in the Gazette) is left to directory.py to drop.

The outlet's own narration is not a statement, nor is a hedged claim with no source
("reportedly", "allegedly"): neither names anyone.

Two numbers come with each statement, by these rules:

Found.confidence, how sure it is that the sentence is an attributed statement:
    0.95  a speech verb with its speaker in the sentence ("X said", "said X"), and a quotation
    0.9   the same without a quotation; declining to comment
    0.85  "according to X"; "X was quoted as saying"; a document that "found" or "says"
    0.8   a verb framing a quoted phrase ("called it “a disaster”"); a quotation going on from
          the sentence before, or from the paragraph before when the quotation runs on
    0.75  a participle ("…, saying …"); a colon before a quotation; "citing X"
    0.7   a quotation paragraph after its speaker's paragraph
    0.5   a quotation whose speaker was named further back
    then −0.1 when the speaker is a pronoun and −0.15 when the sentence also hedges
    ("reportedly", "allegedly").
Found.source_confidence, how sure it is of the source:
    0.97  named in full in the sentence, or by a well-known name ("the AP")
    0.9   a surname, short name or abbreviation of a name the article gave in full; an
          anonymous description (it names exactly whom the text describes)
    0.85  a spokesperson's words, given to the body they speak for
    0.8   "the prime minister" for the person introduced with that title; a document; a
          quotation going on from the sentence before
    0.75  "the company" for the body named before (0.85 when its name has that word)
    0.7   "he" or "she" for the person quoted last (0.6 when the text gives no gender)
    0.7   a quotation paragraph after its speaker's paragraph; 0.5 further back
The directory (directory.py) lowers it again when a name matched a stored source only by a
near spelling.
"""

import bisect
import re
from dataclasses import dataclass, field, replace

from stories.extraction.attribution import (
    HEDGE,
    QUOTE_VERBS,
    attributions,
    may_attribute,
    no_comment,
    subject_before,
)
from stories.extraction.lexicon import (
    BODY_NAME_HEADS,
    CAPITALS,
    COUNTRIES,
    DEMONYMS,
    EK,
    GOVERNMENT_HEADS,
    GOVERNMENT_NAME_HEADS,
    HONORIFIC_WORDS,
    NATIONALITIES,
    ORGANISATION_HEADS,
    PLACE_INDEX,
    SK,
    TITLE_EXPANSIONS,
    TITLE_MODIFIERS,
    TITLE_WORDS,
    US_STATES,
    known_name,
    normalize_name,
)
from stories.extraction.mentions import (
    HYPHEN_CUE,
    ROLE_HEADS,
    Cast,
    abbreviates,
    read_cast,
    role_family,
    role_words,
)
from stories.extraction.speakers import (
    MEMBER_OR_BODY,
    SPOKESPEOPLE,
    Mention,
    guess_name_kind,
    parse_speaker,
)
from stories.extraction.text import (
    QUOTE_MASK,
    commas_back,
    join_listed_names,
    layout,
    readable,
)
from stories.models import StatementKind


@dataclass
class Found:
    """One statement found in a body: body[start:end], who said it and who relayed it."""

    start: int
    end: int
    kind: str
    source: Mention | None = None
    via: Mention | None = None
    attribution: str = ""
    confidence: float = 0.9
    source_confidence: float = 0.9
    via_from: str = ""  # how the relay was named: "main" (told X, X reported) or "aside"
    interview: bool = False  # the source spoke to the relay ("told CNN"), not just through it
    carried: bool = False  # a quotation whose speaker was named in another sentence
    notes: list = field(default_factory=list)


# How sure a pattern is that a sentence is an attributed statement (see the docstring).
_PATTERN_CONFIDENCE = {
    "verb": 0.9,
    "inverted": 0.9,
    "passive": 0.85,
    "according": 0.85,
    "according-data": 0.85,
    "interview": 0.75,
    "intro-doc": 0.8,
    "quote-verb": 0.8,
    "participle": 0.75,
    "colon": 0.75,
    "citing": 0.75,
    "report": 0.85,
    "no_comment": 0.9,
}
# The body's paragraphs in which "a prosecutor said" may be the one the story names next.
_LEDE_PARAGRAPHS = 4
# How sure a way of finding the source is (see the docstring).
_SOURCE_CONFIDENCE = {
    "named": 0.97,
    "surname": 0.9,
    "alias": 0.9,
    "anonymous": 0.9,
    "spokesperson": 0.85,
    "title": 0.8,
    "document": 0.8,
    "statement": 0.8,
    "body": 0.75,
    "body-word": 0.85,
    "pronoun": 0.7,
    "pronoun-unsure": 0.6,
    "unknown": 0.5,
}
# Bodies "the authority" or "the college" may be only when named as such, never a police
# force or a government that came before.
_NAMED_ONLY = {"authority", "college"}
# Words for a body that "the …" may stand for, beyond its own name's words.
_BODY_WORDS = {
    "company": {"company", "firm", "maker", "group", "retailer", "manufacturer"},
    "firm": {"company", "firm"},
    # "the authority": a body named as one, or in Britain a council ("local authority")
    "authority": {"authority", "council", "corporation"},
    "college": {"college"},
    "utility": {
        "utility",
        "utilities",
        "water",
        "power",
        "electric",
        "electricity",
        "energy",
        "gas",
    },
    "municipality": {"municipality", "municipal", "council", "county"},
    "agency": {"agency", "administration", "service", "bureau", "commission", "office"},
    "department": {"department", "ministry", "office"},
    "ministry": {"ministry", "department"},
    "organization": {"organization", "organisation", "group", "association"},
    "organisation": {"organization", "organisation", "group", "association"},
    "group": {"group", "coalition", "association", "alliance", "network", "organization"},
    "charity": {"charity", "foundation", "trust"},
    # "the Irish Nurses and Midwives Organisation … the union": a body of a trade's workers.
    "union": {
        "union",
        "alliance",
        "federation",
        "association",
        "confederation",
        "guild",
        "teamsters",
        "workers",
        "employees",
        "nurses",
        "midwives",
        "teachers",
        "doctors",
        "drivers",
        "pilots",
        "firefighters",
    },
    "thinktank": {"thinktank", "institute", "institution", "centre", "center", "foundation"},
    "fund": {"fund", "capital", "partners"},
    "airline": {"airline", "airways", "air", "airlines"},
    "carrier": {"airline", "airways", "air", "airlines", "carrier"},
    "exchange": {"exchange"},
    "court": {"court", "tribunal", "chamber"},
    "force": {"police", "constabulary", "force"},
    "police": {"police", "constabulary"},
    "outlet": {"news", "times", "post", "journal", "tv", "radio", "agency"},
    "newspaper": {"times", "post", "journal", "herald", "gazette", "tribune", "sun"},
}
# Bodies a headline or a lede may name only by their kind, the story naming them further down:
# "Thinktank warns …", "…, after a union warned".
_NAMED_LATER = {"thinktank", "union", "charity"}

# Unnamed speakers that are bodies, never a "he" or "she".
_BODY_NOUNS = set(
    "delegation team group committee board panel council company firm office ministry "
    "department agency army government administration authority commission union association "
    "party campaign coalition bank court tribunal".split()
)
_FORCE_HEADS = {"police", "constabulary", "service", "force", "department", "garda"}
_POLICE_RECORDS = re.compile(
    r"(?:the\s+)?police\s+(?:reports?|statistics|figures|data|records)$", re.IGNORECASE
)
# "In a report tabled on Wednesday, the audit office found …"
_IN_A_DOCUMENT = re.compile(
    r"\b(?:[Ii]n|[Aa]ccording\s+to)\s+(?:a|an|its|their|his|her)\s+(?:[\w-]+\s+){0,3}?"
    r"(?P<head>report|audit|study|review|analysis|assessment|survey|paper|findings|release|"
    r"data|figures|statistics)\b"
    r"|\b[Aa]ccording\s+to\s+(?P<data>data|figures|statistics)\b"
)
_LISTED_BEFORE = re.compile(
    r"\b(?:including|such\s+as|like|and|or)\s+(?:the\s+|a\s+|an\s+)?(?:[a-z]+\s+)?\Z"
)
_STATUS_WORDS = {"retired", "former", "ex", "then", "acting", "outgoing", "interim"}
_ACRONYM = re.compile(r"[A-Z]{2,5}")
# A title in capitals before a name: "Chief Election Commissioner (CEC) Md Abdur Rahim".
_TITLE_BEFORE = re.compile(
    r"(?P<title>[A-Z][a-z]+(?:\s+(?:(?:of|for|and)\s+)?[A-Z][a-z]+){1,4})\s*"
    r"(?:\([A-Z]{2,5}\)\s*)?,?\s*(?:(?:Hon|Dr|Mr|Mrs|Ms|Prof|Rt\.?\s+Hon)\.?\s+)?\Z"
)
_LINKS = {"of", "for", "and"}
# Heads of the descriptions that name a politician anew by party or seat: "the Foyle MLA".
_VARIED_HEADS = {"mp", "td", "mep", "msp", "mla", "ms", "mpp", "mha", "mhk", "mna", "mk", "mca"}
_VARIED_HEADS |= {"senator", "lawmaker", "legislator", "councillor", "congressman"}
_VARIED_HEADS |= {"congresswoman", "minister", "politician", "leader", "candidate"}
# Words of a title that say nothing of whose it is: "deputy" in "deputy foreign minister".
_RANK_WORDS = _STATUS_WORDS | set(
    "deputy assistant associate vice senior chief top junior principal of for".split()
)
# "the Ohio Democrat" for "Sen. Renata Alcorn, D-Ohio," or "Rep. Dale Hammond (R-Kan.)".
_PARTY_LETTERS = {"democrat": "D", "republican": "R", "independent": "I"}
_NAME_THEN_PARTY = re.compile(
    r"[\w'’.-]+(?:\s+[A-Z][\w'’.-]*){0,3}\s*(?:(?:,\s*|\(\s*)(?P<party>[DRI])(?:\.,\s*|\s?[-–]\s?)"
    r"(?P<state>[A-Z][\w.]*(?:\s?[A-Z][\w.]*){0,2})|,\s+an?\s+(?P<before>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?\s)?"
    r"(?P<member>Democrat|Republican|independent)(?:\s+from\s+(?P<after>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?))?)"
)
_EXPECTING = {"forecast", "expected", "estimated", "predicted", "projected", "anticipated"}
_KIND_OF_MEMBER = {EK.PERSON: SK.PERSON, EK.PLACE: SK.GOVERNMENT}
# Plural words for bodies: "the companies said" is said by the two named last.
_PLURAL_BODIES = {
    "companies",
    "firms",
    "groups",
    "banks",
    "airlines",
    "carriers",
    "retailers",
    "insurers",
    "lenders",
    "businesses",
    "automakers",
    "carmakers",
    "drugmakers",
}
_NOT_COMPANIES = {
    "exchange",
    "court",
    "council",
    "commission",
    "bureau",
    "regulator",
    "police",
    "union",
    "association",
    "federation",
    "university",
    "school",
    "hospital",
    "party",
    "authority",
    "committee",
    "alliance",
    "coalition",
    "society",
    "foundation",
    "institute",
    "charity",
    "church",
    "parliament",
    "assembly",
    "senate",
    "congress",
    "tribunal",
    "caucus",
    "forum",
    "movement",
}
# What "the department", "the regulator" may stand for: a public body, not a company.
_PUBLIC_BODY_WORDS = {
    "department",
    "ministry",
    "agency",
    "regulator",
    "watchdog",
    "authority",
    "service",
    "office",
    "bureau",
    "administration",
    "commission",
    "inspectorate",
    "executive",
}
# Bodies a place's name before them may name: "the Aksy district administration".
_PLACED_BODY_HEADS = {"administration", "council", "municipality", "corporation", "ministry"}
_PLACED_BODY_HEADS |= {"department", "authority", "commission", "bureau", "agency"}
_PRIVATE_BODY_WORDS = {
    "university",
    "college",
    "school",
    "hospital",
    "institute",
    "association",
    "union",
    "party",
    "club",
    "foundation",
    "trust",
    "society",
    "church",
    "alliance",
    "coalition",
    "federation",
}
_CLUB_WORDS = {"club", "team", "side", "franchise"}
_CLUB_NAME_WORDS = {
    "fc",
    "afc",
    "athletic",
    "united",
    "rovers",
    "rangers",
    "wanderers",
    "albion",
    "city",
    "town",
    "county",
    "hotspur",
    "club",
}
_COMPANY_NAME_WORDS = {
    "inc",
    "ltd",
    "corp",
    "llc",
    "plc",
    "co",
    "group",
    "holdings",
    "foods",
    "securities",
    "capital",
    "partners",
    "pharmaceuticals",
    "motors",
    "industries",
    "technologies",
    "systems",
    "logistics",
    "airlines",
    "bank",
    "bancorp",
    "insurance",
    "energy",
    "brands",
    "labs",
    "media",
}
# The word lists above, joined once for the tests that take them together.
_NOT_PUBLIC_WORDS = _COMPANY_NAME_WORDS | _PRIVATE_BODY_WORDS
_PUBLIC_WORDS = GOVERNMENT_HEADS | GOVERNMENT_NAME_HEADS | _PUBLIC_BODY_WORDS
_NOT_COMPANY_WORDS = _NOT_COMPANIES | _PUBLIC_BODY_WORDS | GOVERNMENT_HEADS


def _compatible(head, body):
    """How well a body named before may be "the <head>": 2 for a public body by its kind or
    words ("Health Canada", "the U.S. Coast Guard" for "the department", "the service"), 1
    for a body only named after a place ("ADHD Families Canada"), and for "the club" a club;
    0 when it may not be."""
    words = normalize_name(body.name).split()
    if not words or body.kind == SK.OUTLET:
        return 0
    if head in _PUBLIC_BODY_WORDS:
        if set(words) & _NOT_PUBLIC_WORDS:
            return 0
        if body.kind == SK.GOVERNMENT or set(words) & _PUBLIC_WORDS:
            return 2
        if any(w in PLACE_INDEX for w in words):
            # "Health Canada", "Transport Scotland": a portfolio and a place is a department.
            return 2 if set(words) & TITLE_MODIFIERS else 1
        return 0
    if head in _CLUB_WORDS:
        return 2 if set(words) & _CLUB_NAME_WORDS else 0
    return 0


# Words for a body so general that "the …" may mean any body named before.
_GENERIC_BODIES = {
    "company",
    "firm",
    "group",
    "organization",
    "organisation",
    "outlet",
    "newspaper",
    "paper",
    "broadcaster",
    "network",
    "channel",
    "agency",
}
_DOCUMENT_FAMILIES = [
    {"lawsuit", "suit", "complaint"},
    {"study", "paper", "research"},
    {"report", "findings", "review", "assessment"},
    {"opinion", "ruling", "decision", "judgment"},
    {"data", "figures", "statistics", "numbers"},
    {"indictment", "charges"},
]
_LAWSUIT = re.compile(
    r"\b(?:has\s+|have\s+|had\s+)?(?:sued|filed\s+(?:a|an)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:lawsuit|suit|complaint)(?:\s+against\s+(?P<against>[^,;.\x1a]+))?)"
)
_RULED = re.compile(
    r"\b(?:ruled|decided|held|upheld|struck\s+down|overturned|overruled|annulled|quashed|"
    r"dismissed|blocked)\b"
)
_PUBLISHING = re.compile(r"\b(?:published|released|issued|unveiled|put\s+out)\b")
_PUBLISHED = re.compile(
    r"\b(?:has\s+|have\s+|had\s+)?(?:now\s+|also\s+|just\s+)?"
    r"(?:published|released|issued|unveiled|put\s+out)\s+(?:a|an|its|their|the)\s+"
    r"(?:(?!leaked\b)[\w-]+\s+){0,3}?(?P<head>report|findings|study|survey|analysis|review|"
    r"audit|paper|assessment|estimates|forecast)\b(?!\s+(?:by|from|of)\b)"
)
# A new report named in passing: "the report" after it is that one, whoever wrote it.
_REPORT_NOUN = re.compile(
    r"\b(?:[Aa]n?|[Aa]nother)\s+(?:[\w’'-]+\s+){0,3}?(?:report|study|survey)\b"
)
_STATEMENT_WORDS = re.compile(r"\bstatement\b", re.IGNORECASE)
_QUOTED_NO_COMMENT = re.compile(
    r"[“\"'‘](?:[^”\"’]{0,40}\s)?(?:does|do|will|would|did|cannot|can't|won't)\s+not\s+comment\b|"
    r"[“\"'‘]no\s+comment\b|\b(?:does|do|will|would|did|could|can)\s+[“\"‘]not\s+comment\b",
    re.IGNORECASE,
)
# More than a refusal: "… “does not comment on future decisions” but remains “committed”".
_BUT_MORE = re.compile(r"[,”\"’]?\s+but\s+\S+\s+\S+")
# Something said, then a refusal: "…,” but she declined to say".
_SAID_BUT = re.compile(r"\b(?:said|says|told)\b.{12,}[,”\"’\x1a]\s+but\s+(?:\w+\s+)?$")
_AGENT_PLURAL = re.compile(r"^[A-Z][a-z]{3,}(?:ers|ists|ians)$")
# Words one of which every hedge (attribution.HEDGE) holds: the pattern is read only then.
_HEDGE_CUES = (
    "reported",
    "alleged",
    "purported",
    "supposed",
    "rumo",
    "said to",
    "believed",
    "thought",
    "accused",
    "according",
    "reports say",
    "claimed",
)
_AUTHORS = re.compile(r"^(?:the|its|their)\s+(?:(?:study|report|paper)['’]s\s+)?authors$", re.I)
_WRITTEN_WORKS = {"study", "paper", "report", "review", "analysis", "research", "survey"}
# What a body or a person writes in its own name, and so is keyed to its author: "a report by
# the council" is the council's word; a lawsuit, records or a ruling stay documents.
_AUTHORED = _WRITTEN_WORKS | set(
    "memo memorandum letter note poll filing assessment audit estimate estimates forecast "
    "forecasts projections findings statement presentation investigation inquiry probe "
    "guidance proposal plan figures data statistics numbers results resolution statements "
    "accounts filings reports".split()
)
_SPOKES = frozenset(("spokesman", "spokeswoman", "spokesperson"))
_BARE_SPOKESPERSON = re.compile(r"(?:an?|the)\s+spokes(?:man|woman|person)$", re.IGNORECASE)
# How far back (in characters) a body that spoke still speaks through "a spokeswoman".
_SPOKESPERSON_REACH = 600
_ASKED = re.compile(r"(?:[A-Z][a-z]+,\s+)?[Aa]sked\b")
_PRONOUN_WORDS = {"he", "she", "they", "it", "her", "his", "its", "their"}


def _may_be_company(body):
    """Whether a body named before may be "the company": no government, court or agency."""
    words = set(normalize_name(body.name).split())
    return not words & _NOT_COMPANY_WORDS


_AUDIT_OFFICES = frozenset(
    {
        "auditor general",
        "auditor-general",
        "comptroller and auditor general",
        "controller and auditor general",
        "comptroller and auditor-general",
        "inspector general",
        "state comptroller",
        "comptroller general",
    }
)


def _audit_office(mention):
    """A public auditor's office written as its title, with nobody named to hold it ("the
    Auditor General's report", "the Comptroller and Auditor General of India", "the VA
    Office of Inspector General"): the office, a government body."""
    role = (mention.role or "").strip()
    name = re.sub(r"^[Tt]he\s+", "", mention.name.strip())
    if mention.kind not in (SK.PERSON, SK.ANONYMOUS) or not name[:1].isupper():
        return None
    office = re.search(r"\bOffice\s+of\s+(?:the\s+)?(?:[A-Z]\w+\s+)*General\b", name)
    if not office and not (role[:1].isupper() and role.lower() in _AUDIT_OFFICES):
        return None
    return Mention(name=name, kind=SK.GOVERNMENT)


def _family(head):
    for family in _DOCUMENT_FAMILIES:
        if head in family:
            return family
    return {head}


class _Context:
    """What an article has named so far, to resolve "Ushakov", "he", "the company"."""

    def __init__(self, cast):
        self.cast = cast
        self.said = []  # the sources and relays found so far, in order (Mentions)
        self.statement_makers = []  # who spoke "in a statement", in order
        self.documents = []  # documents named, in order
        self.document_used = False  # whether the sentence read cites a document
        self.plaintiffs = []  # (Mention or None, defendant text): who sued whom
        self.courts = []  # courts that ruled
        self.public_bodies = set()  # bodies called "the department", "the regulator" so far
        self.sentence_start = 0  # where the sentence being read starts in the body
        self.sentence_quotes = []  # (start, end) in the body of its quotations
        self.trailing = False  # the speaker being resolved comes after what was said
        self.sentence_starts = []  # where every sentence of the body starts, in order
        self.paragraph_starts = []  # where every paragraph of the body starts, in order
        self.speakers = []  # the sources of the statements found so far, in order
        self.statement_spans = []  # (start, end, source key) of the statements found so far
        self._members = {}  # id(Member): (SourceKind, aliases), worked out once an article
        self.heading_noun = None  # "Company" in "Company says …" of the sentence being read
        self.headline = False  # whether the paragraph being read is a line like a subheading
        self._people = cast.people()

    # The cast, as Mentions.

    def _member_mention(self, member, position, base=None):
        cached = self._members.get(id(member))
        if cached is None:
            kind = _KIND_OF_MEMBER.get(member.kind, SK.ORGANISATION)
            known = known_name(member.name)
            if known:
                kind, aliases = known[1], tuple(known[2])
            else:
                aliases = tuple(member_aliases(member))
            cached = self._members[id(member)] = (kind, aliases)
        kind, aliases = cached[0], list(cached[1])
        if base is not None and base.kind in (SK.OUTLET, SK.GOVERNMENT):
            kind = base.kind
        fields = {}
        if base is not None:
            fields = {
                "role": base.role or member.role,
                "affiliation": base.affiliation,
                "description": base.description,
                "gender": base.gender or member.gender,
                "speaks_for": base.speaks_for,
            }
        else:
            fields = {"role": member.role, "gender": member.gender}
        return Mention(name=member.name, kind=kind, aliases=aliases, position=position, **fields)

    def _force(self):
        """The one police force the article names, or None. A body named for the police but
        headed otherwise ("Police Complaints Authority", "Police Federation") is no force;
        the "Police Service of Northern Ireland" is."""
        forces = []
        for m in self.cast.organisations():
            words = m.key.split()
            if {"police", "constabulary"} & set(words) and (
                words[-1] in _FORCE_HEADS or words[-1] not in BODY_NAME_HEADS
            ):
                forces.append(m)
        return forces[0] if len(forces) == 1 else None

    def _people_before(self, position):
        """(position, Member) for every person named before `position`, outside quotes."""
        return [(at, member) for member in self._people for at in member.positions if at < position]

    # Resolving.

    def resolve(self, mention, position):
        """(Mention as far as the article tells who it is, how), or (None, "") if unknown."""
        if mention is None:
            return None, ""
        mention = mention.at(position)
        if mention.speaks_for and mention.affiliation is not None:
            body, how = self.resolve(mention.affiliation, position)
            if body is not None and not body.anonymous:
                found = replace(body, position=position, gender=mention.gender, speaks_for=True)
                return found, "spokesperson"
        if mention.document:
            return self._document(mention, position)
        if len(mention.name.split()) == 1 and position - self.sentence_start in (0, 2):
            if mention.anonymous:
                self.heading_noun = mention  # "Witness: “…”", named below, if at all
            elif not mention.anaphor and mention.name[:1].isupper():
                described = self._common_noun(mention, position)
                if described is not None:
                    return described
        if mention.anaphor == "person":
            found, how = self._person_pronoun(mention, position)
            if found is None and mention.name.lower().startswith("the "):
                # "The Irishman said …" with nobody named before: somebody, described.
                return replace(mention, kind=SK.ANONYMOUS, anonymous=True, anaphor=""), "anonymous"
            return found, how
        if mention.anaphor == "any":
            found = self._latest(position, lambda m: m.anonymous or m.kind != SK.PERSON)
            found = found or self._latest(position, lambda m: True)
            return (found.at(position), "pronoun") if found else (None, "")
        if mention.anaphor in ("organisation", "government", "outlet"):
            return self._body(mention, position)
        if mention.anaphor == "title":
            return self._title(mention, position)
        if mention.anonymous and _AUTHORS.match(mention.name):
            # "the authors" of the study named before: the study's word.
            for document in reversed(self.documents):
                their = normalize_name(document.relation or document.name).split()
                if their and their[-1] in _WRITTEN_WORKS:
                    return document.at(position), "document"
        if mention.anonymous and mention.name.lower() in ("police", "the police"):
            force = self._force()
            if force is not None:
                # "Police said …" where the article names one force: that force.
                return self._member_mention(force, position), "body-word"
        if (
            mention.anonymous
            and mention.affiliation is None
            and _BARE_SPOKESPERSON.match(mention.name)
        ):
            # "The Northern Trust said …" and then "A spokeswoman said …": the body's
            latest = self._latest(position, lambda m: True)
            if (
                latest is not None
                and not latest.anonymous
                and latest.kind in (SK.ORGANISATION, SK.GOVERNMENT)
                and position - latest.position < _SPOKESPERSON_REACH
            ):
                return replace(latest, position=position, speaks_for=True), "spokesperson"
        if mention.anonymous and mention.role and not mention.speaks_for:
            # "His lawyer says …", and a lede's "…, a prosecutor said": the one person the
            # article describes so, before or after.
            indefinite = mention.name.lower().startswith(("a ", "an "))
            whose = mention.relation.lower() == mention.role.lower()  # not "X's office"
            lede = indefinite and not mention.relation and self.in_lede(position)
            if whose or lede:
                described = self._described_person(mention, position, first=lede)
                if described is not None:
                    return described, "title"
            bare = not mention.name.lower().startswith(("a ", "an ", "the "))
            if bare and not mention.relation and (self.headline or self.in_lede(position)):
                # "Economy minister says …" over a story about "Economy Minister Gonzalo
                # Ibarguren": the one person the story gives that title.
                titled = self._titled(mention.role)
                if titled is not None:
                    return self._member_mention(titled, position), "title"
        if mention.anonymous and mention.role in _NAMED_LATER and not mention.speaks_for:
            # "…, after a thinktank warned" in a lede: the thinktank the story names next.
            if mention.name.lower().startswith(("a ", "an ")) and not mention.relation:
                later = self._body_named_after(mention.role, position)
                if later is not None:
                    return later, "body"
        if mention.anonymous:
            return mention, "anonymous"
        if mention.kind == SK.GOVERNMENT and normalize_name(mention.name) in COUNTRIES:
            body = self._country_body(mention)
            if body is not None:
                return body.at(position), "alias"
        if mention.kind == SK.PERSON and mention.single:
            member = self.cast.person_with_surname(mention.name, position)
            if member is not None:
                return self._member_mention(member, position, mention), "surname"
            if _AGENT_PLURAL.match(mention.name) and self.cast.find(mention.name) is None:
                # "Homebuilders have urged …": a group of people, not somebody's surname.
                return replace(mention, kind=SK.ANONYMOUS, anonymous=True), "anonymous"
        if mention.kind == SK.ORGANISATION and _ACRONYM.fullmatch(mention.name):
            titled = self._titled_by_initials(mention.name)
            if titled is not None:
                return self._member_mention(titled, position), "title"
        member = None
        if mention.kind == SK.PERSON and mention.single and mention.role:
            found = self.cast.find(mention.name)
            if found is not None and found.kind not in (EK.PERSON, ""):
                # "Another witness, …, Sello, said": described as a person, so a person.
                return replace(mention, single=False), "named"
        if mention.role and mention.kind == SK.PERSON:
            whole = self.cast.find(f"{mention.role} {mention.name}")
            if whole is not None and whole.kind != EK.PERSON:
                member = whole  # "Debt Justice Africa": a name, not a title and a name
        member = member or self.cast.find(mention.name)
        if member is None and mention.kind == SK.PERSON and not mention.anonymous:
            member = self.cast.person_with_surname(mention.name, position)  # "Von der Leyen"
        words = mention.name.split()
        for cut in range(1, len(words) - 1):
            if member is not None:
                break
            shorter = self.cast.find(" ".join(words[cut:]))
            if shorter is not None and shorter.kind == EK.PERSON:
                member = shorter  # "Campaigner Mary Elkins", "Striker Jonas Weber"
        if member is None and len(mention.name.split()) > 1:
            for alias in mention.aliases:
                member = self.cast.find(alias)
                if member is not None:
                    break
        if member is None and mention.kind != SK.PERSON and not mention.anonymous:
            # "the Department for Environment, Food and Rural Affairs (Defra)": the phrase was
            # cut at a comma of the name the cast holds whole.
            key = mention.key
            member = next(
                (
                    m
                    for m in self.cast.organisations()
                    if m.key.startswith(key + " ")
                    and "," in m.name
                    and any(self.sentence_start <= at <= position + 160 for at in m.positions)
                ),
                None,
            )
        if member is not None and member.kind:
            how = "named" if normalize_name(member.name) == mention.key else "alias"
            if known_name(mention.name):
                how = "named"
            resolved = self._member_mention(member, position, mention)
            if mention.single and member.kind != EK.PERSON:
                resolved = replace(resolved, single=False)
            return resolved, how
        if mention.single:
            return mention, "unknown"
        return mention, "named"

    def _common_noun(self, mention, position):
        """ "Company says …", "Sheriff: …" opening a line: "the company", "the sheriff", as
        far as the article tells, or (None, "") for a word that names nobody ("Explosion
        reported at …"); None when the word may be a name."""
        word = mention.name
        if word.lower() not in self.cast.lowercase and word.lower() not in _ROLE_NOUNS:
            return None
        if word in MEMBER_OR_BODY:
            return None  # "MHA said": a body's initials, not the title "mha"
        member = self.cast.find(word)
        if member is not None and (member.known or len(member.forms) > 1):
            return None
        if known_name(word) or word.lower() in NATIONALITIES:
            return None
        described = parse_speaker(f"the {word.lower()}")
        if described is None or not (described.anaphor or described.anonymous):
            if word.endswith("s") and not word.endswith("ss"):
                # "Paramedics said …": people of a kind, nobody in particular.
                return replace(mention, kind=SK.ANONYMOUS, anonymous=True, single=False), (
                    "anonymous"
                )
            return (None, "") if self.headline else None
        self.heading_noun = described
        found, how = self.resolve(described, position)
        return found, how or "anonymous"

    def _latest(self, position, test):
        pool = [m for m in self.said if m.position <= position and test(m)]
        return max(pool, key=lambda m: m.position) if pool else None

    def _person_pronoun(self, mention, position):
        """ "he", "she": the last speaker it agrees with, unless a person it agrees with has
        been named since (not as somebody else's topic, nor in an "Asked about …" clause)."""
        gender = mention.gender

        def agrees(m):
            return not gender or not m.gender or m.gender == gender

        said = self._latest(
            position,
            lambda m: (
                (
                    (m.kind == SK.PERSON and not m.anonymous)
                    or (
                        m.anonymous
                        and not m.document
                        and not m.name.endswith("s")
                        and not _is_body_noun(m)  # "The army delegation …", then "she said"
                    )
                    or m.speaks_for
                )
                and agrees(m)
            ),
        )
        speaker = said
        if said is not None and gender:
            said = self._protagonist_topic(said, agrees) or said
        named = [
            (at, m)
            for at, m in self._people_before(position)
            if agrees(m)
            and (said is None or (at > said.position and m.key != speaker.key))
            and self._may_be_meant(at, m, position)
        ]
        if named:
            at, member = max(named, key=lambda pair: pair[0])
            if said is None or at > said.position + 1:
                how = "pronoun" if member.gender or gender else "pronoun-unsure"
                return self._member_mention(member, position), how
        if said is not None:
            how = "pronoun" if (said.gender or gender) else "pronoun-unsure"
            return said.at(position), how
        return None, ""

    def _may_be_meant(self, at, member, position):
        """Whether a person named at `at` may be the "he" or "she" at `position`: not when
        named in somebody else's statement (its topic), nor in an "Asked about …" opening."""
        for start, end, key in reversed(self.statement_spans):
            if start <= at < end:
                return key == member.key
            if end <= at:
                break
        start = self.sentence_at(position)
        if start <= at < position and _ASKED.match(self.cast.text, start):
            return False
        if start <= at < position and self.trailing:
            # "SMRT will replace the insulators on the Circle Line, he said": "he" is not
            # anyone named in what he said.
            return False
        # "“Callum Reid has carried a lot of that burden,” he said": whoever is named in the
        # quotation is its topic, not the "he" who says it.
        return not any(a <= at < b and not a <= position < b for a, b in self.sentence_quotes)

    def _protagonist_topic(self, said, agrees):
        """The person a speaker was talking about, when that person is the one the article is
        about and spoke before: after "Hirano said rehearsals under Halvorsen were …", a new
        "she" is Halvorsen."""
        span = next((sp for sp in reversed(self.statement_spans) if sp[0] <= said.position), None)
        if span is None or span[2] != said.key:
            return None
        spoke = {m.key for m in self.speakers}
        if not self._people:
            return None
        protagonist = max(self._people, key=lambda m: len(m.positions))
        speaker = self.cast.find(said.name)
        mentioned = len(speaker.positions) if speaker is not None else 1
        if (
            protagonist.key == said.key
            or protagonist.key not in spoke
            or not agrees(protagonist)
            or len(protagonist.positions) <= 2 * mentioned
        ):
            return None
        if any(said.position < at < span[1] for at in protagonist.positions):
            return self._member_mention(protagonist, said.position)
        return None

    def _subject_nearby(self, at, position):
        """Whether the name at `at` opens a sentence (the subject, as a rule) of the paragraph
        of `position` or of the one before it."""
        start = self.sentence_at(at)
        if at - start > 40 or "," in self.cast.text[start:at]:
            return False
        paragraph = self.paragraph_of(position)
        return at >= self.paragraph_starts[max(0, paragraph - 1)] if paragraph >= 0 else True

    def paragraph_of(self, position):
        """The index of the paragraph holding `position`."""
        return bisect.bisect_right(self.paragraph_starts, position) - 1

    def sentence_at(self, position):
        """Where the sentence holding `position` starts."""
        index = bisect.bisect_right(self.sentence_starts, position) - 1
        return self.sentence_starts[index] if index >= 0 else 0

    def _bodies_before(self, position):
        """(Mention, spoke) for every body named or heard before `position`."""
        pool = [
            (m, True)
            for m in self.said
            if m.position <= position and not m.anonymous and m.kind != SK.PERSON
        ]
        outlets = {normalize_name(m.name) for m, _ in pool if m.kind == SK.OUTLET}
        for member in self.cast.organisations():
            earlier = [at for at in member.positions if at <= position]
            if earlier and member.key not in outlets:
                pool.append((self._member_mention(member, max(earlier)), False))
        return pool

    def _body(self, mention, position):
        words = normalize_name(mention.name).split()
        head = words[-1] if words and words[-1] not in _PRONOUN_WORDS else ""
        if head in _PLURAL_BODIES:
            earlier = next((m for m in reversed(self.said) if m.members), None)
            joint = earlier or self._joint(position)  # the same companies as before
            if joint is not None:
                return joint.at(position), "body"
        pool = self._bodies_before(position)
        joint = next((m for m in reversed(self.said) if m.position <= position), None)
        joint = joint if joint is not None and joint.members else None
        if joint is not None and any(
            m.position > joint.position and not m.anonymous and m.kind != SK.PERSON
            for m in self.said
        ):
            joint = None
        pool = [(m, spoke) for m, spoke in pool if not m.members]
        modifiers = {
            normalize_name(cue.group("name"))
            for cue in map(HYPHEN_CUE.match, mention.name.split())
            if cue
        }
        if modifiers:
            # "the ASX-listed company", "the Moscow-based firm": not the exchange, nor the city
            pool = [(m, spoke) for m, spoke in pool if normalize_name(m.name) not in modifiers]
        if head in _BODY_WORDS["company"]:
            # "The FDA rejected Halvern's therapy, the company said": no agency is a company.
            pool = [(m, spoke) for m, spoke in pool if _may_be_company(m)]
        if head:
            wanted = set(words) - {"the", "a", "an"}
            headed = [m for m, _ in pool if normalize_name(m.name).split()[-1:] == [head]]
            containing = [m for m, _ in pool if wanted <= set(normalize_name(m.name).split())]
            related = [
                m
                for m, _ in pool
                if _BODY_WORDS.get(head, {head}) & set(normalize_name(m.name).split())
            ]
            groups = (
                [m for m in headed if wanted <= set(normalize_name(m.name).split())],
                containing,
                headed,
                related,
            )
            if head == "college":
                # "the college" is a college named as one (the Royal College of Nursing),
                # never King's College Hospital
                groups = (
                    headed,
                    [m for m in containing if m.key.split()[-1] not in ORGANISATION_HEADS],
                )
            elif head in _NAMED_ONLY or mention.name.split()[-1][:1].isupper():
                # "a Commission spokesperson": the body called so, and no other
                groups = (headed, related)
            for group in groups:
                if group:
                    found = max(group, key=lambda m: m.position)
                    if head in ("company", "firm"):
                        # "Kallisti Maritime declined to comment. … the company said": a
                        # company that spoke since the one whose name has the word.
                        later = [
                            m
                            for m, has in pool
                            if has
                            and m.position > found.position
                            and self.paragraph_of(m.position) == self.paragraph_of(position)
                            and m.kind == SK.ORGANISATION
                            and _may_be_company(m)
                        ]
                        found = max(later, key=lambda m: m.position) if later else found
                    return found.at(position), "body-word"
            if head in _NAMED_ONLY or mention.name.split()[-1][:1].isupper():
                return None, ""
            own = [
                w
                for w in mention.name.split()[1:-1]
                if w[:1].isupper() and normalize_name(w) not in _COUNTRY_OF_WORD
            ]
            if (
                own
                and head in _PLACED_BODY_HEADS
                and mention.name.split()[0].lower() == "the"
                and "-based" not in mention.name
            ):
                # "the Aksy district administration": a body named by what it is and where,
                # not some administration named before.
                name = " ".join(mention.name.split()[1:])
                return replace(mention, name=name, anaphor=""), "named"
            described = self.cast.described(head, position)
            if described is not None:
                return self._member_mention(described, position), "body-word"
            national = any(w in NATIONALITIES for w in words)  # "the Chinese government"
            compatible = [
                (2 if normalize_name(m.name) in self.public_bodies else _compatible(head, m), m)
                for m, _ in pool
                if not national
            ]
            compatible = [(fit, m) for fit, m in compatible if fit]
            if compatible:
                # "Health Canada … the department", "Hollyfield Athletic … the club"
                _, found = max(compatible, key=lambda pair: (pair[0], pair[1].position))
                if head in _PUBLIC_BODY_WORDS:
                    self.public_bodies.add(normalize_name(found.name))
                return found.at(position), "body"
            # "The company said" may well be a company named before without the word in its
            # name; "the university" or "the ministry" not.
            alone = head not in _BODY_WORDS["company"] or not any(
                m.kind != SK.OUTLET for m, _ in self._bodies_before(position)
            )
            later = self._body_named_after(head, position, alone)
            if later is not None:
                return later, "body"
            if head not in _GENERIC_BODIES:
                pool = []
        if mention.anaphor == "outlet":
            pool = [(m, spoke) for m, spoke in pool if m.kind == SK.OUTLET]
        else:
            pool = [(m, spoke) for m, spoke in pool if m.kind != SK.OUTLET]
        opening = [
            m
            for m, _ in pool
            # "Acme will …, the company said"; not "The recall covers …, including the Aoba
            # compact and the Kestrel minivan", nor a name inside the quotation
            if self.sentence_start <= m.position < position
            and not _LISTED_BEFORE.search(self.cast.text, max(0, m.position - 40), m.position)
            and not any(a <= m.position < b for a, b in self.sentence_quotes)
        ]
        spoke = [m for m, has in pool if has]
        if joint is not None and not opening and (head in _GENERIC_BODIES or head == ""):
            # "The companies said …. The company said": the first of them, the subject.
            return joint.members[0].at(position), "body"
        if not opening and mention.name.lower() in ("its", "their"):
            # "Jefferies was more sanguine. Its analysts said …": the body the sentence before
            # opened with, when nobody has spoken since.
            latest = max((m.position for m in spoke), default=-1)
            opening = [
                m
                for m, _ in pool
                if m.position > latest and self._subject_nearby(m.position, position)
            ]
            opening = opening and [max(opening, key=lambda m: m.position)]
        if opening or spoke or pool:
            if opening:
                found = min(opening, key=lambda m: m.position)  # "Acme will …, the company said"
            elif not spoke and head in _BODY_WORDS["company"]:
                # Nobody has spoken for a company yet: one named as a company in the sentence
                # before ("Mwera Agro Supplies Limited received …. The company did not
                # respond"), else the one the article is about, the one it names most
                # ("Meridian Freight", not "Catalist" in "listed on Catalist").
                before = self.sentence_at(max(0, self.sentence_start - 1))
                named = [
                    m
                    for m, _ in pool
                    if before <= m.position < self.sentence_start
                    and _CORPORATE_SUFFIX.search(m.name)
                ]
                found = (
                    max(named, key=lambda m: m.position)
                    if named
                    else max((m for m, _ in pool), key=lambda m: (self._times_named(m), m.position))
                )
            else:
                found = max(spoke or [m for m, _ in pool], key=lambda m: m.position)
            return found.at(position), "body"
        if mention.name.lower() == "it":
            return None, ""
        return replace(mention, kind=SK.ANONYMOUS, anonymous=True, anaphor=""), ("anonymous")

    def _body_named_after(self, head, position, alone=False):
        """ "Thinktank warns …" in a headline, "after a thinktank warned …" or (`alone`, when
        no body named before may be meant) "The university says …" in a lede: the one body of
        that kind the story names further down; None when it names none or more than one."""
        if not (self.headline or (self.in_lede(position) and (head in _NAMED_LATER or alone))):
            return None
        family = _BODY_WORDS.get(head, {head})
        later = [
            member
            for member in self.cast.organisations()
            if position < member.first and family & set(member.key.split())
        ]
        return self._member_mention(later[0], position) if len(later) == 1 else None

    def _times_named(self, mention):
        member = self.cast.find(mention.name)
        return len(member.positions) if member is not None else 1

    def _joint(self, position):
        """ "the companies": the two companies named last before `position`, as one source
        ("Northgate Foods and Lakeland Grocers")."""
        latest = []
        for member in self.cast.organisations():
            earlier = [at for at in member.positions if at <= position]
            last = known_name(member.name)
            if not earlier or (last and last[1] != SK.ORGANISATION):
                continue
            if any(w in GOVERNMENT_HEADS or w in _NOT_COMPANIES for w in member.key.split()):
                continue
            latest.append((max(earlier), member))
        if len(latest) < 2:
            return None
        latest.sort(key=lambda pair: pair[0])
        pair = sorted((m for _, m in latest[-2:]), key=lambda m: m.first)
        parts = [self._member_mention(m, position) for m in pair]
        forms = [[p.name, *[a for a in p.aliases if len(a.split()) > 1]][:3] for p in parts]
        aliases = [f"{a} and {b}" for a in forms[0] for b in forms[1]][1:]
        # The pair speaks in this article only: a source of the article's own, like "the
        # companies" it stands for, and no entity.
        return Mention(
            name=f"{parts[0].name} and {parts[1].name}",
            kind=SK.ANONYMOUS,
            anonymous=True,
            aliases=aliases,
            position=position,
            members=tuple(parts),
        )

    def _title(self, mention, position):
        # "the retired colonel" for "retired Police Colonel Renato Salcedo": a status before
        # the title is seldom part of the title a name was given.
        wanted = _title_words(mention.title_words) - {"the", "a", "an"}
        status = wanted & _STATUS_WORDS
        exact, loose = self._titled_before(wanted, position)
        if not (exact or loose) and status and wanted - status:
            # Only somebody written "retired …" or "former …" before the name will do.
            exact, loose = self._titled_before(wanted - status, position, status)
        candidates = exact or loose
        if mention.relation == "office" and not candidates:
            # "The sheriff's office said", no sheriff named yet: the Sheriff's Office named.
            office = self._office(mention)
            if office is not None:
                found = self._member_mention(office, position)
                return replace(found, kind=guess_name_kind(office.name) or found.kind), "body-word"
        if wanted & _SPOKES and mention.affiliation is not None and not candidates:
            # "The Department of Health spokesperson said …", nobody named: the body's word.
            body, _ = self.resolve(mention.affiliation, position)
            if body is not None and not body.anonymous and body.kind != SK.PERSON:
                return replace(body, position=position, speaks_for=True), "spokesperson"
        if wanted & SPOKESPEOPLE:
            # "A spokesperson for ICE said …. The spokesperson declined …": the spokesperson
            # who spoke last, a body's or a named one.
            spoke = self._latest(position, lambda m: m.speaks_for and not m.anonymous)
            if spoke is not None and spoke.position > max((at for at, _ in candidates), default=-1):
                return spoke.at(position), "spokesperson"
        if not candidates:
            candidates = self._partisans(mention.role or mention.name, position)
        if not candidates and not mention.relation and (self.headline or self.in_lede(position)):
            # "Mayor says …" over a story about "Mayor Kerry Tane-Roberts": the one person the
            # story gives that title, named below.
            titled = self._one_titled(wanted)
            if titled is not None:
                return self._member_mention(titled, position), "title"
        if candidates:
            at, member = max(candidates, key=lambda pair: pair[0])
            return self._member_mention(member, position), "title"
        if len(wanted) > 2 and not mention.relation:
            # "…, the Minister for Further and Higher Education has told the Dáil": a lede
            # that gives the full title first and the name after.
            later = [
                (member.first, member)
                for member in self.cast.people()
                if member.first > position and _role_title(member.role) == wanted
            ]
            if later:
                return self._member_mention(min(later, key=lambda pair: pair[0])[1], position), (
                    "title"
                )
        said = self._latest(
            position,
            lambda m: m.kind == SK.PERSON and wanted <= _title_words(m.role.lower().split()),
        )
        if said is not None:
            return said.at(position), "title"
        described = None if mention.relation else self._described_person(mention, position)
        if described is not None:
            return described, "title"  # "Graham Stott, the West Ham manager," said before or after
        varied = self._last_speaker_varied(mention, position)
        if varied is not None:
            return varied, "title"
        name = mention.name
        if mention.relation:
            name = f"{name}'s {mention.relation}"  # "the mayor's office", nobody named
        found = replace(mention, name=name, kind=SK.ANONYMOUS, anonymous=True, anaphor="")
        return found, "anonymous"

    def _titled_by_initials(self, letters):
        """The one person whose title, written before the name, has `letters` for initials
        ("the MCE" for "The Weija-Gbawe Municipal Chief Executive, Hon. Nii Adjetey Tetteh"),
        when no body the article names is called so; else None."""
        body = self.cast.find(letters)
        if known_name(letters) or (
            body is not None
            and body.kind != EK.PERSON
            and any(" " in form for form in body.forms)  # "… Commission (CEC)" spelled out
        ):
            return None
        text, holders = self.cast.text, {}
        for member in self.cast.people():
            for at in member.positions:
                title = _TITLE_BEFORE.search(text, max(0, at - 90), at) if at > 0 else None
                if title is None:
                    continue
                words = [w for w in title.group("title").split() if w.lower() not in _LINKS]
                if "".join(w[0] for w in words[-len(letters) :]) == letters:
                    holders[id(member)] = member
        return next(iter(holders.values())) if len(holders) == 1 else None

    def _last_speaker_varied(self, mention, position):
        """The person who spoke last, in this paragraph or the one before, when a politician
        is described anew by party or seat and the article gives nobody that description:
        "Róisín Kielty said …" and then "…, the Dublin Mid-West TD said." """
        words = mention.name.split()
        if mention.relation or len(words) < 3 or words[-1].lower() not in _VARIED_HEADS:
            return None
        if not any(word[:1].isupper() for word in words[1:-1]):
            return None  # "the junior minister": not a new description of somebody named
        if not self.speakers or not self.statement_spans:
            return None
        last = self.speakers[-1]
        if last.kind != SK.PERSON or last.anonymous or last.single:
            return None
        if self.paragraph_of(self.statement_spans[-1][0]) < self.paragraph_of(position) - 1:
            return None
        return last.at(position)

    def _titled_before(self, wanted, position, status=()):
        """([(at, member)] whose title is exactly `wanted`, [… whose title holds it]), of the
        people named before `position`; with `status`, only those with one of its words
        written just before the name."""
        exact, loose = [], []
        text = self.cast.text
        for member in self.cast.people():
            role = _role_title(member.role)
            earlier = [at for at in member.positions if at <= position]
            if status:
                earlier = [
                    at
                    for at in earlier
                    if at >= 0 and set(text[max(0, at - 60) : at].lower().split()) & status
                ]
            if role and earlier and wanted <= role:
                (exact if role == wanted else loose).append((max(earlier), member))
        return exact, loose

    def _partisans(self, role, position):
        """[(at, member)] named before `position` with a party tag that fits `role`: "D-Ohio"
        for "Ohio Democrat", any "R-…" for "Republican"."""
        words = role.lower().split()
        party = _PARTY_LETTERS.get(words[-1]) if words else None
        if party is None:
            return []
        state = words[:-1]
        found = []
        for member in self.cast.people():
            for at in member.positions:
                tag = _NAME_THEN_PARTY.match(self.cast.text, at) if 0 <= at <= position else None
                if tag is None:
                    continue
                written = tag.group("state") or tag.group("before") or tag.group("after") or ""
                letter = tag.group("party") or tag.group("member")[0].upper()
                if letter == party and _state_fits(written.strip(), state):
                    found.append((at, member))
        return found

    def _titled(self, title):
        """The one person of the article whose title is `title`, or None."""
        return self._one_titled(_role_title(title) - {"the", "a", "an"})

    def _one_titled(self, wanted):
        """The one person of the article whose title words are exactly `wanted`, or None."""
        exact, _ = self._titled_before(wanted, float("inf")) if wanted else ([], [])
        return exact[0][1] if len(exact) == 1 else None

    def _office(self, mention):
        """The body the article names that "the sheriff's office" stands for: the one "…
        Sheriff's Office" it names ("Potter County Sheriff's Office"), if only one."""
        title = [w for w in normalize_name(mention.name).split() if w not in ("the", "a", "an")]
        if not title:
            return None
        ending = f" {' '.join(title)}s office"
        offices = [m for m in self.cast.organisations() if f" {m.key}".endswith(ending)]
        return offices[0] if len(offices) == 1 else None

    def _described_person(self, mention, position, first=False):
        """The one person the article describes with the role `mention` names, before or
        after it: "Graham Stott, the West Ham manager," for "the West Ham manager", "Sipho
        Ndlela, the executive mayor of Emfuleni," for "Emfuleni's mayor"; None when nobody or
        more than one person fits. With `first`, the first person so described after it.

        When nobody is described with all the words, the one person described with the
        role's last word will do: in a lede, the first so described after it ("a London judge"
        for "District Judge Eleanor Whitby"); elsewhere, one who shares a word that says whose
        the role is ("Poland's central bank governor" for "National Bank of Poland Governor
        Tadeusz Wrona"). Never one not said to be of the country the words name.
        """
        words = role_words(mention.role or mention.name)
        if not words or words[-1] not in ROLE_HEADS:
            return None
        head = role_family(words[-1])
        wanted = set(words[:-1])
        possessor = mention.possessor
        if possessor is not None and possessor.kind != SK.PERSON and not possessor.anaphor:
            wanted.update(role_words(possessor.name))  # whose mayor: Emfuleni's
        fitting, loose = {}, {}  # id(member): (member, [where it is so described])
        words_of = {}  # id(member): every word the article describes them with
        for member, described, where in self.cast.people_described():
            words_of.setdefault(id(member), set()).update(described)
            if head not in described:
                continue
            loose.setdefault(id(member), (member, []))[1].append(where)
            if wanted <= described and not (first and where < position):
                fitting.setdefault(id(member), (member, []))[1].append(where)
        if first:
            # A lede's "a prosecutor said": the first of them the story goes on to name, in
            # the next paragraph or the one after; else the one it names further down.
            loose = {k: v for k, v in loose.items() if not _other_countries(wanted, words_of[k])}
            paragraph = self.paragraph_of(position)
            for pool in (fitting, loose):
                after = [
                    (where, member)
                    for member, wheres in pool.values()
                    for where in wheres
                    if where > position and self.paragraph_of(where) <= paragraph + 2
                ]
                if after:
                    return self._member_mention(min(after, key=lambda pair: pair[0])[1], position)
            later = [member for member, wheres in loose.values() if min(wheres) > position]
            if len(later) == 1 and len(loose) == 1:
                return self._member_mention(later[0], position)
            return None
        if len(fitting) == 1:
            return self._member_mention(next(iter(fitting.values()))[0], position)
        if fitting or len(loose) != 1:
            return None
        ((key, (member, _)),) = loose.items()
        theirs = words_of[key]
        if (wanted & theirs) - _RANK_WORDS and not _other_countries(wanted, theirs):
            return self._member_mention(member, position)
        return None

    def in_lede(self, position):
        """Whether `position` is in the body's first paragraphs, where copy opens (a
        standfirst or a caption may come before the lede)."""
        return self.paragraph_of(position) < _LEDE_PARAGRAPHS

    def _country_body(self, mention):
        country = PLACE_INDEX.get(normalize_name(mention.name))
        demonym = DEMONYMS.get(country[0] if country else mention.name, "")
        for said in reversed(self.said):
            if said.kind == SK.GOVERNMENT and not said.anonymous:
                key = normalize_name(said.name)
                if demonym and key.startswith(normalize_name(demonym) + " "):
                    return said
        return None

    def _document(self, mention, position):
        """The name of a document: "Securities and Exchange Commission complaint" for "The
        SEC's complaint"; the lawsuit named before for "the complaint"."""
        self.document_used = True
        if _POLICE_RECORDS.match(mention.name) and mention.possessor is None:
            force = self._force()
            if force is not None:
                # "according to police reports", "police statistics": the force's own
                return self._member_mention(force, position), "author"
        relation = mention.relation or mention.name
        words = normalize_name(relation).split()
        head = words[-1] if words else ""
        if mention.possessor is not None and mention.possessor.relation != "office":
            owner, how = self.resolve(mention.possessor, position)
            office = _audit_office(mention.possessor) if owner is None or owner.anonymous else None
            if office is not None:
                owner, how = office, "body-word"
            if owner is not None and not owner.anonymous:
                name = f"{owner.name} {relation}"
                # the word of a body or a person named ("the college" for the Royal College
                # of Nursing), not of "the county coroner" or of "the government" unnamed
                # "its annual report", "the company's filing": the body named before
                authored = (
                    head in _AUTHORED
                    and not owner.anaphor
                    and owner.name[:1].isupper()
                    and (
                        not mention.possessor.anaphor
                        or how == "body-word"
                        or owner.kind in (SK.ORGANISATION, SK.GOVERNMENT)
                    )
                )
                found = replace(
                    mention,
                    name=name,
                    aliases=_document_names([owner.name, *owner.aliases], relation)[1:],
                    possessor=owner if authored else None,
                )
                self.documents.append(found)
                if authored:
                    # "a report by the Centre for Transport Futures": the body's own word
                    return owner.at(position), "author"
                return found, "document"
        bare = normalize_name(mention.name)
        definite = (
            bare.split()[:1] != ["a"]
            and (mention.name.lower().startswith(("the ", "this ")) or bare == head)
            # "the Budget statement", "the Doha statement": named for something, not "the one
            # mentioned before"
            and not any(w[:1].isupper() for w in mention.name.split()[1:-1])
        )
        if head == "statement" and definite:
            if self.statement_makers:
                return replace(self.statement_makers[-1], position=position), "statement"
            # "A spokesperson for HSE South West said …" and then "…,” the statement said":
            # the body that spoke last through its spokesperson.
            spoke = self._latest(position, lambda m: m.speaks_for and not m.anonymous)
            if spoke is not None and position - spoke.position < _SPOKESPERSON_REACH:
                return spoke.at(position), "statement"
        if definite:
            family = _family(head)
            for document in reversed(self.documents):
                their = normalize_name(document.relation or document.name).split()
                if their and their[-1] in family:
                    if document.possessor is not None:
                        return document.possessor.at(position), "author"
                    return document.at(position), "document"
            if head in ("lawsuit", "suit", "complaint") and self.plaintiffs:
                plaintiff, against = self.plaintiffs[-1]
                aliases = []
                if plaintiff is not None and not plaintiff.anonymous:
                    name = f"{plaintiff.name} lawsuit"
                    names = [plaintiff.name, *plaintiff.aliases]
                    aliases = [a for a in _document_names(names, "lawsuit") if a != name]
                else:
                    name = f"lawsuit against {against}" if against else "lawsuit"
                found = replace(mention, name=name, relation="lawsuit", aliases=aliases)
                self.documents.append(found)
                return found, "document"
            if head in ("opinion", "ruling", "decision") and self.courts and not mention.possessor:
                found = replace(mention, name=f"{self.courts[-1].name} {head}", relation=head)
                self.documents.append(found)
                return found, "document"
            found = replace(mention, name=re.sub(r"^(?:the|this)\s+", "", mention.name, flags=re.I))
            self.documents.append(found)
            return found, "document"
        if (
            head in ("ruling", "judgment", "judgement")
            and self.courts
            and mention.possessor is None
            and bare.split()[:2] == ["a", head]
        ):
            # "the court has upheld …, according to a ruling made public on Tuesday"
            found = replace(mention, name=f"{self.courts[-1].name} {head}", relation=head)
            self.documents.append(found)
            return found, "document"
        name = re.sub(r"^(?:an?|the)\s+", "", mention.name, flags=re.IGNORECASE)
        found = replace(mention, name=name)
        self.documents.append(found)
        return found, "document"

    def note_document(self, head, owner=None):
        """Notes a document named without being cited: one `owner` published ("HIW … has
        published its findings"), so that "the report" below is the owner's; or, without an
        owner, a report named in passing, so that "the report" below is not one before it."""
        self.documents.append(
            Mention(
                name=f"{owner.name} {head}" if owner is not None else head,
                kind=SK.ANONYMOUS,
                anonymous=True,
                document=True,
                possessor=owner,
                relation=head,
                position=owner.position if owner is not None else 0,
            )
        )

    def add(self, mention, sentence="", statement=False):
        if mention is None:
            return
        if mention.kind == SK.PERSON or mention.anonymous:
            gender = mention.gender or _gender_in(sentence)
            if gender and not mention.gender:
                mention = replace(mention, gender=gender)
        self.said.append(mention)
        if statement:
            self.statement_makers.append(mention)


_SAME_DOCUMENT = {
    "lawsuit": ("lawsuit", "complaint", "suit"),
    "complaint": ("complaint", "lawsuit"),
}


def _document_names(owners, relation):
    """The names of a body's document, under each of the body's names and each word for that
    kind of document: "FTC complaint" is the "Federal Trade Commission lawsuit"."""
    words = relation.split()
    kinds = _SAME_DOCUMENT.get(words[-1].lower(), (words[-1],)) if words else ("",)
    names = []
    for kind in kinds:
        what = " ".join([*words[:-1], kind]) if words else kind
        for owner in owners:
            name = f"{owner} {what}".strip()
            if owner and name not in names:
                names.append(name)
    return names[:20]


_COUNTRY_OF_WORD = {
    **{key: PLACE_INDEX[key][0] for key in COUNTRIES if key in PLACE_INDEX},
    **{normalize_name(demonym): country for country, demonym in DEMONYMS.items()},
}


def _other_countries(words, others):
    """Whether the words `words` name a country (or its people) that the words `others` do
    not: "Iran's deputy foreign minister" is not "Saudi Deputy Foreign Minister …", nor
    anybody not said to be Iranian."""
    ours = {_COUNTRY_OF_WORD[w] for w in words if w in _COUNTRY_OF_WORD}
    theirs = {_COUNTRY_OF_WORD[w] for w in others if w in _COUNTRY_OF_WORD}
    return not ours <= theirs


def _gender_in(sentence):
    """The gender of the first third-person pronoun in a sentence, "" if none."""
    match = re.search(r"\b(?:(she|her|hers|herself)|(he|his|him|himself))\b", sentence)
    if not match:
        return ""
    return "female" if match.group(1) else "male"


_CORPORATE_SUFFIX = re.compile(
    r",?\s+(?:Inc\.?|Incorporated|Ltd\.?|Limited|Corp\.?|LLC|L\.L\.C\.|PLC|plc|Co\.|GmbH|AG|"
    r"S\.A\.|SA|N\.V\.|NV|Pty\.?(?:\s+Ltd\.?)?|LLP|LP)$"
)


def member_aliases(member):
    """The other names of a member worth keeping: spellings of a person's full name, a body's
    longer names and abbreviations, a place's other names. Never a bare surname or a body's
    first word alone, which another article may use for someone else."""
    result = []
    known = known_name(member.name)
    place = PLACE_INDEX.get(member.key) if member.kind == EK.PLACE else None
    extra = list(known[2]) if known else list(place[1]) if place else []
    police = re.match(r"^(.+) police$", member.name)
    if police and member.kind == EK.ORGANISATION:
        extra.append(f"{police.group(1)} Police Department")  # the usual full name
    forms = [*member.aliases(), *extra]
    if member.kind == EK.ORGANISATION:
        bare = _CORPORATE_SUFFIX.sub("", member.name)
        if bare != member.name and len(bare) > 1:
            forms.insert(0, bare)  # "Northgate Foods" for "Northgate Foods Inc."
    if member.kind == EK.PERSON and len(member.name.split()) == 1 and member.role:
        title = member.role.split()[-1]
        if title.lower().rstrip(".") in ("lord", "lady", "sir", "dame", "sheikh"):
            forms.append(f"{title} {member.name}")  # "Lord Penhallow": how a peer is named
    for form in forms:
        words = form.split()
        if member.kind == EK.PERSON and len(words) < 2:
            continue
        if member.kind == EK.ORGANISATION and len(words) == 1:
            acronym = form.replace(".", "").isupper() and len(form) >= 2
            spelled = len(form) >= 2 and abbreviates(form.lower(), member.name.split())
            if not (acronym or spelled) and form not in extra:
                continue
        if normalize_name(form) not in {normalize_name(r) for r in result} and (
            normalize_name(form) != member.key
        ):
            result.append(form)
    return result


# --- Statements ----------------------------------------------------------------------------------


def find_statements(body, hits=None, *, cast=None):
    """[Found, …]: the statements of an article body, in order, with sources resolved in it.

    `cast` is the article's mentions.read_cast() (read here when not given; `hits`, a list
    of mentions.NameHit, may stand for it).
    """
    body = readable(body)  # "Harold “Bud” Vandermeer" is a name, not a quotation
    body, listed = join_listed_names(body)  # "Ministry of Health, Labour and Welfare"
    if cast is None:
        cast = Cast(hits, body) if hits is not None else read_cast(body)
    context = _Context(cast)
    blocks = layout(body)
    for block in blocks:
        if not block.heading:
            context.paragraph_starts.append(block.start)
            context.sentence_starts.extend(block.start + sa for sa, _ in block.sentences)
    statements = []
    previous = []  # the statements of the paragraph before
    running = None  # the statement whose quotation ran on past the paragraph before
    pending = []  # [Found, noun, paragraphs left]: "Company says …" lines, named below them
    for block in blocks:
        if block.heading:
            previous, running = [], None
            continue
        pending = [p for p in pending if p[2] > 0]
        for item in pending:
            item[2] -= 1
        pa, paragraph, masked, spans = block.start, block.text, block.masked, block.quotes
        context.headline = _headline_like(paragraph, block)
        current = []
        for index, (sa, sb) in enumerate(block.sentences):
            text, shown = paragraph[sa:sb], masked[sa:sb]
            quotes = [(max(a, sa) - sa, min(b, sb) - sa) for a, b in spans if a < sb and b > sa]
            context.sentence_start = pa + sa
            context.sentence_quotes = [(pa + sa + a, pa + sa + b) for a, b in quotes]
            context.heading_noun = None
            documents, context.document_used = len(context.documents), False
            _record_events(shown, pa + sa, context)
            found = _statement(text, shown, quotes, pa + sa, context)
            if (
                _REPORT_NOUN.search(shown)
                and len(context.documents) == documents
                and not context.document_used
            ):
                context.note_document("report")
            if found is None and _is_bare_quote(text, quotes):
                found = _carried(
                    pa + sa, current, previous, running if index == 0 else None, context
                )
            if found is None:
                continue
            found.start, found.end = pa + sa, pa + sb
            if found.via is not None and not found.via.relay:
                found.via = replace(found.via, relay=True)
            if found.via is None and found.source:
                _carry_via(found, current or previous, text)
            named = found.source is not None and not found.source.anonymous
            if context.heading_noun is not None and context.headline:
                if not (named and found.source.kind == SK.PERSON):
                    # "Premier says …" over "Premier Alan MacInnis" is settled already.
                    pending = [[found, context.heading_noun, 3]]
            elif named:
                for item in pending:
                    if _fits_noun(found.source, item[1]):
                        item[0].source = found.source
                        item[0].source_confidence = min(found.source_confidence, 0.7)
                        item[2] = 0
                pending = [p for p in pending if p[2] > 0]
            if found.source is not None:
                context.speakers.append(found.source)
                context.statement_spans.append((pa + sa, pa + sb, found.source.key))
            statements.append(found)
            current.append(found)
        running = current[-1] if current and block.runs_on else None
        previous = current
    if listed:
        for found in statements:
            found.source = with_commas(found.source, listed)
            found.via = with_commas(found.via, listed)
    return statements


def with_commas(mention, listed):
    """`mention` with the names text.join_listed_names() read without their commas written
    as the body writes them, its affiliation's too."""
    if mention is None:
        return None
    name = commas_back(mention.name, listed)
    affiliation = with_commas(mention.affiliation, listed)
    if name == mention.name and affiliation is mention.affiliation:
        return mention
    return replace(mention, name=name, affiliation=affiliation)


_ROLE_NOUNS = (TITLE_WORDS | ORGANISATION_HEADS | GOVERNMENT_HEADS) - NATIONALITIES


def _headline_like(paragraph, block):
    """A line that reads like a subheading or a live post's title: "Company says it is
    “cooperating fully”", "Sheriff: Two workers still unaccounted for"."""
    text = paragraph.strip().rstrip("”’\"'")
    return len(block.sentences) == 1 and len(text) <= 110 and text[-1:] not in ".!?…"


def _fits_noun(source, noun):
    """Whether a source named under a line may be what its common noun meant: a person for
    "Sheriff", a body for "Company", "Union"."""
    if noun.anaphor == "title" or noun.anonymous:
        return source.kind == SK.PERSON
    if source.kind == SK.PERSON:
        return False
    head = normalize_name(noun.name).split()[-1]
    words = set(normalize_name(source.name).split())
    if head in _NAMED_LATER and head != "union":
        return bool(_BODY_WORDS[head] & words)  # "Thinktank warns …": a thinktank's name
    return head not in ("union", "party") or head in words


def _record_events(masked, offset, context):
    """Notes who sued and which court ruled, to name "the lawsuit" and "the opinion"."""
    lawsuit = _LAWSUIT.search(masked) if ("sued" in masked or "filed" in masked) else None
    if lawsuit:
        subject = subject_before(masked, lawsuit.start())
        plaintiff = None
        if subject is not None:
            plaintiff, _ = context.resolve(subject[0], offset + subject[1])
        against = (lawsuit.group("against") or "").strip()
        against = re.sub(r"^the\s+", "", against)
        context.plaintiffs.append((plaintiff, against))
    published = _PUBLISHED.search(masked) if _PUBLISHING.search(masked) else None
    if published:
        # "HIW … has now published its findings": "the report" below is HIW's word.
        subject = subject_before(masked, published.start())
        if subject is not None:
            owner, _ = context.resolve(subject[0], offset + subject[1])
            if owner is not None and not owner.anonymous and not owner.document:
                context.note_document(published.group("head"), owner)
    ruled = _RULED.search(masked) if "ourt" in masked else None
    if ruled:
        subject = subject_before(masked, ruled.start())
        if subject is not None and "court" in subject[0].name.lower():
            court, _ = context.resolve(subject[0], offset + subject[1])
            if court is not None:
                context.courts.append(court)


def _statement(text, masked, quotes, offset, context):
    """The Found for one sentence (offsets left to the caller), or None."""
    if not may_attribute(masked):
        return None
    found = attributions(masked)
    low = masked.lower()
    hedged = any(cue in low for cue in _HEDGE_CUES) and HEDGE.search(masked) is not None
    kind = _quote_kind(text, quotes)
    declined = no_comment(masked)
    if declined is not None and declined[0] is None:
        if any(a.type == "speech" and a.verb_start > declined[1] for a in found):
            declined = None  # "One, who declined to give her name, said …"
    if declined is not None and any(
        a.type in ("speech", "according")
        and a.verb_start > declined[1]
        and a.mention is not None
        and a.mention.document
        and (a.type == "according" or masked[: a.start].rstrip().endswith(","))
        for a in found
    ):
        declined = None  # "The officers declined to be interviewed, the report said": its word
    if declined is not None and _SAID_BUT.search(masked, 0, declined[1] or len(masked)):
        # "Aucoin said the speaker “fully supports …,” but she declined to say whether …":
        # what was said, and a refusal besides
        if any(a.type == "speech" and a.verb_start < (declined[1] or len(masked)) for a in found):
            declined = None
    if declined is not None:
        subject, start, words = declined
        speakers = [
            a
            for a in found
            if a.type == "speech" and a.verb_start < start and a.mention is not None
        ]
        if speakers:
            # "A spokesperson for AMD said the company does not comment": the speaker's.
            subject, start = speakers[0].mention, speakers[0].start
        source, how = context.resolve(subject, offset + start)
        if source is None:
            return None
        source = _capital_as_country(source)
        via = _via(found, source, None)
        context.add(source, masked)
        return _make(StatementKind.NO_COMMENT, source, via, words, "no_comment", how, hedged)
    if not found:
        return None
    _relay_named_last(found, masked)
    chosen = _choose_source(found)
    refusal = _QUOTED_NO_COMMENT.search(text) if "comment" in text.lower() else None
    if refusal and chosen.type == "speech" and not _BUT_MORE.search(text, refusal.end()):
        # "… said the company “does not comment on rumors”", not "… but remains “committed”"
        kind = StatementKind.NO_COMMENT
    context.trailing = chosen.trailing
    source, how = context.resolve(chosen.mention, offset + chosen.start)
    context.trailing = False
    if source is None:
        return None
    if chosen.audience is not None:
        heard, _ = context.resolve(chosen.audience, offset + chosen.verb_end)
        if heard is not None and heard.kind not in (SK.OUTLET, SK.PERSON) and not heard.anonymous:
            if context.cast.described_as_outlet(heard.name):
                heard = replace(heard, kind=SK.OUTLET)  # "the broadcaster Kanal 9", before
        chosen.audience = heard
    via, via_from = _via(found, source, chosen), "main"
    if via is not None:
        relay = next(
            (
                a
                for a in found
                if a is not chosen and any(via is x for x in (a.mention, a.via, a.audience))
            ),
            None,
        )
        if relay is not None and (relay.pattern == "participle" or relay.verb == "telling"):
            via_from = "aside"
        via, _ = context.resolve(via, offset + chosen.verb_end)
        if via is not None and via.key == source.key:
            via = None
    pattern = chosen.pattern or ("according" if chosen.type == "according" else "verb")
    if chosen.type == "report":
        pattern = "report"
    if chosen.type == "citing":
        pattern = "citing"
    if kind is None and chosen.verb in QUOTE_VERBS and QUOTE_MASK in masked:
        kind = StatementKind.PARTIAL
    source = _capital_as_country(source)
    if chosen.type == "report" and not source.anonymous and source.kind != SK.PERSON:
        context.note_document("report", source)  # "L’Équipe reported …": "the report" is L’Équipe's
    elif not source.anonymous and not source.document:
        written = _IN_A_DOCUMENT.search(masked)
        if written is not None:
            # "In a report tabled on Wednesday, the audit office found …": "the report" below
            # is the audit office's.
            context.note_document((written.group("head") or written.group("data")).lower(), source)
    statement = "statement" in low and _STATEMENT_WORDS.search(masked) is not None
    context.add(source, masked, statement=bool(statement) and not source.document)
    if via is not None:
        context.add(via)
    words = chosen.words or chosen.verb or pattern
    result = _make(kind or StatementKind.INDIRECT, source, via, words, pattern, how, hedged)
    result.via_from = via_from
    result.interview = via is not None and chosen.audience is not None
    if quotes and how == "named" and kind in (StatementKind.DIRECT, StatementKind.PARTIAL):
        result.confidence = min(0.95, result.confidence + 0.05)
    return result


def _is_body_noun(mention):
    """Whether an unnamed speaker is a body, not somebody: "the army delegation"."""
    words = role_words(mention.role or mention.name)
    return bool(words) and words[-1] in _BODY_NOUNS


def _state_fits(written, state):
    """Whether a party tag's state ("N.M.", "Calif.", "PA", "Ohio") is `state`, a list of lower-
    case words, or `state` is empty."""
    if not state:
        return True
    wanted = " ".join(state)
    compact = written.replace(" ", "")
    return any(
        name.lower() == wanted
        and (written == name or compact in {a.replace(" ", "") for a in abbreviations})
        for name, abbreviations in US_STATES.items()
    )


def _role_title(role):
    """The title words of a role as written: {"economy", "minister"} for "Economy Minister"."""
    return _title_words(role.lower().replace(".", "").split())


def _title_words(words):
    """A title's words, abbreviations spelled out: "Cr" is a councillor, "Sen." a senator;
    honorifics left out ("Governor Dr Mercy Onyango-Kibet" is a governor)."""
    found = {TITLE_EXPANSIONS.get(w.rstrip("."), w.rstrip(".")) for w in words}
    return (found - HONORIFIC_WORDS) or found


def _capital_as_country(source):
    """A capital that speaks is its country's government: "Seoul says" is South Korea's."""
    if source.kind != SK.GOVERNMENT or source.anonymous:
        return source
    country = _CAPITALS.get(normalize_name(source.name))
    if country is None:
        return source
    aliases = list(PLACE_INDEX.get(normalize_name(country), (country, []))[1])
    return replace(source, name=country, aliases=[*aliases, source.name], single=False)


_CAPITALS = {normalize_name(city): country for city, country in CAPITALS.items()}


def _make(kind, source, via, words, pattern, how, hedged):
    confidence = _PATTERN_CONFIDENCE.get(pattern, 0.8)
    if how in ("pronoun", "pronoun-unsure"):
        confidence -= 0.1
    if hedged:
        confidence -= 0.15
    return Found(
        0,
        0,
        kind,
        source,
        via,
        (words or "")[:300],
        confidence=round(max(0.05, min(0.99, confidence)), 2),
        source_confidence=_SOURCE_CONFIDENCE.get(how, 0.8),
    )


def _carried(position, current, previous, running, context):
    """A quotation alone: its speaker is the one whose quotation it continues, or the one
    quoted just before, in this paragraph or the one before; further back, the last speaker,
    unless somebody has been named since as the subject of a sentence."""
    if running is not None and running.source is not None:
        return _copy(running, position, 0.8, min(running.source_confidence, 0.8))
    here = [f for f in current if f.source is not None]
    if here:
        return _copy(here[-1], position, 0.8, min(here[-1].source_confidence, 0.8))
    before = [f for f in previous if f.source is not None]
    if before:
        return _copy(before[-1], position, 0.7, min(before[-1].source_confidence, 0.7))
    people = [(at, m) for at, m in context._people_before(position) if position - 400 < at]
    last = context.speakers[-1] if context.speakers else None
    if people:
        at, member = max(people, key=lambda pair: pair[0])
        person = context._member_mention(member, at)
        if last is None or (at > last.position and context._subject_nearby(at, position)):
            found = Found(0, 0, StatementKind.DIRECT, person, confidence=0.5, source_confidence=0.5)
            found.carried = True
            return found
    if last is not None and position - last.position < 1500:
        source = last.at(position)
        found = Found(0, 0, StatementKind.DIRECT, source, confidence=0.5, source_confidence=0.5)
        found.carried = True
        return found
    return None


def _copy(earlier, position, confidence, source_confidence):
    source = earlier.source.at(position)
    found = Found(
        0,
        0,
        StatementKind.DIRECT,
        source,
        earlier.via if earlier.via_from == "main" else None,
        confidence=confidence,
        source_confidence=source_confidence,
        via_from=earlier.via_from,
    )
    found.carried = True
    return found


# Where a speaker said something, when the sentence says so: not the interview before.
_OWN_SETTING = re.compile(
    r"\b(?:in\s+a\s+(?:\w+\s+)?(?:statement|post|letter|email|filing|tweet|memo|note|release)|"
    r"told\s+(?:reporters|journalists|the\s+(?:court|jury|committee|hearing|meeting|crowd))|"
    r"at\s+a\s+(?:\w+\s+)?(?:conference|briefing|hearing|rally|meeting|event|summit)|"
    r"wrote|posted|tweeted|testified|in\s+court|on\s+(?:X|Twitter|Facebook|Instagram|TikTok)|"
    r"in\s+(?:parliament|the\s+(?:House|Senate|Commons|Dáil|chamber)))\b"
)


def _carry_via(found, earlier, text):
    """What the same speaker says right after telling an outlet something came through that
    outlet too: "X told Reuters that …. “…,” she said.", "…. He said the council …"."""
    for statement in reversed(earlier):
        if statement.source is None or statement.source.key != found.source.key:
            continue
        if statement.via is None or statement.via_from != "main":
            return
        if found.kind == StatementKind.DIRECT or (
            statement.interview
            and found.kind != StatementKind.NO_COMMENT
            and not _OWN_SETTING.search(text)
        ):
            found.via, found.via_from = statement.via, "main"
            found.interview = statement.interview
        return


def _relay_named_last(found, masked):
    """ "Tallinn University of Technology has warned …, Postimees reported": a name of one
    word that nothing else tells the kind of, reporting at the end what a named speaker said at
    the start, is a news outlet relaying it."""
    for attribution in found:
        mention = attribution.mention
        if (
            attribution.type == "report"
            and attribution.trailing
            and mention is not None
            and mention.single
            and masked[: attribution.start].rstrip().endswith(",")
            and masked[attribution.start : attribution.verb_start].strip() == mention.name
            and not (mention.anonymous or mention.anaphor)
            and any(
                other.type == "speech"
                and other.leading
                and other.mention is not None
                and not other.mention.anonymous
                for other in found
            )
        ):
            attribution.mention = replace(mention, kind=SK.OUTLET, single=False)


def _is_relay(attribution):
    mention = attribution.mention
    return (
        mention is not None
        and attribution.type in ("according", "report", "relay", "citing")
        and mention.kind == SK.OUTLET
    )


def _choose_source(found):
    """The attribution that names who made the claim (the innermost), not who relayed it."""
    speech = [a for a in found if a.type == "speech" and not _is_relay(a)]
    speech += [a for a in found if a.type == "report" and not _is_relay(a)]
    citing = [a for a in found if a.type == "citing" and not _is_relay(a)]
    governing = [a for a in found if a.type == "according" and a.leading and not _is_relay(a)]
    if governing:
        return governing[0]  # "According to the complaint, a vice principal told …"
    data = [
        a
        for a in found
        if a.pattern == "according-data" and not _is_relay(a) and not a.mention.anonymous
    ]
    if data and all(
        a.mention.anonymous and not a.mention.speaks_for and a.verb in _EXPECTING for a in speech
    ):
        return data[0]  # "Analysts had forecast $1.19 a share, according to LSEG data"
    main = [a for a in speech if not a.embedded]
    if not main and any(a.type == "according" and not _is_relay(a) for a in found):
        speech = []  # "…, according to the department, well below what experts say is needed"
    elif not main and (citing or all(a.verb in QUOTE_VERBS for a in speech)):
        speech = []  # "Yonhap, citing officials, reported … what it called …"
    elif main:
        speech = main
    if speech:
        outlet_speaks = [a for a in speech if a.mention.kind == SK.OUTLET]
        reporting = [a for a in speech if a.type == "report" or a.verb in ("reported", "reports")]
        if citing and (len(outlet_speaks) == len(speech) or len(reporting) == len(speech)):
            return citing[0]  # "Reuters reported, citing remarks by Pinheiro"
        leading = [a for a in speech if a.leading and a.pattern != "participle"]
        leading_pure = [a for a in leading if a.verb in ("said", "says", "told", "tells")]
        trailing = [a for a in speech if a.trailing]
        if leading_pure:
            return leading_pure[0]
        if trailing:
            return trailing[-1]
        if leading:
            return leading[0]
        return speech[0]
    if citing:
        return citing[0]
    for kind in ("according", "citing"):
        chosen = [a for a in found if a.type == kind and not _is_relay(a)]
        if chosen:
            return chosen[0]
    reports = [a for a in found if a.type in ("report", "according", "citing")]
    if reports:
        return reports[0]
    return found[0]


def _via(found, source, chosen=None):
    """Who relayed the claim to the outlet: the relay nearest the outlet, else the audience."""
    if source is None:
        return None
    relays = []
    for a in found:
        if a is chosen or a.mention is None:
            continue
        if a.type in ("according", "report", "citing", "relay") and _is_relay(a):
            if a.mention.key != source.key:
                relays.append(a)
    outer = [a for a in relays if a.type in ("report", "according")]
    if outer:
        return outer[-1].mention
    citing_outlets = [a for a in relays if a.type == "citing"]
    if citing_outlets:
        return citing_outlets[-1].mention
    if chosen is not None and chosen.type == "citing":
        # "Nine were rescued, Xinhua said, citing maritime authorities": who cited relays.
        citers = [
            a
            for a in found
            if a.type in ("speech", "report")
            and a.mention is not None
            and a.mention.kind == SK.OUTLET
            and not a.embedded
        ]
        if citers:
            return citers[-1].mention
    if chosen is not None and chosen.via is not None:
        return chosen.via
    quoted = [a for a in found if a.via is not None]
    if quoted:
        return quoted[-1].via
    if chosen is not None and chosen.audience is not None:
        heard = chosen.audience
        if heard.kind == SK.OUTLET and heard.key != source.key:
            return heard
    tellers = [a for a in found if a.audience is not None and a.audience.kind == SK.OUTLET]
    if tellers:
        return tellers[-1].audience
    if relays:
        return relays[-1].mention
    if chosen is not None and chosen.type == "speech" and chosen.mention is source:
        return None
    return None


def _quote_kind(text, quotes):
    """DIRECT when quotations carry the sentence, PARTIAL for quoted fragments, else None."""
    if not quotes:
        return None
    stripped = text.strip()
    first, last = quotes[0], quotes[-1]
    if first[0] == 0 and not re.sub(r"[\s.!?,]", "", text[last[1] :]) and len(quotes) == 1:
        return StatementKind.DIRECT
    quoted = sum(b - a for a, b in quotes)
    for a, b in quotes:
        closed = text[b - 1] in "”\"'’»"
        inner = text[a + 1 : b - 1 if closed else b].strip("'’‘ ") if b - a > 2 else ""
        sentence_like = inner[:1].isupper() or inner.startswith(("…", "..."))
        substantial = len(inner.split()) >= 3 or quoted >= 0.4 * len(stripped)
        if sentence_like and inner[-1:] in ".,!?…" and substantial:
            return StatementKind.DIRECT
    return StatementKind.PARTIAL


def _is_bare_quote(text, quotes):
    return (
        len(quotes) == 1
        and quotes[0][0] == 0
        and not re.sub(r"[\s.!?,]", "", text[quotes[0][1] :])
        and quotes[0][1] - quotes[0][0] > 3
    )
