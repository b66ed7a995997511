"""Small helpers shared by the store's modules."""

from __future__ import annotations

import json

from bot.records import Decision, Question, Where


def where_between(sql: str, params: list, column: str, since: str | None, until: str | None) -> tuple[str, list]:
    """Add ``since <= column < until`` conditions (either bound optional) to a query."""
    if since:
        sql, params = sql + f" and {column} >= ?", params + [since]
    if until:
        sql, params = sql + f" and {column} < ?", params + [until]
    return sql, params


# The learned phrasings' generation: bumped in the same transaction as any phrasing added or withdrawn, so
# every process's matcher sees the change (a withdrawn phrasing's id is reused by the next one learned:
# the table's count and highest id alone can return to what they were).
LEARNED_GENERATION = "learned_phrasings"


def bump_generation(db, name: str) -> None:
    db.execute("insert into generations (name, generation) values (?, 1)"
               " on conflict (name) do update set generation = generation + 1", [name])


def generation(db, name: str) -> int:
    row = db.execute("select generation from generations where name = ?", [name]).fetchone()
    return row[0] if row else 0


def question_from_row(row: dict) -> Question:
    """A ``questions`` row as the record the rest of canishare reads."""
    return Question(
        id=row["id"], text=row["text"], asker=row["asker"],
        where=Where(
            source=row["source"], channel=row["channel"], thread_ts=row["thread_ts"],
            message_ts=row["message_ts"], team=row["team"],
        ),
        decision=Decision(row["decision"]), faq_id=row["faq_id"], score=row["score"],
        suggestions=tuple(json.loads(row["suggestions"] or "[]")),
        redacted_kinds=tuple(json.loads(row["redacted_kinds"] or "[]")),
        urgent=bool(row.get("urgent")), created_at=row["created_at"],
    )
