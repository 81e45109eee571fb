"""Reading each document's text gives back the example typed by hand from the same print."""

from __future__ import annotations

import json

import pytest

import clairlib
from clairlib.model import AnnualPlan, AnnualReport, Document, MidTermPlan
from clairlib.reading._compare import compare
from tests.reading.conftest import DOCUMENTS, SOURCES


def _without_origins(doc: Document) -> object:
    def strip(value: object) -> object:
        if isinstance(value, dict):
            return {k: strip(v) for k, v in value.items() if k != "origin"}
        if isinstance(value, list):
            return [strip(v) for v in value]
        return value

    return strip(json.loads(clairlib.dumps(doc)))


@pytest.mark.parametrize("name", DOCUMENTS)
def test_outline_is_the_examples(name: str, examples: dict[str, Document]) -> None:
    """Every section and programme, in order, with priority, 再掲 and pillar, as typed."""
    reading = clairlib.read(SOURCES / f"{name}.txt")
    comparison = compare(examples[name], reading.document)
    assert [] == comparison.outline_diff


@pytest.mark.parametrize("name", DOCUMENTS)
def test_narrative_comes_back_in_its_programme(name: str, examples: dict[str, Document]) -> None:
    """At least 99% of the example's narrative characters are read in the right place."""
    reading = clairlib.read(SOURCES / f"{name}.txt")
    comparison = compare(examples[name], reading.document)
    assert comparison.narrative_share >= 0.99


def test_fy2013_prose_figures() -> None:
    """At least 95% of the FY2013 prose figures come back with value, unit, scale, qualifier."""
    expected = clairlib.load(SOURCES.parents[2] / "examples" / "fy2013-report.json")
    reading = clairlib.read(SOURCES / "fy2013-report.txt")
    comparison = compare(expected, reading.document)
    assert 126 == comparison.figures_expected
    assert comparison.figure_share >= 0.95


def test_kinds_and_years_from_the_titles() -> None:
    """Kind and fiscal year come from 平成２３年度事業計画, 令和7年度事業計画, 中期経営計画(…)."""
    fy2011 = clairlib.read(SOURCES / "fy2011-plan.txt").document
    fy2025 = clairlib.read(SOURCES / "fy2025-plan.txt").document
    midterm = clairlib.read(SOURCES / "midterm-plan-2022.txt").document
    assert isinstance(fy2011, AnnualPlan)
    assert isinstance(fy2025, AnnualPlan)
    assert isinstance(midterm, MidTermPlan)
    assert (2011, "平成２３年度事業計画", "fy2011") == (
        fy2011.fiscal_year.year,
        fy2011.title,
        fy2011.framework and fy2011.framework.id,
    )
    assert (2025, "midterm-2022") == (
        fy2025.fiscal_year.year,
        fy2025.framework and fy2025.framework.id,
    )
    assert "FY2022/FY2026" == midterm.period.isoformat()


def test_fy2013_without_a_title_says_how_it_was_told() -> None:
    """The FY2013 text prints no title: kind and year are inferred, and a finding says so."""
    reading = clairlib.read(SOURCES / "fy2013-report.txt")
    assert isinstance(reading.document, AnnualReport)
    assert 2013 == reading.document.fiscal_year.year
    rules = {finding.rule for finding in reading.findings}
    assert "read.title-inferred" in rules
    assert not reading.has_errors


def test_hints_override_the_title() -> None:
    """A fiscal year passed by the caller wins over the title, with a finding."""
    reading = clairlib.read(SOURCES / "fy2025-plan.txt", fiscal_year=2024)
    assert isinstance(reading.document, AnnualPlan)
    assert 2024 == reading.document.fiscal_year.year
    assert "read.fiscal-year-differs" in {finding.rule for finding in reading.findings}


def test_midterm_plan_is_the_example_but_for_origins(examples: dict[str, Document]) -> None:
    """The mid-term plan's text reads into exactly the example: parts, pillars, objectives."""
    reading = clairlib.read(SOURCES / "midterm-plan-2022.txt")
    assert _without_origins(examples["midterm-plan-2022"]) == _without_origins(reading.document)


def test_reading_round_trips_through_canonical_json() -> None:
    """What was read, origins included, loads back from its canonical JSON unchanged."""
    reading = clairlib.read(SOURCES / "fy2013-report.txt")
    text = clairlib.dumps(reading.document)
    assert reading.document == clairlib.load(text)
    assert '"origin"' in text
