"""A mention in a thread that asks nothing of its own ("@canishare can we share this?", "what about
this?", "see above", "^"): the thread's first message is the question, as with the message shortcut. No
Slack here: the rule, and how the two texts are put together."""

from __future__ import annotations

import re

from bot.small_talk import is_blank, small_talk

# Words that point at something said before, and words any request to share is made of: a mention made
# only of these says nothing about the situation. One word outside them ("police", "school", "CAMHS",
# "consent") makes it a question of its own, unless the mention points back (below).
POINTING = frozenset("this that these those above it here thread message post one case situation".split())
ASKING = frozenset("""
    a about advice advise allowed am an and any anyone anything answer are be can canishare check could do does
    else fine for guidance help how i i'm id if in is just know let legal lawful may me mind might need
    of ok okay on or our out pass please pls plz q question re regarding right safe say see share shared sharing
    should so the thanks them there think thoughts to u us view we what whats what's will with would yes you your
""".split())
# Words that point back unmistakably ("it" and "here" need not): with one of them, or a pointing symbol,
# a mention may also say to whom, how and what is shared ("can we share this with the school without
# consent?") and still ask about the thread. Anything else ("she's 15", "he is at the door now") is the
# situation in the mention's own words: a question of its own.
POINTING_BACK = frozenset("this that these those above thread message post email earlier previous".split())
TO_WHOM = frozenset("""
    school schools nursery college teacher teachers head headteacher senco dsl dsls safeguarding lead leads
    police officer gp gps doctor doctors nurse nurses hospital nhs camhs cahms social services service worker
    workers care children's adult adults mash lado council local authority la housing landlord dwp hmrc
    probation court solicitor ofsted health visitor midwife mum mother dad father parent parents carer carers
    family guardian agency agencies partner partners colleague colleagues team manager employer staff provider
    other another his her their my someone they
""".split())
HOW = frozenset("""
    consent consented permission without asking telling knowing agreement agreeing by via over first before
    verbally writing securely anonymously anonymised redacted forward forwarding send sending tell give giving
    disclose disclosing report reporting refer referring mention show inform discuss raise flag escalate copy cc
""".split())
WHAT = frozenset("""
    information info details detail data records record notes note message messages concern concerns letter
    document documents screenshot screenshots file files minutes disclosure email emails photo photos
""".split())
# Symbols that point at the message above: "^", 👆, ☝ and ⬆ as typed or as Slack writes them (":point_up_2:").
POINTING_SYMBOLS = re.compile(r"\^+|[\u261d\U0001f446\u2b06\u2191\u2934]|:(?:point_up(?:_2)?|arrow_up(?:_small)?|"
                              r"arrow_heading_up|up):")
LONGEST_POINTER = 16  # words: beyond this a mention says something of its own, whatever its words

_WORD = re.compile(r"[a-z']+|\d+")


def has_no_question_of_its_own(text: str | None) -> bool:
    """True for a mention that only points at the thread ("can we share this?", "see above", "^", nothing
    at all), also when it adds to whom, how or what ("can we share this with the school?", "this
    information?"); False for small talk ("thanks", "help") and for anything that names the situation."""
    if is_blank(text):
        return True
    rest, symbols = POINTING_SYMBOLS.subn(" ", text or "")
    words = [word.strip("'") for word in _WORD.findall(rest.casefold().replace("\u2019", "'"))]
    if symbols and not words:
        return True  # "^", "👆": the message above, nothing else
    if small_talk(text) is not None:
        return False
    if not words or len(words) > LONGEST_POINTER:
        return False
    if all(word in POINTING or word in ASKING for word in words):
        return True
    points_back = bool(symbols) or any(word in POINTING_BACK for word in words)
    return points_back and all(_only_asks(word) for word in words)


def _only_asks(word: str) -> bool:
    return any(word in kind for kind in (POINTING, ASKING, TO_WHOM, HOW, WHAT))


def question_from_thread(first_message: str, mention: str | None) -> str:
    """The question a thread mention asks: the thread's first message, then what the mention said."""
    if is_blank(mention):
        return first_message.strip()
    return f"{first_message.strip()}\n\n{(mention or '').strip()}"
