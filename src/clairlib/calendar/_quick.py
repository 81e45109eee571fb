"""The reader's fast lane: lists and ranges of plain points, read in one pass.

'7・8 月', '2013年12月6日(金)と7日(土)', '11月7日(木)8日(金)', '5月29～6月1日', 'H10-R3',
'1960～80年代', '自 平成24年4月1日 至 平成25年3月31日', '平成10年度から', '22 年 2 月'
(with a fiscal year as context): every point in digits, with at most an era, a year
(年, 年度, 年代), a month, a day, a bare number and a printed weekday. One pattern
finds every item (``QUICK_ITEM``, whose points are SIMPLE_POINT's); the points are
then settled, resolved (``_quickpoint``) and built by the reader's rules (see ``_reader`` and
``_resolve``), without its objects. Anything else returns None for the reader: a
text it would refuse or warn about, an era's bounds to check. The reader then
gives the same answer or words the error; properties in the tests hold both to it.
Days of one month listed, side by side or as a range ('2013年10月4、5日') are read
first in a pass of their own (``_read_days``), which gives what the items' steps
give, or None for them.
"""

from __future__ import annotations

from datetime import date

from clairlib.calendar import _grammar as g
from clairlib.calendar._era import Era
from clairlib.calendar._marks import DAY, MONTH
from clairlib.calendar._period import FiscalYear, Period, join_marks, trusted_period
from clairlib.calendar._period import new_object as _new
from clairlib.calendar._period import set_end as _set_end
from clairlib.calendar._period import set_marks as _set_marks
from clairlib.calendar._period import set_precision as _set_precision
from clairlib.calendar._period import set_start as _set_start
from clairlib.calendar._periodset import PeriodSet, trusted_set
from clairlib.calendar._points import WEEKDAY_OF
from clairlib.calendar._quickpoint import (
    _APPROXIMATE,
    _OPEN_END,
    _OPEN_START,
    _RECURRENCE,
    _SMALL,
    _UNIT,
    _UNTIL,
    P_BARE,
    P_DAY,
    P_ERA,
    P_KIND,
    P_MONTH,
    P_PAST,
    P_TIMES,
    P_UNIT,
    P_WEEKDAY,
    P_YEAR,
    _clock_of,
    _Point,
    _resolve,
    _Resolved,
)
from clairlib.calendar._resolve import _MARKS, Context, duration_end
from clairlib.errors import CalendarError


def _number(text: str) -> int:
    """A year as printed: digits, 元 or kanji (ValueError for a kanji that is no number)."""
    found = _SMALL.get(text)
    if found is None:
        return int(text) if text[0] in g.DIGITS else g.number(text)
    return found


def _point(
    slashed_month: str,
    slashed_day: str,
    era: str,
    rel: str,
    y: str,
    ym: str,
    alt_era: str,
    alt_y: str,
    mo: str,
    d: str,
    bare: str,
    part: str,
    wd: str,
    t1: str,
    t2: str,
    tail: str,
) -> _Point | None:
    """A point's parts from its groups, or None where nothing dated was printed.

    None too where the reader refuses the point or words something about it: an era
    before a relative word, a kanji that is no number, a year in brackets beside an
    era year of no era.
    """
    if slashed_month:
        mo, d = slashed_month, slashed_day
    elif not (y or rel or mo or d or bare) or (era and not (y or bare)):
        return None  # an era or a weekday alone, an era with no year: the reader refuses it
    found: Era | None = (g.ERAS.get(era) or g.ERAS[g.squeeze(era)]) if era else None
    year: int | None = None
    if y:
        year = _SMALL.get(y)
        if year is None:
            try:
                year = int(y) if y[0] in g.DIGITS else g.number(y)
            except ValueError:
                return None  # a kanji that is no number ('十十')
    beside = None
    if alt_y:
        if found is None and (year is None or year < 1000):
            return None  # the reader wants a western year beside the era year
        try:
            beside = (
                (g.ERAS.get(alt_era) or g.ERAS[g.squeeze(alt_era)]) if alt_era else None,
                _number(alt_y),
            )
        except ValueError:
            return None
    if rel:
        relative = g.RELATIVE[rel]
        kind, unit = relative[0], "y"
    else:
        relative = None
        if ym:
            kind, unit = _UNIT[ym], "y"
        else:
            kind, unit = "", "m" if mo else "d" if d else ""
    return [
        found,
        year,
        kind,
        _SMALL[mo] if mo else None,
        _SMALL[d] if d else None,
        (_SMALL.get(bare) or int(bare)) if bare else None,
        WEEKDAY_OF[wd] if wd else None,
        unit,
        part,
        tail in _APPROXIMATE,
        relative,
        beside,
        (_clock_of(t1), _clock_of(t2) if t2 else None) if t1 else None,
        False,
    ]


_DAY_ENDS = frozenset("日)）")
#: The point _point makes of a day alone ('5日'), its day and weekday to be set.
_DAY_ALONE: _Point = [
    None,
    None,
    "",
    None,
    None,
    None,
    None,
    "d",
    "",
    False,
    None,
    None,
    None,
    False,
]


def _printed_year(name: str | None, y: str) -> tuple[Era | None, int] | None:
    # A year printed in digits: an era's (with the era), or a western year from 1000.
    number = _SMALL.get(y) or int(y)
    if name is None:
        return (None, number) if number >= 1000 else None
    era = g.ERAS.get(name)
    if era is None or number < 1:
        return None
    return era, era.first_year + number - 1


def _read_days(text: str, context: Context) -> Period | PeriodSet | None:
    """A month's days listed or side by side ('2013年10月4、5日', '11月7日(木)8日(金)'), or a
    range of days ('11月10日から13日', '5月29～6月1日'), read as the rest of the lane reads
    them, in fewer steps; None for the rest of the lane.

    Only the plainest spellings: the year, if printed, in digits (an era's, or a
    western year from 1000; else a fiscal or calendar year as context), every day
    after the first with its 日, a day side by side only after a weekday (after a 日
    alone QUICK_ITEM reads the number as the day's bare number, and refuses it).
    """
    head = g.QUICK_DAYS_HEAD.match(text)
    if head is None:
        return None
    covered, size = head.end(), len(text)
    if covered == size:
        return None  # one day: the rest of the lane reads it
    since, name, y, mo, d, _, wd = head.groups()
    era: Era | None = None
    if y is None:
        if context.__class__ is FiscalYear:
            year, fiscal = context.year, True
        elif context.__class__ is int:
            year, fiscal = context, False
        else:
            return None
    else:
        printed = _printed_year(name, y)
        if printed is None:
            return None
        era, year = printed
        fiscal = False
    month = _SMALL[mo]
    calendar_year = year + 1 if fiscal and month < 4 else year
    if not 1 <= month <= 12 or not 1 <= calendar_year <= 9998:
        return None
    if wd is None:
        span = g.QUICK_DAYS_RANGE.fullmatch(text, covered)
        if span is not None:
            return _day_range(era, year, fiscal, month, calendar_year, _SMALL[d], *span.groups())
    if since is not None:
        return None  # 自 before a list: the rest of the lane refuses it
    days = [(_SMALL[d], wd)]
    after_weekday = wd is not None
    while covered < size:
        item = g.QUICK_DAY.match(text, covered)
        if item is None:
            return None
        word, mark, d, wd = item.groups()
        if not (word or mark or after_weekday):
            return None
        covered = item.end()
        days.append((_SMALL[d], wd))
        after_weekday = wd is not None
    periods: list[Period] = []
    for day, wd in days:
        try:
            start = date(calendar_year, month, day)
        except ValueError:
            return None
        if era is not None and (start < era.start or (era.end is not None and start > era.end)):
            return None
        marks = None
        if wd is not None:
            weekday = WEEKDAY_OF[wd]
            if start.weekday() != weekday:
                return None
            marks = _MARKS[weekday, None, False]
        period: Period = _new(Period)
        _set_start(period, start)
        _set_end(period, start)
        _set_precision(period, DAY)
        _set_marks(period, marks)
        periods.append(period)
    return trusted_set(tuple(periods))


def _day_range(
    era: Era | None,
    year: int,
    fiscal: bool,
    month: int,
    calendar_year: int,
    first: int,
    name: str | None,
    y: str | None,
    later: str | None,
    last: str,
) -> Period | None:
    """The range from ``first`` of ``month`` to the day ``last`` (of ``later``, if printed,
    and of the era ``name``'s or the western year ``y``), as _build joins two days with
    no marks. With no year of its own, the later day is of the first's era and year,
    and its month runs into the next calendar year when it comes first in the year
    (not in a fiscal year, which holds both).
    """
    if y is not None:
        # A year of its own, in digits: an era's, or a western year from 1000.
        if later is None:
            return None  # a day to a year: the rest of the lane's
        printed = _printed_year(name, y)
        if printed is None:
            return None
        later_era, calendar_year2 = printed
        month2 = _SMALL[later]
    else:
        later_era = era
        month2 = month if later is None else _SMALL[later]
        year2 = year + 1 if later is not None and not fiscal and month2 < month else year
        calendar_year2 = year2 + 1 if fiscal and month2 < 4 else year2
    if not 1 <= month2 <= 12 or not 1 <= calendar_year2 <= 9998:
        return None
    try:
        start, end = date(calendar_year, month, first), date(calendar_year2, month2, _SMALL[last])
    except ValueError:
        return None
    if end < start:
        return None  # printed newest first (a note) or refused: the reader's
    if era is not None and (start < era.start or (era.end is not None and start > era.end)):
        return None
    if later_era is not None and (
        end < later_era.start or (later_era.end is not None and end > later_era.end)
    ):
        return None
    period: Period = _new(Period)
    _set_start(period, start)
    _set_end(period, end)
    _set_precision(period, DAY)
    _set_marks(period, None)
    return period


def read_quick(text: str, context: Context, strict: bool) -> Period | PeriodSet | None:
    """The expression ``text`` reads as, or None for the reader (see the module)."""
    ends_in_day = text[-1:] in _DAY_ENDS
    # Days listed hold a list mark or word between them, or a weekday's bracket before
    # the last day; a range of days its mark.
    if ends_in_day and g.QUICK_DAYS_AFTER.search(text, 0, len(text) - 1) is not None:
        days = _read_days(text, context)
        if days is not None:
            return days
    if g.QUICK_BLOCKED.search(text) is not None:
        return None
    kinds: list[str] = []
    points: list[_Point] = []
    lengths: list[tuple[int, str]] = []  # each duration's count and unit, in order
    recurrence: str | None = None
    repeats_day = False  # 毎年, 毎月 before the point (which must have its month)
    bares = False
    last: _Point | None = None  # the last point of the item before, for side by side
    # Each item where the one before ends, and no search past a place where none starts
    # (findall would try every later place).
    match = g.QUICK_ITEM.match
    covered, size = 0, len(text)
    # A day alone is looked for last only where the text ends in a day or its weekday
    # (with spaces after, QUICK_ITEM reads it).
    while covered < size:
        if ends_in_day and last is not None:
            alone = g.QUICK_DAY.fullmatch(text, covered)
            if alone is not None:
                # The list's last item, a day alone: the point _point makes of it.
                word, mark, d, wd = alone.groups()
                if not (word or mark) and last[P_DAY] is None and last[P_WEEKDAY] is None:
                    return None
                day_point = _DAY_ALONE.copy()
                day_point[P_DAY] = _SMALL[d]
                if wd is not None:
                    day_point[P_WEEKDAY] = WEEKDAY_OF[wd]
                points.append(day_point)
                kinds.append("point")
                break
        found = match(text, covered)
        if found is None:
            return None
        (
            word, mark, every, pre,
            sm1, sd1, e1, r1, y1, k1, ae1, ay1, m1, d1, b1, p1, w1, t1, u1, x1,
            join, again, count, unit,
            sm2, sd2, e2, r2, y2, k2, ae2, ay2, m2, d2, b2, p2, w2, t2, u2, x2,
            close, opening,
        ) = found.groups("")  # fmt: skip
        covered = found.end()
        first = _point(sm1, sd1, e1, r1, y1, k1, ae1, ay1, m1, d1, b1, p1, w1, t1, u1, x1)
        if first is None:
            return None  # nothing dated
        if last is not None:
            # Items are joined by a list word or mark, or are days side by side.
            if not (word or mark) and ((last[P_DAY] is None and last[P_WEEKDAY] is None) or not d1):
                return None
        elif word:
            return None  # a list word before the first item
        points.append(first)
        last = first
        if every or again:
            # '毎年10月', '平成25年4月～各月': one point that repeats, as Reader.every and
            # the reader's repeat read it (a list of them, or with 自, is the reader's).
            if recurrence is not None or pre or (every and (join or opening)):
                return None
            recurrence = _RECURRENCE[g.squeeze(every or again)]
            repeats_day = bool(every)
            kinds.append("point")
            bares = bares or first[P_BARE] is not None
            continue
        if pre == "至":
            if join or opening:
                return None
            kind = "until"
        elif join:
            if count:
                kind = "duration"
                lengths.append((int(count), g.squeeze(unit)))
            else:
                second = _point(sm2, sd2, e2, r2, y2, k2, ae2, ay2, m2, d2, b2, p2, w2, t2, u2, x2)
                if second is None:
                    # Nothing dated after the mark: only spaces, or the reader's to refuse.
                    if e2 or r2 or y2 or ae2 or ay2 or p2 or w2 or t2 or u2 or x2 or close:
                        return None
                    if first[P_TIMES] is not None and first[P_TIMES][1] is None and covered == size:
                        kind = "point"  # '15:00-': from that time, on that day
                    elif strict:
                        return None
                    else:
                        kind = "since"  # a range mark with nothing after it
                else:
                    kind = "range"
                    points.append(second)
                    last = second
                    bares = bares or second[P_BARE] is not None
        elif opening:
            kind = "until" if opening in _UNTIL else "since"
        else:
            kind = "since" if pre == "自" else "point"
        if pre == "去る":
            first[P_PAST] = True
        kinds.append(kind)
        bares = bares or first[P_BARE] is not None
    if not kinds:
        return None
    if len(kinds) > 1 and ("since" in kinds or "until" in kinds):
        return None  # an open range in a list: the reader refuses it
    if bares and not _settle(points):
        return None
    if recurrence is None:
        return _build(kinds, points, lengths, context)
    if len(kinds) != 1 or (repeats_day and points[0][P_MONTH] is None):
        return None  # '毎月15日' counts its day with rrule, a list repeats: the reader's
    found_period = _build(kinds, points, lengths, context)
    if found_period is None:
        return None
    assert isinstance(found_period, Period)
    return trusted_set((found_period,), recurrence)


def _settle(points: list[_Point]) -> bool:
    """Give each bare number its unit as the reader's settle_bare does; False if none fits."""
    count = len(points)
    following = 0  # the index of the point after this one
    for point in points:
        following += 1
        bare = point[P_BARE]
        if bare is None:
            continue
        nxt = points[following] if following < count else None
        unit = nxt[P_UNIT] if nxt is not None else ""
        year, month, day = point[P_YEAR], point[P_MONTH], point[P_DAY]
        if month is not None and day is None and unit in ("m", "d"):
            point[P_DAY] = bare
        elif unit == "y" and year is None and month is None and day is None:
            assert nxt is not None
            point[P_YEAR], point[P_KIND], point[P_UNIT] = bare, nxt[P_KIND], "y"
        elif unit == "m" and month is None and day is None:
            point[P_MONTH] = bare
            point[P_UNIT] = point[P_UNIT] or "m"
        elif point[P_ERA] is not None and year is None and month is None:
            point[P_YEAR], point[P_KIND], point[P_UNIT] = bare, "fy", "y"
        elif nxt is None and year is None and month is None and bare >= 1000:
            point[P_YEAR], point[P_KIND], point[P_UNIT] = bare, "y", "y"
        else:
            return False
        point[P_BARE] = None
    return True


def _build(
    kinds: list[str], points: list[_Point], lengths: list[tuple[int, str]], context: Context
) -> Period | PeriodSet | None:
    """The Periods of the items, as the reader's build, join, open and extend make them."""
    periods: list[Period] = []
    prev: _Resolved | None = None
    index = 0
    read = 0  # the durations read
    for kind in kinds:
        left = _resolve(points[index], prev, context)
        if left is None:
            return None
        index += 1
        prev = left
        _, _, _, _, start, end, precision, marks, whole = left
        if kind == "range":
            right = _resolve(points[index], left, context)
            if right is None:
                return None
            index += 1
            prev = right
            _, _, _, _, _, end, other, end_marks, _ = right
            if end < start:
                return None  # printed newest first (a note) or refused: the reader's
            if precision is not other:
                precision = DAY if DAY in (precision, other) else MONTH
            if marks is not None or end_marks is not None:
                try:
                    periods.append(Period(start, end, precision, join_marks(marks, end_marks)))
                except CalendarError:
                    return None
                continue
        elif kind == "duration":
            count, unit = lengths[read]
            read += 1
            extent = duration_end(start, precision, count, unit)
            if extent is None:
                return None
            end, precision = extent
            if marks is not None:
                try:
                    periods.append(Period(start, end, precision, join_marks(marks, None)))
                except CalendarError:
                    return None
                continue
        elif kind != "point":
            if marks is not None:
                point_period = trusted_period(start, end, precision, marks)
                try:
                    periods.append(
                        Period.since(point_period)
                        if kind == "since"
                        else Period.until(point_period)
                    )
                except CalendarError:
                    return None
                continue
            if kind == "since":
                end, marks = date.max, _OPEN_END
            else:
                start, marks = date.min, _OPEN_START
        elif whole is not None and marks is None:
            periods.append(whole)
            continue
        # trusted_period, inlined: every point of every list is built here.
        period: Period = _new(Period)
        _set_start(period, start)
        _set_end(period, end)
        _set_precision(period, precision)
        _set_marks(period, marks)
        periods.append(period)
    if len(periods) == 1:
        return periods[0]
    return trusted_set(tuple(periods))


__all__ = ["read_quick"]
