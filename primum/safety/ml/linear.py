"""The fast path's linear model: P(offensive) from hashed word and character n-grams.

Input is the *folded* normalised text (``normalise(text).folded.text``: lower case,
look-alikes, leetspeak, spacing and repeats undone). Features:

* every word (``\\w+`` with inner apostrophes) and every pair of adjacent words;
* the character 3-, 4- and 5-grams of each word padded with a space on both sides
  (words longer than 40 characters use their first 40).

Each feature is hashed with ``zlib.crc32`` (stable across processes and machines, unlike
``hash()``) into ``buckets`` slots. A text's vector holds the count of each slot divided by
the square root of its number of features; the score is ``sigmoid(bias + w · x)``.
Per-word features are cached, so scoring costs little more than a regex and a few dict
look-ups per word.
"""

from __future__ import annotations

import json
import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain
from pathlib import Path

import numpy as np
import numpy.typing as npt

__all__ = [
    "DEFAULT_BUCKETS",
    "LinearModel",
    "featurize",
    "text_features",
]

DEFAULT_BUCKETS = 1 << 18
_MAX_WORD = 40
_WORD = re.compile(r"\w+(?:['’]\w+)*")
_BIGRAM_SALT = 0x5BD1E995


_CACHE_LIMIT = 1 << 18
_word_cache: dict[str, bytes] = {}


def _word_features(word: str) -> bytes:
    """Hashes of the word itself (first) and of its char 3–5-grams, as little-endian uint32.

    Cached as bytes: a batch joins them with one ``bytes.join`` and reads them with one
    ``numpy.frombuffer``, far cheaper than converting Python ints one by one.
    """
    cached = _word_cache.get(word)
    if cached is not None:
        return cached
    padded = f" {word[:_MAX_WORD]} "
    hashes = [zlib.crc32(b"w\x00" + word.encode("utf-8"))]
    for size in (3, 4, 5):
        for start in range(len(padded) - size + 1):
            hashes.append(zlib.crc32(b"c\x00" + padded[start : start + size].encode("utf-8")))
    result = np.array(hashes, dtype="<u4").tobytes()
    if len(_word_cache) >= _CACHE_LIMIT:
        _word_cache.clear()  # a rare full reset keeps memory bounded without bookkeeping
    _word_cache[word] = result
    return result


def _bigram_hash(previous: int, current: int) -> int:
    return ((previous * 0x01000193) ^ current ^ _BIGRAM_SALT) & 0xFFFFFFFF


def text_features(folded: str) -> list[int]:
    """32-bit feature hashes of one folded text (duplicates kept: they count).

    The reference definition; :func:`featurize` computes the same for a batch, faster.
    """
    hashes: list[int] = []
    previous: int | None = None
    for word in _WORD.findall(folded):
        word_hashes = np.frombuffer(_word_features(word), dtype="<u4").tolist()
        hashes.extend(word_hashes)
        if previous is not None:
            hashes.append(_bigram_hash(previous, word_hashes[0]))
        previous = word_hashes[0]
    return hashes


def featurize(
    folded_texts: Sequence[str], buckets: int
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.float64]]:
    """Sparse rows as (bucket index per feature, row per feature, scale per row).

    ``x[row, bucket] = count / sqrt(n_features(row))``; the training script builds the
    same matrix from this, so training and scoring cannot drift apart. Only the word split
    and a dict look-up per word run in Python; the rest is numpy.
    """
    findall = _WORD.findall
    words_per_text = [findall(text) for text in folded_texts]
    n_texts = len(folded_texts)
    text_lengths = np.fromiter(map(len, words_per_text), dtype=np.int64, count=n_texts)
    words = list(chain.from_iterable(words_per_text))
    get = _word_cache.get
    per_word = [get(word) or _word_features(word) for word in words]
    sizes = np.fromiter(map(len, per_word), dtype=np.int64, count=len(per_word)) // 4
    hashes = np.frombuffer(b"".join(per_word), dtype="<u4").astype(np.int64)
    word_rows = np.repeat(np.arange(n_texts, dtype=np.int64), text_lengths)
    # Bigrams: adjacent words of the same text, hashed from the two word hashes.
    word_hashes = hashes[np.cumsum(sizes) - sizes]
    same_text = word_rows[1:] == word_rows[:-1]
    bigrams = (
        (word_hashes[:-1][same_text] * 0x01000193) ^ word_hashes[1:][same_text] ^ _BIGRAM_SALT
    ) & 0xFFFFFFFF
    flat = np.concatenate([hashes, bigrams]) % buckets
    rows = np.concatenate([np.repeat(word_rows, sizes), word_rows[1:][same_text]])
    counts = np.bincount(rows, minlength=n_texts)
    scale = 1.0 / np.sqrt(np.maximum(counts, 1).astype(np.float64))
    return flat, rows, scale


@dataclass(frozen=True)
class LinearModel:
    weights: npt.NDArray[np.float64]  # one per bucket
    bias: float
    version: str
    threshold: float | None = None  # best-F1 threshold on dev data, when known

    @property
    def buckets(self) -> int:
        return int(self.weights.shape[0])

    def logits_many(self, folded_texts: Sequence[str]) -> npt.NDArray[np.float64]:
        flat, rows, scale = featurize(folded_texts, self.buckets)
        sums = np.bincount(rows, weights=self.weights[flat], minlength=len(folded_texts))
        result: npt.NDArray[np.float64] = self.bias + sums * scale
        return result

    def score_many(self, folded_texts: Sequence[str]) -> list[float]:
        """P(offensive) for each folded text, in input order."""
        if not folded_texts:
            return []
        logits = self.logits_many(folded_texts)
        scores: list[float] = (1.0 / (1.0 + np.exp(-logits))).tolist()
        return scores

    def score(self, folded_text: str) -> float:
        return self.score_many([folded_text])[0]

    # Storage: <name>.npy (float32 weights, numpy's own header) + <name>.json (the rest).
    def save(
        self, directory: Path, name: str, *, extra: dict[str, float] | None = None
    ) -> tuple[Path, Path]:
        directory.mkdir(parents=True, exist_ok=True)
        npy = directory / f"{name}.npy"
        meta = directory / f"{name}.json"
        np.save(npy, self.weights.astype("<f4"), allow_pickle=False)
        meta.write_text(
            json.dumps(
                {"bias": self.bias, "buckets": self.buckets, **(extra or {})},
                indent=2,
                sort_keys=True,
            )
            + "\n",
            encoding="utf-8",
        )
        return npy, meta

    @classmethod
    def load(cls, directory: Path, name: str, version: str) -> LinearModel:
        meta = json.loads((directory / f"{name}.json").read_text("utf-8"))
        weights = np.load(directory / f"{name}.npy", allow_pickle=False).astype(np.float64)
        if weights.shape != (int(meta["buckets"]),):
            raise ValueError(f"{name}.npy has shape {weights.shape}, expected ({meta['buckets']},)")
        weights.setflags(write=False)
        threshold = meta.get("threshold_best_f1_dev")
        return cls(
            weights=weights,
            bias=float(meta["bias"]),
            version=version,
            threshold=float(threshold) if threshold is not None else None,
        )
