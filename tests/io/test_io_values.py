"""Tests for the canonical JSON's values (clairlib.io._values): the range of numbers read."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clairlib.io._values import in_range


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("9" * 30, True),  # 30 digits
        ("9" * 31, False),
        ("-" + "9" * 30, True),  # 31 characters, 30 digits: counted, not judged by its text
        ("0." + "0" * 28 + "1", True),  # 31 characters, one digit
        ("1." + "0" * 29, True),  # 30 digits, trailing zeros counted
        ("1." + "0" * 30, False),  # 31 digits
        ("1E+30", True),
        ("1E+31", False),
        ("1E-30", True),
        ("1E-31", False),
        ("0E-50", False),  # zero, but its exponent is out of range
        ("68.5", True),
    ],
)
def test_the_range_by_digits_and_exponent(text: str, expected: bool) -> None:
    """A number is read with at most 30 significant digits and an exponent within ±30."""
    assert expected == in_range(Decimal(text))


@given(st.decimals(allow_nan=False, allow_infinity=False))
def test_the_range_is_its_definition(value: Decimal) -> None:
    """Whatever the number, the quick look at its text agrees with counting its digits."""
    expected = len(value.as_tuple().digits) <= 30 and -30 <= value.adjusted() <= 30
    assert expected == in_range(value)
