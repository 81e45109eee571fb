"""The words of a text table's line: the shortcuts find what the plain pattern finds."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from clairlib.reading._textcells import _PLAIN_NUMBER, _SPACED_WORD, _WORD

# The word pattern without its shortcut for plain numbers: what it must agree with.
_PLAIN_WORD = re.compile(_WORD.pattern.replace(f"{_PLAIN_NUMBER}|", ""))
_PLAIN_SPACED_WORD = re.compile(_SPACED_WORD.pattern.replace(f"{_PLAIN_NUMBER}|", ""))

_PIECES = (
    *("平成", "令和", "元", "25", "2013", "1,035", "4.5", "12024", "０１", "²", "①"),
    *("年", "年度", "月", "日", "日間", "本", "～", "-", "名", "件", "か国", "団体", "回"),
    *("円", "%", "分野", "都市", "第", "号", "周", "歳", "倍", "度", "(", ")", "（", "）"),
    *("「", "」", "ニューヨーク", "New", "※", ",", ".", "計", " ", " ", "  ", "\u3000", "\t"),
)
_pieces = st.sampled_from(_PIECES)
_lines = st.lists(_pieces, max_size=16).map("".join)


def test_plain_numbers_are_words_of_their_own() -> None:
    """Numbers a space apart are words each; a counter or 年 after one still joins it."""
    assert ["計", "200", "1,035", "7 名", "2013 年", "5"] == _WORD.findall(
        "計 200 1,035 7 名 2013 年 5"
    )


@given(_lines)
def test_the_plain_number_shortcut_finds_the_same_words(text: str) -> None:
    """With the shortcut for plain numbers, the words and spaces are the plain pattern's."""
    assert _PLAIN_WORD.findall(text) == _WORD.findall(text)
    assert _PLAIN_SPACED_WORD.findall(text) == _SPACED_WORD.findall(text)
