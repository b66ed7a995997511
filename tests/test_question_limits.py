"""The limits the domain keeps are the limits the pop-ups offer (the house review, rv-house, finding 2):
a question as long as canishare takes goes through the Ask pop-up as it does by DM, one longer is
refused in the pop-up with the limit, and the answer box holds what the queue takes."""

import json

import pytest
import test_slack_flows as flows
from test_block_kit_limits import escalation
from test_slack_flows import ASKER, send, slash

from bot.escalations import ANSWER_MAX_CHARS
from bot.questions import MAX_QUESTION_CHARS
from bot.records import OPEN
from bot.slack.blocks import ids, modals
from bot.slack.blocks.kit import TEXT_INPUT_LIMIT, max_length

import slack_harness as h

service, deps, settings = flows.service, flows.deps, flows.settings

LONG = ("Can I share my worries about a child's attendance with the school nurse before the review meeting? "
        * 40)[:3500]


def input_element(view: dict, block_id: str) -> dict:
    return next(b for b in view["blocks"] if b.get("block_id") == block_id)["element"]


def submit_question(app, fake, text: str):
    slash(app, fake, " ")
    view = fake.last("views.open").body["view"]
    payload = h.view_submission_payload(ids.ASK_MODAL, {ids.QUESTION_BLOCK: {ids.QUESTION_INPUT: text}},
                                        view["private_metadata"], user_id=ASKER, view_id="VLONG")
    return send(app, h.view_submission_request(payload))


def test_a_question_longer_than_3000_characters_is_taken_by_the_pop_up_as_by_dm(app, fake_slack, service):
    assert 3000 < len(LONG) <= MAX_QUESTION_CHARS
    element = input_element(modals.ask_modal({}), ids.QUESTION_BLOCK)
    assert element.get("max_length", MAX_QUESTION_CHARS) >= MAX_QUESTION_CHARS  # Slack lets it be typed
    assert element.get("max_length", 0) <= TEXT_INPUT_LIMIT  # and opens the view
    response = submit_question(app, fake_slack, LONG)
    assert not response.body or json.loads(response.body).get("response_action") != "errors"
    asked_in_form = service.recent_questions(ASKER)[0][0].text
    send(app, h.event_request(h.dm_event(LONG, channel="D123", ts="1700000000.000050")))
    assert asked_in_form == service.recent_questions(ASKER)[0][0].text and len(asked_in_form) > 3000


def test_a_question_over_the_limit_is_refused_in_the_pop_up_with_the_limit(app, fake_slack, service):
    too_long = "Can I share this with the school? " * (MAX_QUESTION_CHARS // 30)
    response = json.loads(submit_question(app, fake_slack, too_long).body)
    assert response["response_action"] == "errors"
    assert f"{MAX_QUESTION_CHARS:,}" in response["errors"][ids.QUESTION_BLOCK]
    assert service.recent_questions(ASKER) == []


@pytest.mark.parametrize("limit", [1, TEXT_INPUT_LIMIT, TEXT_INPUT_LIMIT + 1])
def test_a_limit_slack_cannot_enforce_is_left_to_the_domain(limit):
    assert max_length(limit) == ({"max_length": limit} if limit <= TEXT_INPUT_LIMIT else {})


def test_the_answer_box_holds_what_the_queue_takes():
    element = input_element(modals.answer_modal(escalation(OPEN), [], {}), ids.ANSWER_BLOCK)
    assert element.get("max_length") == ANSWER_MAX_CHARS <= TEXT_INPUT_LIMIT
