"""Tests for the era table: exact first days, lookup and run-time registration."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given

from clairlib.calendar import (
    CalendarError,
    Era,
    EraRangeError,
    FiscalYear,
    era_of,
    eras,
    format_wareki,
    parse_date,
    parse_period,
    register_era,
    registered_era,
    unregister_era,
)
from clairlib.errors import ClairlibError
from tests.strategies import wareki_days

# (name, romaji, initial, ligature, first day, last day) typed from the era proclamations.
TABLE = [
    ("明治", "Meiji", "M", "㍾", date(1873, 1, 1), date(1912, 7, 29)),
    ("大正", "Taisho", "T", "㍽", date(1912, 7, 30), date(1926, 12, 24)),
    ("昭和", "Showa", "S", "㍼", date(1926, 12, 25), date(1989, 1, 7)),
    ("平成", "Heisei", "H", "㍻", date(1989, 1, 8), date(2019, 4, 30)),
    ("令和", "Reiwa", "R", "㋿", date(2019, 5, 1), None),
]


def test_the_table_lists_five_eras_in_order() -> None:
    """eras() gives the five modern eras, oldest first, with their exact boundaries."""
    actual = [(e.name, e.romaji, e.initial, e.ligature, e.start, e.end) for e in eras()]
    assert TABLE == actual


@pytest.mark.parametrize(
    ("first", "name", "written"),
    [
        (date(1873, 1, 1), "明治", "明治6年1月1日"),
        (date(1912, 7, 30), "大正", "大正元年7月30日"),
        (date(1926, 12, 25), "昭和", "昭和元年12月25日"),
        (date(1989, 1, 8), "平成", "平成元年1月8日"),
        (date(2019, 5, 1), "令和", "令和元年5月1日"),
    ],
)
def test_first_day_of_each_era(first: date, name: str, written: str) -> None:
    """An era's first day belongs to it; from 大正 on it is written as 元年."""
    assert name == era_of(first).name
    assert written == format_wareki(first)
    assert first == parse_date(written)


@pytest.mark.parametrize(
    ("first", "previous", "written"),
    [
        (date(1912, 7, 30), "明治", "明治45年7月29日"),
        (date(1926, 12, 25), "大正", "大正15年12月24日"),
        (date(1989, 1, 8), "昭和", "昭和64年1月7日"),
        (date(2019, 5, 1), "平成", "平成31年4月30日"),
    ],
)
def test_day_before_each_era_belongs_to_the_previous_one(
    first: date, previous: str, written: str
) -> None:
    """The day before an era's first day is the previous era's last day."""
    day_before = date.fromordinal(first.toordinal() - 1)
    assert previous == era_of(day_before).name
    assert written == format_wareki(day_before)
    assert day_before == parse_date(written)


@pytest.mark.parametrize(
    "written", ["明治45年7月30日", "大正15年12月25日", "昭和64年1月8日", "平成31年5月1日"]
)
def test_an_eras_first_day_in_the_previous_era_is_refused(written: str) -> None:
    """A date written in an era that had already ended is an error by default."""
    with pytest.raises(EraRangeError, match="last day"):
        parse_period(written)


@pytest.mark.parametrize(
    "written", ["大正元年7月29日", "昭和元年12月24日", "平成元年1月7日", "令和元年4月30日"]
)
def test_the_day_before_an_era_written_in_it_is_refused(written: str) -> None:
    """A date written in an era that had not begun yet is an error."""
    with pytest.raises(EraRangeError, match="first day") as caught:
        parse_period(written)
    assert written in str(caught.value)


def test_before_the_gregorian_switch_is_a_clear_error() -> None:
    """Dates before 1873-01-01 have no era in clairlib, and the message says why."""
    with pytest.raises(EraRangeError, match="Gregorian") as caught:
        era_of(date(1872, 12, 31))
    assert isinstance(caught.value, ClairlibError)
    with pytest.raises(EraRangeError, match="Gregorian"):
        parse_period("明治5年12月31日")
    assert date(1873, 1, 1) == parse_date("明治6年1月1日")


@given(wareki_days)
def test_every_day_lies_inside_its_era(day: date) -> None:
    """era_of(d) returns an era whose first and last day bracket d."""
    era = era_of(day)
    assert era.start <= day
    assert era.end is None or day <= era.end
    assert day in era


def test_era_years_count_from_the_first_calendar_year() -> None:
    """明治 counts from 1868 although clairlib accepts it only from 1873."""
    meiji = eras()[0]
    assert 6 == meiji.year_of(date(1873, 1, 1))
    assert 1868 == meiji.gregorian_year(1)
    assert 45 == meiji.last_year()
    assert eras()[-1].last_year() is None


def test_register_a_future_era_and_undo_it() -> None:
    """A registered era ends the previous one and is read and written at once."""
    with registered_era("未来", date(2040, 2, 1), romaji="Mirai", initial="X") as era:
        assert Era("未来", "Mirai", "X", date(2040, 2, 1)) == era
        assert date(2040, 1, 31) == eras()[-2].end
        assert "未来元年2月1日" == format_wareki(date(2040, 2, 1))
        assert "令和22年1月31日" == format_wareki(date(2040, 1, 31))
        assert date(2041, 3, 3) == parse_date("未来2年3月3日")
        assert date(2041, 3, 3) == parse_date("X2.3.3")
        assert "未来元年度" == FiscalYear(2040).to_wareki()
        with pytest.raises(EraRangeError):
            parse_period("令和23年1月1日")
    assert "令和" == eras()[-1].name
    assert eras()[-1].end is None
    assert date(2041, 1, 1) == parse_date("令和23年1月1日")


def test_register_then_unregister_by_name() -> None:
    """unregister_era removes the latest registered era by name."""
    register_era("試験", date(2050, 1, 1), romaji="Shiken", initial="Z", ligature="⿰")
    try:
        assert "試験" == era_of(date(2050, 1, 1)).name
        assert date(2050, 1, 1) == parse_date("⿰元年1月1日")
    finally:
        unregister_era("試験")
    assert "令和" == era_of(date(2050, 1, 1)).name


@pytest.mark.parametrize(
    ("name", "start", "initial", "romaji", "message"),
    [
        ("未来", date(2019, 5, 1), "X", "Mirai", "start after 令和"),
        ("未来", date(2000, 1, 1), "X", "Mirai", "start after 令和"),
        ("令和", date(2040, 1, 1), "X", "Mirai", "unique era name"),
        ("未来", date(2040, 1, 1), "H", "Mirai", "unique era initial"),
        ("未来", date(2040, 1, 1), "X", "reiwa", "unique era romaji"),
        ("未来", date(2040, 1, 1), "XY", "Mirai", "one-letter Latin initial"),
        ("未来", date(2040, 1, 1), "x", "Mirai", "one-letter Latin initial"),
        ("未来3", date(2040, 1, 1), "X", "Mirai", "without digits"),
        ("", date(2040, 1, 1), "X", "Mirai", "non-empty"),
    ],
)
def test_register_era_validates(
    name: str, start: date, initial: str, romaji: str, message: str
) -> None:
    """A new era must start after the last one and not reuse a name, initial or romaji."""
    with pytest.raises(CalendarError, match=message):
        register_era(name, start, romaji=romaji, initial=initial)
    assert 5 == len(eras())


def test_builtin_eras_cannot_be_unregistered() -> None:
    """Only a run-time era can be removed, and only the latest."""
    with pytest.raises(CalendarError, match="latest registered era"):
        unregister_era("令和")
    assert 5 == len(eras())
