"""Ridge logistic regression, fitted by Newton's method: the one fit behind the matcher's decision
model, the urgent-risk model and the digest's pair model.

The problems are small and convex, so Newton's method reaches the optimum in a few steps and the
result is the same on every machine up to rounding. Columns are standardised before the fit (so one
penalty suits features of any scale) and the bias is all but unpenalised. With more columns than rows
(a bag of words) each step is solved in row space (the Woodbury identity), which is much faster.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

LOG_ODDS_LIMIT = 30.0  # beyond this a probability is 1 or 0 to 13 digits; clipping keeps exp() finite
BIAS_PENALTY = 1e-6  # not zero: the row-space solve divides by each penalty


@dataclass(frozen=True)
class Fitted:
    """The weights on standardised columns: log-odds = ((x - mean) / scale) @ weights + bias."""

    mean: np.ndarray
    scale: np.ndarray
    weights: np.ndarray
    bias: float

    def log_odds(self, x: np.ndarray) -> np.ndarray:
        return ((x - self.mean) / self.scale) @ self.weights + self.bias

    def in_raw_units(self) -> tuple[np.ndarray, float]:
        """The same model as weights and a bias on the raw columns: log-odds = x @ weights + bias."""
        weights = self.weights / self.scale
        return weights, float(self.bias - (self.mean * weights).sum())


def probability(log_odds: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(log_odds, -LOG_ODDS_LIMIT, LOG_ODDS_LIMIT)))


def fit(x: np.ndarray, y: np.ndarray, l2: float = 1.0, sample_weight: np.ndarray | None = None,
        iterations: int = 100, tolerance: float = 1e-9) -> Fitted:
    """The ridge logistic regression of ``y`` (0 or 1) on the columns of ``x``, each row weighted by
    ``sample_weight`` (1 by default), with penalty ``l2`` (> 0) on the standardised weights. The
    columns are standardised by their plain (unweighted) mean and spread. ValueError for input that
    is not finite, a penalty that is not positive, or a fit that does not settle."""
    x = np.asarray(x, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    if not l2 > 0:
        raise ValueError(f"the penalty must be positive, not {l2}")
    if x.ndim != 2 or len(x) != len(y) or not len(x):
        raise ValueError(f"{len(y)} labels for rows of shape {x.shape}")
    if not (np.isfinite(x).all() and np.isin(y, (0.0, 1.0)).all()):
        raise ValueError("every value must be a finite number and every label 0 or 1")
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale = np.where(scale > 1e-9, scale, 1.0)  # a constant column is left as it is (its weight stays 0)
    z = np.hstack([(x - mean) / scale, np.ones((len(x), 1))])
    rows = np.ones(len(x)) if sample_weight is None else np.asarray(sample_weight, dtype=np.float64)
    penalty = np.full(z.shape[1], float(l2))
    penalty[-1] = BIAS_PENALTY
    w = np.zeros(z.shape[1])
    for _ in range(iterations):
        p = probability(z @ w)
        gradient = z.T @ (rows * (p - y)) + penalty * w
        curvature = np.maximum(rows * p * (1 - p), 1e-12)
        step = _newton_step(z, curvature, penalty, gradient)
        w -= step
        if np.abs(step).max() < tolerance:
            return Fitted(mean, scale, w[:-1], float(w[-1]))
    raise ValueError(f"the fit did not settle in {iterations} Newton steps")


def _newton_step(z: np.ndarray, curvature: np.ndarray, penalty: np.ndarray, gradient: np.ndarray) -> np.ndarray:
    """(P + Z'CZ)^-1 g, in column space or, when there are more columns than rows, in row space:
    P^-1 g - P^-1 Z' (C^-1 + Z P^-1 Z')^-1 Z P^-1 g."""
    if z.shape[1] <= len(z):
        return np.linalg.solve((z * curvature[:, None]).T @ z + np.diag(penalty), gradient)
    scaled = z / penalty
    pg = gradient / penalty
    return pg - scaled.T @ np.linalg.solve(np.diag(1.0 / curvature) + scaled @ z.T, z @ pg)
