"""Text tables printed as running text: a row's cells one after another, one space apart.

A plain extraction (``pdftotext`` without ``-layout``) prints a row's cells in
order, one space between, and breaks a long cell over lines. The header says how
many cells a row has; every space and line break is then read as inside a cell,
between cells or between rows, where the words' form allows (a number or date is a
cell of its own, brackets hold a cell together, a cell goes on at the next line
only between lines of words), and the table is placed only where exactly one way
gives rows of that width whose columns each hold one kind. Rows of numbers whose
runs of spaces are empty cells are read on their own (:func:`numbers`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from itertools import islice

from clairlib.model import RowKind
from clairlib.reading._layout import Line, joined
from clairlib.reading._textcells import (
    _BRACKETS,
    _DATE_KIND,
    _EMPTY,
    _KIND_OPENERS,
    _NUM,
    _OPEN,
    _TEXT,
    Refusal,
    TextRow,
    TextTable,
    _cells,
    _header_count,
    _kind,
    _label_line,
    _letter,
    _opens,
    _row_kind,
    _spaced,
    _vertical,
    _words,
)
from clairlib.reading._textcut import (
    _ANY,
    _CELL_OR_ROW,
    _CODE_DATE,
    _CODE_EMPTY,
    _CODE_NUM,
    _CODE_TEXT,
    _ONE_WORD,
    _ONLY_IN,
    _ONLY_ROW,
    _new_piece,
    _Piece,
    assemble,
    cut,
    shaped,
)

__all__ = ["flowing", "numbers"]


_NUM_WORD = r"[-+▲△]?\d[\d,，.]*[%％]?"
# What a row of numbers looks like at a glance: a label at most, then numbers.
_GRID_LINE = re.compile(rf"(?:[^ \u3000]+[ \u3000]+)?{_NUM_WORD}(?:[ \u3000]+{_NUM_WORD})+")


def _grid_line(line: Line) -> bool:
    # A row of numbers ends with one: most lines are told at their last character.
    last = line.text[-1:]
    if not (last.isdigit() or last in _PERCENT):
        return False
    return _GRID_LINE.fullmatch(line.text) is not None


_PERCENT = frozenset("%％")


def _number_end(last: str) -> bool:
    # A row of numbers ends on a digit or a percent sign.
    return last.isdigit() or last in _PERCENT


def _grid(words: Sequence[str]) -> bool:
    # A row of numbers (a label before them at most): runs of spaces are empty cells.
    values = words
    if values and _kind(values[0]) == _TEXT:
        values = values[1:]
    return len(values) >= 2 and all(_kind(v) == _NUM for v in values)


def _pieces(lines: Sequence[Line], width: int) -> Iterator[_Piece | Refusal]:
    # Each line's words as one step of the cut, made as the cut asks for them: a table
    # whose rows fail early is not read to its end.
    depth = 0  # brackets left open before the line
    group: str | None = None
    letters = ""
    gap = "break"
    # The word before the line, as the gap into it is read by it: its kind, its text,
    # and whether its line holds words only (no number, date or empty cell).
    last_code, last_text, last_plain = _CODE_EMPTY, "", False
    new = _new_piece
    for line in lines:
        folded = line.folded
        if len(folded) == 1 and _letter(folded):  # _vertical, inline
            letters += folded
            continue
        if folded.startswith(_LABEL_OPENING):  # no one-character string made to ask
            label = _label_line(line)
            if label is not None and not letters:
                group, gap, depth = label, "group", 0
                continue
        text = line.text
        words = _words(text)
        skip = 0
        if letters and len(words) == 2 and _letter(words[0]) and _kind(words[1]) == _NUM:
            # The label's last letter beside the group's count (ル 3): both centred.
            group, letters, gap, depth = letters + words[0], "", "group", 0
            words = words[1:]
            skip = 1
        if letters:
            if len(letters) < 2:
                yield Refusal(reason=f"line {line.number}: one letter alone above it", line=line)
                return
            group, letters, gap, depth = letters, "", "group", 0
        texts: Sequence[str]
        if (
            len(words) > 1
            and ((last := text[-1:]).isdigit() or last in _PERCENT)
            and _grid_line(line)
            and _grid(words)
        ):
            # Empty cells between numbers, and after the last (the extraction drops the
            # spaces that end a line): the row is as wide as the table.
            spread = _spread(text, words, skip)[0]
            lead = 0 if _kind(spread[0]) == _TEXT else 1
            spread.extend([""] * (width - lead - len(spread)))
            texts = spread
        elif len(words) == 1:
            texts = words
        else:
            texts = _cells(text)
        # Words that open with no digit, sign or era are words (_kind's first look,
        # inline): only the others are looked up. Most lines hold one word.
        first = texts[0]
        codes: Sequence[int]
        if len(texts) == 1:
            code = (
                _CODES[_kind(first)]
                if (opener := first[:1]) in _KIND_OPENERS or opener.isdigit()
                else (_CODE_TEXT if first else _CODE_EMPTY)
            )
            codes = (code,)
            plain = code == _CODE_TEXT
        else:
            codes = [
                _CODES[_kind(word)]
                if (opener := word[:1]) in _KIND_OPENERS or opener.isdigit()
                else (_CODE_TEXT if word else _CODE_EMPTY)
                for word in texts
            ]
            plain = codes.count(_CODE_TEXT) == len(codes)
        # The gap before the line: a group label's is a row break; inside an open
        # bracket the cell goes on. A cell goes on at the next line from a line of words
        # only: a line with a number or date holds cells that fit on it (the one-line
        # part of a row). Into a line with a number or date it goes on where it plainly
        # does: a bracket opens the next line, or the line before ends on a mark that
        # joins (会議: / ｢…｣).
        if gap == "group":
            choices = _ONLY_ROW
        elif depth > 0:
            choices = _ONLY_IN
        elif (
            last_code == _CODE_TEXT
            and codes[0] == _CODE_TEXT
            and last_plain
            and (plain or first.startswith(_OPENERS) or last_text.endswith(_JOINERS))
        ):
            choices = _ANY
        else:
            choices = _CELL_OR_ROW
        if len(texts) == 1:
            line_variants = _ONE_WORD
            if _BRACKETS.search(text) is not None:
                depth = _depth_after(first, depth)
        else:
            # Which of the words after the first stand inside brackets (a bit each).
            if _BRACKETS.search(text) is None:
                inside = (1 << len(texts) - 1) - 1 if depth > 0 else 0
            else:
                inside = 0
                depth = _depth_after(first, depth)
                for index, word in enumerate(texts[1:]):
                    if depth > 0:
                        inside |= 1 << index
                    depth = _depth_after(word, depth)
            line_variants = shaped(tuple(codes), inside)
        opens = _opens(first)
        yield new(_Piece, (line, texts, codes, gap, group, opens, choices, line_variants))
        gap = "break"
        last_code, last_text, last_plain = codes[-1], texts[-1], plain
    if letters:
        yield Refusal(reason="a group label stands after the last row")


def _depth_after(word: str, depth: int) -> int:
    # The brackets left open after a word: a closing one beyond those open is none.
    for mark in _BRACKETS.findall(word):
        depth = depth + 1 if mark in _OPEN else max(0, depth - 1)
    return depth


_CODES = {_TEXT: _CODE_TEXT, _NUM: _CODE_NUM, _DATE_KIND: _CODE_DATE, _EMPTY: _CODE_EMPTY}
_LABEL_OPENING = tuple("<〈《")  # what a label alone on its line opens with
_JOINERS = tuple(":：、,，・･-‐－～")
_OPENERS = tuple(_OPEN)


def _spread(text: str, words: Sequence[str], skip: int = 0) -> tuple[list[str], bool]:
    # A row of numbers (``words``: the line's words after the first ``skip``) with the
    # empty cells its runs of spaces stand for. Most rows part their numbers by single
    # spaces, told at a look: only a row with a wider gap has its spaces counted.
    if "  " not in text and "\u3000" not in text:
        return list(words), False
    texts: list[str] = []
    for word, spaces in _spaced(text)[skip:]:
        texts.append(word)
        texts.extend([""] * (spaces - 1))
    return texts, len(texts) > len(words)


def numbers(lines: Sequence[Line], ends: Sequence[int] | None = None) -> TextTable | Refusal | None:
    """A table of numbers: each row a label and its numbers; None where it is none.

    The label may wrap onto lines of its own above its numbers; a run of spaces
    between numbers is an empty cell, and the cells a line's end dropped are empty.
    ``ends`` are the indexes of the lines ending on a digit or percent sign, where a
    row of numbers may stand, when the caller has told them (in order).
    """
    if ends is None:
        ends = [i for i, line in enumerate(lines) if _number_end(line.text[-1:])]
    start = next(
        # The ends tell the last character already: the line's pattern is all to ask.
        (i for i in ends if _GRID_LINE.fullmatch(lines[i].text) and _grid(_words(lines[i].text))),
        None,
    )
    if start is None:
        return None
    rows: list[tuple[str, list[str], Line]] = []
    label: list[Line] = []
    spaced = False
    for line in lines[start:]:
        words = _words(line.text)
        if not (_grid_line(line) and _grid(words)):
            if any(_kind(w) != _TEXT for w in words) or _vertical(line) is not None:
                return None
            label.append(line)
            continue
        texts, empties = _spread(line.text, words)
        spaced = spaced or empties
        if _kind(texts[0]) == _TEXT:
            if label:
                return Refusal(reason=f"line {line.number}: a label over a labelled row", line=line)
            rows.append((texts[0], texts[1:], line))
        elif label:
            rows.append((joined(label), texts, label[0]))
            label = []
        else:
            return Refusal(reason=f"line {line.number}: numbers with no label", line=line)
    if label or len(rows) < 2:
        return None
    width = max(len(values) for _, values, _ in rows)
    if not spaced and any(len(values) != width for _, values, _ in rows):
        return Refusal(reason="rows of numbers of different lengths, no empty cell printed")
    header = tuple(_header_words(lines[:start]))
    if len(header) != width + 1:
        header = ("",) * (width + 1)  # the header's words do not tell the columns apart
    return TextTable(
        header=header,
        rows=tuple(
            TextRow(
                cells=(name, *values, *([""] * (width - len(values)))),
                kind=_row_kind(name),
                line=line,
            )
            for name, values, line in rows
        ),
    )


def _header_words(lines: Sequence[Line]) -> list[str]:
    # A header's words; one in brackets says the unit of the word before it (参加者 (名)).
    # Letters one a line make a word (国/名: 国名), a blank line between two words; the
    # last letter may stand first on the next line of words (件 / 数 開催場所 …).
    out: list[str] = []
    letters = ""
    for line in lines:
        letter = _vertical(line)
        if letter is not None:
            if letters and line.gap_before:
                out.append(letters)
                letters = ""
            letters += letter
            continue
        words = list(_cells(line.text))
        if letters:
            if words and _letter(words[0]):
                letters += words.pop(0)
            out.append(letters)
            letters = ""
        for word in words:
            if out and word[:1] in _OPEN:
                out[-1] = f"{out[-1]} {word}"
            else:
                out.append(word)
    if letters:
        out.append(letters)
    return out


def flowing(lines: Sequence[Line]) -> TextTable | Refusal:
    """A table printed as running text, cut the one way its header and words allow."""
    heads = _header_count(lines, lambda line: _cells(line.text))
    if heads == 0:
        return Refusal(reason="no header line (a first line of words, no numbers) over the rows")
    header = tuple(_header_words(lines[:heads]))
    if len(header) < 2:
        return Refusal(reason="the header names fewer than two columns", line=lines[0])
    # Vertical labels stand in a column of their own (国名); a label printed on a line
    # of its own across the table (<管理者向け>) has none.
    # Told from the folded text at a glance (one letter; an opening angle bracket)
    # before either test is called for a line, both in one pass: a letter settles it.
    vertical = labelled = False
    for line in lines[heads:]:
        folded = line.folded
        if len(folded) == 1:
            if _letter(folded):
                vertical = True
                break
        elif not labelled and folded.startswith(_LABEL_OPENING) and _label_line(line):
            labelled = True
    width = len(header) - (1 if vertical else 0)
    if not vertical and not labelled:
        return _ungrouped(lines[heads:], header, width)
    return _groups(lines[heads:], header[1:] if vertical else header, width, vertical)


def _ungrouped(lines: Sequence[Line], header: tuple[str, ...], width: int) -> TextTable | Refusal:
    # No line here is a group's label or letter: each line is one piece, whatever lines
    # follow it, so the pieces made for the cut of all the lines serve again for the cut
    # of those above a total.
    source = _pieces(lines, width)
    made: list[_Piece | Refusal] = []

    def keeping() -> Iterator[_Piece | Refusal]:
        for piece in source:
            made.append(piece)
            yield piece

    whole = cut(keeping(), width)
    if not isinstance(whole, Refusal):
        return TextTable(header=header, rows=tuple(assemble(*whole, width)))
    # The last lines printing only numbers with their counters, one a column (8 件 /
    # 5 か国 9 名 5 分野): the table's total, printed without 計.
    foot: list[str] = []
    count = 0
    for line in reversed(lines):
        words = _cells(line.text)
        if len(foot) + len(words) > width or any(_kind(w) != _NUM for w in words):
            break
        foot[:0] = words
        count += 1
    if len(foot) != width or count == len(lines):
        return whole
    above = len(lines) - count
    made.extend(islice(source, max(0, above - len(made))))
    rest = cut(iter(made[:above]), width)
    if isinstance(rest, Refusal):
        return whole
    total = TextRow(cells=tuple(foot), kind=RowKind.TOTAL, line=lines[-count])
    return TextTable(header=header, rows=(*assemble(*rest, width), total))


def _counted(segment: Sequence[_Piece]) -> bool:
    # A number alone on the group's first line.
    first = segment[0]
    return (
        first.codes[0] == _CODE_NUM
        and len(first.texts) == 1
        and (len(segment) == 1 or segment[1].line is not first.line)
    )


def _groups(
    lines: Sequence[Line], header: tuple[str, ...], width: int, vertical: bool
) -> TextTable | Refusal:
    # Under group labels each group is cut on its own: a group whose rows cannot be
    # placed is left out (its lines stay printed text), the others are placed.
    segments: list[list[_Piece]] = []
    for piece in _pieces(lines, width):
        if isinstance(piece, Refusal):
            return piece
        if piece.group is None:
            return Refusal(reason="rows stand above the first group label", line=piece.line)
        if not segments or piece.gap == "group":
            segments.append([])
        segments[-1].append(piece)
    # A number alone on its line first under the first label: each group's count (件数),
    # a column of its own after the labels' (a subtotal row closes the group).
    counted = vertical and width >= 3 and _counted(segments[0])
    rows: list[TextRow] = []
    left: list[Refusal] = []
    for segment in segments:
        first = segment[0]
        where = f"group {first.group} (line {first.line.number})"
        if counted and not _counted(segment):
            left.append(Refusal(reason=f"{where}: no count of its rows after its label"))
            continue
        body = segment[1:] if counted else segment
        taken = cut(iter(body), width - 1 if counted else width)
        if isinstance(taken, Refusal):
            left.append(Refusal(reason=f"{where}: {taken.reason}"))
            continue
        placed = assemble(*taken, width, lead=1 if counted else 0)
        if counted:
            blank = ("",) * (width - 1)
            placed.append(
                TextRow(
                    cells=(first.texts[0], *blank),
                    kind=RowKind.SUBTOTAL,
                    group=first.group,
                    line=first.line,
                )
            )
        # A 計 row totals the table, whatever group it is printed after.
        rows.extend(
            TextRow(cells=row.cells, kind=row.kind, line=row.line)
            if row.kind is RowKind.TOTAL
            else row
            for row in placed
        )
    if not rows:
        return left[0] if left else Refusal(reason="no row under the header")
    data = [row for row in rows if row.kind is RowKind.DATA]
    kinds = [{_kind(row.cells[i]) for row in data} for i in range(width)]
    mixed = next((i for i, seen in enumerate(kinds) if len(seen - {_EMPTY}) > 1), None)
    if mixed is not None:
        return Refusal(reason=f"column {mixed + 2} holds words in one group, numbers in another")
    return TextTable(header=header, rows=tuple(rows), grouped=vertical, left_out=tuple(left))
