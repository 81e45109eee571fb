"""Writing dates, fiscal years and periods in the Japanese era calendar."""

from __future__ import annotations

from bisect import bisect_right
from datetime import date
from typing import Literal

from clairlib.calendar._era import (
    REGISTRY,
    Era,
    era_of,
    era_year_text,
    fiscal_year_era,
    fiscal_year_name,
)
from clairlib.calendar._marks import (
    EARLY,
    FISCAL_YEAR,
    FISCAL_YEAR_END,
    LATE,
    MIDDLE,
    MONTH,
    MONTH_END,
    WEEKDAY_KANJI,
    YEAR,
    YEAR_END,
    part_span,
)
from clairlib.calendar._numerals import write_number
from clairlib.calendar._period import Period
from clairlib.calendar._periodset import PeriodSet
from clairlib.errors import CalendarError

Digits = Literal["ascii", "fullwidth", "kanji"]
WarekiStyle = Literal["long", "short", "ligature"]

_DIGIT_STYLES = ("ascii", "fullwidth", "kanji")
_WAREKI_STYLES = ("long", "short", "ligature")


def _check_options(digits: str, style: str = "long") -> None:
    if digits not in _DIGIT_STYLES:
        raise CalendarError(f"expected digits 'ascii', 'fullwidth' or 'kanji', found {digits!r}")
    if style not in _WAREKI_STYLES:
        raise CalendarError(f"expected style 'long', 'short' or 'ligature', found {style!r}")


def format_wareki(
    day: date, *, gannen: bool = True, digits: Digits = "ascii", style: WarekiStyle = "long"
) -> str:
    """Write ``day`` in the era calendar: '令和元年5月1日'.

    ``gannen=False`` writes '令和1年'; ``digits`` picks ASCII, full-width or kanji
    numerals; ``style='short'`` writes 'R1.5.1' and ``style='ligature'`` '㋿元年5月1日'.
    """
    index = bisect_right(REGISTRY.starts, day) - 1
    if index >= 0 and digits == "ascii" and style == "long":
        # The common case, kept to one f-string: this sits in hot export loops.
        era = REGISTRY.eras[index]
        n = day.year - era.first_year + 1
        return f"{era.name}{'元' if n == 1 and gannen else n}年{day.month}月{day.day}日"
    _check_options(digits, style)
    era = era_of(day)
    if style == "short":
        n = day.year - era.first_year + 1
        return f"{era.initial}{n}.{day.month}.{day.day}"
    name = era.ligature if style == "ligature" and era.ligature else era.name
    year = era_year_text(era, day.year, gannen, digits)
    return f"{name}{year}年{write_number(day.month, digits)}月{write_number(day.day, digits)}日"


def format_fiscal_year(year: int, *, gannen: bool = True, digits: Digits = "ascii") -> str:
    """Write fiscal year ``year`` in the era calendar: '平成25年度', '令和元年度'."""
    _check_options(digits)
    return fiscal_year_name(year, gannen=gannen, digits=digits)


def _month_text(day: date, gannen: bool, digits: str) -> str:
    era = era_of(day)
    year = era_year_text(era, day.year, gannen, digits)
    return f"{era.name}{year}年{write_number(day.month, digits)}月"


def _side(period: Period, at_end: bool, gannen: bool, digits: str) -> tuple[Era, int, str]:
    """Return (era, Gregorian year, text) for one end of ``period`` at its precision."""
    precision = period.precision
    day = period.end if at_end else period.start
    if precision is FISCAL_YEAR:
        year = day.year - 1 if at_end else day.year
        era = fiscal_year_era(year)
        return era, year, f"{era.name}{era_year_text(era, year, gannen, digits)}年度"
    if precision is YEAR:
        era = era_of(date(day.year, 1, 1))
        return era, day.year, f"{era.name}{era_year_text(era, day.year, gannen, digits)}年"
    if precision is MONTH:
        return (
            era_of(day.replace(day=1)),
            day.year,
            _month_text(day.replace(day=1), gannen, digits),
        )
    era = era_of(day)
    return era, day.year, format_wareki(day, gannen=gannen, digits=digits)  # type: ignore[arg-type]


def _shorten(text: str, era: Era, same_year: bool, same_month: bool) -> str:
    """Drop the era, year and month a range's right side shares with its left side."""
    rest = text[len(era.name) :]
    if not same_year:
        return rest
    rest = rest[rest.index("年") + 1 :] or rest
    if same_month and rest.endswith("日"):
        rest = rest[rest.index("月") + 1 :]
    return rest


def format_period(
    period: Period | PeriodSet,
    *,
    style: Literal["wareki", "iso"] = "wareki",
    gannen: bool = True,
    digits: Digits = "ascii",
) -> str:
    """Write a period so that :func:`parse_period` reads it back to the same value.

    Wareki ranges drop what the right side shares with the left, as documents do:
    '平成25年12月～26年1月', '平成25年8月1日～9月30日', '令和4年度～8年度'. A PeriodSet is
    written as a numbered list '①…②…', with '～各月' style recurrences as '～毎P1M'.
    """
    if style == "iso":
        return period.isoformat()
    if style != "wareki":
        raise CalendarError(f"expected style 'wareki' or 'iso', found {style!r}")
    _check_options(digits)
    if isinstance(period, PeriodSet):
        return _format_set(period, gannen, digits)
    return _format_one(period, gannen, digits)


_PART_TEXT = {
    EARLY: "上旬",
    MIDDLE: "中旬",
    LATE: "下旬",
    MONTH_END: "末",
}


def _marked_side(period: Period, at_end: bool, gannen: bool, digits: str) -> str:
    """One side of a period with marks, written in full (weekday, part, time, 頃)."""
    marks = period.marks
    assert marks is not None
    day = period.end if at_end else period.start
    part = marks.end_part if at_end else marks.start_part
    if part is FISCAL_YEAR_END:
        text = fiscal_year_name(day.year - 1, gannen=gannen, digits=digits) + "末"
    elif part is YEAR_END:
        era = era_of(day)  # 31 December's era: 令和元年末, not 平成31年末
        text = f"{era.name}{era_year_text(era, day.year, gannen, digits)}年末"
    elif part is not None:
        # The era of the part's first day: '平成元年1月中旬' (1989-01-11..20).
        era = era_of(part_span(part, day.year, day.month)[0])
        year = era_year_text(era, day.year, gannen, digits)
        text = f"{era.name}{year}年{write_number(day.month, digits)}月{_PART_TEXT[part]}"
    else:
        text = _side(period, at_end, gannen, digits)[2]
    weekday = marks.end_weekday if at_end else marks.start_weekday
    if weekday is not None:
        text += f"({WEEKDAY_KANJI[weekday]})"
    clock = marks.end_time if at_end else marks.start_time
    if clock is not None:
        text += f"{clock.hour}:{clock.minute:02d}"
    return text + "頃" if marks.approximate else text


def _format_marked(period: Period, gannen: bool, digits: str) -> str:
    marks = period.marks
    assert marks is not None
    if marks.open_start:
        return _marked_side(period, True, gannen, digits) + "まで"
    left = _marked_side(period, False, gannen, digits)
    if marks.open_end:
        return left + "以降"
    single = period.isoformat().find("/") < 0
    if single:
        return left
    if (
        period.start == period.end
        and marks.start_time is not None
        and marks.end_time is not None
        and (marks.start_weekday, marks.approximate) == (marks.end_weekday, False)
    ):
        # '9月3日(火)10:00～12:30': one day, two times.
        return f"{left}～{marks.end_time.hour}:{marks.end_time.minute:02d}"
    return f"{left}～{_marked_side(period, True, gannen, digits)}"


def _format_one(period: Period, gannen: bool, digits: str) -> str:
    if period.marks is not None:
        return _format_marked(period, gannen, digits)
    era, year, left = _side(period, False, gannen, digits)
    single = period.isoformat().find("/") < 0
    if single:
        return left
    end_era, end_year, right = _side(period, True, gannen, digits)
    if end_era == era and period.precision is not FISCAL_YEAR:
        same_month = period.start.month == period.end.month
        right = _shorten(right, era, end_year == year, same_month)
    elif end_era == era:
        right = right[len(era.name) :]
    return f"{left}～{right}"


_EVERY = {"P1M": "毎月", "P1W": "毎週", "P1Y": "毎年"}
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def _format_set(periods: PeriodSet, gannen: bool, digits: str) -> str:
    items = [_format_one(period, gannen, digits) for period in periods]
    last = periods[-1]
    if periods.recurrence is None:
        pass
    elif (
        periods.recurrence == "P1M"
        and last.precision is MONTH
        and (last.start.year, last.start.month) == (last.end.year, last.end.month)
    ):
        items[-1] += "～各月"
    elif periods.recurrence in _EVERY and "/" not in last.isoformat():
        items[-1] += "～" + _EVERY[periods.recurrence]
    else:
        # Japanese has words for every month, week and year; nothing else round-trips.
        raise CalendarError(
            f"expected a recurrence of a month, a week or a year (P1M, P1W, P1Y) after a "
            f"single day or month to write in wareki, found {periods.recurrence!r} after "
            f"{last.isoformat()!r}",
            text=periods.isoformat(),
        )
    if len(items) == 1:
        return items[0]
    if len(items) <= len(_CIRCLED):
        return " ".join(mark + item for mark, item in zip(_CIRCLED, items, strict=False))
    return "、".join(items)
