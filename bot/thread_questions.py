"""A mention in a thread that asks nothing of its own ("@canishare can we share this?", "what about
this?", "see above"): the thread's first message is the question, as with the message shortcut. No
Slack here: the rule, and how the two texts are put together."""

from __future__ import annotations

import re

from bot.small_talk import is_blank, small_talk

# Words that point at something said before, and words any request to share is made of: a mention made
# only of these says nothing about the situation. One word outside them ("police", "school", "CAMHS",
# "consent") makes it a question of its own.
POINTING = frozenset("this that these those above it here thread message post one case situation".split())
ASKING = frozenset("""
    a about advice advise allowed am an and any anyone anything answer are be can canishare check could do does
    else fine for guidance help how i i'm id if in is just know let legal lawful may me mind might need
    of ok okay on or our out pass please pls plz q question re regarding right safe say see share shared sharing
    should so the thanks them there think thoughts to u us view we what whats what's will with would yes you your
""".split())
LONGEST_POINTER = 12  # words: beyond this a mention says something of its own, whatever its words

_WORD = re.compile(r"[a-z']+|\d+")


def has_no_question_of_its_own(text: str | None) -> bool:
    """True for a mention that only points at the thread ("can we share this?", "see above", nothing at
    all); False for small talk ("thanks", "help") and for anything that names the situation."""
    if is_blank(text):
        return True
    if small_talk(text) is not None:
        return False
    words = _WORD.findall((text or "").casefold().replace("\u2019", "'"))
    if not words or len(words) > LONGEST_POINTER:
        return False
    return all(word in POINTING or word in ASKING for word in words)


def question_from_thread(first_message: str, mention: str | None) -> str:
    """The question a thread mention asks: the thread's first message, then what the mention said."""
    if is_blank(mention):
        return first_message.strip()
    return f"{first_message.strip()}\n\n{(mention or '').strip()}"
