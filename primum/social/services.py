"""Writes for posts, reactions, follows and notifications.

Every function is keyword-only, validates its input into a typed ApplicationError, runs in
one transaction, and queues side effects (notifications) to run after commit.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import F
from django.db.models.functions import Greatest, Lower
from django.utils import timezone

from primum.accounts.models import Block, Mute
from primum.core.errors import NotFound, PermissionDenied, ValidationError
from primum.core.models import SafetyDecision
from primum.core.ratelimit import check_write_rate
from primum.core.tasks import after_commit
from primum.core.text import TextProblem, clean_text, extract_hashtags, extract_mentions
from primum.moderation import screening
from primum.social import policies
from primum.social.models import (
    CW_MAX_CHARS,
    POST_MAX_CHARS,
    Bookmark,
    Follow,
    Hashtag,
    Like,
    Mention,
    Notification,
    Post,
    PostEdit,
    PostHashtag,
    QuotePolicy,
    ReplyPolicy,
    Visibility,
)
from primum.social.selectors import access_post, access_user

User = get_user_model()


# --- Validation helpers ------------------------------------------------------------------


def clean_body(body: object, *, field: str = "body", allow_empty: bool = False) -> str:
    try:
        return clean_text(body, max_length=POST_MAX_CHARS, allow_empty=allow_empty, what="The post")
    except TextProblem as problem:
        raise ValidationError(problem.message, code=problem.code, field=field) from None


def clean_content_warning(value: object) -> str:
    try:
        return clean_text(
            value,
            max_length=CW_MAX_CHARS,
            allow_empty=True,
            multiline=False,
            what="The content warning",
        )
    except TextProblem as problem:
        raise ValidationError(problem.message, code=problem.code, field="content_warning") from None


def _choice(value: object, choices, field: str, default: str) -> str:
    if value in (None, ""):
        return default
    if value not in choices.values:
        allowed = ", ".join(choices.values)
        raise ValidationError(
            f"{field} must be one of: {allowed}.", code="invalid_choice", field=field
        )
    return str(value)


def _require_user(actor) -> None:
    if actor is None or not actor.is_authenticated:
        from primum.core.errors import NotAuthenticated

        raise NotAuthenticated()


def _lock_rate(actor) -> None:
    _require_user(actor)
    check_write_rate(actor.pk)


# --- Mentions and hashtags ---------------------------------------------------------------


def _sync_entities(post: Post) -> list[int]:
    """Store the post's hashtags and mentions; return the ids of newly mentioned users."""
    tags = extract_hashtags(post.body)
    PostHashtag.objects.filter(post=post).exclude(hashtag__name__in=tags).delete()
    if tags:
        Hashtag.objects.bulk_create([Hashtag(name=t) for t in tags], ignore_conflicts=True)
        tag_ids = list(Hashtag.objects.filter(name__in=tags).values_list("pk", flat=True))
        PostHashtag.objects.bulk_create(
            [PostHashtag(post=post, hashtag_id=tid) for tid in tag_ids], ignore_conflicts=True
        )
    handles = extract_mentions(post.body)
    wanted = set(
        User.objects.annotate(handle_lower=Lower("username"))
        .filter(handle_lower__in=handles, is_active=True)
        .values_list("pk", flat=True)
    )
    existing = set(Mention.objects.filter(post=post).values_list("user_id", flat=True))
    Mention.objects.filter(post=post).exclude(user_id__in=wanted).delete()
    new = wanted - existing
    Mention.objects.bulk_create(
        [Mention(post=post, user_id=uid) for uid in new], ignore_conflicts=True
    )
    return sorted(new)


def _int_or_none(value: object) -> int | None:
    try:
        return int(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None


# --- Posts -------------------------------------------------------------------------------


def post_create(
    *,
    author,
    body: object,
    content_warning: object = "",
    visibility: object = Visibility.PUBLIC,
    reply_to_id: object = None,
    quote_of_id: object = None,
    reply_policy: object = ReplyPolicy.ANYONE,
    quote_policy: object = QuotePolicy.ANYONE,
) -> Post:
    """Write a post, reply or quote, assessed by the safety engine.

    The input is validated and the engine runs before the write transaction opens (it is CPU
    work; no lock is held meanwhile). The decision is stored with the post in the same
    transaction. A held post (``hold``) is seen by its author only: no counters move, nobody
    is notified and a moderation case is opened; a moderator's release does the rest
    (``post_publish_held``).
    """
    _lock_rate(author)
    text = clean_body(body)
    warning = clean_content_warning(content_warning)
    visibility = _choice(visibility, Visibility, "visibility", Visibility.PUBLIC)
    reply_policy = _choice(reply_policy, ReplyPolicy, "reply_policy", ReplyPolicy.ANYONE)
    quote_policy = _choice(quote_policy, QuotePolicy, "quote_policy", QuotePolicy.ANYONE)
    parent = quoted = None
    if reply_to_id not in (None, ""):
        parent = access_post(author, reply_to_id)
        if parent.repost_of_id:
            parent = access_post(author, parent.repost_of_id)
        if not policies.can_reply(author, parent):
            raise PermissionDenied(
                "The author limited who can reply to this post.",
                code="reply_not_allowed",
                field="reply_to_id",
            )
        if parent.visibility == Visibility.FOLLOWERS:
            visibility = Visibility.FOLLOWERS
    if quote_of_id not in (None, ""):
        quoted = access_post(author, quote_of_id)
        if quoted.repost_of_id:
            quoted = access_post(author, quoted.repost_of_id)
        if not policies.can_quote(author, quoted):
            raise PermissionDenied(
                "The author does not allow this post to be quoted.",
                code="quote_not_allowed",
                field="quote_of_id",
            )
    screened = screening.assess_post(author, text, parent=parent, quoted=quoted)
    with transaction.atomic():
        post = Post(
            author=author,
            body=text,
            content_warning=warning,
            visibility=visibility,
            reply_to=parent,
            thread_root=(parent.thread_root or parent) if parent else None,
            quote_of=quoted,
            reply_policy=reply_policy,
            quote_policy=quote_policy,
            **screened.fields(),
        )
        post.full_clean()
        post.save()
        mentioned = _sync_entities(post)
        if post.safety_decision == SafetyDecision.HOLD:
            from primum.moderation.services import case_open_for_post

            case_open_for_post(post=post, target_id=screened.target_id)
        else:
            _count_and_notify(post, mentioned)
    return post


def _count_and_notify(post: Post, mentioned: list[int]) -> None:
    """The side effects of a published post: the parent's counters, notifications and the
    pile-on check. Run at creation, or when a moderator releases a held post."""
    if post.reply_to_id is not None:
        Post.objects.filter(pk=post.reply_to_id).update(reply_count=F("reply_count") + 1)
    if post.quote_of_id is not None and not post.quote_detached:
        Post.objects.filter(pk=post.quote_of_id).update(quote_count=F("quote_count") + 1)
    after_commit(_notify_post, post.pk, mentioned)
    if post.reply_to_id or post.quote_of_id or mentioned:
        _queue_pileon_check(post.pk)


def _queue_pileon_check(post_id: int) -> None:
    try:
        from primum.moderation.pileon import queue_pileon_check
    except ImportError:  # pile-on detection is optional
        return
    queue_pileon_check(post_id)


def post_publish_held(*, post: Post, decision: str) -> Post:
    """A moderator released a held post: it gets ``decision`` (allow or collapse) and the
    counters and notifications happen as they would have at creation. Call inside the
    moderation service's transaction."""
    if post.safety_decision != SafetyDecision.HOLD:
        return post
    post.safety_decision = decision
    post.save(update_fields=["safety_decision", "updated_at"])
    if post.deleted_at is None:
        mentioned = sorted(Mention.objects.filter(post=post).values_list("user_id", flat=True))
        _count_and_notify(post, mentioned)
    return post


def post_remove_held(*, post: Post) -> Post:
    """A moderator removed a held post: it becomes a tombstone (its text erased)."""
    if post.deleted_at is None:
        _tombstone(post)
    return post


def _notify_post(post_id: int, mentioned_ids: list[int]) -> None:
    from primum.social.tasks import notify_post_created

    notify_post_created.delay(post_id, mentioned_ids)


def post_edit(*, actor, post_id: object, body: object, content_warning: object = None) -> Post:
    """Edit a post; the new text is assessed again (outside the write transaction).

    A post that becomes ``hold`` leaves everyone else's view (its parent's counters go back
    down) and a case is opened. A post already held stays held until a moderator decides;
    its open case gets the new text.
    """
    _lock_rate(actor)
    post = access_post(actor, post_id)
    if not policies.can_edit_post(actor, post):
        raise PermissionDenied("Only the author can edit this post.", code="not_author")
    text = clean_body(body)
    warning = (
        post.content_warning if content_warning is None else clean_content_warning(content_warning)
    )
    if text == post.body and warning == post.content_warning:
        return post
    screened = screening.assess_post(actor, text, parent=post.reply_to, quoted=post.quote_of)
    with transaction.atomic():
        was_held = post.safety_decision == SafetyDecision.HOLD
        PostEdit.objects.create(post=post, body=post.body, content_warning=post.content_warning)
        post.body = text
        post.content_warning = warning
        post.edited_at = timezone.now()
        post.safety_assessment = screened.assessment.to_dict()
        post.safety_model_version = screened.assessment.model_version
        now_held = was_held or screened.decision == SafetyDecision.HOLD
        post.safety_decision = SafetyDecision.HOLD if now_held else screened.decision
        post.full_clean()
        post.save(
            update_fields=[
                "body",
                "content_warning",
                "edited_at",
                "safety_decision",
                "safety_assessment",
                "safety_model_version",
                "updated_at",
            ]
        )
        mentioned = _sync_entities(post)
        if now_held:
            from primum.moderation.services import case_open_for_post

            if not was_held:
                _uncount(post)
            case_open_for_post(post=post, target_id=screened.target_id)
        elif mentioned:
            after_commit(_notify_post, post.pk, mentioned)
    return post


@transaction.atomic
def post_delete(*, actor, post_id: object) -> Post:
    """Delete a post: its text is erased and it stays as a tombstone so threads keep shape."""
    _require_user(actor)
    if actor.is_staff:
        # Staff act from the admin on posts they may not be able to see as members
        # (followers-only, or by an account that blocked them).
        post = Post.objects.filter(pk=_int_or_none(post_id), deleted_at__isnull=True).first()
        if post is None:
            raise NotFound("This post does not exist.", code="post_not_found")
    else:
        post = access_post(actor, post_id)
    if not policies.can_delete_post(actor, post):
        raise NotFound("This post does not exist or is not visible to you.", code="post_not_found")
    _tombstone(post)
    return post


def _uncount(post: Post) -> None:
    """Take a post out of its parent's reply count and its quoted post's quote count."""
    if post.reply_to_id:
        Post.objects.filter(pk=post.reply_to_id).update(
            reply_count=Greatest(F("reply_count") - 1, 0)
        )
    if post.quote_of_id and not post.quote_detached:
        Post.objects.filter(pk=post.quote_of_id).update(
            quote_count=Greatest(F("quote_count") - 1, 0)
        )


def _tombstone(post: Post) -> None:
    now = timezone.now()
    if post.repost_of_id:
        Post.objects.filter(pk=post.repost_of_id).update(
            repost_count=Greatest(F("repost_count") - 1, 0)
        )
        post.delete()
        return
    if post.safety_decision == SafetyDecision.HOLD:
        # A held post was never counted; its open case is closed as withdrawn.
        from primum.moderation.services import case_withdraw_for_post

        case_withdraw_for_post(post=post)
    else:
        _uncount(post)
    post.body = ""
    post.content_warning = ""
    post.deleted_at = now
    post.save(update_fields=["body", "content_warning", "deleted_at", "updated_at"])
    PostEdit.objects.filter(post=post).delete()
    PostHashtag.objects.filter(post=post).delete()
    Mention.objects.filter(post=post).delete()
    Post.objects.filter(repost_of=post).delete()
    Notification.objects.filter(post=post).delete()


@transaction.atomic
def post_set_controls(
    *, actor, post_id: object, reply_policy: object = None, quote_policy: object = None
) -> Post:
    _lock_rate(actor)
    post = access_post(actor, post_id)
    if not policies.can_edit_post(actor, post):
        raise PermissionDenied(
            "Only the author can change who may reply or quote.", code="not_author"
        )
    if reply_policy is not None:
        post.reply_policy = _choice(reply_policy, ReplyPolicy, "reply_policy", ReplyPolicy.ANYONE)
    if quote_policy is not None:
        post.quote_policy = _choice(quote_policy, QuotePolicy, "quote_policy", QuotePolicy.ANYONE)
    post.save(update_fields=["reply_policy", "quote_policy", "updated_at"])
    return post


@transaction.atomic
def quote_detach(*, actor, quote_id: object) -> Post:
    """The quoted author removes their post from someone else's quote."""
    _lock_rate(actor)
    try:
        quote = Post.objects.select_related("quote_of").get(
            pk=int(quote_id), deleted_at__isnull=True
        )
    except (Post.DoesNotExist, TypeError, ValueError):
        raise NotFound(
            "This post does not exist or is not visible to you.", code="post_not_found"
        ) from None
    if not policies.can_detach_quote(actor, quote):
        raise NotFound("This post does not quote one of yours.", code="post_not_found")
    if not quote.quote_detached:
        quote.quote_detached = True
        quote.save(update_fields=["quote_detached", "updated_at"])
        if quote.safety_decision != SafetyDecision.HOLD:  # a held quote was never counted
            Post.objects.filter(pk=quote.quote_of_id).update(
                quote_count=Greatest(F("quote_count") - 1, 0)
            )
    return quote


# --- Reactions ---------------------------------------------------------------------------


def _original(actor, post_id: object) -> Post:
    post = access_post(actor, post_id)
    return access_post(actor, post.repost_of_id) if post.repost_of_id else post


@transaction.atomic
def repost_create(*, actor, post_id: object) -> Post:
    _lock_rate(actor)
    post = _original(actor, post_id)
    if not policies.can_repost(actor, post):
        raise PermissionDenied("This post cannot be reposted.", code="repost_not_allowed")
    existing = Post.objects.filter(author=actor, repost_of=post, deleted_at__isnull=True).first()
    if existing:
        return existing
    repost = Post.objects.create(author=actor, repost_of=post, visibility=Visibility.PUBLIC)
    Post.objects.filter(pk=post.pk).update(repost_count=F("repost_count") + 1)
    after_commit(
        _notify,
        recipient_id=post.author_id,
        actor_id=actor.pk,
        kind=Notification.Kind.REPOST,
        post_id=post.pk,
    )
    return repost


@transaction.atomic
def repost_delete(*, actor, post_id: object) -> None:
    _lock_rate(actor)
    post = _original(actor, post_id)
    deleted, _ = Post.objects.filter(author=actor, repost_of=post).delete()
    if deleted:
        Post.objects.filter(pk=post.pk).update(repost_count=Greatest(F("repost_count") - 1, 0))


@transaction.atomic
def like_create(*, actor, post_id: object) -> Like:
    _lock_rate(actor)
    post = _original(actor, post_id)
    like, created = Like.objects.get_or_create(user=actor, post=post)
    if created:
        Post.objects.filter(pk=post.pk).update(like_count=F("like_count") + 1)
        after_commit(
            _notify,
            recipient_id=post.author_id,
            actor_id=actor.pk,
            kind=Notification.Kind.LIKE,
            post_id=post.pk,
        )
    return like


@transaction.atomic
def like_delete(*, actor, post_id: object) -> None:
    _lock_rate(actor)
    post = _original(actor, post_id)
    deleted, _ = Like.objects.filter(user=actor, post=post).delete()
    if deleted:
        Post.objects.filter(pk=post.pk).update(like_count=Greatest(F("like_count") - 1, 0))


@transaction.atomic
def bookmark_create(*, actor, post_id: object) -> Bookmark:
    _lock_rate(actor)
    post = _original(actor, post_id)
    bookmark, _ = Bookmark.objects.get_or_create(user=actor, post=post)
    return bookmark


@transaction.atomic
def bookmark_delete(*, actor, post_id: object) -> None:
    _lock_rate(actor)
    post = _original(actor, post_id)
    Bookmark.objects.filter(user=actor, post=post).delete()


# --- Follows -----------------------------------------------------------------------------


@transaction.atomic
def follow_create(*, actor, handle: str) -> Follow:
    _lock_rate(actor)
    target = access_user(actor, handle)
    if target.pk == actor.pk:
        raise ValidationError("You cannot follow yourself.", code="follow_self", field="handle")
    if not policies.can_follow(actor, target):
        raise NotFound("This account does not exist.", code="user_not_found")
    follow, created = Follow.objects.get_or_create(follower=actor, followee=target)
    if created:
        after_commit(
            _notify,
            recipient_id=target.pk,
            actor_id=actor.pk,
            kind=Notification.Kind.FOLLOW,
            post_id=None,
        )
    return follow


@transaction.atomic
def follow_delete(*, actor, handle: str) -> None:
    _lock_rate(actor)
    target = access_user(actor, handle)
    Follow.objects.filter(follower=actor, followee=target).delete()


# --- Notifications -----------------------------------------------------------------------


def _notify(*, recipient_id: int, actor_id: int, kind: str, post_id: int | None) -> None:
    from primum.social.tasks import notify

    notify.delay(recipient_id, actor_id, kind, post_id)


def notification_create(
    *, recipient_id: int, actor_id: int, kind: str, post_id: int | None
) -> Notification | None:
    """Create one notification unless it would reach someone who blocked or muted the actor,
    or concerns a post the recipient cannot see. Idempotent."""
    if recipient_id == actor_id:
        return None
    recipient = User.objects.filter(pk=recipient_id, is_active=True).first()
    actor = User.objects.filter(pk=actor_id, is_active=True).first()
    if recipient is None or actor is None:
        return None
    if Block.objects.filter(
        blocker_id__in=[recipient_id, actor_id], blocked_id__in=[recipient_id, actor_id]
    ).exists():
        return None
    if (
        Mute.objects.filter(muter_id=recipient_id, muted_id=actor_id)
        .exclude(expires_at__lte=timezone.now())
        .exists()
    ):
        return None
    post = None
    if post_id is not None:
        post = (
            Post.objects.select_related("author")
            .filter(pk=post_id)
            .exclude(safety_decision=SafetyDecision.HOLD)  # nobody hears of held content
            .first()
        )
        if post is None or not policies.can_view_post(recipient, post):
            return None
    try:
        with transaction.atomic():
            notification, _ = Notification.objects.get_or_create(
                recipient=recipient, actor=actor, kind=kind, post=post
            )
    except IntegrityError:
        return Notification.objects.filter(
            recipient=recipient, actor=actor, kind=kind, post=post
        ).first()
    return notification


def notification_moderation_outcome(
    *, recipient_id: int, released: bool, post_id: int | None, what: str, reason: str
) -> Notification | None:
    """Tell an author what a moderator decided about their held post or message.

    The notification names no moderator: its actor is the author themself.
    """
    recipient = User.objects.filter(pk=recipient_id, is_active=True).first()
    if recipient is None:
        return None
    kind = Notification.Kind.RELEASED if released else Notification.Kind.REMOVED
    if released:
        note = f"Your {what} held for review is now visible. Reason: {reason}"
    else:
        note = f"Your {what} held for review was removed. Reason: {reason}"
    return Notification.objects.create(
        recipient=recipient, actor=recipient, kind=kind, post_id=post_id, note=note[:1100]
    )


def notifications_for_post(*, post_id: int, mentioned_ids: list[int]) -> None:
    post = (
        Post.objects.select_related("reply_to", "quote_of")
        .filter(pk=post_id, deleted_at__isnull=True)
        .exclude(safety_decision=SafetyDecision.HOLD)
        .first()
    )
    if post is None:
        return
    told: set[int] = set()
    if post.reply_to is not None:
        notification_create(
            recipient_id=post.reply_to.author_id,
            actor_id=post.author_id,
            kind=Notification.Kind.REPLY,
            post_id=post.pk,
        )
        told.add(post.reply_to.author_id)
    if post.quote_of is not None and post.quote_of.author_id not in told:
        notification_create(
            recipient_id=post.quote_of.author_id,
            actor_id=post.author_id,
            kind=Notification.Kind.QUOTE,
            post_id=post.pk,
        )
        told.add(post.quote_of.author_id)
    for user_id in mentioned_ids:
        if user_id not in told:
            notification_create(
                recipient_id=user_id,
                actor_id=post.author_id,
                kind=Notification.Kind.MENTION,
                post_id=post.pk,
            )


@transaction.atomic
def notifications_mark_read(*, user, up_to_id: object = None) -> int:
    """Mark the user's notifications read (all, or those with id <= up_to_id)."""
    _require_user(user)
    qs = Notification.objects.filter(recipient=user, read_at__isnull=True)
    if up_to_id not in (None, ""):
        try:
            qs = qs.filter(pk__lte=int(up_to_id))
        except (TypeError, ValueError):
            raise ValidationError(
                "up_to_id must be a notification id.", code="invalid", field="up_to_id"
            ) from None
    return qs.update(read_at=timezone.now())
