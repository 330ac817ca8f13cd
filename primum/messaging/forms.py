"""Forms for the message pages. They only carry fields; every rule lives in the services,
so the pages and the API refuse the same input with the same message."""

from __future__ import annotations

from django import forms

from primum.messaging.models import MESSAGE_MAX_CHARS, TITLE_MAX_CHARS, DMPolicy
from primum.social.forms import ServiceForm


def _text(label: str, **kwargs) -> forms.CharField:
    return forms.CharField(label=label, required=False, strip=False, **kwargs)


class MessageForm(ServiceForm):
    body = _text(
        "Message",
        widget=forms.Textarea(attrs={"rows": 3, "data-max-chars": MESSAGE_MAX_CHARS}),
        help_text=f"Up to {MESSAGE_MAX_CHARS} characters. Plain text; links are shown as links.",
    )


class NewConversationForm(MessageForm):
    recipients = _text(
        "To",
        help_text="One handle for a direct message, or up to 9 separated by commas for a group.",
    )
    title = _text(
        "Group name (optional)", help_text=f"Groups only. Up to {TITLE_MAX_CHARS} characters."
    )
    field_order = ["recipients", "title", "body"]


class DMPolicyForm(ServiceForm):
    dm_policy = forms.ChoiceField(
        label="Who can send you direct messages",
        choices=DMPolicy.choices,
        widget=forms.RadioSelect,
        required=False,
    )
