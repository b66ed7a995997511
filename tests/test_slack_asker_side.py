"""The asker's side of a question, end to end through the Bolt app (the practitioners' review, rv6prac,
findings 5, 7 and 12): replies name where the answer will come, a bystander is never offered a button
that refuses them, and fallbacks carry the answer."""

import json

import pytest
import test_slack_flows as flows
from test_slack_flows import (
    ADVISOR_CHANNEL,
    ASKER,
    STRANGER,
    UNKNOWN_QUESTION,
    action_values,
    click,
    mention,
    send,
    slash,
    texts_of,
)

from bot.answers import short_answer
from bot.records import Decision, Question, Where
from bot.slack.blocks import ids, replies

import slack_harness as h

service, settings, deps, entry = flows.service, flows.settings, flows.deps, flows.entry

THREAD = "1700000000.000001"
URGENT_UNKNOWN = "He has a knife and says he will kill her tonight zorblat flimflam"  # urgent; no FAQ entry fits


def dm(app, text, ts="1700000000.000050"):
    return send(app, h.event_request(h.dm_event(text, channel="D123", ts=ts)))


def shortcut(app, fake, text):
    payload = h.message_shortcut_payload("ask_canishare", message_text=text, response_url=fake.response_url("sc"))
    return send(app, h.shortcut_request(payload))


def submit_home_question(app, text, view_id="VASK1"):
    payload = h.view_submission_payload(ids.ASK_MODAL, {ids.QUESTION_BLOCK: {ids.QUESTION_INPUT: text}},
                                        json.dumps({"source": "home"}), user_id=ASKER, view_id=view_id)
    return send(app, h.view_submission_request(payload))


def to_asker(fake):
    """What reached the asker, by any route, in order (not the advisor channel, not Home)."""
    return [c for c in fake.calls() if c.method in ("chat.postMessage", "chat.postEphemeral", "response_url")
            and c.body.get("channel") != ADVISOR_CHANNEL]


# 5: replies name where the answer will really come ---------------------------------------------------


@pytest.mark.parametrize("ask, where", [
    (lambda app, fake: slash(app, fake, UNKNOWN_QUESTION), "in a direct message from me"),
    (lambda app, fake: shortcut(app, fake, UNKNOWN_QUESTION), "in a direct message from me"),
    (lambda app, fake: slash(app, fake, URGENT_UNKNOWN), "in a direct message from me"),
    (lambda app, fake: shortcut(app, fake, URGENT_UNKNOWN), "in a direct message from me"),
    (lambda app, fake: submit_home_question(app, UNKNOWN_QUESTION), "in a direct message from me"),
    (lambda app, fake: mention(app, UNKNOWN_QUESTION), "in this thread"),
    (lambda app, fake: dm(app, UNKNOWN_QUESTION), "here, in reply to your message"),
])
def test_a_reply_without_an_faq_answer_names_where_the_advisor_will_answer(app, fake_slack, service, ask, where):
    ask(app, fake_slack)
    reply = texts_of(to_asker(fake_slack)[0])
    assert f"answer you {where}" in reply and "answer you here." not in reply


def test_the_urgent_reply_to_a_slash_command_does_not_say_here(app, fake_slack, service):
    slash(app, fake_slack, URGENT_UNKNOWN)
    (question, escalation), = service.recent_questions(ASKER)
    assert question.urgent and escalation is not None
    reply = texts_of(fake_slack.last("response_url"))
    assert "will answer you in a direct message from me" in reply and "will answer you here" not in reply


# 7: a bystander's "Not helpful" ---------------------------------------------------------------------


def rate_not_helpful(app, fake, question_id, user):
    message = {"type": "message", "ts": "1700000000.000500", "thread_ts": THREAD, "text": "", "blocks": []}
    click(app, fake, ids.NOT_HELPFUL, f"{question_id}|some-entry", user=user, message_ts="1700000000.000500",
          message=message)
    return fake.last("response_url").body


def test_someone_else_who_rates_an_answer_not_helpful_is_not_offered_a_button_that_refuses_them(
        app, fake_slack, service):
    mention(app, UNKNOWN_QUESTION)
    question_id = flows.only_question_id(service)
    thanks = rate_not_helpful(app, fake_slack, question_id, STRANGER)
    assert action_values(thanks["blocks"], ids.ESCALATE) == []
    assert "ask it yourself" in thanks["text"] and "/canishare" in thanks["text"]

    asker_thanks = rate_not_helpful(app, fake_slack, question_id, ASKER)
    assert action_values(asker_thanks["blocks"], ids.ESCALATE) == [str(question_id)]


# 12: fallbacks carry the answer; suggestion buttons say which entry -----------------------------------


def test_an_answers_fallback_is_the_short_answer_not_the_entrys_question(faq):
    for entry in faq.entries:
        message = replies.entry_message(entry, 7)
        first_line = entry.answer.splitlines()[0].replace("*", "")
        assert message.text.startswith(first_line[:60].replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))
        assert entry.question not in message.text or entry.question in first_line
    assert short_answer(faq.entries[0]).startswith("No.")


def test_suggestions_name_their_entries_in_the_fallback_and_on_each_button(faq):
    entries = list(faq.entries[:3])
    message = replies.reply_message(question(Decision.SUGGEST), Decision.SUGGEST, entries, urgent=False)
    labels = [b["accessory"]["text"]["text"] for b in message.blocks if "accessory" in b]
    assert len(set(labels)) == 3 and all(label.startswith("Show answer: ") and len(label) <= 75 for label in labels)
    for entry, label in zip(entries, labels):
        assert entry.question[:20] in label and entry.question[:20].replace("&", "&amp;") in message.text


def question(decision=Decision.ESCALATE, **changes) -> Question:
    fields = dict(id=7, text="q", asker=ASKER, where=Where("command", "C1"), decision=decision, faq_id=None,
                  score=1.0, suggestions=(), redacted_kinds=(), urgent=False, created_at="2026-11-26T11:00:00+00:00")
    return Question(**{**fields, **changes})
