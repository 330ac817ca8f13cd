"""The social pages through the Django test client: rendering, POST-redirect-GET without
JavaScript, htmx fragments, bad input with nothing stored, and the policy table as pages."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from primum.accounts import services as account_services
from primum.accounts.models import COIDisclosure, ProfileLink
from primum.accounts.tests.factories import UserFactory
from primum.social import services
from primum.social.models import Bookmark, Like, Notification, Post, PostEdit
from primum.social.tests.factories import follow, make_post

pytestmark = pytest.mark.django_db

HX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def alice():
    return UserFactory(username="alice", display_name="Alice Adams")


@pytest.fixture
def bob():
    return UserFactory(username="bob", display_name="Bob Brown")


@pytest.fixture
def as_alice(client, alice):
    client.force_login(alice)
    return client


def url(name, *args, **kwargs):
    return reverse(f"social:{name}", args=args, kwargs=kwargs)


# --- Pages render ---------------------------------------------------------------------------


def test_anonymous_home_redirects_to_explore(client):
    response = client.get(url("home"))
    assert response.status_code == 302
    assert response["Location"] == url("explore")


def test_pages_render_for_anonymous(client, alice):
    post = make_post(alice, "Public pearl about #meded")
    for page in [
        url("explore"),
        url("tag", "meded"),
        url("search") + "?q=pearl",
        url("search") + "?q=alice&type=people",
        url("post", post.pk),
        url("post_history", post.pk),
        url("profile", "alice"),
        url("followers", "alice"),
        url("following", "alice"),
    ]:
        response = client.get(page)
        assert response.status_code == 200, page
    assert b"Log in" in client.get(url("explore")).content


@pytest.mark.parametrize("name", ["bookmarks", "notifications"])
def test_private_pages_ask_anonymous_to_log_in(client, name):
    response = client.get(url(name))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_pages_render_for_logged_in_user(as_alice, alice, bob):
    follow(alice, bob)
    post = make_post(bob, "Hello @alice, see #cardiology")
    make_post(bob, "A reply", reply_to_id=post.pk)
    for page in [
        url("home"),
        url("explore"),
        url("tag", "cardiology"),
        url("search") + "?q=hello",
        url("bookmarks"),
        url("notifications"),
        url("post", post.pk),
        url("reply", post.pk),
        url("quote", post.pk),
        url("profile", "bob"),
        url("profile", "alice") + "?tab=replies",
        url("followers", "bob"),
        url("following", "alice"),
    ]:
        response = as_alice.get(page)
        assert response.status_code == 200, page
    home = as_alice.get(url("home")).content.decode()
    assert "Hello" in home and 'href="/@alice/"' in home and 'href="/tags/cardiology/"' in home
    assert 'aria-current="page"' in home


def test_header_nav_for_logged_in_user(as_alice):
    html = as_alice.get(url("explore")).content.decode()
    for label in ("Home", "Explore", "Search", "Notifications", "Bookmarks", "Profile"):
        assert f">{label}" in html
    assert "Log out" in html


# --- The post partial -------------------------------------------------------------------------


def test_post_partial_shows_identity_cw_edited_repost_and_quote(as_alice, alice, bob):
    follow(alice, bob)
    original = make_post(alice, "Original <b>bold</b> https://example.org/x")
    services.post_edit(actor=alice, post_id=original.pk, body="Original v2")
    quote = make_post(bob, "Quoting this", quote_of_id=original.pk, content_warning="Grief")
    services.repost_create(actor=bob, post_id=original.pk)
    html = as_alice.get(url("home")).content.decode()
    assert "Physician (attending)" in html and "Internal medicine" in html
    assert '<details class="cw">' in html and "Content warning: Grief" in html
    assert ">edited</a>" in html
    assert "reposted by" in html and "Bob Brown" in html
    assert 'class="quoted"' in html
    assert "<time datetime=" in html
    # The quoted author may detach their post from the quote.
    assert url("detach_quote", quote.pk) in html
    services.post_delete(actor=alice, post_id=original.pk)
    html = as_alice.get(url("post", quote.pk)).content.decode()
    assert "This quoted post is unavailable" in html


def test_user_text_is_escaped_everywhere(as_alice, alice, bob):
    bob.profile.display_name = "<script>name</script>"
    bob.profile.save()
    post = make_post(bob, "<script>alert(1)</script> & <img src=x>")
    for page in (url("explore"), url("post", post.pk), url("profile", "bob")):
        html = as_alice.get(page).content.decode()
        assert "<script>alert(1)</script>" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
        assert "<img src=x>" not in html
        assert "<script>name</script>" not in html and "&lt;script&gt;name" in html


# --- Composer -------------------------------------------------------------------------------


def test_compose_without_js_redirects_and_stores(as_alice, alice):
    response = as_alice.post(url("compose"), {"body": "First post #meded", "next": "/"})
    assert response.status_code == 302 and response["Location"] == "/"
    post = Post.objects.get()
    assert post.author == alice and post.body == "First post #meded"
    assert "First post" in as_alice.get("/").content.decode()


def test_compose_refuses_offsite_next(as_alice):
    response = as_alice.post(url("compose"), {"body": "Hi", "next": "https://evil.example/"})
    assert response["Location"] == url("post", Post.objects.get().pk)


def test_compose_with_htmx_returns_fresh_composer_and_the_new_post(as_alice):
    response = as_alice.post(
        url("compose"), {"body": "Posted with htmx", "insert_into": "feed", "next": "/"}, **HX
    )
    assert response.status_code == 201
    html = response.content.decode()
    assert 'hx-swap-oob="afterbegin:#feed"' in html
    assert "Posted with htmx" in html  # the new post, inserted out of band
    assert "Your post is published." in html
    assert '<textarea name="body"' in html and "Posted with htmx</textarea>" not in html


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("", "cannot be empty"),
        ("x" * 501, "the limit is 500"),
        ("evil \u202e text", "direction-changing character"),
        ("zero\u200bwidth", "invisible character"),
    ],
)
@pytest.mark.parametrize("htmx", [False, True])
def test_compose_bad_body_shows_typed_error_keeps_text_stores_nothing(
    as_alice, body, message, htmx
):
    response = as_alice.post(
        url("compose"),
        {"body": body, "content_warning": "my cw", "insert_into": "feed"},
        **(HX if htmx else {}),
    )
    assert response.status_code == 422
    html = response.content.decode()
    assert message in html
    assert 'aria-invalid="true"' in html
    assert 'value="my cw"' in html  # nothing the user typed is lost
    if body:
        assert body[:20] in html
    assert Post.objects.count() == 0
    if not htmx:
        assert "<html" in html  # a full page without JS


def test_compose_bad_choice_and_bad_cw(as_alice):
    response = as_alice.post(url("compose"), {"body": "ok", "visibility": "everyone"})
    assert response.status_code == 422
    assert "visibility must be one of" in response.content.decode()
    response = as_alice.post(url("compose"), {"body": "ok", "content_warning": "a\nb"})
    assert response.status_code == 422 and "single line" in response.content.decode()
    assert Post.objects.count() == 0


def test_compose_escapes_script_in_redisplayed_text(as_alice):
    response = as_alice.post(url("compose"), {"body": "<script>x</script>" + "y" * 500})
    assert response.status_code == 422
    assert b"<script>x</script>" not in response.content
    assert b"&lt;script&gt;x&lt;/script&gt;" in response.content


def test_compose_reply_to_unknown_post_is_404_and_keeps_text(as_alice):
    response = as_alice.post(url("compose"), {"body": "kept", "reply_to_id": "999999"})
    assert response.status_code == 404
    assert b"kept" in response.content
    assert Post.objects.count() == 0


def test_compose_requires_login(client):
    response = client.post(url("compose"), {"body": "anon"})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert Post.objects.count() == 0


def test_reply_inline_with_htmx(as_alice, alice, bob):
    post = make_post(bob, "Question?")
    slot = as_alice.get(url("reply", post.pk) + "?next=/explore/", **HX)
    assert slot.status_code == 200
    assert 'name="reply_to_id"' in slot.content.decode()
    assert "<html" not in slot.content.decode()
    response = as_alice.post(
        url("compose"), {"body": "Answer!", "reply_to_id": post.pk, "next": "/explore/"}, **HX
    )
    assert response.status_code == 201
    assert "Your reply is posted." in response.content.decode()
    assert Post.objects.get(reply_to=post).body == "Answer!"


def test_reply_on_thread_page_without_js(as_alice, bob):
    post = make_post(bob, "Question?")
    page = url("post", post.pk)
    response = as_alice.post(
        url("compose"), {"body": "An answer", "reply_to_id": post.pk, "next": page}
    )
    assert response.status_code == 302 and response["Location"] == page
    html = as_alice.get(page).content.decode()
    assert "An answer" in html and "--depth: 1" in html


# --- Thread page ----------------------------------------------------------------------------


def test_thread_shows_ancestors_tombstones_and_indented_replies(as_alice, alice, bob):
    root = make_post(alice, "Root post")
    reply = make_post(bob, "Reply one", reply_to_id=root.pk)
    nested = make_post(alice, "Nested reply", reply_to_id=reply.pk)
    services.post_delete(actor=bob, post_id=reply.pk)
    html = as_alice.get(url("post", root.pk)).content.decode()
    assert "This post was deleted" in html
    assert "Nested reply" in html and "--depth: 2" in html
    html = as_alice.get(url("post", nested.pk)).content.decode()
    assert (
        html.index("Root post") < html.index("This post was deleted") < html.index("Nested reply")
    )


@pytest.mark.parametrize("post_id", [999999, 0])
def test_unknown_post_is_404_page(as_alice, post_id):
    response = as_alice.get(url("post", post_id))
    assert response.status_code == 404
    assert b"does not exist or is not visible" in response.content


# --- Edit, history, delete, controls --------------------------------------------------------


def test_edit_history_and_marker(as_alice, alice):
    post = make_post(alice, "First version")
    assert as_alice.get(url("post_edit", post.pk)).status_code == 200
    response = as_alice.post(url("post_edit", post.pk), {"body": "Second version"})
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.body == "Second version" and post.edited_at is not None
    assert ">edited</a>" in as_alice.get(url("post", post.pk)).content.decode()
    history = as_alice.get(url("post_history", post.pk)).content.decode()
    assert "First version" in history and "Second version" in history


def test_edit_bad_input_keeps_text(as_alice, alice):
    post = make_post(alice, "Stable")
    response = as_alice.post(url("post_edit", post.pk), {"body": "bad\u202etext"})
    assert response.status_code == 422
    assert "direction-changing" in response.content.decode()
    assert "bad\u202etext" in response.content.decode()
    post.refresh_from_db()
    assert post.body == "Stable" and PostEdit.objects.count() == 0


def test_editing_someone_elses_post_is_refused(as_alice, bob):
    post = make_post(bob, "Bob's words")
    assert as_alice.get(url("post_edit", post.pk)).status_code == 403
    response = as_alice.post(url("post_edit", post.pk), {"body": "hijack"})
    assert response.status_code == 403
    post.refresh_from_db()
    assert post.body == "Bob's words"
    assert as_alice.post(url("post_delete", post.pk)).status_code == 404
    assert as_alice.get(url("post_delete", post.pk)).status_code == 404
    assert (
        as_alice.post(url("post_controls", post.pk), {"reply_policy": "nobody"}).status_code == 403
    )
    post.refresh_from_db()
    assert post.deleted_at is None and post.reply_policy == "anyone"


def test_delete_confirm_and_tombstone(as_alice, alice, bob):
    post = make_post(alice, "To be deleted")
    make_post(bob, "A reply that stays", reply_to_id=post.pk)
    confirm = as_alice.get(url("post_delete", post.pk)).content.decode()
    assert "Replies to it stay" in confirm and "This post was deleted" in confirm
    response = as_alice.post(url("post_delete", post.pk))
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.deleted_at is not None


def test_controls_change_and_validate(as_alice, alice):
    post = make_post(alice, "Controls")
    assert as_alice.get(url("post_controls", post.pk)).status_code == 200
    response = as_alice.post(url("post_controls", post.pk), {"reply_policy": "bogus"})
    assert response.status_code == 422 and b"reply_policy must be one of" in response.content
    response = as_alice.post(
        url("post_controls", post.pk), {"reply_policy": "nobody", "quote_policy": "nobody"}
    )
    assert response.status_code == 302
    post.refresh_from_db()
    assert (post.reply_policy, post.quote_policy) == ("nobody", "nobody")


def test_quote_page_and_detach(client, alice, bob):
    post = make_post(alice, "Quotable")
    client.force_login(bob)
    assert client.get(url("quote", post.pk)).status_code == 200
    response = client.post(url("compose"), {"body": "My take", "quote_of_id": post.pk})
    quote = Post.objects.get(quote_of=post)
    assert response["Location"] == url("post", quote.pk)
    client.force_login(alice)
    response = client.post(url("detach_quote", quote.pk), {"next": url("post", quote.pk)})
    assert response.status_code == 302
    quote.refresh_from_db()
    assert quote.quote_detached
    assert (
        "removed from this quote by its author"
        in client.get(url("post", quote.pk)).content.decode()
    )
    # Detaching someone else's quote: not found, nothing changes.
    client.force_login(bob)
    other = make_post(bob, "Self quote", quote_of_id=post.pk)
    assert client.post(url("detach_quote", other.pk)).status_code == 404


def test_quote_refused_explains(client, alice, bob):
    post = make_post(alice, "No quotes", quote_policy="nobody")
    client.force_login(bob)
    response = client.get(url("quote", post.pk))
    assert response.status_code == 403
    assert b"does not allow this post to be quoted" in response.content
    response = client.post(url("compose"), {"body": "sneaky", "quote_of_id": post.pk})
    assert response.status_code == 403 and b"sneaky" in response.content
    assert Post.objects.filter(quote_of=post).count() == 0


# --- Toggles --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("on", "off", "model_check"),
    [
        ("like", "unlike", lambda u, p: Like.objects.filter(user=u, post=p).exists()),
        ("bookmark", "unbookmark", lambda u, p: Bookmark.objects.filter(user=u, post=p).exists()),
        (
            "repost",
            "unrepost",
            lambda u, p: Post.objects.filter(author=u, repost_of=p).exists(),
        ),
    ],
)
def test_toggles_without_js(as_alice, alice, bob, on, off, model_check):
    post = make_post(bob, "Toggle me")
    response = as_alice.post(url(on, post.pk), {"next": "/explore/"})
    assert response.status_code == 302 and response["Location"] == "/explore/"
    assert model_check(alice, post)
    response = as_alice.post(url(off, post.pk), {"next": "//evil.example/"})
    assert response["Location"] == url("post", post.pk)
    assert not model_check(alice, post)


def test_toggle_with_htmx_returns_action_bar(as_alice, alice, bob):
    post = make_post(bob, "Like me")
    response = as_alice.post(url("like", post.pk), {"next": "/explore/"}, **HX)
    assert response.status_code == 200
    html = response.content.decode()
    assert html.lstrip().startswith('<div class="post-actions"')
    assert 'aria-pressed="true"' in html and "Liked" in html
    assert url("unlike", post.pk) in html and 'value="/explore/"' in html
    assert Notification.objects.filter(recipient=bob, kind="like").exists()
    response = as_alice.post(url("unlike", post.pk), **HX)
    assert "Like <span" in response.content.decode() or ">Like" in response.content.decode()
    assert not Like.objects.exists()


def test_toggle_refused_shows_error(as_alice, alice, bob):
    follow(alice, bob)
    post = make_post(bob, "Followers only", visibility="followers")
    response = as_alice.post(url("repost", post.pk), **HX)
    assert response.status_code == 403
    assert b"cannot be reposted" in response.content
    response = as_alice.post(url("repost", post.pk))
    assert response.status_code == 403
    assert not Post.objects.filter(repost_of=post).exists()


def test_toggle_unknown_post_is_404(as_alice):
    assert as_alice.post(url("like", 424242)).status_code == 404
    assert as_alice.post(url("like", 424242), **HX).status_code == 404
    assert not Like.objects.exists()


def test_toggles_require_post_and_login(client, alice):
    post = make_post(alice, "x")
    assert client.post(url("like", post.pk)).status_code == 302
    client.force_login(alice)
    assert client.get(url("like", post.pk)).status_code == 405
    assert not Like.objects.exists()


# --- Profile, follows -----------------------------------------------------------------------


def test_profile_shows_professional_identity(client, alice):
    profile = alice.profile
    profile.credentials = "MD, FACP"
    profile.affiliation = "St. Elsewhere"
    profile.bio = "Internist. #meded"
    profile.save()
    ProfileLink.objects.create(profile=profile, label="Website", url="https://example.org")
    COIDisclosure.objects.create(
        user=alice, entity="Acme Pharma", relationship="consulting", start_date=dt.date(2020, 1, 1)
    )
    COIDisclosure.objects.create(
        user=alice,
        entity="Old Devices Inc",
        relationship="speaker",
        start_date=dt.date(2015, 1, 1),
        end_date=dt.date(2016, 1, 1),
    )
    html = client.get(url("profile", "alice")).content.decode()
    for text in ("Alice Adams", "@alice", "MD, FACP", "St. Elsewhere", "Views are my own."):
        assert text in html
    assert 'rel="nofollow noopener ugc"' in html
    assert "Acme Pharma" in html and "Old Devices Inc" in html
    assert html.index("Current") < html.index("Acme Pharma") < html.index("Past")
    assert html.index("Past") < html.index("Old Devices Inc")


def test_follow_and_unfollow_without_js(as_alice, alice, bob):
    response = as_alice.post(url("follow", "bob"), {"next": url("profile", "bob")})
    assert response.status_code == 302
    html = as_alice.get(url("profile", "bob")).content.decode()
    assert "Unfollow" in html and "<strong>1</strong> follower" in html
    assert "Alice Adams" in as_alice.get(url("followers", "bob")).content.decode()
    as_alice.post(url("unfollow", "bob"))
    assert ">Follow<" in as_alice.get(url("profile", "bob")).content.decode()


def test_follow_unknown_or_self(as_alice):
    assert as_alice.post(url("follow", "nobody_here")).status_code == 404
    assert as_alice.post(url("follow", "alice")).status_code == 422


def test_blocked_profile_is_404_both_ways(client, alice, bob):
    account_services.block_create(actor=alice, handle="bob")
    client.force_login(bob)
    assert client.get(url("profile", "alice")).status_code == 404
    assert client.get(url("followers", "alice")).status_code == 404
    client.force_login(alice)
    assert client.get(url("profile", "bob")).status_code == 404


# --- Notifications --------------------------------------------------------------------------


def test_notifications_badge_list_and_mark_read(client, alice, bob):
    post = make_post(alice, "Notify me please")
    services.like_create(actor=bob, post_id=post.pk)
    make_post(bob, "A reply", reply_to_id=post.pk)
    services.follow_create(actor=bob, handle="alice")
    client.force_login(alice)
    html = client.get(url("explore")).content.decode()
    assert "3 unread notifications" in html
    html = client.get(url("notifications")).content.decode()
    assert "liked your post" in html and "replied to your post" in html
    assert "followed you" in html and "Notify me please" in html
    assert html.count('class="notification card unread"') == 3
    assert "unread notifications" not in html  # visiting marks them read
    assert Notification.objects.filter(recipient=alice, read_at__isnull=True).count() == 0
    html = client.get(url("notifications")).content.decode()
    assert "notification card unread" not in html


# --- Search, tags, load more ----------------------------------------------------------------


def test_search_validation(client, alice):
    response = client.get(url("search") + "?q=" + "x" * 201)
    assert response.status_code == 422 and b"at most 200 characters" in response.content
    response = client.get(url("search") + "?q=x&type=bogus")
    assert response.status_code == 422 and b"Choose posts or people" in response.content
    response = client.get(url("explore") + "?cursor=!!!")
    assert response.status_code == 422 and b"The cursor is not valid." in response.content


def test_search_people_and_posts(client, alice):
    make_post(alice, "Echocardiography tips")
    assert "Echocardiography" in client.get(url("search") + "?q=echocardiography").content.decode()
    assert "Alice Adams" in client.get(url("search") + "?q=alic&type=people").content.decode()


def test_load_more_pages_with_and_without_htmx(client, alice):
    for n in range(25):
        make_post(alice, f"Numbered post {n:02d}")
    html = client.get(url("explore")).content.decode()
    assert "Numbered post 24" in html and "Numbered post 04" not in html
    assert "Load more" in html and 'hx-swap="outerHTML"' in html
    more = html.split('class="button load-more"')[1].split('href="')[1].split('"')[0]
    more = more.replace("&amp;", "&")
    fragment = client.get(url("explore") + more, **HX).content.decode()
    assert "<html" not in fragment
    assert "Numbered post 04" in fragment and "Numbered post 05" not in fragment
    assert "Load more" not in fragment
    full = client.get(url("explore") + more).content.decode()
    assert "<html" in full and "Numbered post 00" in full


# --- The policy table through pages ---------------------------------------------------------

ROLES = ["owner", "follower", "stranger", "blocked", "anonymous"]
SEES = {
    "public": {"owner", "follower", "stranger", "anonymous"},
    "followers": {"owner", "follower"},
}


@pytest.fixture
def cast(client):
    owner = UserFactory(username="owner")
    people = {"owner": owner}
    for role in ("follower", "stranger", "blocked"):
        people[role] = UserFactory(username=role)
    follow(people["follower"], owner)
    account_services.block_create(actor=owner, handle="blocked")
    return people


def _login(client, cast, role):
    client.logout()
    if role != "anonymous":
        client.force_login(cast[role])


@pytest.mark.parametrize("visibility", ["public", "followers"])
@pytest.mark.parametrize("role", ROLES)
def test_policy_table_who_sees_the_post_on_each_page(client, cast, role, visibility):
    post = make_post(cast["owner"], f"Secret sauce #policytag {visibility}", visibility=visibility)
    _login(client, cast, role)
    expected = role in SEES[visibility]
    thread = client.get(url("post", post.pk))
    assert thread.status_code == (200 if expected else 404)
    marker = "Secret sauce"
    profile = client.get(url("profile", "owner"))
    if role == "blocked":
        assert profile.status_code == 404
    else:
        assert (marker in profile.content.decode()) is expected
    assert (marker in client.get(url("tag", "policytag")).content.decode()) is expected
    search = client.get(url("search") + "?q=sauce").content.decode()
    assert (marker in search) is expected


REPLY_BOX = {
    # reply_policy -> roles that see the reply box on a public post
    "anyone": {"owner", "follower", "stranger"},
    "following": {"owner", "follower"},  # the owner follows "follower" back below
    "nobody": {"owner"},
}
REASONS = {
    "following": "limited replies to people they follow",
    "nobody": "turned off replies",
}


@pytest.mark.parametrize("policy", sorted(REPLY_BOX))
@pytest.mark.parametrize("role", ["owner", "follower", "stranger", "anonymous"])
def test_policy_table_who_sees_the_reply_box(client, cast, role, policy):
    follow(cast["owner"], cast["follower"])
    post = make_post(cast["owner"], "Replies?", reply_policy=policy)
    _login(client, cast, role)
    html = client.get(url("post", post.pk)).content.decode()
    has_box = f'id="reply-{post.pk}"' in html
    assert has_box is (role in REPLY_BOX[policy])
    if not has_box:
        expected = "Log in to reply." if role == "anonymous" else REASONS[policy]
        assert expected in html
    if role != "anonymous":
        response = client.post(url("compose"), {"body": "my reply", "reply_to_id": post.pk})
        assert (response.status_code == 302) is has_box
        assert Post.objects.filter(reply_to=post).exists() is has_box


# --- Query counts -----------------------------------------------------------------------------


def _queries_for(client, path):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        assert client.get(path).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("path", ["/", "/explore/", "/@bob/", "/notifications/"])
def test_feed_pages_do_not_grow_queries_with_items(as_alice, alice, bob, path):
    follow(alice, bob)
    root = make_post(alice, "Quote me")

    services.like_create(actor=bob, post_id=root.pk)

    def add(n):
        for i in range(n):
            post = make_post(bob, f"Post {i} @alice", quote_of_id=root.pk)
            services.like_create(actor=alice, post_id=post.pk)
            services.repost_create(actor=alice, post_id=post.pk)

    add(2)
    _queries_for(as_alice, path)  # the first request also records the session
    few = _queries_for(as_alice, path)
    add(8)
    assert _queries_for(as_alice, path) == few
