"""A learned word tagger for the PHI guard: names, places, dates and ages written in free text.

The PHI guard's patterns (``primum/safety/phi.py``) know the forms identifiers take — a title
before a name, a street type after a number, a month before a day. A new writer's free text
defeats them: "Deshawn came back", "drove in from Tillamook", "the Tuesday after
Thanksgiving". This tagger reads each word in context instead: the last hidden state of
all-MiniLM-L6-v2 (as shipped, no adapter) for the word's word pieces, averaged, beside a few
spelling features the uncased model cannot see (capitals, digits, sentence start, a title
before it, the name lists in ``phi_names``). Each word's features beside its two neighbours'
go through a small network (one hidden layer of ReLUs) that gives P(label) per word for the
labels in ``LABELS``; a word is an identifier when 1 - P(O) reaches the threshold, and
neighbouring words of one label join into one span.

The weights (``weights/phi_tagger.json`` and ``.npy``, about 1.2 MB) are written by
``python -m primum.safety.training.phi_tagger``, which also chose the threshold on its
cross-validated predictions (see there). Pure numpy: no Django, no PyTorch.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from primum.safety.ml.encoder import MiniLMEncoder
from primum.safety.phi_names import FIRST_NAMES, SURNAMES

__all__ = [
    "FEATURE_NAMES",
    "LABELS",
    "TAGGER_NAME",
    "TaggedSpan",
    "Word",
    "WordTagger",
    "features",
    "in_context",
    "network_probabilities",
    "split_words",
]

TAGGER_NAME = "phi_tagger"
#: "O" (not an identifier) first; the others are values of primum.safety.phi.PhiType.
LABELS: tuple[str, ...] = ("O", "name", "location", "date", "age_over_89")

Array = npt.NDArray[np.float32]

#: A word: letters and digits, with inner apostrophes (O'Sullivan, Alvarez's).
#: Combining marks (Unicode categories Mn and Mc): the vowel signs of Devanagari, Tamil, Thai,
#: Khmer, Burmese … are not word characters to ``re``, and "सुनीता" must stay one word, not
#: "स", "न", "त".
_MARKS = "".join(
    re.escape(chr(code))
    for code in range(0x300, 0x10000)
    if unicodedata.category(chr(code)) in ("Mn", "Mc")
)
_LETTERS = rf"(?:[^\W_]|[{_MARKS}])"
_WORD = re.compile(rf"[^\W_]{_LETTERS}*(?:['’]{_LETTERS}+)*")
_POSSESSIVE = re.compile(r"['’][sS]$")
_SENTENCE_END = re.compile(r"[.!?:;\n]\s*$|^\s*$")
_PERSON_TITLE_WORDS = "mr mrs ms miss mx mister master madam sir"
_CLINICIAN_TITLE_WORDS = (
    "dr doctor prof professor nurse sister consultant registrar resident attending"
)
_PLACE_CUE_WORDS = "in from at near to of outside around"
_KIN_WORDS_TEXT = """son daughter wife husband partner mother mom mum father dad brother sister aunt
    uncle niece nephew grandson granddaughter grandma grandpa gran nan baby patient pt"""
_CALENDAR_WORDS = """january february march april may june july august september october november
    december jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday
    friday saturday sunday christmas easter thanksgiving halloween diwali eid hanukkah"""
_PERSON_TITLES = frozenset(_PERSON_TITLE_WORDS.split())
_CLINICIAN_TITLES = frozenset(_CLINICIAN_TITLE_WORDS.split())
_PLACE_WORDS = frozenset(_PLACE_CUE_WORDS.split())
_KIN_WORDS = frozenset(_KIN_WORDS_TEXT.split())
_CALENDAR = frozenset(_CALENDAR_WORDS.split())

FEATURE_NAMES: tuple[str, ...] = (
    "title_case",
    "all_caps",
    "lower",
    "has_digit",
    "all_digits",
    "sentence_start",
    "first_name",
    "surname",
    "after_person_title",
    "after_clinician_title",
    "after_place_word",
    "after_kin_word",
    "next_title_case",
    "prev_title_case",
    "possessive",
    "short",
    "calendar_word",
    "number_90_plus",
)


@dataclass(frozen=True, slots=True)
class Word:
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class TaggedSpan:
    start: int
    end: int
    label: str
    score: float


def split_words(text: str) -> list[Word]:
    return [Word(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]


def _title_case(word: str) -> bool:
    return word[:1].isupper() and (len(word) == 1 or not word[1:].isupper())


def _spelling(text: str, words: Sequence[Word]) -> Array:
    rows = np.zeros((len(words), len(FEATURE_NAMES)), dtype=np.float32)
    for index, word in enumerate(words):
        w = word.text
        bare = _POSSESSIVE.sub("", w)
        lower = bare.lower()
        previous = words[index - 1].text.lower() if index else ""
        gap_before = text[words[index - 1].end : word.start] if index else text[: word.start]
        rows[index] = (
            _title_case(w),
            len(bare) > 1 and bare.isupper(),
            w.islower(),
            any(ch.isdigit() for ch in w),
            w.isdigit(),
            index == 0 or bool(_SENTENCE_END.search(gap_before)),
            lower.capitalize() in FIRST_NAMES,
            lower.capitalize() in SURNAMES,
            previous in _PERSON_TITLES,
            previous in _CLINICIAN_TITLES,
            previous in _PLACE_WORDS,
            previous in _KIN_WORDS,
            index + 1 < len(words) and _title_case(words[index + 1].text),
            index > 0 and _title_case(words[index - 1].text),
            bare != w,
            len(bare) <= 2,
            lower in _CALENDAR,
            w.isdigit() and 90 <= int(w) <= 120,
        )
    return rows


def features(
    text: str, words: Sequence[Word], states: Array, offsets: Sequence[tuple[int, int]]
) -> Array:
    """One row per word: the mean hidden state of the word pieces inside it, then the
    spelling features (``FEATURE_NAMES``). A word with no word piece (none of its characters
    known to the tokenizer) gets a zero state."""
    dim = states.shape[1] if states.ndim == 2 else 0
    contextual = np.zeros((len(words), dim), dtype=np.float32)
    piece = 0
    for index, word in enumerate(words):
        while piece < len(offsets) and offsets[piece][1] <= word.start:
            piece += 1
        first = piece
        while piece < len(offsets) and offsets[piece][0] < word.end:
            piece += 1
        if piece > first:
            contextual[index] = states[first:piece].mean(axis=0)
        piece = first  # a word piece can straddle two words (rare); let both see it
    return np.hstack([contextual, _spelling(text, words)])


def in_context(rows: Array) -> Array:
    """Each word's features beside its neighbours' (zeros at the ends): what the model reads."""
    zero = np.zeros((1, rows.shape[1]), dtype=rows.dtype)
    before = np.vstack([zero, rows[:-1]])
    after = np.vstack([rows[1:], zero])
    return np.hstack([rows, before, after])


def network_probabilities(
    arrays: tuple[Array, Array, Array, Array], rows: npt.NDArray[np.floating]
) -> npt.NDArray[np.float64]:
    """The network: ReLU(rows · W1 + b1) · W2 + b2, softmax. Training and run time share it."""
    hidden_w, hidden_b, out_w, out_b = arrays
    inner = np.maximum(rows.astype(np.float32) @ hidden_w + hidden_b, np.float32(0.0))
    logits = (inner @ out_w + out_b).astype(np.float64)
    logits -= logits.max(axis=1, keepdims=True)
    exp = np.exp(logits)
    result: npt.NDArray[np.float64] = exp / exp.sum(axis=1, keepdims=True)
    return result


class WordTagger:
    """A one-hidden-layer network over ``in_context(features(...))``: ReLU, then softmax over
    ``LABELS``. Loads ``phi_tagger.json`` (labels, features, threshold, shapes) and the
    ``phi_tagger.npy`` beside it (the four arrays, flattened, float32). Thread-safe."""

    def __init__(
        self,
        encoder: MiniLMEncoder,
        arrays: tuple[Array, Array, Array, Array],
        threshold: float,
        version: str,
    ) -> None:
        hidden_w, out_w = arrays[0], arrays[2]
        inputs = 3 * (encoder.hidden + len(FEATURE_NAMES))
        if hidden_w.shape[0] != inputs or out_w.shape[1] != len(LABELS):
            raise ValueError(f"tagger weights have shapes {hidden_w.shape}, {out_w.shape}")
        self.encoder = encoder
        self.arrays = arrays
        self.threshold = threshold
        self.version = version

    @classmethod
    def load(cls, path: Path, encoder: MiniLMEncoder, version: str) -> WordTagger:
        record = json.loads(path.read_text(encoding="utf-8"))
        if tuple(record["labels"]) != LABELS or tuple(record["features"]) != FEATURE_NAMES:
            raise ValueError(f"{path.name} was trained for other labels or features")
        flat = np.load(path.with_suffix(".npy"), allow_pickle=False).astype(np.float32)
        arrays: list[Array] = []
        offset = 0
        for shape in record["shapes"]:
            size = int(np.prod(shape))
            arrays.append(flat[offset : offset + size].reshape(shape))
            offset += size
        if offset != flat.size or len(arrays) != 4:
            raise ValueError(f"{path.with_suffix('.npy').name} does not match {path.name}")
        return cls(
            encoder,
            (arrays[0], arrays[1], arrays[2], arrays[3]),
            float(record["threshold"]),
            version,
        )

    def predict_rows(self, rows: Array) -> Array:
        """P(label) for rows of ``in_context`` features."""
        return network_probabilities(self.arrays, rows).astype(np.float32)

    def probabilities(self, texts: Sequence[str]) -> list[tuple[list[Word], Array]]:
        """Per text: its words and P(label) per word, shape (words, len(LABELS))."""
        out: list[tuple[list[Word], Array]] = []
        split = [split_words(text) for text in texts]
        wanted = [index for index, words in enumerate(split) if words]
        states = self.encoder.token_states([texts[index] for index in wanted])
        by_index = dict(zip(wanted, states, strict=True))
        for index, text in enumerate(texts):
            words = split[index]
            if not words:
                out.append((words, np.zeros((0, len(LABELS)), dtype=np.float32)))
                continue
            hidden, offsets = by_index[index]
            rows = in_context(features(text, words, hidden, offsets))
            out.append((words, self.predict_rows(rows)))
        return out

    def tag_many(self, texts: Sequence[str]) -> list[list[TaggedSpan]]:
        return [
            spans_from(text, words, probs, self.threshold)
            for text, (words, probs) in zip(texts, self.probabilities(texts), strict=True)
        ]


_JOINABLE_GAP = re.compile(r"[\s.,'’-]{0,3}")


def spans_from(
    text: str, words: Sequence[Word], probs: Array, threshold: float
) -> list[TaggedSpan]:
    """Words whose P(identifier) = 1 - P(O) reaches `threshold`, labelled with their most
    likely identifier label; neighbours of one label separated only by spaces or light
    punctuation ("Mrs. Alvarez", "Fargo, ND") join into one span. A trailing possessive
    's is left out of the span."""
    spans: list[TaggedSpan] = []
    for word, row in zip(words, probs, strict=True):
        score = 1.0 - float(row[0])
        if score < threshold:
            continue
        label = LABELS[1 + int(np.argmax(row[1:]))]
        end = word.end - (2 if _POSSESSIVE.search(word.text) else 0)
        last = spans[-1] if spans else None
        if (
            last is not None
            and last.label == label
            and _JOINABLE_GAP.fullmatch(text[last.end : word.start])
        ):
            spans[-1] = TaggedSpan(last.start, end, label, max(last.score, score))
        else:
            spans.append(TaggedSpan(word.start, end, label, score))
    return spans
