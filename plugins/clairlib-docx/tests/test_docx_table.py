"""Tables: cells, grouped rows merged, 計 rows, alignment, numbers, headers and widths."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

import pytest
from clairlib_docx._layout import header_words
from clairlib_docx._sanitize import Sanitiser
from clairlib_docx._styles import TEXT_WIDTH_TWIPS
from clairlib_docx._table import TableWriter
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn

from clairlib.model import Column, ColumnRole, Quantity, Row, RowKind, Table
from clairlib.model.quantity import Qualifier


def _table(document: Any, first_header: str) -> Any:
    return next(t for t in document.tables if t.cell(0, 0).text == first_header)


def _rows(table: Any) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def _tc(table: Any, row: int, column: int) -> Any:
    return table.rows[row]._tr.findall(qn("w:tc"))[column]


def test_grouped_rows_read_back(report_docx: Any) -> None:
    """Each row reads back with its group's label and count, merged cells included."""
    assert [
        ["国名", "件数", "開催場所", "イベント", "開催時期"],
        ["アメリカ", "2", "ニューヨーク", "ジャパンウィーク", "平成 26 年 3 月"],
        ["アメリカ", "2", "シアトル", "全米都市連盟でのレセプション", "平成 25 年 11 月"],
        ["フランス", "3", "パリ", "HOPITAL EXPO", "平成 25 年 5 月"],
        ["フランス", "3", "パリ近郊", "ジャパン･エキスポ ※", "平成 25 年 7 月"],
        [
            "スイス",
            "3",
            "パリ、ローヌ・アルプ州、ジュネーブ等",
            "津市ミッション団の派遣",
            "平成 25 年 11 月",
        ],
        ["計", "5", "", "", ""],
    ] == _rows(_table(report_docx, "国名"))


def test_group_label_and_count_printed_once(report_docx: Any) -> None:
    """A group's label and its 件数 stand once, in cells merged down over its rows."""
    table = _table(report_docx, "国名")
    xml = table._tbl.xml
    assert 1 == xml.count(">アメリカ<")
    assert 1 == xml.count(">フランス<")
    merges = [
        [
            (tc.find(qn("w:tcPr")).find(qn("w:vMerge")) is not None)
            and (tc.find(qn("w:tcPr")).find(qn("w:vMerge")).get(qn("w:val")) or "continue")
            for tc in row._tr.findall(qn("w:tc"))[:2]
        ]
        for row in table.rows[1:]
    ]
    assert [
        ["restart", "restart"],
        ["continue", "continue"],
        ["restart", "restart"],
        ["continue", "continue"],
        [False, "continue"],  # スイス prints its own country, inside フランス's count
        [False, False],
    ] == merges


def test_total_row_bold(report_docx: Any) -> None:
    """Every run of the 計 row is bold; data rows are not."""
    table = _table(report_docx, "国名")
    total_runs = [run for cell in table.rows[-1].cells for p in cell.paragraphs for run in p.runs]
    data_runs = [run for cell in table.rows[1].cells[2:] for p in cell.paragraphs for run in p.runs]
    assert {True} == {run.bold for run in total_runs}
    assert {None} == {run.bold for run in data_runs}


def test_figures_right_aligned(report_docx: Any) -> None:
    """Figures are right-aligned, text left-aligned, headers centred."""
    table = _table(report_docx, "事務所名")
    alignments = [[cell.paragraphs[0].alignment for cell in row.cells] for row in table.rows[2:]]
    right, left = WD_ALIGN_PARAGRAPH.RIGHT, WD_ALIGN_PARAGRAPH.LEFT
    assert [[left, right, right, right, right]] * 3 == alignments
    assert WD_ALIGN_PARAGRAPH.CENTER == table.cell(0, 0).paragraphs[0].alignment


def test_figures_with_thousands_separators(report_docx: Any) -> None:
    """Figures print as printed, else with thousands separators; 計 sums stay as given."""
    assert [
        ["事務所名", "支援件数（件）", "支援先内訳(件)", "支援先内訳(件)", "支援人数（名）"],
        ["事務所名", "支援件数（件）", "都道府県", "市町村", "支援人数（名）"],
        ["シンガポール", "156", "126", "30", "1,035"],
        ["北京", "22", "21", "1", "187"],
        ["計", "178", "147", "31", "1,222"],
    ] == _rows(_table(report_docx, "事務所名"))


def test_spanning_header(report_docx: Any) -> None:
    """A column group heads its columns in one cell; both header rows repeat on each page."""
    table = _table(report_docx, "事務所名")
    spans = [
        (tc.find(qn("w:tcPr")).find(qn("w:gridSpan")) is not None)
        and tc.find(qn("w:tcPr")).find(qn("w:gridSpan")).get(qn("w:val"))
        for tc in table.rows[0]._tr.findall(qn("w:tc"))
    ]
    assert [False, False, "2", False] == spans
    assert [True, True, False] == [
        row._tr.find(qn("w:trPr")) is not None
        and row._tr.find(qn("w:trPr")).find(qn("w:tblHeader")) is not None
        for row in table.rows[:3]
    ]


def test_body_rows_may_break_across_pages(report_docx: Any) -> None:
    """Header rows never split; body rows may break across a page (no cantSplit)."""
    table = _table(report_docx, "事務所名")
    split = [row._tr.find(qn("w:trPr")) is not None for row in table.rows]
    assert [True, True, False, False, False] == split


def _write_table(table: Table) -> tuple[str, Sanitiser, TableWriter]:
    sanitiser = Sanitiser()
    writer = TableWriter(table, "$.tables[0]", sanitiser, None)
    return writer.xml(), sanitiser, writer


def _staff_table(offices: int) -> Table:
    """海外事務所職員内訳 as printed: one row an office, then 計."""
    rows = [
        Row(cells={"office": f"事務所{n}", "staff": Quantity.of(n, "名")}) for n in range(offices)
    ]
    rows.append(Row(kind=RowKind.TOTAL, cells={"office": "計", "staff": Quantity.of(0, "名")}))
    return Table(
        id="t7",
        caption="海外事務所職員内訳",
        columns=(
            Column(key="office", label="事務所"),
            Column(key="staff", label="職員数", role=ColumnRole.SUM, unit="名"),
        ),
        rows=tuple(rows),
    )


def _kept_rows(xml: str) -> list[bool]:
    """For each body row, whether its paragraphs are kept with the next."""
    body = xml.split("</w:tr>")[1:-1]  # the first is the header row
    return ["<w:keepNext/>" in row for row in body]


def test_a_short_table_is_kept_on_one_page() -> None:
    """Seven offices and 計: each body row but the last keeps with the next, 計 included."""
    xml, _, _ = _write_table(_staff_table(7))
    assert [True] * 7 + [False] == _kept_rows(xml)


def test_a_long_table_may_break() -> None:
    """Forty offices print over a page break: no body row is kept with the next."""
    xml, _, _ = _write_table(_staff_table(40))
    assert [False] * 41 == _kept_rows(xml)


def test_a_table_of_few_tall_rows_may_break() -> None:
    """Three rows of long prose print taller than a quarter page: they may break."""
    prose = "自治体の国際化を支援するための研修会を開催し、各地域の職員が参加した。" * 8
    table = Table(
        id="t8",
        caption="研修",
        columns=(Column(key="name", label="研修名"), Column(key="note", label="概要")),
        rows=tuple(Row(cells={"name": f"研修{n}", "note": prose}) for n in range(3)),
    )
    xml, _, _ = _write_table(table)
    assert [False, False, False] == _kept_rows(xml)


@pytest.mark.parametrize(
    ("quantity", "expected"),
    [
        (Quantity(value=Decimal(1035), unit="件"), "1,035"),
        (Quantity(value=Decimal(1234567), unit="件"), "1,234,567"),
        (Quantity(value=Decimal("68.5"), unit="%"), "68.5%"),
        (Quantity(value=Decimal("1E+3"), unit="件"), "1,000"),
        (Quantity(value=Decimal(80), unit="名", qualifier=Qualifier.APPROXIMATELY), "約80名"),
        (Quantity(value=Decimal(1552), unit="件", scale=10_000), "1,552万"),
        (Quantity(value=Decimal(80), unit="名", text="約 80"), "約 80"),
        (Quantity(value=Decimal(-5), unit="件"), "-5"),
    ],
)
def test_figure_text(quantity: Quantity, expected: str) -> None:
    """A figure prints its printed text, else the number with separators (unit when new)."""
    table = Table(
        id="t",
        caption="",
        columns=(Column(key="n", label="件数", role=ColumnRole.SUM, unit="件"),),
        rows=(Row(cells={"n": quantity}),),
    )
    xml, _, _ = _write_table(table)
    assert f'<w:t xml:space="preserve">{expected}</w:t>' in xml


def test_text_is_escaped_and_breaks_kept(write: Any, make: Any) -> None:
    """Markup characters are escaped; line breaks and tabs in cells survive."""
    table = Table(
        id="t1-1",
        caption="<記号> & 改行",
        columns=(Column(key="a", label="A&B"), Column(key="b", label="<b>")),
        rows=(Row(cells={"a": "1 < 2 & 3 > 2", "b": "一行目\n二行目\t続き"}),),
    )
    document, findings = write(make(tables=(table, make().tables[1])))
    read = _table(document, "A&B")
    assert [["A&B", "<b>"], ["1 < 2 & 3 > 2", "一行目\n二行目\t続き"]] == _rows(read)
    assert () == findings


def test_group_without_a_free_column_gets_a_banner() -> None:
    """Groups whose rows fill every column are introduced by a row spanning the table."""
    table = Table(
        id="t6-1",
        caption="自治体職員数",
        columns=(
            Column(key="post", label="配属先"),
            Column(key="staff", label="人数（名）", role=ColumnRole.SUM, unit="名"),
        ),
        rows=(
            Row(
                group="海外事務所",
                cells={"post": "ニューヨーク(NYC)", "staff": Quantity.of(6, "名")},
            ),
            Row(group="海外事務所", cells={"post": "ロンドン(LON)", "staff": Quantity.of(8, "名")}),
            Row(group="本部", cells={"post": "企画調整課", "staff": Quantity.of(4, "名")}),
        ),
    )
    xml, _, _ = _write_table(table)
    texts = [part.split("<", 1)[0] for part in xml.split('<w:t xml:space="preserve">')[1:]]
    assert [
        "配属先",
        "人数（名）",
        "海外事務所",
        "ニューヨーク(NYC)",
        "6",
        "ロンドン(LON)",
        "8",
        "本部",
        "企画調整課",
        "4",
    ] == texts
    assert 2 == xml.count('<w:gridSpan w:val="2"/>')


def test_repeated_label_printed_once_per_group() -> None:
    """A label every row of a group repeats (【総務大臣賞】) is printed once, merged down."""
    table = Table(
        id="t4-1",
        caption="表彰",
        columns=(Column(key="award", label="賞"), Column(key="winner", label="受賞団体")),
        rows=(
            Row(group="総務大臣賞", cells={"award": "【総務大臣賞】", "winner": "水戸市"}),
            Row(group="総務大臣賞", cells={"award": "【総務大臣賞】", "winner": "大府市"}),
        ),
    )
    xml, _, _ = _write_table(table)
    assert 1 == xml.count("【総務大臣賞】")
    assert "総務大臣賞<" not in xml.replace("【総務大臣賞】", "")


def test_subtotal_that_cannot_fold_is_its_own_row() -> None:
    """A 小計 with values in the data columns is a bold row of its own, labelled."""
    table = Table(
        id="t",
        caption="",
        columns=(
            Column(key="country", label="国名"),
            Column(key="n", label="件数", role=ColumnRole.SUM, unit="件"),
        ),
        rows=(
            Row(group="タイ", cells={"n": Quantity.of(3, "件")}),
            Row(group="タイ", cells={"n": Quantity.of(4, "件")}),
            Row(kind=RowKind.SUBTOTAL, group="タイ", cells={"n": Quantity.of(7, "件")}),
        ),
    )
    xml, _, _ = _write_table(table)
    assert '<w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space="preserve">タイ 小計</w:t>' in xml
    assert '<w:t xml:space="preserve">7</w:t>' in xml


def test_headerless_table_has_no_header_row() -> None:
    """A table printed without column headers gets no empty header row."""
    table = Table(
        id="t3-1",
        caption="",
        columns=(
            Column(key="item", label=""),
            Column(key="value", label="", role=ColumnRole.VALUE),
        ),
        rows=(
            Row(cells={"item": "参加者総数", "value": Quantity.of(4372, "名", text="4,372 名")}),
        ),
    )
    xml, _, _ = _write_table(table)
    assert "<w:tblHeader/>" not in xml
    assert 1 == xml.count("<w:tr>")


def test_header_group_over_an_unlabelled_column() -> None:
    """研修名 over a name column and an unlabelled session column is one spanning cell."""
    table = Table(
        id="t2-1",
        caption="",
        columns=(
            Column(key="name", label="研修名"),
            Column(key="session", label="", group="研修名"),
            Column(key="n", label="参加者数", role=ColumnRole.SUM, unit="名"),
        ),
        rows=(Row(group="養成コース", cells={"session": "第 1 回", "n": Quantity.of(21, "名")}),),
    )
    xml, _, _ = _write_table(table)
    header = xml.split("</w:tr>")[0]
    assert 1 == header.count(">研修名<")
    assert '<w:gridSpan w:val="2"/>' in header


def test_widths_fit_the_page() -> None:
    """However long the cells, the columns add up to no more than the text width."""
    table = Table(
        id="t",
        caption="",
        columns=tuple(Column(key=f"c{i}", label=f"列{i}") for i in range(8)),
        rows=(Row(cells={f"c{i}": "とても長い文章" * 20 for i in range(8)}),),
    )
    _, _, writer = _write_table(table)
    assert sum(writer.widths) <= TEXT_WIDTH_TWIPS
    assert 8 == len(writer.widths)


def test_short_table_keeps_short_columns() -> None:
    """A table that fits is not stretched across the page beyond its need's half again."""
    table = Table(
        id="t",
        caption="",
        columns=(Column(key="a", label="所長"), Column(key="b", label="1")),
        rows=(Row(cells={"a": "所長", "b": "1"}),),
    )
    _, _, writer = _write_table(table)
    assert sum(writer.widths) < TEXT_WIDTH_TWIPS / 2


def test_numbers_and_headers_are_never_broken() -> None:
    """A column is at least as wide as its longest number and its longest header word."""
    table = Table(
        id="t",
        caption="",
        columns=(
            Column(key="title", label="タイトル"),
            Column(key="n", label="アクセス数(件)", role=ColumnRole.SUM, unit="件"),
        ),
        rows=(Row(cells={"title": "『韓国の地方予算制度について』" * 6, "n": count(631461)}),),
    )
    _, _, writer = _write_table(table)
    # "631,461" is 7 half-width characters, "アクセス数" 10: each must fit on one line.
    room = (writer.widths[1] - 260) // writer.half_width
    assert room >= 10
    assert writer.widths[0] > writer.widths[1]  # the rest goes to the text column


def test_an_item_over_several_rows_is_merged() -> None:
    """An item printed with two dates has its name once, in a cell merged down."""
    table = Table(
        id="t",
        caption="",
        columns=(
            Column(key="name", label="名称等"),
            Column(key="period", label="開催時期"),
            Column(key="venue", label="開催場所"),
        ),
        rows=(
            Row(cells={"name": "NATAS", "period": "平成 25 年 8 月", "venue": "シンガポール"}),
            Row(cells={"name": "NATAS", "period": "平成 26 年 2 月", "venue": "シンガポール"}),
            Row(cells={"name": "歓迎会", "period": "平成 26 年 2 月", "venue": "シンガポール"}),
        ),
    )
    xml, _, _ = _write_table(table)
    assert 1 == xml.count(">NATAS<")
    assert 1 == xml.count('<w:vMerge w:val="restart"/>')
    # The venue is not merged under a different name, nor the shared date.
    assert 3 == xml.count(">シンガポール<")
    assert 2 == xml.count(">平成 26 年 2 月<")


def test_a_bracketed_column_is_printed_inside_the_one_before() -> None:
    """名称等 over (開催時期): the date stands in the name cell, on its own line, as printed."""
    table = Table(
        id="t",
        caption="",
        columns=(
            Column(key="name", label="名称等"),
            Column(key="period", label="(開催時期)"),
            Column(key="bodies", label="参加者", group="参加者 (主な所属部署等)"),
            Column(key="persons", label="参加者", group="参加者 (主な所属部署等)"),
            Column(key="departments", label="(主な所属部署等)", group="参加者 (主な所属部署等)"),
        ),
        rows=(
            Row(
                cells={
                    "name": "海外経済セミナー",
                    "period": "平成 25 年 11 月",
                    "bodies": count(22, "団体", "22 団体"),
                    "persons": count(35, "名", "35 名"),
                    "departments": "観光、企画",
                }
            ),
        ),
    )
    xml, _, writer = _write_table(table)
    assert 2 == len(writer.columns)
    assert ["名称等\n(開催時期)", "参加者\n(主な所属部署等)"] == [c.label for c in writer.columns]
    printed = (">海外経済セミナー<", ">(平成 25 年 11 月)<", ">22 団体 35 名<", ">(観光、企画)<")
    assert [] == [text for text in printed if text not in xml]


def _levels(group: str, labels: tuple[str, ...], prefix: str) -> tuple[Column, ...]:
    return tuple(
        Column(key=f"{prefix}{i}", label=label, group=group, role=ColumnRole.SUM, unit="件")
        for i, label in enumerate(labels)
    )


def _header_texts(xml: str) -> list[list[tuple[str, str]]]:
    """Per header row, each cell's text (a line break as a newline) and its gridSpan."""
    rows = []
    for row in xml.split("</w:tr>"):
        if "<w:tblHeader/>" not in row:
            break
        cells = []
        for cell in row.split("<w:tc>")[1:]:
            span = re.search(r'gridSpan w:val="(\d+)"', cell)
            text = "".join(
                "\n" if part == "<w:br/>" else part
                for part in re.findall(r"<w:br/>|(?<=>)[^<]+(?=</w:t>)", cell)
            )
            cells.append((text, span.group(1) if span else "1"))
        rows.append(cells)
    return rows


def test_shared_upper_level_printed_once() -> None:
    """Groups sharing their upper level print it once over all, each group beneath it."""
    labels = ("メルマガ", "フォーラム")
    upper = "配信記事本数"
    table = Table(
        id="t",
        caption="",
        columns=(
            Column(key="country", label="主な国"),
            *_levels(f"{upper} 観光", labels, "a"),
            *_levels(f"{upper} 物産", labels, "b"),
        ),
        rows=(Row(cells={"country": "タイ", "a0": count(1)}),),
    )
    xml, _, _ = _write_table(table)
    assert [
        [("主な国", "1"), ("配信記事本数", "4")],
        [("", "1"), ("観光", "2"), ("物産", "2")],
        [("", "1"), ("メルマガ", "1"), ("フォーラム", "1"), ("メルマガ", "1"), ("フォーラム", "1")],
    ] == _header_texts(xml)


def test_groups_that_differ_in_a_number_stay_one_level() -> None:
    """平成 24 年度 and 平成 25 年度 are two headers, not 平成 over 24 年度 and 25 年度."""
    table = Table(
        id="t",
        caption="",
        columns=(
            *_levels("平成 24 年度", ("件数", "人数"), "a"),
            *_levels("平成 25 年度", ("件数", "人数"), "b"),
        ),
        rows=(Row(cells={"a0": count(1)}),),
    )
    xml, _, _ = _write_table(table)
    assert [("平成 24 年度", "2"), ("平成 25 年度", "2")] == _header_texts(xml)[0]


def test_fy2013_information_table_headers_as_printed() -> None:
    """経済交流に関する主な情報発信状況: the upper header once, and no header word broken.

    The words are typed from the printed table (which breaks them: メル/マガ, フォー/ラム);
    each sub-column is at least as wide as its widest word at the table's own text size,
    a full-width character being one em (10 twips a half-point).
    """
    from clairlib import samples

    report = samples.fy2013_report()
    table = next(t for t in report.tables if t.caption.endswith("経済交流に関する主な情報発信状況"))
    xml, _, writer = _write_table(table)
    header = _header_texts(xml)
    assert [("主な国", "1"), ("計", "1"), ("主な分野別配信記事本数（重複あり）", "9")] == header[0]
    assert [("観光", "3"), ("物産", "3"), ("その他経済", "3")] == header[1][2:]
    sub = [("メルマガ", "1"), ("フォーラム", "1"), ("HP・クレア\nレポート等", "1")]
    assert sub * 3 == header[2][2:]
    size = 18
    if "<w:sz " in xml:
        size = int(xml.split('<w:sz w:val="')[1].split('"')[0])
    margin = 108
    if "<w:tblCellMar>" in xml:
        margin = int(xml.split('<w:tblCellMar><w:left w:w="')[1].split('"')[0])
    grid = [int(width) for width in re.findall(r'<w:gridCol w:w="(\d+)"/>', xml)]
    full_width = size * 10  # twips of one full-width character at this size
    # (column, widest printed word in full-width characters): メルマガ 4, フォーラム 5,
    # レポート等 5 (HP・クレア is 2 half-width + 4 full-width), 主な国 3.
    needs = [(0, 3)] + [(2 + 3 * g + i, n) for g in range(3) for i, n in enumerate((4, 5, 5))]
    short = [c for c, n in needs if grid[c] - 2 * margin < n * full_width]
    assert [] == short
    assert 14 <= size  # no smaller than 7 pt
    assert sum(grid) <= TEXT_WIDTH_TWIPS
    assert len(grid) == len(writer.widths)


def count(value: int, unit: str = "件", text: str | None = None) -> Quantity:
    """A printed count."""
    return Quantity(value=Decimal(value), unit=unit, text=text)


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("HP・クレアレポート等", ["HP・", "クレア", "レポート等"]),
        ("フォーラム", ["フォーラム"]),
        ("主な分野別配信記事本数（重複あり）", ["主な分野別配信記事本数", "（重複あり）"]),
        ("アクセス数(件)", ["アクセス数", "(件)"]),
    ],
)
def test_header_words(header: str, expected: list[str]) -> None:
    """A header wraps between its words; a long katakana compound between its parts."""
    assert expected == header_words(header)
