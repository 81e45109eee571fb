"""How a message names a number too long to print."""

from __future__ import annotations

from decimal import Decimal

from clairlib.io._problems import describe


def test_a_long_whole_number_is_named_by_its_digits() -> None:
    """A whole number of thousands of digits is named by its length, not printed."""
    assert "a number of 4299 digits" == describe(int("9" * 4299))


def test_a_short_number_is_printed() -> None:
    """A number of ordinary length is printed as it is."""
    assert "number 250" == describe(250)


def test_a_long_fraction_is_cut_in_the_middle() -> None:
    """A fraction of many digits keeps its start and end, joined by an ellipsis."""
    value = Decimal("0." + "1" * 60)
    assert "number 0.1111111111111111111111…111111111111" == describe(value)
