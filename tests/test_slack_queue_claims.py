"""A claim that is not answered, through the Bolt app: released by the claimer or another advisor
(the asker is not told), and reminded, naming the claimer. Fixtures and helpers come from
tests/test_slack_flows.py."""

import datetime as dt
import time

import pytest
from slack_flow_fixtures import *  # noqa: F403 - the fixtures, used by name as arguments
from test_slack_flows import (
    ADVISOR,
    ADVISOR_CHANNEL,
    ASKER,
    OTHER_ADVISOR,
    action_values,
    button_value,
    click,
    click_in_home,
    escalate_a_mention,
    later,
    submit_answer,
    texts_of,
)

from bot.escalations import QueueError
from bot.outbox import Kind
from bot.records import CLAIMED, OPEN
from bot.slack.blocks import ids
from bot.slack.deliverer import deliver_due
from bot.slack.queue_keeper import look_after_queue


def claimed_by_advisor(app, fake, service):
    escalation = escalate_a_mention(app, fake, service)
    click(app, fake, ids.CLAIM, str(escalation.id), user=ADVISOR, channel_id=ADVISOR_CHANNEL)
    return service.escalation(escalation.id)


def release(app, fake, escalation_id, user, version=1):
    """``user`` releases the escalation on its card as claimed (by default: once claimed, version 1)."""
    click(app, fake, ids.RELEASE, f"{escalation_id}:{version}", user=user, channel_id=ADVISOR_CHANNEL)


def to_asker(fake):
    return [texts_of(c) for c in fake.calls("chat.postMessage") if c.body.get("channel") != ADVISOR_CHANNEL]


def reminders_in_channel(fake):
    return [c.body for c in fake.calls("chat.postMessage")
            if c.body.get("channel") == ADVISOR_CHANNEL and c.body.get("thread_ts") and ":alarm_clock:" in texts_of(c)]


def test_a_claimed_card_has_release_and_another_advisor_can_release_it_and_take_it_over(app, fake_slack, service):
    escalation = claimed_by_advisor(app, fake_slack, service)
    assert action_values(fake_slack.last("chat.update").body["blocks"], ids.RELEASE) == [f"{escalation.id}:1"]  # id:version
    fake_slack.reset()
    release(app, fake_slack, escalation.id, OTHER_ADVISOR)
    released = service.escalation(escalation.id)
    assert (released.state, released.claimed_by, released.released_by) == (OPEN, None, OTHER_ADVISOR)
    card = texts_of(fake_slack.last("chat.update"))
    assert f"<@{OTHER_ADVISOR}> released the claim" in card and action_values(
        fake_slack.last("chat.update").body["blocks"], ids.CLAIM)
    assert to_asker(fake_slack) == []  # for the asker nothing changed: never "closed"
    click(app, fake_slack, ids.CLAIM, button_value(service.escalation(escalation.id)), user=OTHER_ADVISOR,
          channel_id=ADVISOR_CHANNEL)
    taken = service.escalation(escalation.id)
    assert (taken.state, taken.claimed_by, taken.released_by) == (CLAIMED, OTHER_ADVISOR, None)


def test_the_claimer_releases_from_app_home(app, fake_slack, service):
    escalation = claimed_by_advisor(app, fake_slack, service)
    click_in_home(app, ids.RELEASE, str(escalation.id), ADVISOR)
    assert service.escalation(escalation.id).state == OPEN
    home = fake_slack.last("views.publish").body["view"]
    assert "released the claim" not in texts_of(fake_slack.last("views.publish"))  # the queue shows it open
    assert action_values(home["blocks"], ids.CLAIM) == [f"{escalation.id}:2"]  # claimed, released


def test_release_is_refused_with_a_reason_when_not_claimed_or_not_an_advisor(app, fake_slack, service):
    escalation = escalate_a_mention(app, fake_slack, service)
    fake_slack.reset()
    release(app, fake_slack, escalation.id, ADVISOR, version=0)
    (told,) = [c.body for c in fake_slack.calls("response_url")]
    assert f"Escalation #{escalation.id} is open; only a claimed one can be released." in told["text"]
    click(app, fake_slack, ids.CLAIM, str(escalation.id), user=ADVISOR, channel_id=ADVISOR_CHANNEL)
    release(app, fake_slack, escalation.id, ASKER)
    assert service.escalation(escalation.id).claimed_by == ADVISOR
    with pytest.raises(QueueError, match="Only members of the advisor channel"):
        service.release(escalation.id, ASKER, {ADVISOR})


def test_a_claimed_escalation_is_reminded_once_naming_its_claimer(app, deps, fake_slack, service):
    escalation = claimed_by_advisor(app, fake_slack, service)
    fake_slack.reset()
    assert look_after_queue(later(deps, hours=3)) == (0, 0)
    assert look_after_queue(later(deps, hours=5)) == (0, 1)
    assert look_after_queue(later(deps, hours=24)) == (0, 0)  # once per claim
    (reminder,) = reminders_in_channel(fake_slack)
    assert reminder["thread_ts"] == escalation.advisor_ts and f"<@{ADVISOR}>, you claimed escalation" in reminder["text"]
    assert "Release it so that another advisor can claim it" in reminder["text"]


def test_a_released_escalation_is_reminded_again_and_a_new_claim_too(app, deps, fake_slack, service):
    escalation = claimed_by_advisor(app, fake_slack, service)
    assert look_after_queue(later(deps, hours=5)) == (0, 1)
    release(app, fake_slack, escalation.id, OTHER_ADVISOR)
    assert look_after_queue(later(deps, hours=5)) == (0, 1)  # open again, and it has waited since it was asked
    reminders = service.store.db["outbox"].rows_where("kind = ?", [Kind.REMINDER.value], order_by="id")
    assert [r["key"].split(":")[2] for r in reminders] == ["claimed", "released"]
    time.sleep(1.1)  # the store's clock is in seconds: a new claim is a new wait to remind of
    click(app, fake_slack, ids.CLAIM, button_value(service.escalation(escalation.id)), user=OTHER_ADVISOR,
          channel_id=ADVISOR_CHANNEL)
    assert look_after_queue(later(deps, hours=9)) == (0, 1)


def test_a_claim_reminder_is_not_sent_once_answered_or_released(app, deps, fake_slack, service, monkeypatch):
    answered, released = (claimed_by_advisor(app, fake_slack, service) for _ in range(2))
    monkeypatch.setattr(service, "on_owed", [])  # owed, not sent yet
    assert service.owe_due_reminders(dt.timedelta(hours=4), now=deps.now() + dt.timedelta(hours=5)) == 2
    submit_answer(app, answered.id, "Share it with the DSL.")
    service.release(released.id, OTHER_ADVISOR, {OTHER_ADVISOR})
    fake_slack.reset()
    deliver_due(deps)
    assert reminders_in_channel(fake_slack) == []
