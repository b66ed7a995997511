"""kill -9 at each step where the bot owes a message, then restart: nothing owed is lost, nothing is
sent twice blindly. The real ``canishare serve --http`` runs as a child process against the fake Web API;
the fake holds the Web API call in flight when the process is killed (here Slack never acts on it, but
the bot cannot know that): a routine message is then in doubt and not sent again, a card is posted again
saying an earlier copy may be in the channel, an advisor's answer is left for the advisor to check."""

import json
import time

import pytest

from bot.slack.blocks import ids
from bot.store import Store

import slack_harness as h

ADVISOR_CHANNEL, ADVISOR, ASKER = "CADV", "UADV", "U123"
UNKNOWN_QUESTION = "zorblat the quuxified flimflam gizmo"


@pytest.fixture
def bot(fake_slack, tmp_path):
    fake_slack.set_members(ADVISOR_CHANNEL, [ADVISOR])
    process = h.BotProcess(fake_slack, str(tmp_path / "bot.db"), advisor_channel=ADVISOR_CHANNEL).start()
    yield process
    process.stop()


# Generous: a wait ends as soon as its condition holds, and a restarted bot on a loaded CI machine
# (loading its models) can take several seconds before it delivers.
WAIT = 30


def crash_while_slack_holds(bot, fake, method: str, count: int = 1) -> None:
    """Kill -9 the bot while its ``count``-th call of ``method`` is in flight, then start it again."""
    assert h.wait_for(lambda: fake.held(method) >= count, WAIT), fake.methods()
    bot.kill()
    fake.drop_held()
    bot.start()


def posts(fake, channel=None, threaded=None):
    return [c for c in fake.answered("chat.postMessage")
            if (channel is None or c.body.get("channel") == channel)
            and (threaded is None or bool(c.body.get("thread_ts")) == threaded)]


def settle(fake, seconds=1.0):
    """Give a restarted bot time to send anything it might send twice."""
    time.sleep(seconds)


def test_a_reply_in_flight_when_the_bot_is_killed_is_sent_again_and_the_retry_not_answered_twice(bot, fake_slack):
    fake_slack.hold("chat.postMessage")
    event = h.app_mention_event(f"<@{h.BOT_USER_ID}> Do I need consent to share with the police?", channel="CASK")
    first = h.event_request(event, event_id="EvCrash1")
    assert bot.send(first) == 200  # acknowledged only once the question and its reply are committed
    crash_while_slack_holds(bot, fake_slack, "chat.postMessage")

    assert bot.send(h.event_request(event, event_id="EvCrash1", retry_num=1)) == 200  # Slack's retry
    assert h.wait_for(lambda: Store(bot.db_path).owed_state("reply:1") == "delivered", WAIT)
    settle(fake_slack)
    assert len(posts(fake_slack, "CASK")) == 1  # sent again (the held call never reached the fake Slack), once
    assert len(Store(bot.db_path).questions()) == 1


def test_a_card_in_flight_is_posted_again_after_a_crash_saying_an_earlier_copy_may_be_there(bot, fake_slack):
    bot.send(h.event_request(h.app_mention_event(f"<@{h.BOT_USER_ID}> {UNKNOWN_QUESTION}", channel="CASK")))
    assert h.wait_for(lambda: posts(fake_slack, "CASK"), WAIT)
    question_id = Store(bot.db_path).questions()[0].id
    fake_slack.hold("chat.postMessage")
    click = h.block_action_payload(ids.ESCALATE, str(question_id), user_id=ASKER, channel_id="CASK",
                                   response_url=fake_slack.response_url("asker"))
    assert bot.send(h.action_request(click)) == 200
    crash_while_slack_holds(bot, fake_slack, "chat.postMessage")

    assert h.wait_for(lambda: posts(fake_slack, ADVISOR_CHANNEL, threaded=False), WAIT)
    settle(fake_slack)
    (card,) = posts(fake_slack, ADVISOR_CHANNEL, threaded=False)
    assert "earlier copy of it may be in the channel" in json.dumps(card.body)
    (escalation,) = Store(bot.db_path).escalations()
    assert escalation.advisor_ts and escalation.advisor_channel == ADVISOR_CHANNEL
    assert any("Sent to the advisors" in c.body.get("text", "") for c in fake_slack.answered("response_url"))


def test_an_advisor_answer_in_flight_at_a_crash_is_sent_again_rather_than_lost(bot, fake_slack):
    bot.send(h.event_request(h.app_mention_event(f"<@{h.BOT_USER_ID}> {UNKNOWN_QUESTION}", channel="CASK")))
    assert h.wait_for(lambda: posts(fake_slack, "CASK"), WAIT)
    question_id = Store(bot.db_path).questions()[0].id
    bot.send(h.action_request(h.block_action_payload(ids.ESCALATE, str(question_id), user_id=ASKER,
                                                     channel_id="CASK", response_url=fake_slack.response_url())))
    assert h.wait_for(lambda: posts(fake_slack, ADVISOR_CHANNEL), WAIT)
    (escalation,) = Store(bot.db_path).escalations()

    fake_slack.hold("chat.postMessage")  # the card's update goes first; the relay to the asker is held
    values = {ids.ANSWER_BLOCK: {ids.ANSWER_INPUT: "Yes: share the minimum with the police and record why."}}
    submission = h.view_submission_payload(ids.ANSWER_MODAL, values, json.dumps({"escalation": escalation.id}),
                                           user_id=ADVISOR)
    assert bot.send(h.view_submission_request(submission)) == 200
    crash_while_slack_holds(bot, fake_slack, "chat.postMessage")

    def relayed():
        return [c for c in posts(fake_slack, "CASK", threaded=True) if "An advisor has answered" in c.body["text"]]

    assert h.wait_for(relayed, WAIT)
    assert h.wait_for(lambda: fake_slack.answered("chat.update"), WAIT)
    settle(fake_slack)
    assert len(relayed()) == 1  # the held call never reached the fake Slack: the answer arrives, once
    assert not [c for c in posts(fake_slack, ADVISOR_CHANNEL) if "cannot tell whether" in c.body.get("text", "")]
    card = json.dumps(fake_slack.answered("chat.update")[-1].body)
    assert "Answered" in card or "answered" in card


def test_sigterm_stops_gracefully_and_says_so(bot, fake_slack):
    assert bot.send(h.event_request(h.app_mention_event(f"<@{h.BOT_USER_ID}> {UNKNOWN_QUESTION}"))) == 200
    log = bot.stop()
    assert bot.process.returncode == 0
    assert "stopping (SIGTERM)" in log and log.rstrip().endswith("stopped")
    assert "Traceback" not in log
