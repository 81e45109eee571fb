"""sum-of-parts: a declared total against the sum of its parts."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from decimal import Decimal

import attrs

from clairlib.findings import Finding, Severity, join_path
from clairlib.model.documents import AnnualReport, ColumnRole, Document, Table
from clairlib.model.indicators import Aggregation, Measurement
from clairlib.model.quantity import Quantity
from clairlib.model.records import Breakdown
from clairlib.rules._base import Context
from clairlib.rules._tables import NotANumber, covered, number_cell
from clairlib.rules._verdict import judge_total, judge_value


@attrs.frozen(kw_only=True)
class SumOfParts:
    """A total equals the sum of its parts: 計 and subtotal rows, figure parts, breakdowns.

    Checks a table's total and subtotal rows against the data rows they cover in every
    ``sum`` column, a figure against the figures in its ``parts``, a participant count
    or a measurement against each of its breakdowns, and an all-offices measurement
    against the per-office ones (when the indicator sums, or takes the max or min, over
    offices). Overlapping parts (重複あり) are checked one-sided: the total lies between
    the largest part and their sum.
    """

    code: str = "sum-of-parts"
    description: str = "a total equals the sum of its parts (計 rows, figure parts, breakdowns)"
    severity: Severity = Severity.ERROR

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        """Yield a finding for every total that its parts do not give."""
        if not isinstance(doc, AnnualReport):
            return
        for t, table in enumerate(doc.tables):
            yield from self._table(t, table, ctx)
        yield from self._figures(doc, ctx)
        for e, event in enumerate(doc.events):
            for p, participants in enumerate(event.participants):
                for b, breakdown in enumerate(participants.breakdowns):
                    if _adds_up(participants.count, breakdown):
                        continue  # the common case, decided before any path is made
                    yield from self._breakdown(
                        ["events", e, "participants", p, "breakdowns", b],
                        participants.count,
                        breakdown,
                    )
        for m, measurement in enumerate(doc.measurements):
            for b, breakdown in enumerate(measurement.breakdowns):
                yield from self._breakdown(
                    ["measurements", m, "breakdowns", b], measurement.value, breakdown
                )
        yield from self._office_totals(doc.measurements, ctx)

    def _table(self, t: int, table: Table, ctx: Context) -> Iterator[Finding]:
        columns = [c for c in table.columns if c.role is ColumnRole.SUM]
        if not columns:
            return
        for r, row, rows in covered(table):
            for column in columns:
                path = join_path(["tables", t, "rows", r, "cells", column.key])
                try:
                    stated = number_cell(row, column.key)
                    if stated is None:
                        continue
                    parts: list[Quantity] = []
                    paths: list[str] = []
                    for j in rows:
                        cell = number_cell(table.rows[j], column.key)
                        if cell is not None:
                            parts.append(cell)
                            paths.append(join_path(["tables", t, "rows", j, "cells", column.key]))
                except NotANumber as text:
                    ctx.skip(f"the cell holds text, not a number: {text}", path=path)
                    continue
                if not _same_unit(stated, parts):
                    ctx.skip("the parts are in other units than the total", path=path)
                    continue
                label = "total" if row.group is None else f"the total of {row.group}"
                ctx.checked(path)
                yield from judge_total(
                    code=self.code,
                    default=self.severity,
                    path=path,
                    stated=stated,
                    parts=parts,
                    part_paths=paths,
                    what=f"{label} in column {column.label!r} of table {table.id!r},",
                    overlapping=column.overlapping,
                )

    def _figures(self, doc: AnnualReport, ctx: Context) -> Iterator[Finding]:
        for i, figure in enumerate(doc.figures):
            if not figure.parts:
                continue
            path = join_path(["figures", i, "value"])
            found = [ctx.figures.get(part) for part in figure.parts]
            missing = [p for p, f in zip(figure.parts, found, strict=True) if f is None]
            if missing:
                ctx.skip(f"unknown part figure(s): {', '.join(missing)}", path=path)
                continue
            known = [f for f in found if f is not None]
            ctx.checked(path)
            judged = list(
                judge_total(
                    code=self.code,
                    default=self.severity,
                    path=path,
                    stated=figure.value,
                    parts=[f.value for _, f in known],
                    part_paths=[f"{p}.value" for p, _ in known],
                    what=f"figure {figure.id!r} ({figure.label})",
                    overlapping=figure.overlapping,
                )
            )
            if not any(f.severity is not Severity.INFO for f in judged):
                # Parts that add up to their total are checked with it.
                ctx.checked(*(f"{p}.value" for p, _ in known))
            yield from judged

    def _breakdown(
        self, base: list[str | int], stated: Quantity, breakdown: Breakdown
    ) -> Iterator[Finding]:
        if not breakdown.items:
            return
        yield from judge_total(
            code=self.code,
            default=self.severity,
            path=join_path(base),
            stated=stated,
            parts=[item.value for item in breakdown.items],
            part_paths=[
                join_path([*base, "items", k, "value"]) for k in range(len(breakdown.items))
            ],
            what=f"the count broken down by {breakdown.dimension},",
            overlapping=breakdown.overlapping,
        )

    def _office_totals(
        self, measurements: Sequence[Measurement], ctx: Context
    ) -> Iterator[Finding]:
        groups: dict[tuple[str, int], list[int]] = {}
        for m, measurement in enumerate(measurements):
            groups.setdefault((measurement.indicator, measurement.fiscal_year.year), []).append(m)
        for (indicator_id, year), members in groups.items():
            totals = [
                m
                for m in members
                if measurements[m].office is None and measurements[m].country is None
            ]
            offices = [
                m
                for m in members
                if measurements[m].office is not None and measurements[m].country is None
            ]
            if not totals or not offices:
                continue
            indicator = ctx.indicators.get(indicator_id)
            how = Aggregation.SUM if indicator is None else indicator.over_offices
            if indicator is not None and indicator.numerator is not None:
                continue  # a ratio's total is recomputed from its parts by the ratio rule
            parts = [measurements[m].value for m in offices]
            paths = [join_path(["measurements", m, "value"]) for m in offices]
            for m in totals:
                path = join_path(["measurements", m, "value"])
                stated = measurements[m].value
                what = f"the all-offices value of {indicator_id!r} for FY{year}"
                if how is Aggregation.SUM:
                    yield from judge_total(
                        code=self.code,
                        default=self.severity,
                        path=path,
                        stated=stated,
                        parts=parts,
                        part_paths=paths,
                        what=what,
                    )
                elif how in (Aggregation.MAX, Aggregation.MIN):
                    pick = max if how is Aggregation.MAX else min
                    finding = judge_value(
                        code=self.code,
                        default=self.severity,
                        path=path,
                        stated=stated,
                        computed=pick(p.magnitude for p in parts),
                        what=what,
                        how=f"the {how.value} of the {len(parts)} offices",
                        parts=paths,
                    )
                    if finding is not None:
                        yield finding
                else:
                    ctx.skip(
                        f"indicator {indicator_id!r} does not combine over offices ({how.value})",
                        path=path,
                    )


def _adds_up(stated: Quantity, breakdown: Breakdown) -> bool:
    """True when exact, non-overlapping parts add up exactly to an exact total."""
    if breakdown.overlapping or stated.qualifier is not None:
        return False
    added = Decimal(0)
    for item in breakdown.items:
        value = item.value
        if value.qualifier is not None:
            return False
        added += value.value if value.scale == 1 else value.value * value.scale
    return added == stated.magnitude


def _same_unit(stated: Quantity, parts: Sequence[Quantity]) -> bool:
    units = {p.unit for p in parts if p.unit} | ({stated.unit} if stated.unit else set())
    return len(units) <= 1
