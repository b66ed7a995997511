"""Personal data that could reach storage, advisors or the log through the Slack layer (the privacy
review's findings on Slack markup, the asker's notice and listener errors), end to end through the
Bolt app: signed requests in, recorded Web API calls and stored rows out."""

import json
import logging

import pytest
import test_slack_flows as flows
from test_slack_decisions import decision_values, submit_decision
from test_slack_flows import (
    ASKER,
    UNKNOWN_QUESTION,
    advisor_posts,
    click,
    escalate_a_mention,
    mention,
    only_question_id,
    send,
    slash,
    submit_answer,
    texts_of,
)

from bot.log_safety import safe_traceback
from bot.mrkdwn import markup_as_words
from bot.privacy import redact
from bot.slack.blocks import ids
from bot.slack.payloads import plain_text

import slack_harness as h

# A third party's Slack id, with and without the label Slack may add, and a case channel named after a child.
THIRD_PARTY = "U0456ABC"
CASE_CHANNEL = "<#C0ABC123|tyler-smith-case>"
TYPED_MARKUP = f"<@{THIRD_PARTY}> and <@{THIRD_PARTY}|jane> in {CASE_CHANNEL} and <#C0ABC123>"
LEAKS = (THIRD_PARTY, "jane", "tyler", "smith", "C0ABC123")

# the app of the Slack flows' tests: their service, settings and dependencies
service, settings, deps = flows.service, flows.settings, flows.deps


def leaked(text: str) -> list[str]:
    return [leak for leak in LEAKS if leak in text.lower() or leak in text]


# Slack markup in what people type (finding 5) ------------------------------------------------------


@pytest.mark.parametrize("markup, text", [
    (f"<@{THIRD_PARTY}>", "@someone"),
    (f"<@{THIRD_PARTY}|jane>", "@someone"),
    (CASE_CHANNEL, "#channel"),
    ("<#C0ABC123>", "#channel"),
    ("<!subteam^S012AB|@safeguarding-leads>", "the safeguarding-leads group"),
    ("<!subteam^S012AB>", "the group"),
])
def test_mentions_channel_links_and_groups_become_words_with_no_id_or_name(markup, text):
    assert plain_text(f"{markup} said, can I share?") == f"{text} said, can I share?"
    assert markup_as_words(f"{markup} &amp;") == f"{text} &amp;"  # a modal's input is not escaped by Slack


def test_a_user_group_is_not_taken_for_a_persons_handle_by_the_redactor():
    redaction = redact(plain_text("I asked <!subteam^S012AB|@safeguarding-leads>, can I share?"))
    assert redaction.text == "I asked the safeguarding-leads group, can I share?" and redaction.found == ()


def test_a_third_partys_mention_never_reaches_the_redactor_as_an_id():
    text = redact(plain_text(f"<@{THIRD_PARTY}> told me in {CASE_CHANNEL} her dad hits her, can I share?")).text
    assert leaked(text) == [] and "#channel" in text


def ask_every_way(app, fake):
    question = f"{TYPED_MARKUP} asked about zorblat flimflam, can I share?"
    mention(app, question, ts="1700000000.000301")
    send(app, h.event_request(h.dm_event(f"<@{h.BOT_USER_ID}> {question}", ts="1700000000.000302")))
    slash(app, fake, question)
    send(app, h.shortcut_request(h.message_shortcut_payload("ask_canishare", message_text=question,
                                                            response_url=fake.response_url("sc"))))
    values = {ids.QUESTION_BLOCK: {ids.QUESTION_INPUT: question}}
    send(app, h.view_submission_request(h.view_submission_payload(ids.ASK_MODAL, values, json.dumps({}))))


def test_a_question_keeps_no_third_partys_slack_id_or_channel_name_however_it_is_asked(app, fake_slack, service):
    ask_every_way(app, fake_slack)
    stored = [q.text for q, _ in service.recent_questions(ASKER)]
    assert len(stored) == 5 and all(leaked(text) == [] for text in stored), stored
    assert all("#channel" in text and h.BOT_USER_ID not in text for text in stored), stored

    click(app, fake_slack, ids.ESCALATE, str(only_question_id(service)))
    (post,) = advisor_posts(fake_slack)
    assert leaked(texts_of(post)) == []


def test_an_advisors_answer_keeps_no_third_partys_slack_id_or_channel_name(app, fake_slack, service):
    escalation = escalate_a_mention(app, fake_slack, service)
    fake_slack.reset()
    submit_answer(app, escalation.id, f"Yes: tell {TYPED_MARKUP} and <!subteam^S012AB|@safeguarding-leads>.")
    answer = service.escalation(escalation.id).answer
    assert leaked(answer) == [] and "the safeguarding-leads group" in answer, answer
    sent = " ".join(texts_of(c) for c in fake_slack.calls())
    assert leaked(sent) == [] and "the safeguarding-leads group" in sent


def test_a_decision_records_fields_keep_no_third_partys_slack_id_or_channel_name(app, fake_slack, service):
    metadata = json.dumps({"question": None, "faq": None, "escalation": None})
    submit_decision(app, metadata, decision_values(
        decision={"type": "radio_buttons", "selected_option": {"value": "shared"}},
        lawful_basis={"type": "static_select", "selected_option": {"value": "other"}},
        shared_with=f"<@{THIRD_PARTY}|jane>", what_shared=f"notes from {CASE_CHANNEL}",
        lawful_basis_other=f"as <@{THIRD_PARTY}> said", reasons=f"disclosed to <@{THIRD_PARTY}>",
        not_told_why="see <#C0ABC123>"))
    (record,) = service.decision_records(ASKER)
    fields = (record.shared_with, record.what_shared, record.lawful_basis, record.reasons, record.not_told_why)
    assert all(leaked(field) == [] for field in fields), fields
    assert leaked(" ".join(texts_of(c) for c in fake_slack.calls())) == []



# What the asker is told (finding 11) --------------------------------------------------------------

# Wordings that promised a clean question, where only the identifiers the redactor recognises go.
PROMISES = ("with identifiers removed", "Anything that looks like one is removed", "identifiers typed were replaced")
CAVEAT = "only the identifiers I recognise"


def everything_sent(fake) -> str:
    return " ".join(texts_of(c) for c in fake.calls())


def test_the_asker_is_told_what_was_removed_and_to_check_the_rest_never_that_it_is_clean(app, fake_slack, service):
    slash(app, fake_slack, f"{UNKNOWN_QUESTION} for Kayleigh, NHS number 943 476 5919")
    reply = texts_of(fake_slack.last("response_url"))
    assert "I removed the NHS number" in reply and CAVEAT in reply and "check" in reply
    assert "An advisor can look at it" in reply
    click(app, fake_slack, ids.ESCALATE, str(only_question_id(service)))
    flows.click_in_home(app, ids.HOME_MY_DATA, "me", ASKER)
    send(app, h.event_request(h.app_home_opened_event(ASKER)))
    sent = everything_sent(fake_slack)
    assert [promise for promise in PROMISES if promise in sent] == []


def test_a_decision_records_notices_promise_no_clean_record(app, fake_slack, service):
    metadata = json.dumps({"question": None, "faq": None, "escalation": None})
    opened = h.block_action_payload(ids.RECORD_DECISION, "||", trigger_id="trigger-record")
    send(app, h.action_request(opened))
    submit_decision(app, metadata, decision_values())
    sent = everything_sent(fake_slack)
    assert "I removed the NHS number" in sent and CAVEAT in sent
    assert [promise for promise in PROMISES if promise in sent] == []


# What a listener's failure logs (finding 12) -----------------------------------------------------

FORGED = "Tyler Smith DOB 03/04/2015 NHS 943 476 5919 lives at 14 High Street LL57 1AA"


def test_a_failed_listener_logs_the_error_type_and_frames_but_not_what_was_typed(app, fake_slack, caplog):
    caplog.set_level(logging.DEBUG)
    click(app, fake_slack, ids.ESCALATE, FORGED)
    logged = caplog.text + " ".join(str(record.exc_info) for record in caplog.records)
    assert "listener failed on block_actions/escalate: ValueError" in logged
    assert 'File "' in logged and "in question_ref" in logged  # the traceback's frames are kept
    for secret in ("943 476 5919", "Tyler", "Smith", "High Street", "LL57"):
        assert secret not in logged, secret


def test_a_chained_errors_messages_are_made_safe_too():
    typed, number = "Kayleigh Jones", "943 476 5919"  # not on a line the traceback quotes
    try:
        try:
            {}[typed]
        except KeyError as missing:
            raise ValueError(f"no record for NHS number {number}: {missing}") from missing
    except ValueError as error:
        logged = safe_traceback(error)
    assert logged.count("Traceback (most recent call last):") == 2 and "which led to" in logged
    assert "KeyError: '…'" in logged and "ValueError: no record for NHS number [NHS number]" in logged
    assert "test_a_chained_errors_messages_are_made_safe_too" in logged  # the frames are kept
    assert "Kayleigh" not in logged and "943 476 5919" not in logged


@pytest.mark.parametrize("typed", [
    'He said "no" to Mary O\'Brien at 14 Elm Road',
    "it's \"Tyler\" and 'Smith' at 3 Oak Lane",
])
def test_a_typed_value_with_both_kinds_of_quote_leaves_nothing_in_the_log(typed):
    from bot.log_safety import safe_message

    try:
        int(typed)
    except ValueError as error:
        shown = safe_message(error)
    assert not any(part in shown for part in ("Brien", "Elm Road", "Tyler", "Smith", "Oak Lane")), shown
