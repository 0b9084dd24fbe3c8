"""The reader's path in a real browser: home → story → article → a statement's note → its
source, by mouse and by keyboard, on a phone, in dark mode and in print."""

import datetime as dt
import os
from pathlib import Path

import pytest
from django.utils import timezone

from stories.models import Verdict
from tests.factories import (
    make_article,
    make_claim,
    make_correction,
    make_outlet,
    make_relation,
    make_source,
    make_statement,
    make_story,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

BODY = (
    "The Kremlin said on Monday that the president had been invited to Washington.\n\n"
    "A presidential aide told state news agencies that the invitation came during a call.\n\n"
    "The spokesman later said reports of an invitation were not correct."
)


@pytest.fixture
def story():
    """A story told by two outlets, with a claim, a contradiction and a correction."""
    story = make_story("A possible summit", summary="Whether a summit was offered.")
    kremlin = make_source("Kremlin", kind="government")
    aide = make_source("Anna Aide", role="Presidential aide", affiliation=kremlin)
    wire = make_outlet("Wire Service")
    daily = make_article(
        "Summit invitation reported",
        story=story,
        outlet=make_outlet("Daily Planet"),
        body=BODY,
        published_at=timezone.now() - dt.timedelta(days=2),
    )
    evening = make_article(
        "Kremlin claims invitation",
        story=story,
        outlet=make_outlet("Evening Post"),
        body=BODY,
        published_at=timezone.now() - dt.timedelta(days=1),
    )
    said = make_statement(
        daily,
        "A presidential aide told state news agencies that the invitation came during a call.",
        source=aide,
        via=wire,
        attribution="told state news agencies",
        verdict=Verdict.DISPUTED,
        note="The White House has not confirmed it.",
    )
    invited = make_claim(
        "The president was invited to Washington",
        [said, make_statement(evening, source=kremlin, verdict=Verdict.DISPUTED)],
        story=story,
        verdict=Verdict.DISPUTED,
    )
    denied = make_claim(
        "Reports of an invitation are not correct",
        [
            make_statement(
                evening, "The spokesman later said reports of an invitation were not correct."
            )
        ],
        story=story,
    )
    make_relation(denied, "contradicts", invited)
    make_correction(daily, "on Monday", "It was on Sunday.")
    return story


def test_reader_goes_from_home_to_a_statements_source(live_server, page, story):
    page.goto(live_server.url + "/")
    page.get_by_role("link", name="A possible summit").click()
    assert page.get_by_role("heading", level=1).inner_text() == "A possible summit"
    ledger = page.locator(".ledger")
    assert "The president was invited to Washington" in ledger.inner_text()
    chain = " ".join(ledger.locator(".chain").first.inner_text().split())
    assert chain == "Anna Aide → told state news agencies → via Wire Service → in Daily Planet"
    page.locator(".timeline").get_by_role("link", name="Summit invitation reported").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Summit invitation reported"

    page.locator("sup.ref a").filter(has_text="Disputed").click()
    note = page.locator("li.note:target")
    assert note.count() == 1
    assert note.is_visible()
    assert "The White House has not confirmed it." in note.inner_text()
    note.get_by_role("link", name="Anna Aide").first.click()
    assert page.get_by_role("heading", level=1).inner_text() == "Anna Aide"
    assert "Track record" in page.content()
    assert page.errors == []


def test_reader_reaches_a_note_and_back_by_keyboard(live_server, page, story):
    article = story.articles.get(headline="Summit invitation reported")
    page.goto(live_server.url + article.get_absolute_url())
    for _ in range(60):
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.closest('sup.ref') !== null")
        if focused and "Disputed" in page.evaluate("document.activeElement.textContent"):
            break
    else:
        pytest.fail("the statement's reference was not reached with the Tab key")
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash").startswith("#note-")
    page.locator("li.note:target a.back").focus()
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash").startswith("#statement-")


def test_contradicting_claims_are_linked_both_ways_on_the_story_page(live_server, page, story):
    page.goto(live_server.url + story.get_absolute_url())
    page.locator(".relation-contradicts a").click()
    assert page.locator(".ledger-row:target h3").inner_text() == (
        "The president was invited to Washington"
    )
    page.locator(".ledger-row:target .relation-contradicted-by a").click()
    assert page.locator(".ledger-row:target h3").inner_text() == (
        "Reports of an invitation are not correct"
    )


def test_side_by_side_stacks_on_a_phone_without_scrolling_sideways(live_server, chromium, story):
    context = chromium.new_context(viewport={"width": 375, "height": 800}, is_mobile=True)
    page = context.new_page()
    page.goto(live_server.url + story.get_absolute_url())
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375
    display = page.evaluate("getComputedStyle(document.querySelector('.compare td')).display")
    assert display != "table-cell"
    assert page.locator(".compare .cell-outlet").first.is_visible()
    context.close()


def test_dark_mode_and_print(live_server, chromium, story):
    context = chromium.new_context(color_scheme="dark")
    page = context.new_page()
    page.goto(live_server.url + story.get_absolute_url())
    dark = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert dark == "rgb(19, 20, 22)"
    article = story.articles.get(headline="Summit invitation reported")
    page.goto(live_server.url + article.get_absolute_url())
    page.emulate_media(media="print")
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(255, 255, 255)"
    assert not page.locator(".site-nav").is_visible()
    assert page.locator("li.note").first.is_visible()
    assert page.locator(".correction").first.is_visible()
    context.close()


AXE = Path(
    os.environ.get(
        "NEWSROOM_AXE",
        Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js",
    )
)


@pytest.mark.skipif(
    not AXE.exists(),
    reason=f"axe-core not found at {AXE}: npm install axe-core, or set NEWSROOM_AXE",
)
def test_reader_pages_have_no_axe_violations(live_server, page, story):
    article = story.articles.get(headline="Summit invitation reported")
    source = article.statements.get(source__name="Anna Aide").source
    for url in [
        "/",
        story.get_absolute_url(),
        article.get_absolute_url(),
        source.get_absolute_url(),
    ]:
        page.goto(live_server.url + url)
        page.add_script_tag(path=str(AXE))
        result = page.evaluate("axe.run()")
        assert [v["id"] for v in result["violations"]] == [], url
