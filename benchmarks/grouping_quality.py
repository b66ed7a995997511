#!/usr/bin/env python
"""Grouping quality: how well ``bot.digest.grouping.group_questions`` groups a week's similar questions.

    python benchmarks/grouping_quality.py [--orders 10] [--seed 7] [--folds 4]
        [--thresholds 36,38,...,60] [--bonuses 20,25,30,35] [--floor 20]

Two labelled sets (questions with a ``group`` each; ``near_miss`` pairs look alike but ask different
things):

- old:   tests/fixtures/digest_grouping.yaml, 88 questions, written with the first grouping;
- blind: tests/fixtures/digest_grouping_blind.yaml, 328 questions written blind from the topic list
  (see its header), with several different questions per FAQ topic.

For every threshold and same-topic bonus it prints the pairwise precision, recall and F1 on each set
(a pair of questions is a true positive when both the grouping and the labels put them together),
averaged over ``--orders`` shuffled arrival orders, and the near-miss pairs grouped. Each question's
topic is the FAQ entry the matcher confidently gives it, as the store records it.

Choosing the parameters is cross-validated, so that the blind figures are not the figures the
parameters were tuned on: the blind set's groups are split into ``--folds`` folds; for each fold the
parameters with the best mean F0.5 (precision weighted over recall: a quoted group that mixes two
questions misleads more than a question left out of its group), among those whose precision and
recall are no lower than the greedy grouping's (``BEFORE``), on the old set and on the other folds (pairs of two questions from
the other folds) are chosen, and that fold's figures (pairs with a question in the fold) are
reported (a pair is held out in the first fold of its two questions, so each is counted once). The parameters chosen on everything (old set and whole blind set) are compared with
``GROUPING_THRESHOLD`` and ``SAME_TOPIC_BONUS`` in bot/digest/grouping.py. Ties go to the higher
threshold. A script, not a test.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
from pathlib import Path

import numpy as np
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.digest import grouping  # noqa: E402
from bot.faq import load_faq  # noqa: E402
from bot.matching import Matcher  # noqa: E402

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures"
SETS = {"old": FIXTURES / "digest_grouping.yaml", "blind": FIXTURES / "digest_grouping_blind.yaml"}


def load(path: Path, matcher: Matcher) -> list[dict]:
    """The set's questions, each with the FAQ entry the matcher confidently gives it."""
    questions = yaml.safe_load(path.read_text(encoding="utf-8"))["questions"]
    topics = grouping.topics_now([q["text"] for q in questions], matcher)
    return [{**q, "topic": topic} for q, topic in zip(questions, topics)]


def near_misses(questions: list[dict]) -> dict[str, tuple[int, int]]:
    pairs: dict[str, list[int]] = {}
    for i, q in enumerate(questions):
        if q.get("near_miss"):
            pairs.setdefault(q["near_miss"], []).append(i)
    bad = {k: v for k, v in pairs.items() if len(v) != 2}
    if bad:
        raise SystemExit(f"near_miss keys must mark exactly two questions: {bad}")
    return {k: (a, b) for k, (a, b) in pairs.items()}


def assignment(questions: list[dict], order: list[int], threshold: float) -> np.ndarray:
    """The group of each question (in the set's own numbering) when they arrive in ``order``."""
    groups = grouping.group_questions([questions[i]["text"] for i in order], threshold,
                                      [questions[i]["topic"] for i in order])
    assigned = np.zeros(len(questions), dtype=int)
    for number, group in enumerate(groups):
        for member in group.members:
            assigned[order[member]] = number
    return assigned


def counts(labels: np.ndarray, assigned: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """(true positives, false positives, false negatives) over the pairs i < j where mask[i, j]."""
    same = labels[:, None] == labels[None, :]
    together = assigned[:, None] == assigned[None, :]
    upper = np.triu(np.ones_like(same), 1) & mask
    return np.array([(same & together & upper).sum(), (together & ~same & upper).sum(), (same & ~together & upper).sum()])


BETA = 0.5  # the parameters are chosen on F0.5: precision counts twice as much as recall
# ...among those no worse than the greedy grouping this one replaced (threshold 50, bonus 25, matcher
# v2's topics, mean of 10 shuffled orders): (precision, recall) on each set. "Grouping no worse."
BEFORE = {"old": (0.777, 0.541), "blind": (0.532, 0.479)}


def figures(c: np.ndarray, beta: float = 1.0) -> tuple[float, float, float]:
    """Precision, recall and F-beta (F1 unless ``beta`` is given)."""
    tp, fp, fn = c
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    b2 = beta * beta
    return precision, recall, ((1 + b2) * precision * recall / (b2 * precision + recall) if precision + recall else 0.0)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--orders", type=int, default=10, help="shuffled arrival orders to average over")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--folds", type=int, default=4)
    parser.add_argument("--thresholds", default=",".join(str(t) for t in range(36, 62, 2)))
    parser.add_argument("--bonuses", default="20,25,30,35")
    parser.add_argument("--floor", type=float, default=grouping.EDGE_FLOOR)
    args = parser.parse_args(argv)
    thresholds = [float(t) for t in args.thresholds.split(",")]
    bonuses = [float(b) for b in args.bonuses.split(",")]
    current = (grouping.SAME_TOPIC_BONUS, grouping.GROUPING_THRESHOLD)  # as bot/digest/grouping.py sets them
    grouping.EDGE_FLOOR = args.floor

    matcher = Matcher(load_faq())
    data = {}
    rng = random.Random(args.seed)
    for name, path in SETS.items():
        questions = load(path, matcher)
        labels = np.array([q["group"] for q in questions])
        sizes = sorted((int((labels == g).sum()) for g in set(labels)), reverse=True)
        print(f"{name}: {len(questions)} questions in {len(sizes)} groups ({sum(1 for s in sizes if s > 1)} with "
              f"paraphrases, {sizes.count(1)} asked once), {len(near_misses(questions))} near-miss pairs")
        data[name] = {"questions": questions, "labels": labels,
                      "orders": [rng.sample(range(len(questions)), len(questions)) for _ in range(args.orders)]}
    print(f"{args.orders} shuffled orders (seed {args.seed}); edge floor {args.floor:g}\n")

    blind = data["blind"]
    groups = sorted(set(blind["labels"]))
    random.Random(args.seed).shuffle(groups)
    fold_of = {g: n % args.folds for n, g in enumerate(groups)}
    fold = np.array([fold_of[g] for g in blind["labels"]])
    in_fold = [fold == k for k in range(args.folds)]
    # a pair is held out in the first fold of its two questions: every pair is tested exactly once
    first_fold = np.minimum(fold[:, None], fold[None, :])
    everything = np.ones((len(blind["labels"]),) * 2, dtype=bool)

    results = {}
    for bonus in bonuses:
        grouping.SAME_TOPIC_BONUS = bonus
        for threshold in thresholds:
            row = {}
            for name, d in data.items():
                runs = [assignment(d["questions"], order, threshold) for order in d["orders"]]
                row[name] = [counts(d["labels"], a, everything[: len(a), : len(a)]) for a in runs]
                pairs = near_misses(d["questions"]).values()
                row[name + "_near"] = statistics.fmean(sum(a[x] == a[y] for x, y in pairs) for a in runs)
                if name == "blind":
                    # per fold: train pairs (neither question in the fold) and held-out pairs
                    row["train"] = [sum(counts(d["labels"], a, ~(f[:, None] | f[None, :])) for a in runs)
                                    for f in in_fold]
                    row["test"] = [sum(counts(d["labels"], a, first_fold == k) for a in runs) for k in range(args.folds)]
            results[(bonus, threshold)] = row

    def mean(rows, k, beta: float = 1.0):
        return statistics.fmean(figures(r, beta)[k] for r in rows)

    print("bonus threshold   old: P      R      F1   near   blind: P      R      F1   near")
    for (bonus, threshold), row in results.items():
        o, b = row["old"], row["blind"]
        print(f"{bonus:>5g} {threshold:>9g}      {mean(o, 0):.3f}  {mean(o, 1):.3f}  {mean(o, 2):.3f}  "
              f"{row['old_near']:>4.1f}         {mean(b, 0):.3f}  {mean(b, 1):.3f}  {mean(b, 2):.3f}  {row['blind_near']:>4.1f}")

    def key(params, fold=None):
        row = results[params]
        blind = figures(row["train"][fold], BETA) if fold is not None else tuple(mean(row["blind"], k, BETA)
                                                                                 for k in range(3))
        old = tuple(mean(row["old"], k, BETA) for k in range(3))
        no_worse = all(got[0] >= before[0] and got[1] >= before[1]
                       for got, before in ((old, BEFORE["old"]), (blind, BEFORE["blind"])))
        return (no_worse, round((old[2] + blind[2]) / 2, 3), params[1], -params[0])

    print(f"\ncross-validated on the blind set ({args.folds} folds by group; parameters chosen on the old set "
          "and the other folds):")
    tested = []
    for k in range(args.folds):
        params = max(results, key=lambda p: key(p, k))
        p, r, f = figures(results[params]["test"][k])
        tested.append(results[params]["test"][k])
        print(f"  fold {k + 1}: bonus {params[0]:g}, threshold {params[1]:g} -> held-out precision {p:.3f}, "
              f"recall {r:.3f}, F1 {f:.3f}")
    p, r, f = figures(sum(tested))
    print(f"  all held-out pairs: precision {p:.3f}, recall {r:.3f}, F1 {f:.3f}")

    best = max(results, key=key)
    row = results[best]
    print(f"\nchosen on everything: bonus {best[0]:g}, threshold {best[1]:g}: old precision {mean(row['old'], 0):.3f}, "
          f"recall {mean(row['old'], 1):.3f}; blind precision {mean(row['blind'], 0):.3f}, "
          f"recall {mean(row['blind'], 1):.3f} (mean of shuffled orders)")
    if current in results:
        row = results[current]
        print(f"bot/digest/grouping.py (bonus {current[0]:g}, threshold {current[1]:g}): old precision "
              f"{mean(row['old'], 0):.3f}, recall {mean(row['old'], 1):.3f}; blind precision "
              f"{mean(row['blind'], 0):.3f}, recall {mean(row['blind'], 1):.3f}"
              + ("" if current == best else "  <- differs from the choice above"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
