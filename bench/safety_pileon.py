"""Pile-on detector on simulated, labelled streams: precision, recall, speed of detection.

    python bench/safety_pileon.py [--seeds 2 3 4 5 6] [--pileon 200] [--viral 100]
                                  [--debate 100] [--quiet 150]

Pure Python (no Django, no database). The detector was tuned on seed 1; report other seeds.
"Hostile before detection" counts the pile-on's interactions (the attackers', whatever their
score) from its first one up to and including the one on which the detector fired.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import _cpu, command_line  # noqa: E402

from primum.safety.pileon import PileOnDetector  # noqa: E402
from primum.safety.simulate import evaluate, percentile, simulate_streams  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", type=int, nargs="+", default=[2, 3, 4, 5, 6])
    parser.add_argument("--pileon", type=int, default=200)
    parser.add_argument("--viral", type=int, default=100)
    parser.add_argument("--debate", type=int, default=100)
    parser.add_argument("--quiet", type=int, default=150)
    args = parser.parse_args()

    print("== Pile-on detector (simulated streams)")
    print(f"command : {command_line()}")
    print(f"date    : {datetime.now(UTC).strftime('%Y-%m-%d %H:%M UTC')}")
    print(f"machine : {os.cpu_count()} CPUs ({_cpu()}), Python {platform.python_version()}")
    print(
        f"streams : per seed {args.pileon} pile-ons (every 4th across an account's posts), "
        f"{args.viral} benign viral, {args.debate} debates, {args.quiet} quiet "
        "(every 3rd a slow hostile trickle)"
    )
    failed = False
    all_hostile: list[int] = []
    for seed in args.seeds:
        streams = simulate_streams(seed, args.pileon, args.viral, args.debate, args.quiet)
        kinds = Counter(s.kind for s in streams)
        started = time.perf_counter()
        report = evaluate(PileOnDetector, streams)
        elapsed = time.perf_counter() - started
        hostile = report.hostile_before_detection
        all_hostile.extend(hostile)
        alarms = {kind: n for kind, n in report.false_alarms_by_kind.items() if n}
        missed = Counter(r.kind for r in report.missed())
        print(f"\nseed {seed}: {dict(sorted(kinds.items()))}, {report.interactions:,} interactions")
        print(
            f"  precision {report.precision:.3f}  recall {report.recall:.3f}"
            f"  ({report.true_positives}/{sum(1 for s in streams if s.is_pileon)}; "
            f"missed {dict(missed) or 'none'})"
        )
        print(
            f"  hostile interactions before detection: median {report.median_hostile_before_detection:g}"
            f"  p90 {report.p90_hostile_before_detection:g}  max {max(hostile, default=0)}"
            f"; seconds median {report.median_seconds_before_detection:.0f}"
        )
        print(
            f"  false alarms: benign viral {report.false_alarms_by_kind.get('benign_viral', 0)}"
            f"/{kinds['benign_viral']}; all kinds {alarms or 'none'}"
        )
        print(f"  events by severity {report.severity_counts}")
        print(
            f"  throughput {report.interactions / elapsed:,.0f} interactions/s (detector + evaluation loop, one process)"
        )
        goals = (
            report.median_hostile_before_detection <= 5
            and report.recall >= 0.95
            and report.false_alarms_by_kind.get("benign_viral", 0) == 0
        )
        print(
            f"  goals (median <= 5, recall >= 0.95, no viral false alarm): {'met' if goals else 'MISSED'}"
        )
        failed = failed or not goals
    if len(args.seeds) > 1:
        print(
            f"\nall seeds: hostile before detection median {percentile(all_hostile, 0.5):g}"
            f" (nearest rank), p90 {percentile(all_hostile, 0.9):g}, n={len(all_hostile)}"
        )
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
