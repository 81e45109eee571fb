"""``clairlib read FILE [-o OUT.json] [--kind …] [--option KEY=VALUE]``: read a document."""

from __future__ import annotations

import argparse

from clairlib._commands._input import emit
from clairlib.cli import EXIT_FINDINGS, EXIT_OK

TYPE_CHECKING = False  # typing.TYPE_CHECKING to mypy; importing typing slows the start

if TYPE_CHECKING:
    from typing import Any

    from clairlib.reading import Reading

_KINDS = ("annual_plan", "annual_report", "mid_term_plan")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``read`` command."""
    parser = subparsers.add_parser(
        "read",
        help="read a printed plan or report (PDF, its text, Word) into a draft document",
        description=(
            "Read FILE (a PDF, its text extraction, a .docx) with the reader that recognises "
            "it, print what was read and what could not be, and with -o write the draft as "
            "canonical JSON that load, validate and export take. Exit status: 0 read, 1 error "
            "findings, 2 unreadable input."
        ),
    )
    parser.add_argument("file", metavar="FILE", help="the printed document")
    parser.add_argument(
        "-o", "--out", metavar="OUT.json", help="write the draft here (atomic; '-' for stdout)"
    )
    parser.add_argument("--kind", choices=_KINDS, help="what the document is, over its title")
    parser.add_argument(
        "--fiscal-year", type=int, metavar="YEAR", help="its fiscal year (2013), over its title"
    )
    parser.add_argument("--reader", metavar="NAME", help="the reader to use (text, pdf, docx …)")
    parser.add_argument(
        "--option",
        dest="options",
        metavar="KEY=VALUE",
        action="append",
        default=[],
        help="an option of the reader (clairlib plugins lists them): tables=false, password=…",
    )
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text for people (default), json for systems",
    )
    parser.set_defaults(handler=run)


def _counts(reading: Reading) -> dict[str, int]:
    from clairlib.model import AnnualPlan, AnnualReport, BlockKind, MidTermPlan, Section

    doc = reading.document
    counts = {"sections": 0, "programmes": 0, "paragraphs": 0, "figures": 0, "tables": 0}

    def walk(sections: tuple[Section, ...]) -> None:
        for section in sections:
            counts["sections"] += 1
            counts["programmes"] += len(section.programmes)
            blocks = list(section.body)
            for programme in section.programmes:
                blocks.extend(programme.body)
            counts["paragraphs"] += sum(b.kind is BlockKind.PARAGRAPH for b in blocks)
            walk(section.sections)

    if isinstance(doc, AnnualPlan | AnnualReport):
        walk(doc.sections)
        counts["paragraphs"] += sum(b.kind is BlockKind.PARAGRAPH for b in doc.preamble)
    if isinstance(doc, AnnualReport):
        counts["figures"] = len(doc.figures)
        counts["tables"] = len(doc.tables)
        counts["records"] = len(doc.events) + len(doc.persons) + len(doc.grants)
    if isinstance(doc, MidTermPlan):
        counts["pillars"] = len(doc.framework.pillars)
        counts["objectives"] = sum(len(p.objectives) for p in doc.framework.pillars)
    return counts


def _report(reading: Reading, name: str, out: str | None) -> dict[str, Any]:
    doc = reading.document
    year = getattr(doc, "fiscal_year", None)
    period = getattr(doc, "period", None)
    return {
        "source": name,
        "kind": doc.KIND,
        "title": doc.title,
        "fiscal_year": year.year if year is not None else None,
        "period": period.isoformat() if period is not None else None,
        "written": out,
        "read": _counts(reading),
        "findings": [
            {
                "rule": f.rule,
                "severity": f.severity.value,
                "path": f.path,
                "message": f.message,
            }
            for f in reading.findings
        ],
    }


def _text(report: dict[str, Any]) -> str:
    when = report["fiscal_year"] or report["period"]
    counts = ", ".join(f"{count} {what}" for what, count in report["read"].items())
    lines = [f"{report['source']}: {report['kind']} {report['title']} ({when}) — {counts}"]
    if report["written"]:
        lines.append(f"written to {report['written']}")
    findings = report["findings"]
    if findings:
        lines += ["", f"Findings ({len(findings)}):"]
        for finding in findings:
            lines.append(f"  {finding['severity']} [{finding['rule']}] {finding['path']}")
            lines.append(f"    {finding['message']}")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    """Read FILE, write the draft where asked, print what was read; exit 1 on error findings."""
    import sys

    import clairlib
    from clairlib.exporting import parse_option

    options: dict[str, Any] = dict(parse_option(text) for text in args.options)
    reading = clairlib.read(
        args.file, kind=args.kind, fiscal_year=args.fiscal_year, reader=args.reader, **options
    )
    written: str | None = None
    if args.out == "-":
        emit(clairlib.dumps(reading.document).rstrip("\n"))
        written = "<stdout>"
    elif args.out:
        clairlib.dump(reading.document, args.out)
        written = args.out
    report = _report(reading, args.file, written)
    import json  # here: --help starts without it

    text = (
        json.dumps(report, ensure_ascii=False, indent=2) if args.format == "json" else _text(report)
    )
    if args.out == "-":
        # The draft is on stdout: what was read goes to stderr.
        print(text, file=sys.stderr)
    else:
        emit(text)
    return EXIT_FINDINGS if reading.has_errors else EXIT_OK
