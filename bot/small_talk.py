"""What a message is when it is not a question: nothing a reader can see (only spaces, zero-width and
format characters, fillers, combining marks), a request for help, a greeting, or thanks. No Slack here.

Text pasted from Word or Outlook often brings invisible characters along, so "blank" means blank to
a reader, not to ``str.strip``. Small talk is recognised only when the whole message is small talk:
"hi, can I share …?" is a question.
"""

from __future__ import annotations

import re
import unicodedata
from enum import StrEnum

# Letters that show nothing: the Hangul fillers, the Braille blank, and the Khmer inherent vowels.
_INVISIBLE_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800\u17b4\u17b5")
# Formatting, separators, controls, combining marks, private use and unassigned code points: none is a word.
_INVISIBLE_CATEGORIES = frozenset({"Cf", "Cc", "Cs", "Co", "Cn", "Zs", "Zl", "Zp", "Mn", "Me"})


class Chat(StrEnum):
    """The short reply a message that is not a question gets (the notice's ``about``)."""

    USAGE = "usage"        # empty, invisible, or asking for help: how to ask
    GREETING = "greeting"  # "hi", "hello team"
    THANKS = "welcome"     # "thanks!", "cheers", "👍": you're welcome


def is_blank(text: str | None) -> bool:
    """True when a reader would see nothing: every character is a space, a format or control
    character, a combining mark, or a filler."""
    return not any(_visible(character) for character in text or "")


def _visible(character: str) -> bool:
    return character not in _INVISIBLE_LETTERS and unicodedata.category(character) not in _INVISIBLE_CATEGORIES


# Each with its Welsh (helo, shwmae, diolch, cymorth): Welsh practitioners are in the pilot.
HELP = frozenset("help usage commands command instructions how ? ?? ??? h cymorth".split())
GREETINGS = frozenset("hi hello hey hiya heya yo morning afternoon evening good test testing howdy greetings "
                      "helo shwmae bore da".split())
THANKS = frozenset("thanks thank thx ty ta cheers tysm great perfect brilliant lovely ok okay cool excellent "
                   "fab fantastic super helpful appreciated nice done noted diolch".split())
# Words that may come with small talk without making it a question.
FILLERS = frozenset("you so much very a lot again there all team folks everyone canishare bot please me for "
                    "this the many really that's just yn fawr".split())
MOST_WORDS = 8
_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)?|\?+")
_EMOJI_CODE = re.compile(r":[a-z0-9_+'-]+:")  # Slack's ":thumbsup:", ":+1:"


def small_talk(text: str | None) -> Chat | None:
    """The kind of reply for a message that is not a question (help, a greeting, thanks, only emoji or
    punctuation), or None for anything that may be a question."""
    if is_blank(text):
        return Chat.USAGE
    folded = unicodedata.normalize("NFKC", text or "").casefold().replace("\u2019", "'")
    emoji = bool(_EMOJI_CODE.search(folded)) or any(unicodedata.category(c) == "So" for c in folded)
    words = _WORD.findall(_EMOJI_CODE.sub(" ", folded))
    if not words:  # only emoji ("👍", ":+1:": thanks) or punctuation ("...": how to ask)
        return Chat.THANKS if emoji else Chat.USAGE
    if len(words) > MOST_WORDS or not set(words) <= HELP | GREETINGS | THANKS | FILLERS:
        return None
    if set(words) & HELP:
        return Chat.USAGE
    if set(words) & THANKS:
        return Chat.THANKS
    if set(words) & GREETINGS:
        return Chat.GREETING
    return None
