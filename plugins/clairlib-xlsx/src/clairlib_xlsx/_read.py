"""Reading a workbook back into records: the export's layout, or a plain sheet of records.

Each sheet whose name is a record table's (``events``…) is read as that table; any
other sheet is read as the table its header row matches best (Japanese or English
labels), and a sheet that matches none — the summary, a printed table — is left out
with a note saying so. Cells are read with python-calamine: formulas give their
cached values, and a merged range gives its value to every cell it covers. Every
problem is a finding addressed by cell (``events!C7``); nothing is dropped unsaid.
"""

from __future__ import annotations

import contextlib
import gc
import io
import itertools
import re
import string
import unicodedata
from collections.abc import Iterator, Sequence
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

import attrs

from clairlib.calendar import FiscalYear, Period, PeriodSet, parse_period
from clairlib.errors import ClairlibError, DocumentError
from clairlib.exporting import CsvRecords
from clairlib.exporting.tables import (
    REREAD,
    TABLES,
    CellError,
    Column,
    Converter,
    Remembered,
    Table,
    TableReader,
    Verbatim,
    assemble_records,
)
from clairlib.findings import Finding, Severity
from clairlib.model import Country, Programme
from clairlib.model.places import is_country_code

__all__ = ["SheetReader", "WorkbookRecords", "read_records"]

_RULE = "xlsx-read"
_OFFICE_KEYS = frozenset({"office", "offices"})
_COUNTRY_KEYS = frozenset({"country", "venue_countries"})
_MEMO = 4096  # cell values remembered per column: codes, kinds, periods repeat
_NONE: list[Any] = []  # no cells beyond the header's (never changed)
_MISSING = object()
_TOTAL_LABELS = frozenset({"計", "合計", "小計", "総計", "total", "subtotal"})
_FY = re.compile(r"(?:FY)?(\d{1,4})(?:年度)?\Z")


def column_letter(number: int) -> str:
    """The column's letters: 0 → A, 26 → AA."""
    letters = ""
    number += 1
    while number:
        number, rest = divmod(number - 1, 26)
        letters = string.ascii_uppercase[rest] + letters
    return letters


def _fold(label: str) -> str:
    return unicodedata.normalize("NFKC", label).replace(" ", "").replace("\u3000", "").casefold()


def _number_text(value: float) -> str:
    if value.is_integer() and abs(value) < 2**53:
        return str(int(value))
    return repr(value)


def _text(value: Any) -> str:
    """A cell value as the text the table reader takes."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return _number_text(value)
    if isinstance(value, datetime):
        if value.time() == time(0):
            return value.date().isoformat()
        return value.isoformat()
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, timedelta):
        return str(value)
    return str(value)


@attrs.frozen(kw_only=True)
class WorkbookRecords:
    """What a workbook holds: its records, the document facts of its summary sheet, findings."""

    records: CsvRecords
    sections: tuple[tuple[str, Programme], ...]
    facts: dict[str, str]
    findings: tuple[Finding, ...]


class SheetReader(TableReader):
    """Reads the sheets of a workbook; a finding's path is the cell (``events!C7``)."""

    rule = _RULE

    def __init__(self) -> None:
        super().__init__(encoding="utf-8", neutralised=False)
        self.sheet = ""
        self.rows_of: dict[str, list[int]] = {}  # table → sheet row number of each index
        self.letters: dict[tuple[str, tuple[str, ...]], str] = {}
        self.header_row = 1  # of the sheet being read

    def note(self, path: str, message: str, severity: Severity = Severity.INFO) -> None:
        self.findings.append(Finding(rule=_RULE, severity=severity, path=path, message=message))

    def where(self, table: Table, index: int, path: tuple[str, ...] = ()) -> str:
        rows = self.rows_of.get(table.name, [])
        number = rows[index] if index < len(rows) else index + 2
        letter = self.letters.get((table.name, path), "") if path else ""
        if not letter and path:
            # A nested object's problem: the first of its cells.
            found = [
                v
                for (t, p), v in self.letters.items()
                if t == table.name and p[: len(path)] == path
            ]
            letter = found[0] if found else ""
        return f"{self.sheet}!{letter}{number}" if letter else f"{self.sheet}!{number}"

    def header_where(self, table: Table, position: int, file_name: str) -> str:
        """The header cell itself (``events!F1``)."""
        return f"{self.sheet}!{column_letter(position)}{self.header_row}"

    def name_where(self, table: Table, index: int, column: Column) -> str:
        """The cell itself (``events!F7``), where the edit was made."""
        return self.where(table, index, (column.kind, *column.path))

    def cell(self, column: Column, text: str) -> Any:
        kind = column.kind
        if kind in ("period", "fy") and text.strip():
            return _period_or_year(column, text.strip())
        if kind in ("int", "decimal", "bool", "enum"):
            text = text.strip()
        value = super().cell(column, text)
        if column.key in _OFFICE_KEYS and value:
            return _offices(value)
        if column.key in _COUNTRY_KEYS and value:
            return _countries(value)
        return value

    def converter(self, column: Column) -> Converter | Verbatim | Remembered:
        """The fast lane's reading of one cell value: :meth:`cell` of its text, remembered.

        A text cell that needs no work is taken as it is; other values are remembered
        by type and value (``1.0`` and ``True`` are equal keys, but not equal cells).
        """
        cell = self.cell
        if column.kind == "text" and column.key not in _OFFICE_KEYS | _COUNTRY_KEYS:
            return Verbatim(
                lambda value: cell(column, _text(value)), None if column.optional else ""
            )
        if column.kind == "mapping":  # a dict: not to be shared between rows
            return lambda value: cell(column, _text(value))
        # Text cells are looked up inline; other values in a memo of their type, since
        # equal keys of two types (1.0 and True) are not equal cells.
        texts: dict[Any, Any] = {}
        memos: dict[type, dict[Any, Any]] = {str: texts, float: {}, int: {}, bool: {}}

        def remember(value: Any) -> Any:
            memo = memos.get(type(value))
            if memo is None:
                return cell(column, _text(value))
            found = memo.get(value, _MISSING)
            if found is _MISSING:
                found = cell(column, _text(value))
                if len(memo) < _MEMO:
                    memo[value] = found
            return found

        return Remembered(texts, remember)

    def text(self, value: Any) -> str:
        """One cell value as the text :meth:`cell` reads."""
        return _text(value)

    def texts(self, cells: Sequence[Any]) -> list[str]:
        """The cell values of a row as the texts :meth:`cell` reads."""
        return [_text(value) for value in cells]

    def magnitude_agrees(self, text: str, expected: Decimal) -> bool:
        # The cell holds a double, which XlsxWriter writes with 16 significant digits:
        # compare it with the magnitude so rounded.
        try:
            found, exact = float(text), float(expected)
        except ValueError:
            return False
        return found == exact or found == float(format(exact, ".16g"))


def _period_or_year(column: Column, text: str) -> Any:
    if column.kind == "fy":
        match = _FY.match(unicodedata.normalize("NFKC", text))
        if match is not None:
            return FiscalYear(int(match.group(1)))
        try:
            found = parse_period(text)
        except ClairlibError:
            raise CellError(f"expected a fiscal year, found {text!r}") from None
        return FiscalYear.of(found.start)
    if text.startswith("'"):
        text = text[1:]
    try:
        if "," in text or text.startswith("R/"):
            return PeriodSet.fromisoformat(text)
        return Period.fromisoformat(text)
    except ClairlibError:
        pass
    try:
        return parse_period(text)
    except ClairlibError:
        raise CellError(f"expected a date, found {text!r}") from None


def _office(text: str) -> str:
    from clairlib import reference

    try:
        return reference.office(text).code
    except reference.UnknownOfficeError:
        pass
    try:
        return reference.find_office(text).code
    except reference.UnknownOfficeError:
        raise CellError(f"unknown office {text!r}") from None


def _offices(value: Any) -> Any:
    if isinstance(value, str):
        return _office(value)
    return tuple(_office(item) for item in value)


def _country(text: str) -> str:
    if is_country_code(text):
        return text
    try:
        return Country.lookup(text).code
    except ClairlibError:
        raise CellError(f"unknown country {text!r}") from None


def _countries(value: Any) -> Any:
    if isinstance(value, str):
        return _country(value)
    return tuple(_country(item) for item in value)


def _labels(table: Table) -> dict[str, Column]:
    found: dict[str, Column] = {}
    for column in table.columns:
        found.setdefault(_fold(column.key), column)
        found.setdefault(_fold(column.ja), column)
    return found


_BY_NAME = {table.name: table for table in TABLES}
_LABELS = {table.name: _labels(table) for table in TABLES}
_PLAIN = (
    "events",
    "measurements",
    *(t.name for t in TABLES if t.name not in ("events", "measurements")),
)


def _hits(header: Sequence[str], labels: dict[str, Column]) -> int:
    """How many of a table's columns the header names, each column counted once.

    A caption merged over several cells reads as one label repeated: one column, so a
    printed table's caption never passes for a record table's header.
    """
    return len({labels[cell].key for cell in map(_fold, header) if cell and cell in labels})


def _match(header: Sequence[str]) -> tuple[Table | None, int]:
    """The table whose columns the header names most (events and measurements first)."""
    best: tuple[Table | None, int] = (None, 0)
    for name in _PLAIN:
        hits = _hits(header, _LABELS[name])
        if hits > best[1]:
            best = (_BY_NAME[name], hits)
    return best


def _grid(sheet: Any) -> list[list[Any]]:
    """The sheet's cells with merged ranges filled in, and the position of its first cell."""
    rows: list[list[Any]] = sheet.to_python(skip_empty_area=False)  # new lists, ours to fill
    merged = sheet.merged_cell_ranges or []
    for (first_row, first_col), (last_row, last_col) in merged:
        if first_row >= len(rows) or first_col >= len(rows[first_row]):
            continue
        value = rows[first_row][first_col]
        for row in range(first_row, min(last_row, len(rows) - 1) + 1):
            line = rows[row]
            for col in range(first_col, last_col + 1):
                while len(line) <= col:
                    line.append("")
                if (row, col) != (first_row, first_col):
                    line[col] = value
    return rows


def _facts(rows: list[list[Any]]) -> dict[str, str]:
    labels = {
        "種別": "kind", "kind": "kind", "ID": "id", "id": "id", "年度": "fiscal_year",
        "fiscal year": "fiscal_year", "発行者": "issuer", "issuer": "issuer",
        "期間": "period", "period": "period",
    }  # fmt: skip
    kinds = {
        "事業報告": "annual_report", "事業計画": "annual_plan", "中期経営計画": "mid_term_plan",
        "annual report": "annual_report", "annual plan": "annual_plan",
        "mid-term plan": "mid_term_plan",
    }  # fmt: skip
    facts: dict[str, str] = {}
    if rows and rows[0] and isinstance(rows[0][0], str):
        facts["title"] = rows[0][0]
    for row in rows[:12]:
        if len(row) >= 2 and isinstance(row[0], str) and row[0] in labels and row[1] != "":
            key = labels[row[0]]
            facts.setdefault(key, _text(row[1]))
    if "kind" in facts:
        facts["kind"] = kinds.get(facts["kind"], facts["kind"])
    return facts


def _is_summary(rows: list[list[Any]]) -> bool:
    return bool(_facts(rows).keys() & {"kind", "id"}) and any(
        row and row[0] in ("検証と書き出しの指摘", "findings of validation and export")
        for row in rows[:40]
    )


def _not_a_workbook(name: str, reason: str) -> DocumentError:
    return DocumentError(
        [Finding(rule=_RULE, severity=Severity.ERROR, path="$",
                 message=f"expected an Excel workbook (.xlsx), found one that cannot be "
                 f"read: {reason}")],
        source=name,
    )  # fmt: skip


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """The cyclic garbage collector paused while records are built, as it was after.

    Records hold no reference cycles, so the collector finds nothing in them; its
    passes over the cells and the growing records would cost a third of the
    reading. (Calamine's reading of the cells is not paused.)
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def read_records(data: bytes | str, name: str) -> WorkbookRecords:
    """Read every record sheet of the workbook ``data`` (its bytes, or its file's path).

    DocumentError when it is no workbook; a file that cannot be opened raises OSError.
    """
    from python_calamine import CalamineError, CalamineWorkbook

    try:
        if isinstance(data, str):
            # From the file itself: no copy of its bytes in Python, then another in calamine.
            workbook = CalamineWorkbook.from_path(data)
        else:
            workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
    except OSError as error:
        if isinstance(data, str):
            raise  # no such file, or not one to read: as open() says
        raise _not_a_workbook(name, str(error)) from None
    except (CalamineError, ValueError) as error:
        raise _not_a_workbook(name, str(error)) from None
    reader = SheetReader()
    read: dict[str, list[Any]] = {}
    facts: dict[str, str] = {}
    # One sheet's cells at a time: a sheet is read, then let go before the next.
    with workbook:
        for sheet_name in workbook.sheet_names:
            try:
                rows = _grid(workbook.get_sheet_by_name(sheet_name))
            except CalamineError as error:
                reader.problem(f"{sheet_name}!1", f"cannot read the sheet: {error}")
                continue
            reader.sheet = sheet_name
            if _is_summary(rows):
                facts = _facts(rows)
                continue
            # In the export's layout (the summary first) a sheet that is no record
            # table is a printed table.
            with _collector_paused():
                _read_sheet(reader, sheet_name, rows, read, printed=bool(facts))
            del rows
    with _collector_paused():
        records = assemble_records(reader, read)
    sections = tuple((row.section, row.programme) for row in read.get("programmes", []))
    return WorkbookRecords(
        records=records, sections=sections, facts=facts, findings=tuple(reader.findings)
    )


def _read_sheet(
    reader: SheetReader,
    sheet_name: str,
    rows: list[list[Any]],
    read: dict[str, list[Any]],
    *,
    printed: bool = False,
) -> None:
    header_at = next((n for n, row in enumerate(rows) if sum(1 for c in row if c != "") >= 1), None)
    if header_at is None:
        return  # an empty sheet holds nothing to lose
    header = [_text(cell).strip() for cell in rows[header_at]]
    table = _BY_NAME.get(sheet_name.strip().lower())
    hits = 0
    if table is not None:
        hits = _hits(header, _LABELS[table.name])
    if table is None or hits == 0:
        table, hits = _match(header)
    if table is None or hits < 2:
        reader.note(
            f"{sheet_name}!{header_at + 1}",
            "a printed table: not read (its records are on the record sheets)"
            if printed
            else "not a record table: its header names no table's columns; the sheet is left out",
        )
        return
    labels = _LABELS[table.name]
    canonical = [labels[_fold(cell)].key if _fold(cell) in labels else cell for cell in header]

    def unknown(position: int, cell: str) -> None:
        if cell:
            reader.problem(
                f"{sheet_name}!{column_letter(position)}{header_at + 1}",
                f"unknown column {cell!r}: no column of {table.name} has this header; "
                "its cells are not read",
            )

    reader.header_row = header_at + 1
    columns, checks = reader.header(table, canonical, f"sheet {sheet_name!r}", unknown)
    for position, column in enumerate(columns):
        if column is not None:
            reader.letters[(table.name, column.path)] = column_letter(position)
    for position, column in checks:
        reader.letters.setdefault((table.name, column.path), column_letter(position))
        # A cell written beside its source is named by its own letter in a finding.
        reader.letters[(table.name, (column.kind, *column.path))] = column_letter(position)
    numbers = reader.rows_of.setdefault(table.name, [])
    built_rows = read.setdefault(table.name, [])
    ids: dict[str, int] = {}
    id_position = next((p for p, c in enumerate(columns) if c is not None and c.key == "id"
                        and c.path == ("id",)), None)  # fmt: skip
    width = len(header)
    # A sheet is as wide as its widest row: a cell beside the header, or under an empty
    # header cell, belongs to no column and is reported, never dropped unsaid.
    unnamed = [position for position, cell in enumerate(header) if not cell]
    fast = reader.fast_lane(table, columns)
    texts, check = reader.texts, reader.check
    # The cells are calamine's values, read as text only where the text is needed: an
    # empty cell is "", any other value's text is not empty.
    findings, add_number, add_row = reader.findings, numbers.append, built_rows.append
    for number, raw in enumerate(itertools.islice(rows, header_at + 1, None), header_at + 2):
        cells, extra = raw, _NONE
        if len(raw) != width:
            cells = raw[:width] + [""] * (width - len(raw))
            extra = [value for value in raw[width:] if value != ""]
        # (A row whose first cell holds something is not empty: no need to count.)
        if cells[0] == "" and cells.count("") == width:  # white space alone is text, kept
            if extra:
                reader.problem(f"{sheet_name}!{number}", "cells beyond the header's columns")
            continue  # an empty row holds nothing
        if extra:
            reader.problem(
                f"{sheet_name}!{column_letter(width)}{number}",
                f"cells beyond the header's columns: {[_text(v) for v in extra][:3]!r}",
            )
        if unnamed and (stray := [p for p in unnamed if cells[p] != ""]):
            reader.problem(
                f"{sheet_name}!{column_letter(stray[0])}{number}",
                f"cells under no header, not read: {[_text(cells[p]) for p in stray][:3]!r}",
            )
        first = 0 if cells[0] != "" else _first_filled(cells)
        label = cells[first]
        if (
            label.__class__ is str
            and label.strip().casefold() in _TOTAL_LABELS
            and _is_total(reader.texts(cells), columns, first)
        ):
            reader.note(
                f"{sheet_name}!{number}",
                f"a total row ({label!r}), not a record; left out",
                Severity.WARNING,
            )
            continue
        key = ""
        if id_position is not None:
            ident = cells[id_position]
            key = ident if ident.__class__ is str else _text(ident)
            if not key.strip():
                reader.problem(
                    f"{sheet_name}!{column_letter(id_position)}{number}",
                    "a row without an id is not a record",
                )
                continue
        index = len(numbers)
        add_number(number)
        before = len(findings)
        # The builder's two lanes, inline: this loop runs once per row of the sheet.
        try:
            built = fast(cells)
        except REREAD:
            built = reader.build(table, columns, texts(cells), index, checks)
        else:
            if checks and not check(table, built, cells, index, checks):
                built = None
        if built is None:
            if len(findings) == before:
                reader.problem(f"{sheet_name}!{number}", "a row that is not a record")
            continue
        add_row(built)
        if id_position is not None:
            if key in ids:
                reader.problem(
                    f"{sheet_name}!{column_letter(id_position)}{number}",
                    f"duplicate id {key!r} (first in row {ids[key]})",
                )
            else:
                ids[key] = number


def _first_filled(cells: Sequence[Any]) -> int:
    return next(n for n, cell in enumerate(cells) if cell != "")


def _is_total(cells: Sequence[str], columns: Sequence[Column | None], first: int) -> bool:
    """A row whose first filled cell is 計 (or total) and whose id cell is empty."""
    return not any(
        column is not None and column.key == "id" and cells[n].strip()
        for n, column in enumerate(columns)
        if n != first
    )
