"""The public reader pages, tested through their URLs."""

import datetime as dt
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from stories.models import ArticleStatus, SourceKind, Verdict
from stories.views import common as views
from tests.factories import (
    make_anonymous_source,
    make_article,
    make_article_with_statements,
    make_claim,
    make_correction,
    make_editor,
    make_entity,
    make_evidence,
    make_fact_checker,
    make_outlet,
    make_relation,
    make_source,
    make_statement,
    make_story,
    make_user,
)

pytestmark = pytest.mark.django_db

EVIL = '<script>alert("x")</script>'


def when(days_ago):
    return timezone.now() - dt.timedelta(days=days_ago)


class PageStructure(HTMLParser):
    """The ids, heading levels, and head elements of a page."""

    def __init__(self, html):
        super().__init__()
        self.ids, self.headings, self.stylesheets, self.meta, self.links = [], [], [], {}, {}
        self.html_lang = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.append(attrs["id"])
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        if tag == "html":
            self.html_lang = attrs.get("lang")
        if tag == "meta":
            key = attrs.get("name") or attrs.get("property")
            if key:
                self.meta.setdefault(key, []).append(attrs.get("content"))
        if tag == "link":
            if attrs.get("rel") == "stylesheet":
                self.stylesheets.append(attrs["href"])
            else:
                self.links[attrs.get("rel")] = attrs.get("href")


def structure(response):
    return PageStructure(response.content.decode())


def page_urls():
    """One of each public page, with what it is about."""
    story = make_story("The bridge", summary="Whether the bridge opens in May.")
    article = make_article(
        "Bridge to open in May", story=story, dek="The minister promises.", published_at=when(1)
    )
    entity = make_entity("Bridges")
    article.tags.add(entity)
    source = make_source("Jane Minister", role="Transport minister")
    statement = make_statement(article, source=source, verdict=Verdict.FALSE)
    claim = make_claim("The bridge opens in May", [statement], story=story, verdict=Verdict.FALSE)
    make_correction(article, "the bridge would open in May", "It opens in June.")
    return {
        "home": ("/", "Stories"),
        "story": (story.get_absolute_url(), "The bridge"),
        "article": (article.get_absolute_url(), "Bridge to open in May"),
        "source": (source.get_absolute_url(), "Jane Minister"),
        "entity": (entity.get_absolute_url(), "Bridges"),
        "claim": (claim.get_absolute_url(), "The bridge opens in May"),
        "claims": ("/claims/", "Claims"),
        "statements": ("/statements/", "Statements"),
        "sources": ("/sources/", "Sources"),
        "search": ("/search/?q=bridge", "Search: bridge"),
        "how": ("/how-we-check/", "How we check"),
    }


EVERY_PAGE = [
    "home",
    "story",
    "article",
    "source",
    "entity",
    "claim",
    "claims",
    "statements",
    "sources",
    "search",
    "how",
]


# Every page


@pytest.mark.parametrize("page", EVERY_PAGE)
def test_every_page_has_title_description_canonical_and_open_graph(client, page):
    url, title = page_urls()[page]
    response = client.get(url)
    assert response.status_code == 200
    assertContains(response, f"<title>{title} · Newsroom</title>", html=True)
    page = structure(response)
    canonical = f"http://testserver{url.split('?')[0]}"
    assert page.html_lang == "en"
    assert page.meta["description"][0].strip()
    assert page.links["canonical"] == canonical
    assert page.meta["og:title"] == [title]
    assert page.meta["og:url"] == [canonical]
    assert page.meta["og:description"] == page.meta["description"]
    assert page.meta["og:site_name"] == ["Newsroom"]
    assert page.meta["og:image"] == ["http://testserver/static/og-image.png"]


@pytest.mark.parametrize("page", EVERY_PAGE)
def test_every_page_has_skip_link_header_footer_and_one_stylesheet(client, page):
    url, _ = page_urls()[page]
    response = client.get(url)
    assertContains(response, '<a class="skip-link" href="#main">Skip to content</a>', html=True)
    assertContains(response, '<main id="main" tabindex="-1">')
    assertContains(response, '<a class="site-name" href="/">')
    assertContains(response, '<footer class="site-footer">')
    page = structure(response)
    assert page.stylesheets == ["/static/css/site.css"]
    assert page.links["icon"] == "/static/favicon.svg"
    assertNotContains(response, "<script src")


@pytest.mark.parametrize("page", EVERY_PAGE)
def test_every_page_has_search_navigation_and_feed_links(client, page):
    url, _ = page_urls()[page]
    response = client.get(url)
    assertContains(
        response, '<form class="site-search" role="search" method="get" action="/search/">'
    )
    for link in ["/", "/claims/", "/statements/", "/sources/", "/how-we-check/"]:
        assertContains(response, f'<li><a href="{link}"')
    assertContains(response, '<a href="/checked.atom">')
    assert structure(response).links["alternate"]


@pytest.mark.parametrize(
    ("page", "current"),
    [("home", "/"), ("claims", "/claims/"), ("sources", "/sources/"), ("how", "/how-we-check/")],
)
def test_the_section_of_the_page_is_marked_current_in_the_navigation(client, page, current):
    url, _ = page_urls()[page]
    assertContains(client.get(url), f'<a href="{current}" aria-current="page">')


@pytest.mark.parametrize("page", EVERY_PAGE)
def test_every_page_has_unique_ids_and_no_skipped_heading_levels(client, page):
    url, _ = page_urls()[page]
    page = structure(client.get(url))
    assert len(page.ids) == len(set(page.ids))
    assert page.headings[0] == 1 and page.headings.count(1) == 1
    for previous, level in zip(page.headings, page.headings[1:], strict=False):
        assert level <= previous + 1


def test_stylesheet_has_dark_mode_print_and_focus_styles():
    css = Path(finders.find("css/site.css")).read_text()
    assert "@media (prefers-color-scheme: dark)" in css
    assert "@media print" in css
    assert ":focus-visible" in css
    assert "@import" not in css and "url(http" not in css  # nothing external to fetch


def test_canonical_url_drops_the_query_string_but_keeps_the_page_number(client, monkeypatch):
    monkeypatch.setattr(views, "STORIES_PER_PAGE", 1)
    for n in range(2):
        make_article(story=make_story(), published_at=when(n))
    page = structure(client.get("/?verdict=false&utm_source=x"))
    assert page.links["canonical"] == "http://testserver/"
    page = structure(client.get("/?page=2&outlet=example-news"))
    assert page.links["canonical"] == "http://testserver/?page=2"


def test_missing_page_uses_the_styled_404_template(client):
    response = client.get("/articles/no-such-article/")
    assert response.status_code == 404
    assertContains(response, "<h1>Page not found</h1>", status_code=404, html=True)
    assertContains(response, '<a class="site-name" href="/">', status_code=404)


def test_500_template_renders_without_a_request():
    html = render_to_string("500.html")
    assert "<h1>Something went wrong</h1>" in html
    assert "/static/css/site.css" in html


# The home page


def test_home_lists_stories_newest_first_with_outlets_articles_and_verdict_counts(client):
    old = make_story("Old story", summary="From last year.")
    make_article(story=old, published_at=when(300))
    new = make_story("New story", summary="From this week.")
    first = make_article(story=new, published_at=when(2), outlet=make_outlet("Daily Planet"))
    second = make_article(story=new, published_at=when(1), outlet=make_outlet("Wire Service"))
    make_statement(first, verdict=Verdict.FALSE)
    make_statement(second, verdict=Verdict.FALSE)
    make_statement(second, '"We are on schedule," she told reporters.', verdict=Verdict.VERIFIED)

    response = client.get("/")

    html = response.content.decode()
    assert html.index("New story") < html.index("Old story")
    assertContains(response, "From this week.")
    assertContains(
        response,
        '<ul class="inline-list"><li><a href="/sources/daily-planet/">Daily Planet</a></li>'
        '<li><a href="/sources/wire-service/">Wire Service</a></li></ul>',
        html=True,
    )
    assertContains(response, "<div><dt>Articles</dt><dd>2</dd></div>", html=True)
    assertContains(
        response,
        '<li class="v-false"><span class="verdict-icon" aria-hidden="true">✗</span> '
        '<span class="count">2</span> False</li>',
        html=True,
    )
    assertContains(
        response,
        '<li class="v-verified"><span class="verdict-icon" aria-hidden="true">✓</span> '
        '<span class="count">1</span> Verified</li>',
        html=True,
    )


def test_home_ignores_drafts_in_lists_and_counts(client):
    hidden = make_story("Only drafts")
    make_article(story=hidden, status=ArticleStatus.DRAFT)
    story = make_story("Mixed")
    make_article(story=story, published_at=when(1))
    draft = make_article(story=story, status=ArticleStatus.DRAFT, outlet=make_outlet("Secret"))
    make_statement(draft, verdict=Verdict.FALSE)

    response = client.get("/")

    assertNotContains(response, "Only drafts")
    assertContains(response, "<div><dt>Articles</dt><dd>1</dd></div>", html=True)
    assertNotContains(response, "Secret")
    assertNotContains(response, 'class="v-false"')


def test_home_is_paginated(client, monkeypatch):
    monkeypatch.setattr(views, "STORIES_PER_PAGE", 2)
    for n in range(3):
        make_article(story=make_story(f"Story {n}"), published_at=when(n))
    first = client.get("/")
    assertContains(first, "Story 0")
    assertNotContains(first, "Story 2")
    assertContains(first, '<a rel="next" href="?page=2">')
    second = client.get("/?page=2")
    assertContains(second, "Story 2")
    assertContains(second, "<title>Stories, page 2 · Newsroom</title>", html=True)


@pytest.mark.parametrize("count", [3, 30])
def test_home_page_queries_do_not_grow(client, django_assert_num_queries, count):
    entity = make_entity()
    for n in range(count):
        article = make_article_with_statements(3, story=make_story(), published_at=when(n))
        article.tags.add(entity)
    # paginator count; filter choices: entities, outlets, sources; stories with
    # their counts; their visible articles with outlets.
    with django_assert_num_queries(6):
        response = client.get("/")
    assert response.status_code == 200


# The story page


def test_story_page_has_a_timeline_of_its_articles_oldest_first(client):
    story = make_story("The bridge")
    later = make_article(
        "Bridge opens",
        story=story,
        outlet=make_outlet("Daily Planet"),
        published_at=timezone.make_aware(dt.datetime(2024, 5, 3, 9, 0)),
    )
    earlier = make_article(
        "Bridge to open soon",
        story=story,
        outlet=make_outlet("Wire Service"),
        published_at=timezone.make_aware(dt.datetime(2024, 5, 1, 9, 0)),
    )
    make_article("Elsewhere", story=make_story())

    response = client.get(story.get_absolute_url())

    html = response.content.decode()
    timeline = html[html.index('<ol class="timeline">') :]
    assertContains(response, "<h1>The bridge</h1>", html=True)
    assert timeline.index("Bridge to open soon") < timeline.index("Bridge opens")
    assertContains(response, f'<h3><a href="{later.get_absolute_url()}">Bridge opens</a></h3>')
    assertContains(response, f'<h3><a href="{earlier.get_absolute_url()}">Bridge to open soon')
    assertContains(response, '<a href="/sources/daily-planet/">Daily Planet</a>')
    assertContains(
        response, '<time datetime="2024-05-03T09:00:00+00:00">3 May 2024, 09:00 UTC</time>'
    )
    assertNotContains(response, "Elsewhere")


def test_ledger_lists_each_claim_with_its_verdict_note_and_outlets(client):
    story = make_story()
    first = make_article(story=story, outlet=make_outlet("Daily Planet"), published_at=when(2))
    second = make_article(story=story, outlet=make_outlet("Wire Service"), published_at=when(1))
    claim = make_claim(
        "The bridge opens in May",
        [make_statement(first), make_statement(second)],
        story=story,
        verdict=Verdict.FALSE,
        note="The ministry's own plan says June.",
    )

    response = client.get(story.get_absolute_url())

    assertContains(response, f'<li class="ledger-row v-false" id="claim-{claim.slug}">')
    assertContains(
        response,
        f'<h3 class="ledger-claim"><a href="/claims/{claim.slug}/">'
        "The bridge opens in May</a></h3>",
        html=True,
    )
    assertContains(response, "The ministry&#x27;s own plan says June.")
    assertContains(response, '<p class="reported-by">Reported by Daily Planet, Wire Service</p>')
    assertContains(response, "Claim · 2 outlets")


def test_ledger_shows_the_chain_from_speaker_through_audience_and_relay_to_outlet(client):
    story = make_story()
    article = make_article(story=story, outlet=make_outlet("Evening Post"))
    make_claim(
        "Ministers agreed the plan",
        [
            make_statement(
                article,
                source=make_source("Anna Aide", role="Aide"),
                attribution="told regional radio stations on Monday",
                via=make_outlet("Wire Service"),
            )
        ],
        story=story,
    )

    response = client.get(story.get_absolute_url())

    assertContains(
        response,
        '<ol class="chain" aria-label="How it reached the outlet">'
        '<li class="step step-speaker"><a href="/sources/anna-aide/">Anna Aide</a></li>'
        '<li class="step step-audience"><span class="arrow" aria-hidden="true">→</span> '
        '<span class="step-caption">told</span> <span class="step-name">regional radio stations'
        "</span></li>"
        '<li class="step step-relay"><span class="arrow" aria-hidden="true">→</span> '
        '<span class="step-caption">via</span> <a href="/sources/wire-service/">Wire Service</a>'
        "</li>"
        '<li class="step step-outlet"><span class="arrow" aria-hidden="true">→</span> '
        '<span class="step-caption">in</span> <a href="/sources/evening-post/">Evening Post</a>'
        "</li></ol>",
        html=True,
    )


def test_contradicting_claims_link_to_each_other_both_ways(client):
    story = make_story()
    article = make_article(story=story)
    said = make_claim("The bridge opens in May", [make_statement(article)], story=story)
    denied = make_claim(
        "The bridge will not open before June",
        [make_statement(article, "Critics said the project was over budget.")],
        story=story,
    )
    make_relation(denied, "contradicts", said)

    response = client.get(story.get_absolute_url())

    assertContains(
        response,
        '<li class="relation relation-contradicts"><span class="relation-kind">Contradicts</span> '
        f'<a href="#claim-{said.slug}">The bridge opens in May</a></li>',
        html=True,
    )
    assertContains(
        response,
        '<li class="relation relation-contradicted-by"><span class="relation-kind">'
        f'Contradicted by</span> <a href="#claim-{denied.slug}">The bridge will not open before '
        "June</a></li>",
        html=True,
    )


def test_a_related_claim_outside_the_story_links_to_its_own_page(client):
    story = make_story()
    here = make_claim("Here", [make_statement(make_article(story=story))], story=story)
    there = make_claim("There", [make_statement(make_article(story=make_story()))])
    make_relation(here, "supports", there)
    response = client.get(story.get_absolute_url())
    assertContains(response, f'<a href="/claims/{there.slug}/">There</a>', html=True)


def test_a_claim_known_only_from_drafts_is_neither_listed_nor_related(client):
    story = make_story()
    article = make_article(story=story)
    draft = make_article(story=story, status=ArticleStatus.DRAFT)
    shown = make_claim("Shown claim", [make_statement(article)], story=story)
    hidden = make_claim("Secret claim", [make_statement(draft)], story=story)
    make_relation(hidden, "contradicts", shown)
    response = client.get(story.get_absolute_url())
    assertContains(response, "Shown claim")
    assertNotContains(response, "Secret claim")
    assertNotContains(response, "relation-")


def test_statements_without_a_claim_are_ledger_rows_of_their_own(client):
    story = make_story()
    article = make_article(story=story)
    checked = make_statement(article, verdict=Verdict.FALSE, note="It opens in June.")
    pending = make_statement(article, "Critics said the project was over budget.")

    response = client.get(story.get_absolute_url())

    html = response.content.decode()
    assertContains(response, f'<li class="ledger-row v-false" id="ledger-statement-{checked.pk}">')
    assertContains(response, "It opens in June.")
    assertContains(response, f'<li class="pending-item" id="ledger-statement-{pending.pk}">')
    assert html.index(f"ledger-statement-{checked.pk}") < html.index("pending-heading")
    assertContains(response, f'href="{article.get_absolute_url()}#statement-{checked.pk}"')
    assertContains(response, f'href="{article.get_absolute_url()}#statement-{pending.pk}"')


def test_checked_claims_come_before_checked_statements_and_the_unchecked(client):
    story = make_story()
    article = make_article(story=story)
    statement = make_statement(article, "Critics said the project was over budget.")
    statement.set_verdict(Verdict.VERIFIED, by=None)
    unchecked = make_claim("Unchecked claim", [make_statement(article)], story=story)
    checked = make_claim(
        "Checked claim",
        [make_statement(article, '"We are on schedule," she told reporters.')],
        story=story,
        verdict=Verdict.DISPUTED,
    )
    html = client.get(story.get_absolute_url()).content.decode()
    assert (
        html.index(f'id="claim-{checked.slug}"')
        < html.index(f'id="ledger-statement-{statement.pk}"')
        < html.index(f'id="claim-{unchecked.slug}"')
    )


def test_side_by_side_shows_what_each_article_reports_omits_and_gets_corrected(client):
    story = make_story()
    planet = make_article(story=story, outlet=make_outlet("Daily Planet"), published_at=when(2))
    wire = make_article(story=story, outlet=make_outlet("Wire Service"), published_at=when(1))
    claim = make_claim(
        "The bridge opens in May",
        [make_statement(planet, verdict=Verdict.FALSE)],
        story=story,
        verdict=Verdict.FALSE,
    )
    make_correction(wire, "over budget", "The project is on budget.")

    response = client.get(story.get_absolute_url())

    html = response.content.decode()
    table = html[html.index('<table class="compare">') : html.index("</table>")]
    assert f'<th scope="col"><a href="{planet.get_absolute_url()}">Daily Planet</a>' in table
    assert f'<a href="#claim-{claim.slug}">The bridge opens in May</a>' in table
    assert table.count('<span aria-hidden="true">✓</span> Reports it') == 1
    assert table.count('<span aria-hidden="true">—</span> Not reported') == 1
    assert "The project is on budget." in table
    assert "1 of 1" in table and "0 of 1" in table


def test_story_page_offers_its_feed(client):
    story = make_story()
    make_article(story=story)
    response = client.get(story.get_absolute_url())
    assertContains(response, f'href="/stories/{story.slug}/checked.atom"', count=2)


def test_story_with_only_drafts_is_not_found(client):
    story = make_story()
    make_article(story=story, status=ArticleStatus.DRAFT)
    assert client.get(story.get_absolute_url()).status_code == 404


def test_drafts_statements_stay_off_the_story_page_but_editors_see_them(client, editor):
    story = make_story()
    make_article(story=story)
    draft = make_article("Secret draft", story=story, status=ArticleStatus.DRAFT)
    make_statement(draft, verdict=Verdict.FALSE)
    assertNotContains(client.get(story.get_absolute_url()), "Secret draft")
    client.force_login(editor)
    assertContains(client.get(story.get_absolute_url()), "Secret draft")


@pytest.mark.parametrize("count", [3, 30])
def test_story_page_queries_do_not_grow(client, django_assert_num_queries, count):
    story = make_story()
    entity = make_entity()
    for n in range(count // 3):
        article = make_article_with_statements(3, story=story, published_at=when(n))
        article.tags.add(entity)
        make_correction(article, "Claim number 2 was made")
    article = make_article_with_statements(count, story=story)
    claims = []
    for statement in article.statements.all()[: count // 2]:
        claims.append(make_claim(statements=[statement], story=story, verdict=statement.verdict))
    for claim, other in zip(claims, claims[1:], strict=False):
        make_relation(claim, "contradicts", other)
    # the story; its articles with outlets and verdict counts; its statements (and those of
    # its claims) with sources, affiliations, relays, articles, outlets and claims; the
    # relations between visible claims; the corrections.
    with django_assert_num_queries(5):
        response = client.get(story.get_absolute_url())
    assert response.status_code == 200


# The article page


def test_article_page_shows_headline_dek_byline_outlet_date_caption_and_tags(client):
    story = make_story("The bridge")
    article = make_article(
        "Bridge to open in May",
        story=story,
        dek="The minister promises a May opening.",
        byline="By Ann Reporter",
        outlet=make_outlet("Daily Planet"),
        published_at=timezone.make_aware(dt.datetime(2024, 5, 3, 9, 30)),
        caption="The bridge at dusk.",
        caption_credit="Photo Agency",
        url="https://planet.example/bridge",
    )
    entity = make_entity("Transport Ministry")
    article.tags.add(entity)

    response = client.get(article.get_absolute_url())

    assertContains(response, "<h1>Bridge to open in May</h1>", html=True)
    assertContains(response, '<p class="dek">The minister promises a May opening.</p>', html=True)
    assertContains(response, '<span class="author">By Ann Reporter</span>', html=True)
    assertContains(response, '<a href="/sources/daily-planet/">Daily Planet</a>')
    assertContains(response, '<time datetime="2024-05-03T09:30:00+00:00">')
    assertContains(response, "The bridge at dusk.")
    assertContains(response, '<span class="credit">Photo Agency</span>', html=True)
    assertContains(response, '<a href="/entities/transport-ministry/">Transport Ministry</a>')
    assertContains(response, '<a href="/stories/the-bridge/">The bridge</a>')
    assertContains(response, '<a href="https://planet.example/bridge" rel="noopener">')
    assert structure(response).meta["description"] == ["The minister promises a May opening."]
    assert structure(response).meta["og:type"] == ["article"]


def test_article_page_marks_each_statement_with_verdict_in_words_and_icon(client):
    article = make_article()
    statement = make_statement(article, verdict=Verdict.FALSE)

    response = client.get(article.get_absolute_url())

    assertContains(
        response,
        f'<mark class="claim v-false" id="statement-{statement.pk}">'
        "The minister said on Monday that the bridge would open in May.</mark>",
        html=True,
    )
    assertContains(
        response,
        f'<sup class="ref"><a class="v-false" href="#note-{statement.pk}">'
        '<span class="verdict-icon" aria-hidden="true">✗</span> False'
        '<span class="visually-hidden">, note</span> <span class="ref-number">1</span>'
        "</a></sup>",
        html=True,
    )


def test_unchecked_statements_are_marked_too(client):
    article = make_article()
    make_statement(article)
    response = client.get(article.get_absolute_url())
    assertContains(response, '<mark class="claim v-unchecked"')
    assertContains(response, "○</span> Not yet checked")


def test_article_notes_give_source_via_attribution_note_and_evidence(client):
    article = make_article()
    kremlin = make_source("Kremlin", kind=SourceKind.GOVERNMENT)
    statement = make_statement(
        article,
        source=make_source("Dmitry Peskov", role="Kremlin spokesman", affiliation=kremlin),
        via=make_outlet("Wire Service"),
        attribution="told reporters",
        verdict=Verdict.MISLEADING,
        note="The bridge opens in part.\n\nThe rest follows in June.",
    )
    make_evidence(
        statement, url="https://gov.example/plan", title="The ministry's plan", note="p. 4"
    )
    make_evidence(statement, url="", title="Interview with the engineer")

    response = client.get(article.get_absolute_url())

    assertContains(response, f'<li class="note v-misleading" id="note-{statement.pk}">')
    assertContains(
        response,
        '<dd><a href="/sources/dmitry-peskov/">Dmitry Peskov</a>, Kremlin spokesman '
        '(<a href="/sources/kremlin/">Kremlin</a>)</dd>',
        html=True,
    )
    assertContains(
        response,
        '<li class="step step-relay"><span class="arrow" aria-hidden="true">→</span> '
        '<span class="step-caption">via</span> <a href="/sources/wire-service/">Wire Service</a>'
        "</li>",
        html=True,
    )
    assertContains(response, "<div><dt>Attribution</dt><dd>told reporters</dd></div>", html=True)
    assertContains(response, f'<a href="/statements/{statement.pk}/">Permanent link')
    assertContains(
        response,
        f'<a href="/statements/{statement.pk}/annotation.jsonld" type="application/ld+json">',
    )
    assertContains(
        response,
        '<div class="note-text"><p>The bridge opens in part.</p>'
        "<p>The rest follows in June.</p></div>",
        html=True,
    )
    assertContains(
        response,
        '<a href="https://gov.example/plan" rel="noopener">The ministry\'s plan</a>',
        html=True,
    )
    assertContains(response, "p. 4")
    assertContains(response, "<li>Interview with the engineer</li>", html=True)
    assertContains(response, f'<a class="back" href="#statement-{statement.pk}">')


def test_outlets_own_assertion_is_attributed_to_the_outlet(client):
    article = make_article(outlet=make_outlet("Daily Planet"))
    make_statement(article, kind="assertion")
    response = client.get(article.get_absolute_url())
    assertContains(response, "<dd>Daily Planet, in its own words</dd>", html=True)


def test_notes_are_numbered_in_reading_order_and_refs_follow_each_statement(client):
    body = 'He said "we will win" on Monday. Then he left.'
    article = make_article(body=body)
    inner = make_statement(article, '"we will win"', verdict=Verdict.DISPUTED)
    outer = make_statement(article, 'He said "we will win" on Monday.', verdict=Verdict.VERIFIED)

    response = client.get(article.get_absolute_url())

    html = response.content.decode()
    body_html = html[html.index('<div class="article-body') : html.index('<div class="article-end')]
    # The outer statement starts first, so it is note 1; its reference follows its last run.
    assert re.search(
        rf'<mark class="claim v-verified" id="statement-{outer.pk}">He said </mark>'
        rf'<mark class="claim v-disputed" id="statement-{inner.pk}">"we will win"</mark>'
        rf'<sup class="ref"><a class="v-disputed" href="#note-{inner.pk}">.*?'
        r'<span class="ref-number">2</span></a></sup>'
        r'<mark class="claim v-verified"> on Monday.</mark>'
        rf'<sup class="ref"><a class="v-verified" href="#note-{outer.pk}">.*?'
        r'<span class="ref-number">1</span></a></sup> Then he left.',
        body_html.replace("&quot;", '"'),
    )
    assert html.index(f'id="note-{outer.pk}"') < html.index(f'id="note-{inner.pk}"')


def test_statement_that_no_longer_fits_the_body_keeps_its_note_and_anchor(client):
    article = make_article()
    statement = make_statement(article, verdict=Verdict.FALSE)
    type(article).objects.filter(pk=article.pk).update(body="A shorter body.")

    response = client.get(article.get_absolute_url())

    assertNotContains(response, "<mark")
    assertContains(response, f'<blockquote class="quote" id="statement-{statement.pk}">')
    assertNotContains(response, f'href="#statement-{statement.pk}"')


def test_article_page_has_a_legend_of_every_verdict(client):
    response = client.get(make_article().get_absolute_url())
    for verdict in Verdict:
        assertContains(
            response,
            f'<div class="v-{verdict.value}"><dt><span class="verdict v-{verdict.value}">'
            f'<span class="verdict-icon" aria-hidden="true">{verdict.icon}</span> '
            f"{verdict.label}</span></dt><dd>{verdict.definition}</dd></div>",
            html=True,
        )


def test_draft_is_hidden_from_anonymous_readers(client):
    draft = make_article(status=ArticleStatus.DRAFT)
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_draft_is_hidden_from_a_logged_in_reader(client):
    draft = make_article(status=ArticleStatus.DRAFT)
    client.force_login(make_user())
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_draft_is_hidden_from_staff_who_cannot_change_articles(client):
    draft = make_article(status=ArticleStatus.DRAFT)
    client.force_login(make_fact_checker())
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_editor_sees_a_draft_with_a_banner_and_noindex(client):
    draft = make_article("Work in progress", status=ArticleStatus.DRAFT)
    client.force_login(make_editor())
    response = client.get(draft.get_absolute_url())
    assertContains(response, "<h1>Work in progress</h1>", html=True)
    assertContains(response, '<p class="draft-banner wrap-narrow"><strong>Draft</strong>')
    assertContains(response, '<meta name="robots" content="noindex, nofollow">')


def test_published_article_is_indexable_and_has_no_banner(client):
    response = client.get(make_article().get_absolute_url())
    assertNotContains(response, "draft-banner")
    assertNotContains(response, "noindex")


def test_note_links_the_claim_the_statement_asserts_and_explains_a_difference(client):
    article = make_article()
    statement = make_statement(article, verdict=Verdict.MISLEADING)
    claim = make_claim("The bridge opens in May", [statement], verdict=Verdict.FALSE)
    statement.claim_difference = "This outlet hedges the date."
    statement.save()
    response = client.get(article.get_absolute_url())
    assertContains(
        response,
        f'<div><dt>Claim</dt><dd><a href="/claims/{claim.slug}/">The bridge opens in May</a>'
        "</dd></div>",
        html=True,
    )
    assertContains(response, "This outlet hedges the date.")


def test_correction_log_lists_corrections_and_marks_their_words(client):
    article = make_article()
    statement = make_statement(article, verdict=Verdict.FALSE)
    correction = make_correction(article, "the bridge would open in May", "It opens in June.")
    make_correction(article, "over budget", "Not shown.", published=False)

    response = client.get(article.get_absolute_url())

    assertContains(response, '<h2 id="corrections-heading">Corrections</h2>', html=True)
    assertContains(response, f'<li class="correction" id="correction-{correction.pk}">')
    assertContains(response, "<q>the bridge would open in May</q>", html=True)
    assertContains(response, "It opens in June.")
    assertNotContains(response, "Not shown.")
    assertContains(
        response,
        f'<mark class="claim v-false" id="statement-{statement.pk}">The minister said on Monday '
        'that </mark><mark class="claim v-false"><span class="corrected" '
        f'id="correction-{correction.pk}-text">the bridge would open in May</span></mark>',
    )
    assertContains(
        response,
        f'<sup class="ref ref-correction"><a href="#correction-{correction.pk}">'
        '<span class="verdict-icon" aria-hidden="true">✎</span> Correction '
        '<span class="ref-number">1</span></a></sup>',
        html=True,
    )
    assertContains(response, f'<a class="back" href="#correction-{correction.pk}-text">')


def test_a_correction_on_unmarked_text_and_an_article_without_corrections(client):
    article = make_article()
    correction = make_correction(article, "over budget", "On budget.")
    assertContains(
        client.get(article.get_absolute_url()),
        f'<span class="corrected" id="correction-{correction.pk}-text">over budget</span>',
        html=True,
    )
    assertContains(
        client.get(make_article().get_absolute_url()),
        '<p class="empty">No corrections to this article',
    )


def test_an_orphaned_correction_stays_in_the_log_without_a_mark(client):
    article = make_article()
    correction = make_correction(article, "over budget", "On budget.")
    type(correction).objects.filter(pk=correction.pk).update(orphaned=True)
    response = client.get(article.get_absolute_url())
    assertContains(response, f'id="correction-{correction.pk}"')
    assertNotContains(response, 'class="corrected"')
    assertNotContains(response, f'href="#correction-{correction.pk}-text"')


def test_legend_links_to_how_we_check(client):
    response = client.get(make_article().get_absolute_url())
    assertContains(response, '<a href="/how-we-check/">How we check</a>', html=True)


def test_statement_refs_are_links_reachable_by_keyboard_in_reading_order(client):
    article = make_article()
    first = make_statement(article, verdict=Verdict.FALSE)
    second = make_statement(article, "Critics said the project was over budget.")
    html = client.get(article.get_absolute_url()).content.decode()
    body = html[html.index('<div class="article-body') : html.index('<div class="article-end')]
    assert body.index(f'href="#note-{first.pk}"') < body.index(f'href="#note-{second.pk}"')
    assert "tabindex" not in body


@pytest.mark.parametrize("count", [3, 30])
def test_article_page_queries_do_not_grow(client, django_assert_num_queries, count):
    article = make_article_with_statements(count, story=make_story())
    article.tags.add(make_entity(), make_entity())
    for n in range(1, count + 1):
        make_correction(article, f"Claim number {n} was")
    make_claim(statements=article.statements.all()[:2])
    # the article with outlet and story; its tags; its statements with sources,
    # affiliations, relays and claims; their evidence; its published corrections.
    with django_assert_num_queries(5):
        response = client.get(article.get_absolute_url())
    assertContains(response, '<li class="note', count=count)


# Escaping


def test_loaded_text_is_escaped_everywhere_on_the_article_page(client):
    body = f"Intro {EVIL} said.\n\nSecond paragraph."
    article = make_article(
        f"Headline {EVIL}", body=body, dek=EVIL, byline=EVIL, caption=EVIL, caption_credit=EVIL
    )
    article.tags.add(make_entity(f"Entity {EVIL}"))
    statement = make_statement(
        article,
        f"Intro {EVIL} said.",
        source=make_source(f"Source {EVIL}", role=EVIL),
        via=make_source(f"Via {EVIL}"),
        attribution=EVIL,
        note=EVIL,
        verdict=Verdict.FALSE,
    )
    make_evidence(statement, title=f"Evidence {EVIL}", note=EVIL)

    response = client.get(article.get_absolute_url())

    html = response.content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    # The only script element is the JSON-LD, which nothing breaks out of.
    assert html.count("<script") == 1
    assert html.count("</script>") == 1


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,hi", "  javascript:x"])
def test_evidence_and_article_links_are_only_http(client, url):
    article = make_article(url=url)
    statement = make_statement(article, verdict=Verdict.FALSE)
    make_evidence(statement, url=url, title="Suspicious")
    response = client.get(article.get_absolute_url())
    assertNotContains(response, 'href="javascript')
    assertNotContains(response, 'href="data:')
    assertNotContains(response, 'href="  javascript')
    assertContains(response, "<li>Suspicious</li>", html=True)


def test_loaded_text_is_escaped_on_lists_and_source_pages(client):
    story = make_story(f"Story {EVIL}", summary=EVIL)
    article = make_article(f"Headline {EVIL}", story=story, dek=EVIL)
    entity = make_entity(f"Entity {EVIL}", description=EVIL)
    article.tags.add(entity)
    source = make_source(f"Source {EVIL}", description=EVIL, role=EVIL)
    make_statement(article, source=source, verdict=Verdict.FALSE)
    for url in [
        "/",
        story.get_absolute_url(),
        source.get_absolute_url(),
        entity.get_absolute_url(),
    ]:
        html = client.get(url).content.decode()
        assert "<script" not in html, url
        assert "&lt;script&gt;" in html, url


# The source page


def test_source_page_shows_who_the_source_is(client):
    kremlin = make_source("Kremlin", kind=SourceKind.GOVERNMENT)
    peskov = make_source(
        "Dmitry Peskov",
        role="Kremlin spokesman",
        affiliation=kremlin,
        description="Press secretary of the President.",
        aliases=["Dmitri Peskov"],
    )
    make_statement(source=peskov)
    response = client.get(peskov.get_absolute_url())
    assertContains(
        response, '<p class="eyebrow"><a href="/sources/">Sources</a> · Person</p>', html=True
    )
    assertContains(response, "<h1>Dmitry Peskov</h1>", html=True)
    assertContains(response, 'Kremlin spokesman, <a href="/sources/kremlin/">Kremlin</a>')
    assertContains(response, "Press secretary of the President.")
    assertContains(response, "Dmitri Peskov")
    assertNotContains(response, "Ownership")


def test_outlet_page_shows_ownership_and_reliability(client):
    outlet = make_outlet(
        "State Wire", ownership="Owned by the state.", reliability="Rated mixed by a watchdog."
    )
    article = make_article("Port strike enters its second week", outlet=outlet)
    response = client.get(outlet.get_absolute_url())
    assertContains(response, f'<a href="{article.get_absolute_url()}">{article.headline}</a>')
    assertContains(response, "<div><dt>Ownership</dt><dd>Owned by the state.</dd></div>", html=True)
    assertContains(
        response, "<div><dt>Reliability</dt><dd>Rated mixed by a watchdog.</dd></div>", html=True
    )


def test_source_known_only_from_drafts_is_not_found(client, editor):
    draft = make_article(status=ArticleStatus.DRAFT, outlet=make_outlet("Secret Outlet"))
    spook = make_source("Secret Person", affiliation=make_source("Spooks Inc", kind="organisation"))
    make_statement(draft, source=spook)
    for source in [spook, spook.affiliation, draft.outlet]:
        assert client.get(source.get_absolute_url()).status_code == 404
    client.force_login(editor)
    assert client.get(spook.get_absolute_url()).status_code == 200


def test_relay_page_lists_what_it_relayed_but_counts_only_what_it_said(client):
    wire = make_outlet("The Associated Press")
    kremlin = make_source("Kremlin", kind="government")
    make_statement(source=kremlin, via=wire, verdict=Verdict.DISPUTED)
    response = client.get(wire.get_absolute_url())
    assertContains(response, 'Statements made or relayed <span class="count">(1)</span>')
    assertContains(response, "Kremlin")
    assertNotContains(response, "Track record")


def test_source_page_lists_statements_of_visible_articles_with_counts(client):
    source = make_source("Jane Minister")
    public = make_article("Public article", published_at=when(1))
    draft = make_article("Draft article", status=ArticleStatus.DRAFT)
    make_statement(public, source=source, verdict=Verdict.FALSE)
    make_statement(
        public, "Critics said the project was over budget.", source=source, verdict=Verdict.FALSE
    )
    make_statement(draft, source=source, verdict=Verdict.VERIFIED)

    response = client.get(source.get_absolute_url())

    assertContains(response, "Public article", count=2)
    assertNotContains(response, "Draft article")
    assertContains(response, '<span class="count">(2)</span>', html=True)
    assertContains(
        response,
        '<tr class="v-false"><th scope="row"><span class="verdict v-false">'
        '<span class="verdict-icon" aria-hidden="true">✗</span> False</span></th>'
        "<td>2</td><td>100%</td></tr>",
        html=True,
    )
    assertContains(
        response,
        '<tr class="v-verified"><th scope="row"><span class="verdict v-verified">'
        '<span class="verdict-icon" aria-hidden="true">✓</span> Verified</span></th>'
        "<td>0</td><td>0%</td></tr>",
        html=True,
    )
    assertContains(
        response, '<a href="/?source=jane-minister">Stories that quote Jane Minister</a>'
    )


def test_source_page_is_paginated(client, monkeypatch):
    monkeypatch.setattr(views, "STATEMENTS_PER_PAGE", 2)
    source = make_source()
    article = make_article_with_statements(3)
    article.statements.update(source=source)
    assertContains(client.get(source.get_absolute_url()), '<a rel="next" href="?page=2">')
    second = client.get(source.get_absolute_url() + "?page=2")
    assertContains(second, "Claim number 3 was made")
    assert (
        structure(second).links["canonical"] == f"http://testserver/sources/{source.slug}/?page=2"
    )


def test_anonymous_source_page_says_the_source_is_unnamed(client):
    article = make_article()
    anonymous = make_source("A senior official", kind=SourceKind.ANONYMOUS, scope_article=article)
    make_statement(article, source=anonymous)
    response = client.get(anonymous.get_absolute_url())
    assertContains(
        response,
        '<p class="eyebrow"><a href="/sources/">Sources</a> · Unnamed source</p>',
        html=True,
    )
    assertContains(response, "This source is not named in the article that quotes it.")


def test_anonymous_source_of_a_draft_is_not_found(client):
    draft = make_article(status=ArticleStatus.DRAFT)
    anonymous = make_source("An aide", kind=SourceKind.ANONYMOUS, scope_article=draft)
    assert client.get(anonymous.get_absolute_url()).status_code == 404


@pytest.mark.parametrize("count", [3, 30])
def test_source_page_queries_do_not_grow(client, django_assert_num_queries, count):
    source = make_source(affiliation=make_source(kind=SourceKind.ORGANISATION))
    for _ in range(count):
        make_source(affiliation=source, role="Deputy")
    for n in range(count // 3):
        article = make_article_with_statements(3, outlet=make_outlet(f"Outlet {n}"))
        article.statements.update(source=source)
    article = make_article_with_statements(count)
    article.statements.update(source=source)
    # the source with its affiliation; the paginator count; the page of statements with
    # relays and articles with outlets and stories; the verdict counts; the sources that
    # speak for it; its appearances by outlet.
    with django_assert_num_queries(6):
        response = client.get(source.get_absolute_url())
    assert response.status_code == 200


# The entity page


def test_entity_page_lists_the_visible_articles_tagged_with_it(client):
    entity = make_entity("Vladimir Putin", kind="person", wikidata_id="Q7747")
    tagged = make_article("Tagged article", published_at=when(1))
    tagged.tags.add(entity)
    draft = make_article("Tagged draft", status=ArticleStatus.DRAFT)
    draft.tags.add(entity)
    make_article("Untagged article")

    response = client.get(entity.get_absolute_url())

    assertContains(response, "<h1>Vladimir Putin</h1>", html=True)
    assertContains(response, f'<a href="{tagged.get_absolute_url()}">Tagged article</a>')
    assertNotContains(response, "Tagged draft")
    assertNotContains(response, "Untagged article")
    assertContains(response, 'href="https://www.wikidata.org/wiki/Q7747"')
    assertContains(response, '<a href="/?entity=vladimir-putin">Stories about Vladimir Putin</a>')


def test_entity_tagging_only_drafts_is_not_found(client):
    entity = make_entity()
    make_article(status=ArticleStatus.DRAFT).tags.add(entity)
    assert client.get(entity.get_absolute_url()).status_code == 404


def test_entity_page_is_paginated(client, monkeypatch):
    monkeypatch.setattr(views, "ARTICLES_PER_PAGE", 2)
    entity = make_entity()
    for n in range(3):
        make_article(f"Article {n}", published_at=when(n)).tags.add(entity)
    first = client.get(entity.get_absolute_url())
    assertNotContains(first, "Article 2")
    assertContains(client.get(entity.get_absolute_url() + "?page=2"), "Article 2")


@pytest.mark.parametrize("count", [3, 30])
def test_entity_page_queries_do_not_grow(client, django_assert_num_queries, count):
    entity = make_entity()
    for n in range(count):
        article = make_article_with_statements(2, published_at=when(n))
        article.tags.add(entity, make_entity())
    # the entity; its stories; the paginator count; the page of articles with outlets,
    # stories and verdict counts; their tags.
    with django_assert_num_queries(5):
        response = client.get(reverse("stories:entity_detail", args=[entity.slug]))
    assert response.status_code == 200


def test_a_date_only_publication_shows_no_midnight_time(client):
    midnight = dt.datetime(2018, 4, 2, tzinfo=dt.UTC)
    article = make_article(outlet=None, published_at=midnight)
    response = client.get(article.get_absolute_url())
    assertContains(response, '<time datetime="2018-04-02T00:00:00+00:00">2 April 2018</time>')
    assertNotContains(response, '<p class="byline"><span class="sep"')


# More of the source page: track record, affiliations, appearances


def test_track_record_gives_denominators_a_chart_and_the_sampling_caveat(client):
    source = make_source("Jane Minister")
    article = make_article(published_at=when(1))
    make_statement(article, source=source, verdict=Verdict.FALSE)
    make_statement(article, '"We are on schedule," she told reporters.', source=source)
    make_statement(
        article,
        "Critics said the project was over budget.",
        source=source,
        verdict=Verdict.VERIFIED,
    )

    response = client.get(source.get_absolute_url())

    assertContains(
        response,
        '<p class="denominator">Of the <strong>3</strong> statements attributed to Jane Minister '
        "in published articles, we have checked <strong>2</strong>.</p>",
        html=True,
    )
    assertContains(response, '<svg class="chart" viewBox="0 0 500 162"')
    assertContains(response, 'role="img" aria-labelledby="record-chart-title"')
    assertContains(
        response,
        '<title id="record-chart-title">Checked statements by verdict, out of 2: Verified 1, '
        "Misleading 0, Disputed 0, False 1, Unverifiable 0.</title>",
        html=True,
    )
    assertContains(response, '<rect class="chart-bar" x="150" y="0" width="130.0"')
    assertContains(response, "<td>1</td><td>50%</td>", html=True, count=2)
    assertContains(response, "Checked statements are not a random sample.")


def test_a_source_nobody_checked_yet_says_so(client):
    source = make_source("Jane Minister")
    make_statement(source=source)
    response = client.get(source.get_absolute_url())
    assertContains(response, "we have checked <strong>0</strong>.")
    assertNotContains(response, '<svg class="chart"')


def test_affiliations_run_both_ways(client):
    kremlin = make_source("Kremlin", kind=SourceKind.GOVERNMENT)
    peskov = make_source("Dmitry Peskov", role="Spokesman", affiliation=kremlin)
    make_statement(source=peskov)
    assertContains(
        client.get(peskov.get_absolute_url()),
        '<span class="affiliation">Dmitry Peskov <span aria-hidden="true">→</span>'
        '<span class="visually-hidden">speaks for</span> <a href="/sources/kremlin/">Kremlin</a>'
        "</span>",
        html=True,
    )
    assertContains(
        client.get(kremlin.get_absolute_url()),
        '<li><a href="/sources/dmitry-peskov/">Dmitry Peskov</a> (Spokesman)</li>',
        html=True,
    )


def test_appearances_count_statements_and_articles_by_outlet(client):
    source = make_source("Jane Minister")
    planet = make_outlet("Daily Planet")
    for _ in range(2):
        make_statement(make_article(outlet=planet), source=source)
    wire = make_outlet("Wire Service")
    make_statement(make_article(outlet=wire), source=source)
    make_statement(make_article(outlet=wire, status=ArticleStatus.DRAFT), source=source)

    response = client.get(source.get_absolute_url())

    html = response.content.decode()
    table = html[html.index('<table class="appearance-table">') :]
    assert (
        '<tr><th scope="row"><a href="/sources/daily-planet/">Daily Planet</a></th>'
        "<td>2</td><td>2</td></tr>" in table
    )
    assert (
        '<tr><th scope="row"><a href="/sources/wire-service/">Wire Service</a></th>'
        "<td>1</td><td>1</td></tr>" in table
    )


# Claims


def test_claim_page_lists_every_statement_with_its_chain_and_the_related_claims(client):
    story = make_story("The bridge")
    planet = make_article("Planet's take", story=story, outlet=make_outlet("Daily Planet"))
    wire = make_article("Wire's take", story=story, outlet=make_outlet("Wire Service"))
    claim = make_claim(
        "The bridge opens in May",
        [
            make_statement(planet, source=make_source("Jane Minister"), verdict=Verdict.FALSE),
            make_statement(wire, verdict=Verdict.FALSE),
        ],
        story=story,
        verdict=Verdict.FALSE,
        note="It opens in June.",
    )
    other = make_claim(
        "The bridge opens in June",
        [make_statement(wire, "Critics said the project was over budget.")],
    )
    make_relation(other, "contradicts", claim, note="The ministry's plan.")

    response = client.get(claim.get_absolute_url())

    assertContains(response, "<h1>The bridge opens in May</h1>", html=True)
    assertContains(response, "It opens in June.")
    assertContains(response, '<a href="/stories/the-bridge/">The bridge</a>')
    assertContains(response, f'<h3><a href="{planet.get_absolute_url()}">Planet&#x27;s take</a>')
    assertContains(response, f'<a href="{planet.get_absolute_url()}#statement-')
    assertContains(response, '<a href="/sources/jane-minister/">Jane Minister</a>')
    assertContains(
        response,
        '<span class="relation-kind">Contradicted by</span> '
        f'<a href="/claims/{other.slug}/">The bridge opens in June</a>',
    )
    assertContains(response, "(2 statements, 2 outlets)")
    assertContains(
        client.get(other.get_absolute_url()), '<span class="relation-kind">Contradicts</span>'
    )


def test_claim_known_only_from_drafts_is_not_found(client, editor):
    claim = make_claim(statements=[make_statement(make_article(status=ArticleStatus.DRAFT))])
    assert client.get(claim.get_absolute_url()).status_code == 404
    assert client.get("/claims/").context["page"].paginator.count == 0
    client.force_login(editor)
    assert client.get(claim.get_absolute_url()).status_code == 200


def test_claim_page_hides_statements_of_drafts(client):
    claim = make_claim(
        statements=[
            make_statement(make_article("Public one")),
            make_statement(make_article("Draft one", status=ArticleStatus.DRAFT)),
        ]
    )
    response = client.get(claim.get_absolute_url())
    assertContains(response, "Public one")
    assertNotContains(response, "Draft one")


@pytest.mark.parametrize("count", [3, 30])
def test_claim_page_queries_do_not_grow(client, django_assert_num_queries, count):
    article = make_article_with_statements(count, story=make_story())
    claim = make_claim(statements=article.statements.all(), verdict=Verdict.FALSE)
    for _n in range(count):
        make_relation(claim, "supports", make_claim(statements=[make_statement()]))
    # the claim with its story; its statements with sources, affiliations, relays, articles,
    # outlets and stories; its relations with the other claims.
    with django_assert_num_queries(3):
        response = client.get(claim.get_absolute_url())
    assert response.status_code == 200


def test_claim_list_shows_verdict_counts_and_story(client):
    story = make_story("The bridge")
    article = make_article(story=story)
    make_claim(
        "The bridge opens in May", [make_statement(article)], story=story, verdict=Verdict.FALSE
    )
    response = client.get("/claims/")
    assertContains(response, '<li class="claim-item v-false">')
    assertContains(response, "1 statement in 1 outlet")
    assertContains(response, '<a href="/stories/the-bridge/">The bridge</a>')


@pytest.mark.parametrize("count", [3, 30])
def test_claim_list_queries_do_not_grow(client, django_assert_num_queries, count):
    story = make_story()
    for _n in range(count):
        article = make_article_with_statements(2, story=story)
        make_claim(statements=article.statements.all(), story=story)
    # paginator count; filter choices: entities, sources, outlets; the page of claims with
    # their stories and counts.
    with django_assert_num_queries(5):
        response = client.get("/claims/")
    assert response.status_code == 200


# Statements and sources lists


@pytest.mark.parametrize("count", [3, 30])
def test_statement_list_queries_do_not_grow(client, django_assert_num_queries, count):
    make_article_with_statements(count, story=make_story())
    # paginator count; filter choices: entities, sources, outlets; the page of statements
    # with sources, relays, articles, outlets and stories.
    with django_assert_num_queries(5):
        response = client.get("/statements/")
    assertContains(response, '<li class="statement-item', count=min(count, 25))


def test_statement_list_hides_drafts(client, editor):
    make_statement(
        make_article(status=ArticleStatus.DRAFT), "Critics said the project was over budget."
    )
    assertNotContains(client.get("/statements/"), "Critics said")
    client.force_login(editor)
    assertContains(client.get("/statements/"), "Critics said")


def test_source_list_counts_visible_statements_and_leaves_out_anonymous_sources(client):
    source = make_source("Jane Minister")
    article = make_article()
    make_statement(article, source=source, verdict=Verdict.FALSE)
    make_statement(article, "Critics said the project was over budget.", source=source)
    make_statement(make_article(status=ArticleStatus.DRAFT), source=source)
    make_statement(article, '"We are on schedule,"', source=make_anonymous_source(article))
    response = client.get("/sources/")
    assertContains(
        response,
        '<p class="source-counts"><span class="count-number">2</span> statements, '
        '<span class="count-number">1</span> checked</p>',
        html=True,
    )
    assertNotContains(response, "a senior official")


@pytest.mark.parametrize("count", [3, 30])
def test_source_list_queries_do_not_grow(client, django_assert_num_queries, count):
    make_article_with_statements(count)
    # paginator count; filter choices: entities, outlets; the page of sources with
    # affiliations and counts.
    with django_assert_num_queries(4):
        response = client.get("/sources/")
    assert response.status_code == 200


# Search, "How we check", caching, robots.txt, sitemap, favicon


def test_search_finds_stories_claims_statements_and_sources(client):
    story = make_story("Bridge works")
    article = make_article(story=story)
    statement = make_statement(
        article, source=make_source("Bridge Authority", kind=SourceKind.ORGANISATION)
    )
    make_claim("The bridge opens in May", [statement])
    response = client.get("/search/?q=bridge")
    for title in ["Stories", "Claims", "Statements", "Sources"]:
        assertContains(response, f'{title} <span class="count">(1)</span>')
    assertContains(response, "Bridge works")
    assertContains(response, "Bridge Authority")


def test_search_links_to_the_full_list_when_there_are_more(client, monkeypatch):
    from stories.views import pages

    monkeypatch.setattr(pages, "SEARCH_RESULTS", 1)
    article = make_article()
    make_statement(article)
    make_statement(article, "Critics said the project was over budget.")
    response = client.get("/search/?q=said")
    assertContains(response, '<a href="/statements/?q=said">All 2 statements matching “said”</a>')


def test_search_never_finds_drafts(client):
    draft = make_article(
        "Secret bridge", story=make_story("Secret story"), status=ArticleStatus.DRAFT
    )
    make_statement(draft, source=make_source("Secret Person"))
    response = client.get("/search/?q=secret")
    assertContains(response, "0 results")
    assertNotContains(response, "Secret Person")


def test_empty_search_shows_the_form(client):
    response = client.get("/search/")
    assertContains(response, '<input type="search" id="search-q" name="q" value=""')
    assertContains(response, '<meta name="robots" content="noindex, follow">')


@pytest.mark.parametrize("count", [1, 12])
def test_search_queries_do_not_grow(client, django_assert_num_queries, count):
    for n in range(count):
        article = make_article_with_statements(2, story=make_story(f"Claim story {n}"))
        make_claim("Claim number one", statements=article.statements.all())
        article.statements.update(source=make_source(f"Claim Office {n}"))
    # for stories, claims, statements and sources: a few rows, and a count when there are
    # more.
    with django_assert_num_queries(4 if count == 1 else 8):
        response = client.get("/search/?q=claim")
    assert response.status_code == 200


def test_how_we_check_defines_every_verdict_with_an_anchor(client):
    response = client.get("/how-we-check/")
    for verdict in Verdict:
        assertContains(response, f'id="verdict-{verdict.value}"')
        assertContains(response, verdict.definition)
    assertContains(response, "Checked statements are not a random sample.")
    assertContains(response, 'id="track-records"')


def test_readers_pages_may_be_cached_briefly_but_editors_pages_never(client, editor):
    article = make_article()
    response = client.get(article.get_absolute_url())
    assert response["Cache-Control"] == "public, max-age=60"
    assert "Cookie" in response["Vary"]
    client.force_login(editor)
    response = client.get(article.get_absolute_url())
    assert "private" in response["Cache-Control"]
    assert "no-cache" in response["Cache-Control"] and "max-age=0" in response["Cache-Control"]


def test_robots_txt_points_at_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert "User-agent: *" in text
    assert "Disallow: /admin/" in text
    assert "Sitemap: http://testserver/sitemap.xml" in text


def test_sitemap_lists_what_readers_may_see_and_nothing_else(client):
    story = make_story("Public story")
    article = make_article("Public article", story=story)
    statement = make_statement(article, source=make_source("Jane Minister"))
    claim = make_claim(statements=[statement])
    draft = make_article("Draft", story=make_story("Draft story"), status=ArticleStatus.DRAFT)
    hidden = make_claim(statements=[make_statement(draft, source=make_source("Hidden Person"))])
    index = client.get("/sitemap.xml").content.decode()
    sections = re.findall(r"<loc>http://testserver(/sitemap-[a-z]+\.xml)</loc>", index)
    assert "/sitemap-articles.xml" in sections
    xml = "".join(client.get(section).content.decode() for section in sections)
    for url in [
        "/",
        "/claims/",
        "/how-we-check/",
        story.get_absolute_url(),
        article.get_absolute_url(),
        claim.get_absolute_url(),
        "/sources/jane-minister/",
    ]:
        assert f"<loc>http://testserver{url}</loc>" in xml, url
    for url in [draft.get_absolute_url(), hidden.get_absolute_url(), "/sources/hidden-person/"]:
        assert url not in xml
    assert "<lastmod>" in xml


def test_favicon_ico_redirects_to_the_static_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"] == "/static/favicon.ico"


@pytest.mark.parametrize(
    "name", ["favicon.svg", "favicon.ico", "apple-touch-icon.png", "og-image.png"]
)
def test_icons_and_the_sharing_image_exist(name):
    assert finders.find(name)


def test_statement_permalink_redirects_to_its_place_in_the_article(client):
    article = make_article()
    statement = make_statement(article)
    response = client.get(f"/statements/{statement.pk}/")
    assert response.status_code == 302
    assert response["Location"] == f"{article.get_absolute_url()}#statement-{statement.pk}"
    draft = make_statement(make_article(status=ArticleStatus.DRAFT))
    assert client.get(f"/statements/{draft.pk}/").status_code == 404


@pytest.mark.parametrize("count", [3, 30])
def test_sitemap_queries_do_not_grow(client, django_assert_num_queries, count):
    for _ in range(count):
        article = make_article_with_statements(2, story=make_story())
        make_claim(statements=article.statements.all())
        article.tags.add(make_entity())
    # The index counts the rows of each section to page it (stories, articles, claims,
    # sources, entities) and takes the latest change of the four that have dates.
    with django_assert_num_queries(9):
        response = client.get("/sitemap.xml")
    assert response.status_code == 200
    # A section: its count and its rows.
    with django_assert_num_queries(2):
        response = client.get("/sitemap-articles.xml")
    assert response.status_code == 200


def test_how_we_check_and_robots_txt_need_no_queries(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        client.get("/how-we-check/")
        client.get("/robots.txt")


def test_statement_permalink_is_one_query(client, django_assert_num_queries):
    statement = make_statement()
    with django_assert_num_queries(1):
        client.get(f"/statements/{statement.pk}/")


# The chain of attribution


@pytest.mark.parametrize(
    ("attribution", "expected"),
    [
        ("told Russian news agencies", "Russian news agencies"),
        ("told Russian news agencies Monday", "Russian news agencies"),
        ("said in an interview with the BBC on Sunday", "the BBC"),
        ("speaking to state television, said", "state television"),
        ("told reporters", ""),
        ("told a news conference", ""),
        ("according to", ""),
        ("said", ""),
        ("", ""),
    ],
)
def test_the_audience_named_by_the_attribution(attribution, expected):
    from stories.templatetags.reader import audience

    assert audience(attribution) == expected


def chain_of(statement):
    from stories.templatetags.reader import attribution_chain

    return [(step.role, step.name) for step in attribution_chain(statement)]


def test_chain_leaves_out_an_audience_that_is_the_relay():
    article = make_article(outlet=make_outlet("Daily Planet"))
    cnn = make_outlet("CNN", aliases=["Cable News Network"])
    statement = make_statement(
        article, source=make_source("Dmitry Peskov"), via=cnn, attribution="told CNN"
    )
    assert chain_of(statement) == [
        ("speaker", "Dmitry Peskov"),
        ("relay", "CNN"),
        ("outlet", "Daily Planet"),
    ]


def test_chain_of_the_outlets_own_assertion_is_the_outlet_alone():
    article = make_article(outlet=make_outlet("Daily Planet"))
    assert chain_of(make_statement(article, kind="assertion")) == [("speaker", "Daily Planet")]


def test_chain_of_a_source_that_is_the_outlet_itself_does_not_repeat_it():
    outlet = make_outlet("Daily Planet")
    statement = make_statement(make_article(outlet=outlet), source=outlet)
    assert chain_of(statement) == [("speaker", "Daily Planet")]


def test_chain_names_an_unnamed_source_as_the_article_does_and_an_unknown_outlet_by_headline():
    article = make_article("Bridge delayed again", outlet=None)
    source = make_anonymous_source(article, "a senior official")
    assert chain_of(make_statement(article, source=source)) == [
        ("speaker", "A senior official"),
        ("outlet", "Bridge delayed again"),
    ]
