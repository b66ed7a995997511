"""A background thread that looks after the advisor queue while the bot runs: it keeps the list of
advisors fresh (so listeners never wait for Slack), owes a card for any queued escalation that has
none (e.g. from before the outbox), owes one reminder for each escalation nobody has claimed, or
nobody has answered since its claim, after ``settings.remind_after_hours`` (an urgent one's after
minutes: ``Service.owe_due_reminders``), forgets delivered messages after a week, and applies the retention
period (``CANISHARE_RETENTION_DAYS``) once a day. The deliverer sends."""

from __future__ import annotations

import datetime as dt
import logging
import threading

from bot.failures import explain
from bot.slack.deps import Deps

log = logging.getLogger(__name__)

EVERY_SECONDS = 60.0


def look_after_queue(deps: Deps) -> tuple[int, int]:
    """One round: (cards owed, reminders owed)."""
    deps.advisors.refresh()
    cards = deps.service.owe_missing_cards()
    reminders = deps.service.owe_due_reminders(dt.timedelta(hours=deps.settings.remind_after_hours), now=deps.now(),
                                               hours=deps.settings.advisor_hours)
    deps.service.forget_delivered()
    deps.service.purge_if_due(dt.timedelta(days=deps.settings.retention_days), now=deps.now())
    return cards, reminders


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
                cards, reminders = look_after_queue(self.deps)
                if cards or reminders:
                    log.info("queue keeper: %d card(s) and %d reminder(s) owed", cards, reminders)
            except Exception as error:  # noqa: BLE001 - keep the thread alive through Slack or DB hiccups
                known = explain(error)  # a condition to fix (locked, disk full) is one line; a bug keeps its traceback
                log.warning("queue keeper round failed: %s", known or type(error).__name__, exc_info=not known)
            self._stop.wait(self.every)
