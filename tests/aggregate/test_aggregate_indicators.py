"""Indicator aggregation over offices and years, ratios, progress and year-on-year change."""

from __future__ import annotations

from decimal import Decimal

import attrs
import pytest

from clairlib.aggregate import (
    AggregationError,
    aggregate_indicator,
    combine,
    indicator_changes,
    measurements_of,
    progress,
    year_on_year,
)
from clairlib.calendar import FiscalYear, Period
from clairlib.model import (
    Aggregation,
    AnnualReport,
    Framework,
    Indicator,
    Measurement,
    MidTermPlan,
    Quantity,
    Target,
)

FY12, FY13, FY14 = FiscalYear(2012), FiscalYear(2013), FiscalYear(2014)


def _m(
    ident: str, indicator: str, year: FiscalYear, value: int, office: str | None = None
) -> Measurement:
    return Measurement(
        id=ident, indicator=indicator, fiscal_year=year, value=Quantity.of(value), office=office
    )


def test_support_cases_sum_over_offices(excerpt: AnnualReport) -> None:
    """<海外活動支援件数等>: 47+87+80+156+85+44+22 = 521; the declared 521 is not added again."""
    value = aggregate_indicator(
        "kpi-support-cases", excerpt.measurements, indicators=excerpt.indicators
    )
    assert Decimal(521) == value.value
    assert (FY13,) == value.fiscal_years
    assert 7 == len(value.measurements)


@pytest.mark.parametrize(
    ("how", "expected"),
    [
        (Aggregation.SUM, 1007),
        (Aggregation.LAST, 521),
        (Aggregation.MAX, 521),
        (Aggregation.MIN, 486),
    ],
)
def test_over_periods(excerpt: AnnualReport, how: Aggregation, expected: int) -> None:
    """FY2012 486 (521 − 前年度比 35) and FY2013 521 combined over years as the indicator says."""
    indicator = attrs.evolve(excerpt.indicators[0], over_periods=how)
    pool = (*excerpt.measurements, _m("m12", "kpi-support-cases", FY12, 486))
    assert (
        Decimal(expected)
        == aggregate_indicator("kpi-support-cases", pool, indicators=[indicator]).value
    )


def test_over_offices_max() -> None:
    """An indicator taking the max over offices gives シンガポール's 156."""
    indicator = Indicator(id="k", name="k", unit="件", over_offices=Aggregation.MAX)
    pool = [
        _m(f"m{i}", "k", FY13, v, o)
        for i, (o, v) in enumerate([("NYC", 47), ("SIN", 156), ("BEJ", 22)])
    ]
    assert Decimal(156) == aggregate_indicator("k", pool, indicators=[indicator]).value


def test_ratio_from_aggregated_parts_never_averaged() -> None:
    """TEFL 116/168 in FY2013 and (illustrative) 30/32 in FY2014: (116+30)/(168+32) = 73 %.

    Averaging the two rates (69.05 % and 93.75 %) would give 81.4 %: wrong.
    """
    indicators = [
        Indicator(id="done", name="修了者", unit="名"),
        Indicator(id="all", name="受講者", unit="名"),
        Indicator(id="rate", name="修了率", unit="%", numerator="done", denominator="all"),
    ]
    pool = [
        _m("a", "done", FY13, 116), _m("b", "all", FY13, 168),
        _m("c", "done", FY14, 30), _m("d", "all", FY14, 32),
    ]  # fmt: skip
    value = aggregate_indicator("rate", pool, indicators=indicators)
    assert (Decimal(73), Decimal(146), Decimal(200)) == (
        value.value,
        value.numerator,
        value.denominator,
    )


def test_none_aggregation_refuses_two_values() -> None:
    """Values that do not combine (aggregation none) raise for two offices."""
    with pytest.raises(AggregationError):
        combine([Decimal(1), Decimal(2)], Aggregation.NONE)
    assert Decimal(1) == combine([Decimal(1)], Aggregation.NONE)


def test_unknown_indicator_raises() -> None:
    """Aggregating an indicator that is not defined raises AggregationError."""
    with pytest.raises(AggregationError, match="unknown indicator"):
        aggregate_indicator("nothing", [], indicators=[])


def test_year_on_year() -> None:
    """521 on 486: +35, 35/486 = 7.2 %."""
    change = year_on_year(Decimal(521), Decimal(486))
    assert Decimal(35) == change.absolute
    assert change.relative is not None
    assert Decimal("0.0720") == change.relative.quantize(Decimal("0.0001"))
    assert year_on_year(Decimal(5), Decimal(0)).relative is None


def test_indicator_changes(excerpt: AnnualReport) -> None:
    """Per-year changes for consecutive years measured: FY2013 +35 on FY2012."""
    pool = (*measurements_of(excerpt), _m("m12", "kpi-support-cases", FY12, 486))
    changes = indicator_changes("kpi-support-cases", pool, indicators=excerpt.indicators)
    assert [(FY13, Decimal(35))] == [(year, c.absolute) for year, c in changes]


def test_progress_against_targets(excerpt: AnnualReport) -> None:
    """Progress against an illustrative plan FY2013–FY2017, worked by hand.

    FY2013 target 500 is met (521/500 = 1.042); the plan target 2,600 stands at
    521/2,600 = 20.04 %; a lower-is-better target of 400 is missed by 450.
    """
    lower = Indicator(id="k-low", name="low", unit="件", higher_is_better=False)
    plan = MidTermPlan(
        id="plan",
        title="plan",
        period=Period.fromisoformat("FY2013/FY2017"),
        framework=Framework(id="f", title="f"),
        indicators=(*excerpt.indicators, lower),
        targets=(
            Target(indicator="kpi-support-cases", value=Quantity.of(500), fiscal_year=FY13),
            Target(indicator="kpi-support-cases", value=Quantity.of(2600)),
            Target(indicator="k-low", value=Quantity.of(400), fiscal_year=FY13),
            Target(indicator="kpi-support-cases", value=Quantity.of(550), fiscal_year=FY14),
        ),
    )
    pool = (*excerpt.measurements, _m("low", "k-low", FY13, 450))
    results = progress(plan, pool)
    assert [True, False, False, None] == [r.met for r in results]
    assert Decimal("1.042") == results[0].ratio
    assert results[1].ratio is not None
    assert Decimal("0.2004") == results[1].ratio.quantize(Decimal("0.0001"))
    assert 5 == len(results[1].fiscal_years)
    assert results[3].actual is None
