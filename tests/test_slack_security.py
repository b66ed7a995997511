"""Nothing acts on a request Slack did not sign, and a signed request is handled once.

Forged requests go both through the HTTP server (``canishare serve --http``) and straight into
``app.dispatch`` (any other adapter); either way they get 401 and make no Web API call and no POST
to a ``response_url``.
"""

import hashlib
import hmac
import logging
import socket
import threading
import time

import pytest

from bot.config import Settings
from bot.records import CLOSED, OPEN
from bot.service import Service
from bot.slack import create_app, serve
from bot.slack.blocks import ids, replies
from bot.slack.deliverer import deliver_inline
from bot.slack.deps import assemble
from bot.slack.signature import why_not_from_slack
from bot.store import Store

import slack_harness as h

ADVISOR_CHANNEL = "CADV"
ADVISOR, ASKER = "UADV1", "U123"
SECRET = h.TEST_SIGNING_SECRET


@pytest.fixture
def service(faq, tmp_path):
    return Service(Store(tmp_path / "canishare.db"), faq)


@pytest.fixture
def app(fake_slack, service):
    settings = Settings(bot_token=h.TEST_BOT_TOKEN, signing_secret=SECRET, advisor_channel=ADVISOR_CHANNEL)
    fake_slack.set_members(ADVISOR_CHANNEL, [ADVISOR])
    deps = assemble(settings, service, client=h.web_client(fake_slack))
    deliver_inline(deps)
    app = create_app(deps)
    fake_slack.reset()
    return app


@pytest.fixture
def port(app):
    server = serve.make_http_server(app, "127.0.0.1", 0, SECRET)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


def post(port, body: bytes, headers: dict, extra_header_lines: tuple[str, ...] = ()) -> tuple[int, str]:
    return h.post_raw(port, body, headers, extra_header_lines)


def signature(body: str, timestamp: str, secret: str = SECRET) -> str:
    return "v0=" + hmac.new(secret.encode(), f"v0:{timestamp}:{body}".encode(), hashlib.sha256).hexdigest()


# What an attacker can send: a request of each kind that would make the bot post somewhere …
def forgeable_requests(fake):
    url = fake.response_url("attacker")
    return {
        "event": h.event_request(h.app_mention_event(f"<@{h.BOT_USER_ID}> Do I need consent?", channel="CVICTIM")),
        "button": h.action_request(h.block_action_payload(ids.ESCALATE, "1", response_url=url)),
        "slash command": h.command_request(text="Do I need consent to share?", response_url=url),
    }


NOW = str(int(time.time()))
# … with a timestamp header in every malformed or out-of-window form, and a signature it cannot make.
TIMESTAMP_FORMS = {
    "missing": None, "empty": "", "letters": "abc", "exponent": "1e3", "hex": "0x10", "nan": "nan",
    "padded": f" {NOW}", "fraction": f"{NOW}.0", "negative": "-1", "underscored": f"{NOW[:4]}_{NOW[4:]}",
    "arabic digits": "".join(chr(0x0660 + int(d)) for d in NOW), "huge": "9" * 40,
    "stale": str(int(NOW) - 400), "future": str(int(NOW) + 3600),  # still ahead of the 5-minute window however slow the run
}


def forged(req, timestamp, sign_with_secret: bool):
    headers = {k: v for k, v in req.headers.items() if not k.lower().startswith("x-slack-")}
    if timestamp is not None:
        headers["X-Slack-Request-Timestamp"] = timestamp
    # an attacker without the secret sends garbage; with a stolen old signature, a real one for another time
    headers["X-Slack-Signature"] = signature(req.body, timestamp or "", SECRET) if sign_with_secret else "v0=" + "0" * 64
    return h.SignedRequest(req.body, headers)


def attack_cases():
    for form, timestamp in TIMESTAMP_FORMS.items():
        yield pytest.param(timestamp, False, id=form)
    for form in ("stale", "future", "padded", "fraction", "arabic digits", "underscored"):
        yield pytest.param(TIMESTAMP_FORMS[form], True, id=f"{form}-signed")  # refused even when signed


KINDS = ("event", "button", "slash command")


@pytest.mark.parametrize("timestamp, sign_with_secret", list(attack_cases()))
def test_forged_requests_get_401_over_http_and_make_no_outbound_call(port, fake_slack, timestamp,
                                                                   sign_with_secret):
    requests = forgeable_requests(fake_slack)
    for kind in KINDS:
        req = forged(requests[kind], timestamp, sign_with_secret)
        assert post(port, req.body.encode(), req.headers)[0] == 401, kind
    time.sleep(0.1)  # listeners run after the ack in HTTP mode: give one the chance to misbehave
    assert fake_slack.calls() == []


@pytest.mark.parametrize("timestamp, sign_with_secret", list(attack_cases()))
def test_forged_requests_get_401_through_the_app_itself(app, fake_slack, service, timestamp, sign_with_secret):
    requests = forgeable_requests(fake_slack)
    for kind in KINDS:
        req = forged(requests[kind], timestamp, sign_with_secret)
        assert h.dispatch(app, req).status == 401, kind
    time.sleep(0.05)
    assert fake_slack.calls() == [] and service.store.questions() == []


@pytest.mark.parametrize("tamper", ["wrong secret", "body changed after signing", "no signature", "repeated header"])
def test_other_signature_failures_get_401(port, app, fake_slack, tamper):
    req = forgeable_requests(fake_slack)["slash command"]
    headers, body = dict(req.headers), req.body
    if tamper == "wrong secret":
        headers = dict(h.with_bad_signature(req).headers)
    elif tamper == "body changed after signing":
        body = body.replace("C123", "CVICTIM")
    elif tamper == "no signature":
        del headers["X-Slack-Signature"]
    timestamp = headers.get("X-Slack-Request-Timestamp")
    repeated = (f"X-Slack-Request-Timestamp: {timestamp}",) if tamper == "repeated header" else ()
    status, _ = post(port, body.encode(), headers, repeated)
    assert status == 401
    time.sleep(0.1)
    assert fake_slack.calls() == []


def test_unsigned_junk_costs_one_warning_line_and_no_traceback(port, fake_slack, caplog):
    req = forged(forgeable_requests(fake_slack)["button"], "abc", False)
    with caplog.at_level(logging.DEBUG):
        assert post(port, req.body.encode(), req.headers)[0] == 401
        time.sleep(0.2)
    ours = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(ours) == 1 and "not from Slack" in ours[0].getMessage() and ours[0].exc_info is None
    assert "Do I need consent" not in caplog.text  # nothing of the body is logged


@pytest.mark.parametrize("body, content_type", [
    ("payload=%7Bnot-json", "application/x-www-form-urlencoded"),
    ("[1, 2, 3]", "application/json"),
    ("{\"type\": ", "application/json"),
])
def test_signed_but_malformed_bodies_get_400_not_a_dropped_connection(port, fake_slack, body, content_type):
    headers = {"Content-Type": content_type, **h.sign(body)}
    assert post(port, body.encode(), headers)[0] == 400
    assert fake_slack.calls() == []


def test_a_signed_body_that_is_not_utf8_gets_400(port, fake_slack):
    raw = b"text=\xff\xfe&command=/canishare"
    ts = str(int(time.time()))
    digest = hmac.new(SECRET.encode(), b"v0:" + ts.encode() + b":" + raw, hashlib.sha256).hexdigest()
    headers = {"Content-Type": "application/x-www-form-urlencoded", "X-Slack-Request-Timestamp": ts,
               "X-Slack-Signature": "v0=" + digest}
    assert post(port, raw, headers)[0] == 400


def test_the_check_never_raises_and_accepts_only_slacks_exact_form():
    body = b'{"type":"event_callback"}'
    now = str(int(time.time()))  # not NOW: a long run under load reaches this test after Slack's 5-minute window
    good = {"X-Slack-Request-Timestamp": now, "X-Slack-Signature": signature(body.decode(), now)}
    assert why_not_from_slack(SECRET, good, body) is None
    assert why_not_from_slack(SECRET, {k.lower(): [v] for k, v in good.items()}, body) is None  # Bolt's shape
    assert why_not_from_slack("", good, body) == "no signing secret is configured"
    upper = dict(good, **{"X-Slack-Signature": good["X-Slack-Signature"].upper()})
    assert why_not_from_slack(SECRET, upper, body) == "malformed signature"
    for junk in (None, "", "\x00", "v0=", "v1=" + "a" * 64, "😀" * 10):
        for timestamp in TIMESTAMP_FORMS.values():
            headers = {"X-Slack-Request-Timestamp": timestamp, "X-Slack-Signature": junk}
            assert why_not_from_slack(SECRET, {k: v for k, v in headers.items() if v is not None}, body)


# replays -------------------------------------------------------------------------------------------


def test_a_replayed_slash_command_is_answered_and_stored_once(app, fake_slack, service):
    req = h.command_request(text="Do I need consent to share with the police?", response_url=fake_slack.response_url())
    assert h.dispatch(app, req).status == 200
    assert h.dispatch(app, req).status == 200
    deadline = time.monotonic() + 5  # the first question in a process also builds the matcher
    while not service.store.questions() and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.3)
    assert len(service.store.questions()) == 1
    assert len(fake_slack.calls("response_url")) == 1


def test_a_replay_is_recognised_after_a_restart(fake_slack, service, tmp_path):
    req = h.command_request(text="Do I need consent to share with the police?", response_url=fake_slack.response_url())
    settings = Settings(bot_token=h.TEST_BOT_TOKEN, signing_secret=SECRET, advisor_channel=ADVISOR_CHANNEL)
    create_app(assemble(settings, service, client=h.web_client(fake_slack))).dispatch(req.to_bolt())
    restarted = Service(Store(service.store.path), service.faq)
    again = create_app(assemble(settings, restarted, client=h.web_client(fake_slack)))
    assert again.dispatch(req.to_bolt()).status == 200
    assert len(restarted.store.questions()) == 1


def test_a_replayed_close_after_a_reopen_changes_nothing(app, fake_slack, service):
    question = service.ask("zorblat the quuxified flimflam gizmo", ASKER)
    escalation, _ = service.escalate(question.question.id, ASKER)
    close = h.action_request(h.block_action_payload(ids.CLOSE, str(escalation.id), user_id=ADVISOR,
                                                    channel_id=ADVISOR_CHANNEL,
                                                    response_url=fake_slack.response_url("close")))
    reopen = h.action_request(h.block_action_payload(ids.REOPEN, str(escalation.id), user_id=ADVISOR,
                                                     channel_id=ADVISOR_CHANNEL,
                                                     response_url=fake_slack.response_url("reopen")))
    h.dispatch(app, close)
    assert h.wait_for(lambda: service.escalation(escalation.id).state == CLOSED)
    h.dispatch(app, reopen)
    assert h.wait_for(lambda: service.escalation(escalation.id).state == OPEN)
    assert h.dispatch(app, close).status == 200
    time.sleep(0.3)
    assert service.escalation(escalation.id).state == OPEN


def test_two_genuine_clicks_are_not_taken_for_a_replay(app, fake_slack, service):
    first = h.command_request(text="Do I need consent?", response_url=fake_slack.response_url())
    second = h.command_request(text="Do I need consent?", response_url=fake_slack.response_url())
    h.dispatch(app, first)
    h.dispatch(app, second)
    assert h.wait_for(lambda: len(service.store.questions()) == 2)



# other people's questions and closed escalations ------------------------------------------------

STRANGER = "U777"


def click(app, fake, action_id, value, user, **kwargs):
    kwargs.setdefault("response_url", fake.response_url(f"click-{user}"))
    return h.dispatch(app, h.action_request(h.block_action_payload(action_id, value, user_id=user, **kwargs)))


def told(fake, user):
    return [c.body["text"] for c in fake.calls("response_url") if c.body["_name"] == f"click-{user}"]


def test_only_the_asker_or_an_advisor_can_send_a_question_to_the_advisors(app, fake_slack, service):
    question = service.ask("zorblat the quuxified flimflam gizmo", ASKER).question
    click(app, fake_slack, ids.ESCALATE, str(question.id), user=STRANGER)
    assert h.wait_for(lambda: told(fake_slack, STRANGER))
    assert "Only the person who asked" in told(fake_slack, STRANGER)[0]
    assert service.queue() == [] and not fake_slack.calls("chat.postMessage")

    click(app, fake_slack, ids.ESCALATE, str(question.id), user=ADVISOR)
    assert h.wait_for(lambda: len(service.queue()) == 1)


def test_the_asker_escalates_without_an_advisor_lookup(fake_slack, service):
    question = service.ask("zorblat the quuxified flimflam gizmo", ASKER).question

    def no_lookup():
        raise AssertionError("the asker's own click needs no advisor list")

    escalation, created = service.escalate(question.id, ASKER, no_lookup)
    assert created and escalation.question.asker == ASKER


def test_anyone_who_sees_an_answer_may_rate_it_once(app, fake_slack, service, faq):
    entry = faq.entries[0]
    question = service.ask(entry.question, ASKER).question
    for _ in range(2):
        click(app, fake_slack, ids.HELPFUL, f"{question.id}|{entry.id}", user=STRANGER)
    assert h.wait_for(lambda: len(told(fake_slack, STRANGER)) == 2)
    assert [(r["user"], r["rating"]) for r in service.store.feedback()] == [(STRANGER, "helpful")]


def test_answer_on_a_closed_escalation_is_refused_at_the_click(app, fake_slack, service):
    question = service.ask("zorblat the quuxified flimflam gizmo", ASKER).question
    escalation, _ = service.escalate(question.id, ASKER)
    service.close(escalation.id, ADVISOR, {ADVISOR})
    click(app, fake_slack, ids.ANSWER_ACTION, str(escalation.id), user=ADVISOR, channel_id=ADVISOR_CHANNEL)
    assert h.wait_for(lambda: told(fake_slack, ADVISOR))
    assert "already closed" in told(fake_slack, ADVISOR)[0] and "reopen" in told(fake_slack, ADVISOR)[0]
    assert not fake_slack.calls("views.open")


def test_the_notification_text_of_an_answer_escapes_the_faq_question(faq, service):
    import dataclasses

    nasty = "Tell <!channel> & <@U999> about it?"
    entry = dataclasses.replace(faq.entries[0], question=nasty, answer=nasty)
    question = service.ask("zorblat the quuxified flimflam gizmo", ASKER).question
    for message in (replies.reply_message(question, "answer", [entry], urgent=False),
                    replies.entry_message(entry, question.id)):
        assert "<!channel>" not in message.text and "<@U999>" not in message.text
        assert "&lt;!channel&gt; &amp; &lt;@U999&gt;" in message.text


@pytest.mark.parametrize("head", [
    "Transfer-Encoding: chunked\r\n",
    "Content-Length: 10\r\nContent-Length: 10\r\n",
    "Content-Length: +10\r\n",
    "Content-Length: 1_0\r\n",
])
def test_ambiguous_body_lengths_are_refused_and_the_connection_closed(port, head):
    with socket.create_connection(("127.0.0.1", port), timeout=5) as connection:
        connection.sendall(f"POST /slack/events HTTP/1.1\r\nHost: x\r\n{head}\r\n0123456789".encode())
        reply = b""
        while chunk := connection.recv(4096):
            reply += chunk
    assert reply.startswith(b"HTTP/1.1 400")
