"""Typed errors: every failure a user can cause is an ApplicationError with a stable code.

One handler (primum.api.api) turns them into ``{"code", "message", "detail"}`` with the
right HTTP status; page views show ``message`` next to ``detail["field"]``. A user never
sees a stack trace for bad input.
"""

from __future__ import annotations

from typing import Any


class ApplicationError(Exception):
    code = "error"
    status = 400
    default_message = "The request could not be completed."

    def __init__(
        self,
        message: str | None = None,
        *,
        code: str | None = None,
        field: str | None = None,
        detail: dict[str, Any] | None = None,
    ) -> None:
        self.message = message or self.default_message
        if code:
            self.code = code
        self.field = field
        self.detail: dict[str, Any] = dict(detail or {})
        if field:
            self.detail.setdefault("field", field)
        super().__init__(self.message)

    def as_dict(self) -> dict[str, Any]:
        return {"code": self.code, "message": self.message, "detail": self.detail}


class ValidationError(ApplicationError):
    code = "invalid"
    status = 422
    default_message = "Some of the input is not valid."


class NotAuthenticated(ApplicationError):
    code = "not_authenticated"
    status = 401
    default_message = "Log in to do this."


class PermissionDenied(ApplicationError):
    code = "permission_denied"
    status = 403
    default_message = "You are not allowed to do this."


class NotFound(ApplicationError):
    """Raised for missing objects AND for objects the actor may not know exist."""

    code = "not_found"
    status = 404
    default_message = "Not found."


class Conflict(ApplicationError):
    code = "conflict"
    status = 409
    default_message = "This conflicts with the current state."


class PayloadTooLarge(ApplicationError):
    code = "payload_too_large"
    status = 413
    default_message = "The request body is too large."


class RateLimited(ApplicationError):
    code = "rate_limited"
    status = 429
    default_message = "Too many requests. Try again later."

    def __init__(self, message: str | None = None, *, retry_after: int, **kwargs: Any) -> None:
        super().__init__(message, **kwargs)
        self.retry_after = max(1, int(retry_after))
        self.detail["retry_after"] = self.retry_after
