"""Grouping similar questions.

``group_questions`` is greedy: questions are taken in the order given (the order they were asked)
and each joins the existing group it is most similar to on average, if that average is at least the
threshold; otherwise it starts a group. Groups never merge, so there is no chaining (connected
components glue unrelated questions together through a run of near neighbours). Similarity is
measured on ``bot.text.content_tokens``: half rapidfuzz ``token_set_ratio`` (which forgives a
question that adds context to another), half a Dice overlap of the words weighted by how rare each
is among the questions being grouped (so a one-word question cannot match everything). Two
questions that are the same sentence with one word swapped ("... with the police" / "... with
their landlord", "deceased" / "living") ask different things: such a "minimal pair" may never share
a group. Two questions the matcher gave the same FAQ entry with confidence (the entry it would
answer with) ask about the same thing more often than their words show, so such a pair scores
``SAME_TOPIC_BONUS`` more. The threshold and the bonus are measured on
tests/fixtures/digest_grouping.yaml by benchmarks/grouping_quality.py.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from typing import Sequence

from rapidfuzz import fuzz

from bot import text as textnorm
from bot.digest.quoting import names_in
from bot.matching import Thresholds, match_redacted

# Measured by benchmarks/grouping_quality.py on tests/fixtures/digest_grouping.yaml (see there).
GROUPING_THRESHOLD = 50.0
SAME_TOPIC_BONUS = 25.0
# Two words this alike (rapidfuzz ratio) are one word mistyped, not a different word.
SAME_WORD_SCORE = 80.0


@dataclass(frozen=True)
class Group:
    """Indices into the texts given to ``group_questions``: all members (in order) and the one that
    stands for the group (the most typical, preferring a text with no name or identifier in it)."""

    members: tuple[int, ...]
    representative: int

    def __len__(self) -> int:
        return len(self.members)


class Similarity:
    """Pairwise similarity of questions: 0-100 on their content tokens, plus ``SAME_TOPIC_BONUS`` when
    both have the same (confidently matched) FAQ entry in ``topics``."""

    def __init__(self, texts: Sequence[str], topics: Sequence[str | None] | None = None):
        self.topics = list(topics) if topics is not None else [None] * len(texts)
        self.tokens = [textnorm.content_tokens(t) for t in texts]
        self.sets = [frozenset(t) for t in self.tokens]
        self.strings = [" ".join(sorted(s)) for s in self.sets]
        frequency: Counter[str] = Counter()
        for tokens in self.sets:
            frequency.update(tokens)
        size = len(texts)
        idf = {t: math.log((size + 1) / (n + 1)) + 1 for t, n in frequency.items()}
        self.idf = idf
        self.weight = [sum(idf[t] for t in s) for s in self.sets]

    def minimal_pair(self, i: int, j: int) -> bool:
        """The same question with exactly one (not merely mistyped) word swapped."""
        a, b = self.sets[i], self.sets[j]
        only_a, only_b = a - b, b - a
        if len(only_a) != 1 or len(only_b) != 1 or not (a & b):
            return False
        (x,), (y,) = only_a, only_b
        return fuzz.ratio(x, y) < SAME_WORD_SCORE

    def score(self, i: int, j: int) -> float:
        a, b = self.sets[i], self.sets[j]
        if not a or not b:
            return 100.0 if not a and not b and self.strings[i] == self.strings[j] else 0.0
        shared = a & b
        dice = 100 * 2 * sum(self.idf[t] for t in shared) / (self.weight[i] + self.weight[j])
        same_topic = self.topics[i] is not None and self.topics[i] == self.topics[j]
        return 0.5 * fuzz.token_set_ratio(self.strings[i], self.strings[j]) + 0.5 * dice + (
            SAME_TOPIC_BONUS if same_topic else 0.0
        )


def group_questions(
    texts: Sequence[str], threshold: float = GROUPING_THRESHOLD, topics: Sequence[str | None] | None = None
) -> list[Group]:
    """Group similar questions greedily (see the module docstring); ``topics`` gives each question's
    confidently matched FAQ entry, or None. The result is ordered by size, largest first, then by
    first member."""
    sim = Similarity(texts, topics)
    members: list[list[int]] = []
    scores: dict[tuple[int, int], float] = {}
    for i in range(len(texts)):
        totals = [0.0] * len(members)
        blocked = [False] * len(members)
        for g, group in enumerate(members):
            for j in group:
                if sim.minimal_pair(i, j):
                    blocked[g] = True
                    break
                s = sim.score(i, j)
                scores[(j, i)] = s
                totals[g] += s
        best, best_score = None, -1.0
        for g, group in enumerate(members):
            if blocked[g]:
                continue
            mean = totals[g] / len(group)
            if mean > best_score:
                best, best_score = g, mean
        if best is not None and best_score >= threshold:
            members[best].append(i)
        else:
            members.append([i])

    def pair(i: int, j: int) -> float:
        key = (min(i, j), max(i, j))
        return scores[key] if key in scores else sim.score(i, j)

    def plain(i: int) -> bool:
        return "[" not in texts[i] and "@" not in texts[i] and not names_in(texts[i])

    groups = []
    for group in members:
        if len(group) == 1:
            groups.append(Group((group[0],), group[0]))
            continue
        centrality = {i: sum(pair(i, j) for j in group if j != i) / (len(group) - 1) for i in group}
        # a one- or two-word question ("quick consent question") says too little to stand for others
        representative = min(group, key=lambda i: (not plain(i), len(sim.sets[i]) < 3, -centrality[i], i))
        groups.append(Group(tuple(group), representative))
    groups.sort(key=lambda g: (-len(g), g.members[0]))
    return groups


def confident_topic(question, answer_score: float = Thresholds.answer) -> str | None:
    """The FAQ entry the matcher would have answered the question with (its score clears the answer
    threshold), whatever it decided in the end; None when no entry was that close."""
    return question.faq_id if question.faq_id and question.score >= answer_score else None


def topics_now(texts: Sequence[str], matcher) -> list[str | None]:
    """``confident_topic`` for questions matched now rather than read from the store (fixtures)."""
    topics = []
    for text in texts:
        match = match_redacted(matcher, text)
        topics.append(match.entry.id if match.entry and match.score >= matcher.thresholds.answer else None)
    return topics
