"""The home page's story filters, through the URL."""

import datetime as dt

import pytest
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from stories import views
from stories.filters import StoryFilter
from stories.models import ArticleStatus, Story, Verdict
from tests.factories import (
    make_article,
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
