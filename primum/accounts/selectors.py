"""Reads for accounts: one's own disclosures, sessions, tokens, blocks, mutes, and the export.

Every read here is scoped to the owner in the query; another user's id is "not found".
"""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.utils import timezone

from primum.accounts.models import (
    PROFILE_TEXT_FIELDS,
    AccessToken,
    Block,
    COIDisclosure,
    Mute,
    Profile,
    User,
    UserSession,
)
from primum.core.errors import NotFound

EXPORT_FORMAT_VERSION = 1


def _int_id(value: object) -> int | None:
    try:
        number = int(str(value))
    except (TypeError, ValueError):
        return None
    return number if 0 < number < 2**63 else None


def access_disclosure(user, disclosure_id: object) -> COIDisclosure:
    number = _int_id(disclosure_id)
    disclosure = (
        COIDisclosure.objects.filter(pk=number, user=user).first() if number is not None else None
    )
    if disclosure is None:
        raise NotFound("No such disclosure.", code="disclosure_not_found")
    return disclosure


def profile_for(user) -> Profile:
    return Profile.objects.prefetch_related("links").get(user=user)


def disclosures_of(user) -> QuerySet[COIDisclosure]:
    return COIDisclosure.objects.filter(user=user)


def sessions_of(user) -> QuerySet[UserSession]:
    return UserSession.objects.filter(user=user)


def tokens_of(user) -> QuerySet[AccessToken]:
    return AccessToken.objects.filter(user=user, revoked_at__isnull=True)


def blocks_of(user) -> QuerySet[Block]:
    return Block.objects.filter(blocker=user).select_related("blocked__profile").order_by("-id")


def mutes_of(user) -> QuerySet[Mute]:
    """Mutes still in force (expired ones are not listed)."""
    return (
        Mute.objects.filter(muter=user)
        .filter(Q(expires_at__isnull=True) | Q(expires_at__gt=timezone.now()))
        .select_related("muted__profile")
        .order_by("-id")
    )


def relationship_to(user, other) -> dict[str, bool]:
    """Whether ``user`` blocks / mutes ``other`` (for the buttons on profiles)."""
    if user is None or not user.is_authenticated or other is None:
        return {"blocking": False, "muting": False}
    return {
        "blocking": Block.objects.filter(blocker=user, blocked=other).exists(),
        "muting": mutes_of(user).filter(muted=other).exists(),
    }


def _when(value):
    return value.isoformat() if value else None


def export_user_data(user: User) -> dict:
    """Everything Primum holds about ``user`` that is theirs, as JSON-ready data.

    Other people appear only as handles or post ids; their posts' text is never included
    (a reply's parent, a liked or bookmarked post are referenced by id)."""
    from primum.social.models import Bookmark, Follow, Like, Notification, Post, PostEdit

    profile = profile_for(user)
    posts = list(
        Post.objects.filter(author=user)
        .order_by("id")
        .values(
            "id",
            "body",
            "content_warning",
            "visibility",
            "reply_to_id",
            "thread_root_id",
            "quote_of_id",
            "repost_of_id",
            "reply_policy",
            "quote_policy",
            "created_at",
            "edited_at",
            "deleted_at",
        )
    )
    edits: dict[int, list[dict]] = {}
    for edit in (
        PostEdit.objects.filter(post__author=user)
        .order_by("id")
        .values("post_id", "body", "content_warning", "created_at")
    ):
        edits.setdefault(edit["post_id"], []).append(
            {
                "body": edit["body"],
                "content_warning": edit["content_warning"],
                "replaced_at": _when(edit["created_at"]),
            }
        )
    for post in posts:
        for key in ("created_at", "edited_at", "deleted_at"):
            post[key] = _when(post[key])
        post["edit_history"] = edits.get(post["id"], [])

    def refs(qs, **fields):
        return [
            {
                name: _when(row[src]) if src.endswith("_at") else row[src]
                for name, src in fields.items()
            }
            for row in qs.values(*fields.values())
        ]

    return {
        "format": "primum-account-export",
        "version": EXPORT_FORMAT_VERSION,
        "exported_at": timezone.now().isoformat(),
        "account": {
            "id": user.pk,
            "handle": user.username,
            "email": user.email,
            "email_confirmed_at": _when(user.email_confirmed_at),
            "date_joined": _when(user.date_joined),
            "last_login": _when(user.last_login),
        },
        "profile": profile_data(profile),
        "coi_disclosures": [
            {
                "id": d.pk,
                "entity": d.entity,
                "relationship": d.relationship,
                "description": d.description,
                "start_date": d.start_date.isoformat(),
                "end_date": d.end_date.isoformat() if d.end_date else None,
            }
            for d in disclosures_of(user)
        ],
        "posts": posts,
        "likes": refs(
            Like.objects.filter(user=user).order_by("id"),
            post_id="post_id",
            created_at="created_at",
        ),
        "bookmarks": refs(
            Bookmark.objects.filter(user=user).order_by("id"),
            post_id="post_id",
            created_at="created_at",
        ),
        "following": refs(
            Follow.objects.filter(follower=user).order_by("id"),
            handle="followee__username",
            created_at="created_at",
        ),
        "followers": refs(
            Follow.objects.filter(followee=user).order_by("id"),
            handle="follower__username",
            created_at="created_at",
        ),
        "blocks": refs(
            Block.objects.filter(blocker=user).order_by("id"),
            handle="blocked__username",
            created_at="created_at",
        ),
        "mutes": refs(
            Mute.objects.filter(muter=user).order_by("id"),
            handle="muted__username",
            created_at="created_at",
            expires_at="expires_at",
        ),
        "notifications": refs(
            Notification.objects.filter(recipient=user).order_by("id"),
            kind="kind",
            actor="actor__username",
            post_id="post_id",
            created_at="created_at",
            read_at="read_at",
        ),
        "access_tokens": refs(
            AccessToken.objects.filter(user=user).order_by("id"),
            name="name",
            scope="scope",
            created_at="created_at",
            revoked_at="revoked_at",
        ),
    }


def profile_data(profile) -> dict:
    """The owner's professional profile as plain data (for the API and the export)."""
    data = {name: getattr(profile, name) for name in PROFILE_TEXT_FIELDS}
    data["links"] = [{"label": link.label, "url": link.url} for link in profile.links.all()]
    return data
