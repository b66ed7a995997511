"""Erasing someone whose Slack id is in a message owed to another person (an advisor's answer still on its way to
the asker, a notice naming them): the message still goes, with a pseudonym in place of their id; and the cards
that name an erased advisor are updated to say "a former advisor"."""

import json

import pytest
from test_slack_flows import ADVISOR, ADVISOR_CHANNEL, ASKER, OTHER_ADVISOR, settings  # noqa: F401 - a fixture

from bot.mrkdwn import FORMER_ADVISOR
from bot.outbox import Kind
from bot.records import Where
from bot.service import Service
from bot.slack.deliverer import deliver_due, deliver_inline
from bot.slack.deps import assemble
from bot.store import Store

import slack_harness as h

ADVISORS = {ADVISOR, OTHER_ADVISOR}
QUESTION = "zorblat gizmo about a pupil, can I share?"
ANSWER = "Yes: share the minimum with the DSL."


@pytest.fixture
def service(faq, tmp_path):
    return Service(Store(tmp_path / "canishare.db"), faq)


def slack_for(service, fake_slack, settings):  # noqa: F811 - the fixture's value
    fake_slack.set_members(ADVISOR_CHANNEL, sorted(ADVISORS))
    return assemble(settings, service, client=h.web_client(fake_slack))


def everything_sent(fake_slack) -> str:
    return json.dumps([call.body for call in fake_slack.calls()], ensure_ascii=False)


def answered_while_slack_is_down(service):
    """The repro: nothing is delivered (no deliverer runs, as in a Slack outage) while UADV1 claims and answers."""
    asked = service.ask(QUESTION, ASKER, Where("dm", "D1", None, "1.1"), escalate=True)
    service.claim(asked.escalation.id, ADVISOR, ADVISORS)
    service.answer(asked.escalation.id, ADVISOR, ADVISORS, ANSWER)
    return asked.escalation


def test_an_answer_owed_to_the_asker_survives_erasing_its_advisor(service, fake_slack, settings):  # noqa: F811
    escalation = answered_while_slack_is_down(service)
    counts = service.erase(ADVISOR)

    deps = slack_for(service, fake_slack, settings)
    while deliver_due(deps):  # Slack is back: the deliverer runs
        pass

    to_asker = [c for c in fake_slack.calls("chat.postMessage") if c.body.get("channel") == "D1"]
    assert any(ANSWER in json.dumps(c.body) for c in to_asker), "the asker never got the advisor's answer"
    sent = everything_sent(fake_slack)
    assert ADVISOR not in sent and counts["pseudonym"] not in sent and "<@erased" not in sent
    assert FORMER_ADVISOR in json.dumps([c.body for c in to_asker])  # "Answered by a former advisor"
    assert service.escalation(escalation.id).answered_by == counts["pseudonym"]
    assert service.store.db["outbox"].count_where("state = 'pending'") == 0


@pytest.mark.parametrize("kind, payload, renamed", [
    (Kind.ADVISOR_ANSWER, {"advisor": ADVISOR, "answer": ANSWER}, {"advisor": "PSEUDONYM", "answer": ANSWER}),
    (Kind.REPLY, {"to": ASKER, "post_by": ADVISOR}, {"to": ASKER, "post_by": "PSEUDONYM"}),
    (Kind.NOTICE, {"to": OTHER_ADVISOR, "text": f"Escalation #1 is claimed by <@{ADVISOR}>."},
     {"to": OTHER_ADVISOR, "text": "Escalation #1 is claimed by someone."}),
    (Kind.NOTICE, {"to": OTHER_ADVISOR, "names": [ADVISOR, f"{ADVISOR}2"], "mention": f"<@{ADVISOR}|kim>"},
     {"to": OTHER_ADVISOR, "names": ["PSEUDONYM", f"{ADVISOR}2"], "mention": "someone"}),
])
def test_a_message_owed_to_someone_else_keeps_going_with_the_pseudonym(service, kind, payload, renamed):
    service.store.owe(kind, "owed-to-another", payload=payload)
    service.store.owe(Kind.NOTICE, "owed-to-them", payload={"to": ADVISOR, "text": "for them"})
    counts = service.erase(ADVISOR)
    owed = {row["key"]: json.loads(row["payload"]) for row in service.store.db["outbox"].rows}
    assert "owed-to-them" not in owed and counts["owed_to_them"] == 1
    expected = json.loads(json.dumps(renamed).replace("PSEUDONYM", counts["pseudonym"]))
    assert owed["owed-to-another"] == expected


@pytest.mark.parametrize("about", ["undelivered", "uncertain"])
def test_the_warning_that_an_erased_advisors_answer_may_not_have_arrived_still_reaches_the_other_advisors(
        service, about):
    service.store.owe(Kind.NOTICE, "warning", escalation_id=1, payload={"to": ADVISOR, "about": about, "error": "x"})
    counts = service.erase(ADVISOR)
    [row] = service.store.db["outbox"].rows
    assert json.loads(row["payload"])["to"] == counts["pseudonym"] and counts["owed_to_them"] == 0


def test_a_message_to_someone_whose_id_starts_like_theirs_is_not_touched(service):
    service.store.owe(Kind.NOTICE, "for-uadv12", payload={"to": f"{ADVISOR}2", "text": "hello"})
    service.erase(ADVISOR)
    assert json.loads(service.store.db["outbox"].get(1)["payload"]) == {"to": f"{ADVISOR}2", "text": "hello"}


def test_erasing_an_advisor_updates_the_cards_that_name_them(service, fake_slack, settings):  # noqa: F811
    deps = slack_for(service, fake_slack, settings)
    deliver_inline(deps)
    claimed = service.ask(QUESTION, ASKER, Where("dm", "D1", None, "1.1"), escalate=True).escalation
    service.claim(claimed.id, ADVISOR, ADVISORS)
    answered = service.ask("flimflam quux about a parent, can I share?", "U555", Where("dm", "D5", None, "5.1"),
                           escalate=True).escalation
    service.claim(answered.id, ADVISOR, ADVISORS)
    service.answer(answered.id, ADVISOR, ADVISORS, ANSWER)
    untouched = service.ask("wibble quux about a carer, can I share?", "U556", Where("dm", "D6", None, "6.1"),
                            escalate=True).escalation
    fake_slack.reset()

    counts = service.erase(ADVISOR)

    assert counts["card_updates"] == 2
    updated = {c.body["ts"]: json.dumps(c.body, ensure_ascii=False) for c in fake_slack.calls("chat.update")}
    cards = {e.id: service.escalation(e.id).advisor_ts for e in (claimed, answered, untouched)}
    assert set(updated) == {cards[claimed.id], cards[answered.id]}
    for text in updated.values():
        assert ADVISOR not in text and "<@erased" not in text and FORMER_ADVISOR in text
    assert service.escalation(claimed.id).claimed_by == counts["pseudonym"]  # still claimed: any advisor may release
