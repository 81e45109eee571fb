"""Tests for folding date text and for kanji numerals."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clairlib.calendar._normalize import normalize, normalize_mapped, source_span
from clairlib.calendar._numerals import int_to_kanji, kanji_to_int

# Characters that date expressions are made of, plus a few that are not.
ALPHABET = (
    "0123456789０１２３４５６７８９〇一二三四五六七八九十百千元"
    "平成令和昭大正明治年度月日同各毎からま で～〜~-－ー・、,①②③ \u3000\n()（）曜火水木金土祝"
    "HRＨ.．㍻㋿xyz"
)


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("平成 25 年 8～9 月", "平成25年8~9月"),
        ("平成２５年１２月", "平成25年12月"),
        ("平成二十五年十二月", "平成25年12月"),
        ("二〇一三年", "2013年"),
        ("①平成25年7月 ②平成25年9月", ",平成25年7月,平成25年9月"),
        ("令和4年度－令和8年度", "令和4年度-令和8年度"),
        ("7・8 月", "7,8月"),
        ("7月1日(月)", "7月1日"),
        ("7月1日（月・祝）", "7月1日"),
        ("11月10日から13日まで", "11月10日~13日"),
        ("㍻25年", "平成25年"),
        ("Ｈ２５．８．１", "H25.8.1"),
    ],
)
def test_normalize(text: str, folded: str) -> None:
    """Folding gives ASCII digits, '~', '-', ',' and no spaces or weekdays."""
    assert folded == normalize(text)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("一", 1),
        ("十", 10),
        ("十二", 12),
        ("二十五", 25),
        ("三十一", 31),
        ("百一", 101),
        ("二〇一三", 2013),
        ("千九百八十九", 1989),
        ("〇", 0),
        ("二千十九", 2019),
    ],
)
def test_kanji_to_int(text: str, number: int) -> None:
    """Positional and digit-by-digit kanji numerals both read."""
    assert number == kanji_to_int(text)


@pytest.mark.parametrize("text", ["", "十十", "二三十", "一二十"])
def test_kanji_to_int_refuses_nonsense(text: str) -> None:
    """Malformed kanji numerals raise ValueError."""
    with pytest.raises(ValueError):  # noqa: PT011
        kanji_to_int(text)


@pytest.mark.parametrize(
    ("number", "text"), [(1, "一"), (10, "十"), (12, "十二"), (25, "二十五"), (2019, "二千十九")]
)
def test_int_to_kanji(number: int, text: str) -> None:
    """Numbers are written positionally without a leading 一 before 十."""
    assert text == int_to_kanji(number)


@given(st.integers(0, 9999))
def test_kanji_numerals_round_trip(number: int) -> None:
    """int_to_kanji and kanji_to_int are inverse."""
    assert number == kanji_to_int(int_to_kanji(number))


@given(st.text(ALPHABET, max_size=30))
def test_mapped_normalization_agrees(text: str) -> None:
    """The offset-tracking fold gives the same text, with a source span per character."""
    folded, spans = normalize_mapped(text)
    assert normalize(text) == folded
    assert len(folded) == len(spans)
    for start, end in spans:
        assert 0 <= start < end <= len(text)


def test_source_span_maps_back_through_spaces_and_kanji() -> None:
    """A span of the folded text covers the right characters of the original."""
    text = "平成 二十五 年 十三 月"
    folded = normalize(text)
    start = folded.index("13")
    assert (9, 11) == source_span(text, start, start + 2)
    assert "十三" == text[9:11]
