#!/usr/bin/env python
"""Grouping quality: how well ``bot.digest.grouping.group_questions`` groups a week's similar questions.

    python benchmarks/grouping_quality.py [--orders 3] [--seed 7] [--folds 4]
        [--weights 0,0.3,...] [--bonuses 0,10,...,80] [--thresholds 30,32,...,80] [--blind]

Labelled sets (questions with a ``group`` each; near-miss pairs look alike but ask different things,
marked by a shared ``near_miss`` key on two questions or listed as ``near_miss: [[text, text]]``):

- old:   tests/fixtures/digest_grouping.yaml, 88 questions, written with the first grouping;
- dev2:  tests/fixtures/digest_grouping_dev2.yaml, 415 questions written blind from the topic list by
  another engineer, for fitting (see its header);
- blind: tests/fixtures/digest_grouping_blind.yaml, the measuring set. It is read ONLY with ``--blind``
  and never to choose anything: run that once, by the lead engineer, after the parameters are fixed.

The parameters (``MEANING_WEIGHT``, ``SAME_TOPIC_BONUS``, ``GROUPING_THRESHOLD``) are fitted on old and
dev2 alone, by cross-validation: each set's groups are split into ``--folds`` folds; for each fold the
grid point with the best mean F0.5 over the two sets (precision counts twice as much as recall: a quoted
group that mixes two questions misleads more than a question left out of its group) on the pairs of
two questions from the other folds is chosen, and that fold's pairs (a pair with a question in the
fold, counted in the first fold of its two questions) are scored with it. The out-of-fold precision
and recall printed for each set are those held-out pairs, pooled over the folds, so they are not the
figures the parameters were tuned on. Then the grid point chosen on all pairs of both sets is
compared with bot/digest/grouping.py's constants (which should be it), and with ``--blind`` the blind
set is grouped with that choice: its pairwise precision and recall, averaged over ``--orders``
shuffled arrival orders, and its near-miss pairs grouped.

A pair of questions is a true positive when both the grouping and the labels put it together. Each
question's topic is the FAQ entry the matcher confidently gives it, as the store records it. Every
figure is the mean over ``--orders`` shuffled arrival orders (the grouping does not depend on the
order; the orders check it). A script, not a test.
"""

from __future__ import annotations

import argparse
import itertools
import random
import statistics
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.digest import grouping  # noqa: E402
from bot.faq import load_faq  # noqa: E402
from bot.matching import Matcher  # noqa: E402

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures"
FITTING_SETS = {"old": FIXTURES / "digest_grouping.yaml", "dev2": FIXTURES / "digest_grouping_dev2.yaml"}
BLIND_SET = FIXTURES / "digest_grouping_blind.yaml"
BETA = 0.5  # the parameters are chosen on F0.5: precision counts twice as much as recall


@dataclass
class LabelledSet:
    name: str
    texts: list[str]
    topics: list[str | None]
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
    return LabelledSet(name, texts, grouping.topics_now(texts, matcher), np.array([q["group"] for q in questions]),
                       near_miss_pairs(document, questions),
                       [rng.sample(range(len(texts)), len(texts)) for _ in range(orders)])


def describe(s: LabelledSet) -> str:
    sizes = [int((s.labels == g).sum()) for g in sorted(set(s.labels))]
    return (f"{s.name}: {len(s.texts)} questions in {len(sizes)} groups ({sum(1 for n in sizes if n > 1)} with "
            f"paraphrases, {sizes.count(1)} asked once), {len(s.near_misses)} near-miss pairs")


def assignments(s: LabelledSet, order: list[int], thresholds: list[float]) -> list[np.ndarray]:
    """For each threshold, the group of each question (in the set's own numbering) when the
    questions arrive in ``order``."""
    out = []
    for groups in grouping.group_questions_at([s.texts[i] for i in order], thresholds, [s.topics[i] for i in order]):
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


def measure(s: LabelledSet, folds: Folds, weights, bonuses, thresholds) -> dict:
    """For every grid point (weight, bonus, threshold): counts over all pairs, over each fold's training
    and held-out pairs (summed over the orders), and the near-miss pairs grouped (mean over orders)."""
    everything = np.ones((len(s.texts),) * 2, dtype=bool)
    results = {}
    for weight, bonus in itertools.product(weights, bonuses):
        grouping.MEANING_WEIGHT, grouping.SAME_TOPIC_BONUS = weight, bonus
        runs = [assignments(s, order, thresholds) for order in s.orders]
        for t, threshold in enumerate(thresholds):
            assigned = [run[t] for run in runs]
            results[(weight, bonus, threshold)] = {
                "all": sum(counts(s.labels, a, everything) for a in assigned),
                "train": [sum(counts(s.labels, a, m) for a in assigned) for m in folds.train],
                "test": [sum(counts(s.labels, a, m) for a in assigned) for m in folds.test],
                "near": statistics.fmean(sum(int(a[x] == a[y]) for x, y in s.near_misses) for a in assigned),
            }
    return results


def choose(results: dict[str, dict], part: str, fold: int | None = None) -> tuple:
    """The grid point with the best mean F0.5 over the sets (on their ``part`` pairs, of ``fold``);
    ties go to the higher threshold, then the lower weight and bonus."""
    def score(point):
        rows = [r[point][part] if fold is None else r[point][part][fold] for r in results.values()]
        return (round(statistics.fmean(figures(c, BETA)[2] for c in rows), 4), point[2], -point[0], -point[1])
    return max(next(iter(results.values())), key=score)


def cross_validate(results: dict[str, dict], folds: int) -> None:
    print(f"\ncross-validated ({folds} folds by group; each fold's parameters chosen on the other folds' pairs):")
    held_out = {name: np.zeros(3, dtype=np.int64) for name in results}
    for k in range(folds):
        point = choose(results, "train", k)
        line = []
        for name, r in results.items():
            held_out[name] += r[point]["test"][k]
            p, rec, _ = figures(r[point]["test"][k])
            line.append(f"{name} P {p:.3f} R {rec:.3f}")
        print(f"  fold {k + 1}: weight {point[0]:g}, bonus {point[1]:g}, threshold {point[2]:g} -> " + "; ".join(line))
    for name, c in held_out.items():
        p, rec, f = figures(c)
        print(f"  out-of-fold {name}: precision {p:.3f}, recall {rec:.3f}, F1 {f:.3f}")


def blind_figures(point: tuple, matcher: Matcher, orders: int, seed: int) -> None:
    s = load("blind", BLIND_SET, matcher, orders, random.Random(seed))
    grouping.MEANING_WEIGHT, grouping.SAME_TOPIC_BONUS = point[0], point[1]
    runs = [assignments(s, order, [point[2]])[0] for order in s.orders]
    everything = np.ones((len(s.texts),) * 2, dtype=bool)
    each = [figures(counts(s.labels, a, everything)) for a in runs]
    near = statistics.fmean(sum(int(a[x] == a[y]) for x, y in s.near_misses) for a in runs)
    print(f"\n{describe(s)}")
    print(f"blind (weight {point[0]:g}, bonus {point[1]:g}, threshold {point[2]:g}; mean of {orders} shuffled "
          f"orders): precision {statistics.fmean(f[0] for f in each):.3f}, recall {statistics.fmean(f[1] for f in each):.3f}, "
          f"F1 {statistics.fmean(f[2] for f in each):.3f}; near-miss pairs grouped {near:.1f} of {len(s.near_misses)}")


def floats(value: str) -> list[float]:
    return [float(v) for v in value.split(",")]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--orders", type=int, default=3, help="shuffled arrival orders to average over")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--folds", type=int, default=4)
    parser.add_argument("--weights", type=floats, default=floats("0,0.3,0.5,0.7,0.9"))
    parser.add_argument("--bonuses", type=floats, default=floats("0,10,20,30,40,50,60,80"))
    parser.add_argument("--thresholds", type=floats, default=[float(t) for t in range(30, 82, 2)])
    parser.add_argument("--blind", action="store_true", help="also measure the blind set (lead engineer only)")
    args = parser.parse_args(argv)
    current = (grouping.MEANING_WEIGHT, grouping.SAME_TOPIC_BONUS, grouping.GROUPING_THRESHOLD)

    matcher = Matcher(load_faq())
    rng = random.Random(args.seed)
    sets = [load(name, path, matcher, args.orders, rng) for name, path in FITTING_SETS.items()]
    for s in sets:
        print(describe(s))
    print(f"{args.orders} shuffled orders (seed {args.seed}); grid: weights {args.weights}, bonuses {args.bonuses}, "
          f"thresholds {args.thresholds[0]:g}-{args.thresholds[-1]:g}")
    results = {s.name: measure(s, Folds.of(s.labels, args.folds, args.seed), args.weights, args.bonuses,
                               args.thresholds) for s in sets}
    cross_validate(results, args.folds)

    best = choose(results, "all")
    for label, point in (("chosen on all pairs of both sets", best), ("bot/digest/grouping.py", current)):
        if point not in results["old"]:
            print(f"{label}: {point} is not on the grid")
            continue
        line = "; ".join(f"{name} P {figures(r[point]['all'])[0]:.3f} R {figures(r[point]['all'])[1]:.3f} "
                         f"near {r[point]['near']:.1f}" for name, r in results.items())
        print(f"{label} (weight {point[0]:g}, bonus {point[1]:g}, threshold {point[2]:g}): {line} (in-sample)")
    if best != current:
        print("  <- bot/digest/grouping.py differs from the choice")
    if args.blind:
        blind_figures(best, matcher, args.orders, args.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
