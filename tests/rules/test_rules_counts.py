"""count-of-rows: declared counts against the records and table rows they count."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

import attrs

from clairlib.findings import Severity
from clairlib.model import AnnualReport, Quantity, Selector
from clairlib.rules import CountOfRows, validate

SetCell = Callable[[AnnualReport, str, int, str, Any], AnnualReport]
SetFigure = Callable[..., AnnualReport]


def _counts(doc: AnnualReport) -> list[Any]:
    return list(validate(doc, rules=[CountOfRows()]).findings)


def test_printed_counts_hold(excerpt: AnnualReport) -> None:
    """「12 か国、21 地域で 45 件」, 9 名 in 5 か国 and 5 分野, 8 件, 97 名, 12 事業 all hold.

    By hand from the events table: 9+2+10+3+4+2+1+3+3+5+3 = 45 events; countries US GB
    FR CH SG TH PH VN ID AU KR CN = 12 (香港 printed under 中国); 21 distinct venues as
    printed in 開催場所; experts 7×1 + 2 (東京都) = 9 persons; staff 11+13+12+23+16+9+13 = 97.
    """
    assert [] == _counts(excerpt)


def test_declared_event_count_off_by_one(excerpt: AnnualReport, set_figure: SetFigure) -> None:
    """46 件 declared against the 45 listed events is an error naming every event counted."""
    doc = set_figure(excerpt, "f1-events-count", value=Quantity.of(46, "件"))
    findings = _counts(doc)
    assert ["$.figures[0].value"] == [f.path for f in findings]
    evidence = findings[0].evidence
    assert evidence is not None
    assert (Decimal(46), "==", Decimal(45)) == (evidence.left, evidence.op, evidence.right)
    assert tuple(f"$.events[{i}]" for i in range(45)) == evidence.parts
    assert "the number of events where tags = t1-1" in findings[0].message


def test_hong_kong_as_its_own_country_gives_13(excerpt: AnnualReport) -> None:
    """Coding 香港 as HK rather than under 中国 makes 13 countries against the printed 12."""
    events = list(excerpt.events)
    hk = next(i for i, e in enumerate(events) if e.venue is not None and e.venue.text == "香港")
    assert hk == 43
    venue = events[hk].venue
    assert venue is not None
    events[hk] = attrs.evolve(events[hk], venue=attrs.evolve(venue, countries=("HK",)))
    findings = _counts(attrs.evolve(excerpt, events=tuple(events)))
    assert [("$.figures[1].value", Decimal(12), Decimal(13))] == [
        (f.path, f.evidence.left, f.evidence.right) for f in findings if f.evidence
    ]


def test_country_subtotal_counts_its_rows(excerpt: AnnualReport, set_cell: SetCell) -> None:
    """フランス prints 件数 10 over its 10 rows; printing 9 is a count-of-rows error."""
    table = excerpt.tables[0]
    france = next(
        i for i, r in enumerate(table.rows) if r.group == "フランス" and r.kind.value == "subtotal"
    )
    doc = set_cell(excerpt, "t1-1", france, "count", Quantity.of(9, "件"))
    findings = _counts(doc)
    assert [f"$.tables[0].rows[{france}].cells.count"] == [f.path for f in findings]
    evidence = findings[0].evidence
    assert evidence is not None
    assert (Decimal(9), Decimal(10)) == (evidence.left, evidence.right)
    assert tuple(f"$.tables[0].rows[{france + k}]" for k in range(1, 11)) == evidence.parts


def test_expert_table_total_counts_rows(excerpt: AnnualReport, set_cell: SetCell) -> None:
    """<自治体国際協力専門家派遣事業> prints 8 件 for its 8 rows; 9 件 is found."""
    doc = set_cell(excerpt, "t4-2", 8, "period", Quantity.of(9, "件"))
    assert [("$.tables[1].rows[8].cells.period", Decimal(8))] == [
        (f.path, f.evidence.right) for f in _counts(doc) if f.evidence
    ]


def test_more_than_is_one_sided(excerpt: AnnualReport, set_figure: SetFigure) -> None:
    """「40 件超」 holds for 45 events; 「45 件超」 does not."""
    from clairlib.model import Qualifier

    holds = set_figure(
        excerpt, "f1-events-count", value=Quantity.of(40, "件", qualifier=Qualifier.MORE_THAN)
    )
    fails = set_figure(
        excerpt, "f1-events-count", value=Quantity.of(45, "件", qualifier=Qualifier.MORE_THAN)
    )
    assert [] == _counts(holds)
    assert [("<", Severity.ERROR)] == [
        (f.evidence.op, f.severity) for f in _counts(fails) if f.evidence
    ]


def test_unknown_field_in_a_selector_is_a_finding(
    excerpt: AnnualReport, set_figure: SetFigure
) -> None:
    """A selector naming a field events do not have cannot be computed: an error says so."""
    doc = set_figure(
        excerpt,
        "f1-events-count",
        computed_from=Selector(records="events", measure="distinct:colour"),
    )
    findings = _counts(doc)
    assert ["$.figures[0].computed_from"] == [f.path for f in findings]
    assert "colour" in findings[0].message


def test_staff_figure_from_organisation(excerpt: AnnualReport, set_figure: SetFigure) -> None:
    """「海外事務所職員 97 名」 is the organisation's staff; 98 名 is found with 97 computed."""
    doc = set_figure(excerpt, "f-staff-overseas", value=Quantity.of(98, "名"))
    assert [Decimal(97)] == [f.evidence.right for f in _counts(doc) if f.evidence]
