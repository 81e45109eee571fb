"""The canonical JSON described once: one :class:`Model` per model class, from ``attrs.fields``.

Every reader and writer of the canonical JSON is generated from these descriptions:
the collecting converter (``_convert``), the fast reader (``_fast``), the data and
text writers (``_writers``, ``_text``) and the JSON Schema (``_schema``). What a
field holds is a :class:`Value` tree — a leaf kind (string, whole number, decimal,
period …), a model class, an array, an object, an optional value or a table cell —
and which strings are office or country codes is written here and nowhere else.
"""

from __future__ import annotations

import enum
import functools
import threading
import types
from decimal import Decimal
from typing import Any, Union, get_args, get_origin

import attrs

from clairlib.calendar import FiscalYear, Period, PeriodSet
from clairlib.model import (
    Event,
    Measurement,
    Office,
    OfficeFocus,
    Person,
    Programme,
    Publication,
    Quantity,
    StaffCount,
    Venue,
)

__all__ = ["Field", "Kind", "Model", "Value", "describe", "is_default", "value_of"]


class Kind(enum.Enum):
    """What a JSON value stands for."""

    STR = "str"
    INT = "int"
    BOOL = "bool"
    DECIMAL = "decimal"  # a JSON number, or its exact text ("68.5")
    FISCAL_YEAR = "fiscal_year"  # a whole number such as 2013
    PERIOD = "period"  # ISO text: '2013-08', '2013-12/2014-01', 'FY2013'
    PERIOD_OR_SET = "period_or_set"  # a period, or a set of them ('2013-07,2013-09')
    OFFICE = "office"  # an office code: 'HQ', 'JP-13', '011002', 'NYC'
    COUNTRY = "country"  # an ISO 3166-1 alpha-2 code
    ENUM = "enum"  # one of an enum's values
    MODEL = "model"  # an object of a model class
    SEQUENCE = "sequence"  # an array
    MAPPING = "mapping"  # an object with string keys
    OPTIONAL = "optional"  # the inner value, or null
    CELL = "cell"  # a table cell: a Quantity object, a string or null


@attrs.frozen
class Value:
    """What a field holds: a kind, the Python type behind it, and the value inside it."""

    kind: Kind
    type: Any = None  # the enum or model class for ENUM and MODEL
    item: Value | None = None  # the element of SEQUENCE/MAPPING, the inner value of OPTIONAL

    @property
    def inner(self) -> Value:
        """The value inside (an array's element, an optional's value); itself for a leaf."""
        return self if self.item is None else self.item


@attrs.frozen
class Field:
    """One field of a model class as the canonical JSON writes it."""

    name: str  # the attribute
    key: str  # the JSON key (the attribute's name: its alias is for Python callers)
    alias: str  # the keyword the class's __init__ takes
    value: Value
    default: Any  # attrs.NOTHING for a required field; a factory already called
    attribute: attrs.Attribute[Any]

    @property
    def required(self) -> bool:
        """True when the JSON object must carry the field."""
        return self.default is attrs.NOTHING

    @property
    def by_identity(self) -> bool:
        """True when a value is compared with the default by identity (None, enum members).

        An attrs instance compared with None would run its ``__eq__``.
        """
        if self.required:
            return False
        return self.default is None or isinstance(self.default, enum.Enum)


@attrs.frozen
class Model:
    """A model class as the canonical JSON writes it: its fields in sorted key order."""

    cls: type
    kind: str | None  # the ``"kind"`` discriminator of a document class
    fields: tuple[Field, ...]

    @property
    def keys(self) -> frozenset[str]:
        """Every key an object of this class may carry, ``"kind"`` included."""
        names = {field.key for field in self.fields}
        return frozenset(names | {"kind"} if self.kind is not None else names)


# The strings that are references: office codes and country codes, by class and field.
_OFFICE_FIELDS: dict[type, frozenset[str]] = {
    Event: frozenset({"offices"}),
    Programme: frozenset({"offices"}),
    Person: frozenset({"office"}),
    Publication: frozenset({"office"}),
    Measurement: frozenset({"office"}),
    StaffCount: frozenset({"office"}),
    OfficeFocus: frozenset({"office"}),
}
_COUNTRY_FIELDS: dict[type, frozenset[str]] = {
    Venue: frozenset({"countries"}),
    Programme: frozenset({"countries"}),
    Person: frozenset({"country"}),
    Publication: frozenset({"country"}),
    Measurement: frozenset({"country"}),
    Office: frozenset({"country", "jurisdiction"}),
}
_LEAVES: dict[Any, Kind] = {
    str: Kind.STR,
    int: Kind.INT,
    bool: Kind.BOOL,
    Decimal: Kind.DECIMAL,
    FiscalYear: Kind.FISCAL_YEAR,
    Period: Kind.PERIOD,
}


def value_of(t: Any, reference: Kind | None = None) -> Value:
    """The :class:`Value` of the annotation ``t``; ``reference`` makes its strings codes."""
    if t is str and reference is not None:
        return Value(reference)
    leaf = _LEAVES.get(t)
    if leaf is not None:
        return Value(leaf)
    if isinstance(t, type) and issubclass(t, enum.Enum):
        return Value(Kind.ENUM, t)
    if attrs.has(t):
        return Value(Kind.MODEL, t)
    origin, args = get_origin(t), get_args(t)
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        return Value(Kind.SEQUENCE, item=value_of(args[0], reference))
    if origin is dict and args[0] is str:
        return Value(Kind.MAPPING, item=value_of(args[1], reference))
    if origin in (Union, types.UnionType):
        members = {arg for arg in args if arg is not type(None)}
        optional = len(members) < len(args)
        if members == {Quantity, str} and optional:
            return Value(Kind.CELL)
        if members == {Period, PeriodSet}:
            inner = Value(Kind.PERIOD_OR_SET)
        elif len(members) == 1:
            inner = value_of(next(iter(members)), reference)
        else:
            raise TypeError(f"the canonical JSON has no form for {t!r}")
        return Value(Kind.OPTIONAL, item=inner) if optional else inner
    raise TypeError(f"the canonical JSON has no form for {t!r}")


_lock = threading.Lock()


@functools.cache
def _describe(cls: type) -> Model:
    with _lock:  # resolve_types writes to the class
        attrs.resolve_types(cls)
    fields = []
    for attribute in attrs.fields(cls):
        reference = None
        if attribute.name in _OFFICE_FIELDS.get(cls, ()):
            reference = Kind.OFFICE
        elif attribute.name in _COUNTRY_FIELDS.get(cls, ()):
            reference = Kind.COUNTRY
        default = attribute.default
        if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
            default = default.factory()
        fields.append(
            Field(
                name=attribute.name,
                key=attribute.name,
                alias=attribute.alias or attribute.name,
                value=value_of(attribute.type, reference),
                default=default,
                attribute=attribute,
            )
        )
    fields.sort(key=lambda field: field.key)
    kind = getattr(cls, "KIND", None)
    return Model(cls=cls, kind=kind if isinstance(kind, str) else None, fields=tuple(fields))


def describe(cls: type) -> Model:
    """The description of the attrs class ``cls`` (built once, then cached)."""
    return _describe(cls)


def is_default(field: Field, value: Any) -> bool:
    """True when ``value`` equals the field's default, so the canonical JSON leaves it out."""
    if field.required:
        return False
    if field.by_identity:
        return value is field.default
    return bool(value == field.default)
