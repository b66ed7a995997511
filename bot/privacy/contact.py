"""E-mail addresses, typed ("jo@example.org") or written out ("j.doe at council dot gov dot uk")."""

from __future__ import annotations

import re

from bot import names as _name_knowledge
from bot.privacy.kinds import EMAIL
from bot.privacy.scanning import keyword_starts

# letters of any script (zoë.smith@example.org, józef@przykład.pl); a space either side of the @
_EMAIL = re.compile(
    r"(?<![\w.+%-])(?<!\w')"  # but 'jo@example.org' in quotes
    r"[^\W_](?:[\w.%+'-]{0,63})"
    r" ?@ ?"
    r"(?:[^\W_](?:[\w-]{0,61}[^\W_])?\.)+"
    r"[^\W\d_]{2,24}"
    r"(?![\w-])"
)
# written out: "j.doe at council dot gov dot uk", "jdoe [at] nhs [dot] net", "jdoe(at)nhs.net"
_WORD_AT = r"(?:[ \t]*[\[({<][ \t]*(?i:at)[ \t]*[\])}>][ \t]*|[ \t]+(?i:at)[ \t]+)"
_WORD_DOT = r"(?:[ \t]*[\[({<][ \t]*(?i:dot)[ \t]*[\])}>][ \t]*|[ \t]+(?i:dot)[ \t]+|[ \t]?\.[ \t]?)"
_TLDS = (
    "uk|com|org|net|gov|nhs|police|sch|ac|co|edu|io|info|me|biz|scot|wales|cymru|eu|ie|de|fr|pl|ro|"
    "lt|lv|es|it|pt|nl|be|in|pk|bd|ng|gh|ke|za|us|ca|au|nz|email|online|care|health|mail"
)
_WRITTEN_EMAIL = re.compile(
    r"(?<![\w.@'-])"
    r"(?P<local>[^\W_](?:[\w%+'-]|\.(?=[^\W_])|[ \t]+(?i:dot)[ \t]+(?=[^\W_]))*)"
    r"(?P<at>" + _WORD_AT + r"|[ \t]*@[ \t]*)"
    r"(?P<domain>(?:[^\W_][\w-]{0,62}" + _WORD_DOT + r"){1,5}(?i:" + _TLDS + r"))"
    r"(?![\w-])"
)
_PLAIN_AT = re.compile(r"[ \t]+(?i:at)[ \t]+")
_AT_ANCHOR = re.compile(r"(?i)\bat\b[ \t]*[\])}>]?[ \t]*|@[ \t]*")
_DOMAIN_AFTER = re.compile(r"[^\W_][\w-]{0,62}" + _WORD_DOT)
_LOCAL_BEFORE = re.compile(
    r"(?<![\w.@'-])[^\W_](?:[\w%+'-]|\.(?=[^\W_])|[ \t]+(?i:dot)[ \t]+(?=[^\W_]))*"
    r"(?:[ \t]*[\[({<][ \t]*|[ \t]+|[ \t]*)$"
)
_WRITTEN_DOT = re.compile(r"(?i)[\[({<][ \t]*dot[ \t]*[\])}>]|[ \t]dot[ \t]|[ \t]\.|\.[ \t]")

_LOCAL_CHARS = frozenset("._%+'-_")  # and letters and digits of any script


def emails(text: str):
    at = text.find("@")
    end = 0
    while at != -1:
        # back from the "@" over what an address's local part may hold, then match from there
        start = at - 1 if at > 0 and text[at - 1] == " " else at
        while start > 0 and at - start < 66 and (text[start - 1].isalnum() or text[start - 1] in _LOCAL_CHARS):
            start -= 1
        while start < at and not text[start].isalnum():
            start += 1
        m = _EMAIL.match(text, start) if start >= end else None
        if m and text[at - 1 : at] == " " and _is_a_word_before_a_domain(text[m.start() : at - 1]):
            m = None  # "sending to a @nhs.net address": a word, then a domain
        if m:
            end = m.end()
            yield m.start(), m.end(), EMAIL
        at = text.find("@", max(at + 1, end))
    anchors = _at_anchors(text)
    if anchors:
        for m in _written_emails(text, anchors):
            local, at, domain = m.group("local", "at", "domain")
            if "@" in at:
                if not _WRITTEN_DOT.search(domain):
                    continue  # a plain address: _EMAIL's
            elif _PLAIN_AT.fullmatch(at) and _a_word_then_a_web_address(text, m.start(), local, domain):
                continue  # "look at gov.uk", "she works at nhs.net": a word, "at", a web address
            yield m.start(), m.end(), EMAIL
    yield from _emails_at_a_provider(text)
    yield from _labelled_spoken_emails(text)


# before "at" and a domain, words that say where someone works or whom to send to, never a mailbox's name:
# "send it to the GP at nhs dot net", "is it ok to send to them at nhs dot net", "I work at nhs dot net"
_NOT_A_MAILBOX = frozenset(
    """me you him her it us them someone somebody anyone everyone work works worked working based placed
    employed team teams office service services school schools college practice surgery hospital ward unit
    department dept trust council centre center home care""".split()
)


def _a_word_then_a_web_address(text: str, start: int, local: str, domain: str) -> bool:
    """"she works at nhs dot net": a word, "at", a web address; not "jo.smith at nhs dot net", nor any
    word after "e-mail" ("her email is smith at nhs dot net")."""
    if _WRITTEN_DOT.search(local) or re.search(r"[._0-9]", local):
        return False
    lowered = local.lower()
    if lowered in ("is", "was"):
        return True  # "my email is at nhs dot net": says where the address is, not what
    if _EMAIL_WORD.search(text, max(0, start - 40), start):
        return False
    if lowered in _NOT_A_MAILBOX or lowered in _name_knowledge.SECTOR_ACRONYMS:
        return True
    return not _WRITTEN_DOT.search(domain) and _name_knowledge.is_common_word(local)


# after "e-mail (address) is": an address said aloud whose domain starts with two words ("m dot jenkins at
# hywel dda dot nhs dot wales"); the label makes the loose domain safe to take
_LABELLED_SPOKEN_EMAIL = re.compile(
    r"(?i)\be-?mail(?:[ \t]+address)?(?:[ \t]+(?:is|was))?[ \t]*:?[ \t]+"
    r"(?P<address>(?!(?:is|was|address)[ \t]+at[ \t])"
    r"[a-z0-9]+(?:[ \t]+(?:dot|underscore)[ \t]+[a-z0-9]+){0,3}[ \t]+at[ \t]+"
    r"(?:[a-z0-9-]+[ \t]+){0,2}[a-z0-9-]+(?:[ \t]+dot[ \t]+[a-z0-9-]+){0,3}[ \t]+dot[ \t]+(?:" + _TLDS + r"))"
    r"(?![\w-])"
)


def _labelled_spoken_emails(text: str):
    lowered = text.lower()
    if "mail" not in lowered or " dot " not in lowered:
        return
    for m in _LABELLED_SPOKEN_EMAIL.finditer(text):
        yield m.start("address"), m.end("address"), EMAIL


# an address given by its provider alone: "jane_smith99 at hotmail", "her email is kayz.b at gmail"
_AT_A_PROVIDER = re.compile(
    r"(?i)(?<![\w.@'-])(?P<local>[a-z0-9](?:[\w%+'-]|\.(?=\w))*)[ \t]*(?:@|[ \t]at[ \t]|\(at\)|\[at\])[ \t]*"
    r"(?:hotmail|gmail|googlemail|yahoo|outlook|icloud|aol|btinternet|protonmail|msn|virginmedia|talktalk|ymail)"
    r"(?![\w@-])"
)
_EMAIL_WORD = re.compile(r"(?i)\b(?:e-?mail|email[ \t]+address|address)\b[^.?!]{0,20}$")


def _emails_at_a_provider(text: str):
    if not _PROVIDER.search(text):
        return
    for m in _AT_A_PROVIDER.finditer(text):
        local = m.group("local")
        if local.lower() in ("is", "was"):
            continue  # "her email is at gmail": where the address is, not what
        if (
            "@" in m.group()  # "jadew@gmail": an "@" before a provider is an address
            or re.search(r"[._0-9]", local)
            or not _name_knowledge.is_common_word(local)  # "tyler at hotmail", not "meet at gmail"
            or _EMAIL_WORD.search(text, max(0, m.start() - 40), m.start())
        ):
            yield m.start(), m.end(), EMAIL


_PROVIDER = re.compile(r"(?i)(?:\bat\b|@|\(at\)|\[at\])[ \t]*(?:hotmail|gmail|googlemail|yahoo|outlook|icloud|aol"
                       r"|btinternet|protonmail|msn|virginmedia|talktalk|ymail)\b")


def _is_a_word_before_a_domain(local: str) -> bool:
    """The part before " @" of "a @nhs.net address" or "from @gov.uk": one letter or an everyday word."""
    return len(local) <= 1 or (local.isalpha() and _name_knowledge.is_common_word(local))


def _at_anchors(text: str) -> list[int]:
    """Where an "at" word or an "@" starts: the word found from the text's word index (at C speed),
    the "@" with str.find."""
    starts = keyword_starts(text, ("at",))
    if starts is None:
        return [m.start() for m in _AT_ANCHOR.finditer(text)]
    at = text.find("@")
    while at != -1:
        starts.append(at)
        at = text.find("@", at + 1)
    return sorted(starts)


def _written_emails(text: str, anchors: list[int]):
    """_WRITTEN_EMAIL's matches, looked for only around an "at" (or "@") followed by a domain."""
    end = 0
    for start in anchors:
        anchor = _AT_ANCHOR.match(text, start)
        if anchor is None or anchor.start() < end or not _DOMAIN_AFTER.match(text, anchor.end()):
            continue
        local = _LOCAL_BEFORE.search(text, max(end, anchor.start() - 80), anchor.start())
        if not local:
            continue
        m = _WRITTEN_EMAIL.match(text, local.start())
        if m:
            end = m.end()
            yield m

