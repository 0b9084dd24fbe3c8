"""Capitalised names in running text, and the cast of an article: who and what it names.

scan_names() finds the runs of capitalised words of a text ("Sen. Harold Brandt of Ohio",
"the Centers for Disease Control and Prevention", "WASHINGTON (AP) —"), takes titles off them
and notes what surrounds each one. read_cast() groups the names one article uses for the same
person or body ("Rui Valadares" and "Valadares"; "Securities and Exchange Commission" and "SEC";
"Carrow Foods" and "Carrow") and decides from the evidence of the whole article what each one
is: a person, an organisation, a place or an event.

Titles, forms of address and letters after a name stay out of it ("Sir Edmund Brayfield",
"Jane Ndoro SC", "Union Minister for Finance Asha Pillai"); so do descriptions a sentence or a
headline capitalised ("Beloved Kelso bakery"), currencies, titles alone ("the Finance
Minister"), and people described by what they are ("Conservative MPs", "the Canadians").
"""

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from stories.extraction.lexicon import (
    ABBREVIATIONS,
    BODY_HEADS,
    BODY_NAME_HEADS,
    COMPASS_WORDS,
    COUNTRIES,
    DESCRIPTION_WORDS,
    DOCUMENT_HEADS,
    EK,
    EVENT_NAME_HEADS,
    EVENT_PREFIXES,
    GIVEN_NAMES,
    GOVERNMENT_NAME_HEADS,
    IRISH_ARTICLE,
    KIN_WORDS,
    LANGUAGES,
    MONTHS,
    NAME_PARTICLES,
    NATIONALITIES,
    ORGANISATION_HEADS,
    ORGANISATION_NAME_HEADS,
    OUTLET_HEADS,
    OUTLET_NAME_WORDS,
    PARTY_STATE,
    PERSON_HEADS,
    PLACE_INDEX,
    PLACE_NAME_HEADS,
    PORTFOLIO_WORDS,
    POST_NOMINALS,
    SENTENCE_STARTERS,
    SK,
    STATE_ABBREVIATIONS,
    TITLE_ABBREVIATIONS,
    TITLE_MODIFIERS,
    WEEKDAYS,
    _words,
    known_name,
    name_gender,
    normalize_name,
    noun_title_before_name,
    title_before_name,
)
from stories.extraction.speakers import (
    _ABBREVIATION_TOKEN,
    _NOT_A_NAME_START,
    STOCK_SYMBOL,
    TITLE_BARE,
    _affiliation,
)
from stories.extraction.spelling import spelling_variants
from stories.extraction.text import (
    CAPITALS,
    DATELINE,
    LOWERCASE_WORD,
    _inside,
    join_listed_names,
    layout,
    readable,
)


@dataclass
class NameHit:
    """A capitalised name found in the text, with any title written before it."""

    name: str
    start: int
    end: int
    role: str = ""  # a title written before it: "Sen.", "Kremlin spokesman"
    kind: str = ""  # an EntityKind once classified, "" when unsure
    in_quote: bool = False
    after_in: bool = False  # after a preposition of place: "in Danang", "from Toledo"
    sentence_initial: bool = False
    role_word: bool = False  # a person's title or role came right before it
    cue: str = ""  # how it was written: "based" (Austin-based), "dateline", "state", "the"
    after: str = ""  # the few characters that follow it, for appositions
    before: str = ""  # the lowercase word just before it: "the journal Animal Cognition"
    outside: bool = False  # in the headline or standfirst, not the body
    canonical: str = ""  # the name of the person or body it names, once the cast is read

    @property
    def key(self):
        return normalize_name(self.name)


_TOKEN = re.compile(r"[A-Za-z\u00C0-\u024F\u0400-\u04FF][\w'’.\-/&]*|&|\d[\w\-]*")
_CONNECTORS = _words("of for de van von bin bint binti ibn al da di du la le del der y o ap dello")
_CONNECTORS_AND_THE = _CONNECTORS | {"the", "and", "&"}
# "mayor of Riverton", "the streets of Lagos": what follows is a place.
# Titles that an unknown name before them makes a place's ("Riverton Mayor …"); before
# other titles it is a body's ("Hoshino President …", "Hollyfield manager …").
_OFFICES_OF_PLACES = set(
    "mayor governor minister premier senator sen rep representative mp mla mpp mha mhk msp ms td "
    "councillor councilman councilwoman councilmember alderman assemblyman assemblywoman "
    "legislator lawmaker sheriff commissioner judge magistrate coroner prefect constable "
    "treasurer superintendent comptroller auditor clerk".split()
)
_PLACE_OF = re.compile(
    r"\b(?:mayor|mayors|city|town|village|residents|people|streets|outskirts|suburbs|"
    r"governor|center|centre|heart|citizens|neighborhoods|neighbourhoods)\s+of\s+$",
    re.IGNORECASE,
)
# What may follow a noun but not an adjective: "the senior Republican on the committee".
_NOUN_AFTER = re.compile(
    r"[,.;:)]|\s+(?:on|in|from|of|who|and|or|with|at|for|to|is|was|has|had|said|says|won|"
    r"will|would)\b"
)
_PLACE_PREPOSITIONS = _words(
    "in near from to across outside inside off toward towards around into throughout through "
    "via between downtown uptown midtown suburban rural"
)
# A name with a modifier hyphened on: "Austin-based", "ASX-listed".
HYPHEN_CUE = re.compile(
    r"^(?P<name>[A-Z][\w.'’]*(?:\s[A-Z][\w.'’]*)?)-(?P<cue>based|backed|led|owned|run|brokered|"
    r"registered|listed|born|born-and-raised|headquartered|funded|controlled|allied|aligned|"
    r"sponsored|affiliated|made|style|era|wide)$"
)
_NOT_NAMES = _words(
    "i i'm i've i'd i'll mr mrs ms dr god internet web christmas easter ramadan thanksgiving "
    "eid hanukkah diwali ok okay tv am pm a.m p.m no yes"
)
SENTENCE_STARTERS_LOWER = frozenset(word.lower() for word in SENTENCE_STARTERS)
_FUNCTION_WORDS = _words(
    "a an the and or but nor so yet for of to in on at by with from as is are was were be "
    "been it its this that these those there here what which who whom whose when where why "
    "how all any both each few more most other some such no not only own same than too very "
    "can will just should now if then once about after before during under over again "
    "further while because until since although though unless whether even also still "
    "instead however meanwhile nevertheless asked speaking according i we you he she they "
    "me us him her them my our your his their mine ours yours theirs every one two three "
    "four five six seven eight nine ten today tonight tomorrow yesterday nobody everybody "
    "everyone someone somebody anyone nothing everything something"
)
# Heads of place names that are also common surnames: "Helen Park" is a person.
_SURNAME_HEADS = _words(
    "park hall hill lane lake wells fields rivers banks woods brooks ford church bay cross "
    "street forest marsh field wood brook ridge"
    # titles that are also surnames: "Lorraine Cardinal", "Tom King", "Ruth Bishop"
    " cardinal bishop king judge dean marshal major pope abbott chancellor prince"
)
_PLACE_PREFIXES = _words("fort mount mt. port")
_RESIDENCE = re.compile(r",\s+(?:\d{1,3},\s+)?of\s+$")
_THE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)
# The second of two names after a preposition of place: "in Treasure Island and Madeira Beach".
_SECOND_PLACE = re.compile(
    r"\b(?:"
    + "|".join(sorted(_PLACE_PREPOSITIONS))
    + r")\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}\s+(?:and|or)\s+$"
)
_GEOGRAPHIC_NOUNS = _words(
    "area range region basin valley mountains peninsula desert delta plateau strait"
)
_COURT_TYPES = _words(
    "district supreme high appeals appellate magistrates magistrates' crown county federal "
    "circuit family superior tax criminal civil international constitutional juvenile "
    "bankruptcy claims"
)


@dataclass(slots=True)
class _Token:
    text: str  # trimmed: no sentence stop, no possessive ending, no closing quote
    start: int
    end: int
    possessive: bool = False
    stop: bool = False  # a sentence-ending period came right after it
    raw_end: int = 0  # where the written word ends, possessive ending included
    based: bool = False  # the name in "San Jose-based": a place


_WORD_BEFORE = re.compile(r"[\w'’.-]+")
_NAME_PREFIXES = ("al-", "el-", "d'", "d’", "o'", "o’")
_ABBREVIATION_WORDS = TITLE_ABBREVIATIONS | ABBREVIATIONS


_JOINING_WORDS = (
    _CONNECTORS | NAME_PARTICLES | _GEOGRAPHIC_NOUNS | {"the", "and", "in", "of", "for"}
)


def _tokens(text, start, end):
    tokens = []
    for match in _TOKEN.finditer(text, start, end):
        word, begin = match.group(), match.start()
        if word[0].islower() and not word.startswith(_NAME_PREFIXES):
            # A lowercase word: it only separates names, or joins them ("of", "and"). Only
            # the joining kind is kept: the text between two tokens separates them anyway.
            word = word.rstrip(".'’")
            if word in _JOINING_WORDS:
                tokens.append(_Token(word, begin, match.end(), False, False, match.end()))
            continue
        possessive, stop = False, False
        if word.endswith(("’s", "'s")) and len(word) > 3:
            word, possessive = word[:-2], True
        elif word.endswith(("s’", "s'")) and len(word) > 3 and word[0].isupper():
            word, possessive = word[:-1], True
        word = word.rstrip("'’")
        if word.endswith(".") and not (
            _ABBREVIATION_TOKEN.fullmatch(word)
            or word[:-1].lower() in _ABBREVIATION_WORDS
            or word in STATE_ABBREVIATIONS
        ):
            word, stop = word.rstrip("."), True
        if word:
            tokens.append(_Token(word, begin, begin + len(word), possessive, stop, match.end()))
    return tokens


# A sum of money written with its currency's letters: "R6bn", "N15,000", "Shs480b", "Rs1.2".
_MONEY = re.compile(
    r"(?:R|N|Rs|Shs|Sh|KSh|Ksh|RM|Rp|Tk)(?:\d{3,}[\d,.]*|\d[\d,.]*(?:bn|b|m|mn|k|tn|cr))"
)


_NON_LETTERS = re.compile(r"[^A-Za-z]")


def _capitalised(word):
    if not word:
        return False
    if word[0].isupper():
        return _MONEY.fullmatch(word) is None
    if word[:3].lower() in ("al-", "el-"):
        return word[3:4].isupper()
    if word[:2].lower() in ("d'", "d’", "o'", "o’"):
        return word[2:3].isupper()
    return False


@lru_cache(maxsize=65536)
def _is_acronym(word):
    letters = _NON_LETTERS.sub("", word)
    return len(letters) >= 2 and letters.isupper() and len(word) <= 12


@lru_cache(maxsize=65536)
def _head(word):
    return word.lower().rstrip(".").rstrip("'’")


def _ends_in_org_head(words):
    if not words:
        return False
    last = _head(words[-1])
    if last == "court":
        return len(words) > 1 and _head(words[-2]) in _COURT_TYPES
    return last in ORGANISATION_NAME_HEADS or last in GOVERNMENT_NAME_HEADS


def _runs(text, tokens):
    """Lists of tokens: the runs of capitalised words, with "of", "for the", "&" inside."""
    runs, i = [], 0
    while i < len(tokens):
        if not _capitalised(tokens[i].text) or tokens[i].text == "&":
            i += 1
            continue
        run = [tokens[i]]
        j = i + 1
        joined_of = False
        while j < len(tokens):
            previous = run[-1]
            gap = text[previous.raw_end : tokens[j].start]
            if (
                gap.strip() == ","
                and not previous.stop
                and _capitalised(tokens[j].text)
                and (_portfolio(run) or (_department(run) and _listed_on(tokens, j, text)))
            ):
                # "Minister for Industries, Investment Promotion and Commerce Thiru K. …": the
                # title goes on after the comma.
                run.append(tokens[j])
                j += 1
                continue
            if gap.strip() == "," and not previous.stop:
                listed = _listed_name(tokens, j, text)
                if listed and _one_body(run + listed, text, items=_list_items(run, listed)):
                    # "the Environment, Urbanization and Climate Change Ministry",
                    # "Immigration, Refugees and Citizenship Canada (IRCC)": one body.
                    run.extend(listed)
                    j += len(listed)
                    continue
            if gap.strip() or previous.stop or HYPHEN_CUE.match(previous.text):
                break
            word = tokens[j].text
            hyphen = HYPHEN_CUE.match(word)
            if hyphen:
                if " " not in hyphen.group("name") and _capitalised(word):
                    name = hyphen.group("name")
                    run.append(  # "San Jose-based": the place ends the run
                        _Token(name, tokens[j].start, tokens[j].start + len(name), based=True)
                    )
                    j += 1
                break
            if previous.possessive:
                following = _capitalised_run(tokens, j, text)
                possessor = previous.text
                if (
                    following
                    and normalize_name(possessor) not in PLACE_INDEX
                    and known_name(possessor) is None
                    and not _is_acronym(possessor)
                    and possessor.lower() not in NATIONALITIES
                    # "Tulsa's Sikh community": an adjective, not part of a name
                    and not all(t.text.lower() in NATIONALITIES for t in following)
                    # "the Space Agency's Heron probe", "Tarrant University's School of
                    # Physics": a body's thing or part, named on its own
                    and not (
                        _head(possessor) in BODY_NAME_HEADS
                        and text[previous.raw_end - 2 : previous.raw_end] in ("'s", "’s")
                    )
                    # "Hollyfield's Owen Reddy": a person of the possessor's
                    and not (
                        len(following) in (2, 3)
                        and Cast._person_shaped([t.text for t in following])
                        and known_name(" ".join(t.text for t in following)) is None
                    )
                ):
                    run.extend(following)  # "Alzheimer's Research Alliance"
                    j += len(following)
                    continue
                break
            if _capitalised(word) or (
                re.fullmatch(r"\d+(?:st|nd|rd|th)?", word) and len(word) <= 5
            ):
                run.append(tokens[j])
                j += 1
                continue
            low = word.lower()
            nxt = tokens[j + 1] if j + 1 < len(tokens) else None
            if nxt is None or text[tokens[j].end : nxt.start].strip():
                break
            if low in _CONNECTORS and _capitalised(nxt.text):
                joined_of = joined_of or low in ("of", "for")
                run.extend([tokens[j], nxt])
                j += 2
                continue
            after_next = tokens[j + 2] if j + 2 < len(tokens) else None
            if (
                low in NAME_PARTICLES
                and nxt.text.lower() in NAME_PARTICLES
                and after_next is not None
                and _capitalised(after_next.text)
                and not text[nxt.raw_end : after_next.start].strip()
            ):
                run.extend([tokens[j], nxt, after_next])  # "Ursula von der Leyen"
                j += 3
                continue
            if (
                low in ("of", "for")
                and nxt.text.lower() == "the"
                and after_next is not None
                and _capitalised(after_next.text)
                and not text[nxt.raw_end : after_next.start].strip()
            ):
                joined_of = True
                run.extend([tokens[j], nxt, after_next])
                j += 3
                continue
            if (
                low == "of"
                and re.fullmatch(r"\d{1,3}", nxt.text)
                and _ends_in_org_head([t.text for t in run])
            ):
                run.extend([tokens[j], nxt])  # "Group of 20"
                j += 2
                continue
            if (
                low == "in"
                and _head(run[-1].text) in ("embassy", "consulate", "mission")
                and _capitalised(nxt.text)
            ):
                following = _capitalised_run(tokens, j + 1, text)
                run.append(tokens[j])
                run.extend(following)  # "U.S. Embassy in London"
                j += 1 + len(following)
                continue
            if low == "the" and _head(run[-1].text) in ("of", "for") and _capitalised(nxt.text):
                run.extend([tokens[j], nxt])
                j += 2
                continue
            if word == "&" and _capitalised(nxt.text):
                run.extend([tokens[j], nxt])
                j += 2
                continue
            if low == "and" and _capitalised(nxt.text):
                following = _capitalised_run(tokens, j + 1, text)
                if (
                    (joined_of and len(following) <= 2)
                    or _ends_in_org_head([t.text for t in following])
                    or _portfolio(run)
                    or _one_body(run + [tokens[j], *following], text)
                ):
                    run.append(tokens[j])
                    run.extend(following)
                    j += 1 + len(following)
                    continue
            break
        if (
            len(run) == 1
            and j < len(tokens)
            and tokens[j].text in _GEOGRAPHIC_NOUNS
            and not text[run[-1].raw_end : tokens[j].start].strip()
            and not run[-1].possessive
        ):
            run.append(tokens[j])  # "the Schengen area", "the Bernina range"
            j += 1
        # A connector cannot end a run.
        while run and run[-1].text in _CONNECTORS_AND_THE:
            run.pop()
        runs.append((i, run))
        i = j
    return runs


def _portfolio(run):
    """Whether a run is inside a minister's portfolio: a title, then "of" or "for" ("Union
    Minister of Electronics and Information Technology")."""
    titled = False
    for token in run:
        low = _head(token.text)
        if low in TITLE_BARE and low not in ("chief", "head", "press", "member"):
            titled = True
        elif titled and low in ("of", "for"):
            return True
    return False


_DEPARTMENT_HEADS = _words("department ministry office committee secretariat directorate")


def _department(run):
    """Whether a run is a department's name up to its portfolio: "Ministry of Land"."""
    lows = [_head(token.text) for token in run]
    at = next((i for i, low in enumerate(lows) if low in _DEPARTMENT_HEADS), len(lows))
    return at + 2 < len(lows) and lows[at + 1] in ("of", "for")


def _listed_on(tokens, j, text):
    """Whether tokens[j:] go on as a list of capitalised words closed by "and" and one more:
    "…, Infrastructure, Transport and Tourism"."""
    while j + 1 < len(tokens) and _head(tokens[j].text) in PORTFOLIO_WORDS and not tokens[j].stop:
        gap = text[tokens[j].raw_end : tokens[j + 1].start]
        if gap.strip() not in ("", ","):
            return False
        if tokens[j + 1].text == "and":
            return j + 2 < len(tokens) and _capitalised(tokens[j + 2].text)
        j += 1
    return False


def _listed_name(tokens, j, text):
    """The tokens from j that go on a list of capitalised words closed by "and" and a last
    run ("Urbanization and Climate Change Ministry" after "Environment,"), or None."""
    listed = []
    while j < len(tokens):
        token = tokens[j]
        if token.text == "and":
            following = _capitalised_run(tokens, j + 1, text)
            return [*listed, token, *following] if following else None
        if not _capitalised(token.text) or token.stop or token.possessive:
            return None
        listed.append(token)
        gap = text[token.raw_end : tokens[j + 1].start] if j + 1 < len(tokens) else "."
        if gap.strip() not in ("", ","):
            return None
        j += 1
    return None


def _one_body(run, text, items=()):
    """Whether a run joined across "and" (and commas) names one body: the words after its
    last "and", up to a title that may follow them ("… Sewerage Department Director Marcus
    Ellery"), end in a body's head word, or the article writes the whole name's initials as
    an acronym ("Public Services and Procurement Canada", then "PSPC"). A list with commas
    that holds bodies or places is no one body's name ("Kenya, Uganda and Tanzania …",
    "The Office of Public Works, Health Service Executive and …")."""
    last_and = max(k for k, token in enumerate(run) if token.text in ("and", "&"))
    for token in items:
        low = _head(token.text)
        if token.text == "&" or low in _CONNECTORS or low in ("and", "the"):
            continue
        if (
            low in BODY_NAME_HEADS
            or normalize_name(token.text) in PLACE_INDEX
            or known_name(token.text) is not None
        ):
            return False
    last = [t.text for t in run[last_and + 1 :]]
    cut = next((k for k, word in enumerate(last) if k and _head(word) in TITLE_BARE), len(last))
    # "… and Assistant District Attorney Kay Moss": a title, not a body
    if last and _head(last[0]) not in _RANKS and _ends_in_org_head(last[:cut]):
        return True
    words = [t.text for t in run]
    return any(abbreviates(acronym.lower(), words) for acronym in _acronyms(text))


_RANKS = _words("assistant deputy acting associate senior vice interim former principal")


def _list_items(run, listed):
    """The words of a list before its last "and": the run's last word and those after it."""
    last_and = max(k for k, token in enumerate(listed) if token.text in ("and", "&"))
    return [run[-1], *listed[:last_and]]


@lru_cache(maxsize=4)
def _acronyms(text):
    return frozenset(re.findall(r"\b[A-Z]{3,8}\b", text))


def _capitalised_run(tokens, j, text):
    run = []
    while j < len(tokens) and _capitalised(tokens[j].text):
        if run and (text[run[-1].raw_end : tokens[j].start].strip() or run[-1].stop):
            break
        run.append(tokens[j])
        if tokens[j].possessive:
            break
        j += 1
    return run


def _words_before(text, start, count=3):
    """The lowercase words just before `start`; none when punctuation comes between."""
    left = text[max(0, start - 40) : start].rstrip()
    if left and left[-1] in ',;:()[]—–"“”‘’':
        return []
    return [w.lower() for w in _WORD_BEFORE.findall(left)][-count:]


def _common_word(word, lowercase_words):
    low = word.lower()
    return (
        low in _FUNCTION_WORDS
        or low in SENTENCE_STARTERS_LOWER
        or low in _NOT_A_NAME_START
        or low in lowercase_words
        or low in PERSON_HEADS
        or low in DOCUMENT_HEADS
        or low in ORGANISATION_HEADS
        or low in OUTLET_HEADS
        or low in _NOT_NAMES
    )


def _closed_class(word):
    low = re.split(r"[’']", word.lower())[0]
    return (
        low in _FUNCTION_WORDS
        or low in SENTENCE_STARTERS_LOWER
        or low in _NOT_A_NAME_START
        or low in _NOT_NAMES
    )


# Words that begin a title without naming anybody's body: "Union Minister", "Shadow Chancellor".
_TITLE_PREFIXES = _words(
    "union shadow opposition former cabinet junior senior state federal national acting "
    "interim deputy chief lead principal general the a an"
)
_BEFORE_TITLES = TITLE_MODIFIERS | _TITLE_PREFIXES | NATIONALITIES
# "Western Canada", "Southern Africa": a region of a place is a place.
_REGION_ADJECTIVES = _words("western eastern northern southern central")
_HYPHEN_REGIONS = _words("mid north south east west central upper lower greater inner outer")
_COMMON_NOUNS = (DOCUMENT_HEADS | BODY_HEADS | PLACE_NAME_HEADS | PERSON_HEADS) - _words(
    "army navy parliament congress senate cabinet kremlin police marines"
)
_ORDINALS = _words(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth"
)
_INITIALS = re.compile(r"(?:[A-Z]\.){1,3}")


def _without_particles(words):
    """The words of a name, without the particles of a surname that follow a given name and a
    surname ("Marta Echevarría de la Fuente") or that name a parent after a given name
    ("Salim bin Hamad al Harthy"); all of them otherwise ("Caja de Ahorros del
    Mediterráneo")."""
    first = next((i for i, w in enumerate(words) if w.lower() in NAME_PARTICLES), None)
    if first is None or len(words) - first > 3 + (words[first].lower() in _PATRONYMICS):
        return words
    if first < 2 and not (first == 1 and words[first].lower() in _PATRONYMICS):
        return words
    return [w for w in words if w.lower() not in NAME_PARTICLES]


# "son of", "daughter of" in Arabic and Malay names.
_PATRONYMICS = frozenset(("bin", "bint", "binti", "ibn"))


def _person_part(words):
    """Whether words (after a title) can be a person's name: one to four plain words, and
    the particles of a surname ("Marta Echevarría de la Fuente")."""
    if not 1 <= len(_without_particles(words)) <= 4 or len(words) > 6:
        return False
    for word in words:
        low = _head(word)
        if word is words[-1] and len(words) > 1 and low in _SURNAME_HEADS:
            continue  # "Lena Park"
        if _INITIALS.fullmatch(word) and word is not words[-1]:
            continue  # "R.K. Iyer", "P. Anand Raman"
        if (
            low in ORGANISATION_NAME_HEADS
            or low in PLACE_NAME_HEADS
            or low in TITLE_BARE
            or (low in _CONNECTORS and low not in NAME_PARTICLES)
            or low in ("the", "and", "&")
            or _is_acronym(word)
            and len(word) > 2
            or normalize_name(word) in PLACE_INDEX
            and word.lower() not in GIVEN_NAMES
            and not (
                word is words[-1] and len(words) > 1 and normalize_name(words[0]) not in PLACE_INDEX
            )
        ):
            return False  # a place, unless it ends a longer name: "Lloyd Austin"
    return True


# A one-word employer before a role and a name: "Bernstein analyst Deirdre Kahn".
_FIRM_ROLE = re.compile(
    r"^\s+(?:analyst|economist|strategist|spokes(?:man|woman|person)|executive|official|"
    r"lawyer|attorney|researcher|engineer|director|manager)\s+[A-Z]"
)
_PARTY_WORDS = _words(
    "democratic republican conservative liberal progressive labour labor green veteran "
    "longtime fellow former senior junior chief top lead local independent"
)
_JUDGES = {"mr", "mrs", "ms", "miss", "lord", "lady"}


def _title_before(lows, index):
    """Whether lows[index] is a title there, before a name (which the caller checks)."""
    return (
        lows[index] in TITLE_BARE
        or title_before_name(lows, index)
        or noun_title_before_name(lows, index)
    )


def _split_run(text, run, context):
    """NameHits for one run of capitalised words: titles, months and "The" taken off."""
    initial = context["initial"]
    words = [t.text for t in run]
    lows = [_head(w) for w in words]
    cue = ""
    # Leading articles, and sentence-initial words that are not names.
    stripped_place = False
    while words:
        low = lows[0]
        if low in _PLACE_PREPOSITIONS:
            stripped_place = True
        if low == "an" and IRISH_ARTICLE.match(" ".join(words[:3])):
            break  # "An Post": part of the name
        if low in ("the", "a", "an"):
            cue = "the"
        elif low in WEEKDAYS or (low in MONTHS and low != "may"):
            pass
        elif low in MONTHS and len(lows) > 1 and re.fullmatch(r"\d{1,2}(?:st|nd|rd|th)?", lows[1]):
            pass  # "May 1": a date
        elif (
            initial
            and len(words) > 1
            and all(re.fullmatch(r"\d[\w,.-]*", w) for w in words[1:])
            and _common_word(words[0], context["lowercase"])
        ):
            pass  # "Record 294 heat deaths": a sentence's first word, then a number
        elif initial and len(words) > 1 and _closed_class(words[0]) and low not in TITLE_BARE:
            pass
        elif (
            initial
            and len(words) > 2
            and lows[1] in ("of", "for")
            and low not in TITLE_BARE
            and (
                _common_word(words[0], context["lowercase"])
                or (
                    low.endswith("s")
                    and low not in BODY_NAME_HEADS
                    and low not in PLACE_NAME_HEADS
                    and known_name(words[0]) is None
                )
            )
        ):
            pass  # "Shares of Pembrook", "Members of Tulsa's Sikh community"
        elif low in ("of", "for", "and", "&") or re.fullmatch(r"\d[\w-]*", low):
            pass
        elif initial and len(words) == 1 and _common_word(words[0], context["lowercase"]):
            pass
        else:
            break
        run, words, lows = run[1:], words[1:], lows[1:]
        initial = False
    if not words:
        return []
    before = context["before"]
    if cue != "the" and before and before[-1] == "the":
        cue = "the"
    after_place = stripped_place or (
        bool(before)
        and (
            before[-1] in _PLACE_PREPOSITIONS
            or (before[-1] == "the" and len(before) > 1 and before[-2] in _PLACE_PREPOSITIONS)
        )
    )
    in_quote = _inside(context["quotes"], run[0].start)
    hits = []
    # Nationalities: part of "Russian Foreign Ministry", of the title in "Russian President
    # Vladimir Putin", a mere adjective in "Russian diplomats".
    national = lows[0] in NATIONALITIES and len(words) > 1
    if national:
        whole = " ".join(words)
        titled = any(low in TITLE_BARE for low in lows[1:])
        headed = any(
            low in ORGANISATION_NAME_HEADS
            or low in GOVERNMENT_NAME_HEADS
            or low in PLACE_NAME_HEADS
            for low in lows[1:]
        )
        first_title = next((i for i, low in enumerate(lows) if low in TITLE_BARE), len(lows))
        if titled and _ends_in_org_head(words[:first_title]):
            titled = False  # "African Union Commission Chairperson Amadou Sissoko"
        keep = (
            normalize_name(whole) in PLACE_INDEX
            or known_name(whole) is not None
            or titled
            or (lows[0] in COMPASS_WORDS and not all(low in NATIONALITIES for low in lows[1:]))
            or headed
            or (
                lows[0] in _REGION_ADJECTIVES and normalize_name(" ".join(words[1:])) in PLACE_INDEX
            )
            or (len(words) == 2 and _is_acronym(words[1]))  # "Welsh FA"
        )
        if not keep:
            run, words, lows = run[1:], words[1:], lows[1:]
            national = False
    # Titles: "White House Press Secretary Sarah Huckabee Sanders".
    last_before = before[-1].rstrip(".") if before else ""
    role, role_word = "", last_before in TITLE_BARE or last_before in PERSON_HEADS
    if initial and len(words) > 2 and lows[0] in PERSON_HEADS and lows[0] not in TITLE_BARE:
        if _person_part(words[1:]):
            role = words[0]  # "Campaigner Mary Elkins": a description starting the sentence
            run, words, lows = run[1:], words[1:], lows[1:]
            role_word = True
    if (
        len(lows) > 3
        and lows[0] in TITLE_BARE
        and lows[1] in ("of", "at")
        and lows[2] != "the"
        and _ends_in_org_head(words[2:])
    ):
        # "CFO of Meridian Freight Holdings": a title of a body, which is the name here.
        run, words, lows = run[2:], words[2:], lows[2:]
    title_end = 0
    # "Mrs Justice Ainsworth", "Lord Justice Singh": an English judge's name is the title.
    judge = len(words) == 3 and lows[0].rstrip(".") in _JUDGES and lows[1] == "justice"
    # "Dr Ilse Vandermeer of Wageningen University": the body after "of" is not what the
    # title heads.
    titled_words = words
    if "of" in lows[1:] and any(low in TITLE_BARE for low in lows[: lows.index("of", 1)]):
        titled_words = words[: lows.index("of", 1)]
    if not judge and not _ends_in_org_head(titled_words) and known_name(" ".join(words)) is None:
        for index in range(len(words) - 1):
            if not _title_before(lows, index):
                continue
            rest = lows[index + 1 :]
            limit = index + 1 + rest.index("of") if "of" in rest[1:] else len(words)
            if _person_part(words[index + 1 : limit]):
                title_end = index + 1
    legislator = 0 if title_end or judge else _member_of_legislature(words, lows)
    title_end = title_end or legislator
    if not title_end and not judge and _portfolio(run):
        title_end = _portfolio_name_start(words, lows, text)
    if title_end:
        title_words = words[:title_end]
        affiliation = _affiliation(title_words, lows[title_end - 1])
        if legislator:
            pass  # "Area Member of Parliament": no body of its own named
        elif affiliation is not None and affiliation.kind != SK.PERSON:
            first = run[0]
            hits.append(
                NameHit(
                    affiliation.name,
                    first.start,
                    first.start + 1,
                    in_quote=in_quote,
                    cue="affiliation",
                    kind=EK.ORGANISATION,
                )
            )
        elif affiliation is None:
            # "Kerala Minister for Fisheries …", "Gujarat's Minister …": the place or
            # body the title belongs to is named too.
            first_title = next(i for i in range(len(lows)) if _title_before(lows, i))
            prefix = run[:first_title]
            if (
                prefix
                and not (initial and _common_word(prefix[0].text, context["lowercase"]))
                and all(
                    _capitalised(t.text)
                    and _head(t.text) not in _BEFORE_TITLES
                    and _head(t.text) not in context["lowercase"]
                    for t in prefix
                )
            ):
                name = text[prefix[0].start : prefix[-1].end]
                owned = [t.text for t in prefix]
                kind = EK.ORGANISATION if _ends_in_org_head(owned) else EK.PLACE
                if (
                    kind == EK.PLACE
                    and not {_head(w) for w in words[first_title:title_end]} & _OFFICES_OF_PLACES
                    and _head(owned[-1]) not in PLACE_NAME_HEADS  # "Kildare County Manager"
                ):
                    kind = EK.ORGANISATION  # "Hoshino President Kenji Arakawa": a company's
                if known_name(name) is None and normalize_name(name) not in PLACE_INDEX:
                    hits.append(
                        NameHit(
                            name,
                            prefix[0].start,
                            prefix[-1].end,
                            kind=kind,
                            cue="affiliation",
                            in_quote=in_quote,
                        )
                    )
        role = text[run[0].start : run[title_end - 1].end]
        run, words, lows = run[title_end:], words[title_end:], lows[title_end:]
        role_word = True
    elif judge:
        role, role_word = "Justice", True
    elif national and lows[0] in NATIONALITIES and lows[0] not in COMPASS_WORDS:
        if any(low in TITLE_BARE for low in lows):
            run, words, lows = run[1:], words[1:], lows[1:]
    # "Rs 45,000": a currency, then a number.
    while run and _head(run[0].text) in _CURRENCIES:
        run, words, lows = run[1:], words[1:], lows[1:]
    # "Conservative MPs", "Amber LEDs", "Congress MP": what describes people (or things) is
    # not part of the name before it.
    while (
        len(run) > 1
        and not all(low in TITLE_BARE or low in TITLE_MODIFIERS for low in lows)
        and (
            re.fullmatch(r"[A-Z]{2,}s", words[-1])
            or (
                lows[-1] in PERSON_HEADS
                and lows[-1].endswith("s")
                and lows[-1] not in ORGANISATION_NAME_HEADS
                and not set(lows) & {"of", "for", "and", "&"}
            )
            or (lows[-1] in _TRAILING_ROLES and not _ends_in_org_head(words))
        )
    ):
        run, words, lows = run[:-1], words[:-1], lows[:-1]
    if not run:
        return hits
    # Letters after a name are not part of it: "Jane Ndoro SC", "John Smith Jr.".
    while len(run) > 2 and run[-1].text in POST_NOMINALS and _person_part(words[:-1][-3:]):
        run, words, lows = run[:-1], words[:-1], lows[:-1]
    # Days and months split a run: "Monday" is not part of anybody's name.
    parts, current = [], []
    for token in run:
        low = _head(token.text)
        if low in WEEKDAYS or (low in MONTHS and low != "may"):
            if current:
                parts.append(current)
            current = []
        else:
            current.append(token)
    if current:
        parts.append(current)
    for number, part in enumerate(parts):
        pieces = _pieces(text, part, role_word or bool(role))
        if part and part[-1].based:
            pieces = [(part, "based")]
        for piece, piece_cue in pieces:
            name = text[piece[0].start : piece[-1].end]
            low = name.lower()
            if (low in NATIONALITIES or low in LANGUAGES) and not (
                known_name(name) and _NOUN_AFTER.match(text, piece[-1].end)
            ):
                continue  # "Russian diplomats", "in Hindi"; but "a Republican, won": a member
            if len(name) < 2 and name != "X" or low in _NOT_NAMES:
                continue
            if _not_a_name(piece, text):
                continue
            first = number == 0 and piece is part
            hits.append(
                NameHit(
                    name,
                    piece[0].start,
                    piece[-1].end,
                    role=role if first or number == 0 else "",
                    in_quote=in_quote,
                    after_in=number == 0 and after_place,
                    sentence_initial=initial and number == 0 and piece[0] is part[0],
                    role_word=(role_word and number == 0 and piece[0] is part[0]),
                    cue=piece_cue or (cue if number == 0 else ""),
                    after=text[piece[-1].end : piece[-1].end + 60],
                    before=before[-1] if before and number == 0 else "",
                    **({"kind": EK.PERSON} if judge else {}),
                )
            )
    return hits


# Titles that may follow the body or place a person belongs to ("Congress MP", "Labour
# leader") and that are seldom anybody's surname.
_TRAILING_ROLES = _words(
    "mp mla mep msp td mk mca mna mha mhk minister secretary president spokesman spokeswoman "
    "spokesperson "
    "chairman chairwoman chairperson ceo cfo coo mayor governor senator councillor "
    "councilman councilwoman commissioner ambassador official officials leader lawmaker "
    "adviser advisor"
)
_CURRENCIES = _words("rs rs. inr usd eur gbp aud cad nzd zar chf jpy cny rmb sek nok dkk")
_DEMONYM_NOUNS = _words("scots brits britons kiwis aussies yanks filipinos")


def _not_a_name(piece, text):
    """Whether the words of a piece name nothing: a title alone ("Finance Minister"), an
    ordinal or a number ("9th"), a date ("May 2024"), people of a nation ("Canadians")."""
    words = [t.text for t in piece]
    lows = [_head(w) for w in words]
    if all(re.fullmatch(r"\d[\w,.-]*", w) for w in words):
        return True
    if all(low in TITLE_BARE or low in TITLE_MODIFIERS for low in lows) and set(lows) & TITLE_BARE:
        return True
    if lows[0] == "may" and len(words) == 2 and re.fullmatch(r"\d{4}", words[1]):
        return True
    if len(words) == 1:
        low = lows[0]
        if low in _DEMONYM_NOUNS or (
            low.endswith("s")
            and low[:-1] in NATIONALITIES
            and known_name(words[0]) is None
            and normalize_name(words[0]) not in PLACE_INDEX
        ):
            return True
    return False


# Endings of the abstract nouns that portfolios are named with, and names are not.
_ABSTRACT_NOUN = re.compile(r"(?:ency|ancy|ence|ance|ment|tion|sion|ity|ism|ness|ure|ics|ies)$")


# The words that name a legislature after "Member of": "Parliament", "the Legislative
# Assembly", "the House of Representatives", "the House of Keys".
_LEGISLATURE_WORDS = _words(
    "the of legislative national european provincial state regional house representatives "
    "assembly parliament congress senate council legislature commons lords keys"
)
_LEGISLATURE_HEADS = _words(
    "parliament congress senate assembly council legislature representatives commons lords keys"
)


def _member_of_legislature(words, lows):
    """Where the name starts after "Member of Parliament" and the like ("Area Member of
    Parliament Dwayne Samuels", "Member of the Legislative Assembly Jo Teo"), or 0."""
    if "member" not in lows[:3]:
        return 0
    at = lows.index("member")
    if lows[at + 1 : at + 2] != ["of"]:
        return 0
    end = at + 2
    while end < len(lows) and lows[end] in _LEGISLATURE_WORDS:
        end += 1
    if end == at + 2 or lows[end - 1] not in _LEGISLATURE_HEADS:
        return 0
    rest = words[end:]
    return end if len(rest) >= 2 and _person_part(rest) else 0


def _portfolio_name_start(words, lows, text):
    """Where the name starts after a minister's long title: "Union Minister for Finance
    Asha Pillai", "… of Electronics and Information Technology Vinod Kumar Bhatt" (three
    words, when the article writes them so elsewhere, or the first is a given name or an
    initial)."""
    first = next(i for i, low in enumerate(lows) if low in TITLE_BARE)
    for size in (3, 2):
        start = len(words) - size
        if start <= first + 1 or lows[start - 1] in ("of", "for", "and", "&", "the"):
            continue
        tail = words[start:]
        if not _person_part(tail) or any(_head(w) in TITLE_BARE for w in tail):
            continue
        if size == 3 and (lows[start] not in GIVEN_NAMES and _ABSTRACT_NOUN.search(lows[start])):
            continue  # "… for Sustainability and Climate Resiliency Kenrick Whorms"
        if size == 3 and not (
            re.fullmatch(r"(?:[A-Z]\.)+", tail[0])
            or lows[start] in GIVEN_NAMES
            or text.count(" ".join(tail)) > 1
            or (lows[start - 1] in PORTFOLIO_WORDS and lows[start] not in PORTFOLIO_WORDS)
        ):
            continue
        return start
    return 0


_HONORIFICS = _words("dr mr mrs ms miss prof professor sir dame")


def _pieces(text, part, titled):
    """[(tokens, cue), …]: a run cut where it holds two names: "Brandt of Ohio", "Trump-Putin"."""
    words = [t.text for t in part]
    lows = [_head(w) for w in words]
    # "Harold Brandt of Ohio", "Marta Fonseca of the University of Coimbra": a person, of a
    # place or body.
    if "of" in lows and not _ends_in_org_head(words[: lows.index("of")]):
        at = lows.index("of")
        person, rest = words[:at], words[at + 1 :]
        rest_tokens = part[at + 1 :]
        if rest and rest[0].lower() == "the":
            rest, rest_tokens = rest[1:], rest_tokens[1:]
        named_place = normalize_name(" ".join(rest)) in PLACE_INDEX or (
            known_name(" ".join(rest)) is not None
        )
        personal = (
            2 <= len(person) <= 4
            and (
                titled
                or person[0].lower() in GIVEN_NAMES
                or named_place
                or lows[0] in _HONORIFICS  # "Dr Ilse Vandermeer of Wageningen University"
                or (_ends_in_org_head(rest) and _person_part(person))
            )
            and not all(_head(w) in TITLE_BARE for w in person)  # "Auditor General of India"
        )
        if personal and rest_tokens and known_name(" ".join(words)) is None:
            return [(part[:at], ""), (rest_tokens, "")]
    holder = _holder_after_body(words, lows)
    if holder and known_name(" ".join(words)) is None:
        # "Department of Health Colm Buckley": a body by its portfolio, then a person
        return [(part[:holder], ""), (part[holder:], "")]
    whole = " ".join(words)
    if len(part) > 1 and known_name(whole) is None and normalize_name(whole) not in PLACE_INDEX:
        segments = _known_segments(part)
        regional = (
            segments
            and len(segments) == 2
            and (known_name(" ".join(t.text for t in segments[0])) or ("", ""))[1] == SK.OUTLET
            and normalize_name(" ".join(t.text for t in segments[1])) in PLACE_INDEX
        )
        if segments and not regional:  # but "BBC Scotland" is one outlet
            return [(segment, "") for segment in segments]  # "Senate Democrats"
    if len(part) == 1:
        word = part[0].text
        hyphen = HYPHEN_CUE.match(word)
        if hyphen:
            name = hyphen.group("name")
            token = _Token(name, part[0].start, part[0].start + len(name))
            cue = "based" if hyphen.group("cue") in ("based", "headquartered") else "modifier"
            return [([token], cue)]
        party = PARTY_STATE.match(word if word.endswith(".") else word + ".")
        if party and party.group("state") in STATE_ABBREVIATIONS:
            return [([part[0]], "party")]
        if (
            re.fullmatch(r"[A-Z][\w.'’]*(?:-[A-Z][\w.'’]*)+", word)
            and not _is_acronym(word)
            and not any(piece.lower() in _HYPHEN_REGIONS for piece in word.split("-"))
        ):
            # "Trump-Putin meeting", "U.S-Russia expulsions": two names joined by a hyphen.
            pieces, offset = [], part[0].start
            for piece in word.split("-"):
                pieces.append(([_Token(piece, offset, offset + len(piece))], ""))
                offset += len(piece) + 1
            return pieces
        if "-" in word and _is_acronym(word) and known_name(word) is None:
            return []  # "VLT-USD": a code, not a name
    return [(part, "")]


def _holder_after_body(words, lows):
    """Where a person's name starts after a body named by what it is for ("Department of
    Health Colm Buckley", "Ministry of Finance Grace Mensah"): two or three words that begin
    with a given name, or two after a portfolio; else 0."""
    at = next((i for i, low in enumerate(lows) if low in BODY_NAME_HEADS), None)
    if at is None or lows[at + 1 : at + 2] not in (["of"], ["for"]):
        return 0
    for size in (2, 3):
        start = len(words) - size
        if start < at + 3 or lows[start - 1] in ("of", "for", "and", "&", "the"):
            continue
        given = lows[start] in GIVEN_NAMES or (
            size == 2
            and lows[start - 1] in PORTFOLIO_WORDS
            and not {lows[start], lows[start + 1]} & PORTFOLIO_WORDS
        )
        if given and _person_part(words[start:]):
            return start
    return 0


def _known_segments(part):
    """The run cut into names the world knows, if it is nothing but those; else None. A
    place before a body stays with it: "Colorado Supreme Court", "Michigan Senate"."""
    segments, i = [], 0
    while i < len(part):
        for j in range(len(part), i, -1):
            name = " ".join(t.text for t in part[i:j])
            if known_name(name) is not None or normalize_name(name) in PLACE_INDEX:
                segments.append(part[i:j])
                i = j
                break
        else:
            return None
    if len(segments) == 2:
        first = " ".join(t.text for t in segments[0])
        second = known_name(" ".join(t.text for t in segments[1]))
        if normalize_name(first) in PLACE_INDEX and second and second[1] == SK.GOVERNMENT:
            return None
    return segments if len(segments) > 1 else None


def _dateline_hits(paragraph, offset):
    """Places (and the agency) of a dateline: "KYIV/MOSCOW -", "TULSA, Okla. (AP) —"."""
    match = DATELINE.match(paragraph)
    hits = []
    position = match.start("place")
    for place in match.group("place").split("/"):
        name = " ".join(word.capitalize() for word in place.split())
        hits.append(NameHit(name, offset + position, offset + position + len(place)))
        hits[-1].cue = "dateline"
        hits[-1].kind = EK.PLACE
        position += len(place) + 1
    region = match.group("region")
    if region:
        state = STATE_ABBREVIATIONS.get(region, region)
        start = offset + match.start("region")
        hits.append(NameHit(state, start, start + len(region), kind=EK.PLACE, cue="state"))
    outlet = match.group("outlet")
    if outlet and known_name(outlet):
        start = offset + match.start("outlet")
        hits.append(NameHit(outlet, start, start + len(outlet), cue="dateline"))
    return hits


_DESCRIPTION_HEADS = (ORGANISATION_HEADS | OUTLET_HEADS | PERSON_HEADS) - _words(
    "union party church exchange league"
)
_LIST_GAP = re.compile(r"(?:,\s+|\s+(?:and|&|of|for|the|on|in)\s+|\s+)+")
_INITIAL_SKIPS = frozenset({"and", "&", "of", "for", "the", "on", "in"})


def abbreviates(letters, words):
    """Whether `letters` abbreviate `words` in order: each word gives the start of itself
    ("Pharmaceutical" gives "ph" in "PhRMA"), and "of", "and", "the" may give nothing."""
    if not letters:
        return not [w for w in words if w.lower() not in _INITIAL_SKIPS]
    if not words:
        return False
    word, rest = words[0].lower(), words[1:]
    if word in _INITIAL_SKIPS and abbreviates(letters, rest):
        return True
    size = 1
    while size <= len(letters) and size <= len(word) and letters[:size] == word[:size]:
        if abbreviates(letters[size:], rest):
            return True
        size += 1
    return False


_OF_PLACE_END = re.compile(r"\s+of\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?$")


def _spelled_out(text, hits):
    """Join the names that a bracketed acronym spells out: "the Department for Environment,
    Food and Rural Affairs (Defra)" is one name, not three."""
    for index, hit in enumerate(hits):
        if not (
            text[hit.start - 2 : hit.start] == " ("
            and text[hit.end : hit.end + 1] == ")"
            and re.fullmatch(r"[A-Z][A-Za-z]{1,9}", hit.name)
        ):
            continue
        letters = hit.name.lower()
        end = hit.start - 2
        for first in range(index - 1, max(-1, index - 6), -1):
            group = hits[first:index]
            if (
                any(
                    not _LIST_GAP.fullmatch(text[a.end : b.start])
                    for a, b in zip(group, group[1:], strict=False)
                )
                or text[group[-1].end : end].strip()
            ):
                break
            span = text[group[0].start : end]
            words = re.findall(r"[\w’'&-]+", span)
            initials = "".join(w[0].lower() for w in words if w.lower() not in _INITIAL_SKIPS)
            # "Auditor General of Canada (AG)": the place may go unabbreviated.
            unplaced = re.findall(r"[\w’'&-]+", _OF_PLACE_END.sub("", span))
            initials = "".join(w[0].lower() for w in unplaced if w.lower() not in _INITIAL_SKIPS)
            spelled = abbreviates(letters, words) or (
                unplaced != words and abbreviates(letters, unplaced)
            )
            if len(group) > 1 and spelled:
                joined = replace(group[0], name=span, end=end, kind="", canonical="")
                hit.canonical = span  # the acronym is another name of it
                return _spelled_out(text, [*hits[:first], joined, *hits[index:]])
            if len(initials) >= len(letters):
                break
    return hits


# A stock symbol in brackets after a company's name: "(BWF.L)", "(NASDAQ: AAPL)", "(7203.T)".
_TICKER = re.compile(
    r"\((?:(?:NYSE|NASDAQ|Nasdaq|LSE|TSX|ASX|NSE|BSE|HKEX|SGX|Euronext|OTC|AMEX)"
    r"(?:\s*:\s*|\s+)[A-Z0-9.]{1,8}|" + STOCK_SYMBOL + r")\)"
)


def _ticker(text, hit):
    """Whether `hit` is (part of) a stock symbol in brackets: no name of anybody."""
    opening = text.rfind("(", max(0, hit.start - 12), hit.start + 1)
    if opening < 0:
        return False
    closing = text.find(")", hit.end - 1, hit.end + 12)
    return closing >= 0 and _TICKER.fullmatch(text, opening, closing + 1) is not None


def scan_names(text, offset=0, *, classify=True):
    """[NameHit, …]: the capitalised names in `text`, each classified as far as possible."""
    lowercase = set(LOWERCASE_WORD.findall(text))
    hits = []
    for paragraph in layout(text):
        if paragraph.heading:
            continue
        pa = paragraph.start
        if paragraph.dateline:
            hits.extend(_dateline_hits(paragraph.text, pa))
        spans = [(a + pa, b + pa) for a, b in paragraph.quotes]
        for sa, sb in paragraph.sentences:
            sa, sb = sa + pa, sb + pa
            tokens = _tokens(text, sa, sb)
            for _, run in _runs(text, tokens):
                if not run:
                    continue
                first = run[0]
                opener = text[max(sa, first.start - 3) : first.start].rstrip()
                initial = first.start == sa or (opener != "" and opener[-1] in "\"“‘'(.!?:…")
                if initial and len(run) == 1 and _common_word(first.text, lowercase):
                    continue  # "The", "However": a word that starts a sentence, no name
                context = {
                    "initial": initial,
                    "before": _words_before(text, first.start),
                    "quotes": spans,
                    "lowercase": lowercase,
                }
                for hit in _split_run(text, run, context):
                    if hit.cue == "party":
                        written = hit.name if hit.name.endswith(".") else hit.name + "."
                        state = STATE_ABBREVIATIONS[PARTY_STATE.match(written).group("state")]
                        hit.name, hit.kind, hit.cue = state, EK.PLACE, "state"
                    elif (
                        hit.name in STATE_ABBREVIATIONS and text[hit.start - 2 : hit.start] == ", "
                    ):
                        hit.name, hit.kind, hit.cue = (
                            STATE_ABBREVIATIONS[hit.name],
                            EK.PLACE,
                            "state",
                        )
                    hits.append(hit)
    hits = [hit for hit in _spelled_out(text, hits) if not _ticker(text, hit)]
    for hit in hits:
        hit.start += offset
        hit.end += offset
        if "  " in hit.name:
            hit.name = " ".join(hit.name.split())  # "Harold      Vandermeer" (a nickname out)
    if classify:
        Cast(hits, text)
    return hits


# --- The cast of an article -------------------------------------------------------------------


@dataclass
class Member:
    """One person, organisation, place or event of an article, under all the names it has."""

    name: str
    kind: str = ""  # an EntityKind, "" when unsure
    forms: list = field(default_factory=list)  # every name written for it, first the fullest
    positions: list = field(default_factory=list)
    role: str = ""
    gender: str = ""
    in_quote_only: bool = True
    known: bool = False
    _key: str = field(default="", repr=False, compare=False)
    _named: str = field(default="", repr=False, compare=False)  # the name _key was made of

    @property
    def key(self):
        if self._named != self.name:
            self._key, self._named = normalize_name(self.name), self.name
        return self._key

    @property
    def first(self):
        return min(self.positions) if self.positions else 0

    def aliases(self):
        key = self.key
        seen, result = {key}, []
        for form in self.forms:
            if normalize_name(form) not in seen:
                seen.add(normalize_name(form))
                result.append(form)
        return result


_APPOSITION_PERSON = re.compile(
    r"^,\s+(?:\d{1,3},|(?:a|an|the|his|her|their)\s+(?:[\w’'-]+\s+){0,4}?(?:"
    + "|".join(
        sorted((PERSON_HEADS | TITLE_BARE) - {"head", "press", "chief"}, key=len, reverse=True)
    )
    + r")\b)",
    re.IGNORECASE,
)
_APPOSITION_ORG = re.compile(
    r"^,?\s+(?:a|an|the)\s+(?:[\w’'-]+\s+){0,4}?(?P<head>company|firm|group|agency|charity|"
    r"organi[sz]ation|coalition|union|association|network|maker|manufacturer|retailer|"
    r"exchange|fund|bank|airline|carrier|insurer|lender|operator|broadcaster|newspaper|"
    r"outlet|developer|startup|platform|producer|supplier|council|party|institute|"
    r"foundation|alliance|league|nonprofit|non-profit|think tank|lobby|body|regulator|"
    r"watchdog|chain|business|brand|publisher|center|centre|university|school|hospital|"
    r"utility|provider|automaker|carmaker|steelmaker|drugmaker|chipmaker|conglomerate|"
    r"cooperative|nonprofit|charity|consultancy|agency|authority|ministry|department)\b"
    # not "… in South End, the company announced": the company named before, speaking
    r"(?!(?:\s+\w+ly)?\s+(?:said|says|announced|announces|reported|reports|told|tells|added|"
    r"adds|confirmed|confirms|stated|wrote|writes|noted|notes|explained|warned|argued|"
    r"insisted|claimed|declined|did)\b)",
    re.IGNORECASE,
)
_AFTER_ORG = re.compile(
    r"^\s+(?:news\s+agency|agency|party|mission|probe|channel|network|group|company|"
    r"broadcaster|newspaper|platform|app|shares|stock|plant|factory|refinery|mine|smelter|"
    r"warehouse|facility|headquarters|stores?|outlets?|subsidiary|spokesperson|"
    r"spokeswoman|spokesman)\b|^,\s+which\s"
)
_SPEAKS_AFTER = re.compile(r"^,?\s+(?:said|says|reported|reports|told|added|wrote|writes)\b")
_PERSON_AFTER = re.compile(r"^,?\s+(?:\d{1,3}\b|who\s|whose\s|said\s+(?:he|she)\b)")
_STATE_AFTER = re.compile(r"^,\s+(?P<state>[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)\b")


_OUTLET_WORD = (
    r"(?:broadcaster|station|newspaper|paper|channel|network|outlet|magazine|daily|tabloid|"
    r"website|news\s+site|news\s+agency|radio|television|TV)"
)
_OUTLET_BEFORE = re.compile(rf"\b(?:the|a|an)\s+(?:[\w’'-]+\s+){{0,3}}{_OUTLET_WORD}\s+$", re.I)
_OUTLET_AFTER = re.compile(rf",\s+(?:the|a|an)\s+(?:[\w’'-]+\s+){{0,3}}{_OUTLET_WORD}\b", re.I)
_POLICE_AFTER = re.compile(
    r"^\s+police\b(?P<title>)(?!\s+(?:station|stations|car|cars|tape|dog|dogs)\b)"
)
# "Clark County coroner's office", "the Port Ellis mayor's office": a place's office.
_OFFICE_AFTER = re.compile(r"^\s+(?:[a-z]+\s+)?(?P<title>[a-z]+)['’]s\s+office\b")


# A person's role, and the words that say whose it is: "lawyer", "Emfuleni mayor".
ROLE_HEADS = (
    _words(
        "lawyer attorney counsel solicitor barrister advocate prosecutor judge mayor minister "
        "secretary director manager owner founder spokesman spokeswoman spokesperson coach "
        "chairman chairwoman chair president governor senator councillor councilmember "
        "commissioner chief officer executive ceo cfo author sheriff coroner principal head "
        "superintendent inspector detective captain commander ambassador envoy administrator "
        "adviser advisor aide economist analyst lead mp td mep msp mla mpp mk mca mna mha mhk "
        "legislator lawmaker "
        "deputy boss representative treasurer auditor ombudsman regulator dean professor"
    )
    | KIN_WORDS
)  # "Sinclair's sister, Tanis Sinclair": kin, named by whose they are
# Words naming one role: any of them is the same role ("his lawyer" is "defence counsel").
_ROLE_FAMILIES = {
    **dict.fromkeys(
        ("lawyer", "attorney", "counsel", "solicitor", "barrister", "advocate"), "lawyer"
    ),
    **dict.fromkeys(("spokesman", "spokeswoman", "spokesperson"), "spokesperson"),
    **dict.fromkeys(("chairman", "chairwoman", "chair"), "chair"),
    **dict.fromkeys(("manager", "boss"), "manager"),
    **dict.fromkeys(("adviser", "advisor", "aide"), "adviser"),
    **dict.fromkeys(("lawmaker", "legislator"), "lawmaker"),
}
_ROLE_BEFORE = re.compile(
    r"(?P<role>(?:[\w’'-]+\s+){0,4}[\w’'-]+)(?:\s+\([A-Z]{2,6}\))?,?\s+"
    r"(?:(?:Mr|Mrs|Ms|Miss|Dr|Prof|(?:Rt\.?\s+)?Hon)\.?\s+)?$"
)
# "Anton Rusnak, who owns Marlowe Group,": a role given by what the person does.
_ROLE_CLAUSE = re.compile(
    r",\s+who\s+(?:has\s+|had\s+|also\s+)?(?P<verb>(?:co-)?founded|owns|owned|runs|ran|"
    r"heads|headed|chairs|chaired|manages|managed|directs|directed|coaches|coached|"
    r"represents|represented)\s+(?P<what>[^,.;:()“”\"]{1,60})"
)
_CLAUSE_ROLES = {
    **dict.fromkeys(("founded", "co-founded"), "founder"),
    **dict.fromkeys(("owns", "owned", "runs", "ran"), "owner"),
    **dict.fromkeys(("heads", "headed"), "head"),
    **dict.fromkeys(("chairs", "chaired"), "chair"),
    **dict.fromkeys(("manages", "managed"), "manager"),
    **dict.fromkeys(("directs", "directed"), "director"),
    **dict.fromkeys(("coaches", "coached"), "coach"),
    **dict.fromkeys(("represents", "represented"), "representative"),
}
# "Justice" as a judge's title, not the one of a ministry or a department of justice.
_JUSTICE = re.compile(
    r"^(?!.*\b(?:minister|ministry|department|secretary|attorney|of|for)\b).*\bjustice$", re.I
)
# Lawyers who prosecute: "Assistant State's Attorney Dana Whitfield" is "a prosecutor".
_PROSECUTING = re.compile(
    r"\b(?:district|state['’]?s?|u\.?s\.?|crown|commonwealth|county|city)\s+attorney\b|"
    r"\bcrown\s+counsel\b|\bprosecuting\s+(?:counsel|attorney|barrister)\b",
    re.IGNORECASE,
)
_ROLE_AFTER = re.compile(
    r",\s+(?P<role>(?:(?:a|an|the|his|her|its|their)\s+|[A-Z][\w.-]*(?:\s[A-Z][\w.-]*)?['’]s\s+)"
    r"[^,.;:()“”\"]{1,60}?)(?=\s*[,.;)]|\s+(?:said|says|told|added|wrote)\b)"
)
_ROLE_TAIL = re.compile(r"\s+(?:of|for|at|in|on|with|to|from)\s+", re.I)
_NOT_ROLE_WORDS = _words("the a an his her its their this that")


def role_family(word):
    return f"role:{_ROLE_FAMILIES.get(word, word)}"


def role_words(phrase):
    """The words of a role or a description, lower case, possessives dropped: ["iran",
    "deputy", "foreign", "minister"] for "Iran's deputy foreign minister"."""
    words = normalize_name(re.sub(r"['’]s\b", "", phrase)).split()
    return [w for w in words if w not in _NOT_ROLE_WORDS]


# "Kelvin Lam Ho-yin": an English given name, the family name, then a Cantonese given name.
_HONG_KONG_NAME = re.compile(r"^(?P<short>[A-Z][a-z]+ (?P<family>[A-Z][a-z]+)) [A-Z][a-z]+-[a-z]+$")


def family_name_key(member):
    """The key of a person's family name: "lam" for "Kelvin Lam Ho-yin", else the last word."""
    hong_kong = _HONG_KONG_NAME.match(member.name)
    if hong_kong:
        return normalize_name(hong_kong.group("family"))
    return member.key.split()[-1]


_OUTLET_POSSESSIVE = re.compile(r"\b([A-Z][\w.&-]*(?:\s[A-Z][\w.&-]*){0,2})['’]s\s+\Z")
_BRAND_BEFORE = re.compile(
    r"\b(?:makers?|producers?|manufacturers?|brewers?|bottlers?|distillers?|bakers?)\s+of\s+"
    r"(?:the\s+)?$|\bbrands?\s+(?:such\s+as\s+|including\s+|like\s+)?$"
)


class Cast:
    """The people, organisations, places and events an article names, with every name each
    one goes by. Reading it also sets each hit's kind and canonical name."""

    def __init__(self, hits, text=""):
        self.hits = hits
        self.text = text
        self.listed_names = {}  # names read without their commas: text.join_listed_names()
        self.members = []
        self._by_key = {}
        self.lowercase = frozenset(LOWERCASE_WORD.findall(text))  # words used as words
        self._described_people = None
        self._addressed = set()  # one-word names written after "Mr", "Ms", "Dr"
        self._build(text)

    # Lookups.

    def find(self, name):
        """The Member one of whose names is `name`, or None."""
        return self._by_key.get(normalize_name(name))

    def people(self):
        return [m for m in self.members if m.kind == EK.PERSON]

    def person_with_surname(self, surname, position=None):
        """The person whose last name is `surname`, named last before `position`."""
        key = normalize_name(surname)
        found = [
            m
            for m in self.people()
            if len(m.key.split()) > 1
            and (family_name_key(m) == key or normalize_name(" ".join(m.name.split()[1:])) == key)
        ]
        if not found:
            # "Mr. Xi" for "Xi Jinping": names that put the family name first.
            found = [
                m
                for m in self.people()
                if len(m.key.split()) > 1
                and m.key.split()[0] == key
                and not any(p.key.split()[-1] == key for p in self.people())
            ]
        if not found:
            return None
        if position is not None:
            earlier = [m for m in found if m.first <= position]
            if earlier:
                return max(earlier, key=lambda m: max(p for p in m.positions if p <= position))
        return found[0]

    def organisations(self):
        return [m for m in self.members if m.kind == EK.ORGANISATION]

    def described(self, head, position):
        """The body the article last called a `head` before `position`: "the charity Sea
        Rescue Europe", "Acme, a software company" for "the charity", "the company"."""
        text = self.text
        if not text or not re.fullmatch(r"[a-z][a-z-]+", head):
            return None
        before = re.compile(rf"\b(?:the|a|an)\s+(?:[\w’'-]+\s+){{0,3}}{head}\s+$", re.I)
        after = re.compile(rf"^,\s+(?:the|a|an)\s+(?:[\w’'-]+\s+){{0,4}}{head}\b", re.I)
        found = None
        for hit in self.hits:
            if hit.outside or hit.start >= position or hit.in_quote:
                continue
            member = self.find(hit.canonical or hit.name)
            if member is None or member.kind != EK.ORGANISATION:
                continue
            if before.search(text, max(0, hit.start - 60), hit.start) or after.match(
                text[hit.end : hit.end + 80]
            ):
                found = member
        return found

    def people_described(self):
        """[(Member, {words}, where), …]: every description the article gives a person by a title
        ("Deputy Public Prosecutor Kelvin Ong"), a role before the name ("Lim's lawyer, Raymond
        Seah") or an apposition ("Graham Stott, the West Ham manager,"), with the description's
        words (see role_words); the last role word of each is in ROLE_HEADS."""
        if self._described_people is not None:
            return self._described_people
        text, found = self.text, []
        for hit in self.hits:
            if hit.in_quote:
                continue
            member = self.find(hit.canonical or hit.name)
            if member is None or member.kind != EK.PERSON:
                continue
            phrases = [(hit.role, True)] if hit.role else []  # (words, before the name)
            if not hit.outside:  # the headline's and standfirst's words are not in `text`
                before = _ROLE_BEFORE.search(text, max(0, hit.start - 80), hit.start)
                if before:
                    phrases.append((before.group("role"), True))
                after = _ROLE_AFTER.match(text, hit.end)
                if after:
                    phrases.append((after.group("role"), False))
                clause = _ROLE_CLAUSE.match(text, hit.end)
                if clause:
                    role = _CLAUSE_ROLES[clause.group("verb").lower()]
                    phrases.append((f"{role} of {clause.group('what')}", False))
            for phrase, title in phrases:
                if title and _JUSTICE.search(phrase):
                    phrase = phrase[: -len("justice")] + "judge"  # "Lady Justice Achieng'"
                words = role_words(phrase)
                head = role_words(_ROLE_TAIL.split(phrase, 1)[0])
                if title and words and words[-1] in ROLE_HEADS:
                    head = words  # "National Bank of Poland Governor Tadeusz Wrona"
                if words and head and head[-1] in ROLE_HEADS:
                    families = {role_family(head[-1])}
                    if _PROSECUTING.search(phrase):
                        families.add(role_family("prosecutor"))
                    found.append((member, {*words, *families}, hit.start))
        self._described_people = found
        return found

    def described_as_outlet(self, name):
        """Whether the article calls the body named `name` a broadcaster, a station, a
        newspaper or the like anywhere ("the broadcaster Kanal 9", "Kanal 9, a local radio
        station")."""
        member = self.find(name)
        text = self.text
        if member is None or not text:
            return False
        for hit in self.hits:
            if hit.outside or (hit.canonical or hit.name) != member.name:
                continue
            if _OUTLET_BEFORE.search(text, max(0, hit.start - 50), hit.start) or (
                _OUTLET_AFTER.match(text, hit.end)
            ):
                return True
        return False

    # Building.

    def _add(self, member, form, hit):
        member.forms.append(form)
        member.positions.append(-1 if hit.outside else hit.start)
        if not hit.in_quote:
            member.in_quote_only = False
        if hit.role and not member.role:
            member.role = hit.role
        hit.canonical = member.name
        for each in (form, member.name):
            self._by_key.setdefault(normalize_name(each), member)

    def _member(self, name, kind, known=False):
        member = self._by_key.get(normalize_name(name))
        if member is None:
            member = Member(name=name, kind=kind, known=known)
            self.members.append(member)
            self._by_key[normalize_name(name)] = member
            hong_kong = _HONG_KONG_NAME.match(name)
            if hong_kong and kind == EK.PERSON:
                # "Kelvin Lam" is "Kelvin Lam Ho-yin" without his Cantonese given name.
                self._by_key.setdefault(normalize_name(hong_kong.group("short")), member)
        return member

    def _build(self, text):
        hits = sorted(self.hits, key=lambda h: (not h.outside, h.start))
        singles, multi = [], []
        # Names the world knows, and names classified by their own words.
        affiliated = []  # "Hoshino President …": the body named in full elsewhere, if it is
        for hit in hits:
            if (
                hit.cue == "affiliation"
                and hit.kind == EK.ORGANISATION
                and known_name(hit.name) is None
                and hit.key not in PLACE_INDEX
            ):
                affiliated.append(hit)
                continue
            if hit.kind and hit.cue in ("dateline", "state", "affiliation"):
                known = known_name(hit.name)
                if known:
                    member = self._member(known[0], EK.ORGANISATION, known=True)
                    for alias in known[2]:
                        self._by_key.setdefault(normalize_name(alias), member)
                else:
                    place = PLACE_INDEX.get(hit.key)
                    name = place[0] if place and hit.kind == EK.PLACE else hit.name
                    member = self._member(name, hit.kind, known=bool(place))
                self._add(member, hit.name, hit)
                continue
            known = known_name(hit.name)
            if known and known[1] != SK.PERSON:
                member = self._member(known[0], EK.ORGANISATION, known=True)
                for alias in known[2]:
                    self._by_key.setdefault(normalize_name(alias), member)
                self._add(member, hit.name, hit)
                continue
            place = PLACE_INDEX.get(hit.key)
            if place:
                modifier = re.match(r"^\s+([a-z]+)", hit.after)
                if "." in hit.name and modifier and modifier.group(1) not in _FUNCTION_WORDS:
                    continue  # "U.S. carriers": an adjective more than a mention of the place
                member = self._member(place[0], EK.PLACE, known=True)
                for alias in place[1]:
                    self._by_key.setdefault(normalize_name(alias), member)
                self._add(member, hit.name, hit)
                continue
            (multi if len(hit.name.split()) > 1 else singles).append(hit)
        words_alone = {normalize_name(h.name) for h in singles if not h.sentence_initial}
        words_alone |= {normalize_name(h.name) for h in singles}
        # "Mr Leong" for "Leong Kah Meng": a one-word name after an honorific is a person's.
        self._addressed = {normalize_name(h.name) for h in singles if _head(h.role) in _HONORIFICS}
        for hit in list(multi):
            # "Startup Lumina raises …": a description capitalised by the start of a
            # sentence or a headline, before a name the article uses alone.
            first, _, rest = hit.name.partition(" ")
            if (
                (hit.sentence_initial or hit.outside)
                and (first.lower() in _DESCRIPTION_HEADS or (hit.outside and first not in text))
                and normalize_name(rest) in words_alone
            ):
                multi.remove(hit)
                hit.name, hit.start = rest, hit.start + len(first) + 1
                singles.append(hit)
        # Names of more than one word: people, bodies, places, events. A body's full name in
        # the text is read before the headline's shorter one ("Hoshino Motor Corp." before
        # "Hoshino Motor"), so that the short one can be found to stand for it.
        shorts = [h.key + " " for h in multi if h.outside]
        fuller = [h for h in multi if not h.outside and h.key.startswith(tuple(shorts))]
        multi = fuller + [h for h in multi if not any(h is f for f in fuller)]
        for hit in multi:
            member = (
                self.find(hit.name)
                or self._similar_person(hit.name)
                or self._shortened(hit)
                or self._surname_of(hit)
                or self._judge_named(hit)
            )
            if member is None:
                kind = self._kind_of(hit, words_alone, text)
                member = self._member(hit.name, kind)
            elif not member.kind:
                member.kind = self._kind_of(hit, words_alone, text)
            self._add(member, hit.name, hit)
        for hit in affiliated:
            member = self.find(hit.name) or self._shortened(hit)
            self._add(member or self._member(hit.name, EK.ORGANISATION), hit.name, hit)
        # One-word names: a surname, the short name of a body, an acronym, or a name alone.
        for hit in singles:
            if self.find(hit.name) is None and self._place_word(hit):
                self._member(hit.name, EK.PLACE)  # "mayor of Riverton": every "Riverton"
        for hit in singles:
            member = (
                self.find(hit.name)
                or (self.find(hit.canonical) if hit.canonical else None)
                or self._longer_form(hit)
            )
            if member is None:
                kind = self._single_kind(hit, text)
                if not kind:
                    continue
                member = self._member(hit.name, kind)
            self._add(member, hit.name, hit)
        self._city_police()
        self._merge_elliptical()
        self._brands(text)
        for member in self.members:
            if member.kind == EK.PERSON:
                member.gender = name_gender(member.name)
            # The fullest written form first.
            member.forms.sort(key=lambda f: -len(f.split()))
        for hit in self.hits:
            member = self.find(hit.canonical or hit.name)
            hit.kind = member.kind if member else ""
            if member is not None:
                hit.canonical = member.name

    def _brands(self, text):
        """ "The maker of Kestrel biscuits": a product's name, no body that could speak."""
        for member in self.members:
            if member.kind != EK.ORGANISATION or member.known or not member.positions:
                continue
            if all(
                at >= 0 and _BRAND_BEFORE.search(text, max(0, at - 40), at)
                for at in member.positions
            ):
                member.kind = ""

    def _city_police(self):
        """ "Tulsa police", "the Clark County coroner's office": the police force or an office
        of a place is a body of its own, one with the "Tulsa Police Department" the article may
        name in full."""
        for hit in self.hits:
            after = _POLICE_AFTER.match(hit.after) or _OFFICE_AFTER.match(hit.after)
            if not after or hit.in_quote:
                continue
            if after.group("title") and after.group("title").lower() not in TITLE_BARE:
                continue
            place = self.find(hit.name)
            if place is None or place.kind != EK.PLACE or hit.name.lower() in NATIONALITIES:
                continue
            name = f"{hit.name}{after.group(0).rstrip()}"
            key = normalize_name(name)
            member = self.find(name) or next(
                (
                    m
                    for m in self.members
                    if m.kind == EK.ORGANISATION and m.key.startswith(key + " ")
                ),
                None,
            )
            if member is None:
                member = self._member(name, EK.ORGANISATION)
            end = hit.end + len(after.group(0).rstrip())
            police = NameHit(name, hit.start, end, outside=hit.outside)
            self._add(member, name, police)

    def _merge_elliptical(self):
        """ "at St Aidan’s on Monday": a possessive name standing alone is the body named in
        full after it ("St Aidan’s University Hospital"), not a person or place of its own."""
        text = self.text
        for member in list(self.members):
            if member.kind == EK.ORGANISATION or len(member.key.split()) < 2:
                continue
            longer = [
                m
                for m in self.members
                if m.kind == EK.ORGANISATION and m.key.startswith(member.key + "s ")
            ]
            used = [h for h in self.hits if h.canonical == member.name and h.start >= 0]
            if len(longer) != 1 or not used:
                continue
            if not all(text[h.end : h.end + 2] in ("’s", "'s") for h in used):
                continue
            target = longer[0]
            for hit in self.hits:
                if hit.canonical == member.name:
                    hit.canonical = target.name
            target.forms.extend(member.forms)
            target.positions.extend(member.positions)
            for form in member.forms:
                self._by_key[normalize_name(form)] = target
            self.members.remove(member)

    def _shortened(self, hit):
        """A body named before in full, of which `hit` is the first words: "Ridgeway
        Unified" for "Ridgeway Unified School District"."""
        key = hit.key
        keys = [key + " "]
        if hit.start >= 0 and self.text[hit.end : hit.end + 2] in ("’s", "'s"):
            keys.append(key + "s ")  # "at St Aidan’s on Monday": St Aidan’s University …
        found = [
            m
            for m in self.members
            if m.kind in (EK.ORGANISATION, EK.PLACE)
            and m.key.startswith(tuple(keys))
            and m.first <= max(hit.start, 0)
        ]
        return found[-1] if found else None

    def _surname_of(self, hit):
        """A person named before in full whose surname of two words `hit` is: "Ortega Ruiz"
        for "Daniel Ortega Ruiz"."""
        key = hit.key
        found = [
            m
            for m in self.people()
            if m.key.endswith(" " + key) and len(m.key.split()) > len(key.split())
        ]
        return found[-1] if found else None

    def _judge_named(self, hit):
        """The person named before in full whom an English judge's title names: "Alison
        Hartnell" for "Mrs Justice Hartnell"."""
        words = hit.key.split()
        if hit.role != "Justice" or len(words) != 3:
            return None
        return self.person_with_surname(words[-1], hit.start)

    def _similar_person(self, name):
        """A person already named with another spelling: "Muhammad" for "Mohammed"."""
        words = name.split()
        for member in self.people():
            if len(member.name.split()) == len(words) and spelling_variants(member.name, name):
                return member
        return None

    def _place_word(self, hit):
        """Whether a one-word name is the place bodies are named after rather than one of
        them: "mayor of Riverton" beside "Riverton Progress PAC", or a word that begins the names
        of several different bodies ("Westfield High School", "Westfield Board of
        Education")."""
        if _is_acronym(hit.name) or hit.in_quote or hit.key in MONTHS or hit.key == "may":
            return False
        if hit.cue == "dateline" or hit.before in ("downtown", "uptown", "midtown", "suburban"):
            return True
        if hit.start > 0 and _PLACE_OF.search(self.text, max(0, hit.start - 30), hit.start):
            return True
        word = hit.key
        bodies = {
            m.key
            for m in self.members
            if m.kind == EK.ORGANISATION and len(m.key.split()) > 1 and m.key.split()[0] == word
        }
        # "Hoshino Motor" and "Hoshino Motor Corp." are one body, named short and in full.
        bodies = {key for key in bodies if not any(other.startswith(key + " ") for other in bodies)}
        return len(bodies) > 1

    def _longer_form(self, hit):
        """The member whose longer name `hit` shortens: a surname, a first word, an acronym."""
        word = hit.key
        if not word:
            return None
        people = [
            m
            for m in self.members
            if m.kind == EK.PERSON and len(m.key.split()) > 1 and family_name_key(m) == word
        ]
        if not people and (hit.role or word not in GIVEN_NAMES):
            # "Mr. Xi" for "Xi Jinping": names that put the family name first.
            people = [
                m
                for m in self.members
                if m.kind == EK.PERSON and len(m.key.split()) > 1 and m.key.split()[0] == word
            ]
        if people:
            earlier = [m for m in people if m.first <= hit.start] or people
            return earlier[-1]
        bodies = [
            m
            for m in self.members
            if m.kind in (EK.ORGANISATION, "")
            and len(m.key.split()) > 1
            and (
                m.key.split()[0] == word
                or (hit.cue == "the" and m.key.split()[-1] == word and _head(hit.name) != "house")
            )
        ]
        if bodies and _is_acronym(hit.name) and re.match(r"\s+[a-z]", hit.after):
            # "ADHD medications" beside "ADHD Families Canada": a word the body's name
            # begins with, used for a thing, not the body.
            bodies = [m for m in bodies if m.first <= hit.start]
        if bodies and not self._place_word(hit):
            earlier = [m for m in bodies if m.first <= hit.start] or bodies
            return earlier[-1]
        if _is_acronym(hit.name):
            letters = hit.name.replace(".", "").lower()
            for member in self.members:
                if member.kind != EK.ORGANISATION or len(member.key.split()) < 2:
                    continue
                initials = "".join(
                    w[0] for w in member.key.split() if w not in ("of", "and", "for", "the", "de")
                )
                if initials == letters:
                    return member
        given = [
            m
            for m in self.people()
            if len(m.key.split()) > 1 and m.key.split()[0] == word and hit.in_quote
        ]
        if len(given) == 1:
            return given[0]
        return None

    def _kind_of(self, hit, words_alone, text):
        """The EntityKind of a name of several words, from its words and the article."""
        words = hit.name.split()
        lows = [_head(w) for w in words]
        if hit.kind == EK.PERSON:
            return EK.PERSON  # read as a person where it was found: "Mrs Justice Ainsworth"
        if "&" in words or "/" in hit.name:
            return EK.ORGANISATION
        if lows[-1] == "court":
            if len(lows) > 1 and lows[-2] in _COURT_TYPES:
                return EK.ORGANISATION
            return EK.PLACE
        if (
            lows[0] not in GIVEN_NAMES
            and _OUTLET_POSSESSIVE.search(text, 0, max(0, hit.start))
            and not _SPEAKS_AFTER.match(hit.after)  # "Al Jazeera's Samia Idris said"
        ):
            known = known_name(_OUTLET_POSSESSIVE.search(text, 0, hit.start).group(1))
            if known and known[1] == SK.OUTLET:
                return EK.ORGANISATION  # "NPR's Morning Edition": a programme, not a person
        personal = self._person_shaped(words)
        surname_alone = lows[-1] in words_alone and lows[0] != lows[-1]
        first_alone = lows[0] in words_alone and not surname_alone
        after = hit.after
        if (
            personal
            and lows[0] in GIVEN_NAMES
            and (hit.role_word or hit.role or surname_alone or _APPOSITION_PERSON.match(after))
        ):
            return EK.PERSON  # "Helen Park, the business administrator"
        if lows[-1] in ORGANISATION_NAME_HEADS or lows[-1] in GOVERNMENT_NAME_HEADS:
            return EK.ORGANISATION
        if lows[-1] in PLACE_NAME_HEADS:
            return EK.PLACE
        if lows[-1] in EVENT_NAME_HEADS:
            return EK.EVENT
        if any(low in ORGANISATION_NAME_HEADS or low in GOVERNMENT_NAME_HEADS for low in lows):
            return EK.ORGANISATION
        if _RESIDENCE.search(text, max(0, hit.start - 12), hit.start):
            return EK.PLACE  # "Sheila Beaton, 64, of Sydney Mines": where she lives
        if lows[0] in _PLACE_PREFIXES or (len(words) > 2 and lows[1] in EVENT_PREFIXES):
            # "Fort Chipewyan", "Mount Hagen"; "Winter Storm Uri", "Tropical Storm Ana"
            return EK.PLACE if lows[0] in _PLACE_PREFIXES else EK.EVENT
        if any(low in OUTLET_NAME_WORDS for low in lows[1:]):
            return EK.ORGANISATION
        if lows[0] in _REGION_ADJECTIVES and normalize_name(" ".join(words[1:])) in PLACE_INDEX:
            return EK.PLACE  # "Western Australia"
        if any(normalize_name(w) in PLACE_INDEX for w in words[1:]) and not (
            personal
            and (lows[0] in GIVEN_NAMES or (len(words) == 2 and (hit.role_word or hit.role)))
        ):
            return EK.ORGANISATION  # "Sea Rescue Europe": no person ends in a place
        before = hit.before
        if lows[0] in EVENT_PREFIXES and len(words) > 1:
            return EK.EVENT  # "Hurricane Delia"
        if before in OUTLET_HEADS or before in ORGANISATION_HEADS:
            return EK.ORGANISATION  # "the journal Animal Cognition"
        if personal and (
            hit.role_word
            or hit.role
            or lows[0] in GIVEN_NAMES
            or surname_alone
            or _APPOSITION_PERSON.match(after)
            or _PERSON_AFTER.match(after)
        ):
            return EK.PERSON
        if personal and lows[0] in self._addressed and (len(words) > 2 or "-" in words[-1]):
            return EK.PERSON  # "Leong Kah Meng" … "Mr Leong": the family name written first
        if personal and any(low in _PATRONYMICS for low in lows[1:-1]):
            return EK.PERSON  # "Hamood bin Ali al Maqbali" … "Hamood said"
        if first_alone or _APPOSITION_ORG.match(after) or _AFTER_ORG.match(after):
            return EK.ORGANISATION
        state = _STATE_AFTER.match(after)
        if state and (
            state.group("state") in STATE_ABBREVIATIONS
            or normalize_name(state.group("state")) in PLACE_INDEX
        ):
            return EK.PLACE
        if hit.after_in or _SECOND_PLACE.search(text, max(0, hit.start - 60), hit.start):
            return EK.PLACE
        if (
            personal
            and len([low for low in lows if low not in NAME_PARTICLES]) <= 3
            # "cities along the Wasatch Front"
            and not _THE_BEFORE.search(text, max(0, hit.start - 4), hit.start)
        ):
            return EK.PERSON  # "Marike van Rooyen", "Pieter van der Merwe"
        if hit.in_quote and any(low in _FUNCTION_WORDS for low in lows):
            return ""  # "Books Not Budget Cuts": a slogan, not a name
        return EK.ORGANISATION

    @staticmethod
    def _person_shaped(words):
        if not 2 <= len(_without_particles(words)) <= 4 or len(words) > 6:
            return False
        for word in words:
            bare = word.rstrip(".")
            if _INITIALS.fullmatch(word) and word is not words[-1]:
                continue  # "R.K. Iyer"
            if (_is_acronym(bare) and len(bare) > 2) or re.search(r"[’']s?$", bare):
                return False
            low = _head(word)
            surname_head = (
                word is words[-1]
                and (low in _SURNAME_HEADS or low == "may")  # "Theresa May"
                and words[0].lower() in GIVEN_NAMES
            )
            if surname_head:
                continue  # "Helen Park", "Tom Hall"
            if (
                low in ORGANISATION_NAME_HEADS
                or low in PLACE_NAME_HEADS
                or low in EVENT_NAME_HEADS
                or low in OUTLET_NAME_WORDS
                or low in _ORDINALS
                or low in TITLE_BARE
                or low in NATIONALITIES
                or low in WEEKDAYS
                or low in MONTHS
                or low in _FUNCTION_WORDS
                and not (word is words[0] and low in GIVEN_NAMES)  # "Will Gathercole"
                or low in DESCRIPTION_WORDS
                and low not in GIVEN_NAMES
            ):
                return False
            if low in NAME_PARTICLES:
                continue
            if not re.fullmatch(
                rf"(?:[A-Z]\.|[{CAPITALS}][\w'’-]*|de|van|von|bin|al|da|di|del|la|le|"
                r"(?:al|el|bin|ibn|abu|da|de|di|du|van|von|le|la)-[A-Z][\w'’-]*)",
                bare,
            ):
                return False
        return True

    def _single_kind(self, hit, text):
        """The EntityKind of a one-word name that shortens nothing, or "" to leave it out."""
        word = hit.name
        low = word.lower()
        if hit.sentence_initial and low in SENTENCE_STARTERS_LOWER:
            return ""
        if hit.before in ("surname", "named", "nicknamed", "name") and not _is_acronym(word):
            return EK.PERSON  # "identified only by his surname Wu"
        if low in _COMMON_NOUNS and known_name(word) is None and hit.key not in PLACE_INDEX:
            return ""  # "the State", "this year's Budget": a common noun, capitalised
        if low in GIVEN_NAMES or low in TITLE_BARE or low in _FUNCTION_WORDS:
            return ""
        if re.fullmatch(r"i['’](?:m|ve|ll|d)", low):
            return ""  # "I’m", "I’ve"
        if hit.role and _head(hit.role.split()[-1]) in TITLE_BARE and not _is_acronym(word):
            return EK.PERSON  # "Lord Penhallow", "President Ruiz": a title names a person
        if hit.cue == "based" or self._place_word(hit):
            return EK.PLACE
        if hit.before in OUTLET_HEADS and not hit.sentence_initial:
            return EK.ORGANISATION  # "state broadcaster CCTV", "the news agency Interfax"
        if word == "X":
            before = text[max(0, hit.start - 12) : hit.start].lower()
            return EK.ORGANISATION if re.search(r"\b(?:on|to|platform)\s+$", before) else ""
        if re.fullmatch(r"[A-Z]{2,}s", word) or re.fullmatch(r"[A-Z]-[a-z].*", word):
            return ""  # "MPs", "T-shirts"
        if _is_acronym(word):
            if (
                hit.cue == "the"
                or _AFTER_ORG.match(hit.after)
                or hit.after.startswith(("'s", "’s"))
            ):
                return EK.ORGANISATION
            if re.match(r"^\s*(?:said|says|reported|told|declined|did|has|have|had)\b", hit.after):
                return EK.ORGANISATION
            before = text[max(0, hit.start - 30) : hit.start]
            if re.search(r"\b(?:told|by|to|with|from|at|for|on|of)\s+$", before):
                return EK.ORGANISATION if len(word) >= 3 else ""
            return ""
        if (
            _FIRM_ROLE.match(hit.after)
            and low not in NATIONALITIES
            and low not in _PARTY_WORDS
            and low not in TITLE_MODIFIERS
            and not low.endswith("ed")  # "Retired engineer Doug Pratt"
            and not _common_word(word, self.lowercase)
        ):
            return EK.ORGANISATION  # "Bernstein analyst Deirdre Kahn": whom she works for
        if re.match(r"^[’']s\s+[a-z]", hit.after):
            return ""  # "Parkinson's disease": a possessor, named for something else
        if _APPOSITION_ORG.match(hit.after):
            return EK.ORGANISATION
        if (
            hit.sentence_initial
            and re.match(
                r"^(?:,\s+(?:which|a|an)\s|\s+(?:said|says|declined|announced|reported|told|did\s+not)\b)",
                hit.after,
            )
            and low not in SENTENCE_STARTERS_LOWER
            and not _closed_class(word)
        ):
            return EK.ORGANISATION  # "Nvidia, which dominates the market, declined …"
        if hit.sentence_initial or low == "may":
            return ""
        state = _STATE_AFTER.match(hit.after)
        if state and (
            state.group("state") in STATE_ABBREVIATIONS
            or normalize_name(state.group("state")) in PLACE_INDEX
        ):
            return EK.PLACE
        if _APPOSITION_ORG.match(hit.after) or _AFTER_ORG.match(hit.after):
            return EK.ORGANISATION
        if hit.after_in:
            return EK.PLACE
        if normalize_name(word) in COUNTRIES:
            return EK.PLACE
        return EK.ORGANISATION


def read_cast(body, *, headline="", dek=""):
    """The Cast of an article: the names of its body, headline and standfirst, grouped."""
    hits = []
    body, listed = join_listed_names(readable(body))
    for text in (headline, dek):
        if text:
            for hit in scan_names(readable(text), classify=False):
                hit.outside = True
                hit.start, hit.end = -1, -1
                hits.append(hit)
    body_hits = scan_names(body, classify=False)
    cast = Cast(hits + body_hits, body)
    cast.body_hits = body_hits
    cast.listed_names = listed
    return cast
