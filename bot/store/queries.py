"""Small helpers shared by the store's modules."""

from __future__ import annotations


def _between(sql: str, params: list, column: str, since: str | None, until: str | None) -> tuple[str, list]:
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
