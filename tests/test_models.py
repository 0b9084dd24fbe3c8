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
