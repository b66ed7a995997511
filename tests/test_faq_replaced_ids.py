"""A ``replaces:`` id that matches nothing canishare knows is reported by lint: a warning, or an error
naming the id meant when it is close to one the FAQ no longer has (lead review s9 #5)."""

import shutil

import pytest
from test_faq_changes import _edit

from bot.cli import main
from bot.faq import BUNDLED_FAQ_DIR, lint, load_faq
from bot.service import Service
from bot.store import Store

OLD = "data-breach-72-hours"
NEW = "breach-reporting"


@pytest.fixture
def faq_copy(tmp_path, monkeypatch):
    directory = tmp_path / "faq"
    shutil.copytree(BUNDLED_FAQ_DIR, directory, ignore=shutil.ignore_patterns("__*", "*.py"))
    monkeypatch.chdir(tmp_path)
    for name in ("CANISHARE_DB", "CANISHARE_FAQ_DIR"):
        monkeypatch.delenv(name, raising=False)
    return directory


def rename(directory, old, new, replaces):
    _edit(directory, old, lambda text: text.replace(f"- id: {old}\n", f"- id: {new}\n  replaces: [{replaces}]\n"))


def replaces_problems(directory, **kwargs):
    return [p for p in lint(directory, **kwargs) if p.field == "replaces"]


def test_a_typo_in_replaces_is_an_error_naming_the_id_meant(faq_copy, capsys):
    rename(faq_copy, OLD, NEW, OLD[:-1])
    (problem,) = replaces_problems(faq_copy)
    assert not problem.warning and problem.entry == NEW and problem.line
    assert f"'{OLD[:-1]}' matches no id canishare knows: did you mean '{OLD}'?" in problem.message
    assert main(["faq", "lint", str(faq_copy)]) == 1
    assert f"did you mean '{OLD}'?" in capsys.readouterr().out
    assert load_faq(faq_copy, check_near_duplicates=False).get(NEW)  # the bot still serves it


@pytest.mark.parametrize("typo", ["data-breach-27-hours", "data-breech-72-hours", "data-breach-72-hoursx"])
def test_swapped_or_wrong_letters_are_close_too(faq_copy, typo):
    rename(faq_copy, OLD, NEW, typo)
    (problem,) = replaces_problems(faq_copy)
    assert not problem.warning and f"did you mean '{OLD}'?" in problem.message


def test_the_right_id_is_no_problem(faq_copy, capsys):
    rename(faq_copy, OLD, NEW, OLD)
    assert replaces_problems(faq_copy) == []
    assert main(["faq", "lint", str(faq_copy)]) == 0


def test_an_id_known_nowhere_and_near_nothing_is_a_warning_that_names_db(faq_copy, capsys):
    rename(faq_copy, OLD, NEW, f"{OLD}, our-old-local-entry")
    (problem,) = replaces_problems(faq_copy)
    assert problem.warning and "'our-old-local-entry' matches no id known to" in problem.message
    assert "faq lint --db PATH" in problem.message
    assert main(["faq", "lint", str(faq_copy)]) == 0


def test_an_id_already_followed_by_another_entry_is_not_suggested(faq_copy):
    rename(faq_copy, OLD, NEW, OLD)
    _edit(faq_copy, "privacy-notices", lambda text: text.replace(
        "- id: privacy-notices\n", f"- id: privacy-notices\n  replaces: [{OLD}s]\n"))
    (problem,) = [p for p in replaces_problems(faq_copy) if p.entry == "privacy-notices"]
    assert problem.warning and "did you mean" not in problem.message


@pytest.fixture
def database(faq_copy):
    """A bot database with a phrasing learned and a rating given under ids only this site had."""
    path = faq_copy.parent / "bot.db"
    service = Service(Store(path), load_faq(BUNDLED_FAQ_DIR))
    question = service.ask("can we share the tenancy list with the housing team", "U1")
    service.store.add_learned_phrasing("local-housing-sharing", "tenancy list to housing", None, "A1")
    service.store.set_feedback(question.question.id, "U1", "local-allotment-lists", "helpful")
    service.store.close()
    return path


def test_with_db_the_ids_the_database_holds_are_known(faq_copy, database, capsys):
    rename(faq_copy, OLD, NEW, f"{OLD}, local-housing-sharing, local-allotment-lists")
    assert len(replaces_problems(faq_copy)) == 2  # unknown without the database
    before = database.read_bytes()
    assert main(["faq", "lint", str(faq_copy), "--db", str(database)]) == 0
    assert "replaces" not in capsys.readouterr().out
    assert database.read_bytes() == before  # opened read-only


def test_with_db_a_typo_of_a_database_id_is_an_error(faq_copy, database, capsys):
    rename(faq_copy, OLD, NEW, f"{OLD}, local-housing-sharin")
    assert main(["faq", "lint", str(faq_copy), "--db", str(database)]) == 1
    assert "did you mean 'local-housing-sharing'?" in capsys.readouterr().out


def test_with_db_a_missing_database_is_one_clear_line(faq_copy, capsys):
    assert main(["faq", "lint", str(faq_copy), "--db", "nowhere.db"]) != 0
    err = capsys.readouterr().err
    assert "Traceback" not in err and "nowhere.db" in err
