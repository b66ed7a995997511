"""The answer pop-up and the card while the case moves: what the asker adds while the pop-up is open is
shown before the answer goes, follow-up posts mention the advisor who claimed the escalation, and a
reopened escalation says who reopened it and quotes the answer the asker already has."""

from __future__ import annotations

import json

from slack_flow_fixtures import *  # noqa: F403 (the app's fixtures)
from test_slack_flows import (
    ADVISOR,
    ADVISOR_CHANNEL,
    ASKER,
    OTHER_ADVISOR,
    button_value,
    click,
    escalate_a_mention,
    send,
    submit_answer,
    texts_of,
)

from bot.slack.blocks import ids

import slack_harness as h

# finding 2: what the asker adds while the answer form is open --------------------------------------

THREAD = "1700000000.000040"  # escalate_a_mention's thread


def follow_up_in_thread(app, text, ts="1700000000.000900"):
    event = h.app_mention_event(f"<@{h.BOT_USER_ID}> {text}", user=ASKER, ts=ts, thread_ts=THREAD)
    return send(app, h.event_request(event))


def open_answer_form(app, fake, escalation_id, user=ADVISOR, version=0) -> dict:
    click(app, fake, ids.ANSWER_ACTION, f"{escalation_id}:{version}", user=user, channel_id=ADVISOR_CHANNEL)
    return fake.last("views.open").body["view"]


def submit_form(app, view: dict, text: str, user=ADVISOR, faq_id=None) -> dict:
    values = {ids.ANSWER_BLOCK: {ids.ANSWER_INPUT: text}}
    if faq_id:
        values[ids.FAQ_BLOCK] = {ids.FAQ_INPUT: {"type": "static_select", "selected_option": {"value": faq_id}}}
    response = send(app, h.view_submission_request(h.view_submission_payload(
        ids.ANSWER_MODAL, values, view["private_metadata"], user_id=user)))
    return json.loads(response.body) if response.body else {}


def test_a_follow_up_that_arrived_while_the_form_was_open_is_shown_once_before_the_answer_goes(
        app, fake_slack, service):
    escalation = escalate_a_mention(app, fake_slack, service)
    follow_up_in_thread(app, "she is 15 and we are in Wales", ts="1700000000.000800")
    form = open_answer_form(app, fake_slack, escalation.id)
    follow_up_in_thread(app, "the police have ALREADY asked and it is about a 14 year old")

    linked = service.faq.entries[1].id
    refused = submit_form(app, form, "Share only what the police need.", faq_id=linked)
    assert refused["response_action"] == "update"
    shown = json.dumps(refused["view"], ensure_ascii=False)
    assert "The asker added this since you opened the form" in shown and "ALREADY asked" in shown
    assert "press *Send answer* again" in shown
    above_question = json.dumps(refused["view"]["blocks"][:2], ensure_ascii=False)
    assert "ALREADY asked" in above_question  # above the question: new to the advisor
    assert "she is 15" not in above_question  # seen when the form opened
    answer_input = next(b for b in refused["view"]["blocks"] if b.get("block_id") == ids.ANSWER_BLOCK)
    assert answer_input["element"]["initial_value"] == "Share only what the police need."  # never lost
    faq_input = next(b for b in refused["view"]["blocks"] if b.get("block_id") == ids.FAQ_BLOCK)
    assert faq_input["element"]["initial_option"]["value"] == linked
    assert service.escalation(escalation.id).answer is None
    assert not [c for c in fake_slack.calls("chat.postMessage") if "answered your question" in c.body.get("text", "")]

    sent = submit_form(app, refused["view"], "Share only what the police need, for a 14 year old.")
    assert sent == {}
    assert "14 year old" in service.escalation(escalation.id).answer


def test_a_form_with_nothing_new_sends_at_once(app, fake_slack, service):
    escalation = escalate_a_mention(app, fake_slack, service)
    follow_up_in_thread(app, "she is 15 and we are in Wales")
    form = open_answer_form(app, fake_slack, escalation.id)
    assert json.loads(form["private_metadata"])["seen_follow_up"] == service.escalation(escalation.id).follow_ups[-1].id
    assert submit_form(app, form, "Yes, you can.") == {}
    assert service.escalation(escalation.id).answer == "Yes, you can."


def test_a_follow_up_post_mentions_the_advisor_who_claimed_the_escalation(app, fake_slack, service):
    escalation = escalate_a_mention(app, fake_slack, service)
    follow_up_in_thread(app, "before anyone claims it", ts="1700000000.000800")
    unclaimed = [c.body for c in fake_slack.calls("chat.postMessage") if c.body.get("thread_ts") == escalation.advisor_ts]
    assert unclaimed and f"<@{ADVISOR}>" not in json.dumps(unclaimed[-1])
    click(app, fake_slack, ids.CLAIM, str(escalation.id), user=ADVISOR, channel_id=ADVISOR_CHANNEL)
    fake_slack.reset()
    follow_up_in_thread(app, "she has just told us more")
    (post,) = [c.body for c in fake_slack.calls("chat.postMessage") if c.body.get("thread_ts") == escalation.advisor_ts]
    assert f"<@{ADVISOR}>" in post["text"] and f"<@{ADVISOR}>" in json.dumps(post["blocks"])


# finding 8: a reopened escalation says so, with the answer the asker has --------------------------


def test_a_reopened_escalation_says_who_reopened_it_and_quotes_the_answer_already_sent(app, fake_slack, service):
    escalation = escalate_a_mention(app, fake_slack, service)
    submit_answer(app, escalation.id, "FIRST: ask your DSL before sharing.", user=ADVISOR)
    click(app, fake_slack, ids.REOPEN, button_value(service.escalation(escalation.id)), user=OTHER_ADVISOR,
          channel_id=ADVISOR_CHANNEL)

    card = texts_of(fake_slack.last("chat.update"))
    assert f"Reopened* by <@{OTHER_ADVISOR}>" in card
    assert "*The asker received this answer*" in card and "FIRST: ask your DSL" in card
    assert f"from <@{ADVISOR}>" in card

    modal = json.dumps(open_answer_form(app, fake_slack, escalation.id, user=OTHER_ADVISOR,
                                         version=service.escalation(escalation.id).version), ensure_ascii=False)
    assert f"Reopened* by <@{OTHER_ADVISOR}>" in modal and "FIRST: ask your DSL" in modal

    fake_slack.reset()
    send(app, h.event_request(h.app_home_opened_event(ADVISOR)))
    home = texts_of(fake_slack.last("views.publish"))
    assert f"Reopened* by <@{OTHER_ADVISOR}>" in home and "FIRST: ask your DSL" in home


def test_a_reopened_escalation_whose_answer_is_still_on_its_way_says_it_has_not_reached_the_asker(
        app, fake_slack, service):
    escalation = escalate_a_mention(app, fake_slack, service)
    fake_slack.fail_next("chat.postMessage", times=2, status=503)  # the thread, then the DM fallback
    submit_answer(app, escalation.id, "FIRST: ask your DSL before sharing.", user=ADVISOR)
    click(app, fake_slack, ids.REOPEN, button_value(service.escalation(escalation.id)), user=OTHER_ADVISOR,
          channel_id=ADVISOR_CHANNEL)

    card = texts_of(fake_slack.last("chat.update"))
    assert "*This answer has not reached the asker yet*" in card and "received this answer" not in card
    modal = json.dumps(open_answer_form(app, fake_slack, escalation.id, user=OTHER_ADVISOR,
                                         version=service.escalation(escalation.id).version), ensure_ascii=False)
    assert "has not reached the asker yet" in modal and "received this answer" not in modal
    fake_slack.reset()
    send(app, h.event_request(h.app_home_opened_event(ADVISOR)))
    home = texts_of(fake_slack.last("views.publish"))
    assert "has not reached the asker yet" in home and "received this answer" not in home


def test_a_reopened_escalation_whose_answer_was_given_up_says_it_never_reached_the_asker_and_why(
        app, fake_slack, service):
    escalation = escalate_a_mention(app, fake_slack, service)
    fake_slack.fail_next("chat.postMessage", times=2, error="is_archived")
    submit_answer(app, escalation.id, "FIRST: ask your DSL before sharing.", user=ADVISOR)
    click(app, fake_slack, ids.REOPEN, button_value(service.escalation(escalation.id)), user=OTHER_ADVISOR,
          channel_id=ADVISOR_CHANNEL)
    card = texts_of(fake_slack.last("chat.update"))
    assert "*This answer never reached the asker*" in card and "archived" in card
    assert "received this answer" not in card


def test_once_answered_again_the_card_no_longer_says_reopened(app, fake_slack, service):
    escalation = escalate_a_mention(app, fake_slack, service)
    submit_answer(app, escalation.id, "FIRST answer.", user=ADVISOR)
    click(app, fake_slack, ids.REOPEN, str(escalation.id), user=ADVISOR, channel_id=ADVISOR_CHANNEL)
    submit_answer(app, escalation.id, "SECOND answer.", user=ADVISOR)
    card = texts_of(fake_slack.last("chat.update"))
    assert "Reopened" not in card and "FIRST answer." not in card and "SECOND answer." in card


def test_a_reopen_after_a_close_without_an_answer_quotes_no_answer(app, fake_slack, service):
    escalation = escalate_a_mention(app, fake_slack, service)
    click(app, fake_slack, ids.CLOSE, str(escalation.id), user=ADVISOR, channel_id=ADVISOR_CHANNEL)
    click(app, fake_slack, ids.REOPEN, str(escalation.id), user=ADVISOR, channel_id=ADVISOR_CHANNEL)
    card = texts_of(fake_slack.last("chat.update"))
    assert f"Reopened* by <@{ADVISOR}>" in card and "received this answer" not in card
