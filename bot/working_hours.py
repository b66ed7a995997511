"""When the advisors work (``CANISHARE_ADVISOR_HOURS``, ``CANISHARE_ADVISOR_CLOSED``), in UK time.

An escalation's reminder is owed after so much of the advisors' working time (a question sent at
16:30 on a Friday is not "unclaimed for 4 hours" at 20:30 that evening), and an asker whose question
reaches the queue when nobody works is told when it will be seen, which matters most when the risk
is urgent: they must not wait for an advisor who is not there. Without the setting, advisors are
taken to work at all hours, as before.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from bot.times import UK_TIME

DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
SEARCHED_DAYS = 400  # how far ahead the next opening is looked for, and back how far time is counted
HOURS_EXAMPLE = "'Mon-Fri 09:00-17:00' (several with ';', e.g. 'Mon-Thu 09:00-17:00; Fri 09:00-16:30')"

_GROUP = re.compile(r"^\s*(?P<days>[a-z][a-z,\s\-–]*?)\s+(?P<times>\d.*?)\s*$", re.IGNORECASE)
_RANGE = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*(?:-|–|to)\s*(\d{1,2}):(\d{2})\s*$", re.IGNORECASE)


class HoursError(ValueError):
    pass


@dataclass(frozen=True)
class Span:
    weekday: int  # 0 is Monday
    start: dt.time
    end: dt.time | None  # None: midnight at the end of the day


@dataclass(frozen=True)
class WorkingHours:
    spans: tuple[Span, ...]
    closed: frozenset[dt.date] = frozenset()
    zone: ZoneInfo = UK_TIME

    @classmethod
    def parse(cls, hours: str, closed: str = "") -> WorkingHours:
        """'Mon-Fri 09:00-17:00' (groups separated by ';', several time ranges in a group by ',') and
        closed days as ISO dates ('2026-12-25, 2026-12-28'); ``HoursError`` says what cannot be read."""
        spans = tuple(span for group in hours.split(";") if group.strip() for span in _group_spans(group))
        if not spans:
            raise HoursError(f"no working days and times given: write them like {HOURS_EXAMPLE}")
        return cls(spans=spans, closed=closed_days(closed))

    def opening_times(self, day: dt.date) -> list[tuple[dt.datetime, dt.datetime]]:
        """The day's working periods, as aware local times, earliest first (none on a closed day)."""
        if day in self.closed:
            return []
        periods = []
        for span in sorted((s for s in self.spans if s.weekday == day.weekday()), key=lambda s: s.start):
            start = dt.datetime.combine(day, span.start, tzinfo=self.zone)
            end = (dt.datetime.combine(day, span.end, tzinfo=self.zone) if span.end is not None
                   else dt.datetime.combine(day + dt.timedelta(days=1), dt.time(0), tzinfo=self.zone))
            periods.append((start, end))
        return periods

    def is_open(self, at: dt.datetime) -> bool:
        local = at.astimezone(self.zone)
        return any(start <= local < end for start, end in self.opening_times(local.date()))

    def next_opening(self, at: dt.datetime) -> dt.datetime | None:
        """``at`` when the advisors work then, else when they next start; None if not within a year or so."""
        if self.is_open(at):
            return at
        local = at.astimezone(self.zone)
        for offset in range(SEARCHED_DAYS):
            for start, _ in self.opening_times(local.date() + dt.timedelta(days=offset)):
                if start > local:
                    return start
        return None

    def worked_between(self, start: dt.datetime, end: dt.datetime) -> dt.timedelta:
        """How much working time passed from ``start`` to ``end`` (counted over at most ``SEARCHED_DAYS``)."""
        start = max(start, end - dt.timedelta(days=SEARCHED_DAYS))
        total = dt.timedelta(0)
        day, last = start.astimezone(self.zone).date(), end.astimezone(self.zone).date()
        while day <= last:
            for opens, closes in self.opening_times(day):
                overlap = min(closes, end) - max(opens, start)
                if overlap > dt.timedelta(0):
                    total += overlap
            day += dt.timedelta(days=1)
        return total

    def describe(self) -> str:
        """'Monday to Friday 09:00 to 17:00 (UK time)', or 'Monday to Thursday 09:00 to 17:00 and Friday
        09:00 to 16:30 (UK time)'."""
        by_day = {d: tuple((s.start, s.end) for s in sorted(self.spans, key=lambda s: s.start) if s.weekday == d)
                  for d in range(7)}
        runs: list[tuple[int, int, tuple]] = []
        for weekday in range(7):
            times = by_day[weekday]
            if times and runs and runs[-1][1] == weekday - 1 and runs[-1][2] == times:
                runs[-1] = (runs[-1][0], weekday, times)
            elif times:
                runs.append((weekday, weekday, times))
        said = [f"{_day_run(first, last)} {_times(times)}" for first, last, times in runs] or ["no set hours"]
        listed = said[0] if len(said) == 1 else ", ".join(said[:-1]) + " and " + said[-1]
        return f"{listed} ({'UK time' if self.zone == UK_TIME else self.zone.key})"


def advisors_away(hours: WorkingHours | None, now: dt.datetime) -> str:
    """When the advisors will see a question sent ``now``, if they are not working now ('' if they are,
    or no working hours are set): 'The advisors are not working now. They work Monday to Friday 09:00
    to 17:00 (UK time); they will see it from Monday 1 December at 09:00.'"""
    if hours is None or hours.is_open(now):
        return ""
    opening = hours.next_opening(now)
    when = (f"they will see it from {_opening_said(opening, now.astimezone(hours.zone))}" if opening is not None
            else "none of that time falls in the coming year")
    return f"The advisors are not working now. They work {hours.describe()}; {when}."


def worked_since(hours: WorkingHours | None, since: dt.datetime, now: dt.datetime) -> dt.timedelta:
    """The advisors' working time from ``since`` to ``now`` (all of it when no working hours are set)."""
    return now - since if hours is None else hours.worked_between(since, now)


def _opening_said(opening: dt.datetime, now: dt.datetime) -> str:
    if opening.date() == now.date():
        return f"today at {opening:%H:%M}"
    if opening.date() == now.date() + dt.timedelta(days=1):
        return f"tomorrow at {opening:%H:%M}"
    return f"{opening:%A} {opening.day} {opening:%B} at {opening:%H:%M}"


def _day_run(first: int, last: int) -> str:
    name = DAYS[first].capitalize()
    if first == last:
        return name
    return f"{name} {'and' if last == first + 1 else 'to'} {DAYS[last].capitalize()}"


def _times(times: tuple) -> str:
    return " and ".join(f"{start:%H:%M} to {'24:00' if end is None else f'{end:%H:%M}'}" for start, end in times)


def _group_spans(group: str) -> list[Span]:
    found = _GROUP.match(group)
    if not found:
        raise HoursError(f"{group.strip()!r} is not days then times: write them like {HOURS_EXAMPLE}")
    weekdays = _weekdays(found["days"])
    ranges = [_time_range(part) for part in re.split(r",|\band\b", found["times"], flags=re.IGNORECASE)]
    return [Span(weekday, start, end) for weekday in weekdays for start, end in ranges]


def _weekdays(text: str) -> list[int]:
    weekdays: list[int] = []
    for part in (p.strip() for p in text.split(",") if p.strip()):
        first, _, last = (s.strip() for s in re.split(r"(-|–)", part, maxsplit=1)) if re.search("-|–", part) \
            else (part, "", part)
        start, stop = _weekday(first), _weekday(last)
        if stop < start:
            raise HoursError(f"{part!r} runs backwards: name the days from Monday to Sunday, e.g. 'Mon-Fri'")
        weekdays += [d for d in range(start, stop + 1) if d not in weekdays]
    return weekdays


def _weekday(name: str) -> int:
    name = name.strip().casefold()
    matches = [i for i, day in enumerate(DAYS) if len(name) >= 2 and day.startswith(name)]
    if len(matches) != 1:
        raise HoursError(f"{name!r} is not a day of the week: use Mon, Tue, Wed, Thu, Fri, Sat or Sun")
    return matches[0]


def _time_range(text: str) -> tuple[dt.time, dt.time | None]:
    found = _RANGE.match(text)
    if not found:
        raise HoursError(f"{text.strip()!r} is not a time range: write it as 24-hour times like 09:00-17:00")
    start_hour, start_minute, end_hour, end_minute = (int(n) for n in found.groups())
    if start_hour > 23 or start_minute > 59 or end_minute > 59 or end_hour > 24 or (end_hour == 24 and end_minute):
        raise HoursError(f"{text.strip()!r} is not a time range: hours run 00-23 (24:00 for midnight), minutes 00-59")
    start = dt.time(start_hour, start_minute)
    end = None if end_hour == 24 else dt.time(end_hour, end_minute)
    if end is not None and end <= start:
        raise HoursError(f"{text.strip()!r} ends before it starts: working times cannot run past midnight "
                         "(split them, e.g. 'Fri 22:00-24:00; Sat 00:00-06:00')")
    return start, end


def closed_days(text: str) -> frozenset[dt.date]:
    """ISO dates separated by commas or spaces ('2026-12-25, 2026-12-28')."""
    days = set()
    for part in (p for p in re.split(r"[,;\s]+", text or "") if p):
        try:
            days.add(dt.date.fromisoformat(part))
        except ValueError:
            raise HoursError(f"{part!r} is not a date: give closed days as YYYY-MM-DD, e.g. 2026-12-25") from None
    return frozenset(days)
