"""Each module of the name finder, the redactor and the store can be read alone.

An underscore means "used only in this module": no module imports an underscore name from another
``bot`` module, or reads one off it.
"""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

import pytest

BOT = Path(__file__).resolve().parent.parent / "bot"
CHECKED = sorted([*BOT.glob("names/*.py"), *BOT.glob("privacy/*.py"), *BOT.glob("store/*.py"), BOT / "text.py"])


def relative(path: Path) -> str:
    return str(path.relative_to(BOT.parent))


def module_name(path: Path) -> str:
    parts = path.relative_to(BOT.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in BOT.rglob("*.py")}


@cache
def tree(module: str) -> ast.Module:
    return ast.parse(MODULES[module].read_text(encoding="utf-8"))


def private_imports(module: ast.Module) -> list[str]:
    """Underscore names taken from another bot module: imported by name, or read off the module."""
    modules = {alias.asname or alias.name: f"{node.module}.{alias.name}"
               for node in ast.walk(module) if isinstance(node, ast.ImportFrom)
               for alias in node.names if f"{node.module}.{alias.name}" in MODULES}
    modules |= {alias.asname: alias.name for node in ast.walk(module) if isinstance(node, ast.Import)
                for alias in node.names if alias.asname and alias.name in MODULES}
    return [f"line {node.lineno}: {node.module}.{alias.name}"
            for node in ast.walk(module)
            if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "bot"
            for alias in node.names
            if private(alias.name)] + [
        f"line {node.lineno}: {modules[node.value.id]}.{node.attr}"
        for node in ast.walk(module)
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in modules
        and private(node.attr)]


def private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


@pytest.mark.parametrize("path", CHECKED, ids=relative)
def test_no_module_imports_another_modules_underscore_names(path):
    assert private_imports(tree(module_name(path))) == [], "make the name public, or keep it in the module that uses it"


def test_the_check_sees_what_it_looks_for():
    sample = ast.parse("from bot.names.words import _STOP\nfrom bot.names import words\nwords._TOWNS\n")
    assert private_imports(sample) == ["line 1: bot.names.words._STOP", "line 3: bot.names.words._TOWNS"]
