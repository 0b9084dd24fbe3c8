"""Claims in the admin: one verdict for what several articles assert, their relations, and
the suggestions loading leaves for an editor to confirm or reject."""

import pytest
from django.contrib.admin import helpers
from pytest_django.asserts import assertContains, assertNotContains

from stories.forms import encode_seen
from stories.models import (
    Claim,
    ClaimRelation,
    MatchStatus,
    RelationKind,
    SourceKind,
    Statement,
    Verdict,
    VerdictChange,
)
from tests.factories import (
    admin_url,
    make_article,
    make_claim,
    make_claim_suggestion,
    make_source,
    make_statement,
    make_story,
    statement_post_data,
)

pytestmark = pytest.mark.django_db

INVITED = "Trump invited Putin to the White House"


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def checker_client(client, fact_checker):
    client.force_login(fact_checker)
    return client


def said_in(outlet_name, words=INVITED, **fields):
    """A statement of `words` in an article of the outlet named."""
    outlet = make_source(outlet_name, kind=SourceKind.OUTLET)
    article = make_article(
        f"{outlet_name} on the summit", body=f"The Kremlin said that {words}.", outlet=outlet
    )
    return make_statement(article, words, **fields)


@pytest.fixture
def claim():
    story = make_story("The Alaska summit")
    statements = [said_in("Reuters"), said_in("TASS"), said_in("CNN")]
    return make_claim(INVITED, statements, story=story)


def claim_post_data(claim, **changes):
    data = {
        "version": claim.version,
        "seen": encode_seen(claim),
        "text": claim.text,
        "story": claim.story_id or "",
        "verdict": claim.verdict,
        "note": claim.note,
        "relations-TOTAL_FORMS": 0,
        "relations-INITIAL_FORMS": 0,
        "relations-MIN_NUM_FORMS": 0,
        "relations-MAX_NUM_FORMS": 1000,
    }
    data.update(changes)
    return data


def action(client, model, name, rows):
    return client.post(
        admin_url(model, "changelist"),
        {"action": name, helpers.ACTION_CHECKBOX_NAME: [row.pk for row in rows]},
        follow=True,
    )


# The list of claims ----------------------------------------------------------------------------


def test_claim_list_shows_verdict_in_words_story_and_counts(editor_client, claim):
    claim.set_verdict(Verdict.DISPUTED, by=None)
    make_claim_suggestion(claim.statements.first(), said_in("BBC"), reason="Same words")
    response = editor_client.get(admin_url("claim", "changelist"))
    assertContains(response, INVITED)
    assertContains(response, '<span class="verdict verdict-disputed"')
    assertContains(response, "⇄ Disputed")
    assertContains(response, "The Alaska summit")
    assertContains(response, '<td class="field-statement_count">3</td>', html=True)
    assertContains(response, "?status__exact=open")


def test_claims_filter_by_verdict_and_story_and_are_searched(editor_client, claim):
    other = make_claim("Ukraine was not discussed")
    other.set_verdict(Verdict.FALSE, by=None)
    response = editor_client.get(admin_url("claim", "changelist"), {"verdict__exact": "false"})
    assertContains(response, "Ukraine was not discussed")
    assertNotContains(response, INVITED)
    response = editor_client.get(
        admin_url("claim", "changelist"), {"story__id__exact": claim.story_id}
    )
    assertContains(response, INVITED)
    assertNotContains(response, "Ukraine was not discussed")
    response = editor_client.get(admin_url("claim", "changelist"), {"q": "white house"})
    assertContains(response, "1 claim")


# Queries for an editor's claim list: session, user, the user's permissions and those of the
# user's groups, the story filter's choices, the filtered count, the full count, the claims
# with their stories and subquery counts of statements and open suggestions.
CLAIM_LIST_QUERIES = 8


@pytest.mark.parametrize("n", [2, 8])
def test_claim_list_queries_do_not_grow(editor_client, django_assert_num_queries, n):
    story = make_story()
    for i in range(n):
        first, second = said_in(f"Outlet {i}"), said_in(f"Other {i}")
        make_claim(f"Claim {i}", [first], story=story)
        make_claim_suggestion(first, second)
    with django_assert_num_queries(CLAIM_LIST_QUERIES):
        response = editor_client.get(admin_url("claim", "changelist"))
    assertContains(response, f"{n} claims")


# A claim's page --------------------------------------------------------------------------------


def test_claim_page_lists_its_statements_with_outlet_own_verdict_and_reason(editor_client, claim):
    claim.set_verdict(Verdict.FALSE, by=None)
    differing = claim.statements.get(article__outlet__name="TASS")
    differing.claim_difference = "TASS quotes the invitation itself."
    differing.set_verdict(Verdict.VERIFIED, by=None)
    unexplained = claim.statements.get(article__outlet__name="CNN")
    Statement.objects.filter(pk=unexplained.pk).update(verdict=Verdict.DISPUTED)

    response = editor_client.get(admin_url("claim", "change", claim.pk))

    assertContains(response, "Statements making this claim")
    for outlet in ["Reuters", "TASS", "CNN"]:
        assertContains(response, f"<td>{outlet}</td>", html=True)
    assertContains(response, "TASS quotes the invitation itself.")
    assertContains(response, "Differs, with no reason given")
    assertContains(response, '<span class="verdict verdict-verified"')
    assertContains(response, admin_url("statement", "change", differing.pk))


def test_a_verdict_set_on_the_claim_applies_to_its_statements_but_explained_ones(
    checker_client, fact_checker, claim
):
    explained = claim.statements.get(article__outlet__name="TASS")
    explained.claim_difference = "Quoted as a question."
    explained.save()

    response = checker_client.post(
        admin_url("claim", "change", claim.pk),
        claim_post_data(claim, verdict=Verdict.FALSE, note="No invitation was made."),
        follow=True,
    )

    assertContains(response, "The claim is now ✗ False: 2 statements changed with it.")
    assertContains(response, "1 statement keeps its own verdict")
    verdicts = dict(claim.statements.values_list("article__outlet__name", "verdict"))
    assert verdicts == {"Reuters": "false", "CNN": "false", "TASS": "unchecked"}
    assert claim.statements.get(article__outlet__name="CNN").note == "No invitation was made."
    assert set(VerdictChange.objects.values_list("user", flat=True)) == {fact_checker.pk}
    claim.refresh_from_db()
    assert (claim.verdict, claim.reviewed_by) == (Verdict.FALSE, fact_checker)


def test_saving_a_claim_without_a_verdict_change_leaves_its_statements(checker_client, claim):
    response = checker_client.post(
        admin_url("claim", "change", claim.pk), claim_post_data(claim, text="Trump invited Putin")
    )
    assert response.status_code == 302
    assert not VerdictChange.objects.exists()
    assert Claim.objects.get(pk=claim.pk).text == "Trump invited Putin"


def test_a_stale_claim_save_is_refused(checker_client, claim):
    loaded = claim_post_data(claim, verdict=Verdict.FALSE)
    claim.note = "Their note."
    claim.save()
    response = checker_client.post(admin_url("claim", "change", claim.pk), loaded)
    assertContains(response, "Note: you saw “(empty)”, it is now “Their note.”")
    assert set(claim.statements.values_list("verdict", flat=True)) == {Verdict.UNCHECKED}


def test_claims_are_related_to_other_claims_by_autocomplete(checker_client, fact_checker, claim):
    denial = make_claim("Peskov: the report is not correct")
    response = checker_client.get(admin_url("claim", "change", claim.pk))
    assertContains(response, 'data-field-name="other"')
    data = claim_post_data(
        claim,
        **{
            "relations-TOTAL_FORMS": 1,
            "relations-0-kind": RelationKind.CONTRADICTS,
            "relations-0-other": denial.pk,
            "relations-0-note": "",
        },
    )
    response = checker_client.post(admin_url("claim", "change", claim.pk), data)
    assert response.status_code == 302
    relation = ClaimRelation.objects.get()
    assert (relation.claim, relation.kind, relation.other, relation.created_by) == (
        claim,
        RelationKind.CONTRADICTS,
        denial,
        fact_checker,
    )
    response = checker_client.get(admin_url("claim", "change", denial.pk))
    assertContains(response, f"“{INVITED}”</a> contradicts this claim")


# The statement's claim -------------------------------------------------------------------------


def test_statement_page_chooses_its_claim_by_autocomplete(editor_client, claim):
    statement = claim.statements.first()
    response = editor_client.get(admin_url("statement", "change", statement.pk))
    assertContains(response, 'data-field-name="claim"')
    assertContains(response, 'name="claim_difference"')
    response = editor_client.get(
        "/admin/autocomplete/",
        {"app_label": "stories", "model_name": "statement", "field_name": "claim", "term": "putin"},
    )
    assert response.json()["results"] == [{"id": str(claim.pk), "text": INVITED}]


def test_a_statement_differing_from_its_claim_must_say_why(checker_client, claim):
    claim.set_verdict(Verdict.FALSE, by=None)
    statement = Statement.objects.get(pk=claim.statements.first().pk)
    response = checker_client.post(
        admin_url("statement", "change", statement.pk),
        statement_post_data(statement, verdict=Verdict.VERIFIED),
    )
    assertContains(response, "This verdict differs from the claim&#x27;s (False): say why.")
    assert Statement.objects.get(pk=statement.pk).verdict == Verdict.FALSE

    response = checker_client.post(
        admin_url("statement", "change", statement.pk),
        statement_post_data(
            statement, verdict=Verdict.VERIFIED, claim_difference="This outlet quotes the denial."
        ),
    )
    assert response.status_code == 302
    assert Statement.objects.get(pk=statement.pk).verdict == Verdict.VERIFIED


def test_a_verdict_action_skips_statements_whose_claim_has_another_verdict(checker_client, claim):
    claim.set_verdict(Verdict.FALSE, by=None)
    loose = said_in("BBC", "Putin accepted")
    response = action(
        checker_client, "statement", "mark_verified", [*claim.statements.all(), loose]
    )
    assertContains(response, "Marked 1 statement as Verified.")
    assertContains(response, "Not marked: 3 statements belong to a claim with another verdict")
    assert set(claim.statements.values_list("verdict", flat=True)) == {Verdict.FALSE}


# Suggestions -----------------------------------------------------------------------------------


@pytest.fixture
def suggestion():
    return make_claim_suggestion(
        said_in("Reuters"), said_in("TASS"), score=0.91, reason="Same words, same speaker"
    )


def test_suggestion_list_shows_both_statements_outlets_score_reason_and_status(
    editor_client, suggestion
):
    response = editor_client.get(admin_url("claimsuggestion", "changelist"))
    assertContains(response, f"“{INVITED}”", count=2)
    assertContains(response, "Reuters · TASS")
    assertContains(response, '<td class="field-score_display">91%</td>', html=True)
    assertContains(response, "Same words, same speaker")
    assertContains(response, "Waiting for an editor")
    assertContains(response, '<option value="confirm_suggested">Confirm: same claim</option>')
    assertContains(response, '<option value="reject_suggested">Reject: different claims</option>')
    response = editor_client.get(
        admin_url("claimsuggestion", "changelist"), {"status__exact": "rejected"}
    )
    assertContains(response, "0 claim suggestions")


def test_confirming_a_suggestion_makes_both_statements_one_claim(
    checker_client, fact_checker, suggestion
):
    response = action(checker_client, "claimsuggestion", "confirm_suggested", [suggestion])
    assertContains(
        response, f"Confirmed 1 suggestion: the statements now make the claim “{INVITED}”"
    )
    suggestion.refresh_from_db()
    assert (suggestion.status, suggestion.decided_by) == (MatchStatus.CONFIRMED, fact_checker)
    first, second = (
        Statement.objects.get(pk=pk) for pk in [suggestion.statement_id, suggestion.other_id]
    )
    assert first.claim == second.claim is not None


def test_confirming_statements_of_two_claims_is_refused_and_says_why(checker_client, suggestion):
    make_claim("One claim", [suggestion.statement])
    make_claim("Another claim", [suggestion.other])
    response = action(checker_client, "claimsuggestion", "confirm_suggested", [suggestion])
    assertContains(response, "Not confirmed: “Trump invited Putin to the White House”: These ")
    assertContains(response, "already belong to two different claims; relate the claims instead.")
    suggestion.refresh_from_db()
    assert suggestion.status == MatchStatus.OPEN


def test_confirming_into_a_claim_with_another_verdict_asks_for_a_reason(checker_client, suggestion):
    claim = make_claim(INVITED, [suggestion.statement])
    claim.set_verdict(Verdict.FALSE, by=None)
    Statement.objects.filter(pk=suggestion.other_id).update(verdict=Verdict.VERIFIED)
    response = action(checker_client, "claimsuggestion", "confirm_suggested", [suggestion])
    assertContains(response, "1 statement has a verdict other than the claim&#x27;s")


def test_rejecting_a_suggestion_keeps_it_decided(checker_client, fact_checker, suggestion):
    response = action(checker_client, "claimsuggestion", "reject_suggested", [suggestion])
    assertContains(response, "Rejected 1 suggestion: it will not be suggested again.")
    suggestion.refresh_from_db()
    assert (suggestion.status, suggestion.decided_by) == (MatchStatus.REJECTED, fact_checker)
    response = action(checker_client, "claimsuggestion", "confirm_suggested", [suggestion])
    assertContains(response, "These suggestions are already decided.")


def test_suggestion_page_compares_the_two_and_offers_the_decision(editor_client, suggestion):
    response = editor_client.get(admin_url("claimsuggestion", "change", suggestion.pk))
    assertContains(response, "The two statements")
    assertContains(response, "Reuters on the summit")
    assertContains(response, 'value="confirm_suggested">Confirm: same claim</button>')
    assertContains(response, 'value="reject_suggested">Reject: different claims</button>')
    assertNotContains(response, 'name="_save"')
    assert editor_client.get(admin_url("claimsuggestion", "add")).status_code == 403


# Queries for an editor's suggestion list: session, user, the user's permissions and those of
# the user's groups, the filtered count, the full count, the suggestions with both statements,
# their articles and outlets.
CLAIM_SUGGESTION_LIST_QUERIES = 7


@pytest.mark.parametrize("n", [2, 8])
def test_suggestion_list_queries_do_not_grow(editor_client, django_assert_num_queries, n):
    for i in range(n):
        make_claim_suggestion(said_in(f"Outlet {i}"), said_in(f"Other {i}"))
    with django_assert_num_queries(CLAIM_SUGGESTION_LIST_QUERIES):
        response = editor_client.get(admin_url("claimsuggestion", "changelist"))
    assertContains(response, f"{n} claim suggestions")
