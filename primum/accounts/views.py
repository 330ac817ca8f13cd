"""Account pages: sign-up, log-in (with two-factor), password, settings, security,
two-factor, sessions, tokens, export, deletion, blocks and mutes.

Views are thin: they read a form, call one service or selector, and render. A service's
ApplicationError is shown next to the field it names.
"""

from __future__ import annotations

import json

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout as auth_logout
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST
from django_otp import login as otp_login

from primum.accounts import forms, policies, selectors, services
from primum.accounts.middleware import client_ip
from primum.accounts.models import PROFILE_TEXT_FIELDS, User
from primum.core.errors import ApplicationError, RateLimited

PENDING_LOGIN_KEY = "primum_pending_login"


def _safe_next(request, default: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


def _status(error: ApplicationError) -> int:
    return error.status if error.status in (400, 404, 409, 422, 429) else 400


def _render_error(request, template, context, error: ApplicationError, form=None):
    if form is not None:
        form.add_service_error(error)
    else:
        context["error"] = error
    response = render(request, template, context, status=_status(error))
    if isinstance(error, RateLimited):
        response["Retry-After"] = str(error.retry_after)
    return response


# --- Sign-up and e-mail ------------------------------------------------------------------


def signup(request):
    if request.user.is_authenticated:
        return redirect(settings.LOGIN_REDIRECT_URL)
    form = forms.SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user = services.signup(**form.cleaned_data)
        except ApplicationError as error:
            return _render_error(request, "accounts/signup.html", {"form": form}, error, form)
        services.session_login(request=request, user=user)
        return redirect("accounts:confirm_email")
    return render(
        request, "accounts/signup.html", {"form": form}, status=400 if form.errors else 200
    )


@login_required
def check_email(request):
    return render(request, "accounts/check_email.html", {"mail_dir": settings.EMAIL_FILE_PATH})


@login_required
@require_POST
def resend_confirmation(request):
    try:
        services.email_confirmation_send(user=request.user)
    except ApplicationError as error:
        return _render_error(
            request, "accounts/check_email.html", {"mail_dir": settings.EMAIL_FILE_PATH}, error
        )
    messages.success(request, "We sent a new confirmation link.")
    return redirect("accounts:confirm_email")


def confirm_email(request, token: str):
    try:
        user = services.email_confirm(token=token)
    except ApplicationError as error:
        return render(request, "accounts/confirm_email.html", {"error": error}, status=400)
    return render(request, "accounts/confirm_email.html", {"confirmed_user": user})


# --- Log in / log out --------------------------------------------------------------------


def login_view(request):
    form = forms.LoginForm(request.POST or None)
    next_url = _safe_next(request, reverse(settings.LOGIN_REDIRECT_URL))
    context = {"form": form, "next": next_url}
    if request.method == "POST" and form.is_valid():
        try:
            user = services.login_check(
                identifier=form.cleaned_data["identifier"],
                password=form.cleaned_data["password"],
                ip=client_ip(request),
            )
        except ApplicationError as error:
            return _render_error(request, "accounts/login.html", context, error, form)
        if services.login_requires_otp(user):
            request.session[PENDING_LOGIN_KEY] = {"user_id": user.pk, "next": next_url}
            return redirect("accounts:login_otp")
        services.session_login(request=request, user=user)
        return redirect(next_url)
    return render(request, "accounts/login.html", context, status=400 if form.errors else 200)


def login_otp(request):
    pending = request.session.get(PENDING_LOGIN_KEY)
    user = User.objects.filter(pk=(pending or {}).get("user_id"), is_active=True).first()
    if user is None:
        return redirect("accounts:login")
    form = forms.OTPForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            device = services.otp_check(
                user=user, code=form.cleaned_data["otp_code"], ip=client_ip(request)
            )
        except ApplicationError as error:
            return _render_error(request, "accounts/login_otp.html", {"form": form}, error, form)
        next_url = pending.get("next") or reverse(settings.LOGIN_REDIRECT_URL)
        services.session_login(request=request, user=user, device=device)
        return redirect(next_url)
    return render(request, "accounts/login_otp.html", {"form": form})


@require_POST
def logout_view(request):
    auth_logout(request)
    return redirect(settings.LOGOUT_REDIRECT_URL)


# --- Password ----------------------------------------------------------------------------


def password_reset(request):
    form = forms.PasswordResetRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.password_reset_request(email=form.cleaned_data["email"])
        except ApplicationError as error:
            return _render_error(
                request, "accounts/password_reset.html", {"form": form}, error, form
            )
        return redirect("accounts:password_reset_done")
    return render(
        request, "accounts/password_reset.html", {"form": form}, status=400 if form.errors else 200
    )


def password_reset_done(request):
    return render(
        request, "accounts/password_reset_done.html", {"mail_dir": settings.EMAIL_FILE_PATH}
    )


class PasswordResetConfirm(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")


class PasswordResetComplete(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"


@login_required
@require_POST
def password_change(request):
    form = forms.PasswordChangeForm(request.POST)
    form.is_valid()
    try:
        services.password_change(
            user=request.user,
            old_password=form.cleaned_data.get("old_password"),
            new_password=form.cleaned_data.get("new_password"),
            keep_session_key=request.session.session_key,
        )
    except ApplicationError as error:
        return _render_error(
            request,
            "accounts/security.html",
            _security_context(request, password_form=form),
            error,
            form,
        )
    update_session_auth_hash(request, request.user)
    messages.success(request, "Your password was changed. Your other sessions were logged out.")
    return redirect("accounts:security")


# --- Settings: profile and disclosures ---------------------------------------------------


def _profile_initial(profile) -> dict:
    initial = {name: getattr(profile, name) for name in PROFILE_TEXT_FIELDS}
    for i, link in enumerate(profile.links.all()):
        initial[f"link_label_{i}"] = link.label
        initial[f"link_url_{i}"] = link.url
    return initial


def _settings_context(request, **extra):
    return {
        "disclosures": selectors.disclosures_of(request.user),
        "disclosure_form": extra.pop("disclosure_form", None) or forms.DisclosureForm(),
        **extra,
    }


@login_required
def settings_view(request):
    profile = selectors.profile_for(request.user)
    if request.method == "POST":
        form = forms.ProfileForm(request.POST)
        if form.is_valid():
            try:
                services.profile_update(user=request.user, **form.service_kwargs())
            except ApplicationError as error:
                return _render_error(
                    request,
                    "accounts/settings.html",
                    _settings_context(request, form=form),
                    error,
                    form,
                )
            messages.success(request, "Your profile was saved.")
            return redirect("accounts:settings")
    else:
        form = forms.ProfileForm(initial=_profile_initial(profile))
    return render(request, "accounts/settings.html", _settings_context(request, form=form))


@login_required
@require_POST
def disclosure_create(request):
    form = forms.DisclosureForm(request.POST)
    form.is_valid()
    try:
        services.coi_create(user=request.user, **form.cleaned_data)
    except ApplicationError as error:
        profile = selectors.profile_for(request.user)
        context = _settings_context(
            request, form=forms.ProfileForm(initial=_profile_initial(profile)), disclosure_form=form
        )
        return _render_error(request, "accounts/settings.html", context, error, form)
    messages.success(request, "The disclosure was added.")
    return redirect("accounts:settings")


@login_required
def disclosure_edit(request, disclosure_id: int):
    try:
        disclosure = selectors.access_disclosure(request.user, disclosure_id)
    except ApplicationError as error:
        return render(
            request,
            "web/error.html",
            {"status": 404, "title": "Not found", "message": error.message},
            status=404,
        )
    if request.method == "POST":
        form = forms.DisclosureForm(request.POST)
        form.is_valid()
        try:
            services.coi_update(user=request.user, disclosure_id=disclosure.pk, **form.cleaned_data)
        except ApplicationError as error:
            return _render_error(
                request,
                "accounts/disclosure_edit.html",
                {"form": form, "disclosure": disclosure},
                error,
                form,
            )
        messages.success(request, "The disclosure was saved.")
        return redirect("accounts:settings")
    form = forms.DisclosureForm(
        initial={
            "entity": disclosure.entity,
            "relationship": disclosure.relationship,
            "description": disclosure.description,
            "start_date": disclosure.start_date.isoformat(),
            "end_date": disclosure.end_date.isoformat() if disclosure.end_date else "",
        }
    )
    return render(
        request, "accounts/disclosure_edit.html", {"form": form, "disclosure": disclosure}
    )


@login_required
@require_POST
def disclosure_delete(request, disclosure_id: int):
    try:
        services.coi_delete(user=request.user, disclosure_id=disclosure_id)
    except ApplicationError as error:
        return render(
            request,
            "web/error.html",
            {"status": 404, "title": "Not found", "message": error.message},
            status=404,
        )
    messages.success(request, "The disclosure was removed.")
    return redirect("accounts:settings")


# --- Security: password, sessions, tokens, export ----------------------------------------


def _security_context(request, **extra):
    return {
        "password_form": extra.pop("password_form", None) or forms.PasswordChangeForm(),
        "token_form": extra.pop("token_form", None) or forms.TokenForm(),
        "sessions": selectors.sessions_of(request.user),
        "current_session_key": request.session.session_key,
        "tokens": selectors.tokens_of(request.user),
        "two_factor_on": services.totp_device(request.user) is not None,
        **extra,
    }


@login_required
def security(request):
    return render(request, "accounts/security.html", _security_context(request))


@login_required
@require_POST
def session_revoke(request, session_id: int):
    try:
        services.session_revoke(user=request.user, session_id=session_id)
    except ApplicationError as error:
        return _render_error(request, "accounts/security.html", _security_context(request), error)
    messages.success(request, "That session was logged out.")
    return redirect("accounts:security")


@login_required
@require_POST
def sessions_revoke_others(request):
    count = services.sessions_revoke_others(
        user=request.user, keep_session_key=request.session.session_key
    )
    messages.success(request, f"Logged out {count} other session(s).")
    return redirect("accounts:security")


@login_required
@require_POST
def token_create(request):
    form = forms.TokenForm(request.POST)
    form.is_valid()
    try:
        token, raw = services.access_token_create(
            user=request.user,
            name=form.cleaned_data.get("name"),
            scope=form.cleaned_data.get("scope"),
        )
    except ApplicationError as error:
        return _render_error(
            request,
            "accounts/security.html",
            _security_context(request, token_form=form),
            error,
            form,
        )
    return render(request, "accounts/token_created.html", {"token": token, "raw": raw})


@login_required
@require_POST
def token_revoke(request, token_id: int):
    try:
        services.access_token_revoke(user=request.user, token_id=token_id)
    except ApplicationError as error:
        return _render_error(request, "accounts/security.html", _security_context(request), error)
    messages.success(request, "The token was revoked.")
    return redirect("accounts:security")


@login_required
def export(request):
    data = selectors.export_user_data(request.user)
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="primum-{request.user.username}.json"'
    return response


# --- Two-factor --------------------------------------------------------------------------


@login_required
def two_factor(request):
    """Set up, verify (staff sent here from /admin/), or turn off TOTP two-factor."""
    user = request.user
    next_url = _safe_next(request, reverse("accounts:security"))
    action = request.POST.get("action", "")
    context = {"next": next_url, "staff_required": policies.must_set_up_two_factor(user)}
    device = services.totp_device(user)
    if device is not None and not user.is_verified():
        form = forms.OTPForm(request.POST or None)
        context.update(mode="verify", form=form)
        if request.method == "POST" and form.is_valid():
            try:
                verified = services.otp_check(
                    user=user, code=form.cleaned_data["otp_code"], ip=client_ip(request)
                )
            except ApplicationError as error:
                return _render_error(request, "accounts/two_factor.html", context, error, form)
            otp_login(request, verified)
            return redirect(next_url)
        return render(request, "accounts/two_factor.html", context)
    if device is None:
        pending = services.totp_setup_begin(user=user)
        form = forms.OTPForm(request.POST or None)
        context.update(
            mode="setup",
            form=form,
            qr_svg=services.totp_qr_svg(pending),
            secret=services.totp_secret(pending),
            config_url=pending.config_url,
        )
        if request.method == "POST" and form.is_valid():
            try:
                confirmed, codes = services.totp_setup_confirm(
                    user=user, code=form.cleaned_data["otp_code"]
                )
            except ApplicationError as error:
                return _render_error(request, "accounts/two_factor.html", context, error, form)
            otp_login(request, confirmed)
            return render(
                request, "accounts/two_factor_codes.html", {"codes": codes, "next": next_url}
            )
        return render(request, "accounts/two_factor.html", context)
    disable_form = forms.TwoFactorDisableForm(request.POST if action == "disable" else None)
    codes_form = forms.PasswordForm(request.POST if action == "codes" else None)
    context.update(mode="manage", disable_form=disable_form, codes_form=codes_form)
    if request.method == "POST" and action == "disable" and disable_form.is_valid():
        try:
            services.totp_disable(
                user=user,
                password=disable_form.cleaned_data["password"],
                code=disable_form.cleaned_data["otp_code"],
            )
        except ApplicationError as error:
            return _render_error(request, "accounts/two_factor.html", context, error, disable_form)
        messages.success(request, "Two-factor authentication is off.")
        return redirect("accounts:security")
    if request.method == "POST" and action == "codes" and codes_form.is_valid():
        try:
            codes = services.recovery_codes_regenerate(user=user, **codes_form.cleaned_data)
        except ApplicationError as error:
            return _render_error(request, "accounts/two_factor.html", context, error, codes_form)
        return render(request, "accounts/two_factor_codes.html", {"codes": codes, "next": next_url})
    return render(request, "accounts/two_factor.html", context)


# --- Account deletion --------------------------------------------------------------------


@login_required
def account_delete(request):
    form = forms.PasswordForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.account_delete(user=request.user, password=form.cleaned_data["password"])
        except ApplicationError as error:
            return _render_error(request, "accounts/delete.html", {"form": form}, error, form)
        auth_logout(request)
        return render(request, "accounts/deleted.html")
    return render(request, "accounts/delete.html", {"form": form})


# --- Blocks and mutes --------------------------------------------------------------------


@login_required
def relationships(request):
    return render(
        request,
        "accounts/relationships.html",
        {"blocks": selectors.blocks_of(request.user), "mutes": selectors.mutes_of(request.user)},
    )


def _relationship_action(request, handle: str, call, done: str):
    try:
        call()
    except ApplicationError as error:
        messages.error(request, error.message)
        response = redirect(_safe_next(request, reverse("accounts:relationships")))
        return response
    messages.success(request, done.format(handle=handle))
    return redirect(_safe_next(request, reverse("accounts:relationships")))


@login_required
@require_POST
def block(request, handle: str):
    return _relationship_action(
        request,
        handle,
        lambda: services.block_create(actor=request.user, handle=handle),
        "You blocked @{handle}.",
    )


@login_required
@require_POST
def unblock(request, handle: str):
    return _relationship_action(
        request,
        handle,
        lambda: services.block_delete(actor=request.user, handle=handle),
        "You unblocked @{handle}.",
    )


@login_required
@require_POST
def mute(request, handle: str):
    duration = request.POST.get("duration") or "forever"
    return _relationship_action(
        request,
        handle,
        lambda: services.mute_create(actor=request.user, handle=handle, duration=duration),
        "You muted @{handle}.",
    )


@login_required
@require_POST
def unmute(request, handle: str):
    return _relationship_action(
        request,
        handle,
        lambda: services.mute_delete(actor=request.user, handle=handle),
        "You unmuted @{handle}.",
    )
