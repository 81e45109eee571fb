"""The body of a plan or report as it is read: its places, their blocks and tables.

The body's reader (:mod:`._structure`) keeps these open while it reads the lines; the
builder (:mod:`._build`) freezes them into the model's sections and programmes.
"""

from __future__ import annotations

import attrs

from clairlib._filling import filling
from clairlib.findings import Finding
from clairlib.model import Block, BlockKind, CrossListing, Origin, Priority
from clairlib.reading._headings import Heading
from clairlib.reading._layout import Line

__all__ = ["Body", "Node", "ProgrammeNode", "TableNode", "block"]


@attrs.define
class TableNode:
    """A table being read: caption, the lines printed under it, notes, where it stands."""

    caption: str
    line: Line
    lines: list[Line] = attrs.field(factory=list)
    notes: list[str] = attrs.field(factory=list)


@attrs.define
class ProgrammeNode:
    """A programme being read."""

    heading: Heading
    line: Line
    priority: Priority | None
    name: str
    cross: CrossListing | None
    body: list[Block] = attrs.field(factory=list)
    tables: list[TableNode] = attrs.field(factory=list)


@attrs.define
class Node:
    """A section or subsection being read."""

    heading: Heading
    line: Line
    body: list[Block] = attrs.field(factory=list)
    programmes: list[ProgrammeNode] = attrs.field(factory=list)
    children: list[Node] = attrs.field(factory=list)
    tables: list[TableNode] = attrs.field(factory=list)


@attrs.define
class Body:
    """What the lines hold: preamble, sections, and findings about what was left out."""

    preamble: list[Block] = attrs.field(factory=list)
    preamble_tables: list[TableNode] = attrs.field(factory=list)
    sections: list[Node] = attrs.field(factory=list)
    findings: list[Finding] = attrs.field(factory=list)
    tables: list[tuple[TableNode, Block]] = attrs.field(factory=list)
    # A 【…】 part after the sections (【管理関係】, 【参考】): its heading and every line after.
    part: list[Line] = attrs.field(factory=list)


def block(kind: BlockKind, text: str, origin: Origin, ref: str | None = None) -> Block:
    """``Block(kind=kind, text=text, ref=ref, origin=origin)``, for values of their types.

    Built slot by slot without the constructor (see clairlib._filling): the body's
    reader builds one a paragraph.
    """
    block = _new(_FillingBlock)
    block.kind = kind
    block.text = text
    block.ref = ref
    block.origin = origin
    block.__class__ = Block
    return block  # type: ignore[no-any-return]


_FillingBlock = filling(Block)
_new = object.__new__
