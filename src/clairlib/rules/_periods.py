"""period-within-fy: what a report dates lies in its fiscal year."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import attrs

from clairlib.calendar import FiscalYear
from clairlib.errors import ClairlibError
from clairlib.findings import Evidence, Finding, Severity, join_path
from clairlib.model.documents import AnnualReport, Document, MidTermPlan

_DATED = (
    ("events", "period"),
    ("persons", "period"),
    ("publications", "period"),
    ("meetings", "date"),
)


def _named(year: FiscalYear) -> str:
    # Years before the era calendar (1873) have no Japanese name: leave it out.
    try:
        return f"{year.to_wareki()}, "
    except ClairlibError:
        return ""


@attrs.frozen(kw_only=True)
class PeriodWithinFiscalYear:
    """Dated records of a report lie within its fiscal year; a plan's targets in its period.

    An event, person, publication or meeting dated wholly outside the report's fiscal
    year is a warning; one that runs over its start or end is a note. A mid-term plan's
    target for a fiscal year outside the plan period is a warning.
    """

    code: str = "period-within-fy"
    description: str = "dated records lie within the document's fiscal year"
    severity: Severity = Severity.WARNING

    def check(self, doc: Document, ctx: object) -> Iterator[Finding]:
        """Yield a finding for every date outside the document's fiscal year or period."""
        if isinstance(doc, MidTermPlan):
            yield from self._targets(doc)
            return
        if not isinstance(doc, AnnualReport):
            return
        year = doc.fiscal_year
        first, last = year.start, year.end
        named = _named(year)
        for name, field in _DATED:
            records = getattr(doc, name)
            for i, record in enumerate(records):
                period = getattr(record, field)
                if period is None:
                    continue
                start: date = period.start
                end: date = period.end
                if first <= start and end <= last:
                    continue
                outside = end < first or start > last
                text = period.isoformat()
                ident = getattr(record, "id", str(i))
                what = name[:-1]
                yield Finding(
                    rule=self.code,
                    severity=self.severity if outside else Severity.INFO,
                    path=join_path([name, i, field]),
                    message=(
                        f"{what} {ident!r} is dated {text}, outside the report's fiscal year "
                        f"{year} ({named}{first} … {last})"
                        if outside
                        else f"{what} {ident!r} is dated {text}, running over the edge of "
                        f"the report's fiscal year {year} ({first} … {last})"
                    ),
                    evidence=Evidence(left=text, op="within", right=year.isoformat()),
                )

    def _targets(self, doc: MidTermPlan) -> Iterator[Finding]:
        # Compared by dates: a plan period may start where no fiscal year can be named
        # (year 1), and a target's year lies within it when the two overlap.
        start, end = doc.period.start, doc.period.end
        span = doc.period.isoformat()
        for i, target in enumerate(doc.targets):
            year = target.fiscal_year
            if year is None or (year.end >= start and year.start <= end):
                continue
            yield Finding(
                rule=self.code,
                severity=self.severity,
                path=join_path(["targets", i, "fiscal_year"]),
                message=f"a target of {target.indicator!r} is set for {year}, outside the "
                f"plan period {span}",
                evidence=Evidence(left=year.isoformat(), op="within", right=span),
            )
