"""Word gates: run a regex only when a text holds a word it cannot match without.

Python's ``re`` tries every alternative of a pattern that starts with ``\\b(?:a|b|...)`` at every
position of the text, so a few hundred such patterns cost milliseconds. ``gate(pattern)`` reads the
pattern's parse tree and returns a small set of word beginnings (3 to 5 characters) such that any
match contains a word starting with one of them; ``starts(text)`` gives the text's word beginnings.
``GatedPattern`` runs its regex only when the two meet: a set intersection instead of a scan.

A gate is only ever a necessary condition, never a sufficient one, so gating cannot change what a
pattern matches; a pattern whose gate cannot be worked out (or uses a private parser that a future
Python lacks) simply always runs.
"""

from __future__ import annotations

import re

try:  # the regex parser is private; without it every pattern runs ungated
    from re import _constants as _C
    from re import _parser as _P
except ImportError:  # pragma: no cover
    _C = _P = None

CAP = 48  # most expanded strings followed through a pattern before giving up on expanding
SHORTEST, LONGEST = 3, 5
_SEP = "\x00"  # a word boundary inside an expanded string
_SPLIT = re.compile(r"[^\w'-]+")  # what separates the words of an expanded string (and of a text)


def _expand(seq) -> list[str] | None:
    """Every string a sequence of literals, branches, optional groups and boundaries can match."""
    cur = [""]
    for op, av in seq:
        if op is _C.LITERAL:
            cur = [s + chr(av) for s in cur]
        elif op is _C.AT and av is _C.AT_BOUNDARY:
            cur = [s + _SEP for s in cur]
        elif op is _C.BRANCH or op is _C.SUBPATTERN:
            alts = [_expand(a) for a in (av[1] if op is _C.BRANCH else [av[3]])]
            if any(a is None for a in alts):
                return None
            cur = [s + e for s in cur for a in alts for e in a]
        elif op in (_C.MAX_REPEAT, _C.MIN_REPEAT) and av[0] == 0 and av[1] == 1:
            item = _expand(av[2])
            if item is None:
                return None
            cur = [s + e for s in cur for e in [""] + item]
        else:
            return None
        if len(cur) > CAP:
            return None
    return cur


def _word(s: str, left_complete: bool) -> str | None:
    """The longest word of an expanded string known to start a word of the text."""
    parts = _SPLIT.split(s)
    words = [w.strip("'-") for i, w in enumerate(parts) if i > 0 or left_complete]
    words = [w for w in words if w]
    return max(words, key=len) if words else None


def _ends_at_word_start(strings: list[str]) -> bool:
    return all(s.endswith((" ", _SEP)) for s in strings)


def _candidates(seq, left_complete: bool) -> list[frozenset]:
    """Alternative gates for a sequence: each a set of words, one of which every match contains."""
    cands: list[frozenset] = []
    cur, cur_left = [""], left_complete
    at_start = left_complete  # is the position after what was read so far a word start?

    def flush() -> None:
        nonlocal cur, cur_left
        if any(cur):
            words = [_word(s, cur_left) for s in cur]
            if all(words):
                cands.append(frozenset(words))
        cur, cur_left = [""], False

    for op, av in seq:
        if (op is _C.AT and av is _C.AT_BOUNDARY) or _not_after_word(op, av):
            if any(cur):
                cur = [s + _SEP for s in cur]
            else:
                cur_left = True
            at_start = True
            continue
        if op is _C.LITERAL:
            cur = [s + chr(av) for s in cur]
            at_start = chr(av) == " "
            continue
        expanded = _expand([(op, av)])
        if expanded is not None and len(cur) * len(expanded) <= CAP:
            cur = [s + e for s in cur for e in expanded]
            at_start = _ends_at_word_start(cur)
            continue
        start_left = at_start
        if any(cur):
            start_left = _ends_at_word_start(cur)
        flush()
        if op is _C.BRANCH or op is _C.SUBPATTERN:
            subs = av[1] if op is _C.BRANCH else [av[3]]
            per_alt = [_best(_candidates(a, start_left)) for a in subs]
            if all(p is not None for p in per_alt):
                cands.append(frozenset().union(*per_alt))
            at_start = all(_ends_with_space(a) for a in subs)
        elif op in (_C.MAX_REPEAT, _C.MIN_REPEAT):
            item = av[2]
            if av[0] >= 1:
                best = _best(_candidates(item, start_left))
                if best is not None:
                    cands.append(best)
            # a repeated "word " keeps the next position at a word start
            at_start = _ends_with_space(item) and (start_left or av[0] >= 1)
        else:
            at_start = False
        cur_left = at_start
    flush()
    return cands


def _not_after_word(op, av) -> bool:
    """Is this a look-behind such as ``(?<![\\w'])``, which, like ``\\b`` before a letter, puts a word start here?"""
    if op is not _C.ASSERT_NOT or av[0] != -1 or len(av[1]) != 1 or av[1][0][0] is not _C.IN:
        return False
    return (_C.CATEGORY, _C.CATEGORY_WORD) in av[1][0][1]


def _ends_with_space(seq) -> bool:
    """Does every match of the sequence end with a space (so that a word starts after it)?"""
    if not seq:
        return False
    op, av = seq[-1]
    if op is _C.LITERAL:
        return av == ord(" ")
    if op is _C.BRANCH:
        return all(_ends_with_space(a) for a in av[1])
    if op is _C.SUBPATTERN:
        return _ends_with_space(av[3])
    if op in (_C.MAX_REPEAT, _C.MIN_REPEAT) and av[0] >= 1:
        return _ends_with_space(av[2])
    return False


def _best(cands: list[frozenset]) -> frozenset | None:
    usable = [c for c in cands if c and min(map(len, c)) >= SHORTEST]
    if not usable:
        return None
    return max(usable, key=lambda c: (min(LONGEST, min(map(len, c))), -len(c)))


def gate(pattern: str) -> frozenset | None:
    """Word beginnings (cut to 3-5 characters), one of which starts a word of any text the pattern
    matches; None when unknown."""
    if _P is None:
        return None
    try:
        best = _best(_candidates(_P.parse(pattern), False))
    except Exception:  # pragma: no cover - an unexpected parse tree: run ungated
        return None
    if best is None:
        return None
    return frozenset(w[:LONGEST] for w in best)


_TOKEN = re.compile(r"[\w'-]+")
_INNER = re.compile(r"(?<=\w)['-]")


def starts(text: str) -> set[str]:
    """The beginnings (3, 4 and 5 characters) of every word of ``text``, and of every part of a word
    after an apostrophe or hyphen ("he'll" gives "he'l" and "'ll"; "non-suicidal" gives "suici")."""
    out: set[str] = set()
    add = out.add
    for token in _TOKEN.findall(text):
        token = token.strip("'-")
        add(token[:3])
        add(token[:4])
        add(token[:5])
        if "'" in token or "-" in token:
            for m in _INNER.finditer(token):
                for part in (token[m.start():], token[m.end():]):
                    add(part[:3])
                    add(part[:4])
                    add(part[:5])
    return out


class GatedPattern:
    """A compiled regex with its word gate."""

    __slots__ = ("pattern", "rx", "gate")

    def __init__(self, pattern: str):
        self.pattern = pattern
        self.rx = re.compile(pattern)
        self.gate = gate(pattern)

    def may_match(self, text_starts: set[str]) -> bool:
        return self.gate is None or not self.gate.isdisjoint(text_starts)

    def search(self, text: str, text_starts: set[str]):
        return self.rx.search(text) if self.may_match(text_starts) else None

    def finditer(self, text: str, text_starts: set[str]):
        return self.rx.finditer(text) if self.may_match(text_starts) else iter(())


class GateIndex:
    """Many tagged patterns; ``candidates`` picks, by one set intersection, those whose gate a text
    meets (and those without a gate), in the order they were given."""

    def __init__(self, entries: list[tuple[object, str]]):
        self.entries = [(tag, GatedPattern(pattern)) for tag, pattern in entries]
        self.always: list[int] = []
        self.by_word: dict[str, list[int]] = {}
        for i, (_, gp) in enumerate(self.entries):
            if gp.gate is None:
                self.always.append(i)
            else:
                for word in gp.gate:
                    self.by_word.setdefault(word, []).append(i)

    def candidates(self, text_starts: set[str]) -> list[tuple[object, re.Pattern]]:
        ids = set(self.always)
        for word in self.by_word.keys() & text_starts:
            ids.update(self.by_word[word])
        return [(self.entries[i][0], self.entries[i][1].rx) for i in sorted(ids)]
