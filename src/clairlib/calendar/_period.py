"""Precision, Period, FiscalYear and PeriodSet, with their ISO 8601-like text forms.

Period and FiscalYear refer to each other (a period's fiscal years, a fiscal year's
months), so they live together.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import date, timedelta
from enum import StrEnum
from functools import lru_cache
from typing import Any, overload

import attrs

from clairlib.calendar._era import fiscal_year_name
from clairlib.errors import CalendarError

# FiscalYear.parse reads with the package's parser, which builds Periods and so sits
# above this module; the package (the top) puts it here on import.
_READERS: dict[str, Any] = {}

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


_RANK = {Precision.DAY: 0, Precision.MONTH: 1, Precision.YEAR: 2, Precision.FISCAL_YEAR: 3}


def _check_alignment(start: date, end: date, precision: Precision) -> str | None:
    """Say why ``start``/``end`` cannot be boundaries at ``precision``, or None if they can."""
    if precision is Precision.DAY:
        return None
    if start.day != 1:
        return f"a {precision.value} period must start on the 1st, found {start.isoformat()}"
    if end != month_end(end.year, end.month):
        return f"a {precision.value} period must end on a month's last day, found {end}"
    if precision is Precision.YEAR and (start.month != 1 or end.month != 12):
        return f"a year period must run January..December, found {start}..{end}"
    if precision is Precision.FISCAL_YEAR and (start.month != 4 or end.month != 3):
        return f"a fiscal-year period must run April..March, found {start}..{end}"
    return None


@attrs.frozen(order=False)
class Period:
    """A span of whole days, ``start`` to ``end`` inclusive, that remembers its precision."""

    start: date
    end: date
    precision: Precision = Precision.DAY

    def __attrs_post_init__(self) -> None:
        if self.end < self.start:
            raise CalendarError(
                f"expected a period that ends on or after its start {self.start.isoformat()}, "
                f"found an end of {self.end.isoformat()}",
                text=f"{self.start.isoformat()}/{self.end.isoformat()}",
            )
        problem = _check_alignment(self.start, self.end, self.precision)
        if problem is not None:
            raise CalendarError(f"expected {problem}")

    # -- alternate constructors -------------------------------------------------------

    @classmethod
    def day(cls, day: date) -> Period:
        """Return the one-day period ``day``."""
        return cls(day, day, Precision.DAY)

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        """Return the whole of ``month`` in ``year``."""
        if not 1 <= month <= 12:
            raise CalendarError(f"expected a month 1..12, found {month}", text=str(month))
        return cls(date(year, month, 1), month_end(year, month), Precision.MONTH)

    @classmethod
    def year(cls, year: int) -> Period:
        """Return calendar year ``year`` (1 January – 31 December)."""
        return cls(date(year, 1, 1), date(year, 12, 31), Precision.YEAR)

    @classmethod
    def fiscal_year(cls, year: int) -> Period:
        """Return fiscal year ``year`` (1 April ``year`` – 31 March ``year + 1``)."""
        return cls(date(year, 4, 1), date(year + 1, 3, 31), Precision.FISCAL_YEAR)

    @classmethod
    def between(cls, first: Period | date, last: Period | date) -> Period:
        """Return the range from the start of ``first`` to the end of ``last``.

        The precision is the coarser one when both agree, else the finest that both
        boundaries fit: month when no side is a day, otherwise day.
        """
        a = cls.day(first) if isinstance(first, date) else first
        b = cls.day(last) if isinstance(last, date) else last
        if a.precision is b.precision:
            precision = a.precision
        elif Precision.DAY in (a.precision, b.precision):
            precision = Precision.DAY
        else:
            precision = Precision.MONTH
        return cls(a.start, b.end, precision)

    # -- behaviour ----------------------------------------------------------------------

    def __contains__(self, day: object) -> bool:
        if isinstance(day, date):
            return self.start <= day <= self.end
        return False

    def overlaps(self, other: Period) -> bool:
        """Return True when the two periods share at least one day."""
        return self.start <= other.end and other.start <= self.end

    def fiscal_years(self) -> tuple[FiscalYear, ...]:
        """Return every fiscal year this period touches, in order."""
        first = FiscalYear.of(self.start).year
        last = FiscalYear.of(self.end).year
        return tuple(FiscalYear(y) for y in range(first, last + 1))

    def days(self) -> int:
        """Return the number of days in the period."""
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
        """Return the ISO text: '2013-08-01', '2013-08', '2013', 'FY2013', ranges 'a/b'."""
        start, end, precision = self.start, self.end, self.precision
        if precision is Precision.DAY:
            if start == end:
                return start.isoformat()
            return f"{start.isoformat()}/{end.isoformat()}"
        if precision is Precision.MONTH:
            first = f"{start.year:04d}-{start.month:02d}"
            if start.year == end.year and start.month == end.month:
                return first
            return f"{first}/{end.year:04d}-{end.month:02d}"
        if precision is Precision.YEAR:
            if start.year == end.year:
                return f"{start.year:04d}"
            return f"{start.year:04d}/{end.year:04d}"
        if start.year + 1 == end.year:
            return f"FY{start.year:04d}"
        return f"FY{start.year:04d}/FY{end.year - 1:04d}"

    @staticmethod
    def fromisoformat(text: str) -> Period:
        """Read the text :meth:`isoformat` writes; raise CalendarError on anything else."""
        return _period_fromiso(text)

    def __str__(self) -> str:
        return self.isoformat()


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
            and result.precision is Precision.FISCAL_YEAR
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


def trusted_period(start: date, end: date, precision: Precision) -> Period:
    """Build a Period whose boundaries the caller has already checked (skips validation)."""
    # The parser checks every boundary itself; re-running the attrs validators would
    # double the cost of a parse. Slot descriptors write past the frozen __setattr__.
    period: Period = new_object(Period)
    set_start(period, start)
    set_end(period, end)
    set_precision(period, precision)
    return period


new_object = object.__new__
set_start = Period.start.__set__  # type: ignore[attr-defined]
set_end = Period.end.__set__  # type: ignore[attr-defined]
set_precision = Period.precision.__set__  # type: ignore[attr-defined]


def _iso_bad(text: str, part: str, offset: int, what: str) -> CalendarError:
    return CalendarError(
        f"expected {what}, found {part!r}", text=text, span=(offset, offset + len(part))
    )


def _all_digits(text: str) -> bool:
    return text.isascii() and text.isdigit()


def _iso_side(text: str, part: str, offset: int) -> Period:
    """Read one side of an ISO period: 'FY2013', '2013', '2013-08' or '2013-08-01'."""
    n = len(part)
    try:
        if n == 6 and part[:2] == "FY" and _all_digits(part[2:]):
            return Period.fiscal_year(int(part[2:]))
        if n == 4 and _all_digits(part):
            return Period.year(int(part))
        if n == 7 and part[4] == "-" and _all_digits(part[:4]) and _all_digits(part[5:]):
            return Period.month(int(part[:4]), int(part[5:]))
        if (
            n == 10
            and part[4] == "-"
            and part[7] == "-"
            and _all_digits(part[:4])
            and _all_digits(part[5:7])
            and _all_digits(part[8:])
        ):
            return Period.day(date(int(part[:4]), int(part[5:7]), int(part[8:])))
    except (ValueError, OverflowError) as error:
        why = error.reason if isinstance(error, CalendarError) else str(error)
        raise _iso_bad(text, part, offset, f"a real date ({why})") from None
    raise _iso_bad(text, part, offset, "'YYYY-MM-DD', 'YYYY-MM', 'YYYY' or 'FYYYYY'")


@lru_cache(maxsize=16384)
def _period_fromiso(text: str) -> Period:
    # Loading a large event file parses the same few thousand strings over and over,
    # so the cache, not the parser, carries the load.
    if not isinstance(text, str):
        raise CalendarError(f"expected ISO period text, found {type(text).__name__}")
    first, slash, second = text.partition("/")
    a = _iso_side(text, first, 0)
    if not slash:
        return a
    b = _iso_side(text, second, len(first) + 1)
    if a.precision is not b.precision:
        raise _iso_bad(text, second, len(first) + 1, f"the same precision as {first!r}")
    if b.end < a.start:
        raise _iso_bad(text, second, len(first) + 1, f"an end on or after {first!r}")
    return Period(a.start, b.end, a.precision)


_DURATION = re.compile(r"P([1-9][0-9]*)([DWMY])")


def _check_recurrence(_: object, __: object, value: str | None) -> None:
    if value is not None and _DURATION.fullmatch(value) is None:
        raise CalendarError(
            f"expected a recurrence like 'P1M' (ISO 8601 duration in D, W, M or Y), "
            f"found {value!r}",
            text=value,
        )


def _shift(period: Period, count: int, unit: str) -> Period:
    """Move ``period`` forward by ``count`` units of D, W, M or Y."""
    if unit in "DW":
        step = timedelta(days=count * (7 if unit == "W" else 1))
        return Period(period.start + step, period.end + step, period.precision)
    months = count * (12 if unit == "Y" else 1)

    def move(day: date, *, last: bool) -> date:
        index = day.year * 12 + day.month - 1 + months
        year, month = divmod(index, 12)
        end = month_end(year, month + 1)
        if last and day == month_end(day.year, day.month):
            return end
        return date(year, month + 1, min(day.day, end.day))

    return Period(move(period.start, last=False), move(period.end, last=True), period.precision)


def _to_periods(items: Iterable[Period]) -> tuple[Period, ...]:
    return tuple(items)


@attrs.frozen
class PeriodSet:
    """Several periods written together (①… ②…), optionally repeating (``各月``).

    ``recurrence`` is an ISO 8601 duration such as ``'P1M'``: the last listed period
    repeats at that interval with no written end.
    """

    periods: tuple[Period, ...] = attrs.field(converter=_to_periods)
    recurrence: str | None = attrs.field(default=None, validator=_check_recurrence)

    def __attrs_post_init__(self) -> None:
        if not self.periods:
            raise CalendarError("expected at least one period in a PeriodSet")

    def __iter__(self) -> Iterator[Period]:
        return iter(self.periods)

    def __len__(self) -> int:
        return len(self.periods)

    @overload
    def __getitem__(self, index: int) -> Period: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[Period, ...]: ...
    def __getitem__(self, index: int | slice) -> Period | tuple[Period, ...]:
        return self.periods[index]

    @property
    def start(self) -> date:
        """Return the first day of the earliest period."""
        return min(period.start for period in self.periods)

    @property
    def end(self) -> date:
        """Return the last day of the latest listed period (a recurrence has no end)."""
        return max(period.end for period in self.periods)

    def expand(self, until: date) -> tuple[Period, ...]:
        """Return the listed periods plus every repetition that starts on or before ``until``."""
        out = list(self.periods)
        if self.recurrence is None:
            return tuple(out)
        match = _DURATION.fullmatch(self.recurrence)
        assert match is not None
        step, unit = int(match.group(1)), match.group(2)
        last = self.periods[-1]
        count = step
        while True:
            nxt = _shift(last, count, unit)
            if nxt.start > until:
                return tuple(out)
            out.append(nxt)
            count += step

    def __contains__(self, day: object) -> bool:
        if not isinstance(day, date):
            return False
        return any(day in period for period in self.expand(day))

    def fiscal_years(self) -> tuple[FiscalYear, ...]:
        """Return every fiscal year the listed periods touch, in order."""
        seen = {fy for period in self.periods for fy in period.fiscal_years()}
        return tuple(sorted(seen))

    def isoformat(self) -> str:
        """Return periods joined by ','; a recurrence is written 'R/<periods>/<duration>'."""
        body = ",".join(period.isoformat() for period in self.periods)
        if self.recurrence is None:
            return body
        return f"R/{body}/{self.recurrence}"

    @staticmethod
    def fromisoformat(text: str) -> PeriodSet:
        """Read the text :meth:`isoformat` writes (a single period gives a set of one)."""
        return _set_fromiso(text)

    def __str__(self) -> str:
        return self.isoformat()


@lru_cache(maxsize=4096)
def _set_fromiso(text: str) -> PeriodSet:
    if not isinstance(text, str):
        raise CalendarError(f"expected ISO period-set text, found {type(text).__name__}")
    body, offset = text, 0
    recurrence: str | None = None
    if text.startswith("R/"):
        body, slash, duration = text[2:].rpartition("/")
        offset = 2
        if not slash or _DURATION.fullmatch(duration) is None:
            raise CalendarError(
                "expected 'R/<periods>/<duration>' such as 'R/2013-04/P1M'",
                text=text,
                span=(len(text) - len(duration), len(text)),
            )
        recurrence = duration
    periods: list[Period] = []
    for part in body.split(","):
        try:
            periods.append(_period_fromiso(part))
        except CalendarError as error:
            span = error.span or (0, len(part))
            raise CalendarError(
                error.reason, text=text, span=(offset + span[0], offset + span[1])
            ) from None
        offset += len(part) + 1
    return PeriodSet(periods, recurrence)


def periods_of(items: Iterable[Period | PeriodSet]) -> Iterator[Period]:
    """Yield every listed Period in ``items``, flattening PeriodSets."""
    for item in items:
        if isinstance(item, Period):
            yield item
        else:
            yield from item.periods
