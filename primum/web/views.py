"""Site-wide pages: about, and the error pages (a user never sees a stack trace)."""

from __future__ import annotations

from django.http import JsonResponse
from django.shortcuts import render


def about(request):
    return render(request, "web/about.html")


def _error(request, status: int, title: str, message: str):
    if request.path.startswith("/api/"):
        # The API always answers JSON in the typed error shape, even for unknown paths.
        code = {
            400: "bad_request",
            403: "permission_denied",
            404: "not_found",
            500: "server_error",
        }[status]
        return JsonResponse({"code": code, "message": message, "detail": {}}, status=status)
    return render(
        request,
        "web/error.html",
        {"status": status, "title": title, "message": message},
        status=status,
    )


def error_400(request, exception=None):
    return _error(request, 400, "Bad request", "The request could not be understood.")


def error_403(request, exception=None):
    return _error(request, 403, "Not allowed", "You are not allowed to see this page.")


def error_404(request, exception=None):
    return _error(request, 404, "Not found", "This page does not exist or is not visible to you.")


def error_500(request):
    return _error(
        request,
        500,
        "Something went wrong",
        "Something went wrong on our side. Nothing you sent was lost.",
    )
