"""Structured data: schema.org JSON-LD for the article page (a NewsArticle, and a ClaimReview
per checked statement) and the claim page, and each statement as a W3C Web Annotation.

Plain functions that return dicts; script() serialises them into a
<script type="application/ld+json"> element, escaped so that no text can close it.
"""

import json

from django.conf import settings
from django.urls import reverse
from django.utils.safestring import mark_safe

from stories.models import EntityKind, SourceKind, Verdict
from stories.names import normalize_name

SCHEMA = "https://schema.org"
CLAIM_LIMIT = 75  # claimReviewed stays under this many characters
BEST_RATING, WORST_RATING = 5, 1

ENTITY_TYPES = {
    EntityKind.PERSON: "Person",
    EntityKind.ORGANISATION: "Organization",
    EntityKind.PLACE: "Place",
    EntityKind.EVENT: "Event",
    EntityKind.TOPIC: "Thing",
}

# As in django.utils.html.json_script: inside <script>, these three could end the element.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def script(data):
    """A <script type="application/ld+json"> element holding `data`, safe to put in a page."""
    text = json.dumps(data, ensure_ascii=False, indent=None).translate(_SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # nosec: escaped above


def shorten(text, limit=CLAIM_LIMIT):
    """`text` on one line and under `limit` characters, cut on a word boundary with "…"."""
    text = " ".join(str(text).split())
    if len(text) < limit:
        return text
    cut = text[: limit - 2]  # with the ellipsis: limit - 1 characters
    if " " in cut and text[limit - 2] != " ":  # drop the word the cut went through
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:.-–—") + "…"


def _date(value):
    return value.isoformat(timespec="seconds") if value else None


def _compact(data):
    """`data` without its empty values."""
    return {key: value for key, value in data.items() if value not in (None, "", [], {})}


def newsroom(request):
    """The newsroom itself, author of every ClaimReview."""
    url = settings.NEWSROOM_URL or request.build_absolute_uri(reverse("stories:story_list"))
    return {"@type": "Organization", "name": settings.NEWSROOM_NAME, "url": url}


def organization(source):
    if source is None:
        return None
    return _compact({"@type": "Organization", "name": source.name, "url": source.url})


def claim_author(source):
    """A Person or Organization for who said a statement; None when nobody can be named."""
    if source is None or source.kind == SourceKind.ANONYMOUS:
        return None
    if source.kind == SourceKind.DOCUMENT:  # a document speaks for whoever issued it
        return organization(source.affiliation)
    if source.kind == SourceKind.PERSON:
        return _compact(
            {
                "@type": "Person",
                "name": source.name,
                "jobTitle": source.role,
                "affiliation": organization(source.affiliation),
            }
        )
    return organization(source)


def article_authors(article):
    """The byline's people, or the outlet when there is no byline or it names the outlet."""
    byline = " ".join(article.byline.split())
    if byline.lower().startswith("by "):
        byline = byline[3:]
    outlet = article.outlet
    if not byline or (outlet and normalize_name(byline) == normalize_name(outlet.name)):
        return [organization(outlet)] if outlet else []
    names = byline.replace(" and ", ", ").split(",")
    return [{"@type": "Person", "name": name.strip()} for name in names if name.strip()]


def about(entity):
    wikidata = f"https://www.wikidata.org/wiki/{entity.wikidata_id}" if entity.wikidata_id else ""
    return _compact(
        {"@type": ENTITY_TYPES.get(entity.kind, "Thing"), "name": entity.name, "sameAs": wikidata}
    )


def news_article(article, page_url):
    return _compact(
        {
            "@context": SCHEMA,
            "@type": "NewsArticle",
            "headline": article.headline,
            "description": " ".join(article.dek.split()),
            "datePublished": _date(article.published_at),
            "dateModified": _date(article.updated_at),
            "author": article_authors(article),
            "publisher": organization(article.outlet),
            "url": page_url,
            "mainEntityOfPage": {"@type": "WebPage", "@id": page_url},
            "isBasedOn": article.url,
            "about": [about(entity) for entity in article.tags.all()],
        }
    )


def rating(verdict):
    verdict = Verdict(verdict)
    data = {"@type": "Rating", "alternateName": verdict.label}
    if verdict.rating is not None:
        data |= {
            "ratingValue": verdict.rating,
            "bestRating": BEST_RATING,
            "worstRating": WORST_RATING,
        }
    return data


def claim_review(statement, article, page_url, reviewer):
    """The ClaimReview of a checked statement; None while it is unchecked."""
    if statement.verdict == Verdict.UNCHECKED:
        return None
    appearance = _compact(
        {
            "@type": "NewsArticle",
            "url": article.url or page_url,
            "headline": article.headline,
            "publisher": organization(article.outlet),
        }
    )
    author = claim_author(statement.source)
    if statement.source is None:  # the outlet's own assertion
        author = organization(article.outlet)
    claim = _compact(
        {
            "@type": "Claim",
            "author": author,
            "datePublished": _date(article.published_at),
            "appearance": appearance,
            "firstAppearance": appearance,
        }
    )
    return _compact(
        {
            "@context": SCHEMA,
            "@type": "ClaimReview",
            "url": f"{page_url}#{statement.anchor}",
            "claimReviewed": shorten(statement.quote),
            "reviewRating": rating(statement.verdict),
            "author": reviewer,
            "datePublished": _date(statement.reviewed_at),
            "itemReviewed": claim,
        }
    )


def article_page(article, statements, request):
    """[NewsArticle, ClaimReview, …] for an article page."""
    page_url = request.build_absolute_uri(article.get_absolute_url())
    reviewer = newsroom(request)
    reviews = (claim_review(s, article, page_url, reviewer) for s in statements)
    return [news_article(article, page_url), *(r for r in reviews if r)]


def _appearance(article, request):
    page_url = request.build_absolute_uri(article.get_absolute_url())
    return _compact(
        {
            "@type": "NewsArticle",
            "url": article.url or page_url,
            "headline": article.headline,
            "datePublished": _date(article.published_at),
            "publisher": organization(article.outlet),
        }
    )


def claim_page(claim, statements, request):
    """[ClaimReview] for a checked claim's page, its appearances every visible article that
    reports it (the earliest first); [] while the claim is unchecked."""
    if claim.verdict == Verdict.UNCHECKED or not statements:
        return []
    articles = []
    for statement in statements:
        if statement.article not in articles:
            articles.append(statement.article)
    articles.sort(key=lambda a: (a.published_at is None, a.published_at or a.created_at))
    appearances = [_appearance(article, request) for article in articles]
    first = next(s for s in statements if s.article == articles[0])
    author = claim_author(first.source) if first.source else organization(first.article.outlet)
    item = _compact(
        {
            "@type": "Claim",
            "author": author,
            "datePublished": _date(articles[0].published_at),
            "appearance": appearances,
            "firstAppearance": appearances[0],
        }
    )
    review = {
        "@context": SCHEMA,
        "@type": "ClaimReview",
        "url": request.build_absolute_uri(claim.get_absolute_url()),
        "claimReviewed": shorten(claim.text),
        "reviewRating": rating(claim.verdict),
        "author": newsroom(request),
        "datePublished": _date(claim.reviewed_at),
        "itemReviewed": item,
    }
    return [_compact(review)]


ANNOTATION_CONTEXT = "http://www.w3.org/ns/anno.jsonld"


def web_annotation(statement, request):
    """A statement as a W3C Web Annotation: motivation "assessing", the verdict and note as
    its body, and the quoted words as a TextQuoteSelector on the article (our page, and the
    outlet's original when it is known)."""
    article = statement.article
    verdict = Verdict(statement.verdict)
    selector = _compact(
        {
            "type": "TextQuoteSelector",
            "exact": statement.quote,
            "prefix": statement.prefix,
            "suffix": statement.suffix,
        }
    )
    sources = [request.build_absolute_uri(article.get_absolute_url())]
    if article.url.lower().startswith(("http://", "https://")):
        sources.append(article.url)
    body = [
        {
            "type": "TextualBody",
            "purpose": "assessing",
            "value": verdict.label,
            "format": "text/plain",
            "language": "en",
        }
    ]
    if statement.note.strip():
        body.append(
            {
                "type": "TextualBody",
                "purpose": "commenting",
                "value": statement.note.strip(),
                "format": "text/plain",
                "language": "en",
            }
        )
    for evidence in statement.evidence.all():
        if evidence.url.lower().startswith(("http://", "https://")):
            body.append(
                _compact(
                    {
                        "type": "SpecificResource",
                        "purpose": "linking",
                        "source": evidence.url,
                        "label": evidence.title,
                    }
                )
            )
    creator = newsroom(request)
    return _compact(
        {
            "@context": ANNOTATION_CONTEXT,
            "id": request.build_absolute_uri(
                reverse("stories:statement_annotation", args=[statement.pk])
            ),
            "type": "Annotation",
            "motivation": "assessing",
            "canonical": request.build_absolute_uri(
                reverse("stories:statement_detail", args=[statement.pk])
            ),
            "created": _date(statement.created_at),
            "modified": _date(statement.reviewed_at or statement.updated_at),
            "creator": {
                "type": "Organization",
                "name": creator["name"],
                "homepage": creator["url"],
            },
            "body": body,
            "target": [
                {"type": "SpecificResource", "source": source, "selector": selector}
                for source in sources
            ],
        }
    )
