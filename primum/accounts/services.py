"""Writes for accounts: sign-up, profiles, blocks, mutes, access tokens.

Auth flows (e-mail confirmation, password reset, two-factor, sessions, deletion, export)
live here too, so the web pages and the API share them.
"""

from __future__ import annotations

from datetime import timedelta

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from primum.accounts.models import HANDLE_VALIDATOR, AccessToken, Block, Mute, Profile, User
from primum.accounts.tokens import generate_token, hash_token
from primum.core.errors import Conflict, NotAuthenticated, NotFound, ValidationError
from primum.core.ratelimit import check_write_rate
from primum.core.text import TextProblem, clean_text

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
    if User.objects.filter(username__iexact=handle).exists():
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
    name = _clean_line(display_name, field="display_name", max_length=60, what="The display name")
    Profile.objects.create(user=user, display_name=name, profession=profession, specialty=specialty)
    return user


# --- Blocks and mutes --------------------------------------------------------------------


def _target(actor, handle: object) -> User:
    target = User.objects.filter(username__iexact=str(handle)[:60], is_active=True).first()
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
    from primum.social.models import Follow, Notification

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
