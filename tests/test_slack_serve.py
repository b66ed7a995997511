"""Running the Slack bot: the app factory, the HTTP server (/slack/events, /healthz), Socket Mode,
the advisor directory and the queue keeper thread. No network beyond 127.0.0.1."""

import dataclasses
import datetime as dt
import http.client
import json

import pytest
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_handlers import ConnectionErrorRetryHandler, RateLimitErrorRetryHandler

from bot.config import Settings
from bot.service import Service
from bot.slack import create_app, serve
from bot.slack.advisor_directory import AdvisorDirectory
from bot.slack.deliverer import Deliverer
from bot.slack.deps import assemble
from bot.slack.queue_keeper import QueueKeeper
from bot.store import Store

import slack_harness as h

ADVISOR_CHANNEL = "CADV"


@pytest.fixture
def settings(fake_slack, tmp_path):
    return Settings(db_path=str(tmp_path / "canishare.db"), bot_token=h.TEST_BOT_TOKEN,
                    signing_secret=h.TEST_SIGNING_SECRET, app_token="xapp-test-not-real",
                    api_url=fake_slack.base_url, advisor_channel=ADVISOR_CHANNEL)


@pytest.fixture
def service(faq, settings):
    return Service(Store(settings.db_path), faq)


# the factory -------------------------------------------------------------------------------------


def test_create_app_builds_its_client_from_the_settings_with_retry_handlers(fake_slack, settings, service):
    app = create_app(assemble(settings, service))
    assert app.client.base_url == fake_slack.base_url and app.client.token == h.TEST_BOT_TOKEN
    kinds = {type(handler) for handler in app.client.retry_handlers}
    assert any(issubclass(kind, RateLimitErrorRetryHandler) for kind in kinds)  # a 429 means Slack did nothing: safe to try again
    assert ConnectionErrorRetryHandler not in kinds  # a dropped connection may follow a post Slack took
    assert fake_slack.methods() == ["auth.test"]


def test_the_service_is_opened_from_the_settings(fake_slack, settings):
    service = Service.open(settings)
    assert len(service.faq) > 50 and service.store.path == settings.db_path


def test_http_mode_needs_the_signing_secret(settings, service):
    with pytest.raises(ValueError, match="SLACK_SIGNING_SECRET"):
        create_app(assemble(dataclasses.replace(settings, signing_secret=None), service))
    create_app(assemble(dataclasses.replace(settings, signing_secret=None), service), socket_mode=True)


def test_nothing_slack_is_built_at_import_time():
    import subprocess
    import sys

    code = "import bot.slack, bot.slack.serve, bot.slack.blocks; import slack_bolt.app.app as a; print('ok')"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                            env={"PATH": "", "SLACK_API_URL": "http://127.0.0.1:9/api/"})
    assert result.returncode == 0 and result.stdout.strip() == "ok", result.stderr


# HTTP mode ---------------------------------------------------------------------------------------


@pytest.fixture
def http_app(fake_slack, settings, service):
    import threading

    deps = assemble(settings, service)
    app = create_app(deps)
    deliverer = Deliverer(deps).start()
    server = serve.make_http_server(app, "127.0.0.1", 0, h.TEST_SIGNING_SECRET, service.health)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    fake_slack.reset()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()
    deliverer.stop()


def request(port, method, path, req=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    connection.request(method, path, body=req.body.encode() if req else None, headers=dict(req.headers) if req else {})
    response = connection.getresponse()
    result = response.status, response.read().decode()
    connection.close()
    return result


def test_http_server_serves_healthz_and_slack_events(http_app, fake_slack):
    assert request(http_app, "GET", "/healthz") == (200, "ok")
    assert request(http_app, "GET", "/elsewhere")[0] == 404

    event = h.event_request(h.app_mention_event("<@UBOT> Do I need consent to share with the police?"))
    assert request(http_app, "POST", "/slack/events", event)[0] == 200
    assert h.wait_for(lambda: fake_slack.calls("chat.postMessage"))
    assert fake_slack.last("chat.postMessage").body["thread_ts"] == "1700000000.000001"


def test_http_server_refuses_unsigned_requests_and_answers_url_verification(http_app, fake_slack):
    bad = h.with_bad_signature(h.event_request(h.dm_event("hello")))
    assert request(http_app, "POST", "/slack/events", bad)[0] == 401
    status, body = request(http_app, "POST", "/slack/events", h.url_verification_request("xyz"))
    assert status == 200 and json.loads(body)["challenge"] == "xyz"
    assert fake_slack.calls() == []


@pytest.mark.parametrize("length, status", [("-1", 400), ("abc", 400), (str(2 << 20), 413)])
def test_http_server_refuses_bad_body_lengths_before_reading(http_app, fake_slack, length, status):
    import socket

    with socket.create_connection(("127.0.0.1", http_app), timeout=5) as connection:
        connection.sendall(f"POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Length: {length}\r\n\r\n".encode())
        reply = connection.recv(200).decode()
    assert reply.startswith(f"HTTP/1.1 {status}")
    assert fake_slack.calls() == []


def test_run_in_http_mode_starts_the_server_and_the_queue_keeper(fake_slack, settings, service, monkeypatch):
    served = []
    monkeypatch.setattr(serve, "serve_http", lambda app, host, port, secret, health: served.append((host, port, health())))
    assert serve.run(settings, service, http=True, port=3999) == 0
    assert served == [("0.0.0.0", 3999, [])]


def test_run_in_socket_mode_uses_the_app_token(fake_slack, settings, service, monkeypatch):
    import slack_bolt.adapter.socket_mode as socket_mode

    started = []

    class FakeHandler:
        def __init__(self, app, app_token):
            self.app, self.app_token = app, app_token

        def start(self):
            started.append(self.app_token)

    monkeypatch.setattr(socket_mode, "SocketModeHandler", FakeHandler)
    assert serve.run(dataclasses.replace(settings, signing_secret=None), service, http=False, port=0) == 0
    assert started == ["xapp-test-not-real"]


# the queue keeper and the advisor directory -------------------------------------------------------


def test_the_deliverer_thread_posts_what_is_owed_and_the_keeper_reminds(fake_slack, settings, service):
    question = service.ask("what is the wifi password", "U123")
    escalation, _ = service.escalate(question.question.id, "U123")  # owes its card
    deps = dataclasses.replace(assemble(settings, service),
                               now=lambda: dt.datetime.now(dt.timezone.utc) + dt.timedelta(hours=5))
    deliverer = Deliverer(deps).start()
    keeper = QueueKeeper(deps, every=0.01).start()
    try:
        assert h.wait_for(lambda: service.escalation(escalation.id).advisor_ts)
        assert h.wait_for(lambda: any(c.body.get("thread_ts") for c in fake_slack.calls("chat.postMessage")))
    finally:
        keeper.stop()
        deliverer.stop()
    card, reminder = fake_slack.calls("chat.postMessage")
    assert card.body["channel"] == ADVISOR_CHANNEL
    assert reminder.body["thread_ts"] == service.escalation(escalation.id).advisor_ts


class PagedMembers:
    """A stand-in WebClient whose conversations.members answers in pages."""

    def __init__(self, pages, fail=False):
        self.pages, self.fail, self.calls = pages, fail, []

    def conversations_info(self, channel):
        if self.fail:
            raise SlackApiError("boom", {"ok": False, "error": "channel_not_found"})
        return {"channel": {"id": channel, "is_private": True}}

    def conversations_members(self, channel, limit, cursor=None):
        self.calls.append(cursor)
        if self.fail:
            raise SlackApiError("boom", {"ok": False, "error": "channel_not_found"})
        index = int(cursor or 0)
        more = index + 1 < len(self.pages)
        return {"members": self.pages[index], "response_metadata": {"next_cursor": str(index + 1) if more else ""}}


def test_advisor_directory_reads_every_page_and_caches_for_a_minute():
    clock = [0.0]
    client = PagedMembers([["U1", "U2"], ["U3"]])
    directory = AdvisorDirectory(client, "CADV", clock=lambda: clock[0])
    assert directory.members() == {"U1", "U2", "U3"} and client.calls == [None, "1"]
    clock[0] = 59
    assert directory.is_advisor("U3") and not directory.is_advisor("U9") and len(client.calls) == 2
    clock[0] = 61
    client.pages = [["U9"]]
    assert directory.is_advisor("U9") and not directory.is_advisor("U1")


def test_advisor_directory_keeps_the_last_list_when_slack_fails_and_trusts_nobody_without_one():
    client = PagedMembers([["U1"]])
    clock = [0.0]
    directory = AdvisorDirectory(client, "CADV", clock=lambda: clock[0])
    assert directory.is_advisor("U1")
    client.fail, clock[0] = True, 120
    assert directory.is_advisor("U1")
    assert AdvisorDirectory(PagedMembers([], fail=True), "CADV").members() == frozenset()
    assert AdvisorDirectory(client, None).members() == frozenset()


# the manifest ------------------------------------------------------------------------------------


def test_manifest_declares_exactly_what_the_code_uses():
    from pathlib import Path

    import yaml

    from bot.slack import asking

    manifest = yaml.safe_load((Path(__file__).resolve().parent.parent / "manifest.yml").read_text())
    features, settings = manifest["features"], manifest["settings"]
    assert [c["command"] for c in features["slash_commands"]] == [asking.COMMAND]
    assert [(s["type"], s["callback_id"]) for s in features["shortcuts"]] == [("message", asking.SHORTCUT)]
    assert sorted(settings["event_subscriptions"]["bot_events"]) == ["app_home_opened", "app_mention", "message.im"]
    assert sorted(manifest["oauth_config"]["scopes"]["bot"]) == [
        "app_mentions:read", "channels:read", "chat:write", "commands", "groups:read", "im:history", "im:write",
    ]
    assert features["app_home"] == {"home_tab_enabled": True, "messages_tab_enabled": True,
                                    "messages_tab_read_only_enabled": False}
    assert settings["interactivity"]["is_enabled"] is True and settings["socket_mode_enabled"] is True


def test_healthz_is_503_while_the_store_cannot_be_written_or_no_faq_is_loaded(http_app, service, monkeypatch):
    assert request(http_app, "GET", "/healthz") == (200, "ok")
    monkeypatch.setattr(service.store, "write_state", lambda: ("failed", "attempt to write a readonly database"))
    status, body = request(http_app, "GET", "/healthz")
    assert status == 503 and "cannot be written" in body and "readonly" not in body  # the detail is logged only
    monkeypatch.undo()

    class Broken:
        def current(self):
            raise RuntimeError("no FAQ")

    monkeypatch.setattr(service, "faq_source", Broken())
    status, body = request(http_app, "GET", "/healthz")
    assert status == 503 and "no FAQ is loaded" in body


def test_the_store_knows_when_it_can_be_written(service):
    assert service.store.writable() is None and service.health() == []


def test_slow_clients_are_cut_off_and_do_not_hold_up_others(fake_slack, settings, service):
    """A slow-loris: 40 connections that send half a request and stall. Each is closed after the
    request timeout; meanwhile a real request is answered at once."""
    import socket
    import threading
    import time

    app = create_app(assemble(settings, service))
    server = serve.make_http_server(app, "127.0.0.1", 0, h.TEST_SIGNING_SECRET, request_timeout=0.5)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True).start()
    port = server.server_address[1]
    try:
        stalled = []
        for _ in range(40):
            connection = socket.create_connection(("127.0.0.1", port), timeout=5)
            connection.sendall(b"POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Length: 500\r\n\r\n{\"ty")
            stalled.append(connection)
        began = time.monotonic()
        assert request(port, "GET", "/healthz") == (200, "ok")
        assert time.monotonic() - began < 2  # answered while 40 connections stall
        for connection in stalled:
            assert connection.recv(100) == b""  # closed by the server, not answered
            connection.close()
        assert time.monotonic() - began < 10  # each cut off at the 0.5 s timeout, not left open
    finally:
        server.shutdown()
        server.server_close()


def test_a_client_that_trickles_its_request_is_cut_off_at_the_read_deadline(fake_slack, settings, service):
    """A slow sender that sends one byte before each read timeout would never time out; the read
    deadline bounds the whole request instead."""
    import socket
    import threading
    import time

    app = create_app(assemble(settings, service))
    server = serve.make_http_server(app, "127.0.0.1", 0, h.TEST_SIGNING_SECRET, request_timeout=0.5,
                                    read_deadline=1.0)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True).start()
    try:
        connection = socket.create_connection(("127.0.0.1", server.server_address[1]), timeout=5)
        began = time.monotonic()
        request_bytes = b"POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Length: 500\r\n\r\n" + b"x" * 500
        cut_off = False
        for byte in request_bytes:
            try:
                connection.sendall(bytes([byte]))
            except OSError:
                cut_off = True
                break
            time.sleep(0.2)  # under the 0.5 s read timeout, every time
            if time.monotonic() - began > 4:
                break
        if not cut_off:
            connection.settimeout(2)
            assert connection.recv(100) == b""  # closed by the server, never answered
        assert time.monotonic() - began < 4
        connection.close()
    finally:
        server.shutdown()
        server.server_close()


def test_connections_beyond_the_limit_are_refused_at_once(fake_slack, settings, service):
    import socket
    import threading

    app = create_app(assemble(settings, service))
    server = serve.make_http_server(app, "127.0.0.1", 0, h.TEST_SIGNING_SECRET, request_timeout=2,
                                    max_connections=2)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True).start()
    port = server.server_address[1]
    try:
        held = [socket.create_connection(("127.0.0.1", port), timeout=5) for _ in range(2)]
        for connection in held:
            connection.sendall(b"POST /slack/events HTTP/1.1\r\n")  # and stall
        extra = socket.create_connection(("127.0.0.1", port), timeout=5)
        assert extra.recv(100).startswith(b"HTTP/1.1 503")
        extra.close()
        for connection in held:
            connection.close()
        assert h.wait_for(lambda: request(port, "GET", "/healthz") == (200, "ok"))
    finally:
        server.shutdown()
        server.server_close()


def test_healthz_is_503_while_commits_fail(http_app, service, monkeypatch):
    import sqlite3

    import bot.store.connection as connection

    assert request(http_app, "GET", "/healthz") == (200, "ok")
    real = service.store._writer.conn

    class FullDisk:
        def execute(self, sql, *args):
            if sql.strip().upper() == "COMMIT":
                raise sqlite3.OperationalError("database or disk is full")
            return real.execute(sql, *args)

        def __getattr__(self, name):
            return getattr(real, name)

    service.store._writer.conn = FullDisk()
    try:
        assert request(http_app, "GET", "/healthz") == (503, "unavailable: the database cannot be written")
    finally:
        service.store._writer.conn = real
    assert request(http_app, "GET", "/healthz")[0] == 503  # the failed commit counts for a minute
    monkeypatch.setattr(connection, "WRITE_FAILURE_COUNTS_FOR", 0.0)
    assert request(http_app, "GET", "/healthz") == (200, "ok")


def test_serve_start_up_logs_the_faq_size_and_when_the_matcher_is_ready(tmp_path, monkeypatch, fake_slack, caplog):
    import logging

    from bot.cli import main

    for name, value in {"SLACK_BOT_TOKEN": h.TEST_BOT_TOKEN, "SLACK_SIGNING_SECRET": h.TEST_SIGNING_SECRET,
                        "CANISHARE_ADVISOR_CHANNEL": "CADV", "SLACK_API_URL": fake_slack.base_url,
                        "CANISHARE_DB": str(tmp_path / "canishare.db")}.items():
        monkeypatch.setenv(name, value)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(serve, "serve_http", lambda *args, **kwargs: None)
    caplog.set_level(logging.INFO)
    assert main(["serve", "--http", "--port", "3999"]) == 0
    said = [r.getMessage() for r in caplog.records]
    loading = next(i for i, m in enumerate(said) if m.startswith("loading the FAQ: ") and " entries" in m)
    ready = next(i for i, m in enumerate(said) if m.startswith("matcher ready in "))
    assert loading < ready
