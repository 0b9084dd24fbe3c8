"""Likely same-claim pairs across articles are suggested to editors, never linked silently."""

import pytest
from django.core.management import call_command

from stories.claim_matching import suggest_claims
from stories.models import ClaimSuggestion, MatchStatus
from tests.factories import ROOT, make_article, make_source, make_statement, make_story

pytestmark = pytest.mark.django_db

KREMLIN_NBC = (
    "The Kremlin said Monday that Trump had invited Putin to the White House for a summit "
    "during the March phone call."
)
KREMLIN_OTHER = (
    "Donald Trump has invited Russian president Vladimir Putin to the White House, the "
    "Kremlin announced Monday."
)
UNRELATED = "The Kremlin said Monday that it would expel 60 American diplomats next week."


def test_statements_of_one_story_in_two_outlets_are_suggested_as_one_claim():
    story, kremlin = make_story("Summit talks"), make_source("Kremlin", kind="government")
    first = make_article(body=KREMLIN_NBC, story=story)
    second = make_article(body=KREMLIN_OTHER + "\n\n" + UNRELATED, story=story)
    mine = make_statement(first, KREMLIN_NBC, source=kremlin)
    same = make_statement(second, KREMLIN_OTHER, source=kremlin)
    make_statement(second, UNRELATED, source=kremlin)
    made = suggest_claims(first)
    assert [(s.statement, s.other) for s in made] == [(mine, same)]
    assert "both from Kremlin" in made[0].reason
    assert mine.claim is None  # suggested, not linked


def test_a_rejected_pair_is_not_suggested_again():
    story, kremlin = make_story("Summit talks"), make_source("Kremlin", kind="government")
    first = make_article(body=KREMLIN_NBC, story=story)
    second = make_article(body=KREMLIN_OTHER, story=story)
    make_statement(first, KREMLIN_NBC, source=kremlin)
    make_statement(second, KREMLIN_OTHER, source=kremlin)
    made = suggest_claims(first)
    assert len(made) == 1
    for suggestion in made:
        suggestion.reject(by=None)
    assert suggest_claims(first) == []
    assert suggest_claims(second) == []  # the same pair, seen from the other side
    assert ClaimSuggestion.objects.filter(status=MatchStatus.REJECTED).count() == 1


def test_articles_of_unrelated_stories_are_not_compared():
    kremlin = make_source("Kremlin", kind="government")
    first = make_article(body=KREMLIN_NBC, story=make_story("One"))
    second = make_article(body=KREMLIN_OTHER, story=make_story("Two"))
    make_statement(first, KREMLIN_NBC, source=kremlin)
    make_statement(second, KREMLIN_OTHER, source=kremlin)
    assert suggest_claims(first) == []


def test_the_samples_kremlin_invitation_is_suggested_across_both_outlets(capsys):
    call_command("load_articles", str(ROOT / "samples"), verbosity=0)
    call_command("suggest_claims")
    pairs = [
        (s.statement.quote, s.other.quote)
        for s in ClaimSuggestion.objects.select_related("statement", "other")
    ]
    assert any(
        "invited Putin to the White House" in a
        and "invited Russian president" in b
        or "invited Putin to the White House" in b
        and "invited Russian president" in a
        for a, b in pairs
    ), pairs
