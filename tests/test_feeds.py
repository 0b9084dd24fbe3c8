"""The Atom and RSS feeds of newly checked statements, overall and per story."""

import datetime as dt
from xml.etree import ElementTree

import pytest
from django.utils import timezone

from stories.models import ArticleStatus, Statement, Verdict
from tests.factories import (
    make_article,
    make_article_with_statements,
    make_editor,
    make_outlet,
    make_source,
    make_statement,
    make_story,
)

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def atom_entries(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    return ElementTree.fromstring(response.content).findall(f"{ATOM}entry")


def rss_items(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    return ElementTree.fromstring(response.content).findall("channel/item")


def reviewed(statement, days_ago):
    Statement.objects.filter(pk=statement.pk).update(
        reviewed_at=timezone.now() - dt.timedelta(days=days_ago)
    )


def test_atom_feed_lists_checked_statements_newest_review_first(client):
    article = make_article(outlet=make_outlet("Daily Planet"))
    older = make_statement(article, verdict=Verdict.FALSE, source=make_source("Jane Minister"))
    newer = make_statement(
        article, "Critics said the project was over budget.", verdict=Verdict.VERIFIED
    )
    make_statement(article, '"We are on schedule," she told reporters.')  # unchecked
    reviewed(older, 2)
    reviewed(newer, 1)

    entries = atom_entries(client.get("/checked.atom"))

    assert [e.find(f"{ATOM}title").text for e in entries] == [
        "Verified: Critics said the project was over budget.",
        "False: The minister said on Monday that the bridge would open in May.",
    ]
    link = entries[1].find(f"{ATOM}link").get("href")
    assert link == f"http://testserver{article.get_absolute_url()}#statement-{older.pk}"
    summary = entries[1].find(f"{ATOM}summary").text
    assert "Jane Minister → Daily Planet" in summary
    assert entries[1].find(f"{ATOM}author/{ATOM}name").text == "Jane Minister → Daily Planet"
    assert {c.get("term") for c in entries[1].findall(f"{ATOM}category")} == {
        "False",
        "Daily Planet",
    }


def test_rss_feed_carries_the_same_items(client):
    article = make_article()
    make_statement(article, verdict=Verdict.FALSE, note="It opens in June.")
    [item] = rss_items(client.get("/checked.rss"))
    assert item.find("title").text.startswith("False: ")
    assert "It opens in June." in item.find("description").text
    assert item.find("pubDate").text


def test_feeds_never_carry_drafts_even_for_editors(client):
    draft = make_article(status=ArticleStatus.DRAFT)
    make_statement(draft, verdict=Verdict.FALSE)
    client.force_login(make_editor())
    assert atom_entries(client.get("/checked.atom")) == []
    assert rss_items(client.get("/checked.rss")) == []


def test_story_feed_lists_only_that_storys_statements(client):
    story = make_story("The bridge")
    make_statement(make_article(story=story), verdict=Verdict.FALSE)
    make_statement(
        make_article(story=make_story()),
        "Critics said the project was over budget.",
        verdict=Verdict.FALSE,
    )
    entries = atom_entries(client.get(f"/stories/{story.slug}/checked.atom"))
    assert len(entries) == 1
    feed = ElementTree.fromstring(client.get(f"/stories/{story.slug}/checked.atom").content)
    assert feed.find(f"{ATOM}title").text == "The bridge: newly checked statements · Newsroom"
    assert len(rss_items(client.get(f"/stories/{story.slug}/checked.rss"))) == 1


def test_feed_of_a_story_with_only_drafts_is_not_found(client):
    story = make_story()
    make_article(story=story, status=ArticleStatus.DRAFT)
    assert client.get(f"/stories/{story.slug}/checked.atom").status_code == 404


def test_feeds_may_be_cached_by_shared_caches(client):
    response = client.get("/checked.atom")
    assert response["Cache-Control"] == "public, max-age=300"


@pytest.mark.parametrize("count", [3, 30])
def test_feed_queries_do_not_grow(client, django_assert_num_queries, count):
    story = make_story()
    make_article_with_statements(count, story=story)
    # the checked statements with sources, relays, articles, outlets and stories.
    with django_assert_num_queries(1):
        client.get("/checked.atom")
    # the story; its checked statements.
    with django_assert_num_queries(2):
        client.get(f"/stories/{story.slug}/checked.rss")
