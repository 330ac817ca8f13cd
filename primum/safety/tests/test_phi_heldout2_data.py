"""Checks on evaldata/phi_heldout2.jsonl, the second held-out set for the PHI guard.

The set was written by someone who never saw the PHI detector or the first PHI set, so that
it measures the guard on text nobody tuned it on. Each line is one draft post:

    {"id": "p2-001", "text": "...", "spans": [{"start": 20, "end": 29, "type": "name"}],
     "kind": "phi" | "pearl", "split": "heldout2"}

Conventions used when the spans were marked (the guard is scored by overlap, so a span only
has to cover the identifier itself):

* titles stay outside name spans ("Mrs [O'Neill]"); a treating clinician's name beside a
  patient's ("Dr. Patel's patient [Raj Mehta]") is not marked, nor are clinicians named in
  professional talk, eponyms, drugs, guidelines, journals or trial ids ("NCT05512398");
* an age span covers the number with any unit glued to it ("[97yo] F", "turned [93]");
* NHS numbers, Canadian health cards, Medicare and member ids are
  ``health_plan_number``; hospital, UR, CR and UHID numbers are ``mrn``; US SSN, Canadian SIN
  and UK National Insurance numbers are ``ssn``; Aadhaar, ABHA, passport, prison and service
  numbers are ``other_unique_id``;
* ``risky_combination`` covers a phrase made only of quasi-identifiers that together point at
  one person ("the mayor's wife who was on the local news last week after ...").

Every person and number is invented; phone and fax numbers come from ranges reserved for
fiction, e-mail and web addresses from reserved example domains, IP addresses from the
documentation ranges. The file must share no sentence with evaldata/phi.jsonl.
"""

from __future__ import annotations

import ipaddress
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

EVALDATA = Path(__file__).resolve().parent.parent / "evaldata"
HELDOUT2_FILE = EVALDATA / "phi_heldout2.jsonl"
PHI_FILE = EVALDATA / "phi.jsonl"

FIELDS = {"id", "text", "spans", "kind", "split"}
SPAN_FIELDS = {"start", "end", "type"}
KINDS = ("phi", "pearl")
SPLIT = "heldout2"

#: The PHI guard's identifier types (HIPAA Safe Harbor, plus risky combinations).
TYPES = frozenset(
    {
        "name",
        "date",
        "age_over_89",
        "location",
        "phone",
        "fax",
        "email",
        "ssn",
        "mrn",
        "account_number",
        "health_plan_number",
        "licence_number",
        "vehicle_id",
        "device_id",
        "url",
        "ip_address",
        "other_unique_id",
        "risky_combination",
    }
)
#: At least this many ``phi`` lines carry each type.
COMMON_TYPES = ("name", "date", "age_over_89", "location", "phone", "email", "mrn")
COMMON_TYPE_MINIMUM = 8
OTHER_TYPE_MINIMUM = 3
TOTAL_MINIMUM = 120
PHI_MINIMUM = 70
PEARL_MINIMUM = 50

ID_PATTERN = re.compile(r"p2-\d{3}")

#: Phone numbers reserved for drama/fiction, as digits after the country code is folded into
#: the national trunk prefix: US/Canada 555-0100..0199, UK Ofcom drama ranges, Australian ACMA
#: fictitious ranges, and +91 98765 43210 (the Indian placeholder used in form examples).
FICTIONAL_PHONE = re.compile(
    r"(?:\d{3})?55501\d\d"  # NANP: [area] 555-01xx
    r"|07700900\d{3}"  # UK mobile
    r"|02079460\d{3}"  # UK London
    r"|01134960\d{3}"  # UK Leeds
    r"|01614960\d{3}"  # UK Manchester
    r"|049157\d{4}"  # AU mobile 0491 57x xxx
    r"|025550\d{4}"  # AU (02) 5550 xxxx
    r"|037010\d{4}"  # AU (03) 7010 xxxx
    r"|09876543210"  # IN placeholder
)
EXAMPLE_DOMAIN = re.compile(r"(?:^|\.)example(?:\.|$)")
DOCUMENTATION_NETWORKS = tuple(
    ipaddress.ip_network(net)
    for net in ("192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24", "2001:db8::/32")
)


def normalise(text: str) -> str:
    """Lower-case and collapse whitespace: how duplicates are recognised."""
    return " ".join(text.lower().split())


def phone_digits(value: str) -> str:
    """Digits of a phone number with +44/+61/+91 folded to 0 and +1 dropped."""
    digits = re.sub(r"\D", "", value)
    if value.lstrip().startswith("+"):
        for code, prefix in (("44", "0"), ("61", "0"), ("91", "0"), ("1", "")):
            if digits.startswith(code):
                return prefix + digits[len(code) :]
    return digits


def is_fictional_phone(value: str) -> bool:
    return FICTIONAL_PHONE.fullmatch(phone_digits(value)) is not None


def is_example_email(value: str) -> bool:
    local, at, domain = value.partition("@")
    return bool(local) and at == "@" and EXAMPLE_DOMAIN.search(domain.lower()) is not None


def is_example_url(value: str) -> bool:
    host = re.sub(r"^[a-z]+://", "", value.lower()).split("/", 1)[0]
    return EXAMPLE_DOMAIN.search(host) is not None


def is_documentation_ip(value: str) -> bool:
    address = ipaddress.ip_address(value)
    return any(address in network for network in DOCUMENTATION_NETWORKS)


def span_problems(text: str, spans: list[dict[str, Any]]) -> list[str]:
    """What is wrong with one line's spans (empty when nothing is)."""
    problems: list[str] = []
    previous_end = -1
    for span in sorted(spans, key=lambda s: (s.get("start", 0), s.get("end", 0))):
        if set(span) != SPAN_FIELDS:
            problems.append(f"span fields {sorted(span)}")
            continue
        start, end, kind = span["start"], span["end"], span["type"]
        if not (isinstance(start, int) and isinstance(end, int)) or isinstance(start, bool):
            problems.append(f"non-integer offsets {start!r}..{end!r}")
            continue
        if kind not in TYPES:
            problems.append(f"unknown type {kind!r}")
        if not 0 <= start < end <= len(text):
            problems.append(f"offsets {start}..{end} outside the text ({len(text)} chars)")
            continue
        value = text[start:end]
        if value != value.strip():
            problems.append(f"span {value!r} has surrounding whitespace")
        if start < previous_end:
            problems.append(f"span {value!r} overlaps the previous span")
        previous_end = max(previous_end, end)
    return problems


def load(path: Path) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            assert line.strip(), f"{path.name}:{number}: blank line"
            try:
                row = json.loads(line)
            except json.JSONDecodeError as error:  # pragma: no cover - reported by the fail
                pytest.fail(f"{path.name}:{number}: invalid JSON ({error})")
            assert isinstance(row, dict), f"{path.name}:{number}: not a JSON object"
            rows.append(row)
    return rows


@pytest.fixture(scope="module")
def rows() -> list[dict[str, Any]]:
    return load(HELDOUT2_FILE)


def values_of(rows: list[dict[str, Any]], kind: str) -> list[tuple[str, str]]:
    return [
        (row["id"], row["text"][span["start"] : span["end"]])
        for row in rows
        for span in row["spans"]
        if span["type"] == kind
    ]


def test_fields_kind_and_split(rows: list[dict[str, Any]]) -> None:
    for row in rows:
        assert set(row) == FIELDS, row.get("id")
        assert isinstance(row["text"], str) and row["text"].strip(), row["id"]
        assert row["text"] == row["text"].strip(), row["id"]
        assert isinstance(row["spans"], list), row["id"]
        assert row["kind"] in KINDS, row["id"]
        assert row["split"] == SPLIT, row["id"]


def test_ids_unique_and_in_order(rows: list[dict[str, Any]]) -> None:
    ids = [row["id"] for row in rows]
    assert all(ID_PATTERN.fullmatch(i) for i in ids)
    assert ids == [f"p2-{n:03d}" for n in range(1, len(rows) + 1)]


def test_spans_are_valid(rows: list[dict[str, Any]]) -> None:
    problems = {row["id"]: span_problems(row["text"], row["spans"]) for row in rows}
    assert {k: v for k, v in problems.items() if v} == {}


def test_phi_lines_have_spans_and_pearls_have_none(rows: list[dict[str, Any]]) -> None:
    assert [r["id"] for r in rows if r["kind"] == "phi" and not r["spans"]] == []
    assert [r["id"] for r in rows if r["kind"] == "pearl" and r["spans"]] == []


def test_counts_per_kind(rows: list[dict[str, Any]]) -> None:
    kinds = Counter(row["kind"] for row in rows)
    assert len(rows) >= TOTAL_MINIMUM
    assert kinds["phi"] >= PHI_MINIMUM
    assert kinds["pearl"] >= PEARL_MINIMUM


def test_counts_per_type(rows: list[dict[str, Any]]) -> None:
    lines_per_type = Counter(
        kind for row in rows for kind in {span["type"] for span in row["spans"]}
    )
    short = {
        kind: lines_per_type[kind]
        for kind in TYPES
        if lines_per_type[kind]
        < (COMMON_TYPE_MINIMUM if kind in COMMON_TYPES else OTHER_TYPE_MINIMUM)
    }
    assert short == {}


def test_no_duplicate_texts(rows: list[dict[str, Any]]) -> None:
    seen = Counter(normalise(row["text"]) for row in rows)
    assert [text for text, count in seen.items() if count > 1] == []


def test_no_text_shared_with_the_first_phi_set(rows: list[dict[str, Any]]) -> None:
    if not PHI_FILE.exists():  # pragma: no cover - the first set ships with the repo
        pytest.skip("evaldata/phi.jsonl is not there")
    first = {normalise(row["text"]) for row in load(PHI_FILE) if isinstance(row.get("text"), str)}
    assert [row["id"] for row in rows if normalise(row["text"]) in first] == []


def test_phone_and_fax_numbers_are_fictional(rows: list[dict[str, Any]]) -> None:
    numbers = values_of(rows, "phone") + values_of(rows, "fax")
    assert numbers
    assert [(i, v) for i, v in numbers if not is_fictional_phone(v)] == []


def test_email_and_web_addresses_use_example_domains(rows: list[dict[str, Any]]) -> None:
    emails = values_of(rows, "email")
    urls = values_of(rows, "url")
    assert emails and urls
    assert [(i, v) for i, v in emails if not is_example_email(v)] == []
    assert [(i, v) for i, v in urls if not is_example_url(v)] == []


def test_ip_addresses_are_documentation_addresses(rows: list[dict[str, Any]]) -> None:
    addresses = values_of(rows, "ip_address")
    assert addresses
    assert [(i, v) for i, v in addresses if not is_documentation_ip(v)] == []


def test_trial_ids_are_never_marked(rows: list[dict[str, Any]]) -> None:
    trial = re.compile(r"\bNCT\d{8}\b")
    assert any(trial.search(r["text"]) for r in rows if r["kind"] == "pearl")
    marked = [
        (row["id"], value)
        for row in rows
        for span in row["spans"]
        if trial.search(value := row["text"][span["start"] : span["end"]])
    ]
    assert marked == []


# The checks above must be able to fail: each helper rejects a bad example.


def test_span_problems_catches_bad_spans() -> None:
    text = "pt Raj Mehta 07700 900461"
    assert span_problems(text, [{"start": 3, "end": 12, "type": "name"}]) == []
    assert span_problems(text, [{"start": 3, "end": 12, "type": "patient"}])
    assert span_problems(text, [{"start": 3, "end": 99, "type": "name"}])
    assert span_problems(text, [{"start": 5, "end": 5, "type": "name"}])
    assert span_problems(text, [{"start": 2, "end": 12, "type": "name"}])  # leading space
    assert span_problems(
        text, [{"start": 3, "end": 12, "type": "name"}, {"start": 7, "end": 20, "type": "phone"}]
    )
    assert span_problems(text, [{"start": 3, "end": 12}])


def test_fictional_number_helpers_reject_real_looking_values() -> None:
    assert is_fictional_phone("+44 7700 900127")
    assert is_fictional_phone("(312) 555-0178")
    assert is_fictional_phone("0491 570 156")
    assert not is_fictional_phone("07911 123456")
    assert not is_fictional_phone("(312) 555-2368")
    assert not is_fictional_phone("+61 412 345 678")
    assert is_example_email("a.b@example.co.nz")
    assert not is_example_email("a.b@gmail.com")
    assert not is_example_email("example.com")
    assert is_example_url("https://www.gofundme.example/x")
    assert not is_example_url("https://www.gofundme.com/example")
    assert is_documentation_ip("2001:db8::1")
    assert not is_documentation_ip("8.8.8.8")
