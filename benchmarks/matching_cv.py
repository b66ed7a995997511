#!/usr/bin/env python
"""Fit the matcher's decision model (``bot/match_model.json``) by k-fold cross-validation.

    python benchmarks/matching_cv.py [FILE ...] [--folds 5] [--seed 13] [--max-wrong 0.01]
                                     [--lines-on NAME ...] [--write] [--mistakes]

Default files: the dev set, the holdout, the blind-written training set b and the real-wording
training sets (tests/fixtures/questions_{dev,holdout,train_b,train_c..f,train_h,real_train,real_train2..4}.yaml). Never give it a blind set
(tests/fixtures/blind/): those are for measuring, with ``canishare eval``, and the script refuses them.

Each question's signals (``Matcher.signals``) and the decision model's features are computed once.
Then, for each of k folds over all the questions, a logistic regression is fitted on the other
folds (``bot.logistic.fit``) and its answer and suggest lines are chosen on those
folds' own inner out-of-fold probabilities: the answer line is the lowest that keeps wrong answers
at or under ``--max-wrong`` of the questions, the suggest line the one that does best for
correct + half of helped. The held-out fold is then decided with them. The out-of-fold figures are
printed per file; with ``--write`` the model fitted on all questions, with lines chosen on the
outer out-of-fold probabilities, is written to bot/match_model.json. Named files replace the
default ones. ``--lines-on dev train_b ...`` chooses the lines on those files' questions only (the
stems after ``questions_``), and prints the wrong rate over every file beside each trade-off.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bot import logistic, match_classifier, match_examples, match_model  # noqa: E402
from bot.evaluation import NO_TOPIC, load_labelled  # noqa: E402
from bot.faq import load_faq  # noqa: E402
from bot.match_decision import Thresholds, assess  # noqa: E402
from bot.matching import Matcher  # noqa: E402
from bot.privacy import redact_question  # noqa: E402

FIXTURES = REPO / "tests" / "fixtures"
DEFAULT_FILES = [FIXTURES / f"questions_{name}.yaml" for name in (
    "dev", "holdout", "train_b", "real_train", "real_train2", "train_c", "train_d", "real_train3", "train_e", "train_f",
    "real_train4", "train_h")]
ANSWER_LINES = [x / 100 for x in range(20, 100)]
SUGGEST_LINES = [x / 100 for x in range(2, 60, 2)]
HELPED_VALUE = 0.5  # a question only helped (right entry among suggestions) against 1 for a correct one
L2 = 20.0  # on 136 columns (16 features and their products); chosen by cross-validation on these files
COLUMNS = match_model.COLUMNS
ZERO = match_model.Model(COLUMNS, np.zeros(len(COLUMNS)), np.ones(len(COLUMNS)), np.zeros(len(COLUMNS)), 0.0, 1.0, 1.0)


def prepare(matcher: Matcher, labelled) -> tuple[list, match_examples.WeightedExamples]:
    """Each question's signals (without examples), and the questions as nearest-neighbour examples."""
    texts = [redact_question(item.question).text[:2000] for item in labelled]
    signals_by_row = [matcher.signals(question) for question in texts]
    examples = match_examples.Examples(texts, [match_examples.labels_of(i.topic, i.also) for i in labelled],
                                       _vectors(signals_by_row), [s.terms for s in signals_by_row])
    return signals_by_row, examples.weighted(matcher._weight)


@dataclass
class Learning:
    """What the classifier learns from: the labelled questions' embeddings, terms and labels, and the
    FAQ's own phrasings (always in its training)."""

    vectors: np.ndarray
    terms: list
    labels: list[str]
    faq_vectors: np.ndarray
    faq_terms: list
    faq_labels: list[str]

    @classmethod
    def of(cls, matcher: Matcher, labelled, signals_by_row: list) -> "Learning":
        phrasings = [(entry.id, p) for entry in matcher.faq.entries for p in (entry.question, *entry.phrasings)]
        faq_signals = [matcher.signals(p) for _, p in phrasings]
        return cls(_vectors(signals_by_row), [s.terms for s in signals_by_row], [i.topic for i in labelled],
                   _vectors(faq_signals), [s.terms for s in faq_signals], [entry_id for entry_id, _ in phrasings])

    def fit(self, rows: list[int]) -> match_classifier.Classifier:
        return match_classifier.fit(np.vstack([self.vectors[rows], self.faq_vectors]),
                                    [self.terms[i] for i in rows] + self.faq_terms,
                                    [self.labels[i] for i in rows] + self.faq_labels)

    def predict(self, classifier: match_classifier.Classifier, rows: list[int]) -> dict[int, dict]:
        return {i: classifier.probabilities(self.vectors[i], self.terms[i]) for i in rows}

    def cross_fitted(self, rows: list[int], k: int, seed: int) -> dict[int, dict]:
        """Each row's probabilities from a classifier fitted on the other folds of ``rows``."""
        out: dict[int, dict] = {}
        for held in folds_of(rows, k, seed):
            kept = sorted(set(rows) - set(held))
            out.update(self.predict(self.fit(kept), held))
        return out


def _vectors(signals_by_row: list) -> np.ndarray:
    return np.array([s.vector if s.vector is not None else np.zeros(256, dtype=np.float32) for s in signals_by_row],
                    dtype=np.float32)


def decided(matcher: Matcher, labelled, signals_by_row: list, examples: match_examples.WeightedExamples,
            allowed: np.ndarray | None, classified: list[dict] | None = None) -> tuple[dict, np.ndarray]:
    """Per question, reading only the ``allowed`` examples (and never its own) and the classifier's
    probabilities ``classified`` (from a classifier not fitted on it): whether the best entry is
    right, what each decision would score, and the model's features."""
    limits = Thresholds(answer=100.0, suggest=100.0)
    rows, x = [], np.zeros((len(labelled), len(COLUMNS)))
    for i, (item, signals) in enumerate(zip(labelled, signals_by_row)):
        neighbours = examples.neighbours(signals.vector, signals.terms, examples.examples.texts[i], allowed)
        learnt = classified[i] if classified is not None else {}
        found = assess(replace(signals, neighbours=neighbours, classified=learnt), limits, matcher.centrality_of, ZERO)
        row = {"none": item.topic == NO_TOPIC, "top": "", "open": False, "top_right": False, "near_right": False,
               "instructions": signals.instructions}
        if found is not None:
            best = found.ranked[0]
            near = [s for s in found.ranked[:limits.max_suggestions]
                    if best.score - s.score <= limits.suggestion_window]
            row.update(
                top=best.entry.id, open=found.evidence_ok and not signals.instructions,
                top_right=best.entry.id in item.right_ids,
                near_right=any(s.entry.id in item.right_ids for s in near),
            )
            x[i] = ZERO.vector(found.features)
        rows.append(row)
    return {key: np.array([r[key] for r in rows]) for key in rows[0]}, x


def outcomes(data: dict, p: np.ndarray, answer: float, suggest: float) -> dict:
    """Per question: answered, suggested, correct, helped, wrong, as ``bot.match_decision.decide`` decides."""
    answered = data["open"] & (p >= answer)
    suggested = data["open"] & ~answered & (p >= suggest)
    escalated = ~answered & ~suggested
    none = data["none"]
    correct = (answered & data["top_right"]) | (escalated & none)
    wrong = answered & ~data["top_right"]
    helped = correct | (suggested & data["near_right"])
    return {"answered": answered, "suggested": suggested, "correct": correct, "helped": helped, "wrong": wrong}


def choose_lines(data: dict, p: np.ndarray, max_wrong: float) -> tuple[float, float]:
    n = len(p)
    answer = 1.0
    for line in ANSWER_LINES:  # the lowest line that keeps wrong answers within bounds
        if outcomes(data, p, line, line)["wrong"].sum() <= max_wrong * n:
            answer = line
            break
    best_key, suggest = None, answer
    for line in SUGGEST_LINES:
        if line > answer:
            break
        o = outcomes(data, p, answer, line)
        key = o["correct"].sum() + HELPED_VALUE * o["helped"].sum()
        if best_key is None or key > best_key:
            best_key, suggest = key, line
    return answer, suggest


def fit(data: dict, x: np.ndarray, mask: np.ndarray, weight: np.ndarray) -> match_model.Model:
    train = mask & data["open"]
    fitted = logistic.fit(x[train], data["top_right"][train].astype(float), L2, weight[train])
    return match_model.Model(COLUMNS, fitted.mean, fitted.scale, fitted.weights, fitted.bias, 1.0, 1.0)


def folds_of(indexes: list[int], k: int, seed: int) -> list[list[int]]:
    order = list(indexes)
    random.Random(seed).shuffle(order)
    return [order[i::k] for i in range(k)]


def out_of_fold(data: dict, x: np.ndarray, indexes: list[int], k: int, seed: int, weight: np.ndarray) -> np.ndarray:
    """Probabilities for ``indexes``, each from a model fitted on the other folds of them."""
    p = np.zeros(len(data["open"]))
    for held in folds_of(indexes, k, seed):
        mask = np.zeros(len(p), dtype=bool)
        mask[indexes] = True
        mask[held] = False
        p[held] = fit(data, x, mask, weight).probabilities(x)[held]
    return p


def report(name: str, data: dict, o: dict, mask: np.ndarray) -> str:
    topic = mask & ~data["none"]
    n = int(mask.sum())
    share = lambda a, of: f"{100 * (a & of).sum() / max(of.sum(), 1):.1f} %"  # noqa: E731
    return (f"{name:<10} {n:4d}  top-1 {share(data['top_right'], topic)}  correct {share(o['correct'], mask)}  "
            f"helped {share(o['helped'], mask)}  wrong {share(o['wrong'], mask)} ({int((o['wrong'] & mask).sum())})  "
            f"answered {share(o['answered'], mask)}  none answered {int((o['answered'] & mask & data['none']).sum())}"
            f"/{int((mask & data['none']).sum())}  instructions answered "
            f"{int((o['answered'] & mask & data['instructions']).sum())}/{int((mask & data['instructions']).sum())}")


def cross_validate(matcher, labelled, signals_by_row, examples, source, args,
                   learning: Learning | None) -> tuple[match_model.Model, match_classifier.Classifier | None]:
    """Out-of-fold figures per file, printed; returns the model fitted on all the questions with the
    lines chosen on the out-of-fold probabilities, and (with ``learning``: the examples and the
    classifier are read) the classifier fitted on all of them. The classifier's probabilities the
    decision model learns from are always cross-fitted: from a classifier that did not see the
    question (nested inside each outer fold), as it will not have seen a question asked later."""
    use_examples = learning is not None
    n = len(labelled)
    line_rows = np.isin(source, args.lines_on) if args.lines_on else np.ones(n, dtype=bool)
    weight = np.ones(n)
    none = np.zeros(n, dtype=bool)
    everyone = list(range(n))
    p_oof = np.zeros(n)
    totals = {key: np.zeros(n, dtype=bool) for key in ("answered", "suggested", "correct", "helped", "wrong")}
    held_data = {}
    outer_learnt: dict[int, dict] = {}
    for k, held in enumerate(folds_of(everyone, args.folds, args.seed)):
        held_mask = np.zeros(n, dtype=bool)
        held_mask[held] = True
        rest = [i for i in everyone if not held_mask[i]]
        rest_mask = ~held_mask
        learnt = None
        if learning is not None:  # held: from a classifier fitted on the rest; the rest: cross-fitted within it
            outer_learnt.update(learning.predict(learning.fit(rest), held))
            inner = learning.cross_fitted(rest, args.folds, args.seed + 1 + k)
            learnt = [outer_learnt[i] if held_mask[i] else inner[i] for i in everyone]
        # the held fold is no example
        data, x = decided(matcher, labelled, signals_by_row, examples, rest_mask if use_examples else none, learnt)
        for key, value in data.items():
            held_data.setdefault(key, np.zeros_like(value))[held] = value[held]
        inner = out_of_fold(data, x, rest, args.folds, args.seed + 1 + k, weight)
        chosen_on = rest_mask & line_rows
        sub = {key: value[chosen_on] for key, value in data.items()}
        answer, suggest = choose_lines(sub, inner[chosen_on], args.max_wrong)
        model = fit(data, x, rest_mask, weight)
        p = model.probabilities(x)
        p_oof[held] = p[held]
        o = outcomes(data, p, answer, suggest)
        for key in totals:
            totals[key] |= o[key] & held_mask
        print(f"fold {k + 1}: answer line {answer:.2f}, suggest line {suggest:.2f}: "
              f"correct {int((o['correct'] & held_mask).sum())}/{len(held)}, wrong {int((o['wrong'] & held_mask).sum())}")
    data = held_data
    print("\nout-of-fold:")
    for name in dict.fromkeys(source):
        print(report(name, data, totals, source == name))
    print(report("all", data, totals, np.ones(n, dtype=bool)))
    if args.mistakes:
        for i in np.flatnonzero(totals["wrong"]):
            item = labelled[i]
            print(f"  wrong, p {p_oof[i]:.3f} [{source[i]}] {item.topic} -> {data['top'][i]}: {item.question[:110]!r}")
    on_lines = {key: value[line_rows] for key, value in data.items()}
    for level in (0.005, 0.01, 0.015, 0.02):  # how the out-of-fold probabilities trade wrong answers for correct
        line, _ = choose_lines(on_lines, p_oof[line_rows], level)
        o = outcomes(data, p_oof, line, line)
        print(f"  at most {level:.1%} wrong (line {line:.2f} on the out-of-fold probabilities): correct "
              f"{100 * o['correct'].mean():.1f} %, train_b {100 * o['correct'][source == 'train_b'].mean():.1f} %"
              + (f", wrong over every file {100 * o['wrong'].mean():.1f} %" if args.lines_on else ""))
    answer, suggest = choose_lines(on_lines, p_oof[line_rows], args.max_wrong)
    learnt = [outer_learnt[i] for i in everyone] if learning is not None else None
    data, x = decided(matcher, labelled, signals_by_row, examples, None if use_examples else none, learnt)
    model = fit(data, x, np.ones(n, dtype=bool), weight)
    print(f"\nfitted on all {n}: answer line {answer:.2f}, suggest line {suggest:.2f}")
    for name, push in sorted(zip(model.names, model.weights), key=lambda x: -abs(x[1]))[:20]:
        print(f"  {name:<32} {push:+.3f}")
    classifier = learning.fit(everyone) if learning is not None else None
    return match_model.Model(model.names, model.mean, model.scale, model.weights, model.bias, answer, suggest), classifier


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--max-wrong", type=float, default=0.01, help="share of questions answered wrongly")
    parser.add_argument("--lines-on", nargs="+", metavar="NAME",
                        help="choose the answer and suggest lines on these files only (questions_NAME.yaml)")
    parser.add_argument("--write", action="store_true", help="write bot/match_model.json")
    parser.add_argument("--mistakes", action="store_true", help="print the questions answered wrongly out of fold")
    args = parser.parse_args(argv)
    files = args.files or [f for f in DEFAULT_FILES if f.exists()]
    for path in files:
        if "blind" in path.resolve().parts or "blind" in path.name:
            raise SystemExit(f"{path}: blind sets are for measuring, never for fitting")

    started = time.perf_counter()
    empty = match_examples.Examples([], [], np.zeros((0, 256), dtype=np.float32))
    matcher = Matcher(load_faq(REPO / "faq"), examples=empty)
    labelled, source = [], []
    for path in files:
        items = load_labelled(path)
        labelled += items
        source += [path.stem.removeprefix("questions_")] * len(items)
    signals_by_row, examples = prepare(matcher, labelled)
    source = np.array(source)
    unknown = sorted(set(args.lines_on or ()) - set(source.tolist()))
    if unknown:  # an empty mask would choose the lowest lines there are
        raise SystemExit(f"--lines-on: no file named {', '.join(unknown)}; the files are "
                         f"{', '.join(dict.fromkeys(source.tolist()))} (name FILE... before --lines-on)")
    n = len(labelled)
    print(f"{n} questions from {', '.join(p.name for p in files)}; signals in {time.perf_counter() - started:.1f} s")

    learning = Learning.of(matcher, labelled, signals_by_row)
    with_examples, classifier = cross_validate(matcher, labelled, signals_by_row, examples, source, args, learning)
    print("\nwithout the examples and the classifier (the fallback for an FAQ they do not cover):")
    without, _ = cross_validate(matcher, labelled, signals_by_row, examples, source, args, None)
    if args.write:
        about = (f"Fitted by python benchmarks/matching_cv.py --write on {', '.join(p.name for p in files)} "
                 f"({n} questions; {args.folds}-fold cross-validation, lines on out-of-fold probabilities, "
                 f"wrong answers at most {args.max_wrong:.1%}"
                 f"{' on ' + ', '.join(args.lines_on) if args.lines_on else ''}); see bot/match_model.py.")
        stored = with_examples.to_json(about=about)
        stored["without_examples"] = without.to_json()
        match_model.MODEL_FILE.write_text(json.dumps(stored, indent=1) + "\n", encoding="utf-8")
        match_examples.write(examples.examples, [i.topic for i in labelled], [i.also for i in labelled],
                             f"The labelled questions of {', '.join(p.name for p in files)}, redacted, as the "
                             "decision model's nearest-neighbour examples; written with bot/match_model.json.")
        match_classifier.write(classifier)
        print(f"written to {match_model.MODEL_FILE}")
    print(f"({time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
