"""The store's connections to its SQLite file, and its transactions.

Writes go through one connection guarded by a lock, in ``transaction()`` (BEGIN IMMEDIATE), so a
read-check-write such as a claim is atomic. Reads outside a transaction use a second connection with
its own lock: in WAL mode SQLite lets them read while another process (or a thread of this one) holds
or waits for the write lock, so a write waiting for another process never stalls a read. Inside a
transaction, reads use the writing connection and see its uncommitted changes. An in-memory or
read-only store has one connection for both.

A thread can bound how long its writes wait for the write lock (``waiting_at_most``): a request that
must be acknowledged within Slack's three seconds waits a second or two, then fails as busy.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from contextlib import contextmanager, nullcontext
from typing import Callable, ContextManager, Iterator, TypeVar

import sqlite_utils

from bot.failures import is_busy

log = logging.getLogger(__name__)
T = TypeVar("T")

# The health check's write probe: a row in processed_events that no Slack event id can be.
HEALTH_PROBE = "healthz:write-probe"
HEALTH_WAIT = 2.0  # seconds the probe waits for the write lock before it reports the store busy (healthy)
WRITE_FAILURE_COUNTS_FOR = 60.0  # seconds a failed commit keeps the health check failing
BUSY_TIMEOUT = 30.0  # seconds a write waits for another process's write lock before "database is locked"
# How long the outcome of a send (delivered, failed) keeps being retried while another process holds the
# write lock: far past any one transaction, so that a message Slack took is recorded, not sent again.
OUTCOME_PATIENCE = 15 * 60.0
# A write that timed out on this process's own lock: another of its threads holds it, most often while
# it waits for another process's write lock (a sqlite3 shell with a transaction open, a backup tool).
LOCK_WAITED_IN_PROCESS = ("database is locked (a write of this process was already waiting for it; another "
                          "process, such as a sqlite3 shell or a backup, may hold it)")


class Connections:
    """The connection part of ``Store``, and the base of its table groups (bot.store.delivery, reports,
    follow_ups, versions): the store's clock, ``connect`` first, ``open_reader`` once the schema is current."""

    def __init__(self, clock: Callable[[], str], outcome_patience: float):
        self.now = clock  # the time stored with every row written
        self.outcome_patience = outcome_patience

    def connect(self, target: str, read_only: bool, busy_timeout: float) -> sqlite_utils.Database:
        """``target``: the file's path, or its read-only URI with ``read_only``. Returns the writing connection."""
        self.busy_timeout = busy_timeout
        self._lock = threading.RLock()
        self._local = threading.local()  # per thread: inside a transaction; how long a write may wait
        self._write_failure: tuple[str, float] | None = None  # the last commit the file refused, and when
        connection = sqlite3.connect(target, uri=read_only, check_same_thread=False, isolation_level=None,
                                     timeout=busy_timeout)
        self._writer = self._reader = sqlite_utils.Database(connection)
        self._read_lock = self._lock
        return self._writer

    def open_reader(self, path: str) -> None:
        connection = sqlite3.connect(path, check_same_thread=False, isolation_level=None, timeout=self.busy_timeout)
        connection.execute(f"PRAGMA busy_timeout={int(self.busy_timeout * 1000)}")
        self._reader, self._read_lock = sqlite_utils.Database(connection), threading.RLock()

    @property
    def db(self) -> sqlite_utils.Database:
        """The connection this thread reads with: the writing one inside a transaction, else the reading one."""
        return self._writer if getattr(self._local, "writing", False) else self._reader

    def reading(self) -> ContextManager:
        """Held while reading with ``db`` outside a transaction: its connection's lock."""
        return nullcontext() if getattr(self._local, "writing", False) else self._read_lock

    def write_lock(self) -> ContextManager:
        """This process's write lock: while it is held, no other thread of this process writes."""
        return self._lock

    def close(self) -> None:
        with self._lock:
            self._writer.conn.close()
            if self._reader is not self._writer:
                self._reader.conn.close()

    def schema_version(self) -> int:
        with self.reading():
            return self.db.execute("PRAGMA user_version").fetchone()[0]

    def bound_this_threads_writes(self, seconds: float | None) -> None:
        """From now on this thread's writes wait at most ``seconds`` for the write lock (None: the busy timeout)."""
        self._local.wait = seconds

    @contextmanager
    def waiting_at_most(self, seconds: float) -> Iterator[None]:
        """This thread's writes wait at most ``seconds`` for the write lock (then: database is locked)."""
        before, self._local.wait = getattr(self._local, "wait", None), seconds
        try:
            yield
        finally:
            self._local.wait = before

    @contextmanager
    def transaction(self) -> Iterator[sqlite_utils.Database]:
        wait = getattr(self._local, "wait", None)
        if not self._lock.acquire(timeout=-1 if wait is None else wait):
            raise sqlite3.OperationalError(LOCK_WAITED_IN_PROCESS)
        try:
            if self._writer.conn.in_transaction:  # nested: join the outer transaction
                yield self._writer
                return
            self._begin(wait)
            self._local.writing = True
            try:
                yield self._writer
                self._writer.execute("COMMIT")
            except BaseException as error:
                if self._writer.conn.in_transaction:  # also after a failed COMMIT (disk full): never leave it open
                    self._writer.execute("ROLLBACK")
                self._note_write_failure(error)
                raise
            finally:
                self._local.writing = False
        finally:
            self._lock.release()

    def _begin(self, wait: float | None) -> None:
        if wait is None:
            self._writer.execute("BEGIN IMMEDIATE")
            return
        self._writer.execute(f"PRAGMA busy_timeout={int(wait * 1000)}")
        try:
            self._writer.execute("BEGIN IMMEDIATE")
        finally:
            self._writer.execute(f"PRAGMA busy_timeout={int(self.busy_timeout * 1000)}")

    def patiently(self, write: Callable[[], T], what: str) -> T:
        """Run ``write`` (its own transaction), again and again while another process holds the write
        lock, for up to ``outcome_patience`` seconds (logged); then the last error is raised."""
        deadline = time.monotonic() + self.outcome_patience
        while True:
            try:
                return write()
            except sqlite3.OperationalError as error:
                if not is_busy(error) or time.monotonic() >= deadline:
                    raise
                log.warning("%s: the database is busy (%s); trying again", what, error)
                time.sleep(min(1.0, max(0.0, deadline - time.monotonic())))

    def write_state(self) -> tuple[str, str | None]:
        """("ok", None) when a write can be committed now; ("busy", why) when another process (or thread)
        holds the write lock for longer than ``HEALTH_WAIT``: the file is fine, writes wait; ("failed",
        why) when the file cannot take writes (read-only, disk full).

        It commits a real one-row write (the probe's row in processed_events): a write rolled back
        never reaches the disk, so it passes a full disk. A commit that failed for want of space or
        permission in the last ``WRITE_FAILURE_COUNTS_FOR`` counts too: the probe's one page can fit
        in the -wal file's free frames while a question's insert does not."""
        try:
            with self.waiting_at_most(HEALTH_WAIT), self.transaction() as db:
                db.execute("insert into processed_events (event_id, at) values (?, ?)"
                           " on conflict(event_id) do update set at = excluded.at", [HEALTH_PROBE, self.now()])
        except sqlite3.Error as error:
            return ("busy" if is_busy(error) else "failed"), str(error)
        failed = self._write_failure
        if failed is not None and time.monotonic() - failed[1] < WRITE_FAILURE_COUNTS_FOR:
            return "failed", f"a write failed {time.monotonic() - failed[1]:.0f} s ago: {failed[0]}"
        return "ok", None

    def writable(self) -> str | None:
        """None when the file can take writes (now, or once another process's write is done); else why not."""
        state, why = self.write_state()
        return why if state == "failed" else None

    def _note_write_failure(self, error: BaseException) -> None:
        """Remember a commit that failed because the file cannot take writes (not a busy lock, not a bug)."""
        if isinstance(error, sqlite3.OperationalError) and any(
                sign in str(error).lower() for sign in ("full", "disk i/o", "readonly", "read-only")):
            self._write_failure = (str(error), time.monotonic())
