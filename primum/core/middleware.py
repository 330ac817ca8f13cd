"""Request-level guards shared by pages and API."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse

from primum.core.errors import PayloadTooLarge


class RequestBodyLimitMiddleware:
    """Refuse bodies above PRIMUM_MAX_BODY_BYTES before anything reads them."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        raw_length = request.META.get("CONTENT_LENGTH") or "0"
        try:
            length = int(raw_length)
        except ValueError:
            length = 0
        if length > settings.PRIMUM_MAX_BODY_BYTES:
            error = PayloadTooLarge(
                f"The request body is {length} bytes; the limit is {settings.PRIMUM_MAX_BODY_BYTES}.",
                detail={"limit": settings.PRIMUM_MAX_BODY_BYTES},
            )
            if request.path.startswith("/api/"):
                return JsonResponse(error.as_dict(), status=error.status)
            return HttpResponse(
                error.message, status=error.status, content_type="text/plain; charset=utf-8"
            )
        return self.get_response(request)
