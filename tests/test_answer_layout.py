"""An FAQ answer's layout on a phone (accessibility review s10 #7): what must come first about where it
holds comes first; then a heading and the answer; then the buttons (Helpful, Not helpful, Ask an advisor,
Record my decision); and only after them the long tail: the legal basis (the answer cites its provisions
as it goes: users review s11 #9), the other nations' notes, the sources, the review date and the notice.
Nothing is left out or hidden behind a click."""

import dataclasses
import json

import pytest
from test_message_text import escalation

from bot.faq import NATIONS
from bot.nations import nation_lines
from bot.policy_copy import DISCLAIMER
from bot.records import ANSWERED
from bot.slack.blocks import replies
from bot.slack.blocks.faq_answer import entry_blocks, nation_blocks, source_link

BUTTONS = ["Helpful", "Not helpful", "Ask an advisor", "Record my decision"]


def split_at_the_buttons(blocks):
    (at,) = [n for n, b in enumerate(blocks) if b["type"] == "actions"]
    return blocks[:at], blocks[at], blocks[at + 1:]


@pytest.mark.parametrize("nation", [None, *NATIONS])
def test_the_buttons_come_right_after_the_answer_and_the_legal_basis_first_after_them(faq, nation):
    for entry in faq.entries:
        blocks = entry_blocks(entry, 7, nation)
        head, buttons, tail = split_at_the_buttons(blocks)
        lines = nation_lines(entry, nation)
        lead = nation_blocks(lines, None if nation is None else nation)
        assert head[:len(lead)] == lead, entry.id  # where it holds, first
        assert head[len(lead)]["type"] == "header", entry.id
        assert head[-1]["type"] == "section" and "Legal basis" not in json.dumps(head), entry.id
        assert tail[0]["text"]["text"].startswith("*Legal basis:*"), entry.id
        assert [b["text"]["text"] for b in buttons["elements"]] == BUTTONS
        before, after = json.dumps(head, ensure_ascii=False), json.dumps(tail, ensure_ascii=False)
        assert "Elsewhere in the UK" not in before and DISCLAIMER not in before and "*Source:*" not in before
        for source in entry.sources:  # nothing removed: every source, and the notice, after the buttons
            assert json.dumps(source_link(source), ensure_ascii=False)[1:-1] in after, (entry.id, source.title)
        assert DISCLAIMER in after
        for note in lines.after + lines.elsewhere:
            assert note.split(": ", 1)[-1][:40].replace("&", "&amp;") in after, (entry.id, note)


def test_the_heading_is_the_entrys_title_and_a_title_too_long_for_one_keeps_all_its_words(faq):
    entry = faq.entries[0]
    assert [b["text"]["text"] for b in entry_blocks(entry, 7) if b["type"] == "header"] == [entry.question]
    long_title = dataclasses.replace(entry, question="Can I share " + "this and that " * 12 + "with the school?")
    blocks = entry_blocks(long_title, 7)
    headers = [b for b in blocks if b["type"] == "header"]
    assert [h["text"]["text"] for h in headers] == ["Answer"]
    assert f"*{long_title.question}*" in json.dumps(blocks)


def test_an_advisors_answer_has_its_button_right_after_the_answer(faq):
    answered = escalation(ANSWERED, answer="Yes, share with the school now.", answered_by="U9",
                          linked_faq_id="consent-always-required")
    blocks = replies.advisor_answer_message(answered, faq).blocks
    head, buttons, tail = split_at_the_buttons(blocks)
    assert "Yes, share with the school now." in json.dumps(head)
    assert [b["text"]["text"] for b in buttons["elements"]] == ["Record my decision"]
    assert "Elsewhere in the UK" in json.dumps(tail) and DISCLAIMER in json.dumps(tail, ensure_ascii=False)
