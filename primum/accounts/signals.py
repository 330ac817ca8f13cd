"""Signal receivers for framework events only (domain writes go through services)."""

from __future__ import annotations

from django.contrib.auth.signals import user_logged_out
from django.dispatch import receiver

from primum.accounts.models import UserSession


@receiver(user_logged_out)
def forget_session(sender, request, user, **kwargs) -> None:
    if (
        request is not None
        and getattr(request, "session", None) is not None
        and request.session.session_key
    ):
        UserSession.objects.filter(session_key=request.session.session_key).delete()
