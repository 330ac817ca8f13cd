"""The JSON API: one NinjaAPI at /api/v1/ that mounts each app's router.

No domain logic lives here; this module only assembles routers and turns every error into
the typed shape ``{"code", "message", "detail"}``.
"""

from __future__ import annotations

import logging

from django.http import Http404, HttpRequest
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError

from primum.core.errors import ApplicationError, RateLimited

logger = logging.getLogger(__name__)

api = NinjaAPI(
    title="Primum API",
    version="1",
    description="The JSON API of Primum. Every action in the web pages is available here. See docs/api.md.",
    urls_namespace="api",
    docs_url="/docs",
    openapi_url="/openapi.json",
)


def _error(request: HttpRequest, status: int, code: str, message: str, detail: dict | None = None):
    return api.create_response(
        request, {"code": code, "message": message, "detail": detail or {}}, status=status
    )


@api.exception_handler(ApplicationError)
def on_application_error(request: HttpRequest, exc: ApplicationError):
    response = api.create_response(request, exc.as_dict(), status=exc.status)
    if isinstance(exc, RateLimited):
        response["Retry-After"] = str(exc.retry_after)
    return response


@api.exception_handler(NinjaValidationError)
def on_validation_error(request: HttpRequest, exc: NinjaValidationError):
    errors = []
    for error in exc.errors:
        location = [str(part) for part in error.get("loc", [])]
        if location and location[0] in {"body", "query", "path", "form"}:
            location = location[1:]
        if location and location[0] in {"payload", "data", "filters"}:
            location = location[1:]
        errors.append({"field": ".".join(location), "message": error.get("msg", "invalid")})
    if any(
        e["message"].startswith("JSON decode error") or "json_invalid" in str(exc.errors)
        for e in errors
    ):
        return _error(request, 400, "invalid_json", "The request body is not valid JSON.")
    first = errors[0] if errors else {"field": "", "message": "invalid"}
    message = f"{first['field'] or 'input'}: {first['message']}"
    return _error(request, 422, "invalid", message, {"field": first["field"], "errors": errors})


@api.exception_handler(AuthenticationError)
def on_auth_error(request: HttpRequest, exc: AuthenticationError):
    return _error(request, 401, "not_authenticated", "Log in or send a valid access token.")


@api.exception_handler(Http404)
def on_404(request: HttpRequest, exc: Http404):
    return _error(request, 404, "not_found", "Not found.")


@api.exception_handler(HttpError)
def on_http_error(request: HttpRequest, exc: HttpError):
    code = {
        400: "bad_request",
        401: "not_authenticated",
        403: "permission_denied",
        404: "not_found",
        405: "method_not_allowed",
        413: "payload_too_large",
    }.get(exc.status_code, "error")
    if exc.status_code == 400 and str(exc) == "Cannot parse request body":
        # django-ninja's answer to a body that is not valid JSON
        return _error(request, 400, "invalid_json", "The request body is not valid JSON.")
    if exc.status_code == 403 and "CSRF" in str(exc):
        return _error(
            request,
            403,
            "csrf_failed",
            "The CSRF token is missing or wrong. Send the X-CSRFToken header with session requests, or use an access token.",
        )
    return _error(request, exc.status_code, code, str(exc))


@api.exception_handler(Exception)
def on_unexpected(request: HttpRequest, exc: Exception):
    logger.exception("Unhandled API error", exc_info=exc)
    return _error(
        request, 500, "server_error", "Something went wrong on our side; nothing was changed."
    )


def _mount_routers() -> None:
    from primum.accounts.api import router as accounts_router
    from primum.identity.api import router as identity_router
    from primum.identity.api_credentials import router as credentials_router
    from primum.messaging.api import router as messaging_router
    from primum.moderation.api import router as moderation_router
    from primum.moderation.api import safety_router
    from primum.moderation.api_pileon import router as pileon_router
    from primum.social.api import router as social_router

    api.add_router("/v1/", accounts_router)
    api.add_router("/v1/", social_router)
    api.add_router("/v1/", messaging_router)
    api.add_router("/v1/", credentials_router)
    api.add_router("/v1/", identity_router)
    api.add_router("/v1/", moderation_router)
    api.add_router("/v1/", safety_router)
    api.add_router("/v1/", pileon_router)


_mount_routers()
