"""The engine's public types: what callers pass in and what they get back.

Everything here is immutable and JSON-friendly (`to_dict`), so an assessment can be stored
beside the content it describes and replayed later.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum


class Label(StrEnum):
    """What the engine scores. Each score is in [0, 1]."""

    TOXICITY = "toxicity"
    INSULT = "insult"
    IDENTITY_ATTACK = "identity_attack"
    THREAT = "threat"
    SEXUAL_HARASSMENT = "sexual_harassment"
    DOXXING = "doxxing"
    CREDENTIAL_ATTACK = "credential_attack"
    MOBILISATION = "mobilisation"
    SELF_HARM = "self_harm_encouragement"
    PROFANITY = "profanity"


#: Labels that describe harassment (profanity alone is not harassment).
HARASSMENT_LABELS: tuple[Label, ...] = tuple(
    label for label in Label if label is not Label.PROFANITY
)


class Target(StrEnum):
    """Whom the text is aimed at."""

    PERSON = "person"  # someone in the conversation (you / @handle / the author replied to)
    GROUP = "group"  # a group of people (women, doctors from X, an ethnicity, …)
    IDEA = "idea"  # a claim, a study, a policy: disagreement, not harassment
    NONE = "none"


class Decision(StrEnum):
    ALLOW = "allow"
    COLLAPSE = "collapse"  # published behind a notice: "hidden: likely harassment — show anyway"
    HOLD = "hold"  # not published until a moderator reviews it


class SpaceKind(StrEnum):
    PUBLIC = "public"  # the open network (posts, replies, quotes)
    DIRECT = "direct"  # direct messages
    PROFESSIONAL = "professional"  # clinician-only spaces
    PATIENT = "patient"  # spaces where patients and caregivers take part


@dataclass(frozen=True, slots=True)
class Span:
    """Evidence: `text[start:end]` of the ORIGINAL text supports `label` because of `reason`."""

    start: int
    end: int
    label: str
    reason: str

    def to_dict(self) -> dict[str, object]:
        return {"start": self.start, "end": self.end, "label": self.label, "reason": self.reason}


@dataclass(frozen=True, slots=True)
class Context:
    """What the platform knows about the text. Every field is optional."""

    #: The text is a reply, a quote or a mention aimed at a person (or a direct message).
    aimed_at_person: bool = False
    is_reply: bool = False
    is_quote: bool = False
    is_direct_message: bool = False
    #: Days since the author's account was created (None: unknown).
    author_account_age_days: int | None = None
    #: 0 unverified, 1 e-mail confirmed, 2 peer-vouched, 3 credential-verified.
    author_trust_level: int = 0
    author_follows_target: bool = False
    target_follows_author: bool = False
    space_kind: SpaceKind = SpaceKind.PUBLIC
    #: The text being replied to or quoted, if any.
    parent_text: str | None = None

    @property
    def mutual_follow(self) -> bool:
        return self.author_follows_target and self.target_follows_author


@dataclass(frozen=True, slots=True)
class Thresholds:
    """Score thresholds that turn scores into a decision. A label missing from `hold` never holds."""

    collapse: Mapping[Label, float]
    hold: Mapping[Label, float] = field(default_factory=dict)

    def decide(self, scores: Mapping[Label, float]) -> Decision:
        for label, limit in self.hold.items():
            if scores.get(label, 0.0) >= limit:
                return Decision.HOLD
        for label, limit in self.collapse.items():
            if scores.get(label, 0.0) >= limit:
                return Decision.COLLAPSE
        return Decision.ALLOW


@dataclass(frozen=True, slots=True)
class Assessment:
    scores: Mapping[Label, float]
    target: Target
    spans: tuple[Span, ...]
    decision: Decision
    model_version: str
    #: "fast" when the fast path decided; "full" when the transformer was consulted too.
    path: str = "fast"

    @property
    def top_label(self) -> Label | None:
        label, score = max(self.scores.items(), key=lambda item: item[1], default=(None, 0.0))
        return label if score > 0 else None

    @property
    def hostility(self) -> float:
        """The highest harassment score (profanity excluded): 0 calm … 1 clearly hostile."""
        return max((self.scores.get(label, 0.0) for label in HARASSMENT_LABELS), default=0.0)

    def to_dict(self) -> dict[str, object]:
        return {
            "scores": {str(label): round(score, 4) for label, score in self.scores.items()},
            "target": str(self.target),
            "spans": [span.to_dict() for span in self.spans],
            "decision": str(self.decision),
            "model_version": self.model_version,
            "path": self.path,
        }
