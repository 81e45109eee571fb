"""plan-delivery and previous-document: a report against its plan and last year's report."""

from __future__ import annotations

from typing import Any

import attrs

from clairlib.calendar import FiscalYear, Period
from clairlib.model import (
    AnnualPlan,
    AnnualReport,
    Indicator,
    MidTermPlan,
    Programme,
    Quantity,
    Section,
    Target,
)
from clairlib.rules import PlanDelivery, PreviousDocument, validate


def _plan(excerpt: AnnualReport, **changes: Any) -> AnnualPlan:
    """A FY2013 plan for the excerpt's pillars 1 and 5, typed for these tests.

    Pillar 1: the report's first programme word for word, its second worded otherwise
    (の構築 dropped, ・ for ､), and one the report does not have. Pillar 5: the report's one.
    A target of 600 support cases for FY2013, of which the report gives 521.
    """
    plan = AnnualPlan(
        id="fy2013-plan",
        title="平成25年度事業計画",
        fiscal_year=FiscalYear(2013),
        framework=excerpt.framework,
        sections=(
            Section(
                id="s1",
                title="1",
                pillar="1",
                programmes=(
                    Programme(id="a", name="海外経済活動支援と海外活動へのきめ細かなサポート"),
                    Programme(
                        id="b",
                        name="自治体の経済活動に対する助言・支援及び情報提供とネットワーク構築",
                    ),
                    Programme(id="c", name="海外見本市への共同出展の新設"),
                ),
            ),
            Section(
                id="s5",
                title="5",
                pillar="5",
                programmes=(
                    Programme(id="d", name="自治体の役に立つ情報の収集と調査研究成果の発信"),
                ),
            ),
        ),
        targets=(
            Target(
                indicator="kpi-support-cases",
                value=Quantity.of(600, "件"),
                fiscal_year=FiscalYear(2013),
            ),
        ),
    )
    return attrs.evolve(plan, **changes)


def _found(excerpt: AnnualReport, plan: object) -> list[tuple[str, str, str]]:
    report = validate(excerpt, rules=[PlanDelivery()], plan=plan)  # type: ignore[arg-type]
    return [(f.severity.value, f.path, f.message) for f in report.findings]


def test_programmes_planned_reported_and_matched(excerpt: AnnualReport) -> None:
    """One planned programme is missing, five reported ones unplanned, one matched by name.

    Worked out by hand: plan a = report p1-0 (same name), b ≈ p1-1 (worded otherwise, a
    note showing the match), c is not reported (a warning), d = p5-2. Unplanned: p3-1,
    p4-2, p4-3 and p7-0 (their pillars have nothing in the plan).
    """
    found = _found(excerpt, _plan(excerpt))
    warnings = [f for f in found if f[0] == "warning"]
    assert [("warning", "plan:$.sections[0].programmes[2]")] == [f[:2] for f in warnings]
    unplanned = [f[1] for f in found if "reported and not planned" in f[2]]
    assert [
        "$.sections[1].programmes[0]",
        "$.sections[2].programmes[0]",
        "$.sections[2].programmes[1]",
        "$.sections[4].programmes[0]",
    ] == unplanned
    matched = [f for f in found if f[2].startswith("matched")]
    assert [("info", "$.sections[0].programmes[1]")] == [f[:2] for f in matched]


def test_a_target_not_reached_is_a_note(excerpt: AnnualReport) -> None:
    """521 support cases against a target of 600: a note, 86.8 % of the target."""
    found = _found(excerpt, _plan(excerpt))
    notes = [f for f in found if "against the target" in f[2]]
    assert 1 == len(notes)
    assert "(86.8 %)" in notes[0][2]


def test_a_plan_of_another_year_is_refused(excerpt: AnnualReport) -> None:
    """A FY2011 plan against the FY2013 report: one warning, nothing compared."""
    found = _found(excerpt, _plan(excerpt, fiscal_year=FiscalYear(2011)))
    assert [("warning", "$")] == [f[:2] for f in found]
    assert "FY2011" in found[0][2]


def test_progress_toward_the_mid_term_plan(excerpt: AnnualReport) -> None:
    """A mid-term target of 500 support cases for FY2013: 521 is 104.2 % of it, met."""
    plan = MidTermPlan(
        id="m",
        title="中期経営計画",
        period=Period.between(Period.month(2013, 4), Period.month(2018, 3)),
        framework=excerpt.framework,  # type: ignore[arg-type]
        indicators=(Indicator(id="kpi-support-cases", name="海外活動支援件数", unit="件"),),
        targets=(
            Target(
                indicator="kpi-support-cases",
                value=Quantity.of(500, "件"),
                fiscal_year=FiscalYear(2013),
            ),
        ),
    )
    found = _found(excerpt, plan)
    assert 1 == len(found)
    assert "104.2 % of the target 500件 (met)" in found[0][2]


def test_no_plan_no_finding(excerpt: AnnualReport) -> None:
    """Without a plan the rule says nothing and skips nothing."""
    report = validate(excerpt, rules=[PlanDelivery()])
    assert ((), ()) == (report.findings, report.skipped)


def test_previous_of_another_kind_or_year(excerpt: AnnualReport) -> None:
    """Last year's document must be the FY2012 report: a FY2011 plan is a warning."""
    plan = AnnualPlan(id="p", title="p", fiscal_year=FiscalYear(2011))
    right = AnnualReport(id="r12", title="r", fiscal_year=FiscalYear(2012))
    wrong = validate(excerpt, rules=[PreviousDocument()], previous=plan).findings
    assert 1 == len(wrong)
    assert "of kind annual_plan, not annual_report and for FY2011, not FY2012" in wrong[0].message
    assert () == validate(excerpt, rules=[PreviousDocument()], previous=right).findings
