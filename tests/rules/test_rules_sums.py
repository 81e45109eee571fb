"""sum-of-parts: 計 rows, figure parts, breakdowns and all-office totals against their parts."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

import attrs

from clairlib.findings import Severity
from clairlib.model import (
    AnnualReport,
    Column,
    ColumnRole,
    Figure,
    Qualifier,
    Quantity,
    Row,
    RowKind,
    Table,
)
from clairlib.rules import SumOfParts, validate

SetCell = Callable[[AnnualReport, str, int, str, Any], AnnualReport]

# <平成 25 年度 海外活動支援件数等> (t7-1 is $.tables[2]): rows 0-6 are ニューヨーク ロンドン
# パリ シンガポール ソウル シドニー 北京, row 7 is 計 521 381 79 61 3,147.
SUPPORT = 2
TOTAL_ROW = 7


def _sums(doc: AnnualReport) -> list[Any]:
    return list(validate(doc, rules=[SumOfParts()]).findings)


def test_printed_excerpt_adds_up(excerpt: AnnualReport) -> None:
    """Every 計 row, breakdown and office total of the excerpt adds up, as printed.

    By hand: 47+87+80+156+85+44+22 = 521; 37+50+45+126+80+22+21 = 381;
    6+12+19+21+4+16+1 = 79; 4+25+16+9+1+6 = 61 (北京 prints no その他);
    197+405+483+1,035+522+318+187 = 3,147; staff 11 13 12 23 16 9 13.
    """
    assert [] == _sums(excerpt)


def test_a_misprinted_cell_is_one_finding_with_evidence(
    excerpt: AnnualReport, set_cell: SetCell
) -> None:
    """シンガポール printed as 155 makes 計 521 one more than its parts, 520."""
    doc = set_cell(excerpt, "t7-1", 3, "cases", Quantity.of(155, "件"))
    findings = _sums(doc)
    assert 1 == len(findings)
    finding = findings[0]
    assert "sum-of-parts" == finding.rule
    assert Severity.ERROR == finding.severity
    assert f"$.tables[{SUPPORT}].rows[{TOTAL_ROW}].cells.cases" == finding.path
    assert finding.evidence is not None
    assert (Decimal(521), "==", Decimal(520), None) == (
        finding.evidence.left,
        finding.evidence.op,
        finding.evidence.right,
        finding.evidence.tolerance,
    )
    assert tuple(f"$.tables[{SUPPORT}].rows[{r}].cells.cases" for r in range(7)) == (
        finding.evidence.parts
    )
    assert "1 less than printed" in finding.message


def test_blank_and_dash_cells_count_as_nothing(excerpt: AnnualReport, set_cell: SetCell) -> None:
    """北京's empty その他 and a printed dash both stand for zero: 61 still adds up."""
    doc = set_cell(excerpt, "t7-1", 6, "others", "－")
    assert [] == _sums(doc)


def test_text_in_a_sum_column_is_skipped_with_reason(
    excerpt: AnnualReport, set_cell: SetCell
) -> None:
    """A part that is text cannot be added: the total is skipped, with the reason."""
    doc = set_cell(excerpt, "t7-1", 0, "persons", "不明")
    report = validate(doc, rules=[SumOfParts()])
    assert () == report.findings
    assert [f"$.tables[{SUPPORT}].rows[{TOTAL_ROW}].cells.persons"] == [
        s.path for s in report.skipped
    ]
    assert "不明" in report.skipped[0].reason


def test_staff_table_total(excerpt: AnnualReport, set_cell: SetCell) -> None:
    """<海外事務所職員内訳>: シンガポール 1+1+0+1+12+3+5 = 23; printing 22 is found."""
    doc = set_cell(excerpt, "t-staff", 7, "SIN", Quantity.of(22, "名"))
    findings = _sums(doc)
    assert ["$.tables[3].rows[7].cells.SIN"] == [f.path for f in findings]
    assert findings[0].evidence is not None
    assert Decimal(23) == findings[0].evidence.right


def test_breakdown_of_a_measurement(excerpt: AnnualReport) -> None:
    """ニューヨーク 47 cases split 37/6/4; recording 38 prefectures is 1 more than 47."""
    m = excerpt.measurements[0]
    items = list(m.breakdowns[0].items)
    items[0] = attrs.evolve(items[0], value=Quantity.of(38, "件"))
    broken = attrs.evolve(m, breakdowns=(attrs.evolve(m.breakdowns[0], items=tuple(items)),))
    doc = attrs.evolve(excerpt, measurements=(broken, *excerpt.measurements[1:]))
    findings = _sums(doc)
    assert ["$.measurements[0].breakdowns[0]"] == [f.path for f in findings]
    assert findings[0].evidence is not None
    assert (Decimal(47), Decimal(48)) == (findings[0].evidence.left, findings[0].evidence.right)


def test_all_offices_measurement_against_offices(excerpt: AnnualReport) -> None:
    """The all-offices 521 against the seven offices: printing 520 is found."""
    last = excerpt.measurements[-1]
    assert last.office is None
    doc = attrs.evolve(
        excerpt,
        measurements=(
            *excerpt.measurements[:-1],
            attrs.evolve(last, value=Quantity.of(520, "件")),
        ),
    )
    findings = _sums(doc)
    assert ["$.measurements[7].value"] == [f.path for f in findings]
    assert findings[0].evidence is not None
    assert Decimal(521) == findings[0].evidence.right
    assert 7 == len(findings[0].evidence.parts)


def _report_with(figures: tuple[Figure, ...]) -> AnnualReport:
    from clairlib.calendar import FiscalYear

    return AnnualReport(id="r", title="t", fiscal_year=FiscalYear(2013), figures=figures)


def _fig(ident: str, value: Quantity, **kwargs: Any) -> Figure:
    return Figure(id=ident, label=ident, value=value, **kwargs)


# <平成 25 年度 経済交流に関する主な情報発信状況>, 計 row: 200 over the nine field and medium
# columns 50 32 4 | 28 32 1 | 29 22 2 (観光 / 物産 / その他経済 × メルマガ / フォーラム / HP).
ECONOMIC = (50, 32, 4, 28, 32, 1, 29, 22, 2)


def _economic(total: Quantity, *, overlapping: bool) -> AnnualReport:
    parts = tuple(_fig(f"p{i}", Quantity.of(v, "件")) for i, v in enumerate(ECONOMIC))
    whole = _fig("total", total, parts=tuple(p.id for p in parts), overlapping=overlapping)
    return _report_with((*parts, whole))


def test_figure_parts_add_up() -> None:
    """計 200 = 50+32+4+28+32+1+29+22+2."""
    assert [] == _sums(_economic(Quantity.of(200, "件"), overlapping=False))


def test_overlapping_parts_may_exceed_the_total_honestly() -> None:
    """重複あり: 193 distinct articles under categories adding to 200 is a note, not an error."""
    findings = _sums(_economic(Quantity.of(193, "件"), overlapping=True))
    assert [(Severity.INFO, "$.figures[9].value")] == [(f.severity, f.path) for f in findings]
    assert "7 counted under more than one category" in findings[0].message


def test_overlapping_total_above_the_sum_is_a_warning() -> None:
    """A total above what overlapping parts add to (201 > 200) means an item in no category."""
    findings = _sums(_economic(Quantity.of(201, "件"), overlapping=True))
    assert [(Severity.WARNING, "<=")] == [
        (f.severity, f.evidence.op if f.evidence else None) for f in findings
    ]


def test_overlapping_total_below_a_part_is_an_error() -> None:
    """A total smaller than its largest category (49 < 50) is impossible."""
    findings = _sums(_economic(Quantity.of(49, "件"), overlapping=True))
    assert [(Severity.ERROR, ">=", Decimal(50))] == [
        (f.severity, f.evidence.op, f.evidence.right) for f in findings if f.evidence
    ]


def test_approximate_total_is_at_most_a_warning() -> None:
    """約 180 admits 162 … 198: 200 is outside, but 約 can only warn."""
    total = Quantity.of(180, "件", qualifier=Qualifier.APPROXIMATELY)
    findings = _sums(_economic(total, overlapping=False))
    assert [(Severity.WARNING, "≈", Decimal(18))] == [
        (f.severity, f.evidence.op, f.evidence.tolerance) for f in findings if f.evidence
    ]


def test_approximate_total_within_ten_percent_holds() -> None:
    """約 190 admits 171 … 209: the parts' 200 agrees."""
    total = Quantity.of(190, "件", qualifier=Qualifier.APPROXIMATELY)
    assert [] == _sums(_economic(total, overlapping=False))


def test_one_sided_totals() -> None:
    """200 以上 and 200 以下 hold for 200; 200 超 and 200 未満 do not."""
    holds = {
        q: _sums(_economic(Quantity.of(200, "件", qualifier=q), overlapping=False))
        for q in Qualifier
        if q is not Qualifier.APPROXIMATELY
    }
    assert {
        Qualifier.AT_LEAST: [],
        Qualifier.AT_MOST: [],
        Qualifier.MORE_THAN: ["<"],
        Qualifier.LESS_THAN: [">"],
    } == {q: [f.evidence.op for f in fs if f.evidence] for q, fs in holds.items()}


def test_subtotal_without_group_covers_rows_since_the_last_total() -> None:
    """A 小計 row with no group totals the data rows printed since the previous subtotal."""
    rows = (
        Row(cells={"n": Quantity.of(1)}),
        Row(cells={"n": Quantity.of(2)}),
        Row(kind=RowKind.SUBTOTAL, cells={"n": Quantity.of(3)}),
        Row(cells={"n": Quantity.of(4)}),
        Row(kind=RowKind.SUBTOTAL, cells={"n": Quantity.of(5)}),
        Row(kind=RowKind.TOTAL, cells={"n": Quantity.of(7)}),
    )
    table = Table(
        id="t", caption="c", columns=(Column(key="n", label="n", role=ColumnRole.SUM),), rows=rows
    )
    doc = attrs.evolve(_report_with(()), tables=(table,))
    findings = _sums(doc)
    # 1+2 = 3 holds; 4 ≠ 5 and 1+2+4 = 7 holds.
    assert [("$.tables[0].rows[4].cells.n", Decimal(5), Decimal(4))] == [
        (f.path, f.evidence.left, f.evidence.right) for f in findings if f.evidence
    ]
