"""Articles as JSON-ready dicts, one a line in an export, and export records read back.

An article's dict carries everything needed to load it again into an empty database: its
fields, its entities, every source it uses (its outlet, its statements' sources and relays,
and their affiliations) and its statements with verdicts, notes and evidence. Sources and
relays are named by their canonical names; the `sources` list says who they are.
"""

from django.db.models import Prefetch

from stories.models import (
    Article,
    ArticleStatus,
    EntityKind,
    Evidence,
    Source,
    SourceKind,
    Statement,
    StatementKind,
    Verdict,
)

SOURCE_TEXT_FIELDS = ("role", "url", "description", "ownership", "reliability")
ARTICLE_TEXT_FIELDS = (
    "slug",
    "outlet",
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


def source_to_dict(source, sources):
    affiliation = sources.get(source.affiliation_id)
    return {
        "name": source.name,
        "slug": source.slug,
        "kind": source.kind,
        "role": source.role,
        "affiliation": affiliation.name if affiliation else None,
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


def article_to_dict(article, sources=None):
    """One article as a dict of plain JSON values (see the module docstring).

    `sources` maps pk → Source for every source the article uses, affiliations included;
    without it they are read here.
    """
    statements = list(article.statements.all())
    if sources is None:
        sources = {}
        _load_sources(
            [article.outlet_id, *[pk for s in statements for pk in (s.source_id, s.via_id)]],
            sources,
        )
    outlet = sources.get(article.outlet_id)
    story = article.story
    return {
        "headline": article.headline,
        "slug": article.slug,
        "outlet": outlet.name if outlet else None,
        "url": article.url,
        "published": article.published_at.isoformat() if article.published_at else None,
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
        "statements": [
            {
                "start": statement.start,
                "end": statement.end,
                "quote": statement.quote,
                "source": sources[statement.source_id].name if statement.source_id else None,
                "source_kind": sources[statement.source_id].kind if statement.source_id else None,
                "via": sources[statement.via_id].name if statement.via_id else None,
                "attribution": statement.attribution,
                "kind": statement.kind,
                "confidence": statement.confidence,
                "source_confidence": statement.source_confidence,
                "verdict": statement.verdict,
                "note": statement.note,
                "evidence": [
                    {"url": e.url, "title": e.title, "note": e.note}
                    for e in statement.evidence.all()
                ],
            }
            for statement in statements
        ],
    }


def _load_sources(pks, sources):
    """Adds to `sources` (pk → Source) the given sources and their affiliations' chains."""
    missing = {pk for pk in pks if pk is not None} - sources.keys()
    while missing:
        found = list(Source.objects.filter(pk__in=missing).select_related("entity"))
        for source in found:
            sources[source.pk] = source
        missing = {s.affiliation_id for s in found if s.affiliation_id} - sources.keys()


def export_queryset(queryset=None):
    """Articles with what article_to_dict() needs prefetched, oldest first."""
    statements = Statement.objects.order_by("start", "end", "pk").prefetch_related(
        Prefetch("evidence", queryset=Evidence.objects.order_by("pk"))
    )
    queryset = Article.objects.all() if queryset is None else queryset
    return (
        queryset.select_related("story")
        .prefetch_related("tags", Prefetch("statements", queryset=statements))
        .order_by("pk")
    )


def iter_article_dicts(queryset=None, chunk_size=200):
    """Yields article_to_dict() of each article, reading `chunk_size` articles at a time.

    Each chunk costs a fixed number of queries (articles, entities, statements, evidence, and
    the sources not yet seen with their affiliations), however many statements it holds, so
    a large archive streams in bounded memory.
    """
    queryset = export_queryset(queryset)
    sources = {}
    last = None
    while True:
        page = queryset if last is None else queryset.filter(pk__gt=last)
        chunk = list(page[:chunk_size])
        if not chunk:
            return
        wanted = []
        for article in chunk:
            wanted.append(article.outlet_id)
            for statement in article.statements.all():
                wanted += [statement.source_id, statement.via_id]
        _load_sources(wanted, sources)
        for article in chunk:
            yield article_to_dict(article, sources)
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


def parse_record(record):
    """The export record checked and completed with defaults; raises RecordError.

    "statements" and "entities" stay None when absent, so the loader finds them itself.
    """
    if not isinstance(record, dict):
        raise RecordError("expected a JSON object")
    data = {
        "headline": _text(record, "headline", "", required=True),
        "body": _text(record, "body", "", required=True),
    }
    for key in ARTICLE_TEXT_FIELDS:
        data[key] = _text(record, key, "", nullable=key in ("outlet", "published", "story"))
    data["status"] = _choice(record, "status", "", ArticleStatus.values, ArticleStatus.PUBLISHED)
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
            "aliases": _aliases(item, where),
            "entity": _text(item, "entity", where, nullable=True),
        }
        for key in SOURCE_TEXT_FIELDS:
            source[key] = _text(item, key, where)
        sources.append(source)
    data["sources"] = sources
    statements = _list(record, "statements", "")
    if statements is not None:
        checked = []
        for i, item in enumerate(statements):
            where = f"statements[{i}]."
            start, end = item.get("start"), item.get("end")
            if not isinstance(start, int) or not isinstance(end, int) or not 0 <= start < end:
                raise RecordError(f"{where}start/end: expected two offsets, start < end")
            evidence = []
            for j, proof in enumerate(_list(item, "evidence", where) or []):
                evidence.append(
                    {
                        key: _text(proof, key, f"{where}evidence[{j}].")
                        for key in ("url", "title", "note")
                    }
                )
            source_kind = item.get("source_kind")
            if source_kind is not None and source_kind not in SourceKind.values:
                raise RecordError(f"{where}source_kind: unknown value {source_kind!r}")
            checked.append(
                {
                    "start": start,
                    "end": end,
                    "quote": _text(item, "quote", where, required=True),
                    "source": _text(item, "source", where, nullable=True),
                    "source_kind": source_kind,
                    "via": _text(item, "via", where, nullable=True),
                    "attribution": _text(item, "attribution", where),
                    "kind": _choice(
                        item, "kind", where, StatementKind.values, StatementKind.INDIRECT
                    ),
                    "confidence": _share(item, "confidence", where),
                    "source_confidence": _share(item, "source_confidence", where),
                    "verdict": _choice(item, "verdict", where, Verdict.values, Verdict.UNCHECKED),
                    "note": _text(item, "note", where),
                    "evidence": evidence,
                }
            )
        statements = checked
    data["statements"] = statements
    return data
