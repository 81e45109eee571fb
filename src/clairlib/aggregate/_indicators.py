"""Indicator aggregation over offices and periods, progress against targets, change."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal

import attrs

from clairlib.calendar import FiscalYear
from clairlib.errors import ClairlibError
from clairlib.model.documents import AnnualReport, MidTermPlan
from clairlib.model.indicators import Aggregation, Indicator, Measurement, Target

_PERCENT_UNITS = frozenset({"%", "％", "percent"})


class AggregationError(ClairlibError, ValueError):
    """Values cannot be combined as asked (an unknown indicator, a NONE aggregation …)."""


@attrs.frozen(kw_only=True)
class IndicatorValue:
    """An indicator's aggregated value and the measurements it was computed from.

    For a ratio indicator ``numerator`` and ``denominator`` hold the aggregated parts
    the value was divided from.
    """

    indicator: str
    value: Decimal
    fiscal_years: tuple[FiscalYear, ...]
    measurements: tuple[str, ...] = ()
    numerator: Decimal | None = None
    denominator: Decimal | None = None


def combine(values: Sequence[Decimal], how: Aggregation) -> Decimal:
    """Combine values in order: sum, last, max or min; NONE accepts a single value only."""
    if not values:
        raise AggregationError("expected at least one value to combine")
    if how is Aggregation.SUM:
        return sum(values, Decimal(0))
    if how is Aggregation.LAST:
        return values[-1]
    if how is Aggregation.MAX:
        return max(values)
    if how is Aggregation.MIN:
        return min(values)
    if len(values) == 1:
        return values[0]
    raise AggregationError(f"values that do not combine (aggregation none): found {len(values)}")


def _per_year(
    measurements: Sequence[Measurement], over_offices: Aggregation
) -> tuple[Decimal, tuple[str, ...]]:
    # Finer measurements (per office, else per country) are combined; only when there are
    # none is the declared all-offices total used, so a total is never added to its parts.
    offices = [m for m in measurements if m.office is not None and m.country is None]
    countries = [m for m in measurements if m.office is None and m.country is not None]
    totals = [m for m in measurements if m.office is None and m.country is None]
    for chosen in (offices, countries):
        if chosen:
            values = [m.value.magnitude for m in chosen]
            return combine(values, over_offices), tuple(m.id for m in chosen)
    if totals:
        return totals[0].value.magnitude, (totals[0].id,)
    raise AggregationError("no measurement to aggregate")


def _index(indicators: Iterable[Indicator]) -> dict[str, Indicator]:
    return {indicator.id: indicator for indicator in indicators}


def aggregate_indicator(
    indicator: str,
    measurements: Iterable[Measurement],
    *,
    indicators: Iterable[Indicator] | Mapping[str, Indicator],
    fiscal_years: Iterable[FiscalYear] | None = None,
) -> IndicatorValue:
    """Aggregate an indicator's measurements over offices, then over fiscal years.

    Each fiscal year's value combines the per-office (or per-country) measurements by
    the indicator's ``over_offices``; the years combine by ``over_periods``. A ratio
    indicator (``numerator``/``denominator``) divides the aggregated parts — ratios
    are never averaged. Raises :class:`AggregationError` when nothing can be computed.
    """
    known = dict(indicators) if isinstance(indicators, Mapping) else _index(indicators)
    definition = known.get(indicator)
    if definition is None:
        raise AggregationError(f"unknown indicator {indicator!r}")
    pool = tuple(measurements)
    years = None if fiscal_years is None else frozenset(fiscal_years)
    if definition.numerator is not None and definition.denominator is not None:
        top = aggregate_indicator(definition.numerator, pool, indicators=known, fiscal_years=years)
        bottom = aggregate_indicator(
            definition.denominator, pool, indicators=known, fiscal_years=years
        )
        if bottom.value == 0:
            raise AggregationError(f"indicator {indicator!r}: the denominator is zero")
        scale = Decimal(100) if definition.unit in _PERCENT_UNITS else Decimal(1)
        return IndicatorValue(
            indicator=indicator,
            value=top.value / bottom.value * scale,
            fiscal_years=tuple(sorted(set(top.fiscal_years) | set(bottom.fiscal_years))),
            measurements=top.measurements + bottom.measurements,
            numerator=top.value,
            denominator=bottom.value,
        )
    by_year: dict[FiscalYear, list[Measurement]] = {}
    for m in pool:
        if m.indicator == indicator and (years is None or m.fiscal_year in years):
            by_year.setdefault(m.fiscal_year, []).append(m)
    if not by_year:
        raise AggregationError(f"no measurement of indicator {indicator!r}")
    values: list[Decimal] = []
    used: list[str] = []
    for year in sorted(by_year):
        value, ids = _per_year(by_year[year], definition.over_offices)
        values.append(value)
        used.extend(ids)
    return IndicatorValue(
        indicator=indicator,
        value=combine(values, definition.over_periods),
        fiscal_years=tuple(sorted(by_year)),
        measurements=tuple(used),
    )


@attrs.frozen(kw_only=True)
class Change:
    """Year-on-year change: ``current - previous`` and, when defined, the relative change."""

    current: Decimal
    previous: Decimal
    absolute: Decimal
    relative: Decimal | None  # None when the previous value is zero


def year_on_year(current: Decimal, previous: Decimal) -> Change:
    """The change from ``previous`` to ``current`` (relative as a fraction: 0.072 = +7.2 %)."""
    absolute = current - previous
    relative = None if previous == 0 else absolute / previous
    return Change(current=current, previous=previous, absolute=absolute, relative=relative)


def indicator_changes(
    indicator: str,
    measurements: Iterable[Measurement],
    *,
    indicators: Iterable[Indicator] | Mapping[str, Indicator],
) -> tuple[tuple[FiscalYear, Change], ...]:
    """Each fiscal year's change on the one before, for consecutive years measured."""
    pool = tuple(measurements)
    known = dict(indicators) if isinstance(indicators, Mapping) else _index(indicators)
    years = sorted({m.fiscal_year for m in pool if m.indicator == indicator})
    if known.get(indicator) is not None and known[indicator].numerator is not None:
        parts = {known[indicator].numerator, known[indicator].denominator}
        years = sorted({m.fiscal_year for m in pool if m.indicator in parts})
    values = {
        year: aggregate_indicator(indicator, pool, indicators=known, fiscal_years=(year,)).value
        for year in years
    }
    return tuple(
        (year, year_on_year(values[year], values[year - 1])) for year in years if year - 1 in values
    )


@attrs.frozen(kw_only=True)
class Progress:
    """How far an indicator has come towards a target of a plan.

    ``ratio`` is ``actual / target`` (1 = reached); ``met`` honours
    ``higher_is_better``. ``actual`` is None where nothing was measured yet.
    """

    target: Target
    fiscal_years: tuple[FiscalYear, ...]
    actual: IndicatorValue | None
    ratio: Decimal | None
    met: bool | None


def measurements_of(*reports: AnnualReport) -> tuple[Measurement, ...]:
    """Every measurement of the given reports, in order."""
    return tuple(m for report in reports for m in report.measurements)


def progress(
    plan: MidTermPlan,
    measurements: Iterable[Measurement],
    *,
    indicators: Iterable[Indicator] | None = None,
) -> tuple[Progress, ...]:
    """Progress against each target of ``plan``, from the measurements given.

    A target for one fiscal year compares with that year's value; a target for the
    plan period (``fiscal_year`` None) with the value aggregated over the plan's years
    measured so far (by the indicator's ``over_periods``).
    """
    known = _index(indicators if indicators is not None else plan.indicators)
    pool = tuple(measurements)
    first = FiscalYear.of(plan.period.start)
    last = FiscalYear.of(plan.period.end)
    plan_years = tuple(FiscalYear(y) for y in range(first.year, last.year + 1))
    out: list[Progress] = []
    for target in plan.targets:
        years = plan_years if target.fiscal_year is None else (target.fiscal_year,)
        try:
            actual: IndicatorValue | None = aggregate_indicator(
                target.indicator, pool, indicators=known, fiscal_years=years
            )
        except AggregationError:
            actual = None
        goal = target.value.magnitude
        ratio = None if actual is None or goal == 0 else actual.value / goal
        met: bool | None = None
        if actual is not None:
            higher = known[target.indicator].higher_is_better
            met = actual.value >= goal if higher else actual.value <= goal
        out.append(Progress(target=target, fiscal_years=years, actual=actual, ratio=ratio, met=met))
    return tuple(out)
