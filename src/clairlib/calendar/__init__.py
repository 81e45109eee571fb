"""Japanese fiscal calendar: eras, fiscal years, periods that keep their precision.

>>> from clairlib.calendar import FiscalYear, parse_period
>>> FiscalYear.parse("令和元年度")
FiscalYear(year=2019)
>>> parse_period("平成25年12月～同26年1月").isoformat()
'2013-12/2014-01'
"""

from __future__ import annotations

from clairlib.calendar._era import (
    Era,
    EraRangeError,
    era_of,
    eras,
    register_era,
    registered_era,
    unregister_era,
)
from clairlib.calendar._fiscal import FiscalYear
from clairlib.calendar._format import format_period, format_wareki
from clairlib.calendar._parse import (
    CalendarWarning,
    EraOverflowError,
    UnreadableDateError,
    parse_date,
    parse_period,
)
from clairlib.calendar._period import Period, PeriodSet, Precision
from clairlib.errors import CalendarError

__all__ = [
    "CalendarError",
    "CalendarWarning",
    "Era",
    "EraOverflowError",
    "EraRangeError",
    "FiscalYear",
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
