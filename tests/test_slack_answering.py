"""Answering safely while the case moves: the Answer click claims the escalation, each owed answer
carries its own words, and a reopen withdraws what the earlier answer taught the matcher."""

from __future__ import annotations

import json

from slack_flow_fixtures import *  # noqa: F403 (the app's fixtures)
from test_slack_flows import (
    ADVISOR,
    ADVISOR_CHANNEL,
    OTHER_ADVISOR,
    button_value,
    click,
    click_in_home,
    escalate_a_mention,
    submit_answer,
    texts_of,
)

from bot.outbox import Kind
from bot.records import CLAIMED, OPEN
from bot.service import Service
from bot.slack.blocks import ids
from bot.slack.deliverer import SENDERS, deliver, deliver_due
from bot.store import Store


def answers_to_asker(fake) -> list[str]:
    return [texts_of(c) for c in fake.calls("chat.postMessage")
            if c.body.get("channel") == "C123" and c.status == 200 and "answered your question" in c.body["text"]]


def make_all_due(service) -> None:
    service.store.db.execute("update outbox set due_at = '2000-01-01T00:00:00+00:00' where state = 'pending'")
    service.store.db.conn.commit()


# finding 11: Answer claims an open escalation -------------------------------------------------------


def answer_while_slack_refuses(app, fake_slack, service, text):
    """An escalated mention answered while Slack refuses the relay (the thread, then the DM fallback)."""
    escalation = escalate_a_mention(app, fake_slack, service)
    fake_slack.reset()
    fake_slack.fail_next("chat.postMessage", times=2, status=503)
    submit_answer(app, escalation.id, text, user=ADVISOR)
    return escalation


def test_clicking_answer_on_an_open_escalation_claims_it_and_a_second_advisor_is_told_at_once(
        app, fake_slack, service):
    escalation = escalate_a_mention(app, fake_slack, service)
    fake_slack.reset()
    click(app, fake_slack, ids.ANSWER_ACTION, str(escalation.id), user=ADVISOR, channel_id=ADVISOR_CHANNEL)
    now = service.escalation(escalation.id)
    assert now.state == CLAIMED and now.claimed_by == ADVISOR
    assert f"Claimed* by <@{ADVISOR}>" in texts_of(fake_slack.last("chat.update"))
    assert len(fake_slack.calls("views.open")) == 1

    click(app, fake_slack, ids.ANSWER_ACTION, str(escalation.id), user=OTHER_ADVISOR, channel_id=ADVISOR_CHANNEL,
          response_url=fake_slack.response_url("second"))
    assert len(fake_slack.calls("views.open")) == 1  # no second pop-up to write in
    (told,) = [c.body for c in fake_slack.calls("response_url") if c.body["_name"] == "second"]
    assert f"claimed by <@{ADVISOR}>" in told["text"]


def test_the_claimer_clicking_answer_again_opens_the_pop_up_without_a_second_claim(app, fake_slack, service):
    escalation = escalate_a_mention(app, fake_slack, service)
    click(app, fake_slack, ids.CLAIM, str(escalation.id), user=ADVISOR, channel_id=ADVISOR_CHANNEL)
    fake_slack.reset()
    click(app, fake_slack, ids.ANSWER_ACTION, str(escalation.id), user=ADVISOR, channel_id=ADVISOR_CHANNEL)
    assert len(fake_slack.calls("views.open")) == 1 and fake_slack.calls("chat.update") == []
    assert fake_slack.calls("response_url") == []


def test_a_non_advisor_clicking_answer_claims_nothing(app, fake_slack, service):
    escalation = escalate_a_mention(app, fake_slack, service)
    click(app, fake_slack, ids.ANSWER_ACTION, str(escalation.id), user="U777", channel_id=ADVISOR_CHANNEL)
    assert service.escalation(escalation.id).state == OPEN


def test_clicking_answer_in_app_home_claims_it_and_refreshes_that_advisors_home(app, fake_slack, service):
    escalation = escalate_a_mention(app, fake_slack, service)
    fake_slack.reset()
    click_in_home(app, ids.ANSWER_ACTION, str(escalation.id), ADVISOR)
    assert len(fake_slack.calls("views.open")) == 1
    (home,) = [c.body for c in fake_slack.calls("views.publish")]
    assert home["user_id"] == ADVISOR
    assert f"claimed by <@{ADVISOR}>" in json.dumps(home["view"], ensure_ascii=False)


# finding 6: each owed answer carries its own words ---------------------------------------------------


def answer_states(service) -> list[str]:
    return [r["state"] for r in service.store.db.query("select state from outbox where kind = 'advisor_answer'"
                                                        " order by id")]


def reopen_and_answer_again(app, fake_slack, service, escalation):
    """Another advisor reopens the answered escalation, on its card as it is now, and answers it again."""
    click(app, fake_slack, ids.REOPEN, button_value(service.escalation(escalation.id)), user=OTHER_ADVISOR,
          channel_id=ADVISOR_CHANNEL)
    submit_answer(app, escalation.id, "SECOND: yes, share with the DSL today.", user=OTHER_ADVISOR,
                  version=service.escalation(escalation.id).version)


def test_an_answer_replaced_before_delivery_is_given_up_and_the_asker_gets_the_new_one_once(
        app, deps, fake_slack, service):
    escalation = answer_while_slack_refuses(app, fake_slack, service, "FIRST: do not share yet.")
    reopen_and_answer_again(app, fake_slack, service, escalation)
    make_all_due(service)
    while deliver_due(deps):
        pass
    (received,) = answers_to_asker(fake_slack)
    assert "SECOND" in received and f"<@{OTHER_ADVISOR}>" in received
    assert answer_states(service) == ["gave_up", "delivered"]


def test_an_answer_held_by_a_deliverer_when_replaced_is_never_sent_and_the_correction_waits_for_it(
        app, deps, fake_slack, service):
    escalation = answer_while_slack_refuses(app, fake_slack, service, "FIRST: do not share yet.")
    make_all_due(service)
    (held,) = [i for i in service.lease_owed("other:1") if i.kind.value == "advisor_answer"]
    reopen_and_answer_again(app, fake_slack, service, escalation)
    make_all_due(service)
    while deliver_due(deps):  # this process may not send the correction while the first is held
        pass
    assert answers_to_asker(fake_slack) == [] and answer_states(service) == ["pending", "pending"]
    assert deliver(deps, held) is False  # its holder comes to it: a later answer exists, so it gives up
    while deliver_due(deps):
        pass
    (received,) = answers_to_asker(fake_slack)
    assert "SECOND" in received and f"<@{OTHER_ADVISOR}>" in received
    assert answer_states(service) == ["gave_up", "delivered"]
    assert not any("could not deliver" in texts_of(c) for c in fake_slack.calls("chat.postMessage"))


def test_an_answer_whose_send_fails_while_it_is_replaced_is_never_retried(app, deps, fake_slack, service,
                                                                          monkeypatch):
    escalation = escalate_a_mention(app, fake_slack, service)
    real = SENDERS[Kind.ADVISOR_ANSWER]

    def replaced_while_sending(deps_, item):
        if "FIRST" in item.payload["answer"]:
            reopen_and_answer_again(app, fake_slack, service, escalation)
            fake_slack.fail_next("chat.postMessage", times=2, status=503)  # the thread, then the DM fallback
        return real(deps_, item)

    monkeypatch.setitem(SENDERS, Kind.ADVISOR_ANSWER, replaced_while_sending)
    fake_slack.reset()
    submit_answer(app, escalation.id, "FIRST: do not share yet.", user=ADVISOR)
    for _ in range(3):
        make_all_due(service)
        while deliver_due(deps):
            pass
    (received,) = answers_to_asker(fake_slack)
    assert "SECOND" in received
    assert answer_states(service) == ["gave_up", "delivered"]


def test_an_answer_owed_before_answers_carried_their_words_sends_the_escalations_answer(
        app, deps, fake_slack, service):
    answer_while_slack_refuses(app, fake_slack, service, "The only answer.")
    service.store.db.execute(
        "update outbox set payload = ? where kind = 'advisor_answer'", [json.dumps({"advisor": ADVISOR})])
    service.store.db.conn.commit()
    make_all_due(service)
    deliver_due(deps)
    (received,) = answers_to_asker(fake_slack)
    assert "The only answer." in received


# finding 7: reopening withdraws what the answer taught ----------------------------------------------


def test_reopening_withdraws_the_phrasing_its_answer_taught_and_a_new_answer_teaches_only_its_link(
        app, fake_slack, service):
    words = "can the wifi router leak our files to the council"
    escalation = escalate_a_mention(app, fake_slack, service, text=words)
    wrong, right = service.faq.entries[1].id, service.faq.entries[2].id
    submit_answer(app, escalation.id, "See the FAQ entry.", faq_id=wrong)
    assert service.matcher().match(escalation.question.text).entry.id == wrong

    click(app, fake_slack, ids.REOPEN, str(escalation.id), user=ADVISOR, channel_id=ADVISOR_CHANNEL)
    assert escalation.question.text not in service.store.learned_phrasings().get(wrong, [])
    match = service.matcher().match(escalation.question.text)
    assert match.entry is None or match.entry.id != wrong or match.decision != "answer"

    submit_answer(app, escalation.id, "See this entry instead.", faq_id=right)
    learned = service.store.learned_phrasings()
    assert escalation.question.text in learned[right] and escalation.question.text not in learned.get(wrong, [])


def test_reopening_an_answer_that_taught_nothing_changes_no_phrasing(app, fake_slack, service):
    taught = escalate_a_mention(app, fake_slack, service, text="can the wifi router leak our files to the council")
    submit_answer(app, taught.id, "See the FAQ entry.", faq_id=service.faq.entries[1].id)
    other = escalate_a_mention(app, fake_slack, service, text="zorblat quuxified gizmo", ts="1700000000.000050")
    submit_answer(app, other.id, "Not a sharing question.")
    click(app, fake_slack, ids.REOPEN, str(other.id), user=ADVISOR, channel_id=ADVISOR_CHANNEL)
    assert taught.question.text in service.store.learned_phrasings()[service.faq.entries[1].id]


def test_a_phrasing_withdrawn_and_another_learned_in_its_place_rebuilds_every_processs_matcher(
        app, fake_slack, service, tmp_path):
    other_process = Service(Store(tmp_path / "canishare.db"), service.faq)
    words = "can the wifi router leak our files to the council"
    escalation = escalate_a_mention(app, fake_slack, service, text=words)
    wrong, right = service.faq.entries[1].id, service.faq.entries[2].id
    submit_answer(app, escalation.id, "See the FAQ entry.", faq_id=wrong)
    assert other_process.matcher().match(escalation.question.text).entry.id == wrong
    assert service.matcher().match(escalation.question.text).entry.id == wrong

    click(app, fake_slack, ids.REOPEN, str(escalation.id), user=ADVISOR, channel_id=ADVISOR_CHANNEL)
    submit_answer(app, escalation.id, "See this entry instead.", faq_id=right)  # takes the withdrawn one's id
    for process in (other_process, service):
        assert process.matcher().match(escalation.question.text).entry.id == right


def test_the_learned_version_changes_when_a_phrasing_is_withdrawn_and_another_takes_its_id(service):
    versions = [service.store.learned_version()]
    service.store.add_learned_phrasing(service.faq.entries[1].id, "a phrasing", 7, ADVISOR)
    versions.append(service.store.learned_version())
    service.store.forget_learned_phrasing(7)
    service.store.add_learned_phrasing(service.faq.entries[2].id, "another phrasing", 7, ADVISOR)
    versions.append(service.store.learned_version())
    assert len(set(versions)) == 3
    service.store.forget_learned_phrasing(8)  # withdrew nothing
    assert service.store.learned_version() == versions[-1]


def test_the_learned_version_changes_when_the_asker_whose_words_taught_it_is_erased(app, fake_slack, service):
    escalation = escalate_a_mention(app, fake_slack, service, text="can the wifi router leak our files to the council")
    submit_answer(app, escalation.id, "See the FAQ entry.", faq_id=service.faq.entries[1].id)
    taught = service.store.learned_version()
    service.store.erase_person(escalation.question.asker)
    service.store.add_learned_phrasing(service.faq.entries[2].id, "another phrasing", None, ADVISOR)
    assert service.store.learned_version() != taught
