"""The policy table: who may see and do what, for each relationship and post setting.

Roles: owner, follower, stranger, blocked (the owner blocked them), blocker (they blocked the
owner), anonymous. Each cell is checked on the predicate AND on the SQL-side selectors
(thread, profile, hashtag, search, home), so the two can never drift apart.
"""

import pytest
from django.contrib.auth.models import AnonymousUser

from primum.accounts import services as account_services
from primum.accounts.tests.factories import UserFactory
from primum.core.errors import NotFound
from primum.identity.tests.helpers import verify
from primum.social import policies, selectors
from primum.social.tests.factories import follow, make_post

pytestmark = pytest.mark.django_db

ROLES = ["owner", "follower", "stranger", "blocked", "blocker", "anonymous"]


@pytest.fixture
def cast():
    owner = UserFactory(username="owner")
    people = {"owner": owner, "anonymous": AnonymousUser()}
    for role in ("follower", "stranger", "blocked", "blocker"):
        people[role] = UserFactory(username=role)
    follow(people["follower"], owner)
    follow(people["blocked"], owner)  # removed by the block below
    account_services.block_create(actor=owner, handle="blocked")
    account_services.block_create(actor=people["blocker"], handle="owner")
    return people


VIEW = {
    "public": {
        "owner": True,
        "follower": True,
        "stranger": True,
        "blocked": False,
        "blocker": False,
        "anonymous": True,
    },
    "followers": {
        "owner": True,
        "follower": True,
        "stranger": False,
        "blocked": False,
        "blocker": False,
        "anonymous": False,
    },
}


def _sees_via_selectors(viewer, post) -> dict[str, bool]:
    try:
        selectors.access_post(viewer, post.pk)
        thread = True
    except NotFound:
        thread = False
    try:
        profile_ids = {i.post.pk for i in selectors.feed_profile(viewer, user=post.author).items}
    except NotFound:
        profile_ids = set()
    return {
        "thread": thread,
        "profile": post.pk in profile_ids,
        "tag": post.pk
        in {i.post.pk for i in selectors.feed_hashtag(viewer, tag="policytable").items},
        "search": post.pk
        in {i.post.pk for i in selectors.search_posts(viewer, query="zebrafish").items},
    }


@pytest.mark.parametrize("visibility", ["public", "followers"])
@pytest.mark.parametrize("role", ROLES)
def test_visibility_table(cast, role, visibility):
    post = make_post(cast["owner"], "zebrafish models #policytable", visibility=visibility)
    viewer = cast[role]
    expected = VIEW[visibility][role]
    assert policies.can_view_post(viewer, post) is expected
    assert _sees_via_selectors(viewer, post) == dict.fromkeys(
        ["thread", "profile", "tag", "search"], expected
    )
    if viewer.is_authenticated and role != "owner":
        home_ids = {i.post.pk for i in selectors.feed_home(viewer).items}
        assert (post.pk in home_ids) is (role == "follower")


# reply control -> roles allowed to reply (owner follows "stranger_followed" for "following")
REPLY = {
    "anyone": {"owner", "follower", "stranger"},
    "following": {"owner", "stranger"},  # the owner follows the stranger in this table
    "mentioned": {"owner", "follower"},  # the follower is mentioned
    "verified": {"owner", "stranger"},  # the stranger is a verified clinician in this table
    "nobody": {"owner"},
}


@pytest.mark.parametrize("control", list(REPLY))
@pytest.mark.parametrize("role", ROLES)
def test_reply_control_table(cast, role, control):
    follow(cast["owner"], cast["stranger"])
    verify(cast["stranger"], "npi")  # a verified clinician; nobody else in the table is
    post = make_post(cast["owner"], "thoughts @follower", reply_policy=control)
    assert policies.can_reply(cast[role], post) is (role in REPLY[control])
    if cast[role].is_authenticated and policies.can_view_post(cast[role], post):
        item = selectors.hydrate(cast[role], [post])[0]
        assert item.can_reply is (role in REPLY[control])


QUOTE = {
    "anyone": {"owner", "follower", "stranger"},
    "followers": {"owner", "follower"},
    "nobody": {"owner"},
}


@pytest.mark.parametrize("control", list(QUOTE))
@pytest.mark.parametrize("role", ROLES)
def test_quote_control_table(cast, role, control):
    post = make_post(cast["owner"], "quotable?", quote_policy=control)
    assert policies.can_quote(cast[role], post) is (role in QUOTE[control])


@pytest.mark.parametrize("role", ROLES)
def test_followers_only_posts_cannot_be_quoted_or_reposted_by_others(cast, role):
    post = make_post(cast["owner"], "inner circle", visibility="followers")
    assert policies.can_quote(cast[role], post) is (role == "owner")
    # A repost is public, so not even the owner may repost a followers-only post.
    assert policies.can_repost(cast[role], post) is False


def test_thread_gate_of_root_applies_to_replies_below(cast):
    root = make_post(cast["owner"], "root", reply_policy="mentioned")
    owner_reply = make_post(cast["owner"], "owner continues", reply_to_id=root.pk)
    assert not policies.can_reply(cast["stranger"], owner_reply)


def test_block_hides_profile_both_ways(cast):
    for viewer, target in (
        ("blocked", "owner"),
        ("owner", "blocked"),
        ("blocker", "owner"),
        ("owner", "blocker"),
    ):
        with pytest.raises(NotFound):
            selectors.profile_view(cast[viewer], target)


def test_mute_hides_from_feeds_but_not_profile(cast):
    post = make_post(cast["owner"], "muted words #policytable")
    account_services.mute_create(actor=cast["follower"], handle="owner", duration="1d")
    viewer = cast["follower"]
    assert post.pk not in {i.post.pk for i in selectors.feed_home(viewer).items}
    assert post.pk not in {
        i.post.pk for i in selectors.feed_hashtag(viewer, tag="policytable").items
    }
    assert post.pk in {i.post.pk for i in selectors.feed_profile(viewer, user=cast["owner"]).items}
