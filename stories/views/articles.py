"""An article's page: its text with each statement marked and footnoted, its correction
log, and its structured data."""

from django.shortcuts import get_object_or_404, render

from stories import structured_data
from stories.models import Article, ArticleStatus, Verdict
from stories.rendering import Run, marked_paragraphs
from stories.views import common


def _placed(span, body):
    return not span.orphaned and 0 <= span.start < span.end <= len(body) and span.is_placed(body)


def _split_at_corrections(paragraphs, body, corrections):
    """The runs cut again where corrections start and end. Each run gets `corrected` (the
    correction covering it, or None) and `corrections_ending` (those whose ref follows it)."""
    if not corrections:
        for run in (run for paragraph in paragraphs for run in paragraph):
            run.corrected, run.corrections_ending, run.correction_first = None, [], False
        return paragraphs
    started, result, pos = set(), [], 0
    for paragraph in paragraphs:
        runs = []
        for run in paragraph:
            pos = body.index(run.text, pos)
            start, end = pos, pos + len(run.text)
            cuts = {start, end}
            for correction in corrections:
                cuts.update(
                    edge for edge in (correction.start, correction.end) if start < edge < end
                )
            bounds = sorted(cuts)
            for n, (a, b) in enumerate(zip(bounds, bounds[1:], strict=False)):
                piece = Run(body[a:b], run.statement, run.first and n == 0)
                covering = [c for c in corrections if c.start <= a and b <= c.end]
                piece.corrected = min(covering, key=lambda c: c.end - c.start, default=None)
                piece.correction_first = bool(piece.corrected and piece.corrected.pk not in started)
                if piece.corrected is not None:
                    started.add(piece.corrected.pk)
                piece.corrections_ending = [c for c in corrections if c.end == b]
                runs.append(piece)
            pos = end
        result.append(runs)
    return result


def footnoted(body, statements, corrections=()):
    """The body's paragraphs of runs, and the statements numbered in reading order.

    Each statement's footnote reference follows its last run (run.last). A statement whose
    span no longer fits the body is not marked; its note comes last and carries its anchor.
    Corrections whose words are still in the body are marked too (see _split_at_corrections).
    """
    placed_corrections = [c for c in corrections if _placed(c, body)]
    for correction in corrections:
        correction.placed = correction in placed_corrections
    paragraphs = _split_at_corrections(
        marked_paragraphs(body, statements), body, placed_corrections
    )
    last, in_order = {}, []
    for run in (run for paragraph in paragraphs for run in paragraph):
        run.last = False
        if run.statement is not None:
            last[run.statement.pk] = run
            if run.first:
                in_order.append(run.statement)
    for run in last.values():
        run.last = True
    for statement in statements:
        statement.placed = statement.pk in last
    notes = in_order + [statement for statement in statements if not statement.placed]
    for number, statement in enumerate(notes, 1):
        statement.number = number
    return paragraphs, notes


@common.reader_page
def article_detail(request, slug):
    articles = Article.objects.visible_to(request.user).for_article_page()
    article = get_object_or_404(articles, slug=slug)
    statements = list(article.statements.for_article_page())
    corrections = list(article.corrections.for_article_page())
    for number, correction in enumerate(corrections, 1):
        correction.number = number
    paragraphs, notes = footnoted(article.body, statements, corrections)
    description = article.dek or (article.paragraphs or [article.headline])[0]
    context = {
        "article": article,
        "is_draft": article.status == ArticleStatus.DRAFT,
        "paragraphs": paragraphs,
        "notes": notes,
        "corrections": corrections,
        "tally": common.verdict_tally(statements),
        "verdicts": list(Verdict),
        "json_ld": structured_data.script(
            structured_data.article_page(article, statements, request)
        ),
        "og_type": "article",
        "section": "stories",
        **common.page_meta(request, article.headline, description),
    }
    return render(request, "stories/article_detail.html", context)
