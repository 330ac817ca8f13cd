"""Safety engine speed: fast path posts/second on one core, full path latency, cascade share.

    python bench/safety_engine.py [--demo-db var/primum.sqlite3] [--repeat 3]

Prints, with the command, the date, the machine and the data size:
* fast path (normalisation + rules + language gate + linear model) posts per second on one core, on the
  demo community's posts (or, without a demo database, the evaluation sentences);
* full path (the adapted MiniLM encoder and the harassment heads forced for every text, as the
  engine runs it, and with the multilingual encoder too, as for text not in English)
  p50 / p99 per post, single and batched (batch of 32), and the cascade as it runs;
* the share of posts that reach the transformer on the demo data.
The baseline for ratios is measured in the same run: `str.lower` + one regex search over the
same texts (the cheapest thing any filter must do).
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shlex
import sqlite3
import statistics
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from _common import percentile  # noqa: E402

from primum.safety import engine  # noqa: E402
from primum.safety.evaluation import load_evaldata  # noqa: E402
from primum.safety.language import is_english  # noqa: E402
from primum.safety.normalise import normalise  # noqa: E402
from primum.safety.rules import find_hits  # noqa: E402
from primum.safety.types import Context  # noqa: E402


def demo_texts(path: Path) -> list[tuple[str, bool]]:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    rows = connection.execute(
        "SELECT body, reply_to_id IS NOT NULL OR quote_of_id IS NOT NULL FROM social_post "
        "WHERE body != '' AND deleted_at IS NULL ORDER BY id"
    ).fetchall()
    connection.close()
    return [(body, bool(aimed)) for body, aimed in rows]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--demo-db", default=str(ROOT / "var" / "primum.sqlite3"))
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    print("== safety engine speed")
    print("command : " + " ".join(shlex.quote(a) for a in [sys.executable, *sys.argv]))
    print(f"date    : {datetime.now(UTC).strftime('%Y-%m-%d %H:%M UTC')}")
    print(
        f"machine : {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}"
    )
    print(f"threads : OMP/OpenBLAS {os.environ.get('OMP_NUM_THREADS')} (one core)")
    print(f"engine  : {engine.engine_version()}")
    demo = Path(args.demo_db)
    if demo.exists():
        items = demo_texts(demo)
        source = f"demo community posts from {demo}"
    else:
        rows = load_evaldata("harassment") + load_evaldata("clinical")
        items = [(r["text"], bool(r.get("aimed_at_person"))) for r in rows]
        source = "evaluation sentences (no demo database: run `make demo` or load_demo first)"
    texts = [t for t, _ in items]
    contexts = [Context(aimed_at_person=a, is_reply=a) for _, a in items]
    chars = statistics.mean(len(t) for t in texts)
    print(f"data    : {len(texts)} texts, mean {chars:.0f} characters — {source}")

    # baseline: lower-case + one regex search
    pattern = re.compile(r"\b(?:idiot|kill yourself)\b")
    best_base = min(
        _timed(lambda: [pattern.search(t.lower()) for t in texts]) for _ in range(args.repeat)
    )

    def fast_path() -> None:
        folded = []
        for text, (_, aimed) in zip(texts, items, strict=True):
            norm = normalise(text)
            find_hits(norm, aimed_at_person=aimed)
            is_english(text, norm.folded.text)  # the language gate, run on every text
            folded.append(norm.folded.text)
        engine.models().fast.score_many(folded)

    best_fast = min(_timed(fast_path) for _ in range(args.repeat))
    print()
    print(f"baseline (lower + 1 regex)     : {len(texts) / best_base:>10,.0f} posts/s")
    print(
        f"fast path (normalise+rules+gate+linear): {len(texts) / best_fast:>7,.0f} posts/s on one core "
        f"({best_fast / best_base:.1f}x the baseline's time)"
    )

    # the cascade as it runs: share reaching the transformer
    results = engine.assess_many(texts, contexts)
    full = sum(1 for r in results if r.path == "full")
    print(
        f"cascade: {full}/{len(texts)} posts ({100 * full / len(texts):.1f}%) reached the transformer; "
        f"decisions: "
        + ", ".join(
            f"{d} {sum(1 for r in results if r.decision == d)}"
            for d in ("allow", "collapse", "hold")
        )
    )
    started = time.perf_counter()
    engine.assess_many(texts, contexts)
    cascade_s = time.perf_counter() - started
    print(f"cascade throughput (batched, one call): {len(texts) / cascade_s:,.0f} posts/s")

    # per-post latency, single calls, for a sample
    sample = texts[:: max(1, len(texts) // 300)][:300]
    sample_ctx = contexts[:: max(1, len(texts) // 300)][:300]
    single = []
    for text, context in zip(sample, sample_ctx, strict=True):
        started = time.perf_counter()
        engine.assess(text, context)
        single.append((time.perf_counter() - started) * 1000)
    print(
        f"cascade single post: p50 {percentile(single, 0.50):.2f} ms, p99 {percentile(single, 0.99):.2f} ms (n={len(sample)})"
    )

    models = engine.models()
    print(f"full path: heads {', '.join(sorted(models.heads))}")
    english = [is_english(text, normalise(text).folded.text) for text in sample]
    models.full_scores(sample[:4])  # load both encoders before timing
    for label, flags in (
        (
            "as the engine runs it (the English encoder; the multilingual one too for the "
            f"{english.count(False)} texts not in English)",
            english,
        ),
        ("as for text not in English (both encoders)", [False] * len(sample)),
    ):
        forced_single = []
        for text, flag in zip(sample, flags, strict=True):
            started = time.perf_counter()
            models.full_scores([text], [flag])
            forced_single.append((time.perf_counter() - started) * 1000)
        batched = []
        for start in range(0, len(sample), 32):
            batch = sample[start : start + 32]
            started = time.perf_counter()
            models.full_scores(batch, flags[start : start + 32])
            batched.append((time.perf_counter() - started) * 1000 / len(batch))
        print(f"full path forced, {label}:")
        print(
            f"  single: p50 {percentile(forced_single, 0.50):.2f} ms, p99 {percentile(forced_single, 0.99):.2f} ms per post; "
            f"batch of 32: p50 {percentile(batched, 0.50):.2f} ms, p99 {percentile(batched, 0.99):.2f} ms per post"
        )


def _timed(function) -> float:  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    function()
    return time.perf_counter() - started


if __name__ == "__main__":
    main()
