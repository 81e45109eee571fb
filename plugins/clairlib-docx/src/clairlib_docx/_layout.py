"""How a table is laid out: where its groups print, and how wide its columns are."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

import attrs

from clairlib.model import Column, ColumnRole, Row, RowKind
from clairlib_docx._sanitize import EMPTY, Clean

HALF_WIDTH = 92  # twips a half-width character takes at 9 pt, the table text size
CELL_PADDING = 260  # the table style's left and right cell margins, and a little air
# A crowded table's cells keep 1 mm each side instead of the style's 1.9 mm: what a
# printed table does before it breaks a word. The air stays the same.
NARROW_MARGIN = 57
NARROW_PADDING = CELL_PADDING - 2 * 108 + 2 * NARROW_MARGIN
LONG_WORD_CHUNK = 4  # half-width characters: a longer word breaks into pieces this wide
MAX_STRETCH = 1.5


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


def item_merges(texts: Sequence[Sequence[str]], mergeable: Sequence[bool]) -> list[list[str]]:
    """Merge marks (restart, continue, none) per cell: one item printed once over its rows.

    An item with several dates or venues is printed as the report prints it: its name
    in one cell merged down over its rows. A text cell merges with the one above when
    it holds the same text and so does every mergeable cell to its left (a venue
    merges only under a merged name); numbers never merge.
    """
    marks = [["" for _ in row] for row in texts]
    for position in range(1, len(texts)):
        above, here = texts[position - 1], texts[position]
        for index, allowed in enumerate(mergeable):
            if not allowed:
                continue
            if not here[index] or here[index] != above[index]:
                break
            marks[position][index] = "continue"
            if marks[position - 1][index] == "":
                marks[position - 1][index] = "restart"
    return marks


# Where a line may break inside a header or a cell's word: after these marks, before
# an opening bracket. Elsewhere a header breaks only at spaces and printed line breaks.
_BREAK_AFTER = "・･、,，/／"
_OPENING = "(（<＜「『【"
_NUMBER = re.compile(r"[約]?[+\-−]?[\d０-９][\d０-９,，.．]*\s*[%％件名人回団体か国千万円]*")
_DATE = re.compile(
    r"(?:明治|大正|昭和|平成|令和)?\s*[\d元]+\s*年(?:度)?(?:\s*[\d]+\s*[月日])*"
    r"(?:\s*[～〜~\-]\s*(?:\d+\s*年\s*)?[\d]+\s*[月日](?:\s*[\d]+\s*日)?)?"
    r"|[\d]+\s*月(?:\s*[\d]+\s*日)?(?:\s*[～〜~\-]\s*[\d]+\s*[月日])?"
)
SHORT_WORD = 6  # characters: a word no longer than this is never broken


def words(text: str) -> list[str]:
    """``text`` cut where a line may break: spaces, line breaks, after ・ 、, before (."""
    out: list[str] = []
    for piece in text.split():
        current = ""
        for char in piece:
            if char in _OPENING and current:
                out.append(current)
                current = ""
            current += char
            if char in _BREAK_AFTER:
                out.append(current)
                current = ""
        if current:
            out.append(current)
    return out


def unbreakable(text: str) -> int:
    """The widest part of a cell that must stay on one line, in half-width characters.

    A whole number or date (``631,461``, ``平成 25 年 7 月``) and every word of up to six
    characters; a longer word may break between its characters as Japanese text does.
    """
    widest = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if not stripped:
            continue
        for pattern in (_NUMBER, _DATE):
            for match in pattern.finditer(stripped):
                found = match.group().strip()
                if found:
                    # Digits of a bold 計 row or a fallback font run a little wider.
                    widest = max(widest, text_width(found) + 1 + len(found) // 4)
        for word in words(stripped):
            if len(word) <= SHORT_WORD or word.isascii():
                widest = max(widest, text_width(word))
    return widest


# Words of its own inside a longer katakana compound: the body's name, which prefixes
# the titles of its publications in every CLAIR document (クレアレポート, クレアメールマガジン).
_OWN_WORDS = ("クレア",)


def _script(char: str) -> str:
    if "\u3040" <= char <= "\u309f":
        return "hiragana"
    if "\u30a0" <= char <= "\u30ff" or "\uff66" <= char <= "\uff9f":
        return "katakana"
    if "\u4e00" <= char <= "\u9fff" or char in "々〆ヶ":
        return "kanji"
    if char.isalnum():
        return "latin"
    return "mark"


def _pieces(word: str) -> list[str]:
    """A long word cut where its script changes: where Japanese text breaks most readably.

    Hiragana (okurigana, particles) and marks stay with what precedes them and a lone
    character joins its neighbour (``レポート`` + ``等``), so no piece is a stray kana.
    """
    runs: list[str] = []
    kinds: list[str] = []
    for char in word:
        kind = _script(char)
        if runs and (kind == kinds[-1] or kind in ("hiragana", "mark")):
            runs[-1] += char
        else:
            runs.append(char)
            kinds.append(kind)
    out: list[str] = []
    for run in runs:
        for own in _OWN_WORDS:
            if run.startswith(own) and len(run) > len(own):
                out.append(own)
                run = run[len(own) :]
        if out and (len(run) == 1 or len(out[-1]) == 1):
            out[-1] += run
        else:
            out.append(run)
    return out


def header_words(text: str) -> list[str]:
    """A header's words: :func:`words`, a word longer than six characters cut in pieces."""
    out: list[str] = []
    for word in words(text):
        out.extend(_pieces(word) if len(word) > SHORT_WORD else [word])
    return out


def header_minimum(label: str) -> int:
    """The narrowest a header gets, in half-width characters.

    It wraps only between its words or at its line breaks: a word of up to six
    characters stays whole; a longer piece may break, but not into stray characters.
    """
    return max(
        (
            text_width(word) if len(word) <= SHORT_WORD else min(text_width(word), LONG_WORD_CHUNK)
            for word in header_words(label)
        ),
        default=0,
    )


def fit(minimums: list[int], preferred: list[int], available: int) -> list[int]:
    """Column widths (twips) from each column's least and preferred width.

    Where every column gets its preferred width, the table takes that (widened at most
    by half, never past the page). Otherwise each column gets at least its minimum,
    and what is left goes to the columns that want more — the text columns — up to a
    common cap, so the longest texts share the rest evenly. Where even the minimums do
    not fit, they are scaled down together (the caller first tries a smaller font).
    """
    preferred = [max(p, m) for p, m in zip(preferred, minimums, strict=True)]
    total = sum(preferred)
    if total <= available:
        stretch = min(available / total, MAX_STRETCH) if total else 1.0
        return [int(width * stretch) for width in preferred]
    floor = sum(minimums)
    if floor >= available:
        return [int(width * available / floor) for width in minimums]
    low, high = 0, max(preferred)
    while low < high:  # the largest cap with which every column still fits
        cap = (low + high + 1) // 2
        if sum(max(m, min(p, cap)) for m, p in zip(minimums, preferred, strict=True)) <= available:
            low = cap
        else:
            high = cap - 1
    widths = [max(m, min(p, low)) for m, p in zip(minimums, preferred, strict=True)]
    spare = available - sum(widths)
    # The few twips the binary search leaves go to the widest column.
    widest = max(range(len(widths)), key=widths.__getitem__)
    widths[widest] += spare
    return widths


def twips(characters: int, half_width: int = HALF_WIDTH, padding: int = CELL_PADDING) -> int:
    """The width of a cell holding ``characters`` half-width characters, with its margins."""
    return max(characters, 2) * half_width + padding


def text_width(text: str) -> int:
    """How many half-width characters ``text`` takes (a kanji takes two)."""
    if text.isascii():
        return len(text)
    return sum(2 if unicodedata.east_asian_width(char) in "WFA" else 1 for char in text)
