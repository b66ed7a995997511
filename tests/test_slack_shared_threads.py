"""What the bot posts in a channel's thread, and what it shows the asker alone (the follow-up review of the
asker side, rv6fu2): nothing posted where others read it repeats the question; what is the asker's alone
(their question, what was removed or cut) comes to them privately, worded for where it arrives."""

from dataclasses import replace

import pytest
import test_slack_flows as flows
from test_slack_asker_side import escalation, home_recent, open_home, question, settings, submit_home_question  # noqa: F401 - settings: a fixture
from test_slack_flows import (
    ADVISOR,
    ADVISOR_CHANNEL,
    ASKER,
    UNKNOWN_QUESTION,
    URGENT_QUESTION,
    click,
    click_in_home,
    mention,
    slash,
    submit_answer,
    texts_of,
)

from bot.asker_steps import NextStep, next_step
from bot.faq import Faq
from bot.mrkdwn import without_format_marks
from bot.records import ANSWERED, Decision, Escalation, Where
from bot.service import FixedFaq
from bot.slack.blocks import ids
from bot.slack.blocks.kit import reminder_span
from bot.slack.blocks.replies import advisor_answer_message, closed_message

service, deps, entry = flows.service, flows.deps, flows.entry

JAKE = ("Can I tell the school about Jake? He lives with his nan on the Brookfield estate and is in Year 4 at "
        "St Mary's, zorblat.")


def in_channel(fake, channel="C123"):
    return [c for c in fake.calls("chat.postMessage") if c.body["channel"] == channel]


def escalate_mention(app, fake, service, text=JAKE, ts="1700000000.001200") -> Escalation:
    mention(app, text, ts=ts)
    question_id = service.recent_questions(ASKER)[0][0].id
    click(app, fake, ids.ESCALATE, str(question_id), channel_id="C123", message_ts=f"{ts[:-1]}9")
    return next(e for e in service.queue() if e.question_id == question_id)


# 1: the advisor's answer and the "closed" notice do not repeat a mention's question in its thread ------


def test_the_advisors_answer_in_a_mentions_thread_does_not_repeat_the_question(app, fake_slack, service):
    escalation = escalate_mention(app, fake_slack, service)
    fake_slack.reset()
    submit_answer(app, escalation.id, "Yes, tell the DSL.")
    (answer,) = in_channel(fake_slack)
    said = texts_of(answer)
    assert answer.body["thread_ts"] == "1700000000.001200" and "Yes, tell the DSL." in said
    assert "Jake" not in said and "Brookfield" not in said and "Home tab" in said


def test_the_closed_notice_in_a_mentions_thread_does_not_repeat_the_question(app, fake_slack, service):
    escalation = escalate_mention(app, fake_slack, service)
    fake_slack.reset()
    click(app, fake_slack, ids.CLOSE, str(escalation.id), user=ADVISOR, channel_id=ADVISOR_CHANNEL)
    (closed,) = in_channel(fake_slack)
    assert "closed your question" in texts_of(closed)
    assert "Jake" not in texts_of(closed) and "You asked" not in texts_of(closed)


def test_when_the_thread_cannot_be_reached_the_answer_by_dm_quotes_the_question(app, fake_slack, service):
    escalation = escalate_mention(app, fake_slack, service)
    fake_slack.reset()
    fake_slack.fail_next("chat.postMessage", error="not_in_channel")
    submit_answer(app, escalation.id, "Yes, tell the DSL.")
    by_dm = [c for c in fake_slack.calls("chat.postMessage") if c.body["channel"].startswith("D")]
    assert by_dm and "Jake" in texts_of(by_dm[-1]) and "Yes, tell the DSL." in texts_of(by_dm[-1])


def test_where_only_the_asker_reads_them_the_answer_and_closed_notice_quote_the_question(app, fake_slack, service):
    slash(app, fake_slack, JAKE)
    click(app, fake_slack, ids.ESCALATE, str(flows.only_question_id(service)))
    escalation = service.queue()[0]
    fake_slack.reset()
    submit_answer(app, escalation.id, "Yes, tell the DSL.")
    assert "Jake" in texts_of(fake_slack.last("chat.postMessage"))


@pytest.mark.parametrize("render", [
    lambda e, faq, shared: advisor_answer_message(e, faq, shared=shared),
    lambda e, faq, shared: closed_message(e, shared=shared),
])
def test_every_asker_message_that_shows_the_question_leaves_it_out_when_shared(render, faq):
    asked = question(text="about Jake zorblat", where=Where("mention", "C123", "1.0"))
    answered = replace(escalation(ANSWERED, answer="Yes."), question=asked, answered_by=ADVISOR)
    assert "Jake" in str(render(answered, faq, False)) and "Jake" not in str(render(answered, faq, True))


# 2: an advisor's answer shown again from App Home keeps the asker's nation -------------------------------


def test_an_advisors_answer_shown_again_from_home_keeps_the_nation_warning(app, fake_slack, service):
    service.set_nation(ASKER, "northern-ireland")
    slash(app, fake_slack, UNKNOWN_QUESTION)
    question_id = flows.only_question_id(service)
    click(app, fake_slack, ids.ESCALATE, str(question_id))
    submit_answer(app, service.queue()[0].id, "Yes: refer and record it.", faq_id="children-act-2004-duties")
    first = texts_of(fake_slack.last("chat.postMessage"))
    open_home(app)
    fake_slack.reset()
    click_in_home(app, ids.HOME_AGAIN, str(question_id), ASKER)
    again = texts_of(fake_slack.last("chat.postMessage"))
    assert "does not hold in Northern Ireland" in first and "does not hold in Northern Ireland" in again
    assert "Pick your nation" not in again


# 3: an acknowledgement sent elsewhere than the mention's thread names that thread ------------------------


def test_a_mention_sent_to_an_advisor_from_home_is_acknowledged_with_where_it_was_asked(app, fake_slack, service):
    mention(app, UNKNOWN_QUESTION, ts="1700000000.000300")
    fake_slack.reset()
    click_in_home(app, ids.ESCALATE, str(flows.only_question_id(service)), ASKER)
    (ack,) = [c for c in fake_slack.calls("chat.postMessage") if c.body["channel"] == "DU123"]
    said = texts_of(ack)
    assert "in the thread where you asked, in <#C123>" in said and "archives/C123/p1700000000000300|your message>" in said
    assert "this thread" not in said and "mention me in that thread" in said


def test_a_mention_sent_to_an_advisor_from_its_thread_still_says_this_thread(app, fake_slack, service):
    escalate_mention(app, fake_slack, service, text=UNKNOWN_QUESTION)
    said = " ".join(texts_of(c) for c in fake_slack.calls() if "Sent to the advisors" in texts_of(c))
    assert "answer in this thread" in said and "<#C123>" not in said


# 4: an over-long urgent mention, cut to fit, is told to its asker privately -------------------------------

BACKGROUND = "We have been working with the family for a year. The school report says attendance is fine. " * 45
OVER_LONG_URGENT = (BACKGROUND + " Today the Year 2 child told me her stepdad hit her with a belt last night and "
                    "she is scared to go home tonight. Can I tell social services?")


def test_an_over_long_urgent_mention_tells_its_asker_alone_that_it_was_cut(app, fake_slack, service):
    mention(app, OVER_LONG_URGENT, ts="1700000000.000910")
    (notice,) = fake_slack.calls("chat.postEphemeral")
    said = texts_of(notice)
    assert notice.body["user"] == ASKER and f"{len(OVER_LONG_URGENT):,} characters" in said
    assert "only part of it" in said and "scared to go home tonight" in said
    assert "I removed" not in said and "delete" not in said
    assert all("Cut by canishare" not in texts_of(c) for c in in_channel(fake_slack))


# 7: identifiers in the thread's first message, by someone else ------------------------------------------

DANA = "U456"
DANAS_POST = "Jane Smith, NHS number 943 476 5919, 12 Acacia Road LS6 2AB - her GP wants the social worker's notes"


def test_identifiers_in_someone_elses_first_message_ask_the_asker_to_have_its_author_remove_them(
        app, fake_slack, service):
    fake_slack.set_thread("C123", "1700000000.000600", {"user": DANA, "text": DANAS_POST})
    mention(app, "can we share this?", ts="1700000000.000601", thread_ts="1700000000.000600")
    said = texts_of(fake_slack.last("chat.postEphemeral"))
    assert f"the thread's first message, by <@{DANA}>" in said and "ask them to delete it" in said
    assert "your own message" not in said and "Your message" not in said and "943 476 5919" not in said


def test_identifiers_in_the_askers_own_first_message_are_theirs_to_delete(app, fake_slack, service):
    fake_slack.set_thread("C123", "1700000000.000600", {"user": ASKER, "text": DANAS_POST})
    mention(app, "can we share this?", ts="1700000000.000601", thread_ts="1700000000.000600")
    said = texts_of(fake_slack.last("chat.postEphemeral"))
    assert "your own message still shows them" in said and "first message, by" not in said


# 8: the privacy notice by DM names the channel and links the post ----------------------------------------


def test_the_privacy_notice_by_dm_names_the_channel_and_links_the_post(app, fake_slack, service):
    fake_slack.fail_next("chat.postEphemeral", error="user_not_in_channel")
    mention(app, "Can I email NHS number 943 476 5919 to the school about zorblat?", ts="1700000000.000500")
    (by_dm,) = [c for c in fake_slack.calls("chat.postMessage") if c.body["channel"].startswith("D")]
    said = texts_of(by_dm)
    assert "everyone in <#C123> (<https://canishare-test.slack.com/archives/C123/p1700000000000500|your message>)" \
        in said and "this channel" not in said


# 5: identifiers in a follow-up mention: told to the asker alone, never listed in the thread --------------


def test_identifiers_in_a_follow_up_are_told_to_the_asker_alone(app, fake_slack, service):
    escalate_mention(app, fake_slack, service, text=UNKNOWN_QUESTION, ts="1700000000.001400")
    fake_slack.reset()
    mention(app, "She is Jane Smith, NHS number 943 476 5919, born 03/04/2012, at 12 Acacia Road LS6 2AB",
            ts="1700000000.001402", thread_ts="1700000000.001400")
    (added,) = in_channel(fake_slack)
    assert "Added to escalation" in texts_of(added) and "I removed" not in texts_of(added)
    assert "NHS number" not in texts_of(added)
    (notice,) = fake_slack.calls("chat.postEphemeral")
    said = texts_of(notice)
    assert (notice.body["user"], notice.body["thread_ts"]) == (ASKER, "1700000000.001400")
    assert "NHS number" in said and "delete it" in said and "You added (as I kept it)" in said
    assert "943 476 5919" not in said


def test_a_follow_up_without_identifiers_needs_no_private_notice(app, fake_slack, service):
    escalate_mention(app, fake_slack, service, text=UNKNOWN_QUESTION, ts="1700000000.001400")
    fake_slack.reset()
    mention(app, "The school has asked twice already.", ts="1700000000.001402", thread_ts="1700000000.001400")
    assert not fake_slack.calls("chat.postEphemeral")


# 9: Home offers an advisor, not "Show answer", once the answering entry has left the FAQ -----------------


@pytest.mark.parametrize("q, step", [
    (question(Decision.ANSWER, faq_id="gone"), NextStep.SEND_TO_ADVISOR),
    (question(Decision.ANSWER, faq_id="kept"), NextStep.SHOW_ENTRY),
    (question(Decision.SUGGEST, suggestions=("gone",)), NextStep.SEND_TO_ADVISOR),
    (question(Decision.SUGGEST, suggestions=("gone", "kept")), NextStep.SHOW_SUGGESTIONS),
])
def test_a_question_whose_entry_has_gone_is_offered_an_advisor(q, step):
    assert next_step(q, None, in_faq=lambda entry_id: entry_id == "kept") == step


def test_home_offers_an_advisor_for_an_answer_whose_entry_was_retired(app, fake_slack, service, entry):
    slash(app, fake_slack, entry.question)
    service.faq_source = FixedFaq(Faq(tuple(e for e in service.faq.entries if e.id != entry.id)))
    open_home(app)
    (item,) = home_recent(fake_slack)
    assert item["accessory"]["action_id"] == ids.ESCALATE


# 11: the claim notice: never for one's own claim, and "reopened" after a reopen ---------------------------


def test_an_asker_who_is_an_advisor_is_not_told_of_their_own_claim(app, fake_slack, service):
    fake_slack.set_members(ADVISOR_CHANNEL, [ADVISOR, ASKER])
    slash(app, fake_slack, UNKNOWN_QUESTION)
    click(app, fake_slack, ids.ESCALATE, str(flows.only_question_id(service)))
    fake_slack.reset()
    click(app, fake_slack, ids.CLAIM, str(service.queue()[0].id), user=ASKER, channel_id=ADVISOR_CHANNEL)
    assert not [c for c in fake_slack.calls("chat.postMessage") if c.body["channel"] == "DU123"]


def test_a_claim_after_a_reopen_says_the_question_was_reopened(app, fake_slack, service):
    slash(app, fake_slack, UNKNOWN_QUESTION)
    click(app, fake_slack, ids.ESCALATE, str(flows.only_question_id(service)))
    escalation = service.queue()[0]
    submit_answer(app, escalation.id, "Answer one.")
    fake_slack.reset()
    click(app, fake_slack, ids.REOPEN, str(escalation.id), user=ADVISOR, channel_id=ADVISOR_CHANNEL)
    click(app, fake_slack, ids.CLAIM, str(escalation.id), user=ADVISOR, channel_id=ADVISOR_CHANNEL)
    (told,) = [c for c in fake_slack.calls("chat.postMessage") if c.body["channel"] == "DU123"]
    assert "reopened your question" in texts_of(told) and "looking at it again" in texts_of(told)


# 12: the reminder's delay said exactly, or not at all when it is immediate or in effect never -------------


@pytest.mark.parametrize("hours, said", [
    (0.0, ""), (876000.0, ""), (0.025, "1 minute 30 seconds"), (24.5, "1 day 30 minutes"), (1.5, "1 hour 30 minutes"),
    (4.0, "4 hours"), (26.0, "1 day 2 hours"),
])
def test_the_reminder_delay_is_said_exactly_or_not_at_all(hours, said):
    assert reminder_span(hours * 3600) == said


# 13: fallbacks are plain text ---------------------------------------------------------------------------


def test_a_notices_fallback_has_no_format_marks(app, fake_slack, service):
    slash(app, fake_slack, UNKNOWN_QUESTION)
    click(app, fake_slack, ids.ESCALATE, str(flows.only_question_id(service)))
    ack = fake_slack.last("response_url").body["text"]
    assert "call 999 or your safeguarding lead" in ack and "*" not in ack
    assert without_format_marks("ask (`/canishare` and *your* question) at escalation_id") == \
        "ask (/canishare and your question) at escalation_id"


# 14: an urgent question from Home submitted twice keeps the act-now notice ------------------------------


def test_an_urgent_question_from_home_submitted_twice_keeps_the_act_now_notice(app, fake_slack, service):
    first = submit_home_question(app, URGENT_QUESTION, view_id="VURG").body
    again = submit_home_question(app, URGENT_QUESTION, view_id="VURG").body
    assert "999" in first and "999" in again and len(service.recent_questions(ASKER)) == 1
