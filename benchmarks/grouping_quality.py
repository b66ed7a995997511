#!/usr/bin/env python
"""Grouping quality: how well ``bot.digest.grouping.group_questions`` groups a week's similar questions.

    python benchmarks/grouping_quality.py [--fixture tests/fixtures/digest_grouping.yaml]
        [--orders 30] [--seed 7] [--from 20 --to 80 --step 2]

On the labelled fixture (questions with a ``group`` each; ``near_miss`` pairs look alike but ask
different things) it prints, for each threshold, the pairwise precision, recall and F1 of the
grouping: a pair of questions is a true positive when both the grouping and the labels put them
together. Figures are given for the fixture's own order and averaged over ``--orders`` shuffles
(the grouping is greedy, so the order questions arrive in matters), with the number of near-miss
pairs grouped together. Connected components over the same similarity are shown for comparison.

The chosen threshold is the one with the best mean F1 over the shuffles (ties: the higher
threshold, since a quoted group that mixes two questions misleads more than a question left out of
its group); the near-miss pairs it still groups, and how often, are listed after the table.
``GROUPING_THRESHOLD`` in bot/digest/grouping.py is set from it; the script says whether they agree.
A script, not a test.
"""

from __future__ import annotations

import argparse
import itertools
import random
import statistics
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.digest.grouping import GROUPING_THRESHOLD, Similarity, group_questions, topics_now  # noqa: E402
from bot.faq import load_faq  # noqa: E402
from bot.matching import Matcher  # noqa: E402

FIXTURE = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "digest_grouping.yaml"


def load(path: Path) -> list[dict]:
    """The fixture's questions, each with the FAQ entry the matcher confidently gives it (as the
    store would have recorded when it was asked)."""
    questions = yaml.safe_load(path.read_text(encoding="utf-8"))["questions"]
    topics = topics_now([q["text"] for q in questions], Matcher(load_faq()))
    return [{**q, "topic": topic} for q, topic in zip(questions, topics)]


def pairwise(labels: list[str], assigned: list[int]) -> tuple[float, float, float]:
    tp = fp = fn = 0
    for i, j in itertools.combinations(range(len(labels)), 2):
        same, together = labels[i] == labels[j], assigned[i] == assigned[j]
        tp += same and together
        fp += together and not same
        fn += same and not together
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def assignment(groups, size: int) -> list[int]:
    assigned = [0] * size
    for number, group in enumerate(groups):
        for member in group.members:
            assigned[member] = number
    return assigned


def near_misses(questions: list[dict]) -> dict[str, tuple[int, int]]:
    pairs: dict[str, list[int]] = {}
    for i, q in enumerate(questions):
        if q.get("near_miss"):
            pairs.setdefault(q["near_miss"], []).append(i)
    bad = {k: v for k, v in pairs.items() if len(v) != 2}
    if bad:
        raise SystemExit(f"near_miss keys must mark exactly two questions: {bad}")
    return {k: (a, b) for k, (a, b) in pairs.items()}


def evaluate(questions: list[dict], threshold: float, order: list[int]) -> tuple[tuple[float, float, float], list[str]]:
    """Figures for the questions arriving in ``order``; near-miss keys grouped together."""
    texts = [questions[i]["text"] for i in order]
    labels = [questions[i]["group"] for i in order]
    topics = [questions[i]["topic"] for i in order]
    assigned = assignment(group_questions(texts, threshold, topics), len(texts))
    position = {original: n for n, original in enumerate(order)}
    together = [key for key, (a, b) in near_misses(questions).items() if assigned[position[a]] == assigned[position[b]]]
    return pairwise(labels, assigned), together


def connected_components(questions: list[dict], threshold: float) -> tuple[float, float, float]:
    texts = [q["text"] for q in questions]
    sim = Similarity(texts, [q["topic"] for q in questions])
    parent = list(range(len(texts)))

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j in itertools.combinations(range(len(texts)), 2):
        if sim.score(i, j) >= threshold:
            parent[root(i)] = root(j)
    return pairwise([q["group"] for q in questions], [root(i) for i in range(len(texts))])


def measure(questions: list[dict], thresholds: list[float], orders: int, seed: int) -> list[dict]:
    rng = random.Random(seed)
    size = len(questions)
    shuffles = [rng.sample(range(size), size) for _ in range(orders)]
    rows = []
    for threshold in thresholds:
        (p, r, f), together = evaluate(questions, threshold, list(range(size)))
        runs = [evaluate(questions, threshold, order) for order in shuffles]
        rows.append({
            "threshold": threshold, "precision": p, "recall": r, "f1": f, "near_misses": together,
            "mean_precision": statistics.fmean(x[0][0] for x in runs),
            "mean_recall": statistics.fmean(x[0][1] for x in runs),
            "mean_f1": statistics.fmean(x[0][2] for x in runs),
            "min_f1": min(x[0][2] for x in runs),
            "near_misses_per_order": statistics.fmean(len(x[1]) for x in runs),
            "near_miss_share": {k: sum(k in x[1] for x in runs) / len(runs) for k in near_misses(questions)},
            "components_f1": connected_components(questions, threshold)[2],
        })
    return rows


def choose(rows: list[dict]) -> dict:
    return max(rows, key=lambda r: (round(r["mean_f1"], 3), r["threshold"]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--fixture", type=Path, default=FIXTURE)
    parser.add_argument("--orders", type=int, default=30, help="shuffled arrival orders to average over")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--from", dest="start", type=float, default=20)
    parser.add_argument("--to", dest="stop", type=float, default=80)
    parser.add_argument("--step", type=float, default=2)
    args = parser.parse_args(argv)

    questions = load(args.fixture)
    labels = [q["group"] for q in questions]
    sizes = sorted((labels.count(g) for g in set(labels)), reverse=True)
    print(f"{len(questions)} questions in {len(set(labels))} groups "
          f"({sum(1 for s in sizes if s > 1)} with paraphrases, {sizes.count(1)} singletons), "
          f"{len(near_misses(questions))} near-miss pairs; {args.orders} shuffled orders (seed {args.seed})\n")
    thresholds = []
    value = args.start
    while value <= args.stop + 1e-9:
        thresholds.append(round(value, 2))
        value += args.step
    rows = measure(questions, thresholds, args.orders, args.seed)
    print("            fixture order                          shuffled orders (mean)             components")
    print("threshold   P      R      F1     near misses grouped   P      R      F1   (min F1)  nm     F1")
    for r in rows:
        print(f"{r['threshold']:>8g}   {r['precision']:.3f}  {r['recall']:.3f}  {r['f1']:.3f}  "
              f"{len(r['near_misses']):>3}                   {r['mean_precision']:.3f}  {r['mean_recall']:.3f}  "
              f"{r['mean_f1']:.3f} ({r['min_f1']:.3f})  {r['near_misses_per_order']:.2f}   {r['components_f1']:.3f}")
    best = choose(rows)
    print(f"\nchosen threshold: {best['threshold']:g}  (fixture order: precision {best['precision']:.3f}, "
          f"recall {best['recall']:.3f}, F1 {best['f1']:.3f}; shuffled mean: precision {best['mean_precision']:.3f}, "
          f"recall {best['mean_recall']:.3f}, F1 {best['mean_f1']:.3f})")
    shares = {k: v for k, v in best["near_miss_share"].items() if v}
    print("near-miss pairs grouped in shuffled orders at that threshold: "
          + (", ".join(f"{k} {100 * v:.0f}%" for k, v in sorted(shares.items(), key=lambda kv: -kv[1])) or "none"))
    agree = abs(best["threshold"] - GROUPING_THRESHOLD) < 1e-9
    print(f"bot/digest/grouping.py GROUPING_THRESHOLD = {GROUPING_THRESHOLD:g}"
          + ("" if agree else f"  <- differs from the measured choice {best['threshold']:g}"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
