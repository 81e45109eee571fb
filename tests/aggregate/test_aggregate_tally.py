"""Tallies and rollups over the FY2013 excerpt, totals worked out by hand from the print."""

from __future__ import annotations

from decimal import Decimal

import pytest

from clairlib.aggregate import Evaluator, SelectorError, evaluate, rollup, tally
from clairlib.model import AnnualReport, Selector

# <平成 25 年度 海外で開催･参加した経済交流関係イベント等一覧>: events per office as the
# report groups them — アメリカ 9 (NYC), イギリス 2 (LON), フランス 10 (PAR), シンガポール 3 +
# タイ 4 + フィリピン 2 + ベトナム 1 + インドネシア 3 = 13 (SIN), オーストラリア 3 (SYD),
# 韓国 5 (SEL), 中国 3 (BEJ).
BY_OFFICE = {"BEJ": 3, "LON": 2, "NYC": 9, "PAR": 10, "SEL": 5, "SIN": 13, "SYD": 3}


def _ints(
    values: dict[str | tuple[str, ...], Decimal | None],
) -> dict[str | tuple[str, ...], int | None]:
    # A group with no value (an unknown count) stays None: it matches no hand total.
    return {k: None if v is None else int(v) for k, v in values.items()}


def test_events_by_office(excerpt: AnnualReport) -> None:
    """Each event has one office: the groups add up to the 45 events, nothing overlaps."""
    result = tally(excerpt, "events", by="office")
    assert BY_OFFICE == _ints(result.as_dict())
    assert (Decimal(45), Decimal(45), Decimal(45), False) == (
        result.total,
        result.gross,
        result.assigned,
        result.overlapping,
    )


def test_events_by_country_overlap_honestly(excerpt: AnnualReport) -> None:
    """パリ、ロンドン and パリ、ローヌ・アルプ州、ジュネーブ等 count under two countries each.

    By hand: US 9, GB 2+1 = 3, FR 10, CH 1, SG 3, TH 4, PH 2, VN 1, ID 3, AU 3, KR 5, CN 3
    (香港 under 中国): 47 country-events for 45 events.
    """
    result = tally(excerpt, "events", by="country")
    assert {
        "AU": 3, "CH": 1, "CN": 3, "FR": 10, "GB": 3, "ID": 3,
        "KR": 5, "PH": 2, "SG": 3, "TH": 4, "US": 9, "VN": 1,
    } == _ints(result.as_dict())  # fmt: skip
    assert (Decimal(45), Decimal(47), True) == (result.total, result.gross, result.overlapping)


def test_events_by_start_month(excerpt: AnnualReport) -> None:
    """Each event counts in the month it starts (平成25年8～9月 in 2013-08)."""
    result = tally(excerpt, "events", by="month")
    assert {
        "2013-04": 1, "2013-05": 3, "2013-06": 1, "2013-07": 3, "2013-08": 4, "2013-09": 5,
        "2013-10": 4, "2013-11": 6, "2013-12": 2, "2014-01": 2, "2014-02": 9, "2014-03": 5,
    } == _ints(result.as_dict())  # fmt: skip


def test_by_fiscal_year_pillar_and_kind(excerpt: AnnualReport) -> None:
    """All 45 events are FY2013 exhibitions under pillar 1."""
    assert {"FY2013": 45} == _ints(tally(excerpt, by="fiscal_year").as_dict())
    assert {"1": 45} == _ints(tally(excerpt, by="pillar").as_dict())
    assert {"exhibition": 45} == _ints(tally(excerpt, by="kind").as_dict())


def test_distinct_countries_per_office(excerpt: AnnualReport) -> None:
    """Distinct countries by office: PAR has FR GB CH, SIN five; GB under two offices.

    By hand: NYC 1 + LON 1 + PAR 3 + SIN 5 + SYD 1 + SEL 1 + BEJ 1 = 13 against 12 distinct.
    """
    result = tally(excerpt, "events", by="office", measure="distinct:country")
    assert {"BEJ": 1, "LON": 1, "NYC": 1, "PAR": 3, "SEL": 1, "SIN": 5, "SYD": 1} == _ints(
        result.as_dict()
    )
    assert (Decimal(12), Decimal(13)) == (result.total, result.gross)


def test_two_dimensions(excerpt: AnnualReport) -> None:
    """By office and month: New York in 2014-03 held 2 (Restaurant Show, ジャパンウィーク)."""
    result = tally(excerpt, "events", by=("office", "month"))
    assert Decimal(2) == result[("NYC", "2014-03")]
    assert Decimal(0) == result.get(("NYC", "2013-04"))


def test_persons_weighted_and_grants_summed(excerpt: AnnualReport) -> None:
    """Experts: 9 persons in 8 rows (東京都 sent 2); grants: 18,909 and 20,496 + 36,906 千円."""
    persons = tally(excerpt, "persons", by="country")
    assert {"BN": 1, "CN": 4, "ID": 1, "MY": 1, "VN": 2} == _ints(persons.as_dict())
    assert Decimal(9) == persons.total
    amounts = tally(excerpt, "grants", by="pillar", measure="sum:amount")
    assert {"1": 18909, "4": 57402} == _ints(amounts.as_dict())


def test_where_filters(excerpt: AnnualReport) -> None:
    """Only the events of the フランス group: 10, in FR 10, GB 1 and CH 1."""
    result = tally(excerpt, "events", by="country", where={"group": "フランス"})
    assert {"CH": 1, "FR": 10, "GB": 1} == _ints(result.as_dict())
    assert Decimal(10) == result.total


def test_rollup_levels_are_each_computed(excerpt: AnnualReport) -> None:
    """Pillar then programme: grants under pillar 4 split p4-3 only; each level from records."""
    pillars, programmes = rollup(
        excerpt, "grants", by=("pillar", "programme"), measure="sum:projects"
    )
    assert {"1": 12, "4": 34} == _ints(pillars.as_dict())
    assert {("1", "p1-1"): 12, ("4", "p4-3"): 34} == _ints(programmes.as_dict())


def test_unassigned_records(excerpt: AnnualReport) -> None:
    """Staff have no month: all 49 rank rows are unassigned, summing to 97."""
    result = tally(excerpt, "staff", by="month", measure="sum:count")
    assert (Decimal(0), Decimal(97), Decimal(97)) == (result.gross, result.unassigned, result.total)


def test_evaluate_a_selector(excerpt: AnnualReport) -> None:
    """The 21 地域 of 「12 か国、21 地域で 45 件」: distinct venues as printed in 開催場所."""
    computed = evaluate(excerpt, Selector(records="events", measure="distinct:venue"))
    assert Decimal(21) == computed.value
    assert 45 == len(computed.parts)


def test_an_evaluator_evaluates_many_selectors_over_one_document(excerpt: AnnualReport) -> None:
    """One Evaluator per document: 45 events, 12 countries, 21 venues, as evaluate gives."""
    evaluator = Evaluator(excerpt)
    assert [Decimal(45), Decimal(12), Decimal(21)] == [
        evaluator.evaluate("events").value,
        evaluator.evaluate("events", measure="distinct:country").value,
        evaluator.evaluate(Selector(records="events", measure="distinct:venue")).value,
    ]


@pytest.mark.parametrize(
    ("records", "measure", "where"),
    [("people", "count", None), ("events", "average:x", None), ("events", "count", {"hue": "red"})],
)
def test_bad_selectors_raise(
    excerpt: AnnualReport, records: str, measure: str, where: dict[str, str] | None
) -> None:
    """An unknown record list, measure or field raises SelectorError, a ClairlibError."""
    with pytest.raises(SelectorError):
        evaluate(excerpt, records, measure=measure, where=where)
