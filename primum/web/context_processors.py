"""Values every page header needs: unread notifications, unread messages and requests."""

from __future__ import annotations

from django.http import HttpRequest


def header(request: HttpRequest) -> dict:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"unread_notifications": 0, "unread_messages": 0, "message_requests": 0}
    from primum.messaging.selectors import header_counts
    from primum.social.selectors import notification_unread_count

    unread_messages, message_requests = header_counts(user)
    return {
        "unread_notifications": notification_unread_count(user=user),
        "unread_messages": unread_messages,
        "message_requests": message_requests,
    }
