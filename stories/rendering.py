"""Cutting an article body into paragraphs of runs, each run marked with its statement.

Shared by the public article page and the admin's highlighted body. Statements
may overlap or nest (an editor can mark a quote inside a marked sentence); each
run then belongs to the innermost (shortest) statement covering it. A statement
that runs across paragraphs gives a run in each.
"""

from dataclasses import dataclass


@dataclass
class Run:
    text: str
    statement: object = None  # the innermost Statement covering this run, or None
    first: bool = False  # True on the first run of its statement (where its anchor goes)


def _placed(span, body):
    """Only a span that stands on its own words is marked: never an orphan, never a
    span whose quote no longer matches the body."""
    if getattr(span, "orphaned", False) or not 0 <= span.start < span.end <= len(body):
        return False
    quote = getattr(span, "quote", None)
    return quote is None or body[span.start : span.end] == quote


def marked_paragraphs(body, statements):
    """[[Run, …], …]: the body's paragraphs (split on blank lines), cut at statement edges."""
    statements = [s for s in statements if _placed(s, body)]
    cuts = {0, len(body)}
    for statement in statements:
        cuts.update((statement.start, statement.end))
    pos = 0
    while (pos := body.find("\n\n", pos)) != -1:
        end = pos
        while end < len(body) and body[end] == "\n":
            end += 1
        cuts.update((pos, end))
        pos = end
    bounds = sorted(cuts)

    paragraphs, current, seen = [], [], set()
    for start, end in zip(bounds, bounds[1:], strict=False):
        text = body[start:end]
        if text.strip("\n") == "" and "\n\n" in text:
            if current:
                paragraphs.append(current)
                current = []
            continue
        covering = [s for s in statements if s.start <= start and end <= s.end]
        statement = min(covering, key=lambda s: (s.end - s.start, s.start), default=None)
        first = statement is not None and statement.pk not in seen
        if statement is not None:
            seen.add(statement.pk)
        if current and current[-1].statement is statement and statement is not None:
            current[-1].text += text
        else:
            current.append(Run(text, statement, first))
    if current:
        paragraphs.append(current)
    return paragraphs
