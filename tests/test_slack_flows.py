"""The Slack flows end to end through the Bolt app: signed requests in, recorded Web API calls out.

No network: the Web API is tests/slack_harness.FakeSlack on 127.0.0.1, and every request from
"Slack" is signed with the test signing secret and dispatched through ``app.dispatch``.
"""

import dataclasses
import datetime as dt
import http.client
import json
import logging
import socket
import threading
import urllib.error
from types import SimpleNamespace

import pytest
from slack_sdk.http_retry import builtin_handlers, handler

from bot.config import Settings
from bot.matching import ANSWER, SUGGEST, Match, Scored
from bot.mrkdwn import escape_user_text
from bot.policy_copy import DISCLAIMER
from bot.records import ANSWERED, CLAIMED, CLOSED, HELPFUL, NOT_HELPFUL, OPEN
from bot.service import Service
from bot.slack import create_app
from bot.slack.blocks import ids
from bot.slack.blocks.advisor_card import reminder_message
from bot.slack.deliverer import deliver_due, deliver_inline, never_reached_slack
from bot.slack.deps import assemble
from bot.slack.queue_keeper import look_after_queue
from bot.store import Store
from bot.times import stored, utc_now

import slack_harness as h

ADVISOR_CHANNEL = "CADV"
ADVISOR, OTHER_ADVISOR, ASKER, STRANGER = "UADV1", "UADV2", "U123", "U777"

# Decisions depend on the FAQ and the matcher's tuning, which change; the tests that need a given
# decision get it robustly: the FAQ's own question for an answer, words no entry knows for an
# escalation, and a stubbed match for suggestions.
ANSWERED_QUESTION = "Do I need consent to share with the police?"  # any question: the decision doesn't matter
UNKNOWN_QUESTION = "zorblat the quuxified flimflam gizmo"  # no FAQ entry shares a word with it
URGENT_QUESTION = "Can I share information about a child at risk tonight?"


@pytest.fixture(autouse=True)
def no_retry_sleeps(monkeypatch):
    """slack_sdk's retry handlers honour Retry-After by sleeping; the tests don't wait."""
    slept = []
    monkeypatch.setattr(builtin_handlers, "time", SimpleNamespace(sleep=slept.append))
    monkeypatch.setattr(handler, "time", SimpleNamespace(sleep=slept.append))
    return slept


@pytest.fixture
def service(faq, tmp_path):
    return Service(Store(tmp_path / "canishare.db"), faq)


@pytest.fixture
def entry(service):
    """An FAQ entry whose own question the matcher answers (with that entry)."""
    for candidate in service.faq.entries:
        match = service.matcher().match(candidate.question)
        if match.decision == ANSWER and match.entry.id == candidate.id:
            return candidate
    pytest.fail("the matcher answers none of the FAQ's own questions")


class SuggestingMatcher:
    """Stands in for the matcher: suggests the first three FAQ entries, whatever is asked."""

    def __init__(self, faq):
        self.entries = tuple(faq.entries[:3])

    def match(self, question):
        ranked = tuple(Scored(e, 35.0 - n) for n, e in enumerate(self.entries))
        return Match(SUGGEST, 35.0, ranked, self.entries)


@pytest.fixture
def settings():
    return Settings(bot_token=h.TEST_BOT_TOKEN, signing_secret=h.TEST_SIGNING_SECRET, advisor_channel=ADVISOR_CHANNEL)


@pytest.fixture
def deps(fake_slack, service, settings):
    fake_slack.set_members(ADVISOR_CHANNEL, [ADVISOR, OTHER_ADVISOR])
    deps = assemble(settings, service, client=h.web_client(fake_slack))
    deliver_inline(deps)  # what is owed is sent before the request returns, so tests can look at once
    return deps



# helpers -----------------------------------------------------------------------------------------


def send(app, req):
    response = h.dispatch(app, req)
    assert response.status == 200, (response.status, response.body)
    return response


def click(app, fake, action_id, value, user=ASKER, **kwargs):
    kwargs.setdefault("response_url", fake.response_url("click"))
    return send(app, h.action_request(h.block_action_payload(action_id, value, user_id=user, **kwargs)))


def click_in_home(app, action_id, value, user):
    payload = h.block_action_payload(action_id, value, user_id=user)
    for key in ("channel", "message", "response_url"):
        payload.pop(key)
    payload["container"] = {"type": "view", "view_id": "VHOME"}
    payload["view"] = {"id": "VHOME", "type": "home", "private_metadata": "", "blocks": []}
    return send(app, h.action_request(payload))


def mention(app, text, ts="1700000000.000001", user=ASKER, thread_ts=None, **kwargs):
    event = h.app_mention_event(f"<@{h.BOT_USER_ID}> {text}", user=user, ts=ts, thread_ts=thread_ts)
    return send(app, h.event_request(event, **kwargs))


def slash(app, fake, text, user=ASKER, name="cmd"):
    return send(app, h.command_request(text=text, user_id=user, response_url=fake.response_url(name)))


def texts_of(call) -> str:
    return json.dumps(call.body, ensure_ascii=False)


def action_values(message_blocks, action_id) -> list[str]:
    values = []
    for block in message_blocks:
        values += [e["value"] for e in block.get("elements", []) if e.get("action_id") == action_id]
        if block.get("accessory", {}).get("action_id") == action_id:
            values.append(block["accessory"]["value"])
    return values


def advisor_posts(fake):
    return [c for c in fake.calls("chat.postMessage") if c.body.get("channel") == ADVISOR_CHANNEL
            and not c.body.get("thread_ts") and c.status == 200]


def later(deps, **delta):
    """The same dependencies, with a clock that far ahead."""
    return dataclasses.replace(deps, now=lambda: deps.now() + dt.timedelta(**delta))


def only_question_id(service, asker=ASKER) -> int:
    (question, _), *rest = service.recent_questions(asker)
    return question.id


# security and robustness ---------------------------------------------------------------------------


def test_bad_signature_is_refused_with_401_and_nothing_happens(app, fake_slack, service):
    bad = h.with_bad_signature(h.command_request(text=ANSWERED_QUESTION, response_url=fake_slack.response_url()))
    assert h.dispatch(app, bad).status == 401
    stale = h.event_request(h.dm_event(ANSWERED_QUESTION), timestamp=1_000_000)
    assert h.dispatch(app, stale).status == 401
    assert fake_slack.calls() == [] and service.recent_questions(ASKER) == []


def test_url_verification_is_answered(app):
    response = h.dispatch(app, h.url_verification_request("abc"))
    assert response.status == 200 and "abc" in response.body


def test_a_retried_event_is_acknowledged_and_answered_once(app, fake_slack, service):
    first = h.event_request(h.app_mention_event(f"<@UBOT> {ANSWERED_QUESTION}"), event_id="Ev-same")
    retry = h.event_request(h.app_mention_event(f"<@UBOT> {ANSWERED_QUESTION}"), event_id="Ev-same", retry_num=1)
    assert h.dispatch(app, first).status == 200
    assert h.dispatch(app, retry).status == 200
    assert len(fake_slack.calls("chat.postMessage")) == 1
    assert len(service.recent_questions(ASKER)) == 1


def test_rate_limited_reply_is_retried(app, fake_slack, no_retry_sleeps):
    fake_slack.fail_next("chat.postMessage", times=2)  # HTTP 429, Retry-After: 1
    mention(app, ANSWERED_QUESTION)
    assert [c.status for c in fake_slack.calls("chat.postMessage")] == [429, 429, 200]
    assert len(no_retry_sleeps) == 2 and all(1 <= s < 2 for s in no_retry_sleeps)


def test_unexpected_error_is_logged_without_the_question_and_the_person_is_told(
        app, fake_slack, service, monkeypatch, caplog):
    secret_words = "Can I share Jake Smith's diagnosis with his school?"

    def broken(*args, **kwargs):
        raise RuntimeError("database is locked")

    monkeypatch.setattr(service, "ask", broken)
    caplog.set_level(logging.DEBUG)
    mention(app, secret_words)
    slash(app, fake_slack, secret_words)

    assert "Jake" not in caplog.text and "diagnosis" not in caplog.text
    assert "listener failed on event_callback/app_mention: RuntimeError" in caplog.text
    reply = fake_slack.last("chat.postMessage").body
    assert reply["thread_ts"] == "1700000000.000001" and "nothing was saved" in reply["text"]
    assert "Something went wrong" in fake_slack.last("response_url").body["text"]


def test_a_database_that_cannot_be_written_is_said_plainly(app, fake_slack, service, monkeypatch):
    import sqlite3

    def read_only(*args, **kwargs):
        raise sqlite3.OperationalError("attempt to write a readonly database")

    monkeypatch.setattr(service.store, "add_question", read_only)
    mention(app, "Do I need consent to share with the police?")
    reply = fake_slack.last("chat.postMessage").body["text"]
    assert "could not save" in reply and "nothing was kept" in reply and "kept." not in reply.split("nothing")[0]
    assert service.store.questions() == []


def test_nothing_typed_becomes_a_mention_or_broadcast_anywhere(app, fake_slack, service):
    nasty = "<!channel> <!here> <!everyone> <@U999> @here @channel @everyone <!subteam^S1|@advisors> can I share this?"
    mention(app, nasty)
    question_id = only_question_id(service)
    click(app, fake_slack, ids.ESCALATE, str(question_id))
    slash(app, fake_slack, nasty)
    send(app, h.event_request(h.dm_event(nasty)))
    send(app, h.shortcut_request(h.message_shortcut_payload("ask_canishare", message_text=nasty,
                                                            response_url=fake_slack.response_url("sc"))))
    escalation = service.escalate(question_id, ASKER)[0]
    click(app, fake_slack, ids.CLAIM, str(escalation.id), user=ADVISOR, channel_id=ADVISOR_CHANNEL)
    submit_answer(app, escalation.id, "Tell @here and <!channel> about it, cc <@U999>")

    sent = [c for c in fake_slack.calls() if c.method in ("chat.postMessage", "chat.postEphemeral", "chat.update",
                                                          "response_url", "views.publish", "views.open")]
    assert len(sent) >= 8
    for call in sent:
        body = texts_of(call)
        for forbidden in ("<!channel>", "<!here>", "<!everyone>", "<@U999>", "<!subteam", "@here", "@channel",
                          "@everyone"):
            assert forbidden not in body, (call.method, forbidden, body)


# asking ------------------------------------------------------------------------------------------


def test_slash_command_answers_privately_with_the_answer_message(app, fake_slack, service, entry):
    slash(app, fake_slack, entry.question)

    assert fake_slack.calls("chat.postMessage") == []  # no channel spam
    reply = fake_slack.last("response_url").body
    assert reply["response_type"] == "ephemeral"
    text = json.dumps(reply["blocks"], ensure_ascii=False)
    assert entry.legal_basis[0] in text and DISCLAIMER in text and "Last reviewed" in text
    question = service.recent_questions(ASKER)[0][0]
    assert question.where.source == "command" and question.where.channel == "C123"
    assert action_values(reply["blocks"], ids.HELPFUL) == [f"{question.id}|{entry.id}"]
    assert action_values(reply["blocks"], ids.ESCALATE) == [str(question.id)]


def test_slash_command_without_text_opens_a_modal_whose_answer_comes_back_privately(app, fake_slack, service, entry):
    slash(app, fake_slack, "   ")
    view = fake_slack.last("views.open").body["view"]
    assert view["callback_id"] == ids.ASK_MODAL and service.recent_questions(ASKER) == []

    empty = h.view_submission_payload(ids.ASK_MODAL, {"question": {"text": " "}}, view["private_metadata"])
    response = send(app, h.view_submission_request(empty))
    assert json.loads(response.body)["response_action"] == "errors"

    filled = h.view_submission_payload(ids.ASK_MODAL, {"question": {"text": entry.question}},
                                       view["private_metadata"])
    send(app, h.view_submission_request(filled))
    assert fake_slack.last("response_url").body["_name"] == "cmd"
    assert "Legal basis" in texts_of(fake_slack.last("response_url"))
    assert service.recent_questions(ASKER)[0][0].where.source == "command"


def test_direct_message_is_answered_in_the_dm_and_bots_and_edits_are_ignored(app, fake_slack, service, entry):
    send(app, h.event_request(h.dm_event(entry.question, channel="D123", ts="1700000000.000050")))
    reply = fake_slack.last("chat.postMessage").body
    assert reply["channel"] == "D123" and "thread_ts" not in reply and "Legal basis" in texts_of(
        fake_slack.last("chat.postMessage"))
    where = service.recent_questions(ASKER)[0][0].where
    assert (where.source, where.channel, where.thread_ts) == ("dm", "D123", "1700000000.000050")

    fake_slack.reset()
    send(app, h.event_request({**h.dm_event("edited"), "subtype": "message_changed"}))
    send(app, h.event_request({**h.dm_event("from a bot"), "bot_id": "B999"}))
    send(app, h.event_request(h.dm_event("my own reply", user=h.BOT_USER_ID)))
    assert fake_slack.calls("chat.postMessage") == [] and len(service.recent_questions(ASKER)) == 1


def test_mention_is_answered_in_its_thread(app, fake_slack, service):
    mention(app, ANSWERED_QUESTION, ts="1700000000.000010")
    assert fake_slack.last("chat.postMessage").body["thread_ts"] == "1700000000.000010"
    mention(app, ANSWERED_QUESTION, ts="1700000000.000020", thread_ts="1700000000.000005")
    assert fake_slack.last("chat.postMessage").body["thread_ts"] == "1700000000.000005"
    assert service.recent_questions(ASKER)[0][0].text == ANSWERED_QUESTION  # the bot's own mention removed


def test_empty_mention_explains_how_to_ask(app, fake_slack, service):
    mention(app, "")
    told = fake_slack.last("chat.postEphemeral")  # in the mention's thread, to the asker alone
    assert "/canishare" in texts_of(told) and told.body["user"] == ASKER
    assert told.body["thread_ts"] == "1700000000.000001" and not fake_slack.calls("chat.postMessage")
    assert service.recent_questions(ASKER) == []


def test_message_shortcut_answers_whoever_used_it_privately(app, fake_slack, service):
    payload = h.message_shortcut_payload("ask_canishare", message_text=ANSWERED_QUESTION, message_user="U456",
                                         user_id=ASKER, response_url=fake_slack.response_url("shortcut"))
    send(app, h.shortcut_request(payload))

    reply = fake_slack.last("response_url").body
    assert reply["_name"] == "shortcut" and reply["response_type"] == "ephemeral"
    assert fake_slack.calls("chat.postMessage") == []
    assert service.recent_questions("U456") == []
    assert service.recent_questions(ASKER)[0][0].where.source == "shortcut"


def test_suggestions_are_offered_and_clicking_one_shows_its_answer(app, fake_slack, service, faq, monkeypatch):
    monkeypatch.setattr(service, "matcher", lambda: SuggestingMatcher(faq))
    slash(app, fake_slack, "share with school")
    reply = fake_slack.last("response_url").body
    choices = action_values(reply["blocks"], ids.SHOW_ENTRY)
    assert choices == [f"{only_question_id(service)}|{e.id}" for e in faq.entries[:3]]
    assert "None of these" in texts_of(fake_slack.last("response_url"))

    payload = h.block_action_payload(ids.SHOW_ENTRY, choices[1], response_url=fake_slack.response_url("choice"))
    payload["container"]["is_ephemeral"] = True
    send(app, h.action_request(payload))
    shown = fake_slack.last("response_url").body
    entry = faq.get(choices[1].split("|")[1])
    assert shown["_name"] == "choice" and entry.legal_basis[0] in texts_of(fake_slack.last("response_url"))
    assert action_values(shown["blocks"], ids.HELPFUL) == [choices[1]]


def test_the_asker_opening_a_suggestion_is_recorded_as_their_pick(app, fake_slack, service, faq, monkeypatch):
    monkeypatch.setattr(service, "matcher", lambda: SuggestingMatcher(faq))
    slash(app, fake_slack, "share with school")
    question_id = only_question_id(service)
    first, second = (e.id for e in faq.entries[:2])
    click(app, fake_slack, ids.SHOW_ENTRY, f"{question_id}|{first}", user="U999")  # a colleague's click
    assert service.store.question(question_id) and _opened(service, question_id) is None
    click(app, fake_slack, ids.SHOW_ENTRY, f"{question_id}|{first}")
    click(app, fake_slack, ids.SHOW_ENTRY, f"{question_id}|{second}")
    assert _opened(service, question_id) == second  # the last one the asker opened
    click(app, fake_slack, ids.SHOW_ENTRY, f"{question_id}|{faq.entries[5].id}")  # never suggested
    assert _opened(service, question_id) == second


def _opened(service, question_id: int) -> str | None:
    return service.store.db.execute("select opened_faq_id from questions where id = ?", [question_id]).fetchone()[0]


def test_no_answer_offers_to_send_it_to_an_advisor(app, fake_slack, service):
    slash(app, fake_slack, UNKNOWN_QUESTION)
    reply = fake_slack.last("response_url").body
    assert "The FAQ has no answer" in texts_of(fake_slack.last("response_url"))
    assert action_values(reply["blocks"], ids.ESCALATE) == [str(only_question_id(service))]


def test_identifiers_are_removed_named_and_never_sent_anywhere(app, fake_slack, service):
    mention(app, "Can I email NHS number 943 476 5919 and 07700 900123 to the school?")
    question_id = only_question_id(service)
    click(app, fake_slack, ids.ESCALATE, str(question_id))
    everything = " ".join(texts_of(c) for c in fake_slack.calls())
    assert "943 476 5919" not in everything and "07700" not in everything
    assert "I removed the NHS number and phone" not in texts_of(fake_slack.calls("chat.postMessage")[0])  # public
    assert "I removed the NHS number and phone" in texts_of(fake_slack.last("chat.postEphemeral"))  # the asker's


def test_urgent_question_gets_the_harm_message_first_and_is_flagged_for_advisors(app, fake_slack, service):
    mention(app, URGENT_QUESTION)
    reply, card = [c.body for c in fake_slack.calls("chat.postMessage")]  # the asker hears first
    assert card["channel"] == ADVISOR_CHANNEL and reply["channel"] != ADVISOR_CHANNEL
    first = reply["blocks"][0]["text"]["text"]
    assert "999" in first and "does not stop you sharing" in first and "safeguarding lead" in first

    (advisor_post,) = advisor_posts(fake_slack)  # sent to the advisors without waiting for a click
    assert ":rotating_light: *URGENT*" in texts_of(advisor_post) and advisor_post.body["text"].startswith("<!here> URGENT")
    assert "sent your question to the advisors" in first

    click(app, fake_slack, ids.ESCALATE, str(only_question_id(service)))
    assert len(advisor_posts(fake_slack)) == 1  # a later click does not post it twice


# feedback and escalation -------------------------------------------------------------------------


def test_feedback_is_one_rating_per_person_changeable_and_acknowledged(app, fake_slack, service, entry):
    slash(app, fake_slack, entry.question)
    value = action_values(fake_slack.last("response_url").body["blocks"], ids.HELPFUL)[0]

    click(app, fake_slack, ids.HELPFUL, value)
    assert "Thanks — recorded" in texts_of(fake_slack.last("response_url"))
    click(app, fake_slack, ids.NOT_HELPFUL, value)
    ack = fake_slack.last("response_url").body
    assert ack["response_type"] == "ephemeral" and action_values(ack["blocks"], ids.ESCALATE)
    click(app, fake_slack, ids.HELPFUL, value, user="U555")

    ratings = {(r["user"], r["rating"]) for r in service.store.feedback()}
    assert ratings == {(ASKER, NOT_HELPFUL), ("U555", HELPFUL)}


def test_escalating_posts_to_the_advisor_channel_once_and_tells_the_asker(app, fake_slack, service):
    mention(app, UNKNOWN_QUESTION, ts="1700000000.000030")
    question_id = only_question_id(service)
    click(app, fake_slack, ids.ESCALATE, str(question_id))
    click(app, fake_slack, ids.ESCALATE, str(question_id))

    posts = advisor_posts(fake_slack)
    assert len(posts) == 1
    text = texts_of(posts[0])
    assert UNKNOWN_QUESTION in text and f"<@{ASKER}>" in text and "best guesses" in text and "waiting" in text
    assert action_values(posts[0].body["blocks"], ids.CLAIM) and action_values(posts[0].body["blocks"], ids.CLOSE)
    escalation = service.queue()[0]
    assert escalation.advisor_channel == ADVISOR_CHANNEL and escalation.advisor_ts
    told = [c.body["text"] for c in fake_slack.calls("response_url")]
    assert "Sent to the advisors" in told[0] and "in this thread" in told[0]
    assert "already with the advisors" in told[1]


def test_a_failed_advisor_post_keeps_the_escalation_and_it_is_posted_later(app, deps, fake_slack, service):
    slash(app, fake_slack, UNKNOWN_QUESTION)
    fake_slack.fail_next("chat.postMessage", error="channel_not_found")
    click(app, fake_slack, ids.ESCALATE, str(only_question_id(service)))

    assert "Sent to the advisors" in fake_slack.last("response_url").body["text"]
    (escalation,) = service.queue()
    assert escalation.state == OPEN and not escalation.advisor_ts
    assert look_after_queue(deps) == (0, 0)  # the card is owed already: nothing more to owe

    service.store.now = lambda: stored(utc_now() + dt.timedelta(seconds=6))  # past the first retry's wait
    assert deliver_due(deps) == 1
    assert service.escalation(escalation.id).advisor_ts
    assert deliver_due(deps) == 0
    assert len(advisor_posts(fake_slack)) == 2  # the one Slack refused, and the retry it accepted


# the advisor workflow ----------------------------------------------------------------------------


def escalate_a_mention(app, fake, service, text=UNKNOWN_QUESTION, ts="1700000000.000040"):
    mention(app, text, ts=ts)
    click(app, fake, ids.ESCALATE, str(service.recent_questions(ASKER)[0][0].id))
    return service.queue()[-1]


def button_value(escalation) -> str:
    """A queue button's value as a card showing ``escalation`` as it is now carries it (id:version)."""
    return f"{escalation.id}:{escalation.version}"


def submit_answer(app, escalation_id, text, user=ADVISOR, faq_id=None, propose=False, home=False, version=None):
    """An answer form's submission; ``version``: the one it was opened on (none: a form from before forms kept
    it, taken as version 0)."""
    values = {ids.ANSWER_BLOCK: {ids.ANSWER_INPUT: text}}
    if faq_id:
        values[ids.FAQ_BLOCK] = {ids.FAQ_INPUT: {"type": "static_select", "selected_option": {"value": faq_id}}}
    if propose:
        values[ids.PROPOSE_BLOCK] = {ids.PROPOSE_INPUT: {"type": "checkboxes",
                                                               "selected_options": [{"value": "yes"}]}}
    metadata = json.dumps({"escalation": escalation_id, "home": home,
                           **({"version": version} if version is not None else {})})
    return send(app, h.view_submission_request(h.view_submission_payload(ids.ANSWER_MODAL, values, metadata,
                                                                          user_id=user)))


def test_end_to_end_from_a_mention_to_the_advisor_answer_in_the_thread(app, fake_slack, service):
    # a mention the FAQ cannot answer
    mention(app, UNKNOWN_QUESTION, ts="1700000000.000111")
    reply = fake_slack.last("chat.postMessage").body
    assert reply["thread_ts"] == "1700000000.000111"
    send_value = action_values(reply["blocks"], ids.ESCALATE)[0]

    # "Send to an advisor"
    click(app, fake_slack, ids.ESCALATE, send_value, channel_id="C123", message_ts="1700000000.000200")
    (post,) = advisor_posts(fake_slack)
    escalation = service.queue()[0]
    assert escalation.advisor_ts and escalation.question.where.thread_ts == "1700000000.000111"
    claim_value = action_values(post.body["blocks"], ids.CLAIM)[0]

    # Claim by an advisor
    click(app, fake_slack, ids.CLAIM, claim_value, user=ADVISOR, channel_id=ADVISOR_CHANNEL,
          message_ts=escalation.advisor_ts)
    assert service.escalation(escalation.id).state == CLAIMED
    updated = fake_slack.last("chat.update").body
    assert updated["ts"] == escalation.advisor_ts and "Claimed" in texts_of(fake_slack.last("chat.update"))
    answer_value = action_values(updated["blocks"], ids.ANSWER_ACTION)[0]

    # Answer opens the modal
    click(app, fake_slack, ids.ANSWER_ACTION, answer_value, user=ADVISOR, channel_id=ADVISOR_CHANNEL,
          trigger_id="trigger-answer")
    opened = fake_slack.last("views.open").body
    assert opened["trigger_id"] == "trigger-answer" and opened["view"]["callback_id"] == ids.ANSWER_MODAL

    # the modal is submitted
    fake_slack.reset()
    submit_answer(app, json.loads(opened["view"]["private_metadata"])["escalation"],
                  "Ask your IT service desk; this is not a data protection question.")

    delivered = [c.body for c in fake_slack.calls("chat.postMessage") if c.body["channel"] == "C123"]
    assert len(delivered) == 1 and delivered[0]["thread_ts"] == "1700000000.000111"
    assert "Ask your IT service desk" in json.dumps(delivered[0]) and DISCLAIMER in json.dumps(delivered[0])
    final = fake_slack.last("chat.update").body
    assert final["channel"] == ADVISOR_CHANNEL and final["ts"] == escalation.advisor_ts
    assert "Answered" in json.dumps(final) and f"<@{ADVISOR}>" in json.dumps(final) and "<!date^" in json.dumps(final)
    assert action_values(final["blocks"], ids.REOPEN) and not action_values(final["blocks"], ids.CLAIM)
    assert service.escalation(escalation.id).state == ANSWERED


def test_an_answer_to_a_slash_command_question_arrives_by_dm(app, fake_slack, service):
    slash(app, fake_slack, UNKNOWN_QUESTION)
    click(app, fake_slack, ids.ESCALATE, str(only_question_id(service)))
    escalation = service.queue()[0]
    submit_answer(app, escalation.id, "Not a sharing question.")
    assert fake_slack.last("conversations.open").body["users"] == ASKER
    assert fake_slack.last("chat.postMessage").body["channel"] == f"D{ASKER}"


def test_answer_linked_to_an_entry_teaches_the_matcher(app, fake_slack, service):
    escalation = escalate_a_mention(app, fake_slack, service, text="can the wifi router leak our files to the council")
    linked = service.faq.entries[1].id
    submit_answer(app, escalation.id, "See the FAQ entry.", faq_id=linked)
    assert service.escalation(escalation.id).linked_faq_id == linked
    assert escalation.question.text in service.store.learned_phrasings()[linked]
    delivered = json.dumps(fake_slack.last("chat.postMessage").body, ensure_ascii=False)
    assert "This is covered by the FAQ entry" in delivered


def test_non_advisor_is_refused_everywhere_and_nothing_changes(app, fake_slack, service):
    escalation = escalate_a_mention(app, fake_slack, service)
    fake_slack.reset()

    for action_id in (ids.ANSWER_ACTION, ids.CLAIM, ids.CLOSE):
        click(app, fake_slack, action_id, str(escalation.id), user=STRANGER, channel_id=ADVISOR_CHANNEL)
        refusal = fake_slack.last("response_url").body
        assert refusal["response_type"] == "ephemeral" and "Only members of the advisor channel" in refusal["text"]
    submit = submit_answer(app, escalation.id, "I'm not an advisor", user=STRANGER)
    assert json.loads(submit.body)["response_action"] == "errors"

    assert fake_slack.calls("views.open") == [] and fake_slack.calls("chat.update") == []
    assert service.escalation(escalation.id).state == OPEN
    reads = ("conversations.info", "conversations.members")
    assert [c.method for c in fake_slack.calls() if c.method not in reads] == ["response_url"] * 3


def test_answer_modal_shows_errors_on_the_right_input(app, fake_slack, service):
    escalation = escalate_a_mention(app, fake_slack, service)
    empty = json.loads(submit_answer(app, escalation.id, "   ").body)
    assert empty["response_action"] == "errors" and ids.ANSWER_BLOCK in empty["errors"]
    both = json.loads(submit_answer(app, escalation.id, "Yes", faq_id=service.faq.entries[0].id, propose=True).body)
    assert list(both["errors"]) == [ids.FAQ_BLOCK]
    assert service.escalation(escalation.id).state == OPEN


def test_concurrent_claims_exactly_one_wins(app, fake_slack, service):
    escalation = escalate_a_mention(app, fake_slack, service)
    fake_slack.reset()
    barrier = threading.Barrier(2)

    def claim(user):
        barrier.wait()
        click(app, fake_slack, ids.CLAIM, str(escalation.id), user=user, channel_id=ADVISOR_CHANNEL,
              response_url=fake_slack.response_url(user))

    threads = [threading.Thread(target=claim, args=(u,)) for u in (ADVISOR, OTHER_ADVISOR)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()

    winner = service.escalation(escalation.id).claimed_by
    loser = OTHER_ADVISOR if winner == ADVISOR else ADVISOR
    assert winner in (ADVISOR, OTHER_ADVISOR) and len(fake_slack.calls("chat.update")) == 1
    (told,) = [c.body for c in fake_slack.calls("response_url") if c.body["_name"] == loser]
    # both clicked the card as posted: the loser's click is refused as made before the winner's claim
    assert f"claimed by <@{winner}>" in told["text"] and "nothing was done" in told["text"]


def test_close_and_reopen_update_the_advisor_post(app, fake_slack, service):
    escalation = escalate_a_mention(app, fake_slack, service)
    click(app, fake_slack, ids.CLOSE, str(escalation.id), user=ADVISOR, channel_id=ADVISOR_CHANNEL)
    closed = fake_slack.last("chat.update").body
    assert "Closed" in json.dumps(closed) and action_values(closed["blocks"], ids.REOPEN) == [f"{escalation.id}:1"]
    assert service.escalation(escalation.id).state == CLOSED
    click(app, fake_slack, ids.REOPEN, str(escalation.id), user=ADVISOR, channel_id=ADVISOR_CHANNEL)
    assert service.escalation(escalation.id).state == OPEN
    assert action_values(fake_slack.last("chat.update").body["blocks"], ids.CLAIM)


def test_reminder_for_an_unclaimed_escalation_is_posted_once(app, deps, fake_slack, service):
    escalation = escalate_a_mention(app, fake_slack, service)
    assert look_after_queue(later(deps, hours=3)) == (0, 0)
    assert look_after_queue(later(deps, hours=5)) == (0, 1)
    assert look_after_queue(later(deps, hours=6)) == (0, 0)
    reminder = fake_slack.last("chat.postMessage").body
    assert reminder["channel"] == ADVISOR_CHANNEL and reminder["thread_ts"] == escalation.advisor_ts
    assert reminder["reply_broadcast"] is True and f"Escalation #{escalation.id} has waited" in reminder["text"]


def test_a_reminder_says_how_long_the_escalation_has_waited(deps, service):
    question = service.ask(UNKNOWN_QUESTION, ASKER).question
    escalation, _ = service.escalate(question.id, ASKER)
    message = reminder_message(escalation, deps.now() + dt.timedelta(hours=5, minutes=2))
    assert f"Escalation #{escalation.id} has waited 5 hours" in message.text


# App Home ----------------------------------------------------------------------------------------


def test_app_home_for_a_practitioner_shows_how_to_ask_and_their_questions(app, fake_slack, service, entry):
    mention(app, entry.question)
    send(app, h.event_request(h.app_home_opened_event(ASKER)))
    published = fake_slack.last("views.publish").body
    assert published["user_id"] == ASKER
    text = json.dumps(published["view"])
    assert escape_user_text(entry.question) in text and "answered from the FAQ" in text and "/canishare" in text
    assert "advisor queue" not in text and ids.CLAIM not in text

    click_in_home(app, ids.HOME_ASK, "home", ASKER)
    assert fake_slack.last("views.open").body["view"]["callback_id"] == ids.ASK_MODAL


def test_app_home_for_an_advisor_shows_the_queue_with_working_buttons(app, fake_slack, service):
    first = escalate_a_mention(app, fake_slack, service, ts="1700000000.000041")
    second = escalate_a_mention(app, fake_slack, service, text="who fixes the printer", ts="1700000000.000042")
    send(app, h.event_request(h.app_home_opened_event(ADVISOR)))
    view = fake_slack.last("views.publish").body["view"]
    queue_ids = [b["block_id"] for b in view["blocks"] if b.get("block_id", "").startswith("queue-")]
    assert queue_ids == [f"queue-{first.id}", f"queue-{second.id}"]  # oldest first

    fake_slack.reset()
    click_in_home(app, ids.CLAIM, str(first.id), ADVISOR)
    assert service.escalation(first.id).claimed_by == ADVISOR
    assert fake_slack.last("chat.update").body["ts"] == first.advisor_ts
    republished = fake_slack.last("views.publish").body
    assert republished["user_id"] == ADVISOR and f"mine-{first.id}" in json.dumps(republished)

    click_in_home(app, ids.ANSWER_ACTION, str(first.id), ADVISOR)
    metadata = json.loads(fake_slack.last("views.open").body["view"]["private_metadata"])
    assert metadata == {"escalation": first.id, "home": True, "seen_follow_up": 0, "version": 1}
    submit_answer(app, first.id, "Done.", home=True)
    assert service.escalation(first.id).state == ANSWERED
    assert len(fake_slack.calls("views.publish")) == 3  # after the claim, the answer click and the answer


def test_app_home_messages_tab_is_ignored(app, fake_slack):
    send(app, h.event_request({**h.app_home_opened_event(ASKER), "tab": "messages"}))
    assert fake_slack.calls("views.publish") == []


def test_faq_select_options_are_served_for_an_external_select(app, service):
    wanted = service.faq.entries[4]
    payload = {"type": "block_suggestion", "action_id": ids.FAQ_INPUT, "block_id": ids.FAQ_BLOCK,
               "value": wanted.id, "user": {"id": ADVISOR}, "team": {"id": h.TEAM_ID}, "api_app_id": h.APP_ID,
               "view": {"id": "V1", "type": "modal", "callback_id": ids.ANSWER_MODAL}}
    response = send(app, h.action_request(payload))
    assert wanted.id in [o["value"] for o in json.loads(response.body)["options"]]


# failures while delivering ------------------------------------------------------------------------


def test_an_answer_slack_took_before_the_connection_dropped_is_not_sent_twice(app, fake_slack, service):
    escalation = escalate_a_mention(app, fake_slack, service)
    fake_slack.drop_after_receiving("chat.postMessage")
    submit_answer(app, escalation.id, "Share the minimum and record why.")
    relayed = [c for c in fake_slack.calls("chat.postMessage") if "An advisor has answered" in c.body.get("text", "")]
    assert len(relayed) == 1  # Slack took it; the bot does not re-send it
    notices = [c.body["text"] for c in fake_slack.calls("chat.postMessage") if "cannot tell whether" in c.body.get("text", "")]
    assert len(notices) == 1 and f"escalation #{escalation.id}" in notices[0]


def test_a_slack_server_error_is_retried_later(app, deps, fake_slack, service):
    fake_slack.fail_next("chat.postMessage", status=500)
    mention(app, UNKNOWN_QUESTION)
    assert [c.status for c in fake_slack.calls("chat.postMessage")] == [500]
    service.store.now = lambda: stored(utc_now() + dt.timedelta(seconds=6))
    assert deliver_due(deps) == 1
    assert [c.status for c in fake_slack.calls("chat.postMessage")] == [500, 200]


@pytest.mark.parametrize("error, safe", [
    (urllib.error.URLError(ConnectionRefusedError(111, "refused")), True),
    (urllib.error.URLError(socket.gaierror(-2, "Name or service not known")), True),
    (ConnectionResetError(104, "reset"), False),
    (http.client.RemoteDisconnected("closed"), False),
    (TimeoutError("read timed out"), False),
])
def test_only_failures_before_sending_are_safe_to_retry(error, safe):
    assert never_reached_slack(error) is safe


# App Home: how canishare uses your data ------------------------------------------------------------


def test_app_home_says_how_canishare_uses_your_data_and_shows_the_notice(app, fake_slack):
    send(app, h.event_request(h.app_home_opened_event(ASKER)))
    view = json.dumps(fake_slack.last("views.publish").body["view"])
    assert "How canishare uses your data" in view and "365 days" in view and ids.HOME_MY_DATA in view
    click_in_home(app, ids.HOME_PRIVACY, "notice", ASKER)
    modal = fake_slack.last("views.open").body["view"]
    assert modal["title"]["text"] == "Privacy notice" and len(modal["blocks"]) <= 100
    assert "Information Commissioner" in json.dumps(modal) or "ICO" in json.dumps(modal)


def test_app_home_links_to_a_published_privacy_notice(deps, fake_slack, service):
    published = dataclasses.replace(deps, settings=dataclasses.replace(deps.settings,
                                                                       privacy_url="https://example.gov.uk/privacy"))
    app = create_app(published, listener_executor=h.InlineExecutor())
    send(app, h.event_request(h.app_home_opened_event(ASKER)))
    assert '"url": "https://example.gov.uk/privacy"' in json.dumps(fake_slack.last("views.publish").body["view"])


def test_send_me_my_data_dms_everything_held_about_the_clicker(app, fake_slack, service):
    mention(app, "Can I tell the school about a child's injury without consent?")
    click_in_home(app, ids.HOME_MY_DATA, "me", ASKER)
    sent = [c.body["text"] for c in fake_slack.calls("chat.postMessage") if c.body["channel"].startswith("D")]
    assert sent and "everything canishare holds about you" in sent[0]
    dumped = "".join(text.split("\n", 1)[1] for text in sent[1:])
    assert "without consent" in dumped and f'"user": "{ASKER}"' in dumped
    assert all(len(text) < 4000 for text in sent)


def test_after_an_error_slack_is_acknowledged_before_the_person_is_told(fake_slack, deps, service, monkeypatch):
    """Telling the person about an error is a Web API call; Slack's 3-second acknowledgement must
    not wait for it (a slow Slack would then retry a request that already failed)."""
    held = []

    class HoldingExecutor(h.InlineExecutor):
        def submit(self, fn, *args, **kwargs):
            held.append((fn, args, kwargs))

    app = create_app(deps, listener_executor=HoldingExecutor())
    fake_slack.reset()
    monkeypatch.setattr(service, "ask", lambda *a, **k: (_ for _ in ()).throw(RuntimeError("boom")))
    response = mention(app, "Can I share this with the school?")
    assert response.status == 200 and fake_slack.calls("chat.postMessage") == []
    for fn, args, kwargs in held:
        fn(*args, **kwargs)
    assert "nothing was saved" in fake_slack.last("chat.postMessage").body["text"]


def test_a_card_update_that_may_have_reached_slack_is_simply_sent_again(app, deps, fake_slack, service):
    """chat.update to the same state shows nothing twice, so an uncertain send is retried, not dropped."""
    escalation = escalate_a_mention(app, fake_slack, service)
    fake_slack.drop_after_receiving("chat.update")
    click(app, fake_slack, ids.CLAIM, str(escalation.id), user=ADVISOR, channel_id=ADVISOR_CHANNEL)
    assert service.store.db["outbox"].count_where("kind = 'card_update' and state = 'pending'") == 1
    service.store.now = lambda: stored(utc_now() + dt.timedelta(seconds=6))
    assert deliver_due(deps) == 1
    assert service.store.db["outbox"].count_where("kind = 'card_update' and state = 'pending'") == 0


def test_a_card_update_that_crosses_an_erase_empties_the_post_after_it(app, deps, fake_slack, service, monkeypatch):
    """An update read before the erase and sent after it would put the question back in the channel."""
    from bot.slack.deliverer import ERASED_CARD_TEXT

    escalation = escalate_a_mention(app, fake_slack, service)
    monkeypatch.setattr(service, "escalation_gone", lambda escalation_id: True)  # erased meanwhile
    click(app, fake_slack, ids.CLAIM, str(escalation.id), user=ADVISOR, channel_id=ADVISOR_CHANNEL)
    updates = [c.body["text"] for c in fake_slack.calls("chat.update")]
    assert len(updates) == 2 and updates[-1].endswith(ERASED_CARD_TEXT.split(":wastebasket: ")[1])


@pytest.mark.parametrize("channel_name", ["mpdm-jo--sam--alex-1", "directmessage"])
def test_a_command_from_a_conversation_between_people_is_recorded_as_private(app, fake_slack, service, entry,
                                                                              channel_name):
    """A group DM is no channel: the digest must never list one (three people in it would be named by it)."""
    send(app, h.command_request(text=entry.question, user_id=ASKER, channel_id="C0GROUPDM1",
                                channel_name=channel_name, response_url=fake_slack.response_url("cmd")))
    question = service.recent_questions(ASKER)[0][0]
    assert question.where.source == "command" and question.where.channel is None
