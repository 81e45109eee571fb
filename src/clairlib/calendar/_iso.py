"""The ISO text of a period, written and read side by side.

A side is ``FY2013``, ``2013``, ``2013-08`` or ``2013-08-01``; a part of a month is the
month with the part (``2013-09(early)``, ``2013-09(end)``, ``2013(end)`` for 年末,
``FY2013(end)`` for 年度末); a day may carry a time (``2013-09-03T10:00``) and its
printed weekday (``2013-09-03(Tue)``); ``~`` after a side is ISO 8601-2's
"approximately" (頃), and ``..`` is an open side (``2011/..``, ``../FY2021``). A
period whose two sides write the same is written once.
"""

from __future__ import annotations

import re
from datetime import date, time

from clairlib.calendar._marks import (
    DAY,
    EARLY,
    FISCAL_YEAR,
    FISCAL_YEAR_END,
    LATE,
    MIDDLE,
    MONTH,
    MONTH_END,
    WEEKDAY_NAMES,
    YEAR,
    YEAR_END,
    Marks,
    Part,
    Precision,
    month_end,
    part_span,
)
from clairlib.errors import CalendarError

_PART_NAMES = {EARLY: "early", MIDDLE: "middle", LATE: "late"}
_NAMED_PART = {"early": EARLY, "middle": MIDDLE, "late": LATE}
_WEEKDAY_OF = {name: index for index, name in enumerate(WEEKDAY_NAMES)}


def write_side(
    day: date,
    precision: Precision,
    at_end: bool,
    weekday: int | None,
    part: Part | None,
    clock: time | None,
    approximate: bool,
) -> str:
    """Write one side of a period (see the module docstring)."""
    if part is not None:
        if part is YEAR_END:
            text = f"{day.year:04d}(end)"
        elif part is FISCAL_YEAR_END:
            text = f"FY{day.year - 1:04d}(end)"
        else:
            name = _PART_NAMES.get(part, "end")
            text = f"{day.year:04d}-{day.month:02d}({name})"
    elif precision is DAY:
        text = day.isoformat()
    elif precision is MONTH:
        text = f"{day.year:04d}-{day.month:02d}"
    elif precision is YEAR:
        text = f"{day.year:04d}"
    else:
        text = f"FY{day.year - 1 if at_end else day.year:04d}"
    if clock is not None:
        text += f"T{clock.hour:02d}:{clock.minute:02d}"
    if weekday is not None:
        text += f"({WEEKDAY_NAMES[weekday]})"
    return text + "~" if approximate else text


def write(start: date, end: date, precision: Precision, marks: Marks) -> str:
    """Write a marked period: each side, once if both write the same."""
    approximate = marks.approximate
    left = (
        ".."
        if marks.open_start
        else write_side(
            start,
            precision,
            False,
            marks.start_weekday,
            marks.start_part,
            marks.start_time,
            approximate,
        )
    )
    right = (
        ".."
        if marks.open_end
        else write_side(
            end, precision, True, marks.end_weekday, marks.end_part, marks.end_time, approximate
        )
    )
    return left if left == right else f"{left}/{right}"


_SIDE = re.compile(
    r"(?:FY(?P<fy>[0-9]{4})|(?P<y>[0-9]{4})(?:-(?P<m>[0-9]{2})(?:-(?P<d>[0-9]{2}))?)?)"
    r"(?:T(?P<hh>[0-9]{2}):(?P<mm>[0-9]{2}))?"
    r"(?:\((?P<note>[A-Za-z]+)\))?"
    r"(?P<approx>~)?",
    re.ASCII,
)


class Side:
    """One side of ISO text, read: its first and last day and what was written with it."""

    __slots__ = ("approximate", "clock", "first", "last", "part", "precision", "weekday")

    def __init__(
        self,
        first: date,
        last: date,
        precision: Precision,
        *,
        weekday: int | None = None,
        part: Part | None = None,
        clock: time | None = None,
        approximate: bool = False,
    ) -> None:
        self.first = first
        self.last = last
        self.precision = precision
        self.weekday = weekday
        self.part = part
        self.clock = clock
        self.approximate = approximate

    @property
    def plain(self) -> bool:
        """True when nothing but the days was written."""
        return (
            self.weekday is None
            and self.part is None
            and self.clock is None
            and not self.approximate
        )


def _bad(text: str, part: str, offset: int, what: str) -> CalendarError:
    return CalendarError(
        f"expected {what}, found {part!r}", text=text, span=(offset, offset + len(part))
    )


_SIDE_FORMS = "'YYYY-MM-DD', 'YYYY-MM', 'YYYY' or 'FYYYYY' (optionally with a part, time or ~)"


def read_side(text: str, part: str, offset: int) -> Side:
    """Read one side of ISO text; raise CalendarError naming ``part`` on anything else."""
    match = _SIDE.fullmatch(part)
    if match is None:
        raise _bad(text, part, offset, _SIDE_FORMS)
    fy, y, m, d, hh, mm, note, approx = match.groups()
    try:
        if fy is not None:
            first, last, precision = (
                date(int(fy), 4, 1),
                date(int(fy) + 1, 3, 31),
                FISCAL_YEAR,
            )
        elif m is None:
            first, last, precision = date(int(y), 1, 1), date(int(y), 12, 31), YEAR
        elif d is None:
            first, last = date(int(y), int(m), 1), month_end(int(y), int(m))
            precision = MONTH
        else:
            first = last = date(int(y), int(m), int(d))
            precision = DAY
        clock = None if hh is None else time(int(hh), int(mm))
    except (ValueError, OverflowError, IndexError) as error:
        raise _bad(text, part, offset, f"a real date ({error})") from None
    side = Side(first, last, precision, clock=clock, approximate=approx is not None)
    if clock is not None and precision is not DAY:
        raise _bad(text, part, offset, "a time only after a day")
    if note is None:
        return side
    if note in _WEEKDAY_OF:
        if precision is not DAY:
            raise _bad(text, part, offset, "a weekday only after a day")
        if first.weekday() != _WEEKDAY_OF[note]:
            real = WEEKDAY_NAMES[first.weekday()]
            raise _bad(text, part, offset, f"the weekday of {first.isoformat()} ({real})")
        side.weekday = _WEEKDAY_OF[note]
        return side
    found: Part | None = None
    if note in _NAMED_PART and precision is MONTH:
        found = _NAMED_PART[note]
    elif note == "end" and clock is None:
        found = {
            MONTH: MONTH_END,
            YEAR: YEAR_END,
            FISCAL_YEAR: FISCAL_YEAR_END,
        }.get(precision)
    if found is None:
        raise _bad(text, part, offset, "a weekday (Mon..Sun) after a day or a part of a month")
    year = first.year
    side.first, side.last = part_span(found, year, first.month)
    side.precision, side.part = DAY, found
    return side


def read(text: str) -> tuple[date, date, Precision, Marks | None]:
    """Read a period's ISO text into its boundaries, precision and marks."""
    if not isinstance(text, str):
        raise CalendarError(f"expected ISO period text, found {type(text).__name__}")
    first, slash, second = text.partition("/")
    if not slash:
        a = read_side(text, first, 0)
        marks = None
        if not a.plain:
            marks = Marks(
                start_weekday=a.weekday,
                end_weekday=a.weekday,
                start_part=a.part,
                end_part=a.part,
                start_time=a.clock,
                end_time=a.clock,
                approximate=a.approximate,
            )
        return a.first, a.last, a.precision, marks
    offset = len(first) + 1
    if first == ".." and second == "..":
        raise _bad(text, text, 0, "at least one known side")
    if first == "..":
        b = read_side(text, second, offset)
        return date.min, b.last, b.precision, _open_marks(None, b)
    b_side = None if second == ".." else read_side(text, second, offset)
    a = read_side(text, first, 0)
    if b_side is None:
        return a.first, date.max, a.precision, _open_marks(a, None)
    b = b_side
    if a.precision is not b.precision:
        raise _bad(text, second, offset, f"the same precision as {first!r}")
    if b.last < a.first:
        raise _bad(text, second, offset, f"an end on or after {first!r}")
    if a.approximate is not b.approximate:
        raise _bad(text, second, offset, f"'~' on both sides or neither, as {first!r}")
    if a.plain and b.plain:
        return a.first, b.last, a.precision, None
    marks = Marks(
        start_weekday=a.weekday,
        end_weekday=b.weekday,
        start_part=a.part,
        end_part=b.part,
        start_time=a.clock,
        end_time=b.clock,
        approximate=a.approximate,
    )
    return a.first, b.last, a.precision, marks


def _open_marks(a: Side | None, b: Side | None) -> Marks:
    known = a if a is not None else b
    assert known is not None
    return Marks(
        start_weekday=None if a is None else a.weekday,
        end_weekday=None if b is None else b.weekday,
        start_part=None if a is None else a.part,
        end_part=None if b is None else b.part,
        start_time=None if a is None else a.clock,
        end_time=None if b is None else b.clock,
        approximate=known.approximate,
        open_start=a is None,
        open_end=b is None,
    )
