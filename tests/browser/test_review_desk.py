"""The review desk in a real Chromium: select words, mark a statement, decide it by
keyboard, see it on the public page; a stale save from a second window is refused; the
keys move between statements; and without JavaScript the panels are plain forms."""

import re

import pytest
from playwright.sync_api import expect

from stories.models import Statement, StatementKind, Verdict
from tests.browser.review_fixtures import desk_window  # noqa: F401 (a fixture)
from tests.factories import (
    make_article,
    make_editor,
    make_fact_checker,
    make_source,
    make_statement,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

BODY = (
    "The Kremlin said on Monday that the president had been invited to Washington.\n\n"
    "“There was an invitation,” Yuri Ushakov told state news agencies.\n\n"
    "The spokesman later said reports of an invitation were not correct."
)


def review_url(live_server, article, statement=None):
    url = f"{live_server.url}/admin/review/articles/{article.pk}/"
    return f"{url}#review-statement-{statement.pk}" if statement else url


def drag_select(page, words):
    """Selects `words` in the article text with the mouse, as an editor would."""
    box = page.evaluate(
        """(words) => {
            const run = [...document.querySelectorAll("[data-review-body] [data-offset]")]
                .find((each) => each.textContent.includes(words));
            const text = run.firstChild;
            const at = text.data.indexOf(words);
            const range = document.createRange();
            range.setStart(text, at);
            range.setEnd(text, at + 1);
            const first = range.getBoundingClientRect();
            range.setStart(text, at + words.length - 1);
            range.setEnd(text, at + words.length);
            const last = range.getBoundingClientRect();
            return {
                x1: first.left + 1, y1: first.top + first.height / 2,
                x2: last.right - 1, y2: last.top + last.height / 2,
            };
        }""",
        words,
    )
    page.mouse.move(box["x1"], box["y1"])
    page.mouse.down()
    page.mouse.move(box["x2"], box["y2"], steps=8)
    page.mouse.up()


def test_an_editor_marks_selected_words_decides_them_by_keyboard_and_readers_see_it(
    live_server,
    desk_window,  # noqa: F811
):
    editor = make_editor("desk-editor")
    article = make_article("Invitation disputed", body=BODY)
    ushakov = make_source("Yuri Ushakov", role="Presidential aide")
    page = desk_window(editor)
    page.goto(review_url(live_server, article))

    words = "There was an invitation"
    drag_select(page, words)
    page.get_by_role("toolbar", name="The selected words").get_by_role(
        "button", name="Mark as a statement"
    ).click()
    form = page.locator("#review-new-statement")
    expect(form.get_by_label("Words, exactly as in the text")).to_have_value(words)
    form.get_by_role("combobox", name="Source", exact=True).fill("Ushak")
    form.get_by_role("option", name="Yuri Ushakov").click()  # the admin's autocomplete
    form.get_by_label("Attribution words").fill("told state news agencies")
    form.get_by_label("Kind").select_option(StatementKind.DIRECT)
    form.get_by_role("button", name="Mark as a statement").click()
    expect(page.locator("[data-review-status]")).to_contain_text("Statement marked")

    statement = Statement.objects.get(article=article)
    assert statement.quote == words
    assert BODY[statement.start : statement.end] == words
    assert (statement.source, statement.attribution) == (ushakov, "told state news agencies")
    panel = page.locator(f"#review-statement-{statement.pk}")
    expect(panel).to_be_visible()
    mark = page.locator(f'mark[data-statement="{statement.pk}"]')
    expect(mark).to_contain_text("Not yet checked")

    page.keyboard.press("e")
    expect(panel.get_by_label("Note (public")).to_be_focused()
    page.keyboard.type("The Kremlin's spokesman denied it the same day.")
    page.keyboard.press("Escape")  # leaves the note; the keys decide again
    page.keyboard.press("5")  # the fifth verdict: False
    expect(mark).to_contain_text("False")
    expect(mark).to_have_class(re.compile(r"\bverdict-false\b"))
    expect(page.locator("[data-review-status]")).to_contain_text("Saved: False")
    assert page.url.endswith(f"#review-statement-{statement.pk}")  # no reload

    statement.refresh_from_db()
    assert statement.verdict == Verdict.FALSE
    assert statement.note == "The Kremlin's spokesman denied it the same day."
    assert statement.reviewed_by == editor

    page.goto(live_server.url + article.get_absolute_url())
    expect(page.locator(f"#statement-{statement.pk}")).to_have_text(words)
    expect(page.locator(f"#note-{statement.pk}")).to_contain_text("False")
    expect(page.locator(f"#note-{statement.pk}")).to_contain_text("Yuri Ushakov")
    assert page.errors == []


def test_a_selection_across_paragraphs_and_badges_counts_the_body_exactly(
    live_server,
    desk_window,  # noqa: F811
):
    article = make_article("Invitation disputed", body=BODY)
    make_statement(article, "There was an invitation", verdict=Verdict.FALSE)
    page = desk_window(make_editor("range-editor"))
    page.goto(review_url(live_server, article))
    # From "president" in the first paragraph to "Ushakov" in the second: over the blank
    # line between them and over the second paragraph's "✗ False" badge.
    page.evaluate(
        """() => {
            const runs = [...document.querySelectorAll("[data-review-body] [data-offset]")];
            const first = runs[0].firstChild;
            const last = runs.find((run) => run.textContent.includes("Ushakov")).firstChild;
            const range = document.createRange();
            range.setStart(first, first.data.indexOf("president"));
            range.setEnd(last, last.data.indexOf("Ushakov") + "Ushakov".length);
            const selection = window.getSelection();
            selection.removeAllRanges();
            selection.addRange(range);
            document.querySelector("[data-review-body]").dispatchEvent(
                new MouseEvent("mouseup", { bubbles: true })
            );
        }"""
    )
    page.get_by_role("toolbar", name="The selected words").get_by_role(
        "button", name="Mark as a statement"
    ).click()
    start = BODY.index("president")
    end = BODY.index("Ushakov") + len("Ushakov")
    form = page.locator("#review-new-statement")
    expect(form.locator("[name=quote]")).to_have_value(BODY[start:end])
    expect(form.locator("[name=start]")).to_have_value(str(start))
    expect(form.locator("[name=end]")).to_have_value(str(end))
    assert "\n\n" in BODY[start:end] and "False" not in BODY[start:end]


def test_a_second_editors_stale_save_is_refused_naming_what_changed(
    live_server,
    desk_window,  # noqa: F811
):
    article = make_article("Invitation disputed", body=BODY)
    statement = make_statement(article, "There was an invitation")
    first = desk_window(make_editor("first-editor"))
    second = desk_window(make_fact_checker("second-checker"))
    for page in (first, second):
        page.goto(review_url(live_server, article, statement))
        expect(page.locator(f"#review-statement-{statement.pk}")).to_be_visible()

    first.keyboard.press("2")  # Verified
    expect(first.locator("[data-review-status]")).to_contain_text("Saved: Verified")

    second.keyboard.press("5")  # False, from the copy read before the first save
    problem = second.locator(f"#review-statement-{statement.pk} [data-review-problem]")
    expect(problem).to_contain_text("changed by someone else")
    expect(problem).to_contain_text("Last saved by first-editor")
    row = problem.get_by_role("row").filter(has_text="Verdict")
    expect(row).to_contain_text("Not yet checked")
    expect(row).to_contain_text("Verified")
    expect(row).to_contain_text("False")
    # The refused window now shows what is saved, and its highlight says so.
    expect(second.locator(f'mark[data-statement="{statement.pk}"]')).to_contain_text("Verified")

    statement.refresh_from_db()
    assert statement.verdict == Verdict.VERIFIED
    assert statement.reviewed_by.username == "first-editor"
    assert first.errors == second.errors == []


def test_j_and_k_move_between_statements_and_escape_closes_the_panel(
    live_server,
    desk_window,  # noqa: F811
):
    article = make_article("Invitation disputed", body=BODY)
    statements = [
        make_statement(article, "The Kremlin said on Monday"),
        make_statement(article, "There was an invitation"),
        make_statement(article, "reports of an invitation were not correct"),
    ]
    page = desk_window(make_fact_checker("keys-checker"))
    page.goto(review_url(live_server, article))
    status = page.locator("[data-review-status]")
    for key, index in [("j", 0), ("j", 1), ("j", 2), ("k", 1)]:
        page.keyboard.press(key)
        expect(page.locator(f"#review-statement-{statements[index].pk}")).to_be_visible()
        expect(status).to_contain_text(f"Statement {index + 1} of 3")
    page.keyboard.press("ArrowDown")  # on the focused statement, arrows move too
    expect(page.locator(f"#review-statement-{statements[2].pk}")).to_be_visible()
    page.keyboard.press("Escape")
    expect(page.locator(f"#review-statement-{statements[2].pk}")).to_be_hidden()
    expect(status).to_contain_text("Panel closed")
    assert page.errors == []


def test_without_javascript_every_statement_is_a_plain_form(live_server, desk_window):  # noqa: F811
    article = make_article("Invitation disputed", body=BODY)
    statement = make_statement(article, "There was an invitation")
    page = desk_window(make_editor("plain-editor"), javascript=False)
    page.goto(review_url(live_server, article))
    page.locator(f'[data-statement-link="{statement.pk}"]').click()
    assert page.url.endswith(f"#review-statement-{statement.pk}")
    panel = page.locator(f"#review-statement-{statement.pk}")
    panel.get_by_label("Note (public").fill("No record of an invitation.")
    panel.get_by_role("button", name="Unverifiable").click()
    expect(page.locator(".messagelist")).to_contain_text("Saved: Unverifiable")
    statement.refresh_from_db()
    assert (statement.verdict, statement.note) == (
        Verdict.UNVERIFIABLE,
        "No record of an invitation.",
    )
