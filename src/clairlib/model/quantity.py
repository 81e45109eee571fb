"""Quantities as printed: an exact number with its unit, scale, qualifier and text.

``約 1,552 万件`` is ``Quantity(value=Decimal("1552"), unit="件", scale=10000,
qualifier=Qualifier.APPROXIMATELY, text="約 1,552 万件")``: the printed number is
kept as printed, and :attr:`Quantity.magnitude` gives the number it stands for.
"""

from __future__ import annotations

import enum
import re
from decimal import Decimal, InvalidOperation

import attrs

from clairlib.errors import ClairlibError

__all__ = ["Qualifier", "Quantity", "QuantityError"]


class QuantityError(ClairlibError, ValueError):
    """A printed number could not be read as a quantity."""


class Qualifier(enum.Enum):
    """A word that makes a printed number inexact or one-sided."""

    APPROXIMATELY = "approximately"  # 約
    MORE_THAN = "more_than"  # 超
    AT_LEAST = "at_least"  # 以上
    LESS_THAN = "less_than"  # 未満
    AT_MOST = "at_most"  # 以下

    @property
    def japanese(self) -> str:
        """The word as Japanese documents print it."""
        return _QUALIFIER_WORDS[self]


_QUALIFIER_WORDS = {
    Qualifier.APPROXIMATELY: "約",
    Qualifier.MORE_THAN: "超",
    Qualifier.AT_LEAST: "以上",
    Qualifier.LESS_THAN: "未満",
    Qualifier.AT_MOST: "以下",
}

_SCALES = {"十": 10, "百": 100, "千": 1000, "万": 10_000, "億": 100_000_000}
# 千円 is a unit of its own in budget tables (amounts printed in thousand yen), so it is
# kept whole rather than read as scale 千 + unit 円.
_COMPOUND_UNITS = ("千円", "百万円")
_FULLWIDTH = str.maketrans("０１２３４５６７８９，．％－＋", "0123456789,.%-+")
_NUMBER = re.compile(r"[-+]?\d[\d,]*(?:\.\d+)?|[-+]?\.\d+")


def _check_value(instance: Quantity, attribute: attrs.Attribute[Decimal], value: Decimal) -> None:
    if not value.is_finite():
        raise QuantityError(f"{attribute.name} must be a finite number, found {value}")


def _check_scale(instance: Quantity, attribute: attrs.Attribute[int], value: int) -> None:
    if value <= 0:
        raise QuantityError(f"scale must be a positive whole number, found {value}")


def _to_decimal(value: Decimal | int | str) -> Decimal:
    if isinstance(value, Decimal):
        return value
    try:
        return Decimal(value)
    except (InvalidOperation, ValueError):
        raise QuantityError(f"expected a number, found {value!r}") from None


@attrs.frozen(kw_only=True)
class Quantity:
    """An exact number as a document prints it, with unit, scale and qualifier."""

    value: Decimal = attrs.field(converter=_to_decimal, validator=_check_value)
    unit: str = ""
    scale: int = attrs.field(default=1, validator=_check_scale)
    qualifier: Qualifier | None = None
    text: str | None = None

    @property
    def magnitude(self) -> Decimal:
        """The number the figure stands for: ``value × scale`` (1,552 万 → 15,520,000)."""
        return self.value * self.scale if self.scale != 1 else self.value

    @property
    def is_exact(self) -> bool:
        """True when no qualifier makes the figure approximate or one-sided."""
        return self.qualifier is None

    @classmethod
    def of(cls, value: Decimal | int | str, unit: str = "", **kwargs: object) -> Quantity:
        """Build a quantity from a number and a unit."""
        return cls(value=_to_decimal(value), unit=unit, **kwargs)  # type: ignore[arg-type]

    @classmethod
    def parse(cls, text: str, *, unit: str | None = None) -> Quantity:
        """Read a printed figure such as ``約 1,552 万件``, ``68.5%`` or ``18,909 千円``.

        A trailing ``超`` or ``を超える`` (``5万人を超える``) reads as "more than".

        ``unit`` supplies the unit where the text prints none (a table cell under a
        ``(件)`` header).
        """
        original = text
        body = text.translate(_FULLWIDTH).replace(" ", "").replace("\u3000", "")
        qualifier: Qualifier | None = None
        if body.startswith("約"):
            qualifier, body = Qualifier.APPROXIMATELY, body[1:]
        match = _NUMBER.search(body)
        if match is None or match.start() != 0:
            raise QuantityError(f"expected a number in {original!r}")
        number = match.group().replace(",", "")
        rest = body[match.end() :]
        for word, qual in (
            ("以上", Qualifier.AT_LEAST),
            ("未満", Qualifier.LESS_THAN),
            ("以下", Qualifier.AT_MOST),
            ("を超える", Qualifier.MORE_THAN),
            ("を超え", Qualifier.MORE_THAN),
            ("超え", Qualifier.MORE_THAN),
            ("超", Qualifier.MORE_THAN),
        ):
            if rest.endswith(word):
                if qualifier is not None:
                    raise QuantityError(f"two qualifiers in {original!r}")
                qualifier, rest = qual, rest[: -len(word)]
        if rest.startswith("超"):
            qualifier, rest = Qualifier.MORE_THAN, rest[1:]
        scale = 1
        if rest and rest[0] in _SCALES and not rest.startswith(_COMPOUND_UNITS):
            scale, rest = _SCALES[rest[0]], rest[1:]
        if rest.startswith("超"):
            if qualifier is not None:
                raise QuantityError(f"two qualifiers in {original!r}")
            qualifier, rest = Qualifier.MORE_THAN, rest[1:]
        if rest and unit is not None and rest != unit:
            raise QuantityError(f"expected unit {unit!r} in {original!r}, found {rest!r}")
        return cls(
            value=Decimal(number),
            unit=rest or (unit or ""),
            scale=scale,
            qualifier=qualifier,
            text=original,
        )

    def __str__(self) -> str:
        if self.text is not None:
            return self.text
        scale = next((k for k, v in _SCALES.items() if v == self.scale), "")
        number = f"{self.value:,}"
        prefix = "約" if self.qualifier is Qualifier.APPROXIMATELY else ""
        suffix = (
            self.qualifier.japanese
            if self.qualifier is not None and self.qualifier is not Qualifier.APPROXIMATELY
            else ""
        )
        return f"{prefix}{number}{scale}{self.unit}{suffix}"
