"""The home page's list of stories, and a story's page: its claim ledger, how each outlet
told it, and the timeline of its articles."""

from dataclasses import dataclass, field

from django.db.models import Q
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from stories.filters import StoryFilter
from stories.models import (
    Article,
    Claim,
    Correction,
    RelationKind,
    Statement,
    Story,
    Verdict,
)
from stories.templatetags.reader import outlet_name
from stories.views import common

# How a relation reads from the other claim's side.
RELATION_INVERSE = {
    RelationKind.CONTRADICTS: "contradicted by",
    RelationKind.SUPPORTS: "supported by",
    RelationKind.CORRECTS: "corrected by",
}


@common.reader_page
def story_list(request):
    stories = Story.objects.visible_to(request.user).for_home_page(request.user)
    filterset = StoryFilter(request.GET or None, queryset=stories, request=request)
    page = common.paginate(request, filterset.qs, common.STORIES_PER_PAGE)
    context = {
        "filter": filterset,
        "filtered": common.is_filtered(request, filterset),
        "page": page,
        "section": "stories",
        **common.page_meta(
            request,
            "Stories",
            "The stories we follow, the statements in their articles, who made them, "
            "and whether they hold up.",
            page,
        ),
    }
    return render(request, "stories/story_list.html", context)


@dataclass
class LedgerRow:
    """A claim of the story with the statements that assert it, or a statement of the story
    that no claim groups yet."""

    claim: Claim | None
    statements: list = field(default_factory=list)
    relations: list = field(default_factory=list)  # [(words, Claim, href)]

    @property
    def anchor(self):
        if self.claim is not None:
            return f"claim-{self.claim.slug}"
        return f"ledger-{self.statements[0].anchor}"

    @property
    def verdict(self):
        return Verdict(self.claim.verdict if self.claim else self.statements[0].verdict)

    @property
    def text(self):
        return self.claim.text if self.claim else self.statements[0].quote

    @property
    def note(self):
        return self.claim.note if self.claim else self.statements[0].note

    @property
    def checked(self):
        return self.verdict != Verdict.UNCHECKED

    @property
    def outlets(self):
        """The names of the outlets that reported it, each once, in order."""
        names = []
        for statement in self.statements:
            name = outlet_name(statement.article)
            if name not in names:
                names.append(name)
        return names


def claim_ledger(statements, relations):
    """[LedgerRow, …]: checked claims, then checked statements, then the unchecked, each in
    the order the story first reported them. `statements` are in reading order."""
    rows, by_claim = [], {}
    for statement in statements:
        if statement.claim_id is None:
            rows.append(LedgerRow(None, [statement]))
        elif statement.claim_id in by_claim:
            by_claim[statement.claim_id].statements.append(statement)
        else:
            by_claim[statement.claim_id] = LedgerRow(statement.claim, [statement])
            rows.append(by_claim[statement.claim_id])
    for relation in relations:
        for here, there, words in (
            (relation.claim, relation.other, relation.get_kind_display()),
            (relation.other, relation.claim, RELATION_INVERSE.get(relation.kind, relation.kind)),
        ):
            row = by_claim.get(here.pk)
            if row is not None:
                href = f"#claim-{there.slug}" if there.pk in by_claim else there.get_absolute_url()
                row.relations.append((words, there, href))
    order = {id(row): n for n, row in enumerate(rows)}
    return sorted(rows, key=lambda row: (not row.checked, row.claim is None, order[id(row)]))


def side_by_side(rows, articles, corrections):
    """For each claim, and each checked statement, reported in this story's articles: a cell
    per article with its statements ([] where the article does not report it) and their
    verdicts [(Verdict, first statement, how many)]; and each article's totals."""
    columns = {article.pk: n for n, article in enumerate(articles)}
    table = []
    for row in rows:
        if row.claim is None and not row.checked:
            continue  # in one article only, and not yet checked: the ledger lists it
        cells = [{"article": article, "statements": [], "verdicts": []} for article in articles]
        for statement in row.statements:
            if statement.article_id in columns:
                cell = cells[columns[statement.article_id]]
                cell["statements"].append(statement)
                for n, (verdict, first, count) in enumerate(cell["verdicts"]):
                    if verdict == statement.verdict:
                        cell["verdicts"][n] = (verdict, first, count + 1)
                        break
                else:
                    cell["verdicts"].append((statement.verdict_choice, statement, 1))
        if any(cell["statements"] for cell in cells):
            table.append((row, cells))
    totals = []
    for n, article in enumerate(articles):
        reported = [cells[n]["statements"] for _, cells in table if cells[n]["statements"]]
        wrong = [
            s
            for statements in reported
            for s in statements
            if s.verdict in (Verdict.FALSE, Verdict.MISLEADING)
        ]
        totals.append(
            {
                "article": article,
                "reported": len(reported),
                "of": len(table),
                "wrong": len(wrong),
                "corrections": corrections.get(article.pk, []),
            }
        )
    return table, totals


def timeline(articles, rows, corrections):
    """[(article, [checked rows it was first in this story to report], corrections)], oldest
    first."""
    firsts = {}
    ids = {article.pk for article in articles}
    for row in rows:
        first = next((s for s in row.statements if s.article_id in ids), None)
        if first is not None and row.checked:
            firsts.setdefault(first.article_id, []).append(row)
    return [
        (article, firsts.get(article.pk, []), corrections.get(article.pk, []))
        for article in articles
    ]


@common.reader_page
def story_detail(request, slug):
    story = get_object_or_404(Story.objects.visible_to(request.user), slug=slug)
    articles = list(Article.objects.visible_to(request.user).filter(story=story).for_story_page())
    visible = Statement.objects.visible_to(request.user)
    in_story = visible.filter(article__story=story)
    claims = Claim.objects.filter(Q(story=story) | Q(pk__in=in_story.values("claim")))
    statements = list(
        visible.filter(Q(article__story=story) | Q(claim__in=claims)).for_story_page()
    )
    claim_ids = {s.claim_id for s in statements if s.claim_id}
    relations = []
    if claim_ids:
        relations = Claim.objects.visible_to(request.user).relations_of(claim_ids)
    corrections = {}
    for correction in Correction.objects.filter(article__in=articles).for_article_page():
        corrections.setdefault(correction.article_id, []).append(correction)

    rows = claim_ledger(statements, relations)
    table, totals = side_by_side(rows, articles, corrections)
    story_statements = [s for s in statements if s.article.story_id == story.pk]
    outlets = {article.outlet_id or f"article-{article.pk}" for article in articles}
    context = {
        "story": story,
        "articles": articles,
        "rows": rows,
        "checked_count": sum(row.checked for row in rows),
        "ledger": [row for row in rows if row.claim is not None or row.checked],
        "pending": [row for row in rows if row.claim is None and not row.checked],
        "claim_count": len(claim_ids),
        "table": table,
        "totals": totals,
        "timeline": timeline(articles, rows, corrections),
        "tally": common.verdict_tally(story_statements),
        "statement_count": len(story_statements),
        "outlet_count": len(outlets),
        "correction_count": sum(len(items) for items in corrections.values()),
        "feed_url": reverse("stories:story_feed_atom", args=[story.slug]),
        "section": "stories",
        **common.page_meta(
            request,
            story.title,
            story.summary
            or f"What is known about {story.title}: the claims, who made them, how each "
            "outlet reported them and whether they hold up.",
        ),
    }
    return render(request, "stories/story_detail.html", context)
