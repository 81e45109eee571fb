"""The parser's fast paths: plain dates, and lists and ranges of plain months and years.

``_parse._read`` tries these first. Each reads only texts whose every item names its
own era or western year, builds the Periods directly, and returns None for anything
else (or anything wrong), which the full reader then reads and words. Properties in
the tests hold both to the same answers.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from clairlib.calendar import _grammar as g
from clairlib.calendar._marks import (
    _DAYS_IN_MONTH,
    DAY,
    FISCAL_YEAR,
    MONTH,
    YEAR,
    Precision,
    month_end,
)
from clairlib.calendar._period import Period, trusted_period
from clairlib.calendar._period import new_object as _new
from clairlib.calendar._period import set_end as _set_end
from clairlib.calendar._period import set_marks as _set_marks
from clairlib.calendar._period import set_precision as _set_precision
from clairlib.calendar._period import set_start as _set_start
from clairlib.calendar._periodset import PeriodSet, trusted_set
from clairlib.calendar._points import SMALL as _SMALL

# Filled in place by _grammar.compile_patterns, so these names stay current.
_ERA_YEARS = g.ERA_YEARS
_MONTHS = g.MONTHS


#: Each calendar year's own Periods, built the first time the lanes read one of them: the
#: year (index 0), its months (1..12) and the fiscal year it starts (13). Periods are
#: values, so the lanes hand out the same one for every '平成25年9月' they read.
_UNITS: dict[int, tuple[Period, ...]] = {}


def units(year: int) -> tuple[Period, ...]:
    """The Periods of ``year`` (1..9998): the year, its twelve months, its fiscal year."""
    found = _UNITS.get(year)
    if found is None:
        if len(_UNITS) >= 1024:
            _UNITS.clear()
        months = tuple(
            trusted_period(date(year, month, 1), month_end(year, month), MONTH)
            for month in range(1, 13)
        )
        found = _UNITS[year] = (
            trusted_period(date(year, 1, 1), date(year, 12, 31), YEAR),
            *months,
            trusted_period(date(year, 4, 1), date(year + 1, 3, 31), FISCAL_YEAR),
        )
    return found


#: Days after a month's first day to its last (a leap February is one more).
MONTH_REST = tuple(timedelta(days=max(days - 1, 0)) for days in _DAYS_IN_MONTH)
LEAP_FEBRUARY = timedelta(days=28)


_PLAIN_ENDS = frozenset("年度月日")
_DIGITS = frozenset("0123456789")

# A western day in figures: '2014.06.03', '2019/3/15', compact '20190315'.
_WESTERN = re.compile(
    r"\s*+([0-9]{4})(?:([./])([0-9]{1,2})\2([0-9]{1,2})|([0-9]{2})([0-9]{2}))\s*+"
)


def plain(text: str) -> Period | None:
    """The fast path: a lone '[era] year 年[度] [month 月 [day 日]]' with its own year,
    or a western day in figures ('2014.06.03', '2019/3/15', '20190315').

    Anything else, or anything wrong, returns None and goes down the full reader,
    which gives the same answer (a property test holds both to it) and words errors.
    """
    # PLAIN ends in 年, 度, 月 or 日 and the spaces after; a western day in a digit. A text
    # that ends otherwise is no plain date: the lane is not tried on it.
    final = text[-1:]
    match = g.PLAIN.fullmatch(text) if final in _PLAIN_ENDS or final.isspace() else None
    if match is None:
        if (final in _DIGITS or final.isspace()) and (text[:1].isdigit() or text[:1].isspace()):
            return _western(text)
        return None
    name, y, mark, mo, d = match.groups()
    # Table lookups, not arithmetic, and no era bounds to check in an era's whole
    # years: this is the hot path of every parse.
    first: date | None = None
    if name is not None:
        years = _ERA_YEARS.get(name)
        if years is None:
            name = g.squeeze(name)  # '平\n成'
            years = _ERA_YEARS[name]
        whole = years.get(y)
        if whole is None:
            # An era's first or last year (or an odd spelling): check the era's bounds.
            edge = plain_year(name, y)
            if edge is None:
                return None
            year, first, last = edge
        else:
            year = whole[0]
    else:
        year = _SMALL.get(y) or int(y)  # '元' with no era: the reader says which it needs
        if not 1000 <= year <= 9998:
            return None
    if mo is not None:
        if mark != "年":
            return None
        month = _MONTHS.get(mo)
        if month is None:
            return None
        if d is not None:
            try:
                start = end = date(year, month, _SMALL.get(d) or int(d))
            except ValueError:
                return None
            if first is not None and (end < first or start > last):
                return None
            # trusted_period, inlined: a day is what documents print most.
            period: Period = _new(Period)
            _set_start(period, start)
            _set_end(period, end)
            _set_precision(period, DAY)
            _set_marks(period, None)
            return period
    else:
        month = 0 if mark == "年" else 13
    whole_unit = (_UNITS.get(year) or units(year))[month]
    if first is not None and (whole_unit.end < first or whole_unit.start > last):
        return None
    return whole_unit


def plain_year(name: str | None, y: str) -> tuple[int, date, date] | None:
    """A plain year's Gregorian number and the first and last day its era allows.

    None where the reader refuses the year: a western year before 1000 or past 9998,
    an era year 0 or one that ends past 9998.
    """
    number = _SMALL.get(y) or int(y)
    if name is None:
        return None if not 1000 <= number <= 9998 else (number, date.min, date.max)
    if number < 1:
        return None
    offset, first, last = g.ERA_SPANS[name]
    if offset + number > 9998:
        return None
    return offset + number, first, last


def _months_list(text: str) -> Period | PeriodSet | None:
    # plain_list's commonest lists, months in an era's whole years (each item a month or
    # a range of months of one year): the Periods its general steps build, in fewer.
    periods: list[Period] = []
    covered = 0
    for printed, lead, name, y, mo, mo2 in g.PLAIN_MONTHS.findall(text):
        covered += len(printed)
        if periods and (not lead or lead.isspace()):
            return None  # items are separated by a list mark, not by spaces alone
        years = _ERA_YEARS.get(name)
        whole = None if years is None else years.get(y)
        month = _MONTHS.get(mo, 0)
        if whole is None or not month:
            return None
        year, months = whole
        if not mo2:
            periods.append((_UNITS.get(year) or units(year))[month])
            continue
        month2 = _MONTHS.get(mo2, 0)
        if month2 < month:
            return None  # '12～1月' runs into the next year: the general steps'
        periods.append(trusted_period(months[month][0], months[month2][1], MONTH))
    if not periods or covered != len(text):
        return None
    return periods[0] if len(periods) == 1 else trusted_set(tuple(periods))


def plain_list(text: str) -> tuple[Period | PeriodSet, list[NewestFirst]] | None:
    """The fast path for lists and ranges of plain months, years and fiscal years.

    '①平成 25 年 4 月 ②平成 25 年 7～8 月', '令和4年度～令和8年度': every item names its
    own era or western year. Returns the Period or PeriodSet and the notes the reader
    would make (a range printed newest first, worded by ``str()``); anything else
    returns None for the full reader, which gives the same answer (a property test
    holds both to it).
    """
    # Every item in one call: findall gives the items a match at each item's end would
    # give, and they are the whole text exactly when their lengths add up to it.
    if g.PLAIN_HEAD.match(text) is None:
        return None
    if "年度" not in text:
        of_months = _months_list(text)
        if of_months is not None:
            return of_months, []
    items = g.PLAIN_ITEMS.findall(text)
    if not items:
        return None
    periods: list[Period] = []
    notes: list[NewestFirst] = []
    covered = 0  # the items' lengths, which add up to the text's if they are all of it
    # findall gives '' for a group that did not match: every group is tested for text.
    for printed, lead, name, y, mark, mo, mm, tilde, name2, same, y2, mark2, mo2 in items:
        covered += len(printed)
        if periods and (not lead or lead.isspace()):
            return None  # items are separated by a list mark, not by spaces alone
        if name and not tilde:
            # A month, year or fiscal year in one of its era's whole years, what most
            # items are: that year's own Period, as the steps below find it.
            years = _ERA_YEARS.get(name)
            whole = None if years is None else years.get(y)
            if whole is not None:
                if not mo:
                    year = whole[0]
                    periods.append((_UNITS.get(year) or units(year))[13 if mark == "年度" else 0])
                    continue
                month = _MONTHS.get(mo, 0)
                if month and mm and mark == "年":
                    year = whole[0]
                    periods.append((_UNITS.get(year) or units(year))[month])
                    continue
        fiscal = mark == "年度"
        # The left side: from the tables in an era's whole years, as in plain().
        first: date | None = None
        months = None
        if name:
            years = _ERA_YEARS.get(name)
            if years is None:
                name = g.squeeze(name)  # '平\n成'
                years = _ERA_YEARS[name]
            whole = years.get(y)
            if whole is None:
                left = plain_year(name, y)
                if left is None:
                    return None
                year, first, last = left
            else:
                year, months = whole
        else:
            year = _SMALL.get(y) or int(y)
            if not 1000 <= year <= 9998:
                return None
        month = 0
        if not mo:
            if mo2:
                return None
            if fiscal:
                start, own_end, precision = date(year, 4, 1), date(year + 1, 3, 31), FISCAL_YEAR
            else:
                start, own_end, precision = date(year, 1, 1), date(year, 12, 31), YEAR
        else:
            month = _MONTHS.get(mo, 0)
            if fiscal or not month or not (mm or mo2):
                return None
            if months is not None:
                start, own_end = months[month]
            else:
                start, own_end = date(year, month, 1), month_end(year, month)
            precision = MONTH
        if first is not None and (start < first or start > last):
            return None
        stop = own_end
        if tilde:
            right_era: str | None
            if not y2:
                if not mo2:
                    return None
                right_era, right_year = name or None, year
            else:
                if mark2 != mark or (same and (name2 or not name)):
                    return None
                if name2 and name2 not in _ERA_YEARS:
                    name2 = g.squeeze(name2)
                number2 = _SMALL.get(y2) or int(y2)
                right_era = name2 or (name if same or number2 < 1000 else None) or None
                right = plain_year(right_era, y2)
                if right is None:
                    return None
                right_year = right[0]
            if not mo2:
                if mo:
                    return None
                if fiscal:
                    check, stop = date(right_year, 4, 1), date(right_year + 1, 3, 31)
                else:
                    check, stop = date(right_year, 1, 1), date(right_year, 12, 31)
            else:
                if not mo or (not mm and y2):
                    return None
                month2 = _MONTHS.get(mo2)
                if month2 is None:
                    return None
                if not y2 and months is not None and month2 >= month:
                    # '平成25年7～8月': the same whole year of its era, from the table, with
                    # no era bounds to check.
                    check, stop = months[month2]
                    right_era = None
                else:
                    if not y2 and month2 < month:
                        right_year += 1  # '12月～1月' runs into the next year
                        if right_year > 9998:
                            return None
                    check, stop = date(right_year, month2, 1), month_end(right_year, month2)
            if right_era is not None:
                _, era_first, era_last = g.ERA_SPANS[right_era]
                if check < era_first or check > era_last:
                    return None
            if stop < start:
                # '令和4年度～平成25年度': read as the range it means, with the reader's note.
                notes.append(NewestFirst(printed[len(lead) :], start, check, precision))
                start, stop = check, own_end
        if not tilde:
            periods.append((_UNITS.get(start.year) or units(start.year))[month or fiscal * 13])
            continue
        period: Period = _new(Period)  # trusted_period, inlined: this runs for every item
        _set_start(period, start)
        _set_end(period, stop)
        _set_precision(period, precision)
        _set_marks(period, None)
        periods.append(period)
    if covered != len(text):
        return None
    if len(periods) == 1:
        return periods[0], notes
    return trusted_set(tuple(periods)), notes


class NewestFirst:
    """The reader's note on a range printed newest first: its text is its ``str()``.

    Worded only when it is issued (a filter that ignores it never needs the words):
    '令和4年度～平成25年度' is ``read '令和4年度～平成25年度' as FY2013..FY2022: it was
    printed newest first``, the ISO text of each side's own month, year or fiscal year.
    """

    __slots__ = ("earlier", "later", "precision", "printed")

    def __init__(self, printed: str, later: date, earlier: date, precision: Precision) -> None:
        self.printed, self.later, self.earlier, self.precision = printed, later, earlier, precision

    def __str__(self) -> str:
        newer = _unit(self.later, self.precision).isoformat()
        older = _unit(self.earlier, self.precision).isoformat()
        return f"read {self.printed!r} as {older}..{newer}: it was printed newest first"

    def __repr__(self) -> str:
        return repr(str(self))


def _unit(start: date, precision: Precision) -> Period:
    """The month, year or fiscal year that starts on ``start``, from the year's units."""
    index = start.month if precision is MONTH else 0 if precision is YEAR else 13
    return (_UNITS.get(start.year) or units(start.year))[index]


def _western(text: str) -> Period | None:
    """A lone western day in figures, or None (for the reader to read or refuse)."""
    match = _WESTERN.fullmatch(text)
    if match is None:
        return None
    y, _, mo, d, compact_mo, compact_d = match.groups()
    year = int(y)
    if not 1000 <= year <= 9998:
        return None
    try:
        day = date(year, int(mo or compact_mo), int(d or compact_d))
    except ValueError:
        return None
    return trusted_period(day, day, DAY)
