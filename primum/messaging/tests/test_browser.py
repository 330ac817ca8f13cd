"""End to end in a real Chromium: Bob, who does not follow Alice, finds her message in
Requests with its favour label, opens it, looks at the trust panel ("How do I know this
person?"), accepts it, and replies without a page reload; Alice sees the reply."""

from __future__ import annotations

import os

import pytest

from primum.accounts.tests.factories import UserFactory
from primum.messaging.models import Membership
from primum.web.tests.test_browser import log_in

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

expect = pytest.importorskip("playwright.sync_api").expect


def test_accept_a_message_request_after_opening_the_trust_panel(browser, live_server):
    alice = UserFactory(username="alice", display_name="Alice Adams")
    bob = UserFactory(username="bob", display_name="Bob Brown")

    a = log_in(browser, live_server, alice)
    a.goto(f"{live_server.url}/@bob/")
    a.get_by_role("link", name="Message", exact=True).click()
    expect(a.get_by_label("To")).to_have_value("bob")
    a.get_by_role("textbox", name="Message").fill(
        "Hi Bob, could you share my new book with your followers?"
    )
    a.get_by_role("button", name="Send").click()
    expect(a.locator("#messages")).to_contain_text("could you share my new book")

    b = log_in(browser, live_server, bob)
    expect(b.get_by_test_id("messages-badge")).to_contain_text("1 request")
    b.get_by_role("link", name="Messages").first.click()
    b.get_by_role("link", name="Requests").click()
    row = b.get_by_test_id("request-row")
    expect(row.get_by_test_id("favour-labels")).to_contain_text(
        "Asks you to: share or amplify a book — words: 'share my new book'"
    )
    row.get_by_role("link", name="Open · How do I know this person?").click()
    panel = b.get_by_test_id("trust-panel")
    expect(panel).to_be_visible()
    panel.locator("summary").click()
    expect(panel).to_have_attribute("open", "")
    expect(panel).to_contain_text("Verification")
    b.get_by_role("button", name="Accept").click()
    expect(b.get_by_role("status").first).to_contain_text("Request accepted")
    assert Membership.objects.get(user=bob).state == "active"

    b.evaluate("window.__noReload = true")
    b.get_by_role("textbox", name="Message").fill("Happy to take a look — send details.")
    b.get_by_role("button", name="Send").click()
    expect(b.locator("#messages")).to_contain_text("Happy to take a look")
    assert b.evaluate("window.__noReload") is True
    expect(b.get_by_role("textbox", name="Message")).to_have_value("")

    a.reload()
    expect(a.locator("#messages")).to_contain_text("Happy to take a look")
