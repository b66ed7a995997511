"""The follow_ups table (schema 10): migration from schema 9, one row per Slack message whichever of
two processes stores it, and gone with its question on purge."""

import sqlite_utils

from bot.records import UNKNOWN_RISK, Where
from bot.store import SCHEMA_VERSION, Store
from bot.store.migrations import MIGRATIONS


def schema_9_file(path):
    db = sqlite_utils.Database(path)
    for migration in MIGRATIONS[:9]:
        migration(db)
    db.execute("PRAGMA user_version = 9")
    db["questions"].insert({"text": "an old question", "asker": "U1", "source": "mention", "channel": "C1",
                            "thread_ts": "1.0", "decision": "escalate", "score": 0.0, "suggestions": "[]",
                            "redacted_kinds": "[]", "created_at": "2026-01-01T00:00:00+00:00"})
    db["escalations"].insert({"question_id": 1, "state": "open", "urgent": 0, "created_at": "2026-01-01T00:00:00+00:00"})
    db.conn.commit()
    db.conn.close()


def follow_up(store, message_ts="1.5", text="she is 15"):
    return store.add_follow_up(escalation_id=1, question_id=1, asker="U1", text=text, redacted_kinds=(),
                               urgent=False, channel="C1", message_ts=message_ts)


def test_a_schema_9_file_gains_follow_ups_and_keeps_its_escalations(tmp_path):
    schema_9_file(tmp_path / "old.db")
    store = Store(tmp_path / "old.db")
    assert store.upgraded_from == 9 and store.schema_version() == SCHEMA_VERSION
    assert store.open_escalation_in_thread("U1", "C1", "1.0") == 1
    assert store.escalation(1).follow_ups == ()
    follow_up(store)
    assert [f.text for f in store.escalation(1).follow_ups] == ["she is 15"]


def test_two_processes_store_one_slack_message_once(tmp_path):
    schema_9_file(tmp_path / "shared.db")
    first, second = Store(tmp_path / "shared.db"), Store(tmp_path / "shared.db")
    added_first, now_first = follow_up(first)
    added_second, now_second = follow_up(second)
    assert (now_first, now_second) == (True, False) and added_first == added_second
    assert follow_up(second, message_ts="1.6")[1] is True  # another message is another follow-up
    assert len(first.follow_ups_of(1)) == 2


def test_only_the_askers_open_escalation_from_a_mention_in_that_thread_counts(tmp_path):
    store = Store(tmp_path / "s.db")
    mentioned = store.add_question(text="q", asker="U1", where=Where("mention", "C1", "1.0", "1.0"),
                                   decision="escalate", faq_id=None, score=0.0, suggestions=(), redacted_kinds=(),
                                   escalate=True)
    escalation = store.escalation_for_question(mentioned.id)
    assert store.open_escalation_in_thread("U1", "C1", "1.0") == escalation.id
    assert store.open_escalation_in_thread("U2", "C1", "1.0") is None  # someone else
    assert store.open_escalation_in_thread("U1", "C1", "2.0") is None  # another thread
    store.change_escalation(escalation.id, "UADV", "close", lambda e: {"state": "closed"})
    assert store.open_escalation_in_thread("U1", "C1", "1.0") is None  # no longer waiting


def test_purge_takes_follow_ups_with_their_question(tmp_path):
    schema_9_file(tmp_path / "old.db")
    store = Store(tmp_path / "old.db")
    follow_up(store)
    store.change_escalation(1, "UADV", "close", lambda e: {"state": "closed"})
    counts = store.purge("2027-01-01T00:00:00+00:00")
    assert counts["questions"] == 1 and store.follow_ups_of(1) == () and store.follow_up(1) is None


def test_a_follow_up_stored_before_schema_14_has_its_risk_window_found_when_shown(tmp_path):
    path = tmp_path / "old.db"
    schema_9_file(path)
    db = sqlite_utils.Database(path)
    for migration in MIGRATIONS[9:13]:
        migration(db)
    db["follow_ups"].insert({"question_id": 1, "escalation_id": 1, "asker": "U1", "text": "she is 15",
                             "redacted_kinds": "[]", "urgent": 1, "channel": "C1", "message_ts": "1.5",
                             "created_at": "2026-01-01T00:00:00+00:00"})
    db.execute("PRAGMA user_version = 13")
    db.conn.commit()
    db.conn.close()
    store = Store(path)
    assert store.upgraded_from == 13
    [old] = store.escalation(1).follow_ups
    assert old.risk == UNKNOWN_RISK  # not known: the card finds it when it shows it
    new, _ = store.add_follow_up(escalation_id=1, question_id=1, asker="U1", text="x. he has a knife now.",
                                 redacted_kinds=(), urgent=True, channel="C1", message_ts="1.6", risk=(3, 22))
    assert new.risk == (3, 22) and follow_up(store, message_ts="1.7")[0].risk is None
