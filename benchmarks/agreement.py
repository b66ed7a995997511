#!/usr/bin/env python
"""How far a careful reader agrees with the labels: the ceiling for the matcher and the grouping.

    python benchmarks/agreement.py

The files in tests/fixtures/agreement/ are independent readings of three fitting files, made by
helpers of the project who saw only the topic list (for topics) or nothing but the questions (for
groups), never the labels (see each file's header):

- two readers' topics for tests/fixtures/questions_real_train3.yaml (real wording cut from public pages);
- one reader's topics for tests/fixtures/questions_train_d.yaml (questions written blind for training);
- two readers' groups for tests/fixtures/digest_grouping_dev3.yaml.

For topics it prints what ``canishare eval`` calls top-1, with the reader in the matcher's place:
the share of the items the file labels with a topic whose reader's topic is that topic or one of
its ``also`` entries; then how often reader and file agree that no topic answers an item. For groups
it prints the pairwise precision and recall of the reader's grouping against the file's (as
``benchmarks/grouping_quality.py`` scores the grouping), and of one reader against the other.

Compare with the out-of-fold figures of ``benchmarks/matching_cv.py`` and
``benchmarks/grouping_quality.py`` on the same files. The readers are language models, as were the
files' writers: their agreement is what reading the words closely achieves, not a panel of
practitioners' (two readers of one file agree with each other more than either agrees with the file).
A script, not a test.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from grouping_quality import counts, figures  # noqa: E402

from bot.evaluation import NO_TOPIC, Labelled, load_labelled  # noqa: E402

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures"
READINGS = FIXTURES / "agreement"
TOPIC_READINGS = {"real_train3": ["real_train3_reader_a.yaml", "real_train3_reader_b.yaml"],
                  "train_d": ["train_d_reader_a.yaml"]}
GROUP_READINGS = {"dev3": ("digest_grouping_dev3.yaml",
                           ["digest_grouping_dev3_reader_a.yaml", "digest_grouping_dev3_reader_b.yaml"])}


def aligned(labelled: list[Labelled], reading: list[Labelled]) -> list[tuple[Labelled, Labelled]]:
    """The file's items paired with the reader's, by text (every item of each must be in the other)."""
    by_text = {item.question: item for item in reading}
    missing = [item.question for item in labelled if item.question not in by_text]
    if missing or len(by_text) != len(labelled):
        raise SystemExit(f"the reading does not hold the file's items ({len(missing)} missing)")
    return [(item, by_text[item.question]) for item in labelled]


def topic_agreement(pairs: list[tuple[Labelled, Labelled]]) -> str:
    with_topic = [(gold, read) for gold, read in pairs if gold.topic != NO_TOPIC]
    top1 = sum(read.topic in (gold.topic, *gold.also) for gold, read in with_topic) / len(with_topic)
    gold_none = sum(gold.topic == NO_TOPIC for gold, _ in pairs)
    read_none = sum(read.topic == NO_TOPIC for _, read in pairs)
    both_none = sum(gold.topic == NO_TOPIC and read.topic == NO_TOPIC for gold, read in pairs)
    return (f"top-1 {100 * top1:.1f} % of {len(with_topic)} with a topic; no topic: file {gold_none}, "
            f"reader {read_none}, both {both_none}")


def group_labels(path: Path) -> dict[str, str]:
    """Each question's group, from a grouping fixture (``questions:``) or a reading (a list)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    items = data["questions"] if isinstance(data, dict) else data
    groups = {item["text"]: item["group"] for item in items}
    if len(groups) != len(items):
        raise SystemExit(f"{path.name}: a question is there twice")
    return groups


def pairwise(reference: dict[str, str], other: dict[str, str]) -> tuple[float, float]:
    texts = sorted(reference)
    if set(other) != set(texts):
        raise SystemExit("the grouping does not hold the file's questions")
    numbered = {name: n for n, name in enumerate(sorted(set(reference.values()) | set(other.values())))}
    labels = np.array([numbered[reference[t]] for t in texts])
    assigned = np.array([numbered[other[t]] for t in texts])
    precision, recall, _ = figures(counts(labels, assigned, np.ones((len(texts), len(texts)), dtype=bool)))
    return precision, recall


def main() -> int:
    for name, files in TOPIC_READINGS.items():
        labelled = load_labelled(FIXTURES / f"questions_{name}.yaml")
        readings = [load_labelled(READINGS / f) for f in files]
        for f, reading in zip(files, readings):
            print(f"{name}: {f}: {topic_agreement(aligned(labelled, reading))}")
        if len(readings) == 2:
            first, second = readings
            print(f"{name}: reader a against reader b (b in the file's place): "
                  f"{topic_agreement(aligned(second, first))}")
    for name, (fixture, files) in GROUP_READINGS.items():
        reference = group_labels(FIXTURES / fixture)
        readings = [group_labels(READINGS / f) for f in files]
        for f, reading in zip(files, readings):
            print(f"{name}: {f}: precision %.3f, recall %.3f" % pairwise(reference, reading))
        if len(readings) == 2:
            print(f"{name}: reader a against reader b: precision %.3f, recall %.3f" % pairwise(readings[1], readings[0]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
