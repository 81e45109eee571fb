"""Quantity.parse on the figures the documents print, and Quantity's invariants."""

from __future__ import annotations

from decimal import Decimal

import pytest

from clairlib.errors import ClairlibError
from clairlib.model import Qualifier, Quantity, QuantityError


def test_parse_approximate_ten_thousands() -> None:
    """``約 1,552 万件`` keeps 1552, scale 万, unit 件, 約 and the printed text."""
    q = Quantity.parse("約 1,552 万件")
    assert Decimal(1552) == q.value
    assert 10_000 == q.scale
    assert "件" == q.unit
    assert Qualifier.APPROXIMATELY is q.qualifier
    assert "約 1,552 万件" == q.text
    assert Decimal(15_520_000) == q.magnitude
    assert not q.is_exact


def test_parse_thousand_yen_is_one_unit() -> None:
    """``18,909 千円`` is 18909 in the unit 千円, not 18909 × 千 of 円."""
    q = Quantity.parse("18,909 千円")
    assert (Decimal(18909), "千円", 1, None) == (q.value, q.unit, q.scale, q.qualifier)
    assert Decimal(18909) == q.magnitude


def test_parse_percent_keeps_decimal_exact() -> None:
    """``68.5%`` is exactly 68.5 per cent, with no float rounding."""
    q = Quantity.parse("68.5%")
    assert Decimal("68.5") == q.value
    assert "%" == q.unit


def test_parse_full_width_percent_with_space() -> None:
    """``96.9 ％`` (FY2013 report) reads as 96.9 %."""
    q = Quantity.parse("96.9 ％")
    assert (Decimal("96.9"), "%") == (q.value, q.unit)


def test_parse_full_width_digits() -> None:
    """``１５件`` with full-width digits reads as 15 件."""
    q = Quantity.parse("１５件")
    assert (Decimal(15), "件") == (q.value, q.unit)


def test_parse_more_than_written_as_verb() -> None:
    """``5万人を超える`` (FY2011 plan) is more than 5 万 人."""
    q = Quantity.parse("5万人を超える")
    assert (Decimal(5), 10_000, "人") == (q.value, q.scale, q.unit)
    assert Qualifier.MORE_THAN is q.qualifier
    assert Decimal(50_000) == q.magnitude


def test_parse_more_than_with_comma_and_space() -> None:
    """``79,000 人を超える`` (FY2025 plan) is more than 79,000 人."""
    q = Quantity.parse("79,000 人を超える")
    assert (Decimal(79_000), 1, "人", Qualifier.MORE_THAN) == (
        q.value,
        q.scale,
        q.unit,
        q.qualifier,
    )


def test_parse_trailing_cho_after_unit() -> None:
    """``10 万円超`` is more than 10 万 円."""
    q = Quantity.parse("10 万円超")
    assert (Decimal(10), 10_000, "円", Qualifier.MORE_THAN) == (
        q.value,
        q.scale,
        q.unit,
        q.qualifier,
    )


def test_parse_at_least_and_less_than() -> None:
    """``以上`` and ``未満`` become AT_LEAST and LESS_THAN and leave the unit clean."""
    at_least = Quantity.parse("50 名以上")
    less_than = Quantity.parse("20 歳未満")
    assert (Qualifier.AT_LEAST, "名") == (at_least.qualifier, at_least.unit)
    assert (Qualifier.LESS_THAN, "歳") == (less_than.qualifier, less_than.unit)


def test_parse_plain_count_takes_unit_from_header() -> None:
    """A bare ``3,147`` under a ``(名)`` header takes the unit given."""
    q = Quantity.parse("3,147", unit="名")
    assert (Decimal(3147), "名", "3,147") == (q.value, q.unit, q.text)


def test_parse_rejects_other_unit_than_header() -> None:
    """A cell printing 件 under a 名 header is an error, not a silent unit change."""
    with pytest.raises(QuantityError, match="expected unit '名'"):
        Quantity.parse("5件", unit="名")


def test_parse_rejects_text_without_number() -> None:
    """``計`` is not a quantity: the error is a ClairlibError naming the text."""
    with pytest.raises(ClairlibError, match="'計'"):
        Quantity.parse("計")


def test_parse_rejects_two_qualifiers() -> None:
    """``約 5万人を超える`` carries two qualifiers and is refused."""
    with pytest.raises(QuantityError, match="two qualifiers"):
        Quantity.parse("約 5万人を超える")


def test_non_finite_value_is_refused() -> None:
    """NaN and Infinity are not quantities."""
    with pytest.raises(QuantityError):
        Quantity(value=Decimal("NaN"))
    with pytest.raises(QuantityError):
        Quantity.of("Infinity", "件")


def test_scale_must_be_positive() -> None:
    """A zero scale is refused."""
    with pytest.raises(QuantityError, match="scale"):
        Quantity.of(1, "件", scale=0)


def test_str_without_text_formats_japanese() -> None:
    """A built quantity prints as a Japanese document would: ``約1,552万件``."""
    q = Quantity.of(1552, "件", scale=10_000, qualifier=Qualifier.APPROXIMATELY)
    assert "約1,552万件" == str(q)
    assert "100名以上" == str(Quantity.of(100, "名", qualifier=Qualifier.AT_LEAST))


def test_str_prefers_printed_text() -> None:
    """A parsed quantity prints exactly as the document printed it."""
    assert "約 1,552 万件" == str(Quantity.parse("約 1,552 万件"))
