"""Searching the lists: full-text search on PostgreSQL, a plain fallback on SQLite.

CI runs the suite on both databases, so each test here passes on either; the tests of the
generated SQL check the path of the database in use.
"""

import pytest
from django.db import connection

from stories import search
from stories.models import ArticleStatus, Statement, Story
from tests.factories import (
    make_article,
    make_claim,
    make_source,
    make_statement,
    make_story,
)

pytestmark = pytest.mark.django_db

POSTGRES = connection.vendor == "postgresql"


def quotes(response):
    return [statement.quote for statement in response.context["page"]]


@pytest.fixture
def statements():
    article = make_article()
    bridge = make_statement(article, source=make_source("Jane Minister"))
    budget = make_statement(article, "Critics said the project was over budget.")
    return bridge, budget


def test_search_finds_statements_by_their_words(client, statements):
    assert quotes(client.get("/statements/?q=bridge")) == [statements[0].quote]
    assert quotes(client.get("/statements/?q=budget")) == [statements[1].quote]


def test_every_word_must_match(client, statements):
    assert quotes(client.get("/statements/?q=minister+bridge")) == [statements[0].quote]
    assert quotes(client.get("/statements/?q=bridge+budget")) == []


def test_search_ignores_case_and_finds_the_source_by_name(client, statements):
    assert quotes(client.get("/statements/?q=JANE")) == [statements[0].quote]


def test_search_of_stories_also_looks_at_their_articles_headlines(client):
    story = make_story("Infrastructure")
    make_article("Bridge opens in May", story=story)
    make_article("Secret bridge plan", story=make_story("Hidden"), status=ArticleStatus.DRAFT)
    titles = [s.title for s in client.get("/?q=bridge").context["page"]]
    assert titles == ["Infrastructure"]


def test_search_of_claims_looks_at_their_text_and_their_statements(client):
    article = make_article()
    by_text = make_claim("Bridge opens in May", [make_statement(article)])
    by_quote = make_claim(
        "Spending", [make_statement(article, "Critics said the project was over budget.")]
    )
    found = [c.text for c in client.get("/claims/?q=bridge").context["page"]]
    assert found == [by_text.text]
    found = [c.text for c in client.get("/claims/?q=budget").context["page"]]
    assert found == [by_quote.text]


def test_search_of_sources_looks_at_aliases(client):
    source = make_source("Yuri Ushakov", aliases=["Yury Ushakov"])
    make_statement(source=source)
    names = [s.name for s in client.get("/sources/?q=yury").context["page"]]
    assert names == ["Yuri Ushakov"]


@pytest.mark.parametrize("text", ['"', "'", "&", "-", "!!", "a | b", "(", "bridge:*", "\x00"])
def test_odd_queries_never_fail(client, statements, text):
    assert client.get("/statements/", {"q": text}).status_code == 200


def test_a_query_is_cleaned_and_shortened():
    assert search.clean_query("  many\tspaced\nwords\x00 ") == "many spaced words"
    assert len(search.clean_query("x" * 500)) == search.MAX_QUERY_LENGTH


def test_empty_query_leaves_the_rows_alone(statements):
    rows = Statement.objects.all()
    assert search.matching(rows, "  ", ["quote"]) is rows


def test_the_search_uses_the_databases_own_path(statements):
    sql = str(search.matching(Statement.objects.all(), "bridge", ["quote"]).query).lower()
    if POSTGRES:
        assert "to_tsvector" in sql and "websearch_to_tsquery" in sql
    else:
        assert "like" in sql and "to_tsvector" not in sql


@pytest.mark.skipif(not POSTGRES, reason="stemming is PostgreSQL full-text search's")
def test_full_text_search_finds_other_forms_of_a_word(client):
    make_article("Putin invited to Washington", story=make_story("Summit"))
    make_article("Budget talks", story=make_story("Budget"))
    titles = [s.title for s in client.get("/?q=summits").context["page"]]  # "summit"
    assert titles == ["Summit"]


@pytest.mark.skipif(POSTGRES, reason="the fallback is used where full-text search is not")
def test_fallback_matches_parts_of_words(statements):
    found = search.matching(Statement.objects.all(), "minis", ["quote"])
    assert list(found) == [statements[0]]


def test_search_runs_as_one_subquery(django_assert_num_queries, statements):
    with django_assert_num_queries(1):
        list(search.matching(Story.objects.all(), "bridge", ["title", "summary"]))
