"""PHI guard and medical-advice guard: accuracy on the labelled sets, and speed.

    python bench/safety_phi.py [--peer] [--repeat 20]

Reads primum/safety/evaldata/phi.jsonl and advice.jsonl (written by bench/safety_phi_data.py)
and prints, for the dev and heldout splits separately: per identifier type recall and precision
(a prediction matches a labelled span of the same type when they overlap), recall on direct
identifiers, the share of teaching pearls flagged, and advice accuracy/precision/recall; then
texts per second. `--peer` also runs presidio-analyzer or philter-lite when installed.
No Django: the safety engine is pure Python.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shlex
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from primum.safety.advice import check_advice  # noqa: E402
from primum.safety.phi import DIRECT_TYPES, check_phi  # noqa: E402

DATA = ROOT / "primum" / "safety" / "evaldata"
DIRECT = {str(t) for t in DIRECT_TYPES}

#: A predictor: text -> [(start, end, type)].
Predictor = Callable[[str], list[tuple[int, int, str]]]


def load(name: str) -> list[dict[str, object]]:
    with (DATA / name).open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def ours(text: str) -> list[tuple[int, int, str]]:
    return [(f.start, f.end, str(f.type)) for f in check_phi(text).findings]


@dataclass
class PhiScore:
    gold: Counter[str] = field(default_factory=Counter)
    found: Counter[str] = field(default_factory=Counter)
    predicted: Counter[str] = field(default_factory=Counter)
    correct: Counter[str] = field(default_factory=Counter)
    direct_gold: int = 0
    direct_found: int = 0
    pearls: int = 0
    pearls_flagged: int = 0
    phi_posts: int = 0
    phi_posts_flagged: int = 0
    misses: list[str] = field(default_factory=list)
    false_alarms: list[str] = field(default_factory=list)

    def recall(self, kind: str) -> float:
        return self.found[kind] / self.gold[kind] if self.gold[kind] else float("nan")

    def precision(self, kind: str) -> float:
        return self.correct[kind] / self.predicted[kind] if self.predicted[kind] else float("nan")

    @property
    def direct_recall(self) -> float:
        return self.direct_found / self.direct_gold if self.direct_gold else float("nan")

    @property
    def pearl_flag_rate(self) -> float:
        return self.pearls_flagged / self.pearls if self.pearls else float("nan")


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def score_phi(rows: Iterable[dict[str, object]], predict: Predictor = ours) -> PhiScore:
    score = PhiScore()
    for row in rows:
        text = str(row["text"])
        gold = [(int(s["start"]), int(s["end"]), str(s["type"])) for s in row["spans"]]  # type: ignore[attr-defined]
        pred = predict(text)
        if row["kind"] == "pearl":
            score.pearls += 1
            score.pearls_flagged += bool(pred)
            if pred:
                score.false_alarms.append(f"{row['id']}: {[text[s:e] for s, e, _ in pred]}")
        else:
            score.phi_posts += 1
            score.phi_posts_flagged += bool(pred)
        for start, end, kind in gold:
            score.gold[kind] += 1
            hit = any(k == kind and _overlap((start, end), (s, e)) for s, e, k in pred)
            score.found[kind] += hit
            if kind in DIRECT:
                score.direct_gold += 1
                score.direct_found += hit
            if not hit:
                score.misses.append(f"{row['id']}: {kind} {text[start:end]!r}")
        for start, end, kind in pred:
            score.predicted[kind] += 1
            ok = any(k == kind and _overlap((start, end), (s, e)) for s, e, k in gold)
            score.correct[kind] += ok
            if not ok and row["kind"] == "phi":
                score.false_alarms.append(f"{row['id']}: {kind} {text[start:end]!r}")
    return score


@dataclass
class AdviceScore:
    tp: int = 0
    fp: int = 0
    tn: int = 0
    fn: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        total = self.tp + self.fp + self.tn + self.fn
        return (self.tp + self.tn) / total if total else float("nan")

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else float("nan")

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else float("nan")


def score_advice(rows: Iterable[dict[str, object]]) -> AdviceScore:
    score = AdviceScore()
    for row in rows:
        predicted = check_advice(str(row["text"])).is_individual_advice
        expected = bool(row["individual_advice"])
        if predicted and expected:
            score.tp += 1
        elif predicted:
            score.fp += 1
            score.errors.append(f"FP {row['id']}: {row['text']}")
        elif expected:
            score.fn += 1
            score.errors.append(f"FN {row['id']}: {row['text']}")
        else:
            score.tn += 1
    return score


def _peer() -> tuple[str, Predictor] | str:
    """presidio-analyzer (with whatever spaCy model is installed) or philter-lite, or why not."""
    reasons = []
    try:
        from presidio_analyzer import AnalyzerEngine  # type: ignore[import-not-found]

        engine = AnalyzerEngine()
        mapping = {
            "PERSON": "name",
            "DATE_TIME": "date",
            "LOCATION": "location",
            "PHONE_NUMBER": "phone",
            "EMAIL_ADDRESS": "email",
            "US_SSN": "ssn",
            "URL": "url",
            "IP_ADDRESS": "ip_address",
            "US_DRIVER_LICENSE": "licence_number",
            "MEDICAL_LICENSE": "licence_number",
            "US_BANK_NUMBER": "account_number",
        }

        def presidio(text: str) -> list[tuple[int, int, str]]:
            return [
                (r.start, r.end, mapping.get(r.entity_type, "other_unique_id"))
                for r in engine.analyze(text=text, language="en")
            ]

        return "presidio-analyzer", presidio
    except Exception as error:
        reasons.append(f"presidio-analyzer: {type(error).__name__}: {error}")
    try:
        import philter_lite  # type: ignore[import-not-found]  # noqa: F401

        reasons.append("philter-lite: installed but not wired up in this script")
    except Exception as error:
        reasons.append(f"philter-lite: {type(error).__name__}: {error}")
    return "; ".join(reasons)


def _fmt(value: float) -> str:
    return "  n/a" if value != value else f"{value:5.3f}"


def report_phi(name: str, rows: list[dict[str, object]], predict: Predictor, verbose: bool) -> None:
    for split in ("dev", "heldout"):
        subset = [r for r in rows if r["split"] == split]
        if not subset:
            print(f"  [{name}] {split}: no rows")
            continue
        score = score_phi(subset, predict)
        print(
            f"  [{name}] {split}: {sum(r['kind'] == 'phi' for r in subset)} PHI posts, "
            f"{score.pearls} pearls, {sum(score.gold.values())} labelled spans"
        )
        print(f"    {'type':<20} {'gold':>5} {'recall':>7} {'pred':>5} {'precision':>9}")
        kinds = sorted(set(score.gold) | set(score.predicted))
        for kind in kinds:
            print(
                f"    {kind:<20} {score.gold[kind]:>5} {_fmt(score.recall(kind)):>7} "
                f"{score.predicted[kind]:>5} {_fmt(score.precision(kind)):>9}"
            )
        print(
            f"    direct identifiers recall: {_fmt(score.direct_recall)} "
            f"({score.direct_found}/{score.direct_gold}; goal >= 0.95)"
        )
        print(
            f"    pearls flagged: {_fmt(score.pearl_flag_rate)} "
            f"({score.pearls_flagged}/{score.pearls}; goal < 0.05); PHI posts flagged: "
            f"{score.phi_posts_flagged}/{score.phi_posts}"
        )
        if verbose:
            for line in score.misses:
                print(f"      miss  {line}")
            for line in score.false_alarms:
                print(f"      extra {line}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--peer", action="store_true", help="also measure presidio/philter")
    parser.add_argument("--repeat", type=int, default=20, help="passes over the set for speed")
    parser.add_argument("--verbose", action="store_true", help="list misses and false alarms")
    args = parser.parse_args()

    phi_rows = load("phi.jsonl")
    advice_rows = load("advice.jsonl")
    print("== PHI guard and medical-advice guard")
    print(f"command : {' '.join(shlex.quote(a) for a in [sys.executable, *sys.argv])}")
    print(f"date    : {datetime.now(UTC).strftime('%Y-%m-%d %H:%M UTC')}")
    print(f"machine : {os.cpu_count()} CPUs, Python {platform.python_version()}")
    print(
        f"data    : phi.jsonl {len(phi_rows)} rows "
        f"({dict(Counter(str(r['split']) + '/' + str(r['kind']) for r in phi_rows))}), "
        f"advice.jsonl {len(advice_rows)} rows "
        f"({dict(Counter(str(r['split']) for r in advice_rows))})"
    )
    print("PHI (span overlap, type-aware):")
    report_phi("primum", phi_rows, ours, args.verbose)
    if args.peer:
        peer = _peer()
        if isinstance(peer, str):
            print(f"  peer not measured: {peer}")
        else:
            report_phi(peer[0], phi_rows, peer[1], verbose=False)
    print("Advice (individual advice = positive):")
    for split in ("dev", "heldout"):
        subset = [r for r in advice_rows if r["split"] == split]
        if not subset:
            print(f"  {split}: no rows")
            continue
        s = score_advice(subset)
        print(
            f"  {split}: n={len(subset)} accuracy {_fmt(s.accuracy)} precision "
            f"{_fmt(s.precision)} recall {_fmt(s.recall)} (tp {s.tp} fp {s.fp} tn {s.tn} "
            f"fn {s.fn})"
        )
        if args.verbose:
            for line in s.errors:
                print(f"      {line}")
    texts = [str(r["text"]) for r in phi_rows]
    chars = sum(map(len, texts))
    started = time.perf_counter()
    for _ in range(args.repeat):
        for text in texts:
            check_phi(text)
    elapsed = time.perf_counter() - started
    n = len(texts) * args.repeat
    print(
        f"Speed check_phi: {n / elapsed:,.0f} texts/s, {elapsed / n * 1e6:.0f} µs/text "
        f"(mean {chars / len(texts):.0f} chars)"
    )
    for label, kind in (("a teaching pearl", "pearl"), ("a PHI-dense post", "phi")):
        post = " ".join(str(r["text"]) for r in phi_rows if r["kind"] == kind)[:300]
        started = time.perf_counter()
        for _ in range(1000):
            check_phi(post)
        per = (time.perf_counter() - started) / 1000
        print(f"Speed check_phi, 300 characters of {label}: {per * 1e6:.0f} µs")
    advice_texts = [str(r["text"]) for r in advice_rows] or texts
    started = time.perf_counter()
    for _ in range(args.repeat):
        for text in advice_texts:
            check_advice(text)
    elapsed = time.perf_counter() - started
    print(f"Speed check_advice: {len(advice_texts) * args.repeat / elapsed:,.0f} texts/s")


if __name__ == "__main__":
    main()
