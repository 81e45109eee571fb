"""Japanese fiscal calendar: eras, fiscal years, periods that keep their precision.

>>> from clairlib.calendar import FiscalYear, parse_period
>>> FiscalYear.parse("令和元年度")
FiscalYear(year=2019)
>>> parse_period("平成25年12月～同26年1月").isoformat()
'2013-12/2014-01'

ISO text (``Period.isoformat``): a day ``2013-08-01``, a month ``2013-08``, a year
``2013``, a fiscal year ``FY2013``; a range joins two of the same precision with '/'
(``2013-12/2014-01``, ``FY2022/FY2026``). A PeriodSet joins its periods with ','
and writes a recurrence as ``R/<periods>/<ISO 8601 duration>``: ``R/2013-04/P1M`` is
April 2013 and every month after it (``平成25年4月～各月``).

What was printed besides the days is kept in ``Period.marks`` and the ISO text: a
weekday ``2013-09-03(Tue)``, a part of a month ``2013-09(early)`` (上旬), a year's or
fiscal year's end ``2013(end)``, ``FY2013(end)``, times ``2013-09-03T10:00``, 頃 as
ISO 8601-2's ``~`` (``2021-07~``) and open sides as its ``..`` (``2011/..``,
``../FY2021``).

``lenient=True`` accepts an era year past the era's end (a document printed before
an era change) and emits a :class:`CalendarWarning` saying what it read.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from clairlib._lazy import lazy_attributes
from clairlib.calendar import _period
from clairlib.calendar._era import (
    CalendarWarning,
    Era,
    EraOverflowError,
    EraRangeError,
    UnreadableDateError,
    era_of,
    eras,
    register_era,
    registered_era,
    unregister_era,
)
from clairlib.calendar._period import FiscalYear, Marks, Part, Period, Precision
from clairlib.calendar._periodset import PeriodSet
from clairlib.errors import CalendarError

if TYPE_CHECKING:
    from clairlib.calendar._format import format_period, format_wareki
    from clairlib.calendar._parse import parse_date, parse_period

__all__ = [
    "CalendarError",
    "CalendarWarning",
    "Era",
    "EraOverflowError",
    "EraRangeError",
    "FiscalYear",
    "Marks",
    "Part",
    "Period",
    "PeriodSet",
    "Precision",
    "UnreadableDateError",
    "era_of",
    "eras",
    "format_period",
    "format_wareki",
    "parse_date",
    "parse_period",
    "register_era",
    "registered_era",
    "unregister_era",
]

# The parser and the formatter load on first use, so that code that only needs
# FiscalYear or Period does not pay for compiling the parser's patterns.
_LAZY = {
    "format_period": "clairlib.calendar._format",
    "format_wareki": "clairlib.calendar._format",
    "parse_date": "clairlib.calendar._parse",
    "parse_period": "clairlib.calendar._parse",
}


__getattr__, __dir__ = lazy_attributes(__name__, _LAZY, globals(), __all__)


def _read_period(text: str, context: object, lenient: bool) -> object:
    # FiscalYear.parse reads with the parser, which sits above the Period model; the
    # package composes them here so that neither module imports the other.
    from clairlib.calendar._parse import parse_period

    return parse_period(text, context=context, lenient=lenient)  # type: ignore[arg-type]


_period._READERS["period"] = _read_period
