"""Logistic heads on MiniLM sentence embeddings: ``P(label) = sigmoid(w · embedding + b)``.

A head is a small JSON file (384 weights rounded to 5 decimals, a bias, and the best-F1
threshold chosen on dev data when there is one), so it diffs, reviews and reproduces
bit for bit.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import numpy as np
import numpy.typing as npt

__all__ = ["LogisticHead", "SentenceEncoder"]


class SentenceEncoder(Protocol):
    """What a head reads: L2-normalised sentence embeddings, one row per text."""

    version: str

    def embed_many(
        self, texts: Sequence[str], *, batch_size: int = 32
    ) -> npt.NDArray[np.float32]: ...


@dataclass(frozen=True)
class LogisticHead:
    name: str
    weights: npt.NDArray[np.float64]  # (embedding dim,)
    bias: float
    version: str
    threshold: float | None = None
    #: Which embeddings it reads: "base" (all-MiniLM-L6-v2 as shipped), "adapted" (with the
    #: fine-tuned adapter, ``weights/minilm_adapter.*``) or "e5" (multilingual-e5-small).
    encoder: str = "base"

    def logits(self, embeddings: npt.NDArray[np.floating]) -> npt.NDArray[np.float64]:
        matrix = np.asarray(embeddings, dtype=np.float64)
        if matrix.ndim != 2 or matrix.shape[1] != self.weights.shape[0]:
            raise ValueError(
                f"head {self.name!r} expects (n, {self.weights.shape[0]}) embeddings, got {matrix.shape}"
            )
        result: npt.NDArray[np.float64] = matrix @ self.weights + self.bias
        return result

    def score_many(self, embeddings: npt.NDArray[np.floating]) -> list[float]:
        """P(label) per row of ``embeddings``."""
        scores: list[float] = (1.0 / (1.0 + np.exp(-self.logits(embeddings)))).tolist()
        return scores

    def predict(self, embeddings: npt.NDArray[np.floating]) -> npt.NDArray[np.float64]:
        """P(label) per row, as an array (``score_many`` returns a list)."""
        result: npt.NDArray[np.float64] = 1.0 / (1.0 + np.exp(-self.logits(embeddings)))
        return result

    def save(self, path: Path, *, threshold: float | None = None) -> Path:
        record = {
            "name": self.name,
            "bias": self.bias,
            "threshold_best_f1_dev": threshold if threshold is not None else self.threshold,
            "encoder": self.encoder,
            "weights": [float(value) for value in self.weights],
        }
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(record, sort_keys=True) + "\n", encoding="utf-8")
        return path

    @classmethod
    def load(cls, path: Path, version: str) -> LogisticHead:
        record = json.loads(path.read_text("utf-8"))
        weights = np.array(record["weights"], dtype=np.float64)
        weights.setflags(write=False)
        threshold = record.get("threshold_best_f1_dev")
        return cls(
            name=str(record["name"]),
            weights=weights,
            bias=float(record["bias"]),
            version=version,
            threshold=float(threshold) if threshold is not None else None,
            encoder=str(record.get("encoder", "base")),
        )
