"""feed_home runs its ORM query compiled once per shape, with the viewer, the time and the
cursor swapped in per call. These tests check it returns exactly what the ORM query built
for that viewer returns, over a fixture with every rule the home feed applies."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from primum.accounts import services as account_services
from primum.accounts.models import Mute
from primum.accounts.tests.factories import UserFactory
from primum.core.models import SafetyDecision
from primum.social import selectors, services
from primum.social.models import Post
from primum.social.tests.factories import follow, make_post

pytestmark = pytest.mark.django_db


def _signature(page):
    return (
        [
            (
                item.row_id,
                item.post.pk,
                item.reposted_by.pk if item.reposted_by else None,
                item.quoted.pk if item.quoted else None,
                item.quote_unavailable,
                item.liked,
                item.bookmarked,
                item.reposted,
                item.can_reply,
                item.can_quote,
                item.post.author.username,
                item.post.author.profile.display_name,
                item.post.reply_to.author.username if item.post.reply_to_id else None,
                item.post.body,
            )
            for item in page.items
        ],
        page.next_cursor,
    )


def _orm_page(viewer, *, cursor=None, limit=None):
    """The same page through the plain ORM path (built and compiled for this call)."""
    return selectors._page(viewer, selectors.feed_home_queryset(viewer), cursor=cursor, limit=limit)


@pytest.fixture
def world():
    """Three viewers with follows, blocks both ways, mutes (forever, timed, expired),
    followers-only posts, replies to strangers and to followees, reposts of hidden posts,
    quotes, deleted and held posts."""
    ann, ben, cat, dan, eve, fay, gus = (
        UserFactory(username=name) for name in ("ann", "ben", "cat", "dan", "eve", "fay", "gus")
    )
    for a, b in [(ann, ben), (ann, cat), (ann, dan), (ann, eve), (ann, fay), (ben, ann),
                 (ben, cat), (cat, ann), (cat, gus), (dan, ann), (gus, ann)]:  # fmt: skip
        follow(a, b)
    stranger_post = make_post(gus, "a stranger's post")
    posts = {}
    for author in (ann, ben, cat, dan, eve, fay, gus):
        posts[author.username] = make_post(author, f"hello from {author.username} #meded")
        make_post(author, f"followers only from {author.username}", visibility="followers")
    make_post(ben, "ben answers a stranger", reply_to_id=stranger_post.pk)
    make_post(ben, "ben answers cat", reply_to_id=posts["cat"].pk)
    make_post(cat, "cat answers ann", reply_to_id=posts["ann"].pk)
    services.repost_create(actor=ben, post_id=posts["gus"].pk)
    services.repost_create(actor=cat, post_id=posts["dan"].pk)
    make_post(dan, "dan quotes gus", quote_of_id=posts["gus"].pk)
    make_post(eve, "eve quotes ann", quote_of_id=posts["ann"].pk)
    make_post(ben, "ben quotes cat", quote_of_id=posts["cat"].pk)
    gone = make_post(ben, "ben deletes this")
    services.post_delete(actor=ben, post_id=gone.pk)
    held = make_post(cat, "held for review")
    Post.objects.filter(pk=held.pk).update(safety_decision=SafetyDecision.HOLD)
    own_held = make_post(ann, "ann's own held post")
    Post.objects.filter(pk=own_held.pk).update(safety_decision=SafetyDecision.HOLD)
    services.like_create(actor=ann, post_id=posts["ben"].pk)
    services.bookmark_create(actor=ann, post_id=posts["cat"].pk)
    services.repost_create(actor=ann, post_id=posts["ben"].pk)
    account_services.block_create(actor=ann, handle="dan")  # ann blocks dan
    account_services.block_create(actor=gus, handle="cat")  # gus blocks cat
    account_services.mute_create(actor=ann, handle="eve")  # forever
    account_services.mute_create(actor=ann, handle="fay", duration="1h")
    account_services.mute_create(actor=ben, handle="cat", duration="1h")
    Mute.objects.filter(muter=ben).update(expires_at=timezone.now() - timedelta(minutes=1))
    for i in range(12):
        make_post(ben if i % 2 else cat, f"filler {i}")
    return {"ann": ann, "ben": ben, "cat": cat, "gus": gus}


@pytest.mark.parametrize("name", ["ann", "ben", "cat", "gus"])
@pytest.mark.parametrize("limit", [3, 7, 20])
def test_feed_home_equals_the_orm_query_on_every_page(world, name, limit):
    viewer = world[name]
    cursor, pages = None, 0
    while True:
        got = selectors.feed_home(viewer, cursor=cursor, limit=limit)
        expected = _orm_page(viewer, cursor=cursor, limit=limit)
        assert _signature(got) == _signature(expected)
        pages += 1
        cursor = got.next_cursor
        if cursor is None:
            break
    assert pages >= 1


def test_fixture_exercises_the_rules(world):
    ann = world["ann"]
    bodies = {item.post.body for item in selectors.feed_home(ann, limit=100).items}
    assert "hello from ben #meded" in bodies
    assert "followers only from ben" in bodies  # ann follows ben
    assert "ann's own held post" in bodies  # held posts: only their author sees them
    assert "held for review" not in bodies
    assert "ben answers cat" in bodies  # a reply to someone ann follows
    assert "ben answers a stranger" not in bodies
    assert not {"hello from dan #meded", "hello from eve #meded", "hello from fay #meded"} & bodies
    assert "ben deletes this" not in bodies
    # ben's timed mute of cat has expired: cat is back in ben's feed.
    ben_bodies = {item.post.body for item in selectors.feed_home(world["ben"], limit=100).items}
    assert "hello from cat #meded" in ben_bodies


def test_a_change_of_rules_between_calls_is_seen(world):
    """Parameters are bound per call: a new mute or block applies to the next page."""
    ann = world["ann"]
    before = {item.post.author.username for item in selectors.feed_home(ann, limit=100).items}
    assert "cat" in before
    account_services.mute_create(actor=ann, handle="cat", duration="1h")
    after = {item.post.author.username for item in selectors.feed_home(ann, limit=100).items}
    assert "cat" not in after
    Mute.objects.filter(muter=ann, muted=world["cat"]).update(
        expires_at=timezone.now() - timedelta(seconds=1)
    )
    expired = {item.post.author.username for item in selectors.feed_home(ann, limit=100).items}
    assert "cat" in expired


def test_one_sql_text_for_every_viewer(world):
    """Same SQL whatever the viewer (so PostgreSQL can reuse one prepared statement)."""
    texts = set()
    for name in ("ann", "ben", "cat"):
        with CaptureQueriesContext(connection) as queries:
            selectors.feed_home(world[name], limit=20)
        feed_sql = [
            q["sql"] for q in queries.captured_queries if '"social_post"."body"' in q["sql"]
        ]
        texts.add(_without_values(feed_sql[0]))
    assert len(texts) == 1


def _without_values(sql: str) -> str:
    """CaptureQueriesContext shows parameters interpolated: blank out the numbers."""
    import re

    return re.sub(r"\b\d+\b|'[^']*'", "?", sql)


@pytest.mark.parametrize("name", ["ann", "ben"])
def test_api_home_answer_equals_the_schema_validated_answer(world, name):
    """/timelines/home encodes its dicts directly: they must be what FeedPageOut gives."""
    import json

    from ninja.responses import NinjaJSONEncoder

    from primum.api.tests.clients import token_client
    from primum.social import api
    from primum.social.schemas import FeedPageOut

    viewer = world[name]
    response = token_client(viewer).get_json("/timelines/home", {"limit": 100})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    data = api._feed_out(selectors.feed_home(viewer, limit=100))
    validated = FeedPageOut.model_validate(data).model_dump(by_alias=True)
    assert response.json() == json.loads(json.dumps(validated, cls=NinjaJSONEncoder))
    items = response.json()["items"]
    assert any(item["reposted_by"] for item in items)  # reposts, quotes and replies included
    assert any(item["quote"] for item in items)
    assert any(item["reply_to_id"] for item in items)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="a PostgreSQL planner setting")
def test_join_order_setting_is_restored_after_the_feed_query(world):
    """feed_home plans with join_collapse_limit = 1 and leaves the connection as it was,
    in autocommit and inside a transaction, also when the query fails."""
    from django.db import transaction

    def setting() -> str:
        with connection.cursor() as cursor:
            cursor.execute("SHOW join_collapse_limit")
            return cursor.fetchone()[0]

    default = setting()
    assert default != "1"
    with CaptureQueriesContext(connection) as queries:
        page = selectors.feed_home(world["ann"], limit=20)
    assert page.items
    sql = [q["sql"] for q in queries.captured_queries]
    assert "SET join_collapse_limit = 1" in sql and "RESET join_collapse_limit" in sql
    assert setting() == default
    with transaction.atomic():
        selectors.feed_home(world["ben"], limit=20)
        assert setting() == default
    from django.db import DataError

    with pytest.raises(DataError), transaction.atomic():
        # A time the database cannot read fails inside the query.
        selectors._compiled(("feed_home", 20, False), lambda m: None).run(
            viewer=world["ann"].pk, now="not a time", joins_as_written=True
        )
    assert setting() == default


def test_unread_count_equals_the_orm_count(world):
    """The compiled header count is the ORM count, with blocks, mutes and hidden posts."""
    from primum.accounts.models import User
    from primum.social.models import Notification

    people = {user.username: user for user in User.objects.all()}
    ann, ben = people["ann"], people["ben"]
    # Notifications to ann from accounts she follows, blocked (dan), muted (eve, fay) and a
    # stranger; one about a post deleted since, one without a post.
    for actor in (ben, people["cat"], people["dan"], people["eve"], people["fay"], people["gus"]):
        post = make_post(actor, f"@ann hello from {actor.username}")
        Notification.objects.get_or_create(recipient=ann, actor=actor, kind="mention", post=post)
    gone = make_post(ben, "soon deleted @ann")
    Notification.objects.get_or_create(recipient=ann, actor=ben, kind="mention", post=gone)
    Post.objects.filter(pk=gone.pk).update(deleted_at=timezone.now())
    Notification.objects.get_or_create(recipient=ann, actor=ben, kind="follow", post=None)
    Notification.objects.filter(recipient=ann, actor=world["gus"]).update(read_at=timezone.now())
    counts = {}
    for name in ("ann", "ben", "cat", "dan"):
        viewer = people[name]
        expected = selectors._notifications_qs(viewer).filter(read_at__isnull=True).count()
        counts[name] = selectors.notification_unread_count(user=viewer)
        assert counts[name] == expected, name
    total = Notification.objects.filter(recipient=ann, read_at__isnull=True).count()
    assert 0 < counts["ann"] < total  # some are hidden by the rules, some are counted
