"""An entry's ``question`` is shown as its title: a question as written, a statement as "Myth: …".

Which one a title is, is read from its shape: a question ends in "?", or in "?" and then closing quotes
or brackets (``Is it "need to know?"``). Any other title states something, and readers are shown it as a
myth that the answer corrects. Lint holds every title to that: a title that does not end in "?" must be
the statement of a myth (the entry is tagged ``myth``), and must not start like a question that has
lost its "?"."""

from __future__ import annotations

import re
from typing import Callable, Iterable

MYTH_TAG = "myth"

_QUESTION_END = re.compile(r"\?[\s\"'’”»)\]}]*\Z")
_FIRST_WORD = re.compile(r"[\s\"'‘“«(\[]*([\w’']+)")
# The words a question starts with: asking words, and the verbs a yes-or-no question puts first.
_QUESTION_WORDS = frozenset(
    "what which who whom whose when where why how is isn't are aren't am was wasn't were weren't do don't does "
    "doesn't did didn't can can't could couldn't will won't would wouldn't shall should shouldn't may might "
    "must mustn't have haven't has hasn't had hadn't".split())


def asks(title: str) -> bool:
    """Whether the title is a question: it ends in "?", perhaps followed by closing quotes or brackets."""
    return bool(_QUESTION_END.search(title))


def starts_like_a_question(title: str) -> bool:
    first = _FIRST_WORD.match(title)
    return bool(first) and first.group(1).casefold().replace("’", "'") in _QUESTION_WORDS


def check_title(question: str, tags: Iterable[str], problem: Callable[..., None]) -> None:
    """An error for a title that would be shown as "Myth: …" but is no myth's statement."""
    if not question or asks(question):
        return
    if starts_like_a_question(question):
        problem("question", "starts like a question but does not end in '?', so readers would be shown it as "
                            "'Myth: …': end it with '?'")
    elif MYTH_TAG not in tags:
        problem("question", "does not end in '?', so readers are shown it as 'Myth: …', the statement of a myth "
                            f"that the answer corrects: if it is one, tag the entry {MYTH_TAG!r}; if it asks, "
                            "end it with '?'")
