"""Follow-ups and corrections through the Bolt app: a mention in the thread of the asker's open
escalation is added to it; a thread mention with no question of its own asks about the thread's
first message; an edited DM question is answered again."""

import datetime as dt
import json

import pytest
from slack_flow_fixtures import *  # noqa: F403 - the app's fixtures
from test_slack_flows import (
    ADVISOR,
    ADVISOR_CHANNEL,
    ANSWERED_QUESTION,
    ASKER,
    STRANGER,
    click,
    click_in_home,
    escalate_a_mention,
    send,
    submit_answer,
    texts_of,
)

from bot import edits
from bot.mrkdwn import without_format_marks
from bot.records import ANSWERED, OPEN
from bot.slack.blocks import ids
from bot.slack.threads import NOT_ALLOWED, NOT_READ

import slack_harness as h

THREAD = "1700000000.000040"  # escalate_a_mention's thread


def posts_in(fake, channel, thread_ts=None):
    return [c.body for c in fake.calls("chat.postMessage")
            if c.body.get("channel") == channel and (thread_ts is None or c.body.get("thread_ts") == thread_ts)]


def follow_up_in_thread(app, text, *, user=ASKER, ts="1700000000.000900", event_id=None, retry_num=None):
    event = h.app_mention_event(f"<@{h.BOT_USER_ID}> {text}", user=user, ts=ts, thread_ts=THREAD)
    return send(app, h.event_request(event, event_id=event_id, retry_num=retry_num))


# follow-ups --------------------------------------------------------------------------------------


def test_after_escalating_a_mention_the_asker_is_told_how_to_add_detail(app, fake_slack, service):
    escalation = escalate_a_mention(app, fake_slack, service)
    said = texts_of(fake_slack.last("response_url"))
    assert "An advisor will answer in this thread" in said
    assert f"mention me in this thread: I will add it to escalation #{escalation.id}" in said


def test_a_mention_in_the_thread_of_the_askers_open_escalation_is_added_to_it(app, fake_slack, service):
    escalation = escalate_a_mention(app, fake_slack, service)
    fake_slack.reset()
    follow_up_in_thread(app, "she's 15 and we're in Wales; her NHS number is 943 476 5919")

    (added,) = service.escalation(escalation.id).follow_ups
    assert "15 and we're in Wales" in added.text and "943 476 5919" not in added.text
    assert "NHS number" in added.redacted_kinds
    assert len(service.recent_questions(ASKER)) == 1  # not a new question, not a second card
    # the advisors: a reply in the card's thread, and the card brought up to date with it
    (in_card_thread,) = posts_in(fake_slack, ADVISOR_CHANNEL, escalation.advisor_ts)
    assert "15 and we're in Wales" in texts_of_body(in_card_thread) and "943 476 5919" not in texts_of_body(in_card_thread)
    card = fake_slack.last("chat.update").body
    assert card["ts"] == escalation.advisor_ts and "The asker added (1)" in texts_of_body(card)
    # the asker, in their thread
    (ack,) = posts_in(fake_slack, "C123", THREAD)
    assert f"Added to escalation #{escalation.id}" in ack["text"]
    assert "NHS number" not in texts_of_body(ack) and "15 and we're in Wales" not in texts_of_body(ack)  # no echo
    assert "NHS number" in texts_of_body(fake_slack.last("chat.postEphemeral").body)  # to the asker alone


def texts_of_body(body) -> str:
    return json.dumps(body, ensure_ascii=False)


def test_the_answer_modal_and_app_home_show_the_follow_up(app, fake_slack, service):
    escalation = escalate_a_mention(app, fake_slack, service)
    follow_up_in_thread(app, "the school nurse has already been told")
    click(app, fake_slack, ids.ANSWER_ACTION, str(escalation.id), user=ADVISOR, channel_id=ADVISOR_CHANNEL)
    modal = fake_slack.last("views.open").body["view"]
    assert "school nurse has already been told" in texts_of_body(modal)
    fake_slack.reset()
    send(app, h.event_request(h.app_home_opened_event(ADVISOR)))
    assert "1 follow-up from the asker" in texts_of_body(fake_slack.last("views.publish").body)


def test_a_retried_follow_up_is_added_once(app, fake_slack, service):
    escalation = escalate_a_mention(app, fake_slack, service)
    fake_slack.reset()
    follow_up_in_thread(app, "also her mum asked for a copy", event_id="Ev-follow")
    follow_up_in_thread(app, "also her mum asked for a copy", event_id="Ev-follow", retry_num=1)
    # the same message delivered under another event id (a second process, a replayed event) too
    follow_up_in_thread(app, "also her mum asked for a copy", event_id="Ev-other")
    assert len(service.escalation(escalation.id).follow_ups) == 1
    assert len(posts_in(fake_slack, ADVISOR_CHANNEL, escalation.advisor_ts)) == 1
    assert len(posts_in(fake_slack, "C123", THREAD)) == 1


def test_someone_elses_mention_in_that_thread_is_not_attached(app, fake_slack, service):
    escalation = escalate_a_mention(app, fake_slack, service)
    fake_slack.reset()
    follow_up_in_thread(app, ANSWERED_QUESTION, user=STRANGER)
    assert service.escalation(escalation.id).follow_ups == ()
    assert service.recent_questions(STRANGER)  # an ordinary question of their own, answered
    assert not posts_in(fake_slack, ADVISOR_CHANNEL)


def test_thanks_in_the_thread_is_small_talk_not_a_follow_up(app, fake_slack, service):
    escalation = escalate_a_mention(app, fake_slack, service)
    follow_up_in_thread(app, "thanks!")
    assert service.escalation(escalation.id).follow_ups == ()


def test_once_answered_a_mention_in_the_thread_is_a_new_question(app, fake_slack, service):
    escalation = escalate_a_mention(app, fake_slack, service)
    submit_answer(app, escalation.id, "Not a sharing question.")
    assert service.escalation(escalation.id).state == ANSWERED
    follow_up_in_thread(app, ANSWERED_QUESTION)
    assert service.escalation(escalation.id).follow_ups == ()
    assert len(service.recent_questions(ASKER)) == 2


def test_an_urgent_follow_up_flags_the_escalation_urgent(app, fake_slack, service):
    escalation = escalate_a_mention(app, fake_slack, service)
    assert not escalation.urgent
    fake_slack.reset()
    follow_up_in_thread(app, "he has just threatened to kill her with a knife and she is outside now")
    assert service.escalation(escalation.id).urgent and service.escalation(escalation.id).state == OPEN
    (post,) = posts_in(fake_slack, ADVISOR_CHANNEL, escalation.advisor_ts)
    assert post["text"].startswith("<!here> URGENT") and post.get("reply_broadcast") in (True, "1", "true")
    assert "999" in texts_of_body(posts_in(fake_slack, "C123", THREAD)[0])


def test_urgent_follow_ups_page_the_advisors_at_most_once_an_escalation_in_thirty_minutes(
        app, fake_slack, service, monkeypatch):
    """8 urgent follow-ups paged @here 8 times (s9 M5): now the first pages; the others within 30 minutes are
    posted to the channel flagged urgent, without the page; past 30 minutes one pages again."""
    from bot.times import stored, utc_now
    escalation = escalate_a_mention(app, fake_slack, service)
    fake_slack.reset()
    for i in range(4):
        follow_up_in_thread(app, f"he says he will hurt her tonight, she is in danger now ({i})",
                            ts=f"1700000000.00090{i}")
    posts = posts_in(fake_slack, ADVISOR_CHANNEL, escalation.advisor_ts)
    assert len(posts) == 4 and [p["text"].startswith("<!here>") for p in posts] == [True, False, False, False]
    assert all(p.get("reply_broadcast") in (True, "1", "true") and "URGENT" in p["text"] for p in posts)
    fake_slack.reset()
    later = utc_now() + dt.timedelta(minutes=31)
    monkeypatch.setattr(service.store, "now", lambda: stored(later))
    follow_up_in_thread(app, "he says he will hurt her tonight, she is in danger now (5)", ts="1700000000.000905")
    (post,) = posts_in(fake_slack, ADVISOR_CHANNEL, escalation.advisor_ts)
    assert post["text"].startswith("<!here> URGENT")


def test_a_follow_up_goes_with_its_question_on_erasure(app, fake_slack, service):
    escalation = escalate_a_mention(app, fake_slack, service)
    follow_up_in_thread(app, "the school nurse has already been told")
    submit_answer(app, escalation.id, "Not a sharing question.")
    assert service.subject_access(ASKER)["records"]["follow_ups"]
    service.store.erase_person(ASKER)
    assert service.store.follow_ups_of(escalation.id) == ()


# a thread mention with no question of its own ------------------------------------------------------


CASE = "1700000050.000001"


def ask_about_the_thread(app, text="can we share this?", user=ASKER, event_id=None):
    event = h.app_mention_event(f"<@{h.BOT_USER_ID}> {text}", user=user, ts="1700000050.000500", thread_ts=CASE)
    return send(app, h.event_request(event, event_id=event_id))


def test_a_thread_mention_with_no_question_of_its_own_asks_about_the_first_message(app, fake_slack, service):
    fake_slack.set_thread("C123", CASE, {"user": "U999", "text": f"{ANSWERED_QUESTION} Her NHS number is 943 476 5919."})
    ask_about_the_thread(app)
    read = fake_slack.last("conversations.replies").body
    assert read["channel"] == "C123" and read["ts"] == CASE
    (question, _), = service.recent_questions(ASKER)
    assert question.text.startswith(ANSWERED_QUESTION) and "943 476 5919" not in question.text
    assert question.where.thread_ts == CASE
    reply = fake_slack.last("chat.postMessage").body
    assert reply["channel"] == "C123" and reply["thread_ts"] == CASE


def test_a_thread_mention_with_its_own_question_does_not_read_the_thread(app, fake_slack, service):
    fake_slack.set_thread("C123", CASE, {"user": "U999", "text": "something else entirely"})
    ask_about_the_thread(app, ANSWERED_QUESTION)
    assert fake_slack.calls("conversations.replies") == []
    assert service.recent_questions(ASKER)[0][0].text == ANSWERED_QUESTION


@pytest.mark.parametrize("error, told", [("missing_scope", NOT_ALLOWED), ("not_in_channel", NOT_ALLOWED),
                                         ("thread_not_found", NOT_READ)])
def test_when_the_thread_cannot_be_read_the_asker_is_told_to_use_the_shortcut(app, fake_slack, service, error, told):
    fake_slack.fail_next("conversations.replies", error=error)
    ask_about_the_thread(app, event_id="Ev-unreadable")
    assert service.recent_questions(ASKER) == []
    said = fake_slack.last("chat.postEphemeral").body  # to the asker alone, in the thread
    assert said["text"] == without_format_marks(told) and "Ask canishare" in said["text"]
    assert (said["user"], said["thread_ts"]) == (ASKER, CASE)
    ask_about_the_thread(app, event_id="Ev-unreadable")  # Slack's retry: told once
    assert len([c for c in fake_slack.calls("chat.postEphemeral") if c.body["text"] == without_format_marks(told)]) == 1


def test_a_thread_whose_first_message_has_no_words_is_said_so(app, fake_slack, service):
    fake_slack.set_thread("C123", CASE, {"user": "U999", "text": ""})
    ask_about_the_thread(app, "see above")
    assert service.recent_questions(ASKER) == []
    assert "no text I can check" in fake_slack.last("chat.postEphemeral").body["text"]


# an edited DM question -----------------------------------------------------------------------------

ORIGINAL = "Can I share a pupil's details with CAMHS?"
EDITED = "Can I share a pupil's details with CAMHS without parental consent? We're in Scotland"


def dm_edit(before, after, *, user=ASKER, event_id=None, bot_id=None):
    message = {"type": "message", "user": user, "text": after, "ts": "1700000040.000001",
               "edited": {"user": user, "ts": "1700000040.000099"}}
    if bot_id:
        message["bot_id"] = bot_id
    return h.event_request({
        "type": "message", "subtype": "message_changed", "channel_type": "im", "channel": "D123",
        "ts": "1700000040.000099", "event_ts": "1700000040.000099", "message": message,
        "previous_message": {"type": "message", "user": user, "text": before, "ts": "1700000040.000001"},
    }, event_id=event_id)


def ask_by_dm(app, text=ORIGINAL):
    send(app, h.event_request(h.dm_event(text, ts="1700000040.000001")))


def test_an_edited_dm_question_is_answered_again_as_edited(app, fake_slack, service):
    ask_by_dm(app)
    fake_slack.reset()
    send(app, dm_edit(ORIGINAL, EDITED))
    newest, first = [q for q, _ in service.recent_questions(ASKER)]
    assert first.text == ORIGINAL and newest.text == EDITED
    assert newest.where == first.where  # answered where the original was
    (reply,) = fake_slack.calls("chat.postMessage")
    assert reply.body["channel"] == "D123" and "Scotland" in texts_of(reply)


def test_an_edit_event_retried_is_answered_once(app, fake_slack, service):
    ask_by_dm(app)
    fake_slack.reset()
    send(app, dm_edit(ORIGINAL, EDITED, event_id="Ev-edit"))
    send(app, dm_edit(ORIGINAL, EDITED, event_id="Ev-edit"))
    assert len(service.recent_questions(ASKER)) == 2
    assert len(fake_slack.calls("chat.postMessage")) == 1


def test_an_edit_that_changes_no_words_is_not_answered(app, fake_slack, service):
    ask_by_dm(app)
    fake_slack.reset()
    send(app, dm_edit(ORIGINAL, ORIGINAL.lower().rstrip("?") + " ?"))
    assert len(service.recent_questions(ASKER)) == 1 and fake_slack.calls("chat.postMessage") == []


def test_an_edit_long_after_the_answer_is_not_answered_and_the_asker_is_told_why(app, fake_slack, service,
                                                                                  monkeypatch):
    ask_by_dm(app)
    fake_slack.reset()
    later = dt.datetime.now(dt.timezone.utc) + edits.EDIT_ANSWERED_WITHIN + dt.timedelta(seconds=5)
    monkeypatch.setattr(service.store, "now", lambda: later.isoformat(timespec="seconds"))
    send(app, dm_edit(ORIGINAL, EDITED, event_id="Ev-late"))
    send(app, dm_edit(ORIGINAL, EDITED, event_id="Ev-late"))  # Slack's retry: told once
    assert len(service.recent_questions(ASKER)) == 1
    (told,) = fake_slack.calls("chat.postMessage")
    assert "I have not answered the new wording" in texts_of(told) and "send it to me as a new message" in texts_of(told)
    assert "Scotland" not in texts_of(told)  # the edit is not echoed as if answered


def test_edits_of_messages_that_were_not_questions_or_by_bots_are_ignored(app, fake_slack, service):
    send(app, dm_edit("hello", EDITED))  # never asked: nothing was answered
    send(app, dm_edit(ORIGINAL, EDITED, bot_id="B999"))
    assert service.recent_questions(ASKER) == [] and fake_slack.calls("chat.postMessage") == []


def test_the_home_tab_answer_button_still_opens_the_modal_with_follow_ups(app, fake_slack, service):
    escalation = escalate_a_mention(app, fake_slack, service)
    follow_up_in_thread(app, "the school nurse has already been told")
    click_in_home(app, ids.ANSWER_ACTION, str(escalation.id), ADVISOR)
    assert "school nurse" in texts_of_body(fake_slack.last("views.open").body["view"])


# over the limit (follow-up review rv6fu1, finding 5) -----------------------------------------------

LONG_BACKGROUND = ("Background from the case file: the family moved here last spring and the children attend the "
                   "local primary school, where attendance has been good and the parents come to every review. ") * 25


def test_an_urgent_follow_up_over_the_limit_is_cut_and_flags_the_escalation(app, fake_slack, service):
    escalation = escalate_a_mention(app, fake_slack, service)
    fake_slack.reset()
    text = LONG_BACKGROUND + "Her ex-partner is outside the house right now with a knife and says he will stab her tonight."
    assert len(text) > 4000
    follow_up_in_thread(app, text)
    stored = service.escalation(escalation.id)
    (added,) = stored.follow_ups
    assert stored.urgent and "with a knife" in added.text and "Cut by canishare" in added.text
    assert len(added.text) <= 4000 + 200  # cut to the limit (placeholders may add a little)
    (post,) = posts_in(fake_slack, ADVISOR_CHANNEL, escalation.advisor_ts)
    assert post["text"].startswith("<!here> URGENT")
    assert "999" in texts_of_body(posts_in(fake_slack, "C123", THREAD)[0])


def test_a_follow_up_over_the_limit_without_a_risk_now_is_refused_in_its_thread(app, fake_slack, service):
    escalation = escalate_a_mention(app, fake_slack, service)
    fake_slack.reset()
    follow_up_in_thread(app, LONG_BACKGROUND + "Can I send all of this to the new school?")
    assert service.escalation(escalation.id).follow_ups == ()
    refusals = [c.body for c in fake_slack.calls() if "I can take up to 4,000" in texts_of_body(c.body)]
    assert refusals and all(r.get("channel") == "C123" and r.get("thread_ts") == THREAD for r in refusals)


def test_no_bidirectional_control_reaches_slack_from_a_question_or_a_follow_up(app, fake_slack, service):
    """Echoed in the card, the thread, the asker's reply and App Home (s9 L2)."""
    escalate_a_mention(app, fake_slack, service, text="zorblat quux \u202eevil\u202c can I share the frobnitz?")
    follow_up_in_thread(app, "one more \u2066detail\u2069 \u202eon\u202c")
    shown = [json.dumps(c.body, ensure_ascii=False) for c in fake_slack.calls()]
    assert any("zorblat" in s for s in shown) and any("detail" in s for s in shown)
    assert not [s for s in shown if any(ch in s for ch in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")]
    assert not any("\u202e" in q.text for q in service.store.questions())
