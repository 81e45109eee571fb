"""One point of an expression as printed: which parts are there, and where.

A point is ``[自|至|去る][era|同][year 年|年度|年代 [(other-calendar year)]]
[month 月][day 日][bare number][part][(weekday)][time[～time]][頃|現在|時点|中|号]``
with every part optional, a relative word (昨年, 前年度, 翌日…) in the year's place,
or a western form: dotted ``H25.8.1`` / ``2014.06.03``, slashed ``4/12`` /
``2019/3/15``, compact ``20190315``.
"""

from __future__ import annotations

import re

from clairlib.calendar import _grammar as g
from clairlib.calendar._era import Era
from clairlib.calendar._marks import EARLY, FISCAL_YEAR_END, LATE, MIDDLE, MONTH_END, YEAR_END, Part

_PART_OF = {"early": EARLY, "middle": MIDDLE, "late": LATE}
WEEKDAY_OF = {ch: i for i, ch in enumerate("月火水木金土日")} | {"⽉": 0, "⽇": 6}
_WEEKDAY_OR_NONE: dict[str | None, int | None] = {None: None}
_WEEKDAY_OR_NONE.update(WEEKDAY_OF)
_NON_SPACE = re.compile(r"\S")
_YEAR_KIND = {None: "", "年": "y", "年度": "fy", "年代": "decade"}
_DAY_UNIT = {False: "d", True: ""}


def _clock(text: str) -> tuple[int, int]:
    hours, _, minutes = g.squeeze(text).replace("：", ":").partition(":")
    return int(hours), int(minutes)


class Point:
    """The parts of one printed point (see the module docstring), read but not resolved."""

    __slots__ = (
        "alt_era",
        "alt_year",
        "bare",
        "day",
        "end",
        "era",
        "match",
        "month",
        "month_mark",
        "part",
        "pre",
        "rel",
        "same",
        "start",
        "t1",
        "t2",
        "tail",
        "unit",
        "weekday",
        "year",
        "year_kind",
    )

    def __init__(self, match: re.Match[str]) -> None:
        # Positional groups and table lookups: this runs once per point of every parse.
        self.match = match
        self.start = -1
        self.end = match.end()
        self.alt_era: Era | None = None
        self.alt_year: int | None = None
        self.rel: str | None = None
        self.same = False
        pattern = match.re
        if pattern is g.SIMPLE_POINT:
            # The reader's fast lane: digits, and words as printed unbroken.
            pre, era, y, ym, mo, mm, d, bare, part, wd, t1, t2, tail = match.groups()
            two = _TWO_DIGITS  # None and every one- or two-digit number
            self.month = two[mo]
            self.day = two[d]
            year = two.get(y)
            self.year = int(y) if year is None and y is not None else year
            bare_number = two.get(bare)
            self.bare = int(bare) if bare_number is None and bare is not None else bare_number
            self.month_mark = mm is not None
            self.year_kind = _YEAR_KIND[ym]
            self.part = g.PARTS[part] if part is not None else None
            self.t1 = None if t1 is None else _clock(t1)
            self.t2 = None if t2 is None else _clock(t2)
            self.tail = tail
            self.pre = pre
            self.era = None if era is None else _era(era)
            self.weekday = _WEEKDAY_OR_NONE[wd]
            self.unit = "y" if ym is not None else "m" if mm is not None else _DAY_UNIT[d is None]
            return
        number = _number
        year_kind = ""
        if pattern is g.POINT:
            pre, era, same, rel, y, ym, alt_era, alt_y, mo, mm, d, bare, part, wd, t1, t2, tail = (
                match.groups()
            )
            self.same = same is not None
            if rel is not None:
                self.rel = rel = g.squeeze(rel)
                kind = g.RELATIVE[rel][0]
                year_kind = "fy" if kind == "fy" else "y" if kind == "y" else ""
            self.year = None if y is None else number(y)
            if ym is not None:
                year_kind = "y" if ym == "年" else "fy" if "度" in ym else "decade"
                if alt_y is not None:
                    self.alt_year = number(alt_y)
                    self.alt_era = None if alt_era is None else _era(alt_era)
            self.month = None if mo is None else number(mo)
            self.month_mark = mm is not None
            self.day = None if d is None else number(d)
            self.bare = None if bare is None else number(bare)
        else:
            pre, era, y, mo, d, y2, mo2, d2, compact, part, wd, t1, t2, tail = match.groups()
            self.bare = None
            if compact is not None:
                digits = compact.translate(_ASCII)
                self.year, self.month = int(digits[:4]), int(digits[4:6])
                self.day = int(digits[6:])
            elif mo2 is not None:
                self.year = None if y2 is None else int(y2)
                self.month, self.day = int(mo2), int(d2)
            else:
                self.year = number(y)
                self.month = int(mo)
                self.day = None if d is None else int(d)
            year_kind = "y" if self.year is not None else ""
            self.month_mark = True
        self.year_kind = year_kind
        self.pre = pre
        self.era = None if era is None else _era(era)
        self.part = None if part is None else g.PARTS.get(part) or g.PARTS[g.squeeze(part)]
        self.weekday = None if wd is None else WEEKDAY_OF[wd]
        self.t1 = None if t1 is None else _clock(t1)
        self.t2 = None if t2 is None else _clock(t2)
        self.tail = tail if tail is None or tail in g.TAILS else g.squeeze(tail)
        # The first unit written: what a bare number before this point means.
        if self.year is not None or self.rel is not None or year_kind:
            self.unit = "y"
        elif self.month is not None or self.month_mark:
            self.unit = "m"
        else:
            self.unit = "d" if self.day is not None else ""

    @property
    def empty(self) -> bool:
        """True when nothing at all was read."""
        return (
            self.era is None
            and not self.same
            and self.rel is None
            and not self.year_kind
            and self.year is None
            and self.month is None
            and not self.month_mark
            and self.day is None
            and self.bare is None
        )

    def first(self) -> int:
        """Where the point starts, past the spaces before it."""
        if self.start < 0:
            match = self.match
            lead = _NON_SPACE.search(match.string, match.start(), match.end())
            self.start = match.start() if lead is None else lead.start()
        return self.start

    def span(self, group: str | None = None) -> tuple[int, int]:
        """Where ``group`` (or the whole point) is in the text."""
        match = self.match
        self.first()
        if group is None or group not in match.re.groupindex or match.start(group) < 0:
            return (self.start, max(self.end, self.start + 1))
        return match.span(group)


_ASCII = str.maketrans("０１２３４５６７８９", "0123456789")
SMALL: dict[str, int] = {"元": 1}
for _n in range(100):
    SMALL[str(_n)] = _n
    SMALL[f"{_n:02d}"] = _n
    SMALL[str(_n).translate(str.maketrans("0123456789", "０１２３４５６７８９"))] = _n


#: Every number of one or two digits as SIMPLE_POINT reads it (ASCII or full-width,
#: mixed too), and None for a group that did not match.
_TWO_DIGITS: dict[str | None, int | None] = {None: None, "元": 1}
for _a in "0123456789０１２３４５６７８９":
    _TWO_DIGITS[_a] = int(_a)
    for _b in "0123456789０１２３４５６７８９":
        _TWO_DIGITS[_a + _b] = int(_a + _b)


def _number(text: str) -> int:
    found = SMALL.get(text)
    return g.number(text) if found is None else found


def _era(text: str) -> Era:
    found = g.ERAS.get(text)
    return g.ERAS[g.squeeze(text)] if found is None else found


def part_of(point: Point) -> Part | None:
    """The Part a point's 上旬/中旬/下旬/末 names, given the units it has."""
    name = point.part
    if name is None:
        return None
    if name != "end":
        return _PART_OF[name]
    if point.month is not None or point.month_mark:
        return MONTH_END
    return FISCAL_YEAR_END if point.year_kind == "fy" else YEAR_END
