"""Test harness for the Slack layer: no test ever reaches Slack.

Two halves:

* ``FakeSlack`` -- a recording stand-in for the Slack Web API on 127.0.0.1
  (point a ``slack_sdk.WebClient`` at ``fake.base_url``).
* Request builders -- what Slack sends *to* the app (event envelopes, slash
  commands, interaction payloads), signed like Slack signs them, as a
  ``SignedRequest(body, headers)`` ready for ``slack_bolt.request.BoltRequest``.

See tests/test_slack_harness.py for worked examples.
"""

from __future__ import annotations

import itertools
import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Iterable, NamedTuple, Optional
from urllib.parse import parse_qs, urlencode, urlsplit

from slack_sdk import WebClient
from slack_sdk.signature import SignatureVerifier

TEST_SIGNING_SECRET = "test-signing-secret-not-real"
TEST_BOT_TOKEN = "xoxb-test-not-real"

BOT_USER_ID = "UBOT"
BOT_ID = "BBOT"
TEAM_ID = "T1"
APP_ID = "A1"
BOT_NAME = "canishare"

# Port 9 ("discard") on loopback: refuses connections at once, so a test that
# forgets to pass fake.response_url() fails loudly instead of reaching Slack.
UNSET_RESPONSE_URL = "http://127.0.0.1:9/response-url-not-set"

# Request fields that slack_sdk sends as JSON-encoded strings in form bodies.
_JSON_STRING_FIELDS = frozenset(
    {
        "blocks",
        "attachments",
        "view",
        "metadata",
        "unfurls",
        "user_auth_blocks",
        "profile",
        "dialog",
    }
)


# --------------------------------------------------------------------------
# The fake Web API
# --------------------------------------------------------------------------


@dataclass
class Call:
    """One recorded Web API call. ``body`` merges query string and body params."""

    method: str
    body: dict
    token: Optional[str] = field(default=None, compare=False, repr=False)
    status: int = field(default=200, compare=False, repr=False)
    held: bool = field(default=False, compare=False, repr=False)  # arrived while the method was held
    # Slack acts on a call once it answers it: a held call whose caller died before the answer is lost
    answered: bool = field(default=True, compare=False, repr=False)


@dataclass
class _Failure:
    remaining: int
    status: int
    error: str
    retry_after: Optional[int]


def _maybe_json(key: str, value: Any) -> Any:
    if key in _JSON_STRING_FIELDS and isinstance(value, str):
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


def _parse_form(raw: str) -> dict:
    parsed = parse_qs(raw, keep_blank_values=True)
    return {k: (v[0] if len(v) == 1 else v) for k, v in parsed.items()}


def _parse_body(content_type: str, raw: bytes) -> dict:
    if not raw:
        return {}
    ctype = content_type.split(";")[0].strip().lower()
    text = raw.decode("utf-8", errors="replace")
    if ctype == "application/json":
        try:
            data = json.loads(text)
        except ValueError:
            return {"_raw": text}
        return data if isinstance(data, dict) else {"_json": data}
    if ctype == "application/x-www-form-urlencoded":
        return _parse_form(text)
    return {"_raw": text}  # multipart (file uploads) etc.: kept unparsed


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128  # default 5 drops bursts of concurrent connects (1 s SYN retry)


class FakeSlack:
    """Recording fake of ``https://slack.com/api/`` on ``http://127.0.0.1:PORT/api/``.

    Every request is recorded as ``Call(method, body)`` (including failed ones).
    Also serves ``fake.response_url(name)`` endpoints, recorded as method
    ``"response_url"`` with ``body["_name"] == name``.
    """

    def __init__(self, members: Optional[dict[str, list[str]]] = None, latency: float = 0.0):
        self.latency = latency  # seconds every Web API call takes to answer, as a slow Slack would
        self._lock = threading.Lock()
        self._calls: list[Call] = []
        self._members: dict[str, list[str]] = {k: list(v) for k, v in (members or {}).items()}
        self._users: dict[str, dict] = {}
        self._channel_info: dict[str, dict] = {}  # what conversations.info says beyond "private, not shared"
        self._threads: dict[tuple[str, str], list[dict]] = {}  # (channel, thread ts) -> its messages
        self._failures: dict[str, _Failure] = {}
        self._holding: set[str] = set()
        self._drops: dict[str, int] = {}
        self._dropping = False
        self._released = threading.Event()
        self._ts_counter = itertools.count(100)
        self._view_counter = itertools.count(1)
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:  # keep pytest output clean
                pass

            def do_GET(self) -> None:
                fake._handle(self)

            def do_POST(self) -> None:
                fake._handle(self)

        self._server = _Server(("127.0.0.1", 0), Handler)
        self.port: int = self._server.server_address[1]
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.02,), name="FakeSlack", daemon=True)
        self._thread.start()

    # ---- public API -------------------------------------------------------

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/"

    def response_url(self, name: str = "default") -> str:
        return f"http://127.0.0.1:{self.port}/response_url/{name}"

    def calls(self, method: Optional[str] = None) -> list[Call]:
        with self._lock:
            return [c for c in self._calls if method is None or c.method == method]

    def methods(self) -> list[str]:
        """Method names called so far, in order."""
        return [c.method for c in self.calls()]

    def last(self, method: str) -> Call:
        found = self.calls(method)
        if not found:
            raise AssertionError(f"no {method!r} call recorded; got {self.methods()}")
        return found[-1]

    def reset(self) -> None:
        """Forget recorded calls and pending failures (keeps members/users)."""
        with self._lock:
            self._calls.clear()
            self._failures.clear()

    def set_members(self, channel: str, user_ids: Iterable[str]) -> None:
        with self._lock:
            self._members[channel] = list(user_ids)

    def set_channel_info(self, channel: str, **info) -> None:
        """What conversations.info says of ``channel``: private and not shared unless ``info`` says
        otherwise (``is_private=False``, ``is_ext_shared=True``)."""
        with self._lock:
            self._channel_info[channel] = dict(info)

    def set_thread(self, channel: str, thread_ts: str, *messages: dict) -> None:
        """What conversations.replies returns for the thread ``thread_ts``: its first message first.
        A thread not set has no messages (Slack's answer for a ts it does not know is an error:
        use ``fail_next("conversations.replies", error="thread_not_found")`` for that)."""
        with self._lock:
            self._threads[(channel, thread_ts)] = [{"ts": thread_ts, **messages[0]}, *messages[1:]] if messages else []

    def set_user(self, user_id: str, name: Optional[str] = None, real_name: Optional[str] = None, **extra: Any) -> None:
        """Override what users.info returns for ``user_id``."""
        with self._lock:
            self._users[user_id] = self._default_user(user_id) | {
                k: v for k, v in {"name": name, "real_name": real_name, **extra}.items() if v is not None
            }

    def fail_next(
        self,
        method: str,
        times: int = 1,
        status: Optional[int] = None,
        error: Optional[str] = None,
        retry_after: int = 1,
    ) -> None:
        """Answer the next ``times`` calls of ``method`` with a failure.

        Default: HTTP 429, ``Retry-After: <retry_after>``, body error "ratelimited".
        With ``error=`` (and no status): HTTP 200 ``{"ok": false, "error": error}``.
        """
        if status is None:
            status = 200 if error is not None else 429
        if error is None:
            error = "ratelimited" if status == 429 else "fatal_error"
        if times <= 0:
            return
        with self._lock:
            self._failures[method] = _Failure(times, status, error, retry_after if status == 429 else None)

    def hold(self, method: str) -> None:
        """Keep every call of ``method`` waiting (recorded on arrival, unanswered) until ``release()``:
        for killing the bot while Slack has its request but it has no answer yet."""
        with self._lock:
            self._holding.add(method)
            self._dropping = False
            self._released.clear()

    def release(self) -> None:
        """Answer the held calls (and stop holding)."""
        with self._lock:
            self._holding.clear()
            self._dropping = False
        self._released.set()

    def drop_held(self) -> None:
        """Never answer the held calls (their caller was killed): Slack does not act on them."""
        with self._lock:
            self._holding.clear()
            self._dropping = True
        self._released.set()

    def drop_after_receiving(self, method: str, times: int = 1) -> None:
        """Act on the next ``times`` calls of ``method`` (Slack took them) but drop the connection
        before answering, as a reset after Slack accepted a post would."""
        with self._lock:
            self._drops[method] = times

    def answered(self, method: Optional[str] = None) -> list[Call]:
        """The calls Slack acted on (answered), in order."""
        return [c for c in self.calls(method) if c.answered]

    def held(self, method: str) -> int:
        """How many calls of ``method`` arrived while held."""
        with self._lock:
            return sum(1 for c in self._calls if c.method == method and c.held)

    def stop(self) -> None:
        self._released.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> "FakeSlack":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.stop()

    # ---- request handling -------------------------------------------------

    def _handle(self, req: BaseHTTPRequestHandler) -> None:
        url = urlsplit(req.path)
        length = int(req.headers.get("Content-Length") or 0)
        raw = req.rfile.read(length) if length else b""
        body = _parse_form(url.query) if url.query else {}
        body.update(_parse_body(req.headers.get("Content-Type", ""), raw))
        body = {k: _maybe_json(k, v) for k, v in body.items()}
        token = body.pop("token", None)
        auth = req.headers.get("Authorization", "")
        if auth.lower().startswith("bearer "):
            token = auth[7:]

        if url.path.startswith("/response_url/"):
            body["_name"] = url.path[len("/response_url/") :]
            self._record(Call("response_url", body, token))
            self._send(req, 200, {"ok": True})
            return
        if not url.path.startswith("/api/"):
            self._send(req, 404, {"ok": False, "error": "unknown_path"})
            return

        method = url.path[len("/api/") :].strip("/")
        if self.latency:
            time.sleep(self.latency)
        with self._lock:
            failure = self._failures.get(method)
            if failure is not None:
                failure.remaining -= 1
                if failure.remaining <= 0:
                    del self._failures[method]
        if failure is not None:
            self._record(Call(method, body, token, failure.status))
            headers = {} if failure.retry_after is None else {"Retry-After": str(failure.retry_after)}
            self._send(req, failure.status, {"ok": False, "error": failure.error}, headers)
            return

        with self._lock:
            holding = method in self._holding
            dropping = self._drops.get(method, 0) > 0
            if dropping:
                self._drops[method] -= 1
        call = Call(method, body, token, held=holding, answered=not holding)
        self._record(call)
        if dropping:
            self._answer(method, body)  # Slack acts on it ...
            req.close_connection = True
            req.connection.shutdown(2)  # ... and the connection drops before the answer
            return
        if holding:
            self._released.wait(30)
            if self._dropping:
                return  # Slack never acted on it: the bot died before it was answered
        try:
            self._send(req, 200, {"ok": True, **self._answer(method, body)})
            call.answered = True
        except (BrokenPipeError, ConnectionResetError):
            pass

    def _record(self, call: Call) -> None:
        with self._lock:
            self._calls.append(call)

    @staticmethod
    def _send(req: BaseHTTPRequestHandler, status: int, payload: dict, headers: Optional[dict] = None) -> None:
        data = json.dumps(payload).encode("utf-8")
        req.send_response(status)
        req.send_header("Content-Type", "application/json; charset=utf-8")
        req.send_header("Content-Length", str(len(data)))
        for k, v in (headers or {}).items():
            req.send_header(k, v)
        req.end_headers()
        req.wfile.write(data)

    def _next_ts(self) -> str:
        with self._lock:
            return f"1700000000.{next(self._ts_counter):06d}"

    @staticmethod
    def _default_user(user_id: str) -> dict:
        name = f"user-{user_id.lower()}"
        real_name = f"Test User {user_id}"
        return {
            "id": user_id,
            "team_id": TEAM_ID,
            "name": name,
            "real_name": real_name,
            "is_bot": False,
            "deleted": False,
            "tz": "Europe/London",
            "profile": {"real_name": real_name, "display_name": name},
        }

    def _answer(self, method: str, body: dict) -> dict:
        channel = body.get("channel")
        if method == "auth.test":
            return {
                "url": "https://canishare-test.slack.com/",
                "team": "canishare-test",
                "user": BOT_NAME,
                "team_id": TEAM_ID,
                "user_id": BOT_USER_ID,
                "bot_id": BOT_ID,
                "is_enterprise_install": False,
            }
        if method == "chat.postMessage":
            ts = self._next_ts()
            message = {"type": "message", "user": BOT_USER_ID, "bot_id": BOT_ID, "ts": ts, "text": body.get("text", "")}
            for key in ("blocks", "attachments", "thread_ts", "metadata"):
                if key in body:
                    message[key] = body[key]
            return {"channel": channel, "ts": ts, "message": message}
        if method == "chat.postEphemeral":
            ts = self._next_ts()
            return {"channel": channel, "ts": ts, "message_ts": ts}
        if method == "chat.update":
            return {"channel": channel, "ts": body.get("ts"), "text": body.get("text", "")}
        if method == "chat.getPermalink":
            ts = str(body.get("message_ts", "")).replace(".", "")
            return {"channel": channel, "permalink": f"https://canishare-test.slack.com/archives/{channel}/p{ts}"}
        if method == "conversations.members":
            with self._lock:
                members = list(self._members.get(channel, []))
            return {"members": members, "response_metadata": {"next_cursor": ""}}
        if method == "conversations.info":  # a private channel, not shared, named after its id, unless told
            with self._lock:
                info = {"id": channel, "name": f"chan-{channel.lower()}", "is_private": True, "is_ext_shared": False,
                        **self._channel_info.get(channel, {})}
            return {"channel": info}
        if method in ("conversations.replies", "conversations.history"):
            with self._lock:
                messages = list(self._threads.get((channel, str(body.get("ts") or body.get("latest") or "")), []))
            limit = int(body.get("limit") or 0) or len(messages)
            return {"messages": messages[:limit], "has_more": len(messages) > limit,
                    "response_metadata": {"next_cursor": ""}}
        if method == "conversations.open":
            if channel:
                return {"channel": {"id": channel}}
            users = str(body.get("users", "")).replace(",", "")
            return {"channel": {"id": "D" + users}}
        if method in ("views.open", "views.publish", "views.update", "views.push"):
            view = body.get("view")
            view = dict(view) if isinstance(view, dict) else {}
            with self._lock:
                view_id = body.get("view_id") or f"V{next(self._view_counter):06d}"
            view.update({"id": view_id, "team_id": TEAM_ID, "hash": f"hash-{view_id}"})
            return {"view": view}
        if method == "users.info":
            user_id = body.get("user", "")
            with self._lock:
                user = self._users.get(user_id) or self._default_user(user_id)
            return {"user": user}
        return {}


class InlineExecutor:
    """A ``concurrent.futures.Executor`` that runs each task at once in the caller's thread: Bolt's
    lazy listeners then finish before ``dispatch`` returns, so a test can look at their calls."""

    def submit(self, fn, *args, **kwargs):
        from concurrent.futures import Future

        future: Future = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as error:  # noqa: BLE001 - handed to the caller through the future
            future.set_exception(error)
        return future

    def shutdown(self, wait: bool = True, **kwargs) -> None:
        pass


def wait_for(condition, seconds: float = 5.0) -> bool:
    """Poll ``condition`` until it holds (True) or ``seconds`` pass (False): listeners run after the ack."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.01)
    return False


def web_client(fake: FakeSlack, token: str = TEST_BOT_TOKEN, **kwargs: Any) -> WebClient:
    """A real ``slack_sdk.WebClient`` that talks to ``fake``."""
    return WebClient(token=token, base_url=fake.base_url, **kwargs)


# --------------------------------------------------------------------------
# Requests from "Slack" to the app
# --------------------------------------------------------------------------


class SignedRequest(NamedTuple):
    """Raw body + headers as Slack would send them; ``BoltRequest(**req._asdict())``."""

    body: str
    headers: dict[str, str]

    def to_bolt(self):
        from slack_bolt.request import BoltRequest

        return BoltRequest(body=self.body, headers=dict(self.headers))


def bolt_request(req: SignedRequest):
    """``slack_bolt.request.BoltRequest`` for a built request."""
    return req.to_bolt()


def dispatch(app: Any, req: SignedRequest):
    """``app.dispatch(BoltRequest(...))``; returns the BoltResponse."""
    return app.dispatch(req.to_bolt())


def sign(body: str, secret: str = TEST_SIGNING_SECRET, timestamp: Optional[int] = None) -> dict[str, str]:
    """Slack's signing headers for ``body`` (v0 HMAC-SHA256 of "v0:{ts}:{body}")."""
    ts = str(int(time.time()) if timestamp is None else int(timestamp))
    signature = SignatureVerifier(secret).generate_signature(timestamp=ts, body=body)
    return {"X-Slack-Request-Timestamp": ts, "X-Slack-Signature": signature}


def with_bad_signature(req: SignedRequest) -> SignedRequest:
    """Same request, signature replaced by one made with the wrong secret."""
    headers = dict(req.headers)
    ts = headers["X-Slack-Request-Timestamp"]
    headers["X-Slack-Signature"] = SignatureVerifier("wrong-secret-not-real").generate_signature(
        timestamp=ts, body=req.body
    )
    return SignedRequest(req.body, headers)


def _signed(body: str, content_type: str, secret: str, timestamp: Optional[int], extra: Optional[dict] = None) -> SignedRequest:
    headers = {"Content-Type": content_type, **sign(body, secret, timestamp), **(extra or {})}
    return SignedRequest(body, headers)


_event_ids = itertools.count(1)


def event_request(
    event: dict,
    event_id: Optional[str] = None,
    team_id: str = TEAM_ID,
    retry_num: Optional[int] = None,
    retry_reason: str = "http_timeout",
    *,
    secret: str = TEST_SIGNING_SECRET,
    timestamp: Optional[int] = None,
) -> SignedRequest:
    """Events API ``event_callback`` envelope (JSON) around ``event``."""
    envelope = {
        "token": "verification-token-not-real",
        "team_id": team_id,
        "api_app_id": APP_ID,
        "event": event,
        "type": "event_callback",
        "event_id": event_id or f"Ev{next(_event_ids):08d}",
        "event_time": int(time.time()),
        "authorizations": [
            {
                "enterprise_id": None,
                "team_id": team_id,
                "user_id": BOT_USER_ID,
                "is_bot": True,
                "is_enterprise_install": False,
            }
        ],
        "is_ext_shared_channel": False,
    }
    extra = None
    if retry_num is not None:
        extra = {"X-Slack-Retry-Num": str(retry_num), "X-Slack-Retry-Reason": retry_reason}
    return _signed(json.dumps(envelope), "application/json", secret, timestamp, extra)


def url_verification_request(challenge: str = "challenge-not-real", *, secret: str = TEST_SIGNING_SECRET) -> SignedRequest:
    body = json.dumps({"token": "verification-token-not-real", "challenge": challenge, "type": "url_verification"})
    return _signed(body, "application/json", secret, None)


def command_request(
    command: str = "/canishare",
    text: str = "",
    user_id: str = "U123",
    channel_id: str = "C123",
    response_url: str = UNSET_RESPONSE_URL,
    trigger_id: Optional[str] = None,
    team_id: str = TEAM_ID,
    *,
    channel_name: str = "general",
    user_name: str = "tester",
    secret: str = TEST_SIGNING_SECRET,
    timestamp: Optional[int] = None,
) -> SignedRequest:
    """Slash command, form-encoded like Slack sends it."""
    form = {
        "token": "verification-token-not-real",
        "team_id": team_id,
        "team_domain": "canishare-test",
        "channel_id": channel_id,
        "channel_name": channel_name,
        "user_id": user_id,
        "user_name": user_name,
        "command": command,
        "text": text,
        "api_app_id": APP_ID,
        "is_enterprise_install": "false",
        "response_url": response_url,
        "trigger_id": trigger_id or _new_trigger_id(),
    }
    return _signed(urlencode(form), "application/x-www-form-urlencoded", secret, timestamp)


def _payload_request(payload: dict, secret: str, timestamp: Optional[int]) -> SignedRequest:
    body = urlencode({"payload": json.dumps(payload)})
    return _signed(body, "application/x-www-form-urlencoded", secret, timestamp)


def action_request(payload: dict, *, secret: str = TEST_SIGNING_SECRET, timestamp: Optional[int] = None) -> SignedRequest:
    """Interaction (``payload=<json>``), e.g. from ``block_action_payload``."""
    return _payload_request(payload, secret, timestamp)


def view_submission_request(payload: dict, *, secret: str = TEST_SIGNING_SECRET, timestamp: Optional[int] = None) -> SignedRequest:
    return _payload_request(payload, secret, timestamp)


def shortcut_request(payload: dict, *, secret: str = TEST_SIGNING_SECRET, timestamp: Optional[int] = None) -> SignedRequest:
    return _payload_request(payload, secret, timestamp)


# ---- common payloads --------------------------------------------------------

_interactions = itertools.count(1)


def _new_trigger_id() -> str:
    """Slack gives every slash command, click and submission its own trigger id, so no two genuine
    requests are byte-identical (the app treats an identical one as a replay)."""
    return f"{next(_interactions)}.{TEAM_ID}.trigger-not-real"


def _new_action_ts() -> str:
    return f"{int(time.time())}.{next(_interactions):06d}"



def _user(user_id: str) -> dict:
    return {"id": user_id, "username": f"user-{user_id.lower()}", "name": f"user-{user_id.lower()}", "team_id": TEAM_ID}


def _team() -> dict:
    return {"id": TEAM_ID, "domain": "canishare-test"}


def block_action_payload(
    action_id: str,
    value: Optional[str] = None,
    user_id: str = "U123",
    channel_id: str = "C123",
    message_ts: str = "1700000000.000001",
    trigger_id: Optional[str] = None,
    *,
    block_id: str = "block-1",
    response_url: str = UNSET_RESPONSE_URL,
    message: Optional[dict] = None,
    state_values: Optional[dict] = None,
) -> dict:
    """``block_actions`` payload for a button click on a channel message."""
    action = {
        "type": "button",
        "action_id": action_id,
        "block_id": block_id,
        "text": {"type": "plain_text", "text": action_id},
        "action_ts": _new_action_ts(),
    }
    if value is not None:
        action["value"] = value
    return {
        "type": "block_actions",
        "user": _user(user_id),
        "api_app_id": APP_ID,
        "token": "verification-token-not-real",
        "container": {"type": "message", "message_ts": message_ts, "channel_id": channel_id, "is_ephemeral": False},
        "trigger_id": trigger_id or _new_trigger_id(),
        "team": _team(),
        "enterprise": None,
        "is_enterprise_install": False,
        "channel": {"id": channel_id, "name": "general"},
        "message": message
        or {"type": "message", "user": BOT_USER_ID, "bot_id": BOT_ID, "ts": message_ts, "text": "", "blocks": []},
        "state": {"values": state_values or {}},
        "response_url": response_url,
        "actions": [action],
    }


def _state_values(values: dict) -> dict:
    """Accept {block: {action: "text"}} shorthand as well as full element states."""
    out: dict = {}
    for block_id, actions in values.items():
        out[block_id] = {}
        for action_id, state in actions.items():
            if not isinstance(state, dict):
                state = {"type": "plain_text_input", "value": state}
            out[block_id][action_id] = state
    return out


def view_submission_payload(
    callback_id: str,
    values: Optional[dict] = None,
    private_metadata: str = "",
    user_id: str = "U123",
    *,
    view_id: str = "V000001",
    blocks: Optional[list] = None,
) -> dict:
    """``view_submission`` payload. ``values``: ``{block_id: {action_id: "text" | element_state}}``."""
    return {
        "type": "view_submission",
        "team": _team(),
        "user": _user(user_id),
        "api_app_id": APP_ID,
        "token": "verification-token-not-real",
        "trigger_id": _new_trigger_id(),
        "view": {
            "id": view_id,
            "team_id": TEAM_ID,
            "type": "modal",
            "callback_id": callback_id,
            "private_metadata": private_metadata,
            "blocks": blocks or [],
            "state": {"values": _state_values(values or {})},
            "hash": f"hash-{view_id}",
            "title": {"type": "plain_text", "text": "canishare"},
            "app_id": APP_ID,
            "bot_id": BOT_ID,
        },
        "response_urls": [],
        "is_enterprise_install": False,
        "enterprise": None,
    }


def message_shortcut_payload(
    callback_id: str,
    message_text: str = "",
    message_user: str = "U456",
    user_id: str = "U123",
    channel_id: str = "C123",
    message_ts: str = "1700000000.000001",
    *,
    trigger_id: Optional[str] = None,
    response_url: str = UNSET_RESPONSE_URL,
) -> dict:
    """``message_action`` payload (a message shortcut used on someone's message)."""
    return {
        "type": "message_action",
        "token": "verification-token-not-real",
        "action_ts": _new_action_ts(),
        "team": _team(),
        "user": _user(user_id),
        "channel": {"id": channel_id, "name": "general"},
        "is_enterprise_install": False,
        "enterprise": None,
        "callback_id": callback_id,
        "trigger_id": trigger_id or _new_trigger_id(),
        "response_url": response_url,
        "message_ts": message_ts,
        "message": {"type": "message", "user": message_user, "ts": message_ts, "text": message_text},
    }


def app_mention_event(
    text: str = f"<@{BOT_USER_ID}> can I share this?",
    user: str = "U123",
    channel: str = "C123",
    ts: str = "1700000000.000001",
    thread_ts: Optional[str] = None,
) -> dict:
    event = {"type": "app_mention", "user": user, "text": text, "ts": ts, "channel": channel, "event_ts": ts}
    if thread_ts is not None:
        event["thread_ts"] = thread_ts
    return event


def dm_event(text: str = "can I share this?", user: str = "U123", channel: str = "D123", ts: str = "1700000000.000001") -> dict:
    return {"type": "message", "channel_type": "im", "user": user, "text": text, "ts": ts, "channel": channel, "event_ts": ts}


def app_home_opened_event(user: str = "U123") -> dict:
    return {
        "type": "app_home_opened",
        "user": user,
        "channel": "D" + user,
        "tab": "home",
        "event_ts": f"{int(time.time())}.000000",
    }


# --------------------------------------------------------------------------
# The real command as a process (crash and black-box tests)
# --------------------------------------------------------------------------


class BotProcess:
    """``python -m bot serve --http`` in a child process, talking to ``fake`` and a database file;
    ``kill()`` is ``kill -9``. The same database and port can be started again after a kill."""

    def __init__(self, fake: FakeSlack, db_path: str, secret: str = TEST_SIGNING_SECRET,
                 advisor_channel: str = "CADV", extra_env: Optional[dict] = None):
        import os
        import socket

        self.fake, self.db_path, self.secret = fake, db_path, secret
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
        self.env = dict(os.environ, SLACK_BOT_TOKEN=TEST_BOT_TOKEN, SLACK_SIGNING_SECRET=secret,
                        SLACK_API_URL=fake.base_url, CANISHARE_ADVISOR_CHANNEL=advisor_channel,
                        CANISHARE_DB=db_path, PYTHONPATH=root, **(extra_env or {}))
        self.process = None
        self.log_path = db_path + ".log"  # a file, not a pipe: a chatty bot must never block on it

    def log(self) -> str:
        try:
            with open(self.log_path, encoding="utf-8", errors="replace") as log:
                return log.read()
        except OSError:
            return ""

    def start(self, timeout: float = 30.0) -> "BotProcess":
        import os
        import socket
        import subprocess
        import sys

        self.process = subprocess.Popen(
            [sys.executable, "-m", "bot", "serve", "--http", "--port", str(self.port)], env=self.env,
            cwd=os.path.dirname(self.db_path), stdout=subprocess.DEVNULL, stderr=open(self.log_path, "a"))
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the bot exited: {self.log()}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    return self
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("the bot did not start listening")

    def send(self, req: SignedRequest) -> int:
        """POST a request as Slack would; the HTTP status (0 when the bot is gone)."""
        import http.client

        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)  # a loaded CI machine is slow
        try:
            connection.request("POST", "/slack/events", body=req.body.encode(), headers=dict(req.headers))
            return connection.getresponse().status
        except OSError:
            return 0
        finally:
            connection.close()

    def kill(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait(10)

    def stop(self) -> str:
        """Stop gracefully (SIGTERM); the log it wrote."""
        if self.process is None:
            return ""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(15)
            except Exception:  # noqa: BLE001
                self.process.kill()
        return self.log()


def post_raw(port: int, body: bytes, headers: dict, extra_header_lines: tuple[str, ...] = ()) -> tuple[int, str]:
    """POST to /slack/events over a raw socket, so that headers no HTTP client would send
    (non-Latin-1, repeated) go out as an attacker would send them: (status, body)."""
    import socket

    lines = [f"{k}: {v}" for k, v in headers.items() if k.lower() != "content-length"] + list(extra_header_lines)
    head = "POST /slack/events HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: {}\r\n{}\r\n\r\n"
    with socket.create_connection(("127.0.0.1", port), timeout=5) as connection:
        connection.sendall(head.format(len(body), "\r\n".join(lines)).encode("utf-8") + body)
        reply = b""
        while chunk := connection.recv(4096):
            reply += chunk
    if not reply:
        return 0, ""
    status_line, _, rest = reply.decode("utf-8", "replace").partition("\r\n")
    return int(status_line.split()[1]), rest.partition("\r\n\r\n")[2]


def assert_digest_within_slack_limits(main, thread):
    """The digest's main message and thread reply are within Slack's limits on blocks and text."""
    import json

    from bot.slack.blocks import digest as digest_blocks
    from bot.slack.blocks.kit import HEADER_LIMIT

    for blocks in (main, thread):
        assert 0 < len(blocks) <= digest_blocks.MAX_BLOCKS
        for block in blocks:
            if block["type"] == "header":
                assert len(block["text"]["text"]) <= HEADER_LIMIT
            if block["type"] == "section":
                if "text" in block:
                    assert len(block["text"]["text"]) <= digest_blocks.MAX_SECTION_TEXT
                for field in block.get("fields", []):
                    assert len(field["text"]) <= 2000
                assert len(block.get("fields", [])) <= 10
            if block["type"] == "context":
                assert len(block["elements"]) <= 10
                assert all(len(e["text"]) <= digest_blocks.MAX_SECTION_TEXT for e in block["elements"])
        assert len(json.dumps(blocks)) < 40_000
