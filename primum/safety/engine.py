"""`assess` and `assess_many`: the cascade that turns a text and its context into a decision.

1. Normalise (evasion undone, map back to the original kept).
2. Fast path: the targeted-harassment rules (`rules.py`) and the linear model over hashed
   word and character n-grams (`ml.linear`). Posts end here when they are clearly calm text
   about no one, or clear abuse explained by a sure rule (score >= ``_RULE_SURE``).
3. Full path: the sentence encoder (all-MiniLM-L6-v2 in numpy) with our logistic heads runs
   for the rest — texts the fast path is unsure about, texts aimed at or about a person, weaker
   rule hits, texts not written in English — batched. A text not written in English
   (`language.is_english`) is also read by the multilingual encoder (multilingual-e5-small in
   numpy) and its harassment head, trained on the same data: the English encoder cannot read
   Greek or Swahili, and most rules are English.
4. Scores are combined with what the context says (aimed at a person? a new unverified
   account? people who follow each other?), the target is chosen (a person, a group, an idea
   or nobody), and the space's thresholds give the decision.

The result is deterministic for the same text, context and `ENGINE_VERSION`.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from primum.safety import rules
from primum.safety.language import is_english, is_foreign
from primum.safety.ml import registry
from primum.safety.ml.encoder import ADAPTER_NAME
from primum.safety.ml.heads import LogisticHead
from primum.safety.ml.linear import LinearModel
from primum.safety.normalise import Normalised, normalise
from primum.safety.types import (
    HARASSMENT_LABELS,
    Assessment,
    Context,
    Decision,
    Label,
    SpaceKind,
    Span,
    Target,
    Thresholds,
)

__all__ = [
    "DEFAULT_THRESHOLDS",
    "assess",
    "assess_many",
    "models",
    "thresholds_for",
]

_ALL_HARASSMENT = dict.fromkeys(HARASSMENT_LABELS, 0.7)

#: Per-space thresholds. Hold is kept for what must not be shown before a human looks:
#: threats, doxxing, encouragement of self-harm, slurs, calls to pile on.
DEFAULT_THRESHOLDS: Mapping[SpaceKind, Thresholds] = {
    SpaceKind.PUBLIC: Thresholds(
        collapse=_ALL_HARASSMENT,
        hold={
            Label.THREAT: 0.9,
            Label.DOXXING: 0.85,
            Label.SELF_HARM: 0.9,
            Label.IDENTITY_ATTACK: 0.95,
            Label.MOBILISATION: 0.92,
        },
    ),
    SpaceKind.DIRECT: Thresholds(
        collapse=_ALL_HARASSMENT,
        hold={Label.THREAT: 0.9, Label.DOXXING: 0.85, Label.SELF_HARM: 0.9},
    ),
    SpaceKind.PROFESSIONAL: Thresholds(
        collapse=_ALL_HARASSMENT,
        hold={Label.THREAT: 0.9, Label.DOXXING: 0.85, Label.SELF_HARM: 0.9},
    ),
    SpaceKind.PATIENT: Thresholds(
        collapse={**dict.fromkeys(HARASSMENT_LABELS, 0.6), Label.PROFANITY: 0.85},
        hold={
            Label.THREAT: 0.85,
            Label.DOXXING: 0.8,
            Label.SELF_HARM: 0.85,
            Label.IDENTITY_ATTACK: 0.9,
        },
    ),
}


def thresholds_for(space: SpaceKind) -> Thresholds:
    return DEFAULT_THRESHOLDS[space]


# Scores of the learned models are trusted less where the text is plainly clinical.
_CLINICAL = re.compile(
    r"\b(?:patient|pt|pts|diagnos\w*|treat\w*|therapy|dose|mg|mcg|exam|biopsy|tumou?r|cancer|"
    r"infection|sepsis|surgery|surgical|trauma|gsw|wound|fracture|bleed\w*|icu|ed|er|ward|"
    r"clinic|resus|intubat\w*|code|chemo|radiation|stage|metasta\w*|lesion|rectal|vaginal|"
    r"penile|breast|anal|pelvic|ecg|ekg|ct|mri|x-?ray|labs?|troponin|bp|hr|sats?|antibiotic\w*|"
    r"overdose|suicid\w*|self[- ]harm|rounds|residency|resident|attending|consult\w*|nurse|"
    r"shift|pager|on call|trial|study|guideline|nejm|lancet|jama|bmj|#\w+)\b"
)
_MODEL_PERSON_WEIGHT = 0.95
_MODEL_IDEA_WEIGHT = 0.7
_MODEL_UNAIMED_WEIGHT = 0.55
#: The least a head's probability must be to count, for text aimed at no one with no rule hit.
_UNAIMED_HEAD_MIN = 0.9
_IDEA_CAP = 0.45  # the most a text aimed at an idea scores for insult and model-only toxicity
_UNSURE_LOW = 0.2  # the fast path calls a text calm below this model score
#: The fast path ends at a rule hit this strong: the rule alone collapses the text, so the
#: transformer would add nothing to the decision. (A veto by the transformer of weaker rule
#: hits, 2026-12-07, was withdrawn in the fourth round: on every development split it cost
#: recall, the model being blind to contempt and mobilisation without insult words, and the
#: three clinical sentences it saved were fixed in the rules themselves.)
_RULE_SURE = 0.85
#: The heads that say whether the model sees harassment at all: the English one and, for text
#: in another language, the multilingual one.
_GATES = ("harassment", "harassment_multilingual")


@dataclass(slots=True)
class _Work:
    text: str
    context: Context
    norm: Normalised
    hits: list[rules.Hit]
    person: bool
    idea: bool
    #: about a third person ("she", "Dr. Lee", "@handle"), a group or a profession
    about_someone: bool = False
    third_person: bool = False  # a third person only
    fast_score: float = 0.0
    full_score: float | None = None
    head_scores: dict[str, float] | None = None
    english: bool = True
    #: positively in another language (``language.is_foreign``), not merely telegraphic
    foreign: bool = False


@dataclass(frozen=True, slots=True)
class _Models:
    """The learned models, loaded once (`ml.registry` caches them)."""

    fast: LinearModel
    heads: dict[str, LogisticHead]

    @property
    def version(self) -> str:
        """The fast model's version, one digest of every head's version, and the encoders'.

        Short enough for a database column (``Post.safety_model_version`` holds 120): the
        digest covers every head's full version (its encoder's implementation and adapter
        included), so the encoders are named by their weights' digests alone.
        """
        if not self.heads:
            return self.fast.version
        versions = [self.heads[name].version for name in sorted(self.heads)]
        digest = hashlib.sha256("\n".join(versions).encode("utf-8")).hexdigest()[:12]
        encoders = sorted(
            {
                re.sub(r":np\d+", "", version.split("+", 1)[1]).replace(f"{ADAPTER_NAME}:", "lora:")
                for version in versions
                if "+" in version
            }
        )
        return f"{self.fast.version}/heads:{digest}+{'+'.join(encoders)}"

    def full_scores(
        self, texts: Sequence[str], english: Sequence[bool] | None = None
    ) -> list[dict[str, float]]:
        """Every head's probability for each text (one batched pass per encoder the heads
        read). The multilingual encoder's heads read only the texts ``english`` marks False
        (all texts when it is None); English texts get no score from them."""
        if english is None:
            english = [False] * len(texts)
        per_text: list[dict[str, float]] = [{} for _ in texts]
        for kind in sorted({head.encoder for head in self.heads.values()}):
            rows = [i for i in range(len(texts)) if kind != registry.MULTILINGUAL or not english[i]]
            if not rows:
                continue
            embeddings = registry.load_encoder(kind).embed_many([texts[i] for i in rows])
            for name, head in self.heads.items():
                if head.encoder == kind:
                    for i, value in zip(rows, head.score_many(embeddings), strict=True):
                        per_text[i][name] = value
        return per_text


_loaded: _Models | None = None


def _models() -> _Models:
    global _loaded
    if _loaded is None:
        # "offensive" (a head on the base encoder, trained on public data) is a peer the
        # quality report compares against, not part of the cascade.
        heads = {
            name: registry.load_head(name)
            for name in registry.available_heads()
            if name != "offensive"
        }
        _loaded = _Models(fast=registry.load_fast_model(), heads=heads)
    return _loaded


def models() -> _Models:
    """The loaded models (the fast linear model, the heads, ``full_scores`` for the full
    path), for benchmarks and reports that time or score one stage of the cascade alone."""
    return _models()


def engine_version() -> str:
    return f"primum-safety-1/{rules.RULES_VERSION}/{_models().version}"


def _needs_full_path(work: _Work, rule_max: float) -> bool:
    """The transformer reads what the fast path cannot settle: anything aimed at or about a
    person or a group (harassment without a rule's words reads like talk), texts the linear
    model is unsure of, and weak rule hits. Clear rule hits and calm text about no one skip it."""
    if rule_max >= _RULE_SURE:
        return False
    return (
        work.person
        or work.about_someone
        or work.fast_score >= _UNSURE_LOW
        or rule_max > 0.0
        or not work.english
    )


def assess(
    text: str, context: Context | None = None, *, thresholds: Thresholds | None = None
) -> Assessment:
    """Assess one text. See `assess_many` for batches (same result, much faster per text)."""
    return assess_many([text], [context or Context()], thresholds=thresholds)[0]


def assess_many(
    texts: Sequence[str],
    contexts: Sequence[Context] | None = None,
    *,
    thresholds: Thresholds | None = None,
) -> list[Assessment]:
    if contexts is None:
        contexts = [Context()] * len(texts)
    if len(contexts) != len(texts):
        raise ValueError("assess_many needs one context per text")
    works: list[_Work] = []
    for text, context in zip(texts, contexts, strict=True):
        norm = normalise(text)
        hits = rules.find_hits(norm, aimed_at_person=context.aimed_at_person)
        person = context.aimed_at_person or rules.has_second_person(norm)
        third = rules.third_person(norm)
        about = bool(rules.anchors(norm)) or rules.people_mentioned(norm)
        english = is_english(text, norm.folded.text)
        works.append(
            _Work(
                text,
                context,
                norm,
                hits,
                person,
                rules.idea_target(norm),
                about_someone=about,
                third_person=third,
                english=english,
                foreign=not english and is_foreign(text, norm.folded.text),
            )
        )

    models = _models()
    for work, score in zip(
        works, models.fast.score_many([w.norm.folded.text for w in works]), strict=True
    ):
        work.fast_score = float(score)

    full = [
        w
        for w in works
        if models.heads
        and _needs_full_path(
            w, max((h.score for h in w.hits if h.label is not Label.PROFANITY), default=0.0)
        )
    ]
    if full:
        # A courtesy mention at the end ("h/t @x", "cc @x", "Thoughts, @x?") does not make a
        # post hostile, but the heads over-read it: such texts are also scored without it and
        # each head keeps the lower of the two probabilities.
        bodies = [courtesy_body(w.text) for w in full]
        extra = [
            (body, w.english) for body, w in zip(bodies, full, strict=True) if body is not None
        ]
        scored = models.full_scores(
            [w.text for w in full] + [body for body, _ in extra],
            [w.english for w in full] + [english for _, english in extra],
        )
        without = iter(scored[len(full) :])
        for work, body, head_scores in zip(full, bodies, scored[: len(full)], strict=True):
            if body is not None:
                plain = next(without)
                head_scores = {name: min(p, plain.get(name, p)) for name, p in head_scores.items()}
            work.head_scores = head_scores
            work.full_score = head_scores.get("harassment", work.fast_score)

    version = engine_version()
    return [_finish(work, thresholds, version, models) for work in works]


#: A courtesy mention closing a post: "h/t @a", "cc @a @b", "via @a", "Thoughts, @a?".
_COURTESY_TAIL = re.compile(
    r"(?:\s*[,;:]?\s*(?:cc|h/t|ht|hat tip(?: to)?|via|thoughts|any thoughts|what do you think|"
    r"thanks|thx|ty)\s*[,:]?\s*(?:@\w+(?:\s*(?:,|&|and)\s*|\s+)?)+[?.!]*)\s*$",
    re.IGNORECASE,
)


def courtesy_body(text: str) -> str | None:
    """The text without a closing courtesy mention, or None when it has none (or is only one)."""
    match = _COURTESY_TAIL.search(text)
    if match is None:
        return None
    body = text[: match.start()].rstrip()
    return body or None


def _finish(
    work: _Work, thresholds: Thresholds | None, version: str, models: _Models
) -> Assessment:
    context = work.context
    hits = work.hits
    best = rules.best_by_label(hits)
    scores: dict[Label, float] = dict.fromkeys(Label, 0.0)
    spans: list[Span] = []
    for label, hit in best.items():
        # a second, different rule for the same label adds a little confidence
        extra = sum(0.02 for h in hits if h.label is label and h is not hit)
        scores[label] = min(1.0, hit.score + extra)
    for hit in hits:
        spans.append(Span(hit.start, hit.end, str(hit.label), hit.reason))

    # The fast model's P(offensive) is evidence of an insult when aimed at a person; on the
    # full path the harassment heads below add what they see, on their own calibrated scale.
    model = work.fast_score
    anchored_rule = any(
        h.label in (Label.INSULT, Label.THREAT, Label.CREDENTIAL_ATTACK) for h in hits
    )
    if work.person and not (work.idea and not anchored_rule):
        weight = _MODEL_PERSON_WEIGHT
    elif work.person:
        weight = _MODEL_IDEA_WEIGHT
    else:
        weight = _MODEL_UNAIMED_WEIGHT
    harassment_rules = [h for h in hits if h.label is not Label.PROFANITY]
    if not harassment_rules and _CLINICAL.search(work.norm.folded.text):
        weight *= 0.7
    model_score = model * weight
    if model_score > scores[Label.INSULT] and work.person:
        scores[Label.INSULT] = model_score
        if model_score >= 0.5:
            spans.append(
                Span(
                    0,
                    len(work.text),
                    str(Label.INSULT),
                    f"the language model finds the text abusive ({model:.2f})",
                )
            )
    # The "harassment" head decides whether the model sees harassment at all; the per-label
    # heads only say which kind. Alone, a per-label head (trained on ~100 positives) fires on
    # talk *about* threats and abuse far more often than the harassment head does.
    # For a text not in English the multilingual head is a second gate (it reads the language;
    # the per-label heads, on the English encoder, still name the kind when they can).
    head_scores = work.head_scores or {}
    # On a text in another language the English gate reads tokens it was never trained on
    # (Thai, Norwegian and Telugu small talk scored 0.9+): on text positively in another
    # language (``is_foreign``) only the multilingual head opens the gate, and the English heads
    # then only name the kind. Of 355 clinical lines in 46 languages (development data) the
    # seventh round's engine flagged 20, the eighth round's 8 (with its new multilingual head,
    # whose threshold was chosen on them), the ninth round's 9; the development pool's harassment
    # lines not in English: 83 of 92 caught before, 82 after, 86 of 93 in the ninth round.
    gates = _GATES[1:] if work.foreign else _GATES
    gated = any(
        (gate := models.heads.get(name)) is not None
        and gate.threshold is not None
        and head_scores.get(name, 0.0) >= gate.threshold
        for name in gates
    )
    for name, probability in head_scores.items():
        head = models.heads[name]
        if name == "offensive" or head.threshold is None:
            continue
        if work.foreign and name == _GATES[0] and not gated:
            continue
        if name not in _GATES and not gated:
            continue
        label = Label.TOXICITY if name in _GATES else Label(name)
        threshold = head.threshold
        if not work.person and not work.third_person and not harassment_rules and name != _GATES[1]:
            # Aimed at no one in the conversation, about no third person ("she", "Dr. Lee")
            # and no rule's words: a general post, or one about a group. The model alone must
            # be surer here (it mistakes plain advice for calls to pile on, and talk about
            # nurses or women in medicine for attacks on them: attacks on a group have their
            # rules); replies and posts about a third person keep the head's own threshold.
            # Not the multilingual head: whom a text in another language is aimed at is read
            # by English cues, so it keeps its own threshold (on the development pool this
            # took its recall on text not in English from 0.85 to 0.93, clinical unchanged).
            threshold = max(threshold, _UNAIMED_HEAD_MIN)
        score = _calibrated(probability, threshold)
        if score > scores[label]:
            scores[label] = score
            if score >= 0.7 and not any(span.label == str(label) for span in spans):
                which = "multilingual harassment model" if name == _GATES[1] else "harassment model"
                reason = (
                    f"the {which} recognises {label.value.replace('_', ' ')} ({probability:.2f})"
                )
                spans.append(Span(0, len(work.text), str(label), reason))
    rule_max = max(
        (scores[label] for label in HARASSMENT_LABELS if label is not Label.TOXICITY), default=0.0
    )
    scores[Label.TOXICITY] = max(
        scores[Label.TOXICITY], rule_max * 0.9, model_score * (0.9 if work.person else 0.8)
    )

    # context: new, unverified strangers aimed at a person weigh more; friends' banter less
    if work.person and context.author_account_age_days is not None:
        stranger = not context.author_follows_target and not context.target_follows_author
        if context.author_account_age_days < 30 and context.author_trust_level == 0 and stranger:
            for label in HARASSMENT_LABELS:
                if scores[label] > 0.3:
                    scores[label] = min(1.0, scores[label] + 0.05)
    if context.mutual_follow:
        for label in (Label.INSULT, Label.TOXICITY, Label.PROFANITY):
            scores[label] = max(0.0, scores[label] - 0.05)

    target = _target(work, scores)
    if target is Target.IDEA:
        # disagreement with an idea is never an insult to a person, and never counts toward a
        # pile-on (the detector's hostility threshold is 0.5); it can still be heated enough
        # for the reply coach (0.45)
        scores[Label.INSULT] = min(scores[Label.INSULT], _IDEA_CAP)
        scores[Label.TOXICITY] = min(scores[Label.TOXICITY], max(_IDEA_CAP, rule_max * 0.9))
    limits = thresholds or thresholds_for(context.space_kind)
    decision = limits.decide(scores)
    spans.sort(key=lambda span: (span.start, span.end, span.label))
    return Assessment(
        scores={label: round(score, 4) for label, score in scores.items()},
        target=target,
        spans=tuple(spans),
        decision=decision,
        model_version=version,
        path="full" if work.full_score is not None else "fast",
    )


def _calibrated(probability: float, threshold: float) -> float:
    """A head's probability on the engine's scale: its threshold maps to 0.7 (collapse).

    Model-only evidence tops out at 0.89, so it collapses but never holds on its own.
    """
    if probability < threshold:
        return 0.69 * probability / threshold
    return 0.7 + 0.19 * (probability - threshold) / max(1e-9, 1.0 - threshold)


def _target(work: _Work, scores: Mapping[Label, float]) -> Target:
    person_labels = [
        label for label in HARASSMENT_LABELS if label not in (Label.IDENTITY_ATTACK, Label.TOXICITY)
    ]
    if any(scores[label] >= 0.5 for label in person_labels):
        return Target.PERSON
    if scores[Label.IDENTITY_ATTACK] >= 0.5:
        return Target.PERSON if work.person and work.context.aimed_at_person else Target.GROUP
    if work.idea:
        return Target.IDEA
    if rules.group_target(work.norm) and scores[Label.TOXICITY] >= 0.5:
        return Target.GROUP
    return Target.PERSON if work.context.aimed_at_person else Target.NONE


def decision_for(assessment: Assessment) -> Decision:
    return assessment.decision
