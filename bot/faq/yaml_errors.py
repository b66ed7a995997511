"""A YAML syntax error in plain words, for a curator rather than a developer: where it is (line,
column, the line itself with a caret under the place) and the usual cause, with what to do."""

from __future__ import annotations

import re

import yaml

QUOTE_IT = "put the whole text in double quotes (write a \" inside it as \\\")"
# the start of a line's text: its indentation, a list dash, a "key: "
_LEAD = re.compile(r"^\s*(?:-\s+)?(?:[\w-]+:\s+)?")


def explain(error: yaml.YAMLError, text: str) -> tuple[str, int | None]:
    """The message for ``error`` raised reading ``text``, and its line (from 1)."""
    mark = getattr(error, "problem_mark", None)
    reason = getattr(error, "problem", None) or str(error)
    if mark is None:
        return f"invalid YAML: {reason}", None
    lines = text.splitlines()
    line = lines[mark.line] if mark.line < len(lines) else ""
    before = lines[mark.line - 1] if 0 < mark.line <= len(lines) else ""
    where = f"invalid YAML at column {mark.column + 1} ({reason})"
    # a tab shown as one visible mark, so that the caret stands under the place on any terminal
    shown = f"\n    {line.replace(chr(9), '→')}\n    {' ' * mark.column}^" if line.strip() else ""
    earlier = {_indent(t) for t in lines[:mark.line] if t.strip() and not t.lstrip().startswith("#")}
    hint = _misaligned_list(lines, mark.line) or _hint(reason, line, before, mark.column, earlier)
    return f"{where}: {hint}{shown}", mark.line + 1


def _misaligned_list(lines: list[str], index: int) -> str | None:
    """Two items of one list that do not line up (the parser names the second; either may be the odd one)."""
    line = lines[index] if index < len(lines) else ""
    above = next((n for n in range(index - 1, -1, -1)
                  if lines[n].strip() and not lines[n].lstrip().startswith("#")), None)
    if above is None or not (_is_item(line) and _is_item(lines[above])) or _indent(line) == _indent(lines[above]):
        return None
    return (f"this list item is indented {_indent(line)} space(s) and the one above it (line {above + 1}) "
            f"{_indent(lines[above])}: items of one list line up; indent them all alike, with spaces, as the "
            "other lists in the file are")


def _is_item(line: str) -> bool:
    return line.lstrip(" ").startswith("- ")


def _hint(reason: str, line: str, before: str, column: int, earlier: set[int]) -> str:
    for text in (line, before):  # the parser often notices one line late (an apostrophe in '...')
        hint = _hint_for_line(reason, text, column if text is line else None)
        if hint:
            return hint
    indent = _indent(line)
    if line.strip() and indent not in earlier and "expected" in reason:
        closest = min(earlier, key=lambda n: (abs(n - indent), n), default=0)
        return (f"this line is indented {indent} space(s), as no line above it is: indent it like the field or "
                f"list item it belongs with, with spaces ({closest}, perhaps; an entry's fields take 2)")
    return ("check this line and the one above: indent it like the lines around it (with spaces), and if it "
            f"is text starting with a special character (' \" * & [ {{ ! | > % @ `) or holding ': ', {QUOTE_IT}")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _hint_for_line(reason: str, line: str, column: int | None) -> str | None:
    if "\t" in line[:len(line) - len(line.lstrip())] or (column is not None and line[column:column + 1] == "\t"):
        return f"a tab at column {line.index(chr(9)) + 1}: indent with spaces, never tabs"
    value = line[_LEAD.match(line).end():] if line.strip() else ""
    if value[:1] in ("'", '"') and _goes_on_after_closing_quote(value):
        return f"the text starts with a quote and goes on after the closing quote: {QUOTE_IT}"
    if value[:1] in ("*", "&", "!", "|", ">", "%", "@", "`") and not value.startswith(("|-", ">-", "|\n", ">\n")) \
            and value not in ("|", ">"):
        slack = " (Slack's *bold*, for one)" if value[0] == "*" else ""
        return f"a text cannot start with {value[0]!r}{slack} unless quoted: {QUOTE_IT}"
    if value[:1] in ("[", "{") and not value.rstrip().endswith(("]", "}")):
        return f"a text starting with {value[0]!r} is read as a list or a mapping: {QUOTE_IT}"
    if "mapping values" in reason or ": " in value:
        return f"': ' (a colon and a space) inside unquoted text starts a new key: {QUOTE_IT}"
    if value[:1] == "'" and "'" in value[1:-1]:
        return f"an apostrophe inside a text in single quotes ends it: {QUOTE_IT}, or write the apostrophe twice ('')"
    return None


def _goes_on_after_closing_quote(value: str) -> bool:
    quote = value[0]
    closing = value.find(quote, 1)
    while quote == "'" and closing != -1 and value[closing + 1:closing + 2] == "'":  # '' is an apostrophe
        closing = value.find(quote, closing + 2)
    return closing != -1 and bool(value[closing + 1:].split("#")[0].strip())
