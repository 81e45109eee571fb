"""summarize: per pillar each headline once, declared beside computed, with its scope."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path

import pytest

import clairlib
from clairlib import reference
from clairlib.aggregate import Basis, Headline, summarize, summarize_plan, tally
from clairlib.aggregate._summary import scope_of
from clairlib.calendar import FiscalYear
from clairlib.model import AnnualPlan, AnnualReport, Grant, Quantity, Selector

EXAMPLES = Path(__file__).parents[2] / "examples"


@pytest.fixture(scope="module")
def report() -> AnnualReport:
    """The complete FY2013 example report."""
    doc = clairlib.load(EXAMPLES / "fy2013-report.json")
    assert isinstance(doc, AnnualReport)
    return doc


def _pairs(headlines: Iterable[Headline]) -> dict[str, tuple[int | None, int | None]]:
    """Headline key → (declared, computed), as ints."""
    return {h.key: (_int(h.declared), _int(h.computed)) for h in headlines}


def _int(value: Decimal | None) -> int | None:
    return None if value is None else int(value)


def test_pillar_one_each_headline_once(excerpt: AnnualReport) -> None:
    """Pillar 1: 45 件, 12 か国, 21 地域 printed and recomputed over table t1-1, once each.

    The excerpt's pillar-1 events are exactly t1-1's 45, so the pillar-wide computed
    events, countries and regions repeat the declared lines and are left out; the one
    grant (12 事業, 18,909 千円) is declared; the grant count is computed only.
    """
    pillar = summarize(excerpt).pillar("1")
    assert "自治体の海外における経済活動を支援" == pillar.title
    assert {
        "events": (45, 45),
        "countries": (12, 12),
        "regions": (21, 21),
        "grant_projects": (12, 12),
        "grant_amount": (18909, 18909),
        "grants": (None, 1),
    } == _pairs(pillar.headlines)
    assert 6 == len(pillar.headlines)
    events = pillar.get("events")
    assert events is not None
    assert ("45 件", "$.figures[0].value") == (events.text, events.path)
    assert events.scope.startswith("events of table t1-1 (")


def test_a_pillar_total_beside_a_table_figure(report: AnnualReport) -> None:
    """FY2013 pillar 1: the records hold 73 events over all its tables, t1-1 prints 45.

    73 = 45 (t1-1) + 9 (t1-2) − 3 (both) + 2 (t1-4) + 1 (t1-5) + 19 (t1-6).
    """
    pillar = summarize(report).pillar("1")
    events = [h for h in pillar.headlines if h.key == "events"]
    table = next(h for h in events if h.path == "$.figures[6].value")
    whole = next(h for h in events if h.declared is None)
    assert (Decimal(45), Decimal(45)) == (table.declared, table.computed)
    assert Decimal(73) == whole.computed
    assert "pillar 1's programmes" in whole.scope
    assert "t1-1" in table.scope


def test_pillar_four_and_seven(excerpt: AnnualReport) -> None:
    """Pillar 4's experts and grants; pillar 7's 521 support cases, with no records.

    Pillar 4: 9 名 in 5 か国 printed and recomputed; grants 17 + 17 = 34 projects,
    20,496 + 36,906 = 57,402 千円, computed only. Pillar 7: 521 in prose and as the KPI.
    """
    summary = summarize(excerpt)
    four = _pairs(summary.pillar("4").headlines)
    assert (9, 9) == four["persons"]
    assert (5, 5) == four["countries"]
    assert ((None, 2), (None, 34), (None, 57402)) == (
        four["grants"],
        four["grant_projects"],
        four["grant_amount"],
    )
    seven = summary.pillar("7").headlines
    assert {
        "figure:f7-support-cases": (521, None),
        "indicator:kpi-support-cases": (521, None),
    } == _pairs(seven)
    assert "no records behind it" == seven[0].note


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
    assert {"staff": (97, 97)} == _pairs(summary.pillar(None).headlines)
    total = _pairs(summary.total.headlines)
    assert (45, 14, 9, 3, 46, 76311, 97) == tuple(
        total[k][1]
        for k in (
            "events",
            "countries",
            "persons",
            "grants",
            "grant_projects",
            "grant_amount",
            "staff",
        )
    )
    countries = summary.total.get("countries")
    assert countries is not None
    assert "persons" in countries.scope
    assert FiscalYear(2013) == summary.fiscal_year


def test_an_amount_not_printed_stays_unknown() -> None:
    """Two grants, one without an amount: the amount granted is not printed, never 0."""
    doc = AnnualReport(
        id="r",
        title="r",
        fiscal_year=FiscalYear(2013),
        grants=(
            Grant(id="a", amount=Quantity.of(100, "千円")),
            Grant(id="b", projects=Quantity.of(3, "事業")),
        ),
    )
    amount = summarize(doc).total.get("grant_amount")
    assert amount is not None
    assert (None, "not printed for 1 of 2 grants") == (amount.computed, amount.note)
    assert None is tally(doc, "grants", by="id", measure="sum:amount").total
    assert Decimal(100) == tally(doc, "grants", by="id", measure="sum:amount")["a"]
    assert None is tally(doc, "grants", by="id", measure="sum:amount")["b"]


def test_labels_in_one_language(excerpt: AnnualReport) -> None:
    """--lang ja: computed labels in Japanese, declared ones as printed; en: no kana."""
    ja = summarize(excerpt, lang="ja")
    assert "出展等を行ったイベント" == ja.pillar("1").headlines[0].label
    assert "助成" == ja.pillar("1").headlines[-1].label
    en = summarize(excerpt, lang="en")
    assert ["events (f1-events-count)", "grants"] == [
        en.pillar("1").headlines[i].label for i in (0, -1)
    ]
    with pytest.raises(ValueError, match="language"):
        summarize(excerpt, lang="fr")  # type: ignore[arg-type]


def test_basis_and_value_of_a_headline(excerpt: AnnualReport) -> None:
    """A printed headline is declared, its value the printed one; else computed."""
    pillar = summarize(excerpt).pillar("1")
    events, grants = pillar.get("events"), pillar.get("grants")
    assert events is not None
    assert grants is not None
    assert (Basis.DECLARED, Decimal(45)) == (events.basis, events.value)
    assert (Basis.COMPUTED, Decimal(1)) == (grants.basis, grants.value)


def test_plan_summary_counts_programmes_per_pillar() -> None:
    """FY2025 plan: 22 programmes, I 3, II 5, III 4, IV 3, V 2, VI 3, VII 2, base 0."""
    plan = clairlib.load(EXAMPLES / "fy2025-plan.json")
    assert isinstance(plan, AnnualPlan)
    summary = summarize_plan(plan)
    assert 22 == summary.programmes
    expected = [("I", 3), ("II", 5), ("III", 4), ("IV", 3), ("V", 2), ("VI", 3), ("VII", 2)]
    expected.append(("base", 0))
    assert expected == [(p.pillar, p.programmes) for p in summary.pillars]


def test_mid_term_plan_summary_counts_objectives() -> None:
    """The mid-term plan's pillars hold 5 5 4 4 3 4 4 3 objectives (①… under each)."""
    plan = reference.mid_term_plan()
    summary = summarize_plan(plan, lang="ja")
    assert [5, 5, 4, 4, 3, 4, 4, 3] == [p.objectives for p in summary.pillars]
    assert "mid_term_plan" == summary.kind


def test_a_japanese_scope_names_fields_and_kinds_in_japanese() -> None:
    """A Japanese summary's scope says 種別 = 団体, not kind = bodies; ids stay as printed."""
    selector = Selector(records="participants", where={"event": "e1-052", "kind": "bodies"})
    assert "参加者数(イベント = e1-052, 種別 = 団体)" == scope_of(selector, {}, "ja")
    assert "participant counts where event = e1-052, kind = bodies" == scope_of(selector, {}, "en")
