"""In a real Chromium: a stranger's hostile reply is collapsed for a third person, who can
open it with "show anyway"; the composer shows a PHI prompt while typing, and "Use redacted
text" replaces the draft."""

from __future__ import annotations

import os

import pytest

from primum.accounts.tests.factories import PASSWORD, UserFactory
from primum.social.tests.factories import make_post

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

expect = pytest.importorskip("playwright.sync_api").expect


def log_in(browser, live_server, user):
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Handle or e-mail address").fill(user.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Home", exact=True)).to_be_visible()
    return page


def test_collapsed_reply_and_phi_prompt(browser, live_server):
    alice = UserFactory(username="alice", display_name="Alice Adams")
    stranger = UserFactory(username="stranger")
    carol = UserFactory(username="carol", display_name="Carol Chen")
    root = make_post(alice, "Journal club tonight: the new sepsis bundle")
    rude = make_post(
        stranger, "you are an idiot who should not have a licence", reply_to_id=root.pk
    )
    assert rude.safety_decision == "collapse"

    page = log_in(browser, live_server, carol)
    page.goto(f"{live_server.url}/posts/{root.pk}/")
    reply = page.locator(f"#post-{rude.pk}")
    notice = reply.get_by_text("Hidden: likely harassment — show anyway")
    expect(notice).to_be_visible()
    body = reply.get_by_text("you are an idiot")
    expect(body).to_be_hidden()
    notice.click()
    expect(body).to_be_visible()

    page.goto(f"{live_server.url}/")
    composer = page.get_by_label("What would you like to share?")
    composer.press_sequentially("Mr. John Smith, DOB 03/14/1962", delay=20)
    prompt = page.get_by_test_id("phi-prompt")
    expect(prompt).to_be_visible(timeout=10_000)
    expect(prompt).to_contain_text("John Smith")
    prompt.get_by_role("button", name="Use redacted text").click()
    expect(composer).to_have_value("[name], DOB [date]")
