"""Coverage: every printed figure ends agreeing, disagreeing, awaiting or unchecked."""

from __future__ import annotations

from collections.abc import Callable

from hypothesis import given, settings

from clairlib.calendar import FiscalYear
from clairlib.findings import join_path
from clairlib.model import AnnualPlan, AnnualReport, ColumnRole, Quantity, RowKind
from clairlib.rules import State, default_rules, validate
from tests.strategies import annual_reports, audited_reports


def test_excerpt_coverage_counts(excerpt: AnnualReport) -> None:
    """The excerpt prints 42 figures: 15 figure values, 3 changes, 24 計 and 件数 cells.

    Worked out from the excerpt: 9 figures with a selector and the 24 cells agree; the
    TEFL rate 68.5 % disagrees; 83 件, 約 1,552 万件 and 521 件 have no records, nor have
    168 名 and 116 名 (the ratio they make is wrong, so they are not vouched for); the
    three 前年度比 await last year's report.
    """
    coverage = validate(excerpt, rules=default_rules()).coverage
    assert {
        "total": 42,
        "checked": 34,
        "agree": 33,
        "disagree": 1,
        "awaiting": 3,
        "unchecked": 5,
    } == coverage.as_dict()
    assert ("$.figures[7].value",) == tuple(f.path for f in coverage.of(State.DISAGREE))
    assert {"$.figures[11].change", "$.figures[12].change", "$.figures[13].change"} == {
        f.path for f in coverage.of(State.AWAITING)
    }
    assert {"previous"} == {f.awaits for f in coverage.of(State.AWAITING)}


def test_parts_of_a_ratio_that_holds_are_checked(
    excerpt: AnnualReport, set_figure: Callable[..., AnnualReport]
) -> None:
    """With 69.0 % printed, the rate and both its counts agree."""
    fixed = set_figure(excerpt, "f3-tefl-rate", value=Quantity.of("69.0", "%"))
    coverage = validate(fixed, rules=default_rules()).coverage
    states = {f.path: f.state for f in coverage.figures}
    assert [State.AGREE] * 3 == [states[f"$.figures[{i}].value"] for i in (5, 6, 7)]
    assert (36, 0) == (coverage.agree, coverage.disagree)


def test_a_figure_says_why_it_cannot_be_recomputed(
    excerpt: AnnualReport, set_figure: Callable[..., AnnualReport]
) -> None:
    """A figure's own ``unchecked`` text is its reason; without one, no records behind it."""
    why = "the print counts requests, the records list themes"
    doc = set_figure(excerpt, "f5-research-count", unchecked=why)
    coverage = validate(doc, rules=default_rules()).coverage
    reasons = {f.path: f.reason for f in coverage.of(State.UNCHECKED)}
    assert why == reasons["$.figures[11].value"]
    assert (reasons["$.figures[12].value"] or "").startswith("no records behind it")


def test_a_previous_report_turns_awaiting_into_checked(excerpt: AnnualReport) -> None:
    """Given last year's report without the figures, the changes are unchecked, not awaiting."""
    last = AnnualReport(id="fy2012", title="t", fiscal_year=excerpt.fiscal_year - 1)
    coverage = validate(excerpt, rules=default_rules(), previous=last).coverage
    assert 0 == coverage.awaiting
    assert 8 == coverage.unchecked


_DASHES = ("", "-", "－", "–", "—", "‐", "―", "ー")


def _printed(doc: AnnualReport) -> list[str]:
    """The paths of the printed figures, enumerated from the model by hand."""
    out = []
    for i, figure in enumerate(doc.figures):
        out.append(f"$.figures[{i}].value")
        if figure.change is not None:
            out.append(f"$.figures[{i}].change")
    for t, table in enumerate(doc.tables):
        roles = {c.key: c.role for c in table.columns}
        for r, row in enumerate(table.rows):
            if row.kind is RowKind.DATA:
                continue
            for key, cell in row.cells.items():
                if roles.get(key, ColumnRole.LABEL) is ColumnRole.LABEL or cell is None:
                    continue
                if isinstance(cell, str) and cell.strip() in _DASHES:
                    continue
                out.append(join_path(["tables", t, "rows", r, "cells", key]))
    return out


@settings(max_examples=60, deadline=None)
@given(annual_reports | audited_reports())
def test_the_four_states_partition_the_figures(doc: AnnualReport) -> None:
    """Every printed figure is in exactly one state, and the counts add up."""
    report = validate(doc, rules=default_rules())
    coverage = report.coverage
    assert sorted(_printed(doc)) == sorted(f.path for f in coverage.figures)
    by_state = [{f.path for f in coverage.of(state)} for state in State]
    assert len(coverage.figures) == sum(len(s) for s in by_state)
    assert coverage.total == coverage.checked + coverage.awaiting + coverage.unchecked
    assert coverage.checked == coverage.agree + coverage.disagree
    faulted = {f.path for f in report.findings if f.severity.value != "info"}
    for figure in coverage.of(State.DISAGREE):
        base = figure.path.split(".value")[0] if figure.path.startswith("$.figures") else None
        assert figure.path in faulted or any(p.startswith(f"{base}.") for p in faulted)
    for figure in (*coverage.of(State.AWAITING), *coverage.of(State.UNCHECKED)):
        assert figure.reason


def test_a_plan_prints_no_figures_of_its_own() -> None:
    """Coverage of a plan alone is empty: its targets are checked against a report."""
    plan = AnnualPlan(id="p", title="p", fiscal_year=FiscalYear(2013))
    assert 0 == validate(plan, rules=default_rules()).coverage.total
