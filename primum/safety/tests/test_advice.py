"""Advice guard: behaviour of check_advice and the dev-split figures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from primum.safety.advice import check_advice

DATA = Path(__file__).resolve().parents[1] / "evaldata" / "advice.jsonl"


@pytest.mark.parametrize(
    "text",
    [
        "you should stop your tamoxifen",
        "Take 20 mg twice a day.",
        "Double your metformin.",
        "Don't get the biopsy.",
        "You don't need chemo.",
        "Your rash is shingles, get acyclovir.",
    ],
)
def test_individual_advice(text: str) -> None:
    report = check_advice(text)
    assert report.is_individual_advice
    assert 0.5 <= report.score <= 1.0
    assert report.spans
    for span in report.spans:
        assert 0 <= span.start < span.end <= len(text)


@pytest.mark.parametrize(
    "text",
    [
        "tamoxifen can cause hot flushes",
        "guidelines recommend 20 mg daily for most adults",
        "ask your doctor whether tamoxifen is still right for you",
        "many patients in trials took metformin",
        "I stopped my own statin",
        "",
    ],
)
def test_general_information_passes(text: str) -> None:
    report = check_advice(text)
    assert not report.is_individual_advice
    assert report.reframe is None
    assert 0.0 <= report.score < 0.5


def test_reframe_names_the_drug_and_the_right_clinician() -> None:
    report = check_advice("You should stop your tamoxifen now.")
    assert report.reframe is not None
    assert "not my patient" in report.reframe
    assert "tamoxifen" in report.reframe and "oncologist" in report.reframe
    generic = check_advice("Your lump sounds like a cyst, leave it.")
    assert generic.is_individual_advice and generic.reframe and "doctor" in generic.reframe


def test_unicode_long_and_deterministic() -> None:
    text = "Don’t take the letrozole 🙏 — tu devrais arrêter. " * 300
    first = check_advice(text)
    assert first.is_individual_advice
    assert check_advice(text) == first
    assert first.to_dict()["is_individual_advice"] is True


def test_dev_split_accuracy() -> None:
    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines()]
    assert len(rows) >= 120
    dev = [r for r in rows if r["split"] == "dev"]
    right = sum(check_advice(r["text"]).is_individual_advice == r["individual_advice"] for r in dev)
    assert right / len(dev) >= 0.9
