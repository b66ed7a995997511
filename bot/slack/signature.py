"""Is this request really from Slack? Checked before anything reads the body.

Slack signs each HTTP request: ``X-Slack-Signature: v0=HEX(HMAC-SHA256(secret, "v0:TS:BODY"))`` with
``X-Slack-Request-Timestamp: TS`` in whole Unix seconds. Bolt's own check calls ``int()`` on the
timestamp and raises on anything odd (``abc``, ``1e3``, ``nan``), which sends the *unverified* body to
the app's error handler; this check never raises and only ever says yes or no.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import re
import time
from typing import Callable, Mapping

from slack_bolt import BoltResponse
from slack_bolt.request import BoltRequest

log = logging.getLogger(__name__)

MAX_CLOCK_SKEW_SECONDS = 5 * 60  # Slack's own window, in both directions
TIMESTAMP_HEADER = "x-slack-request-timestamp"
SIGNATURE_HEADER = "x-slack-signature"

_TIMESTAMP = re.compile(r"[0-9]{1,12}")  # ASCII digits only: int() would take " 12", "1_2" and "١٢"
_SIGNATURE = re.compile(r"v0=[0-9a-f]{64}")


def header(headers: Mapping[str, str | list[str]], name: str) -> str | None:
    """One header's value, whatever the case of its name and whether values come as lists (Bolt)."""
    for key, value in headers.items():
        if key.lower() == name:
            if isinstance(value, (list, tuple)):
                return value[0] if len(value) == 1 else None  # a repeated header is not Slack's
            return value
    return None


def why_not_from_slack(secret: str, headers: Mapping[str, str | list[str]], body: bytes,
                       now: float | None = None) -> str | None:
    """``None`` when the request carries Slack's valid signature for exactly this body; otherwise a
    short reason for the log. Never raises."""
    if not secret:
        return "no signing secret is configured"
    timestamp = header(headers, TIMESTAMP_HEADER)
    signature = header(headers, SIGNATURE_HEADER)
    if timestamp is None or signature is None:
        return "missing signature headers"
    if not _TIMESTAMP.fullmatch(timestamp):
        return "malformed timestamp"
    if abs((time.time() if now is None else now) - int(timestamp)) > MAX_CLOCK_SKEW_SECONDS:
        return "timestamp outside the five-minute window"
    if not _SIGNATURE.fullmatch(signature):
        return "malformed signature"
    expected = "v0=" + hmac.new(secret.encode(), b"v0:" + timestamp.encode() + b":" + body,
                                hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, signature):
        return "signature does not match"
    return None


# Signed requests refused in a row, none passing, before the log says the secret itself is wrong
# (Slack's own requests fail so when SLACK_SIGNING_SECRET is not the app's); said again at most this often.
WRONG_SECRET_AFTER = 3
WRONG_SECRET_WARN_EVERY = 300.0


class SignatureWatch:
    """Counts Slack-shaped requests whose signature does not match, since the last one that passed."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self.failed_in_row = 0
        self.last_warning: float | None = None

    def passed(self) -> None:
        self.failed_in_row = 0

    def refused(self, reason: str) -> None:
        if reason != "signature does not match":
            return
        self.failed_in_row += 1
        now = self.clock()
        if self.failed_in_row >= WRONG_SECRET_AFTER and (
                self.last_warning is None or now - self.last_warning >= WRONG_SECRET_WARN_EVERY):
            self.last_warning = now
            log.warning("every signed request fails its signature check (%d in a row, none passed): check "
                        "SLACK_SIGNING_SECRET (the Signing Secret under Basic Information, App Credentials, "
                        "of this app); until it matches, Slack's questions, buttons and commands all fail",
                        self.failed_in_row)


def request_fingerprint(headers: Mapping[str, str | list[str]], body: bytes) -> str:
    """Identifies a byte-identical signed request (same timestamp, same body): a replay."""
    timestamp = header(headers, TIMESTAMP_HEADER) or ""
    return hashlib.sha256(timestamp.encode() + b":" + body).hexdigest()


def refusal() -> BoltResponse:
    return BoltResponse(status=401, body="invalid request")


def verified_requests_only(secret: str, first_time_request: Callable[[str], bool]) -> Callable:
    """Bolt middleware, run before authorisation and every listener (``App(before_authorize=…)``):
    a request whose signature does not verify gets 401 and goes no further; a byte-identical replay of
    a signed slash command or interaction within the window is acknowledged and not handled again.
    Socket Mode requests come over the app-token WebSocket, are not signed, and pass."""

    def middleware(req: BoltRequest, next: Callable[[], BoltResponse]) -> BoltResponse | None:
        if req.mode == "socket_mode":
            return next()
        body = (req.raw_body or "").encode("utf-8")
        reason = why_not_from_slack(secret, req.headers, body)
        if reason:
            log.warning("refused a request that is not from Slack: %s", reason)
            return refusal()
        if is_replayable(req.body) and not first_time_request(request_fingerprint(req.headers, body)):
            log.warning("acknowledged a replayed signed request without handling it again")
            return BoltResponse(status=200, body="")
        if (req.body or {}).get("ssl_check") == "1":
            return BoltResponse(status=200, body="")
        return next()

    return middleware


def is_replayable(body: dict | None) -> bool:
    """Slash commands, interactions and options are deduplicated by their bytes; events have their own
    ``event_id`` (and Slack's retries of an event are meant to be handled, see ``robustness``)."""
    body = body or {}
    return body.get("type") not in ("event_callback", "url_verification") and not body.get("ssl_check")
