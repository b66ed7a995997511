"""The advisor channel: posting escalations there, keeping those posts up to date, reminding."""

from __future__ import annotations

import logging

from slack_sdk import WebClient
from slack_sdk.errors import SlackClientError

from bot.records import Escalation
from bot.slack.blocks.advisor_card import advisor_message, reminder_message
from bot.slack.deps import Deps

log = logging.getLogger(__name__)


def post_escalation(client: WebClient, deps: Deps, escalation: Escalation) -> bool:
    """Post an escalation to the advisor channel and remember the post. When Slack refuses, the
    escalation stays stored without a post; the queue keeper posts it later. True when posted."""
    channel = deps.settings.advisor_channel
    if not channel:
        log.warning("escalation #%s stored; no advisor channel is configured to post it to", escalation.id)
        return False
    message = advisor_message(escalation, deps.service.faq, deps.now())
    try:
        posted = client.chat_postMessage(channel=channel, **message.as_kwargs())
    except (SlackClientError, OSError) as error:
        log.warning("escalation #%s stored but not posted to the advisor channel (%s); it will be re-posted",
                    escalation.id, error)
        return False
    deps.service.record_advisor_message(escalation.id, posted["channel"], posted["ts"])
    return True


def refresh_advisor_post(client: WebClient, deps: Deps, escalation: Escalation) -> None:
    """Show the escalation's current state, who and when, and the buttons still valid, in its post."""
    if not (escalation.advisor_channel and escalation.advisor_ts):
        return
    message = advisor_message(escalation, deps.service.faq, deps.now())
    try:
        client.chat_update(channel=escalation.advisor_channel, ts=escalation.advisor_ts, **message.as_kwargs())
    except (SlackClientError, OSError) as error:
        log.warning("cannot update the advisor post of escalation #%s (%s)", escalation.id, error)


def post_reminder(client: WebClient, deps: Deps, escalation: Escalation) -> bool:
    """Remind the advisor channel of an escalation nobody has claimed: in the post's thread, also
    shown in the channel. True when posted (and recorded, so that it is reminded once)."""
    channel = escalation.advisor_channel or deps.settings.advisor_channel
    if not channel:
        return False
    message = reminder_message(escalation, deps.now())
    try:
        client.chat_postMessage(channel=channel, thread_ts=escalation.advisor_ts,
                                reply_broadcast=bool(escalation.advisor_ts) or None, **message.as_kwargs())
    except (SlackClientError, OSError) as error:
        log.warning("cannot post a reminder for escalation #%s (%s)", escalation.id, error)
        return False
    deps.service.mark_reminded(escalation.id)
    return True
