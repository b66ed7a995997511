"""The digest at a region's scale and what a Centre lead reads first: the 8-week trend, the topics
rising most, where questions come from (channels only), law changes due, and the privacy rules
holding for a week of 10,000 questions."""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import re
import subprocess
import sys
from pathlib import Path

import pytest

from bot.digest import as_json, figures, grouping, markdown, weeks, wording
from bot.digest.rising import Volume
from bot.faq import Faq, FaqEntry, Source, Watch
from bot.slack.blocks import digest as digest_blocks
from bot.store import Store

import slack_harness as h

WEEK = "2026-W47"
ROOT = Path(__file__).resolve().parent.parent


def entry(entry_id: str, question: str | None = None, reviewed: str = "2026-06-01", watch=()) -> FaqEntry:
    return FaqEntry(
        id=entry_id, question=question or f"Question about {entry_id}", variants=(), answer="An answer.",
        legal_basis=("UK GDPR",), sources=(Source("ICO"),), tags=(), last_reviewed=dt.date.fromisoformat(reviewed),
        watch=tuple(watch),
    )


FAQ = Faq((entry("data-breach-72-hours"), entry("messaging-apps"), entry("subject-access-requests"),
           entry("marac-domestic-abuse")))


def at(week: str, n: int, of: int) -> str:
    """A time spread through ``week`` (the n-th of ``of``), as the store writes it."""
    start, end = (dt.datetime.fromisoformat(t) for t in weeks.week_bounds(week))
    return (start + (end - start) * (n + 0.5) / of).isoformat(timespec="seconds")


def write(store: Store, rows: list[dict], escalate: set[int] = frozenset()) -> None:
    """Write question rows (and escalations of the rows numbered in ``escalate``) in one transaction."""
    with store.transaction() as db:
        first = db.execute("select coalesce(max(id), 0) from questions").fetchone()[0] + 1
        db["questions"].insert_all([{
            "text": r["text"], "asker": r["asker"], "source": r.get("source", "command"), "channel": r.get("channel"),
            "decision": r.get("decision", "answer"), "faq_id": r.get("faq_id"), "score": r.get("score", 60.0),
            "suggestions": "[]", "redacted_kinds": "[]", "urgent": 0, "created_at": r["created_at"],
        } for r in rows], batch_size=2000)
        db["escalations"].insert_all([{"question_id": first + n, "state": "open", "urgent": 0,
                                       "created_at": rows[n]["created_at"]} for n in sorted(escalate)])


@pytest.fixture
def store(tmp_path) -> Store:
    s = Store(tmp_path / "db")
    yield s
    s.close()


# the trend --------------------------------------------------------------------------------------


def test_sparkline_runs_from_the_lowest_to_the_highest_value():
    assert wording.sparkline([1, 2, 3, 4, 5, 6, 7, 8]) == "▁▂▃▄▅▆▇█"
    assert wording.sparkline([800, 1000, 900]) == "▁█▅"
    assert wording.sparkline([0] * 8) == "▁" * 8 and wording.sparkline([5, 5]) == "▄▄"
    assert wording.sparkline([]) == ""


def test_eight_week_trend_of_questions_asked_and_escalated(store):
    asked = {2: 4, 5: 10, 7: 6}  # weeks back -> questions (week 0 is the digest's week)
    asked[0] = 8
    for back, count in asked.items():
        week = weeks.shift_week(WEEK, -back)
        write(store, [{"text": f"question {n}", "asker": f"U{n}", "created_at": at(week, n, count)} for n in range(count)],
              escalate=set(range(back % 3)))
    # the ninth week back is not in the trend
    write(store, [{"text": "old", "asker": "U1", "created_at": at(weeks.shift_week(WEEK, -8), 0, 1)}])
    digest = figures.build_digest(store, FAQ, WEEK)
    assert [t.week for t in digest.trend] == [weeks.shift_week(WEEK, -b) for b in range(7, -1, -1)]
    assert [t.asked for t in digest.trend] == [6, 0, 10, 0, 0, 4, 0, 8]
    assert [t.escalated for t in digest.trend] == [1, 0, 2, 0, 0, 2, 0, 0]
    text = markdown.render_markdown(digest)
    assert "| Week | Asked | Escalations opened |" in text and f"| {WEEK} | 8 | 0 |" in text
    assert json.loads(as_json.render_json(digest))["trend"][-1] == {"week": WEEK, "asked": 8, "escalated": 0}
    main, thread = digest_blocks.render_blocks(digest)
    shown = json.dumps(main, ensure_ascii=False)
    assert "`▅▁█▁▁▄▁▇`" in shown and "`▅▁█▁▁█▁▁`" in shown
    h.assert_digest_within_slack_limits(main, thread)


# rising topics --------------------------------------------------------------------------------


def test_topics_rising_against_their_share_of_the_weeks_before(store):
    history = {"data-breach-72-hours": 10, "messaging-apps": 2, "subject-access-requests": 5}
    for back in range(1, 9):
        week = weeks.shift_week(WEEK, -back)
        rows = [{"text": f"q {faq_id} {n}", "asker": f"U{n}", "faq_id": faq_id, "created_at": at(week, n, 20)}
                for faq_id, count in history.items() for n in range(count)]
        write(store, rows)
    now = {"data-breach-72-hours": 12, "messaging-apps": 12, "subject-access-requests": 5, "marac-domestic-abuse": 2}
    write(store, [{"text": f"q {faq_id} {n}", "asker": f"U{n}", "faq_id": faq_id, "created_at": at(WEEK, n, 20)}
                  for faq_id, count in now.items() for n in range(count)])
    digest = figures.build_digest(store, FAQ, WEEK)
    # messaging-apps: 12 where its share (2 of 17 a week) of this week's 31 gives 3.6; the breach entry's 12
    # against 18.2 expected is a smaller share; marac's 2 too few
    assert [(r.faq_id, r.count, r.expected, r.average) for r in digest.rising] == [("messaging-apps", 12, 3.6, 2.0)]
    text = markdown.render_markdown(digest)
    assert ("`messaging-apps` Question about messaging-apps: 12 this week where its share of the weeks before "
            "gives 3.6 (it averaged 2 a week)") in text
    assert "Questions overall: 31 this week against 17 in an average week of the 8 weeks before (+82 %, busier)" in text
    assert json.loads(as_json.render_json(digest))["rising"][0]["faq_id"] == "messaging-apps"


def test_no_rising_topics_without_weeks_to_compare_with(store):
    write(store, [{"text": f"q {n}", "asker": f"U{n}", "faq_id": "messaging-apps", "created_at": at(WEEK, n, 9)}
                  for n in range(9)])
    digest = figures.build_digest(store, FAQ, WEEK)
    assert digest.rising == ()
    assert digest.volume is None
    assert "No earlier week to compare with." in markdown.render_markdown(digest)


# where questions come from --------------------------------------------------------------------


def test_places_name_channels_only_where_three_people_asked_and_count_direct_messages_together(store):
    rows = []
    rows += [{"text": f"a {n}", "asker": f"UAAA{n % 3}", "channel": "CBUSY00001", "created_at": at(WEEK, n, 100)}
             for n in range(9)]  # three people
    rows += [{"text": f"b {n}", "asker": f"UBBB{n % 2}", "channel": "CQUIET0001", "created_at": at(WEEK, n, 100)}
             for n in range(20)]  # two people, many questions: not named
    rows += [{"text": f"c {n}", "asker": f"UCCC{n}", "channel": f"DPRIVATE{n}", "source": "dm",
              "created_at": at(WEEK, n, 100)} for n in range(4)]  # four people, each in their own DM
    rows += [{"text": "d", "asker": "UDDD0", "channel": None, "source": "home", "created_at": at(WEEK, 50, 100)}]
    write(store, rows)
    digest = figures.build_digest(store, FAQ, WEEK)
    assert digest.places.listed == (figures.PlaceCount("CBUSY00001", 9), figures.PlaceCount(None, 5))
    assert (digest.places.other_channels, digest.places.other_questions) == (1, 20)
    text = markdown.render_markdown(digest)
    assert "channel `CBUSY00001`: 9" in text and "Direct messages and App Home: 5" in text
    assert "1 other channel (fewer than 3 people each" in text
    main, thread = digest_blocks.render_blocks(digest)
    rendered = json.dumps(main + thread) + text + as_json.render_json(digest)
    assert "<#CBUSY00001>: 9" in json.dumps(thread)
    for hidden in ("CQUIET0001", "DPRIVATE", "UAAA", "UBBB", "UCCC", "UDDD"):
        assert hidden not in rendered, hidden


def test_direct_messages_too_are_shown_only_when_three_people_asked_that_way(store):
    write(store, [{"text": f"c {n}", "asker": f"UCCC{n % 2}", "channel": f"D{n % 2}", "source": "dm",
                   "created_at": at(WEEK, n, 10)} for n in range(6)])
    digest = figures.build_digest(store, FAQ, WEEK)
    assert digest.places.listed == () and digest.places.other_questions == 6
    assert "Direct messages" not in markdown.render_markdown(digest)


def test_a_channel_id_that_is_not_one_is_escaped_not_linked():
    assert digest_blocks.channel_ref("C0123ABC") == "<#C0123ABC>"
    assert "<!channel>" not in digest_blocks.channel_ref("<!channel>")


# law changes due ------------------------------------------------------------------------------


def test_law_changes_due_are_listed(store):
    due = Watch("The new Act's commencement regulations", dt.date(2026, 10, 1), "legislation.gov.uk")
    later = Watch("A consultation closes", dt.date(2027, 3, 1), "gov.uk")
    faq = Faq((entry("data-breach-72-hours", "How long to report a breach?", "2026-06-01", [due, later]),
               entry("messaging-apps", reviewed="2026-10-15", watch=[due])))  # reviewed since: not due
    digest = figures.build_digest(store, faq, WEEK)
    assert digest.law_changes == (figures.LawChangeDue("data-breach-72-hours", "How long to report a breach?",
                                                       due.what, due.expected, due.source),)
    text = markdown.render_markdown(digest)
    assert "## Law changes due" in text
    assert "`data-breach-72-hours` The new Act's commencement regulations (expected 2026-10-01; legislation.gov.uk)" in text
    main, thread = digest_blocks.render_blocks(digest)
    assert "1 law change due" in json.dumps(main) and "Law changes due" in json.dumps(thread)
    assert json.loads(as_json.render_json(digest))["law_changes"][0]["expected"] == "2026-10-01"
    quiet = figures.build_digest(store, Faq((entry("messaging-apps"),)), WEEK)
    assert quiet.law_changes == () and "None: no pending change" in markdown.render_markdown(quiet)


# privacy and limits at 10,000 questions -------------------------------------------------------

TEMPLATES = [
    "Can I share {thing} with {partner} without consent?",
    "Do we need a data sharing agreement before giving {thing} to {partner}?",
    "How long do we have to report a breach involving {thing}?",
    "Is it ok to send {thing} to {partner} by WhatsApp?",
    "Can {partner} see {thing} about a family we support?",
]
THINGS = ["case notes", "a referral", "the chronology", "a risk assessment", "health records", "school reports",
          "home address", "police intelligence", "a care plan", "attendance data"]
PARTNERS = ["the police", "the school", "a GP", "housing", "probation", "a charity", "the council", "a landlord"]
IDENTIFIED = ["Mrs [name] at [address] asked me to share her file with [email] - ok?",
              "Can I tell the school about Kayleigh Smith's care plan, NHS [NHS number]?",
              "<@U0SECRET1> said <!channel> we can share with <#C0PRIVATE> - true?"]


def asker(n: int) -> str:
    return f"U9{n:07d}"


@pytest.fixture(scope="module")
def big_week(tmp_path_factory):
    """A week of 10,000 questions (and a lighter week before), written through the store at once."""
    rng = random.Random(14)
    store = Store(tmp_path_factory.mktemp("big") / "db")
    rows = []
    for week, count in ((weeks.shift_week(WEEK, -1), 3000), (WEEK, 10_000)):
        for n in range(count):
            kind = rng.random()
            if kind < 0.02:  # one person asking the same thing again and again: never quoted
                text, person = "Can I share my own diary notes with my union rep?", asker(1)
            elif kind < 0.04:  # two people asking the same thing: never quoted either
                text, person = "Is the staff car park CCTV ours to share?", asker(2 + n % 2)
            elif kind < 0.05:  # identifiers and markup the redaction left as placeholders (or missed)
                text, person = rng.choice(IDENTIFIED), asker(rng.randrange(10, 5000))
            else:
                text = rng.choice(TEMPLATES).format(thing=rng.choice(THINGS), partner=rng.choice(PARTNERS))
                person = asker(rng.randrange(10, 3000))
            how = rng.random()
            channel, source = ((f"D{person}", "dm") if how < 0.3 else
                               (f"CSMALL{n % 500:04d}", "mention") if how < 0.4 else (f"CBIG{n % 20:02d}", "command"))
            rows.append({"text": text, "asker": person, "channel": channel, "source": source,
                         "decision": "escalate" if kind < 0.05 else "answer",
                         "faq_id": None if kind < 0.05 else rng.choice(sorted(e.id for e in FAQ)),
                         "score": 70.0, "created_at": at(week, n, count)})
    this_week = [r for r in rows if r["created_at"] >= weeks.week_bounds(WEEK)[0]]
    write(store, [r for r in rows if r not in this_week])
    write(store, this_week, escalate=set(range(0, len(this_week), 7)))
    scored: list[int] = []  # how many pairs of the week the grouping scored (its cost), not how long it took
    candidates = grouping._candidates

    def counted(sim):
        first, second = candidates(sim)
        scored.append(len(first))
        return first, second

    grouping._candidates = counted
    try:
        digest = figures.build_digest(store, FAQ, WEEK)
    finally:
        grouping._candidates = candidates
    yield {"store": store, "digest": digest, "scored": scored, "rows": this_week}
    store.close()


def everything_rendered(digest) -> str:
    main, thread = digest_blocks.render_blocks(digest)
    return "\n".join([json.dumps(main + thread, ensure_ascii=False), markdown.render_markdown(digest),
                      as_json.render_json(digest), digest_blocks.summary_text(digest)])


@pytest.mark.slow
def test_a_week_of_10000_questions_is_digested_whole(big_week):
    assert big_week["digest"].this_week.asked == 10_000
    assert big_week["scored"]


ROLES = ["Social worker", "Teacher", "GP", "Housing officer", "PCSO", "Health visitor", "Probation officer",
         "Youth worker", "School nurse", "Keyworker"]
SITUATIONS = ["after a home visit", "about a 15 year old", "for a strategy meeting", "in an emergency", "out of hours",
              "when mum has said no", "for an adult with dementia", "about a tenant in arrears", "after a disclosure",
              "before a court hearing"]


@pytest.mark.parametrize("entry", [None, "consent-always-required"])
def test_grouping_scores_a_bounded_number_of_pairs_per_question(monkeypatch, entry):
    """The grouping's cost grows with the pairs it scores: near-linear means a bounded number per
    question, not every pair (12.5 million for these 5,000 different questions; the time is
    benchmarks/digest_scale.py's to print, not a test's); also in a surge week, when the matcher
    answers every one of them with the same entry."""
    texts = [f"{role} here - {template.format(thing=thing, partner=partner)} It is {situation}."
             for role in ROLES for template in TEMPLATES for thing in THINGS for partner in PARTNERS
             for situation in SITUATIONS]
    texts = random.Random(3).sample(texts, 5000)
    scored = []
    candidates = grouping._candidates
    monkeypatch.setattr(grouping, "_candidates", lambda sim: scored.append(candidates(sim)) or scored[-1])
    groups = grouping.group_questions(texts, topics=[entry] * len(texts))
    assert sum(len(g.members) for g in groups) == 5000
    (pairs,) = [len(first) for first, _ in scored]
    assert 0 < pairs <= 200 * 5000, pairs


@pytest.mark.slow
def test_no_user_id_channel_of_few_people_or_direct_message_id_appears_at_10000_questions(big_week):
    rendered = everything_rendered(big_week["digest"])
    assert not re.search(r"U9\d{7}", rendered)  # no asker
    assert "U0SECRET1" not in rendered and "C0PRIVATE" not in rendered and "<!channel>" not in rendered
    assert not re.search(r"\bD(U9|\d)", rendered)  # no direct-message channel
    assert "CSMALL" not in rendered  # 500 channels with one or two people each: never named
    assert "CBIG" in rendered and "Kayleigh" not in rendered


@pytest.mark.slow
def test_groups_fewer_than_three_people_asked_are_never_quoted_at_10000_questions(big_week):
    digest = big_week["digest"]
    rows = big_week["rows"]
    for summary in (digest.common, digest.missed):
        for group in summary.groups:
            assert group.quoted == (group.askers >= 3)
            assert (group.text is None) != group.quoted
    rendered = everything_rendered(digest)
    assert "union rep" not in rendered and "car park CCTV" not in rendered
    # they are there, grouped and counted (beyond the listed groups): one person's ~200 questions, two people's
    questions = big_week["store"].digest_questions(*weeks.week_bounds(WEEK))
    every = figures._summarise_groups(questions, 45.0, limit=100_000).groups
    assert sum(1 for r in rows if "union rep" in r["text"]) > 100
    lonely = [g for g in every if g.askers < 3 and g.questions > 100]
    assert len(lonely) == 2 and not any(g.quoted or g.text for g in lonely)
    assert all(g.quoted == (g.askers >= 3) for g in every)


@pytest.mark.slow
def test_every_block_kit_payload_is_within_slack_limits_at_10000_questions(big_week):
    h.assert_digest_within_slack_limits(*digest_blocks.render_blocks(big_week["digest"]))


# determinism -----------------------------------------------------------------------------------

GROUP_IN_A_PROCESS = """
import json, sys
from bot.digest.grouping import group_questions
texts = json.loads(sys.stdin.read())
print(json.dumps([[list(g.members), g.representative] for g in group_questions(texts)]))
"""


@pytest.mark.slow
def test_groups_and_representatives_are_the_same_in_every_process():
    rng = random.Random(5)
    texts = [rng.choice(TEMPLATES).format(thing=rng.choice(THINGS), partner=rng.choice(PARTNERS)) for _ in range(400)]
    results = set()
    for seed in ("1", "2", "3"):
        done = subprocess.run([sys.executable, "-c", GROUP_IN_A_PROCESS], input=json.dumps(texts), text=True,
                              capture_output=True, env={**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)},
                              check=True)
        results.add(done.stdout)
    assert len(results) == 1


def test_grouping_does_not_depend_on_the_order_of_arrival():
    rng = random.Random(8)
    texts = [rng.choice(TEMPLATES).format(thing=rng.choice(THINGS), partner=rng.choice(PARTNERS)) for _ in range(300)]
    order = rng.sample(range(len(texts)), len(texts))

    def partition(groups, names):
        return sorted(sorted(names[i] for i in g.members) for g in groups)

    assert partition(grouping.group_questions(texts), list(range(len(texts)))) == \
        partition(grouping.group_questions([texts[i] for i in order]), order)


def test_only_candidate_pairs_are_scored(monkeypatch):
    """Questions that share no distinctive word and no FAQ entry, and are not among each other's
    ``NEIGHBOURS`` nearest in meaning, are never compared."""
    scored = []
    original = grouping.Similarity.scores

    def counting(self, first, second):
        scored.append(len(first))
        return original(self, first, second)

    monkeypatch.setattr(grouping.Similarity, "scores", counting)
    words = [f"word{n}" for n in range(3000)]
    texts = [f"share {words[n]} {words[(n + 1) % 3000]} records" for n in range(3000)]
    grouping.group_questions(texts)
    # linear (these texts all look alike in meaning: each brings its nearest NEIGHBOURS), not the 4.5
    # million pairs of every-pair comparison
    assert sum(scored) <= (3 + grouping.NEIGHBOURS) * len(texts)


def test_a_quiet_week_since_the_bot_started_counts_in_the_average(store):
    """A topic asked 8 times once (in a week of 40), then not for seven weeks, then 30 times in a week of 40:
    it rose from a fifth of the questions to three quarters, and averaged 1 a week."""
    for week, count in ((weeks.shift_week(WEEK, -8), 8), (WEEK, 30)):
        write(store, [{"text": f"q {n}", "asker": f"U{n}", "faq_id": "messaging-apps" if n < count else
                       "data-breach-72-hours", "created_at": at(week, n, 40)} for n in range(40)])
    digest = figures.build_digest(store, FAQ, WEEK)
    assert [(r.faq_id, r.count, r.average) for r in digest.rising] == [("messaging-apps", 30, 1.0)]
    assert digest.volume == Volume(40, 5.0, 8)


def test_other_channels_say_when_they_hold_direct_messages_too(store):
    rows = [{"text": f"b {n}", "asker": f"UBBB{n % 2}", "channel": "CQUIET0001", "created_at": at(WEEK, n, 100)}
            for n in range(11)]
    rows += [{"text": f"c {n}", "asker": f"UCCC{n}", "channel": f"DPRIVATE{n}", "source": "dm",
              "created_at": at(WEEK, 50 + n, 100)} for n in range(2)]
    write(store, rows)
    text = markdown.render_markdown(figures.build_digest(store, FAQ, WEEK))
    assert "1 other channel and elsewhere (fewer than 3 people each, or not in the top ones): 13" in text
