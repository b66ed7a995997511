import io

from bot.readable import decoded, readable, readable_lines


def test_utf8_is_read_as_utf8_and_anything_else_as_windows_1252():
    assert decoded("café – ok".encode()) == "café – ok"
    assert decoded(b"\xef\xbb\xbfwith a mark") == "with a mark"
    assert decoded(b"caf\xe9 \x96 \x93quoted\x94 943\xa0476") == "café – “quoted” 943\u00a0476"
    assert decoded(b"\x81") == "\ufffd"


def test_readable_recovers_bytes_python_kept_as_surrogates_and_replaces_other_surrogates():
    assert readable(b"caf\xe9".decode("utf-8", "surrogateescape")) == "café"
    assert readable("a\ud800b") == "a\ufffdb"
    assert readable("plain text") == "plain text"


def test_readable_lines_decodes_each_line_on_its_own():
    stream = io.BufferedReader(io.BytesIO(b"one\r\n\xff two\nthree \xe2\x80\x93 four\n"))
    assert list(readable_lines(stream)) == ["one", "ÿ two", "three – four"]
    utf16 = io.BufferedReader(io.BytesIO("first\nsecond\n".encode("utf-16")))
    assert list(readable_lines(utf16)) == ["first", "second"]


def test_readable_lines_reads_utf16_without_its_mark_and_leaves_the_stream_open():
    stream = io.BytesIO("NHS 943 476 5919\nnext\n".encode("utf-16-le"))
    assert list(readable_lines(stream)) == ["NHS 943 476 5919", "next"]
    assert not stream.closed
    stream = io.BytesIO(b"\xff")  # one byte so far, then the rest: never mistaken for a mark
    assert list(readable_lines(stream)) == ["ÿ"]


def test_readable_lines_of_an_empty_stream():
    assert list(readable_lines(io.BytesIO(b""))) == []


def test_bidirectional_controls_are_dropped_from_text_coming_in():
    """U+202E and its kin reorder what follows: what an advisor reads could differ from what is stored (s9 L2)."""
    spoof = "can I share? \u202eon\u202c \u2066x\u2069 \u200fy\u200e"
    assert readable(spoof) == "can I share? on x y"
    assert decoded(spoof.encode("utf-8")) == "can I share? on x y"
    assert list(readable_lines(io.BytesIO((spoof + "\n").encode("utf-16")))) == ["can I share? on x y"]
