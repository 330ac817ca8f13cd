"""End-to-end flows in a real Chromium (pytest-playwright against pytest-django's live_server).

(a) A posts from the composer (htmx inserts it without a reload); B, in a separate browser
    context, likes it and replies; A sees the unread badge and the notifications.
(b) A blocks B from B's profile: B's posts disappear for A and A's profile is a 404 for B.
"""

from __future__ import annotations

import os
import re

import pytest

from primum.accounts.tests.factories import PASSWORD, UserFactory
from primum.social.models import Post
from primum.social.tests.factories import make_post

# Playwright's sync API runs an event loop in this thread; the ORM calls made by the test
# itself (creating users, reading ids) are ordinary synchronous calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

expect = pytest.importorskip("playwright.sync_api").expect


def log_in(browser, live_server, user):
    """A fresh browser context logged in as ``user`` through the accounts login page."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Handle or e-mail address").fill(user.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Home", exact=True)).to_be_visible()
    return page


@pytest.fixture
def people():
    alice = UserFactory(username="alice", display_name="Alice Adams")
    bob = UserFactory(username="bob", display_name="Bob Brown")
    return alice, bob


def test_post_reply_like_and_notification(browser, live_server, people):
    alice, bob = people
    a = log_in(browser, live_server, alice)
    a.evaluate("window.__noReload = true")
    composer = a.get_by_label("What would you like to share?")
    composer.fill("Pearl of the day: check the potassium 🧪 #meded")
    expect(a.locator(".counter").first).to_have_text("454 characters left")  # the emoji counts once
    a.get_by_role("button", name="Post", exact=True).click()
    feed = a.locator("#feed")
    expect(feed.locator("article").first).to_contain_text("Pearl of the day")
    expect(a.get_by_role("status").first).to_contain_text("Your post is published.")
    assert a.evaluate("window.__noReload") is True  # htmx inserted it; no page load
    expect(composer).to_have_value("")

    post = Post.objects.get(author=alice)
    b = log_in(browser, live_server, bob)
    b.goto(f"{live_server.url}/posts/{post.pk}/")
    b.evaluate("window.__noReload = true")
    like = b.locator(f"#post-{post.pk}").get_by_role("button", name=re.compile("^♥? ?Like"))
    expect(like).to_have_attribute("aria-pressed", "false")
    like.click()
    liked = b.locator(f"#post-{post.pk}").get_by_role("button", name=re.compile("Liked"))
    expect(liked).to_have_attribute("aria-pressed", "true")
    expect(liked).to_contain_text("1")
    b.get_by_label("What would you like to share?").fill("Agreed, and magnesium too.")
    b.get_by_role("button", name="Reply", exact=True).click()
    expect(b.locator("#replies")).to_contain_text("Agreed, and magnesium too.")
    assert b.evaluate("window.__noReload") is True

    a.goto(f"{live_server.url}/")
    badge = a.locator('[data-testid="unread-badge"]')
    expect(badge).to_contain_text("2 unread notifications")
    a.get_by_role("link", name=re.compile("^Notifications")).click()
    expect(a.get_by_role("heading", name="Notifications")).to_be_visible()
    notes = a.locator(".notification")
    expect(notes.filter(has_text="liked your post")).to_have_count(1)
    expect(notes.filter(has_text="replied to your post")).to_have_count(1)
    expect(a.locator('[data-testid="unread-badge"]')).to_have_count(0)
    a.screenshot(path="/tmp/primum-notifications.png", full_page=True)
    a.goto(f"{live_server.url}/")
    a.screenshot(path="/tmp/primum-home.png", full_page=True)


def test_block_from_profile_hides_both_ways(browser, live_server, people):
    alice, bob = people
    make_post(bob, "Bob's hot take about statins")
    a = log_in(browser, live_server, alice)
    a.goto(f"{live_server.url}/explore/")
    expect(a.locator("#feed")).to_contain_text("Bob's hot take")
    a.goto(f"{live_server.url}/@bob/")
    expect(a.get_by_role("heading", name=re.compile("Bob Brown"))).to_be_visible()
    a.get_by_role("button", name="Block").click()
    a.goto(f"{live_server.url}/explore/")
    expect(a.get_by_role("heading", name="Explore")).to_be_visible()
    expect(a.locator("#feed")).not_to_contain_text("Bob's hot take")
    response = a.goto(f"{live_server.url}/@bob/")
    assert response.status == 404

    b = log_in(browser, live_server, bob)
    response = b.goto(f"{live_server.url}/@alice/")
    assert response.status == 404
    expect(b.get_by_role("heading", name="Not found")).to_be_visible()


def test_sign_up_confirm_post_and_be_notified(browser, live_server, people):
    """A newcomer signs up, confirms the e-mail from the link in the mail, fills in the
    professional profile, posts; a colleague replies and likes; the newcomer sees both."""
    from django.core import mail

    _alice, bob = people
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{live_server.url}/accounts/signup/")
    page.get_by_label("Handle").fill("dr_new")
    page.get_by_label("E-mail address").fill("dr.new@example.org")
    page.get_by_label("Password").fill("a long enough passphrase 42")
    page.get_by_label("Display name").fill("Dr New Resident")
    page.get_by_label("Profession").select_option("resident")
    page.get_by_role("button", name="Sign up").click()
    expect(page.get_by_role("main")).to_contain_text("dr.new@example.org")

    message = mail.outbox[-1]
    assert message.to == ["dr.new@example.org"]
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", message.body)
    assert link, message.body
    path = "/" + link.group(0).split("/", 3)[3]
    page.goto(f"{live_server.url}{path}")
    expect(page.get_by_role("main")).to_contain_text("confirmed")

    page.goto(f"{live_server.url}/accounts/settings/")
    page.get_by_label("Credentials").fill("MD")
    page.get_by_label("Affiliation").fill("Riverside Teaching Hospital")
    page.get_by_role("button", name=re.compile("^Save")).first.click()
    page.goto(f"{live_server.url}/@dr_new/")
    expect(page.get_by_role("main")).to_contain_text("Riverside Teaching Hospital")

    page.goto(f"{live_server.url}/")
    page.get_by_label("What would you like to share?").fill("First night on call. Any #meded tips?")
    page.get_by_role("button", name="Post", exact=True).click()
    expect(page.locator("#feed article").first).to_contain_text("First night on call")

    post = Post.objects.get(author__username="dr_new")
    b = log_in(browser, live_server, bob)
    b.goto(f"{live_server.url}/posts/{post.pk}/")
    b.locator(f"#post-{post.pk}").get_by_role("button", name=re.compile("^♥? ?Like")).click()
    expect(
        b.locator(f"#post-{post.pk}").get_by_role("button", name=re.compile("Liked"))
    ).to_be_visible()
    b.get_by_label("What would you like to share?").fill("Eat when you can, sleep when you can.")
    b.get_by_role("button", name="Reply", exact=True).click()
    expect(b.locator("#replies")).to_contain_text("Eat when you can")

    page.goto(f"{live_server.url}/")
    expect(page.locator('[data-testid="unread-badge"]')).to_contain_text("2 unread notifications")
    page.get_by_role("link", name=re.compile("^Notifications")).click()
    notes = page.locator(".notification")
    expect(notes.filter(has_text="liked your post")).to_have_count(1)
    expect(notes.filter(has_text="replied to your post")).to_have_count(1)
