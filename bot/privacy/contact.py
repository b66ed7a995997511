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
# the providers people give an address by alone: "jane_smith99 at hotmail"
_PROVIDERS = (
    "(?:hotmail|gmail|googlemail|yahoo|outlook|icloud|aol|btinternet|protonmail|msn|virginmedia|talktalk|ymail)"
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


# before "at" and a domain, words that say whom to send to or where someone works, never a mailbox's name:
# "send it to the GP at nhs dot net", "can I email them at nhs.net", "email colleagues at nhs dot net",
# "I work with police at met dot police dot uk"; and a word for a person ("the social worker at ...")
_NOT_A_MAILBOX = frozenset(
    """me you him her it us them someone somebody anyone anybody everyone everybody people staff colleague
    colleagues professionals practitioners partners partner agencies agency police constabulary work works
    worked working based placed employed team teams office offices service services school schools college
    practice practices surgery surgeries hospital ward wards unit units department dept trust council
    centre center home care gp gps doctor doctors nurses workers officers teachers clinicians visitor visitors
    lead leads adviser advisers advisor advisors consultant consultants midwife midwives therapist therapists
    counsellor counsellors solicitor solicitors lawyer lawyers clerk receptionist head headteacher coordinator
    caseworker keyworker psychologist psychiatrist paramedic paramedics""".split()
)
# words between a label and "at" that are not the address's: "her email is probably not at nhs dot net", "my
# email is at nhs dot net"
_NOT_IN_A_LOCAL_PART = frozenset(
    """is was not also still now just only usually always probably definitely maybe the a an on in with from
    to for and or but it its set up based hosted registered kept held their his her my your our them they he
    she we you i me us this that which who address email e-mail mail same different old new work personal
    secure""".split()
)
# a word that makes the next one a noun: "email the ward at", "our lead at", "her colleague at"
_DETERMINERS = frozenset("the a an our your their his her my its this that these those every each any".split())
_WORD_BEFORE = re.compile(r"([A-Za-z']+)[ \t]+$")
# a label says that what follows is an address: "her email is", "email:", "e-mail address", "mum's email";
# the verb ("can I email them at ...") does not
_EMAIL_LABEL = re.compile(
    r"(?i)(?:\be-?mail(?:[ \t]+address)?|\baddress)(?:[ \t]+(?:is|was)\b|[ \t]*[:=]|[ \t]+-)[ \t]*$"
    r"|\be-?mail[ \t]+address[ \t]*$"
    r"|\b(?:his|her|my|their|your|our|[a-z]+'s)[ \t]+e-?mail[ \t]*$"
)
_LABEL_REACH = 40


def _after_an_email_label(text: str, start: int) -> bool:
    return _EMAIL_LABEL.search(text, max(0, start - _LABEL_REACH), start) is not None


def _says_whom_or_where(text: str, start: int, local: str) -> bool:
    """ "them", "colleagues", "the ward", "the social worker" before "at": whom or where, not a mailbox."""
    lowered = local.lower()
    if lowered in _NOT_A_MAILBOX or lowered in _name_knowledge.SECTOR_ACRONYMS:
        return True
    if _name_knowledge.is_role_word(lowered) or (lowered.endswith("s") and _name_knowledge.is_role_word(lowered[:-1])):
        return True
    before = _WORD_BEFORE.search(text, max(0, start - 20), start)
    return before is not None and before.group(1).lower() in _DETERMINERS


def _a_word_then_a_web_address(text: str, start: int, local: str, domain: str) -> bool:
    """"she works at nhs dot net", "email them at nhs.net": a word, "at", a web address; not
    "jo.smith at nhs dot net", nor any word right after an e-mail label ("her email is smith at nhs dot net")."""
    if _WRITTEN_DOT.search(local) or re.search(r"[._0-9]", local):
        return False
    if local.lower() in _NOT_IN_A_LOCAL_PART:
        return True  # "my email is at nhs dot net", "her email is not at gmail": where the address is, not what
    if _after_an_email_label(text, start):
        return False
    if _says_whom_or_where(text, start, local):
        return True
    return not _WRITTEN_DOT.search(domain) and _name_knowledge.is_common_word(local)


# an address said aloud after its label ("her email is sarah dash jones at gmail dot com", "e-mail address:
# j smith at hywel dda dot nhs dot wales", "mum's email is kayleigh b at gmail"): the local part runs from
# the label to "at", its words joined by spaces, "dot", "underscore", "dash" or "hyphen"; the domain may
# start with two words, or be a provider alone. After the verb alone ("please email m dot jenkins at hywel
# dda dot nhs dot wales") the local part is one word or words joined by "dot" / "underscore".
_SPOKEN_JOIN = r"(?:[ \t]+(?:dot|underscore|dash|hyphen)[ \t]+|[ \t]*[-_.][ \t]*)"
_SPOKEN_DOMAIN = (
    r"(?:(?:[a-z0-9-]+[ \t]+){0,2}[a-z0-9-]+(?:[ \t]+dot[ \t]+[a-z0-9-]+){0,3}[ \t]+dot[ \t]+(?:" + _TLDS + r")"
    r"|[a-z0-9-]+(?:\.[a-z0-9-]+){0,3}\.(?:" + _TLDS + r")"
    r"|" + _PROVIDERS + r")"
)
_LABELLED_SPOKEN_EMAIL = re.compile(
    r"(?i)\be-?mail(?P<label>(?:[ \t]+address)?(?:[ \t]+(?:is|was)|[ \t]*[:=])|[ \t]+address)?[ \t]+"
    r"(?P<address>(?P<local>[a-z0-9]+(?:(?:" + _SPOKEN_JOIN + r"|[ \t]+)[a-z0-9]+){0,5})"
    r"[ \t]+at[ \t]+" + _SPOKEN_DOMAIN + r")"
    r"(?![\w-])"
)
_UNLABELLED_LOCAL = re.compile(r"(?i)[a-z0-9]+(?:[ \t]+(?:dot|underscore)[ \t]+[a-z0-9]+){0,3}")
_LOCAL_WORD = re.compile(r"[A-Za-z0-9]+")


def _labelled_spoken_emails(text: str):
    lowered = text.lower()
    if "mail" not in lowered or " at " not in lowered:
        return
    for m in _LABELLED_SPOKEN_EMAIL.finditer(text):
        start = _local_part_start(m)
        if start is not None:
            yield start, m.end("address"), EMAIL


def _local_part_start(m: re.Match) -> int | None:
    """Where the address's local part starts: after the label's filler words ("is probably j smith at"); after
    the verb alone, only a local part of one word (or words joined by "dot") that says no whom or where."""
    local_start, local_end = m.span("local")
    if m.group("label") is None:
        local = _UNLABELLED_LOCAL.fullmatch(m.string, local_start, local_end)
        first = m.group("local").split()[0].lower()
        if local is None or first in _NOT_IN_A_LOCAL_PART or _says_whom_or_where(m.string, local_start, first):
            return None
        return local_start
    start = local_start
    for word in _LOCAL_WORD.finditer(m.string, local_start, local_end):
        if word.group().lower() in _NOT_IN_A_LOCAL_PART:
            start = None  # the address starts after this word, if at all
        elif start is None:
            start = word.start()
    return start


# an address given by its provider alone: "jane_smith99 at hotmail", "her email is kayz.b at gmail"
_AT_A_PROVIDER = re.compile(
    r"(?i)(?<![\w.@'-])(?P<local>[a-z0-9](?:[\w%+'-]|\.(?=\w))*)[ \t]*(?:@|[ \t]at[ \t]|\(at\)|\[at\])[ \t]*"
    + _PROVIDERS + r"(?![\w@-])"
)


def _emails_at_a_provider(text: str):
    if not _PROVIDER.search(text):
        return
    for m in _AT_A_PROVIDER.finditer(text):
        local = m.group("local")
        if local.lower() in _NOT_IN_A_LOCAL_PART:
            continue  # "her email is at gmail", "email them at gmail": where the address is, or whom
        if "@" in m.group() or re.search(r"[._0-9]", local):
            yield m.start(), m.end(), EMAIL  # "jadew@gmail", "kayz.b at gmail"
        elif _after_an_email_label(text, m.start()):
            yield m.start(), m.end(), EMAIL  # "her email is tyler at gmail"
        elif not _says_whom_or_where(text, m.start(), local) and not _name_knowledge.is_common_word(local):
            yield m.start(), m.end(), EMAIL  # "tyler at hotmail", not "meet at gmail" nor "email them at gmail"


_PROVIDER = re.compile(r"(?i)(?:\bat\b|@|\(at\)|\[at\])[ \t]*" + _PROVIDERS + r"\b")


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

