#!/usr/bin/env python
"""Fit the matcher's fusion weights and decision thresholds by k-fold cross-validation.

    python benchmarks/matching_cv.py [--folds 5] [--seed 13] [--penalty 8] [FILE ...]

Default files: the dev set (tests/fixtures/questions_dev.yaml, a copy of ../shared/eval/) and
tests/fixtures/questions_holdout.yaml.
Never give it a blind set (tests/fixtures/blind/): those are for measuring, once per change, with
``canishare eval``, and the script refuses them.

Each question's signals (``Matcher.signals``) are computed once; then, for every fold, the
weights and thresholds that do best on the other folds are chosen and scored on the held-out fold.
"Best" is: correct (answer or escalate) plus half of helped (incl. suggestions), minus ``--penalty``
times the wrong answers (a wrong answer is the worst outcome, so one costs several right ones). The out-of-fold
figures are what to expect of the fitted values on questions like these; the values fitted on all
the data are printed last, as a ``Thresholds(...)`` to put in ``bot/matching.py``.
"""

from __future__ import annotations

import argparse
import itertools
import random
import sys
import time
from dataclasses import replace
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bot.evaluation import NO_TOPIC, load_labelled  # noqa: E402
from bot.faq import load_faq  # noqa: E402
from bot.match_decision import Thresholds, _firsts, fuse, has_evidence  # noqa: E402
from bot.matching import Matcher  # noqa: E402
from bot.privacy import redact_question  # noqa: E402

DEFAULT_FILES = [REPO / "tests" / "fixtures" / "questions_dev.yaml", REPO / "tests" / "fixtures" / "questions_holdout.yaml"]

WEIGHTS = [  # (lexical, bm25, semantic)
    (lex, bm, sem)
    for lex in (0.3, 0.4, 0.5, 0.6)
    for bm in (0.0, 0.1, 0.2)
    for sem in (0.1, 0.2, 0.3, 0.4, 0.5)
]
ANSWER = [x / 2 for x in range(50, 131, 5)]  # 25 .. 65
SUGGEST = [20.0, 25.0, 30.0, 35.0, 40.0, 45.0]
# Fixed, not fitted: fitting them as well made every fold choose differently and answer wrongly
# more often on its held-out fold (2.3 % against 0.6 % in-sample). The weights are fitted for
# ranking (top-1) alone; then only the answer and suggest lines for the decision.
LEAD = [Thresholds().lead]
EVIDENCE = [Thresholds().evidence]
DISAGREEMENT = [Thresholds().disagreement]  # points off per signal that disagrees
# What a question that was only helped (the right entry among suggestions) is worth, against 1 for
# a correct one: suggestions cost the asker a click, and an out-of-scope asker a "none of these".
HELPED_VALUE = 0.5


def prepare(matcher: Matcher, items, weights) -> list[dict]:
    """Per question, what the decision looks at under fusion ``weights``."""
    limits = replace(Thresholds(), lexical_weight=weights[0], bm25_weight=weights[1], semantic_weight=weights[2])
    rows = []
    for item, signals in items:
        row = {"topic": item.topic, "right": item.right_ids, "top": None}
        if signals.ranked:
            ranked = fuse(signals.ranked, limits)
            best = ranked[0]
            firsts = _firsts(ranked)
            row.update(
                top=best.entry.id, score=best.score, runner=ranked[1].score if len(ranked) > 1 else 0.0,
                disagree=sum(1 for _, e in firsts if e != best.entry.id), instructions=signals.instructions,
                near=[(s.entry.id, s.score) for s in ranked[:3]],
                reciprocal=next((1 / (n + 1) for n, s in enumerate(ranked[:3]) if s.entry.id in item.right_ids), 0.0),
                evidence={e: has_evidence(signals, best, replace(limits, evidence=e), matcher.centrality_of(best.entry.id))
                          for e in EVIDENCE},
            )
        rows.append(row)
    return rows


def arrays(rows: list[dict]) -> dict:
    """The rows as numpy arrays, so that a threshold set is scored on all questions at once."""
    window = Thresholds().suggestion_window
    has = [r["top"] is not None for r in rows]
    get = lambda key, default: np.array([r[key] if h else default for r, h in zip(rows, has)])  # noqa: E731
    right_near = []
    for r, h in zip(rows, has):
        best = -1.0
        if h:
            for entry_id, score in r["near"]:
                if entry_id in r["right"] and r["score"] - score <= window:
                    best = max(best, score)
        right_near.append(best)
    return {
        "none": np.array([r["topic"] == NO_TOPIC for r in rows]),
        "open": np.array(has) & ~get("instructions", True).astype(bool),
        "evidence": {e: np.array([bool(r["evidence"][e]) if h else False for r, h in zip(rows, has)]) for e in EVIDENCE},
        "score": get("score", 0.0).astype(float),
        "lead": (get("score", 0.0) - get("runner", 0.0)).astype(float),
        "disagree": get("disagree", 0).astype(int),
        "top_right": np.array([h and r["top"] in r["right"] for r, h in zip(rows, has)]),
        "right_near": np.array(right_near),
        "reciprocal": np.array([r["reciprocal"] if h else 0.0 for r, h in zip(rows, has)]),
    }


def totals(a: dict, params, mask=None) -> tuple[int, int, int]:
    """(correct, helped, wrong) over the questions in ``mask``, as ``bot.matching.decide`` decides."""
    answer, suggest, lead, evidence, disagreement = params
    gate = a["open"] & a["evidence"][evidence]
    confidence = a["score"] - disagreement * a["disagree"]
    answered = gate & (confidence >= answer) & (a["lead"] >= lead)
    suggested = gate & ~answered & (confidence >= suggest)
    escalated = ~answered & ~suggested
    none = a["none"]
    correct = (answered & a["top_right"] & ~none) | (escalated & none)
    wrong = answered & ~a["top_right"]
    helped = correct | (suggested & ~none & (a["right_near"] >= 0))
    if mask is not None:
        correct, helped, wrong = correct & mask, helped & mask, wrong & mask
    return int(correct.sum()), int(helped.sum()), int(wrong.sum())


def fit(prepared: dict, mask, penalty: float):
    """The weights that rank best (top-1, then the mean reciprocal rank of a right entry among the
    first three), then the answer and suggest lines that decide best with them."""
    def ranking_key(weights):
        a = prepared[weights]
        keep = ~a["none"] if mask is None else (~a["none"] & mask)
        return (int((a["top_right"] & keep).sum()), float((a["reciprocal"] * keep).sum()), weights)

    weights = max(prepared, key=ranking_key)
    a = prepared[weights]
    best_key, best = None, None
    for params in itertools.product(ANSWER, SUGGEST, LEAD, EVIDENCE, DISAGREEMENT):
        if params[1] > params[0]:
            continue
        c, h, w = totals(a, params, mask)
        key = (c + HELPED_VALUE * h - penalty * w, h, -abs(params[0] - 45))
        if best_key is None or key > best_key:
            best_key, best = key, (weights, params)
    return best


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*", type=Path, default=DEFAULT_FILES)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--penalty", type=float, default=16.0, help="correct answers one wrong answer costs")
    parser.add_argument("--lead", type=float, help="fixed lead (default: Thresholds().lead)")
    parser.add_argument("--disagreement", type=float, help="fixed disagreement (default: Thresholds().disagreement)")
    args = parser.parse_args(argv)
    global LEAD, DISAGREEMENT
    if args.lead is not None:
        LEAD = [args.lead]
    if args.disagreement is not None:
        DISAGREEMENT = [args.disagreement]
    for path in args.files:
        if "blind" in path.resolve().parts or "blind" in path.name:
            raise SystemExit(f"{path}: blind sets are for measuring, never for fitting")

    started = time.perf_counter()
    matcher = Matcher(load_faq(REPO / "faq"))
    labelled = [item for path in args.files for item in load_labelled(path)]
    items = [(item, matcher.signals(redact_question(item.question).text)) for item in labelled]
    rows_by_weights = {weights: prepare(matcher, items, weights) for weights in WEIGHTS}
    prepared = {weights: arrays(rows) for weights, rows in rows_by_weights.items()}
    print(f"{len(items)} questions from {', '.join(p.name for p in args.files)}; "
          f"{len(WEIGHTS)} weightings x {len(ANSWER) * len(SUGGEST) * len(LEAD) * len(EVIDENCE) * len(DISAGREEMENT)} "
          f"threshold sets; signals in {time.perf_counter() - started:.1f} s", flush=True)

    order = list(range(len(items)))
    random.Random(args.seed).shuffle(order)
    folds = [order[k::args.folds] for k in range(args.folds)]
    c = h = w = top1 = with_topic = 0
    for k, held in enumerate(folds):
        held_mask = np.zeros(len(items), dtype=bool)
        held_mask[held] = True
        weights, params = fit(prepared, ~held_mask, args.penalty)
        rows = rows_by_weights[weights]
        fc, fh, fw = totals(prepared[weights], params, held_mask)
        ft = sum(1 for i in held if rows[i]["topic"] != NO_TOPIC and rows[i]["top"] in rows[i]["right"])
        fn = sum(1 for i in held if rows[i]["topic"] != NO_TOPIC)
        c, h, w, top1, with_topic = c + fc, h + fh, w + fw, top1 + ft, with_topic + fn
        print(f"fold {k + 1}: weights {weights}, answer/suggest/lead/evidence/disagreement {params}: "
              f"correct {fc}/{len(held)}, helped {fh}, wrong {fw}, top-1 {ft}/{fn}", flush=True)
    n = len(items)
    print(f"\nout-of-fold: top-1 {100 * top1 / with_topic:.1f} %, correct (answer or escalate) {100 * c / n:.1f} %, "
          f"helped (incl. suggestions) {100 * h / n:.1f} %, wrong answers {100 * w / n:.1f} % ({w}/{n})")

    weights, params = fit(prepared, None, args.penalty)
    fc, fh, fw = totals(prepared[weights], params)
    print(f"\nfitted on all {n}: correct {100 * fc / n:.1f} %, helped {100 * fh / n:.1f} %, wrong {100 * fw / n:.1f} %")
    print(f"Thresholds(answer={params[0]}, suggest={params[1]}, lead={params[2]}, evidence={params[3]}, "
          f"lexical_weight={weights[0]}, bm25_weight={weights[1]}, semantic_weight={weights[2]}, disagreement={params[4]})")
    print(f"({time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
