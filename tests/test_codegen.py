"""Generated code keeps its source where tracebacks and debuggers look for it."""

from __future__ import annotations

import linecache

from clairlib.exporting._csv_write import compile_row
from clairlib.exporting.tables import TABLES


def test_generated_csv_rows_are_registered_with_linecache() -> None:
    """The CSV writer's generated row function shows its source lines by its file name."""
    table = TABLES[0]
    converter = compile_row(table, list(table.columns), neutralise=True)
    filename = converter.row.__code__.co_filename
    assert filename.startswith("<clairlib.exporting csv rows of events")
    assert linecache.getline(filename, 1).startswith("def row(r, ")
