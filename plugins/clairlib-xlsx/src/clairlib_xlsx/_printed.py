"""Printed tables: a sheet each, laid out as the document prints them.

Caption on top; header rows merged as printed (a group label spanning its columns,
an ungrouped label spanning both header rows); a banner row for each row group;
計 and subtotal rows in bold; figures as numbers where the document prints an exact
figure, as their printed text where it qualifies them (約, 以上); notes (※) below.
A table with no rows placed (a reader kept it as printed text under its caption) is
its printed lines, one a row, under the caption.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from clairlib.findings import join_path
from clairlib.model import BlockKind, Column, Document, Quantity, Row, RowKind, Table
from clairlib.model.navigation import iter_sections
from clairlib_xlsx._cells import MAX_WIDTH, CellChecker, text_width

__all__ = ["printed_texts", "write_printed_table"]


def printed_texts(document: Document) -> dict[str, tuple[str, str]]:
    """Each table's printed text as its TABLE block holds it, with the block's path."""
    out: dict[str, tuple[str, str]] = {}
    for path, section in iter_sections(document):
        bodies = [(f"{path}.body", section.body)]
        bodies += [
            (f"{path}.programmes[{j}].body", programme.body)
            for j, programme in enumerate(section.programmes)
        ]
        for where, body in bodies:
            for index, block in enumerate(body):
                if block.kind is BlockKind.TABLE and block.ref and block.text.strip():
                    out.setdefault(block.ref, (block.text, f"{where}[{index}].text"))
    return out


def merge(sheet: Any, first_row: int, first_col: int, last_row: int, last_col: int) -> None:
    """Mark a range merged whose cells the caller writes in row order.

    XlsxWriter's ``merge_range`` writes the whole range at once, which its
    constant-memory mode cannot take for a range over several rows (rows are
    written out as soon as a later one is started); the merge itself is only
    an entry in the sheet's list of merged ranges.
    """
    sheet.merge.append([first_row, first_col, last_row, last_col])


def _columns(table: Table) -> tuple[Column, ...]:
    if table.columns:
        return table.columns
    keys: dict[str, None] = {}
    for row in table.rows:
        keys.update(dict.fromkeys(row.cells))
    return tuple(Column(key=key, label=key) for key in keys)


def _number_format(value: Decimal) -> str:
    exponent = value.as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return "#,##0" + ("." + "0" * min(places, 10) if places else "")


def write_printed_table(
    workbook: Any,
    sheet: Any,
    table: Table,
    path: str,
    formats: Callable[..., Any],
    checker: CellChecker,
    as_printed: tuple[str, str] | None = None,
) -> None:
    """Write ``table`` into ``sheet`` as printed; ``formats(**props)`` gives a cached format.

    ``as_printed`` is the table's printed text and where it is: written, a line a row, when
    the table has no rows.
    """
    columns = _columns(table)
    width = max(len(columns), 1)
    widths = [text_width(column.label) + 2 for column in columns]

    def text(value: str, *parts: str | int) -> str:
        return checker.text(value, join_path(parts, root=path))

    row = 0
    sheet.write_string(row, 0, text(table.caption, "caption"), formats(bold=True, size_up=True))
    if width > 1:
        for col in range(1, width):
            sheet.write_blank(row, col, None, formats(bold=True, size_up=True))
        merge(sheet, row, 0, row, width - 1)
    row += 1
    header = formats(bold=True, header=True)
    grouped = any(column.group for column in columns)
    if grouped:
        col = 0
        while col < len(columns):
            group = columns[col].group
            end = col
            while group and end + 1 < len(columns) and columns[end + 1].group == group:
                end += 1
            if group:
                sheet.write_string(row, col, text(group, "columns", col, "group"), header)
                for blank in range(col + 1, end + 1):
                    sheet.write_blank(row, blank, None, header)
                if end > col:
                    merge(sheet, row, col, row, end)
                for span in range(col, end + 1):
                    widths[span] = max(widths[span], text_width(group) / (end - col + 1) + 2)
            else:
                sheet.write_string(
                    row, col, text(columns[col].label, "columns", col, "label"), header
                )
                merge(sheet, row, col, row + 1, col)
            col = end + 1
        row += 1
        for col, column in enumerate(columns):
            if column.group:
                sheet.write_string(row, col, text(column.label, "columns", col, "label"), header)
            else:
                sheet.write_blank(row, col, None, header)
    else:
        for col, column in enumerate(columns):
            sheet.write_string(row, col, text(column.label, "columns", col, "label"), header)
    if columns:  # a table with no columns (none placed) has no header row to keep in view
        row += 1
        sheet.freeze_panes(row, 0)
    current_group: str | None = None
    for index, printed in enumerate(table.rows):
        if printed.group is not None and printed.group != current_group:
            current_group = printed.group
            banner = formats(bold=True, banner=True)
            sheet.write_string(row, 0, text(printed.group, "rows", index, "group"), banner)
            for col in range(1, width):
                sheet.write_blank(row, col, None, banner)
            if width > 1:
                merge(sheet, row, 0, row, width - 1)
            row += 1
        _write_row(sheet, row, index, printed, columns, widths, formats, text)
        row += 1
    if as_printed is not None and not table.rows:
        kept, where = as_printed
        if not widths:
            widths.append(0.0)
        for line in kept.split("\n"):
            if line.strip():
                line = checker.text(line, where)  # a cell each: each within a cell's size
                sheet.write_string(row, 0, line, formats())
                widths[0] = max(widths[0], text_width(line[:200]) + 1)
            row += 1
    for number, note in enumerate(table.notes):
        sheet.write_string(row, 0, text(note, "notes", number), formats())
        row += 1
    for col, measured in enumerate(widths):
        sheet.set_column(col, col, min(measured, MAX_WIDTH))


def _write_row(
    sheet: Any,
    row: int,
    index: int,
    printed: Row,
    columns: tuple[Column, ...],
    widths: list[float],
    formats: Callable[..., Any],
    text: Callable[..., str],
) -> None:
    bold = printed.kind is not RowKind.DATA
    for col, column in enumerate(columns):
        cell = printed.cells.get(column.key)
        if cell is None:
            continue
        if isinstance(cell, Quantity):
            if cell.is_exact and cell.scale == 1 and abs(cell.value.adjusted()) < 15:
                sheet.write_number(
                    row, col, float(cell.value), formats(bold=bold, num=_number_format(cell.value))
                )
                widths[col] = max(widths[col], len(format(cell.value, ",f")) + 2)
                continue
            shown = cell.text if cell.text is not None else str(cell)
            value = text(shown, "rows", index, "cells", column.key)
            sheet.write_string(row, col, value, formats(bold=bold, right=True))
        else:
            value = text(cell, "rows", index, "cells", column.key)
            sheet.write_string(row, col, value, formats(bold=bold))
        widths[col] = max(widths[col], text_width(value[:200]) + 1)
