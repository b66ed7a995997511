"""Every Block Kit payload the bot builds stays within Slack's limits
(https://api.slack.com/reference/block-kit): a modal's title, submit and close at most 24
characters; at most 100 blocks in a modal or Home tab and 50 in a message; section text at most
3,000; header 150; button text 75 and value 2,000; select options at most 100, each option's text
at most 75 and value 150; radio buttons and checkboxes at most 10 options; input labels and hints
2,000; placeholders 150; text inputs' max_length 3,000; private_metadata 3,000; ids 255; block ids
unique. Checked for every builder, with the bundled FAQ, every nation, and the longest input each
field takes."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from bot.decisions import LIMITS
from bot.digest.figures import build_digest
from bot.faq import NATIONS
from bot.records import ANSWERED, CLAIMED, OPEN, DecisionRecord, Escalation, Question, SharingDecision, Told, Where
from bot.slack.blocks import advisor_card, app_home, modals, replies
from bot.slack.blocks.digest import render_blocks
from bot.slack.blocks.kit import Message
from bot.store import Store

NOW = dt.datetime(2026, 11, 26, 12, 0, tzinfo=dt.timezone.utc)
LONG = "<!channel> Mrs Very-Long-Name " + "x" * 5000
NATIONS_AND_NONE = (None, *NATIONS)

MESSAGE_BLOCKS, VIEW_BLOCKS = 50, 100
TEXT_LIMITS = {"section": 3000, "header": 150, "context": 3000}


def problems_in(payload: dict, surface: str) -> list[str]:
    """Every way ``payload`` (a message's blocks, a modal or a Home view) breaks Slack's limits."""
    found: list[str] = []

    def check(condition: bool, what: str) -> None:
        if not condition:
            found.append(what)

    def text_of(obj) -> str:
        return (obj or {}).get("text", "")

    blocks = payload.get("blocks", [])
    check(len(blocks) <= (MESSAGE_BLOCKS if surface == "message" else VIEW_BLOCKS), f"{len(blocks)} blocks")
    if surface == "modal":
        for key in ("title", "submit", "close"):
            if key in payload:
                check(len(text_of(payload[key])) <= 24, f"modal {key} {text_of(payload[key])!r} over 24")
        check(len(payload.get("callback_id", "")) <= 255, "callback_id over 255")
    if surface in ("modal", "home"):
        check(len(payload.get("private_metadata", "")) <= 3000, "private_metadata over 3000")
    block_ids = [b["block_id"] for b in blocks if "block_id" in b]
    check(len(block_ids) == len(set(block_ids)), f"repeated block ids {block_ids}")

    def element(e: dict, where: str) -> None:
        kind = e.get("type")
        check(len(e.get("action_id", "")) <= 255, f"{where}: action_id over 255")
        if kind == "button":
            check(len(text_of(e["text"])) <= 75, f"{where}: button text over 75")
            check(len(e.get("value", "")) <= 2000, f"{where}: button value over 2000")
            check(len(e.get("accessibility_label", "")) <= 75, f"{where}: accessibility_label over 75")
        if "confirm" in e:
            dialog = e["confirm"]
            check(len(text_of(dialog["title"])) <= 100 and len(text_of(dialog["text"])) <= 300
                  and all(len(text_of(dialog[k])) <= 30 for k in ("confirm", "deny")), f"{where}: confirm dialog")
        if "placeholder" in e:
            check(len(text_of(e["placeholder"])) <= 150, f"{where}: placeholder over 150")
        if kind in ("static_select", "radio_buttons", "checkboxes"):
            options = e.get("options", [])
            check(len(options) <= (100 if kind == "static_select" else 10), f"{where}: {len(options)} options")
            check(bool(options), f"{where}: no options")
            for o in options + ([e["initial_option"]] if "initial_option" in e else []):
                check(len(text_of(o["text"])) <= 75, f"{where}: option text {text_of(o['text'])!r} over 75")
                check(len(o["value"]) <= 150, f"{where}: option value over 150")
            if "initial_option" in e:
                check(e["initial_option"] in options, f"{where}: initial option not among the options")
        if kind == "plain_text_input":
            check(e.get("max_length", 3000) <= 3000, f"{where}: max_length over 3000")

    for n, block in enumerate(blocks):
        kind, where = block["type"], f"block {n} ({block['type']})"
        check(len(block.get("block_id", "")) <= 255, f"{where}: block_id over 255")
        if kind in TEXT_LIMITS and kind != "context":
            check(len(text_of(block.get("text"))) <= TEXT_LIMITS[kind], f"{where}: text over {TEXT_LIMITS[kind]}")
        if kind == "section":
            check("text" in block or "fields" in block, f"{where}: no text")
            fields = block.get("fields", [])
            check(len(fields) <= 10 and all(len(text_of(f)) <= 2000 for f in fields), f"{where}: fields")
            if "accessory" in block:
                element(block["accessory"], where)
        if kind == "context":
            check(0 < len(block["elements"]) <= 10, f"{where}: {len(block['elements'])} elements")
            check(all(len(text_of(e)) <= 3000 for e in block["elements"]), f"{where}: element text over 3000")
        if kind == "actions":
            check(0 < len(block["elements"]) <= 25, f"{where}: {len(block['elements'])} elements")
            for e in block["elements"]:
                element(e, where)
        if kind == "input":
            check(len(text_of(block["label"])) <= 2000, f"{where}: label over 2000")
            check(len(text_of(block.get("hint"))) <= 2000, f"{where}: hint over 2000")
            element(block["element"], where)
    return found


def assert_within_limits(payload, surface: str) -> None:
    if isinstance(payload, Message):
        assert len(payload.text) <= 40_000
        payload = {"blocks": payload.blocks}
    problems = problems_in(payload, surface)
    assert not problems, problems


def question(text=LONG, **changes) -> Question:
    fields = dict(id=7, text=text, asker="U123", where=Where("mention", "C1", "1.1", "1.1"), decision="answer",
                  faq_id=None, score=10.0, suggestions=(), redacted_kinds=("NHS number", "name"), urgent=True,
                  created_at="2026-11-26T11:00:00+00:00")
    return Question(**{**fields, **changes})


def escalation(state=ANSWERED, n=3, **changes) -> Escalation:
    fields = dict(id=n, question_id=7, state=state, urgent=True, created_at="2026-11-26T11:00:00+00:00",
                  claimed_by="UADV1", answered_by="UADV1", answered_at="2026-11-26T11:30:00+00:00",
                  answer=LONG, question=question())
    return Escalation(**{**fields, **changes})


def longest_record(n=1) -> DecisionRecord:
    return DecisionRecord(
        id=n, user="U123", decision=SharingDecision.SHARED_IN_PART, created_at="2026-11-26T11:00:00+00:00",
        shared_with="s" * LIMITS["shared_with"], what_shared="<!here> " + "w" * LIMITS["what_shared"],
        lawful_basis="b" * 160 + "; " + "o" * LIMITS["lawful_basis_other"], reasons="`" * 3 + "r" * LIMITS["reasons"],
        person_told=Told.NO, not_told_why="n" * LIMITS["not_told_why"], faq_id="consent-always-required",
        faq_question="q" * 300, faq_last_reviewed="2026-11-29", escalation_id=4, nation="northern-ireland",
        redacted_kinds=("NHS number", "name", "email", "phone", "postcode", "address"),
    )


# the tests ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("nation", NATIONS_AND_NONE)
def test_every_answer_for_every_nation(faq, nation):
    for entry in faq:
        assert_within_limits(replies.reply_message(question(), "answer", [entry], True, nation), "message")
        assert_within_limits(replies.entry_message(entry, 7, nation), "message")


def test_the_other_replies_and_notices(faq):
    entries = list(faq.entries[:4])
    for decision in ("suggest", "escalate"):
        assert_within_limits(replies.reply_message(question(), decision, entries, True), "message")
    assert_within_limits(replies.advisor_answer_message(escalation(linked_faq_id=entries[0].id), faq), "message")
    assert_within_limits(replies.feedback_thanks(False, 7), "message")
    assert_within_limits(replies.usage_message(), "message")


def test_the_decision_record_dm_at_its_longest():
    message = replies.decision_record_message(longest_record())
    assert_within_limits(message, "message")
    pasted = "".join(b["text"]["text"] for b in message.blocks if b["type"] == "section")
    assert "r" * LIMITS["reasons"] in pasted and "<!here>" not in pasted  # all of it, nothing that notifies


def test_the_decision_modal_for_every_entry_and_for_an_advisor_answer(faq):
    metadata = {"question": 123456789, "faq": "x" * 80, "escalation": 987654}
    for entry in faq:
        view = modals.decision_modal(entry, metadata, 4)
        assert_within_limits(view, "modal")
        assert view["title"]["text"] == "Record my decision"
    assert_within_limits(modals.decision_modal(None, metadata, 4), "modal")


def test_a_decision_modal_for_an_entry_with_more_bases_than_a_select_holds(faq):
    import dataclasses

    crowded = dataclasses.replace(faq.entries[0], legal_basis=tuple(f"Basis {n} " + "z" * 200 for n in range(150)))
    view = modals.decision_modal(crowded, {}, None)
    assert_within_limits(view, "modal")
    select = next(b for b in view["blocks"] if b.get("block_id") == "lawful_basis")["element"]
    assert len(select["options"]) == 100 and select["options"][-1]["value"] == "other"


def test_the_other_modals(faq):
    assert_within_limits(modals.ask_modal({"source": "command", "channel": "C1", "response_url": "h" * 400}), "modal")
    assert_within_limits(modals.answer_modal(escalation(OPEN), faq.entries, {"escalation": 3, "home": True}), "modal")
    assert_within_limits(modals.answer_modal(escalation(OPEN), list(faq.entries) * 3, {}), "modal")


@pytest.mark.parametrize("nation", NATIONS_AND_NONE)
def test_app_home_for_an_advisor_with_everything_at_its_longest(nation):
    recent = [(question(id=n), escalation(CLAIMED, n)) for n in range(10)]
    queue = [escalation(OPEN, n) for n in range(60)]
    claimed = [escalation(CLAIMED, n) for n in range(100, 130)]
    records = [longest_record(n) for n in range(10)]
    for is_advisor in (True, False):
        view = app_home.home_view(recent, is_advisor, queue, claimed, NOW, records, nation, nation is not None)
        assert_within_limits(view, "home")
        assert "My decision records" in json.dumps(view)


def test_the_advisor_card_and_reminder(faq):
    for state in (OPEN, CLAIMED, ANSWERED):
        assert_within_limits(advisor_card.advisor_message(escalation(state), faq, NOW), "message")
    assert_within_limits(advisor_card.reminder_message(escalation(OPEN), NOW), "message")


def test_the_digest(tmp_path, faq):
    main, thread = render_blocks(build_digest(Store(tmp_path / "db"), faq, "2026-W47"))
    assert_within_limits({"blocks": main}, "message")
    assert_within_limits({"blocks": thread}, "message")


def test_the_checker_finds_what_breaks_the_limits():
    bad = {"type": "modal", "title": {"type": "plain_text", "text": "A title much longer than allowed"},
           "blocks": [{"type": "input", "block_id": "a", "label": {"type": "plain_text", "text": "l"},
                       "element": {"type": "static_select", "action_id": "s",
                                   "options": [{"text": {"type": "plain_text", "text": "o" * 80}, "value": "v"}] * 101}},
                      {"type": "section", "block_id": "a", "text": {"type": "mrkdwn", "text": "t" * 3001}}]}
    bad["blocks"].append({"type": "actions", "elements": [
        {"type": "button", "text": {"type": "plain_text", "text": "Close"}, "action_id": "c", "value": "1",
         "accessibility_label": "l" * 76, "confirm": {k: {"type": "plain_text", "text": "t" * 31}
                                                      for k in ("title", "text", "confirm", "deny")}}]})
    found = " ".join(problems_in(bad, "modal"))
    for expected in ("modal title", "101 options", "option text", "repeated block ids", "text over 3000",
                     "accessibility_label over 75", "confirm dialog"):
        assert expected in found
