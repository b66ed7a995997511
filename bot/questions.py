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


# A second ask joined to a first one: "Can I email it to the police and do I need to tell mum first?". The
# clause before the joiner must ask too: "I'm the DSL and am I allowed to ...", "Also can I ..." ask once.
_ASKING = r"(?:do|does|can|could|should|shall|must|may|will|would|is|are|have|has|am)[ \t]+(?:i|we|you|they|he|she)\b"
_AN_ASK = re.compile(r"(?i)\b(?:(?:what|when|who|whom|which|why|how)\b|" + _ASKING + ")")
_SECOND_ASK = re.compile(r"(?i)\b(?:and|also|plus)[ \t]+(?:also[ \t]+)?" + _ASKING)
# A question of its own: "Can I share with the police? Do I need to tell mum?"
_A_QUESTION = re.compile(r"(?i)(?:^|(?<=[.?!]))[ \t\n]*(?:(?:what|when|who|whom|which|why|how)\b|" + _ASKING
                         + r")[^.?!]*\?")
# ...unless the second only asks for advice on the first: "What do you think?", "Am I OK to do that?"
_ADVICE_WORDS = frozenset("""what when how who do does did you think should i we me us it that this so then go about
    am is are ok okay fine alright right allowed able to can could would will be the a an any advice help best way
    next now here there next step steps know need proceed""".split())


def asks_more_than_one_thing(text: str) -> bool:
    """Two questions in one ("Can I email the referral to the police and do I need to tell mum first?", or
    two questions of four words or more): one FAQ answer may cover only one, and the asker must be told which.
    A statement then an ask, an ask opening with "Also", or an ask then "What do you think?" ask one thing."""
    for joined in _SECOND_ASK.finditer(text):
        sentence_start = max(text.rfind(end, 0, joined.start()) for end in ".?!\n") + 1
        if _AN_ASK.search(text, sentence_start, joined.start()):
            return True
    questions = [m.group() for m in _A_QUESTION.finditer(text) if len(m.group().split()) >= 4]
    return len([q for q in questions if not _asks_only_for_advice(q)]) >= 2


def _asks_only_for_advice(question: str) -> bool:
    return set(re.findall(r"[a-z']+", question.casefold())) <= _ADVICE_WORDS
