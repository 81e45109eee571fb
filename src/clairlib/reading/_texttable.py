"""Tables printed as text: their cells placed where the lines allow it, else why not.

A text extraction prints a table in one of two forms, and each is read by its own
rules. A layout-keeping extraction (``pdftotext -layout``, a table typed in a text
file) sets the columns side by side: cells stand apart by two spaces or more, or a
full-width space, at the same places on consecutive lines (:func:`_aligned`). A
plain extraction runs a row's cells one after another with one space between and
breaks a long cell over lines (:func:`_flowing`): there the header says how many
cells a row has, and the row is cut where the cells' form allows only one cut.

Rules both forms share: a cell broken over lines is joined (no space between
Japanese characters); a number or date is a cell of its own, never split; a run of
lines of one character each (the vertical country names of a PDF) is a group label
over the rows it heads; a row opening with 計, 合計 or 総計 is a total, 小計 a
subtotal. Where the lines fit these rules in no way, or in more than one, the table
is refused with the reason (:class:`Refusal`) and its caller keeps it as printed
text: a cell is never guessed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache
from typing import NamedTuple

import attrs

from clairlib.model import RowKind
from clairlib.reading._layout import Line, joined, normal
from clairlib.reading._layout import _latin as _latin_char

__all__ = ["Refusal", "TextRow", "TextTable", "read_table"]

_TOTALS = frozenset({"計", "合計", "総計"})
_SUBTOTALS = frozenset({"小計"})
_OPEN = "(（「｢『【〈《[［｛"
_CLOSE = ")）」｣』】〉》]］｝"
_DATE = re.compile(
    r"(?:(?:明治|大正|昭和|平成|令和)\s*(?:\d{1,2}|元)\s*年度?|\d{4}\s*年度?)"
    r"(?:\s*\d{1,2}\s*(?:[～〜~\-－]\s*\d{1,2}\s*)?月)?"
    r"(?:\s*\d{1,2}\s*(?:[～〜~]\s*\d{1,2}\s*)?日(?!本))?(?:\s*\d{1,3}\s*日間)?"
)
_COUNTERS = "名|件|か国|ヵ国|ヶ国|カ国|箇国|団体|回|日間|人|千円|万円|円|%|％|分野|か所|箇所|都市"
# A number and its counter (``4,372 名``), an ordinal (``第 26 回``): one cell's words.
_UNIT = re.compile(
    rf"\d[\d,]*(?:\.\d+)?\s+(?:{_COUNTERS})(?=\Z|[\s(（])|第\s*\d+\s*[回号期次代版条位部章巻]"
    # A number in words (創立 25 周年, 2 年後): the word goes on after it.
    r"|\d+\s+(?:周|歳|倍|年(?!度))"
)
_NUMBER = re.compile(r"[-+▲△]?\d[\d,]*(?:\.\d+)?\s*(?:%|％)?")
_NUMBER_UNIT = re.compile(rf"\d[\d,]*(?:\.\d+)?\s*(?:{_COUNTERS})(?:[(（].*)?")
_KIND_OPENERS = frozenset("-+▲△明大昭平令")
_YEAR = re.compile(r"(?:19|20)\d\d")
_WIDE_GAP = re.compile(r"  +|\u3000+")

# Kinds of cell text: what a column holds is of one kind.
_TEXT, _NUM, _DATE_KIND, _EMPTY = "text", "number", "date", "empty"


@attrs.frozen(kw_only=True)
class TextRow:
    """A row placed from the lines: one text a column ("" where empty), kind, group."""

    cells: tuple[str, ...]
    kind: RowKind = RowKind.DATA
    group: str | None = None
    line: Line


@attrs.frozen(kw_only=True)
class TextTable:
    """A table placed from the lines: header labels ("" where unknown) and rows.

    ``grouped`` says the first column holds the group labels (kept on the rows'
    ``group``, not in their cells); ``left_out`` says which groups' rows could not be
    placed and why (their lines are only in the printed text).
    """

    header: tuple[str, ...]
    rows: tuple[TextRow, ...]
    grouped: bool = False
    groups: tuple[str, ...] = ()  # the spanning header over each column, as printed
    left_out: tuple[Refusal, ...] = ()  # groups whose rows could not be placed, and why


@attrs.frozen(kw_only=True)
class Refusal:
    """Why the lines of a table cannot be placed into cells, and where."""

    reason: str
    line: Line | None = None


def read_table(lines: Sequence[Line]) -> TextTable | Refusal:
    """Place the cells of a table printed as ``lines`` (its caption and notes left out)."""
    # The memo holds one table's words, so that every reading pays for its own.
    _kind.cache_clear()
    body = [line for line in lines if not line.folded.startswith("※") and line.folded]
    if len(body) < 2:
        return Refusal(reason="fewer than two lines: no header and rows to tell apart")
    gapped = sum(1 for line in body if _WIDE_GAP.search(line.text))
    if gapped * 2 >= len(body):
        # Set out in columns: read so, or as a table of numbers whose runs of spaces
        # are empty cells; never as running text, whose single spaces part no cells.
        aligned = _aligned(body)
        if isinstance(aligned, TextTable):
            return aligned
        numbers = _numbers(body)
        return aligned if numbers is None else numbers
    return _numbers(body) or _flowing(body)


# -- what a cell's text is ------------------------------------------------------------


@lru_cache(maxsize=4096)
def _kind(text: str) -> str:
    # Numbers and dates open with a digit, a sign or an era's name: most words do not.
    if text[:1] not in _KIND_OPENERS and not text[:1].isdigit():
        return _TEXT if text else _EMPTY
    folded = normal(text)
    if not folded:
        return _EMPTY
    if _NUMBER.fullmatch(folded) or _NUMBER_UNIT.fullmatch(folded):
        return _NUM
    if _DATE.fullmatch(folded):
        return _DATE_KIND
    return _TEXT


def _opens(text: str) -> bool:
    return _row_kind(text) is not RowKind.DATA


def _row_kind(first: str) -> RowKind:
    folded = normal(first)
    if folded in _TOTALS:
        return RowKind.TOTAL
    if folded in _SUBTOTALS:
        return RowKind.SUBTOTAL
    return RowKind.DATA


# East Asian wide and full-width characters (Unicode's W and F): two columns each.
_WIDE = re.compile(
    "[\u1100-\u115f\u2329\u232a\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf"
    "\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]"
)


def _width(text: str) -> int:
    return len(text) + len(_WIDE.findall(text))


def _cjk(char: str) -> bool:
    return "\u3000" <= char <= "\u9fff" or "\uf900" <= char <= "\uffef"


def _vertical(line: Line) -> str | None:
    # One character alone on its line, not a digit: a letter of a vertical label.
    folded = line.folded
    return folded if _letter(folded) else None


def _letter(text: str) -> bool:
    return len(text) == 1 and _cjk(text) and not text.isdigit()


# -- columns side by side ------------------------------------------------------------


@attrs.frozen
class _Segment:
    start: int
    end: int
    text: str


def _segments(line: Line) -> list[_Segment]:
    # Cells of one line with their display columns: a wide character takes two.
    out: list[_Segment] = []
    column = line.indent
    position = 0
    text = line.text
    for gap in [*_WIDE_GAP.finditer(text), None]:
        stop = len(text) if gap is None else gap.start()
        piece = text[position:stop]
        width = _width(piece)
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            out.append(_Segment(column + lead, column + width, piece.strip()))
        column += width
        if gap is not None:
            column += _width(gap.group())
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


def _header_count(lines: Sequence[Line], words: Callable[[Line], list[str]]) -> int:
    # The header: the lines before the first that prints a number or a date, or a letter
    # of a vertical label after the header's words (letters before them are the
    # header's own vertical words, 国/名), up to five; the first line alone where none
    # does so soon.
    worded = False
    for index, line in enumerate(lines[:6]):
        if _vertical(line) is not None:
            if worded:
                return index
            continue
        if any(_kind(w) in (_NUM, _DATE_KIND) for w in words(line)):
            return index
        worded = True
    return 1


def _aligned(lines: Sequence[Line]) -> TextTable | Refusal:
    heads = _header_count(lines, lambda line: [s.text for s in _segments(line)])
    data = lines[heads:]
    segmented = [_segments(line) for line in data]
    columns = _columns(segmented)
    if len(columns) < 2:
        return Refusal(reason="no column boundary runs through the rows")
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
    header, groups = _aligned_header(lines[:heads], columns)
    grouped = all(not row[0] or len(normal(row[0])) == 1 for row in cells) and any(
        row[0] for row in cells
    )
    return _aligned_rows(data, cells, header, groups, grouped)


def _aligned_header(
    lines: Sequence[Line], columns: Sequence[tuple[int, int]]
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    # Each header cell labels the column it stands over; one over several columns is
    # their group (a spanning header, 支援先内訳).
    labels: list[list[Line]] = [[] for _ in columns]
    groups = [""] * len(columns)
    for line in lines:
        for segment in _segments(line):
            over = _column_of(segment, columns)
            if len(over) == 1:
                labels[over[0]].append(attrs.evolve(line, text=segment.text))
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
        continues = (
            previous is not None
            and not values[0]
            and all(
                not value or (_kind(value) == _TEXT and previous[0][i] and _is_text(previous[0][i]))
                for i, value in enumerate(values)
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
    return TextTable(header=header[first:], rows=tuple(out), grouped=grouped, groups=groups[first:])


def _is_text(parts: list[str]) -> bool:
    return all(_kind(part) == _TEXT for part in parts)


def _join(parts: Sequence[str], line: Line) -> str:
    return joined(attrs.evolve(line, text=part) for part in parts)


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


# -- cells one after another -------------------------------------------------------------


class _Token(NamedTuple):
    text: str
    kind: str
    line: Line
    gap: str  # before it: "space", "break" (a new line), "group" (a label between)
    depth: int  # brackets left open before it
    group: str | None  # the group label over it
    opens: bool  # 計, 小計 …: it opens a total row
    plain: bool  # its line holds words only, no number or date


_PAIRS = tuple(zip(_OPEN, _CLOSE, strict=True))
# A word runs to a space outside a date, a number and its counter, and brackets (an
# unclosed bracket holds to the line's end); the spaces after it are counted.
_WORD = re.compile(
    "((?:"
    + "|".join(
        [
            # What opens none of the stretches below, many characters at a time.
            f"[^ \u3000\\d明大昭平令第{re.escape(''.join(o for o, _ in _PAIRS))}]+",
            _DATE.pattern,
            _UNIT.pattern,
            *(f"{re.escape(o)}[^{re.escape(c)}]*{re.escape(c)}?" for o, c in _PAIRS),
            "[^ \u3000]",
        ]
    )
    + ")+)([ \u3000]*)"
)
_BRACKETS = re.compile(f"[{re.escape(_OPEN + _CLOSE)}]")


def _words(text: str) -> list[tuple[str, int]]:
    # The line's words and the spaces after each (a run of spaces in a row of numbers
    # stands for empty cells).
    return [(word, len(spaces)) for word, spaces in _WORD.findall(text)]


_CJK = re.compile("[\u3000-\u9fff\uf900-\uffef]")


def _latin(word: str) -> bool:
    return _CJK.search(word) is None


def _glued(words: list[str]) -> list[str]:
    # Latin words stay together (``New York Now 2014 Winter``), a year with them; a
    # note mark stays with the word before it.
    out: list[str] = []
    for word in words:
        if out and (word == "※" or _latin_pair(out[-1], word)):
            out[-1] = f"{out[-1]} {word}"
        else:
            out.append(word)
    return out


def _latin_pair(left: str, right: str) -> bool:
    if not (left.isascii() or _latin(left)) or not (right.isascii() or _latin(right)):
        return False

    def lettered(word: str) -> bool:
        return any(c.isalpha() for c in word)

    def wordlike(word: str) -> bool:
        return lettered(word) or _YEAR.fullmatch(word) is not None

    return (lettered(left) or lettered(right)) and wordlike(left) and wordlike(right)


_NUM_WORD = r"[-+▲△]?\d[\d,，.]*[%％]?"
# What a row of numbers looks like at a glance: a label at most, then numbers.
_GRID_LINE = re.compile(rf"(?:[^ \u3000]+[ \u3000]+)?{_NUM_WORD}(?:[ \u3000]+{_NUM_WORD})+")


def _grid_line(line: Line) -> bool:
    # A row of numbers ends with one: most lines are told at their last character.
    last = line.text[-1:]
    if not (last.isdigit() or last in ("%", "％")):
        return False
    return _GRID_LINE.fullmatch(line.text) is not None


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
    for line in lines:
        letter = _vertical(line)
        if letter is not None:
            letters += letter
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
        if _grid_line(line) and _grid(words):
            # Empty cells between numbers, and after the last (the extraction drops the
            # spaces that end a line): the row is as wide as the table.
            texts = _spread(words)[0]
            lead = 0 if _kind(texts[0]) == _TEXT else 1
            texts.extend([""] * (width - lead - len(texts)))
        elif len(words) == 1:
            texts = [words[0][0]]
        else:
            texts = _glued([w for w, _ in words])
        kinds = [_kind(text) for text in texts]
        plain = _NUM not in kinds and _DATE_KIND not in kinds and _EMPTY not in kinds
        marked = _BRACKETS.search(line.text) is not None
        for text, kind in zip(texts, kinds, strict=True):
            yield _Token(
                text, kind, line, gap, depth, group, len(text) <= 4 and _opens(text), plain
            )
            gap = "space"
            if marked:
                for mark in _BRACKETS.findall(text):
                    depth = depth + 1 if mark in _OPEN else max(0, depth - 1)
        gap = "break"
    if letters:
        yield Refusal(reason="a group label stands after the last row")


def _spread(words: Sequence[tuple[str, int]]) -> tuple[list[str], bool]:
    # A row of numbers with the empty cells its runs of spaces stand for.
    texts: list[str] = []
    for word, spaces in words:
        texts.append(word)
        texts.extend([""] * (spaces - 1))
    return texts, len(texts) > len(words)


def _numbers(lines: Sequence[Line]) -> TextTable | Refusal | None:
    # A table of numbers: each row a label and its numbers, the label on lines of its
    # own where it wraps. None where the lines are not such a table.
    start = next(
        (i for i, line in enumerate(lines) if _grid_line(line) and _grid(_words(line.text))),
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
        words = _glued([w for w, _ in _words(line.text)])
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


def _flowing(lines: Sequence[Line]) -> TextTable | Refusal:
    heads = _header_count(lines, lambda line: _glued([w for w, _ in _words(line.text)]))
    if heads == 0:
        return Refusal(reason="no header line (a first line of words, no numbers) over the rows")
    header = tuple(_header_words(lines[:heads]))
    if len(header) < 2:
        return Refusal(reason="the header names fewer than two columns", line=lines[0])
    grouped = any(_vertical(line) is not None for line in lines[heads:])
    width = len(header) - (1 if grouped else 0)
    if not grouped:
        cut = _cut(_tokens(lines[heads:], width), width, grouped)
        if isinstance(cut, Refusal):
            return cut
        return TextTable(header=header, rows=tuple(_assemble(*cut)))
    return _groups(lines[heads:], header[1:], width)


def _counted(segment: Sequence[_Token]) -> bool:
    first = segment[0]
    return first.kind == _NUM and (len(segment) == 1 or segment[1].line is not first.line)


def _groups(lines: Sequence[Line], header: tuple[str, ...], width: int) -> TextTable | Refusal:
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
    counted = width >= 3 and _counted(segments[0])
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
        placed = _assemble(*cut)
        if counted:
            placed = [attrs.evolve(row, cells=("", *row.cells)) for row in placed]
            blank = ("",) * (width - 1)
            placed.append(
                TextRow(
                    cells=(first.text, *blank),
                    kind=RowKind.SUBTOTAL,
                    group=first.group,
                    line=first.line,
                )
            )
        rows.extend(placed)
    if not rows:
        return left[0] if left else Refusal(reason="no row under the header")
    data = [row for row in rows if row.kind is RowKind.DATA]
    kinds = [{_kind(row.cells[i]) for row in data} for i in range(width)]
    mixed = next((i for i, seen in enumerate(kinds) if len(seen - {_EMPTY}) > 1), None)
    if mixed is not None:
        return Refusal(reason=f"column {mixed + 2} holds words in one group, numbers in another")
    longest = max(len(row.cells) for row in rows)
    rows = [
        attrs.evolve(row, cells=(*row.cells, *([""] * (longest - len(row.cells))))) for row in rows
    ]
    return TextTable(header=header, rows=tuple(rows), grouped=True, left_out=tuple(left))


# The ways a space or line break between two words can be read: inside one cell,
# between two cells of a row, between two rows.
_IN, _CELL, _ROW = 0, 1, 2
# A way read so far: the cells of the row, whether it is a total, and the kind each
# column holds (words, numbers, dates: one kind a column, so a cut in the wrong place
# that puts a date under names is no way at all).
_State = tuple[int, bool, tuple[str | None, ...]]


def _choices(before: _Token, after: _Token) -> tuple[int, ...]:
    if after.gap == "group":
        return (_ROW,)
    if after.depth > 0:
        return (_IN,)  # an open bracket: the same cell goes on
    typed = before.kind != _TEXT or after.kind != _TEXT
    if after.gap == "space":
        return (_CELL,) if typed else (_IN, _CELL)
    # A cell goes on at the next line only between lines of words: a line with a number
    # or date holds cells that fit on it (the one-line part of a row).
    if typed or not (before.plain and after.plain):
        return (_CELL, _ROW)
    return (_IN, _CELL, _ROW)


def _complete(state: _State, width: int) -> bool:
    return state[0] == width or (state[1] and state[0] >= 2)


def _step(state: _State, choice: int, width: int, token: _Token) -> _State | None:
    cells, total, kinds = state
    if choice == _IN:
        return state
    if choice == _CELL:
        if cells >= width:
            return None
        column = cells
    else:
        if not _complete(state, width):
            return None
        total = token.opens
        column = 0
    if not total and token.kind != _EMPTY:
        # A cell's kind is its first word's: a number or date is a cell alone.
        known = kinds[column]
        if known is None:
            kinds = (*kinds[:column], token.kind, *kinds[column + 1 :])
        elif known != token.kind:
            return None
    return (column + 1, total, kinds)


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
    total = first.opens
    kinds: tuple[str | None, ...] = (None,) * width
    if not total and first.kind != _EMPTY:
        kinds = (first.kind, *kinds[1:])
    layers: list[dict[_State, int]] = [{(1, total, kinds): 1}]
    backs: list[dict[_State, tuple[_State, int]]] = []
    before = first
    for after in stream:
        if isinstance(after, Refusal):
            return after
        tokens.append(after)
        layer: dict[_State, int] = {}
        back: dict[_State, tuple[_State, int]] = {}
        choices = _choices(before, after)
        kind = after.kind
        typed = kind != _EMPTY
        for state, count in layers[-1].items():
            # _step, inline: this loop runs for every word of every table.
            cells, total, kinds = state
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
                        column, sums = 0, after.opens
                    changed = kinds
                    if not sums and typed:
                        known = kinds[column]
                        if known is None:
                            changed = (*kinds[:column], kind, *kinds[column + 1 :])
                        elif known != kind:
                            continue
                    nxt = (column + 1, sums, changed)
                if nxt in layer:
                    layer[nxt] = 2
                else:
                    layer[nxt] = count
                    back[nxt] = (state, choice)
        if not layer:
            return Refusal(
                reason=f"line {after.line.number}: the words do not make rows of {width} cells",
                line=after.line,
            )
        layers.append(layer)
        backs.append(back)
        before = after
    ends = {s: c for s, c in layers[-1].items() if _complete(s, width)}
    total_ways = sum(ends.values())
    if total_ways == 0:
        return Refusal(reason=f"the last row does not have {width} cells", line=tokens[-1].line)
    if total_ways > 1:
        where = _first_fork(tokens, layers, width)
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


def _first_fork(tokens: Sequence[_Token], layers: list[dict[_State, int]], width: int) -> Line:
    # The first line where two ways that both reach the end part.
    alive = {s for s in layers[-1] if _complete(s, width)}
    forks = tokens[-1].line
    for index in range(len(tokens) - 1, 0, -1):
        after = tokens[index]
        choices = _choices(tokens[index - 1], after)
        prior: set[_State] = set()
        ways = 0
        for p in layers[index - 1]:
            for c in choices:
                if _step(p, c, width, after) in alive:
                    prior.add(p)
                    ways += 1
        if ways > len(alive):
            forks = after.line
        alive = prior
    return forks


def _assemble(tokens: Sequence[_Token], path: Sequence[int]) -> list[TextRow]:
    # The rows the cut gives, each as wide as the widest (a short total row filled out).
    cut: list[tuple[_Token, list[list[_Token]]]] = [(tokens[0], [[tokens[0]]])]
    for token, choice in zip(tokens[1:], path, strict=True):
        if choice == _IN:
            cut[-1][1][-1].append(token)
        elif choice == _CELL:
            cut[-1][1].append([token])
        else:
            cut.append((token, [[token]]))
    longest = max(len(cells) for _, cells in cut)
    rows = []
    for first, cells in cut:
        texts = [_text_of(parts) for parts in cells]
        texts.extend([""] * (longest - len(texts)))
        rows.append(
            TextRow(
                cells=tuple(texts), kind=_row_kind(texts[0]), group=first.group, line=first.line
            )
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
