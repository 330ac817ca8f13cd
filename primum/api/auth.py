"""API authentication: personal access tokens (Bearer) or the browser session.

* ``read_auth``: a read or write token, a session, or nobody (anonymous reads of public
  data). Endpoints that need a user call ``require_user``.
* ``write_auth``: a write-scoped token or a session (with CSRF). A read-scoped token gets a
  typed 403 ``insufficient_scope``.
"""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest
from django.utils import timezone
from django.utils.functional import LazyObject, empty
from ninja.security import APIKeyCookie, HttpBearer

from primum.accounts.models import AccessToken
from primum.accounts.tokens import hash_token
from primum.core.errors import NotAuthenticated, PermissionDenied


class BearerToken(HttpBearer):
    def __init__(self, *, need_write: bool) -> None:
        super().__init__()
        self.need_write = need_write

    def authenticate(self, request: HttpRequest, token: str):  # type: ignore[override]
        if not token:
            return None
        access = (
            AccessToken.objects.select_related("user")
            .filter(token_hash=hash_token(token), revoked_at__isnull=True, user__is_active=True)
            .first()
        )
        if access is None:
            raise NotAuthenticated(
                "The access token is not valid or was revoked.", code="invalid_token"
            )
        if self.need_write and not access.can_write:
            raise PermissionDenied(
                "This access token is read-only; create a token with the write scope.",
                code="insufficient_scope",
            )
        now = timezone.now()
        if access.last_used_at is None or (now - access.last_used_at).total_seconds() > 60:
            AccessToken.objects.filter(pk=access.pk).update(last_used_at=now)
        request.user = access.user
        request.access_token = access  # type: ignore[attr-defined]
        return access.user


class SessionAuth(APIKeyCookie):
    """The browser session; unsafe methods must carry the CSRF token."""

    param_name = "sessionid"

    def __init__(self, *, csrf: bool = True) -> None:
        super().__init__(csrf=csrf)

    def __call__(self, request: HttpRequest):
        # No logged-in session: nothing to protect with CSRF, so let the next method (or a
        # 401 not_authenticated) answer instead of a misleading CSRF failure.
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or getattr(request, "access_token", None):
            return None
        return super().__call__(request)

    def authenticate(self, request: HttpRequest, key: str | None):  # type: ignore[override]
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            return user
        return None


class Anonymous:
    def __call__(self, request: HttpRequest):
        if "HTTP_AUTHORIZATION" in request.META:
            return None  # a bad Authorization header was already answered by BearerToken
        return AnonymousUser()


read_auth = [BearerToken(need_write=False), SessionAuth(csrf=False), Anonymous()]
write_auth = [BearerToken(need_write=True), SessionAuth(csrf=True)]
user_read_auth = [BearerToken(need_write=False), SessionAuth(csrf=False)]


def require_user(request: HttpRequest):
    """The logged-in account itself, or a typed 401.

    ``request.user`` is a lazy proxy: every attribute read goes through it (a feed page
    reads ``viewer.pk`` a few hundred times), so the account behind it is returned.
    """
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        raise NotAuthenticated()
    while isinstance(user, LazyObject):  # django-otp wraps the proxy in another one
        if user._wrapped is empty:  # type: ignore[attr-defined]
            user._setup()  # type: ignore[attr-defined]
        user = user._wrapped  # type: ignore[attr-defined]
    return user
