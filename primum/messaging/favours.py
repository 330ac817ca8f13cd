"""Favour and promotion request detection for direct messages.

Clinicians with a following are asked by strangers to promote books, share surveys, endorse
startups, join boards, invest, sponsor or speak. ``detect_favours(text)`` labels such asks so
the Requests folder can say "Asks you to: promote a book — words: 'share my new book'" and a
clinician can triage without opening every message.

The rules are deliberately narrow: an ask must be framed as a request to the reader (my / our
/ this thing, "can you", "please", "you … join") so that clinical talk ("can you review this
ECG?", "share the discharge summary with the GP", "the patient may join a support group") is
not labelled. Every label keeps the words that triggered it and their spans in the text.

Pure Python (no Django), typed; tests in primum/messaging/tests/test_favours.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["FAVOUR_KINDS", "FavourLabel", "Trigger", "describe", "detect_favours"]

# kind -> the verb phrase shown after "Asks you to:"
FAVOUR_KINDS: dict[str, str] = {
    "promote": "promote",
    "share": "share or amplify",
    "endorse": "endorse",
    "review": "review",
    "join": "join",
    "invest": "invest in",
    "survey": "fill in a survey",
    "sponsor": "sponsor",
    "speak": "speak at or appear on",
}

# Things people ask to have promoted, and the label used for each.
_OBJECTS: dict[str, str] = {
    "book": "a book",
    "ebook": "a book",
    "e-book": "a book",
    "novel": "a book",
    "memoir": "a book",
    "podcast": "a podcast",
    "episode": "a podcast",
    "course": "a course",
    "masterclass": "a course",
    "webinar": "an event",
    "conference": "an event",
    "event": "an event",
    "summit": "an event",
    "app": "an app",
    "application": "an app",
    "product": "a product",
    "device": "a product",
    "supplement": "a product",
    "brand": "a product",
    "startup": "a startup",
    "start-up": "a startup",
    "company": "a company",
    "business": "a company",
    "clinic": "a company",
    "practice": "a company",
    "blog": "a blog",
    "newsletter": "a newsletter",
    "substack": "a newsletter",
    "channel": "a channel",
    "video": "a video",
    "youtube": "a channel",
    "article": "an article",
    "paper": "an article",
    "post": "a post",
    "tweet": "a post",
    "thread": "a post",
    "fundraiser": "a fundraiser",
    "gofundme": "a fundraiser",
    "campaign": "a campaign",
    "petition": "a campaign",
    "survey": "a survey",
    "questionnaire": "a survey",
    "poll": "a survey",
    "study": "a study",
    "trial": "a study",
    "board": "a board",
    "group": "a group",
    "community": "a group",
    "network": "a group",
    "team": "a team",
}
_OBJECT_WORDS = "|".join(sorted((re.escape(w) for w in _OBJECTS), key=len, reverse=True))
# "my new book", "our upcoming podcast", "this short survey"
_MINE = r"(?:my|our|this|the attached|my\s+team's|my\s+friend's)"
_ADJ = r"(?:\s+(?:new|latest|upcoming|first|second|recent|free|short|quick|brief|little|online|debut|own|medical|health|wellness|digital|advisory|amazing))*"
_OWNED_OBJECT = rf"{_MINE}{_ADJ}\s+(?P<obj>{_OBJECT_WORDS})s?\b"
_ASK = r"(?:please|pls|could\s+you|can\s+you|would\s+you|will\s+you|you\s+could|would\s+love\s+(?:it\s+if\s+you|for\s+you)\s+(?:to\s+)?|i\s+(?:would|'d)\s+(?:be\s+grateful|appreciate\s+it)\s+if\s+you(?:\s+could)?|mind|happy\s+to|willing\s+to|interested\s+in|consider|help\s+(?:me\s+)?(?:to\s+)?)"

_FLAGS = re.IGNORECASE

_RULES: list[tuple[str, re.Pattern[str]]] = [
    # promote
    (
        "promote",
        re.compile(
            rf"\b(?:promote|plug|advertise|market|feature|mention)\s+{_OWNED_OBJECT}", _FLAGS
        ),
    ),
    ("promote", re.compile(r"\b(?:give\s+(?:me|us|it)\s+a\s+)?shout[- ]?out\b", _FLAGS)),
    ("promote", re.compile(r"\b(?:get\s+the\s+word\s+out|spread\s+the\s+word)\b", _FLAGS)),
    # share / amplify
    (
        "share",
        re.compile(
            rf"\b(?:share|re-?tweet|repost|boost|amplify|forward)\s+{_OWNED_OBJECT}", _FLAGS
        ),
    ),
    (
        "share",
        re.compile(rf"\b{_ASK}\s*(?:re-?tweet|repost|amplify|boost|signal[- ]boost)\b", _FLAGS),
    ),
    (
        "share",
        re.compile(
            r"\bshare\s+(?:it|this|them)?\s*(?:widely|with\s+your\s+(?:followers|network|audience|community))\b",
            _FLAGS,
        ),
    ),
    ("share", re.compile(r"(?<![\w-])RT(?:\s+(?:please|pls))?(?:\s*[!.?]|\s+this)", 0)),
    ("share", re.compile(r"\bsignal[- ]boost\b", _FLAGS)),
    # endorse
    (
        "endorse",
        re.compile(rf"\b(?:endorse|back|vouch\s+for|recommend|support)\s+{_OWNED_OBJECT}", _FLAGS),
    ),
    (
        "endorse",
        re.compile(
            r"\b(?:write|give|provide)\s+(?:me\s+|us\s+)?(?:a\s+)?(?:short\s+|quick\s+)?(?:blurb|testimonial|endorsement|quote\s+for\s+the\s+cover)\b",
            _FLAGS,
        ),
    ),
    ("endorse", re.compile(r"\byour\s+endorsement\b", _FLAGS)),
    # review (books, products, apps: not ECGs or scans)
    (
        "review",
        re.compile(
            rf"\b(?:review(?:ing)?|rat(?:e|ing)|try(?:ing)?(?:\s+out)?|test(?:ing)?)\s+{_OWNED_OBJECT}",
            _FLAGS,
        ),
    ),
    (
        "review",
        re.compile(
            r"\b(?:leave|write|post|give)\s+(?:me\s+|us\s+)?(?:a|an)\s+(?:honest\s+|quick\s+|short\s+|positive\s+|good\s+)?(?:5[- ]star\s+|five[- ]star\s+)?(?:review|rating)\b",
            _FLAGS,
        ),
    ),
    ("review", re.compile(r"\b(?:5|five)[- ]star\s+(?:review|rating)s?\b", _FLAGS)),
    (
        "review",
        re.compile(
            r"\b(?:on|at)\s+(?:amazon|goodreads|the\s+app\s+store|google\s+play|trustpilot)\b",
            _FLAGS,
        ),
    ),
    # join
    ("join", re.compile(rf"\bjoin\s+{_OWNED_OBJECT}", _FLAGS)),
    (
        "join",
        re.compile(
            r"\bjoin\s+(?:us|me)\s+(?:as|on)\s+(?:an?\s+)?(?:advisor|adviser|board|co-?founder|partner|ambassador|medical\s+director)",
            _FLAGS,
        ),
    ),
    ("join", re.compile(r"\b(?:you\s+(?:to\s+)?join|you\s+joining)\s+(?:my|our)\b", _FLAGS)),
    (
        "join",
        re.compile(
            r"\b(?:be|become|serve\s+as)\s+(?:an?\s+|our\s+|my\s+)?(?:medical\s+|clinical\s+|scientific\s+)?(?:advisor|adviser|ambassador|co-?founder|board\s+member|brand\s+partner)\b",
            _FLAGS,
        ),
    ),
    ("join", re.compile(r"\b(?:advisory\s+board|board\s+of\s+advisors)\b", _FLAGS)),
    # invest
    ("invest", re.compile(r"\binvest(?:ing)?\s+in\b", _FLAGS)),
    (
        "invest",
        re.compile(
            r"\b(?:investment\s+opportunity|seed\s+round|pre-?seed|series\s+a|angel\s+invest(?:or|ment)|funding\s+round|raising\s+(?:a\s+)?(?:round|capital|funds))\b",
            _FLAGS,
        ),
    ),
    # survey
    (
        "survey",
        re.compile(
            r"\b(?:fill\s+(?:in|out)|complete|take|answer|respond\s+to)\s+(?:my|our|this|a|the)?\s*(?:short\s+|quick\s+|brief\s+|anonymous\s+|\d+[- ]minute\s+)*(?:survey|questionnaire|poll|form)\b",
            _FLAGS,
        ),
    ),
    ("survey", re.compile(r"\bsurvey\s+link\b", _FLAGS)),
    (
        "survey",
        re.compile(
            rf"\b(?:share|circulate|distribute)\s+{_MINE}{_ADJ}\s+(?:survey|questionnaire|poll)\b",
            _FLAGS,
        ),
    ),
    # sponsor
    ("sponsor", re.compile(r"\bsponsor(?:ing)?\s+(?:my|our|us|me|this)\b", _FLAGS)),
    ("sponsor", re.compile(r"\bsponsorship\s+(?:for|of|opportunit\w*|package|deal)\b", _FLAGS)),
    (
        "sponsor",
        re.compile(
            r"\b(?:looking|seeking|searching)\s+for\s+(?:a\s+|some\s+)?sponsors?(?:hip)?\b", _FLAGS
        ),
    ),
    ("sponsor", re.compile(r"\b(?:become|be)\s+(?:a|our|my)\s+sponsor\b", _FLAGS)),
    ("sponsor", re.compile(r"\b(?:donate|contribute)\s+to\s+(?:my|our)\b", _FLAGS)),
    # speak / podcast
    ("speak", re.compile(r"\b(?:speak|present|talk)\s+at\s+(?:my|our)\b", _FLAGS)),
    (
        "speak",
        re.compile(
            r"\b(?:be|come|appear)\s+(?:a\s+guest\s+)?on\s+(?:my|our)\s+(?:\w+\s+)?(?:podcast|show|channel|live|panel|webinar)\b",
            _FLAGS,
        ),
    ),
    (
        "speak",
        re.compile(
            r"\b(?:guest\s+on\s+(?:my|our)|keynote|panell?ist|guest\s+speaker|interview\s+you)\b",
            _FLAGS,
        ),
    ),
]

# "share my survey" is a survey ask, not a generic share; the more specific kind wins.
_SPECIFIC_OBJECT_KIND = {"a survey": "survey"}


@dataclass(frozen=True)
class Trigger:
    """The words that triggered a label and where they are: ``text[start:end]``."""

    text: str
    start: int
    end: int


@dataclass
class FavourLabel:
    kind: str
    label: str  # e.g. "promote a book"
    triggers: list[Trigger] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "label": self.label,
            "triggers": [{"text": t.text, "start": t.start, "end": t.end} for t in self.triggers],
        }


def _object_label(match: re.Match[str], text: str) -> str | None:
    if "obj" in match.re.groupindex and match.group("obj"):
        return _OBJECTS.get(match.group("obj").lower())
    # Otherwise the first promotable thing in the same sentence, if any.
    sentence_start = max(text.rfind(sep, 0, match.start()) for sep in ".!?\n") + 1
    ends = [i for i in (text.find(sep, match.end()) for sep in ".!?\n") if i != -1]
    sentence = text[sentence_start : min(ends) if ends else len(text)]
    found = re.search(rf"\b(?:{_MINE}{_ADJ}\s+)(?P<obj>{_OBJECT_WORDS})s?\b", sentence, _FLAGS)
    if found:
        return _OBJECTS.get(found.group("obj").lower())
    return None


def detect_favours(text: str) -> list[FavourLabel]:
    """Labels for each kind of favour asked in ``text``, in a stable order (FAVOUR_KINDS)."""
    found: dict[str, FavourLabel] = {}
    for kind, pattern in _RULES:
        for match in pattern.finditer(text):
            obj = _object_label(match, text)
            label_kind = _SPECIFIC_OBJECT_KIND.get(obj or "", kind)
            trigger = Trigger(match.group(0).strip(), match.start(), match.end())
            label = found.get(label_kind)
            if label is None:
                verb = FAVOUR_KINDS[label_kind]
                suffix = ""
                if obj and label_kind not in {"survey"}:
                    suffix = f" {obj}"
                elif label_kind in {"join", "invest", "sponsor", "speak"} and not obj:
                    suffix = {
                        "join": " something",
                        "invest": " something",
                        "sponsor": " something",
                        "speak": " an event or a podcast",
                    }[label_kind]
                elif label_kind in {"promote", "share", "endorse", "review"}:
                    suffix = " something"
                found[label_kind] = FavourLabel(label_kind, f"{verb}{suffix}".strip(), [trigger])
            elif all(t.end <= trigger.start or t.start >= trigger.end for t in label.triggers):
                label.triggers.append(trigger)
    order = list(FAVOUR_KINDS)
    return sorted(found.values(), key=lambda lab: order.index(lab.kind))


def describe(labels: list[FavourLabel] | list[dict[str, object]]) -> str:
    """One line for the Requests folder: "Asks you to: promote a book — words: '…'"."""
    parts = []
    for item in labels:
        data = item.as_dict() if isinstance(item, FavourLabel) else item
        triggers = data.get("triggers") or []
        words = ", ".join(f"'{t['text']}'" for t in triggers if isinstance(t, dict))  # type: ignore[index]
        parts.append(f"{data['label']} — words: {words}")
    return ("Asks you to: " + "; ".join(parts)) if parts else ""
