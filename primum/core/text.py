"""User text: one Unicode policy for every post, reply, bio and message.

* Text is normalised to NFC and its length is counted in Unicode code points after
  normalisation. Forms, the API and the database (a CHECK constraint on ``Length``) all
  count the same way, so a post accepted by one is accepted by all.
* Characters that hide or reorder text are refused, not silently kept: C0/C1 controls
  other than newline and tab, bidirectional overrides and isolates (the "Trojan Source"
  characters), zero-width spaces, word joiners and byte-order marks, unpaired surrogates
  and non-characters. The zero-width joiner and non-joiner stay allowed between visible
  characters, because emoji sequences (👩‍⚕️) and several scripts need them.
* Text is plain: rendering escapes everything and links only http(s) URLs, @mentions and
  #hashtags.

Pure Python (no Django): the safety engine and the tests use it directly.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import quote

__all__ = [
    "TextProblem",
    "clean_text",
    "extract_hashtags",
    "extract_mentions",
    "render_plain_text",
    "text_length",
]

BIDI_CONTROLS = frozenset(
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
)
INVISIBLE = frozenset(
    "\u200b\u2060\ufeff\u180e\u2061\u2062\u2063\u2064\u00ad\u034f\u115f\u1160\u3164"
)
JOINERS = frozenset("\u200c\u200d")
ALLOWED_CONTROLS = frozenset("\n\t")

HANDLE_PATTERN = r"[A-Za-z0-9_]{1,30}"
MENTION_RE = re.compile(r"(?<![\w@/.])@(" + HANDLE_PATTERN + r")\b")
HASHTAG_RE = re.compile(r"(?<![\w#&/])#(\w{1,64})", re.UNICODE)
URL_RE = re.compile(r"\bhttps?://[^\s<>\"'`]+", re.IGNORECASE)
URL_TRAILING_PUNCTUATION = ".,;:!?)]}'\""


@dataclass(frozen=True)
class TextProblem(Exception):
    """Why a text was refused: a stable code, a readable message and the offending index."""

    code: str
    message: str
    position: int | None = None

    def __str__(self) -> str:
        return self.message


def _describe(char: str) -> str:
    name = unicodedata.name(char, "")
    return f"U+{ord(char):04X}" + (f" {name}" if name else "")


def clean_text(
    value: object,
    *,
    max_length: int,
    allow_empty: bool = False,
    multiline: bool = True,
    what: str = "Text",
) -> str:
    """Return the NFC-normalised, trimmed text, or raise TextProblem saying what is wrong."""
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise TextProblem("invalid_type", f"{what} must be a string.")
    text = unicodedata.normalize("NFC", value.replace("\r\n", "\n").replace("\r", "\n"))
    for index, char in enumerate(text):
        code_point = ord(char)
        if 0xD800 <= code_point <= 0xDFFF:
            raise TextProblem(
                "invalid_unicode",
                f"{what} contains invalid Unicode (an unpaired surrogate).",
                index,
            )
        if (0xFDD0 <= code_point <= 0xFDEF) or (code_point & 0xFFFE) == 0xFFFE:
            raise TextProblem(
                "invalid_unicode",
                f"{what} contains a Unicode non-character ({_describe(char)}).",
                index,
            )
        if char in BIDI_CONTROLS:
            raise TextProblem(
                "bidi_control",
                f"{what} contains a hidden direction-changing character ({_describe(char)}). Remove it and try again.",
                index,
            )
        if char in INVISIBLE:
            raise TextProblem(
                "invisible_character",
                f"{what} contains an invisible character ({_describe(char)}). Remove it and try again.",
                index,
            )
        if char in JOINERS:
            before = text[index - 1] if index > 0 else " "
            after = text[index + 1] if index + 1 < len(text) else " "
            if before.isspace() or after.isspace() or before in JOINERS or after in JOINERS:
                raise TextProblem(
                    "invisible_character",
                    f"{what} contains a stray zero-width joiner ({_describe(char)}).",
                    index,
                )
            continue
        category = unicodedata.category(char)
        if category == "Cc" and char not in ALLOWED_CONTROLS:
            raise TextProblem(
                "control_character",
                f"{what} contains a control character ({_describe(char)}).",
                index,
            )
        if char == "\n" and not multiline:
            raise TextProblem("control_character", f"{what} must be a single line.", index)
        if category in {"Cf", "Co", "Cs", "Cn"} and char not in JOINERS:
            raise TextProblem(
                "invisible_character",
                f"{what} contains an unsupported character ({_describe(char)}).",
                index,
            )
    text = "\n".join(line.rstrip() for line in text.split("\n")).strip()
    text = re.sub(r"\n{3,}", "\n\n", text)
    if not text and not allow_empty:
        raise TextProblem("empty", f"{what} cannot be empty.")
    length = text_length(text)
    if length > max_length:
        raise TextProblem(
            "too_long", f"{what} is {length} characters long; the limit is {max_length}."
        )
    return text


def text_length(text: str) -> int:
    """Length as Primum counts it everywhere: code points of the NFC form."""
    return len(unicodedata.normalize("NFC", text))


def extract_mentions(text: str) -> list[str]:
    """Handles mentioned in ``text``, lower-cased, in order of first appearance."""
    seen: dict[str, None] = {}
    for match in MENTION_RE.finditer(_without_urls(text)):
        seen.setdefault(match.group(1).lower(), None)
    return list(seen)


def extract_hashtags(text: str) -> list[str]:
    """Hashtags in ``text`` (without '#'), case-folded, skipping all-digit tags like #1."""
    seen: dict[str, None] = {}
    for match in HASHTAG_RE.finditer(_without_urls(text)):
        tag = match.group(1)
        if tag.isdigit() or tag.startswith("_"):
            continue
        seen.setdefault(tag.casefold(), None)
    return list(seen)


def _without_urls(text: str) -> str:
    return URL_RE.sub(lambda m: " " * len(m.group(0)), text)


def _split_url(raw: str) -> tuple[str, str]:
    url = raw
    trailing = ""
    while url and url[-1] in URL_TRAILING_PUNCTUATION:
        if url[-1] == ")" and url.count("(") >= url.count(")"):
            break
        trailing = url[-1] + trailing
        url = url[:-1]
    return url, trailing


def render_plain_text(
    text: str,
    *,
    mention_url: str = "/@{handle}/",
    hashtag_url: str = "/tags/{tag}/",
) -> str:
    """Render user text as safe HTML: everything escaped; URLs, mentions, hashtags linked."""
    pieces: list[str] = []
    position = 0
    tokens: list[tuple[int, int, str]] = []
    for match in URL_RE.finditer(text):
        url, _trailing = _split_url(match.group(0))
        if url:
            tokens.append((match.start(), match.start() + len(url), "url"))
    masked = _without_urls(text)
    for match in MENTION_RE.finditer(masked):
        tokens.append((match.start(), match.end(), "mention"))
    for match in HASHTAG_RE.finditer(masked):
        tag = match.group(1)
        if not tag.isdigit() and not tag.startswith("_"):
            tokens.append((match.start(), match.end(), "hashtag"))
    tokens.sort()
    for start, end, kind in tokens:
        if start < position:
            continue
        pieces.append(html.escape(text[position:start]))
        chunk = text[start:end]
        if kind == "url":
            href = html.escape(chunk, quote=True)
            shown = html.escape(chunk if len(chunk) <= 48 else chunk[:45] + "…")
            pieces.append(
                f'<a href="{href}" rel="nofollow noopener ugc" target="_blank">{shown}</a>'
            )
        elif kind == "mention":
            handle = chunk[1:]
            href = html.escape(mention_url.format(handle=handle.lower()), quote=True)
            pieces.append(f'<a class="mention" href="{href}">@{html.escape(handle)}</a>')
        else:
            tag = chunk[1:]
            href = html.escape(hashtag_url.format(tag=quote(tag.casefold())), quote=True)
            pieces.append(f'<a class="hashtag" href="{href}">#{html.escape(tag)}</a>')
        position = end
    pieces.append(html.escape(text[position:]))
    return "".join(pieces).replace("\n", "<br>")
