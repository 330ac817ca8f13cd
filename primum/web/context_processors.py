"""Values every page header needs: the unread notification count."""

from __future__ import annotations

from django.http import HttpRequest


def header(request: HttpRequest) -> dict:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"unread_notifications": 0}
    from primum.social.selectors import notification_unread_count

    return {"unread_notifications": notification_unread_count(user=user)}
