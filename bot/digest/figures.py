"""The figures of one week, and the week before for comparison: ``build_digest``. Pure functions
over the store and the FAQ."""

from __future__ import annotations

import datetime as dt
import math
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Sequence

from bot.digest.decisions import DecisionSummary, decision_summary
from bot.digest.grouping import confident_topic, group_questions
from bot.digest.quoting import QUOTE_MIN_ASKERS, quote
from bot.digest.ratings import Unhelpful, rank_unhelpful
from bot.digest.rising import RISING_WEEKS, RisingTopic, Volume, rising_topics
from bot.digest.weeks import iso_week, parse_week, shift_week, week_bounds
from bot.faq import due_watches
from bot.matching import Thresholds
from bot.records import CLAIMED, HELPFUL, NOT_HELPFUL, OPEN, Decision, Via
from bot.times import parse_stored_time
from bot.working_hours import WorkingHours

REVIEW_AFTER_MONTHS = 12

# How much the digest lists (the JSON has the same lists; renderings may show fewer).
TOP_TOPICS = 10
TOP_GROUPS = 15
OLDEST_OPEN = 5
TREND_WEEKS = 8  # the trend: this week and the seven before it
TOP_CHANNELS = 10
# A channel is named only when at least this many different people asked there; the rest are
# counted together. Direct messages (and App Home) are one place, never one per person.
CHANNEL_MIN_ASKERS = QUOTE_MIN_ASKERS
PRIVATE_SOURCES = (Via.DM, Via.HOME, Via.CLI)


@dataclass(frozen=True)
class WeekFigures:
    week: str
    start: str  # UTC, inclusive
    end: str  # UTC, exclusive
    asked: int = 0
    askers: int = 0  # different people (counted, never named)
    answered_by_faq: int = 0  # the matcher answered with an entry
    suggested: int = 0  # the matcher offered "did you mean" entries
    suggestions_picked: int = 0  # of those, the asker opened one (or rated one helpful), and not as unhelpful
    escalated: int = 0  # the matcher found no entry that fits (offered to an advisor; not all accept)
    helpful: int = 0
    not_helpful: int = 0
    escalations_opened: int = 0
    escalations_answered: int = 0  # first advisor answer given this week
    escalations_open_at_end: int = 0  # open or claimed when the week ended
    urgent_asked: int = 0  # questions that signalled an immediate risk of harm
    urgent_escalations_opened: int = 0
    urgent_open_at_end: int = 0  # urgent escalations open or claimed (not answered) when the week ended
    median_hours_to_answer: float | None = None  # of the escalations first answered this week
    p90_hours_to_answer: float | None = None  # nearest-rank 90th percentile
    # the same in the advisors' working time (CANISHARE_ADVISOR_HOURS); None when no working hours are set
    median_working_hours_to_answer: float | None = None
    p90_working_hours_to_answer: float | None = None


@dataclass(frozen=True)
class TopicCount:
    faq_id: str
    title: str | None  # None: no longer in the FAQ
    count: int
    previous_count: int


@dataclass(frozen=True)
class QuestionGroup:
    questions: int
    askers: int
    quoted: bool
    text: str | None  # the representative (redacted) question, only when quoted
    faq_id: str | None = None  # the entry most of its questions were answered by (``answered_by``), if any


@dataclass(frozen=True)
class GroupSummary:
    groups: tuple[QuestionGroup, ...]  # the largest groups of two or more questions
    more_groups: int  # further groups of two or more questions not listed
    single_questions: int  # questions like no other that week
    unquoted_questions: int  # questions in listed groups fewer than QUOTE_MIN_ASKERS people asked


@dataclass(frozen=True)
class OverdueEntry:
    faq_id: str
    title: str
    last_reviewed: dt.date


@dataclass(frozen=True)
class OpenEscalation:
    id: int
    opened_at: str
    days_open: float  # at the end of the week
    claimed: bool
    urgent: bool


@dataclass(frozen=True)
class TrendWeek:
    week: str
    asked: int  # questions asked
    escalated: int  # escalations opened: questions sent to the advisors


@dataclass(frozen=True)
class PlaceCount:
    """Where questions were asked: a Slack channel (its id; Slack shows its name), or every direct
    message and App Home question together (``channel`` None). Never a person."""

    channel: str | None
    questions: int
    name: str | None = None  # the channel's Slack name, when the digest was built with a token


@dataclass(frozen=True)
class Places:
    listed: tuple[PlaceCount, ...]  # channels where at least CHANNEL_MIN_ASKERS people asked, and DMs
    other_channels: int = 0  # channels not listed (fewer people asked there, or beyond the top ones)
    other_questions: int = 0  # the questions asked in them (and in DMs, when fewer people asked that way)
    other_direct_messages: bool = False  # whether other_questions holds direct messages too (said "elsewhere")


@dataclass(frozen=True)
class Proposals:
    """Advisors' answers proposed as new FAQ entries (``canishare faq drafts`` turns them into drafts)."""

    this_week: int = 0  # proposed in answers given this week
    not_drafted: int = 0  # proposed at any time and not drafted yet


@dataclass(frozen=True)
class LawChangeDue:
    faq_id: str
    title: str
    what: str
    expected: dt.date
    source: str


@dataclass(frozen=True)
class Digest:
    week: str
    first_day: dt.date  # Monday, London
    last_day: dt.date  # Sunday, London
    this_week: WeekFigures
    previous_week: WeekFigures
    topics: tuple[TopicCount, ...] = ()
    common: GroupSummary = GroupSummary((), 0, 0, 0)
    missed: GroupSummary = GroupSummary((), 0, 0, 0)
    unhelpful: Unhelpful = Unhelpful()
    overdue: tuple[OverdueEntry, ...] = ()
    review_cutoff: dt.date | None = None  # entries last reviewed before this are overdue
    oldest_open: tuple[OpenEscalation, ...] = ()  # urgent ones first, then the oldest (up to OLDEST_OPEN)
    longest_open_days: float | None = None  # the escalation open longest when the week ended
    quote_min_askers: int = QUOTE_MIN_ASKERS
    trend: tuple[TrendWeek, ...] = ()  # oldest first, ending with this week
    rising: tuple[RisingTopic, ...] = ()
    volume: Volume | None = None  # this week's questions against the average week before
    places: Places = Places(())
    law_changes: tuple[LawChangeDue, ...] = ()  # pending law changes whose expected date has passed
    decisions: DecisionSummary = DecisionSummary()  # decision records, counted privacy-safely
    proposals: Proposals = Proposals()
    channel_names: bool = False  # whether places name channels (built with a Slack token) or give their ids


def _current_faq(faq):
    return faq.current() if hasattr(faq, "current") else faq


def _percentile(values: Sequence[float], fraction: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


def _figures(store, week: str, questions: list | None = None,
             hours: WorkingHours | None = None) -> tuple[WeekFigures, list[dict]]:
    """The figures of one week and the escalations open when it ended (oldest first). Its questions
    are counted in SQL unless given (``Store.digest_questions``)."""
    start, end = week_bounds(week)
    if questions is None:
        c = store.question_counts(start, end)
        asked, askers = c["asked"], c["askers"]
        answered, suggested, escalated, picked = c["answer"], c["suggest"], c["escalate"], c["picked"]
        urgent = c["urgent"]
    else:
        decisions = Counter(q.decision for q in questions)
        asked, askers = len(questions), len({q.asker for q in questions})
        answered, suggested, escalated = (decisions[Decision.ANSWER], decisions[Decision.SUGGEST],
                                          decisions[Decision.ESCALATE])
        picked = sum(1 for q in questions if q.decision == Decision.SUGGEST and q.answered_by)
        urgent = sum(1 for q in questions if q.urgent)
    ratings = Counter(r["rating"] for r in store.feedback(start, end))
    answers = store.escalation_first_answers(start, end)
    waited = [_hours(a["created_at"], a["first_answered_at"]) for a in answers]
    worked = [_working_hours(hours, a["created_at"], a["first_answered_at"]) for a in answers] if hours else []
    states = store.escalation_states_at(end)
    open_at_end = [e for e in states if e["state"] in (OPEN, CLAIMED)]
    opened = store.escalations(since=start, until=end)
    figures = WeekFigures(
        week=week, start=start, end=end, asked=asked, askers=askers,
        answered_by_faq=answered, suggested=suggested, suggestions_picked=picked, escalated=escalated,
        helpful=ratings[HELPFUL], not_helpful=ratings[NOT_HELPFUL],
        escalations_opened=len(opened),
        escalations_answered=len(answers), escalations_open_at_end=len(open_at_end),
        urgent_asked=urgent, urgent_escalations_opened=sum(1 for e in opened if e.urgent),
        urgent_open_at_end=sum(1 for e in open_at_end if e["urgent"]),
        median_hours_to_answer=_median(waited), p90_hours_to_answer=_p90(waited),
        median_working_hours_to_answer=_median(worked), p90_working_hours_to_answer=_p90(worked),
    )
    return figures, open_at_end


def _trend(store, week: str) -> tuple[TrendWeek, ...]:
    weeks = [shift_week(week, -back) for back in range(TREND_WEEKS - 1, -1, -1)]
    counts = store.weekly_counts([week_bounds(w) for w in weeks])
    return tuple(TrendWeek(w, c["asked"], c["escalated"]) for w, c in zip(weeks, counts))


def _rising(store, week: str, counts: Counter, asked: int, title,
            now=lambda entry_id: entry_id) -> tuple[tuple[RisingTopic, ...], Volume | None]:
    """The topics rising against the week's volume (``rising.rising_topics``) and the week's volume
    against the weeks before. Weeks before the bot had any question are left out (a quiet week after it
    started counts, as a week of none); with no week since it started there is nothing to compare with."""
    weeks_before = [week_bounds(shift_week(week, -back)) for back in range(1, RISING_WEEKS + 1)]
    history = [_counted_today(store.topic_counts(*bounds), now) for bounds in weeks_before]
    totals = [c["asked"] for c in store.weekly_counts(weeks_before)]
    weeks = max((back for back, n in enumerate(totals, start=1) if n), default=0)
    if not weeks:
        return (), None
    history_counts = sum(history[:weeks], Counter())
    history_asked = sum(totals[:weeks])
    rising = rising_topics(counts, asked, history_counts, history_asked, weeks, title)
    return rising, Volume(asked, round(history_asked / weeks, 1), weeks)


def _places(store, start: str, end: str, channel_name=None) -> Places:
    """Where the questions came from; ``channel_name(id)`` gives a listed channel's name (or None)."""
    listed, others, other_questions, direct_messages = [], 0, 0, False
    rows = sorted(store.place_counts(start, end, PRIVATE_SOURCES), key=lambda r: (-r["questions"], r["place"]))
    for row in rows:
        if row["askers"] >= CHANNEL_MIN_ASKERS and len(listed) < TOP_CHANNELS:
            channel = row["place"] or None
            name = channel_name(channel) if channel and channel_name else None
            listed.append(PlaceCount(channel, row["questions"], name))
        else:
            others += 1 if row["place"] else 0
            direct_messages = direct_messages or not row["place"]
            other_questions += row["questions"]
    return Places(tuple(listed), others, other_questions, direct_messages)


def _law_changes(faq, today: dt.date) -> tuple[LawChangeDue, ...]:
    return tuple(LawChangeDue(entry.id, entry.question, w.what, w.expected, w.source)
                 for entry, w in due_watches(faq or (), today))


def _counted_today(counts, now) -> Counter:
    total: Counter = Counter()
    for entry_id, n in counts.items():
        total[now(entry_id)] += n
    return total


def _questions_today(questions, now) -> list:
    return [q._replace(faq_id=q.faq_id and now(q.faq_id), answered_by=q.answered_by and now(q.answered_by))
            for q in questions]


def _topic_counts(questions) -> Counter:
    """Questions by the entry that answered them (``answered_by``, as ``Store.topic_counts`` counts)."""
    return Counter(q.answered_by for q in questions if q.answered_by)


def _missed(questions, escalations: dict) -> list:
    """The questions the FAQ did not answer: those sent to an advisor who did not link the answer to an
    entry, and those not sent that no entry answered (no entry fitted, or the asker picked none of
    the entries suggested)."""
    missed = []
    for q in questions:
        escalation = escalations.get(q.id)
        if (not escalation.linked_faq_id) if escalation else not q.answered_by:
            missed.append(q)
    return missed


def _summarise_groups(questions, answer_score: float, limit: int = TOP_GROUPS) -> GroupSummary:
    # One person asking the same words again is grouped once: their repeats count as questions but
    # cannot make their wording the group's most typical, and so the one quoted.
    distinct, copies = _once_per_asker(questions)
    groups = group_questions([q.text for q in distinct], topics=[confident_topic(q, answer_score) for q in distinct],
                             entries=[q.faq_id for q in distinct])
    several: list[QuestionGroup] = []
    sizes = [sum(len(copies[k]) for k in group.members) for group in groups]
    for group, size in zip(groups, sizes):
        if size < 2:
            continue
        members = [questions[i] for k in group.members for i in copies[k]]
        askers = len({q.asker for q in members})
        answered = Counter(q.answered_by for q in members if q.answered_by).most_common()
        faq_id = min(answered, key=lambda kv: (-kv[1], kv[0]))[0] if answered else None
        quoted = askers >= QUOTE_MIN_ASKERS
        several.append(QuestionGroup(
            questions=len(members), askers=askers, quoted=quoted,
            text=quote(distinct[group.representative].text) if quoted else None, faq_id=faq_id,
        ))
    several.sort(key=lambda g: (-g.askers, -g.questions))  # stable: ties keep the order asked
    listed = several[:limit]
    return GroupSummary(
        groups=tuple(listed), more_groups=len(several) - len(listed),
        single_questions=sum(1 for size in sizes if size == 1),
        unquoted_questions=sum(g.questions for g in listed if not g.quoted),
    )


def _once_per_asker(questions) -> tuple[list, list[list[int]]]:
    """The questions with each person's repeats of the same words (case and spacing aside) taken once,
    and for each of them the positions of all its copies."""
    first: dict[tuple[str, str], int] = {}
    copies: list[list[int]] = []
    for i, q in enumerate(questions):
        key = (q.asker, " ".join(q.text.lower().split()))
        if key not in first:
            first[key] = len(copies)
            copies.append([])
        copies[first[key]].append(i)
    return [questions[c[0]] for c in copies], copies


def _minus_months(day: dt.date, months: int) -> dt.date:
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    month += 1
    for last in (31, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def build_digest(store, faq, week: str, thresholds: Thresholds = Thresholds(),
                 hours: WorkingHours | None = None, channel_name=None) -> Digest:
    """The digest of ``week`` (and the week before, for comparison) from the store and the FAQ;
    questions count as being about one FAQ entry when they cleared ``thresholds.answer``; times to
    answer are given in the advisors' working ``hours`` too, when they are set. ``channel_name(id)``,
    when given, names the channels questions came from (the caller asks Slack; None: keep the id)."""
    faq = _current_faq(faq)
    monday = parse_week(week)
    week = iso_week(monday)
    before = shift_week(week, -1)
    start, end = week_bounds(week)
    now = faq.named_today if faq is not None else (lambda entry_id: entry_id)  # history follows ``replaces``
    questions = _questions_today(store.digest_questions(start, end), now)
    this, open_at_end = _figures(store, week, questions, hours)
    previous, _ = _figures(store, before, hours=hours)

    def title(entry_id: str) -> str | None:
        entry = faq.get(entry_id) if faq is not None else None
        return entry.question if entry else None

    counts, previous_counts = _topic_counts(questions), _counted_today(store.topic_counts(*week_bounds(before)), now)
    topics = tuple(
        TopicCount(faq_id, title(faq_id), n, previous_counts.get(faq_id, 0))
        for faq_id, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_TOPICS]
    )
    missed_questions = _missed(questions, {e.question_id: e for e in store.escalations(since=start, until=end)})
    last_day = monday + dt.timedelta(days=6)
    cutoff = _minus_months(last_day, REVIEW_AFTER_MONTHS)
    overdue = tuple(sorted(
        (OverdueEntry(e.id, e.question, e.last_reviewed) for e in (faq or ()) if e.last_reviewed < cutoff),
        key=lambda e: (e.last_reviewed, e.faq_id),
    ))
    oldest = _open_escalations(open_at_end, end)
    rising, volume = _rising(store, week, counts, this.asked, title, now)
    return Digest(
        week=week, first_day=monday, last_day=last_day, this_week=this, previous_week=previous,
        topics=topics, common=_summarise_groups(questions, thresholds.answer),
        missed=_summarise_groups(missed_questions, thresholds.answer),
        unhelpful=_unhelpful(store, start, end, title, now), overdue=overdue, review_cutoff=cutoff,
        oldest_open=tuple(oldest[:OLDEST_OPEN]), longest_open_days=max((e.days_open for e in oldest), default=None),
        trend=_trend(store, week), rising=rising, volume=volume,
        places=_places(store, start, end, channel_name), law_changes=_law_changes(faq, last_day),
        decisions=decision_summary(store, faq, start, end), proposals=_proposals(store, start, end),
        channel_names=channel_name is not None,
    )


def _unhelpful(store, start: str, end: str, title, now) -> Unhelpful:
    ratings: dict[str, Counter] = defaultdict(Counter)
    for row in store.feedback(start, end):
        if row.get("faq_id"):
            ratings[now(row["faq_id"])][row["rating"]] += 1
    return rank_unhelpful(ratings, title)


def _open_escalations(open_at_end: list[dict], end: str) -> list[OpenEscalation]:
    """The escalations open when the week ended: urgent ones first (whatever their age), then the oldest."""
    week_end = parse_stored_time(end)
    escalations = [
        OpenEscalation(
            id=e["id"], opened_at=e["created_at"],
            days_open=round((week_end - parse_stored_time(e["created_at"])).total_seconds() / 86400, 1),
            claimed=e["state"] == CLAIMED, urgent=e["urgent"],
        )
        for e in open_at_end
    ]
    return sorted(escalations, key=lambda e: (not e.urgent, e.claimed if e.urgent else False, -e.days_open, e.id))


def _proposals(store, start: str, end: str) -> Proposals:
    proposed = store.proposals_to_draft(again=True)
    return Proposals(
        this_week=sum(1 for e in proposed if e.answered_at and start <= e.answered_at < end),
        not_drafted=len(store.proposals_to_draft()),
    )


def _hours(start: str, end: str) -> float:
    return (parse_stored_time(end) - parse_stored_time(start)).total_seconds() / 3600


def _working_hours(hours: WorkingHours, start: str, end: str) -> float:
    return hours.worked_between(parse_stored_time(start), parse_stored_time(end)).total_seconds() / 3600


def _median(values: list[float]) -> float | None:
    return round(statistics.median(values), 2) if values else None


def _p90(values: list[float]) -> float | None:
    return round(_percentile(values, 0.9), 2) if values else None
