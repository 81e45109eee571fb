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
from clairlib.calendar._marks import Part

_PART_OF = {"early": Part.EARLY, "middle": Part.MIDDLE, "late": Part.LATE}
WEEKDAY_OF = {ch: i for i, ch in enumerate("月火水木金土日")} | {"⽉": 0, "⽇": 6}
_NON_SPACE = re.compile(r"\S")


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
        self.match = match
        get = match.group
        self.start, self.end = match.span()
        # Skip leading spaces so that spans point at the point itself.
        lead = _NON_SPACE.search(match.string, self.start, self.end)
        if lead is not None:
            self.start = lead.start()
        self.pre = get("pre")
        name = get("era")
        self.era: Era | None = g.ERAS[g.squeeze(name)] if name else None
        self.alt_era: Era | None = None
        self.alt_year: int | None = None
        self.rel: str | None = None
        self.same = False
        self.month_mark = False
        self.year_kind = ""
        if match.re is g.POINT:
            self.same = get("same") is not None
            rel = get("rel")
            if rel is not None:
                self.rel = g.squeeze(rel)
                kind = g.RELATIVE[self.rel][0]
                self.year_kind = "fy" if kind == "fy" else "y" if kind == "y" else ""
            y = get("y")
            self.year = None if y is None else g.number(y)
            mark = get("ym")
            if mark is not None:
                self.year_kind = "fy" if "度" in mark else "decade" if "代" in mark else "y"
                alt = get("alt_y")
                if alt is not None:
                    self.alt_year = g.number(alt)
                    alt_name = get("alt_era")
                    self.alt_era = g.ERAS[g.squeeze(alt_name)] if alt_name else None
            mo = get("mo")
            self.month = None if mo is None else g.number(mo)
            self.month_mark = get("mm") is not None
            d = get("d")
            self.day = None if d is None else g.number(d)
            bare = get("bare")
            self.bare: int | None = None if bare is None else int(bare)
        else:
            compact = get("compact")
            self.bare = None
            if compact is not None:
                digits = compact.translate(_ASCII)
                self.year, self.month = int(digits[:4]), int(digits[4:6])
                self.day = int(digits[6:])
            elif get("mo2") is not None:
                y2 = get("y2")
                self.year = None if y2 is None else int(y2)
                self.month, self.day = int(get("mo2")), int(get("d2"))
            else:
                self.year = g.number(get("y"))
                self.month = int(get("mo"))
                d = get("d")
                self.day = None if d is None else int(d)
            self.year_kind = "y" if self.year is not None else ""
            self.month_mark = True
        part = get("part")
        self.part = None if part is None else g.PARTS[g.squeeze(part)]
        wd = get("wd")
        self.weekday = None if wd is None else WEEKDAY_OF[wd]
        t1, t2 = get("t1"), get("t2")
        self.t1 = None if t1 is None else _clock(t1)
        self.t2 = None if t2 is None else _clock(t2)
        tail = get("tail")
        self.tail = None if tail is None else g.squeeze(tail)
        # The first unit written: what a bare number before this point means.
        if self.year is not None or self.rel is not None or self.year_kind:
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

    def span(self, group: str | None = None) -> tuple[int, int]:
        """Where ``group`` (or the whole point) is in the text."""
        match = self.match
        if group is None or group not in match.re.groupindex or match.start(group) < 0:
            return (self.start, max(self.end, self.start + 1))
        return match.span(group)


_ASCII = str.maketrans("０１２３４５６７８９", "0123456789")


def part_of(point: Point) -> Part | None:
    """The Part a point's 上旬/中旬/下旬/末 names, given the units it has."""
    name = point.part
    if name is None:
        return None
    if name != "end":
        return _PART_OF[name]
    if point.month is not None or point.month_mark:
        return Part.MONTH_END
    return Part.FISCAL_YEAR_END if point.year_kind == "fy" else Part.YEAR_END
