"""The store's schema as numbered migrations, recorded in ``PRAGMA user_version``: an older file is
upgraded in place when it is opened."""

from __future__ import annotations

from typing import Callable

import sqlite_utils

from bot.store import outbox


class StoreError(Exception):
    pass


def _migration_1(db: sqlite_utils.Database) -> None:
    db["questions"].create(
        {
            "id": int, "text": str, "asker": str, "source": str, "channel": str, "thread_ts": str,
            "message_ts": str, "team": str,
            "response_url": str,  # left empty: short-lived Slack URLs are not kept
            "decision": str, "faq_id": str,
            "score": float, "suggestions": str, "redacted_kinds": str, "created_at": str,
        },
        pk="id",
    )
    db["questions"].create_index(["created_at"])
    db["questions"].create_index(["asker", "created_at"])
    db["feedback"].create(
        {"question_id": int, "user": str, "faq_id": str, "rating": str, "created_at": str, "updated_at": str},
        pk=("question_id", "user"),
        foreign_keys=[("question_id", "questions", "id")],
    )
    db["escalations"].create(
        {
            "id": int, "question_id": int, "state": str, "created_at": str, "claimed_by": str,
            "claimed_at": str, "answered_by": str, "answered_at": str, "answer": str,
            "linked_faq_id": str, "propose_new": int, "closed_by": str, "closed_at": str,
            "advisor_channel": str, "advisor_ts": str,
        },
        pk="id",
        foreign_keys=[("question_id", "questions", "id")],
    )
    db["escalations"].create_index(["question_id"], unique=True)
    db["escalations"].create_index(["state", "created_at"])
    db["learned_phrasings"].create(
        {"id": int, "faq_id": str, "text": str, "question_id": int, "added_by": str, "created_at": str},
        pk="id",
    )
    db["learned_phrasings"].create_index(["faq_id", "text"], unique=True)
    db["audit"].create(
        {"id": int, "at": str, "actor": str, "action": str, "escalation_id": int, "question_id": int, "detail": str},
        pk="id",
    )
    db["processed_events"].create({"event_id": str, "at": str}, pk="event_id")


def _migration_2(db: sqlite_utils.Database) -> None:
    """Urgent questions, advisor reminders, FAQ drafts written, digests posted."""
    db["questions"].add_column("urgent", int, not_null_default=0)
    db["escalations"].add_column("urgent", int, not_null_default=0)
    db["escalations"].add_column("reminded_at", str)
    db["escalations"].add_column("drafted_at", str)
    db["digests"].create({"week": str, "posted_at": str, "channel": str, "ts": str}, pk="week")


def _migration_3(db: sqlite_utils.Database) -> None:
    """One rating per person per *answer*: a question that got suggestions can have several."""
    db.execute("update feedback set faq_id = '' where faq_id is null")
    db["feedback"].transform(pk=("question_id", "user", "faq_id"), not_null={"faq_id"})


def _migration_4(db: sqlite_utils.Database) -> None:
    """When an escalation was last reopened: its wait (for reminders) starts again then."""
    db["escalations"].add_column("reopened_at", str)


def _migration_5(db: sqlite_utils.Database) -> None:
    """Signed Slack requests already handled, so that a replay within Slack's window does nothing."""
    db["signed_requests"].create({"fingerprint": str, "at": str}, pk="fingerprint")
    db["signed_requests"].create_index(["at"])


def _migration_6(db: sqlite_utils.Database) -> None:
    """The outbox: messages owed to people, kept until Slack has them."""
    outbox.create_table(db)


def _migration_7(db: sqlite_utils.Database) -> None:
    """Decision records (what a practitioner decided and why, redacted) and each person's nation."""
    db["decision_records"].create({
        "id": int, "user": str, "view_id": str, "question_id": int, "escalation_id": int,
        "faq_id": str, "faq_question": str, "faq_last_reviewed": str, "nation": str,
        "decision": str, "shared_with": str, "what_shared": str, "lawful_basis": str, "reasons": str,
        "person_told": str, "not_told_why": str, "redacted_kinds": str, "created_at": str,
    }, pk="id", not_null={"user", "decision", "created_at"})
    db["decision_records"].create_index(["view_id"], unique=True)  # a modal submitted twice is one record
    db["decision_records"].create_index(["user", "created_at"])
    db["decision_records"].create_index(["created_at"])
    db["people"].create({"user": str, "nation": str, "updated_at": str}, pk="user", not_null={"updated_at"})


def _migration_8(db: sqlite_utils.Database) -> None:
    """Indexes for long histories: the digest's weekly escalation counts read escalations by date, and
    each escalation's first answer is looked up in the audit log by action."""
    db["escalations"].create_index(["created_at"])
    db["audit"].create_index(["action", "escalation_id", "at"])


def _migration_9(db: sqlite_utils.Database) -> None:
    """The suggested FAQ entry the asker opened ("Show answer"): the digest counts such a question as
    answered by that entry, not as one the FAQ missed."""
    db["questions"].add_column("opened_faq_id", str)


def _migration_10(db: sqlite_utils.Database) -> None:
    """Follow-ups: what an asker added, by mentioning the bot in the thread of their open escalation.
    One row per Slack message (the unique index), so a retry or a second process adds it once."""
    db["follow_ups"].create({
        "id": int, "question_id": int, "escalation_id": int, "asker": str, "text": str, "redacted_kinds": str,
        "urgent": int, "channel": str, "message_ts": str, "created_at": str,
    }, pk="id", not_null={"question_id", "escalation_id", "text", "created_at"},
        foreign_keys=[("question_id", "questions", "id"), ("escalation_id", "escalations", "id")])
    db["follow_ups"].create_index(["escalation_id", "message_ts"], unique=True)
    db["follow_ups"].create_index(["question_id"])


def _migration_11(db: sqlite_utils.Database) -> None:
    """Retention's purge in short transactions: the question_id columns it clears or deletes by are
    indexed (each batch was a full scan of audit, outbox, decision_records and learned_phrasings), and
    when it last ran is kept in the database, so that several processes (and restarts) purge once a day."""
    for table in ("audit", "outbox", "decision_records", "learned_phrasings"):
        db[table].create_index(["question_id"], if_not_exists=True)
    db["processed_events"].create_index(["at"], if_not_exists=True)
    db["maintenance"].create({"task": str, "last_run_at": str}, pk="task", not_null={"last_run_at"})


def _migration_12(db: sqlite_utils.Database) -> None:
    """Where each follow-up was posted in the advisor channel (its card's thread, and the channel too when
    urgent): erasing the asker empties that post as it does the card."""
    db["follow_ups"].add_column("advisor_channel", str)
    db["follow_ups"].add_column("advisor_ts", str)


def _migration_13(db: sqlite_utils.Database) -> None:
    """Generation counters: the learned phrasings' is bumped whenever one is added or withdrawn, so that
    every process rebuilds its matcher (counting the rows could not see one withdrawn and another added)."""
    db["generations"].create({"name": str, "generation": int}, pk="name", not_null={"generation"})


def _migration_14(db: sqlite_utils.Database) -> None:
    """Where an urgent follow-up's risk sentences are, found once when it is added: a card or pop-up showing
    five long urgent follow-ups took about a second to find them again after a restart (Slack allows 3 s to
    open a pop-up). JSON: [start, end], or [] for none; null for the follow-ups stored before."""
    db["follow_ups"].add_column("risk_window", str)


def _migration_15(db: sqlite_utils.Database) -> None:
    """When an outbox item's holder began to send it: a holder that died with this set may have reached
    Slack, so the item is in doubt rather than simply sent again (``bot.outbox.resend_after_abandoned``)."""
    db["outbox"].add_column("sending_since", str)


def _migration_16(db: sqlite_utils.Database) -> None:
    """When a question's reply told its asker what happens to what they type (the privacy line of a first
    reply): recorded when Slack took the reply, so a first reply Slack refused for good leaves the next one
    to tell them. Questions stored before were told by the rule of the time (any earlier question), unless
    their reply was given up."""
    db["questions"].add_column("privacy_told_at", str)
    db.execute("update questions set privacy_told_at = created_at where id not in"
               " (select question_id from outbox where kind = 'reply' and state = 'gave_up'"
               " and question_id is not null)")


def _migration_17(db: sqlite_utils.Database) -> None:
    """Which question a Slack event recorded: its retry keeps that question's verdict (urgent or not) instead
    of reading the text again (up to 40,000 characters, within Slack's three seconds); null for events
    recorded before, and for events that recorded no question. And when an urgent follow-up last paged the
    advisors about an escalation: one page an escalation in 30 minutes at most."""
    db["processed_events"].add_column("question_id", int)
    db["escalations"].add_column("follow_up_paged_at", str)


def _migration_18(db: sqlite_utils.Database) -> None:
    """Escalation versions: each queue action counts one more, so that a button or answer form made before
    another advisor's change is refused instead of acting on what it no longer shows (``bot.store.versions``)."""
    db["escalations"].add_column("version", int, not_null_default=0)


MIGRATIONS: list[Callable[[sqlite_utils.Database], None]] = [
    _migration_1, _migration_2, _migration_3, _migration_4, _migration_5, _migration_6, _migration_7,
    _migration_8, _migration_9, _migration_10, _migration_11, _migration_12, _migration_13, _migration_14,
    _migration_15, _migration_16, _migration_17, _migration_18,
]
SCHEMA_VERSION = len(MIGRATIONS)




class WrongDatabase(StoreError):
    """CANISHARE_DB names something that is not a canishare database (a folder, another application's
    SQLite file): a configuration error, refused before anything is written to it."""


class NoDatabase(StoreError):
    """There is no canishare database yet (no file, or an empty one), for a command that reads records."""


class OlderDatabase(StoreError):
    """A command that only reads was given a database from an older canishare: upgrading it would be
    a write, so it is refused, naming the command that upgrades it."""
