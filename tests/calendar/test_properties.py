"""Properties of the calendar's new forms: round trips, the fast path, clean refusals."""

from __future__ import annotations

import warnings
from datetime import date, timedelta

import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

from clairlib.calendar import (
    CalendarError,
    CalendarWarning,
    FiscalYear,
    Period,
    PeriodSet,
    UnreadableDateError,
    format_period,
    format_wareki,
    parse_period,
)
from clairlib.calendar._fastpath import plain as _plain
from clairlib.calendar._fastpath import plain_list as _plain_list
from clairlib.calendar._marks import WEEKDAY_KANJI, month_end
from clairlib.calendar._parse import _read
from clairlib.calendar._quick import read_quick
from clairlib.calendar._reader import Reader
from clairlib.calendar._resolve import months_around
from tests.strategies import (
    marked_periods,
    periods,
    printed_day_lists,
    printed_expressions,
    wareki_days,
)

# Days whose era year, month and part all have a name: 1873 to 2100, away from its ends
# so that a range's other side and a fiscal year's end stay inside too.
named_days = st.dates(min_value=date(1873, 4, 1), max_value=date(2099, 12, 31))


@given(marked_periods())
def test_marked_period_iso_round_trips(period: Period) -> None:
    """fromisoformat(isoformat(p)) gives p back: weekdays, parts, times, 頃, open sides."""
    assert period == Period.fromisoformat(period.isoformat())


@given(marked_periods(named_days))
def test_marked_period_text_round_trips(period: Period) -> None:
    """Text → Period → text → the same Period, for every kind of marked period."""
    text = format_period(period)
    again = parse_period(text)
    assert period == again
    assert text == format_period(again)


@given(periods(named_days))
def test_plain_period_text_round_trips(period: Period) -> None:
    """The old property still holds: an unmarked period reads back from its wareki text."""
    assert period == parse_period(format_period(period))


@given(wareki_days)
def test_every_day_reads_back_from_its_era_text(day: date) -> None:
    """Every day 1873–2100 written in the era calendar reads back, weekday and all."""
    text = format_wareki(day)
    assert Period.day(day) == parse_period(text)
    weekday = day.weekday()
    marked = f"{text}({WEEKDAY_KANJI[weekday]})"
    assert Period.day(day, weekday=weekday) == parse_period(marked)


@given(wareki_days, st.sampled_from(["", " ", "\n"]))
def test_the_fast_path_and_the_full_reader_agree(day: date, space: str) -> None:
    """For every plain date the fast path reads, the full reader reads the same Period."""
    texts = [
        format_wareki(day).replace("年", f"{space}年{space}"),
        f"{day.year}年{day.month}月{day.day}日",
        format_period(Period.month(day.year, day.month)),
        format_period(Period.fiscal_year(FiscalYear.of(day).year))
        if day >= date(1874, 4, 1)
        else f"{day.year}年",
    ]
    for text in texts:
        fast = _plain(text)
        assert fast is not None
        assert fast == Reader(text, None, False, False).read()


@st.composite
def _plain_texts(draw: st.DrawFn) -> str:
    era = draw(st.sampled_from(["", "明治", "大正", "昭和", "平成", "令和", "平\n成", "令 和"]))
    # Western years up to and past the last one the reader takes (9998).
    years = st.integers(900, 2200) | st.integers(9990, 9999)
    year = draw(st.integers(0, 70) if era else years)
    space = st.sampled_from(["", " ", "　", "\n"])

    def digits(number: int) -> str:
        # As printed: plain, zero-padded or full-width digits.
        style = draw(st.sampled_from(["{}", "{:02d}", "full"]))
        text = str(number) if style == "full" else style.format(number)
        return text.translate(_FULL_WIDTH) if style == "full" else text

    first = "元" if year == 1 and draw(st.booleans()) else digits(year)
    parts = [era, draw(space), first, draw(space)]
    # 年度 broken across lines too, as PDF text prints it ('平成 23 年\n\n度').
    parts.append(draw(st.sampled_from(["年", "年度", "年度", "年\n\n度", "年 度"])))
    if draw(st.booleans()):
        parts += [draw(space), digits(draw(st.integers(0, 13))), "月"]
        if draw(st.booleans()):
            parts += [draw(space), digits(draw(st.integers(0, 32))), "日"]
    return "".join(parts)


_FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


@given(_plain_texts())
@example("9999年")  # past the reader's last year: the fast path must defer
@example("９９９８年１２月")
def test_the_fast_path_never_disagrees_with_the_full_reader(text: str) -> None:
    """Where the fast path reads a text, the full reader reads the same; else it defers."""
    fast = _plain(text)
    if fast is not None:
        assert fast == Reader(text, None, False, False).read()


@given(wareki_days, st.integers(1, 6))
def test_a_wrong_weekday_is_refused_naming_both(day: date, shift: int) -> None:
    """A printed weekday that is not the date's raises, naming the real and the printed one."""
    wrong = (day.weekday() + shift) % 7
    text = f"{format_wareki(day)}({WEEKDAY_KANJI[wrong]})"
    with pytest.raises(UnreadableDateError) as caught:
        parse_period(text)
    message = str(caught.value)
    assert f"expected {WEEKDAY_KANJI[day.weekday()]}" in message
    assert f"found {WEEKDAY_KANJI[wrong]}" in message


@given(st.integers(1990, 2030), st.integers(1, 12))
def test_a_day_past_the_month_end_is_refused_in_every_form(year: int, month: int) -> None:
    """The day after a month's last day is refused as 日, dotted, slashed and compact."""
    day = month_end(year, month).day + 1
    assume(day <= 31 or month == 12)
    for text in (
        f"{year}年{month}月{day}日",
        f"{year}.{month:02d}.{day:02d}",
        f"{year}/{month}/{day}",
        f"{year}{month:02d}{day:02d}",
        f"{year}年{month}月{day}日から3日間",
        f"{year}年{month}月1日～{day}日",
    ):
        with pytest.raises(UnreadableDateError):
            parse_period(text)


@given(wareki_days)
def test_a_part_needs_its_month(day: date) -> None:
    """上旬 after a year alone names no month: refused, never guessed."""
    text = format_period(Period.year(day.year)) + "上旬"
    with pytest.raises(UnreadableDateError, match="month before"):
        parse_period(text)


@given(wareki_days)
def test_strict_refuses_a_dangling_range_word(day: date) -> None:
    """'…から' with nothing after is an open range by default and an error with strict=True."""
    text = format_wareki(day) + "から"
    assert Period.since(Period.day(day)) == parse_period(text)
    with pytest.raises(UnreadableDateError, match="strict"):
        parse_period(text, strict=True)


@given(st.dates(min_value=date(1900, 3, 1), max_value=date(2090, 12, 31)), st.integers(1, 12))
def test_a_month_without_a_year_is_the_nearest_around_the_reference(
    reference: date, month: int
) -> None:
    """With a reference date, 'N月' is the month N nearest to it, at most half a year away."""
    result = parse_period(f"{month}月", context=reference)
    assert isinstance(result, Period)
    assert result.start.month == month
    distance = (
        0
        if reference in result
        else min(abs((result.start - reference).days), abs((result.end - reference).days))
    )
    for other in (result.start.year - 1, result.start.year + 1):
        candidate = Period.month(other, month)
        far = min(abs((candidate.start - reference).days), abs((candidate.end - reference).days))
        assert distance <= far
    assert distance <= 184


@given(wareki_days, st.integers(1, 60))
def test_a_duration_in_days_counts_the_first_day(day: date, days: int) -> None:
    """'…から N 日間' ends N-1 days after the start."""
    result = parse_period(f"{format_wareki(day)}から{days}日間")
    assert isinstance(result, Period)
    assert (day, day + timedelta(days=days - 1)) == (result.start, result.end)


@st.composite
def _plain_lists(draw: st.DrawFn) -> str:
    space = st.sampled_from(["", " ", "\n"])

    def year() -> str:
        era = draw(st.sampled_from(["", "昭和", "平成", "令和", "平\n成"]))
        western = st.integers(990, 2100) | st.integers(9990, 9999)
        number = draw(st.integers(0, 66) if era else western)
        return f"{era}{draw(space)}{'元' if era and number == 1 else number}{draw(space)}"

    items = []
    for index in range(draw(st.integers(1, 7))):
        mark = draw(st.sampled_from(["年", "年度"]))
        item = year() + mark
        shape = draw(st.sampled_from(["alone", "month", "months", "to year", "to month"]))
        month = st.integers(0, 13).map(str)
        if shape == "month" and mark == "年":
            item += f"{draw(space)}{draw(month)}月"
        elif shape == "months" and mark == "年":
            item += f"{draw(month)}{draw(st.sampled_from(['月～', '～']))}{draw(month)}月"
        elif shape == "to year":
            item += draw(st.sampled_from(["～", "-", "－", "〜", "から", "より"]))
            item += draw(st.sampled_from(["", "同"])) + year() + mark
            item += draw(st.sampled_from(["", "", "まで", "にかけて", "の間", "から"]))
        elif shape == "to month" and mark == "年":
            join = draw(st.sampled_from(["～", "から"]))
            item += f"{draw(month)}月{join}{year()}年{draw(month)}月"
            item += draw(st.sampled_from(["", "", "まで", "にわたって", "間"]))
        lead = draw(st.sampled_from(["", "①②③④⑤⑥⑦"[index], "、"])) if index else ""
        items.append(lead + draw(space) + item + draw(space))
    return "".join(items)


@given(_plain_lists())
@example("2013年～9999年")
@example("9998年2月～1月")  # runs into 9999, which the reader refuses
@example("令和4年度～平成25年度")  # printed newest first: read as meant, with a note
@example("①平成26年3月～平成25年4月、令和8年度～令和4年度")
@example("①平成 25 年 4 月 \n②平成 25 年 7～8\n月 \n③平成 26 年 3 月")  # months alone
@example("①平成25年12～1月")  # runs into the next year: the general steps'
@example("平成25年4月 平成25年5月")  # items apart by spaces alone: refused as the reader does
def test_the_list_fast_path_never_disagrees_with_the_full_reader(text: str) -> None:
    """Where the fast path reads a list or range, the full reader reads the same, notes too."""
    found = _plain_list(text)
    if found is not None:
        result, notes = found[0], list(map(str, found[1]))
        reader = Reader(text, None, False, False)
        assert (result, notes) == (reader.read(), reader.notes)
        # In a table cell's brackets, the fast path and the full reader still agree.
        bracketed = Reader(f"({text})", None, False, False)
        assert (result, notes) == (bracketed.read(), bracketed.notes)
        assert _both_lanes(f"({text})", None, fast=True) == _both_lanes(
            f"({text})", None, fast=False
        )


@pytest.mark.parametrize(
    ("text", "context"),
    [
        ("7・8 月", FiscalYear(2013)),
        ("11 月", FiscalYear(2013)),
        ("22 年 2 月", FiscalYear(2011)),
        ("5月29～6月1日", FiscalYear(2013)),
        ("2013年10月4、5日", None),
        ("2013年12月6日(金)と7日(土)", None),
        ("2013年11月7日(木)8日(金)", None),
        ("平成 25 年 11 月 10 日から 13 日", None),
        ("自 平成24年4月1日 至 平成25年3月31日", None),
        ("H10-R3", None),
        ("1960～80年代", None),
        ("平成10年度から", None),
        ("令和3年度まで", None),
        ("2011年以降", None),
        ("12月～1月", 2013),
        ("令和3年度末", None),
        ("昭和63年度末", None),
        ("平成25年9月上旬～10月下旬", None),
        ("2012年9月号", None),
        ("令和3年7月頃", None),
        ("平成25年4月1日現在", None),
        ("9月3日(火)", date(2013, 5, 1)),
        ("3月29～4月2日", date(2013, 5, 1)),
        ("去る5月20日", date(2013, 5, 1)),
        ("平成25年9月3日(火)10:00～12:30", None),
        ("平成25年9月3日15:00-", None),
        ("2013年8月5日から4日間", None),
        ("2016年度から3年間", None),
        ("4月から6カ月", FiscalYear(2013)),
        ("前年度", FiscalYear(2013)),
        ("昨年10月", date(2013, 5, 1)),
        ("来年", 2013),
        ("平成一四年", None),
        ("平成二〇年度", None),
        ("令和5年(2023年)11月8日", None),
        ("2001年(平成13年)", None),
        ("6/2-6/14", FiscalYear(2013)),
        ("4/12(金)", 2013),
        ("平成25年4月～各\n\n月", None),
        ("毎年10月", FiscalYear(2013)),
    ],
)
def test_the_quick_lane_reads_its_forms_as_the_reader_does(
    text: str, context: FiscalYear | int | date | None
) -> None:
    """Lists, ranges and open ranges of plain points take the quick lane, to the same Period."""
    found = read_quick(text, context, False)
    assert found is not None
    assert Reader(text, context, False, False, fast=False).read() == found


@pytest.mark.parametrize(
    ("text", "context", "strict"),
    [
        ("令和4年度～平成25年度", None, False),  # printed newest first: the reader's note
        ("平成31年5月", None, False),  # past the era's end: the reader's refusal or note
        ("去る5月20日", None, False),  # no reference date: the reader's refusal
        ("平成25年9月3日10:00～9:30", None, False),  # times out of order
        ("平成25年9月上旬10:00", None, False),  # a time on more than one day
        ("昨年", FiscalYear(2013), False),  # a year word needs a date or a calendar year
        ("前年度", None, False),  # and a fiscal-year word a context
        ("令和5年(2022年)", None, False),  # the years in brackets do not agree
        ("平成十十年", None, False),  # a kanji that is no number
        ("2013年8月5日から0日間", None, False),  # a duration of nothing
        ("前日", date(2013, 5, 1), False),  # a relative day: the reader's
        ("6/31", FiscalYear(2013), False),  # no such day
        ("毎月15日", FiscalYear(2013), False),  # the first such day: the reader's rrule
        ("毎週水曜日", date(2013, 5, 1), False),  # a weekday from the reference date
        ("2013年12月6日(土)", None, False),  # a weekday that does not match
        ("8月", None, False),  # no year and no context
        ("2013年～9月、10月以降", None, False),  # an open range in a list
        ("平成25年4月から", None, True),  # strict: the reader's refusal
        ("平成25年上旬", None, False),  # a part without its month
        ("平成25年9月3日(水)頃", None, False),  # a weekday that does not match (火)
    ],
)
def test_the_quick_lane_leaves_the_rest_to_the_reader(
    text: str, context: FiscalYear | int | date | None, strict: bool
) -> None:
    """What the reader refuses, warns about or searches for, the quick lane does not read."""
    assert read_quick(text, context, strict) is None


FUZZ = (
    "0123456789１２元一二十〇平成令和H R年度月日⽉⽇同~～-ー・、,①②()（）<>火水 \n:"
    "上中下旬末頃から まで以降前翌昨本今去る自至号時点現在間カ毎週各代./"
)


def _outcome(
    text: str, context: FiscalYear | int | date | None, strict: bool
) -> Period | PeriodSet | CalendarError:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", CalendarWarning)
            return parse_period(text, context=context, strict=strict)
    except CalendarError as error:
        return error


@given(
    st.text(FUZZ, max_size=20),
    st.sampled_from([None, FiscalYear(2013), 2013, date(2013, 5, 1)]),
    st.booleans(),
)
def test_any_new_form_text_reads_or_raises_a_calendar_error(
    text: str, context: FiscalYear | int | date | None, strict: bool
) -> None:
    """Whatever the text and context, the result is a period or a CalendarError with a span."""
    outcome = _outcome(text, context, strict)
    if isinstance(outcome, CalendarError):
        assert text == outcome.text
        span = outcome.span or (0, 0)
        assert 0 <= span[0] <= span[1] <= len(text)
    else:
        assert isinstance(outcome, (Period, PeriodSet))


def _both_lanes(
    text: str, context: FiscalYear | int | date | None, fast: bool
) -> tuple[object, ...]:
    """What the parser makes of ``text``: the result and notes, or the error's every part."""
    try:
        result, notes = _read(text, context, False, False, fast)
    except CalendarError as error:
        return (type(error), error.reason, error.text, error.span)
    return (result, result.isoformat(), tuple(map(str, notes)))


@given(
    st.text(FUZZ, max_size=20),
    st.sampled_from([None, FiscalYear(2013), 2013, date(2013, 5, 1)]),
)
@example("月末", None)  # 月 is the month's mark, 末 the part: not the part 月末
@example("平成25年12月1日～月末", None)
@example("平成25年9月上旬～下旬", None)  # a bare part takes the month before's
@example("2019/3/15", None)  # slashed: no ISO interval, the reader's (and the lane's) day
@example("20190230", None)  # the lane leaves an impossible day to the reader, which refuses it
@example("1990年2月～1990年1月 ", None)  # a note quotes the spaces after the range too
def test_the_lanes_agree_on_any_text(text: str, context: FiscalYear | int | date | None) -> None:
    """On any text at all, the fast lanes give what the general reader gives, or its error."""
    assert _both_lanes(text, context, fast=False) == _both_lanes(text, context, fast=True)


@given(
    printed_expressions(),
    st.sampled_from([None, FiscalYear(2013), 2013, date(2013, 5, 1)]),
)
def test_the_fast_lanes_and_the_general_reader_agree(
    text: str, context: FiscalYear | int | date | None
) -> None:
    """With its fast lanes or without, the parser gives the same Period, notes or error."""
    assert _both_lanes(text, context, fast=False) == _both_lanes(text, context, fast=True)


@given(printed_day_lists(), st.sampled_from([None, FiscalYear(2013), 2013, date(2013, 5, 1)]))
@example("2013年10月4、5日", None)
@example("2013年11月7日(木)8日(金)", None)
@example("2013年11月7日(木)8日(金) ", None)  # spaces after the last day
@example("2013年10月4 5日", None)  # side by side needs a weekday or a 日 before
@example("2013年11月7日(木)8日(土)", None)  # the 8th is a Friday: refused
@example("10月4、5日", date(2013, 5, 1))
@example("10月4、5日", FiscalYear(2013))
@example("2月4、5日", FiscalYear(2013))  # in the fiscal year's second calendar year
@example("10月4、5日", 2013)
@example("平成25年10月4、5日", None)
@example("昭和64年1月7日、8日", None)  # the 8th is in 平成: past 昭和's end
@example("2013年10月4日(金)5日", None)  # side by side after a weekday
@example("2013年10月4日(金)5日(金)", None)  # the 5th is a Saturday
@example("2013年2月28、29日", None)  # no 29 February in 2013
@example("25年10月4、5日", FiscalYear(2013))  # a year with no era: the context's era
@example("平成 25 年 11 月 10 日から 13 日", None)  # a range of days
@example("12月30日～1月5日", 2013)  # into the next calendar year
@example("3月30日～4月2日", FiscalYear(2013))  # in that fiscal year: printed newest first
@example("2013年10月10日から13日間", None)  # a duration, not a day
@example("2013年2月27日～30日", None)
@example("自 平成24年4月1日 至 平成25年3月31日", None)  # each side its own year
@example("自 平成24年4月1日 至 25年3月31日", None)  # the era's year without its name
@example("自 平成24年4月1日、2日", None)  # 自 before a list: refused
@example("平成31年4月30日～令和元年5月1日", None)
@example("平成31年4月30日～平成31年5月1日", None)  # past 平成's end
def test_the_lanes_agree_on_lists_of_days(
    text: str, context: FiscalYear | int | date | None
) -> None:
    """A month's days listed, side by side or as a range: the same result in every lane."""
    assert _both_lanes(text, context, fast=False) == _both_lanes(text, context, fast=True)


@pytest.mark.parametrize(
    ("reference", "month", "expected"),
    [
        (date(2013, 5, 1), 9, [(2012, 9), (2013, 9), (2014, 9)]),
        (date(2013, 5, 1), None, [(2013, 4), (2013, 5), (2013, 6)]),
        (date(2013, 1, 31), None, [(2012, 12), (2013, 1), (2013, 2)]),
        (date(2013, 12, 1), None, [(2013, 11), (2013, 12), (2014, 1)]),
    ],
)
def test_the_first_window_of_candidate_months(
    reference: date, month: int | None, expected: list[tuple[int, int]]
) -> None:
    """The first window: the printed month a year either side, or the months either side."""
    assert expected == months_around(reference, month, 1)


@given(st.dates(date(100, 1, 1), date(9800, 12, 31)), st.none() | st.integers(1, 12))
def test_every_window_of_candidate_months_is_the_wider_windows_middle(
    reference: date, month: int | None
) -> None:
    """The window one wide is the middle of the window 28 wide, its neighbours in order."""
    wide = months_around(reference, month, 28)
    assert 57 == len(wide)
    assert wide[27:30] == months_around(reference, month, 1)
