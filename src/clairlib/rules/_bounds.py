"""What a printed figure admits: intervals of true values, tolerances, operators.

A declared figure stands for a set of true values: an exact 521 for {521}; 約 500 for
500 ± 10 %; 500 以上 for [500, ∞); a ratio printed 68.5 % for [68.45, 68.55]. A
computed value is an interval too when its parts are qualified. Declared and
computed agree when the intervals meet.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

import attrs

from clairlib.findings import Severity
from clairlib.model.quantity import Qualifier, Quantity

# 約 ("approximately") admits values within 10 % of the printed figure. Documents round
# 約 figures to two or three significant digits (約 1,552 万件), so 10 % covers honest
# rounding while still catching a figure that is plainly off.
APPROXIMATE = Decimal("0.10")

INFINITY = Decimal("Infinity")

_OPERATORS = {
    None: "==",
    Qualifier.APPROXIMATELY: "≈",
    # left is the declared figure, right the computed one: "500 以上" holds when 500 <= computed.
    Qualifier.AT_LEAST: "<=",
    Qualifier.MORE_THAN: "<",
    Qualifier.AT_MOST: ">=",
    Qualifier.LESS_THAN: ">",
}


@attrs.frozen
class Bounds:
    """An interval of numbers, each end open or closed; ``nominal`` is the value shown."""

    lo: Decimal
    hi: Decimal
    nominal: Decimal
    lo_open: bool = False
    hi_open: bool = False

    @classmethod
    def exact(cls, value: Decimal) -> Bounds:
        """The interval holding ``value`` alone."""
        return cls(value, value, value)

    @property
    def is_exact(self) -> bool:
        """True for a single value."""
        return self.lo == self.hi and not (self.lo_open or self.hi_open)

    @property
    def spread(self) -> Decimal:
        """The largest distance from ``nominal`` to an end (infinite for one-sided)."""
        return max(self.nominal - self.lo, self.hi - self.nominal)

    def __add__(self, other: Bounds) -> Bounds:
        return Bounds(
            self.lo + other.lo,
            self.hi + other.hi,
            self.nominal + other.nominal,
            self.lo_open or other.lo_open,
            self.hi_open or other.hi_open,
        )

    def meets(self, other: Bounds) -> bool:
        """True when the two intervals share at least one value."""
        if self.hi < other.lo or other.hi < self.lo:
            return False
        if self.hi == other.lo:
            return not (self.hi_open or other.lo_open)
        if other.hi == self.lo:
            return not (other.hi_open or self.lo_open)
        return True

    def contains(self, value: Decimal) -> bool:
        """True when ``value`` lies in the interval."""
        return self.meets(Bounds.exact(value))


def total(parts: Iterable[Bounds]) -> Bounds:
    """The interval of the sum of parts."""
    out = Bounds.exact(Decimal(0))
    for part in parts:
        out = out + part
    return out


def half_unit(value: Decimal) -> Decimal:
    """Half a unit of the last digit printed: 68.5 → 0.05, 69 → 0.5, 1,552 → 0.5."""
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)  # a Quantity's value is finite
    return Decimal(5).scaleb(exponent - 1)


def declared(quantity: Quantity, *, rounded: bool = False) -> Bounds:
    """The true values a printed figure admits.

    ``rounded`` widens an exact figure by half a unit of its last printed digit, as
    for a ratio printed at some precision (68.5 % admits 68.45 … 68.55).
    """
    value = quantity.magnitude
    qualifier = quantity.qualifier
    if qualifier is None:
        if rounded:
            half = half_unit(quantity.value) * quantity.scale
            return Bounds(value - half, value + half, value)
        return Bounds.exact(value)
    if qualifier is Qualifier.APPROXIMATELY:
        slack = abs(value) * APPROXIMATE
        if rounded:
            slack = max(slack, half_unit(quantity.value) * quantity.scale)
        return Bounds(value - slack, value + slack, value)
    if qualifier is Qualifier.AT_LEAST:
        return Bounds(value, INFINITY, value)
    if qualifier is Qualifier.MORE_THAN:
        return Bounds(value, INFINITY, value, lo_open=True)
    if qualifier is Qualifier.AT_MOST:
        return Bounds(-INFINITY, value, value)
    return Bounds(-INFINITY, value, value, hi_open=True)


def operator(quantity: Quantity) -> str:
    """The relation ``declared OP computed`` that the printed qualifier asserts."""
    return _OPERATORS[quantity.qualifier]


def severity(quantity: Quantity, default: Severity) -> Severity:
    """A 約 figure can raise at most a warning; other figures keep the rule's severity."""
    if quantity.qualifier is Qualifier.APPROXIMATELY and default is Severity.ERROR:
        return Severity.WARNING
    return default


def tolerance(stated: Bounds, computed: Bounds) -> Decimal | None:
    """How far declared and computed may lie apart, or None for an exact comparison."""
    allowed = Decimal(0)
    for bounds in (stated, computed):
        spread = bounds.spread
        if spread.is_finite() and spread != 0:
            allowed += spread
    # Division leaves trailing zeros (0.0500…0): show the tolerance as a person would.
    return None if allowed == 0 else tidy(allowed)


def tidy(value: Decimal) -> Decimal:
    """``value`` without trailing zeros, and without an exponent: 0.0500 → 0.05, 50 → 50."""
    out = value.normalize()
    exponent = out.as_tuple().exponent
    return out.quantize(Decimal(1)) if isinstance(exponent, int) and exponent > 0 else out
