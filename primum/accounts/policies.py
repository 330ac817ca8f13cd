"""Who may do what with accounts. Small predicates; views and services call them."""

from __future__ import annotations

from django.conf import settings


def can_manage_own_account(actor) -> bool:
    return actor is not None and actor.is_authenticated and actor.deleted_at is None


def must_set_up_two_factor(actor) -> bool:
    """Staff must have a confirmed device before using the admin."""
    from django_otp import user_has_device

    return (
        settings.PRIMUM_REQUIRE_STAFF_2FA
        and actor.is_authenticated
        and actor.is_staff
        and not user_has_device(actor, confirmed=True)
    )


def must_verify_two_factor(actor) -> bool:
    """Logged in with a confirmed device but this session has not passed the code yet."""
    from django_otp import user_has_device

    return (
        actor.is_authenticated
        and not actor.is_verified()
        and user_has_device(actor, confirmed=True)
    )
