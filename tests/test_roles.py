"""The three groups in the admin, each boundary proved through the admin's own pages.

Editors do everything. Fact-checkers set verdicts, notes and evidence, decide claims and
record corrections, but never change an article's text nor a statement's span, source or
kind. Contributors load and edit articles and statements and add sources on the spot, but
set no verdict, edit no evidence and decide no claim.
"""

import pytest
from django.contrib.admin import helpers
from pytest_django.asserts import assertContains, assertNotContains

from stories.audit import acting_as
from stories.forms import encode_seen
from stories.models import (
    Article,
    Change,
    Claim,
    Correction,
    Evidence,
    MatchStatus,
    Source,
    Statement,
    StatementKind,
    Verdict,
    VerdictChange,
)
from tests.factories import (
    NO_CORRECTIONS,
    admin_url,
    article_post_data,
    make_article,
    make_claim,
    make_claim_suggestion,
    make_contributor,
    make_correction,
    make_editor,
    make_evidence,
    make_fact_checker,
    make_source,
    make_statement,
    statement_post_data,
)

pytestmark = pytest.mark.django_db

MAKERS = {"editor": make_editor, "fact-checker": make_fact_checker, "contributor": make_contributor}


@pytest.fixture
def world():
    article = make_article("Bridge to open in May")
    statement = make_statement(
        article, "Critics said the project was over budget.", source=make_source("Jane Critic")
    )
    other = make_statement(make_article("Bridge delayed"), "the bridge would open in May")
    return {
        "article": article,
        "statement": statement,
        "evidence": make_evidence(statement, title="Budget report"),
        "claim": make_claim("The bridge is over budget", [statement]),
        "claimsuggestion": make_claim_suggestion(statement, other),
        "correction": make_correction(article, "the bridge would open in May"),
        "source": statement.source,
    }


def login(client, role):
    user = MAKERS[role]()
    client.force_login(user)
    return user


# What each group can open ----------------------------------------------------------------------

# (page, editor, fact-checker, contributor): the HTTP status each gets.
PAGES = [
    ("article changelist", 200, 200, 200),
    ("article add", 200, 403, 200),
    ("article change", 200, 200, 200),
    ("article history", 200, 200, 200),
    ("statement changelist", 200, 200, 200),
    ("statement add", 200, 403, 200),
    ("statement change", 200, 200, 200),
    ("statement history", 200, 200, 200),
    ("evidence add", 200, 200, 403),
    ("evidence change", 200, 200, 200),
    ("claim changelist", 200, 200, 200),
    ("claim add", 200, 200, 403),
    ("claim change", 200, 200, 200),
    ("claimsuggestion changelist", 200, 200, 200),
    ("claimsuggestion change", 200, 200, 200),
    ("correction changelist", 200, 200, 200),
    ("correction add", 200, 200, 403),
    ("correction change", 200, 200, 200),
    ("change changelist", 200, 200, 200),
    ("source add", 200, 403, 200),
]


@pytest.mark.parametrize("role", ["editor", "fact-checker", "contributor"])
def test_each_group_opens_exactly_its_pages(client, world, role):
    login(client, role)
    column = ["editor", "fact-checker", "contributor"].index(role)
    for page, *statuses in PAGES:
        model, view = page.split()
        args = [world[model].pk] if view in ("change", "history") else []
        response = client.get(admin_url(model, view, *args))
        assert response.status_code == statuses[column], (page, response.status_code)


@pytest.mark.parametrize(
    ("role", "actions", "absent"),
    [
        ("editor", ["mark_false", "mark_verified"], []),
        ("fact-checker", ["mark_false", "mark_verified"], []),
        ("contributor", [], ["mark_false", "Mark selected as"]),
    ],
)
def test_who_sees_the_verdict_actions(client, world, role, actions, absent):
    login(client, role)
    response = client.get(admin_url("statement", "changelist"))
    for action in actions:
        assertContains(response, f'<option value="{action}">')
    for text in absent:
        assertNotContains(response, text)


@pytest.mark.parametrize("role", ["editor", "fact-checker"])
def test_editors_and_fact_checkers_see_the_claim_decisions(client, world, role):
    login(client, role)
    response = client.get(admin_url("claimsuggestion", "changelist"))
    assertContains(response, '<option value="confirm_suggested">')
    assertContains(response, '<option value="reject_suggested">')


# Fact-checkers ---------------------------------------------------------------------------------


def test_fact_checker_sees_the_article_read_only_and_cannot_post_its_text(client, world):
    login(client, "fact-checker")
    article = world["article"]
    response = client.get(admin_url("article", "change", article.pk))
    assertNotContains(response, 'name="body"')
    assertNotContains(response, 'name="version"')
    assertContains(response, f"{admin_url('correction', 'add')}?article={article.pk}")
    data = article_post_data(article, body="Rewritten.", headline="Rewritten")
    assert client.post(admin_url("article", "change", article.pk), data).status_code == 403
    article.refresh_from_db()
    assert (article.headline, article.body.startswith("The minister")) == (
        "Bridge to open in May",
        True,
    )


def test_fact_checker_changes_a_verdict_claim_and_note_but_not_the_span(client, world):
    checker = login(client, "fact-checker")
    statement = world["statement"]
    other_claim = make_claim("Another claim")
    response = client.post(
        admin_url("statement", "change", statement.pk),
        statement_post_data(
            statement,
            start=0,
            end=12,
            source=make_source("Somebody Else").pk,
            kind=StatementKind.DIRECT,
            attribution="told us",
            verdict=Verdict.FALSE,
            note="It was on budget.",
            claim=other_claim.pk,
        ),
    )
    assert response.status_code == 302
    after = Statement.objects.get(pk=statement.pk)
    assert (after.verdict, after.note, after.claim, after.reviewed_by) == (
        Verdict.FALSE,
        "It was on budget.",
        other_claim,
        checker,
    )
    assert (after.start, after.end, after.source, after.kind, after.attribution) == (
        statement.start,
        statement.end,
        statement.source,
        statement.kind,
        "",
    )


def test_fact_checker_adds_evidence_on_the_statement_page(client, world):
    login(client, "fact-checker")
    statement = world["statement"]
    data = statement_post_data(
        statement,
        **{
            "evidence-TOTAL_FORMS": 1,
            "evidence-0-title": "Audit office report",
            "evidence-0-url": "audit.example.org/report",
            "evidence-0-note": "",
        },
    )
    assert client.post(admin_url("statement", "change", statement.pk), data).status_code == 302
    assert statement.evidence.filter(
        title="Audit office report", url="https://audit.example.org/report"
    ).exists()


def test_fact_checker_decides_a_claim_suggestion(client, world):
    login(client, "fact-checker")
    suggestion = world["claimsuggestion"]
    client.post(
        admin_url("claimsuggestion", "changelist"),
        {"action": "confirm_suggested", helpers.ACTION_CHECKBOX_NAME: [suggestion.pk]},
    )
    suggestion.refresh_from_db()
    assert suggestion.status == MatchStatus.CONFIRMED


# Contributors ----------------------------------------------------------------------------------


def test_contributor_loads_an_article_with_a_statement_and_no_verdict(client):
    contributor = login(client, "contributor")
    outlet = make_source("Example Agency")
    data = {
        "headline": "A new article",
        "slug": "a-new-article",
        "outlet": outlet.pk,
        "status": "draft",
        "published_at_0": "",
        "published_at_1": "",
        "tags": "",
        "body": "First paragraph.\r\n\r\nSecond paragraph.",
        "statements-TOTAL_FORMS": 1,
        "statements-INITIAL_FORMS": 0,
        "statements-MIN_NUM_FORMS": 0,
        "statements-MAX_NUM_FORMS": 1000,
        "statements-0-start": 18,
        "statements-0-end": 35,
        "statements-0-kind": StatementKind.ASSERTION,
        "statements-0-verdict": Verdict.VERIFIED,  # not on the contributor's form: ignored
        **NO_CORRECTIONS,
    }
    response = client.post(admin_url("article", "add"), data)
    assert response.status_code == 302
    statement = Article.objects.get(slug="a-new-article").statements.get()
    assert (statement.quote, statement.verdict) == ("Second paragraph.", Verdict.UNCHECKED)
    assert Change.objects.filter(user=contributor, action="create").count() == 2


def test_contributor_edits_the_text_and_the_span_but_never_the_verdict(client, world):
    login(client, "contributor")
    statement = world["statement"]
    response = client.get(admin_url("statement", "change", statement.pk))
    for field in ["start", "end", "source", "via", "attribution", "kind"]:
        assertContains(response, f'name="{field}"')
    for field in ["verdict", "note", "claim", "claim_difference"]:
        assertNotContains(response, f'name="{field}"')
    assertContains(response, 'id="add_id_source"')  # a new source, made on the spot

    response = client.post(
        admin_url("statement", "change", statement.pk),
        statement_post_data(
            statement,
            attribution="said in a statement",
            verdict=Verdict.FALSE,
            note="No.",
            claim="",
            claim_difference="Because.",
        ),
    )
    assert response.status_code == 302
    after = Statement.objects.get(pk=statement.pk)
    assert after.attribution == "said in a statement"
    assert (after.verdict, after.note, after.claim, after.claim_difference) == (
        Verdict.UNCHECKED,
        "",
        world["claim"],
        "",
    )
    assert not VerdictChange.objects.exists()

    article = world["article"]
    response = client.post(
        admin_url("article", "change", article.pk),
        article_post_data(article, body="UPDATED: " + article.body),
    )
    assert response.status_code == 302
    assert Article.objects.get(pk=article.pk).body.startswith("UPDATED: ")


def test_contributor_adds_a_source_on_the_spot(client):
    login(client, "contributor")
    response = client.post(
        admin_url("source", "add") + "?_to_field=id&_popup=1",
        {"name": "Jane Minister", "slug": "jane-minister", "kind": "person", "_popup": "1"},
    )
    assert response.status_code == 200
    assert Source.objects.filter(name="Jane Minister").exists()


def test_contributor_cannot_mark_verdicts_by_action(client, world):
    login(client, "contributor")
    statement = world["statement"]
    client.post(
        admin_url("statement", "changelist"),
        {"action": "mark_false", helpers.ACTION_CHECKBOX_NAME: [statement.pk]},
    )
    assert Statement.objects.get(pk=statement.pk).verdict == Verdict.UNCHECKED


def test_contributor_sees_evidence_but_cannot_add_or_change_it(client, world):
    login(client, "contributor")
    statement, evidence = world["statement"], world["evidence"]
    response = client.get(admin_url("statement", "change", statement.pk))
    assertContains(response, "Budget report")
    assertNotContains(response, 'name="evidence-0-title"')
    data = statement_post_data(
        statement,
        **{
            "evidence-TOTAL_FORMS": 2,
            "evidence-INITIAL_FORMS": 1,
            "evidence-0-id": evidence.pk,
            "evidence-0-statement": statement.pk,
            "evidence-0-title": "Rewritten",
            "evidence-0-url": evidence.url,
            "evidence-1-title": "Added",
            "evidence-1-url": "https://example.org/added",
        },
    )
    client.post(admin_url("statement", "change", statement.pk), data)
    assert list(Evidence.objects.values_list("title", flat=True)) == ["Budget report"]
    response = client.post(
        admin_url("evidence", "change", evidence.pk),
        {"statement": statement.pk, "title": "Rewritten", "url": evidence.url, "note": ""},
    )
    assert response.status_code == 403


def test_contributor_sees_claims_but_decides_nothing(client, world):
    login(client, "contributor")
    claim = world["claim"]
    response = client.get(admin_url("claim", "change", claim.pk))
    assertNotContains(response, 'name="verdict"')
    assertContains(response, "Statements making this claim")
    data = {
        "version": claim.version,
        "seen": encode_seen(claim),
        "text": claim.text,
        "story": "",
        "verdict": Verdict.FALSE,
        "note": "",
        "relations-TOTAL_FORMS": 0,
        "relations-INITIAL_FORMS": 0,
        "relations-MIN_NUM_FORMS": 0,
        "relations-MAX_NUM_FORMS": 1000,
    }
    assert client.post(admin_url("claim", "change", claim.pk), data).status_code == 403
    assert Claim.objects.get(pk=claim.pk).verdict == Verdict.UNCHECKED
    suggestion = world["claimsuggestion"]
    client.post(
        admin_url("claimsuggestion", "changelist"),
        {"action": "confirm_suggested", helpers.ACTION_CHECKBOX_NAME: [suggestion.pk]},
    )
    suggestion.refresh_from_db()
    assert suggestion.status == MatchStatus.OPEN


def test_contributor_sees_corrections_but_records_none(client, world):
    login(client, "contributor")
    article = world["article"]
    response = client.get(admin_url("article", "change", article.pk))
    assertContains(response, "Corrections of the outlet&#x27;s own text")
    assertNotContains(response, 'name="corrections-0-text"')
    assertNotContains(response, f"{admin_url('correction', 'add')}?article=")
    start = article.body.index("over budget")
    data = article_post_data(
        article,
        **{
            "corrections-TOTAL_FORMS": 2,
            "corrections-INITIAL_FORMS": 1,
            "corrections-0-id": world["correction"].pk,
            "corrections-0-article": article.pk,
            "corrections-1-start": start,
            "corrections-1-end": start + 11,
            "corrections-1-text": "Sneaked in.",
        },
    )
    client.post(admin_url("article", "change", article.pk), data)
    assert Correction.objects.count() == 1


# Reverting -------------------------------------------------------------------------------------


@pytest.fixture
def span_and_verdict_changes(world):
    """A span change and a verdict change of one statement, and a change of the body."""
    editor = make_editor("ed")
    statement = world["statement"]
    with acting_as(editor):
        statement.attribution = "told reporters"
        statement.save()
        span = Change.objects.latest()
        statement.set_verdict(Verdict.FALSE, by=editor)
        verdict = Change.objects.latest()
        article = world["article"]
        article.dek = "A standfirst."
        article.save()
        text = Change.objects.latest()
    return {"span": span, "verdict": verdict, "text": text}


@pytest.mark.parametrize(
    ("role", "may_revert", "may_not_revert", "reason"),
    [
        ("editor", ["verdict", "span", "text"], [], ""),
        (
            "fact-checker",
            ["verdict"],
            ["span", "text"],
            "Only those who edit articles may revert a statement",
        ),
        (
            "contributor",
            ["span", "text"],
            ["verdict"],
            "Only those who set verdicts may revert a verdict or its note.",
        ),
    ],
)
def test_who_may_revert_what(
    client, world, span_and_verdict_changes, role, may_revert, may_not_revert, reason
):
    login(client, role)
    history = client.get(admin_url("article", "history", world["article"].pk))
    for name in may_revert:
        assertContains(history, admin_url("change", "revert", span_and_verdict_changes[name].pk))
    for name in may_not_revert:
        assertNotContains(history, admin_url("change", "revert", span_and_verdict_changes[name].pk))
        response = client.post(admin_url("change", "revert", span_and_verdict_changes[name].pk))
        assert response.status_code == 403
    if reason:
        assertContains(history, reason)
    # What each may revert, they can: the latest first, so none is overtaken.
    for name in ["text", "verdict", "span"]:
        if name in may_revert:
            response = client.post(
                admin_url("change", "revert", span_and_verdict_changes[name].pk), follow=True
            )
            assertNotContains(response, "Not reverted")
    statement = Statement.objects.get(pk=world["statement"].pk)
    assert (statement.verdict == Verdict.UNCHECKED) == ("verdict" in may_revert)
    assert (statement.attribution == "") == ("span" in may_revert)
