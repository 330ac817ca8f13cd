"""Who may do what with posts and accounts. Small predicates; selectors and services call them.

Each predicate takes the actor first. Visibility of lists is enforced in SQL by
``primum.social.selectors.visible_posts``; these predicates decide single objects.
"""

from __future__ import annotations

from django.db.models import Q

from primum.accounts.models import Block
from primum.social.models import Follow, Mention, Post, QuotePolicy, ReplyPolicy, Visibility


def is_blocked_between(a, b) -> bool:
    if a is None or b is None or not a.is_authenticated or not b.is_authenticated or a.pk == b.pk:
        return False
    return Block.objects.filter(Q(blocker=a, blocked=b) | Q(blocker=b, blocked=a)).exists()


def follows(follower, followee) -> bool:
    if not follower.is_authenticated:
        return False
    return Follow.objects.filter(follower=follower, followee=followee).exists()


def can_view_post(actor, post: Post) -> bool:
    if post.deleted_at is not None or not post.author.is_active:
        return False
    if actor.is_authenticated and actor.pk == post.author_id:
        return True
    if is_blocked_between(actor, post.author):
        return False
    if post.visibility == Visibility.PUBLIC:
        return True
    return follows(actor, post.author)


def _reply_policy_allows(actor, post: Post) -> bool:
    if actor.pk == post.author_id:
        return True
    policy = post.reply_policy
    if policy == ReplyPolicy.ANYONE:
        return True
    if policy == ReplyPolicy.FOLLOWING:
        return follows(post.author, actor)
    if policy == ReplyPolicy.MENTIONED:
        return Mention.objects.filter(post=post, user=actor).exists()
    if policy == ReplyPolicy.VERIFIED:
        from primum.identity.policies import is_verified_clinician

        return is_verified_clinician(actor)
    return False


def can_reply(actor, post: Post) -> bool:
    """The post's own control and the thread root's control (a thread gate) both apply."""
    if (
        not actor.is_authenticated
        or post.repost_of_id is not None
        or not can_view_post(actor, post)
    ):
        return False
    if not _reply_policy_allows(actor, post):
        return False
    root = post.thread_root
    if root is not None and root.pk != post.pk:
        if is_blocked_between(actor, root.author):
            return False
        if not _reply_policy_allows(actor, root):
            return False
    return True


def can_quote(actor, post: Post) -> bool:
    if (
        not actor.is_authenticated
        or post.repost_of_id is not None
        or not can_view_post(actor, post)
    ):
        return False
    if actor.pk == post.author_id:
        return True
    if post.visibility != Visibility.PUBLIC:
        return False  # a followers-only post never reaches a wider audience through a quote
    if post.quote_policy == QuotePolicy.ANYONE:
        return True
    if post.quote_policy == QuotePolicy.FOLLOWERS:
        return follows(actor, post.author)
    return False


def can_repost(actor, post: Post) -> bool:
    return (
        actor.is_authenticated
        and post.repost_of_id is None
        and post.visibility == Visibility.PUBLIC
        and can_view_post(actor, post)
    )


def can_edit_post(actor, post: Post) -> bool:
    return (
        actor.is_authenticated
        and actor.pk == post.author_id
        and post.deleted_at is None
        and not post.is_repost
    )


def can_delete_post(actor, post: Post) -> bool:
    return (
        actor.is_authenticated
        and post.deleted_at is None
        and (actor.pk == post.author_id or actor.is_staff)
    )


def can_detach_quote(actor, quote: Post) -> bool:
    """Only the author of the quoted post may detach it from a quote."""
    return (
        actor.is_authenticated
        and quote.quote_of_id is not None
        and quote.quote_of is not None
        and quote.quote_of.author_id == actor.pk
    )


def can_follow(actor, target) -> bool:
    return (
        actor.is_authenticated
        and target.is_active
        and actor.pk != target.pk
        and not is_blocked_between(actor, target)
    )
