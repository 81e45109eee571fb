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
from typing import NamedTuple

from clairlib.model import RowKind
from clairlib.reading._layout import Line, joined
from clairlib.reading._layout import _latin as _latin_char
from clairlib.reading._textcells import (
    _BRACKETS,
    _DATE_KIND,
    _EMPTY,
    _KIND_OPENERS,
    _NUM,
    _OPEN,
    _TEXT,
    _TOTAL_OPENERS,
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
    _vertical,
    _words,
)

__all__ = ["flowing", "numbers"]


class _Token(NamedTuple):
    text: str
    kind: str
    line: Line
    gap: str  # before it: "space", "break" (a new line), "group" (a label between)
    depth: int  # brackets left open before it
    group: str | None  # the group label over it
    opens: bool  # 計, 小計 …: it opens a total row
    plain: bool  # its line holds words only, no number or date


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


def _grid(words: Sequence[tuple[str, int]]) -> bool:
    # A row of numbers (a label before them at most): runs of spaces are empty cells.
    values = [word for word, _ in words]
    if values and _kind(values[0]) == _TEXT:
        values = values[1:]
    return len(values) >= 2 and all(_kind(v) == _NUM for v in values)


def _tokens(lines: Sequence[Line], width: int) -> Iterator[_Token | Refusal]:
    # Words one after another, line by line, as the cut asks for them: a table whose
    # rows fail early is not read to its end.
    depth = 0
    group: str | None = None
    letters = ""
    gap = "break"
    new = _new_token
    for line in lines:
        folded = line.folded
        if len(folded) == 1 and _letter(folded):  # _vertical, inline
            letters += folded
            continue
        if folded[:1] in _LABEL_OPENERS:
            label = _label_line(line)
            if label is not None and not letters:
                group, gap, depth = label, "group", 0
                continue
        words = _words(line.text)
        if letters and len(words) == 2 and _letter(words[0][0]) and _kind(words[1][0]) == _NUM:
            # The label's last letter beside the group's count (ル 3): both centred.
            group, letters, gap, depth = letters + words[0][0], "", "group", 0
            words = words[1:]
        if letters:
            if len(letters) < 2:
                yield Refusal(reason=f"line {line.number}: one letter alone above it", line=line)
                return
            group, letters, gap, depth = letters, "", "group", 0
        texts: list[str]
        last = line.text[-1:]
        if (last.isdigit() or last in _PERCENT) and _grid_line(line) and _grid(words):
            # Empty cells between numbers, and after the last (the extraction drops the
            # spaces that end a line): the row is as wide as the table.
            texts = _spread(words)[0]
            lead = 0 if _kind(texts[0]) == _TEXT else 1
            texts.extend([""] * (width - lead - len(texts)))
        elif len(words) == 1:
            texts = [words[0][0]]
        else:
            texts = list(_cells(line.text))
        # Words that open with no digit, sign or era are words (_kind's first look,
        # inline): only the others are looked up.
        kinds = [
            _kind(text)
            if text[:1] in _KIND_OPENERS or text[:1].isdigit()
            else (_TEXT if text else _EMPTY)
            for text in texts
        ]
        plain = _NUM not in kinds and _DATE_KIND not in kinds and _EMPTY not in kinds
        marked = _BRACKETS.search(line.text) is not None
        for text, kind in zip(texts, kinds, strict=True):
            opens = text[:1] in _TOTAL_OPENERS and _opens(text)
            yield new(_Token, (text, kind, line, gap, depth, group, opens, plain))
            gap = "space"
            if marked:
                for mark in _BRACKETS.findall(text):
                    depth = depth + 1 if mark in _OPEN else max(0, depth - 1)
        gap = "break"
    if letters:
        yield Refusal(reason="a group label stands after the last row")


# The tokens and rows are made as tuples are (a named tuple's own constructor is Python
# code).
_new_token = _new_row = tuple.__new__
_LABEL_OPENERS = frozenset("<〈《")  # what a label alone on its line opens with


def _spread(words: Sequence[tuple[str, int]]) -> tuple[list[str], bool]:
    # A row of numbers with the empty cells its runs of spaces stand for.
    texts: list[str] = []
    for word, spaces in words:
        texts.append(word)
        texts.extend([""] * (spaces - 1))
    return texts, len(texts) > len(words)


def numbers(lines: Sequence[Line]) -> TextTable | Refusal | None:
    """A table of numbers: each row a label and its numbers; None where it is none.

    The label may wrap onto lines of its own above its numbers; a run of spaces
    between numbers is an empty cell, and the cells a line's end dropped are empty.
    """
    # _grid_line's first look, inline: a row of numbers ends with one (its last character
    # told once a line).
    start = next(
        (
            i
            for i, last in enumerate([line.text[-1:] for line in lines])
            if (last.isdigit() or last in _PERCENT)
            and _grid_line(lines[i])
            and _grid(_words(lines[i].text))
        ),
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
            if any(_kind(w) != _TEXT for w, _ in words) or _vertical(line) is not None:
                return None
            label.append(line)
            continue
        texts, empties = _spread(words)
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
    # before either test is called for a line.
    vertical = any(len(line.folded) == 1 and _letter(line.folded) for line in lines[heads:])
    width = len(header) - (1 if vertical else 0)
    if not vertical and not any(
        line.folded[:1] in _LABEL_OPENERS and _label_line(line) for line in lines[heads:]
    ):
        return _ungrouped(lines[heads:], header, width)
    return _groups(lines[heads:], header[1:] if vertical else header, width, vertical)


def _ungrouped(lines: Sequence[Line], header: tuple[str, ...], width: int) -> TextTable | Refusal:
    cut = _cut(_tokens(lines, width), width, False)
    if not isinstance(cut, Refusal):
        return TextTable(header=header, rows=tuple(_assemble(*cut, width)))
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
        return cut
    rest = _cut(_tokens(lines[:-count], width), width, False)
    if isinstance(rest, Refusal):
        return cut
    total = TextRow(cells=tuple(foot), kind=RowKind.TOTAL, line=lines[-count])
    return TextTable(header=header, rows=(*_assemble(*rest, width), total))


def _counted(segment: Sequence[_Token]) -> bool:
    first = segment[0]
    return first.kind == _NUM and (len(segment) == 1 or segment[1].line is not first.line)


def _groups(
    lines: Sequence[Line], header: tuple[str, ...], width: int, vertical: bool
) -> TextTable | Refusal:
    # Under group labels each group is cut on its own: a group whose rows cannot be
    # placed is left out (its lines stay printed text), the others are placed.
    segments: list[list[_Token]] = []
    for token in _tokens(lines, width):
        if isinstance(token, Refusal):
            return token
        if token.group is None:
            return Refusal(reason="rows stand above the first group label", line=token.line)
        if not segments or token.gap == "group":
            segments.append([])
        segments[-1].append(token)
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
        cut = _cut(iter(body), width - 1 if counted else width, False)
        if isinstance(cut, Refusal):
            left.append(Refusal(reason=f"{where}: {cut.reason}"))
            continue
        placed = _assemble(*cut, width, lead=1 if counted else 0)
        if counted:
            blank = ("",) * (width - 1)
            placed.append(
                TextRow(
                    cells=(first.text, *blank),
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


# The ways a space or line break between two words can be read: inside one cell,
# between two cells of a row, between two rows.
_IN, _CELL, _ROW = 0, 1, 2
# A way read so far, as one int: the cells of the row (the low bits), whether it is a
# total (the bit above them), and the kind each column holds (two bits a column above
# that: none yet, words, a number, a date; one kind a column, so a cut in the wrong
# place that puts a date under names is no way at all).
_CODES = {_TEXT: 1, _NUM: 2, _DATE_KIND: 3, _EMPTY: 0}
_ONLY_ROW = (_ROW,)
_ONLY_IN = (_IN,)
_ONLY_CELL = (_CELL,)
_IN_OR_CELL = (_IN, _CELL)
_CELL_OR_ROW = (_CELL, _ROW)
_ANY = (_IN, _CELL, _ROW)


def _choices(before: _Token, after: _Token) -> tuple[int, ...]:
    gap = after.gap
    if gap == "group":
        return _ONLY_ROW
    if after.depth > 0:
        return _ONLY_IN  # an open bracket: the same cell goes on
    typed = before.kind != _TEXT or after.kind != _TEXT
    if gap == "space":
        return _ONLY_CELL if typed else _IN_OR_CELL
    # A cell goes on at the next line from a line of words only: a line with a number or
    # date holds cells that fit on it (the one-line part of a row). Into a line with a
    # number or date it goes on where it plainly does: a bracket opens the next line, or
    # the line before ends on a mark that joins (会議: / ｢…｣).
    if typed or not before.plain:
        return _CELL_OR_ROW
    if after.plain or after.text.startswith(_OPENERS) or before.text.endswith(_JOINERS):
        return _ANY
    return _CELL_OR_ROW


_JOINING = ":：、,，・･-‐－～"
_JOINERS = tuple(_JOINING)
_OPENERS = tuple(_OPEN)


def _cut(
    stream: Iterator[_Token | Refusal], width: int, grouped: bool
) -> tuple[list[_Token], list[int]] | Refusal:
    # Count the ways to cut the words into rows of ``width`` cells (a total row may be
    # shorter), two at most; exactly one is taken.
    first = next(stream, None)
    if first is None:
        return Refusal(reason="no row under the header")
    if isinstance(first, Refusal):
        return first
    if grouped and first.group is None:
        return Refusal(reason="rows stand above the first group label", line=first.line)
    tokens = [first]
    shift = width.bit_length()  # the cells of the row fit below it
    cells_mask = (1 << shift) - 1
    total_bit = 1 << shift
    kinds_shift = shift + 1
    start = 1 | (total_bit if first.opens else 0)
    if not first.opens:
        start |= _CODES[first.kind] << kinds_shift
    current: dict[int, int] = {start: 1}
    # The way into each state, the first found; a way in found after it is kept apart
    # (rare: only where two ways meet), to tell where the ways fork.
    backs: list[dict[int, tuple[int, int]]] = []
    meets: dict[int, list[tuple[int, int]]] = {}
    before = first
    append = tokens.append
    for after in stream:
        if isinstance(after, Refusal):
            return after
        append(after)
        layer: dict[int, int] = {}
        back: dict[int, tuple[int, int]] = {}
        choices = _choices(before, after)
        code = _CODES[after.kind]
        opens = total_bit if after.opens else 0
        for state, count in current.items():
            # One step: on in the cell (the state stays), to the next cell (while the
            # row has one), or to a new row (once the row is complete: as wide as the
            # table, or a total of two cells or more). A cell's kind is its first
            # word's: a number or date is a cell alone, and a column holds one kind.
            cells = state & cells_mask
            total = state & total_bit
            for choice in choices:
                if choice == _IN:
                    nxt = state
                else:
                    if choice == _CELL:
                        if cells >= width:
                            continue
                        column, sums = cells, total
                    else:
                        if not (cells == width or (total and cells >= 2)):
                            continue
                        column, sums = 0, opens
                    kinds = state >> kinds_shift
                    if not sums and code:
                        known = (kinds >> 2 * column) & 3
                        if not known:
                            kinds |= code << 2 * column
                        elif known != code:
                            continue
                    nxt = (column + 1) | sums | (kinds << kinds_shift)
                if nxt in layer:
                    layer[nxt] = 2
                    meets.setdefault(len(backs), []).append((nxt, state))
                else:
                    layer[nxt] = count
                    back[nxt] = (state, choice)
        if not layer:
            return Refusal(
                reason=f"line {after.line.number}: the words do not make rows of {width} cells",
                line=after.line,
            )
        current = layer
        backs.append(back)
        before = after
    # The ways that end on a complete row: as wide as the table, or a total of two cells.
    ends = {
        s: c
        for s, c in current.items()
        if s & cells_mask == width or (s & total_bit and s & cells_mask >= 2)
    }
    total_ways = sum(ends.values())
    if total_ways == 0:
        return Refusal(reason=f"the last row does not have {width} cells", line=tokens[-1].line)
    if total_ways > 1:
        where = _first_fork(tokens, backs, meets, set(ends))
        return Refusal(
            reason=f"line {where.number}: the words can be cut into rows and cells "
            "in more than one way",
            line=where,
        )
    # Walk back the one way there is: each state on it has one way in, the first kept.
    (state,) = ends
    path: list[int] = []
    for back in reversed(backs):
        state, choice = back[state]
        path.append(choice)
    path.reverse()
    return tokens, path


def _first_fork(
    tokens: Sequence[_Token],
    backs: Sequence[dict[int, tuple[int, int]]],
    meets: dict[int, list[tuple[int, int]]],
    alive: set[int],
) -> Line:
    # The first line where two ways that both reach the end part: walking back from the
    # ends, the earliest word at which two such ways come into one state (having
    # parted before it), from the meetings the forward pass kept.
    forks = tokens[-1].line
    for index in range(len(backs) - 1, -1, -1):
        back = backs[index]
        prior = {back[state][0] for state in alive}
        for state, came in meets.get(index, ()):
            if state in alive:
                prior.add(came)
                forks = tokens[index + 1].line
        alive = prior
    return forks


def _assemble(
    tokens: Sequence[_Token], path: Sequence[int], width: int, lead: int = 0
) -> list[TextRow]:
    # The rows the cut gives, ``width`` cells each: ``lead`` empty ones first (a count
    # column the rows leave to their group), a short total row filled out at the end.
    cut: list[tuple[_Token, list[list[_Token]]]] = [(tokens[0], [[tokens[0]]])]
    for token, choice in zip(tokens[1:], path, strict=True):
        if choice == _IN:
            cut[-1][1][-1].append(token)
        elif choice == _CELL:
            cut[-1][1].append([token])
        else:
            cut.append((token, [[token]]))
    rows = []
    for first, cells in cut:
        texts = [""] * lead + [_text_of(parts) for parts in cells]
        texts.extend([""] * (width - len(texts)))
        rows.append(
            _new_row(TextRow, (tuple(texts), first.line, _row_kind(texts[lead]), first.group))
        )
    return rows


def _text_of(parts: Sequence[_Token]) -> str:
    # Words on one line keep their space; across a line break no space is put between
    # Japanese characters, one between Latin words (as the print's line break stood).
    out = parts[0].text
    for part in parts[1:]:
        text = part.text
        if part.gap == "space" or (out and text and _latin_char(out[-1]) and _latin_char(text[0])):
            out = f"{out} {text}"
        else:
            out += text
    return out
