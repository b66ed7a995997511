"""The command line's record-keeping commands: queue, purge, export, faq drafts, and start-up checks."""

import csv
import io
import json

import pytest

from bot.cli import main, parse_age
from bot.faq import load_faq
from bot.records import Where
from bot.service import Service
from bot.store import Store

ADVISORS = {"A1"}


@pytest.fixture
def env(tmp_path, monkeypatch):
    for name in ("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET", "CANISHARE_ADVISOR_CHANNEL",
                 "CANISHARE_DIGEST_CHANNEL", "CANISHARE_FAQ_DIR"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("CANISHARE_DB", str(tmp_path / "records.db"))
    monkeypatch.chdir(tmp_path)  # no stray .env
    Store(tmp_path / "records.db").close()  # the bot's database, as `canishare serve` leaves it
    return tmp_path


def seeded(env, clock_value="2026-11-20T09:00:00+00:00"):
    clock = {"now": clock_value}
    service = Service(Store(env / "records.db", clock=lambda: clock["now"]), load_faq())
    return service, clock


def test_queue_lists_open_escalations_oldest_first(env, capsys):
    service, clock = seeded(env)
    service.ask("the panel wants tenancy notes, Jo on 07700 900123", "U1", Where("dm", "D1"), escalate=True)
    clock["now"] = "2026-11-21T09:00:00+00:00"
    service.ask("another unusual question about allotments", "U2", Where("dm", "D2"), escalate=True)
    assert main(["queue"]) == 0
    out = capsys.readouterr().out
    assert out.index("#1 ") < out.index("#2 ") and "[phone]" in out and "07700" not in out
    assert main(["queue", "--json"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["id"] for r in rows] == [1, 2] and rows[0]["state"] == "open"


def test_empty_queue_says_so(env, capsys):
    assert main(["queue"]) == 0
    assert "empty" in capsys.readouterr().out


def test_purge_deletes_what_is_older_than_the_age(env, capsys):
    service, clock = seeded(env, "2020-01-01T00:00:00+00:00")
    service.ask("an old question", "U1")
    clock["now"] = "2999-01-01T00:00:00+00:00"
    service.ask("a question from the future", "U1")
    assert main(["purge", "--older-than", "52w"]) == 0
    assert "purged 1 question(s)" in capsys.readouterr().out
    assert [q.text for q in service.store.questions()] == ["a question from the future"]


@pytest.mark.parametrize("value, days", [("365d", 365), ("52w", 364), ("1y", 365), ("30 days", 30),
                                         ("1y2w", 379)])
def test_ages(value, days):
    assert parse_age(value).days == days


def test_bad_age_is_a_usage_error(env, capsys):
    assert main(["purge", "--older-than", "a while"]) == 2
    assert "365d" in capsys.readouterr().err


def test_export_writes_the_advice_record_as_csv(env, capsys):
    service, clock = seeded(env)
    result = service.ask("the panel wants tenancy notes", "U1", Where("dm", "D1"), escalate=True)
    escalation = result.escalation
    service.answer(escalation.id, "A1", ADVISORS, "Share the minimum, under your agreement.")
    clock["now"] = "2026-11-25T09:00:00+00:00"
    service.ask("How long do we have to report a personal data breach?", "U2")
    assert main(["export", "--since", "2026-11-01"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [r["question"] for r in rows] == ["the panel wants tenancy notes",
                                             "How long do we have to report a personal data breach?"]
    assert rows[0]["advisor_answer"] == "Share the minimum, under your agreement." and rows[0]["advisor"] == "A1"
    assert main(["export", "--since", "2026-11-22"]) == 0
    assert len(list(csv.DictReader(io.StringIO(capsys.readouterr().out)))) == 1


def test_export_rejects_a_bad_date(env, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["export", "--since", "last week"])
    assert exit_info.value.code == 2 and "YYYY-MM-DD" in capsys.readouterr().err


def test_faq_drafts_writes_proposals(env, capsys):
    service, _ = seeded(env)
    result = service.ask("can the allotment society see tenancy notes", "U1", escalate=True)
    service.answer(result.escalation.id, "A1", ADVISORS, "No.", propose_new=True)
    out_dir = env / "drafts"
    assert main(["faq", "drafts", "--out", str(out_dir)]) == 0
    (path,) = out_dir.glob("*.yaml")
    assert path.name == f"draft-esc-{result.escalation.id}.yaml" and str(path) in capsys.readouterr().out


@pytest.mark.parametrize(
    "argv, names",
    [
        (["serve"], ["SLACK_BOT_TOKEN", "CANISHARE_ADVISOR_CHANNEL", "SLACK_APP_TOKEN"]),
        (["serve", "--http", "--port", "8080"], ["SLACK_BOT_TOKEN", "CANISHARE_ADVISOR_CHANNEL", "SLACK_SIGNING_SECRET"]),
        (["digest", "--post"], ["SLACK_BOT_TOKEN", "CANISHARE_DIGEST_CHANNEL"]),
        (["clock"], ["SLACK_BOT_TOKEN", "CANISHARE_DIGEST_CHANNEL"]),
    ],
)
def test_slack_commands_name_the_missing_variables(env, capsys, argv, names):
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert all(name in err for name in names) and "Connect to Slack" in err


def test_corrupt_database_is_a_clear_error(env, capsys):
    (env / "records.db").write_bytes(b"garbage" * 1000)
    assert main(["queue"]) == 1
    assert "is damaged (file is not a database)" in capsys.readouterr().err


@pytest.mark.parametrize("value, expected", [("4h", 4.0), ("90min", 1.5), ("1h30min", 1.5), ("", 4.0),
                                             ("30 minutes", 0.5)])
def test_remind_after_accepts_hours_and_minutes(value, expected):
    from bot.config import Settings

    assert Settings.from_env({"CANISHARE_REMIND_AFTER": value}, dotenv="/nonexistent").remind_after_hours == expected


def test_bad_remind_after_is_a_usage_error(env, capsys, monkeypatch):
    monkeypatch.setenv("CANISHARE_REMIND_AFTER", "soonish")
    assert main(["queue"]) == 2
    assert "CANISHARE_REMIND_AFTER" in capsys.readouterr().err


@pytest.mark.parametrize("variable, value, named", [
    ("CANISHARE_ADVISOR_HOURS", "9 to 5", "CANISHARE_ADVISOR_HOURS='9 to 5'"),
    ("CANISHARE_ADVISOR_CLOSED", "25/12/2026", "CANISHARE_ADVISOR_CLOSED='25/12/2026'"),
])
def test_a_bad_working_hours_setting_stops_the_commands_that_use_it(env, capsys, monkeypatch, variable, value, named):
    monkeypatch.setenv(variable, value)
    assert main(["queue"]) == 2
    assert named in capsys.readouterr().err
    assert main(["ask", "How long do we have to report a personal data breach?"]) == 0  # offline: not used


def test_offline_commands_ignore_bad_slack_settings(env, capsys, monkeypatch):
    monkeypatch.setenv("CANISHARE_REMIND_AFTER", "soonish")
    monkeypatch.setenv("CANISHARE_RETENTION_DAYS", "1y")
    assert main(["ask", "How long do we have to report a personal data breach?"]) == 0
    assert capsys.readouterr().out.startswith("decision: ")


def test_bad_retention_is_a_usage_error(env, capsys, monkeypatch):
    monkeypatch.setenv("CANISHARE_RETENTION_DAYS", "1y")
    assert main(["purge"]) == 2
    assert "CANISHARE_RETENTION_DAYS" in capsys.readouterr().err


@pytest.mark.parametrize("url", ["http://127.0.0.1:9/api", "http://127.0.0.1:9/api/"])
def test_api_url_always_ends_in_a_slash(url):
    from bot.config import Settings

    assert Settings.from_env({"SLACK_API_URL": url}, dotenv="/nonexistent").api_url == "http://127.0.0.1:9/api/"


def test_thresholds_come_from_the_environment(env, capsys, monkeypatch):
    question = "How long do we have to report a personal data breach?"
    assert main(["ask", "--json", question]) == 0
    assert json.loads(capsys.readouterr().out)["decision"] == "answer"
    monkeypatch.setenv("CANISHARE_ANSWER_SCORE", "100")
    monkeypatch.setenv("CANISHARE_SUGGEST_SCORE", "100")
    assert main(["ask", "--json", question]) == 0
    assert json.loads(capsys.readouterr().out)["decision"] == "escalate"


@pytest.mark.parametrize("variables", [{"CANISHARE_ANSWER_SCORE": "high"}, {"CANISHARE_ANSWER_LEAD": "-3"},
                                       {"CANISHARE_ANSWER_SCORE": "30", "CANISHARE_SUGGEST_SCORE": "40"}])
def test_bad_thresholds_are_usage_errors(env, capsys, monkeypatch, variables):
    for name, value in variables.items():
        monkeypatch.setenv(name, value)
    assert main(["ask", "consent?"]) == 2
    assert "CANISHARE_" in capsys.readouterr().err


def test_purge_keeps_questions_still_in_the_advisor_queue(env, capsys):
    service, clock = seeded(env, "2024-01-01T09:00:00+00:00")
    open_one = service.ask("an urgent odd question about allotments", "U1", Where("dm", "D1"), escalate=True)
    answered = service.ask("another odd question about allotments", "U2", Where("dm", "D2"), escalate=True)
    service.answer(answered.escalation.id, "A1", ADVISORS, "An answer.")
    service.ask("How long do we have to report a personal data breach?", "U3")
    assert main(["purge", "--older-than", "365d"]) == 0
    out = capsys.readouterr().out
    assert "purged 2 question(s)" in out
    assert "kept 1 older question(s) still in the advisor queue (the oldest asked 2024-01-01" in out
    assert "--include-queue" in out
    assert [q.id for q in service.store.questions()] == [open_one.question.id]
    assert main(["purge", "--older-than", "365d", "--include-queue"]) == 0
    assert "purged 1 question(s), 1 escalation(s)" in capsys.readouterr().out and service.store.questions() == []


def test_purge_dry_run_deletes_nothing(env, capsys):
    service, _ = seeded(env, "2024-01-01T09:00:00+00:00")
    service.ask("How long do we have to report a personal data breach?", "U3")
    assert main(["purge", "--dry-run"]) == 0
    assert "would delete 1 question(s)" in capsys.readouterr().out
    assert len(service.store.questions()) == 1


@pytest.mark.parametrize("age", ["0d", "29d", "2w"])
def test_purge_under_30_days_needs_force(env, capsys, age):
    service, _ = seeded(env, "2026-11-28T09:00:00+00:00")
    service.ask("How long do we have to report a personal data breach?", "U3")
    assert main(["purge", "--older-than", age]) == 2
    assert "--force" in capsys.readouterr().err and len(service.store.questions()) == 1
    assert main(["purge", "--older-than", age, "--force"]) == 0


def test_retention_runs_once_a_day_in_a_running_process(env):
    import datetime as dt

    service, _ = seeded(env, "2024-01-01T09:00:00+00:00")
    service.ask("How long do we have to report a personal data breach?", "U3")
    now = dt.datetime(2026, 11, 29, 9, 0, tzinfo=dt.timezone.utc)
    assert service.purge_if_due(dt.timedelta(days=365), now=now)["questions"] == 1
    assert service.purge_if_due(dt.timedelta(days=365), now=now + dt.timedelta(hours=23)) is None
    assert service.purge_if_due(dt.timedelta(days=365), now=now + dt.timedelta(hours=25)) is not None


def test_the_daily_purge_warns_while_old_questions_wait_in_the_queue(env, caplog):
    import datetime as dt

    service, _ = seeded(env, "2024-01-01T09:00:00+00:00")
    service.ask("an odd question about allotments", "U1", Where("dm", "D1"), escalate=True)
    now = dt.datetime(2026, 11, 29, 9, 0, tzinfo=dt.timezone.utc)
    with caplog.at_level("WARNING"):
        assert service.purge_if_due(dt.timedelta(days=365), now=now)["kept_in_queue"] == 1
    [warning] = [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]
    assert "kept 1 question(s) older than the retention period" in warning and "--include-queue" in warning
    assert "allotments" not in warning and "U1" not in warning


@pytest.mark.parametrize("command", [["serve", "--http"], ["clock"], ["digest"], ["purge"], ["purge", "--dry-run"]])
@pytest.mark.parametrize("days", ["1", "7", "29"])
def test_a_retention_under_30_days_is_refused_by_every_command_that_uses_it(env, capsys, monkeypatch, command, days):
    service, _ = seeded(env, "2026-11-28T09:00:00+00:00")
    service.ask("How long do we have to report a personal data breach?", "U3")
    for name, value in {"SLACK_BOT_TOKEN": "xoxb-test", "SLACK_SIGNING_SECRET": "s", "CANISHARE_ADVISOR_CHANNEL": "C",
                        "CANISHARE_DIGEST_CHANNEL": "C1", "CANISHARE_RETENTION_DAYS": days,
                        "SLACK_API_URL": "http://127.0.0.1:9/api/"}.items():
        monkeypatch.setenv(name, value)
    assert main(command) == 2
    err = capsys.readouterr().err
    assert f"CANISHARE_RETENTION_DAYS={days} ({days} days)" in err and "minimum of 30 days" in err
    assert "None" not in err and len(err.strip().splitlines()) == 1
    assert len(service.store.questions()) == 1


@pytest.mark.parametrize("command", [["export"], ["subject-access", "U3"], ["erase", "U3", "--yes"]])
def test_commands_that_read_the_records_do_not_depend_on_the_retention_setting(env, capsys, monkeypatch, command):
    service, _ = seeded(env, "2026-01-01T09:00:00+00:00")
    service.ask("How long do we have to report a personal data breach?", "U3")
    monkeypatch.setenv("CANISHARE_RETENTION_DAYS", "7")  # a mistake there must not block a subject access request
    assert main(command) == 0, capsys.readouterr().err


def test_purge_older_than_does_not_depend_on_the_retention_setting(env, capsys, monkeypatch):
    service, _ = seeded(env, "2026-01-01T09:00:00+00:00")
    service.ask("How long do we have to report a personal data breach?", "U3")
    monkeypatch.setenv("CANISHARE_RETENTION_DAYS", "7")
    assert main(["purge", "--older-than", "7d", "--dry-run"]) == 0
    assert "would delete 1 question(s)" in capsys.readouterr().out


def test_purge_refusal_names_the_age_actually_used_and_allows_a_dry_run(env, capsys):
    service, _ = seeded(env, "2026-01-01T09:00:00+00:00")
    service.ask("How long do we have to report a personal data breach?", "U3")
    assert main(["purge", "--older-than", "7d"]) == 2
    err = capsys.readouterr().err
    assert "--older-than 7d (7 days)" in err and "None" not in err and "--force" in err
    assert main(["purge", "--older-than", "7d", "--dry-run"]) == 0
    assert "would delete" in capsys.readouterr().out and len(service.store.questions()) == 1


def test_a_draft_has_every_required_field_and_asks_for_nations_to_be_chosen(env, capsys):
    import yaml

    service, _ = seeded(env)
    result = service.ask("can the allotment society see tenancy notes", "U1", escalate=True)
    service.answer(result.escalation.id, "A1", ADVISORS, "No.", propose_new=True)
    assert main(["faq", "drafts", "--out", str(env / "drafts")]) == 0
    (path,) = (env / "drafts").glob("*.yaml")
    text = path.read_text(encoding="utf-8")
    header = "".join(line for line in text.splitlines(keepends=True) if line.startswith("#"))
    (draft,) = yaml.safe_load(text)
    assert draft["nations"] == [] and "nations" in header  # lint fails until the reviewer lists them


def test_the_readme_names_both_default_drafts_folders():
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    row = next(line for line in readme.splitlines() if line.startswith("| `canishare faq drafts"))
    assert "./faq-drafts" in row and "drafts/" in row


def test_queue_shows_each_question_on_one_line_with_its_follow_ups_and_the_askers_nation(env, capsys):
    service, clock = seeded(env)
    forged = "zorblat the gizmo\n#7 2026-11-30T09:00:00+00:00 claimed by UADV1\r\n    (handled, ignore)\x1b[2J\u202e"
    result = service.ask(forged, "U1", Where("dm", "D1"), escalate=True)
    service.set_nation("U1", "scotland")
    service.add_follow_up(result.escalation, "she's 15 and we're in Wales", "U1", None, "1.2")
    assert main(["queue"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3 and lines[0].startswith("#1 ")
    assert lines[1] == (r"    zorblat the gizmo ⏎ #7 2026-11-30T09:00:00+00:00 claimed by UADV1 ⏎     (handled, ignore)"
                        r"\u001b[2J\u202e")
    assert lines[2] == ("    1 follow-up from the asker · asker's nation: Asker's setting: Scotland (chosen on App "
                        "Home); in a follow-up they say Wales")
    assert main(["queue", "--json"]) == 0
    (row,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert row["question"] == forged  # JSON escapes it already: kept as stored
    assert (row["follow_ups"], row["nation"], row["claimed_at"]) == (1, "scotland", None)
    assert row["nation_described"].endswith("in a follow-up they say Wales")


def test_queue_without_follow_ups_or_nation_says_so(env, capsys):
    service, _ = seeded(env)
    service.ask("another unusual question about allotments", "U2", Where("dm", "D2"), escalate=True)
    assert main(["queue"]) == 0
    assert capsys.readouterr().out.splitlines()[2] == (
        "    no follow-ups · asker's nation: not known (every nation's notes are shown)")
