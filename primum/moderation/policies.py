"""Who may review held content: staff with ``moderation.review_content``, or superusers.

Nobody reviews their own content. Everyone else gets "not found" for the queue and its cases,
never "forbidden": held content is not something they may know exists.
"""

from __future__ import annotations

REVIEW_PERMISSION = "moderation.review_content"


def can_review(user) -> bool:
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return bool(user.is_superuser or (user.is_staff and user.has_perm(REVIEW_PERMISSION)))


def can_decide(user, case) -> bool:
    """May ``user`` release or remove this case? Never their own content."""
    return can_review(user) and case.author_id != user.pk
