"""Reading date and period expressions the way Japanese documents print them.

An expression is a list of items separated by list marks (、・,と および ①②…, or
nothing after a day: ``11月7日(木)8日(金)``). An item is a point (see ``_points``),
a range ``a～b`` (any tilde or dash, から, より, 自…至, ending in まで, にかけて or
にわたって), an open range (``a～``, ``aから``, ``a以降``, ``aまで``, ``a以前``,
``自 a``, ``至 b``), a duration (``aから4日間``) or a recurrence (``a～各月``,
``毎年10月``, ``毎週水曜日``). A bare number before a range's or list's next point
takes that point's first unit (``8～9月``, ``7・8月``, ``10月4、5日``); after a month
it is the day (``5月29～6月1日``). What a point leaves out comes from the point
before it, then from ``context`` (see ``_resolve``).
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from dateutil.rrule import MONTHLY, rrule

from clairlib.calendar import _grammar as g
from clairlib.calendar._marks import DAY, MONTH, Marks
from clairlib.calendar._period import (
    FiscalYear,
    Period,
    join_marks,
    trusted_period,
)
from clairlib.calendar._periodset import PeriodSet, trusted_set
from clairlib.calendar._points import WEEKDAY_OF, Point
from clairlib.calendar._resolve import Context, Resolved, Resolver, duration_end

OPEN_BRACKETS, CLOSE_BRACKETS = "(（", ")）"
# Where a range mark is followed by another mark or word, it has nothing after it.
_AFTER_STARTS = frozenset(
    g.TILDES + g.DASHES + "、，,､･・;；" + g.CIRCLED + "かより至お及並とま迄以"
)
# A duration in months ('2カ月', '6ヶ月'): DURATION's month unit, not just its first
# character (the か of から is no duration).
_MONTHS_WORD = re.compile(r"[かカヶケヵ箇個]\s*+月")
# Only a text with a range or list mark can be a list for the list fast path.
_OPEN_END = Marks(open_end=True)
_OPEN_START = Marks(open_start=True)
_RECURRENCE = {"各月": "P1M", "毎月": "P1M", "毎週": "P1W", "毎年": "P1Y"}


_LEAD_CHARS = frozenset(" \t\n\r\u3000、，,､･・;；" + g.CIRCLED)


def _lead(text: str, pos: int, hi: int) -> int:
    """Where the next item starts: past the spaces and list marks at ``pos``."""
    if pos < hi and (text[pos] in _LEAD_CHARS or text[pos].isspace()):
        return g.LEAD.match(text, pos, hi).end()  # type: ignore[union-attr]
    return pos


def _is_month_end(point: Point) -> bool:
    """True for a bare 月末 ('12月1日～月末'): a month's last day, the month the point before's."""
    return (
        point.part == "end"
        and point.month_mark
        and point.month is None
        and not point.same
        and point.match.start("ym") < 0
        and point.era is None
        and point.day is None
        and point.bare is None
    )


class _Item:
    """One list item as read: its points and what joins them."""

    __slots__ = ("begin", "duration", "kind", "points", "recurrence", "stop")

    def __init__(self, kind: str, points: list[Point], stop: int, begin: int = -1) -> None:
        self.kind = kind  # "point", "range", "since", "until", "duration", "repeat", "every"
        self.points = points
        self.begin = begin
        self.stop = stop
        self.duration: tuple[int, str] | None = None
        self.recurrence: str | None = None

    @property
    def span(self) -> tuple[int, int]:
        """Where the item is in the text (worked out only for an error)."""
        begin = self.begin if self.begin >= 0 else self.points[0].first()
        return (begin, self.stop)


class Reader(Resolver):
    """Reads one expression: the text, the context, the options, and the notes to warn."""

    __slots__ = (
        "after",
        "after_at",
        "bares",
        "dotted",
        "fast",
        "has_clock",
        "peeked",
        "strict",
        "western",
    )

    def __init__(
        self, text: str, context: Context, lenient: bool, strict: bool, fast: bool = True
    ) -> None:
        # Resolver.__init__, inlined: a Reader is made for every text the lanes leave.
        self.text = text
        self.context = context
        self.lenient = lenient
        self.notes: list[str] = []
        self.strict = strict
        self.fast = fast
        self.has_clock = ":" in text or "：" in text
        # Only a text with a dot or a slash can hold a dotted or slashed date.
        self.dotted = "." in text or "/" in text or "．" in text or "／" in text
        self.western = fast and self.dotted
        self.bares = False  # whether a point has a bare number for settle_bare
        self.after: re.Match[str] | None = None
        self.after_at = -1
        self.peeked: tuple[int, int, re.Match[str] | None] = (-1, -1, None)

    # -- tokens ---------------------------------------------------------------------------

    def match_point(self, pos: int, end: int) -> re.Match[str] | None:
        """The point pattern's match at ``pos``, by the fast lane where it is the same.

        SIMPLE_POINT reads the common point (digits, 年, 年度, 月, 日, a weekday) in a
        fraction of POINT's time; it stands only where what follows could not go on
        as a point, so both give the same groups (a property test holds them to it).
        """
        peeked_at, peeked_end, peeked = self.peeked
        if peeked_at == pos and peeked_end == end:
            return peeked
        text = self.text
        if self.fast:
            simple = g.SIMPLE_POINT.match(text, pos, end)
            stop = simple.end()  # type: ignore[union-attr]  # every group is optional
            last = simple.lastindex  # type: ignore[union-attr]
            if last is not None and (
                stop == end
                or text[stop] in g.SIMPLE_STOPS
                or last == g.SIMPLE_TAIL
                or (last == g.SIMPLE_WEEKDAY and text[stop] in g.DIGITS and not self.has_clock)
            ):
                self.peeked = (pos, end, simple)
                return simple
        match = g.POINT.match(text, pos, end)
        self.peeked = (pos, end, match)
        return match

    def point(self, pos: int, end: int) -> Point:
        text = self.text
        if self.western:
            # Where WESTERN matches, it reads further than POINT can (POINT stops at
            # the dot or slash), so it is what the reader below would choose.
            dated = g.WESTERN.match(text, pos, end)
            if dated is not None:
                found = Point(dated)
                self.check_point(found)
                return found
        match = self.match_point(pos, end)
        try:
            point = None if match is None else Point(match)
        except ValueError as error:
            # A kanji numeral the pattern's characters allow but no number is ('十十').
            assert match is not None
            raise self.fail(f"expected a number, found {error}", match.span()) from None
        stop = pos if match is None else match.end()
        undated = point is None or (
            point.year is None and point.month is None and point.day is None
        )
        # WESTERN needs a dot or a slash, or eight digits in a row where a bare number
        # (at most four, then no digit) stands: neither can be there without the other.
        if (undated and (self.dotted or point is None or point.bare is None)) or (
            self.dotted and stop < end and text[stop] in "./．／"
        ):
            western = g.WESTERN.match(text, pos, end)
            if western is not None and western.end() > stop:
                point = Point(western)
                undated = False
        if undated and (point is None or (point.empty and point.part is None)):
            printed = text[pos:end].strip()[:8] or "the end"
            raise self.fail(
                f"expected a date such as '平成25年8月1日' or '令和4年度', found {printed!r}",
                (pos, max(pos + 1, end)),
            )
        assert point is not None  # an undated point with no match was refused just above
        if point.bare is not None:
            self.bares = True
        if (
            point.year is None
            or point.month is None
            or point.same
            or point.alt_year is not None
            or point.match.re is g.WESTERN
        ):
            self.check_point(point)
        return point

    def check_point(self, point: Point) -> None:
        """Refuse the incomplete shapes the point pattern lets through."""
        match = point.match
        if point.era is not None and point.year is None and point.bare is None:
            raise self.fail("expected a year after the era", point.span())
        if match.re is g.POINT:
            if (
                match.start("ym") >= 0
                and point.year is None
                and not point.same
                # 年末, 年度末 alone: the end of the year before's, or the context's.
                and not (point.part == "end" and point.year_kind in ("y", "fy"))
            ):
                raise self.fail("expected a year number before 年", point.span("ym"))
            if (
                point.month_mark
                and point.month is None
                and (not point.same or match.start("ym") >= 0)
                and not _is_month_end(point)
            ):
                raise self.fail("expected a month number before 月", point.span("mm"))
        if point.same and point.era is not None:
            raise self.fail("expected an era or 同, not both", point.span())
        if point.alt_year is not None and point.era is None and (point.year or 0) < 1000:
            raise self.fail("expected a western year beside the era year", point.span("alt_y"))

    # -- structure ------------------------------------------------------------------------

    def read(self) -> Period | PeriodSet:
        text = self.text
        lo, hi = 0, len(text)
        inner = text.strip()
        if len(inner) >= 2 and inner[0] in OPEN_BRACKETS and inner[-1] in CLOSE_BRACKETS:
            # A whole expression in brackets, as table cells print it.
            lo = text.index(inner[0]) + 1
            hi = text.rindex(inner[-1])
        items: list[_Item] = []
        pos = _lead(text, lo, hi)
        while pos < hi:
            item, pos = self.item(pos, hi)
            if not items and item.points and _is_month_end(item.points[0]):
                raise self.fail(
                    "expected a date before 月末 to give its month", item.points[0].span()
                )
            items.append(item)
            if pos >= hi:
                break
            after = self.after if self.after_at == pos else g.AFTER.match(text, pos, hi)
            if after is not None and after.lastgroup == "list":
                pos = after.end()
                # _lead, inlined: past the spaces and list marks after the mark.
                if pos < hi and (text[pos] in _LEAD_CHARS or text[pos].isspace()):
                    pos = g.LEAD.match(text, pos, hi).end()  # type: ignore[union-attr]
                continue
            pos = _lead(text, pos, hi)
            if pos < hi and not self.side_by_side(items[-1], pos, hi):
                raise self.fail(
                    f"expected the end of the date or a list separator, "
                    f"found {text[pos:hi].strip()!r}",
                    (pos, hi),
                )
        if not items:
            raise self.fail("expected a date, found nothing", (0, len(text)))
        if self.bares:
            self.settle_bare([p for item in items for p in item.points])
        return self.build(items)

    def side_by_side(self, last: _Item, pos: int, hi: int) -> bool:
        """True when another day follows a day with nothing between (``7日(木)8日(金)``)."""
        if not last.points:
            return False  # '毎週水曜日' has no point of its own for another to follow
        point = last.points[-1]
        if point.day is None and point.weekday is None:
            return False
        match = self.match_point(pos, hi)
        return match is not None and match.end() > pos and match.group("d") is not None

    def item(self, pos: int, hi: int) -> tuple[_Item, int]:
        text = self.text
        if "毎" in text or "各" in text:
            repeat = g.REPEAT.match(text, pos, hi)
            if repeat is not None:
                return self.standalone_repeat(repeat, hi)
        first = self.point(pos, hi)
        end = first.end
        item = _Item("point", [first], end)
        if first.pre == "至":
            item.kind = "until"
            return item, end
        after = g.AFTER.match(text, end, hi) if end < hi else None
        # read() looks for a list mark where this item ends: it may reuse this match.
        self.after, self.after_at = after, end
        kind = None if after is None else after.lastgroup
        if kind == "range":
            right = after.end()  # type: ignore[union-attr]
            # AFTER ate the spaces after the mark: 'right' is where the next word starts.
            if right >= hi or (
                text[right] in _AFTER_STARTS and g.AFTER.match(text, right, hi) is not None
            ):
                if first.t1 is not None and first.t2 is None and right >= hi:
                    return item, hi  # '15:00-': from that time
                if self.strict:
                    raise self.fail(
                        "expected a date after the range mark (strict=True reads no open "
                        "range from a range mark with nothing after it)",
                        (end, right),
                    )
                item.kind = "since"
                return item, right
            repeat = g.REPEAT.match(text, right, hi) if "毎" in text or "各" in text else None
            if repeat is not None:
                item.kind = "repeat"
                item.recurrence = _RECURRENCE[g.squeeze(repeat.group("word"))]
                item.stop = repeat.end()
                return item, repeat.end()
            durations = "間" in text or _MONTHS_WORD.search(text) is not None
            duration = g.DURATION.match(text, right, hi) if durations else None
            if duration is not None:
                item.kind = "duration"
                try:
                    count = g.number(g.squeeze(duration.group("n")))
                except ValueError as error:
                    # A kanji the pattern's characters allow but no number is ('十十').
                    raise self.fail(
                        f"expected a number, found {error}", duration.span("n")
                    ) from None
                item.duration = (count, duration.group("unit"))
                item.stop = duration.end()
                return item, duration.end()
            second = self.point(right, hi)
            item.kind = "range"
            item.points.append(second)
            end = second.end
            words = g.END_WORDS.match(text, end, hi)
            if words is not None:
                end = words.end()
            item.stop = end
            return item, end
        if kind == "until":
            item.kind = "until"
            return item, after.end()  # type: ignore[union-attr]
        if kind == "since" or first.pre == "自":
            item.kind = "since"
            return item, end if kind != "since" else after.end()  # type: ignore[union-attr]
        return item, end

    def standalone_repeat(self, repeat: re.Match[str], hi: int) -> tuple[_Item, int]:
        word = g.squeeze(repeat.group("word"))
        end = repeat.end()
        points: list[Point] = []
        if repeat.group("wd") is None and end < hi:
            points.append(self.point(end, hi))
            end = points[0].end
        item = _Item("every", points, end, repeat.start())
        item.recurrence = _RECURRENCE[word]
        wd = repeat.group("wd")
        item.duration = (-1 if wd is None else WEEKDAY_OF[wd], word)
        return item, end

    def settle_bare(self, points: list[Point]) -> None:
        """Give each bare number the unit it stands for."""
        for i, point in enumerate(points):
            bare = point.bare
            if bare is None:
                continue
            nxt = points[i + 1] if i + 1 < len(points) else None
            unit = nxt.unit if nxt is not None else ""
            if point.month is not None and point.day is None and unit in ("m", "d"):
                point.day = bare  # '5月29～6月1日': 日 left out on the left
            elif unit == "y" and point.year is None and point.month is None and point.day is None:
                assert nxt is not None
                point.year, point.year_kind, point.unit = bare, nxt.year_kind, "y"
                if nxt.year_kind == "decade" and point.era is None:
                    point.year_kind = "decade"
            elif unit == "m" and point.month is None and point.day is None:
                point.month = bare
                point.unit = point.unit or "m"
            elif unit == "d" and point.day is None and point.month is not None:
                point.day = bare
            elif point.era is not None and point.year is None and point.month is None:
                # 'H24', 'R3': tables print fiscal years as the era initial and a number.
                point.year, point.year_kind, point.unit = bare, "fy", "y"
            elif nxt is None and point.year is None and point.month is None and bare >= 1000:
                point.year, point.year_kind, point.unit = bare, "y", "y"
            else:
                raise self.fail(
                    f"expected 年, 月 or 日 after {bare}, found nothing that says which",
                    point.span("bare"),
                )
            point.bare = None

    # -- building -----------------------------------------------------------------------

    def build(self, items: list[_Item]) -> Period | PeriodSet:
        periods: list[Period] = []
        recurrence: str | None = None
        prev: Resolved | None = None
        opened = False  # an open range, which a list may not hold
        last = len(items) - 1
        for index, item in enumerate(items):
            kind = item.kind
            if kind == "every":
                period, prev = self.every(item, prev)
                recurrence = item.recurrence
                periods.append(period)
                continue
            left = self.resolve(item.points[0], prev)
            period = left.period
            prev = left
            if kind == "point":
                pass
            elif kind == "range":
                right = self.resolve(item.points[1], left)
                period = self.join(item, period, right)
                prev = right
            elif kind == "since" or kind == "until":
                period = self.open(period, open_end=kind == "since")
                opened = True
            elif kind == "duration":
                period = self.extend(item, period)
            elif kind == "repeat":
                recurrence = item.recurrence
                if index != last:
                    raise self.fail("expected 各月 only after the last period in a list", item.span)
            periods.append(period)
        if last == 0 and recurrence is None:
            return periods[0]
        if opened:
            raise self.fail("expected an open range on its own, not in a list", items[0].span)
        return trusted_set(tuple(periods), recurrence)

    def join(self, item: _Item, first: Period, right: Resolved) -> Period:
        last = right.period
        if last.end < first.start:
            if not right.explicit:
                raise self.fail(
                    f"expected a range that ends on or after its start "
                    f"{first.isoformat()}, found an end of {last.isoformat()}",
                    item.span,
                )
            # '令和4年度～平成25年度': tables print the newest first; the range is the same.
            self.notes.append(
                f"read {self.quote(item.span)!r} as {last.isoformat()}..{first.isoformat()}: "
                f"it was printed newest first"
            )
            first, last = last, first
        a, b = first.precision, last.precision
        precision = a if a is b else DAY if DAY in (a, b) else MONTH
        if first.marks is None and last.marks is None:
            return trusted_period(first.start, last.end, precision)
        return Period(first.start, last.end, precision, join_marks(first.marks, last.marks))

    def open(self, period: Period, *, open_end: bool) -> Period:
        if period.marks is not None:
            return Period.since(period) if open_end else Period.until(period)
        # What Period.since and Period.until build from an unmarked period, which they
        # would check and find right.
        if open_end:
            return trusted_period(period.start, date.max, period.precision, _OPEN_END)
        return trusted_period(date.min, period.end, period.precision, _OPEN_START)

    def extend(self, item: _Item, first: Period) -> Period:
        """'8月5日から4日間', '2016年度から3年間': the period that many units long."""
        assert item.duration is not None
        count, unit = item.duration
        if count < 1:
            raise self.fail(f"expected a duration of 1 or more, found {count}", item.span)
        start = first.start
        extent = duration_end(start, first.precision, count, g.squeeze(unit))
        if extent is None:
            raise self.fail(f"expected a duration that ends by 9998, found {count}", item.span)
        end, precision = extent
        if first.marks is None:
            return trusted_period(start, end, precision)
        return Period(start, end, precision, join_marks(first.marks, None))

    def every(self, item: _Item, prev: Resolved | None) -> tuple[Period, Resolved | None]:
        """'毎年10月', '毎月15日', '毎月', '毎週水曜日': the first occurrence, to repeat."""
        assert item.duration is not None
        weekday, word = item.duration
        points = item.points
        if points and not (points[0].month is None and points[0].day is not None):
            first = self.resolve(points[0], prev)
            return first.period, first
        start = self.anchor(item.span, word)
        if weekday >= 0:
            day = start + timedelta(days=(weekday - start.weekday()) % 7)
            return Period.day(day, weekday=weekday), prev
        if not points:
            if word == "毎週":
                # Every week from the day it starts, not that day's month every week.
                return Period.day(start), prev
            if word == "毎年":
                raise self.fail("expected a month or a day after 毎年, such as 毎年10月", item.span)
            return Period.month(start.year, start.month), prev
        # '毎月15日': the first such day on or after the start that exists.
        number = points[0].day
        assert number is not None
        rule = rrule(MONTHLY, dtstart=datetime(start.year, start.month, 1), bymonthday=number)
        found = rule.after(datetime(start.year, start.month, start.day), inc=True)
        if found is None or not 1 <= number <= 31:
            raise self.fail(f"expected a day 1..31, found {number}", points[0].span("d"))
        return Period.day(found.date()), prev

    def anchor(self, span: tuple[int, int], word: str) -> date:
        """Where a recurrence with no date of its own starts: the context's first day."""
        context = self.context
        if isinstance(context, date):
            return context
        if isinstance(context, FiscalYear):
            return context.start
        if isinstance(context, int) and not isinstance(context, bool):
            return date(context, 1, 1)
        raise self.fail(f"expected {_NEEDS_FOR_START} to read {word!r}", span)


_NEEDS_FOR_START = "context= a FiscalYear, a calendar year or a reference date where it starts"


__all__ = ["CLOSE_BRACKETS", "OPEN_BRACKETS", "Reader"]
