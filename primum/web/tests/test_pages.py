"""Site-wide pieces: the post-body filter, the badge wording, error pages and the header."""

import pytest
from django.template import Context, Template

from primum.accounts.tests.factories import UserFactory
from primum.social.tests.factories import make_post
from primum.web.templatetags.primum import plain_text, unread_label


def test_plain_text_escapes_and_links_to_the_pages():
    html = plain_text("<b>hi</b> @Alice #MedEd https://example.org/a?b=1&c=2")
    assert "&lt;b&gt;hi&lt;/b&gt;" in html
    assert '<a class="mention" href="/@alice/">@Alice</a>' in html
    assert '<a class="hashtag" href="/tags/meded/">#MedEd</a>' in html
    assert 'href="https://example.org/a?b=1&amp;c=2" rel="nofollow noopener ugc"' in html


def test_plain_text_filter_in_a_template_is_not_escaped_twice():
    out = Template("{% load primum %}{{ body|plain_text }}").render(Context({"body": "a & b"}))
    assert out == "a &amp; b"


@pytest.mark.parametrize(
    ("count", "label"),
    [(1, "1 unread notification"), (3, "3 unread notifications"), (None, "0 unread notifications")],
)
def test_unread_label(count, label):
    assert unread_label(count) == label


@pytest.mark.django_db
def test_unknown_url_is_the_friendly_404_page(client):
    response = client.get("/no/such/page/")
    assert response.status_code == 404
    assert b"This page does not exist or is not visible to you." in response.content
    assert b"Skip to content" in response.content


@pytest.mark.django_db
def test_header_for_anonymous_offers_log_in_and_sign_up(client):
    html = client.get("/explore/").content.decode()
    assert 'href="/accounts/login/"' in html
    assert "Sign up" in html
    assert "Notifications" not in html


@pytest.mark.django_db
def test_header_badge_counts_unread_notifications(client):
    alice, bob = UserFactory(), UserFactory()
    make_post(bob, f"hello @{alice.username}")
    client.force_login(alice)
    html = client.get("/explore/").content.decode()
    assert '<span class="visually-hidden">1 unread notification</span>' in html
