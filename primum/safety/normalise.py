"""Normalisation that defeats evasion, with a map back to the original text.

Two forms are produced from one text:

* ``base``: case-folded, zero-width / bidirectional / control characters removed, look-alike
  letters from other scripts (Cyrillic "о", Greek "ο", full-width "ｏ", mathematical bold …)
  mapped to Latin. Digits stay digits, so phone numbers, addresses and times still read.
* ``folded``: ``base`` with the usual disguises undone as well: leetspeak inside words
  ("1d10t" → "idiot", "$tupid" → "stupid"), letters spaced out ("i d i o t", "i.d.i.o.t"),
  and letters repeated three or more times ("stuuuupid" → "stupid").

Every form keeps, for each of its characters, the index of the original character it came
from, so evidence found in a normalised form is reported as a span of the original text.
The common case (plain ASCII with no disguise) costs one ``str.lower`` and one regex search.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["Form", "Normalised", "normalise"]

# Look-alikes that NFKC does not fold (Cyrillic and Greek letters that look Latin).
_HOMOGLYPHS: dict[str, str] = {
    "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o",
    "р": "p", "с": "c", "т": "t", "у": "y", "х": "x", "і": "i", "ї": "i", "ј": "j",
    "ѕ": "s", "ԁ": "d", "һ": "h", "ӏ": "l", "ԛ": "q", "ԝ": "w", "ѵ": "v", "ү": "y",
    "α": "a", "β": "b", "ε": "e", "η": "n", "ι": "i", "κ": "k", "ν": "v", "ο": "o",
    "ρ": "p", "τ": "t", "υ": "u", "χ": "x", "ω": "w", "ϲ": "c", "ѡ": "w",
    "ı": "i", "ſ": "s", "ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ð": "d", "þ": "th",
    # small capitals ("ɪᴅɪᴏᴛ", "ʏᴏᴜ ᴋɴᴏᴡ") and other Latin look-alikes NFKC leaves alone
    "ᴀ": "a", "ʙ": "b", "ᴄ": "c", "ᴅ": "d", "ᴇ": "e", "ꜰ": "f", "ɢ": "g", "ʜ": "h", "ɪ": "i",
    "ᴊ": "j", "ᴋ": "k", "ʟ": "l", "ᴍ": "m", "ɴ": "n", "ᴏ": "o", "ᴘ": "p", "ꞯ": "q", "ʀ": "r",
    "ꜱ": "s", "ᴛ": "t", "ᴜ": "u", "ᴠ": "v", "ᴡ": "w", "ʏ": "y", "ᴢ": "z", "ɑ": "a", "ɡ": "g",
    "ɩ": "i", "ʋ": "v", "ɐ": "a", "ǝ": "e", "ɯ": "m", "ɹ": "r", "ʇ": "t", "ʎ": "y",
}  # fmt: skip

_LEET: dict[str, str] = {
    "0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b", "9": "g",
    "@": "a", "$": "s", "!": "i", "|": "l", "€": "e", "£": "l",
}  # fmt: skip
_LEET_TABLE = str.maketrans(_LEET)

# A token that mixes letters with leet characters and has at least two letters.
_LEET_TOKEN = re.compile(
    r"(?<![\w@$!|])(?=[a-z0-9@$!|€£]*[a-z][a-z0-9@$!|€£]*[a-z])[a-z0-9@$!|€£]+"
)
# Tokens that are measurements, times, ordinals or codes: never leet.
_NOT_LEET = re.compile(
    r"\d+(?:st|nd|rd|th|am|pm|mg|mcg|ug|ml|mmol|mol|kg|g|cm|mm|km|mi|h|hr|hrs|min|yo|yr|yrs|"
    r"y|m|f|d|wk|wks|s|x|k|mmhg|iu|u|l|dl|mg/dl|bpm|c|ish)"
    r"|[a-z]{1,3}\d+[a-z]?|\d+[a-z]\d+|[a-z]+\d+(?:[a-z]+\d+)*|covid19|\d+s"
)
_SPACED = re.compile(r"(?<![a-z])(?:[a-z][ .\-_*·]){2,}[a-z](?![a-z])")
_SPACED_SEP = re.compile(r"[ .\-_*·]")
_REPEATS = re.compile(r"([a-z])\1{2,}")
_DISGUISE = re.compile(
    r"[0-9@$!|€£][a-z]|[a-z][0-9@$!|€£]|([a-z])\1\1|(?:[a-z][ .\-_*·]){2}[a-z]|[a-z]\*|\*[a-z]"
)
# A word with letters masked by asterisks ("b*tch", "f**king", "a**hole", "k*ll"): each
# asterisk stands for one letter, so the unmasked word has the same length.
_MASKED = re.compile(r"(?<![\w*])(?=[a-z*]*[a-z])(?=[a-z*]*\*)[a-z*]{3,12}(?![\w*])")
_MASKABLE_WORDS = """fuck fucks fucked fucker fuckers fucking fuckin shit shits shitty bullshit bitch bitches
    bitching cunt cunts twat twats dick dicks dickhead asshole assholes arsehole arseholes bastard
    bastards whore whores slut sluts idiot idiots moron morons retard retards retarded nigger
    niggers nigga faggot faggots fag fags kill killed killing suicide yourself damn piss pissed
    wanker wankers bollocks cock pussy tits rape raped rapist stupid scum hell die dead
    motherfucker"""
_MASKABLE: dict[int, tuple[str, ...]] = {}
for _word in _MASKABLE_WORDS.split():
    _MASKABLE[len(_word)] = (*_MASKABLE.get(len(_word), ()), _word)


@dataclass(frozen=True, slots=True)
class Form:
    """One normalised form of a text and, per character, its original index."""

    text: str
    origin: tuple[int, ...] | None  # None: identity (same length as the original)

    def span(self, start: int, end: int, original_length: int) -> tuple[int, int]:
        """The original-text span of ``text[start:end]``."""
        if self.origin is None:
            return start, end
        if start >= end:
            position = self.origin[start] if start < len(self.origin) else original_length
            return position, position
        return self.origin[start], self.origin[end - 1] + 1


@dataclass(frozen=True, slots=True)
class Normalised:
    original: str
    base: Form
    folded: Form

    def span(self, form: Form, start: int, end: int) -> tuple[int, int]:
        return form.span(start, end, len(self.original))


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    category = unicodedata.category(char)
    if category in ("Cf", "Cs", "Co", "Cn"):
        return ""  # zero-width, bidi controls, surrogates, private use, unassigned
    if category == "Cc":
        return " " if char not in "\n\t" else char
    if category == "Mn":
        return ""  # combining marks ("ı̇", Zalgo text); accents are gone after NFKD below
    folded = _HOMOGLYPHS.get(char)
    if folded is not None:
        return folded
    folded = unicodedata.normalize("NFKD", char).casefold()
    out = []
    for piece in folded:
        if unicodedata.category(piece) == "Mn":
            continue
        out.append(_HOMOGLYPHS.get(piece, piece))
    return "".join(out)


def _base(text: str) -> Form:
    if text.isascii():
        lowered = text.lower()
        if any(c < " " and c not in "\n\t" for c in lowered):
            lowered = "".join(" " if c < " " and c not in "\n\t" else c for c in lowered)
        return Form(lowered, None)
    chars: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        if char.isascii():
            chars.append(char.lower())
            origin.append(index)
            continue
        folded = _fold_char(char)
        for piece in folded:
            chars.append(piece)
            origin.append(index)
    return Form("".join(chars), tuple(origin))


def _rewrite(form: Form, pattern: re.Pattern[str], replace: Callable[[re.Match[str]], str]) -> Form:
    """Apply ``pattern.sub(replace)`` and carry the origin map along.

    A replacement of the same length keeps the character-by-character map; a shorter one maps
    its characters to the first characters of the match (enough for spans).
    """
    text = form.text
    pieces: list[str] = []
    origin: list[int] = []
    old_origin = form.origin
    last = 0
    changed = False
    for match in pattern.finditer(text):
        start, end = match.span()
        new = replace(match)
        if new == match.group(0):
            continue
        changed = True
        pieces.append(text[last:start])
        origin.extend(old_origin[last:start] if old_origin else range(last, start))
        pieces.append(new)
        if len(new) == end - start:
            origin.extend(old_origin[start:end] if old_origin else range(start, end))
        else:
            src = [old_origin[i] if old_origin else i for i in range(start, end)]
            if new and len(new) < len(src):
                # keep the first and the last character's origin so a span covers the match
                origin.extend([*src[: len(new) - 1], src[-1]])
            else:
                origin.extend((src + [src[-1]] * len(new))[: len(new)])
        last = end
    if not changed:
        return form
    pieces.append(text[last:])
    origin.extend(old_origin[last:] if old_origin else range(last, len(text)))
    return Form("".join(pieces), tuple(origin))


def _unleet(match: re.Match[str]) -> str:
    token = match.group(0)
    # "!" closing a word is punctuation ("report him!", "go home!!"), not a leet "i" ("b!tch")
    core = token.rstrip("!")
    if core.isalpha() or _NOT_LEET.fullmatch(core):
        return token
    return core.translate(_LEET_TABLE) + token[len(core) :]


def _unmask(match: re.Match[str]) -> str:
    token = match.group(0)
    if token.count("*") * 2 > len(token):
        return token  # mostly asterisks: "***", "a***": too little left to read
    for word in _MASKABLE.get(len(token), ()):
        if all(t == "*" or t == w for t, w in zip(token, word, strict=True)):
            return word
    return token


def _unspace(match: re.Match[str]) -> str:
    return _SPACED_SEP.sub("", match.group(0))


def _unrepeat(match: re.Match[str]) -> str:
    return match.group(1)


def normalise(text: str) -> Normalised:
    base = _base(text)
    folded = base
    if _DISGUISE.search(base.text):
        folded = _rewrite(folded, _LEET_TOKEN, _unleet)
        if "*" in folded.text:
            folded = _rewrite(folded, _MASKED, _unmask)
        folded = _rewrite(folded, _SPACED, _unspace)
        folded = _rewrite(folded, _REPEATS, _unrepeat)
    return Normalised(text, base, folded)
