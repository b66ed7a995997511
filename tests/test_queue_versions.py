"""Optimistic concurrency for the advisor queue (security test s9 M1): every card and App Home button and
every answer form carries the escalation's version; acting on one made before another advisor changed the
escalation is refused with what changed (the clicker's own changes are not), and an answer typed into a stale
form is shown back, not lost."""

import json

import test_slack_flows as flows
from slack_flow_fixtures import *  # noqa: F403 - the app's fixtures
from test_slack_flows import ADVISOR, ADVISOR_CHANNEL, ASKER, OTHER_ADVISOR

from bot.escalations import Stale
from bot.records import ANSWERED, CLAIMED, OPEN
from bot.service import Service
from bot.slack.blocks import ids
from bot.store import Store
from bot.store.versions import update_if_unchanged

import slack_harness as h


def card_value(fake_slack, action_id) -> str:
    """The value of ``action_id`` on the card as it was last posted or updated in the advisor channel."""
    posts = [c for c in fake_slack.calls() if c.method in ("chat.postMessage", "chat.update")
             and c.body.get("channel") == ADVISOR_CHANNEL and not c.body.get("thread_ts")]
    return flows.action_values(posts[-1].body["blocks"], action_id)[0]


def submit(app, metadata: dict, text: str, user=ADVISOR):
    return flows.send(app, h.view_submission_request(h.view_submission_payload(
        ids.ANSWER_MODAL, {ids.ANSWER_BLOCK: {ids.ANSWER_INPUT: text}}, json.dumps(metadata), user_id=user)))


def to_asker(fake_slack) -> str:
    return " ".join(flows.texts_of(c) for c in fake_slack.calls("chat.postMessage") if c.body.get("channel") != ADVISOR_CHANNEL)


def told(fake_slack) -> str:
    return " ".join(flows.texts_of(c) for c in fake_slack.calls() if c.method in ("chat.postEphemeral", "response_url"))


def test_a_stale_answer_form_is_refused_shown_again_with_the_answer_typed_and_sent_on_the_next_press(
        app, fake_slack, service):
    escalation = flows.escalate_a_mention(app, fake_slack, service)
    flows.click(app, fake_slack, ids.ANSWER_ACTION, card_value(fake_slack, ids.ANSWER_ACTION), user=ADVISOR,
          channel_id=ADVISOR_CHANNEL)  # A opens the form (and claims it)
    form = json.loads(fake_slack.last("views.open").body["view"]["private_metadata"])
    flows.click(app, fake_slack, ids.RELEASE, card_value(fake_slack, ids.RELEASE), user=OTHER_ADVISOR,
          channel_id=ADVISOR_CHANNEL)
    flows.click(app, fake_slack, ids.ANSWER_ACTION, card_value(fake_slack, ids.ANSWER_ACTION), user=OTHER_ADVISOR,
          channel_id=ADVISOR_CHANNEL)
    submit(app, json.loads(fake_slack.last("views.open").body["view"]["private_metadata"]),
           "B-ANSWER: do NOT share; refer to the DPO.", user=OTHER_ADVISOR)
    flows.click(app, fake_slack, ids.REOPEN, card_value(fake_slack, ids.REOPEN), user=OTHER_ADVISOR,
          channel_id=ADVISOR_CHANNEL)
    fake_slack.reset()

    response = json.loads(submit(app, form, "A-STALE: yes, share it all.").body)

    after = service.escalation(escalation.id)
    assert after.state == OPEN and after.answer.startswith("B-ANSWER") and "A-STALE" not in to_asker(fake_slack)
    assert response["response_action"] == "update"
    shown = json.dumps(response["view"])
    assert "A-STALE: yes, share it all." in shown  # what A typed, kept
    assert (f"released by <@{OTHER_ADVISOR}>, then claimed by <@{OTHER_ADVISOR}>, then answered by "
            f"<@{OTHER_ADVISOR}>, then reopened by <@{OTHER_ADVISOR}>") in shown and "It is now open" in shown
    again = json.loads(response["view"]["private_metadata"])
    assert again["version"] == after.version
    submit(app, again, "A, having read B's answer: do not share.")  # the next press sends it
    assert service.escalation(escalation.id).answer.startswith("A, having read") and "A, having read" in to_asker(fake_slack)


def test_a_stale_close_does_not_close_a_reopened_escalation(app, fake_slack, service):
    escalation = flows.escalate_a_mention(app, fake_slack, service)
    service.answer(escalation.id, ADVISOR, {ADVISOR}, "first answer")
    close = card_value(fake_slack, ids.CLOSE)  # the card as answered: Close, Reopen
    flows.click(app, fake_slack, ids.REOPEN, card_value(fake_slack, ids.REOPEN), user=OTHER_ADVISOR,
          channel_id=ADVISOR_CHANNEL)
    fake_slack.reset()
    flows.click(app, fake_slack, ids.CLOSE, close, user=ADVISOR, channel_id=ADVISOR_CHANNEL)
    assert service.escalation(escalation.id).state == OPEN and not to_asker(fake_slack)  # no "closed" notice
    assert f"reopened by <@{OTHER_ADVISOR}>" in told(fake_slack) and "nothing was done" in told(fake_slack)


def test_a_click_on_a_card_made_before_a_change_is_refused_even_when_the_state_is_back(app, fake_slack, service):
    escalation = flows.escalate_a_mention(app, fake_slack, service)
    old_claim = card_value(fake_slack, ids.CLAIM)
    flows.click(app, fake_slack, ids.CLAIM, old_claim, user=OTHER_ADVISOR, channel_id=ADVISOR_CHANNEL)
    flows.click(app, fake_slack, ids.RELEASE, card_value(fake_slack, ids.RELEASE), user=OTHER_ADVISOR,
          channel_id=ADVISOR_CHANNEL)
    fresh = card_value(fake_slack, ids.CLAIM)
    fake_slack.reset()
    flows.click(app, fake_slack, ids.CLAIM, old_claim, user=ADVISOR, channel_id=ADVISOR_CHANNEL)  # open again, but changed
    assert service.escalation(escalation.id).state == OPEN
    assert "claimed by" in told(fake_slack) and "released by" in told(fake_slack)
    flows.click(app, fake_slack, ids.CLAIM, fresh, user=ADVISOR, channel_id=ADVISOR_CHANNEL)
    assert service.escalation(escalation.id).claimed_by == ADVISOR


def test_app_home_buttons_carry_the_version_and_a_stale_one_is_refused(app, fake_slack, service):
    escalation = flows.escalate_a_mention(app, fake_slack, service)
    flows.send(app, h.event_request(h.app_home_opened_event(ADVISOR)))
    (claim,) = flows.action_values(fake_slack.last("views.publish").body["view"]["blocks"], ids.CLAIM)
    assert claim == f"{escalation.id}:0"
    service.claim(escalation.id, OTHER_ADVISOR, {OTHER_ADVISOR})
    service.release(escalation.id, OTHER_ADVISOR, {OTHER_ADVISOR})
    fake_slack.reset()
    flows.click_in_home(app, ids.CLAIM, claim, ADVISOR)
    told_in_home = " ".join(flows.texts_of(c) for c in fake_slack.calls() if c.method != "views.publish")
    assert service.escalation(escalation.id).state == OPEN and "released by" in told_in_home


def test_two_processes_sharing_one_database_cannot_both_act_on_one_version(faq, tmp_path):
    first, second = (Service(Store(tmp_path / "shared.db"), faq) for _ in range(2))
    escalation = first.ask("zorblat the quuxified flimflam gizmo", ASKER, escalate=True).escalation
    seen = second.escalation(escalation.id).version
    first.claim(escalation.id, ADVISOR, {ADVISOR}, seen=seen)
    try:
        second.close(escalation.id, OTHER_ADVISOR, {OTHER_ADVISOR}, seen=seen)
        raise AssertionError("a close on a version another process changed went through")
    except Stale as refusal:
        assert f"claimed by <@{ADVISOR}>" in str(refusal)
    assert second.escalation(escalation.id).state == CLAIMED
    # the UPDATE itself is guarded: a change decided on an older version writes nothing
    stale = second.escalation(escalation.id)
    first.answer(escalation.id, ADVISOR, {ADVISOR}, "an answer")
    with second.store.transaction() as db:
        assert not update_if_unchanged(db, stale, {"state": "closed"})
    assert first.escalation(escalation.id).state == ANSWERED


def test_a_stale_answer_click_is_refused_and_neither_claims_nor_opens_the_form(app, fake_slack, service):
    escalation = flows.escalate_a_mention(app, fake_slack, service)
    stale_answer = card_value(fake_slack, ids.ANSWER_ACTION)  # A's copy of the card, as it was first posted
    flows.click(app, fake_slack, ids.CLAIM, card_value(fake_slack, ids.CLAIM), user=OTHER_ADVISOR,
                channel_id=ADVISOR_CHANNEL)
    flows.click(app, fake_slack, ids.RELEASE, card_value(fake_slack, ids.RELEASE), user=OTHER_ADVISOR,
                channel_id=ADVISOR_CHANNEL)
    fake_slack.reset()
    flows.click(app, fake_slack, ids.ANSWER_ACTION, stale_answer, user=ADVISOR, channel_id=ADVISOR_CHANNEL)
    after = service.escalation(escalation.id)
    assert "nothing was done" in told(fake_slack) and f"released by <@{OTHER_ADVISOR}>" in told(fake_slack)
    assert after.state == OPEN and after.claimed_by is None and not fake_slack.calls("views.open")


def test_claim_then_answer_on_the_same_card_before_it_is_updated_opens_the_form(app, fake_slack, service):
    """The clicker's own change since the card was drawn (a slow chat.update) is no reason to refuse them."""
    escalation = flows.escalate_a_mention(app, fake_slack, service)
    answer_as_posted = card_value(fake_slack, ids.ANSWER_ACTION)
    flows.click(app, fake_slack, ids.CLAIM, card_value(fake_slack, ids.CLAIM), user=ADVISOR,
                channel_id=ADVISOR_CHANNEL)
    fake_slack.reset()
    flows.click(app, fake_slack, ids.ANSWER_ACTION, answer_as_posted, user=ADVISOR, channel_id=ADVISOR_CHANNEL)
    assert not told(fake_slack) and len(fake_slack.calls("views.open")) == 1
    form = json.loads(fake_slack.last("views.open").body["view"]["private_metadata"])
    assert form["version"] == service.escalation(escalation.id).version
    submit(app, form, "A's answer")
    assert service.escalation(escalation.id).state == ANSWERED and "A's answer" in to_asker(fake_slack)


def test_an_answer_click_with_another_advisors_change_among_the_clickers_own_is_refused(app, fake_slack, service):
    escalation = flows.escalate_a_mention(app, fake_slack, service)
    answer_as_posted = card_value(fake_slack, ids.ANSWER_ACTION)
    service.claim(escalation.id, ADVISOR, {ADVISOR})
    service.release(escalation.id, OTHER_ADVISOR, {OTHER_ADVISOR})
    service.claim(escalation.id, ADVISOR, {ADVISOR})
    fake_slack.reset()
    flows.click(app, fake_slack, ids.ANSWER_ACTION, answer_as_posted, user=ADVISOR, channel_id=ADVISOR_CHANNEL)
    assert f"released by <@{OTHER_ADVISOR}>" in told(fake_slack) and not fake_slack.calls("views.open")


def test_a_button_without_a_version_from_before_the_upgrade_is_taken_as_version_0(app, fake_slack, service):
    escalation = flows.escalate_a_mention(app, fake_slack, service)
    flows.submit_answer(app, escalation.id, "first answer")
    flows.click(app, fake_slack, ids.REOPEN, card_value(fake_slack, ids.REOPEN), user=OTHER_ADVISOR,
                channel_id=ADVISOR_CHANNEL)
    fake_slack.reset()
    flows.click_in_home(app, ids.CLOSE, str(escalation.id), ADVISOR)  # an App Home published before the upgrade
    to_clicker = " ".join(flows.texts_of(c) for c in fake_slack.calls("chat.postMessage")
                          if c.body.get("channel") == "D" + ADVISOR)
    assert service.escalation(escalation.id).state == OPEN and to_asker(fake_slack) == to_clicker  # no "closed"
    assert f"reopened by <@{OTHER_ADVISOR}>" in to_clicker and "nothing was done" in to_clicker
    unchanged = flows.escalate_a_mention(app, fake_slack, service, text="zorblat the other flimflam gizmo",
                                         ts="1700000000.000099")
    flows.click_in_home(app, ids.CLAIM, str(unchanged.id), ADVISOR)  # one nobody has acted on still works
    assert service.escalation(unchanged.id).claimed_by == ADVISOR


def reshown_after_another_advisor(app, fake_slack, then) -> dict:
    """A opens the form; B releases A's claim and does ``then``; A presses Send answer: the form shown again."""
    flows.click(app, fake_slack, ids.ANSWER_ACTION, card_value(fake_slack, ids.ANSWER_ACTION), user=ADVISOR,
                channel_id=ADVISOR_CHANNEL)
    form = json.loads(fake_slack.last("views.open").body["view"]["private_metadata"])
    flows.click(app, fake_slack, ids.RELEASE, card_value(fake_slack, ids.RELEASE), user=OTHER_ADVISOR,
                channel_id=ADVISOR_CHANNEL)
    then()
    response = json.loads(submit(app, form, "A's answer").body)
    assert response["response_action"] == "update"
    return response["view"]


def test_the_form_shown_again_says_press_again_only_when_pressing_again_can_send_it(app, fake_slack, service):
    escalation = flows.escalate_a_mention(app, fake_slack, service)

    def b_answers():
        flows.click(app, fake_slack, ids.ANSWER_ACTION, card_value(fake_slack, ids.ANSWER_ACTION),
                    user=OTHER_ADVISOR, channel_id=ADVISOR_CHANNEL)
        submit(app, json.loads(fake_slack.last("views.open").body["view"]["private_metadata"]), "B's answer",
               user=OTHER_ADVISOR)

    view = reshown_after_another_advisor(app, fake_slack, b_answers)
    notice = json.dumps(view["blocks"][0])
    assert f"answered by <@{OTHER_ADVISOR}>" in notice and "cannot be sent as things are" in notice
    assert "reopen it" in notice and "copy your answer" in notice
    flows.click(app, fake_slack, ids.REOPEN, card_value(fake_slack, ids.REOPEN), user=ADVISOR,
                channel_id=ADVISOR_CHANNEL)  # what the notice says: the advisor's own reopen...
    submit(app, json.loads(view["private_metadata"]), "A's answer")  # ...lets the next press send it
    assert service.escalation(escalation.id).answer == "A's answer"


def test_the_form_shown_again_after_another_advisors_claim_says_how_to_send_it(app, fake_slack, service):
    escalation = flows.escalate_a_mention(app, fake_slack, service)
    view = reshown_after_another_advisor(app, fake_slack, lambda: service.claim(escalation.id, OTHER_ADVISOR,
                                                                                  {OTHER_ADVISOR}))
    notice = json.dumps(view["blocks"][0])
    assert f"<@{OTHER_ADVISOR}> has claimed it" in notice and "release it" in notice
    service.release(escalation.id, OTHER_ADVISOR, {OTHER_ADVISOR})
    reshown = json.loads(submit(app, json.loads(view["private_metadata"]), "A's answer").body)["view"]
    assert "press *Send answer* again to send it" in json.dumps(reshown["blocks"][0])  # open now: it can
    submit(app, json.loads(reshown["private_metadata"]), "A's answer")
    assert service.escalation(escalation.id).answer == "A's answer"


def test_an_answer_click_taken_then_overtaken_before_its_form_opens_is_told_why_once(app, fake_slack, service,
                                                                                      monkeypatch):
    """The click claimed it; another advisor closed it before the form opened: the form used to open nothing and
    say nothing. Now the clicker is told, once, as for a refused click."""
    escalation = flows.escalate_a_mention(app, fake_slack, service)
    take = service.escalation_to_answer

    def taken_then_closed_by_another(*args, **kwargs):
        taken = take(*args, **kwargs)
        service.close(escalation.id, OTHER_ADVISOR, {OTHER_ADVISOR})
        return taken

    monkeypatch.setattr(service, "escalation_to_answer", taken_then_closed_by_another)
    fake_slack.reset()
    flows.click(app, fake_slack, ids.ANSWER_ACTION, flows.button_value(escalation), user=ADVISOR,
                channel_id=ADVISOR_CHANNEL)
    said = told(fake_slack)
    assert f"closed by <@{OTHER_ADVISOR}>" in said
    assert not fake_slack.calls("views.open")


def test_a_refused_answer_click_is_told_once(app, fake_slack, service):
    escalation = flows.escalate_a_mention(app, fake_slack, service)
    stale_answer = flows.button_value(escalation)
    service.claim(escalation.id, OTHER_ADVISOR, {OTHER_ADVISOR})
    fake_slack.reset()
    flows.click(app, fake_slack, ids.ANSWER_ACTION, stale_answer, user=ADVISOR, channel_id=ADVISOR_CHANNEL)
    refusals = [c for c in fake_slack.calls() if c.method in ("chat.postEphemeral", "response_url")]
    assert len(refusals) == 1 and not fake_slack.calls("views.open")
