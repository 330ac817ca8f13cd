"""The markup the PHI sets are written in: `[[code|text]]` around each identifier (nesting
allowed: a place inside a risky combination), and files of such lines under a `[PHI]` and a
`[PEARL]` heading. Used by ``bench/safety_phi_data.py`` (the evaluation sets) and by
``training/phi_tagger.py`` (the tagger's training files)."""

from __future__ import annotations

from pathlib import Path

__all__ = ["CODES", "Span", "parse", "read_marked_file"]

CODES = {
    "n": "name",
    "d": "date",
    "a": "age_over_89",
    "l": "location",
    "p": "phone",
    "f": "fax",
    "e": "email",
    "s": "ssn",
    "m": "mrn",
    "acc": "account_number",
    "hp": "health_plan_number",
    "lic": "licence_number",
    "v": "vehicle_id",
    "dev": "device_id",
    "u": "url",
    "ip": "ip_address",
    "bio": "biometric",
    "id": "other_unique_id",
    "r": "risky_combination",
}

Span = dict[str, object]


def parse(marked: str) -> tuple[str, list[Span]]:
    """Plain text and spans (``{"start", "end", "type"}``) from `[[code|text]]` markup."""
    out: list[str] = []
    spans: list[Span] = []
    stack: list[tuple[str, int]] = []
    i = 0
    length = 0
    while i < len(marked):
        if marked.startswith("[[", i):
            bar = marked.index("|", i)
            code = marked[i + 2 : bar]
            if code not in CODES:
                raise ValueError(f"unknown code {code!r} in {marked!r}")
            stack.append((CODES[code], length))
            i = bar + 1
        elif marked.startswith("]]", i) and stack:
            kind, start = stack.pop()
            spans.append({"start": start, "end": length, "type": kind})
            i += 2
        else:
            out.append(marked[i])
            length += 1
            i += 1
    if stack:
        raise ValueError(f"unclosed markup in {marked!r}")
    spans.sort(key=lambda s: (int(str(s["start"])), int(str(s["end"]))))
    return "".join(out), spans


def read_marked_file(path: Path, split: str, id_prefix: str) -> list[dict[str, object]]:
    """Rows (``id, text, spans, kind, split``) from a file of `[PHI]` then `[PEARL]` lines.
    A pearl with markup, or a PHI line without, is an error."""
    rows: list[dict[str, object]] = []
    kind = ""
    counts = {"phi": 0, "pearl": 0}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        if line.strip() in ("[PHI]", "[PEARL]"):
            kind = line.strip()[1:-1].lower()
            continue
        if not kind:
            raise ValueError(f"{path.name}: a line before the [PHI] heading")
        text, spans = parse(line)
        if kind == "pearl" and spans:
            raise ValueError(f"{path.name}: a pearl with identifiers: {line!r}")
        if kind == "phi" and not spans:
            raise ValueError(f"{path.name}: a PHI post without spans: {line!r}")
        counts[kind] += 1
        rows.append(
            {
                "id": f"{id_prefix}-{kind}-{counts[kind]:03d}",
                "text": text,
                "spans": spans,
                "kind": kind,
                "split": split,
            }
        )
    return rows
