"""Claims: the list, and a claim's page with every statement that asserts it, the chain by
which each reached its outlet, and the claims it contradicts, supports or corrects."""

from django.shortcuts import get_object_or_404, render

from stories import structured_data
from stories.filters import ClaimFilter
from stories.models import Claim, Statement, Verdict
from stories.views import common
from stories.views.stories import RELATION_INVERSE


@common.reader_page
def claim_list(request):
    claims = Claim.objects.visible_to(request.user).for_claim_list(request.user)
    filterset = ClaimFilter(request.GET or None, queryset=claims, request=request)
    page = common.paginate(request, filterset.qs, common.CLAIMS_PER_PAGE)
    context = {
        "filter": filterset,
        "filtered": common.is_filtered(request, filterset),
        "page": page,
        "section": "claims",
        **common.page_meta(
            request,
            "Claims",
            "What the news asserts, grouped across outlets, with our verdict on each claim.",
            page,
        ),
    }
    return render(request, "stories/claim_list.html", context)


@common.reader_page
def claim_detail(request, slug):
    shown = Claim.objects.visible_to(request.user)
    claim = get_object_or_404(shown.for_claim_page(), slug=slug)
    statements = list(
        Statement.objects.visible_to(request.user).filter(claim=claim).for_claim_page()
    )
    relations = []
    for relation in shown.relations_of([claim.pk]):
        if relation.claim_id == claim.pk:
            relations.append((relation.get_kind_display(), relation.other, relation.note))
        else:
            words = RELATION_INVERSE.get(relation.kind, relation.kind)
            relations.append((words, relation.claim, relation.note))
    stories, by_article = [], {}
    for statement in statements:
        story = statement.article.story
        if story is not None and story not in stories:
            stories.append(story)
        by_article.setdefault(statement.article, []).append(statement)
    outlets = {s.article.outlet_id or f"article-{s.article_id}" for s in statements}
    verdict = Verdict(claim.verdict)
    data = structured_data.claim_page(claim, statements, request)
    context = {
        "claim": claim,
        "verdict": verdict,
        "statements": statements,
        "by_article": list(by_article.items()),
        "relations": relations,
        "stories": stories,
        "outlet_count": len(outlets),
        "tally": common.verdict_tally(statements),
        "json_ld": structured_data.script(data) if data else "",
        "section": "claims",
        **common.page_meta(
            request,
            claim.text,
            claim.note
            or f"Our verdict: {verdict.label}. Which outlets reported it, who said it, and "
            "how it reached them.",
        ),
    }
    return render(request, "stories/claim_detail.html", context)
