"""A thread mention that points back and adds only to whom, how or what ("can we share this with the
school?", "this information?", "^", 👆) asks about the thread's first message, through the Bolt app; where
the thread-history scopes were not added (they are optional, not in the manifest), it is the shortcut pointer."""

import json

import pytest
from slack_flow_fixtures import *  # noqa: F403 - the app's fixtures
from test_slack_flows import ASKER, send

from bot.mrkdwn import without_format_marks
from bot.slack.threads import NOT_ALLOWED

import slack_harness as h

CASE = "1700000050.000001"
CASE_TEXT = "Year 5 girl said today her mum's boyfriend hits her and she doesn't want to go home tonight."
POINTING_BACK = ["can we share this with the school?", "can we share this information?",
                 "can we share this without consent?", "^", ":point_up_2:", "👆"]


def mention_in_the_case_thread(app, text, event_id=None):
    event = h.app_mention_event(f"<@{h.BOT_USER_ID}> {text}", user=ASKER, ts="1700000050.000500", thread_ts=CASE)
    return send(app, h.event_request(event, event_id=event_id))


@pytest.mark.parametrize("said", POINTING_BACK)
def test_a_mention_pointing_back_asks_about_the_first_message(app, fake_slack, service, said):
    fake_slack.set_thread("C123", CASE, {"user": "U999", "text": CASE_TEXT})
    mention_in_the_case_thread(app, said)
    assert fake_slack.last("conversations.replies").body["ts"] == CASE
    (question, _), = service.recent_questions(ASKER)
    assert question.text.startswith(CASE_TEXT[:40])  # the thread's situation, then what the mention added
    (reply,) = [c.body for c in fake_slack.calls("chat.postMessage") if c.body.get("thread_ts") == CASE]
    assert "999" in json.dumps(reply, ensure_ascii=False)  # the risk in the thread is seen: act now
    assert [e.urgent for e in service.queue()] == [True]  # and an advisor sees the situation


def test_a_mention_that_names_its_own_situation_does_not_read_the_thread(app, fake_slack, service):
    fake_slack.set_thread("C123", CASE, {"user": "U999", "text": CASE_TEXT})
    said = "can we share this with the school? she's 15 and we're in Wales"
    mention_in_the_case_thread(app, said)
    assert fake_slack.calls("conversations.replies") == []
    assert service.recent_questions(ASKER)[0][0].text == said


@pytest.mark.parametrize("said", ["can we share this with the school?", "👆"])
def test_without_the_thread_history_scopes_it_is_the_shortcut_pointer(app, fake_slack, service, said):
    fake_slack.fail_next("conversations.replies", error="missing_scope")
    mention_in_the_case_thread(app, said, event_id="Ev-no-scope")
    assert service.recent_questions(ASKER) == []
    told = fake_slack.last("chat.postEphemeral").body
    assert told["text"] == without_format_marks(NOT_ALLOWED) and "Ask canishare" in told["text"]
