"""Reading date and period expressions as Japanese documents write them."""

from __future__ import annotations

from clairlib.calendar._fiscal import FiscalYear
from clairlib.calendar._period import Period, PeriodSet


def parse_period(
    text: str, *, context: FiscalYear | int | None = None, lenient: bool = False
) -> Period | PeriodSet:
    """Read a date or period expression."""
    if "," in text or text.startswith("R/"):
        return PeriodSet.fromisoformat(text)
    return Period.fromisoformat(text)
