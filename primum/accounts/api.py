"""JSON API for accounts: sign-up, session, profile, disclosures, blocks, mutes, sessions,
tokens, two-factor, export and deletion. Endpoints call the same services as the pages.

Authentication (see primum.api.auth): reads take a token or the session; writes take a
write-scoped token or the session with its CSRF token. Security settings (password,
two-factor, tokens, sessions, deletion) take the browser session only: a leaked token
must not be able to mint more tokens, switch off two-factor or lock its owner out.

``POST /auth/signup`` and ``POST /auth/login`` have no session yet, so they carry no CSRF
token. They are protected against login CSRF differently: they accept only
``Content-Type: application/json``, which a cross-site HTML form cannot send and a
cross-site script cannot send without a CORS preflight (Primum allows no CORS).
"""

from __future__ import annotations

from django.contrib.auth import logout as auth_logout
from django.contrib.auth import update_session_auth_hash
from ninja import Router
from ninja.security import APIKeyCookie

from primum.accounts import schemas, selectors, services
from primum.accounts.middleware import client_ip
from primum.accounts.models import Block, Mute
from primum.api.auth import SessionAuth, require_user, user_read_auth, write_auth
from primum.core.errors import ApplicationError, NotAuthenticated
from primum.core.pagination import paginate_by_id

router = Router(tags=["accounts"])

session_write_auth: list[APIKeyCookie] = [SessionAuth(csrf=True)]
session_read_auth: list[APIKeyCookie] = [SessionAuth(csrf=False)]


class UnsupportedMediaType(ApplicationError):
    code = "unsupported_media_type"
    status = 415
    default_message = "Send the body as JSON with Content-Type: application/json."


class OTPRequired(NotAuthenticated):
    code = "otp_required"
    default_message = "This account uses two-factor authentication: send otp_code as well."


def _require_json(request) -> None:
    if request.content_type != "application/json":
        raise UnsupportedMediaType()


def _me(user) -> dict:
    profile = selectors.profile_for(user)
    return {
        "id": user.pk,
        "handle": user.username,
        "email": user.email,
        "email_confirmed": user.email_confirmed,
        **selectors.profile_data(profile),
        "two_factor_enabled": services.totp_device(user) is not None,
        "is_staff": user.is_staff,
    }


def _disclosure(d) -> dict:
    return {
        "id": d.pk,
        "entity": d.entity,
        "relationship": d.relationship,
        "description": d.description,
        "start_date": d.start_date.isoformat(),
        "end_date": d.end_date.isoformat() if d.end_date else None,
        "is_current": d.is_current,
    }


# --- Sign-up, log-in, log-out, e-mail, password reset --------------------------------------


@router.post("/auth/signup", response={201: schemas.MeOut}, auth=None)
def signup(request, payload: schemas.SignupIn):
    """Create an account, log it in (session cookie) and mail the confirmation link."""
    _require_json(request)
    user = services.signup(**payload.dict())
    services.session_login(request=request, user=user)
    return 201, _me(user)


@router.post("/auth/login", response=schemas.MeOut, auth=None)
def login(request, payload: schemas.LoginIn):
    """Start a session. With two-factor on, send ``otp_code`` too (401 ``otp_required``).

    Repeated failures: 429 ``login_throttled`` with Retry-After."""
    _require_json(request)
    ip = client_ip(request)
    user = services.login_check(identifier=payload.identifier, password=payload.password, ip=ip)
    device = None
    if services.login_requires_otp(user):
        if not payload.otp_code:
            raise OTPRequired()
        device = services.otp_check(user=user, code=payload.otp_code, ip=ip)
    services.session_login(request=request, user=user, device=device)
    return _me(user)


@router.post("/auth/logout", response=schemas.OkOut, auth=session_write_auth)
def logout(request):
    auth_logout(request)
    return {"ok": True}


@router.post("/auth/confirm-email", response=schemas.OkOut, auth=None)
def confirm_email(request, payload: schemas.TokenIn):
    services.email_confirm(token=payload.token)
    return {"ok": True, "detail": "The e-mail address is confirmed."}


@router.post("/auth/confirm-email/resend", response=schemas.OkOut, auth=write_auth)
def confirm_email_resend(request):
    services.email_confirmation_send(user=require_user(request))
    return {"ok": True, "detail": "A new confirmation link was sent."}


@router.post("/auth/password-reset", response={202: schemas.OkOut}, auth=None)
def password_reset(request, payload: schemas.EmailIn):
    """Mail a reset link if the address belongs to an account (the answer is the same)."""
    services.password_reset_request(email=payload.email)
    return 202, {"ok": True, "detail": "If an account uses this address, a link was sent."}


# --- Me ------------------------------------------------------------------------------------


@router.get("/me", response=schemas.MeOut, auth=user_read_auth)
def me(request):
    return _me(require_user(request))


@router.get("/me/export", auth=user_read_auth)
def export(request):
    """Everything that is yours, as JSON (others appear only as handles and post ids)."""
    return selectors.export_user_data(require_user(request))


@router.patch("/me/profile", response=schemas.MeOut, auth=write_auth)
def profile_update(request, payload: schemas.ProfilePatchIn):
    user = require_user(request)
    services.profile_update(user=user, **payload.dict(exclude_unset=True))
    return _me(user)


@router.post("/me/password", response=schemas.OkOut, auth=session_write_auth)
def password_change(request, payload: schemas.PasswordChangeIn):
    user = require_user(request)
    services.password_change(
        user=user,
        old_password=payload.old_password,
        new_password=payload.new_password,
        keep_session_key=request.session.session_key,
    )
    update_session_auth_hash(request, user)
    return {"ok": True, "detail": "Password changed; other sessions were logged out."}


@router.post("/me/delete", response={204: None}, auth=session_write_auth)
def account_delete(request, payload: schemas.PasswordIn):
    services.account_delete(user=require_user(request), password=payload.password)
    auth_logout(request)
    return 204, None


# --- Disclosures ---------------------------------------------------------------------------


@router.get("/me/disclosures", response=list[schemas.DisclosureOut], auth=user_read_auth)
def disclosures(request):
    return [_disclosure(d) for d in selectors.disclosures_of(require_user(request))]


@router.post("/me/disclosures", response={201: schemas.DisclosureOut}, auth=write_auth)
def disclosure_create(request, payload: schemas.DisclosureIn):
    return 201, _disclosure(services.coi_create(user=require_user(request), **payload.dict()))


@router.patch("/me/disclosures/{disclosure_id}", response=schemas.DisclosureOut, auth=write_auth)
def disclosure_update(request, disclosure_id: str, payload: schemas.DisclosurePatchIn):
    fields = payload.dict(exclude_unset=True)
    return _disclosure(
        services.coi_update(user=require_user(request), disclosure_id=disclosure_id, **fields)
    )


@router.delete("/me/disclosures/{disclosure_id}", response={204: None}, auth=write_auth)
def disclosure_delete(request, disclosure_id: str):
    services.coi_delete(user=require_user(request), disclosure_id=disclosure_id)
    return 204, None


# --- Sessions and tokens -------------------------------------------------------------------


@router.get("/me/sessions", response=list[schemas.SessionOut], auth=session_read_auth)
def sessions(request):
    current = request.session.session_key
    return [
        {
            "id": s.pk,
            "user_agent": s.user_agent,
            "ip_address": s.ip_address,
            "last_seen_at": s.last_seen_at,
            "created_at": s.created_at,
            "current": s.session_key == current,
        }
        for s in selectors.sessions_of(require_user(request))
    ]


@router.post("/me/sessions/logout-others", response=schemas.OkOut, auth=session_write_auth)
def sessions_revoke_others(request):
    count = services.sessions_revoke_others(
        user=require_user(request), keep_session_key=request.session.session_key
    )
    return {"ok": True, "detail": f"Logged out {count} other session(s)."}


@router.delete("/me/sessions/{session_id}", response={204: None}, auth=session_write_auth)
def session_revoke(request, session_id: str):
    services.session_revoke(user=require_user(request), session_id=session_id)
    return 204, None


@router.get("/tokens", response=list[schemas.TokenOut], auth=user_read_auth)
def tokens(request):
    return list(selectors.tokens_of(require_user(request)))


@router.post("/tokens", response={201: schemas.TokenCreatedOut}, auth=session_write_auth)
def token_create(request, payload: schemas.TokenCreateIn):
    """Create a token. The raw ``token`` is in this answer only; it is never shown again."""
    token, raw = services.access_token_create(
        user=require_user(request), name=payload.name, scope=payload.scope
    )
    return 201, {
        "id": token.pk,
        "name": token.name,
        "prefix": token.prefix,
        "scope": token.scope,
        "created_at": token.created_at,
        "last_used_at": token.last_used_at,
        "token": raw,
    }


@router.delete("/tokens/{token_id}", response={204: None}, auth=session_write_auth)
def token_revoke(request, token_id: str):
    services.access_token_revoke(user=require_user(request), token_id=token_id)
    return 204, None


# --- Two-factor ----------------------------------------------------------------------------


@router.get("/me/two-factor", response=schemas.TwoFactorStatusOut, auth=session_read_auth)
def two_factor_status(request):
    from django_otp.plugins.otp_static.models import StaticToken

    user = require_user(request)
    return {
        "enabled": services.totp_device(user) is not None,
        "verified_this_session": user.is_verified(),
        "recovery_codes_left": StaticToken.objects.filter(device__user=user).count(),
    }


@router.post("/me/two-factor/setup", response=schemas.TwoFactorSetupOut, auth=session_write_auth)
def two_factor_setup(request):
    """Start setup: returns the secret, its otpauth:// URL and a QR code (SVG)."""
    device = services.totp_setup_begin(user=require_user(request))
    return {
        "secret": services.totp_secret(device).replace(" ", ""),
        "config_url": device.config_url,
        "qr_svg": services.totp_qr_svg(device),
    }


@router.post("/me/two-factor/confirm", response=schemas.RecoveryCodesOut, auth=session_write_auth)
def two_factor_confirm(request, payload: schemas.CodeIn):
    from django_otp import login as otp_login

    device, codes = services.totp_setup_confirm(user=require_user(request), code=payload.code)
    otp_login(request, device)
    return {"recovery_codes": codes}


@router.post("/me/two-factor/disable", response=schemas.OkOut, auth=session_write_auth)
def two_factor_disable(request, payload: schemas.DisableTwoFactorIn):
    services.totp_disable(user=require_user(request), password=payload.password, code=payload.code)
    return {"ok": True, "detail": "Two-factor authentication is off."}


@router.post(
    "/me/two-factor/recovery-codes", response=schemas.RecoveryCodesOut, auth=session_write_auth
)
def two_factor_recovery_codes(request, payload: schemas.PasswordIn):
    codes = services.recovery_codes_regenerate(
        user=require_user(request), password=payload.password
    )
    return {"recovery_codes": codes}


# --- Blocks and mutes ----------------------------------------------------------------------


def _ref(user, since, **extra) -> dict:
    return {
        "handle": user.username,
        "display_name": user.profile.name,
        "since": since,
        **extra,
    }


@router.post("/users/{handle}/block", response=schemas.OkOut, auth=write_auth)
def block(request, handle: str):
    services.block_create(actor=require_user(request), handle=handle)
    return {"ok": True}


@router.delete("/users/{handle}/block", response={204: None}, auth=write_auth)
def unblock(request, handle: str):
    services.block_delete(actor=require_user(request), handle=handle)
    return 204, None


@router.post("/users/{handle}/mute", response=schemas.OkOut, auth=write_auth)
def mute(request, handle: str, payload: schemas.MuteIn):
    """Body ``{"duration": "1h" | "1d" | "7d" | "30d" | "forever"}`` (``{}`` means forever)."""
    services.mute_create(actor=require_user(request), handle=handle, duration=payload.duration)
    return {"ok": True}


@router.delete("/users/{handle}/mute", response={204: None}, auth=write_auth)
def unmute(request, handle: str):
    services.mute_delete(actor=require_user(request), handle=handle)
    return 204, None


@router.get("/me/blocks", response=schemas.BlockPageOut, auth=user_read_auth)
def blocks(request, cursor: str | None = None, limit: int | None = None):
    page = paginate_by_id(selectors.blocks_of(require_user(request)), cursor=cursor, limit=limit)
    items: list[Block] = page.items
    return {
        "items": [_ref(b.blocked, b.created_at) for b in items],
        "next_cursor": page.next_cursor,
    }


@router.get("/me/mutes", response=schemas.MutePageOut, auth=user_read_auth)
def mutes(request, cursor: str | None = None, limit: int | None = None):
    page = paginate_by_id(selectors.mutes_of(require_user(request)), cursor=cursor, limit=limit)
    items: list[Mute] = page.items
    return {
        "items": [_ref(m.muted, m.created_at, expires_at=m.expires_at) for m in items],
        "next_cursor": page.next_cursor,
    }
