"""The asker's side of a question, end to end through the Bolt app (the practitioners' review, rv6prac,
findings 5, 7, 9, 11, 12 and 13): replies name where the answer will come, a bystander is never offered
a button that refuses them, a channel never sees the question echoed, App Home's questions have their
next step, fallbacks carry the answer, and the asker hears where they are looking."""

import json

import pytest
import test_slack_flows as flows
from test_block_kit_limits import assert_within_limits
from test_slack_flows import (
    ADVISOR,
    ADVISOR_CHANNEL,
    ASKER,
    STRANGER,
    UNKNOWN_QUESTION,
    URGENT_QUESTION,
    SuggestingMatcher,
    action_values,
    click,
    click_in_home,
    mention,
    send,
    slash,
    texts_of,
)

from bot.asker_steps import NextStep, next_step
from bot.config import Settings
from bot.nations import nation_lines
from bot.records import ANSWERED, CLAIMED, CLOSED, OPEN, Decision, Escalation, Question, Where
from bot.slack.blocks import app_home, ids, replies
from bot.slack.blocks.asker_notices import asked_from_home_modal, claimed_message, privacy_notice_message
from bot.slack.blocks.faq_answer import heading_sentence, nation_lead

import slack_harness as h

service, deps, entry = flows.service, flows.deps, flows.entry

WITH_IDENTIFIERS = "Can I email NHS number 943 476 5919 and 07700 900123 to the school about zorblat?"
THREAD = "1700000000.000001"
URGENT_UNKNOWN = "He has a knife and says he will kill her tonight zorblat flimflam"  # urgent; no FAQ entry fits


@pytest.fixture
def settings():
    return Settings(bot_token=h.TEST_BOT_TOKEN, signing_secret=h.TEST_SIGNING_SECRET,
                    advisor_channel=ADVISOR_CHANNEL, remind_after_hours=1.5)


def dm(app, text, ts="1700000000.000050"):
    return send(app, h.event_request(h.dm_event(text, channel="D123", ts=ts)))


def shortcut(app, fake, text):
    payload = h.message_shortcut_payload("ask_canishare", message_text=text, response_url=fake.response_url("sc"))
    return send(app, h.shortcut_request(payload))


def submit_home_question(app, text, view_id="VASK1"):
    payload = h.view_submission_payload(ids.ASK_MODAL, {ids.QUESTION_BLOCK: {ids.QUESTION_INPUT: text}},
                                        json.dumps({"source": "home"}), user_id=ASKER, view_id=view_id)
    return send(app, h.view_submission_request(payload))


def to_asker(fake):
    """What reached the asker, by any route, in order (not the advisor channel, not Home)."""
    return [c for c in fake.calls() if c.method in ("chat.postMessage", "chat.postEphemeral", "response_url")
            and c.body.get("channel") != ADVISOR_CHANNEL]


def home_recent(fake) -> list[dict]:
    blocks = fake.last("views.publish").body["view"]["blocks"]
    start = next(n for n, b in enumerate(blocks) if b["type"] == "header" and "recent" in b["text"]["text"])
    end = next(n for n, b in enumerate(blocks) if n > start and b["type"] == "divider")
    return blocks[start + 1:end]


def open_home(app):
    send(app, h.event_request(h.app_home_opened_event(ASKER)))


# 5: replies name where the answer will really come ---------------------------------------------------


@pytest.mark.parametrize("ask, where", [
    (lambda app, fake: slash(app, fake, UNKNOWN_QUESTION), "in a direct message from me"),
    (lambda app, fake: shortcut(app, fake, UNKNOWN_QUESTION), "in a direct message from me"),
    (lambda app, fake: slash(app, fake, URGENT_UNKNOWN), "in a direct message from me"),
    (lambda app, fake: shortcut(app, fake, URGENT_UNKNOWN), "in a direct message from me"),
    (lambda app, fake: submit_home_question(app, UNKNOWN_QUESTION), "in a direct message from me"),
    (lambda app, fake: mention(app, UNKNOWN_QUESTION), "in this thread"),
    (lambda app, fake: dm(app, UNKNOWN_QUESTION), "here, in reply to your message"),
])
def test_a_reply_without_an_faq_answer_names_where_the_advisor_will_answer(app, fake_slack, service, ask, where):
    ask(app, fake_slack)
    reply = texts_of(to_asker(fake_slack)[0])
    assert f"answer you {where}" in reply and "answer you here." not in reply


def test_the_urgent_reply_to_a_slash_command_does_not_say_here(app, fake_slack, service):
    slash(app, fake_slack, URGENT_UNKNOWN)
    (question, escalation), = service.recent_questions(ASKER)
    assert question.urgent and escalation is not None
    reply = texts_of(fake_slack.last("response_url"))
    assert "will answer you in a direct message from me" in reply and "will answer you here" not in reply


# 7: a bystander's "Not helpful" ---------------------------------------------------------------------


def rate_not_helpful(app, fake, question_id, user):
    message = {"type": "message", "ts": "1700000000.000500", "thread_ts": THREAD, "text": "", "blocks": []}
    click(app, fake, ids.NOT_HELPFUL, f"{question_id}|some-entry", user=user, message_ts="1700000000.000500",
          message=message)
    return fake.last("response_url").body


def test_someone_else_who_rates_an_answer_not_helpful_is_not_offered_a_button_that_refuses_them(
        app, fake_slack, service):
    mention(app, UNKNOWN_QUESTION)
    question_id = flows.only_question_id(service)
    thanks = rate_not_helpful(app, fake_slack, question_id, STRANGER)
    assert action_values(thanks["blocks"], ids.ESCALATE) == []
    assert "ask it yourself" in thanks["text"] and "/canishare" in thanks["text"]

    asker_thanks = rate_not_helpful(app, fake_slack, question_id, ASKER)
    assert action_values(asker_thanks["blocks"], ids.ESCALATE) == [str(question_id)]


# 9: an @mention in a shared channel is never echoed there --------------------------------------------


def test_a_mention_with_identifiers_is_not_echoed_and_the_asker_alone_is_told_to_delete_it(app, fake_slack, service):
    mention(app, WITH_IDENTIFIERS)
    public = [c for c in fake_slack.calls("chat.postMessage") if c.body["channel"] == "C123"]
    assert len(public) == 1
    assert "You asked" not in texts_of(public[0]) and "school about zorblat" not in texts_of(public[0])
    assert "I removed" not in texts_of(public[0])

    notice = fake_slack.last("chat.postEphemeral").body
    assert (notice["channel"], notice["user"], notice["thread_ts"]) == ("C123", ASKER, THREAD)
    said = texts_of(fake_slack.last("chat.postEphemeral"))
    assert "NHS number and phone" in said and "delete it" in said and "/canishare" in said
    assert "direct message" in said and "You asked (as I kept it)" in said and "[NHS number]" in said
    everything = " ".join(texts_of(c) for c in fake_slack.calls())
    assert "943 476 5919" not in everything and "07700" not in everything


def test_a_mention_without_identifiers_is_not_echoed_and_needs_no_private_notice(app, fake_slack, service):
    mention(app, "Can I tell the school about Jake? He lives with his nan on the Brookfield estate.")
    reply = texts_of(fake_slack.last("chat.postMessage"))
    assert "You asked" not in reply and "Jake" not in reply and "Brookfield" not in reply
    assert not fake_slack.calls("chat.postEphemeral")


def test_the_privacy_notice_of_a_retried_mention_is_sent_once(app, fake_slack, service):
    event = h.app_mention_event(f"<@{h.BOT_USER_ID}> {WITH_IDENTIFIERS}")
    for retry in (None, 1, 2):
        send(app, h.event_request(event, event_id="Ev-id", retry_num=retry))
    assert len(fake_slack.calls("chat.postEphemeral")) == 1 and len(fake_slack.calls("chat.postMessage")) == 1


def test_the_privacy_notice_goes_by_dm_when_it_cannot_be_shown_in_the_channel(app, fake_slack, service):
    fake_slack.fail_next("chat.postEphemeral", error="user_not_in_channel")
    mention(app, WITH_IDENTIFIERS)
    dm_notice = [c for c in fake_slack.calls("chat.postMessage") if c.body["channel"].startswith("D")]
    assert len(dm_notice) == 1 and "delete it" in texts_of(dm_notice[0])


@pytest.mark.parametrize("ask", [
    lambda app, fake: dm(app, WITH_IDENTIFIERS),
    lambda app, fake: slash(app, fake, WITH_IDENTIFIERS),
])
def test_where_only_the_asker_reads_the_reply_it_still_echoes_the_question(app, fake_slack, service, ask):
    ask(app, fake_slack)
    reply = texts_of(to_asker(fake_slack)[0])
    assert "You asked: Can I email NHS number [NHS number]" in reply and "I removed the NHS number" in reply
    assert not fake_slack.calls("chat.postEphemeral")


# 11: App Home's recent questions have their next step -------------------------------------------------


def test_an_unanswered_question_on_home_can_be_sent_to_an_advisor_from_there(app, fake_slack, service):
    slash(app, fake_slack, UNKNOWN_QUESTION)
    question_id = flows.only_question_id(service)
    open_home(app)
    (item,) = home_recent(fake_slack)
    assert item["accessory"]["action_id"] == ids.ESCALATE and item["accessory"]["value"] == str(question_id)

    fake_slack.reset()
    click_in_home(app, ids.ESCALATE, str(question_id), ASKER)
    assert service.queue()[0].question_id == question_id
    assert "Sent to the advisors" in texts_of(fake_slack.last("chat.postMessage"))  # by DM, from Home
    (item,) = home_recent(fake_slack)  # Home shows its new state, with nothing left to press
    assert "with the advisors" in item["text"]["text"] and "accessory" not in item


def test_suggestions_on_home_are_shown_again_by_dm(app, fake_slack, service, faq, monkeypatch):
    monkeypatch.setattr(service, "matcher", lambda: SuggestingMatcher(faq))
    slash(app, fake_slack, "can I share with the housing officer?")
    question_id = flows.only_question_id(service)
    open_home(app)
    (item,) = home_recent(fake_slack)
    assert item["accessory"]["action_id"] == ids.HOME_AGAIN and "suggestions" in item["accessory"]["text"]["text"]

    fake_slack.reset()
    click_in_home(app, ids.HOME_AGAIN, str(question_id), ASKER)
    again = fake_slack.last("chat.postMessage")
    assert again.body["channel"] == "DU123"
    assert len(action_values(again.body["blocks"], ids.SHOW_ENTRY)) == 3
    assert "You asked: can I share with the housing officer?" in texts_of(again)


def test_an_faq_answer_on_home_reopens_with_show_answer(app, fake_slack, service, entry):
    slash(app, fake_slack, entry.question)
    question_id = flows.only_question_id(service)
    open_home(app)
    (item,) = home_recent(fake_slack)
    assert (item["accessory"]["action_id"], item["accessory"]["value"]) == (ids.SHOW_ENTRY, f"{question_id}|{entry.id}")
    click_in_home(app, ids.SHOW_ENTRY, item["accessory"]["value"], ASKER)
    assert "Legal basis" in texts_of(fake_slack.last("chat.postMessage"))


def test_an_advisors_answer_on_home_is_shown_again_by_dm(app, fake_slack, service):
    mention(app, UNKNOWN_QUESTION)
    question_id = flows.only_question_id(service)
    escalation, _ = service.escalate(question_id, ASKER)
    flows.submit_answer(app, escalation.id, "Yes: share it with the school's DSL and record why.")
    open_home(app)
    (item,) = home_recent(fake_slack)
    assert item["accessory"]["action_id"] == ids.HOME_AGAIN

    fake_slack.reset()
    click_in_home(app, ids.HOME_AGAIN, str(question_id), ASKER)
    again = fake_slack.last("chat.postMessage")
    assert again.body["channel"] == "DU123" and "share it with the school's DSL" in texts_of(again)


def test_no_one_else_can_reopen_a_question_from_home(app, fake_slack, service, faq, monkeypatch):
    monkeypatch.setattr(service, "matcher", lambda: SuggestingMatcher(faq))
    slash(app, fake_slack, "can I share with the housing officer?")
    fake_slack.reset()
    click_in_home(app, ids.HOME_AGAIN, str(flows.only_question_id(service)), STRANGER)
    (told,) = fake_slack.calls("chat.postMessage")
    assert "Only the person who asked" in texts_of(told) and "housing officer" not in texts_of(told)


def question(decision=Decision.ESCALATE, **changes) -> Question:
    fields = dict(id=7, text="q", asker=ASKER, where=Where("command", "C1"), decision=decision, faq_id=None,
                  score=1.0, suggestions=(), redacted_kinds=(), urgent=False, created_at="2026-11-26T11:00:00+00:00")
    return Question(**{**fields, **changes})


def escalation(state, answer=None) -> Escalation:
    return Escalation(id=3, question_id=7, state=state, urgent=False, created_at="2026-11-26T11:00:00+00:00",
                      answer=answer)


@pytest.mark.parametrize("q, e, step", [
    (question(), None, NextStep.SEND_TO_ADVISOR),
    (question(Decision.ANSWER, faq_id="x"), None, NextStep.SHOW_ENTRY),
    (question(Decision.SUGGEST, suggestions=("x", "y")), None, NextStep.SHOW_SUGGESTIONS),
    (question(), escalation(OPEN), None),
    (question(), escalation(CLAIMED), None),
    (question(), escalation(CLOSED), None),
    (question(), escalation(OPEN, answer="an earlier answer, reopened"), None),
    (question(), escalation(ANSWERED, answer="Yes."), NextStep.SHOW_ADVISOR_ANSWER),
])
def test_the_next_step_of_a_question(q, e, step):
    assert next_step(q, e) == step


def test_home_with_every_next_step_stays_within_slack_limits():
    recent = [(question(Decision.SUGGEST, id=n, suggestions=("x",)), None) for n in range(4)]
    recent += [(question(id=10 + n), escalation(ANSWERED, "Yes.")) for n in range(3)]
    recent += [(question(id=20 + n, text="x" * 5000), None) for n in range(3)]
    view = app_home.home_view(recent, True, [], [], flows.utc_now())
    assert_within_limits(view, "home")
    assert len([b for b in view["blocks"] if "accessory" in b and b["accessory"]["type"] == "button"]) >= 10


# 12: fallbacks carry the answer; suggestion buttons say which entry -----------------------------------


def test_an_answers_fallback_is_the_answer_after_what_it_answers(faq):
    """Not the entry's question alone (a myth read alone says the opposite of its answer): its heading as
    shown ("Myth: ..."), then the answer (s11 users review #1)."""
    for entry in faq.entries:
        message = replies.entry_message(entry, 7)
        lead = nation_lead(nation_lines(entry), None)
        first_words = " ".join(entry.answer.replace("*", "").split()[:6]).replace("&", "&amp;")
        heading = heading_sentence(entry)
        assert message.text.startswith(f"{lead}\n{heading}\n{first_words}" if lead else f"{heading}\n{first_words}")
        assert entry.question not in message.text.replace(heading, "") or entry.question in entry.answer


def test_suggestions_name_their_entries_in_the_fallback_and_on_each_button(faq):
    entries = list(faq.entries[:3])
    message = replies.reply_message(question(Decision.SUGGEST), Decision.SUGGEST, entries, urgent=False)
    labels = [b["accessory"]["text"]["text"] for b in message.blocks if "accessory" in b]
    assert len(set(labels)) == 3 and all(label.startswith("Show answer: ") and len(label) <= 75 for label in labels)
    for entry, label in zip(entries, labels):
        assert entry.question[:20] in label and entry.question[:20].replace("&", "&amp;") in message.text


# 13: where the asker hears -------------------------------------------------------------------------


@pytest.mark.parametrize("text, said", [
    ("help", "/canishare"), ("thanks!", "welcome"), ("x " * 2100, "4,000"),
])  # an empty mention in a thread asks about the thread (tests/test_slack_follow_ups.py)
def test_a_short_reply_to_a_mention_comes_in_its_thread_to_the_asker_alone(app, fake_slack, service, text, said):
    mention(app, text, ts="1700000012.000002", thread_ts="1700000012.000001")
    told = fake_slack.last("chat.postEphemeral")
    assert (told.body["channel"], told.body["thread_ts"], told.body["user"]) == ("C123", "1700000012.000001", ASKER)
    assert said in texts_of(told)
    assert not fake_slack.calls("chat.postMessage") and not fake_slack.calls("conversations.open")


def test_asking_from_home_says_where_the_reply_went_and_refreshes_home(app, fake_slack, service, entry):
    response = submit_home_question(app, entry.question)
    shown = json.loads(response.body)
    assert shown["response_action"] == "update" and "*Messages* tab" in json.dumps(shown["view"])
    assert fake_slack.last("chat.postMessage").body["channel"] == "DU123"
    assert entry.question[:30] in json.dumps(home_recent(fake_slack))


def test_an_urgent_question_from_home_keeps_the_act_now_notice_in_the_modal(app, fake_slack, service):
    shown = json.loads(submit_home_question(app, URGENT_QUESTION).body)
    assert "999" in json.dumps(shown["view"])


def test_a_resubmitted_urgent_modal_keeps_its_verdict_without_reading_the_text_again(
        app, fake_slack, service, monkeypatch):
    """Slack's retry (here the same modal submitted twice) keeps the verdict recorded, not read again (s9 M2)."""
    submit_home_question(app, URGENT_QUESTION)
    read_again = []
    monkeypatch.setattr("bot.service.signals_immediate_risk", lambda text: read_again.append(text) or False)
    monkeypatch.setattr("bot.service.kept_or_refused", lambda text: read_again.append(text))
    shown = json.loads(submit_home_question(app, URGENT_QUESTION).body)
    assert "999" in json.dumps(shown["view"]) and not read_again
    assert len(service.store.questions()) == 1


def test_the_acknowledgement_says_what_happens_next_from_the_settings(app, fake_slack, service):
    slash(app, fake_slack, UNKNOWN_QUESTION)
    click(app, fake_slack, ids.ESCALATE, str(flows.only_question_id(service)))
    ack = fake_slack.last("response_url").body["text"]
    assert "after 1 hour 30 minutes" in ack and "tell you when one picks it up" in ack
    assert "999" in ack and "safeguarding lead" in ack and "do not wait" in ack


def test_the_asker_is_told_once_when_an_advisor_claims_their_question(app, fake_slack, service):
    slash(app, fake_slack, UNKNOWN_QUESTION)
    click(app, fake_slack, ids.ESCALATE, str(flows.only_question_id(service)))
    escalation = service.queue()[0]
    fake_slack.reset()
    for _ in range(2):  # a second click (Slack's retry, or impatience) is refused and tells nobody
        click(app, fake_slack, ids.CLAIM, str(escalation.id), user=ADVISOR, channel_id=ADVISOR_CHANNEL)
    told = [c for c in fake_slack.calls("chat.postMessage") if c.body["channel"] == "DU123"]
    assert len(told) == 1 and "picked up your question" in texts_of(told[0]) and f"<@{ADVISOR}>" in texts_of(told[0])


def test_a_mentions_asker_hears_of_the_claim_in_its_thread(app, fake_slack, service):
    escalation = flows.escalate_a_mention(app, fake_slack, service)
    fake_slack.reset()
    click(app, fake_slack, ids.CLAIM, str(escalation.id), user=ADVISOR, channel_id=ADVISOR_CHANNEL)
    (told,) = [c for c in fake_slack.calls("chat.postMessage") if c.body["channel"] == "C123"]
    assert told.body["thread_ts"] == "1700000000.000040" and "picked up" in texts_of(told)


def test_the_asker_notices_stay_within_slack_limits():
    long = question(text="<!channel> " + "x" * 5000, redacted_kinds=("NHS number", "phone", "name"))
    assert_within_limits(privacy_notice_message(long).as_kwargs(), "message")
    assert_within_limits(claimed_message(escalation(CLAIMED)).as_kwargs(), "message")
    for urgent in (False, True):
        assert_within_limits(asked_from_home_modal(urgent), "modal")
    assert "<!channel>" not in json.dumps(privacy_notice_message(long).blocks)


@pytest.mark.parametrize("text, told", [
    ("Oes rhaid i mi gael caniatâd cyn rhannu gyda'r meddyg teulu?", True),
    ("Mae'r heddlu wedi gofyn am gyfeiriad cleient, a gaf i ei roi?", True),
    ("Can I share a tenant's address with the police?", False),
    ("Is a Y10 pupil's SEN record shared with the new school?", False),
])
def test_a_question_in_welsh_is_told_the_answers_are_in_english(text, told):
    message = replies.reply_message(question(Decision.ESCALATE, text=text), Decision.ESCALATE, [], urgent=False)
    assert (replies.ENGLISH_ONLY in json.dumps(message.blocks, ensure_ascii=False)) is told
