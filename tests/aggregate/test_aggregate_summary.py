"""summarize: per pillar the headline figures, computed and declared."""

from __future__ import annotations

from clairlib.aggregate import Basis, summarize
from clairlib.calendar import FiscalYear
from clairlib.model import AnnualReport


def _values(headlines: object) -> dict[tuple[str, str], int]:
    return {(h.key, h.basis.value): int(h.value) for h in headlines}  # type: ignore[attr-defined]


def test_pillar_one_economic_events(excerpt: AnnualReport) -> None:
    """Pillar 1's headlines, computed and declared, agree.

    45 events, 12 countries, 21 regions, one grant of 12 projects and 18,909 千円.
    """
    pillar = summarize(excerpt).pillar("1")
    assert "自治体の海外における経済活動を支援" == pillar.title
    assert {
        ("events", "computed"): 45, ("events", "declared"): 45,
        ("countries", "computed"): 12, ("countries", "declared"): 12,
        ("regions", "computed"): 21, ("regions", "declared"): 21,
        ("grants", "computed"): 1,
        ("grant_projects", "computed"): 12, ("grant_projects", "declared"): 12,
        ("grant_amount", "computed"): 18909, ("grant_amount", "declared"): 18909,
    } == _values(pillar.headlines)  # fmt: skip
    declared = pillar.get("events", Basis.DECLARED)
    assert declared is not None
    assert ("45 件", "$.figures[0].value") == (declared.text, declared.path)


def test_pillar_four_and_seven(excerpt: AnnualReport) -> None:
    """Pillar 4's experts and grants; pillar 7's declared support cases.

    Pillar 4: 9 名 in 5 か国, grants 17 + 17 = 34 projects, 20,496 + 36,906 = 57,402 千円.
    Pillar 7: the declared 521 support cases, in prose and as the KPI.
    """
    summary = summarize(excerpt)
    four = _values(summary.pillar("4").headlines)
    assert (9, 5, 2, 34, 57402) == (
        four[("persons", "computed")],
        four[("countries", "computed")],
        four[("grants", "computed")],
        four[("grant_projects", "computed")],
        four[("grant_amount", "computed")],
    )
    seven = _values(summary.pillar("7").headlines)
    assert {
        ("figure:f7-support-cases", "declared"): 521,
        ("indicator:kpi-support-cases", "declared"): 521,
    } == seven


def test_every_pillar_listed_in_framework_order(excerpt: AnnualReport) -> None:
    """Pillars 1–7 in order (2 and 6 empty in the excerpt), then the whole body."""
    summary = summarize(excerpt)
    assert ["1", "2", "3", "4", "5", "6", "7", None] == [p.pillar for p in summary.pillars]
    assert () == summary.pillar("2").headlines


def test_staff_and_totals(excerpt: AnnualReport) -> None:
    """Staff 97 名 for the whole body; totals computed afresh: 14 countries, not 12 + 5.

    Countries by hand: events US GB FR CH SG TH PH VN ID AU KR CN, experts add MY and BN
    (CN ID VN already counted). Grants 18,909 + 57,402 = 76,311 千円.
    """
    summary = summarize(excerpt)
    assert {("staff", "computed"): 97, ("staff", "declared"): 97} == _values(
        summary.pillar(None).headlines
    )
    total = _values(summary.total.headlines)
    assert (45, 14, 9, 3, 46, 76311, 97) == (
        total[("events", "computed")],
        total[("countries", "computed")],
        total[("persons", "computed")],
        total[("grants", "computed")],
        total[("grant_projects", "computed")],
        total[("grant_amount", "computed")],
        total[("staff", "computed")],
    )
    assert FiscalYear(2013) == summary.fiscal_year
