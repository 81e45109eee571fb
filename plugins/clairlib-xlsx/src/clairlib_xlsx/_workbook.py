"""The workbook: a summary sheet, a sheet per record table, a sheet per printed table."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import IO, Any

from clairlib.errors import ExportError
from clairlib.exporting.tables import TABLES, Table, id_names, is_personal
from clairlib.findings import Finding
from clairlib.model import AnnualReport, Document
from clairlib_xlsx._cells import CellChecker, SheetNames
from clairlib_xlsx._printed import printed_texts, write_printed_table
from clairlib_xlsx._records import EXCEL_ROWS, RecordSheet, _TooManyRows
from clairlib_xlsx._summary import SUMMARY_SHEET, write_summary

__all__ = ["CONSTANT_MEMORY_ROWS", "Settings", "render"]

#: Record rows from which the workbook is written in XlsxWriter's constant-memory mode
#: (each row goes to disk once the next one starts), so memory stays flat.
CONSTANT_MEMORY_ROWS = 20_000
# A fixed time of writing, so the same document always gives the same bytes.
_WRITTEN = datetime(2000, 1, 1, tzinfo=UTC).replace(tzinfo=None)


class Settings:
    """What the workbook is written with (from the exporter's options)."""

    def __init__(
        self,
        *,
        headers: str = "ja",
        font: str = "游ゴシック",
        font_size: float = 11,
        include_personal: bool = False,
        summary: bool = True,
        printed_tables: bool = True,
    ) -> None:
        self.headers = headers
        self.font = font
        self.font_size = font_size
        self.include_personal = include_personal
        self.summary = summary
        self.printed_tables = printed_tables


class _Formats:
    """XlsxWriter formats made once per combination of properties, all in the chosen font."""

    def __init__(self, workbook: Any, settings: Settings) -> None:
        self.workbook = workbook
        self.settings = settings
        self.made: dict[tuple[tuple[str, Any], ...], Any] = {}
        # The workbook's default format (every cell without one of its own) gets the font.
        default = workbook.formats[0]
        default.set_font_name(settings.font)
        default.set_font_size(settings.font_size)
        default.set_font_charset(128)  # SHIFTJIS_CHARSET: Excel picks a Japanese font
        default.set_font_scheme("none")

    def __call__(self, **props: Any) -> Any:
        key = tuple(sorted(props.items()))
        found = self.made.get(key)
        if found is None:
            spec: dict[str, Any] = {
                "font_name": self.settings.font,
                "font_size": self.settings.font_size,
                "font_charset": 128,
                "font_scheme": "none",
            }
            if props.get("bold"):
                spec["bold"] = True
            if props.get("size_up"):
                spec["font_size"] = self.settings.font_size + 2
            if props.get("header"):
                spec.update(bg_color="#D9D9D9", border=1, align="center", valign="vcenter",
                            text_wrap=True)  # fmt: skip
            if props.get("banner"):
                spec.update(bg_color="#F2F2F2")
            if props.get("wrap"):
                spec["text_wrap"] = True
                spec["valign"] = "top"
            if props.get("top"):
                spec["valign"] = "top"
            if props.get("right"):
                spec["align"] = "right"
            if "num" in props:
                spec["num_format"] = props["num"]
            found = self.workbook.add_format(spec)
            self.made[key] = found
        return found


def _tables(document: Document) -> list[Table]:
    return [table for table in TABLES if isinstance(document, table.kinds)]


def _size(document: Document, tables: list[Table]) -> int:
    total = 0
    for table in tables:
        rows = table.rows(document)
        total += len(rows) if isinstance(rows, tuple | list) else sum(1 for _ in rows)
    return total


def render(
    document: Document,
    stream: IO[bytes],
    settings: Settings,
    progress: Callable[[int, int | None], None] | None = None,
) -> tuple[Finding, ...]:
    """Write the workbook of ``document`` into ``stream``; return the findings made."""
    import xlsxwriter

    tables = _tables(document)
    total = _size(document, tables)
    if progress is not None:
        progress(0, total)
    done = 0

    def tick(count: int) -> None:
        nonlocal done
        done += count
        if progress is not None:
            progress(done, total)

    workbook = xlsxwriter.Workbook(
        stream,
        {
            "constant_memory": total >= CONSTANT_MEMORY_ROWS,
            # A small workbook is put together in memory, without temporary files.
            "in_memory": total < CONSTANT_MEMORY_ROWS,
            # Text is always text: never read as a formula, a link or a number.
            "strings_to_formulas": False,
            "strings_to_urls": False,
            "strings_to_numbers": False,
            "nan_inf_to_errors": True,
        },
    )
    checker = CellChecker()
    workbook.set_properties({"title": checker.text(document.title, "$.title"), "created": _WRITTEN})
    formats = _Formats(workbook, settings)
    named = {
        "header": formats(bold=True, header=True),
        "date": formats(num="yyyy-mm-dd"),
        "number": formats(num="General"),
    }
    language = settings.headers
    named_ids = id_names(document, language)
    names = SheetNames(checker, [table.name for table in TABLES])
    summary = workbook.add_worksheet(SUMMARY_SHEET[language]) if settings.summary else None
    if summary is not None:
        names.taken.add(summary.name.casefold())
        _page_setup(summary, landscape=False)
    try:
        for table in tables:
            columns = [
                column
                for column in table.columns
                if settings.include_personal or not is_personal(table, column)
            ]
            headers = [column.ja if language == "ja" else column.key for column in columns]
            sheet = workbook.add_worksheet(table.name)
            _page_setup(sheet, landscape=True, fit=False)
            # Too wide for one page at a readable size: its pages repeat the header and id.
            sheet.repeat_rows(0)
            sheet.repeat_columns(0)
            RecordSheet(
                sheet, table, columns, headers, language=language, formats=named,
                checker=checker, names=named_ids,
            ).write(table.rows(document), tick)  # fmt: skip
        if settings.printed_tables and isinstance(document, AnnualReport):
            kept = printed_texts(document)
            for number, printed in enumerate(document.tables):
                path = f"$.tables[{number}]"
                # Named by the table's id (the caption, often longer than Excel's 31
                # characters, heads the sheet).
                sheet = workbook.add_worksheet(names.name(printed.id, path))
                _page_setup(sheet, landscape=False)
                write_printed_table(
                    workbook, sheet, printed, path, formats, checker, kept.get(printed.id)
                )
    except _TooManyRows as error:
        workbook.close()
        raise ExportError(
            f"table {error.table!r} has more rows than an Excel sheet holds "
            f"({EXCEL_ROWS - 1:,} below the header); export it as CSV"
        ) from None
    findings = tuple(checker.findings)
    if summary is not None:
        write_summary(summary, document, findings, formats, language, settings.font_size)
    workbook.close()
    return findings


def _page_setup(sheet: Any, *, landscape: bool, fit: bool = True) -> None:
    # Printed on A4; the summary and the printed tables fit the page's width (as the
    # documents print them) instead of spilling right-hand columns onto pages of their own.
    sheet.set_paper(9)
    if landscape:
        sheet.set_landscape()
    if fit:
        sheet.fit_to_pages(1, 0)
