"""Tests for Precision, Period and PeriodSet and their ISO text."""

from __future__ import annotations

from datetime import date

import attrs
import pytest
from hypothesis import given

from clairlib.calendar import CalendarError, FiscalYear, Period, PeriodSet, Precision
from tests.calendar.conftest import span_table
from tests.strategies import period_sets, periods


def test_precision_values() -> None:
    """The four precisions have stable string values."""
    assert ["day", "month", "year", "fiscal_year"] == [p.value for p in Precision]


def test_alternate_constructors() -> None:
    """day, month, year, fiscal_year and between build the boundaries by hand."""
    assert Period(date(2013, 8, 1), date(2013, 8, 1), Precision.DAY) == Period.day(date(2013, 8, 1))
    assert Period(date(2016, 2, 1), date(2016, 2, 29), Precision.MONTH) == Period.month(2016, 2)
    assert Period(date(2100, 2, 1), date(2100, 2, 28), Precision.MONTH) == Period.month(2100, 2)
    assert Period(date(2013, 1, 1), date(2013, 12, 31), Precision.YEAR) == Period.year(2013)
    assert Period(date(2013, 4, 1), date(2014, 3, 31), Precision.FISCAL_YEAR) == (
        Period.fiscal_year(2013)
    )
    assert Period(date(2013, 12, 1), date(2014, 1, 31), Precision.MONTH) == Period.between(
        Period.month(2013, 12), Period.month(2014, 1)
    )
    assert Period(date(2013, 8, 1), date(2013, 9, 30), Precision.DAY) == Period.between(
        date(2013, 8, 1), date(2013, 9, 30)
    )


def test_between_keeps_exact_boundaries_when_precisions_differ() -> None:
    """A month to a day is a day range; a fiscal year to a month is a month range."""
    assert Period(date(2013, 8, 1), date(2013, 9, 15), Precision.DAY) == Period.between(
        Period.month(2013, 8), date(2013, 9, 15)
    )
    assert Period(date(2013, 4, 1), date(2014, 6, 30), Precision.MONTH) == Period.between(
        Period.fiscal_year(2013), Period.month(2014, 6)
    )


def test_period_is_frozen() -> None:
    """A Period cannot be changed after it is made."""
    period = Period.month(2013, 8)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        period.start = date(2013, 8, 2)  # type: ignore[misc]


@pytest.mark.parametrize(
    ("start", "end", "precision", "message"),
    [
        (date(2013, 9, 1), date(2013, 8, 31), Precision.DAY, "ends on or after"),
        (date(2013, 8, 2), date(2013, 8, 31), Precision.MONTH, "start on the 1st"),
        (date(2013, 8, 1), date(2013, 8, 30), Precision.MONTH, "last day"),
        (date(2013, 2, 1), date(2013, 12, 31), Precision.YEAR, "January..December"),
        (date(2013, 1, 1), date(2014, 3, 31), Precision.FISCAL_YEAR, "April..March"),
    ],
)
def test_constructor_refuses_boundaries_that_do_not_fit(
    start: date, end: date, precision: Precision, message: str
) -> None:
    """A month starts on the 1st and ends on its last day; nothing is invented."""
    with pytest.raises(CalendarError, match=message):
        Period(start, end, precision)


def test_month_must_exist() -> None:
    """Period.month refuses month 13 and says which number was wrong."""
    with pytest.raises(CalendarError, match="found 13"):
        Period.month(2013, 13)


def test_contains_overlaps_and_days() -> None:
    """Membership is inclusive at both ends; overlap needs one shared day."""
    august = Period.month(2013, 8)
    assert date(2013, 8, 1) in august
    assert date(2013, 8, 31) in august
    assert date(2013, 9, 1) not in august
    assert "2013-08-15" not in august
    assert august.overlaps(Period.between(date(2013, 8, 31), date(2013, 9, 5)))
    assert not august.overlaps(Period.month(2013, 9))
    assert 31 == august.days()


def test_ordering_is_by_start_then_end() -> None:
    """Periods sort by start, then end, then coarseness."""
    a = Period.month(2013, 8)
    b = Period.day(date(2013, 8, 1))
    c = Period.month(2013, 7)
    d = Period.between(Period.month(2013, 1), Period.month(2013, 12))
    e = Period.year(2013)
    assert [d, e, c, b, a] == sorted([a, b, c, d, e])
    assert b < a
    assert a > b
    assert a >= a
    assert d <= e


def test_fiscal_years_touched() -> None:
    """A period reports every fiscal year it touches."""
    assert (FiscalYear(2012), FiscalYear(2013)) == Period.between(
        Period.month(2013, 3), Period.month(2013, 4)
    ).fiscal_years()
    assert (FiscalYear(2013),) == Period.month(2014, 3).fiscal_years()


@span_table(
    ("2013-08-01", "2013-08-01", "2013-08-01", Precision.DAY),
    ("2013-08", "2013-08-01", "2013-08-31", Precision.MONTH),
    ("2013", "2013-01-01", "2013-12-31", Precision.YEAR),
    ("FY2013", "2013-04-01", "2014-03-31", Precision.FISCAL_YEAR),
    ("2013-12/2014-01", "2013-12-01", "2014-01-31", Precision.MONTH),
    ("2013-08-01/2013-09-30", "2013-08-01", "2013-09-30", Precision.DAY),
    ("FY2022/FY2026", "2022-04-01", "2027-03-31", Precision.FISCAL_YEAR),
    ("2011/2013", "2011-01-01", "2013-12-31", Precision.YEAR),
)
def test_isoformat_both_ways(text: str, start: date, end: date, kind: Precision) -> None:
    """Each precision has one ISO spelling, and ranges join two with '/'."""
    period = Period(start, end, kind)
    assert text == period.isoformat()
    assert text == str(period)
    assert period == Period.fromisoformat(text)


def test_fromisoformat_accepts_a_redundant_range() -> None:
    """'2013-08/2013-08' is the month itself."""
    assert Period.month(2013, 8) == Period.fromisoformat("2013-08/2013-08")


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("2013-8", "'2013-8'"),
        ("2013-13", "'2013-13'"),
        ("2013-02-29", "'2013-02-29'"),
        ("FY13", "'FY13'"),
        ("２０１３", "'２０１３'"),
        ("2013-08/2013-09-01", "'2013-09-01'"),
        ("2013-09/2013-08", "'2013-08'"),
        ("2013-08/", "''"),
        ("", "''"),
        ("2013-08-01T24:00", "'2013-08-01T24:00'"),
        ("2013-08T10:00", "'2013-08T10:00'"),
        ("+013", "'+013'"),
    ],
)
def test_fromisoformat_refuses_other_text(text: str, part: str) -> None:
    """Bad ISO text raises CalendarError quoting the part that is wrong."""
    with pytest.raises(CalendarError) as caught:
        Period.fromisoformat(text)
    assert part in str(caught.value)


@given(periods())
def test_period_isoformat_round_trips(period: Period) -> None:
    """fromisoformat(isoformat(p)) gives p back, precision included."""
    assert period == Period.fromisoformat(period.isoformat())


def test_period_set_behaves_like_a_tuple() -> None:
    """A PeriodSet iterates, counts and indexes its periods in written order."""
    july, autumn = (
        Period.month(2013, 7),
        Period.between(Period.month(2013, 9), Period.month(2013, 10)),
    )
    items = PeriodSet([july, autumn, Period.month(2014, 2)])
    assert 3 == len(items)
    assert july == items[0]
    assert (july, autumn) == items[:2]
    assert [july, autumn, Period.month(2014, 2)] == list(items)
    assert date(2013, 7, 1) == items.start
    assert date(2014, 2, 28) == items.end
    assert date(2013, 9, 15) in items
    assert date(2013, 8, 15) not in items
    assert (FiscalYear(2013),) == items.fiscal_years()
    assert "2013-07,2013-09/2013-10,2014-02" == items.isoformat()


def test_period_set_must_not_be_empty() -> None:
    """An empty PeriodSet is refused."""
    with pytest.raises(CalendarError, match="at least one period"):
        PeriodSet([])


def test_monthly_recurrence() -> None:
    """'R/2013-04/P1M' is April 2013 repeating every month with no written end."""
    monthly = PeriodSet([Period.month(2013, 4)], "P1M")
    assert "R/2013-04/P1M" == monthly.isoformat()
    assert monthly == PeriodSet.fromisoformat("R/2013-04/P1M")
    assert date(2013, 4, 30) == monthly.end
    assert date(2014, 1, 20) in monthly
    assert date(2013, 3, 31) not in monthly
    assert (
        Period.month(2013, 4),
        Period.month(2013, 5),
        Period.month(2013, 6),
    ) == monthly.expand(date(2013, 6, 1))


def test_recurrence_of_days_and_weeks() -> None:
    """Day and week recurrences move the period by whole days."""
    weekly = PeriodSet([Period.day(date(2013, 8, 1))], "P1W")
    assert (Period.day(date(2013, 8, 1)), Period.day(date(2013, 8, 8))) == weekly.expand(
        date(2013, 8, 14)
    )
    month_ends = PeriodSet([Period.between(date(2013, 1, 31), date(2013, 1, 31))], "P1M")
    assert Period.day(date(2013, 2, 28)) == month_ends.expand(date(2013, 3, 1))[1]


@pytest.mark.parametrize("recurrence", ["1M", "P0M", "PM", "P1H", "monthly"])
def test_recurrence_must_be_an_iso_duration(recurrence: str) -> None:
    """Only D, W, M and Y durations are accepted."""
    with pytest.raises(CalendarError, match="recurrence"):
        PeriodSet([Period.month(2013, 4)], recurrence)


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("2013-07,2013-13", "'2013-13'"),
        ("R/2013-04/1M", "'1M'"),
        ("R/2013-04", "'2013-04'"),
        ("2013-07,,2013-08", "''"),
    ],
)
def test_period_set_fromisoformat_points_at_the_bad_part(text: str, part: str) -> None:
    """A bad item in a set is quoted with its position in the whole text."""
    with pytest.raises(CalendarError) as caught:
        PeriodSet.fromisoformat(text)
    assert part in str(caught.value)
    assert repr(text) in str(caught.value)


@given(period_sets())
def test_period_set_isoformat_round_trips(periods: PeriodSet) -> None:
    """fromisoformat(isoformat(s)) gives s back, recurrence included."""
    assert periods == PeriodSet.fromisoformat(periods.isoformat())


def test_a_single_period_reads_as_a_set_of_one() -> None:
    """PeriodSet.fromisoformat accepts a lone period."""
    assert PeriodSet([Period.month(2013, 8)]) == PeriodSet.fromisoformat("2013-08")
