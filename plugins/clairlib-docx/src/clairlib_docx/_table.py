"""Tables as WordprocessingML text, written in one go and spliced into the document.

python-docx builds a table cell by cell through its object API, which costs far more
than the table is worth at thousands of rows. Here a table is one string: each row
a few joins of precomputed cell openings and escaped text. The string goes into
the saved document.xml where a placeholder paragraph stands (see ``_package``), so
it is never parsed into a tree at all.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from clairlib.findings import join_path
from clairlib.model import Column, Quantity, Row, RowKind, Table
from clairlib_docx._fold import fold
from clairlib_docx._header import HeaderCell, HeaderSpan, header_grid
from clairlib_docx._layout import (
    CELL_PADDING,
    NARROW_MARGIN,
    NARROW_PADDING,
    Layout,
    find_layout,
    fit,
    header_minimum,
    header_words,
    is_empty,
    item_merges,
    segments,
    text_width,
    twips,
    unbreakable,
)
from clairlib_docx._numbers import is_numeric_column, quantity_text
from clairlib_docx._sanitize import EMPTY, Clean, Sanitiser, literal
from clairlib_docx._styles import TABLE_HEADING, TABLE_TEXT, TEXT_WIDTH_TWIPS
from clairlib_docx._xml import run as text_run

TOTAL_LABEL = literal("計")
SUBTOTAL_LABEL = literal("小計")
_SAMPLE_ROWS = 300
_SMALLEST = 14  # half-points: 7 pt, the smallest a crowded table prints
_HEADER_CHUNK = 4  # half-width characters a header word breaks into when it must
_TICK_EVERY = 1000
_HEADER_FILL = "D9D9D9"
_BANNER_FILL = "F2F2F2"
# Body rows may break across pages (a long row never leaves a third of a page empty);
# header rows repeat on every page and never split.
_ROW = "<w:tr>"
_HEADER_ROW = "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"
_CELL_END = "</w:p></w:tc>"
# A table this short (in printed lines of its body) is kept on one page, as the print
# keeps it: a page never ends two rows before its 計 row. A longer one may break, so no
# more than about a quarter of a page is ever left empty by keeping.
_KEPT_WHOLE = 14
_TEXT_STYLE = f'<w:pStyle w:val="{TABLE_TEXT}"/>'

Texts = list[tuple[Clean, bool]]  # each cell's text and whether it is a figure


def _tc(
    width: int,
    text: Clean,
    *,
    align: str,
    style: str = TABLE_TEXT,
    bold: bool = False,
    merge: str = "",
    span: int = 1,
    fill: str = "",
    middle: bool = False,
) -> str:
    """A table cell with any of the properties this module uses, in schema order."""
    props = [f'<w:tcW w:w="{width}" w:type="dxa"/>']
    if span > 1:
        props.append(f'<w:gridSpan w:val="{span}"/>')
    if merge == "restart":
        props.append('<w:vMerge w:val="restart"/>')
    elif merge:
        props.append("<w:vMerge/>")
    if fill:
        props.append(f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>')
    if middle:
        props.append('<w:vAlign w:val="center"/>')
    runs = text_run(text, bold) if text else ""
    return (
        f'<w:tc><w:tcPr>{"".join(props)}</w:tcPr><w:p><w:pPr><w:pStyle w:val="{style}"/>'
        f'<w:jc w:val="{align}"/></w:pPr>{runs}{_CELL_END}'
    )


def _head(width: int, text: Clean, *, span: int = 1, merge: str = "") -> str:
    return _tc(
        width,
        text,
        align="center",
        style=TABLE_HEADING,
        span=span,
        merge=merge,
        fill=_HEADER_FILL,
        middle=True,
    )


def _opening(width: int, align: str) -> str:
    """Everything of a plain cell before its text."""
    return (
        f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr><w:p><w:pPr>'
        f'<w:pStyle w:val="{TABLE_TEXT}"/><w:jc w:val="{align}"/></w:pPr>'
    )


class TableWriter:
    """Writes one :class:`Table` as w:tbl text, sanitising every text on the way."""

    def __init__(
        self,
        table: Table,
        path: str,
        sanitiser: Sanitiser,
        tick: Callable[[int], None] | None,
        *,
        size: int = 18,
    ) -> None:
        self.path = path
        self.sanitiser = sanitiser
        self.table = table = fold(table, self._clean)
        self.tick = tick
        self.columns = table.columns or self._columns_from_rows(table.rows)
        self.keys = [column.key for column in self.columns]
        self.units = [column.unit for column in self.columns]
        self.numeric = [is_numeric_column(column) for column in self.columns]
        self.widths: list[int] = []
        self.base_size = size
        self.size = size  # half-points of the table text; smaller where a table is crowded
        self.half_width = size * 5 + 2
        self.padding = CELL_PADDING  # twips of a cell's margins; narrower where crowded
        self._grid_cache: list[list[HeaderCell]] | None = None
        self.openings: list[tuple[str, str]] = []  # per column: (left, right)-aligned opening

    @staticmethod
    def _columns_from_rows(rows: Sequence[Row]) -> tuple[Column, ...]:
        keys: dict[str, None] = {}
        for row in rows:
            keys.update(dict.fromkeys(row.cells))
        return tuple(Column(key=key, label=key) for key in keys)

    # -- text -------------------------------------------------------------------------

    def _texts(self, row_index: int, row: Row) -> Texts:
        """Each cell's text, cleaned, and whether it is a figure (right-aligned)."""
        cells = row.cells
        out: Texts = []
        for index, key in enumerate(self.keys):
            cell = cells.get(key)
            if cell is None:
                out.append((EMPTY, self.numeric[index]))
                continue
            if isinstance(cell, Quantity):
                text = (
                    cell.text if cell.text is not None else quantity_text(cell, self.units[index])
                )
                numeric = True
            else:
                text, numeric = str(cell), self.numeric[index]
            out.append((self._clean(text, ("rows", row_index, "cells", key)), numeric))
        return out

    def _clean(self, text: str, parts: tuple[str | int, ...]) -> Clean:
        return self.sanitiser.clean(text, lambda: join_path(parts, root=self.path))

    # -- layout -------------------------------------------------------------------------

    def _widths(self, layout: Layout) -> list[int]:
        """Column widths from the content, and the table's text size where it must shrink.

        Each column is measured with East Asian widths: its least width keeps every
        number, date and short word of its cells and every word of its header whole;
        its preferred width keeps each line whole. Where the least widths do not fit
        the page, the table prints as a printed report's crowded table does, still on
        the portrait page among its text: smaller, a half-point at a time down to 7 pt,
        with narrower cell margins at each size before the next, before anything is
        broken.
        """
        rows = self.table.rows
        sample = list(rows[:_SAMPLE_ROWS])
        sample.extend(row for row in rows[_SAMPLE_ROWS:] if row.kind is not RowKind.DATA)
        groups = {row.group for row in sample if row.group is not None}
        label_column = layout.group_column if layout.group_column is not None else 0
        cells_least: list[int] = []
        headers_least: list[int] = []
        preferred: list[int] = []
        for index, column in enumerate(self.columns):
            header = column.label
            headers_least.append(header_minimum(header))
            low = 0
            high = max((text_width(line) for line in header.split("\n")), default=0)
            texts: list[str] = []
            for row in sample:
                cell = row.cells.get(column.key)
                if isinstance(cell, Quantity):
                    texts.append(quantity_text(cell, column.unit))
                elif isinstance(cell, str):
                    texts.append(cell)
            if index == label_column:
                texts.extend(group for group in groups if group)
            for text in texts:
                low = max(low, unbreakable(text))
                high = max(high, *(text_width(line) for line in text.split("\n")))
            cells_least.append(low)
            preferred.append(high)
        spanning = [
            (cell.start, cell.end, cell.text)
            for row in self._header_grid()
            for cell in row
            if cell.end > cell.start and cell.merge != "continue"
        ]
        # First every header word whole; where no size down to 7 pt fits that, headers
        # break inside their words too (as the printed tables do: メル/マガ), but never
        # a number, a date or a short word of a cell.
        for headers in (headers_least, [min(width, _HEADER_CHUNK) for width in headers_least]):
            least = [max(cell, header) for cell, header in zip(cells_least, headers, strict=True)]
            if headers is headers_least:
                # A header spanning several columns keeps its words whole across their sum.
                for start, end, text in spanning:
                    short = header_minimum(text) - sum(least[start : end + 1])
                    if short > 0:
                        for index in range(start, end + 1):
                            least[index] += -(-short // (end - start + 1))
            for size in range(self.base_size, _SMALLEST - 1, -1):
                half_width = size * 5 + 2
                for padding in (CELL_PADDING, NARROW_PADDING):
                    lows = [twips(width, half_width, padding) for width in least]
                    if sum(lows) <= TEXT_WIDTH_TWIPS:
                        return self._fitted(size, padding, lows, preferred)
        lows = [twips(w, _SMALLEST * 5 + 2, NARROW_PADDING) for w in least]
        return self._fitted(_SMALLEST, NARROW_PADDING, lows, preferred)

    def _fitted(self, size: int, padding: int, lows: list[int], preferred: list[int]) -> list[int]:
        self.size, self.half_width, self.padding = size, size * 5 + 2, padding
        highs = [twips(width, self.half_width, padding) for width in preferred]
        return fit(lows, highs, TEXT_WIDTH_TWIPS)

    def _header_grid(self) -> list[list[HeaderCell]]:
        if self._grid_cache is None:
            self._grid_cache = header_grid(self._spans())
        return self._grid_cache

    def _wrap(self, text: Clean, width: int) -> Clean:
        """A header broken into lines between its words only, to fit ``width`` twips."""
        room = max(1, (width - self.padding) // self.half_width)
        lines: list[str] = []
        for printed in text.split("\n"):
            current = ""
            for piece in printed.split():
                for number, word in enumerate(header_words(piece)):
                    # The printed space between two pieces stays; the parts of one join up.
                    joined = f"{current} {word}" if current and not number else current + word
                    if current and text_width(joined) > room:
                        lines.append(current)
                        current = word
                    else:
                        current = joined
            lines.append(current)
        return Clean("\n".join(lines))

    # -- rows ---------------------------------------------------------------------------

    def _spans(self) -> list[HeaderSpan]:
        """Header cells by column group: first and last column, text, labels beneath.

        Columns sharing a ``group`` sit under one spanning cell. Where their own labels
        are all empty the group is the whole header of those columns, and a column just
        before them labelled as the group joins it (研修名 over a name and a session).
        """
        columns = self.columns
        spans: list[HeaderSpan] = []
        index = 0
        while index < len(columns):
            column = columns[index]
            label = self._clean(column.label, ("columns", index, "label"))
            if not column.group:
                spans.append(HeaderSpan(index, index, label, None))
                index += 1
                continue
            end = index
            while end + 1 < len(columns) and columns[end + 1].group == column.group:
                end += 1
            # Each column carries the group in its own field: each is cleaned (and named).
            cleaned = [
                self._clean(columns[sub].group or "", ("columns", sub, "group"))
                for sub in range(index, end + 1)
            ]
            group = cleaned[0]
            labels = [
                self._clean(columns[sub].label, ("columns", sub, "label"))
                for sub in range(index, end + 1)
            ]
            start = index
            if spans and not spans[-1].group and spans[-1].start == spans[-1].end:
                previous = spans[-1]
                if previous.text == group:
                    spans.pop()
                    start = previous.start
                    labels.insert(0, EMPTY)
            subs = tuple(labels) if any(labels) else None
            spans.append(HeaderSpan(start, end, group, subs, group=True))
            index = end + 1
        return spans

    def _header(self) -> list[str]:
        widths = self.widths
        grid = self._header_grid()
        if len(grid) == 1 and not any(cell.text for cell in grid[0]):
            return []  # a table printed without headers
        rows = []
        for cells in grid:
            heads = []
            for cell in cells:
                width, span = sum(widths[cell.start : cell.end + 1]), cell.end - cell.start + 1
                text = self._wrap(cell.text, width) if cell.text else EMPTY
                heads.append(_head(width, text, span=span, merge=cell.merge))
            rows.append(f"{_HEADER_ROW}{''.join(heads)}</w:tr>")
        return rows

    def _data_row(self, texts: Texts) -> str:
        """A plain data row: the hot path, from precomputed cell openings."""
        parts = [_ROW]
        openings = self.openings
        for index, (text, numeric) in enumerate(texts):
            parts.append(openings[index][numeric])
            if text:
                parts.append(text_run(text))
            parts.append(_CELL_END)
        parts.append("</w:tr>")
        return "".join(parts)

    def _summary_row(self, row_index: int, row: Row) -> str:
        """A 計 or 小計 row: bold, labelled in its first cell when that is empty."""
        texts = self._texts(row_index, row)
        first, numeric = texts[0]
        if not first and not numeric:
            label = TOTAL_LABEL if row.kind is RowKind.TOTAL else SUBTOTAL_LABEL
            if row.kind is RowKind.SUBTOTAL and row.group:
                group = self._clean(row.group, ("rows", row_index, "group"))
                label = Clean(f"{group} {label}")
            texts[0] = (label, False)
        cells = [
            _tc(self.widths[index], text, align="right" if numeric else "left", bold=True)
            for index, (text, numeric) in enumerate(texts)
        ]
        return f"{_ROW}{''.join(cells)}</w:tr>"

    def _row(self, row_index: int, row: Row) -> str:
        if row.kind is RowKind.DATA:
            return self._data_row(self._texts(row_index, row))
        return self._summary_row(row_index, row)

    def _banner(self, row_index: int, group: str) -> str:
        text = self._clean(group, ("rows", row_index, "group"))
        cell = _tc(
            sum(self.widths),
            text,
            align="left",
            span=len(self.widths),
            fill=_BANNER_FILL,
            bold=True,
        )
        return f"{_ROW}{cell}</w:tr>"

    def _mergedrun(
        self, layout: Layout, run: list[tuple[int, Row]], subtotal: tuple[int, Row] | None
    ) -> list[str]:
        """A group's data rows with its label (and subtotal) printed once, merged down."""
        group_column = layout.group_column
        assert group_column is not None
        # What each row prints in the group column is taken from its cleaned texts, so
        # the merged cells hold only sanitised text like every other cell.
        groups: list[Clean] = []
        run_texts: list[Texts] = []
        for row_index, row in run:
            groups.append(self._clean(row.group or "", ("rows", row_index, "group")))
            run_texts.append(self._texts(row_index, row))
        label = groups[0]
        cells_of_group = segments(
            [
                texts[group_column][0] if texts[group_column][0] not in ("", group) else None
                for texts, group in zip(run_texts, groups, strict=True)
            ],
            label,
        )
        merged = "restart" if len(run) > 1 else ""
        beside = layout.folded if subtotal is not None else frozenset()
        marks = self._marks(run_texts, {group_column, *beside})
        subtotal_texts = self._texts(*subtotal) if subtotal is not None else []
        widths = self.widths
        out: list[str] = []
        for position, texts in enumerate(run_texts):
            cells: list[str] = []
            for index, (text, numeric) in enumerate(texts):
                if index == group_column:
                    own, merge = cells_of_group[position]
                    cells.append(_tc(widths[index], own, align="center", merge=merge, middle=True))
                elif index in beside:
                    if position:
                        cells.append(_tc(widths[index], EMPTY, align="left", merge="continue"))
                        continue
                    text, numeric = subtotal_texts[index]
                    align = "right" if numeric else "center"
                    cells.append(_tc(widths[index], text, align=align, merge=merged, middle=True))
                else:
                    cells.append(self._cell(index, text, numeric, marks[position][index]))
            out.append(f"{_ROW}{''.join(cells)}</w:tr>")
        return out

    def _marks(self, run_texts: list[Texts], skip: set[int]) -> list[list[str]]:
        mergeable = [
            not numeric and index not in skip for index, numeric in enumerate(self.numeric)
        ]
        if len(run_texts) < 2 or not any(mergeable):
            return [["" for _ in texts] for texts in run_texts]
        return item_merges([[text for text, _ in texts] for texts in run_texts], mergeable)

    def _cell(self, index: int, text: Clean, numeric: bool, mark: str) -> str:
        if not mark:
            opening = self.openings[index][numeric]
            return f"{opening}{text_run(text) if text else ''}{_CELL_END}"
        shown = text if mark == "restart" else EMPTY
        align = "right" if numeric else "left"
        return _tc(self.widths[index], shown, align=align, merge=mark, middle=True)

    def _plain_run(self, run: list[tuple[int, Row]]) -> list[str]:
        """Consecutive ungrouped data rows, an item over several rows merged down."""
        run_texts = [self._texts(row_index, row) for row_index, row in run]
        marks = self._marks(run_texts, set())
        out: list[str] = []
        for texts, row_marks in zip(run_texts, marks, strict=True):
            if not any(row_marks):
                out.append(self._data_row(texts))
                continue
            cells = [
                self._cell(index, text, numeric, row_marks[index])
                for index, (text, numeric) in enumerate(texts)
            ]
            out.append(f"{_ROW}{''.join(cells)}</w:tr>")
        return out

    def _group(self, layout: Layout, members: list[tuple[int, Row]]) -> list[str]:
        data = [(i, row) for i, row in members if row.kind is RowKind.DATA]
        subtotals = [(i, row) for i, row in members if row.kind is RowKind.SUBTOTAL]
        if layout.group_column is None or not data:
            out = [self._banner(data[0][0], data[0][1].group or "")] if data else []
            out.extend(self._row(i, row) for i, row in members)
            return out
        folded = None
        if len(subtotals) == 1 and all(
            is_empty(subtotals[0][1].cells.get(column.key)) or index in layout.folded
            for index, column in enumerate(self.columns)
            if index != layout.group_column
        ):
            folded, subtotals = subtotals[0], []
        out = self._mergedrun(layout, data, folded)
        out.extend(self._row(i, row) for i, row in subtotals)
        return out

    def _body(self, layout: Layout) -> list[str]:
        rows = self.table.rows
        out: list[str] = []
        reported = index = 0
        count = len(rows)
        while index < count:
            row = rows[index]
            if row.group is None and row.kind is RowKind.DATA:
                end = index + 1
                while end < count and rows[end].group is None and rows[end].kind is RowKind.DATA:
                    end += 1
                out.extend(self._plain_run([(i, rows[i]) for i in range(index, end)]))
                index = end
            elif row.group is None or row.kind is RowKind.TOTAL:
                out.append(self._row(index, row))
                index += 1
            else:
                end = index + 1
                while (
                    end < count
                    and rows[end].group == row.group
                    and (rows[end].kind is not RowKind.TOTAL)
                ):
                    end += 1
                out.extend(self._group(layout, [(i, rows[i]) for i in range(index, end)]))
                index = end
            if self.tick is not None and index - reported >= _TICK_EVERY:
                self.tick(index - reported)
                reported = index
        if self.tick is not None and index > reported:
            self.tick(index - reported)
        return out

    def _printed_lines(self) -> int:
        """About how many lines the body prints: each row as tall as its fullest cell."""
        total = 0
        for row in self.table.rows:
            tallest = 1
            for key, width in zip(self.keys, self.widths, strict=True):
                cell = row.cells.get(key)
                if cell is None:
                    continue
                room = max(1, (width - self.padding) // self.half_width)
                text = cell.text or "" if isinstance(cell, Quantity) else str(cell)
                lines = sum(-(-text_width(line) // room) or 1 for line in text.split("\n"))
                tallest = max(tallest, lines)
            total += tallest
            if total > _KEPT_WHOLE:
                break
        return total

    def _kept(self, rows: list[str]) -> list[str]:
        """A short table's rows, each but the last kept with the next (keep-with-next)."""
        if len(rows) > _KEPT_WHOLE or self._printed_lines() > _KEPT_WHOLE:
            return rows
        kept = _TEXT_STYLE + "<w:keepNext/>"
        return [row.replace(_TEXT_STYLE, kept) for row in rows[:-1]] + rows[-1:]

    def _margins(self) -> str:
        """A crowded table's own narrower cell margins (the style's stand otherwise)."""
        if self.padding == CELL_PADDING:
            return ""
        side = f'w:w="{NARROW_MARGIN}" w:type="dxa"'
        return f"<w:tblCellMar><w:left {side}/><w:right {side}/></w:tblCellMar>"

    # -- the whole table ----------------------------------------------------------------

    def xml(self) -> str:
        """The w:tbl element as text (its namespace is the enclosing document's)."""
        layout = find_layout(self.columns, self.table.rows)
        self.widths = widths = self._widths(layout)
        self.openings = [(_opening(width, "left"), _opening(width, "right")) for width in widths]
        grid = "".join(f'<w:gridCol w:w="{width}"/>' for width in widths)
        xml = "".join(
            [
                '<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/>'
                f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:jc w:val="center"/>'
                '<w:tblLayout w:type="fixed"/>',
                self._margins(),
                '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" '
                'w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>'
                f"<w:tblGrid>{grid}</w:tblGrid>",
                *self._header(),
                *self._kept(self._body(layout)),
                "</w:tbl>",
            ]
        )
        if self.size != self.base_size:
            # A crowded table prints smaller: every run of it gets the size.
            sz = f'<w:sz w:val="{self.size}"/><w:szCs w:val="{self.size}"/>'
            xml = xml.replace("<w:r><w:rPr><w:b/><w:bCs/>", f"<w:r><w:rPr><w:b/><w:bCs/>{sz}")
            xml = xml.replace("<w:r><w:t ", f"<w:r><w:rPr>{sz}</w:rPr><w:t ")
            xml = xml.replace("<w:r><w:br/>", f"<w:r><w:rPr>{sz}</w:rPr><w:br/>")
        return xml
