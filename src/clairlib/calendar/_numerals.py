"""Kanji and full-width numerals, both ways."""

from __future__ import annotations

_KANJI_DIGITS = "〇一二三四五六七八九"
_DIGIT_VALUE = {ch: i for i, ch in enumerate(_KANJI_DIGITS)} | {"零": 0}
_UNIT_VALUE = {"十": 10, "百": 100, "千": 1000}

KANJI_NUMERAL_CHARS = frozenset(_DIGIT_VALUE) | frozenset(_UNIT_VALUE)

TO_FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def kanji_to_int(text: str) -> int:
    """Read a kanji numeral: positional ('二十五', '十二') or digit by digit ('二〇一三')."""
    if not text:
        raise ValueError("empty numeral")
    if not any(ch in _UNIT_VALUE for ch in text):
        value = 0
        for ch in text:
            value = value * 10 + _DIGIT_VALUE[ch]
        return value
    total = 0
    pending: int | None = None
    last_unit = 10_000
    for ch in text:
        if ch in _DIGIT_VALUE:
            if pending is not None:
                raise ValueError(f"two digits in a row in {text!r}")
            pending = _DIGIT_VALUE[ch]
        else:
            unit = _UNIT_VALUE[ch]
            if unit >= last_unit:
                raise ValueError(f"units out of order in {text!r}")
            total += (1 if pending is None else pending) * unit
            pending = None
            last_unit = unit
    return total + (pending or 0)


def int_to_kanji(value: int) -> str:
    """Write ``value`` (0..9999) as a positional kanji numeral: 25 → '二十五', 10 → '十'."""
    if not 0 <= value <= 9999:
        raise ValueError(f"expected 0..9999, found {value}")
    if value == 0:
        return "〇"
    out = []
    for unit, mark in ((1000, "千"), (100, "百"), (10, "十")):
        count, value = divmod(value, unit)
        if count:
            out.append(("" if count == 1 else _KANJI_DIGITS[count]) + mark)
    if value:
        out.append(_KANJI_DIGITS[value])
    return "".join(out)


def write_number(value: int, digits: str) -> str:
    """Write ``value`` in ASCII ('ascii'), full-width ('fullwidth') or kanji ('kanji') digits."""
    if digits == "ascii":
        return str(value)
    if digits == "fullwidth":
        return str(value).translate(TO_FULLWIDTH)
    return int_to_kanji(value)
