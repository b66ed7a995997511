"""Given names: gender-guesser's dictionary plus a supplement of names common in the UK that it
lacks (bot/data/given_names_supplement.txt), read once, on first use."""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from importlib import resources

from bot.names.words import common_words, is_common_word, read_words

# --------------------------------------------------------------------------------------------
# given names


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Every known given name, lower-cased: gender-guesser's dictionary plus
    bot/data/given_names_supplement.txt. Read once, on first use (about 60 ms)."""
    names: set[str] = {word.lower() for word in read_words("given_names_supplement.txt")}
    try:
        data = resources.files("gender_guesser").joinpath("data/nam_dict.txt")
        lines = data.read_text(encoding="utf-8").splitlines()
    except (ModuleNotFoundError, FileNotFoundError, OSError):  # pragma: no cover - installed with us
        lines = []
    for line in lines:
        if not line or line[0] in "#=":
            continue
        parts = line.split(None, 2)
        if len(parts) < 2:
            continue
        name = parts[1].lower()
        if "+" in name:  # "Jean+Pierre": Jean-Pierre, JeanPierre
            names.add(name.replace("+", "-"))
            names.add(name.replace("+", ""))
        else:
            names.add(name)
    return frozenset(names)


@lru_cache(maxsize=1)
def uncommon_given_names() -> frozenset[str]:
    """The given names that are no everyday word ("priya", "tomasz"; not "will", "grace")."""
    return given_names() - common_words()


def is_given_name(word: str) -> bool:
    """A known given name, in any case ("Priya", "priya", "SIOBHAN", "Will"), with or without its
    accents ("Siobhán"), or made of known ones ("Ellie-Mae", "Mary-Jane", "Jean-Luc")."""
    return is_lowered_given_name(word.lower())


@lru_cache(maxsize=8192)
def is_lowered_given_name(w: str) -> bool:
    if w in _NEVER_GIVEN:
        return False
    names = given_names()
    if w in names:
        return True
    if "-" in w:
        parts = w.split("-")
        return len(parts) <= 3 and all(p and is_lowered_given_name(p) for p in parts)
    if not w.isascii():
        bare = "".join(c for c in unicodedata.normalize("NFD", w) if not unicodedata.combining(c))
        return bare != w and bare in names
    return False



def is_ambiguous_name(word: str) -> bool:
    """A given name that is also an everyday word: Will, May, Grace, Hope, Mark, Amber ..."""
    return is_given_name(word) and is_common_word(word)


#: given-name dictionary entries that are only ever words in these questions
_NEVER_GIVEN = frozenset(
    """the and can do an in on is it at to of or no yes so he she we me my his her our but not as by
    be if from with for this that you your all one are was were has had have his been like per via
    more most very much many new old big good bad best well thanks please sorry ok okay hi hello dear
    what when where who why how which roma""".split()
)
