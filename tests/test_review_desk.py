"""The review desk, through its URLs: the review screen, its endpoints, and the queue.

Every endpoint answers JSON to the page's script and redirects a plain form back to the
review page; every save names the version the editor saw.
"""

import json
import re
import threading

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from stories.models import (
    Correction,
    Evidence,
    Source,
    SourceKind,
    Statement,
    StatementKind,
    Verdict,
    VerdictChange,
)
from stories.models.tracking import jsonable
from tests.factories import (
    make_article,
    make_contributor,
    make_editor,
    make_evidence,
    make_fact_checker,
    make_source,
    make_staff_user,
    make_statement,
    make_story,
    restore_editor_groups,
)

pytestmark = pytest.mark.django_db

JSON = {"HTTP_ACCEPT": "application/json"}

ROLES = {
    "editor": make_editor,
    "fact_checker": make_fact_checker,
    "contributor": make_contributor,
    "plain_staff": make_staff_user,
}


def client_for(role):
    client = Client()
    client.force_login(ROLES[role]())
    return client


@pytest.fixture
def editor_client(client):
    client.force_login(make_editor())
    return client


def seen(obj):
    """The `seen` snapshot a form carries: the values the editor started from."""
    return json.dumps({name: jsonable(obj._value(name)) for name in obj.tracked})


def verdict_data(statement, verdict, note="", **extra):
    return {
        "verdict": verdict,
        "note": note,
        "version": statement.version,
        "seen": seen(statement),
        **extra,
    }


def page_url(article):
    return reverse("review_article", args=[article.pk])


# The review screen ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "status"),
    [("editor", 200), ("fact_checker", 200), ("contributor", 200), ("plain_staff", 403)],
)
def test_review_screen_is_for_those_who_may_see_articles_and_statements(role, status):
    article = make_article()
    response = client_for(role).get(page_url(article))
    assert response.status_code == status
    if status == 403:
        assertContains(response, "needs permission to view articles", status_code=403)


def test_review_screen_sends_readers_who_are_not_logged_in_to_the_login(client):
    article = make_article()
    response = client.get(page_url(article))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_review_screen_marks_each_statement_with_its_verdict_in_words_and_icon(editor_client):
    article = make_article()
    statement = make_statement(article, verdict=Verdict.FALSE)
    response = editor_client.get(page_url(article))
    html = response.content.decode()
    mark = re.search(rf'<mark [^>]*data-statement="{statement.pk}"[^>]*>', html).group(0)
    assert "verdict-false" in mark
    assertContains(
        response,
        f'<span class="verdict-badge" data-badge="{statement.pk}">'
        '<span class="verdict-icon" aria-hidden="true">✗</span> False</span>',
        html=True,
    )
    # Without the script, the statement is a link to its own panel, a plain form.
    assertContains(response, f'href="#review-statement-{statement.pk}"')
    assertContains(response, f'id="review-statement-{statement.pk}"')
    assertContains(response, reverse("review_set_verdict", args=[statement.pk]))


def test_every_run_of_text_carries_its_offset_in_the_body(editor_client):
    """The script counts selections from these offsets: each must be where its text stands,
    counting the blank lines between paragraphs."""
    body = "First paragraph, said Ann.\n\n\nSecond — with “quotes” & <tags>.\n\nThird one."
    article = make_article(body=body)
    make_statement(article, "Second — with “quotes”")
    html = editor_client.get(page_url(article)).content.decode()
    text = html.split("data-review-body>", 1)[1].split("</div>", 1)[0]
    runs = re.findall(r'data-offset="(\d+)">([^<]*)<', text)
    assert len(runs) == 4
    unescape = {"&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#x27;": "'"}
    for offset, escaped in runs:
        run = re.sub("|".join(unescape), lambda m: unescape[m.group(0)], escaped)
        assert body[int(offset) : int(offset) + len(run)] == run


def test_panel_shows_source_via_attribution_kind_confidence_evidence_and_history(editor_client):
    article = make_article()
    agency = make_source("Relay Agency", kind=SourceKind.OUTLET)
    ministry = make_source("Ministry of Transport", kind=SourceKind.ORGANISATION)
    source = make_source("Jane Minister", role="Transport minister", affiliation=ministry)
    statement = make_statement(
        article,
        source=source,
        via=agency,
        attribution="told reporters",
        kind=StatementKind.DIRECT,
        confidence=0.42,
    )
    make_evidence(statement, title="Budget papers")
    statement.set_verdict(Verdict.DISPUTED, by=make_editor("desk"), note="Two accounts.")
    response = editor_client.get(page_url(article))
    for text in [
        "Jane Minister",
        "Transport minister",
        "Ministry of Transport",
        "Relay Agency",
        "told reporters",
        "Direct quote",
        "42%",
        "doubtful",
        "Budget papers",
        "Two accounts.",
    ]:
        assertContains(response, text)
    assertContains(response, "desk: ○ Not yet checked → ⇄ Disputed")
    for key, verdict in enumerate(Verdict, 1):
        assertContains(response, f'data-verdict-key="{key}"')
        assertContains(response, f'value="{verdict.value}"')


def test_orphaned_statements_are_listed_apart_with_a_place_it_again_control(editor_client):
    article = make_article()
    statement = make_statement(article, "Critics said the project was over budget.")
    Statement.objects.filter(pk=statement.pk).update(orphaned=True)
    response = editor_client.get(page_url(article))
    html = response.content.decode()
    orphans = html.split('id="review-orphans"', 1)[1].split("</section>", 1)[0]
    assert "Lost their place in the text (1)" in orphans
    assert "Place it again" in orphans
    body = html.split("data-review-body>", 1)[1].split("</div>", 1)[0]
    assert f'data-statement="{statement.pk}"' not in body


def test_article_change_page_links_to_its_review(editor_client):
    article = make_article()
    response = editor_client.get(reverse("admin:stories_article_change", args=[article.pk]))
    assertContains(response, f'href="{page_url(article)}"')


def test_admin_index_links_to_the_review_desk(editor_client):
    response = editor_client.get(reverse("admin:index"))
    assertContains(response, "Review desk")
    assertContains(response, f'href="{reverse("review_queue")}"')


# Verdicts and notes ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "allowed"),
    [("editor", True), ("fact_checker", True), ("contributor", False), ("plain_staff", False)],
)
def test_only_editors_and_fact_checkers_set_verdicts(role, allowed):
    statement = make_statement()
    response = client_for(role).post(
        reverse("review_set_verdict", args=[statement.pk]),
        verdict_data(statement, Verdict.FALSE, "Wrong."),
        **JSON,
    )
    statement.refresh_from_db()
    if allowed:
        assert response.status_code == 200
        assert statement.verdict == Verdict.FALSE
    else:
        assert response.status_code == 403
        assert response.json()["error"] == (
            "Only Editors and Fact-checkers may set verdicts and notes."
        )
        assert statement.verdict == Verdict.UNCHECKED


def test_setting_a_verdict_answers_its_label_icon_and_new_version_and_logs_it():
    client = Client()
    checker = make_fact_checker()
    client.force_login(checker)
    statement = make_statement()
    response = client.post(
        reverse("review_set_verdict", args=[statement.pk]),
        verdict_data(statement, Verdict.MISLEADING, "Leaves out the delay."),
        HTTP_X_REQUESTED_WITH="XMLHttpRequest",
    )
    data = response.json()
    assert data["statement"]["verdict"] == "misleading"
    assert data["statement"]["label"] == "Misleading"
    assert data["statement"]["icon"] == "◐"
    assert data["statement"]["version"] == statement.version + 1
    assert 'aria-pressed="true"' in data["panel"]
    change = VerdictChange.objects.get(statement=statement)
    assert (change.user, change.from_verdict, change.to_verdict, change.note) == (
        checker,
        Verdict.UNCHECKED,
        Verdict.MISLEADING,
        "Leaves out the delay.",
    )


def test_a_plain_form_sets_the_verdict_and_returns_to_the_statement(editor_client):
    statement = make_statement()
    response = editor_client.post(
        reverse("review_set_verdict", args=[statement.pk]),
        verdict_data(statement, Verdict.VERIFIED, "Confirmed by the ministry."),
    )
    assertRedirects(
        response,
        f"{page_url(statement.article)}#review-statement-{statement.pk}",
        fetch_redirect_response=False,
    )
    statement.refresh_from_db()
    assert (statement.verdict, statement.note) == (Verdict.VERIFIED, "Confirmed by the ministry.")
    page = editor_client.get(response["Location"])
    assertContains(page, "Saved: Verified.")


def test_a_stale_verdict_is_refused_with_what_the_other_editor_changed():
    statement = make_statement()
    form = verdict_data(statement, Verdict.FALSE, "Mine.")  # what the second editor saw
    first, second = client_for("editor"), client_for("fact_checker")
    first.post(
        reverse("review_set_verdict", args=[statement.pk]),
        verdict_data(statement, Verdict.VERIFIED, "Theirs."),
        **JSON,
    )
    response = second.post(reverse("review_set_verdict", args=[statement.pk]), form, **JSON)
    assert response.status_code == 409
    data = response.json()
    assert "changed by someone else" in data["error"]
    assert "Nothing of yours was saved" in data["error"]
    assert data["changes"] == [
        {
            "field": "verdict",
            "label": "Verdict",
            "seen": "○ Not yet checked",
            "now": "✓ Verified",
            "yours": "✗ False",
        },
        {"field": "note", "label": "Note", "seen": "(empty)", "now": "Theirs.", "yours": "Mine."},
    ]
    assert "What the other editor changed" in data["panel"]
    statement.refresh_from_db()
    assert (statement.verdict, statement.note) == (Verdict.VERIFIED, "Theirs.")


def test_without_javascript_a_stale_verdict_shows_the_page_with_the_message(editor_client):
    statement = make_statement()
    form = verdict_data(statement, Verdict.FALSE, "Mine.")
    statement.set_verdict(Verdict.VERIFIED, by=None, note="Theirs.")
    response = editor_client.post(reverse("review_set_verdict", args=[statement.pk]), form)
    assert response.status_code == 409
    assertContains(response, "changed by someone else", status_code=409)
    assertContains(response, "What the other editor changed", status_code=409)
    assertContains(response, "Your note, not saved: “Mine.”", status_code=409)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_editors_saving_one_statement_at_once_one_wins_and_the_other_is_told():
    restore_editor_groups()
    statement = make_statement()
    form = {"version": statement.version, "seen": seen(statement), "note": ""}
    clients = [client_for("editor"), client_for("fact_checker")]
    barrier = threading.Barrier(2)
    answers = {}

    def save(client, verdict):
        try:
            barrier.wait(timeout=10)
            response = client.post(
                reverse("review_set_verdict", args=[statement.pk]),
                {**form, "verdict": verdict},
                **JSON,
            )
            answers[verdict] = response.status_code
        finally:
            connection.close()

    threads = [
        threading.Thread(target=save, args=(client, verdict))
        for client, verdict in zip(clients, [Verdict.FALSE, Verdict.VERIFIED], strict=True)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(answers.values()) == [200, 409]
    winner = next(verdict for verdict, status in answers.items() if status == 200)
    statement.refresh_from_db()
    assert statement.verdict == winner
    assert VerdictChange.objects.filter(statement=statement).count() == 1


def test_a_verdict_other_than_the_claims_needs_a_reason(editor_client):
    from stories.models import Claim

    claim = Claim.objects.create(text="The bridge opens in May", verdict=Verdict.FALSE)
    statement = make_statement(claim=claim, verdict=Verdict.FALSE, claim_difference="")
    url = reverse("review_set_verdict", args=[statement.pk])
    refused = editor_client.post(url, verdict_data(statement, Verdict.VERIFIED), **JSON)
    assert refused.status_code == 400
    assert "differs from the claim" in refused.json()["error"]
    saved = editor_client.post(
        url,
        verdict_data(statement, Verdict.VERIFIED, claim_difference="This one names May 2027."),
        **JSON,
    )
    assert saved.status_code == 200


def test_endpoints_refuse_a_get(editor_client):
    statement = make_statement()
    response = editor_client.get(reverse("review_set_verdict", args=[statement.pk]))
    assert response.status_code == 405


# Evidence -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "allowed"),
    [("editor", True), ("fact_checker", True), ("contributor", False), ("plain_staff", False)],
)
def test_only_editors_and_fact_checkers_add_evidence(role, allowed):
    statement = make_statement()
    response = client_for(role).post(
        reverse("review_add_evidence", args=[statement.pk]),
        {"title": "Budget papers", "url": "gov.example/budget", "version": statement.version},
        **JSON,
    )
    assert response.status_code == (200 if allowed else 403)
    assert statement.evidence.exists() is allowed
    if allowed:
        assert statement.evidence.get().url == "https://gov.example/budget"
        assert "Budget papers" in response.json()["panel"]


def test_a_user_with_only_the_add_evidence_permission_may_add_evidence():
    statement = make_statement()
    client = Client()
    client.force_login(make_staff_user("stories.add_evidence"))
    response = client.post(
        reverse("review_add_evidence", args=[statement.pk]),
        {"title": "Court record", "version": statement.version},
        **JSON,
    )
    assert response.status_code == 200


def test_evidence_needs_a_title_or_a_url(editor_client):
    statement = make_statement()
    response = editor_client.post(
        reverse("review_add_evidence", args=[statement.pk]),
        {"note": "Only a note", "version": statement.version},
        **JSON,
    )
    assert response.status_code == 400
    assert "a title or a URL" in response.json()["error"]
    assert not statement.evidence.exists()


def test_evidence_for_a_statement_that_moved_on_is_refused(editor_client):
    statement = make_statement()
    form = {"title": "Old lead", "version": statement.version, "seen": seen(statement)}
    statement.set_verdict(Verdict.FALSE, by=None, note="Decided meanwhile.")
    response = editor_client.post(reverse("review_add_evidence", args=[statement.pk]), form, **JSON)
    assert response.status_code == 409
    assert {c["field"] for c in response.json()["changes"]} == {"verdict", "note"}
    assert not statement.evidence.exists()


@pytest.mark.parametrize(
    ("role", "allowed"),
    [("editor", True), ("fact_checker", True), ("contributor", False), ("plain_staff", False)],
)
def test_only_editors_and_fact_checkers_remove_evidence(role, allowed):
    evidence = make_evidence(make_statement())
    response = client_for(role).post(
        reverse("review_remove_evidence", args=[evidence.pk]),
        {"version": evidence.version, "seen": seen(evidence)},
        **JSON,
    )
    assert response.status_code == (200 if allowed else 403)
    assert Evidence.objects.filter(pk=evidence.pk).exists() is not allowed


def test_removing_evidence_someone_just_changed_is_refused(editor_client):
    evidence = make_evidence(make_statement(), title="Budget")
    form = {"version": evidence.version, "seen": seen(evidence)}
    evidence.title = "Budget, revised"
    evidence.save()
    response = editor_client.post(
        reverse("review_remove_evidence", args=[evidence.pk]), form, **JSON
    )
    assert response.status_code == 409
    assert response.json()["changes"] == [
        {"field": "title", "label": "Title", "seen": "Budget", "now": "Budget, revised"}
    ]
    assert Evidence.objects.filter(pk=evidence.pk).exists()


# New statements from selected words -----------------------------------------------------------


def new_statement(article, quote, **fields):
    start = article.body.index(quote)
    return {
        "version": article.version,
        "start": start,
        "end": start + len(quote),
        "quote": quote,
        "kind": StatementKind.DIRECT,
        **fields,
    }


@pytest.mark.parametrize(
    ("role", "allowed"),
    [("editor", True), ("contributor", True), ("fact_checker", False), ("plain_staff", False)],
)
def test_only_editors_and_contributors_mark_new_statements(role, allowed):
    article = make_article()
    response = client_for(role).post(
        reverse("review_add_statement", args=[article.pk]),
        new_statement(article, "We are on schedule"),
        **JSON,
    )
    assert response.status_code == (200 if allowed else 403)
    assert article.statements.exists() is allowed


@pytest.mark.parametrize(
    ("perms", "allowed"),
    [
        (["stories.add_statement"], False),
        (["stories.change_article"], False),
        (["stories.add_statement", "stories.change_article"], True),
    ],
)
def test_marking_a_statement_needs_both_adding_statements_and_changing_articles(perms, allowed):
    article = make_article()
    client = Client()
    client.force_login(make_staff_user(*perms))
    response = client.post(
        reverse("review_add_statement", args=[article.pk]),
        new_statement(article, "We are on schedule"),
        **JSON,
    )
    assert response.status_code == (200 if allowed else 403)


def test_selected_words_become_a_statement_with_the_exact_quote(editor_client):
    article = make_article()
    source = make_source("Jane Minister")
    # Across two paragraphs: the blank line between them is part of the quote.
    quote = 'the bridge would open in May.\n\n"We are on schedule,"'
    response = editor_client.post(
        reverse("review_add_statement", args=[article.pk]),
        new_statement(article, quote, source=source.pk, attribution="she told reporters"),
        **JSON,
    )
    assert response.status_code == 200
    statement = article.statements.get()
    assert statement.quote == quote
    assert article.body[statement.start : statement.end] == quote
    assert (statement.source, statement.attribution, statement.kind) == (
        source,
        "she told reporters",
        StatementKind.DIRECT,
    )
    assert statement.confidence == 1.0
    data = response.json()
    assert f'data-statement="{statement.pk}"' in data["body"]
    assert data["statement"]["quote"] == quote


def test_a_new_source_is_made_on_the_spot_and_a_known_name_is_reused(editor_client):
    article = make_article()
    known = make_source("Jane Minister")
    url = reverse("review_add_statement", args=[article.pk])
    editor_client.post(
        url,
        new_statement(article, "We are on schedule", source_name="jane minister"),
        **JSON,
    )
    editor_client.post(
        url,
        new_statement(
            article,
            "Critics said the project was over budget.",
            source_name="Budget Watch",
            source_kind=SourceKind.ORGANISATION,
            via_name="Relay Agency",
        ),
        **JSON,
    )
    first, second = article.statements.order_by("start")
    assert first.source == known
    assert (second.source.name, second.source.kind) == ("Budget Watch", SourceKind.ORGANISATION)
    assert (second.via.name, second.via.kind) == ("Relay Agency", SourceKind.OUTLET)


def test_a_new_source_needs_permission_to_add_sources():
    article = make_article()
    client = Client()
    client.force_login(make_staff_user("stories.add_statement", "stories.change_article"))
    response = client.post(
        reverse("review_add_statement", args=[article.pk]),
        new_statement(article, "We are on schedule", source_name="Someone New"),
        **JSON,
    )
    assert response.status_code == 403
    assert not Source.objects.filter(name="Someone New").exists()
    assert not article.statements.exists()


def test_the_same_words_twice_are_refused_with_a_clear_message(editor_client):
    article = make_article()
    make_statement(article, "We are on schedule", verdict=Verdict.VERIFIED)
    response = editor_client.post(
        reverse("review_add_statement", args=[article.pk]),
        new_statement(article, "We are on schedule"),
        **JSON,
    )
    assert response.status_code == 400
    assert response.json()["error"] == (
        "These exact words are already a statement (“We are on schedule”, Verified): "
        "choose it in the text instead."
    )


def test_without_javascript_typed_words_are_found_in_the_text(editor_client):
    article = make_article()
    response = editor_client.post(
        reverse("review_add_statement", args=[article.pk]),
        {"version": article.version, "quote": " the project was over budget ", "kind": "indirect"},
    )
    statement = article.statements.get()
    assertRedirects(response, f"{page_url(article)}#review-statement-{statement.pk}")
    assert statement.quote == "the project was over budget"


def test_typed_words_that_occur_twice_need_their_start(editor_client):
    article = make_article(body="He said no. Then he said no.\n\nAnd that was that.")
    url = reverse("review_add_statement", args=[article.pk])
    refused = editor_client.post(url, {"version": article.version, "quote": "said no"})
    assert refused.status_code == 400
    assertContains(
        refused,
        "These words occur 2 times in the text (starting at characters 3, 20)",
        status_code=400,
    )
    editor_client.post(url, {"version": article.version, "quote": "said no", "start": 20})
    assert article.statements.get().start == 20


def test_words_not_in_the_text_are_refused(editor_client):
    article = make_article()
    response = editor_client.post(
        reverse("review_add_statement", args=[article.pk]),
        {"version": article.version, "quote": "The bridge is finished"},
        **JSON,
    )
    assert response.status_code == 400
    assert "not in the text" in response.json()["error"]


def test_a_selection_in_text_that_changed_since_is_refused(editor_client):
    article = make_article()
    form = new_statement(article, "We are on schedule")
    article.body = "Breaking: " + article.body
    article.save()
    response = editor_client.post(reverse("review_add_statement", args=[article.pk]), form, **JSON)
    assert response.status_code == 409
    change = response.json()["changes"][0]
    assert (change["field"], change["seen"]) == ("body", "We are on schedule")
    assert not article.statements.exists()


def test_a_selection_still_standing_after_another_edit_is_kept(editor_client):
    article = make_article()
    form = new_statement(article, "We are on schedule")
    article.body += "\n\nA paragraph added at the end."
    article.save()
    response = editor_client.post(reverse("review_add_statement", args=[article.pk]), form, **JSON)
    assert response.status_code == 200
    assert article.statements.get().quote == "We are on schedule"


# Moving a statement, and placing it again -----------------------------------------------------


def span_data(statement, quote, body=None):
    body = body or statement.article.body
    start = body.index(quote)
    return {
        "version": statement.version,
        "seen": seen(statement),
        "start": start,
        "end": start + len(quote),
        "quote": quote,
    }


@pytest.mark.parametrize(
    ("role", "allowed"),
    [("editor", True), ("contributor", True), ("fact_checker", False), ("plain_staff", False)],
)
def test_only_editors_and_contributors_move_a_statement(role, allowed):
    statement = make_statement()
    response = client_for(role).post(
        reverse("review_set_span", args=[statement.pk]),
        span_data(statement, "the bridge would open in May"),
        **JSON,
    )
    assert response.status_code == (200 if allowed else 403)
    statement.refresh_from_db()
    assert (statement.quote == "the bridge would open in May") is allowed


def test_selecting_again_moves_the_statement_and_logs_the_move(editor_client):
    statement = make_statement()
    response = editor_client.post(
        reverse("review_set_span", args=[statement.pk]),
        span_data(statement, "the bridge would open in May"),
        **JSON,
    )
    assert response.json()["message"].startswith("Statement moved")
    statement.refresh_from_db()
    assert statement.article.body[statement.start : statement.end] == statement.quote
    assert (
        "“The minister said on Monday that the bridge would open in May.” →"
        in (response.json()["panel"])
    )


def test_an_orphan_is_placed_again_and_no_longer_orphaned(editor_client):
    article = make_article()
    statement = make_statement(article, "We are on schedule")
    article.body = article.body.replace("We are on schedule", "We are, broadly, on time")
    article.save()
    statement.refresh_from_db()
    assert statement.orphaned
    response = editor_client.post(
        reverse("review_set_span", args=[statement.pk]),
        span_data(statement, "We are, broadly, on time", body=article.body),
    )
    assertRedirects(
        response,
        f"{page_url(article)}#review-statement-{statement.pk}",
        fetch_redirect_response=False,
    )
    statement.refresh_from_db()
    assert not statement.orphaned
    assert statement.quote == "We are, broadly, on time"
    assertContains(editor_client.get(response["Location"]), "Statement placed again")


def test_moving_a_statement_someone_just_changed_is_refused(editor_client):
    statement = make_statement()
    form = span_data(statement, "the bridge would open in May")
    statement.source = make_source("Jane Minister")
    statement.save()
    response = editor_client.post(reverse("review_set_span", args=[statement.pk]), form, **JSON)
    assert response.status_code == 409
    assert response.json()["changes"] == [
        {"field": "source", "label": "Source", "seen": "(empty)", "now": "Jane Minister"}
    ]
    statement.refresh_from_db()
    assert statement.quote.startswith("The minister said")


# Corrections ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "allowed"),
    [("editor", True), ("fact_checker", True), ("contributor", False), ("plain_staff", False)],
)
def test_only_editors_and_fact_checkers_record_corrections(role, allowed):
    article = make_article()
    response = client_for(role).post(
        reverse("review_add_correction", args=[article.pk]),
        {**new_statement(article, "in May"), "text": "It opens in June.", "published": "on"},
        **JSON,
    )
    assert response.status_code == (200 if allowed else 403)
    assert article.corrections.exists() is allowed


def test_a_correction_is_recorded_on_the_selected_words(editor_client):
    article = make_article(body="Sergei and Yulia Skripal were found dead on a bench.")
    response = editor_client.post(
        reverse("review_add_correction", args=[article.pk]),
        {
            **new_statement(article, "found dead"),
            "text": "They were found unconscious; both survived.",
            "published": "on",
        },
    )
    assertRedirects(response, page_url(article))
    correction = Correction.objects.get(article=article)
    assert correction.quote == "found dead"
    assert correction.text == "They were found unconscious; both survived."
    assert correction.published
    assert correction.created_by.username == response.wsgi_request.user.username
    page = editor_client.get(page_url(article))
    assertContains(page, "They were found unconscious; both survived.")


def test_a_correction_says_what_is_correct(editor_client):
    article = make_article()
    response = editor_client.post(
        reverse("review_add_correction", args=[article.pk]),
        new_statement(article, "in May"),
        **JSON,
    )
    assert response.status_code == 400
    assert response.json()["errors"] == {
        "text": ["Say what is correct: readers see it in the correction log."]
    }


# The queue ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "status"),
    [("editor", 200), ("fact_checker", 200), ("contributor", 200), ("plain_staff", 403)],
)
def test_queue_is_for_those_who_may_see_statements(role, status):
    assert client_for(role).get(reverse("review_queue")).status_code == status


def test_queue_lists_unchecked_statements_the_doubtful_first(editor_client):
    article = make_article()
    sure = make_statement(article, "Critics said", confidence=0.95)
    unsure_source = make_statement(article, "she told", confidence=0.4, source_confidence=0.9)
    most_doubtful = make_statement(article, "We are", confidence=0.4, source_confidence=0.3)
    make_statement(article, "The minister", verdict=Verdict.FALSE, confidence=0.1)
    html = editor_client.get(reverse("review_queue")).content.decode()
    rows = re.findall(r"#review-statement-(\d+)", html.split("<tbody>", 1)[1].split("</tbody>")[0])
    assert rows == [str(s.pk) for s in (most_doubtful, unsure_source, sure)]


def test_queue_counts_unchecked_statements_per_story_and_filters_by_story(editor_client):
    bridge, election = make_story("Bridge"), make_story("Election")
    for story, count in ((bridge, 2), (election, 1)):
        article = make_article(story=story)
        for text in ["The minister said", "We are on schedule", "Critics said"][:count]:
            make_statement(article, text)
    make_statement(make_article(), "Critics said")  # an article in no story
    make_statement(make_article(story=election), "We are", verdict=Verdict.VERIFIED)
    response = editor_client.get(reverse("review_queue"))
    assert [
        (row["article__story__title"], row["count"]) for row in response.context["stories"]
    ] == [
        ("Bridge", 2),
        ("Election", 1),
        (None, 1),
    ]
    assert response.context["total"] == 4
    filtered = editor_client.get(reverse("review_queue"), {"story": bridge.pk})
    assert filtered.context["page"].paginator.count == 2
    assert {s.article.story for s in filtered.context["page"]} == {bridge}
    no_story = editor_client.get(reverse("review_queue"), {"story": "none"})
    assert no_story.context["page"].paginator.count == 1


def test_queue_shows_my_recent_reviews_and_not_others(client):
    me, other = make_fact_checker(), make_fact_checker()
    mine = make_statement(make_article(), "We are on schedule")
    theirs = make_statement(make_article(), "Critics said")
    mine.set_verdict(Verdict.FALSE, by=me)
    theirs.set_verdict(Verdict.VERIFIED, by=other)
    client.force_login(me)
    response = client.get(reverse("review_queue"))
    html = response.content.decode().split('id="my-reviews-heading"', 1)[1]
    assert f"#review-statement-{mine.pk}" in html
    assert f"#review-statement-{theirs.pk}" not in html
    assertContains(response, "✗ False")


# Query counts ---------------------------------------------------------------------------------

# session, user, the user's and their groups' permissions, the article, its statements
# (with sources, affiliations, relays, claims and reviewers), their evidence, their verdict
# history, their change log, the article's corrections.
REVIEW_PAGE_QUERIES = 10


@pytest.mark.parametrize("count", [2, 20])
def test_review_screen_queries_do_not_grow_with_statements(
    editor_client, django_assert_num_queries, count
):
    from tests.factories import make_article_with_statements

    article = make_article_with_statements(count)
    with django_assert_num_queries(REVIEW_PAGE_QUERIES):
        response = editor_client.get(page_url(article))
    assert response.status_code == 200
    assertNotContains(response, "Lost their place")


# session, user, permissions ×2, the page's count, its rows (with article, story, outlet and
# source), counts per story, counts per article, my recent reviews.
QUEUE_QUERIES = 9


@pytest.mark.parametrize("count", [2, 20])
def test_queue_queries_do_not_grow_with_statements(editor_client, django_assert_num_queries, count):
    for _ in range(2):
        article = make_article(
            body="\n\n".join(f"Claim {n} was made." for n in range(count)),
            story=make_story(),
        )
        for n in range(count):
            make_statement(article, f"Claim {n} was made.", source=make_source(), confidence=0.5)
    with django_assert_num_queries(QUEUE_QUERIES):
        response = editor_client.get(reverse("review_queue"))
    assert len(response.context["page"]) == 2 * count
