"""Tests for parse_period and parse_date: the printed documents' dates, every form and rule."""

from __future__ import annotations

import warnings
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clairlib.calendar import (
    CalendarError,
    CalendarWarning,
    EraOverflowError,
    EraRangeError,
    FiscalYear,
    Marks,
    Period,
    PeriodSet,
    UnreadableDateError,
    parse_date,
    parse_period,
)
from clairlib.errors import ClairlibError

ALPHABET = "0123456789２５一二十十元平成令和昭年度月日同各~～ー・①②() 　H.R曜木"

DATA = Path(__file__).parent.parent / "data"
CORPUS = DATA / "printed_dates.tsv"


def _corpus() -> list[tuple[str, str, str, str, str]]:
    lines = CORPUS.read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t") for line in lines if line and not line.startswith("#")]
    assert ["document", "line", "context", "expected", "text"] == rows[0]
    return [
        (document, line, context, expected, text)
        for document, line, context, expected, text in rows[1:]
    ]


ROWS = _corpus()


def test_the_corpus_covers_all_four_documents() -> None:
    """The golden corpus has over a hundred rows drawn from every printed document."""
    assert len(ROWS) > 100
    assert {"fy2011-plan", "fy2025-plan", "fy2013-report", "midterm-plan-2022"} == {
        document for document, *_ in ROWS
    }


def test_every_expression_is_printed_where_the_corpus_says() -> None:
    """Each expression stands in its document's text at its line, as typed in the corpus."""
    texts = {
        document: (DATA / "sources" / f"{document}.txt").read_text(encoding="utf-8").splitlines()
        for document in {document for document, *_ in ROWS}
    }
    misplaced = []
    for document, line, _, _, text in ROWS:
        printed = text.replace("\\n", "\n")
        start = int(line) - 1
        if printed not in "\n".join(texts[document][start : start + printed.count("\n") + 1]):
            misplaced.append((document, line, text))
    assert [] == misplaced


@pytest.mark.parametrize(
    ("document", "line", "context", "expected", "text"),
    ROWS,
    ids=[f"{document}:{line}:{text[:12]}" for document, line, _, _, text in ROWS],
)
def test_printed_expression(
    document: str, line: str, context: str, expected: str, text: str
) -> None:
    """Every date expression in the printed documents reads as worked out by hand."""
    fy = FiscalYear(int(context.removeprefix("FY")))
    assert expected == parse_period(text.replace("\\n", "\n"), context=fy).isoformat()


MONTHS_2013 = Period.between(Period.month(2013, 12), Period.month(2014, 1))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("平成二十五年十二月", Period.month(2013, 12)),
        ("平成二十五年八月一日", Period.day(date(2013, 8, 1))),
        ("二〇一三年五月", Period.month(2013, 5)),
        ("平成２５年１２月", Period.month(2013, 12)),
        ("平成 25 年 8～9 月", Period.between(Period.month(2013, 8), Period.month(2013, 9))),
        ("平成25年12月～同26年1月", MONTHS_2013),
        ("平成25年12月〜26年1月", MONTHS_2013),
        ("平成25年12月~26年1月", MONTHS_2013),
        ("平成25年12月-平成26年1月", MONTHS_2013),
        ("平成25年12月－平成26年1月", MONTHS_2013),
        ("平成25年12月ー平成26年1月", MONTHS_2013),
        ("平成25年12月～1月", MONTHS_2013),
        ("平成25年12月から平成26年1月まで", MONTHS_2013),
        ("平成25年4月～同年6月", Period.between(Period.month(2013, 4), Period.month(2013, 6))),
        ("平成26年2月1日～同年度3月", Period.between(date(2014, 2, 1), Period.month(2014, 3))),
        ("令和4年度～令和8年度", Period.fromisoformat("FY2022/FY2026")),
        ("令和4年度～8年度", Period.fromisoformat("FY2022/FY2026")),
        ("令和4～8年度", Period.fromisoformat("FY2022/FY2026")),
        ("2013 年 5 月", Period.month(2013, 5)),
        ("2013年5月1日", Period.day(date(2013, 5, 1))),
        ("2013年度", Period.fiscal_year(2013)),
        ("2013年", Period.year(2013)),
        ("H25.8.1", Period.day(date(2013, 8, 1))),
        ("Ｈ２５．８．１", Period.day(date(2013, 8, 1))),
        ("平成25.8.1", Period.day(date(2013, 8, 1))),
        ("R1.5.1", Period.day(date(2019, 5, 1))),
        ("R元.5.1", Period.day(date(2019, 5, 1))),
        ("H25.8", Period.month(2013, 8)),
        ("㍻25年8月1日", Period.day(date(2013, 8, 1))),
        ("令和元年5月1日", Period.day(date(2019, 5, 1))),
        ("平成25年8月1日(木)", Period.day(date(2013, 8, 1), weekday=3)),
        ("平成25年8月1日（木）", Period.day(date(2013, 8, 1), weekday=3)),
        (
            "平成25年7月1日(月)～7月5日(金)",
            Period(date(2013, 7, 1), date(2013, 7, 5), marks=Marks(start_weekday=0, end_weekday=4)),
        ),
        ("平成25年8月1日（木曜日）", Period.day(date(2013, 8, 1), weekday=3)),
        ("平成25年8月1日～9月30日", Period.between(date(2013, 8, 1), date(2013, 9, 30))),
        ("平成25年8月1日～15日", Period.between(date(2013, 8, 1), date(2013, 8, 15))),
        ("平成25年8月1～15日", Period.between(date(2013, 8, 1), date(2013, 8, 15))),
        ("平成25年度4月", Period.month(2013, 4)),
        ("平成25年度2月", Period.month(2014, 2)),
        ("(平成25年8月)", Period.month(2013, 8)),
        ("FY2013", Period.fiscal_year(2013)),
        ("2013-08-01/2013-09-30", Period.between(date(2013, 8, 1), date(2013, 9, 30))),
    ],
)
def test_forms_without_context(text: str, expected: Period) -> None:
    """Every form the brief names, read without a context."""
    assert expected == parse_period(text)


@pytest.mark.parametrize(
    ("text", "context", "expected"),
    [
        ("22 年度", FiscalYear(2011), "FY2010"),
        ("2～3 月", FiscalYear(2013), "2014-02/2014-03"),
        ("8 月", FiscalYear(2013), "2013-08"),
        ("3 月", FiscalYear(2013), "2014-03"),
        ("12～1月", FiscalYear(2013), "2013-12/2014-01"),
        ("8月1日～9月30日", FiscalYear(2013), "2013-08-01/2013-09-30"),
        ("7月1日(月)", FiscalYear(2013), "2013-07-01(Mon)"),
        ("3 月", 2013, "2013-03"),
        ("8月", 2014, "2014-08"),
        ("25年度", 2013, "FY2013"),
        ("同年4月", 2013, "2013-04"),
        ("同年度", FiscalYear(2013), "FY2013"),
        ("年度末", FiscalYear(2013), "FY2013(end)"),
        ("年末", FiscalYear(2013), "2013(end)"),
        ("年度末", date(2014, 2, 1), "FY2013(end)"),
        ("平成26年2月1日～年度末", None, "2014-02-01/FY2013(end)"),
        ("平成26年2月1日～同年度末", None, "2014-02-01/FY2013(end)"),
        ("平成25年12月1日～年末", None, "2013-12-01/2013(end)"),
        ("元年度", FiscalYear(2019), "FY2019"),
        ("31年度", FiscalYear(2019), "FY2019"),
        ("30年度", FiscalYear(2019), "FY2018"),
        ("6年度", FiscalYear(2025), "FY2024"),
        ("前年度", FiscalYear(2013), "FY2012"),
        ("昨年度", FiscalYear(2013), "FY2012"),
        ("本年度", FiscalYear(2013), "FY2013"),
        ("今年度", FiscalYear(2013), "FY2013"),
        ("翌年度", FiscalYear(2013), "FY2014"),
        ("来年度", FiscalYear(2013), "FY2014"),
        ("H25.8.1", FiscalYear(2020), "2013-08-01"),
        ("25.8.1", FiscalYear(2013), "2013-08-01"),
        ("7・8 月", FiscalYear(2013), "2013-07,2013-08"),
        ("①7月 ②9～10月 ③2月", FiscalYear(2013), "2013-07,2013-09/2013-10,2014-02"),
        ("①平成25年7月 ②9月", None, "2013-07,2013-09"),
        ("平成25年7月、9月", None, "2013-07,2013-09"),
        ("4月～各月", FiscalYear(2013), "R/2013-04/P1M"),
        ("平成25年4月～毎月", None, "R/2013-04/P1M"),
        ("平成25年12月～同月20日", None, "2013-12-01/2013-12-20"),
    ],
)
def test_context_supplies_what_is_left_out(
    text: str, context: FiscalYear | int | date | None, expected: str
) -> None:
    """Era and year come from the expression first, then from the context."""
    assert expected == parse_period(text, context=context).isoformat()


def test_numbered_list_and_recurrence_results() -> None:
    """Lists give a PeriodSet in written order; ～各月 gives a monthly recurrence."""
    items = parse_period("①平成25年7月 ②平成25年9～10月")
    assert (
        PeriodSet(
            [Period.month(2013, 7), Period.between(Period.month(2013, 9), Period.month(2013, 10))]
        )
        == items
    )
    assert PeriodSet([Period.month(2013, 4)], "P1M") == parse_period("平成25年4月～各月")


def test_results_are_cached_values(monkeypatch: pytest.MonkeyPatch) -> None:
    """A text read once in a context is not read again; another context is read afresh."""
    from clairlib.calendar import _parse

    read = _parse._read_further
    texts: list[str] = []

    def counted(text: str, *args: Any) -> Any:
        texts.append(text)
        return read(text, *args)

    monkeypatch.setattr(_parse, "_read_further", counted)
    monkeypatch.setattr(_parse, "_CACHE", {})  # other tests may have read 8月 already
    first = parse_period("8月", context=FiscalYear(2013))
    again = parse_period("8月", context=FiscalYear(2013))
    assert (Period.month(2013, 8), ["8月"]) == (first, texts)
    assert first is again
    assert Period.month(2014, 8) == parse_period("8月", context=FiscalYear(2014))
    assert ["8月", "8月"] == texts


def test_parse_date() -> None:
    """parse_date returns a datetime.date and refuses anything wider than a day."""
    assert date(2019, 5, 1) == parse_date("令和元年5月1日")
    assert date(2013, 8, 1) == parse_date("H25.8.1")
    assert date(2013, 7, 1) == parse_date("7月1日(月)", context=FiscalYear(2013))
    with pytest.raises(CalendarError, match="single day") as caught:
        parse_date("平成25年8月")
    assert "'2013-08'" in str(caught.value)


# -- strict by default --------------------------------------------------------------------


def _error(text: str, **options: object) -> CalendarError:
    with pytest.raises(CalendarError) as caught:
        parse_period(text, **options)  # type: ignore[arg-type]
    error = caught.value
    assert isinstance(error, ClairlibError)
    assert text == error.text
    if text:
        assert repr(text) in str(error)
    return error


def _part(error: CalendarError) -> str:
    assert error.span is not None
    start, end = error.span
    return error.text[start:end]


@pytest.mark.parametrize(
    ("text", "part", "kind"),
    [
        ("昭和64年1月8日", "昭和64年1月8日", EraOverflowError),
        ("平成31年5月1日", "平成31年5月1日", EraOverflowError),
        ("平成32年度", "平成32年度", EraOverflowError),
        ("平成31年5月", "平成31年5月", EraOverflowError),
        ("令和元年4月30日", "令和元年4月30日", EraRangeError),
        ("令和元年4月", "令和元年4月", EraRangeError),
        ("平成元年1月7日", "平成元年1月7日", EraRangeError),
        ("明治5年", "明治5年", EraRangeError),
        ("大正16年", "大正16年", EraOverflowError),
        ("平成25年12月～同32年1月", "同32年1月", EraOverflowError),
        ("H31.5.1", "H31.5.1", EraOverflowError),
    ],
)
def test_a_date_outside_its_era_is_refused(text: str, part: str, kind: type[CalendarError]) -> None:
    """Each era check raises the right error and points at the offending date."""
    error = _error(text)
    assert isinstance(error, kind)
    assert part == _part(error)


@pytest.mark.parametrize(
    ("text", "part", "message"),
    [
        ("平成25年13月", "13", "month 1..12"),
        ("平成25年0月", "0", "month 1..12"),
        ("平成25年2月29日", "29", "day 1..28"),
        ("平成２５年４月３１日", "３１", "day 1..30"),
        ("H25.2.30", "30", "day 1..28"),
        ("平成0年", "0", "1 (元) or more"),
        ("平成二十五年十三月", "十三", "month 1..12"),
        ("平成25年8月10日～8月1日", "平成25年8月10日～8月1日", "ends on or after"),
    ],
)
def test_impossible_months_and_days_are_refused(text: str, part: str, message: str) -> None:
    """Impossible numbers raise CalendarError pointing at the number."""
    error = _error(text)
    assert message in str(error)
    assert part == _part(error)


@pytest.mark.parametrize(
    ("text", "part", "message"),
    [
        ("平成25年8月ころ", "ころ", "end of the date"),
        ("来期", "来期", "expected a date"),
        ("", "", "expected a date"),
        ("   ", "   ", "expected a date"),
        ("平成", "平成", "year after the era"),
        ("平成年度", "平成年度", "year after the era"),
        ("年度", "年度", "year number"),
        ("平成25年月", "月", "month number"),
        ("25年度", "25", "era before the year"),
        ("8月", "8月", "expected a year"),
        ("15日", "15日", "expected a year"),
        ("平成25年15日", "15", "month before the day"),
        ("平成25年8～9", "8", "年, 月 or 日"),
        ("平成25年8月～各月、9月", "平成25年8月～各月", "各月 only"),
        ("同年4月", "同年4月", "earlier year"),
        ("年度末", "年度末", "a date before '年度末' to give its year"),
        ("同月", "同月", "earlier month for 同月"),
        ("前年度", "前年度", "context fiscal year"),
        ("平成同25年", "平成同25年", "not both"),
        ("2013-8", "2013-8", "YYYY-MM"),
        ("毎週水曜日1990年", "1990年", "list separator"),
        ("2013年4月1日から十十日間", "十十", "expected a number"),
    ],
)
def test_unreadable_text_is_refused(text: str, part: str, message: str) -> None:
    """Text that is not a date raises UnreadableDateError quoting the culprit."""
    error = _error(text)
    assert isinstance(error, UnreadableDateError)
    assert message in str(error)
    if part:
        assert part == _part(error)


@pytest.mark.parametrize("context", [FiscalYear(2013), 2013])
@pytest.mark.parametrize("text", ["同月", "同月20日"])
def test_the_same_month_needs_a_month_before_it(text: str, context: FiscalYear | int) -> None:
    """同月 alone is not read as the context's year: it needs an earlier month or a date."""
    error = _error(text, context=context)
    assert isinstance(error, UnreadableDateError)
    assert "earlier month for 同月" in str(error)
    assert text == _part(error)


@given(st.text(ALPHABET, max_size=24), st.sampled_from([None, FiscalYear(2013), 2013]))
def test_any_text_either_parses_or_raises_calendar_error(
    text: str, context: FiscalYear | int | None
) -> None:
    """Whatever the text, the parser returns a period or raises CalendarError, nothing else."""
    error: CalendarError | None = None
    try:
        result = parse_period(text, context=context)
    except CalendarError as caught:
        error = caught
    if error is None:
        assert isinstance(result, (Period, PeriodSet))
    else:
        assert text == error.text
        if error.span is not None:
            assert 0 <= error.span[0] <= error.span[1] <= len(text)


def test_non_text_is_refused() -> None:
    """A number is not a date expression."""
    with pytest.raises(UnreadableDateError, match="expected text"):
        parse_period(20130801)  # type: ignore[arg-type]


# -- lenient --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("平成32年度", "FY2020"),
        ("平成31年5月1日", "2019-05-01"),
        ("昭和64年1月8日", "1989-01-08"),
        ("平成33年3月", "2021-03"),
    ],
)
def test_lenient_accepts_an_era_year_past_its_end_and_warns(text: str, expected: str) -> None:
    """lenient=True reads the overflowing year and says so with a CalendarWarning."""
    with pytest.warns(CalendarWarning, match="lenient") as record:
        result = parse_period(text, lenient=True)
    assert expected == result.isoformat()
    assert __file__ == record[0].filename


def test_lenient_still_refuses_a_date_before_its_era() -> None:
    """An era cannot be written before it began, leniently or not."""
    with pytest.raises(EraRangeError, match="first day"):
        parse_period("令和元年4月30日", lenient=True)


def test_lenient_is_quiet_when_nothing_overflows() -> None:
    """A valid date parsed leniently gives no warning."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert Period.fiscal_year(2013) == parse_period("平成25年度", lenient=True)


def _warned(text: str, *filters: tuple[str, dict[str, Any]]) -> list[warnings.WarningMessage]:
    """The warnings parse_period issues for ``text`` under ``filters`` (the first first)."""
    with warnings.catch_warnings(record=True) as record:
        warnings.simplefilter("always")
        for action, options in reversed(filters):
            warnings.filterwarnings(action, **options)
        parse_period(text, lenient=True)
    return record


def test_a_warning_ignored_by_every_filter_that_applies_is_not_issued() -> None:
    """An 'ignore' filter on CalendarWarning, or on UserWarning above it, drops the warning."""
    assert [] == _warned("平成32年度", ("ignore", {"category": CalendarWarning}))
    assert [] == _warned("平成32年度", ("ignore", {"category": UserWarning}))
    assert [] == _warned("平成32年度", ("ignore", {}), ("always", {"category": CalendarWarning}))


def test_a_warning_ignored_only_for_some_messages_or_modules_is_still_issued() -> None:
    """Filters on another message, module or line, or on another category, let it through."""
    for options in (
        {"category": CalendarWarning, "message": "newest first"},
        {"category": CalendarWarning, "module": "elsewhere"},
        {"category": CalendarWarning, "lineno": 1},
        {"category": DeprecationWarning},
    ):
        record = _warned("平成32年度", ("ignore", options))
        assert [CalendarWarning] == [item.category for item in record]
        assert __file__ == record[0].filename


def test_an_error_filter_on_calendar_warnings_raises_them() -> None:
    """'error' for CalendarWarning turns the note into an exception, at the caller."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", CalendarWarning)
        with pytest.raises(CalendarWarning, match="lenient"):
            parse_period("平成32年度", lenient=True)


def test_lenient_with_context() -> None:
    """A context year that lands past the era's end is read leniently too."""
    with pytest.raises(EraOverflowError):
        parse_period("32年度", context=FiscalYear(2020))
    with pytest.warns(CalendarWarning):
        assert Period.fiscal_year(2020) == parse_period(
            "32年度", context=FiscalYear(2020), lenient=True
        )
