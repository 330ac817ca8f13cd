"""Request-level guards shared by pages and API."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse

from primum.core.errors import PayloadTooLarge


def body_limit_for(path: str) -> int:
    """Uploads (paths under PRIMUM_UPLOAD_PATH_PREFIXES) may be larger than other requests."""
    if any(path.startswith(prefix) for prefix in settings.PRIMUM_UPLOAD_PATH_PREFIXES):
        return settings.PRIMUM_MAX_UPLOAD_BYTES
    return settings.PRIMUM_MAX_BODY_BYTES


class RequestBodyLimitMiddleware:
    """Refuse bodies above the limit for their path before anything reads them."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        raw_length = request.META.get("CONTENT_LENGTH") or "0"
        try:
            length = int(raw_length)
        except ValueError:
            length = 0
        limit = body_limit_for(request.path)
        if length > limit:
            error = PayloadTooLarge(
                f"The request body is {length} bytes; the limit is {limit}.",
                detail={"limit": limit},
            )
            if request.path.startswith("/api/"):
                return JsonResponse(error.as_dict(), status=error.status)
            return HttpResponse(
                error.message, status=error.status, content_type="text/plain; charset=utf-8"
            )
        return self.get_response(request)
