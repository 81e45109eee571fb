"""Period and FiscalYear: spans of whole days that remember how they were written.

Period and FiscalYear refer to each other (a period's fiscal years, a fiscal year's
months), so they live together. The ISO text is written and read in ``_iso``.
"""

from __future__ import annotations

from datetime import date, time
from functools import lru_cache
from typing import Any, overload

import attrs

from clairlib.calendar import _iso
from clairlib.calendar._era import fiscal_year_name
from clairlib.calendar._marks import (
    DAY,
    FISCAL_YEAR,
    MONTH,
    YEAR,
    Marks,
    Part,
    Precision,
    month_end,
    part_span,
)
from clairlib.errors import CalendarError

__all__ = [
    "FiscalYear",
    "Marks",
    "Part",
    "Period",
    "Precision",
    "month_end",
    "period_fromiso",
    "trusted_period",
]

# FiscalYear.parse reads with the package's parser, which builds Periods and so sits
# above this module; the package (the top) puts it here on import.
_READERS: dict[str, Any] = {}

_RANK = {DAY: 0, MONTH: 1, YEAR: 2, FISCAL_YEAR: 3}


def _check_alignment(
    start: date, end: date, precision: Precision, marks: Marks | None
) -> str | None:
    """Say why ``start``/``end`` cannot be boundaries at ``precision``, or None if they can."""
    if precision is DAY:
        return None
    open_start = marks is not None and marks.open_start
    open_end = marks is not None and marks.open_end
    if not open_start and start.day != 1:
        return f"a {precision.value} period must start on the 1st, found {start.isoformat()}"
    if not open_end and end != month_end(end.year, end.month):
        return f"a {precision.value} period must end on a month's last day, found {end}"
    if precision is YEAR and (
        (not open_start and start.month != 1) or (not open_end and end.month != 12)
    ):
        return f"a year period must run January..December, found {start}..{end}"
    if precision is FISCAL_YEAR and (
        (not open_start and start.month != 4) or (not open_end and end.month != 3)
    ):
        return f"a fiscal-year period must run April..March, found {start}..{end}"
    return None


@attrs.frozen(order=False)
class Period:
    """A span of whole days, ``start`` to ``end`` inclusive, that remembers its precision.

    ``marks`` keeps what was printed besides the days (see :class:`Marks`): weekdays,
    parts of a month (上旬), times, 頃, and open ends, whose boundary is ``date.min``
    or ``date.max``.
    """

    start: date
    end: date
    precision: Precision = DAY
    marks: Marks | None = None

    def __attrs_post_init__(self) -> None:
        if self.end < self.start:
            raise CalendarError(
                f"expected a period that ends on or after its start {self.start.isoformat()}, "
                f"found an end of {self.end.isoformat()}",
                text=f"{self.start.isoformat()}/{self.end.isoformat()}",
            )
        problem = _check_alignment(self.start, self.end, self.precision, self.marks)
        if problem is None and self.marks is not None:
            problem = self.marks.problem(self.start, self.end, self.precision)
        if problem is not None:
            raise CalendarError(f"expected {problem}")

    # -- alternate constructors -------------------------------------------------------

    @classmethod
    def day(cls, day: date, *, weekday: int | None = None) -> Period:
        """Return the one-day period ``day``, with its printed ``weekday`` (0 is Monday)."""
        if weekday is None:
            return cls(day, day, DAY)
        return cls(day, day, DAY, Marks(start_weekday=weekday, end_weekday=weekday))

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        """Return the whole of ``month`` in ``year``."""
        if not 1 <= month <= 12:
            raise CalendarError(f"expected a month 1..12, found {month}", text=str(month))
        return cls(date(year, month, 1), month_end(year, month), MONTH)

    @classmethod
    def year(cls, year: int) -> Period:
        """Return calendar year ``year`` (1 January – 31 December)."""
        return cls(date(year, 1, 1), date(year, 12, 31), YEAR)

    @classmethod
    def fiscal_year(cls, year: int) -> Period:
        """Return fiscal year ``year`` (1 April ``year`` – 31 March ``year + 1``)."""
        return cls(date(year, 4, 1), date(year + 1, 3, 31), FISCAL_YEAR)

    @classmethod
    def part(cls, part: Part, year: int, month: int = 12) -> Period:
        """Return a part of a month (上旬 …), or a year's or fiscal year's last day.

        ``year`` is the fiscal year for :attr:`Part.FISCAL_YEAR_END`; ``month`` is
        ignored for the year ends.
        """
        if not 1 <= month <= 12:
            raise CalendarError(f"expected a month 1..12, found {month}", text=str(month))
        first, last = part_span(part, year, month)
        return cls(first, last, DAY, Marks(start_part=part, end_part=part))

    @classmethod
    def between(cls, first: Period | date, last: Period | date) -> Period:
        """Return the range from the start of ``first`` to the end of ``last``.

        The precision is the coarser one when both agree, else the finest that both
        boundaries fit: month when no side is a day, otherwise day. What was printed
        with the start of ``first`` and the end of ``last`` is kept.
        """
        a = cls.day(first) if isinstance(first, date) else first
        b = cls.day(last) if isinstance(last, date) else last
        if a.precision is b.precision:
            precision = a.precision
        elif DAY in (a.precision, b.precision):
            precision = DAY
        else:
            precision = MONTH
        return cls(a.start, b.end, precision, join_marks(a.marks, b.marks))

    @classmethod
    def since(cls, first: Period | date) -> Period:
        """Return the open range from the start of ``first`` with no end (``2011/..``)."""
        a = cls.day(first) if isinstance(first, date) else first
        return cls(a.start, date.max, a.precision, open_marks(a.marks, open_end=True))

    @classmethod
    def until(cls, last: Period | date) -> Period:
        """Return the open range up to the end of ``last`` with no start (``../FY2021``)."""
        b = cls.day(last) if isinstance(last, date) else last
        return cls(date.min, b.end, b.precision, open_marks(b.marks, open_end=False))

    # -- what was printed ------------------------------------------------------------

    @property
    def open_start(self) -> bool:
        """True when the period has no written start (``../FY2021``)."""
        return self.marks is not None and self.marks.open_start

    @property
    def open_end(self) -> bool:
        """True when the period has no written end (``2011/..``)."""
        return self.marks is not None and self.marks.open_end

    @property
    def approximate(self) -> bool:
        """True when the period was printed as approximate (頃)."""
        return self.marks is not None and self.marks.approximate

    @property
    def weekdays(self) -> tuple[int | None, int | None]:
        """The printed weekdays of the first and last day (0 is Monday), or None."""
        marks = self.marks
        return (None, None) if marks is None else (marks.start_weekday, marks.end_weekday)

    @property
    def parts(self) -> tuple[Part | None, Part | None]:
        """The printed parts (上旬, 月末…) at the start and the end, or None."""
        marks = self.marks
        return (None, None) if marks is None else (marks.start_part, marks.end_part)

    @property
    def times(self) -> tuple[time | None, time | None]:
        """The printed clock times of the first and last day, or None."""
        marks = self.marks
        return (None, None) if marks is None else (marks.start_time, marks.end_time)

    # -- behaviour ----------------------------------------------------------------------

    def __contains__(self, day: object) -> bool:
        if isinstance(day, date):
            return self.start <= day <= self.end
        return False

    def overlaps(self, other: Period) -> bool:
        """Return True when the two periods share at least one day."""
        return self.start <= other.end and other.start <= self.end

    def _closed(self, what: str) -> None:
        if self.marks is not None and (self.marks.open_start or self.marks.open_end):
            raise CalendarError(
                f"expected a period with both ends to count its {what}, "
                f"found the open {self.isoformat()!r}",
                text=self.isoformat(),
            )

    def fiscal_years(self) -> tuple[FiscalYear, ...]:
        """Return every fiscal year this period touches, in order (not for open periods)."""
        self._closed("fiscal years")
        first = FiscalYear.of(self.start).year
        last = FiscalYear.of(self.end).year
        return tuple(FiscalYear(y) for y in range(first, last + 1))

    def days(self) -> int:
        """Return the number of days in the period (not for open periods)."""
        self._closed("days")
        return (self.end - self.start).days + 1

    def _key(self) -> tuple[date, date, int]:
        return (self.start, self.end, _RANK[self.precision])

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Period):
            return NotImplemented
        return self._key() < other._key()

    def __le__(self, other: object) -> bool:
        if not isinstance(other, Period):
            return NotImplemented
        return self._key() <= other._key()

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, Period):
            return NotImplemented
        return self._key() > other._key()

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, Period):
            return NotImplemented
        return self._key() >= other._key()

    # -- text ---------------------------------------------------------------------------

    def isoformat(self) -> str:
        """Return the ISO text: '2013-08-01', '2013-08', '2013', 'FY2013', ranges 'a/b'.

        Open sides are '..' ('2011/..'), 頃 is '~' after each side, and the marks
        clairlib keeps are written as ``_iso`` describes ('2013-09-03(Tue)',
        '2013-09(early)', 'FY2013(end)', '2013-09-03T10:00').
        """
        start, end, precision = self.start, self.end, self.precision
        if self.marks is not None:
            return _iso.write(start, end, precision, self.marks)
        if precision is DAY:
            if start == end:
                return start.isoformat()
            return f"{start.isoformat()}/{end.isoformat()}"
        if precision is MONTH:
            first = f"{start.year:04d}-{start.month:02d}"
            if start.year == end.year and start.month == end.month:
                return first
            return f"{first}/{end.year:04d}-{end.month:02d}"
        if precision is YEAR:
            if start.year == end.year:
                return f"{start.year:04d}"
            return f"{start.year:04d}/{end.year:04d}"
        if start.year + 1 == end.year:
            return f"FY{start.year:04d}"
        return f"FY{start.year:04d}/FY{end.year - 1:04d}"

    @staticmethod
    def fromisoformat(text: str) -> Period:
        """Read the text :meth:`isoformat` writes; raise CalendarError on anything else."""
        return period_fromiso(text)

    def __str__(self) -> str:
        return self.isoformat()


def join_marks(first: Marks | None, last: Marks | None) -> Marks | None:
    """The marks of a range: the start side of ``first``'s, the end side of ``last``'s."""
    if first is None and last is None:
        return None
    a = first or Marks()
    b = last or Marks()
    if a.open_end or b.open_start:
        raise CalendarError("expected a range between two closed periods, found an open one")
    marks = Marks(
        start_weekday=a.start_weekday,
        end_weekday=b.end_weekday,
        start_part=a.start_part,
        end_part=b.end_part,
        start_time=a.start_time,
        end_time=b.end_time,
        approximate=a.approximate or b.approximate,
        open_start=a.open_start,
        open_end=b.open_end,
    )
    return None if marks == _NO_MARKS else marks


_NO_MARKS = Marks()


def open_marks(marks: Marks | None, *, open_end: bool) -> Marks:
    """The marks of ``marks``' period made open at its end (or, if not ``open_end``, start)."""
    m = marks or _NO_MARKS
    if open_end:
        return attrs.evolve(
            m, end_weekday=None, end_part=None, end_time=None, open_end=True, open_start=False
        )
    return attrs.evolve(
        m, start_weekday=None, start_part=None, start_time=None, open_start=True, open_end=False
    )


def trusted_period(
    start: date, end: date, precision: Precision, marks: Marks | None = None
) -> Period:
    """Build a Period whose boundaries the caller has already checked (skips validation)."""
    # The parser checks every boundary itself; re-running the attrs validators would
    # double the cost of a parse. Slot descriptors write past the frozen __setattr__.
    period: Period = new_object(Period)
    set_start(period, start)
    set_end(period, end)
    set_precision(period, precision)
    set_marks(period, marks)
    return period


new_object = object.__new__
set_start = Period.start.__set__  # type: ignore[attr-defined]
set_end = Period.end.__set__  # type: ignore[attr-defined]
set_precision = Period.precision.__set__  # type: ignore[attr-defined]
set_marks = Period.marks.__set__  # type: ignore[union-attr]


@lru_cache(maxsize=16384)
def period_fromiso(text: str) -> Period:
    # Loading a large event file parses the same few thousand strings over and over,
    # so the cache, not the parser, carries the load.
    start, end, precision, marks = _iso.read(text)
    try:
        return Period(start, end, precision, marks)
    except CalendarError as error:
        raise CalendarError(error.reason, text=text, span=(0, len(text))) from None


_INTERNED: dict[int, FiscalYear] = {}


def _check_year(_: object, __: object, value: int) -> None:
    # The last fiscal year must still end inside datetime's range (year 9999).
    if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 9998:
        raise CalendarError(f"expected a fiscal year 1..9998, found {value!r}", text=str(value))


@attrs.frozen(order=True)
class FiscalYear:
    """A fiscal year (年度), named by the year it starts in: FY2013 is 2013-04-01..2014-03-31."""

    year: int = attrs.field(validator=_check_year)

    @property
    def start(self) -> date:
        """Return 1 April of the fiscal year."""
        return date(self.year, 4, 1)

    @property
    def end(self) -> date:
        """Return 31 March of the following calendar year (inclusive)."""
        return date(self.year + 1, 3, 31)

    @classmethod
    def of(cls, day: date) -> FiscalYear:
        """Return the fiscal year ``day`` falls in."""
        year = day.year if day.month >= 4 else day.year - 1
        # Fiscal years are immutable, so aggregation loops can share one per year.
        found = _INTERNED.get(year)
        if found is None or cls is not FiscalYear:
            found = cls(year)
            if cls is FiscalYear:
                _INTERNED[year] = found
        return found

    @classmethod
    def parse(
        cls, text: str, *, context: FiscalYear | int | None = None, lenient: bool = False
    ) -> FiscalYear:
        """Read a fiscal year: '平成25年度', '令和元年度', '25年度' (given a context), 'FY2013'."""
        result = _READERS["period"](text, context, lenient)
        if (
            isinstance(result, Period)
            and result.precision is FISCAL_YEAR
            and result.start.year + 1 == result.end.year
        ):
            return cls(result.start.year)
        raise CalendarError(
            f"expected a single fiscal year such as '平成25年度', found {result.isoformat()!r}",
            text=text,
            span=(0, len(text)),
        )

    def __add__(self, years: int) -> FiscalYear:
        if not isinstance(years, int):
            return NotImplemented
        return FiscalYear(self.year + years)

    def __radd__(self, years: int) -> FiscalYear:
        return self.__add__(years)

    @overload
    def __sub__(self, other: int) -> FiscalYear: ...
    @overload
    def __sub__(self, other: FiscalYear) -> int: ...
    def __sub__(self, other: int | FiscalYear) -> FiscalYear | int:
        if isinstance(other, FiscalYear):
            return self.year - other.year
        if isinstance(other, int):
            return FiscalYear(self.year - other)
        return NotImplemented

    def __contains__(self, day: object) -> bool:
        if not isinstance(day, date):
            return False
        return (day.year == self.year and day.month >= 4) or (
            day.year == self.year + 1 and day.month <= 3
        )

    def months(self) -> tuple[Period, ...]:
        """Return the twelve month periods April..March."""
        y = self.year
        return tuple(Period.month(y, m) for m in range(4, 13)) + tuple(
            Period.month(y + 1, m) for m in range(1, 4)
        )

    def to_period(self) -> Period:
        """Return the fiscal year as a Period of fiscal-year precision."""
        return Period.fiscal_year(self.year)

    def to_wareki(self, *, gannen: bool = True) -> str:
        """Return the era name: '平成25年度'; FY2019 is '令和元年度' (the era on 31 December)."""
        return fiscal_year_name(self.year, gannen=gannen)

    def isoformat(self) -> str:
        """Return 'FY2013'."""
        return f"FY{self.year:04d}"

    def __str__(self) -> str:
        return f"FY{self.year:04d}"
