"""Nothing an editor does is lost: versions refuse stale saves, and every change is logged."""

import threading

import pytest
from django.db import connection

from stories.audit import acting_as
from stories.models import Change, EditConflict, Evidence, RevertError, Statement, Verdict
from tests.factories import make_article, make_editor, make_evidence, make_source, make_statement

pytestmark = pytest.mark.django_db


def test_every_save_moves_the_version_on():
    statement = make_statement()
    assert statement.version == 1
    statement.note = "First."
    statement.save()
    statement.refresh_from_db()
    assert statement.version == 2


def test_a_save_from_a_stale_copy_is_refused_and_names_what_changed():
    statement = make_statement()
    mine = Statement.objects.get(pk=statement.pk)
    theirs = Statement.objects.get(pk=statement.pk)
    theirs.note = "Theirs."
    theirs.save()
    mine.expect_version(1)
    mine.note = "Mine."
    with pytest.raises(EditConflict) as refused:
        mine.save()
    assert refused.value.differences({"note": ""}) == [("note", "", "Theirs.")]
    statement.refresh_from_db()
    assert statement.note == "Theirs."


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_editors_saving_at_once_one_wins_and_the_other_is_refused():
    statement = make_statement()
    barrier = threading.Barrier(2)
    outcomes = []

    def edit(verdict):
        try:
            copy = Statement.objects.get(pk=statement.pk)
            copy.expect_version(copy.version)
            barrier.wait(timeout=10)
            copy.set_verdict(verdict, by=None, note=f"Set to {verdict}.")
            outcomes.append(("saved", verdict))
        except EditConflict:
            outcomes.append(("refused", verdict))
        finally:
            connection.close()

    threads = [threading.Thread(target=edit, args=(v,)) for v in (Verdict.FALSE, Verdict.VERIFIED)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(kind for kind, _ in outcomes) == ["refused", "saved"]
    winner = next(verdict for kind, verdict in outcomes if kind == "saved")
    statement.refresh_from_db()
    assert (statement.verdict, statement.version) == (winner, 2)
    assert statement.history.count() == 1


def test_changes_record_who_and_each_field_old_and_new():
    editor = make_editor()
    source = make_source("Dmitry Peskov")
    statement = make_statement()
    with acting_as(editor):
        statement.source = source
        statement.attribution = "told CNN"
        statement.save()
    change = Change.objects.filter(action=Change.Action.UPDATE).get()
    assert change.user == editor
    assert change.article_id == statement.article_id
    assert change.changes == {"source": [None, source.pk], "attribution": ["", "told CNN"]}


def test_evidence_added_and_removed_is_in_the_article_history():
    statement = make_statement()
    evidence = make_evidence(statement, title="Hospital statement")
    evidence.delete()
    actions = list(
        Change.objects.filter(article=statement.article, object_repr="Hospital statement")
        .order_by("pk")
        .values_list("action", flat=True)
    )
    assert actions == ["create", "delete"]


def test_reverting_a_change_restores_the_old_values_and_is_itself_recorded():
    editor = make_editor()
    statement = make_statement(note="Original note.")
    statement.set_verdict(Verdict.FALSE, by=editor, note="Wrong note.")
    change = Change.objects.filter(action="update").latest()
    change.revert(by=editor)
    statement.refresh_from_db()
    assert (statement.verdict, statement.note) == (Verdict.UNCHECKED, "Original note.")
    undo = Change.objects.latest()
    assert (undo.reverts, undo.user) == (change, editor)
    assert statement.history.latest().to_verdict == Verdict.UNCHECKED


def test_a_change_overtaken_by_a_later_one_cannot_be_reverted():
    statement = make_statement()
    statement.note = "Second."
    statement.save()
    first = Change.objects.latest()
    statement.note = "Third."
    statement.save()
    with pytest.raises(RevertError, match="changed again later"):
        first.revert()


def test_reverting_a_deletion_brings_the_evidence_back():
    statement = make_statement()
    evidence = make_evidence(statement, url="https://example.org/a", title="A", note="n")
    pk = evidence.pk
    evidence.delete()
    Change.objects.get(action="delete").revert()
    restored = Evidence.objects.get(pk=pk)
    assert (restored.url, restored.title, restored.note) == ("https://example.org/a", "A", "n")


def test_reverting_a_span_change_puts_the_statement_back_on_its_words():
    article = make_article()
    statement = make_statement(article, "Critics said the project was over budget.")
    statement.set_span(0, 12)
    statement.save()
    Change.objects.filter(action="update").latest().revert()
    statement.refresh_from_db()
    assert statement.quote == "Critics said the project was over budget."


def test_a_bulk_verdict_change_makes_an_open_copy_stale():
    statement = make_statement()
    open_copy = Statement.objects.get(pk=statement.pk)
    open_copy.expect_version(open_copy.version)
    Statement.objects.filter(pk=statement.pk).update(verdict=Verdict.FALSE)
    open_copy.note = "Written without seeing the bulk change."
    with pytest.raises(EditConflict):
        open_copy.save()
    assert Change.objects.filter(object_id=statement.pk, changes__has_key="verdict").exists()
