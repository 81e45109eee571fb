"""Tests of document navigation: sections, programmes and record lists with their paths."""

from __future__ import annotations

import pytest

from clairlib.calendar import FiscalYear
from clairlib.errors import ClairlibError
from clairlib.model import (
    AnnualPlan,
    AnnualReport,
    Event,
    Organisation,
    Programme,
    Section,
    StaffCount,
)
from clairlib.model.navigation import (
    RECORD_LISTS,
    RecordListError,
    iter_programmes,
    iter_sections,
    programme_pillars,
    record_list,
)


def _report() -> AnnualReport:
    # Pillar P1's section holds a nested section; p3 names its own pillar; p4 has none.
    inner = Section(
        id="s1-1",
        title="(1)",
        programmes=(Programme(id="p2", name="研修"), Programme(id="p3", name="派遣", pillar="P3")),
    )
    return AnnualReport(
        id="r",
        title="平成25年度事業報告",
        fiscal_year=FiscalYear(2013),
        sections=(
            Section(
                id="s1",
                title="第1",
                pillar="P1",
                programmes=(Programme(id="p1", name="交流"),),
                sections=(inner,),
            ),
            Section(id="s2", title="第2", programmes=(Programme(id="p4", name="広報"),)),
        ),
    )


def test_sections_come_before_the_sections_inside_them() -> None:
    """iter_sections walks depth first, each section before its subsections, with paths."""
    assert [
        ("$.sections[0]", "s1"),
        ("$.sections[0].sections[0]", "s1-1"),
        ("$.sections[1]", "s2"),
    ] == [(path, section.id) for path, section in iter_sections(_report())]


def test_programmes_in_document_order_with_paths() -> None:
    """iter_programmes yields a section's programmes, then those of its subsections."""
    assert [
        ("$.sections[0].programmes[0]", "p1"),
        ("$.sections[0].sections[0].programmes[0]", "p2"),
        ("$.sections[0].sections[0].programmes[1]", "p3"),
        ("$.sections[1].programmes[0]", "p4"),
    ] == [(path, programme.id) for path, programme in iter_programmes(_report())]


def test_a_programme_counts_under_its_own_pillar_else_its_sections() -> None:
    """A pillar is inherited from the enclosing sections; a programme of none is left out."""
    assert {"p1": "P1", "p2": "P1", "p3": "P3"} == programme_pillars(_report())


def test_record_lists_of_a_report_and_of_a_plan() -> None:
    """A report's lists are its records (staff under the organisation); a plan's are empty."""
    event = Event(id="e1", name="セミナー")
    staff = StaffCount(office="HQ", rank="主査", count=12)
    report = AnnualReport(
        id="r",
        title="事業報告",
        fiscal_year=FiscalYear(2013),
        events=(event,),
        organisation=Organisation(staff=(staff,)),
    )
    assert ("$.events", (event,)) == record_list(report, "events")
    assert ("$.organisation.staff", (staff,)) == record_list(report, "staff")
    plan = AnnualPlan(id="p", title="事業計画", fiscal_year=FiscalYear(2025))
    assert [(f"$.{name}", ()) for name in RECORD_LISTS] == [
        record_list(plan, name) for name in RECORD_LISTS
    ]


def test_an_unknown_record_list_is_refused_by_name() -> None:
    """Asking for a list that does not exist names it and the lists there are."""
    with pytest.raises(RecordListError, match=r"expected a record list \(events, .*found 'talks'"):
        record_list(_report(), "talks")
    assert issubclass(RecordListError, ClairlibError)
