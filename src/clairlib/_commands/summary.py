"""``clairlib summary FILE [--lang en|ja] [--format text|json]``: headlines per pillar."""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from clairlib._commands._input import read
from clairlib._commands._output import emit, emit_json
from clairlib.cli import EXIT_OK

TYPE_CHECKING = False  # typing.TYPE_CHECKING to mypy; importing typing slows the start

if TYPE_CHECKING:  # the aggregate layer is imported when the command runs, not for --help
    from decimal import Decimal

    from clairlib.aggregate import Headline, PillarSummary, PlanSummary, Summary

# Column headings and fixed words, one language per output.
_WORDS = {
    "en": {
        "headline": "headline",
        "printed": "printed",
        "computed": "computed",
        "scope": "computed over",
        "nothing": "(nothing)",
        "none": "Organisation and records under no pillar",
        "whole": "Whole report (computed afresh, not added up)",
        "not printed": "not printed",
        "programmes": "programmes",
        "priority": "priority",
        "targets": "Targets",
        "indicator": "indicator",
        "target": "target",
        "year": "year",
        "period": "plan period",
        "unassigned": "programmes under no pillar",
        "pillar": "pillar",
        "objectives": "objectives",
    },
    "ja": {
        "headline": "項目",
        "printed": "記載",
        "computed": "集計",
        "scope": "集計の範囲",
        "nothing": "(なし)",
        "none": "組織及び柱に属さない記録",
        "whole": "報告全体(合計でなく改めて集計)",
        "not printed": "記載なし",
        "programmes": "事業",
        "priority": "重点",
        "targets": "目標",
        "indicator": "指標",
        "target": "目標値",
        "year": "年度",
        "period": "計画期間",
        "unassigned": "柱に属さない事業",
        "pillar": "柱",
        "objectives": "目標数",
    },
}


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``summary`` command."""
    parser = subparsers.add_parser(
        "summary",
        help="a document's headlines: declared beside computed per pillar; a plan's programmes",
        description=(
            "Summarize a document (canonical JSON). A report: per pillar each headline once, "
            "the printed figure beside what the records give, with the scope of each. A plan: "
            "its programmes per pillar and its targets."
        ),
    )
    parser.add_argument("file", metavar="FILE", help="a report or plan, as canonical JSON")
    parser.add_argument(
        "--lang",
        choices=("en", "ja"),
        default="en",
        help="the language of the labels (default en)",
    )
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text for people (default), json for systems",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Print the summary of the report or plan."""
    from clairlib import aggregate
    from clairlib.model import AnnualReport

    doc = read(args.file)
    summary = (
        aggregate.summarize(doc, lang=args.lang)
        if isinstance(doc, AnnualReport)
        else aggregate.summarize_plan(doc, lang=args.lang)
    )
    if args.format == "json":
        emit_json(summary.as_dict())
    elif isinstance(doc, AnnualReport):
        emit("\n".join(render(summary)))  # type: ignore[arg-type]
    else:
        emit("\n".join(render_plan(summary)))  # type: ignore[arg-type]
    return EXIT_OK


def width(text: str) -> int:
    """How many columns ``text`` takes on a terminal: wide and full-width characters two."""
    import unicodedata  # on use: the help text never needs it

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def pad(text: str, columns: int, *, right: bool = False) -> str:
    """``text`` padded with spaces to ``columns`` display columns."""
    gap = " " * max(0, columns - width(text))
    return gap + text if right else text + gap


def _number(value: Decimal) -> str:
    if value == value.to_integral_value():
        return f"{int(value):,}"
    return f"{value.normalize():,f}"


def _table(rows: Sequence[Sequence[str]], right: frozenset[int] = frozenset()) -> list[str]:
    """Rows aligned in columns by display width; the last column is left ragged."""
    columns = [max(width(row[i]) for row in rows) for i in range(len(rows[0]))]
    out = []
    for row in rows:
        cells = [
            pad(cell, columns[i], right=i in right) if i < len(row) - 1 else cell
            for i, cell in enumerate(row)
        ]
        out.append(("  " + "  ".join(cells)).rstrip())
    return out


def _cells(headline: Headline, words: dict[str, str]) -> list[str]:
    printed = f"「{headline.text}」" if headline.text else "—"
    if headline.computed is not None:
        computed = f"{_number(headline.computed)} {headline.unit}".rstrip()
    elif headline.note and headline.scope:
        computed = words["not printed"]
    else:
        computed = "—"
    scope = headline.scope or headline.note or ""
    if headline.scope and headline.note:
        scope = f"{headline.scope}; {headline.note}"
    return [headline.label, printed, computed, scope]


def _section(part: PillarSummary, heading: str, words: dict[str, str]) -> list[str]:
    if not part.headlines:
        return [heading, f"  {words['nothing']}"]
    head = [words["headline"], words["printed"], words["computed"], words["scope"]]
    rows = [head, *(_cells(h, words) for h in part.headlines)]
    return [heading, *_table(rows, right=frozenset({2}))]


def render(summary: Summary) -> list[str]:
    """The summary as text lines, one block per pillar, then the whole report."""
    from clairlib.errors import ClairlibError

    words = _WORDS[summary.lang]
    year = summary.fiscal_year
    try:
        named = year.to_wareki() if summary.lang == "ja" else f"{year} ({year.to_wareki()})"
    except ClairlibError:  # a year before the era calendar has no Japanese name
        named = str(year)
    lines = [f"{summary.document} — {named}"]
    for part in summary.pillars:
        heading = (
            f"{part.pillar} {part.title or ''}".rstrip()
            if part.pillar is not None
            else words["none"]
        )
        lines += ["", *_section(part, heading, words)]
    lines += ["", *_section(summary.total, words["whole"], words)]
    return lines


def render_plan(summary: PlanSummary) -> list[str]:
    """A plan summary as text: programmes per pillar, then the targets."""
    words = _WORDS[summary.lang]
    year = f" — {summary.fiscal_year}" if summary.fiscal_year is not None else ""
    lines = [f"{summary.document}{year}: {summary.programmes} {words['programmes']}"]
    rows = [[words["pillar"], words["objectives"], words["programmes"], words["priority"]]]
    for pillar in summary.pillars:
        name = (
            f"{pillar.pillar} {pillar.title or ''}".rstrip()
            if pillar.pillar is not None
            else words["unassigned"]
        )
        rows.append([name, str(pillar.objectives), str(pillar.programmes), str(pillar.priority)])
    lines += ["", *_table(rows, right=frozenset({1, 2}))]
    if summary.targets:
        rows = [[words["indicator"], words["target"], words["year"]]]
        for target in summary.targets:
            when = str(target.fiscal_year) if target.fiscal_year is not None else words["period"]
            rows.append([target.label, target.text, when])
        lines += ["", words["targets"], *_table(rows)]
    return lines
