"""ISO weeks in Europe/London, and when the clock posts (Mondays at 09:00 London time)."""

from __future__ import annotations

import datetime as dt
import re

from bot.times import UK_TIME, UTC, stored, utc_now

RUN_WEEKDAY, RUN_HOUR = 0, 9  # the clock posts on Mondays at 09:00 Europe/London

_WEEK = re.compile(r"^\s*(\d{4})-?[Ww](\d{1,2})\s*$")


def iso_week(day: dt.date | dt.datetime) -> str:
    """ "2026-W47" for the ISO week containing ``day`` (an aware datetime is taken in London time)."""
    if isinstance(day, dt.datetime):
        day = (day.astimezone(UK_TIME) if day.tzinfo else day).date()
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def parse_week(week: str) -> dt.date:
    """The Monday of an ISO week written "2026-W47"; ValueError with a readable message otherwise."""
    found = _WEEK.match(week or "")
    if not found:
        raise ValueError(f"cannot read the week {week!r}: write an ISO week such as 2026-W47")
    year, number = int(found.group(1)), int(found.group(2))
    try:
        return dt.date.fromisocalendar(year, number, 1)
    except ValueError:
        weeks = dt.date(year, 12, 28).isocalendar()[1] if 1 <= year <= 9999 else 52
        raise ValueError(f"there is no week {number} in {year}: its ISO weeks are 1 to {weeks}") from None


FIRST_YEAR = 2000  # no practitioner asked canishare anything before this


def chosen_week(week: str | None = None, day: dt.date | None = None, now: dt.datetime | None = None) -> str:
    """The week a digest is asked for: ``week`` ("2026-W47"), the week holding ``day``, or else the
    week before this one. ValueError, said plainly, for a week that cannot be read, one before
    ``FIRST_YEAR`` or one that has not started."""
    if week is not None:
        found = _WEEK.match(week or "")
        if found and int(found.group(1)) < FIRST_YEAR:
            raise ValueError(f"{week.strip()} is before {FIRST_YEAR}: canishare holds no questions from then")
        monday = parse_week(week)
    elif day is not None:
        monday = day - dt.timedelta(days=day.weekday())
    else:
        return previous_week(now)
    named = week.strip() if week is not None else f"the week of {day.isoformat()} ({iso_week(day)})"
    if monday.year < FIRST_YEAR:
        raise ValueError(f"{named} is before {FIRST_YEAR}: canishare holds no questions from then")
    if monday > _aware(now).astimezone(UK_TIME).date():
        raise ValueError(f"{named} has not started yet: give a week up to this one")
    return iso_week(monday)


def week_over(week: str, now: dt.datetime | None = None) -> bool:
    """Whether the ISO week has ended (London time)."""
    return _london_midnight(parse_week(week) + dt.timedelta(days=7)) <= _aware(now)


def _aware(now: dt.datetime | None) -> dt.datetime:
    now = now or utc_now()
    return now if now.tzinfo else now.replace(tzinfo=UTC)


def _london_midnight(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(0), tzinfo=UK_TIME)


def week_bounds(week: str) -> tuple[str, str]:
    """[start, end) of an ISO week in UTC ISO-8601: Monday 00:00 to the next Monday 00:00, London time.

    A week in which the clocks change is 167 or 169 hours long."""
    monday = parse_week(week)
    return (stored(_london_midnight(monday)), stored(_london_midnight(monday + dt.timedelta(days=7))))


def shift_week(week: str, weeks: int) -> str:
    return iso_week(parse_week(week) + dt.timedelta(weeks=weeks))


def previous_week(now: dt.datetime | None = None) -> str:
    """The last complete ISO week, in Europe/London, at ``now`` (default: the current time)."""
    today = _aware(now).astimezone(UK_TIME).date()
    return iso_week(today - dt.timedelta(days=7))


def _run_time(monday: dt.date) -> dt.datetime:
    return dt.datetime.combine(monday, dt.time(RUN_HOUR), tzinfo=UK_TIME)


def last_run(now: dt.datetime | None = None) -> dt.datetime:
    """The most recent scheduled posting (Monday 09:00 London) at or before ``now``, in UTC."""
    local = _aware(now).astimezone(UK_TIME)
    monday = local.date() - dt.timedelta(days=(local.weekday() - RUN_WEEKDAY) % 7)
    run = _run_time(monday)
    if run > local:
        run = _run_time(monday - dt.timedelta(days=7))
    return run.astimezone(UTC)


def next_run(now: dt.datetime | None = None) -> dt.datetime:
    """The next scheduled posting (Monday 09:00 London) strictly after ``now``, in UTC."""
    previous = last_run(now).astimezone(UK_TIME)
    return _run_time(previous.date() + dt.timedelta(days=7)).astimezone(UTC)


def week_due(now: dt.datetime | None = None) -> str:
    """The week whose digest the most recent scheduled posting is for (the week before that Monday)."""
    return iso_week(last_run(now).astimezone(UK_TIME).date() - dt.timedelta(days=7))
