"""Tables printed as text: cells placed from the form of the lines, or refused with a reason."""

from __future__ import annotations

import clairlib
from clairlib.model import AnnualReport, Document, RowKind
from clairlib.reading._compare import row_values, table_rows
from clairlib.reading._layout import lines_of_text, normal
from clairlib.reading._texttable import Refusal, TextTable, read_table
from tests.reading.conftest import source_text


def _placed(text: str) -> TextTable:
    table = read_table(lines_of_text(text))
    assert isinstance(table, TextTable), table
    return table


def _refused(text: str) -> Refusal:
    refusal = read_table(lines_of_text(text))
    assert isinstance(refusal, Refusal), refusal
    return refusal


def _cells(table: TextTable) -> list[tuple[str, ...]]:
    return [row.cells for row in table.rows]


# -- columns side by side ------------------------------------------------------------------

ALIGNED = """\
事務所名      研修名                    参加者数   開催時期
ニューヨーク  JET 参加者出発前          120 名     平成 25 年 7 月
              オリエンテーション
ロンドン      日英キャリアセミナー      45 名      平成 25 年 11 月
計                                      165 名
"""


def test_aligned_columns_with_a_wrapped_cell_and_a_total() -> None:
    """Cells stand in columns; a line adding words under words goes on the row above."""
    table = _placed(ALIGNED)
    assert ("事務所名", "研修名", "参加者数", "開催時期") == table.header
    assert [
        ("ニューヨーク", "JET 参加者出発前オリエンテーション", "120 名", "平成 25 年 7 月"),
        ("ロンドン", "日英キャリアセミナー", "45 名", "平成 25 年 11 月"),
        ("計", "", "165 名", ""),
    ] == _cells(table)
    assert [RowKind.DATA, RowKind.DATA, RowKind.TOTAL] == [row.kind for row in table.rows]


def test_aligned_columns_with_full_width_spaces() -> None:
    """A full-width space parts two cells as two spaces do; it is two columns wide."""
    table = _placed("国名\u3000\u3000件数\nタイ\u3000\u3000\u30004\n韓国\u3000\u3000\u300012\n")
    assert ("国名", "件数") == table.header
    assert [("タイ", "4"), ("韓国", "12")] == _cells(table)


def test_aligned_vertical_label_heads_the_rows_beside_it() -> None:
    """One character a line in the first column is a group label, not a cell."""
    table = _placed(
        "国    開催場所      開催時期\n"
        "ア    ニューヨーク  平成 25 年 8 月\n"
        "メ    ボストン      平成 25 年 9 月\n"
        "リ\n"
        "カ\n"
        "\n"
        "タ    バンコク      平成 25 年 8 月\n"
        "イ\n"
    )
    assert table.grouped
    assert ("開催場所", "開催時期") == table.header
    assert [
        ("アメリカ", ("ニューヨーク", "平成 25 年 8 月")),
        ("アメリカ", ("ボストン", "平成 25 年 9 月")),
        ("タイ", ("バンコク", "平成 25 年 8 月")),
    ] == [(row.group, row.cells) for row in table.rows]


def test_aligned_lines_that_do_not_line_up_are_refused() -> None:
    """A cell running into its neighbour's column: the columns cannot be told apart."""
    refusal = _refused(
        "名称          時期\n"
        "セミナー      平成 25 年 8 月\n"
        "国際交流セミナー  開催  平成 25 年 9 月\n"
    )
    assert "column boundary" in refusal.reason


def test_a_number_under_a_number_is_a_row_of_its_own() -> None:
    """A line with no first cell that puts a number under a number is a new row."""
    table = _placed("区分      件数\nセミナー  3\n          4\n")
    assert [("セミナー", "3"), ("", "4")] == _cells(table)


# -- cells one after another ---------------------------------------------------------------


def test_running_cells_cut_by_the_header_and_the_cells_form() -> None:
    """One space between cells: dates and numbers stand alone, brackets hold a cell together."""
    table = _placed(
        "開催場所 名称 開催時期 参加者数\n"
        "ロンドン HYPER JAPAN 2013 平成 25 年 7 月 1,200 名\n"
        "パリ 自主企画展｢伝統と先端と ～日本の地方\n"
        "の底力｣展 平成 26 年 2 月 350 名\n"
        "シドニー 日本観光セミナー 平成 25 年 9 月 80 名\n"
    )
    assert ("開催場所", "名称", "開催時期", "参加者数") == table.header
    assert [
        ("ロンドン", "HYPER JAPAN 2013", "平成 25 年 7 月", "1,200 名"),
        ("パリ", "自主企画展｢伝統と先端と ～日本の地方の底力｣展", "平成 26 年 2 月", "350 名"),
        ("シドニー", "日本観光セミナー", "平成 25 年 9 月", "80 名"),
    ] == _cells(table)


def test_running_cell_wrapped_onto_the_next_line_and_a_total() -> None:
    """A long cell goes on at the next line; a 計 row may leave its last cells empty."""
    table = _placed(
        "自治体名 受入人数（名） 研修生出身国(分野)\n"
        "北海道旭川市 2 韓国(国際交流)、モンゴル国(都市計画)\n"
        "岩手県 1 中国(環境)\n"
        "計 3\n"
    )
    assert [
        ("北海道旭川市", "2", "韓国(国際交流)、モンゴル国(都市計画)"),
        ("岩手県", "1", "中国(環境)"),
        ("計", "3", ""),
    ] == _cells(table)
    assert RowKind.TOTAL is table.rows[-1].kind


def test_running_cells_with_vertical_group_labels() -> None:
    """Letters one a line over the rows: the group of the rows after them."""
    table = _placed(
        "国名 名称等 開催時期 開催場所\n"
        "ア\nメ\nリ\nカ\n"
        "香川県人会会合 平成 25 年 8 月 ニューヨーク\n"
        "JETAA アメリカ地区会議 平成 26 年 1 月 ボストン\n"
        "イ\nギ\nリ\nス\n"
        "JETAA 帰国者レセプション 平成 25 年 9 月 ロンドン\n"
    )
    assert ("名称等", "開催時期", "開催場所") == table.header
    assert [
        ("アメリカ", ("香川県人会会合", "平成 25 年 8 月", "ニューヨーク")),
        ("アメリカ", ("JETAA アメリカ地区会議", "平成 26 年 1 月", "ボストン")),
        ("イギリス", ("JETAA 帰国者レセプション", "平成 25 年 9 月", "ロンドン")),
    ] == [(row.group, row.cells) for row in table.rows]


def test_group_counts_after_the_labels_close_each_group() -> None:
    """A header word printed one letter a line; each label's count is a subtotal row."""
    table = _placed(
        "国\n名\n\n件\n数 開催場所 イベント 開催時期\n"
        "タ\nイ\n"
        "2\n"
        "バンコク Visit Japan FIT Travel Fair 平成 25 年 11 月\n"
        "バンコク 日本ふるさと名産食品展 平成 25 年 11 月\n"
        "フ\nィ\nリ\nピ\n"
        "ン 1\n"
        "マニラ Travel Tour Expo 2014 平成 26 年 2 月\n"
    )
    assert ("件数", "開催場所", "イベント", "開催時期") == table.header
    assert [
        ("タイ", RowKind.DATA, ("", "バンコク", "Visit Japan FIT Travel Fair", "平成 25 年 11 月")),
        ("タイ", RowKind.DATA, ("", "バンコク", "日本ふるさと名産食品展", "平成 25 年 11 月")),
        ("タイ", RowKind.SUBTOTAL, ("2", "", "", "")),
        ("フィリピン", RowKind.DATA, ("", "マニラ", "Travel Tour Expo 2014", "平成 26 年 2 月")),
        ("フィリピン", RowKind.SUBTOTAL, ("1", "", "", "")),
    ] == [(row.group, row.kind, row.cells) for row in table.rows]


def test_a_group_without_its_count_is_left_out() -> None:
    """Where the labels have counts, a label printed without one: its rows are not placed."""
    table = _placed(
        "国名 件数 開催場所 イベント 開催時期\n"
        "タ\nイ\n2\n"
        "バンコク 日本観光セミナー 平成 25 年 11 月\n"
        "バンコク 日本ふるさと名産食品展 平成 25 年 11 月\n"
        "韓\n国\n"
        "ソウル特別市 日本酒等販売促進事業 平成 26 年 3 月\n"
    )
    assert ["タイ", "タイ", "タイ"] == [row.group for row in table.rows]
    assert ["group 韓国 (line 9): no count of its rows after its label"] == [
        left.reason for left in table.left_out
    ]


def test_a_group_whose_rows_cannot_be_placed_is_left_out() -> None:
    """Two dates in one cell: that group stays printed text, the other group is placed."""
    table = _placed(
        "国名 名称等 開催時期 開催場所\n"
        "フ\nラ\nン\nス\n"
        "ジャパン・エキスポ 平成 25 年 7 月 パリ近郊\n"
        "シ\nン\nガ\nポ\nー\nル\n"
        "NATAS 平成 25 年 8 月 平成 26 年 2 月 シンガポール\n"
    )
    assert [("フランス", ("ジャパン・エキスポ", "平成 25 年 7 月", "パリ近郊"))] == [
        (row.group, row.cells) for row in table.rows
    ]
    (left,) = table.left_out
    assert left.reason.startswith("group シンガポール (line 13): ")


def test_a_cell_goes_on_at_the_next_line_only_between_lines_of_words() -> None:
    """After a line holding a date, the next line opens a row: it does not go on the venue."""
    table = _placed(
        "名称等 開催時期 開催場所\n"
        "新規 JET 参加者出国前セミナー 平成 25 年 6 月 ニューヨーク\n"
        "新規帰国 JET キャリアフォーラム･\n"
        "新規帰国者歓迎レセプション\n"
        "平成 25 年 11 月 ニューヨーク\n"
    )
    assert [
        ("新規 JET 参加者出国前セミナー", "平成 25 年 6 月", "ニューヨーク"),
        (
            "新規帰国 JET キャリアフォーラム･新規帰国者歓迎レセプション",
            "平成 25 年 11 月",
            "ニューヨーク",
        ),
    ] == _cells(table)


def test_running_cells_that_can_be_cut_two_ways_are_refused() -> None:
    """An office printed once over several titles: where each row starts is not printed."""
    refusal = _refused(
        "事務所名 刊行物名\n"
        "シンガポール\n"
        "『シンガポールにおける外国人受入施策』\n"
        "『シンガポールの言語政策について』\n"
        "『マレーシアの観光政策』\n"
    )
    assert "more than one way" in refusal.reason


def test_running_cells_that_make_no_rows_are_refused() -> None:
    """Two dates in a row of one date column: no cut gives rows of the header's width."""
    refusal = _refused("名称 開催時期\nセミナー 平成 25 年 8 月 平成 26 年 2 月\n")
    assert "rows of 2 cells" in refusal.reason


def test_a_header_of_one_word_is_refused() -> None:
    """Without a header naming two columns there is no width to cut the rows to."""
    assert "fewer than two columns" in _refused("名称等\n平成25年度国際交流推進\nセミナー\n").reason


# -- rows of numbers -----------------------------------------------------------------------


def test_rows_of_numbers_with_empty_cells_and_a_wrapped_label() -> None:
    """Runs of spaces between numbers are empty cells; a label may wrap above its numbers."""
    table = _placed(
        "主な国 計 観光 物産\n"
        "アメリカ 5  1 4\n"
        "その他ヨー\n"
        "ロッパ\n"
        "2 2  \n"
        "イギリス 4  4 \n"
        "計 11 3 8\n"
    )
    assert [
        ("アメリカ", "5", "", "1", "4"),
        ("その他ヨーロッパ", "2", "2", "", ""),
        ("イギリス", "4", "", "4", ""),
        ("計", "11", "3", "8", ""),
    ] == _cells(table)
    # Five columns, four header words: the header does not say which is which.
    assert ("", "", "", "", "") == table.header
    assert RowKind.TOTAL is table.rows[-1].kind


def test_rows_of_numbers_of_different_lengths_are_refused() -> None:
    """Rows of unequal length with no empty cell printed: the missing cells' place is unknown."""
    refusal = _refused("事務所名 件数 人数 計\nパリ 80 45 12\nソウル 85 80\n北京 22 21 1\n")
    assert "different lengths" in refusal.reason


# -- in a document -------------------------------------------------------------------------

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
    # the trainees by host (20), the JETAA events of five countries (19) and the
    # economic events of three (9).
    assert placed >= 83
    assert table_rows(expected, read)[0] >= 83


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


EVENTS = """\
平成25年度事業報告
1 自治体の海外における経済活動を支援
○ 海外での観光プロモーション
海外事務所において、自治体の観光プロモーションを支援した。主なものは次のとおりである。
<平成 25 年度 観光プロモーション一覧>
名称                    開催時期           開催場所
日本観光セミナー        平成 25 年 9 月    シドニー
祭り in シドニー        平成 25 年 12 月   シドニー
日本酒等販売促進事業    未定               ソウル特別市
以上のとおり、各事務所が自治体の海外での観光プロモーションを支援した。
"""


def test_rows_that_are_events_become_records_tied_to_their_row() -> None:
    """A name, a date the calendar reads in the report's year, a venue: an event record."""
    report = clairlib.read(EVENTS).document
    assert isinstance(report, AnnualReport)
    (table,) = report.tables
    first, second = report.events
    assert ("日本観光セミナー", "2013-09", "平成 25 年 9 月", "シドニー") == (
        first.name,
        first.period.isoformat() if first.period else None,
        first.period_text,
        first.venue.text if first.venue else None,
    )
    assert "2013-12" == (second.period.isoformat() if second.period else None)
    assert report.sections[0].programmes[0].id == first.programme
    # The third row's date (未定) does not read: it stays a row with no record.
    assert [first.id, second.id, None] == [row.record for row in table.rows]
