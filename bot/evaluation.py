"""Score the matcher on a labelled list of questions (``canishare eval``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

import yaml

from bot.matching import ANSWER, ESCALATE, SUGGEST, Match, Matcher, match_redacted

NO_TOPIC = "none"


@dataclass(frozen=True)
class Labelled:
    question: str
    topic: str  # an FAQ id, or "none" when no entry should be given


@dataclass
class Outcome:
    item: Labelled
    match: Match

    @property
    def ranked_ids(self) -> list[str]:
        return [s.entry.id for s in self.match.ranked]

    @property
    def offered_ids(self) -> list[str]:
        return [e.id for e in self.match.suggestions]

    @property
    def wrong_answer(self) -> bool:
        return self.match.decision == ANSWER and self.offered_ids[0] != self.item.topic

    @property
    def correct(self) -> bool:
        """Answered right, offered the right entry among suggestions, or escalated a 'none'."""
        if self.item.topic == NO_TOPIC:
            return self.match.decision == ESCALATE
        return self.match.decision in (ANSWER, SUGGEST) and self.item.topic in self.offered_ids


@dataclass
class Report:
    outcomes: list[Outcome] = field(default_factory=list)

    def _share(self, items: list, predicate: Callable) -> tuple[int, int]:
        return sum(1 for o in items if predicate(o)), len(items)

    def figures(self) -> dict[str, tuple[int, int]]:
        with_topic = [o for o in self.outcomes if o.item.topic != NO_TOPIC]
        without = [o for o in self.outcomes if o.item.topic == NO_TOPIC]
        escalated = [o for o in self.outcomes if o.match.decision == ESCALATE]
        return {
            "top-1": self._share(with_topic, lambda o: o.ranked_ids[:1] == [o.item.topic]),
            "top-3": self._share(with_topic, lambda o: o.item.topic in o.ranked_ids[:3]),
            "answered right": self._share(
                self.outcomes, lambda o: o.match.decision == ANSWER and not o.wrong_answer
            ),
            "correct": self._share(self.outcomes, lambda o: o.correct),
            "wrong answers": self._share(self.outcomes, lambda o: o.wrong_answer),
            "escalation precision": self._share(escalated, lambda o: o.item.topic == NO_TOPIC),
            "escalation recall": self._share(without, lambda o: o.match.decision == ESCALATE),
        }

    def mistakes(self) -> list[Outcome]:
        return [o for o in self.outcomes if not o.correct or o.wrong_answer]

    def decisions(self) -> dict[str, int]:
        counts = {ANSWER: 0, SUGGEST: 0, ESCALATE: 0}
        for o in self.outcomes:
            counts[o.match.decision] += 1
        return counts


def load_labelled(path: str | Path) -> list[Labelled]:
    raw = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    if not isinstance(raw, list):
        raise ValueError(f"{path}: expected a list of {{q, topic}} items")
    items = []
    for position, item in enumerate(raw, start=1):
        if not isinstance(item, dict) or not isinstance(item.get("q"), str) or not isinstance(item.get("topic"), str):
            raise ValueError(f"{path}: item {position} needs text fields 'q' and 'topic'")
        items.append(Labelled(item["q"], item["topic"]))
    return items


def evaluate(matcher: Matcher, items: Iterable[Labelled],
             progress: Callable[[int], None] = lambda done: None) -> Report:
    report = Report()
    for done, item in enumerate(items, start=1):
        report.outcomes.append(Outcome(item, match_redacted(matcher, item.question)))
        progress(done)
    return report


def unknown_topics(matcher: Matcher, items: Iterable[Labelled]) -> list[str]:
    return sorted({i.topic for i in items if i.topic != NO_TOPIC and matcher.faq.get(i.topic) is None})
