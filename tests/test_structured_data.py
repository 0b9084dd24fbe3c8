"""The article page's JSON-LD, read back with extruct as a search engine would."""

import datetime as dt

import extruct
import pytest
from django.utils import timezone

from stories.models import SourceKind, Verdict
from stories.structured_data import CLAIM_LIMIT, script, shorten
from tests.factories import (
    make_article,
    make_entity,
    make_outlet,
    make_source,
    make_statement,
)

pytestmark = pytest.mark.django_db

PUBLISHED = timezone.make_aware(dt.datetime(2024, 5, 3, 9, 30))


def json_ld(client, article):
    url = f"http://testserver{article.get_absolute_url()}"
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    data = extruct.extract(
        response.content.decode(), base_url=url, syntaxes=["json-ld"], uniform=True
    )
    return data["json-ld"]


def of_type(items, kind):
    return [item for item in items if item["@type"] == kind]


def claim_reviews(client, article):
    return of_type(json_ld(client, article), "ClaimReview")


def test_article_page_has_a_news_article(client):
    outlet = make_outlet("Daily Planet", url="https://planet.example/")
    article = make_article(
        "Bridge to open in May",
        outlet=outlet,
        dek="The minister promises a May opening.",
        byline="By Ann Reporter and Bo Writer",
        published_at=PUBLISHED,
        url="https://planet.example/bridge",
    )
    article.tags.add(
        make_entity("Vladimir Putin", kind="person", wikidata_id="Q7747"),
        make_entity("Moscow", kind="place"),
    )

    [news] = of_type(json_ld(client, article), "NewsArticle")

    page = f"http://testserver{article.get_absolute_url()}"
    assert news["@context"] == "https://schema.org"
    assert news["headline"] == "Bridge to open in May"
    assert news["description"] == "The minister promises a May opening."
    assert news["datePublished"] == "2024-05-03T09:30:00+00:00"
    assert news["dateModified"].startswith(str(timezone.now().year))
    assert news["author"] == [
        {"@type": "Person", "name": "Ann Reporter"},
        {"@type": "Person", "name": "Bo Writer"},
    ]
    assert news["publisher"] == {
        "@type": "Organization",
        "name": "Daily Planet",
        "url": "https://planet.example/",
    }
    assert news["url"] == page
    assert news["mainEntityOfPage"] == {"@type": "WebPage", "@id": page}
    assert news["isBasedOn"] == "https://planet.example/bridge"
    assert sorted(news["about"], key=lambda thing: thing["name"]) == [
        {"@type": "Place", "name": "Moscow"},
        {
            "@type": "Person",
            "name": "Vladimir Putin",
            "sameAs": "https://www.wikidata.org/wiki/Q7747",
        },
    ]


def test_news_article_without_byline_is_authored_by_the_outlet(client):
    article = make_article(outlet=make_outlet("Daily Planet"), byline="")
    [news] = of_type(json_ld(client, article), "NewsArticle")
    assert news["author"] == [{"@type": "Organization", "name": "Daily Planet"}]


def test_each_checked_statement_has_a_claim_review(client):
    article = make_article(published_at=PUBLISHED, url="https://planet.example/bridge")
    statement = make_statement(
        article, source=make_source("Jane Minister", role="Minister"), verdict=Verdict.VERIFIED
    )
    make_statement(article, "Critics said the project was over budget.", verdict=Verdict.FALSE)

    reviews = claim_reviews(client, article)

    assert len(reviews) == 2
    review = reviews[0]
    page = f"http://testserver{article.get_absolute_url()}"
    assert review["@context"] == "https://schema.org"
    assert review["url"] == f"{page}#statement-{statement.pk}"
    assert review["claimReviewed"] == statement.quote
    assert review["reviewRating"] == {
        "@type": "Rating",
        "alternateName": "Verified",
        "ratingValue": 5,
        "bestRating": 5,
        "worstRating": 1,
    }
    assert review["author"] == {
        "@type": "Organization",
        "name": "Newsroom",
        "url": "http://testserver/",
    }
    statement.refresh_from_db()
    assert review["datePublished"] == statement.reviewed_at.isoformat(timespec="seconds")
    appearance = {
        "@type": "NewsArticle",
        "url": "https://planet.example/bridge",
        "headline": article.headline,
        "publisher": {"@type": "Organization", "name": "Example News"},
    }
    assert review["itemReviewed"] == {
        "@type": "Claim",
        "author": {"@type": "Person", "name": "Jane Minister", "jobTitle": "Minister"},
        "datePublished": "2024-05-03T09:30:00+00:00",
        "appearance": appearance,
        "firstAppearance": appearance,
    }


def test_unchecked_statement_has_no_claim_review(client):
    article = make_article()
    make_statement(article)
    assert claim_reviews(client, article) == []


def test_false_statement_is_rated_false_and_one(client):
    article = make_article()
    make_statement(article, verdict=Verdict.FALSE)
    [review] = claim_reviews(client, article)
    assert review["reviewRating"]["alternateName"] == "False"
    assert review["reviewRating"]["ratingValue"] == 1
    assert review["reviewRating"]["bestRating"] == 5
    assert review["reviewRating"]["worstRating"] == 1


def test_unverifiable_statement_is_rated_in_words_only(client):
    article = make_article()
    make_statement(article, verdict=Verdict.UNVERIFIABLE)
    [review] = claim_reviews(client, article)
    assert review["reviewRating"] == {"@type": "Rating", "alternateName": "Unverifiable"}


def test_claim_appears_on_our_page_when_the_original_url_is_unknown(client):
    article = make_article(url="")
    make_statement(article, verdict=Verdict.FALSE)
    [review] = claim_reviews(client, article)
    page = f"http://testserver{article.get_absolute_url()}"
    assert review["itemReviewed"]["appearance"]["url"] == page
    assert review["itemReviewed"]["firstAppearance"]["url"] == page


def test_review_author_is_the_configured_newsroom(client, settings):
    settings.NEWSROOM_NAME = "The Checkers"
    settings.NEWSROOM_URL = "https://checkers.example/"
    article = make_article()
    make_statement(article, verdict=Verdict.FALSE)
    [review] = claim_reviews(client, article)
    assert review["author"] == {
        "@type": "Organization",
        "name": "The Checkers",
        "url": "https://checkers.example/",
    }


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        (SourceKind.PERSON, {"@type": "Person", "name": "Speaker"}),
        (SourceKind.ORGANISATION, {"@type": "Organization", "name": "Speaker"}),
        (SourceKind.GOVERNMENT, {"@type": "Organization", "name": "Speaker"}),
        (SourceKind.OUTLET, {"@type": "Organization", "name": "Speaker"}),
    ],
)
def test_claim_author_is_a_person_or_an_organization_by_source_kind(client, kind, expected):
    article = make_article()
    make_statement(article, source=make_source("Speaker", kind=kind), verdict=Verdict.FALSE)
    [review] = claim_reviews(client, article)
    assert review["itemReviewed"]["author"] == expected


def test_claim_of_an_anonymous_source_names_no_author(client):
    article = make_article()
    anonymous = make_source("A senior official", kind=SourceKind.ANONYMOUS, scope_article=article)
    make_statement(article, source=anonymous, verdict=Verdict.FALSE)
    [review] = claim_reviews(client, article)
    assert "author" not in review["itemReviewed"]


def test_outlets_own_assertion_is_claimed_by_the_outlet(client):
    article = make_article(outlet=make_outlet("Daily Planet"))
    make_statement(article, kind="assertion", verdict=Verdict.FALSE)
    [review] = claim_reviews(client, article)
    assert review["itemReviewed"]["author"] == {"@type": "Organization", "name": "Daily Planet"}


def test_long_statement_is_shortened_on_a_word_boundary(client):
    body = (
        "The minister told parliament on Monday that the new bridge across the river would "
        "open to traffic in May, well ahead of the schedule agreed with the contractors."
    )
    article = make_article(body=body)
    make_statement(article, body, verdict=Verdict.MISLEADING)
    [review] = claim_reviews(client, article)
    claim = review["claimReviewed"]
    assert len(claim) < CLAIM_LIMIT
    assert claim.endswith("…")
    assert body.startswith(claim[:-1])
    assert body[len(claim) - 1] == " "  # the cut falls between words
    assert "Misleading" not in claim


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Short and sweet.", "Short and sweet."),
        ("Spread\nover  lines", "Spread over lines"),
        ("x" * 74, "x" * 74),
        ("y" * 80, "y" * 73 + "…"),
        ("word " * 20, "word " * 13 + "word…"),
        ("A " + "b" * 71 + " end", "A " + "b" * 71 + "…"),
        ("A " + "b" * 72 + " end", "A…"),
        ("Ends with a comma, " + "z" * 60 + " more", "Ends with a comma…"),
    ],
)
def test_shorten_keeps_claims_under_the_limit(text, expected):
    result = shorten(text)
    assert result == expected
    assert len(result) < CLAIM_LIMIT


def test_json_ld_cannot_be_broken_out_of(client):
    evil = '</script><script>alert("x")</script> & <!--'
    article = make_article(f"Headline {evil}", dek=evil, byline=evil)
    make_statement(article, source=make_source(f"Source {evil}"), verdict=Verdict.FALSE)

    html = client.get(article.get_absolute_url()).content.decode()

    assert "<script>alert" not in html
    assert html.count("</script>") == 1
    items = extruct.extract(html, syntaxes=["json-ld"], uniform=True)["json-ld"]
    [news] = of_type(items, "NewsArticle")
    assert news["headline"] == f"Headline {evil}"
    assert news["description"] == evil
    [review] = of_type(items, "ClaimReview")
    assert review["itemReviewed"]["author"]["name"] == f"Source {evil}"


def test_script_escapes_angle_brackets_and_ampersands():
    html = script({"text": "</script>&"})
    assert html == (
        '<script type="application/ld+json">{"text": "\\u003C/script\\u003E\\u0026"}</script>'
    )
