"""Template helpers shared by every page: post bodies, safe ``next`` values, labels."""

from __future__ import annotations

from django import template
from django.utils.safestring import mark_safe

from primum.social.rendering import render_post_html

register = template.Library()


@register.filter
def plain_text(value: object) -> str:
    """User text as safe HTML: escaped, with http(s) links, @mentions and #hashtags linked."""
    html = render_post_html(str(value or ""))
    return mark_safe(html)  # noqa: S308 - render_plain_text escapes every piece of user text


@register.filter
def unread_label(count: object) -> str:
    """The accessible wording of the notification badge."""
    try:
        number = int(count)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        number = 0
    return f"{number} unread notification{'' if number == 1 else 's'}"
