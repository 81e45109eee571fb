"""group-label: a row under a country group is of that country, by label and by venue."""

from __future__ import annotations

from clairlib.calendar import FiscalYear
from clairlib.model import (
    AnnualReport,
    Column,
    ColumnRole,
    Event,
    Quantity,
    Row,
    RowKind,
    Table,
    Venue,
)
from clairlib.rules import GroupLabel, validate


def _doc(rows: tuple[Row, ...], events: tuple[Event, ...]) -> AnnualReport:
    table = Table(
        id="t1-1",
        caption="経済交流関係イベント等一覧",
        columns=(
            Column(key="country", label="国名"),
            Column(key="count", label="件数", role=ColumnRole.COUNT),
            Column(key="venue", label="開催地"),
        ),
        rows=rows,
    )
    return AnnualReport(
        id="r", title="r", fiscal_year=FiscalYear(2013), tables=(table,), events=events
    )


def _found(doc: AnnualReport) -> list[tuple[str, str]]:
    return [(f.severity.value, f.path) for f in validate(doc, rules=[GroupLabel()]).findings]


def test_a_row_labelled_with_another_country() -> None:
    """津市ミッション団: スイス printed on a row of the フランス group is a warning."""
    rows = (
        Row(
            cells={"country": "スイス", "venue": "パリ、ジュネーブ等"}, group="フランス", record="e"
        ),
        Row(cells={"count": Quantity.of(1, "件")}, group="フランス", kind=RowKind.SUBTOTAL),
    )
    events = (
        Event(id="e", name="m", venue=Venue(text="パリ、ジュネーブ等", countries=("FR", "CH"))),
    )
    assert [("warning", "$.tables[0].rows[0].cells.country")] == _found(_doc(rows, events))


def test_a_row_held_in_another_country() -> None:
    """A row under 中国 whose event is in Hong Kong (HK) is a warning at the row."""
    rows = (Row(cells={"venue": "ホンコン"}, group="中国", record="e"),)
    events = (Event(id="e", name="m", venue=Venue(text="ホンコン", countries=("HK",))),)
    assert [("warning", "$.tables[0].rows[0]")] == _found(_doc(rows, events))


def test_rows_of_their_group_and_groups_that_are_no_country() -> None:
    """A Paris row under フランス, and any row under ニューヨーク事務所: nothing to say."""
    rows = (
        Row(cells={"venue": "パリ"}, group="フランス", record="e"),
        Row(cells={"venue": "ロンドン"}, group="ニューヨーク事務所", record="f"),
    )
    events = (
        Event(id="e", name="m", venue=Venue(text="パリ", countries=("FR",))),
        Event(id="f", name="n", venue=Venue(text="ロンドン", countries=("GB",))),
    )
    assert [] == _found(_doc(rows, events))
