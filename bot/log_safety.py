"""Exceptions as the log may hold them. An exception's message can quote what someone typed (a
button's value, a modal's field, a question), so the log gets the exception's type and the
traceback's frames (file, line, function, code) but its message only with every quoted value
dropped and the rest redacted."""

from __future__ import annotations

import re
import traceback

from bot.privacy import redact

# A value quoted in a message, as Python quotes it: "invalid literal for int() with base 10: '…'".
_QUOTED = re.compile(r"'(?:[^'\\]|\\.)*'" + r'|"(?:[^"\\]|\\.)*"', re.DOTALL)  # escaped quotes inside too
MESSAGE_LIMIT = 300


def safe_message(error: BaseException) -> str:
    """The exception's message with quoted values as '…', redacted and cut short."""
    text = _QUOTED.sub(lambda m: m.group()[0] + "…" + m.group()[0], str(error))
    return redact(text[:MESSAGE_LIMIT]).text


def _chain(error: BaseException) -> list[BaseException]:
    """The exception and the ones it was raised from or while handling, oldest first."""
    found: list[BaseException] = []
    current: BaseException | None = error
    while current is not None and all(current is not seen for seen in found):
        found.append(current)
        current = current.__cause__ or (None if current.__suppress_context__ else current.__context__)
    return found[::-1]


def safe_traceback(error: BaseException) -> str:
    """The traceback as Python prints it, each exception's message made safe (``safe_message``)."""
    parts = []
    for link in _chain(error):
        frames = "".join(traceback.format_list(traceback.extract_tb(link.__traceback__)))
        parts.append(f"Traceback (most recent call last):\n{frames}{type(link).__qualname__}: {safe_message(link)}")
    return "\n\nwhich led to:\n\n".join(parts)
