"""Labelled example questions as a nearest-neighbour signal for the decision model.

The project's labelled questions (the dev set, the holdout, training set b and the real-wording
training set; ``none`` for those no entry answers) are shipped in ``bot/match_examples.json`` with
their matching terms and their embeddings
(``match_examples.npy``: the same WordLlama mean vectors as the matcher's semantic signal, stored so
that start-up does not embed them). For a question, ``Examples.neighbours`` gives the nearest
example's cosine for each label, and the labels of the nearest few: whether practitioners' earlier
questions most like this one were about the best-ranked entry, about another, or about nothing the
FAQ answers. The decision model (``bot.match_model``) reads them; they never rank entries.

An example whose text is the question itself is skipped, so that ``canishare eval`` on the sets
the examples come from does not read a question's own label (the figures for those sets are the
cross-validated ones, ``benchmarks/matching_cv.py``). Both files are written by
``python benchmarks/matching_cv.py --write``; never from a blind set.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Callable, Mapping, Sequence

import numpy as np

from bot.failures import DamagedInstall

EXAMPLES_FILE = Path(__file__).with_name("match_examples.json")
VECTORS_FILE = EXAMPLES_FILE.with_suffix(".npy")
NONE = "none"
NEAREST = 5  # how many nearest examples vote
# The examples are read for an FAQ that has this share of their entries, or whose entries are this share
# theirs (the bundled one, edited); for another, the model fitted without them decides (``bot.matching``).
COVERAGE_NEEDED = 0.8
SEMANTIC_SHARE = 0.5  # of an example's nearness, from the embeddings; the rest from the weighted terms


@dataclass(frozen=True)
class Neighbours:
    best: dict[str, float] = field(default_factory=dict)  # label -> the nearest example's cosine with it
    nearest: tuple[tuple[str, ...], ...] = ()  # the labels of the NEAREST nearest examples, nearest first


class Examples:
    """The labelled examples: their texts (redacted), labels, embeddings and matching terms."""

    def __init__(self, texts: Sequence[str], labels: Sequence[Sequence[str]], vectors: np.ndarray,
                 terms: Sequence[Sequence[str]] = ()):
        self.texts = list(texts)
        self.labels = [tuple(label) for label in labels]
        self.vectors = np.asarray(vectors, dtype=np.float32)
        self.terms = [tuple(t) for t in terms] or [()] * len(self.texts)
        self._positions: dict[str, list[int]] = {}  # the same text may be an example twice
        for i, t in enumerate(self.texts):
            self._positions.setdefault(_key(t), []).append(i)
        by_label: dict[str, list[int]] = {}
        for i, label in enumerate(self.labels):
            for name in label:
                by_label.setdefault(name, []).append(i)
        self._position_by_label = by_label
        self._label_names = list(by_label)
        self._label_rows = np.array([row for rows in by_label.values() for row in rows], dtype=np.int64)
        sizes = [len(rows) for rows in by_label.values()]
        self._label_starts = np.concatenate(([0], np.cumsum(sizes)[:-1])).astype(np.int64) if sizes else None

    def __len__(self) -> int:
        return len(self.texts)

    def are_about(self, entry_ids: Sequence[str]) -> bool:
        """Whether the examples are about the FAQ of ``entry_ids`` (``about_faq``)."""
        return about_faq(set(self._position_by_label) - {NONE}, entry_ids)

    def knows(self, entry_id: str) -> bool:
        return entry_id in self._position_by_label

    def relabelled(self, renamed: Mapping[str, str]) -> "Examples":
        """The examples with each old id in ``renamed`` read as the id that replaces it."""
        if not any(name in renamed for name in self._position_by_label):
            return self
        labels = [tuple(dict.fromkeys(renamed.get(name, name) for name in label)) for label in self.labels]
        return Examples(self.texts, labels, self.vectors, self.terms)

    def weighted(self, weight: Callable[[str], float]) -> "WeightedExamples":
        """The examples with their terms weighted by ``weight`` (a matcher's idf), ready to compare."""
        return WeightedExamples(self, weight)


class WeightedExamples:
    """Nearness of a question to each example: half the cosine of their embeddings, half the cosine
    of their terms weighted by rarity (which reads sector terms the embedding blurs)."""

    def __init__(self, examples: Examples, weight: Callable[[str], float]):
        self.examples = examples
        self.weight = weight
        rows = np.repeat(np.arange(len(examples)), [len(t) for t in examples.terms])
        names = [t for terms in examples.terms for t in terms]
        vocabulary = list(dict.fromkeys(names))
        column = {t: i for i, t in enumerate(vocabulary)}
        columns = np.array([column[t] for t in names], dtype=np.int64)
        term_weights = np.array([weight(t) for t in vocabulary], dtype=np.float64)
        values = term_weights[columns] if len(columns) else np.zeros(0)
        norms = np.sqrt(np.bincount(rows, weights=values * values, minlength=len(examples)))
        order = np.argsort(columns, kind="stable")
        bounds = np.searchsorted(columns[order], np.arange(len(vocabulary) + 1))
        # Each term's examples, and its weight there times its weight in a question (the same ``weight``).
        self._postings: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        for i, t in enumerate(vocabulary):
            at = order[bounds[i]:bounds[i + 1]]
            self._postings[t] = (rows[at], term_weights[i] * values[at])
        self._norms = np.where(norms > 0, norms, 1.0)

    def similarities(self, vector: np.ndarray | None, terms: Sequence[str]) -> np.ndarray:
        out = np.zeros(len(self.examples))
        if vector is not None and len(self.examples) and self.examples.vectors.shape[1] == len(vector):
            out += SEMANTIC_SHARE * (self.examples.vectors @ vector.astype(np.float32, copy=False))
        weights = {t: self.weight(t) for t in dict.fromkeys(terms)}
        norm = math.sqrt(sum(w * w for w in weights.values()))
        found = [self._postings[t] for t in weights if t in self._postings]
        if norm and found:
            rows = np.concatenate([examples for examples, _ in found])
            products = np.concatenate([product for _, product in found])
            lexical = np.bincount(rows, weights=products, minlength=len(self.examples))
            out += (1 - SEMANTIC_SHARE) * lexical / (self._norms * norm)
        return out

    def neighbours(self, vector: np.ndarray | None, terms: Sequence[str], question: str = "",
                   allowed: np.ndarray | None = None) -> Neighbours:
        """The examples nearest a question, by label; ``allowed``: a mask of the examples that may be
        read (cross-validation). An example with the question's own text is never read."""
        examples = self.examples
        if not len(examples) or (vector is None and not terms):
            return Neighbours()
        near = self.similarities(vector, terms)
        own = examples._positions.get(_key(question))
        if allowed is not None or own:
            hide = np.zeros(len(near), dtype=bool) if allowed is None else ~allowed
            if own:
                hide[own] = True
            near = np.where(hide, -1.0, near)
        by_label = np.maximum.reduceat(near[examples._label_rows], examples._label_starts)
        best = {label: v for label, v in zip(examples._label_names, by_label.tolist()) if v > -1.0}
        top = np.argpartition(-near, NEAREST - 1)[:NEAREST] if len(near) > NEAREST else np.arange(len(near))
        order = sorted(zip(near[top].tolist(), top.tolist()), key=lambda pair: (-pair[0], pair[1]))
        return Neighbours(best, tuple(examples.labels[i] for v, i in order if v > -1.0))


def example_labels() -> set[str]:
    """The entry ids the shipped examples are labelled with (``none`` left out); empty if unreadable."""
    try:
        items = json.loads(EXAMPLES_FILE.read_text(encoding="utf-8"))["examples"]
    except (OSError, ValueError, KeyError):
        return set()
    return {name for i in items for name in labels_of(i["topic"], i.get("also", ()))} - {NONE}


def stale_labels(entry_ids: Sequence[str]) -> list[str]:
    """The entry ids the shipped examples are labelled with that an FAQ serving them lacks (an entry
    renamed or deleted since the examples were written); empty for an FAQ they do not serve."""
    labels = example_labels()
    if not about_faq(labels, entry_ids):
        return []
    return sorted(labels - set(entry_ids))


def about_faq(labels: set[str], entry_ids: Sequence[str]) -> bool:
    """Whether examples labelled with ``labels`` are about the FAQ of ``entry_ids``: it has most of their
    entries (the bundled FAQ with entries added since), or most of its entries are theirs (the bundled
    FAQ with some retired). Another organisation's FAQ has neither."""
    ids = set(entry_ids)
    shared = len(ids & labels)
    return bool(ids) and bool(labels) and max(shared / len(labels), shared / len(ids)) >= COVERAGE_NEEDED


def _key(text: str) -> str:
    """A text as compared with the examples' own: case and spacing do not make another question."""
    return " ".join(text.casefold().split())


def labels_of(topic: str, also: Sequence[str] = ()) -> tuple[str, ...]:
    return (NONE,) if topic == NONE else (topic, *also)


@lru_cache(maxsize=1)
def stored() -> Examples:
    """The shipped examples (read once per process); ``DamagedInstall`` when their files are missing
    or do not agree (the decision model was fitted with them: deciding without them would be
    miscalibrated, silently)."""
    try:
        items = json.loads(EXAMPLES_FILE.read_text(encoding="utf-8"))["examples"]
        vectors = np.load(VECTORS_FILE, allow_pickle=False)
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise DamagedInstall(f"cannot read the matcher's examples ({type(error).__name__}: {error})") from None
    if vectors.ndim != 2 or vectors.dtype.kind != "f" or len(vectors) != len(items) \
            or not np.isfinite(vectors).all():
        raise DamagedInstall(f"the matcher's examples do not agree: {len(items)} questions, vectors of shape "
                             f"{vectors.shape} ({vectors.dtype})")
    vectors = vectors.astype(np.float32)
    return Examples([i["q"] for i in items], [labels_of(i["topic"], i.get("also", ())) for i in items], vectors,
                    [i.get("terms", ()) for i in items])


def write(examples: Examples, topics: Sequence[str], alsos: Sequence[Sequence[str]], about: str) -> None:
    items = [{"q": t, "topic": topic, **({"also": list(also)} if also else {}), "terms": list(terms)}
             for t, topic, also, terms in zip(examples.texts, topics, alsos, examples.terms)]
    EXAMPLES_FILE.write_text(json.dumps({"about": about, "examples": items}, indent=0, ensure_ascii=False) + "\n",
                             encoding="utf-8")
    np.save(VECTORS_FILE, np.asarray(examples.vectors, dtype=np.float16))
