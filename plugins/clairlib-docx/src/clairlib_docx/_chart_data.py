"""What the charts show, computed from a report through clairlib's aggregation.

No drawing here (and no matplotlib): each chart is a frozen value naming its
categories, its series and their values, so the numbers can be checked against the
document by hand and the drawing (``_charts``) is a pure function of the value.

- Per pillar, the indicators (KPI) of the fiscal year that have something to be
  compared with: each one's value (:func:`clairlib.aggregate.aggregate_indicator`)
  beside the previous year's — measured, or the value less the change the report
  prints (``約 161 万件増``) — and beside its target where a plan gives one.
- Events by office and by country (where they were held), each bar split by pillar:
  :func:`clairlib.aggregate.tally` with ``by=("office", "pillar")`` and
  ``("country", "pillar")``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal

import attrs

from clairlib.aggregate import AggregationError, IndicatorValue, aggregate_indicator, tally
from clairlib.calendar import FiscalYear
from clairlib.errors import ClairlibError
from clairlib.model import AnnualReport, Indicator, Measurement, Target
from clairlib.model.places import Country
from clairlib.reference import office, offices

# Series names as the charts print them.
PREVIOUS = "前年度"
ACTUAL = "実績"
TARGET = "目標"
# A country chart keeps this many countries; the rest are added up under その他.
MAX_COUNTRIES = 15
OTHERS = "その他"


@attrs.frozen(kw_only=True)
class Bar:
    """One value of a KPI panel: the series it belongs to, the number, as printed."""

    series: str
    value: Decimal
    text: str


@attrs.frozen(kw_only=True)
class KpiPanel:
    """One indicator: its name and unit, and the bars to compare (previous, actual, target)."""

    indicator: str
    name: str
    unit: str
    bars: tuple[Bar, ...]


@attrs.frozen(kw_only=True)
class KpiChart:
    """The indicators of one pillar in one fiscal year, one panel each."""

    pillar: str
    panels: tuple[KpiPanel, ...]

    @property
    def series(self) -> tuple[str, ...]:
        """The series the panels show, in the order they are drawn."""
        present = {bar.series for panel in self.panels for bar in panel.bars}
        return tuple(name for name in (PREVIOUS, ACTUAL, TARGET) if name in present)


@attrs.frozen(kw_only=True)
class StackedChart:
    """Counts per category (an office, a country), each split into stacks (pillars).

    ``values[i][j]`` is the count of category ``i`` in stack ``j``; ``stacks`` are
    the legend's labels. ``overlapping`` says some record counts under several
    categories; ``unassigned`` how many records name no category (or no pillar).
    """

    categories: tuple[str, ...]
    stacks: tuple[str, ...]
    values: tuple[tuple[Decimal, ...], ...]
    colours: tuple[int, ...] = ()  # each stack's place in the framework: its colour
    overlapping: bool = False
    unassigned: Decimal = Decimal(0)

    def total(self, category: int) -> Decimal:
        """The length of a category's bar: its stacks added."""
        return sum(self.values[category], Decimal(0))


Chart = KpiChart | StackedChart


# -- indicators ------------------------------------------------------------------------


def _number(value: Decimal) -> str:
    """A value as a report prints it: ``4,400``, ``1,552万``, ``96.9``."""
    if value == value.to_integral_value():
        whole = int(value)
        if abs(whole) >= 100_000 and whole % 10_000 == 0:
            return f"{whole // 10_000:,}万"
        return f"{whole:,}"
    return f"{value.quantize(Decimal('0.1')):,}"


def _text(value: Decimal, unit: str, approximate: bool) -> str:
    return f"{'約' if approximate else ''}{_number(value)}{unit}"


def _approximate(found: IndicatorValue, by_id: dict[str, Measurement]) -> bool:
    return any(not by_id[m].value.is_exact for m in found.measurements if m in by_id)


def _previous_from_change(
    indicator: str, measurements: Sequence[Measurement], actual: IndicatorValue
) -> tuple[Decimal, bool] | None:
    """The previous year's value as the report gives it: this year's less its change.

    The change must belong to a measurement of the same scope as the value: the one
    measurement used, or the all-offices total equal to the value aggregated.
    """
    for measurement in measurements:
        if measurement.indicator != indicator or measurement.change is None:
            continue
        whole = measurement.office is None and measurement.country is None
        same = actual.measurements == (measurement.id,) or (
            whole and measurement.value.magnitude == actual.value
        )
        if same:
            approximate = not measurement.value.is_exact or not measurement.change.is_exact
            return actual.value - measurement.change.magnitude, approximate
    return None


def _comparable(target: Target, indicator: Indicator, year: FiscalYear) -> bool:
    return target.indicator == indicator.id and target.fiscal_year in (None, year)


def _panel(
    indicator: Indicator,
    report: AnnualReport,
    targets: Sequence[Target],
    by_id: dict[str, Measurement],
) -> KpiPanel | None:
    year = report.fiscal_year
    known = {i.id: i for i in report.indicators}
    try:
        actual = aggregate_indicator(
            indicator.id, report.measurements, indicators=known, fiscal_years=(year,)
        )
    except AggregationError:
        return None
    bars: list[Bar] = []
    unit = indicator.unit
    try:
        before = aggregate_indicator(
            indicator.id, report.measurements, indicators=known, fiscal_years=(year - 1,)
        )
        previous: tuple[Decimal, bool] | None = (before.value, _approximate(before, by_id))
    except AggregationError:
        year_measurements = [m for m in report.measurements if m.fiscal_year == year]
        previous = _previous_from_change(indicator.id, year_measurements, actual)
    if previous is not None:
        value, approximate = previous
        bars.append(Bar(series=PREVIOUS, value=value, text=_text(value, unit, approximate)))
    bars.append(
        Bar(
            series=ACTUAL,
            value=actual.value,
            text=_text(actual.value, unit, _approximate(actual, by_id)),
        )
    )
    # A target for the year wins over one for a plan's whole period.
    chosen = sorted(
        (t for t in targets if _comparable(t, indicator, year)), key=lambda t: t.fiscal_year is None
    )
    if chosen:
        goal = chosen[0].value.magnitude
        bars.append(Bar(series=TARGET, value=goal, text=_text(goal, unit, False)))
    if len(bars) == 1:
        return None  # nothing to compare with: the report's text says it already
    return KpiPanel(
        indicator=indicator.id, name=indicator.name, unit=indicator.unit, bars=tuple(bars)
    )


def kpi_charts(report: AnnualReport, targets: Iterable[Target] = ()) -> dict[str, KpiChart]:
    """Per pillar id, the chart of its indicators that have a previous year or a target."""
    chosen = tuple(targets)
    by_id = {m.id: m for m in report.measurements}
    panels: dict[str, list[KpiPanel]] = {}
    for indicator in report.indicators:
        if indicator.pillar is None:
            continue
        panel = _panel(indicator, report, chosen, by_id)
        if panel is not None:
            panels.setdefault(indicator.pillar, []).append(panel)
    return {
        pillar: KpiChart(pillar=pillar, panels=tuple(found)) for pillar, found in panels.items()
    }


# -- events ----------------------------------------------------------------------------


def _pillar_names(report: AnnualReport) -> dict[str, str]:
    if report.framework is None:
        return {}
    return {
        pillar.id: f"{pillar.number} {pillar.title}" if pillar.number is not None else pillar.title
        for pillar in report.framework.pillars
    }


def _pillar_order(report: AnnualReport, found: Iterable[str]) -> list[str]:
    order = [p.id for p in report.framework.pillars] if report.framework is not None else []
    present = set(found)
    return [p for p in order if p in present] + sorted(present - set(order))


def _office_name(code: str) -> str:
    try:
        return office(code).name
    except ClairlibError:
        return code


def _country_name(code: str) -> str:
    try:
        return Country(code).name_ja
    except ClairlibError:
        return code


def _stacked(report: AnnualReport, dimension: str) -> StackedChart | None:
    counted = tally(report, "events", by=(dimension, "pillar"))
    if not counted.groups:
        return None
    cells: dict[tuple[str, str], Decimal] = {
        (group.key[0], group.key[1]): group.value or Decimal(0) for group in counted.groups
    }
    pillars = _pillar_order(report, (pillar for _, pillar in cells))
    keys = sorted({key for key, _ in cells})
    if dimension == "office":
        # Headquarters first, then the offices in the reference's order.
        rank = {o.code: index for index, o in enumerate(offices())}
        keys.sort(key=lambda code: (rank.get(code, len(rank)), code))
        names = [_office_name(code) for code in keys]
    else:
        totals = {key: sum(v for (k, _), v in cells.items() if k == key) for key in keys}
        keys.sort(key=lambda code: (-totals[code], code))
        names = [_country_name(code) for code in keys]
    rows = [tuple(cells.get((key, pillar), Decimal(0)) for pillar in pillars) for key in keys]
    if len(rows) > MAX_COUNTRIES:
        kept, rest = rows[: MAX_COUNTRIES - 1], rows[MAX_COUNTRIES - 1 :]
        rows = [*kept, tuple(sum(column, Decimal(0)) for column in zip(*rest, strict=True))]
        names = [*names[: MAX_COUNTRIES - 1], OTHERS]
    labels = _pillar_names(report)
    # A pillar keeps its colour from chart to chart: its place among all the pillars.
    places = _pillar_order(report, (*labels, *pillars))
    return StackedChart(
        categories=tuple(names),
        stacks=tuple(labels.get(pillar, pillar) for pillar in pillars),
        colours=tuple(places.index(pillar) for pillar in pillars),
        values=tuple(rows),
        overlapping=counted.overlapping,
        unassigned=counted.unassigned or Decimal(0),
    )


def event_charts(report: AnnualReport) -> tuple[tuple[str, StackedChart], ...]:
    """Events by office and by country, split by pillar: ``("office", chart)`` …"""
    found = ((dimension, _stacked(report, dimension)) for dimension in ("office", "country"))
    return tuple((dimension, chart) for dimension, chart in found if chart is not None)
