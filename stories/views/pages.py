"""The pages around the lists: search across them, "How we check", robots.txt, favicon."""

from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from stories import search as searching
from stories.filters import ClaimFilter, SourceFilter, StatementFilter, StoryFilter
from stories.models import Claim, RelationKind, Source, Statement, Story, Verdict
from stories.views import common

SEARCH_RESULTS = 5  # per kind of result; the rest are a link away


@common.reader_page
def search(request):
    """One query run over stories, claims, statements and sources, a few of each."""
    text = searching.clean_query(request.GET.get("q", ""))
    user = request.user
    sections = []
    if text:
        query = {"q": text}
        kinds = [
            (
                "Stories",
                "stories:story_list",
                StoryFilter,
                Story.objects.visible_to(user).for_list(),
            ),
            (
                "Claims",
                "stories:claim_list",
                ClaimFilter,
                Claim.objects.visible_to(user).for_claim_list(user),
            ),
            (
                "Statements",
                "stories:statement_list",
                StatementFilter,
                Statement.objects.visible_to(user).for_list(),
            ),
            (
                "Sources",
                "stories:source_list",
                SourceFilter,
                Source.objects.visible_to(user).shared().for_source_list(user),
            ),
        ]
        for title, url_name, filter_class, rows in kinds:
            matches = filter_class(query, queryset=rows, request=request).qs
            found = list(matches[: SEARCH_RESULTS + 1])
            count = len(found) if len(found) <= SEARCH_RESULTS else matches.count()
            sections.append(
                {
                    "title": title,
                    "kind": title.lower(),
                    "rows": found[:SEARCH_RESULTS],
                    "count": count,
                    "url": reverse(url_name),
                }
            )
    context = {
        "q": text,
        "sections": sections,
        "total": sum(section["count"] for section in sections),
        "section": "search",
        **common.page_meta(
            request,
            f"Search: {text}" if text else "Search",
            "Search the stories, claims, statements and sources we follow.",
        ),
    }
    return render(request, "stories/search.html", context)


@common.reader_page
def how_we_check(request):
    context = {
        "verdicts": list(Verdict),
        "relations": list(RelationKind),
        "section": "how",
        **common.page_meta(
            request,
            "How we check",
            "What each verdict means, how we choose and check statements, how a claim "
            "reaches an outlet, and how we correct our own work.",
        ),
    }
    return render(request, "stories/how_we_check.html", context)


@require_GET
@cache_control(public=True, max_age=86400)
def robots_txt(request):
    sitemap = request.build_absolute_uri(reverse("stories:sitemap"))
    return render(request, "robots.txt", {"sitemap": sitemap}, content_type="text/plain")


@require_GET
def favicon(request):
    return redirect(static("favicon.ico"), permanent=True)
