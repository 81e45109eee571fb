"""Lines to a document: the model objects the builder makes as their constructors do."""

from __future__ import annotations

import attrs

from clairlib.model import Origin, Row, RowKind
from clairlib.reading._build import _row


def test_a_row_built_slot_by_slot_is_the_one_its_constructor_makes() -> None:
    """``_row`` gives what ``Row(...)`` gives, tied to no record, every field set."""
    origin = Origin(page=4, line=20)
    cells: dict[str, str | None] = {"c1": "計", "c2": "12", "c3": None}
    expected = Row(cells=dict(cells), kind=RowKind.TOTAL, group="アジア", origin=origin)
    built = _row(dict(cells), RowKind.TOTAL, "アジア", origin)
    assert (expected, attrs.asdict(expected)) == (built, attrs.asdict(built))
    assert Row is type(built)
