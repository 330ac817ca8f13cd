"""Session tracking (for the sessions list) and the staff two-factor requirement."""

from __future__ import annotations

import time
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone

from primum.accounts.models import UserSession

TOUCH_EVERY_SECONDS = 300


def client_ip(request: HttpRequest) -> str | None:
    return request.META.get("REMOTE_ADDR") or None


class SessionTrackingMiddleware:
    """Record each logged-in browser session so the user can list and revoke it."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        session = getattr(request, "session", None)
        if (
            user is None
            or not user.is_authenticated
            or session is None
            or session.session_key is None
        ):
            return response
        if getattr(request, "access_token", None) is not None:
            return response  # API token requests are not browser sessions
        now = time.time()
        if now - session.get("_tracked_at", 0) < TOUCH_EVERY_SECONDS:
            return response
        UserSession.objects.update_or_create(
            session_key=session.session_key,
            defaults={
                "user": user,
                "user_agent": request.META.get("HTTP_USER_AGENT", "")[:300],
                "ip_address": client_ip(request),
                "last_seen_at": timezone.now(),
            },
        )
        session["_tracked_at"] = now
        return response


class StaffTwoFactorMiddleware:
    """Staff must set up and pass TOTP two-factor before using the admin."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if (
            settings.PRIMUM_REQUIRE_STAFF_2FA
            and request.path.startswith("/admin/")
            and user is not None
            and user.is_authenticated
            and user.is_staff
            and not user.is_verified()
        ):
            return redirect(f"{settings_url('accounts:two_factor')}?next={request.path}")
        return self.get_response(request)


def settings_url(name: str) -> str:
    from django.urls import reverse

    return reverse(name)
