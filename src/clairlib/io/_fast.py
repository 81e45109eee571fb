"""The fast reader for well-formed documents, generated once per model class.

It reads the canonical JSON by the rules of the converter, from the same
descriptions (``_describe``), but checks each value inline instead of through a
chain of hooks, and stops at the first problem without saying what it was:
``load`` then re-runs the converter, which collects and explains every problem. It
may reject what the converter accepts (a ``str`` subclass, a float in a dict built
in Python) — that only costs speed — but it never accepts what the converter
rejects, and where both accept they agree.

A compiler made with ``in_place=True`` generates readers that reuse the JSON
objects they are given as the keyword arguments of the classes they build, instead
of copying each: for data just parsed and seen by nobody else (``load``), which the
caller parses again should the reader give up half-way.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from clairlib.calendar import FiscalYear, Period, PeriodSet
from clairlib.io import _values as values
from clairlib.io._compiled import PerClass, generate
from clairlib.io._describe import Field, Kind, Value, describe
from clairlib.model import Quantity
from clairlib.model.places import is_country_code

Fast = Callable[[Any], Any]


class Reject(Exception):
    """The fast reader gives up; the converter will say why."""


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


def _strings(items: Any) -> tuple[str, ...]:
    if (type(items) is not list and type(items) is not tuple) or not {str}.issuperset(
        map(type, items)
    ):
        raise _REJECT
    return tuple(items)


_LIMIT = values.INT_LIMIT


def _decimal(value: Any) -> Decimal:
    kind = type(value)
    if kind is int:
        if -_LIMIT < value < _LIMIT:
            return Decimal(value)
        raise _REJECT
    if kind is str and values.DECIMAL_TEXT.fullmatch(value):
        number = Decimal(value)
    elif kind is Decimal and value.is_finite():
        number = value
    else:
        raise _REJECT
    if not values.in_range(number):
        raise _REJECT
    return number


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


def _typed(expected: type) -> Fast:
    def read(value: Any) -> Any:
        if type(value) is not expected:
            raise _REJECT
        return value

    return read


def _whole(value: Any) -> int:
    if type(value) is not int or not -_LIMIT < value < _LIMIT:
        raise _REJECT
    return value


def _boolean(value: Any) -> bool:
    if value is not True and value is not False:
        raise _REJECT
    return value


def _sequence(element: Fast) -> Fast:
    def read(items: Any) -> tuple[Any, ...]:
        if type(items) is not list and type(items) is not tuple:
            raise _REJECT
        return tuple(map(element, items))

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


def _optional(inner: Fast) -> Fast:
    def read(value: Any) -> Any:
        return None if value is None else inner(value)

    return read


def _cell(quantity: Fast) -> Fast:
    def read(value: Any) -> Any:
        if value is None or type(value) is str:
            return value
        if type(value) is dict:
            return quantity(value)
        raise _REJECT

    return read


# The readers of the leaf kinds, which need nothing but the value.
_LEAVES: dict[Kind, Fast] = {
    Kind.STR: _typed(str),
    Kind.OFFICE: _typed(str),  # whether the office exists is the rules' question
    Kind.INT: _whole,
    Kind.BOOL: _boolean,
    Kind.DECIMAL: _decimal,
    Kind.FISCAL_YEAR: _fiscal_year,
    Kind.PERIOD: _period,
    Kind.PERIOD_OR_SET: _period_or_set,
    Kind.COUNTRY: _country,
}


class Compiler:
    """Generates one reading function per model class, on first use.

    With ``in_place``, the readers turn the JSON objects they read into keyword
    arguments where they lie: faster, but a reader that gives up leaves its input
    half-converted.
    """

    def __init__(self, *, in_place: bool = False) -> None:
        self._in_place = in_place
        self._cache: PerClass[Fast] = PerClass(self._compile)

    def reader(self, cls: type) -> Fast:
        """The fast reading function for ``cls``."""
        return self._cache.get(cls)

    def function(self, value: Value) -> Fast:
        """The reading function of a value."""
        kind = value.kind
        leaf = _LEAVES.get(kind)
        if leaf is not None:
            return leaf
        if kind is Kind.ENUM:
            return {member.value: member for member in value.type}.__getitem__
        if kind is Kind.MODEL:
            return self.reader(value.type)
        if kind is Kind.CELL:
            return _cell(self.reader(Quantity))
        item = value.inner
        if kind is Kind.OPTIONAL:
            return _optional(self.function(item))
        if kind is Kind.MAPPING:
            return _mapping(None if item.kind is Kind.STR else self.function(item))
        if item.kind is Kind.STR or item.kind is Kind.OFFICE:
            return _strings
        if item.kind is Kind.COUNTRY:
            return _countries
        return _sequence(self.function(item))

    def _compile(self, cls: type) -> Fast:
        # The reader replaces the values that need converting in the JSON object (or
        # in a copy of it), then passes only the keys present: attrs fills in the defaults.
        model = describe(cls)
        namespace: dict[str, Any] = {
            "_cls": cls,
            "_REJECT": _REJECT,
            "_allowed": model.keys,
            "_KIND": model.kind,
        }
        lines = [
            "def read(o):",
            "    if type(o) is not dict or not _allowed.issuperset(o): raise _REJECT",
            "    kw = o" if self._in_place else "    kw = o.copy()",
        ]
        if model.kind is not None:
            lines.append("    if kw.pop('kind', None) != _KIND: raise _REJECT")
        for index, field in enumerate(model.fields):
            lines.extend(self._field_lines(namespace, index, field))
        lines.append("    return _cls(**kw)")
        source = "\n".join(lines) + "\n"
        function: Fast = generate(source, "read", namespace, f"reader {cls.__name__}")
        return function

    def _field_lines(self, namespace: dict[str, Any], index: int, field: Field) -> list[str]:
        value = field.value
        optional = value.kind is Kind.OPTIONAL
        if optional:
            value = value.inner
        key = repr(field.key)
        kind = value.kind
        inner = value.inner.kind if kind is Kind.SEQUENCE else None
        array = "(type(v) is not list and type(v) is not tuple)"
        # The commonest checks are written out inline: a Python call costs more than they do.
        if inner is Kind.COUNTRY:
            namespace.update(_countries_seen=_countries_seen, _countries=_countries)
            convert = [
                f"if {array}: raise _REJECT",
                "if not _countries_seen.issuperset(v): _countries(v)",
                f"kw[{key}] = tuple(v)",
            ]
        elif inner is Kind.STR or inner is Kind.OFFICE:
            # join raises TypeError unless every item is a string, and is quicker
            # than looking at each item's type.
            convert = [f"if {array}: raise _REJECT", "''.join(v)", f"kw[{key}] = tuple(v)"]
        elif kind in (Kind.PERIOD, Kind.PERIOD_OR_SET):
            cache = _periods if kind is Kind.PERIOD else _period_sets
            namespace[f"_c{index}"] = cache.get
            namespace[f"_r{index}"] = self.function(value)
            convert = [f"p = _c{index}(v)", f"kw[{key}] = _r{index}(v) if p is None else p"]
        elif kind is Kind.ENUM:
            namespace[f"_e{index}"] = {member.value: member for member in value.type}
            convert = [f"kw[{key}] = _e{index}[v]"]  # KeyError or TypeError: not a member
        elif kind is Kind.SEQUENCE and value.inner.kind is Kind.MODEL:
            namespace[f"_r{index}"] = self.reader(value.inner.type)
            convert = [f"if {array}: raise _REJECT", f"kw[{key}] = tuple(map(_r{index}, v))"]
        elif kind is Kind.DECIMAL:
            namespace.update(_LIMIT=_LIMIT, _Decimal=Decimal, _decimal=_decimal)
            convert = [
                f"kw[{key}] = _Decimal(v) if type(v) is int and -_LIMIT < v < _LIMIT"
                " else _decimal(v)"
            ]
        elif kind is Kind.BOOL:
            convert = ["if v is not True and v is not False: raise _REJECT"]
        elif kind is Kind.STR or kind is Kind.OFFICE:
            convert = ["if type(v) is not str: raise _REJECT"]
        elif kind is Kind.INT:
            namespace["_LIMIT"] = _LIMIT
            convert = ["if type(v) is not int or not -_LIMIT < v < _LIMIT: raise _REJECT"]
        else:
            namespace[f"_r{index}"] = self.function(value)
            convert = [f"kw[{key}] = _r{index}(v)"]
        # A field left out costs one ``in``: most optional fields are.
        if field.required:
            lines = [f"    v = kw[{key}]"]
            indent = "    "
        else:
            lines = [f"    if {key} in kw:", f"        v = kw[{key}]"]
            indent = "        "
        if optional:
            lines.append(f"{indent}if v is not None:")
            indent += "    "
        # An explicit null for a field that is not optional is rejected by the check.
        lines += [f"{indent}{line}" for line in convert]
        if field.alias != field.key:
            lines.append(f"    if {key} in kw: kw[{field.alias!r}] = kw.pop({key})")
        return lines
