"""redact() and redact_question(): every detector over the shadow copy, then the overlaps resolved."""

from __future__ import annotations

import re
from bisect import bisect_right

from bot import names as _name_knowledge
from bot.names import words_of
from bot.privacy.contact import emails
from bot.privacy.dates import dates_of_birth
from bot.privacy.documents import card_numbers, passport_numbers, vehicle_regs
from bot.privacy.folding import shadow_copy
from bot.privacy.houses import house_addresses, welsh_addresses
from bot.privacy.kinds import (
    DOB,
    MAX_INPUT_CHARS,
    NAME,
    NHS_BY_CHECK_DIGIT,
    PHONE,
    PRIORITY,
    REPORTED_AS,
    SOCIAL,
    Redaction,
    placeholder,
)
from bot.privacy.numbers import bank_details, case_ids, nhs_numbers, ni_numbers, phone_numbers
from bot.privacy.online import PLATFORMS, online_identifiers
from bot.privacy.places import addresses, postcodes
from bot.privacy.references import references
from bot.privacy.scanning import lower_case, word_starts
from bot.privacy.spoken import spoken_identifiers
from bot.public_contacts import is_public_number
from bot.questions import MAX_QUESTION_CHARS

_HAS_DIGIT = re.compile(r"[0-9]")


# a date in figures right after a name, with no label: "Daniel O'Connor 12/4/09", "Amy (02/02/2016)"
_DATE_AFTER_A_NAME = re.compile(
    r"[ \t]*[,(]?[ \t]*(?P<date>[0-9]{1,2}[/.\-][0-9]{1,2}[/.\-](?:(?:19|20)[0-9]{2}|[0-9]{2}))(?![0-9/.\-])"
)


# a social media handle: "@kayleigh_b", "@lil_deano07", "@shazzy.x.93"; not an e-mail's "@" (a word
# before it), a Slack mention ("<@U024BE7LH>"), "@here" / "@channel", a domain ("a @nhs.net
# address") or a team's letters ("@DSL")
_HANDLE = re.compile(r"(?<![\w<@.\]/:])@(?P<handle>[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?)(?![\w@])")
_NOT_HANDLES = frozenset("here channel everyone".split())
# a platform named just before the handle makes it an account there: "tiktok @zaydn.x", "on X as @tommo_1"
_PLATFORM_BEFORE = re.compile(r"(?i)(?<![\w.])(?:" + PLATFORMS + r"|(?-i:X))(?![\w])")
_PLATFORM_REACH = 30
_DOMAIN_END = re.compile(r"(?i)\.(?:uk|com|org|net|gov|nhs|police|sch|ac|co|io|scot|wales|cymru|eu|ie)$")


# a Slack mention of a person, as Slack sends what was typed ("<@U024BE7LH>", "<@W0123ABC|kim>"): it names
# a colleague as surely as their name would, and would outlive their erasure in someone else's question
_SLACK_MENTION = re.compile(r"<@[UW][A-Z0-9]{2,}(?:\|[^<>]*)?>")


def _slack_mentions(text: str):
    return ((m.start(), m.end(), NAME) for m in _SLACK_MENTION.finditer(text))


def _handles(text: str):
    at = text.find("@")
    while at != -1:
        m = _HANDLE.match(text, at)
        if m:
            handle = m.group("handle")
            if (
                handle.lower() not in _NOT_HANDLES
                and not handle.isupper()
                and not _DOMAIN_END.search(handle)
                and any(c.isalpha() for c in handle)
            ):
                on_a_platform = _PLATFORM_BEFORE.search(text, max(0, at - _PLATFORM_REACH), at)
                yield m.start(), m.end(), SOCIAL if on_a_platform else NAME
        at = text.find("@", at + 1)


def _names(text: str):
    """People's names, where the text gives evidence of one: see bot.names.name_spans; and a date in
    figures right after one, which in a record is the person's date of birth."""
    for start, end in _name_knowledge.name_spans(text):
        yield start, end, NAME
        m = _DATE_AFTER_A_NAME.match(text, end)
        if m:
            yield m.start("date"), m.end("date"), DOB


_DIGIT_DETECTORS = (
    nhs_numbers,
    ni_numbers,
    bank_details,
    case_ids,
    references,
    phone_numbers,
    postcodes,
    addresses,
    welsh_addresses,
    card_numbers,
    vehicle_regs,
    passport_numbers,
)

# --------------------------------------------------------------------------------------


def _inside_a_phone(span: tuple[int, int, str], phones: list[tuple[int, int]]) -> bool:
    """Is this NHS number known only by its check digit just a part of a longer phone number?"""
    start, end, kind = span
    if kind != NHS_BY_CHECK_DIGIT:
        return False
    i = bisect_right(phones, (start, 1 << 62)) - 1
    if i < 0:
        return False
    p_start, p_end = phones[i]
    return p_start <= start and end <= p_end and (p_end - p_start) > (end - start)


_DIGIT_NEXT = re.compile(r"[ \t.\-]?[0-9]")
_DIGIT_BEFORE = re.compile(r"[0-9][ \t.\-]?$")


def _a_helpline(text: str, start: int, end: int) -> bool:
    """A national helpline's number standing alone (not the start or end of a longer run of digits)."""
    return (
        is_public_number(text[start:end])
        and not _DIGIT_NEXT.match(text, end)
        and not _DIGIT_BEFORE.search(text[max(0, start - 2) : start])
    )


def _candidates(shadow: str) -> list[tuple[int, int, str]]:
    """Every detector's spans over the shadow copy, overlapping."""
    spans: list[tuple[int, int, str]] = [
        *emails(shadow), *_names(shadow), *dates_of_birth(shadow), *house_addresses(shadow), *_handles(shadow),
        *online_identifiers(shadow), *_slack_mentions(shadow), *spoken_identifiers(shadow),
    ]
    if _HAS_DIGIT.search(shadow):
        for detector in _DIGIT_DETECTORS:
            spans.extend(detector(shadow))
    return spans


def identifier_spans(text: str) -> list[tuple[int, int, str]]:
    """Every identifier found in ``text``: (start, end, kind) in ``text``'s own positions, not
    overlapping, in order. Each kind is read from the shadow copy (see shadow_copy)."""
    shadow, origin = shadow_copy(text)
    try:
        spans = _candidates(shadow)
    finally:
        # the words and the word index are this text's only: shared by its detectors, then dropped
        word_starts.cache_clear()
        lower_case.cache_clear()
        words_of.cache_clear()
    if not spans:
        return []

    # a national helpline ("the NSPCC helpline 0808 800 5000") identifies no one
    spans = [span for span in spans if span[2] != PHONE or not _a_helpline(shadow, span[0], span[1])]
    phones = sorted((start, end) for start, end, kind in spans if kind == PHONE)
    if phones:
        spans = [span for span in spans if not _inside_a_phone(span, phones)]

    kept = _resolved(spans, len(shadow))
    if origin is not None:
        kept = [(origin[start], origin[end - 1] + 1, kind) for start, end, kind in kept]
    return kept


def _resolved(spans: list[tuple[int, int, str]], length: int) -> list[tuple[int, int, str]]:
    """The spans, most specific kind first, then earliest, then longest; one that overlaps what is kept is
    dropped, or merged with it where it goes on past it (see _runs_on), so that none of it stays in clear."""
    spans.sort(key=lambda s: (PRIORITY[s[2]], s[0], s[0] - s[1]))
    taken = bytearray(length)
    kept: list[tuple[int, int, str]] = []
    for span in spans:
        start, end, kind = span
        if start >= end:
            continue
        if any(taken[start:end]):
            overlapping = [k for k in kept if k[0] < end and start < k[1]]
            if not _runs_on(span, overlapping, taken):
                continue
            kept = [k for k in kept if k not in overlapping]
            start, end = min(start, *(k[0] for k in overlapping)), max(end, *(k[1] for k in overlapping))
            kind = min((k[2] for k in overlapping), key=PRIORITY.__getitem__)
        kept.append((start, end, kind))
        taken[start:end] = b"\x01" * (end - start)
    return sorted((start, end, REPORTED_AS.get(kind, kind)) for start, end, kind in kept)


def _runs_on(span: tuple[int, int, str], overlapping: list[tuple[int, int, str]], taken: bytearray) -> bool:
    """Does a span that overlaps kept ones go on past them, the same identifier read further? Only when one
    detector read them all (the same internal kind) and some of it is not yet kept: "her name is spelt Sierra
    Mike India Tango Hotel" (the name finder stops at "India", the dictated name runs on), "2 Orchard Cottages,
    Wickham Lane". A looser detector of another kind over an exact one is dropped, as it always was: a plain
    "case id" over a labelled one had taken the next number with it ("passport 123456789 2 weeks ago"), and a
    name read from an NI number's check letter the next word ("TZ 44 60 19 D. Jobcentre")."""
    start, end, kind = span
    return 0 in taken[start:end] and all(k[2] == kind for k in overlapping)


def redact(text: str) -> Redaction:
    """Replace personal identifiers in ``text`` with placeholders such as ``[NHS number]``."""
    return redact_placed(text)[0]


def redact_placed(text: str) -> tuple[Redaction, list[tuple[int, int, int, int]]]:
    """``redact`` and where each placeholder went: its (start, end) in ``text`` and in the redacted text,
    in order (to cut the redacted text where the original would have been cut)."""
    kept = identifier_spans(text) if text else []
    if not kept:
        return Redaction(text, ()), []
    pieces: list[str] = []
    found: list[str] = []
    places: list[tuple[int, int, int, int]] = []
    pos = length = 0
    for start, end, kind in kept:
        if start < pos:  # two spans folded from one character ("\u2026"): the first one has it
            continue
        pieces.append(text[pos:start])
        length += start - pos
        pieces.append(placeholder(kind))
        places.append((start, end, length, length + len(pieces[-1])))
        length += len(pieces[-1])
        pos = end
        if kind not in found:
            found.append(kind)
    pieces.append(text[pos:])
    return Redaction("".join(pieces), tuple(found)), places


def redact_question(question: str, limit: int = MAX_QUESTION_CHARS) -> Redaction:
    """Redact a whole question, then cut it to ``limit`` characters. Cutting first could leave half an
    identifier ("jane.doe@exam") that no pattern recognises; cutting after never splits a placeholder."""
    redaction = redact(question[:MAX_INPUT_CHARS])
    return redaction._replace(text=_clip_outside_placeholders(redaction.text, limit))


def _clip_outside_placeholders(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    clipped = text[:limit]
    opening = clipped.rfind("[")
    if opening != -1 and "]" not in clipped[opening:]:
        clipped = clipped[:opening]
    return clipped.rstrip()
