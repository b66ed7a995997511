#!/usr/bin/env python
"""Grouping quality: how well ``bot.digest.grouping.group_questions`` groups a week's similar questions.

    python benchmarks/grouping_quality.py [--orders 3] [--seed 7] [--folds 4] [--thresholds 20,22,...,80]
        [--write] [--blind]

Labelled sets (questions with a ``group`` each; near-miss pairs look alike but ask different things,
marked by a shared ``near_miss`` key on two questions or listed as ``near_miss: [[text, text]]``):

- old:   tests/fixtures/digest_grouping.yaml, 88 questions, written with the first grouping;
- dev2:  tests/fixtures/digest_grouping_dev2.yaml, 415 questions written blind from the topic list by
  another engineer, for fitting (see its header);
- dev3:  tests/fixtures/digest_grouping_dev3.yaml, 405 questions written blind by a third writer, several
  different questions per topic in its vocabulary, for fitting (see its header);
- blind: tests/fixtures/digest_grouping_blind.yaml, the measuring set. It is read ONLY with ``--blind``
  and never to choose anything: run that once, by the lead engineer, after the model is fixed.

The pair model (``bot.digest.pairs``: a logistic regression on what two questions share) and the
grouping threshold are fitted on old, dev2 and dev3 alone, by cross-validation: each set's groups are split
into ``--folds`` folds; for each fold the model is fitted on the pairs of two questions from the other
folds of every set, the threshold with the best mean F0.5 over the sets (precision counts twice
as much as recall: a quoted group that mixes two questions misleads more than a question left out of
its group) on those pairs is chosen, and that fold's pairs (a pair with a question in the fold,
counted in the first fold of its two questions) are scored with it. The out-of-fold precision and
recall printed for each set are those held-out pairs, pooled over the folds, so they are not the
figures the model was fitted on. Then the model is fitted on all pairs of every set and its threshold
chosen on them; ``--write`` stores it as bot/digest/pair_model.json (with these figures), and
``--blind`` groups the blind set with it: its pairwise precision and recall, averaged over
``--orders`` shuffled arrival orders, and its near-miss pairs grouped.

A pair of questions is a true positive when both the grouping and the labels put it together. Each
question's topic and entry are what the matcher makes of it now, as the store records them when it
is asked. Every grouping figure is the mean over ``--orders`` shuffled arrival orders (the grouping
does not depend on the order; the orders check it). A script, not a test.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.digest import grouping, pairs  # noqa: E402
from bot.faq import load_faq  # noqa: E402
from bot.matching import Matcher  # noqa: E402

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures"
FITTING_SETS = {"old": FIXTURES / "digest_grouping.yaml", "dev2": FIXTURES / "digest_grouping_dev2.yaml",
                "dev3": FIXTURES / "digest_grouping_dev3.yaml"}
BLIND_SET = FIXTURES / "digest_grouping_blind.yaml"
BETA = 0.5  # the parameters are chosen on F0.5: precision counts twice as much as recall


@dataclass
class LabelledSet:
    name: str
    texts: list[str]
    topics: list[str | None]
    entries: list[str | None]
    labels: np.ndarray
    near_misses: list[tuple[int, int]]
    orders: list[list[int]]


def near_miss_pairs(document: dict, questions: list[dict]) -> list[tuple[int, int]]:
    """The near-miss pairs as question indices, from either way of marking them."""
    keyed: dict[str, list[int]] = {}
    for i, q in enumerate(questions):
        if q.get("near_miss"):
            keyed.setdefault(q["near_miss"], []).append(i)
    bad = {k: v for k, v in keyed.items() if len(v) != 2}
    if bad:
        raise SystemExit(f"near_miss keys must mark exactly two questions: {bad}")
    index = {q["text"]: i for i, q in enumerate(questions)}
    listed = [(index[a], index[b]) for a, b in document.get("near_miss") or []]
    return [(a, b) for a, b in keyed.values()] + listed


def load(name: str, path: Path, matcher: Matcher, orders: int, rng: random.Random) -> LabelledSet:
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    questions = document["questions"]
    texts = [q["text"] for q in questions]
    matched = grouping.entries_now(texts, matcher)
    topics = [entry if score >= matcher.thresholds.answer else None for entry, score in matched]
    return LabelledSet(name, texts, topics, [entry for entry, _ in matched], np.array([q["group"] for q in questions]),
                       near_miss_pairs(document, questions),
                       [rng.sample(range(len(texts)), len(texts)) for _ in range(orders)])


def describe(s: LabelledSet) -> str:
    sizes = [int((s.labels == g).sum()) for g in sorted(set(s.labels))]
    return (f"{s.name}: {len(s.texts)} questions in {len(sizes)} groups ({sum(1 for n in sizes if n > 1)} with "
            f"paraphrases, {sizes.count(1)} asked once), {len(s.near_misses)} near-miss pairs")


def assignments(s: LabelledSet, order: list[int], thresholds: list[float], model: pairs.PairModel) -> list[np.ndarray]:
    """For each threshold, the group of each question (in the set's own numbering) when the
    questions arrive in ``order``."""
    out = []
    for groups in grouping.group_questions_at([s.texts[i] for i in order], thresholds, [s.topics[i] for i in order],
                                              [s.entries[i] for i in order], model):
        assigned = np.zeros(len(order), dtype=int)
        for number, group in enumerate(groups):
            assigned[[order[m] for m in group.members]] = number
        out.append(assigned)
    return out


def counts(labels: np.ndarray, assigned: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """(true positives, false positives, false negatives) over the pairs i < j where mask[i, j]."""
    same = labels[:, None] == labels[None, :]
    together = assigned[:, None] == assigned[None, :]
    upper = np.triu(np.ones_like(same), 1) & mask
    return np.array([(same & together & upper).sum(), (together & ~same & upper).sum(),
                     (same & ~together & upper).sum()])


def figures(c: np.ndarray, beta: float = 1.0) -> tuple[float, float, float]:
    """Precision, recall and F-beta (F1 unless ``beta`` is given)."""
    tp, fp, fn = c
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    b2 = beta * beta
    return precision, recall, ((1 + b2) * precision * recall / (b2 * precision + recall) if precision + recall else 0.0)


@dataclass
class Folds:
    """A set's questions split into folds by group: the training and the held-out pairs of each."""

    train: list[np.ndarray]
    test: list[np.ndarray]

    @classmethod
    def of(cls, labels: np.ndarray, folds: int, seed: int) -> "Folds":
        groups = sorted(set(labels))
        random.Random(seed).shuffle(groups)
        fold_of = {g: n % folds for n, g in enumerate(groups)}
        fold = np.array([fold_of[g] for g in labels])
        first_fold = np.minimum(fold[:, None], fold[None, :])  # a pair is held out once, in its first fold
        outside = [fold != k for k in range(folds)]
        return cls([o[:, None] & o[None, :] for o in outside], [first_fold == k for k in range(folds)])


@dataclass
class Pairs:
    """Every pair (i < j) of a set's questions: what the pair model reads of it, and whether the labels
    put it together."""

    first: np.ndarray
    second: np.ndarray
    features: np.ndarray
    same: np.ndarray

    @classmethod
    def of(cls, s: LabelledSet) -> "Pairs":
        first, second = np.triu_indices(len(s.texts), 1)
        sim = grouping.Similarity(s.texts, s.topics, entries=s.entries)
        return cls(first, second, sim.features(first, second), (s.labels[first] == s.labels[second]).astype(float))

    def within(self, mask: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        keep = mask[self.first, self.second]
        return self.features[keep], self.same[keep]


def fit_on(sets: list[LabelledSet], all_pairs: dict[str, Pairs], masks: dict[str, np.ndarray]) -> pairs.PairModel:
    """The pair model fitted on the pairs of each set where its mask holds (threshold to be chosen)."""
    chosen = [all_pairs[s.name].within(masks[s.name]) for s in sets]
    return pairs.fit(np.vstack([x for x, _ in chosen]), np.concatenate([y for _, y in chosen]), threshold=0.0)


def measure(s: LabelledSet, model: pairs.PairModel, thresholds: list[float], masks: dict[str, list[np.ndarray]]) -> dict:
    """For each threshold: counts over each named list of pair masks (summed over the orders), and the
    near-miss pairs grouped (mean over orders)."""
    runs = [assignments(s, order, thresholds, model) for order in s.orders]
    results = {}
    for t, threshold in enumerate(thresholds):
        assigned = [run[t] for run in runs]
        results[threshold] = {name: [sum(counts(s.labels, a, m) for a in assigned) for m in ms] for name, ms in masks.items()}
        results[threshold]["near"] = statistics.fmean(sum(int(a[x] == a[y]) for x, y in s.near_misses) for a in assigned)
    return results


def best_threshold(results: dict[str, dict], part: str, index: int = 0) -> float:
    """The threshold with the best mean F0.5 over the sets on their ``part`` pairs; ties go higher."""
    def score(threshold):
        return round(statistics.fmean(figures(r[threshold][part][index], BETA)[2] for r in results.values()), 4), threshold
    return max(next(iter(results.values())), key=score)


def cross_validate(sets: list[LabelledSet], all_pairs: dict[str, Pairs], thresholds: list[float], folds: int,
                   seed: int) -> dict[str, tuple[float, float]]:
    print(f"\ncross-validated ({folds} folds by group; each fold's model and threshold fitted on the other folds' pairs):")
    split = {s.name: Folds.of(s.labels, folds, seed) for s in sets}
    held_out = {s.name: np.zeros(3, dtype=np.int64) for s in sets}
    for k in range(folds):
        model = fit_on(sets, all_pairs, {s.name: split[s.name].train[k] for s in sets})
        results = {s.name: measure(s, model, thresholds, {"train": [split[s.name].train[k]], "test": [split[s.name].test[k]]})
                   for s in sets}
        threshold = best_threshold(results, "train")
        line = []
        for s in sets:
            c = results[s.name][threshold]["test"][0]
            held_out[s.name] += c
            line.append(f"{s.name} P {figures(c)[0]:.3f} R {figures(c)[1]:.3f}")
        print(f"  fold {k + 1}: threshold {threshold:g} -> " + "; ".join(line))
    out = {}
    for name, c in held_out.items():
        p, rec, f = figures(c)
        out[name] = (round(p, 3), round(rec, 3))
        print(f"  out-of-fold {name}: precision {p:.3f}, recall {rec:.3f}, F1 {f:.3f}")
    return out


def blind_figures(model: pairs.PairModel, matcher: Matcher, orders: int, seed: int) -> None:
    s = load("blind", BLIND_SET, matcher, orders, random.Random(seed))
    runs = [assignments(s, order, [model.threshold], model)[0] for order in s.orders]
    everything = np.ones((len(s.texts),) * 2, dtype=bool)
    each = [figures(counts(s.labels, a, everything)) for a in runs]
    near = statistics.fmean(sum(int(a[x] == a[y]) for x, y in s.near_misses) for a in runs)
    print(f"\n{describe(s)}")
    print(f"blind (pair model, threshold {model.threshold:g}; mean of {orders} shuffled orders): precision "
          f"{statistics.fmean(f[0] for f in each):.3f}, recall {statistics.fmean(f[1] for f in each):.3f}, "
          f"F1 {statistics.fmean(f[2] for f in each):.3f}; near-miss pairs grouped {near:.1f} of {len(s.near_misses)}")


def floats(value: str) -> list[float]:
    return [float(v) for v in value.split(",")]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--orders", type=int, default=3, help="shuffled arrival orders to average over")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--folds", type=int, default=4)
    parser.add_argument("--thresholds", type=floats, default=[float(t) for t in range(20, 82, 2)])
    parser.add_argument("--write", action="store_true", help="store the model fitted on every set as the shipped one")
    parser.add_argument("--blind", action="store_true", help="also measure the blind set (lead engineer only)")
    args = parser.parse_args(argv)

    matcher = Matcher(load_faq())
    rng = random.Random(args.seed)
    sets = [load(name, path, matcher, args.orders, rng) for name, path in FITTING_SETS.items()]
    for s in sets:
        print(describe(s))
    print(f"{args.orders} shuffled orders (seed {args.seed}); thresholds {args.thresholds[0]:g}-{args.thresholds[-1]:g}")
    all_pairs = {s.name: Pairs.of(s) for s in sets}
    out_of_fold = cross_validate(sets, all_pairs, args.thresholds, args.folds, args.seed)

    everything = {s.name: np.ones((len(s.texts),) * 2, dtype=bool) for s in sets}
    model = fit_on(sets, all_pairs, everything)
    results = {s.name: measure(s, model, args.thresholds, {"all": [everything[s.name]]}) for s in sets}
    model = model.with_threshold(best_threshold(results, "all"))
    in_sample = {name: r[model.threshold] for name, r in results.items()}
    line = "; ".join(f"{name} P {figures(r['all'][0])[0]:.3f} R {figures(r['all'][0])[1]:.3f} near {r['near']:.1f}"
                     for name, r in in_sample.items())
    print(f"fitted on all pairs of every set (threshold {model.threshold:g}): {line} (in-sample)")
    print("weights: " + ", ".join(f"{n} {w:+.2f}" for n, w in zip(model.with_entries.names, model.with_entries.weights)))
    if args.write:
        pairs.write(model, {
            "fitted_on": list(FITTING_SETS), "folds": args.folds, "seed": args.seed, "orders": args.orders,
            "out_of_fold": {name: {"precision": p, "recall": r} for name, (p, r) in out_of_fold.items()},
            "in_sample": {name: {"precision": round(figures(r["all"][0])[0], 3), "recall": round(figures(r["all"][0])[1], 3)}
                          for name, r in in_sample.items()},
        })
        print(f"written to {pairs.MODEL_FILE}")
    elif pairs.MODEL_FILE.exists() and pairs.stored().as_dict() != model.as_dict():
        print(f"  <- {pairs.MODEL_FILE.name} differs from this fit (--write stores it)")
    if args.blind:
        blind_figures(model, matcher, args.orders, args.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
