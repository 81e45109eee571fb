"""Text tables set out in columns: cells two spaces or a full-width space apart.

A layout-keeping extraction (``pdftotext -layout``, a table typed in a text file)
sets a row's cells side by side at the same display columns on consecutive lines
(a wide character takes two): the columns are the runs of positions some cell
covers, blank in every line between them. A line whose cells run into each other
is refused; a line with no first cell that only adds words under words goes on the
row above; letters one a line in the first column are the rows' group labels.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import attrs

from clairlib.model import RowKind
from clairlib.reading._layout import Line, joined, normal, with_text
from clairlib.reading._textcells import (
    _CLOSE,
    _DATE_KIND,
    _NUM,
    _OPEN,
    _TEXT,
    _WIDE_GAP,
    Refusal,
    TextRow,
    TextTable,
    _header_count,
    _kind,
    _row_kind,
    _width,
)

__all__ = ["aligned"]


@attrs.frozen
class _Segment:
    start: int
    end: int
    text: str


def _segments(line: Line, measure: Callable[[str], int]) -> list[_Segment]:
    # Cells of one line with the columns they stand at, as ``measure`` counts them.
    out: list[_Segment] = []
    column = line.indent
    position = 0
    text = line.text
    for gap in [*_WIDE_GAP.finditer(text), None]:
        stop = len(text) if gap is None else gap.start()
        piece = text[position:stop]
        width = measure(piece)
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            out.append(_Segment(column + lead, column + width, piece.strip()))
        column += width
        if gap is not None:
            column += measure(gap.group())
            position = gap.end()
    return out


def _columns(rows: Sequence[list[_Segment]]) -> list[tuple[int, int]]:
    # Columns are the runs of display positions some cell covers; gutters are blank in
    # every line.
    covered: set[int] = set()
    for segments in rows:
        for segment in segments:
            covered.update(range(segment.start, segment.end))
    out: list[tuple[int, int]] = []
    for position in sorted(covered):
        if out and out[-1][1] == position:
            out[-1] = (out[-1][0], position + 1)
        else:
            out.append((position, position + 1))
    return out


def _column_of(segment: _Segment, columns: Sequence[tuple[int, int]]) -> list[int]:
    return [
        index
        for index, (start, end) in enumerate(columns)
        if segment.start < end and start < segment.end
    ]


def aligned(lines: Sequence[Line]) -> TextTable | Refusal:
    """A table set out in columns, its cells placed by the columns they stand in.

    A PDF tool's layout counts columns in characters (``pdftotext -layout``), a table
    typed in a text editor in display columns (a wide character takes two): the
    both are tried, and a table that lines up both ways, into different cells, is
    refused.
    """
    by_characters = _aligned(lines, len)
    by_display = _aligned(lines, _width)
    if isinstance(by_characters, TextTable) and isinstance(by_display, TextTable):
        if [r.cells for r in by_characters.rows] == [r.cells for r in by_display.rows]:
            return by_characters
        return Refusal(
            reason="the cells line up both as characters and as display columns, differently"
        )
    if isinstance(by_characters, TextTable):
        return by_characters
    if isinstance(by_display, TextTable):
        return by_display
    return Refusal(
        reason=f"by characters, {by_characters.reason}; by display columns, {by_display.reason}",
        line=by_display.line or by_characters.line,
    )


def _aligned(lines: Sequence[Line], measure: Callable[[str], int]) -> TextTable | Refusal:
    def words(line: Line) -> list[str]:
        return [s.text for s in _segments(line, measure)]

    heads = _header_count(lines, words)
    marked = any(_kind(w) in (_NUM, _DATE_KIND) for line in lines[:6] for w in words(line))
    # The header printed again after a page break is no row.
    again = {line.folded for line in lines[:heads]}
    data = [line for line in lines[heads:] if line.folded not in again]
    segmented = [_segments(line, measure) for line in data]
    columns = _columns(segmented)
    if len(columns) < 2:
        return Refusal(reason="no column boundary runs through the rows")
    if not marked and segmented and segmented[0] and _column_of(segmented[0][0], columns)[0]:
        # No number or date marks where the rows begin, and the line taken for the
        # first row opens no first cell: the header may go on, the text does not say.
        return Refusal(reason="where the header ends is not printed", line=data[0])
    cells: list[list[str]] = []
    for line, segments in zip(data, segmented, strict=True):
        row = [""] * len(columns)
        for segment in segments:
            (index,) = _column_of(segment, columns)
            if row[index]:
                return Refusal(
                    reason=f"line {line.number}: two cells stand in one column "
                    "(the columns do not line up)",
                    line=line,
                )
            row[index] = segment.text
        cells.append(row)
    for line in lines[:heads]:
        # Each header word stands over columns of its own.
        taken: set[int] = set()
        for segment in _segments(line, measure):
            over = set(_column_of(segment, columns))
            if not over or over & taken:
                return Refusal(
                    reason=f"line {line.number}: the header's words do not stand over "
                    "columns of their own",
                    line=line,
                )
            taken |= over
    header, groups = _aligned_header(lines[:heads], columns, measure)
    grouped = all(not row[0] or len(normal(row[0])) == 1 for row in cells) and any(
        row[0] for row in cells
    )
    return _aligned_rows(data, cells, header, groups, grouped)


def _aligned_header(
    lines: Sequence[Line], columns: Sequence[tuple[int, int]], measure: Callable[[str], int]
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    # Each header cell labels the column it stands over; one over several columns is
    # their group (a spanning header, 支援先内訳).
    labels: list[list[Line]] = [[] for _ in columns]
    groups = [""] * len(columns)
    for line in lines:
        for segment in _segments(line, measure):
            over = _column_of(segment, columns)
            if len(over) == 1:
                labels[over[0]].append(with_text(line, segment.text))
            for index in over if len(over) > 1 else ():
                groups[index] = segment.text
    return tuple(joined(parts) for parts in labels), tuple(groups)


def _aligned_rows(
    data: Sequence[Line],
    cells: Sequence[list[str]],
    header: tuple[str, ...],
    groups: tuple[str, ...],
    grouped: bool,
) -> TextTable | Refusal:
    first = 1 if grouped else 0
    rows: list[tuple[list[list[str]], Line, list[int]]] = []  # parts per cell, line, lines
    letters: list[tuple[int, str, bool]] = []  # line, letter, a blank line before it
    for index, (line, row) in enumerate(zip(data, cells, strict=True)):
        if grouped and row[0]:
            letters.append((index, row[0], line.gap_before))
        values = row[first:]
        if not any(values):
            continue
        previous = rows[-1] if rows else None
        # A line goes on the row above where it opens no first cell and only adds
        # words to that row's words: under a number or a date it is a row of its own.
        # A bracket left open in the row above: the line goes on inside it.
        continues = previous is not None and (
            any(_open(parts) for parts in previous[0])
            or (
                not values[0]
                and all(
                    not value
                    or (_kind(value) == _TEXT and previous[0][i] and _is_text(previous[0][i]))
                    for i, value in enumerate(values)
                )
            )
        )
        if continues and previous is not None:
            for i, value in enumerate(values):
                if value:
                    previous[0][i].append(value)
            previous[2].append(index)
            continue
        rows.append(([[v] if v else [] for v in values], line, [index]))
    labels = _labels(letters, [r[2] for r in rows])
    if isinstance(labels, Refusal):
        return labels
    out = []
    for (parts, line, _), group in zip(rows, labels, strict=True):
        texts = tuple(_join(p, line) for p in parts)
        kind = _row_kind(texts[0]) if group is None else _row_kind(group)
        if kind is RowKind.DATA:
            kind = _row_kind(texts[0])
        out.append(TextRow(cells=texts, kind=kind, group=group, line=line))
    if not out:
        return Refusal(reason="no row under the header")
    # A column of words that most rows leave empty is printed once over several rows (a
    # label spanning them): which rows it spans the text does not say.
    data_rows = [row for row in out if row.kind is RowKind.DATA]
    for index in range(len(out[0].cells)):
        filled = [row.cells[index] for row in data_rows if row.cells[index]]
        if filled and len(filled) * 2 < len(data_rows) and all(_kind(c) == _TEXT for c in filled):
            return Refusal(
                reason=f"column {index + 1 + first} holds words in only {len(filled)} of "
                f"{len(data_rows)} rows: printed once over several rows, which the text "
                "does not tell",
            )
    return TextTable(header=header[first:], rows=tuple(out), grouped=grouped, groups=groups[first:])


def _open(parts: list[str]) -> bool:
    text = "".join(parts)
    return sum(text.count(c) for c in _OPEN) > sum(text.count(c) for c in _CLOSE)


def _is_text(parts: list[str]) -> bool:
    return all(_kind(part) == _TEXT for part in parts)


def _join(parts: Sequence[str], line: Line) -> str:
    return joined(with_text(line, part) for part in parts)


def _labels(
    letters: Sequence[tuple[int, str, bool]], row_lines: Sequence[list[int]]
) -> list[str | None] | Refusal:
    # Letters on consecutive lines make one label (a blank line before a letter starts
    # the next); it heads the rows whose lines it stands beside. A row beside no label,
    # where there are labels, is not placed.
    if not letters:
        return [None] * len(row_lines)
    runs: list[tuple[int, int, str]] = []
    for index, letter, blank in letters:
        if runs and runs[-1][1] == index - 1 and not blank:
            start, _, text = runs[-1]
            runs[-1] = (start, index, text + letter)
        else:
            runs.append((index, index, letter))
    out: list[str | None] = []
    for lines in row_lines:
        # A label spans the rows it stands beside, from its first letter to its last.
        found = [text for start, end, text in runs if start <= lines[-1] and lines[0] <= end]
        if len(found) != 1:
            return Refusal(
                reason="a row stands beside "
                + ("no group label" if not found else "two group labels")
                + " where the first column holds them"
            )
        out.append(found[0])
    return out
