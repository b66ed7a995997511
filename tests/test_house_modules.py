"""Each module of bot/ can be read alone.

An underscore means "used only in this module". No module takes an underscore name from another ``bot``
module: not by import (relative imports resolved against the package), not off the module
(``words._TOWNS``, ``bot.names.words._TOWNS``, ``getattr(words, "_TOWNS")``), and not off any object
but ``self`` or ``cls`` when the module itself never defines the name (``self.store._connection``).
A class (a mixin too) uses on ``self`` only what it or one of its declared bases defines, in every
method and lambda of its body (under ``if`` too), through ``getattr(self, "x")``, ``type(self)``,
``super()`` and plain copies of ``self``; so a mixin's file says everything the mixin relies on. An
underscore attribute of ``self`` is used only in the module that defines it.
"""

from __future__ import annotations

import ast
import builtins
import collections
import importlib
import inspect
import textwrap
from collections.abc import Iterator
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


def private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


# A named tuple's own methods and fields: public, underscored only so they never clash with a field's name.
NAMED_TUPLE_API = {"_replace", "_asdict", "_make", "_fields", "_field_defaults"}
BY_NAME = {"getattr", "setattr", "hasattr", "delattr"}


def package_of(module: str) -> str:
    """The package a module's relative imports start from (a package's ``__init__`` is its own)."""
    path = MODULES.get(module)
    return module if path is not None and path.name == "__init__.py" else module.rpartition(".")[0]


def imported_from(node: ast.ImportFrom, module: str) -> str:
    """The absolute name of the module an ``import ... from`` reads, relative imports resolved."""
    if not node.level:
        return node.module or ""
    package = package_of(module).split(".")
    return ".".join(package[:len(package) - node.level + 1] + ([node.module] if node.module else []))


def bot_module_names(source: ast.Module, module: str) -> dict[str, str]:
    """Local name -> the bot module it names: ``from bot import x``, ``from . import x``,
    ``import bot.x as y``, and ``import bot.x`` (which binds ``bot``)."""
    names: dict[str, str] = {}
    for node in ast.walk(source):
        if isinstance(node, ast.ImportFrom):
            origin = imported_from(node, module)
            names |= {alias.asname or alias.name: f"{origin}.{alias.name}" for alias in node.names
                      if f"{origin}.{alias.name}" in MODULES}
        elif isinstance(node, ast.Import):
            for alias in node.names:
                local, named = (alias.asname, alias.name) if alias.asname else ((top := alias.name.split(".")[0]), top)
                if named in MODULES:
                    names[local] = named
    return names


def bot_module(node: ast.expr, names: dict[str, str]) -> str | None:
    """The bot module an expression names (``words``, ``bot.names.words``), or None."""
    if isinstance(node, ast.Name):
        return names.get(node.id)
    if isinstance(node, ast.Attribute):
        owner = bot_module(node.value, names)
        return f"{owner}.{node.attr}" if owner and f"{owner}.{node.attr}" in MODULES else None
    return None


def defined_here(source: ast.Module) -> set[str]:
    """Every name the module itself binds: variables, parameters, functions, classes, import aliases, the
    attributes it sets on ``self`` or ``cls``, and those it sets by name (``object.__setattr__(self, "_x")``)."""
    found: set[str] = set()
    for node in ast.walk(source):
        if isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Load):
            found.add(node.id)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            found.add(node.name)
        elif isinstance(node, ast.arg):
            found.add(node.arg)
        elif isinstance(node, ast.alias):
            found.add(node.asname or node.name.split(".")[0])
        elif (isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store)
              and isinstance(node.value, ast.Name) and node.value.id in ("self", "cls")):
            found.add(node.attr)
    for cls in (node for node in ast.walk(source) if isinstance(node, ast.ClassDef)):
        found |= set_by_name(cls)
    return found


def attribute_uses(source: ast.Module) -> Iterator[tuple[int, ast.expr, str]]:
    """(line, object, name) for every ``object.name``, and every ``getattr(object, "name")`` (or set-,
    has-, delattr) with a literal name."""
    for node in ast.walk(source):
        if isinstance(node, ast.Attribute):
            yield node.lineno, node.value, node.attr
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in BY_NAME
              and len(node.args) >= 2 and isinstance(node.args[1], ast.Constant)
              and isinstance(node.args[1].value, str)):
            yield node.lineno, node.args[0], node.args[1].value


def private_names(source: ast.Module, module: str) -> list[str]:
    """Underscore names that cross into ``module`` from elsewhere: imported by name (relative imports too),
    read off another bot module, or read off any object but ``self``/``cls`` when ``module`` never
    defines the name (an attribute of an object from another module)."""
    found = [f"line {node.lineno}: {origin}.{alias.name}"
             for node in ast.walk(source) if isinstance(node, ast.ImportFrom)
             if (origin := imported_from(node, module)).split(".")[0] == "bot"
             for alias in node.names if private(alias.name)]
    names, here = bot_module_names(source, module), defined_here(source)
    for line, owner, name in attribute_uses(source):
        if not private(name) or name in NAMED_TUPLE_API:
            continue
        if from_module := bot_module(owner, names):
            found.append(f"line {line}: {from_module}.{name}")
        elif not (isinstance(owner, ast.Name) and owner.id in ("self", "cls")) and name not in here:
            found.append(f"line {line}: {ast.unparse(owner)}.{name}")
    return found


@pytest.mark.parametrize("path", CHECKED, ids=relative)
def test_no_module_uses_another_modules_underscore_names(path):
    module = module_name(path)
    assert private_names(tree(module), module) == [], "make the name public, or keep it in the module that uses it"


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


Function = ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda


def first_parameter(function: Function) -> str | None:
    if any(isinstance(d, ast.Name) and d.id == "staticmethod" for d in getattr(function, "decorator_list", ())):
        return None
    arguments = [*function.args.posonlyargs, *function.args.args]
    return arguments[0].arg if arguments else None


def class_body(cls: ast.ClassDef) -> Iterator[ast.AST]:
    """Every node of the class body outside its functions and nested classes (under ``if`` and ``try``
    too), and the functions and lambdas themselves; a lambda given to ``staticmethod`` is no method."""
    pending: list[ast.AST] = list(cls.body)
    while pending:
        node = pending.pop(0)
        yield node
        if isinstance(node, Function | ast.ClassDef):
            continue
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "staticmethod":
            continue
        pending.extend(ast.iter_child_nodes(node))


def methods(cls: ast.ClassDef) -> list[Function]:
    return [node for node in class_body(cls) if isinstance(node, Function)]


def selves(function: Function, me: str) -> set[str]:
    """The method's first parameter and the plain names it is copied to (``me = self``)."""
    return {me} | {target.id for node in ast.walk(function) if isinstance(node, ast.Assign)
                   and isinstance(node.value, ast.Name) and node.value.id == me
                   for target in node.targets if isinstance(target, ast.Name)}


def on_self(node: ast.expr, names: set[str]) -> bool:
    """``self`` (or an alias), ``type(self)`` or ``super()``: what the class, or its bases, must define."""
    if isinstance(node, ast.Name):
        return node.id in names
    return (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
            and (node.func.id == "super" or (node.func.id == "type" and len(node.args) == 1
                                              and on_self(node.args[0], names))))


def self_attributes(cls: ast.ClassDef, stored: bool) -> dict[str, int]:
    """The attributes the class's methods and lambdas read (or, ``stored``, assign) on their first parameter:
    ``self.x``, ``getattr(self, "x")`` (with no default), ``type(self).x``, ``super().x``."""
    found: dict[str, int] = {}
    for function in methods(cls):
        if (me := first_parameter(function)) is None:
            continue
        names = selves(function, me)
        for node in ast.walk(function):
            if (isinstance(node, ast.Attribute) and on_self(node.value, names)
                    and isinstance(node.ctx, ast.Store if stored else (ast.Load, ast.Del))):
                found.setdefault(node.attr, node.lineno)
            elif (not stored and isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                  and node.func.id == "getattr" and len(node.args) == 2 and on_self(node.args[0], names)
                  and isinstance(node.args[1], ast.Constant) and isinstance(node.args[1].value, str)):
                found.setdefault(node.args[1].value, node.lineno)
    return found


def set_by_name(cls: ast.ClassDef) -> set[str]:
    """Attributes a frozen dataclass sets with ``object.__setattr__(self, "name", ...)`` (or ``setattr``)."""
    return {node.args[1].value for node in ast.walk(cls)
            if isinstance(node, ast.Call) and ast.unparse(node.func) in ("object.__setattr__", "setattr")
            and len(node.args) >= 2 and isinstance(node.args[1], ast.Constant) and isinstance(node.args[1].value, str)}


def own_definitions(cls: ast.ClassDef) -> set[str]:
    defined = set(self_attributes(cls, stored=True)) | set_by_name(cls)
    for node in class_body(cls):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            defined.add(node.name)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            defined.add(node.id)
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
    assert private_names(sample, "bot.sample") == ["line 1: bot.names.words._STOP", "line 3: bot.names.words._TOWNS"]


# Each one breaks the rule once (review s11 code #5): (the module it is read as, its text, what is found).
CROSSING_UNDERSCORES = {
    "relative import": ("bot.service_queue", "from .service_queue_upkeep import _wait\n",
                        "bot.service_queue_upkeep._wait"),
    "relative import, two levels up": ("bot.privacy.contact", "from ..service_queue_upkeep import _wait\n",
                                       "bot.service_queue_upkeep._wait"),
    "relative import in a package": ("bot.privacy", "from .core import _clip\n", "bot.privacy.core._clip"),
    "relative import of the package": ("bot.privacy.contact", "from . import _kinds\n", "bot.privacy._kinds"),
    "module from a relative import": ("bot.service_queue", "from . import service_queue_upkeep as u\nu._wait()\n",
                                      "bot.service_queue_upkeep._wait"),
    "dotted import": ("bot.service_queue", "import bot.service_queue_upkeep\nbot.service_queue_upkeep._wait()\n",
                      "bot.service_queue_upkeep._wait"),
    "getattr on a module": ("bot.service_queue", "from bot import service_queue_upkeep as u\ngetattr(u, '_wait')\n",
                            "bot.service_queue_upkeep._wait"),
    "getattr on an object": ("bot.service", "def f(u):\n    return getattr(u, '_wait')\n", "u._wait"),
    "module imported at run time": ("bot.service_queue",
                                    "import importlib\nimportlib.import_module('bot.service_queue_upkeep')._wait()\n",
                                    "importlib.import_module('bot.service_queue_upkeep')._wait"),
    "another object's state": ("bot.service", "class S:\n    def f(self):\n        return self.store._connection\n",
                               "self.store._connection"),
    "a part's state from the façade": ("bot.service", "def sent(service):\n    return service.outbox._sent_unrecorded\n",
                                       "service.outbox._sent_unrecorded"),
    "setting another object's state": ("bot.service", "def f(store):\n    store._connection = None\n",
                                       "store._connection"),
}


@pytest.mark.parametrize("module, source, name", CROSSING_UNDERSCORES.values(), ids=CROSSING_UNDERSCORES)
def test_an_underscore_name_crossing_modules_is_caught(module, source, name):
    assert [found.partition(": ")[2] for found in private_names(ast.parse(source), module)] == [name]


KEPT_UNDERSCORES = {
    "own attribute": "class A:\n    def __init__(self):\n        self._x = 1\n    def same(self, other):\n"
                     "        return other._x == self._x\n",
    "set by name": "class A:\n    def __post_init__(self):\n        object.__setattr__(self, '_x', 1)\n"
                   "def f(a):\n    return a._x\n",
    "own module-level name": "_LIMIT = 3\ndef f(settings):\n    return getattr(settings, '_LIMIT')\n",
    "a named tuple's methods": "def f(q):\n    return q._replace(text='').__class__._fields\n",
    "public names": "from .service_queue_upkeep import wait\nimport bot.service_queue_upkeep\nbot.service_queue_upkeep.wait\n",
}


@pytest.mark.parametrize("source", KEPT_UNDERSCORES.values(), ids=KEPT_UNDERSCORES)
def test_an_underscore_name_of_the_module_itself_is_kept(source):
    assert private_names(ast.parse(source), "bot.service_queue") == []


# Each class uses one attribute it never defines, ``missing`` (review s11 code #5).
UNDEFINED_ON_SELF = {
    "lambda in the class body": "class A:\n    x = property(lambda self: self.missing)\n",
    "method under if": "class A:\n    if True:\n        def f(self):\n            return self.missing\n",
    "method under try": "class A:\n    try:\n        def f(self):\n            return self.missing\n"
                        "    except ImportError:\n        pass\n",
    "getattr": "class A:\n    def f(self):\n        return getattr(self, 'missing')\n",
    "alias of self": "class A:\n    def f(self):\n        me = self\n        return me.missing\n",
    "type(self)": "class A:\n    def f(self):\n        return type(self).missing\n",
    "super()": "class A:\n    def f(self):\n        return super().missing()\n",
    "classmethod": "class A:\n    @classmethod\n    def f(cls):\n        return cls.missing\n",
}


def undefined_on_self(source: str) -> set[str]:
    [cls] = ast.parse(source).body
    return set(self_attributes(cls, stored=False)) - definitions("bot.sample", cls)


@pytest.mark.parametrize("source", UNDEFINED_ON_SELF.values(), ids=UNDEFINED_ON_SELF)
def test_an_attribute_the_class_never_defines_is_caught(source):
    assert undefined_on_self(source) == {"missing"}


DEFINED_ON_SELF = {
    "method defined under if": "class A:\n    if True:\n        def g(self):\n            return 1\n"
                               "    def f(self):\n        return self.g()\n",
    "lambda given to staticmethod": "class A:\n    key = staticmethod(lambda entry: entry.date)\n",
    "getattr with a default": "class A:\n    def f(self):\n        return getattr(self, 'maybe', None)\n",
    "attribute set in a lambda's method": "class A:\n    def __init__(self):\n        self.x = 1\n"
                                          "    y = property(lambda self: self.x)\n",
}


@pytest.mark.parametrize("source", DEFINED_ON_SELF.values(), ids=DEFINED_ON_SELF)
def test_what_the_class_defines_is_not_reported(source):
    assert undefined_on_self(source) == set()


def test_the_checks_see_a_part_leaning_on_the_service_that_holds_it():
    """The shape the service's parts replaced (review s9 house #1): a mixin calling the concrete service's
    helper, and reading state only the concrete service sets."""
    sample = ast.parse("class Outbox:\n    def owe(self):\n        self.store.owe()\n        self._tell_owed()\n")
    [part] = sample.body
    assert set(self_attributes(part, stored=False)) - definitions("bot.service", part) == {"store", "_tell_owed"}
