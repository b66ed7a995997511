"""Edits of DM questions through the Bolt app: an edit into small talk or a withdrawal is neither answered
nor offered to an advisor; an edit of a question already with the advisors is added to its escalation as a
follow-up (the card's thread, the card) and the asker is told, rather than becoming a second question."""

import datetime as dt
import json
import logging

import pytest
from slack_flow_fixtures import *  # noqa: F403 - the app's fixtures
from test_slack_flows import ADVISOR_CHANNEL, ASKER, click, send, submit_answer, texts_of
from test_slack_follow_ups import EDITED, ORIGINAL, ask_by_dm, dm_edit, posts_in

from bot.edits import EDIT_ANSWERED_WITHIN
from bot.slack.blocks import ids

import slack_harness as h

UNKNOWN = "zorblat the quuxified flimflam gizmo"


def escalate_a_dm(app, fake_slack, service):
    ask_by_dm(app, UNKNOWN)
    click(app, fake_slack, ids.ESCALATE, str(service.recent_questions(ASKER)[0][0].id))
    return service.queue()[-1]


def test_an_edit_of_an_escalated_dm_question_is_added_to_its_escalation(app, fake_slack, service):
    escalation = escalate_a_dm(app, fake_slack, service)
    fake_slack.reset()
    send(app, dm_edit(UNKNOWN, UNKNOWN + " - we're in Scotland and she is 15"))

    assert len(service.recent_questions(ASKER)) == 1  # no second, unlinked question
    (added,) = service.escalation(escalation.id).follow_ups
    assert added.text.startswith("Edited the question to:") and "Scotland and she is 15" in added.text
    (post,) = posts_in(fake_slack, ADVISOR_CHANNEL, escalation.advisor_ts)
    assert "Scotland and she is 15" in str(post)
    assert fake_slack.last("chat.update").body["ts"] == escalation.advisor_ts  # the card shows it
    told = [c for c in fake_slack.calls("chat.postMessage") if c.body["channel"] == "D123"]
    assert len(told) == 1 and f"Added to escalation #{escalation.id}" in texts_of(told[0])
    assert "send it to an advisor" not in texts_of(told[0])


def edit(before, after, edit_ts, event_id):
    """The DM question's message edited again: each edit is an event with its own ts."""
    return h.event_request({
        "type": "message", "subtype": "message_changed", "channel_type": "im", "channel": "D123",
        "ts": edit_ts, "event_ts": edit_ts,
        "message": {"type": "message", "user": ASKER, "text": after, "ts": "1700000040.000001",
                    "edited": {"user": ASKER, "ts": edit_ts}},
        "previous_message": {"type": "message", "user": ASKER, "text": before, "ts": "1700000040.000001"},
    }, event_id=event_id)


def test_two_edits_of_an_escalated_question_are_both_added_and_a_retry_once(app, fake_slack, service):
    escalation = escalate_a_dm(app, fake_slack, service)
    send(app, edit(UNKNOWN, UNKNOWN + " she is 15", "1700000041.000001", "Ev-e1"))
    send(app, edit(UNKNOWN, UNKNOWN + " she is 15", "1700000041.000001", "Ev-e1"))  # Slack's retry
    send(app, edit(UNKNOWN + " she is 15", UNKNOWN + " she is 15, in Wales", "1700000042.000001", "Ev-e2"))
    assert [f.text.rsplit(" ", 2)[-2:] for f in service.escalation(escalation.id).follow_ups] == [
        ["is", "15"], ["in", "Wales"]]


def test_edits_into_small_talk_or_withdrawals_are_not_answered_or_offered(app, fake_slack, service):
    ask_by_dm(app, UNKNOWN)
    for before, after in ((UNKNOWN, "ignore this, sorted it with my manager"), (UNKNOWN, "thanks")):
        fake_slack.reset()
        send(app, dm_edit(before, after))
        assert fake_slack.calls("chat.postMessage") == [], after
    assert len(service.recent_questions(ASKER)) == 1 and service.queue() == []


def test_once_answered_an_edit_is_a_new_question_again(app, fake_slack, service):
    escalation = escalate_a_dm(app, fake_slack, service)
    submit_answer(app, escalation.id, "Not a sharing question.")
    send(app, dm_edit(UNKNOWN, "Can I share a pupil's details with CAMHS?"))
    assert service.escalation(escalation.id).follow_ups == () and len(service.recent_questions(ASKER)) == 2


# an edit answered again, then escalated: later edits still reach the escalation -------------------------

def escalate_the_edited_question(app, fake_slack, service):
    """A DM asked, edited at once (answered again, a second question from the same message), and that
    second question sent to an advisor."""
    ask_by_dm(app, ORIGINAL)
    send(app, edit(ORIGINAL, EDITED, "1700000040.000100", "Ev-e1"))
    edited = service.recent_questions(ASKER)[0][0]
    assert edited.text == EDITED
    click(app, fake_slack, ids.ESCALATE, str(edited.id))
    escalation = service.queue()[-1]
    assert escalation.question_id == edited.id
    fake_slack.reset()
    return escalation


@pytest.mark.parametrize("late", [False, True], ids=["soon", "late"])
def test_an_edit_after_an_edited_question_was_escalated_is_added_to_that_escalation(app, fake_slack, service,
                                                                                  monkeypatch, late):
    escalation = escalate_the_edited_question(app, fake_slack, service)
    if late:
        later = dt.datetime.now(dt.timezone.utc) + EDIT_ANSWERED_WITHIN + dt.timedelta(seconds=5)
        monkeypatch.setattr(service.store, "now", lambda: later.isoformat(timespec="seconds"))
    send(app, edit(EDITED, EDITED + " She is 15.", "1700000040.000200", "Ev-e2"))

    assert len(service.recent_questions(ASKER)) == 2  # no third, unlinked question
    (added,) = service.escalation(escalation.id).follow_ups
    assert added.text.startswith("Edited the question to:") and added.text.endswith("She is 15.")
    told = [c for c in fake_slack.calls("chat.postMessage") if c.body["channel"] == "D123"]
    assert len(told) == 1 and f"Added to escalation #{escalation.id}" in texts_of(told[0])


def test_an_edit_too_late_after_the_answer_is_told_which_escalation_answered(app, fake_slack, service, monkeypatch):
    escalation = escalate_the_edited_question(app, fake_slack, service)
    submit_answer(app, escalation.id, "Not a sharing question.")
    later = dt.datetime.now(dt.timezone.utc) + EDIT_ANSWERED_WITHIN + dt.timedelta(seconds=5)
    monkeypatch.setattr(service.store, "now", lambda: later.isoformat(timespec="seconds"))
    fake_slack.reset()
    send(app, edit(EDITED, EDITED + " She is 15.", "1700000040.000200", "Ev-e2"))

    assert service.escalation(escalation.id).follow_ups == () and len(service.recent_questions(ASKER)) == 2
    (told,) = fake_slack.calls("chat.postMessage")
    assert f"escalation #{escalation.id} already has its answer" in texts_of(told)
    assert "send it to me as a new message" in texts_of(told)


# edit events not in the shape Slack sends are ignored, not failed on ------------------------------------

MALFORMED = {
    "no channel": lambda e: e.pop("channel"),
    "channel a list": lambda e: e.__setitem__("channel", ["D123"]),
    "message missing": lambda e: e.pop("message"),
    "message a string": lambda e: e.__setitem__("message", "x"),
    "previous_message a string": lambda e: e.__setitem__("previous_message", "x"),
    "previous_message text a list": lambda e: e["previous_message"].__setitem__("text", ["a"]),
    "message text a list": lambda e: e["message"].__setitem__("text", ["a"]),
    "message ts a number": lambda e: e["message"].__setitem__("ts", 1700000040.000001),
    "message user a dict": lambda e: e["message"].__setitem__("user", {"id": ASKER}),
}


@pytest.mark.parametrize("spoil", MALFORMED.values(), ids=MALFORMED.keys())
def test_a_malformed_edit_event_is_ignored_without_an_error(app, fake_slack, service, caplog, spoil):
    ask_by_dm(app, ORIGINAL)
    fake_slack.reset()
    request = edit(ORIGINAL, EDITED, "1700000040.000100", "Ev-bad")
    event = json.loads(request.body)["event"]
    spoil(event)
    caplog.clear()
    response = send(app, h.event_request(event, event_id="Ev-bad"))

    assert response.status == 200
    assert [r for r in caplog.records if r.levelno >= logging.ERROR] == []
    assert len(service.recent_questions(ASKER)) == 1 and fake_slack.calls("chat.postMessage") == []


def test_an_edit_event_without_its_previous_message_is_still_answered(app, fake_slack, service):
    ask_by_dm(app, ORIGINAL)
    request = edit(ORIGINAL, EDITED, "1700000040.000100", "Ev-nop")
    event = json.loads(request.body)["event"]
    event.pop("previous_message")
    send(app, h.event_request(event, event_id="Ev-nop"))
    assert service.recent_questions(ASKER)[0][0].text == EDITED
