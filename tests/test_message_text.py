"""A message's top-level ``text`` carries the message on its own (accessibility review s10 #1-#5).

Slack's chat.postMessage reference: "screen readers will default to the top-level text field of your post,
and will not read the content of any interior blocks"; phone notifications show only ``text``. So whatever
a message's blocks ask the reader to do or know first (act now, do not wait, that an answer does not hold
where they are, their nation's note) is in its ``text``, and the text has no emoji codes for a screen reader
to spell out. Every message the asker or an advisor receives is rendered with realistic inputs."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re

import pytest
from test_slack_blocks import escalation as card_escalation
from test_slack_blocks import question as mention_question

from bot.answers import entry_title
from bot.matching import Matcher
from bot.mrkdwn import escape_mrkdwn
from bot.named_nations import answer_nation
from bot.nations import Reader, nation_lines
from bot.policy_copy import ACT_NOW, DISCLAIMER, DO_NOT_WAIT, SHARING_TO_PREVENT_HARM
from bot.questions import asks_more_than_one_thing
from bot.records import ANSWERED, CLAIMED, CLOSED, OPEN, DecisionRecord, Escalation, FollowUp, Question, Where
from bot.slack.blocks import advisor_card, asker_notices, follow_ups, ids, replies
from bot.slack.blocks.faq_answer import answer_mrkdwn, nation_blocks, nation_lead
from bot.slack.blocks.kit import clip, preview, section
from bot.slack.blocks.plain import TEXT_LIMIT, blocks_text, plain_text

NOW = dt.datetime(2026, 11, 26, 12, 0, tzinfo=dt.timezone.utc)
AWAY = ("The advisors are not working now. They work Monday to Friday 09:00 to 17:00 (UK time); they will see it "
        "from Monday 30 November at 09:00.")
TWO_ASKS = "Can I email the referral to the police and do I need to tell mum first?"
CARDIFF = "I'm a social worker in Cardiff, can I share a child's welfare concerns with the school?"
EMOJI_CODE = re.compile(r"(?<![\w:]):[a-z][a-z0-9_+\-]*:(?![\w:])|:\+1:")
# What a reader must get first, wherever the blocks say it: act now, do not wait, where an answer does not hold
MUST_CARRY = re.compile(r"999|[Dd]o not wait|does not hold|What applies in|not working now")


def question(text="Can I share this?", **changes) -> Question:
    """Asked by DM, where the reply also says what was asked and what was removed."""
    return mention_question(text, **{"where": Where("dm", "D1", "1.1", "1.1"), **changes})


def escalation(state=OPEN, **changes) -> Escalation:
    return card_escalation(state, **{"question": question(), **changes})


def follow_up(urgent=True, **changes) -> FollowUp:
    fields = dict(id=1, escalation_id=3, question_id=7, text="He is coming back tonight with a knife.",
                  redacted_kinds=("name",), urgent=urgent, created_at="2026-11-26T11:30:00+00:00", risk=None)
    return FollowUp(**{**fields, **changes})


RECORD = DecisionRecord(id=4, user="U123", decision="shared", shared_with="children's social care",
                        what_shared="our concerns about two recent injuries", lawful_basis="UK GDPR Art 6(1)(e)",
                        reasons="The risk of harm outweighed the loss of confidence.", person_told="no",
                        not_told_why="Telling them would put the child at greater risk.",
                        created_at="2026-11-26T11:00:00+00:00", faq_id="emergency-sharing",
                        faq_question="Can I share in an emergency?", faq_last_reviewed="2026-11-30",
                        redacted_kinds=("name",))


def every_message(faq) -> dict:
    """Every message the asker or an advisor receives, by name."""
    e = {entry.id: entry for entry in faq.entries}
    england_only, with_notes = e["child-welfare-duty-to-share"], e["consent-always-required"]
    urgent_q = question("A child said dad will hurt her tonight, can I tell someone?", urgent=True)
    named = question("Can I tell Mr Smith's GP?", redacted_kinds=("name",))
    answered = escalation(ANSWERED, answer="Yes, you can share with the school now. Tell your DSL first.",
                          answered_by="U9", answered_at="2026-11-26T11:30:00+00:00", linked_faq_id=england_only.id)
    messages = {
        "answer, no nation": replies.reply_message(question(decision="answer"), "answer", [england_only], False),
        "answer, own nation's note": replies.entry_message(with_notes, 7, "wales"),
        "answer, does not hold": replies.entry_message(england_only, 7, "scotland"),
        "answer, the question names Wales": replies.reply_message(
            question(CARDIFF, decision="answer"), "answer", [england_only], False,
            answer_nation(CARDIFF, "england", False)),
        "answer, a nation also named": replies.entry_message(england_only, 7, Reader(
            "england", also=("wales",), why="Your question names Wales; answered for England, your setting.")),
        "suggestions": replies.reply_message(question(), "suggest", list(faq.entries[:3]), False),
        "suggestions, urgent": replies.reply_message(urgent_q, "suggest", list(faq.entries[:3]), True),
        "answer, two asks": replies.reply_message(question(TWO_ASKS, decision="answer"), "answer", [with_notes], False),
        "no answer, identifiers removed": replies.reply_message(named, "escalate", [], False),
        "urgent, no answer": replies.reply_message(urgent_q, "escalate", [], True),
        "urgent, no answer, out of hours": replies.reply_message(urgent_q, "escalate", [], True, away=AWAY),
        "urgent, answered": replies.reply_message(urgent_q, "answer", [e["emergency-sharing"]], True, "england"),
        "urgent, cut": asker_notices.with_cut_notice(replies.reply_message(urgent_q, "escalate", [], True), 5230,
                                                     "dm"),
        "Welsh": replies.reply_message(question("A gaf i rannu gwybodaeth am blentyn?"), "escalate", [], False),
        "usage": replies.usage_message(), "greeting": replies.greeting_message(),
        "welcome": replies.welcome_message(),
        "error": replies.error_message(), "store down": replies.error_message(store_down=True),
        "busy": replies.error_message(busy=True),
        "helpful": replies.feedback_thanks(True, 7), "not helpful": replies.feedback_thanks(False, 7),
        "not helpful, not the asker": replies.feedback_thanks(False, 7, by_asker=False),
        "escalated": replies.escalated_message(escalation(), "dm", True, remind_after="4 hours"),
        "escalated, out of hours": replies.escalated_message(escalation(), "mention", True, "4 hours", away=AWAY),
        "already escalated": replies.escalated_message(escalation(), "dm", False),
        "advisor's answer": replies.advisor_answer_message(
            escalation(ANSWERED, answer=answered.answer, answered_by="U9"), faq),
        "advisor's answer, linked, does not hold": replies.advisor_answer_message(
            answered, faq, answer_nation(CARDIFF, "england", False)),
        "advisor's answer, shared thread": replies.advisor_answer_message(answered, faq, "scotland", shared=True),
        "advisor's answer, linked, own nation's note": replies.advisor_answer_message(
            dataclasses.replace(answered, linked_faq_id=with_notes.id), faq, "wales"),
        "closed": replies.closed_message(escalation(CLOSED)),
        "closed, urgent": replies.closed_message(escalation(CLOSED, urgent=True)),
        "answer redacted (advisor)": replies.answer_redacted_message(3, ["phone", "name"]),
        "decision record": replies.decision_record_message(RECORD),
        "privacy notice": asker_notices.privacy_notice_message(question("Can I tell Mr Smith's GP about 07700?",
                                                                        redacted_kinds=("name", "phone"))),
        "follow-up privacy": asker_notices.follow_up_privacy_message(follow_up(False)),
        "claimed": asker_notices.claimed_message(escalation(CLAIMED, claimed_by="U9")),
        "reopened": asker_notices.claimed_message(escalation(CLAIMED, claimed_by="U9",
                                                             reopened_at="2026-11-26T11:40:00+00:00")),
        "follow-up added, urgent, out of hours": follow_ups.follow_up_added_message(escalation(), follow_up(), away=AWAY),
        "follow-up added, urgent": follow_ups.follow_up_added_message(escalation(), follow_up()),
        "follow-up added": follow_ups.follow_up_added_message(escalation(), follow_up(False)),
        "follow-up added, held": follow_ups.follow_up_added_message(escalation(), follow_up(False),
                                                                    held_until="2026-11-26T11:40:00+00:00"),
        "follow-up post (advisor)": follow_ups.follow_up_post(escalation(CLAIMED, claimed_by="U9"), follow_up()),
        "held follow-ups (advisor)": follow_ups.held_follow_ups_post(escalation(), [follow_up(), follow_up(False)]),
        "card, urgent, paged": advisor_card.advisor_message(escalation(urgent=True, question=urgent_q), faq, NOW,
                                                            page="<!here>"),
        "card, answered": advisor_card.advisor_message(answered, faq, NOW, undelivered="cannot_dm_user"),
        "reminder": advisor_card.reminder_message(escalation(urgent=True), NOW, page="<!here>"),
        "reminder, claimed": advisor_card.reminder_message(
            escalation(CLAIMED, claimed_by="U9", claimed_at="2026-11-26T07:00:00+00:00"), NOW),
    }
    return messages


@pytest.fixture(scope="module")
def messages(faq):
    return every_message(faq)


def sentences(text: str) -> list[str]:
    return [s.strip() for line in text.splitlines() for s in re.split(r"(?<=[.!?])\s+", line) if s.strip()]


def test_whatever_the_blocks_say_to_act_on_first_is_in_the_text(messages):
    missing = {name: [s for s in sentences(blocks_text(m.blocks)) if MUST_CARRY.search(s)
                      and s not in plain_text(m.text)]
               for name, m in messages.items()}
    assert {name: gaps for name, gaps in missing.items() if gaps} == {}


def test_no_text_has_emoji_codes_for_a_screen_reader_to_spell_out(messages):
    assert {name: EMOJI_CODE.findall(m.text) for name, m in messages.items() if EMOJI_CODE.search(m.text)} == {}


def test_an_urgent_message_leads_with_the_act_now_message_as_policy_words_it(messages):
    for name in ("urgent, no answer", "urgent, answered", "urgent, cut", "follow-up added, urgent",
                 "follow-up added, urgent, out of hours"):
        assert messages[name].text.startswith(f"{ACT_NOW} {SHARING_TO_PREVENT_HARM}"), name


def test_out_of_hours_the_text_says_not_to_wait_and_not_that_an_advisor_has_it(messages):
    for name in ("urgent, no answer, out of hours", "follow-up added, urgent, out of hours"):
        text = messages[name].text
        assert "Do not wait for them. The advisors are not working now." in text, name
        assert "An advisor has" not in text, name


def test_every_answer_text_leads_with_every_nation_line_its_blocks_lead_with(faq):
    for entry in faq.entries:
        for nation in (None, "england", "wales", "scotland", "northern-ireland"):
            lines = nation_lines(entry, nation)
            lead = nation_lead(lines, nation)
            assert replies.entry_message(entry, 7, nation).text.startswith(lead), (entry.id, nation)
            for line in (*lines.before, *lines.mentioned, lines.why):
                assert line.replace("&", "&amp;") in lead, (entry.id, nation, line)
            assert bool(lead) == bool(nation_blocks(lines, nation))


def test_the_readers_own_nation_note_and_a_named_nations_warning_come_first(messages):
    own = messages["answer, own nation's note"].text  # a long note: a line first, the note after the answer
    assert own.startswith("This answer holds in Wales. What differs there is in the note after it.\n")
    assert "\nWales: The Department for Education's advice" in own
    assert messages["answer, the question names Wales"].text.startswith(
        "Your question names Wales. This answer does not hold in Wales")
    assert messages["answer, does not hold"].text.startswith("This answer does not hold in Scotland")
    assert messages["answer, no nation"].text.startswith("Applies in England only")


def test_an_advisors_answer_says_so_first_then_any_nation_warning_then_the_answer(messages):
    text = messages["advisor's answer, linked, does not hold"].text
    assert text.startswith("An advisor has answered your question (escalation #3):\n"
                           "Your question names Wales. This answer does not hold in Wales")
    assert text.index("does not hold in Wales") < text.index("Yes, you can share with the school now. Tell your DSL")
    assert text.endswith(DISCLAIMER)
    assert "Yes, you can share with the school now." in messages["advisor's answer"].text


def test_an_advisors_answer_gives_the_readers_own_nation_note_after_it_beside_the_entry_it_is_about(messages):
    message = messages["advisor's answer, linked, own nation's note"]
    text, blocks = message.text, blocks_text(message.blocks)
    for said in (text, blocks):
        assert said.index("An advisor has answered") < said.index("Yes, you can share") \
            < said.index("This is covered by the FAQ entry") < said.index("Wales: "), said


def test_the_closed_notice_says_what_to_do_next_and_not_to_wait_when_urgent(messages):
    assert "data protection officer" in messages["closed"].text and DO_NOT_WAIT not in messages["closed"].text
    assert "data protection officer" in messages["closed, urgent"].text
    assert DO_NOT_WAIT in messages["closed, urgent"].text


def test_the_text_says_what_was_removed_and_to_check_the_rest(messages):
    text = messages["no answer, identifiers removed"].text
    assert "I removed the name from your question" in text and "check that nothing else" in text


def test_the_decision_record_text_is_the_record_to_paste(messages):
    text = messages["decision record"].text
    for typed in ("children's social care", "The risk of harm outweighed the loss of confidence.",
                  "Telling them would put the child at greater risk."):
        assert typed in text, typed
    assert "I removed the name from what you typed" in text


def test_plain_text_keeps_times_mentions_and_link_addresses():
    assert plain_text(":warning: *Call 999* at 09:00, <@U1>: <https://ico.org.uk/x|ICO guidance> :+1:") == \
        "Call 999 at 09:00, <@U1>: ICO guidance (https://ico.org.uk/x)"


# an answer's text is the whole answer (s10 #6) -------------------------------------------------------------


@pytest.mark.parametrize("nation", [None, "england", "wales"])
def test_an_answers_text_is_the_whole_answer_with_its_basis_sources_and_notice(faq, nation):
    for entry in faq.entries:
        text = replies.entry_message(entry, 7, nation).text
        answer = blocks_text([section(answer_mrkdwn(entry))])
        assert answer in text, entry.id  # whole, not cut: no "…" of ours in it
        assert "…" not in text.replace(answer, ""), entry.id
        for basis in entry.legal_basis:
            assert escape_mrkdwn(basis) in text, (entry.id, basis)
        for source in entry.sources:
            assert f"{escape_mrkdwn(source.title)} ({source.url})" in text, (entry.id, source.title)
        assert text.endswith(DISCLAIMER) and len(text) <= TEXT_LIMIT


@pytest.mark.parametrize("nation", [None, "england", "scotland"])
def test_an_answers_text_says_what_it_answers_before_its_verdict(faq, nation):
    """The answer's first word ("No", "Wrong") replies to the entry's title, not to the reader's own question:
    a screen reader or a notification that gets only the text must hear the title first, as the blocks show it."""
    for entry in faq.entries:
        text = replies.entry_message(entry, 7, nation).text
        title = escape_mrkdwn(entry_title(entry.question))
        answer = blocks_text([section(answer_mrkdwn(entry))])
        assert title in text and text.index(title) < text.index(answer), (entry.id, nation)
        assert text.startswith(nation_lead(nation_lines(entry, nation), nation)), (entry.id, nation)


def test_suggestions_name_each_entry_whole_in_the_text(messages, faq):
    for entry in faq.entries[:3]:
        assert escape_mrkdwn(entry_title(entry.question)) in messages["suggestions"].text


def test_an_urgent_questions_suggestions_are_for_meanwhile_and_never_offer_to_send_it_again(messages):
    """It was sent to the advisors as it was asked: a "None of these: ask an advisor" button only told the
    asker it was escalated already (users review s11 #7)."""
    message = messages["suggestions, urgent"]
    assert replies.WITH_THE_ADVISORS in message.text and replies.URGENT_SUGGESTIONS in message.text
    assert "999" in message.text.split("\n")[0]  # the act-now message still first
    actions = [e for b in message.blocks if b["type"] == "actions" for e in b["elements"]]
    assert all(e["action_id"] != ids.ESCALATE for e in actions)
    assert any(e["action_id"] == ids.ESCALATE for b in messages["suggestions"].blocks if b["type"] == "actions"
               for e in b["elements"])


def test_the_help_text_names_every_way_to_ask_and_its_example_is_answered(faq):
    text = replies.usage_message().text
    for way in ("/canishare", "direct message", "mention me", "message shortcut"):
        assert way in text, way
    assert Matcher(faq).match(replies.USAGE_EXAMPLE).decision == "answer"


def test_an_answer_to_a_question_of_two_asks_says_which_it_answers_before_the_buttons(messages):
    message = messages["answer, two asks"]
    said = "Your question asks more than one thing; this answers"
    assert said in message.text and message.text.index(said) < message.text.index("Legal basis:")
    kinds = [b["type"] for b in message.blocks]
    aside = next(n for n, b in enumerate(message.blocks) if said in json.dumps(b))
    assert kinds[aside - 1] == "section" and kinds[aside + 1] == "actions"
    assert said not in messages["answer, no nation"].text


@pytest.mark.parametrize("text, two", [
    (TWO_ASKS, True),
    ("Can I share the family's details with the housing officer, and do I have to tell the family first?", True),
    ("Can I share with the police? Do I need consent to do it?", True),
    ("Do I need consent to share with the school and the GP?", False),
    ("police asking for CCTV footage from our reception, do we have to hand it over?", False),
    ("Are we allowed to share previous convictions? We're a youth charity, not the police.", False),
    ("Can I share? What if they object?", False),
    # a statement then one ask, an ask opening with a conjunction, an ask then a request for advice on it
    ("I'm the DSL and am I allowed to share the referral with the school nurse?", False),
    ("The police have asked for it and do we have to give them the CCTV?", False),
    ("Also can I share the report with the GP?", False),
    ("Can I share the referral with the school? What do you think?", False),
    ("Can we give the police our CCTV? Am I OK to do that?", False),
])
def test_a_question_of_two_asks_is_told_from_one_with_a_preamble_or_a_list(text, two):
    assert asks_more_than_one_thing(text) is two


def test_a_preview_ends_at_a_sentence_else_at_a_word_never_mid_word():
    text = "Share what is needed. Record why you shared it, with whom and when, in the case notes."
    assert preview(text, 40) == "Share what is needed. …"
    assert preview(text, 60) == "Share what is needed. Record why you shared it, with whom…"
    assert preview(text, 200) == text
    assert clip("Record why you shared it, with whom", 20) == "Record why you…"
    assert clip("x" * 50, 20) == "x" * 19 + "…"  # no word to cut at


def emptiest_messages(faq) -> dict:
    """Each builder given the least it can be given: nothing removed, nothing cut, no suggestions, no entries."""
    return {
        "privacy notice, nothing removed or cut": asker_notices.privacy_notice_message(question(redacted_kinds=())),
        "privacy notice, only cut": asker_notices.privacy_notice_message(question(redacted_kinds=()), cut_from=5230),
        "nothing cut": asker_notices.with_cut_notice(replies.greeting_message(), None, "dm"),
        "privacy pointer": asker_notices.with_privacy_pointer(replies.usage_message(), None, 30),
        "earlier copy": advisor_card.with_earlier_copy_note(advisor_card.advisor_message(escalation(), faq, NOW)),
        "no suggestions": replies.reply_message(question(), "suggest", [], False),
        "no held follow-ups": follow_ups.held_follow_ups_post(escalation(), []),
        "no follow-up text": follow_ups.follow_up_post(escalation(), follow_up(False, text="")),
    }


def test_no_message_has_blocks_without_text(faq):
    """Review s11 code #10: a screen reader reads the text alone, so a message with blocks never has an empty one."""
    for name, message in {**every_message(faq), **emptiest_messages(faq)}.items():
        assert message.text.strip() or not message.blocks, name


def test_a_notice_with_no_words_is_refused_rather_than_sent_without_text():
    for text in ("", "  ", ":tada:"):
        with pytest.raises(ValueError):
            replies.notice_message(text)


def message_builders() -> list[str]:
    """Every function of ``bot.slack.blocks`` that returns a ``Message``."""
    import importlib
    import inspect
    import pkgutil

    import bot.slack.blocks as package

    modules = [importlib.import_module(f"{package.__name__}.{m.name}") for m in pkgutil.iter_modules(package.__path__)]
    return sorted(f"{module.__name__.rpartition('.')[2]}.{name}" for module in modules
                  for name, function in vars(module).items()
                  if inspect.isfunction(function) and function.__module__ == module.__name__
                  and function.__annotations__.get("return") == "Message")


def test_every_message_builder_is_checked_here():
    import inspect

    called = inspect.getsource(every_message) + inspect.getsource(emptiest_messages)
    wrapped = {"notice_message": "error_message"}  # the error messages are notices
    names = [builder.rpartition(".")[2] for builder in message_builders()]
    missing = [name for name in names if not re.search(rf"\.{wrapped.get(name, name)}\(", called)]
    assert len(names) >= 20 and missing == []


@pytest.mark.parametrize("build", [
    lambda: replies.answer_redacted_message(3, []),
    lambda: asker_notices.follow_up_privacy_message(follow_up(redacted_kinds=())),
])
def test_a_notice_of_what_was_removed_is_refused_when_nothing_was(build):
    """Never owed then (the service owes them only when something was removed); built anyway, they said
    'I removed the  from it'."""
    with pytest.raises(ValueError, match="nothing was removed"):
        build()


def test_an_advisors_answer_says_the_entry_holds_only_in_part_before_the_advisors_words(faq):
    """'Holds in part' is what a reader there must hear first, as under an FAQ answer (follow-up review s11)."""
    entry = next(e for e in faq.entries if "scotland" in e.holds_in_part)
    answered = escalation(ANSWERED, answer="Yes, you can share it now.", answered_by="U9", linked_faq_id=entry.id)
    text = replies.advisor_answer_message(answered, faq, "scotland").text
    assert text.index("Holds in part in Scotland") < text.index("Yes, you can share it now.")
