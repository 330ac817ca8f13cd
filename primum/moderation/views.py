"""Pages of the moderator queue: /moderation/ (open cases, oldest first) and one case, with
release and remove forms. Anyone who may not review gets the 404 page."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from primum.core.errors import ApplicationError
from primum.moderation import selectors, services
from primum.social.views import handles_errors


@login_required
@require_GET
@handles_errors
def queue(request):
    page = selectors.queue(request.user, cursor=request.GET.get("cursor") or None)
    return render(request, "moderation/queue.html", {"title": "Moderation queue", "page": page})


def _case_page(request, case, *, error=None, status=200):
    context = {
        "title": f"Case {case.pk}",
        "view": selectors.case_view(case),
        "error": error,
        "reason": request.POST.get("reason", "") if request.method == "POST" else "",
    }
    return render(request, "moderation/case.html", context, status=status)


@login_required
@require_GET
@handles_errors
def case(request, case_id: int):
    return _case_page(request, selectors.access_case(request.user, case_id))


def _decide(request, case_id: int, action):
    found = selectors.access_case(request.user, case_id)
    try:
        action()
    except ApplicationError as error:
        if error.status == 404:
            raise
        return _case_page(request, found, error=error, status=error.status)
    return redirect("moderation:queue")


@login_required
@require_POST
@handles_errors
def release(request, case_id: int):
    def act():
        services.case_release(
            actor=request.user,
            case_id=case_id,
            decision=request.POST.get("decision", ""),
            reason=request.POST.get("reason", ""),
        )
        messages.success(request, f"Case {case_id} released; the author is told.")

    return _decide(request, case_id, act)


@login_required
@require_POST
@handles_errors
def remove(request, case_id: int):
    def act():
        services.case_remove(
            actor=request.user, case_id=case_id, reason=request.POST.get("reason", "")
        )
        messages.success(request, f"Case {case_id}: the content is removed; the author is told.")

    return _decide(request, case_id, act)
