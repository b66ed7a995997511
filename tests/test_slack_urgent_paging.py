"""Urgent escalations page the advisors, through the Bolt app: the card mentions @here (or the user
group of CANISHARE_URGENT_PAGE), an unclaimed or unanswered urgent escalation is reminded after
minutes, and an urgent follow-up notifies the advisor who claimed it. Fixtures and helpers come from
tests/test_slack_flows.py."""

import json

import pytest
from slack_flow_fixtures import *  # noqa: F403 - the fixtures, used by name as arguments
from test_slack_flows import (
    ADVISOR,
    ADVISOR_CHANNEL,
    ASKER,
    OTHER_ADVISOR,
    URGENT_QUESTION,
    advisor_posts,
    click,
    escalate_a_mention,
    later,
    mention,
    texts_of,
)

from bot.config import Settings
from bot.slack.blocks import ids
from bot.slack.deliverer import remind_after_said
from bot.slack.queue_keeper import look_after_queue

import slack_harness as h

THREAD = "1700000000.000040"  # escalate_a_mention's thread


@pytest.fixture
def settings(request):
    return Settings(bot_token=h.TEST_BOT_TOKEN, signing_secret=h.TEST_SIGNING_SECRET, advisor_channel=ADVISOR_CHANNEL,
                    urgent_page=getattr(request, "param", "here"))


def in_thread_posts(fake):
    return [c.body for c in fake.calls("chat.postMessage")
            if c.body.get("channel") == ADVISOR_CHANNEL and c.body.get("thread_ts")]


@pytest.mark.parametrize("settings, page", [("here", "<!here>"), ("S0AB12CD", "<!subteam^S0AB12CD>"), ("none", None)],
                         indirect=["settings"])
def test_an_urgent_card_pages_the_advisors_as_configured(app, fake_slack, service, settings, page):
    mention(app, URGENT_QUESTION, ts="1700000000.000050")
    (card,) = advisor_posts(fake_slack)
    if page:
        assert card.body["text"].startswith(f"{page} URGENT Escalation") and page in texts_of(card)
    else:
        assert "<!here>" not in texts_of(card) and "<!subteam" not in texts_of(card)


def test_a_routine_card_pages_nobody(app, fake_slack, service):
    escalate_a_mention(app, fake_slack, service)
    (card,) = advisor_posts(fake_slack)
    assert "<!here>" not in texts_of(card)


def test_an_unclaimed_urgent_escalation_is_reminded_after_a_quarter_of_an_hour_with_a_page(app, deps, fake_slack,
                                                                                             service):
    mention(app, URGENT_QUESTION, ts="1700000000.000050")
    assert look_after_queue(later(deps, minutes=14)) == (0, 0)
    assert look_after_queue(later(deps, minutes=16)) == (0, 1)
    (reminder,) = in_thread_posts(fake_slack)
    assert reminder["text"].startswith("<!here> URGENT Escalation") and reminder["reply_broadcast"] is True


def test_a_claimed_urgent_escalation_is_reminded_after_a_quarter_of_an_hour_naming_its_claimer(app, deps, fake_slack,
                                                                                                 service):
    mention(app, URGENT_QUESTION, ts="1700000000.000050")
    escalation = service.queue()[-1]
    click(app, fake_slack, ids.CLAIM, str(escalation.id), user=ADVISOR, channel_id=ADVISOR_CHANNEL)
    assert look_after_queue(later(deps, minutes=14)) == (0, 0)
    assert look_after_queue(later(deps, minutes=16)) == (0, 1)
    (reminder,) = in_thread_posts(fake_slack)
    assert f"<@{ADVISOR}>, you claimed escalation #{escalation.id}" in reminder["text"]
    assert "<!here>" not in reminder["text"]


def test_the_asker_is_told_the_advisors_are_reminded_of_an_urgent_question_after_15_minutes(app, deps, fake_slack,
                                                                                             service):
    mention(app, URGENT_QUESTION, ts="1700000000.000050")
    assert remind_after_said(deps, service.queue()[-1]) == "15 minutes"
    assert remind_after_said(deps, escalate_a_mention(app, fake_slack, service)) == "4 hours"


def urgent_follow_up(app, text="the police are here now and he has a knife, she is in danger"):
    event = h.app_mention_event(f"<@{h.BOT_USER_ID}> {text}", user=ASKER, ts="1700000000.000900", thread_ts=THREAD)
    h.dispatch(app, h.event_request(event))


def test_an_urgent_follow_up_mentions_the_advisor_who_claimed_it(app, fake_slack, service):
    escalation = escalate_a_mention(app, fake_slack, service)
    click(app, fake_slack, ids.CLAIM, str(escalation.id), user=ADVISOR, channel_id=ADVISOR_CHANNEL)
    urgent_follow_up(app)
    (post,) = in_thread_posts(fake_slack)
    assert service.escalation(escalation.id).urgent
    assert post["text"].startswith(f"URGENT <@{ADVISOR}>") and post["reply_broadcast"] is True
    assert post["text"].count(f"<@{ADVISOR}>") == 1 and "<!here>" not in json.dumps(post)  # named once, no page


def test_an_urgent_follow_up_on_an_unclaimed_escalation_pages(app, fake_slack, service):
    escalate_a_mention(app, fake_slack, service)
    urgent_follow_up(app)
    (post,) = in_thread_posts(fake_slack)
    assert post["text"].startswith("<!here> URGENT")


@pytest.mark.parametrize("value, read", [(None, "here"), ("here", "here"), (" None ", "none"), ("S0AB12CD", "S0AB12CD")])
def test_the_page_setting_is_read(value, read, tmp_path):
    env = {} if value is None else {"CANISHARE_URGENT_PAGE": value}
    assert Settings.from_env(env, dotenv=tmp_path / "none.env").urgent_page == read


@pytest.mark.parametrize("value", ["@advisors", "s0ab12cd", "channel", "U123ABC"])
def test_a_page_setting_that_cannot_be_read_says_how_to_write_it(value, tmp_path):
    settings = Settings.from_env({"CANISHARE_URGENT_PAGE": value}, dotenv=tmp_path / "none.env")
    with pytest.raises(ValueError, match="use here .* none, or a user group's id, which starts with S"):
        settings.check()


def reminders_posted(fake):
    return [p["text"] for p in in_thread_posts(fake) if ":alarm_clock:" in json.dumps(p["blocks"])]


def test_an_escalation_made_urgent_after_its_routine_reminder_is_reminded_again_as_urgent(app, deps, fake_slack,
                                                                                        service):
    escalate_a_mention(app, fake_slack, service)
    assert look_after_queue(later(deps, hours=4, minutes=5)) == (0, 1)
    urgent_follow_up(app)
    fake_slack.reset()
    assert look_after_queue(later(deps, minutes=10)) == (0, 0)  # an urgent wait of 15 minutes
    assert look_after_queue(later(deps, minutes=16)) == (0, 1)
    assert look_after_queue(later(deps, hours=6)) == (0, 0)  # once
    (reminder,) = reminders_posted(fake_slack)
    assert reminder.startswith("<!here> URGENT Escalation")


def test_a_claimed_escalation_made_urgent_after_its_reminder_is_reminded_again_naming_its_claimer(app, deps,
                                                                                                  fake_slack, service):
    escalation = escalate_a_mention(app, fake_slack, service)
    click(app, fake_slack, ids.CLAIM, str(escalation.id), user=ADVISOR, channel_id=ADVISOR_CHANNEL)
    assert look_after_queue(later(deps, hours=4, minutes=5)) == (0, 1)
    urgent_follow_up(app)
    fake_slack.reset()
    assert look_after_queue(later(deps, minutes=16)) == (0, 1)
    (reminder,) = reminders_posted(fake_slack)
    assert f"<@{ADVISOR}>, you claimed escalation #{escalation.id}" in reminder


def test_a_release_between_the_keepers_read_and_its_reminder_leaves_the_escalation_to_be_reminded(
        app, deps, fake_slack, service, monkeypatch):
    mention(app, URGENT_QUESTION, ts="1700000000.000050")
    escalation = service.queue()[-1]
    click(app, fake_slack, ids.CLAIM, str(escalation.id), user=ADVISOR, channel_id=ADVISOR_CHANNEL)
    mark = service.store.mark_reminded

    def release_then_mark(as_read):  # another process's Release commits after the keeper has read the queue
        monkeypatch.setattr(service.store, "mark_reminded", mark)
        service.release(escalation.id, OTHER_ADVISOR, {ADVISOR, OTHER_ADVISOR})
        return mark(as_read)

    monkeypatch.setattr(service.store, "mark_reminded", release_then_mark)
    assert look_after_queue(later(deps, minutes=20)) == (0, 0)
    assert service.escalation(escalation.id).reminded_at is None
    fake_slack.reset()
    assert look_after_queue(later(deps, minutes=21)) == (0, 1)
    (reminder,) = reminders_posted(fake_slack)
    assert reminder.startswith("<!here> URGENT Escalation") and "you claimed" not in reminder


def test_one_asker_pages_once_in_thirty_minutes_however_many_urgent_questions(app, fake_slack, service):
    """Follow-up review s9 #7: five urgent questions in a few seconds paged @here five times. Each is still
    posted, flagged urgent; only the first pages. Another asker's urgent question pages as before."""
    for n in range(5):
        mention(app, f"{URGENT_QUESTION} ({n})", ts=f"1700000000.00006{n}")
    cards = advisor_posts(fake_slack)
    assert len(cards) == 5 and all("URGENT" in c.body["text"] for c in cards)
    assert sum("<!here>" in texts_of(c) for c in cards) == 1
    fake_slack.reset()
    mention(app, URGENT_QUESTION, ts="1700000000.000070", user="UOTHERASKER")
    (card,) = advisor_posts(fake_slack)
    assert "<!here>" in texts_of(card)


def test_their_reminders_page_once_too(app, deps, fake_slack, service):
    """Second follow-up review s9: five urgent questions from one person paged once on their cards, then five
    times in their reminders. Only the escalation whose card paged pages in its reminder."""
    for n in range(5):
        mention(app, f"{URGENT_QUESTION} ({n})", ts=f"1700000000.00008{n}")
    fake_slack.reset()
    look_after_queue(later(deps, minutes=16))
    reminders = in_thread_posts(fake_slack)
    assert len(reminders) == 5 and sum("<!here>" in r["text"] for r in reminders) == 1


def test_a_person_asking_every_25_minutes_is_paged_every_other_time(tmp_path):
    """The interval runs from the last page, not from the last urgent question: asked at 0, 25, 50 and 75
    minutes, the questions at 0 and 50 page."""
    from bot.records import Where
    from bot.service import Service
    from bot.store import Store

    times = iter(["2026-11-30T10:00:00+00:00", "2026-11-30T10:25:00+00:00", "2026-11-30T10:50:00+00:00",
                  "2026-11-30T11:15:00+00:00"])
    now = {"t": next(times)}
    service = Service(Store(tmp_path / "db", clock=lambda: now["t"]), faq=None)
    escalations = []
    for n in range(4):
        q = service.store.add_question(text=f"urgent {n}", asker="U1", where=Where("dm", "D1", "1.0", "1.0"),
                                       decision="escalate", faq_id=None, score=1.0, suggestions=(),
                                       redacted_kinds=(), escalate=True, urgent=True)
        escalations.append(service.store.escalation_for_question(q.id))
        now["t"] = next(times, now["t"])
    assert [service.pages_for_its_asker(e) for e in escalations] == [True, False, True, False]
