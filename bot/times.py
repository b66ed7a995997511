"""The one clock and the one timestamp format: times are stored as UTC ISO-8601 text to the second
("2026-11-20T09:00:00+00:00"), and read back as aware datetimes."""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

UTC = dt.timezone.utc
UK_TIME = ZoneInfo("Europe/London")  # the digest's weeks, decision records' times, advisors' working hours


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


# Durations: one syntax everywhere (CANISHARE_REMIND_AFTER, purge --older-than): a number and a unit,
# or several ("1h30min"). "m" alone is refused: it meant minutes in one place and months in another.
# Months are refused too: they differ in length, and a fixed 30 days made "12mo" five days short of "1y".
DURATION_UNITS = {
    "s": 1, "sec": 1, "secs": 1, "second": 1, "seconds": 1,
    "min": 60, "mins": 60, "minute": 60, "minutes": 60,
    "h": 3600, "hr": 3600, "hrs": 3600, "hour": 3600, "hours": 3600,
    "d": 86400, "day": 86400, "days": 86400,
    "w": 7 * 86400, "wk": 7 * 86400, "week": 7 * 86400, "weeks": 7 * 86400,
    "y": 365 * 86400, "yr": 365 * 86400, "year": 365 * 86400, "years": 365 * 86400,
}
DURATION_EXAMPLES = "e.g. 90min, 4h, 365d, 52w or 1y (d is 24 hours, w 7 days, y 365 days)"
MONTH_UNITS = ("mo", "mon", "month", "months")
LONGEST_DURATION = dt.timedelta(days=100 * 365)
_DURATION_PART = re.compile(r"\s*(\d+(?:\.\d+)?)\s*([a-z]*)", re.IGNORECASE)


class DurationError(ValueError):
    pass


def parse_duration(text: str) -> dt.timedelta:
    """'90min', '4h', '365d', '52w', '1y' or combinations ('1h30min') as a timedelta."""
    value, total, position = (text or "").strip(), 0.0, 0
    if not value:
        raise DurationError(f"a duration is needed, {DURATION_EXAMPLES}")
    while position < len(value):
        found = _DURATION_PART.match(value, position)
        if not found or found.end() == position:
            raise DurationError(f"cannot read the duration {text!r}: write a number and a unit, {DURATION_EXAMPLES}")
        number, unit = float(found.group(1)), found.group(2).lower()
        if unit == "m":
            raise DurationError(f"{text!r}: 'm' could mean minutes or months: write min (months are not a unit: "
                                "write days, e.g. 30d)")
        if unit in MONTH_UNITS:
            raise DurationError(f"{text!r}: months differ in length, so they are not a unit here: write days, weeks "
                                "or years (d is 24 hours, w 7 days, y 365 days), e.g. 365d or 1y")
        if unit not in DURATION_UNITS:
            raise DurationError(f"cannot read the duration {text!r}: unknown unit {unit or '(none)'!r}; "
                                f"{DURATION_EXAMPLES}")
        total += number * DURATION_UNITS[unit]
        position = found.end()
    if total > LONGEST_DURATION.total_seconds():
        raise DurationError(f"{text!r} is longer than 100 years: use a shorter duration")
    return dt.timedelta(seconds=total)
