"""validate, ValidationReport and the Rule protocol: every finding collected, failures reported."""

from __future__ import annotations

import json
from collections.abc import Iterator

import attrs

from clairlib.calendar import FiscalYear
from clairlib.findings import Evidence, Finding, Severity
from clairlib.model import AnnualReport, Document
from clairlib.rules import (
    Context,
    NotApplicable,
    Rule,
    ValidationReport,
    default_rules,
    validate,
)

DOC = AnnualReport(id="r", title="t", fiscal_year=FiscalYear(2013))


@attrs.frozen
class Emits:
    """A test rule yielding fixed findings."""

    severities: tuple[Severity, ...]
    code: str = "emits"
    description: str = "yields findings"
    severity: Severity = Severity.ERROR

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        """Yield one finding per severity."""
        for i, severity in enumerate(self.severities):
            yield Finding(rule=self.code, severity=severity, path=f"$.x[{i}]", message="m")


@attrs.frozen
class Explodes:
    """A test rule that yields one finding and then fails."""

    code: str = "explodes"
    description: str = "fails"
    severity: Severity = Severity.ERROR

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        """Yield a warning, then divide by zero."""
        yield Finding(rule=self.code, severity=Severity.WARNING, path="$", message="before")
        raise ZeroDivisionError("division by zero")


@attrs.frozen
class Declines:
    """A test rule that cannot apply."""

    code: str = "declines"
    description: str = "never applies"
    severity: Severity = Severity.ERROR

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        """Skip one place, then the whole rule."""
        ctx.skip("this part is unknowable", path="$.figures[0]")
        raise NotApplicable("no previous year")
        yield  # type: ignore[unreachable]  # pragma: no cover  (makes check a generator)


def test_every_rule_runs_and_every_finding_is_kept() -> None:
    """Findings from all rules are collected in rule order; the run never stops at the first."""
    report = validate(
        DOC,
        rules=[Emits((Severity.ERROR, Severity.WARNING)), Emits((Severity.INFO,), code="second")],
    )
    assert [("emits", "$.x[0]"), ("emits", "$.x[1]"), ("second", "$.x[0]")] == [
        (f.rule, f.path) for f in report.findings
    ]
    assert ("emits", "second") == report.rules
    assert (False, 1, 1, 1) == (
        report.valid,
        len(report.errors),
        len(report.warnings),
        len(report.notes),
    )


def test_warnings_and_notes_do_not_invalidate() -> None:
    """A report with only warnings and notes is valid."""
    assert validate(DOC, rules=[Emits((Severity.WARNING, Severity.INFO))]).valid


def test_a_failing_rule_is_a_finding_and_the_run_goes_on() -> None:
    """A rule that raises keeps what it found, adds an error finding, and later rules still run."""
    report = validate(DOC, rules=[Explodes(), Emits((Severity.INFO,))])
    assert [
        ("explodes", Severity.WARNING),
        ("explodes", Severity.ERROR),
        ("emits", Severity.INFO),
    ] == [(f.rule, f.severity) for f in report.findings]
    assert "ZeroDivisionError: division by zero" in report.findings[1].message
    assert not report.valid


def test_a_rule_yielding_something_else_is_a_failure() -> None:
    """A check yielding a non-Finding is reported as that rule's failure."""

    @attrs.frozen
    class Wrong:
        code: str = "wrong"
        description: str = "yields text"
        severity: Severity = Severity.ERROR

        def check(self, doc: Document, ctx: Context) -> Iterator[object]:
            yield "not a finding"

    report = validate(DOC, rules=[Wrong()])  # type: ignore[list-item]
    assert [("wrong", Severity.ERROR)] == [(f.rule, f.severity) for f in report.findings]
    assert "str" in report.findings[0].message


def test_skips_are_reported_with_reasons() -> None:
    """ctx.skip and NotApplicable both become Skipped entries with the rule's code."""
    report = validate(DOC, rules=[Declines()])
    assert report.valid
    assert [
        ("declines", "$.figures[0]", "this part is unknowable"),
        ("declines", "$", "no previous year"),
    ] == [(s.rule, s.path, s.reason) for s in report.skipped]


def test_rules_satisfy_the_protocol() -> None:
    """The shipped rules and a third party's plain class are Rules; a string is not."""
    assert all(isinstance(rule, Rule) for rule in default_rules())
    assert isinstance(Emits(()), Rule)
    assert not isinstance("sum-of-parts", Rule)


def test_default_rule_codes_are_stable() -> None:
    """The default rules carry the documented codes, in running order."""
    assert [
        "unique-id",
        "reference-exists",
        "sum-of-parts",
        "count-of-rows",
        "ratio",
        "reported-change",
        "compare",
        "period-within-fy",
        "same-event",
        "group-label",
        "previous-document",
        "plan-delivery",
        "weekday",
    ] == [rule.code for rule in default_rules()]


def test_as_dict_is_json_ready() -> None:
    """as_dict writes decimals as ints or decimal strings and lists every evidence field."""
    from decimal import Decimal

    finding = Finding(
        rule="ratio",
        severity=Severity.ERROR,
        path="$.figures[7].value",
        message="m",
        evidence=Evidence(
            left=Decimal("68.5"),
            op="==",
            right=Decimal("69.05"),
            tolerance=Decimal("0.05"),
            parts=("$.figures[6].value", "$.figures[5].value"),
        ),
    )
    report = ValidationReport(findings=(finding,), rules=("ratio",))
    data = report.as_dict()
    assert {
        "valid": False,
        "findings": [
            {
                "rule": "ratio",
                "severity": "error",
                "path": "$.figures[7].value",
                "message": "m",
                "left": "68.5",
                "op": "==",
                "right": "69.05",
                "tolerance": "0.05",
                "parts": ["$.figures[6].value", "$.figures[5].value"],
            }
        ],
        "skipped": [],
        "rules": ["ratio"],
        "coverage": {
            "total": 0,
            "checked": 0,
            "agree": 0,
            "disagree": 0,
            "awaiting": 0,
            "unchecked": 0,
        },
        "figures": [],
    } == data
    json.dumps(data)


def test_excerpt_with_default_rules(excerpt: AnnualReport) -> None:
    """The excerpt as printed: one error and one warning.

    The error is the TEFL rate (68.5 % for 69.05 %); the warning, 香港 printed in the 中国
    group of the economic events.
    """
    report = validate(excerpt, rules=default_rules())
    assert [
        ("ratio", "$.figures[7].value"),
        ("group-label", "$.tables[0].rows[54].cells.venue"),
    ] == [(f.rule, f.path) for f in report.findings]
    assert 4 == len(report.skipped)
