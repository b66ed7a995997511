"""What the listeners and the queue keeper need, and ``assemble``: the one place the running bot's
objects are put together (the command line builds the service from the settings and hands it in)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Callable

from slack_sdk import WebClient

from bot.config import Settings
from bot.service import Service
from bot.slack.advisor_directory import AdvisorDirectory
from bot.slack.blocks.replies import ADVISORS_UNREACHABLE
from bot.slack.client import attach_retry_handlers, build_web_client
from bot.times import utc_now
from bot.working_hours import advisors_away


@dataclass(frozen=True)
class Deps:
    service: Service
    settings: Settings
    advisors: AdvisorDirectory
    client: WebClient
    now: Callable[[], dt.datetime] = field(default=utc_now)

    def advisors_away(self) -> str:
        """When the advisors will see what is sent now, if they cannot now (else ''): not while their channel
        is not trusted (nothing is posted there), nor outside their working hours."""
        if self.advisors.withheld():
            return ADVISORS_UNREACHABLE
        return advisors_away(self.settings.advisor_hours, self.now())


def just_ack(ack) -> None:
    """For an action whose work is all done after Slack is answered (a lazy listener)."""
    ack()


def assemble(settings: Settings, service: Service, *, client: WebClient | None = None,
             advisors: AdvisorDirectory | None = None) -> Deps:
    """``client`` defaults to a WebClient for ``settings.bot_token`` (base URL from
    ``settings.api_url``); retry handlers for 429s and connection errors are attached either way.
    ``advisors`` defaults to the members of ``settings.advisor_channel``."""
    client = attach_retry_handlers(client or build_web_client(settings))
    return Deps(service, settings, advisors or AdvisorDirectory(
        client, settings.advisor_channel, allow_open_channel=settings.allow_open_advisor_channel), client)
