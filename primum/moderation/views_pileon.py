"""Pages for pile-on events: the target's list, one event, and its bulk actions.

Only the target of an event ever sees it; anyone else gets the 404 page, whether the event
exists or not. The bulk actions call the same services as the JSON API.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from primum.moderation import pileon
from primum.social.views import handles_errors


@login_required
@require_GET
@handles_errors
def pileon_list(request):
    events = list(pileon.pileon_events(request.user)[:100])
    return render(request, "moderation/pileon_list.html", {"events": events, "title": "Pile-ons"})


@login_required
@require_GET
@handles_errors
def pileon_detail(request, event_id: int):
    event = pileon.access_pileon_event(request.user, event_id)
    context = {
        "event": event,
        "accounts": pileon.pileon_involved(event),
        "title": "Pile-on",
    }
    return render(request, "moderation/pileon_detail.html", context)


def _say(request, result: pileon.BulkResult, verb: str) -> None:
    if result.done:
        messages.success(request, f"{verb.capitalize()} {len(result.done)} accounts.")
    if result.already and not result.done:
        messages.info(request, f"All of these accounts were already {verb}.")
    if result.left:
        messages.warning(
            request,
            f"{len(result.left)} accounts are not {verb} yet (too many actions in a minute); "
            "press the button again in a minute.",
        )


@login_required
@require_POST
@handles_errors
def pileon_block_all(request, event_id: int):
    result = pileon.pileon_block_all(actor=request.user, event_id=event_id)
    _say(request, result, "blocked")
    return redirect("moderation_pileon:detail", event_id=event_id)


@login_required
@require_POST
@handles_errors
def pileon_mute_all(request, event_id: int):
    result = pileon.pileon_mute_all(actor=request.user, event_id=event_id)
    _say(request, result, "muted")
    return redirect("moderation_pileon:detail", event_id=event_id)


@login_required
@require_POST
@handles_errors
def pileon_limit_replies(request, event_id: int):
    pileon.pileon_limit_replies(actor=request.user, event_id=event_id)
    messages.success(request, "Only people you follow can reply to this post now.")
    return redirect("moderation_pileon:detail", event_id=event_id)
