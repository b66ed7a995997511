"""The pair model: how likely two questions of a week ask the same thing (0-100).

A logistic regression over what a pair of questions has in common (``FEATURES``):

- their words: rapidfuzz ``token_set_ratio`` of their content tokens, and a Dice overlap of those
  tokens weighted by how rare each is among the week's questions;
- their meaning: the cosine of their ``bot.digest.meaning`` vectors;
- their FAQ entry: whether the matcher ranked the same entry first for both (whatever its
  confidence), and whether it gave both that entry with confidence (it would have answered with it);
- their frames (``bot.digest.asks``): for what is asked, who is involved, who is asking, whom it is
  about and the situation, how many labels they share, and whether they have labels but share none;
- within one entry, their meaning's cosine again: two questions on one topic are near in meaning
  whether or not they ask the same thing, so there it counts for less.

A pair where the matcher had no entry for one of them (nothing in the FAQ shares its words) is scored
by a second regression, fitted on the same pairs without the features that need entries
(``ENTRY_FEATURES``): it asks more of the words, the meaning and the frames.

Its weights and the grouping threshold are fitted on tests/fixtures/digest_grouping.yaml and
tests/fixtures/digest_grouping_dev2.yaml by ``python benchmarks/grouping_quality.py --write``, which
cross-validates the same fit by group first (never on the blind set). They live in
``pair_model.json`` beside this module.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from bot import logistic
from bot.digest import asks
from bot.failures import DamagedInstall

MODEL_FILE = Path(__file__).with_name("pair_model.json")
# What needs both questions' FAQ entries: whether they are one (confidently or not), and their meaning's
# cosine again when they are (within one topic it weighs differently).
ENTRY_FEATURES = ("same_entry", "same_topic", "meaning_within_entry")
FEATURES = ("words_ratio", "words_overlap", "meaning", "same_entry", "same_topic", *asks.feature_names(),
            "meaning_within_entry")
L2 = 1.0  # the fit's ridge penalty on the (standardised) weights


@dataclass(frozen=True)
class Logistic:
    """Standardise each feature (``mean``, ``scale``), weigh, add ``intercept``: the log-odds."""

    names: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    weights: np.ndarray
    intercept: float

    def log_odds(self, features: np.ndarray) -> np.ndarray:
        return (features - self.mean) / self.scale @ self.weights + self.intercept

    def as_dict(self) -> dict:
        return {"features": list(self.names), "mean": self.mean.tolist(), "scale": self.scale.tolist(),
                "weights": self.weights.tolist(), "intercept": self.intercept}

    @classmethod
    def from_dict(cls, data: dict) -> "Logistic":
        return cls(tuple(data["features"]), np.array(data["mean"]), np.array(data["scale"]), np.array(data["weights"]),
                   float(data["intercept"]))


@dataclass(frozen=True)
class PairModel:
    """The log-odds that a pair asks the same thing: ``with_entries`` (every feature) when the matcher
    ranked an FAQ entry first for both questions, ``without_entries`` (the features less
    ``ENTRY_FEATURES``) when it had none for one of them (nothing in the FAQ shares their words).
    ``threshold`` is the grouping's, on the 0-100 scale of ``scores``."""

    with_entries: Logistic
    without_entries: Logistic
    threshold: float

    def scores(self, features: np.ndarray, entries_known: np.ndarray) -> np.ndarray:
        """100 times the probability of each row's pair being the same question."""
        z = np.where(entries_known, self.with_entries.log_odds(features),
                     self.without_entries.log_odds(features[:, _WITHOUT_ENTRIES]))
        return 100.0 * logistic.probability(z)

    def with_threshold(self, threshold: float) -> "PairModel":
        return PairModel(self.with_entries, self.without_entries, float(threshold))

    def as_dict(self) -> dict:
        return {"threshold": self.threshold, "with_entries": self.with_entries.as_dict(),
                "without_entries": self.without_entries.as_dict()}

    @classmethod
    def from_dict(cls, data: dict) -> "PairModel":
        model = cls(Logistic.from_dict(data["with_entries"]), Logistic.from_dict(data["without_entries"]),
                    float(data["threshold"]))
        if model.with_entries.names != FEATURES or model.without_entries.names != _names(_WITHOUT_ENTRIES):
            raise ValueError(f"{MODEL_FILE.name} was fitted on other features: refit it "
                             "(python benchmarks/grouping_quality.py --write)")
        return model


_WITHOUT_ENTRIES = [n for n, name in enumerate(FEATURES) if name not in ENTRY_FEATURES]


def _names(columns: list[int]) -> tuple[str, ...]:
    return tuple(FEATURES[c] for c in columns)


def fit(features: np.ndarray, same: np.ndarray, threshold: float, l2: float = L2) -> PairModel:
    """Both logistic regressions, on the pairs' ``features`` (every one, in ``FEATURES`` order) and
    whether each pair is the same question."""
    return PairModel(_logistic(features, same, FEATURES, l2),
                     _logistic(features[:, _WITHOUT_ENTRIES], same, _names(_WITHOUT_ENTRIES), l2), float(threshold))


def _logistic(features: np.ndarray, same: np.ndarray, names: tuple[str, ...], l2: float) -> Logistic:
    fitted = logistic.fit(features, same, l2)
    return Logistic(names, fitted.mean, fitted.scale, fitted.weights, fitted.bias)


@lru_cache(maxsize=1)
def stored() -> PairModel:
    """The fitted model shipped with the package; ``DamagedInstall`` when its file is missing or damaged."""
    try:
        return PairModel.from_dict(json.loads(MODEL_FILE.read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise DamagedInstall(f"cannot read the digest's grouping model {MODEL_FILE.name} "
                             f"({type(error).__name__}: {error})") from None


def write(model: PairModel, about: dict) -> None:
    """Store ``model`` (with ``about``: how it was fitted and measured) as the shipped one."""
    MODEL_FILE.write_text(json.dumps({"about": about, **model.as_dict()}, indent=1) + "\n", encoding="utf-8")
    stored.cache_clear()
