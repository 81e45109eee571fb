"""Record sheets: one per CSV table, with typed cells, drop-downs, a frozen header and filter.

The columns are the CSV export's (``clairlib.exporting``'s table declarations), so the
workbook, the CSV and their readers cannot drift apart. A cell is typed: numbers
are numbers (a quantity's magnitude, with its printed value beside it), a period's
start and end are Excel dates beside its ISO text, enumerations are words chosen
from a drop-down list, and text is always written as text, never as a formula.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from clairlib.exporting.tables import (
    Column,
    Table,
    country_name,
    join_list,
    join_mapping,
    magnitude,
    office_name,
)
from clairlib.findings import join_path
from clairlib.model.words import japanese_words
from clairlib_xlsx._cells import MAX_WIDTH, CellChecker, text_width

__all__ = ["EXCEL_ROWS", "FIRST_DATE", "RecordSheet", "cell_values", "excel_number"]

EXCEL_ROWS = 1_048_576
FIRST_DATE = date(1900, 3, 1)  # Excel's dates before this are off by its 1900 leap day
_SAMPLE = 300  # rows measured for column widths before the sheet is streamed
_EXACT = 2**53  # integers a double holds exactly
_CHUNK = 1000
# Kinds of column whose cells are text from the document, checked for what Excel holds.
_CHECKED = frozenset({"text", "list", "mapping", "programme_name", "indicator_name"})


def excel_number(value: Decimal) -> float | str:
    """A number Excel holds exactly as this decimal reads back, else the decimal's text.

    XlsxWriter writes a double with 16 significant digits; the reader gives an
    integral double as an integer and any other by its shortest repr.
    """
    number = float(value)
    if number != number or number in (float("inf"), float("-inf")):
        return str(value)
    written = float(format(number, ".16g"))
    back = str(int(written)) if written.is_integer() and abs(written) < _EXACT else repr(written)
    return written if back == str(value) else str(value)


def _getter(path: Sequence[str]) -> Callable[[Any], Any]:
    if len(path) == 1:
        name = path[0]
        return lambda row: getattr(row, name)

    def get(row: Any) -> Any:
        for name in path:
            if row is None:
                return None
            row = getattr(row, name)
        return row

    return get


def _names(lookup: Callable[[str, str], str], language: str) -> Callable[[Any], str | None]:
    known: dict[Any, str | None] = {}

    def names(codes: Any) -> str | None:
        found = known.get(codes, "")
        if found != "":
            return found
        if isinstance(codes, str):
            text: str | None = lookup(codes, language) or None
        else:
            items = tuple(lookup(code, language) for code in codes)
            text = join_list(items) if any(items) else None
        if len(known) < 4096:
            known[codes] = text
        return text

    return names


def _convert(
    column: Column, language: str, names: Mapping[str, Mapping[str, str]]
) -> Callable[[Any], Any]:
    """The function turning a column's attribute value into a cell value (None: empty)."""
    kind = column.kind
    if kind == "text":
        return lambda value: value if value else None
    if kind == "list":
        return lambda value: join_list(value) if value else None
    if kind == "mapping":
        return lambda value: join_mapping(value) if value else None
    if kind == "int":
        return lambda value: value if abs(value) < _EXACT else str(value)
    if kind == "decimal":
        return excel_number
    if kind == "bool":
        return bool
    if kind == "enum":
        if language == "ja" and column.enum is not None:
            words = japanese_words(column.enum)
            return lambda value: words[value._value_]
        return lambda value: value._value_
    if kind == "period":
        return lambda value: value.isoformat()
    if kind in ("period_start", "period_end"):
        side = kind[len("period_") :]

        def bound(value: Any) -> date | str:
            day: date = getattr(value, side)
            return day if day >= FIRST_DATE else day.isoformat()

        return bound
    if kind == "fy":
        return lambda value: value.year
    if kind == "magnitude":

        def total(value: Any) -> float | None:
            number = float(magnitude(value.value, value.scale))
            return None if number in (float("inf"), float("-inf")) else number

        return total
    if kind == "office_name":
        return _names(office_name, language)
    if kind == "country_name":
        return _names(country_name, language)
    if kind in ("programme_name", "indicator_name"):
        named = names.get(kind, {})
        return lambda value: named.get(value) or None
    raise AssertionError(f"unknown column kind {kind!r}")


def cell_values(
    columns: Sequence[Column],
    language: str,
    names: Mapping[str, Mapping[str, str]] | None = None,
) -> Callable[[Any], list[Any]]:
    """The function giving a row object's cell values, one per column, None when empty.

    ``names`` names the programme and indicator ids by the kind of their name column
    (``id_names`` of the document).
    """
    known = dict(names or {})
    steps = [(_getter(column.path), _convert(column, language, known)) for column in columns]

    def values(row: Any) -> list[Any]:
        out: list[Any] = []
        append = out.append
        for get, convert in steps:
            value = get(row)
            append(None if value is None else convert(value))
        return out

    return values


class RecordSheet:
    """Writes one record table into an XlsxWriter worksheet, streaming its rows."""

    def __init__(
        self,
        worksheet: Any,
        table: Table,
        columns: Sequence[Column],
        headers: Sequence[str],
        *,
        language: str,
        formats: dict[str, Any],
        checker: CellChecker,
        names: Mapping[str, Mapping[str, str]] | None = None,
    ) -> None:
        self.sheet = worksheet
        self.table = table
        self.columns = columns
        self.headers = headers
        self.language = language
        self.formats = formats
        self.checker = checker
        self.values = cell_values(columns, language, names)

    def write(self, rows: Iterable[Any], tick: Callable[[int], None] | None = None) -> int:
        """Write the header and every row; return the number of rows written."""
        sheet, formats = self.sheet, self.formats
        iterator: Iterator[Any] = iter(rows)
        first = [self.values(row) for row in itertools.islice(iterator, _SAMPLE)]
        self._layout(first)
        for number, header in enumerate(self.headers):
            sheet.write_string(0, number, header, formats["header"])
        written = 0
        text_columns = [c for c, column in enumerate(self.columns) if column.kind in _CHECKED]
        write_string, write_number = sheet.write_string, sheet.write_number
        write_datetime, write_boolean = sheet.write_datetime, sheet.write_boolean
        date_format, number_format = formats["date"], formats["number"]
        chunk: list[list[Any]] = first
        while chunk:
            for cells in chunk:
                written += 1
                for c in text_columns:
                    text = cells[c]
                    if text is not None and (len(text) > 255 or not text.isprintable()):
                        cells[c] = self.checker.text(text, self._where(written - 1, c))
                for c, value in enumerate(cells):
                    if value is None:
                        continue
                    kind = type(value)
                    if kind is str:
                        write_string(written, c, value)
                    elif kind is float or kind is int:
                        write_number(written, c, value, number_format)
                    elif kind is bool:
                        write_boolean(written, c, value)
                    elif kind is date:
                        write_datetime(written, c, value, date_format)
                    else:
                        raise AssertionError(f"unexpected cell value {value!r}")
            if tick is not None:
                tick(len(chunk))
            if written >= EXCEL_ROWS - 1:
                break
            chunk = [self.values(row) for row in itertools.islice(iterator, _CHUNK)]
            if chunk and written + len(chunk) > EXCEL_ROWS - 1:
                raise _TooManyRows(self.table.name)
        self._finish(written)
        return written

    def _where(self, index: int, column: int) -> str:
        return join_path([self.table.name, index, *self.columns[column].path])

    def _layout(self, sample: Sequence[Sequence[Any]]) -> None:
        """Column widths from the header and the first rows, measured for East Asian text."""
        for number, header in enumerate(self.headers):
            width = text_width(header) + 2
            for cells in sample:
                value = cells[number]
                if isinstance(value, str):
                    width = max(width, text_width(value[:200]) + 1)
                elif isinstance(value, date):
                    width = max(width, 11)
                elif value is not None:
                    width = max(width, len(f"{value:,}") + 2 if not isinstance(value, bool) else 6)
            self.sheet.set_column(number, number, min(width, MAX_WIDTH))

    def _finish(self, written: int) -> None:
        sheet = self.sheet
        sheet.freeze_panes(1, 0)
        sheet.autofilter(0, 0, max(written, 1), len(self.columns) - 1)
        for number, column in enumerate(self.columns):
            if column.kind != "enum" or column.enum is None:
                continue
            if self.language == "ja":
                allowed = list(japanese_words(column.enum).values())
            else:
                allowed = [str(member.value) for member in column.enum]
            # Every row down to Excel's last, so rows a user adds get the list too.
            sheet.data_validation(
                1,
                number,
                EXCEL_ROWS - 1,
                number,
                {
                    "validate": "list",
                    "source": allowed,
                    "ignore_blank": True,
                    "error_title": self.headers[number],
                    "error_message": "、".join(allowed)[:255],
                },
            )


class _TooManyRows(Exception):
    def __init__(self, table: str) -> None:
        super().__init__(table)
        self.table = table
