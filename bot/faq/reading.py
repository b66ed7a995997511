"""Reading an FAQ file's YAML so that nothing in it changes silently: every mapping keeps the line of
itself and of each key, a key given twice in one mapping is reported with both lines (YAML would keep
only the last value), and unquoted ``no``/``yes``/``101`` stay the text that was written, marked so
that the field checks can ask for quotes where text is expected."""

from __future__ import annotations

import re

import yaml


class Unquoted(str):
    """A scalar YAML 1.1 would have read as a boolean or a number (``no``, ``on``, ``101``, ``1.5``),
    kept as the text written. ``kind`` says what YAML would have made of it."""

    kind: str

    def __new__(cls, written: str, kind: str) -> "Unquoted":
        value = super().__new__(cls, written)
        value.kind = kind
        return value


class CutAtComment(str):
    """An unquoted text whose line goes on with `` #...``: YAML read that part as a comment and dropped
    it. ``dropped`` is what was cut off."""

    dropped: str

    def __new__(cls, kept: str, dropped: str) -> "CutAtComment":
        value = super().__new__(cls, kept)
        value.dropped = dropped
        return value


class DuplicateKey(tuple):
    """(key, first line, repeated line) of a key given twice in one mapping."""


_A_COMMENT = re.compile(r"(?:[ ]{2,}|\t)[ \t]*#+(?:[ \t]|$)")


class LineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml's parser when present
    """A safe loader that remembers the line of every mapping, of each of its keys, of each item of a
    list under a key (``__item_lines__``) and of the first line of a literal block (``__text_lines__``), and
    collects repeated keys in ``duplicate_keys``."""

    def __init__(self, stream: str):
        super().__init__(stream)
        self.duplicate_keys: list[DuplicateKey] = []
        self.source_lines = stream.splitlines()

    def construct_mapping(self, node, deep=False):
        # the keys written in this mapping, before a merge key ("<<: *defaults") brings others in, which
        # this mapping's own keys may override: that is no key given twice
        own = [k for k, _ in node.value if isinstance(k, yaml.ScalarNode) and k.tag != "tag:yaml.org,2002:merge"]
        mapping = super().construct_mapping(node, deep=deep)
        mapping["__line__"] = node.start_mark.line + 1
        seen: dict = {}
        for key_node in own:
            line = key_node.start_mark.line + 1
            if key_node.value in seen:
                self.duplicate_keys.append(DuplicateKey((key_node.value, seen[key_node.value], line)))
            seen[key_node.value] = line
        lines = {k.value: k.start_mark.line + 1 for k, _ in node.value if isinstance(k, yaml.ScalarNode)}
        mapping["__lines__"] = {**lines, **seen}
        mapping["__item_lines__"] = {
            key_node.value: [item.start_mark.line + 1 for item in value_node.value]
            for key_node, value_node in node.value
            if isinstance(key_node, yaml.ScalarNode) and isinstance(value_node, yaml.SequenceNode)
        }
        # a literal block's lines are the text's lines: a finding in its n-th line is at this line + n
        mapping["__text_lines__"] = {
            key_node.value: value_node.start_mark.line + 2
            for key_node, value_node in node.value
            if isinstance(key_node, yaml.ScalarNode) and getattr(value_node, "style", None) == "|"
        }
        return mapping

    def construct_yaml_timestamp(self, node):
        """Dates stay text here: the field checks read them and name an impossible one (2026-02-30)
        with its entry and field, where YAML's own reading would stop the whole file."""
        return self.construct_scalar(node)

    def construct_text(self, node):
        """A text as written; an unquoted one whose line goes on with what reads as more of it is marked
        (``CutAtComment``): "question: Is a #1 list ok?" reads as "Is a", and only lint can say so. A comment
        as people write them, two spaces or a tab, "# " and words ("- myth   # keep first"), is a comment; "a
        child's NHS # with the nurse" is not."""
        value = self.construct_scalar(node)
        end = node.end_mark
        if node.style not in (None, "") or end.line >= len(self.source_lines):  # "" is plain, in libyaml
            return value
        rest = self.source_lines[end.line][end.column:]
        after = rest.lstrip()
        if rest[:1] in (" ", "\t") and after.startswith("#") and not _A_COMMENT.match(rest):
            return CutAtComment(value, after)
        return value

    def construct_unquoted_bool(self, node):
        return Unquoted(self.construct_scalar(node), "true or false")

    def construct_unquoted_number(self, node):
        return Unquoted(self.construct_scalar(node), "a number")


LineLoader.add_constructor("tag:yaml.org,2002:str", LineLoader.construct_text)
LineLoader.add_constructor("tag:yaml.org,2002:timestamp", LineLoader.construct_yaml_timestamp)
LineLoader.add_constructor("tag:yaml.org,2002:bool", LineLoader.construct_unquoted_bool)
LineLoader.add_constructor("tag:yaml.org,2002:int", LineLoader.construct_unquoted_number)
LineLoader.add_constructor("tag:yaml.org,2002:float", LineLoader.construct_unquoted_number)

BOOKKEEPING = ("__line__", "__lines__", "__item_lines__", "__text_lines__")


def read_yaml(text: str) -> tuple[object, list[DuplicateKey]]:
    """The document in ``text`` and its repeated keys; raises yaml.YAMLError as yaml.load does."""
    loader = LineLoader(text)
    try:
        return loader.get_single_data(), loader.duplicate_keys
    finally:
        loader.dispose()


def is_text(value: object) -> bool:
    """Whether ``value`` was written as text (an unquoted ``no`` or ``101`` was not)."""
    return isinstance(value, str) and not isinstance(value, Unquoted)
