"""The outbox as the service uses it: what the deliverer asks of it, and the messages owed on a click."""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from typing import Callable

from bot.outbox import ABANDONED, UNCERTAIN, Kind, Owed, resend_after_abandoned
from bot.store import Store
from bot.times import stored, utc_now

log = logging.getLogger("bot.service")


def details_prefix(week: str) -> str:
    """The start of the outbox keys of a week's digest details replies (a run finds them by it)."""
    return f"digest_details:{week}:"


def details_key(week: str, digest_item_id: int) -> str:
    """The outbox key of a posted digest's details reply."""
    return f"{details_prefix(week)}{digest_item_id}"


class Outbox:
    """What the deliverer asks of the outbox (lease, record, retry, take over), and two messages owed on a
    person's click (an FAQ entry, a reply again). ``notify_owed`` is called after a commit that owes messages."""

    def __init__(self, store: Store, notify_owed: Callable[[], None]):
        self.store = store
        self.notify_owed = notify_owed
        self._sent_unrecorded: dict[int, tuple] = {}  # outbox id -> (item, post): sent, not yet recorded

    def owe_entry(self, user: str, question_id: int, entry_id: str, route: dict) -> None:
        """Owe ``user`` the FAQ entry they asked to see for their question (``route``: where). When
        they asked it, the entry is recorded as the one they picked (the digest counts it answered)."""
        with self.store.transaction():
            self.store.note_opened(question_id, user, entry_id)
            self.store.owe(Kind.FAQ_ENTRY, f"entry:{uuid.uuid4().hex}", question_id=question_id,
                           payload={**route, "to": user, "entry": entry_id})
        self.notify_owed()

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
        self.notify_owed()

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
            self.notify_owed()  # the notice to the advisor
        return bool(again)

    def postpone(self, item: Owed, wait: dt.timedelta, held_for: str | None = None) -> None:
        self.store.postpone(item, wait, held_for)

    def any_held(self, held_for: str) -> bool:
        """Whether anything waits, postponed for ``held_for`` (a read: nothing is, on almost every tick)."""
        return self.store.any_held(held_for)

    def release_held(self, held_for: str) -> int:
        """What was postponed for ``held_for`` is due now, in the order it was owed."""
        return self.store.release_held(held_for)

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
