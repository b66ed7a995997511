"""Every documented command given bad input, or meeting a failing Slack, says in one line what went
wrong and what to do, with the README's exit code, and never shows a traceback."""

import os
import socket

import pytest

from bot.cli import main
from bot.failures import EXIT_PROBLEM, EXIT_SLACK, EXIT_USAGE
from bot.store import Store

import slack_harness as h
from faq_factory import entry, write_faq


@pytest.fixture
def env(tmp_path, monkeypatch):
    for name in ("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET", "CANISHARE_ADVISOR_CHANNEL",
                 "CANISHARE_DIGEST_CHANNEL", "CANISHARE_FAQ_DIR", "SLACK_API_URL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("CANISHARE_DB", str(tmp_path / "cli.db"))
    monkeypatch.chdir(tmp_path)
    Store(tmp_path / "cli.db").close()  # the bot's database, as `canishare serve` leaves it
    return tmp_path


def one_line_error(capsys) -> str:
    err = capsys.readouterr().err
    assert "Traceback" not in err, err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("canishare: "), err
    return lines[0]


def test_export_to_a_folder_that_does_not_exist(env, capsys):
    assert main(["export", "-o", str(env / "missing" / "x.csv")]) == EXIT_PROBLEM
    assert "no such file or folder" in one_line_error(capsys)


def test_export_to_a_folder_instead_of_a_file(env, capsys):
    assert main(["export", "-o", str(env)]) == EXIT_PROBLEM
    assert "is a folder: give a file name" in one_line_error(capsys)


@pytest.mark.parametrize("age", ["999999999y", "1e400d", "-5d", "forever"])
def test_purge_with_an_absurd_age(env, capsys, age):
    assert main(["purge", f"--older-than={age}"]) == EXIT_USAGE
    one_line_error(capsys)


@pytest.mark.parametrize("week", ["2026-W99", "99999-W01", "W47", "2026-W00"])
def test_digest_for_an_absurd_week(env, capsys, week):
    assert main(["digest", "--week", week]) == EXIT_USAGE
    one_line_error(capsys)


def test_eval_on_malformed_yaml(env, capsys):
    (env / "bad.yaml").write_text("- q: [unclosed\n  topic: none\n", encoding="utf-8")
    assert main(["eval", str(env / "bad.yaml")]) == EXIT_PROBLEM
    assert "not valid YAML at line" in one_line_error(capsys)


def test_faq_lint_on_an_impossible_date(env, capsys):
    faq = write_faq(env / "faq", {"basics.yaml": [entry(last_reviewed="2026-02-30")]})
    assert main(["faq", "lint", str(faq)]) == EXIT_PROBLEM
    out = capsys.readouterr()
    assert "Traceback" not in out.err + out.out and "last_reviewed" in out.out + out.err


def test_the_reloader_logs_a_rejected_edit_and_keeps_the_last_good_faq(env, caplog):
    from bot.faq import ReloadingFaq

    faq_dir = write_faq(env / "faq", {"basics.yaml": [entry()]})
    reloading = ReloadingFaq(faq_dir)
    good = reloading.current()
    (faq_dir / "basics.yaml").write_text("- id: broken\n  last_reviewed: 2026-02-30\n", encoding="utf-8")
    os.utime(faq_dir / "basics.yaml", (1, 1))  # a different modification time
    assert reloading.current() is good
    assert reloading.wait_for_reload(timeout=30)
    assert reloading.current() is good
    assert any("basics.yaml" in r.getMessage() and r.levelname in ("WARNING", "ERROR") for r in caplog.records)


@pytest.mark.parametrize("port", ["70000", "0", "-1", "http"])
def test_serve_on_a_port_out_of_range(env, capsys, port):
    with pytest.raises(SystemExit) as exit_info:
        main(["serve", "--http", "--port", port])
    assert exit_info.value.code == EXIT_USAGE and "port" in capsys.readouterr().err


def slack_env(monkeypatch, api_url):
    monkeypatch.setenv("SLACK_BOT_TOKEN", h.TEST_BOT_TOKEN)
    monkeypatch.setenv("SLACK_SIGNING_SECRET", h.TEST_SIGNING_SECRET)
    monkeypatch.setenv("CANISHARE_ADVISOR_CHANNEL", "CADV")
    monkeypatch.setenv("CANISHARE_DIGEST_CHANNEL", "CDIG")
    monkeypatch.setenv("SLACK_API_URL", api_url)


def test_serve_when_slack_refuses_connections(env, capsys, monkeypatch):
    slack_env(monkeypatch, "http://127.0.0.1:9/api/")
    assert main(["serve", "--http", "--port", "3999"]) == EXIT_SLACK
    assert "cannot reach Slack's Web API" in one_line_error(capsys)


def test_serve_on_a_port_in_use(env, capsys, monkeypatch, fake_slack):
    slack_env(monkeypatch, fake_slack.base_url)
    with socket.socket() as taken:
        taken.bind(("0.0.0.0", 0))
        taken.listen()
        assert main(["serve", "--http", "--port", str(taken.getsockname()[1])]) == EXIT_PROBLEM
    assert "already in use" in one_line_error(capsys)


def test_serve_with_a_token_slack_rejects(env, capsys, monkeypatch, fake_slack):
    slack_env(monkeypatch, fake_slack.base_url)
    fake_slack.fail_next("auth.test", error="invalid_auth")
    assert main(["serve", "--http", "--port", "3999"]) == EXIT_SLACK
    assert "SLACK_BOT_TOKEN" in one_line_error(capsys)


@pytest.mark.parametrize("error, advice", [("not_in_channel", "/invite @canishare"),
                                           ("invalid_auth", "SLACK_BOT_TOKEN"),
                                           ("channel_not_found", "channel id")])
def test_digest_post_when_slack_refuses(env, capsys, monkeypatch, fake_slack, error, advice):
    slack_env(monkeypatch, fake_slack.base_url)
    fake_slack.fail_next("chat.postMessage", error=error)
    assert main(["digest", "--post"]) == EXIT_SLACK
    line = one_line_error(capsys)
    assert error in line and advice in line


def test_digest_post_when_slack_is_unreachable(env, capsys, monkeypatch):
    slack_env(monkeypatch, "http://127.0.0.1:9/api/")
    assert main(["digest", "--post"]) == EXIT_SLACK
    assert "cannot reach Slack's Web API" in one_line_error(capsys)


def test_a_read_only_database_gets_a_permissions_message(env, capsys, monkeypatch):
    import sqlite3

    from bot.store import Store

    def read_only(*args, **kwargs):  # what SQLite says of a file this user cannot write (root can, so fake it)
        raise sqlite3.OperationalError("attempt to write a readonly database")

    monkeypatch.setattr(Store, "purge", read_only)
    assert main(["purge", "--older-than", "400d"]) == EXIT_PROBLEM
    line = one_line_error(capsys)
    assert "read-only" in line and "write permission" in line and "backup" not in line


def test_opening_a_database_this_process_cannot_write_says_so(env, capsys, monkeypatch):
    import sqlite3

    real_connect = sqlite3.connect

    class ReadOnlyConnection:
        def __init__(self, *args, **kwargs):
            self.inner = real_connect(*args, **kwargs)

        def execute(self, sql, *args):
            if sql.upper().startswith(("PRAGMA JOURNAL_MODE", "BEGIN IMMEDIATE", "INSERT", "CREATE")):
                raise sqlite3.OperationalError("attempt to write a readonly database")
            return self.inner.execute(sql, *args)

        def __getattr__(self, name):
            return getattr(self.inner, name)

    monkeypatch.setattr(sqlite3, "connect", ReadOnlyConnection)
    assert main(["purge", "--older-than", "400d"]) == EXIT_PROBLEM  # a command that writes
    line = one_line_error(capsys)
    assert "read-only" in line and "backup" not in line
    assert main(["queue"]) == 0  # one that only reads opens the file read-only, so it can still read it


@pytest.mark.parametrize("command", [["digest"], ["digest", "--post"], ["queue"], ["export"], ["purge", "--dry-run"],
                                     ["subject-access", "U1"], ["erase", "U1", "--yes"]])
def test_commands_that_read_the_records_refuse_a_database_that_is_not_there(env, capsys, monkeypatch, command):
    monkeypatch.setenv("CANISHARE_DB", str(env / "typo.db"))
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-test")
    monkeypatch.setenv("CANISHARE_DIGEST_CHANNEL", "C1")
    assert main(command) == EXIT_PROBLEM
    assert "no database at" in one_line_error(capsys) and not (env / "typo.db").exists()


@pytest.mark.parametrize("week, why", [("2099-W10", "not started"), ("9999-W52", "not started"),
                                       ("0001-W01", "before 2000"), ("", "cannot read")])
def test_digest_weeks_that_cannot_have_questions_are_usage_errors(env, capsys, week, why):
    assert main(["digest", "--week", week]) == EXIT_USAGE
    assert why in one_line_error(capsys)


def test_posting_a_week_that_is_not_over_is_refused(env, capsys, monkeypatch):
    from bot.digest.weeks import iso_week
    from bot.times import utc_now

    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-test")
    monkeypatch.setenv("CANISHARE_DIGEST_CHANNEL", "C1")
    assert main(["digest", "--week", iso_week(utc_now()), "--post"]) == EXIT_USAGE
    assert "not over yet" in one_line_error(capsys)


def test_a_digest_cut_off_after_slack_took_it_is_not_posted_again_unless_forced(env, capsys, monkeypatch, fake_slack):
    slack_env(monkeypatch, fake_slack.base_url)
    fake_slack.drop_after_receiving("chat.postMessage")
    assert main(["digest", "--post"]) == EXIT_SLACK  # the connection dropped: Slack may have it
    one_line_error(capsys)
    assert main(["digest", "--post"]) == EXIT_PROBLEM
    line = one_line_error(capsys)
    assert "may have it" in line and "--force" in line
    def main_messages():
        return [c for c in fake_slack.calls("chat.postMessage") if "thread_ts" not in c.body]

    assert len(main_messages()) == 1  # Slack took the first; the second run posted nothing
    assert main(["digest", "--post", "--force"]) == 0
    assert len(main_messages()) == 2


def test_a_details_reply_that_failed_is_posted_by_the_next_run(env, capsys, monkeypatch, fake_slack):
    import bot.slack.digest as posting

    slack_env(monkeypatch, fake_slack.base_url)
    real, tries = posting.post_details, []

    def flaky(*args, **kwargs):
        tries.append(1)
        if len(tries) == 1:
            raise ConnectionRefusedError("refused")  # never reached Slack: safe to send again
        return real(*args, **kwargs)

    monkeypatch.setattr(posting, "post_details", flaky)
    assert main(["digest", "--post"]) == 0
    assert "details reply failed" in capsys.readouterr().out
    assert main(["digest", "--post"]) == 0
    out = capsys.readouterr().out
    assert "already posted" in out and "owed since, was posted now" in out
    assert len([c for c in fake_slack.calls("chat.postMessage") if "thread_ts" not in c.body]) == 1
    assert main(["digest", "--post"]) == 0 and "owed since" not in capsys.readouterr().out


def test_ctrl_c_while_the_program_loads_exits_130_without_a_traceback(monkeypatch, capsys):
    import sys
    import types

    from bot.entry import run

    class Loading(types.ModuleType):
        def __getattr__(self, name):
            raise KeyboardInterrupt

    monkeypatch.setitem(sys.modules, "bot.cli", Loading("bot.cli"))
    assert run() == 130
    assert "Traceback" not in capsys.readouterr().err


def test_a_closed_standard_output_is_a_problem_not_silence(env, monkeypatch, capsys):
    import sys

    monkeypatch.setattr(sys, "stdout", None)
    assert main(["ask", "Do I need consent to share with the police?"]) == EXIT_PROBLEM
    assert "standard output is closed" in one_line_error(capsys)


@pytest.mark.parametrize("argv, why", [(["--week", "0000-W01"], "before 2000"),
                                       (["--since", "2000-01-01"], "1999-W52")])
def test_digest_week_messages_name_the_week(env, capsys, argv, why):
    assert main(["digest", *argv]) == EXIT_USAGE
    assert why in one_line_error(capsys)


RECORD_COMMANDS = [["digest"], ["digest", "--post"], ["queue"], ["export"], ["purge", "--dry-run"],
                   ["subject-access", "U1"], ["erase", "U1", "--yes"]]


@pytest.mark.parametrize("command", RECORD_COMMANDS)
def test_commands_that_read_the_records_refuse_an_empty_file(env, capsys, monkeypatch, command):
    (env / "zero.db").write_bytes(b"")
    monkeypatch.setenv("CANISHARE_DB", str(env / "zero.db"))
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-test")
    monkeypatch.setenv("CANISHARE_DIGEST_CHANNEL", "C1")
    monkeypatch.setenv("SLACK_API_URL", "http://127.0.0.1:9/api/")
    assert main(command) == EXIT_PROBLEM
    assert "zero.db' is empty" in one_line_error(capsys) and (env / "zero.db").stat().st_size == 0


@pytest.mark.parametrize("command", [*RECORD_COMMANDS, ["serve", "--http"], ["clock"]])
def test_every_command_refuses_another_applications_database(env, capsys, monkeypatch, command):
    import sqlite3

    connection = sqlite3.connect(env / "foreign.db")
    connection.execute("create table dashboards (id integer primary key, title text)")
    connection.commit()
    connection.close()
    before = (env / "foreign.db").read_bytes()
    for name, value in {"CANISHARE_DB": str(env / "foreign.db"), "SLACK_BOT_TOKEN": "xoxb-test",
                        "SLACK_SIGNING_SECRET": "s", "CANISHARE_ADVISOR_CHANNEL": "C",
                        "CANISHARE_DIGEST_CHANNEL": "C1", "SLACK_API_URL": "http://127.0.0.1:9/api/"}.items():
        monkeypatch.setenv(name, value)
    assert main(command) == EXIT_USAGE
    line = one_line_error(capsys)
    assert "CANISHARE_DB=" in line and "not a canishare database" in line and "dashboards" in line
    assert (env / "foreign.db").read_bytes() == before


def test_a_digest_run_refused_because_another_holds_it_exits_1_saying_what_to_do(env, capsys, monkeypatch, fake_slack):
    from bot.digest import weeks
    from bot.faq import load_faq
    from bot.service import Service

    slack_env(monkeypatch, fake_slack.base_url)
    week = weeks.chosen_week(None, None)
    service = Service(Store(env / "cli.db"), load_faq())
    assert service.owe_digest(week, "another-host:123:digest")[0] == "yours"  # a live run elsewhere
    assert main(["digest", "--post"]) == EXIT_PROBLEM
    line = one_line_error(capsys)
    assert "another-host:123" in line and "lease runs out at" in line and "run this again" in line
    assert fake_slack.calls("chat.postMessage") == []


BAD_API_URLS = ["slack.com", "https://slack.com api", "ftp://x/api/", "http://", "https://slack.com/\x01api/"]


@pytest.mark.parametrize("url", BAD_API_URLS)
@pytest.mark.parametrize("command", [["serve", "--http"], ["digest", "--post"], ["clock"]])
def test_a_malformed_slack_api_url_is_a_configuration_error(env, capsys, monkeypatch, url, command):
    slack_env(monkeypatch, url)
    assert main(command) == EXIT_USAGE
    line = one_line_error(capsys)
    assert "SLACK_API_URL=" in line and "https://slack.com/api/" in line and "bug" not in line
    assert Store(env / "cli.db").outbox_counts() == {}  # nothing owed, nothing marked "may have been posted"


def test_a_malformed_slack_api_url_does_not_stop_offline_record_commands(env, capsys, monkeypatch):
    monkeypatch.setenv("SLACK_API_URL", "slack.com")
    assert main(["export"]) == 0


def test_a_digest_post_that_fails_before_sending_stays_owed(env, capsys, monkeypatch, fake_slack):
    from bot.config import Settings
    from bot.digest import weeks
    from bot.faq import load_faq
    from bot.service import Service
    from bot.slack.digest import post_digest

    class UnsendableClient:
        def chat_postMessage(self, **kwargs):
            raise ValueError("unknown url type: 'slack.com/chat.postMessage'")  # raised before sending

    settings = Settings(db_path=str(env / "cli.db"), bot_token="xoxb-test", digest_channel="CDIG",
                        api_url=fake_slack.base_url)
    service = Service(Store(env / "cli.db"), load_faq())
    digest = service.digest(weeks.chosen_week(None, None))
    with pytest.raises(ValueError):
        post_digest(settings, service, digest, client=UnsendableClient())
    assert service.store.owed_latest(f"digest:{digest.week}").state == "pending"  # not "uncertain"
    slack_env(monkeypatch, fake_slack.base_url)
    assert main(["digest", "--post"]) == 0 and "Posted the digest" in capsys.readouterr().out


@pytest.mark.parametrize("bot, app, named, needs", [
    ("xapp-1-swapped", "xoxb-swapped", "SLACK_BOT_TOKEN holds an app-level token", "xoxb-"),
    ("xoxb-good", "xoxb-good", "SLACK_APP_TOKEN holds a bot token", "xapp-"),
    ("xoxp-user", "xapp-1-good", "SLACK_BOT_TOKEN holds a user token", "xoxb-"),
])
def test_a_token_in_the_wrong_slot_is_refused_before_connecting(env, capsys, monkeypatch, bot, app, named, needs):
    slack_env(monkeypatch, "http://127.0.0.1:9/api/")  # nothing may be reached
    monkeypatch.setenv("SLACK_BOT_TOKEN", bot)
    monkeypatch.setenv("SLACK_APP_TOKEN", app)
    assert main(["serve"]) == EXIT_USAGE
    line = one_line_error(capsys)
    assert named in line and f"starting {needs}" in line and "Troubleshooting" in line


@pytest.mark.parametrize("error, named, not_named", [("invalid_auth", "SLACK_APP_TOKEN", "SLACK_BOT_TOKEN"),
                                                     ("not_allowed_token_type", "SLACK_APP_TOKEN", "README")])
def test_socket_mode_refusals_name_the_app_token(env, capsys, monkeypatch, fake_slack, error, named, not_named):
    slack_env(monkeypatch, fake_slack.base_url)
    monkeypatch.setenv("SLACK_APP_TOKEN", "xapp-1-not-real")
    fake_slack.fail_next("apps.connections.open", error=error)
    assert main(["serve"]) == EXIT_SLACK
    line = one_line_error(capsys)
    assert named in line and not_named not in line


def test_a_privileged_port_says_so_and_names_the_port_option(env, capsys, monkeypatch, fake_slack):
    import errno

    import bot.slack.serve as serve

    def refused(*args, **kwargs):  # what bind() raises for port 80 as a normal user (root may bind it)
        raise PermissionError(errno.EACCES, "Permission denied")

    slack_env(monkeypatch, fake_slack.base_url)
    monkeypatch.setattr(serve, "make_http_server", refused)
    assert main(["serve", "--http", "--port", "80"]) == EXIT_PROBLEM
    line = one_line_error(capsys)
    assert "permission denied for the port" in line and "--port 3000" in line and "None" not in line


def test_serve_start_logs_no_warning_about_bolts_unused_token(env, capsys, monkeypatch, fake_slack, caplog):
    import bot.slack.serve as serve

    slack_env(monkeypatch, fake_slack.base_url)
    monkeypatch.setattr(serve, "serve_http", lambda *args, **kwargs: None)
    assert main(["serve", "--http", "--port", "3999"]) == 0
    assert not [r for r in caplog.records if "will be unused" in r.getMessage()]


@pytest.mark.parametrize("variables, named", [
    ({"CANISHARE_ANSWER_SCORE": "0.95"}, "CANISHARE_ANSWER_SCORE=0.95 is below the fitted default suggest score"),
    ({"CANISHARE_ANSWER_SCORE": "30", "CANISHARE_SUGGEST_SCORE": "40"},
     "CANISHARE_ANSWER_SCORE=30 is below CANISHARE_SUGGEST_SCORE=40"),
    ({"CANISHARE_SUGGEST_SCORE": "99.5"}, "the fitted default answer score"),
])
def test_crossed_thresholds_name_the_variables_set_and_the_scale(env, capsys, monkeypatch, variables, named):
    for name, value in variables.items():
        monkeypatch.setenv(name, value)
    assert main(["ask", "consent?"]) == EXIT_USAGE
    line = one_line_error(capsys)
    assert named in line and "0 to 100" in line


def test_a_database_from_a_newer_canishare_says_to_upgrade(env, capsys):
    import sqlite3

    from bot.store import SCHEMA_VERSION

    connection = sqlite3.connect(env / "cli.db")
    connection.execute(f"pragma user_version = {SCHEMA_VERSION + 90}")
    connection.close()
    assert main(["queue"]) == EXIT_PROBLEM
    line = one_line_error(capsys)
    assert "newer canishare" in line and "upgrade canishare" in line


def test_a_database_path_that_is_a_folder_says_so(env, capsys, monkeypatch):
    (env / "dir.db").mkdir()
    monkeypatch.setenv("CANISHARE_DB", str(env / "dir.db"))
    assert main(["queue"]) == EXIT_USAGE
    assert "dir.db' is a folder" in one_line_error(capsys)
