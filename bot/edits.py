"""When an edited DM question is answered again. No Slack here.

A practitioner who edits the question they just sent ("… We're in Scotland") means the new text: it is
answered as a new question, but only soon after the first answer (an edit days later is a correction of
the record, not a new question) and only when the words changed (Slack also reports a link preview or
a change of formatting as an edit)."""

from __future__ import annotations

import datetime as dt
import re

from bot.records import Question
from bot.times import parse_stored_time

# How long after its answer an edited question is answered again: the one place this is set.
EDIT_ANSWERED_WITHIN = dt.timedelta(minutes=10)

_NOT_WORDS = re.compile(r"[\W_]+")


def words_of(text: str | None) -> str:
    """The words of ``text``, case and punctuation aside ("Can I share?" and "can i share" are the same)."""
    return " ".join(_NOT_WORDS.sub(" ", (text or "").casefold()).split())


def changes_the_question(before: str | None, after: str | None) -> bool:
    return bool(words_of(after)) and words_of(before) != words_of(after)


def answer_the_edit(original: Question | None, before: str | None, after: str | None, now: dt.datetime) -> bool:
    """Whether an edit of a DM question gets a new answer: the original was asked (and so answered) less
    than ``EDIT_ANSWERED_WITHIN`` ago, and the edit changes its words."""
    if original is None:
        return False
    asked = parse_stored_time(original.created_at)
    if asked is None or now - asked >= EDIT_ANSWERED_WITHIN:
        return False
    return changes_the_question(before, after)
