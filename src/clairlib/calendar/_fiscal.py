"""FiscalYear: the Japanese public-sector year, 1 April to 31 March."""

from __future__ import annotations

from datetime import date
from typing import overload

import attrs

from clairlib.calendar._period import Period, Precision
from clairlib.errors import CalendarError

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
        from clairlib.calendar._parse import parse_period

        result = parse_period(text, context=context, lenient=lenient)
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
        from clairlib.calendar._format import format_fiscal_year

        return format_fiscal_year(self.year, gannen=gannen)

    def isoformat(self) -> str:
        """Return 'FY2013'."""
        return f"FY{self.year:04d}"

    def __str__(self) -> str:
        return f"FY{self.year:04d}"
