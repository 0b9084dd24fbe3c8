"""Merging duplicate sources or entities into one, moving every link to the one kept.

merge_sources() and merge_entities() run in one transaction with the rows involved
locked (select_for_update, in primary-key order so two merges cannot deadlock). What
pointed at a merged row points at the kept one afterwards; the merged rows' names become
its aliases and its empty fields are filled from theirs; then the merged rows are deleted.
Statements are moved with QuerySet.update() on source and via only, so their verdicts,
reviewers and verdict history stay exactly as they were.

A merge that is refused raises ValidationError and changes nothing. Given `by` (a user),
the merge is written to the kept row's admin history, in the same transaction: that is
the record of who merged what, and when, since a suggestion to merge two sources is
deleted along with the source merged away (MergeSuggestion's foreign keys cascade).
"""

from dataclasses import dataclass, field

from django.contrib.admin.models import CHANGE, LogEntry
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Min, Q
from django.utils.text import get_text_list

from stories.models import (
    Article,
    Entity,
    MergeSuggestion,
    Source,
    SourceKind,
    Statement,
    SuggestionStatus,
    TaggedArticle,
    clean_aliases,
)
from stories.models.tracking import logged_update

SOURCE_FIELDS_TO_FILL = ["role", "description", "url", "ownership", "reliability"]
ENTITY_FIELDS_TO_FILL = ["wikidata_id", "description"]

# How each count of a summary is told: (singular, plural).
NOUNS = {
    "statements": ("statement", "statements"),
    "relayed": ("relayed statement", "relayed statements"),
    "articles": ("article", "articles"),
    "members": ("member", "members"),
    "suggestions": ("merge suggestion", "merge suggestions"),
    "tagged": ("tagged article", "tagged articles"),
    "sources": ("source", "sources"),
}


@dataclass
class MergeSummary:
    """What a merge did: the row kept (as saved), the names merged into it, what moved."""

    keep: object
    merged: list[str]
    moved: dict[str, int] = field(default_factory=dict)
    aliases_added: list[str] = field(default_factory=list)
    # Links that would have pointed twice at the kept row, and were dropped instead.
    collapsed: dict[str, int] = field(default_factory=dict)
    # Merge suggestions between the merged rows, which this merge decided.
    settled: list[str] = field(default_factory=list)

    def __str__(self):
        names = get_text_list([f"“{name}”" for name in self.merged], "and")
        text = f"Merged {names} into “{self.keep}”"
        moved = [count_text(key, n) for key, n in self.moved.items() if n]
        text += f": moved {get_text_list(moved, 'and')}." if moved else "."
        if self.aliases_added:
            added = len(self.aliases_added)
            text += f" {added} name{'s' if added != 1 else ''} added as aliases."
        return text

    def log_message(self):
        """The line written to the kept row's history: the summary, and what it settled."""
        message = str(self)
        if self.collapsed.get("tagged"):
            message += f" {count_text('tagged', self.collapsed['tagged'])} already tagged."
        if self.collapsed.get("relays"):
            n = self.collapsed["relays"]
            message += f" {count_text('statements', n)} no longer relayed by their own source."
        if self.settled:
            message += f" Settled: {'; '.join(self.settled)}."
        return message


def count_text(key, n):
    singular, plural = NOUNS[key]
    return f"{n} {singular if n == 1 else plural}"


def _pks(objs):
    """Distinct primary keys of objs (rows or keys), in the order given."""
    return list(dict.fromkeys(getattr(obj, "pk", obj) for obj in objs))


def _lock(model, keep, others):
    """(keep, [others]) locked and fresh from the database, others in the order given."""
    keep_pk = getattr(keep, "pk", keep)
    other_pks = [pk for pk in _pks(others) if pk != keep_pk]
    if not other_pks:
        raise ValidationError(
            f"Choose at least two {model._meta.verbose_name_plural} to merge.",
            code="nothing_to_merge",
        )
    rows = model._default_manager.select_for_update().filter(pk__in=[keep_pk, *other_pks])
    rows = {row.pk: row for row in rows.order_by("pk")}
    if len(rows) != len(other_pks) + 1:
        raise ValidationError(
            f"One of the {model._meta.verbose_name_plural} to merge no longer exists: "
            "reload the page and try again.",
            code="gone",
        )
    return rows[keep_pk], [rows[pk] for pk in other_pks]


def _merge_names(keep, others):
    """Adds the others' names and aliases to keep's aliases; returns the names added."""
    before = list(keep.aliases)
    names = [each for other in others for each in [other.name, *other.aliases]]
    keep.aliases = clean_aliases([*before, *names], keep.name)
    return keep.aliases[len(before) :]


def _fill(keep, others, fields):
    """Empty fields of keep take the first non-empty value among the others."""
    for name in fields:
        if not getattr(keep, name):
            value = next((getattr(o, name) for o in others if getattr(o, name)), "")
            setattr(keep, name, value)


def _log(by, keep, summary):
    if by is not None:
        LogEntry.objects.log_actions(
            user_id=by.pk,
            queryset=[keep],
            action_flag=CHANGE,
            change_message=summary.log_message(),
            single_object=True,
        )


# Sources -------------------------------------------------------------------------------------


def check_sources_mergeable(sources):
    """Raises ValidationError unless these sources may be merged into one.

    An anonymous source belongs to one article ("a senior official" in one article is
    nobody in particular elsewhere): anonymous sources merge only with anonymous sources
    of the same article, and never with a named source.
    """
    anonymous = [s for s in sources if s.kind == SourceKind.ANONYMOUS]
    if not anonymous:
        return
    first, *rest = anonymous
    named = next((s for s in sources if s.kind != SourceKind.ANONYMOUS), None)
    if named is not None:
        raise ValidationError(
            f"“{first}” is an anonymous source and “{named}” is not: an anonymous source "
            "is never merged with a named one.",
            code="anonymous_with_named",
        )
    elsewhere = next((s for s in rest if s.scope_article_id != first.scope_article_id), None)
    if elsewhere is not None:
        raise ValidationError(
            f"“{first}” and “{elsewhere}” are anonymous sources of different articles: "
            "scoped sources never merge across articles.",
            code="anonymous_across_articles",
        )


def merge_sources(keep, others, *, by=None):
    """Merges `others` (sources or their keys) into `keep`, and deletes them.

    Their statements (as source or as relay), articles (as outlet), members (by
    affiliation) and merge suggestions move to keep; a statement left relayed by its
    own source loses the relay. Their names and aliases become keep's aliases, and
    keep's empty fields, affiliation and entity are filled from theirs, in the order
    given. Returns a MergeSummary; raises ValidationError, changing nothing, when the
    merge is refused.
    """
    with transaction.atomic():
        keep, others = _lock(Source, keep, others)
        check_sources_mergeable([keep, *others])
        group = [keep.pk, *(o.pk for o in others)]
        other_pks = group[1:]
        summary = MergeSummary(keep, [o.name for o in others])

        # A statement said by one of these and relayed by another would be relayed by
        # its own source: the relay goes (Statement.clean() refuses source == via).
        # Moves go through logged_update: versions move on and each row's log shows them.
        statements = Statement.objects.all()
        summary.collapsed["relays"] = logged_update(
            statements.filter(source__in=group, via__in=group), user=by, via=None
        )
        summary.moved["statements"] = logged_update(
            statements.filter(source__in=other_pks), user=by, source=keep
        )
        summary.moved["relayed"] = logged_update(
            statements.filter(via__in=other_pks), user=by, via=keep
        )
        summary.moved["articles"] = logged_update(
            Article.objects.filter(outlet__in=other_pks), user=by, outlet=keep
        )
        summary.moved["members"] = (
            Source.objects.filter(affiliation__in=other_pks)
            .exclude(pk__in=group)
            .update(affiliation=keep)
        )
        summary.moved["suggestions"] = _move_suggestions(keep, others, summary)

        if keep.affiliation_id in group:
            keep.affiliation = None  # never its own affiliation
        if keep.affiliation_id is None:
            keep.affiliation_id = next(
                (o.affiliation_id for o in others if o.affiliation_id not in (None, *group)),
                None,
            )
        if keep.entity_id is None:
            keep.entity_id = next((o.entity_id for o in others if o.entity_id), None)
        _fill(keep, others, SOURCE_FIELDS_TO_FILL)
        summary.aliases_added = _merge_names(keep, others)
        keep.save()
        Source.objects.filter(pk__in=other_pks).delete()
        _log(by, keep, summary)
    return summary


def _move_suggestions(keep, others, summary):
    """Moves the merge suggestions of the merged sources to keep; returns how many moved.

    A suggestion between two of the merged sources is settled by this merge and deleted.
    Of the suggestions that would then pair keep with the same source, one stays: a
    rejection first (they were found to be different), then the one already on keep, then
    the highest score; the rest are deleted.
    """
    group = {keep.pk, *(o.pk for o in others)}
    names = {keep.pk: keep.name, **{o.pk: o.name for o in others}}
    suggestions = MergeSuggestion.objects.select_for_update().filter(
        Q(source__in=group) | Q(candidate__in=group)
    )
    drop, best = [], {}

    def rank(s):
        on_keep = keep.pk in (s.source_id, s.candidate_id)
        return (s.status == SuggestionStatus.REJECTED, s.status == SuggestionStatus.OPEN, on_keep)

    for s in suggestions.order_by("-score", "pk"):
        if s.source_id in group and s.candidate_id in group:
            drop.append(s.pk)
            reason = f", {s.reason}" if s.reason else ""
            summary.settled.append(
                f"suggestion “{names[s.candidate_id]}” → “{names[s.source_id]}” "
                f"({s.score:.0%}{reason})"
            )
            continue
        other_end = s.candidate_id if s.source_id in group else s.source_id
        current = best.get(other_end)
        if current is None or rank(s) > rank(current):
            if current is not None:
                drop.append(current.pk)
            best[other_end] = s
        else:
            drop.append(s.pk)
    MergeSuggestion.objects.filter(pk__in=drop).delete()
    moving = [s for s in best.values() if keep.pk not in (s.source_id, s.candidate_id)]
    as_source = [s.pk for s in moving if s.source_id in group]
    MergeSuggestion.objects.filter(pk__in=as_source).update(source=keep)
    as_candidate = [s.pk for s in moving if s.candidate_id in group]
    MergeSuggestion.objects.filter(pk__in=as_candidate).update(candidate=keep)
    return len(moving)


# Entities ------------------------------------------------------------------------------------


def check_entities_mergeable(entities):
    """Raises ValidationError unless these entities may be merged into one.

    Two different Wikidata ids say two different things, or one id is wrong: either
    way an editor fixes the id first, so that no id is lost.
    """
    ids = {}
    for entity in entities:
        if entity.wikidata_id:
            ids.setdefault(entity.wikidata_id, entity)
    if len(ids) > 1:
        (a_id, a), (b_id, b), *_ = ids.items()
        raise ValidationError(
            f"“{a}” ({a_id}) and “{b}” ({b_id}) have different Wikidata ids: they are "
            "different entities, or one id is wrong. Correct it before merging.",
            code="different_wikidata_ids",
        )


def merge_entities(keep, others, *, by=None):
    """Merges `others` (entities or their keys) into `keep`, and deletes them.

    Their articles are tagged with keep instead (an article tagged with several of them
    keeps one tag), sources that are one of them are keep, their names and aliases
    become keep's aliases and keep's empty fields are filled from theirs. Returns a
    MergeSummary; raises ValidationError, changing nothing, when the merge is refused.
    """
    with transaction.atomic():
        keep, others = _lock(Entity, keep, others)
        check_entities_mergeable([keep, *others])
        other_pks = [o.pk for o in others]
        summary = MergeSummary(keep, [o.name for o in others])

        # One tag per article (taggedarticle_unique_tag): drop the others' tags on
        # articles already tagged with keep, then all but the first among the others.
        theirs = TaggedArticle.objects.filter(tag__in=other_pks)
        on_keep = TaggedArticle.objects.filter(tag=keep).values("content_object")
        collapsed, _ = theirs.filter(content_object__in=on_keep).delete()
        first = theirs.values("content_object").annotate(first=Min("pk")).values("first")
        more, _ = theirs.exclude(pk__in=first).delete()
        summary.collapsed["tagged"] = collapsed + more
        summary.moved["tagged"] = theirs.update(tag=keep)
        summary.moved["sources"] = Source.objects.filter(entity__in=other_pks).update(entity=keep)

        _fill(keep, others, ENTITY_FIELDS_TO_FILL)
        summary.aliases_added = _merge_names(keep, others)
        keep.save()
        Entity.objects.filter(pk__in=other_pks).delete()
        _log(by, keep, summary)
    return summary
