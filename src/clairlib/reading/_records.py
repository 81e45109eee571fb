"""The records behind table rows: a row that is plainly an event becomes one, tied to it.

A table whose header names an event's name (名称, イベント, 事業名 …) and its date
(開催時期, 期間, 日程 …), and maybe its place (開催場所, 会場 …), lists events: each
of its data rows whose date :mod:`clairlib.calendar` reads, with the report's fiscal
year as context, is an :class:`~clairlib.model.Event` under the table's programme,
and the row names it (``Row.record``). A row whose date does not read stays a row.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence

import attrs

from clairlib.calendar import FiscalYear, Period, PeriodSet, parse_period
from clairlib.errors import ClairlibError
from clairlib.model import Event, Row, RowKind, Table, Venue
from clairlib.reading._layout import normal

__all__ = ["table_events"]

_NAME = ("名称", "イベント", "事業名", "研修名", "セミナー名", "行事名")
_DATE = ("時期", "期間", "開催日", "日程", "日時", "実施日")
_VENUE = ("開催場所", "場所", "会場", "開催地")


def _column(labels: Sequence[tuple[str, str]], words: Sequence[str]) -> str | None:
    # ``labels``: each column's key and its label folded (once a table, not once a word).
    found = [key for key, label in labels if any(w in label for w in words)]
    return found[0] if len(found) == 1 else None


def _period(text: str, fiscal: FiscalYear) -> Period | PeriodSet | None:
    # A date the calendar reads only with a warning (an era past its end, a range
    # printed backwards) is not plainly a date: the row stays a row. The caller holds
    # warnings as errors (once for all the tables, not once a row).
    try:
        return parse_period(text, context=fiscal)
    except (ClairlibError, Warning):
        return None


def table_events(tables: Sequence[Table], fiscal: FiscalYear) -> tuple[list[Table], list[Event]]:
    """The tables with their event rows tied to records, and those records."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        return _table_events(tables, fiscal)


def _table_events(tables: Sequence[Table], fiscal: FiscalYear) -> tuple[list[Table], list[Event]]:
    out: list[Table] = []
    events: list[Event] = []
    for table in tables:
        labels = [(column.key, normal(column.label)) for column in table.columns]
        name, date = _column(labels, _NAME), _column(labels, _DATE)
        if name is None or date is None or name == date:
            out.append(table)
            continue
        venue = _column(labels, _VENUE)
        rows: list[Row] = []
        for row in table.rows:
            title, when = row.cells.get(name), row.cells.get(date)
            period = (
                _period(when, fiscal)
                if row.kind is RowKind.DATA and isinstance(title, str) and isinstance(when, str)
                else None
            )
            if period is None or not isinstance(title, str) or not isinstance(when, str):
                rows.append(row)
                continue
            place = row.cells.get(venue) if venue is not None else None
            event = Event(
                id=f"{table.id}-r{len(rows) + 1}",  # the record of the table's row n
                name=title,
                programme=table.programme,
                venue=Venue(text=place) if isinstance(place, str) and place else None,
                period=period,
                period_text=when,
                group=row.group,
                tags=(table.id,),
            )
            events.append(event)
            rows.append(attrs.evolve(row, record=event.id))
        out.append(attrs.evolve(table, rows=tuple(rows)))
    return out, events
