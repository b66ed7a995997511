"""The ``canishare`` command line. Its output formats are a contract (see README, "Command line")."""

from __future__ import annotations

import argparse
import dataclasses
import logging
import sys
from typing import Sequence

from bot import __version__
from bot.cli_questions import cmd_ask, cmd_eval, cmd_redact
from bot.config import MIN_RETENTION_DAYS, README_SLACK_SECTION, Settings, SettingsError, retention_too_short
from bot.failures import EXIT_INTERRUPTED, EXIT_OK, EXIT_PROBLEM, EXIT_USAGE, CliError
from bot.faq import FaqError, lint, load_faq

# Which settings a command depends on (see ``Settings.check``): a badly written value of any other
# cannot stop it, so that a Slack setting never stops an offline command.
NO_SETTINGS = {"fields": ()}
MATCHER_SETTINGS = {"fields": ("thresholds",)}
# commands that read or export the records use none of these (nor the retention period: purge is its own
# command), so a mistake in one cannot block a subject access request or an erasure
RECORD_SETTINGS = {"ignore": ("thresholds", "api_url", "bot_token", "app_token", "signing_secret", "retention_days")}
PURGE_SETTINGS = {"ignore": ("thresholds", "api_url", "bot_token", "app_token", "signing_secret")}
ALL_SETTINGS: dict = {}
NEW_FILE_HELP = ("created readable by you alone; never the database, never through a symbolic link, "
                 "an existing file only with --force")
log = logging.getLogger(__name__)


def _purge_settings(args) -> dict:
    """purge --older-than does not use CANISHARE_RETENTION_DAYS, so a refused value cannot stop it."""
    return RECORD_SETTINGS if args.older_than else PURGE_SETTINGS


def port_number(value: str) -> int:
    try:
        port = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a port number: use 1-65535, e.g. 3000") from None
    if not 1 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"{port} is not a port number: use 1-65535, e.g. 3000")
    return port


def _escalation_number(value: str) -> int:
    if not value.strip().isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not an escalation number: use the N of #N, e.g. 12")
    return int(value)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "handler"):
        parser.print_help()
        return EXIT_USAGE
    if sys.stdout is None and args.handler not in (cmd_serve, cmd_clock):  # "canishare ... >&-"
        print("canishare: standard output is closed, so nothing could be written: run it without >&-",
              file=sys.stderr)
        return EXIT_PROBLEM
    settings = None
    try:
        settings = _settings(args)
        return args.handler(args, settings) or EXIT_OK
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
        return EXIT_INTERRUPTED
    except Exception as error:  # noqa: BLE001 - every failure becomes one line, never a traceback
        if args.traceback:
            raise
        from bot.failures import describe

        line, code = describe(error, database=settings.db_path if settings else None, explain_slack=_explain_slack)
        print(f"canishare: {line}", file=sys.stderr)
        return code


def _explain_slack(error: BaseException) -> str | None:
    from bot.slack.failures import explain_slack  # imported only when a failure may be Slack's

    return explain_slack(error)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="canishare",
        description="Answer 'can I share this?' questions from the curated FAQ; run the Slack bot.",
    )
    parser.add_argument("--version", action="version", version=f"canishare {__version__}")
    parser.add_argument("--traceback", action="store_true", help="on an error, show the full traceback")
    parser.add_argument("--faq-dir", help="FAQ directory (default: $CANISHARE_FAQ_DIR or the bundled faq/)")
    commands = parser.add_subparsers(metavar="COMMAND")

    ask = commands.add_parser("ask", help="answer a question from the FAQ")
    ask.add_argument("question", help="the question, or - to read one question per line from stdin")
    ask.add_argument("--json", action="store_true", help="print one JSON object per question")
    ask.add_argument("--explain", action="store_true", help="show why the matcher decided as it did")
    ask.add_argument("--nation", type=_nation, metavar="NATION",
                     help="answer for england, wales, scotland or northern-ireland (default: $CANISHARE_NATION)")
    ask.set_defaults(handler=cmd_ask, uses=MATCHER_SETTINGS)

    redact = commands.add_parser("redact", help="remove personal identifiers from text")
    redact.add_argument("source", help="- to read lines from stdin, or the text itself")
    redact.set_defaults(handler=cmd_redact, uses=NO_SETTINGS)

    faq = commands.add_parser("faq", help="work on the FAQ files").add_subparsers(metavar="ACTION")
    faq_lint = faq.add_parser("lint", help="check the FAQ files; exit 1 on any problem")
    faq_lint.add_argument("directory", nargs="?", help="FAQ directory (default: the configured one)")
    faq_lint.add_argument("--db", metavar="PATH",
                          help="also count the entry ids the bot's database holds (learned phrasings, ratings) as "
                               "known to `replaces` (opened read-only)")
    faq_lint.set_defaults(handler=cmd_faq_lint, uses=NO_SETTINGS)

    faq_drafts = faq.add_parser("drafts", help="write advisors' proposed new entries as YAML for review")
    faq_drafts.add_argument("--out",
                            help="folder for the drafts (default: FAQ_DIR/drafts; ./faq-drafts for an installed FAQ)")
    which = faq_drafts.add_mutually_exclusive_group()
    which.add_argument("--again", action="store_true", help="write every proposal again, drafted before or not")
    which.add_argument("--escalation", type=_escalation_number, metavar="N",
                       help="write escalation N's proposal (again)")
    faq_drafts.set_defaults(handler=cmd_faq_drafts, uses=ALL_SETTINGS)

    queue = commands.add_parser("queue", help="list open and claimed escalations, oldest first")
    queue.add_argument("--json", action="store_true", help="print the escalations as JSON")
    queue.set_defaults(handler=cmd_queue, uses=ALL_SETTINGS)

    purge = commands.add_parser("purge", help="delete stored questions older than the retention period")
    purge.add_argument("--older-than", default=None, metavar="AGE",
                       help="e.g. 365d, 52w or 1y: d is 24 hours, w 7 days, y 365 days; months are refused "
                            "(they differ in length) (default: $CANISHARE_RETENTION_DAYS, 365 days)")
    purge.add_argument("--dry-run", action="store_true", help="say what would be deleted; delete nothing")
    purge.add_argument("--force", action="store_true", help=f"allow an age under {MIN_RETENTION_DAYS} days")
    purge.add_argument("--include-queue", action="store_true",
                       help="delete old questions still in the advisor queue too (their askers are not told)")
    purge.set_defaults(handler=cmd_purge, uses=_purge_settings)

    export = commands.add_parser("export", help="write the advice record (or decision records) as CSV")
    export.add_argument("--decisions", action="store_true",
                        help="write practitioners' decision records instead of the advice record")
    export.add_argument("--since", type=_date, help="first day to include, YYYY-MM-DD")
    export.add_argument("--output", "-o", help=f"file to write (default: standard output); {NEW_FILE_HELP}")
    export.add_argument("--force", action="store_true", help="with -o: overwrite FILE if it exists")
    export.set_defaults(handler=cmd_export, uses=RECORD_SETTINGS)

    access = commands.add_parser("subject-access", help="write everything held about one Slack user as JSON")
    access.add_argument("user", metavar="USER_ID", help="the person's Slack user id, e.g. U0123ABCD")
    access.add_argument("--output", "-o", help=f"file to write (default: standard output); {NEW_FILE_HELP}")
    access.add_argument("--force", action="store_true", help="with -o: overwrite FILE if it exists")
    access.set_defaults(handler=cmd_subject_access, uses=RECORD_SETTINGS)

    erase = commands.add_parser("erase", help="erase one Slack user's questions, ratings and records")
    erase.add_argument("user", metavar="USER_ID", help="the person's Slack user id, e.g. U0123ABCD")
    erase.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    erase.set_defaults(handler=cmd_erase, uses=RECORD_SETTINGS)

    migrate = commands.add_parser("migrate", help="upgrade the database to this version's schema")
    migrate.set_defaults(handler=cmd_migrate, uses=RECORD_SETTINGS)

    restore = commands.add_parser("restore", help="put a backup back in place of the database (stop the bot first)")
    restore.add_argument("backup", metavar="BACKUP_FILE", help="a backup made with sqlite3 .backup or VACUUM INTO")
    restore.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    restore.set_defaults(handler=cmd_restore, uses=RECORD_SETTINGS)

    serve = commands.add_parser("serve", help="run the Slack bot (Socket Mode, or HTTP with --http)")
    serve.add_argument("--http", action="store_true", help="serve Slack's HTTP requests on /slack/events")
    serve.add_argument("--port", type=port_number, default=3000, help="HTTP port, 1-65535 (default 3000)")
    serve.set_defaults(handler=cmd_serve, uses=ALL_SETTINGS)

    digest = commands.add_parser("digest", help="print (or post) the weekly digest")
    which_week = digest.add_mutually_exclusive_group()
    which_week.add_argument("--week", help="ISO week such as 2026-W47 (default: the week before this one)")
    which_week.add_argument("--since", type=_date,
                            help="the ISO week containing this date (YYYY-MM-DD), not every week since it")
    digest.add_argument("--format", choices=("markdown", "json"), default="markdown",
                        help="markdown (default) or json")
    digest.add_argument("--post", action="store_true", help="post to $CANISHARE_DIGEST_CHANNEL, once per week")
    digest.add_argument("--force", action="store_true", help="with --post: post again even if already posted")
    digest.set_defaults(handler=cmd_digest, uses=ALL_SETTINGS)

    clock = commands.add_parser(
        "clock", help="post the digest every Monday 09:00 Europe/London (a long-running process)")
    clock.set_defaults(handler=cmd_clock, uses=ALL_SETTINGS)

    evaluate = commands.add_parser("eval", help="score the matcher on a labelled {q, topic, also?} YAML list")
    evaluate.add_argument("file", help="the labelled questions: a YAML list of {q, topic, also?}")
    evaluate.add_argument("--json", action="store_true", help="print the figures as JSON")
    evaluate.set_defaults(handler=cmd_eval, uses=MATCHER_SETTINGS)

    return parser


def _settings(args) -> Settings:
    """The settings, read once: the environment, with --faq-dir over CANISHARE_FAQ_DIR."""
    try:
        settings = Settings.from_env()
        if args.faq_dir:
            settings = dataclasses.replace(settings, faq_dir=args.faq_dir)
        return settings.check(**(args.uses(args) if callable(args.uses) else args.uses))
    except SettingsError as error:
        raise CliError(str(error), EXIT_USAGE) from error


def configure_logging() -> None:
    """For the long-running commands (serve, clock): INFO lines to standard error. The library
    modules only log; this is the one place that says where to."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")


def _date(value: str):
    import datetime as dt

    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in YYYY-MM-DD form: {value!r}") from None


def _nation(value: str) -> str:
    from bot.nations import UnknownNation, parse_nation

    try:
        return parse_nation(value) or ""
    except UnknownNation as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _service(settings: Settings, faq: bool = True, must_exist: bool = True, read_only: bool = False):
    """The service on the settings' database. A command that reads what the bot stored (every one but
    ``serve`` and ``clock``) refuses a database that is not there or is empty: a wrong CANISHARE_DB or
    working directory would otherwise answer from a new, empty one (an empty digest posted, "nothing
    held" in a subject access request). Any command refuses a folder or another application's file.
    A command that only reads (``read_only``) opens the file read-only and refuses one from an older
    canishare rather than upgrade it (exit 2, naming ``canishare migrate``)."""
    from bot.service import Service
    from bot.store import OlderDatabase, StoreError, WrongDatabase

    try:
        return Service.open(settings, faq=faq, create=not must_exist, read_only=read_only)
    except (WrongDatabase, OlderDatabase) as error:
        raise CliError(str(error), EXIT_USAGE) from error
    except StoreError as error:
        raise CliError(str(error)) from error


# faq ---------------------------------------------------------------------------------------


def cmd_faq_lint(args, settings: Settings) -> int:
    directory = args.directory or settings.faq_dir
    problems = lint(directory, recorded_ids=_recorded_entry_ids(args.db, settings) if args.db else None)
    for problem in problems:
        print(problem)
    failing = [p for p in problems if not p.warning]  # warnings are shown but do not fail lint
    if failing:
        print(f"{len(failing)} problem(s) in {directory}", file=sys.stderr)
        return EXIT_PROBLEM
    faq = load_faq(directory, check_near_duplicates=False)  # lint has just checked them
    phrasings = sum(len(e.phrasings) for e in faq)
    warned = f", {len(problems)} warning(s)" if problems else ""
    print(f"ok: {len(faq)} entries, {phrasings} phrasings in {directory}{warned}")
    return EXIT_OK


def _recorded_entry_ids(database: str, settings: Settings) -> set[str]:
    service = _service(dataclasses.replace(settings, db_path=database), faq=False, read_only=True)
    try:
        return service.recorded_entry_ids()
    finally:
        service.close_database()


def cmd_faq_drafts(args, settings: Settings) -> int:
    from bot.cli_drafts import drafts_command

    return drafts_command(_service(settings), settings.faq_dir, args.out, args.again, args.escalation)


# the queue and the records -----------------------------------------------------------------


def cmd_queue(args, settings: Settings) -> int:
    from bot.cli_queue import print_queue

    return print_queue(_service(settings, read_only=True), args.json)


def parse_age(value: str):
    """A duration (bot.times.parse_duration: 365d, 52w, 1y …) as a timedelta; a usage error if unreadable."""
    from bot.times import DurationError, parse_duration

    try:
        return parse_duration(value)
    except DurationError as error:
        raise CliError(str(error), EXIT_USAGE) from None


def cmd_purge(args, settings: Settings) -> int:
    import datetime as dt

    from bot.times import stored, utc_now

    age = parse_age(args.older_than) if args.older_than else dt.timedelta(days=settings.retention_days)
    if age < dt.timedelta(days=MIN_RETENTION_DAYS) and not (args.force or args.dry_run):
        given = f"--older-than {args.older_than}" if args.older_than else f"CANISHARE_RETENTION_DAYS={age.days}"
        raise CliError(f"{retention_too_short(given, age / dt.timedelta(days=1))}: add --force to delete them "
                       "anyway (--dry-run first shows what would go)", EXIT_USAGE)
    before = stored(utc_now() - age)
    counts = _service(settings, faq=False, read_only=args.dry_run).purge(
        before, dry_run=args.dry_run, include_queue=args.include_queue)
    print(purge_report(counts, before, args.dry_run))
    return EXIT_OK


def purge_report(counts: dict, before: str, dry_run: bool) -> str:
    verb = "would delete" if dry_run else "purged"
    said = (f"{verb} {counts['questions']} question(s), {counts['escalations']} escalation(s), "
            f"{counts['follow_ups']} follow-up(s), {counts['feedback']} rating(s), "
            f"{counts['decision_records']} decision record(s), {counts['learned_phrasings']} learned phrasing(s) "
            f"and {counts['audit']} audit row(s) recorded before {before}")
    if not counts["kept_in_queue"]:
        return said
    return (f"{said}\nkept {counts['kept_in_queue']} older question(s) still in the advisor queue (the oldest asked "
            f"{counts['oldest_kept']}): answer or close them (canishare queue), or add --include-queue to delete "
            "them too")


def cmd_export(args, settings: Settings) -> int:
    from bot.cli_output import operator_output
    from bot.export import ADVICE_RECORD_COLUMNS, DECISION_RECORD_COLUMNS, decision_record_rows, write_csv

    service = _service(settings, faq=False, read_only=True)
    since = args.since.isoformat() if args.since else None
    if args.decisions:
        rows, columns = decision_record_rows(service.all_decision_records(since=since)), DECISION_RECORD_COLUMNS
    else:
        rows, columns = service.advice_record(since=since), ADVICE_RECORD_COLUMNS
    out = operator_output(args.output, settings.db_path, args.force, newline="") if args.output else sys.stdout
    try:
        write_csv(rows, columns, out)
    finally:
        if args.output:
            out.close()
    if args.output:
        print(f"{len(rows)} record(s) written to {args.output}", file=sys.stderr)
    return EXIT_OK


def cmd_subject_access(args, settings: Settings) -> int:
    from bot.subject_rights import subject_access_command

    return subject_access_command(_service(settings, faq=False, read_only=True), args.user, args.output,
                                  settings.db_path, args.force)


def cmd_erase(args, settings: Settings) -> int:
    from bot.subject_rights import erase_command

    return erase_command(_service(settings, faq=False), args.user, args.yes)


def cmd_migrate(args, settings: Settings) -> int:
    """The one command besides the bot's own that upgrades the database; the reading ones never do."""
    service = _service(settings, faq=False)
    upgraded_from, version = service.schema_upgrade()
    damage = service.damage()
    if damage:
        from bot.failures import damaged_database

        raise CliError(damaged_database(settings.db_path, damage))
    if upgraded_from is None:
        print(f"{settings.db_path} is up to date (schema {version}); nothing changed")
    else:
        print(f"upgraded {settings.db_path} from schema {upgraded_from} to {version}")
    return EXIT_OK


def cmd_restore(args, settings: Settings) -> int:
    from bot.cli_restore import restore_command

    return restore_command(args.backup, settings.db_path, args.yes)


# Slack: serve, digest, clock ---------------------------------------------------------------


def _require(settings: Settings, doing: str, names: dict[str, str | None]) -> None:
    missing = [name for name, value in names.items() if not value]
    if missing:
        raise CliError(f"cannot {doing}: set {', '.join(missing)} (see {README_SLACK_SECTION}).")


def log_opening(service) -> None:
    """The start-up log's first word on the database: which file, its schema, and whether others can read it."""
    from bot.private_files import exposure_warning

    line, path = service.opening()
    log.info("%s", line)
    if path != ":memory:" and (warning := exposure_warning(path)):
        log.warning("%s", warning)


def cmd_serve(args, settings: Settings) -> int:
    missing = settings.missing_for_serving(http=args.http)
    _require(settings, "start the Slack bot", {name: None for name in missing})
    from bot.slack.serve import run

    configure_logging()  # before the FAQ loads: a large one takes seconds, and says so
    service = _service(settings, must_exist=False)
    log_opening(service)
    return run(settings, service, http=args.http, port=args.port)


def cmd_digest(args, settings: Settings) -> int:
    if args.post:
        _require(settings, "post the digest",
                 {"SLACK_BOT_TOKEN": settings.bot_token, "CANISHARE_DIGEST_CHANNEL": settings.digest_channel})
    from bot.digest import as_json, markdown, weeks

    try:
        week = weeks.chosen_week(args.week, args.since)
    except ValueError as error:
        raise CliError(str(error), EXIT_USAGE) from error
    if args.post and not weeks.week_over(week):
        raise CliError(f"{week} is not over yet: a week's digest is posted once, after it ends (print it without "
                       "--post to see it so far)", EXIT_USAGE)
    service = _service(settings, read_only=not args.post)  # a preview only reads
    if not args.post:
        report = service.digest(week, _channel_names(settings))
        print(as_json.render_json(report) if args.format == "json" else markdown.render_markdown(report))
        return EXIT_OK
    report = service.digest(week)  # Slack names the channels itself
    from bot.slack.digest import DigestInHand, DigestMayBePosted, post_digest

    try:
        print(post_digest(settings, service, report, force=args.force))
    except (DigestMayBePosted, DigestInHand) as error:
        raise CliError(str(error)) from None
    return EXIT_OK


def _channel_names(settings: Settings):
    """With a Slack token, the printed digest names its channels (asking Slack); without, it gives ids."""
    if not settings.bot_token:
        return None
    from bot.slack.channel_names import channel_names

    return channel_names(settings)


def cmd_clock(args, settings: Settings) -> int:
    _require(settings, "run the digest clock",
             {"SLACK_BOT_TOKEN": settings.bot_token, "CANISHARE_DIGEST_CHANNEL": settings.digest_channel})
    from bot.slack.digest import run_clock

    configure_logging()
    service = _service(settings, must_exist=False)
    log_opening(service)
    return run_clock(settings, service)



if __name__ == "__main__":
    sys.exit(main())
