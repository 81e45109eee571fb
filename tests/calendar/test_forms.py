"""Golden tests for every printed form of the calendar issue, values worked out by hand."""

from __future__ import annotations

from datetime import date, time

import pytest

from clairlib.calendar import (
    CalendarError,
    CalendarWarning,
    FiscalYear,
    Part,
    Period,
    PeriodSet,
    UnreadableDateError,
    parse_period,
)
from tests.calendar.conftest import span_table

FY13 = FiscalYear(2013)
MAY_1 = date(2013, 5, 1)

Context = FiscalYear | int | date | None


def _iso(text: str, context: Context = None) -> str:
    return parse_period(text, context=context).isoformat()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("自 平成24年4月1日", "2012-04-01/.."),
        ("至 平成25年3月31日", "../2013-03-31"),
        ("自 平成24年4月1日 至 平成25年3月31日", "2012-04-01/2013-03-31"),
        ("自　令和２年４月１日\n至　令和３年３月３１日", "2020-04-01/2021-03-31"),
        ("平成25年4月1日現在", "2013-04-01"),
        ("令和6年10月1日時点", "2024-10-01"),
        ("令和3年度中", "FY2021"),
        ("令和3年7月頃", "2021-07~"),
        ("平成25年9月ごろ", "2013-09~"),
        ("2012年9月号", "2012-09"),
    ],
)
def test_cover_and_heading_forms(text: str, expected: str) -> None:
    """自/至, 現在, 時点, 中, 頃 and 号 read as the period they mark."""
    assert expected == _iso(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("平成25年9月3日(火)", "2013-09-03(Tue)"),
        ("平成25年9月3日<火>", "2013-09-03(Tue)"),
        ("平成25年9月3日（ 火）", "2013-09-03(Tue)"),
        ("令和6年1月8日（月・祝）", "2024-01-08(Mon)"),
        ("平成25年9月3日(火)10:00～12:30", "2013-09-03T10:00(Tue)/2013-09-03T12:30(Tue)"),
        ("平成25年9月3日15:00-", "2013-09-03T15:00"),
        ("2019年11月30日(土) 13：30～16：00", "2019-11-30T13:30(Sat)/2019-11-30T16:00(Sat)"),
    ],
)
def test_weekdays_and_times_after_a_date(text: str, expected: str) -> None:
    """A printed weekday and clock times are kept on the Period."""
    assert expected == _iso(text)


def test_weekday_and_time_are_on_the_period() -> None:
    """The weekday is date.weekday()'s number, the times are datetime.time values."""
    period = parse_period("平成25年9月3日(火)10:00～12:30")
    assert isinstance(period, Period)
    assert (1, 1) == period.weekdays
    assert (time(10, 0), time(12, 30)) == period.times
    assert date(2013, 9, 3) == period.start == period.end


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("平成25年9月3日(水)", "水"),
        ("2013年12月6日(金)と7日(日)", "日"),
        ("平成25年9月3日(火)10:00～09:30", "09:30"),
        ("平成25年9月3日25:00", "25:00"),
    ],
)
def test_a_weekday_or_time_that_does_not_fit_is_refused(text: str, part: str) -> None:
    """A weekday that is not the date's, or an impossible time, names the part."""
    with pytest.raises(UnreadableDateError) as caught:
        parse_period(text)
    error = caught.value
    assert error.span is not None
    assert part == text[error.span[0] : error.span[1]]


def test_a_weekday_mismatch_names_both_weekdays() -> None:
    """The message says which weekday the date has and which was printed."""
    with pytest.raises(UnreadableDateError, match=r"expected 火.*2013-09-03.*found 水"):
        parse_period("平成25年9月3日(水)")


@span_table(
    ("平成25年9月上旬", "2013-09-01", "2013-09-10", Part.EARLY),
    ("平成25年9月初旬", "2013-09-01", "2013-09-10", Part.EARLY),
    ("平成25年9月中旬", "2013-09-11", "2013-09-20", Part.MIDDLE),
    ("平成25年9月下旬", "2013-09-21", "2013-09-30", Part.LATE),
    ("平成24年2月下旬", "2012-02-21", "2012-02-29", Part.LATE),
    ("平成25年9月末", "2013-09-30", "2013-09-30", Part.MONTH_END),
    ("平成28年2月月末", "2016-02-29", "2016-02-29", Part.MONTH_END),
    ("平成25年11月末日", "2013-11-30", "2013-11-30", Part.MONTH_END),
    ("令和6年2月 末 日", "2024-02-29", "2024-02-29", Part.MONTH_END),
    ("平成25年末", "2013-12-31", "2013-12-31", Part.YEAR_END),
    ("令和3年度末", "2022-03-31", "2022-03-31", Part.FISCAL_YEAR_END),
)
def test_parts_of_a_month(text: str, start: date, end: date, kind: Part) -> None:
    """上旬 is days 1–10, 中旬 11–20, 下旬 21 to the end; 末 is the unit's last day."""
    period = parse_period(text)
    assert isinstance(period, Period)
    assert (start, end) == (period.start, period.end)
    assert (kind, kind) == period.parts


@span_table(
    ("平成25年12月1日～月末", "2013-12-01", "2013-12-31", Part.MONTH_END),
    ("2024年2月1日から月末まで", "2024-02-01", "2024-02-29", Part.MONTH_END),
    ("平成25年12月～月末", "2013-12-01", "2013-12-31", Part.MONTH_END),
    ("平成25年11月1日～末", "2013-11-01", "2013-11-30", Part.MONTH_END),
    ("平成25年11月1日～末日", "2013-11-01", "2013-11-30", Part.MONTH_END),
    ("平成25年11月1日～同月末日", "2013-11-01", "2013-11-30", Part.MONTH_END),
)
def test_month_end_after_a_range_mark_is_the_left_months_end(
    text: str, start: date, end: date, kind: Part
) -> None:
    """月末 (or 末, 末日 alone) on the right of a range is the left date's month's last day."""
    period = parse_period(text)
    assert isinstance(period, Period)
    assert (start, end) == (period.start, period.end)
    assert (None, kind) == period.parts
    assert period == Period.fromisoformat(period.isoformat())


def test_a_bare_end_after_a_year_is_the_years_end() -> None:
    """末 alone after a year with no month ends that year, as 年末 does."""
    period = parse_period("平成25年～末")
    assert isinstance(period, Period)
    assert (date(2013, 1, 1), date(2013, 12, 31)) == (period.start, period.end)
    assert (None, Part.YEAR_END) == period.parts


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("月末", "a date before 月末"),
        ("月末～平成25年12月1日", "a date before 月末"),
        ("平成25年～月末", "month before '末'"),
        ("令和3年度～月末", "month before '末'"),
    ],
)
def test_month_end_without_a_month_before_it_is_refused(text: str, message: str) -> None:
    """月末 with no date before it, or after a year, is an UnreadableDateError at 月末."""
    with pytest.raises(UnreadableDateError, match=message) as caught:
        parse_period(text, context=FiscalYear(2013))
    span = caught.value.span
    assert span is not None
    assert "月末" == text[span[0] : span[1]]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("平成25年上旬", "month before"),
        ("平成25年9月3日上旬", "after a month"),
        ("平成25年13月上旬", "month 1..12"),
        ("平成25年～下旬", "month before"),
        ("平成25年9月下旬～上旬", "ends on or after its start"),
    ],
)
def test_a_part_without_its_month_is_refused(text: str, message: str) -> None:
    """上旬 of a missing or impossible month is an UnreadableDateError."""
    with pytest.raises(UnreadableDateError, match=message):
        parse_period(text)


@pytest.mark.parametrize(
    ("text", "context", "start", "end"),
    [
        ("平成25年9月上旬～下旬", None, date(2013, 9, 1), date(2013, 9, 30)),
        ("2013年9月上旬～中旬", None, date(2013, 9, 1), date(2013, 9, 20)),
        ("2月中旬～下旬", FiscalYear(2013), date(2014, 2, 11), date(2014, 2, 28)),
        ("2013年9月1日～下旬", None, date(2013, 9, 1), date(2013, 9, 30)),
    ],
)
def test_a_bare_part_after_a_range_mark_is_the_month_before(
    text: str, context: FiscalYear | None, start: date, end: date
) -> None:
    """'9月上旬～下旬': 下旬 printed without its month is that of the date before it."""
    period = parse_period(text, context=context)
    assert (start, end) == (period.start, period.end)


@pytest.mark.parametrize(
    ("text", "context", "expected"),
    [
        ("平成25年12月から平成26年1月まで", None, "2013-12/2014-01"),
        ("平成25年12月から平成26年1月にかけて", None, "2013-12/2014-01"),
        ("平成25年12月～平成26年1月にわたって", None, "2013-12/2014-01"),
        ("平成25年12月より平成26年2月まで", None, "2013-12/2014-02"),
        ("6/2-6/14", FY13, "2013-06-02/2013-06-14"),
        ("2014年2月3日-3月1日", None, "2014-02-03/2014-03-01"),
        ("2013年10月4、5日", None, "2013-10-04,2013-10-05"),
        ("2013年7月8,9日", None, "2013-07-08,2013-07-09"),
        ("2013年12月6日(金)と7日(土)", None, "2013-12-06(Fri),2013-12-07(Sat)"),
        ("2013年11月7日(木)8日(金)", None, "2013-11-07(Thu),2013-11-08(Fri)"),
        ("2013年10月4日および5日", None, "2013-10-04,2013-10-05"),
        ("2013年5月29～6月1日", None, "2013-05-29/2013-06-01"),
        ("5月29～6月1日", FY13, "2013-05-29/2013-06-01"),
        ("平成25年11月12日から19日", None, "2013-11-12/2013-11-19"),
        ("12日から19日", MAY_1, "2013-05-12/2013-05-19"),
    ],
)
def test_range_and_list_words(text: str, context: Context, expected: str) -> None:
    """から…まで, にかけて, にわたって, より, '-', および, と, 、 and , join dates."""
    assert expected == _iso(text, context)


@pytest.mark.parametrize(
    ("text", "context", "expected"),
    [
        ("平成10年度から", None, "FY1998/.."),
        ("2011年以降", None, "2011/.."),
        ("2015年6月より", None, "2015-06/.."),
        ("令和3年度まで", None, "../FY2021"),
        ("平成30年度以前", None, "../FY2018"),
        ("11月20日から", FY13, "2013-11-20/.."),
        ("10月2日～", FY13, "2013-10-02/.."),
        ("1992年～", None, "1992/.."),
    ],
)
def test_open_ranges(text: str, context: Context, expected: str) -> None:
    """A range with one side left out gets an open start or end (ISO 8601-2 '..')."""
    result = parse_period(text, context=context)
    assert expected == result.isoformat()
    assert result == Period.fromisoformat(expected)


def test_an_open_period_knows_which_side_is_open() -> None:
    """'../FY2021' has an open start and contains any day up to 2022-03-31."""
    period = parse_period("令和3年度まで")
    assert isinstance(period, Period)
    assert (True, False) == (period.open_start, period.open_end)
    assert date(1900, 1, 1) in period
    assert date(2022, 4, 1) not in period
    with pytest.raises(CalendarError, match="both ends"):
        period.days()


@pytest.mark.parametrize("text", ["平成25年11月20日から", "平成25年8月～", "2015年6月より"])
def test_strict_refuses_a_range_mark_with_nothing_after(text: str) -> None:
    """strict=True reads no open range from a dangling から, ～ or より."""
    with pytest.raises(UnreadableDateError, match="strict"):
        parse_period(text, strict=True)


def test_strict_still_reads_explicit_open_words() -> None:
    """以降, 以前 and まで say 'open' in words, so strict mode reads them."""
    assert "2011/.." == parse_period("2011年以降", strict=True).isoformat()
    assert "../FY2021" == parse_period("令和3年度まで", strict=True).isoformat()


@pytest.mark.parametrize(
    ("text", "context", "expected"),
    [
        ("2013年8月5日から4日間", None, "2013-08-05/2013-08-08"),
        ("2021年9月1日から2カ月間", None, "2021-09-01/2021-10-31"),
        ("2021年11月30日から3ヶ月間", None, "2021-11-30/2022-02-28"),
        ("2016年度から3年間", None, "FY2016/FY2018"),
        ("4月から6カ月", FY13, "2013-04/2013-09"),
        ("平成25年10月1日から2週間", None, "2013-10-01/2013-10-14"),
    ],
)
def test_durations(text: str, context: Context, expected: str) -> None:
    """'から N 日間/カ月間/年間/週間' runs that long from the start, the start included."""
    assert expected == _iso(text, context)


@pytest.mark.parametrize(
    ("text", "context", "expected"),
    [
        ("2014.06.03", None, "2014-06-03"),
        ("4/12(金)", MAY_1, "2013-04-12(Fri)"),
        ("2/7", FY13, "2014-02-07"),
        ("20190315", None, "2019-03-15"),
        ("2019/3/15", None, "2019-03-15"),
        ("2019/03/15～2019/3/20", None, "2019-03-15/2019-03-20"),
        ("2020年03月09日", None, "2020-03-09"),
        ("2011年11月 5日", None, "2011-11-05"),
        ("1980年代", None, "1980/1989"),
        ("1960～80年代", None, "1960/1989"),
    ],
)
def test_western_forms(text: str, context: Context, expected: str) -> None:
    """Dotted, slashed, compact, zero-padded and spaced western dates, and decades."""
    assert expected == _iso(text, context)


@pytest.mark.parametrize("text", ["20190230", "2019/13/1", "2019.02.29", "99991231"])
def test_impossible_western_days_are_refused(text: str) -> None:
    """A day a month does not have, month 13 or year 9999 in figures is an error, not a day."""
    with pytest.raises(UnreadableDateError):
        parse_period(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("令和5年(2023年)11月8日", "2023-11-08"),
        ("2001年(平成13年)", "2001"),
        ("H24", "FY2012"),
        ("R3", "FY2021"),
        ("R4年度", "FY2022"),
        ("H10-R3", "FY1998/FY2021"),
        ("平成一四年", "2002"),
        ("平成二〇年度", "FY2008"),
        ("昭和六〇年", "1985"),
        ("令和3\n年7月12日", "2021-07-12"),
        ("平成25年9\u2f493\u2f47", "2013-09-03"),
    ],
)
def test_era_forms(text: str, expected: str) -> None:
    """Era beside western year, table abbreviations, positional kanji, Kangxi 月 and 日."""
    assert expected == _iso(text)


def test_a_year_in_brackets_must_be_the_same_year() -> None:
    """'令和5年(2022年)' names two different years: refused at the bracketed one."""
    with pytest.raises(UnreadableDateError, match="2023") as caught:
        parse_period("令和5年(2022年)11月8日")
    assert (5, 9) == caught.value.span


def test_a_range_printed_newest_first_reads_as_meant_with_a_warning() -> None:
    """'令和4年度～平成25年度' is FY2013..FY2022, and a CalendarWarning says it was reversed."""
    with pytest.warns(CalendarWarning, match="newest first"):
        assert "FY2013/FY2022" == _iso("令和4年度～平成25年度")
    with pytest.warns(CalendarWarning, match="newest first"):
        parse_period("令和4年度～平成25年度")


def test_a_reversed_range_whose_right_side_borrows_its_year_is_refused() -> None:
    """'8月10日～8月1日' has one year for both sides: that is an error, not a reversal."""
    with pytest.raises(CalendarError, match="ends on or after"):
        parse_period("平成25年8月10日～8月1日")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("昨年", "2012"),
        ("今年", "2013"),
        ("本年", "2013"),
        ("来年", "2014"),
        ("一昨年", "2011"),
        ("昨年度", "FY2012"),
        ("前年度", "FY2012"),
        ("同年", "2013"),
        ("同月", "2013-05"),
        ("前日", "2013-04-30"),
        ("翌日", "2013-05-02"),
        ("去る5月20日", "2012-05-20"),
        ("去る4月20日", "2013-04-20"),
        ("昨年10月", "2012-10"),
        ("4月20日", "2013-04-20"),
        ("12月20日", "2012-12-20"),
        ("9月3日(火)", "2013-09-03(Tue)"),
        ("9月3日(水)", "2014-09-03(Wed)"),
        ("2月29日", "2012-02-29"),
    ],
)
def test_a_reference_date_resolves_relative_words(text: str, expected: str) -> None:
    """With a news item's date (2013-05-01) relative words and bare months resolve."""
    assert expected == _iso(text, MAY_1)


def test_a_day_after_a_date_counts_from_that_date() -> None:
    """'平成25年8月1日、翌日' is 1 and 2 August."""
    assert "2013-08-01,2013-08-02" == _iso("平成25年8月1日、翌日")


def test_every_year_alone_is_refused() -> None:
    """毎年 with no month or day says what it needs rather than repeating a month."""
    with pytest.raises(UnreadableDateError, match="a month or a day after 毎年"):
        parse_period("毎年", context=FY13)


@pytest.mark.parametrize(
    ("text", "context", "message"),
    [
        ("昨年", None, "reference date"),
        ("昨年", FY13, "reference date"),
        ("前日", None, "reference date"),
        ("去る5月20日", FY13, "reference date"),
        ("昨年度", None, "context fiscal year or a reference date"),
        ("8月", None, "context= a FiscalYear, a calendar year or a reference date"),
        ("毎月", None, "where it starts"),
    ],
)
def test_a_form_that_needs_a_context_says_which(text: str, context: Context, message: str) -> None:
    """Without the context it needs, a relative form is refused naming that context."""
    with pytest.raises(UnreadableDateError, match=message):
        parse_period(text, context=context)


def test_a_fiscal_year_context_keeps_its_rule() -> None:
    """With a FiscalYear, a month is in that fiscal year (2月 is the next calendar year)."""
    assert "2014-02" == _iso("2月", FY13)
    assert "2013-04" == _iso("4月", FY13)


@pytest.mark.parametrize(
    ("text", "context", "expected"),
    [
        ("平成25年4月～各月", None, "R/2013-04/P1M"),
        ("毎月", FY13, "R/2013-04/P1M"),
        ("各月", MAY_1, "R/2013-05/P1M"),
        ("毎月15日", FY13, "R/2013-04-15/P1M"),
        ("毎年10月", FY13, "R/2013-10/P1Y"),
        ("毎週水曜日", FY13, "R/2013-04-03(Wed)/P1W"),
        ("2013年4月3日から毎週", None, "R/2013-04-03/P1W"),
        ("毎週", FY13, "R/2013-04-01/P1W"),
        ("毎週", MAY_1, "R/2013-05-01/P1W"),
    ],
)
def test_recurrences(text: str, context: Context, expected: str) -> None:
    """各月, 毎月, 毎年 and 毎週 give a PeriodSet that repeats."""
    assert expected == _iso(text, context)


def test_recurrences_expand() -> None:
    """毎週水曜日 from FY2013 repeats every 7 days; 毎年10月 every October."""
    weekly = parse_period("毎週水曜日", context=FY13)
    assert isinstance(weekly, PeriodSet)
    assert [date(2013, 4, 3), date(2013, 4, 10), date(2013, 4, 17)] == [
        p.start for p in weekly.expand(date(2013, 4, 20))
    ]
    yearly = parse_period("毎年10月", context=FY13)
    assert isinstance(yearly, PeriodSet)
    assert [Period.month(2013, 10), Period.month(2014, 10)] == [
        Period(p.start, p.end, p.precision) for p in yearly.expand(date(2014, 12, 1))
    ]


@pytest.mark.parametrize(
    ("text", "context"),
    [
        ("平成25年2月30日", None),
        ("2月30日", MAY_1),
        ("2013年2月30日から4日間", None),
        ("20190230", None),
        ("2014.02.30", None),
        ("1985年代", None),
        ("平成25年9月3日(水)", None),
        ("9月3日(水)", FY13),
    ],
)
def test_broken_variants_are_refused(text: str, context: Context) -> None:
    """Impossible days, decades and weekdays raise UnreadableDateError in every form."""
    with pytest.raises(UnreadableDateError) as caught:
        parse_period(text, context=context)
    assert text == caught.value.text
    assert caught.value.span is not None


@pytest.mark.parametrize("text", ["十十年", "平成十十年", "平成二二十年度"])
def test_a_kanji_numeral_that_is_no_number_is_refused(text: str) -> None:
    """A run of numeral kanji that reads as no number is an UnreadableDateError, not a crash."""
    with pytest.raises(UnreadableDateError, match="expected a number"):
        parse_period(text)
