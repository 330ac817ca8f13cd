"""Pages for vouching, the trust panel, the pseudonym setting and the audited private view.

Thin: each view parses the form, calls one service or selector and renders. Typed errors
are shown next to their field with their 4xx status; NotFound is the 404 page.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from primum.core.errors import ApplicationError
from primum.identity import policies, privacy, selectors, vouching
from primum.identity.models import Vouch
from primum.social.selectors import access_user
from primum.social.views import handles_errors


def _profile_url(handle: str) -> str:
    return reverse("social:profile", kwargs={"handle": handle})


@require_GET
@handles_errors
def trust(request, handle: str):
    """The trust panel on a page of its own (the target of "How do I know this person?")."""
    panel = selectors.trust_panel_for_handle(request.user, handle)
    context = {"title": f"How do I know @{panel.subject.username}?", "panel": panel}
    return render(request, "identity/trust.html", context)


@login_required
@require_http_methods(["GET", "POST"])
@handles_errors
def vouch(request, handle: str):
    person = access_user(request.user, handle)
    error: ApplicationError | None = None
    values = {"relation": "", "note": ""}
    if request.method == "POST":
        values = {k: request.POST.get(k, "") for k in values}
        try:
            vouching.vouch_create(
                voucher=request.user,
                handle=handle,
                relation=values["relation"],
                note=values["note"],
            )
        except ApplicationError as problem:
            if problem.status == 404 or problem.status == 401:
                raise
            error = problem
        else:
            messages.success(request, f"You now vouch for @{person.username}.")
            return redirect(_profile_url(person.username))
    context = {
        "title": f"Vouch for @{person.username}",
        "person": person,
        "relations": Vouch.Relation.choices,
        "values": values,
        "error": error,
        "can_vouch": policies.can_vouch(request.user),
        "existing": selectors.vouch_between(request.user, person),
        "required": vouching.vouches_required(),
    }
    status = error.status if error else 200
    return render(request, "identity/vouch.html", context, status=status)


@login_required
@require_POST
@handles_errors
def vouch_withdraw(request, handle: str):
    vouch = vouching.vouch_withdraw(voucher=request.user, handle=handle)
    messages.success(request, f"You withdrew your vouch for @{vouch.vouchee.username}.")
    return redirect(_profile_url(vouch.vouchee.username))


@login_required
@require_http_methods(["GET", "POST"])
@handles_errors
def pseudonym(request):
    profile = request.user.profile
    error: ApplicationError | None = None
    values = {"enabled": profile.is_pseudonymous, "display_name": profile.display_name}
    if request.method == "POST":
        values = {
            "enabled": request.POST.get("enabled") == "on",
            "display_name": request.POST.get("display_name", ""),
        }
        try:
            privacy.pseudonym_set(
                user=request.user, enabled=values["enabled"], display_name=values["display_name"]
            )
        except ApplicationError as problem:
            if problem.status == 401:
                raise
            error = problem
        else:
            messages.success(
                request,
                "You now post under a pseudonym."
                if values["enabled"]
                else "Your profile shows your professional details again.",
            )
            return redirect("identity:pseudonym")
    context = {
        "title": "Pseudonym",
        "values": values,
        "error": error,
        "allowed": policies.can_use_pseudonym(request.user),
    }
    return render(
        request, "identity/pseudonym.html", context, status=error.status if error else 200
    )


@login_required
@require_GET
@handles_errors
def private_identity(request, handle: str):
    """Verifiers and staff: real name, e-mail, NPI, licence, documents. Audited; 404 for others."""
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.filter(username__iexact=handle[:30]).first()
    identity = selectors.access_private_identity(request.user, user)
    response = render(
        request,
        "identity/private_identity.html",
        {"title": f"Private identity of @{identity.handle}", "identity": identity},
    )
    response["Cache-Control"] = "no-store"
    return response
