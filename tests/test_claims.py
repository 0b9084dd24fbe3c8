"""Claims across articles, relations between them, and corrections of an outlet's text."""

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from stories.models import (
    Claim,
    ClaimRelation,
    ClaimSuggestion,
    Correction,
    MatchStatus,
    RelationKind,
    Verdict,
)
from tests.factories import make_article, make_editor, make_statement, make_user

pytestmark = pytest.mark.django_db

NBC = "The Kremlin said Monday that Trump had invited Putin to the White House."
OTHER = "Donald Trump has invited Vladimir Putin to the White House, the Kremlin announced."


def two_statements():
    first = make_statement(make_article(body=NBC), NBC)
    second = make_statement(make_article(body=OTHER), OTHER)
    return first, second


def test_confirming_a_suggestion_puts_both_statements_in_one_new_claim():
    editor = make_editor()
    first, second = two_statements()
    suggestion = ClaimSuggestion.objects.create(statement=first, other=second, score=0.8)
    claim = suggestion.confirm(by=editor)
    assert set(claim.statements.all()) == {first, second}
    suggestion.refresh_from_db()
    assert (suggestion.status, suggestion.decided_by) == (MatchStatus.CONFIRMED, editor)


def test_a_rejected_suggestion_links_nothing():
    first, second = two_statements()
    suggestion = ClaimSuggestion.objects.create(statement=first, other=second, score=0.6)
    suggestion.reject(by=None)
    first.refresh_from_db()
    assert first.claim is None
    assert ClaimSuggestion.objects.open().count() == 0


def test_a_claim_verdict_applies_to_its_statements_except_an_explained_difference():
    editor = make_editor()
    first, second = two_statements()
    claim = Claim.objects.create(text="Trump invited Putin to the White House")
    first.claim = second.claim = claim
    first.save()
    second.claim_difference = "This outlet reports it as unverified."
    second.save()
    claim.set_verdict(Verdict.DISPUTED, by=editor, note="The Kremlin's aides disagree.")
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.verdict, first.note, first.reviewed_by) == (
        Verdict.DISPUTED,
        "The Kremlin's aides disagree.",
        editor,
    )
    assert second.verdict == Verdict.UNCHECKED
    assert first.history.get().user == editor


def test_a_statement_may_differ_from_its_claim_only_with_a_reason():
    first, _ = two_statements()
    claim = Claim.objects.create(text="Trump invited Putin", verdict=Verdict.DISPUTED)
    first.claim, first.verdict = claim, Verdict.VERIFIED
    with pytest.raises(ValidationError, match="say why"):
        first.full_clean()
    first.claim_difference = "Confirmed later by the White House."
    first.full_clean()


def test_claims_can_contradict_each_other_but_not_themselves():
    ushakov = Claim.objects.create(text="Trump invited Putin to the White House")
    peskov = Claim.objects.create(text="Reports of an invitation are not correct")
    relation = ClaimRelation.objects.create(
        claim=peskov, kind=RelationKind.CONTRADICTS, other=ushakov
    )
    assert list(peskov.relations.values_list("kind", "other")) == [("contradicts", ushakov.pk)]
    assert str(relation).split(" contradicts ") == [peskov.text, ushakov.text]
    with pytest.raises(IntegrityError), transaction.atomic():
        ClaimRelation.objects.create(claim=peskov, kind=RelationKind.SUPPORTS, other=peskov)


def test_a_correction_is_kept_on_its_span_apart_from_verdicts():
    body = "The pair were found dead in England on March 4."
    article = make_article(body=body)
    correction = Correction(article=article, text="Sergei and Yulia Skripal survived.")
    start = body.index("found dead")
    correction.set_span(start, start + len("found dead"))
    correction.full_clean()
    correction.save()
    assert list(article.corrections.for_article_page()) == [correction]
    assert not article.statements.exists()


@pytest.mark.parametrize(
    ("group", "allowed", "refused"),
    [
        (
            "Editors",
            ["stories.set_verdict", "stories.change_article", "stories.add_claim"],
            [],
        ),
        (
            "Fact-checkers",
            ["stories.set_verdict", "stories.add_claim", "stories.add_correction"],
            ["stories.change_article", "stories.add_statement"],
        ),
        (
            "Contributors",
            ["stories.change_article", "stories.add_statement", "stories.change_statement"],
            ["stories.set_verdict", "stories.add_evidence", "stories.add_claim"],
        ),
    ],
)
def test_each_role_has_its_permissions_and_no_more(group, allowed, refused):
    user = make_user(is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    assert all(user.has_perm(p) for p in allowed)
    assert not any(user.has_perm(p) for p in refused)


def test_a_claim_verdict_keeps_each_statements_own_note_unless_a_note_is_given():
    editor = make_editor()
    first, _ = two_statements()
    first.set_verdict(Verdict.FALSE, by=editor, note="Budget documents show otherwise.")
    claim = Claim.objects.create(text="Trump invited Putin")
    first.claim = claim
    first.save()
    claim.set_verdict(Verdict.MISLEADING, by=editor)
    first.refresh_from_db()
    assert (first.verdict, first.note) == (Verdict.MISLEADING, "Budget documents show otherwise.")


def test_reverting_a_claim_verdict_reaches_its_statements():
    from stories.models import Change

    editor = make_editor()
    first, second = two_statements()
    claim = Claim.objects.create(text="Trump invited Putin")
    for statement in (first, second):
        statement.claim = claim
        statement.save()
    claim.set_verdict(Verdict.FALSE, by=editor)
    Change.objects.filter(object_id=claim.pk, changes__has_key="verdict").latest().revert(by=editor)
    first.refresh_from_db()
    assert first.verdict == Verdict.UNCHECKED


def test_a_claim_confirmed_from_a_draft_is_named_after_the_published_statement():
    from stories.models import ArticleStatus

    draft = make_article(body="Secret plans were funded by X.", status=ArticleStatus.DRAFT)
    secret = make_statement(draft, "Secret plans were funded by X.")
    public = make_statement(make_article(body=OTHER), OTHER)
    claim = ClaimSuggestion.objects.create(statement=secret, other=public, score=0.9).confirm(
        by=None
    )
    assert "Secret" not in claim.text
