"""Paragraphs, quotations and sentences of plain text, as character offsets."""

import re
from dataclasses import dataclass
from functools import lru_cache

from stories.extraction.lexicon import ABBREVIATIONS, SENTENCE_STARTERS, TITLE_ABBREVIATIONS

QUOTE_MASK = "\x1a"  # stands in for quoted text, so that patterns never look inside quotes
_OPEN_DOUBLE, _CLOSE_DOUBLE = "“", "”"
_CLOSERS = "\"'”’)]»"
_OPENERS = "\"'“‘([«"
_TERMINAL = re.compile(r"(?:\.\.\.|…|[.!?])+")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.'’]*)$")


_QUOTE_MARK = re.compile(r"“|”|\"|''|«|»")


def _quotations(text):
    """(spans, open_at_end) for quote_spans() and ends_inside_quote()."""
    spans, opened = [], None
    for match in _QUOTE_MARK.finditer(text):
        mark = match.group()
        if mark in ("“", "«"):
            if opened is None:
                opened = match.start()
        elif mark in ("”", "»"):
            if opened is not None:
                spans.append((opened, match.end()))
                opened = None
        elif opened is None:
            opened = match.start()
        else:
            spans.append((opened, match.end()))
            opened = None
    if opened is not None:
        before = text[:opened].rstrip()
        if not before or before[-1] in ".!?:…" or before.endswith(("”", '"', "''")):
            spans.append((opened, len(text)))
            return spans, True
    return spans, False


def quote_spans(text):
    """[(start, end), …] of the double-quoted passages in `text`, quote marks included.

    Curly, straight and doubled-apostrophe ('') marks count. A quotation still open at the
    end is kept when it opens a sentence: the convention for a quotation that goes on into
    the next paragraph.
    """
    return _quotations(text)[0]


def ends_inside_quote(text):
    """Whether a paragraph ends inside a quotation that goes on into the next one."""
    return _quotations(text)[1]


_HEADING_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_SMALL_WORDS = frozenset(
    "a an the and or but nor of for to in on at by with from as is are was were be it its "
    "vs via per into onto over under up".split()
)
# A dateline opening the story proper: "WASHINGTON (AP) —", "LANSING, Mich. —", "CAIRO -".
DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’-]+(?:[ /][A-Z][A-Z.'’-]+)*)(?:,\s+(?P<region>[A-Z][\w.]*"
    r"(?:\s+[A-Z][\w.]*)?))?(?:,?\s+(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s+\d{4})?))?"
    r"(?:\s+\((?P<outlet>[A-Za-z][\w .&-]{0,40})\))?\s*[—–-]+\s+"
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


def dateline_end(paragraph):
    """The offset where the story starts after a dateline ("CAIRO (Reuters) - "), else 0."""
    match = DATELINE.match(paragraph)
    if not match or len(match.group("place")) < 3 or not match.group("place").isupper():
        return 0
    return match.end()


def _inside(spans, pos):
    return any(a < pos < b for a, b in spans)


def _is_abbreviation(text, dot, following):
    """Whether the period at `dot` belongs to an abbreviation rather than ending a sentence."""
    match = _WORD_BEFORE.search(text, 0, dot)
    if not match:
        return False
    word = match.group(1).rstrip(".").lower()
    if word in TITLE_ABBREVIATIONS:
        return True
    next_word = re.match(r"[\w'’]+", text[following:])
    next_word = next_word.group() if next_word else ""
    initial = len(word) == 1 and match.group(1)[0].isupper()
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
        if end > match.end() and _ATTRIBUTION_AFTER.match(text, following):
            continue  # "“Why?” Okonjo told reporters.": the quotation's attribution follows
        if match.group() == "." and _is_abbreviation(text, match.start(), following):
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


@lru_cache(maxsize=16)
def layout(body):
    """(Paragraph, …) of a body: its paragraphs, quotations and sentences."""
    paragraphs = []
    for number, (pa, pb) in enumerate(paragraph_spans(body)):
        text = body[pa:pb]
        if is_heading(text):
            paragraphs.append(Paragraph(pa, text, text, (), (), heading=True))
            continue
        skip = dateline_end(text) if number == 0 else 0
        spans, runs_on = _quotations(text)
        sentences = []
        for sa, sb in split_sentences(text):
            sa = max(sa, skip)
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
