import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import RestrictedError

from stories.models import Source, Statement, Verdict, VerdictChange
from tests.factories import make_article, make_editor, make_source, make_statement

pytestmark = pytest.mark.django_db


def test_statement_span_must_match_the_body():
    statement = make_statement()
    statement.quote = "something the article never said"
    with pytest.raises(ValidationError):
        statement.full_clean()


def test_statement_span_outside_the_body_is_rejected():
    article = make_article(body="Short body.")
    statement = Statement(article=article)
    with pytest.raises(ValidationError):
        statement.set_span(0, 500)


def test_database_refuses_an_unknown_verdict():
    statement = make_statement()
    with pytest.raises(IntegrityError), transaction.atomic():
        Statement.objects.filter(pk=statement.pk).update(verdict="made-up")


def test_database_refuses_an_empty_span():
    statement = make_statement()
    with pytest.raises(IntegrityError), transaction.atomic():
        Statement.objects.filter(pk=statement.pk).update(end=statement.start)


def test_set_verdict_stamps_the_editor_and_writes_history():
    editor = make_editor()
    statement = make_statement()
    statement.set_verdict(Verdict.FALSE, by=editor, note="They survived.")
    statement.refresh_from_db()
    assert statement.reviewed_by == editor
    assert statement.reviewed_at is not None
    change = statement.history.get()
    assert (change.user, change.from_verdict, change.to_verdict, change.note) == (
        editor,
        Verdict.UNCHECKED,
        Verdict.FALSE,
        "They survived.",
    )


def test_verdict_changed_by_plain_save_is_recorded_without_a_user():
    editor = make_editor()
    statement = make_statement()
    statement.set_verdict(Verdict.VERIFIED, by=editor)
    statement = Statement.objects.get(pk=statement.pk)
    statement.verdict = Verdict.DISPUTED
    statement.save()
    latest = statement.history.latest()
    assert (latest.from_verdict, latest.to_verdict, latest.user) == (
        Verdict.VERIFIED,
        Verdict.DISPUTED,
        None,
    )
    statement.refresh_from_db()
    assert statement.reviewed_by is None  # the earlier reviewer did not make this change


def test_bulk_update_of_verdicts_writes_history_for_each_changed_row():
    editor = make_editor()
    article = make_article()
    first = make_statement(article, "The minister said on Monday")
    second = make_statement(article, "Critics said the project was over budget.")
    second.set_verdict(Verdict.VERIFIED, by=editor)
    Statement.objects.filter(article=article).update(verdict=Verdict.VERIFIED, reviewed_by=editor)
    assert list(first.history.values_list("to_verdict", "user")) == [(Verdict.VERIFIED, editor.pk)]
    assert second.history.count() == 1  # already verified: nothing changed, nothing recorded


def test_saving_without_a_verdict_change_writes_no_history():
    statement = make_statement()
    statement.attribution = "told reporters"
    statement.save()
    assert not VerdictChange.objects.exists()


def test_source_aliases_drop_duplicates_and_the_name_itself():
    source = make_source("Yuri Ushakov", aliases=["Yury Ushakov", "yuri ushakov", "Yury  Ushakov"])
    assert source.aliases == ["Yury Ushakov"]


def test_source_found_by_alias_ignoring_case_and_accents():
    source = make_source("Yuri Ushakov", aliases=["Yury Ushakov"])
    assert Source.objects.named("YURY USHAKOV") == source
    assert Source.objects.named("The Associated Press") is None
    accented, plain = make_source("Máirtín Ó Dálaigh"), make_source("Jose Nuñez-O'Brien")
    assert Source.objects.named("Mairtin O Dalaigh") == accented
    assert Source.objects.named("José Núñez-O’Brien") == plain


def test_slugs_stay_unique():
    first, second = make_source("Dmitry Peskov"), make_source("Dmitry Peskov")
    assert (first.slug, second.slug) == ("dmitry-peskov", "dmitry-peskov-2")


def test_deleting_an_article_deletes_its_anonymous_sources_and_statements():
    article = make_article()
    unnamed = make_source(
        "a person familiar with the matter", kind="anonymous", scope_article=article
    )
    make_statement(article, "Critics said the project was over budget.", source=unnamed)
    article.delete()
    assert not Source.objects.filter(pk=unnamed.pk).exists()
    assert not Statement.objects.exists()


def test_a_source_with_statements_cannot_be_deleted():
    source = make_source("Dmitry Peskov")
    make_statement(source=source)
    with pytest.raises(RestrictedError):
        source.delete()


def test_a_verdict_not_written_by_a_partial_save_is_not_recorded():
    statement = make_statement()
    statement.verdict = Verdict.FALSE
    statement.note = "A note only."
    statement.save(update_fields=["note"])
    statement.refresh_from_db()
    assert statement.verdict == Verdict.UNCHECKED
    assert not statement.history.exists()


def test_history_compares_with_the_stored_verdict_not_a_stale_copy():
    statement = make_statement()
    stale = Statement.objects.get(pk=statement.pk)
    Statement.objects.filter(pk=statement.pk).update(verdict=Verdict.FALSE)
    stale.verdict = Verdict.VERIFIED
    stale.save()
    assert list(statement.history.order_by("pk").values_list("from_verdict", "to_verdict")) == [
        (Verdict.UNCHECKED, Verdict.FALSE),
        (Verdict.FALSE, Verdict.VERIFIED),  # what it really replaced
    ]


def test_changing_back_after_refresh_is_recorded():
    statement = make_statement()
    Statement.objects.filter(pk=statement.pk).update(verdict=Verdict.FALSE)
    statement.refresh_from_db()
    statement.verdict = Verdict.UNCHECKED
    statement.save()
    assert statement.history.latest().to_verdict == Verdict.UNCHECKED


def test_a_verdict_set_on_a_partly_loaded_statement_is_recorded():
    statement = Statement.objects.only("pk", "note").get(pk=make_statement().pk)
    statement.verdict = Verdict.DISPUTED
    statement.save()
    assert statement.history.get().to_verdict == Verdict.DISPUTED


def test_statements_bulk_created_with_a_verdict_get_their_history():
    article = make_article()
    statement = Statement(article=article, verdict=Verdict.FALSE, note="Wrong.")
    statement.set_span(0, 12)
    Statement.objects.bulk_create([statement])
    change = VerdictChange.objects.get()
    assert (change.statement_id, change.to_verdict, change.note) == (
        statement.pk,
        "false",
        "Wrong.",
    )


def test_bulk_update_keeps_the_reviewer_of_rows_that_already_had_the_verdict():
    first_editor, second_editor = make_editor(), make_editor()
    article = make_article()
    done = make_statement(article, "Critics said the project was over budget.")
    done.set_verdict(Verdict.VERIFIED, by=first_editor)
    make_statement(article, "The minister said on Monday")
    Statement.objects.filter(article=article).update(
        verdict=Verdict.VERIFIED, reviewed_by=second_editor
    )
    done.refresh_from_db()
    assert done.reviewed_by == first_editor


def test_bulk_update_works_on_a_searched_and_sorted_selection():
    # PostgreSQL refuses FOR UPDATE on outer joins; the admin's search and sort add them.
    editor = make_editor()
    statement = make_statement(source=make_source("Dmitry Peskov"))
    selection = Statement.objects.filter(source__name__icontains="peskov").order_by(
        "source__name", "via__name"
    )
    assert selection.update(verdict=Verdict.DISPUTED, reviewed_by=editor) == 1
    statement.refresh_from_db()
    assert (statement.verdict, statement.reviewed_by) == (Verdict.DISPUTED, editor)


def test_reviewing_again_with_the_same_verdict_restamps_who_and_when():
    first_editor, second_editor = make_editor(), make_editor()
    statement = make_statement()
    statement.set_verdict(Verdict.FALSE, by=first_editor)
    first_time = statement.reviewed_at
    statement.set_verdict(Verdict.FALSE, by=second_editor, note="Checked again.")
    statement.refresh_from_db()
    assert statement.reviewed_by == second_editor
    assert statement.reviewed_at > first_time
    assert statement.history.count() == 1
