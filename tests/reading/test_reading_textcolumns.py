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
