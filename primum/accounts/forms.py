"""Page forms for accounts. They only carry and render input: the services validate it,
so a page and the API refuse the same input with the same message."""

from __future__ import annotations

from django import forms

from primum.accounts.models import PROFILE_TEXT_FIELDS, AccessToken
from primum.accounts.services import MAX_LINKS, MUTE_DURATIONS
from primum.accounts.vocabulary import COIRelationship, Profession, Specialty


def text(label: str, *, widget=None, help_text: str = "", **attrs) -> forms.CharField:
    """A field that accepts anything (the service decides), rendered with a label."""
    widget = widget or forms.TextInput
    return forms.CharField(
        label=label,
        required=False,
        strip=False,
        help_text=help_text,
        widget=widget(attrs=attrs) if isinstance(widget, type) else widget,
    )


def choice(label: str, choices) -> forms.CharField:
    return forms.CharField(label=label, required=False, widget=forms.Select(choices=choices))


class ServiceForm(forms.Form):
    """Shows an ApplicationError next to the field it names (or above the form)."""

    field_aliases: dict[str, str] = {}

    def add_service_error(self, error) -> None:
        field = error.detail.get("field") or ""
        field = self.field_aliases.get(field, field)
        self.add_error(field if field in self.fields else None, error.message)


class SignupForm(ServiceForm):
    handle = text(
        "Handle", help_text="3 to 30 letters, digits or underscores.", autocomplete="username"
    )
    email = text("E-mail address", widget=forms.EmailInput, autocomplete="email")
    password = text(
        "Password",
        widget=forms.PasswordInput,
        help_text="At least 10 characters.",
        autocomplete="new-password",
    )
    display_name = text("Display name", autocomplete="name")
    profession = choice("Profession", Profession.choices)


class LoginForm(ServiceForm):
    identifier = text("Handle or e-mail address", autocomplete="username")
    password = text("Password", widget=forms.PasswordInput, autocomplete="current-password")


class OTPForm(ServiceForm):
    otp_code = text(
        "Code",
        help_text="The 6-digit code from your authenticator app, or a recovery code.",
        autocomplete="one-time-code",
        inputmode="numeric",
    )


class PasswordChangeForm(ServiceForm):
    old_password = text(
        "Current password", widget=forms.PasswordInput, autocomplete="current-password"
    )
    new_password = text(
        "New password",
        widget=forms.PasswordInput,
        autocomplete="new-password",
        help_text="At least 10 characters.",
    )


class PasswordResetRequestForm(ServiceForm):
    email = text("E-mail address", widget=forms.EmailInput, autocomplete="email")


class PasswordForm(ServiceForm):
    password = text("Your password", widget=forms.PasswordInput, autocomplete="current-password")


class TwoFactorDisableForm(ServiceForm):
    password = text("Your password", widget=forms.PasswordInput, autocomplete="current-password")
    otp_code = text(
        "Code", autocomplete="one-time-code", help_text="A current code or a recovery code."
    )


class ProfileForm(ServiceForm):
    display_name = text("Display name")
    profession = choice("Profession", Profession.choices)
    specialty = choice("Specialty", Specialty.choices)
    credentials = text("Credentials", help_text="e.g. MD, FACP")
    affiliation = text("Affiliation", help_text="Hospital, university or practice.")
    bio = text("Bio", widget=forms.Textarea, help_text="Up to 1,000 characters.")
    disclaimer = text("Disclaimer", help_text="e.g. Views are my own.")

    field_aliases = {
        **{f"links.{i}.label": f"link_label_{i}" for i in range(MAX_LINKS)},
        **{f"links.{i}.url": f"link_url_{i}" for i in range(MAX_LINKS)},
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for i in range(MAX_LINKS):
            self.fields[f"link_label_{i}"] = text(f"Link {i + 1} label")
            self.fields[f"link_url_{i}"] = text(f"Link {i + 1} address", widget=forms.URLInput)

    def service_kwargs(self) -> dict:
        data = {name: self.cleaned_data.get(name, "") for name in PROFILE_TEXT_FIELDS}
        links = []
        for i in range(MAX_LINKS):
            label = self.cleaned_data.get(f"link_label_{i}", "")
            url = self.cleaned_data.get(f"link_url_{i}", "")
            if label.strip() or url.strip():
                links.append({"label": label, "url": url})
        data["links"] = links
        return data

    def link_rows(self):
        return [(self[f"link_label_{i}"], self[f"link_url_{i}"]) for i in range(MAX_LINKS)]


class DisclosureForm(ServiceForm):
    entity = text("Company or organisation")
    relationship = choice("Relationship", COIRelationship.choices)
    description = text("Description (optional)")
    start_date = text("Start date", widget=forms.DateInput(attrs={"type": "date"}))
    end_date = text(
        "End date (leave empty if ongoing)", widget=forms.DateInput(attrs={"type": "date"})
    )


class TokenForm(ServiceForm):
    name = text("Token name", help_text="What will use it, e.g. 'my script'.")
    scope = choice("Scope", AccessToken.Scope.choices)


class MuteForm(ServiceForm):
    duration = choice("Mute for", [(k, k) for k in MUTE_DURATIONS])
