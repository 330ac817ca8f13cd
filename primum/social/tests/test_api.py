"""The social JSON API end to end: posts, threads, reactions, feeds, search, people,
notifications. Cross-cutting error, auth and OpenAPI checks live in primum/api/tests."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from primum.accounts import services as account_services
from primum.accounts.models import COIDisclosure
from primum.accounts.tests.factories import UserFactory
from primum.api.tests.clients import ApiClient, anonymous_client, token_client
from primum.social import services
from primum.social.models import Bookmark, Follow, Like, Notification, Post, PostEdit
from primum.social.tests.factories import follow, make_post

pytestmark = pytest.mark.django_db

POST_KEYS = {
    "id",
    "url",
    "author",
    "body",
    "html",
    "content_warning",
    "visibility",
    "created_at",
    "edited_at",
    "reply_to_id",
    "thread_root_id",
    "quote",
    "reply_count",
    "like_count",
    "repost_count",
    "quote_count",
    "reply_policy",
    "quote_policy",
    "viewer",
}


@pytest.fixture
def alice():
    return UserFactory(username="alice", display_name="Alice Ng")


@pytest.fixture
def bob():
    return UserFactory(username="bob")


@pytest.fixture
def as_alice(alice) -> ApiClient:
    return token_client(alice)


@pytest.fixture
def as_bob(bob) -> ApiClient:
    return token_client(bob)


# --- Posts -------------------------------------------------------------------------------


def test_create_post_returns_the_post_object(alice, as_alice):
    response = as_alice.post_json(
        "/posts",
        {
            "body": "Read the new #MedEd guideline <b>today</b> https://example.org/g",
            "content_warning": "long read",
            "reply_policy": "following",
            "quote_policy": "nobody",
        },
    )
    assert response.status_code == 201, response.content
    data = response.json()
    post = Post.objects.get()
    assert set(POST_KEYS) <= set(data)
    assert data["id"] == post.pk
    assert data["url"] == f"/posts/{post.pk}/"
    assert data["author"] == {
        "handle": "alice",
        "display_name": "Alice Ng",
        "profession": "physician",
        "profession_label": "Physician (attending)",
        "credentials": "",
    }
    assert data["body"] == "Read the new #MedEd guideline <b>today</b> https://example.org/g"
    assert "&lt;b&gt;today&lt;/b&gt;" in data["html"]
    assert '<a class="hashtag" href="/tags/meded/">#MedEd</a>' in data["html"]
    assert '<a href="https://example.org/g"' in data["html"]
    assert data["content_warning"] == "long read"
    assert data["visibility"] == "public"
    assert (data["reply_policy"], data["quote_policy"]) == ("following", "nobody")
    assert data["quote"] is None
    assert data["edited_at"] is None
    assert data["viewer"] == {
        "liked": False,
        "bookmarked": False,
        "reposted": False,
        "can_reply": True,
        "can_quote": True,
    }


def test_get_post_anonymous_public_and_followers_only_hidden(alice, bob, as_bob):
    public = make_post(alice, "public words")
    private = make_post(alice, "for followers", visibility="followers")
    anonymous = anonymous_client()
    assert anonymous.get_json(f"/posts/{public.pk}").json()["body"] == "public words"
    for client in (anonymous, as_bob):
        response = client.get_json(f"/posts/{private.pk}")
        assert response.status_code == 404
        assert response.json()["code"] == "post_not_found"
    follow(bob, alice)
    assert as_bob.get_json(f"/posts/{private.pk}").json()["body"] == "for followers"


def test_unknown_post_is_404(as_alice):
    for path in ("/posts/999999", "/posts/999999/thread", "/posts/999999/history"):
        response = as_alice.get_json(path)
        assert response.status_code == 404
        assert response.json() == {
            "code": "post_not_found",
            "message": "This post does not exist or is not visible to you.",
            "detail": {},
        }


def test_edit_keeps_history(alice, as_alice):
    post = make_post(alice, "first version")
    response = as_alice.patch_json(f"/posts/{post.pk}", {"body": "second <i>version</i>"})
    assert response.status_code == 200
    data = response.json()
    assert data["body"] == "second <i>version</i>"
    assert data["html"] == "second &lt;i&gt;version&lt;/i&gt;"
    assert data["edited_at"] is not None
    history = as_alice.get_json(f"/posts/{post.pk}/history").json()
    assert history["post_id"] == post.pk
    assert [v["body"] for v in history["items"]] == ["first version"]
    assert history["next_cursor"] is None


def test_edit_by_someone_else_is_refused_and_changes_nothing(alice, as_bob):
    post = make_post(alice, "mine")
    response = as_bob.patch_json(f"/posts/{post.pk}", {"body": "hijacked"})
    assert response.status_code == 403
    assert response.json()["code"] == "not_author"
    post.refresh_from_db()
    assert post.body == "mine"
    assert not PostEdit.objects.exists()


def test_delete_own_post_then_it_is_gone(alice, bob, as_alice, as_bob):
    post = make_post(alice, "to delete")
    response = as_bob.delete_json(f"/posts/{post.pk}")
    assert response.status_code == 404
    assert Post.objects.get(pk=post.pk).deleted_at is None
    response = as_alice.delete_json(f"/posts/{post.pk}")
    assert response.status_code == 204
    assert response.content == b""
    assert as_alice.get_json(f"/posts/{post.pk}").status_code == 404
    assert as_alice.delete_json(f"/posts/{post.pk}").status_code == 404


def test_thread_with_depth_and_tombstones(alice, bob, as_alice, as_bob):
    root = make_post(alice, "root")
    first = make_post(bob, "first reply", reply_to_id=root.pk)
    deep = make_post(alice, "deeper", reply_to_id=first.pk)
    gone = make_post(bob, "soon deleted", reply_to_id=root.pk)
    services.post_delete(actor=bob, post_id=gone.pk)

    data = as_bob.get_json(f"/posts/{root.pk}/thread").json()
    assert data["ancestors"] == []
    assert data["focus"]["id"] == root.pk
    replies = [(r["id"], r["depth"], r.get("deleted", False)) for r in data["replies"]]
    assert replies == [(first.pk, 1, False), (deep.pk, 2, False), (gone.pk, 1, True)]
    tombstone = data["replies"][2]
    assert tombstone == {"id": gone.pk, "deleted": True, "depth": 1}

    data = as_alice.get_json(f"/posts/{deep.pk}/thread").json()
    assert [a["id"] for a in data["ancestors"]] == [root.pk, first.pk]
    assert data["focus"]["thread_root_id"] == root.pk
    assert data["focus"]["reply_to_id"] == first.pk


def test_thread_shows_deleted_ancestor_as_tombstone(alice, bob, as_bob):
    root = make_post(alice, "root that will go")
    reply = make_post(bob, "reply", reply_to_id=root.pk)
    services.post_delete(actor=alice, post_id=root.pk)
    data = as_bob.get_json(f"/posts/{reply.pk}/thread").json()
    assert data["ancestors"] == [{"id": root.pk, "deleted": True}]


def test_reply_through_api_and_reply_controls(alice, bob, as_alice, as_bob):
    root = make_post(alice, "root")
    response = as_bob.post_json("/posts", {"body": "a reply", "reply_to_id": root.pk})
    assert response.status_code == 201
    assert response.json()["reply_to_id"] == root.pk
    assert as_bob.get_json(f"/posts/{root.pk}").json()["reply_count"] == 1

    response = as_alice.put_json(f"/posts/{root.pk}/controls", {"reply_policy": "nobody"})
    assert response.status_code == 200
    assert response.json()["reply_policy"] == "nobody"
    assert as_bob.get_json(f"/posts/{root.pk}").json()["viewer"]["can_reply"] is False
    response = as_bob.post_json("/posts", {"body": "another", "reply_to_id": root.pk})
    assert response.status_code == 403
    assert response.json()["code"] == "reply_not_allowed"
    assert response.json()["detail"] == {"field": "reply_to_id"}
    assert Post.objects.filter(author=bob).count() == 1


def test_controls_validation_and_ownership(alice, as_alice, as_bob):
    post = make_post(alice, "root")
    response = as_alice.put_json(f"/posts/{post.pk}/controls", {"quote_policy": "everyone!"})
    assert response.status_code == 422
    assert response.json()["code"] == "invalid_choice"
    assert response.json()["detail"]["field"] == "quote_policy"
    response = as_bob.put_json(f"/posts/{post.pk}/controls", {"reply_policy": "nobody"})
    assert response.status_code == 403
    post.refresh_from_db()
    assert (post.reply_policy, post.quote_policy) == ("anyone", "anyone")


def test_quote_and_detach(alice, bob, as_alice, as_bob):
    original = make_post(alice, "original thought")
    response = as_bob.post_json("/posts", {"body": "quoting this", "quote_of_id": original.pk})
    assert response.status_code == 201
    quote = response.json()
    assert quote["quote"]["id"] == original.pk
    assert quote["quote"]["unavailable"] is False
    assert quote["quote"]["body"] == "original thought"
    assert quote["quote"]["author"]["handle"] == "alice"

    # Only the quoted author may detach.
    assert as_bob.post_json(f"/posts/{quote['id']}/detach-quote").status_code == 404
    response = as_alice.post_json(f"/posts/{quote['id']}/detach-quote")
    assert response.status_code == 200
    assert response.json() == {"id": quote["id"], "quote_detached": True}
    data = as_bob.get_json(f"/posts/{quote['id']}").json()
    assert data["quote"] == {"unavailable": True}
    assert as_alice.get_json(f"/posts/{original.pk}").json()["quote_count"] == 0


def test_quote_of_hidden_post_is_unavailable(alice, bob, as_bob):
    original = make_post(alice, "original")
    quote = make_post(bob, "quoting", quote_of_id=original.pk)
    services.post_delete(actor=alice, post_id=original.pk)
    assert as_bob.get_json(f"/posts/{quote.pk}").json()["quote"] == {"unavailable": True}


def test_quote_not_allowed(alice, as_bob):
    original = make_post(alice, "no quotes please", quote_policy="nobody")
    response = as_bob.post_json("/posts", {"body": "quoting", "quote_of_id": original.pk})
    assert response.status_code == 403
    assert response.json()["code"] == "quote_not_allowed"
    assert Post.objects.count() == 1


# --- Reactions ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("action", "flag", "counter", "model_count"),
    [
        ("like", "liked", "like_count", lambda: Like.objects.count()),
        (
            "repost",
            "reposted",
            "repost_count",
            lambda: Post.objects.exclude(repost_of=None).count(),
        ),
        ("bookmark", "bookmarked", None, lambda: Bookmark.objects.count()),
    ],
)
def test_reactions_are_idempotent(alice, as_bob, action, flag, counter, model_count):
    post = make_post(alice, "react to me")
    for _ in range(2):
        response = as_bob.post_json(f"/posts/{post.pk}/{action}")
        assert response.status_code == 200, response.content
        data = response.json()
        assert data["id"] == post.pk
        assert data["viewer"][flag] is True
        if counter:
            assert data[counter] == 1
        assert model_count() == 1
    for _ in range(2):
        response = as_bob.delete_json(f"/posts/{post.pk}/{action}")
        assert response.status_code == 200
        data = response.json()
        assert data["viewer"][flag] is False
        if counter:
            assert data[counter] == 0
        assert model_count() == 0


def test_reacting_to_a_repost_id_acts_on_the_original(alice, bob, as_alice):
    post = make_post(alice, "original")
    repost = services.repost_create(actor=bob, post_id=post.pk)
    data = as_alice.post_json(f"/posts/{repost.pk}/like").json()
    assert data["id"] == post.pk
    assert data["like_count"] == 1


def test_reaction_on_invisible_post_is_404(alice, as_bob):
    private = make_post(alice, "followers only", visibility="followers")
    for action in ("like", "repost", "bookmark"):
        assert as_bob.post_json(f"/posts/{private.pk}/{action}").status_code == 404
    assert not Like.objects.exists()
    assert not Bookmark.objects.exists()
    assert Post.objects.count() == 1


def test_repost_of_followers_only_post_refused(alice, bob, as_bob):
    follow(bob, alice)
    private = make_post(alice, "followers only", visibility="followers")
    response = as_bob.post_json(f"/posts/{private.pk}/repost")
    assert response.status_code == 403
    assert response.json()["code"] == "repost_not_allowed"
    assert Post.objects.count() == 1


# --- Feeds -------------------------------------------------------------------------------


def test_home_timeline_shows_follows_and_reposts(alice, bob, as_alice):
    carol = UserFactory(username="carol")
    follow(alice, bob)
    own = make_post(alice, "mine")
    bobs = make_post(bob, "from bob")
    carols = make_post(carol, "from carol")
    services.repost_create(actor=bob, post_id=carols.pk)
    data = as_alice.get_json("/timelines/home").json()
    ids = [(item["id"], (item["reposted_by"] or {}).get("handle")) for item in data["items"]]
    assert ids == [(carols.pk, "bob"), (bobs.pk, None), (own.pk, None)]
    assert data["next_cursor"] is None


def test_home_timeline_needs_a_user():
    response = anonymous_client().get_json("/timelines/home")
    assert response.status_code == 401
    assert response.json()["code"] == "not_authenticated"


def test_cursor_pagination_walks_every_item_once(alice, as_alice):
    posts = [make_post(alice, f"post {i}") for i in range(5)]
    seen: list[int] = []
    cursor = None
    for _ in range(5):
        params = {"limit": 2} | ({"cursor": cursor} if cursor else {})
        data = as_alice.get_json("/timelines/explore", params).json()
        seen += [item["id"] for item in data["items"]]
        cursor = data["next_cursor"]
        if cursor is None:
            break
    assert seen == [p.pk for p in reversed(posts)]


@pytest.mark.parametrize(
    ("params", "code", "field"),
    [
        ({"limit": 0}, "invalid", "limit"),
        ({"limit": 101}, "invalid", "limit"),
        ({"limit": "ten"}, "invalid", "limit"),
        ({"cursor": "not-a-cursor"}, "invalid_cursor", "cursor"),
        ({"cursor": "x" * 201}, "invalid", "cursor"),
    ],
)
def test_bad_page_parameters(as_alice, params, code, field):
    response = as_alice.get_json("/timelines/explore", params)
    assert response.status_code == 422
    assert response.json()["code"] == code
    assert response.json()["detail"]["field"] == field


def test_home_timeline_has_no_n_plus_one(alice, bob, as_alice):
    carol = UserFactory(username="carol")
    follow(alice, bob)
    follow(alice, carol)
    quoted = make_post(carol, "quoted")
    for i in range(20):
        post = make_post(bob, f"bob {i} @alice #tag", quote_of_id=quoted.pk)
        reply = make_post(carol, f"carol reply {i}", reply_to_id=post.pk)
        services.repost_create(actor=carol, post_id=post.pk)
        services.like_create(actor=alice, post_id=reply.pk)
        services.bookmark_create(actor=alice, post_id=post.pk)
    as_alice.get_json("/timelines/home", {"limit": 1})  # warm up session/token bookkeeping
    counts = {}
    for limit in (5, 40):
        with CaptureQueriesContext(connection) as queries:
            response = as_alice.get_json("/timelines/home", {"limit": limit})
        assert response.status_code == 200
        assert len(response.json()["items"]) == limit
        counts[limit] = len(queries)
    assert counts[5] == counts[40]


def test_profile_feed_with_and_without_replies(alice, bob):
    root = make_post(bob, "root")
    reply = make_post(alice, "reply", reply_to_id=root.pk)
    top = make_post(alice, "top level")
    client = anonymous_client()
    data = client.get_json("/users/alice/posts").json()
    assert [i["id"] for i in data["items"]] == [top.pk]
    data = client.get_json("/users/ALICE/posts", {"replies": "true"}).json()
    assert [i["id"] for i in data["items"]] == [top.pk, reply.pk]
    assert client.get_json("/users/nobody_here/posts").status_code == 404


def test_tag_feed_and_bookmarks(alice, bob, as_alice):
    tagged = make_post(bob, "about #BCSM today")
    make_post(bob, "untagged")
    data = anonymous_client().get_json("/tags/bcsm/posts").json()
    assert [i["id"] for i in data["items"]] == [tagged.pk]
    assert anonymous_client().get_json("/tags/unknown/posts").json() == {
        "items": [],
        "next_cursor": None,
    }
    services.bookmark_create(actor=alice, post_id=tagged.pk)
    data = as_alice.get_json("/me/bookmarks").json()
    assert [i["id"] for i in data["items"]] == [tagged.pk]
    assert data["items"][0]["viewer"]["bookmarked"] is True
    assert anonymous_client().get_json("/me/bookmarks").status_code == 401


def test_blocked_author_disappears_from_feeds(alice, bob, as_alice):
    post = make_post(bob, "hello #tag")
    account_services.block_create(actor=alice, handle="bob")
    assert as_alice.get_json("/timelines/explore").json()["items"] == []
    assert as_alice.get_json("/tags/tag/posts").json()["items"] == []
    assert as_alice.get_json(f"/posts/{post.pk}").status_code == 404
    assert as_alice.get_json("/users/bob").status_code == 404


# --- Search ------------------------------------------------------------------------------


def test_search_posts_and_people(alice, bob):
    hit = make_post(bob, "Sepsis bundles save lives")
    make_post(bob, "unrelated")
    account_services.profile_update(user=bob, affiliation="Mercy Hospital")
    client = anonymous_client()
    data = client.get_json("/search/posts", {"q": "sepsis"}).json()
    assert [i["id"] for i in data["items"]] == [hit.pk]
    data = client.get_json("/search/people", {"q": "mercy"}).json()
    assert [p["handle"] for p in data["items"]] == ["bob"]
    assert data["items"][0]["specialty_label"] == "Internal medicine"
    assert client.get_json("/search/posts", {"q": ""}).json()["items"] == []


def test_search_refuses_bad_queries(as_alice):
    response = as_alice.get_json("/search/posts", {"q": "x" * 201})
    assert response.status_code == 422
    assert response.json()["code"] == "too_long"
    assert response.json()["detail"]["field"] == "q"
    response = as_alice.get_json("/search/people")
    assert response.status_code == 422
    assert response.json()["detail"]["field"] == "q"


# --- People ------------------------------------------------------------------------------


def test_profile_shows_professional_identity(alice, bob, as_bob):
    account_services.profile_update(
        user=alice,
        credentials="MD, FACP",
        affiliation="City Hospital",
        bio="Internist. <script>alert(1)</script> #MedEd",
        links=[{"label": "Lab", "url": "https://lab.example.org"}],
    )
    COIDisclosure.objects.create(
        user=alice,
        entity="Acme Pharma",
        relationship="consulting",
        start_date=datetime.date(2020, 1, 1),
    )
    COIDisclosure.objects.create(
        user=alice,
        entity="Old Devices Inc",
        relationship="speaker",
        start_date=datetime.date(2015, 1, 1),
        end_date=datetime.date(2016, 1, 1),
    )
    follow(bob, alice)
    make_post(alice, "a post")
    data = as_bob.get_json("/users/alice").json()
    assert data["handle"] == "alice"
    assert data["display_name"] == "Alice Ng"
    assert (data["profession"], data["profession_label"]) == ("physician", "Physician (attending)")
    assert (data["specialty"], data["specialty_label"]) == (
        "internal_medicine",
        "Internal medicine",
    )
    assert data["credentials"] == "MD, FACP"
    assert data["affiliation"] == "City Hospital"
    assert data["bio"] == "Internist. <script>alert(1)</script> #MedEd"
    assert "<script>" not in data["bio_html"]
    assert data["disclaimer"] == "Views are my own."
    assert data["links"] == [{"label": "Lab", "url": "https://lab.example.org"}]
    assert [d["entity"] for d in data["disclosures"]["current"]] == ["Acme Pharma"]
    assert data["disclosures"]["current"][0]["relationship_label"] == "Consulting"
    assert data["disclosures"]["past"][0] == {
        "entity": "Old Devices Inc",
        "relationship": "speaker",
        "relationship_label": "Speaker's bureau",
        "description": "",
        "start_date": "2015-01-01",
        "end_date": "2016-01-01",
    }
    assert data["counts"] == {"followers": 1, "following": 0, "posts": 1}
    assert data["viewer"] == {
        "is_self": False,
        "following": True,
        "followed_by": False,
        "muting": False,
    }


def test_unknown_or_malformed_handle_is_404(as_alice):
    for handle in ("nobody_here", "bad%20handle", "x" * 80):
        response = as_alice.get_json(f"/users/{handle}")
        assert response.status_code == 404
        assert response.json()["code"] == "user_not_found"


def test_follow_and_unfollow_are_idempotent(alice, bob, as_alice):
    for _ in range(2):
        response = as_alice.post_json("/users/bob/follow")
        assert response.status_code == 200
        assert response.json()["viewer"]["following"] is True
        assert response.json()["counts"]["followers"] == 1
    assert Notification.objects.filter(recipient=bob, kind="follow").count() == 1
    followers = anonymous_client().get_json("/users/bob/followers").json()
    assert [p["handle"] for p in followers["items"]] == ["alice"]
    following = anonymous_client().get_json("/users/alice/following").json()
    assert [p["handle"] for p in following["items"]] == ["bob"]
    for _ in range(2):
        response = as_alice.delete_json("/users/bob/follow")
        assert response.status_code == 200
        assert response.json()["viewer"]["following"] is False
    assert not Follow.objects.exists()


def test_follow_self_and_unknown(as_alice):
    response = as_alice.post_json("/users/alice/follow")
    assert response.status_code == 422
    assert response.json()["code"] == "follow_self"
    assert as_alice.post_json("/users/ghost/follow").status_code == 404
    assert not Follow.objects.exists()


# --- Notifications -----------------------------------------------------------------------


def test_notifications_list_count_and_mark_read(alice, bob, as_alice):
    post = make_post(alice, "root")
    reply = make_post(bob, "reply", reply_to_id=post.pk)
    services.like_create(actor=bob, post_id=post.pk)
    services.follow_create(actor=bob, handle="alice")
    data = as_alice.get_json("/notifications").json()
    assert [n["kind"] for n in data["items"]] == ["follow", "like", "reply"]
    reply_note = data["items"][2]
    assert reply_note["actor"]["handle"] == "bob"
    assert reply_note["post"] == {
        "id": reply.pk,
        "url": f"/posts/{reply.pk}/",
        "body": "reply",
        "html": "reply",
        "safety": None,
    }
    assert reply_note["text"] == "replied to your post"
    assert reply_note["read"] is False
    assert data["items"][0]["post"] is None
    assert as_alice.get_json("/notifications/unread-count").json() == {"count": 3}

    response = as_alice.post_json("/notifications/read", {"up_to_id": data["items"][1]["id"]})
    assert response.json() == {"marked": 2, "unread_count": 1}
    unread = as_alice.get_json("/notifications", {"unread": "true"}).json()
    assert [n["kind"] for n in unread["items"]] == ["follow"]
    response = as_alice.post_json("/notifications/read")
    assert response.json() == {"marked": 1, "unread_count": 0}


def test_notifications_need_a_user_and_valid_up_to_id(as_alice):
    assert anonymous_client().get_json("/notifications").status_code == 401
    assert anonymous_client().get_json("/notifications/unread-count").status_code == 401
    response = as_alice.post_json("/notifications/read", {"up_to_id": "abc"})
    assert response.status_code == 422
    assert response.json()["detail"]["field"] == "up_to_id"
