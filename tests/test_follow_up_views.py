"""Advisors can read every follow-up whole, the urgent part first (review 7: security #2, advisor #4).
The post in the card's thread carries all of a follow-up, in as many sections as it needs; the card and
the answer modal show each of the latest follow-ups in its own section, an urgent one leading with the
sentences that made it urgent, and a shortened one says where to read it whole."""

import json

import pytest
from slack_flow_fixtures import *  # noqa: F403 - the app's fixtures
from test_block_kit_limits import NOW, assert_within_limits, escalation
from test_slack_flows import ADVISOR, ADVISOR_CHANNEL, click, click_in_home, escalate_a_mention
from test_slack_follow_ups import follow_up_in_thread, posts_in

from bot.records import OPEN, FollowUp, Where
from bot.service import Service
from bot.slack.blocks import ids
from bot.slack.blocks.advisor_card import advisor_message
from bot.slack.blocks.follow_ups import (
    CARD_FOLLOW_UP_CHARS,
    CUT_NOTE,
    MODAL_FOLLOW_UP_CHARS,
    follow_up_blocks,
    follow_up_post,
    shown_follow_up,
)
from bot.slack.blocks.modals import answer_modal
from bot.store import Store

BACKGROUND = ("Background from the case file: the family moved here last spring and the children attend the "
              "local primary school, where attendance has been good and the parents come to every review. ")
RISK = "KEYDETAIL: her stepfather is outside the school gate right now with a knife and says he will take her tonight."
URGENT_AT_THE_END = BACKGROUND * 19 + RISK  # 3,606 characters, the risk from character 3,496
MANY_LINES = "\n".join(f"item {i}" for i in range(60))


def follow_up(text, n=1, urgent=False) -> FollowUp:
    return FollowUp(id=n, escalation_id=3, question_id=7, text=text, redacted_kinds=(), urgent=urgent,
                    created_at=f"2026-11-26T11:{n:02d}:00+00:00")


def texts(blocks) -> list[str]:
    return [b["text"]["text"] for b in blocks if b["type"] == "section"]


def joined(payload) -> str:
    return json.dumps(payload, ensure_ascii=False)


# the post in the card's thread -------------------------------------------------------------------


def test_the_post_in_the_cards_thread_carries_a_follow_up_of_any_length_whole():
    for text in (BACKGROUND * 40, "x\n" * 2000, "a line of a pasted form\n" * 170, URGENT_AT_THE_END):
        message = follow_up_post(escalation(OPEN), follow_up(text, urgent=text is URGENT_AT_THE_END))
        assert_within_limits(message, "message")
        shown = "\n".join(texts(message.blocks))
        for line in text.splitlines():
            assert line.strip()[-60:] in shown  # every line, to its end (a section may begin mid-line)
        assert CUT_NOTE not in shown


def test_an_urgent_post_too_long_for_the_card_leads_with_what_makes_it_urgent():
    message = follow_up_post(escalation(OPEN), follow_up(URGENT_AT_THE_END, urgent=True))
    first = message.blocks[0]["text"]["text"]
    assert first.startswith(":rotating_light: *URGENT*") and "Why it is urgent" in first
    assert first.index("KEYDETAIL") < first.index("All of it") < first.index("Background from the case file")
    short = follow_up_post(escalation(OPEN), follow_up("he has a knife and is outside her house now", urgent=True))
    assert "Why it is urgent" not in joined(short.blocks)


# the card and the answer modal ---------------------------------------------------------------------


def test_a_follow_up_within_the_budget_is_shown_whole_and_not_marked_cut():
    for chars in (CARD_FOLLOW_UP_CHARS, MODAL_FOLLOW_UP_CHARS):
        shown = shown_follow_up(follow_up("the school nurse has already been told"), chars)
        assert shown == "> the school nurse has already been told"


def test_a_long_follow_up_is_shortened_to_its_budget_and_says_where_to_read_it():
    text = BACKGROUND * 30 + "LASTWORDS"
    for chars in (CARD_FOLLOW_UP_CHARS, MODAL_FOLLOW_UP_CHARS):
        shown = shown_follow_up(follow_up(text), chars)
        assert len(shown) <= chars and shown.endswith("\n" + CUT_NOTE)
        assert shown.startswith("> Background from the case file") and "LASTWORDS" not in shown
    assert len(shown_follow_up(follow_up(text), MODAL_FOLLOW_UP_CHARS)) > 2500  # the modal shows far more


def test_many_short_lines_are_shortened_counting_their_quotation_marks():
    text = "x\n" * 2000
    shown = shown_follow_up(follow_up(text), CARD_FOLLOW_UP_CHARS)
    assert len(shown) <= CARD_FOLLOW_UP_CHARS and shown.endswith(CUT_NOTE)
    assert all(line.startswith("> ") for line in shown.splitlines()[:-1])
    assert len(shown.splitlines()) <= CARD_FOLLOW_UP_CHARS // 40 + 1  # a short line takes a row of the card


def test_an_urgent_follow_up_shortened_leads_with_its_urgent_sentences():
    for chars in (CARD_FOLLOW_UP_CHARS, MODAL_FOLLOW_UP_CHARS):
        shown = shown_follow_up(follow_up(URGENT_AT_THE_END, urgent=True), chars)
        assert len(shown) <= chars and shown.endswith("\n" + CUT_NOTE)
        assert shown.startswith("_Why it is urgent:_\n> …") and "with a knife and says he will take her tonight" in shown
        assert shown.index("KEYDETAIL") < shown.index("_From the start:_") < shown.index("> Background from")


def test_the_risk_window_found_when_a_follow_up_was_added_is_used_without_reading_it_again(monkeypatch):
    import bot.slack.blocks.follow_ups as shown_module

    monkeypatch.setattr(shown_module, "risk_window", lambda text: pytest.fail("the text was read again"))
    start = URGENT_AT_THE_END.index("KEYDETAIL")
    stored = FollowUp(id=1, escalation_id=3, question_id=7, text=URGENT_AT_THE_END, redacted_kinds=(), urgent=True,
                      created_at="2026-11-26T11:01:00+00:00", risk=(start, len(URGENT_AT_THE_END)))
    shown = shown_follow_up(stored, CARD_FOLLOW_UP_CHARS)
    assert shown.startswith("_Why it is urgent:_\n> … KEYDETAIL: her stepfather is outside")


def test_the_service_finds_an_urgent_follow_ups_risk_window_once_when_it_is_added(tmp_path, faq):
    service = Service(Store(tmp_path / "c.db"), faq)
    asked = service.ask("the housing panel wants our tenancy notes for its review", "U1",
                        Where("mention", "C1", "111.1", "111.1"))
    escalation, _ = service.escalate(asked.question.id, "U1")
    urgent = service.add_follow_up(escalation, URGENT_AT_THE_END, "U1", "C1", "2.1")
    routine = service.add_follow_up(escalation, BACKGROUND * 3, "U1", "C1", "2.2")
    start, end = urgent.risk  # the sentences around the risk: the last two
    assert urgent.urgent and start < URGENT_AT_THE_END.index("KEYDETAIL") < end == len(URGENT_AT_THE_END)
    assert start > len(URGENT_AT_THE_END) - 2 * len(BACKGROUND)
    assert service.follow_up(urgent.id).risk == urgent.risk  # as stored
    assert not routine.urgent and routine.risk is None


def test_an_urgent_follow_up_urgent_from_its_start_is_shown_from_its_start():
    text = "He is outside her house right now with a knife and says he will kill her. " + BACKGROUND * 10
    shown = shown_follow_up(follow_up(text, urgent=True), CARD_FOLLOW_UP_CHARS)
    assert shown.startswith("> He is outside her house right now") and shown.endswith(CUT_NOTE)


def test_each_follow_up_has_its_own_section_so_the_newest_is_never_cut_for_older_ones():
    added = [follow_up(f"MARKER{n} update:\n{MANY_LINES}", n) for n in range(5)]
    for chars, ending in ((CARD_FOLLOW_UP_CHARS, CUT_NOTE), (MODAL_FOLLOW_UP_CHARS, "> item 59")):
        head, *each = texts(follow_up_blocks(added, chars))
        assert head == "*The asker added (5):*" and len(each) == 5
        for n, shown in enumerate(each):
            assert f"MARKER{n}" in shown and shown.endswith(ending)  # whole in the modal, shortened alike in the card


def test_with_more_than_five_the_latest_five_are_shown_and_the_others_pointed_to():
    added = [follow_up(f"MARKER{n} " + BACKGROUND * 5, n) for n in range(7)]
    head, *each = texts(follow_up_blocks(added, CARD_FOLLOW_UP_CHARS))
    assert "(7)" in head and "the 2 earlier in the card's thread" in head
    assert [f"MARKER{n}" in shown for n, shown in enumerate(each, start=2)] == [True] * 5
    assert all(shown.endswith(CUT_NOTE) for shown in each)


def test_urgent_follow_ups_before_the_latest_five_are_shown_too_and_the_others_pointed_to():
    added = [follow_up(f"MARKER{n} " + ("URGENTFACT " if n in (0, 2) else ""), n, urgent=n in (0, 2))
             for n in range(9)]
    head, *each = texts(follow_up_blocks(added, CARD_FOLLOW_UP_CHARS))
    assert "(9)" in head and "the 2 earlier in the card's thread" in head
    assert [shown.split()[-1] for shown in each] == ["URGENTFACT"] * 2 + [f"MARKER{n}" for n in range(4, 9)]
    assert ":rotating_light: *urgent*" in each[0]


def test_the_card_and_modal_stay_within_slacks_limits_with_many_long_urgent_follow_ups(faq):
    many = escalation(OPEN, follow_ups=tuple(follow_up(URGENT_AT_THE_END, n, urgent=True) for n in range(30)))
    assert_within_limits(advisor_message(many, faq, NOW), "message")
    assert_within_limits(answer_modal(many, faq.entries, {"escalation": 3}), "modal")


def test_the_card_and_modal_stay_within_slacks_limits_with_the_longest_follow_ups(faq):
    longest = [follow_up(text, n, urgent="KEYDETAIL" in text) for n, text in
               enumerate(["x\n" * 2000, URGENT_AT_THE_END, "<!channel> &amp; " * 300, MANY_LINES * 9,
                          BACKGROUND * 40, URGENT_AT_THE_END, "y" * 4000])]
    stuffed = escalation(OPEN, follow_ups=tuple(longest))
    assert_within_limits(advisor_message(stuffed, faq, NOW), "message")
    modal = answer_modal(stuffed, faq.entries, {"escalation": 3})
    assert_within_limits(modal, "modal")
    assert joined(modal).count("KEYDETAIL") == 2  # both urgent ones, the earlier too, urgent part first


# through the app -----------------------------------------------------------------------------------


def test_advisors_see_the_urgent_sentence_at_the_end_of_a_long_follow_up_everywhere(app, fake_slack, service):
    esc = escalate_a_mention(app, fake_slack, service)
    fake_slack.reset()
    follow_up_in_thread(app, URGENT_AT_THE_END)
    (post,) = posts_in(fake_slack, ADVISOR_CHANNEL, esc.advisor_ts)
    assert RISK in "".join(texts(post["blocks"])) and "Why it is urgent" in first_section(post["blocks"])
    card = fake_slack.last("chat.update").body
    assert "KEYDETAIL" in joined(card) and CUT_NOTE in joined(card)
    click(app, fake_slack, ids.ANSWER_ACTION, str(esc.id), user=ADVISOR, channel_id=ADVISOR_CHANNEL)
    assert "KEYDETAIL" in joined(fake_slack.last("views.open").body["view"])
    click_in_home(app, ids.ANSWER_ACTION, str(esc.id), ADVISOR)
    assert "KEYDETAIL" in joined(fake_slack.last("views.open").body["view"])


def test_five_follow_ups_of_many_short_lines_each_reach_the_modal_whole(app, fake_slack, service):
    esc = escalate_a_mention(app, fake_slack, service)
    for n in range(5):
        follow_up_in_thread(app, f"MARKER{n} update:\n{MANY_LINES}", ts=f"1700000000.00{n + 1}900")
    click(app, fake_slack, ids.ANSWER_ACTION, str(esc.id), user=ADVISOR, channel_id=ADVISOR_CHANNEL)
    modal = joined(fake_slack.last("views.open").body["view"])
    assert all(f"MARKER{n}" in modal for n in range(5)) and modal.count("item 59") == 5


def first_section(blocks) -> str:
    """The first section's text (an urgent post may lead with the page's context line)."""
    return next(b["text"]["text"] for b in blocks if b["type"] == "section")
