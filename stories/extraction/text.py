"""Paragraphs, quotations and sentences of plain text, as character offsets."""

import re
from dataclasses import dataclass
from functools import lru_cache

from stories.extraction.lexicon import (
    ABBREVIATIONS,
    GIVEN_NAMES,
    LOWERCASE_ABBREVIATIONS,
    PORTFOLIO_WORDS,
    SENTENCE_STARTERS,
    TITLE_ABBREVIATIONS,
    TITLE_WORDS,
)

# The capital letters of the Latin alphabets, for character classes: "Ł", "Ş", "Ġ" as well as
# "A" and "É" begin names ("Łukasz", "Şahin", "Ġorġ Vella").
CAPITALS = "A-ZÀ-ÖØ-Þ" + "".join(c for c in map(chr, range(0x100, 0x250)) if c.isupper())
QUOTE_MASK = "\x1a"  # stands in for quoted text, so that patterns never look inside quotes
_CLOSERS = "\"'”’)]»"
_OPENERS = "\"'“‘([«"
_TERMINAL = re.compile(r"(?:\.\.\.|…|[.!?])+")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.'’]*)$")


_QUOTE_MARK = re.compile(r"“|”|\"|''|«|»|‘|’|'")
_SINGLE_OPEN_BEFORE = frozenset(' \t\n(“"[—–-/«')
_SINGLE_CLOSE_AFTER = frozenset(' \t\n,.;:!?)”"—–-…»]')
_DECADE = re.compile(r"\d\d?s\b|\d\d\b")  # "the ’90s", "class of ’04": elisions, not quotes


def _single_role(text, i):
    """ "open", "close", "either" or "" (an apostrophe) for the single quote mark at i."""
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isalnum() and after.isalnum():
        return ""  # "don’t", "O’Brien"
    mark = text[i]
    opens = (
        mark != "’"
        and before in _SINGLE_OPEN_BEFORE
        and not after.isspace()
        and not _DECADE.match(text, i + 1)
    )
    closes = mark != "‘" and not before.isspace() and after in _SINGLE_CLOSE_AFTER
    if opens and closes:
        return "either"
    return "open" if opens else ("close" if closes else "")


def _possessive(text, i):
    """Whether the closing-shaped mark at i is more likely a plural possessive: "workers’ pay"."""
    return (
        text[i - 1 : i] in ("s", "S")
        and text[i + 1 : i + 2] == " "
        and text[i + 2 : i + 3].isalpha()
    )


def _quotations(text):
    """(spans, open_at_end) for quote_spans().

    Double marks (curly, straight, doubled apostrophes, guillemets) and single marks (curly or
    straight, when they are not apostrophes) both quote; a quotation inside another is part of
    it. A single mark closes only a quotation a single mark opened.
    """
    spans, opened, single = [], None, False
    marks = list(_QUOTE_MARK.finditer(text))
    for index, match in enumerate(marks):
        mark = match.group()
        at = match.start()
        if mark in "‘’'":
            role = _single_role(text, at)
            if not role:
                continue
            if opened is None:
                if role in ("open", "either") and _closes_later(text, marks, index):
                    opened, single = at, True
                elif role in ("open", "either") and _opens_sentence(text, at):
                    opened, single = at, True  # it may run on into the next paragraph
                continue
            if not single or role == "open":
                continue
            if _possessive(text, at) and _closes_later(text, marks, index, strict=True):
                continue  # "the workers’ union", inside a quotation closed further on
            spans.append((opened, match.end()))
            opened = None
            continue
        if single:
            continue  # a double quotation inside a single one
        if mark in ("“", "«"):
            if opened is None:
                opened = at
        elif mark in ("”", "»"):
            if opened is not None:
                spans.append((opened, match.end()))
                opened = None
        elif opened is None:
            opened = at
        else:
            spans.append((opened, match.end()))
            opened = None
    if opened is not None:
        if _opens_sentence(text, opened):
            spans.append((opened, len(text)))
            return spans, True
    return spans, False


# A nickname between a first name and a surname: Harold “Bud” Vandermeer, Reginald
# ‘Reggie’ Dawson, Joseph "Joe" Smith. Not a quotation.
_NICKNAME = re.compile(
    r"\b(?P<first>[A-Z][a-z]+)\s(?P<nick>(?P<mark>[“\"‘'])[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*)?"
    r"(?P<close>[”\"’']))\s(?=[A-Z][a-z]*[A-Z]?[a-z]+\b(?![’']s\b))"
)
_NICKNAME_CLOSES = {"“": "”", '"': '"', "‘": "’", "'": "'"}
LOWERCASE_WORD = re.compile(r"\b[a-z][a-z'’-]+\b")  # a word written as a word, not a name
_CAPITALISED_BEFORE = re.compile(r"(?P<word>[A-Z][\w'’.-]*)\s$")


# A stock quote a financial site prints after a company's name: "Corvane Therapeutics Inc.
# CRVN, -41.27%", "Apple Inc. AAPL, +0.52%".
_TICKER_QUOTE = re.compile(r"(?<=[\w.]) (?:[A-Z]{1,5}(?:\.[A-Z])?|\d{4,6}), (?:[-+−]\d+|0)\.\d\d%")


def readable(text):
    """`text` as the name scanner reads it, the length kept: a stock quote after a company's
    name is a comma and spaces, and quoted nicknames are blanked out (unquote_nicknames())."""
    if "%" in text:
        # a comma in its place, so that "Microsoft Corp. MSFT, +2.05% and Alphabet Inc." stays
        # two names
        text = _TICKER_QUOTE.sub(lambda match: "," + " " * (len(match.group()) - 1), text)
    return unquote_nicknames(text)


def unquote_nicknames(text):
    """`text` with each quoted nickname between a first name and a surname blanked
    out, the length kept: "Harold “Bud” Vandermeer" reads as "Harold" and "Vandermeer" with
    spaces between (names are read with their spaces collapsed), and every offset stays
    where it was. A first name after another capitalised word is left alone ("Netflix's
    “Squid Game” Season Two", "Mary Ann “Cookie” Smith")."""
    if "“" not in text and '"' not in text and "‘" not in text and "'" not in text:
        return text

    lowercase = None

    def plain(match):
        nonlocal lowercase
        first = match.group("first")
        if match.group("close") != _NICKNAME_CLOSES[match.group("mark")]:
            return match.group()
        if first.lower() not in GIVEN_NAMES:
            # Not a first name we know: one all the same, unless the text uses it as a word
            # ("Watch “Planet Earth” Tonight … watch") or it opens sentences.
            if lowercase is None:
                lowercase = set(LOWERCASE_WORD.findall(text))
            if first.lower() in lowercase or first in SENTENCE_STARTERS:
                return match.group()
        before = _CAPITALISED_BEFORE.search(text, max(0, match.start() - 40), match.start())
        if before and before.group("word").lower().rstrip(".") not in TITLE_WORDS:
            return match.group()  # not after a capitalised word, but for a title ("Sheriff")
        return first + " " * (len(match.group()) - len(first))

    return _NICKNAME.sub(plain, text)


def _opens_sentence(text, at):
    before = text[:at].rstrip()
    return not before or before[-1] in ".!?:…" or before.endswith(("”", '"', "''", "’"))


def _closes_later(text, marks, index, strict=False):
    """Whether a single mark after marks[index] can close a quotation it opens; `strict`
    leaves out marks that may be a plural possessive."""
    for match in marks[index + 1 :]:
        if match.group() in "’'":
            role = _single_role(text, match.start())
            if role in ("close", "either") and not (strict and _possessive(text, match.start())):
                return True
    return False


def quote_spans(text):
    """[(start, end), …] of the quoted passages in `text`, quote marks included.

    Curly, straight and doubled-apostrophe ('') double marks count, and single marks (‘…’,
    '…') that are not apostrophes. A quotation still open at the end is kept when it opens a
    sentence: the convention for a quotation that goes on into the next paragraph.
    """
    return _quotations(text)[0]


_HEADING_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_SMALL_WORDS = frozenset(
    "a an the and or but nor of for to in on at by with from as is are was were be it its "
    "vs via per into onto over under up".split()
)
# A dateline opening the story proper: "WASHINGTON (AP) —", "LANSING, Mich. —", "CAIRO -",
# "LEEDS, 3 June 2024 –", "RIGA/TALLINN, Oct 3 (Agencies) –", "MUMBAI:".
_MONTH_WORD = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’-]+(?:[ /][A-Z][A-Z.'’-]+)*)(?:,\s+(?P<region>(?!"
    + _MONTH_WORD
    + r"\s+\d)[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?))?(?:,?\s+(?P<date>"
    + _MONTH_WORD
    + r"\s+\d{1,2}(?:,?\s+\d{4})?|\d{1,2}\s+"
    + _MONTH_WORD
    + r"(?:\s+\d{4})?))?"
    r"(?:\s+\((?P<outlet>[A-Za-z][\w .&-]{0,40})\))?\s*(?P<mark>[—–-]+|:)\s+"
)
# Labels that open a paragraph as a dateline would, but are not places: "UPDATE: …".
_NOT_DATELINES = frozenset(
    "UPDATE UPDATED BREAKING EXCLUSIVE WATCH ANALYSIS OPINION EDITORIAL CORRECTION NOTE LIVE "
    "VIDEO PHOTOS READ ALSO WARNING REVIEW INTERVIEW COMMENT ENDS".split()
)


def is_heading(paragraph):
    """Whether a paragraph is a subheading: a short title-case line with no closing stop."""
    text = paragraph.strip().strip("‘’'\"“”")
    if not text or len(text) > 90 or text[-1] in ".!?…:;,":
        return False
    words = _HEADING_WORD.findall(text)
    if not words or len(words) > 12:
        return False
    big = [w for w in words if w.lower() not in _SMALL_WORDS or w == words[0]]
    capitalised = sum(1 for w in big if w[0].isupper())
    return capitalised >= max(1, len(big) - (len(big) // 4))


_LIST_MARK = re.compile(r"\s*(?:[•·▪‣◦●■]|[-*](?=\s))\s+")
# The labels some outlets open a paragraph with ("Flashback: …", "Between the lines: …",
# "Why it matters: …"): no speaker, and no part of the sentence after them.
_SECTION_LABEL = re.compile(
    r"(?:Flashback|Between the lines|Why it matters|(?:The )?big picture|Driving the news|"
    r"Zoom (?:in|out)|State of play|By the numbers|Catch up quick|What'?s next|What to watch|"
    r"(?:The )?bottom line|Reality check|The intrigue|Yes, but|Go deeper|Be smart|"
    r"Threat level|Of note|The latest|Case in point|Follow the money|Worth noting|"
    r"What (?:we|they)['’]re (?:watching|saying)|The other side|Our thought bubble|"
    r"Behind the scenes|The catch|Key quote|What happened|The backstory)"
    r"\s?:\s+"
)
_QUOTED_LINE = re.compile(r"[‘'“\"](?P<words>[^.!?…“”\"]{1,90})[’'”\"](?:\s*-)?")


def _pulled_quote(line, body, start, end):
    """Whether a paragraph is a few quoted words that the story quotes again elsewhere: a
    subheading pulled from a quotation, not a statement of its own."""
    quoted = _QUOTED_LINE.fullmatch(line)
    if not quoted or len(quoted.group("words").split()) > 10:
        return False
    words = _plain_words(quoted.group("words"))
    if words.strip() and words in _plain_words(body[:start] + " " + body[end:]):
        return True
    # Not quoted again word for word: still a subheading when short, with no speech verb,
    # and not the quotation a colon introduced ("The club posted on X:").
    return (
        len(words.split()) <= 7
        and not _SPEECH_WORD.search(words)
        and not body[:start].rstrip().endswith(":")
    )


_SPEECH_WORD = re.compile(r" (?:said|says|told|tells|added|adds|wrote|writes|asked|asks) ")


def _plain_words(text):
    return " " + " ".join(re.findall(r"[\w’']+", text.lower().replace("’", "'"))) + " "


def dateline_end(paragraph):
    """The offset where the story starts after a dateline ("CAIRO (Reuters) - "), else 0."""
    match = DATELINE.match(paragraph)
    if not match or len(match.group("place")) < 3 or not match.group("place").isupper():
        return 0
    if match.group("place") in _NOT_DATELINES:
        return 0
    if match.group("mark") == ":" and (match.group("region") or match.group("date")):
        return 0
    return match.end()


def _opens_with_quotation(text, spans, start, end):
    """Whether the sentence from `start` is, up to `end`, one quotation and nothing else.

    Only then can a speaker after it be the quotation's own attribution: in 'She was
    "not surprised." He said …' the quotation had one already, and "He said" starts anew.
    """
    return any(
        a < end and not text[b:end].strip(_CLOSERS) and not text[start:a].strip(_OPENERS + " ")
        for a, b in spans
    )


def _inside(spans, pos):
    return any(a < pos < b for a, b in spans)


def is_abbreviation(text, dot, following):
    """Whether the period at `dot` belongs to an abbreviation rather than ending a sentence."""
    match = _WORD_BEFORE.search(text, max(0, dot - 40), dot)  # not the whole text before
    if not match:
        return False
    word = match.group(1).rstrip(".").lower()
    if word in TITLE_ABBREVIATIONS:
        return True
    next_word = re.match(r"[\w'’]+", text[following:])
    next_word = next_word.group() if next_word else ""
    initial = len(word) == 1 and match.group(1)[0].isupper()
    if word in ABBREVIATIONS and word not in LOWERCASE_ABBREVIATIONS:
        if not match.group(1)[0].isupper():
            return False  # "she was ill.", "a big miss.": words, not "Ill." or "Miss."
    if "." in word or initial or word in ABBREVIATIONS:
        return next_word not in SENTENCE_STARTERS
    return False


def _starts_sentence(text, i):
    ch = text[i]
    if ch.isupper() or ch.isdigit() or ch in "$€£@#—–-":
        return True
    if ch in _OPENERS:
        rest = text[i + 1 : i + 2]
        return bool(rest) and (rest.isupper() or rest.isdigit() or rest in "….'‘")
    return False


_ATTRIBUTION_AFTER = re.compile(
    r"(?:[A-Z][\w.'’-]*\s+){1,4}(?:said|says|told|tells|asked|asks|added|adds|wrote|writes|"
    r"replied|recalled|continued|insisted|explained|warned)\b"
)


def split_sentences(text, offset=0):
    """[(start, end), …]: the sentences of one paragraph, trimmed, as offsets (+ `offset`).

    A sentence ends at ".", "!", "?" or an ellipsis, after any closing quotes or brackets,
    when whitespace and the start of a new sentence follow, and not inside a quotation.
    """
    spans = quote_spans(text)
    bounds, start = [], 0
    for match in _TERMINAL.finditer(text):
        end = match.end()
        while end < len(text) and text[end] in _CLOSERS:
            end += 1
        if end >= len(text) or not text[end].isspace():
            continue  # "U.S-Russia", "3.5", the end of the text
        following = end
        while following < len(text) and text[following].isspace():
            following += 1
        if following >= len(text) or not _starts_sentence(text, following):
            continue
        if _inside(spans, end):
            continue
        if (
            end > match.end()
            and _ATTRIBUTION_AFTER.match(text, following)
            and _opens_with_quotation(text, spans, start, end)
        ):
            continue  # "“Why?” Okonjo told reporters.": the quotation's attribution follows
        if match.group() == "." and is_abbreviation(text, match.start(), following):
            continue
        bounds.append((start, end))
        start = following
    bounds.append((start, len(text)))
    result = []
    for a, b in bounds:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            result.append((a + offset, b + offset))
    return result


def paragraph_spans(body):
    """[(start, end), …] of the paragraphs of a body (separated by blank lines)."""
    spans = []
    for match in re.finditer(r"[^\n]+(?:\n(?!\n)[^\n]+)*", body):
        text = match.group()
        lead = len(text) - len(text.lstrip())
        trail = len(text.rstrip())
        if trail > lead:
            spans.append((match.start() + lead, match.start() + trail))
    return spans


_LISTED_ITEM = r"[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|of|for))*"
# "the Department of Climate, Energy and the Environment", "Ministry of Land, Infrastructure,
# Transport and Tourism": one body, though its name holds commas.
_LISTED_NAME = re.compile(
    r"\b(?:Ministry|Department|Dept\.|Office|Commission|Committee|Bureau|Agency|Council|"
    r"Authority|Directorate|Secretariat|Board)\s+(?:of|for)\s+"
    rf"{_LISTED_ITEM}(?:,\s+{_LISTED_ITEM})+,?\s+(?:and|&)\s+(?:the\s+)?[A-Z][\w'’-]*"
    r"(?:\s+[A-Z][\w'’-]*)?(?!\s+[A-Z])"
)


# "Minister for Public Works, Meteorological Services and Transport Ratu Isoa Delai": a
# title whose portfolio holds commas, then its holder's name.
_LISTED_TITLE = re.compile(
    r"\b(?:Minister|Secretary|Commissioner)\s+(?:of|for)\s+"
    rf"{_LISTED_ITEM}(?:,\s+{_LISTED_ITEM})+,?\s+(?:and|&)\s+(?:the\s+)?[A-Z][\w'’-]*"
    r"(?=\s+[A-Z])"
)
_LISTED_WORDS = PORTFOLIO_WORDS | {"and", "&", "the", "of", "for"}


def join_listed_names(text):
    """(`text` with the commas inside a body's listed name blanked, {name as then read: name
    as written}). The length is kept, so every offset stays where it was, and the name is
    read as one ("Department of Climate Energy and Environment"), not cut at its first
    comma; the map gives its commas back. A "the" in it is blanked too ("and the Marine"),
    which a name of one body would not hold."""
    if "," not in text:
        return text, {}
    names = {}

    def blank(match):
        written = match.group()
        items = re.split(r",\s+(?:and\s+)?|\s+(?:and|&)\s+(?:the\s+)?", written)[1:]
        if not all(word.lower() in _LISTED_WORDS for item in items for word in item.split()):
            # "the Department of Justice, Pfizer and Moderna", "…, Foreign Ministry and
            # Interior Ministry": bodies listed one after another.
            return written
        blanked = re.sub(r"(?<=\band )the\b", "   ", written.replace(",", " "))
        names[blanked] = names[" ".join(blanked.split())] = written
        return blanked

    text = _LISTED_NAME.sub(blank, text)
    text = _LISTED_TITLE.sub(blank, text)
    return _ACRONYMED_NAME.sub(lambda match: _blank_acronymed(match, names), text), names


# A name with commas in it, and the acronym its words' initials spell: "the Philippine
# Atmospheric, Geophysical and Astronomical Services Administration (Pagasa)".
_ACRONYMED_NAME = re.compile(
    r"[A-Z][\w'’-]*(?:,?\s+(?:(?:and|of|for|the|&)\s+)*[A-Z][\w'’-]*)+(?=\s+\([A-Z][A-Za-z]{2,9}\))"
    r"(?P<acronym>\s+\([A-Z][A-Za-z]{2,9}\))"
)
_NOT_INITIALLED = {"and", "of", "for", "the", "&"}


def _blank_acronymed(match, names):
    written = match.group()
    acronym = match.group("acronym").strip(" ()").lower()
    name = written[: match.start("acronym") - match.start()]
    if "," not in name:
        return written
    words = list(re.finditer(r"[\w'’&-]+", name))
    for first in range(len(words)):
        if not words[first].group()[:1].isupper():
            continue
        initials = "".join(
            w.group()[0].lower() for w in words[first:] if w.group() not in _NOT_INITIALLED
        )
        if initials == acronym:
            start = words[first].start()
            if "," not in name[start:]:
                return written
            blanked = name[start:].replace(",", " ")
            names[blanked] = names[" ".join(blanked.split())] = name[start:]
            return written[:start] + blanked + written[len(name) :]
    return written


def commas_back(name, listed):
    """`name` with the names join_listed_names() gave in `listed` written with their commas."""
    for read, written in listed.items():
        if read in name:
            name = name.replace(read, written)
    return name


def _mask(text, spans):
    chars = list(text)
    for a, b in spans:
        for i in range(a, b):
            chars[i] = QUOTE_MASK
    return "".join(chars)


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of a body, read once for every step of the extraction."""

    start: int  # offset of the paragraph in the body
    text: str
    masked: str  # the text with its quotations masked
    quotes: tuple  # ((start, end), …) of its quotations, in the paragraph
    sentences: tuple  # ((start, end), …) of its sentences, in the paragraph, dateline skipped
    heading: bool = False
    dateline: int = 0  # where the story starts after a dateline, in the paragraph
    runs_on: bool = False  # ends inside a quotation that goes on into the next paragraph


# The end of a press release: what follows is notes for editors, not the story.
_END_MARK = re.compile(r"^(?:[-–—#\s]*(?:ENDS|ends|End|END)[-–—#\s]*|#{3}|-{2,}\s*30\s*-{2,})$")
# Lines about the story rather than of it: a byline, an author's note, a syndication line.
_FURNITURE = re.compile(
    r"^(?:(?:By|Words(?:\s+and\s+pictures)?\s+by|Reporting\s+by)\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}"
    r"(?:\s*(?:,|and|&)\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})*\.?$|"
    r"This\s+(?:report|story|article)\s+(?:by|from)\s+.{2,80}?\s+was\s+(?:first\s+)?published\b.*$|"
    r"Companies\s+in\s+this\s+(?:story|article)\s*:.*$|"
    r"Notes?\s+to\s+editors?\s*:?$|Media\s+contacts?\s*:.*$|For\s+more\s+information\s*:.*$|"
    r"[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3}\s+is\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,4}?"
    r"(?:correspondent|reporter|writer|columnist|journalist|editor)\b[^.]*\.?)$"
)


def is_furniture(paragraph):
    """Whether a paragraph is about the story rather than part of it: "By Tobias Lind", "This
    report by Tarrant Press Wire was first published …", "Jane Doe is a senior correspondent
    covering the EU."."""
    return bool(_FURNITURE.match(paragraph.strip()))


@lru_cache(maxsize=16)
def layout(body):
    """(Paragraph, …) of a body: its paragraphs, quotations and sentences. Headings, bylines,
    notes and whatever follows the "ENDS" of a press release are kept as headings: read for
    neither statements nor names."""
    paragraphs, dated, ended = [], False, False
    for number, (pa, pb) in enumerate(paragraph_spans(body)):
        text = body[pa:pb]
        ended = ended or bool(_END_MARK.match(text.strip()))
        if ended or is_heading(text) or is_furniture(text):
            paragraphs.append(Paragraph(pa, text, text, (), (), heading=True))
            continue
        skip = dateline_end(text) if number < 3 and not dated else 0
        dated = dated or bool(skip)
        mark = _LIST_MARK.match(text)  # "• Hale told Axios …": the bullet is no part of it
        if _pulled_quote(text[mark.end() if mark else 0 :].strip(), body, pa, pa + len(text)):
            # "‘Very wide error bars’", "- 'No life-threatening injuries'": a few quoted words
            # set as a subheading, pulled from a quotation the story gives in full.
            paragraphs.append(Paragraph(pa, text, text, (), (), heading=True))
            continue
        start = max(skip, mark.end() if mark else 0)
        label = _SECTION_LABEL.match(text, start)
        start = label.end() if label else start
        spans, runs_on = _quotations(text)
        sentences = []
        for sa, sb in split_sentences(text):
            sa = max(sa, start)
            while sa < sb and text[sa].isspace():
                sa += 1
            if sa < sb:
                sentences.append((sa, sb))
        paragraphs.append(
            Paragraph(
                pa,
                text,
                _mask(text, spans),
                tuple(spans),
                tuple(sentences),
                dateline=skip,
                runs_on=runs_on,
            )
        )
    return tuple(paragraphs)
