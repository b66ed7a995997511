"""Score the matcher on a labelled list of questions (``canishare eval``).

Two headline figures, kept apart on purpose:

* **correct (answer or escalate)**: the bot did the right thing without the asker choosing: a
  direct answer with the right entry, or an escalation of a question no entry answers (``none``).
  Suggestions never count here.
* **helped (incl. suggestions)**: as above, or the right entry was among the suggestions offered.

A labelled item may name equally good entries in ``also: [id, ...]``: an answer, a suggestion or a
top-ranked entry from that list counts as right.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

import yaml

from bot.failures import yaml_problem
from bot.matching import ANSWER, ESCALATE, SUGGEST, Match, Matcher, match_redacted
from bot.readable import decoded

NO_TOPIC = "none"


CORRECT = "correct (answer or escalate)"
HELPED = "helped (incl. suggestions)"


@dataclass(frozen=True)
class Labelled:
    question: str
    topic: str  # an FAQ id, or "none" when no entry should be given
    also: tuple[str, ...] = ()  # entries that answer the question equally well

    @property
    def right_ids(self) -> tuple[str, ...]:
        """Every entry that is a right answer (empty for a 'none' question)."""
        return () if self.topic == NO_TOPIC else (self.topic, *self.also)


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
    def top1(self) -> bool:
        return bool(self.ranked_ids) and self.ranked_ids[0] in self.item.right_ids

    @property
    def top3(self) -> bool:
        return any(i in self.item.right_ids for i in self.ranked_ids[:3])

    @property
    def answered_right(self) -> bool:
        return self.match.decision == ANSWER and self.offered_ids[0] in self.item.right_ids

    @property
    def wrong_answer(self) -> bool:
        return self.match.decision == ANSWER and self.offered_ids[0] not in self.item.right_ids

    @property
    def correct(self) -> bool:
        """Answered with a right entry, or escalated a 'none' question; suggestions do not count."""
        if self.item.topic == NO_TOPIC:
            return self.match.decision == ESCALATE
        return self.answered_right

    @property
    def helped(self) -> bool:
        """Correct, or a right entry was among the suggestions offered."""
        if self.correct:
            return True
        return self.match.decision == SUGGEST and any(i in self.item.right_ids for i in self.offered_ids)


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
            "top-1": self._share(with_topic, lambda o: o.top1),
            "top-3": self._share(with_topic, lambda o: o.top3),
            "answered right": self._share(self.outcomes, lambda o: o.answered_right),
            CORRECT: self._share(self.outcomes, lambda o: o.correct),
            HELPED: self._share(self.outcomes, lambda o: o.helped),
            "wrong answers": self._share(self.outcomes, lambda o: o.wrong_answer),
            "escalation precision": self._share(escalated, lambda o: o.item.topic == NO_TOPIC),
            "escalation recall": self._share(without, lambda o: o.match.decision == ESCALATE),
        }

    def mistakes(self) -> list[Outcome]:
        """Outcomes that did not help the asker (wrong answers included)."""
        return [o for o in self.outcomes if not o.helped or o.wrong_answer]

    def decisions(self) -> dict[str, int]:
        counts = {ANSWER: 0, SUGGEST: 0, ESCALATE: 0}
        for o in self.outcomes:
            counts[o.match.decision] += 1
        return counts


def load_labelled(path: str | Path) -> list[Labelled]:
    """The labelled items of a YAML file (a list of {q, topic, also?}); ``ValueError`` naming the file
    (and the item) when it cannot be read or an item is malformed."""
    path = Path(path)
    try:
        raw = yaml.safe_load(decoded(path.read_bytes()))
    except OSError as error:
        raise ValueError(f"{path}: cannot be read ({error.strerror or error}); check the path") from None
    except yaml.YAMLError as error:
        raise ValueError(f"{path}: {yaml_problem(error)}") from None
    if not isinstance(raw, list):
        raise ValueError(f"{path}: expected a list of {{q, topic, also?}} items")
    items = []
    for position, item in enumerate(raw, start=1):
        if not isinstance(item, dict) or not isinstance(item.get("q"), str) or not isinstance(item.get("topic"), str):
            raise ValueError(f"{path}: item {position} needs text fields 'q' and 'topic'")
        also = item.get("also")
        also = [] if also is None else [also] if isinstance(also, str) else also
        if not isinstance(also, list) or not all(isinstance(a, str) and a.strip() for a in also):
            raise ValueError(f"{path}: item {position}: 'also' must be a list of FAQ ids")
        if also and item["topic"] == NO_TOPIC:
            raise ValueError(f"{path}: item {position}: a 'none' question cannot have 'also' entries")
        items.append(Labelled(item["q"], item["topic"], tuple(also)))
    return items


def evaluate(matcher: Matcher, items: Iterable[Labelled],
             progress: Callable[[int], None] = lambda done: None) -> Report:
    report = Report()
    for done, item in enumerate(items, start=1):
        item = _under_current_ids(item, matcher.faq)
        report.outcomes.append(Outcome(item, match_redacted(matcher, item.question)))
        progress(done)
    return report


def _under_current_ids(item: Labelled, faq) -> Labelled:
    """A labelled item whose ids name renamed entries, labelled with their current ids."""
    if not faq.renamed or not any(i in faq.renamed for i in item.right_ids):
        return item
    topic, *also = [faq.named_today(i) for i in item.right_ids]
    return Labelled(item.question, topic, tuple(dict.fromkeys(a for a in also if a != topic)))


def unknown_topics(matcher: Matcher, items: Iterable[Labelled]) -> dict[str, list[int]]:
    """Each id a labelled item names (as its topic or in ``also``) that the FAQ does not have, with
    the positions (from 1) of the items naming it."""
    unknown: dict[str, list[int]] = {}
    for position, item in enumerate(items, start=1):
        for topic in item.right_ids:
            if matcher.faq.get(topic) is None:
                unknown.setdefault(topic, []).append(position)
    return dict(sorted(unknown.items()))
