"""How an escalation ends for the asker and the advisors, through the Bolt app: closed without an
answer, an answer Slack will never deliver, a card Slack would not take for a day. Fixtures and
helpers come from tests/test_slack_flows.py."""

import datetime as dt

from slack_flow_fixtures import *  # noqa: F403 - the fixtures, used by name as arguments
from test_slack_flows import (
    ADVISOR,
    ADVISOR_CHANNEL,
    ASKER,
    UNKNOWN_QUESTION,
    URGENT_QUESTION,
    advisor_posts,
    click,
    escalate_a_mention,
    only_question_id,
    slash,
    submit_answer,
    texts_of,
)

from bot.outbox import Kind
from bot.records import CLOSED
from bot.slack.blocks import ids
from bot.slack.deliverer import deliver_due
from bot.slack.queue_keeper import look_after_queue
from bot.times import stored, utc_now


def close(app, fake, escalation_id):
    click(app, fake, ids.CLOSE, str(escalation_id), user=ADVISOR, channel_id=ADVISOR_CHANNEL)


def to_asker(fake):
    """What reached the asker: DMs and their thread (not the advisor channel)."""
    return [texts_of(c) for c in fake.calls("chat.postMessage") if c.body.get("channel") != ADVISOR_CHANNEL]


def outbox_rows(service, kind):
    return [r for r in service.store.db["outbox"].rows if r["kind"] == kind]


def a_day_later(service):
    service.store.now = lambda: stored(utc_now() + dt.timedelta(days=1, minutes=1))


# closed without an answer ------------------------------------------------------------------------


def test_an_urgent_escalation_closed_without_an_answer_tells_the_asker_once_where_they_asked(app, fake_slack,
                                                                                            service):
    slash(app, fake_slack, URGENT_QUESTION)
    (escalation,) = service.queue()
    fake_slack.reset()
    close(app, fake_slack, escalation.id)
    assert service.escalation(escalation.id).state == CLOSED

    (told,) = to_asker(fake_slack)
    assert f"closed your question (escalation #{escalation.id}) without an answer" in told
    assert "999" in told and fake_slack.last("chat.postMessage").body["channel"] == f"D{ASKER}"
    assert "Closed without an answer" in texts_of(fake_slack.last("chat.update"))
    assert [r["state"] for r in outbox_rows(service, Kind.ASKER_NOTICE)] == ["delivered"]


def test_a_mention_closed_without_an_answer_is_told_in_its_thread(app, fake_slack, service):
    escalation = escalate_a_mention(app, fake_slack, service)
    fake_slack.reset()
    close(app, fake_slack, escalation.id)
    told = fake_slack.last("chat.postMessage").body
    assert told["thread_ts"] == "1700000000.000040" and "without an answer" in told["text"]


def test_closing_after_an_answer_tells_the_asker_nothing_more(app, fake_slack, service):
    escalation = escalate_a_mention(app, fake_slack, service)
    submit_answer(app, escalation.id, "Share the minimum necessary and record why.")
    fake_slack.reset()
    close(app, fake_slack, escalation.id)
    assert to_asker(fake_slack) == []
    assert "without an answer" not in texts_of(fake_slack.last("chat.update"))


# an answer that can never be delivered -------------------------------------------------------------


def test_an_answer_slack_refuses_for_good_is_given_up_at_once_and_the_advisors_are_told(app, fake_slack, service):
    slash(app, fake_slack, UNKNOWN_QUESTION)
    click(app, fake_slack, ids.ESCALATE, str(only_question_id(service)))
    (escalation,) = service.queue()
    fake_slack.reset()
    fake_slack.fail_next("conversations.open", times=1, error="user_disabled")
    submit_answer(app, escalation.id, "You may share under s.47; record your reasons.")

    (relay,) = outbox_rows(service, Kind.ADVISOR_ANSWER)
    assert (relay["state"], relay["attempts"], relay["last_error"]) == ("gave_up", 1, "user_disabled")
    card = texts_of(fake_slack.last("chat.update"))
    assert "Answered, but not delivered" in card and "deactivated" in card
    (note,) = [c.body for c in fake_slack.calls("chat.postMessage") if c.body.get("thread_ts")]
    assert note["channel"] == ADVISOR_CHANNEL and note["thread_ts"] == service.escalation(escalation.id).advisor_ts
    assert f"<@{ADVISOR}>" in note["text"] and "could not deliver it" in note["text"] and "deactivated" in note["text"]


def test_an_answer_slack_refuses_for_now_is_still_retried(app, fake_slack, service):
    slash(app, fake_slack, UNKNOWN_QUESTION)
    click(app, fake_slack, ids.ESCALATE, str(only_question_id(service)))
    (escalation,) = service.queue()
    fake_slack.fail_next("conversations.open", times=1, status=500)
    submit_answer(app, escalation.id, "You may share under s.47; record your reasons.")
    (relay,) = outbox_rows(service, Kind.ADVISOR_ANSWER)
    assert relay["state"] == "pending"
    assert "not delivered" not in texts_of(fake_slack.last("chat.update"))


# a card given up -------------------------------------------------------------------------------------


def test_a_card_given_up_after_a_day_is_posted_once_the_bot_is_invited(app, deps, fake_slack, service):
    fake_slack.fail_next("chat.postMessage", times=1, error="not_in_channel")
    slash(app, fake_slack, URGENT_QUESTION)
    (escalation,) = service.queue()
    a_day_later(service)
    fake_slack.fail_next("chat.postMessage", times=1, error="not_in_channel")
    deliver_due(deps)
    assert [r["state"] for r in outbox_rows(service, Kind.ADVISOR_CARD)] == ["gave_up"]

    fake_slack.reset()  # the bot is invited
    assert look_after_queue(deps) == (1, 0)
    assert look_after_queue(deps) == (0, 0)  # owed once, however often the keeper comes round
    (card,) = advisor_posts(fake_slack)
    assert URGENT_QUESTION in texts_of(card)
    assert service.escalation(escalation.id).advisor_ts


def test_a_card_that_may_have_reached_slack_is_not_owed_again(app, deps, fake_slack, service):
    fake_slack.drop_after_receiving("chat.postMessage")
    slash(app, fake_slack, URGENT_QUESTION)
    assert [r["state"] for r in outbox_rows(service, Kind.ADVISOR_CARD)] == ["gave_up"]
    assert look_after_queue(deps) == (0, 0)


# what redaction removed from an answer ----------------------------------------------------------------


def test_an_advisor_is_told_what_was_removed_and_public_contacts_are_kept(app, fake_slack, service):
    escalation = escalate_a_mention(app, fake_slack, service)
    fake_slack.reset()
    submit_answer(app, escalation.id, "Ring the ICO helpline on 0303 123 1113 or e-mail your DPO at "
                                      "dpo@example-council.gov.uk. For Mrs Khan (NHS 943 476 5919) ring 07700 900123.")
    answer = service.escalation(escalation.id).answer
    assert "0303 123 1113" in answer and "dpo@example-council.gov.uk" in answer
    assert "Khan" not in answer and "943 476 5919" not in answer and "07700" not in answer

    (notice,) = [c.body for c in fake_slack.calls("chat.postMessage") if c.body.get("channel") == f"D{ADVISOR}"]
    assert f"escalation #{escalation.id}" in notice["text"] and "I removed the name, NHS number and phone" in notice["text"]
    assert not [c for c in fake_slack.calls("chat.postMessage") if "I removed" in c.body.get("text", "")
                and c.body.get("channel") != f"D{ADVISOR}"]


def test_an_answer_with_nothing_removed_tells_the_advisor_nothing(app, fake_slack, service):
    escalation = escalate_a_mention(app, fake_slack, service)
    fake_slack.reset()
    submit_answer(app, escalation.id, "Share the minimum necessary and record why; ring 101 if unsure.")
    assert not [c for c in fake_slack.calls("chat.postMessage") if c.body.get("channel") == f"D{ADVISOR}"]
