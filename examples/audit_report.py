"""Audit the FY2013 report: load it, validate it, print the findings by severity.

Every finding says which rule found it, where (a JSON path into the document), what
disagrees, and the evidence: ``left op right`` within a tolerance. Run it with::

    uv run python examples/audit_report.py
"""

from __future__ import annotations

from pathlib import Path

import clairlib
from clairlib.findings import Finding, Severity
from clairlib.model import AnnualReport

EXAMPLES = Path(__file__).parent


def describe(finding: Finding) -> str:
    """A finding as two lines: rule, path and message; then its evidence."""
    text = f"  [{finding.rule}] {finding.path}\n    {finding.message}"
    evidence = finding.evidence
    if evidence is not None:
        within = "" if evidence.tolerance is None else f" (tolerance {evidence.tolerance})"
        text += f"\n    evidence: {evidence.left} {evidence.op} {evidence.right}{within}"
    return text


def main() -> None:
    """Load, validate and print the FY2013 report's findings, errors first."""
    report = clairlib.load(EXAMPLES / "fy2013-report.json")
    assert isinstance(report, AnnualReport)
    result = clairlib.validate(report)
    verdict = "valid" if result.valid else "not valid"
    print(f"{report.title} ({report.id}): {len(result.findings)} findings, {verdict}")
    for severity in Severity:
        found = [f for f in result.findings if f.severity is severity]
        print(f"\n{severity.value}: {len(found)}")
        for finding in found:
            print(describe(finding))
    if result.skipped:
        rules = sorted({s.rule for s in result.skipped})
        print(f"\nnot checked: {len(result.skipped)} places ({', '.join(rules)})")


if __name__ == "__main__":
    main()
