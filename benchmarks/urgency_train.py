"""Fit bot/urgency_model.json from this project's own labelled questions, with cross-validation.

Run from the repository root (a development tool: it reads the labelled sets under tests/, so it
lives with the other trainers here, not in the installed package):

    python benchmarks/urgency_train.py [--write]

Reads tests/fixtures/urgent_dev.yaml and urgent_dev2.yaml to urgent_dev6.yaml (six batches
written at different times; never the blind set). Prints, for the model with the
embedding and for the word-class fallback:

- nested 10-fold cross-validation (the embedding model and the bag of words of each training fold
  are fitted on that fold only, the decision on their out-of-fold scores), recall and false-alarm rate at
  the chosen threshold, and at three others;
- leave-one-batch-out: fitted on four batches, measured on the fifth, a better guess at how it
  does on questions written at another time.

The threshold is the highest at which the cross-validated recall reaches ``TARGET_RECALL`` (for
the fallback, ``FALLBACK_TARGET_RECALL``). With
``--write`` the model fitted on all questions is written to bot/urgency_model.json. Fitting is
deterministic: Newton steps, fixed folds.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import numpy as np
import yaml

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bot import logistic, urgency_rules  # noqa: E402 - after the repository is on the path
from bot.urgency_model import FEATURE_NAMES, MODEL_FILE, Embedding, Linear, class_features, word_grams  # noqa: E402

FIXTURES = [ROOT / "tests" / "fixtures" / f"urgent_dev{suffix}.yaml" for suffix in ("", "2", "3", "4", "5", "6")]
EMBEDDING_L2 = 30.0
SHRINK_TOKENS = 8.0  # pseudo-tokens pulling a short question's embedding score to the average
WORDS_L2 = 3.0
MIN_QUESTIONS = 3  # a word or word pair enters the bag of words when this many training questions use it
DECISION_L2 = 1.0
TARGET_RECALL = 0.98  # questions written elsewhere will be harder than cross-validation says: err towards catching
FALLBACK_TARGET_RECALL = 0.95  # the degraded mode without the embedding
FOLDS = 10
INNER_FOLDS = 5


def fit_logistic(x: np.ndarray, y: np.ndarray, l2: float) -> tuple[np.ndarray, float]:
    """``bot.logistic.fit``, as weights and a bias on the raw columns (what the stored models keep)."""
    return logistic.fit(x, y, l2).in_raw_units()


def logits(model: tuple[np.ndarray, float], x: np.ndarray) -> np.ndarray:
    return x @ model[0] + model[1]


def folds(n: int, k: int, salt: int) -> list[np.ndarray]:
    order = np.random.RandomState(salt).permutation(n)
    return [np.sort(order[i::k]) for i in range(k)]


def load_questions() -> tuple[list[dict], np.ndarray]:
    items, batch = [], []
    for b, path in enumerate(FIXTURES):
        for item in yaml.safe_load(path.read_text(encoding="utf-8")):
            items.append(item)
            batch.append(b)
    return items, np.array(batch)


def features(items: list[dict], embedding: Embedding) -> tuple[np.ndarray, np.ndarray, np.ndarray, list[set[str]]]:
    means, classes, sizes, grams = [], [], [], []
    for item in items:
        norm, starts = urgency_rules.prepare(item["q"])
        grams.append(word_grams(norm))
        counts = {c: len(words) for c, words in urgency_rules.class_counts(norm, starts).items()}
        classes.append(class_features(counts))
        means.append(embedding.mean(item["q"]))
        sizes.append(len(embedding.ids(item["q"])))
    return np.array(means), np.array(classes), np.array(sizes, dtype=float), grams


class Bag:
    """The bag of words of the training rows: a column per word or word pair used by at least
    MIN_QUESTIONS of them."""

    def __init__(self, grams: list[set[str]], train: np.ndarray):
        counts = Counter(g for i in train for g in grams[i])
        self.vocabulary = sorted(g for g, c in counts.items() if c >= MIN_QUESTIONS)
        index = {g: k for k, g in enumerate(self.vocabulary)}
        self.matrix = np.zeros((len(grams), len(self.vocabulary)))
        for i, gs in enumerate(grams):
            for g in gs:
                k = index.get(g)
                if k is not None:
                    self.matrix[i, k] = 1.0


def shrunk(model: tuple[np.ndarray, float], prior: float, emb: np.ndarray, sizes: np.ndarray) -> np.ndarray:
    """The embedding score with a short question's token average pulled towards ``prior`` (the
    training questions' average) by SHRINK_TOKENS pseudo-tokens: a mean of three tokens is noise."""
    raw = emb @ model[0]
    return (sizes * raw + SHRINK_TOKENS * prior) / (sizes + SHRINK_TOKENS) + model[1]


def fit(emb: np.ndarray, cls: np.ndarray, sizes: np.ndarray, grams: list[set[str]], y: np.ndarray,
        train: np.ndarray, salt: int = 0):
    """All stages on the rows ``train``: the embedding model and the bag of words on all of them, the
    decision on their out-of-fold scores (so that it does not learn to trust an overfitted score)."""
    bag = Bag(grams, train)
    oof_embedding, oof_words = np.zeros(len(y)), np.zeros(len(y))
    for part in folds(len(train), INNER_FOLDS, salt):
        held, rest = train[part], np.delete(train, part)
        model = fit_logistic(emb[rest], y[rest], EMBEDDING_L2)
        oof_embedding[held] = shrunk(model, float((emb[rest] @ model[0]).mean()), emb[held], sizes[held])
        oof_words[held] = logits(fit_logistic(bag.matrix[rest], y[rest], WORDS_L2), bag.matrix[held])
    embedding_model = fit_logistic(emb[train], y[train], EMBEDDING_L2)
    prior = float((emb[train] @ embedding_model[0]).mean())
    words_model = fit_logistic(bag.matrix[train], y[train], WORDS_L2)
    stacked = np.column_stack([oof_embedding[train], oof_words[train], cls[train]])
    decision = fit_logistic(stacked, y[train], DECISION_L2)
    fallback = fit_logistic(np.column_stack([oof_words[train], cls[train]]), y[train], DECISION_L2)
    return {"embedding_model": embedding_model, "prior": prior, "bag": bag, "words_model": words_model,
            "decision": decision, "fallback": fallback}


def predict(models: dict, emb: np.ndarray, cls: np.ndarray, sizes: np.ndarray,
            rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    score = shrunk(models["embedding_model"], models["prior"], emb[rows], sizes[rows])
    words = logits(models["words_model"], models["bag"].matrix[rows])
    full = logits(models["decision"], np.column_stack([score, words, cls[rows]]))
    fallback = logits(models["fallback"], np.column_stack([words, cls[rows]]))
    return logistic.probability(full), logistic.probability(fallback)


def _words(question: str) -> tuple[str, dict[str, list[str]]]:
    norm, starts = urgency_rules.prepare(question)
    return norm, urgency_rules.class_counts(norm, starts)


def rates(p: np.ndarray, y: np.ndarray, threshold: float, outright: np.ndarray | None = None) -> tuple[float, float]:
    flagged = p >= threshold
    if outright is not None:
        flagged = flagged | outright
    return float(flagged[y == 1].mean()), float(flagged[y == 0].mean())


def threshold_for(p: np.ndarray, y: np.ndarray, target: float) -> float:
    for t in np.sort(np.unique(np.round(p, 4)))[::-1]:
        if rates(p, y, t)[0] >= target:
            return float(t)
    return 0.0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help=f"write {MODEL_FILE.name}")
    args = parser.parse_args(argv)

    items, batch = load_questions()
    y = np.array([1.0 if item["urgent"] else 0.0 for item in items])
    embedding = Embedding.load()
    emb, cls, sizes, grams = features(items, embedding)
    n = len(y)
    print(f"{n} questions ({int(y.sum())} urgent) in {len(FIXTURES)} batches")

    cv_full, cv_fallback = np.zeros(n), np.zeros(n)
    for i, test in enumerate(folds(n, FOLDS, salt=1)):
        train = np.setdiff1d(np.arange(n), test)
        cv_full[test], cv_fallback[test] = predict(fit(emb, cls, sizes, grams, y, train, salt=i), emb, cls, sizes, test)
    threshold = threshold_for(cv_full, y, TARGET_RECALL)
    fallback_threshold = threshold_for(cv_fallback, y, FALLBACK_TARGET_RECALL)

    lobo_full, lobo_fallback = np.zeros(n), np.zeros(n)
    for b in range(len(FIXTURES)):
        test, train = np.where(batch == b)[0], np.where(batch != b)[0]
        models = fit(emb, cls, sizes, grams, y, train, salt=b)
        lobo_full[test], lobo_fallback[test] = predict(models, emb, cls, sizes, test)

    outright = np.array([urgency_rules.explicit(*_words(item["q"])) is not None for item in items])
    print(f"said outright (urgent whatever the model says): {int(outright.sum())} questions, "
          f"{int((outright & (y == 0)).sum())} of them not urgent; included in the figures below")
    figures = {}
    for name, cv, lobo, t in (("with embedding", cv_full, lobo_full, threshold),
                              ("word classes only", cv_fallback, lobo_fallback, fallback_threshold)):
        r, fa = rates(cv, y, t, outright)
        print(f"{name}: threshold {t:.4f}")
        print(f"  10-fold CV           recall {100 * r:.1f} %, false alarms {100 * fa:.1f} %")
        for other in (0.3, 0.5, 0.7):
            r2, fa2 = rates(cv, y, other, outright)
            print(f"    at {other:.1f}: recall {100 * r2:.1f} %, false alarms {100 * fa2:.1f} %")
        lr, lfa = rates(lobo, y, t, outright)
        print(f"  leave-one-batch-out  recall {100 * lr:.1f} %, false alarms {100 * lfa:.1f} %")
        for b in range(len(FIXTURES)):
            rb, fab = rates(lobo[batch == b], y[batch == b], t, outright[batch == b])
            print(f"    batch {b + 1} ({FIXTURES[b].name}): recall {100 * rb:.1f} %, false alarms {100 * fab:.1f} %")
        figures[name] = {"cv_recall": round(r, 4), "cv_false_alarms": round(fa, 4),
                         "lobo_recall": round(lr, 4), "lobo_false_alarms": round(lfa, 4)}

    if args.write:
        models = fit(emb, cls, sizes, grams, y, np.arange(n), salt=99)
        weights, bias = models["words_model"]
        data = {
            "about": "Fitted by python benchmarks/urgency_train.py --write on tests/fixtures/urgent_dev*.yaml; "
                     "see bot/urgency_model.py.",
            "questions": n, "urgent": int(y.sum()),
            "embedding": "wordllama l2_supercat 256, mean of token embeddings",
            "features": list(FEATURE_NAMES),
            "threshold": round(threshold, 4), "fallback_threshold": round(fallback_threshold, 4),
            "figures": figures,
            "shrink_tokens": SHRINK_TOKENS, "prior": round(models["prior"], 8),
            "embedding_model": Linear(*models["embedding_model"]).to_json(),
            "words_model": {"bias": round(bias, 8),
                            "weights": {g: round(float(w), 6) for g, w in zip(models["bag"].vocabulary, weights)}},
            "decision": Linear(*models["decision"]).to_json(),
            "fallback": Linear(*models["fallback"]).to_json(),
        }
        MODEL_FILE.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {MODEL_FILE}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
