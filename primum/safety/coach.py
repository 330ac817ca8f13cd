"""The 5 R's reply coach.

When someone replies to a post the engine scored hostile, or drafts a reply that scores
hostile, the composer pauses and offers the fitting R (after the advice physicians give each
other for handling online attacks):

* **Resist** a quick response — the draft itself is heated.
* **Respectfully ask** to clarify — the parent is sharp but ambiguous.
* **Respond** with facts — the parent disputes a claim; answer the claim, not the person.
* **Redirect** — the exchange drifts from the topic to the people.
* **Reject** baiting — the parent is abuse: do not engage; mute, block, report.

The coach never blocks sending: anything that is not abuse can be posted as written. It only
decides which prompt (if any) to show and what to suggest.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from primum.safety.types import Assessment, Decision, Label, Target

__all__ = ["CoachPrompt", "R", "coach"]

_ABUSE_LABELS = (
    Label.THREAT,
    Label.DOXXING,
    Label.SEXUAL_HARASSMENT,
    Label.IDENTITY_ATTACK,
    Label.SELF_HARM,
    Label.MOBILISATION,
    Label.CREDENTIAL_ATTACK,
)


class R(StrEnum):
    RESIST = "resist"
    ASK = "ask"
    RESPOND = "respond"
    REDIRECT = "redirect"
    REJECT = "reject"


@dataclass(frozen=True, slots=True)
class CoachPrompt:
    r: R
    title: str
    message: str
    suggestions: tuple[str, ...]
    #: Actions the composer offers next to the prompt: "edit", "send_anyway", "save_draft",
    #: "mute", "block", "report".
    actions: tuple[str, ...]
    #: Why the coach appeared, for the person: "your draft reads as hostile", …
    because: str

    def to_dict(self) -> dict[str, object]:
        return {
            "r": str(self.r),
            "title": self.title,
            "message": self.message,
            "suggestions": list(self.suggestions),
            "actions": list(self.actions),
            "because": self.because,
        }


def _is_abuse(assessment: Assessment, collapse_at: float) -> bool:
    return any(assessment.scores.get(label, 0.0) >= collapse_at for label in _ABUSE_LABELS) or (
        assessment.scores.get(Label.INSULT, 0.0) >= 0.85 and assessment.target is Target.PERSON
    )


def coach(
    draft: Assessment,
    parent: Assessment | None = None,
    *,
    collapse_at: float = 0.7,
    heated_at: float = 0.45,
) -> CoachPrompt | None:
    """The prompt to show for a draft reply (and the post it answers), or None."""
    draft_hostile = draft.hostility >= collapse_at or draft.decision is not Decision.ALLOW
    draft_heated = draft.hostility >= heated_at
    parent_abuse = parent is not None and _is_abuse(parent, collapse_at)
    parent_hostile = parent is not None and parent.hostility >= heated_at

    if parent_abuse:
        return CoachPrompt(
            r=R.REJECT,
            title="Reject the bait",
            message=(
                "The post you are answering reads as abuse. Replies give it reach and invite "
                "more. You do not owe it an answer: mute or block the account, and report it "
                "if it threatens, exposes or targets you."
            ),
            suggestions=(),
            actions=("mute", "block", "report", "send_anyway"),
            because="the post you are replying to was scored as abusive",
        )
    if draft_hostile:
        respond = parent is not None and parent.target is Target.IDEA
        return CoachPrompt(
            r=R.RESIST,
            title="Resist a quick response",
            message=(
                "Your draft reads as hostile. Replies written in the first minutes after a "
                "heated post are the ones people regret, and a hostile reply may be hidden "
                "behind a notice or held for review. Take a breath, save it as a draft, or "
                + (
                    "answer the claim with the evidence instead."
                    if respond
                    else "say what you disagree with, not who you think they are."
                )
            ),
            suggestions=(
                "I read this differently — here is the evidence I'm looking at: …",
                "I disagree with the conclusion; the study's limits are …",
            ),
            actions=("edit", "save_draft", "send_anyway"),
            because="your draft was scored as hostile",
        )
    if parent_hostile and parent is not None:
        if parent.target is Target.IDEA:
            return CoachPrompt(
                r=R.RESPOND,
                title="Respond with facts",
                message=(
                    "The post disputes a claim. A short answer with a source persuades "
                    "onlookers more than a rebuttal of the person."
                ),
                suggestions=(
                    "The evidence I rely on is …",
                    "Here is the guideline and what it says: …",
                ),
                actions=("edit", "send_anyway"),
                because="the post you are replying to is heated and about a claim",
            )
        if draft_heated:
            return CoachPrompt(
                r=R.REDIRECT,
                title="Redirect to the topic",
                message=(
                    "The exchange is turning from the topic to the people. Bring it back to "
                    "the question you both care about, or step away."
                ),
                suggestions=(
                    "Happy to discuss the data — let's stick to that.",
                    "Let's take this back to the clinical question: …",
                ),
                actions=("edit", "send_anyway"),
                because="your draft and the post you are answering are both heated",
            )
        return CoachPrompt(
            r=R.ASK,
            title="Respectfully ask to clarify",
            message=(
                "The post is sharp but may not mean what it first seems to. Asking what they "
                "meant often lowers the temperature and shows onlookers good faith."
            ),
            suggestions=(
                "Could you say more about what you disagree with?",
                "I want to make sure I understand — do you mean …?",
            ),
            actions=("edit", "send_anyway"),
            because="the post you are replying to is heated",
        )
    if draft_heated:
        return CoachPrompt(
            r=R.REDIRECT,
            title="Keep it on the topic",
            message=(
                "Your draft has an edge. Aim it at the argument, not the person: that keeps "
                "the thread useful and your reply visible."
            ),
            suggestions=("The part I disagree with is …",),
            actions=("edit", "send_anyway"),
            because="your draft has some hostile wording",
        )
    return None
