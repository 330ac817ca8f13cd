"""The one place the engine gets its learned models from.

``load_fast_model()``, ``load_encoder()`` and ``load_head(name)`` each load once per process
(thread-safe) and return an object with a ``version`` string that belongs in every
Assessment: the weight file's sha256 prefix, so a retrained model is a new version.
"""

from __future__ import annotations

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
from primum.safety.ml.heads import LogisticHead
from primum.safety.ml.linear import LinearModel

__all__ = [
    "EMBEDDING_DIM",
    "FAST_MODEL_NAME",
    "WEIGHTS_DIR",
    "WEIGHTS_SHA256",
    "available_heads",
    "head_file_name",
    "load_encoder",
    "load_fast_model",
    "load_head",
    "weights_sha256",
]

WEIGHTS_DIR = Path(__file__).resolve().parent / "weights"
FAST_MODEL_NAME = "fast_offensive"

#: sha256 of every committed weight file, as printed by `python -m primum.safety.training.train`.
#: The tests fail when a weight file changes without this table changing with it.
WEIGHTS_SHA256: dict[str, str] = {
    "fast_offensive.json": "d5cbdb5341c6c55713487b79a92d8f1d37603fe352bf120d7617518a562b88d9",
    "fast_offensive.npy": "531e6475fc399fd9ece3b65589afc699ded5f04b460e604d2dde2ad6990ff013",
    "head_credential_attack.json": "8007db64b126726e059fcdfefea48f4273d3cd9576db7f9e40e44369f0a73108",
    "head_doxxing.json": "1a11b8ce5550ce9512021a34c74157540b5ef34083ba3ea41136a523a4e452d8",
    "head_harassment.json": "a689be8b0fc588ac964cf6f79d74ced3e4f60998aeb99d952f86ece41383f85f",
    "head_identity_attack.json": "35a031f87065c226a1993d36a8a7dcdfb9d1c28f1e4e6f51bb8d24c2f3e6222c",
    "head_insult.json": "66de08039a50f441d7426fdba12f195fd9e079cf3bc37bd8f498793df563f2e2",
    "head_mobilisation.json": "bbd441a96dc62bb27112020e19ef50b51d28d0b16a63de1f57147922165780af",
    "head_offensive.json": "3512e02c35ef0c96ea3caae8e149be5911671b19ef1f8f932d793ba612f5c817",
    "head_self_harm_encouragement.json": "882e11f8704ba3bd9c7f1a0be93f183c3071d8690429c0b426005a06abec742a",
    "head_sexual_harassment.json": "dfc3895c44aa0b4cb68aea786cb9d45d9b18596379d0b67093ac75aa08a03714",
    "head_threat.json": "ee5020d3e5d76f271abd379bb942c7f1059b433374bb304b007bfcec3243f06f",
    "minilm_adapter.json": "d85348ac5ce579ead2b666883e183dab0e7951babd07d54dcffc2d12506b01cc",
    "minilm_adapter.npy": "a8c8e6db9b9370cb3b1defb244d0cbebf5fe74988716ffab18772cc40c7760f3",
}

_lock = threading.Lock()
_fast: LinearModel | None = None
_heads: dict[str, LogisticHead] = {}
_adapted: MiniLMEncoder | None = None


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


def load_encoder(kind: str = "base") -> MiniLMEncoder:
    """The MiniLM sentence encoder (numpy, no torch); loads ~90 MB on first use.

    ``kind="adapted"``: the same weights with the fine-tuned adapter merged in
    (``weights/minilm_adapter.*``, see training/finetune.py).
    """
    global _adapted
    if kind == "base":
        return get_encoder()
    if kind != "adapted":
        raise KeyError(f"no encoder {kind!r} (known: base, adapted)")
    with _lock:
        if _adapted is None:
            path = WEIGHTS_DIR / f"{ADAPTER_NAME}.json"
            version = f"{ADAPTER_NAME}:{_short_digest(path, path.with_suffix('.npy'))}"
            _adapted = MiniLMEncoder(adapter=AdapterWeights.load(path, version))
        return _adapted


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
    if head.encoder == "adapted":
        adapter = path.parent / f"{ADAPTER_NAME}.json"
        encoder += f":{ADAPTER_NAME}:{_short_digest(adapter, adapter.with_suffix('.npy'))}"
    version = f"head_{name}:{_short_digest(path)}+{encoder}"
    return LogisticHead.load(path, version)
