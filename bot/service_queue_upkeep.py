"""The advisor queue's upkeep, as the queue keeper runs it: cards that were never posted, and reminders."""

from __future__ import annotations

import datetime as dt
from typing import Callable

from bot.escalations import ReminderWait, reminder_wait
from bot.outbox import UNCERTAIN, Kind
from bot.records import CLAIMED, OPEN, Escalation
from bot.store import Store
from bot.times import parse_stored_time, stored, utc_now
from bot.working_hours import WorkingHours, worked_since


class QueueUpkeep:
    """What the queue keeper owes on its rounds: a card for each queued escalation missing one, and reminders
    of escalations waiting too long. ``notify_owed`` is called after a commit that owes messages."""

    def __init__(self, store: Store, notify_owed: Callable[[], None]):
        self.store = store
        self.notify_owed = notify_owed

    def owe_missing_cards(self) -> int:
        """Owe a card for every queued escalation that has none posted or owed (e.g. from before the
        outbox), or whose card was given up (the bot was not in the channel for a day, say): once the
        cause is fixed, it is posted. How many were owed."""
        owed = sum(self.store.owe(Kind.ADVISOR_CARD, key, escalation_id=e.id)
                   for e in self.store.escalations(states=(OPEN, CLAIMED)) if not e.advisor_ts
                   for key in [self._missing_card_key(e.id)] if key)
        if owed:
            self.notify_owed()
        return owed

    def _missing_card_key(self, escalation_id: int) -> str | None:
        """The key to owe an escalation's card under: ``card:ID`` for its first, ``card:ID:after:N`` after
        item N was given up (the same key for every process, so two keepers owe it once); None while one
        is pending, or when the last one may have reached Slack (posting again could post it twice)."""
        latest = self.store.owed_latest(f"card:{escalation_id}")
        if latest is None:
            return f"card:{escalation_id}"
        if latest.state == "gave_up" and not (latest.error or "").startswith(UNCERTAIN):
            return f"card:{escalation_id}:after:{latest.id}"
        return None

    def owe_due_reminders(self, after: dt.timedelta, now: dt.datetime | None = None,
                          hours: WorkingHours | None = None) -> int:
        """Owe one reminder for each open escalation unclaimed for longer than ``after`` (since it was
        opened, or reopened), and one for each claimed escalation unanswered that long since its claim
        (naming the claimer), as ``escalations.reminder_wait`` says (``hours``: the advisors'). How many."""
        now = now or utc_now()
        due = [(e, key) for e in self.store.escalations(states=(OPEN, CLAIMED))
               for since, key in [unreminded_wait(e) or (None, None)]
               if since and reminder_due(reminder_wait(e.urgent, after, hours is not None), since, now, hours)]
        owed = 0
        for escalation, key in due:
            with self.store.transaction():
                if not self.store.mark_reminded(escalation):
                    continue  # released, claimed or made urgent since it was read: the next round sees it as it is
                owed += self.store.owe(Kind.REMINDER, key, escalation_id=escalation.id,
                                       payload={"claimed_at": escalation.claimed_at} if escalation.claimed_at else None)
        if owed:
            self.notify_owed()
        return owed


def reminder_due(rule: ReminderWait, since: str, now: dt.datetime, hours: WorkingHours | None) -> bool:
    """Whether a wait that began at ``since`` (stored time) has lasted as long as ``rule`` says."""
    if since > stored(now - rule.wait):
        return False  # not even that long of all time
    return not rule.working_time or worked_since(hours, parse_stored_time(since) or now, now) >= rule.wait


def unreminded_wait(escalation: Escalation) -> tuple[str, str] | None:
    """(since when the escalation has waited, the outbox key of its reminder) while it waits to be claimed,
    or, once claimed, to be answered; None when it has been reminded of this wait already (the key keeps
    two processes from owing it twice). An urgent one's key is its own, and a follow-up that made it urgent
    starts its wait again, so one reminded as routine is reminded again as urgent."""
    wait = _wait(escalation)
    if wait is None:
        return None
    since, key = wait
    if not escalation.urgent:
        return since, key
    return max(since, _became_urgent_at(escalation) or since), f"{key}:urgent"


def _wait(escalation: Escalation) -> tuple[str, str] | None:
    if escalation.state == CLAIMED:
        if escalation.reminded_at and escalation.reminded_at > escalation.claimed_at:
            return None
        return escalation.claimed_at, f"reminder:{escalation.id}:claimed:{escalation.claimed_at}"
    if escalation.reminded_at:
        return None
    if escalation.released_at:  # waiting since it was first opened, but not yet reminded since the release
        return escalation.waiting_since, f"reminder:{escalation.id}:released:{escalation.released_at}"
    return escalation.waiting_since, f"reminder:{escalation.id}:{escalation.waiting_since}"


def _became_urgent_at(escalation: Escalation) -> str | None:
    """When a follow-up made a routine question's escalation urgent; None when the question was urgent."""
    if escalation.question is None or escalation.question.urgent:
        return None
    return min((f.created_at for f in escalation.follow_ups if f.urgent), default=None)
