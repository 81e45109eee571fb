"""``clairlib summary FILE [--format text|json]``: a report's headline figures per pillar."""

from __future__ import annotations

import argparse

from clairlib._commands._input import read
from clairlib._commands._output import emit, emit_json
from clairlib.cli import EXIT_OK
from clairlib.errors import ClairlibError

TYPE_CHECKING = False  # typing.TYPE_CHECKING to mypy; importing typing slows the start

if TYPE_CHECKING:
    from decimal import Decimal

    from clairlib.aggregate import Headline, PillarSummary, Summary


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``summary`` command."""
    parser = subparsers.add_parser(
        "summary",
        help="a report's headline figures per pillar, computed and declared",
        description=(
            "Summarize an annual report (canonical JSON): per pillar the events, countries, "
            "regions, participants, grants and amounts, support cases and staff, each "
            "computed from the records or declared by the document."
        ),
    )
    parser.add_argument("file", metavar="FILE", help="an annual report, as canonical JSON")
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text for people (default), json for systems",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Print the summary of the report."""
    from clairlib.aggregate import summarize
    from clairlib.model import AnnualReport

    doc = read(args.file)
    if not isinstance(doc, AnnualReport):
        raise ClairlibError(f"{args.file}: a summary needs an annual_report, found {doc.KIND}")
    summary = summarize(doc)
    if args.format == "json":
        emit_json(summary.as_dict())
    else:
        emit("\n".join(render(summary)))
    return EXIT_OK


def _number(value: Decimal) -> str:
    if value == value.to_integral_value():
        return f"{int(value):,}"
    return f"{value:,f}"


def _line(headline: Headline) -> str:
    amount = f"{_number(headline.value)} {headline.unit}".rstrip()
    what = headline.label if headline.key.startswith(("figure:", "indicator:")) else headline.key
    where = f"  {headline.path}" if headline.path else ""
    label = "" if what == headline.label else headline.label
    printed = f"  {label}「{headline.text}」" if headline.text else ""
    return f"  {what:<24} {amount:>16}  {headline.basis.value:<8}{printed}{where}"


def _section(part: PillarSummary, heading: str) -> list[str]:
    lines = [heading]
    lines += [_line(h) for h in part.headlines] or ["  (nothing)"]
    return lines


def render(summary: Summary) -> list[str]:
    """The summary as text lines, one block per pillar, then the whole report."""
    year = summary.fiscal_year
    try:
        named = f"{year} ({year.to_wareki()})"
    except ClairlibError:  # a year before the era calendar has no Japanese name
        named = str(year)
    lines = [f"{summary.document} — {named}"]
    for part in summary.pillars:
        heading = (
            f"{part.pillar} {part.title or ''}".rstrip()
            if part.pillar is not None
            else "Organisation and records under no pillar"
        )
        lines += ["", *_section(part, heading)]
    lines += ["", *_section(summary.total, "Whole report (computed afresh, not added up)")]
    return lines
