"""Checks on the labelled evaluation sets in primum/safety/evaldata/.

The sets are what the safety engine is measured on, so a malformed line, a mislabelled
field or a sentence that sits in both files would silently skew every reported figure.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from primum.safety.evaluation import BLIND_SPLITS
from primum.safety.types import HARASSMENT_LABELS, Label, Target

EVALDATA = Path(__file__).resolve().parent.parent / "evaldata"
HARASSMENT_FILE = EVALDATA / "harassment.jsonl"
CLINICAL_FILE = EVALDATA / "clinical.jsonl"

SPLITS = ("dev", "heldout")
HARASSMENT_FIELDS = {"id", "text", "labels", "target", "aimed_at_person", "split"}
CLINICAL_FIELDS = {"id", "text", "kind", "target", "aimed_at_person", "split"}

#: Minimum lines per clinical kind (over both splits), from the brief.
CLINICAL_KIND_MINIMUM: dict[str, int] = {
    "clinical_violent_vocab": 30,
    "case_report": 30,
    "about_harassment": 30,
    "disagreement": 50,
    "education": 30,
    "support": 30,
    "dark_humour": 15,
    "mental_health": 20,
    "identity_discussion": 20,
    "profane_benign": 15,
}

HARASSMENT_TOTAL_MINIMUM = 380
HARASSMENT_HELDOUT_MINIMUM = 110
HARASSMENT_PER_LABEL_MINIMUM = 35
HARASSMENT_PER_LABEL_HELDOUT_MINIMUM = 10
HARASSMENT_PER_LABEL_DEV_MINIMUM = 20
CLINICAL_TOTAL_MINIMUM = 360
CLINICAL_HELDOUT_MINIMUM = 100
CLINICAL_PER_KIND_HELDOUT_MINIMUM = 5
CLINICAL_PER_KIND_DEV_MINIMUM = 10

#: Phone numbers written as digits (e.g. 555-0143); every one must be a fictional 555 number.
PHONE = re.compile(r"(?<![\d#])(\d{3})[-. ]\d{4}(?!\d)")
#: "(555) 014-2297": the 555 is the area code, before the part PHONE matches.
AREA_555 = re.compile(r"(?:\(555\)\s?|555[-. ])$")


#: Public helplines that clinicians are right to quote (the Physician Support Line, US).
PUBLIC_HELPLINES = frozenset({"409-0141"})


def _real_looking(text: str) -> list[str]:
    return [
        match.group(0)
        for match in PHONE.finditer(text)
        if match.group(1) != "555"
        and not AREA_555.search(text[: match.start()])
        and match.group(0) not in PUBLIC_HELPLINES
    ]


def normalise(text: str) -> str:
    """Lower-case and collapse whitespace: how duplicates are recognised."""
    return " ".join(text.lower().split())


def load(path: Path) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            assert line.strip(), f"{path.name}:{number}: blank line"
            try:
                row = json.loads(line)
            except json.JSONDecodeError as error:  # pragma: no cover - reported by the assert
                pytest.fail(f"{path.name}:{number}: invalid JSON ({error})")
            assert isinstance(row, dict), f"{path.name}:{number}: not a JSON object"
            rows.append(row)
    return rows


@pytest.fixture(scope="module")
def harassment() -> list[dict[str, Any]]:
    return load(HARASSMENT_FILE)


@pytest.fixture(scope="module")
def clinical() -> list[dict[str, Any]]:
    return load(CLINICAL_FILE)


def check_common(rows: list[dict[str, Any]], fields: set[str], prefix: str) -> None:
    for row in rows:
        assert set(row) == fields, f"{row.get('id')}: fields {sorted(row)}"
        assert re.fullmatch(prefix + r"\d{4}", row["id"]), row["id"]
        assert isinstance(row["text"], str), row["id"]
        assert row["text"] == row["text"].strip() and row["text"], row["id"]
        assert isinstance(row["aimed_at_person"], bool), row["id"]
        assert row["split"] in SPLITS, row["id"]
    ids = Counter(row["id"] for row in rows)
    assert [i for i, n in ids.items() if n > 1] == []
    texts = Counter(normalise(row["text"]) for row in rows)
    assert [t for t, n in texts.items() if n > 1] == []


def test_harassment_lines_are_well_formed(harassment: list[dict[str, Any]]) -> None:
    check_common(harassment, HARASSMENT_FIELDS, "h")
    known = {str(label) for label in Label}
    for row in harassment:
        labels = row["labels"]
        assert isinstance(labels, list) and labels, row["id"]
        assert len(set(labels)) == len(labels), row["id"]
        assert set(labels) <= known, f"{row['id']}: {labels}"
        # Profanity alone is not harassment: it only ever accompanies another label.
        assert set(labels) - {str(Label.PROFANITY)}, f"{row['id']}: profanity only"
        assert row["target"] in {str(Target.PERSON), str(Target.GROUP)}, row["id"]


def test_clinical_lines_are_well_formed(clinical: list[dict[str, Any]]) -> None:
    check_common(clinical, CLINICAL_FIELDS, "c")
    targets = {str(target) for target in Target}
    for row in clinical:
        assert row["kind"] in CLINICAL_KIND_MINIMUM, f"{row['id']}: {row['kind']}"
        assert row["target"] in targets, row["id"]
        if row["kind"] == "disagreement":
            assert row["target"] == str(Target.IDEA), row["id"]


def test_harassment_counts(harassment: list[dict[str, Any]]) -> None:
    splits = Counter(row["split"] for row in harassment)
    assert len(harassment) >= HARASSMENT_TOTAL_MINIMUM
    assert splits["heldout"] >= HARASSMENT_HELDOUT_MINIMUM
    assert splits["dev"] > splits["heldout"]
    per_split: Counter[tuple[str, str]] = Counter(
        (label, row["split"]) for row in harassment for label in row["labels"]
    )
    short = []
    for label in HARASSMENT_LABELS:
        dev, held = per_split[(str(label), "dev")], per_split[(str(label), "heldout")]
        if (
            dev + held < HARASSMENT_PER_LABEL_MINIMUM
            or dev < HARASSMENT_PER_LABEL_DEV_MINIMUM
            or held < HARASSMENT_PER_LABEL_HELDOUT_MINIMUM
        ):
            short.append((str(label), dev, held))
    assert short == []


def test_clinical_counts(clinical: list[dict[str, Any]]) -> None:
    splits = Counter(row["split"] for row in clinical)
    assert len(clinical) >= CLINICAL_TOTAL_MINIMUM
    assert splits["heldout"] >= CLINICAL_HELDOUT_MINIMUM
    assert splits["dev"] > splits["heldout"]
    per_split = Counter((row["kind"], row["split"]) for row in clinical)
    short = []
    for kind, minimum in CLINICAL_KIND_MINIMUM.items():
        dev, held = per_split[(kind, "dev")], per_split[(kind, "heldout")]
        if (
            dev + held < minimum
            or dev < CLINICAL_PER_KIND_DEV_MINIMUM
            or held < CLINICAL_PER_KIND_HELDOUT_MINIMUM
        ):
            short.append((kind, dev, held))
    assert short == []
    disagreement_replies = [
        row for row in clinical if row["kind"] == "disagreement" and row["aimed_at_person"]
    ]
    assert len(disagreement_replies) >= 5


def test_dev_comes_before_heldout(
    harassment: list[dict[str, Any]], clinical: list[dict[str, Any]]
) -> None:
    """Each file lists its dev part first, then the held-out part written after it."""
    for rows in (harassment, clinical):
        order = [row["split"] for row in rows]
        assert order == sorted(order, key=SPLITS.index)


def test_no_text_in_both_files(
    harassment: list[dict[str, Any]], clinical: list[dict[str, Any]]
) -> None:
    overlap = {normalise(row["text"]) for row in harassment} & {
        normalise(row["text"]) for row in clinical
    }
    assert overlap == set()


def test_phone_numbers_are_fictional(
    harassment: list[dict[str, Any]], clinical: list[dict[str, Any]]
) -> None:
    real_looking = [
        (row["id"], match.group(0))
        for row in harassment + clinical
        for match in PHONE.finditer(row["text"])
        if match.group(1) != "555"
    ]
    assert real_looking == []


def test_normalise_collapses_case_and_whitespace() -> None:
    assert normalise("  Watch   your\tBACK ") == "watch your back"
    assert normalise("a b") != normalise("ab")


# --- the blind sets (written last, by a writer who saw neither the engine nor the sets above)

BLIND_KINDS = set(CLINICAL_KIND_MINIMUM) | {"addressed_reply", "everyday", "romance_benign"}


@pytest.mark.parametrize(
    ("split", "prefixes", "minimum"),
    [
        ("blind", ("b", "k"), 199),
        ("blind2", ("hb2-", "cb2-"), 199),
        ("blind3", ("hb3-", "cb3-"), 200),
        ("blind4", ("hb4-", "cb4-"), 200),
        ("blind5", ("hb5-", "cb5-"), 199),
        ("blind6", ("hb6-", "cb6-"), 200),
        ("blind7", ("hb7-", "cb7-"), 200),
        ("blind8", ("hb8-", "cb8-"), 200),
        ("blind9", ("hb9-", "cb9-"), 199),
        ("blind10", ("hb10-", "cb10-"), 198),
        ("blind11", ("hb11-", "cb11-"), 200),
        ("blind12", ("hb12-", "cb12-"), 199),
        ("blind13", ("hb13-", "cb13-"), 199),
    ],
)
def test_blind_sets_are_well_formed_and_apart_from_the_others(
    harassment: list[dict[str, Any]],
    clinical: list[dict[str, Any]],
    split: str,
    prefixes: tuple[str, str],
    minimum: int,
) -> None:
    known = {str(label) for label in Label}
    targets = {str(target) for target in Target}
    blind_h = load(EVALDATA / f"harassment_{split}.jsonl")
    blind_c = load(EVALDATA / f"clinical_{split}.jsonl")
    assert len(blind_h) >= minimum and len(blind_c) >= 200
    for rows, fields, prefix in (
        (blind_h, HARASSMENT_FIELDS, prefixes[0]),
        (blind_c, CLINICAL_FIELDS, prefixes[1]),
    ):
        for row in rows:
            assert set(row) == fields, row.get("id")
            assert re.fullmatch(re.escape(prefix) + r"\d{4}", row["id"]), row["id"]
            assert row["split"] == split and isinstance(row["aimed_at_person"], bool)
        assert len({row["id"] for row in rows}) == len(rows)
    per_label = Counter(label for row in blind_h for label in row["labels"])
    for row in blind_h:
        assert set(row["labels"]) <= known and set(row["labels"]) - {str(Label.PROFANITY)}
        assert row["target"] in {str(Target.PERSON), str(Target.GROUP)}
    # 19 for blind9's self-harm lines: one (hb9-0086) equalled a blind3 line and was removed
    for label in known - {str(Label.PROFANITY)}:
        assert per_label[label] >= 19, label
    for row in blind_c:
        assert row["kind"] in BLIND_KINDS and row["target"] in targets, row["id"]
    assert min(Counter(row["kind"] for row in blind_c).values()) >= 15
    blind_texts = [normalise(r["text"]) for r in blind_h + blind_c]
    assert len(set(blind_texts)) == len(blind_texts)
    others = {normalise(r["text"]) for r in harassment + clinical}
    others |= {
        normalise(r["text"])
        for other_blind in BLIND_SPLITS
        if other_blind != split
        for name in ("harassment", "clinical")
        for r in load(EVALDATA / f"{name}_{other_blind}.jsonl")
    }
    assert others.isdisjoint(blind_texts)
    assert [number for row in blind_h + blind_c for number in _real_looking(row["text"])] == []


def test_split_rows_reads_each_split_and_refuses_an_unknown_one() -> None:
    from primum.safety.evaluation import split_rows

    blind = split_rows("harassment", "blind")
    assert blind and {row["split"] for row in blind} == {"blind"}
    assert {row["split"] for row in split_rows("clinical", "heldout")} == {"heldout"}
    assert {row["split"] for row in split_rows("phi", "all")} == {"dev", "heldout"}
    assert split_rows("phi", "blind")  # phi_blind.jsonl
    assert {row["split"] for row in split_rows("clinical", "blind2")} == {"blind2"}
    assert {row["split"] for row in split_rows("harassment", "blind3")} == {"blind3"}
    with pytest.raises(ValueError, match="unknown split"):
        split_rows("harassment", "heldout3")


def test_the_multilingual_clinical_set_is_well_formed_and_apart_from_the_others(
    harassment: list[dict[str, Any]], clinical: list[dict[str, Any]]
) -> None:
    from primum.safety.language import is_english

    rows = load(EVALDATA / "clinical_multilingual.jsonl")
    targets = {str(target) for target in Target}
    assert len(rows) >= 300
    for row in rows:
        assert set(row) == CLINICAL_FIELDS | {"language"}, row.get("id")
        assert re.fullmatch(r"cm-\d{4}", row["id"]) and row["split"] == "dev", row["id"]
        assert row["kind"] in BLIND_KINDS and row["target"] in targets, row["id"]
        assert isinstance(row["aimed_at_person"], bool), row["id"]
    assert len({row["id"] for row in rows}) == len(rows)
    assert min(Counter(row["kind"] for row in rows).values()) >= 25
    assert len({row["language"] for row in rows}) >= 40
    # what the set is for: text the language gate sends to the multilingual head
    assert sum(not is_english(row["text"]) for row in rows) >= 0.9 * len(rows)
    texts = [normalise(row["text"]) for row in rows]
    assert len(set(texts)) == len(texts)
    others = {normalise(r["text"]) for r in harassment + clinical}
    for other_blind in BLIND_SPLITS:
        for name in ("harassment", "clinical"):
            others |= {normalise(r["text"]) for r in load(EVALDATA / f"{name}_{other_blind}.jsonl")}
    assert others.isdisjoint(texts)
    assert [number for row in rows for number in _real_looking(row["text"])] == []
