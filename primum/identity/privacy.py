"""Posting under a pseudonym ("pseudonymous but verified").

A verified clinician may switch their public profile to a pseudonym: the public then sees the
display name (the pseudonym) and "Verified physician", never the affiliation, credential
letters, specialty or links. Turning it off is always allowed; turning it on needs
``policies.can_use_pseudonym``. A later loss of verification never switches it off on its own
(that would expose the person); the profile then simply stops saying "Verified".
"""

from __future__ import annotations

from django.db import transaction

from primum.accounts.models import Profile
from primum.core.audit import audit_log_write
from primum.core.errors import NotAuthenticated, PermissionDenied, ValidationError
from primum.core.ratelimit import check_write_rate
from primum.core.text import TextProblem, clean_text
from primum.identity import policies
from primum.identity.trust import trust_recompute


@transaction.atomic
def pseudonym_set(*, user, enabled: object, display_name: object = None) -> Profile:
    """Turn posting under a pseudonym on or off; optionally set the pseudonym (display name)."""
    if user is None or not user.is_authenticated:
        raise NotAuthenticated()
    check_write_rate(user.pk)
    if not isinstance(enabled, bool):
        raise ValidationError("enabled must be true or false.", code="invalid", field="enabled")
    name = None
    if display_name is not None:
        try:
            name = clean_text(
                display_name, max_length=60, allow_empty=not enabled, multiline=False,
                what="The pseudonym",
            )  # fmt: skip
        except TextProblem as problem:
            raise ValidationError(
                problem.message, code=problem.code, field="display_name"
            ) from None
    if enabled and not policies.can_use_pseudonym(user):
        raise PermissionDenied(
            "Only verified clinicians can post under a pseudonym: verify your credentials "
            "first, so that readers can still trust what you say.",
            code="pseudonym_not_verified",
            field="enabled",
        )
    profile = Profile.objects.select_for_update().get(user=user)
    fields = ["is_pseudonymous", "updated_at"]
    was = profile.is_pseudonymous
    profile.is_pseudonymous = enabled
    if name is not None and name != profile.display_name:
        profile.display_name = name
        fields.append("display_name")
    profile.full_clean()
    profile.save(update_fields=fields)
    user.profile = profile
    if was != enabled:
        audit_log_write(
            actor=user,
            action="identity.pseudonym_on" if enabled else "identity.pseudonym_off",
            target=user,
            target_label=f"@{user.username}",
        )
    trust_recompute(user)
    return profile
