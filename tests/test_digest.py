"""The weekly digest: weeks and times, figures on a seeded store, grouping, privacy, rendering within
Slack's limits, posting once per week against the fake Slack, the clock, and the command line."""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import signal
import threading
from pathlib import Path

import numpy as np
import pytest
import yaml
from slack_sdk.errors import SlackApiError

from bot import escalations as esc
from bot.cli import main
from bot.config import Settings
from bot.digest import as_json, figures, grouping, markdown, pairs, quoting, weeks
from bot.faq import Faq, FaqEntry, Source
from bot.records import Where
from bot.service import Service
from bot.slack.blocks import digest as digest_blocks
from bot.slack.digest import DigestInHand, post_digest, run_clock
from bot.store import Store
from bot.working_hours import WorkingHours

import slack_harness as h

FIXTURE = Path(__file__).parent / "fixtures" / "digest_grouping.yaml"
DEV2_FIXTURE = Path(__file__).parent / "fixtures" / "digest_grouping_dev2.yaml"
# The measuring set: only the lead engineer reads it. Its tests check a floor and say nothing of the
# figures or the questions when they fail, so that running them tells whoever tunes the grouping
# nothing but pass or fail.
BLIND_FIXTURE = Path(__file__).parent / "fixtures" / "digest_grouping_blind.yaml"
UTC = dt.timezone.utc

# Measured by benchmarks/grouping_quality.py with the fitted pair model (bot/digest/pair_model.json) and its
# threshold, with the matcher's best and confident FAQ entries for each question (the grouping does not depend
# on the order): precision and recall on the two fitting sets (in-sample), and the near-miss pairs grouped.
# The blind set's floor is what the word-overlap grouping measured on it (precision 0.647, recall 0.501, four
# near-miss pairs grouped) less the margin: grouping it no worse.
PRECISION_RECALL = {"old": (0.972, 0.654), "dev2": (0.746, 0.530)}
NEAR_MISSES_GROUPED = {"old": 1, "dev2": 3, "blind": 4}
MARGIN = 0.05
BLIND_FLOOR = (0.647 - MARGIN, 0.501 - MARGIN)


def utc(value: str) -> dt.datetime:
    return dt.datetime.fromisoformat(value).replace(tzinfo=UTC)


class Clock:
    """A store clock the test moves: ``clock.at("2026-11-16T10:00:00")``."""

    def __init__(self, start: str = "2026-11-16T10:00:00"):
        self.now = utc(start)

    def at(self, value: str) -> "Clock":
        self.now = utc(value)
        return self

    def __call__(self) -> str:
        return self.now.isoformat(timespec="seconds")


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def store(tmp_path, clock) -> Store:
    s = Store(tmp_path / "db", clock=clock)
    yield s
    s.close()


def ask(store, clock, when, text="How long do we have to report a data breach?", asker="U1",
        decision="answer", faq_id="data-breach-72-hours", escalate=False, score=50.0):
    clock.at(when)
    return store.add_question(
        text=text, asker=asker, where=Where(), decision=decision, faq_id=faq_id, score=score,
        suggestions=(faq_id,) if faq_id else (), redacted_kinds=(), escalate=escalate,
    )


def answer(store, clock, question, when, advisor="UADV1", text="Here is the answer.", faq_id=None):
    clock.at(when)
    escalation = store.escalation_for_question(question.id)
    return store.change_escalation(
        escalation.id, advisor, "answer", lambda e: esc.answer(e, advisor, clock(), text, faq_id)
    )


def change(store, clock, question, when, action, advisor="UADV1"):
    clock.at(when)
    escalation = store.escalation_for_question(question.id)
    rule = {"claim": esc.claim, "close": esc.close, "reopen": esc.reopen}[action]
    return store.change_escalation(escalation.id, advisor, action, lambda e: rule(e, advisor, clock()))


def entry(entry_id: str, reviewed: str, question: str | None = None) -> FaqEntry:
    return FaqEntry(
        id=entry_id, question=question or f"Question about {entry_id}", variants=(), answer="An answer.",
        legal_basis=("UK GDPR",), sources=(Source("ICO"),), tags=(), last_reviewed=dt.date.fromisoformat(reviewed),
    )


def small_faq(*entries: FaqEntry) -> Faq:
    return Faq(tuple(entries) or (entry("data-breach-72-hours", "2026-06-01"), entry("messaging-apps", "2026-06-01")))


# weeks and times -----------------------------------------------------------------------------


@pytest.mark.parametrize("day, week", [
    (dt.date(2026, 11, 16), "2026-W47"), (dt.date(2026, 11, 22), "2026-W47"), (dt.date(2026, 11, 23), "2026-W48"),
    (dt.date(2021, 1, 1), "2020-W53"), (dt.date(2024, 12, 30), "2025-W01"),
])
def test_iso_week(day, week):
    assert weeks.iso_week(day) == week


def test_iso_week_of_an_aware_time_is_taken_in_london():
    # Sunday 28 June 2026 23:30 UTC is Monday 00:30 in London (BST): the next week.
    assert weeks.iso_week(utc("2026-06-28T23:30:00")) == "2026-W27"
    assert weeks.iso_week(utc("2026-06-28T22:30:00")) == "2026-W26"


@pytest.mark.parametrize("bad", ["2026-47", "W47", "2026-W", "last week", "", "2026-W00", "2026-W54", "2025-W53"])
def test_invalid_weeks_raise_a_readable_value_error(bad):
    with pytest.raises(ValueError) as error:
        weeks.week_bounds(bad)
    assert "week" in str(error.value) and ("2026-W47" in str(error.value) or "ISO weeks are 1 to" in str(error.value))


def test_week_bounds_in_winter_are_utc_midnights():
    assert weeks.week_bounds("2026-W47") == ("2026-11-16T00:00:00+00:00", "2026-11-23T00:00:00+00:00")
    assert weeks.week_bounds("2026-w47") == weeks.week_bounds("2026-W47")
    assert weeks.week_bounds("2026-W53") == ("2026-12-28T00:00:00+00:00", "2027-01-04T00:00:00+00:00")


def test_week_bounds_in_summer_start_at_london_midnight():
    assert weeks.week_bounds("2026-W26") == ("2026-06-21T23:00:00+00:00", "2026-06-28T23:00:00+00:00")


@pytest.mark.parametrize("week, hours", [("2026-W13", 167), ("2026-W43", 169), ("2026-W20", 168)])
def test_weeks_with_a_clock_change_are_an_hour_shorter_or_longer(week, hours):
    start, end = (dt.datetime.fromisoformat(t) for t in weeks.week_bounds(week))
    assert (end - start).total_seconds() == hours * 3600


@pytest.mark.parametrize("now, week", [
    ("2026-11-23T00:30:00", "2026-W47"),  # Monday 00:30 GMT: last week is complete
    ("2026-11-22T23:59:00", "2026-W46"),  # Sunday night: W47 is not over yet
    ("2026-06-28T23:30:00", "2026-W26"),  # Monday 00:30 BST
    ("2026-06-28T22:59:00", "2026-W25"),  # Sunday 23:59 BST
    ("2027-01-04T10:00:00", "2026-W53"),
])
def test_previous_week_is_the_last_complete_week_in_london(now, week):
    assert weeks.previous_week(utc(now)) == week


@pytest.mark.parametrize("now, expected", [
    ("2026-11-23T08:59:00", "2026-11-23T09:00:00"),  # GMT: 09:00 London is 09:00 UTC
    ("2026-11-23T09:00:00", "2026-11-30T09:00:00"),  # strictly after
    ("2026-11-25T12:00:00", "2026-11-30T09:00:00"),
    ("2026-06-29T07:00:00", "2026-06-29T08:00:00"),  # BST: 09:00 London is 08:00 UTC
    ("2026-03-29T12:00:00", "2026-03-30T08:00:00"),  # the Sunday the clocks go forward
    ("2026-10-25T12:00:00", "2026-10-26T09:00:00"),  # the Sunday the clocks go back
])
def test_next_run_is_monday_nine_london_time(now, expected):
    assert weeks.next_run(utc(now)) == utc(expected)


def test_week_due_changes_at_monday_nine():
    assert weeks.week_due(utc("2026-11-23T08:59:00")) == "2026-W46"  # last Monday's run was for W46
    assert weeks.week_due(utc("2026-11-23T09:00:00")) == "2026-W47"
    assert weeks.week_due(utc("2026-11-27T09:00:00")) == "2026-W47"
    assert weeks.week_due(utc("2026-06-29T08:00:00")) == "2026-W26"  # 09:00 BST


# figures --------------------------------------------------------------------------------------


def test_an_empty_week(store):
    digest = figures.build_digest(store, small_faq(), "2026-W47")
    t = digest.this_week
    assert (t.asked, t.askers, t.answered_by_faq, t.suggested, t.escalated, t.helpful, t.not_helpful) == (0,) * 7
    assert (t.escalations_opened, t.escalations_answered, t.escalations_open_at_end) == (0, 0, 0)
    assert t.median_hours_to_answer is None and t.p90_hours_to_answer is None
    assert digest.topics == () and digest.common.groups == () and digest.missed.groups == ()
    assert digest.unhelpful.listed == () and digest.oldest_open == ()
    text = markdown.render_markdown(digest)
    assert "| Questions asked | 0 | 0 | same |" in text and "No two questions were alike" in text
    assert json.loads(as_json.render_json(digest))["this_week"]["asked"] == 0
    h.assert_digest_within_slack_limits(*digest_blocks.render_blocks(digest))


def test_a_week_with_one_question(store, clock):
    ask(store, clock, "2026-11-18T10:00:00", asker="U1")
    digest = figures.build_digest(store, small_faq(), "2026-W47")
    t = digest.this_week
    assert (t.asked, t.askers, t.answered_by_faq, t.suggested, t.escalated) == (1, 1, 1, 0, 0)
    assert [(x.faq_id, x.count, x.previous_count) for x in digest.topics] == [("data-breach-72-hours", 1, 0)]
    assert digest.common.groups == () and digest.common.single_questions == 1
    assert "How long do we have" not in markdown.render_markdown(digest)  # one person: counted, never quoted


def test_figures_on_a_seeded_week_and_the_week_before(store, clock):
    # the week before (W46): two questions, one rating
    q0 = ask(store, clock, "2026-11-10T10:00:00", asker="U1")
    ask(store, clock, "2026-11-12T10:00:00", asker="U2", decision="suggest", faq_id="messaging-apps")
    clock.at("2026-11-12T11:00:00")
    store.set_feedback(q0.id, "U1", "data-breach-72-hours", "helpful")
    # this week (W47)
    a = ask(store, clock, "2026-11-16T09:00:00", asker="U1")
    b = ask(store, clock, "2026-11-16T10:00:00", asker="U2", decision="suggest", faq_id="messaging-apps")
    e1 = ask(store, clock, "2026-11-17T08:00:00", text="Can a councillor see casework?", asker="U3",
             decision="escalate", faq_id=None, escalate=True)
    e2 = ask(store, clock, "2026-11-17T09:00:00", text="Can probation share an address?", asker="U3",
             decision="escalate", faq_id=None, escalate=True)
    e3 = ask(store, clock, "2026-11-18T09:00:00", text="Is CCTV personal data?", asker="U4",
             decision="escalate", faq_id=None, escalate=True)
    e4 = ask(store, clock, "2026-11-19T09:00:00", text="Can we share with a landlord?", asker="U5",
             decision="answer", faq_id="data-breach-72-hours", escalate=True)
    ask(store, clock, "2026-11-23T00:00:00", asker="U9")  # Monday 00:00: next week
    answer(store, clock, e1, "2026-11-17T09:00:00")  # 1 h
    answer(store, clock, e2, "2026-11-17T11:00:00")  # 2 h
    answer(store, clock, e3, "2026-11-18T12:00:00")  # 3 h
    change(store, clock, e4, "2026-11-19T10:00:00", "claim")  # claimed, never answered
    clock.at("2026-11-18T10:00:00")
    store.set_feedback(a.id, "U1", "data-breach-72-hours", "helpful")
    store.set_feedback(a.id, "U7", "data-breach-72-hours", "not_helpful")
    store.set_feedback(b.id, "U2", "messaging-apps", "helpful")
    clock.at("2026-11-19T10:00:00")
    store.set_feedback(b.id, "U2", "messaging-apps", "not_helpful")  # changed her mind: counted once

    digest = figures.build_digest(store, small_faq(), "2026-W47")
    t, p = digest.this_week, digest.previous_week
    assert (t.asked, t.askers, t.answered_by_faq, t.suggested, t.escalated) == (6, 5, 2, 1, 3)
    assert (t.helpful, t.not_helpful) == (1, 2)
    assert (t.escalations_opened, t.escalations_answered, t.escalations_open_at_end) == (4, 3, 1)
    assert t.median_hours_to_answer == 2.0 and t.p90_hours_to_answer == 3.0
    assert (p.week, p.asked, p.askers, p.answered_by_faq, p.suggested, p.helpful) == ("2026-W46", 2, 2, 1, 1, 1)
    # answered questions count for their entry, unless the asker sent them to an advisor (e4: it is
    # missed, and counts under an entry only once an advisor links one); suggestions count only when
    # the asker picked the entry: b's asker rated it not helpful in the end
    assert [(x.faq_id, x.count, x.previous_count) for x in digest.topics] == [("data-breach-72-hours", 1, 1)]
    assert (t.suggestions_picked, p.suggestions_picked) == (0, 0)
    # too few ratings to rank by rate with confidence: by its Wilson lower bound (1 of 1 before 1 of 2)
    assert [(r.faq_id, r.not_helpful, r.helpful) for r in digest.unhelpful.listed] == [
        ("messaging-apps", 1, 0), ("data-breach-72-hours", 1, 1)]
    assert [(o.id, o.claimed, o.days_open) for o in digest.oldest_open] == [(4, True, 3.6)]
    # the FAQ missed the three escalated questions, the one answered but sent to an advisor, and the
    # suggestion nobody picked
    assert digest.missed.single_questions + sum(g.questions for g in digest.missed.groups) == 5


def test_topic_counts_break_ties_by_entry_id(store, clock):
    for n, faq_id in enumerate(["zeta", "alpha", "mid", "zeta", "alpha", "mid", "beta"]):
        ask(store, clock, f"2026-11-17T1{n}:00:00", asker=f"U{n}", faq_id=faq_id, text=f"question {n} about {faq_id}")
    digest = figures.build_digest(store, small_faq(), "2026-W47")
    assert [(x.faq_id, x.count) for x in digest.topics] == [("alpha", 2), ("mid", 2), ("zeta", 2), ("beta", 1)]
    assert all(x.title is None for x in digest.topics)  # not in this FAQ
    assert figures.build_digest(store, small_faq(), "2026-W47") == digest  # deterministic


def test_time_to_first_answer_median_and_90th_percentile(store, clock):
    hours = [1, 2, 3, 10]
    for n, hour in enumerate(hours):
        q = ask(store, clock, f"2026-11-17T0{n}:00:00", asker=f"U{n}", text=f"escalated question number {n}",
                decision="escalate", faq_id=None, escalate=True)
        answer(store, clock, q, (utc(f"2026-11-17T0{n}:00:00") + dt.timedelta(hours=hour)).isoformat()[:19])
    t = figures.build_digest(store, small_faq(), "2026-W47").this_week
    assert t.median_hours_to_answer == 2.5  # mean of the middle two
    assert t.p90_hours_to_answer == 10  # nearest rank: the 4th of 4


def test_time_to_first_answer_in_the_advisors_working_hours_too(store, clock):
    # Friday 16:00 -> Monday 10:00 is 66 hours of waiting but 2 of work (Friday 16-17, Monday 09-10)
    q = ask(store, clock, "2026-11-20T16:00:00", decision="escalate", faq_id=None, escalate=True)
    answer(store, clock, q, "2026-11-23T10:00:00")
    hours = WorkingHours.parse("Mon-Fri 09:00-17:00")
    t = figures.build_digest(store, small_faq(), "2026-W48", hours=hours).this_week
    assert (t.median_hours_to_answer, t.median_working_hours_to_answer, t.p90_working_hours_to_answer) == (66, 2, 2)
    digest = figures.build_digest(store, small_faq(), "2026-W48", hours=hours)
    assert "| … counting the advisors' working hours only | 2 hours |" in markdown.render_markdown(digest)
    assert json.loads(as_json.render_json(digest))["this_week"]["median_working_hours_to_answer"] == 2
    assert "working hours only" in json.dumps(digest_blocks.render_blocks(digest))
    unset = figures.build_digest(store, small_faq(), "2026-W48")  # advisors at all hours: no second figure
    assert unset.this_week.median_working_hours_to_answer is None
    assert "working hours" not in markdown.render_markdown(unset)


def test_the_service_counts_the_configured_working_hours_in_its_digest(store, clock, tmp_path):
    hours = WorkingHours.parse("Mon-Fri 09:00-17:00")
    q = ask(store, clock, "2026-11-20T16:00:00", decision="escalate", faq_id=None, escalate=True)
    answer(store, clock, q, "2026-11-23T10:00:00")
    digest = Service(store, small_faq(), advisor_hours=hours).digest("2026-W48")
    assert digest.this_week.median_working_hours_to_answer == 2
    settings = Settings(db_path=tmp_path / "c.db", faq_dir=Path(__file__).parent.parent / "faq", advisor_hours=hours)
    assert Service.open(settings).advisor_hours is hours  # as `canishare serve`, `clock` and `digest` open it


def test_first_answer_counts_even_after_a_reopen_and_open_at_end_follows_the_history(store, clock):
    q = ask(store, clock, "2026-11-10T10:00:00", decision="escalate", faq_id=None, escalate=True)  # W46
    answer(store, clock, q, "2026-11-10T12:00:00")  # first answer after 2 h, in W46
    change(store, clock, q, "2026-11-18T10:00:00", "reopen")  # reopened in W47
    answer(store, clock, q, "2026-11-25T10:00:00")  # answered again in W48
    w46 = figures.build_digest(store, small_faq(), "2026-W46").this_week
    w47 = figures.build_digest(store, small_faq(), "2026-W47").this_week
    w48 = figures.build_digest(store, small_faq(), "2026-W48").this_week
    assert (w46.escalations_answered, w46.median_hours_to_answer, w46.escalations_open_at_end) == (1, 2.0, 0)
    assert (w47.escalations_answered, w47.escalations_open_at_end) == (0, 1)  # reopened: open at the end of W47
    assert (w48.escalations_answered, w48.escalations_open_at_end) == (0, 0)  # not a first answer


def test_escalation_states_at_follow_the_audit_log_even_within_one_second(store, clock):
    q = ask(store, clock, "2026-11-17T10:00:00", decision="escalate", faq_id=None, escalate=True)
    change(store, clock, q, "2026-11-17T11:00:00", "claim")
    change(store, clock, q, "2026-11-17T11:00:00", "close")  # the same second: the later row wins
    assert [e["state"] for e in store.escalation_states_at("2026-11-17T10:30:00+00:00")] == ["open"]
    assert [e["state"] for e in store.escalation_states_at("2026-11-17T12:00:00+00:00")] == ["closed"]
    assert store.escalation_states_at("2026-11-17T09:00:00+00:00") == []
    assert store.escalation_first_answers() == []


def test_questions_near_midnight_fall_in_the_london_week(store, clock):
    # W26 2026 is in BST: it starts Sunday 21 June 23:00 UTC and ends Sunday 28 June 23:00 UTC
    ask(store, clock, "2026-06-21T22:59:59", asker="U1", text="before")  # Sunday 23:59 BST: W25
    ask(store, clock, "2026-06-21T23:00:00", asker="U2", text="first of W26")
    ask(store, clock, "2026-06-28T22:59:59", asker="U3", text="last of W26")
    ask(store, clock, "2026-06-28T23:00:00", asker="U4", text="after")  # Monday 00:00 BST: W27
    assert figures.build_digest(store, small_faq(), "2026-W26").this_week.asked == 2
    assert figures.build_digest(store, small_faq(), "2026-W25").this_week.asked == 1
    assert figures.build_digest(store, small_faq(), "2026-W27").this_week.asked == 1
    # GMT: W47 starts at 00:00 UTC
    ask(store, clock, "2026-11-15T23:59:59", asker="U5", text="W46")
    ask(store, clock, "2026-11-16T00:00:00", asker="U6", text="W47")
    assert figures.build_digest(store, small_faq(), "2026-W47").this_week.asked == 1


def test_entries_overdue_for_review_relative_to_the_end_of_the_week(store):
    faq = small_faq(
        entry("fresh", "2026-01-10"),
        entry("exactly-a-year", "2025-11-22"),  # the week ends Sunday 22 Nov 2026: not over 12 months
        entry("a-day-over", "2025-11-21"),
        entry("ancient", "2023-05-01"),
    )
    digest = figures.build_digest(store, faq, "2026-W47")
    assert [e.faq_id for e in digest.overdue] == ["ancient", "a-day-over"]
    assert digest.review_cutoff == dt.date(2025, 11, 22)
    assert "`ancient` last reviewed 2023-05-01" in markdown.render_markdown(digest)
    assert [e.faq_id for e in figures.build_digest(store, faq, "2025-W47").overdue] == ["ancient"]


def test_questions_linked_to_an_existing_entry_are_not_candidates_for_new_entries(store, clock):
    texts = ["Can our charity share DBS check results with partners?"] * 3
    questions = [ask(store, clock, f"2026-11-17T1{n}:00:00", text=t, asker=f"U{n}", decision="escalate",
                     faq_id=None, escalate=True) for n, t in enumerate(texts)]
    answer(store, clock, questions[0], "2026-11-18T10:00:00", faq_id="data-breach-72-hours")
    missed = figures.build_digest(store, small_faq(), "2026-W47").missed
    assert [(g.questions, g.askers, g.quoted) for g in missed.groups] == [(2, 2, False)]


# privacy --------------------------------------------------------------------------------------


def seed_groups(store, clock, text, askers, when="2026-11-17", **kwargs):
    for n, asker in enumerate(askers):
        ask(store, clock, f"{when}T{10 + n:02d}:00:00", text=text, asker=asker, **kwargs)


def test_a_group_is_quoted_only_when_three_different_people_asked_it(store, clock):
    seed_groups(store, clock, "How long do we have to report a data breach to the ICO?", ["UA", "UB", "UC"])
    seed_groups(store, clock, "Can I use WhatsApp to send client details to colleagues?", ["UD", "UD", "UE"],
                when="2026-11-18", faq_id="messaging-apps")
    seed_groups(store, clock, "Can our charity share volunteer DBS results with partner organisations?",
                ["UF", "UG", "UH"], when="2026-11-19", decision="escalate", faq_id=None, escalate=True)
    seed_groups(store, clock, "Is CCTV footage from our reception personal data?", ["UJ", "UJ", "UJ", "UK"],
                when="2026-11-20", decision="escalate", faq_id=None, escalate=True)
    digest = figures.build_digest(store, small_faq(), "2026-W47")
    common = [(g.questions, g.askers, g.quoted, g.text) for g in digest.common.groups]
    assert (3, 3, True, "How long do we have to report a data breach to the ICO?") in common
    assert (3, 2, False, None) in common
    missed = [(g.questions, g.askers, g.quoted, g.text) for g in digest.missed.groups]
    assert missed == [(3, 3, True, "Can our charity share volunteer DBS results with partner organisations?"),
                      (4, 2, False, None)]
    rendered = markdown.render_markdown(digest) + json.dumps(digest_blocks.render_blocks(digest)) + as_json.render_json(digest)
    assert "WhatsApp to send client details" not in rendered and "CCTV" not in rendered
    assert "3 questions from 2 people, not quoted" in markdown.render_markdown(digest)


def test_no_asker_or_advisor_id_appears_anywhere(store, clock):
    askers = ["USECRETASKER1", "USECRETASKER2", "USECRETASKER3"]
    seed_groups(store, clock, "Can our charity share volunteer DBS results with partner organisations?", askers,
                decision="escalate", faq_id=None, escalate=True)
    q = store.questions()[0]
    answer(store, clock, q, "2026-11-18T10:00:00", advisor="USECRETADVISOR")
    change(store, clock, store.questions()[1], "2026-11-18T11:00:00", "claim", advisor="USECRETADVISOR")
    clock.at("2026-11-18T12:00:00")
    store.set_feedback(q.id, "USECRETRATER", "data-breach-72-hours", "not_helpful")
    digest = figures.build_digest(store, small_faq(), "2026-W47")
    for rendered in (markdown.render_markdown(digest), as_json.render_json(digest), json.dumps(digest_blocks.render_blocks(digest))):
        assert "USECRET" not in rendered


def test_quoted_text_cannot_broadcast_or_mention_and_is_escaped(store, clock):
    text = "<!channel> can I tell <@U0SOMEONE> & the team about <b>this</b> -> data breach?"
    seed_groups(store, clock, text, ["U1", "U2", "U3"])
    digest = figures.build_digest(store, small_faq(), "2026-W47")
    main, thread = digest_blocks.render_blocks(digest)
    slack = json.dumps(main + thread)
    assert "<!channel>" not in slack and "<@" not in slack and "U0SOMEONE" not in slack
    assert "&amp; the team about &lt;b&gt;this&lt;/b&gt; -&gt; data breach" in slack
    assert "<b>" not in markdown.render_markdown(digest) and "&lt;b&gt;" in markdown.render_markdown(digest)


def test_quoted_text_masks_names_and_prefers_a_question_without_them():
    assert quoting.quote("Should we tell Kai's school that he is on a CP plan?") == "Should we tell [name] school that he is on a CP plan?"
    texts = ["Can I tell Jordan Pike's GP about the referral?", "Can I tell the GP about the referral?",
             "can I tell the GP about a referral?"]
    group, = grouping.group_questions(texts)
    assert texts[group.representative] != texts[0]


# grouping ------------------------------------------------------------------------------------


def fixture_questions() -> list[dict]:
    return yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))["questions"]


_MATCHES: dict[str, tuple[str | None, float]] = {}


def matches_of(texts) -> list[tuple[str | None, float]]:
    """Each question's best FAQ entry and the matcher's confidence in it, as the store records them."""
    missing = [t for t in texts if t not in _MATCHES]
    if missing:
        from bot.faq import load_faq
        from bot.matching import Matcher

        _MATCHES.update(zip(missing, grouping.entries_now(missing, Matcher(load_faq()))))
    return [_MATCHES[t] for t in texts]


def topics_of(texts) -> list:
    """Each question's confidently matched FAQ entry (or None), as the grouping reads it from the store."""
    from bot.matching import Thresholds

    return [entry if score >= Thresholds().answer else None for entry, score in matches_of(texts)]


def entries_of(texts) -> list:
    """Each question's best FAQ entry, whatever the matcher's confidence."""
    return [entry for entry, _ in matches_of(texts)]


def similarity(a: str, b: str) -> float:
    """How alike two questions are for grouping (0-100), as ``group_questions`` sees a pair alone."""
    sim = grouping.Similarity([a, b])
    return 0.0 if sim.minimal_pair(0, 1) else sim.score(0, 1)


def pairwise(labels, groups, size):
    assigned = [0] * size
    for n, g in enumerate(groups):
        for i in g.members:
            assigned[i] = n
    label, group = np.array(labels), np.array(assigned)
    same, together = label[:, None] == label[None, :], group[:, None] == group[None, :]
    upper = np.triu(np.ones_like(same), 1)
    tp, fp, fn = ((same & together & upper).sum(), (together & ~same & upper).sum(), (same & ~together & upper).sum())
    return tp / (tp + fp), tp / (tp + fn), assigned


def test_the_fixture_is_well_formed():
    questions = fixture_questions()
    labels = [q["group"] for q in questions]
    assert 60 <= len(questions) <= 100
    assert sum(1 for g in set(labels) if labels.count(g) >= 3) >= 12  # several paraphrases per group
    assert sum(1 for g in set(labels) if labels.count(g) == 1) >= 10  # singletons
    keys = [q["near_miss"] for q in questions if q.get("near_miss")]
    assert len(keys) >= 10 and all(keys.count(k) == 2 for k in keys)
    for key in set(keys):
        a, b = (q["group"] for q in questions if q.get("near_miss") == key)
        assert a != b, key


def grouping_figures(questions, order) -> tuple[float, float, list[int]]:
    texts, labels = [questions[i]["text"] for i in order], [questions[i]["group"] for i in order]
    groups = grouping.group_questions(texts, topics=topics_of(texts), entries=entries_of(texts))
    precision, recall, assigned = pairwise(labels, groups, len(texts))
    return precision, recall, [assigned[order.index(i)] for i in range(len(questions))]


def near_miss_indices(document: dict) -> list[tuple[int, int]]:
    """Near-miss pairs as question indices: two questions sharing a ``near_miss`` key, or listed as
    ``near_miss: [[text, text]]``."""
    questions = document["questions"]
    keyed: dict[str, list[int]] = {}
    for i, q in enumerate(questions):
        if q.get("near_miss"):
            keyed.setdefault(q["near_miss"], []).append(i)
    index = {q["text"]: i for i, q in enumerate(questions)}
    return [tuple(v) for v in keyed.values()] + [(index[a], index[b]) for a, b in document.get("near_miss") or []]


def order_figures(questions: list[dict]) -> list[tuple[float, float, list[int]]]:
    rng = random.Random(11)
    orders = [list(range(len(questions)))] + [rng.sample(range(len(questions)), len(questions)) for _ in range(2)]
    return [grouping_figures(questions, order) for order in orders]


def agreement(first: list[int], other: list[int]) -> float:
    """The share of pairs that two groupings agree on (both together or both apart)."""
    a, b = np.array(first), np.array(other)
    together_a, together_b = a[:, None] == a[None, :], b[:, None] == b[None, :]
    upper = np.triu(np.ones_like(together_a), 1)
    return float(((together_a == together_b) & upper).sum() / upper.sum())


@pytest.mark.parametrize("fixture, precision_at_least, recall_at_least", [
    (FIXTURE, PRECISION_RECALL["old"][0], PRECISION_RECALL["old"][1]),
    (DEV2_FIXTURE, PRECISION_RECALL["dev2"][0], PRECISION_RECALL["dev2"][1]),
])
@pytest.mark.slow
def test_grouping_quality_holds_whatever_order_the_questions_arrive_in(fixture, precision_at_least, recall_at_least):
    results = order_figures(yaml.safe_load(fixture.read_text(encoding="utf-8"))["questions"])
    for precision, recall, _ in results:
        assert precision >= precision_at_least - MARGIN and recall >= recall_at_least - MARGIN, (precision, recall)
    # the same groups whatever the order (ties aside): the pairs grouped together agree
    for _, _, assigned in results[1:]:
        assert agreement(results[0][2], assigned) > 0.995


@pytest.mark.slow
def test_the_blind_set_is_grouped_no_worse_than_by_word_overlap_in_any_order():
    results = order_figures(yaml.safe_load(BLIND_FIXTURE.read_text(encoding="utf-8"))["questions"])
    floor = all(p >= BLIND_FLOOR[0] and r >= BLIND_FLOOR[1] for p, r, _ in results)
    same = all(agreement(results[0][2], assigned) > 0.995 for _, _, assigned in results[1:])
    assert floor, "the blind set's precision or recall is below the floor (figures for the lead engineer only)"
    assert same, "the blind set is grouped differently in different orders"


def near_misses_grouped(fixture: Path) -> int:
    document = yaml.safe_load(fixture.read_text(encoding="utf-8"))
    questions = document["questions"]
    _, _, assigned = grouping_figures(questions, list(range(len(questions))))
    return sum(assigned[a] == assigned[b] for a, b in near_miss_indices(document))


def test_near_miss_pairs_of_the_fitting_sets_are_rarely_grouped():
    assert near_misses_grouped(FIXTURE) <= NEAR_MISSES_GROUPED["old"]
    assert near_misses_grouped(DEV2_FIXTURE) <= NEAR_MISSES_GROUPED["dev2"]


def test_near_miss_pairs_of_the_blind_set_are_rarely_grouped():
    within = near_misses_grouped(BLIND_FIXTURE) <= NEAR_MISSES_GROUPED["blind"]
    assert within, "more of the blind set's near-miss pairs are grouped than the floor allows"


def test_minimal_pairs_are_never_grouped_whatever_the_order():
    pairs = [
        ("Can we share information about a tenant with the police?",
         "Can we share information about a tenant with their landlord?"),
        ("can we share a deceased client's care records with their family?",
         "can we share a living client's care records with their family?"),
        ("Can I send client details by email to the council?", "Can I send client details by WhatsApp to the council?"),
    ]
    fillers = [q["text"] for q in fixture_questions()]
    rng = random.Random(3)
    for a, b in pairs:
        assert similarity(a, b) == 0
        for _ in range(5):
            texts = rng.sample(fillers, 30) + [a, b]
            rng.shuffle(texts)
            groups = grouping.group_questions(texts, topics=topics_of(texts), entries=entries_of(texts))
            owner = {i: n for n, g in enumerate(groups) for i in g.members}
            assert owner[texts.index(a)] != owner[texts.index(b)]


def test_a_typo_is_not_a_different_word():
    assert similarity("Can I share records with the polcie?", "Can I share records with the police?") > pairs.stored().threshold
    assert len(grouping.group_questions(["Can I share records with the polcie?", "Can I share records with the police?"])) == 1


def test_grouping_does_not_chain_unrelated_questions():
    # each question is close to the next (connected components would glue all five together), but
    # the first and the last have nothing in common
    chain = [
        "Can I share a child's school attendance with the police?",
        "Can I share school attendance and exclusion records with the police and the youth offending team?",
        "Can the youth offending team see exclusion records and court reports?",
        "Who can see court reports and pre-sentence reports about a young person?",
        "Can a young person see their own pre-sentence report?",
    ]
    threshold = min(similarity(a, b) for a, b in zip(chain, chain[1:]))  # every neighbour clears it
    assert similarity(chain[0], chain[-1]) < threshold / 2
    groups = grouping.group_questions(chain, threshold)
    owner = {i: n for n, g in enumerate(groups) for i in g.members}
    assert owner[0] != owner[4]
    assert max(len(g) for g in groups) < len(chain)


def test_grouping_is_deterministic_and_ordered_by_size():
    texts = [q["text"] for q in fixture_questions()]
    first, second = grouping.group_questions(texts), grouping.group_questions(list(texts))
    assert first == second
    assert [len(g) for g in first] == sorted((len(g) for g in first), reverse=True)
    assert sorted(i for g in first for i in g.members) == list(range(len(texts)))
    assert grouping.group_questions([]) == []
    assert grouping.group_questions(["", "[NHS number]"]) and all(len(g) >= 1 for g in grouping.group_questions(["", "?"]))


# rendering within Slack's limits ---------------------------------------------------------------


def random_words(rng, n, syllables=4):
    return " ".join("".join(rng.choice("bcdfghjklmnpqrstvwxz") + rng.choice("aeiou") for _ in range(syllables))
                    for _ in range(n))


def test_rendering_stays_within_slack_limits_with_500_distinct_questions(store, clock):
    rng = random.Random(5)
    for n in range(500):
        day = 16 + n % 7
        ask(store, clock, f"2026-11-{day}T{n % 24:02d}:{n % 60:02d}:00", asker=f"U{n}",
            text=f"Can I share {random_words(rng, 6)}?", faq_id=f"entry-{n % 40:02d}",
            decision=("answer", "suggest", "escalate")[n % 3], escalate=n % 3 == 2)
    faq = small_faq(*(entry(f"entry-{n:02d}", "2020-01-01", "x" * 400) for n in range(60)))
    digest = figures.build_digest(store, faq, "2026-W47")
    assert digest.this_week.asked == 500 and len(digest.overdue) == 60
    h.assert_digest_within_slack_limits(*digest_blocks.render_blocks(digest))


def test_rendering_stays_within_slack_limits_with_many_long_quoted_groups(store, clock):
    rng = random.Random(6)
    n = 0
    for group in range(100):
        # made-up words of six syllables: unknown to the embedding, so the texts are alike in nothing
        # (runs of shorter made-up words do look alike to it: see bot.digest.meaning.MAX_PIECES)
        text = f"{random_words(rng, 40, syllables=6)} & <{group}>"
        for asker in range(3):
            missed = group % 4 == 0
            ask(store, clock, f"2026-11-{16 + n % 7}T{n % 24:02d}:{n % 60:02d}:00", asker=f"U{group}-{asker}",
                text=text, decision="escalate" if missed else "answer", faq_id=None, escalate=missed)
            n += 1
    digest = figures.build_digest(store, small_faq(), "2026-W47")
    assert len(digest.common.groups) == figures.TOP_GROUPS and digest.common.more_groups == 100 - figures.TOP_GROUPS
    assert all(g.quoted and len(g.text) <= quoting.QUOTE_MAX_CHARS for g in digest.common.groups)
    h.assert_digest_within_slack_limits(*digest_blocks.render_blocks(digest))


# posting once per week ---------------------------------------------------------------------------


@pytest.fixture
def settings(fake_slack, tmp_path):
    return Settings(db_path=str(tmp_path / "db"), bot_token="xoxb-test-not-real", api_url=fake_slack.base_url,
                    digest_channel="CDIGEST")


def test_post_digest_posts_the_main_message_and_the_details_in_a_thread(fake_slack, settings, store, clock):
    seed_groups(store, clock, "How long do we have to report a data breach to the ICO?", ["UA", "UB", "UC"])
    digest = figures.build_digest(store, small_faq(), "2026-W47")
    line = post_digest(settings, Service(store, small_faq()), digest)
    main, thread = fake_slack.calls("chat.postMessage")
    assert main.body["channel"] == "CDIGEST" and main.body["blocks"][0]["type"] == "header"
    assert "Mon 16 to Sun 22 November 2026" in main.body["text"]
    assert thread.body["thread_ts"] == "1700000000.000100" and thread.body["blocks"]
    assert thread.body["text"] == "Details of the canishare weekly digest, Mon 16 to Sun 22 November 2026."
    assert store.digest_posted("2026-W47")["ts"] == "1700000000.000100"
    assert "Posted the digest for 2026-W47 to CDIGEST" in line


def test_a_second_post_posts_nothing_and_force_posts_again(fake_slack, settings, store, clock):
    clock.at("2026-11-23T09:00:00")
    digest = figures.build_digest(store, small_faq(), "2026-W47")
    post_digest(settings, Service(store, small_faq()), digest)
    fake_slack.reset()
    again = post_digest(settings, Service(store, small_faq()), digest)
    assert fake_slack.calls("chat.postMessage") == []
    assert "already posted on Mon 23 Nov 2026 at 09:00" in again and "--force" in again
    forced = post_digest(settings, Service(store, small_faq()), digest, force=True)
    assert len(fake_slack.calls("chat.postMessage")) == 2 and "again" in forced


def test_post_digest_retries_a_rate_limited_post(fake_slack, settings, store):
    fake_slack.fail_next("chat.postMessage", times=1, retry_after=1)
    post_digest(settings, Service(store, small_faq()), figures.build_digest(store, small_faq(), "2026-W47"))
    statuses = [c.status for c in fake_slack.calls("chat.postMessage")]
    assert statuses == [429, 200, 200] and store.digest_posted("2026-W47")


# the clock ----------------------------------------------------------------------------------------


def test_the_clock_posts_the_due_digest_once_and_a_restart_does_not_post_again(fake_slack, settings, store, clock):
    service = Service(store, small_faq())
    stop = threading.Event()
    monday = utc("2026-11-23T10:00:00")

    def run():
        run_clock(settings, service, clock=lambda: monday, stop=stop)

    worker = threading.Thread(target=run)
    worker.start()
    deadline = dt.datetime.now() + dt.timedelta(seconds=10)
    while not store.digest_posted("2026-W47") and dt.datetime.now() < deadline:
        threading.Event().wait(0.02)
    threading.Event().wait(0.1)
    stop.set()
    worker.join(5)
    assert not worker.is_alive()
    assert len(fake_slack.calls("chat.postMessage")) == 2  # main message and its thread
    stop.clear()
    worker = threading.Thread(target=run)
    worker.start()
    threading.Event().wait(0.3)
    stop.set()
    worker.join(5)
    assert len(fake_slack.calls("chat.postMessage")) == 2


def test_the_clock_stops_cleanly_on_sigterm(fake_slack, settings, store):
    service = Service(store, small_faq())
    calls = []

    def clock():
        calls.append(1)
        if len(calls) == 2:  # after the start-up log line, as the loop begins
            os.kill(os.getpid(), signal.SIGTERM)
        return utc("2026-11-25T10:00:00")

    before = signal.getsignal(signal.SIGTERM)
    assert run_clock(settings, service, clock=clock) == 0
    assert signal.getsignal(signal.SIGTERM) is before
    assert store.digest_posted("2026-W47")  # the due digest went out before it stopped


# the command line ----------------------------------------------------------------------------


@pytest.fixture
def seeded_db(tmp_path, monkeypatch):
    path = tmp_path / "cli.db"
    clock = Clock()
    s = Store(path, clock=clock)
    for n, asker in enumerate(["U1", "U2", "U3"]):
        ask(s, clock, f"2026-11-1{7 + n}T10:00:00", text="How long do we have to report a data breach to the ICO?",
            asker=asker)
    ask(s, clock, "2026-11-19T11:00:00", text="Is CCTV personal data?", asker="U4", decision="escalate",
        faq_id=None, escalate=True)
    s.close()
    monkeypatch.chdir(tmp_path)  # no stray .env
    monkeypatch.setenv("CANISHARE_DB", str(path))
    for name in ("SLACK_BOT_TOKEN", "SLACK_API_URL", "CANISHARE_DIGEST_CHANNEL"):
        monkeypatch.delenv(name, raising=False)
    return path


def test_cli_digest_json(seeded_db, capsys):
    assert main(["digest", "--week", "2026-W47", "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["week"] == "2026-W47" and report["previous_week"]["week"] == "2026-W46"
    assert report["this_week"]["asked"] == 4 and report["this_week"]["escalations_opened"] == 1
    assert report["common"]["groups"][0]["text"] == "How long do we have to report a data breach to the ICO?"
    assert report["first_day"] == "2026-11-16" and "U1" not in json.dumps(report)


def test_cli_digest_markdown_and_since(seeded_db, capsys):
    assert main(["digest", "--week", "2026-W47"]) == 0
    text = capsys.readouterr().out
    assert text.startswith("# canishare weekly digest: 2026-W47") and "| Questions asked | 4 | 0 | +4 |" in text
    assert main(["digest", "--since", "2026-11-18"]) == 0
    assert capsys.readouterr().out == text


@pytest.mark.parametrize("argv", [["digest", "--week", "2026-47"], ["digest", "--week", "2025-W53"]])
def test_cli_digest_invalid_week_exits_2(seeded_db, capsys, argv):
    assert main(argv) == 2
    assert "week" in capsys.readouterr().err


def test_cli_digest_post_once_then_says_already_posted(seeded_db, capsys, monkeypatch, fake_slack):
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-test-not-real")
    monkeypatch.setenv("SLACK_API_URL", fake_slack.base_url)
    monkeypatch.setenv("CANISHARE_DIGEST_CHANNEL", "CDIGEST")
    assert main(["digest", "--week", "2026-W47", "--post"]) == 0
    assert "Posted the digest for 2026-W47" in capsys.readouterr().out
    assert main(["digest", "--week", "2026-W47", "--post"]) == 0
    assert "already posted" in capsys.readouterr().out
    assert len(fake_slack.calls("chat.postMessage")) == 2
    assert main(["digest", "--week", "2026-W47", "--post", "--force"]) == 0
    assert len(fake_slack.calls("chat.postMessage")) == 4


def test_bare_broadcasts_in_quoted_questions_never_broadcast():
    from bot.faq import load_faq
    from bot.mrkdwn import WORD_JOINER

    clock = {"now": "2026-11-17T10:00:00+00:00"}
    store = Store(":memory:", clock=lambda: clock["now"])
    for asker in ("U1", "U2", "U3", "U4"):
        store.add_question(text="@channel can the allotment committee see tenancy notes", asker=asker,
                           where=Where("dm", "D1"), decision="escalate", faq_id=None, score=10.0,
                           suggestions=(), redacted_kinds=())
    digest = figures.build_digest(store, load_faq(), "2026-W47")
    main_blocks, thread_blocks = digest_blocks.render_blocks(digest)
    rendered = json.dumps(main_blocks + thread_blocks, ensure_ascii=False) + markdown.render_markdown(digest)
    assert "allotment" in rendered
    assert "@channel" not in rendered and "@" + WORD_JOINER + "channel" in rendered


def test_questions_the_matcher_gave_the_same_entry_group_more_readily():
    texts = ["How long have we got to report a data breach to the ICO?",
             "I emailed a report to the wrong family - how quickly must the ICO hear about it?"]
    threshold = similarity(*texts) + 1  # just too far apart on their words alone
    assert len(grouping.group_questions(texts, threshold)) == 2
    assert len(grouping.group_questions(texts, threshold, topics=["data-breach-72-hours"] * 2)) == 1
    assert len(grouping.group_questions(texts, threshold, topics=["data-breach-72-hours", "subject-access-requests"])) == 2


def test_grouping_takes_a_shared_entry_as_a_shared_topic_only_above_the_tuned_answer_score(store, clock):
    from bot.matching import Thresholds

    texts = ["How long have we got to report a data breach to the ICO?",
             "I emailed a report to the wrong family - how quickly must the ICO hear about it?"]
    same_topic = grouping.Similarity(texts, ["data-breach-72-hours"] * 2).score(0, 1)
    same_entry = grouping.Similarity(texts, entries=["data-breach-72-hours"] * 2).score(0, 1)
    assert same_entry < pairs.stored().threshold <= same_topic
    score = Thresholds().answer + 5  # both matched to the same entry, with an answer-grade score
    for n, text in enumerate(texts):
        ask(store, clock, f"2026-11-17T1{n}:00:00", text=text, asker=f"U{n}", score=score)
    assert [g.questions for g in Service(store, small_faq()).digest("2026-W47").common.groups] == [2]
    strict = Service(store, small_faq(), Thresholds(answer=score + 10))
    assert strict.digest("2026-W47").common.groups == ()


def test_confident_topic_needs_an_answer_grade_score():
    from bot.records import Question

    def question(score):
        return Question(1, "q", "U1", Where(), "suggest", "caldicott-principles", score, (), (), False, "")

    from bot.matching import Thresholds

    assert grouping.confident_topic(question(Thresholds().answer)) == "caldicott-principles"
    assert grouping.confident_topic(question(Thresholds().answer - 0.5)) is None
    assert grouping.confident_topic(question(20.0)) is None


def test_overlapping_posting_runs_post_the_week_once(tmp_path):
    """The clock and a manual --post at the same moment: one posts, the other says so."""
    from bot.faq import load_faq

    fake = h.FakeSlack()
    try:
        settings = Settings(db_path=str(tmp_path / "db"), bot_token="xoxb-test-not-real",
                            digest_channel="CDIGEST", api_url=fake.base_url)
        first, second = Store(tmp_path / "db"), Store(tmp_path / "db")
        digest = figures.build_digest(first, load_faq(), "2026-W10")
        status, item = Service(first, load_faq()).owe_digest("2026-W10", "the other run")  # half-way through posting
        assert status == "yours"
        with pytest.raises(DigestInHand, match="another run .the other run. is posting.*lease runs out at"):
            post_digest(settings, Service(second, load_faq()), digest)
        assert fake.calls("chat.postMessage") == []
        first.failed(item, "it failed", wait=dt.timedelta(0))  # ... and failed: the posting stays owed
        assert "Posted the digest" in post_digest(settings, Service(second, load_faq()), digest)
        assert "already posted" in post_digest(settings, Service(first, load_faq()), digest)
        assert len([c for c in fake.calls("chat.postMessage") if "thread_ts" not in c.body]) == 1
    finally:
        fake.stop()


def test_a_posting_left_by_a_crashed_run_is_taken_over(tmp_path):
    from bot.faq import load_faq

    clock = {"now": "2026-11-23T09:00:00+00:00"}
    service = Service(Store(tmp_path / "db", clock=lambda: clock["now"]), load_faq())
    assert service.owe_digest("2026-W47", "run 1")[0] == "yours"
    assert service.owe_digest("2026-W47", "run 2") == ("in hand", None)
    clock["now"] = "2026-11-23T09:20:00+00:00"  # run 1 died: its 15-minute lease ran out
    assert service.owe_digest("2026-W47", "run 3")[0] == "yours"


def test_a_posting_left_by_a_run_killed_on_this_machine_is_taken_over_at_once(tmp_path):
    """kill -9 of a digest --post mid-post: the next run sees that the lease holder is gone and posts."""
    import socket
    import subprocess

    from bot import lease_owners
    from bot.faq import load_faq

    gone = subprocess.Popen(["true"])
    gone.wait()  # a pid that no longer runs
    fake = h.FakeSlack()
    try:
        settings = Settings(db_path=str(tmp_path / "db"), bot_token="xoxb-test-not-real",
                            digest_channel="CDIGEST", api_url=fake.base_url)
        service = Service(Store(tmp_path / "db"), load_faq())
        namespace = lease_owners.this_process().split(":")[2].split("-")[0]  # the holder ran where we can see it
        holder = f"{socket.gethostname()}:{gone.pid}:{namespace}-1:digest"
        assert service.owe_digest("2026-W10", holder)[0] == "yours"
        assert "Posted the digest" in post_digest(settings, service, figures.build_digest(service.store, load_faq(),
                                                                                          "2026-W10"))
    finally:
        fake.stop()


def test_a_digest_a_run_could_not_post_is_posted_by_the_bots_deliverer(tmp_path):
    from bot.faq import load_faq
    from bot.slack.deliverer import deliver_due
    from bot.slack.deps import assemble

    fake = h.FakeSlack()
    try:
        settings = Settings(db_path=str(tmp_path / "db"), bot_token="xoxb-test-not-real",
                            digest_channel="CDIGEST", api_url=fake.base_url)
        clock = {"now": "2026-11-23T09:00:00+00:00"}
        service = Service(Store(tmp_path / "db", clock=lambda: clock["now"]), load_faq())
        digest = figures.build_digest(service.store, load_faq(), "2026-W47")
        fake.fail_next("chat.postMessage", error="not_in_channel")
        with pytest.raises(SlackApiError):
            post_digest(settings, service, digest)
        clock["now"] = "2026-11-23T09:00:06+00:00"  # past the first retry's wait; the bot was invited meanwhile
        assert deliver_due(assemble(settings, service)) == 1  # the main message
        assert deliver_due(assemble(settings, service)) == 1  # its details, in the thread
        assert service.digest_posted("2026-W47")["ts"]
        posts = fake.answered("chat.postMessage")
        assert [bool(p.body.get("thread_ts")) for p in posts] == [False, False, True]  # refused, posted, details
    finally:
        fake.stop()


def test_stored_handles_and_sentence_opening_names_are_not_quoted():
    assert quoting.quote("Can I share @U0COLLEAGUE referral with @jo.bloggs?") == "Can I share @someone referral with @someone?"
    assert quoting.quote("Kayleigh told me her stepdad hits her, can I tell her school?").startswith("[name] told me")
    assert quoting.quote("Can I tell the school? I think GDPR stops me.") == "Can I tell the school? I think GDPR stops me."


@pytest.mark.parametrize("typed, kept, gone", [
    ("Can I share the referral with our DSL's deputy, DSL2@U07ABCDEF?", "DSL2@someone", "U07ABCDEF"),
    ("ask in #C0PRIVATE1 before sharing", "#channel", "C0PRIVATE1"),
    ("my Slack id is U07ABCDEF12, can I share it", "@someone", "U07ABCDEF12"),
    ("CONFIDENTIAL: can DEPARTMENT heads see it", "CONFIDENTIAL", None),
])
def test_quotes_never_hold_a_slack_id_wherever_it_stands(typed, kept, gone):
    from bot.digest.quoting import quote

    quoted = quote(typed)
    assert kept in quoted and (gone is None or gone not in quoted)


@pytest.mark.parametrize("typed", ["Can I share under UK GDPR Article 6?", "Is a Section 47 enquiry enough?",
                                   "Does Schedule 2 Part 1 cover this?", "Who is our Caldicott Guardian?",
                                   "Does the Mental Health Act let us share?", "Is it the Care Act 2014 that says so?"])
def test_quotes_keep_legal_references_that_are_no_names(typed):
    from bot.digest.quoting import quote

    assert quote(typed) == typed


@pytest.mark.parametrize("stored, gone, kept", [
    ("OKONJO, [name] wants his records, can I?", "OKONJO", "wants his records"),
    ("FITZGERALD [name] missed school", "FITZGERALD", "missed school"),
    ("Dr. Okafor and Mrs Ward asked", "Okafor", "Dr. [name] and Mrs [name]"),
    ("Can the MARAC [name] see it", "[name] [name]", "the MARAC [name]"),
])
def test_quotes_mask_surnames_in_capitals_and_keep_titles(stored, gone, kept):
    from bot.digest.quoting import quote

    quoted = quote(stored)
    assert gone not in quoted and kept in quoted, quoted


def test_markdown_quotes_are_literal_text():
    typed = "*urgent* see [the form](http://evil.example) ![x](http://evil.example/p.png) `code` <b>ok</b> a|b"
    shown = markdown.markdown_text(typed)
    assert "](http" in shown and "\\[the form\\]" in shown and "!\\[x\\]" in shown
    assert "\\*urgent\\*" in shown and "\\`code\\`" in shown and "&lt;b&gt;" in shown and "a\\|b" in shown


def test_one_persons_repeats_do_not_choose_the_quoted_wording(store, clock):
    detailed = "Can I tell the school about the mum's new partner who has a conviction for violence?"
    seed_groups(store, clock, detailed, ["UONE"] * 8)
    seed_groups(store, clock, "Can I tell the school about a parent's new partner with a violent record?",
                ["UTWO"], when="2026-11-18")
    seed_groups(store, clock, "can i tell the school about a parent's new partner's violent record",
                ["UTHREE"], when="2026-11-19")
    digest = figures.build_digest(store, small_faq(), "2026-W47")
    (group,) = [g for g in digest.common.groups + digest.missed.groups if g.questions == 10]
    assert group.askers == 3 and group.quoted and "mum's" not in group.text


@pytest.mark.parametrize("typed, name", [("Worried about Jade Wood 15, can I share?", "Wood"),
                                         ("Can I share April's care plan with Mrs Ward?", "Ward"),
                                         ("Can I share April's care plan with the GP?", "April"),
                                         ("The Children Act says what about Kerry Law?", "Law"),
                                         ("Children were visited by Ward, can I share that?", "Ward"),
                                         ("Can I tell Charity Ward about it?", "Ward"),
                                         ("Can I tell Church Ward about it?", "Ward"),
                                         ("Children's Services Law and Hill are the social workers", "Law")])
def test_quotes_mask_names_that_look_like_law_or_numbered_words(typed, name):
    from bot.digest.quoting import quote

    assert name not in quote(typed)


def test_a_renamed_entrys_history_ratings_and_records_follow_its_new_id(store, clock):
    """``replaces``: the digest counts what was stored under the old id under the entry's id today."""
    for when, asker in [("2026-11-10T10:00:00", "U1"), ("2026-11-17T10:00:00", "U2"), ("2026-11-17T11:00:00", "U3")]:
        q = ask(store, clock, when, asker=asker, faq_id="data-breach-72-hours")
    store.set_feedback(q.id, "U3", "data-breach-72-hours", "not_helpful")
    for user in ("U1", "U2", "U3"):
        store.add_decision_record({"user": user, "decision": "shared", "faq_id": "data-breach-72-hours"})
    renamed = FaqEntry(**{**entry("breach-reporting", "2026-06-01").__dict__, "replaces": ("data-breach-72-hours",)})
    digest = figures.build_digest(store, small_faq(renamed, entry("messaging-apps", "2026-06-01")), "2026-W47")
    assert [(t.faq_id, t.count, t.previous_count) for t in digest.topics] == [("breach-reporting", 2, 1)]
    assert all(t.title for t in digest.topics)
    assert [(r.faq_id, r.not_helpful) for r in digest.unhelpful.listed] == [("breach-reporting", 1)]
    assert [(t.faq_id, t.records) for t in digest.decisions.by_topic] == [("breach-reporting", 3)]
    text = markdown.render_markdown(digest)
    assert "no longer in the FAQ" not in text and "data-breach-72-hours" not in text


def test_an_escalated_question_counts_under_the_entry_its_advisor_linked_and_under_none_before(store, clock):
    opened = ask(store, clock, "2026-11-16T09:00:00", asker="U1", decision="suggest", faq_id="messaging-apps",
                 escalate=True)
    assert store.note_opened(opened.id, "U1", "messaging-apps")  # opened the suggestion, then asked an advisor
    linked = ask(store, clock, "2026-11-16T10:00:00", asker="U2", decision="escalate", faq_id=None, escalate=True)
    answer(store, clock, linked, "2026-11-16T11:00:00", faq_id="data-breach-72-hours")
    digest = figures.build_digest(store, small_faq(), "2026-W47")
    assert [(x.faq_id, x.count) for x in digest.topics] == [("data-breach-72-hours", 1)]
    assert digest.missed.single_questions == 1 and not digest.missed.groups  # the opened one, still unanswered
