"""The built-in CSV exporter: one CSV per record type, registered through the plugin hook."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Literal

import attrs

from clairlib.errors import ExportError
from clairlib.exporting._csv_spec import TABLES, Column, Table, is_personal
from clairlib.exporting._csv_words import id_names
from clairlib.exporting._csv_write import check_encoding, compile_row, write_table
from clairlib.exporting._datapackage import FILE_NAME, datapackage
from clairlib.exporting._exporter import Exporter, Progress, Sink
from clairlib.exporting._options import option
from clairlib.hooks import hookimpl

if TYPE_CHECKING:
    from clairlib.model import Document

__all__ = ["CSV", "CsvOptions", "clairlib_exporters"]

_LINE_ENDINGS = {"crlf": "\r\n", "lf": "\n"}


@attrs.frozen
class CsvOptions:
    """Options of the CSV exporter."""

    table: str | None = option(
        None, help="write only this table (events, persons, grants …) as one CSV"
    )
    headers: Literal["ja", "en"] = option("ja", help="header language: ja or en (field names)")
    encoding: str = option(
        "utf-8-sig",
        help="text encoding; utf-8-sig adds the BOM Excel expects; cp932 fails "
        "with the row and column of any character it cannot hold",
    )
    line_ending: Literal["crlf", "lf"] = option("crlf", help="line ending: crlf or lf")
    neutralise_formulas: bool = option(
        True, help="prefix text cells a spreadsheet would run as a formula with '"
    )
    include_personal: bool = option(False, help="include fields naming private persons")
    datapackage: bool = option(
        True,
        help="write datapackage.json (Frictionless Table Schema) beside a directory export",
    )
    protect_periods: bool = option(
        True,
        help="write a period's ISO text with a leading ' so a spreadsheet keeps it as text "
        "(its start and end dates have columns of their own)",
    )


def _tables_for(document: Document, options: CsvOptions) -> list[Table]:
    if options.table is None:
        return [table for table in TABLES if isinstance(document, table.kinds)]
    for table in TABLES:
        if table.name == options.table:
            if not isinstance(document, table.kinds):
                raise ExportError(f"a {type(document).KIND} has no {options.table!r} table")
            return [table]
    known = ", ".join(table.name for table in TABLES)
    raise ExportError(f"no CSV table is called {options.table!r} (tables: {known})")


def write_csv(
    document: Document, sink: Sink, options: CsvOptions, progress: Progress | None
) -> None:
    """Write the document's record tables, one CSV each, into ``sink``."""
    encoding = check_encoding(options.encoding)
    tables = _tables_for(document, options)
    total: int | None = None
    if progress is not None:
        total = sum(sum(1 for _ in table.rows(document)) for table in tables)
        progress(0, total)
    done = 0

    def tick(count: int) -> None:
        nonlocal done
        done += count
        if progress is not None:
            progress(done, total)

    written: list[tuple[Table, list[Column], list[str]]] = []
    names = id_names(document, options.headers)
    for table in tables:
        columns = [
            column
            for column in table.columns
            if options.include_personal or not is_personal(table, column)
        ]
        headers = [column.key if options.headers == "en" else column.ja for column in columns]
        converter = compile_row(
            table,
            columns,
            neutralise=options.neutralise_formulas,
            language=options.headers,
            protect_periods=options.protect_periods,
            names=names,
        )
        file_name = f"{table.name}.csv"
        rows: Iterable[object] = table.rows(document)
        with sink.open(file_name) as stream:
            write_table(
                stream,
                file_name,
                headers,
                converter,
                rows,
                encoding=encoding,
                line_ending=_LINE_ENDINGS[options.line_ending],
                tick=tick,
            )
        written.append((table, columns, headers))
    if options.table is None and options.datapackage:
        with sink.open(FILE_NAME) as stream:
            stream.write(
                datapackage(
                    document.id,
                    document.title,
                    written,
                    encoding=encoding,
                    line_ending=_LINE_ENDINGS[options.line_ending],
                    language=options.headers,
                )
            )


CSV = Exporter(
    name="csv",
    suffix=".csv",
    description="one CSV per record type (events, persons, grants …) for spreadsheets",
    options=CsvOptions,
    write=write_csv,
    multi_file=True,
)


@hookimpl
def clairlib_exporters() -> Iterable[Exporter]:
    """Return the exporters this plugin provides."""
    return [CSV]
