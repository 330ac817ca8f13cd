"""The learned models: numpy MiniLM encoder, hashed linear model, heads, committed weights."""

from __future__ import annotations

import hashlib
import json
import math
import struct
import zlib
from pathlib import Path

import numpy as np
import numpy.typing as npt
import pytest

from primum.safety.ml import registry
from primum.safety.ml.encoder import (
    ADAPTER_MODULES,
    EMBEDDING_DIM,
    MODEL_SHA256,
    AdapterWeights,
    MiniLMEncoder,
    default_model_dir,
    erf,
    file_sha256,
    get_encoder,
    read_safetensors,
)
from primum.safety.ml.heads import LogisticHead
from primum.safety.ml.linear import LinearModel, featurize, text_features
from primum.safety.normalise import normalise
from primum.safety.training.train import best_f1_threshold

# --- encoder -----------------------------------------------------------------------------


def test_erf_matches_math_erf() -> None:
    grid = np.linspace(-6.0, 6.0, 24001, dtype=np.float32)
    reference = np.array([math.erf(float(value)) for value in grid])
    assert np.abs(erf(grid) - reference).max() < 1e-6


def test_read_safetensors_reads_the_format(tmp_path: Path) -> None:
    a = np.arange(6, dtype="<f4").reshape(2, 3)
    b = np.array([7, -1], dtype="<i8")
    header = {
        "__metadata__": {"format": "pt"},
        "a": {"dtype": "F32", "shape": [2, 3], "data_offsets": [0, 24]},
        "b": {"dtype": "I64", "shape": [2], "data_offsets": [24, 40]},
    }
    raw = json.dumps(header).encode()
    path = tmp_path / "t.safetensors"
    path.write_bytes(struct.pack("<Q", len(raw)) + raw + a.tobytes() + b.tobytes())
    tensors = read_safetensors(path)
    assert set(tensors) == {"a", "b"}
    np.testing.assert_array_equal(tensors["a"], a)
    np.testing.assert_array_equal(tensors["b"], b)


def test_installed_model_is_the_one_we_verified() -> None:
    assert file_sha256(default_model_dir() / "model.safetensors") == MODEL_SHA256


def test_embeddings_shape_norm_and_determinism() -> None:
    encoder = get_encoder()
    texts = ["A man is eating food.", "", "GSW to the chest, shot twice.", "😂😂"]
    first = encoder.embed_many(texts)
    assert first.shape == (4, EMBEDDING_DIM) and first.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(first, axis=1), 1.0, atol=1e-5)
    np.testing.assert_array_equal(first, encoder.embed_many(texts))
    assert encoder.embed_many([]).shape == (0, EMBEDDING_DIM)
    assert get_encoder() is encoder and registry.load_encoder() is encoder


def test_same_sentence_alone_and_in_a_padded_batch() -> None:
    encoder = get_encoder()
    sentence = "You should not be allowed to practise medicine."
    long_text = "This much longer sentence forces the short one to be padded in the batch. " * 4
    alone = encoder.embed(sentence)
    batch = encoder.embed_many([long_text, sentence, "ok"], batch_size=3)
    assert np.abs(batch[1] - alone).max() < 1e-5


def test_texts_longer_than_128_tokens_are_cut() -> None:
    encoder = get_encoder()
    ids = encoder.tokenize(["word " * 500])[0]
    assert len(ids) == 128
    assert np.isfinite(encoder.embed("word " * 500)).all()


def test_similarity_sanity() -> None:
    a, b, c, d = get_encoder().embed_many(
        [
            "A man is eating food.",
            "A man is eating a piece of bread.",
            "The girl is carrying a baby.",
            "Someone is having a meal.",
        ]
    )
    assert float(a @ b) > float(a @ c) + 0.3
    assert float(a @ d) > float(a @ c)
    # Known value for this pair with sentence-transformers (0.7553...).
    assert float(a @ b) == pytest.approx(0.7553, abs=2e-3)


# --- linear model ------------------------------------------------------------------------


def test_feature_hashes_are_stable_constants() -> None:
    features = text_features("idiot")
    assert features[0] == zlib.crc32(b"w\x00idiot") == 1724806737
    assert features[1] == zlib.crc32(b"c\x00 id")
    # word + (5 + 4 + 3) char grams of " idiot " (7 characters); no bigram for one word
    assert len(features) == 1 + 5 + 4 + 3
    assert len(text_features("you idiot")) == len(text_features("you")) + len(features) + 1


def test_batch_features_match_the_reference_definition() -> None:
    texts = ["you are an idiot", "", "one", "a b c d", "the patient's bp was 120/80 mmhg", "x" * 90]
    buckets = 1 << 12
    flat, rows, scale = featurize(texts, buckets)
    for row, text in enumerate(texts):
        expected = sorted(value % buckets for value in text_features(text))
        assert sorted(flat[rows == row].tolist()) == expected
        assert scale[row] == pytest.approx(1 / math.sqrt(max(len(expected), 1)))


def _toy_model() -> LinearModel:
    weights = np.zeros(1 << 10)
    for value in text_features("idiot"):
        weights[value % (1 << 10)] += 1.0
    return LinearModel(weights=weights, bias=-1.0, version="toy")


def test_linear_scores_are_deterministic_and_ordered() -> None:
    model = _toy_model()
    texts = ["you idiot", "thank you", "", "idiot idiot"]
    scores = model.score_many(texts)
    assert scores == model.score_many(texts)
    assert scores == [model.score(text) for text in texts]
    assert all(0.0 < score < 1.0 for score in scores)
    assert scores[0] > scores[1]
    assert scores[2] == pytest.approx(1 / (1 + math.e))  # bias only
    assert model.score_many([]) == []


def test_linear_model_save_load_round_trip(tmp_path: Path) -> None:
    model = _toy_model()
    model.save(tmp_path, "toy", extra={"threshold_best_f1_dev": 0.25})
    loaded = LinearModel.load(tmp_path, "toy", version="v")
    assert loaded.threshold == 0.25
    assert loaded.score_many(["you idiot", "hello"]) == model.score_many(["you idiot", "hello"])


def test_head_scores_and_shape_errors(tmp_path: Path) -> None:
    head = LogisticHead(name="t", weights=np.array([1.0, -1.0]), bias=0.0, version="v")
    assert head.score_many(np.array([[1.0, 0.0], [0.0, 0.0]])) == pytest.approx(
        [1 / (1 + math.exp(-1)), 0.5]
    )
    with pytest.raises(ValueError, match="expects"):
        head.score_many(np.zeros((1, 3)))
    loaded = LogisticHead.load(head.save(tmp_path / "h.json", threshold=0.4), version="v2")
    assert loaded.threshold == 0.4 and loaded.weights.tolist() == [1.0, -1.0]


def test_best_f1_threshold() -> None:
    labels = [1, 1, 0, 1, 0, 0]
    scores = [0.9, 0.8, 0.7, 0.6, 0.2, 0.1]
    # Cutting at 0.6 gives tp=3, predicted=4: F1 = 6/7, the best.
    assert best_f1_threshold(labels, scores) == 0.6
    assert best_f1_threshold([0, 0], [0.3, 0.4]) == 1.0


# --- the committed weights ---------------------------------------------------------------


def test_committed_weights_match_the_recorded_sha256() -> None:
    """A weight file that changes without `train.py` printing the new table fails here."""
    assert registry.WEIGHTS_SHA256, "run python -m primum.safety.training.train"
    assert registry.weights_sha256() == registry.WEIGHTS_SHA256
    total = sum(path.stat().st_size for path in registry.WEIGHTS_DIR.iterdir())
    assert total < 5 * 1024 * 1024


def test_the_gazetteer_matches_its_sha256_and_knows_towns_in_many_scripts() -> None:
    """``training/gazetteer.py`` writes the same bytes from the pinned GeoNames package."""
    import hashlib

    path = registry.WEIGHTS_DIR / registry.PLACES_NAME
    assert hashlib.sha256(path.read_bytes()).hexdigest() == registry.PLACES_SHA256
    places = registry.load_places()
    assert len(places) > 100_000
    for town in ("Kano", "Tralee", "Neukölln", "Campinas", "الطائف", "Λάρισα", "மதுரை", "Москва"):
        assert town in places, town
    assert "" not in places and "esukarudesu" not in places


def test_gazetteer_keeps_names_and_capitalised_or_other_script_alternates() -> None:
    from primum.safety.training.gazetteer import place_names

    cities: dict[str, dict[str, object]] = {
        "1": {"name": "Les Escaldes", "alternatenames": ["Escaldes", "esukarudesu", "Эскальдес"]},
        "2": {"name": "Ab", "alternatenames": ["Town (old)", "Town2", "Y=Z", "Ōita"]},
    }
    assert place_names(cities) == sorted(["Les Escaldes", "Escaldes", "Эскальдес", "Ōita"])


def test_fast_model_loads_and_separates_obvious_cases() -> None:
    model = registry.load_fast_model()
    assert model is registry.load_fast_model()
    npy = (registry.WEIGHTS_DIR / f"{registry.FAST_MODEL_NAME}.npy").read_bytes()
    meta = (registry.WEIGHTS_DIR / f"{registry.FAST_MODEL_NAME}.json").read_bytes()
    assert model.version == "fast_offensive:" + hashlib.sha256(npy + meta).hexdigest()[:12]
    hostile, calm = model.score_many(
        [
            normalise("you are a stupid f*cking 1d10t").folded.text,
            normalise("thanks, the patient was discharged home on day three").folded.text,
        ]
    )
    assert hostile > 0.5 > calm


def test_offensive_head_separates_obvious_cases() -> None:
    head = registry.load_head("offensive")
    assert "offensive" in registry.available_heads()
    assert head.version.startswith("head_offensive:") and MODEL_SHA256[:8] in head.version
    embeddings = get_encoder().embed_many(
        ["shut up you worthless piece of garbage", "the guideline update on sepsis is out today"]
    )
    hostile, calm = head.score_many(embeddings)
    assert hostile > 0.5 > calm
    with pytest.raises(KeyError, match="no head"):
        registry.load_head("nonexistent")


def test_head_predict_matches_score_many() -> None:
    head = LogisticHead(name="t", weights=np.array([0.5, -2.0]), bias=0.1, version="v")
    rows = np.array([[1.0, 0.0], [0.2, 0.3]])
    assert head.predict(rows).tolist() == head.score_many(rows)


# --- the fine-tuning adapter ---------------------------------------------------------------


def _toy_adapter(scale: float = 2.0, seed: int = 3) -> AdapterWeights:
    rng = np.random.default_rng(seed)
    arrays: dict[str, npt.NDArray[np.float32]] = {}
    shapes = {"qkv": (1152, 384), "out": (384, 384), "ff_in": (1536, 384), "ff_out": (384, 1536)}
    for layer in range(6):
        for module in ADAPTER_MODULES:
            out_features, in_features = shapes[module]
            arrays[f"{layer}.{module}.a"] = rng.normal(0, 0.02, (2, in_features)).astype(np.float32)
            arrays[f"{layer}.{module}.b"] = rng.normal(0, 0.02, (out_features, 2)).astype(
                np.float32
            )
    return AdapterWeights(rank=2, scale=scale, arrays=arrays, version="toy")


def test_adapter_round_trip_and_delta_orientation(tmp_path: Path) -> None:
    adapter = _toy_adapter()
    path = adapter.save(tmp_path)
    loaded = AdapterWeights.load(path, version="v")
    assert loaded.rank == 2 and loaded.scale == 2.0
    for name, array in adapter.arrays.items():
        np.testing.assert_array_equal(loaded.arrays[name], array)
    a, b = adapter.arrays["0.ff_in.a"], adapter.arrays["0.ff_in.b"]
    # numpy weights are stored (in, out): the delta is the transpose of torch's B @ A.
    np.testing.assert_allclose(adapter.delta(0, "ff_in"), (2.0 * (b @ a)).T, rtol=1e-6)
    assert adapter.delta(0, "ff_in").shape == (384, 1536)
    # Same bytes when saved twice (no zip timestamps).
    first = (tmp_path / "minilm_adapter.npy").read_bytes()
    adapter.save(tmp_path)
    assert (tmp_path / "minilm_adapter.npy").read_bytes() == first
    truncated = tmp_path / "bad"
    adapter.save(truncated)
    np.save(truncated / "minilm_adapter.npy", np.zeros(3, np.float32))
    with pytest.raises(ValueError, match="does not describe"):
        AdapterWeights.load(truncated / "minilm_adapter.json", version="v")


def test_an_adapter_changes_the_encoder_and_a_zero_one_does_not() -> None:
    texts = ["you are a disgrace to medicine", "GSW to the chest, shot twice"]
    base = get_encoder().embed_many(texts)
    zero = _toy_adapter(scale=0.0)
    np.testing.assert_allclose(MiniLMEncoder(adapter=zero).embed_many(texts), base, atol=1e-6)
    changed = MiniLMEncoder(adapter=_toy_adapter(scale=50.0))
    moved = changed.embed_many(texts)
    assert np.abs(moved - base).max() > 1e-3
    np.testing.assert_allclose(np.linalg.norm(moved, axis=1), 1.0, atol=1e-5)
    assert changed.version.endswith("+toy") and get_encoder().version in changed.version


def test_the_engine_reads_the_adapted_encoder_when_its_heads_ask_for_it() -> None:
    heads = {name: registry.load_head(name) for name in registry.available_heads()}
    assert heads["offensive"].encoder == "base"
    adapted = [name for name, head in heads.items() if head.encoder == "adapted"]
    if adapted:
        encoder = registry.load_encoder("adapted")
        assert encoder is registry.load_encoder("adapted")
        assert encoder is not registry.load_encoder("base")
        assert heads[adapted[0]].version.split("+", 1)[1].count("minilm_adapter:") == 1
    with pytest.raises(KeyError, match="no encoder"):
        registry.load_encoder("large")


def test_the_harassment_heads_read_the_adapted_encoder_and_separate_obvious_cases() -> None:
    names = registry.available_heads()
    assert "harassment" in names and "threat" in names
    head = registry.load_head("harassment")
    assert head.encoder == "adapted" and head.threshold is not None
    assert registry.load_head("threat").encoder == "adapted"
    encoder = registry.load_encoder("adapted")
    hostile, calm, clinical = head.score_many(
        encoder.embed_many(
            [
                "you worthless quack, hand back your licence before you kill someone",
                "the guideline update on sepsis is out today",
                "GSW to the chest, shot twice, massive transfusion protocol activated",
            ]
        )
    )
    assert hostile >= head.threshold > max(calm, clinical)
