"""The filters of the public lists (stories, claims, statements, sources), through the URL."""

import datetime as dt

import pytest
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from stories.filters import StoryFilter
from stories.models import ArticleStatus, Story, Verdict
from stories.views import common as views
from tests.factories import (
    make_article,
    make_claim,
    make_editor,
    make_entity,
    make_outlet,
    make_source,
    make_statement,
    make_story,
)

pytestmark = pytest.mark.django_db


def when(days_ago):
    return timezone.now() - dt.timedelta(days=days_ago)


def titles(response):
    return [story.title for story in response.context["page"]]


@pytest.fixture
def stories():
    """Two stories that differ in entity, outlet, source, relay and verdict."""
    bridge = make_story("Bridge story")
    bridge_article = make_article(
        story=bridge, outlet=make_outlet("Daily Planet"), published_at=when(1)
    )
    bridge_article.tags.add(make_entity("Bridges"))
    make_statement(
        bridge_article,
        source=make_source("Jane Minister"),
        via=make_outlet("Wire Service"),
        verdict=Verdict.FALSE,
    )

    budget = make_story("Budget story")
    budget_article = make_article(
        story=budget, outlet=make_outlet("Evening Post"), published_at=when(2)
    )
    budget_article.tags.add(make_entity("Budgets"))
    make_statement(budget_article, source=make_source("Tom Treasurer"), verdict=Verdict.VERIFIED)
    return bridge, budget


def test_without_filters_every_story_is_listed(client, stories):
    assert titles(client.get("/")) == ["Bridge story", "Budget story"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("entity=bridges", ["Bridge story"]),
        ("entity=budgets", ["Budget story"]),
        ("outlet=daily-planet", ["Bridge story"]),
        ("outlet=evening-post", ["Budget story"]),
        ("source=jane-minister", ["Bridge story"]),
        ("source=tom-treasurer", ["Budget story"]),
        ("verdict=false", ["Bridge story"]),
        ("verdict=verified", ["Budget story"]),
        ("verdict=disputed", []),
    ],
)
def test_each_filter_narrows_the_list(client, stories, query, expected):
    assert titles(client.get(f"/?{query}")) == expected


def test_source_filter_also_matches_who_relayed_a_statement(client, stories):
    assert titles(client.get("/?source=wire-service")) == ["Bridge story"]


def test_filters_combine(client, stories):
    assert titles(client.get("/?entity=bridges&verdict=false")) == ["Bridge story"]
    assert titles(client.get("/?entity=bridges&verdict=verified")) == []


def test_story_matches_when_any_of_its_articles_matches(client):
    story = make_story("Two outlets")
    make_article(story=story, outlet=make_outlet("Daily Planet"), published_at=when(1))
    make_article(story=story, outlet=make_outlet("Evening Post"), published_at=when(2))
    assert titles(client.get("/?outlet=evening-post")) == ["Two outlets"]
    assert titles(client.get("/?outlet=daily-planet")) == ["Two outlets"]


def test_drafts_never_make_a_story_match(client):
    story = make_story("Mixed")
    make_article(story=story, published_at=when(1))
    draft = make_article(story=story, status=ArticleStatus.DRAFT)
    draft.tags.add(make_entity("Secret plan"))
    make_statement(draft, verdict=Verdict.FALSE, source=make_source("Hidden Source"))

    assert titles(client.get("/?verdict=false")) == []
    response = client.get("/?entity=secret-plan")
    assert titles(response) == ["Mixed"]  # an unknown choice filters nothing
    assertContains(response, 'class="field-error"')
    assertNotContains(response, "Secret plan")
    assertNotContains(response, "Hidden Source")


def test_editors_can_filter_by_what_is_in_drafts(client):
    story = make_story("Mixed")
    make_article(story=story, published_at=when(1))
    draft = make_article(story=story, status=ArticleStatus.DRAFT)
    make_statement(draft, verdict=Verdict.FALSE)
    client.force_login(make_editor())
    assert titles(client.get("/?verdict=false")) == ["Mixed"]


def test_choices_offer_only_what_readers_can_see(rf, stories):
    request = rf.get("/")
    request.user = None
    draft = make_article(
        story=make_story(), status=ArticleStatus.DRAFT, outlet=make_outlet("Ghost")
    )
    draft.tags.add(make_entity("Ghost entity"))
    form = StoryFilter(queryset=Story.objects.all(), request=request).form
    assert [e.name for e in form.fields["entity"].queryset] == ["Bridges", "Budgets"]
    assert [o.name for o in form.fields["outlet"].queryset] == ["Daily Planet", "Evening Post"]
    assert [s.name for s in form.fields["source"].queryset] == [
        "Jane Minister",
        "Tom Treasurer",
        "Wire Service",
    ]


def test_unknown_verdict_is_reported_not_applied(client, stories):
    response = client.get("/?verdict=nonsense")
    assert response.status_code == 200
    assert titles(response) == ["Bridge story", "Budget story"]
    assertContains(response, 'class="field-error"')


def test_form_shows_the_chosen_filters_and_a_way_to_clear_them(client, stories):
    response = client.get("/?verdict=false")
    assertContains(response, '<option value="false" selected>False</option>', html=True)
    assertContains(response, '<a href="/">Clear filters</a>', html=True)
    assertContains(response, "1 story matches the filters")
    assertNotContains(client.get("/"), "Clear filters")


def test_pagination_keeps_the_filters(client, monkeypatch):
    monkeypatch.setattr(views, "STORIES_PER_PAGE", 2)
    for n in range(3):
        article = make_article(story=make_story(f"False {n}"), published_at=when(n))
        make_statement(article, verdict=Verdict.FALSE)
    make_article(story=make_story("Unchecked"), published_at=when(0))

    first = client.get("/?verdict=false")
    assert titles(first) == ["False 0", "False 1"]
    assertContains(first, '<a rel="next" href="?verdict=false&amp;page=2">')

    second = client.get("/?verdict=false&page=2")
    assert titles(second) == ["False 2"]
    assertContains(second, '<a rel="prev" href="?verdict=false&amp;page=1">')


@pytest.mark.parametrize("query", ["entity=bridges", "verdict=false", "source=jane-minister"])
def test_filtered_home_page_queries(client, stories, django_assert_num_queries, query):
    # the chosen filter's lookup; paginator count; filter choices: entities,
    # outlets, sources; stories with counts; their visible articles with outlets.
    lookups = 0 if query.startswith("verdict") else 1
    with django_assert_num_queries(6 + lookups):
        client.get(f"/?{query}")


# Dates and words


def test_date_range_keeps_stories_with_an_article_published_in_it(client):
    old = make_story("Old story")
    make_article(story=old, published_at=timezone.make_aware(dt.datetime(2024, 1, 10, 12)))
    new = make_story("New story")
    make_article(story=new, published_at=timezone.make_aware(dt.datetime(2024, 3, 10, 12)))
    assert titles(client.get("/?published_from=2024-02-01")) == ["New story"]
    assert titles(client.get("/?published_to=2024-01-10")) == ["Old story"]
    assert titles(client.get("/?published_from=2024-01-01&published_to=2024-12-31")) == [
        "New story",
        "Old story",
    ]
    response = client.get("/?published_from=not-a-date")
    assertContains(response, 'class="field-error"')
    assert len(titles(response)) == 2


def test_date_inputs_are_date_pickers_that_keep_their_value(client, stories):
    response = client.get("/?published_from=2024-02-01")
    assertContains(
        response,
        '<input type="date" name="published_from" value="2024-02-01" id="id_published_from">',
        html=True,
    )


def test_words_narrow_the_stories(client, stories):
    assert titles(client.get("/?q=budget")) == ["Budget story"]
    assert titles(client.get("/?q=budget&verdict=false")) == []


# The other lists


def statement_quotes(response):
    return [statement.quote for statement in response.context["page"]]


def test_statement_list_filters_by_verdict_source_relay_outlet_entity_and_kind(client, stories):
    bridge = "The minister said on Monday that the bridge would open in May."
    for query in [
        "verdict=false",
        "source=jane-minister",
        "source=wire-service",
        "outlet=daily-planet",
        "entity=bridges",
        "kind=indirect&verdict=false",
    ]:
        assert statement_quotes(client.get(f"/statements/?{query}")) == [bridge], query
    assert statement_quotes(client.get("/statements/?kind=direct")) == []


def test_claim_list_filters_by_its_own_verdict_and_through_its_statements(client, stories):
    bridge, budget = stories
    make_claim(
        "The bridge opens in May",
        [bridge.articles.get().statements.get()],
        story=bridge,
        verdict=Verdict.DISPUTED,
    )
    make_claim("Budget balanced", [budget.articles.get().statements.get()], story=budget)

    def claims(query):
        return [claim.text for claim in client.get(f"/claims/?{query}").context["page"]]

    assert claims("verdict=disputed") == ["The bridge opens in May"]
    assert claims("verdict=false") == []  # the statement's verdict is not the claim's
    assert claims("outlet=evening-post") == ["Budget balanced"]
    assert claims("source=jane-minister") == ["The bridge opens in May"]
    assert claims("entity=budgets") == ["Budget balanced"]


def test_source_list_filters_by_kind_verdict_outlet_and_entity(client, stories):
    def sources(query):
        return [source.name for source in client.get(f"/sources/?{query}").context["page"]]

    assert sources("verdict=false") == ["Jane Minister"]
    assert sources("entity=budgets") == ["Tom Treasurer"]
    assert sorted(sources("outlet=evening-post")) == ["Evening Post", "Tom Treasurer"]
    assert "Wire Service" in sources("kind=outlet")
    assert "Jane Minister" not in sources("kind=outlet")


def test_every_list_keeps_its_filters_in_the_page_links(client, monkeypatch):
    monkeypatch.setattr(views, "STATEMENTS_PER_PAGE", 1)
    article = make_article()
    make_statement(article, verdict=Verdict.FALSE)
    make_statement(article, "Critics said the project was over budget.", verdict=Verdict.FALSE)
    response = client.get("/statements/?verdict=false&q=said")
    assertContains(response, '<a rel="next" href="?verdict=false&amp;q=said&amp;page=2">')


def test_drafts_never_make_a_row_of_another_list_match(client):
    draft = make_article(status=ArticleStatus.DRAFT, outlet=make_outlet("Ghost outlet"))
    statement = make_statement(draft, verdict=Verdict.FALSE, source=make_source("Ghost"))
    make_claim("Ghost claim", [statement], verdict=Verdict.FALSE)
    for url in ["/claims/?verdict=false", "/statements/?verdict=false", "/sources/?verdict=false"]:
        response = client.get(url)
        assert response.context["page"].paginator.count == 0, url
        assertNotContains(response, "Ghost")


@pytest.mark.parametrize(
    "url",
    [
        "/claims/?verdict=false&entity=bridges",
        "/statements/?verdict=false&outlet=daily-planet&published_from=2020-01-01",
        "/sources/?verdict=false&q=jane",
    ],
)
def test_filtered_lists_queries(client, stories, django_assert_num_queries, url):
    # the chosen entity or outlet; paginator count; filter choices (entities, outlets, and
    # sources but on the sources list); the page of rows.
    lookups = 0 if url.startswith("/sources/") else 1
    choices = 2 if url.startswith("/sources/") else 3
    bridge = stories[0].articles.get().statements.get()
    make_claim("The bridge opens in May", [bridge], verdict=Verdict.FALSE)
    with django_assert_num_queries(lookups + 1 + choices + 1):
        response = client.get(url)
    assert response.status_code == 200
