"""Tests for writing dates and periods in the era calendar, and reading them back."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clairlib.calendar import (
    CalendarError,
    EraRangeError,
    Period,
    PeriodSet,
    format_period,
    format_wareki,
    parse_period,
)
from tests.strategies import FIRST_DAY, LAST_DAY, periods, wareki_days, wareki_months


@pytest.mark.parametrize(
    ("options", "written"),
    [
        ({}, "令和元年5月1日"),
        ({"gannen": False}, "令和1年5月1日"),
        ({"digits": "fullwidth"}, "令和元年５月１日"),
        ({"digits": "kanji"}, "令和元年五月一日"),
        ({"digits": "kanji", "gannen": False}, "令和一年五月一日"),
        ({"style": "short"}, "R1.5.1"),
        ({"style": "ligature"}, "㋿元年5月1日"),
    ],
)
def test_format_wareki_options(options: dict[str, Any], written: str) -> None:
    """format_wareki writes 元年 or 1年, three kinds of digits and three styles."""
    assert written == format_wareki(date(2019, 5, 1), **options)


@pytest.mark.parametrize(
    ("day", "written"),
    [
        (date(2013, 8, 1), "平成25年8月1日"),
        (date(2013, 12, 31), "平成25年12月31日"),
        (date(1989, 1, 7), "昭和64年1月7日"),
        (date(1873, 1, 1), "明治6年1月1日"),
        (date(2100, 12, 31), "令和82年12月31日"),
    ],
)
def test_format_wareki_examples(day: date, written: str) -> None:
    """Worked examples across the eras."""
    assert written == format_wareki(day)


def test_kanji_digits_for_two_digit_numbers() -> None:
    """Kanji numerals are positional: 二十五, 十二, 三十一."""
    assert "平成二十五年十二月三十一日" == format_wareki(date(2013, 12, 31), digits="kanji")


def test_format_wareki_refuses_unknown_options_and_old_dates() -> None:
    """Bad options and dates before the Gregorian switch raise CalendarError."""
    with pytest.raises(CalendarError, match="digits"):
        format_wareki(date(2013, 8, 1), digits="roman")  # type: ignore[arg-type]
    with pytest.raises(CalendarError, match="style"):
        format_wareki(date(2013, 8, 1), style="tiny")  # type: ignore[arg-type]
    with pytest.raises(EraRangeError, match="1873-01-01"):
        format_wareki(date(1872, 12, 31))


@pytest.mark.parametrize(
    ("period", "written"),
    [
        (Period.day(date(2013, 8, 1)), "平成25年8月1日"),
        (Period.month(2013, 8), "平成25年8月"),
        (Period.month(2019, 5), "令和元年5月"),
        (Period.year(2013), "平成25年"),
        (Period.fiscal_year(2013), "平成25年度"),
        (Period.fiscal_year(2019), "令和元年度"),
        (Period.between(Period.month(2013, 12), Period.month(2014, 1)), "平成25年12月～26年1月"),
        (Period.between(Period.month(2013, 9), Period.month(2013, 10)), "平成25年9月～10月"),
        (Period.between(date(2013, 8, 1), date(2013, 9, 30)), "平成25年8月1日～9月30日"),
        (Period.between(date(2013, 8, 1), date(2013, 8, 9)), "平成25年8月1日～9日"),
        (
            Period.between(Period.fiscal_year(2022), Period.fiscal_year(2026)),
            "令和4年度～8年度",
        ),
        (
            Period.between(Period.fiscal_year(2017), Period.fiscal_year(2021)),
            "平成29年度～令和3年度",
        ),
        (Period.between(Period.month(2019, 4), Period.month(2019, 5)), "平成31年4月～令和元年5月"),
        (Period.between(Period.year(2011), Period.year(2013)), "平成23年～25年"),
    ],
)
def test_format_period_wareki(period: Period, written: str) -> None:
    """Ranges drop the era and year that the right side shares with the left."""
    assert written == format_period(period)
    assert period == parse_period(written)


def test_format_period_sets_and_iso() -> None:
    """A set is a numbered list; a monthly recurrence ends in ～各月; iso is isoformat."""
    items = PeriodSet.fromisoformat("2013-07,2013-09/2013-10,2014-02")
    assert "①平成25年7月 ②平成25年9月～10月 ③平成26年2月" == format_period(items)
    assert items == parse_period(format_period(items))
    monthly = PeriodSet.fromisoformat("R/2013-04/P1M")
    assert "平成25年4月～各月" == format_period(monthly)
    assert monthly == parse_period(format_period(monthly))
    assert "2013-07,2013-09/2013-10,2014-02" == format_period(items, style="iso")
    yearly = PeriodSet.fromisoformat("R/2013-10/P1Y")
    assert "平成25年10月～毎年" == format_period(yearly)
    assert yearly == parse_period(format_period(yearly))
    with pytest.raises(CalendarError, match="a month, a week or a year"):
        format_period(PeriodSet.fromisoformat("R/2013-04/P2M"))
    with pytest.raises(CalendarError, match="single day or month"):
        format_period(PeriodSet.fromisoformat("R/2013-04/2013-05/P1M"))
    with pytest.raises(CalendarError, match="style"):
        format_period(items, style="json")  # type: ignore[arg-type]


def test_every_day_from_1873_to_2100_round_trips() -> None:
    """parse_period(format_wareki(d)) is Period.day(d) for every one of these days."""
    day, one = FIRST_DAY, timedelta(days=1)
    while day <= LAST_DAY:
        assert Period.day(day) == parse_period(format_wareki(day))
        day += one


def test_every_month_from_1873_to_2100_round_trips() -> None:
    """Every month written in wareki reads back as the same month period."""
    for year in range(1873, 2101):
        for month in range(1, 13):
            period = Period.month(year, month)
            assert period == parse_period(format_period(period))


@given(
    wareki_days,
    st.booleans(),
    st.sampled_from(["ascii", "fullwidth", "kanji"]),
    st.sampled_from(["long", "short", "ligature"]),
)
def test_format_wareki_round_trips_in_every_style(
    day: date, gannen: bool, digits: Any, style: Any
) -> None:
    """Whatever the options, the written date parses back to the same day."""
    assert Period.day(day) == parse_period(
        format_wareki(day, gannen=gannen, digits=digits, style=style)
    )


@given(wareki_months)
def test_month_periods_round_trip(year_month: tuple[int, int]) -> None:
    """A month written in wareki is read back as that month."""
    period = Period.month(*year_month)
    assert period == parse_period(format_period(period, gannen=False))


# FY1872 ends in 1873 but is named by 31 December 1872, which has no era name.
FISCAL_WAREKI_DAYS = st.dates(min_value=date(1873, 4, 1), max_value=LAST_DAY)


@given(periods(FISCAL_WAREKI_DAYS), st.sampled_from(["ascii", "fullwidth", "kanji"]))
def test_format_period_round_trips(period: Period, digits: Any) -> None:
    """Any period in the era calendar written in wareki parses back to itself."""
    assert period == parse_period(format_period(period, digits=digits))


@given(periods())
def test_iso_style_round_trips(period: Period) -> None:
    """The iso style is read back by parse_period too."""
    assert period == parse_period(format_period(period, style="iso"))
