"""The one place the engine gets its learned models from.

``load_fast_model()``, ``load_encoder()`` and ``load_head(name)`` each load once per process
(thread-safe) and return an object with a ``version`` string that belongs in every
Assessment: the weight file's sha256 prefix, so a retrained model is a new version.
"""

from __future__ import annotations

import hashlib
import threading
from pathlib import Path

from primum.safety.ml.encoder import EMBEDDING_DIM, MiniLMEncoder, get_encoder
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
    "head_credential_attack.json": "f6a5b08e0dbc40865b1d45520df3125a83cb4257511e33ed4bd284c8ddc47c61",
    "head_doxxing.json": "a0792b7460a38b79a4d7097851c39ce9e7e2d2fe5009eb80a1452663f9419a06",
    "head_harassment.json": "c0c93d33f0aa10736f66f429adc97d5fa9d56bc89fef416119a25b21735b40ec",
    "head_identity_attack.json": "41946d07f5842544df1941bcdc39faa4fe86036b97169a8009d900877dc4ed76",
    "head_insult.json": "576cdccc52dfc6f13f0d06a1d56a8efed74740077e821c58046d1df5945e06d2",
    "head_mobilisation.json": "fdfbfbf74b7ad2d04d619c69d77084e2cf93488f19761fc16d371eefed0cade0",
    "head_offensive.json": "6b4ee02d1aacc6603bf155114c08424d8d55dd8fe4c575bed9a9b0f4443aa527",
    "head_self_harm_encouragement.json": "c5700701a8b7b21eddf6113d313b8faa63b9ede90fbaea8ccf762ba4cfd5ac1f",
    "head_sexual_harassment.json": "db603c30eee561469a2f6d6947a21cd726094708e0eea146c95815d4cdf24547",
    "head_threat.json": "861d544be80426dd223aaa9f2eb1725a8fa9eb281f18a50861fb9a8699f67983",
}

_lock = threading.Lock()
_fast: LinearModel | None = None
_heads: dict[str, LogisticHead] = {}


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


def load_encoder() -> MiniLMEncoder:
    """The MiniLM sentence encoder (numpy, no torch); loads ~90 MB on first use."""
    return get_encoder()


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

    version = f"head_{name}:{_short_digest(path)}+minilm:{MODEL_SHA256[:8]}:{IMPLEMENTATION}"
    return LogisticHead.load(path, version)
