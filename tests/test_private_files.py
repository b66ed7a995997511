"""Files holding personal data are created owner-only (0600) whatever the umask: the subject access
copy, both CSV exports, FAQ drafts and the database with its -wal and -shm files. An existing file keeps
its mode (DPO review s8 #13)."""

import os
import stat

import pytest
import test_cli_records

from bot.cli import main
from bot.faq import load_faq
from bot.private_files import create_owner_only, open_private
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
    with open_private(tmp_path / "f.txt") as out:
        out.write("x")
    assert mode(tmp_path / "f.txt") == 0o600


def test_an_existing_files_mode_is_never_changed(seeded, capsys):
    (seeded / "shared.json").write_text("old")
    os.chmod(seeded / "shared.json", 0o640)
    os.chmod(seeded / "records.db", 0o644)
    assert main(["subject-access", "U1", "-o", "shared.json"]) == 0
    assert mode(seeded / "shared.json") == 0o640 and "U1" in (seeded / "shared.json").read_text()
    Store(seeded / "records.db").close()
    assert mode(seeded / "records.db") == 0o644


def test_a_file_that_cannot_be_created_is_left_to_the_caller(tmp_path):
    assert create_owner_only(tmp_path / "no-such-folder" / "x.db") is False
    assert create_owner_only(tmp_path) is False
