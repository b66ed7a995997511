"""What canishare takes as a question: its longest length, and the refusals of what is not one."""

from __future__ import annotations

import re

from bot.small_talk import Chat

MAX_QUESTION_CHARS = 4000  # the longest question taken as typed; kept (and matched) to this length after redaction


class EmptyQuestion(ValueError):
    """Nothing a reader can see was asked; ``reply`` is the kind of short reply it gets instead."""

    reply = Chat.USAGE


class QuestionTooLong(EmptyQuestion):
    """A question longer than canishare keeps: refused whole (never cut), with the limit to keep to."""

    def __init__(self, length: int):
        super().__init__(f"Your question is {length:,} characters; I can take up to {MAX_QUESTION_CHARS:,}. "
                         "Please send a shorter version: the situation in a few sentences, without names, "
                         "and what you want to know.")
        self.reply = None


class NotAQuestion(EmptyQuestion):
    """Help, a greeting or thanks in a conversation: answered briefly, never stored or offered to advisors."""

    def __init__(self, reply: Chat):
        super().__init__(f"not a question ({reply})")
        self.reply = reply


# A second ask joined to the first: "... and do I have to tell mum first?", "... also can we ..."
_ASKING = r"(?:do|does|can|could|should|shall|must|may|will|would|is|are|have|has|am)[ \t]+(?:i|we|you|they|he|she)\b"
_SECOND_ASK = re.compile(r"(?i)\b(?:and|also|plus)[ \t]+(?:also[ \t]+)?" + _ASKING)
# A question of its own: "Can I share with the police? Do I need to tell mum?"
_A_QUESTION = re.compile(r"(?i)(?:^|(?<=[.?!]))[ \t\n]*(?:(?:what|when|who|whom|which|why|how)\b|" + _ASKING
                         + r")[^.?!]*\?")


def asks_more_than_one_thing(text: str) -> bool:
    """Two questions in one ("Can I email the referral to the police and do I need to tell mum first?", or
    two questions of four words or more): one FAQ answer may cover only one, and the asker must be told which."""
    if _SECOND_ASK.search(text):
        return True
    return sum(len(m.group().split()) >= 4 for m in _A_QUESTION.finditer(text)) >= 2
