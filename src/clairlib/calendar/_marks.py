"""What a printed period says besides its days: precision, parts, weekdays, times, 頃, open ends.

These are the building blocks of :class:`~clairlib.calendar.Period`; they know nothing
of periods themselves, so that the period model, its ISO text and the parser can all
use them.
"""

from __future__ import annotations

from datetime import date, time
from enum import StrEnum

import attrs

_DAYS_IN_MONTH = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def month_end(year: int, month: int) -> date:
    """Return the last day of ``month`` in ``year``."""
    if month == 2 and year % 4 == 0 and (year % 100 != 0 or year % 400 == 0):
        return date(year, 2, 29)
    return date(year, month, _DAYS_IN_MONTH[month])


class Precision(StrEnum):
    """How finely a Period was written: a day, a month, a calendar year or a fiscal year."""

    DAY = "day"
    MONTH = "month"
    YEAR = "year"
    FISCAL_YEAR = "fiscal_year"


class Part(StrEnum):
    """A part of a month, year or fiscal year as documents print it (上旬, 月末, 年度末…)."""

    EARLY = "early"
    """上旬 or 初旬: days 1–10 of a month."""
    MIDDLE = "middle"
    """中旬: days 11–20 of a month."""
    LATE = "late"
    """下旬: day 21 to the month's last day."""
    MONTH_END = "month_end"
    """末 or 月末: the month's last day."""
    YEAR_END = "year_end"
    """年末: 31 December."""
    FISCAL_YEAR_END = "fiscal_year_end"
    """年度末: 31 March, the fiscal year's last day."""


# The members by name, for the code that runs on every parse: under Python 3.11 a
# member looked up on its class (Precision.DAY) goes through EnumType.__getattr__,
# a call into Python that costs as much as building a date.
DAY, MONTH, YEAR, FISCAL_YEAR = (
    Precision.DAY,
    Precision.MONTH,
    Precision.YEAR,
    Precision.FISCAL_YEAR,
)
EARLY, MIDDLE, LATE = Part.EARLY, Part.MIDDLE, Part.LATE
MONTH_END, YEAR_END, FISCAL_YEAR_END = Part.MONTH_END, Part.YEAR_END, Part.FISCAL_YEAR_END

#: The parts that divide a month into thirds (上旬, 中旬, 下旬).
THIRDS = (EARLY, MIDDLE, LATE)

WEEKDAY_KANJI = "月火水木金土日"
"""Weekday marks as printed, Monday first (the index is ``date.weekday()``)."""
WEEKDAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
"""Weekday names in the ISO text, Monday first."""


def part_span(part: Part, year: int, month: int) -> tuple[date, date]:
    """Return the first and last day of ``part``; ``month`` is ignored for year ends.

    For ``FISCAL_YEAR_END`` ``year`` is the fiscal year (its end falls in ``year + 1``).
    """
    if part is EARLY:
        return date(year, month, 1), date(year, month, 10)
    if part is MIDDLE:
        return date(year, month, 11), date(year, month, 20)
    if part is LATE:
        return date(year, month, 21), month_end(year, month)
    if part is MONTH_END:
        last = month_end(year, month)
        return last, last
    if part is YEAR_END:
        return date(year, 12, 31), date(year, 12, 31)
    return date(year + 1, 3, 31), date(year + 1, 3, 31)


def part_fits(part: Part, day: date, *, at_end: bool) -> bool:
    """Return True when ``day`` can be the first (or, ``at_end``, last) day of ``part``."""
    if part in THIRDS:
        if at_end:
            if part is LATE:
                return day == month_end(day.year, day.month)
            return day.day == (10 if part is EARLY else 20)
        return day.day == (1 if part is EARLY else 11 if part is MIDDLE else 21)
    if part is MONTH_END:
        return day == month_end(day.year, day.month)
    if part is YEAR_END:
        return (day.month, day.day) == (12, 31)
    return (day.month, day.day) == (3, 31)


@attrs.frozen
class Marks:
    """What was printed with a period besides its days; every field is optional.

    ``start_*`` describe the first day, ``end_*`` the last (for a single day both say
    the same). Weekdays are ``date.weekday()`` numbers (0 is Monday) and must match the
    day; a part (上旬, 月末…) must match the day it names; times are local clock times
    printed after a day (``10:00～12:30``). ``approximate`` is 頃. An open start
    (``../FY2021``) or end (``2011/..``) has no day: its boundary is ``date.min`` or
    ``date.max``.
    """

    start_weekday: int | None = None
    end_weekday: int | None = None
    start_part: Part | None = None
    end_part: Part | None = None
    start_time: time | None = None
    end_time: time | None = None
    approximate: bool = False
    open_start: bool = False
    open_end: bool = False

    def problem(self, start: date, end: date, precision: Precision) -> str | None:
        """Say why these marks cannot go with ``start``..``end``, or None if they can."""
        if self.open_start and self.open_end:
            return "a period with at least one known end, found '../..'"
        for side, day, weekday, part, clock, is_open, sentinel in (
            ("start", start, self.start_weekday, self.start_part, self.start_time,
             self.open_start, date.min),
            ("end", end, self.end_weekday, self.end_part, self.end_time, self.open_end, date.max),
        ):  # fmt: skip
            if is_open:
                if day != sentinel or weekday is not None or part is not None or clock:
                    return f"an open {side} to be {sentinel} with nothing else, found {day}"
                continue
            if weekday is not None:
                if not 0 <= weekday <= 6:
                    return f"a weekday 0..6, found {weekday}"
                if precision is not DAY or part is not None:
                    return f"a weekday only on a single day, found one on a {precision.value}"
                if day.weekday() != weekday:
                    return (
                        f"the weekday of {day.isoformat()} ({WEEKDAY_KANJI[day.weekday()]}), "
                        f"found {WEEKDAY_KANJI[weekday]}"
                    )
            if part is not None:
                if precision is not DAY:
                    return f"a part of a month only on days, found a {precision.value}"
                if not part_fits(part, day, at_end=side == "end"):
                    return f"{day.isoformat()} to be the {side} of {part.value}, found otherwise"
            if clock is not None and (precision is not DAY or part is not None):
                return f"a time only on a single day, found one on a {precision.value}"
        if (
            self.start_time is not None
            and self.end_time is not None
            and start == end
            and self.end_time < self.start_time
        ):
            return f"an end time on or after {self.start_time:%H:%M}, found {self.end_time:%H:%M}"
        return None
