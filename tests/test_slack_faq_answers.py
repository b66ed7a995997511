"""An FAQ answer through the Bolt app, by signed slash command and DM (curator review #7, #8): a long
answer reaches the asker whole, in as many sections as it needs, split between paragraphs or
sentences, and its Markdown arrives in Slack's forms."""

from dataclasses import replace

import pytest
from slack_flow_fixtures import deps, no_retry_sleeps, settings  # noqa: F401 - fixtures, used by name
from test_block_kit_limits import problems_in
from test_slack_flows import send, slash

from bot.faq import Faq
from bot.service import Service
from bot.store import Store

import slack_harness as h

ENTRY = "consent-always-required"
PARAGRAPH = ("Sharing with s.17 & s.47 partners is lawful where it is necessary and proportionate. "
             "Tell the person unless that would increase the risk. ") * 6
LONG_ANSWER = ("## Consent is one basis of several\n**No.** See [the ICO's code](https://ico.org.uk/x) first.\n\n"
               + "\n\n".join([PARAGRAPH] * 4) + "\n\n- __Record__ what you shared, with whom and why. END.")


@pytest.fixture
def service(faq, tmp_path):
    long = Faq(tuple(replace(e, answer=LONG_ANSWER) if e.id == ENTRY else e for e in faq), faq.directory)
    return Service(Store(tmp_path / "canishare.db"), long)


def answer_sections(blocks) -> list[str]:
    return [b["text"]["text"] for b in blocks if b["type"] == "section" and "s.17" in b["text"]["text"]]


def check_whole(message: dict) -> None:
    texts = answer_sections(message["blocks"])
    assert len(texts) >= 2 and not problems_in(message, "message")
    assert all(t.rstrip().endswith(".") for t in texts) and not any(t.endswith("…") for t in texts)
    shown = "\n".join(b["text"]["text"] for b in message["blocks"] if b["type"] == "section")
    assert shown.count("s.17 &amp; s.47") == PARAGRAPH.count("s.17") * 4 and "END." in shown
    assert "*Consent is one basis of several*" in shown and "*No.* See <https://ico.org.uk/x|the ICO's code>" in shown
    assert "• *Record* what you shared" in shown and "**" not in shown and "##" not in shown


def test_a_long_markdown_answer_reaches_a_slash_command_whole_in_slacks_forms(app, fake_slack, service):
    question = service.faq.get(ENTRY).question
    assert service.matcher().match(question).entry.id == ENTRY
    slash(app, fake_slack, question)
    check_whole(fake_slack.last("response_url").body)


def test_a_long_markdown_answer_reaches_a_dm_whole_in_slacks_forms(app, fake_slack, service):
    send(app, h.event_request(h.dm_event(service.faq.get(ENTRY).question)))
    check_whole(fake_slack.last("chat.postMessage").body)
