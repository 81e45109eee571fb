"""PeriodSet: several periods printed together, optionally repeating.

Repetitions are expanded with python-dateutil: ``rrule`` finds the day each one
starts, ``relativedelta`` moves the period's end by the same whole months.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from functools import lru_cache
from typing import Literal, overload

import attrs
from dateutil.relativedelta import relativedelta
from dateutil.rrule import DAILY, MONTHLY, WEEKLY, YEARLY, rrule

from clairlib.calendar._marks import month_end
from clairlib.calendar._period import FiscalYear, Period, period_fromiso
from clairlib.errors import CalendarError

_DURATION = re.compile(r"P([1-9][0-9]*)([DWMY])")


def _check_recurrence(_: object, __: object, value: str | None) -> None:
    if value is not None and _DURATION.fullmatch(value) is None:
        raise CalendarError(
            f"expected a recurrence like 'P1M' (ISO 8601 duration in D, W, M or Y), "
            f"found {value!r}",
            text=value,
        )


_FREQUENCY: dict[str, Literal[0, 1, 2, 3, 4, 5, 6]] = {
    "D": DAILY,
    "W": WEEKLY,
    "M": MONTHLY,
    "Y": YEARLY,
}


def _repetitions(period: Period, step: int, unit: str, until: date) -> Iterator[Period]:
    """Yield ``period`` moved on by every ``step`` units of D, W, M or Y, up to ``until``."""
    start = datetime(period.start.year, period.start.month, period.start.day)
    if unit in "DW":
        rule = rrule(_FREQUENCY[unit], interval=step, dtstart=start)
        length = period.end - period.start
        for when in rule.xafter(start, inc=False):
            first = when.date()
            if first > until:
                return
            yield Period(first, first + length, period.precision, period.marks)
        return
    # A month's day that later months lack (the 31st) falls on their last day: the
    # smaller of "that day" and "the last day" in each month (bysetpos=1).
    rule = rrule(
        _FREQUENCY[unit],
        interval=step,
        dtstart=start,
        bymonth=period.start.month if unit == "Y" else None,
        bymonthday=(period.start.day, -1),
        bysetpos=1,
    )
    end_is_month_end = period.end == month_end(period.end.year, period.end.month)
    for when in rule.xafter(start, inc=False):
        first = when.date()
        if first > until:
            return
        months = (first.year - period.start.year) * 12 + first.month - period.start.month
        end = period.end + relativedelta(months=months)
        if end_is_month_end:
            end = month_end(end.year, end.month)
        yield Period(first, end, period.precision, period.marks)


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
        out.extend(_repetitions(self.periods[-1], int(match.group(1)), match.group(2), until))
        return tuple(out)

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
        return set_fromiso(text)

    def __str__(self) -> str:
        return self.isoformat()


@lru_cache(maxsize=4096)
def set_fromiso(text: str) -> PeriodSet:
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
            periods.append(period_fromiso(part))
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


def trusted_set(periods: tuple[Period, ...], recurrence: str | None = None) -> PeriodSet:
    """Build a PeriodSet the parser has checked: at least one period, a known recurrence."""
    # As trusted_period: the parser's lists skip the converter and the validator.
    found: PeriodSet = object.__new__(PeriodSet)
    _set_periods(found, periods)
    _set_recurrence(found, recurrence)
    return found


_set_periods = PeriodSet.periods.__set__  # type: ignore[attr-defined]
_set_recurrence = PeriodSet.recurrence.__set__  # type: ignore[union-attr]
