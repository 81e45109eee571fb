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
from decimal import Decimal

from clairlib_docx import DocxOptions, write_docx

# python-docx's Document from where it is defined: `import docx` would name this very
# script to a type checker given this folder.
from docx.api import Document

import clairlib
from clairlib import samples
from clairlib.calendar import FiscalYear
from clairlib.model import (
    AnnualReport,
    Block,
    BlockKind,
    Column,
    ColumnRole,
    Programme,
    Quantity,
    Row,
    RowKind,
    Section,
    Table,
)

COUNTRIES = ("アメリカ", "イギリス", "フランス", "シンガポール", "タイ", "韓国", "中国")
COLUMNS = (
    Column(key="venue", label="開催場所"),
    Column(key="event", label="イベント"),
    Column(key="period", label="開催時期"),
    Column(key="persons", label="参加者数（名）", role=ColumnRole.SUM, unit="名"),
    Column(key="amount", label="経費（千円）", role=ColumnRole.SUM, unit="千円"),
)


def make_rows(count: int) -> list[tuple[str, str, str, int, int]]:
    return [
        (
            f"{COUNTRIES[i % len(COUNTRIES)]}・都市{i % 97}",
            f"第{i}回 地域産品の販路開拓イベント & Japan Night <{i}>",
            f"平成25年{i % 12 + 1}月",
            (i * 37) % 5000,
            (i * 7919) % 1_000_000,
        )
        for i in range(count)
    ]


def baseline(rows: list[tuple[str, str, str, int, int]]) -> bytes:
    """python-docx's public API: add_row() and cell.text for every cell."""
    document = Document()
    table = document.add_table(rows=1, cols=len(COLUMNS))
    table.style = "Table Grid"
    for cell, column in zip(table.rows[0].cells, COLUMNS, strict=True):
        cell.text = column.label
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


def make_report(rows: list[tuple[str, str, str, int, int]]) -> AnnualReport:
    table_rows = [
        Row(
            cells={
                "venue": venue,
                "event": event,
                "period": period,
                "persons": Quantity(value=Decimal(persons), unit="名"),
                "amount": Quantity(value=Decimal(amount), unit="千円"),
            }
        )
        for venue, event, period, persons, amount in rows
    ]
    table_rows.append(
        Row(
            kind=RowKind.TOTAL,
            cells={
                "venue": "計",
                "persons": Quantity(value=Decimal(sum(r[3] for r in rows)), unit="名"),
                "amount": Quantity(value=Decimal(sum(r[4] for r in rows)), unit="千円"),
            },
        )
    )
    table = Table(
        id="t1", caption="平成25年度 イベント一覧", columns=COLUMNS, rows=tuple(table_rows)
    )
    programme = Programme(
        id="p1", name="イベント", marker="○", body=(Block(kind=BlockKind.TABLE, ref="t1"),)
    )
    return AnnualReport(
        id="bench",
        title="平成25年度事業報告",
        fiscal_year=FiscalYear(2013),
        sections=(Section(id="s1", title="ベンチマーク", number="1", programmes=(programme,)),),
        tables=(table,),
    )


def clairlib_docx(report: AnnualReport) -> bytes:
    buffer = io.BytesIO()
    write_docx(report, buffer)
    return buffer.getvalue()


def _docx(document: AnnualReport, options: DocxOptions) -> bytes:
    buffer = io.BytesIO()
    write_docx(document, buffer, options)
    return buffer.getvalue()


def _row(label: str, seconds: float, baseline: float, target: float | None = None) -> str:
    # Milliseconds: the whole report takes a few hundredths of a second.
    line = f"  {label:<44} {seconds * 1000:8.1f} ms  {seconds / baseline:6.2f}×"
    return line if target is None else f"{line}  target ≤ {target:.2f}×"


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
    print(_row("CSV export, every table (baseline)", csv, csv))
    print(_row("Word export, charts off", ours, csv, target=3.0))
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
    print(_row("Word export, charts on, first (imports)", first, csv))
    print(_row("Word export, charts on", charted, csv))
    cost = f"{(charted - ours) * 1000:.1f} ms, {len(pictures) - len(content):,} bytes"
    print(f"  the charts cost {cost}")


def main() -> None:
    command = _bench.parser(__doc__)
    command.add_argument("--rows", type=_bench.positive, default=10_000, help="table rows")
    args = command.parse_args()
    whole_report(args.rounds)
    rows = make_rows(args.rows)
    report = make_report(rows)
    clairlib_docx(report)  # warm-up: imports, caches
    ours, our_bytes = _bench.timed(lambda: clairlib_docx(report), args.rounds)
    theirs, their_bytes = _bench.timed(lambda: baseline(rows), max(1, args.rounds - 1))
    print(f"a table of {args.rows:,} rows:")
    print(_row("python-docx add_row + cell.text (baseline)", theirs, theirs))
    print(_row("clairlib-docx write_docx", ours, theirs))
    sizes = f"{len(our_bytes):,} against {len(their_bytes):,} bytes"
    print(f"  speed-up: {theirs / ours:.1f}× ({sizes})")


if __name__ == "__main__":
    main()
