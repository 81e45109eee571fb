"""Excel export of 1,000,000 events against XlsxWriter writing the same prebuilt rows.

    uv run python benchmarks/xlsx.py [--events N] [--rounds N] [--openpyxl]

Everything is measured in this run, best of ``--rounds``, the collector left on for both,
the two sides of each comparison timed in turn (so a shared machine's load falls on
both alike); the ratio of their CPU time is printed too:

- write baseline: XlsxWriter (in constant-memory mode, as the exporter from 20,000
  rows) writing prebuilt rows — the very cell values the exporter writes, made
  beforehand outside the clock — with the same formats, header, widths, frozen
  pane, filter, drop-down lists and page setup (the two workbooks are compared
  byte for byte, every member).
- ``clairlib.export(report, "xlsx", PATH, summary=False, printed_tables=False)``: from
  the model objects, every record sheet, to a temporary file renamed into place.
  Target ≤ 2× the baseline. (The summary sheet runs validation, timed elsewhere.)
- read baseline: python-calamine's own iteration over every sheet of the same file
  (``to_python``). ``read_xlsx`` on the same file, into records (checked equal to
  the events written): target ≤ 1.5×. ``--openpyxl`` also times openpyxl's
  read-only iteration, the other reader considered.
- memory: the peak of Python allocations during the export (tracemalloc, after an
  untraced export of the tenth) for a tenth of the events and for all of them:
  streamed, it stays flat.
"""

from __future__ import annotations

import _bench  # first: it takes this folder off sys.path

# isort: split
import tempfile
import zipfile
from pathlib import Path
from typing import Any

from clairlib_xlsx._workbook import CONSTANT_MEMORY_ROWS

import clairlib
from clairlib.exporting.tables import TABLES, is_personal
from clairlib.model import AnnualReport

_OPTIONS = {"summary": False, "printed_tables": False}


def baseline_writer(report: AnnualReport) -> Any:
    """A function writing the report's record sheets with XlsxWriter from prebuilt rows."""
    import xlsxwriter
    from clairlib_xlsx import XlsxOptions
    from clairlib_xlsx._records import RecordSheet
    from clairlib_xlsx._workbook import _WRITTEN, Settings, _Formats, _page_setup

    sheets = []
    for table in TABLES:
        if not isinstance(report, table.kinds):
            continue
        columns = [c for c in table.columns if not is_personal(table, c)]
        headers = [c.ja for c in columns]
        sheet = RecordSheet(None, table, columns, headers, language="ja", formats={},
                            checker=None)  # type: ignore[arg-type]  # fmt: skip
        sheets.append((table, columns, headers, [sheet.values(r) for r in table.rows(report)]))

    # The exporter's choice: constant-memory mode from so many rows, else in memory.
    large = sum(len(rows) for *_, rows in sheets) >= CONSTANT_MEMORY_ROWS

    def write(path: Path) -> None:
        workbook = xlsxwriter.Workbook(
            str(path),
            {"constant_memory": large, "in_memory": not large, "strings_to_formulas": False,
             "strings_to_urls": False, "strings_to_numbers": False, "nan_inf_to_errors": True},
        )  # fmt: skip
        workbook.set_properties({"title": report.title, "created": _WRITTEN})
        chosen = XlsxOptions()  # the exporter's defaults: the same font and size
        formats = _Formats(workbook, Settings(font=chosen.font, font_size=chosen.font_size))
        named = {
            "header": formats(bold=True, header=True),
            "date": formats(num="yyyy-mm-dd"),
            "number": formats(num="General"),
        }
        for table, columns, headers, rows in sheets:
            worksheet = workbook.add_worksheet(table.name)
            _page_setup(worksheet, landscape=True, fit=False)
            worksheet.repeat_rows(0)
            worksheet.repeat_columns(0)
            layout = RecordSheet(worksheet, table, columns, headers, language="ja",
                                 formats=named, checker=None)  # type: ignore[arg-type]  # fmt: skip
            layout._layout(rows[:300])
            for number, header in enumerate(headers):
                worksheet.write_string(0, number, header, named["header"])
            date_format, number_format = named["date"], named["number"]
            for row, cells in enumerate(rows, 1):
                for col, value in enumerate(cells):
                    if value is None:
                        continue
                    kind = type(value)
                    if kind is str:
                        worksheet.write_string(row, col, value)
                    elif kind is float or kind is int:
                        worksheet.write_number(row, col, value, number_format)
                    elif kind is bool:
                        worksheet.write_boolean(row, col, value)
                    else:
                        worksheet.write_datetime(row, col, value, date_format)
            layout._finish(len(rows))
        workbook.close()

    return write


def _cpu(times: _bench.Paired) -> str:
    ratio = times.second_cpu / times.first_cpu
    return f"  {'(CPU time of this process, the same order)':<44} {ratio:17.2f}×"


def _members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def main() -> None:
    """Time the export against XlsxWriter and the reading against calamine; print ratios."""
    command = _bench.parser(__doc__)
    command.add_argument("--events", type=_bench.positive, default=1_000_000)
    command.add_argument("--openpyxl", action="store_true", help="also time openpyxl reading")
    args = command.parse_args()
    from clairlib_xlsx import read_xlsx
    from python_calamine import CalamineWorkbook

    seconds, report = _bench.timed(lambda: _bench.spreadsheet_report(args.events), 1)
    print(f"generated {args.events:,} events in {seconds:.1f} s")
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        ours_path, base_path = folder / "ours.xlsx", folder / "baseline.xlsx"
        write = baseline_writer(report)
        writes = _bench.paired(
            lambda: write(base_path),
            lambda: clairlib.export(report, "xlsx", ours_path, **_OPTIONS),
            args.rounds,
        )
        base, ours = writes.first, writes.second
        if _members(base_path) != _members(ours_path):
            raise SystemExit("the baseline writes another workbook: the comparison is void")
        print(f"workbook: {ours_path.stat().st_size / 1e6:,.1f} MB, the baseline's bytes\n")
        print("write time (baseline: XlsxWriter over prebuilt rows, same sheets)")
        print(_bench.row("XlsxWriter over prebuilt rows", base, base))
        print(_bench.row("clairlib.export to a path (atomic)", ours, base, 2.0))
        print(_cpu(writes))

        def calamine() -> None:
            workbook = CalamineWorkbook.from_path(str(ours_path))
            for name in workbook.sheet_names:
                workbook.get_sheet_by_name(name).to_python(skip_empty_area=False)

        reading = read_xlsx(ours_path)  # first-use imports; and what it reads is checked
        if getattr(reading.document, "events", None) != report.events:
            raise SystemExit("read_xlsx gave other events than were written")
        del reading
        reads = _bench.paired(calamine, lambda: read_xlsx(ours_path), args.rounds)
        raw, read = reads.first, reads.second
        print("\nread time (baseline: python-calamine's own iteration, same file)")
        print(_bench.row("calamine to_python, every sheet", raw, raw))
        print(_bench.row("read_xlsx into records", read, raw, 1.5))
        print(_cpu(reads))
        if args.openpyxl:
            import openpyxl

            def with_openpyxl() -> None:
                workbook = openpyxl.load_workbook(ours_path, read_only=True)
                for sheet in workbook.worksheets:
                    for _ in sheet.iter_rows(values_only=True):
                        pass
                workbook.close()

            print(_bench.row("openpyxl read-only iteration", _bench.best(with_openpyxl, 1), raw))

        def export(document: AnnualReport) -> None:
            clairlib.export(document, "xlsx", folder / "memory.xlsx", **_OPTIONS)

        tenth = _bench.first_tenth(report)
        _bench.flat_memory("export", tenth, report, export)
        if len(tenth.events) < CONSTANT_MEMORY_ROWS:
            print(f"  (below {CONSTANT_MEMORY_ROWS:,} rows a workbook is made in memory: "
                  "the tenth is no measure of flatness)")  # fmt: skip
    print(f"\nxlsx export {ours / base:.2f}× XlsxWriter over prebuilt rows (target 2.00×); "
          f"read_xlsx {read / raw:.2f}× calamine's iteration (target 1.50×)")  # fmt: skip


if __name__ == "__main__":
    main()
