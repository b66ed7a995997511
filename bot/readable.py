"""Text from outside, made readable before anything reads it.

Files and pipes from councils' and trusts' systems are not always UTF-8: an export from an older
system is often Windows-1252 (where byte 0xA0 is a no-break space between the digits of an NHS
number), and some tools write UTF-16. Python hands undecodable bytes of a command-line argument
over as lone surrogates, and JSON may carry them too ("\\ud800"); neither the tokenizers nor SQLite
accept them. Everything that reads a question, an answer or a file line goes through here first:

- ``decoded`` reads bytes as UTF-8 (its byte-order mark dropped) and, when they are not UTF-8, as
  Windows-1252, so that identifiers in such text are still recognised and redacted;
- ``readable`` does the same for a string that carries undecodable bytes as surrogates, and
  replaces any other lone surrogate with U+FFFD;
- ``readable_lines`` reads a binary stream line by line (UTF-16 when it starts with its mark), so
  one bad line never stops the lines after it.
"""

from __future__ import annotations

import codecs
import io
import re
from typing import BinaryIO, Iterator

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_UTF16_MARKS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def decoded(raw: bytes) -> str:
    """``raw`` as text: UTF-8 if it is UTF-8, else Windows-1252 (unassigned bytes become U+FFFD)."""
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8):]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def readable(text: str) -> str:
    """``text`` without lone surrogates: bytes Python could not decode (it keeps them as surrogates)
    are decoded as ``decoded`` does; any other lone surrogate becomes U+FFFD."""
    if not _LONE_SURROGATE.search(text):
        return text
    try:
        return decoded(text.encode("utf-8", "surrogateescape"))
    except UnicodeEncodeError:  # a surrogate that stands for no byte (from JSON, say)
        return _LONE_SURROGATE.sub("\ufffd", text)


def readable_lines(stream: BinaryIO) -> Iterator[str]:
    """The lines of a binary stream as text, without their line ends, each decoded on its own."""
    if not hasattr(stream, "peek"):
        stream = io.BufferedReader(stream)
    start = stream.peek(2)[:2]
    if start in _UTF16_MARKS:
        for line in io.TextIOWrapper(stream, encoding="utf-16", errors="replace", newline=None):
            yield readable(line.rstrip("\n"))
        return
    for raw in stream:
        yield decoded(raw.rstrip(b"\n").rstrip(b"\r"))
