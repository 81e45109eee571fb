"""Turning a printed point into a Period: what it leaves out, from where.

The era, year and month a point leaves out come from the point before it in the same
expression, then from ``context``: a FiscalYear (a month is in that fiscal year: 4..12
in its first calendar year, 1..3 in the next), an int calendar year, or a reference
date (relative words count from it; a month or day without a year takes the nearest
year around it that fits, and matches a printed weekday).
"""

from __future__ import annotations

from datetime import date, time, timedelta

from dateutil.relativedelta import relativedelta

from clairlib.calendar import _grammar as g
from clairlib.calendar._era import (
    GREGORIAN_START,
    REGISTRY,
    Era,
    EraOverflowError,
    EraRangeError,
    UnreadableDateError,
)
from clairlib.calendar._marks import (
    DAY,
    FISCAL_YEAR,
    FISCAL_YEAR_END,
    MONTH,
    MONTH_END,
    WEEKDAY_KANJI,
    YEAR,
    YEAR_END,
    Marks,
    Part,
    Precision,
    month_end,
    part_span,
)
from clairlib.calendar._period import FiscalYear, Period, trusted_period
from clairlib.calendar._period import new_object as _new
from clairlib.calendar._period import set_end as _set_end
from clairlib.calendar._period import set_marks as _set_marks
from clairlib.calendar._period import set_precision as _set_precision
from clairlib.calendar._period import set_start as _set_start
from clairlib.calendar._points import Point, part_of
from clairlib.errors import CalendarError

Context = FiscalYear | int | date | None

_NO_MARKS = Marks()
# The marks a point's weekday, part and 頃 make, built once: a value looked up, not a
# Marks built per point (times are rarer and built as read).
_MARKS = {
    (weekday, part, approximate): Marks(
        start_weekday=weekday,
        end_weekday=weekday,
        start_part=part,
        end_part=part,
        approximate=approximate,
    )
    for weekday in (None, 0, 1, 2, 3, 4, 5, 6)
    for part in (None, *Part)
    for approximate in (False, True)
}
_NEEDS = "context= a FiscalYear, a calendar year or a reference date"


def months_around(reference: date, month: int | None, width: int) -> list[tuple[int, int]]:
    """The (year, month) pairs a point printed without a year may fall in, around ``reference``.

    ``width`` months either side when the month is not printed (None), else the printed
    month in ``width`` years either side; in order, earliest first.
    """
    year = reference.year
    if width == 1:
        # The window every such point is read in first, written out: a range and a
        # comprehension cost more than the three pairs.
        if month is not None:
            return [(year - 1, month), (year, month), (year + 1, month)]
        at = reference.month
        before = (year - 1, 12) if at == 1 else (year, at - 1)
        return [before, (year, at), (year + 1, 1) if at == 12 else (year, at + 1)]
    if month is None:
        index = year * 12 + reference.month - 1
        return [(i // 12, i % 12 + 1) for i in range(index - width, index + width + 1)]
    return [(year, month) for year in range(year - width, year + width + 1)]


def nearest_era(number: int, reference: int) -> Era | None:
    """The era whose year ``number`` is closest to the year ``reference`` (the later on a tie).

    None when no era has that year.
    """
    # Every '22年度' read with a context asks this, of a few pairs: each is worked out
    # once per era table (the table's listeners empty it when an era is added).
    key = (number, reference)
    found = _NEAREST.get(key, _UNKNOWN)
    if found is _UNKNOWN:
        if len(_NEAREST) >= 4096:
            _NEAREST.clear()
        found = _NEAREST[key] = _nearest_era(number, reference)
    return found  # type: ignore[return-value]


_UNKNOWN = object()
_NEAREST: dict[tuple[int, int], Era | object | None] = {}
REGISTRY.listeners.append(_NEAREST.clear)


def _nearest_era(number: int, reference: int) -> Era | None:
    best: Era | None = None
    best_distance = 0
    for era in REGISTRY.eras:
        year = era.first_year + number - 1
        if year < era.start.year:
            continue
        distance = abs(year - reference)
        if best is None or distance <= best_distance:
            best, best_distance = era, distance
    return best


def duration_end(
    start: date, precision: Precision, count: int, unit: str
) -> tuple[date, Precision] | None:
    """The last day and precision of ``count`` units (日間, 週間, カ月, 年間) from ``start``.

    ``precision`` is the first period's. None where the count is under one or the end
    falls past 9998.
    """
    if count < 1:
        return None
    if unit.startswith(("日", "週")):
        days = count * (7 if unit.startswith("週") else 1)
        if days > (date(9998, 12, 31) - start).days:
            return None
        return start + timedelta(days=days - 1), DAY
    months = count * 12 if unit.startswith("年") else count
    if not unit.startswith("年"):
        precision = DAY if precision is DAY else MONTH
    index = start.year * 12 + start.month - 2 + months
    if index // 12 > 9998:
        return None
    if start.day == 1:
        # From a month's first day: the last day of the month that many on.
        end = month_end(index // 12, index % 12 + 1)
    else:
        # As the Civil Code counts: the day before the same day that many months on, or
        # that month's last day when it has none (11月30日 + 3カ月 → 2月28日).
        shifted = start + relativedelta(months=months)
        end = shifted - timedelta(days=1) if shifted.day == start.day else shifted
    if end.year > 9998:
        return None
    return end, precision


# The parts of a month a point may print without its month (上旬, 中旬, 下旬, 末: '12月1日
# ～末' ends with December, as '9月上旬～下旬' with September).
_MONTH_PARTS = frozenset({"early", "middle", "late", "end"})


def _bare_end(point: Point) -> bool:
    """年末 or 年度末 with no year of its own: the end of the year the point before is in."""
    return point.part == "end" and point.year is None and point.year_kind in ("y", "fy")


class Resolved:
    """A point turned into a Period, with the parts a following point may inherit."""

    __slots__ = ("era", "explicit", "fiscal", "month", "period", "year")

    def __init__(
        self,
        period: Period,
        era: Era | None,
        year: int,
        month: int | None,
        fiscal: bool,
        explicit: bool,
    ) -> None:
        self.period = period
        self.era = era
        self.year = year  # the Gregorian year, or the fiscal year when ``fiscal``
        self.month = month
        self.fiscal = fiscal
        self.explicit = explicit  # the point printed its own year


class Resolver:
    """The context and the error wording shared by every step of reading one text."""

    __slots__ = ("context", "lenient", "notes", "text")

    def __init__(self, text: str, context: Context, lenient: bool) -> None:
        self.text = text
        self.context = context
        self.lenient = lenient
        self.notes: list[str] = []

    def fail(
        self, message: str, span: tuple[int, int], kind: type[CalendarError] = UnreadableDateError
    ) -> CalendarError:
        start = min(max(span[0], 0), len(self.text))
        end = min(max(span[1], start), len(self.text))
        return kind(message, text=self.text, span=(start, end))

    def quote(self, span: tuple[int, int]) -> str:
        return self.text[span[0] : span[1]]

    # -- context --------------------------------------------------------------------------

    def context_year(self) -> int | None:
        """The context as a year number: a fiscal year, a calendar year or a date's FY."""
        context = self.context
        if context is None:
            return None
        if isinstance(context, date):
            return FiscalYear.of(context).year
        return context.year if isinstance(context, FiscalYear) else int(context)

    def reference_day(self, point: Point, group: str | None = None) -> date:
        """The reference date, or an error that names the part of ``point`` needing it."""
        context = self.context
        if isinstance(context, date):
            return context
        span = point.span(group)
        word = point.rel if group == "rel" else self.quote(span)
        raise self.fail(
            f"expected a reference date (context=datetime.date(...)) to read {word!r}", span
        )

    def relative_year(self, point: Point) -> tuple[int, bool]:
        """The year a relative word (昨年, 前年度…) names, and whether it is a fiscal year."""
        assert point.rel is not None
        kind, offset = g.RELATIVE[point.rel]
        context = self.context
        if kind == "fy":
            base = self.context_year()
            if base is None:
                raise self.fail(
                    f"expected a context fiscal year or a reference date to read {point.rel!r}",
                    point.span("rel"),
                )
            return base + offset, True
        if isinstance(context, date):
            return context.year + offset, False
        if isinstance(context, int) and not isinstance(context, bool):
            return context + offset, False
        raise self.fail(
            f"expected a reference date or a calendar year as context to read {point.rel!r}",
            point.span("rel"),
        )

    def implied_era(self, number: int, span: tuple[int, int]) -> Era:
        """Pick the era that puts era year ``number`` closest to the context year."""
        reference = self.context_year()
        if reference is None:
            raise self.fail(f"expected an era before the year {number} (or {_NEEDS})", span)
        best = nearest_era(number, reference)
        if best is None:
            raise self.fail(f"expected an era year that exists, found {number}", span)
        return best

    # -- resolving ----------------------------------------------------------------------

    def resolve(self, point: Point, prev: Resolved | None) -> Resolved:
        era = point.era
        month = point.month
        fiscal = point.year_kind == "fy"
        explicit = False
        rel = point.rel
        if rel is not None and g.RELATIVE[rel][0] == "d":
            return self.relative_day(point, prev)
        if point.pre == "去る" or (
            point.year is None
            and prev is None
            and rel is None
            and not point.year_kind
            and isinstance(self.context, date)
        ):
            return self.nearest(point, past=point.pre == "去る")
        if rel is not None:
            year, fiscal = self.relative_year(point)
            explicit = True
        elif point.year is not None:
            number = point.year
            explicit = True
            if era is None and (point.same or number < 1000):
                if prev is not None and prev.era is None and not prev.fiscal and number < 100:
                    # '1960～80年代': the right side's century is the left side's.
                    year = prev.year - prev.year % 100 + number
                    if year < prev.year:
                        year += 100
                    number = year
                elif prev is not None and prev.era is not None:
                    era = prev.era
                else:
                    era = self.implied_era(number, point.span("y"))
            if era is not None:
                if number < 1:
                    raise self.fail(
                        f"expected an era year of 1 (元) or more, found {number}",
                        point.span("y"),
                    )
                year = era.first_year + number - 1  # Era.gregorian_year, inlined
            else:
                year = number
            if point.alt_year is not None:
                self.check_beside(point, era, year)
        elif point.year_kind and (point.same or _bare_end(point)):
            # 同年, 同年度; 年末 and 年度末 alone end the year of the point before.
            if prev is not None:
                era, year = prev.era, prev.year
                if fiscal and not prev.fiscal and prev.month is not None and prev.month < 4:
                    year -= 1  # '平成26年2月1日～同年度末': February is in FY2013
                fiscal = fiscal or prev.fiscal
            elif (reference := self.context_year()) is not None:
                year = reference
                fiscal = isinstance(self.context, (FiscalYear, date)) or fiscal
                if isinstance(self.context, date) and point.year_kind == "y":
                    year, fiscal = self.context.year, False
                elif not point.same and point.year_kind == "y":
                    fiscal = False  # 年末 alone in a fiscal year: the December it holds
            elif point.same:
                raise self.fail("expected an earlier year for 同年 to repeat", point.span())
            else:
                raise self.fail(
                    f"expected a date before {self.quote(point.span())!r} to give its year, "
                    f"or {_NEEDS}",
                    point.span(),
                )
        elif prev is not None:
            era, year, fiscal = prev.era, prev.year, prev.fiscal
            if month is None and (
                point.month_mark
                or point.day is not None
                # '9月上旬～下旬': a bare part of a month is the month before's; 年末
                # and 年度末 print their unit.
                or (point.part in _MONTH_PARTS and not point.year_kind and prev.month is not None)
            ):
                month = prev.month
            elif month is not None and not fiscal and prev.month is not None and month < prev.month:
                # '平成25年12月～1月': the right side runs into the next year.
                year += 1
        elif point.same and month is None:
            # 同月 with nothing before it: a fiscal or calendar year does not say which month.
            raise self.fail(
                "expected an earlier month for 同月 to repeat, or a reference date "
                "(context=datetime.date(...))",
                point.span(),
            )
        elif (reference := self.context_year()) is not None:
            year, fiscal = reference, isinstance(self.context, FiscalYear)
        else:
            raise self.fail(
                f"expected a year: an era such as 平成25年, a western year, or {_NEEDS}",
                point.span(),
            )
        period = self.period(point, era, year, month, fiscal)
        return Resolved(period, era, year, month, fiscal, explicit)

    def check_beside(self, point: Point, era: Era | None, year: int) -> None:
        """'令和5年(2023年)': the year in brackets must be the same year."""
        assert point.alt_year is not None
        other_era = point.alt_era
        if era is None and other_era is None:
            raise self.fail("expected an era year beside the western year", point.span("alt_y"))
        other = other_era.gregorian_year(point.alt_year) if other_era else point.alt_year
        if other != year:
            raise self.fail(
                f"expected the year in brackets to be {year} as the year before it, found {other}",
                point.span("alt_y"),
            )

    def period(
        self, point: Point, era: Era | None, year: int, month: int | None, fiscal: bool
    ) -> Period:
        """Build the point's Period from its resolved year and month."""
        day = point.day
        if month is None:
            if day is not None:
                raise self.fail("expected a month before the day", point.span("d"))
        elif not 1 <= month <= 12:
            raise self.fail(f"expected a month 1..12, found {month}", point.span("mo"))
        calendar_year = year + 1 if fiscal and month is not None and month < 4 else year
        if not 1 <= calendar_year <= 9998:
            raise self.fail(f"expected a year 1..9998, found {calendar_year}", point.span("y"))
        marks = None
        part = None
        if point.year_kind == "decade":
            start, end = self.decade(point, year, month)
            precision = YEAR
        elif point.part is not None:
            # A bare 末 ('12月1日～末') is the end of the month it took from the point before.
            part = MONTH_END if month is not None and point.part == "end" else part_of(point)
            assert part is not None
            start, end = self.part(point, part, calendar_year, month, fiscal)
            precision, marks = DAY, _MARKS[None, part, False]
        elif day is not None:
            assert month is not None
            try:
                start = end = date(calendar_year, month, day)
            except ValueError:
                last = month_end(calendar_year, month).day
                raise self.fail(
                    f"expected a day 1..{last} in {calendar_year}-{month:02d}, found {day}",
                    point.span("d"),
                ) from None
            precision = DAY
        elif month is not None:
            start, end, precision = (
                date(calendar_year, month, 1),
                month_end(calendar_year, month),
                MONTH,
            )
        elif fiscal:
            start, end, precision = date(year, 4, 1), date(year + 1, 3, 31), FISCAL_YEAR
        else:
            start, end, precision = date(year, 1, 1), date(year, 12, 31), YEAR
        if era is not None:
            # 昭和63年度末 (1989-03-31) is in 平成, but its era names the fiscal year.
            checked = (
                trusted_period(date(year, 4, 1), date(year + 1, 3, 31), FISCAL_YEAR)
                if part is FISCAL_YEAR_END and fiscal
                else None
            )
            first, last_day = (start, end) if checked is None else (checked.start, checked.end)
            if last_day < era.start or (era.end is not None and first > era.end):
                if checked is None:
                    checked = trusted_period(start, end, precision, marks)
                self.check_era(era, checked, point.span())
        if point.weekday is not None or point.t1 is not None or point.tail in ("頃", "ごろ"):
            marks = self.marked(point, start, end, precision, marks)
        # trusted_period, inlined: every point of every parse ends here.
        period: Period = _new(Period)
        _set_start(period, start)
        _set_end(period, end)
        _set_precision(period, precision)
        _set_marks(period, marks)
        return period

    def decade(self, point: Point, year: int, month: int | None) -> tuple[date, date]:
        """The first and last day of the decade a point names ('1980年代')."""
        if year % 10 or month is not None or point.era is not None:
            raise self.fail(
                f"expected a decade such as 1980年代, found {self.quote(point.span())!r}",
                point.span(),
            )
        return date(year, 1, 1), date(year + 9, 12, 31)

    def part(
        self, point: Point, part: Part, year: int, month: int | None, fiscal: bool
    ) -> tuple[date, date]:
        """The first and last day of the part of a month or year a point names (上旬, 末…)."""
        if point.day is not None:
            raise self.fail(
                "expected 上旬, 中旬, 下旬 or 末 after a month, not a day", point.span("part")
            )
        if part is FISCAL_YEAR_END:
            first, last = part_span(part, year, 3)
        elif part is YEAR_END:
            if fiscal:
                raise self.fail("expected 年末 after a calendar year", point.span("part"))
            first, last = part_span(part, year, 12)
        else:
            if month is None:
                raise self.fail(
                    f"expected a month before {self.quote(point.span('part'))!r}", point.span()
                )
            first, last = part_span(part, year, month)
        return first, last

    def marked(
        self, point: Point, start: date, end: date, precision: Precision, marks: Marks | None
    ) -> Marks:
        """The marks of a point's period with its printed weekday, times and 頃, checked."""
        weekday = point.weekday
        single_day = precision is DAY and start == end
        if weekday is not None:
            if not single_day or marks is not None:
                raise self.fail("expected a weekday only after a day", point.span("wd"))
            actual = start.weekday()
            if actual != weekday:
                raise self.fail(
                    f"expected {WEEKDAY_KANJI[actual]}, the weekday of "
                    f"{start.isoformat()}, found {WEEKDAY_KANJI[weekday]}",
                    point.span("wd"),
                )
        approximate = point.tail in ("頃", "ごろ")
        if point.t1 is None:
            # Marks made of a weekday, a part and 頃 are values built once.
            part = None if marks is None else marks.start_part
            if marks is None or part is marks.end_part:
                return _MARKS[weekday, part, approximate]
            start_time = end_time = None
        else:
            if not single_day or marks is not None:
                raise self.fail("expected a time only after a day", point.span("t1"))
            start_time = self.clock(point.t1, point, "t1")
            end_time = start_time
            if point.t2 is not None:
                end_time = self.clock(point.t2, point, "t2")
                if end_time < start_time:
                    raise self.fail(
                        f"expected an end time on or after {start_time:%H:%M}",
                        point.span("t2"),
                    )
        marks = marks or _NO_MARKS
        return Marks(
            start_weekday=weekday,
            end_weekday=weekday,
            start_part=marks.start_part,
            end_part=marks.end_part,
            start_time=start_time,
            end_time=end_time,
            approximate=approximate,
        )

    def clock(self, value: tuple[int, int], point: Point, group: str) -> time:
        hours, minutes = value
        if not (0 <= hours <= 23 and 0 <= minutes <= 59):
            raise self.fail(
                f"expected a time 0:00..23:59, found {hours}:{minutes:02d}", point.span(group)
            )
        return time(hours, minutes)

    def relative_day(self, point: Point, prev: Resolved | None) -> Resolved:
        """前日, 同日, 翌日: the day before, the same day, the day after the one just read."""
        assert point.rel is not None
        offset = g.RELATIVE[point.rel][1]
        if prev is not None:
            base = prev.period
            if base.precision is not DAY or base.start != base.end:
                raise self.fail(f"expected a single day before {point.rel!r}", point.span())
            day = base.start
        else:
            day = self.reference_day(point, "rel")
        when = day + timedelta(days=offset)
        marks = None
        if point.weekday is not None or point.t1 is not None or point.tail in ("頃", "ごろ"):
            marks = self.marked(point, when, when, DAY, None)
        period = trusted_period(when, when, DAY, marks)
        return Resolved(period, None, when.year, when.month, False, True)

    def nearest(self, point: Point, *, past: bool) -> Resolved:
        """A month or day with no year: the nearest one around the reference date that fits.

        With ``past`` (去る5月20日) only days on or before the reference date count.
        """
        reference = self.reference_day(point)
        month, day = point.month, point.day
        if month is None and not (point.month_mark and point.same) and day is None:
            raise self.fail(
                f"expected a year: an era such as 平成25年, a western year, or {_NEEDS}",
                point.span(),
            )
        if point.same and month is None:
            month = reference.month
        if month is not None and not 1 <= month <= 12:
            raise self.fail(f"expected a month 1..12, found {month}", point.span("mo"))
        best: tuple[int, Resolved] | None = None
        # Widen the window only when nothing close fits (a weekday, 2月29日).
        for width in (1, 28):
            for year, candidate_month in months_around(reference, month, width):
                if day is not None and not 1 <= day <= month_end(year, candidate_month).day:
                    continue
                if (
                    point.weekday is not None
                    and day is not None
                    and date(year, candidate_month, day).weekday() != point.weekday
                ):
                    continue
                try:
                    period = self.period(point, None, year, candidate_month, False)
                except CalendarError:
                    continue
                if past and period.start > reference:
                    continue
                distance = (
                    0
                    if reference in period
                    else min(
                        abs((period.start - reference).days), abs((period.end - reference).days)
                    )
                )
                if best is None or distance < best[0]:
                    best = (distance, Resolved(period, None, year, candidate_month, False, False))
            if best is not None:
                return best[1]
        # Nothing fits in any year: say why, as if read in the reference year.
        self.period(point, None, reference.year, month or reference.month, False)
        raise self.fail("expected a date that exists near the reference date", point.span())

    def check_era(self, era: Era, period: Period, span: tuple[int, int]) -> None:
        if period.end < era.start:
            if era.start == GREGORIAN_START:
                raise self.fail(
                    f"expected a date on or after 明治6年1月1日 (1873-01-01, the Gregorian "
                    f"calendar in Japan), found {self.quote(span)!r} ({period.isoformat()})",
                    span,
                    EraRangeError,
                )
            raise self.fail(
                f"expected a date on or after {era.name}'s first day "
                f"{era.start.isoformat()}, found {self.quote(span)!r} ({period.isoformat()})",
                span,
                EraRangeError,
            )
        if era.end is not None and period.start > era.end:
            message = (
                f"expected a date on or before {era.name}'s last day {era.end.isoformat()}, "
                f"found {self.quote(span)!r} ({period.isoformat()})"
            )
            if not self.lenient:
                raise self.fail(message, span, EraOverflowError)
            self.notes.append(f"{message}; read as {period.isoformat()} because lenient=True")
