"""Small helpers shared by the store's modules."""

from __future__ import annotations


def _between(sql: str, params: list, column: str, since: str | None, until: str | None) -> tuple[str, list]:
    """Add ``since <= column < until`` conditions (either bound optional) to a query."""
    if since:
        sql, params = sql + f" and {column} >= ?", params + [since]
    if until:
        sql, params = sql + f" and {column} < ?", params + [until]
    return sql, params
