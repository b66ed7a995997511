"""What canishare takes as a question: its longest length, and the refusals of what is not one."""

from __future__ import annotations

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
