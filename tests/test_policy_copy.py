"""The sentences a practitioner acts on when a child may be at risk, and the "not legal advice"
disclaimer, are written once (bot/policy_copy.py) and said the same by the command line and by Slack,
which adds only emphasis and emoji (the house review, rv-house, finding 4)."""

import ast
import re
from pathlib import Path

import pytest
from test_block_kit_limits import escalation, question
from test_cli import run

from bot import policy_copy
from bot.answers import render_entry
from bot.matching import ESCALATE
from bot.mrkdwn import without_format_marks
from bot.policy_copy import ACT_NOW, DISCLAIMER, DO_NOT_WAIT, SHARING_TO_PREVENT_HARM, URGENT_NOTICE
from bot.records import OPEN, Via
from bot.slack.blocks import replies
from bot.slack.blocks.kit import emphasised

BOT = Path(__file__).resolve().parent.parent / "bot"
EMOJI = re.compile(r":[a-z_]+: ?")


def as_read(message) -> str:
    """What a reader of a Slack message reads: its texts, without emphasis or emoji."""
    found = []

    def walk(node):
        if isinstance(node, dict):
            if isinstance(node.get("text"), str):
                found.append(node["text"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)
    walk(message.blocks)
    return without_format_marks(EMOJI.sub("", "\n".join(found)))


def test_the_command_line_says_the_act_now_notice_and_the_disclaimer(capsys, monkeypatch, faq):
    _, out, _ = run(capsys, monkeypatch, "ask", "he has got a knife and is on his way to her house now")
    assert out.splitlines()[0] == f"urgent: {URGENT_NOTICE}"
    assert render_entry(faq.entries[0]).endswith(DISCLAIMER)


def test_slack_says_the_same_act_now_sentences_with_only_emphasis_and_emoji(faq):
    urgent = replies.reply_message(question(urgent=True), ESCALATE, [], urgent=True)
    read = as_read(urgent)
    assert ACT_NOW in read and SHARING_TO_PREVENT_HARM in read
    assert urgent.text.startswith(URGENT_NOTICE)  # the notification
    assert DISCLAIMER in as_read(replies.reply_message(question(urgent=False), "answer", [faq.entries[0]], urgent=False))


@pytest.mark.parametrize("said", [
    replies.STORE_DOWN_TEXT,
    replies.STORE_BUSY_TEXT,
    replies.closed_message(escalation(OPEN, urgent=True)),
    replies.escalated_message(escalation(OPEN), Via.DM, created=True),
], ids=["store down", "store busy", "closed, urgent", "sent to the advisors"])
def test_every_message_that_asks_someone_not_to_wait_says_the_one_sentence(said):
    assert DO_NOT_WAIT in (without_format_marks(said) if isinstance(said, str) else as_read(said))


def test_slack_puts_the_number_and_whom_to_call_in_bold_and_changes_no_word():
    assert "*999*" in emphasised(ACT_NOW) and "*safeguarding lead*" in emphasised(ACT_NOW)
    assert without_format_marks(emphasised(URGENT_NOTICE)) == URGENT_NOTICE


def policy_literals(path: Path) -> list[str]:
    """String literals (not docstrings) that state the act-now guidance or the disclaimer themselves."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef)) and node.body
                  and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
    policy = re.compile(r"call \*?999|not legal advice|your \*?safeguarding lead", re.IGNORECASE)
    return [node.value for node in ast.walk(tree) if isinstance(node, ast.Constant) and isinstance(node.value, str)
            and id(node) not in docstrings and policy.search(node.value)]


@pytest.mark.parametrize("module", sorted(p for p in BOT.rglob("*.py") if p.name != "policy_copy.py"),
                         ids=lambda p: str(p.relative_to(BOT.parent)))
def test_no_module_writes_its_own_copy_of_the_guidance(module):
    assert policy_literals(module) == [], f"use bot.policy_copy ({policy_copy.__file__})"
