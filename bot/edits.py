"""When an edited DM question is answered again. No Slack here.

A practitioner who edits the question they just sent ("… We're in Scotland") means the new text: it is
answered as a new question, but only soon after the first answer (an edit days later is a correction of
the record, not a new question) and only when the words changed (Slack also reports a link preview or
a change of formatting as an edit). An edit into small talk ("thanks") or one that withdraws the question
("ignore this, sorted") is answered with nothing; an edit of a question whose escalation still waits for an
advisor goes to that escalation as a follow-up (a second, unlinked question would leave the advisor working
from the old wording). An edit that asks something new too late to be answered is not dropped without a word:
the asker is told why and what to do instead. An edit of a reply in the thread of a DM question still with the
advisors goes to its escalation too, as the reply did; once the escalation has its answer or is closed, the
asker is told that the change was not passed on."""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum

from bot.records import Question
from bot.small_talk import small_talk
from bot.times import parse_stored_time

# How long after its answer an edited question is answered again: the one place this is set.
EDIT_ANSWERED_WITHIN = dt.timedelta(minutes=10)

_NOT_WORDS = re.compile(r"[\W_]+")
# Words that take a question back: the asker needs nothing more ("ignore this, sorted it with my manager").
_WITHDRAWN = re.compile(r"(?:(?:oh|ok|okay|please|actually|sorry|thanks|dont worry|no need|its|it is|all|now) )*"
                        r"(?:ignore (?:this|that|it|me|the above|my (?:last )?(?:message|question))|never ?mind|nvm"
                        r"|disregard|scratch that|forget (?:it|this|that)|no longer needed|not needed|sorted"
                        r"|resolved|no worries|cancel(?:led)?|withdrawn?)\b")
LONGEST_WITHDRAWAL = 15  # words: a longer edit says something more than "never mind"
# How an edit reaches the advisors when its question was already sent to them.
EDITED_TO = "Edited the question to: {}"
EDITED_REPLY_TO = "Edited an earlier message in the thread to: {}"


class EditMeans(StrEnum):
    NOTHING = "nothing"            # no new words, small talk, or the question withdrawn
    TOO_LATE = "too_late"          # new words, too long after the answer: the asker is told so
    NEW_QUESTION = "new_question"  # answered again, as the new text asks
    FOLLOW_UP = "follow_up"        # added to the question's escalation, which still waits for an advisor
    REPLY_FOLLOW_UP = "reply_follow_up"  # a thread reply's edit, added to the escalation that still waits
    REPLY_NOT_ADDED = "reply_not_added"  # an edit of a reply added to an escalation since answered or closed


def words_of(text: str | None) -> str:
    """The words of ``text``, case and punctuation aside ("Can I share?" and "can i share" are the same)."""
    return " ".join(_NOT_WORDS.sub(" ", (text or "").casefold()).split())


def changes_the_question(before: str | None, after: str | None) -> bool:
    return bool(words_of(after)) and words_of(before) != words_of(after)


def withdraws_the_question(text: str | None) -> bool:
    """A short edit that takes the question back ("ignore this, sorted", "never mind") and asks nothing."""
    words = words_of((text or "").replace("'", "").replace("\u2019", ""))
    return ("?" not in (text or "") and len(words.split()) <= LONGEST_WITHDRAWAL
            and _WITHDRAWN.match(words) is not None)


def what_the_edit_means(original: Question | None, before: str | None, after: str | None, now: dt.datetime,
                        escalation_waits: bool = False) -> EditMeans:
    """What an edit of a DM question does. Its words must change and it must not be small talk. While its
    escalation waits for an advisor, it goes to them (a withdrawal too: the advisor should know), whenever
    made. Otherwise it is answered again if it was made less than ``EDIT_ANSWERED_WITHIN`` after the
    question was asked (and so answered) and does not withdraw it."""
    if original is None or not changes_the_question(before, after) or small_talk(after) is not None:
        return EditMeans.NOTHING
    if escalation_waits:
        return EditMeans.FOLLOW_UP
    if withdraws_the_question(after):
        return EditMeans.NOTHING
    asked = parse_stored_time(original.created_at)
    if asked is None or now - asked >= EDIT_ANSWERED_WITHIN:
        return EditMeans.TOO_LATE
    return EditMeans.NEW_QUESTION


def what_the_reply_edit_means(before: str | None, after: str | None, escalation_waits: bool,
                              was_added: bool) -> EditMeans:
    """What an edit of a DM reply in a question's thread does (not a question itself): added to the thread's
    escalation while it waits for an advisor, as the reply was (``was_added``) or would have been; an edit of
    a reply added to an escalation no longer waiting is not added, and the asker is told so."""
    if not changes_the_question(before, after) or small_talk(after) is not None:
        return EditMeans.NOTHING
    if escalation_waits:
        return EditMeans.REPLY_FOLLOW_UP
    return EditMeans.REPLY_NOT_ADDED if was_added else EditMeans.NOTHING


def reply_not_added_said(escalation_id: int, answered: bool) -> str:
    """What the asker is told of an edit of what they added to escalation ``escalation_id``, which no longer
    waits for an advisor (``answered``: it has its answer, else it was closed)."""
    state = "already has its answer" if answered else "is closed"
    return (f"You edited a message you added to escalation #{escalation_id}, but it {state}, so I have not passed "
            "the change on to the advisors. To ask about it, reply in your question's thread with what changed: "
            "I will answer it as a new question.")


def too_late_said(escalation_id: int | None = None, answered: bool = False) -> str:
    """What the asker is told of an edit made too late to be answered (``escalation_id``: the question's last
    escalation, no longer with the advisors; ``answered``: it has its answer)."""
    minutes = int(EDIT_ANSWERED_WITHIN.total_seconds() // 60)
    said = (f"You edited your question, but I answer an edited question only within {minutes} minutes of asking "
            "it, so I have not answered the new wording")
    if escalation_id is not None:
        said += (f", and escalation #{escalation_id} already has its answer" if answered
                 else f", and escalation #{escalation_id} is closed")
    return said + ". To ask it, send it to me as a new message."

