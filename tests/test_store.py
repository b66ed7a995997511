import json
import sqlite3
import threading

import pytest
import sqlite_utils

from bot import escalations
from bot.records import HELPFUL, NOT_HELPFUL, OPEN, Where
from bot.store import SCHEMA_VERSION, Store, StoreError
from bot.store.migrations import _migration_1


class Clock:
    def __init__(self, now="2026-11-20T10:00:00+00:00"):
        self.now = now

    def __call__(self):
        return self.now


def add(store, text="can I share with the police?", asker="U1", escalate=False, **overrides):
    fields = dict(text=text, asker=asker, where=Where("dm", "D1", "1.0", "1.0"), decision="escalate",
                  faq_id=None, score=12.5, suggestions=(), redacted_kinds=(), escalate=escalate)
    fields.update(overrides)
    return store.add_question(**fields)


@pytest.fixture
def store(tmp_path):
    store = Store(tmp_path / "canishare.db")
    yield store
    store.close()


def test_file_database_uses_wal_and_current_schema(store):
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.schema_version() == SCHEMA_VERSION


def test_question_round_trip(store):
    stored = add(store, suggestions=("a", "b"), redacted_kinds=("phone",), urgent=True)
    again = store.question(stored.id)
    assert again == stored
    assert again.where.channel == "D1" and again.suggestions == ("a", "b") and again.urgent


def test_older_database_is_migrated_in_place(tmp_path):
    path = tmp_path / "old.db"
    db = sqlite_utils.Database(path)
    _migration_1(db)
    db.execute("PRAGMA user_version = 1")
    db["questions"].insert({"text": "an old question", "asker": "U1", "source": "dm", "decision": "answer",
                            "score": 70.0, "suggestions": "[]", "redacted_kinds": "[]",
                            "created_at": "2025-01-01T00:00:00+00:00"})
    db.conn.commit()
    db.conn.close()

    store = Store(path)
    assert store.schema_version() == SCHEMA_VERSION
    (old,) = store.questions()
    assert old.text == "an old question" and old.urgent is False
    assert store.digest_posted("2026-W01") is None  # a table added by a later migration


def test_corrupt_file_gives_a_clear_error(tmp_path):
    path = tmp_path / "broken.db"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError, match="CANISHARE_DB .* is damaged .*restore it from a backup"):
        Store(path)


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "future.db"
    connection = sqlite3.connect(path)
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    connection.close()
    with pytest.raises(StoreError, match="newer canishare"):
        Store(path)


def test_question_and_escalation_are_one_transaction(store, monkeypatch):
    def crash(*args, **kwargs):
        raise RuntimeError("power cut")

    monkeypatch.setattr(store, "add_escalation", crash)
    with pytest.raises(RuntimeError):
        add(store, escalate=True)
    assert store.questions() == []  # nothing half-written


def test_escalated_question_is_stored_before_anyone_is_told(store, audit_log):
    question = add(store, escalate=True)
    escalation = store.escalation_for_question(question.id)
    assert escalation.state == OPEN and escalation.advisor_ts is None
    assert audit_log(store)[0]["action"] == "escalate"


def test_escalating_twice_keeps_one_escalation(store):
    question = add(store)
    first, created = store.add_escalation(question.id, "U1")
    second, created_again = store.add_escalation(question.id, "U1")
    assert created and not created_again and first.id == second.id


def test_feedback_is_one_per_person_per_answer_and_changeable(store):
    question = add(store)
    assert store.set_feedback(question.id, "U1", "consent", HELPFUL) is True
    assert store.set_feedback(question.id, "U1", "consent", NOT_HELPFUL) is False
    store.set_feedback(question.id, "U2", "consent", HELPFUL)
    ratings = {(r["user"], r["rating"]) for r in store.feedback()}
    assert ratings == {("U1", NOT_HELPFUL), ("U2", HELPFUL)}


def test_a_changed_rating_keeps_when_it_was_first_given(tmp_path):
    clock = Clock("2026-11-20T10:00:00+00:00")
    store = Store(tmp_path / "db", clock=clock)
    question = add(store)
    store.set_feedback(question.id, "U1", "consent", HELPFUL)
    clock.now = "2026-11-21T10:00:00+00:00"
    store.set_feedback(question.id, "U1", "consent", NOT_HELPFUL)
    [row] = store.feedback()
    assert (row["rating"], row["created_at"], row["updated_at"]) == (
        NOT_HELPFUL, "2026-11-20T10:00:00+00:00", "2026-11-21T10:00:00+00:00")


def test_a_phrasing_is_learned_once_and_only_a_new_one_changes_the_matchers_version(store):
    question = add(store)
    assert store.add_learned_phrasing("consent", "may I tell the GP?", question.id, "A1") is True
    version = store.learned_version()
    assert store.add_learned_phrasing("consent", "may I tell the GP?", question.id, "A2") is False
    assert store.learned_version() == version
    assert store.learned_phrasings() == {"consent": ["may I tell the GP?"]}


def test_processed_events_detect_retries(store):
    assert store.first_time_event("Ev1") is True
    assert store.first_time_event("Ev1") is False
    assert store.first_time_event("Ev2") is True


def test_eight_threads_record_every_question_once(store):
    per_thread, errors = 50, []

    def work(n):
        try:
            for i in range(per_thread):
                add(store, text=f"thread {n} question {i}", asker=f"U{n}")
        except Exception as error:  # pragma: no cover - reported below
            errors.append(error)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    texts = [q.text for q in store.questions()]
    assert len(texts) == 8 * per_thread == len(set(texts))


def test_concurrent_claims_exactly_one_wins(store, audit_log):
    question = add(store, escalate=True)
    escalation = store.escalation_for_question(question.id)
    winners, refusals = [], []
    barrier = threading.Barrier(8)

    def claim(advisor):
        barrier.wait()
        try:
            store.change_escalation(escalation.id, advisor, "claim",
                                    lambda e: escalations.claim(e, advisor, store.now()))
            winners.append(advisor)
        except escalations.QueueError as error:
            refusals.append(str(error))

    threads = [threading.Thread(target=claim, args=(f"A{n}",)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(winners) == 1 and len(refusals) == 7
    assert all(f"already claimed by <@{winners[0]}>" in r for r in refusals)
    assert store.escalation(escalation.id).claimed_by == winners[0]
    assert [a["action"] for a in audit_log(store, escalation.id)] == ["escalate", "claim"]


def test_purge_takes_an_old_question_with_its_audit_rows_and_what_the_matcher_learned_from_it(tmp_path, audit_log):
    clock = Clock("2025-01-01T09:00:00+00:00")
    store = Store(tmp_path / "db", clock=clock)
    old = add(store, text="old question", escalate=True)
    store.set_feedback(old.id, "U2", None, HELPFUL)
    store.add_learned_phrasing("consent-always-required", "old question", old.id, "A1")
    store.audit("A1", "answer", store.escalation_for_question(old.id).id, old.id, detail="some detail")
    store.db["escalations"].update(store.escalation_for_question(old.id).id, {"state": "closed"})  # queued ones stay
    version = store.learned_version()
    clock.now = "2026-11-20T09:00:00+00:00"
    recent = add(store, text="recent question", escalate=True)

    counts = store.purge(before="2026-01-01T00:00:00+00:00")
    assert counts == {"questions": 1, "feedback": 1, "escalations": 1, "follow_ups": 0, "decision_records": 0,
                      "people": 0, "learned_phrasings": 1, "audit": 2, "kept_in_queue": 0, "oldest_kept": None}
    assert [q.id for q in store.questions()] == [recent.id]
    assert {a["question_id"] for a in audit_log(store)} == {recent.id}  # the recent escalation's row alone
    assert store.learned_phrasings() == {} and store.learned_version() != version  # every process forgets it


def test_purge_keeps_old_questions_still_in_the_queue_and_says_so_unless_told_to_include_them(tmp_path):
    clock = Clock("2025-01-01T09:00:00+00:00")
    store = Store(tmp_path / "db", clock=clock)
    waiting = add(store, text="never answered", escalate=True)
    clock.now = "2025-02-01T09:00:00+00:00"
    add(store, text="also waiting", escalate=True)
    before = "2026-01-01T00:00:00+00:00"
    assert store.purge(before, dry_run=True)["kept_in_queue"] == 2
    counts = store.purge(before)
    assert (counts["questions"], counts["kept_in_queue"], counts["oldest_kept"]) == (0, 2, "2025-01-01T09:00:00+00:00")
    assert store.purge(before, dry_run=True, include_queue=True)["questions"] == 2
    store.set_advisor_message(store.escalation_for_question(waiting.id).id, "CADV", "111.1")
    counts = store.purge(before, include_queue=True)
    assert (counts["questions"], counts["escalations"], counts["kept_in_queue"]) == (2, 2, 0)
    assert store.questions() == [] and store.escalation_for_question(waiting.id) is None
    # its card would stay "open" with buttons for an escalation that is gone: it is emptied
    [removal] = [json.loads(r["payload"]) for r in store.db["outbox"].rows_where("kind = 'card_removal'")]
    assert removal == {"channel": "CADV", "ts": "111.1"}


def test_purge_takes_audit_rows_and_phrasings_an_earlier_purge_left_behind(tmp_path):
    clock = Clock("2025-01-01T09:00:00+00:00")
    store = Store(tmp_path / "db", clock=clock)
    store.audit("A1", "claim", 99, 98)  # its escalation and question went before purge took audit rows
    store.audit("canishare", "draft", 97, None, detail="drafts/draft-esc-97.yaml")
    store.add_learned_phrasing("consent-always-required", "left unlinked", None, "A1")
    clock.now = "2026-11-20T09:00:00+00:00"
    store.add_learned_phrasing("consent-always-required", "taught this month", None, "A1")
    counts = store.purge(before="2026-01-01T00:00:00+00:00")
    assert (counts["audit"], counts["learned_phrasings"]) == (2, 1)
    assert store.learned_phrasings() == {"consent-always-required": ["taught this month"]}


def test_advice_record_joins_questions_and_answers(store):
    question = add(store, escalate=True)
    escalation = store.escalation_for_question(question.id)
    store.change_escalation(escalation.id, "A1", "answer",
                            lambda e: escalations.answer(e, "A1", store.now(), "Yes, under s115."))
    (row,) = store.advice_record()
    assert row["question"] == question.text and row["advisor_answer"] == "Yes, under s115."
    assert row["advisor"] == "A1" and row["escalation_state"] == "answered"


def test_feedback_on_two_suggested_entries_keeps_both(store):
    question = add(store)
    store.set_feedback(question.id, "U1", "entry-a", NOT_HELPFUL)
    store.set_feedback(question.id, "U1", "entry-b", HELPFUL)
    assert {(r["faq_id"], r["rating"]) for r in store.feedback()} == {("entry-a", NOT_HELPFUL), ("entry-b", HELPFUL)}


def test_version_2_feedback_survives_the_move_to_per_entry_ratings(tmp_path):
    from bot.store.migrations import _migration_2

    path = tmp_path / "v2.db"
    db = sqlite_utils.Database(path)
    _migration_1(db)
    _migration_2(db)
    db.execute("PRAGMA user_version = 2")
    db["questions"].insert({"id": 1, "text": "q", "asker": "U1", "source": "dm", "decision": "answer",
                            "score": 1.0, "suggestions": "[]", "redacted_kinds": "[]", "created_at": "2026-01-01"})
    db["feedback"].insert({"question_id": 1, "user": "U1", "faq_id": None, "rating": "helpful",
                           "created_at": "2026-01-01", "updated_at": "2026-01-01"})
    db.conn.commit()
    db.conn.close()
    store = Store(path)
    assert [(r["user"], r["rating"]) for r in store.feedback()] == [("U1", "helpful")]
    assert store.set_feedback(1, "U1", None, "not_helpful") is False


def test_a_migration_another_process_applied_meanwhile_is_not_applied_again(tmp_path, monkeypatch):
    """Two processes opening an old file at once: the second read the old version, then waited for
    the first's transaction; it must not run the same migration again (an index would already exist)."""
    path = tmp_path / "both.db"
    Store(path)  # the first process: everything applied
    second = Store.__new__(Store)
    monkeypatch.setattr(Store, "schema_version", lambda self: SCHEMA_VERSION - 1)  # what it read before waiting
    Store.__init__(second, path)
    monkeypatch.undo()
    assert second.schema_version() == SCHEMA_VERSION


def foreign_database(path, tables=("dashboards",)):
    connection = sqlite3.connect(path)
    for table in tables:
        connection.execute(f"create table {table} (id integer primary key, title text)")
        connection.execute(f"insert into {table} (title) values ('kept')")
    connection.commit()
    connection.close()
    return path


@pytest.mark.parametrize("tables", [("dashboards",), ("dashboards", "questions")])
@pytest.mark.parametrize("create", [True, False])
def test_another_applications_database_is_refused_and_left_as_it_was(tmp_path, tables, create):
    from bot.store import WrongDatabase

    path = foreign_database(tmp_path / "foreign.db", tables)
    before = path.read_bytes()
    with pytest.raises(WrongDatabase, match="CANISHARE_DB=.*foreign.db' is not a canishare database.*dashboards"):
        Store(path, create=create)
    assert path.read_bytes() == before  # no tables written, journal mode not switched to WAL
    connection = sqlite3.connect(path)
    assert connection.execute("pragma journal_mode").fetchone()[0] == "delete"
    assert not (tmp_path / "foreign.db-wal").exists()


def test_an_empty_file_is_a_new_database_only_where_one_may_be_created(tmp_path):
    from bot.store import NoDatabase

    path = tmp_path / "zero.db"
    path.write_bytes(b"")
    with pytest.raises(NoDatabase, match="zero.db' is empty"):
        Store(path, create=False)
    assert path.stat().st_size == 0
    assert Store(path).schema_version() == SCHEMA_VERSION  # serve and clock: a new database
    assert Store(path, create=False).questions() == []  # now the bot's


def test_a_missing_file_is_not_created_where_one_may_not_be(tmp_path):
    from bot.store import NoDatabase

    with pytest.raises(NoDatabase, match="no database at"):
        Store(tmp_path / "typo.db", create=False)
    assert not (tmp_path / "typo.db").exists()


def test_a_folder_is_not_a_database(tmp_path):
    from bot.store import WrongDatabase

    (tmp_path / "dir.db").mkdir()
    with pytest.raises(WrongDatabase, match="dir.db' is a folder.*dir.db/canishare.db"):
        Store(tmp_path / "dir.db")


class FailingCommits:
    """A connection whose COMMIT fails as on a full disk (the write itself is accepted)."""

    def __init__(self, inner):
        self.inner = inner

    def execute(self, sql, *args):
        if sql.strip().upper() == "COMMIT":
            raise sqlite3.OperationalError("database or disk is full")
        return self.inner.execute(sql, *args)

    def __getattr__(self, name):
        return getattr(self.inner, name)


def test_writable_commits_a_real_write_so_a_failing_commit_is_seen(store):
    assert store.writable() is None
    store._writer.conn = FailingCommits(store._writer.conn)
    assert "full" in (store.writable() or "")


def test_writable_reports_writes_that_failed_for_want_of_space(store):
    add(store)
    pages = store._writer.execute("pragma page_count").fetchone()[0]
    store._writer.execute(f"pragma max_page_count = {pages}")  # the disk is full: no new page can be written
    with pytest.raises(sqlite3.OperationalError, match="full"):
        add(store, text="x" * 100_000)
    assert "full" in (store.writable() or "")  # though the probe's own row still fits
    assert len(store.questions()) == 1  # nothing half-written
