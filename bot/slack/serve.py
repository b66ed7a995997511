"""Running the bot: Socket Mode (``canishare serve``) or HTTP (``canishare serve --http --port N``).

HTTP mode serves ``POST /slack/events`` (events, slash commands, interactivity and select options
all use this one URL) and ``GET /healthz`` (200 "ok") with a small threading server from the
standard library. Listeners record what a request changes and what the bot then owes in one
commit and return, so Slack's acknowledgement follows the commit within milliseconds and never
waits for a Web API call; a deliverer thread sends what is owed, and another looks after the advisor
queue. SIGTERM (what platforms send on deploy) stops taking requests, lets those in hand finish, and
leaves anything unsent owed for the next start.
"""

from __future__ import annotations

import logging
import re
import signal
import socket
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Callable
from urllib.parse import urlsplit

from slack_bolt import App, BoltResponse
from slack_bolt.request import BoltRequest

from bot.config import Settings
from bot.service import Service
from bot.service_matching import WARM_UP_QUESTION
from bot.slack.app import create_app
from bot.slack.deliverer import Deliverer
from bot.slack.deps import Deps, assemble
from bot.slack.queue_keeper import QueueKeeper
from bot.slack.signature import SignatureWatch, refusal, why_not_from_slack

log = logging.getLogger(__name__)

EVENTS_PATH = "/slack/events"
HEALTH_PATH = "/healthz"
MAX_BODY_BYTES = 1 << 20  # Slack's payloads are far smaller
_LENGTH = re.compile(r"[0-9]{1,8}")
REQUEST_TIMEOUT_SECONDS = 10  # the longest a client may stall between two reads
# The longest a client may take to send a whole request, however it trickles it in: a slow sender
# (one byte every few seconds) would otherwise hold a thread for as long as it likes.
REQUEST_READ_DEADLINE_SECONDS = 20
MAX_CONNECTIONS = 64  # more at once are refused with 503 at once, not queued behind slow senders


class Stopping(KeyboardInterrupt):
    """SIGTERM: stop as Ctrl-C would."""


def stop_on_sigterm(signum, frame) -> None:
    raise Stopping()


BOLT_TOKEN_UNUSED = "As you gave `client` as well, `token` will be unused."


class _DropLine(logging.Filter):
    def __init__(self, line: str):
        super().__init__()
        self.line = line

    def filter(self, record: logging.LogRecord) -> bool:
        return record.getMessage() != self.line


def quiet_bolt_token_warning() -> None:
    """Bolt's App reads SLACK_BOT_TOKEN from the environment by itself, then warns on every start that
    it will not use it, since canishare gives it a client (built with that same token, SLACK_API_URL
    and the retry rules). Nothing is wrong and there is nothing to do, so that one line is dropped."""
    bolt = logging.getLogger("slack_bolt.App")
    if not any(isinstance(f, _DropLine) for f in bolt.filters):
        bolt.addFilter(_DropLine(BOLT_TOKEN_UNUSED))


def warm_up_matcher(service: Service) -> None:
    """Build the matcher's index now, not inside the first question's request (seconds for a large FAQ)."""
    started = time.perf_counter()
    service.matcher().match(WARM_UP_QUESTION)
    log.info("matcher ready in %.1f s (%d FAQ entries)", time.perf_counter() - started, len(service.faq))


def warn_without_privacy_notice(settings: Settings) -> None:
    if not settings.privacy_url:
        log.warning("CANISHARE_PRIVACY_URL is not set: staff will be shown canishare's bundled TEMPLATE privacy "
                    "notice, with its [FILL IN] gaps (no controller, no DPO contact, no lawful basis chosen). Fill in "
                    "docs/privacy-notice.md, publish it and set CANISHARE_PRIVACY_URL to its https address (README, "
                    "Configuration)")


def bot_health(deps: Deps) -> Callable[[], list[str]]:
    """What /healthz reports: the service's problems, and whatever stops the advisors working the queue."""
    return lambda: deps.service.health() + deps.advisors.problems()


def health_summary(problems: list[str]) -> str:
    """What /healthz answers: "ok", or each kind of problem in a few words (the detail is only logged)."""
    said = ["the database cannot be written" if "database" in p else
            "nobody can work the advisor queue (see the log)" if p.startswith("advisors:") else
            "no FAQ is loaded" for p in problems]
    return "unavailable: " + "; ".join(dict.fromkeys(said)) if said else "ok"


def run(settings: Settings, service: Service, http: bool, port: int) -> int:
    service.check_install()
    warn_without_privacy_notice(settings)
    quiet_bolt_token_warning()
    warm_up_matcher(service)
    deps = assemble(settings, service)
    app = create_app(deps, socket_mode=not http)
    deps.advisors.refresh()  # before the first click, so that no listener waits for Slack
    deliverer = Deliverer(deps).start()
    keeper = QueueKeeper(deps).start()
    signal.signal(signal.SIGTERM, stop_on_sigterm)
    try:
        if http:
            serve_http(app, "0.0.0.0", port, settings.signing_secret or "", bot_health(deps))
        else:
            serve_socket_mode(app, settings)
    except KeyboardInterrupt as stop:
        log.info("stopping (%s); requests in hand finish, unsent messages stay owed",
                 "SIGTERM" if isinstance(stop, Stopping) else "interrupted")
    finally:
        keeper.stop()
        deliverer.stop()
        log.info("stopped")
    return 0


def serve_socket_mode(app: App, settings: Settings) -> None:
    from slack_bolt.adapter.socket_mode import SocketModeHandler

    log.info("canishare connecting to Slack in Socket Mode")
    SocketModeHandler(app, settings.app_token).start()


def serve_http(app: App, host: str, port: int, signing_secret: str,
               health: Callable[[], list[str]] = list) -> None:
    server = make_http_server(app, host, port, signing_secret, health)
    log.info("canishare listening on http://%s:%d%s (health: %s)", host, server.server_address[1], EVENTS_PATH,
             HEALTH_PATH)
    try:
        server.serve_forever()
    finally:
        server.server_close()


class _Server(ThreadingHTTPServer):
    """Bounds what clients can hold: at most ``max_connections`` at once, and each request must be read
    whole within ``read_deadline`` seconds (a reaper thread shuts the socket of one that is not)."""

    daemon_threads = False  # on shutdown, requests in hand finish (each is bounded by the timeout)
    block_on_close = True
    request_queue_size = 128  # Slack can send bursts; the default of 5 would drop connections

    def __init__(self, address, handler, max_connections: int, read_deadline: float) -> None:
        self.read_deadline = read_deadline
        self.max_connections = max_connections
        self._slots = threading.BoundedSemaphore(max_connections)
        self._reading: dict[socket.socket, float] = {}  # connection -> when it must have sent its request
        self._reading_lock = threading.Lock()
        self._closed = threading.Event()
        super().__init__(address, handler)  # closes the server when the port cannot be bound
        threading.Thread(target=self._reap_slow_senders, name="slow-sender-reaper", daemon=True).start()

    def process_request(self, request, client_address) -> None:
        if not self._slots.acquire(blocking=False):
            log.warning("refused a connection from %s: %d connections already open", client_address[0],
                        self.max_connections)
            try:
                request.sendall(b"HTTP/1.1 503 Service Unavailable\r\nContent-Length: 4\r\n"
                                b"Connection: close\r\n\r\nbusy")
            except OSError:
                pass
            self.shutdown_request(request)
            return
        try:
            super().process_request(request, client_address)
        except BaseException:  # no thread started: the slot is not released by one
            self._slots.release()
            raise

    def process_request_thread(self, request, client_address) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self.done_reading(request)
            self._slots.release()

    def reading(self, connection: socket.socket) -> None:
        with self._reading_lock:
            self._reading[connection] = time.monotonic() + self.read_deadline

    def done_reading(self, connection: socket.socket) -> bool:
        """Stop the clock on ``connection``; False when it had already run out (the socket is shut)."""
        with self._reading_lock:
            return self._reading.pop(connection, None) is not None

    def _reap_slow_senders(self) -> None:
        while not self._closed.wait(min(0.25, self.read_deadline / 4)):
            now = time.monotonic()
            with self._reading_lock:  # held while shutting, so no connection is cut once done_reading said so
                for connection in [c for c, deadline in self._reading.items() if deadline <= now]:
                    del self._reading[connection]
                    log.debug("cut off a client that did not send its request within %.0f s", self.read_deadline)
                    try:
                        connection.shutdown(socket.SHUT_RDWR)  # its blocked read returns; the thread ends
                    except OSError:
                        pass

    def server_close(self) -> None:
        try:
            super().server_close()  # waits for the requests in hand, which the reaper still bounds
        finally:
            self._closed.set()

    def handle_error(self, request, client_address) -> None:
        """A client that hangs up or stalls is routine; anything else is logged with its traceback."""
        error = sys.exc_info()[1]
        if isinstance(error, (ConnectionError, TimeoutError)):
            log.debug("connection from %s ended: %s", client_address[0], error)
        else:
            log.exception("error while serving a request from %s", client_address[0])


def make_http_server(app: App, host: str, port: int, signing_secret: str,
                     health: Callable[[], list[str]] = list,
                     request_timeout: float = REQUEST_TIMEOUT_SECONDS,
                     read_deadline: float = REQUEST_READ_DEADLINE_SECONDS,
                     max_connections: int = MAX_CONNECTIONS) -> ThreadingHTTPServer:
    """A threading HTTP server that hands Slack's requests to ``app`` (port 0 picks a free one) once
    their signature has verified against ``signing_secret``; anything else gets 401 unread.
    ``GET /healthz`` is 200 "ok", or 503 listing what ``health()`` says stops the bot from working."""

    signatures = SignatureWatch()

    class SlackRequestHandler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        timeout = request_timeout  # a client that stalls mid-request does not hold a thread

        def handle_one_request(self) -> None:
            self.server.reading(self.connection)  # the request line, headers and body, within the deadline
            try:
                super().handle_one_request()
            finally:
                self.server.done_reading(self.connection)

        def log_message(self, format: str, *args) -> None:  # request lines only, at debug level
            log.debug("%s " + format, self.address_string(), *args)

        def do_GET(self) -> None:
            if not self.server.done_reading(self.connection):
                self.close_connection = True  # cut off at the read deadline: nothing to answer
                return
            if urlsplit(self.path).path == HEALTH_PATH:
                problems = health()
                if problems:  # the detail (paths, errors) goes to the log, not to whoever asks
                    log.warning("health check failing: %s", "; ".join(problems))
                body = health_summary(problems)
                self.send(BoltResponse(status=503 if problems else 200, body=body,
                                       headers={"content-type": "text/plain; charset=utf-8"}))
            else:
                self.send(BoltResponse(status=404, body="not found"))

        def do_POST(self) -> None:
            url = urlsplit(self.path)
            if url.path != EVENTS_PATH:
                self.send(BoltResponse(status=404, body="not found"))
                return
            lengths = self.headers.get_all("Content-Length") or ["0"]
            # one plain Content-Length and no Transfer-Encoding: anything else could smuggle a second request
            if self.headers.get("Transfer-Encoding") or len(lengths) != 1 or not _LENGTH.fullmatch(lengths[0]):
                self.close_connection = True
                self.send(BoltResponse(status=400, body="bad Content-Length"))
                return
            length = int(lengths[0])
            if length > MAX_BODY_BYTES:
                self.close_connection = True  # the unread body must not be taken for a next request
                self.send(BoltResponse(status=413, body="too large"))
                return
            raw = self.rfile.read(length) if length else b""
            # answering is not bounded by the read deadline; a request cut off at it is not answered
            if not self.server.done_reading(self.connection) or len(raw) < length:
                self.close_connection = True  # the client hung up, or was cut off, before sending it all
                return
            # a header sent twice stays a list, and the signature check refuses it (Slack never repeats one)
            headers = {name: values[0] if len(values) == 1 else values
                       for name in set(self.headers.keys()) if (values := self.headers.get_all(name))}
            reason = why_not_from_slack(signing_secret, headers, raw)
            if reason:  # nothing of the body is parsed, logged or acted on
                log.warning("refused a request from %s that is not from Slack: %s", self.client_address[0], reason)
                signatures.refused(reason)
                self.close_connection = True
                self.send(refusal())
                return
            signatures.passed()
            try:
                request = BoltRequest(body=raw.decode("utf-8"), query=url.query, headers=headers)
            except Exception as error:  # noqa: BLE001 - a signed body Bolt cannot read is the sender's fault
                log.warning("signed request with a body that cannot be read: %s", type(error).__name__)
                self.send(BoltResponse(status=400, body="malformed request body"))
                return
            self.send(app.dispatch(request))

        def send(self, response: BoltResponse) -> None:
            data = (response.body or "").encode("utf-8")
            self.send_response(response.status)
            for name, values in response.headers.items():
                if name.lower() != "content-length":
                    for value in values:
                        self.send_header(name, value)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

    return _Server((host, port), SlackRequestHandler, max_connections, read_deadline)
