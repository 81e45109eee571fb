"""The quick lane's points: how one is held, resolved against the one before and the context.

A point of ``_quick``'s list (``_Point``) is resolved as the reader's ``_resolve``
resolves its own: a year word or a bare month takes its year from the point before
or from the context (the nearest year around a reference date that fits), and its
span is the Period's first and last day, precision and marks (``_span``).
"""

from __future__ import annotations

from datetime import date, time
from typing import Any

from clairlib.calendar._era import Era
from clairlib.calendar._fastpath import _UNITS, units
from clairlib.calendar._marks import (
    _DAYS_IN_MONTH,
    DAY,
    EARLY,
    FISCAL_YEAR_END,
    LATE,
    MIDDLE,
    MONTH,
    MONTH_END,
    YEAR,
    YEAR_END,
    Marks,
    Part,
    Precision,
    month_end,
    part_span,
)
from clairlib.calendar._period import FiscalYear, Period
from clairlib.calendar._points import _clock
from clairlib.calendar._resolve import _MARKS, Context, months_around, nearest_era

_UNIT = {"年": "y", "年度": "fy", "年代": "decade"}
_PART_OF = {"上旬": EARLY, "初旬": EARLY, "中旬": MIDDLE, "下旬": LATE}
_ENDS = frozenset({"末", "末日"})
_APPROXIMATE = frozenset(("頃", "ごろ"))
_OPEN_END = Marks(open_end=True)
_OPEN_START = Marks(open_start=True)
_UNTIL = frozenset(("まで", "迄", "以前"))
_RECURRENCE = {"各月": "P1M", "毎月": "P1M", "毎週": "P1W", "毎年": "P1Y"}
#: Every number of one or two digits (ASCII, full-width or mixed) and 元.
_SMALL: dict[str, int] = {"元": 1}
for _a in "0123456789０１２３４５６７８９":
    _SMALL[_a] = int(_a)
    for _b in "0123456789０１２３４５６７８９":
        _SMALL[_a + _b] = int(_a + _b)

# A point, as a list settled in place: its era, year number, year kind ('y', 'fy',
# 'decade' or ''), month, day, bare number, weekday, the first unit printed ('y', 'm',
# 'd' or ''), which is what a bare number before it stands for, its part as printed
# ('上旬', '末' or '') and whether it is approximate (頃); then its relative year word's
# kind and offset (昨年度: ('fy', -1)), the era and year in brackets beside its year,
# its times, and whether 去る came before it.
_Point = list[Any]
P_ERA, P_YEAR, P_KIND, P_MONTH, P_DAY, P_BARE, P_WEEKDAY, P_UNIT, P_PART, P_ABOUT = range(10)
P_REL, P_BESIDE, P_TIMES, P_PAST = range(10, 14)


# What a resolved point passes on to the next: its era, year (Gregorian, or the fiscal
# year when fiscal), month and whether it is a fiscal year; then its Period's first and
# last day, precision and marks (a Period is built only for what the text reads as),
# and the Period itself where it is a whole month, year or fiscal year with no marks.
_Resolved = tuple[
    Era | None, int, int | None, bool, date, date, Precision, Marks | None, Period | None
]
_Span = tuple[date, date, Precision, Marks | None, Period | None]


def _resolve(point: _Point, prev: _Resolved | None, context: Context) -> _Resolved | None:
    """The point's Period and what it passes on, as Resolver.resolve, or None."""
    era, number, kind, month, day, _, _, _, _, _, rel, beside, _, past = point
    fiscal = kind == "fy"
    if past:
        # '去る5月20日': the nearest such day on or before the reference date.
        if era is not None or number is not None or rel is not None or prev is not None:
            return None
        if not isinstance(context, date):
            return None
        return _nearest(point, context, past=True)
    if rel is not None:
        # As Resolver.relative_year: 昨年度 counts from the context's fiscal year, 昨年 from
        # a reference date's or a calendar year's.
        unit, offset = rel
        if unit == "fy":
            base = _context_year(context)
            if base is None:
                return None
            year = base + offset
        elif isinstance(context, date):
            year = context.year + offset
        elif isinstance(context, int) and not isinstance(context, bool):
            year = context + offset
        else:
            return None
    elif number is not None:
        if era is None and number < 1000:
            if prev is not None and prev[0] is None and not prev[3] and number < 100:
                # '1960～80年代': the right side's century is the left side's.
                before = prev[1]
                number = before - before % 100 + number
                if number < before:
                    number += 100
            elif prev is not None and prev[0] is not None:
                era = prev[0]
            else:
                reference = _context_year(context)
                if reference is None:
                    return None
                era = nearest_era(number, reference)
                if era is None:
                    return None
        if era is not None:
            if number < 1:
                return None
            year = era.first_year + number - 1
        else:
            year = number
        if beside is not None:
            # As Resolver.check_beside: '令和5年(2023年)' names the same year twice.
            other_era, other = beside
            if era is None and other_era is None:
                return None
            if (other if other_era is None else other_era.first_year + other - 1) != year:
                return None
    elif prev is not None:
        era, year, earlier, fiscal, _, _, _, _, _ = prev
        if month is None:
            if day is not None:
                month = earlier
        elif not fiscal and earlier is not None and month < earlier:
            year += 1  # '平成25年12月～1月' runs into the next year
    elif context.__class__ is FiscalYear:
        year, fiscal = context.year, True
    elif isinstance(context, date):
        return _nearest(point, context)
    else:
        reference = _context_year(context)
        if reference is None:
            return None
        year, fiscal = reference, isinstance(context, FiscalYear)
    if day is not None and month is not None and not point[P_PART] and point[P_TIMES] is None:
        # A day, what most items are: _span's steps for it, without the others'.
        if kind == "decade" or not 1 <= month <= 12:
            return None
        calendar_year = year + 1 if fiscal and month < 4 else year
        if not 1 <= calendar_year <= 9998:
            return None
        try:
            start = date(calendar_year, month, day)
        except ValueError:
            return None
        if era is not None and (start < era.start or (era.end is not None and start > era.end)):
            return None
        weekday = point[P_WEEKDAY]
        if weekday is not None:
            if start.weekday() != weekday:
                return None
            marks: Marks | None = _MARKS[weekday, None, point[P_ABOUT]]
        else:
            marks = _MARKS[None, None, True] if point[P_ABOUT] else None
        return era, year, month, fiscal, start, start, DAY, marks, None
    if (
        day is None
        and not point[P_PART]
        and point[P_WEEKDAY] is None
        and point[P_TIMES] is None
        and not point[P_ABOUT]
    ):
        # A whole month, year, fiscal year or decade, what most other items are: its
        # Period (a month's or year's one Period), as _span finds it, without its steps.
        own: Period | None
        if kind == "decade":
            # As the reader: a decade names no era of its own, nor a month.
            if month is not None or year % 10 or point[P_ERA] is not None or not 1 <= year <= 9998:
                return None
            start, end, precision, own = date(year, 1, 1), date(year + 9, 12, 31), YEAR, None
        else:
            if month is None:
                if not 1 <= year <= 9998:
                    return None
                own = (_UNITS.get(year) or units(year))[13 if fiscal else 0]
            else:
                calendar_year = year + 1 if fiscal and month < 4 else year
                if not 1 <= month <= 12 or not 1 <= calendar_year <= 9998:
                    return None
                own = (_UNITS.get(calendar_year) or units(calendar_year))[month]
            start, end, precision = own.start, own.end, own.precision
        if era is not None and (end < era.start or (era.end is not None and start > era.end)):
            return None  # past the era's bounds: the reader refuses it, or notes it
        return era, year, month, fiscal, start, end, precision, None, own
    span = _span(point, era, year, month, fiscal)
    if span is None:
        return None
    start, end, precision, marks, whole = span
    return era, year, month, fiscal, start, end, precision, marks, whole


def _span(
    point: _Point, era: Era | None, year: int, month: int | None, fiscal: bool
) -> _Span | None:
    """The point's Period's days, precision, marks and whole Period, as Resolver.period.

    None where the reader refuses the point or notes something about it.
    """
    kind, day, weekday = point[P_KIND], point[P_DAY], point[P_WEEKDAY]
    printed_part, approximate = point[P_PART], point[P_ABOUT]
    part: Part | None = None
    whole: Period | None = None
    if month is None:
        if day is not None or not 1 <= year <= 9998:
            return None
        calendar_year = year
    else:
        if not 1 <= month <= 12:
            return None
        calendar_year = year + 1 if fiscal and month < 4 else year
        if not 1 <= calendar_year <= 9998:
            return None
    if kind == "decade":
        # As the reader: a decade's part, if printed, does not change it.
        if year % 10 or month is not None or point[P_ERA] is not None:
            return None
        start, end, precision = date(year, 1, 1), date(year + 9, 12, 31), YEAR
    elif printed_part:
        # As Resolver.part: 上旬, 中旬, 下旬 of a month; 末 of the point's own unit.
        if day is not None:
            return None
        if printed_part not in _ENDS:
            part = _PART_OF[printed_part]
        elif point[P_MONTH] is not None:
            part = MONTH_END
        elif kind is None:
            return None  # a bare 末 ends the point before's month: the reader says which
        else:
            part = FISCAL_YEAR_END if kind == "fy" else YEAR_END
        if part is FISCAL_YEAR_END:
            start = end = date(calendar_year + 1, 3, 31)
        elif part is YEAR_END:
            if fiscal:
                return None
            start = end = date(calendar_year, 12, 31)
        elif month is None:
            return None
        else:
            start, end = part_span(part, calendar_year, month)
        precision = DAY
    elif month is None:
        whole = (_UNITS.get(year) or units(year))[13 if fiscal else 0]
        start, end, precision = whole.start, whole.end, whole.precision
    elif day is not None:
        try:
            start = end = date(calendar_year, month, day)
        except ValueError:
            return None
        precision = DAY
    else:
        whole = (_UNITS.get(calendar_year) or units(calendar_year))[month]
        start, end, precision = whole.start, whole.end, MONTH
    if era is not None:
        # 昭和63年度末 (1989-03-31) is in 平成, but its era names the fiscal year.
        first, last = (
            (date(year, 4, 1), date(year + 1, 3, 31))
            if part is FISCAL_YEAR_END and fiscal
            else (start, end)
        )
        if last < era.start or (era.end is not None and first > era.end):
            return None  # past the era's bounds: the reader refuses it, or notes it
    marks = None
    times = point[P_TIMES]
    if weekday is not None:
        if precision is not DAY or part is not None or start.weekday() != weekday:
            return None
        if times is None:
            marks = _MARKS[weekday, None, approximate]
    elif part is not None or approximate:
        marks = _MARKS[None, part, approximate]
    if times is not None:
        # As Resolver.marked: times only on a single day, each a clock time, in order.
        if precision is not DAY or part is not None or start != end:
            return None
        earlier, later = times
        if later is None:
            later = earlier
        hours, minutes = earlier
        end_hours, end_minutes = later
        if not (0 <= hours <= 23 and 0 <= minutes <= 59) or not (
            0 <= end_hours <= 23 and 0 <= end_minutes <= 59
        ):
            return None
        if later < earlier:
            return None
        key = (weekday, hours, minutes, end_hours, end_minutes, approximate)
        marks = _TIMED.get(key)
        if marks is None:
            if len(_TIMED) >= 4096:
                _TIMED.clear()
            marks = _TIMED[key] = Marks(
                start_weekday=weekday,
                end_weekday=weekday,
                start_time=time(hours, minutes),
                end_time=time(end_hours, end_minutes),
                approximate=approximate,
            )
    return start, end, precision, marks, whole


#: The marks of a day with its times, as _MARKS holds those without: Marks are values,
#: built the first time a weekday, times and 頃 come together.
_TIMED: dict[tuple[int | None, int, int, int, int, bool], Marks] = {}


def _clock_of(text: str) -> tuple[int, int]:
    """A clock time as printed ('10:00', '9：30'), in hours and minutes."""
    hours, colon, minutes = text[:-3], text[-3], text[-2:]
    if colon in ":：" and hours in _SMALL and minutes in _SMALL:
        return _SMALL[hours], _SMALL[minutes]
    return _clock(text)  # spaces round the colon


def _nearest(point: _Point, reference: date, past: bool = False) -> _Resolved | None:
    """A month or day with no year: the nearest around ``reference``, as Resolver.nearest.

    None where the reader finds none (and says why), or where its search would leave
    the years a date can have.
    """
    month, day, weekday = point[P_MONTH], point[P_DAY], point[P_WEEKDAY]
    if (month is None and day is None) or not 30 <= reference.year <= 9960:
        return None
    if month is not None and not 1 <= month <= 12:
        return None
    if day is not None and not point[P_PART]:
        return _nearest_day(point, reference, past, month, day, weekday)
    best: tuple[int, _Resolved] | None = None
    # Widen the window only when nothing close fits (a weekday, 2月29日).
    for width in (1, 28):
        for year, candidate in months_around(reference, month, width):
            if day is not None:
                if not 1 <= day <= month_end(year, candidate).day:
                    continue
                if weekday is not None and date(year, candidate, day).weekday() != weekday:
                    continue
            span = _span(point, None, year, candidate, False)
            if span is None:
                continue
            start, end, precision, marks, whole = span
            if past and start > reference:
                continue
            if start <= reference <= end:
                distance = 0
            else:
                distance = min(abs((start - reference).days), abs((end - reference).days))
            if best is None or distance < best[0]:
                resolved = (None, year, candidate, False, start, end, precision, marks, whole)
                best = (distance, resolved)
        if best is not None:
            return best[1]
    return None


def _nearest_day(
    point: _Point, reference: date, past: bool, month: int | None, day: int, weekday: int | None
) -> _Resolved | None:
    """_nearest for a single day: the days compared, and only the nearest one's Period built.

    What could keep a day's Period from being built (a time out of range) keeps every
    candidate's from it, so the reader, which builds each, finds none either.
    """
    ordinal = reference.toordinal()
    for width in (1, 28):
        found: tuple[int, int, int] | None = None  # distance, year, month
        for year, candidate in months_around(reference, month, width):
            if not 1 <= day <= _DAYS_IN_MONTH[candidate] and not (
                candidate == 2 and day == 29 and not year % 4 and (year % 100 or not year % 400)
            ):
                continue
            when = date(year, candidate, day)
            if (weekday is not None and when.weekday() != weekday) or (past and when > reference):
                continue
            distance = abs(when.toordinal() - ordinal)
            if found is None or distance < found[0]:
                found = (distance, year, candidate)
        if found is not None:
            _, year, candidate = found
            span = _span(point, None, year, candidate, False)
            if span is None:
                return None
            start, end, precision, marks, whole = span
            return None, year, candidate, False, start, end, precision, marks, whole
    return None


def _context_year(context: Context) -> int | None:
    """The context as a year number, as Resolver.context_year reads it."""
    if context is None:
        return None
    if isinstance(context, date):
        return FiscalYear.of(context).year
    return context.year if isinstance(context, FiscalYear) else int(context)
