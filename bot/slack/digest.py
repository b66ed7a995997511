"""Posting the weekly digest to Slack, at most once per week, and the ``clock`` that does it every
Monday at 09:00 Europe/London.

The main message (figures, top topics and groups) goes to ``CANISHARE_DIGEST_CHANNEL``; the details
go in a thread reply under it. The week is recorded in the store as soon as the main message is
posted, so a second run (or a restarted clock) posts nothing unless forced.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import signal
import threading
from typing import Callable

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError, SlackRequestError

from bot import lease_owners
from bot.config import Settings
from bot.digest.figures import Digest
from bot.digest.weeks import next_run, week_due
from bot.outbox import DIGEST_LEASE, UNCERTAIN
from bot.service import Service
from bot.service_outbox import details_key, details_prefix
from bot.slack.blocks.digest import details_text, render_blocks, summary_text
from bot.slack.blocks.kit import reminder_span
from bot.slack.client import build_web_client
from bot.slack.send_outcomes import died_on_this_host, never_reached_slack
from bot.times import UK_TIME, parse_stored_time, utc_now

log = logging.getLogger(__name__)

RETRY_AFTER_FAILURE = dt.timedelta(minutes=15)  # the clock tries a failed posting again after this
LONGEST_SLEEP = dt.timedelta(hours=1)  # the clock re-reads the time at least this often


def _when(posted_at: str | None) -> str:
    if not posted_at:
        return "an earlier run"
    moment = parse_stored_time(posted_at).astimezone(UK_TIME)
    return f"{moment:%a} {moment.day} {moment:%b %Y} at {moment:%H:%M} (London time)"


class DigestMayBePosted(Exception):
    """The last posting of the week was cut off after it was sent: only ``force`` posts it again."""


class DigestInHand(Exception):
    """Another live run holds the week's posting: nothing was posted; ``until`` is when its lease ends."""

    def __init__(self, message: str, until: dt.datetime | None):
        super().__init__(message)
        self.until = until


def _in_hand(service: Service, week: str) -> DigestInHand:
    holder, until = service.digest_holder(week) or ("another run", None)
    ends = parse_stored_time(until) if until else None
    lease = reminder_span(DIGEST_LEASE.total_seconds())
    when = f"{ends.astimezone(UK_TIME):%H:%M} (London time)" if ends else f"within {lease}"
    return DigestInHand(
        f"another run ({holder}) is posting the digest for {week} now; nothing posted. If it is still working, "
        f"let it finish; if it was stopped on another machine, run this again after its lease runs out at {when}",
        ends)


def post_digest(settings: Settings, service: Service, digest: Digest, force: bool = False,
                client: WebClient | None = None) -> str:
    """Post ``digest`` once: the main message now, then its details as a thread reply. Returns a line
    saying what happened. Already posted (and not ``force``): posts nothing and says when it was.

    The posting goes through the outbox: it is owed and leased to this run first, so a run that
    fails (or dies) leaves it owed, and the bot's deliverer (or the next run) posts it, once."""
    if not settings.digest_channel:
        raise ValueError("CANISHARE_DIGEST_CHANNEL is not set: the digest has nowhere to go")
    earlier = service.digest_posted(digest.week)
    owner = lease_owners.owner("digest")
    service.take_over_leases(died_on_this_host)  # a run killed here posts nothing more: its lease is free
    status, item = service.owe_digest(digest.week, owner, force)
    if status == "already":
        when = _when((service.digest_posted(digest.week) or {}).get("posted_at"))
        line = (f"The digest for {digest.week} was already posted on {when}; nothing posted "
                "(use --force to post it again).")
        details = service.lease_owed_under(details_prefix(digest.week), owner)
        if details is not None:  # its thread reply failed then: this run posts it
            payload = details.payload
            line += _details_result(service, details, client or build_web_client(settings), payload["channel"],
                                    payload["ts"], digest, owed_since=True)
        elif service.details_in_doubt(digest.week):
            line += (" Its details reply was cut off while being posted (a run was stopped, or the connection "
                     "dropped): it may be in the thread; look, it is not sent again.")
        return line
    if status == "in hand":
        raise _in_hand(service, digest.week)
    if status == "uncertain":
        raise DigestMayBePosted(
            f"the last attempt to post the digest for {digest.week} was cut off after sending it (its connection "
            "dropped, or its run was stopped), so "
            f"Slack may have it: look in {settings.digest_channel}, and if it is not there post it with --force")
    client = client or build_web_client(settings)
    service.renew_lease(item)  # marks it as being sent: should this run die now, Slack may have it
    try:
        channel, ts = post_main_message(client, settings.digest_channel, digest)
    except BaseException as error:
        _failed(service, item, error)
        raise
    service.delivered(item, posted=(channel, ts))
    again = " again" if earlier and earlier.get("ts") else ""
    log.info("digest %s posted to %s (ts %s)%s", digest.week, channel, ts, again)
    line = f"Posted the digest for {digest.week} to {channel}{again}."
    details = service.lease_owed_key(details_key(digest.week, item.id), owner)
    if details is not None:
        line += _details_result(service, details, client, channel, ts, digest, owed_since=False)
    return line


def _details_result(service: Service, details, client: WebClient, channel: str, ts: str, digest: Digest,
                    owed_since: bool) -> str:
    """Post a digest's owed details reply (``owed_since``: by a later run); what to add to the run's
    line. A reply cut off after it was sent is not tried again (it may be there: it could show twice)."""
    what = "its details reply, owed since, " if owed_since else "the details reply "
    service.renew_lease(details)
    try:
        post_details(client, channel, ts, digest)
    except Exception as error:  # noqa: BLE001 - the main message is posted: the run must end, and say so
        refused, reason = _failed(service, details, error)
        log.error("digest %s: %sfailed: %s", digest.week, what, reason,
                  exc_info=not isinstance(error, SlackClientError))
        then = "it will be tried again" if refused else "it may be in the thread: look, it is not sent again"
        return f" {what[:1].upper()}{what[1:]}failed ({reason}); {then}."
    service.delivered(details)
    return " Its details reply, owed since, was posted now." if owed_since else ""


def _failed(service: Service, item, error: BaseException) -> tuple[bool, str]:
    """Record a failed post of ``item``: refused by Slack or never sent, it stays owed (True); cut off
    after it was sent, it may be there and is given up as uncertain, never sent again (False)."""

    refused = isinstance(error, SlackApiError) or never_reached_slack(error) or raised_before_sending(error)
    reason = str(error.response.get("error")) if isinstance(error, SlackApiError) else type(error).__name__
    service.not_delivered(item, reason if refused else f"{UNCERTAIN}: {reason}", give_up=not refused)
    return refused, reason


def raised_before_sending(error: BaseException) -> bool:
    """An error a request raises before any byte leaves: slack_sdk's check of the URL, urllib's "unknown
    url type" and http.client's InvalidURL (ValueErrors), or rendering the message (``RenderFailed``).
    A reply Slack sent that cannot be read (bad JSON or text) came after sending, so it does not count."""
    if isinstance(error, (json.JSONDecodeError, UnicodeError)):
        return False
    return isinstance(error, (SlackRequestError, ValueError, RenderFailed))


class RenderFailed(Exception):
    """The digest's Block Kit message could not be built: nothing was sent."""


def _rendered(digest: Digest) -> tuple[list[dict], list[dict]]:
    try:
        return render_blocks(digest)
    except Exception as error:
        raise RenderFailed(f"the digest for {digest.week} could not be rendered ({type(error).__name__}: {error})"
                           ) from error


def post_main_message(client: WebClient, channel: str, digest: Digest) -> tuple[str, str]:
    main_blocks, _ = _rendered(digest)
    response = client.chat_postMessage(channel=channel, text=summary_text(digest), blocks=main_blocks,
                                       unfurl_links=False, unfurl_media=False)
    return response["channel"], response["ts"]


def post_details(client: WebClient, channel: str, ts: str, digest: Digest) -> None:
    _, thread_blocks = _rendered(digest)
    if thread_blocks:
        client.chat_postMessage(channel=channel, thread_ts=ts, text=details_text(digest),
                                blocks=thread_blocks, unfurl_links=False, unfurl_media=False)


def run_clock(settings: Settings, service: Service, *, clock: Callable[[], dt.datetime] = utc_now,
              stop: threading.Event | None = None, client: WebClient | None = None) -> int:
    """Post the previous week's digest every Monday at 09:00 Europe/London until stopped, and apply
    the retention period once a day (as the bot does: whichever runs, retention happens).

    On start, and whenever it wakes, it posts the digest that is due (``digest.week_due``) if it has
    not been posted: a clock started late on a Monday catches up, and a restarted clock does not post
    twice. A failed posting is tried again after ``RETRY_AFTER_FAILURE``. SIGTERM (or Ctrl-C, or
    setting ``stop``) ends it cleanly; returns the exit status."""
    stop = stop or threading.Event()
    previous_handler = None
    if threading.current_thread() is threading.main_thread():
        def on_signal(signum, frame):  # noqa: ARG001
            log.info("digest clock: signal %s, stopping", signum)
            stop.set()

        previous_handler = signal.signal(signal.SIGTERM, on_signal)
    log.info("digest clock started: posting to %s every Monday 09:00 Europe/London; next at %s",
             settings.digest_channel, next_run(clock()).astimezone(UK_TIME).isoformat())
    try:
        while not stop.is_set():
            now = clock()
            service.purge_if_due(dt.timedelta(days=settings.retention_days), now=now)
            week = week_due(now)
            wait = next_run(now) - now
            if not (service.digest_posted(week) or {}).get("ts"):  # not posted (a stale claim is retried)
                try:
                    result = post_digest(settings, service, service.digest(week), client=client)
                    log.info("digest clock: %s", result)
                except DigestMayBePosted as error:  # a person must look: trying again could post it twice
                    log.error("digest clock: %s", error)
                except DigestInHand as error:  # try again when that run's lease runs out
                    log.warning("digest clock: %s", error)
                    wait = min(wait, max((error.until or now + RETRY_AFTER_FAILURE) - now, dt.timedelta(0))
                               + dt.timedelta(seconds=1))
                except Exception as error:  # a long-running process: log, and try again later
                    log.error("digest clock: posting the digest for %s failed (%s); trying again in %s",
                              week, error, RETRY_AFTER_FAILURE, exc_info=not isinstance(error, SlackClientError))
                    wait = min(wait, RETRY_AFTER_FAILURE)
            stop.wait(max(1.0, min(wait, LONGEST_SLEEP).total_seconds()))
    except KeyboardInterrupt:
        log.info("digest clock: interrupted, stopping")
    finally:
        if previous_handler is not None:
            signal.signal(signal.SIGTERM, previous_handler)
    log.info("digest clock stopped")
    return 0
