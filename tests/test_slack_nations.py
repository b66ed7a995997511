"""The nation an answer is for, through the Bolt app (signed requests in, the fake Slack out): a
nation the question places the asker in beats the workspace's default, never the asker's choice (a
mention adds that nation's note); a follow-up giving the nation updates it; the advisor's
card and answer modal show the asker's nation; an advisor's answer linked to an FAQ entry carries
that entry's nation lines; the text fallback leads with the nation warning."""

import json

import pytest
from slack_flow_fixtures import deps, no_retry_sleeps, settings  # noqa: F401 - fixtures, used by name
from test_slack_flows import ADVISOR, ADVISOR_CHANNEL, ASKER, click, escalate_a_mention, slash, submit_answer
from test_slack_follow_ups import THREAD, follow_up_in_thread

from bot.service import Service
from bot.slack.blocks import ids
from bot.store import Store

import slack_harness as h

SCOTTISH_CLARE = "I'm a police officer in Scotland: can we share a perpetrator's history under Clare's law?"
WELSH_CONSENT = ("Housing officer in Wales: the parents have refused consent - can I still pass my worries about "
                 "their child to children's social care?")
ENGLAND_ONLY_QUESTION = ("Isn't safeguarding children just children's social care's job, with other agencies "
                         "passing on referrals only if they choose to?")


@pytest.fixture
def service(faq, tmp_path):
    return Service(Store(tmp_path / "canishare.db"), faq, default_nation="england")  # as the README advises


def reply(fake_slack) -> dict:
    return fake_slack.last("response_url").body


def test_a_nation_named_in_the_question_beats_the_workspace_default(app, fake_slack):
    slash(app, fake_slack, WELSH_CONSENT)
    blocks = json.dumps(reply(fake_slack)["blocks"], ensure_ascii=False)
    assert "*Wales:* In Wales" in blocks and "Social Services and Well-being (Wales) Act 2014" in blocks
    assert "Your question names Wales, so this answer is given for Wales (this workspace's default" in blocks
    assert "reflects the law of all four UK nations" not in blocks


def test_a_named_nation_where_the_entry_does_not_hold_warns_first(app, fake_slack):
    slash(app, fake_slack, SCOTTISH_CLARE)
    body = reply(fake_slack)
    first = next(b for b in body["blocks"] if b["type"] == "section")
    assert first["text"]["text"].startswith(":warning: *This answer does not hold in Scotland")
    assert "Management of Offenders etc. (Scotland) Act 2005" in first["text"]["text"]
    assert body["text"].startswith("This answer does not hold in Scotland")


def choose_nation(app, nation, user=ASKER):
    payload = h.block_action_payload(ids.HOME_NATION, nation, user_id=user)
    payload["actions"][0] = {"action_id": ids.HOME_NATION, "block_id": "nation", "type": "static_select",
                             "selected_option": {"value": nation}}
    for key in ("channel", "message", "response_url"):
        payload.pop(key)
    payload["container"] = {"type": "view", "view_id": "VHOME"}
    payload["view"] = {"id": "VHOME", "type": "home", "private_metadata": "", "blocks": []}
    h.dispatch(app, h.action_request(payload))


def escalate_from_northern_ireland(app, fake_slack, service):
    choose_nation(app, "northern-ireland")
    slash(app, fake_slack, "Keyworker: zorblat the quuxified flimflam gizmo")
    click(app, fake_slack, ids.ESCALATE, str(service.recent_questions(ASKER)[0][0].id))
    return service.queue()[-1]


def test_the_advisor_card_and_answer_modal_show_the_askers_nation(app, fake_slack, service):
    escalation = escalate_from_northern_ireland(app, fake_slack, service)
    card = next(c for c in fake_slack.calls("chat.postMessage") if c.body.get("channel") == ADVISOR_CHANNEL)
    assert "*Asker's nation:* Northern Ireland (chosen on App Home)" in json.dumps(card.body)
    click(app, fake_slack, ids.ANSWER_ACTION, str(escalation.id), user=ADVISOR, channel_id=ADVISOR_CHANNEL,
          trigger_id="trigger-answer")
    modal = fake_slack.last("views.open").body["view"]
    assert "*Asker's nation:* Northern Ireland (chosen on App Home)" in json.dumps(modal)


def test_an_advisor_answer_linked_to_an_entry_carries_its_nation_lines(app, fake_slack, service, faq):
    escalation = escalate_from_northern_ireland(app, fake_slack, service)
    click(app, fake_slack, ids.CLAIM, str(escalation.id), user=ADVISOR, channel_id=ADVISOR_CHANNEL)
    submit_answer(app, escalation.id, "Yes - refer to children's social care and record it.",
                  faq_id="children-act-2004-duties")
    relayed = [c.body for c in fake_slack.calls("chat.postMessage") if c.body.get("channel") == f"D{ASKER}"][-1]
    texts = [b["text"]["text"] for b in relayed["blocks"] if b["type"] == "section"]
    assert texts[1].startswith(":warning: *This answer does not hold in Northern Ireland")
    assert "What applies in Northern Ireland instead" in texts[1]
    assert "refer to children's social care" in texts[2]  # the advisor's answer comes after the warning
    assert relayed["text"].startswith("An advisor has answered your question (escalation #1):\n"
                                      "This answer does not hold in Northern Ireland")


def test_the_text_fallback_of_an_answer_leads_with_the_warning(app, fake_slack):
    choose_nation(app, "wales")
    slash(app, fake_slack, ENGLAND_ONLY_QUESTION)
    body = reply(fake_slack)
    assert body["text"].startswith("This answer does not hold in Wales: it is written for England only.")


def test_a_nation_the_question_only_mentions_does_not_override_the_askers_choice(app, fake_slack, service):
    choose_nation(app, "england")
    slash(app, fake_slack, ENGLAND_ONLY_QUESTION + " Our Scottish colleagues think so.")
    body = reply(fake_slack)
    assert not body["text"].startswith("This answer does not hold")  # the asker's own answer holds there
    blocks = json.dumps(body["blocks"], ensure_ascii=False)
    assert ":warning: Your question names Scotland. This answer does not hold in Scotland" in blocks
    assert "Your nation is England (chosen on my Home tab). Your question names Scotland, so what differs" in blocks


def test_a_town_places_the_asker_and_warns_first(app, fake_slack):
    slash(app, fake_slack, "I'm a keyworker in Belfast: " + ENGLAND_ONLY_QUESTION)
    assert reply(fake_slack)["text"].startswith("This answer does not hold in Northern Ireland")


def test_a_follow_up_that_gives_the_nation_updates_the_card_modal_and_relayed_answer(app, fake_slack, service):
    escalation = escalate_a_mention(app, fake_slack, service)
    follow_up_in_thread(app, "Forgot to say: we're in Wales, I'm a housing officer for a Welsh council.")
    assert "*Asker's nation:* Wales (named in the question)" in json.dumps(fake_slack.last("chat.update").body)
    click(app, fake_slack, ids.CLAIM, str(escalation.id), user=ADVISOR, channel_id=ADVISOR_CHANNEL)
    click(app, fake_slack, ids.ANSWER_ACTION, str(escalation.id), user=ADVISOR, channel_id=ADVISOR_CHANNEL,
          trigger_id="trigger-answer")
    assert "*Asker's nation:* Wales (named in the question)" in json.dumps(fake_slack.last("views.open").body)
    fake_slack.reset()
    submit_answer(app, escalation.id, "Yes - refer to children's social care and record it.",
                  faq_id="children-act-2004-duties")
    relayed = [c.body for c in fake_slack.calls("chat.postMessage") if c.body.get("thread_ts") == THREAD][-1]
    assert relayed["text"].split("\n", 1)[1].startswith("This answer does not hold in Wales")


def card_updates(fake_slack) -> list[str]:
    return [json.dumps(c.body, ensure_ascii=False) for c in fake_slack.calls("chat.update")]


def test_a_follow_up_contradicting_the_askers_choice_shows_both_to_advisor_and_asker(app, fake_slack, service):
    choose_nation(app, "scotland")
    escalation = escalate_a_mention(app, fake_slack, service)
    follow_up_in_thread(app, "Sorry, I should have said: we're a Welsh council, so it's Wales")
    conflict = ("*Asker's nation unclear.* Asker's setting: Scotland (chosen on App Home); in a follow-up they say "
                "Wales. Make sure your answer holds in both")
    assert conflict in card_updates(fake_slack)[-1]
    click(app, fake_slack, ids.ANSWER_ACTION, str(escalation.id), user=ADVISOR, channel_id=ADVISOR_CHANNEL,
          trigger_id="trigger-answer")
    assert conflict in json.dumps(fake_slack.last("views.open").body, ensure_ascii=False)
    fake_slack.reset()
    submit_answer(app, escalation.id, "Yes - refer to children's social care and record it.",
                  faq_id="children-act-2004-duties")
    relayed = json.dumps([c.body for c in fake_slack.calls("chat.postMessage") if c.body.get("thread_ts") == THREAD][-1],
                         ensure_ascii=False)
    assert "This answer does not hold in Scotland" in relayed and "What applies in Scotland instead" in relayed
    assert "This answer does not hold in Wales" in relayed and "What applies in Wales instead" in relayed
    assert "Your nation on my Home tab is Scotland, but you said you are in Wales" in relayed


def test_changing_nation_on_app_home_updates_the_cards_of_escalations_still_queued(app, fake_slack, service):
    choose_nation(app, "scotland")
    escalation = escalate_a_mention(app, fake_slack, service)
    fake_slack.reset()
    choose_nation(app, "wales")
    (update,) = card_updates(fake_slack)
    assert f"Escalation #{escalation.id}" in update and "*Asker's nation:* Wales (chosen on App Home)" in update
    fake_slack.reset()
    choose_nation(app, "wales")  # no change: no update
    assert card_updates(fake_slack) == []
    click(app, fake_slack, ids.CLAIM, str(escalation.id), user=ADVISOR, channel_id=ADVISOR_CHANNEL)
    submit_answer(app, escalation.id, "You may share.")
    fake_slack.reset()
    choose_nation(app, "england")  # answered: out of the queue, its card is left as it was answered
    assert card_updates(fake_slack) == []
