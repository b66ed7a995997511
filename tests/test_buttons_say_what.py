"""Buttons a screen-reader user can tell apart, and a Close that asks first (accessibility review s10 #9,
#10): a button repeated per item says which item it acts on (``accessibility_label``, read instead of its
text), and Close, which tells the asker their question was closed without an answer, asks for confirmation
in plain words."""

import datetime as dt

from test_message_text import escalation, question

from bot.records import ANSWERED, CLAIMED, OPEN
from bot.slack.blocks import advisor_card, app_home

NOW = dt.datetime(2026, 11, 26, 12, 0, tzinfo=dt.timezone.utc)


def buttons_of(blocks):
    found = []
    for block in blocks:
        found += [e for e in block.get("elements", []) if e.get("type") == "button"]
        if block.get("accessory", {}).get("type") == "button":
            found.append(block["accessory"])
    return found


def spoken(button):
    return button.get("accessibility_label", button["text"]["text"])


def test_close_asks_first_where_it_tells_the_asker(faq):
    for state in (OPEN, CLAIMED):
        card = advisor_card.advisor_message(escalation(state, claimed_by="U9"), faq, NOW)
        (close,) = [b for b in buttons_of(card.blocks) if b["text"]["text"] == "Close"]
        dialog = {key: part["text"] for key, part in close["confirm"].items()}
        assert dialog == {"title": "Close without an answer?",
                          "text": "The asker is told that their question was closed without an answer. Reopening "
                                  "it later does not take that message back.",
                          "confirm": "Close it", "deny": "Keep it open"}
    answered = advisor_card.advisor_message(escalation(ANSWERED, answer="Yes.", answered_by="U9"), faq, NOW)
    assert all("confirm" not in b for b in buttons_of(answered.blocks))  # the asker has their answer: nothing to undo
    claimed = advisor_card.advisor_message(escalation(CLAIMED, claimed_by="U9"), faq, NOW)
    assert all("confirm" not in b for b in buttons_of(claimed.blocks) if b["text"]["text"] == "Release")


def test_each_escalations_buttons_on_app_home_say_which_escalation(faq):
    queue = [escalation(id=3), escalation(id=4, urgent=True), escalation(CLAIMED, id=5, claimed_by="U1")]
    home = app_home.home_view([], True, queue, queue[2:], NOW)
    said = [spoken(b) for b in buttons_of(home["blocks"]) if b["action_id"].startswith("advisor_")]
    assert "Claim escalation #4 (urgent)" in said and "Close escalation #3" in said
    assert "Release escalation #5" in said
    assert len(said) == len(set(said)) + 3  # escalation #5 is listed twice: claimed, and in the queue


def test_each_recent_questions_button_says_which_question():
    recent = [(question("Can I share with the police?"), None),
              (question("Can I tell the school about an injury?", id=8, created_at="2026-11-25T09:05:00+00:00"), None),
              (question("Can I share with the GP?", id=9, decision="answer", faq_id="emergency-sharing",
                        created_at="2026-07-01T23:30:00+00:00"), None)]
    said = [spoken(b) for b in buttons_of(app_home.recent_question_blocks(recent))]
    assert said == ["Ask an advisor, 26 Nov 11:00: Can I share with the police?",
                    "Ask an advisor, 25 Nov 09:05: Can I tell the school about an injury?",
                    "Show answer, 2 Jul 00:30: Can I share with the GP?"]  # UK time: summer time in July


def test_rows_whose_questions_start_alike_are_told_apart_within_slacks_limit():
    """Review s11 code #8: the whole question after a long prefix was cut to the same words on each row."""
    start = "Can I share information about a child with the school nurse and the GP about "
    steps = [dict(), dict(decision="answer", faq_id="emergency-sharing"), dict(decision="suggest")]
    recent = [(question(start + topic, id=n, created_at=f"2026-11-{20 + n}T{8 + n:02}:15:00+00:00", **steps[n % 3]), None)
              for n, topic in enumerate(("an injury", "a bruise", "self-harm", "a disclosure", "bullying", "food"))]
    home = app_home.home_view(recent, False, [], [], NOW)
    rows = [b for b in buttons_of(home["blocks"]) if b["value"].split("|")[0].isdigit()]
    said = [spoken(b) for b in rows]
    assert len(rows) == 6 and len(set(said)) == 6
    for row, label in zip(rows, said):
        assert len(label) <= 75 and label.startswith(row["text"]["text"] + ", ")  # the visible words first
        assert "Can I share information" in label


def test_a_label_too_long_for_slack_is_cut_at_a_word():
    long = question("Can I share " + "the details of the family's situation " * 5, id=10)
    (row,) = app_home.recent_question_blocks([(long, None)])
    label = row["accessory"]["accessibility_label"]
    assert len(label) <= 75 and label.endswith("…") and label.startswith("Ask an advisor, 26 Nov 11:00: Can I share the")
