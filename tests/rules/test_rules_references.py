"""reference-exists: programmes, offices, pillars, indicators, figures and tables named exist."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs

from clairlib.calendar import FiscalYear
from clairlib.model import AnnualPlan, AnnualReport, OfficeFocus, Programme, Section
from clairlib.rules import ReferenceExists, validate

SetFigure = Callable[..., AnnualReport]


def _refs(doc: Any) -> list[Any]:
    return list(validate(doc, rules=[ReferenceExists()]).findings)


def test_excerpt_references_resolve(excerpt: AnnualReport) -> None:
    """Every programme, office (NYC … BEJ), pillar, indicator and figure named exists."""
    assert [] == _refs(excerpt)


def test_unknown_ids_are_found_where_they_are_named(
    excerpt: AnnualReport, set_figure: SetFigure
) -> None:
    """An unknown office, programme, pillar and part figure are each a finding at their path."""
    events = list(excerpt.events)
    events[0] = attrs.evolve(events[0], offices=("NYC", "XYZ"), programme="p9-9")
    doc = attrs.evolve(excerpt, events=tuple(events))
    doc = set_figure(doc, "f1-events-count", pillar="8", parts=("f-none",))
    findings = _refs(doc)
    assert [
        ("$.figures[0].pillar", "pillar"),
        ("$.figures[0].parts[0]", "figure"),
        ("$.events[0].programme", "programme"),
        ("$.events[0].offices[1]", "office"),
    ] == [(f.path, f.message.split()[1]) for f in findings]
    assert all("reference-exists" == f.rule for f in findings)


def test_reference_offices_are_known_without_the_organisation(excerpt: AnnualReport) -> None:
    """HQ and a prefectural branch (JP-13) come from clairlib's reference offices."""
    events = list(excerpt.events)
    events[0] = attrs.evolve(events[0], offices=("HQ", "JP-13"))
    doc = attrs.evolve(excerpt, events=tuple(events), organisation=None)
    assert [] == _refs(doc)


def test_documents_own_offices_count(excerpt: AnnualReport) -> None:
    """An office only the document's organisation lists (FRA) is known; unlisted it is not."""
    events = list(excerpt.events)
    events[0] = attrs.evolve(events[0], offices=("FRA",))
    unlisted = attrs.evolve(excerpt, events=tuple(events))
    assert excerpt.organisation is not None
    listed = attrs.evolve(
        unlisted,
        organisation=attrs.evolve(
            excerpt.organisation, offices=(*excerpt.organisation.offices, "FRA")
        ),
    )
    assert ["$.events[0].offices[0]"] == [f.path for f in _refs(unlisted)]
    assert [] == _refs(listed)


def test_without_framework_pillars_are_skipped(excerpt: AnnualReport) -> None:
    """With no framework, pillar references cannot be looked up: one skip, no findings."""
    report = validate(attrs.evolve(excerpt, framework=None), rules=[ReferenceExists()])
    assert () == report.findings
    assert [("$.framework", "reference-exists")] == [(s.path, s.rule) for s in report.skipped]


def test_plan_focus_offices() -> None:
    """An annual plan's office focus naming an unknown office is found."""
    plan = AnnualPlan(
        id="p",
        title="令和7年度事業計画",
        fiscal_year=FiscalYear(2025),
        sections=(Section(id="s", title="t", programmes=(Programme(id="a", name="a"),)),),
        focus=(OfficeFocus(office="SIN", text="…"), OfficeFocus(office="TOK", text="…")),
    )
    assert ["$.focus[1].office"] == [f.path for f in _refs(plan)]


def test_programme_countries_are_iso_codes() -> None:
    """A programme's countries: US and KR are known; ZZ and the name 韓国 are findings."""
    plan = AnnualPlan(
        id="p",
        title="令和7年度事業計画",
        fiscal_year=FiscalYear(2025),
        sections=(
            Section(
                id="s",
                title="t",
                programmes=(
                    Programme(id="a", name="a", countries=("US", "KR")),
                    Programme(id="b", name="b", countries=("ZZ", "US", "韓国")),
                ),
            ),
        ),
    )
    findings = _refs(plan)
    assert [
        "$.sections[0].programmes[1].countries[0]",
        "$.sections[0].programmes[1].countries[2]",
    ] == [f.path for f in findings]
    assert "unknown country 'ZZ': not an ISO 3166-1 alpha-2 code CLDR knows" == findings[0].message


def test_a_row_may_present_a_measurement(excerpt: AnnualReport) -> None:
    """ニューヨーク's row of <海外活動支援件数等> may name its measurement m7-001, not m7-999."""

    def with_record(record: str) -> AnnualReport:
        table = excerpt.tables[2]
        rows = (attrs.evolve(table.rows[0], record=record), *table.rows[1:])
        tables = list(excerpt.tables)
        tables[2] = attrs.evolve(table, rows=rows)
        return attrs.evolve(excerpt, tables=tuple(tables))

    assert [] == _refs(with_record("m7-001"))
    assert ["$.tables[2].rows[0].record"] == [f.path for f in _refs(with_record("m7-999"))]
