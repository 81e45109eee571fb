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
from pathlib import Path

import clairlib
from clairlib.model import AnnualReport
from clairlib.reading._compare import compare, table_rows

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ("fy2011-plan", "fy2025-plan", "fy2013-report", "midterm-plan-2022")


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
