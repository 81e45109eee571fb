"""The body as it is read: its blocks built as the model's constructor builds them."""

from __future__ import annotations

from clairlib.model import Block, BlockKind, Origin
from clairlib.reading._body import block


def test_a_block_built_slot_by_slot_is_the_one_its_constructor_makes() -> None:
    """``block`` gives what ``Block(...)`` gives, a table's ref and a paragraph's none."""
    origin = Origin(page=2, line=7)
    expected = [
        Block(kind=BlockKind.TABLE, text="a\tb", ref="t1", origin=origin),
        Block(kind=BlockKind.PARAGRAPH, text="研修を行った。", origin=origin),
    ]
    built = [
        block(BlockKind.TABLE, "a\tb", origin, "t1"),
        block(BlockKind.PARAGRAPH, "研修を行った。", origin),
    ]
    assert (expected, [repr(b) for b in expected]) == (built, [repr(b) for b in built])
    assert [Block] * 2 == [type(b) for b in built]
