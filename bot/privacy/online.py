"""Identifiers people have online: IP addresses, social media profile links, and the handles given
after the platform's name ("snap: jadey_w2010", "her tiktok is jade.x.x.x"). A handle after an "@"
is bot.privacy.core's (a name)."""

from __future__ import annotations

import re

from bot.privacy.kinds import IP_ADDRESS, SOCIAL
from bot.privacy.scanning import matches_at

_OCTET = r"(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])"
_IPV4 = re.compile(r"(?<![\w.])" + _OCTET + r"(?:\." + _OCTET + r"){3}(?![\w]|\.[0-9])")
_IPV6 = re.compile(r"(?i)(?<![\w:])(?:[0-9a-f]{1,4}:){1,7}(?::|(?::[0-9a-f]{1,4}){1,6}|[0-9a-f]{1,4})(?![\w:])")
# what says a number is an IP address: "IP", "IP address", "logged in from", "router"
_IP_LABEL = re.compile(
    r"(?i)(?:\bip\b|\bip[ \t]*addr(?:ess)?\b|logged[ \t]+(?:in|on)[ \t]+from|router|\bvpn\b|\bipv[46]\b"
    r"|(?:came|coming|posted|sent|accessed|connected|logged)[ \t]+(?:in[ \t]+)?(?:from|via)"
    r"|\bdevice\b|\blogs?[ \t]+show)"
)
# a private network's address (10.x, 192.168.x, 172.16-31.x) is an address with or without its label
_PRIVATE_IPV4 = re.compile(r"10\.|192\.168\.|172\.(?:1[6-9]|2[0-9]|3[01])\.")
_A_VERSION_OR_SECTION = re.compile(
    r"(?i)\b(?:version|ver|v|release|build|update|updated|upgrade|upgraded|patch|patched|ios|android|section|sect|s"
    r"|para(?:graph)?|chapter|rule|step)(?:[ \t]+to)?\.?[ \t]*$"
)
_IP_LABEL_REACH = 30  # characters before the number where its label may be


def _ip_addresses(text: str):
    """An IPv4 or IPv6 address shortly after an IP label ("IP", "logged in from", "router"); without one, a
    private network's IPv4, a public one that no version or section number looks like, and an IPv6 of more
    groups than any time of day has."""
    for m in _IPV4.finditer(text):
        if _IP_LABEL.search(text, max(0, m.start() - _IP_LABEL_REACH), m.start()):
            yield m.start(), m.end(), IP_ADDRESS
        elif (_PRIVATE_IPV4.match(m.group()) or _reads_as_public_ipv4(m.group())) and not _A_VERSION_OR_SECTION.search(
                text, max(0, m.start() - 20), m.start()):
            yield m.start(), m.end(), IP_ADDRESS
    if ":" in text:
        labelled = set()
        for label in _IP_LABEL.finditer(text):
            m = _IPV6.search(text, label.end(), label.end() + _IP_LABEL_REACH)
            if m and m.group().count(":") >= 2:
                labelled.add(m.start())
                yield m.start(), m.end(), IP_ADDRESS
        for m in _IPV6.finditer(text):
            if m.start() not in labelled and _reads_as_ipv6(m.group()):
                yield m.start(), m.end(), IP_ADDRESS


# "86.14.201.77", "45.133.172.9": two numbers of two digits or more, one of three; a version ("16.4.1.2")
# or a section ("2.3.1.4") has small numbers, and a build number over 255 is no octet
def _reads_as_public_ipv4(address: str) -> bool:
    octets = address.split(".")
    return sum(len(o) >= 2 for o in octets) >= 2 and any(len(o) == 3 for o in octets)


# a time of day has at most two colons ("22:14:07"); an IPv6 address written out has four or more, and a
# letter of hex or a "::" (not a timecode "01:12:34:15:02" or a ratio "1:2:3:4:5"); six pairs are a MAC address
_UNLABELLED_IPV6_COLONS = 4
_MAC_ADDRESS = re.compile(r"(?i)[0-9a-f]{2}(?::[0-9a-f]{2}){5}")


def _reads_as_ipv6(address: str) -> bool:
    return (address.count(":") >= _UNLABELLED_IPV6_COLONS and not _MAC_ADDRESS.fullmatch(address)
            and ("::" in address or any(c in "abcdefABCDEF" for c in address)))


_PLATFORM_HOSTS = (
    r"facebook|fb|instagram|instagr\.am|tiktok|twitter|x|snapchat|linkedin|youtube|threads|reddit|onlyfans"
    r"|pinterest|tumblr|twitch|discord|vk|t\.me|telegram|kik"
)
# a link to a person's profile: "facebook.com/jade.wilkinson.52", "https://www.tiktok.com/@jadey"
_PROFILE_LINK = re.compile(
    r"(?i)(?<![\w./])(?:https?://)?(?:(?:www|m|mobile|uk|en-gb)\.)?(?:" + _PLATFORM_HOSTS + r")"
    r"(?:\.com|\.net|\.me|\.co\.uk|\.gg)/(?!\s)[^\s<>()\[\]\"']+"
)
# a handle after the platform's name: "snap: jadey_w2010", "her insta is kayz.x", "tiktok name lil_dee07"
PLATFORMS = r"snap(?:chat)?|insta(?:gram)?|tik[ \t]?tok|twitter|facebook|fb|discord|telegram|threads|kik|xbox|psn" \
    r"|gamertag|roblox|steam|twitch|reddit|youtube|onlyfans"
_PLATFORM_HANDLE = re.compile(
    r"(?i)(?<![\w.])(?:" + PLATFORMS + r")(?:[ \t]+(?:name|handle|username|user[ \t]?name|id|account|acc|tag|user))?"
    r"(?:[ \t]*(?::|=|-|\bis\b|\bas\b|\bcalled\b)|(?<=user)|(?<=username))[ \t]*['\"\u2018\u201c]?@?"
    r"(?P<handle>[A-Za-z0-9_.]{3,30})(?![\w@])"
)
_PLATFORM_KEYWORDS = ("snap", "insta", "tik", "twitter", "facebook", "fb", "discord", "telegram", "threads", "kik",
                      "xbox", "psn", "gamertag", "roblox", "steam", "twitch", "reddit", "youtube", "onlyfans")


_AN_AGE_OR_YEAR = re.compile(r"(?i)[0-9]{1,2}(?:yo|y/o|yrs?|years?|s)|y(?:ea)?r?[0-9]{1,2}|[0-9]{1,2}(?:am|pm)")


def _is_handle(word: str) -> bool:
    """Written like a handle, not a word, an age or a year group: three letters or more, with a digit, an
    underscore or a dot in them ("jadey_w2010", "kayz.x"; not "14yo", "yr9")."""
    return (
        sum(c.isalpha() for c in word) >= 3
        and any(c in "_.0123456789" for c in word.strip("."))
        and not _AN_AGE_OR_YEAR.fullmatch(word)
    )


def _a_plain_handle(word: str) -> bool:
    """After "snapchat:" or "her insta is", a word of letters alone is a handle too ("jadeyw"), unless it is
    an everyday word ("private", "down") or too short to be one."""
    from bot.names import is_common_word

    return len(word) >= 4 and word.isalpha() and not is_common_word(word) and not _AN_AGE_OR_YEAR.fullmatch(word)


def _social_accounts(text: str):
    for m in _PROFILE_LINK.finditer(text):
        end = m.end()
        while end > m.start() and text[end - 1] in ".,;:!?":
            end -= 1  # the sentence's full stop is not part of the link
        yield m.start(), end, SOCIAL
    for m in matches_at(_PLATFORM_HANDLE, text, _PLATFORM_KEYWORDS):
        handle = m.group("handle").rstrip(".")
        if _is_handle(handle) or _a_plain_handle(handle):
            start = m.start("handle")
            yield start - (text[start - 1] == "@"), start + len(handle), SOCIAL


def online_identifiers(text: str):
    if "." in text or ":" in text:
        yield from _ip_addresses(text)
    yield from _social_accounts(text)
