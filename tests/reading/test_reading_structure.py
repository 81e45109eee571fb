"""The body's outline: sections nested as deep as their numbering styles print them."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

import clairlib
from clairlib.model import AnnualReport, Section
from clairlib.reading._body import TableNode
from clairlib.reading._headings import KANA_OPENERS
from clairlib.reading._layout import Line, lines_of_text
from clairlib.reading._structure import (
    _HIRAGANA,
    _KANJI,
    _MARKED,
    _paragraphs,
    _Reader,
    _width,
)

THREE_LEVELS = """令和４年度事業報告
Ⅰ 多文化共生の推進
１．地域における多文化共生施策の推進
（１）多文化共生アドバイザー制度の運営
 地方自治体の施策を支援するため、新たに５名のアドバイザーを登録した。
（２）災害時の外国人支援
 ○災害多言語支援センターの設置訓練
 全国３か所で訓練を実施し、約250名が参加した。
Ⅱ 地域の国際協力の推進
１．自治体職員協力交流事業
 海外の自治体職員12名を受け入れ、日本の地方自治や国際交流について研修を行った。
２．ＪＥＴプログラムの推進
 令和４年７月から８月にかけて、新規来日者オリエンテーションを東京で開催した。
"""


def _outline(sections: Sequence[Section]) -> list[tuple[str, str, str, list[str]]]:
    out = []
    for section in sections:
        names = [programme.name for programme in section.programmes]
        out.append((section.id, section.number or "", section.title, names))
        out.extend(_outline(section.sections))
    return out


def _read(text: str) -> AnnualReport:
    document = clairlib.read(text.encode()).document
    assert isinstance(document, AnnualReport)
    return document


def test_roman_over_numbers_over_brackets_nest_three_deep() -> None:
    """Ⅰ over １． over （１）: three levels, each numbered from 1 again under its parent."""
    expected = [
        ("1", "Ⅰ", "多文化共生の推進", []),
        ("1(1)", "１．", "地域における多文化共生施策の推進", []),
        ("1(1)(1)", "（１）", "多文化共生アドバイザー制度の運営", []),
        ("1(1)(2)", "（２）", "災害時の外国人支援", ["災害多言語支援センターの設置訓練"]),
        ("2", "Ⅱ", "地域の国際協力の推進", []),
        ("2(1)", "１．", "自治体職員協力交流事業", []),
        ("2(2)", "２．", "ＪＥＴプログラムの推進", []),
    ]
    assert expected == _outline(_read(THREE_LEVELS).sections)


def test_a_style_above_the_first_does_not_nest_below_it() -> None:
    """In a document numbered 1 … / (1) …, a line opening with Ⅰ is no third level."""
    text = """令和４年度事業報告
1 自治体の海外における経済活動を支援
(1) 海外での展示会への出展
 展示会に出展し、地域の産品を紹介した。
Ⅰ 調査の概要
 調査を行った。
"""
    document = _read(text)
    assert [("1", "1", "自治体の海外における経済活動を支援", [])] == _outline(document.sections)[:1]
    subsection = document.sections[0].sections
    assert 1 == len(subsection)
    assert not subsection[0].sections
    assert "Ⅰ 調査の概要" in "".join(block.text for block in subsection[0].body)


def test_the_same_style_inside_a_section_stays_a_list() -> None:
    """``1 ハノイ`` then ``2 ホーチミン`` under section 1: a list, not section 2."""
    text = """令和４年度事業報告
1 自治体の海外における経済活動を支援
 次の都市で展示会に出展し、地域の産品を紹介した。
1 ハノイ
2 ホーチミン
 いずれも多くの来場者を集めた。
"""
    document = _read(text)
    assert 1 == len(document.sections)
    assert not document.sections[0].sections


PARAGRAPHS = """令和４年度事業報告
1 自治体の海外における経済活動を支援
(1) 展示会への出展
 展示会に出展した。
(2) セミナーの開催
 セミナーを開催した。
2 多文化共生のまちづくりを支援
 相談に対応した。
"""


def test_where_lines_are_paragraphs_a_short_sentence_opens_a_heading() -> None:
    """A text whose lines are whole paragraphs: a one-sentence paragraph follows a heading."""
    expected: list[tuple[str, str, str, list[str]]] = [
        ("1", "1", "自治体の海外における経済活動を支援", []),
        ("1(1)", "(1)", "展示会への出展", []),
        ("1(2)", "(2)", "セミナーの開催", []),
        ("2", "2", "多文化共生のまちづくりを支援", []),
    ]
    assert expected == _outline(_read(PARAGRAPHS).sections)


def test_wrapped_lines_are_no_paragraphs() -> None:
    """Lines wrapped mid-sentence are told from lines that are each a paragraph."""
    wrapped = lines_of_text(
        "地域経済の活性化に資するべく、各海外事務所において、12 か国で\n"
        "45 件のイベントに出展した。今後も支援を続け\nる。\n"
    )
    assert (False, True) == (_paragraphs(wrapped), _paragraphs(lines_of_text(PARAGRAPHS)))


LISTED = """平成25年度事業報告
1 自治体間交流を支援
<一般事業>
① 自治体間交流に関する支援と基盤を維持・強化
 国内自治体を対象に、姉妹提携数や活動概況の調査等を実施し、結果をホームページ等で提
供した。
① 姉妹提携件数及び姉妹提携自治体数
･姉妹提携件数=1661
･姉妹都市提携自治体数=860
② 提携件数の推移
･姉妹都市提携一覧表
② 国内外の自治体職員による国際協力の推進
 海外の自治体職員を受け入れ、日本の地方自治や国際交流について研修を行い、交流を深め
た。
<平成 25 年度 取材協力等による海外マスメディア等での PR 実施一覧>
名称等 開催時期 訪問自治体等
① 平成 25 年 7 月
① 鹿児島市
② 平成 25 年 9 月
② 広島県
③ 平成 26 年 2 月
③ 宮崎県
① 平成 25 年 4 月
① 群馬県
"""


def test_a_numbered_list_through_its_items_is_no_programme() -> None:
    """① 件数 ・… ・… ② 推移: the list's second item, not programme ②, which comes after."""
    names = [p.name for p in _read(LISTED).sections[0].programmes]
    assert [
        "自治体間交流に関する支援と基盤を維持・強化",
        "国内外の自治体職員による国際協力の推進",
    ] == (names)


def test_numbered_cells_under_a_caption_are_no_programme() -> None:
    """Under a caption, ``③ 宮崎県`` before ``① 群馬県`` is a cell, not programme ③."""
    report = _read(LISTED)
    (table,) = report.tables
    assert (2, "平成 25 年度 取材協力等による海外マスメディア等での PR 実施一覧", "1.2") == (
        len(report.sections[0].programmes),
        table.caption,
        table.programme,
    )


KANA = """令和４年度事業報告
1 自治体の海外における経済活動を支援
(1) 海外での展示会への出展
ア 観光展への出展
 海外の観光展に出展し、地域の観光資源を紹介した。来場者から多くの問合せがあった。
(ア) 欧州での出展
 ロンドンとパリの観光展に出展し、各地の観光資源や食文化を紹介した。
(イ) 北米での出展
 ニューヨークの観光展に出展し、各地の観光資源や食文化を紹介した。
イ 物産展への出展
 海外の物産展に出展し、地域の産品を紹介した。商談につながった事例もあった。
(2) セミナーの開催
 海外の自治体関係者を対象にセミナーを開催し、日本の地方自治について紹介した。
"""


def test_katakana_levels_nest_below_brackets() -> None:
    """1 over (1) over ア over (ア), as official documents number five levels deep."""
    expected: list[tuple[str, str, str, list[str]]] = [
        ("1", "1", "自治体の海外における経済活動を支援", []),
        ("1(1)", "(1)", "海外での展示会への出展", []),
        ("1(1)(1)", "ア", "観光展への出展", []),
        ("1(1)(1)(1)", "(ア)", "欧州での出展", []),
        ("1(1)(1)(2)", "(イ)", "北米での出展", []),
        ("1(1)(2)", "イ", "物産展への出展", []),
        ("1(2)", "(2)", "セミナーの開催", []),
    ]
    assert expected == _outline(_read(KANA).sections)


def test_a_katakana_word_is_no_heading() -> None:
    """``アメリカでの…`` opens with ア but is a word: the prose of its place, no level."""
    text = KANA.replace("ア 観光展への出展", "アメリカでの観光展への出展")
    subsection = _read(text).sections[0].sections[0]
    assert (["欧州での出展", "北米での出展"], "アメリカでの観光展への出展") == (
        [section.title for section in subsection.sections],
        subsection.body[0].text[:13],
    )


def test_every_character_that_folds_to_a_mark_is_one() -> None:
    """A character NFKC folds to a caption's, part's or note's mark, or to spaces, is a mark."""
    marks = "<〈【[※"
    # The marks are no compositions: a text's fold opens with one only where the fold of
    # its first character does (or that character folds to spaces, which folding drops).
    assert [("", 0)] * len(marks) == [
        (unicodedata.decomposition(mark), unicodedata.combining(mark)) for mark in marks
    ]
    expected: list[str] = []
    assert expected == [
        char
        for char in map(chr, range(0x110000))
        if char not in _MARKED
        and (
            not (folded := unicodedata.normalize("NFKC", char).lstrip(" \t")) or folded[0] in marks
        )
    ]


def test_no_mark_lies_among_the_letters_told_by_comparing() -> None:
    """No mark, no katakana letter opening a heading, is a kanji or a hiragana letter."""
    expected: list[str] = []
    assert expected == sorted(
        char
        for char in _MARKED | KANA_OPENERS
        if any(low <= char < high for low, high in (_KANJI, _HIRAGANA))
    )
    assert ("漢字", "ひらがな") == tuple(
        text
        for text in ("漢字", "ひらがな", "アメリカ", "1 研修")
        if any(low <= text < high for low, high in (_KANJI, _HIRAGANA))
    )


def test_the_width_is_that_of_nine_in_ten_lines_with_a_comma() -> None:
    """The width: the length nine in ten lines with a comma or stop reach, at least 40."""
    assert (59, 40, 40) == (_width(range(60, 40, -1)), _width([10]), _width([]))


def test_a_caption_over_a_quarter_of_bullets_is_a_list() -> None:
    """Two bullets in five lines are a list; one in five, a table; broken lines count too."""
    caption = Line(text="<一覧>")
    reader = _Reader([caption], None, ())
    tables = [
        lines_of_text("・一つ目\n・二つ目\n東京 1\n大阪 2\n名古屋 3"),
        lines_of_text("・一つ目\n東京 1\n大阪 2\n名古屋 3\n福岡 4"),
        [Line(text="・一つ目\n・二つ目"), Line(text="東京 1"), Line(text="大阪 2")],
    ]
    assert [True, False, True] == [
        reader._is_list(
            TableNode(caption="一覧", line=caption, lines=lines),
            "\n".join(line.text for line in lines),
        )
        for lines in tables
    ]
