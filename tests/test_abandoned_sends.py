"""A process killed after marking a message as being sent and before its outcome was recorded (Slack may
or may not have it): on the next start (or once its lease runs out) it is sent again, a second copy rather
than none (an escalation's card saying an earlier copy may be in the channel); only the digest is in doubt.
The process "dies" by leasing as a dead process id, marking the item as being sent, and letting the fake
Slack take the call (or not) without the outcome being recorded."""

import json

import pytest
from test_outbox_fencing import Clock

from bot.config import Settings
from bot.faq import load_faq
from bot.outbox import LEASE, Kind, State
from bot.records import Where
from bot.service import Service
from bot.service_outbox import details_key, details_prefix
from bot.slack.blocks.advisor_card import EARLIER_COPY
from bot.slack.deliverer import SENDERS, deliver_due
from bot.slack.deps import assemble
from bot.store import Store

import slack_harness as h

DEAD = "host:1:dead:deliverer-0"
ADVISORS = {"UADV"}
URGENT = "My client just told me she is going to end it tonight and has the pills ready, can I call her GP now?"


def dead(owner: str) -> bool:
    return owner == DEAD


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def deps(fake_slack, tmp_path, clock):
    fake_slack.set_members("CADV", sorted(ADVISORS))
    service = Service(Store(str(tmp_path / "canishare.db"), clock), load_faq())
    settings = Settings(bot_token=h.TEST_BOT_TOKEN, signing_secret=h.TEST_SIGNING_SECRET, advisor_channel="CADV")
    return assemble(settings, service, client=h.web_client(fake_slack))


def die_while_sending(deps, kind: Kind) -> None:
    """A process leases the item, begins to send it, Slack takes it, and the process dies unrecorded."""
    (item,) = [i for i in deps.service.lease_owed(DEAD, 20) if i.kind == kind]  # the others: not begun
    assert deps.service.renew_lease(item)
    SENDERS[kind](deps, item)


def row(deps, kind: Kind) -> dict:
    return next(iter(deps.service.store.db.query("select * from outbox where kind = ? order by id desc",
                                                   [kind.value])))


def posts(fake, channel):
    return [c for c in fake.answered("chat.postMessage") if c.body.get("channel") == channel]


def restart(deps) -> None:
    deps.service.take_over_leases(dead)
    while deliver_due(deps):
        pass


def test_a_routine_reply_in_flight_when_its_process_died_is_sent_again_rather_than_lost(deps, fake_slack):
    deps.service.ask("Do I need consent to share with the police?", "U1", Where("dm", "D1", "1.0", "1.0"),
                     reply={})
    die_while_sending(deps, Kind.REPLY)
    assert len(posts(fake_slack, "D1")) == 1

    restart(deps)

    assert len(posts(fake_slack, "D1")) == 2 and row(deps, Kind.REPLY)["state"] == State.DELIVERED


def test_a_reply_marked_as_being_sent_when_the_process_died_before_the_call_left_still_arrives(deps, fake_slack):
    deps.service.ask("Do I need consent to share with the police?", "U1", Where("dm", "D1", "1.0", "1.0"),
                     reply={})
    (item,) = [i for i in deps.service.lease_owed(DEAD, 20) if i.kind == Kind.REPLY]
    assert deps.service.renew_lease(item)  # marked, and the process died before Slack had the call

    restart(deps)

    assert len(posts(fake_slack, "D1")) == 1 and row(deps, Kind.REPLY)["state"] == State.DELIVERED


def test_the_reply_to_an_urgent_question_is_sent_again_rather_than_risk_losing_it(deps, fake_slack):
    deps.service.ask(URGENT, "U1", Where("dm", "D1", "1.0", "1.0"), reply={})
    die_while_sending(deps, Kind.REPLY)

    restart(deps)

    replies = posts(fake_slack, "D1")
    assert len(replies) == 2 and "999" in json.dumps(replies[1].body)
    assert row(deps, Kind.REPLY)["state"] == State.DELIVERED


def test_a_card_in_flight_is_posted_again_saying_an_earlier_copy_may_be_in_the_channel(deps, fake_slack):
    result = deps.service.ask(URGENT, "U1", Where("dm", "D1", "1.0", "1.0"), escalate=True)
    die_while_sending(deps, Kind.ADVISOR_CARD)
    (first,) = posts(fake_slack, "CADV")
    assert EARLIER_COPY not in json.dumps(first.body)

    restart(deps)

    cards = posts(fake_slack, "CADV")
    assert len(cards) == 2
    again = json.dumps(cards[1].body)
    assert "earlier copy of it may be in the channel" in again and "<!here>" in again  # the page is never lost
    assert deps.service.escalation(result.escalation.id).advisor_ts  # the new card is the one kept up to date


def test_an_advisors_answer_in_flight_is_sent_again_rather_than_lost(deps, fake_slack):
    result = deps.service.ask("zorblat the quuxified flimflam gizmo", "U1", Where("dm", "D1", "1.0", "1.0"),
                              escalate=True)
    while deliver_due(deps):
        pass
    deps.service.answer(result.escalation.id, "UADV", ADVISORS, "Yes: share the minimum and record why.")
    die_while_sending(deps, Kind.ADVISOR_ANSWER)

    restart(deps)

    assert len([c for c in posts(fake_slack, "D1") if "share the minimum" in json.dumps(c.body)]) == 2
    assert row(deps, Kind.ADVISOR_ANSWER)["state"] == State.DELIVERED
    assert not [c for c in posts(fake_slack, "CADV") if "cannot tell whether" in c.body.get("text", "")]


def test_an_item_a_dead_process_leased_but_had_not_begun_to_send_is_sent_once(deps, fake_slack):
    deps.service.ask("Do I need consent to share with the police?", "U1", Where("dm", "D1", "1.0", "1.0"),
                     reply={})
    deps.service.lease_owed(DEAD, 20)

    restart(deps)

    assert len(posts(fake_slack, "D1")) == 1 and row(deps, Kind.REPLY)["state"] == State.DELIVERED


def test_a_send_begun_by_a_process_elsewhere_is_sent_again_once_its_lease_runs_out(deps, fake_slack, clock):
    deps.service.ask("Do I need consent to share with the police?", "U1", Where("dm", "D1", "1.0", "1.0"),
                     reply={})
    die_while_sending(deps, Kind.REPLY)
    deps.service.take_over_leases(lambda owner: False)  # another machine's process: cannot tell it died
    assert deliver_due(deps) == 0 and row(deps, Kind.REPLY)["state"] == State.PENDING

    clock.seconds = LEASE.total_seconds() + 1
    restart(deps)

    assert len(posts(fake_slack, "D1")) == 2 and row(deps, Kind.REPLY)["state"] == State.DELIVERED


def test_a_digest_details_reply_in_flight_when_its_run_died_is_in_doubt_and_said_so(deps):
    week = "2026-W48"
    assert not deps.service.details_in_doubt(week)
    deps.service.store.owe(Kind.DIGEST_DETAILS, details_key(week, 1), payload={"week": week, "channel": "CDIG",
                                                                               "ts": "1.0"})
    (item,) = deps.service.lease_owed(DEAD, 20)
    assert deps.service.renew_lease(item)  # the run began to post it, then was killed

    deps.service.take_over_leases(dead)

    assert deps.service.details_in_doubt(week)
    assert deps.service.lease_owed_under(details_prefix(week), "next-run") is None  # not posted again
