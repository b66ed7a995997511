"""Cross-cutting listeners: Slack's retries of events already handled, and unexpected errors."""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from concurrent.futures import Executor
from typing import Callable

from slack_bolt import BoltResponse
from slack_sdk import WebClient

from bot.failures import DatabaseCondition, database_condition, is_busy
from bot.log_safety import safe_traceback
from bot.readable import readable
from bot.service import Service
from bot.slack.blocks.replies import error_message
from bot.slack.delivery import tell_privately
from bot.slack.payloads import event_id_of, user_of

log = logging.getLogger(__name__)

CONVERSATION_EVENTS = ("message", "app_mention")


def readable_text_only() -> Callable:
    """Global middleware: every string of the request made readable (``bot.readable``) before any
    listener reads it. Slack's JSON may escape a lone surrogate, which neither the tokenizers nor
    SQLite accept: a question or an advisor's answer holding one would otherwise fail to be stored."""

    def middleware(body: dict, next: Callable[[], BoltResponse]) -> BoltResponse | None:
        _make_readable(body)
        return next()

    return middleware


def _make_readable(value: dict | list) -> None:
    keys = value.keys() if isinstance(value, dict) else range(len(value))
    for key in keys:
        item = value[key]
        if isinstance(item, str):
            value[key] = readable(item)
        elif isinstance(item, (dict, list)):
            _make_readable(item)


def skip_events_already_handled(service: Service) -> Callable:
    """Global middleware: an event whose question and reply are already recorded (a Slack retry, with
    X-Slack-Retry-Num) is acknowledged with 200 and not handled again. An event is recorded in the
    same commit as its question (``Service.ask``), so a retry after a crash before that is handled."""

    def middleware(body: dict, next: Callable[[], BoltResponse]) -> BoltResponse | None:
        event_id = event_id_of(body)
        if service.event_handled(event_id):
            log.info("event %s was already handled; acknowledging Slack's retry", event_id)
            return BoltResponse(status=200, body="")
        return next()

    return middleware


# How long a write made before Slack's acknowledgement waits for another process's write lock: past
# it, the write fails as busy and the person is told to try again, inside Slack's 3 s (waiting longer
# would only have Slack show them an error, or retry an event, while the write may still land).
ACK_WRITE_WAIT = 1.5


def writes_wait_within_ack(service: Service, seconds: float = ACK_WRITE_WAIT) -> Callable:
    """Global middleware: the writes of the thread that handles the request (its listener commits
    before the acknowledgement, in this thread, after the middleware has returned) wait at most
    ``seconds`` for the write lock. Lazy listeners run after the acknowledgement on the executor's
    threads, and the deliverer on its own: they keep the store's longer wait."""

    def middleware(next: Callable[[], BoltResponse]) -> BoltResponse | None:
        service.bound_this_threads_writes(seconds)
        return next()

    return middleware


def describe_request(body: dict) -> str:
    """What the request was, for the log, without anything anyone typed."""
    kind = body.get("type") or ("slash_command" if body.get("command") else "unknown")
    detail = ((body.get("event") or {}).get("type") or (body.get("actions") or [{}])[0].get("action_id")
              or (body.get("view") or {}).get("callback_id") or body.get("callback_id") or body.get("command"))
    return f"{kind}/{detail}" if detail else kind


STORE_WARNING_EVERY = 60.0  # seconds between two warnings of one store condition


def store_condition(error: BaseException) -> str | None:
    """What stops the store taking writes, when ``error`` is a condition to fix rather than a bug."""
    condition = database_condition(error)
    if condition is DatabaseCondition.LOCKED:
        return ("the database is locked by another process (a sqlite3 shell with a transaction open, a backup "
                "tool?): requests that write are refused until it is released")
    if condition is DatabaseCondition.DISK_FULL:
        return "the disk is full where CANISHARE_DB lives: requests that write are refused until space is freed"
    return None


class ConditionLog:
    """Each store condition logged as one WARNING, again at most every ``every`` seconds, with the count
    of requests it refused meanwhile."""

    def __init__(self, every: float = STORE_WARNING_EVERY, clock: Callable[[], float] = time.monotonic) -> None:
        self.every, self.clock = every, clock
        self._last: dict[str, float] = {}
        self._refused: dict[str, int] = {}
        self._lock = threading.Lock()

    def note(self, condition: str) -> None:
        with self._lock:
            self._refused[condition] = self._refused.get(condition, 0) + 1
            now, last = self.clock(), self._last.get(condition)
            if last is not None and now - last < self.every:
                return
            self._last[condition], refused = now, self._refused.pop(condition)
        log.warning("%s (%d request(s) refused)", condition, refused)


def listener_error_handler(executor: Executor) -> Callable:
    """App-wide error handler: log the error's type and traceback (no question text, and its message
    only made safe: ``bot.log_safety``), answer Slack with 200 at once so that it does
    not retry (an event is never answered twice: see ``skip_events_already_handled``), and tell the
    person on ``executor`` (the app's listener executor, or a small pool of its own) after that answer:
    a slow Slack must not hold up the acknowledgement. A locked database or a full disk is logged as
    one rate-limited warning (``ConditionLog``), not a traceback per request."""
    conditions = ConditionLog()

    def handle_listener_error(error: Exception, body: dict, client: WebClient,
                              response: BoltResponse | None) -> BoltResponse | None:
        condition = store_condition(error)
        if condition:  # not a bug: one line now and then, not a traceback per refused request
            conditions.note(condition)
        else:
            log.error("listener failed on %s: %s\n%s", describe_request(body or {}), type(error).__name__,
                      safe_traceback(error))  # never exc_info: the message may quote what someone typed
        try:
            executor.submit(_tell_quietly, client, body or {}, isinstance(error, sqlite3.Error), is_busy(error))
        except RuntimeError:  # the executor is shutting down with the process: nobody to tell now
            log.warning("could not tell the user about the error: shutting down")
        return BoltResponse(status=200, body="") if response is not None else None

    return handle_listener_error


def _tell_quietly(client: WebClient, body: dict, store_down: bool, busy: bool = False) -> None:
    try:
        tell_about_error(client, body, store_down=store_down, busy=busy)
    except Exception as second:  # noqa: BLE001 - telling about an error must never raise
        log.warning("could not tell the user about the error: %s", type(second).__name__)


def tell_about_error(client: WebClient, body: dict, store_down: bool = False, busy: bool = False) -> None:
    """Straight to Slack, not through the outbox: the outbox is in the store that may have failed."""
    message = error_message(store_down, busy)
    if body.get("type") == "event_callback":
        event = body.get("event") or {}
        if event.get("type") in CONVERSATION_EVENTS and event.get("channel") and event.get("user"):
            thread = event.get("thread_ts") or (event.get("ts") if event["type"] == "app_mention" else None)
            client.chat_postMessage(channel=event["channel"], thread_ts=thread, **message.as_kwargs())
        return
    if user_of(body):
        tell_privately(client, body, message)
