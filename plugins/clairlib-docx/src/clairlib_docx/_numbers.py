"""How numbers and cells read in the Word output."""

from __future__ import annotations

from decimal import Decimal

from clairlib.model import Column, ColumnRole, Quantity
from clairlib.model.quantity import Qualifier

_SCALE_WORDS = {10: "十", 100: "百", 1000: "千", 10_000: "万", 100_000_000: "億"}


def number_text(value: Decimal) -> str:
    """``value`` with thousands separators and its printed decimals: 1,035 / 68.5."""
    # The 'f' type writes 1E+3 as 1,000 rather than in exponent form.
    return format(value, ",f")


def quantity_text(quantity: Quantity, column_unit: str | None = None) -> str:
    """A quantity as printed when its text is known, else formatted.

    The unit is left out where the column carries it: a table prints ``9`` under ``件数``.
    """
    if quantity.text is not None:
        return quantity.text
    qualifier = quantity.qualifier
    prefix = "約" if qualifier is Qualifier.APPROXIMATELY else ""
    suffix = qualifier.japanese if qualifier is not None and prefix == "" else ""
    scale = _SCALE_WORDS.get(quantity.scale, "")
    if not scale and quantity.scale != 1:
        # A scale with no Japanese word of its own: print the number it stands for.
        return f"{prefix}{number_text(quantity.magnitude)}{quantity.unit}{suffix}"
    unit = "" if column_unit is not None and quantity.unit == column_unit else quantity.unit
    return f"{prefix}{number_text(quantity.value)}{scale}{unit}{suffix}"


def is_numeric_column(column: Column) -> bool:
    """True for a column whose cells are figures (right-aligned)."""
    return column.role is not ColumnRole.LABEL
