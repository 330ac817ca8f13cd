"""The PHI guard's learned word tagger: token states and offsets, features, span joining,
loading, how the guard uses it, and the markup its training files are written in."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from primum.safety import phi
from primum.safety.ml import registry
from primum.safety.ml.encoder import EncoderNotInstalled
from primum.safety.ml.tagger import (
    FEATURE_NAMES,
    LABELS,
    WordTagger,
    features,
    in_context,
    spans_from,
    split_words,
)
from primum.safety.phi import PhiType, check_phi, check_phi_many
from primum.safety.training.phi_markup import parse, read_marked_file
from primum.safety.training.phi_tagger import Post, word_labels


def test_token_states_offsets_point_into_the_text() -> None:
    encoder = registry.load_minilm("base")
    texts = ["Mrs. Ñúñez, 92F — seen 3/14 😀", "ok", "\ud800 lone surrogate"]
    results = encoder.token_states(texts)
    assert len(results) == 3
    for text, (states, offsets) in zip(texts, results, strict=True):
        assert states.shape == (len(offsets), encoder.hidden)
        assert all(0 <= start < end <= len(text) for start, end in offsets)
    states, offsets = results[0]
    assert [texts[0][s:e] for s, e in offsets][:3] == ["Mrs", ".", "Ñúñez"]
    # The same text alone or in a batch gives the same states (padding does not leak).
    alone, _ = encoder.token_states([texts[0]])[0]
    assert np.allclose(alone, states, atol=1e-5)


def test_features_one_row_per_word_and_long_texts_run_in_windows() -> None:
    encoder = registry.load_minilm("base")
    text = " ".join(["word"] * 300) + " Maria"
    words = split_words(text)
    states, offsets = encoder.token_states([text])[0]
    assert len(offsets) == 301 and offsets[-1] == (text.index("Maria"), len(text))
    rows = features(text, words, states, offsets)
    assert rows.shape == (301, encoder.hidden + len(FEATURE_NAMES))
    assert rows[-1, : encoder.hidden].any()  # past the first 128 tokens, still a state
    assert rows[-1, encoder.hidden + FEATURE_NAMES.index("first_name")] == 1.0
    context = in_context(rows)
    width = rows.shape[1]
    assert context.shape == (301, 3 * width)
    assert not context[0, width : 2 * width].any()  # no word before the first
    assert not context[-1, 2 * width :].any()  # nor after the last


def _probs(*rows: tuple[float, ...]) -> np.ndarray:
    return np.asarray(rows, dtype=np.float32)


def test_spans_join_neighbours_of_one_label_and_drop_a_possessive() -> None:
    text = "Mrs. Alvarez's son, from Fargo, ND today"
    words = split_words(text)
    assert [w.text for w in words] == ["Mrs", "Alvarez's", "son", "from", "Fargo", "ND", "today"]
    name = (0.0, 1.0, 0.0, 0.0, 0.0)
    place = (0.0, 0.0, 1.0, 0.0, 0.0)
    other = (1.0, 0.0, 0.0, 0.0, 0.0)
    probs = _probs(name, name, other, other, place, place, other)
    spans = spans_from(text, words, probs, 0.5)
    assert [(text[s.start : s.end], s.label) for s in spans] == [
        ("Mrs. Alvarez", "name"),
        ("Fargo, ND", "location"),
    ]
    # Below the threshold nothing; two labels side by side stay two spans.
    assert spans_from(text, words, _probs(*[(0.6, 0.4, 0, 0, 0)] * 7), 0.5) == []
    mixed = spans_from(text, words, _probs(name, place, other, other, other, other, other), 0.5)
    assert [s.label for s in mixed] == ["name", "location"]


def test_loading_refuses_weights_for_other_labels(tmp_path: Path) -> None:
    source = registry.WEIGHTS_DIR / "phi_tagger.json"
    record = json.loads(source.read_text(encoding="utf-8"))
    record["labels"] = ["O", "name"]
    bad = tmp_path / "phi_tagger.json"
    bad.write_text(json.dumps(record), encoding="utf-8")
    (tmp_path / "phi_tagger.npy").write_bytes(source.with_suffix(".npy").read_bytes())
    with pytest.raises(ValueError, match="other labels"):
        WordTagger.load(bad, registry.load_minilm("base"), "v")


def test_committed_tagger_loads_once_with_a_version() -> None:
    tagger = registry.load_tagger()
    assert tagger is registry.load_tagger()
    assert tagger.version.startswith("phi_tagger:") and 0.5 < tagger.threshold < 1.0
    words, probs = tagger.probabilities(["Deshawn came back today"])[0]
    assert probs.shape == (len(words), len(LABELS))
    assert np.allclose(probs.sum(axis=1), 1.0, atol=1e-5)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Deshawn came back to clinic today, his mum says the inhaler ran out again", "Deshawn"),
        ("Grace is back on the ward after the hip op and wants her own pillow", "Grace"),
    ],
)
def test_the_tagger_finds_free_text_names_the_patterns_miss(text: str, name: str) -> None:
    assert not check_phi(text, learned=False).findings
    found = [f for f in check_phi(text).findings if f.type is PhiType.NAME]
    assert [f.text for f in found] == [name] and found[0].direct
    assert "word tagger" in found[0].reason


@pytest.mark.parametrize(
    "text",
    [
        "Wernicke encephalopathy: give thiamine before glucose",
        "Thanks to Priya for covering my night shift, legend",
        "Great talk on sepsis by our registrar at grand rounds today",
        "Temp 98 F, sats 95 % on air.",
    ],
)
def test_the_tagger_leaves_pearls_alone(text: str) -> None:
    assert check_phi(text).findings == ()


def test_patterns_win_overlaps_and_numeric_ages_stay_theirs() -> None:
    report = check_phi("Mrs Oyelaran, 94, seen on the 21st")
    reasons = {f.text: f.reason for f in report.findings}
    assert "word tagger" not in reasons["Mrs Oyelaran"]
    assert all(
        "word tagger" not in f.reason for f in report.findings if f.type is PhiType.AGE_OVER_89
    )


def test_without_the_tagger_the_patterns_still_run(monkeypatch: pytest.MonkeyPatch) -> None:
    def missing() -> WordTagger:
        raise EncoderNotInstalled("not here")

    monkeypatch.setattr(registry, "load_tagger", missing)
    text = "Deshawn, MRN 00482913, came back"
    assert [f.type for f in check_phi(text).findings] == [PhiType.MRN]
    assert check_phi(text, learned=False) == check_phi(text)


def test_learned_false_never_loads_the_tagger(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse() -> WordTagger:
        raise AssertionError("loaded")

    monkeypatch.setattr(registry, "load_tagger", refuse)
    assert check_phi_many(["Deshawn came back", ""], learned=False)[0].findings == ()
    # One-word texts never reach the tagger either.
    assert check_phi("Deshawn").findings == ()
    assert phi._TAGGABLE.search("two words")


def test_batched_and_single_checks_agree() -> None:
    texts = ["Deshawn came back", "Wernicke encephalopathy", "", "MRN 00482913 for Grace"]
    assert check_phi_many(texts) == [check_phi(text) for text in texts]


# --- the training side --------------------------------------------------------------------


def test_markup_parses_nesting_and_refuses_errors(tmp_path: Path) -> None:
    text, spans = parse("[[r|the only [[l|Yakima]] kid]] and [[n|Mr. Tran]]")
    assert text == "the only Yakima kid and Mr. Tran"
    assert [(text[int(str(s["start"])) : int(str(s["end"]))], s["type"]) for s in spans] == [
        ("the only Yakima kid", "risky_combination"),
        ("Yakima", "location"),
        ("Mr. Tran", "name"),
    ]
    with pytest.raises(ValueError, match="unclosed"):
        parse("[[n|Mr. Tran")
    with pytest.raises(ValueError, match="unknown code"):
        parse("[[zz|x]]")
    path = tmp_path / "set.txt"
    path.write_text("[PHI]\n[[n|Ann]] came\n[PEARL]\nno names here\n", encoding="utf-8")
    rows = read_marked_file(path, "train", "t")
    assert [(r["id"], r["kind"]) for r in rows] == [("t-phi-001", "phi"), ("t-pearl-001", "pearl")]
    path.write_text("[PHI]\nno markup\n", encoding="utf-8")
    with pytest.raises(ValueError, match="without spans"):
        read_marked_file(path, "train", "t")
    path.write_text("[PEARL]\n[[n|Ann]] came\n", encoding="utf-8")
    with pytest.raises(ValueError, match="pearl with identifiers"):
        read_marked_file(path, "train", "t")


def test_word_labels_follow_the_spans() -> None:
    text, spans = parse("[[r|the only [[l|Yakima]] kid]] saw [[n|Mr. Tran]], MRN [[m|0048]]")
    post = Post(
        text,
        tuple((int(str(s["start"])), int(str(s["end"])), str(s["type"])) for s in spans),
        False,
        "t",
    )
    words = [w.text for w in split_words(text)]
    labels = dict(zip(words, (LABELS[i] for i in word_labels(post)), strict=True))
    assert labels["Yakima"] == "location" and labels["Tran"] == labels["Mr"] == "name"
    assert labels["only"] == "O"  # the risky-combination wrapper is not a tagger label
    assert labels["0048"] == "O"  # record numbers are the patterns'


def test_training_files_parse() -> None:
    from primum.safety.training.phi_tagger import DATA

    files = sorted(DATA.glob("phi_train_*.txt"))
    assert files
    for path in files:
        rows = read_marked_file(path, "train", path.stem)
        assert sum(r["kind"] == "phi" for r in rows) >= 100
        assert sum(r["kind"] == "pearl" for r in rows) >= 100
