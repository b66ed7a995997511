"""One person's data: everything the store holds about a Slack user (for a subject access request),
and erasing it (keeping the advisor queue's history, with the person replaced by a pseudonym)."""

from __future__ import annotations

import json
import uuid

from bot.mrkdwn import ERASED_PREFIX
from bot.records import QueueAction, State
from bot.store import outbox
from bot.store.queries import LEARNED_GENERATION, bump_generation

# Columns that hold a Slack user id, table by table (docs/data-protection.md lists the same).
PERSON_COLUMNS = {
    "questions": ("asker",),
    "feedback": ("user",),
    "escalations": ("escalated_by", "claimed_by", "answered_by", "closed_by"),
    "learned_phrasings": ("added_by",),
    "follow_ups": ("asker",),
    "audit": ("actor",),
}
# Tables whose rows belong to the person in their ``user`` column: listed in full for access, deleted
# on erasure (never pseudonymised): their decision records and their nation.
OWN_ROWS = ("decision_records", "people")
# Columns holding what someone else typed: an access request by the advisor who worked on it does not
# get it (the text is about the other person, not about them).
OTHERS_TEXT = {"learned_phrasings": "text"}
WITHHELD = "(withheld: another person's question)"


def rows_about(db, user: str) -> dict[str, list[dict]]:
    """Every row that names ``user``, and every row about a question they asked, table by table."""
    asked = [r["id"] for r in db.query("select id from questions where asker = ?", [user])]
    found: dict[str, list[dict]] = {}
    for table, columns in PERSON_COLUMNS.items():
        if not db[table].exists():
            continue
        where = " or ".join(f"{c} = ?" for c in columns if c in db[table].columns_dict)
        params: list = [user] * where.count("?")
        if table != "questions" and "question_id" in db[table].columns_dict and asked:
            where += f" or question_id in ({', '.join('?' for _ in asked)})"
            params += asked
        rows = list(db.query(f"select * from {table} where {where} order by rowid", params))
        found[table] = [_without_others_text(table, row, asked) for row in rows]
    for table in OWN_ROWS:
        found[table] = list(db.query(f"select * from {table} where user = ? order by rowid", [user]))
    found["faq_drafts"] = drafts_of(db, asked)
    found["outbox"] = [row for row in db.query("select * from outbox where state = 'pending' order by id")
                       if row["question_id"] in asked or _addressed_to(row["payload"], user)]
    return found


def drafts_of(db, question_ids: list[int]) -> list[dict]:
    """The FAQ draft files written from these questions' escalations (``canishare faq drafts``): which, and
    when. Files written before canishare recorded where have no name."""
    drafts: list[dict] = []
    for chunk in (question_ids[i : i + 500] for i in range(0, len(question_ids), 500)):
        drafts += db.query(
            "select e.id as escalation_id, e.question_id, a.detail as file, coalesce(a.at, e.drafted_at) as written_at"
            " from escalations e left join audit a on a.escalation_id = e.id and a.action = ?"
            f" where e.question_id in ({', '.join('?' for _ in chunk)}) and (a.id is not null or e.drafted_at"
            " is not null) order by e.id, written_at", [QueueAction.DRAFT.value, *chunk])
    return drafts


def _without_others_text(table: str, row: dict, asked: list[int]) -> dict:
    column = OTHERS_TEXT.get(table)
    if column and row.get(column) is not None and row.get("question_id") not in asked:
        return {**row, column: WITHHELD}
    return row


def _addressed_to(payload: str | None, user: str) -> bool:
    try:
        return json.loads(payload or "{}").get("to") == user
    except (ValueError, AttributeError):
        return False


def still_queued(db, user: str) -> list[int]:
    """Escalations of the person's questions that an advisor still has to answer."""
    return [r["id"] for r in db.query(
        "select e.id from escalations e join questions q on q.id = e.question_id"
        " where q.asker = ? and e.state in (?, ?) order by e.id", [user, State.OPEN.value, State.CLAIMED.value])]


def erase(db, user: str, now: str) -> dict[str, int]:
    """Delete the person's questions (with their ratings, follow-ups, escalations, owed messages and the phrasings
    learned from them), their ratings of other answers, their decision records and their nation;
    replace their id wherever it records work done (an advisor's claims and answers, the audit trail)
    with one pseudonym; owe the emptying of their escalations' posts in the advisor channel (cards and
    follow-ups) and the update of the cards that name them as an advisor; delete the messages still owed to
    them, and put the pseudonym in place of their id in those owed to others. Counts by table, with the FAQ draft
    files written from their questions (``drafts``: canishare cannot delete them; it does not know where
    they went)."""
    pseudonym = f"{ERASED_PREFIX}{uuid.uuid4().hex[:12]}"
    asked = [r["id"] for r in db.query("select id from questions where asker = ?", [user])]
    counts = {"questions": len(asked), "feedback": 0, "escalations": 0, "follow_ups": 0, "learned_phrasings": 0,
              "pseudonymised": 0, "advisor_posts": 0}
    drafted = [draft["file"] or f"(not recorded: written {draft['written_at']})" for draft in drafts_of(db, asked)]
    for chunk in (asked[i : i + 500] for i in range(0, len(asked), 500)):
        marks = ", ".join("?" for _ in chunk)
        counts["feedback"] += db.execute(f"delete from feedback where question_id in ({marks})", chunk).rowcount
        withdrawn = db.execute(f"delete from learned_phrasings where question_id in ({marks})", chunk).rowcount
        if withdrawn:
            bump_generation(db, LEARNED_GENERATION)
        counts["learned_phrasings"] += withdrawn
        counts["advisor_posts"] += outbox.owe_card_removals(db, now, chunk)
        counts["advisor_posts"] += outbox.owe_follow_up_removals(db, now, chunk)
        counts["follow_ups"] += db.execute(f"delete from follow_ups where question_id in ({marks})", chunk).rowcount
        db.execute("delete from outbox where escalation_id in"
                   f" (select id from escalations where question_id in ({marks}))", chunk)
        counts["escalations"] += db.execute(f"delete from escalations where question_id in ({marks})", chunk).rowcount
        db.execute(f"update audit set detail = null where question_id in ({marks})", chunk)
        db.execute(f"delete from outbox where question_id in ({marks})", chunk)
        db.execute(f"update decision_records set question_id = null where question_id in ({marks})", chunk)
        db.execute(f"delete from questions where id in ({marks})", chunk)
    counts["feedback"] += db.execute("delete from feedback where user = ?", [user]).rowcount
    counts["card_updates"] = outbox.owe_card_updates_naming(db, now, user)
    for table in OWN_ROWS:
        counts[table] = db.execute(f"delete from {table} where user = ?", [user]).rowcount
    for table, columns in PERSON_COLUMNS.items():
        for column in columns:
            if table in ("questions", "feedback") or column not in db[table].columns_dict:
                continue
            counts["pseudonymised"] += db.execute(
                f"update {table} set {column} = ? where {column} = ?", [pseudonym, user]).rowcount
    counts["owed_to_them"] = outbox.erase_from_owed(db, user, pseudonym)
    counts["pseudonym"] = pseudonym  # type: ignore[assignment]
    counts["drafts"] = drafted  # type: ignore[assignment]
    return counts
