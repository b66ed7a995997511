"""The reminder rule is one function (``escalations.reminder_wait``): the service owes a reminder when
it says, and the asker is told the same wait (the house review, rv-house, finding 5). The digest's
"another run holds it" message says the lease the outbox gives a digest."""

import datetime as dt
import re

import pytest
from slack_flow_fixtures import *  # noqa: F403 - the fixtures, used by name as arguments
from test_slack_flows import ADVISOR_CHANNEL, URGENT_QUESTION, escalate_a_mention, later, mention

from bot.config import Settings
from bot.escalations import URGENT_REMIND_AFTER, ReminderWait, reminder_wait
from bot.outbox import DIGEST_LEASE
from bot.slack.deliverer import remind_after_said
from bot.slack.digest import _in_hand
from bot.slack.queue_keeper import look_after_queue

import slack_harness as h

MINUTE, HOUR = dt.timedelta(minutes=1), dt.timedelta(hours=1)
UNITS = {"day": 86400, "hour": 3600, "minute": 60, "second": 1}


@pytest.mark.parametrize("urgent, after, hours, expected", [
    (False, 4 * HOUR, True, ReminderWait(4 * HOUR, True)),
    (False, 4 * HOUR, False, ReminderWait(4 * HOUR, False)),
    (True, 4 * HOUR, True, ReminderWait(URGENT_REMIND_AFTER, False)),  # urgent: all time, however they work
    (True, 5 * MINUTE, True, ReminderWait(5 * MINUTE, False)),  # never later than a routine one
])
def test_the_rule(urgent, after, hours, expected):
    assert reminder_wait(urgent, after, hours) == expected


def said_wait(said: str) -> dt.timedelta:
    """'1 hour 30 minutes' as a duration."""
    return dt.timedelta(seconds=sum(int(n) * UNITS[unit] for n, unit in re.findall(r"(\d+) (day|hour|minute|second)",
                                                                                      said)))


@pytest.fixture(params=[0.5, 4.0])
def settings(request):
    return Settings(bot_token=h.TEST_BOT_TOKEN, signing_secret=h.TEST_SIGNING_SECRET, advisor_channel=ADVISOR_CHANNEL,
                    remind_after_hours=request.param)


@pytest.mark.parametrize("urgent", [True, False], ids=["urgent", "routine"])
def test_the_advisors_are_reminded_after_the_wait_the_asker_is_told(app, deps, fake_slack, service, urgent):
    if urgent:
        mention(app, URGENT_QUESTION, ts="1700000000.000050")
        escalation = service.queue()[-1]
    else:
        escalation = escalate_a_mention(app, fake_slack, service)
    told = said_wait(remind_after_said(deps, escalation))
    assert told == (min(URGENT_REMIND_AFTER, deps.settings.remind_after_hours * HOUR) if urgent
                    else deps.settings.remind_after_hours * HOUR)
    assert look_after_queue(later(deps, minutes=told / MINUTE - 1)) == (0, 0)
    assert look_after_queue(later(deps, minutes=told / MINUTE + 1)) == (0, 1)


def test_a_digest_held_elsewhere_says_the_lease_the_outbox_gives_it(service):
    said = str(_in_hand(service, "2026-W47"))
    assert said_wait(said.split("within ")[-1]) == DIGEST_LEASE
