"""A background thread that looks after the advisor queue while the bot runs: it (re)posts
escalations whose advisor-channel post never went out (Slack was down), and reminds the channel of
escalations nobody has claimed after ``settings.remind_after_hours``."""

from __future__ import annotations

import datetime as dt
import logging
import threading

from bot.slack.advisor_channel import post_escalation, post_reminder
from bot.slack.deps import Deps
from bot.times import parse_stored_time

log = logging.getLogger(__name__)

EVERY_SECONDS = 180.0
# A listener posts a new escalation within seconds; only older unposted ones are the keeper's job.
POSTING_GRACE = dt.timedelta(minutes=2)


def post_missing_escalations(deps: Deps) -> int:
    cutoff = deps.now() - POSTING_GRACE
    posted = 0
    for escalation in deps.service.unposted_escalations():
        created = parse_stored_time(escalation.created_at)
        if created is not None and created > cutoff:
            continue
        posted += post_escalation(deps.client, deps, escalation)
    return posted


def post_due_reminders(deps: Deps) -> int:
    after = dt.timedelta(hours=deps.settings.remind_after_hours)
    return sum(post_reminder(deps.client, deps, e) for e in deps.service.due_reminders(after, now=deps.now()))


def look_after_queue(deps: Deps) -> tuple[int, int]:
    """One round: (escalations posted, reminders posted)."""
    return post_missing_escalations(deps), post_due_reminders(deps)


class QueueKeeper:
    def __init__(self, deps: Deps, every: float = EVERY_SECONDS):
        self.deps = deps
        self.every = every
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="canishare-queue-keeper", daemon=True)

    def start(self) -> "QueueKeeper":
        self._thread.start()
        return self

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        self._thread.join(timeout)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                posted, reminded = look_after_queue(self.deps)
                if posted or reminded:
                    log.info("queue keeper: %d escalation(s) posted, %d reminder(s) sent", posted, reminded)
            except Exception as error:  # noqa: BLE001 - keep the thread alive through Slack or DB hiccups
                log.warning("queue keeper round failed: %s", type(error).__name__, exc_info=True)
            self._stop.wait(self.every)
