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

All three drop bidirectional controls (U+202A-202E, U+2066-2069, U+200E, U+200F, U+061C): echoed in a card,
App Home, a reply, the digest or an export, "share? \u202eon" would read differently from what is stored.
Taken out here, as text comes in, they are in nothing canishare stores or shows.
"""

from __future__ import annotations

import codecs
import io
import re
from typing import BinaryIO, Iterator

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_UTF16_MARKS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")


def without_bidi_controls(text: str) -> str:
    return _BIDI_CONTROLS.sub("", text)


def decoded(raw: bytes) -> str:
    """``raw`` as text: UTF-8 if it is UTF-8, else Windows-1252 (unassigned bytes become U+FFFD)."""
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8):]
    try:
        return without_bidi_controls(raw.decode("utf-8"))
    except UnicodeDecodeError:
        return without_bidi_controls(raw.decode("cp1252", errors="replace"))


def readable(text: str) -> str:
    """``text`` without lone surrogates: bytes Python could not decode (it keeps them as surrogates)
    are decoded as ``decoded`` does; any other lone surrogate becomes U+FFFD."""
    if not _LONE_SURROGATE.search(text):
        return without_bidi_controls(text)
    try:
        return decoded(text.encode("utf-8", "surrogateescape"))
    except UnicodeEncodeError:  # a surrogate that stands for no byte (from JSON, say)
        return without_bidi_controls(_LONE_SURROGATE.sub("\ufffd", text))


def readable_lines(stream: BinaryIO) -> Iterator[str]:
    """The lines of a binary stream as text, without their line ends, each decoded on its own; UTF-16
    when the stream starts with its mark, or with a NUL beside a character (UTF-16 without one). The
    caller's stream is read, never closed."""
    head = stream.read(1) or b""  # read, not peeked: a pipe may hold one byte of the mark so far
    if head and head != b"\n":  # an empty first line is answered at once, not after the next one
        head += stream.read(1) or b""
    rest = io.BufferedReader(_Rejoined(head, stream))
    encoding = _utf16(head)
    if encoding is None:
        for raw in rest:
            yield decoded(raw.rstrip(b"\n").rstrip(b"\r"))
        return
    text = io.TextIOWrapper(rest, encoding=encoding, errors="replace", newline=None)
    for line in text:
        yield readable(line.rstrip("\n"))


def _utf16(head: bytes) -> str | None:
    if head in _UTF16_MARKS:
        return "utf-16"
    if len(head) == 2 and head[1] == 0 and head[0] != 0:
        return "utf-16-le"
    if len(head) == 2 and head[0] == 0 and head[1] != 0:
        return "utf-16-be"
    return None


class _Rejoined(io.RawIOBase):
    """The bytes already read from a stream, then the rest of it (its closing is left to its owner)."""

    def __init__(self, head: bytes, stream: BinaryIO):
        self.head, self.stream = head, stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if self.head:
            data, self.head = self.head[: len(buffer)], self.head[len(buffer):]
        else:
            read = getattr(self.stream, "read1", self.stream.read)  # what is there now, for a pipe
            data = read(len(buffer))
        buffer[: len(data)] = data
        return len(data)
