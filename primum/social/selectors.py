"""Reads: feeds, threads, search, notifications. Visibility is decided in SQL.

Every list starts from ``visible_posts(viewer)``, which filters deleted posts, deactivated
authors, followers-only posts the viewer may not see and blocks in both directions inside
the query. Feeds also drop muted accounts. Pages are then *hydrated* with a constant number
of queries (viewer's likes, bookmarks, reposts, quoted posts) whatever the page size.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from django.contrib.auth import get_user_model
from django.db import connection, connections, router
from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Value
from django.db.models.expressions import RawSQL
from django.db.models.query import get_related_populators
from django.db.models.sql.constants import MULTI
from django.utils import timezone

from primum.accounts.models import Block, Mute
from primum.core.errors import NotFound, ValidationError
from primum.core.models import SafetyDecision
from primum.core.pagination import (
    Page,
    clamp_page_size,
    decode_cursor,
    encode_cursor,
    paginate_by_id,
)
from primum.core.text import HANDLE_PATTERN
from primum.social import policies
from primum.social.models import (
    Bookmark,
    Follow,
    Hashtag,
    Like,
    Mention,
    Notification,
    Post,
    ReplyPolicy,
    Visibility,
)

User = get_user_model()

POST_RELATED = (
    "author__profile",
    "repost_of__author__profile",
    "reply_to__author",
)


# --- Building blocks ---------------------------------------------------------------------


def _blocked_ids(viewer):
    """Subquery: accounts the viewer blocked or that blocked the viewer."""
    return (
        Block.objects.filter(blocker=viewer)
        .values("blocked")
        .union(Block.objects.filter(blocked=viewer).values("blocker"))
    )


def _follows(viewer, author_ref: str) -> Exists:
    """The viewer follows the account at ``author_ref`` (a correlated EXISTS).

    Correlated EXISTS rather than ``author IN (subquery)``: SQLite then walks the post id
    index backwards and stops after a page of rows instead of collecting every post of every
    followee and sorting them (see BENCHMARKS.md, "Findings").
    """
    return Exists(Follow.objects.filter(follower=viewer, followee=OuterRef(author_ref)))


def _blocked_between(viewer, author_ref: str) -> Exists:
    return Exists(
        Block.objects.filter(
            Q(blocker=viewer, blocked=OuterRef(author_ref))
            | Q(blocked=viewer, blocker=OuterRef(author_ref))
        )
    )


def _muted(viewer, author_ref: str, now: datetime | None = None) -> Exists:
    return Exists(
        Mute.objects.filter(muter=viewer, muted=OuterRef(author_ref)).filter(
            Q(expires_at__isnull=True) | Q(expires_at__gt=now or timezone.now())
        )
    )


def _visibility_q(viewer, prefix: str = "") -> Q:
    p = prefix
    q = Q(**{f"{p}deleted_at__isnull": True, f"{p}author__is_active": True})
    held = Q(**{f"{p}safety_decision": SafetyDecision.HOLD})
    if not viewer.is_authenticated:
        return q & Q(**{f"{p}visibility": Visibility.PUBLIC}) & ~held
    # Content held by the safety engine is seen by its author only, until a moderator decides.
    q &= ~held | Q(**{f"{p}author": viewer})
    q &= (
        Q(**{f"{p}visibility": Visibility.PUBLIC})
        | Q(**{f"{p}author": viewer})
        | Q(_follows(viewer, f"{p}author"))
    )
    return q & ~Q(_blocked_between(viewer, f"{p}author"))


def visible_posts(viewer) -> QuerySet[Post]:
    """Posts (and reposts of posts) the viewer may see. The one gate for every list."""
    repost_ok = Q(repost_of__isnull=True) | _visibility_q(viewer, "repost_of__")
    return Post.objects.filter(_visibility_q(viewer)).filter(repost_ok)


def _without_muted(qs: QuerySet[Post], viewer, now: datetime | None = None) -> QuerySet[Post]:
    if not viewer.is_authenticated:
        return qs
    return qs.exclude(_muted(viewer, "author", now)).exclude(
        Q(repost_of__isnull=False) & Q(_muted(viewer, "repost_of__author", now))
    )


def access_post(viewer, post_id) -> Post:
    """The post if the viewer may see it; NotFound otherwise (never 'forbidden')."""
    try:
        post_id = int(post_id)
    except (TypeError, ValueError):
        raise NotFound(
            "This post does not exist or is not visible to you.", code="post_not_found"
        ) from None
    post = (
        visible_posts(viewer)
        .select_related(*POST_RELATED, "thread_root__author")
        .filter(pk=post_id)
        .first()
    )
    if post is None:
        raise NotFound("This post does not exist or is not visible to you.", code="post_not_found")
    return post


def access_user(viewer, handle: str):
    """An active account by handle, unless it and the viewer are separated by a block."""
    if not re.fullmatch(HANDLE_PATTERN, str(handle)):
        # Not a possible handle (e.g. a NUL byte, which PostgreSQL refuses in a query).
        raise NotFound("This account does not exist.", code="user_not_found")
    user = (
        User.objects.select_related("profile")
        .filter(username__iexact=str(handle)[:60], is_active=True, deleted_at__isnull=True)
        .first()
    )
    if user is None or policies.is_blocked_between(viewer, user):
        raise NotFound("This account does not exist.", code="user_not_found")
    return user


# --- Compiled queries --------------------------------------------------------------------
#
# Building and compiling the home feed's ORM query costs more than running it (on
# PostgreSQL ~10 ms of Python for ~2 ms of SQL, BENCHMARKS.md). So a query is built and
# compiled once per *shape* (page size, cursor or not, number of ids) with marker values
# standing in for the viewer, the current time, the cursor and id lists; later calls reuse
# the compiled SQL and only swap the markers for real parameters. The rules themselves stay
# in the querysets above (``visible_posts`` and the feed filters): whatever they compile to
# is what runs, so a condition added there applies here too with no second copy to edit.
# The SQL text is then identical for every viewer, which also lets PostgreSQL parse it once
# per connection as a prepared statement (config/settings/base.py).

_MARK = -(2**62)  # no id, count or time is ever near this value


class _ViewerMark(int):
    """Stands in for a logged-in viewer while a query is compiled (an account id)."""

    is_authenticated = True

    @property
    def pk(self) -> int:
        return int(self)


@dataclass(frozen=True)
class _Markers:
    viewer: _ViewerMark
    now: datetime
    cursor: int
    ids: tuple[int, ...]


def _markers(id_count: int = 0) -> _Markers:
    return _Markers(
        viewer=_ViewerMark(_MARK + 1),
        now=datetime(1901, 2, 3, 4, 5, 6, 789012, tzinfo=UTC),
        cursor=_MARK + 2,
        ids=tuple(_MARK + 1000 + i for i in range(id_count)),
    )


def _id_bucket(count: int) -> int:
    """Id lists are padded to a power of two so few shapes are compiled."""
    size = 1
    while size < count:
        size *= 2
    return size


@dataclass
class _Compiled:
    alias: str
    compiler: Any
    sql: str
    slots: (
        list  # per parameter: ("const", value) | ("viewer",) | ("now",) | ("cursor",) | ("id", i)
    )
    model: bool
    init_list: list[str] = field(default_factory=list)
    model_slice: tuple[int, int] = (0, 0)
    populators: list = field(default_factory=list)

    def params(self, *, viewer: int, now: datetime | None, cursor: int | None, ids) -> tuple:
        conn = connections[self.alias]
        adapted_now = conn.ops.adapt_datetimefield_value(now) if now is not None else None
        values: list = []
        for slot in self.slots:
            kind = slot[0]
            if kind == "const":
                values.append(slot[1])
            elif kind == "viewer":
                values.append(viewer)
            elif kind == "now":
                values.append(adapted_now)
            elif kind == "cursor":
                values.append(cursor)
            else:
                values.append(ids[slot[1]])
        return tuple(values)

    def run(
        self, *, viewer: int, now=None, cursor=None, ids=(), joins_as_written: bool = False
    ) -> list:
        """Model instances (or value tuples) for these parameters, as the ORM would give them.

        ``joins_as_written``: on PostgreSQL, plan the query with ``join_collapse_limit = 1``,
        joining the tables in the order the SQL names them. For the home feed (a backward
        scan of the post ids, then one lookup per joined table) that is the order the planner
        picks anyway, and searching the other orders of its nine joins took half the planning
        time: ~4 ms of planning for ~1.5 ms of execution (BENCHMARKS.md, "Current
        (2026-12-01)").
        """
        params = self.params(viewer=viewer, now=now, cursor=cursor, ids=ids)
        conn = connections[self.alias]
        compiler = copy.copy(self.compiler)
        compiler.connection = conn
        compiler.as_sql = lambda *args, **kwargs: (self.sql, params)
        if joins_as_written and conn.vendor == "postgresql":
            with conn.cursor() as cursor_:
                cursor_.execute("SET join_collapse_limit = 1")
            # SET is transactional: if the query fails inside a transaction, rolling it back
            # (or back to the savepoint) restores the setting; outside one, reset it here.
            try:
                rows = list(compiler.results_iter(compiler.execute_sql(MULTI)))
            except Exception:
                if not conn.in_atomic_block:
                    with conn.cursor() as cursor_:
                        cursor_.execute("RESET join_collapse_limit")
                raise
            with conn.cursor() as cursor_:
                cursor_.execute("RESET join_collapse_limit")
        else:
            rows = list(compiler.results_iter(compiler.execute_sql(MULTI)))
        if not self.model:
            return [tuple(row) for row in rows]
        start, end = self.model_slice
        model_cls = self.compiler.klass_info["model"]
        objects = []
        for row in rows:
            obj = model_cls.from_db(self.alias, self.init_list, row[start:end])
            for populator in self.populators:
                populator.populate(row, obj)
            objects.append(obj)
        return objects


_COMPILED: dict[tuple, _Compiled] = {}


def _compiled(key: tuple, build, *, id_count: int = 0) -> _Compiled:
    """The compiled form of ``build(markers)`` (a QuerySet), cached per database and key."""
    alias = router.db_for_read(Post)
    conn = connections[alias]
    full_key = (
        alias,
        conn.vendor,
        conn.settings_dict.get("OPTIONS", {}).get("server_side_binding"),
        *key,
        id_count,
    )
    found = _COMPILED.get(full_key)
    if found is not None:
        return found
    marks = _markers(id_count)
    qs = build(marks)
    compiler = qs.query.get_compiler(using=alias)
    sql, params = compiler.as_sql()
    by_value: dict[Any, tuple] = {
        marks.viewer: ("viewer",),
        conn.ops.adapt_datetimefield_value(marks.now): ("now",),
        marks.cursor: ("cursor",),
        **{mark: ("id", i) for i, mark in enumerate(marks.ids)},
    }
    slots: list = []
    for value in params:
        slot = None
        if isinstance(value, int | str | datetime) and not isinstance(value, bool):
            slot = by_value.get(value)
        slots.append(slot or ("const", value))
    if str(_MARK)[:10] in sql:  # a marker compiled into the SQL text could not be replaced
        raise RuntimeError(f"query {key!r} inlines a marker value")
    entry = _Compiled(alias=alias, compiler=compiler, sql=sql, slots=slots, model=False)
    if compiler.klass_info is not None and not qs._fields:  # model rows, not values_list()
        select, klass_info = compiler.select, compiler.klass_info
        fields = klass_info["select_fields"]
        entry.model = True
        entry.model_slice = (fields[0], fields[-1] + 1)
        entry.init_list = [col[0].target.attname for col in select[fields[0] : fields[-1] + 1]]
        entry.populators = get_related_populators(klass_info, select, alias)
    _COMPILED[full_key] = entry
    return entry


# --- Hydration ---------------------------------------------------------------------------


@dataclass
class FeedItem:
    """One row of a feed: the post shown, who reposted it, and the viewer's state."""

    row_id: int
    post: Post
    reposted_by: object | None = None
    quoted: Post | None = None
    quote_unavailable: bool = False
    liked: bool = False
    bookmarked: bool = False
    reposted: bool = False
    can_reply: bool = False
    can_quote: bool = False
    tombstone: bool = False
    depth: int = 0
    extra: dict = field(default_factory=dict)


def hydrate(viewer, rows: list[Post]) -> list[FeedItem]:
    """Turn post rows into FeedItems with a fixed number of queries, whatever len(rows)."""
    items: list[FeedItem] = []
    for row in rows:
        if row.repost_of_id is not None:
            items.append(FeedItem(row_id=row.pk, post=row.repost_of, reposted_by=row.author))
        else:
            items.append(FeedItem(row_id=row.pk, post=row, tombstone=row.deleted_at is not None))
    shown = [item.post for item in items if not item.tombstone]
    shown_ids = {post.pk for post in shown}
    quote_ids = {post.quote_of_id for post in shown if post.quote_of_id and not post.quote_detached}
    quoted: dict[int, Post] = {}
    if quote_ids and viewer.is_authenticated:
        ids = _padded(quote_ids)
        query = _compiled(
            ("quoted",),
            lambda m: (
                visible_posts(m.viewer).select_related("author__profile").filter(pk__in=m.ids)
            ),
            id_count=len(ids),
        )
        quoted = {p.pk: p for p in query.run(viewer=viewer.pk, ids=ids)}
    elif quote_ids:
        quoted = {
            p.pk: p
            for p in visible_posts(viewer)
            .select_related("author__profile")
            .filter(pk__in=quote_ids)
        }
    for item in items:
        post = item.post
        if post.quote_of_id and not item.tombstone:
            item.quoted = quoted.get(post.quote_of_id)
            item.quote_unavailable = item.quoted is None
    if not viewer.is_authenticated or not shown_ids:
        return items
    # The viewer's relation to the shown posts (liked, bookmarked, reposted, mentioned in)
    # and follows both ways between the viewer and the shown authors: one UNION query.
    marks: dict[str, set[int]] = {
        "like": set(),
        "bookmark": set(),
        "repost": set(),
        "mention": set(),
        "follows_viewer": set(),
        "followed_by_viewer": set(),
    }
    post_ids = _padded(shown_ids)
    author_ids = _padded({post.author_id for post in shown})
    relation = _compiled(
        ("relation", len(post_ids)),
        lambda m: _relation_qs(m, len(post_ids)),
        id_count=len(post_ids) + len(author_ids),
    )
    for object_id, kind in relation.run(viewer=viewer.pk, ids=post_ids + author_ids):
        marks[kind].add(object_id)
    liked, bookmarked, reposted, mentioned_in = (
        marks["like"], marks["bookmark"], marks["repost"], marks["mention"]
    )  # fmt: skip
    followers_of_viewer = marks["follows_viewer"]
    viewer_follows = marks["followed_by_viewer"]
    # "Verified clinicians only" replies: one query, only when a shown post uses that control.
    viewer_verified = False
    if any(post.reply_policy == ReplyPolicy.VERIFIED for post in shown):
        from primum.identity.models import TrustStatus

        viewer_verified = TrustStatus.objects.filter(
            user=viewer, is_verified_clinician=True
        ).exists()
    for item in items:
        if item.tombstone:
            continue
        post = item.post
        item.liked = post.pk in liked
        item.bookmarked = post.pk in bookmarked
        item.reposted = post.pk in reposted
        item.can_reply = _reply_allowed(
            viewer, post, followers_of_viewer, mentioned_in, viewer_verified
        )
        item.can_quote = _quote_allowed(viewer, post, viewer_follows)
    return items


def _padded(ids) -> tuple[int, ...]:
    """The ids, repeated up to the next power of two (see ``_id_bucket``)."""
    ordered = sorted(ids)
    return tuple(ordered) + (ordered[0],) * (_id_bucket(len(ordered)) - len(ordered))


def _relation_qs(m: _Markers, post_count: int):
    """The viewer's relation to a page: (post id, like|bookmark|repost|mention) for the
    first ``post_count`` ids, (author id, follows_viewer|followed_by_viewer) for the rest."""
    posts, authors = m.ids[:post_count], m.ids[post_count:]
    return (
        Like.objects.filter(user=m.viewer, post_id__in=posts)
        .annotate(kind=Value("like"))
        .values_list("post_id", "kind")
        .union(
            Bookmark.objects.filter(user=m.viewer, post_id__in=posts)
            .annotate(kind=Value("bookmark"))
            .values_list("post_id", "kind"),
            Post.objects.filter(author=m.viewer, repost_of_id__in=posts, deleted_at__isnull=True)
            .annotate(kind=Value("repost"))
            .values_list("repost_of_id", "kind"),
            Mention.objects.filter(user=m.viewer, post_id__in=posts)
            .annotate(kind=Value("mention"))
            .values_list("post_id", "kind"),
            Follow.objects.filter(followee=m.viewer, follower_id__in=authors)
            .annotate(kind=Value("follows_viewer"))
            .values_list("follower_id", "kind"),
            Follow.objects.filter(follower=m.viewer, followee_id__in=authors)
            .annotate(kind=Value("followed_by_viewer"))
            .values_list("followee_id", "kind"),
            all=True,
        )
    )


def _reply_allowed(
    viewer,
    post: Post,
    followers_of_viewer: set[int],
    mentioned_in: set[int],
    viewer_verified: bool = False,
) -> bool:
    # Mirrors policies.can_reply for the post's own control, using preloaded sets.
    # The thread-root gate is checked again by the service when the reply is written.
    if post.author_id == viewer.pk:
        return True
    return {
        "anyone": True,
        "following": post.author_id in followers_of_viewer,
        "mentioned": post.pk in mentioned_in,
        "verified": viewer_verified,
        "nobody": False,
    }.get(post.reply_policy, False)


def _quote_allowed(viewer, post: Post, viewer_follows: set[int]) -> bool:
    if post.author_id == viewer.pk:
        return True
    if post.visibility != Visibility.PUBLIC:
        return False
    return {"anyone": True, "followers": post.author_id in viewer_follows, "nobody": False}.get(
        post.quote_policy, False
    )


_POST_FIELDS = (
    "id", "created_at", "updated_at", "author_id", "body", "content_warning", "visibility",
    "reply_to_id", "thread_root_id", "quote_of_id", "quote_detached", "repost_of_id",
    "reply_policy", "quote_policy", "edited_at", "deleted_at",
    "reply_count", "like_count", "repost_count", "quote_count", "safety_decision",
)  # fmt: skip
_PERSON_FIELDS = (
    "username", "is_active",
    "profile__display_name", "profile__profession", "profile__specialty",
    "profile__credentials", "profile__is_pseudonymous",
)  # fmt: skip
# Only the columns a feed renders: not the users' password hashes, e-mails, bios...
FEED_COLUMNS = (
    *_POST_FIELDS,
    *(f"author__{f}" for f in _PERSON_FIELDS),
    *(f"repost_of__{f}" for f in _POST_FIELDS),
    *(f"repost_of__author__{f}" for f in _PERSON_FIELDS),
    "reply_to__id", "reply_to__author_id", "reply_to__author__username",
)  # fmt: skip


def _page(viewer, qs: QuerySet[Post], *, cursor: str | None, limit: int | None) -> Page[FeedItem]:
    qs = qs.select_related(*POST_RELATED).only(*FEED_COLUMNS)
    page = paginate_by_id(qs, cursor=cursor, limit=limit)
    return Page(items=hydrate(viewer, page.items), next_cursor=page.next_cursor)


# --- Feeds -------------------------------------------------------------------------------


def feed_home_queryset(viewer, *, now: datetime | None = None) -> QuerySet[Post]:
    """The home feed's rows (unordered, unpaginated): the rules ``feed_home`` runs."""
    authors = Q(author=viewer) | Q(_follows(viewer, "author"))
    replies = (
        Q(reply_to__isnull=True)
        | Q(reply_to__author=viewer)
        | Q(_follows(viewer, "reply_to__author"))
    )
    return _without_muted(visible_posts(viewer).filter(authors).filter(replies), viewer, now)


def feed_home(viewer, *, cursor: str | None = None, limit: int | None = None) -> Page[FeedItem]:
    """Posts and reposts by accounts the viewer follows, and the viewer's own: newest first.

    Replies appear only when they answer the viewer or someone the viewer follows.
    No ranking of any kind. The query is ``feed_home_queryset`` compiled once per page
    size (see "Compiled queries"); the result is the same as ``_page`` over it.
    """
    size = clamp_page_size(limit)
    after = decode_cursor(cursor)

    def build(m: _Markers) -> QuerySet[Post]:
        qs = feed_home_queryset(m.viewer, now=m.now)
        if after is not None:
            qs = qs.filter(id__lt=m.cursor)
        qs = qs.select_related(*POST_RELATED).only(*FEED_COLUMNS)
        return qs.order_by("-id")[: size + 1]

    query = _compiled(("feed_home", size, after is not None), build)
    rows = query.run(viewer=viewer.pk, now=timezone.now(), cursor=after, joins_as_written=True)
    next_cursor = encode_cursor(rows[size - 1].pk) if len(rows) > size else None
    return Page(items=hydrate(viewer, rows[:size]), next_cursor=next_cursor)


def feed_explore(viewer, *, cursor: str | None = None, limit: int | None = None) -> Page[FeedItem]:
    """The latest public posts from everyone (no replies, no reposts)."""
    qs = visible_posts(viewer).filter(
        visibility=Visibility.PUBLIC, reply_to__isnull=True, repost_of__isnull=True
    )
    return _page(viewer, _without_muted(qs, viewer), cursor=cursor, limit=limit)


def feed_profile(
    viewer, *, user, cursor: str | None = None, limit: int | None = None, with_replies: bool = False
) -> Page[FeedItem]:
    qs = visible_posts(viewer).filter(author=user)
    if not with_replies:
        qs = qs.filter(reply_to__isnull=True)
    return _page(viewer, qs, cursor=cursor, limit=limit)


def feed_hashtag(
    viewer, *, tag: str, cursor: str | None = None, limit: int | None = None
) -> Page[FeedItem]:
    name = str(tag).lstrip("#").casefold()[:64]
    if not re.fullmatch(r"\w+", name):
        return Page(items=[], next_cursor=None)  # not a possible hashtag (e.g. a NUL byte)
    hashtag = Hashtag.objects.filter(name=name).first()
    if hashtag is None:
        return Page(items=[], next_cursor=None)
    qs = visible_posts(viewer).filter(posthashtag__hashtag=hashtag)
    return _page(viewer, _without_muted(qs, viewer), cursor=cursor, limit=limit)


def feed_bookmarks(
    viewer, *, cursor: str | None = None, limit: int | None = None
) -> Page[FeedItem]:
    qs = visible_posts(viewer).filter(bookmarks__user=viewer)
    return _page(viewer, qs, cursor=cursor, limit=limit)


@dataclass
class Thread:
    focus: FeedItem
    ancestors: list[FeedItem]
    replies: list[FeedItem]


def thread(viewer, post_id) -> Thread:
    """A post with the visible chain above it and the whole visible conversation below it.

    Deleted posts stay in place as tombstones so replies keep their context.
    """
    focus_post = access_post(viewer, post_id)
    if focus_post.repost_of_id is not None:
        focus_post = access_post(viewer, focus_post.repost_of_id)
    root_id = focus_post.thread_root_id or focus_post.pk
    vis = _visibility_q(viewer) & Q(repost_of__isnull=True)
    tomb = vis | (
        Q(deleted_at__isnull=False, repost_of__isnull=True)
        & ~Q(
            author__in=_blocked_ids(viewer)
            if viewer.is_authenticated
            else Block.objects.none().values("blocked")
        )
    )
    rows = list(
        Post.objects.filter(Q(pk=root_id) | Q(thread_root_id=root_id))
        .filter(tomb)
        .select_related(*POST_RELATED)
        .order_by("id")[:1000]
    )
    items = {item.post.pk: item for item in hydrate(viewer, rows)}
    focus = items.get(focus_post.pk) or hydrate(viewer, [focus_post])[0]
    ancestors: list[FeedItem] = []
    parent_id = focus_post.reply_to_id
    while parent_id and parent_id in items:
        ancestors.insert(0, items[parent_id])
        parent_id = items[parent_id].post.reply_to_id
    # Replies below the focus, depth-first in posting order.
    children: dict[int, list[FeedItem]] = {}
    for item in items.values():
        if item.post.reply_to_id:
            children.setdefault(item.post.reply_to_id, []).append(item)
    below: list[FeedItem] = []

    def walk(node_id: int, depth: int) -> None:
        for child in children.get(node_id, []):
            child.depth = depth
            below.append(child)
            walk(child.post.pk, depth + 1)

    walk(focus_post.pk, 1)
    return Thread(focus=focus, ancestors=ancestors, replies=below)


def post_history(viewer, post_id) -> tuple[Post, list]:
    post = access_post(viewer, post_id)
    return post, list(post.edits.all())


# --- Search ------------------------------------------------------------------------------

MAX_QUERY_CHARS = 200


def _search_terms(query: str) -> list[str]:
    import re

    query = str(query or "")[: MAX_QUERY_CHARS * 2]
    if len(query) > MAX_QUERY_CHARS:
        raise ValidationError(
            f"Search for at most {MAX_QUERY_CHARS} characters.", code="too_long", field="q"
        )
    return [t for t in re.findall(r"\w+", query, flags=re.UNICODE) if t][:12]


def _fts_ids(terms: list[str]):
    if connection.vendor == "postgresql":
        return RawSQL(
            "SELECT id FROM social_post WHERE to_tsvector('simple', body) @@ plainto_tsquery('simple', %s)",
            [" ".join(terms)],
        )
    match = " ".join('"' + t.replace('"', '""') + '"' for t in terms)
    return RawSQL("SELECT rowid FROM social_post_fts WHERE social_post_fts MATCH %s", [match])


def search_posts(
    viewer, *, query: str, cursor: str | None = None, limit: int | None = None
) -> Page[FeedItem]:
    """Full-text search over visible posts, newest first. '#tag' searches a hashtag."""
    stripped = str(query or "").strip()
    if stripped.startswith("#") and " " not in stripped:
        return feed_hashtag(viewer, tag=stripped, cursor=cursor, limit=limit)
    terms = _search_terms(stripped)
    if not terms:
        return Page(items=[], next_cursor=None)
    qs = visible_posts(viewer).filter(repost_of__isnull=True, id__in=_fts_ids(terms))
    return _page(viewer, _without_muted(qs, viewer), cursor=cursor, limit=limit)


def search_people(
    viewer, *, query: str, cursor: str | None = None, limit: int | None = None
) -> Page:
    terms = _search_terms(str(query or "").lstrip("@"))
    if not terms:
        return Page(items=[], next_cursor=None)
    qs = User.objects.filter(is_active=True, deleted_at__isnull=True).select_related("profile")
    for term in terms:
        qs = qs.filter(
            Q(username__icontains=term)
            | Q(profile__display_name__icontains=term)
            | Q(profile__specialty__icontains=term)
            # A pseudonymous person's affiliation is private: never matched by search.
            | Q(profile__affiliation__icontains=term, profile__is_pseudonymous=False)
        )
    if viewer.is_authenticated:
        qs = qs.exclude(pk__in=_blocked_ids(viewer))
    return paginate_by_id(qs, cursor=cursor, limit=limit)


# --- People ------------------------------------------------------------------------------


@dataclass
class ProfileView:
    user: object
    followers: int
    following: int
    posts: int
    viewer_follows: bool
    follows_viewer: bool
    viewer_blocks: bool
    viewer_mutes: bool
    disclosures: list


def profile_view(viewer, handle: str) -> ProfileView:
    user = access_user(viewer, handle)
    auth = viewer.is_authenticated
    return ProfileView(
        user=user,
        followers=Follow.objects.filter(followee=user, follower__is_active=True).count(),
        following=Follow.objects.filter(follower=user, followee__is_active=True).count(),
        posts=Post.objects.filter(author=user, deleted_at__isnull=True, repost_of__isnull=True)
        # Held posts count for their author only.
        .exclude(Q(safety_decision=SafetyDecision.HOLD) & ~Q(author_id=viewer.pk or 0))
        .count(),
        viewer_follows=auth and Follow.objects.filter(follower=viewer, followee=user).exists(),
        follows_viewer=auth and Follow.objects.filter(follower=user, followee=viewer).exists(),
        viewer_blocks=False,
        viewer_mutes=auth
        and Mute.objects.filter(muter=viewer, muted=user)
        .filter(Q(expires_at__isnull=True) | Q(expires_at__gt=timezone.now()))
        .exists(),
        disclosures=list(user.coi_disclosures.all()),
    )


def follow_list(
    viewer, *, handle: str, direction: str, cursor: str | None = None, limit: int | None = None
):
    """Followers or following of an account, excluding accounts blocked either way."""
    user = access_user(viewer, handle)
    if direction == "followers":
        qs = Follow.objects.filter(followee=user, follower__is_active=True).select_related(
            "follower__profile"
        )
        person = "follower"
    else:
        qs = Follow.objects.filter(follower=user, followee__is_active=True).select_related(
            "followee__profile"
        )
        person = "followee"
    if viewer.is_authenticated:
        qs = qs.exclude(**{f"{person}__in": _blocked_ids(viewer)})
    page = paginate_by_id(qs, cursor=cursor, limit=limit)
    return Page(items=[getattr(f, person) for f in page.items], next_cursor=page.next_cursor)


# --- Notifications -----------------------------------------------------------------------


def _notifications_qs(viewer, now: datetime | None = None) -> QuerySet[Notification]:
    qs = (
        Notification.objects.filter(recipient=viewer, actor__is_active=True)
        .exclude(_blocked_between(viewer, "actor"))
        .exclude(_muted(viewer, "actor", now))
    )
    # A notification about a post the recipient can no longer see (deleted, or followers-only
    # after an unfollow) is not shown. Correlated, so the planner's estimate stays small.
    visible = Exists(visible_posts(viewer).filter(pk=OuterRef("post_id")))
    return qs.filter(Q(post__isnull=True) | Q(visible))


def notifications(
    viewer, *, cursor: str | None = None, limit: int | None = None, unread_only: bool = False
):
    qs = _notifications_qs(viewer).select_related("actor__profile", "post__author")
    if unread_only:
        qs = qs.filter(read_at__isnull=True)
    return paginate_by_id(qs, cursor=cursor, limit=limit)


def notification_unread_count(*, user) -> int:
    """Unread notifications the user may see: the count in every page header.

    The query is compiled once (see "Compiled queries"): building it took longer than
    running it on every page view. Grouped by recipient, so it answers one row or none.
    """
    if not user.is_authenticated:
        return 0
    query = _compiled(
        ("notification_unread_count",),
        lambda m: (
            _notifications_qs(m.viewer, now=m.now)
            .filter(read_at__isnull=True)
            .order_by()
            .values("recipient_id")
            .annotate(unread=Count("id"))
            .values_list("unread")
        ),
    )
    rows = query.run(viewer=user.pk, now=timezone.now())
    return rows[0][0] if rows else 0
