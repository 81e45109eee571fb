"""count-of-rows: a declared count against the records or rows it counts."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import attrs

from clairlib.aggregate import SelectorError
from clairlib.findings import Finding, Severity, join_path
from clairlib.model.documents import AnnualReport, ColumnRole, Document, Selector, Table
from clairlib.rules._base import Context
from clairlib.rules._tables import NotANumber, covered, number_cell
from clairlib.rules._verdict import judge_value


def describe(selector: Selector) -> str:
    """A selector in words: ``distinct country of events where programme = econ``."""
    kind, _, field = selector.measure.partition(":")
    head = {
        "count": f"the number of {selector.records}",
        "sessions": f"the number of sessions the {selector.records} hold (dates listed, 計 N 回)",
        "distinct": f"the number of distinct {field} of {selector.records}",
        "gross": f"the number of {field} listed on the {selector.records}, repeats counted (延べ)",
        "sum": f"the sum of {field} of {selector.records}",
    }.get(kind, f"{selector.measure} of {selector.records}")
    if selector.where:
        conditions = " and ".join(f"{k} = {v}" for k, v in sorted(selector.where.items()))
        head += f" where {conditions}"
    if selector.count_as:
        rules = ", ".join(f"{k} as {v}" for k, v in sorted(selector.count_as.items()))
        head += f", counting {rules} (the document's convention)"
    return head


@attrs.frozen(kw_only=True)
class CountOfRows:
    """A declared count equals what its records give; a 件数 cell, the rows it covers.

    A figure's ``computed_from`` selector is evaluated over the document's records
    ("12 か国、21 地域で 45 件": count, ``distinct:country``, ``distinct:venue``; a
    ``sum:FIELD`` too). A ``count`` column's total or subtotal cell is compared with the
    number of data rows it covers.
    """

    code: str = "count-of-rows"
    description: str = "a declared count equals the records or table rows it counts"
    severity: Severity = Severity.ERROR

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        """Yield a finding for every declared count the records or rows do not give."""
        if not isinstance(doc, AnnualReport):
            return
        for i, figure in enumerate(doc.figures):
            selector = figure.computed_from
            if selector is None:
                continue
            try:
                computed = ctx.evaluator.evaluate(selector)
            except SelectorError as error:
                yield Finding(
                    rule=self.code,
                    severity=self.severity,
                    path=join_path(["figures", i, "computed_from"]),
                    message=f"figure {figure.id!r} cannot be computed from its records: {error}",
                )
                continue
            if computed.value is None:
                ctx.skip(
                    f"not printed: some of the records {describe(selector)} do not print "
                    "the field it adds up",
                    path=join_path(["figures", i, "value"]),
                )
                continue
            ctx.checked(join_path(["figures", i, "value"]))
            finding = judge_value(
                code=self.code,
                default=self.severity,
                path=join_path(["figures", i, "value"]),
                stated=figure.value,
                computed=computed.value,
                what=f"figure {figure.id!r} ({figure.label})",
                how=describe(selector),
            )
            if finding is not None and finding.evidence is not None:
                # Record paths are rendered only for a finding: a count may cover a million.
                finding = attrs.evolve(
                    finding, evidence=attrs.evolve(finding.evidence, parts=computed.parts)
                )
                yield finding
        for t, table in enumerate(doc.tables):
            yield from self._table(t, table, ctx)

    def _table(self, t: int, table: Table, ctx: Context) -> Iterator[Finding]:
        columns = [c for c in table.columns if c.role is ColumnRole.COUNT]
        if not columns:
            return
        for r, row, rows in covered(table):
            for column in columns:
                path = join_path(["tables", t, "rows", r, "cells", column.key])
                try:
                    stated = number_cell(row, column.key)
                except NotANumber as text:
                    ctx.skip(f"the cell holds text, not a number: {text}", path=path)
                    continue
                if stated is None:
                    continue
                where = f"the total of {row.group}" if row.group else "the total"
                ctx.checked(path)
                finding = judge_value(
                    code=self.code,
                    default=self.severity,
                    path=path,
                    stated=stated,
                    computed=_count(rows),
                    what=f"{where} in column {column.label!r} of table {table.id!r},",
                    how="the number of rows it covers",
                    parts=[join_path(["tables", t, "rows", j]) for j in rows],
                )
                if finding is not None:
                    yield finding


def _count(rows: tuple[int, ...]) -> Decimal:
    return Decimal(len(rows))
