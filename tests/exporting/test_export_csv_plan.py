"""The readers' fast lane: a function generated per header, giving the general reading."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clairlib.exporting.tables import TABLES, Table, TableReader
from clairlib.model import Event, EventKind, Venue
from tests import strategies

_TABLES = {table.name: table for table in TABLES}


def _rows(table: Table) -> st.SearchStrategy[list[list[str]]]:
    row = st.tuples(*(strategies.table_cells(column.kind) for column in table.columns))
    return st.lists(row.map(list), max_size=8)


def _lanes(table: Table, rows: list[list[str]], neutralised: bool) -> tuple[Any, Any]:
    """Each lane's row objects and findings, reading the rows under every column's key."""
    fast, slow = (TableReader(encoding="utf-8", neutralised=neutralised) for _ in range(2))
    header = [column.key for column in table.columns]
    columns, checks = fast.header(table, header, "x.csv")
    slow.header(table, header, "x.csv")
    read = fast.builder(table, columns, checks)
    built = [read(cells, index) for index, cells in enumerate(rows)]
    general = [slow.build(table, columns, cells, index, checks) for index, cells in enumerate(rows)]
    return (built, fast.findings), (general, slow.findings)


@pytest.mark.parametrize("name", ["events", "participants", "persons", "figures", "targets"])
@settings(max_examples=60, deadline=None)
@given(data=st.data(), neutralised=st.booleans())
def test_fast_lane_gives_the_general_readers_records_and_findings(
    name: str, data: st.DataObject, neutralised: bool
) -> None:
    """Over rows good and bad, the generated function's rows and findings are build's."""
    table = _TABLES[name]
    rows = data.draw(_rows(table))
    fast, slow = _lanes(table, rows, neutralised)
    assert slow == fast


def test_a_well_formed_row_is_built_with_its_nested_venue() -> None:
    """A row of good cells gives the event, its venue, and nothing to report."""
    table = _TABLES["events"]
    reader = TableReader(encoding="utf-8", neutralised=True)
    header = ["id", "name", "offices", "venue_text", "venue_countries", "period", "kind"]
    columns, checks = reader.header(table, header, "events.csv")
    row = ["E1", "'=SUM(A1)", "NYC;LON", "ニューヨーク", "US", "2013-09", "exchange"]
    built = reader.builder(table, columns, checks)(row, 0)
    assert [] == reader.findings
    assert "=SUM(A1)" == built.name
    assert ("NYC", "LON") == built.offices
    assert Venue(text="ニューヨーク", countries=("US",)) == built.venue
    assert (2013, 9, 1) == (
        built.period.start.year,
        built.period.start.month,
        built.period.start.day,
    )
    assert EventKind.EXCHANGE is built.kind


def test_a_row_with_a_bad_cell_is_reported_by_the_general_reader() -> None:
    """A row the fast lane cannot build is read again, and the finding names its cell."""
    table = _TABLES["events"]
    reader = TableReader(encoding="utf-8", neutralised=True)
    columns, checks = reader.header(table, ["id", "name", "kind"], "events.csv")
    read = reader.builder(table, columns, checks)
    assert Event(id="E1", name="a") == read(["E1", "a", "other"], 0)
    assert read(["E2", "b", "party"], 1) is None
    assert ["$.events[1].kind"] == [finding.path for finding in reader.findings]
    assert "'party'" in reader.findings[0].message


def test_empty_nested_cells_give_no_nested_object() -> None:
    """A venue none of whose cells hold anything is None, as the general reader has it."""
    table = _TABLES["events"]
    reader = TableReader(encoding="utf-8", neutralised=True)
    columns, checks = reader.header(table, ["id", "name", "venue_text", "venue_city"], "e.csv")
    built = reader.builder(table, columns, checks)(["E1", "a", "", ""], 0)
    assert built.venue is None
