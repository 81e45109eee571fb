"""A fast loader for well-formed documents, generated once per model class.

It reads the canonical JSON by the same rules as the converter but checks each
value inline instead of through a chain of hooks, and stops at the first problem
without saying what it was: ``load`` then re-runs the converter, which collects
and explains every problem. It may reject what the converter accepts (a ``str``
subclass, a float in a dict built in Python) — that only costs speed — but it
never accepts what the converter rejects, and where both accept they agree.
"""

from __future__ import annotations

import enum
import itertools
from collections.abc import Callable
from decimal import Decimal
from typing import Any, get_args

import attrs

from clairlib.calendar import FiscalYear, Period, PeriodSet
from clairlib.io import _values as values
from clairlib.io._compiled import PerClass
from clairlib.io._convert import (
    COUNTRY_FIELDS,
    OFFICE_FIELDS,
    has_id,
    is_mapping,
    is_sequence,
    is_union,
)
from clairlib.model import Quantity
from clairlib.model.places import is_country_code

Fast = Callable[[Any], Any]


class Reject(Exception):
    """The fast loader gives up; the converter will say why."""


_REJECT = Reject  # raised as a class: a fresh instance each time, no traceback kept
# Codes already found valid; sets answer ``issuperset`` in C for a whole tuple.
_countries_seen: set[str] = set()
_CACHE_LIMIT = 1 << 16
_periods: dict[str, Period] = {}
_period_sets: dict[str, Period | PeriodSet] = {}


def _country(code: Any) -> str:
    if code in _countries_seen:
        return code  # type: ignore[no-any-return]
    if type(code) is not str or not is_country_code(code):
        raise _REJECT
    _countries_seen.add(code)
    return code


def _countries(items: Any) -> tuple[str, ...]:
    if type(items) is not list and type(items) is not tuple:
        raise _REJECT
    if not _countries_seen.issuperset(items):
        for code in items:
            _country(code)
    return tuple(items)


def _office(code: Any) -> str:
    if type(code) is not str or code not in values.office_codes():
        raise _REJECT
    return code


def _offices(items: Any) -> tuple[str, ...]:
    if type(items) is not list and type(items) is not tuple:
        raise _REJECT
    # Every known code is a str, so this also rejects anything that is not one.
    if not values.office_codes().issuperset(items):
        raise _REJECT
    return tuple(items)


def _strings(items: Any) -> tuple[str, ...]:
    if (type(items) is not list and type(items) is not tuple) or not {str}.issuperset(
        map(type, items)
    ):
        raise _REJECT
    return tuple(items)


def _decimal(value: Any) -> Decimal:
    kind = type(value)
    if kind is int:
        return Decimal(value)
    if kind is str and values.DECIMAL_TEXT.fullmatch(value):
        return Decimal(value)
    if kind is Decimal and value.is_finite():
        return value  # type: ignore[no-any-return]
    raise _REJECT


def _fiscal_year(value: Any) -> FiscalYear:
    if type(value) is not int or not 1 <= value <= 9998:
        raise _REJECT
    return FiscalYear(value)


def _period(text: Any) -> Period:
    found = _periods.get(text)
    if found is None:
        if type(text) is not str:
            raise _REJECT
        if len(_periods) >= _CACHE_LIMIT:
            _periods.clear()
        found = _periods[text] = Period.fromisoformat(text)
    return found


def _period_or_set(text: Any) -> Period | PeriodSet:
    found = _period_sets.get(text)
    if found is None:
        if type(text) is not str:
            raise _REJECT
        if len(_period_sets) >= _CACHE_LIMIT:
            _period_sets.clear()
        found = _period_sets[text] = values.read_period_or_set(text)
    return found


def _sequence(element: Fast, *, unique: bool) -> Fast:
    def read(items: Any) -> tuple[Any, ...]:
        if type(items) is not list and type(items) is not tuple:
            raise _REJECT
        out = tuple(map(element, items))
        if unique and len({item.id for item in out}) != len(out):
            raise _REJECT
        return out

    return read


def _mapping(element: Fast | None) -> Fast:
    def read(mapping: Any) -> dict[str, Any]:
        if type(mapping) is not dict or not {str}.issuperset(map(type, mapping)):
            raise _REJECT
        if element is None:
            if not {str}.issuperset(map(type, mapping.values())):
                raise _REJECT
            return dict(mapping)
        return {key: element(item) for key, item in mapping.items()}

    return read


def _cell(quantity: Fast) -> Fast:
    def read(value: Any) -> Any:
        if value is None or type(value) is str:
            return value
        if type(value) is dict:
            return quantity(value)
        raise _REJECT

    return read


class Compiler:
    """Generates one reading function per attrs class, on first use."""

    def __init__(self) -> None:
        self._counter = itertools.count()
        self._cache: PerClass[Fast] = PerClass(self._compile)

    def reader(self, cls: type) -> Fast:
        """The fast reading function for ``cls``."""
        return self._cache.get(cls)

    def _value(self, t: Any, cls: type, name: str) -> tuple[str, Any]:
        """How to read a field: ``("inline-kind", None)`` or ``("call", function)``."""
        if name in OFFICE_FIELDS.get(cls, ()):
            return ("offices", _offices) if is_sequence(t) else ("call", _office)
        if name in COUNTRY_FIELDS.get(cls, ()):
            return ("countries", _countries) if is_sequence(t) else ("call", _country)
        if t in (str, int, bool):
            return (t.__name__, None)
        if t is Decimal:
            return ("call", _decimal)
        if t is FiscalYear:
            return ("call", _fiscal_year)
        if t is Period:
            return ("period", _period)
        if isinstance(t, type) and issubclass(t, enum.Enum):
            return ("call", {member.value: member for member in t}.__getitem__)
        if attrs.has(t):
            return ("call", self.reader(t))
        if is_sequence(t):
            element = get_args(t)[0]
            if element is str:
                return ("call", _strings)
            return ("call", _sequence(self._function(element), unique=has_id(element)))
        if is_mapping(t):
            element = get_args(t)[1]
            return ("call", _mapping(None if element is str else self._function(element)))
        if is_union(t):
            members = {arg for arg in get_args(t) if arg is not type(None)}
            if members == {Period, PeriodSet}:
                return ("period_or_set", _period_or_set)
            if members == {Quantity, str}:
                return ("call", _cell(self.reader(Quantity)))
        raise TypeError(f"the fast loader cannot read {t!r}")

    def _function(self, t: Any) -> Fast:
        kind, function = self._value(t, object, "")
        if function is not None:
            return function  # type: ignore[no-any-return]
        expected = {"str": str, "int": int, "bool": bool}[kind]

        def read(value: Any) -> Any:
            if type(value) is not expected:
                raise _REJECT
            return value

        return read

    def _compile(self, cls: type) -> Fast:
        # The reader copies the JSON object and replaces the values that need
        # converting, then passes only the keys present: attrs fills in the defaults.
        attrs.resolve_types(cls)
        namespace: dict[str, Any] = {"_cls": cls, "_REJECT": _REJECT}
        fields = attrs.fields(cls)
        allowed = {field.name for field in fields}
        kind = getattr(cls, "KIND", None)
        lines = ["def read(o):"]
        if kind is not None:
            allowed.add("kind")
            namespace["_KIND"] = kind
        namespace["_allowed"] = frozenset(allowed)
        lines.append("    if type(o) is not dict or not o.keys() <= _allowed: raise _REJECT")
        lines.append("    kw = o.copy()")
        if kind is not None:
            lines.append("    if kw.pop('kind', None) != _KIND: raise _REJECT")
        for index, field in enumerate(fields):
            lines.extend(self._field_lines(namespace, cls, index, field))
        lines.append("    return _cls(**kw)")
        source = "\n".join(lines)
        filename = f"<clairlib.io fast reader {cls.__name__} {next(self._counter)}>"
        exec(compile(source, filename, "exec"), namespace)
        function: Fast = namespace["read"]
        return function

    def _field_lines(
        self, namespace: dict[str, Any], cls: type, index: int, field: attrs.Attribute[Any]
    ) -> list[str]:
        t = field.type
        members = get_args(t) if is_union(t) else ()
        rest = tuple(arg for arg in members if arg is not type(None))
        optional = type(None) in members
        # A union of several types keeps its own reader, which disregards the None.
        inner = rest[0] if len(rest) == 1 else t
        how, function = self._value(inner, cls, field.name)
        key = repr(field.name)
        namespace[f"_r{index}"] = function
        # The commonest checks are written out inline: a Python call costs more than they do.
        if how == "offices":
            namespace.update(_known=values.known_offices.get, _reference=values.reference_offices)
            convert = [
                "if (type(v) is not list and type(v) is not tuple)"
                " or not (_known() or _reference()).issuperset(v): raise _REJECT",
                f"kw[{key}] = tuple(v)",
            ]
        elif how == "countries":
            namespace["_countries_seen"] = _countries_seen
            convert = [
                "if type(v) is not list and type(v) is not tuple: raise _REJECT",
                f"if not _countries_seen.issuperset(v): _r{index}(v)",
                f"kw[{key}] = tuple(v)",
            ]
        elif how in ("period", "period_or_set"):
            namespace[f"_c{index}"] = (_periods if how == "period" else _period_sets).get
            convert = [f"p = _c{index}(v)", f"kw[{key}] = _r{index}(v) if p is None else p"]
        elif how == "call":
            convert = [f"kw[{key}] = _r{index}(v)"]
        elif how == "bool":
            convert = ["if v is not True and v is not False: raise _REJECT"]
        else:
            convert = [f"if type(v) is not {how}: raise _REJECT"]
        required = field.default is attrs.NOTHING
        if optional:
            lines = [f"    v = kw[{key}]" if required else f"    v = kw.get({key})"]
            lines += ["    if v is not None:", *(f"        {line}" for line in convert)]
        elif required:
            lines = [f"    v = kw[{key}]", *(f"    {line}" for line in convert)]
        else:
            # An explicit null for a field that is not optional is rejected by the check.
            lines = [f"    if {key} in kw:", f"        v = kw[{key}]"]
            lines += [f"        {line}" for line in convert]
        if field.alias != field.name:
            lines.append(f"    if {key} in kw: kw[{field.alias!r}] = kw.pop({key})")
        return lines
