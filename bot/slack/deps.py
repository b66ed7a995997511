"""What every listener module needs: the service, the settings and the advisor directory."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Callable

from bot.config import Settings
from bot.service import Service
from bot.slack.advisor_directory import AdvisorDirectory
from bot.times import utc_now


@dataclass(frozen=True)
class Deps:
    service: Service
    settings: Settings
    advisors: AdvisorDirectory
    now: Callable[[], dt.datetime] = field(default=utc_now)
