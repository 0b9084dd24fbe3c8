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

from stories import views
from stories.models import ArticleStatus, SourceKind, Verdict
from tests.factories import (
    make_article,
    make_article_with_statements,
    make_editor,
    make_entity,
    make_evidence,
    make_fact_checker,
    make_outlet,
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
    make_statement(article, source=source, verdict=Verdict.FALSE)
    return {
        "home": ("/", "Stories"),
        "story": (story.get_absolute_url(), "The bridge"),
        "article": (article.get_absolute_url(), "Bridge to open in May"),
        "source": (source.get_absolute_url(), "Jane Minister"),
        "entity": (entity.get_absolute_url(), "Bridges"),
    }


# Every page


@pytest.mark.parametrize("page", ["home", "story", "article", "source", "entity"])
def test_every_page_has_title_description_canonical_and_open_graph(client, page):
    url, title = page_urls()[page]
    response = client.get(url)
    assert response.status_code == 200
    assertContains(response, f"<title>{title} · Newsroom</title>", html=True)
    page = structure(response)
    assert page.html_lang == "en"
    assert page.meta["description"][0].strip()
    assert page.links["canonical"] == f"http://testserver{url}"
    assert page.meta["og:title"] == [title]
    assert page.meta["og:url"] == [f"http://testserver{url}"]
    assert page.meta["og:description"] == page.meta["description"]
    assert page.meta["og:site_name"] == ["Newsroom"]


@pytest.mark.parametrize("page", ["home", "story", "article", "source", "entity"])
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


@pytest.mark.parametrize("page", ["home", "story", "article", "source", "entity"])
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


def test_story_page_lists_its_articles_with_outlet_date_and_dek(client):
    story = make_story("The bridge")
    article = make_article(
        "Bridge opens",
        story=story,
        outlet=make_outlet("Daily Planet"),
        dek="Ribbon cut at last.",
        published_at=timezone.make_aware(dt.datetime(2024, 5, 3, 9, 0)),
    )
    make_article("Elsewhere", story=make_story())

    response = client.get(story.get_absolute_url())

    assertContains(response, "<h1>The bridge</h1>", html=True)
    assertContains(response, f'<h3><a href="{article.get_absolute_url()}">Bridge opens</a></h3>')
    assertContains(response, '<a href="/sources/daily-planet/">Daily Planet</a>')
    assertContains(response, '<time datetime="2024-05-03T09:00:00+00:00">3 May 2024</time>')
    assertContains(response, '<p class="dek">Ribbon cut at last.</p>')
    assertNotContains(response, "Elsewhere")


def test_story_page_groups_statements_by_verdict_with_source_via_and_link(client):
    story = make_story()
    article = make_article(story=story)
    minister = make_source("Jane Minister")
    wire = make_outlet("Wire Service")
    said = make_statement(article, source=minister, via=wire, verdict=Verdict.FALSE)
    other = make_statement(article, "Critics said the project was over budget.")

    response = client.get(story.get_absolute_url())

    html = response.content.decode()
    assertContains(
        response,
        '<h3 id="group-false"><span class="verdict-icon" aria-hidden="true">✗</span> False '
        '<span class="count">(1)</span></h3>',
        html=True,
    )
    assert (
        html.index('id="group-false"')
        < html.index("The minister said")
        < html.index('id="group-unchecked"')
    )
    assert html.index('id="group-unchecked"') < html.index("Critics said")
    assertContains(response, '<a href="/sources/jane-minister/">Jane Minister</a>')
    assertContains(response, 'via <a href="/sources/wire-service/">Wire Service</a>')
    assertContains(response, f'href="{article.get_absolute_url()}#statement-{said.pk}"')
    assertContains(response, f'href="{article.get_absolute_url()}#statement-{other.pk}"')


def test_story_with_only_drafts_is_not_found(client):
    story = make_story()
    make_article(story=story, status=ArticleStatus.DRAFT)
    assert client.get(story.get_absolute_url()).status_code == 404


@pytest.mark.parametrize("count", [3, 30])
def test_story_page_queries_do_not_grow(client, django_assert_num_queries, count):
    story = make_story()
    entity = make_entity()
    for n in range(count // 3):
        article = make_article_with_statements(3, story=story, published_at=when(n))
        article.tags.add(entity)
    make_article_with_statements(count, story=story)
    # the story; its statements with sources, relays and articles; its articles
    # with outlets and verdict counts; their tags.
    with django_assert_num_queries(4):
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
        '<dd><span aria-hidden="true">→ </span>'
        '<a href="/sources/wire-service/">Wire Service</a></dd>',
        html=True,
    )
    assertContains(response, "<div><dt>Attribution</dt><dd>told reporters</dd></div>", html=True)
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


@pytest.mark.parametrize("count", [3, 30])
def test_article_page_queries_do_not_grow(client, django_assert_num_queries, count):
    article = make_article_with_statements(count, story=make_story())
    article.tags.add(make_entity(), make_entity())
    # the article with outlet and story; its tags; its statements with sources,
    # affiliations and relays; their evidence.
    with django_assert_num_queries(4):
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
    assertContains(response, '<p class="eyebrow">Person</p>', html=True)
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
    assertNotContains(response, "Verdicts on the statements")


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
        '<li class="v-false"><span class="verdict-icon" aria-hidden="true">✗</span> '
        '<span class="count">2</span> False</li>',
        html=True,
    )
    assertNotContains(response, "v-verified")
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
    assertContains(response, '<p class="eyebrow">Unnamed source</p>', html=True)
    assertContains(response, "This source is not named in the article that quotes it.")


def test_anonymous_source_of_a_draft_is_not_found(client):
    draft = make_article(status=ArticleStatus.DRAFT)
    anonymous = make_source("An aide", kind=SourceKind.ANONYMOUS, scope_article=draft)
    assert client.get(anonymous.get_absolute_url()).status_code == 404


@pytest.mark.parametrize("count", [3, 30])
def test_source_page_queries_do_not_grow(client, django_assert_num_queries, count):
    source = make_source(affiliation=make_source(kind=SourceKind.ORGANISATION))
    article = make_article_with_statements(count)
    article.statements.update(source=source)
    # the source with its affiliation; the paginator count; the verdict counts;
    # the page of statements with relays and articles with outlets and stories.
    with django_assert_num_queries(4):
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
    # the entity; the paginator count; the page of articles with outlets, stories
    # and verdict counts; their tags.
    with django_assert_num_queries(4):
        response = client.get(reverse("stories:entity_detail", args=[entity.slug]))
    assert response.status_code == 200


def test_a_date_only_publication_shows_no_midnight_time(client):
    midnight = dt.datetime(2018, 4, 2, tzinfo=dt.UTC)
    article = make_article(outlet=None, published_at=midnight)
    response = client.get(article.get_absolute_url())
    assertContains(response, '<time datetime="2018-04-02T00:00:00+00:00">2 April 2018</time>')
    assertNotContains(response, '<p class="byline"><span class="sep"')
