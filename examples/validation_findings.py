"""Write the "What validation finds" section of examples/README.md from clairlib's output.

For each example document: the coverage line of ``clairlib validate``, every finding
(rule, severity, path, evidence, message), the figures awaiting another document, and
the reasons figures are left unchecked, with how many each. Nothing in the section is
typed by hand, so it cannot drift from what the tool says. Run it with::

    uv run python examples/validation_findings.py          # rewrite the README section
    uv run python examples/validation_findings.py --check  # exit 1 when it is stale
"""

from __future__ import annotations

import sys
from pathlib import Path

import clairlib
from clairlib.findings import Finding
from clairlib.rules import State, ValidationReport

EXAMPLES = Path(__file__).parent
README = EXAMPLES / "README.md"
DOCUMENTS = (
    "midterm-plan-2022.json",
    "fy2011-plan.json",
    "fy2025-plan.json",
    "fy2013-report.json",
)
START = "<!-- validation-findings:start (written by examples/validation_findings.py) -->"
END = "<!-- validation-findings:end -->"


def _cell(text: str) -> str:
    """Text fit for one Markdown table cell."""
    return " ".join(str(text).split()).replace("|", "\\|")


def _evidence(finding: Finding) -> str:
    e = finding.evidence
    if e is None:
        return ""
    within = "" if e.tolerance is None else f" ± {e.tolerance}"
    return f"{e.left} {e.op} {e.right}{within}"


def document_section(name: str, report: ValidationReport) -> list[str]:
    """The lines for one document: coverage, findings, awaiting, unchecked reasons."""
    lines = [f"### `examples/{name}`", ""]
    if report.coverage.total:
        lines += [report.coverage.describe() + ".", ""]
    if not report.findings:
        lines += ["No findings.", ""]
    else:
        lines += [
            "| rule | severity | path | evidence | message |",
            "|---|---|---|---|---|",
        ]
        lines += [
            f"| `{f.rule}` | {f.severity.value} | `{f.path}` | {_cell(_evidence(f))} "
            f"| {_cell(f.message)} |"
            for f in report.findings
        ]
        lines.append("")
    waiting = report.coverage.of(State.AWAITING)
    if waiting:
        lines += ["Awaiting another document:", "", "| path | printed | reason |", "|---|---|---|"]
        lines += [
            f"| `{f.path}` | {_cell(f.label)} 「{_cell(f.text)}」 | {_cell(f.reason or '')} |"
            for f in waiting
        ]
        lines.append("")
    reasons = report.coverage.reasons(State.UNCHECKED)
    if reasons:
        lines += ["Unchecked, by reason:", "", "| figures | reason |", "|---|---|"]
        lines += [f"| {len(paths)} | {_cell(reason)} |" for reason, paths in reasons.items()]
        lines.append("")
    return lines


def section() -> str:
    """The whole generated section, between its markers."""
    lines = [START, ""]
    for name in DOCUMENTS:
        lines += document_section(name, clairlib.validate(clairlib.load(EXAMPLES / name)))
    lines.append(END)
    return "\n".join(lines)


def rewritten(text: str) -> str:
    """The README text with its generated section replaced by a fresh one."""
    head, found, rest = text.partition(START)
    _, ended, tail = rest.partition(END)
    if not (found and ended):
        raise SystemExit(f"{README.name}: the markers of the generated section are missing")
    return head + section() + tail


def main(argv: list[str]) -> int:
    """Rewrite the README section, or with ``--check`` say whether it is up to date."""
    text = README.read_text(encoding="utf-8")
    fresh = rewritten(text)
    if "--check" in argv:
        if fresh != text:
            print(f"{README.name} is stale: run examples/validation_findings.py")
            return 1
        return 0
    README.write_text(fresh, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
