"""The one Unicode policy for user text (pure function tests)."""

import pytest

from primum.core.text import (
    TextProblem,
    clean_text,
    extract_hashtags,
    extract_mentions,
    render_plain_text,
)


def test_nfc_normalises_and_counts_code_points():
    decomposed = "cafe\u0301"  # e + combining acute
    assert clean_text(decomposed, max_length=4) == "café"


def test_length_limit_is_exact():
    assert clean_text("a" * 500, max_length=500) == "a" * 500
    with pytest.raises(TextProblem) as info:
        clean_text("a" * 501, max_length=500)
    assert info.value.code == "too_long"


@pytest.mark.parametrize("value", ["", "   ", "\n\n"])
def test_empty_refused(value):
    with pytest.raises(TextProblem) as info:
        clean_text(value, max_length=10)
    assert info.value.code == "empty"


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("hello\x00world", "control_character"),
        ("bell\x07", "control_character"),
        ("abc\u202edcba", "bidi_control"),
        ("abc\u2066x\u2069", "bidi_control"),
        ("zero\u200bwidth", "invisible_character"),
        ("bom\ufeff", "invisible_character"),
        ("lone \ud800 surrogate", "invalid_unicode"),
        ("stray \u200d joiner", "invisible_character"),
    ],
)
def test_hidden_characters_refused(value, code):
    with pytest.raises(TextProblem) as info:
        clean_text(value, max_length=100)
    assert info.value.code == code


def test_emoji_zwj_sequence_allowed():
    health_worker = "\U0001f469\u200d\u2695\ufe0f"
    assert clean_text(f"Proud {health_worker}", max_length=50).endswith(health_worker)


def test_render_escapes_markup_and_links_entities():
    html = render_plain_text(
        "<script>alert(1)</script> @Alice #BCSM https://example.org/a?b=1&c=2."
    )
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert '<a class="mention" href="/@alice/">@Alice</a>' in html
    assert '<a class="hashtag" href="/tags/bcsm/">#BCSM</a>' in html
    assert 'href="https://example.org/a?b=1&amp;c=2"' in html
    assert html.endswith("</a>.")


def test_render_does_not_link_javascript_urls():
    html = render_plain_text('javascript:alert(1) and "><img src=x onerror=alert(1)>')
    assert "<img" not in html and 'href="javascript' not in html


def test_extractors():
    text = "Thanks @DrA and @dra! #BCSM #bcsm #1 https://x.org/#frag @b_c"
    assert extract_mentions(text) == ["dra", "b_c"]
    assert extract_hashtags(text) == ["bcsm"]
