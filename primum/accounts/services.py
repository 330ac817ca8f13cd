"""Writes for accounts: sign-up, profiles, blocks, mutes, access tokens.

Auth flows (e-mail confirmation, password reset, two-factor, sessions, deletion, export)
live here too, so the web pages and the API share them.
"""

from __future__ import annotations

import hashlib
import re
import time
from base64 import b32encode
from datetime import date, timedelta
from importlib import import_module
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import authenticate
from django.contrib.auth import login as auth_login
from django.contrib.auth.forms import PasswordResetForm
from django.contrib.auth.password_validation import validate_password
from django.core.cache import cache
from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.mail import send_mail
from django.core.validators import URLValidator
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django_otp import login as otp_login
from django_otp import match_token, user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from primum.accounts.models import (
    HANDLE_VALIDATOR,
    AccessToken,
    Block,
    COIDisclosure,
    Mute,
    Profile,
    ProfileLink,
    User,
    UserSession,
)
from primum.accounts.tokens import generate_token, hash_token
from primum.accounts.vocabulary import COIRelationship, Profession, Specialty
from primum.core.errors import Conflict, NotAuthenticated, NotFound, RateLimited, ValidationError
from primum.core.ratelimit import check_write_rate, hit
from primum.core.signed_links import signed_link_load, signed_link_token
from primum.core.tasks import after_commit
from primum.core.text import HANDLE_PATTERN, TextProblem, clean_text

MUTE_DURATIONS = {
    "1h": timedelta(hours=1),
    "1d": timedelta(days=1),
    "7d": timedelta(days=7),
    "30d": timedelta(days=30),
    "forever": None,
}


def _require_user(actor) -> None:
    if actor is None or not actor.is_authenticated:
        raise NotAuthenticated()


def _clean_line(
    value: object, *, field: str, max_length: int, what: str, allow_empty: bool = True
) -> str:
    try:
        return clean_text(
            value, max_length=max_length, allow_empty=allow_empty, multiline=False, what=what
        )
    except TextProblem as problem:
        raise ValidationError(problem.message, code=problem.code, field=field) from None


def clean_handle(handle: object) -> str:
    value = _clean_line(handle, field="handle", max_length=30, what="The handle", allow_empty=False)
    try:
        HANDLE_VALIDATOR(value)
    except DjangoValidationError:
        raise ValidationError(
            "A handle has 3 to 30 letters (a–z), digits or underscores.",
            code="invalid_handle",
            field="handle",
        ) from None
    return value


def clean_email(email: object) -> str:
    from django.core.validators import validate_email

    value = _clean_line(
        email, field="email", max_length=254, what="The e-mail address", allow_empty=False
    )
    try:
        validate_email(value)
    except DjangoValidationError:
        raise ValidationError(
            "Enter a valid e-mail address.", code="invalid_email", field="email"
        ) from None
    local, _, domain = value.rpartition("@")
    return f"{local}@{domain.lower()}"


@transaction.atomic
def user_create(
    *,
    handle: object,
    email: object,
    password: object,
    display_name: object = "",
    profession: str = "",
    specialty: str = "",
    email_confirmed: bool = False,
    validate_password_strength: bool = True,
) -> User:
    """Create an account and its (empty) professional profile."""
    handle = clean_handle(handle)
    email = clean_email(email)
    if not isinstance(password, str) or not password:
        raise ValidationError("Choose a password.", code="required", field="password")
    name = _clean_line(display_name, field="display_name", max_length=60, what="The display name")
    profession = _choice(profession, Profession, field="profession")
    specialty = _choice(specialty, Specialty, field="specialty")
    if (
        User.objects.filter(username__iexact=handle).exists()
        or User.objects.filter(retired_handle_digest=_retired_handle_digest(handle)).exists()
    ):
        raise Conflict("That handle is taken.", code="handle_taken", field="handle")
    if User.objects.filter(email__iexact=email).exists():
        raise Conflict(
            "An account with that e-mail address exists. Log in or reset your password.",
            code="email_taken",
            field="email",
        )
    user = User(
        username=handle, email=email, email_confirmed_at=timezone.now() if email_confirmed else None
    )
    if validate_password_strength:
        try:
            validate_password(password, user)
        except DjangoValidationError as exc:
            raise ValidationError(
                " ".join(exc.messages), code="weak_password", field="password"
            ) from None
    user.set_password(password)
    user.full_clean(exclude=["password"])
    user.save()
    Profile.objects.create(user=user, display_name=name, profession=profession, specialty=specialty)
    return user


# --- Blocks and mutes --------------------------------------------------------------------


def _target(actor, handle: object) -> User:
    if not re.fullmatch(HANDLE_PATTERN, str(handle)):
        raise NotFound("This account does not exist.", code="user_not_found")
    target = User.objects.filter(username__iexact=str(handle), is_active=True).first()
    if target is None:
        raise NotFound("This account does not exist.", code="user_not_found")
    if target.pk == actor.pk:
        raise ValidationError(
            "You cannot do that to your own account.", code="self_action", field="handle"
        )
    return target


@transaction.atomic
def block_create(*, actor, handle: object) -> Block:
    """Block an account: both follows are removed; neither sees the other from now on."""
    from primum.social.models import Follow

    _require_user(actor)
    check_write_rate(actor.pk)
    target = _target(actor, handle)
    block, _ = Block.objects.get_or_create(blocker=actor, blocked=target)
    Follow.objects.filter(
        Q(follower=actor, followee=target) | Q(follower=target, followee=actor)
    ).delete()
    return block


@transaction.atomic
def block_delete(*, actor, handle: object) -> None:
    _require_user(actor)
    target = _target(actor, handle)
    Block.objects.filter(blocker=actor, blocked=target).delete()


@transaction.atomic
def mute_create(*, actor, handle: object, duration: object = "forever") -> Mute:
    """Mute an account (optionally for a while): hidden from the muter's feeds and alerts."""
    _require_user(actor)
    check_write_rate(actor.pk)
    target = _target(actor, handle)
    if duration in (None, ""):
        duration = "forever"
    if duration not in MUTE_DURATIONS:
        raise ValidationError(
            f"duration must be one of: {', '.join(MUTE_DURATIONS)}.",
            code="invalid_choice",
            field="duration",
        )
    delta = MUTE_DURATIONS[str(duration)]
    expires = timezone.now() + delta if delta else None
    mute, _ = Mute.objects.update_or_create(
        muter=actor, muted=target, defaults={"expires_at": expires}
    )
    return mute


@transaction.atomic
def mute_delete(*, actor, handle: object) -> None:
    _require_user(actor)
    target = _target(actor, handle)
    Mute.objects.filter(muter=actor, muted=target).delete()


# --- Access tokens -----------------------------------------------------------------------


@transaction.atomic
def access_token_create(*, user, name: object, scope: object = "read") -> tuple[AccessToken, str]:
    """Create a token; the raw value is returned once and never stored."""
    _require_user(user)
    label = _clean_line(name, field="name", max_length=60, what="The token name", allow_empty=False)
    if scope not in AccessToken.Scope.values:
        raise ValidationError(
            "scope must be 'read' or 'write'.", code="invalid_choice", field="scope"
        )
    if AccessToken.objects.filter(user=user, revoked_at__isnull=True).count() >= 20:
        raise Conflict("You have 20 active tokens; revoke one first.", code="too_many_tokens")
    raw = generate_token()
    token = AccessToken(
        user=user, name=label, scope=scope, prefix=raw[:12], token_hash=hash_token(raw)
    )
    token.full_clean()
    token.save()
    return token, raw


@transaction.atomic
def access_token_revoke(*, user, token_id: object) -> AccessToken:
    _require_user(user)
    try:
        token = AccessToken.objects.get(pk=int(token_id), user=user)
    except (AccessToken.DoesNotExist, TypeError, ValueError):
        raise NotFound("No such token.", code="token_not_found") from None
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at", "updated_at"])
    return token


# --- Choices and small validators ----------------------------------------------------------


def _choice(value: object, choices, *, field: str) -> str:
    if value is None:
        value = ""
    if not isinstance(value, str) or value not in choices.values:
        raise ValidationError(
            f"{field} must be one of the listed values.", code="invalid_choice", field=field
        )
    return value


def _check_password(user, password: object) -> None:
    if not isinstance(password, str) or not password or not user.check_password(password):
        raise ValidationError(
            "The password is not correct.", code="wrong_password", field="password"
        )


# --- Sign-up and e-mail confirmation -------------------------------------------------------

EMAIL_CONFIRM_SALT = "primum.accounts.email-confirm"
EMAIL_CONFIRM_MAX_AGE = 3 * 24 * 60 * 60  # three days


def signup(
    *,
    handle: object,
    email: object,
    password: object,
    display_name: object = "",
    profession: object = "",
) -> User:
    """Create an account through ``user_create`` and send the e-mail confirmation link.

    The caller logs the new user in (``session_login``)."""
    profession = _choice(profession, Profession, field="profession")
    user = user_create(
        handle=handle,
        email=email,
        password=password,
        display_name=display_name,
        profession=profession,
    )
    email_confirmation_send(user=user)
    return user


def email_confirmation_token(user) -> str:
    # The address is signed with the id, so a link stops working once the address changes.
    return signed_link_token({"u": user.pk, "e": user.email.lower()}, salt=EMAIL_CONFIRM_SALT)


def email_confirmation_send(*, user) -> None:
    """Mail a confirmation link valid for three days (written to var/mail in the demo)."""
    _require_user(user)
    if user.email_confirmed:
        raise Conflict("Your e-mail address is already confirmed.", code="already_confirmed")
    hit(f"confirm-mail:{user.pk}", limit=5, window_seconds=3600)
    link = settings.SITE_URL + reverse(
        "accounts:confirm_email", kwargs={"token": email_confirmation_token(user)}
    )
    body = render_to_string("accounts/email/confirm_email.txt", {"user": user, "link": link})
    after_commit(
        send_mail,
        "Confirm your e-mail address for Primum",
        body,
        None,
        [user.email],
    )


@transaction.atomic
def email_confirm(*, token: object) -> User:
    """Mark the address in a valid, unexpired token as confirmed."""
    invalid_message = (
        "This confirmation link is not valid. Ask for a new one from your security page."
    )
    data = signed_link_load(
        token,
        salt=EMAIL_CONFIRM_SALT,
        max_age=EMAIL_CONFIRM_MAX_AGE,
        invalid_message=invalid_message,
    )
    user = User.objects.filter(pk=data.get("u"), is_active=True).first()
    if user is None or user.email.lower() != data.get("e"):
        raise ValidationError(invalid_message, code="invalid_token", field="token")
    if user.email_confirmed_at is None:
        user.email_confirmed_at = timezone.now()
        user.save(update_fields=["email_confirmed_at"])
    from primum.identity.trust import trust_recompute  # identity builds on accounts

    trust_recompute(user)  # unverified → e-mail confirmed
    return user


# --- Logging in (throttled, with an optional TOTP step) -----------------------------------


class LoginThrottled(RateLimited):
    code = "login_throttled"


def _login_keys(identifier: str, ip: str | None) -> list[str]:
    keys = [f"login-fail:acct:{identifier.strip().lower()[:254]}"]
    if ip:
        keys.append(f"login-fail:ip:{ip}")
    return keys


def _login_throttle_check(keys: list[str]) -> None:
    limit = settings.PRIMUM_LOGIN_MAX_FAILURES
    window = settings.PRIMUM_LOGIN_WINDOW_SECONDS
    now = int(time.time())
    for key in keys:
        if (cache.get(key + ":n") or 0) >= limit:
            started = cache.get(key + ":t") or now
            raise LoginThrottled(
                "Too many failed log-in attempts. Wait a while and try again, "
                "or reset your password.",
                retry_after=max(1, started + window - now),
            )


def _login_failure(keys: list[str]) -> None:
    window = settings.PRIMUM_LOGIN_WINDOW_SECONDS
    for key in keys:
        cache.add(key + ":t", int(time.time()), timeout=window)
        cache.add(key + ":n", 0, timeout=window)
        try:
            cache.incr(key + ":n")
        except ValueError:
            cache.set(key + ":n", 1, timeout=window)


def login_check(*, identifier: object, password: object, ip: str | None = None) -> User:
    """The account for a handle (or e-mail) and password, or a typed error.

    Failures are counted per account and per address; past PRIMUM_LOGIN_MAX_FAILURES in
    PRIMUM_LOGIN_WINDOW_SECONDS the attempt is refused before the password is checked."""
    if not isinstance(identifier, str) or not identifier.strip() or len(identifier) > 254:
        raise ValidationError(
            "Enter your handle or e-mail address.", code="required", field="identifier"
        )
    if not isinstance(password, str) or not password:
        raise ValidationError("Enter your password.", code="required", field="password")
    keys = _login_keys(identifier, ip)
    _login_throttle_check(keys)
    user = authenticate(username=identifier.strip(), password=password)
    if user is None or user.deleted_at is not None:
        _login_failure(keys)
        raise ValidationError(
            "The handle or e-mail address and password do not match.",
            code="invalid_credentials",
            field="password",
        )
    cache.delete_many([keys[0] + ":n", keys[0] + ":t"])
    return user


def login_requires_otp(user) -> bool:
    return user_has_device(user, confirmed=True)


def otp_check(*, user, code: object, ip: str | None = None):
    """The confirmed device (TOTP or recovery code) that accepts ``code``, or a typed error.

    Wrong codes count as failed log-ins for the account."""
    keys = _login_keys(user.username, ip)
    _login_throttle_check(keys)
    if not isinstance(code, str) or not code.strip() or len(code) > 32:
        raise ValidationError(
            "Enter the code from your authenticator app or a recovery code.",
            code="required",
            field="otp_code",
        )
    device = match_token(user, code.strip().replace(" ", ""))
    if device is None:
        _login_failure(keys)
        raise ValidationError(
            "That code is not valid. Check the time on your phone, or use a recovery code.",
            code="invalid_otp",
            field="otp_code",
        )
    return device


def session_login(*, request, user, device=None) -> None:
    """Start a browser session (and mark it two-factor verified when a device passed)."""
    auth_login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    if device is not None:
        otp_login(request, device)


# --- Password ------------------------------------------------------------------------------


@transaction.atomic
def password_change(
    *, user, old_password: object, new_password: object, keep_session_key: str | None = None
) -> None:
    """Change the password; every other session is logged out."""
    _require_user(user)
    check_write_rate(user.pk)
    if not isinstance(old_password, str) or not user.check_password(old_password):
        raise ValidationError(
            "Your current password is not correct.", code="wrong_password", field="old_password"
        )
    if not isinstance(new_password, str) or not new_password:
        raise ValidationError("Choose a new password.", code="required", field="new_password")
    try:
        validate_password(new_password, user)
    except DjangoValidationError as exc:
        raise ValidationError(
            " ".join(exc.messages), code="weak_password", field="new_password"
        ) from None
    user.set_password(new_password)
    user.save(update_fields=["password"])
    sessions_revoke_others(user=user, keep_session_key=keep_session_key)


def password_reset_request(*, email: object) -> None:
    """Mail a reset link if an active account uses ``email``; say nothing either way."""
    address = clean_email(email)
    hit(f"reset-mail:{address.lower()}", limit=5, window_seconds=3600)
    form = PasswordResetForm(data={"email": address})
    if form.is_valid():
        site = urlsplit(settings.SITE_URL)
        form.save(
            domain_override=site.netloc,
            use_https=site.scheme == "https",
            subject_template_name="accounts/email/password_reset_subject.txt",
            email_template_name="accounts/email/password_reset.txt",
            extra_email_context={"site_name": settings.SITE_NAME},
        )


# --- Two-factor ----------------------------------------------------------------------------

RECOVERY_CODE_COUNT = 8


def totp_secret(device: TOTPDevice) -> str:
    """The base32 secret in groups of four, for typing into an authenticator app."""
    secret = b32encode(device.bin_key).decode()
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def totp_qr_svg(device: TOTPDevice) -> str:
    """An inline SVG QR code of the device's otpauth:// URL (no imaging library needed)."""
    import qrcode
    import qrcode.image.svg

    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage)
    return image.to_string(encoding="unicode")


def totp_device(user, *, confirmed: bool = True) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=confirmed).first()


@transaction.atomic
def totp_setup_begin(*, user) -> TOTPDevice:
    """The unconfirmed device being set up (one at a time); a confirmed one is a conflict."""
    _require_user(user)
    if totp_device(user) is not None:
        raise Conflict("Two-factor authentication is already on.", code="otp_already_enabled")
    device = totp_device(user, confirmed=False)
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=False)
    return device


@transaction.atomic
def totp_setup_confirm(*, user, code: object) -> tuple[TOTPDevice, list[str]]:
    """Confirm the device with a first code; returns it and fresh recovery codes (shown once)."""
    _require_user(user)
    check_write_rate(user.pk)
    device = totp_device(user, confirmed=False)
    if device is None:
        raise NotFound("Start two-factor setup first.", code="otp_setup_not_started")
    if not isinstance(code, str) or not code.strip() or len(code) > 32:
        raise ValidationError("Enter the 6-digit code.", code="required", field="otp_code")
    if not device.verify_token(code.strip().replace(" ", "")):
        raise ValidationError(
            "That code is not valid. Check the time on your phone and try again.",
            code="invalid_otp",
            field="otp_code",
        )
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return device, _recovery_codes_replace(user)


def _recovery_codes_replace(user) -> list[str]:
    StaticDevice.objects.filter(user=user).delete()
    static = StaticDevice.objects.create(user=user, name="Recovery codes", confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create([StaticToken(device=static, token=c) for c in codes])
    return codes


@transaction.atomic
def recovery_codes_regenerate(*, user, password: object) -> list[str]:
    _require_user(user)
    _check_password(user, password)
    if totp_device(user) is None:
        raise Conflict("Turn on two-factor authentication first.", code="otp_not_enabled")
    return _recovery_codes_replace(user)


@transaction.atomic
def totp_disable(*, user, password: object, code: object) -> None:
    """Turn two-factor off: needs the password and a current code (or a recovery code)."""
    _require_user(user)
    check_write_rate(user.pk)
    _check_password(user, password)
    if totp_device(user) is None:
        raise Conflict("Two-factor authentication is not on.", code="otp_not_enabled")
    otp_check(user=user, code=code)
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()


# --- Sessions ------------------------------------------------------------------------------


def _session_store():
    return import_module(settings.SESSION_ENGINE).SessionStore


def _end_sessions(keys: list[str]) -> None:
    store = _session_store()
    for key in keys:
        store(session_key=key).delete()
    UserSession.objects.filter(session_key__in=keys).delete()


@transaction.atomic
def session_revoke(*, user, session_id: object) -> None:
    """Log out one of the user's browser sessions (another user's id is 'not found')."""
    _require_user(user)
    try:
        row = UserSession.objects.get(pk=int(session_id), user=user)
    except (UserSession.DoesNotExist, TypeError, ValueError, OverflowError):
        raise NotFound("No such session.", code="session_not_found") from None
    _end_sessions([row.session_key])


@transaction.atomic
def sessions_revoke_others(*, user, keep_session_key: str | None) -> int:
    """Log out every tracked session of the user except ``keep_session_key``."""
    _require_user(user)
    keys = list(
        UserSession.objects.filter(user=user)
        .exclude(session_key=keep_session_key or "")
        .values_list("session_key", flat=True)
    )
    _end_sessions(keys)
    return len(keys)


# --- Professional profile ------------------------------------------------------------------

MAX_LINKS = 5
_UNSET = object()
PROFILE_TEXT_FIELDS = {
    # field: (max length, multiline, what)
    "display_name": (60, False, "The display name"),
    "credentials": (60, False, "Credentials"),
    "affiliation": (120, False, "The affiliation"),
    "bio": (1000, True, "The bio"),
    "disclaimer": (160, False, "The disclaimer"),
}


def _clean_links(links: object) -> list[tuple[str, str]]:
    if not isinstance(links, list | tuple):
        raise ValidationError("links must be a list.", code="invalid_type", field="links")
    if len(links) > MAX_LINKS:
        raise ValidationError(
            f"You can add at most {MAX_LINKS} links.", code="too_many_links", field="links"
        )
    cleaned = []
    for index, link in enumerate(links):
        field = f"links.{index}"
        if not isinstance(link, dict):
            raise ValidationError(
                "Each link has a label and a URL.", code="invalid_type", field=field
            )
        label = _clean_line(
            link.get("label"),
            field=f"{field}.label",
            max_length=40,
            what="The link label",
            allow_empty=False,
        )
        url = _clean_line(
            link.get("url"),
            field=f"{field}.url",
            max_length=300,
            what="The link URL",
            allow_empty=False,
        )
        if urlsplit(url).scheme.lower() not in {"http", "https"} or not urlsplit(url).netloc:
            raise ValidationError(
                "A link must start with http:// or https://.",
                code="invalid_url",
                field=f"{field}.url",
            )
        try:
            URLValidator(schemes=["http", "https"])(url)
        except DjangoValidationError:
            raise ValidationError(
                "This is not a valid web address.", code="invalid_url", field=f"{field}.url"
            ) from None
        cleaned.append((label, url))
    return cleaned


@transaction.atomic
def profile_update(
    *,
    user,
    display_name: object = _UNSET,
    profession: object = _UNSET,
    specialty: object = _UNSET,
    credentials: object = _UNSET,
    affiliation: object = _UNSET,
    bio: object = _UNSET,
    disclaimer: object = _UNSET,
    links: object = _UNSET,
) -> Profile:
    """Change the given profile fields (others stay); ``links`` replaces every link."""
    _require_user(user)
    check_write_rate(user.pk)
    profile = Profile.objects.select_for_update().get(user=user)
    given = {
        "display_name": display_name,
        "credentials": credentials,
        "affiliation": affiliation,
        "bio": bio,
        "disclaimer": disclaimer,
    }
    changed = []
    for field, value in given.items():
        if value is _UNSET:
            continue
        max_length, multiline, what = PROFILE_TEXT_FIELDS[field]
        try:
            cleaned = clean_text(
                value, max_length=max_length, allow_empty=True, multiline=multiline, what=what
            )
        except TextProblem as problem:
            raise ValidationError(problem.message, code=problem.code, field=field) from None
        setattr(profile, field, cleaned)
        changed.append(field)
    if profession is not _UNSET:
        profile.profession = _choice(profession, Profession, field="profession")
        changed.append("profession")
    if specialty is not _UNSET:
        profile.specialty = _choice(specialty, Specialty, field="specialty")
        changed.append("specialty")
    new_links = None if links is _UNSET else _clean_links(links)
    profile.full_clean()
    profile.save(update_fields=[*changed, "updated_at"])
    if new_links is not None:
        ProfileLink.objects.filter(profile=profile).delete()
        ProfileLink.objects.bulk_create(
            [
                ProfileLink(profile=profile, label=label, url=url, position=i)
                for i, (label, url) in enumerate(new_links)
            ]
        )
    return profile


# --- Conflict-of-interest disclosures ------------------------------------------------------

MAX_DISCLOSURES = 50


def _clean_date(value: object, *, field: str, allow_empty: bool) -> date | None:
    if value in (None, "") and allow_empty:
        return None
    if isinstance(value, date):
        return value
    if isinstance(value, str) and len(value) <= 10:
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise ValidationError("Enter a date as YYYY-MM-DD.", code="invalid_date", field=field)


def _apply_disclosure(disclosure: COIDisclosure, fields: dict) -> None:
    if "entity" in fields:
        disclosure.entity = _clean_line(
            fields["entity"], field="entity", max_length=120, what="The entity", allow_empty=False
        )
    if "relationship" in fields:
        disclosure.relationship = _choice(
            fields["relationship"], COIRelationship, field="relationship"
        )
    if "description" in fields:
        disclosure.description = _clean_line(
            fields["description"], field="description", max_length=300, what="The description"
        )
    if "start_date" in fields:
        disclosure.start_date = _clean_date(
            fields["start_date"], field="start_date", allow_empty=False
        )
    if "end_date" in fields:
        disclosure.end_date = _clean_date(fields["end_date"], field="end_date", allow_empty=True)
    if disclosure.end_date is not None and disclosure.end_date < disclosure.start_date:
        raise ValidationError(
            "The end date cannot be before the start date.",
            code="end_before_start",
            field="end_date",
        )
    disclosure.full_clean()
    disclosure.save()


@transaction.atomic
def coi_create(
    *,
    user,
    entity: object,
    relationship: object,
    start_date: object,
    description: object = "",
    end_date: object = None,
) -> COIDisclosure:
    _require_user(user)
    check_write_rate(user.pk)
    if COIDisclosure.objects.filter(user=user).count() >= MAX_DISCLOSURES:
        raise Conflict(
            f"You have {MAX_DISCLOSURES} disclosures; remove an old one first.",
            code="too_many_disclosures",
        )
    disclosure = COIDisclosure(user=user)
    _apply_disclosure(
        disclosure,
        {
            "entity": entity,
            "relationship": relationship,
            "description": description,
            "start_date": start_date,
            "end_date": end_date,
        },
    )
    return disclosure


@transaction.atomic
def coi_update(*, user, disclosure_id: object, **fields) -> COIDisclosure:
    """Change the given fields of one of the user's disclosures."""
    from primum.accounts.selectors import access_disclosure

    _require_user(user)
    check_write_rate(user.pk)
    unknown = set(fields) - {"entity", "relationship", "description", "start_date", "end_date"}
    if unknown:
        raise ValidationError(
            f"Unknown field: {sorted(unknown)[0]}.", code="unknown_field", field=sorted(unknown)[0]
        )
    disclosure = access_disclosure(user, disclosure_id)
    _apply_disclosure(disclosure, fields)
    return disclosure


@transaction.atomic
def coi_delete(*, user, disclosure_id: object) -> None:
    from primum.accounts.selectors import access_disclosure

    _require_user(user)
    access_disclosure(user, disclosure_id).delete()


# --- Account deletion ----------------------------------------------------------------------


def _retired_handle_digest(handle: str) -> str:
    return hashlib.sha256(handle.lower().encode()).hexdigest()


@transaction.atomic
def account_delete(*, user, password: object) -> None:
    """Delete an account.

    * Posts are erased and stay as "deleted" tombstones so others' threads keep their shape;
      reposts by the user and of the user's posts disappear.
    * Likes, bookmarks, follows (both ways), blocks and mutes (both ways), notifications,
      profile, links, disclosures, two-factor devices, tokens and sessions are removed.
    * The row stays, deactivated, with a scrambled handle and e-mail and no usable
      password. The handle is NOT released: a digest of it is kept so nobody can sign up
      as a deleted clinician and inherit their reputation. The e-mail address is released.
    """
    from django.db.models import Count, OuterRef, Subquery
    from django.db.models.functions import Coalesce

    from primum.social.models import (
        Bookmark,
        Follow,
        Like,
        Mention,
        Notification,
        Post,
        PostEdit,
        PostHashtag,
    )

    _require_user(user)
    user = User.objects.select_for_update().get(pk=user.pk)
    _check_password(user, password)
    now = timezone.now()

    own = Post.objects.filter(author=user)
    touched = set(own.filter(reply_to__isnull=False).values_list("reply_to_id", flat=True)) | set(
        own.filter(quote_of__isnull=False).values_list("quote_of_id", flat=True)
    )
    touched |= set(own.filter(repost_of__isnull=False).values_list("repost_of_id", flat=True))
    touched |= set(Like.objects.filter(user=user).values_list("post_id", flat=True))

    own.filter(repost_of__isnull=False).delete()
    Post.objects.filter(repost_of__author=user).delete()
    own_ids = own.values("pk")
    PostEdit.objects.filter(post__in=own_ids).delete()
    PostHashtag.objects.filter(post__in=own_ids).delete()
    Mention.objects.filter(Q(post__in=own_ids) | Q(user=user)).delete()
    Like.objects.filter(Q(user=user) | Q(post__in=own_ids)).delete()
    Bookmark.objects.filter(Q(user=user) | Q(post__in=own_ids)).delete()
    Notification.objects.filter(Q(recipient=user) | Q(actor=user) | Q(post__in=own_ids)).delete()
    own.filter(deleted_at__isnull=True).update(
        body="", content_warning="", deleted_at=now, updated_at=now
    )

    # Recount the posts this account replied to, quoted, reposted or liked, in bulk.
    def _recount(model, field: str, **extra):
        rows = (
            model.objects.filter(**{field: OuterRef("pk")}, **extra)
            .order_by()
            .values(field)
            .annotate(n=Count("pk"))
            .values("n")[:1]
        )
        return Coalesce(Subquery(rows), 0)

    if touched:
        Post.objects.filter(pk__in=touched).update(
            reply_count=_recount(Post, "reply_to", deleted_at__isnull=True),
            quote_count=_recount(Post, "quote_of", deleted_at__isnull=True, quote_detached=False),
            repost_count=_recount(Post, "repost_of"),
            like_count=_recount(Like, "post"),
        )

    Follow.objects.filter(Q(follower=user) | Q(followee=user)).delete()
    Block.objects.filter(Q(blocker=user) | Q(blocked=user)).delete()
    Mute.objects.filter(Q(muter=user) | Q(muted=user)).delete()
    AccessToken.objects.filter(user=user).delete()
    COIDisclosure.objects.filter(user=user).delete()
    ProfileLink.objects.filter(profile__user=user).delete()
    Profile.objects.filter(user=user).update(
        display_name="",
        profession="",
        specialty="",
        credentials="",
        affiliation="",
        bio="",
        disclaimer="",
    )
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    _end_sessions(list(UserSession.objects.filter(user=user).values_list("session_key", flat=True)))

    user.retired_handle_digest = _retired_handle_digest(user.username)
    user.username = f"deleted_{user.pk}"
    user.email = f"deleted-{user.pk}@deleted.invalid"
    user.first_name = user.last_name = ""
    user.is_active = False
    user.is_staff = user.is_superuser = False
    user.deleted_at = now
    user.set_unusable_password()
    user.save()
