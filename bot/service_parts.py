"""Two parts of the service façade, as mixins of ``Service``: what the deliverer asks of the outbox,
and the records kept in bulk (retention, one person's data, the advice record). They use the
service's store, its clock and ``_tell_owed``."""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from typing import Callable

from bot import escalations
from bot.escalations import ReminderWait, reminder_wait
from bot.outbox import ABANDONED, UNCERTAIN, Kind, Owed, resend_after_abandoned
from bot.records import CLAIMED, OPEN, Escalation, QueueAction
from bot.store.people import PERSON_COLUMNS
from bot.times import parse_stored_time, stored, utc_now
from bot.working_hours import WorkingHours, worked_since

log = logging.getLogger("bot.service")


MY_DATA_PER_DAY = 3
MY_DATA_ON_ITS_WAY = "A copy of your data is already on its way to your direct messages with me: it arrives shortly."
MY_DATA_LIMIT = (f"You have asked for a copy of your data {MY_DATA_PER_DAY} times in the last 24 hours, the most I send"
                 " in a day. Please ask again tomorrow, or ask your data protection officer.")


class MyDataRefused(Exception):
    """"Send me my data" while a copy is on its way, or past the day's limit: the person is told why."""


class StillQueued(Exception):
    """A person cannot be erased while one of their questions waits for an advisor."""


def details_prefix(week: str) -> str:
    """The start of the outbox keys of a week's digest details replies (a run finds them by it)."""
    return f"digest_details:{week}:"


def details_key(week: str, digest_item_id: int) -> str:
    """The outbox key of a posted digest's details reply."""
    return f"{details_prefix(week)}{digest_item_id}"


class OutboxService:
    def owe_entry(self, user: str, question_id: int, entry_id: str, route: dict) -> None:
        """Owe ``user`` the FAQ entry they asked to see for their question (``route``: where). When
        they asked it, the entry is recorded as the one they picked (the digest counts it answered)."""
        with self.store.transaction():
            self.store.note_opened(question_id, user, entry_id)
            self.store.owe(Kind.FAQ_ENTRY, f"entry:{uuid.uuid4().hex}", question_id=question_id,
                           payload={**route, "to": user, "entry": entry_id})
        self._tell_owed()

    def owe_again(self, user: str, question_id: int) -> None:
        """Owe ``user`` the reply to their own question once more, by DM (from App Home, once its
        first reply is gone): its suggestions, or the advisor's answer. ``LookupError`` when the
        question is gone, ``PermissionError`` when it is someone else's."""
        question = self.store.question(question_id)
        if question is None:
            raise LookupError(f"There is no question #{question_id} (it may have been purged).")
        if question.asker != user:
            raise PermissionError("Only the person who asked this question can open its reply again.")
        escalation = self.store.escalation_for_question(question_id)
        with self.store.transaction():
            self.store.owe(Kind.NOTICE, f"again:{uuid.uuid4().hex}", question_id=question_id, payload={
                "to": user, "about": "again", "question_id": question_id,
                "escalation_id": escalation.id if escalation and escalation.answer else None})
        self._tell_owed()

    # the outbox, for the deliverer ------------------------------------------------------------

    def lease_owed(self, owner: str, limit: int = 20) -> list[Owed]:
        self.record_sent_unrecorded()
        return self.store.lease_due(owner, limit)

    def renew_lease(self, item: Owed) -> bool:
        return self.store.renew_lease(item)

    def sent_unrecorded(self, item: Owed) -> tuple[Owed, tuple[str, str] | None] | None:
        """(the item as sent, what it posted) when this process sent ``item`` and could not record it."""
        return self._sent_unrecorded.get(item.id)

    def record_sent_unrecorded(self) -> None:
        """Try again to record what this process sent and could not record (the store was busy for longer
        than the store's patience): those items are never sent again by this process."""
        for item, posted in list(self._sent_unrecorded.values()):
            self.delivered(item, posted)

    def delivered(self, item: Owed, posted: tuple[str, str] | None = None) -> None:
        """``item`` reached Slack. In the same commit, for a post others refer to (``posted``: its
        channel and ts): an escalation's card is remembered; a digest is recorded as posted for its
        week, and its details (a thread reply under it) are owed. When that cannot be recorded even after
        waiting (``Store.patiently``), the process remembers it was sent, and records it later instead of
        sending it again."""
        try:
            recorded = self.store.delivered(item, self._remember_post(item, posted))
        except Exception as error:  # noqa: BLE001 - whatever stops the record, the message must not go twice
            self._sent_unrecorded[item.id] = (item, posted)
            log.error("%s #%s reached Slack but could not be recorded (%s); recording it later", item.kind,
                      item.id, error)
            return
        self._sent_unrecorded.pop(item.id, None)
        if not recorded:
            log.warning("%s #%s reached Slack after its lease passed to another sender", item.kind, item.id)

    def _remember_post(self, item: Owed, posted: tuple[str, str] | None) -> Callable[[], None]:
        def remember() -> None:
            if posted is None:
                return
            if item.kind == Kind.ADVISOR_CARD and item.escalation_id is not None:
                self.store.set_advisor_message(item.escalation_id, *posted)
            elif item.kind == Kind.FOLLOW_UP:
                self._remember_follow_up_post(int(item.payload.get("follow_up") or 0), *posted)
            elif item.kind == Kind.FOLLOW_UPS_HELD:
                for follow_up_id in item.payload.get("follow_ups") or []:
                    self._remember_follow_up_post(int(follow_up_id), *posted)
            elif item.kind == Kind.DIGEST:
                week = item.payload["week"]
                self.store.record_digest(week, *posted)
                self.store.owe(Kind.DIGEST_DETAILS, details_key(week, item.id),
                               payload={"week": week, "channel": posted[0], "ts": posted[1]})

        return remember

    def _remember_follow_up_post(self, follow_up_id: int, channel: str, ts: str) -> None:
        """Where a follow-up was posted, so that erasing its asker empties it; one erased (or purged) while
        it was on its way is owed its emptying at once."""
        if not self.store.set_follow_up_post(follow_up_id, channel, ts):
            self.store.owe(Kind.CARD_REMOVAL, f"card_removal:{channel}:{ts}",
                           payload={"channel": channel, "ts": ts, "follow_up": True})

    def not_delivered(self, item: Owed, error: str, wait: dt.timedelta | None = None, give_up: bool = False) -> bool:
        """Try again later; True unless it is given up (after a day, or at once with ``give_up``) or its
        owner no longer holds it. An advisor's answer given up is told to the advisor (in the card's
        thread) and shown on the card, in the same commit."""
        again = self.store.failed(item, error, wait, give_up=give_up,
                                  if_given_up=lambda: self._owe_undelivered_notice(item, error))
        if again is False and item.kind == Kind.ADVISOR_ANSWER:
            self._tell_owed()  # the notice to the advisor
        return bool(again)

    def postpone(self, item: Owed, wait: dt.timedelta) -> None:
        self.store.postpone(item, wait)

    def lease_owed_key(self, key: str, owner: str) -> Owed | None:
        return self.store.lease_key(key, owner)

    def lease_owed_under(self, prefix: str, owner: str) -> Owed | None:
        """The oldest message owed under a key starting with ``prefix``, leased to ``owner``, or None."""
        return self.store.lease_under(prefix, owner)

    def take_over_leases(self, is_gone: Callable[[str], bool]) -> int:
        """Messages a dead sender had in hand are sent now rather than when its lease runs out; one it had
        begun to send (Slack may have it) is in doubt, or sent again where losing it is worse."""
        settled = [self._settle_abandoned(item) for item in self.store.abandoned_sends(is_gone)]
        return sum(settled) + self.store.release_leases_of(is_gone)

    def _settle_abandoned(self, item: Owed) -> bool:
        if resend_after_abandoned(item.kind):
            note = {"earlier_copy": True} if item.kind == Kind.ADVISOR_CARD else {}
            log.warning("%s #%s: %s; sent again (an earlier copy may have arrived)", item.kind, item.id, ABANDONED)
            return self.store.send_again(item, note)
        log.warning("%s #%s: %s; in doubt, not sent again", item.kind, item.id, ABANDONED)
        return not self.not_delivered(item, f"{UNCERTAIN}: {ABANDONED}", give_up=True)

    def escalation_gone(self, escalation_id: int) -> bool:
        return self.store.escalation(escalation_id) is None

    def card_owed(self, escalation_id: int) -> bool:
        return self.store.owed_pending(escalation_id, Kind.ADVISOR_CARD)

    def next_owed_due(self) -> str | None:
        return self.store.next_owed_due()

    def forget_delivered(self, older_than: dt.timedelta = dt.timedelta(days=7)) -> int:
        return self.store.forget_delivered(stored(utc_now() - older_than))

    def answer_not_delivered(self, escalation_id: int) -> str | None:
        """Why the latest answer to an escalation could not be delivered (Slack's error), or None while
        it is on its way or delivered."""
        latest = self.store.owed_latest(f"answer:{escalation_id}")
        return (latest.error or "unknown") if latest and latest.state == "gave_up" else None

    def details_in_doubt(self, week: str) -> bool:
        """Whether the week's latest digest details reply was cut off after it may have reached Slack."""
        latest = self.store.owed_latest(details_prefix(week).rstrip(":"))
        return bool(latest and latest.state == "gave_up" and (latest.error or "").startswith(UNCERTAIN))

    def _owe_undelivered_notice(self, item: Owed, error: str) -> None:
        if item.kind == Kind.ADVISOR_ANSWER and item.payload.get("advisor"):
            uncertain = error.startswith(UNCERTAIN)
            self.store.owe(Kind.NOTICE, f"undelivered:{item.id}", escalation_id=item.escalation_id,
                           payload={"to": item.payload["advisor"], "error": error,
                                    "about": "uncertain" if uncertain else "undelivered"})
            if not uncertain:
                self.store.owe_card_update(item.escalation_id)


class QueueUpkeep:
    def release(self, escalation_id: int, user: str, advisors: set[str] | frozenset[str],
                seen: int | None = None) -> Escalation:
        """Give up a claim (the claimer's own, or another advisor's): the escalation is open again for
        anyone to claim, and its card says who released it. The asker is owed nothing."""
        escalations.require_advisor(user, advisors)
        return self._change(escalation_id, user, QueueAction.RELEASE,
                            lambda e: escalations.release(e, user, self.store.now()), seen=seen)

    # what the queue keeper owes: missing cards, reminders ----------------------------------------

    def owe_missing_cards(self) -> int:
        """Owe a card for every queued escalation that has none posted or owed (e.g. from before the
        outbox), or whose card was given up (the bot was not in the channel for a day, say): once the
        cause is fixed, it is posted. How many were owed."""
        owed = sum(self.store.owe(Kind.ADVISOR_CARD, key, escalation_id=e.id)
                   for e in self.queue() if not e.advisor_ts
                   for key in [self._missing_card_key(e.id)] if key)
        if owed:
            self._tell_owed()
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
            self._tell_owed()
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


class RecordsService:
    # records ---------------------------------------------------------------------------------

    def purge(self, before: str, dry_run: bool = False, include_queue: bool = False) -> dict:
        """Delete what was asked before ``before`` (stored-time text), except what is still in the
        advisor queue (unless ``include_queue``); counts of what went (or, with ``dry_run``, would go) and
        of what was kept in the queue (``Store.purge``)."""
        return self.store.purge(before, dry_run, include_queue=include_queue)

    def purge_if_due(self, retention: dt.timedelta, now: dt.datetime | None = None,
                     every: dt.timedelta = dt.timedelta(days=1)) -> dict[str, int] | None:
        """Apply the retention period once a day (the bot's queue keeper and the digest clock call this
        often). When it last ran is kept in the database, so that of several processes, restarted however
        often, one purges a day. None when not due."""
        now = now or utc_now()
        # Claimed per retention period: a process set to a shorter one (a lowered retention during a rolling
        # deploy, a clock process without the setting) must not be skipped because another purged for longer.
        task = f"retention:{int(retention.total_seconds())}s"
        if not self.store.claim_run(task, stored(now), stored(now - every)):
            return None
        return self.purge_expired(retention, now)

    def purge_expired(self, retention: dt.timedelta, now: dt.datetime | None = None) -> dict[str, int]:
        """Apply the retention period: delete what is older, except what is still in the advisor queue."""
        counts = self.purge(stored((now or utc_now()) - retention))
        if counts["questions"]:
            log.info("retention: deleted %(questions)d question(s), %(escalations)d escalation(s) and "
                     "%(feedback)d rating(s)", counts)
        if counts["kept_in_queue"]:  # the Centre still owes these an answer: kept, but not silently
            log.warning("retention: kept %(kept_in_queue)d question(s) older than the retention period because "
                        "they are still in the advisor queue (the oldest asked %(oldest_kept)s): answer or close "
                        "them (canishare queue), or delete them with canishare purge --include-queue", counts)
        return counts

    def subject_access(self, user: str) -> dict:
        """Everything canishare holds about one Slack user, as plain data (JSON-ready)."""
        return {"user": user, "generated_at": stored(utc_now()), "records": self.store.rows_about(user)}

    def owes_privacy_line(self, question) -> bool:
        """Whether the reply to ``question`` is to say what happens to what its asker types: no reply Slack
        took has told them yet (see ``privacy_told``)."""
        return not self.store.told_about_privacy(question.asker)

    def privacy_told(self, question) -> None:
        """Slack took the reply to ``question`` that told its asker what happens to what they type."""
        self.store.note_privacy_told(question.id)

    def own_copy(self, user: str) -> dict:
        """What ``subject_access`` holds about ``user``, without other people's data: the copy App Home sends."""
        from bot.own_copy import own_copy

        return own_copy(self.subject_access(user), PERSON_COLUMNS)

    @staticmethod
    def rows_naming_others(report: dict) -> int:
        """How many records of a ``subject_access`` report hold another person's id or rating."""
        from bot.own_copy import rows_naming_others

        return rows_naming_others(report, PERSON_COLUMNS)

    def owe_my_data(self, user: str) -> None:
        """Owe ``user`` a copy of everything held about them (App Home's "Send me my data"); ``MyDataRefused``
        while one is still on its way, or after MY_DATA_PER_DAY in 24 hours (each copy is many messages)."""
        prefix = f"my_data:{user}:"
        with self.store.transaction():
            day_ago = stored((parse_stored_time(self.store.now()) or utc_now()) - dt.timedelta(days=1))
            states = self.store.owed_since(Kind.MY_DATA, prefix, day_ago)
            if "pending" in states:
                raise MyDataRefused(MY_DATA_ON_ITS_WAY)
            if sum(state == "delivered" for state in states) >= MY_DATA_PER_DAY:  # a copy that never came is no copy
                raise MyDataRefused(MY_DATA_LIMIT)
            self.store.owe(Kind.MY_DATA, f"{prefix}{uuid.uuid4().hex}", payload={"to": user})
        self._tell_owed()

    def erase(self, user: str) -> dict[str, int]:
        """Erase one person (``StillQueued`` while an advisor still has one of their questions)."""
        try:
            counts = self.store.erase_person(user)
        except LookupError as queued:
            raise StillQueued(f"{user} has a question an advisor has not answered yet (escalation {queued}): "
                              "answer or close it first, then erase") from None
        self._tell_owed()  # the emptying of their escalations' posts in the advisor channel
        return counts

    def schema_upgrade(self) -> tuple[int | None, int]:
        """(the schema version opening the database upgraded it from, None when it was current; its version now)."""
        return self.store.upgraded_from, self.store.schema_version()

    def damage(self) -> str | None:
        """None when SQLite finds the database file sound; else its first finding."""
        return self.store.damage()

    def close_database(self) -> None:
        """Close the store's connections (a command done with a second, read-only service)."""
        self.store.close()

    def opening(self) -> tuple[str, str]:
        """(the start-up log's line on the database: file, schema, created or upgraded; the file's path)."""
        return self.store.opening(), self.store.path

    def advice_record(self, since: str | None = None) -> list[dict]:
        return self.store.advice_record(since=since)
