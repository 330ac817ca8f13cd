"""Post, reaction and follow services: behaviour, counters, validation and notifications."""

import pytest

from primum.accounts import services as account_services
from primum.accounts.tests.factories import UserFactory
from primum.core.errors import NotFound, PermissionDenied, ValidationError
from primum.social import selectors, services
from primum.social.models import Hashtag, Mention, Notification, Post, PostEdit
from primum.social.tests.factories import follow, make_post

pytestmark = pytest.mark.django_db


def test_post_create_stores_entities_and_notifies_mentions():
    alice, bob = UserFactory(), UserFactory()
    post = make_post(alice, f"Great #MedEd thread, @{bob.username.upper()} #FOAMed")
    assert set(Hashtag.objects.values_list("name", flat=True)) == {"meded", "foamed"}
    assert list(Mention.objects.filter(post=post).values_list("user_id", flat=True)) == [bob.pk]
    assert Notification.objects.get(recipient=bob).kind == "mention"


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ("", "empty"),
        ("x" * 501, "too_long"),
        ("a\u202eb", "bidi_control"),
        ("a\u200bb", "invisible_character"),
        ("a\x00", "control_character"),
        (12, "invalid_type"),
    ],
)
def test_post_create_rejects_bad_body_and_stores_nothing(body, code):
    alice = UserFactory()
    with pytest.raises(ValidationError) as info:
        make_post(alice, body)
    assert info.value.code == code
    assert info.value.detail["field"] == "body"
    assert Post.objects.count() == 0


def test_reply_threads_counts_and_notifies():
    alice, bob = UserFactory(), UserFactory()
    root = make_post(alice, "root")
    reply = make_post(bob, "reply", reply_to_id=root.pk)
    reply2 = make_post(alice, "reply to reply", reply_to_id=reply.pk)
    assert reply2.thread_root_id == root.pk
    root.refresh_from_db()
    assert root.reply_count == 1
    assert Notification.objects.filter(recipient=alice, kind="reply", actor=bob).exists()
    thread = selectors.thread(bob, reply2.pk)
    assert [i.post.pk for i in thread.ancestors] == [root.pk, reply.pk]


def test_edit_keeps_history_and_delete_leaves_tombstone():
    alice, bob = UserFactory(), UserFactory()
    root = make_post(alice, "first version")
    reply = make_post(bob, "a reply", reply_to_id=root.pk)
    services.post_edit(actor=alice, post_id=root.pk, body="second version")
    assert list(PostEdit.objects.values_list("body", flat=True)) == ["first version"]
    with pytest.raises(PermissionDenied):
        services.post_edit(actor=bob, post_id=root.pk, body="hijack")
    services.post_delete(actor=alice, post_id=root.pk)
    root.refresh_from_db()
    assert root.deleted_at is not None and root.body == ""
    thread = selectors.thread(bob, reply.pk)
    assert thread.ancestors[0].tombstone is True


def test_reply_controls():
    alice, bob, carol = UserFactory(), UserFactory(), UserFactory()
    follow(alice, bob)
    post = make_post(alice, "only people I follow", reply_policy="following")
    make_post(bob, "I may", reply_to_id=post.pk)
    with pytest.raises(PermissionDenied) as info:
        make_post(carol, "I may not", reply_to_id=post.pk)
    assert info.value.code == "reply_not_allowed"
    mentioned = make_post(alice, f"hi @{carol.username}", reply_policy="mentioned")
    make_post(carol, "mentioned, so I may", reply_to_id=mentioned.pk)
    with pytest.raises(PermissionDenied):
        make_post(bob, "not mentioned", reply_to_id=mentioned.pk)
    nobody = make_post(alice, "no replies", reply_policy="nobody")
    with pytest.raises(PermissionDenied):
        make_post(bob, "no", reply_to_id=nobody.pk)
    make_post(alice, "the author still may", reply_to_id=nobody.pk)


def test_quote_controls_and_detach():
    alice, bob, carol = UserFactory(), UserFactory(), UserFactory()
    follow(bob, alice)
    post = make_post(alice, "quotable by followers", quote_policy="followers")
    quote = make_post(bob, "quoting", quote_of_id=post.pk)
    with pytest.raises(PermissionDenied):
        make_post(carol, "not a follower", quote_of_id=post.pk)
    with pytest.raises(NotFound):
        services.quote_detach(actor=carol, quote_id=quote.pk)
    services.quote_detach(actor=alice, quote_id=quote.pk)
    item = selectors.hydrate(carol, [Post.objects.get(pk=quote.pk)])[0]
    assert item.quoted is None


def test_like_repost_bookmark_are_idempotent_and_counted():
    alice, bob = UserFactory(), UserFactory()
    post = make_post(alice, "like me")
    for _ in range(2):
        services.like_create(actor=bob, post_id=post.pk)
        services.repost_create(actor=bob, post_id=post.pk)
        services.bookmark_create(actor=bob, post_id=post.pk)
    post.refresh_from_db()
    assert (post.like_count, post.repost_count) == (1, 1)
    services.like_delete(actor=bob, post_id=post.pk)
    services.repost_delete(actor=bob, post_id=post.pk)
    post.refresh_from_db()
    assert (post.like_count, post.repost_count) == (0, 0)


def test_unknown_and_invisible_ids_are_not_found():
    alice, bob = UserFactory(), UserFactory()
    private = make_post(alice, "followers only", visibility="followers")
    for bad in (private.pk, 999999, "abc", None):
        with pytest.raises(NotFound):
            services.like_create(actor=bob, post_id=bad)


def test_block_hides_both_ways_and_prevents_interaction():
    alice, bob = UserFactory(), UserFactory()
    follow(bob, alice)
    post = make_post(alice, "hello #bcsm")
    account_services.block_create(actor=alice, handle=bob.username)
    assert not selectors.feed_home(bob).items
    assert not selectors.feed_hashtag(bob, tag="bcsm").items
    assert not selectors.search_posts(bob, query="hello").items
    with pytest.raises(NotFound):
        make_post(bob, "reply", reply_to_id=post.pk)
    with pytest.raises(NotFound):
        services.follow_create(actor=bob, handle=alice.username)
    make_post(bob, f"@{alice.username} hey")
    assert not Notification.objects.filter(recipient=alice, actor=bob, kind="mention").exists()
    assert selectors.notifications(alice).items == []
    assert selectors.notification_unread_count(user=alice) == 0
    bob_post = make_post(bob, "bob speaks")
    with pytest.raises(NotFound):
        selectors.access_post(alice, bob_post.pk)


def test_search_finds_visible_posts_on_every_backend():
    alice, bob = UserFactory(), UserFactory()
    make_post(alice, "Tamoxifen adherence in #bcsm")
    make_post(alice, "secret tamoxifen note", visibility="followers")
    results = selectors.search_posts(bob, query="tamoxifen")
    assert [i.post.body for i in results.items] == ["Tamoxifen adherence in #bcsm"]


def test_staff_can_delete_posts_they_cannot_see_as_members():
    alice, staff = UserFactory(), UserFactory()
    staff.is_staff = True
    staff.save(update_fields=["is_staff"])
    private = make_post(alice, "followers only", visibility="followers")
    services.post_delete(actor=staff, post_id=private.pk)
    private.refresh_from_db()
    assert private.deleted_at is not None


def test_block_and_mute_refuse_impossible_handles():
    alice = UserFactory()
    for handle in ("a\x00b", "no spaces", "x" * 31):
        with pytest.raises(NotFound):
            account_services.block_create(actor=alice, handle=handle)
