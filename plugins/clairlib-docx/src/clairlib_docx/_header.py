"""A table's header as printed: rows of cells, each spanning its columns and rows.

A transcription names a column's place under a multi-level header in its ``group``, the
levels joined by a space (``主な分野別配信記事本数（重複あり） 観光``). Where neighbouring
groups share their first levels, the print heads them with one cell over all of them and
a cell per group beneath it; this module lays that out, row by row.
"""

from __future__ import annotations

import attrs

from clairlib_docx._sanitize import Clean


@attrs.frozen
class HeaderSpan:
    """Columns ``start``..``end`` headed by ``text``, with their own labels beneath or None."""

    start: int
    end: int
    text: Clean
    subs: tuple[Clean, ...] | None
    group: bool = False  # the text is a column group's, not one column's label


@attrs.frozen
class HeaderCell:
    """One cell of a header row: its columns, text and vertical merge mark."""

    start: int
    end: int
    text: Clean
    merge: str = ""  # "restart" over the rows below, "continue" beneath one, or ""


def _shared_upper(texts: list[Clean]) -> int:
    """Where the levels ``texts`` all share end: the index of the space after them, or 0."""
    first = texts[0]
    length = min(len(text) for text in texts)
    common = 0
    while common < length and all(text[common] == first[common] for text in texts):
        common += 1
    cut = max((i for i in range(common) if first[i].isspace()), default=0)
    rests = [text[cut:].strip() for text in texts]
    # The levels part where the texts part, at a space; a remainder that goes on with a
    # number (平成 24 年度 / 平成 25 年度) is one phrase, not a level beneath another.
    if not first[:cut].strip() or common > cut + 1 or any(not rest for rest in rests):
        return 0
    if any(rest[0].isdigit() for rest in rests):
        return 0
    return cut


def _uppers(spans: list[HeaderSpan]) -> dict[int, tuple[int, Clean]]:
    """Per span that opens a run of groups sharing their upper levels: its last span, text."""
    out: dict[int, tuple[int, Clean]] = {}
    index = 0
    while index < len(spans):
        if not spans[index].group:
            index += 1
            continue
        end = index
        while (
            end + 1 < len(spans)
            and spans[end + 1].group
            and _shared_upper([span.text for span in spans[index : end + 2]])
        ):
            end += 1
        if end > index:
            cut = _shared_upper([span.text for span in spans[index : end + 1]])
            out[index] = (end, Clean(spans[index].text[:cut].strip()))
        index = end + 1
    return out


def header_grid(spans: list[HeaderSpan]) -> list[list[HeaderCell]]:
    """The header rows, top to bottom, each cell once at its first row (merged below).

    The shared upper levels of neighbouring groups print once over all of them, each
    group's own level beneath, its columns' labels at the bottom; a column without a
    group has one cell from top to bottom.
    """
    uppers = _uppers(spans)
    under: dict[int, int] = {}  # span -> characters of its text the upper cell prints
    for first, (last, _upper) in uppers.items():
        cut = _shared_upper([spans[i].text for i in range(first, last + 1)])
        under.update(dict.fromkeys(range(first, last + 1), cut))
    depth = 1 + any(span.subs is not None for span in spans) + bool(uppers)
    rows: list[list[HeaderCell]] = [[] for _ in range(depth)]
    for index, span in enumerate(spans):
        top = 0
        if index in uppers:
            last, upper = uppers[index]
            rows[0].append(HeaderCell(span.start, spans[last].end, upper))
        if index in under:
            top = 1
        bottom = depth - 2 if span.subs is not None else depth - 1
        text = Clean(span.text[under[index] :].strip()) if index in under else span.text
        for row in range(top, bottom + 1):
            merge = "" if top == bottom else "restart" if row == top else "continue"
            shown = Clean("") if merge == "continue" else text
            rows[row].append(HeaderCell(span.start, span.end, shown, merge))
        if span.subs is not None:
            rows[depth - 1].extend(
                HeaderCell(span.start + offset, span.start + offset, label)
                for offset, label in enumerate(span.subs)
            )
    return rows
