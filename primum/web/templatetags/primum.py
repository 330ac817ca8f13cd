"""Template helpers shared by every page: post bodies, safe ``next`` values, labels."""

from __future__ import annotations

from functools import cache

from django import template
from django.urls import reverse
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


@cache
def _post_url_pattern(name: str) -> str:
    marker = 987654321987
    return reverse(name, kwargs={"post_id": marker}).replace(str(marker), "{}")


@register.simple_tag
def post_url(name: str, post_id: object) -> str:
    """``{% url name post_id=… %}`` for the per-post actions, without a full reverse() per
    call: a feed page renders a dozen of these per post (BENCHMARKS.md)."""
    return _post_url_pattern(name).format(int(post_id))  # type: ignore[call-overload]
