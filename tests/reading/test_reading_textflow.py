"""Text tables printed as running text: rows cut where the words' form allows one cut."""

from __future__ import annotations

from clairlib.model import RowKind
from tests.reading.conftest import cells_of, placed, refused


def test_running_cells_cut_by_the_header_and_the_cells_form() -> None:
    """One space between cells: dates and numbers stand alone, brackets hold a cell together."""
    table = placed(
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
    ] == cells_of(table)


def test_running_cell_wrapped_onto_the_next_line_and_a_total() -> None:
    """A long cell goes on at the next line; a 計 row may leave its last cells empty."""
    table = placed(
        "自治体名 受入人数（名） 研修生出身国(分野)\n"
        "北海道旭川市 2 韓国(国際交流)、モンゴル国(都市計画)\n"
        "岩手県 1 中国(環境)\n"
        "計 3\n"
    )
    assert [
        ("北海道旭川市", "2", "韓国(国際交流)、モンゴル国(都市計画)"),
        ("岩手県", "1", "中国(環境)"),
        ("計", "3", ""),
    ] == cells_of(table)
    assert RowKind.TOTAL is table.rows[-1].kind


def test_running_cells_with_vertical_group_labels() -> None:
    """Letters one a line over the rows: the group of the rows after them."""
    table = placed(
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
    table = placed(
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
    table = placed(
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
    table = placed(
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
    table = placed(
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
    ] == cells_of(table)


def test_running_cells_that_can_be_cut_two_ways_arerefused() -> None:
    """An office printed once over several titles: where each row starts is not printed."""
    refusal = refused(
        "事務所名 刊行物名\n"
        "シンガポール\n"
        "『シンガポールにおける外国人受入施策』\n"
        "『シンガポールの言語政策について』\n"
        "『マレーシアの観光政策』\n"
    )
    assert "more than one way" in refusal.reason


def test_two_ways_refused_at_the_first_word_where_they_meet() -> None:
    """Words alone: 東京大阪|京都… and 東京|大阪京都… first come together at 京都, line 3."""
    refusal = refused("名称 場所\n東京 大阪\n京都\n奈良\n")
    assert refusal.reason.startswith("line 3: ")
    assert "more than one way" in refusal.reason
    assert 3 == refusal.line.number  # type: ignore[union-attr]


def test_two_ways_refused_where_they_meet_after_rows_cut_one_way() -> None:
    """The counts fix the first two rows; 京都|祇園四条 and 京都祇園|四条 meet on line 4."""
    refusal = refused("名称 場所 件数\n東京 新宿 3\n大阪 梅田 4\n京都 祇園 四条 5\n")
    assert refusal.reason.startswith("line 4: ")
    assert "more than one way" in refusal.reason
    assert 4 == refusal.line.number  # type: ignore[union-attr]


def test_running_cells_that_make_no_rows_arerefused() -> None:
    """Two dates in a row of one date column: no cut gives rows of the header's width."""
    refusal = refused("名称 開催時期\nセミナー 平成 25 年 8 月 平成 26 年 2 月\n")
    assert "rows of 2 cells" in refusal.reason


def test_a_header_of_one_word_isrefused() -> None:
    """Without a header naming two columns there is no width to cut the rows to."""
    assert "fewer than two columns" in refused("名称等\n平成25年度国際交流推進\nセミナー\n").reason


# -- rows of numbers -----------------------------------------------------------------------


def test_rows_of_numbers_with_empty_cells_and_a_wrapped_label() -> None:
    """Runs of spaces between numbers are empty cells; a label may wrap above its numbers."""
    table = placed(
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
    ] == cells_of(table)
    # Five columns, four header words: the header does not say which is which.
    assert ("", "", "", "", "") == table.header
    assert RowKind.TOTAL is table.rows[-1].kind


def test_rows_of_numbers_of_different_lengths_arerefused() -> None:
    """Rows of unequal length with no empty cell printed: the missing cells' place is unknown."""
    refusal = refused("事務所名 件数 人数 計\nパリ 80 45 12\nソウル 85 80\n北京 22 21 1\n")
    assert "different lengths" in refusal.reason


def test_a_last_line_of_counts_is_the_total_printed_without_kei() -> None:
    """Numbers with their counters, one a column, closing the table: its total row."""
    table = placed(
        "派遣時期 派遣先 派遣人員 専門分野\n"
        "平成 25 年 8 月 中国･山東省 1 名(名古屋市) 都市計画\n"
        "平成 26 年 2 月 ブルネイ 1 名(千葉市) 消防防災\n"
        "2 件\n"
        "2 か国 2 名 2 分野\n"
    )
    assert [
        (RowKind.DATA, ("平成 25 年 8 月", "中国･山東省", "1 名(名古屋市)", "都市計画")),
        (RowKind.DATA, ("平成 26 年 2 月", "ブルネイ", "1 名(千葉市)", "消防防災")),
        (RowKind.TOTAL, ("2 件", "2 か国", "2 名", "2 分野")),
    ] == [(row.kind, row.cells) for row in table.rows]


def test_labels_across_the_table_group_the_rows_under_them() -> None:
    """``<管理者向け>`` on a line of its own: the group of the rows after it; 計 is the table's."""
    table = placed(
        "研修名\n参加者数\n(名)\n開催時期\n"
        "<管理者向け>\n"
        "地域国際化協会の効果的な地域連携について 25 平成 25 年 9 月\n"
        "<事業担当者向け>\n"
        "多文化共生実践者ネットワーク会議:\n"
        "｢防災事業の実践を語る｣ 12 平成 25 年 10 月\n"
        "｢震災時を振り返って、そして 2 年後の現状･課題に\n"
        "ついて学ぶ｣ 37 平成 25 年 10 月\n"
        "計 74\n"
    )
    assert ("研修名", "参加者数 (名)", "開催時期") == table.header
    assert [
        ("管理者向け", ("地域国際化協会の効果的な地域連携について", "25", "平成 25 年 9 月")),
        (
            "事業担当者向け",
            ("多文化共生実践者ネットワーク会議:｢防災事業の実践を語る｣", "12", "平成 25 年 10 月"),
        ),
        (
            "事業担当者向け",
            (
                "｢震災時を振り返って、そして 2 年後の現状･課題について学ぶ｣",
                "37",
                "平成 25 年 10 月",
            ),
        ),
        (None, ("計", "74", "")),
    ] == [(row.group, row.cells) for row in table.rows]


def test_a_closed_cell_does_not_go_on_into_the_next_row() -> None:
    """``インドネシア(下水処理)`` then ``長崎市 1 …``: a new row, not the cell's end."""
    table = placed(
        "自治体名 受入人数（名） 研修生出身国(分野)\n"
        "北九州市 4\n"
        "ベトナム 2(水道技術、国際交流)、中国(環境)\n"
        "インドネシア(下水処理)\n"
        "長崎市 1 ポルトガル(国際交流)\n"
    )
    assert [
        ("北九州市", "4", "ベトナム 2(水道技術、国際交流)、中国(環境)インドネシア(下水処理)"),
        ("長崎市", "1", "ポルトガル(国際交流)"),
    ] == cells_of(table)
