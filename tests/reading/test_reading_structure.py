"""The body's outline: sections nested as deep as their numbering styles print them."""

from __future__ import annotations

from collections.abc import Sequence

import clairlib
from clairlib.model import AnnualReport, Section
from clairlib.reading._layout import lines_of_text
from clairlib.reading._structure import _paragraphs

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
    expected = [
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
