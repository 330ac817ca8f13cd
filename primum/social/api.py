"""JSON API for posts, feeds, follows, search and notifications.

Endpoints are thin: parse the input (the schemas), call one service or selector, render.
Reads are hydrated by ``selectors.hydrate`` (a fixed number of queries per page); the
functions at the bottom of this module turn its ``FeedItem`` rows into plain dicts without
touching the database again.
"""

from __future__ import annotations

import json
from typing import Annotated, Any

from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from ninja import Path, Query, Router, Status
from ninja.responses import NinjaJSONEncoder

from primum.accounts.vocabulary import COIRelationship, Profession, Specialty
from primum.api.auth import read_auth, require_user, user_read_auth, write_auth
from primum.core.pagination import Page
from primum.identity.selectors import trust_line
from primum.moderation.screening import public_safety
from primum.social import selectors, services
from primum.social.rendering import render_post_html
from primum.social.schemas import (
    MAX_ID,
    ControlsIn,
    FeedPageOut,
    HistoryOut,
    MarkedReadOut,
    MarkReadIn,
    NotificationPageOut,
    NotificationQuery,
    PageQuery,
    PeoplePageOut,
    PostIn,
    PostOut,
    PostPatchIn,
    ProfileFeedQuery,
    ProfileOut,
    QuoteDetachedOut,
    SearchQuery,
    ThreadOut,
    UnreadCountOut,
)

router = Router(tags=["social"])

# Out-of-range ids are refused (422) before they reach the database.
PostId = Annotated[int, Path(ge=1, le=MAX_ID)]


def _viewer(request: HttpRequest):
    return request.user


# --- Posts -------------------------------------------------------------------------------


@router.post("/posts", response={201: PostOut}, auth=write_auth, summary="Write a post or reply")
def post_create(request: HttpRequest, payload: PostIn):
    post = services.post_create(
        author=require_user(request),
        body=payload.body,
        content_warning=payload.content_warning,
        visibility=payload.visibility,
        reply_to_id=payload.reply_to_id,
        quote_of_id=payload.quote_of_id,
        reply_policy=payload.reply_policy,
        quote_policy=payload.quote_policy,
    )
    return Status(201, _post_out(request.user, post.pk))


@router.get("/posts/{post_id}", response=PostOut, auth=read_auth, summary="One post")
def post_detail(request: HttpRequest, post_id: PostId):
    return _post_out(_viewer(request), post_id)


@router.patch("/posts/{post_id}", response=PostOut, auth=write_auth, summary="Edit a post")
def post_edit(request: HttpRequest, post_id: PostId, payload: PostPatchIn):
    post = services.post_edit(
        actor=require_user(request),
        post_id=post_id,
        body=payload.body,
        content_warning=payload.content_warning,
    )
    return _post_out(request.user, post.pk)


@router.delete("/posts/{post_id}", response={204: None}, auth=write_auth, summary="Delete a post")
def post_delete(request: HttpRequest, post_id: PostId):
    services.post_delete(actor=require_user(request), post_id=post_id)
    return Status(204, None)


@router.get(
    "/posts/{post_id}/history",
    response=HistoryOut,
    auth=read_auth,
    summary="Earlier versions of an edited post, newest first",
)
def post_history(request: HttpRequest, post_id: PostId):
    post, edits = selectors.post_history(_viewer(request), post_id)
    return {
        "post_id": post.pk,
        "items": [
            {
                "body": edit.body,
                "html": _html(edit.body),
                "content_warning": edit.content_warning,
                "replaced_at": edit.created_at,
            }
            for edit in edits
        ],
        "next_cursor": None,
    }


@router.put(
    "/posts/{post_id}/controls",
    response=PostOut,
    auth=write_auth,
    summary="Change who may reply to or quote a post",
)
def post_controls(request: HttpRequest, post_id: PostId, payload: ControlsIn):
    post = services.post_set_controls(
        actor=require_user(request),
        post_id=post_id,
        reply_policy=payload.reply_policy,
        quote_policy=payload.quote_policy,
    )
    return _post_out(request.user, post.pk)


@router.post(
    "/posts/{post_id}/detach-quote",
    response=QuoteDetachedOut,
    auth=write_auth,
    summary="Remove your post from someone's quote of it ({post_id} is the quoting post)",
)
def post_detach_quote(request: HttpRequest, post_id: PostId):
    quote = services.quote_detach(actor=require_user(request), quote_id=post_id)
    return {"id": quote.pk, "quote_detached": quote.quote_detached}


@router.get(
    "/posts/{post_id}/thread",
    response=ThreadOut,
    auth=read_auth,
    summary="A post with its ancestors and the replies below it",
)
def post_thread(request: HttpRequest, post_id: PostId):
    thread = selectors.thread(_viewer(request), post_id)
    return {
        "ancestors": [_item_out(item) for item in thread.ancestors],
        "focus": _item_out(thread.focus),
        "replies": [{**_item_out(item), "depth": item.depth} for item in thread.replies],
    }


# --- Reactions: idempotent; each answers the post with the viewer's updated state ---------


def _react(request: HttpRequest, service, post_id: PostId) -> dict[str, Any]:
    actor = require_user(request)
    service(actor=actor, post_id=post_id)
    return _post_out(actor, post_id, original=True)


@router.post("/posts/{post_id}/like", response=PostOut, auth=write_auth, summary="Like")
def like_create(request: HttpRequest, post_id: PostId):
    return _react(request, services.like_create, post_id)


@router.delete("/posts/{post_id}/like", response=PostOut, auth=write_auth, summary="Unlike")
def like_delete(request: HttpRequest, post_id: PostId):
    return _react(request, services.like_delete, post_id)


@router.post("/posts/{post_id}/repost", response=PostOut, auth=write_auth, summary="Repost")
def repost_create(request: HttpRequest, post_id: PostId):
    return _react(request, services.repost_create, post_id)


@router.delete(
    "/posts/{post_id}/repost", response=PostOut, auth=write_auth, summary="Undo a repost"
)
def repost_delete(request: HttpRequest, post_id: PostId):
    return _react(request, services.repost_delete, post_id)


@router.post("/posts/{post_id}/bookmark", response=PostOut, auth=write_auth, summary="Bookmark")
def bookmark_create(request: HttpRequest, post_id: PostId):
    return _react(request, services.bookmark_create, post_id)


@router.delete(
    "/posts/{post_id}/bookmark", response=PostOut, auth=write_auth, summary="Remove a bookmark"
)
def bookmark_delete(request: HttpRequest, post_id: PostId):
    return _react(request, services.bookmark_delete, post_id)


# --- Feeds (newest first, never ranked) ---------------------------------------------------


@router.get(
    "/timelines/home",
    response=FeedPageOut,
    auth=user_read_auth,
    summary="Posts and reposts of the accounts you follow, and your own",
)
def timeline_home(request: HttpRequest, page: Query[PageQuery]):
    viewer = require_user(request)
    data = _feed_out(selectors.feed_home(viewer, cursor=page.cursor, limit=page.limit))
    # The dicts already have FeedPageOut's shape (a test compares this answer with the
    # schema-validated one); validating 20 nested items through the schema cost more than
    # loading them (BENCHMARKS.md), so the busiest read is encoded directly.
    return _json_response(data)


@router.get(
    "/timelines/explore",
    response=FeedPageOut,
    auth=read_auth,
    summary="The latest public posts from everyone",
)
def timeline_explore(request: HttpRequest, page: Query[PageQuery]):
    return _feed_out(selectors.feed_explore(_viewer(request), cursor=page.cursor, limit=page.limit))


@router.get(
    "/users/{handle}/posts", response=FeedPageOut, auth=read_auth, summary="An account's posts"
)
def user_posts(request: HttpRequest, handle: str, page: Query[ProfileFeedQuery]):
    viewer = _viewer(request)
    user = selectors.access_user(viewer, handle)
    return _feed_out(
        selectors.feed_profile(
            viewer, user=user, cursor=page.cursor, limit=page.limit, with_replies=page.replies
        )
    )


@router.get(
    "/tags/{tag}/posts", response=FeedPageOut, auth=read_auth, summary="Posts with a hashtag"
)
def tag_posts(request: HttpRequest, tag: str, page: Query[PageQuery]):
    return _feed_out(
        selectors.feed_hashtag(_viewer(request), tag=tag, cursor=page.cursor, limit=page.limit)
    )


@router.get("/me/bookmarks", response=FeedPageOut, auth=user_read_auth, summary="Your bookmarks")
def my_bookmarks(request: HttpRequest, page: Query[PageQuery]):
    viewer = require_user(request)
    return _feed_out(selectors.feed_bookmarks(viewer, cursor=page.cursor, limit=page.limit))


# --- Search ------------------------------------------------------------------------------


@router.get("/search/posts", response=FeedPageOut, auth=read_auth, summary="Search posts")
def search_posts(request: HttpRequest, params: Query[SearchQuery]):
    return _feed_out(
        selectors.search_posts(
            _viewer(request), query=params.q, cursor=params.cursor, limit=params.limit
        )
    )


@router.get("/search/people", response=PeoplePageOut, auth=read_auth, summary="Search people")
def search_people(request: HttpRequest, params: Query[SearchQuery]):
    page = selectors.search_people(
        _viewer(request), query=params.q, cursor=params.cursor, limit=params.limit
    )
    return _people_out(page)


# --- People ------------------------------------------------------------------------------


@router.get(
    "/users/{handle}",
    response=ProfileOut,
    auth=read_auth,
    summary="A professional profile: identity, disclosures, counts, your relationship",
)
def user_profile(request: HttpRequest, handle: str):
    return _profile_out(_viewer(request), handle)


@router.get(
    "/users/{handle}/followers", response=PeoplePageOut, auth=read_auth, summary="Followers"
)
def user_followers(request: HttpRequest, handle: str, page: Query[PageQuery]):
    return _people_out(
        selectors.follow_list(
            _viewer(request),
            handle=handle,
            direction="followers",
            cursor=page.cursor,
            limit=page.limit,
        )
    )


@router.get(
    "/users/{handle}/following",
    response=PeoplePageOut,
    auth=read_auth,
    summary="Accounts this account follows",
)
def user_following(request: HttpRequest, handle: str, page: Query[PageQuery]):
    return _people_out(
        selectors.follow_list(
            _viewer(request),
            handle=handle,
            direction="following",
            cursor=page.cursor,
            limit=page.limit,
        )
    )


@router.post("/users/{handle}/follow", response=ProfileOut, auth=write_auth, summary="Follow")
def follow_create(request: HttpRequest, handle: str):
    services.follow_create(actor=require_user(request), handle=handle)
    return _profile_out(request.user, handle)


@router.delete("/users/{handle}/follow", response=ProfileOut, auth=write_auth, summary="Unfollow")
def follow_delete(request: HttpRequest, handle: str):
    services.follow_delete(actor=require_user(request), handle=handle)
    return _profile_out(request.user, handle)


# --- Notifications -----------------------------------------------------------------------


@router.get(
    "/notifications", response=NotificationPageOut, auth=user_read_auth, summary="Notifications"
)
def notifications(request: HttpRequest, params: Query[NotificationQuery]):
    viewer = require_user(request)
    page = selectors.notifications(
        viewer, cursor=params.cursor, limit=params.limit, unread_only=params.unread
    )
    return {
        "items": [_notification_out(n) for n in page.items],
        "next_cursor": page.next_cursor,
    }


@router.get(
    "/notifications/unread-count",
    response=UnreadCountOut,
    auth=user_read_auth,
    summary="How many notifications are unread",
)
def notifications_unread_count(request: HttpRequest):
    viewer = require_user(request)
    return {"count": selectors.notification_unread_count(user=viewer)}


@router.post(
    "/notifications/read",
    response=MarkedReadOut,
    auth=write_auth,
    summary="Mark notifications read (all, or up to an id)",
)
def notifications_mark_read(request: HttpRequest, payload: MarkReadIn | None = None):
    user = require_user(request)
    marked = services.notifications_mark_read(
        user=user, up_to_id=payload.up_to_id if payload else None
    )
    return {"marked": marked, "unread_count": selectors.notification_unread_count(user=user)}


# --- Rendering (no queries: everything was loaded by the selector) ------------------------


def _html(text: str) -> str:
    return render_post_html(text)


def _post_url(post_id: int) -> str:
    return f"/posts/{post_id}/"


def _label(choices, value: str) -> str:
    try:
        return str(choices(value).label)
    except ValueError:
        return value


def _author_out(user) -> dict[str, Any]:
    profile = getattr(user, "profile", None)
    profession = profile.profession if profile else ""
    return {
        "handle": user.username,
        "display_name": (profile.display_name if profile else "") or user.username,
        "profession": profession,
        "profession_label": _label(Profession, profession),
        # A pseudonymous author's credential letters could identify them.
        "credentials": profile.credentials if profile and not profile.is_pseudonymous else "",
    }


def _post_fields(post) -> dict[str, Any]:
    return {
        "id": post.pk,
        "url": _post_url(post.pk),
        "author": _author_out(post.author),
        "body": post.body,
        "html": _html(post.body),
        "content_warning": post.content_warning,
        "visibility": post.visibility,
        "created_at": post.created_at,
        "edited_at": post.edited_at,
        "reply_to_id": post.reply_to_id,
        "thread_root_id": post.thread_root_id,
        "safety": public_safety(post.safety_decision),
    }


def _item_out(item: selectors.FeedItem) -> dict[str, Any]:
    post = item.post
    if item.tombstone:
        return {"id": post.pk, "deleted": True}
    quote: dict[str, Any] | None = None
    if item.quoted is not None:
        quote = {"unavailable": False, **_post_fields(item.quoted)}
    elif post.quote_of_id or post.quote_detached:
        quote = {"unavailable": True}
    return {
        **_post_fields(post),
        "quote": quote,
        "reply_count": post.reply_count,
        "like_count": post.like_count,
        "repost_count": post.repost_count,
        "quote_count": post.quote_count,
        "reply_policy": post.reply_policy,
        "quote_policy": post.quote_policy,
        "viewer": {
            "liked": item.liked,
            "bookmarked": item.bookmarked,
            "reposted": item.reposted,
            "can_reply": item.can_reply,
            "can_quote": item.can_quote,
        },
        "reposted_by": _author_out(item.reposted_by) if item.reposted_by is not None else None,
    }


def _post_out(viewer, post_id: int, *, original: bool = False) -> dict[str, Any]:
    """One post as the viewer sees it. ``original``: answer the reposted post for a repost id."""
    post = selectors.access_post(viewer, post_id)
    if original and post.repost_of_id:
        post = selectors.access_post(viewer, post.repost_of_id)
    item = selectors.hydrate(viewer, [post])[0]
    return _item_out(item)


def _json_response(data: dict[str, Any]) -> HttpResponse:
    """``data`` as the API's JSON renderer writes it, without validating it again."""
    return HttpResponse(
        json.dumps(data, cls=NinjaJSONEncoder), content_type="application/json; charset=utf-8"
    )


def _feed_out(page: Page) -> dict[str, Any]:
    return {"items": [_item_out(item) for item in page.items], "next_cursor": page.next_cursor}


def _person_out(user) -> dict[str, Any]:
    profile = user.profile
    # Pseudonymous: only the pseudonym and the profession; nothing that could identify.
    hidden = profile.is_pseudonymous
    specialty = "" if hidden else profile.specialty
    return {
        "handle": user.username,
        "display_name": profile.display_name or user.username,
        "profession": profile.profession,
        "profession_label": _label(Profession, profile.profession),
        "specialty": specialty,
        "specialty_label": _label(Specialty, specialty),
        "credentials": "" if hidden else profile.credentials,
        "affiliation": "" if hidden else profile.affiliation,
    }


def _people_out(page: Page) -> dict[str, Any]:
    return {"items": [_person_out(user) for user in page.items], "next_cursor": page.next_cursor}


def _disclosure_out(disclosure) -> dict[str, Any]:
    return {
        "entity": disclosure.entity,
        "relationship": disclosure.relationship,
        "relationship_label": _label(COIRelationship, disclosure.relationship),
        "description": disclosure.description,
        "start_date": disclosure.start_date.isoformat(),
        "end_date": disclosure.end_date.isoformat() if disclosure.end_date else None,
    }


def _profile_out(viewer, handle: str) -> dict[str, Any]:
    view = selectors.profile_view(viewer, handle)
    user = view.user
    profile = user.profile
    return {
        **_person_out(user),
        "url": reverse("social:profile", kwargs={"handle": user.username}),
        "bio": profile.bio,
        "bio_html": _html(profile.bio),
        "disclaimer": profile.disclaimer,
        "links": []
        if profile.is_pseudonymous
        else [{"label": link.label, "url": link.url} for link in profile.links.all()],
        "disclosures": {
            "current": [_disclosure_out(d) for d in view.disclosures if d.is_current],
            "past": [_disclosure_out(d) for d in view.disclosures if not d.is_current],
        },
        "counts": {"followers": view.followers, "following": view.following, "posts": view.posts},
        "viewer": {
            "is_self": bool(viewer.is_authenticated and viewer.pk == user.pk),
            "following": bool(view.viewer_follows),
            "followed_by": bool(view.follows_viewer),
            "muting": bool(view.viewer_mutes),
        },
        "joined_at": user.date_joined,
        "is_pseudonymous": profile.is_pseudonymous,
        "trust_summary": trust_line(user),
    }


def _notification_out(notification) -> dict[str, Any]:
    post = notification.post
    return {
        "id": notification.pk,
        "kind": notification.kind,
        "text": notification.note or str(notification.get_kind_display()),
        "actor": _author_out(notification.actor),
        "post": (
            {
                "id": post.pk,
                "url": _post_url(post.pk),
                "body": post.body,
                "html": _html(post.body),
                "safety": public_safety(post.safety_decision),
            }
            if post is not None
            else None
        ),
        "created_at": notification.created_at,
        "read": notification.read_at is not None,
    }
