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


def test_only_the_slack_layer_and_the_command_line_import_it():
    """The domain knows nothing of Slack: it takes what it needs from Slack as a hook (``failures.describe``)."""
    assert offenders(r"^\s*(from|import) bot\.slack\b", lambda p: p.startswith("bot/slack/") or p == "bot/cli.py") == []


def module_name(path: Path) -> str:
    parts = path.relative_to(BOT.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path, modules: set[str]) -> set[str]:
    """The bot modules ``path`` imports, at its top or inside a function."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("bot"):
            found |= {f"{node.module}.{a.name}" if f"{node.module}.{a.name}" in modules else node.module
                      for a in node.names}
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("bot")}
    return found & modules - {module_name(path)}


def test_no_import_loops_not_even_hidden_inside_functions():
    modules = {module_name(m): m for m in MODULES}
    graph = {name: imports_of(path, set(modules)) for name, path in modules.items()}
    loops = []
    for start in graph:  # a loop is a path from a module back to itself
        seen, stack = set(), [(start, (start,))]
        while stack:
            name, path = stack.pop()
            for nxt in graph[name]:
                if nxt == start:
                    loops.append(" -> ".join((*path, start)))
                elif nxt not in seen:
                    seen.add(nxt)
                    stack.append((nxt, (*path, nxt)))
    assert loops == []


STORE_ERRORS = {"OlderDatabase", "StoreError", "WrongDatabase"}  # what the command line says when opening fails
# Restoring works on a closed database file, before any service is opened on it.
RESTORE = "bot/cli_restore.py"


def reaches_the_store(module: Path) -> bool:
    for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Attribute) and node.attr == "store":
            return True
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("bot.store"):
            if node.module != "bot.store" or {a.name for a in node.names} - STORE_ERRORS:
                return True
    return False


def test_only_the_service_uses_the_store():
    allowed = ("bot/store/", "bot/service", RESTORE)
    assert [relative(m) for m in MODULES if not relative(m).startswith(allowed) and reaches_the_store(m)] == []
