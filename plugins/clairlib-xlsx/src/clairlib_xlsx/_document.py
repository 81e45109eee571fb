"""The document a workbook's records make: the kind and facts of its summary sheet, or hints."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from typing import Any

from clairlib.calendar import FiscalYear, Period
from clairlib.errors import ClairlibError, DocumentError
from clairlib.exporting import CsvRecords
from clairlib.findings import Finding, Severity
from clairlib.model import (
    AnnualPlan,
    AnnualReport,
    Document,
    Framework,
    MidTermPlan,
    Organisation,
    Programme,
    Section,
)
from clairlib.reading import Hints

__all__ = ["build_document"]

_RULE = "xlsx-read"
_FY = re.compile(r"(?:FY)?(\d{1,4})\Z")


def _fiscal_year(
    facts: dict[str, str], hints: Hints, records: CsvRecords, notes: list[Finding]
) -> FiscalYear:
    if hints.fiscal_year is not None:
        return hints.fiscal_year
    match = _FY.match(facts.get("fiscal_year", ""))
    if match is not None:
        return FiscalYear(int(match.group(1)))
    dated: Iterable[Any] = itertools.chain(records.events, records.persons, records.publications)
    starts = itertools.chain(
        (r.period.start for r in dated if r.period is not None),
        (m.fiscal_year.start for m in records.measurements if m.fiscal_year is not None),
    )
    earliest = min(starts, default=None)
    if earliest is None:
        raise DocumentError(
            [
                Finding(
                    rule=_RULE,
                    severity=Severity.ERROR,
                    path="$",
                    message="cannot tell the fiscal year: the workbook has no summary sheet "
                    "and no dated record; give it as a hint",
                )
            ]
        )
    year = FiscalYear.of(earliest)
    notes.append(
        Finding(
            rule=_RULE,
            severity=Severity.INFO,
            path="$.fiscal_year",
            message=f"fiscal year {year} taken from the earliest date of the records",
        )
    )
    return year


def _sections(programmes: Iterable[tuple[str, Programme]]) -> tuple[Section, ...]:
    # One section per run of rows with the same section id, so the programmes keep
    # their order; the tables keep the section each is printed in, not its title.
    runs: list[tuple[str, list[Programme]]] = []
    for section, programme in programmes:
        if runs and runs[-1][0] == section:
            runs[-1][1].append(programme)
        else:
            runs.append((section, [programme]))
    return tuple(
        Section(id=section, title=section, programmes=tuple(items)) for section, items in runs
    )


def build_document(
    records: CsvRecords,
    sections: Iterable[tuple[str, Programme]],
    facts: dict[str, str],
    hints: Hints,
    name: str,
) -> tuple[Document, list[Finding]]:
    """The document of the records; findings for what had to be assumed."""
    notes: list[Finding] = []
    kind = hints.kind or facts.get("kind") or "annual_report"
    ident = facts.get("id") or name
    title = facts.get("title") or ident
    issuer = facts.get("issuer") or None
    if kind == "mid_term_plan":
        try:
            period = Period.fromisoformat(facts.get("period", ""))
        except ClairlibError:
            raise DocumentError(
                [Finding(rule=_RULE, severity=Severity.ERROR, path="$.period",
                         message="a mid-term plan needs its period (期間) on the summary sheet")]
            ) from None  # fmt: skip
        document: Document = MidTermPlan(
            id=ident, title=title, period=period, issuer=issuer,
            framework=Framework(id=facts.get("framework", ident), title=title),
            indicators=records.indicators, targets=records.targets,
        )  # fmt: skip
        return document, notes
    fiscal_year = _fiscal_year(facts, hints, records, notes)
    if kind == "annual_plan":
        document = AnnualPlan(
            id=ident, title=title, fiscal_year=fiscal_year, issuer=issuer,
            sections=_sections(sections), indicators=records.indicators,
            targets=records.targets,
        )  # fmt: skip
        return document, notes
    if kind != "annual_report":
        raise DocumentError(
            [Finding(rule=_RULE, severity=Severity.ERROR, path="$.kind",
                     message=f"expected annual_report, annual_plan or mid_term_plan, "
                     f"found {kind!r}")]
        )  # fmt: skip
    organisation = (
        Organisation(officers=records.officers, staff=records.staff)
        if records.officers or records.staff
        else None
    )
    document = AnnualReport(
        id=ident, title=title, fiscal_year=fiscal_year, issuer=issuer,
        sections=_sections(sections), figures=records.figures, events=records.events,
        persons=records.persons, grants=records.grants, publications=records.publications,
        indicators=records.indicators, measurements=records.measurements,
        meetings=records.meetings, organisation=organisation,
    )  # fmt: skip
    return document, notes
