"""What printed figures admit: tolerances from printed digits and qualifiers."""

from __future__ import annotations

from decimal import Decimal

import pytest

from clairlib.findings import Severity
from clairlib.model import Qualifier, Quantity
from clairlib.rules import APPROXIMATE
from clairlib.rules._bounds import Bounds, declared, half_unit, severity


@pytest.mark.parametrize(
    ("printed", "half"),
    [("68.5", "0.05"), ("69", "0.5"), ("69.05", "0.005"), ("0.685", "0.0005")],
)
def test_half_unit_of_the_last_printed_digit(printed: str, half: str) -> None:
    """68.5 allows ±0.05, 69 ±0.5: tolerance comes from the digits printed."""
    assert Decimal(half) == half_unit(Decimal(printed))


def test_approximate_admits_ten_percent() -> None:
    """約 1,552 万 admits 1,396.8 万 … 1,707.2 万 (±10 %)."""
    bounds = declared(Quantity.of(1552, "件", scale=10000, qualifier=Qualifier.APPROXIMATELY))
    assert Decimal("0.10") == APPROXIMATE
    assert (Decimal(13968000), Decimal(17072000)) == (bounds.lo, bounds.hi)


def test_one_sided_qualifiers() -> None:
    """超 excludes its number, 以上 includes it; 未満 and 以下 mirror them."""
    five = Decimal(5)
    at = Bounds.exact(five)
    verdicts = {
        q: declared(Quantity.of(5, qualifier=q)).meets(at)
        for q in (Qualifier.MORE_THAN, Qualifier.AT_LEAST, Qualifier.LESS_THAN, Qualifier.AT_MOST)
    }
    assert {
        Qualifier.MORE_THAN: False,
        Qualifier.AT_LEAST: True,
        Qualifier.LESS_THAN: False,
        Qualifier.AT_MOST: True,
    } == verdicts
    assert declared(Quantity.of(5, qualifier=Qualifier.MORE_THAN)).contains(Decimal("5.01"))


def test_only_approximate_lowers_severity() -> None:
    """約 lowers an error to a warning; 以上 keeps it."""
    approx = Quantity.of(5, qualifier=Qualifier.APPROXIMATELY)
    at_least = Quantity.of(5, qualifier=Qualifier.AT_LEAST)
    assert (Severity.WARNING, Severity.ERROR) == (
        severity(approx, Severity.ERROR),
        severity(at_least, Severity.ERROR),
    )
