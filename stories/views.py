"""Public pages: the stories, a story, an article with its marked statements, a source, an entity.

Every page goes through a visible_to(request.user) gate, so drafts reach only the editors who
may change them, and loads its rows with QuerySet shape methods: templates run no queries.
"""

from collections import Counter

from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import get_object_or_404, render
from django.utils.text import Truncator

from stories import structured_data
from stories.filters import StoryFilter
from stories.models import (
    Article,
    ArticleStatus,
    Entity,
    Source,
    SourceKind,
    Statement,
    Story,
    Verdict,
)
from stories.rendering import marked_paragraphs

STORIES_PER_PAGE = 20
ARTICLES_PER_PAGE = 20
STATEMENTS_PER_PAGE = 25
OUTLET_ARTICLES = 10  # an outlet's page lists its latest articles
DESCRIPTION_LENGTH = 160

# The story page groups its statements by verdict: checked ones first, unchecked last.
VERDICT_GROUPS = [*(v for v in Verdict if v != Verdict.UNCHECKED), Verdict.UNCHECKED]


def page_meta(request, title, description, page=None):
    """The title, description and canonical URL shown in every page's head.

    The canonical URL is the page's path without its query string, except a page number.
    """
    canonical = request.build_absolute_uri(request.path)
    if page is not None and page.number > 1:
        canonical += f"?page={page.number}"
        title = f"{title}, page {page.number}"
    description = Truncator(" ".join(description.split())).chars(DESCRIPTION_LENGTH)
    return {"title": title, "description": description, "canonical_url": canonical}


def verdict_tally(statements):
    """[(Verdict, count), …] in Verdict order for loaded statements, skipping zeros."""
    counts = Counter(statement.verdict for statement in statements)
    return [(verdict, counts[verdict]) for verdict in Verdict if counts[verdict]]


def story_list(request):
    stories = Story.objects.visible_to(request.user).for_home_page(request.user)
    filterset = StoryFilter(request.GET or None, queryset=stories, request=request)
    page = Paginator(filterset.qs, STORIES_PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "filter": filterset,
        "filtered": any(request.GET.get(name) for name in filterset.filters),
        "page": page,
        **page_meta(
            request,
            "Stories",
            "The stories we follow, the statements in their articles, who made them, "
            "and whether they hold up.",
            page,
        ),
    }
    return render(request, "stories/story_list.html", context)


def story_detail(request, slug):
    story = get_object_or_404(Story.objects.visible_to(request.user), slug=slug)
    articles = Article.objects.visible_to(request.user).filter(story=story)
    statements = Statement.objects.visible_to(request.user).filter(article__story=story)
    statements = list(statements.for_list())
    groups = {verdict: [] for verdict in VERDICT_GROUPS}
    for statement in statements:
        groups[statement.verdict_choice].append(statement)
    context = {
        "story": story,
        "articles": articles.for_list().with_verdict_counts(),
        "verdict_groups": [(verdict, items) for verdict, items in groups.items() if items],
        "tally": verdict_tally(statements),
        "statement_count": len(statements),
        **page_meta(
            request,
            story.title,
            story.summary or f"The articles on {story.title} and the statements in them.",
        ),
    }
    return render(request, "stories/story_detail.html", context)


def footnoted(body, statements):
    """The body's paragraphs of runs, and the statements numbered in reading order.

    Each statement's footnote reference follows its last run (run.last). A statement whose
    span no longer fits the body is not marked; its note comes last and carries its anchor.
    """
    paragraphs = marked_paragraphs(body, statements)
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


def article_detail(request, slug):
    articles = Article.objects.visible_to(request.user).for_article_page()
    article = get_object_or_404(articles, slug=slug)
    statements = list(article.statements.for_article_page())
    paragraphs, notes = footnoted(article.body, statements)
    description = article.dek or (article.paragraphs or [article.headline])[0]
    context = {
        "article": article,
        "is_draft": article.status == ArticleStatus.DRAFT,
        "paragraphs": paragraphs,
        "notes": notes,
        "tally": verdict_tally(statements),
        "verdicts": list(Verdict),
        "json_ld": structured_data.script(
            structured_data.article_page(article, statements, request)
        ),
        "og_type": "article",
        **page_meta(request, article.headline, description),
    }
    return render(request, "stories/article_detail.html", context)


def source_detail(request, slug):
    source = get_object_or_404(Source.objects.visible_to(request.user).for_list(), slug=slug)
    visible = Statement.objects.visible_to(request.user)
    # The track record counts what the source said; the list also shows what it relayed.
    said = visible.filter(source=source)
    listed = visible.filter(Q(source=source) | Q(via=source)).for_list()
    page = Paginator(listed, STATEMENTS_PER_PAGE).get_page(request.GET.get("page"))
    is_anonymous = source.kind == SourceKind.ANONYMOUS
    is_outlet = source.kind == SourceKind.OUTLET
    articles = []
    if is_outlet:
        published = Article.objects.visible_to(request.user).filter(outlet=source)
        articles = published.for_list()[:OUTLET_ARTICLES]
    who = "An unnamed source" if is_anonymous else source.name
    if source.role:
        who = f"{who}, {source.role}"
    description = source.description or f"{who}: the statements attributed, and our verdicts."
    context = {
        "source": source,
        "is_anonymous": is_anonymous,
        "is_outlet": is_outlet,
        "articles": articles,
        "tally": said.count_by_verdict(),
        "page": page,
        **page_meta(request, source.name, description, page),
    }
    return render(request, "stories/source_detail.html", context)


def entity_detail(request, slug):
    entity = get_object_or_404(Entity.objects.visible_to(request.user), slug=slug)
    articles = Article.objects.visible_to(request.user).filter(tags=entity)
    articles = articles.for_list().with_verdict_counts()
    page = Paginator(articles, ARTICLES_PER_PAGE).get_page(request.GET.get("page"))
    description = entity.description or f"Articles about {entity.name}, and what they claim."
    context = {"entity": entity, "page": page, **page_meta(request, entity.name, description, page)}
    return render(request, "stories/entity_detail.html", context)
