"""The service's files can each be read and tested alone (review s9 house #1): no class in ``bot/service*.py``
uses on ``self`` a name that neither it nor one of its bases defines (a mixin leaning on a sibling mixin, or
on state only the concrete ``Service`` sets, fails here), and no service module imports another bot module's
underscore (private) name."""

import ast
import builtins
import importlib
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SERVICE_MODULES = sorted((ROOT / "bot").glob("service*.py"))


def relative(path: Path) -> str:
    return str(path.relative_to(ROOT))


def source_of(module: str) -> Path | None:
    """The file of a ``bot`` module (``bot.x.y``), or None for one outside the package."""
    if module != "bot" and not module.startswith("bot."):
        return None
    base = ROOT.joinpath(*module.split("."))
    for path in (base.with_suffix(".py"), base / "__init__.py"):
        if path.exists():
            return path
    return None


def package_of(path: Path) -> list[str]:
    return list(path.relative_to(ROOT).parts[:-1])


def parsed(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"))


def imported_from(path: Path, name: str) -> tuple[str, str] | None:
    """(module, name) that ``path``'s top level imports as ``name``, relative imports made absolute."""
    for node in parsed(path).body:
        if isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if node.level:  # from .x import y
                package = package_of(path)
                module = ".".join([*package[:len(package) - node.level + 1], *([module] if module else [])])
            for alias in node.names:
                if (alias.asname or alias.name) == name:
                    return module, alias.name
    return None


def resolve(path: Path, name: str):
    """What ``name`` means in module ``path``: (file, class node) for a class inside ``bot``, else the Python
    object (a builtin, or a class imported from outside ``bot``); None when it cannot be told."""
    for node in parsed(path).body:
        if isinstance(node, ast.ClassDef) and node.name == name:
            return path, node
    found = imported_from(path, name)
    if found is not None:
        module, original = found
        inside = source_of(module)
        if inside is not None:
            return resolve(inside, original)
        return getattr(importlib.import_module(module), original, None)
    return getattr(builtins, name, None)


def base_name(base: ast.expr) -> str | None:
    if isinstance(base, ast.Subscript):  # Generic[T], Protocol[T]
        base = base.value
    return base.id if isinstance(base, ast.Name) else None


def methods(cls: ast.ClassDef) -> list[ast.FunctionDef | ast.AsyncFunctionDef]:
    return [n for n in cls.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]


def is_static(method) -> bool:
    return any(isinstance(d, ast.Name) and d.id == "staticmethod" for d in method.decorator_list)


def self_attributes(method) -> set[str]:
    """The names ``method`` uses on its first argument (``self``, or ``cls``), closures included."""
    if is_static(method) or not method.args.args:
        return set()
    me = method.args.args[0].arg
    return {n.attr for n in ast.walk(method) if isinstance(n, ast.Attribute)
            and isinstance(n.value, ast.Name) and n.value.id == me}


def own_definitions(cls: ast.ClassDef) -> set[str]:
    """Methods and properties, class attributes, and what ``__init__`` assigns on ``self``."""
    names = {m.name for m in methods(cls)}
    for node in cls.body:
        if isinstance(node, ast.Assign):
            names |= {t.id for t in node.targets if isinstance(t, ast.Name)}
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.add(node.target.id)
    for init in (m for m in methods(cls) if m.name == "__init__"):
        me = init.args.args[0].arg
        for node in ast.walk(init):
            targets = node.targets if isinstance(node, ast.Assign) else \
                [node.target] if isinstance(node, (ast.AnnAssign, ast.AugAssign)) else []
            for target in targets:
                for t in ast.walk(target):
                    if isinstance(t, ast.Attribute) and isinstance(t.value, ast.Name) and t.value.id == me:
                        names.add(t.attr)
    return names


def definitions(path: Path, cls: ast.ClassDef) -> set[str]:
    """Every name ``cls`` or one of its bases defines (bases resolved through imports inside ``bot``)."""
    names = own_definitions(cls) | set(dir(object))
    for base in cls.bases:
        name = base_name(base)
        found = resolve(path, name) if name else None
        if isinstance(found, tuple):
            names |= definitions(*found)
        elif found is not None:
            names |= set(dir(found))
        else:
            raise AssertionError(f"{relative(path)}: cannot tell what the base {ast.unparse(base)} of {cls.name} is")
    return names


def undefined_uses(path: Path) -> list[str]:
    found = []
    for cls in (n for n in ast.walk(parsed(path)) if isinstance(n, ast.ClassDef)):
        defined = definitions(path, cls)
        for method in methods(cls):
            for name in sorted(self_attributes(method) - defined):
                found.append(f"{relative(path)}: {cls.name}.{method.name} uses self.{name}, defined by no base")
    return found


@pytest.mark.parametrize("module", SERVICE_MODULES, ids=relative)
def test_each_class_defines_what_it_uses_on_self(module):
    """A class that calls a method or reads state only a subclass or a sibling mixin defines cannot be read or
    tested alone: what it needs comes in through its constructor, or from a declared base class."""
    assert undefined_uses(module) == []


def private_imports(path: Path) -> list[str]:
    return [f"{relative(path)}:{node.lineno} imports {alias.name} from {node.module}"
            for node in ast.walk(parsed(path)) if isinstance(node, ast.ImportFrom)
            and (node.module or "").startswith("bot") for alias in node.names if alias.name.startswith("_")]


@pytest.mark.parametrize("module", SERVICE_MODULES, ids=relative)
def test_no_private_names_cross_modules(module):
    """An underscore marks what is internal to its module; a name another module needs is made public."""
    assert private_imports(module) == []


def test_the_checks_see_a_mixin_leaning_on_its_sibling_and_a_private_import(tmp_path, monkeypatch):
    """The checks themselves: a method used on ``self`` that only a sibling defines is found, one a base defines (in
    the module or imported from another) is not; an underscore name imported from another bot module is found."""
    (tmp_path / "bot").mkdir()
    (tmp_path / "bot" / "parts.py").write_text(
        "class Base:\n    def __init__(self, store):\n        self.store = store\n\n"
        "class Sibling:\n    def _tell(self):\n        pass\n\n"
        "class Leaning:\n    def go(self):\n        self._tell()\n\n"
        "class Standing(Base):\n    def go(self):\n        return self.store\n", encoding="utf-8")
    monkeypatch.setattr(sys.modules[__name__], "ROOT", tmp_path)
    assert undefined_uses(tmp_path / "bot" / "parts.py") == ["bot/parts.py: Leaning.go uses self._tell, defined by no base"]
    (tmp_path / "bot" / "user.py").write_text(
        "from bot.parts import Base, _helper\n\nclass Child(Base):\n    def go(self):\n        return self.store\n",
        encoding="utf-8")
    assert undefined_uses(tmp_path / "bot" / "user.py") == []  # the base is found through the import
    assert private_imports(tmp_path / "bot" / "user.py") == ["bot/user.py:1 imports _helper from bot.parts"]
