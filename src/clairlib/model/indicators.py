"""Indicators (KPI): what is measured, its targets and its measurements."""

from __future__ import annotations

import enum

import attrs

from clairlib.calendar import FiscalYear
from clairlib.model.quantity import Quantity
from clairlib.model.records import Breakdown, CountingBasis

__all__ = ["Aggregation", "Indicator", "Measurement", "Target"]


class Aggregation(enum.Enum):
    """How values of an indicator combine across offices or across periods."""

    SUM = "sum"
    LAST = "last"
    MAX = "max"
    MIN = "min"
    NONE = "none"  # values do not combine (a ratio is recomputed, never averaged)


@attrs.frozen(kw_only=True)
class Indicator:
    """A key performance indicator and how its values aggregate.

    A ratio indicator names its ``numerator`` and ``denominator`` indicators: its
    aggregate is computed from theirs, never averaged.
    """

    id: str
    name: str
    unit: str
    name_en: str | None = None
    pillar: str | None = None
    objective: str | None = None
    basis: CountingBasis = CountingBasis.DISTINCT
    over_offices: Aggregation = Aggregation.SUM
    over_periods: Aggregation = Aggregation.SUM
    numerator: str | None = None
    denominator: str | None = None
    higher_is_better: bool = True


@attrs.frozen(kw_only=True)
class Target:
    """A target for an indicator: for one fiscal year, or for the plan period when None."""

    indicator: str
    value: Quantity
    fiscal_year: FiscalYear | None = None
    note: str | None = None


@attrs.frozen(kw_only=True)
class Measurement:
    """A value of an indicator for a fiscal year, possibly for one office or country.

    ``office`` and ``country`` None mean "all": such a measurement is a declared total
    of the finer ones. ``change`` is the reported change on the previous fiscal year
    (前年度比); ``source`` says where the figure is printed.
    """

    id: str
    indicator: str
    fiscal_year: FiscalYear
    value: Quantity
    office: str | None = None
    country: str | None = None
    breakdowns: tuple[Breakdown, ...] = ()
    change: Quantity | None = None
    source: str | None = None
