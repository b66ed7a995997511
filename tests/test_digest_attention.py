"""The digest's sections as a lead reads them: what needs attention first (urgent escalations, the
backlog, ratings by rate, drafts waiting), rising topics against the week's volume, one list of
sections in every format, and channels by name when built with a Slack token (review s9)."""

from __future__ import annotations

import datetime as dt
import json

from digest_fixtures import *  # noqa: F403 - the fixtures, used by name as arguments
from test_digest import Clock, ask, entry, small_faq

from bot import escalations as esc
from bot.cli import main
from bot.digest import as_json, figures, markdown
from bot.digest.sections import build_sections
from bot.digest.weeks import shift_week, week_bounds
from bot.records import Where
from bot.slack.blocks import digest as digest_blocks
from bot.store import Store

import slack_harness as h

WEEK = "2026-W47"


def rendered(digest) -> dict[str, str]:
    main_blocks, thread = digest_blocks.render_blocks(digest)
    return {"markdown": markdown.render_markdown(digest), "json": as_json.render_json(digest),
            "slack main": json.dumps(main_blocks, ensure_ascii=False), "slack": json.dumps(main_blocks + thread,
                                                                                         ensure_ascii=False)}


def urgent_question(store, clock, when, asker, escalate=True):
    clock.at(when)
    return store.add_question(text="He says he will hurt her tonight, can I call the police?", asker=asker,
                              where=Where(), decision="escalate", faq_id=None, score=0.0, suggestions=(),
                              redacted_kinds=(), urgent=True, escalate=escalate)


def test_a_uniformly_busier_week_lists_no_rising_topic_and_says_it_is_busier(store, clock):
    """The reviewer's repro: eight weeks of 50/30/20, then 75/45/30: every topic keeps its share."""
    faq = small_faq(entry("a-topic", "2026-06-01"), entry("b-topic", "2026-06-01"), entry("c-topic", "2026-06-01"))
    n = 0
    for back in range(8, -1, -1):
        start = dt.datetime.fromisoformat(week_bounds(shift_week(WEEK, -back))[0])
        for topic, per_week in (("a-topic", 50), ("b-topic", 30), ("c-topic", 20)):
            for _ in range(int(per_week * (1.5 if back == 0 else 1.0))):
                n += 1
                ask(store, clock, (start + dt.timedelta(minutes=n % 5000 + 1)).isoformat(), text=f"q {n} {topic}",
                    asker=f"U{n % 97:09d}", faq_id=topic)
    digest = figures.build_digest(store, faq, WEEK)
    assert digest.rising == ()
    assert (digest.volume.asked, digest.volume.average, digest.volume.change_percent) == (150, 100.0, 50)
    for text in rendered(digest).values():
        assert "+50 %, busier" in text


def test_urgent_questions_and_escalations_are_counted_and_listed_first(store, clock):
    old = ask(store, clock, "2026-10-01T10:00:00", text="Old one", asker="U9", decision="escalate", faq_id=None,
              escalate=True)
    assert old.id
    urgent_question(store, clock, "2026-11-20T10:00:00", "U1")
    urgent_question(store, clock, "2026-11-21T10:00:00", "U2")
    urgent_question(store, clock, "2026-11-21T11:00:00", "U3", escalate=False)
    digest = figures.build_digest(store, small_faq(), WEEK)
    t = digest.this_week
    assert (t.urgent_asked, t.urgent_escalations_opened, t.urgent_open_at_end) == (3, 2, 2)
    # urgent ones first whatever their age, then the merely old one
    assert [(e.urgent, e.days_open > 50) for e in digest.oldest_open] == [(True, False), (True, False), (False, True)]
    assert digest.longest_open_days > 50
    for name, text in rendered(digest).items():
        assert "2 urgent escalations unanswered at the end of the week (3 urgent questions asked" in text, name
    attention = build_sections(digest)[0]
    assert attention.title == "Needs attention" and attention.lines[0].startswith("2 urgent escalations")
    assert "urgent escalations unanswered" in digest_blocks.summary_text(digest)


def test_needs_attention_comes_first_with_true_counts(store, clock):
    faq = small_faq(*(entry(f"topic-{n:02d}", "2026-06-01") for n in range(12)))
    for n in range(12):
        q = ask(store, clock, f"2026-11-17T1{n % 10}:00:00", asker=f"U{n}", faq_id=f"topic-{n:02d}")
        store.set_feedback(q.id, f"U{n}", f"topic-{n:02d}", "not_helpful")
    ask(store, clock, "2026-11-18T10:00:00", asker="UX", decision="escalate", faq_id=None, escalate=True)
    digest = figures.build_digest(store, faq, WEEK)
    assert (len(digest.unhelpful.listed), digest.unhelpful.entries, digest.unhelpful.more) == (10, 12, 2)
    text = markdown.render_markdown(digest)
    assert text.split("\n## ")[1].startswith("Needs attention")  # right after the header
    assert "…and 2 more entries rated not helpful." in text
    assert "1 escalation open at the end of the week (+1 on the week before)" in text
    main_blocks, _ = digest_blocks.render_blocks(digest)
    assert main_blocks[2]["text"]["text"].startswith("*Needs attention*")  # after the header and its dates


def test_not_helpful_is_ranked_by_rate_with_its_number_of_ratings(store, clock):
    faq = small_faq(entry("often-rated", "2026-06-01"), entry("mostly-unhelpful", "2026-06-01"),
                    entry("rated-once", "2026-06-01"))
    ratings = {"often-rated": (4, 11), "mostly-unhelpful": (3, 1), "rated-once": (1, 0)}
    n = 0
    for faq_id, (not_helpful, helpful) in ratings.items():
        for k in range(not_helpful + helpful):
            n += 1
            q = ask(store, clock, f"2026-11-18T10:{n:02d}:00", asker=f"U{n}", faq_id=faq_id)
            store.set_feedback(q.id, f"U{n}", faq_id, "not_helpful" if k < not_helpful else "helpful")
    digest = figures.build_digest(store, faq, WEEK)
    # 3 of 4 outranks 4 of 15; one rating alone says too little and comes last
    assert [r.faq_id for r in digest.unhelpful.listed] == ["mostly-unhelpful", "often-rated", "rated-once"]
    assert digest.unhelpful.high == 1
    for name, text in rendered(digest).items():
        if name == "slack main":  # the count only, in "Needs attention"
            continue
        assert "75% not helpful (3 of 4 ratings)" in text and "27% not helpful (4 of 15 ratings)" in text


def test_advisor_answers_proposed_as_entries_and_not_drafted_are_a_to_do(store, clock):
    q = ask(store, clock, "2026-11-17T10:00:00", text="Family Hubs?", asker="U1", decision="escalate", faq_id=None,
            escalate=True)
    clock.at("2026-11-17T12:00:00")
    escalation = store.escalation_for_question(q.id)
    store.change_escalation(escalation.id, "UADV1", "answer",
                            lambda e: esc.answer(e, "UADV1", clock(), "Here is the answer.", propose_new=True))
    digest = figures.build_digest(store, small_faq(), WEEK)
    assert (digest.proposals.this_week, digest.proposals.not_drafted) == (1, 1)
    for text in rendered(digest).values():
        assert "1 advisor answer proposed as new entries and not drafted yet (1 proposed this week): run " \
               "`canishare faq drafts`" in text


def test_every_section_is_in_every_format_with_its_wording(store, clock):
    for n in range(3):
        ask(store, clock, f"2026-11-17T1{n}:00:00", asker=f"U{n}")
    digest = figures.build_digest(store, small_faq(), WEEK)
    formats = rendered(digest)
    data = json.loads(formats["json"])
    assert [s["key"] for s in data["sections"]] == [s.key for s in build_sections(digest)]
    for s in build_sections(digest):
        for name, text in formats.items():
            if name != "slack main":
                assert s.title in text, (s.key, name)
    for name, text in formats.items():
        if name != "slack main":
            assert "People asking" in text, name
    assert "(escalated)" not in formats["markdown"] and "((" not in formats["slack main"]
    h.assert_digest_within_slack_limits(*digest_blocks.render_blocks(digest))


def test_the_slack_main_message_shortens_quotes_and_the_thread_has_them_whole(store, clock):
    long = "Can we share " + "the chronology and the strategy minutes with the school nurse " * 4 + "today?"
    for n in range(3):
        ask(store, clock, f"2026-11-17T1{n}:00:00", text=long, asker=f"U{n}")
    digest = figures.build_digest(store, small_faq(), WEEK)
    main_blocks, thread = digest_blocks.render_blocks(digest)
    assert long[:200] not in json.dumps(main_blocks) and long[:200] in json.dumps(thread)


def test_channels_are_named_when_the_digest_is_built_with_a_token(tmp_path, monkeypatch, capsys, fake_slack):
    path, moment = tmp_path / "names.db", Clock()
    s = Store(path, clock=moment)
    for n in range(3):
        moment.at(f"2026-11-17T1{n}:00:00")
        s.add_question(text="Is CCTV personal data?", asker=f"U{n}", where=Where(source="channel", channel="CGENERAL01"),
                       decision="escalate", faq_id=None, score=0.0, suggestions=(), redacted_kinds=())
    s.close()
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("CANISHARE_DB", str(path))
    for name in ("SLACK_BOT_TOKEN", "SLACK_API_URL", "CANISHARE_DIGEST_CHANNEL"):
        monkeypatch.delenv(name, raising=False)
    assert main(["digest", "--week", WEEK]) == 0
    without = capsys.readouterr().out
    assert "channel `CGENERAL01`: 3" in without and "Slack channel id" in without
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-test-not-real")
    monkeypatch.setenv("SLACK_API_URL", fake_slack.base_url)
    assert main(["digest", "--week", WEEK]) == 0
    named = capsys.readouterr().out
    assert "#chan-cgeneral01: 3" in named and "Slack channel id" not in named
    assert main(["digest", "--week", WEEK, "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["places"]["listed"][0]["name"] == "chan-cgeneral01"
    assert len(fake_slack.calls("conversations.info")) == 2  # once per run, for the one channel
