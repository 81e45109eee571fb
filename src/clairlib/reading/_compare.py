"""How close a reading comes to a document typed by hand: structure, narrative, figures, rows.

Used by the reader half of the conformance suite, the reading tests and
``benchmarks/read_quality.py``; text is compared folded (NFKC, spaces removed), so
a full-width digit or a space the extraction printed does not count as a miss.
"""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence

import attrs

from clairlib.model import (
    AnnualPlan,
    AnnualReport,
    Block,
    BlockKind,
    Document,
    MidTermPlan,
    Programme,
    Quantity,
    RowKind,
    Section,
)
from clairlib.reading._layout import normal

__all__ = ["Comparison", "compare", "outline", "row_values", "table_rows"]

_NARRATIVE = (BlockKind.PARAGRAPH, BlockKind.ITEM, BlockKind.NOTE)


@attrs.frozen(kw_only=True)
class Comparison:
    """What a reading got right: the outline's differences, narrative and figure shares."""

    outline_expected: tuple[tuple[str, ...], ...]
    outline_read: tuple[tuple[str, ...], ...]
    narrative_chars: int
    narrative_matched: int
    figures_expected: int
    figures_matched: int

    @property
    def same_outline(self) -> bool:
        """True when every section and programme came back, in order, under its pillar."""
        return self.outline_expected == self.outline_read

    @property
    def outline_diff(self) -> list[str]:
        """The outline lines that differ, as a unified diff."""
        return list(
            difflib.unified_diff(
                [" | ".join(e) for e in self.outline_expected],
                [" | ".join(r) for r in self.outline_read],
                "expected",
                "read",
                lineterm="",
                n=0,
            )
        )

    @property
    def narrative_share(self) -> float:
        """The share of the expected narrative characters read in the right place."""
        return self.narrative_matched / self.narrative_chars if self.narrative_chars else 1.0

    @property
    def figure_share(self) -> float:
        """The share of the expected prose figures read with equal value, unit, scale, qualifier."""
        return self.figures_matched / self.figures_expected if self.figures_expected else 1.0


def _sections(doc: Document) -> Sequence[Section]:
    return doc.sections if isinstance(doc, AnnualPlan | AnnualReport) else ()


def _walk(sections: Sequence[Section]) -> Iterator[Section | Programme]:
    for section in sections:
        yield section
        yield from section.programmes
        yield from _walk(section.sections)


def outline(doc: Document) -> tuple[tuple[str, ...], ...]:
    """Every section and programme in order: number or marker, title, pillar, priority, 再掲."""
    out: list[tuple[str, ...]] = []
    if isinstance(doc, MidTermPlan):
        for pillar in doc.framework.pillars:
            out.append(("pillar", pillar.id, normal(pillar.title), pillar.kind.value))
            out.extend(("objective", str(o.number), normal(o.text)) for o in pillar.objectives)
        return tuple(out)
    for part in _walk(_sections(doc)):
        if isinstance(part, Section):
            out.append(
                ("section", normal(part.number or ""), normal(part.title), part.pillar or "")
            )
        else:
            out.append(
                (
                    "programme",
                    part.marker or "",
                    normal(part.name),
                    part.pillar or "",
                    part.priority.value if part.priority else "",
                    part.cross_listing.value if part.cross_listing else "",
                )
            )
    return tuple(out)


def _narrative(blocks: Sequence[Block]) -> str:
    return "".join(normal(b.text) for b in blocks if b.kind in _NARRATIVE)


def _places(doc: Document) -> list[str]:
    # The narrative of each place in outline order (a mid-term plan: its objectives).
    if isinstance(doc, MidTermPlan):
        places = [normal("".join(doc.philosophy)), normal("".join(doc.resolutions))]
        places.append(normal("".join(doc.environment)))
        for pillar in doc.framework.pillars:
            places.extend(normal(o.text) for o in pillar.objectives)
        return places
    out = [_narrative(doc.preamble)]
    for part in _walk(_sections(doc)):
        out.append(_narrative(part.body))
    return out


def _matched(expected: str, read: str) -> int:
    if not expected or not read:
        return 0
    if expected == read:
        return len(expected)
    matcher = difflib.SequenceMatcher(None, expected, read, autojunk=False)
    return sum(block.size for block in matcher.get_matching_blocks())


def _figure_key(q: Quantity) -> tuple[object, ...]:
    return (q.value, normal(q.unit), q.scale, q.qualifier)


def compare(expected: Document, read: Document) -> Comparison:
    """Compare a reading with the document typed by hand from the same print."""
    want = _places(expected)
    got = _places(read)
    matched = 0
    if len(want) == len(got):
        matched = sum(_matched(w, g) for w, g in zip(want, got, strict=True))
    else:
        # Outlines differ: count what came back anywhere, in order.
        matched = _matched("".join(want), "".join(got))
    figures_expected = 0
    figures_matched = 0
    if isinstance(expected, AnnualReport) and isinstance(read, AnnualReport):
        wanted = [f for f in expected.figures if f.source == "prose"]
        found: Counter[tuple[object, ...]] = Counter(
            (f.programme, *_figure_key(f.value)) for f in read.figures
        )
        programme_ids = {
            p.id: i for i, p in enumerate(_walk(_sections(expected))) if isinstance(p, Programme)
        }
        read_ids = [p.id for p in _walk(_sections(read)) if isinstance(p, Programme)]
        by_position = {
            pid: read_ids[index]
            for pid, index in _programme_positions(expected, programme_ids).items()
            if index < len(read_ids)
        }
        figures_expected = len(wanted)
        for figure in wanted:
            key = (by_position.get(figure.programme or ""), *_figure_key(figure.value))
            if found[key] > 0:
                found[key] -= 1
                figures_matched += 1
    return Comparison(
        outline_expected=outline(expected),
        outline_read=outline(read),
        narrative_chars=sum(len(w) for w in want),
        narrative_matched=matched,
        figures_expected=figures_expected,
        figures_matched=figures_matched,
    )


def _programme_positions(doc: Document, ids: dict[str, int]) -> dict[str, int]:
    # A programme's place among the document's programmes, in printed order.
    order = [p.id for p in _walk(_sections(doc)) if isinstance(p, Programme)]
    return {pid: order.index(pid) for pid in ids}


def row_values(cells: Mapping[str, Quantity | str | None]) -> Counter[str]:
    """A row's cells by what they print, folded (NFKC, no spaces, line breaks, commas).

    A reader names its columns c1, c2 … and the examples by meaning, so rows are
    compared by what their cells print, whatever their keys; a line break inside a
    cell is the print's layout, as a space is.
    """
    out: Counter[str] = Counter()
    for value in cells.values():
        if isinstance(value, Quantity):
            value = f"{value.value:,}" if value.text is None else value.text
        if value:
            out[normal(value).replace(",", "").replace("\n", "")] += 1
    return out


def table_rows(expected: AnnualReport, read: AnnualReport) -> tuple[int, int]:
    """The example's data rows whose every cell the reading has in one row, by caption."""
    by_caption = {normal(t.caption): t for t in read.tables}
    total = matched = 0
    for table in expected.tables:
        rows = [row for row in table.rows if row.kind is RowKind.DATA]
        total += len(rows)
        found = by_caption.get(normal(table.caption))
        if found is None or not table.caption:
            continue
        candidates = [row_values(row.cells) for row in found.rows]
        for row in rows:
            wanted = row_values(row.cells)
            hit = next((c for c in candidates if not wanted - c), None)
            if hit is not None:
                candidates.remove(hit)
                matched += 1
    return matched, total
