"""The one place the engine gets its learned models from.

``load_fast_model()``, ``load_encoder()`` and ``load_head(name)`` each load once per process
(thread-safe) and return an object with a ``version`` string that belongs in every
Assessment: the weight file's sha256 prefix, so a retrained model is a new version.
"""

from __future__ import annotations

import gzip
import hashlib
import threading
from pathlib import Path

from primum.safety.ml.encoder import (
    ADAPTER_NAME,
    EMBEDDING_DIM,
    AdapterWeights,
    MiniLMEncoder,
    get_encoder,
)
from primum.safety.ml.heads import LogisticHead, SentenceEncoder
from primum.safety.ml.linear import LinearModel
from primum.safety.ml.tagger import TAGGER_NAME, WordTagger

__all__ = [
    "EMBEDDING_DIM",
    "FAST_MODEL_NAME",
    "MULTILINGUAL",
    "PLACES_NAME",
    "PLACES_SHA256",
    "WEIGHTS_DIR",
    "WEIGHTS_SHA256",
    "available_heads",
    "head_file_name",
    "load_encoder",
    "load_fast_model",
    "load_head",
    "load_places",
    "load_tagger",
    "weights_sha256",
]

WEIGHTS_DIR = Path(__file__).resolve().parent / "weights"
FAST_MODEL_NAME = "fast_offensive"
#: The encoder kind of heads that read multilingual-e5-small (``ml/multilingual.py``).
MULTILINGUAL = "e5"
#: The PHI guard's gazetteer of town and city names (``training/gazetteer.py`` writes it).
PLACES_NAME = "places.txt.gz"
PLACES_SHA256 = "b40cd8fd19b3b3ef538db66ddf7329ad619ba80666f4c9ef61ea8c674b978474"

#: sha256 of every committed weight file, as printed by `python -m primum.safety.training.train`.
#: The tests fail when a weight file changes without this table changing with it.
WEIGHTS_SHA256: dict[str, str] = {
    "fast_offensive.json": "d5cbdb5341c6c55713487b79a92d8f1d37603fe352bf120d7617518a562b88d9",
    "fast_offensive.npy": "531e6475fc399fd9ece3b65589afc699ded5f04b460e604d2dde2ad6990ff013",
    "head_credential_attack.json": "ee34d0f0ce14fe5ec0fe2d6d1c932efe69f6932d750e3325054cef072acfd32c",
    "head_doxxing.json": "59368a0af250b4887911da817784ad2a4df54c65f69647a144005479e03cb798",
    "head_harassment.json": "a5c5c1243ece424b6d1cf14eb18085542fe42010ec169fe3328501cf55290fbf",
    "head_identity_attack.json": "7e9c8e7712ba094719ebff613228c5307a8bf5975e7ec33949465be047a8a8a4",
    "head_harassment_multilingual.json": "81e6d85cf9437e4d49c28e3089f4bbf2f5dd916ec4e795240b39a3fa379395d6",
    "head_insult.json": "9b755743b5912d4fee783ca842d4f0826e9090834d8d6a2474d451896f8b335b",
    "head_mobilisation.json": "510f7fc2e87c531953974623a80773709c389cdb70ac315c0a996511eb9a9ded",
    "head_offensive.json": "3512e02c35ef0c96ea3caae8e149be5911671b19ef1f8f932d793ba612f5c817",
    "head_self_harm_encouragement.json": "4d578eab75a26c32e273759dd892c9a06068ee3d57e62c9f88aedf7ff35d987f",
    "head_sexual_harassment.json": "45fe6e7ee86cd7688810f08ac2f335a72553b394f37ac23dc3f3beea6c4f03a1",
    "head_threat.json": "91a4fed723d16a5091fd9f79ee14eb8248f63a3032d20f76f9f5780d5d8080d5",
    "minilm_adapter.json": "d85348ac5ce579ead2b666883e183dab0e7951babd07d54dcffc2d12506b01cc",
    "minilm_adapter.npy": "434b21e9abb11602a52c7eece6336fea252b42a6838f50565d2c737a64c0193f",
    # The PHI guard's word tagger: `python -m primum.safety.training.phi_tagger` prints these.
    "phi_tagger.json": "fa431f5be5c32d9488c1c91b38d73608e216f89cc65dc5402877f540f421e53d",
    "phi_tagger.npy": "2aa19aca0ba10ffb0dd2932c2efa495df27cea9c77320e921a68974624bcfa81",
}

_lock = threading.Lock()
_fast: LinearModel | None = None
_heads: dict[str, LogisticHead] = {}
_adapted: MiniLMEncoder | None = None
_tagger: WordTagger | None = None


def head_file_name(name: str) -> str:
    return f"head_{name}.json"


def weights_sha256(directory: Path = WEIGHTS_DIR) -> dict[str, str]:
    """{file name: sha256} of the weight files in ``directory``."""
    return {
        path.name: hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(directory.iterdir())
        if path.is_file() and path.suffix in (".json", ".npy")
    }


def _short_digest(*paths: Path) -> str:
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def load_fast_model(directory: Path = WEIGHTS_DIR) -> LinearModel:
    """The fast path's linear P(offensive) model (scores folded normalised text)."""
    global _fast
    if directory != WEIGHTS_DIR:
        return _read_fast(directory)
    with _lock:
        if _fast is None:
            _fast = _read_fast(directory)
        return _fast


def _read_fast(directory: Path) -> LinearModel:
    npy = directory / f"{FAST_MODEL_NAME}.npy"
    meta = directory / f"{FAST_MODEL_NAME}.json"
    version = f"{FAST_MODEL_NAME}:{_short_digest(npy, meta)}"
    return LinearModel.load(directory, FAST_MODEL_NAME, version)


def load_encoder(kind: str = "base") -> SentenceEncoder:
    """A sentence encoder (numpy, no torch); each loads ~90 MB on first use.

    ``kind="base"``: all-MiniLM-L6-v2 as shipped; ``"adapted"``: the same weights with the
    fine-tuned adapter merged in (``weights/minilm_adapter.*``, see training/finetune.py);
    ``"e5"`` (``MULTILINGUAL``): multilingual-e5-small (``ml/multilingual.py``).
    """
    if kind == MULTILINGUAL:
        from primum.safety.ml.multilingual import get_multilingual_encoder

        return get_multilingual_encoder()
    return load_minilm(kind)


def load_minilm(kind: str = "base") -> MiniLMEncoder:
    """The MiniLM sentence encoder, as shipped (``"base"``) or adapted (``"adapted"``)."""
    global _adapted
    if kind == "base":
        return get_encoder()
    if kind != "adapted":
        raise KeyError(f"no encoder {kind!r} (known: base, adapted, {MULTILINGUAL})")
    with _lock:
        if _adapted is None:
            path = WEIGHTS_DIR / f"{ADAPTER_NAME}.json"
            version = f"{ADAPTER_NAME}:{_short_digest(path, path.with_suffix('.npy'))}"
            _adapted = MiniLMEncoder(adapter=AdapterWeights.load(path, version))
        return _adapted


def load_tagger(directory: Path = WEIGHTS_DIR) -> WordTagger:
    """The PHI guard's word tagger (``weights/phi_tagger.json``) on the base encoder."""
    global _tagger
    path = directory / f"{TAGGER_NAME}.json"
    if directory != WEIGHTS_DIR:
        return WordTagger.load(path, load_minilm("base"), f"{TAGGER_NAME}:{_short_digest(path)}")
    with _lock:
        if _tagger is None:
            encoder = get_encoder()  # load_encoder("base") takes the same lock
            _tagger = WordTagger.load(path, encoder, f"{TAGGER_NAME}:{_short_digest(path)}")
        return _tagger


_places: frozenset[str] | None = None


def load_places() -> frozenset[str]:
    """The names of the world's towns and cities of 15,000 people or more, in every script
    GeoNames has them (``weights/places.txt.gz``); empty when the file is missing."""
    global _places
    if _places is not None:  # read on every PHI check: no lock once loaded
        return _places
    with _lock:
        if _places is None:
            path = WEIGHTS_DIR / PLACES_NAME
            if path.exists():
                text = gzip.decompress(path.read_bytes()).decode("utf-8")
                _places = frozenset(text.split("\n")) - {""}
            else:
                _places = frozenset()
        return _places


def available_heads(directory: Path = WEIGHTS_DIR) -> list[str]:
    return sorted(path.name[5:-5] for path in directory.glob("head_*.json"))


def load_head(name: str, directory: Path = WEIGHTS_DIR) -> LogisticHead:
    """A logistic head on MiniLM embeddings. Its version names the encoder version too."""
    path = directory / head_file_name(name)
    if not path.is_file():
        raise KeyError(f"no head {name!r} (known: {', '.join(available_heads(directory))})")
    if directory != WEIGHTS_DIR:
        return _read_head(path, name)
    with _lock:
        head = _heads.get(name)
        if head is None:
            head = _heads[name] = _read_head(path, name)
        return head


def _read_head(path: Path, name: str) -> LogisticHead:
    from primum.safety.ml.encoder import IMPLEMENTATION, MODEL_SHA256

    head = LogisticHead.load(path, "")
    encoder = f"minilm:{MODEL_SHA256[:8]}:{IMPLEMENTATION}"
    if head.encoder == MULTILINGUAL:
        from primum.safety.ml import multilingual

        encoder = f"e5:{multilingual.E5_SHA256[:8]}:{multilingual.IMPLEMENTATION}"
    elif head.encoder == "adapted":
        adapter = path.parent / f"{ADAPTER_NAME}.json"
        encoder += f":{ADAPTER_NAME}:{_short_digest(adapter, adapter.with_suffix('.npy'))}"
    version = f"head_{name}:{_short_digest(path)}+{encoder}"
    return LogisticHead.load(path, version)
