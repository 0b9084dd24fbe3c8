"""Attributions inside one sentence: who is said to have said it, in which words, via whom.

Everything here reads one sentence whose quotations are masked (text.QUOTE_MASK), so that no
pattern looks inside a quotation. attributions() lists every attribution it finds:

- a speech verb with its subject before it ("Lopez told reporters", "Two Senate aides who
  spoke on condition of anonymity said", "Linda Carver, 61, a retired postal worker from
  Toledo, Ohio, who took part in the trial, said", "He called … and said") or after it
  ("…," said Council Member Janelle Ortiz); plural subjects take the plain form ("Critics
  say", "U.S. prosecutors allege");
- a participle after the main clause ("Gov. Carolyn Ashford vetoed the bill, saying …",
  "…, telling Reuters that …");
- a verb that frames a quoted phrase ("called the proposal a “disaster”", "dismissed the
  remarks as “a familiar trick”", "she read");
- a colon before a quotation ("She described one case in detail: “…”");
- "according to X", "citing X", "X was quoted as saying by Y", "quoted X as saying";
- "By Adebayo's estimate, …", "As Halloran puts it, …", "…, with Finance Minister Asha
  Pillai saying …";
- relays: "told CNN", "in an interview with Interfax", "speaking to CBC News", "speaking on BBC
  Radio 4", "interviewed by 3AW", "in a statement carried by CCTV", "first reported by Business
  Insider", "the AP reported", "the official IRNA news agency reported", "according to a
  Yonhap report cited by AFP"; an outlet no list names is known by the shape of its name
  ("Kanal24", "3AW", "the Tarrant Clarion");
- declining to comment ("did not respond to a request for comment", "could not be reached",
  "didn’t respond").
"""

import copy
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from stories.extraction.lexicon import (
    BODY_HEADS,
    BODY_NAME_HEADS,
    DESCRIPTION_WORDS,
    DOCUMENT_HEADS,
    GIVEN_NAMES,
    LANGUAGES,
    MONTHS,
    NAME_PARTICLES,
    NATIONALITIES,
    OUTLET_NAME_WORDS,
    PERSON_HEADS,
    PLACE_INDEX,
    PLACE_NAME_HEADS,
    QUANTIFIERS,
    SK,
    _words,
    known_name,
    normalize_name,
)
from stories.extraction.speakers import Mention, _named, parse_speaker
from stories.extraction.text import QUOTE_MASK, is_abbreviation

SPEECH_VERBS = _words(
    "said says told tells added adds announced announces reported reports denied denies "
    "confirmed confirms warned warns insisted insists claimed claims stated argued "
    "argues noted explained explains wrote writes tweeted acknowledged acknowledges "
    "admitted admits alleged alleges asserted asserts estimated estimates predicted predicts "
    "testified testifies concluded concludes revealed reveals disclosed discloses suggested "
    "suggests urged urges promised promises vowed vows replied replies countered counters "
    "cautioned cautions emphasized emphasised emphasizes emphasises stressed stresses "
    "maintained maintains contended contends declared declares recalled recalls observed "
    "agreed agrees disputed disputes rejected rejects conceded concedes posted ruled found "
    "finds showed shows indicated indicates accused accuses complained complains responded "
    "responds quoted pledged pledges acknowledged projected projects forecast forecasts "
    "reiterated reiterates objected objects conceded recommended recommends affirmed affirms "
    "underlined underlines specified reassured reassures reminded reminds clarified clarifies "
    "lamented laments remarked states asked asks"
)
# The plain form, for plural subjects: "Critics say", "prosecutors allege", "They argue".
PLURAL_VERBS = _words(
    "say tell add announce report deny confirm warn insist claim state argue note explain "
    "write acknowledge admit allege assert estimate predict testify conclude reveal disclose "
    "suggest urge promise vow reply counter caution emphasize emphasise stress maintain "
    "contend declare recall agree dispute reject concede find show indicate accuse complain "
    "respond pledge project forecast reiterate object recommend affirm underline reassure "
    "remind clarify lament"
)
PURE_SPEECH_VERBS = _words(
    "said says told tells added adds insisted insists warned warns argued argues noted "
    "explained explains wrote writes stated asserted asserts stressed emphasized emphasised "
    "replied countered declared say tell add insist warn argue"
)
REPORT_VERBS = _words("reported reports reporting")
# Verbs that frame a quoted phrase: an attribution only when a quotation follows.
QUOTE_VERBS = _words(
    "called calls calling described describes describing dismissed dismisses branded brands "
    "labeled labelled labels hailed hails termed terms dubbed dubs characterized "
    "characterised characterizes slammed slams blasted blasts denounced denounces condemned "
    "condemns praised praises criticized criticised criticizes criticises lauded lauds "
    "welcomed welcomes read reads demanded demands demand"
)
# Verbs that need a complement to report speech: "Voss conceded shortly after 11 p.m." does not.
_NEEDS_COMPLEMENT = _words(
    "conceded concedes agreed agrees responded responds replied replies posted testified "
    "testifies ruled objected objects"
)
# Verbs that report what a document or a body found, never what a person did.
_FINDING_VERBS = _words("found finds showed shows indicated indicates find show indicate")
_SINGULAR_ONLY = _words(
    "says tells adds announces reports denies confirms warns insists claims argues explains "
    "writes acknowledges admits alleges asserts estimates predicts testifies concludes "
    "reveals discloses suggests urges promises vows replies counters cautions emphasizes "
    "emphasises stresses maintains contends declares recalls agrees disputes rejects "
    "concedes finds shows indicates accuses complains responds states asks"
)
_PARTICIPLES = _words(
    "saying arguing adding noting warning insisting claiming explaining stressing "
    "conceding acknowledging contending asserting predicting suggesting writing telling "
    "calling describing accusing urging vowing promising pledging alleging ruling"
)

_VERB = re.compile(
    r"\b(?:(?P<aux>is|are|was|were)\s+(?P<prog>reporting|saying|claiming|insisting|warning|"
    r"arguing|predicting|suggesting)|(?P<verb>"
    + "|".join(sorted(SPEECH_VERBS | PLURAL_VERBS | QUOTE_VERBS, key=len, reverse=True))
    + r"|pointed out|points out))\b"
)
_PARTICIPLE = re.compile(
    r"(?:,|\x1a)\s*(?P<verb>having\s+(?:said|told|warned|argued)(?!\s+that\s*[,.;])|"
    + "|".join(sorted(_PARTICIPLES, key=len, reverse=True))
    + r")\b"
)
_PASSIVE_AUX = _words("is are was were be been being")
# Auxiliaries and adverbs between a subject and its verb: "has long argued", "also said".
_STRIPPABLE = _words(
    "has have had is are was were also then later previously again repeatedly earlier once "
    "now did does do not never first initially subsequently further publicly privately "
    "separately already still would will could may might ultimately simply long since often "
    "always"
)
# A day of the week and a month, in patterns that ignore case.
_WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_MONTH = "(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + ")"
# A time between a subject and its verb: "a deal Lindqvist at the time called", "Doe last
# year said".
_TIME_BEFORE_VERB = re.compile(
    r"\s(?:at (?:the|that) time|back then|in (?:19|20)\d\d|(?:last|this|earlier this) "
    rf"(?:week|month|year)|on {_WEEKDAY})$",
    re.IGNORECASE,
)
_ADVERBIAL_ASIDE = re.compile(
    r",\s*(?:however|meanwhile|though|too|also|in turn|in response|for (?:his|her|its|their) "
    r"part|in a statement|in an interview|separately|in addition|moreover|nevertheless|"
    rf"instead|then|later|earlier|in a (?:tele)?phone call|on {_WEEKDAY})\s*,?\s*$",
    re.IGNORECASE,
)
_SEPARATOR = re.compile(r"\s*(?:[;:()—–]|,(?!\d)|\s--?\s|\x1a+)\s*")  # not "6,000"
_BLOCKING_BEFORE = _words(
    "and or nor & of to for with by from about against at in on than between among over into "
    "that before after because when while if since until although though as whether where "
    "which who whom whose whether"
)
_TIME_AFTER_VERB = re.compile(
    r"^\s*(?:(?:on|late|early|last|this|earlier|later)\s+)?(?:monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday|today|yesterday|tonight|week|month|year|night|morning|"
    r"afternoon|evening)(?:\s+(?:morning|afternoon|evening|night))?\b",
    re.IGNORECASE,
)
_ONLY_CIRCUMSTANCE = re.compile(
    r"^\s*(?:(?:shortly|soon|just|late|early|only)\s+)?(?:(?:after|before|at|by|on|around|"
    r"about|in|during|until)\b[^,;\x1a]*)?[.!?]*\s*$",
    re.IGNORECASE,
)
_ACCORDING_TO = re.compile(r"\b[Aa]ccording\s+to\s+")
_CITING = re.compile(
    r"\b[Cc]iting\s+(?:(?:remarks|comments|statements?|a\s+statement|a\s+report|reports|"
    r"data|figures|documents|information)\s+(?:by|from|of)\s+)?"
)
_PASSIVE_BY = re.compile(
    r"\b(?:is|are|was|were|has\s+been|have\s+been)\s+(?:[a-z]+ly\s+)?(?:considered|"
    r"described|rated|seen|regarded|viewed|called|labell?ed|deemed|characteri[sz]ed|judged|"
    r"ranked)\s+(?:[a-z]+\s+){0,3}?by\s+"
)
_SEEN_BY_OUTLET = re.compile(r"\b(?:seen|viewed)\s+by\s+$")
_QUOTED_AS_SAYING = re.compile(r"\bquoted\s+(?P<who>[^,;\x1a]{2,80}?)\s+as\s+saying\b")
_PASSIVE_QUOTED = re.compile(
    r"\b(?:is|are|was|were|has\s+been|had\s+been)\s+quoted\s+(?:by\s+(?P<by1>[^,;\x1a]+?)\s+)?"
    r"as\s+saying(?:\s+by\s+(?P<by2>[^,;\x1a]+?)(?=\s+(?:that|as)\b|[,;.\x1a]|$))?"
)
# "in an interview with", "during a television interview on"
_INTERVIEW_WITH = r"(?:[Ii]n|[Dd]uring)\s+an?\s+(?:[\w-]+\s+){0,2}interview\s+(?:with|on)"
_RELAY = re.compile(
    rf"\b(?:{_INTERVIEW_WITH}|[Ss]peaking\s+"
    r"(?:to|on|with)|[Aa]ppearing\s+on|who\s+(?:appeared|spoke|was\s+speaking)\s+(?:on|to)|"
    r"(?:said|says|added|argued|warned|insisted|claimed|"
    r"admitted|acknowledged|conceded)(?:\s+(?:(?:[Mm]on|[Tt]ues|[Ww]ednes|[Tt]hurs|[Ff]ri|"
    r"[Ss]atur|[Ss]un)day|yesterday|today|tonight|earlier))?\s+on|[Ii]nterviewed\s+(?:by|on)|(?:carried|"
    r"published|broadcast|aired)\s+(?:by|on)|(?:first\s+)?reported\s+by|(?:was|were)\s+quoted\s+"
    r"by|telling|(?:in\s+)?a\s+(?:[\w-]+\s+)?statement\s+to)\s+"
)
_DOCUMENT_WRAPPER = re.compile(
    r"^(?:an?|the)\s+(?:[a-z]+\s+)?(?:statement|post|tweet|transcript|readout|release|"
    r"interview|presentation|remarks|comments|testimony|speech|letter|memo)\s+(?:from|by|"
    r"released by|issued by|published by|of|with)\s+",
    re.IGNORECASE,
)
# A middle initial, then a surname that ends the phrase: " D. Sequeira," (not " B. Investigators
# said").
_MIDDLE_INITIAL = re.compile(
    r"(?:(?<=[a-z] )|(?<=[A-Z]\.))[A-Z]\.\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*"
    r"(?=\s*(?:[,;:]|\.?\s*$)|\s+(?!(?:"
    + "|".join(sorted(SPEECH_VERBS | PLURAL_VERBS, key=len, reverse=True))
    + r")\b)[a-z])"
)
_ACCORDING_STOP = re.compile(
    r"[,;:]|\.(?:\s|$)|\x1a|"
    r"\s+(?:that|which|who|but|though|although|while|because|as|when|if|after|before|since)\b"
)
_NP_STOP = re.compile(
    r"\s+(?:that|citing|which|who|as|on|in|at|about|during|after|before|when|while|if|last|"
    r"this|earlier|to|for|because|and|but|was|were|is|are|has|had|have)\b|[,;:]|\.(?:\s|$)|"
    r"\x1a"
)
_NOT = r"(?:\s+not|n['’]t)"  # "did not", "didn’t"
NO_COMMENT = re.compile(
    r"\b(?:declined|refused)\s+(?:to\s+(?:comment|elaborate|discuss|respond|say|confirm|"
    r"provide|give|answer|be\s+interviewed|speak|name|identify|disclose|specify)|comment)\b|"
    # "referred questions to the state": a refusal to answer them
    r"\b(?:referred|refers|redirected)\s+(?:all\s+)?(?:further\s+)?(?:questions|inquiries|"
    r"enquiries|queries|requests\s+for\s+comment)\b|\b(?:did|does|do|has|have|had)"
    + _NOT
    + r"\s+(?:yet\s+)?(?:immediately\s+)?(?:respond|reply|return|answer)(?:ed)?\b|\b(?:"
    r"could|can)\s*(?:not|n['’]t)\s+(?:immediately\s+)?be\s+reached\b|\b(?:was|were)"
    + _NOT
    + r"\s+(?:immediately\s+)?available\s+(?:for|to)\s+comment\b|\bhad\s+no\s+(?:immediate\s+)?"
    r"comment\b|\b(?:would|could|can)\s*(?:not|n['’]t)\s+(?:comment|say)\b|"
    r"\bcan['’]t\s+(?:comment|say|be\s+reached)\b|\b(?:did|does|do)"
    + _NOT
    + r"\s+comment\b|\b(?:did|does)"
    + _NOT
    + r"\s+(?:immediately\s+)?(?:return|answer)\s+(?:\w+\s+){0,2}(?:calls?|messages?|emails?)"
)
NO_ONE_COMMENTED = re.compile(
    r"\b[Nn]o\s+(?P<who>(?:[A-Z][\w.]*\s+)?[a-z]+)\s+(?:has|have)\s+(?:yet\s+)?(?:publicly\s+)?"
    r"(?:commented|responded)\b"
)
HEDGE = re.compile(
    r"\b(?:reportedly|allegedly|purportedly|supposedly|rumou?red|(?:is|are|was|were)\s+said\s+"
    r"to|(?:is|are|was|were)\s+(?:widely\s+)?(?:believed|thought)\s+to|(?:is|are|was|were|has\s+"
    r"been|have\s+been|had\s+been)\s+accused|according\s+to\s+(?:media\s+)?reports|reports\s+"
    r"say|it\s+(?:is|was)\s+claimed)\b",
    re.IGNORECASE,
)
_COLON_QUOTE = re.compile(r"^(?P<before>[^\x1a]{3,}?):\s*\x1a")
_INTRO_DOCUMENT = re.compile(
    r"^(?:In|Under)\s+(?P<det>a|an|its|his|her|their|the)\s+(?P<doc>(?:[\w-]+\s+){0,3}?"
    r"(?P<head>petition|filing|complaint|lawsuit|report|statement|letter|memo|post|"
    r"declaration|affidavit|motion|brief|testimony|note|submission))\b"
)
_GENERIC_DOCUMENTS = _words("studies reports surveys polls research experts")
_AGENT_PLURAL = re.compile(r"^[A-Za-z][a-z]{3,}(?:ers|ists|ians)$")
# Verbs that report speech only next to a quotation ("“…,” the complaint states", "“…?” he
# asked", "asked: “…”"), or for a document's "states", before a clause: not "asked the court
# to rule", nor "Gulf states said".
_NEXT_TO_QUOTE = _words("states asked asks")
# Verbs that report speech only with a clause or a quotation after them: "agreed that …",
# not "agreed to resume talks".
_NEEDS_CLAUSE = _words("agreed agrees agree admitted admits admit recommended recommends recommend")
# Participles that report speech only before a clause or a quotation: ", adding that …", not
# ", adding $1.9 million in costs".
_PARTICIPLE_NEEDS_CLAUSE = _words(
    "adding noting explaining stressing insisting warning writing acknowledging conceding "
    "suggesting predicting ruling"
)


@dataclass
class Attribution:
    """One attribution found in a sentence; offsets are the sentence's."""

    type: str  # speech, according, citing, report, relay, quoted, no_comment
    mention: Mention | None
    start: int  # where the speaker's phrase starts
    verb_start: int
    verb_end: int
    words: str
    verb: str = ""
    audience: Mention | None = None
    trailing: bool = False
    leading: bool = False
    pattern: str = ""  # verb, inverted, participle, quote-verb, colon, passive, intro-doc
    via: Mention | None = None  # a relay named inside this attribution
    embedded: bool = False  # in a relative clause: "what prosecutors called a scheme"


def segments(text):
    """[(start, end), …] of the parts of `text` between commas, dashes and quotations."""
    parts, pos = [], 0
    for match in _SEPARATOR.finditer(text):
        parts.append((pos, match.start()))
        pos = match.end()
    parts.append((pos, len(text)))
    return parts


# Words for what a body publishes that stand for the body itself: "data from the state health
# department" is the department's word; "a report by the council" is a document.
_MOD_STOPS = _words(
    "a an the that which who to and or but is are was were has have had will would said says"
)
_VOICE_DOCUMENTS = _words(
    "data figures statistics numbers results estimates presentation remarks comments "
    "testimony speech briefing"
)
# What a body issues in its own name: "the OPEC+ statement" is OPEC+'s word.
_STATEMENTS = _words("statement readout communique communiqué announcement")
_DOCUMENT_PHRASE = re.compile(
    r"^(?:(?P<det>[Aa]n?|[Tt]he|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er)\s+)?(?P<mods>(?:[\w’'+-]+\s+){0,4}?)"
    r"(?P<head>"
    + "|".join(sorted(DOCUMENT_HEADS | _VOICE_DOCUMENTS, key=len, reverse=True))
    + r")(?P<made>,?\s+(?:released|published|issued|filed|compiled|prepared|commissioned|posted|"
    r"presented|made|produced|conducted)"
    # "released in May by …", "published last year by …": when, then who
    rf"(?:\s+(?:in|on|last|this|earlier)\s+(?i:{_WEEKDAY}|week|month|year|{_MONTH}|\d{{4}}))?"
    r"(?:\s+(?!by\b|from\b|in\b|of\b)"
    r"[\w.]+){0,4}?)?(?:\s+(?P<prep>by|from|in|of|between)\s+(?P<who>.+))?$"
)
# Works a body writes and publishes in its own name ("the Bank of Spain report").
_NAMED_WORKS = _words(
    "report study survey analysis estimate audit review poll assessment investigation "
    "forecast projection findings resolution"
)
# Bodies named by a common noun before their work: "a division survey", "the agency report".
_BODY_MODS = _words(
    "division department agency commission committee ministry council board authority office "
    "bureau institute regulator watchdog company firm bank union"
)
# When a document came out, after who published it: "… published in January", "… on Thursday".
_WHEN_PUBLISHED = re.compile(
    r"(?:\s+(?:released|published|issued|made\s+public)\b.*|\s+(?:on|in|last|this|earlier)\s+"
    rf"(?:{_WEEKDAY}|week|month|year|{_MONTH})\b.*)$",
    re.IGNORECASE,
)
_YEAR_FIRST = re.compile(r"^\s*\d{4}(?:[-–/]\d{2,4})?\s+")
_RECENT_WORDS = re.compile(r"^(?:(?:new|latest|recent|preliminary|final|official)\s+)+")
_IS_DATE = re.compile(
    rf"(?:{_MONTH}\.?(?:\s+\d{{1,2}})?(?:,?\s+\d{{4}})?|\d{{4}}|{_WEEKDAY})",
    re.IGNORECASE,
)
_PLURAL_DOCUMENT = re.compile(
    r"(?:(?:the|new|latest|official)\s+)*(?:data|figures|statistics|numbers|results|estimates|"
    r"records|documents|minutes|findings)\s+(?:released|published|issued|compiled|from|by)\b",
    re.IGNORECASE,
)
_DOCUMENT_OPENERS = DOCUMENT_HEADS | _VOICE_DOCUMENTS | _words("a an the its their")
_DATED_BY = re.compile(
    rf"(?:{_MONTH}\.?(?:\s+\d{{4}})?|\d{{4}})\s+by\s+",
    re.IGNORECASE,
)
_DATA_BY = re.compile(
    r"\b(?:data|records|figures|filings|disclosures|statistics|documents|numbers|results|"
    r"reports|returns|accounts)\s+by\s+"
)
_OWN = re.compile(r"(?<=['’]s)\s+own\b")
_FIGURES = _words("data figures statistics numbers estimates results")
_RECENCY = re.compile(
    r"\b(?:most\s+recent|latest|new|newest|recent|first|second|third|"
    r"last|previous|latest|preliminary|final|unofficial|official|"
    r"full|same|widely\s+cited)\s+",
    re.IGNORECASE,
)


_POSSESSIVE_WORD = re.compile(r"\w[’']s?(?=\s|$)")
_OWNER_ONLY = re.compile(r"(?:[Tt]he|[Aa]n?)\s.*\w[’']s?$")


@lru_cache(maxsize=8192)
def document_phrase(text):
    """A Mention for a document or a body's published word: "a report released last month by
    the Grid Reliability Council", "a study published Wednesday in the journal Nature
    Astronomy", "its most recent quarterly report", "data from the state health department",
    "California Department of Education data"; else None."""
    text = text.strip(" ,;:—–-" + QUOTE_MASK)
    text = re.sub(r"\s+(?:seen|obtained|reviewed|viewed)\s+by\s+.*$", "", text)
    first = text.split(" ", 1)[0]
    if first[:1].isupper() and first.lower() in _DOCUMENT_OPENERS:
        text = first.lower() + text[len(first) :]  # "Figures published by …" opening a sentence
    match = _DOCUMENT_PHRASE.match(text)
    if match and match.group("who") and match.group("prep") != "of":
        # "… by the Bank of Spain published in January", "… in January": when it came out is
        # no part of who wrote it
        who_text = _WHEN_PUBLISHED.sub("", match.group("who"))
        if match.group("prep") == "in" and _IS_DATE.fullmatch(who_text):
            text = text[: match.start("prep")].rstrip()
            match = _DOCUMENT_PHRASE.match(text)
        elif who_text != match.group("who"):
            text = text[: match.start("who")] + who_text
            match = _DOCUMENT_PHRASE.match(text)
    if not match:
        named_data = re.match(
            r"^(?P<who>(?:the\s+)?[A-Z][\w.&'’-]*(?:\s+(?:of|for|and|the|[A-Z][\w.&'’-]*))*)"
            r"\s+(?:data|figures|statistics|estimates|numbers)$",
            text,
        )
        if named_data:
            return parse_speaker(named_data.group("who"))
        return None
    head, det = match.group("head"), (match.group("det") or "").lower()
    # "A 2023 Environment Agency assessment": the year it came out is no part of its name.
    mods = " ".join(_YEAR_FIRST.sub("", _RECENCY.sub("", match.group("mods") or "")).split())
    if _POSSESSIVE_WORD.search(mods):
        return None  # "the company's 2024 sustainability report": parse_speaker reads those
    if any(w.lower() in _MOD_STOPS or w.endswith("ed") and w.islower() for w in mods.split()):
        return None  # "The mayor unveiled a plan": a clause, not a document's name
    if mods and mods[0].isupper():
        if (head in _VOICE_DOCUMENTS or head in _STATEMENTS) and not match.group("who"):
            named = parse_speaker(mods)
            if head in _VOICE_DOCUMENTS or (
                named
                and not (named.anonymous or named.anaphor)
                and named.kind in (SK.ORGANISATION, SK.GOVERNMENT)
                # a body known or written in capitals, not "the Budget statement" or "the Doha
                # statement" (an event, a place)
                and (known_name(mods) is not None or re.fullmatch(r"[A-Z][A-Z&+.-]+", mods))
                and normalize_name(mods) not in PLACE_INDEX
            ):
                # "California Department of Education data", "the OPEC+ statement"
                return named
        if head in _NAMED_WORKS and not match.group("who"):
            # "A Congressional Budget Office estimate", "an Associated Press analysis": the
            # body's own, as "an estimate by the Congressional Budget Office" is
            own = _RECENT_WORDS.sub("", _YEAR_FIRST.sub("", match.group("mods") or "")).strip()
            own = " ".join(own.split())
            named = parse_speaker(own) if own else None
            if (
                named is not None
                and not (named.anonymous or named.anaphor)
                and named.kind in (SK.ORGANISATION, SK.GOVERNMENT, SK.OUTLET)
                and normalize_name(own) not in PLACE_INDEX
            ):
                return _authored_by(named, head)
        return None  # a name or a possessive: parse_speaker reads those
    if mods and head in _NAMED_WORKS and not match.group("who"):
        body = mods.split()[0]
        if body in _BODY_MODS and det in ("a", "an", "the"):
            # "a division survey": the survey of the division named before
            owner = Mention(name=f"the {body}", kind=SK.ORGANISATION, anaphor="organisation")
            return _authored_by(owner, " ".join(mods.split()[1:] + [head]))
    who_text = match.group("who")
    prep = match.group("prep")
    if prep == "of" and (compiled := _DATA_BY.search(who_text)):
        # "an analysis of Senate disclosure records by the watchdog group Campaign Legal Center",
        # not "a study of patients treated by the NHS"
        prep, who_text = "by", who_text[compiled.end() :]
    elif prep == "in" and (dated := _DATED_BY.match(who_text)):
        # "a survey released in September by …": when, then who
        prep, who_text = "by", who_text[dated.end() :]
    published = bool(match.group("made"))
    if who_text and prep in ("by", "from", "of") and head in _VOICE_DOCUMENTS:
        # "data from the state health department", "data compiled by LSEG", "results released
        # by the electoral officer": the body's or the person's own word.
        who = _speaker(who_text)
        if published and who is not None and (who.anonymous or who.anaphor):
            return None
        return who
    if head in _VOICE_DOCUMENTS and not who_text and not (mods and head in _FIGURES):
        return None
    if head in _GENERIC_DOCUMENTS and not det and not who_text:
        return None  # "studies have suggested": the literature, nobody in particular
    relation = f"{mods} {head}".strip()
    owner = None
    if det in ("its", "their", "his", "her"):
        owner = Mention(
            name=det,
            anaphor="organisation" if det in ("its", "their") else "person",
        )
    elif who_text and prep in ("by", "from", "of"):
        owner = _speaker(who_text)
        if owner is None:
            return None
    if prep == "in" and who_text:
        venue = re.sub(r"^the\s+(?:journal|magazine|newspaper)\s+", "", who_text.strip())
        return Mention(
            name=f"{relation} in {venue}",
            kind=SK.ANONYMOUS,
            anonymous=True,
            document=True,
            relation=relation,
        )
    if owner is None and who_text and prep != "between":
        return None
    if owner is None and match.group("made"):
        text = text[: match.start("made")]  # "a ruling made public on Tuesday": the ruling
    name = text if owner is None else f"{owner.name} {relation}"
    if owner is not None and owner.relation and owner.anaphor == "title":
        # "a report by the county coroner's office": the coroner's report
        mark = "’" if "’" in who_text else "'"
        name = f"{owner.name}{mark}s {relation}"
    return Mention(
        name=name if owner is not None or det != "the" else text,
        kind=SK.ANONYMOUS,
        anonymous=True,
        document=True,
        possessor=owner,
        relation=relation,
    )


def _authored_by(owner, relation):
    """A document `owner` wrote, as document_phrase() gives one."""
    return Mention(
        name=f"{owner.name} {relation}",
        kind=SK.ANONYMOUS,
        anonymous=True,
        document=True,
        possessor=owner,
        relation=relation,
    )


_MEMBERS_PLURAL = re.compile(
    r"(?:(?:[Tt]he|[Ss]ome|[Mm]any|[Tt]wo|[Ss]everal)\s+)?(?:[A-Z][a-z]+\s+){0,2}[A-Z]{2,4}s|"
    # "Several Senate Democrats": some of a party's members ("Democrats", "Liberal Democrats"
    # and "The Democrats" may be the party itself)
    r"(?:[Ss]ome|[Mm]any|[Ss]everal|[Aa]\s+few|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|"
    r"[Ee]ight|[Nn]ine|[Tt]en|[Ee]leven|[Tt]welve|\d+)\s+(?:Senate\s+|House\s+)?"
    r"(?:Democrats|Republicans|Conservatives|Tories)"
)


@lru_cache(maxsize=16384)
def _speaker(text):
    """parse_speaker(), a document (document_phrase()), or a bare plural of agent nouns:
    "Homebuilders", "Farmers"."""
    if _holds_a_verb(text):
        return None  # "Daniel Haddad told CNN that": a clause, not who spoke
    if _OWNER_ONLY.match(text):
        return None  # "the company's", "the CBE's": whose, not who (but "McDonald's" speaks)
    if "s own " in text:
        text = _OWN.sub("", text)  # "the college's own estimates": the college's estimates
    document = document_phrase(text)
    if document is not None:
        return document
    stripped = text.strip(" ,;:—–-" + QUOTE_MASK)
    if _MEMBERS_PLURAL.fullmatch(stripped):
        # "Opposition TDs", "Senior Labour MPs": members of a body, nobody in particular.
        return Mention(name=stripped, kind=SK.ANONYMOUS, anonymous=True)
    mention = parse_speaker(text)
    if mention is not None:
        words = text.lower().split()
        if mention.document and words and words[-1] in _GENERIC_DOCUMENTS:
            if words[0] not in ("the", "a", "an", "this", "these", "its", "their"):
                return None  # "Laboratory studies have suggested": nobody in particular
        return mention
    if _AGENT_PLURAL.match(stripped) and stripped.lower() not in _GENERIC_DOCUMENTS:
        return Mention(name=stripped, kind=SK.ANONYMOUS, anonymous=True)
    return None


_NONSPACE = re.compile(r"\S+")
_SPEAKER_OPENERS = (
    QUANTIFIERS
    | DESCRIPTION_WORDS
    | DOCUMENT_HEADS
    | NATIONALITIES
    | _words("the a an his her its their he she they it we i mr mrs ms dr")
)


def _may_open_speaker(word):
    """Whether a speaker's phrase can begin with `word` (a cheap test before parsing)."""
    first = word[:1]
    if not first or first.isupper() or first.isdigit() or first in "\"“‘'(":
        return True
    low = word.lower().rstrip(",")
    return low in _SPEAKER_OPENERS or bool(_AGENT_PLURAL.match(low))


# Verbs that a speaker's phrase never holds, but in a relative clause ("a person who was
# briefed on the talks").
_CLAUSE_VERBS = _words(
    "was were is are am be been being has have had will would could should shall may might "
    "must can did does do said says told tells reported announced wrote added declined "
    "refused warned insisted argued claimed confirmed denied"
)
_RELATIVE_WORDS = frozenset(("who", "which", "that", "whom", "whose"))


_QUALIFYING = _RELATIVE_WORDS | _words(
    "because familiar speaking condition anonymity authorized authorised close involved briefed"
)


_NAME_THEN_PAST = re.compile(
    r"^\s*[A-Z][\w’'-]+\s+(?!(?:based|led|backed|owned|run)\b)[a-z]{2,}ed\s+\S"
)


def _holds_a_verb(text):
    """Whether a phrase holds a finite verb before any relative clause or qualifier: "Daniel
    Haddad told CNN that", "Mahuika thanked her volunteers"."""
    if _NAME_THEN_PAST.match(text) and text.split()[0].lower() not in _SPEAKER_OPENERS:
        return True
    words = text.split()
    for index, word in enumerate(words):
        low = word.lower()
        if low in _QUALIFYING:
            return False
        if word == "May" and index > 0:
            continue  # "released in May", "Theresa May": the month or a name, no verb
        if low in _CLAUSE_VERBS and not _given_name_at(words, index):
            return True
    return False


def _given_name_at(words, index):
    """Whether words[index], a verb's spelling, starts a name there: "Will Gathercole",
    "lock Will Gathercole", "Muna bint Said al Kindi"; not "Ministers Will Review", a
    headline's capitals."""
    word = words[index]
    return word[:1].isupper() and (
        index + 1 < len(words)
        and words[index + 1][:1].isupper()
        and (index == 0 or words[index - 1][:1].islower())
        or index > 0
        and words[index - 1] in NAME_PARTICLES
    )


_SUBORDINATORS = _words("after before when while because since until although though once whereas")


def _tail_speaker(text, start, end):
    """The longest speaker phrase that ends text[start:end], as (Mention, offset), or None."""
    tokens = [(m.start(), m.group()) for m in _NONSPACE.finditer(text, start, end)]
    lows = [t[1].lower() for t in tokens]
    first = max(0, len(tokens) - 14)
    for k in range(len(lows) - 1, first - 1, -1):
        if lows[k] == "what":
            first = k + 1  # "… for running what prosecutors called": the speaker comes after it
            break
        if (
            lows[k] in _CLAUSE_VERBS
            and not _RELATIVE_WORDS.intersection(lows[max(0, k - 4) : k])
            and not _given_name_at([t[1] for t in tokens], k)
        ):
            first = k + 1  # "the plan was approved, and officials": no speaker spans a verb
            break
        if lows[k] in _SUBORDINATORS and k > first:
            first = k + 1  # "… his passport after prosecutors argued": the clause's subject
            break
    for i in range(first, len(tokens)):
        if not _may_open_speaker(tokens[i][1]):
            continue
        mention = _speaker(text[tokens[i][0] : end])
        if mention is None:
            continue
        if i > 0:
            before = tokens[i - 1][1].lower().strip(",")
            if (
                before == "and"
                and i == 1
                and mention.name.lower() not in ("i", "we")
                and _after_a_clause(text, tokens[0][0])
            ):
                return mention, tokens[i][0]  # "The council refused it, and Acme said"
            if before in _BLOCKING_BEFORE and before not in _SUBORDINATORS:
                if before in ("what", "who", "which", "that") and i >= len(tokens) - 3:
                    if mention.anonymous or mention.kind != SK.PERSON or i == len(tokens) - 1:
                        # "what prosecutors called", "a move that city officials said …"
                        return mention, tokens[i][0]
                return None
        return mention, tokens[i][0]
    return None


_PLAIN_SPEECH = _words("said says told tells wrote writes announced reported reports")


def _after_a_clause(text, at):
    """Whether the ", and" ending at `at` joins two clauses ("The council refused it, and")
    rather than the last of several names ("Britain, France, and")."""
    before = text[:at].rstrip()
    if not before.endswith(","):
        return False
    piece = before[:-1].rsplit(",", 1)[-1]
    words = piece.lower().split()
    if len(words) < 3:
        return False
    if words[0] in _RELATIVE_WORDS or words[0] in ("where", "when") or words[0].endswith("ing"):
        return False  # "Jane Doe, who founded the firm, and her husband said": one subject
    return any(
        w in _CLAUSE_VERBS or w in _IRREGULAR_PAST or re.fullmatch(r"[a-z]{3,}ed", w) for w in words
    )  # a clause has a verb; "Prosecutors in Manhattan, Brooklyn and the Bronx, and" none


def head_speaker(text):
    """The longest speaker phrase at the start of `text`, as (Mention, length), or None."""
    wrapper = _DOCUMENT_WRAPPER.match(text)
    skip = wrapper.end() if wrapper else 0
    tokens = []
    words = []
    for match in _NONSPACE.finditer(text, skip):
        low = match.group().lower()
        if low in _CLAUSE_VERBS and not _RELATIVE_WORDS.intersection(words[-4:]):
            break  # "Daniel Haddad told CNN that": no speaker goes past the verb
        if low in _IRREGULAR_PAST and low != "led" and tokens:
            named = _speaker(text[skip : skip + tokens[-1]])
            if named is not None and not (named.anonymous or named.anaphor):
                break  # "The Bank of Uganda held its rate": a name, then its verb
        tokens.append(match.end() - skip)
        words.append(low)
        if len(tokens) == 16:
            break
    for end in reversed(tokens):
        mention = _speaker(text[skip : skip + end])
        if mention is not None:
            return mention, skip + end
    return None


def apposition(first, second):
    """ "A Putin aide, Yuri Ushakov" or "Yuri Ushakov, a Putin aide": one named person."""
    named, described = (
        (first, second) if not (first.anonymous or first.anaphor) else (second, first)
    )
    if named.anonymous or named.anaphor or not (described.anonymous or described.anaphor):
        return None
    if named.kind == SK.PERSON and described.anaphor in ("organisation", "government", "outlet"):
        named = replace(named, kind=described.kind, single=False)  # "The company …, Kopje Haulage"
    if named.kind in (SK.ORGANISATION, SK.GOVERNMENT, SK.OUTLET) and (
        described.anonymous or described.anaphor in ("organisation", "government", "outlet")
    ):
        # "The drug's maker, Veltris Pharmaceuticals": a body, described by what it is.
        words = (described.role or described.name).lower().split()
        if (
            words
            and words[-1] in BODY_HEADS
            and words[-1] not in PERSON_HEADS
            and not described.document
        ):
            return replace(named, description=described.role or described.name)
        return None
    if named.kind != SK.PERSON or described.anaphor not in ("", "title"):
        return None
    if described.document:
        return None
    last = (described.role or described.name).lower().split()[-1:]
    if last and last[0] in PERSON_HEADS and last[0].endswith("s") and not last[0].endswith("ss"):
        return None  # "outside Halstead, Kansas, officials said": nobody is "officials"
    role = re.sub(r"^(?:an?|the)\s+", "", described.role or described.name, flags=re.I)
    whole = re.sub(r"^(?:an?|the)\s+", "", described.name, flags=re.I)
    if whole.startswith(role) and re.fullmatch(r"\s+of\s+[a-z][a-z ]*", whole[len(role) :]):
        role = whole  # "the secretary of state", but not "a scientist at Penn State"
    generic = role.lower() in ("person", "people", "source")
    return Mention(
        name=named.name,
        kind=named.kind,
        role=named.role or ("" if generic else role),
        affiliation=named.affiliation or described.affiliation,
        description=named.description,
        aliases=list(named.aliases),
        single=named.single,
        gender=named.gender or described.gender,
    )


# A conjunction or linking adverb that opens a sentence before its subject: "But Marcin
# Ostrowski, a PiS MP, told PAP".
_CONJUNCTION = re.compile(
    r"\s*(?:But|And|Yet|So|Still|Or|Nor|Now|Then|Also|Plus|Instead|Meanwhile|However)\s+"
    r"(?=[A-Za-z])"
)


def _after_conjunction(core, a, b):
    """(start, piece, speaker) of core[a:b] read again after an opening conjunction; the
    speaker is None when there is none, or none after it."""
    opening = _CONJUNCTION.match(core, a, b)
    if opening is None:
        return a, core[a:b], None
    return opening.end(), core[opening.end() : b], _speaker(core[opening.end() : b])


def _is_intro(piece):
    """Whether a comma-separated piece before the subject is an introductory phrase."""
    stripped = piece.strip()
    if not stripped:
        return True
    if _speaker(stripped) is not None:
        return False
    return True


def clause_subject(core, limit=None, coordinated=False):
    """The subject at the start of a clause (after introductory phrases), with appositions:
    (Mention, start) or None. `core` is the text before the verb."""
    parts = segments(core)
    for index, (a, b) in enumerate(parts):
        piece = core[a:b]
        if not piece.strip():
            continue
        mention = _speaker(piece)
        subject = piece  # the words naming the subject, without a relative clause after it
        if mention is None and index == 0:
            a, piece, mention = _after_conjunction(core, a, b)
            subject = piece
        if mention is None:
            head = head_speaker(piece)
            if (
                head is not None
                and _relative_rest(piece[head[1] :])
                and not head[0].single
                and not _PORTFOLIO.match(piece, head[1])
            ):
                mention, subject = head[0], piece[: head[1]]
            elif (
                coordinated
                and head is not None
                and (
                    head[0].kind in (SK.PERSON, SK.ORGANISATION, SK.GOVERNMENT)
                    and not (head[0].anonymous or head[0].anaphor)
                    # "A Loopline spokesperson later referred … and declined to comment"
                    or head[0].speaks_for
                    and head[0].affiliation is not None
                )
                and (not head[0].single or not piece[: head[1]].strip().count(" "))
                and _VERB_AFTER_NAME.match(piece, head[1])
            ):
                # "… Thiru K. Senthil Raman welcomed the scheme and told PTI": the subject of
                # the first verb, named after a long title; "Mahuika thanked her volunteers
                # and said": a surname alone.
                return head[0], a + len(piece) - len(piece.lstrip())
        if mention is None and _ONE.match(piece) and index + 1 < len(parts):
            # "One, who declined to give her name, said": one of the people just described;
            # "One, retired schoolteacher Maree Fenton, 76, said": the person named after it.
            c, d = parts[index + 1]
            named = _speaker(core[c:d]) if core[c:d].strip() else None
            if named is not None and not named.anonymous and named.kind == SK.PERSON:
                return named, c
            if _RELATIVE.match(core[c:d]):
                return Mention(name=piece.strip().lower(), kind=SK.ANONYMOUS, anonymous=True), a
        if mention is None:
            if index >= 3 or not _is_intro(piece) or re.search(r"\b(?:said|says)\b", piece):
                return None
            continue
        if not mention.anonymous and _listed(core, parts[index + 1 :]):
            return None  # "the U.S., the U.K., NATO and 25 other countries announced"
        if mention.document and mention.possessor is None and index + 1 < len(parts):
            c, d = parts[index + 1]
            made = _MADE_BY.match(core[c:d].strip())
            owner = made and _speaker(made.group("who"))
            if owner is not None and not owner.anonymous:
                # "The suit, filed in March by the Greenfield Neighbors Association, argued"
                relation = mention.relation or re.sub(
                    r"^(?:the|a|an)\s+", "", mention.name, flags=re.I
                )
                return replace(mention, possessor=owner, relation=relation), a
        if index + 1 < len(parts):
            c, d = parts[index + 1]
            following = core[c:d]
            listed = re.match(
                r"^\s*(?:(?:and|or)\s+)?([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*)"
                r"(?:\s+(?:and|or)\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*)?\s*$",
                following,
            )
            if listed and re.search(r"\b(?:and|or)\b", following) and not mention.anonymous:
                return None  # "Britain, France and Germany said": several subjects
            if re.search(r"\band\s+[A-Z]", subject) and mention.kind != SK.ORGANISATION:
                return None  # "Smith and Jones, who …": not "a contractor in Tampa and Clearwater"
            led = _LED_BY_ASIDE.match(following)
            if led and (mention.anonymous or mention.kind == SK.ANONYMOUS):
                leader = _speaker(led.group("who"))
                if leader is not None and leader.kind == SK.PERSON and not leader.anonymous:
                    return leader, a  # "Eleven Democratic senators, led by Ms. Grant, wrote"
            identified = _IDENTIFIED_AS.match(following)
            if identified:
                named = _speaker(identified.group("name"))
                if named is not None and not (named.anonymous or named.anaphor):
                    if "name" in following[: identified.start("name")]:
                        # whose name it is: a person's, described as the phrase before says
                        named = replace(named, kind=SK.PERSON, role=named.role or mention.name)
                    return named, a  # "The vendor, identified … as Pixelmark Data, …"
            elif _RELATIVE.match(following) and index + 2 < len(parts):
                # "Another witness, who gave only his first name, Sello, said", "The driver,
                # who was not injured, Mr Peter Kamau, said"; not "The governor, who spoke at
                # Government House, Asaba, said"
                c, d = parts[index + 2]
                after = _speaker(core[c:d]) if core[c:d].strip() else None
                if re.search(r"\b(?:name|named|known|called|identified)\b", following) or (
                    after is not None and after.kind == SK.PERSON and not after.single
                ):
                    following = core[c:d]
            other = _speaker(following) if following.strip() else None
            joined = other and apposition(mention, other)
            if joined:
                return joined, a
            office = _office_of_place(mention)
            if office and _full_name(other):
                # "The Connétable of St Ouen, Michael Gallichan,", "Member of Parliament for
                # South Choiseul, Hon. Wilson Zalebula,": an office, then who holds it.
                return replace(other, role=other.role or office), a
            if (
                other is not None
                and other.kind in (SK.ORGANISATION, SK.GOVERNMENT)
                and not (other.anonymous or other.anaphor)
                and mention.anaphor == "title"
                and index + 2 < len(parts)
            ):
                # "the Chairman, House Committee on Information, Mr Oluwole Akindolire,": a
                # title, the body it is held in, then its holder.
                c, d = parts[index + 2]
                holder = _speaker(core[c:d]) if core[c:d].strip() else None
                joined = holder and apposition(mention, holder)
                if joined and joined.kind == SK.PERSON:
                    return replace(joined, affiliation=joined.affiliation or other), a
        return mention, a
    return None


_OFFICE_OF_PLACE = re.compile(
    r"(?:[Tt]he\s+)?(?P<office>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2})\s+(?:of|for)\s+[A-Z]"
)


def _office_of_place(mention):
    """The office, when a mention names an office of a place, a seat or a body rather than
    somebody or some body: "The Connétable of St Ouen" (read as a body's name), "Member of
    Parliament for South Choiseul" and "the Ranking Member on Parliament's Health Committee"
    (read as a title and a person); not "Bank of England", "City of London", "Sisters of
    Mercy" or "Secretary of State Mike Pompeo". Else ""."""
    if mention.anonymous or mention.anaphor:
        return ""
    if mention.kind == SK.PERSON:
        words = mention.name.split()
        if (
            mention.role
            and words[0].lower() not in GIVEN_NAMES
            and (mention.role.endswith((" of", " for")) or words[-1].lower() in BODY_NAME_HEADS)
        ):
            return f"{mention.role} {mention.name}"
        return ""
    office = _OFFICE_OF_PLACE.match(mention.name)
    if mention.kind not in (SK.ORGANISATION, SK.GOVERNMENT) or office is None:
        return ""
    last = office.group("office").split()[-1].lower()
    if (
        last in BODY_NAME_HEADS
        or last in PLACE_NAME_HEADS
        or last.endswith("s")
        or known_name(mention.name) is not None
    ):
        return ""
    return mention.name


def _full_name(mention):
    """Whether a mention names a person in full."""
    return (
        mention is not None
        and mention.kind == SK.PERSON
        and not (mention.anonymous or mention.anaphor or mention.single)
    )


_LED_BY_ASIDE = re.compile(
    r"^\s*(?:led|headed)\s+by\s+(?P<who>(?:[a-z][\w-]*\s+){0,3}[A-Z].*?)\s*$"
)
_IDENTIFIED_AS = re.compile(
    r"^\s*(?:(?:identified|named|known|described|listed|referred\s+to)\s+(?:[\w’'-]+\s+){0,5}?as|"
    r"identified\s+(?:only\s+)?by\s+(?:his|her|their|the)\s+(?:sur|first\s+|given\s+|last\s+|"
    r"family\s+)?name|"
    # "who gave her name only as Miss Pauline", "who would give his first name only as Dev"
    r"who\s+(?:would\s+)?(?:gave|give|gives|provided)\s+(?:only\s+)?(?:his|her|their)\s+"
    r"(?:first\s+|given\s+|last\s+|sur|family\s+)?name\s+(?:only\s+)?as)"
    r"\s+(?:(?:Mr|Mrs|Ms|Miss|Mx)\.?\s+)?(?P<name>[A-Z].*?)\s*$"
)
_REPORTED_THAT = re.compile(
    r"\b(?:reported|reports|said|says|told\s+\w+(?:\s+\w+)?|announced|wrote|added|claimed|"
    r"insisted|warned|alleged|alleges)\s+that\s+"
)
# "… Minister for Industries": a title's portfolio, after which no speaker's qualifier comes.
_PORTFOLIO = re.compile(r"\s+(?:of|for)\s+[A-Z]")
# Past tenses that do not end in "-ed": "Acme cut its forecast and said …".
_IRREGULAR_PAST = (
    "cut put set hit let shut quit made gave took sold told won lost held kept left met paid "
    "led brought bought sent spent built began broke chose drew drove fell fought found flew "
    "got grew heard knew laid lent meant ran rose saw sought shook sank sat spoke stood struck "
    "swore taught thought threw understood upheld withdrew wrote"
).split()
_VERB_AFTER_NAME = re.compile(
    r"\s+(?:(?:has|have|had)\s+)?(?:(?:later|also|then|again|first|[a-z]{3,}ly)\s+)?"
    r"(?!(?:of|for|in|on|at|to|from|with|by|and|or|who|which|that)\b)"
    rf"(?:[a-z]{{3,}}(?:ed|es|s)|{'|'.join(_IRREGULAR_PAST)})\b"
)
_ONE = re.compile(r"^\s*(?:One|Another)\s*$")
_RELATIVE = re.compile(r"^\s*(?:who|whose|which|whom)\b")


_SUBORDINATOR = re.compile(
    r"\b(?:after|before|when|while|because|since|until|although|though|once|whereas|if)\s+"
    r"(?=[A-Za-z])"
)
_VERB_NEXT = re.compile(
    r"^\s+(?:(?:on|late|early|last|this)\s+\w+\s+)?(?:(?:has|have|had|was|were|is|are|also|"
    r"then|later|again|quickly|swiftly|formally|repeatedly|publicly|said)\s+)*[a-z]{3,}"
)


def main_subject(core):
    """The subject of the clause that `core` ends in (the text before a participle or a
    colon): after the last subordinating word when a subject follows it, else the subject at
    the start of the sentence. (Mention, start) or None."""
    last = None
    for match in _SUBORDINATOR.finditer(core):
        last = match
    if last is not None:
        found = _subject_at_start(core[last.end() :])
        if found is not None:
            return found[0], last.end() + found[1]
    return _subject_at_start(core)


def _subject_at_start(core):
    parts = segments(core)
    for index, (a, b) in enumerate(parts):
        piece = core[a:b]
        if not piece.strip():
            continue
        whole = _speaker(piece)
        if whole is None and index == 0:
            a, piece, whole = _after_conjunction(core, a, b)
        if whole is not None:
            if index + 1 < len(parts):
                c, d = parts[index + 1]
                other = _speaker(core[c:d]) if core[c:d].strip() else None
                joined = other and apposition(whole, other)
                if joined:
                    return joined, a
            return whole, a
        lead = len(piece) - len(piece.lstrip())
        head = head_speaker(piece.strip())
        if head is not None and _VERB_NEXT.match(piece.strip()[head[1] :]):
            return head[0], a + lead
        if index >= 3 or not _is_intro(piece):
            return None
    return None


_MADE_BY = re.compile(
    r"^(?:filed|brought|released|published|issued|submitted|commissioned|written|prepared)\b"
    r"[^,;]*?\bby\s+(?P<who>.+)$"
)


def _listed(core, parts):
    """Whether the parts after a subject go on listing more subjects: ", France and Germany"."""
    items = [core[a:b].strip() for a, b in parts if core[a:b].strip()]
    if not items:
        return False
    last = items[-1]
    if not re.search(r"\b(?:and|or)\b", last):
        return False
    for item in items:
        words = item.split()
        if len(words) > 7 or words[0].lower() in ("who", "which", "whose", "a", "an", "one"):
            return False
    return True


def _relative_rest(rest):
    """Whether what follows a subject is a relative clause or a qualifier, not a new clause."""
    return bool(
        re.match(
            r"^\s*(?:who|whose|which|that|speaking|familiar|close|involved|with|at|in|on|of|"
            r"from|near|for|among)\b",
            rest,
        )
    )


def _strip_end(core):
    auxiliaries = []
    while core:
        head, _, last = core.rpartition(" ")
        if not (last in _STRIPPABLE or (last.endswith("ly") and last.isalpha() and last.islower())):
            break
        auxiliaries.append(last)
        core = head.rstrip()
    timed = _TIME_BEFORE_VERB.search(core)
    if timed and timed.start() > 0:
        core = core[: timed.start()].rstrip()
    aside = _ADVERBIAL_ASIDE.search(core) if "," in core else None
    if aside:
        core = core[: aside.start()].rstrip()
    return core, auxiliaries


def subject_before(masked, pos):
    """Who is the subject of the verb at `pos`: (Mention, start, auxiliaries) or None."""
    clauses = list(_REPORTED_THAT.finditer(masked, 0, pos)) if "that" in masked else []
    clause = clauses[-1] if clauses else None
    if clause is not None and clause.end() < pos:
        # "Xinhua reported that the captain … had told rescuers": the clause's own subject.
        rest = masked[clause.end() :]
        inner = subject_before(rest, pos - clause.end())
        if inner is not None and re.search(r",\s+and\s+$", rest[: inner[1]]):
            return None  # "The FT reported that …, and the AU said": not what the FT reported
        if inner is not None:
            return inner[0], inner[1] + clause.end(), inner[2]
        return None
    core, auxiliaries = _strip_end(masked[:pos].rstrip())
    if not core:
        return None
    relative = re.search(r"(?:^|\s)(?:that|which|who|whom)$", core, re.IGNORECASE)
    if relative:
        # "Karen Pulaski, who testified that …": the person the clause is about; "a company
        # that once claimed …": a relative clause, nobody speaking.
        antecedent = re.search(r"(?:^|,)\s*([^,]+?),\s*who$", core)
        if antecedent:
            named = _speaker(antecedent.group(1))
            if named is not None and not named.anonymous and named.kind == SK.PERSON:
                return named, antecedent.start(1), auxiliaries
        return None
    coordinated = re.search(r"(?:,\s*)?\b(?:and|but)$", core)
    if coordinated:
        # "He called the plan a “wish” and said …": the subject of the first verb.
        first = core[: coordinated.start()]
        if re.search(r",\s*(?:which|who)\b[^,]*$", first):
            return None  # "… Beta Corp, which cut 200 jobs and said": the relative clause's
        found = clause_subject(first, coordinated=True)
        return (found[0], found[1], auxiliaries) if found else None
    parts = segments(core)
    if core.endswith((",", "—", "–", QUOTE_MASK, ")")) and len(parts) > 1:
        found = clause_subject(core)
        if found is not None:
            return found[0], found[1], auxiliaries
        # "NAME, responding to …, said": skip asides back to the name.
        for index in range(len(parts) - 2, max(-1, len(parts) - 6), -1):
            a, b = parts[index]
            piece = core[a:b]
            if not piece.strip():
                continue
            mention = _speaker(piece)
            if mention is not None:
                if index > 0:
                    pa, pb = parts[index - 1]
                    earlier = _speaker(core[pa:pb])
                    joined = earlier and apposition(earlier, mention)
                    if joined:
                        return joined, pa, auxiliaries
                return mention, a, auxiliaries
            first = piece.strip()[:1]
            if first.isupper() and index == len(parts) - 2:
                return None
        return None
    a, b = parts[-1]
    found = _tail_speaker(core, a, b)
    if found:
        mention, start = found
        if start == a and len(parts) > 1 and core[parts[-2][1] : a].strip() == ",":
            pa, pb = parts[-2]
            earlier = _speaker(core[pa:pb])
            joined = earlier and apposition(earlier, mention)
            if joined:
                return joined, pa, auxiliaries
        return mention, start, auxiliaries
    # "Two Senate aides who spoke on condition of anonymity … said": a subject with a
    # relative clause; or an article-initial phrase too long for the tail.
    found = clause_subject(core)
    if found is not None:
        return found[0], found[1], auxiliaries
    return None


def subject_after(masked, pos):
    """The speaker after an inverted verb, "…," said Sanders: (Mention, end) or None."""
    rest = masked[pos:]
    time = _TIME_AFTER_VERB.match(rest)
    skip = time.end() if time else 0
    text = rest[skip:]
    stop = re.search(r"[,;:\x1a]|[.!?]+[\s\"'”’)]*$", text)
    phrase = text[: stop.start()] if stop else text
    found = head_speaker(phrase.strip())
    if not found:
        return None
    mention, length = found
    lead = len(phrase) - len(phrase.lstrip())
    end = pos + skip + lead + length
    after = masked[end:]
    if not re.match(
        r"^\s*(?:[,;:—–]|[.!?]+[\s\"'”’)]*$|$|(?:on|late|early|last|this|in|at|after|"
        r"before|during|outside|inside|to|from)\b)",
        after,
    ):
        return None  # "reported incidents of bullying rose": not an inversion
    appositive = re.match(r"\s*,\s*([^,;\x1a]+?)\s*(?:,|[.!?]*\s*$)", after)
    if appositive:
        described = _speaker(appositive.group(1))
        joined = described and apposition(mention, described)
        if joined:
            return joined, len(masked.rstrip())
    return mention, end


_OUTLET_WORDS = _words(
    "state official public private national local regional independent pro-government "
    "opposition radio television tv news agency channel station broadcaster newspaper "
    "network daily weekly paper wire service outlet website magazine tabloid media "
    "broadcasting podcast programme program show"
)
# The words of an outlet that name one, not those that may describe anything ("state").
_OUTLET_NOUNS = _OUTLET_WORDS - _words("state official public")


# Words that may follow the name of whom somebody told something: "told BBC Scotland he …".
_AFTER_AUDIENCE = _words(
    "in on at from about during after before that he she they it we i you his her their its "
    "the a an this there last earlier later late early"
)
_OUTLET_PART = re.compile(r"[A-Z][a-z]+|[A-Z]+(?![a-z])|\d+")
_OUTLET_SHAPE_WORDS = OUTLET_NAME_WORDS | _words(
    "sport sports agency channel fm reporting journalism podcast newsletter broadcaster"
)


def outlet_shaped(name):
    """Whether a name looks like a news outlet's: "Kanal24", "3AW", "KZRH", "Sky Sports",
    "BBC Wales" (a known outlet's regional service), "the Tarrant Herald"."""
    words = name.split()
    if not words:
        return False
    if re.fullmatch(r"[A-Z0-9]{2,6}", name) and re.search(r"[A-Z]", name):
        return True  # "KZRH", "3AW"
    if len(words) == 1 and re.fullmatch(r"[A-Z][A-Za-z]*\d+|\d+[A-Z][A-Za-z]*", name):
        return True  # "Kanal24", "9News"
    for size in range(len(words) - 1, 0, -1):
        known = known_name(" ".join(words[:size]))
        if known and known[1] == SK.OUTLET:
            return True  # "BBC Scotland", "CNN Brasil"
    parts = [p.lower() for w in words for p in _OUTLET_PART.findall(w)]
    return any(p in _OUTLET_SHAPE_WORDS for p in parts)


_AFFILIATE = re.compile(
    r"^(?:(?:the|its|their|[A-Z][\w&.-]*)\s+)*(?:affiliate|partner|sister\s+(?:station|paper|"
    r"network|channel|publication))\s+(?P<name>[A-Z].*)$"
)


def outlet_phrase(text):
    """The outlet an audience or relay phrase names: "the state news agency TASS", "radio
    station DZRH", "the Tripoli-based Sahel TV channel", "CNBC", "the official IRNA news
    agency", "Kanal24"; None for "reporters", a person, or "FCA investigators" (a name that
    only describes the people spoken to)."""
    text = text.strip(" ,;:.")
    if not text:
        return None
    affiliate = _AFFILIATE.match(text)
    if affiliate:
        # "CNN affiliate KWCH", "its sister station WXYZ": the station spoken to.
        return outlet_phrase(affiliate.group("name"))
    known = known_name(text)
    if known:
        return _named(text) if known[1] == SK.OUTLET else None
    kept, descriptive = [], False
    words = text.split()
    for index, word in enumerate(words):
        bare = word.strip("'’")
        low = bare.lower()
        capital = bool(re.fullmatch(r"[A-Z0-9][\w.&'’-]*", bare)) and not bare.isdigit()
        if not capital and not kept and (known_name(bare) or ("", ""))[1] == SK.OUTLET:
            capital = True  # "the dpa news agency"
        particle = low in NAME_PARTICLES and words[index + 1 : index + 2] != []
        if particle and not capital and words[index + 1][:1].isupper():
            kept.append(bare)  # "el Nuevo Herald", "Venezolana de Televisión"
            continue
        foreign = low in NATIONALITIES or low in LANGUAGES  # "the Arabic daily …"
        if capital and (not foreign or kept) and not low.endswith("-based"):
            owner = re.fullmatch(r"(.+)['’]s", bare)
            if owner:
                kept.append(owner.group(1))  # "BBC Radio 4’s Today programme": the station
                # but not "the City Council’s Public Safety Committee": no outlet's
                descriptive = any(
                    w.lower() in _OUTLET_NOUNS for w in words[index + 1 :]
                ) or outlet_shaped(" ".join(kept))
                break
            kept.append(bare)
            continue
        if kept and (low in ("of", "and", "&") or bare.isdigit()):
            kept.append(bare)  # "BBC Radio 4"
            continue
        if kept:
            if low in _OUTLET_WORDS or (
                # "the Handelsblatt business daily", "German broadcaster ZDF's main news show"
                re.fullmatch(r"[a-z-]+", low)
                and low not in _AFTER_AUDIENCE
                and index + 1 < len(words)
                and words[index + 1].lower() in _OUTLET_NOUNS
            ):
                descriptive = True
            elif low not in _AFTER_AUDIENCE:
                known = known_name(" ".join(kept))
                if not (known and known[1] == SK.OUTLET):
                    return None  # "FCA investigators": the name describes the audience
            break
        if low in ("the", "a", "an") or foreign or low.endswith("-based"):
            continue
        if low in _OUTLET_WORDS:
            descriptive = True
            continue
        return None
    while kept and kept[-1].lower() in ("of", "and", "&"):
        kept.pop()
    name = " ".join(kept)
    if not name or normalize_name(name) in PLACE_INDEX:
        return None
    known = known_name(name)
    if known:
        return _named(name) if known[1] == SK.OUTLET else None
    if not (descriptive or outlet_shaped(name)):
        return None
    return Mention(name=name, kind=SK.OUTLET, description=text if descriptive else "")


def _phrase_stop(pattern, rest, start=0):
    """Where a noun phrase at the start of `rest` ends, by `pattern`: not at the full stop of
    an abbreviation ("according to Lt. Samuel Okonkwo", "the U.S. Geological Survey")."""
    stop = pattern.search(rest, start)
    while (
        stop
        and stop.group().startswith(".")
        # an initial is left to _MIDDLE_INITIAL: "police in Unit B. Investigators said"
        and not re.search(r"(?:^|\s)[A-Z]$", rest[: stop.start()])
        and is_abbreviation(rest, stop.start(), stop.end())
    ):
        stop = pattern.search(rest, stop.end())
    return stop


def audience(masked, pos):
    """Whom a speaker told: "CNN" in "told CNN that …", as (Mention, end) or None."""
    rest = masked[pos:]
    stop = _phrase_stop(_NP_STOP, rest)
    phrase = rest[: stop.start()] if stop else rest
    phrase = re.sub(r"[.!?]+\s*$", "", phrase)
    lead = len(phrase) - len(phrase.lstrip())
    outlet = outlet_phrase(phrase)
    if outlet is not None:
        length = len(phrase.strip())
        at = phrase.find(outlet.name)
        if at >= 0 and phrase[at + len(outlet.name) :].strip().split(" ")[0] in _AFTER_AUDIENCE:
            length = at + len(outlet.name) - lead  # "told BBC Scotland he had …"
        return outlet, pos + lead + length
    found = head_speaker(phrase.strip())
    if not found:
        return None
    return found[0], pos + lead + found[1]


def _is_trailing(masked, end):
    rest = masked[end:]
    rest = _TIME_AFTER_VERB.sub("", rest)
    rest = re.sub(
        r"^\s*,?\s*(?:after|before|while|as|when|amid|following|during|in|on|at|shortly|"
        r"late|early)\b[^,;\x1a]*[.!?]?\s*$",
        "",
        rest,
    )
    rest = re.sub(r",?\s*(?:according\s+to|citing)\s+[^,;]*", "", rest)
    rest = re.sub(r"^\s+in\s+an?\s+[^,;]*", "", rest)
    return not re.sub(r"[\s.!?\"'”’)\]]", "", rest)


def _np_after(masked, start):
    rest = masked[start:]
    stop = _phrase_stop(_NP_STOP, rest)
    phrase = rest[: stop.start()] if stop else rest
    return re.sub(r"[.!?]+\s*$", "", phrase)


# Any word an attribution needs: a sentence without one is narration, and is not read further.
_TRIGGER = re.compile(
    r"\b(?:"
    + "|".join(sorted(SPEECH_VERBS | PLURAL_VERBS | QUOTE_VERBS | _PARTICIPLES, key=len))
    + r"|according|citing|quoted|declined|refused|not|comment|interview|speaking|carried|"
    r"statement|published|broadcast|aired|points?\s+out)\b|:\s*\x1a|^(?:In|Under)\s",
    re.IGNORECASE,
)


_TRIGGER_WORDS = frozenset(
    SPEECH_VERBS
    | PLURAL_VERBS
    | QUOTE_VERBS
    | _PARTICIPLES
    | _words(
        "according citing quoted declined refused not comment interview speaking carried "
        "couldn didn doesn don wouldn hasn haven hadn wasn weren cannot can't reached puts "
        "statement published broadcast aired points point"
    )
)
_WORD = re.compile(r"[A-Za-z]+")


def may_attribute(masked):
    """Whether a masked sentence has any word an attribution could hang on."""
    if masked.startswith(("In ", "Under ", "By ")) or (":" in masked and QUOTE_MASK in masked):
        return True
    return not _TRIGGER_WORDS.isdisjoint(w.lower() for w in _WORD.findall(masked))


@dataclass
class _VerbMatch:
    verb: str
    verb_start: int
    verb_end: int
    start: int  # of "is saying" for a progressive, else of the verb
    progressive: bool
    text: str

    def end(self):
        return self.verb_end

    def group(self):
        return self.text[self.start : self.verb_end]


_VERBS = SPEECH_VERBS | PLURAL_VERBS | QUOTE_VERBS
_DETERMINERS = _words("the a an its their his her our my your these those")
_PROGRESSIVE = _words("reporting saying claiming insisting warning arguing predicting suggesting")


def _verbs(masked):
    """The speech verbs of a sentence, as _VerbMatch: "said", "is saying", "pointed out"."""
    words = list(_WORD.finditer(masked))
    for index, word in enumerate(words):
        low = word.group()
        if low in _PROGRESSIVE and index and words[index - 1].group() in _PASSIVE_AUX:
            previous = words[index - 1]
            if masked[previous.end() : word.start()].strip() == "":
                yield _VerbMatch(low, previous.start(), word.end(), previous.start(), True, masked)
                continue
        if low in ("pointed", "points") and masked[word.end() : word.end() + 4] == " out":
            yield _VerbMatch(
                f"{low} out", word.start(), word.end() + 4, word.start(), False, masked
            )
            continue
        if low in _VERBS:
            if word.start() and masked[word.start() - 1] == "-":
                continue  # "Long-disputed frontier", "self-reported": part of a word
            if low.startswith("wr") and _WRITTEN_OFF.match(masked, word.end()):
                continue  # "The bank wrote off $14.6 million in loans": no words written
            if (
                index
                and words[index - 1].group() in _DETERMINERS
                and (masked[words[index - 1].end() : word.start()] == " ")
            ):
                continue  # "its forecast", "the reports": a noun
            if (
                index
                and low.endswith("s")
                and words[index - 1].group().endswith("ed")
                and masked[words[index - 1].end() : word.start()] == " "
            ):
                continue  # "had paused projects", "released estimates": a verb's object
            yield _VerbMatch(low, word.start(), word.end(), word.start(), False, masked)


_WRITTEN_OFF = re.compile(r"\s+(?:off|down)\b")
_WHAT_BEFORE = re.compile(r"\bwhat\s+(?:\S+\s+){1,4}$")
_CALLED_FOR = re.compile(r"^\s+(?:for|on|off|up|in)\b")
_PLANS = _words(
    "plan plans budget bill proposal law deal agreement measure scheme contract treaty "
    "strategy blueprint design"
)
_DEMAND = re.compile(r"^\s+(?:for\b|on\s+(?:[\w’'-]+\s+){1,6}?to\s+[a-z])")
# Not before a capital ("Bank of China (Hong Kong) Ltd"), but for an acronym's: "the
# Kuomintang (KMT) Legislator Wu Tsung-han".
_NAME_ASIDE = re.compile(
    r"(?<=\w)\s\((?:(?P<acronym>[A-Z][A-Z&]{1,7})|[^()\x1a]{1,40})\)(?=[\s,.;:]|$)"
    r"(?(acronym)|(?!\s+[A-Z]))"
)
_PLACE_BASED = re.compile(r",(?=\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?-based\b)")


def attributions(masked):
    """Every attribution in a masked sentence, in order of their verbs.

    A sentence gives the same attributions wherever it is (wire copy repeats itself): they
    are read once, and each caller gets copies it may change."""
    return [copy.copy(a) for a in _read_attributions(masked)]


def _next_to_quote(lead, after_verb, verb):
    """Whether a verb of _NEXT_TO_QUOTE follows its quotation ("“…?” he asked.") or opens one
    ("asked: “…”"); not "“Hamilton” producers asked the court to …"."""
    if re.match(r"^\s*[:,]?\s*\x1a", after_verb):
        return True
    if lead.rstrip(" ,").endswith(QUOTE_MASK):
        return bool(_ONLY_CIRCUMSTANCE.match(after_verb) or after_verb.lstrip().startswith(","))
    return verb == "states" and bool(re.match(r"^\s*(?:,[^,\x1a]{1,40},)?\s+that\b", after_verb))


def _blank_name_asides(masked):
    """ "The Free and Fair Election Network (Fafen), an observer group, said", "Coun. Amara
    Osei (Ward 9, Davenport), who said": brackets after a name, blanked (offsets kept) so
    that the name and what describes it stay one phrase."""

    def blank(match):
        before = masked[: match.start()].rsplit(None, 1)
        if not before or not before[-1][:1].isupper() or _VERB.search(match.group()):
            return match.group()  # "until March (Smith said it was unavoidable)": it speaks
        if normalize_name(match.group().strip(" ()")) in PLACE_INDEX:
            return match.group()  # "Bank of China (Hong Kong)": part of the name
        return " " * len(match.group())

    return _NAME_ASIDE.sub(blank, masked)


@lru_cache(maxsize=8192)
def _read_attributions(masked):
    if "-based" in masked:
        masked = _PLACE_BASED.sub(" ", masked)  # "The Austin, Texas-based company": one phrase
    if "(" in masked:
        masked = _blank_name_asides(masked)
    found = []
    for match in _verbs(masked):
        verb = match.verb
        verb_start = match.verb_start
        after_verb = masked[match.end() :]
        what = _WHAT_BEFORE.search(masked, 0, verb_start) if "what" in masked else None
        # "Siddiqui called for a national reserve", "calls on the government to act": a demand
        # made, with or without its words quoted.
        demand = verb in ("called", "calls") and bool(_DEMAND.match(after_verb))
        if verb in QUOTE_VERBS and QUOTE_MASK not in after_verb and verb not in ("read", "reads"):
            if not (
                demand or what and verb in ("called", "calls", "described", "describes", "termed")
            ):
                continue  # "what prosecutors called a Ponzi scheme" needs no quotation marks
        if verb in ("read", "reads") and QUOTE_MASK not in masked:
            continue
        if verb in ("called", "calls") and _CALLED_FOR.match(after_verb) and not demand:
            if QUOTE_MASK not in after_verb:
                continue
        subject = subject_before(masked, verb_start)
        end = match.end()
        inverted = False
        if subject is not None:
            mention, start, auxiliaries = subject
            if any(a in _PASSIVE_AUX for a in auxiliaries) and not match.progressive:
                continue  # "were found dead", "was told": the subject did not say it
            if demand and mention.name.lower().rsplit(" ", 1)[-1] in _PLANS:
                continue  # "The plan calls for 300 homes": what it holds, not a demand
            last = mention.name.lower().split()[-1] if mention.name.split() else ""
            plural = (mention.anonymous or mention.anaphor or mention.kind != SK.PERSON) and (
                (last.endswith("s") and not last.endswith(("ss", "us", "is")))
                or last in ("people", "police", "staff", "media", "they")
                or mention.name.lower().startswith(("two ", "some ", "several ", "many "))
            )
            # "Statistics published by the department show", and "the data … suggests"
            either = bool(_PLURAL_DOCUMENT.match(masked, start))
            if verb in _SINGULAR_ONLY and plural and not either:
                continue
            if verb in PLURAL_VERBS and verb not in SPEECH_VERBS and not (plural or either):
                continue
            if verb in _FINDING_VERBS and not (
                mention.document
                or mention.kind
                in (
                    SK.ORGANISATION,
                    SK.GOVERNMENT,
                )
            ):
                continue
            if verb in _NEEDS_CLAUSE and not re.match(
                r"^\s+(?:\w+\s+){0,3}?(?:that\b|\x1a)|^\s*[:,]?\s*\x1a", after_verb
            ):
                continue
            if verb in _NEXT_TO_QUOTE and not _next_to_quote(masked[:start], after_verb, verb):
                continue
            if verb == "states" and not mention.document:
                continue  # "Gulf states said", "member states that …": a noun
            if verb in _NEEDS_COMPLEMENT and _ONLY_CIRCUMSTANCE.match(after_verb):
                lead = masked[:start].strip(" ,")  # "“…,” Whitcomb testified": the quotation
                if not lead or not re.search(r"\w", lead.replace(QUOTE_MASK, "")):
                    if not lead.endswith(QUOTE_MASK):
                        continue
        else:
            before = masked[:verb_start].rstrip()
            if not before or before[-1] not in ",\x1a—–":
                continue
            if verb in QUOTE_VERBS or verb in PLURAL_VERBS - SPEECH_VERBS:
                continue
            if verb in _NEXT_TO_QUOTE and not before.rstrip(" ,").endswith(QUOTE_MASK):
                continue
            after = subject_after(masked, match.end())
            if after is None:
                continue
            mention, end = after
            start, inverted = verb_start, True
        if verb == "quoted":
            quoted = _QUOTED_AS_SAYING.match(masked, verb_start)
            speaker = quoted and _speaker(quoted.group("who"))
            if speaker is None:
                continue
            found.append(
                Attribution("report", mention, start, verb_start, quoted.end(), "quoted", verb)
            )
            found.append(
                Attribution(
                    "speech",
                    speaker,
                    quoted.start("who"),
                    verb_start,
                    quoted.end(),
                    "",
                    pattern="passive",
                )
            )
            continue
        words = match.group()
        heard = None
        if verb in ("told", "tells", "tell") and not inverted:
            told = audience(masked, match.end())
            if told:
                heard, end = told
                words = f"{verb} {masked[match.end() : end].strip()}"
        elif not inverted:
            words = verb
        kind = "report" if verb in REPORT_VERBS else "speech"
        if verb in _FINDING_VERBS:
            kind = "speech"
        attribution = Attribution(
            kind,
            mention,
            start,
            verb_start,
            end,
            words,
            verb,
            heard,
            pattern="inverted" if inverted else ("quote-verb" if verb in QUOTE_VERBS else "verb"),
        )
        attribution.trailing = _is_trailing(masked, end)
        relative = re.search(r"\b(?:what|who|whom|which|that)\s*$", masked[:start], re.I)
        # not "Xinhua reported that the embassy had hailed … as “…”": what the relay
        # reported; but "Kyodo reported that Tokyo had recalled its envoy" is no speech
        attribution.embedded = bool(relative) and not (
            relative.group().lower().startswith("that")
            and (verb in QUOTE_VERBS or verb in PURE_SPEECH_VERBS)
            and any(m.end() == start for m in _REPORTED_THAT.finditer(masked, 0, start))
        )
        lead_in = masked[:start].rstrip()
        attribution.leading = not any(f.verb_start < start for f in found) and (
            not lead_in or lead_in.endswith((",", "—", "–")) or bool(_is_intro(lead_in))
        )
        found.append(attribution)
    _passive_quoted(masked, found)
    _participles(masked, found)
    _asides(masked, found)
    _colon(masked, found)
    _intro_document(masked, found)
    for match in _ACCORDING_TO.finditer(masked) if "ccording" in masked else ():
        rest = masked[match.end() :]
        stop = _phrase_stop(_ACCORDING_STOP, rest)
        initial = stop and _MIDDLE_INITIAL.match(rest, stop.start() - 1)
        if initial:
            # "Rahul D. Sequeira, a partner"
            stop = _phrase_stop(_ACCORDING_STOP, rest, initial.end())
        phrase = re.sub(r"[.!?]+\s*$", "", rest[: stop.start()] if stop else rest)
        relayed = _RELAYED_BY.match(phrase)
        if (
            relayed
            and relayed.group("verb") == "published"
            and _WORK_BEFORE.search(relayed.group("what") + " ")
        ):
            relayed = None  # "data published by the Environment Agency": who wrote it
        relay = outlet_phrase(relayed.group("by")) if relayed else None
        if relay is not None:
            phrase = relayed.group("what")  # "a Yonhap report cited by AFP"
        head = head_speaker(phrase)
        if head:
            mention, end = _outlet_of_document(head[0]), match.end() + head[1]
            appositive = re.match(r"^\s*,\s*([A-Z][^,;\x1a]*?)\s*(?:,|[.!?]*\s*$)", masked[end:])
            if appositive:
                named = _speaker(appositive.group(1))
                joined = named and apposition(mention, named)
                if joined:
                    mention = joined
            attribution = Attribution(
                "according",
                mention,
                match.end(),
                match.start(),
                end,
                "according to",
                pattern="according",
            )
            attribution.leading = not masked[: match.start()].strip()
            attribution.via = relay
            if _DATA_WORD.search(masked, match.end(), end):
                attribution.pattern = "according-data"  # "according to LSEG data"
            found.append(attribution)
    for pattern, kind, cue in ((_PASSIVE_BY, "according", " by "), (_CITING, "citing", "iting")):
        if cue not in masked:
            continue
        for match in pattern.finditer(masked):
            phrase = _np_after(masked, match.end())
            head = head_speaker(phrase)
            if head and kind == "according" and _SEEN_BY_OUTLET.search(match.group()):
                if head[0].kind == SK.OUTLET or masked[: match.start()].endswith("which "):
                    continue  # "a copy of which was seen by VOA": the outlet read it
            if head:
                words = "citing" if kind == "citing" else match.group().strip()
                words = re.sub(r"^(?:is|are|was|were|has been|have been)\s+", "", words)
                found.append(
                    Attribution(
                        kind,
                        head[0],
                        match.end(),
                        match.start(),
                        match.end() + head[1],
                        words,
                        pattern=kind,
                    )
                )
    for match in _RELAY.finditer(masked):
        if match.group().startswith("published") and _WORK_BEFORE.search(masked, 0, match.start()):
            continue  # "data published by the Environment Agency": its author, not a relay
        phrase = _np_after(masked, match.end())
        outlet = outlet_phrase(phrase)
        if outlet is not None:
            found.append(
                Attribution(
                    "relay",
                    outlet,
                    match.end(),
                    match.start(),
                    match.end() + len(phrase),
                    match.group().strip(),
                    pattern="relay",
                )
            )
    _interview(masked, found)
    # An attribution inside another one's subject is part of an aside: drop it.
    kept = [
        a
        for a in found
        if not any(
            b is not a
            and b.start < a.verb_start < b.verb_start
            and b.type == "speech"
            and b.pattern in ("verb", "quote-verb")
            and a.type != "relay"
            and a.pattern not in ("participle",)
            # "X told ERT that …, but warned that …": one speaker's two verbs, both kept
            and not (
                a.mention
                and b.mention
                and a.mention.name == b.mention.name
                and not re.search(r"\b(?:who|which)\s+(?:\w+\s+){0,2}$", masked[: a.verb_start])
            )
            for b in found
        )
    ]
    # "The FT reported that …, and the AU said …": a second clause with its own speaker; the
    # sentence is the first speaker's, and the first is no relay of the second.
    kept = [
        a
        for a in kept
        if not (
            a.type == "speech"
            and re.search(r",\s+and\s+$", masked[: a.start])
            and any(
                b.verb_end <= a.start
                and (b.type in ("report", "according") or b.verb in _PLAIN_SPEECH)
                for b in kept
            )
        )
    ]
    return tuple(sorted(kept, key=lambda a: a.verb_start))


_WORK_BEFORE = re.compile(
    r"\b(?:data|figures|statistics|numbers|estimates|report|study|survey|analysis|research|"
    r"findings|results|paper|review|audit)\s+$"
)
_DATA_WORD = re.compile(
    r"\s(?:data|figures|estimates|statistics|numbers|calculations|survey|poll|tally)\s*$"
)


def _interview(masked, found):
    """ "Bell pushed back on that idea in an interview with CNN": with no other verb of
    speech, the subject of the clause spoke, and the outlet relays it."""
    if "nterview" not in masked or any(a.type != "relay" for a in found):
        return
    for relay in [a for a in found if a.type == "relay"]:
        if not _IN_INTERVIEW.match(masked, relay.verb_start):
            continue
        subject = main_subject(masked[: relay.verb_start])
        if subject is None or subject[0].kind == SK.OUTLET:
            continue
        mention, start = subject
        between = masked[start : relay.verb_start]
        spoke = re.search(r"\b(?:telling|saying|calling|urging)\b", between)
        if (_NOT_SPOKEN.search(between) and not spoke) or mention.name.endswith(("'s", "’s")):
            continue  # "was criticised by Hale in an interview", "will discuss it …"
        speech = Attribution(
            "speech",
            mention,
            start,
            relay.verb_start,
            relay.verb_end,
            "in an interview with",
            audience=relay.mention,
            pattern="interview",
        )
        found.append(speech)
        return


# Before "in an interview": a subject that did not speak there ("was grilled", "will discuss",
# "criticised by Hale", "Musk's remarks").
_NOT_SPOKEN = re.compile(
    r"\b(?:is|are|was|were|be|been|being|will|would|shall|appeared|seemed|looked)\b|\bby\s+[A-Z]"
    r"|['’]s?\s+(?:remarks|comments|words|interview)\b"
)
_IN_INTERVIEW = re.compile(rf"{_INTERVIEW_WITH}\s")
_RELAYED_BY = re.compile(
    r"^(?P<what>.+?)\s+(?P<verb>cited|carried|quoted|relayed|published|reported)\s+by\s+(?P<by>.+)$"
)
_OUTLET_TEXTS = _words("report reports dispatch story article broadcast bulletin interview")
_NEWS_WORDS = _words(
    "news times post journal tribune herald gazette daily tv television radio chronicle "
    "telegraph guardian dispatch inquirer courier agency wire"
)


def _outlet_of_document(mention):
    """An outlet's report is the outlet's word: "a Yonhap report" is Yonhap."""
    if not mention.document:
        return mention
    words = (mention.relation or mention.name).split()
    if not words or words[-1].lower() not in _OUTLET_TEXTS:
        return mention
    owner = mention.possessor
    if owner is None:
        name = re.sub(r"^(?:an?|the)\s+", "", mention.name, flags=re.IGNORECASE).split()
        owner = _named(" ".join(name[:-1])) if len(name) > 1 else None
    if owner is None or owner.kind != SK.OUTLET:
        return mention
    known = known_name(owner.name)
    strong = {w.lower() for w in owner.name.split()} & _NEWS_WORDS
    return owner if (known and known[1] == SK.OUTLET) or strong else mention


def _passive_quoted(masked, found):
    """ "Balakin was quoted as saying by RIA Novosti", "Borodin was quoted by Interfax as
    saying"."""
    if "quoted" not in masked:
        return
    for match in _PASSIVE_QUOTED.finditer(masked):
        subject = subject_before(masked, match.start())
        if subject is None:
            continue
        by = match.group("by1") or match.group("by2")
        relay = outlet_phrase(by) if by else None
        attribution = Attribution(
            "speech",
            subject[0],
            subject[1],
            match.start(),
            match.end(),
            "quoted as saying",
            "quoted",
            pattern="passive",
            via=relay,
        )
        attribution.leading = True
        found.append(attribution)


_BY_ESTIMATE = re.compile(
    r"^By\s+(?P<who>[^,;\x1a]{2,80}?)['’]s?\s+(?:own\s+)?(?:estimate|estimates|count|reckoning|"
    r"calculations?|account|tally|measure)\s*,"
)
_AS_PUT_IT = re.compile(
    r"(?:^|[,;]\s*|\b)[Aa]s\s+(?P<who>[^,;\x1a]{2,80}?)\s+(?P<verb>puts|put|says|said|writes|wrote|"
    r"noted|notes|argues|argued)(?:\s+it)?\s*(?=[,:\x1a])"
)
_TALKED_WITH = re.compile(
    r"\b(?:interview|conversation|talks|meeting|call|chat|discussion|podcast|exchange)\s+$"
)
_WITH_SAYING = re.compile(
    r"\bwith\s+(?P<who>(?:(?!\bwith\b)[^;\x1a]){2,90}?),?\s+(?P<verb>"
    + "|".join(sorted(_PARTICIPLES, key=len, reverse=True))
    + r")\b"
)


@lru_cache(maxsize=4096)
def _with_speakers(masked):
    """[(match, Mention)]: "…, with Finance Minister Asha Pillai saying …", "…, with the
    shadow transport secretary, Gareth Pryce, accusing …": who speaks in a "with" phrase."""
    if "with " not in masked:
        return []
    found = []
    for match in _WITH_SAYING.finditer(masked):
        if _TALKED_WITH.search(masked, max(0, match.start() - 30), match.start()):
            continue  # "… in an interview with ERT, saying …": the subject spoke to ERT
        who = match.group("who").strip(" ,")
        mention = _speaker(who)
        if mention is None and who.lower() in QUANTIFIERS:
            # "Residents packed the chamber, with several warning …": some of them.
            mention = Mention(name=who, kind=SK.ANONYMOUS, anonymous=True)
        if mention is None and "," in who:
            first, _, second = who.partition(",")
            one, two = _speaker(first), _speaker(second)
            mention = (one and two and apposition(one, two)) or (
                two if one is None and two is not None and not two.anonymous else None
            )
        if mention is not None and not mention.document:
            if _participle_reports(match.group("verb"), masked[match.end() :]):
                found.append((match, mention))
    return found


def _participle_reports(verb, after):
    """Whether "saying", "calling" … before `after` reports words, not just an action:
    "calling it “a disgrace”" does, "describing the scene" does not."""
    if verb in ("calling", "describing") and QUOTE_MASK not in after:
        return False
    return verb not in _PARTICIPLE_NEEDS_CLAUSE or bool(
        re.match(r"^\s*(?:,\s*)?(?:that\b|of\b|\x1a|:)", after)
    )


def _asides(masked, found):
    """ "By Adebayo's estimate, …", "As Halloran puts it, “…”", "…, with Finance Minister
    Asha Pillai saying …": the speaker in a phrase around the claim."""
    if masked.startswith("By "):
        match = _BY_ESTIMATE.match(masked)
        who = match and _speaker(match.group("who"))
        if who is not None:
            attribution = Attribution(
                "according",
                who,
                match.start("who"),
                0,
                match.end(),
                "by … estimate",
                pattern="according",
            )
            attribution.leading = True
            found.append(attribution)
    for match in _AS_PUT_IT.finditer(masked) if "s " in masked else ():
        who = _speaker(match.group("who"))
        if who is None:
            continue
        verb = match.group("verb")
        attribution = Attribution(
            "speech",
            who,
            match.start("who"),
            match.start("verb"),
            match.end(),
            f"as … {verb} it" if verb in ("puts", "put") else verb,
            verb,
            pattern="verb",
        )
        attribution.leading = True
        found.append(attribution)
    for match, who in _with_speakers(masked):
        attribution = Attribution(
            "speech",
            who,
            match.start("who"),
            match.start("verb"),
            match.end(),
            match.group("verb"),
            match.group("verb"),
            pattern="participle",
        )
        attribution.leading = True
        found.append(attribution)


def _participles(masked, found):
    """ "…, saying …", "…, telling Reuters that …": the main clause's subject speaks."""
    if "ing" not in masked:
        return
    with_verbs = {match.start("verb") for match, _ in _with_speakers(masked)}
    for match in _PARTICIPLE.finditer(masked):
        verb = match.group("verb")
        if not _participle_reports(verb, masked[match.end() :]):
            continue
        if match.start("verb") in with_verbs:
            continue  # "…, with Gareth Pryce, the shadow minister, accusing …": _asides
        if any(a.verb_start < match.start() and a.type == "speech" for a in found):
            subject = next(
                (a for a in found if a.verb_start < match.start() and a.type == "speech"), None
            )
            mention, start = subject.mention, subject.start
        else:
            clause = main_subject(masked[: match.start()])
            if clause is None:
                continue
            mention, start = clause
            if mention.document and verb not in ("saying", "alleging", "arguing"):
                continue
        heard = None
        end = match.end()
        words = verb
        if verb == "telling":
            told = audience(masked, match.end())
            if told:
                heard, end = told
                words = f"telling {masked[match.end() : end].strip()}"
        attribution = Attribution(
            "speech",
            mention,
            start,
            match.start("verb"),
            end,
            words,
            verb,
            heard,
            pattern="participle",
        )
        attribution.leading = True
        found.append(attribution)


def _colon(masked, found):
    """ "She described one case in detail: “…”": the subject introduces the quotation."""
    match = _COLON_QUOTE.match(masked) if ":" in masked else None
    if not match or any(a.type == "speech" for a in found):
        return
    before = match.group("before")
    clause = main_subject(before)
    if clause is None:
        return
    mention, start = clause
    attribution = Attribution(
        "speech", mention, start, len(before), len(before) + 1, "", pattern="colon"
    )
    attribution.leading = True
    found.append(attribution)


def _intro_document(masked, found):
    """ "In its bankruptcy petition, Vaultline listed …": the document is the source;
    "In a statement, the district said …" stays the district's."""
    match = _INTRO_DOCUMENT.match(masked)
    if not match or match.group("head") in ("statement", "letter", "post", "memo", "note"):
        return
    if any(a.type == "speech" for a in found):
        return
    rest = masked[match.end() :]
    comma = rest.find(",")
    if comma < 0:
        return
    after = rest[comma + 1 :]
    parts = segments(after)
    subject = None
    for a, b in parts:
        piece = after[a:b]
        mention = head_speaker(piece.strip()) if piece.strip() else None
        if mention is not None and not piece.strip()[:1].islower():
            subject = mention[0]
            break
    if subject is None:
        return
    document = Mention(
        name=f"{subject.name} {match.group('doc').strip()}",
        kind=SK.ANONYMOUS,
        anonymous=True,
        document=True,
        possessor=subject,
        relation=match.group("doc").strip(),
    )
    attribution = Attribution(
        "speech", document, 0, 0, match.end(), match.group().strip(), pattern="intro-doc"
    )
    attribution.leading = True
    found.append(attribution)


_NO_COMMENT_CUES = _words(
    "declined refused referred refers redirected not respond reply return answer reached "
    "available comment say couldn "
    "didn doesn don wouldn hasn haven hadn wasn weren cannot can commented responded"
)


def no_comment(masked):
    """(Mention or None, start, words) for a sentence that declines to comment, else None."""
    if not _NO_COMMENT_CUES.intersection(_WORD.findall(masked.lower())):
        return None  # no word a refusal to comment needs
    match = NO_COMMENT.search(masked) or NO_ONE_COMMENTED.search(masked)
    if not match:
        return None
    if match.re is NO_ONE_COMMENTED:
        who = _speaker(match.group("who"))
        return (who, match.start("who"), "have not commented") if who else None
    subject = subject_before(masked, match.start())
    if subject is None:
        return None, 0, match.group()
    return subject[0], subject[1], match.group()
