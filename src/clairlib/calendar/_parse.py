"""Reading date and period expressions the way Japanese public documents write them.

The text is folded (see ``_normalize``) and then read as items separated by ','
(list marks ①② and 、・ fold to ','), each item one point or a range ``a~b``
(``から`` and dashes fold to '~'/'-') or a recurrence ``a~各月``. A point is
``[era|同][year 年|年度][month 月][day 日]`` with every part optional, or the dotted
``H25.8.1``. A bare number before a range's or a list's next point takes that
point's first unit (``8~9月``, ``7・8月``). Missing parts come from the previous
point in the same expression, then from ``context``.
"""

from __future__ import annotations

import re
import sys
import warnings
from datetime import date
from functools import lru_cache

from clairlib.calendar._era import (
    GREGORIAN_START,
    REGISTRY,
    CalendarWarning,
    Era,
    EraOverflowError,
    EraRangeError,
    UnreadableDateError,
)
from clairlib.calendar._fast import SMALL_NUMBERS as _SMALL
from clairlib.calendar._fast import read_simple as _simple
from clairlib.calendar._normalize import normalize, source_span
from clairlib.calendar._period import (
    FiscalYear,
    Period,
    PeriodSet,
    Precision,
    month_end,
    trusted_period,
)
from clairlib.errors import CalendarError

Context = FiscalYear | int | None

DAY, MONTH, YEAR, FISCAL_YEAR = (
    Precision.DAY,
    Precision.MONTH,
    Precision.YEAR,
    Precision.FISCAL_YEAR,
)


def _between(first: Period, last: Period) -> Period:
    """Join two checked periods into a range at the finest precision both fit."""
    a, b = first.precision, last.precision
    precision = a if a is b else DAY if DAY in (a, b) else MONTH
    return trusted_period(first.start, last.end, precision)


_RELATIVE_FY = {
    "前年度": -1,
    "昨年度": -1,
    "本年度": 0,
    "今年度": 0,
    "当年度": 0,
    "翌年度": 1,
    "来年度": 1,
    "次年度": 1,
}
_POINT: re.Pattern[str]
_DOTTED: re.Pattern[str]


def _compile() -> None:
    global _POINT, _DOTTED
    names = sorted((known.name for known in REGISTRY.eras), key=len, reverse=True)
    initials = "".join(known.initial for known in REGISTRY.eras)
    era = "(?P<era>" + "|".join(map(re.escape, names)) + f"|[{initials}](?=[0-9元]))"
    _POINT = re.compile(
        f"{era}?(?P<same>同)?"
        r"(?:(?P<y>[0-9]{1,4}|元)?(?P<ym>年度|年))?"
        r"(?:(?P<mo>[0-9]{1,2})?(?P<mm>月))?"
        r"(?:(?P<d>[0-9]{1,2})日)?"
        r"(?P<bare>[0-9]{1,4})?"
    )
    _DOTTED = re.compile(
        f"{era}?" r"(?P<y>[0-9]{1,4}|元)\.(?P<mo>[0-9]{1,2})(?:\.(?P<d>[0-9]{1,2}))?"
    )
    _parse_cached.cache_clear()


class _Point:
    """One point as written: the parts present and where they are in the folded text."""

    __slots__ = ("bare", "day", "era", "match", "month", "same", "unit", "year", "year_fy")

    def __init__(self, match: re.Match[str]) -> None:
        self.match = match
        if match.re is _POINT:
            # Positional groups: building a groupdict costs more than the rest together.
            name, same, y, ym, mo, mm, d, bare = match.groups()
        else:
            name, y, mo, d = match.group("era", "y", "mo", "d")
            same = ym = mm = bare = None
        self.era: Era | None = REGISTRY.by_name[name] if name else None
        self.same = same is not None
        self.year: int | None = None if y is None else (_SMALL.get(y) or int(y))
        self.year_fy = ym == "年度"
        self.month: int | None = None if mo is None else (_SMALL.get(mo) or int(mo))
        self.day: int | None = None if d is None else (_SMALL.get(d) or int(d))
        self.bare: int | None = None if bare is None else int(bare)
        # The first unit written: what a bare number before this point means.
        if y is not None or ym:
            self.unit = "y"
        elif mo is not None or mm:
            self.unit = "m"
        else:
            self.unit = "d" if d is not None else ""

    def has(self, group: str) -> bool:
        return group in self.match.re.groupindex and self.match.start(group) >= 0

    def span(self, group: str | None = None) -> tuple[int, int]:
        if group is None or not self.has(group):
            return self.match.span()
        return self.match.span(group)


class _Resolved:
    """A point turned into a Period, with the parts a following point may inherit."""

    __slots__ = ("era", "fiscal", "month", "period", "year")

    def __init__(
        self, period: Period, era: Era | None, year: int, month: int | None, fiscal: bool
    ) -> None:
        self.period = period
        self.era = era
        self.year = year
        self.month = month
        self.fiscal = fiscal


class _Reader:
    """State for reading one expression: the texts, the context and the strictness."""

    __slots__ = ("context", "folded", "lenient", "notes", "text")

    def __init__(self, text: str, folded: str, context: Context, lenient: bool) -> None:
        self.text = text
        self.folded = folded
        self.context = context
        self.lenient = lenient
        self.notes: list[str] = []

    def fail(
        self, message: str, span: tuple[int, int], kind: type[CalendarError] = UnreadableDateError
    ) -> CalendarError:
        start, end = source_span(self.text, *span)
        return kind(message, text=self.text, span=(start, end))

    def quote(self, span: tuple[int, int]) -> str:
        start, end = source_span(self.text, *span)
        return self.text[start:end]

    # -- reading --------------------------------------------------------------------------

    def point(self, pos: int, end: int) -> _Point:
        folded = self.folded
        match = None
        if "." in folded:
            match = _DOTTED.match(folded, pos, end)
        if match is None:
            match = _POINT.match(folded, pos, end)
        if match is None or match.end() == pos:
            found = folded[pos : min(end, pos + 8)] or "the end"
            raise self.fail(
                f"expected a date such as '平成25年8月1日' or '令和4年度', found {found!r}",
                (pos, max(pos + 1, end)),
            )
        point = _Point(match)
        if point.year is None or point.month is None or point.same:
            self.check_point(point)
        return point

    def check_point(self, point: _Point) -> None:
        """Refuse the incomplete shapes the point pattern lets through."""
        if point.year is None and point.era is not None and point.bare is None:
            raise self.fail("expected a year after the era", point.span())
        if point.has("ym") and point.year is None and not point.same:
            raise self.fail("expected a year number before 年", point.span("ym"))
        if point.has("mm") and point.month is None and (not point.same or point.has("ym")):
            raise self.fail("expected a month number before 月", point.span("mm"))
        if point.same and point.era is not None:
            raise self.fail("expected an era or 同, not both", point.span())

    def read(self) -> Period | PeriodSet:
        folded = self.folded
        lo, hi = 0, len(folded)
        # A whole expression in brackets, as table cells often print it.
        if hi >= 2 and folded[0] == "(" and folded[-1] == ")":
            lo, hi = 1, hi - 1
        if folded[lo:hi] in _RELATIVE_FY:
            return self.relative(folded[lo:hi], lo)
        # Items: each a list of points (one, or two for a range) and a recurrence flag.
        items: list[tuple[list[_Point], bool]] = []
        pos = lo
        while True:
            while pos < hi and folded[pos] == ",":
                pos += 1
            if pos >= hi:
                break
            first = self.point(pos, hi)
            points = [first]
            pos = first.match.end()
            recurring = False
            if pos < hi and folded[pos] in "~-":
                if folded.startswith(("各月", "毎月"), pos + 1, hi):
                    recurring = True
                    pos += 3
                else:
                    second = self.point(pos + 1, hi)
                    points.append(second)
                    pos = second.match.end()
            items.append((points, recurring))
            if pos < hi and folded[pos] != ",":
                raise self.fail(
                    f"expected the end of the date or a list separator, found {folded[pos:hi]!r}",
                    (pos, hi),
                )
        if not items:
            raise self.fail("expected a date, found nothing", (0, len(folded)))
        self.settle_bare([p for points, _ in items for p in points])
        return self.build(items)

    def settle_bare(self, points: list[_Point]) -> None:
        """Give each bare number the first unit of the point after it."""
        for i, point in enumerate(points):
            bare = point.bare
            if bare is None:
                continue
            nxt = points[i + 1] if i + 1 < len(points) else None
            unit = nxt.unit if nxt is not None else ""
            if unit == "y" and point.year is None and point.month is None and point.day is None:
                assert nxt is not None
                point.year, point.year_fy, point.unit = bare, nxt.year_fy, "y"
            elif unit == "m" and point.month is None and point.day is None:
                point.month = bare
                point.unit = point.unit or "m"
            elif unit == "d" and point.day is None and point.month is not None:
                point.day = bare
            else:
                raise self.fail(
                    f"expected 年, 月 or 日 after {bare}, found nothing that says which",
                    point.span("bare"),
                )
            point.bare = None

    def build(self, items: list[tuple[list[_Point], bool]]) -> Period | PeriodSet:
        periods: list[Period] = []
        recurrence: str | None = None
        prev: _Resolved | None = None
        for index, (points, recurring) in enumerate(items):
            left = self.resolve(points[0], prev)
            period = left.period
            prev = left
            if len(points) == 2:
                right = self.resolve(points[1], left)
                if right.period.end < period.start:
                    raise self.fail(
                        f"expected a range that ends on or after its start "
                        f"{period.isoformat()}, found an end of {right.period.isoformat()}",
                        (points[0].match.start(), points[1].match.end()),
                        CalendarError,
                    )
                period = _between(period, right.period)
                prev = right
            if recurring:
                if index != len(items) - 1 or period.precision is not Precision.MONTH:
                    span = (points[0].match.start(), points[-1].match.end() + 3)
                    raise self.fail("expected 各月 only after the last month in a list", span)
                recurrence = "P1M"
            periods.append(period)
        if len(periods) == 1 and recurrence is None:
            return periods[0]
        return PeriodSet(periods, recurrence)

    def relative(self, word: str, pos: int) -> Period:
        base = self.context_year()
        if base is None:
            raise self.fail(
                f"expected a context fiscal year to read {word!r}", (pos, pos + len(word))
            )
        return Period.fiscal_year(base + _RELATIVE_FY[word])

    # -- resolving ----------------------------------------------------------------------

    def context_year(self) -> int | None:
        context = self.context
        if context is None:
            return None
        return context.year if isinstance(context, FiscalYear) else int(context)

    def implied_era(self, number: int, span: tuple[int, int]) -> Era:
        """Pick the era that puts era year ``number`` closest to the context year."""
        reference = self.context_year()
        if reference is None:
            raise self.fail(
                f"expected an era before the year {number} (or a context fiscal year)", span
            )
        best: Era | None = None
        best_distance = 0
        for era in REGISTRY.eras:
            year = era.first_year + number - 1
            if year < era.start.year:
                continue
            distance = abs(year - reference)
            if best is None or distance <= best_distance:
                best, best_distance = era, distance
        if best is None:
            raise self.fail(f"expected an era year that exists, found {number}", span)
        return best

    def resolve(self, point: _Point, prev: _Resolved | None) -> _Resolved:
        era = point.era
        month = point.month
        fiscal = False
        # ``year`` is the Gregorian year, or the fiscal year when ``fiscal`` is set.
        if point.year is not None:
            number = point.year
            if era is None and (point.same or number < 1000):
                if prev is not None and prev.era is not None:
                    era = prev.era
                else:
                    era = self.implied_era(number, point.span("y"))
            if era is not None:
                if number < 1:
                    raise self.fail(
                        f"expected an era year of 1 (元) or more, found {number}",
                        point.span("y"),
                        CalendarError,
                    )
                year = era.gregorian_year(number)
            else:
                year = number
            fiscal = point.year_fy
        elif point.same and point.has("ym"):
            if prev is not None:
                era, year, fiscal = prev.era, prev.year, point.year_fy or prev.fiscal
            elif (reference := self.context_year()) is not None:
                year, fiscal = reference, isinstance(self.context, FiscalYear)
            else:
                raise self.fail("expected an earlier year for 同年 to repeat", point.span())
        elif prev is not None:
            era, year, fiscal = prev.era, prev.year, prev.fiscal
            if month is None:
                month = prev.month
            elif not fiscal and prev.month is not None and month < prev.month:
                # '平成25年12月～1月': the right side runs into the next year.
                year += 1
        elif (reference := self.context_year()) is not None:
            year, fiscal = reference, isinstance(self.context, FiscalYear)
        else:
            raise self.fail(
                "expected a year (an era such as 平成25年, a western year or a context)",
                point.span(),
            )
        if month is None and point.day is not None:
            raise self.fail("expected a month before the day", point.span("d"))
        if month is not None and not 1 <= month <= 12:
            raise self.fail(
                f"expected a month 1..12, found {month}", point.span("mo"), CalendarError
            )
        calendar_year = year + 1 if fiscal and month is not None and month < 4 else year
        if not 1 <= calendar_year <= 9998:
            raise self.fail(f"expected a year 1..9998, found {calendar_year}", point.span("y"))
        day = point.day
        if day is not None:
            assert month is not None
            last = month_end(calendar_year, month).day
            if not 1 <= day <= last:
                raise self.fail(
                    f"expected a day 1..{last} in {calendar_year}-{month:02d}, found {day}",
                    point.span("d"),
                    CalendarError,
                )
            when = date(calendar_year, month, day)
            period = trusted_period(when, when, DAY)
        elif month is not None:
            period = trusted_period(
                date(calendar_year, month, 1), month_end(calendar_year, month), MONTH
            )
        elif fiscal:
            period = trusted_period(date(year, 4, 1), date(year + 1, 3, 31), FISCAL_YEAR)
        else:
            period = trusted_period(date(year, 1, 1), date(year, 12, 31), YEAR)
        if era is not None:
            self.check_era(era, period, point.span())
        return _Resolved(period, era, year, month, fiscal)

    def check_era(self, era: Era, period: Period, span: tuple[int, int]) -> None:
        if period.end < era.start:
            if era.start == GREGORIAN_START:
                raise self.fail(
                    f"expected a date on or after 明治6年1月1日 (1873-01-01, the Gregorian "
                    f"calendar in Japan), found {self.quote(span)!r} ({period.isoformat()})",
                    span,
                    EraRangeError,
                )
            raise self.fail(
                f"expected a date on or after {era.name}'s first day "
                f"{era.start.isoformat()}, found {self.quote(span)!r} ({period.isoformat()})",
                span,
                EraRangeError,
            )
        if era.end is not None and period.start > era.end:
            message = (
                f"expected a date on or before {era.name}'s last day {era.end.isoformat()}, "
                f"found {self.quote(span)!r} ({period.isoformat()})"
            )
            if not self.lenient:
                raise self.fail(message, span, EraOverflowError)
            self.notes.append(f"{message}; read as {period.isoformat()} because lenient=True")


_OPEN, _CLOSE = ("(", "（"), (")", "）")


def _is_iso(folded: str) -> bool:
    head = folded[:4]
    return folded.isascii() and (
        folded.startswith(("FY", "R/"))
        or (head.isdigit() and len(head) == 4 and (len(folded) == 4 or folded[4] in "-/,"))
    )


def _parse_text(text: str, context: Context = None, lenient: bool = False) -> Period | PeriodSet:
    if not isinstance(text, str):
        raise UnreadableDateError(f"expected text, found {type(text).__name__}")
    simple = _simple(text)
    if simple is not None:
        return simple
    inner = text.strip()
    if inner[:1] in _OPEN and inner[-1:] in _CLOSE:
        # A table cell's '(平成 24 年度)': the bracketed point is still a simple one.
        simple = _simple(inner[1:-1])
        if simple is not None:
            return simple
    folded = normalize(text)
    if _is_iso(folded) and "." not in folded:
        try:
            if "," in folded or folded.startswith("R/"):
                return PeriodSet.fromisoformat(folded)
            return Period.fromisoformat(folded)
        except CalendarError as error:
            span = source_span(text, *error.span) if error.span else None
            raise UnreadableDateError(error.reason, text=text, span=span) from None
    reader = _Reader(text, folded, context, lenient)
    result = reader.read()
    for note in reader.notes:
        warnings.warn(CalendarWarning(note), stacklevel=_caller_level())
    return result


def _caller_level() -> int:
    """Return the stacklevel of the first frame outside clairlib.calendar."""
    frame = sys._getframe(1)
    level = 1
    while frame is not None and frame.f_globals.get("__name__", "").startswith("clairlib.calendar"):
        frame = frame.f_back  # type: ignore[assignment]
        level += 1
    return level


@lru_cache(maxsize=8192)
def _parse_cached(text: str, context: Context) -> Period | PeriodSet:
    return _parse_text(text, context, False)


_compile()
REGISTRY.listeners.append(_compile)


#: Read ``text`` without consulting the cache (for measuring the parser itself).
parse_uncached = _parse_text


def parse_period(
    text: str, *, context: FiscalYear | int | None = None, lenient: bool = False
) -> Period | PeriodSet:
    """Read a date or period expression such as '平成25年8～9月' into a Period or PeriodSet.

    ``context`` (a FiscalYear, or an int calendar year) supplies what the text leaves
    out: the era of '22年度', the year of '8月'. ``lenient=True`` accepts an era year
    past the era's end (a document written before an era change) and says so with a
    :class:`CalendarWarning`.
    """
    try:
        return _parse_cached(text, context)
    except EraOverflowError:
        if not lenient:
            raise
    except TypeError:
        # Unhashable arguments cannot be cached; the parser itself reports them.
        pass
    return _parse_text(text, context, lenient)


def parse_date(
    text: str, *, context: FiscalYear | int | None = None, lenient: bool = False
) -> date:
    """Read a single day such as '令和元年5月1日' or 'H25.8.1' into a ``datetime.date``."""
    result = parse_period(text, context=context, lenient=lenient)
    if isinstance(result, Period) and result.precision is Precision.DAY and result.days() == 1:
        return result.start
    raise CalendarError(
        f"expected a single day, found {result.isoformat()!r}", text=text, span=(0, len(text))
    )
