"""Post text as safe HTML, linked to this site's profile and hashtag pages.

One function for the pages (template filter ``plain_text``) and the API (``html`` field).
"""

from __future__ import annotations

from functools import cache

from django.urls import reverse

from primum.core.text import render_plain_text


@cache
def _url_templates() -> tuple[str, str]:
    mention = reverse("social:profile", kwargs={"handle": "HANDLE"}).replace("HANDLE", "{handle}")
    tag = reverse("social:tag", kwargs={"tag": "TAG"}).replace("TAG", "{tag}")
    return mention, tag


def render_post_html(text: str) -> str:
    """Escaped HTML with http(s) URLs, @mentions and #hashtags linked."""
    mention_url, hashtag_url = _url_templates()
    return render_plain_text(text, mention_url=mention_url, hashtag_url=hashtag_url)
