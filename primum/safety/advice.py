"""Medical-advice guard for patient spaces.

Individual advice is telling a specific person what to do medically ("you should stop your
tamoxifen", "take 20 mg twice a day", "don't get the biopsy", "your rash is shingles").
General information ("tamoxifen can cause hot flushes"), pointing someone to their own
clinician ("ask your doctor whether ...") and personal experience ("I stopped my own statin")
are not. Deterministic patterns, no model; `score` is the strongest signal found.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_DRUGS = (
    r"tamoxifen|letrozole|anastrozole|metformin|insulin|statins?|atorvastatin|simvastatin|"
    r"rosuvastatin|warfarin|apixaban|rivaroxaban|aspirin|clopidogrel|lisinopril|ramipril|"
    r"amlodipine|losartan|bisoprolol|metoprolol|furosemide|levothyroxine|prednisone|"
    r"prednisolone|steroids?|antibiotics?|amoxicillin|doxycycline|ciprofloxacin|acyclovir|"
    r"aciclovir|valacyclovir|ibuprofen|naproxen|paracetamol|acetaminophen|tramadol|codeine|"
    r"morphine|oxycodone|gabapentin|pregabalin|sertraline|fluoxetine|citalopram|"
    r"escitalopram|venlafaxine|amitriptyline|lithium|methotrexate|hydroxychloroquine|"
    r"adalimumab|humira|ozempic|semaglutide|wegovy|tirzepatide|mounjaro|chemo(?:therapy)?|"
    r"radiotherapy|radiation|immunotherapy|HRT|the pill|birth control|antidepressants?|"
    r"blood thinners?|inhaler|vitamin D|iron tablets|melatonin|omeprazole|lansoprazole"
)
_DRUG = re.compile(rf"\b(?:{_DRUGS})\b", re.IGNORECASE)
_MEDICAL_OBJECT = (
    rf"(?:{_DRUGS}|meds|medications?|medicines?|tablets|pills?|dose|doses|dosage|treatment|"
    r"biopsy|surgery|operation|scan|MRI|CT|mammogram|colonoscopy|vaccine|jab|booster|"
    r"transplant|dialysis|injections?|shots?|infusion|tests?|screening|procedure|"
    r"the (?:op|hospital|ER|ED))"
)
_ACTION = (
    r"stop|start|take|double|halve|increase|decrease|reduce|cut|skip|avoid|switch|swap|"
    r"come off|go off|get off|get|have|refuse|decline|try|use|restart|quit|drop|up|lower|"
    r"raise|taper|wean|continue|keep taking|go on|put yourself on|ditch|hold"
)

_PATTERNS: tuple[tuple[re.Pattern[str], float, str], ...] = (
    (
        re.compile(
            rf"\byou(?:\s+|['’]d\s+better\s+|\s+)(?:really\s+|definitely\s+|absolutely\s+)?(?:should(?:n['’]t| not)?|"
            rf"must(?:n['’]t| not)?|need to|have to|ought to|had better|'d better|"
            rf"better)\s+(?:\w+\s+)?(?:{_ACTION})\b[^.!?\n]{{0,40}}?\b{_MEDICAL_OBJECT}",
            re.IGNORECASE,
        ),
        0.9,
        "tells the reader what to do with a treatment",
    ),
    (
        re.compile(
            rf"(?:^|[.!?;:\n]\s*|,\s*(?:so|just|then)\s+|\b(?:just|so|then)\s+)"
            rf"(?:please\s+)?(?:(?:don['’]t|do not|never)\s+)?(?:{_ACTION})\s+"
            rf"(?:taking\s+|to\s+)?(?:your|the|a|an|all|any|that|those|more|less|some|\d+)?\b"
            rf"[^.!?\n]{{0,30}}?\b{_MEDICAL_OBJECT}",
            re.IGNORECASE,
        ),
        0.85,
        "an instruction about a treatment",
    ),
    (
        re.compile(
            r"(?:^|[.!?;:\n]\s*|\b(?:just|so|then)\s+)(?:please\s+)?take\s+\d+(?:\.\d+)?\s*"
            r"(?:mg|mcg|g|ml|units?|tablets?|pills?|puffs?)\b",
            re.IGNORECASE,
        ),
        0.9,
        "a dose instruction",
    ),
    (
        re.compile(
            rf"\byou\s+(?:don['’]t|do not|won['’]t|will not)?\s*(?:really\s+)?need\s+"
            rf"(?:any\s+|the\s+|a\s+|an\s+|more\s+)?{_MEDICAL_OBJECT}",
            re.IGNORECASE,
        ),
        0.8,
        "tells the reader which treatment they need",
    ),
    (
        re.compile(
            r"\byour\s+(?:\w+\s+)?(?:rash|pain|lump|mole|symptoms?|cough|headache|"
            r"bleeding|spots?|swelling|results?|levels?|numbers?|scan|ECG|biopsy|sugars?|"
            r"blood pressure|BP|heart|chest pain|fever|discharge|tiredness)\s+"
            r"(?:is|are|sounds? like|looks? like|must be|is probably|is definitely|"
            r"is just|are just|means? you have)\s+(?!normal to ask|worth asking)",
            re.IGNORECASE,
        ),
        0.75,
        "tells the reader what their condition is",
    ),
    (
        re.compile(
            rf"\bif I were you,?\s+I['’]?d\b|\bI would\s+(?:{_ACTION})\s+(?:your|the)\b",
            re.IGNORECASE,
        ),
        0.8,
        "advice in the first person aimed at the reader",
    ),
    (
        re.compile(
            r"\b(?:\d+(?:\.\d+)?\s*(?:mg|mcg|units?))\s+(?:twice|once|three times|"
            r"every|each)\b[^.!?\n]{0,30}\b(?:for you|you)\b",
            re.IGNORECASE,
        ),
        0.85,
        "a dose for the reader",
    ),
)

#: Sentences that defer to the reader's own clinician are not advice.
_DEFER = re.compile(
    r"\b(?:ask|talk to|speak to|speak with|check with|discuss (?:it |this )?with|"
    r"consult|see|call|contact|raise it with|bring it up with)\s+"
    r"(?:your|a|the)\s+(?:own\s+)?(?:\w+\s+)?(?:doctor|GP|oncologist|physician|nurse|"
    r"pharmacist|specialist|team|consultant|cardiologist|endocrinologist|surgeon|"
    r"midwife|clinician|provider|dermatologist|rheumatologist|neurologist|psychiatrist)\b",
    re.IGNORECASE,
)
_GENERAL = re.compile(
    r"\b(?:many|most|some|few)\s+(?:patients|people|women|men)\b|\bguidelines?\b|"
    r"\bin (?:trials|studies)\b|\bgenerally\b|\btypically\b|\bcan cause\b|\bI (?:stopped|took|"
    r"started|had|quit)\s+my\s+own\b",
    re.IGNORECASE,
)
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]*")

_SPECIALIST = {
    "tamoxifen": "oncologist",
    "letrozole": "oncologist",
    "anastrozole": "oncologist",
    "chemo": "oncologist",
    "chemotherapy": "oncologist",
    "radiotherapy": "oncologist",
    "radiation": "oncologist",
    "immunotherapy": "oncologist",
    "insulin": "diabetes team",
    "metformin": "diabetes team",
    "ozempic": "diabetes team",
    "warfarin": "anticoagulation clinic",
    "lithium": "psychiatrist",
    "methotrexate": "rheumatologist",
    "humira": "rheumatologist",
    "adalimumab": "rheumatologist",
}


@dataclass(frozen=True, slots=True)
class AdviceSpan:
    start: int
    end: int
    reason: str


@dataclass(frozen=True, slots=True)
class AdviceReport:
    is_individual_advice: bool
    score: float
    spans: tuple[AdviceSpan, ...]
    reframe: str | None

    def to_dict(self) -> dict[str, object]:
        return {
            "is_individual_advice": self.is_individual_advice,
            "score": round(self.score, 4),
            "spans": [{"start": s.start, "end": s.end, "reason": s.reason} for s in self.spans],
            "reframe": self.reframe,
        }


THRESHOLD = 0.5


def check_advice(text: str) -> AdviceReport:
    """Is `text` individual medical advice to a reader? Offsets are into `text` as given."""
    spans: list[AdviceSpan] = []
    score = 0.0
    for sentence in _SENTENCE.finditer(text):
        chunk = sentence.group()
        deferring = bool(_DEFER.search(chunk))
        general = bool(_GENERAL.search(chunk)) and not re.search(r"\byour?\b", chunk, re.I)
        for pattern, weight, reason in _PATTERNS:
            for m in pattern.finditer(chunk):
                found = m.group()
                if deferring and not _DRUG.search(found):
                    continue
                if general:
                    weight = min(weight, 0.3)
                start = sentence.start() + m.start() + (len(found) - len(found.lstrip(" .!?;:\n")))
                spans.append(AdviceSpan(start, sentence.start() + m.end(), reason))
                score = max(score, weight * (0.5 if deferring else 1.0))
    advice = score >= THRESHOLD
    return AdviceReport(
        is_individual_advice=advice,
        score=score,
        spans=tuple(sorted(spans, key=lambda s: (s.start, s.end))),
        reframe=_reframe(text) if advice else None,
    )


def _reframe(text: str) -> str:
    drug = _DRUG.search(text)
    if drug is None:
        return (
            "Because you are not my patient I can't say what is right for you; "
            "your own doctor, who knows your history, can."
        )
    name = drug.group().lower()
    who = _SPECIALIST.get(name.split()[-1], "doctor")
    return (
        f"Because you are not my patient I can't say what is right for you about {name}; "
        f"ask your {who} about {name} and whether a change suits you."
    )
