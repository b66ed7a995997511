"""Tests of the Slack test harness itself, against the real slack_sdk and slack_bolt."""

import json
import threading
import time
from urllib.parse import parse_qs

import pytest
from slack_bolt import App
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry import builtin_handlers
from slack_sdk.http_retry.builtin_handlers import RateLimitErrorRetryHandler
from slack_sdk.signature import SignatureVerifier

import slack_harness as h

BLOCKS = [{"type": "section", "text": {"type": "mrkdwn", "text": "*hello*"}}]


# ---- FakeSlack as seen by slack_sdk ----------------------------------------


def test_post_message_recorded_with_parsed_blocks(fake_slack, web_client):
    first = web_client.chat_postMessage(channel="C1", text="hi", blocks=BLOCKS)
    second = web_client.chat_postMessage(channel="C1", text="again", thread_ts=first["ts"])

    call = fake_slack.calls("chat.postMessage")[0]
    assert call.method == "chat.postMessage"
    assert call.body["blocks"] == BLOCKS
    assert call.token == h.TEST_BOT_TOKEN and "token" not in call.body
    assert first["channel"] == "C1" and first["message"]["blocks"] == BLOCKS
    assert first["ts"] == "1700000000.000100"
    assert float(second["ts"]) > float(first["ts"])
    assert second["message"]["thread_ts"] == first["ts"]
    assert [c.body["text"] for c in fake_slack.calls("chat.postMessage")] == ["hi", "again"]


def test_form_encoded_json_string_fields_are_parsed(fake_slack, web_client):
    # api_call(params=...) is sent form-encoded; blocks arrive as a JSON string.
    web_client.api_call("chat.postMessage", params={"channel": "C1", "blocks": json.dumps(BLOCKS)})
    assert fake_slack.last("chat.postMessage").body == {"channel": "C1", "blocks": BLOCKS}

    resp = web_client.views_open(trigger_id="t1", view={"type": "modal", "callback_id": "ask", "blocks": BLOCKS})
    assert resp["view"]["id"].startswith("V") and resp["view"]["callback_id"] == "ask"
    assert fake_slack.last("views.open").body["view"]["blocks"] == BLOCKS
    updated = web_client.views_update(view_id=resp["view"]["id"], view={"type": "modal", "blocks": []})
    assert updated["view"]["id"] == resp["view"]["id"]


def test_read_back_answers(fake_slack, web_client):
    fake_slack.set_members("C9", ["U1", "U2"])
    fake_slack.set_user("U7", real_name="Ada Lovelace")

    auth = web_client.auth_test()
    assert (auth["user_id"], auth["bot_id"], auth["team_id"], auth["user"]) == ("UBOT", "BBOT", "T1", "canishare")
    members = web_client.conversations_members(channel="C9")
    assert members["members"] == ["U1", "U2"] and members["response_metadata"]["next_cursor"] == ""
    assert web_client.conversations_members(channel="C-other")["members"] == []
    assert web_client.conversations_open(users="U1")["channel"]["id"] == "DU1"
    assert web_client.users_info(user="U7")["user"]["real_name"] == "Ada Lovelace"
    assert web_client.users_info(user="U8")["user"]["id"] == "U8"
    eph = web_client.chat_postEphemeral(channel="C9", user="U1", text="psst")
    assert eph["channel"] == "C9" and eph["message_ts"] == eph["ts"]
    upd = web_client.chat_update(channel="C9", ts="1.2", text="edited")
    assert (upd["channel"], upd["ts"]) == ("C9", "1.2")
    assert web_client.chat_getPermalink(channel="C9", message_ts="1.2")["permalink"].endswith("/C9/p12")
    assert web_client.api_call("reactions.add", params={"name": "eyes"})["ok"] is True
    assert fake_slack.calls("conversations.members")[0].body == {"channel": "C9"}  # GET query string
    assert fake_slack.methods()[:2] == ["auth.test", "conversations.members"]

    fake_slack.reset()
    assert fake_slack.calls() == []
    assert web_client.conversations_members(channel="C9")["members"] == ["U1", "U2"]  # reset keeps config


def test_rate_limited_then_success_with_retry_handler(fake_slack, web_client, monkeypatch):
    slept = []
    monkeypatch.setattr(builtin_handlers.time, "sleep", slept.append)  # honour Retry-After without waiting
    web_client.retry_handlers.append(RateLimitErrorRetryHandler(max_retry_count=2))
    fake_slack.fail_next("chat.postMessage", times=2)

    resp = web_client.chat_postMessage(channel="C1", text="hi")

    assert resp["ok"] is True
    assert [c.status for c in fake_slack.calls("chat.postMessage")] == [429, 429, 200]
    assert len(slept) == 2 and all(1 <= s < 2 for s in slept)  # Retry-After: 1


def test_rate_limited_without_handler_and_error_bodies(fake_slack, web_client):
    fake_slack.fail_next("chat.postMessage")
    with pytest.raises(SlackApiError) as err:
        web_client.chat_postMessage(channel="C1", text="hi")
    assert err.value.response.status_code == 429
    assert err.value.response.headers["Retry-After"] == "1"
    assert err.value.response["error"] == "ratelimited"

    fake_slack.fail_next("chat.postMessage", error="channel_not_found")
    with pytest.raises(SlackApiError) as err:
        web_client.chat_postMessage(channel="C-gone", text="hi")
    assert err.value.response.status_code == 200
    assert err.value.response["error"] == "channel_not_found"

    assert web_client.chat_postMessage(channel="C1", text="hi")["ok"] is True  # failures are used up
    assert len(fake_slack.calls("chat.postMessage")) == 3


def test_recording_is_thread_safe(fake_slack, web_client):
    threads = [
        threading.Thread(target=lambda i=i: web_client.chat_postMessage(channel="C1", text=str(i))) for i in range(20)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    calls = fake_slack.calls("chat.postMessage")
    assert sorted(int(c.body["text"]) for c in calls) == list(range(20))


# ---- request builders -------------------------------------------------------


def test_sign_matches_slack_sdk_verifier(signing_secret):
    verifier = SignatureVerifier(signing_secret)
    req = h.command_request(text="hello there")
    assert verifier.is_valid_request(req.body, req.headers)
    assert not verifier.is_valid_request(h.with_bad_signature(req).body, h.with_bad_signature(req).headers)
    old = h.sign("x", signing_secret, timestamp=time.time() - 3600)
    assert not verifier.is_valid("x", old["X-Slack-Request-Timestamp"], old["X-Slack-Signature"])  # stale

    form = parse_qs(req.body)
    assert form["command"] == ["/canishare"] and form["text"] == ["hello there"]
    payload = json.loads(parse_qs(h.action_request(h.block_action_payload("approve", "42")).body)["payload"][0])
    assert payload["actions"][0]["value"] == "42"
    retry = h.event_request(h.dm_event(), retry_num=1)
    assert retry.headers["X-Slack-Retry-Num"] == "1" and retry.headers["X-Slack-Retry-Reason"] == "http_timeout"
    assert json.loads(retry.body)["type"] == "event_callback"


# ---- a tiny Bolt app driven through the harness ------------------------------


@pytest.fixture
def app(fake_slack, web_client, signing_secret):
    app = App(client=web_client, signing_secret=signing_secret, process_before_response=True)
    app.seen = []

    @app.command("/canishare")
    def on_command(ack, command, client, respond):
        ack()
        app.seen.append(("command", command["text"]))
        client.chat_postMessage(channel=command["channel_id"], text=f"you asked: {command['text']}")
        respond("only you can see this")

    @app.event("app_mention")
    def on_mention(event, say, request):
        app.seen.append(("mention", event["text"], request.headers.get("x-slack-retry-num")))  # list
        say(text="hello", thread_ts=event["ts"])

    @app.event("message")
    def on_dm(event):
        app.seen.append(("dm", event["text"]))

    @app.event("app_home_opened")
    def on_home(event, client):
        app.seen.append(("home", event["user"]))
        client.views_publish(user_id=event["user"], view={"type": "home", "blocks": []})

    @app.action("approve")
    def on_approve(ack, body, action):
        ack()
        app.seen.append(("action", action["value"], body["user"]["id"]))

    @app.view("ask")
    def on_submit(ack, view):
        ack()
        app.seen.append(("view", view["state"]["values"]["q"]["text"]["value"], view["private_metadata"]))

    @app.shortcut("share_check")
    def on_shortcut(ack, shortcut):
        ack()
        app.seen.append(("shortcut", shortcut["message"]["text"]))

    return app


def test_bolt_app_construction_hits_the_fake(fake_slack, app):
    assert fake_slack.methods() == ["auth.test"]


def test_signed_slash_command(fake_slack, app):
    fake_slack.reset()
    req = h.command_request(text="can I share a phone number?", response_url=fake_slack.response_url("cmd"))

    resp = h.dispatch(app, req)

    assert resp.status == 200
    assert app.seen == [("command", "can I share a phone number?")]
    # Bolt's per-request client adds team_id to every Web API call.
    assert fake_slack.last("chat.postMessage").body == {
        "channel": "C123",
        "text": "you asked: can I share a phone number?",
        "team_id": "T1",
    }
    assert fake_slack.last("response_url").body["text"] == "only you can see this"
    assert fake_slack.last("response_url").body["_name"] == "cmd"


def test_bad_signature_rejected(fake_slack, app):
    fake_slack.reset()
    bad = h.with_bad_signature(h.command_request(text="sneaky"))
    assert h.dispatch(app, bad).status == 401
    stale = h.command_request(text="old", timestamp=int(time.time()) - 3600)
    assert h.dispatch(app, stale).status == 401
    wrong_secret = h.command_request(text="x", secret="another-secret-not-real")
    assert h.dispatch(app, wrong_secret).status == 401
    assert app.seen == [] and fake_slack.calls() == []


def test_event_reaches_app_mention_listener(fake_slack, app):
    from slack_bolt.request import BoltRequest

    req = h.event_request(h.app_mention_event("<@UBOT> hi", ts="1700000000.000555"), retry_num=2)
    resp = app.dispatch(BoltRequest(body=req.body, headers=req.headers))

    assert resp.status == 200
    assert app.seen == [("mention", "<@UBOT> hi", ["2"])]  # Bolt header values are lists
    posted = fake_slack.last("chat.postMessage").body
    assert posted == {"channel": "C123", "text": "hello", "thread_ts": "1700000000.000555", "team_id": "T1"}


def test_other_events_and_interactions(fake_slack, app):
    assert h.dispatch(app, h.event_request(h.dm_event("private q"))).status == 200
    assert h.dispatch(app, h.event_request(h.app_home_opened_event("U5"))).status == 200
    assert fake_slack.last("views.publish").body == {"user_id": "U5", "view": {"type": "home", "blocks": []}, "team_id": "T1"}
    assert h.dispatch(app, h.action_request(h.block_action_payload("approve", "42", user_id="U9"))).status == 200
    sub = h.view_submission_payload("ask", {"q": {"text": "may I?"}}, private_metadata="case-7")
    assert h.dispatch(app, h.view_submission_request(sub)).status == 200
    short = h.message_shortcut_payload("share_check", message_text="NHS no. 943 476 5919")
    assert h.dispatch(app, h.shortcut_request(short)).status == 200
    assert app.seen == [
        ("dm", "private q"),
        ("home", "U5"),
        ("action", "42", "U9"),
        ("view", "may I?", "case-7"),
        ("shortcut", "NHS no. 943 476 5919"),
    ]


def test_bot_own_events_are_ignored_by_bolt(app):
    # Bolt's IgnoringSelfEvents middleware drops events authored by the bot user (UBOT).
    resp = h.dispatch(app, h.event_request(h.app_mention_event(user=h.BOT_USER_ID)))
    assert resp.status == 200 and app.seen == []
