"""Re-anchoring: moving statements and corrections to where their words now stand.

When an article's body changes, each span is looked for in the new body: first its
exact quote (the occurrence whose surrounding text matches best, then the one
nearest its old place), then the best fuzzy match, scored on the quote, the text
either side and the distance from the old place, as annotators such as Hypothesis
do. A span that cannot be placed with confidence is marked orphaned for an editor:
it is never dropped and never moved onto other words.
"""

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from rapidfuzz import fuzz

# A fuzzy match must be this close to the old quote, and score this well overall.
MIN_QUOTE_SIMILARITY = 0.85
MIN_SCORE = 0.85
ROUGH_SIMILARITY = 0.6  # enough to find the region worth a closer look
MIN_CONTEXT = 0.5  # an exact match of a short or repeated quote needs this much context
SELF_EVIDENT_LENGTH = 40  # a quote this long, found once, is its own evidence


@dataclass
class Place:
    start: int
    end: int
    score: float


def _similarity(a, b):
    if not a and not b:
        return 1.0
    return fuzz.ratio(a, b) / 100


def _context_score(span, body, start, end):
    before = body[max(0, start - len(span.prefix)) : start]
    after = body[end : end + len(span.suffix)]
    return (_similarity(span.prefix, before) + _similarity(span.suffix, after)) / 2


def _closeness(expected, start, length):
    return 1 - min(abs(start - expected) / max(length, 1), 1)


def _word_edges(body, lo, hi, *, starts):
    """Word starts (or ends) between lo and hi, nearest the middle first, at most 40."""
    lo, hi = max(0, lo), min(len(body), hi)
    if starts:
        edges = [
            i for i in range(lo, hi) if not body[i].isspace() and (i == 0 or body[i - 1].isspace())
        ]
    else:
        edges = [
            i
            for i in range(max(lo, 1), hi + 1)
            if not body[i - 1].isspace() and (i == len(body) or body[i].isspace())
        ]
    middle = (lo + hi) / 2
    return sorted(edges, key=lambda i: abs(i - middle))[:40]


def _best_window(quote, body, start, end):
    """The stretch of whole words around start–end that is most like the quote."""
    reach = max(len(quote) // 2, 16)
    best, best_ratio = (start, end), -1.0
    for s in _word_edges(body, start - reach, start + reach, starts=True):
        for e in _word_edges(body, end - reach, end + reach, starts=False):
            if e <= s:
                continue
            ratio = fuzz.ratio(quote, body[s:e], score_cutoff=best_ratio)
            if ratio > best_ratio:
                best, best_ratio = (s, e), ratio
    return best


def locate(span, body, old_length=None):
    """Where span.quote now stands in `body`, as a Place, or None if it cannot be placed."""
    quote = span.quote
    if not quote:
        return None
    old_length = old_length or len(body)
    expected = round(span.start * len(body) / max(old_length, 1))
    hits, pos = [], body.find(quote)
    while pos != -1:
        hits.append(pos)
        pos = body.find(quote, pos + 1)
    if hits:
        best = max(
            hits,
            key=lambda h: (
                round(_context_score(span, body, h, h + len(quote)), 3),
                _closeness(expected, h, len(body)),
            ),
        )
        context = _context_score(span, body, best, best + len(quote))
        # The same words elsewhere are not the statement: a short or repeated quote keeps
        # its place only where the text around it still matches.
        if context >= MIN_CONTEXT or (len(hits) == 1 and len(quote) >= SELF_EVIDENT_LENGTH):
            return Place(best, best + len(quote), 1.0)
        return None
    if len(quote) > len(body):
        return None
    # A window the quote's length finds the region; insertions or cuts inside the quote
    # then need the window's edges moved to the words that fit best.
    aligned = fuzz.partial_ratio_alignment(quote, body, score_cutoff=ROUGH_SIMILARITY * 100)
    if aligned is None:
        return None
    start, end = _best_window(quote, body, aligned.dest_start, aligned.dest_end)
    quote_similarity = _similarity(quote, body[start:end])
    if quote_similarity < MIN_QUOTE_SIMILARITY:
        return None
    score = (
        0.7 * quote_similarity
        + 0.2 * _context_score(span, body, start, end)
        + 0.1 * _closeness(expected, start, len(body))
    )
    return Place(start, end, score) if score >= MIN_SCORE else None


def reanchor_article(article, old_body):
    """Moves the article's statements and corrections onto its new body; orphans the rest.

    Returns (moved, orphaned) counts. Every move is saved, so the change log records it.
    """
    body = article.body
    spans = [*article.statements.all(), *article.corrections.all()]
    pending = []
    orphaned = 0
    for span in spans:
        place = locate(span, body, len(old_body))
        if place is None:
            if not span.orphaned:
                span.orphaned = True
                span.save(update_fields=["orphaned"])
            orphaned += 1
        elif (place.start, place.end) != (span.start, span.end) or span.orphaned:
            pending.append((span, place))
        elif span.quote != body[place.start : place.end]:
            pending.append((span, place))
    moved = 0
    # Saving one span may need the place another still holds: retry until nothing moves.
    while pending:
        left = []
        for span, place in pending:
            try:
                with transaction.atomic():
                    span.set_span(place.start, place.end, body=body)
                    span.save()
                moved += 1
            except IntegrityError:
                left.append((span, place))
        if len(left) == len(pending):
            for span, _place in left:
                span.refresh_from_db()
                span.orphaned = True
                span.save(update_fields=["orphaned"])
                orphaned += 1
            break
        pending = left
    return moved, orphaned
