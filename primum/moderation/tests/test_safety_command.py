"""`primum safety score` and `primum safety eval` (the management command ``safety``)."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from primum.moderation.management.commands import safety as command

HOSTILE = "I know which hospital you work at and when your shift ends. Watch your back."
CLINICAL = "GSW to the chest, shot twice; we had to kill the infection before closing."


def run(*args: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("safety", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def lines(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_score_jsonl_keeps_ids_and_order_and_scores_each_line(tmp_path):
    path = write(
        tmp_path,
        "in.jsonl",
        json.dumps({"id": "a1", "text": HOSTILE})
        + "\n\n"  # blank lines are skipped
        + json.dumps({"id": 7, "text": CLINICAL})
        + "\n"
        + json.dumps({"text": "Thanks for the pearl!"})
        + "\n",
    )
    out, err = run("score", str(path))
    rows = lines(out)
    assert [r.get("id", "<none>") for r in rows] == ["a1", 7, "<none>"]
    for row in rows:
        assert set(row) - {"id"} == {"decision", "target", "scores", "spans", "model_version"}
        assert row["decision"] in {"allow", "collapse", "hold"}
        assert all(0.0 <= v <= 1.0 for v in row["scores"].values())
        assert row["model_version"]
    assert rows[0]["decision"] != "allow"
    assert rows[0]["spans"], "a flagged text explains itself with spans"
    assert rows[1]["decision"] == "allow"
    assert "3/3" in err and "scoring [" in err


def test_score_csv_with_custom_column_to_an_output_file(tmp_path):
    path = write(
        tmp_path,
        "in.csv",
        'id,body\nr1,"' + HOSTILE + '"\nr2,"' + CLINICAL + '"\n',
    )
    target = tmp_path / "out.jsonl"
    out, err = run("score", str(path), "--text-field", "body", "--output", str(target))
    assert out == ""
    rows = lines(target.read_text(encoding="utf-8"))
    assert [r["id"] for r in rows] == ["r1", "r2"]
    assert rows[0]["decision"] != "allow" and rows[1]["decision"] == "allow"
    assert f"Wrote 2 results to {target}" in err


def test_score_batches_give_the_same_results_as_one_batch(tmp_path):
    texts = [HOSTILE, CLINICAL, "you are an idiot", "n = 12 proves nothing"] * 3
    path = write(tmp_path, "in.jsonl", "".join(json.dumps({"text": t}) + "\n" for t in texts))
    one, _ = run("score", str(path), "--no-progress", "--batch-size", "100")
    small, err = run("score", str(path), "--no-progress", "--batch-size", "5")
    assert one == small and len(lines(one)) == 12
    assert err == ""


def test_format_flag_overrides_the_file_name(tmp_path):
    path = write(tmp_path, "texts.txt", "text\nhello colleagues\n")
    out, _ = run("score", str(path), "--format", "csv", "--no-progress")
    assert len(lines(out)) == 1


def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(command.InputNotFound, match=r"Input file not found: .*nope\.jsonl"):
        run("score", str(tmp_path / "nope.jsonl"))


def test_bad_json_line_names_its_line_and_writes_nothing(tmp_path):
    path = write(tmp_path, "in.jsonl", '{"text": "fine"}\n{"text": oops}\n{"text": "x"}\n')
    target = tmp_path / "out.jsonl"
    with pytest.raises(command.BadJsonLine, match="line 2: not valid JSON") as caught:
        run("score", str(path), "--output", str(target))
    assert caught.value.line == 2 and caught.value.error_code == "bad_json_line"
    assert not target.exists()


def test_a_line_that_is_not_an_object_is_rejected(tmp_path):
    path = write(tmp_path, "in.jsonl", '["text"]\n')
    with pytest.raises(command.BadJsonLine, match="line 1: expected a JSON object, got list"):
        run("score", str(path))


def test_missing_text_field_in_jsonl_names_the_fields_found(tmp_path):
    path = write(tmp_path, "in.jsonl", '{"text": "ok"}\n{"id": 2, "body": "hi"}\n')
    out = StringIO()
    with pytest.raises(command.MissingTextField, match='line 2: no "text" field') as caught:
        call_command("safety", "score", str(path), stdout=out, stderr=StringIO())
    assert "body, id" in str(caught.value) and "--text-field" in str(caught.value)
    assert out.getvalue() == "", "nothing is written when any line is bad"


def test_text_that_is_not_a_string_is_rejected(tmp_path):
    path = write(tmp_path, "in.jsonl", '{"text": 12}\n')
    with pytest.raises(command.MissingTextField, match='"text" must be a string, got int'):
        run("score", str(path))


def test_csv_without_the_text_column_lists_the_columns(tmp_path):
    path = write(tmp_path, "in.csv", "id,body\n1,hello\n")
    with pytest.raises(command.MissingTextField, match=r'no "text" column \(columns: id, body\)'):
        run("score", str(path))


def test_empty_csv_and_short_rows_are_clear_errors(tmp_path):
    with pytest.raises(command.MissingTextField, match="empty"):
        run("score", str(write(tmp_path, "empty.csv", "")))
    with pytest.raises(command.MissingTextField, match='line 3: the row has no "text" value'):
        run("score", str(write(tmp_path, "short.csv", "id,text\n1,hi\n2\n")))


def test_non_utf8_input_is_a_clear_error(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_bytes(b'{"text": "caf\xe9"}\n')
    with pytest.raises(command.UnreadableInput, match="not UTF-8"):
        run("score", str(path))


def test_eval_prints_the_quality_report_for_the_engine_and_its_peers():
    out, _ = run("eval", "--split", "heldout", "--no-public-data")
    assert "Targeted harassment (heldout split)" in out
    for peer in ("primum engine (cascade)", "raw MiniLM head (no rules)", "alt-profanity-check"):
        assert peer in out
    assert "PHI guard (heldout)" in out and "Pile-on detector" in out
    data = json.loads(run("eval", "--split", "dev", "--no-public-data", "--json")[0])
    assert data["harassment"]["split"] == "dev" and "public_data" not in data
    engine = data["harassment"]["peers"]["primum engine (cascade)"]
    assert 0.0 <= engine["recall"] <= 1.0 and 0.0 <= engine["clinical_flagged_rate"] <= 1.0


def test_eval_refuses_an_unknown_split():
    with pytest.raises(CommandError, match="invalid choice"):
        run("eval", "--split", "test")
