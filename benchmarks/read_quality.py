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
import sys
from collections import Counter
from collections.abc import Mapping
from pathlib import Path

import clairlib
from clairlib.model import AnnualReport, Quantity, RowKind
from clairlib.reading._compare import compare
from clairlib.reading._layout import normal

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ("fy2011-plan", "fy2025-plan", "fy2013-report", "midterm-plan-2022")


def _values(cells: Mapping[str, Quantity | str | None]) -> Counter[str]:
    # A cell's printed text, folded: the reader names its columns c1, c2 … and the
    # example by meaning, so a row is compared by what its cells print.
    out: Counter[str] = Counter()
    for value in cells.values():
        if isinstance(value, Quantity):
            value = f"{value.value:,}" if value.text is None else value.text
        if value:
            out[normal(value).replace(",", "")] += 1
    return out


def table_rows(expected: AnnualReport, read: AnnualReport) -> tuple[int, int]:
    """Rows of the example's tables whose every cell the reading has in one row, by caption."""
    by_caption = {normal(t.caption): t for t in read.tables}
    total = matched = 0
    for table in expected.tables:
        rows = [row for row in table.rows if row.kind is RowKind.DATA]
        total += len(rows)
        found = by_caption.get(normal(table.caption))
        if found is None or not table.caption:
            continue
        candidates = [_values(row.cells) for row in found.rows]
        for row in rows:
            wanted = _values(row.cells)
            hit = next((c for c in candidates if not wanted - c), None)
            if hit is not None:
                candidates.remove(hit)
                matched += 1
    return matched, total


def main() -> None:
    # With a folder of printed examples (NAME.pdf, NAME.docx: the examples exported to
    # Word and printed by LibreOffice), those are read too.
    printed = Path(sys.argv[1]) if len(sys.argv) > 1 else None
    sources = [(name, ROOT / "tests" / "data" / "sources" / f"{name}.txt") for name in SEEDS]
    if printed is not None:
        sources += [(name, printed / f"{name}{s}") for s in (".pdf", ".docx") for name in SEEDS]
    print("reading the seed texts (and printed examples) against the examples")
    print(f"  {'source':<26} {'outline':>8} {'narrative':>10} {'figures':>16} {'table rows':>14}")
    for name, path in sources:
        expected = clairlib.load(ROOT / "examples" / f"{name}.json")
        reading = clairlib.read(path)
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
            f"  {path.name:<26} {outline:>8} {comparison.narrative_share:>10.2%}"
            f" {figures:>16} {rows:>14}"
        )


if __name__ == "__main__":
    main()
