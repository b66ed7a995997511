"""The README's command table covers every command and option that ``canishare --help`` (and each
command's ``--help``) shows, as sqlite-utils' tests/test_docs.py does for its CLI reference."""

import contextlib
import io
import json
import os
import re
from pathlib import Path
from unittest import mock

import pytest

from bot.cli import main

README = Path(__file__).resolve().parent.parent / "README.md"


def help_text(*command: str) -> str:
    out = io.StringIO()
    # one line per option, whatever the terminal
    with mock.patch.dict(os.environ, {"COLUMNS": "200"}), contextlib.redirect_stdout(out), pytest.raises(SystemExit):
        main([*command, "--help"])
    return out.getvalue()


def section(text: str, heading: str) -> list[str]:
    lines = text.splitlines()
    if heading not in lines:
        return []
    body = lines[lines.index(heading) + 1:]
    return body[: body.index("")] if "" in body else body


def commands_and_options(*command: str) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """(command, the spellings of one option) for every option of ``command`` and its sub-commands,
    and (command, ()) for each command itself, read from the help texts."""
    text = help_text(*command)
    found: list[tuple[tuple[str, ...], tuple[str, ...]]] = [(command, ())] if command else []
    for line in section(text, "options:"):
        invocation = re.match(r"  (-\S.*?)(?:  |$)", line)
        if invocation:
            spellings = tuple(part.split(" ")[0] for part in invocation.group(1).split(", "))
            if "--help" not in spellings:
                found.append((command, spellings))
    for line in section(text, "positional arguments:"):
        sub = re.match(r"    (\w[\w-]*)\s", line)
        if sub:
            found += commands_and_options(*command, sub.group(1))
    return found


def command_table() -> list[str]:
    text = README.read_text(encoding="utf-8")
    table = text[text.index("## Command line"):text.index("## Configuration")]
    return [line for line in table.splitlines() if line.startswith("| `canishare")]


def test_the_help_is_read():
    found = commands_and_options()
    assert (("ask",), ()) in found and (("faq", "lint"), ()) in found
    assert (("export",), ("--output", "-o")) in found and ((), ("--faq-dir",)) in found


@pytest.mark.parametrize("command, spellings", [
    pytest.param(command, spellings, id=" ".join(["canishare", *command, *spellings[:1]]))
    for command, spellings in commands_and_options()
])
def test_every_command_and_option_is_in_the_readme_table(command, spellings):
    rows = [row for row in command_table() if f"canishare {' '.join(command)}".strip() in row.split(" | ")[0]]
    assert rows, f"the README's command table has no row for `canishare {' '.join(command)}`"
    if spellings:
        mentioned = [s for s in spellings if any(re.search(rf"(?<![\w-]){re.escape(s)}(?![\w-])", r) for r in rows)]
        assert mentioned, f"`canishare {' '.join(command)} {spellings[0]}` is not in the README's command table"


def test_the_readme_states_the_fitted_answer_and_suggest_lines_once_as_the_model_has_them():
    """Curator review #14: the figures come from bot/match_model.json, in one place of the README."""
    root = Path(__file__).resolve().parents[1]
    model = json.loads((root / "bot" / "match_model.json").read_text())
    readme = (root / "README.md").read_text()
    for line in ("answer", "suggest"):
        stated = re.findall(rf"the {line} line \((\d+) %", readme)
        assert stated == [str(round(model[line] * 100))], (line, stated)
    for variable in ("CANISHARE_ANSWER_SCORE", "CANISHARE_SUGGEST_SCORE"):
        (row,) = [r for r in readme.splitlines() if r.startswith(f"| `{variable}`")]
        assert not re.search(r"\| \d+ \(fitted\) \|", row), row
