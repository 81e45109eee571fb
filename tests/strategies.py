"""Hypothesis strategies shared by the test suite, one section per package."""

from __future__ import annotations

from datetime import date

from hypothesis import strategies as st

from clairlib.calendar import FiscalYear, Period, PeriodSet, Precision

# -- clairlib.calendar ------------------------------------------------------------------

#: Every day the era calendar covers in the tests: the Gregorian switch to 2100.
FIRST_DAY = date(1873, 1, 1)
LAST_DAY = date(2100, 12, 31)

wareki_days = st.dates(min_value=FIRST_DAY, max_value=LAST_DAY)
"""Days from 明治6年1月1日 (1873-01-01) to 2100-12-31."""

any_days = st.dates(min_value=date(1, 1, 1), max_value=date(9998, 12, 31))
"""Days a Period can hold, including ones before the era calendar."""

wareki_months = st.tuples(st.integers(1873, 2100), st.integers(1, 12))
"""(year, month) pairs the era calendar covers."""

# FY1872 ends in 1873 but is named by 31 December 1872, before the Gregorian switch.
wareki_fiscal_years = st.builds(FiscalYear, st.integers(1873, 2100))
"""Fiscal years that have an era name."""

fiscal_years = st.builds(FiscalYear, st.integers(1, 9998))
"""Every fiscal year clairlib accepts."""


@st.composite
def periods(draw: st.DrawFn, days: st.SearchStrategy[date] = any_days) -> Period:
    """A Period of any precision, single or a range, between the ends of ``days``."""
    precision = draw(st.sampled_from(Precision))
    a, b = sorted([draw(days), draw(days)])
    if draw(st.booleans()):
        b = a
    if precision is Precision.DAY:
        return Period(a, b, precision)
    if precision is Precision.MONTH:
        return Period.between(Period.month(a.year, a.month), Period.month(b.year, b.month))
    if precision is Precision.YEAR:
        return Period.between(Period.year(a.year), Period.year(b.year))
    first = FiscalYear.of(a).year if a >= date(1, 4, 1) else 1
    last = max(first, min(FiscalYear.of(b).year, 9998) if b >= date(1, 4, 1) else 1)
    return Period.between(Period.fiscal_year(first), Period.fiscal_year(last))


@st.composite
def period_sets(draw: st.DrawFn, days: st.SearchStrategy[date] = any_days) -> PeriodSet:
    """A PeriodSet of one to five periods, sometimes repeating monthly or yearly."""
    items = draw(st.lists(periods(days), min_size=1, max_size=5))
    recurrence = draw(st.sampled_from([None, None, "P1M", "P2W", "P1Y", "P3D"]))
    return PeriodSet(items, recurrence)
