"""Which data rows a table's total and subtotal rows cover, and reading their cells."""

from __future__ import annotations

from collections.abc import Iterator

from clairlib.model.documents import Row, RowKind, Table
from clairlib.model.quantity import Quantity

# Cells printed as a dash or left empty stand for nothing (北京 has no その他 cases).
_NOTHING = frozenset({"", "-", "－", "–", "—", "‐", "―", "ー", "0"})


def covered(table: Table) -> Iterator[tuple[int, Row, tuple[int, ...]]]:
    """Yield each total or subtotal row with the indices of the data rows it covers.

    A row with a ``group`` covers the data rows of that group. Without one, a total
    covers every data row of the table, and a subtotal the data rows printed since the
    previous total or subtotal.
    """
    since: list[int] = []
    for i, row in enumerate(table.rows):
        if row.kind is RowKind.DATA:
            since.append(i)
            continue
        if row.group is not None:
            rows = tuple(
                j
                for j, r in enumerate(table.rows)
                if r.kind is RowKind.DATA and r.group == row.group
            )
        elif row.kind is RowKind.TOTAL:
            rows = tuple(j for j, r in enumerate(table.rows) if r.kind is RowKind.DATA)
        else:
            rows = tuple(since)
        since = []
        yield i, row, rows


class NotANumber(ValueError):
    """A cell that should hold a number holds text."""


def number_cell(row: Row, key: str) -> Quantity | None:
    """The quantity in a cell; None for an empty or dash cell; NotANumber for other text."""
    cell = row.cells.get(key)
    if cell is None or isinstance(cell, Quantity):
        return cell
    if cell.strip() in _NOTHING:
        return None
    raise NotANumber(cell)
