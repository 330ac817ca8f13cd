"""Forms for the social pages.

The forms only describe the fields (labels, widgets, choices) and carry what the user typed
back into the page. Every rule lives in the services, so pages and the API refuse the same
input with the same message: ``form.add_service_error`` puts a typed ApplicationError next to
its field. Django's own field validators are switched off for that reason (a NUL byte, say,
gets the service's message, not a second, different one).
"""

from __future__ import annotations

from django import forms

from primum.core.errors import ApplicationError
from primum.social.models import CW_MAX_CHARS, POST_MAX_CHARS, QuotePolicy, ReplyPolicy, Visibility

MUTE_DURATIONS = [
    ("1h", "1 hour"),
    ("1d", "1 day"),
    ("7d", "7 days"),
    ("30d", "30 days"),
    ("forever", "Until I unmute"),
]


def _text(label: str, **kwargs) -> forms.CharField:
    return forms.CharField(label=label, required=False, strip=False, **kwargs)


class ServiceForm(forms.Form):
    """A form whose values go to a service untouched; the service decides what is valid."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.validators = []

    def add_service_error(self, error: ApplicationError) -> None:
        field = error.detail.get("field") or error.field
        self.add_error(field if field in self.fields else None, error.message)


class PostForm(ServiceForm):
    body = _text(
        "What would you like to share?",
        widget=forms.Textarea(attrs={"rows": 4, "data-max-chars": POST_MAX_CHARS}),
        help_text=f"Up to {POST_MAX_CHARS} characters. Post the pearl, not the patient.",
    )
    content_warning = _text(
        "Content warning (optional)",
        help_text=f"Up to {CW_MAX_CHARS} characters. Readers see this first and open the post if they choose.",
    )
    visibility = _text(
        "Who can see it", widget=forms.Select(choices=Visibility.choices), initial="public"
    )
    reply_policy = _text(
        "Who can reply", widget=forms.Select(choices=ReplyPolicy.choices), initial="anyone"
    )
    quote_policy = _text(
        "Who can quote", widget=forms.Select(choices=QuotePolicy.choices), initial="anyone"
    )
    reply_to_id = _text("Reply to", widget=forms.HiddenInput)
    quote_of_id = _text("Quote of", widget=forms.HiddenInput)


class PostEditForm(ServiceForm):
    body = _text(
        "Post",
        widget=forms.Textarea(attrs={"rows": 5, "data-max-chars": POST_MAX_CHARS}),
        help_text=f"Up to {POST_MAX_CHARS} characters. Earlier versions stay visible in the history.",
    )
    content_warning = _text("Content warning (optional)")


class PostControlsForm(ServiceForm):
    reply_policy = _text("Who can reply", widget=forms.Select(choices=ReplyPolicy.choices))
    quote_policy = _text("Who can quote", widget=forms.Select(choices=QuotePolicy.choices))


class SearchForm(ServiceForm):
    q = _text("Search", widget=forms.TextInput(attrs={"type": "search"}))
    type = _text(
        "Look for",
        widget=forms.Select(choices=[("posts", "Posts"), ("people", "People")]),
        initial="posts",
    )
