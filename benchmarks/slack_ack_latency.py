"""How long Slack waits for canishare's acknowledgement, under a realistic mix, with a slow Web API.

Run from the repository root:

    python benchmarks/slack_ack_latency.py [--latency 0.1] [--concurrency 30] [--mentions 300]

Starts the real command (``python -m bot serve --http``) in a child process, with its Web API pointed
at the recording fake of tests/slack_harness.py answering every call after ``--latency`` seconds.
Then sends, ``--concurrency`` at a time and in a shuffled order: ``--mentions`` @mentions, each
delivered twice (the second as Slack's retry of the same event), 30 slash commands and 30 Claim
clicks by an advisor on 30 escalations. Each request is timed from connect to the end of the
response. Prints p50 / p99 / max per kind and how many took over 3 s (Slack's limit), then waits
(bounded) until every reply, notice and card update owed has reached the fake Slack, and prints how
long that took and whether anything was sent twice. It stops by itself; it asserts nothing.
"""

from __future__ import annotations

import argparse
import http.client
import random
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.slack.blocks import ids  # noqa: E402
from bot.store import Store  # noqa: E402

QUESTIONS = [
    "Do I need consent to share with the police?",
    "Can I tell the school about a child's injury without consent?",
    "Is GDPR a barrier to sharing with other agencies?",
    "can i share data with a GP",
    "what is the wifi password",
]
ADVISOR_CHANNEL, ADVISOR = "CADV", "UADV1"
SLACK_LIMIT_MS = 3000
DRAIN_SECONDS = 180


def load_harness():
    sys.path.insert(0, str(ROOT / "tests"))
    import slack_harness

    return slack_harness


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))]


def timed_post(port: int, req) -> tuple[int, float]:
    began = time.perf_counter()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("POST", "/slack/events", body=req.body.encode("utf-8"), headers=dict(req.headers))
        response = connection.getresponse()
        response.read()
        status = response.status
    except OSError:
        status = 0
    finally:
        connection.close()
    return status, (time.perf_counter() - began) * 1000


def escalations_to_claim(h, fake, bot, count: int) -> list[int]:
    """Set up: ``count`` questions escalated by their askers (sent one by one, not timed)."""
    for i in range(count):
        asker = f"UQ{i:03d}"
        bot.send(h.event_request(h.app_mention_event(f"<@{h.BOT_USER_ID}> zorblat question {i}", user=asker,
                                                     channel="CASK", ts=f"1700001000.{i:06d}")))
    deadline = time.monotonic() + 60
    while len(Store(bot.db_path).questions()) < count and time.monotonic() < deadline:
        time.sleep(0.1)
    for question in Store(bot.db_path).questions():
        bot.send(h.action_request(h.block_action_payload(ids.ESCALATE, str(question.id), user_id=question.asker,
                                                         channel_id="CASK", response_url=fake.response_url())))
    return [e.id for e in Store(bot.db_path).escalations()]


def the_mix(h, fake, mentions: int, escalation_ids: list[int]) -> list[tuple[str, object]]:
    mix: list[tuple[str, object]] = []
    for i in range(mentions):
        event = h.app_mention_event(f"<@{h.BOT_USER_ID}> {QUESTIONS[i % len(QUESTIONS)]}", user=f"U{i:04d}",
                                    channel="CASK", ts=f"1700002000.{i:06d}")
        mix.append(("mention", h.event_request(event, event_id=f"EvMix{i}")))
        mix.append(("mention (Slack's retry)", h.event_request(event, event_id=f"EvMix{i}", retry_num=1)))
    for i in range(30):
        mix.append(("slash command", h.command_request(text=QUESTIONS[i % len(QUESTIONS)], user_id=f"US{i:03d}",
                                                       response_url=fake.response_url(f"slash{i}"))))
    for escalation_id in escalation_ids:
        mix.append(("Claim click", h.action_request(h.block_action_payload(
            ids.CLAIM, str(escalation_id), user_id=ADVISOR, channel_id=ADVISOR_CHANNEL,
            response_url=fake.response_url(f"claim{escalation_id}")))))
    random.Random(7).shuffle(mix)
    return mix


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--latency", type=float, default=0.1, help="seconds each Web API call takes")
    parser.add_argument("--concurrency", type=int, default=30)
    parser.add_argument("--mentions", type=int, default=300)
    args = parser.parse_args()
    h = load_harness()
    fake = h.FakeSlack(members={ADVISOR_CHANNEL: [ADVISOR]})
    with tempfile.TemporaryDirectory() as tmp:
        bot = h.BotProcess(fake, str(Path(tmp) / "bench.db"), advisor_channel=ADVISOR_CHANNEL).start()
        try:
            escalation_ids = escalations_to_claim(h, fake, bot, 30)
            time.sleep(2)
            fake.latency = args.latency
            fake.reset()
            mix = the_mix(h, fake, args.mentions, escalation_ids)
            began = time.perf_counter()
            with ThreadPoolExecutor(max_workers=args.concurrency) as pool:
                results = list(pool.map(lambda item: (item[0], *timed_post(bot.port, item[1])), mix))
            report(results, args)
            drain(fake, args, began)
        finally:
            bot.stop()
            fake.stop()
    return 0


def report(results, args) -> None:
    print(f"{len(results)} requests, {args.concurrency} at a time, Web API answering in {args.latency * 1000:.0f} ms")
    print(f"{'kind':<26}{'n':>5}{'p50 ms':>9}{'p99 ms':>9}{'max ms':>9}{'> 3 s':>7}{'not 200':>9}")
    kinds = sorted({kind for kind, _, _ in results}) + ["all"]
    for kind in kinds:
        rows = [(s, ms) for k, s, ms in results if kind in ("all", k)]
        times = [ms for _, ms in rows]
        print(f"{kind:<26}{len(rows):>5}{percentile(times, 0.5):>9.1f}{percentile(times, 0.99):>9.1f}"
              f"{max(times):>9.1f}{sum(ms > SLACK_LIMIT_MS for ms in times):>7}{sum(s != 200 for s, _ in rows):>9}")


def drain(fake, args, began: float) -> None:
    expected_replies = args.mentions
    deadline = time.monotonic() + DRAIN_SECONDS

    def replies():
        return [c for c in fake.answered("chat.postMessage") if c.body.get("channel") == "CASK"]

    while time.monotonic() < deadline and (len(replies()) < expected_replies
                                           or len(fake.answered("chat.update")) < 30
                                           or len(fake.answered("response_url")) < 30):
        time.sleep(0.2)
    threads = [c.body.get("thread_ts") for c in replies()]
    print(f"owed messages delivered after {time.perf_counter() - began:.1f} s: {len(replies())} mention replies "
          f"(expected {expected_replies}; {len(threads) - len(set(threads))} sent twice), "
          f"{len(fake.answered('response_url'))} slash-command replies (expected 30), "
          f"{len(fake.answered('chat.update'))} card updates (expected 30)")


if __name__ == "__main__":
    sys.exit(main())
