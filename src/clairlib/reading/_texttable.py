"""Tables printed as text: their cells placed where the lines allow it, else why not.

A text extraction prints a table in one of two forms, and each is read by its own
rules. A layout-keeping extraction (``pdftotext -layout``, a table typed in a text
file) sets the columns side by side: cells stand apart by two spaces or more, or a
full-width space, at the same places on consecutive lines (:mod:`._textcolumns`). A
plain extraction runs a row's cells one after another with one space between and
breaks a long cell over lines (:mod:`._textflow`): there the header says how many
cells a row has, and the row is cut where the cells' form allows only one cut.

Rules both forms share: a cell broken over lines is joined (no space between
Japanese characters); a number or date is a cell of its own, never split; a run of
lines of one character each (the vertical country names of a PDF), or a label alone
on its line (``<管理者向け>``), is a group label over the rows it heads; a row
opening with 計, 合計 or 総計 is a total, 小計 a subtotal. Where the lines fit these
rules in no way, or in more than one, the table is refused with the reason
(:class:`Refusal`) and its caller keeps it as printed text: a cell is never guessed.
"""

from __future__ import annotations

from collections.abc import Sequence

from clairlib.reading._layout import Line
from clairlib.reading._textcells import Refusal, TextRow, TextTable, _cells, _kind, _spaced, _words
from clairlib.reading._textcolumns import aligned
from clairlib.reading._textcut import shaped
from clairlib.reading._textflow import flowing, numbers

__all__ = ["Refusal", "TextRow", "TextTable", "forget", "read_table"]


def forget() -> None:
    """Forget the words and their kinds learnt from the tables read so far.

    The memo holds one reading's words at most, so that every reading pays its own way.
    """
    _kind.cache_clear()
    _words.cache_clear()
    _cells.cache_clear()
    _spaced.cache_clear()
    shaped.cache_clear()


def read_table(lines: Sequence[Line], *, fresh: bool = True) -> TextTable | Refusal:
    """Place the cells of a table printed as ``lines`` (its caption and notes left out).

    ``fresh=False`` keeps what the tables read before it learnt of words' kinds: a
    reader of a whole document calls :func:`forget` once before its first table.
    """
    if fresh:
        forget()
    # One pass over the lines for what the forms look at first: the lines that are no
    # note, those with a wide gap (_WIDE_GAP: two spaces, a full-width space, told by
    # `in`), and those ending as a row of numbers does (on a digit or a percent sign).
    body: list[Line] = []
    gapped = 0
    ends: list[int] = []
    for line in lines:
        folded = line.folded
        # A note's line opens with ※; a line folding to nothing is none of the table's.
        # Told by comparing (no method called): a text opens with ※ (U+203B) exactly
        # where it sorts from "※" up to, not including, the character after it.
        if not folded or "※" <= folded < "\u203c":
            continue
        text = line.text
        if "  " in text or "\u3000" in text:
            gapped += 1
        last = text[-1:]
        if last.isdigit() or last in _PERCENT:
            ends.append(len(body))
        body.append(line)
    if len(body) < 2:
        return Refusal(reason="fewer than two lines: no header and rows to tell apart")
    if gapped * 2 >= len(body):
        # Set out in columns: read so, or as a table of numbers whose runs of spaces
        # are empty cells; never as running text, whose single spaces part no cells.
        columns = aligned(body)
        if isinstance(columns, TextTable):
            return columns
        grid = numbers(body, ends)
        return columns if grid is None else grid
    return numbers(body, ends) or flowing(body)


_PERCENT = frozenset("%％")
