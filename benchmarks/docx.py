"""Word export: the whole FY2013 report against its CSV export, and a 10,000-row table.

1. The bundled FY2013 annual report (平成25年度事業報告: 35 tables, governance,
   organisation) exported to .docx with charts off, against the CSV export of the
   same document (``clairlib.export(report, "csv", DIR)``, every table), in the same
   run, each the best of a few rounds with the collector run before each (never
   during). The issue asks for at most 3× the CSV export. With charts on (where
   matplotlib is installed), the extra cost of the charts is printed too.
2. A report holding a 10,000-row table against python-docx's public API for the
   same table (``add_row()`` then ``cell.text = …``): the table path's speed-up.

    uv run python benchmarks/docx.py [--rows N] [--rounds N]
"""

from __future__ import annotations

import _bench  # first: takes this folder, where docx.py hides python-docx, off sys.path

# isort: split
import io
import tempfile

from clairlib_docx import DocxOptions, write_docx

# python-docx's Document from where it is defined: `import docx` would name this very
# script to a type checker given this folder.
from docx.api import Document

import clairlib
from clairlib import samples
from clairlib.model import AnnualReport


def baseline(rows: list[_bench.TableRow], labels: list[str]) -> bytes:
    """python-docx's public API: add_row() and cell.text for every cell."""
    document = Document()
    table = document.add_table(rows=1, cols=len(labels))
    table.style = "Table Grid"
    for cell, label in zip(table.rows[0].cells, labels, strict=True):
        cell.text = label
    for venue, event, period, persons, amount in rows:
        cells = table.add_row().cells
        cells[0].text = venue
        cells[1].text = event
        cells[2].text = period
        cells[3].text = f"{persons:,}"
        cells[4].text = f"{amount:,}"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def clairlib_docx(report: AnnualReport) -> bytes:
    buffer = io.BytesIO()
    write_docx(report, buffer)
    return buffer.getvalue()


def _docx(document: AnnualReport, options: DocxOptions) -> bytes:
    buffer = io.BytesIO()
    write_docx(document, buffer, options)
    return buffer.getvalue()


def whole_report(rounds: int) -> None:
    """The FY2013 report to .docx against the CSV export of the same document."""
    report = samples.fy2013_report()
    options = DocxOptions(on_finding="ignore", charts=False)
    with tempfile.TemporaryDirectory() as folder:
        clairlib.export(report, "csv", f"{folder}/csv")  # warm-up: imports, caches
        _docx(report, options)
        csv = _bench.best(lambda: clairlib.export(report, "csv", f"{folder}/csv"), rounds)
        ours, content = _bench.timed(lambda: _docx(report, options), rounds)
    print(f"FY2013 report ({len(report.tables)} tables), .docx of {len(content):,} bytes:")
    print(_bench.row_ms("CSV export, every table (baseline)", csv, csv))
    print(_bench.row_ms("Word export, charts off", ours, csv, target=3.0))
    if not DocxOptions().charts:
        print("  charts: matplotlib is not installed (clairlib-docx[charts])")
        return
    from clairlib_docx._charts import draw

    with_charts = DocxOptions(on_finding="ignore", charts=True)

    def drawn() -> bytes:
        draw.cache_clear()  # every round draws its charts afresh
        return _docx(report, with_charts)

    first, _ = _bench.timed(drawn, 1)  # matplotlib's import and the font look-up
    charted, pictures = _bench.timed(drawn, rounds)
    print(_bench.row_ms("Word export, charts on, first (imports)", first, csv))
    print(_bench.row_ms("Word export, charts on", charted, csv))
    cost = f"{(charted - ours) * 1000:.1f} ms, {len(pictures) - len(content):,} bytes"
    print(f"  the charts cost {cost}")


def main() -> None:
    command = _bench.parser(__doc__)
    command.add_argument("--rows", type=_bench.positive, default=10_000, help="table rows")
    args = command.parse_args()
    whole_report(args.rounds)
    rows = _bench.table_rows(args.rows)
    report = _bench.table_report(rows)
    clairlib_docx(report)  # warm-up: imports, caches
    ours, our_bytes = _bench.timed(lambda: clairlib_docx(report), args.rounds)
    labels = [column.label for column in report.tables[0].columns]
    theirs, their_bytes = _bench.timed(lambda: baseline(rows, labels), max(1, args.rounds - 1))
    print(f"a table of {args.rows:,} rows:")
    print(_bench.row_ms("python-docx add_row + cell.text (baseline)", theirs, theirs))
    print(_bench.row_ms("clairlib-docx write_docx", ours, theirs))
    sizes = f"{len(our_bytes):,} against {len(their_bytes):,} bytes"
    print(f"  speed-up: {theirs / ours:.1f}× ({sizes})")


if __name__ == "__main__":
    main()
