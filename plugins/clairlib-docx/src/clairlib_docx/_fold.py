"""Columns the print keeps in one cell, folded back together before a table is written.

A transcription may split what the report prints in one cell into several columns:
a date under the name in brackets (``名称等`` over ``(開催時期)``), or the parts of a
cell under a header that names them all (``参加者 (主な所属部署等)`` over ``参加者``,
``参加者`` and ``(主な所属部署等)``). The export prints them as the report does: one
column whose header is the printed header and whose cells hold the parts, a bracketed
part on a line of its own.
"""

from __future__ import annotations

from collections.abc import Callable

import attrs

from clairlib.model import Column, ColumnRole, Quantity, Row, Table
from clairlib_docx._numbers import quantity_text

_OPEN = "(（"
_CLOSE = ")）"

Clean = Callable[[str, tuple[str | int, ...]], str]


def _bracketed(label: str) -> bool:
    label = label.strip()
    return len(label) > 2 and label[0] in _OPEN and label[-1] in _CLOSE


def _squeeze(text: str) -> str:
    return "".join(text.split())


def _header(label: str) -> str:
    # A bracketed part of a printed header stands on its own line.
    out = label
    for opening in _OPEN:
        out = out.replace(f" {opening}", f"\n{opening}")
    return out


def _groups(columns: tuple[Column, ...]) -> list[list[int]]:
    """The columns as the print lays them out: runs of indexes printed as one column."""
    out: list[list[int]] = []
    index = 0
    while index < len(columns):
        column = columns[index]
        if column.group:
            end = index
            while end + 1 < len(columns) and columns[end + 1].group == column.group:
                end += 1
            members = list(range(index, end + 1))
            labels = list(dict.fromkeys(columns[m].label.strip() for m in members))
            if end > index and _squeeze(" ".join(labels)) == _squeeze(column.group):
                out.append(members)
            else:
                out.extend([m] for m in members)
            index = end + 1
            continue
        previous = out[-1] if out else None
        if (
            previous is not None
            and _bracketed(column.label)
            and not columns[previous[0]].group
            and columns[previous[-1]].role is ColumnRole.LABEL
            and column.role is ColumnRole.LABEL
        ):
            previous.append(index)
        else:
            out.append([index])
        index += 1
    return out


def _part(cell: object, column: Column) -> str:
    if isinstance(cell, Quantity):
        return quantity_text(cell)
    return "" if cell is None else str(cell)


def fold(table: Table, clean: Clean) -> Table:
    """``table`` with the columns the print keeps in one cell folded into one column.

    ``clean`` cleans a text with the path parts of the field it comes from, so every
    finding names the original cell.
    """
    runs = _groups(table.columns)
    if all(len(run) == 1 for run in runs):
        return table
    # Every label and group is cleaned here under its own path: the indexes change below.
    columns = tuple(
        attrs.evolve(
            column,
            label=clean(column.label, ("columns", index, "label")),
            group=clean(column.group, ("columns", index, "group")) if column.group else None,
        )
        for index, column in enumerate(table.columns)
    )
    new_columns: list[Column] = []
    for run in runs:
        first = columns[run[0]]
        if len(run) == 1:
            new_columns.append(first)
        elif first.group:
            new_columns.append(Column(key=first.key, label=_header(first.group)))
        else:
            label = "\n".join(columns[m].label for m in run)
            new_columns.append(Column(key=first.key, label=label))
    rows: list[Row] = []
    for row_index, row in enumerate(table.rows):
        cells = dict(row.cells)
        for run in runs:
            if len(run) == 1:
                continue
            lines: list[str] = []
            for member in run:
                column = columns[member]
                key = column.key
                text = clean(_part(row.cells.get(key), column), ("rows", row_index, "cells", key))
                cells.pop(key, None)
                if not text:
                    continue
                if _bracketed(column.label):
                    shown = text if text[0] in _OPEN else f"({text})"
                    lines.append(shown)
                elif lines and "\n" not in lines[-1] and not _bracketed(lines[-1]):
                    lines[-1] = f"{lines[-1]} {text}"
                else:
                    lines.append(text)
            cells[columns[run[0]].key] = "\n".join(lines) or None
        rows.append(attrs.evolve(row, cells=cells))
    return attrs.evolve(table, columns=tuple(new_columns), rows=tuple(rows))
