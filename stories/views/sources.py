"""Sources and entities: the list of sources, a source's track record, an outlet's page,
and an entity's page."""

from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from stories.filters import SourceFilter
from stories.models import Article, Entity, Source, SourceKind, Statement, Story, Verdict
from stories.views import common


@common.reader_page
def source_list(request):
    sources = Source.objects.visible_to(request.user).shared().for_source_list(request.user)
    filterset = SourceFilter(request.GET or None, queryset=sources, request=request)
    page = common.paginate(request, filterset.qs, common.SOURCES_PER_PAGE)
    context = {
        "filter": filterset,
        "filtered": common.is_filtered(request, filterset),
        "page": page,
        "section": "sources",
        **common.page_meta(
            request,
            "Sources",
            "The people, organisations and outlets quoted in the news we follow, and the "
            "track record of what they said.",
            page,
        ),
    }
    return render(request, "stories/source_list.html", context)


def track_record(said):
    """The counts behind a source's track record, from [(Verdict, count), …] of what it said."""
    counts = dict(said)
    total = sum(counts.values())
    checked = total - counts.get(Verdict.UNCHECKED, 0)
    rows = [(verdict, counts.get(verdict, 0)) for verdict in common.CHECKED_VERDICTS]
    return {"total": total, "checked": checked, "rows": rows}


def appearances(statements):
    """[{outlet, statements, articles}]: where the source's words appeared, most first."""
    rows = (
        statements.order_by()
        .values("article__outlet__name", "article__outlet__slug")
        .annotate(statements=Count("pk"), articles=Count("article", distinct=True))
        .order_by("-statements", "article__outlet__name")
    )
    return [
        {
            "name": row["article__outlet__name"] or "Outlet not recorded",
            "url": reverse("stories:source_detail", args=[row["article__outlet__slug"]])
            if row["article__outlet__slug"]
            else "",
            "statements": row["statements"],
            "articles": row["articles"],
        }
        for row in rows
    ]


@common.reader_page
def source_detail(request, slug):
    visible_sources = Source.objects.visible_to(request.user)
    source = get_object_or_404(visible_sources.for_list(), slug=slug)
    visible = Statement.objects.visible_to(request.user)
    # The track record counts what the source said; the list also shows what it relayed.
    said = visible.filter(source=source)
    listed = visible.filter(Q(source=source) | Q(via=source))
    page = common.paginate(request, listed.for_list(), common.STATEMENTS_PER_PAGE)
    is_anonymous = source.kind == SourceKind.ANONYMOUS
    is_outlet = source.kind == SourceKind.OUTLET
    articles = []
    if is_outlet:
        published = Article.objects.visible_to(request.user).filter(outlet=source)
        articles = published.for_list()[: common.OUTLET_ARTICLES]
    who = "An unnamed source" if is_anonymous else source.name
    if source.role:
        who = f"{who}, {source.role}"
    description = source.description or f"{who}: the statements attributed, and our verdicts."
    record = track_record(said.count_by_verdict())
    context = {
        "source": source,
        "is_anonymous": is_anonymous,
        "is_outlet": is_outlet,
        "articles": articles,
        "record": record,
        "members": list(visible_sources.filter(affiliation=source).order_by("name")),
        "appearances": appearances(listed) if page.paginator.count else [],
        "page": page,
        "section": "sources",
        **common.page_meta(request, source.name, description, page),
    }
    return render(request, "stories/source_detail.html", context)


@common.reader_page
def entity_detail(request, slug):
    entity = get_object_or_404(Entity.objects.visible_to(request.user), slug=slug)
    articles = Article.objects.visible_to(request.user).filter(tags=entity)
    stories = Story.objects.visible_to(request.user).filter(pk__in=articles.values("story"))
    page = common.paginate(
        request, articles.for_list().with_verdict_counts(), common.ARTICLES_PER_PAGE
    )
    description = entity.description or f"Articles about {entity.name}, and what they claim."
    context = {
        "entity": entity,
        "page": page,
        "stories": list(stories.for_list()[:10]),
        "section": "stories",
        **common.page_meta(request, entity.name, description, page),
    }
    return render(request, "stories/entity_detail.html", context)
