"""The cascade on text not written in English: the multilingual head is a second gate."""

from __future__ import annotations

from typing import Any

import pytest

from primum.safety.engine import assess, assess_many, models
from primum.safety.ml import registry
from primum.safety.types import Context, Decision


def _spy_encoders(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, int]]:
    calls: list[tuple[str, int]] = []
    real = registry.load_encoder

    def spy(kind: str = "base") -> Any:
        encoder = real(kind)

        class Counting:
            version = encoder.version

            def embed_many(self, texts: Any, **kwargs: Any) -> Any:
                calls.append((kind, len(texts)))
                return encoder.embed_many(texts, **kwargs)

        return Counting()

    monkeypatch.setattr(registry, "load_encoder", spy)
    return calls


def test_the_multilingual_head_is_installed_and_versioned() -> None:
    head = models().heads["harassment_multilingual"]
    assert head.encoder == registry.MULTILINGUAL and head.threshold is not None
    assert "+e5:" in head.version


def test_english_text_never_reaches_the_multilingual_encoder(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls = _spy_encoders(monkeypatch)
    assess_many(
        ["you are a disgrace and should lose your licence", "Great talk today, thank you!"],
        [Context(aimed_at_person=True)] * 2,
    )
    assert calls and all(kind != registry.MULTILINGUAL for kind, _ in calls)


def test_other_languages_reach_it_even_when_calm(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _spy_encoders(monkeypatch)
    result = assess("Mañana empieza la rotación de cardiología, ¡qué ganas!")
    assert (registry.MULTILINGUAL, 1) in calls
    assert result.decision is Decision.ALLOW and result.path == "full"


@pytest.mark.parametrize(
    "text",
    [
        # Czech, Greek, Danish, Indonesian: no rule of the engine knows these words
        "Jste neschopná a zlá lékařka, měla byste okamžitě přijít o licenci a zmizet.",
        "Είσαι ένας άχρηστος και ανίκανος γιατρός, ντροπή σου, να χάσεις την άδειά σου.",
        "Du er en inkompetent og modbydelig læge, du burde miste din autorisation.",
        "Dokter bodoh dan tidak becus, seharusnya izin praktikmu dicabut, memalukan!",
    ],
)
def test_abuse_in_another_language_is_collapsed(text: str) -> None:
    result = assess(text, Context(aimed_at_person=True))
    assert result.decision is not Decision.ALLOW, result.scores
    head = models().heads["harassment_multilingual"]
    [scores] = models().full_scores([text], [False])
    assert head.threshold is not None and scores["harassment_multilingual"] >= head.threshold


def test_the_multilingual_model_explains_itself() -> None:
    # Greek: the English encoder reads next to nothing of it
    result = assess(
        "Είσαι ένας άχρηστος και ανίκανος γιατρός, ντροπή σου.", Context(aimed_at_person=True)
    )
    assert any("multilingual harassment model" in span.reason for span in result.spans)


@pytest.mark.parametrize(
    "text",
    [
        "Paciente de 67 años con dolor torácico, troponina elevada, se activa código infarto.",
        "Die Patientin wurde nach der Operation stabil auf die Station verlegt.",
        "Bác sĩ ơi, cảm ơn chị rất nhiều vì đã giúp đỡ gia đình em tối qua.",
        "Шановні колеги, дякую за чудову конференцію з кардіології.",
    ],
)
def test_clinical_and_kind_text_in_another_language_is_allowed(text: str) -> None:
    assert assess(text).decision is Decision.ALLOW


@pytest.mark.parametrize(
    "text",
    [
        # the English head scored these 0.7 and more (tokens it was never trained on) and
        # collapsed them until the eighth round: in another language only the multilingual
        # head opens the gate
        "@dr_lakshmi_peds మీ లెక్చర్ చాలా బాగుంది, నోట్స్ పంపగలరా?",
        "@dr_holm Jeg er uenig i regionens plan om at lukke fødeafdelingen, det er en dårlig beslutning",
    ],
)
def test_the_english_heads_do_not_read_other_languages(text: str) -> None:
    aimed = text.startswith("@")
    context = Context(aimed_at_person=aimed, is_reply=aimed)
    assert assess(text, context).decision is Decision.ALLOW
