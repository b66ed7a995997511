"""The ``canishare`` command line. Its output formats are a contract (see README, "Command line")."""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from typing import Sequence, TextIO

from bot import __version__
from bot.config import README_SLACK_SECTION, Settings
from bot.faq import Faq, FaqEntry, FaqError, lint, load_faq

EXIT_OK, EXIT_PROBLEM, EXIT_USAGE = 0, 1, 2


class CliError(Exception):
    def __init__(self, message: str, code: int = EXIT_PROBLEM):
        super().__init__(message)
        self.code = code


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "handler"):
        parser.print_help()
        return EXIT_USAGE
    try:
        return args.handler(args) or EXIT_OK
    except CliError as error:
        print(f"canishare: {error}", file=sys.stderr)
        return error.code
    except FaqError as error:
        print(f"canishare: the FAQ has {len(error.problems)} problem(s):", file=sys.stderr)
        for problem in error.problems:
            print(f"  {problem}", file=sys.stderr)
        return EXIT_PROBLEM
    except BrokenPipeError:
        return EXIT_OK
    except KeyboardInterrupt:
        return 130


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="canishare",
        description="Answer 'can I share this?' questions from the curated FAQ; run the Slack bot.",
    )
    parser.add_argument("--version", action="version", version=f"canishare {__version__}")
    parser.add_argument("--faq-dir", help="FAQ directory (default: $CANISHARE_FAQ_DIR or the bundled faq/)")
    commands = parser.add_subparsers(metavar="COMMAND")

    ask = commands.add_parser("ask", help="answer a question from the FAQ")
    ask.add_argument("question", help="the question, or - to read one question per line from stdin")
    ask.add_argument("--json", action="store_true", help="print one JSON object per question")
    ask.add_argument("--explain", action="store_true", help="show why the matcher decided as it did")
    ask.set_defaults(handler=cmd_ask)

    redact = commands.add_parser("redact", help="remove personal identifiers from text")
    redact.add_argument("source", help="- to read lines from stdin, or the text itself")
    redact.set_defaults(handler=cmd_redact)

    faq = commands.add_parser("faq", help="work on the FAQ files").add_subparsers(metavar="ACTION")
    faq_lint = faq.add_parser("lint", help="check the FAQ files; exit 1 on any problem")
    faq_lint.add_argument("directory", nargs="?", help="FAQ directory (default: the configured one)")
    faq_lint.set_defaults(handler=cmd_faq_lint)

    faq_drafts = faq.add_parser("drafts", help="write advisors' proposed new entries as YAML for review")
    faq_drafts.add_argument("--out", help="folder for the drafts (default: FAQ_DIR/drafts)")
    faq_drafts.set_defaults(handler=cmd_faq_drafts)

    queue = commands.add_parser("queue", help="list open and claimed escalations, oldest first")
    queue.add_argument("--json", action="store_true")
    queue.set_defaults(handler=cmd_queue)

    purge = commands.add_parser("purge", help="delete stored questions older than the retention period")
    purge.add_argument("--older-than", default=None, metavar="AGE",
                       help="e.g. 365d, 52w or 12m (default: $CANISHARE_RETENTION_DAYS, 365 days)")
    purge.set_defaults(handler=cmd_purge)

    export = commands.add_parser("export", help="write the advice record as CSV (for case records)")
    export.add_argument("--since", type=_date, help="first day to include, YYYY-MM-DD")
    export.add_argument("--output", "-o", help="file to write (default: standard output)")
    export.set_defaults(handler=cmd_export)

    serve = commands.add_parser("serve", help="run the Slack bot (Socket Mode, or HTTP with --http)")
    serve.add_argument("--http", action="store_true", help="serve Slack's HTTP requests on /slack/events")
    serve.add_argument("--port", type=int, default=3000)
    serve.set_defaults(handler=cmd_serve)

    digest = commands.add_parser("digest", help="print (or post) the weekly digest")
    digest.add_argument("--week", help="ISO week such as 2026-W47 (default: the week before this one)")
    digest.add_argument("--since", type=_date, help="the ISO week containing this date (YYYY-MM-DD)")
    digest.add_argument("--format", choices=("markdown", "json"), default="markdown")
    digest.add_argument("--post", action="store_true", help="post to $CANISHARE_DIGEST_CHANNEL, once per week")
    digest.add_argument("--force", action="store_true", help="with --post: post again even if already posted")
    digest.set_defaults(handler=cmd_digest)

    clock = commands.add_parser("clock", help="post the digest every Monday 09:00 Europe/London (a long-running process)")
    clock.set_defaults(handler=cmd_clock)

    evaluate = commands.add_parser("eval", help="score the matcher on a labelled {q, topic} YAML list")
    evaluate.add_argument("file")
    evaluate.add_argument("--json", action="store_true", help="print the figures as JSON")
    evaluate.set_defaults(handler=cmd_eval)

    return parser


def _settings() -> Settings:
    from bot.config import SettingsError

    try:
        return Settings.from_env()
    except SettingsError as error:
        raise CliError(str(error), EXIT_USAGE) from error


def _date(value: str):
    import datetime as dt

    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in YYYY-MM-DD form: {value!r}") from None


def _store(settings: Settings | None = None):
    from bot.store import Store, StoreError

    settings = settings or _settings()
    try:
        return Store(settings.db_path)
    except StoreError as error:
        raise CliError(str(error)) from error


def _service(args, settings: Settings | None = None):
    from bot.service import Service
    from bot.store import StoreError

    settings = settings or _settings()
    try:
        return Service.open(settings.db_path, _faq_dir(args), _thresholds())
    except StoreError as error:
        raise CliError(str(error)) from error


def _thresholds():
    from bot.config import SettingsError, thresholds_from_env

    try:
        return thresholds_from_env()
    except SettingsError as error:
        raise CliError(str(error), EXIT_USAGE) from error


def _faq_dir(args) -> str:
    from bot.config import faq_dir_from_env

    return getattr(args, "faq_dir", None) or faq_dir_from_env()


def _matcher(args):
    from bot.matching import Matcher

    return Matcher(load_faq(_faq_dir(args), check_near_duplicates=False), thresholds=_thresholds())


# ask ---------------------------------------------------------------------------------------


def cmd_ask(args) -> int:
    from bot.matching import match_redacted
    from bot.urgency import signals_immediate_risk

    matcher = _matcher(args)
    if args.question == "-":
        return _ask_lines(matcher, sys.stdin, sys.stdout, args.json)
    question = args.question
    if not question.strip():
        raise CliError('the question is empty; try: canishare ask "Do I need consent to share with the police?"', EXIT_USAGE)
    match = match_redacted(matcher, question)
    if args.json:
        print(json.dumps(match_json(match, urgent=signals_immediate_risk(question))))
    else:
        print(render_match(match, matcher.faq))
        if args.explain:
            print("\n" + match.explain())
    return EXIT_OK


def _ask_lines(matcher, lines: TextIO, out: TextIO, as_json: bool) -> int:
    from bot.matching import match_redacted
    from bot.urgency import signals_immediate_risk

    for line in lines:
        question = line.rstrip("\n")
        match = match_redacted(matcher, question)
        if as_json:
            out.write(json.dumps(match_json(match, urgent=signals_immediate_risk(question))) + "\n")
        else:
            out.write(render_match(match, matcher.faq) + "\n\n")
        out.flush()
    return EXIT_OK


def match_json(match, urgent: bool = False) -> dict:
    """One line of ``ask --json``; ``urgent`` is whether the question signals a risk of serious harm
    now (bot.urgency, judged on the question as asked, as the bot does)."""
    return {
        "decision": match.decision,
        "faq_id": match.entry.id if match.entry else None,
        "score": match.score,
        "suggestions": [entry.id for entry in match.suggestions],
        "urgent": urgent,
    }


def render_match(match, faq: Faq) -> str:
    from bot.matching import ANSWER, SUGGEST

    if match.decision == ANSWER:
        return f"decision: answer (score {match.score:.1f})\n" + render_entry(match.entry)
    if match.decision == SUGGEST:
        lines = [f"decision: suggest (score {match.score:.1f}) - did you mean:"]
        lines += [f"  - {entry.id}: {entry.question}" for entry in match.suggestions]
        lines.append("  - none of these: ask an advisor")
        return "\n".join(lines)
    return (
        f"decision: escalate (score {match.score:.1f})\n"
        "The FAQ has no answer that fits. In Slack this question would be offered to an advisor."
    )


def render_entry(entry: FaqEntry) -> str:
    body = "\n".join(textwrap.fill(p, 100) if not p.startswith("•") else p for p in entry.answer.splitlines())
    sources = "; ".join(f"{s.title} <{s.url}>" if s.url else s.title for s in entry.sources)
    return (
        f"entry: {entry.id}\n"
        f"question: {entry.question}\n\n{body.replace('*', '')}\n\n"
        f"legal basis: {'; '.join(entry.legal_basis)}\n"
        f"source: {sources}\n"
        f"last reviewed: {entry.last_reviewed.isoformat()}\n"
        "Guidance, not legal advice: you make the decision and record it."
    )


# redact ------------------------------------------------------------------------------------


def cmd_redact(args) -> int:
    from bot.privacy import redact

    if args.source != "-":
        print(redact(args.source).text)
        return EXIT_OK
    for line in sys.stdin:
        sys.stdout.write(redact(line.rstrip("\n")).text + "\n")
        sys.stdout.flush()
    return EXIT_OK


# faq ---------------------------------------------------------------------------------------


def cmd_faq_lint(args) -> int:
    directory = args.directory or _faq_dir(args)
    problems = lint(directory)
    if problems:
        for problem in problems:
            print(problem)
        print(f"{len(problems)} problem(s) in {directory}", file=sys.stderr)
        return EXIT_PROBLEM
    faq = load_faq(directory)
    phrasings = sum(len(e.phrasings) for e in faq)
    print(f"ok: {len(faq)} entries, {phrasings} phrasings in {directory}")
    return EXIT_OK


def cmd_faq_drafts(args) -> int:
    from pathlib import Path

    from bot.drafts import write_drafts

    service = _service(args)
    out = Path(args.out) if args.out else Path(_faq_dir(args)) / "drafts"
    written = write_drafts(service, out)
    for path in written:
        print(path)
    print(f"{len(written)} draft(s) written to {out}" if written else "no new proposals to draft", file=sys.stderr)
    return EXIT_OK


# the queue and the records -----------------------------------------------------------------


def cmd_queue(args) -> int:
    service = _service(args)
    queue = service.queue()
    if args.json:
        for e in queue:
            print(json.dumps({
                "id": e.id, "state": e.state, "urgent": e.urgent, "created_at": e.created_at,
                "claimed_by": e.claimed_by, "question": e.question.text if e.question else None,
            }))
        return EXIT_OK
    if not queue:
        print("The advisor queue is empty.")
    for e in queue:
        who = f" by {e.claimed_by}" if e.claimed_by else ""
        urgent = " URGENT" if e.urgent else ""
        text = e.question.text if e.question else "(question purged)"
        print(f"#{e.id} {e.created_at} {e.state}{who}{urgent}\n    {text[:200]}")
    return EXIT_OK


def parse_age(value: str):
    """'365d', '52w', '12m' or '1y' as a timedelta (months are 30 days, years 365)."""
    import datetime as dt
    import re

    found = re.fullmatch(r"\s*(\d+)\s*([dwmy]?)\s*", value or "")
    if not found:
        raise CliError(f"cannot read the age {value!r}: use a number of days such as 365d (or 52w, 12m, 1y)", EXIT_USAGE)
    number, unit = int(found.group(1)), found.group(2) or "d"
    return dt.timedelta(days=number * {"d": 1, "w": 7, "m": 30, "y": 365}[unit])


def cmd_purge(args) -> int:
    import datetime as dt

    settings = _settings()
    age = parse_age(args.older_than) if args.older_than else dt.timedelta(days=settings.retention_days)
    before = (dt.datetime.now(dt.timezone.utc) - age).isoformat(timespec="seconds")
    counts = _store(settings).purge(before)
    print(f"purged {counts['questions']} question(s), {counts['escalations']} escalation(s) and "
          f"{counts['feedback']} rating(s) recorded before {before}")
    return EXIT_OK


def cmd_export(args) -> int:
    from bot.export import ADVICE_RECORD_COLUMNS, write_csv

    rows = _store().advice_record(since=args.since.isoformat() if args.since else None)
    out = open(args.output, "w", newline="", encoding="utf-8") if args.output else sys.stdout
    try:
        write_csv(rows, ADVICE_RECORD_COLUMNS, out)
    finally:
        if args.output:
            out.close()
    if args.output:
        print(f"{len(rows)} record(s) written to {args.output}", file=sys.stderr)
    return EXIT_OK


# Slack: serve, digest, clock ---------------------------------------------------------------


def _require(settings: Settings, doing: str, names: dict[str, str | None]) -> None:
    missing = [name for name, value in names.items() if not value]
    if missing:
        raise CliError(f"cannot {doing}: set {', '.join(missing)} (see {README_SLACK_SECTION}).")


def cmd_serve(args) -> int:
    settings = _settings()
    missing = settings.missing_for_serving(http=args.http)
    _require(settings, "start the Slack bot", {name: None for name in missing})
    from bot.slack.serve import run

    return run(settings, _service(args, settings), http=args.http, port=args.port)


def cmd_digest(args) -> int:
    if args.week and args.since:
        raise CliError("give --week or --since, not both", EXIT_USAGE)
    settings = _settings()
    if args.post:
        _require(settings, "post the digest",
                 {"SLACK_BOT_TOKEN": settings.bot_token, "CANISHARE_DIGEST_CHANNEL": settings.digest_channel})
    from bot import digest

    service = _service(args, settings)
    try:
        week = args.week or (digest.iso_week(args.since) if args.since else digest.previous_week())
        report = digest.build_digest(service.store, service.faq, week)
    except ValueError as error:
        raise CliError(str(error), EXIT_USAGE) from error
    if not args.post:
        print(digest.render_json(report) if args.format == "json" else digest.render_markdown(report))
        return EXIT_OK
    from bot.slack.digest import post_digest

    print(post_digest(settings, service.store, report, force=args.force))
    return EXIT_OK


def cmd_clock(args) -> int:
    settings = _settings()
    _require(settings, "run the digest clock",
             {"SLACK_BOT_TOKEN": settings.bot_token, "CANISHARE_DIGEST_CHANNEL": settings.digest_channel})
    from bot.slack.digest import run_clock

    return run_clock(settings, _service(args, settings))


# eval --------------------------------------------------------------------------------------


def cmd_eval(args) -> int:
    from bot.evaluation import evaluate, load_labelled, unknown_topics

    try:
        items = load_labelled(args.file)
    except (OSError, ValueError) as error:
        raise CliError(str(error)) from error
    matcher = _matcher(args)
    unknown = unknown_topics(matcher, items)
    if unknown:
        print(f"warning: topics not in the FAQ: {', '.join(unknown)}", file=sys.stderr)
    report = evaluate(matcher, items, progress=_progress_bar(len(items)))
    figures = report.figures()
    if args.json:
        print(json.dumps({name: {"n": n, "of": of, "rate": round(n / of, 4) if of else None}
                          for name, (n, of) in figures.items()}))
        return EXIT_OK
    print(f"{len(items)} questions ({sum(1 for i in items if i.topic != 'none')} with a topic), "
          f"thresholds {matcher.thresholds}")
    for name, (n, of) in figures.items():
        print(f"  {name:<22} {n:>4}/{of:<4} {100 * n / of if of else 0:6.1f} %")
    print("  decisions: " + ", ".join(f"{k} {v}" for k, v in report.decisions().items()))
    mistakes = report.mistakes()
    if mistakes:
        print(f"\n{len(mistakes)} not correct (expected -> decision: offered / best):")
        for o in mistakes:
            mark = "WRONG ANSWER " if o.wrong_answer else ""
            offered = ",".join(o.offered_ids) or "-"
            best = o.ranked_ids[0] if o.ranked_ids else "-"
            print(f"  {mark}{o.item.topic} -> {o.match.decision} {o.match.score:.1f}: {offered} / {best}\n"
                  f"      {o.item.question[:110]}")
    return EXIT_OK


def _progress_bar(total: int):
    if not sys.stderr.isatty() or total < 50:
        return lambda done: None

    def show(done: int) -> None:
        filled = int(30 * done / total)
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (30 - filled)}] {done}/{total}")
        if done == total:
            sys.stderr.write("\r" + " " * 50 + "\r")
        sys.stderr.flush()

    return show


if __name__ == "__main__":
    sys.exit(main())
