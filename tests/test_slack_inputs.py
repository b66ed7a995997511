"""What people send that is not an ordinary question, through the Bolt app: text a reader cannot see,
help and small talk, Slack's retries of them, modals submitted twice, and messages whose words are
not in their ``text``. Fixtures and helpers come from tests/test_slack_flows.py."""

import json

import pytest
from slack_flow_fixtures import *  # noqa: F403 - the fixtures, used by name as arguments
from test_slack_flows import (
    ASKER,
    UNKNOWN_QUESTION,
    escalate_a_mention,
    mention,
    send,
    slash,
    submit_answer,
    texts_of,
)

from bot.records import OPEN
from bot.slack.blocks import ids
from bot.small_talk import Chat, is_blank, small_talk

import slack_harness as h

INVISIBLE = ["\u200b", "\u200b\u200b \u2060", "\u3164", "\xad", "\u202e", " \u200e\u200f\ufeff ", "\u0301\u0300"]


def told_texts(fake) -> list[str]:
    return [texts_of(c) for c in fake.calls() if c.method in ("chat.postMessage", "response_url", "chat.postEphemeral")]


def stored_questions(service) -> list[str]:
    return [q.text for q in service.store.questions()]


# text a reader cannot see ------------------------------------------------------------------------


@pytest.mark.parametrize("text", INVISIBLE)
def test_invisible_characters_alone_are_blank(text):
    assert is_blank(text) and small_talk(text) == Chat.USAGE


@pytest.mark.parametrize("text", ["a\u200b", "ok", "\u0661", "e\u0301"])
def test_anything_visible_is_not_blank(text):
    assert not is_blank(text)


@pytest.mark.parametrize("text", INVISIBLE)
def test_a_question_of_invisible_characters_gets_how_to_ask_and_is_not_stored(app, fake_slack, service, text):
    mention(app, text)
    send(app, h.event_request(h.dm_event(text)))
    assert stored_questions(service) == []
    told = told_texts(fake_slack)
    assert len(told) == 2 and all("/canishare" in t for t in told)


def test_a_slash_command_of_invisible_characters_opens_the_ask_modal(app, fake_slack, service):
    slash(app, fake_slack, "\u200b\u2060")
    assert fake_slack.last("views.open").body["view"]["callback_id"] == ids.ASK_MODAL
    assert stored_questions(service) == []


def test_an_ask_modal_of_invisible_characters_is_refused_on_its_input(app, fake_slack, service):
    payload = h.view_submission_payload(ids.ASK_MODAL, {"question": {"text": "\u200b \u2060"}}, "{}")
    response = send(app, h.view_submission_request(payload))
    assert json.loads(response.body)["response_action"] == "errors"
    assert stored_questions(service) == []


def test_an_answer_of_invisible_characters_is_refused_and_nothing_is_sent(app, fake_slack, service):
    escalation = escalate_a_mention(app, fake_slack, service)
    fake_slack.reset()
    response = submit_answer(app, escalation.id, "\u200b\u2060 \u200b")
    body = json.loads(response.body)
    assert body["response_action"] == "errors" and "empty" in body["errors"][ids.ANSWER_BLOCK]
    assert service.escalation(escalation.id).state == OPEN
    assert fake_slack.calls("chat.postMessage") == []


# help and small talk -----------------------------------------------------------------------------


@pytest.mark.parametrize("text, reply", [
    ("help", "/canishare"), ("?", "/canishare"), ("hi", "Hello"), ("Hello team!", "Hello"),
    ("thanks!", "welcome"), ("Thank you so much", "welcome"), ("\U0001f44d", "welcome"), (":+1:", "welcome"),
    ("helo", "Hello"), ("Shwmae!", "Hello"), ("diolch", "welcome"), ("Diolch yn fawr", "welcome"),
    ("cymorth", "/canishare"),
])
def test_help_greetings_and_thanks_get_a_short_reply_and_are_not_questions(app, fake_slack, service, text, reply):
    slash(app, fake_slack, text)
    send(app, h.event_request(h.dm_event(text)))
    mention(app, text)
    told = told_texts(fake_slack)
    assert len(told) == 3 and all(reply in t for t in told), told
    assert not any("Send to an advisor" in t for t in told)
    assert stored_questions(service) == []


@pytest.mark.parametrize("text", ["hi, can I share a child's school report with the GP?", "Is that ok?",
                                  "help me share notes with the police", "thanks - and can I tell the school?"])
def test_a_question_that_starts_with_small_talk_is_a_question(text):
    assert small_talk(text) is None


def test_the_command_line_still_takes_small_talk_as_a_question(service):
    assert service.ask("thanks", "cli").question.text == "thanks"


# Slack's retries ---------------------------------------------------------------------------------


@pytest.mark.parametrize("event", [
    h.app_mention_event(f"<@{h.BOT_USER_ID}>   "),
    {**h.dm_event(""), "subtype": "file_share", "files": [{"id": "F1"}]},
    h.dm_event("thanks!"),
])
def test_the_short_reply_to_an_event_is_sent_once_however_often_slack_retries(app, fake_slack, service, event):
    for retry in (None, 1, 2, 3):
        send(app, h.event_request(event, event_id="Ev-same", retry_num=retry))
    assert len(fake_slack.calls("chat.postMessage") + fake_slack.calls("chat.postEphemeral")) == 1
    assert stored_questions(service) == []


def test_a_real_question_after_a_short_reply_is_still_answered(app, fake_slack, service):
    send(app, h.event_request(h.dm_event("hi"), event_id="Ev-1"))
    send(app, h.event_request(h.dm_event(UNKNOWN_QUESTION, ts="1700000000.000002"), event_id="Ev-2"))
    assert stored_questions(service) == [UNKNOWN_QUESTION]
    assert ASKER in {q.asker for q in service.store.questions()}


# the ask modal submitted twice ---------------------------------------------------------------------


def ask_in_modal(app, text, view_id):
    payload = h.view_submission_payload(ids.ASK_MODAL, {ids.QUESTION_BLOCK: {ids.QUESTION_INPUT: text}},
                                        json.dumps({"source": "home"}), view_id=view_id)
    return send(app, h.view_submission_request(payload))


def test_the_same_ask_modal_submitted_twice_asks_once(app, fake_slack, service):
    ask_in_modal(app, UNKNOWN_QUESTION, "VASK1")
    ask_in_modal(app, UNKNOWN_QUESTION, "VASK1")
    assert stored_questions(service) == [UNKNOWN_QUESTION]
    assert len(told_texts(fake_slack)) == 1
    ask_in_modal(app, UNKNOWN_QUESTION, "VASK2")  # another modal is another question
    assert len(stored_questions(service)) == 2


# the message shortcut on messages whose words are not in their text --------------------------------


def shortcut_on(app, fake, message: dict):
    payload = h.message_shortcut_payload("ask_canishare", response_url=fake.response_url("sc"))
    payload["message"].update(message)
    return send(app, h.shortcut_request(payload))


RICH_TEXT = {"type": "rich_text", "elements": [{"type": "rich_text_section", "elements": [
    {"type": "text", "text": "Can I share the "}, {"type": "link", "url": "https://example.org", "text": "report"},
    {"type": "text", "text": " with the GP?"}]}]}


@pytest.mark.parametrize("message, words", [
    ({"text": "", "attachments": [{"is_share": True, "text": "Can I tell the police about the assault?",
                                   "fallback": "[forwarded]"}]}, "Can I tell the police about the assault?"),
    ({"text": "", "attachments": [{"is_share": True, "message_blocks": [{"message": {"blocks": [RICH_TEXT]}}]}]},
     "Can I share the report with the GP?"),
    ({"text": "", "blocks": [RICH_TEXT]}, "Can I share the report with the GP?"),
    ({"text": "", "blocks": [{"type": "section", "text": {"type": "mrkdwn", "text": "May the school tell the nurse?"}},
                             {"type": "context", "elements": [{"type": "mrkdwn", "text": "asked in a workflow"}]}]},
     "May the school tell the nurse?\nasked in a workflow"),
])
def test_the_shortcut_reads_blocks_and_forwarded_messages(app, fake_slack, service, message, words):
    shortcut_on(app, fake_slack, message)
    assert stored_questions(service) == [words]
    assert "no text I can check" not in texts_of(fake_slack.last("response_url"))


def test_the_shortcut_on_a_message_with_no_words_anywhere_says_so(app, fake_slack, service):
    shortcut_on(app, fake_slack, {"text": "", "files": [{"id": "F1"}], "blocks": [{"type": "divider"}]})
    assert stored_questions(service) == []
    assert "no text I can check" in texts_of(fake_slack.last("response_url"))
