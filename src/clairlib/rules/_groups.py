"""group-label: a row printed under a country group belongs to that country.

A table that groups its rows by country (アメリカ 9 件, フランス 10 件 …) counts each row
under its group's 件数. A row whose own label names another country (スイス printed
beside a row of the フランス group), or whose record's venue lies in another country
(香港 under 中国), is counted under a group it does not belong to, or under the
document's own convention: either way a reader should see it.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from clairlib.errors import ClairlibError
from clairlib.findings import Evidence, Finding, Severity, join_path
from clairlib.model.documents import AnnualReport, ColumnRole, Document, RowKind, Table
from clairlib.model.places import Country
from clairlib.model.records import Venue
from clairlib.rules._base import Context


def country_of(label: str) -> str | None:
    """The ISO code a printed group label names, or None when it names no country."""
    try:
        return Country.lookup(label.strip()).code
    except (ClairlibError, ValueError):
        return None


@attrs.frozen(kw_only=True)
class GroupLabel:
    """Rows under a country group name that country, and their venues lie in it.

    For every data row printed under a group whose label is a country: a label cell
    naming another country, or a record whose venue countries do not include the
    group's, is a warning (the group's 件数 counts a row of another country).
    """

    code: str = "group-label"
    description: str = "a row under a country group is of that country (label and venue)"
    severity: Severity = Severity.WARNING

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        """Yield a finding for every row whose label or venue is not its group's country."""
        if not isinstance(doc, AnnualReport):
            return
        venues = {e.id: (i, e.venue) for i, e in enumerate(doc.events)}
        for t, table in enumerate(doc.tables):
            yield from self._table(t, table, venues)

    def _table(
        self, t: int, table: Table, venues: dict[str, tuple[int, Venue | None]]
    ) -> Iterator[Finding]:
        labels = [c for c in table.columns if c.role is ColumnRole.LABEL]
        groups: dict[str, str | None] = {}
        for r, row in enumerate(table.rows):
            if row.kind is not RowKind.DATA or row.group is None:
                continue
            if row.group not in groups:
                groups[row.group] = country_of(row.group)
            country = groups[row.group]
            if country is None:
                continue
            where = f"a row of table {table.id!r} under {row.group} ({country})"
            named_here: set[str] = set()
            for column in labels:
                cell = row.cells.get(column.key)
                if not isinstance(cell, str) or cell.strip() == row.group:
                    continue
                named = country_of(cell)
                if named is not None and named != country:
                    named_here.add(named)
                    yield Finding(
                        rule=self.code,
                        severity=self.severity,
                        path=join_path(["tables", t, "rows", r, "cells", column.key]),
                        message=f"{where} prints its own country {cell.strip()} ({named}); "
                        f"the group's 件数 counts it under {row.group}",
                        evidence=Evidence(left=named, op="==", right=country),
                    )
            index, venue = venues.get(row.record or "", (-1, None))
            found = venue.countries if venue is not None else ()
            # A venue whose country a label cell already named is the same finding.
            if venue is not None and found and country not in found and set(found) - named_here:
                text = venue.text
                yield Finding(
                    rule=self.code,
                    severity=self.severity,
                    path=join_path(["tables", t, "rows", r]),
                    message=f"{where} is held in {text} ({', '.join(found)}), not in "
                    f"{row.group}: the group's 件数 counts it there",
                    evidence=Evidence(
                        left=country,
                        op="in",
                        right=", ".join(found),
                        parts=(join_path(["events", index]),),
                    ),
                )
