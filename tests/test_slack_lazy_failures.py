"""What a person sees when Slack or the store fails around a click: "Show answer" is owed through the
outbox like every reply; a modal that cannot open is told privately (no retry past its trigger's
three seconds); a submission the store cannot save keeps its modal open with the text in it.
Fixtures and helpers come from tests/test_slack_flows.py."""

import datetime as dt
import json
import sqlite3

import pytest
import test_slack_flows as flows
from slack_flow_fixtures import *  # noqa: F403 - the fixtures, used by name as arguments
from test_slack_decisions import decision_values, submit_decision
from test_slack_flows import click, escalate_a_mention, send, slash, submit_answer, texts_of

from bot.records import OPEN
from bot.slack.blocks import ids
from bot.slack.deliverer import deliver_due
from bot.times import stored, utc_now

import slack_harness as h


def told(fake) -> list[str]:
    return [texts_of(c) for c in fake.calls() if c.method in ("response_url", "chat.postEphemeral", "chat.postMessage")]


def store_fails(monkeypatch, store, method, error="attempt to write a readonly database"):
    def locked(*args, **kwargs):
        raise sqlite3.OperationalError(error)

    monkeypatch.setattr(store, method, locked)


# Show answer ---------------------------------------------------------------------------------------


def test_show_answer_is_owed_and_sent_again_after_a_slack_error(app, deps, fake_slack, service, faq, monkeypatch):
    monkeypatch.setattr(service, "matcher", lambda: flows.SuggestingMatcher(faq))
    flows.mention(app, "share with school", ts="1700000000.000500")
    entry = faq.entries[1]
    fake_slack.reset()
    fake_slack.fail_next("chat.postMessage", status=500)
    click(app, fake_slack, ids.SHOW_ENTRY, f"{flows.only_question_id(service)}|{entry.id}", channel_id="C123",
          message_ts="1700000000.000600")
    assert [c.status for c in fake_slack.calls("chat.postMessage")] == [500]

    service.store.now = lambda: stored(utc_now() + dt.timedelta(seconds=6))  # past the first retry's wait
    assert deliver_due(deps) == 1
    shown = fake_slack.last("chat.postMessage").body
    assert shown["channel"] == "C123" and shown["thread_ts"] == "1700000000.000600"
    assert entry.legal_basis[0] in texts_of(fake_slack.last("chat.postMessage"))


# modals that cannot open -------------------------------------------------------------------------------


@pytest.mark.parametrize("failure", [{"error": "expired_trigger_id"}, {"status": 500}, {}])  # {}: HTTP 429
def test_a_modal_that_cannot_open_is_told_privately_and_not_retried(app, fake_slack, service, entry, failure):
    slash(app, fake_slack, entry.question)
    question_id = flows.only_question_id(service)
    fake_slack.reset()
    fake_slack.fail_next("views.open", times=4, **failure)
    click(app, fake_slack, ids.RECORD_DECISION, f"{question_id}|{entry.id}|")
    assert len(fake_slack.calls("views.open")) == 1  # a trigger lives three seconds: no retry after a 429
    (notice,) = told(fake_slack)
    assert "did not open" in notice and "click again" in notice


def test_every_modal_that_cannot_open_says_so(app, fake_slack, service):
    escalation = escalate_a_mention(app, fake_slack, service)
    openings = [
        lambda: slash(app, fake_slack, ""),
        lambda: click(app, fake_slack, ids.ANSWER_ACTION, str(escalation.id), user=flows.ADVISOR,
                        channel_id=flows.ADVISOR_CHANNEL),
        lambda: click(app, fake_slack, ids.HOME_ASK, "ask"),
    ]
    for open_one in openings:
        fake_slack.reset()
        fake_slack.fail_next("views.open", error="expired_trigger_id")
        open_one()
        assert any("did not open" in t for t in told(fake_slack))


# submissions the store cannot save ---------------------------------------------------------------------


def test_an_answer_the_store_cannot_save_keeps_the_modal_open(app, fake_slack, service, monkeypatch, caplog):
    escalation = escalate_a_mention(app, fake_slack, service)
    store_fails(monkeypatch, service.store, "change_escalation")
    response = submit_answer(app, escalation.id, "A carefully written answer about s.47 enquiries.")
    body = json.loads(response.body)
    assert body["response_action"] == "errors" and "Not saved" in body["errors"][ids.ANSWER_BLOCK]
    assert "cannot be written" in body["errors"][ids.ANSWER_BLOCK]
    assert service.escalation(escalation.id).state == OPEN
    assert "an advisor's answer could not be saved: OperationalError" in caplog.text
    assert "s.47" not in caplog.text


def test_a_decision_record_the_store_cannot_save_keeps_the_modal_open(app, fake_slack, service, monkeypatch):
    store_fails(monkeypatch, service.store, "add_decision_record")
    response = submit_decision(app, "{}", decision_values())
    assert "Not saved" in json.loads(response.body)["errors"]["reasons"]


def test_a_question_the_store_cannot_save_keeps_the_ask_modal_open(app, fake_slack, service, monkeypatch):
    store_fails(monkeypatch, service.store, "add_question")
    payload = h.view_submission_payload(ids.ASK_MODAL, {ids.QUESTION_BLOCK: {ids.QUESTION_INPUT: flows.UNKNOWN_QUESTION}},
                                        json.dumps({"source": "home"}))
    response = send(app, h.view_submission_request(payload))
    assert "Not saved" in json.loads(response.body)["errors"][ids.QUESTION_BLOCK]


def test_a_failed_submission_is_logged_without_what_was_typed(app, fake_slack, service, monkeypatch, caplog):
    escalation = escalate_a_mention(app, fake_slack, service)
    typed = "Tell Mrs Khan that the school knows"

    def quoting(*args, **kwargs):
        raise ValueError(f"cannot store {typed!r}")  # an error quoting what was typed

    monkeypatch.setattr(service.store, "change_escalation", quoting)
    response = submit_answer(app, escalation.id, typed)
    assert "something went wrong" in json.loads(response.body)["errors"][ids.ANSWER_BLOCK]
    assert "could not be saved: ValueError" in caplog.text and "Khan" not in caplog.text


# another process holding the write lock ---------------------------------------------------------------


@pytest.fixture
def other_process_writing(service):
    """Another process sharing the file holds the write lock (a long purge, say)."""
    other = sqlite3.connect(service.store.path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    yield other
    other.execute("COMMIT")
    other.close()


def test_a_claim_while_another_process_writes_is_answered_busy_within_slacks_window(app, fake_slack, service,
                                                                                     request):
    escalation = escalate_a_mention(app, fake_slack, service)
    fake_slack.reset()
    request.getfixturevalue("other_process_writing")
    started = dt.datetime.now()
    click(app, fake_slack, ids.CLAIM, str(escalation.id), user=flows.ADVISOR, channel_id=flows.ADVISOR_CHANNEL)
    assert (dt.datetime.now() - started).total_seconds() < 3
    (said,) = told(fake_slack)
    assert "busy" in said and "try again" in said and "cannot be written" not in said


def test_an_answer_while_another_process_writes_keeps_the_modal_open_saying_busy(app, fake_slack, service, request):
    escalation = escalate_a_mention(app, fake_slack, service)
    request.getfixturevalue("other_process_writing")
    started = dt.datetime.now()
    body = json.loads(submit_answer(app, escalation.id, "An answer written while the records were busy.").body)
    assert (dt.datetime.now() - started).total_seconds() < 3
    assert "busy" in body["errors"][ids.ANSWER_BLOCK]
