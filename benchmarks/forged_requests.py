"""Black-box check of ``canishare serve --http`` against forged and replayed Slack requests.

Run from the repository root:

    python benchmarks/forged_requests.py

Starts the real command (``python -m bot serve --http``) as a child process with its Web API pointed
at the recording fake of tests/slack_harness.py on 127.0.0.1, then sends requests an attacker could
send: an event, a button click and a slash command (the last two naming a ``response_url``), each
with every malformed or out-of-window timestamp form and a signature the attacker cannot make, or a
correct signature over a bad timestamp, a body changed after signing, no signature, a repeated
header; and byte-identical replays of genuine signed requests. As a control, genuine requests must
still be answered. Prints what was tried, what got a 2xx, and every Web API call or response_url
POST the bot made. It stops by itself: a fixed number of requests, each with a 5 s timeout.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SECRET = "bench-signing-secret-not-real"


def load_harness():
    sys.path.insert(0, str(ROOT / "tests"))
    import slack_harness

    return slack_harness


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def post(port: int, body: bytes, headers: dict, extra_lines: tuple[str, ...] = ()) -> int:
    return load_harness().post_raw(port, body, headers, extra_lines)[0]


def sign(body: str, timestamp: str) -> str:
    return "v0=" + hmac.new(SECRET.encode(), f"v0:{timestamp}:{body}".encode(), hashlib.sha256).hexdigest()


def attacks(h, fake, now: int):
    """(label, body, headers, extra header lines) for every forged request."""
    url = fake.response_url("attacker")
    requests = {
        "event": h.event_request(h.app_mention_event("<@UBOT> Do I need consent?", channel="CVICTIM"), secret=SECRET),
        "button": h.action_request(h.block_action_payload("escalate", "1", response_url=url), secret=SECRET),
        "slash command": h.command_request(text="Do I need consent?", response_url=url, secret=SECRET),
    }
    forms = {"missing": None, "empty": "", "letters": "abc", "exponent": "1e3", "hex": "0x10", "nan": "nan",
             "padded": f" {now}", "fraction": f"{now}.0", "negative": "-1", "underscored": f"{now}"[:4] + "_" + f"{now}"[4:],
             "arabic digits": "".join(chr(0x0660 + int(d)) for d in str(now)), "huge": "9" * 40,
             "stale": str(now - 400), "future": str(now + 400)}
    for kind, req in requests.items():
        base = {k: v for k, v in req.headers.items() if not k.lower().startswith("x-slack-")}
        for form, ts in forms.items():
            for signed in (False, True):
                if signed and form in ("missing", "empty"):
                    continue
                headers = dict(base, **({"X-Slack-Request-Timestamp": ts} if ts is not None else {}))
                headers["X-Slack-Signature"] = sign(req.body, ts or "") if signed else "v0=" + "0" * 64
                yield f"{kind}: timestamp {form}{' (signed)' if signed else ''}", req.body, headers, ()
        good = dict(req.headers)
        yield f"{kind}: body changed after signing", req.body.replace("C123", "CVICTIM") + " ", good, ()
        yield f"{kind}: wrong secret", req.body, dict(good, **{"X-Slack-Signature": "v0=" + "1" * 64}), ()
        yield f"{kind}: no signature", req.body, {k: v for k, v in good.items() if k != "X-Slack-Signature"}, ()
        yield f"{kind}: repeated timestamp header", req.body, good, (f"X-Slack-Request-Timestamp: {now}",)


def main() -> int:
    h = load_harness()
    fake = h.FakeSlack(members={"CADV": ["UADV"]})
    port = free_port()
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, SLACK_BOT_TOKEN=h.TEST_BOT_TOKEN, SLACK_SIGNING_SECRET=SECRET,
                   SLACK_API_URL=fake.base_url, CANISHARE_ADVISOR_CHANNEL="CADV",
                   CANISHARE_DB=str(Path(tmp) / "bench.db"), PYTHONPATH=str(ROOT))
        bot = subprocess.Popen([sys.executable, "-m", "bot", "serve", "--http", "--port", str(port)], env=env,
                               cwd=tmp, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        try:
            return run_checks(h, fake, port, bot)
        finally:
            bot.terminate()
            bot.wait(timeout=10)
            fake.stop()


def run_checks(h, fake, port: int, bot) -> int:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                break
        except OSError:
            time.sleep(0.1)
    else:
        print("the bot did not start:", bot.stderr.read() if bot.poll() is not None else "(still starting)")
        return 1
    time.sleep(0.5)
    fake.reset()
    now = int(time.time())
    tried = accepted = 0
    accepted_labels = []
    for label, body, headers, extra in attacks(h, fake, now):
        tried += 1
        status = post(port, body.encode("utf-8"), headers, extra)
        if 200 <= status < 300:
            accepted += 1
            accepted_labels.append(label)
    time.sleep(2.0)
    outbound = [c.method for c in fake.calls()]
    print(f"forged requests tried: {tried}; answered 2xx: {accepted}; Web API calls and response_url POSTs "
          f"they caused: {len(outbound)}")
    for label in accepted_labels:
        print("  accepted:", label)
    for method in outbound:
        print("  outbound:", method)

    fake.reset()
    genuine = h.command_request(text="Do I need consent to share with the police?",
                                response_url=fake.response_url("genuine"), secret=SECRET)
    statuses = [post(port, genuine.body.encode(), dict(genuine.headers)) for _ in range(3)]
    event = h.event_request(h.dm_event("Do I need consent to share with the police?"), secret=SECRET)
    statuses.append(post(port, event.body.encode(), dict(event.headers)))
    time.sleep(2.0)
    replies = len(fake.calls("response_url"))
    posts = len(fake.calls("chat.postMessage"))
    print(f"control: a genuine slash command sent 3 times (byte-identical) -> statuses {statuses[:3]}, "
          f"answered {replies} time(s); a genuine DM event -> status {statuses[3]}, {posts} reply post(s)")
    ok = accepted == 0 and not outbound and replies == 1 and posts == 1
    print("result:", "ok" if ok else "FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
