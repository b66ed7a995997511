"""Edits of a DM reply in the thread of an escalated question, through the Bolt app: while the escalation waits
for an advisor the edit is added to it, as the reply was (review 7 follow-up, asker #3: it was dropped
silently); once it has its answer, the asker is told the change was not passed on."""

from slack_flow_fixtures import *  # noqa: F403 - the app's fixtures
from test_slack_edits_escalated import escalate_a_dm
from test_slack_flows import ADVISOR, ADVISOR_CHANNEL, ASKER, click, send, submit_answer, texts_of
from test_slack_follow_ups import posts_in

from bot.slack.blocks import ids

import slack_harness as h

QUESTION_TS = "1700000040.000001"  # escalate_a_dm's question
REPLY_TS = "1700000040.000500"
REPLY = "she is 15 and lives with her dad"
CORRECTION = "CORRECTION: she is 13, not 15, and she lives with her mum"
URGENT = "CORRECTION: her mum's partner is outside the house right now with a knife and says he will stab her tonight"


def reply_in_thread(app, text, ts=REPLY_TS):
    send(app, h.event_request({**h.dm_event(text, ts=ts), "thread_ts": QUESTION_TS}))


def reply_edited(before, after, edit_ts="1700000040.000777", event_id=None, reply_ts=REPLY_TS):
    message = {"type": "message", "user": ASKER, "text": after, "ts": reply_ts, "thread_ts": QUESTION_TS,
               "edited": {"user": ASKER, "ts": edit_ts}}
    return h.event_request({
        "type": "message", "subtype": "message_changed", "channel_type": "im", "channel": "D123",
        "ts": edit_ts, "event_ts": edit_ts, "message": message,
        "previous_message": {"type": "message", "user": ASKER, "text": before, "ts": reply_ts,
                             "thread_ts": QUESTION_TS}}, event_id=event_id)


def to_asker(fake_slack) -> str:
    """What the asker was sent in their DM with the bot (D123 in the events, DU123 when opened by the bot)."""
    return " ".join(texts_of(c) for c in fake_slack.calls("chat.postMessage") if c.body["channel"] in ("D123", "DU123"))


def test_an_edit_of_a_reply_added_as_a_follow_up_is_added_too(app, fake_slack, service):
    escalation = escalate_a_dm(app, fake_slack, service)
    reply_in_thread(app, REPLY)
    fake_slack.reset()
    send(app, reply_edited(REPLY, CORRECTION))

    first, edited = service.escalation(escalation.id).follow_ups
    assert first.text == REPLY and edited.text == f"Edited an earlier message in the thread to: {CORRECTION}"
    assert any(CORRECTION in str(post) for post in posts_in(fake_slack, ADVISOR_CHANNEL, escalation.advisor_ts))
    assert f"Added to escalation #{escalation.id}" in to_asker(fake_slack)
    assert len(service.recent_questions(ASKER)) == 1  # no new question


def test_an_edit_of_a_reply_to_a_claimed_escalation_is_added_and_can_make_it_urgent(app, fake_slack, service):
    escalation = escalate_a_dm(app, fake_slack, service)
    click(app, fake_slack, ids.CLAIM, str(escalation.id), user=ADVISOR, channel_id=ADVISOR_CHANNEL)
    reply_in_thread(app, REPLY)
    send(app, reply_edited(REPLY, URGENT))

    edited = service.escalation(escalation.id).follow_ups[-1]
    assert edited.urgent and "with a knife" in edited.text and service.escalation(escalation.id).urgent


def test_an_edit_of_a_reply_is_added_once_and_each_edit_added(app, fake_slack, service):
    escalation = escalate_a_dm(app, fake_slack, service)
    reply_in_thread(app, REPLY)
    send(app, reply_edited(REPLY, CORRECTION, event_id="Ev-r1"))
    send(app, reply_edited(REPLY, CORRECTION, event_id="Ev-r1"))  # Slack's retry
    send(app, reply_edited(CORRECTION, CORRECTION + " and in Wales", "1700000040.000888", "Ev-r2"))
    assert len(service.escalation(escalation.id).follow_ups) == 3


def test_an_edit_of_a_reply_refused_as_too_long_is_added_once_short_enough(app, fake_slack, service):
    escalation = escalate_a_dm(app, fake_slack, service)
    too_long = "The family moved here last spring and the school says attendance is fine. " * 60
    reply_in_thread(app, too_long)
    assert service.escalation(escalation.id).follow_ups == ()
    send(app, reply_edited(too_long, CORRECTION))
    (edited,) = service.escalation(escalation.id).follow_ups
    assert CORRECTION in edited.text


def test_an_edit_of_a_reply_into_thanks_or_unchanged_adds_nothing(app, fake_slack, service):
    escalation = escalate_a_dm(app, fake_slack, service)
    reply_in_thread(app, REPLY)
    fake_slack.reset()
    send(app, reply_edited(REPLY, "thanks"))
    send(app, reply_edited(REPLY, REPLY + "!", "1700000040.000888"))
    assert len(service.escalation(escalation.id).follow_ups) == 1 and to_asker(fake_slack) == ""


def test_an_edit_of_a_reply_after_the_answer_tells_the_asker_it_was_not_passed_on(app, fake_slack, service):
    escalation = escalate_a_dm(app, fake_slack, service)
    reply_in_thread(app, REPLY)
    submit_answer(app, escalation.id, "Yes, refer to children's social care.")
    fake_slack.reset()
    send(app, reply_edited(REPLY, CORRECTION))

    assert len(service.escalation(escalation.id).follow_ups) == 1
    said = to_asker(fake_slack)
    assert f"escalation #{escalation.id}, but it already has its answer" in said
    assert "not passed the change on" in said and "reply in your question's thread" in said
    assert posts_in(fake_slack, ADVISOR_CHANNEL) == []
