"""The one clock and the one timestamp format: times are stored as UTC ISO-8601 text to the second
("2026-11-20T09:00:00+00:00"), and read back as aware datetimes."""

from __future__ import annotations

import datetime as dt

UTC = dt.timezone.utc


def utc_now() -> dt.datetime:
    """The current time, aware, in UTC."""
    return dt.datetime.now(UTC)


def stored(moment: dt.datetime) -> str:
    """``moment`` as the store writes times."""
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def stored_now() -> str:
    """The current time as the store writes it."""
    return stored(utc_now())


def parse_stored_time(value: str | None) -> dt.datetime | None:
    """A timestamp as the store writes it, as an aware datetime (UTC when it has no zone); None if unreadable."""
    if not value:
        return None
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
