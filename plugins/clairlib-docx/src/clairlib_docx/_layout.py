"""How a table is laid out: where its groups print, and how wide its columns are."""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Sequence

import attrs

from clairlib.model import Column, ColumnRole, Row, RowKind
from clairlib_docx._sanitize import EMPTY, Clean

HALF_WIDTH = 92  # twips a half-width character takes at 9 pt, the table text size
CELL_PADDING = 230  # the table style's left and right cell margins, and a little air
MAX_STRETCH = 1.6
SHORT = 8  # half-width characters a header keeps on one line
NARROW = 6  # the narrowest a header squeezes to in a crowded table


@attrs.frozen
class Layout:
    """How a grouped table prints its groups."""

    group_column: int | None  # the column the group label is printed in, merged down
    folded: frozenset[int]  # columns whose subtotal value is printed merged beside the group


def is_empty(cell: object) -> bool:
    return cell is None or cell == ""


def own_text(row: Row, key: str) -> str | None:
    """What a grouped row prints in the group's column itself, if anything."""
    cell = row.cells.get(key)
    if is_empty(cell) or cell == row.group:
        return None
    return str(cell)


def find_layout(columns: Sequence[Column], rows: Sequence[Row]) -> Layout:
    """Find the column a group's label belongs in.

    That is the first text column the group's data rows mostly leave empty (a row
    may print its own label there: スイス among フランス's events), or one whose rows
    all repeat the same text within each group (【総務大臣賞】 on every prize row).
    """
    grouped = [row for row in rows if row.kind is RowKind.DATA and row.group is not None]
    if not grouped:
        return Layout(None, frozenset())
    group_column = None
    for index, column in enumerate(columns):
        if column.role is not ColumnRole.LABEL:
            continue
        owns = [own_text(row, column.key) for row in grouped]
        values: dict[str | None, set[str | None]] = {}
        for row, own in zip(grouped, owns, strict=True):
            values.setdefault(row.group, set()).add(own)
        mostly_empty = 2 * sum(own is not None for own in owns) <= len(owns)
        if mostly_empty or all(len(found) == 1 for found in values.values()):
            group_column = index
            break
    if group_column is None:
        return Layout(None, frozenset())
    empty = frozenset(
        index
        for index, column in enumerate(columns)
        if index != group_column and all(is_empty(row.cells.get(column.key)) for row in grouped)
    )
    return Layout(group_column, empty)


def segments(owns: Sequence[Clean | None], label: Clean) -> list[tuple[Clean, str]]:
    """The group column of a run: per row its text and merge mark (restart, continue, none).

    ``owns`` is what each row prints there itself (None for nothing of its own). Rows
    that print nothing of their own share one merged cell holding the label, printed
    once; a row with its own text gets (or shares) a cell with that text.
    """
    out: list[tuple[Clean, str]] = []
    label_printed = False
    start = 0
    while start < len(owns):
        end = start + 1
        while end < len(owns) and owns[end] == owns[start]:
            end += 1
        own = owns[start]
        if own is None:
            text, label_printed = (EMPTY if label_printed else label), True
        else:
            text = own
        length = end - start
        out.append((text, "restart" if length > 1 else ""))
        out.extend((EMPTY, "continue") for _ in range(length - 1))
        start = end
    return out


def fit(needs: list[int], available: int) -> list[int]:
    """Column widths: each column its need where all fit, else long columns share the rest.

    A table that fits is widened a little (at most to the text width). One that does
    not keeps its short columns whole; the long ones (those above the common width
    that would just fit) share what is left by the square root of their need, so a
    long text column gets more than a date column without starving it.
    """
    total = sum(needs)
    if total <= available:
        stretch = min(available / total, MAX_STRETCH) if total else 1.0
        return [int(need * stretch) for need in needs]
    low, high = 0, max(needs)
    while low < high:  # the largest common cap that still fits
        cap = (low + high + 1) // 2
        if sum(min(need, cap) for need in needs) <= available:
            low = cap
        else:
            high = cap - 1
    long = [index for index, need in enumerate(needs) if need > low]
    rest = available - sum(need for need in needs if need <= low)
    weights = {index: math.sqrt(needs[index]) for index in long}
    share = sum(weights.values())
    return [
        int(rest * weights[index] / share) if index in weights else need
        for index, need in enumerate(needs)
    ]


def wrapped(header: int) -> int:
    return header if header <= SHORT else max(SHORT, (header + 1) // 2)


def twips(characters: int) -> int:
    return max(characters, 4) * HALF_WIDTH + CELL_PADDING


def text_width(text: str) -> int:
    """How many half-width characters ``text`` takes (a kanji takes two)."""
    if text.isascii():
        return len(text)
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)
