"""Each module of bot/ can be read alone.

An underscore means "used only in this module": no module imports an underscore name from another
``bot`` module, or reads one off it. A class (a mixin too) uses on ``self`` only what it or one of its
declared bases defines, so a mixin's file says everything the mixin relies on; and an underscore
attribute only in the module that defines it.
"""

from __future__ import annotations

import ast
import builtins
import collections
import importlib
import inspect
import textwrap
from functools import cache
from pathlib import Path

import pytest

BOT = Path(__file__).resolve().parent.parent / "bot"
CHECKED = sorted(BOT.rglob("*.py"))


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


# -- what a class defines, through the bases it declares ------------------------------------------

def top_level_imports(module: str) -> dict[str, tuple[str, str | None]]:
    """Local name -> (module, attribute), for the module's imports (attribute None: the module itself)."""
    found: dict[str, tuple[str, str | None]] = {}
    for node in tree(module).body:
        if isinstance(node, ast.ImportFrom) and node.module:
            for alias in node.names:
                whole = f"{node.module}.{alias.name}"
                found[alias.asname or alias.name] = (whole, None) if whole in MODULES else (node.module, alias.name)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                found[alias.asname or alias.name.split(".")[0]] = (alias.name, None)
    return found


def classes_of(module: str) -> dict[str, ast.ClassDef]:
    return {node.name: node for node in tree(module).body if isinstance(node, ast.ClassDef)}


def find_class(module: str, name: str, depth: int = 0) -> tuple[str, ast.ClassDef] | None:
    """The class ``name`` as ``module`` sees it: defined there, or imported (through packages too)."""
    if module not in MODULES or depth > 5:
        return None
    if name in classes_of(module):
        return module, classes_of(module)[name]
    imported = top_level_imports(module).get(name)
    if imported and imported[1] is not None:
        return find_class(imported[0], imported[1], depth + 1)
    return None


def base_of(module: str, base: ast.expr) -> tuple[str, ast.ClassDef] | object:
    """A base inside bot/ as (module, class); any other base as the Python object it names."""
    if isinstance(base, ast.Name):
        found = find_class(module, base.id)
        if found:
            return found
        imported = top_level_imports(module).get(base.id)
        if imported is None:
            return getattr(builtins, base.id)
        outside = importlib.import_module(imported[0])
        return outside if imported[1] is None else getattr(outside, imported[1])
    if isinstance(base, ast.Attribute) and isinstance(base.value, ast.Name):
        imported = top_level_imports(module)[base.value.id]
        found = find_class(imported[0], base.attr) if imported[1] is None else None
        return found or getattr(importlib.import_module(imported[0]), base.attr)
    return RUNTIME_BASE  # an expression ("getattr(yaml, 'CSafeLoader', yaml.SafeLoader)"): read at run time


RUNTIME_BASE = object()


def first_parameter(function: ast.FunctionDef | ast.AsyncFunctionDef) -> str | None:
    if any(isinstance(d, ast.Name) and d.id == "staticmethod" for d in function.decorator_list):
        return None
    arguments = [*function.args.posonlyargs, *function.args.args]
    return arguments[0].arg if arguments else None


def self_attributes(cls: ast.ClassDef, stored: bool) -> dict[str, int]:
    """The attributes the class's methods read (or, ``stored``, assign) on their first parameter."""
    found: dict[str, int] = {}
    for function in cls.body:
        if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        me = first_parameter(function)
        for node in ast.walk(function):
            if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == me
                    and isinstance(node.ctx, ast.Store if stored else (ast.Load, ast.Del))):
                found.setdefault(node.attr, node.lineno)
    return found


def set_by_name(cls: ast.ClassDef) -> set[str]:
    """Attributes a frozen dataclass sets with ``object.__setattr__(self, "name", ...)`` (or ``setattr``)."""
    return {node.args[1].value for node in ast.walk(cls)
            if isinstance(node, ast.Call) and ast.unparse(node.func) in ("object.__setattr__", "setattr")
            and len(node.args) >= 2 and isinstance(node.args[1], ast.Constant) and isinstance(node.args[1].value, str)}


def own_definitions(cls: ast.ClassDef) -> set[str]:
    defined = set(self_attributes(cls, stored=True)) | set_by_name(cls)
    for node in cls.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            defined.add(node.name)
        elif isinstance(node, ast.Assign):
            defined |= {t.id for t in node.targets if isinstance(t, ast.Name)}
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            defined.add(node.target.id)
    return defined


NAMED_TUPLE = set(dir(collections.namedtuple("Fields", [])))


def bases(module: str, cls: ast.ClassDef) -> list[tuple[str, ast.ClassDef] | object]:
    """The class's declared bases: inside bot/ as (module, class), others as the Python objects they are."""
    found = [base_of(module, base) for base in cls.bases]
    if RUNTIME_BASE in found:
        runtime = getattr(importlib.import_module(module), cls.name).__bases__
        found = [runtime[i] if base is RUNTIME_BASE else base for i, base in enumerate(found)]
    return found


@cache
def outside_definitions(base: object) -> frozenset[str]:
    """What a class from outside bot/ defines: its attributes, and what its methods (and its bases') set on
    self at run time (``BaseHTTPRequestHandler``'s ``rfile``, set in ``StreamRequestHandler.setup``)."""
    if getattr(base, "__name__", "") == "NamedTuple":
        return frozenset(NAMED_TUPLE)
    defined = set(dir(base))
    for klass in getattr(base, "__mro__", ()):
        try:
            source = ast.parse(textwrap.dedent(inspect.getsource(klass)))
        except (OSError, TypeError, SyntaxError):
            continue  # written in C, or no source: its dir() is all there is
        for node in source.body:
            if isinstance(node, ast.ClassDef):
                defined |= own_definitions(node)
    return frozenset(defined)


def definitions(module: str, cls: ast.ClassDef) -> set[str]:
    """What the class defines, with everything its declared bases define."""
    defined = own_definitions(cls) | set(dir(object))
    for resolved in bases(module, cls):
        defined |= definitions(*resolved) if isinstance(resolved, tuple) else outside_definitions(resolved)
    return defined


def defined_in_module(module: str, cls: ast.ClassDef) -> set[str]:
    """What the class, and those of its bases in the same module, define (outside bot/: all they define)."""
    defined = own_definitions(cls)
    for resolved in bases(module, cls):
        if not isinstance(resolved, tuple):
            defined |= outside_definitions(resolved)
        elif resolved[0] == module:
            defined |= defined_in_module(*resolved)
    return defined


def classes_in(path: Path) -> list[ast.ClassDef]:
    return [node for node in ast.walk(tree(module_name(path))) if isinstance(node, ast.ClassDef)]


@pytest.mark.parametrize("path", CHECKED, ids=relative)
def test_a_class_uses_on_self_only_what_it_or_its_bases_define(path):
    module = module_name(path)
    undefined = [f"{cls.name}.{name} (line {line})"
                 for cls in classes_in(path)
                 for name, line in self_attributes(cls, stored=False).items()
                 if name not in definitions(module, cls)]
    assert undefined == [], "define it in the class or its base, or declare the mixin that defines it as a base"


@pytest.mark.parametrize("path", CHECKED, ids=relative)
def test_a_class_uses_underscore_attributes_of_its_own_module_only(path):
    """``self._x`` is read or set only in the module that defines ``_x``: a base's underscore attribute is
    that base's module's business."""
    module = module_name(path)
    elsewhere = [f"{cls.name}.{name} (line {line})"
                 for cls in classes_in(path)
                 for stored in (False, True)
                 for name, line in self_attributes(cls, stored=stored).items()
                 if private(name) and name not in defined_in_module(module, cls)]
    assert elsewhere == [], "give the base a public method for it, or move the code to the base's module"


def test_the_checks_see_what_they_look_for():
    """A sibling mixin's method and a private name taken from another module are found."""
    sample = ast.parse("from bot.names.words import _STOP\nfrom bot.names import words\nwords._TOWNS\n"
                       "class A:\n    def f(self):\n        self.x = 1\n        return self.g() + self.x\n")
    cls = next(node for node in sample.body if isinstance(node, ast.ClassDef))
    assert set(self_attributes(cls, stored=False)) - own_definitions(cls) == {"g"}
    assert private_imports(sample) == ["line 1: bot.names.words._STOP", "line 3: bot.names.words._TOWNS"]


def test_the_checks_see_a_part_leaning_on_the_service_that_holds_it():
    """The shape the service's parts replaced (review s9 house #1): a mixin calling the concrete service's
    helper, and reading state only the concrete service sets."""
    sample = ast.parse("class Outbox:\n    def owe(self):\n        self.store.owe()\n        self._tell_owed()\n")
    [part] = sample.body
    assert set(self_attributes(part, stored=False)) - definitions("bot.service", part) == {"store", "_tell_owed"}
