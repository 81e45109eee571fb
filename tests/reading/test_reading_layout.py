"""Lines: wrapped lines joined as printed, page numbers and running headers left out."""

from __future__ import annotations

import sys

import attrs
import pytest

from clairlib.reading._layout import (
    _SPACES,
    Line,
    drop_furniture,
    ideographs,
    joined,
    lines_of_text,
    normal,
)


def _lines(*texts: str) -> list[Line]:
    return [Line(text=t, number=i) for i, t in enumerate(texts, start=1)]


def test_japanese_lines_join_without_a_space() -> None:
    """A break between Japanese characters is no space: 資す + るべく → 資するべく."""
    assert "地域経済の活性化に資するべく" == joined(_lines("地域経済の活性化に資す ", "るべく"))


def test_latin_words_keep_their_space() -> None:
    """A break between Latin words stands for a space: ``and`` + ``World``."""
    assert "ACTFL Annual Convention and World Languages Expo" == joined(
        _lines("ACTFL Annual Convention and ", "World Languages Expo")
    )


def test_pages_from_form_feeds_and_blank_lines_remembered() -> None:
    """A form feed starts page 2; a blank line is kept as a hint on the next line."""
    lines = lines_of_text("一行目\n\n二行目\f三行目\n")
    assert [(1, 1, False), (1, 3, True), (2, 1, False)] == [
        (line.page, line.number, line.gap_before) for line in lines
    ]


def test_page_numbers_and_running_headers_dropped() -> None:
    """``- 3 -`` and a header printed at each page's top are left out; cells stay."""
    text = "\f".join(
        f"平成25年度事業報告\n本文{page}の一行目\n9\n本文{page}の二行目\n- {page} -"
        for page in range(1, 5)
    )
    kept, dropped = drop_furniture(lines_of_text(text))
    assert 8 == dropped
    assert ["本文1の一行目", "9", "本文1の二行目"] == [line.text for line in kept[:3]]


def test_a_form_feed_alone_on_its_line_is_no_blank_line() -> None:
    """A form feed alone on its line opens the page with no gap; two in a row skip a page."""
    lines = lines_of_text("一\n\f二\n\n三\f\f四")
    assert [("一", 1, 1, False), ("二", 2, 1, False), ("三", 2, 3, True), ("四", 4, 1, False)] == [
        (line.text, line.page, line.number, line.gap_before) for line in lines
    ]


def test_radicals_are_read_as_the_ideographs() -> None:
    """⽇, ⾏, ⼈ (Kangxi radicals a PDF's fonts give) are 日, 行, 人; the indent is kept."""
    (line,) = lines_of_text("　⽇本の⾏政⼈材を育成する。\n")
    assert ("日本の行政人材を育成する。", 1) == (line.text, line.indent)


def test_ideographs_leave_the_rest_as_printed() -> None:
    """Only radicals change: full-width digits, half-width kana and brackets stay."""
    assert "１２３ｱｲｳ（日）" == ideographs("１２３ｱｲｳ（⽇）")


def test_lines_read_from_text_equal_lines_built_by_the_constructor() -> None:
    """A line of a text extraction is a frozen Line, equal to one the constructor builds."""
    (line,) = lines_of_text("\u3000 （１）国際交流  ")
    assert Line(text="（１）国際交流", page=1, number=1, indent=2) == line
    assert Line is type(line)
    assert "(1)国際交流" == line.folded
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        line.text = "changed"  # type: ignore[misc]
    assert "（１）国際交流" == line.text


def test_lines_folded_alike_whether_the_text_is_nfkc_or_not() -> None:
    """Every line folds as normal() folds it, in a text NFKC already and in one that is not."""
    printed = "研修 は 3月\t実施（予定）\n参加者\u3000約100名\x1c \n"
    for text in (printed, printed + "ｶﾀｶﾅ １２月\n"):
        lines = lines_of_text(text)
        assert [normal(line.text) for line in lines] == [line.folded for line in lines]
    assert ["研修は3月実施(予定)", "参加者約100名"] == [
        line.folded for line in lines_of_text(printed)
    ]


def test_a_lone_carriage_return_breaks_a_line() -> None:
    """CR alone and CR LF end a line as LF does: three lines, numbered as printed."""
    lines = lines_of_text("一行目\r二行目\r\n\r\n四行目")
    assert [("一行目", 1, False), ("二行目", 2, False), ("四行目", 4, True)] == [
        (line.text, line.number, line.gap_before) for line in lines
    ]


def test_the_spaces_a_page_number_may_open_with_are_every_space() -> None:
    """``_SPACES`` holds every character ``str.isspace`` is true of, and no other."""
    expected = "".join(c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace())
    assert expected == _SPACES


def test_a_page_number_opening_with_a_rare_space_is_still_found() -> None:
    """``\u2003- 3 -`` (an em space first) is a page number, left out as ``- 3 -`` is."""
    kept, dropped = drop_furniture(_lines("本文", "\u2003- 3 -", "続き"))
    assert (["本文", "続き"], 1) == ([line.text for line in kept], dropped)
