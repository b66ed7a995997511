"""Nothing the bot writes shows an erased person's pseudonym as a broken ``<@erased-…>`` mention: every mention
goes through ``bot.mrkdwn.mention``, which writes a pseudonym as words ("a former advisor", "someone")."""

import json
import re
from pathlib import Path

import pytest
from test_advisor_erasure import (
    ADVISOR,
    ADVISOR_CHANNEL,
    ANSWER,
    answered_while_slack_is_down,
    everything_sent,
    slack_for,
)
from test_slack_flows import settings  # noqa: F401 - a fixture

from bot.mrkdwn import FORMER_ADVISOR
from bot.outbox import Kind
from bot.service import Service
from bot.store import Store


@pytest.fixture
def service(faq, tmp_path):
    return Service(Store(tmp_path / "canishare.db"), faq)


def test_nothing_renders_a_pseudonym_as_a_mention():
    """Every ``<@…>`` the bot writes of a stored id goes through ``bot.mrkdwn.mention``, which writes a pseudonym
    as words; only Slack's own rich text (real ids) is written back as markup."""
    root = Path(__file__).resolve().parent.parent / "bot"
    allowed = {root / "mrkdwn.py", root / "slack" / "message_text.py"}
    found = [f"{path.relative_to(root)}:{n}" for path in root.rglob("*.py") if path not in allowed
             for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if re.search(r"<@\{", line)]
    assert found == []


ERASED = "erased-0123456789ab"


@pytest.mark.parametrize("state", ["open", "claimed", "answered", "closed"])
def test_an_erased_advisor_is_a_former_advisor_wherever_the_bot_names_them(faq, state):
    import datetime as dt

    from test_slack_blocks import escalation

    from bot.records import FollowUp
    from bot.slack.blocks.advisor_card import advisor_message, reminder_message
    from bot.slack.blocks.app_home import queue_item_blocks
    from bot.slack.blocks.asker_notices import claimed_message
    from bot.slack.blocks.follow_ups import follow_up_post
    from bot.slack.blocks.modals import answer_modal
    from bot.slack.blocks.replies import advisor_answer_message

    now = dt.datetime(2026, 11, 30, 12, tzinfo=dt.timezone.utc)
    at = "2026-11-27T10:00:00+00:00"
    worked = escalation(state, claimed_by=ERASED, claimed_at=at, answered_by=ERASED, answered_at=at, answer=ANSWER,
                        closed_by=ERASED, closed_at=at, released_by=ERASED, released_at=at, reopened_by=ERASED,
                        reopened_at=at if state in ("open", "claimed") else None)
    added = FollowUp(1, worked.id, worked.question_id, "he also said", (), True, at, None)
    rendered = [advisor_message(worked, faq, now), reminder_message(worked, now), claimed_message(worked),
                follow_up_post(worked, added), advisor_answer_message(worked, faq)]
    shown = json.dumps([m.as_kwargs() for m in rendered] + [queue_item_blocks(worked, now, ""),
                                                              answer_modal(worked, faq.entries, {})],
                       ensure_ascii=False)
    assert ERASED not in shown and "<@erased" not in shown
    assert FORMER_ADVISOR in json.dumps(advisor_message(worked, faq, now).as_kwargs())


def test_an_undelivered_answer_of_an_erased_advisor_is_said_on_the_card_or_not_at_all(service, fake_slack, settings):  # noqa: F811
    from bot.outbox import Owed
    from bot.slack.deliverer import tell_undelivered

    escalation = answered_while_slack_is_down(service)  # no card was posted either
    deps = slack_for(service, fake_slack, settings)
    erased = service.erase(ADVISOR)["pseudonym"]
    item = Owed(1, Kind.NOTICE, "undelivered:1", None, escalation.id, {"to": erased, "about": "undelivered"}, 0, "")
    tell_undelivered(deps, item)
    assert fake_slack.calls() == []  # no DM to a pseudonym

    service.store.db["escalations"].update(escalation.id, {"advisor_channel": ADVISOR_CHANNEL, "advisor_ts": "9.9"})
    tell_undelivered(deps, item)
    said = everything_sent(fake_slack)
    assert FORMER_ADVISOR in said and "<@erased" not in said
