"""Fixtures for the review desk in a real browser: editors in windows of their own, each
logged in through the admin's login form. Import the fixture into a test module."""

import pytest

from tests.factories import restore_editor_groups

PASSWORD = "correct horse battery"  # tests.factories.make_user's password


def log_in(page, live_server, username):
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("#login-form [type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")


@pytest.fixture
def desk_window(chromium, live_server, transactional_db):
    """desk_window(user, javascript=True): a new browser context (its own cookies) with one
    page, logged in as `user`. Script errors on the page are kept in page.errors.

    The editors' groups are made again first, whatever earlier tests left of them."""
    restore_editor_groups()
    contexts = []

    def open_window(user, *, javascript=True):
        context = chromium.new_context(
            viewport={"width": 1400, "height": 900}, java_script_enabled=javascript
        )
        contexts.append(context)
        page = context.new_page()
        page.errors = []
        page.on("pageerror", lambda error: page.errors.append(str(error)))
        log_in(page, live_server, user.username)
        return page

    yield open_window
    for context in contexts:
        context.close()
