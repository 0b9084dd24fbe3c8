"""Reading a phrase that names or describes a speaker: "Kremlin spokesman Dmitry Peskov"."""

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from stories.extraction.lexicon import (
    ABBREVIATIONS,
    ANONYMOUS_QUALIFIERS,
    BODY_HEADS,
    BODY_NAME_HEADS,
    COMPASS_WORDS,
    CONNECTORS,
    COUNTRIES,
    DEMONYMS,
    DESCRIPTION_WORDS,
    DOCUMENT_HEADS,
    EVENT_NAME_HEADS,
    GIVEN_NAMES,
    GOVERNMENT_HEADS,
    GOVERNMENT_NAME_HEADS,
    HONORIFIC_WORDS,
    IRISH_ARTICLE,
    KIN_WORDS,
    MONTHS,
    NAME_PARTICLES,
    NATIONALITIES,
    ORGANISATION_HEADS,
    ORGANISATION_NAME_HEADS,
    OUTLET_HEADS,
    OUTLET_NAME_WORDS,
    PERSON_HEADS,
    PERSON_TITLE_HEADS,
    PLACE_INDEX,
    PLACE_NAME_HEADS,
    PORTFOLIO_WORDS,
    POST_NOMINALS,
    QUANTIFIERS,
    SK,
    TITLE_ABBREVIATIONS,
    TITLE_MODIFIERS,
    TITLE_WORDS,
    TITLES_BEFORE_NAMES,
    WEEKDAYS,
    _words,
    known_name,
    normalize_name,
    noun_title_before_name,
    title_before_name,
)
from stories.extraction.text import CAPITALS, QUOTE_MASK


@dataclass
class Mention:
    """Who a phrase names, as far as the text tells: "Kremlin spokesman Dmitry Peskov"."""

    name: str
    kind: str = SK.PERSON
    role: str = ""
    affiliation: "Mention | None" = None
    description: str = ""
    aliases: list = field(default_factory=list)
    anonymous: bool = False
    anaphor: str = ""  # "he", "the outlet", "the president": resolved within the article
    title_words: frozenset = frozenset()  # for "the Russian president": {"russian", "president"}
    single: bool = False  # a lone surname ("Ushakov") or a one-word name of unknown kind
    position: int = 0  # offset in the body where it was named
    possessor: "Mention | None" = None  # "Holt" in "Holt's mother"
    relation: str = ""  # "mother" in "Holt's mother"
    speaks_for: bool = False  # a spokesperson, or analysts, for the affiliation
    document: bool = False  # a report, a study, a lawsuit: a text, not a person
    gender: str = ""  # "female", "male" or "" when the text does not say
    relay: bool = False  # named as who relayed a statement (a Found's via)
    members: tuple = ()  # the bodies of a joint source: "the companies said"

    @property
    def key(self):
        return normalize_name(self.name)

    def at(self, position):
        """The same mention, met at `position`: a cheaper dataclasses.replace()."""
        moved = object.__new__(Mention)
        moved.__dict__.update(self.__dict__)
        moved.position = position
        return moved


TITLE_BARE = frozenset(w.rstrip(".") for w in TITLE_WORDS)
# Word lists tested together, joined once here rather than at each test.
_NATIONAL_OR_BARE = NATIONALITIES | TITLE_BARE
_MODIFIERS_AND_JOINS = TITLE_MODIFIERS | {"of", "for", "the", "and", "&"}
_DESCRIPTIVE_WORDS = NATIONALITIES | DESCRIPTION_WORDS | TITLE_WORDS  # a word of no name
_PLURAL_OPENERS = PERSON_HEADS | DOCUMENT_HEADS | OUTLET_HEADS  # "Prosecutors", "Reports"
_UNAGENT_HEADS = BODY_HEADS | OUTLET_HEADS | DOCUMENT_HEADS  # "-er" words that are no agent
PRONOUNS = {"he": "person", "she": "person", "they": "any", "it": "organisation"}
HONORIFICS = HONORIFIC_WORDS | frozenset(f"{word}." for word in HONORIFIC_WORDS)
ORGANISATIONAL_ROLES = _words(
    "spokesman spokeswoman spokesperson spokespeople ceo cfo coo cto chairman chairwoman "
    "executive director official officials founder manager owner chief head lawyer "
    "attorney counsel representative secretary economist analyst researcher scientist "
    "reporter correspondent editor"
)
_NOT_A_NAME_START = _words(
    "however meanwhile but and also then so this that there it's what which when while "
    "where who whom whose if as although though because yet still instead asked speaking "
    "according in on at by with from to after before during under since until despite "
    "not no nor or both either neither each every all any such across outside inside "
    "amid among against along around behind beyond near over through throughout toward "
    "towards unlike like without within writing citing following including speaking "
    "responding reacting addressing testifying appearing earlier later last next yesterday "
    "today tomorrow now then here there separately additionally moreover furthermore "
    "nevertheless nonetheless overall finally initially previously recently currently "
    "subsequently similarly likewise elsewhere otherwise indeed instead besides"
)
_PARTICIPLE_QUALIFIERS = _words(
    "involved based familiar located affiliated associated stationed employed concerned "
    "interviewed surveyed polled named quoted"
)
# Words that start or carry a clause: never inside a description of a speaker.
_CLAUSE_WORDS = _words(
    "that which who whom whose what to and or but if when because is are was were be been has "
    "have had will would could should may might not said says told"
)
# Lower-case words inside a name: "Pieter van der Merwe", "Bank of England".
_NAME_JOINERS = NAME_PARTICLES | _words("of for the and &")
_NAME_PARTICLES = _NAME_JOINERS - {"for"}
_ABBREVIATION_TOKEN = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]?\.?")


_DOTTED_WORDS = TITLE_ABBREVIATIONS | ABBREVIATIONS
_NAME_PREFIXES = ("al-", "el-", "d'", "d’", "o'", "o’")


@lru_cache(maxsize=32768)
def _clean_token(token):
    token = token.strip('"“”‘«»()[]')
    if token.endswith(("’s", "'s", "s’", "s'")):
        token = token.lstrip("'’")  # "Smith's", "Residents'": possessives keep their mark
    else:
        token = token.strip("'’")
    if token.endswith(".") and not (
        token[:-1].lower() in _DOTTED_WORDS or _ABBREVIATION_TOKEN.fullmatch(token)
    ):
        token = token.rstrip(".")
    return token


def _is_capitalised(token):
    letters = token
    if token[:2].lower() in ("al", "el", "d'", "d’", "o'", "o’") and (
        token[:3].lower().startswith(_NAME_PREFIXES)
    ):
        letters = token[3:] if token[2:3] == "-" else token[2:]
    return bool(letters) and (letters[0].isupper() or (letters[0].isdigit() and token.isupper()))


def _is_possessive(token):
    return len(token) > 2 and token.endswith(("’s", "'s", "’", "'"))


def _strip_possessive(token):
    if token.endswith(("’s", "'s")):
        return token[:-2]
    return token[:-1] if token.endswith(("’", "'")) else token


def _title_at(tokens, index):
    """Whether tokens[index] is a title, or part of one, where it stands."""
    if tokens[index].lower() in TITLE_WORDS:
        return True
    lows = [t.lower() for t in tokens]
    return (
        title_before_name(lows, index)
        or len(tokens) - index >= 3
        and noun_title_before_name(lows, index)
    ) and _is_person_shaped(tokens[index + 1 :])


# The particles that, after an unknown given name, still make a surname rather than a body's
# name: Dutch, German and Arabic ones ("Pieter van der Merwe", "Khalid bin Talal", "Muna bint
# Said al Kindi").
_SURNAME_PARTICLES = _words("van von der den ter ten bin bint binti ibn ap al el")


def _is_person_shaped(tokens):
    """Two to four capitalised words that look like a given name and a surname, perhaps with
    the lower-case particles of a surname between them ("Marike van Rooyen")."""
    particles = [t for t in tokens[1:-1] if t in NAME_PARTICLES]
    if not 2 <= len(tokens) - len(particles) <= 4 or len(particles) > 2:
        return False
    if tokens[0].lower() in GIVEN_NAMES:
        return True
    if any(t not in _SURNAME_PARTICLES for t in particles):
        return False  # "Museo del Prado", "Banco de Chile": "Maria de la Cruz" is known above
    for token in tokens:
        if token in particles:
            continue
        bare = token.rstrip(".")
        if not (bare[:1].isupper() and (bare[1:].islower() or len(bare) == 1 or "-" in bare)):
            if not re.fullmatch(r"(?:Mc|Mac|O'|O’)?[A-Z][a-z]+(?:[A-Z][a-z]+)?", bare):
                return False
        low = bare.lower()
        if (
            low in ORGANISATION_NAME_HEADS
            or low in PLACE_NAME_HEADS
            or low in EVENT_NAME_HEADS
            or low in OUTLET_NAME_WORDS
            or low in TITLE_WORDS
            or low in NATIONALITIES
            or low in WEEKDAYS
            or low in MONTHS
        ):
            return False
    return normalize_name(" ".join(tokens)) not in PLACE_INDEX


def guess_name_kind(name):
    """The SourceKind a bare name most likely is, or None when it is a single unknown word."""
    known = known_name(name)
    if known:
        return known[1]
    key = normalize_name(name)
    if key in COUNTRIES:
        return SK.GOVERNMENT
    if IRISH_ARTICLE.match(name):
        return SK.ORGANISATION  # "An Post", "An Garda Síochána"
    tokens = name.split()
    lows = [t.lower().rstrip(".") for t in tokens]
    had_the = lows[0] == "the"
    if had_the:
        tokens, lows = tokens[1:], lows[1:]
    if not tokens:
        return None
    if "/" in name or "&" in name:
        return SK.ORGANISATION
    if lows[-1] in GOVERNMENT_NAME_HEADS:
        return SK.GOVERNMENT
    if lows[-1] in ORGANISATION_NAME_HEADS and lows[-1] not in OUTLET_NAME_WORDS:
        return SK.ORGANISATION  # "Scottish Independent Retailers' Forum"
    if any(low in OUTLET_NAME_WORDS for low in lows) and (had_the or len(tokens) > 1):
        return SK.OUTLET
    if lows[-1] in ORGANISATION_NAME_HEADS or "of" in lows or had_the:
        return SK.ORGANISATION
    if len(tokens) == 1:
        if len(tokens[0]) >= 2 and tokens[0].replace("-", "").isupper():
            return SK.ORGANISATION
        return None
    if _is_person_shaped(tokens):
        return SK.PERSON
    return SK.ORGANISATION


def _named(name, kind=None, **fields):
    """A Mention for a name, with the canonical spelling of a well-known one."""
    known = known_name(name)
    if known:
        return Mention(name=known[0], kind=known[1], aliases=list(known[2]), **fields)
    place = PLACE_INDEX.get(normalize_name(name))
    if place and normalize_name(name) in COUNTRIES:
        return Mention(name=place[0], kind=SK.GOVERNMENT, aliases=list(place[1]), **fields)
    if kind is None:
        kind = guess_name_kind(name)
    if kind is None:
        return Mention(name=name, kind=SK.PERSON, single=True, **fields)
    if kind != SK.PERSON and name.split()[0] in ("the", "The") and len(name.split()) > 1:
        # "the Kremlin", "The White House": the article is not part of the name.
        name = name.split(None, 1)[1]
    return Mention(name=name, kind=kind, **fields)


_MUNICIPALITY = re.compile(
    r"^(city|county|town|village|borough)\s+of\s+([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s+\S+$"
)


# The first word of an office of two words: "Permanent Secretary", "Managing Director".
_OFFICE_PREFIXES = _words("permanent principal managing operating financial medical")


def _affiliation(prefix_tokens, head):
    """The organisation in a title: "White House" in "White House Press Secretary"."""
    tokens = list(prefix_tokens)
    municipal = _MUNICIPALITY.match(" ".join(tokens))
    if municipal and head in SPOKESPEOPLE:
        # "a city of Charlotte spokesperson": the City of Charlotte's
        return _named(f"{municipal.group(1).capitalize()} of {municipal.group(2)}", SK.GOVERNMENT)
    while tokens and not _is_capitalised(tokens[0]):
        tokens.pop(0)  # "former", "ex-"
    run = []
    for index, token in enumerate(tokens):
        low = token.lower()
        if low in ("of", "for", "the", "and", "&") and run and index + 1 < len(tokens):
            run.append(token)  # "Board of Supervisors", "Office for the Environment"
            continue
        if low == "on" and run and run[-1].lower() in BODY_NAME_HEADS and index + 1 < len(tokens):
            run.append(token)  # "Directorate on Corruption and Economic Crime"
            continue
        if not _is_capitalised(token) or low in TITLE_WORDS or low.rstrip(".") in TITLE_BARE:
            break
        if (
            low in _OFFICE_PREFIXES
            and index + 1 < len(tokens)
            and tokens[index + 1].lower() in TITLE_WORDS
        ):
            break  # "Ministry of Health Permanent Secretary"
        run.append(_strip_possessive(token))
    while run and run[-1].lower() in ("of", "for", "the", "and", "&"):
        run.pop()
    if run == ["Treasury"] and head in SPOKESPEOPLE:
        return _named("Treasury", SK.GOVERNMENT)  # "a Treasury spokesperson"
    if (
        head in SPOKESPEOPLE
        and len(run) > 1
        and len(run) == len(tokens) - 1
        and run[-1].lower() in TITLE_MODIFIERS
        and not any(t.lower() in _NATIONAL_OR_BARE for t in run)
    ):
        # "a Nova Scotia Health spokesperson": a body's name that ends in a portfolio word
        return _named(" ".join(run), SK.ORGANISATION)
    if _body_of([t.lower() for t in run]):
        return _named(" ".join(run))  # "Ministry of Health Permanent Secretary"
    if run and len(run) < len(tokens) and run[-1].lower() in TITLE_MODIFIERS:
        # "Philippine Defense Secretary", "Assistant District Attorney": the words before the
        # title are part of it; what is left is a body only if it is named as one.
        while run and run[-1].lower() in _MODIFIERS_AND_JOINS:
            run.pop()
        candidate = " ".join(run)
        known = known_name(candidate) if run else None
        if known and known[1] != SK.PERSON:
            return _named(candidate)
        if run and normalize_name(candidate).split()[-1] in ORGANISATION_NAME_HEADS:
            return _named(candidate)
        return None
    whole = normalize_name(" ".join(run)).split()
    if len(whole) > 2 and any(w in ("of", "for", "on") for w in whole):
        if any(w in BODY_NAME_HEADS for w in whole):
            return _named(" ".join(run))  # "Coronado County Board of Supervisors"
    for size in range(len(run), 0, -1):
        candidate = " ".join(run[:size])
        key = normalize_name(candidate)
        known = known_name(candidate)
        if known and known[1] != SK.PERSON:
            return _named(candidate)
        last = key.split()[-1] if key else ""
        before = " ".join(run[: size - 1])
        if size > 1 and last in BODY_NAME_HEADS and normalize_name(before) not in PLACE_INDEX:
            return _named(candidate)
    if (
        1 < len(run) <= 3
        and len(run) == len(tokens) - 1
        and head in SPOKESPEOPLE
        and normalize_name(" ".join(run)) not in PLACE_INDEX
        and not any(t.lower() in _NATIONAL_OR_BARE for t in run)
        and run[0].lower() not in GIVEN_NAMES
    ):
        return _named(" ".join(run), SK.ORGANISATION)  # "a Metro Trains spokesperson"
    if len(run) == 1 and head in ORGANISATIONAL_ROLES:
        candidate = run[0]
        low = candidate.lower()
        if (
            normalize_name(candidate) not in PLACE_INDEX
            and low not in NATIONALITIES
            and low not in GIVEN_NAMES
            and low not in DESCRIPTION_WORDS
            and low not in TITLE_BARE
        ):
            kind = guess_name_kind(candidate)
            if kind in (None, SK.PERSON):
                kind = SK.ORGANISATION
            return _named(candidate, kind)
    return None


# Words that describe a body a spokesperson speaks for: "a government spokesperson".
_BODY_DESCRIPTIONS = _words("government police company health security defence defense")


def _body_of(lows):
    """Whether words name a body by what it is for: "the Department of Justice", "the
    Ministry of Police" (not a justice, nor the police)."""
    return (
        len(lows) > 2
        and lows[0] in BODY_NAME_HEADS
        and lows[1] in ("of", "for")
        and lows[2] != "the"
        and not any(_is_possessive(w) for w in lows)  # "… of Transport's Permanent Secretary"
    )


def _descriptor(det, tokens, text, qualifier=""):
    """A description without a name: "a senior administration official", "the outlet"."""
    lows = [t.lower() for t in tokens]
    head = _strip_possessive(lows[-1])
    words = " ".join(tokens)
    affiliation = None
    caps = [t for t in tokens if _is_capitalised(t)]
    if caps:
        affiliation = _affiliation(tokens, head)
    if det == "the" and not qualifier:
        if head in OUTLET_HEADS and not head.endswith("s"):
            return Mention(name=text, kind=SK.OUTLET, anaphor="outlet")
        if head in GOVERNMENT_HEADS and head not in PERSON_HEADS:
            return Mention(name=text, kind=SK.GOVERNMENT, anaphor="government")
        if head in ORGANISATION_HEADS:
            return Mention(name=text, kind=SK.ORGANISATION, anaphor="organisation")
        if (head in TITLE_WORDS or head in PERSON_HEADS) and not head.endswith("s"):
            return Mention(
                name=text,
                anaphor="title",
                title_words=frozenset(t.lower() for t in tokens),
                role=words,
                affiliation=affiliation,
            )
    if head in OUTLET_HEADS and head.endswith(("s", "media")) and det == "":
        name = words[0].upper() + words[1:] if det == "" and caps else words
        return Mention(name=name, kind=SK.OUTLET)
    if head in DOCUMENT_HEADS and head not in PERSON_HEADS:
        # "court documents", "a study", "the report": a document this article cites.
        name = " ".join(part for part in (det, words) if part) + qualifier
        return Mention(name=name, kind=SK.ANONYMOUS, anonymous=True, document=True)
    if (
        affiliation is None
        and head in SPOKESPEOPLE
        and not head.endswith("s")
        and det in ("a", "an", "the")
        and len(tokens) > 1
        # "a Commission spokesperson": the commission named before
        and (not caps or caps == tokens[-2:-1] and lows[-2] in BODY_NAME_HEADS)
        and (
            lows[-2] not in DESCRIPTION_WORDS
            or lows[-2] in _BODY_DESCRIPTIONS
            or lows[-2] in BODY_NAME_HEADS
        )
    ):
        # "a company spokeswoman", "a force spokesperson", "a central bank spokeswoman": for
        # the body the article named as such.
        body = " ".join(tokens[:-1] if caps else lows[:-1])
        government = lows[-2] in GOVERNMENT_HEADS
        affiliation = Mention(
            name=f"the {body}",
            kind=SK.GOVERNMENT if government else SK.ORGANISATION,
            anaphor="government" if government else "organisation",
        )
    if (
        head in PERSON_HEADS
        or head in TITLE_WORDS
        or head in OUTLET_HEADS
        or (head in BODY_HEADS and det not in ("", "the"))
    ):
        name = " ".join(part for part in (det, words) if part) + qualifier
        generic = len(tokens) == 1 and head in ("person", "people", "source", "sources")
        role = words if not (generic or head.endswith("s")) else ""
        return Mention(
            name=name,
            kind=SK.ANONYMOUS,
            anonymous=True,
            role=role,
            affiliation=affiliation,
        )
    if det in ("a", "an", "another", "one") and not caps and _is_agent(head):
        # "Another delivery rider", "a tenant", "one commuter": somebody, described.
        name = " ".join(part for part in (det, words) if part) + qualifier
        return Mention(name=name, kind=SK.ANONYMOUS, anonymous=True, role=words)
    return None


def _is_agent(low):
    """Whether a lower-case noun names somebody by what they do ("rider", "tenant")."""
    return (
        _AGENT_NOUN.match(low) is not None and low not in _NOT_AGENTS and low not in _UNAGENT_HEADS
    )


def _adverb_shaped(low):
    """Whether a lone capitalised word ending in -ly reads as a sentence adverb ("Separately",
    "Finally") rather than a surname ("Donnelly", "Connolly", "Bradley", "Kelly")."""
    if not low.endswith("ly") or len(low) <= 4:
        return False
    if low.endswith("ley") or (low.endswith(("elly", "olly", "illy", "ully")) and low != "fully"):
        return False
    return True


def _parse_plain(text):
    """A Mention for a phrase that names or describes a speaker, or None if it does not.

    The whole phrase must be the speaker: "Kremlin spokesman Dmitry Peskov", "A Putin aide",
    "the outlet", "he", "officials", "a person familiar with the matter", "Russian news
    agency TASS". Titles and descriptions become the role, and an organisation in the title
    the affiliation.
    """
    text = text.strip(" \t,;:—–-" + QUOTE_MASK)
    if not text or QUOTE_MASK in text or len(text) > 160 or "\n" in text:
        return None
    if "  " in text:
        text = " ".join(text.split())  # "Harold      Vandermeer", a nickname taken out
    core = ANONYMOUS_QUALIFIERS.sub("", text)
    qualifier = text[len(core) :]
    tokens = [_clean_token(t) for t in core.split()]
    if not all(tokens):
        return None
    if (
        len(tokens) > 2
        and tokens[-1] in POST_NOMINALS
        and _is_capitalised(tokens[-2])
        # not "The local Labour MP", a description
        and not (
            tokens[0].lower() in ("the", "a", "an", "its", "his", "her", "their")
            and any(t[:1].islower() for t in tokens[1:-1])
        )
    ):
        tokens = tokens[:-1]  # "Jane Ndoro SC": the letters after a name are not part of it
        core = " ".join(core.split()[: len(tokens)])
    opener = tokens[0].lower()
    plural = opener.endswith("s") or opener in ("police", "staff", "media")
    if (
        (plural and opener in _PLURAL_OPENERS)
        or opener in QUANTIFIERS
        or opener in ("senior", "former", "top", "local", "state", "federal", "some")
    ) and (len(tokens) == 1 or not _is_capitalised(tokens[1])):
        tokens[0] = opener  # "Prosecutors said": capitalised only because it starts a sentence
        core = opener + core[len(opener) :]
    lows = [t.lower() for t in tokens]
    if len(tokens) == 1 and lows[0] in PRONOUNS and not qualifier:
        return Mention(name=tokens[0], anaphor=PRONOUNS[lows[0]])
    if len(tokens) == 1 and lows[0] in _BARE_OFFICES and tokens[0][0].isupper() and not qualifier:
        # "…,” Minister said", "Lyonpo said": the holder of the office, named before
        return Mention(name=tokens[0], anaphor="title", title_words=frozenset(lows), role=lows[0])
    known = known_name(core) if core[:1].isupper() or not core.islower() else None
    if known and not qualifier and (_is_capitalised(tokens[-1]) or len(tokens) == 1):
        return _named(core)
    if lows[0] in _NOT_A_NAME_START or any(low in WEEKDAYS for low in lows):
        return None
    if len(tokens) == 1 and _adverb_shaped(lows[0]):
        return None  # "Separately,", "Additionally,": a sentence adverb, not a name
    if len(tokens) == 1 and (lows[0] in MONTHS or lows[0] in NATIONALITIES):
        return None
    named = _name_after_title(tokens)
    if named is not None:
        return named
    # "a spokesman for the Kremlin", "an official at the ministry"
    match = _head_phrase(core, _FOR_ORG, PERSON_TITLE_HEADS)
    if match and not _is_capitalised(match.group("head").split()[-1]):
        descriptor = parse_speaker(match.group("head"))
        organisation = parse_speaker(match.group("rest"))
        if (
            match.group("prep").lower() == "of"
            and _CAPITALISED_RUN.fullmatch(match.group("rest"))
            and (organisation is None or _place_read_as_person(organisation))
        ):
            # "the mayor of Lower Hutt", "the mayor of La Línea": a place, not somebody
            organisation = _named(match.group("rest"), SK.ORGANISATION)
        if organisation is not None and organisation.single:
            organisation = replace(organisation, kind=SK.ORGANISATION, single=False)
        voices = match.group("head").lower().split()[-1] in FIRM_VOICES
        if organisation is not None and voices and organisation.kind == SK.PERSON:
            # "Analysts at Harcourt Lyle": people work at a firm, not at a person.
            organisation = replace(organisation, kind=SK.ORGANISATION)
        spokes = descriptor is not None and (descriptor.role or descriptor.name).lower().split()[
            -1
        ] in ("spokesman", "spokeswoman", "spokesperson", "representative", "office")
        if (
            descriptor
            and descriptor.anonymous
            and organisation
            and organisation.kind == SK.PERSON
            and not organisation.anonymous
            and not organisation.single
            and spokes
        ):
            return replace(descriptor, name=text, affiliation=organisation, speaks_for=True)
        if descriptor and organisation and organisation.kind != SK.PERSON:
            if descriptor.anonymous or descriptor.anaphor == "title":
                return replace(
                    descriptor,
                    name=text if descriptor.anonymous else descriptor.name,
                    affiliation=organisation,
                    role=descriptor.role or match.group("head"),
                )
    det = lows[0] if lows[0] in QUANTIFIERS or lows[0] == "the" else ""
    if det == "an" and IRISH_ARTICLE.fullmatch(" ".join(tokens)):
        return _named(" ".join(tokens))  # "An Garda Síochána", though a garda is an officer
    if det == "an" and IRISH_ARTICLE.match(" ".join(tokens[:3])):
        det = ""  # "An Post"
    rest = tokens[1:] if det else tokens
    if not rest:
        return None
    rest_lows = [t.lower() for t in rest]
    described = det in QUANTIFIERS and (
        rest_lows[-1] in PERSON_TITLE_HEADS or _is_agent(rest_lows[-1])
    )
    described = described or (
        det == "the"
        and (rest_lows[-1] in BODY_HEADS or rest_lows[-1] in OUTLET_HEADS)
        and not _body_of(rest_lows)
    )
    for index, token in enumerate(rest):
        low = token.lower()
        if described and re.fullmatch(r"[a-z][a-z-]+", token) and low not in _CLAUSE_WORDS:
            continue  # "a climate scientist": any description of an unnamed person
        if low == "the" and index and rest_lows[index - 1] in ("of", "for"):
            continue
        if (
            low == "on"
            and 0 < index < len(rest) - 1
            and rest_lows[index - 1] in ORGANISATION_NAME_HEADS
            and _is_capitalised(rest[index + 1])
        ):
            continue  # "the Intergovernmental Panel on Climate Change"
        if not (
            _is_capitalised(token)
            or low in DESCRIPTION_WORDS
            or low in TITLES_BEFORE_NAMES
            or _strip_possessive(low) in DESCRIPTION_WORDS
            or low in CONNECTORS
            or re.fullmatch(r"\d[\d,]*", token)
        ):
            return None
    if rest_lows[-1] in CONNECTORS or rest_lows[0] in CONNECTORS - {"de", "van", "von", "al"}:
        return None
    if "and" in rest_lows:
        at = rest_lows.index("and")
        titles = TITLE_BARE | {"co-founder", "cofounder"}
        joins_titles = (
            0 < at < len(rest_lows) - 1
            and rest_lows[at - 1].rstrip(".") in titles
            and rest_lows[at + 1].rstrip(".") in titles
        )
        if joins_titles:
            rest = rest[: at - 1] + [f"{rest[at - 1]} and {rest[at + 1]}"] + rest[at + 2 :]
            rest_lows = [t.lower() for t in rest]  # "co-founder and CEO": one title
            tokens = [*tokens[: len(tokens) - len(rest) - 2], *rest] if det else rest
        elif not _is_capitalised(rest[at - 1]):
            return None
    if (
        "and" in rest_lows
        and det != "the"
        and not (
            rest_lows[-1] in BODY_NAME_HEADS
            or any(w in ("of", "for") for w in rest_lows[: rest_lows.index("and")])
        )
    ):
        return None
    last = rest[-1]
    numbered = last.isdigit() and len(rest) > 1 and _is_capitalised(rest[-2])  # "Local 212"
    if det == "the" and rest_lows[-1] in _PARTY_MEMBERS:
        # "the panel's top Democrat", "the Republican": a member of a party, described.
        return Mention(
            name=" ".join(tokens),
            anaphor="title",
            title_words=frozenset(rest_lows),
            role=" ".join(rest),
        )
    if (
        qualifier
        or not (_is_capitalised(last) or numbered)
        or (described and rest_lows[-1] in PERSON_HEADS)
    ):
        return _descriptor(det, rest, " ".join(tokens) if det else core, qualifier)
    if det and det != "the":
        return None  # "a Reuters" is not a speaker; "a Putin aide" ends in lowercase
    # A name, perhaps after a title: the run of capitalised words at the end.
    run_start = len(rest)
    while run_start > 0:
        token = rest[run_start - 1]
        low = token.lower()
        if (
            (_is_capitalised(token) or (numbered and run_start == len(rest)))
            and not _title_at(rest, run_start - 1)
            and not _is_possessive(token)
        ):
            run_start -= 1
        elif low in _NAME_JOINERS and run_start < len(rest) and run_start > 1:
            run_start -= 1
        else:
            break
    while (
        run_start < len(rest)
        and rest[run_start].lower() in _NAME_JOINERS
        # "La Línea", "El Paso", "De Aar": a capitalised particle begins a name
        and not (rest[run_start][:1].isupper() and rest[run_start].lower() in _NAME_PARTICLES)
    ):
        run_start += 1
    prefix, run = rest[:run_start], rest[run_start:]
    run_lows = [t.lower().rstrip(".") for t in run]
    if len(run) > 1 and (
        run_lows[-1] in BODY_NAME_HEADS
        or any(w in ("of", "for") for w in run_lows)
        and any(w in BODY_NAME_HEADS for w in run_lows)
        # not "the Ministry of Health Permanent Secretary": the body's officer
        and not _office_head(run)
    ):
        # A body's name after a description: "the state Department of Education".
        words = [t.lower() for t in prefix]
        if prefix and all(_is_capitalised(t) for t in prefix):
            return _named(" ".join(prefix + run))  # "the Press Information Bureau"
        if words and all(w in DESCRIPTION_WORDS for w in words):
            if words == ["state"] or words == ["federal"] or words == ["city"]:
                return _named(f"{words[0]} {' '.join(run)}", SK.GOVERNMENT)
            mention = _named(" ".join(run))
            return replace(mention, description=" ".join(prefix))
    if not run or (
        len(run) == 1
        and run[0].lower() in BODY_NAME_HEADS
        and all(_is_capitalised(t) for t in prefix)
    ):
        if (
            det == "the"
            and rest_lows[-1] in TITLE_WORDS
            # "the Department of Justice" is a body; "the Ministry of Health Permanent
            # Secretary" its officer
            and (not _body_of(rest_lows) or _office_head(rest))
            # "the Health Service Executive", "the Northern Ireland Executive": bodies
            and not (rest[-1] == "Executive" and not _office_head(rest))
        ):
            return _descriptor(det, rest, core)
        if all(_is_capitalised(t) or t.lower() in CONNECTORS for t in rest):
            return _named(" ".join(tokens) if det == "the" else " ".join(rest))
        return None
    title_at = [
        i
        for i, token in enumerate(prefix)
        if _title_at(rest, i) or (not _is_capitalised(token) and token.lower() in DESCRIPTION_WORDS)
    ]
    if not title_at:
        if prefix and prefix[-1].lower() == "of" and len(prefix) > 1:
            pass  # "Bank of England": a name with "of" in it
        name = " ".join(rest)
        if det == "the" and _is_capitalised(tokens[0]):
            name = " ".join(tokens)  # "The Independent", mid-sentence: part of the name
        if _is_possessive(rest[-1]):
            return None
        return _named(name)
    # "Secretary of State Mike Pompeo": the title takes "of State" while the name keeps two
    # words or starts with a given name.
    if prefix and prefix[-1].lower() in ("of", "for"):
        if len(run) == 1:
            return None  # "Tamil Nadu Minister for Industries": a portfolio, nobody named
        if run_lows[-1] in BODY_NAME_HEADS:
            # "the Chief Corporate Communications Officer of NNPC Limited": whoever holds it
            return Mention(
                name=core,
                kind=SK.ANONYMOUS,
                anonymous=True,
                role=" ".join(prefix[:-1]),
                affiliation=_named(" ".join(run)),
            )
        head = prefix[title_at[-1]].lower()
        if "and" in run_lows and head in PERSON_HEADS and head.endswith("s"):
            # "Representatives for Kattegat and Nordhafen": unnamed people of two bodies
            return Mention(name=core, kind=SK.ANONYMOUS, anonymous=True, role=" ".join(prefix))
        while len(run) > 2 and run[0].lower() not in GIVEN_NAMES:
            prefix = [*prefix, run[0]]
            run = run[1:]
    head = prefix[title_at[-1]].lower().rstrip(".")
    title = " ".join(prefix)
    name = " ".join(run)
    if head in HONORIFICS or prefix[-1].lower() in HONORIFICS:
        return Mention(name=name, single=len(run) == 1, role="" if len(prefix) == 1 else title)
    if head in OUTLET_HEADS:
        mention = _named(name, SK.OUTLET)
        return replace(mention, kind=SK.OUTLET, role=title, description=title)
    if head in BODY_HEADS and head not in PERSON_HEADS:
        mention = _named(name, SK.ORGANISATION)
        return replace(mention, role=title, description=title)
    affiliation = _affiliation(prefix[: title_at[0]] or prefix, head)
    return Mention(
        name=name,
        kind=SK.PERSON,
        role=title,
        affiliation=affiliation,
        single=len(run) == 1,
    )


# Whoever speaks for somebody else: their words are that body's.
SPOKESPEOPLE = _words(
    "spokesman spokeswoman spokesperson spokespeople spokespersons representative representatives"
)
# Officials who are counted or ranked are people, not their body's voice: "Two Energy
# Department officials, speaking on condition of anonymity".
_COUNTED = re.compile(
    r"(?:two|three|four|five|six|several|some|many|few|other|senior|junior|\d+)\b", re.I
)
# Unnamed experts at a named firm speak for it: "analysts at Brightwater Securities".
FIRM_VOICES = _words("analysts economists strategists researchers")
# What somebody has that speaks for them: "Bassani's office", "Halcyon's statement".
SPEAKING_FOR = _words(
    "office statement spokesman spokeswoman spokesperson spokespeople representative "
    "representatives campaign letter memo announcement website account post readout "
    "release press"
)
_POSSESSIVE = re.compile(
    r"^(?:(?P<owner>.+?)(?:['’]s|(?<=s)['’])|(?P<pronoun>[Hh]er|[Hh]is|[Ii]ts|[Tt]heir))\s+"
    r"(?P<rest>(?:\d{4}\s+)?[a-z][\w\s-]*)$"  # "the company's (2024) sustainability report"
)
# The last words of a title that holds an office, standing for its holder ("Water Resources
# Minister says …"); not a surname or a brand's last word ("Burger King", "Dollar General").
_OFFICE_HEADS = set(
    "minister secretary governor commissioner mayor premier president chairman chairwoman "
    "chairperson spokesman spokeswoman spokesperson director ceo treasurer prosecutor "
    "attorney-general ombudsman coroner superintendent".split()
)

# Offices whose name alone, capitalised, stands for their holder ("Minister said"); not
# titles that are also surnames ("King", "Major", "Bishop", "Dean").
_BARE_OFFICES = frozenset(_OFFICE_HEADS | {"lyonpo", "lyonchhen"})


# Offices named by two words: "Chief Executive", "Chief Operating Officer", "General Manager".
_TWO_WORD_OFFICES = {
    "general": {"attorney", "surgeon", "solicitor", "auditor"},
    "executive": {"chief"},
    "officer": {"executive", "operating", "financial", "medical", "technology", "information"},
    "constable": {"chief"},
    "manager": {"general", "managing"},
}


def _office_head(words):
    last = words[-1].lower().rstrip(".")
    if last in _TWO_WORD_OFFICES:
        return len(words) > 1 and words[-2].lower() in _TWO_WORD_OFFICES[last]
    return last in _OFFICE_HEADS


_BRANCH_WORDS = {"office", "bureau", "branch", "headquarters", "division", "unit", "team"}
_POSSESSIVE_PLACE = re.compile(
    r"^(?P<owner>.+?['’]s)\s+(?P<place>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?)\s+(?P<rest>[a-z][\w\s-]*)$"
)
# "Ukraine's Coordination Headquarters …", "the SEC's Office of …": a body named after its
# country or parent.
_POSSESSED_NAME = re.compile(r"^(?P<owner>[A-Z][^’']*?)['’]s\s+(?P<rest>[A-Z].*)$")
# "the vessel-tracking service ShipWatch", "public defender Aisha Rahman": a description, then
# the name it describes.
_DESCRIBED_NAME = re.compile(
    r"^(?:(?:the|a|an)\s+)?(?P<desc>(?:[a-z][\w-]*\s+){1,4})(?P<name>[A-Z][\w.&'’-]*"
    r"(?:\s+(?:[A-Z][\w.&'’-]*|of|de|al|bin|van|von|&))*)$"
)
# The same with the description's first word capitalised by the start of a sentence ("Street
# vendor Nomsa Khumalo"), or after the body the person works for ("Irish Nursing Alliance
# industrial relations officer Mairéad Quinn").
_DESCRIBED_PERSON = re.compile(
    r"^(?:(?P<body>(?:[A-Z][\w.&'’-]*\s+)+)(?P<desc>(?:[a-z][\w-]*\s+){1,4})|"
    r"(?P<first>[A-Za-z][a-z][\w-]*\s+(?:[a-z][\w-]*\s+){0,3}))"
    r"(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,3})$"
)
# What people are, by the ending of the word: "vendor", "cellist", "campaigner".
_AGENT_NOUN = re.compile(r"^[a-z]{2,}(?:er|or|ist|ian|ant|ent|man|woman|ess|eer|ee)$")
_NOT_AGENTS = _words(
    "after over under later other order matter water weather winter summer quarter number "
    "error floor door sector center centre corner border letter chapter paper power tower "
    "river cancer dinner disorder register month moment event current recent president "
    "percent content extent agent statement government parliament restaurant plant grant "
    "giant incident accident segment agreement element filter computer monitor document "
    "department comment judgment judgement payment settlement investment development "
    "environment management treatment amendment announcement assessment argument "
    "experiment equipment instrument tournament apartment basement"
)
_PLACE_POLICE = re.compile(
    r"^(?:the\s+)?(?P<place>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})\s+police$"
)
# Words that name a kind of police, not the place it polices: "Border police", "State police".
_FORCE_WORDS = _words(
    "state city county border traffic transit riot secret military local federal national "
    "royal metropolitan capitol park campus university railway transport tribal municipal "
    "provincial regional the"
)
_COMMON_OWNER = re.compile(r"^(?:the|a|an|this|that)\s+(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*$")
_NAMED_OUTLET = re.compile(
    r"^(?:[Tt]he\s+)?(?:(?:official|state|state-run|state-owned|semi-official|semiofficial|"
    r"government-run|government-owned|pro-government|opposition|private|independent|national|"
    r"local|regional|public|online)\s+)*"
    r"(?P<name>(?!(?:The|A|An|This|That|Its|Their|His|Her|Our)\s)[A-Z][\w.&'’-]*"
    r"(?:\s+[A-Z][\w.&'’-]*){0,4})\s+"
    r"(?:news\s+agency|news\s+service|newswire|wire\s+service|agency|newspaper|daily|tabloid|"
    r"broadcaster|television(?:\s+channel)?|TV(?:\s+channel)?|radio(?:\s+station)?|"
    r"(?:news\s+)?channel|(?:news\s+)?website|news\s+site|magazine)$"
)
_PORTFOLIO_TITLE = re.compile(
    r"^[Tt]he\s+(?P<title>(?:[A-Z][a-z]+\s+){0,2}(?P<head>[A-Z][a-z]+)\s+(?:for|of)\s+"
    r"(?:the\s+)?[A-Z][\w’'-]*(?:\s+(?:[A-Z][\w’'-]*|and|&|of|the))*)$"
)
# A member of a parliament, by the party or the seat: "the Labour MP", "the Kerry TD".
_MEMBER_TITLE = re.compile(
    r"^[Tt]he\s+(?P<title>(?:[A-Z][\w’'-]*\s+){1,3}(?:MP|TD|MEP|MSP|MLA|MPP|MNA|MHA|MHK|MK))$"
)
# "the Member of the National Assembly for Anse Royale": a member of a parliament, by seat.
_MEMBER_FOR = re.compile(
    r"^(?:[Tt]he\s+)?(?P<title>Member\s+of\s+(?:the\s+)?(?:[A-Z][\w’'-]*\s+){1,4}"
    r"for\s+(?:[A-Z][\w’'.-]*\s*){1,4})$"
)
_NAMED_BODY = re.compile(
    r"^[Tt]he\s+(?P<name>[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,2})\s+"
    r"(?:union|trade\s+union|party|militia|movement|alliance|coalition|federation|"
    r"campaign\s+group|pressure\s+group|lobby\s+group|think\s*tank|charity)$"
)
# A stock symbol with its exchange's suffix: "BWF.L", "7203.T".
STOCK_SYMBOL = r"[A-Z0-9]{1,6}\.[A-Z]{1,3}"
_STOCK_SYMBOL = re.compile(rf"^\(?{STOCK_SYMBOL}\)?$")
_QUALIFIED_BODY = re.compile(
    r"^(?:(?!(?:to|at|in|of|for|from|with|on|by|the|a|an)\b)[a-z][\w-]*\s+){1,3}(?P<name>[A-Z][\w’'.-]*(?:\s+(?:[A-Z][\w’'.-]*|of|for|and|&))+)$"
)
_NAME_ASIDE = re.compile(r"(?<=[\w.])\s*\(([^()]{1,40})\)(?=[\s,]|$)")
# Titles of members of an assembly that, standing alone, are a body's initials.
MEMBER_OR_BODY = {"MK", "MCA", "MNA", "MHA"}
_SHORT_NAME = re.compile(rf"[{CAPITALS}][\w’'-]{{1,20}}")  # "COR", "Fafen", "Kızılay"
_AGED = re.compile(r"^[Tt]he\s+\d{1,3}-year-old$")
_LED_BY = re.compile(
    r"^(?:(?:[Aa]n?|[Tt]he|[Hh]er|[Hh]is|[Tt]heir)\s+)?(?:[\w-]+\s+){0,2}?(?i:team|group|researchers|"
    r"scientists|investigators|panel|delegation)(?:\s+of\s+(?:[\w-]+\s+){0,2}?[\w-]+)?\s+"
    r"(?:led|headed)\s+by\s+(?P<who>[A-Z].*)$"
)
_NATIONAL_NOUN = re.compile(r"^[Tt]he\s+(?:\d{1,3}-year-old\s+)?([A-Z][a-z]+)$")
# Nouns for a person of a nation: "the Irishman", "the 31-year-old Spaniard".
_DEMONYM = re.compile(
    r"^[Tt]he\s+(?:\d{1,3}-year-old\s+)?(?:(?:Irish|English|Scots|Welsh|French|Dutch|Cornish|Manx)"
    r"(?P<woman>wo)?man|Briton|Brit|Scot|Spaniard|Swede|Dane|Finn|Pole|Kiwi|Aussie|Turk|Icelander"
    r"|Argentinian|Filipin(?P<she>a)|Filipino|New\s+Zealander)$"
)
_ONE_OF = re.compile(
    r"^(?:[Oo]ne|[Tt]wo|[Tt]hree|[Ss]ome|[Ss]everal|[Mm]any|[Mm]ost|[Ee]ach|[Bb]oth|[Aa]nother)\s+"
    r"of\s+(?P<group>(?:the|those|these|his|her|their|its)\s+.+)$"
)
_EMBASSY = re.compile(
    r"^(?:the\s+)?(?P<name>(?:[A-Z][\w.'’-]*\s+)*(?:Embassy|Consulate|Mission|Delegation))\s+"
    r"(?:in|to)\s+"
    r"(?P<place>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*)$"
)
_GENDERED_ROLES = {
    "spokeswoman": "female",
    "chairwoman": "female",
    "councilwoman": "female",
    "congresswoman": "female",
    "businesswoman": "female",
    "ombudswoman": "female",
    "assemblywoman": "female",
    "spokesman": "male",
    "chairman": "male",
    "councilman": "male",
    "congressman": "male",
    "businessman": "male",
    "ombudsman": "male",
    "assemblyman": "male",
}
_OF_PLACE = re.compile(r"^(?P<person>.*?[A-Z][\w'’.-]+)\s+of\s+(?P<rest>(?:the\s+)?[A-Z].*)$")
_PERSON_PP = re.compile(
    r"\s+(?P<prep>on|in|at|near|from|of|inside|outside|across|around|among|with|for|involved|"
    r"who|familiar|close)\b",
    re.IGNORECASE,
)
_FOR_ORG = re.compile(r"\s+(?P<prep>for|at|with|from|of)\s+", re.IGNORECASE)


class _HeadMatch:
    def __init__(self, text, head_end, prep, rest_start):
        self._groups = {
            "head": text[:head_end],
            "prep": prep,
            "rest": text[rest_start:],
        }

    def group(self, name):
        return self._groups[name]


def _place_read_as_person(mention):
    """Whether a name read as a person's does not start as one: "Lower Hutt", "La Línea"."""
    first = mention.name.split()[0].lower()
    return (
        mention.kind == SK.PERSON
        and not (mention.single or mention.anonymous or mention.role)
        and (first not in GIVEN_NAMES or first in _NAME_PARTICLES)
    )


_CAPITALISED_RUN = re.compile(rf"[{CAPITALS}][\w'’.-]*(?:\s+[{CAPITALS}][\w'’.-]*)*")


def _head_phrase(text, separator, heads):
    """The first "<… head> <preposition> <rest>" in `text` whose head word is in `heads`."""
    for match in separator.finditer(text):
        before = text[: match.start()].split()
        if before and before[-1].lower() in heads:
            return _HeadMatch(text, match.start(), match.group("prep"), match.end())
    return None


_PRONOUN_GENDER = {"she": "female", "her": "female", "he": "male", "his": "male"}
_RELATION_GENDER = _words("mother daughter wife sister aunt niece grandmother widow girlfriend")
_RELATION_MALE = _words("father son husband brother uncle nephew grandfather widower boyfriend")


_BASED = re.compile(r"^[A-Z][\w.'’]*(?:\s+[A-Z][\w.'’]*)?-(?:based|headquartered)\s+(?=[A-Z])")
# A member of a party, as a noun: "the committee's top Republican".
_PARTY_MEMBERS = _words("democrat republican tory conservative liberal socialist")
# A legislator's party and state after the name: "(R-Kan.)", "(D-N.Y.)", ", I-Vt.".
PARTY_TAG = re.compile(
    r"(?:\s*\((?:[RDI]|Ind|Dem|Rep|GOP|DFL)\s?[-–]\s?[A-Z][\w.]*(?:\s?[A-Z][\w.]*){0,2}\)"
    r"|,\s+(?:[RDI])[-–][A-Z][a-z]{0,4}\.(?:[A-Z]\.)?)$"
)


_TITLE_PREPOSITIONS = _words("for of from at in on")
_LEVELLED = re.compile(
    r"^(?:[Tt]he\s+)?(?:federal|national)"
    r"\s+(?P<name>[A-Z][\w.'’&-]*(?:\s+[\w.'’&-]+)*?\s+(?P<head>[A-Z][\w.'’&-]*))$"
)
_INITIAL = re.compile(r"(?:[A-Z]\.){1,3}")
_DETERMINERS = _words("a an the his her its their our my your this that one another")


def _name_after_title(tokens):
    """The person a title with a preposition names: "chief spokesperson for home affairs
    Markus Lammert", "Congress member from Mandya R. Chaluvarayappa" (the place of the title
    is not the name's). A determiner makes the phrase a description of somebody else ("the
    wife of the late Jane Doe"), and so does a second title after the first one's
    preposition ("spokesman for Senate leader Harry Reid"), and so does anything but a
    portfolio after the preposition ("lawyer for defendant Mark Hollis")."""
    lows = [t.lower() for t in tokens]
    lowered = [i for i, t in enumerate(tokens) if t[:1].islower()]
    if len(tokens) < 4 or not lowered or (lows[0] in _DETERMINERS or lows[0] in QUANTIFIERS):
        return None
    last = lowered[-1]
    heads = [i for i in lowered if lows[i] in PERSON_TITLE_HEADS]
    if not heads or heads[0] > last:
        return None
    between = [i for i in lowered if heads[0] < i and lows[i] in _TITLE_PREPOSITIONS]
    if not between or any(i > between[0] for i in heads):
        return None  # without a preposition, parse_speaker reads it whole
    tail = tokens[last + 1 :]
    topic = lows[between[0] + 1 : last + 1]
    if not all(low in PORTFOLIO_WORDS or low in ("the", "and") for low in topic):
        return None  # "lawyer for defendant Mark Hollis": the client, described
    owned = False
    if len(tail) >= 3 and lows[last] in _TITLE_PREPOSITIONS:
        first, second = tail[0].lower(), tail[1]
        if first not in GIVEN_NAMES and (
            second.lower() in GIVEN_NAMES or _INITIAL.fullmatch(second)
        ):
            tail, owned = tail[1:], True
    if lows[last] in _TITLE_PREPOSITIONS and not owned:
        return None  # "spokesman for Jane Doe": whom the speaker speaks for
    if not 2 <= len(tail) <= 4 or not all(
        _is_capitalised(t) or _INITIAL.fullmatch(t) for t in tail
    ):
        return None
    person = parse_speaker(" ".join(tail))
    if person is None or person.kind != SK.PERSON or person.anonymous or person.single:
        return None
    return replace(person, role=" ".join(tokens[: len(tokens) - len(tail)]))


# A body's regional branch, which speaks as the body: "the Delta State chapter of the All
# Progressives Congress", "the British Medical Association's Northern Ireland council".
_BRANCH_OF = re.compile(
    r"^(?:[Tt]he\s+)?(?:[A-Z][\w.-]*\s+){1,3}(?:chapter|branch)\s+of\s+"
    r"(?P<body>(?:the\s+)?[A-Z].*)$"
    r"|^(?:[Tt]he\s+)?(?P<owner>[A-Z].*?)['’]s\s+(?:[A-Z][\w.-]*\s+){1,3}(?:chapter|branch|"
    r"council)$"
)
_PARENT_OF = re.compile(
    r"\b((?:[Gg]rand)?(?:[Mm]other|[Ff]ather|[Mm]um|[Mm]om|[Dd]ad|[Pp]arent))[- ]of[- ](?:one|two|"
    r"three|four|five|six|seven|eight|nine|ten|\d+)\b(?=\s+[A-Z])"
)


@lru_cache(maxsize=16384)
def parse_speaker(text):
    """A Mention for a phrase that names or describes a speaker, or None if it does not.

    The whole phrase must be the speaker: "Kremlin spokesman Dmitry Peskov", "A Putin aide",
    "the outlet", "he", "officials", "a person familiar with the matter", "Russian news
    agency TASS", "Holt's mother", "Her office", "Sen. Harold Brandt of Ohio". Titles and
    descriptions become the role, and an organisation in the title the affiliation. A long
    title that ends in a person's name is that person: "INMO assistant director of industrial
    relations Conor Fitzgibbon".
    """
    found = _parse_speaker(text)
    if found is None:
        return _named_after_title(text) or _body_in_place(text)
    if found.anonymous and not found.speaks_for:
        return _named_after_title(text) or found
    if found.kind == SK.PERSON and "," in text and found.name not in text.rsplit(",", 1)[-1]:
        return _named_after_title(text) or found  # "Councillor for the …, Jo Bell (PNP)"
    if found.kind == SK.PERSON and any(
        w.lower() in BODY_NAME_HEADS for w in found.name.split()[:-2]
    ):
        return _named_after_title(text) or found  # "Barbados Workers Union Sarah Long"
    seat = found.name.split()[-1].lower() if found.name else ""
    if found.kind == SK.PERSON and _HELD_IN.search(found.role or "") and seat in _SEATS:
        # "Councillor for the Olympic Gardens Division": a title held in a place or a body,
        # whose holder the words after it name.
        role = found.role.split()[0]
        return Mention(name=text, kind=SK.ANONYMOUS, anonymous=True, role=role)
    return found


_HELD_IN = re.compile(r"\s(?:for|of|at|in)(?:\s+the)?$")
_IN_PLACE = re.compile(
    r"^(?P<body>.+?)\s+in\s+(?P<place>[A-Z][\w’'.-]*(?:\s+(?:[a-z]{1,3}\s+)?[A-Z][\w’'.-]*){0,3})$"
)


def _body_in_place(text):
    """A body described by where it is: "the Chinese embassy in Dar es Salaam" (a name, as
    a nationality makes it), "the court in Olsztyn" (the court, named before); not "federal
    court in Boston" or "the National Weather Service office in Jackson"."""
    match = _IN_PLACE.match(text.strip())
    if match is None or not match.group("body").lower().startswith("the "):
        return None
    body = _parse_speaker(match.group("body"))
    if not body or body.anaphor not in ("organisation", "government"):
        return None
    words = body.name.split()[1:]
    named = [w for w in words if w[:1].isupper()]
    if not named:
        return body
    if not all(w.lower() in NATIONALITIES or _ABBREVIATION_TOKEN.fullmatch(w) for w in named):
        return None
    return Mention(name=f"{' '.join(words)} in {match.group('place')}", kind=body.kind)


_SEATS = _words("division ward constituency district county riding borough parish")


# Letters after a name that are no part of it: "Máirtín Ó Dálaigh TD".
_POST_NOMINALS = frozenset("TD MP MS MSP MLA MEP MPP MHA MNA MCA QC KC SC OBE MBE CBE".split())
_KIN_WORDS = KIN_WORDS | _words("parent parents child children friend partner family late victim")
_NOT_BEFORE_NAME = _words("for of at with to from by in on and or the a an his her their its")


def _named_after_title(text):
    """The person named at the end of a description ("… caucus leader in the council Bongani
    Ferreira"), with the description as the role; None unless the last words are a person's
    name after a title word or a comma (not "a lawyer for Maria Gonzalez")."""
    from stories.extraction.mentions import Cast  # mentions reads speakers

    text = re.sub(r"\s*\([^()]{1,12}\)", "", text.strip(" \t,;:"))
    tokens = text.split()
    while tokens and tokens[-1].rstrip(",") in _POST_NOMINALS:
        tokens.pop()
    run = []
    while tokens and (
        re.fullmatch(rf"[{CAPITALS}][\w'’-]*", tokens[-1])
        or tokens[-1].lower() in NAME_PARTICLES
        and run
    ):
        run.insert(0, tokens.pop())
    while run and run[0].lower() in NAME_PARTICLES:
        tokens.append(run.pop(0))
    # "… of the Barbados Hotel and Tourism Association Nicole Forde-Jordan": a body's name,
    # then its officer's.
    body_end = [i for i, t in enumerate(run[:-2]) if t.lower() in BODY_NAME_HEADS]
    after_body = bool(body_end) and run[body_end[-1] + 1].lower() in GIVEN_NAMES
    if after_body:
        tokens, run = [*tokens, *run[: body_end[-1] + 1]], run[body_end[-1] + 1 :]
    elif (
        len(run) == 3
        and tokens
        and tokens[-1].lower() in ("of", "for")
        and run[0].lower() in PORTFOLIO_WORDS
        and run[1].lower() not in PORTFOLIO_WORDS
        and any(t.lower() in BODY_NAME_HEADS for t in tokens)
    ):
        # "… at the Department of Health Colm Buckley": the body's portfolio, then a name
        tokens, run, after_body = [*tokens, run[0]], run[1:], True
    if len(tokens) < 2 or not 2 <= len(run) <= 4:
        return None
    before = tokens[-1]
    after_body = after_body and any(t.lower() in _TITLE_PREPOSITIONS for t in tokens)
    if before.lower() in _NOT_BEFORE_NAME or not (
        before.endswith(",") or before.islower() or after_body
    ):
        return None
    name = " ".join(run)
    if known_name(name) or not Cast._person_shaped(run):
        return None
    lows = [_strip_possessive(t.lower().strip(",")) for t in tokens]
    # the title, or a title's apposition
    near = lows if before.endswith(",") or after_body else lows[-4:]
    if not set(near) & (PERSON_TITLE_HEADS) or set(lows) & _KIN_WORDS:
        return None  # "Related article Hurricane Marco", "the wife of the late Jane Doe"
    if re.search(
        r"\b(?:spokes\w+|lawyers?|attorneys?|counsel|aides?|advisers?)\s+(?:for|to)\b", text
    ):
        return None  # "spokesman for billionaire Gautam Adani": the one spoken for
    role = re.sub(r"^(?:the|a|an)\s+", "", " ".join(tokens).rstrip(","), flags=re.I)
    affiliation = None
    if after_body:
        at = max(
            (
                i
                for i, low in enumerate(lows)
                if low in _TITLE_PREPOSITIONS
                # "… at the Department of Health": not "of Health", a portfolio alone
                and not all(w in PORTFOLIO_WORDS or w in ("and", "&") for w in lows[i + 1 :])
            ),
            default=len(tokens),
        )
        body = tokens[at + 1 :]
        if body and body[0].lower() == "the":
            body = body[1:]
        affiliation = _named(" ".join(body), SK.ORGANISATION) if body else None
    return Mention(name=name, kind=SK.PERSON, role=role, affiliation=affiliation)


def _parse_speaker(text):
    """parse_speaker() without its last resort."""
    text = text.strip(" \t,;:—–-" + QUOTE_MASK)
    if not text or QUOTE_MASK in text or len(text) > 160 or "\n" in text:
        return None
    text = _BASED.sub("", text)  # "Piraeus-based Kallisti Maritime": where it is, not its name
    if "of" in text:
        # "mother of three Jess O'Halloran", "Father-of-two David Brown": a parent, not a priest
        text = _PARENT_OF.sub(lambda m: m.group(1).lower(), text)
    text = PARTY_TAG.sub("", text)  # "Rep. Dale Hammond (R-Kan.)": Dale Hammond
    if _STOCK_SYMBOL.match(text):
        return None  # "(BWF.L)": a company's stock, not somebody
    aside = _NAME_ASIDE.search(text)
    if aside and normalize_name(aside.group(1)) not in PLACE_INDEX:
        # "the Pensions Advisory Council (COR)", "Coun. Amara Osei (Ward 9, Davenport)": what the
        # brackets add is no part of the name; a body's short or own-language name is an alias.
        found = parse_speaker(text[: aside.start()] + text[aside.end() :])
        short = aside.group(1)
        if (
            found is not None
            and found.kind in (SK.ORGANISATION, SK.GOVERNMENT, SK.OUTLET)
            and not found.anonymous
            and _SHORT_NAME.fullmatch(short)
            and known_name(short) is None
        ):
            found = replace(found, aliases=[*found.aliases, short])
        return found
    if re.sub(r"^[Tt]he\s+", "", text) in MEMBER_OR_BODY:
        # "The MHA said": Singapore's Ministry of Home Affairs, not a member of an assembly.
        return Mention(name=re.sub(r"^[Tt]he\s+", "", text), kind=SK.ORGANISATION)
    words = text.split()
    if (
        1 < len(words) <= 6
        and words[0].lower() != "the"
        and _is_capitalised(words[0])
        # "Finance Minister", "Ministry of Health Permanent Secretary"
        and all(_is_capitalised(w) or w in ("of", "for", "and", "&") for w in words)
        and _office_head(words)
        and words[0].lower() not in GIVEN_NAMES  # "Billie Jean King", "John Major"
        and known_name(text) is None
    ):
        # "Water Resources Minister says …", "Finance Minister:": a title with nobody's name,
        # read as "the Water Resources Minister".
        titled = parse_speaker(f"the {text}")
        if titled is not None and titled.anaphor == "title":
            return replace(titled, name=text)
    if text.lower() in ("others", "some others", "many others"):
        return Mention(name=text, kind=SK.ANONYMOUS, anonymous=True)  # "Others urged …"
    branch = _BRANCH_OF.match(text)
    if branch:
        owner = branch.group("owner")
        body = parse_speaker(branch.group("body") or owner)
        if (
            body is not None
            and not (body.anonymous or body.anaphor)
            and body.kind != SK.PERSON
            # "the BMA's Northern Ireland council"; not "Britain's Privy council"
            and not (
                owner and (body.kind != SK.ORGANISATION or normalize_name(owner) in PLACE_INDEX)
            )
        ):
            return body  # "the Delta State chapter of the All Progressives Congress": the party
    led = _LED_BY.match(text)
    if led:
        leader = parse_speaker(led.group("who"))
        if (
            leader is not None
            and leader.kind == SK.PERSON
            and not (leader.anonymous or leader.anaphor)
        ):
            return leader  # "a team led by Samira Haddad": the team speaks through its leader
    if text.lower() in ("the democrat", "the republican"):
        # "the Republican said": a member of the party, the one written "R-…" before.
        role = text.split()[1]
        return Mention(name=text, anaphor="title", title_words=frozenset([role.lower()]), role=role)
    placed = _POSSESSIVE_PLACE.match(text)
    if (
        placed
        and normalize_name(placed.group("place")) in PLACE_INDEX
        and normalize_name(placed.group("owner")[:-2]) not in PLACE_INDEX
        and placed.group("rest").split()[-1].lower() in _BRANCH_WORDS
    ):
        # "The FBI's Minneapolis field office": the FBI's office, wherever it is.
        return parse_speaker(f"{placed.group('owner')} {placed.group('rest')}")
    possessive = _POSSESSIVE.match(text)
    if possessive and not ANONYMOUS_QUALIFIERS.search(text):
        found = _possessive_speaker(possessive, text)
        if found is not None:
            return found
    outlet = _NAMED_OUTLET.match(text)
    if outlet and outlet.group("name").lower() not in NATIONALITIES:
        # "Yonhap news agency", "the official IRNA news agency": the outlet, by its name.
        mention = _named(outlet.group("name"), SK.OUTLET)
        if mention.kind in (SK.OUTLET, SK.ORGANISATION) and not mention.anonymous:
            return replace(mention, kind=SK.OUTLET, description=text)
    portfolio = _PORTFOLIO_TITLE.match(text)
    if portfolio and portfolio.group("head").lower() in TITLE_WORDS:
        # "the Minister for Further and Higher Education": the holder of that office.
        words = portfolio.group("title").split()
        return Mention(
            name=text,
            anaphor="title",
            title_words=frozenset(w.lower() for w in words),
            role=portfolio.group("title"),
        )
    member = _MEMBER_TITLE.match(text) or _MEMBER_FOR.match(text)
    if member:
        # "the Dublin Mid-West TD", "the Labour MP": a member of a parliament, described.
        return Mention(
            name=text,
            anaphor="title",
            title_words=frozenset(w.lower() for w in member.group("title").split()),
            role=member.group("title"),
        )
    body = _NAMED_BODY.match(text)
    if body and not any(
        w.lower() in _DESCRIPTIVE_WORDS or normalize_name(w) in PLACE_INDEX
        for w in body.group("name").split()
    ):
        # "the CGT union", "the Likud party": the body, by its name.
        return _named(body.group("name"), SK.ORGANISATION)
    police = _PLACE_POLICE.match(text)
    if police and not any(
        w.lower() in _DESCRIPTIVE_WORDS or w.lower() in _FORCE_WORDS
        for w in police.group("place").split()
    ):
        # "Tulsa police": the force of a place, named by it.
        place = police.group("place")
        return Mention(
            name=f"{place} police",
            kind=SK.GOVERNMENT,
            aliases=[f"{place} Police Department"],
        )
    if _AGED.match(text):
        return Mention(name=text, anaphor="person")  # "the 75-year-old": the person before
    demonym = _DEMONYM.match(text)
    if demonym:
        gender = "female" if demonym.group("woman") or demonym.group("she") else ""
        return Mention(name=text, anaphor="person", gender=gender)
    national = _NATIONAL_NOUN.match(text)
    if national and national.group(1).lower() in NATIONALITIES - COMPASS_WORDS:
        if not national.group(1).lower().endswith("ern"):
            return Mention(name=text, anaphor="person")  # "the Italian": the person before
    member = _ONE_OF.match(text)
    if member and _parse_plain(member.group("group")) is not None:
        # "one of the aides", "two of the protesters": unnamed members of a group.
        return Mention(name=text, kind=SK.ANONYMOUS, anonymous=True)
    embassy = _EMBASSY.match(text)
    if embassy:
        name = f"{embassy.group('name')} in {embassy.group('place')}"
        return Mention(name=re.sub(r"^the\s+", "", name), kind=SK.GOVERNMENT)
    levelled = _LEVELLED.match(text)
    if (
        levelled
        and levelled.group("head").lower() not in PERSON_TITLE_HEADS
        and known_name(text) is None
    ):
        # "the federal Bureau of Prisons": the national body, whose name "federal" is no part
        # of. A state's or a city's body keeps its level ("the state Department of Health"),
        # lest it be taken for the national one of the same name.
        body = parse_speaker(levelled.group("name"))
        if body is not None and body.kind in (SK.GOVERNMENT, SK.ORGANISATION):
            if not (body.anonymous or body.single or body.anaphor):
                return body
    mention = _person_of(text) if " of " in text else None
    if mention is None and _POSSESSED_NAME.match(text):
        mention = _possessed_name(text)
    if mention is None:
        mention = _parse_plain(text)
    if mention is None:
        mention = _possessed_name(text) or _described_with_phrase(text) or _described_name(text)
    if mention is None:
        mention = _described_group(text)
    if mention is None:
        mention = _after_long_title(text)
    if mention is None and re.fullmatch(r"[a-z]+", text):
        # "…, company says": a headline's "the company", its article dropped.
        mention = parse_speaker(f"the {text}")
        mention = mention if mention is not None and mention.anaphor else None
    if mention is None:
        return None
    if mention.kind != SK.PERSON and not (mention.anonymous or mention.anaphor):
        mention = _without_description(mention)
    if mention.anonymous and not mention.gender:
        for word in reversed(text.lower().split()):
            if word in _GENDERED_ROLES:
                mention = replace(mention, gender=_GENDERED_ROLES[word])
                break
    low = text.lower().split()
    if low and low[0] in _PRONOUN_GENDER and len(low) == 1:
        mention = replace(mention, gender=_PRONOUN_GENDER[low[0]])
    if mention.anonymous and mention.affiliation is not None:
        head = _strip_possessive((mention.role or mention.name).lower().split()[-1])
        singular_spokes = head in SPOKESPEOPLE and not head.endswith(("people", "s"))
        # "Officials at the Dhaka North City Corporation", "DTCP officials": the body's word
        # (one "official at" it is somebody there, unnamed).
        officials = head == "officials" and not _COUNTED.match(text)
        if singular_spokes or head in FIRM_VOICES or officials:
            mention = replace(mention, speaks_for=True)
    return mention


# Words that say whose body it is: "the state Department of Education" is not the federal one.
_JURISDICTION_WORDS = _words(
    "state federal provincial city county national local regional municipal"
)


def _without_description(mention):
    """A body's name without what only describes it: "the advocacy group Open Signal", "the
    Spanish NGO Caminando Fronteras", "Pasadena-based Larchmont Partners"."""
    words = mention.name.split()
    nation = 1 if len(words) > 2 and words[0].lower() in NATIONALITIES else 0
    cut = nation
    while cut < len(words) - 1 and (
        words[cut] in ("NGO", "NGOs")
        or words[cut].endswith("-based")
        or (
            words[cut].islower()
            and words[cut] not in _NAME_PARTICLES
            and words[cut] not in _JURISDICTION_WORDS
        )
    ):
        cut += 1
    if cut == nation or not words[cut][:1].isupper():
        return mention  # no description ("Spanish" in "Spanish Foreign Ministry" is a name's)
    return replace(mention, name=" ".join(words[cut:]), description=mention.name)


def _demonym(place):
    """ "Syrian" for "Syria" (or any of its names), or None."""
    country = PLACE_INDEX.get(normalize_name(place))
    return DEMONYMS.get(country[0] if country else place)


def _possessed_name(text):
    """ "Ukraine's Coordination Headquarters for the Treatment of Prisoners of War"."""
    match = _POSSESSED_NAME.match(text)
    if not match:
        return None
    owner_words = match.group("owner").split()
    if any(w[:1].islower() and w not in _NAME_PARTICLES for w in owner_words[1:]):
        return None  # "A spokeswoman for the Ohio Attorney General's Office": a phrase
    owner = _parse_plain(match.group("owner"))
    name = _parse_plain(match.group("rest"))
    if owner is None or name is None or name.anonymous or name.anaphor:
        return None
    bare_owner = " ".join(w for w in owner_words if w.lower() != "the")
    if (
        name.kind != SK.PERSON
        and bare_owner
        and (owner_words[0].lower() == "the" or owner_words[-1].lower() in TITLE_WORDS)
        and normalize_name(bare_owner) not in PLACE_INDEX
        and known_name(bare_owner) is None
        and not re.fullmatch(r"[A-Z]{2,6}", bare_owner)
    ):
        # "The Parkinson's Action Network", "the Arapahoe County District Attorney's Office":
        # after "the", or after a title, the possessive is part of the body's name.
        whole = re.sub(r"^[Tt]he\s+", "", text)
        return replace(name, name=whole, aliases=[], single=False)
    if name.kind == SK.PERSON and owner.kind == SK.PERSON:
        return None
    demonym = _demonym(bare_owner) if normalize_name(bare_owner) in PLACE_INDEX else None
    words = normalize_name(name.name).split()
    if (
        demonym
        and name.kind != SK.PERSON
        and any(w in GOVERNMENT_NAME_HEADS or w == "ministry" for w in words)
    ):
        # "Syria's Ministry of Defence": that country's ministry, not any country's.
        demonymic = f"{demonym} {name.name}"
        return replace(name, name=demonymic, kind=SK.GOVERNMENT, aliases=[text, *name.aliases])
    return name


def _described_person(text):
    """ "Street vendor Nomsa Khumalo", "Irish Nursing Alliance industrial relations officer
    Mairéad Quinn": what a person is, in lowercase words, before the person's name."""
    match = _DESCRIBED_PERSON.match(text)
    if not match:
        return None
    body_text = (match.group("body") or "").strip()
    desc = (match.group("desc") or match.group("first")).split()
    body = None
    if body_text:
        body = _parse_plain(body_text)
        if body is None or body.kind == SK.PERSON or body.anonymous or body.anaphor:
            if " " in body_text:
                return None
            desc, body_text, body = [body_text, *desc], "", None  # "Street vendor …"
    lows = [w.lower() for w in desc]
    head = lows[-1]
    if any(
        w in _NOT_A_NAME_START or w in WEEKDAYS or w in MONTHS or w in _CLAUSE_WORDS for w in lows
    ):
        return None
    if not (
        head in PERSON_HEADS
        or head in TITLE_BARE
        or (_AGENT_NOUN.match(head) and head not in _NOT_AGENTS)
    ):
        return None
    name = match.group("name")
    person = _parse_plain(name)
    if person is None or person.kind != SK.PERSON or person.anonymous or person.anaphor:
        return None
    if not _is_person_shaped(name.split()):
        return None
    role = " ".join([body_text, *desc]).strip()
    return replace(person, role=person.role or role, affiliation=person.affiliation or body)


_GROUP = re.compile(r"^(?:[A-Z][a-z-]+|[a-z][a-z-]*)(?:\s+[a-z][a-z-]*){0,3}\s+(?P<head>[a-z]+s)$")


def _after_long_title(text):
    """ "Congress MP and former Union Minister of State … Ravi Menon", "Investment Promotion and
    Commerce Thiru K. Senthil Raman": a person named after titles joined by "and", or after a
    form of address."""
    tokens = text.split()
    if len(tokens) < 4 or not tokens[-1][:1].isupper():
        return None
    if not any(t.lower().rstrip(".") in TITLE_BARE for t in tokens[:-2]):
        return None
    honorific = [i for i, t in enumerate(tokens[:-1]) if t.lower() in HONORIFICS and i > 0]
    cuts = [honorific[-1] + 1] if honorific else []
    cuts += [i + 1 for i, t in enumerate(tokens[:-2]) if t == "and" and i > 0]
    for cut in cuts:
        rest = " ".join(tokens[cut:])
        person = _parse_plain(rest)
        if person is None or person.kind != SK.PERSON or person.anonymous or person.single:
            continue
        if cut - 1 in honorific:
            return replace(person, role=" ".join(tokens[:cut]))
        if person.role:
            return replace(person, role=" ".join([*tokens[:cut], person.role][: cut + 1]))
    return None


def _described_group(text):
    """ "maritime authorities", "unnamed government officials", "Hospital sources": people
    described by lowercase words, unnamed."""
    match = _GROUP.match(text)
    if not match or match.group("head") not in PERSON_HEADS:
        return None
    words = text.lower().split()
    if any(w in _CLAUSE_WORDS or w in _NOT_A_NAME_START or w in WEEKDAYS for w in words):
        return None
    first = text.split()[0]
    if first[0].isupper() and (
        first.lower() in GIVEN_NAMES or known_name(first) or normalize_name(first) in PLACE_INDEX
    ):
        return None  # "Reuters sources", "Moscow officials": leave those to the name rules
    return Mention(name=text[0].lower() + text[1:], kind=SK.ANONYMOUS, anonymous=True)


# The heads of a description before a name ("retired schoolteacher Maree Fenton" has none).
_DESCRIBED_HEADS = (
    PERSON_HEADS
    | TITLE_BARE
    | OUTLET_HEADS
    | ORGANISATION_HEADS
    | {"defender", "service", "platform", "app", "site", "firm"}
)


def _described_name(text):
    """ "the vessel-tracking service ShipWatch", "public defender Aisha Rahman"."""
    match = _DESCRIBED_NAME.match(text)
    if not match:
        return _described_person(text)
    desc = match.group("desc").split()
    head = desc[-1].lower()
    if head not in _DESCRIBED_HEADS:
        return _described_person(text)  # "retired schoolteacher Maree Fenton"
    name = match.group("name")
    if head in PERSON_HEADS or head in TITLE_BARE or head == "defender":
        mention = _parse_plain(name)
        if mention is None or mention.anonymous or mention.anaphor:
            return None
        if mention.kind == SK.PERSON:
            return replace(mention, role=mention.role or " ".join(desc))
        return None
    outlet = head in OUTLET_HEADS and head not in ("service", "site", "platform")
    kind = SK.OUTLET if outlet else SK.ORGANISATION
    mention = _named(name, kind)
    return replace(mention, description=" ".join(desc))


def _person_of(text):
    """ "Sen. Harold Brandt of Ohio", "Marta Fonseca of the University of Coimbra"."""
    match = _OF_PLACE.match(text)
    if not match:
        return None
    person = _parse_plain(match.group("person"))
    if person is None or person.kind != SK.PERSON or person.anonymous or person.anaphor:
        return None
    if person.single and not person.role:
        return None
    if person.name.split()[0].lower().rstrip(".") in TITLE_BARE:
        return None
    if known_name(text) or normalize_name(text) in PLACE_INDEX:
        return None
    rest = match.group("rest")
    place = _parse_plain(rest)
    affiliation = person.affiliation
    if place is not None and place.kind not in (SK.PERSON,) and not place.anonymous:
        if normalize_name(rest) not in PLACE_INDEX:
            affiliation = affiliation or place
    elif place is None and not re.match(r"^(?:the\s+)?[A-Z]", rest):
        return None
    return replace(person, description=f"of {rest}", affiliation=affiliation)


def _described_with_phrase(text):
    """ "workers on the picket line", "the owner of a diner near the break": a description of
    unnamed people, with where or what they are."""
    match = _head_phrase(text, _PERSON_PP, PERSON_HEADS | FIRM_VOICES)
    if not match or re.search(r"\b(?:what|which|whose|whom)\b|\b(?:for|by)\s+\w+ing\b", text):
        return None
    rest = match.group("rest").lower().split()
    if not rest:
        return None
    if rest and (rest[0] in WEEKDAYS or rest[0] in MONTHS or rest[0] in ("today", "yesterday")):
        return None  # "a judge on Tuesday": when, not who
    if len(rest) > 9 or any(
        w in _CLAUSE_WORDS - {"and", "or", "who", "that", "to"}
        or (w.endswith("ed") and w not in _PARTICIPLE_QUALIFIERS)
        for w in rest
    ):
        return None  # "a judge on Tuesday dismissed a lawsuit": a clause, not a qualifier
    head = _parse_plain(match.group("head"))
    if head is not None and head.anaphor == "title":
        head = replace(head, kind=SK.ANONYMOUS, anonymous=True, anaphor="")
    if head is None or not head.anonymous:
        return None
    affiliation = head.affiliation
    if match.group("prep").lower() in ("at", "for", "with", "of", "from") and head.role:
        organisation = _parse_plain(match.group("rest").strip())
        if (
            organisation is not None
            and not organisation.anonymous
            and organisation.kind not in (SK.PERSON,)
        ):
            affiliation = organisation
    return replace(head, name=text, affiliation=affiliation)


def _possessive_speaker(match, text):
    """ "Holt's mother", "Her office", "the league's executive director", "Egypt's statement"."""
    owner_text = (match.group("owner") or "").strip()
    pronoun = match.group("pronoun")
    rest = match.group("rest").strip()
    words = rest.split()
    head = words[-1].lower()
    if pronoun:
        if owner_text:
            return None  # "X her Y": not one phrase
        owner = Mention(
            name=pronoun,
            anaphor="person"
            if pronoun.lower() in ("her", "his")
            else ("organisation" if pronoun.lower() == "its" else "any"),
            gender=_PRONOUN_GENDER.get(pronoun.lower(), ""),
        )
    else:
        owner = _parse_plain(owner_text)
        if (
            owner is None
            and _COMMON_OWNER.match(owner_text)
            and (head in PERSON_HEADS or head in TITLE_BARE)
        ):
            # "the trawler's captain": somebody of a thing the article names in common words
            owner = Mention(name=owner_text, kind=SK.ANONYMOUS, anonymous=True)
        if owner is None:
            return None
    if head == "authors" and owner.document:
        return owner  # "the study's authors": the study
    described = _QUALIFIED_BODY.match(rest)
    if described:
        # "Lebanon's state-run National News Agency": a body named after what it is.
        named = parse_speaker(described.group("name"))
        if (
            named is not None
            and named.kind in (SK.ORGANISATION, SK.GOVERNMENT, SK.OUTLET)
            and not (named.anonymous or named.anaphor)
        ):
            return replace(named, description=text)
    if not pronoun and head in OUTLET_HEADS and any(w[:1].isupper() for w in words):
        # "China's official Xinhua news agency": the outlet named in it
        named = parse_speaker(rest)
        if named is not None and named.kind == SK.OUTLET and not (named.anonymous or named.anaphor):
            return replace(named, description=text)
    if head in FIRM_VOICES and pronoun and pronoun.lower() in ("its", "their"):
        # "Its analysts said": the analysts of the body named before speak for it.
        return Mention(
            name=text, kind=SK.ANONYMOUS, anonymous=True, affiliation=owner, speaks_for=True
        )
    if head in SPOKESPEOPLE:
        return Mention(
            name=text,
            kind=SK.ANONYMOUS,
            anonymous=True,
            role=rest,
            affiliation=owner,
            speaks_for=not head.endswith("s"),
            gender=_GENDERED_ROLES.get(head, ""),
        )
    if head in SPEAKING_FOR:
        if owner.speaks_for and owner.affiliation is not None and owner.anonymous:
            # "a spokesperson for the governor's office": the office is the one spoken for
            return replace(owner, name=text, affiliation=replace(owner.affiliation, relation=rest))
        return replace(owner, relation=rest)
    if (
        owner.kind == SK.GOVERNMENT
        and not owner.anonymous
        and (head in GOVERNMENT_HEADS or head in ("delegation", "guard", "military", "presidency"))
    ):
        demonym = _demonym(owner.name)
        if demonym:
            name = f"{demonym} {' '.join(w.capitalize() for w in words)}"
            if head == "delegation":
                name = f"{demonym} {rest}"
            return Mention(name=name, kind=SK.GOVERNMENT, aliases=[text])
    if (
        head in BODY_HEADS
        and head not in PERSON_HEADS
        and not owner.anonymous
        and not owner.anaphor
        and (owner.kind == SK.GOVERNMENT or normalize_name(owner.name) in PLACE_INDEX)
    ):
        # "Brazil's central bank", "Ohio's health department": the body of a place, to be
        # found among the bodies named before ("the central bank").
        return Mention(
            name=text,
            kind=SK.ORGANISATION,
            anaphor="organisation",
            title_words=frozenset(w.lower() for w in words),
            possessor=owner,
            relation=rest,
        )
    if head in BODY_HEADS and head not in PERSON_HEADS:
        # "Demir's party", "the senator's campaign": a body of the owner's, unnamed.
        return Mention(
            name=text,
            kind=SK.ANONYMOUS,
            anonymous=True,
            role=rest,
            possessor=owner,
            relation=rest,
        )
    if head in DOCUMENT_HEADS and head not in PERSON_HEADS:
        return Mention(
            name=text,
            kind=SK.ANONYMOUS,
            anonymous=True,
            document=True,
            possessor=owner,
            relation=rest,
        )
    if (
        head in PERSON_HEADS
        or head in TITLE_BARE
        or head in _RELATION_GENDER
        or head in _RELATION_MALE
    ):
        gender = (
            "female" if head in _RELATION_GENDER else ("male" if head in _RELATION_MALE else "")
        )
        affiliation = owner if not owner.anonymous and owner.kind != SK.PERSON else None
        return Mention(
            name=text,
            kind=SK.ANONYMOUS,
            anonymous=True,
            role=rest,
            affiliation=affiliation,
            possessor=owner,
            relation=rest,
            gender=gender,
            speaks_for=head in SPOKESPEOPLE and not head.endswith("s"),
        )
    return None
