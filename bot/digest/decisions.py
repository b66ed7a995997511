"""The digest's decision records: privacy-safe counts, so that the Centre sees whether "myth busted"
turns into sharing. Records are counted by decision and by FAQ entry, and a decision or an entry is
shown only when at least ``QUOTE_MIN_ASKERS`` different people recorded it (the rule of the
digest's quotes); smaller groups are only part of the total. Nothing a person typed, and nobody's
id, appears."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from bot.decisions import DECISION_LABELS, SHARING
from bot.digest.quoting import QUOTE_MIN_ASKERS
from bot.records import SharingDecision


@dataclass(frozen=True)
class DecisionCount:
    decision: str  # a SharingDecision
    label: str
    records: int
    people: int


@dataclass(frozen=True)
class TopicDecisions:
    faq_id: str
    title: str | None  # None: no longer in the FAQ
    records: int
    people: int
    shared: int  # shared or shared in part


@dataclass(frozen=True)
class DecisionSummary:
    records: int = 0  # decision records made in the week
    people: int = 0  # different people who made them (counted, never named)
    by_decision: tuple[DecisionCount, ...] = ()  # only decisions at least ``min_people`` people recorded
    by_topic: tuple[TopicDecisions, ...] = ()  # only FAQ entries at least ``min_people`` people recorded
    min_people: int = QUOTE_MIN_ASKERS


def decision_summary(store, faq, start: str, end: str, min_people: int = QUOTE_MIN_ASKERS) -> DecisionSummary:
    """The decision records made in [start, end), counted privacy-safely."""
    records = store.decision_records(since=start, until=end)
    by_decision: dict[str, list] = defaultdict(list)
    by_topic: dict[str, list] = defaultdict(list)
    for record in records:
        by_decision[record.decision].append(record)
        if record.faq_id:  # a renamed entry's records count under its id today (``replaces``)
            by_topic[faq.named_today(record.faq_id) if faq is not None else record.faq_id].append(record)

    def people(group) -> int:
        return len({r.user for r in group})

    decisions = tuple(
        DecisionCount(str(d), DECISION_LABELS[d], len(by_decision[d]), people(by_decision[d]))
        for d in SharingDecision if people(by_decision[d]) >= min_people
    )
    topics = sorted(
        (TopicDecisions(faq_id, _title(faq, faq_id), len(group), people(group),
                        sum(1 for r in group if r.decision in SHARING))
         for faq_id, group in by_topic.items() if people(group) >= min_people),
        key=lambda t: (-t.records, t.faq_id),
    )
    return DecisionSummary(len(records), people(records), decisions, tuple(topics), min_people)


def _title(faq, faq_id: str) -> str | None:
    entry = faq.get(faq_id) if faq is not None else None
    return entry.question if entry else None


def decision_lines(summary: DecisionSummary, esc=lambda text: text) -> list[str]:
    """The summary as lines for the renderings (``esc`` escapes FAQ titles for the format)."""
    if not summary.records:
        return ["No decision records this week."]
    who = "person" if summary.people == 1 else "people"
    lines = [f"{summary.records} decision record(s) from {summary.people} {who}."]
    if summary.by_decision:
        lines.append("By decision: " + "; ".join(f"{d.label.lower()} {d.records}" for d in summary.by_decision) + ".")
    lines += [f"`{t.faq_id}` {esc(t.title) if t.title else '(no longer in the FAQ)'}: {t.records} record(s) from "
              f"{t.people} people, {t.shared} shared or shared in part" for t in summary.by_topic]
    lines.append(f"Decisions and FAQ entries fewer than {summary.min_people} people recorded are counted in the "
                 "total only.")
    return lines
