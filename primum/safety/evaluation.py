"""The quality report: `primum safety eval` and bench/safety_engine.py print it.

Everything is measured in one run, on the same data, for the engine and for its peers:

* the physician-harassment set and the clinical-language set (primum/safety/evaldata; the
  ``heldout`` split is never used for tuning): recall at the collapse threshold, overall and
  per label, and the share of clinical sentences flagged, overall and per kind;
* the PHI guard on the labelled clinical posts: recall/precision per identifier type, recall on
  direct identifiers, share of teaching pearls flagged;
* the pile-on detector on simulated streams (seeds it was not tuned on).

Peers, each at its own threshold (chosen on dev data, never on these sets): the raw MiniLM
head alone (a logistic head on the shipped all-MiniLM-L6-v2 embeddings, no rules, no cascade),
the fast linear model alone, our fine-tuned MiniLM harassment head alone (the learned part of
the cascade without the rules), our multilingual harassment head alone (on
multilingual-e5-small, asked about every text, English included, although the cascade asks it
only about text in other languages), and `alt-profanity-check` (at its own 0.5) when it is
installed (a development dependency).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from primum.safety.engine import assess_many
from primum.safety.types import Context, Decision

__all__ = [
    "EVALDATA",
    "format_report",
    "harassment_report",
    "load_evaldata",
    "phi_report",
    "pileon_report",
    "quality_report",
]

EVALDATA = Path(__file__).resolve().parent / "evaldata"

#: A peer: texts -> flagged or not.
Flagger = Callable[[Sequence[str], Sequence[Context]], list[bool]]


def load_evaldata(name: str) -> list[dict[str, Any]]:
    with (EVALDATA / f"{name}.jsonl").open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


#: Splits of the evaluation sets. ``blind`` … ``blind13`` are separate files per set
#: (``<name>_blind.jsonl``, ``<name>_blind2.jsonl``, ...), each written after every other split
#: by a writer who saw neither the engine nor the other sets (blind2 on 2026-12-02, after blind
#: had been read for figures three times; blind3 on 2026-12-07, before that day's changes;
#: blind4 the same day, before the second model of that day; blind5 by 06:29 UTC the same day,
#: before the third; blind6 at about 07:30 UTC, after the third; blind7 at about 09:00 UTC,
#: before the fourth; blind8 at about 11:50 UTC, before the fifth; blind9 at about 13:15 UTC,
#: after the fifth, for the next round to read first; blind10 at about 14:50 UTC, by writers who
#: saw nothing of the project, read first after the sixth round's last change); ``all`` is dev
#: + heldout. blind11 was written at about 16:45 UTC, after the sixth round's last change, for
#: the next round to read first; blind12 at about 19:45 UTC, after the seventh round's last
#: change, and read first in the eighth; blind13 at about 22:25 UTC, after the eighth round's
#: last change, and read first in the ninth.
BLIND_SPLITS = (
    "blind",
    "blind2",
    "blind3",
    "blind4",
    "blind5",
    "blind6",
    "blind7",
    "blind8",
    "blind9",
    "blind10",
    "blind11",
    "blind12",
    "blind13",
)
SPLITS = ("dev", "heldout", *BLIND_SPLITS, "all")


def split_rows(name: str, split: str) -> list[dict[str, Any]]:
    """The lines of evaluation set ``name`` in ``split``."""
    if split not in SPLITS:
        raise ValueError(f"unknown split {split!r}; one of {', '.join(SPLITS)}")
    if split in BLIND_SPLITS:
        path = EVALDATA / f"{name}_{split}.jsonl"
        return load_evaldata(f"{name}_{split}") if path.exists() else []
    return [r for r in load_evaldata(name) if split == "all" or r["split"] == split]


def _context(row: dict[str, Any]) -> Context:
    return Context(aimed_at_person=bool(row.get("aimed_at_person")))


def engine_flagger(texts: Sequence[str], contexts: Sequence[Context]) -> list[bool]:
    return [a.decision is not Decision.ALLOW for a in assess_many(texts, contexts)]


def _peers() -> dict[str, Flagger]:
    peers: dict[str, Flagger] = {"primum engine (cascade)": engine_flagger}
    try:
        from primum.safety.ml import registry
        from primum.safety.normalise import normalise

        offensive = registry.load_head("offensive")
        fast = registry.load_fast_model()
        base = registry.load_encoder("base")

        def minilm(texts: Sequence[str], contexts: Sequence[Context]) -> list[bool]:
            threshold = offensive.threshold if offensive.threshold is not None else 0.5
            return [float(p) >= threshold for p in offensive.predict(base.embed_many(list(texts)))]

        def linear(texts: Sequence[str], contexts: Sequence[Context]) -> list[bool]:
            threshold = fast.threshold if fast.threshold is not None else 0.5
            scores = fast.score_many([normalise(t).folded.text for t in texts])
            return [float(s) >= threshold for s in scores]

        peers["raw MiniLM head (no rules)"] = minilm
        peers["fast linear model alone"] = linear
        harassment = registry.load_head("harassment")
        if harassment.encoder == "adapted" and harassment.threshold is not None:
            adapted = registry.load_encoder("adapted")
            cut = harassment.threshold

            def tuned(texts: Sequence[str], contexts: Sequence[Context]) -> list[bool]:
                probabilities = harassment.predict(adapted.embed_many(list(texts)))
                return [float(p) >= cut for p in probabilities]

            peers["fine-tuned MiniLM head alone (ours, no rules)"] = tuned
        if "harassment_multilingual" in registry.available_heads():
            multilingual = registry.load_head("harassment_multilingual")
            e5 = registry.load_encoder(registry.MULTILINGUAL)
            e5_cut = multilingual.threshold if multilingual.threshold is not None else 0.5

            def e5_alone(texts: Sequence[str], contexts: Sequence[Context]) -> list[bool]:
                probabilities = multilingual.predict(e5.embed_many(list(texts)))
                return [float(p) >= e5_cut for p in probabilities]

            peers["multilingual e5 head alone (ours, no rules, every text)"] = e5_alone
    except (ImportError, FileNotFoundError, KeyError):
        pass
    try:
        from primum.safety.training.compare import alt_profanity_check_scores

        def alt(texts: Sequence[str], contexts: Sequence[Context]) -> list[bool]:
            return [float(s) >= 0.5 for s in alt_profanity_check_scores(list(texts))]

        peers["alt-profanity-check"] = alt
    except ImportError:
        pass
    return peers


def harassment_report(split: str = "heldout") -> dict[str, Any]:
    """Recall on targeted harassment and flag rate on clinical language, per peer."""
    harassment = split_rows("harassment", split)
    clinical = split_rows("clinical", split)
    report: dict[str, Any] = {
        "split": split,
        "harassment_n": len(harassment),
        "clinical_n": len(clinical),
        "peers": {},
    }
    for name, flag in _peers().items():
        h_flags = flag([r["text"] for r in harassment], [_context(r) for r in harassment])
        c_flags = flag([r["text"] for r in clinical], [_context(r) for r in clinical])
        per_label_total: Counter[str] = Counter()
        per_label_hit: Counter[str] = Counter()
        for row, flagged in zip(harassment, h_flags, strict=True):
            for label in row["labels"]:
                per_label_total[label] += 1
                per_label_hit[label] += int(flagged)
        per_kind_total: Counter[str] = Counter()
        per_kind_flagged: Counter[str] = Counter()
        for row, flagged in zip(clinical, c_flags, strict=True):
            per_kind_total[row["kind"]] += 1
            per_kind_flagged[row["kind"]] += int(flagged)
        report["peers"][name] = {
            "recall": sum(h_flags) / max(1, len(h_flags)),
            "missed": len(h_flags) - sum(h_flags),
            "clinical_flagged_rate": sum(c_flags) / max(1, len(c_flags)),
            "clinical_flagged": sum(c_flags),
            "recall_per_label": {
                label: per_label_hit[label] / per_label_total[label]
                for label in sorted(per_label_total)
            },
            "clinical_flagged_per_kind": {
                kind: per_kind_flagged[kind] / per_kind_total[kind]
                for kind in sorted(per_kind_total)
            },
        }
    return report


def phi_report(split: str = "heldout") -> dict[str, Any]:
    """PHI guard: recall/precision per identifier type (overlap match), pearls flagged."""
    from primum.safety.phi import DIRECT_TYPES, check_phi

    direct = {str(t) for t in DIRECT_TYPES}
    rows = split_rows("phi", split)
    truth_n: Counter[str] = Counter()
    truth_found: Counter[str] = Counter()
    pred_n: Counter[str] = Counter()
    pred_right: Counter[str] = Counter()
    pearls = pearls_flagged = 0
    for row in rows:
        found = check_phi(row["text"]).findings
        predicted = [(f.start, f.end, str(f.type)) for f in found]
        if row["kind"] == "pearl":
            pearls += 1
            pearls_flagged += int(bool(predicted))
        for span in row["spans"]:
            truth_n[span["type"]] += 1
            if any(
                p[2] == span["type"] and p[0] < span["end"] and span["start"] < p[1]
                for p in predicted
            ):
                truth_found[span["type"]] += 1
        for start, end, kind in predicted:
            pred_n[kind] += 1
            if any(
                s["type"] == kind and s["start"] < end and start < s["end"] for s in row["spans"]
            ):
                pred_right[kind] += 1
    types = sorted(set(truth_n) | set(pred_n))
    direct_n = sum(truth_n[t] for t in types if t in direct)
    direct_found = sum(truth_found[t] for t in types if t in direct)
    return {
        "split": split,
        "posts": len(rows),
        "pearls": pearls,
        "pearls_flagged_rate": pearls_flagged / max(1, pearls),
        "direct_recall": direct_found / max(1, direct_n),
        "direct_n": direct_n,
        "per_type": {
            t: {
                "n": truth_n[t],
                "recall": truth_found[t] / truth_n[t] if truth_n[t] else None,
                "precision": pred_right[t] / pred_n[t] if pred_n[t] else None,
            }
            for t in types
        },
    }


def pileon_report(seeds: Sequence[int] = (2, 3, 4, 5, 6)) -> dict[str, Any]:
    from primum.safety.pileon import PileOnDetector
    from primum.safety.simulate import evaluate, simulate_streams

    streams = []
    for seed in seeds:
        streams.extend(
            simulate_streams(seed, n_pileon=20, n_benign_viral=10, n_debate=10, n_quiet=10)
        )
    result = evaluate(PileOnDetector, streams)
    return {
        "seeds": list(seeds),
        "streams": len(streams),
        "pileons": sum(1 for s in streams if s.is_pileon),
        "precision": result.precision,
        "recall": result.recall,
        "median_hostile_before_detection": result.median_hostile_before_detection,
        "p90_hostile_before_detection": result.p90_hostile_before_detection,
        "benign_viral_false_alarms": result.false_alarms_by_kind.get("benign_viral", 0),
        "benign_viral_streams": sum(1 for s in streams if s.kind == "benign_viral"),
        "false_alarms_by_kind": {k: v for k, v in result.false_alarms_by_kind.items() if v},
    }


def quality_report(split: str = "heldout", *, public_data: bool = True) -> dict[str, Any]:
    """Everything above in one run; ``public_data`` adds compare.run (needs ``make datasets``)."""
    report: dict[str, Any] = {"harassment": harassment_report(split), "phi": phi_report(split)}
    try:
        report["pileon"] = pileon_report()
    except ImportError as error:  # pragma: no cover
        report["pileon"] = {"error": str(error)}
    if public_data:
        try:
            from primum.safety.training import compare

            report["public_data"] = compare.run(log=lambda line: None)
        except (ImportError, FileNotFoundError, KeyError) as error:
            report["public_data"] = {"error": f"not available: {error}"}
    return report


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{100 * value:.1f}%"


def format_report(report: dict[str, Any]) -> str:
    lines: list[str] = []
    h = report["harassment"]
    lines.append(
        f"Targeted harassment ({h['split']} split): {h['harassment_n']} harassment sentences, "
        f"{h['clinical_n']} clinical sentences; flagged = collapse or hold"
    )
    lines.append(f"  {'peer':46} {'recall':>8} {'clinical flagged':>17}")
    for name, peer in h["peers"].items():
        lines.append(
            f"  {name:46} {_pct(peer['recall']):>8} {_pct(peer['clinical_flagged_rate']):>17}"
        )
    engine = next(iter(h["peers"].values()), None)
    if engine:
        lines.append(
            "  engine recall per label: "
            + ", ".join(f"{k} {_pct(v)}" for k, v in engine["recall_per_label"].items())
        )
        lines.append(
            "  engine clinical flagged per kind: "
            + ", ".join(f"{k} {_pct(v)}" for k, v in engine["clinical_flagged_per_kind"].items())
        )
    p = report["phi"]
    lines.append(
        f"PHI guard ({p['split']}): {p['posts']} posts; direct-identifier recall {_pct(p['direct_recall'])} "
        f"(n={p['direct_n']}); pearls flagged {_pct(p['pearls_flagged_rate'])} (n={p['pearls']})"
    )
    for t, v in p["per_type"].items():
        lines.append(
            f"  {t:20} n={v['n']:<4} recall {_pct(v['recall']):>7}  precision {_pct(v['precision']):>7}"
        )
    pileon = report.get("pileon") or {}
    if "recall" in pileon:
        lines.append(
            f"Pile-on detector (simulated streams, seeds {pileon['seeds']}, "
            f"{pileon['streams']} streams, {pileon['pileons']} pile-ons): precision "
            f"{_pct(pileon['precision'])}, recall {_pct(pileon['recall'])}, median hostile "
            f"replies before detection {pileon['median_hostile_before_detection']:g} (p90 "
            f"{pileon['p90_hostile_before_detection']:g}), benign viral streams flagged "
            f"{pileon['benign_viral_false_alarms']}/{pileon['benign_viral_streams']}"
        )
    else:
        lines.append(f"Pile-on detector: {pileon.get('error', 'not run')}")
    public = report.get("public_data")
    if public is not None and "datasets" in public:
        from primum.safety.training import compare

        lines.append("Public data (models trained elsewhere on data nobody here wrote):")
        lines.append(compare.format_report(public))
    elif public is not None:
        lines.append(f"Public data: {public.get('error')}")
    return "\n".join(lines)
