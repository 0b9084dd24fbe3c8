"""Articles as JSON-ready dicts, one a line in an export, and export records read back.

An article's dict carries everything needed to load it again into an empty database: its
fields, its entities, every source it uses (its outlet, its statements' sources and relays,
and their affiliations), its statements with verdicts, notes, evidence, reviewers and their
verdict history, its corrections, and the claims its statements belong to. Sources are
named by their canonical names and identified by their slugs (`source_slug`, `via_slug`,
`outlet_slug`, `affiliation_slug`), so two sources of one name stay two; claims likewise
by `claim_slug`. Users are named by username.
"""

import datetime

from django.db.models import Prefetch, Q
from django.utils.dateparse import parse_datetime

from stories.models import (
    Article,
    ArticleStatus,
    ClaimRelation,
    Correction,
    EntityKind,
    Evidence,
    RelationKind,
    Source,
    SourceKind,
    Statement,
    StatementKind,
    Verdict,
    VerdictChange,
)

SOURCE_TEXT_FIELDS = ("role", "url", "description", "ownership", "reliability")
ARTICLE_TEXT_FIELDS = (
    "slug",
    "outlet",
    "outlet_slug",
    "url",
    "published",
    "byline",
    "dek",
    "caption",
    "caption_credit",
    "story",
    "story_summary",
    "status",
    "fingerprint",
)


class RecordError(Exception):
    """An export record that is not shaped as export_articles writes them."""


# --- Article → dict ---------------------------------------------------------------------------


def _moment(value):
    return value.isoformat() if value else None


def _username(user):
    return user.get_username() if user is not None else None


def source_to_dict(source, sources):
    affiliation = sources.get(source.affiliation_id)
    return {
        "name": source.name,
        "slug": source.slug,
        "kind": source.kind,
        "role": source.role,
        "affiliation": affiliation.name if affiliation else None,
        "affiliation_slug": affiliation.slug if affiliation else None,
        "aliases": list(source.aliases),
        "url": source.url,
        "description": source.description,
        "ownership": source.ownership,
        "reliability": source.reliability,
        "entity": source.entity.name if source.entity_id else None,
    }


def _sources_used(article, statements, sources):
    """The article's sources, with their affiliations' chains, in name order."""
    wanted = [article.outlet_id]
    for statement in statements:
        wanted += [statement.source_id, statement.via_id]
    used = {}
    while wanted:
        pk = wanted.pop()
        if pk is None or pk in used or pk not in sources:
            continue
        used[pk] = sources[pk]
        wanted.append(sources[pk].affiliation_id)
    return sorted(used.values(), key=lambda s: (s.name, s.slug))


def statement_to_dict(statement, sources):
    source = sources.get(statement.source_id)
    via = sources.get(statement.via_id)
    claim = statement.claim
    return {
        "start": statement.start,
        "end": statement.end,
        "quote": statement.quote,
        "orphaned": statement.orphaned,
        "source": source.name if source else None,
        "source_slug": source.slug if source else None,
        "source_kind": source.kind if source else None,
        "via": via.name if via else None,
        "via_slug": via.slug if via else None,
        "attribution": statement.attribution,
        "kind": statement.kind,
        "confidence": statement.confidence,
        "source_confidence": statement.source_confidence,
        "verdict": statement.verdict,
        "note": statement.note,
        "reviewed_by": _username(statement.reviewed_by),
        "reviewed_at": _moment(statement.reviewed_at),
        "claim": claim.text if claim else None,
        "claim_slug": claim.slug if claim else None,
        "claim_difference": statement.claim_difference,
        "evidence": [
            {"url": e.url, "title": e.title, "note": e.note} for e in statement.evidence.all()
        ],
        "history": [
            {
                "at": _moment(change.at),
                "user": _username(change.user),
                "from": change.from_verdict,
                "to": change.to_verdict,
                "note": change.note,
            }
            for change in statement.history.all()
        ],
    }


def claim_to_dict(claim, relations):
    return {
        "slug": claim.slug,
        "text": claim.text,
        "story": claim.story.title if claim.story_id else None,
        "verdict": claim.verdict,
        "note": claim.note,
        "reviewed_by": _username(claim.reviewed_by),
        "reviewed_at": _moment(claim.reviewed_at),
        "relations": [
            {
                "claim": relation.claim.slug,
                "kind": relation.kind,
                "other": relation.other.slug,
                "note": relation.note,
            }
            for relation in relations.get(claim.pk, [])
        ],
    }


def article_to_dict(article, sources=None, relations=None):
    """One article as a dict of plain JSON values (see the module docstring).

    `sources` maps pk → Source for every source the article uses, affiliations included;
    `relations` maps a claim's pk → its ClaimRelations (either end). Without them they are
    read here.
    """
    statements = list(article.statements.all())
    if sources is None:
        sources = {}
        _load_sources(
            [article.outlet_id, *[pk for s in statements for pk in (s.source_id, s.via_id)]],
            sources,
        )
    claims = list({s.claim_id: s.claim for s in statements if s.claim_id}.values())
    if relations is None:
        relations = _claim_relations(claims)
    outlet = sources.get(article.outlet_id)
    story = article.story
    return {
        "headline": article.headline,
        "slug": article.slug,
        "outlet": outlet.name if outlet else None,
        "outlet_slug": outlet.slug if outlet else None,
        "url": article.url,
        "published": _moment(article.published_at),
        "byline": article.byline,
        "dek": article.dek,
        "caption": article.caption,
        "caption_credit": article.caption_credit,
        "story": story.title if story else None,
        "story_summary": story.summary if story else "",
        "status": article.status,
        "fingerprint": article.fingerprint,
        "body": article.body,
        "entities": [
            {
                "name": entity.name,
                "slug": entity.slug,
                "kind": entity.kind,
                "aliases": list(entity.aliases),
                "description": entity.description,
                "wikidata_id": entity.wikidata_id,
            }
            for entity in sorted(article.tags.all(), key=lambda e: e.name)
        ],
        "sources": [
            source_to_dict(s, sources) for s in _sources_used(article, statements, sources)
        ],
        "statements": [statement_to_dict(statement, sources) for statement in statements],
        "corrections": [
            {
                "start": correction.start,
                "end": correction.end,
                "quote": correction.quote,
                "text": correction.text,
                "published": correction.published,
                "orphaned": correction.orphaned,
                "created_by": _username(correction.created_by),
            }
            for correction in article.corrections.all()
        ],
        "claims": [claim_to_dict(claim, relations) for claim in claims],
    }


def _load_sources(pks, sources):
    """Adds to `sources` (pk → Source) the given sources and their affiliations' chains."""
    missing = {pk for pk in pks if pk is not None} - sources.keys()
    while missing:
        found = list(Source.objects.filter(pk__in=missing).select_related("entity"))
        for source in found:
            sources[source.pk] = source
        missing = {s.affiliation_id for s in found if s.affiliation_id} - sources.keys()


def _claim_relations(claims):
    """{claim pk: [ClaimRelation, …]} of the relations either end of which is in `claims`."""
    pks = [claim.pk for claim in claims]
    result = {}
    if not pks:
        return result
    relations = (
        ClaimRelation.objects.filter(Q(claim__in=pks) | Q(other__in=pks))
        .select_related("claim", "other")
        .order_by("claim__slug", "kind", "other__slug", "pk")
    )
    for relation in relations:
        for end in (relation.claim_id, relation.other_id):
            result.setdefault(end, []).append(relation)
    return result


def export_queryset(queryset=None):
    """Articles with what article_to_dict() needs prefetched, oldest first."""
    statements = (
        Statement.objects.select_related("reviewed_by", "claim__story", "claim__reviewed_by")
        .order_by("start", "end", "pk")
        .prefetch_related(
            Prefetch("evidence", queryset=Evidence.objects.order_by("pk")),
            Prefetch(
                "history",
                queryset=VerdictChange.objects.select_related("user").order_by("at", "pk"),
            ),
        )
    )
    corrections = Correction.objects.select_related("created_by").order_by("start", "end", "pk")
    queryset = Article.objects.all() if queryset is None else queryset
    return (
        queryset.select_related("story")
        .prefetch_related(
            "tags",
            Prefetch("statements", queryset=statements),
            Prefetch("corrections", queryset=corrections),
        )
        .order_by("pk")
    )


def iter_article_dicts(queryset=None, chunk_size=200):
    """Yields article_to_dict() of each article, reading `chunk_size` articles at a time.

    Each chunk costs a fixed number of queries (articles, entities, statements with their
    reviewers and claims, evidence, verdict history, corrections, claim relations, and the
    sources not yet seen with their affiliations), however many statements it holds, so a
    large archive streams in bounded memory.
    """
    queryset = export_queryset(queryset)
    sources = {}
    last = None
    while True:
        page = queryset if last is None else queryset.filter(pk__gt=last)
        chunk = list(page[:chunk_size])
        if not chunk:
            return
        wanted, claims = [], {}
        for article in chunk:
            wanted.append(article.outlet_id)
            for statement in article.statements.all():
                wanted += [statement.source_id, statement.via_id]
                if statement.claim_id:
                    claims[statement.claim_id] = statement.claim
        _load_sources(wanted, sources)
        relations = _claim_relations(claims.values())
        for article in chunk:
            yield article_to_dict(article, sources, relations)
        last = chunk[-1].pk
        if len(chunk) < chunk_size:
            return


# --- Record → checked dict --------------------------------------------------------------------


def _text(record, key, where, *, required=False, nullable=False):
    value = record.get(key)
    if value is None:
        if required:
            raise RecordError(f"{where}{key}: missing")
        return None if nullable else ""
    if not isinstance(value, str):
        raise RecordError(f"{where}{key}: expected a string")
    if required and not value.strip():
        raise RecordError(f"{where}{key}: empty")
    return value


def _choice(record, key, where, choices, default):
    value = record.get(key) or default
    if value not in choices:
        raise RecordError(f"{where}{key}: unknown value {value!r}")
    return value


def _flag(record, key, where, default):
    value = record.get(key)
    if value is None:
        return default
    if not isinstance(value, bool):
        raise RecordError(f"{where}{key}: expected true or false")
    return value


def _when(record, key, where):
    """An aware datetime from an ISO 8601 string, or None."""
    value = _text(record, key, where, nullable=True)
    if not value:
        return None
    try:
        moment = parse_datetime(value)
    except ValueError:
        moment = None
    if moment is None:
        raise RecordError(f"{where}{key}: expected a date and time (ISO 8601)")
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=datetime.UTC)
    return moment


def _list(record, key, where):
    value = record.get(key)
    if value is None:
        return None
    if not isinstance(value, list):
        raise RecordError(f"{where}{key}: expected a list")
    for index, item in enumerate(value):
        if not isinstance(item, dict):
            raise RecordError(f"{where}{key}[{index}]: expected an object")
    return value


def _share(record, key, where):
    """A number from 0 to 1; 1 when absent (a statement an editor made is sure)."""
    value = record.get(key)
    if value is None:
        return 1.0
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
        raise RecordError(f"{where}{key}: expected a number from 0 to 1")
    return float(value)


def _aliases(record, where):
    value = record.get("aliases") or []
    if not isinstance(value, list) or not all(isinstance(a, str) for a in value):
        raise RecordError(f"{where}aliases: expected a list of strings")
    return value


def _span(item, where):
    start, end = item.get("start"), item.get("end")
    valid = all(isinstance(n, int) and not isinstance(n, bool) for n in (start, end))
    if not valid or not 0 <= start < end:
        raise RecordError(f"{where}start/end: expected two offsets, start < end")
    return start, end


def _statement(item, where):
    start, end = _span(item, where)
    evidence = []
    for j, proof in enumerate(_list(item, "evidence", where) or []):
        evidence.append(
            {key: _text(proof, key, f"{where}evidence[{j}].") for key in ("url", "title", "note")}
        )
    history = _list(item, "history", where)
    if history is not None:
        history = [_change(change, f"{where}history[{j}].") for j, change in enumerate(history)]
    source_kind = item.get("source_kind")
    if source_kind is not None and source_kind not in SourceKind.values:
        raise RecordError(f"{where}source_kind: unknown value {source_kind!r}")
    return {
        "start": start,
        "end": end,
        "quote": _text(item, "quote", where, required=True),
        "orphaned": _flag(item, "orphaned", where, False),
        "source": _text(item, "source", where, nullable=True),
        "source_slug": _text(item, "source_slug", where, nullable=True),
        "source_kind": source_kind,
        "via": _text(item, "via", where, nullable=True),
        "via_slug": _text(item, "via_slug", where, nullable=True),
        "attribution": _text(item, "attribution", where),
        "kind": _choice(item, "kind", where, StatementKind.values, StatementKind.INDIRECT),
        "confidence": _share(item, "confidence", where),
        "source_confidence": _share(item, "source_confidence", where),
        "verdict": _choice(item, "verdict", where, Verdict.values, Verdict.UNCHECKED),
        "note": _text(item, "note", where),
        "reviewed_by": _text(item, "reviewed_by", where, nullable=True),
        "reviewed_at": _when(item, "reviewed_at", where),
        "claim": _text(item, "claim", where, nullable=True),
        "claim_slug": _text(item, "claim_slug", where, nullable=True),
        "claim_difference": _text(item, "claim_difference", where),
        "evidence": evidence,
        "history": history,  # None when the record does not give it
    }


def _change(item, where):
    """One change of a statement's verdict, as VerdictChange keeps it."""
    at = _when(item, "at", where)
    if at is None:
        raise RecordError(f"{where}at: missing")
    for key in ("from", "to"):
        if not item.get(key):
            raise RecordError(f"{where}{key}: missing")
    return {
        "at": at,
        "user": _text(item, "user", where, nullable=True),
        "from": _choice(item, "from", where, Verdict.values, None),
        "to": _choice(item, "to", where, Verdict.values, None),
        "note": _text(item, "note", where),
    }


def _claim(item, where):
    relations = []
    for j, relation in enumerate(_list(item, "relations", where) or []):
        at = f"{where}relations[{j}]."
        if not relation.get("kind"):
            raise RecordError(f"{at}kind: missing")
        relations.append(
            {
                "claim": _text(relation, "claim", at, required=True),
                "kind": _choice(relation, "kind", at, RelationKind.values, None),
                "other": _text(relation, "other", at, required=True),
                "note": _text(relation, "note", at),
            }
        )
    return {
        "slug": _text(item, "slug", where),
        "text": _text(item, "text", where, required=True),
        "story": _text(item, "story", where, nullable=True),
        "verdict": _choice(item, "verdict", where, Verdict.values, Verdict.UNCHECKED),
        "note": _text(item, "note", where),
        "reviewed_by": _text(item, "reviewed_by", where, nullable=True),
        "reviewed_at": _when(item, "reviewed_at", where),
        "relations": relations,
    }


def _correction(item, where):
    start, end = _span(item, where)
    return {
        "start": start,
        "end": end,
        "quote": _text(item, "quote", where, required=True),
        "text": _text(item, "text", where, required=True),
        "published": _flag(item, "published", where, True),
        "orphaned": _flag(item, "orphaned", where, False),
        "created_by": _text(item, "created_by", where, nullable=True),
    }


def parse_record(record):
    """The export record checked and completed with defaults; raises RecordError.

    "statements" and "entities" stay None when absent, so the loader finds them itself;
    "status" is "" when absent.
    """
    if not isinstance(record, dict):
        raise RecordError("expected a JSON object")
    data = {
        "headline": _text(record, "headline", "", required=True),
        "body": _text(record, "body", "", required=True),
    }
    for key in ARTICLE_TEXT_FIELDS:
        nullable = key in ("outlet", "outlet_slug", "published", "story")
        data[key] = _text(record, key, "", nullable=nullable)
    data["status"] = (
        _choice(record, "status", "", ArticleStatus.values, None) if record.get("status") else ""
    )
    entities = _list(record, "entities", "")
    if entities is not None:
        entities = [
            {
                "name": _text(item, "name", f"entities[{i}].", required=True),
                "slug": _text(item, "slug", f"entities[{i}]."),
                "kind": _choice(item, "kind", f"entities[{i}].", EntityKind.values, "topic"),
                "aliases": _aliases(item, f"entities[{i}]."),
                "description": _text(item, "description", f"entities[{i}]."),
                "wikidata_id": _text(item, "wikidata_id", f"entities[{i}]."),
            }
            for i, item in enumerate(entities)
        ]
    data["entities"] = entities
    sources = []
    for i, item in enumerate(_list(record, "sources", "") or []):
        where = f"sources[{i}]."
        source = {
            "name": _text(item, "name", where, required=True),
            "slug": _text(item, "slug", where),
            "kind": _choice(item, "kind", where, SourceKind.values, SourceKind.PERSON),
            "affiliation": _text(item, "affiliation", where, nullable=True),
            "affiliation_slug": _text(item, "affiliation_slug", where, nullable=True),
            "aliases": _aliases(item, where),
            "entity": _text(item, "entity", where, nullable=True),
        }
        for key in SOURCE_TEXT_FIELDS:
            source[key] = _text(item, key, where)
        sources.append(source)
    data["sources"] = sources
    statements = _list(record, "statements", "")
    if statements is not None:
        statements = [_statement(item, f"statements[{i}].") for i, item in enumerate(statements)]
    data["statements"] = statements
    data["corrections"] = [
        _correction(item, f"corrections[{i}].")
        for i, item in enumerate(_list(record, "corrections", "") or [])
    ]
    data["claims"] = [
        _claim(item, f"claims[{i}].") for i, item in enumerate(_list(record, "claims", "") or [])
    ]
    return data
