"""What a DM asker adds to their question while it is with the advisors: a reply in the DM thread of the
escalated question is added to its escalation as a follow-up (as a mention in a channel thread is), and
the asker was told, when it was escalated, that this is how to add detail."""

import json

from slack_flow_fixtures import *  # noqa: F403 - the app's fixtures
from test_slack_edits_escalated import UNKNOWN, escalate_a_dm
from test_slack_flows import ADVISOR, ADVISOR_CHANNEL, ASKER, escalate_a_mention, send, submit_answer
from test_slack_follow_ups import follow_up_in_thread, posts_in

import slack_harness as h

QUESTION_TS = "1700000040.000001"  # ask_by_dm's message: the escalated question's thread


def reply_in_thread(app, text, ts="1700000040.000500", event_id=None):
    event = {**h.dm_event(text, ts=ts), "thread_ts": QUESTION_TS}
    send(app, h.event_request(event, event_id=event_id))


def test_the_dm_asker_is_told_how_to_add_detail_when_escalated(app, fake_slack, service):
    escalation = escalate_a_dm(app, fake_slack, service)
    said = " ".join(json.dumps(c.body) for c in fake_slack.calls())
    assert f"reply to your message in its thread (or edit it): I will add it to escalation #{escalation.id}" in said


def test_a_dm_reply_in_the_thread_of_an_escalated_question_is_added_to_its_escalation(app, fake_slack, service):
    escalation = escalate_a_dm(app, fake_slack, service)
    fake_slack.reset()
    reply_in_thread(app, "she is 15 and we are in Wales; her NHS number is 943 476 5919", event_id="Ev-r1")
    reply_in_thread(app, "she is 15 and we are in Wales; her NHS number is 943 476 5919", event_id="Ev-r1")  # retry

    assert len(service.recent_questions(ASKER)) == 1  # not a new, unlinked question
    (added,) = service.escalation(escalation.id).follow_ups
    assert "15 and we are in Wales" in added.text and "943 476 5919" not in added.text
    (in_card_thread,) = posts_in(fake_slack, ADVISOR_CHANNEL, escalation.advisor_ts)
    assert "15 and we are in Wales" in json.dumps(in_card_thread)
    (ack,) = posts_in(fake_slack, "D123")
    assert ack["thread_ts"] == QUESTION_TS and f"Added to escalation #{escalation.id}" in ack["text"]
    assert "NHS number" in json.dumps(ack)  # said in the DM itself, where only the asker reads it
    assert fake_slack.calls("chat.postEphemeral") == []  # no "others can see your post" notice in a DM


def test_thanks_in_the_dm_thread_is_small_talk_not_a_follow_up(app, fake_slack, service):
    escalation = escalate_a_dm(app, fake_slack, service)
    reply_in_thread(app, "thanks!")
    assert service.escalation(escalation.id).follow_ups == () and len(service.recent_questions(ASKER)) == 1


def test_once_answered_a_dm_reply_in_the_thread_is_a_new_question(app, fake_slack, service):
    escalation = escalate_a_dm(app, fake_slack, service)
    submit_answer(app, escalation.id, "Not a sharing question.")
    reply_in_thread(app, "Can I share a pupil's details with CAMHS?")
    assert service.escalation(escalation.id).follow_ups == () and len(service.recent_questions(ASKER)) == 2


def test_a_dm_reply_in_the_thread_of_a_question_not_escalated_is_a_new_question(app, fake_slack, service):
    from test_slack_follow_ups import ask_by_dm

    ask_by_dm(app, UNKNOWN)
    reply_in_thread(app, "Can I share a pupil's details with CAMHS?")
    assert len(service.recent_questions(ASKER)) == 2 and service.queue() == []


def test_a_new_dm_while_one_is_with_the_advisors_is_a_new_question_told_where_to_add_detail(app, fake_slack,
                                                                                           service):
    escalation = escalate_a_dm(app, fake_slack, service)
    fake_slack.reset()
    send(app, h.event_request(h.dm_event("Can I share a pupil's details with CAMHS?", ts="1700000050.000001")))

    assert len(service.recent_questions(ASKER)) == 2 and service.escalation(escalation.id).follow_ups == ()
    (reply,) = posts_in(fake_slack, "D123")
    said = json.dumps(reply)
    assert f"Escalation #{escalation.id} is still with the advisors" in said and "reply to <https://" in said
    assert f"Escalation #{escalation.id} is still with the advisors" in reply["text"]  # a screen reader hears it too
    assert f"/archives/D123/p{QUESTION_TS.replace('.', '')}|that question> in its thread" in said


def test_once_answered_a_new_dm_is_not_told_of_the_escalation(app, fake_slack, service):
    escalation = escalate_a_dm(app, fake_slack, service)
    submit_answer(app, escalation.id, "Not a sharing question.")
    fake_slack.reset()
    send(app, h.event_request(h.dm_event("Can I share a pupil's details with CAMHS?", ts="1700000050.000001")))
    (reply,) = posts_in(fake_slack, "D123")
    assert "still with the advisors" not in json.dumps(reply)


# a question added in the same thread after the answer: a new escalation, linked to the answered one -----

URGENT_ADDED = "also: the child is now in hospital after a suspected overdose, does that change anything?"


def card_of(fake_slack, escalation_id) -> str:
    cards = [c.body for c in fake_slack.calls("chat.postMessage")
             if c.body["channel"] == ADVISOR_CHANNEL and f"Escalation #{escalation_id} " in c.body.get("text", "")]
    return json.dumps(cards[-1])


def test_a_dm_reply_after_the_answer_is_escalated_linked_to_the_answered_escalation(app, fake_slack, service):
    first = escalate_a_dm(app, fake_slack, service)
    submit_answer(app, first.id, "Not a sharing question.")
    reply_in_thread(app, URGENT_ADDED)  # urgent: sent to the advisors at once, as a new question

    second = service.queue()[-1]
    assert second.id != first.id and service.escalation(first.id).follow_ups == ()
    card = card_of(fake_slack, second.id)
    assert f"|escalation #{first.id}> (answered by <@{ADVISOR}>)" in card and "Follows <https://" in card


def test_a_mention_after_the_answer_is_escalated_linked_to_the_answered_escalation(app, fake_slack, service):
    first = escalate_a_mention(app, fake_slack, service)
    submit_answer(app, first.id, "Not a sharing question.")
    follow_up_in_thread(app, URGENT_ADDED)

    second = service.queue()[-1]
    assert f"escalation #{first.id}> (answered by <@{ADVISOR}>)" in card_of(fake_slack, second.id)


def test_an_escalation_in_another_thread_follows_nothing(app, fake_slack, service):
    first = escalate_a_dm(app, fake_slack, service)
    submit_answer(app, first.id, "Not a sharing question.")
    send(app, h.event_request(h.dm_event(URGENT_ADDED, ts="1700000050.000001")))  # a new DM, its own thread

    second = service.queue()[-1]
    assert second.id != first.id and "Follows" not in card_of(fake_slack, second.id)
