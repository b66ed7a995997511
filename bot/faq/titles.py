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
_FIRST_WORDS = re.compile(r"[\s\"'‘“«(\[]*([\w’']+)\W+([\w’']+)")
_ASKING_WORDS = frozenset("what which who whom whose when where why how".split())
# The verbs a yes-or-no question puts first, before its subject ("Can I", "Is it", "Should the school").
_AUXILIARIES = frozenset(
    "is isn't are aren't am was wasn't were weren't do don't does doesn't did didn't can can't could couldn't "
    "will won't would wouldn't shall should shouldn't may might must mustn't have haven't has hasn't had "
    "hadn't".split())
_PRONOUNS = frozenset("i we you they he she it there".split())
# After an asking word, these begin a statement instead ("When in doubt, don't share", "How we share").
_NOT_ASKING_AFTER = frozenset("in on at for to with by from we i you they he she the a an our your their".split())


def asks(title: str) -> bool:
    """Whether the title is a question: it ends in "?", perhaps followed by closing quotes or brackets."""
    return bool(_QUESTION_END.search(title))


def starts_like_a_question(title: str) -> bool:
    """A question's opening: a verb a yes-or-no question puts first ("Can I", "Doesn't GDPR"), or an asking
    word that a statement's preposition or subject does not follow ("What counts", "When can I"): "When in
    doubt, don't share" and "How we share" are statements."""
    words = _FIRST_WORDS.match(title)
    if not words:
        return False
    first, second = (w.casefold().replace("’", "'") for w in words.groups())
    return first in _AUXILIARIES or (first in _ASKING_WORDS and second not in _NOT_ASKING_AFTER)


def inverted(title: str) -> bool:
    """A verb before a pronoun ("Can I", "Is it", "Do we"): a question however it ends, even for a myth."""
    words = _FIRST_WORDS.match(title)
    return bool(words) and (words.group(1).casefold().replace("’", "'") in _AUXILIARIES
                            and words.group(2).casefold() in _PRONOUNS)


def check_title(question: str, tags: Iterable[str], problem: Callable[..., None]) -> None:
    """An error for a title that would be shown as "Myth: …" but is no myth's statement. A title tagged as a
    myth may open as statements do, with any word ("When in doubt, don't share.", "Can't share health
    information without consent."), unless a verb comes before a pronoun, as only a question's does."""
    if not question or asks(question):
        return
    if inverted(question) or (MYTH_TAG not in tags and starts_like_a_question(question)):
        problem("question", "starts like a question but does not end in '?', so readers would be shown it as "
                            "'Myth: …': end it with '?'")
    elif MYTH_TAG not in tags:
        problem("question", "does not end in '?', so readers are shown it as 'Myth: …', the statement of a myth "
                            f"that the answer corrects: if it is one, tag the entry {MYTH_TAG!r}; if it asks, "
                            "end it with '?'")
