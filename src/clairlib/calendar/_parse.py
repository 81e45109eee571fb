"""The calendar's entry points: the fast lanes, ISO text, then the reader; the cache.

``parse_period`` and ``parse_date`` read what documents print (see ``_reader`` for the
grammar of an expression); a lone plain date and lists of plain months and years take
the fast lanes of ``_fastpath`` first. Results without a warning are cached.
"""

from __future__ import annotations

import re
import sys
import warnings
from collections.abc import Sequence
from datetime import date

from clairlib.calendar import _grammar as g
from clairlib.calendar._era import REGISTRY, CalendarWarning, UnreadableDateError
from clairlib.calendar._fastpath import plain as _plain
from clairlib.calendar._fastpath import plain_list as _plain_list
from clairlib.calendar._marks import DAY, Marks
from clairlib.calendar._period import FiscalYear, Period, period_fromiso
from clairlib.calendar._periodset import PeriodSet, set_fromiso
from clairlib.calendar._quick import read_quick
from clairlib.calendar._reader import CLOSE_BRACKETS, OPEN_BRACKETS, Reader
from clairlib.calendar._resolve import Context
from clairlib.errors import CalendarError

_RANGE_ENDS = (*g.TILDES, *g.DASHES, "から", "より")
_LISTISH = re.compile("[" + re.escape(g.TILDES + g.DASHES) + "、，,・" + g.CIRCLED + "]|から|より")


def _warn(notes: Sequence[object]) -> None:
    """Issue each note as a CalendarWarning at the caller's line, unless it would be dropped.

    ``warnings.warn`` finds the first filter that applies and, for an ignored warning,
    does nothing more (no registry keeps it). Where the first filter that applies to
    CalendarWarning applies to every one of them (no message, module or line to
    match) and ignores them, the warning is dropped here in the same way, without
    the frames walked or the message matched; any other filter and ``warnings.warn``
    decides, as always.
    """
    for action, message, category, module, lineno in warnings.filters:
        if issubclass(CalendarWarning, category):
            if action == "ignore" and message is None and module is None and not lineno:
                return
            break
    level = _caller_level()
    for note in notes:
        warnings.warn(CalendarWarning(str(note)), stacklevel=level)


def _caller_level() -> int:
    """Return the stacklevel of the first frame outside clairlib.calendar."""
    frame = sys._getframe(1)
    level = 1
    while frame is not None and frame.f_globals.get("__name__", "").startswith("clairlib.calendar"):
        frame = frame.f_back  # type: ignore[assignment]
        level += 1
    return level


# A day printed with slashes, year first (2019/3/15): never ISO 8601, which has dashes.
_SLASHED_DAY = re.compile(r"[0-9]{4}/[0-9]{1,2}/[0-9]{1,2}")


def _is_iso(text: str) -> bool:
    head = text[:4]
    return text.isascii() and (
        text.startswith(("FY", "R/", ".."))
        or (head.isdigit() and len(head) == 4 and (len(text) == 4 or text[4] in "-/,"))
    )


def _read(
    text: str, context: Context, lenient: bool, strict: bool, fast: bool = True
) -> tuple[Period | PeriodSet, Sequence[object]]:
    """The parser: the fast lanes where they apply, ISO text, the reader.

    With ``fast`` (always, but in the tests that hold the lanes to the reader) a lone
    plain date, or a list or range of plain months and years, is built directly, and
    the reader matches its common points by its own fast lane. Either way, the same
    text gives the same Period, or the same error. The public functions take the
    first lane themselves (a lone plain date: most of what documents print) and then
    :func:`_read_further`, which is this function without it. Each note's text is its
    ``str()``: the list lane words its own only when it is issued.
    """
    if fast and text.__class__ is str:
        plain = _plain(text)
        if plain is not None:
            return plain, _NO_NOTES
    return _read_further(text, context, lenient, strict, fast)


def _read_further(
    text: str, context: Context, lenient: bool, strict: bool, fast: bool
) -> tuple[Period | PeriodSet, Sequence[object]]:
    """The parser past its first lane: plain lists, ISO text, the reader."""
    if not isinstance(text, str):
        raise UnreadableDateError(f"expected text, found {type(text).__name__}")
    if fast and "年" in text:
        inner = text.strip()
        if inner[:1] in OPEN_BRACKETS and inner[-1:] in CLOSE_BRACKETS:
            # A table cell's '(平成 24 年度)' or '(①平成 25 年 7 月 ②…)'.
            inner = inner[1:-1]
            plain = _plain(inner)
            if plain is not None:
                return plain, _NO_NOTES
        else:
            # The text as printed, spaces round it too: a note quotes it as the reader does.
            inner = text
        # A day, a duration (間), a recurrence (各, 毎), a decade (代) or an open range (a
        # range mark with nothing after it) is the reader's or the quick lane's to read:
        # the list lane is not tried on it.
        if (
            "日" not in inner
            and "間" not in inner
            and "各" not in inner
            and "毎" not in inner
            and "代" not in inner
            and _LISTISH.search(inner) is not None
            and not inner.rstrip().endswith(_RANGE_ENDS)
        ):
            several = _plain_list(inner)
            if several is not None:
                return several
    stripped = text.strip()
    # ISO text is ASCII; the printed text that is not is not looked at further here.
    if stripped.isascii() and _is_iso(stripped) and "." not in stripped.replace("..", ""):
        try:
            if "," in stripped or stripped.startswith("R/"):
                return set_fromiso(stripped), _NO_NOTES
            return period_fromiso(stripped), _NO_NOTES
        except CalendarError as error:
            # '2019/3/15' is no ISO interval but a day as Japan prints it: the reader's.
            if _SLASHED_DAY.search(stripped) is None:
                offset = text.index(stripped) if stripped else 0
                span = error.span or (0, len(stripped))
                raise UnreadableDateError(
                    error.reason, text=text, span=(offset + span[0], offset + span[1])
                ) from None
    if fast:
        quick = read_quick(text, context, strict)
        if quick is not None:
            return quick, _NO_NOTES
    reader = Reader(text, context, lenient, strict, fast)
    return reader.read(), reader.notes


_NO_NOTES: tuple[str, ...] = ()
_CACHE: dict[tuple[str, object, bool, bool], Period | PeriodSet] = {}
_CACHE_LIMIT = 8192


def _clear_cache() -> None:
    _CACHE.clear()


REGISTRY.listeners.append(g.compile_patterns)
REGISTRY.listeners.append(_clear_cache)


def parse_uncached(
    text: str, context: Context = None, lenient: bool = False, strict: bool = False
) -> Period | PeriodSet:
    """Read ``text`` without consulting the cache (for measuring the parser itself)."""
    if text.__class__ is str:
        plain = _plain(text)
        if plain is not None:
            return plain
    result, notes = _read_further(text, context, lenient, strict, True)
    if not notes:
        return result
    _warn(notes)
    return result


def parse_period(
    text: str,
    *,
    context: FiscalYear | int | date | None = None,
    lenient: bool = False,
    strict: bool = False,
) -> Period | PeriodSet:
    """Read a date or period expression such as '平成25年8～9月' into a Period or PeriodSet.

    ``context`` supplies what the text leaves out: a FiscalYear (a plan's or report's
    year: '8月' is August of that fiscal year), an int calendar year, or a reference
    date (a news item's publication date: '昨年', '去る5月20日', and a month without a
    year takes the nearest year around it). ``lenient=True`` accepts an era year past
    the era's end and says so with a :class:`CalendarWarning`; a range printed newest
    first is read as meant, with a warning too. ``strict=True`` refuses a range mark
    with nothing after it (``11月20日から``), which otherwise reads as an open range.
    """
    key = (text, context, lenient, strict)
    try:
        found = _CACHE.get(key)
    except TypeError:
        # Unhashable arguments cannot be cached; the parser itself reports them.
        return parse_uncached(text, context, lenient, strict)
    if found is not None:
        return found
    result: Period | PeriodSet | None = _plain(text) if text.__class__ is str else None
    if result is None:
        result, notes = _read_further(text, context, lenient, strict, True)
        if notes:
            # A result with a warning is not cached, so that every call warns.
            _warn(notes)
            return result
    if len(_CACHE) >= _CACHE_LIMIT:
        _CACHE.clear()
    _CACHE[key] = result
    return result


def parse_date(
    text: str,
    *,
    context: FiscalYear | int | date | None = None,
    lenient: bool = False,
) -> date:
    """Read a single day such as '令和元年5月1日' or 'H25.8.1' into a ``datetime.date``."""
    result = parse_period(text, context=context, lenient=lenient)
    if isinstance(result, Period) and result.precision is DAY and result.start == result.end:
        return result.start
    raise CalendarError(
        f"expected a single day, found {result.isoformat()!r}", text=text, span=(0, len(text))
    )


__all__ = ["Marks", "parse_date", "parse_period", "parse_uncached"]
