"""No edit is lost in the admin, and every change can be seen and reverted there.

Two editors saving the same row: the later save, made from a page showing an older
version, is refused with what the other changed, and nothing of it is written. The
History of an article or a statement lists who changed what and when, and reverts.
"""

import re
import threading

import pytest
from django.contrib.admin import helpers
from django.contrib.admin.models import LogEntry
from django.db import connection
from django.test import Client
from pytest_django.asserts import assertContains, assertNotContains

from stories.admin import StatementAdmin
from stories.audit import acting_as
from stories.models import (
    Article,
    Change,
    Evidence,
    Statement,
    Verdict,
    VerdictChange,
)
from tests.factories import (
    admin_url,
    article_post_data,
    make_article,
    make_correction,
    make_editor,
    make_evidence,
    make_fact_checker,
    make_source,
    make_statement,
    restore_editor_groups,
    shown_data,
    statement_post_data,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def save_as(user, obj, **values):
    """Someone else's save, made while the editor's page was open."""
    with acting_as(user):
        for name, value in values.items():
            setattr(obj, name, value)
        obj.save()


def statement_with(**fields):
    return make_statement(make_article(), "Critics said the project was over budget.", **fields)


# The change form -------------------------------------------------------------------------------


def test_statement_form_carries_the_version_it_was_loaded_with(editor_client):
    statement = statement_with()
    save_as(None, statement, note="Second version.")
    response = editor_client.get(admin_url("statement", "change", statement.pk))
    assertContains(response, '<input type="hidden" name="version" value="2" id="id_version">')
    assertContains(response, 'name="seen"')


def test_a_stale_save_is_refused_with_what_the_other_editor_changed(editor_client):
    statement = statement_with(note="Original note.")
    loaded = statement_post_data(statement, attribution="told reporters")
    save_as(make_fact_checker("kim"), statement, note="Their note.", verdict=Verdict.FALSE)

    response = editor_client.post(admin_url("statement", "change", statement.pk), loaded)

    assert response.status_code == 200
    assertContains(response, "kim (at ")
    assertContains(response, "saved this statement while you were editing it")
    assertContains(response, "nothing of yours was saved")
    assertContains(response, "Verdict: you saw “Not yet checked”, it is now “False”")
    assertContains(response, "Note: you saw “Original note.”, it is now “Their note.”")
    after = Statement.objects.get(pk=statement.pk)
    assert (after.attribution, after.note, after.verdict, after.version) == (
        "",
        "Their note.",
        Verdict.FALSE,
        2,
    )


def test_the_refused_form_shows_their_values_and_saving_it_again_keeps_both(editor_client):
    statement = statement_with(note="Original note.")
    loaded = statement_post_data(statement, attribution="told reporters")
    save_as(None, statement, note="Their note.")

    refused = editor_client.post(admin_url("statement", "change", statement.pk), loaded)
    again = shown_data(refused)
    assert (again["note"], again["attribution"], again["version"]) == (
        "Their note.",
        "told reporters",
        "2",
    )

    response = editor_client.post(admin_url("statement", "change", statement.pk), again)
    assert response.status_code == 302
    after = Statement.objects.get(pk=statement.pk)
    assert (after.note, after.attribution, after.version) == ("Their note.", "told reporters", 3)


def test_where_both_changed_a_field_the_editors_value_is_kept_and_named(editor_client):
    statement = statement_with(note="Original note.")
    loaded = statement_post_data(statement, note="My note.")
    save_as(None, statement, note="Their note.")

    response = editor_client.post(admin_url("statement", "change", statement.pk), loaded)

    assertContains(
        response,
        "Note: you saw “Original note.”, it is now “Their note.”; "
        "you changed it too: yours is kept below",
    )
    assert shown_data(response)["note"] == "My note."
    assert Statement.objects.get(pk=statement.pk).note == "Their note."


def test_a_save_between_that_changed_nothing_shown_asks_only_to_save_again(editor_client):
    statement = statement_with()
    loaded = statement_post_data(statement, note="Mine.")
    save_as(None, statement)  # saved again as it was: a new version, nothing else
    response = editor_client.post(admin_url("statement", "change", statement.pk), loaded)
    assertContains(response, "Nothing shown here changed: save again to keep your changes.")
    response = editor_client.post(
        admin_url("statement", "change", statement.pk), shown_data(response)
    )
    assert response.status_code == 302
    assert Statement.objects.get(pk=statement.pk).note == "Mine."


def test_a_stale_article_save_is_refused_and_writes_nothing(editor_client):
    article = make_article(headline="Bridge to open in May")
    statement = make_statement(article, "Critics said the project was over budget.")
    loaded = article_post_data(
        article,
        [statement],
        headline="Bridge opening delayed",
        **{"statements-0-note": "Checked with the ministry."},
    )
    save_as(None, article, byline="A. Reporter")
    changes_before = Change.objects.count()

    response = editor_client.post(admin_url("article", "change", article.pk), loaded)

    assert response.status_code == 200
    assertContains(response, "Byline: you saw “(empty)”, it is now “A. Reporter”")
    article.refresh_from_db()
    statement.refresh_from_db()
    assert (article.headline, statement.note) == ("Bridge to open in May", "")
    assert Change.objects.count() == changes_before
    assert not LogEntry.objects.exists()


def test_a_statement_changed_meanwhile_refuses_the_article_save_that_changes_it(editor_client):
    article = make_article(headline="Bridge to open in May")
    statement = make_statement(article, "Critics said the project was over budget.")
    loaded = article_post_data(
        article,
        [statement],
        headline="Bridge opening delayed",
        **{"statements-0-note": "My note."},
    )
    save_as(None, statement, verdict=Verdict.DISPUTED)

    response = editor_client.post(admin_url("article", "change", article.pk), loaded)

    assert response.status_code == 200
    assertContains(response, "Verdict: you saw “Not yet checked”, it is now “Disputed”")
    article.refresh_from_db()
    assert article.headline == "Bridge to open in May"
    assert Statement.objects.get(pk=statement.pk).note == ""


def test_a_statement_changed_meanwhile_but_untouched_here_is_left_alone(editor_client):
    article = make_article(headline="Bridge to open in May")
    statement = make_statement(article, "Critics said the project was over budget.")
    loaded = article_post_data(article, [statement], headline="Bridge opening delayed")
    save_as(None, statement, verdict=Verdict.DISPUTED, note="Their note.")

    response = editor_client.post(admin_url("article", "change", article.pk), loaded)

    assert response.status_code == 302
    assert Article.objects.get(pk=article.pk).headline == "Bridge opening delayed"
    after = Statement.objects.get(pk=statement.pk)
    assert (after.verdict, after.note) == (Verdict.DISPUTED, "Their note.")


def test_statements_moved_by_anothers_new_body_are_left_where_it_put_them(editor_client):
    article = make_article(headline="Bridge to open in May")
    statement = make_statement(article, "Critics said the project was over budget.")
    loaded = article_post_data(article, [statement], headline="Bridge opening delayed")
    save_as(None, article, body="UPDATED: " + article.body)  # moves the statement on
    moved = Statement.objects.get(pk=statement.pk)
    assert moved.start == statement.start + 9

    response = editor_client.post(admin_url("article", "change", article.pk), loaded)

    # The body is theirs (this editor did not touch it): the form says so, shows it, and
    # saving it again keeps both.
    assert response.status_code == 200
    assertContains(response, "Body: you saw “The minister said on…”, it is now “UPDATED: The")
    response = editor_client.post(admin_url("article", "change", article.pk), shown_data(response))
    assert response.status_code == 302
    article.refresh_from_db()
    assert (article.headline, article.body[:9]) == ("Bridge opening delayed", "UPDATED: ")
    after = Statement.objects.get(pk=statement.pk)
    assert (after.start, after.quote, after.orphaned) == (moved.start, moved.quote, False)


def test_saving_a_new_body_does_not_conflict_with_its_own_re_anchoring(editor_client, editor):
    article = make_article()
    statement = make_statement(article, "Critics said the project was over budget.")
    data = article_post_data(
        article,
        [statement],
        body="UPDATED: " + article.body,
        **{"statements-0-verdict": Verdict.FALSE},
    )
    response = editor_client.post(admin_url("article", "change", article.pk), data)
    assert response.status_code == 302
    moved = Statement.objects.get(pk=statement.pk)
    assert (moved.start, moved.verdict, moved.reviewed_by) == (
        statement.start + 9,
        Verdict.FALSE,
        editor,
    )


def test_a_save_that_loses_the_race_is_rolled_back_whole_and_tried_again(
    editor_client, monkeypatch
):
    """Someone saves a statement between the form's check and the article's save of it:
    the first attempt, article and inlines, is rolled back entirely; the second attempt
    goes through the form again (here nothing of the editor's was overtaken, so it saves)."""
    article = make_article(headline="Bridge to open in May")
    statement = make_statement(article, "Critics said the project was over budget.")
    data = article_post_data(
        article, [statement], headline="Bridge opening delayed", **{"statements-0-note": "Mine."}
    )
    real_save, raced = Statement.save, []

    def overtaken_once(self, *args, **kwargs):
        if not raced and self.note == "Mine.":
            raced.append(self.pk)
            from stories.models import EditConflict

            raise EditConflict(self, {"version": self.version + 1})
        return real_save(self, *args, **kwargs)

    monkeypatch.setattr(Statement, "save", overtaken_once)
    changes_before = Change.objects.count()

    response = editor_client.post(admin_url("article", "change", article.pk), data)

    assert response.status_code == 302
    assert raced == [statement.pk]
    # One change of the headline and one of the note: nothing of the first attempt stayed.
    new = Change.objects.order_by("pk")[changes_before:]
    assert [sorted(c.changes) for c in new] == [["headline"], ["note"]]
    assert LogEntry.objects.count() == 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_editors_saving_a_statement_at_once_one_wins_and_the_other_is_refused():
    restore_editor_groups()
    statement = statement_with()
    editors = [make_editor("ana"), make_fact_checker("kim")]
    clients = []
    for user in editors:
        client = Client()
        client.force_login(user)
        clients.append(client)
    loaded = statement_post_data(statement)  # both pages show version 1
    barrier = threading.Barrier(2)
    responses = {}

    def save(client, verdict):
        try:
            barrier.wait(timeout=10)
            responses[verdict] = client.post(
                admin_url("statement", "change", statement.pk),
                {**loaded, "verdict": verdict, "note": f"Set to {verdict}."},
            )
        finally:
            connection.close()

    threads = [
        threading.Thread(target=save, args=(client, verdict))
        for client, verdict in zip(clients, [Verdict.FALSE, Verdict.VERIFIED], strict=True)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    codes = sorted(response.status_code for response in responses.values())
    assert codes == [200, 302]
    winner = next(v for v, response in responses.items() if response.status_code == 302)
    loser = next(response for response in responses.values() if response.status_code == 200)
    assertContains(loser, "while you were editing it")
    statement.refresh_from_db()
    assert (statement.verdict, statement.note, statement.version) == (
        winner,
        f"Set to {winner}.",
        2,
    )
    assert VerdictChange.objects.filter(statement=statement).count() == 1


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite takes the write lock when a save's transaction begins (IMMEDIATE), so no "
    "save can land between the form's check and the write there",
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_save_landing_between_the_check_and_the_write_is_caught_at_the_write(monkeypatch):
    restore_editor_groups()
    statement = statement_with()
    editor = make_editor("ana")
    client = Client()
    client.force_login(editor)
    real_save_model = StatementAdmin.save_model
    raced = []

    def other_editor_saves_first(self, request, obj, form, change):
        if not raced:
            raced.append(True)

            def save():
                try:
                    save_as(None, Statement.objects.get(pk=obj.pk), note="Their note.")
                finally:
                    connection.close()

            thread = threading.Thread(target=save)
            thread.start()
            thread.join(timeout=30)
        return real_save_model(self, request, obj, form, change)

    monkeypatch.setattr(StatementAdmin, "save_model", other_editor_saves_first)

    response = client.post(
        admin_url("statement", "change", statement.pk),
        statement_post_data(statement, verdict=Verdict.FALSE),
    )

    assert response.status_code == 200
    assertContains(response, "Note: you saw “(empty)”, it is now “Their note.”")
    statement.refresh_from_db()
    assert (statement.verdict, statement.note, statement.version) == (
        Verdict.UNCHECKED,
        "Their note.",
        2,
    )
    assert not VerdictChange.objects.exists()


# Bulk verdicts ---------------------------------------------------------------------------------


def test_the_list_carries_the_version_of_each_row_it_shows(editor_client):
    statement = statement_with()
    save_as(None, statement, note="Second.")
    response = editor_client.get(admin_url("statement", "changelist"))
    assertContains(response, f'<input type="hidden" name="_seen" value="{statement.pk}:2">')


def test_a_verdict_action_skips_rows_changed_since_the_list_was_shown(editor_client, editor):
    article = make_article()
    kept = make_statement(article, "the bridge would open in May")
    moved = make_statement(article, "Critics said the project was over budget.")
    listed = editor_client.get(admin_url("statement", "changelist"))
    seen = re.findall(r'name="_seen" value="([0-9:]+)"', listed.content.decode())
    save_as(None, moved, note="Changed meanwhile.")

    response = editor_client.post(
        admin_url("statement", "changelist"),
        {
            "action": "mark_false",
            helpers.ACTION_CHECKBOX_NAME: [kept.pk, moved.pk],
            "_seen": seen,
        },
        follow=True,
    )

    assertContains(response, "Marked 1 statement as False.")
    assertContains(
        response,
        "Not marked: 1 statement was changed by someone else after this list was shown "
        "(“Critics said the project was over budget.”)",
    )
    assert Statement.objects.get(pk=kept.pk).verdict == Verdict.FALSE
    assert Statement.objects.get(pk=moved.pk).verdict == Verdict.UNCHECKED


# History ---------------------------------------------------------------------------------------


def test_article_history_lists_changes_of_its_statements_evidence_and_corrections(
    editor_client, editor
):
    article = make_article()
    peskov = make_source("Dmitry Peskov")
    with acting_as(editor):
        statement = make_statement(article, "Critics said the project was over budget.")
        statement.source = peskov
        statement.save()
        statement.set_verdict(Verdict.FALSE, by=editor, note="It was on budget.")
        make_evidence(statement, title="Budget report")
        make_correction(article, "the bridge would open in May", text="It opens in June.")
        article.byline = "A. Reporter"
        article.save()

    response = editor_client.get(admin_url("article", "history", article.pk))

    assert response.templates[0].name == "admin/stories/change_history.html"
    rows = [change.changes for change in response.context["changes"]]
    assert rows[0] == {"byline": ["", "A. Reporter"]}  # newest first
    assert (
        len(rows) == 7
    )  # article made, statement made, source, verdict, evidence, correction, byline
    html = response.content.decode()
    assert html.index("A. Reporter") < html.index("Budget report")
    assertContains(response, "<dt>Source</dt><dd>(empty) → Dmitry Peskov</dd>", html=True)
    assertContains(response, '<span class="verdict verdict-false"', count=1)
    assertContains(response, "Created evidence")
    assertContains(response, "Created correction")
    assertContains(response, f"<td>{editor.username}</td>", html=True)


def test_a_long_text_change_is_shown_as_the_words_that_changed(editor_client, editor):
    article = make_article()
    with acting_as(editor):
        article.body = article.body.replace("over budget", "on budget")
        article.save()
    response = editor_client.get(admin_url("article", "history", article.pk))
    assertContains(response, "<li>…said the project was <del>over</del> <ins>on</ins> budget.</li>")


def test_the_admins_history_button_leads_to_the_change_history(editor_client):
    statement = statement_with()
    response = editor_client.get(admin_url("statement", "change", statement.pk))
    assertContains(response, admin_url("statement", "history", statement.pk))
    response = editor_client.get(admin_url("statement", "history", statement.pk))
    assertContains(response, "Every change of this statement and its evidence")


def test_statement_history_shows_its_own_changes_evidence_and_verdict_history(
    editor_client, editor
):
    statement = statement_with()
    other = make_statement(statement.article, "the bridge would open in May")
    save_as(editor, other, note="Not this one.")
    statement.set_verdict(Verdict.MISLEADING, by=editor, note="Context missing.")
    evidence = make_evidence(statement, title="Gone evidence")
    evidence.delete()

    response = editor_client.get(admin_url("statement", "history", statement.pk))

    assertNotContains(response, "Not this one.")
    assertContains(response, "Context missing.", count=2)  # the change, the verdict history
    assertContains(response, "Deleted evidence")
    assertContains(response, "Created evidence")
    assertContains(response, "<h2>Verdict history</h2>", html=True)
    assert [c.action for c in response.context["changes"]] == [
        "delete",
        "create",
        "update",
        "create",
    ]


def test_history_is_paginated(editor_client):
    statement = statement_with()
    for n in range(55):
        save_as(None, statement, note=f"Note {n}.")
    response = editor_client.get(admin_url("statement", "history", statement.pk))
    assert len(response.context["changes"]) == 50
    assertContains(response, "56 changes")
    response = editor_client.get(admin_url("statement", "history", statement.pk), {"p": 2})
    assert len(response.context["changes"]) == 6
    assertContains(response, "Note 0.")


# Queries for an article's history: session, user, the article, the user's permissions and
# those of the user's groups, the count of its changes, the page of changes with their users,
# content types and the changes they revert, the articles and the sources named (one query
# each, however many rows name them), and the later changes that revert these.
HISTORY_QUERIES = 10


@pytest.mark.parametrize("n", [3, 12])
def test_history_queries_do_not_grow(editor_client, editor, django_assert_num_queries, n):
    article = make_article()
    with acting_as(editor):
        for i in range(n):
            statement = make_statement(article, "Critics said the project was over budget.")
            statement.source = make_source(f"Source {i}")
            statement.set_verdict(Verdict.FALSE, by=editor)
            statement.delete()
    with django_assert_num_queries(HISTORY_QUERIES):
        response = editor_client.get(admin_url("article", "history", article.pk))
    assert len(response.context["changes"]) == 3 * n + 1


# Reverting -------------------------------------------------------------------------------------


def revert(client, change, **data):
    return client.post(admin_url("change", "revert", change.pk), data, follow=True)


def test_revert_restores_the_old_values_and_is_itself_in_the_history(editor_client, editor):
    statement = statement_with(note="Original note.")
    statement.set_verdict(Verdict.FALSE, by=editor, note="Wrong note.")
    change = Change.objects.filter(object_id=statement.pk, action="update").latest()
    history = admin_url("statement", "history", statement.pk)

    response = revert(editor_client, change, next=history)

    assert response.redirect_chain[-1][0] == history
    assertContains(response, "Reverted: changed statement “Critics said the project")
    statement.refresh_from_db()
    assert (statement.verdict, statement.note) == (Verdict.UNCHECKED, "Original note.")
    latest = Change.objects.latest()
    assert (latest.reverts, latest.user) == (change, editor)
    assertContains(response, "reverting the change of")
    assertContains(response, "Reverted ")  # the reverted change says so, without a button


def test_a_change_overtaken_by_a_later_one_is_not_reverted_and_says_why(editor_client):
    statement = statement_with()
    save_as(None, statement, note="Second.")
    first = Change.objects.filter(object_id=statement.pk, action="update").latest()
    save_as(None, statement, note="Third.")
    response = revert(editor_client, first)
    assertContains(response, "Not reverted: The note of")
    assertContains(response, "was changed again later: revert the later change first.")
    assert Statement.objects.get(pk=statement.pk).note == "Third."


def test_reverting_a_deletion_brings_the_evidence_back(editor_client):
    statement = statement_with()
    evidence = make_evidence(statement, title="Hospital statement")
    pk = evidence.pk
    evidence.delete()
    revert(editor_client, Change.objects.get(action="delete"))
    assert Evidence.objects.get(pk=pk).title == "Hospital statement"


def test_revert_is_a_post_with_the_csrf_token(editor):
    statement = statement_with()
    save_as(None, statement, note="Second.")
    change = Change.objects.filter(action="update").latest()
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    assert client.get(admin_url("change", "revert", change.pk)).status_code == 405
    assert client.post(admin_url("change", "revert", change.pk)).status_code == 403
    assert Statement.objects.get(pk=statement.pk).note == "Second."


def test_the_history_page_posts_the_revert_with_its_token(editor_client):
    statement = statement_with()
    save_as(None, statement, note="Second.")
    change = Change.objects.filter(action="update").latest()
    response = editor_client.get(admin_url("statement", "history", statement.pk))
    assertContains(response, f'action="{admin_url("change", "revert", change.pk)}"')
    assertContains(response, "csrfmiddlewaretoken")


def test_reverting_an_articles_creation_is_refused(editor_client):
    article = make_article()
    created = Change.objects.get(object_id=article.pk, action="create", article=article)
    response = editor_client.get(admin_url("article", "history", article.pk))
    assertContains(response, "Reverting this would delete the article")
    assert revert(editor_client, created).status_code == 403
    assert Article.objects.filter(pk=article.pk).exists()


# The change log --------------------------------------------------------------------------------


def test_the_change_log_shows_who_changed_what_and_filters(editor_client, editor):
    checker = make_fact_checker("kim")
    statement = statement_with()
    save_as(checker, statement, note="Kim's note.")
    save_as(editor, statement.article, byline="A. Reporter")

    response = editor_client.get(admin_url("change", "changelist"))
    assertContains(response, "Kim&#x27;s note.")
    assertContains(response, "A. Reporter")

    response = editor_client.get(admin_url("change", "changelist"), {"user__id__exact": checker.pk})
    assertContains(response, "Kim&#x27;s note.")
    assertNotContains(response, "A. Reporter")

    response = editor_client.get(admin_url("change", "changelist"), {"action__exact": "create"})
    assertNotContains(response, "Kim&#x27;s note.")


def test_the_change_log_is_read_only(editor_client, editor):
    statement = statement_with()
    save_as(editor, statement, note="Logged.")
    change = Change.objects.latest()
    assert editor_client.get(admin_url("change", "add")).status_code == 403
    response = editor_client.get(admin_url("change", "change", change.pk))
    assert response.status_code == 200
    assertNotContains(response, 'name="_save"')
    assertContains(response, f'action="{admin_url("change", "revert", change.pk)}"')
    assert editor_client.post(admin_url("change", "delete", change.pk)).status_code == 403
    assert Change.objects.filter(pk=change.pk).exists()


# Queries for the change log: session, user, the user's permissions and those of the user's
# groups, the user and content type filters' choices, the filtered count, the full count, the
# changes with their users and content types, the sources named, the reverts of these changes,
# and the date hierarchy's first and last dates and its days (all changes are of one day here).
CHANGE_LIST_QUERIES = 13


@pytest.mark.parametrize("n", [3, 12])
def test_change_log_queries_do_not_grow(editor_client, editor, django_assert_num_queries, n):
    with acting_as(editor):
        for i in range(n):
            statement = statement_with()
            statement.source = make_source(f"Source {i}")
            statement.save()
    with django_assert_num_queries(CHANGE_LIST_QUERIES):
        response = editor_client.get(admin_url("change", "changelist"))
    assert response.status_code == 200
