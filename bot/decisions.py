"""Decision records: what a practitioner decided after reading canishare's guidance, and why.

Every piece of guidance ends "you make the decision and record it" (the ICO's data sharing code and
the seven golden rules both say: record what you shared, with whom, on what basis and why, and
record a decision not to share too). A record is made from a ``DecisionForm`` (as typed), checked
(``problems``), redacted field by field before anything is stored (``clean``), and given back as
plain text to paste into a case system (``record_text``). No Slack here.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, fields, replace

from bot.faq import NATION_NAMES, FaqEntry, is_placeholder
from bot.faq.plain_english import DPA_WITHOUT_ITS_YEAR
from bot.privacy import redact_question
from bot.records import DecisionRecord, SharingDecision, Told
from bot.small_talk import is_blank
from bot.times import UK_TIME, parse_stored_time

DECISION_LABELS = {
    SharingDecision.SHARED: "Shared",
    SharingDecision.SHARED_IN_PART: "Shared in part",
    SharingDecision.NOT_SHARED: "Decided not to share",
    SharingDecision.NOT_DECIDED: "Not decided yet",
}
TOLD_LABELS = {Told.YES: "Yes", Told.NO: "No", Told.NOT_YET: "Not yet"}
SHARING = (SharingDecision.SHARED, SharingDecision.SHARED_IN_PART)

# When the guidance is not an FAQ entry (an advisor's own answer): the lawful bases of UK GDPR Art 6
# and the law enforcement regime, to choose from.
GENERAL_BASES = (
    "UK GDPR Art 6(1)(e) public task",
    "UK GDPR Art 6(1)(c) legal obligation",
    "UK GDPR Art 6(1)(d) vital interests",
    "UK GDPR Art 6(1)(ea) recognised legitimate interest",
    "UK GDPR Art 6(1)(f) legitimate interests",
    "UK GDPR Art 6(1)(a) consent",
    "DPA 2018 Part 3 (law enforcement processing)",
)
OTHER = "other"

# The longest each free-text field may be, as typed (the modal allows the same); it is kept whole.
LIMITS = {"shared_with": 300, "what_shared": 1000, "lawful_basis_other": 300, "reasons": 1500, "not_told_why": 600}
PLACEHOLDER_GROWTH = 8  # placeholders are longer than what they replace ("1/2/10" -> "[date of birth]")
SINGLE_LINE = {"shared_with", "lawful_basis_other"}
KEEP_LINE = ("canishare keeps only this redacted copy (the identifiers it recognised were replaced by "
             "placeholders), and deletes it after the retention period. Paste it into your case system: "
             "that is your record.")


class InvalidDecision(ValueError):
    """The form cannot be recorded: ``problems`` maps each field to what is wrong with it."""

    def __init__(self, problems: dict[str, str]):
        super().__init__("; ".join(problems.values()))
        self.problems = problems


@dataclass(frozen=True)
class DecisionForm:
    """A decision as the practitioner typed it (nothing here is stored until ``clean``)."""

    decision: str | None = None
    shared_with: str = ""
    what_shared: str = ""
    lawful_basis: str | None = None  # one of ``basis_choices``' texts, OTHER, or None
    lawful_basis_other: str = ""
    reasons: str = ""
    person_told: str | None = None
    not_told_why: str = ""


TEXT_FIELDS = tuple(f.name for f in fields(DecisionForm) if f.default == "")  # typed, not chosen
# The form's fields as a record keeps them: an "other" lawful basis is recorded as the lawful basis.
RECORDED_FIELDS = tuple(f.name for f in fields(DecisionForm) if f.name != "lawful_basis_other")


def own_bases(entry: FaqEntry | None) -> tuple[str, ...]:
    """The entry's legal bases that cite something: a placeholder ("TBC", "N/A") is never offered."""
    return tuple(b for b in entry.legal_basis if not is_placeholder(b)) if entry is not None else ()


def basis_choices(entry: FaqEntry | None) -> tuple[str, ...]:
    """The lawful bases offered: the entry's own (``own_bases``), or the general ones (then OTHER)."""
    return own_bases(entry) or GENERAL_BASES


# A legal basis is written out in the FAQ (read aloud on the answer, kept whole in the record), but a choice
# in Slack's list shows only 75 characters: there it is cited as lawyers write it, so that the provision
# relied on, not a statute's long name, fills the space. Longest names first.
_CITED_SHORT = (
    (r"UK General Data Protection Regulation(?: \(UK GDPR\))?", "UK GDPR"),
    (r"Data Protection Act 2018(?: \(DPA\))?", "DPA 2018"),
    (DPA_WITHOUT_ITS_YEAR.pattern, "DPA 2018"),
    (r"\bSchedules?\b", "Sch"), (r"\bparagraphs\b", "paras"), (r"\bparagraph\b", "para"),
    (r"\bsections\b", "ss"), (r"\bsection\b", "s"), (r"\bArticles\b", "Arts"), (r"\bArticle\b", "Art"),
    (r"\bregulation\b", "reg"),
)


# A basis is chosen by its place in the list and its text's key: an FAQ reloaded while the form was open may
# have moved or changed it, and a record must keep the basis the person chose, never its neighbour.
BASIS_CHANGED = "The FAQ entry was updated while this form was open: choose the lawful basis again."


def basis_key(basis: str) -> str:
    return hashlib.sha256(basis.encode()).hexdigest()[:10]


def basis_label(basis: str, room: int) -> str:
    """``basis`` as a choice in a list that shows ``room`` characters: as written when it fits, else cited
    short (``cited_short``)."""
    return basis if len(basis) <= room else cited_short(basis)


def cited_short(basis: str) -> str:
    """``basis`` as a short citation ("DPA 2018 Sch 1 para 18 (safeguarding of children ...)"), for a list
    whose choices Slack cuts at 75 characters; the record keeps the basis as written."""
    for long, short in _CITED_SHORT:
        basis = re.sub(long, short, basis)
    return basis


def problems(form: DecisionForm) -> dict[str, str]:
    """What must be fixed before the form can be recorded, by field; {} when it can be."""
    found: dict[str, str] = {}
    if form.decision not in tuple(SharingDecision):
        found["decision"] = "Choose what you decided."
    elif form.decision in SHARING:
        if is_blank(form.shared_with):
            found["shared_with"] = "Say who you shared with (a role or organisation, not a name)."
        if is_blank(form.what_shared):
            found["what_shared"] = "Describe what you shared."
    if form.lawful_basis == OTHER and is_blank(form.lawful_basis_other):
        found["lawful_basis_other"] = "Describe the lawful basis you relied on."
    if is_blank(form.reasons):
        found["reasons"] = "Give your reasons."
    if form.person_told is not None and form.person_told not in tuple(Told):
        found["person_told"] = "Choose whether the person was told."
    if form.person_told == Told.NO and is_blank(form.not_told_why):
        found["not_told_why"] = "Say why the person was not told."
    for name, limit in LIMITS.items():
        length = len((getattr(form, name) or "").strip())
        if length > limit and name not in found:
            found[name] = f"This is {length:,} characters; the most is {limit:,}. Please shorten it."
    return found


def clean(form: DecisionForm) -> tuple[DecisionForm, tuple[str, ...]]:
    """The form with every free-text field redacted (whole, however much longer the placeholders make it), and
    the kinds of identifier removed, in order of first appearance. Raises ``InvalidDecision``."""
    wrong = problems(form)
    if wrong:
        raise InvalidDecision(wrong)
    changes, kinds = {}, []
    for name, limit in LIMITS.items():
        typed = getattr(form, name) or ""
        typed = " ".join(typed.split()) if name in SINGLE_LINE else typed.strip()
        redaction = redact_question(typed, PLACEHOLDER_GROWTH * limit)  # whole: the limit is on what was typed
        changes[name] = redaction.text
        kinds += [k for k in redaction.found if k not in kinds]
    return replace(form, **changes), tuple(kinds)


def lawful_basis_text(form: DecisionForm) -> str:
    """The basis chosen and, when typed, the basis described ("other"), as one text."""
    parts = [form.lawful_basis] if form.lawful_basis and form.lawful_basis != OTHER else []
    if form.lawful_basis_other.strip():
        parts.append(form.lawful_basis_other.strip())
    return "; ".join(parts)


def uk_time(stored: str | None) -> str:
    """'27 November 2026, 14:05 (UK time)' from a stored UTC time."""
    moment = parse_stored_time(stored)
    if moment is None:
        return "unknown"
    local = moment.astimezone(UK_TIME)
    return f"{local.day} {local:%B %Y}, {local:%H:%M} (UK time)"


def reviewed_day(iso_day: str | None) -> str:
    try:
        day = dt.date.fromisoformat(iso_day or "")
    except ValueError:
        return iso_day or "unknown"
    return f"{day.day} {day:%B %Y}"


def guidance_line(record: DecisionRecord) -> str:
    """The guidance the decision followed: the FAQ entry (with its "last reviewed" date), the
    advisor's answer, or both (an advisor's answer pointing to an entry)."""
    entry = ""
    if record.faq_id:
        title = f"“{record.faq_question}” " if record.faq_question else ""
        reviewed = (f"last reviewed {reviewed_day(record.faq_last_reviewed)}" if record.faq_last_reviewed
                    else "no longer in the FAQ")
        entry = f"canishare FAQ entry {title}({record.faq_id}, {reviewed})"
    if record.escalation_id:
        advisor = f"an answer from a canishare advisor (escalation #{record.escalation_id})"
        return f"{advisor}, pointing to {entry}" if entry else advisor
    return entry or "canishare"


def record_lines(record: DecisionRecord) -> list[tuple[str, str]]:
    """(label, value) for each line of the record, in order."""
    told = TOLD_LABELS.get(record.person_told, "Not recorded") if record.person_told else "Not recorded"
    lines = [
        ("Date and time", uk_time(record.created_at)),
        ("Guidance followed", guidance_line(record)),
    ]
    if record.nation:
        lines.append(("Guidance shown for", NATION_NAMES.get(record.nation, record.nation)))
    lines += [
        ("Decision", DECISION_LABELS.get(record.decision, str(record.decision))),
        ("Shared with", record.shared_with or "-"),
        ("What was shared", record.what_shared or "-"),
        ("Lawful basis", record.lawful_basis or "-"),
        ("Reasons", record.reasons or "-"),
        ("Person told", told),
    ]
    if record.not_told_why:
        lines.append(("Why not told", record.not_told_why))
    return lines


def record_text(record: DecisionRecord) -> str:
    """The record as clean plain text, ready to paste into a case system."""
    return "Information sharing decision record\n" + "\n".join(f"{label}: {value}"
                                                                 for label, value in record_lines(record))

