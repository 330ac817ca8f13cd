"""Train the PHI guard's word tagger (``ml/tagger.py``) and choose its threshold.

    .venv/bin/python -m primum.safety.training.phi_tagger            # train, write weights/phi_tagger.*
    .venv/bin/python -m primum.safety.training.phi_tagger --check    # retrain, compare with the committed file

Needs the dev requirements (scikit-learn); no PyTorch, no download.

Data (every line hand-written, every person invented):
- ``evaldata/phi.jsonl``, split ``dev`` only (the ``heldout`` split stays out, so it still
  measures something), ``evaldata/phi_heldout2.jsonl`` (a dev set since the patterns were
  changed by reading it), and the first eleven blind sets ``phi_blind.jsonl`` …
  ``phi_blind11.jsonl`` (development data since 2026-12-07, when their errors were read;
  blind8 … blind11 joined in the ninth round);
- ``training/data/phi_train_*.txt``: posts written for training, in the same markup
  (``training/phi_markup.py``), by writers who never opened the guard or the evaluation sets.
The blind splits still blind (blind12, blind13) are never read here.

A word's label is the type of the labelled span it falls in (``name``, ``location``,
``date``, ``age_over_89``; other types, which the patterns find, and the risky-combination
wrapper count as ``O``). The model: scikit-learn's MLPClassifier (one hidden layer, see
``HIDDEN``/``ALPHA``/``EPOCHS``) on ``tagger.in_context(tagger.features(...))``,
the network that ``tagger.WordTagger`` runs in numpy. The threshold on P(identifier) is
chosen on five-fold cross-validated predictions (folds by post, fixed): the lowest at which
at most ``PEARL_BUDGET`` of the teaching pearls get a word flagged, so that the guard (the
patterns, which flag no dev pearl, plus the tagger) stays well inside the goal of < 5 %.

Reproducible bit for bit on one machine: deterministic data order and folds, a fixed seed
and number of epochs, weights rounded to 5 decimals.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from primum.safety.ml import registry
from primum.safety.ml.tagger import (
    FEATURE_NAMES,
    LABELS,
    TAGGER_NAME,
    WordTagger,
    features,
    in_context,
    network_probabilities,
    split_words,
)
from primum.safety.training.phi_markup import read_marked_file

SAFETY = Path(__file__).resolve().parent.parent
EVALDATA = SAFETY / "evaldata"
DATA = Path(__file__).resolve().parent / "data"

#: The network: one hidden layer of HIDDEN ReLUs, L2 penalty ALPHA, EPOCHS passes of Adam
#: (scikit-learn's MLPClassifier, random_state 0). HIDDEN 256 over 128, and a pearl budget
#: of 3 % over 2 %, were chosen on the cross-validated figures this script prints (names
#: 0.67 -> 0.72 for the wider layer, on the first two training files) and on the first blind
#: PHI set's aggregates (all-span recall up, no pearl flagged), never on blind2.
HIDDEN = 256
ALPHA = 1e-3
EPOCHS = 60
PEARL_BUDGET = 0.03
FOLDS = 5
#: Evaluation files that became development data and are trained on whole.
DEV_SETS = (
    "phi_heldout2.jsonl",
    "phi_blind.jsonl",
    "phi_blind2.jsonl",
    "phi_blind3.jsonl",
    "phi_blind4.jsonl",
    "phi_blind5.jsonl",
    "phi_blind6.jsonl",
    "phi_blind7.jsonl",
    "phi_blind8.jsonl",
    "phi_blind9.jsonl",
    "phi_blind10.jsonl",
    "phi_blind11.jsonl",
)


@dataclass(frozen=True)
class Post:
    text: str
    spans: tuple[tuple[int, int, str], ...]
    pearl: bool
    source: str


def _jsonl(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def _post(row: dict[str, object], source: str) -> Post:
    spans = tuple(
        (int(s["start"]), int(s["end"]), str(s["type"]))
        for s in row["spans"]  # type: ignore[attr-defined]
    )
    return Post(str(row["text"]), spans, row["kind"] == "pearl", source)


def training_posts() -> list[Post]:
    posts = [
        _post(r, "phi.jsonl/dev") for r in _jsonl(EVALDATA / "phi.jsonl") if r["split"] == "dev"
    ]
    for name in DEV_SETS:
        posts += [_post(r, name) for r in _jsonl(EVALDATA / name)]
    for path in sorted(DATA.glob("phi_train_*.txt")):
        posts += [_post(r, path.name) for r in read_marked_file(path, "train", path.stem)]
    return posts


def word_labels(post: Post) -> list[int]:
    labels: list[int] = []
    for word in split_words(post.text):
        label = 0
        for start, end, kind in post.spans:
            if kind in LABELS and start < word.end and word.start < end:
                label = LABELS.index(kind)
                break
        labels.append(label)
    return labels


def matrices(
    posts: Sequence[Post],
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """Features, labels and the post index of every word."""
    encoder = registry.load_minilm("base")
    states = encoder.token_states([post.text for post in posts])
    rows: list[npt.NDArray[np.float32]] = []
    labels: list[int] = []
    owner: list[int] = []
    for index, (post, (hidden, offsets)) in enumerate(zip(posts, states, strict=True)):
        words = split_words(post.text)
        if not words:
            continue
        rows.append(in_context(features(post.text, words, hidden, offsets)))
        labels += word_labels(post)
        owner += [index] * len(words)
    return (
        np.vstack(rows).astype(np.float64),
        np.asarray(labels, dtype=np.int64),
        np.asarray(owner, dtype=np.int64),
    )


Arrays = tuple[
    npt.NDArray[np.float32],
    npt.NDArray[np.float32],
    npt.NDArray[np.float32],
    npt.NDArray[np.float32],
]


def fit(x: npt.NDArray[np.float64], y: npt.NDArray[np.int64]) -> Arrays:
    import warnings

    from sklearn.exceptions import ConvergenceWarning  # type: ignore[import-untyped]
    from sklearn.neural_network import MLPClassifier  # type: ignore[import-untyped]

    model = MLPClassifier((HIDDEN,), alpha=ALPHA, max_iter=EPOCHS, random_state=0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)  # a fixed number of epochs, on purpose
        model.fit(x, y)
    if list(model.classes_) != list(range(len(LABELS))):
        raise ValueError(f"training data lacks a label: classes {model.classes_}")
    hidden_w, out_w = model.coefs_
    hidden_b, out_b = model.intercepts_
    rounded = [np.round(a, 5).astype(np.float32) for a in (hidden_w, hidden_b, out_w, out_b)]
    return rounded[0], rounded[1], rounded[2], rounded[3]


def _probabilities(x: npt.NDArray[np.float64], arrays: Arrays) -> npt.NDArray[np.float64]:
    return network_probabilities(arrays, x)


def cross_validated(
    x: npt.NDArray[np.float64], y: npt.NDArray[np.int64], owner: npt.NDArray[np.int64]
) -> npt.NDArray[np.float64]:
    probs = np.zeros((len(y), len(LABELS)), dtype=np.float64)
    fold = owner % FOLDS
    for k in range(FOLDS):
        train, test = fold != k, fold == k
        probs[test] = _probabilities(x[test], fit(x[train], y[train]))
    return probs


def choose_threshold(
    posts: Sequence[Post], probs: npt.NDArray[np.float64], owner: npt.NDArray[np.int64]
) -> float:
    """The lowest threshold at which at most PEARL_BUDGET of the pearls have a word at or
    above it: just above the score of the pearl ranked ``floor(budget · pearls)`` from the
    top (counting from 0), rounded up to 4 decimals."""
    score = 1.0 - probs[:, 0]
    pearls = [index for index, post in enumerate(posts) if post.pearl]
    worst = np.sort([score[owner == index].max(initial=0.0) for index in pearls])[::-1]
    cut = float(worst[int(PEARL_BUDGET * len(worst))])
    return min(float(np.ceil(cut * 1e4 + 1e-9) / 1e4), 0.9999)


def report(
    posts: Sequence[Post],
    y: npt.NDArray[np.int64],
    probs: npt.NDArray[np.float64],
    owner: npt.NDArray[np.int64],
    threshold: float,
) -> None:
    """Cross-validated word- and span-level figures at the chosen threshold."""
    flagged = (1.0 - probs[:, 0]) >= threshold
    predicted = np.where(flagged, 1 + probs[:, 1:].argmax(axis=1), 0)
    for label_index, label in enumerate(LABELS[1:], 1):
        gold = y == label_index
        hit = gold & (predicted == label_index)
        print(
            f"  words {label:<12} gold {int(gold.sum()):>5}  recall {hit.sum() / max(gold.sum(), 1):.3f}"
        )
    pearls = [index for index, post in enumerate(posts) if post.pearl]
    pearl_hits = sum(bool(flagged[owner == index].any()) for index in pearls)
    print(f"  pearls with a word flagged: {pearl_hits}/{len(pearls)}")
    found: Counter[str] = Counter()
    gold_spans: Counter[str] = Counter()
    words_of = {index: split_words(post.text) for index, post in enumerate(posts)}
    for index, post in enumerate(posts):
        mine = predicted[owner == index]
        for start, end, kind in post.spans:
            if kind not in LABELS:
                continue
            gold_spans[kind] += 1
            found[kind] += any(
                mine[w] == LABELS.index(kind) and start < word.end and word.start < end
                for w, word in enumerate(words_of[index])
            )
    for kind in LABELS[1:]:
        print(
            f"  spans {kind:<12} gold {gold_spans[kind]:>5}  recall {found[kind] / max(gold_spans[kind], 1):.3f}"
        )


def build(out_dir: Path) -> Path:
    posts = training_posts()
    print(
        f"posts: {len(posts)} ({dict(Counter(p.source for p in posts))}), pearls {sum(p.pearl for p in posts)}"
    )
    x, y, owner = matrices(posts)
    print(f"words: {len(y)} ({dict(Counter(LABELS[i] for i in y.tolist()))})")
    probs = cross_validated(x, y, owner)
    threshold = choose_threshold(posts, probs, owner)
    print(f"threshold (cross-validated, pearls <= {PEARL_BUDGET:.0%}): {threshold}")
    report(posts, y, probs, owner, threshold)
    arrays = fit(x, y)
    record = {
        "name": TAGGER_NAME,
        "labels": list(LABELS),
        "features": list(FEATURE_NAMES),
        "encoder": "base",
        "hidden": HIDDEN,
        "alpha": ALPHA,
        "epochs": EPOCHS,
        "threshold": threshold,
        "training_posts": len(posts),
        "shapes": [list(a.shape) for a in arrays],
    }
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"{TAGGER_NAME}.json"
    path.write_text(json.dumps(record, sort_keys=True) + "\n", encoding="utf-8")
    np.save(path.with_suffix(".npy"), np.concatenate([a.ravel() for a in arrays]).astype("<f4"))
    for written in (path, path.with_suffix(".npy")):
        print(f"wrote {written} sha256 {hashlib.sha256(written.read_bytes()).hexdigest()}")
    # What is written is what runs: the run-time network gives the training probabilities.
    loaded = WordTagger.load(path, registry.load_minilm("base"), "check")
    sample = x[:500]
    if not np.allclose(
        loaded.predict_rows(sample.astype(np.float32)), _probabilities(sample, arrays), atol=1e-5
    ):
        raise AssertionError("the saved tagger does not reproduce the trained network")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check", action="store_true", help="retrain into a temporary folder and compare"
    )
    args = parser.parse_args(argv)
    if not args.check:
        build(registry.WEIGHTS_DIR)
        return 0
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        fresh = build(Path(tmp))
        same = all(
            (fresh.with_suffix(suffix)).read_bytes()
            == (registry.WEIGHTS_DIR / f"{TAGGER_NAME}{suffix}").read_bytes()
            for suffix in (".json", ".npy")
        )
    print(
        "OK: retraining reproduces the committed tagger bit for bit"
        if same
        else "FAIL: the retrained tagger differs"
    )
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
