"""Structured data: the article and claim pages' JSON-LD, read back with extruct as a search
engine would, and each statement's W3C Web Annotation."""

import datetime as dt
import json

import extruct
import pytest
from django.utils import timezone

from stories.models import ArticleStatus, Claim, SourceKind, Verdict
from stories.structured_data import CLAIM_LIMIT, script, shorten
from tests.factories import (
    make_article,
    make_claim,
    make_entity,
    make_evidence,
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


# Google's fields for fact checks and articles, read back with extruct

CLAIM_REVIEW_REQUIRED = ["claimReviewed", "reviewRating", "url"]
CLAIM_REVIEW_RECOMMENDED = ["author", "itemReviewed", "datePublished"]
CLAIM_RECOMMENDED = ["author", "datePublished", "appearance", "firstAppearance"]
NEWS_ARTICLE_RECOMMENDED = ["headline", "datePublished", "dateModified", "author"]


def test_claim_reviews_have_googles_required_and_recommended_fields(client):
    verdicts = [Verdict.VERIFIED, Verdict.MISLEADING, Verdict.DISPUTED, Verdict.FALSE]
    body = " ".join(f"Speaker {n} said thing {n}." for n in range(len(verdicts)))
    article = make_article(published_at=PUBLISHED, url="https://planet.example/b", body=body)
    for n, verdict in enumerate(verdicts):
        make_statement(
            article,
            f"Speaker {n} said thing {n}.",
            source=make_source(f"Speaker {n}", role="Minister"),
            verdict=verdict,
        )
    page = f"http://testserver{article.get_absolute_url()}"

    reviews = claim_reviews(client, article)

    assert len(reviews) == 4
    for review in reviews:
        for field in CLAIM_REVIEW_REQUIRED + CLAIM_REVIEW_RECOMMENDED:
            assert review.get(field), field
        assert len(review["claimReviewed"]) < CLAIM_LIMIT
        assert review["reviewRating"]["alternateName"] not in review["claimReviewed"]
        assert review["url"].startswith(f"{page}#statement-")
        rating = review["reviewRating"]
        assert rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]
        assert review["itemReviewed"]["@type"] == "Claim"
        for field in CLAIM_RECOMMENDED:
            assert review["itemReviewed"].get(field), field


def test_news_article_has_googles_recommended_fields(client):
    article = make_article(published_at=PUBLISHED, byline="By Ann Reporter")
    [news] = of_type(json_ld(client, article), "NewsArticle")
    for field in NEWS_ARTICLE_RECOMMENDED:
        assert news.get(field), field
    assert all(author.get("name") for author in news["author"])


# The claim page's ClaimReview


def claim_page_items(client, claim):
    url = f"http://testserver{claim.get_absolute_url()}"
    response = client.get(claim.get_absolute_url())
    return extruct.extract(
        response.content.decode(), base_url=url, syntaxes=["json-ld"], uniform=True
    )["json-ld"]


def test_checked_claim_page_has_a_claim_review_with_every_appearance(client):
    first = make_article("First report", published_at=PUBLISHED, url="https://planet.example/first")
    later = make_article("Later report", published_at=PUBLISHED + dt.timedelta(days=1))
    claim = make_claim(
        "The bridge opens in May",
        [
            make_statement(later, verdict=Verdict.FALSE),
            make_statement(first, source=make_source("Jane Minister"), verdict=Verdict.FALSE),
        ],
        verdict=Verdict.FALSE,
    )
    Claim.objects.filter(pk=claim.pk).update(reviewed_at=PUBLISHED)

    [review] = of_type(claim_page_items(client, claim), "ClaimReview")

    assert review["url"] == f"http://testserver/claims/{claim.slug}/"
    assert review["claimReviewed"] == "The bridge opens in May"
    assert review["reviewRating"]["alternateName"] == "False"
    assert review["datePublished"] == "2024-05-03T09:30:00+00:00"
    item = review["itemReviewed"]
    assert item["author"] == {"@type": "Person", "name": "Jane Minister"}
    assert [a["headline"] for a in item["appearance"]] == ["First report", "Later report"]
    assert item["firstAppearance"]["url"] == "https://planet.example/first"
    for field in CLAIM_REVIEW_REQUIRED + CLAIM_REVIEW_RECOMMENDED:
        assert review.get(field), field


def test_unchecked_claim_page_has_no_claim_review(client):
    claim = make_claim(statements=[make_statement()])
    assert claim_page_items(client, claim) == []


# Each statement as a W3C Web Annotation


def annotation(client, statement):
    response = client.get(f"/statements/{statement.pk}/annotation.jsonld")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/ld+json")
    assert 'profile="http://www.w3.org/ns/anno.jsonld"' in response["Content-Type"]
    return json.loads(response.content)


def test_statement_is_a_web_annotation_assessing_the_quoted_words(client):
    article = make_article(url="https://planet.example/bridge")
    statement = make_statement(
        article,
        "the bridge would open in May",
        verdict=Verdict.FALSE,
        note="The plan says June.",
    )
    make_evidence(statement, url="https://gov.example/plan", title="The plan")

    data = annotation(client, statement)

    assert data["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert data["type"] == "Annotation"
    assert data["motivation"] == "assessing"
    assert data["id"] == f"http://testserver/statements/{statement.pk}/annotation.jsonld"
    assert data["canonical"] == f"http://testserver/statements/{statement.pk}/"
    assert data["creator"] == {
        "type": "Organization",
        "name": "Newsroom",
        "homepage": "http://testserver/",
    }
    assert data["body"] == [
        {
            "type": "TextualBody",
            "purpose": "assessing",
            "value": "False",
            "format": "text/plain",
            "language": "en",
        },
        {
            "type": "TextualBody",
            "purpose": "commenting",
            "value": "The plan says June.",
            "format": "text/plain",
            "language": "en",
        },
        {
            "type": "SpecificResource",
            "purpose": "linking",
            "source": "https://gov.example/plan",
            "label": "The plan",
        },
    ]
    selector = {
        "type": "TextQuoteSelector",
        "exact": "the bridge would open in May",
        "prefix": "he minister said on Monday that ",  # 32 characters either side
        "suffix": '.\n\n"We are on schedule," she tol',
    }
    assert data["target"] == [
        {
            "type": "SpecificResource",
            "source": f"http://testserver{article.get_absolute_url()}",
            "selector": selector,
        },
        {
            "type": "SpecificResource",
            "source": "https://planet.example/bridge",
            "selector": selector,
        },
    ]
    assert data["created"] and data["modified"]


def test_annotation_of_an_unchecked_statement_says_so_and_targets_our_page_only(client):
    statement = make_statement(make_article(url="javascript:alert(1)"))
    data = annotation(client, statement)
    assert data["body"] == [
        {
            "type": "TextualBody",
            "purpose": "assessing",
            "value": "Not yet checked",
            "format": "text/plain",
            "language": "en",
        }
    ]
    assert len(data["target"]) == 1
    assert "prefix" not in data["target"][0]["selector"]  # the statement opens the body


def test_annotation_of_a_draft_statement_is_not_found(client):
    statement = make_statement(make_article(status=ArticleStatus.DRAFT))
    assert client.get(f"/statements/{statement.pk}/annotation.jsonld").status_code == 404


def test_annotation_queries_are_fixed(client, django_assert_num_queries):
    statement = make_statement(verdict=Verdict.FALSE)
    make_evidence(statement)
    make_evidence(statement)
    # the statement with its article; its evidence.
    with django_assert_num_queries(2):
        client.get(f"/statements/{statement.pk}/annotation.jsonld")
