"""The matcher's calibrated decision model: P(the best-ranked entry answers the question).

``bot.matching`` ranks the candidate entries by three signals and ``bot.match_decision`` fuses
them. Whether to *answer* with the best entry is decided by a logistic regression over features of
that ranking (``features``): the fused score and its lead, each signal's value for the best entry
and its margin over that signal's best other entry, how many signals agree, the matched meaning
(evidence, matched terms, how much of the question they cover), the question's length, typos
read, words no candidate knows. It is fitted by ``python benchmarks/matching_cv.py --write`` with
k-fold cross-validation on the project's labelled questions (never on a blind set) and stored in
``bot/match_model.json``: the feature names, their means and scales, the weights, and the answer
and suggest lines (probabilities) chosen on out-of-fold predictions. A second model, fitted the
same way without the labelled examples (``bot.match_examples``), is stored beside it for an FAQ the
examples are not about.

Pure numpy: a dot product and a logistic, a few microseconds per question.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Mapping, Sequence

import numpy as np

from bot import logistic
from bot.failures import DamagedInstall

MODEL_FILE = Path(__file__).with_name("match_model.json")

FEATURES = (
    "fused", "fused_lead", "lexical", "lexical_margin", "bm25_raw", "bm25_margin",
    "semantic", "coverage", "terms", "unmatched",
    "knn_best", "knn_none", "knn_vote", "knn_none_vote", "learnt_best", "learnt_none",
)
# The model reads each feature and the product of every two ("fused_lead*knn_vote"): how much one
# signal counts depends on another (a short question's low BM25 score says less when every signal
# agrees). Fitted with a stronger penalty than the features alone would need (benchmarks/matching_cv.py).
COLUMNS = FEATURES + tuple(f"{a}*{b}" for n, a in enumerate(FEATURES) for b in FEATURES[n + 1:])


def features(terms: Sequence[str], ranked: Sequence, corrections: Sequence, evidence_ok: bool,
             content_words: int, neighbours=None, classified: Mapping[str, float] | None = None) -> dict[str, float]:
    """The model's inputs for a question whose fused candidates are ``ranked`` (best first; ``Scored``),
    whose nearest labelled examples are ``neighbours`` (``bot.match_examples.Neighbours``) and whose
    labels the classifier gives these probabilities (``classified``, ``bot.match_classifier``)."""
    classified = classified or {}
    best = ranked[0]
    knn = neighbours.best if neighbours is not None else {}
    nearest = neighbours.nearest if neighbours is not None else ()
    best_id = best.entry.id
    votes = max(len(nearest), 1)
    others = ranked[1:]
    top_bm25 = max((s.bm25 for s in ranked), default=0.0) or 1.0
    other_lexical = max((s.lexical for s in others), default=0.0)
    other_bm25 = max((s.bm25 for s in others), default=0.0)
    other_semantic = max((s.semantic for s in others), default=0.0)
    agree = (best.lexical >= other_lexical) + (best.bm25 >= other_bm25) + (best.semantic >= other_semantic)
    runner = others[0].score if others else 0.0
    matched_anywhere = set().union(*(s.matched_terms for s in ranked))
    n = max(len(terms), 1)
    return {
        "fused": best.score / 100,
        "fused_lead": (best.score - runner) / 100,
        "lexical": best.lexical / 100,
        "lexical_margin": (best.lexical - other_lexical) / 100,
        "bm25_share": best.bm25 / top_bm25,
        "bm25_margin": (best.bm25 - other_bm25) / top_bm25,
        "bm25_raw": math.log1p(best.bm25),
        "semantic": best.semantic,
        "semantic_margin": best.semantic - other_semantic,
        "agree": agree / 3,
        "evidence": min(best.evidence, 4.0),
        "evidence_ok": float(evidence_ok),
        "matched": min(len(best.matched_terms), 8) / 8,
        "coverage": len([t for t in terms if t in best.matched_terms]) / n,
        "terms": math.log1p(len(terms)),
        "unmatched": len([t for t in terms if t not in matched_anywhere]) / n,
        "corrections": min(len(corrections), 3),
        "long": float(content_words > 12),
        "runner_fused": runner / 100,
        "knn_best": knn.get(best_id, 0.0),
        "knn_other": max([v for k, v in knn.items() if k not in (best_id, "none")], default=0.0),
        "knn_none": knn.get("none", 0.0),
        "knn_vote": sum(best_id in labels for labels in nearest) / votes,
        "knn_none_vote": sum("none" in labels for labels in nearest) / votes,
        "learnt_best": classified.get(best_id, 0.0),
        "learnt_none": classified.get("none", 0.0),
    }


@dataclass(frozen=True)
class Model:
    names: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    weights: np.ndarray
    bias: float
    answer: float  # answer at or above this probability (with evidence, no instructions)
    suggest: float  # suggest at or above this

    def vector(self, values: Mapping[str, float]) -> np.ndarray:
        """The model's columns: features by name, and "a*b" as the product of features a and b."""
        read, first, second = self._layout
        raw = np.array([values.get(name, 0.0) for name in read] + [1.0], dtype=np.float64)
        return raw[first] * raw[second]

    @cached_property
    def _layout(self) -> tuple[list[str], np.ndarray, np.ndarray]:
        """The features the columns read, and for each column the positions of its two factors in
        them (a plain feature's second factor is a constant 1, kept after them)."""
        factors = [name.split("*") for name in self.names]
        if any(len(f) > 2 or not all(f) for f in factors):
            raise ValueError(f"a column is neither a feature nor the product of two: {self.names}")
        read = list(dict.fromkeys(part for f in factors for part in f))
        position = {name: n for n, name in enumerate(read)}
        first = np.array([position[f[0]] for f in factors], dtype=np.int64)
        second = np.array([position[f[1]] if len(f) == 2 else len(read) for f in factors], dtype=np.int64)
        return read, first, second

    def probability(self, values: Mapping[str, float]) -> float:
        return float(self.probabilities(self.vector(values)))

    @cached_property
    def fitted(self) -> logistic.Fitted:
        """The model as the one fit scores it (``bot.logistic``)."""
        return logistic.Fitted(self.mean, self.scale, self.weights, self.bias)

    def probabilities(self, columns: np.ndarray) -> np.ndarray:
        """The probability for each row of columns (or for one row), as ``vector`` lays them out."""
        return logistic.probability(self.fitted.log_odds(columns))

    def contributions(self, values: Mapping[str, float]) -> list[tuple[str, float]]:
        """Each feature's push on the log-odds, largest first (for ``--explain``)."""
        pushes = ((self.vector(values) - self.mean) / self.scale) * self.weights
        return sorted(zip(self.names, pushes.tolist()), key=lambda p: -abs(p[1]))

    def to_json(self, **extra) -> dict:
        return {
            **extra, "features": list(self.names), "mean": [round(float(x), 6) for x in self.mean],
            "scale": [round(float(x), 6) for x in self.scale], "weights": [round(float(x), 6) for x in self.weights],
            "bias": round(self.bias, 6), "answer": round(self.answer, 4), "suggest": round(self.suggest, 4),
        }

    @classmethod
    def from_json(cls, raw: Mapping) -> "Model":
        """The model stored as ``to_json`` wrote it; ValueError when its parts do not fit together."""
        model = cls(tuple(raw["features"]), np.array(raw["mean"], dtype=np.float64),
                    np.array(raw["scale"], dtype=np.float64), np.array(raw["weights"], dtype=np.float64),
                    float(raw["bias"]), float(raw["answer"]), float(raw["suggest"]))
        if not len(model.names) == len(model.mean) == len(model.scale) == len(model.weights):
            raise ValueError(f"{len(model.names)} columns but {len(model.mean)} means, {len(model.scale)} scales "
                             f"and {len(model.weights)} weights")
        if not all(np.isfinite(v).all() for v in (model.mean, model.scale, model.weights, model.bias)):
            raise ValueError("a mean, scale, weight or the bias is not a finite number")
        model._layout  # noqa: B018  (checks the column names now, at start-up, not at the first question)
        return model


def stored() -> Model:
    """The fitted model shipped in ``bot/match_model.json`` (read once per process)."""
    return _stored("")


def stored_without_examples() -> Model:
    """The model fitted without the labelled examples, for an FAQ they do not cover (another FAQ
    than the bundled one): the examples' labels would name no entry of it."""
    return _stored("without_examples")


@lru_cache(maxsize=2)
def _stored(key: str) -> Model:
    try:
        raw = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
        return Model.from_json(raw[key] if key else raw)
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise DamagedInstall(f"cannot read the matcher's decision model {MODEL_FILE.name} "
                             f"({type(error).__name__}: {error})") from None

