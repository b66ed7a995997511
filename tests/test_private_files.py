"""Files holding personal data are created owner-only (0600) whatever the umask: the subject access
copy, both CSV exports, FAQ drafts and the database with its -wal and -shm files. An existing file keeps
its mode (DPO review s8 #13), with a warning when others can read it. An operator's output file is never
the database or its -wal/-shm, never written through a symbolic link, and replaces an existing file only
with --force (security test s9 M3)."""

import os
import stat

import pytest
import test_cli_records

from bot.cli import main
from bot.faq import load_faq
from bot.private_files import create_owner_only, open_output
from bot.service import Service
from bot.store import Store


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture(autouse=True)
def permissive_umask():
    """The usual 022, under which plain open() makes files readable by every account."""
    before = os.umask(0o022)
    yield
    os.umask(before)


env = test_cli_records.env  # the bot's database, no Slack settings


@pytest.fixture
def seeded(env):
    """``env`` (the bot's database, no Slack settings) with an answered escalation proposed as an entry."""
    service = Service(Store(env / "records.db"), load_faq())
    result = service.ask("a question about the allotment society's tenancy notes", "U1", escalate=True)
    service.answer(result.escalation.id, "A1", {"A1"}, "No.", propose_new=True)
    service.store.close()
    return env


@pytest.mark.parametrize("argv", [
    ["subject-access", "U1", "-o", "out.json"],
    ["export", "-o", "out.json"],
    ["export", "--decisions", "-o", "out.json"],
])
def test_files_the_commands_write_are_owner_only(seeded, argv, capsys):
    assert main(argv) == 0
    assert mode(seeded / "out.json") == 0o600


def test_faq_drafts_are_owner_only(seeded, capsys):
    assert main(["faq", "drafts", "--out", str(seeded / "drafts")]) == 0
    (draft,) = (seeded / "drafts").iterdir()
    assert mode(draft) == 0o600


def test_a_new_database_and_its_wal_and_shm_files_are_owner_only(tmp_path):
    store = Store(tmp_path / "new.db")
    store.set_nation("U1", "wales")  # a write: the -wal and -shm files exist while it is open
    files = [tmp_path / "new.db", tmp_path / "new.db-wal", tmp_path / "new.db-shm"]
    assert all(path.exists() for path in files)
    assert {path.name: mode(path) for path in files} == {path.name: 0o600 for path in files}
    store.close()


def test_owner_only_whatever_the_umask(tmp_path):
    os.umask(0o277)  # would leave the owner unable to write
    out, warning = open_output(tmp_path / "f.txt", None)
    with out:
        out.write("x")
    assert mode(tmp_path / "f.txt") == 0o600 and warning is None


def test_an_existing_files_mode_is_never_changed_and_a_wide_one_is_warned_of(seeded, capsys):
    (seeded / "shared.json").write_text("old")
    os.chmod(seeded / "shared.json", 0o640)
    os.chmod(seeded / "records.db", 0o644)
    assert main(["subject-access", "U1", "-o", "shared.json", "--force"]) == 0
    assert mode(seeded / "shared.json") == 0o640 and "U1" in (seeded / "shared.json").read_text()
    assert "shared.json keeps its mode 0640" in capsys.readouterr().err
    Store(seeded / "records.db").close()
    assert mode(seeded / "records.db") == 0o644


def test_an_owner_only_file_overwritten_gets_no_warning(seeded, capsys):
    (seeded / "mine.csv").write_text("a much longer old content than the export will be, to see it truncated" * 99)
    os.chmod(seeded / "mine.csv", 0o600)
    assert main(["export", "-o", "mine.csv", "--force"]) == 0
    assert "warning" not in capsys.readouterr().err
    assert "old content" not in (seeded / "mine.csv").read_text()


WRITERS = [["subject-access", "U1"], ["export"], ["export", "--decisions"]]


@pytest.mark.parametrize("argv", WRITERS, ids=" ".join)
@pytest.mark.parametrize("force", [[], ["--force"]], ids=["", "force"])
@pytest.mark.parametrize("suffix", ["", "-wal", "-shm"])
def test_the_output_is_never_the_database_or_its_wal_or_shm(seeded, capsys, monkeypatch, argv, force, suffix):
    (seeded / "link.db").symlink_to(seeded / "records.db")
    database_bytes = (seeded / "records.db").read_bytes()
    for database in ("records.db", "link.db"):  # CANISHARE_DB itself may be a link
        monkeypatch.setenv("CANISHARE_DB", str(seeded / database))
        for output in (f"records.db{suffix}", "link.db"):  # the file itself, and a link to it
            assert main([*argv, "-o", output, *force]) == 1
            assert "is the bot's database (CANISHARE_DB)" in capsys.readouterr().err
    assert (seeded / "records.db").read_bytes() == database_bytes  # the read-only runs leave it as it was
    assert main(["subject-access", "U1"]) == 0 and '"question_id"' in capsys.readouterr().out


@pytest.mark.parametrize("argv", WRITERS, ids=" ".join)
@pytest.mark.parametrize("force", [[], ["--force"]], ids=["", "force"])
def test_a_symbolic_link_is_never_written_through(seeded, capsys, argv, force):
    (seeded / "target.txt").write_text("precious")
    (seeded / "link.csv").symlink_to(seeded / "target.txt")
    (seeded / "dangling.json").symlink_to(seeded / "new-file.json")
    for link in ("link.csv", "dangling.json"):
        assert main([*argv, "-o", link, *force]) == 1
        assert "is a symbolic link" in capsys.readouterr().err
    assert (seeded / "target.txt").read_text() == "precious" and not (seeded / "new-file.json").exists()


@pytest.mark.parametrize("argv", WRITERS, ids=" ".join)
def test_an_existing_file_is_kept_without_force(seeded, capsys, argv):
    (seeded / "out.csv").write_text("yesterday's export")
    assert main([*argv, "-o", "out.csv"]) == 1
    assert "out.csv already exists: give a new file name, or add --force" in capsys.readouterr().err
    assert (seeded / "out.csv").read_text() == "yesterday's export"
    assert main([*argv, "-o", "out.csv", "--force"]) == 0
    assert (seeded / "out.csv").read_text() != "yesterday's export"


def test_a_draft_is_never_written_through_a_link_left_in_the_drafts_folder(seeded, capsys):
    (seeded / "drafts").mkdir()
    (seeded / "drafts" / "draft-esc-1.yaml").symlink_to(seeded / "elsewhere.yaml")
    assert main(["faq", "drafts", "--out", str(seeded / "drafts")]) == 0
    assert not (seeded / "elsewhere.yaml").exists()
    assert mode(seeded / "drafts" / "draft-esc-1-2.yaml") == 0o600


def test_a_file_that_cannot_be_created_is_left_to_the_caller(tmp_path):
    assert create_owner_only(tmp_path / "no-such-folder" / "x.db") is False
    assert create_owner_only(tmp_path) is False
