"""Who may message whom. Small predicates; services and selectors call them.

The facts they need (the recipient's DM policy, whether the recipient follows the sender,
whether the sender is a verified clinician, blocks) are read in SQL by
``primum.messaging.selectors.recipient_gates``; these functions only decide.
"""

from __future__ import annotations

from primum.messaging.models import DMPolicy, Membership


def dm_policy_allows(*, policy: str, recipient_follows_sender: bool, sender_verified: bool) -> bool:
    """Whether a recipient with ``policy`` accepts a new conversation from the sender.

    "Verified clinicians" also admits people the recipient follows: someone who limits DMs
    to verified clinicians still expects to hear from the people they chose to follow.
    """
    if policy == DMPolicy.EVERYONE:
        return True
    if policy == DMPolicy.FOLLOWING:
        return recipient_follows_sender
    if policy == DMPolicy.VERIFIED:
        return sender_verified or recipient_follows_sender
    return False


def refusal_message(handle: str, policy: str) -> str:
    if policy == DMPolicy.FOLLOWING:
        return f"@{handle} only accepts messages from people they follow."
    if policy == DMPolicy.VERIFIED:
        return f"@{handle} only accepts messages from verified clinicians and people they follow."
    return f"@{handle} does not accept direct messages."


def arrival_state(*, recipient_follows_sender: bool) -> str:
    """Messages from someone the recipient does not follow land in Requests."""
    return Membership.State.ACTIVE if recipient_follows_sender else Membership.State.REQUEST


def can_read(membership: Membership | None) -> bool:
    return membership is not None and membership.state in (
        Membership.State.ACTIVE,
        Membership.State.REQUEST,
    )


def shows_read_state(peer_membership: Membership) -> bool:
    """A sender sees "Seen" only once the recipient accepted the conversation: for a request,
    nothing tells whether it was read, is still waiting, or was deleted."""
    return peer_membership.state == Membership.State.ACTIVE
