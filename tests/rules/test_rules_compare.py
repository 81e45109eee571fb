"""compare: values addressed by path, and values declared twice."""

from __future__ import annotations

from decimal import Decimal

import attrs
import pytest

from clairlib.findings import Severity
from clairlib.model import AnnualReport, Qualifier, Quantity
from clairlib.rules import Compare, DeclaredOnce, validate


def test_prose_figure_against_the_table_total(excerpt: AnnualReport) -> None:
    """「計 521 件」 in prose equals the 計 cell of <海外活動支援件数等>."""
    rule = Compare(left="figure:f7-support-cases", op="==", right="$.tables[2].rows[7].cells.cases")
    assert () == validate(excerpt, rules=[rule]).findings


def test_a_relation_that_fails(excerpt: AnnualReport) -> None:
    """「521 件 > 3,147 名」 does not hold: the finding shows both values and the operator."""
    rule = Compare(
        left="$.tables[2].rows[7].cells.cases", op=">", right="$.tables[2].rows[7].cells.persons"
    )
    findings = validate(excerpt, rules=[rule]).findings
    assert [("$.tables[2].rows[7].cells.cases", Decimal(521), ">", Decimal(3147))] == [
        (f.path, f.evidence.left, f.evidence.op, f.evidence.right) for f in findings if f.evidence
    ]


def test_tolerance_and_custom_code(excerpt: AnnualReport) -> None:
    """A tolerance of 474 lets 521 match ニューヨーク's 47, 473 not; findings carry the code."""
    within = Compare(
        left="figure:f7-support-cases",
        op="==",
        right="$.tables[2].rows[0].cells.cases",
        tolerance=Decimal(474),
        code="support-vs-nyc",
    )
    outside = attrs.evolve(within, tolerance=Decimal(473))
    assert () == validate(excerpt, rules=[within]).findings
    assert ["support-vs-nyc"] == [f.rule for f in validate(excerpt, rules=[outside]).findings]


def test_missing_address_skips(excerpt: AnnualReport) -> None:
    """An address naming nothing in this document skips the comparison, saying what is missing."""
    rule = Compare(left="figure:f-none", op="==", right="$.tables[2].rows[7].cells.cases")
    report = validate(excerpt, rules=[rule])
    assert () == report.findings
    assert ["compare"] == [s.rule for s in report.skipped]
    assert "f-none" in report.skipped[0].reason


def test_bad_operator_is_refused() -> None:
    """An operator outside == != < <= > >= is refused when the rule is made."""
    with pytest.raises(ValueError, match="operator"):
        Compare(left="$.a", op="=~", right="$.b")


def test_measurement_declared_twice(excerpt: AnnualReport) -> None:
    """The 521 of the table and of prose as two measurements must agree; 520 warns if 約."""
    last = excerpt.measurements[-1]
    again = attrs.evolve(last, id="m7-again", value=Quantity.of(520, "件"), change=None)
    approx = attrs.evolve(again, value=Quantity.of(520, "件", qualifier=Qualifier.APPROXIMATELY))
    exact_doc = attrs.evolve(excerpt, measurements=(*excerpt.measurements, again))
    approx_doc = attrs.evolve(excerpt, measurements=(*excerpt.measurements, approx))
    assert [("$.measurements[8].value", Severity.ERROR)] == [
        (f.path, f.severity) for f in validate(exact_doc, rules=[DeclaredOnce()]).findings
    ]
    assert () == validate(approx_doc, rules=[DeclaredOnce()]).findings
