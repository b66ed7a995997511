"""Escalation versions: optimistic concurrency for the advisor queue. Every queue action (claim, answer,
close, reopen, release) adds one to its escalation's ``version`` in the UPDATE that makes the change,
guarded by the version (and state) it was decided on; a button or answer form carries the version it
was made from, so an action taken on an older one is refused (``bot.escalations.require_unchanged``),
also between processes sharing one database."""

from __future__ import annotations

from bot.records import Escalation, QueueAction
from bot.store.connection import Connections

CHANGES = (QueueAction.CLAIM, QueueAction.ANSWER, QueueAction.CLOSE, QueueAction.REOPEN, QueueAction.RELEASE)


def update_if_unchanged(db, current: Escalation, changes: dict) -> bool:
    """Write ``changes`` to the escalation, and count one more version, only while its version, state,
    claimer and answer time are still those of ``current``; False when another transaction changed it first."""
    columns = ", ".join(f"{column} = ?" for column in changes)
    return db.execute(
        f"update escalations set {columns}, version = version + 1 where id = ? and version = ? and state = ?"
        " and coalesce(claimed_by, '') = ? and coalesce(answered_at, '') = ?",
        [*changes.values(), current.id, current.version, current.state.value, current.claimed_by or "",
         current.answered_at or ""],
    ).rowcount == 1


class EscalationVersions(Connections):
    def changes_since(self, escalation: Escalation, version: int) -> list[tuple[str, str]]:
        """(action, actor) of each change made to ``escalation`` after ``version``, oldest first, from the
        audit log (each change wrote one row); fewer when the retention purge has deleted some."""
        count = max(0, escalation.version - version)
        if not count:
            return []
        with self.reading():
            actions = ", ".join("?" * len(CHANGES))
            rows = self.db.execute(
                f"select action, actor from audit where escalation_id = ? and action in ({actions})"
                " order by id desc limit ?", [escalation.id, *CHANGES, count]).fetchall()
        return [(action, actor) for action, actor in reversed(rows)]
