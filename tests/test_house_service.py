"""The service's files can each be read and tested alone (review s9 house #1), by the checks
``test_house_modules`` makes of the name finder, the redactor and the store: no class in ``bot/service*.py``
uses on ``self`` a name that neither it nor one of its declared bases defines (a mixin leaning on a sibling
mixin, or on state only the concrete ``Service`` sets, fails here), or an underscore attribute of another
module's class; and no service module takes another bot module's underscore name."""

import ast
from pathlib import Path

import pytest
from test_house_modules import (
    classes_in,
    defined_in_module,
    definitions,
    module_name,
    private,
    private_imports,
    relative,
    self_attributes,
    tree,
)

SERVICE = sorted((Path(__file__).resolve().parent.parent / "bot").glob("service*.py"))


def undefined_uses(path: Path) -> list[str]:
    module = module_name(path)
    return [f"{cls.name} uses self.{name} (line {line}), defined by no base"
            for cls in classes_in(path)
            for name, line in self_attributes(cls, stored=False).items()
            if name not in definitions(module, cls)]


@pytest.mark.parametrize("path", SERVICE, ids=relative)
def test_each_service_class_defines_what_it_uses_on_self(path):
    """What a part needs comes in through its constructor, or from a base it declares."""
    assert undefined_uses(path) == []


@pytest.mark.parametrize("path", SERVICE, ids=relative)
def test_no_service_class_uses_another_modules_underscore_attributes(path):
    module = module_name(path)
    assert [f"{cls.name}.{name} (line {line})" for cls in classes_in(path) for stored in (False, True)
            for name, line in self_attributes(cls, stored=stored).items()
            if private(name) and name not in defined_in_module(module, cls)] == []


@pytest.mark.parametrize("path", SERVICE, ids=relative)
def test_no_service_module_takes_another_modules_underscore_names(path):
    assert private_imports(tree(module_name(path))) == []


def test_the_check_sees_a_part_leaning_on_the_service_that_holds_it():
    """The shape this replaced: a mixin calling the concrete service's helper, and reading its state."""
    sample = ast.parse("class Outbox:\n    def owe(self):\n        self.store.owe()\n        self._tell_owed()\n")
    [part] = sample.body
    assert set(self_attributes(part, stored=False)) - definitions("bot.service", part) == {"store", "_tell_owed"}
