"""Text tables set out in columns: cells placed by the display columns they stand at."""

from __future__ import annotations

from clairlib.model import RowKind
from tests.reading.conftest import cells_of, placed, refused

ALIGNED = """\
事務所名      研修名                    参加者数   開催時期
ニューヨーク  JET 参加者出発前          120 名     平成 25 年 7 月
              オリエンテーション
ロンドン      日英キャリアセミナー      45 名      平成 25 年 11 月
計                                      165 名
"""


def test_aligned_columns_with_a_wrapped_cell_and_a_total() -> None:
    """Cells stand in columns; a line adding words under words goes on the row above."""
    table = placed(ALIGNED)
    assert ("事務所名", "研修名", "参加者数", "開催時期") == table.header
    assert [
        ("ニューヨーク", "JET 参加者出発前オリエンテーション", "120 名", "平成 25 年 7 月"),
        ("ロンドン", "日英キャリアセミナー", "45 名", "平成 25 年 11 月"),
        ("計", "", "165 名", ""),
    ] == cells_of(table)
    assert [RowKind.DATA, RowKind.DATA, RowKind.TOTAL] == [row.kind for row in table.rows]


def test_aligned_columns_with_full_width_spaces() -> None:
    """A full-width space parts two cells as two spaces do; it is two columns wide."""
    table = placed("国名\u3000\u3000件数\nタイ\u3000\u3000\u30004\n韓国\u3000\u3000\u300012\n")
    assert ("国名", "件数") == table.header
    assert [("タイ", "4"), ("韓国", "12")] == cells_of(table)


def test_aligned_vertical_label_heads_the_rows_beside_it() -> None:
    """One character a line in the first column is a group label, not a cell."""
    table = placed(
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


def test_aligned_lines_that_do_not_line_up_arerefused() -> None:
    """A cell running into its neighbour's column: the columns cannot be told apart."""
    refusal = refused(
        "名称          時期\n"
        "セミナー      平成 25 年 8 月\n"
        "国際交流セミナー  開催  平成 25 年 9 月\n"
    )
    assert "column boundary" in refusal.reason


def test_a_number_under_a_number_is_a_row_of_its_own() -> None:
    """A line with no first cell that puts a number under a number is a new row."""
    table = placed("区分      件数\nセミナー  3\n          4\n")
    assert [("セミナー", "3"), ("", "4")] == cells_of(table)


def test_columns_counted_in_characters_as_a_pdf_tool_lays_them_out() -> None:
    """``pdftotext -layout`` aligns characters, not display widths; the header again is no row."""
    table = placed(
        "事務所名        支援件数    支援人数\n"
        "ニューヨーク          47         197\n"
        "ロンドン              87         405\n"
        "事務所名        支援件数    支援人数\n"
        "計                   134         602\n"
    )
    assert ("事務所名", "支援件数", "支援人数") == table.header
    assert [("ニューヨーク", "47", "197"), ("ロンドン", "87", "405"), ("計", "134", "602")] == (
        cells_of(table)
    )


def test_a_bracket_left_open_goes_on_at_the_next_line() -> None:
    """A wrapped first cell whose bracket is still open continues on the line below."""
    table = placed(
        "刊行物名                                  アクセス数\n"
        "『アメリカにおける一般廃棄物処理とリサイ       193,796\n"
        "クル』\n"
        "『ニューヨーク事務所移転で学ぶ建築行政』       147,671\n"
    )
    assert [
        ("『アメリカにおける一般廃棄物処理とリサイクル』", "193,796"),
        ("『ニューヨーク事務所移転で学ぶ建築行政』", "147,671"),
    ] == cells_of(table)


def test_a_column_of_words_printed_once_over_rows_is_refused() -> None:
    """A label most rows leave empty spans rows the text does not name."""
    refusal = refused(
        "国名        刊行物名                 発行年度\n"
        "            地方自治の概要           平成 25 年度\n"
        "アメリカ    自治体法務と弁護士       平成 25 年度\n"
        "            広域行政                 平成 24 年度\n"
    )
    assert "printed once over several rows" in refusal.reason


def test_a_header_whose_end_is_not_printed_is_refused() -> None:
    """No number or date marks the first row, and the next line opens no first cell."""
    refusal = refused(
        "名称等                  参加者\n            概要\n交流セミナー   講演    自治体職員\n"
    )
    assert "where the header ends" in refusal.reason
