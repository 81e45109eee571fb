"""Tallies: records grouped by one or more dimensions, with honest totals."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal
from typing import Any

import attrs

from clairlib.aggregate._select import (
    Resolver,
    SelectorError,
    matcher,
    measure_of,
    records_of,
    scalar,
)
from clairlib.model.documents import Document

DIMENSIONS = ("country", "fiscal_year", "kind", "month", "office", "pillar", "programme")


@attrs.frozen(kw_only=True)
class Group:
    """One group of a tally: its key (one text per dimension), value and record count."""

    key: tuple[str, ...]
    value: Decimal | None  # None: a sum some of whose records do not print the field
    records: int


@attrs.frozen(kw_only=True)
class Tally:
    """Records grouped by ``by`` and measured by ``measure``, with honest totals.

    A record with several values for a dimension (an event of two offices, a venue in
    two countries) is counted under each. So ``gross``, the sum of the groups, may
    exceed ``assigned``, the measure over the records that have a key, each counted
    once: :attr:`overlapping` says so. ``total`` covers every matching record,
    ``unassigned`` those with no value for some dimension. A ``sum:FIELD`` over records
    that do not all print the field is None — not printed — in a group and in every total
    that includes such a record (an amount the document does not give is never 0).
    """

    records: str
    by: tuple[str, ...]
    measure: str
    groups: tuple[Group, ...]
    total: Decimal | None
    assigned: Decimal | None
    gross: Decimal | None
    unassigned: Decimal | None

    @property
    def overlapping(self) -> bool:
        """True when some record counts under several groups (gross differs from assigned)."""
        return self.gross != self.assigned

    def __getitem__(self, key: str | tuple[str, ...]) -> Decimal | None:
        wanted = (key,) if isinstance(key, str) else key
        for group in self.groups:
            if group.key == wanted:
                return group.value
        raise KeyError(key)

    def get(
        self, key: str | tuple[str, ...], default: Decimal | None = Decimal(0)
    ) -> Decimal | None:
        """The value of the group ``key``; ``default`` when no record has that key."""
        try:
            return self[key]
        except KeyError:
            return default

    def __iter__(self) -> Iterator[Group]:
        return iter(self.groups)

    def __len__(self) -> int:
        return len(self.groups)

    def as_dict(self) -> dict[str | tuple[str, ...], Decimal | None]:
        """Group values by key: a plain text key for a one-dimension tally."""
        if len(self.by) == 1:
            return {group.key[0]: group.value for group in self.groups}
        return {group.key: group.value for group in self.groups}


def _dimensions(by: str | tuple[str, ...]) -> tuple[str, ...]:
    dims = (by,) if isinstance(by, str) else tuple(by)
    if not dims:
        raise SelectorError("expected at least one dimension to tally by")
    return dims


def tally(
    doc: Document,
    records: str = "events",
    *,
    by: str | tuple[str, ...],
    measure: str = "count",
    where: Mapping[str, str] | None = None,
) -> Tally:
    """Group the records of ``records`` by ``by`` and measure each group.

    ``by`` is a dimension or a tuple of them: ``fiscal_year`` (``FY2013``), ``month``
    (``2013-08``, the month each listed period starts), ``office``, ``country``,
    ``pillar`` (through the record's programme), ``programme``, ``kind`` — or any field
    of the record, dotted for nested fields (``venue.city``). ``measure`` is
    ``count`` (rows, a person row weighted by its ``count``), ``distinct:FIELD`` or
    ``sum:FIELD`` (``sum:participants`` for an event's participants).
    """
    dims = _dimensions(by)
    resolver = Resolver(doc)
    _, items = records_of(doc, records)
    getters = [resolver.getter(records, dim) for dim in dims]
    compute = measure_of(resolver, records, measure)
    keep = matcher(resolver, records, where or {})
    kept = [r for r in items if keep is None or keep(r)]
    buckets: dict[tuple[str, ...], list[Any]] = {}
    assigned: list[Any] = []
    unassigned: list[Any] = []
    for record in kept:
        values = [dict.fromkeys(scalar(v) for v in get(record)) for get in getters]
        if not all(values):
            unassigned.append(record)
            continue
        assigned.append(record)
        for key in itertools.product(*values):
            buckets.setdefault(key, []).append(record)
    groups = tuple(
        Group(key=key, value=compute(rows), records=len(rows))
        for key, rows in sorted(buckets.items())
    )
    return Tally(
        records=records,
        by=dims,
        measure=measure,
        groups=groups,
        total=compute(kept),
        assigned=compute(assigned),
        gross=_added(g.value for g in groups),
        unassigned=compute(unassigned),
    )


def _added(values: Iterable[Decimal | None]) -> Decimal | None:
    out = Decimal(0)
    for value in values:
        if value is None:
            return None
        out += value
    return out


def rollup(
    doc: Document,
    records: str = "events",
    *,
    by: tuple[str, ...],
    measure: str = "count",
    where: Mapping[str, str] | None = None,
) -> tuple[Tally, ...]:
    """Tallies at each level of ``by``: ``("pillar", "programme")`` gives both levels.

    Each level is computed from the records, never by adding the finer level, so a
    distinct count stays distinct at every level.
    """
    dims = _dimensions(by)
    return tuple(
        tally(doc, records, by=dims[: level + 1], measure=measure, where=where)
        for level in range(len(dims))
    )
