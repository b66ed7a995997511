"""The .env file as people write it, read by python-dotenv."""

import pytest

from bot.config import Settings, SettingsError, read_dotenv


@pytest.mark.parametrize("line, value", [
    ("CANISHARE_DB=mine.db  # the database", "mine.db"),
    ("CANISHARE_DB='mine.db'", "mine.db"),
    ('CANISHARE_DB="my data/mine.db"', "my data/mine.db"),
    ("export CANISHARE_DB=mine.db", "mine.db"),
    ("\ufeffCANISHARE_DB=mine.db", "mine.db"),
    ("CANISHARE_DB = mine.db", "mine.db"),
])
def test_dotenv_lines_as_people_write_them(tmp_path, line, value):
    env = tmp_path / ".env"
    env.write_text(line + "\n# a comment\n\nSLACK_BOT_TOKEN=xoxb-not-real\n", encoding="utf-8")
    assert read_dotenv(env)["CANISHARE_DB"] == value
    assert Settings.from_env({}, dotenv=env).db_path == value


def test_the_environment_wins_over_the_file(tmp_path):
    env = tmp_path / ".env"
    env.write_text("CANISHARE_DB=from-file.db\n", encoding="utf-8")
    assert Settings.from_env({"CANISHARE_DB": "from-env.db"}, dotenv=env).db_path == "from-env.db"


def test_a_dotenv_that_is_not_utf8_is_a_clear_error(tmp_path):
    env = tmp_path / ".env"
    env.write_bytes("CANISHARE_DB=caf\u00e9.db\n".encode("latin-1"))
    with pytest.raises(SettingsError, match="UTF-8"):
        read_dotenv(env)


def test_no_dotenv_is_no_settings(tmp_path):
    assert read_dotenv(tmp_path / "missing.env") == {}
