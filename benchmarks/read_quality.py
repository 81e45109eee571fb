"""How well the text reader reads the four seed texts, against the examples typed by hand.

    uv run python benchmarks/read_quality.py

For each seed text (tests/data/sources) against its example (examples/): whether the
outline (every section and programme with priority, 再掲 and pillar, in order) is
the example's, the share of the example's narrative characters read in the right
programme, the share of the FY2013 prose figures read with the same value, unit,
scale and qualifier, and the share of the FY2013 table rows read with the right
cells. These are measures, not timings; the README prints the table.
"""

from __future__ import annotations

import _bench  # noqa: F401  first: it takes this folder off sys.path

# isort: split
from pathlib import Path

import clairlib
from clairlib.model import AnnualReport
from clairlib.reading._compare import compare

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ("fy2011-plan", "fy2025-plan", "fy2013-report", "midterm-plan-2022")


def table_rows(expected: AnnualReport, read: AnnualReport) -> tuple[int, int]:
    """Rows of the example's tables that the reading has, cells and all, under the caption."""
    by_caption = {t.caption.replace(" ", ""): t for t in read.tables}
    total = matched = 0
    for table in expected.tables:
        total += len(table.rows)
        found = by_caption.get(table.caption.replace(" ", ""))
        if found is None:
            continue
        rows = [row.cells for row in found.rows]
        for row in table.rows:
            if row.cells in rows:
                rows.remove(row.cells)
                matched += 1
    return matched, total


def main() -> None:
    print("reading the seed texts (text reader) against the examples")
    print(f"  {'document':<20} {'outline':>8} {'narrative':>10} {'figures':>9} {'table rows':>11}")
    for name in SEEDS:
        expected = clairlib.load(ROOT / "examples" / f"{name}.json")
        reading = clairlib.read(ROOT / "tests" / "data" / "sources" / f"{name}.txt")
        comparison = compare(expected, reading.document)
        figures = rows = "—"
        if isinstance(expected, AnnualReport) and isinstance(reading.document, AnnualReport):
            figures = (
                f"{comparison.figure_share:.1%}"
                f" ({comparison.figures_matched}/{comparison.figures_expected})"
            )
            matched, total = table_rows(expected, reading.document)
            rows = f"{matched / total:.1%} ({matched}/{total})"
        outline = "same" if comparison.same_outline else "differs"
        print(
            f"  {name:<20} {outline:>8} {comparison.narrative_share:>10.2%} {figures:>9} {rows:>11}"
        )


if __name__ == "__main__":
    main()
