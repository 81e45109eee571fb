"""reported-change: 前年度比 against last year's figure."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import attrs

from clairlib.calendar import FiscalYear
from clairlib.findings import Severity
from clairlib.model import AnnualReport, Figure, Measurement, Qualifier, Quantity
from clairlib.rules import ReportedChange, validate

SetFigure = Callable[..., AnnualReport]

# The excerpt's changes: 521 件 (前年度比 35 件増) → FY2012 was 486; 83 件 (16 件減) → 99;
# 約 1,552 万件 (約 161 万件増) → about 1,391 万.


def _last_year(**values: Quantity) -> AnnualReport:
    figures = tuple(Figure(id=k.replace("_", "-"), label=k, value=v) for k, v in values.items())
    return AnnualReport(
        id="fy2012", title="平成24年度事業報告", fiscal_year=FiscalYear(2012), figures=figures
    )


def test_without_previous_every_change_is_skipped(excerpt: AnnualReport) -> None:
    """No previous-year document and no recorded previous value: skipped, saying why."""
    report = validate(excerpt, rules=[ReportedChange()])
    assert () == report.findings
    assert [
        "$.figures[11].change",
        "$.figures[12].change",
        "$.figures[13].change",
        "$.measurements[7].change",
    ] == [s.path for s in report.skipped]
    assert all("previous" in s.reason for s in report.skipped)


def test_consistent_previous_year(excerpt: AnnualReport) -> None:
    """Last year's 486, 99 and 1,400 万 (約) agree with the reported changes."""
    previous = _last_year(
        f7_support_cases=Quantity.of(486, "件"),
        f5_research_count=Quantity.of(99, "件"),
        f5_web_accesses=Quantity.of(1400, "件", scale=10000),
    )
    report = validate(excerpt, rules=[ReportedChange()], previous=previous)
    assert () == report.findings


def test_inconsistent_previous_year(excerpt: AnnualReport) -> None:
    """Last year printed 490: 521 − 35 = 486 disagrees, an error with 490 == 486 as evidence."""
    previous = _last_year(f7_support_cases=Quantity.of(490, "件"))
    findings = validate(excerpt, rules=[ReportedChange()], previous=previous).findings
    assert 1 == len(findings)
    finding = findings[0]
    assert ("$.figures[13].change", Severity.ERROR) == (finding.path, finding.severity)
    assert finding.evidence is not None
    assert (Decimal(490), "==", Decimal(486)) == (
        finding.evidence.left,
        finding.evidence.op,
        finding.evidence.right,
    )
    assert ("previous:$.figures[0].value",) == finding.evidence.parts
    assert "last year was 486" in finding.message


def test_decrease(excerpt: AnnualReport) -> None:
    """83 件 (前年度比 16 件減): last year's 100 disagrees with 83 + 16 = 99."""
    previous = _last_year(f5_research_count=Quantity.of(100, "件"))
    findings = validate(excerpt, rules=[ReportedChange()], previous=previous).findings
    assert [Decimal(99)] == [f.evidence.right for f in findings if f.evidence]


def test_approximate_change_only_warns(excerpt: AnnualReport) -> None:
    """約 1,552 万 − 約 161 万 cannot be 1,000 万: a warning, since the figures are 約."""
    previous = _last_year(f5_web_accesses=Quantity.of(1000, "件", scale=10000))
    findings = validate(excerpt, rules=[ReportedChange()], previous=previous).findings
    assert [("$.figures[12].change", Severity.WARNING)] == [(f.path, f.severity) for f in findings]


def test_recorded_previous_value(excerpt: AnnualReport, set_figure: SetFigure) -> None:
    """A figure's own previous value is checked without last year's document."""
    doc = set_figure(excerpt, "f7-support-cases", previous=Quantity.of(480, "件"))
    findings = validate(doc, rules=[ReportedChange()]).findings
    assert [("$.figures[13].change", Decimal(480), ("$.figures[13].previous",))] == [
        (f.path, f.evidence.left, f.evidence.parts) for f in findings if f.evidence
    ]


def test_measurement_change_against_previous_measurement(excerpt: AnnualReport) -> None:
    """The all-offices 521 (35 件増) against a FY2012 measurement of 486 holds, of 480 not."""

    def previous(value: int) -> AnnualReport:
        m = Measurement(
            id="m",
            indicator="kpi-support-cases",
            fiscal_year=FiscalYear(2012),
            value=Quantity.of(value, "件"),
        )
        return attrs.evolve(_last_year(), measurements=(m,))

    rule = [ReportedChange()]
    assert [] == [
        f
        for f in validate(excerpt, rules=rule, previous=previous(486)).findings
        if "measurements" in f.path
    ]
    wrong = validate(excerpt, rules=rule, previous=previous(480)).findings
    assert ["$.measurements[7].change"] == [f.path for f in wrong if "measurements" in f.path]


def test_approximate_qualifier_on_change_alone(
    excerpt: AnnualReport, set_figure: SetFigure
) -> None:
    """An approximate change (約 35 件増) only warns."""
    doc = set_figure(
        excerpt, "f7-support-cases", change=Quantity.of(35, "件", qualifier=Qualifier.APPROXIMATELY)
    )
    previous = _last_year(f7_support_cases=Quantity.of(400, "件"))
    findings = validate(doc, rules=[ReportedChange()], previous=previous).findings
    assert [Severity.WARNING] == [f.severity for f in findings]
