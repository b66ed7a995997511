"""The copy of a person's data canishare sends them itself (App Home's "Send me my data"), with no one to
check it first: other people's personal data is left out (UK GDPR Art 15(4); DPA 2018 Sch 2 para 16).
Other people's ratings of the person's answers are counted, not listed; every other person's Slack id
(an advisor who claimed or answered, a colleague, a pseudonym left by an erasure) becomes their role.
``canishare subject-access`` keeps everything, for the controller to check before sending: it counts
here the records that name someone else."""

from __future__ import annotations

import json
import re

from bot.records import QueueAction

AN_ADVISOR, ANOTHER_PERSON = "an advisor", "another person"
# Who the id in each column stands for, when it is not the requester's.
ROLE_OF_COLUMN = {"escalations": AN_ADVISOR, "learned_phrasings": AN_ADVISOR, "audit": AN_ADVISOR}
# The keys of an owed message's payload that hold a Slack user id.
PAYLOAD_PEOPLE = {"advisor": AN_ADVISOR, "to": ANOTHER_PERSON, "post_by": ANOTHER_PERSON}
SYSTEM_ACTORS = frozenset({"canishare"})  # the audit's actor for what the tool did itself


def own_copy(report: dict, person_columns: dict[str, tuple[str, ...]]) -> dict:
    """``report`` (``Service.subject_access``) as the person may be sent it without a check;
    ``person_columns``: the columns of each table that hold a person's id (the store's, given by the service)."""
    user, records = report["user"], report["records"]
    others: set[str] = set()
    copy = {table: [_without_others(table, row, user, others, person_columns)
                    for row in rows if not _rated_by_other(table, row, user)]
            for table, rows in records.items()}
    copy = _names_replaced(copy, others)
    left_out = sum(_rated_by_other(table, row, user) for table, rows in records.items() for row in rows)
    return {**report, "records": copy, "about_other_people": about_other_people(left_out)}


def about_other_people(ratings_left_out: int) -> str:
    ratings = (f" {ratings_left_out} rating(s) of your answers by other people are not included."
               if ratings_left_out else "")
    return ("Other people's Slack ids are shown as their role (\"an advisor\", \"another person\")." + ratings
            + " Your organisation's data protection officer can give you a full copy, checked by them.")


def rows_naming_others(report: dict, person_columns: dict[str, tuple[str, ...]]) -> int:
    """How many records of ``report`` hold another person's id or rating: what the controller checks."""
    user = report["user"]
    return sum(bool(_ids_of_others(table, row, user, person_columns)) or _rated_by_other(table, row, user)
               for table, rows in report["records"].items() for row in rows)


def _rated_by_other(table: str, row: dict, user: str) -> bool:
    return table == "feedback" and row.get("user") != user


def _ids_of_others(table: str, row: dict, user: str, person_columns: dict) -> dict[str, str]:
    """{column or payload key: id} of everyone but ``user`` the row names."""
    found = {c: row[c] for c in person_columns.get(table, ()) if _another(row.get(c), user)}
    if table == "outbox":
        found.update({key: value for key, value in _payload(row).items()
                      if key in PAYLOAD_PEOPLE and _another(value, user)})
    return found


def _another(value, user: str) -> bool:
    return isinstance(value, str) and bool(value) and value != user and value not in SYSTEM_ACTORS


def _without_others(table: str, row: dict, user: str, others: set[str], person_columns: dict) -> dict:
    named = _ids_of_others(table, row, user, person_columns)
    others.update(named.values())
    row = {column: _role(table, column, row) if column in named else value for column, value in row.items()}
    if table == "outbox" and any(key in PAYLOAD_PEOPLE for key in named):
        payload = _payload(row)
        row["payload"] = json.dumps({k: PAYLOAD_PEOPLE[k] if k in named else v for k, v in payload.items()},
                                    sort_keys=True, ensure_ascii=False)
    return row


def _role(table: str, column: str, row: dict) -> str:
    if table == "audit" and row.get("action") == QueueAction.ESCALATE:
        return ANOTHER_PERSON  # someone sent the question to the advisors for the asker
    return ROLE_OF_COLUMN.get(table, ANOTHER_PERSON)


def _payload(row: dict) -> dict:
    return json.loads(row.get("payload") or "{}")  # canishare wrote it: always a JSON object


def _names_replaced(value, others: set[str]):
    """Any other mention of those ids (in an audit detail, an owed message) becomes "another person"."""
    if not others:
        return value
    pattern = re.compile(r"(?<![A-Za-z0-9])(?:" + "|".join(map(re.escape, sorted(others))) + r")(?![A-Za-z0-9])")
    return _each_string(value, lambda text: pattern.sub(ANOTHER_PERSON, text))


def _each_string(value, change):
    if isinstance(value, str):
        return change(value)
    if isinstance(value, dict):
        return {key: _each_string(item, change) for key, item in value.items()}
    if isinstance(value, list):
        return [_each_string(item, change) for item in value]
    return value
