"""``clairlib validate FILE [--previous FILE] [--format text|json]``: audit a document."""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence

from clairlib._commands._input import emit, read
from clairlib.cli import EXIT_FINDINGS, EXIT_OK
from clairlib.findings import Finding
from clairlib.rules import ValidationReport

# A count over a million records names a million parts: a person reads the first few.
_SHOWN_PARTS = 5


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``validate`` command."""
    parser = subparsers.add_parser(
        "validate",
        help="check a document's totals, counts, ratios, changes and references",
        description=(
            "Run every installed validation rule over FILE (canonical JSON) and report every "
            "finding with its path and evidence. Exit status: 0 valid, 1 error findings, "
            "2 unreadable input."
        ),
    )
    parser.add_argument("file", metavar="FILE", help="the document, as canonical JSON")
    parser.add_argument(
        "--previous",
        metavar="FILE",
        help="last year's document, to check reported changes (前年度比) against",
    )
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text for people (default), json for systems",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Validate the document and print the report; the exit status says whether it is valid."""
    import clairlib

    doc = read(args.file)
    previous = read(args.previous) if args.previous else None
    report = clairlib.validate(doc, previous=previous)
    if args.format == "json":
        emit(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
    else:
        emit("\n".join(render(report, args.file)))
    return EXIT_OK if report.valid else EXIT_FINDINGS


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _evidence(finding: Finding) -> list[str]:
    e = finding.evidence
    if e is None:
        return []
    within = "" if e.tolerance is None else f" (±{e.tolerance})"
    lines = [f"    evidence: {e.left} {e.op} {e.right}{within}"]
    if e.parts:
        shown = ", ".join(e.parts[:_SHOWN_PARTS])
        rest = len(e.parts) - _SHOWN_PARTS
        lines.append(f"    parts: {shown}" + (f", … and {rest} more" if rest > 0 else ""))
    return lines


def render(report: ValidationReport, name: str) -> list[str]:
    """The report as text lines: a verdict, then findings grouped by severity, then skips."""
    verdict = "valid" if report.valid else "invalid"
    lines = [
        f"{name}: {verdict} — {_plural(len(report.errors), 'error')}, "
        f"{_plural(len(report.warnings), 'warning')}, {_plural(len(report.notes), 'note')} "
        f"({_plural(len(report.rules), 'rule')} run, {len(report.skipped)} skipped)"
    ]
    groups: Sequence[tuple[str, tuple[Finding, ...]]] = (
        ("Errors", report.errors),
        ("Warnings", report.warnings),
        ("Notes", report.notes),
    )
    for title, findings in groups:
        if not findings:
            continue
        lines += ["", f"{title} ({len(findings)}):"]
        for finding in findings:
            lines.append(f"  [{finding.rule}] {finding.path}")
            lines.append(f"    {finding.message}")
            lines += _evidence(finding)
    if report.skipped:
        lines += ["", f"Skipped ({len(report.skipped)}):"]
        lines += [f"  [{s.rule}] {s.path}: {s.reason}" for s in report.skipped]
    return lines
