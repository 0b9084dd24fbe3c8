"""Suggesting that statements in different articles assert the same claim.

A statement is compared with the statements of other articles that share its story,
or that were published within a few weeks and share a tagged entity. The score mixes
how alike the two quotes are (their content words, with attribution words and names
of sources left out), whether the same source made both, and how many entities the
two articles share. Likely pairs become ClaimSuggestions that an editor confirms or
rejects; a pair once rejected is never suggested again.
"""

import datetime
import re

from django.db.models import Q
from rapidfuzz import fuzz, process

from stories.models import Article, ClaimSuggestion, Statement
from stories.names import normalize_name

THRESHOLD = 0.55  # suggest pairs scoring at least this
CANDIDATES = 200  # compare with at most this many statements, the most recent
WINDOW = datetime.timedelta(days=21)

TEXT_WEIGHT, SOURCE_WEIGHT, ENTITY_WEIGHT = 0.6, 0.25, 0.15

# Words that say who said it or hedge it, not what was said.
_NOISE = set(
    """
    said says say told tells according reported reports reporting announced announces added
    stated claimed claims confirmed denied insisted noted warned wrote explained argued
    monday tuesday wednesday thursday friday saturday sunday today yesterday
    the a an and or but of to in on at for with by from that this these those is was were be
    been being has have had it its as which who whom whose also however although
    """.split()
)
_WORD = re.compile(r"[\w'’-]+")


def content_words(text, names=()):
    """The words that carry what a statement says, lower-cased, in order."""
    skip = set(_NOISE)
    for name in names:
        skip.update(normalize_name(name).split())
    return [w for w in (m.group().lower() for m in _WORD.finditer(text)) if w not in skip]


def _source_names(statement):
    names = []
    for source in (statement.source, statement.via, statement.article.outlet):
        if source is not None:
            names += [source.name, *source.aliases]
    return names


def pair_score(wording, same_source, shared_entities):
    """0–1 from how alike the wording is (0–1), a shared source and shared entities (0–1)."""
    score = TEXT_WEIGHT * wording + SOURCE_WEIGHT * same_source + ENTITY_WEIGHT * shared_entities
    return round(min(score, 1.0), 3)


def candidates_for(article):
    """Statements of other articles worth comparing with this article's statements."""
    nearby = Q(article__story=article.story) if article.story_id else Q(pk__in=[])
    tags = list(article.tags.values_list("pk", flat=True))
    if tags:
        shared = Q(article__tags__in=tags)
        if article.published_at:
            shared &= Q(
                article__published_at__range=(
                    article.published_at - WINDOW,
                    article.published_at + WINDOW,
                )
            )
        nearby |= shared
    return (
        Statement.objects.filter(nearby)
        .exclude(article=article)
        .filter(orphaned=False)
        .select_related("source", "via", "article__outlet")
        .distinct()
        .order_by("-article__published_at", "pk")[:CANDIDATES]
    )


def _needed_wording(threshold, same_source):
    """The least wording similarity (0–100) with which a pair can still reach `threshold`,
    even sharing every entity: what rapidfuzz may skip below."""
    rest = threshold - SOURCE_WEIGHT * same_source - ENTITY_WEIGHT
    return max(rest / TEXT_WEIGHT, 0.0) * 100


def suggest_claims(article, *, threshold=THRESHOLD):
    """Creates ClaimSuggestions for the article's statements; returns those created.

    Each statement's content words are computed once, and rapidfuzz compares them with
    every candidate's in one call, skipping pairs whose wording is too far apart to reach
    the threshold; only the pairs left are scored in full.
    """
    statements = list(
        article.statements.filter(orphaned=False).select_related("source", "via", "article__outlet")
    )
    if not statements:
        return []
    others = list(candidates_for(article))
    if not others:
        return []
    tags = {article.pk: set(article.tags.values_list("pk", flat=True))}
    for article_id, tag_id in Article.tags.through.objects.filter(
        content_object__in={o.article_id for o in others}
    ).values_list("content_object", "tag"):
        tags.setdefault(article_id, set()).add(tag_id)
    known = set()
    for first, second in ClaimSuggestion.objects.filter(
        Q(statement__in=statements) | Q(other__in=statements)
    ).values_list("statement", "other"):
        known.update({(first, second), (second, first)})

    words = {s.pk: " ".join(content_words(s.quote, _source_names(s))) for s in statements}
    words.update({o.pk: " ".join(content_words(o.quote, _source_names(o))) for o in others})
    created = []
    for statement in statements:
        same, rest = [], []
        for other in others:
            alike = statement.source_id is not None and other.source_id == statement.source_id
            (same if alike else rest).append(other)
        best = []
        for group, same_source in ((same, True), (rest, False)):
            matches = process.extract(
                words[statement.pk],
                [words[o.pk] for o in group],
                scorer=fuzz.token_set_ratio,
                score_cutoff=_needed_wording(threshold, same_source),
                limit=10,  # the best few by wording; three are kept
            )
            for _choice, wording, index in matches:
                other = group[index]
                if (statement.pk, other.pk) in known:
                    continue
                if statement.claim_id and statement.claim_id == other.claim_id:
                    continue
                mine, theirs = tags[article.pk], tags.get(other.article_id, set())
                shared = len(mine & theirs) / len(mine | theirs) if mine | theirs else 0.0
                score = pair_score(wording / 100, same_source, shared)
                if score >= threshold:
                    best.append((score, other, wording / 100, same_source, len(mine & theirs)))
        for score, other, wording, same_source, shared in sorted(best, key=lambda b: -b[0])[:3]:
            reasons = [f"wording {wording:.0%} alike"]
            if same_source:
                reasons.append(f"both from {statement.source.name}")
            if shared:
                reasons.append(f"{shared} shared entities")
            created.append(
                ClaimSuggestion(
                    statement=statement, other=other, score=score, reason="; ".join(reasons)
                )
            )
            known.update({(statement.pk, other.pk), (other.pk, statement.pk)})
    return ClaimSuggestion.objects.bulk_create(created)
