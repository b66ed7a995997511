"""The weekly digest: figures for one ISO week (Europe/London), similar questions grouped, and the
renderings (Slack Block Kit, Markdown, JSON). Pure functions over the store: nothing here talks to
Slack (posting lives in ``bot.slack.digest``).

Privacy. The store holds only redacted question text, and the digest adds two rules of its own:
no asker id or name appears anywhere in it (people are only counted), and a group of similar
questions is quoted only when at least ``QUOTE_MIN_ASKERS`` different people asked it; smaller
groups are counted, not quoted. Quoted text loses Slack mentions and is escaped for mrkdwn, so a
stored ``<!channel>`` can never broadcast.

Grouping. ``group_questions`` is greedy: questions are taken in the order given (the order they
were asked) and each joins the existing group it is most similar to on average, if that average is
at least the threshold; otherwise it starts a group. Groups never merge, so there is no chaining
(connected components glue unrelated questions together through a run of near neighbours).
Similarity is measured on ``bot.text.content_tokens``: half rapidfuzz ``token_set_ratio`` (which
forgives a question that adds context to another), half a Dice overlap of the words weighted by how
rare each is among the questions being grouped (so a one-word question cannot match everything).
Two questions that are the same sentence with one word swapped ("... with the police" / "... with
their landlord", "deceased" / "living") ask different things: such a "minimal pair" may never share
a group. Two questions the matcher gave the same FAQ entry with confidence (the entry it would
answer with) ask about the same thing more often than their words show, so such a pair scores
``SAME_TOPIC_BONUS`` more. The threshold and the bonus are measured on
tests/fixtures/digest_grouping.yaml by benchmarks/grouping_quality.py.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import math
import re
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any, Iterable, Sequence
from zoneinfo import ZoneInfo

from rapidfuzz import fuzz

from bot import text as textnorm
from bot.matching import Thresholds, match_redacted
from bot.mrkdwn import escape_user_text
from bot.records import CLAIMED, HELPFUL, NOT_HELPFUL, OPEN, Decision
from bot.times import UTC, parse_stored_time, stored, utc_now

LONDON = ZoneInfo("Europe/London")

# Measured by benchmarks/grouping_quality.py on tests/fixtures/digest_grouping.yaml (see there).
GROUPING_THRESHOLD = 50.0
SAME_TOPIC_BONUS = 25.0
# Two words this alike (rapidfuzz ratio) are one word mistyped, not a different word.
SAME_WORD_SCORE = 80.0
QUOTE_MIN_ASKERS = 3
REVIEW_AFTER_MONTHS = 12
RUN_WEEKDAY, RUN_HOUR = 0, 9  # the clock posts on Mondays at 09:00 Europe/London

# How much the digest lists (the JSON has the same lists; renderings may show fewer).
TOP_TOPICS = 10
TOP_GROUPS = 15
TOP_UNHELPFUL = 10
OLDEST_OPEN = 5
QUOTE_MAX_CHARS = 280

# Slack's limits for one message (https://api.slack.com/reference/block-kit/blocks).
MAX_BLOCKS = 50
MAX_SECTION_TEXT = 3000
MAX_HEADER_TEXT = 150
MAX_CONTEXT_ELEMENTS = 10
MAX_FIELDS = 10
MAX_FIELD_TEXT = 2000

_WEEK = re.compile(r"^\s*(\d{4})-?[Ww](\d{1,2})\s*$")


# weeks and times ---------------------------------------------------------------------------


def iso_week(day: dt.date | dt.datetime) -> str:
    """ "2026-W47" for the ISO week containing ``day`` (an aware datetime is taken in London time)."""
    if isinstance(day, dt.datetime):
        day = (day.astimezone(LONDON) if day.tzinfo else day).date()
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def parse_week(week: str) -> dt.date:
    """The Monday of an ISO week written "2026-W47"; ValueError with a readable message otherwise."""
    found = _WEEK.match(week or "")
    if not found:
        raise ValueError(f"cannot read the week {week!r}: write an ISO week such as 2026-W47")
    year, number = int(found.group(1)), int(found.group(2))
    try:
        return dt.date.fromisocalendar(year, number, 1)
    except ValueError:
        weeks = dt.date(year, 12, 28).isocalendar()[1] if 1 <= year <= 9999 else 52
        raise ValueError(f"there is no week {number} in {year}: its ISO weeks are 1 to {weeks}") from None


def _aware(now: dt.datetime | None) -> dt.datetime:
    now = now or utc_now()
    return now if now.tzinfo else now.replace(tzinfo=UTC)


def _london_midnight(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(0), tzinfo=LONDON)


def week_bounds(week: str) -> tuple[str, str]:
    """[start, end) of an ISO week in UTC ISO-8601: Monday 00:00 to the next Monday 00:00, London time.

    A week in which the clocks change is 167 or 169 hours long."""
    monday = parse_week(week)
    return (stored(_london_midnight(monday)), stored(_london_midnight(monday + dt.timedelta(days=7))))


def shift_week(week: str, weeks: int) -> str:
    return iso_week(parse_week(week) + dt.timedelta(weeks=weeks))


def previous_week(now: dt.datetime | None = None) -> str:
    """The last complete ISO week, in Europe/London, at ``now`` (default: the current time)."""
    today = _aware(now).astimezone(LONDON).date()
    return iso_week(today - dt.timedelta(days=7))


def _run_time(monday: dt.date) -> dt.datetime:
    return dt.datetime.combine(monday, dt.time(RUN_HOUR), tzinfo=LONDON)


def last_run(now: dt.datetime | None = None) -> dt.datetime:
    """The most recent scheduled posting (Monday 09:00 London) at or before ``now``, in UTC."""
    local = _aware(now).astimezone(LONDON)
    monday = local.date() - dt.timedelta(days=(local.weekday() - RUN_WEEKDAY) % 7)
    run = _run_time(monday)
    if run > local:
        run = _run_time(monday - dt.timedelta(days=7))
    return run.astimezone(UTC)


def next_run(now: dt.datetime | None = None) -> dt.datetime:
    """The next scheduled posting (Monday 09:00 London) strictly after ``now``, in UTC."""
    previous = last_run(now).astimezone(LONDON)
    return _run_time(previous.date() + dt.timedelta(days=7)).astimezone(UTC)


def week_due(now: dt.datetime | None = None) -> str:
    """The week whose digest the most recent scheduled posting is for (the week before that Monday)."""
    return iso_week(last_run(now).astimezone(LONDON).date() - dt.timedelta(days=7))


def _hours(start: str, end: str) -> float:
    return (parse_stored_time(end) - parse_stored_time(start)).total_seconds() / 3600


# grouping similar questions ------------------------------------------------------------------


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


# the digest ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class WeekFigures:
    week: str
    start: str  # UTC, inclusive
    end: str  # UTC, exclusive
    asked: int = 0
    askers: int = 0  # different people (counted, never named)
    answered_by_faq: int = 0  # the matcher answered with an entry
    suggested: int = 0  # the matcher offered "did you mean" entries
    escalated: int = 0  # the matcher found no entry that fits (offered to an advisor)
    helpful: int = 0
    not_helpful: int = 0
    escalations_opened: int = 0
    escalations_answered: int = 0  # first advisor answer given this week
    escalations_open_at_end: int = 0  # open or claimed when the week ended
    median_hours_to_answer: float | None = None  # of the escalations first answered this week
    p90_hours_to_answer: float | None = None  # nearest-rank 90th percentile


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
    faq_id: str | None = None  # the entry most of its questions were answered with, if any


@dataclass(frozen=True)
class GroupSummary:
    groups: tuple[QuestionGroup, ...]  # the largest groups of two or more questions
    more_groups: int  # further groups of two or more questions not listed
    single_questions: int  # questions like no other that week
    unquoted_questions: int  # questions in listed groups fewer than QUOTE_MIN_ASKERS people asked


@dataclass(frozen=True)
class EntryRating:
    faq_id: str
    title: str | None
    not_helpful: int
    helpful: int


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
class Digest:
    week: str
    first_day: dt.date  # Monday, London
    last_day: dt.date  # Sunday, London
    this_week: WeekFigures
    previous_week: WeekFigures
    topics: tuple[TopicCount, ...] = ()
    common: GroupSummary = GroupSummary((), 0, 0, 0)
    missed: GroupSummary = GroupSummary((), 0, 0, 0)
    unhelpful: tuple[EntryRating, ...] = ()
    overdue: tuple[OverdueEntry, ...] = ()
    review_cutoff: dt.date | None = None  # entries last reviewed before this are overdue
    oldest_open: tuple[OpenEscalation, ...] = ()
    quote_min_askers: int = QUOTE_MIN_ASKERS


def _current_faq(faq):
    return faq.current() if hasattr(faq, "current") else faq


def _percentile(values: Sequence[float], fraction: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


def _figures(store, week: str) -> tuple[WeekFigures, list, list[dict]]:
    """The figures of one week, its questions, and the escalations open when it ended (oldest first)."""
    start, end = week_bounds(week)
    questions = store.questions(start, end)
    decisions = Counter(q.decision for q in questions)
    ratings = Counter(r["rating"] for r in store.feedback(start, end))
    answers = store.escalation_first_answers(start, end)
    hours = [_hours(a["created_at"], a["first_answered_at"]) for a in answers]
    states = store.escalation_states_at(end)
    open_at_end = [e for e in states if e["state"] in (OPEN, CLAIMED)]
    figures = WeekFigures(
        week=week, start=start, end=end, asked=len(questions), askers=len({q.asker for q in questions}),
        answered_by_faq=decisions[Decision.ANSWER], suggested=decisions[Decision.SUGGEST],
        escalated=decisions[Decision.ESCALATE],
        helpful=ratings[HELPFUL], not_helpful=ratings[NOT_HELPFUL],
        escalations_opened=len(store.escalations(since=start, until=end)),
        escalations_answered=len(answers), escalations_open_at_end=len(open_at_end),
        median_hours_to_answer=round(statistics.median(hours), 2) if hours else None,
        p90_hours_to_answer=round(_percentile(hours, 0.9), 2) if hours else None,
    )
    return figures, questions, open_at_end


def _topic_counts(questions) -> Counter:
    return Counter(q.faq_id for q in questions if q.faq_id and q.decision in (Decision.ANSWER, Decision.SUGGEST))


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


def _summarise_groups(questions, answer_score: float, limit: int = TOP_GROUPS) -> GroupSummary:
    groups = group_questions([q.text for q in questions], topics=[confident_topic(q, answer_score) for q in questions])
    several: list[QuestionGroup] = []
    for group in groups:
        if len(group) < 2:
            continue
        members = [questions[i] for i in group.members]
        askers = len({q.asker for q in members})
        answered = Counter(q.faq_id for q in members if q.faq_id and q.decision == Decision.ANSWER).most_common()
        faq_id = min(answered, key=lambda kv: (-kv[1], kv[0]))[0] if answered else None
        quoted = askers >= QUOTE_MIN_ASKERS
        several.append(QuestionGroup(
            questions=len(members), askers=askers, quoted=quoted,
            text=quote(questions[group.representative].text) if quoted else None, faq_id=faq_id,
        ))
    several.sort(key=lambda g: (-g.askers, -g.questions))  # stable: ties keep the order asked
    listed = several[:limit]
    return GroupSummary(
        groups=tuple(listed), more_groups=len(several) - len(listed),
        single_questions=sum(1 for g in groups if len(g) == 1),
        unquoted_questions=sum(g.questions for g in listed if not g.quoted),
    )


_MENTION = re.compile(r"<([@#!])[^>]*>")
BROADCASTS = {"@here", "@channel", "@everyone"}  # kept as words: escaping makes them harmless
_HANDLE = re.compile(r"(?<![\w@])@[\w.\-]+")  # "@U0ABC", "@jo.bloggs" as stored after Slack markup is undone
_SENTENCE = re.compile(r"([.!?:;\n]+|\s[-\u2013\u2014]\s)")
_TITLE_WORD = re.compile(r"\b[A-Z][a-z]+(?:'s)?\b")
# Title-case words that open a sentence and are not names; any other opening title-case word is
# taken for a name ("Kayleigh told me ...").
SENTENCE_OPENERS = frozenset("""
    a an the i i'm i've i'd im my our we we're we've us you your he she they it its this that these those
    there here if when where what who whom whose which why how can could do does did is are was were will
    would should shall may might must have has had any anyone someone some no not just so also and but or
    please hi hello hey thanks quick question re urgent help does is yes ok okay after before since
    as at in on for from with about to by of also once while although though because new our its
    parent parents mum dad mother father child children client patient pupil student tenant family
    social school gp police housing council nurse health teacher doctor manager colleague
""".split())


def _is_name_word(word: str, opens_sentence: bool) -> bool:
    bare = word.removesuffix("'s")
    return not opens_sentence or bare.lower() not in SENTENCE_OPENERS


def _mask_names(value: str) -> str:
    """Title-case words become "[name]" (they are usually people's or places' names, which redaction
    does not remove), except "I" and the ordinary words that open a sentence."""
    pieces = _SENTENCE.split(value)
    for n in range(0, len(pieces), 2):
        sentence = pieces[n]
        opening = len(sentence) - len(sentence.lstrip())
        pieces[n] = _TITLE_WORD.sub(
            lambda m: "[name]" if _is_name_word(m.group(0), m.start() == opening) else m.group(0), sentence
        )
    return "".join(pieces)


def names_in(value: str) -> bool:
    return _mask_names(value) != value


def quote(value: str, limit: int = QUOTE_MAX_CHARS) -> str:
    """A stored (redacted) question made fit to quote: Slack mentions and broadcasts removed, names
    masked, whitespace collapsed, cut to ``limit`` characters. Escaping is the renderer's job."""
    value = _MENTION.sub(lambda m: {"@": "@someone", "#": "#channel", "!": ""}[m.group(1)], value)
    value = _HANDLE.sub(lambda m: m.group(0) if m.group(0).lower() in BROADCASTS else "@someone", value)
    value = _mask_names(" ".join(value.split()))
    return value if len(value) <= limit else value[: limit - 1].rstrip() + "\u2026"


def _minus_months(day: dt.date, months: int) -> dt.date:
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    month += 1
    for last in (31, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def build_digest(store, faq, week: str, thresholds: Thresholds = Thresholds()) -> Digest:
    """The digest of ``week`` (and the week before, for comparison) from the store and the FAQ;
    questions count as being about one FAQ entry when they cleared ``thresholds.answer``."""
    faq = _current_faq(faq)
    monday = parse_week(week)
    week = iso_week(monday)
    before = shift_week(week, -1)
    this, questions, open_at_end = _figures(store, week)
    previous, previous_questions, _ = _figures(store, before)
    start, end = this.start, this.end

    def title(entry_id: str) -> str | None:
        entry = faq.get(entry_id) if faq is not None else None
        return entry.question if entry else None

    counts, previous_counts = _topic_counts(questions), _topic_counts(previous_questions)
    topics = tuple(
        TopicCount(faq_id, title(faq_id), n, previous_counts.get(faq_id, 0))
        for faq_id, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_TOPICS]
    )

    escalated_ids = {e.question_id: e for e in store.escalations(since=start, until=end)}
    missed_questions = [
        q for q in questions
        if (q.decision == Decision.ESCALATE or q.id in escalated_ids)
        and not (q.id in escalated_ids and escalated_ids[q.id].linked_faq_id)
    ]

    ratings: dict[str, Counter] = defaultdict(Counter)
    for row in store.feedback(start, end):
        if row.get("faq_id"):
            ratings[row["faq_id"]][row["rating"]] += 1
    unhelpful = tuple(sorted(
        (EntryRating(i, title(i), c[NOT_HELPFUL], c[HELPFUL]) for i, c in ratings.items() if c[NOT_HELPFUL]),
        key=lambda r: (-r.not_helpful, r.helpful, r.faq_id),
    )[:TOP_UNHELPFUL])

    last_day = monday + dt.timedelta(days=6)
    cutoff = _minus_months(last_day, REVIEW_AFTER_MONTHS)
    overdue = tuple(sorted(
        (OverdueEntry(e.id, e.question, e.last_reviewed) for e in (faq or ()) if e.last_reviewed < cutoff),
        key=lambda e: (e.last_reviewed, e.faq_id),
    ))

    week_end = parse_stored_time(end)
    oldest = tuple(
        OpenEscalation(
            id=e["id"], opened_at=e["created_at"],
            days_open=round((week_end - parse_stored_time(e["created_at"])).total_seconds() / 86400, 1),
            claimed=e["state"] == CLAIMED, urgent=e["urgent"],
        )
        for e in open_at_end[:OLDEST_OPEN]
    )
    return Digest(
        week=week, first_day=monday, last_day=last_day, this_week=this, previous_week=previous,
        topics=topics, common=_summarise_groups(questions, thresholds.answer),
        missed=_summarise_groups(missed_questions, thresholds.answer),
        unhelpful=unhelpful, overdue=overdue, review_cutoff=cutoff, oldest_open=oldest,
    )


# rendering: shared wording ----------------------------------------------------------------------


def _day(day: dt.date) -> str:
    return f"{day:%a} {day.day} {day:%b %Y}"


def _span(d: Digest) -> str:
    return f"{d.week} ({_day(d.first_day)} to {_day(d.last_day)})"


def _duration(hours: float | None) -> str:
    if hours is None:
        return "-"
    if hours < 1:
        return f"{max(1, round(hours * 60))} min"
    if hours < 48:
        return f"{hours:.1f} h"
    return f"{hours / 24:.1f} days"


def _change(now: int, before: int) -> str:
    diff = now - before
    return "same" if diff == 0 else f"{diff:+d}"


def _share(part: int, whole: int) -> str:
    return f", {round(100 * part / whole)}%" if whole else ""


def _percent(part: int, whole: int) -> str:
    return f" ({round(100 * part / whole)}%)" if whole else ""


def _question_rows(d: Digest) -> list[tuple[str, str, str, str]]:
    """(label, this week, week before, change) for the question figures."""
    t, p = d.this_week, d.previous_week
    rows = [
        ("Questions asked", t.asked, p.asked, False),
        ("People asking", t.askers, p.askers, False),
        ("Answered by the FAQ", t.answered_by_faq, p.answered_by_faq, True),
        ("Suggested entries (did you mean)", t.suggested, p.suggested, True),
        ("No entry fits (escalated)", t.escalated, p.escalated, True),
        ("Rated helpful", t.helpful, p.helpful, False),
        ("Rated not helpful", t.not_helpful, p.not_helpful, False),
    ]
    return [(label, f"{now}{_percent(now, t.asked) if share else ''}", str(before), _change(now, before))
            for label, now, before, share in rows]


def _queue_rows(d: Digest) -> list[tuple[str, str, str, str]]:
    """(label, this week, week before, change) for the advisor queue."""
    t, p = d.this_week, d.previous_week
    counts = [
        ("Escalations opened", t.escalations_opened, p.escalations_opened),
        ("Answered by an advisor (first answer)", t.escalations_answered, p.escalations_answered),
        ("Still open at the end of the week", t.escalations_open_at_end, p.escalations_open_at_end),
    ]
    rows = [(label, str(now), str(before), _change(now, before)) for label, now, before in counts]
    rows.append(("Median time to first answer", _duration(t.median_hours_to_answer),
                 _duration(p.median_hours_to_answer), ""))
    rows.append(("90% first answered within", _duration(t.p90_hours_to_answer), _duration(p.p90_hours_to_answer), ""))
    return rows


def _group_line(g: QuestionGroup, esc) -> str:
    people = f"{g.questions} questions from {g.askers} {'person' if g.askers == 1 else 'people'}"
    if g.quoted:
        return f"\u201c{esc(g.text)}\u201d ({people})"
    return f"{people}, not quoted (fewer than {QUOTE_MIN_ASKERS} people asked)"


def _group_tail(s: GroupSummary) -> str:
    parts = []
    if s.more_groups:
        parts.append(f"{s.more_groups} more group{'s' if s.more_groups != 1 else ''} of similar questions")
    if s.single_questions:
        parts.append(f"{s.single_questions} question{'s' if s.single_questions != 1 else ''} like no other")
    return ("Also: " + "; ".join(parts) + ".") if parts else ""


def _oldest_line(e: OpenEscalation) -> str:
    flags = ", ".join(f for f in ("urgent" if e.urgent else "", "claimed" if e.claimed else "unclaimed") if f)
    return f"#{e.id}: open {e.days_open:g} days ({flags})"


PRIVACY_NOTE = (f"Question text is redacted, and quoted only for questions at least {QUOTE_MIN_ASKERS} "
                "people asked; nobody is named.")


# Markdown -----------------------------------------------------------------------------------------


def render_markdown(d: Digest) -> str:
    esc = escape_user_text
    out = [f"# canishare weekly digest: {_span(d)}", ""]
    table = ["| | This week | Week before | Change |", "|---|---:|---:|---:|"]
    out += ["## Questions", ""] + table
    out += [f"| {label} | {now} | {before} | {change} |" for label, now, before, change in _question_rows(d)]
    out += ["", "## Advisor queue", ""] + table
    out += [f"| {label} | {now} | {before} | {change} |" for label, now, before, change in _queue_rows(d)]
    if d.oldest_open:
        out += ["", "Oldest open escalations:"] + [f"- {_oldest_line(e)}" for e in d.oldest_open]
    out += ["", "## Most asked topics", ""]
    if d.topics:
        out += [f"{n}. `{t.faq_id}` {esc(t.title) if t.title else '(no longer in the FAQ)'}: "
                f"{t.count} (week before {t.previous_count})" for n, t in enumerate(d.topics, 1)]
    else:
        out.append("No questions were answered from the FAQ this week.")
    for heading, summary, empty in (
        ("Most common questions", d.common, "No two questions were alike this week."),
        ("Questions the FAQ missed (candidates for new entries)", d.missed,
         "No group of questions the FAQ could not answer this week."),
    ):
        out += ["", f"## {heading}", ""]
        if summary.groups:
            out += [f"{n}. {_group_line(g, esc)}" for n, g in enumerate(summary.groups, 1)]
        else:
            out.append(empty)
        tail = _group_tail(summary)
        if tail:
            out += ["", tail]
    out += ["", "## Entries rated not helpful", ""]
    if d.unhelpful:
        out += [f"- `{r.faq_id}` {esc(r.title) if r.title else '(no longer in the FAQ)'}: "
                f"{r.not_helpful} not helpful, {r.helpful} helpful" for r in d.unhelpful]
    else:
        out.append("None this week.")
    out += ["", f"## Entries overdue for review (last reviewed before {_day(d.review_cutoff)})", ""]
    if d.overdue:
        out += [f"- `{e.faq_id}` last reviewed {e.last_reviewed.isoformat()}: {esc(e.title)}" for e in d.overdue]
    else:
        out.append("None: every entry was reviewed in the last 12 months.")
    out += ["", f"_{PRIVACY_NOTE}_"]
    return "\n".join(out) + "\n"


# JSON ---------------------------------------------------------------------------------------------


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def digest_dict(d: Digest) -> dict:
    return _plain(dataclasses.asdict(d))


def render_json(d: Digest) -> str:
    return json.dumps(digest_dict(d), indent=2, ensure_ascii=False)


# Slack Block Kit ----------------------------------------------------------------------------------


def _cut(value: str, limit: int) -> str:
    return value if len(value) <= limit else value[: limit - 1] + "…"


def _section(value: str) -> dict:
    return {"type": "section", "text": {"type": "mrkdwn", "text": _cut(value, MAX_SECTION_TEXT)}}


def _context(*values: str) -> dict:
    return {"type": "context",
            "elements": [{"type": "mrkdwn", "text": _cut(v, MAX_SECTION_TEXT)} for v in values[:MAX_CONTEXT_ELEMENTS]]}


def _lines_section(title: str, lines: Iterable[str]) -> dict:
    """One section: a bold title and lines, cut at a whole line to stay within Slack's limit."""
    text = f"*{title}*"
    lines = list(lines)
    for n, line in enumerate(lines):
        more = f"\n…and {len(lines) - n} more"
        if len(text) + 1 + len(line) + len(more) > MAX_SECTION_TEXT:
            text += more
            break
        text += "\n" + line
    return _section(text)


def summary_text(d: Digest) -> str:
    """The message's plain-text fallback (notifications, screen readers)."""
    t = d.this_week
    return (f"canishare weekly digest {d.week}: {t.asked} questions, {t.answered_by_faq} answered by the FAQ, "
            f"{t.escalations_opened} escalations opened, {t.escalations_answered} answered.")


def render_blocks(d: Digest, main_groups: int = 5) -> tuple[list[dict], list[dict]]:
    """(main message, thread reply) as Block Kit blocks, each within Slack's limits."""
    esc = escape_user_text
    t = d.this_week
    main: list[dict] = [
        {"type": "header", "text": {"type": "plain_text", "text": _cut(f"canishare weekly digest {d.week}", MAX_HEADER_TEXT), "emoji": False}},
        _context(f"{_day(d.first_day)} to {_day(d.last_day)} (Europe/London). Week-before figures in brackets."),
    ]
    fields = [
        f"*Questions asked*\n{t.asked} ({d.previous_week.asked})",
        f"*Answered by the FAQ*\n{t.answered_by_faq}{_share(t.answered_by_faq, t.asked)} ({d.previous_week.answered_by_faq})",
        f"*Suggested / no entry fits*\n{t.suggested} / {t.escalated} ({d.previous_week.suggested} / {d.previous_week.escalated})",
        f"*Helpful / not helpful*\n{t.helpful} / {t.not_helpful} ({d.previous_week.helpful} / {d.previous_week.not_helpful})",
        f"*Escalations opened / answered*\n{t.escalations_opened} / {t.escalations_answered} "
        f"({d.previous_week.escalations_opened} / {d.previous_week.escalations_answered})",
        f"*Open at the end of the week*\n{t.escalations_open_at_end} ({d.previous_week.escalations_open_at_end})",
        f"*Time to first advisor answer*\nmedian {_duration(t.median_hours_to_answer)}, "
        f"90% within {_duration(t.p90_hours_to_answer)}",
    ]
    main.append({"type": "section", "fields": [{"type": "mrkdwn", "text": _cut(f, MAX_FIELD_TEXT)} for f in fields[:MAX_FIELDS]]})
    main.append({"type": "divider"})
    if d.topics:
        main.append(_lines_section("Most asked topics", (
            f"{n}. `{tp.faq_id}`: {tp.count} ({tp.previous_count})"
            for n, tp in enumerate(d.topics[:5], 1))))
    for title, summary in (("Most common questions", d.common), ("Questions the FAQ missed", d.missed)):
        if summary.groups:
            main.append(_lines_section(title, (f"{n}. {_group_line(g, esc)}"
                                               for n, g in enumerate(summary.groups[:main_groups], 1))))
    attention = []
    if d.unhelpful:
        attention.append(f"{len(d.unhelpful)} entr{'y' if len(d.unhelpful) == 1 else 'ies'} rated not helpful")
    if d.overdue:
        attention.append(f"{len(d.overdue)} entr{'y' if len(d.overdue) == 1 else 'ies'} overdue for review")
    if d.oldest_open:
        attention.append(f"oldest open escalation {d.oldest_open[0].days_open:g} days")
    main.append(_context(("Needs attention: " + "; ".join(attention) + ". " if attention else "")
                         + "Details in the thread. " + PRIVACY_NOTE))

    thread: list[dict] = [_section(f"*Details for {d.week}*")]
    queue = [f"{label}: {now} (week before {before})" for label, now, before, _ in _queue_rows(d)]
    thread.append(_lines_section("Advisor queue", queue))
    if d.oldest_open:
        thread.append(_lines_section("Oldest open escalations", (_oldest_line(e) for e in d.oldest_open)))
    if d.topics:
        thread.append(_lines_section("Most asked topics", (
            f"{n}. `{tp.faq_id}` {esc(tp.title) if tp.title else '(no longer in the FAQ)'}: {tp.count} "
            f"(week before {tp.previous_count})" for n, tp in enumerate(d.topics, 1))))
    for title, summary in (("Most common questions", d.common), ("Questions the FAQ missed (candidates for new entries)", d.missed)):
        lines = [f"{n}. {_group_line(g, esc)}" for n, g in enumerate(summary.groups, 1)]
        tail = _group_tail(summary)
        if lines or tail:
            thread.append(_lines_section(title, lines + ([tail] if tail else [])))
    if d.unhelpful:
        thread.append(_lines_section("Entries rated not helpful", (
            f"`{r.faq_id}` {esc(r.title) if r.title else '(no longer in the FAQ)'}: {r.not_helpful} not helpful, "
            f"{r.helpful} helpful" for r in d.unhelpful)))
    thread.append(_lines_section(
        f"Entries overdue for review (last reviewed before {_day(d.review_cutoff)})",
        [f"`{e.faq_id}` {e.last_reviewed.isoformat()}: {esc(e.title)}" for e in d.overdue] or ["None."],
    ))
    return main[:MAX_BLOCKS], thread[:MAX_BLOCKS]
