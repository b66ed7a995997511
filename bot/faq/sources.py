"""Which sources may back an answer: https URLs on the hosts of statutory bodies, regulators,
governments and health services of the four nations."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

# Where a source may point: the only list of authoritative hosts (see faq/README.md). A URL's host
# must be one of these domains or a subdomain of one (so "gov.uk" admits www.gov.uk and every
# council's *.gov.uk site). Add a domain here, with its owner, only for a statutory body,
# regulator, government or health service of one of the four nations.
AUTHORITATIVE_DOMAINS: dict[str, str] = {
    # UK-wide
    "legislation.gov.uk": "The National Archives: UK legislation",
    "gov.uk": "UK Government, its departments and agencies, and every *.gov.uk public body "
              "(councils, NI departments such as health-ni.gov.uk, nidirect.gov.uk, cps.gov.uk)",
    "ico.org.uk": "Information Commissioner's Office",
    "parliament.uk": "UK Parliament (bills, Hansard, research briefings)",
    "judiciary.uk": "Courts and Tribunals Judiciary",
    "police.uk": "Police forces and the College of Policing (college.police.uk)",
    "nhs.uk": "NHS England, NHS Digital and NHS bodies (*.nhs.uk)",
    "hcpc-uk.org": "Health and Care Professions Council",
    "gmc-uk.org": "General Medical Council",
    "nmc.org.uk": "Nursing and Midwifery Council",
    "socialworkengland.org.uk": "Social Work England",
    # Scotland
    "gov.scot": "Scottish Government",
    "nhs.scot": "NHS Scotland",
    "publichealthscotland.scot": "Public Health Scotland",
    "parliament.scot": "Scottish Parliament",
    "sssc.uk.com": "Scottish Social Services Council",
    "itspublicknowledge.info": "Scottish Information Commissioner",
    # Wales
    "gov.wales": "Welsh Government",
    "llyw.cymru": "Welsh Government (Welsh language)",
    "senedd.wales": "Senedd Cymru",
    "nhs.wales": "NHS Wales",
    "socialcare.wales": "Social Care Wales",
    "safeguarding.wales": "Wales Safeguarding Procedures",
    # Northern Ireland (its departments are under gov.uk)
    "hscni.net": "Health and Social Care Northern Ireland",
    "niscc.info": "Northern Ireland Social Care Council",
}
# A source title or a legal basis that cites nothing: the one rule for both (a stand-in word, an
# ellipsis, a "see ..." or "your local ...", or a whole text that is only "N/A", "none", "-" or "?").
PLACEHOLDER_TEXT = re.compile(
    r"\b(?:todo|tbc|tbd|placeholder|lorem ipsum|xxx)\b|\.\.\.|…"
    r"|^\s*(?:e\.g\.|examples?\b|local\b(?!\s+government)|your\b|our\b|various\b|see\b)"
    r"|^[\W_]*$|^\s*(?:n/?a|none|nil|null|unknown|pending|to follow|to be (?:confirmed|decided|added))\W*$",
    re.IGNORECASE,
)


def is_placeholder(text: str) -> bool:
    """Whether a source title or legal basis cites nothing (PLACEHOLDER_TEXT)."""
    return bool(PLACEHOLDER_TEXT.search(text))


PLACEHOLDER_URL = re.compile(r"\.\.\.|…|[<>{}]|/(?:todo|tbc|tbd|placeholder|xxx)(?:[/?#.]|$)", re.IGNORECASE)


def is_authoritative_host(host: str) -> bool:
    host = host.lower().rstrip(".")
    return any(host == domain or host.endswith("." + domain) for domain in AUTHORITATIVE_DOMAINS)


def source_url_problem(url: Any) -> str | None:
    """Why ``url`` cannot back an answer, or None: it must be an https URL on an authoritative
    host (AUTHORITATIVE_DOMAINS) that points at a document, not a home page or a stand-in."""
    if not isinstance(url, str) or not url.strip():
        return "needs an https URL on an authoritative host (see AUTHORITATIVE_DOMAINS in bot/faq/sources.py)"
    url = url.strip()
    if not re.match(r"^https://\S+$", url):
        return f"url must be https:// (got {url!r})"
    if PLACEHOLDER_URL.search(url):
        return f"url {url!r} is a placeholder"
    parts = urlsplit(url)
    if not parts.hostname or not is_authoritative_host(parts.hostname):
        return (f"url host {parts.hostname!r} is not an authoritative host "
                "(legislation, regulators, government and NHS of the four nations: "
                "AUTHORITATIVE_DOMAINS in bot/faq/sources.py)")
    if parts.path.strip("/") == "" and not parts.query:
        return f"url {url!r} is a home page; link the document itself"
    return None
