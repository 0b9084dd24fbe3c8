"""Statements: the list, a statement's permanent address, and its W3C Web Annotation."""

import json

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from stories import structured_data
from stories.filters import StatementFilter
from stories.models import Statement
from stories.views import common

ANNOTATION_TYPE = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"'


@common.reader_page
def statement_list(request):
    statements = Statement.objects.visible_to(request.user).for_list()
    filterset = StatementFilter(request.GET or None, queryset=statements, request=request)
    page = common.paginate(request, filterset.qs, common.STATEMENTS_PER_PAGE)
    context = {
        "filter": filterset,
        "filtered": common.is_filtered(request, filterset),
        "page": page,
        "section": "statements",
        **common.page_meta(
            request,
            "Statements",
            "Every statement marked in the articles we follow: who said it, how it reached "
            "the outlet, and our verdict.",
            page,
        ),
    }
    return render(request, "stories/statement_list.html", context)


def statement_detail(request, pk):
    """A statement's permanent address: its place in the article's text."""
    statements = Statement.objects.visible_to(request.user).select_related("article")
    return redirect(get_object_or_404(statements, pk=pk))


@common.reader_page
def statement_annotation(request, pk):
    """The statement as a W3C Web Annotation (JSON-LD, motivation "assessing")."""
    statements = Statement.objects.visible_to(request.user).for_annotation()
    statement = get_object_or_404(statements, pk=pk)
    data = structured_data.web_annotation(statement, request)
    body = json.dumps(data, ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type=ANNOTATION_TYPE)
    response["Link"] = '<http://www.w3.org/ns/ldp#Resource>; rel="type"'
    response["Access-Control-Allow-Origin"] = "*"
    return response
