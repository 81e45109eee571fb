"""The cut of a table printed as running text: a line's words are one step of it.

Every space and line break between a table's words is read as inside a cell, between
two cells or between two rows (:mod:`._textflow` says which readings the words' form
allows). The cut counts the ways to read them all into rows of the header's width;
exactly one is taken. A line's spaces admit no row break, and how each may be read
depends on the words beside it alone, not on the cut so far: so each line is one step
(:class:`_Piece`), the ways its own spaces can be read worked out once as it is made
(its variants), and only the break before its first word meets the cut's states.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import lru_cache
from itertools import pairwise
from typing import NamedTuple

from clairlib.reading._layout import Line
from clairlib.reading._layout import _latin as _latin_char
from clairlib.reading._textcells import Refusal, TextRow, _row_kind

__all__: list[str] = []

# The ways a space or line break between two words can be read: inside one cell,
# between two cells of a row, between two rows. _START stands for no gap: the table's
# first word.
_IN, _CELL, _ROW, _START = 0, 1, 2, -1
_ONLY_ROW: tuple[int, ...] = (_ROW,)
_ONLY_IN: tuple[int, ...] = (_IN,)
_ONLY_CELL: tuple[int, ...] = (_CELL,)
_IN_OR_CELL: tuple[int, ...] = (_IN, _CELL)
_CELL_OR_ROW: tuple[int, ...] = (_CELL, _ROW)
_ANY: tuple[int, ...] = (_IN, _CELL, _ROW)
_NO_GAP: tuple[int, ...] = (_START,)

# A kind of cell text as the cut codes it (two bits a column): none yet or an empty
# cell, words, a number, a date.
_CODE_EMPTY, _CODE_TEXT, _CODE_NUM, _CODE_DATE = 0, 1, 2, 3


class _Variant(NamedTuple):
    # One way to read a line's own spaces: the cells its words after the first begin
    # (``cells``), their kinds (``kinds``, two bits a cell, 0 for an empty one) and a mask
    # of the cells whose kind counts (``mask``); ``twice`` says two readings of the spaces
    # give it (the table is then cut in more than one way wherever it is taken), and
    # ``inner`` is how each space is read.
    cells: int
    kinds: int
    mask: int
    twice: bool
    inner: tuple[int, ...]


class _Piece(NamedTuple):
    # One line's words as the cut takes them.
    line: Line
    texts: Sequence[str]
    codes: Sequence[int]  # each word's kind (_CODE_*)
    gap: str  # before its first word: "break" (a new line), "group" (a label between)
    group: str | None  # the group label over it
    opens: bool  # its first word opens a total row (計, 小計 …)
    choices: tuple[int, ...]  # how the gap before its first word may be read
    variants: tuple[_Variant, ...]  # how its own spaces may be read


_new_piece = _new_variant = _new_row = tuple.__new__  # one step each (no Python __new__)
_ONE_WORD: tuple[_Variant, ...] = (_new_variant(_Variant, (0, 0, 0, False, ())),)


@lru_cache(maxsize=1024)
def shaped(codes: tuple[int, ...], inside: int) -> tuple[_Variant, ...]:
    """The ways a line's spaces can be read, from its words' kinds and brackets.

    ``inside`` has a bit for each word after the first that stands inside brackets (the
    space before it is read inside the cell). A space beside a number or date parts
    two cells; one between two words may do either. Lines of one shape are common (a
    name and a date, two words), and each shape is worked out once a reading.
    """
    gaps = [
        _ONLY_IN
        if inside >> index & 1
        else (_IN_OR_CELL if before == after == _CODE_TEXT else _ONLY_CELL)
        for index, (before, after) in enumerate(pairwise(codes))
    ]
    return variants(codes, gaps)


def variants(codes: Sequence[int], gaps: Sequence[tuple[int, ...]]) -> tuple[_Variant, ...]:
    """The ways a line's spaces (``gaps``, the readings each allows) can be read.

    Readings that begin the same cells with the same kinds are one variant, told
    ``twice``: the cut cannot tell them apart.
    """
    if all(len(options) == 1 for options in gaps):
        # Most lines: each space is read one way (a number or date beside it, or inside
        # brackets), so the line is read one way.
        cells = kinds = mask = 0
        for (choice,), code in zip(gaps, codes[1:], strict=True):
            if choice == _CELL:
                kinds |= code << 2 * cells
                if code:
                    mask |= 3 << 2 * cells
                cells += 1
        inner = tuple([options[0] for options in gaps])
        return (_new_variant(_Variant, (cells, kinds, mask, False, inner)),)
    ways: dict[tuple[int, int], tuple[int, bool, tuple[int, ...]]] = {(0, 0): (0, False, ())}
    for options, code in zip(gaps, codes[1:], strict=True):
        found: dict[tuple[int, int], tuple[int, bool, tuple[int, ...]]] = {}
        for (cells, kinds), (mask, twice, inner) in ways.items():
            for choice in options:
                if choice == _IN:
                    key, bits = (cells, kinds), mask
                else:
                    key = (cells + 1, kinds | code << 2 * cells)
                    bits = mask | (3 << 2 * cells if code else 0)
                if key in found:
                    bits, _, seen = found[key]
                    found[key] = (bits, True, seen)
                else:
                    found[key] = (bits, twice, (*inner, choice))
        ways = found
    return tuple(
        _new_variant(_Variant, (cells, kinds, mask, twice, inner))
        for (cells, kinds), (mask, twice, inner) in ways.items()
    )


def cut(
    stream: Iterator[_Piece | Refusal], width: int
) -> tuple[list[_Piece], list[tuple[int, tuple[int, ...]]]] | Refusal:
    """The one way to cut the lines into rows of ``width`` cells, or why there is none.

    A total row may be shorter. Returns the lines taken and, for each, how the gap
    before it and its own spaces are read.
    """
    first = next(stream, None)
    if first is None:
        return Refusal(reason="no row under the header")
    if isinstance(first, Refusal):
        return first
    # A way read so far, as one int: the cells of the row (the low bits), whether it is
    # a total (the bit above them), and the kind each column holds (two bits a column
    # above that: none yet, words, a number, a date; one kind a column, so a cut in the
    # wrong place that puts a date under names is no way at all).
    shift = width.bit_length()  # the cells of the row fit below it
    cells_mask = (1 << shift) - 1
    total_bit = 1 << shift
    kinds_shift = shift + 1
    # The low bit of each column's two: a column's kind is told set or not with it.
    lows = ((1 << 2 * width) - 1) // 3 << kinds_shift  # 0b0101…01, ``width`` ones
    start = 1 | (total_bit if first.opens else first.codes[0] << kinds_shift)
    pieces = [first]
    current: dict[int, int] = {start: 1}
    # The way into each state, the first found; a way in found after it is kept apart
    # (rare: only where two ways meet), to tell where the ways fork.
    backs: list[dict[int, tuple[int, int, tuple[int, ...]]]] = []
    meets: dict[int, list[tuple[int, int]]] = {}
    piece = first
    choices = _NO_GAP
    while True:
        layer: dict[int, int] = {}
        back: dict[int, tuple[int, int, tuple[int, ...]]] = {}
        code = piece.codes[0]
        opens = total_bit if piece.opens else 0
        line_variants = piece.variants
        # A line of one word (most are) has no spaces of its own to read.
        single = line_variants is _ONE_WORD
        for state, count in current.items():
            cells = state & cells_mask
            total = state & total_bit
            for choice in choices:
                # The gap before the line: on in the cell (the state stays), to the next
                # cell (while the row has one), or to a new row (once the row is
                # complete: as wide as the table, or a total of two cells or more). A
                # cell's kind is its first word's, and a column holds one kind (a
                # total's kinds are not counted).
                if choice <= _IN:  # on in the cell, or the table's first word
                    middle = state
                elif choice == _CELL:
                    if cells >= width:
                        continue
                    middle = state + 1
                    if code and not total:
                        place = kinds_shift + 2 * cells
                        known = state >> place & 3
                        if not known:
                            middle |= code << place
                        elif known != code:
                            continue
                else:
                    if not (cells == width or (total and cells >= 2)):
                        continue
                    middle = state >> kinds_shift << kinds_shift | opens | 1
                    if code and not opens:
                        known = state >> kinds_shift & 3
                        if not known:
                            middle |= code << kinds_shift
                        elif known != code:
                            continue
                if single:
                    if middle in layer:
                        layer[middle] = 2
                        meets.setdefault(len(backs), []).append((middle, state))
                    else:
                        layer[middle] = count
                        back[middle] = (state, choice, ())
                    continue
                for variant in line_variants:
                    # The line's own cells: they fit in the row, and each column they
                    # begin holds no other kind.
                    added = variant[0]
                    if added:
                        begun = middle & cells_mask
                        if begun + added > width:
                            continue
                        if middle & total_bit:
                            reached = middle + added
                        else:
                            place = kinds_shift + 2 * begun
                            held = middle & (variant[2] << place)
                            wanted = variant[1] << place
                            # Columns set already must hold the kind the line's cell has.
                            if held and (held ^ wanted) & (((held | held >> 1) & lows) * 3):
                                continue
                            reached = (middle | wanted) + added
                    else:
                        reached = middle
                    if reached in layer:
                        layer[reached] = 2
                        meets.setdefault(len(backs), []).append((reached, state))
                    else:
                        layer[reached] = 2 if variant[3] else count
                        back[reached] = (state, choice, variant[4])
                        if variant[3]:
                            meets.setdefault(len(backs), []).append((reached, state))
        if not layer:
            return Refusal(
                reason=f"line {piece.line.number}: the words do not make rows of {width} cells",
                line=piece.line,
            )
        current = layer
        backs.append(back)
        following = next(stream, None)
        if following is None:
            break
        if isinstance(following, Refusal):
            return following
        piece = following
        pieces.append(piece)
        choices = piece.choices
    # The ways that end on a complete row: as wide as the table, or a total of two cells.
    ends = {
        s: c
        for s, c in current.items()
        if s & cells_mask == width or (s & total_bit and s & cells_mask >= 2)
    }
    total_ways = sum(ends.values())
    if total_ways == 0:
        return Refusal(reason=f"the last row does not have {width} cells", line=pieces[-1].line)
    if total_ways > 1:
        where = _first_fork(pieces, backs, meets, set(ends))
        return Refusal(
            reason=f"line {where.number}: the words can be cut into rows and cells "
            "in more than one way",
            line=where,
        )
    # Walk back the one way there is: each state on it has one way in, the first kept.
    (state,) = ends
    path: list[tuple[int, tuple[int, ...]]] = []
    for back in reversed(backs):
        state, choice, inner = back[state]
        path.append((choice, inner))
    path.reverse()
    return pieces, path


def _first_fork(
    pieces: Sequence[_Piece],
    backs: Sequence[dict[int, tuple[int, int, tuple[int, ...]]]],
    meets: dict[int, list[tuple[int, int]]],
    alive: set[int],
) -> Line:
    # The first line where two ways that both reach the end part: walking back from the
    # ends, the earliest line in which two such ways come into one state (having parted
    # before it), from the meetings the forward pass kept.
    forks = pieces[-1].line
    for index in range(len(backs) - 1, -1, -1):
        back = backs[index]
        prior = {back[state][0] for state in alive}
        for state, came in meets.get(index, ()):
            if state in alive:
                prior.add(came)
                forks = pieces[index].line
        alive = prior
    return forks


def assemble(
    pieces: Sequence[_Piece],
    path: Sequence[tuple[int, tuple[int, ...]]],
    width: int,
    lead: int = 0,
) -> list[TextRow]:
    """The rows a cut gives, ``width`` cells each.

    ``lead`` empty cells come first (a count column the rows leave to their group); a
    short total row is filled out at the end.
    """
    # Each row's cells as their texts so far (a word joins its cell as _joined says), with
    # the line it opens on.
    cut: list[tuple[_Piece, list[str]]] = []
    cells: list[str] = []
    for piece, (choice, inner) in zip(pieces, path, strict=True):
        texts = piece.texts
        if choice == _IN:
            cells[-1] = _joined(cells[-1], texts[0])
        elif choice == _CELL:
            cells.append(texts[0])
        else:
            cells = [texts[0]]
            cut.append((piece, cells))
        if inner:
            for text, reading in zip(texts[1:], inner, strict=True):
                if reading == _IN:
                    cells[-1] = f"{cells[-1]} {text}"  # words on one line keep their space
                else:
                    cells.append(text)
    rows = []
    for first, parts in cut:
        row = [""] * lead + parts if lead else parts
        if len(row) < width:
            row.extend([""] * (width - len(row)))
        rows.append(_new_row(TextRow, (tuple(row), first.line, _row_kind(row[lead]), first.group)))
    return rows


def _joined(out: str, text: str) -> str:
    # A cell going on at the next line: no space between Japanese characters, one between
    # Latin words (as the print's line break stood).
    if out and text and _latin_char(out[-1]) and _latin_char(text[0]):
        return f"{out} {text}"
    return out + text
