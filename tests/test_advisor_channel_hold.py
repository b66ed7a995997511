"""Nothing is posted to an advisor channel anyone can join (public, or shared with another organisation):
cards, follow-ups, reminders and urgent pages are held, not lost, and posted once the channel is private
again; the asker is told the advisors cannot receive questions at the moment (urgent ones still get the
act-now advice), and the operator is told once, not once per message."""

import dataclasses
import datetime as dt
import json
import logging

import pytest
from slack_flow_fixtures import *  # noqa: F403 - the app's fixtures
from test_slack_flows import ADVISOR, ADVISOR_CHANNEL, ASKER, click, escalate_a_mention, mention, send, texts_of
from test_slack_follow_ups import follow_up_in_thread, posts_in

from bot.slack.blocks import ids
from bot.slack.deliverer import deliver_due, deliver_inline
from bot.slack.deps import assemble
from bot.slack.send_outcomes import HELD_FOR_CHANNEL

import slack_harness as h

URGENT = "zorblat flimflam: Jo's mum hits her, can I tell school"
THIS_MOMENT = "cannot receive questions at the moment"


def channel_becomes(deps, fake_slack, **info) -> None:
    """The channel's settings change, and the directory reads them again (as the queue keeper does each minute)."""
    fake_slack.set_channel_info(ADVISOR_CHANNEL, **info)
    deps.advisors.ttl = 0
    deps.advisors.refresh()


def deliver_held(deps, service) -> int:
    """What was held is due again (its wait is over), and sent (one message of an escalation at a time)."""
    sent = 0
    for _ in range(5):
        service.store.db.execute("update outbox set due_at = '2000-01-01T00:00:00+00:00' where state = 'pending'")
        sent += deliver_due(deps)
    return sent


def in_channel(fake_slack) -> list:
    return [c for c in fake_slack.calls() if c.method in ("chat.postMessage", "chat.update")
            and c.body.get("channel") == ADVISOR_CHANNEL]


def told_asker(fake_slack) -> str:
    return " ".join(texts_of(c) for c in fake_slack.calls()
                    if c.method in ("chat.postEphemeral", "response_url")
                    or (c.method == "chat.postMessage" and c.body.get("channel") != ADVISOR_CHANNEL))


@pytest.mark.parametrize("info", [{"is_private": False}, {"is_ext_shared": True}])
def test_an_urgent_question_is_held_from_a_channel_anyone_can_join_and_posted_once_it_is_private(
        app, deps, fake_slack, service, info):
    channel_becomes(deps, fake_slack, **info)
    fake_slack.reset()
    mention(app, URGENT, ts="1700000000.000077")
    click(app, fake_slack, ids.ESCALATE, str(service.recent_questions(ASKER)[0][0].id))

    assert in_channel(fake_slack) == []  # no card, no @here page
    (escalation,) = service.queue()
    assert not escalation.advisor_ts
    told = told_asker(fake_slack)
    assert "999" in told and "safeguarding lead" in told  # the act-now advice, as ever
    assert THIS_MOMENT in told and "already with the advisors" not in told and "An advisor has it" not in told

    channel_becomes(deps, fake_slack, is_private=True, is_ext_shared=False)
    fake_slack.reset()
    assert deliver_held(deps, service) >= 1
    (card,) = in_channel(fake_slack)
    assert "URGENT" in texts_of(card) and service.escalation(escalation.id).advisor_ts


def test_a_question_escalated_while_the_channel_is_public_is_said_to_wait_for_the_advisors(
        app, deps, fake_slack, service):
    channel_becomes(deps, fake_slack, is_private=False)
    escalate_a_mention(app, fake_slack, service)
    said = texts_of(fake_slack.last("response_url"))
    assert THIS_MOMENT in said and "as soon as they can" in said and "Sent to the advisors" not in said
    assert in_channel(fake_slack) == []


def test_follow_ups_and_reminders_are_held_while_the_channel_is_public(app, deps, fake_slack, service):
    escalation = escalate_a_mention(app, fake_slack, service)  # its card posted while the channel was private
    channel_becomes(deps, fake_slack, is_private=False)
    fake_slack.reset()
    follow_up_in_thread(app, "she's 15 and we're in Wales")
    assert service.owe_due_reminders(dt.timedelta(hours=4), now=deps.now() + dt.timedelta(days=2)) == 1
    deliver_held(deps, service)

    assert in_channel(fake_slack) == []
    assert THIS_MOMENT in told_asker(fake_slack)  # the follow-up's acknowledgement
    assert "The advisors see it" not in told_asker(fake_slack)

    channel_becomes(deps, fake_slack, is_private=True)
    fake_slack.reset()
    deliver_held(deps, service)
    card_thread = service.escalation(escalation.id).advisor_ts
    posted = " ".join(str(body) for body in posts_in(fake_slack, ADVISOR_CHANNEL, card_thread))
    assert "Wales" in posted and "without being claimed" in posted  # the follow-up, and the reminder


def test_the_operator_is_told_once_however_many_messages_are_held(app, deps, fake_slack, service, caplog):
    with caplog.at_level(logging.INFO):
        channel_becomes(deps, fake_slack, is_private=False)
        for n in range(3):
            mention(app, f"{URGENT} {n}", ts=f"1700000000.00008{n}")
            deliver_held(deps, service)
            deps.advisors.refresh()  # read again each minute: the condition has not changed
    held = [r for r in caplog.records if "held" in r.getMessage()]
    assert len(held) == 1 and held[0].levelno == logging.ERROR and "private" in held[0].getMessage()
    assert not [r for r in caplog.records if r.name == "bot.slack.deliverer"]  # nothing logged per message
    assert in_channel(fake_slack) == []

    caplog.clear()
    with caplog.at_level(logging.INFO):
        channel_becomes(deps, fake_slack, is_private=True)
        deliver_held(deps, service)
    assert len(in_channel(fake_slack)) == 3
    assert [r.getMessage() for r in caplog.records if "held" in r.getMessage()] != []


def test_a_public_channel_the_operator_allows_gets_everything_at_once(fake_slack, service, settings):
    fake_slack.set_channel_info(ADVISOR_CHANNEL, is_private=False)
    fake_slack.set_members(ADVISOR_CHANNEL, ["UADV1"])
    allowed = assemble(dataclasses.replace(settings, allow_open_advisor_channel=True), service,
                       client=h.web_client(fake_slack))
    deliver_inline(allowed)
    service.ask(URGENT, ASKER, escalate=True)
    (card,) = in_channel(fake_slack)
    assert "URGENT" in texts_of(card)


def test_an_erased_card_is_emptied_even_while_the_channel_is_public(app, deps, fake_slack, service):
    escalation = escalate_a_mention(app, fake_slack, service)
    service.close(escalation.id, ADVISOR, {ADVISOR})  # while the channel was private
    channel_becomes(deps, fake_slack, is_private=False)
    fake_slack.reset()
    service.erase(ASKER)
    deliver_held(deps, service)
    emptied = [c for c in fake_slack.calls("chat.update") if c.body.get("channel") == ADVISOR_CHANNEL]
    assert emptied and "deleted" in texts_of(emptied[-1])


def home_of(app, fake_slack, user: str = ASKER) -> str:
    send(app, h.event_request(h.app_home_opened_event(user)))
    return json.dumps(fake_slack.last("views.publish").body["view"])


def test_app_home_says_a_held_question_has_not_reached_the_advisors_and_says_so_no_more_once_it_has(
        app, deps, fake_slack, service):
    channel_becomes(deps, fake_slack, is_private=False)
    escalate_a_mention(app, fake_slack, service)
    home = home_of(app, fake_slack)
    assert THIS_MOMENT in home and "with the advisors, waiting" not in home

    channel_becomes(deps, fake_slack, is_private=True)
    deliver_held(deps, service)
    home = home_of(app, fake_slack)
    assert "with the advisors, waiting" in home and THIS_MOMENT not in home


def test_what_was_held_is_posted_as_soon_as_the_channel_is_private_in_the_order_it_was_asked(
        app, deps, fake_slack, service):
    """Each held card waited out its own minute, so they came back in the order their waits ended, up to a
    minute late; now they are released together when the channel is private, and leased oldest first."""
    channel_becomes(deps, fake_slack, is_private=False)
    first = escalate_a_mention(app, fake_slack, service, "zorblat quux: first question", ts="1700000000.000041")
    deliver_due(deps)  # held: postponed a minute
    second = escalate_a_mention(app, fake_slack, service, "zorblat quux: second question", ts="1700000000.000042")
    deliver_due(deps)
    held = service.store.db.execute("select last_error from outbox where kind = 'advisor_card'").fetchall()
    assert [row[0] for row in held] == [HELD_FOR_CHANNEL] * 2

    channel_becomes(deps, fake_slack, is_private=True)
    fake_slack.reset()
    deliver_due(deps)  # at once, not a minute later
    posted = [texts_of(c) for c in in_channel(fake_slack) if c.method == "chat.postMessage"]
    assert len(posted) == 2 and "first question" in posted[0] and "second question" in posted[1]
    assert service.escalation(first.id).advisor_ts and service.escalation(second.id).advisor_ts
