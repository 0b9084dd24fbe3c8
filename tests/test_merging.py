"""Merging duplicate sources and entities: every link moves, nothing else changes."""

import pytest
from django.contrib.admin.models import LogEntry
from django.core.exceptions import ValidationError

from stories.merging import merge_entities, merge_sources
from stories.models import (
    Article,
    Entity,
    MergeSuggestion,
    Source,
    SourceKind,
    Statement,
    SuggestionStatus,
    TaggedArticle,
    Verdict,
    VerdictChange,
)
from tests.factories import (
    make_anonymous_source,
    make_article,
    make_editor,
    make_entity,
    make_source,
    make_statement,
    make_suggestion,
)

pytestmark = pytest.mark.django_db


def statement_state():
    """Everything about every statement except who said and relayed it."""
    return {
        s.pk: (s.verdict, s.note, s.reviewed_by_id, s.reviewed_at, s.updated_at)
        for s in Statement.objects.all()
    }


def history_state():
    return list(VerdictChange.objects.values_list("pk", "statement", "from_verdict", "to_verdict"))


def snapshot():
    """Every row a merge may touch, to check that a refused merge changed nothing."""
    return {
        "sources": list(Source.objects.order_by("pk").values()),
        "statements": list(Statement.objects.order_by("pk").values()),
        "articles": list(Article.objects.order_by("pk").values("pk", "outlet")),
        "suggestions": list(MergeSuggestion.objects.order_by("pk").values()),
        "entities": list(Entity.objects.order_by("pk").values()),
        "tags": list(TaggedArticle.objects.order_by("pk").values()),
        "history": history_state(),
    }


# Sources -------------------------------------------------------------------------------------


@pytest.fixture
def peskov_twice():
    """One spokesman loaded twice, under two spellings, with links to both rows."""
    kremlin = make_source("Kremlin", kind=SourceKind.GOVERNMENT)
    entity = make_entity("Dmitry Peskov", kind="person")
    keep = make_source("Dmitry Peskov", aliases=["Peskov"], role="Kremlin spokesman")
    other = make_source(
        "Dmitri Peskov",
        aliases=["D. Peskov", "Peskov"],
        affiliation=kremlin,
        entity=entity,
        description="Press secretary of the Russian president.",
        url="https://example.org/peskov",
    )
    article = make_article()
    said = make_statement(article, "the bridge would open in May", source=other)
    relayed = make_statement(article, '"We are on schedule,"', via=other)
    return {"keep": keep, "other": other, "kremlin": kremlin, "entity": entity,
            "said": said, "relayed": relayed, "article": article}  # fmt: skip


def test_merging_sources_moves_every_link_and_deletes_the_merged(peskov_twice):
    keep, other = peskov_twice["keep"], peskov_twice["other"]
    assistant = make_source("Deputy spokesman", affiliation=other)
    outlet_article = make_article(outlet=other)

    summary = merge_sources(keep, [other])

    assert not Source.objects.filter(pk=other.pk).exists()
    assert Statement.objects.get(pk=peskov_twice["said"].pk).source_id == keep.pk
    assert Statement.objects.get(pk=peskov_twice["relayed"].pk).via_id == keep.pk
    assert Article.objects.get(pk=outlet_article.pk).outlet_id == keep.pk
    assert Source.objects.get(pk=assistant.pk).affiliation_id == keep.pk
    assert summary.moved == {
        "statements": 1,
        "relayed": 1,
        "articles": 1,
        "members": 1,
        "suggestions": 0,
    }
    assert str(summary) == (
        "Merged “Dmitri Peskov” into “Dmitry Peskov”: moved 1 statement, 1 relayed statement, "
        "1 article and 1 member. 2 names added as aliases."
    )


def test_merged_names_become_aliases_and_empty_fields_are_filled(peskov_twice):
    keep, other = peskov_twice["keep"], peskov_twice["other"]
    merge_sources(keep, [other])
    keep.refresh_from_db()
    assert keep.name == "Dmitry Peskov"
    assert keep.aliases == ["Peskov", "Dmitri Peskov", "D. Peskov"]
    assert keep.role == "Kremlin spokesman"  # kept, not overwritten
    assert keep.description == "Press secretary of the Russian president."
    assert keep.url == "https://example.org/peskov"
    assert keep.affiliation == peskov_twice["kremlin"]
    assert keep.entity == peskov_twice["entity"]
    assert Source.objects.named("D. Peskov") == keep


def test_keeps_its_own_entity_and_affiliation(peskov_twice):
    keep = peskov_twice["keep"]
    own_entity, own_affiliation = make_entity("Peskov"), make_source("Presidential office")
    Source.objects.filter(pk=keep.pk).update(entity=own_entity, affiliation=own_affiliation)
    summary = merge_sources(keep, [peskov_twice["other"]])
    assert (summary.keep.entity, summary.keep.affiliation) == (own_entity, own_affiliation)


def test_verdicts_and_their_history_are_untouched(peskov_twice):
    editor = make_editor()
    peskov_twice["said"].set_verdict(Verdict.FALSE, by=editor, note="He did not say that.")
    peskov_twice["relayed"].set_verdict(Verdict.VERIFIED, by=editor)
    statements, history = statement_state(), history_state()

    merge_sources(peskov_twice["keep"], [peskov_twice["other"]])

    assert statement_state() == statements
    assert history_state() == history


def test_a_source_affiliated_to_the_merged_one_is_never_its_own_affiliation():
    kremlin = make_source("Kremlin", kind=SourceKind.GOVERNMENT)
    presidency = make_source("Presidential Administration", affiliation=kremlin)
    member = make_source("Spokesman", affiliation=presidency)
    merge_sources(kremlin, [presidency])  # the same body, it turns out
    kremlin.refresh_from_db()
    assert kremlin.affiliation is None
    assert Source.objects.get(pk=member.pk).affiliation == kremlin

    # The other way round: the one kept was affiliated to the one merged into it.
    government = make_source("Government", kind=SourceKind.GOVERNMENT)
    cabinet = make_source("Cabinet", affiliation=government)
    summary = merge_sources(cabinet, [government])
    assert summary.keep.affiliation is None


def test_a_statement_left_relayed_by_its_own_source_loses_the_relay():
    article = make_article()
    agency, agency_again = make_source("Agency"), make_source("The Agency")
    statement = make_statement(article, source=agency, via=agency_again)
    summary = merge_sources(agency, [agency_again])
    statement.refresh_from_db()
    assert (statement.source, statement.via) == (agency, None)
    assert summary.collapsed["relays"] == 1


def test_several_sources_merge_at_once_in_the_order_given():
    keep = make_source("Jane Minister")
    first = make_source("J. Minister", role="Minister of Transport")
    second = make_source("Minister Jane", role="Transport minister", aliases=["Jane M."])
    make_statement(source=first)
    summary = merge_sources(keep, [first, second, keep, first])
    assert summary.merged == ["J. Minister", "Minister Jane"]
    assert summary.keep.role == "Minister of Transport"
    assert summary.keep.aliases == ["J. Minister", "Minister Jane", "Jane M."]
    assert not Source.objects.filter(pk__in=[first.pk, second.pk]).exists()


def test_merge_suggestions_move_to_the_source_kept():
    editor = make_editor()
    keep, other, third, fourth = (make_source(n) for n in ["Keep", "Other", "Third", "Fourth"])
    settled = make_suggestion(keep, other, score=0.9, reason="same surname")
    moved = make_suggestion(third, other, score=0.7)
    both = make_suggestion(other, fourth, score=0.6)
    duplicate = make_suggestion(fourth, keep, score=0.5)
    rejected = make_suggestion(third, keep, status=SuggestionStatus.REJECTED, score=0.4)

    summary = merge_sources(keep, [other], by=editor)

    remaining = {s.pk: s for s in MergeSuggestion.objects.all()}
    # Settled by the merge: it goes with the merged source; the merge is in keep's history.
    assert settled.pk not in remaining
    assert summary.settled == ["suggestion “Other” → “Keep” (90%, same surname)"]
    # Third–Other would pair Third with Keep again, which an editor rejected: rejection stays.
    assert moved.pk not in remaining
    assert remaining[rejected.pk].status == SuggestionStatus.REJECTED
    # Other–Fourth and Fourth–Keep are one pair now: the one already on keep stays.
    assert both.pk not in remaining
    assert (remaining[duplicate.pk].source, remaining[duplicate.pk].candidate) == (fourth, keep)
    assert len(remaining) == 2
    # Each pair of sources once, never a source with itself.
    pairs = [frozenset((s.source_id, s.candidate_id)) for s in remaining.values()]
    assert len(set(pairs)) == len(pairs) and all(len(p) == 2 for p in pairs)
    entry = LogEntry.objects.get()
    assert (entry.user, entry.object_id, entry.get_change_message()) == (
        editor,
        str(keep.pk),
        "Merged “Other” into “Keep”. 1 name added as aliases. "
        "Settled: suggestion “Other” → “Keep” (90%, same surname).",
    )


def test_an_open_suggestion_of_the_merged_source_is_repointed():
    keep, other, third = make_source("Keep"), make_source("Other"), make_source("Third")
    as_source = make_suggestion(other, third)
    fourth = make_source("Fourth")
    as_candidate = make_suggestion(fourth, other)
    summary = merge_sources(keep, [other])
    as_source.refresh_from_db()
    as_candidate.refresh_from_db()
    assert (as_source.source, as_source.candidate) == (keep, third)
    assert (as_candidate.source, as_candidate.candidate) == (fourth, keep)
    assert as_source.status == as_candidate.status == SuggestionStatus.OPEN
    assert summary.moved["suggestions"] == 2


def test_anonymous_sources_of_one_article_merge():
    article = make_article()
    official = make_anonymous_source(article, "a senior official")
    again = make_anonymous_source(article, "the official")
    make_statement(article, "the bridge would open in May", source=again)
    summary = merge_sources(official, [again])
    assert summary.keep.aliases == ["the official"]
    assert summary.keep.scope_article == article
    assert article.statements.get().source == official


@pytest.mark.parametrize(
    ("make_other", "message"),
    [
        (
            lambda: make_anonymous_source(make_article(), "an official"),
            "scoped sources never merge across articles",
        ),
        (lambda: make_source("Jane Minister"), "never merged with a named one"),
    ],
)
def test_anonymous_sources_never_merge_across_articles_or_with_named_ones(make_other, message):
    article = make_article()
    anonymous = make_anonymous_source(article)
    make_statement(article, source=anonymous)
    other = make_other()
    make_statement(make_article(), source=other)
    before = snapshot()
    for keep, others in [(anonymous, [other]), (other, [anonymous])]:
        with pytest.raises(ValidationError, match=message):
            merge_sources(keep, others, by=make_editor())
    assert snapshot() == before
    assert not LogEntry.objects.exists()


def test_a_merge_that_fails_halfway_changes_nothing(peskov_twice, monkeypatch):
    keep, other = peskov_twice["keep"], peskov_twice["other"]
    make_suggestion(make_source("Third"), other)
    before = snapshot()

    def fail(*args, **kwargs):
        raise RuntimeError("the database went away")

    monkeypatch.setattr(Source, "save", fail)  # after every link has moved
    with pytest.raises(RuntimeError):
        merge_sources(keep, [other])
    assert snapshot() == before


def test_nothing_to_merge_is_refused():
    keep = make_source()
    with pytest.raises(ValidationError, match="Choose at least two sources"):
        merge_sources(keep, [keep])


def test_a_source_gone_meanwhile_is_refused():
    keep, other = make_source(), make_source()
    other_pk = other.pk
    other.delete()
    with pytest.raises(ValidationError, match="no longer exists"):
        merge_sources(keep, [other_pk])
    assert Source.objects.get() == keep


@pytest.mark.parametrize("n", [1, 5])
def test_merging_sources_takes_a_fixed_number_of_queries(django_assert_num_queries, n):
    keep = make_source("Keep")
    others = [make_source() for _ in range(n)]
    for other in others:
        make_statement(source=other)
    # Savepoint; lock the sources; clear self-relays, move relays and outlets (one locking
    # read each, nothing to change); move statements (read, update, log); move members;
    # lock the suggestions (none to delete or repoint); save keep; delete the merged
    # (Django checks statements, relays and articles, cascades to suggestions and members,
    # then deletes); release.
    with django_assert_num_queries(19):
        merge_sources(keep, others)
    assert Statement.objects.filter(source=keep).count() == n


# Entities ------------------------------------------------------------------------------------


def test_merging_entities_moves_tags_and_sources_and_collapses_duplicate_tags():
    keep = make_entity("Vladimir Putin", kind="person", aliases=["Putin"])
    other = make_entity("V. Putin", kind="person", aliases=["Putin"], wikidata_id="Q7747")
    third = make_entity("President Putin", description="President of Russia.")
    both = make_article()
    both.tags.add(keep, other, third)
    only_other, only_third = make_article(), make_article()
    only_other.tags.add(other)
    only_third.tags.add(third, other)
    source = make_source("Vladimir Putin", entity=third)

    summary = merge_entities(keep, [other, third])

    assert not Entity.objects.exclude(pk=keep.pk).exists()
    for article in [both, only_other, only_third]:
        assert list(article.tags.all()) == [keep]
    assert TaggedArticle.objects.count() == 3
    assert Source.objects.get(pk=source.pk).entity == keep
    keep.refresh_from_db()
    assert keep.aliases == ["Putin", "V. Putin", "President Putin"]
    assert (keep.wikidata_id, keep.description) == ("Q7747", "President of Russia.")
    assert summary.moved == {"tagged": 2, "sources": 1}
    assert summary.collapsed == {"tagged": 3}
    assert Entity.objects.named("V. Putin") == keep


def test_entities_with_different_wikidata_ids_are_not_merged():
    keep = make_entity("Putin", wikidata_id="Q7747")
    other = make_entity("Putin (film)", wikidata_id="Q123")
    make_article().tags.add(other)
    before = snapshot()
    with pytest.raises(ValidationError, match="different Wikidata ids"):
        merge_entities(keep, [other])
    assert snapshot() == before


def test_merging_entities_writes_the_kept_entitys_history():
    editor = make_editor()
    keep, other = make_entity("Kremlin"), make_entity("The Kremlin")
    make_article().tags.add(other)
    merge_entities(keep, [other], by=editor)
    entry = LogEntry.objects.get()
    assert (entry.user, entry.object_id) == (editor, str(keep.pk))
    assert entry.get_change_message() == (
        "Merged “The Kremlin” into “Kremlin”: moved 1 tagged article."
    )


def test_statements_moved_by_a_merge_are_logged_and_their_versions_move_on():
    from stories.models import Change

    editor = make_editor()
    keep, other = make_source("Dmitry Peskov"), make_source("Dmitri Peskov")
    statement = make_statement(source=other)
    merge_sources(keep, [other], by=editor)
    statement.refresh_from_db()
    assert statement.version == 2
    change = Change.objects.filter(object_id=statement.pk, action="update").get()
    assert (change.user, change.changes) == (editor, {"source": [other.pk, keep.pk]})
