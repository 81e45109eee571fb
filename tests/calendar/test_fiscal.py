"""Tests for FiscalYear: April to March, arithmetic, wareki names and parsing."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given

from clairlib.calendar import (
    CalendarError,
    EraRangeError,
    FiscalYear,
    Period,
    Precision,
    UnreadableDateError,
)
from tests.strategies import fiscal_years, wareki_days, wareki_fiscal_years


def test_fiscal_year_runs_april_to_march() -> None:
    """FY2013 is 2013-04-01 to 2014-03-31 inclusive and prints as FY2013."""
    fy = FiscalYear(2013)
    assert 2013 == fy.year
    assert date(2013, 4, 1) == fy.start
    assert date(2014, 3, 31) == fy.end
    assert "FY2013" == str(fy)
    assert "FY2013" == fy.isoformat()


def test_membership_at_both_ends() -> None:
    """The first and last day are in the fiscal year, the days around them are not."""
    fy = FiscalYear(2013)
    assert date(2013, 4, 1) in fy
    assert date(2014, 3, 31) in fy
    assert date(2013, 3, 31) not in fy
    assert date(2014, 4, 1) not in fy
    assert "2013-04-01" not in fy


def test_arithmetic_and_ordering() -> None:
    """Adding years gives a fiscal year; subtracting two gives the years between them."""
    fy = FiscalYear(2013)
    assert FiscalYear(2014) == fy + 1
    assert FiscalYear(2014) == 1 + fy
    assert FiscalYear(2012) == fy - 1
    assert 4 == FiscalYear(2017) - fy
    assert FiscalYear(2012) < fy < FiscalYear(2014)
    assert [FiscalYear(2011), FiscalYear(2013)] == sorted([FiscalYear(2013), FiscalYear(2011)])
    assert 1 == len({FiscalYear(2013), FiscalYear(2013)})


def test_months_run_april_to_march() -> None:
    """months() gives twelve month periods from April to the next March."""
    months = FiscalYear(2013).months()
    assert 12 == len(months)
    assert Period(date(2013, 4, 1), date(2013, 4, 30), Precision.MONTH) == months[0]
    assert Period(date(2014, 2, 1), date(2014, 2, 28), Precision.MONTH) == months[10]
    assert Period(date(2014, 3, 1), date(2014, 3, 31), Precision.MONTH) == months[11]
    assert date(2016, 2, 29) == FiscalYear(2015).months()[10].end


@pytest.mark.parametrize(
    ("day", "year"),
    [
        (date(2013, 4, 1), 2013),
        (date(2013, 3, 31), 2012),
        (date(2014, 3, 31), 2013),
        (date(2019, 5, 1), 2019),
        (date(2020, 1, 1), 2019),
    ],
)
def test_of_picks_the_fiscal_year_of_a_day(day: date, year: int) -> None:
    """FiscalYear.of uses the April boundary."""
    assert FiscalYear(year) == FiscalYear.of(day)


@given(wareki_days)
def test_of_contains_the_day(day: date) -> None:
    """The fiscal year of a day contains it."""
    assert day in FiscalYear.of(day)


def test_to_period() -> None:
    """to_period gives a fiscal-year Period with the same boundaries."""
    assert Period(date(2013, 4, 1), date(2014, 3, 31), Precision.FISCAL_YEAR) == (
        FiscalYear(2013).to_period()
    )


@pytest.mark.parametrize(
    ("year", "gannen", "written"),
    [
        (2013, True, "平成25年度"),
        (2019, True, "令和元年度"),
        (2019, False, "令和1年度"),
        (2018, True, "平成30年度"),
        (1989, True, "平成元年度"),
        (1988, True, "昭和63年度"),
        (1926, True, "昭和元年度"),
        (1912, True, "大正元年度"),
        (1873, True, "明治6年度"),
        (2025, True, "令和7年度"),
    ],
)
def test_to_wareki_names_a_year_by_the_era_on_31_december(
    year: int, gannen: bool, written: str
) -> None:
    """FY2019 is 令和元年度: the era in force at the end of the year it starts in."""
    assert written == FiscalYear(year).to_wareki(gannen=gannen)


def test_before_the_era_calendar_there_is_no_wareki_name() -> None:
    """FY1872 is named by a day before the Gregorian switch, so it has no era name."""
    with pytest.raises(EraRangeError):
        FiscalYear(1872).to_wareki()


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("平成25年度", 2013),
        ("令和元年度", 2019),
        ("平成31年度", 2019),
        ("令和1年度", 2019),
        ("平成２５年度", 2013),
        ("平成二十五年度", 2013),
        ("H25年度", 2013),
        ("㍻25年度", 2013),
        ("2013年度", 2013),
        ("FY2013", 2013),
        ("平成 25 年度", 2013),
    ],
)
def test_parse(text: str, year: int) -> None:
    """FiscalYear.parse reads the ways a fiscal year is written."""
    assert FiscalYear(year) == FiscalYear.parse(text)


def test_parse_with_context() -> None:
    """A year without an era takes the era of the context fiscal year."""
    assert FiscalYear(2010) == FiscalYear.parse("22 年度", context=FiscalYear(2011))
    assert FiscalYear(2024) == FiscalYear.parse("6年度", context=FiscalYear(2025))
    assert FiscalYear(2018) == FiscalYear.parse("30年度", context=FiscalYear(2019))
    assert FiscalYear(2020) == FiscalYear.parse("2年度", context=FiscalYear(2019))
    assert FiscalYear(2012) == FiscalYear.parse("前年度", context=FiscalYear(2013))


def test_parse_rejects_other_periods() -> None:
    """A month or a range of fiscal years is not a fiscal year."""
    with pytest.raises(CalendarError, match="single fiscal year") as caught:
        FiscalYear.parse("平成25年8月")
    assert "'2013-08'" in str(caught.value)
    with pytest.raises(CalendarError, match="single fiscal year"):
        FiscalYear.parse("令和4年度～令和8年度")
    with pytest.raises(UnreadableDateError):
        FiscalYear.parse("来期")


def test_parse_strict_and_lenient() -> None:
    """平成32年度 is refused unless lenient, which reads FY2020 and warns."""
    from clairlib.calendar import CalendarWarning

    with pytest.raises(EraRangeError, match="平成32年度"):
        FiscalYear.parse("平成32年度")
    with pytest.warns(CalendarWarning, match="lenient"):
        assert FiscalYear(2020) == FiscalYear.parse("平成32年度", lenient=True)


@pytest.mark.parametrize("year", [0, -1, 9999, 10000])
def test_year_out_of_range(year: int) -> None:
    """Fiscal years must fit datetime's range."""
    with pytest.raises(CalendarError, match=r"1\.\.9998"):
        FiscalYear(year)


@given(wareki_fiscal_years)
def test_to_wareki_parses_back(fy: FiscalYear) -> None:
    """Every fiscal year with an era name parses back from it, with 元年 or 1年."""
    assert fy == FiscalYear.parse(fy.to_wareki())
    assert fy == FiscalYear.parse(fy.to_wareki(gannen=False))


def test_every_fiscal_year_from_1873_to_2100_round_trips() -> None:
    """The same round trip, exhaustively over the era calendar's fiscal years."""
    for year in range(1873, 2101):
        fy = FiscalYear(year)
        assert fy == FiscalYear.parse(fy.to_wareki())


@given(fiscal_years)
def test_to_period_round_trips_through_isoformat(fy: FiscalYear) -> None:
    """FY isoformat reads back as a fiscal-year period."""
    assert fy.to_period() == Period.fromisoformat(fy.isoformat())
    assert fy.to_period().fiscal_years() == (fy,)
