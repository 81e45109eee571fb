"""The era table: built-in eras, run-time registration and date → era lookup."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from itertools import pairwise

import attrs

from clairlib.calendar._numerals import write_number
from clairlib.errors import CalendarError

# Japan switched to the Gregorian calendar on 明治6年1月1日; earlier Japanese dates
# are lunisolar and cannot be mapped to a datetime.date by arithmetic.
GREGORIAN_START = date(1873, 1, 1)

_ONE_DAY = timedelta(days=1)


class EraRangeError(CalendarError):
    """A date or era year lies outside the era it is written in."""


class UnreadableDateError(CalendarError):
    """The text is not a date or period expression clairlib can read."""


class EraOverflowError(EraRangeError):
    """An era year lies past the era's end (allowed with ``lenient=True``)."""


class CalendarWarning(UserWarning):
    """A lenient parse accepted something a strict parse rejects (an era year past its end)."""


@attrs.frozen
class Era:
    """A Japanese era (元号) with its exact first day and, unless current, its last day."""

    name: str
    romaji: str
    initial: str
    start: date
    end: date | None = None
    ligature: str | None = None
    # 明治 is counted from 1868 although clairlib only accepts it from 1873.
    first_year: int = attrs.field()

    @first_year.default
    def _first_year_default(self) -> int:
        return self.start.year

    def __str__(self) -> str:
        return self.name

    def year_of(self, day: date) -> int:
        """Return the era year (1 for 元年) of ``day``, which is assumed to lie in this era."""
        return day.year - self.first_year + 1

    def gregorian_year(self, era_year: int) -> int:
        """Return the Gregorian year of this era's year ``era_year``."""
        return self.first_year + era_year - 1

    def last_year(self) -> int | None:
        """Return the era year of the era's last day, or None for the current era."""
        return None if self.end is None else self.end.year - self.first_year + 1

    def __contains__(self, day: object) -> bool:
        if not isinstance(day, date):
            return False
        return self.start <= day and (self.end is None or day <= self.end)


_BUILTIN: tuple[Era, ...] = (
    Era("明治", "Meiji", "M", GREGORIAN_START, ligature="㍾", first_year=1868),
    Era("大正", "Taisho", "T", date(1912, 7, 30), ligature="㍽"),
    Era("昭和", "Showa", "S", date(1926, 12, 25), ligature="㍼"),
    Era("平成", "Heisei", "H", date(1989, 1, 8), ligature="㍻"),
    Era("令和", "Reiwa", "R", date(2019, 5, 1), ligature="㋿"),
)


def _chain(table: tuple[Era, ...]) -> tuple[Era, ...]:
    """Set each era's end to the day before the next era starts."""
    out = [attrs.evolve(era, end=nxt.start - _ONE_DAY) for era, nxt in pairwise(table)]
    out.append(attrs.evolve(table[-1], end=None))
    return tuple(out)


class _Registry:
    """The mutable era table; parsers watch ``generation`` to drop stale caches."""

    def __init__(self) -> None:
        self.eras: tuple[Era, ...] = ()
        self.starts: list[date] = []
        self.by_name: dict[str, Era] = {}
        self.listeners: list[Callable[[], None]] = []
        self.set(_chain(_BUILTIN))

    def set(self, eras: tuple[Era, ...]) -> None:
        self.eras = eras
        self.starts = [era.start for era in eras]
        names: dict[str, Era] = {}
        for era in eras:
            names[era.name] = era
            names[era.initial] = era
            if era.ligature:
                names[era.ligature] = era
        self.by_name = names
        for listener in self.listeners:
            listener()


REGISTRY = _Registry()


def eras() -> tuple[Era, ...]:
    """Return every known era, oldest first."""
    return REGISTRY.eras


def era_of(day: date) -> Era:
    """Return the era ``day`` falls in; dates before 1873-01-01 raise EraRangeError."""
    index = bisect_right(REGISTRY.starts, day) - 1
    if index < 0:
        raise EraRangeError(
            f"expected a date on or after {GREGORIAN_START.isoformat()} (the Gregorian "
            f"calendar in Japan), found {day.isoformat()}",
            text=day.isoformat(),
        )
    return REGISTRY.eras[index]


def era_named(name: str) -> Era:
    """Return the era called ``name`` (kanji name, Latin initial or ligature)."""
    try:
        return REGISTRY.by_name[name]
    except KeyError:
        known = ", ".join(era.name for era in REGISTRY.eras)
        raise CalendarError(f"expected an era ({known}), found {name!r}", text=name) from None


def register_era(
    name: str, start: date, *, romaji: str, initial: str, ligature: str | None = None
) -> Era:
    """Add a new era beginning on ``start``; the previous era then ends the day before."""
    current = REGISTRY.eras
    last = current[-1]
    if start <= last.start:
        raise CalendarError(
            f"expected a new era to start after {last.name} ({last.start.isoformat()}), "
            f"found {start.isoformat()}",
            text=name,
        )
    if not name or not initial or not romaji:
        raise CalendarError("expected a non-empty name, romaji and initial", text=name)
    if len(initial) != 1 or not ("A" <= initial <= "Z"):
        raise CalendarError(
            f"expected a one-letter Latin initial A-Z, found {initial!r}", text=initial
        )
    if any(ch.isdigit() or ch in "年月日度同~-." for ch in name):
        raise CalendarError(f"expected an era name without digits or date marks, found {name!r}")
    for era in current:
        for mine, theirs, what in (
            (name, era.name, "name"),
            (initial, era.initial, "initial"),
            (romaji.casefold(), era.romaji.casefold(), "romaji"),
            (ligature, era.ligature, "ligature"),
        ):
            if mine is not None and mine == theirs:
                raise CalendarError(
                    f"expected a unique era {what}, found {mine!r} already used by {era.name}",
                    text=name,
                )
    era = Era(name, romaji, initial, start, ligature=ligature)
    REGISTRY.set(_chain((*current, era)))
    return REGISTRY.eras[-1]


def unregister_era(name: str) -> None:
    """Remove the most recently registered era ``name``; built-in eras cannot be removed."""
    current = REGISTRY.eras
    if len(current) <= len(_BUILTIN) or current[-1].name != name:
        removable = current[-1].name if len(current) > len(_BUILTIN) else "none"
        raise CalendarError(
            f"expected the latest registered era ({removable}), found {name!r}", text=name
        )
    REGISTRY.set(_chain(current[:-1]))


@contextmanager
def registered_era(
    name: str, start: date, *, romaji: str, initial: str, ligature: str | None = None
) -> Iterator[Era]:
    """Register an era for the duration of a ``with`` block (handy in tests)."""
    era = register_era(name, start, romaji=romaji, initial=initial, ligature=ligature)
    try:
        yield era
    finally:
        unregister_era(era.name)


def fiscal_year_era(year: int) -> Era:
    """Return the era a fiscal year is named in: the one in force on 31 December of ``year``."""
    # 令和元年度 (FY2019) is the official name although 1 April 2019 was still 平成.
    return era_of(date(year, 12, 31))


def era_year_text(era: Era, year: int, gannen: bool, digits: str) -> str:
    """Write Gregorian ``year`` as a year of ``era``: '25', or '元' for the first."""
    n = year - era.first_year + 1
    return "元" if n == 1 and gannen else write_number(n, digits)


def fiscal_year_name(year: int, *, gannen: bool = True, digits: str = "ascii") -> str:
    """Write fiscal year ``year`` in the era calendar: '平成25年度', '令和元年度'."""
    era = fiscal_year_era(year)
    return f"{era.name}{era_year_text(era, year, gannen, digits)}年度"
