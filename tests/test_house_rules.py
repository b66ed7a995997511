"""The house rules the README's Development section states, checked on every run."""

import ast
import re
from pathlib import Path

import pytest

BOT = Path(__file__).resolve().parent.parent / "bot"
MODULES = sorted(BOT.rglob("*.py"))


def relative(path: Path) -> str:
    return str(path.relative_to(BOT.parent))


@pytest.mark.parametrize("module", MODULES, ids=relative)
def test_no_module_is_over_500_lines(module):
    assert len(module.read_text(encoding="utf-8").splitlines()) <= 500, "split it by job"


def offenders(pattern: str, allowed) -> list[str]:
    found = re.compile(pattern, re.MULTILINE)
    return [relative(m) for m in MODULES if not allowed(relative(m)) and found.search(m.read_text(encoding="utf-8"))]


def test_only_bot_slack_imports_slack():
    assert offenders(r"^\s*(from|import) slack_(bolt|sdk)\b", lambda p: p.startswith("bot/slack/")) == []


def test_only_the_store_speaks_sql():
    sql = (r"""(?i)["'](?:select\s.+\sfrom\s|insert\s+(?:or\s+\w+\s+)?into\s|update\s+\w+\s+set\s|"""
           r"""delete\s+from\s|create\s+(?:unique\s+)?(?:table|index)\s|pragma\s+\w+)""")
    assert offenders(sql, lambda p: p.startswith("bot/store/")) == []


def test_only_the_settings_read_the_environment():
    assert offenders(r"os\.environ|os\.getenv", lambda p: p == "bot/config.py") == []


def test_only_the_command_line_configures_logging():
    assert offenders(r"logging\.basicConfig", lambda p: p == "bot/cli.py") == []


def test_the_installed_package_reads_nothing_from_a_checkouts_tests():
    """Development tools that read the labelled sets live in benchmarks/: an installed canishare has no tests/."""
    def path_parts(module: Path) -> bool:
        return any(isinstance(node, ast.Constant) and node.value in ("tests", "fixtures")
                   for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))))
    assert [relative(m) for m in MODULES if path_parts(m)] == []
