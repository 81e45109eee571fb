"""Tables printed as text in a document: placed cells, or the printed text and a finding."""

from __future__ import annotations

import pytest

import clairlib
from clairlib.model import AnnualReport, Document, RowKind
from clairlib.reading._compare import row_values, table_rows
from clairlib.reading._layout import lines_of_text, normal
from clairlib.reading._texttable import TextTable, forget, read_table
from tests.reading.conftest import source_text
from tests.reading.test_reading_variants import VARIANTS

REPORT = """\
平成25年度事業報告
1 自治体の海外における経済活動を支援
○ 海外事務所の活動
海外事務所において、自治体の海外活動を支援した。その件数は次のとおりである。
<平成 25 年度 海外活動支援件数等>
事務所名 支援件数 支援人数
パリ 80 483
北京 22 187
計 102 670
また、各事務所は自治体からの相談に応じ、情報を提供した。
<平成 25 年度 クレアレポート一覧>
事務所名 刊行物名
シンガポール
『シンガポールにおける外国人受入施策』
『シンガポールの言語政策について』
『マレーシアの観光政策』
以上の調査成果をホームページで公開し、自治体の施策の参考に供した。
"""


def test_a_report_holds_the_placed_table_and_the_refused_one_as_text() -> None:
    """The placed table has its cells; the refused one keeps its caption, text and a finding."""
    reading = clairlib.read(REPORT)
    report = reading.document
    assert isinstance(report, AnnualReport)
    placed, refused = report.tables
    assert "平成 25 年度 海外活動支援件数等" == placed.caption
    assert ["事務所名", "支援件数", "支援人数"] == [c.label for c in placed.columns]
    assert [
        {"c1": "パリ", "c2": "80", "c3": "483"},
        {"c1": "北京", "c2": "22", "c3": "187"},
        {"c1": "計", "c2": "102", "c3": "670"},
    ] == [row.cells for row in placed.rows]
    assert RowKind.TOTAL is placed.rows[-1].kind
    assert (1, 7) == (placed.rows[0].origin.page, placed.rows[0].origin.line)  # type: ignore[union-attr]
    assert () == refused.rows
    blocks = [b for b in report.sections[0].programmes[0].body if b.ref == refused.id]
    assert "『マレーシアの観光政策』" in blocks[0].text
    (finding,) = [f for f in reading.findings if f.rule == "read.table-as-text"]
    assert "クレアレポート一覧" in finding.message
    assert "more than one way" in finding.message


# -- the FY2013 report ---------------------------------------------------------------------


def test_fy2013_placed_rows_are_the_examples(examples: dict[str, Document]) -> None:
    """Every row the text reader places in the FY2013 report is a row the example prints."""
    expected = examples["fy2013-report"]
    read = clairlib.read(source_text("fy2013-report")).document
    assert isinstance(expected, AnnualReport)
    assert isinstance(read, AnnualReport)
    by_caption = {normal(t.caption): t for t in expected.tables}
    placed = 0
    for table in read.tables:
        for row in table.rows:
            if row.kind is not RowKind.DATA:
                continue
            placed += 1
            want = by_caption[normal(table.caption)]
            got = row_values(row.cells)
            assert any(not got - row_values(r.cells) for r in want.rows), (table.caption, row)
    # The tables of numbers (記事本数 16 rows, 支援件数 7), the forum issues (12 rows),
    # the trainees by host (20), the JETAA events of five countries (19), the
    # economic events of three (9), the experts sent (8) and the association staff's
    # training (4).
    assert placed >= 95
    assert table_rows(expected, read)[0] >= 95


def test_fy2013_support_cases_read_as_printed() -> None:
    """``北京 22 21 1  187``: the empty 市町村その他 cell stays empty; 計 is the total."""
    report = clairlib.read(source_text("fy2013-report")).document
    assert isinstance(report, AnnualReport)
    (table,) = [t for t in report.tables if t.caption == "平成 25 年度 海外活動支援件数等"]
    beijing = table.rows[6]
    assert {"c1": "北京", "c2": "22", "c3": "21", "c4": "1", "c5": None, "c6": "187"} == (
        beijing.cells
    )
    assert RowKind.TOTAL is table.rows[7].kind
    assert "3,147" == table.rows[7].cells["c6"]


def test_the_reader_can_keep_every_table_as_text() -> None:
    """``tables=False``: no cell is placed, each table keeps its text and a finding."""
    reading = clairlib.read(REPORT, tables=False)
    report = reading.document
    assert isinstance(report, AnnualReport)
    assert [(), ()] == [table.rows for table in report.tables]
    assert 2 == sum(1 for f in reading.findings if f.rule == "read.table-as-text")


@pytest.mark.parametrize("variant", ["digits-swapped", "paginated"])
def test_fy2013_tables_survive_digits_swapped_and_page_furniture(
    variant: str, examples: dict[str, Document]
) -> None:
    """Full- and half-width digits swapped, or headers and page numbers between pages."""
    expected = examples["fy2013-report"]
    plain = clairlib.read(source_text("fy2013-report")).document
    varied = clairlib.read(VARIANTS[variant](source_text("fy2013-report"))).document
    assert isinstance(expected, AnnualReport)
    assert isinstance(plain, AnnualReport)
    assert isinstance(varied, AnnualReport)
    assert table_rows(expected, plain) == table_rows(expected, varied)


def test_a_table_read_after_others_is_placed_as_when_read_alone() -> None:
    """Kinds kept from earlier tables (fresh=False) change no cell: 計 stays a total."""
    first = "名称 場所\n東京 1\n大阪 2\n"
    second = "事務所名 支援件数\nパリ 80\n計 80\n"
    forget()
    read_table(lines_of_text(first), fresh=False)
    kept = read_table(lines_of_text(second), fresh=False)
    assert isinstance(kept, TextTable)
    assert [("パリ", "80"), ("計", "80")] == [row.cells for row in kept.rows]
    assert [RowKind.DATA, RowKind.TOTAL] == [row.kind for row in kept.rows]
    assert kept == read_table(lines_of_text(second))
