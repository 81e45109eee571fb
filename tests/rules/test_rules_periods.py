"""period-within-fy: dated records inside the report's fiscal year."""

from __future__ import annotations

from datetime import date

import attrs

from clairlib.calendar import FiscalYear, Period
from clairlib.findings import Severity
from clairlib.model import AnnualReport, Framework, MidTermPlan, Quantity, Target
from clairlib.rules import PeriodWithinFiscalYear, validate


def test_excerpt_dates_lie_in_fy2013(excerpt: AnnualReport) -> None:
    """平成25年4月 (レストラン連携事業) to 平成26年3月: all inside FY2013."""
    assert () == validate(excerpt, rules=[PeriodWithinFiscalYear()]).findings


def test_event_outside_is_a_warning_and_straddling_a_note(excerpt: AnnualReport) -> None:
    """An event in 2014-04 (FY2014) warns; one over 2014-03/2014-04 is a note."""
    events = list(excerpt.events)
    events[0] = attrs.evolve(events[0], period=Period.fromisoformat("2014-04"))
    events[1] = attrs.evolve(events[1], period=Period.fromisoformat("2014-03/2014-04"))
    findings = validate(
        attrs.evolve(excerpt, events=tuple(events)), rules=[PeriodWithinFiscalYear()]
    ).findings
    assert [
        ("$.events[0].period", Severity.WARNING),
        ("$.events[1].period", Severity.INFO),
    ] == [(f.path, f.severity) for f in findings]
    assert "平成25年度" in findings[0].message
    assert findings[0].evidence is not None
    assert ("2014-04", "within", "FY2013") == (
        findings[0].evidence.left,
        findings[0].evidence.op,
        findings[0].evidence.right,
    )


def test_plan_target_outside_the_plan_period() -> None:
    """A FY2027 target in the FY2022–FY2026 plan is a warning."""
    plan = MidTermPlan(
        id="m",
        title="中期経営計画",
        period=Period.fromisoformat("FY2022/FY2026"),
        framework=Framework(id="f", title="f"),
        targets=(
            Target(indicator="k", value=Quantity.of(1), fiscal_year=FiscalYear(2026)),
            Target(indicator="k", value=Quantity.of(1), fiscal_year=FiscalYear(2027)),
        ),
    )
    assert ["$.targets[1].fiscal_year"] == [
        f.path for f in validate(plan, rules=[PeriodWithinFiscalYear()]).findings
    ]


def test_plan_period_from_year_one_is_checked_without_failing() -> None:
    """A plan period starting on 0001-01-01 (no fiscal year can name it) still checks targets."""
    plan = MidTermPlan(
        id="m",
        title="中期経営計画",
        period=Period.between(Period.day(date(1, 1, 1)), Period.day(date(2000, 1, 1))),
        framework=Framework(id="f", title="f"),
        targets=(
            Target(indicator="k", value=Quantity.of(1), fiscal_year=FiscalYear(1999)),
            Target(indicator="k", value=Quantity.of(1), fiscal_year=FiscalYear(2000)),
        ),
    )
    findings = validate(plan, rules=[PeriodWithinFiscalYear()]).findings
    # FY1999 runs to 2000-03-31 and so overlaps the period; FY2000 starts after it ends.
    assert ["$.targets[1].fiscal_year"] == [f.path for f in findings]
    assert "0001-01-01/2000-01-01" == findings[0].evidence.right  # type: ignore[union-attr]
