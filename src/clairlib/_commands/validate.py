"""``clairlib validate FILE [--previous FILE] [--plan FILE] [--unchecked]``: audit a document."""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from clairlib._commands._input import read
from clairlib._commands._output import emit, emit_json
from clairlib.cli import EXIT_FINDINGS, EXIT_OK

TYPE_CHECKING = False  # typing.TYPE_CHECKING to mypy; importing typing slows the start

if TYPE_CHECKING:  # the rules are imported when the command runs, not for --help
    from clairlib.findings import Finding
    from clairlib.rules import Coverage, ValidationReport

# A count over a million records names a million parts: a person reads the first few.
_SHOWN_PARTS = 5
# Paths shown under one repeated skip reason, before "… and N more".
_SHOWN_PATHS = 3


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
        "--plan",
        metavar="FILE",
        help="the plan the report delivers: its year's annual plan (programmes, targets) "
        "or the mid-term plan (progress toward targets)",
    )
    parser.add_argument(
        "--unchecked",
        action="store_true",
        help="list every printed figure not checked, and those awaiting another document, "
        "with the reason and path",
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
    plan = read(args.plan) if args.plan else None
    report = clairlib.validate(doc, previous=previous, plan=plan)
    if args.format == "json":
        emit_json(report.as_dict())
    else:
        emit("\n".join(render(report, args.file, unchecked=args.unchecked)))
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


def _paths(paths: Sequence[str], limit: int | None) -> str:
    if limit is None or len(paths) <= limit:
        return ", ".join(paths)
    return ", ".join(paths[:limit]) + f", … and {len(paths) - limit} more"


def _uncovered(coverage: Coverage) -> list[str]:
    from clairlib.rules import State

    lines: list[str] = []
    for state, title in ((State.AWAITING, "Awaiting"), (State.UNCHECKED, "Unchecked")):
        figures = coverage.of(state)
        if not figures:
            continue
        lines += ["", f"{title} ({len(figures)}):"]
        for reason, paths in coverage.reasons(state).items():
            lines.append(f"  {reason} ({len(paths)}):")
            labels = {f.path: f for f in figures}
            for path in paths:
                figure = labels[path]
                lines.append(f"    {path}  {figure.label}「{figure.text}」")
    return lines


def _skips(report: ValidationReport) -> list[str]:
    # One line per rule and reason, with the first few paths: a reason repeated for
    # every figure would otherwise bury the findings.
    groups: dict[tuple[str, str], list[str]] = {}
    for s in report.skipped:
        groups.setdefault((s.rule, s.reason), []).append(s.path)
    lines = ["", f"Skipped ({len(report.skipped)}):"]
    for (rule, reason), paths in groups.items():
        count = f" ({len(paths)})" if len(paths) > 1 else ""
        lines.append(f"  [{rule}] {reason}{count}: {_paths(paths, _SHOWN_PATHS)}")
    return lines


def render(report: ValidationReport, name: str, *, unchecked: bool = False) -> list[str]:
    """The report as text lines: a verdict and the coverage, then findings grouped by
    severity, then skips grouped by reason; with ``unchecked``, every figure not checked."""
    verdict = "valid" if report.valid else "invalid"
    lines = [
        f"{name}: {verdict} — {_plural(len(report.errors), 'error')}, "
        f"{_plural(len(report.warnings), 'warning')}, {_plural(len(report.notes), 'note')} "
        f"({_plural(len(report.rules), 'rule')} run, {len(report.skipped)} skipped)",
        report.coverage.describe(),
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
        lines += _skips(report)
    if unchecked:
        lines += _uncovered(report.coverage)
    return lines
