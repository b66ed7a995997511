"""What the digest counts as answered by an entry, and what as missed: a "did you mean" suggestion
counts under an entry only when its asker picked it (opened it, or rated it helpful, and did not
rate it not helpful); otherwise the FAQ missed it, whatever entry the matcher ranked first."""

from __future__ import annotations

import json
from contextlib import closing

import pytest
from test_digest import Clock, answer, ask, small_faq

from bot.digest import as_json, figures, markdown
from bot.digest.weeks import week_bounds
from bot.records import Where
from bot.slack.blocks import digest as digest_blocks
from bot.store import Store

WEEK = "2026-W47"


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def store(tmp_path, clock):
    with closing(Store(tmp_path / "db", clock=clock)) as opened:
        yield opened
UNCOVERED = "The DWP fraud team wants a client's tenancy file, do I have to hand it over?"


def suggest(store, clock, when, asker, text=UNCOVERED, best="messaging-apps", offered=("messaging-apps",)):
    clock.at(when)
    return store.add_question(text=text, asker=asker, where=Where(), decision="suggest", faq_id=best, score=40.0,
                              suggestions=offered, redacted_kinds=())


def missed_count(digest) -> int:
    return digest.missed.single_questions + sum(g.questions for g in digest.missed.groups)


def test_store_records_only_the_askers_pick_of_an_entry_suggested_to_them(store, clock):
    q = suggest(store, clock, "2026-11-17T10:00:00", "U1", offered=("messaging-apps", "data-breach-72-hours"))
    assert not store.note_opened(q.id, "U2", "messaging-apps")  # someone else
    assert not store.note_opened(q.id, "U1", "consent-always-required")  # not suggested
    assert store.note_opened(q.id, "U1", "data-breach-72-hours")
    answered = ask(store, clock, "2026-11-17T11:00:00", asker="U1")
    assert not store.note_opened(answered.id, "U1", "data-breach-72-hours")  # not a suggestion
    rows = store.digest_questions(*week_bounds(WEEK))
    assert [(r.id, r.answered_by) for r in rows] == [(q.id, "data-breach-72-hours"),
                                                     (answered.id, "data-breach-72-hours")]


def test_suggestions_nobody_picked_are_missed_and_counted_under_no_entry(store, clock):
    for n in range(3):  # three people, an uncovered question, an unrelated entry suggested
        suggest(store, clock, f"2026-11-17T1{n}:00:00", f"U{n}", best="messaging-apps")
    digest = figures.build_digest(store, small_faq(), WEEK)
    assert digest.topics == ()
    assert (digest.this_week.suggested, digest.this_week.suggestions_picked) == (3, 0)
    assert [(g.questions, g.askers, g.quoted, g.text) for g in digest.missed.groups] == [(3, 3, True, UNCOVERED)]


def test_a_picked_suggestion_counts_under_the_entry_picked_and_is_not_missed(store, clock):
    opened = suggest(store, clock, "2026-11-17T10:00:00", "U1", best="messaging-apps",
                     offered=("messaging-apps", "data-breach-72-hours"))
    store.note_opened(opened.id, "U1", "data-breach-72-hours")  # not the best entry: the one they chose
    rated = suggest(store, clock, "2026-11-17T11:00:00", "U2")
    store.set_feedback(rated.id, "U2", "messaging-apps", "helpful")  # a rating stands for the pick
    regretted = suggest(store, clock, "2026-11-17T12:00:00", "U3")
    store.note_opened(regretted.id, "U3", "messaging-apps")
    store.set_feedback(regretted.id, "U3", "messaging-apps", "not_helpful")  # opened, but it did not help
    by_other = suggest(store, clock, "2026-11-17T13:00:00", "U4")
    store.set_feedback(by_other.id, "U5", "messaging-apps", "helpful")  # someone else's rating
    digest = figures.build_digest(store, small_faq(), WEEK)
    assert [(t.faq_id, t.count) for t in digest.topics] == [("data-breach-72-hours", 1), ("messaging-apps", 1)]
    assert digest.this_week.suggestions_picked == 2
    assert missed_count(digest) == 2  # the regretted one and the one only someone else rated


def test_the_week_before_and_the_rising_history_count_the_same_way(store, clock):
    for week, day in ((46, "2026-11-10"), (47, "2026-11-17")):
        for n in range(4):
            q = suggest(store, clock, f"{day}T1{n}:00:00", f"U{week}{n}")
            if n == 0:
                store.note_opened(q.id, f"U{week}{n}", "messaging-apps")
    digest = figures.build_digest(store, small_faq(), WEEK)
    assert [(t.faq_id, t.count, t.previous_count) for t in digest.topics] == [("messaging-apps", 1, 1)]
    assert (digest.previous_week.suggested, digest.previous_week.suggestions_picked) == (4, 1)
    assert store.topic_counts(*week_bounds("2026-W46")) == {"messaging-apps": 1}


def test_an_escalation_still_decides_whether_a_picked_suggestion_was_missed(store, clock):
    q = suggest(store, clock, "2026-11-17T10:00:00", "U1")
    store.note_opened(q.id, "U1", "messaging-apps")
    store.add_escalation(q.id, "U1")  # it did not answer them after all
    linked = suggest(store, clock, "2026-11-17T11:00:00", "U2", text="Can I WhatsApp a colleague a photo?")
    store.add_escalation(linked.id, "U2")
    answer(store, clock, linked, "2026-11-17T12:00:00", faq_id="messaging-apps")  # the advisor found the entry
    assert missed_count(figures.build_digest(store, small_faq(), WEEK)) == 1


def test_markdown_slack_and_json_show_the_same_figures(store, clock):
    for n in range(3):
        suggest(store, clock, f"2026-11-17T1{n}:00:00", f"U{n}")
    picked = suggest(store, clock, "2026-11-17T14:00:00", "U9", text="Can I WhatsApp a colleague a photo?")
    store.note_opened(picked.id, "U9", "messaging-apps")
    digest = figures.build_digest(store, small_faq(), WEEK)
    note = "Not counted under any entry: 3 questions given suggestions the asker did not pick"
    text = markdown.render_markdown(digest)
    # the pick rate is a share of the suggested questions (1 of 4), not of all questions asked
    assert "| Suggested, and the asker picked one | 1 (25% of suggested) | 0 | +1 |" in text and note in text
    assert "1. `messaging-apps` Question about messaging-apps: 1 (week before 0)" in text
    main, thread = digest_blocks.render_blocks(digest)
    assert "Suggested, and the asker picked one: 1 (25% of suggested) · week before 0" in json.dumps(main, ensure_ascii=False)
    assert note in json.dumps(thread)
    data = json.loads(as_json.render_json(digest))
    assert (data["this_week"]["suggested"], data["this_week"]["suggestions_picked"]) == (4, 1)
    assert [t["faq_id"] for t in data["topics"]] == ["messaging-apps"]
    assert data["missed"]["groups"][0]["text"] == UNCOVERED


def test_people_asking_one_uncovered_question_in_their_own_words_are_quoted_together(store, clock):
    # The review's week: no entry covers a DWP fraud request, so the matcher ranked a different,
    # unconfident entry first for each wording. Two of them share every word but one each ("client" /
    # "officer", read as police) without being one sentence with a word swapped: not a minimal pair.
    asked = [("The DWP fraud team wants my client's tenancy file, do I have to hand it over?", "sharing-within-own-organisation"),
             ("do I have to hand a tenancy file to a DWP fraud officer", "police-requests-schedule-2"),
             ("a DWP fraud officer wants our tenancy file on a client, do we have to provide it?", "police-requests-schedule-2")]
    for n, (text, best) in enumerate(asked):
        suggest(store, clock, f"2026-11-17T1{n}:00:00", f"U{n}", text=text, best=best, offered=(best,))
    missed = figures.build_digest(store, small_faq(), WEEK).missed
    assert [(g.questions, g.askers, g.quoted) for g in missed.groups] == [(3, 3, True)]


def test_one_sentence_with_a_word_swapped_in_place_is_still_kept_apart(store, clock):
    for n, who in enumerate(("the police", "their landlord", "the police", "their landlord")):
        suggest(store, clock, f"2026-11-17T1{n}:00:00", f"U{n}", best=None, offered=(),
                text=f"Can we share a DWP fraud file about a tenant with {who}?")
    missed = figures.build_digest(store, small_faq(), WEEK).missed
    assert [(g.questions, g.askers) for g in missed.groups] == [(2, 2), (2, 2)]
