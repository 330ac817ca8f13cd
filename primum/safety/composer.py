"""Everything the composer shows while someone writes: one call, one result.

`check_draft` runs the harassment assessment, the PHI guard, the medical-advice guard (in
patient spaces, or wherever a caller asks) and the 5 R's coach, so pages (htmx) and the API
(`POST /api/v1/safety/check`) give the same answer.
"""

from __future__ import annotations

from dataclasses import dataclass

from primum.safety.advice import AdviceReport, check_advice
from primum.safety.coach import CoachPrompt, coach
from primum.safety.engine import assess_many
from primum.safety.phi import PhiReport, check_phi
from primum.safety.types import Assessment, Context, SpaceKind

__all__ = ["DraftCheck", "check_draft"]


@dataclass(frozen=True, slots=True)
class DraftCheck:
    assessment: Assessment
    phi: PhiReport
    advice: AdviceReport | None
    coach: CoachPrompt | None

    @property
    def has_prompts(self) -> bool:
        return bool(
            self.coach is not None
            or self.phi.has_phi
            or (self.advice is not None and self.advice.is_individual_advice)
        )

    def to_dict(self, *, with_scores: bool = False) -> dict[str, object]:
        """The composer's view. Scores only for moderators (`with_scores=True`)."""
        data: dict[str, object] = {
            "decision": str(self.assessment.decision),
            "phi": self.phi.to_dict(),
            "advice": self.advice.to_dict() if self.advice is not None else None,
            "coach": self.coach.to_dict() if self.coach is not None else None,
        }
        if with_scores:
            data["assessment"] = self.assessment.to_dict()
        return data


def check_draft(
    text: str, context: Context | None = None, *, check_advice_too: bool | None = None
) -> DraftCheck:
    context = context or Context()
    texts = [text]
    contexts = [context]
    if context.parent_text:
        texts.append(context.parent_text)
        contexts.append(Context(space_kind=context.space_kind))
    assessments = assess_many(texts, contexts)
    draft = assessments[0]
    parent = assessments[1] if len(assessments) > 1 else None
    if check_advice_too is None:
        check_advice_too = context.space_kind is SpaceKind.PATIENT
    return DraftCheck(
        assessment=draft,
        phi=check_phi(text),
        advice=check_advice(text) if check_advice_too else None,
        coach=coach(draft, parent),
    )
