"""A linear classifier of questions into FAQ entries, learnt from the project's labelled questions.

The matcher's other signals compare a question with each entry's own text; this one has read the
project's labelled questions (the training files of ``benchmarks/matching_cv.py``) and the FAQ's
phrasings, and gives the probability that each entry (or ``none``: nothing the FAQ answers) is the
one asked about. It reads the question's embedding (the semantic signal's WordLlama mean vector) and
which of the FAQ's and the examples' stemmed terms it uses: a multinomial logistic regression with
a ridge penalty (SciPy's L-BFGS), deterministic. It generalises from the wording of many questions
where the nearest single example (``bot.match_examples``) may not: on questions it was not fitted on
it ranks the right entry first as often as the other signals together, and often on other questions.

It serves only the FAQ its labels are about (the bundled one), like the examples. Written with the
decision model by ``python benchmarks/matching_cv.py --write`` into ``bot/match_classifier.npz``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Mapping, Sequence

import numpy as np

from bot.failures import DamagedInstall

CLASSIFIER_FILE = Path(__file__).with_name("match_classifier.npz")
EMBEDDING_SCALE = 3.0  # the embedding's columns against the terms' 0/1 columns (cross-validated)
L2 = 1.0
MAX_ITERATIONS = 400


@dataclass(frozen=True)
class Classifier:
    labels: tuple[str, ...]  # entry ids, and "none"
    terms: Mapping[str, int]  # term -> its row in ``term_weights``
    embedding_weights: np.ndarray  # (embedding size, labels)
    term_weights: np.ndarray  # (terms, labels)
    bias: np.ndarray  # (labels,)

    def probabilities(self, vector: np.ndarray | None, terms: Sequence[str]) -> dict[str, float]:
        """Each label's probability for a question with this embedding and these terms."""
        z = self.bias
        if vector is not None:
            z = z + EMBEDDING_SCALE * (np.asarray(vector, dtype=np.float32) @ self.embedding_weights)
        rows = sorted({self.terms[t] for t in terms if t in self.terms})
        if rows:
            z = z + self.term_weights[rows].sum(axis=0)
        p = np.exp(z - z.max())
        p /= p.sum()
        return dict(zip(self.labels, p.tolist()))


def fit(vectors: np.ndarray, terms: Sequence[Sequence[str]], labels: Sequence[str], l2: float = L2) -> Classifier:
    """The classifier fitted on questions with these embeddings, terms and labels (one each)."""
    from scipy import sparse
    from scipy.optimize import minimize

    names = tuple(sorted(set(labels)))
    vocabulary = {t: n for n, t in enumerate(sorted({t for ts in terms for t in ts}))}
    column = {name: n for n, name in enumerate(names)}
    rows = [r for r, ts in enumerate(terms) for _ in set(ts)]
    cols = [vocabulary[t] for ts in terms for t in sorted(set(ts))]
    x = sparse.hstack([
        sparse.csr_matrix(EMBEDDING_SCALE * np.asarray(vectors, dtype=np.float64)),
        sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(terms), len(vocabulary))),
        sparse.csr_matrix(np.ones((len(terms), 1))),
    ]).tocsr()
    target = np.zeros((len(labels), len(names)))
    target[np.arange(len(labels)), [column[label] for label in labels]] = 1.0
    penalised = np.ones((x.shape[1], 1))
    penalised[-1] = 0.0  # the bias

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        weights = w.reshape(x.shape[1], len(names))
        z = x @ weights
        z -= z.max(axis=1, keepdims=True)
        log_p = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        gradient = x.T @ (np.exp(log_p) - target) + l2 * penalised * weights
        return float(-(target * log_p).sum() + 0.5 * l2 * ((penalised * weights) ** 2).sum()), gradient.ravel()

    found = minimize(loss, np.zeros(x.shape[1] * len(names)), jac=True, method="L-BFGS-B",
                     options={"maxiter": MAX_ITERATIONS})
    weights = found.x.reshape(x.shape[1], len(names))
    size = np.asarray(vectors).shape[1]
    return Classifier(names, vocabulary, weights[:size].astype(np.float32), weights[size:-1].astype(np.float32),
                      weights[-1].astype(np.float64))


def write(classifier: Classifier, path: Path = CLASSIFIER_FILE) -> None:
    terms = sorted(classifier.terms, key=classifier.terms.get)
    with path.open("wb") as out:
        np.savez_compressed(out, labels=np.array(classifier.labels), terms=np.array(terms, dtype=str),
                            embedding_weights=classifier.embedding_weights, term_weights=classifier.term_weights,
                            bias=classifier.bias)


@lru_cache(maxsize=1)
def stored() -> Classifier:
    """The shipped classifier (read once per process); ``DamagedInstall`` when its file is missing or
    its parts do not fit together."""
    try:
        with np.load(CLASSIFIER_FILE, allow_pickle=False) as data:
            parts = {name: data[name] for name in ("labels", "terms", "embedding_weights", "term_weights", "bias")}
    except (OSError, ValueError, KeyError) as error:
        raise DamagedInstall(f"cannot read the matcher's classifier {CLASSIFIER_FILE.name} "
                             f"({type(error).__name__}: {error})") from None
    labels, terms = parts["labels"].tolist(), parts["terms"].tolist()
    shapes = (parts["embedding_weights"].shape[1:], parts["term_weights"].shape, parts["bias"].shape)
    if shapes != ((len(labels),), (len(terms), len(labels)), (len(labels),)) or not all(
            np.isfinite(parts[name]).all() for name in ("embedding_weights", "term_weights", "bias")):
        raise DamagedInstall(f"the matcher's classifier {CLASSIFIER_FILE.name} does not fit together: {len(labels)} "
                             f"labels, {len(terms)} terms, shapes {shapes}")
    return Classifier(tuple(labels), {t: n for n, t in enumerate(terms)}, parts["embedding_weights"],
                      parts["term_weights"], parts["bias"])
