"""What the asker of an urgent message cut to fit is told, through the Bolt app (review 7 follow-up, asker #4
and #5): a question asked by DM, slash command or shortcut says so in its reply; and how to add what matters
most fits where they asked: in a DM, in the question's thread (a new DM is a new question, review #4)."""

import pytest
from slack_flow_fixtures import *  # noqa: F403 - the app's fixtures
from test_slack_asker_side import shortcut
from test_slack_edits_escalated import escalate_a_dm
from test_slack_flows import escalate_a_mention, send, slash, texts_of
from test_slack_follow_ups import dm_edit, follow_up_in_thread

import slack_harness as h

BACKGROUND = ("Background from the case file: the family moved here last spring and the children attend the "
              "local primary school, where attendance has been good and the parents come to every review. ")
URGENT = "Her ex-partner is outside the house right now with a knife and says he will stab her tonight. "
TYPED = URGENT + BACKGROUND * 25 + "Can I give the police her new address at the refuge?"
UNKNOWN = "zorblat the quuxified flimflam gizmo"
IN_THE_THREAD = "reply to your question in its thread, in up to 4,000 characters (a new message is a new question)"


def told(fake_slack, method: str = "chat.postMessage") -> str:
    return " ".join(texts_of(c) for c in fake_slack.calls(method))


def test_an_urgent_dm_question_cut_to_fit_is_told_so_in_its_reply(app, fake_slack, service):
    send(app, h.event_request(h.dm_event(TYPED, ts="1700000060.000001")))
    (reply,) = [c for c in fake_slack.calls("chat.postMessage") if c.body["channel"] == "D123"]
    said = texts_of(reply)
    assert f"Your message was {len(TYPED):,} characters" in said and "only part of it" in said
    assert IN_THE_THREAD in said and "send it again in a message" not in said


@pytest.mark.parametrize("ask", [
    lambda app, fake: slash(app, fake, TYPED),
    lambda app, fake: shortcut(app, fake, TYPED),
], ids=["slash command", "shortcut"])
def test_an_urgent_question_cut_to_fit_elsewhere_is_told_so_in_its_reply(app, fake_slack, service, ask):
    ask(app, fake_slack)
    said = told(fake_slack, "response_url")
    assert f"Your message was {len(TYPED):,} characters" in said
    assert "ask it again with `/canishare`, in up to 4,000 characters, as a new question" in said


def test_an_urgent_dm_question_within_the_limit_says_nothing_of_a_cut(app, fake_slack, service):
    send(app, h.event_request(h.dm_event(URGENT + "Can I give the police her new address?", ts="1700000060.000001")))
    assert "characters" not in told(fake_slack)


def test_a_cut_dm_thread_reply_says_to_reply_in_the_thread_not_in_a_new_message(app, fake_slack, service):
    escalate_a_dm(app, fake_slack, service)
    fake_slack.reset()
    send(app, h.event_request({**h.dm_event(TYPED, ts="1700000040.000500"), "thread_ts": "1700000040.000001"}))
    said = told(fake_slack)
    assert f"Your message was {len(TYPED):,} characters" in said
    assert IN_THE_THREAD in said and "send it again in a message" not in said


def test_a_cut_dm_edit_says_to_reply_in_the_thread(app, fake_slack, service):
    escalate_a_dm(app, fake_slack, service)
    fake_slack.reset()
    send(app, dm_edit(UNKNOWN, TYPED))
    assert IN_THE_THREAD in told(fake_slack)


def test_a_cut_follow_up_mention_says_to_mention_me_in_the_thread(app, fake_slack, service):
    escalate_a_mention(app, fake_slack, service)
    fake_slack.reset()
    follow_up_in_thread(app, TYPED)
    said = told(fake_slack)
    assert "mention me in this thread, in up to 4,000 characters" in said and "send it again" not in said
