"""Cells written beside the cells they come from: checked on reading, never read.

A table holds, for a person's convenience, cells worked out from other cells: a
period's first and last day, a programme's or indicator's name beside its id. The reader takes the
source (the period, the id); a cell beside it that says something else is an edit
that would be lost, so it is reported at that cell. A check that cannot be made (no
programmes table to name an id) is reported too: none passes by silence.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

import attrs

from clairlib.exporting._csv_spec import Column
from clairlib.exporting._csv_write import TRIGGERS

__all__ = ["BOUNDS", "IdNames", "bound_problem", "id_name_checks", "read_day"]

#: Kinds of column holding a period's first or last day.
BOUNDS = frozenset({"period_start", "period_end"})

# A day as the export writes it (2013-09-01) or as a spreadsheet saves it again
# (2013/9/1, with a midnight time when the cell was a date and time).
_DAY = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ]0{1,2}:00(?::00(?:\.0+)?)?)?\Z")


def read_day(text: str) -> date | None:
    """The day a start or end cell holds, or None when it is no day."""
    match = _DAY.match(text)
    if match is None:
        return None
    try:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


def bound_problem(column: Column, period: Any, text: str) -> str | None:
    """What is wrong with a start or end cell beside ``period``, or None when it agrees."""
    side = "start" if column.kind == "period_start" else "end"
    day = read_day(text)
    if day is None:
        return f"{column.ja}: expected a date (2013-09-01), found {text!r}"
    if period is None:
        return (
            f"{column.ja} {day.isoformat()} beside an empty period: the period is what is "
            "read, so write the period (2013-09-01/2013-09-30), or clear the date"
        )
    expected: date = getattr(period, side)
    if day == expected:
        return None
    return (
        f"{column.ja} {day.isoformat()} is not the {side} of the period "
        f"{period.isoformat()} beside it ({expected.isoformat()}): the period is what is "
        "read, so change the period (or clear the date)"
    )


_KEPT = 100  # cells remembered by place for each programme id and name


class IdNames:
    """Names beside ids (programmes', indicators'), checked once their table has been read.

    The names come from the table of the things named (``programmes``), which a
    reader meets after (or without) the tables that name them: the cells wait here
    until then, grouped by id and name (a table repeats the same few pairs), each
    group with the places of its first cells and the count of the rest.
    """

    def __init__(self, table: str, thing: str) -> None:
        self.table = table  # the table holding the named things
        self.thing = thing  # what one is called in a message
        self.pending: dict[tuple[str, str, str], _Cells] = {}

    def add(
        self,
        where: Callable[[Any, int, Column], str],
        table: Any,
        index: int,
        column: Column,
        ident: Any,
        text: str,
    ) -> None:
        """Keep the name cell ``text`` beside the id ``ident`` to check later;
        ``where(table, index, column)`` names the cell."""
        key = (column.ja, ident or "", text)
        cells = self.pending.get(key)
        if cells is None:
            cells = self.pending[key] = _Cells()
        if len(cells.places) < _KEPT:
            cells.places.append(where(table, index, column))
        else:
            cells.more += 1

    def settle(
        self,
        named: Iterable[Any] | None,
        problem: Callable[[str, str], None],
        *,
        neutralised: bool = False,
    ) -> None:
        """Report every kept name that is not its id's; ``named`` None: the table was not read.

        ``named`` holds the things named (programmes, indicators), each with an ``id``,
        a ``name`` and a ``name_en``.
        """
        pending, self.pending = self.pending, {}
        if not pending:
            return
        if named is None:
            (label, _, text), cells = next(iter(pending.items()))
            count = sum(len(c.places) + c.more for c in pending.values())
            more = f" (and {count - 1} more name cells)" if count > 1 else ""
            problem(
                cells.places[0],
                f"{label} {text!r}{more} cannot be checked: no {self.table} table was read "
                "to name the ids beside them, so the names are not read (clear them, or "
                "read the whole export)",
            )
            return
        names: dict[str, tuple[str, ...]] = {}
        for thing in named:
            accepted = tuple(n for n in (thing.name, thing.name_en) if n)
            if neutralised:
                accepted += tuple("'" + n for n in accepted if n[:1] in TRIGGERS)
            names.setdefault(thing.id, accepted)
        for (label, ident, text), cells in pending.items():
            known = names.get(ident)
            if not ident:
                message = (
                    f"{label} {text!r} beside no {self.thing} id: the id is what is read, so "
                    "write the id (or clear the name)"
                )
            elif known is None:
                message = (
                    f"{label} {text!r} names {ident!r}, which the {self.table} table does "
                    f"not hold: add the {self.thing} there (the name beside an id is not read)"
                )
            # A cell's text is read without the spaces round it: a name's is compared so.
            elif text.strip() not in {name.strip() for name in known}:
                message = (
                    f"{label} {text!r} is not the name of {ident!r} beside it "
                    f"({known[0] if known else ''!r}): the id is what is read, so change the "
                    f"id (or rename the {self.thing} in the {self.table} table)"
                )
            else:
                continue
            for place in cells.places:
                problem(place, message)
            if cells.more:
                problem(cells.places[-1], f"and {cells.more} more cells like it: {message}")


def id_name_checks() -> dict[str, IdNames]:
    """A fresh check for each kind of id name column, by that kind."""
    return {
        "programme_name": IdNames("programmes", "programme"),
        "indicator_name": IdNames("indicators", "indicator"),
    }


@attrs.define
class _Cells:
    places: list[str] = attrs.Factory(list)
    more: int = 0
