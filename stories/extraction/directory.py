"""Resolving the names found against the database: Sources and Entities."""

import re

from django.utils.text import slugify
from rapidfuzz import fuzz

from stories import bulk
from stories.extraction.lexicon import SURNAME_ENDINGS, normalize_name
from stories.extraction.spelling import (
    SAME,
    UNSURE,
    name_relation,
    same_person,
    transliteration_key,
)
from stories.models import (
    Entity,
    EntityKind,
    MergeSuggestion,
    Source,
    SourceKind,
    clean_aliases,
)


def _surname_key(name):
    words = normalize_name(name).split()
    return transliteration_key(words[-1]) if len(words) > 1 else ""


class _Directory:
    """The names and aliases of one model's rows, read once and kept in step with writes.

    Writes made while loading one article are journalled: rollback() forgets them when that
    article's transaction is rolled back, commit() keeps them. The slugs of the model's rows
    are kept too, so that a new row gets a free slug without a query ("name", "name-2", …);
    the database's unique constraint still has the last word.

    The rows an article makes can wait to be inserted together, one query for all (hold() and
    flush()): until then each is known by a provisional key, a negative number, that the
    index and the journal use like a primary key and that flush() replaces with the real one.
    """

    def __init__(self, queryset):
        self.queryset = queryset
        self._index = None
        self._rows = {}
        self._journal = []
        self._slugs = None
        self._surnames = {}  # transliteration key of a surname: {pk, …} of rows with it
        self.created = 0
        self._cache = {}  # pk or provisional key: the row, for rows read or made
        self._touched = set()  # keys of the rows the current article made or changed
        self._held = []  # rows made and not inserted yet
        self._held_keys = {}  # provisional key: the index keys that point to it
        self._last_provisional = 0

    def key_of(self, row):
        """The row's primary key, or its provisional key while it waits to be inserted."""
        return row.pk if row.pk is not None else row._provisional_key

    def row(self, pk):
        if pk not in self._cache:
            self._cache[pk] = self.queryset.model._default_manager.get(pk=pk)
        return self._cache[pk]

    def hold(self, row):
        """Keeps a new row to be inserted by flush(); returns its provisional key."""
        self._last_provisional -= 1
        row._provisional_key = self._last_provisional
        self._held.append(row)
        self._cache[row._provisional_key] = row
        self._touched.add(row._provisional_key)
        return row._provisional_key

    def flush(self):
        """Inserts the rows held, in one query (or one for each level of rows that point at
        others held with them), and gives the index and the journal their real keys."""
        held, self._held = self._held, []
        if not held:
            return
        self._insert(held)
        real = {row._provisional_key: row.pk for row in held}
        for old, new in real.items():
            for key in self._held_keys.pop(old, ()):
                if self._index.get(key) == old:
                    self._index[key] = new
            if old in self._rows:
                self._rows[new] = self._rows.pop(old)
                surname = _surname_key(self._rows[new][0])
                if surname:
                    self._surnames[surname].discard(old)
                    self._surnames[surname].add(new)
            self._cache[new] = self._cache.pop(old)
            self._touched.discard(old)
            self._touched.add(new)
        self._journal = [
            (what, real.get(value, value) if what == "row" else value)
            for what, value in self._journal
        ]

    def _insert(self, rows):
        bulk.insert(self.queryset.model, rows, keys=True)
        self.created += len(rows)

    def _claim_slug(self, row, fallback, max_length=200):
        """Gives a new row a free slug, or notes the one it was given as taken."""
        if row.slug:
            self.free_slug(row.slug, fallback, max_length=max_length)
        else:
            row.slug = self.free_slug(row.name, fallback, max_length=max_length)

    def _keep(self, row, together):
        """A new, validated row: held for flush() with `together`, else saved now."""
        if together:
            self.hold(row)
        else:
            row.save()
            self.created += 1
            self._cache[row.pk] = row
            self._touched.add(row.pk)

    def free_slug(self, text, fallback, max_length=200):
        if self._slugs is None:
            manager = self.queryset.model._default_manager
            self._slugs = set(manager.values_list("slug", flat=True))
        base = slugify(text)[: max_length - 8].strip("-") or fallback
        slug, n = base, 1
        while slug in self._slugs:
            n += 1
            slug = f"{base}-{n}"
        self._slugs.add(slug)
        self._journal.append(("slug", slug))
        return slug

    def _load(self):
        if self._index is None:
            self._index = {}
            rows = self.queryset.order_by("pk").values_list("pk", "name", "aliases", "kind")
            for pk, name, aliases, kind in rows:
                self.add(pk, name, aliases, kind, journal=False)

    def add(self, pk, name, aliases=(), kind="", journal=True):
        self._load()
        if pk not in self._rows:
            self._rows[pk] = (name, kind)
            surname = _surname_key(name)
            if surname:
                self._surnames.setdefault(surname, set()).add(pk)
            if journal:
                self._journal.append(("row", pk))
        for each in [name, *(aliases or [])]:
            key = normalize_name(each)
            if key and key not in self._index:
                self._index[key] = pk
                if pk < 0:
                    self._held_keys.setdefault(pk, []).append(key)
                if journal:
                    self._journal.append(("key", key))

    def get(self, *names):
        self._load()
        for name in names:
            pk = self._index.get(normalize_name(name))
            if pk is not None:
                return pk
        return None

    def namesakes(self, name, kind):
        """[(pk, name), …] of the rows of `kind` whose surname is spelled like `name`'s."""
        self._load()
        rows = self._surnames.get(_surname_key(name), ())
        return [(pk, self._rows[pk][0]) for pk in rows if self._rows[pk][1] == kind]

    def people_like(self, name, kind):
        """Rows of `kind` whose name is another spelling of the person `name`."""
        return [pk for pk, other in self.namesakes(name, kind) if same_person(name, other)]

    def with_surname(self, surname, kind):
        self._load()
        key = normalize_name(surname)
        return [
            pk
            for pk, (name, k) in self._rows.items()
            if k == kind and len(name.split()) > 1 and normalize_name(name).split()[-1] == key
        ]

    def begin(self):
        self._journal = []
        self._touched = set()
        self._held = []
        self._held_keys = {}

    def commit(self):
        self._journal = []

    def rollback(self):
        for key in self._touched:
            self._cache.pop(key, None)
        journal = self._journal
        self.begin()
        for what, value in reversed(journal):
            if what == "row":
                name, _ = self._rows.pop(value, ("", ""))
                self._surnames.get(_surname_key(name), set()).discard(value)
            elif what == "slug":
                if self._slugs is not None:
                    self._slugs.discard(value)
            elif self._index is not None:
                self._index.pop(value, None)
        self._journal = []


class SourceDirectory(_Directory):
    """Finds or creates the Source for a Mention, and says how sure the match is.

    Named sources are matched by name or alias, then (people) by another spelling of the same
    name ("Yury" for "Yuri": merged, the spelling kept as an alias) and (bodies) by another
    form of the same name ("Department of Justice" for "Justice Department"). When a person
    may or may not be one already known (same surname; "Jon" and "John", or "J. Smith" and
    "John Smith"), a new Source is made and a MergeSuggestion asks an editor; people who are
    plainly two ("Sergei" and "Yulia Skripal") are neither merged nor suggested. Anonymous
    sources and documents belong to their article: two different descriptions in one article
    are two sources, and nothing anonymous is ever matched across articles.
    """

    def __init__(self):
        super().__init__(Source.objects.shared())
        self.suggested = 0
        self.last_match = ""
        self._scoped = {}
        self._suggestions = []  # (source, source): merges to suggest once both are saved
        self._changed = []  # (saved source, [field, …]) changed to point at a held one

    def begin(self):
        super().begin()
        self._scoped = {}
        self._suggestions = []
        self._changed = []

    def flush(self):
        """Inserts the sources source_for(…, together=True) made, then saves the changes and
        suggests the merges that waited for them."""
        super().flush()
        changed, self._changed = self._changed, []
        for source, fields in changed:
            source.affiliation = source.affiliation  # its key, now that it has one
            source.save(update_fields=[*fields, "updated_at"])
        suggestions, self._suggestions = self._suggestions, []
        for existing, candidate in suggestions:
            self._suggest(existing, candidate)

    def _insert(self, rows):
        # A source's affiliation goes in before it ("Jane Roe of Acme", both new).
        while rows:
            ready = [
                row for row in rows if row.affiliation is None or row.affiliation.pk is not None
            ]
            if not ready:
                raise ValueError("A held source's affiliation is neither saved nor held.")
            super()._insert(ready)
            rows = [row for row in rows if row.pk is None]

    def create(self, together=False, **fields):
        """A new Source, saved, or with `together` held for flush() to insert."""
        source = Source(**fields)
        source.aliases = clean_aliases(source.aliases, source.name)
        self._claim_slug(source, "source")
        source.full_clean(
            exclude=["slug", "affiliation", "entity", "scope_article"], validate_constraints=False
        )
        self._keep(source, together)
        if source.kind != SourceKind.ANONYMOUS:
            self.add(self.key_of(source), source.name, source.aliases, source.kind)
        return source

    def find(self, name, aliases=()):
        pk = self.get(name, *aliases)
        return self.row(pk) if pk is not None else None

    def confidence_for(self, found_confidence):
        """A statement's source confidence after the last source_for(): a name matched by a
        near spelling or on a surname alone is less sure."""
        limit = {"spelling": 0.85, "variant": 0.9, "surname": 0.6}.get(self.last_match, 1.0)
        return round(min(found_confidence, limit), 2)

    def source_for(self, mention, article, together=False):
        """The Source a (resolved) Mention names, created if need be; None for None.

        With `together`, a new source is saved only by flush(), with the others of its
        article.
        """
        self.last_match = ""
        if mention is None:
            return None
        if mention.relay and _is_own_outlet(mention, article):
            return None  # "told the Gazette", in the Gazette: it spoke to the outlet itself
        if mention.anonymous or mention.anaphor:
            self.last_match = "anonymous"
            return self._scoped_source(mention, article, together)
        name, kind = mention.name, mention.kind
        pk = self.get(name, *mention.aliases)
        self.last_match = "exact" if pk is not None else ""
        spelling, unsure = None, []
        if pk is None and kind == SourceKind.PERSON and not mention.single:
            same, unsure = self._namesakes(name)
            if len(same) == 1:
                pk, spelling, self.last_match = same[0], name, "spelling"
            elif len(same) > 1:
                unsure = same + unsure
        if pk is None and kind != SourceKind.PERSON:
            pk = self.get(*body_name_variants(name))
            if pk is not None:
                spelling, self.last_match = name, "variant"
        if pk is None and mention.single:
            namesakes = self.with_surname(name, SourceKind.PERSON)
            if len(namesakes) == 1:
                pk, self.last_match = namesakes[0], "surname"
            elif not namesakes and not normalize_name(name).endswith(SURNAME_ENDINGS):
                kind = SourceKind.ORGANISATION  # "Google said": one unknown word
        affiliation = None
        body = mention.affiliation
        if (
            body is not None
            and body.key != mention.key
            and not (body.anonymous or body.anaphor or body.document)
        ):
            # A named source is shared by every article: its affiliation never is one of the
            # sources an article has to itself.
            affiliation = self.source_for(body, article, together)
            self.last_match = self.last_match if pk is not None else ""
        if pk is not None:
            return self._update(self.row(pk), mention, spelling, affiliation)
        source = self.create(
            together,
            name=name[:200],
            kind=kind,
            role=mention.role[:200],
            description=mention.description,
            aliases=[a for a in mention.aliases if a][:20],
            affiliation=affiliation,
        )
        self.last_match = "new"
        for other in unsure:
            self._suggest(self.row(other), source)
        return source

    def _scoped_source(self, mention, article, together=False):
        name = mention.name[:200]
        key = (article.pk, re.sub(r"^(?:an?|the|one)\s+", "", normalize_name(name)))
        if key not in self._scoped:
            affiliation = mention.affiliation
            affiliation = self.source_for(affiliation, article, together) if affiliation else None
            self._scoped[key] = self.create(
                together,
                name=name,
                kind=SourceKind.ANONYMOUS,
                role=(mention.role or ("document" if mention.document else ""))[:200],
                affiliation=affiliation
                if affiliation and not affiliation.scope_article_id
                else None,
                aliases=[a for a in mention.aliases if a][:20],
                scope_article=article,
            )
            self.last_match = "anonymous"
        return self._scoped[key]

    def _namesakes(self, name):
        """([pk, …] spelled the same way, [pk, …] perhaps the same) among known people."""
        same, unsure = [], []
        for pk, other in self.namesakes(name, SourceKind.PERSON):
            relation = name_relation(name, other)
            if relation == SAME:
                same.append(pk)
            elif relation == UNSURE:
                unsure.append(pk)
        return same, unsure

    def _suggest(self, existing, candidate):
        if existing is candidate:
            return
        if existing.pk is None or candidate.pk is None:
            self._suggestions.append((existing, candidate))  # made once both are saved
            return
        if existing.pk == candidate.pk:
            return
        score = round(fuzz.ratio(normalize_name(existing.name), normalize_name(candidate.name)), 0)
        reason = (
            f"Same surname; “{candidate.name}” may be another way of writing "
            f"“{existing.name}”, or somebody else."
        )
        _, created = MergeSuggestion.objects.get_or_create(
            source=existing,
            candidate=candidate,
            defaults={"score": round(score / 100, 2), "reason": reason[:300]},
        )
        if created:
            self.suggested += 1

    def _update(self, source, mention, spelling, affiliation):
        changed = []
        if spelling and normalize_name(spelling) not in {normalize_name(n) for n in source.names}:
            source.aliases = [*source.aliases, spelling]
            self.add(self.key_of(source), source.name, [spelling], source.kind)
            changed.append("aliases")
        extra = [
            alias
            for alias in mention.aliases
            if alias
            and normalize_name(alias) not in {normalize_name(n) for n in source.names}
            and self.get(alias) in (None, self.key_of(source))
            and source.kind != SourceKind.PERSON
        ]
        if extra:
            source.aliases = [*source.aliases, *extra][:50]
            self.add(self.key_of(source), source.name, extra, source.kind)
            if "aliases" not in changed:
                changed.append("aliases")
        if mention.role and not source.role:
            source.role = mention.role[:200]
            changed.append("role")
        if mention.description and not source.description:
            source.description = mention.description
            changed.append("description")
        if (
            affiliation is not None
            and not _has_affiliation(source)
            and affiliation is not source
            and (affiliation.pk is None or affiliation.pk != source.pk)
            and affiliation.scope_article_id is None
        ):
            source.affiliation = affiliation
            changed.append("affiliation")
        if changed and source.pk is not None:  # a held source is inserted as it is now
            self._touched.add(source.pk)
            if "affiliation" in changed and affiliation.pk is None:
                self._changed.append((source, changed))  # saved once its affiliation is
            else:
                source.save(update_fields=[*changed, "updated_at"])
        return source


def _has_affiliation(source):
    """Whether a source has an affiliation, saved or held."""
    field = Source._meta.get_field("affiliation")
    return source.affiliation_id is not None or (
        field.is_cached(source) and field.get_cached_value(source) is not None
    )


def _is_own_outlet(mention, article):
    """Whether a relay is the outlet that publishes the article: "told the Post" in the
    Tarrant Evening Post, "told the Tarrant Herald" in The Tarrant Herald."""
    if article is None or not getattr(article, "outlet_id", None):
        return False
    outlet = article.outlet
    names = {normalize_name(n) for n in outlet.names}
    for each in [mention.name, *mention.aliases]:
        key = normalize_name(each)
        if key and (key in names or any(n.endswith(" " + key) for n in names)):
            return True
    return False


_DEPARTMENT_OF = re.compile(r"^(?P<kind>department|ministry|office|bureau) of (?P<what>.+)$")
_X_DEPARTMENT = re.compile(r"^(?P<what>.+) (?P<kind>department|ministry|office|bureau)$")


def body_name_variants(name):
    """Other ways of writing a body's name: "Justice Department" for "Department of
    Justice", "State Department" for "U.S. State Department", "and" for "&"."""
    key = normalize_name(name)
    variants = set()
    for prefix in ("u s ", "us ", "united states "):
        if key.startswith(prefix):
            variants.add(key[len(prefix) :])
    of = _DEPARTMENT_OF.match(key)
    if of:
        variants.add(f"{of.group('what')} {of.group('kind')}")
    x = _X_DEPARTMENT.match(key)
    if x:
        variants.add(f"{x.group('kind')} of {x.group('what')}")
    if " and " in key:
        variants.add(key.replace(" and ", " "))
    return [v for v in variants if v and v != key]


class EntityDirectory(_Directory):
    """Finds or creates the Entity for a name: by name or alias, then by another spelling of
    the same person's name. Entities are kept in memory across articles; what a rolled-back
    article changed is forgotten."""

    def __init__(self):
        super().__init__(Entity.objects.all())

    def prefetch(self, names):
        """Reads the stored entities `names` match in one query, for entity_for() to find."""
        pks = {self.get(name) for name in names} - {None} - self._cache.keys()
        if pks:
            self._cache.update(Entity.objects.in_bulk(pks))

    def entity_for(self, name, kind, aliases=(), together=False, **fields):
        """The Entity named `name`; created when `kind` is given, else None if unknown.

        With `together`, a new entity is saved only by flush(), with the others of its article.
        """
        pk = self.get(name, *aliases)
        if pk is None and kind == EntityKind.PERSON:
            alike = self.people_like(name, EntityKind.PERSON)
            if len(alike) == 1:
                entity = self.row(alike[0])
                entity.aliases = clean_aliases([*entity.aliases, name], entity.name)
                if entity.pk is not None:  # else flush() inserts it with its new alias
                    entity.save(update_fields=["aliases"])
                self._touched.add(self.key_of(entity))
                self.add(self.key_of(entity), entity.name, [name], entity.kind)
                return entity
        if pk is not None:
            return self.row(pk)
        if not kind:
            return None
        entity = Entity(name=name[:100], kind=kind, aliases=list(aliases), **fields)
        entity.aliases = clean_aliases(entity.aliases, entity.name)
        self._claim_slug(entity, "entity", max_length=100)
        # The directory already made sure the name is new; the database checks it again.
        entity.full_clean(exclude=["slug"], validate_unique=False, validate_constraints=False)
        self._keep(entity, together)
        self.add(self.key_of(entity), entity.name, entity.aliases, entity.kind)
        return entity
