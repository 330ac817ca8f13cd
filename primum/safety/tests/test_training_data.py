"""The in-domain training sets for the learned harassment head (training/data/*.jsonl).

Checks format, labels, kinds, counts, duplicates, and that no training text also appears in
the evaluation sets (evaldata/*.jsonl), so that evaluation stays honest. Failure messages name
training lines only, never evaluation texts.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from primum.safety.types import HARASSMENT_LABELS, Label

SAFETY = Path(__file__).resolve().parents[1]
DATA = SAFETY / "training" / "data"
#: harassment_train.jsonl and every later harassment_*.jsonl; the same for benign_*.jsonl.
HARASSMENT_FILES = sorted(DATA.glob("harassment_*.jsonl"))
BENIGN_FILES = sorted(DATA.glob("benign_*.jsonl"))
EVALDATA = SAFETY / "evaldata"

MIN_LINES = 700
MIN_PER_HARASSMENT_LABEL = 60
MIN_PER_KIND = 60
KINDS = frozenset(
    {
        "clinical_violent_vocab",
        "case_report",
        "about_harassment",
        "disagreement",
        "education",
        "support",
        "dark_humour",
        "mental_health",
        "identity_discussion",
        "profane_benign",
        "everyday",
        "romance_benign",
        "addressed_reply",
    }
)
LABEL_VALUES = frozenset(str(label) for label in Label)


def _key(text: str) -> str:
    """Lowercase and collapse whitespace: the form in which texts are compared."""
    return " ".join(text.lower().split())


def _load(paths: list[Path]) -> list[tuple[str, dict[str, Any]]]:
    """Every row of ``paths`` with where it is ("file.jsonl:line")."""
    rows: list[tuple[str, dict[str, Any]]] = []
    for path in paths:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            where = f"{path.name}:{number}"
            assert line.strip(), f"{where} is blank"
            row = json.loads(line)
            assert isinstance(row, dict), f"{where} is not an object"
            rows.append((where, row))
    return rows


@pytest.fixture(scope="module")
def harassment() -> list[tuple[str, dict[str, Any]]]:
    assert "harassment_train.jsonl" in [path.name for path in HARASSMENT_FILES]
    return _load(HARASSMENT_FILES)


@pytest.fixture(scope="module")
def benign() -> list[tuple[str, dict[str, Any]]]:
    return _load(BENIGN_FILES)


def test_harassment_rows_are_well_formed(harassment: list[tuple[str, dict[str, Any]]]) -> None:
    assert len(harassment) >= MIN_LINES
    for where, row in harassment:
        assert set(row) == {"text", "labels", "aimed_at_person"}, where
        assert isinstance(row["text"], str) and row["text"].strip() == row["text"] != "", where
        assert isinstance(row["aimed_at_person"], bool), where
        labels = row["labels"]
        assert isinstance(labels, list) and labels, where
        assert all(isinstance(label, str) and label in LABEL_VALUES for label in labels), where
        assert len(set(labels)) == len(labels), where
        # Profanity alone is not harassment: every row carries at least one harassment label.
        assert any(Label(label) in HARASSMENT_LABELS for label in labels), where


def test_benign_rows_are_well_formed(benign: list[tuple[str, dict[str, Any]]]) -> None:
    assert len(benign) >= MIN_LINES
    for where, row in benign:
        assert set(row) == {"text", "kind", "aimed_at_person"}, where
        assert isinstance(row["text"], str) and row["text"].strip() == row["text"] != "", where
        assert isinstance(row["aimed_at_person"], bool), where
        assert row["kind"] in KINDS, where


def test_every_harassment_label_is_well_represented(
    harassment: list[tuple[str, dict[str, Any]]],
) -> None:
    counts = Counter(label for _, row in harassment for label in row["labels"])
    for label in HARASSMENT_LABELS:
        assert counts[str(label)] >= MIN_PER_HARASSMENT_LABEL, (label, counts[str(label)])


def test_every_benign_kind_is_well_represented(benign: list[tuple[str, dict[str, Any]]]) -> None:
    counts = Counter(row["kind"] for _, row in benign)
    assert set(counts) == KINDS
    for kind in KINDS:
        assert counts[kind] >= MIN_PER_KIND, (kind, counts[kind])


def test_both_sets_have_texts_aimed_and_not_aimed_at_a_person(
    harassment: list[tuple[str, dict[str, Any]]], benign: list[tuple[str, dict[str, Any]]]
) -> None:
    for rows in (harassment, benign):
        aimed = Counter(row["aimed_at_person"] for _, row in rows)
        assert aimed[True] >= 50 and aimed[False] >= 50, aimed


def test_no_duplicates_within_or_across_the_sets(
    harassment: list[tuple[str, dict[str, Any]]], benign: list[tuple[str, dict[str, Any]]]
) -> None:
    first_seen: dict[str, str] = {}
    repeats: list[str] = []
    for rows in (harassment, benign):
        for where, row in rows:
            key = _key(row["text"])
            if key in first_seen:
                repeats.append(f"{where} repeats {first_seen[key]}")
            else:
                first_seen[key] = where
    assert not repeats, repeats


def test_phone_numbers_in_harassment_are_fictional(
    harassment: list[tuple[str, dict[str, Any]]],
) -> None:
    phone = re.compile(r"\b(\d{3})[-. ]\d{4}\b")
    for where, row in harassment:
        for match in phone.finditer(row["text"]):
            assert match.group(1) == "555", where


def _eval_keys() -> set[str]:
    keys: set[str] = set()
    for path in sorted(EVALDATA.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            row = json.loads(line)
            if isinstance(row, dict) and isinstance(row.get("text"), str):
                keys.add(_key(row["text"]))
    return keys


def test_no_training_text_appears_in_the_evaluation_sets(
    harassment: list[tuple[str, dict[str, Any]]], benign: list[tuple[str, dict[str, Any]]]
) -> None:
    eval_keys = _eval_keys()
    assert eval_keys, "no evaluation texts found under evaldata/"
    leaks = [
        where
        for rows in (harassment, benign)
        for where, row in rows
        if _key(row["text"]) in eval_keys
    ]
    # Only training line numbers are reported, so a failure does not expose evaluation texts.
    assert not leaks, leaks


def test_the_comparison_key_ignores_case_and_spacing() -> None:
    assert _key("  You  ARE\ta\nclown ") == _key("you are a clown")
    assert _key("you are a clown") != _key("you are a clown!")


#: Lines written for training but not trained on (see training/candidates/README.md).
CANDIDATES = SAFETY / "training" / "candidates"


def test_candidate_files_are_well_formed_and_apart_from_the_evaluation_sets() -> None:
    rows = _load(sorted(CANDIDATES.glob("*.jsonl")))
    assert rows, "no candidate files found"
    eval_keys = _eval_keys()
    phone = re.compile(r"\b(\d{3})[-. ]\d{4}\b")
    for where, row in rows:
        assert isinstance(row["text"], str) and row["text"].strip() == row["text"] != "", where
        assert isinstance(row["aimed_at_person"], bool), where
        if where.startswith("harassment_"):
            assert row["labels"] and set(row["labels"]) <= LABEL_VALUES, where
            assert any(Label(label) in HARASSMENT_LABELS for label in row["labels"]), where
            assert all(m.group(1) == "555" for m in phone.finditer(row["text"])), where
        else:
            assert row["kind"] in KINDS, where
        assert _key(row["text"]) not in eval_keys, where
