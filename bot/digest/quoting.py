"""What the digest may quote, and how: a question is quoted only when enough different people
asked it, without Slack mentions or broadcasts, and with names masked."""

from __future__ import annotations

import re

QUOTE_MIN_ASKERS = 3
QUOTE_MAX_CHARS = 280

_MENTION = re.compile(r"<([@#!])[^>]*>")
BROADCASTS = {"@here", "@channel", "@everyone"}  # kept as words: escaping makes them harmless
_HANDLE = re.compile(r"(?<![\w@])@[\w.\-]+")  # "@U0ABC", "@jo.bloggs" as stored after Slack markup is undone
_SENTENCE = re.compile(r"([.!?:;\n]+|\s[-\u2013\u2014]\s)")
_TITLE_WORD = re.compile(r"\b[A-Z][a-z]+(?:'s)?\b")
# Title-case words that open a sentence and are not names; any other opening title-case word is
# taken for a name ("Kayleigh told me ...").
SENTENCE_OPENERS = frozenset("""
    a an the i i'm i've i'd im my our we we're we've us you your he she they it its this that these those
    there here if when where what who whom whose which why how can could do does did is are was were will
    would should shall may might must have has had any anyone someone some no not just so also and but or
    please hi hello hey thanks quick question re urgent help does is yes ok okay after before since
    as at in on for from with about to by of also once while although though because new our its
    parent parents mum dad mother father child children client patient pupil student tenant family
    social school gp police housing council nurse health teacher doctor manager colleague
""".split())


def _is_name_word(word: str, opens_sentence: bool) -> bool:
    bare = word.removesuffix("'s")
    return not opens_sentence or bare.lower() not in SENTENCE_OPENERS


def _mask_names(value: str) -> str:
    """Title-case words become "[name]" (they are usually people's or places' names, which redaction
    does not remove), except "I" and the ordinary words that open a sentence."""
    pieces = _SENTENCE.split(value)
    for n in range(0, len(pieces), 2):
        sentence = pieces[n]
        opening = len(sentence) - len(sentence.lstrip())
        pieces[n] = _TITLE_WORD.sub(
            lambda m: "[name]" if _is_name_word(m.group(0), m.start() == opening) else m.group(0), sentence
        )
    return "".join(pieces)


def names_in(value: str) -> bool:
    return _mask_names(value) != value


def quote(value: str, limit: int = QUOTE_MAX_CHARS) -> str:
    """A stored (redacted) question made fit to quote: Slack mentions and broadcasts removed, names
    masked, whitespace collapsed, cut to ``limit`` characters. Escaping is the renderer's job."""
    value = _MENTION.sub(lambda m: {"@": "@someone", "#": "#channel", "!": ""}[m.group(1)], value)
    value = _HANDLE.sub(lambda m: m.group(0) if m.group(0).lower() in BROADCASTS else "@someone", value)
    value = _mask_names(" ".join(value.split()))
    return value if len(value) <= limit else value[: limit - 1].rstrip() + "\u2026"
