"""HTTP-mode ack latency of the Slack bot: how long Slack waits for its 200.

Run from the repository root:

    python benchmarks/slack_ack_latency.py [--rounds 5] [--concurrency 50]

Starts the HTTP server of ``bot/slack/serve.py`` (the same ``make_http_server`` and the same app
settings as ``canishare serve --http``: listeners run after the ack) on 127.0.0.1 in a child
process, with the Web API replaced by the recording fake of tests/slack_harness.py (in the same
child), so that the load generator does not share the bot's interpreter lock. Each round fires ``--concurrency``
signed ``app_mention`` events at once (distinct event ids, each a real question the bot matches and
answers), times every request from connect to the end of the response, then waits (bounded) for
the bot to post all the replies. Prints p50 / p99 / max of the ack latency in ms per round and
overall, and how long the replies took to be posted. For comparison it then repeats the rounds with
``process_before_response=True`` (listeners finish before the 200: what the tests use).

It stops by itself: rounds x concurrency requests per mode. Not a test: it asserts nothing, and
the figures depend on the machine.
"""

from __future__ import annotations

import argparse
import http.client
import importlib.util
import multiprocessing
import os
import statistics
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.config import Settings  # noqa: E402
from bot.faq import load_faq  # noqa: E402
from bot.service import Service  # noqa: E402
from bot.slack import create_app  # noqa: E402
from bot.slack.deps import assemble  # noqa: E402
from bot.slack.serve import make_http_server  # noqa: E402
from bot.store import Store  # noqa: E402

QUESTIONS = [
    "Do I need consent to share with the police?",
    "Can I tell the school about a child's injury without consent?",
    "Is GDPR a barrier to sharing with other agencies?",
    "can i share data with a GP",
    "what is the wifi password",
]
REPLY_WAIT_SECONDS = 60.0


def load_harness():
    spec = importlib.util.spec_from_file_location("slack_harness", ROOT / "tests" / "slack_harness.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["slack_harness"] = module
    spec.loader.exec_module(module)
    return module


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def post(port: int, request, start: threading.Barrier) -> tuple[int, float]:
    start.wait()
    began = time.perf_counter()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("POST", "/slack/events", body=request.body.encode("utf-8"), headers=dict(request.headers))
        response = connection.getresponse()
        response.read()
        status = response.status
    finally:
        connection.close()
    return status, (time.perf_counter() - began) * 1000


def one_round(harness, port: int, bot, number: int, concurrency: int, mode: str) -> tuple[list[float], float]:
    requests = [
        harness.event_request(
            harness.app_mention_event(f"<@{harness.BOT_USER_ID}> {QUESTIONS[i % len(QUESTIONS)]}",
                                      user=f"U{i:04d}", ts=f"1700000{number:03d}.{i:06d}"),
            event_id=f"Ev-{mode}-{number}-{i}",
        )
        for i in range(concurrency)
    ]
    bot.send("reset")
    bot.recv()
    start = threading.Barrier(concurrency)
    began = time.perf_counter()
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        results = list(pool.map(lambda r: post(port, r, start), requests))
    bot.send(("wait_for_replies", concurrency))
    replies = bot.recv()
    replies_done = (time.perf_counter() - began) * 1000
    failed = [status for status, _ in results if status != 200]
    if failed:
        print(f"  round {number}: {len(failed)} non-200 answers: {sorted(set(failed))}")
    return [ms for _, ms in results], replies_done, replies


def serve_bot(connection, process_before_response: bool) -> None:
    """The child process: the fake Web API and the bot's HTTP server, driven over ``connection``."""
    harness = load_harness()
    fake = harness.FakeSlack()
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(db_path=str(Path(tmp) / "bench.db"), bot_token=harness.TEST_BOT_TOKEN,
                            signing_secret=harness.TEST_SIGNING_SECRET, api_url=fake.base_url,
                            advisor_channel="CADV")
        service = Service(Store(settings.db_path), load_faq())
        app = create_app(assemble(settings, service), process_before_response=process_before_response)
        server = make_http_server(app, "127.0.0.1", 0, harness.TEST_SIGNING_SECRET)
        threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
        connection.send(server.server_address[1])
        while True:
            command = connection.recv()
            if command == "reset":
                fake.reset()
                connection.send(None)
            elif isinstance(command, tuple) and command[0] == "wait_for_replies":
                deadline = time.monotonic() + REPLY_WAIT_SECONDS
                while len(fake.calls("chat.postMessage")) < command[1] and time.monotonic() < deadline:
                    time.sleep(0.002)
                connection.send(len(fake.calls("chat.postMessage")))
            else:
                break
        server.shutdown()
        server.server_close()
        fake.stop()


def run_mode(harness, process_before_response: bool, rounds: int, concurrency: int) -> None:
    mode = "inline" if process_before_response else "serve"
    context = multiprocessing.get_context("spawn")
    bot, child_end = context.Pipe()
    child = context.Process(target=serve_bot, args=(child_end, process_before_response), daemon=True)
    child.start()
    try:
        port = bot.recv()
        title = ("process_before_response=False (as `canishare serve --http`)" if not process_before_response
                 else "process_before_response=True (listener finishes before the 200)")
        print(f"\n{title}: {rounds} rounds x {concurrency} concurrent signed app_mention events")
        everything: list[float] = []
        for number in range(1, rounds + 1):
            latencies, replies_done, replies = one_round(harness, port, bot, number, concurrency, mode)
            everything += latencies
            print(f"  round {number}: ack p50 {percentile(latencies, 0.5):7.1f} ms   "
                  f"p99 {percentile(latencies, 0.99):7.1f} ms   max {max(latencies):7.1f} ms   "
                  f"{replies} replies posted after {replies_done:7.1f} ms")
        print(f"  overall ({len(everything)} requests): ack p50 {percentile(everything, 0.5):.1f} ms, "
              f"p99 {percentile(everything, 0.99):.1f} ms, mean {statistics.fmean(everything):.1f} ms")
    finally:
        bot.send("stop")
        child.join(30)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--concurrency", type=int, default=50)
    parser.add_argument("--no-inline", action="store_true", help="skip the process_before_response=True comparison")
    args = parser.parse_args(argv)
    harness = load_harness()
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, FAQ of {len(load_faq())} entries; "
          "bot and fake Web API in a child process, load from this one")
    run_mode(harness, False, args.rounds, args.concurrency)
    if not args.no_inline:
        run_mode(harness, True, args.rounds, args.concurrency)
    return 0


if __name__ == "__main__":
    sys.exit(main())
