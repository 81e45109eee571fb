"""ratio: printed ratios against numerator ÷ denominator at the printed precision."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from clairlib.calendar import FiscalYear
from clairlib.findings import Severity
from clairlib.model import AnnualReport, Indicator, Measurement, Qualifier, Quantity
from clairlib.rules import Ratio, validate

SetFigure = Callable[..., AnnualReport]


def _ratios(doc: AnnualReport) -> list[Any]:
    return list(validate(doc, rules=[Ratio()]).findings)


def test_tefl_completion_rate_as_printed_is_a_finding(excerpt: AnnualReport) -> None:
    """「168 名の受講者のうち、116 名(68.5%)」: 116/168 = 69.05 %, 69.0 % printed to one digit."""
    findings = _ratios(excerpt)
    assert 1 == len(findings)
    finding = findings[0]
    assert ("ratio", Severity.ERROR, "$.figures[7].value") == (
        finding.rule,
        finding.severity,
        finding.path,
    )
    assert finding.evidence is not None
    assert (Decimal("68.5"), "==", Decimal("69.05"), Decimal("0.05")) == (
        finding.evidence.left,
        finding.evidence.op,
        finding.evidence.right,
        finding.evidence.tolerance,
    )
    assert ("$.figures[6].value", "$.figures[5].value") == finding.evidence.parts
    assert "69.0%" in finding.message


def test_correct_rates_at_each_precision_hold(excerpt: AnnualReport, set_figure: SetFigure) -> None:
    """69.0 %, 69 % and 69.05 % all admit 69.0476…%; 69.1 % (±0.05) does not."""
    verdicts = {
        text: _ratios(set_figure(excerpt, "f3-tefl-rate", value=Quantity.of(text, "%")))
        for text in ("69.0", "69", "69.05", "69.1")
    }
    assert {"69.0": 0, "69": 0, "69.05": 0, "69.1": 1} == {k: len(v) for k, v in verdicts.items()}


def test_fraction_without_percent(excerpt: AnnualReport, set_figure: SetFigure) -> None:
    """A ratio printed as a plain fraction 0.69 (±0.005) holds for 0.6905."""
    doc = set_figure(excerpt, "f3-tefl-rate", value=Quantity.of("0.69"))
    assert [] == _ratios(doc)


def test_approximate_rate_warns_at_most(excerpt: AnnualReport, set_figure: SetFigure) -> None:
    """約 60 % admits 54 … 66: 69.05 % lies outside, and a 約 figure only warns."""
    doc = set_figure(
        excerpt, "f3-tefl-rate", value=Quantity.of(60, "%", qualifier=Qualifier.APPROXIMATELY)
    )
    assert [Severity.WARNING] == [f.severity for f in _ratios(doc)]


def test_unknown_parts_are_skipped(excerpt: AnnualReport, set_figure: SetFigure) -> None:
    """A ratio whose numerator figure does not exist is skipped with a reason."""
    report = validate(set_figure(excerpt, "f3-tefl-rate", numerator="nothing"), rules=[Ratio()])
    assert () == report.findings
    assert ["$.figures[7].value"] == [s.path for s in report.skipped]


def test_ratio_indicator_measurements() -> None:
    """A ratio indicator's measurement is checked against its parts for the same year."""
    fy = FiscalYear(2013)
    indicators = (
        Indicator(id="done", name="修了者", unit="名"),
        Indicator(id="all", name="受講者", unit="名"),
        Indicator(id="rate", name="修了率", unit="%", numerator="done", denominator="all"),
    )
    measurements = (
        Measurement(id="m1", indicator="done", fiscal_year=fy, value=Quantity.of(116, "名")),
        Measurement(id="m2", indicator="all", fiscal_year=fy, value=Quantity.of(168, "名")),
        Measurement(id="m3", indicator="rate", fiscal_year=fy, value=Quantity.of("68.5", "%")),
    )
    doc = AnnualReport(
        id="r", title="t", fiscal_year=fy, indicators=indicators, measurements=measurements
    )
    findings = _ratios(doc)
    assert [("$.measurements[2].value", Decimal("69.05"))] == [
        (f.path, f.evidence.right) for f in findings if f.evidence
    ]
