"""The fast reader for well-formed documents, generated once per model class.

It reads the canonical JSON by the rules of the converter, from the same
descriptions (``_describe``), but checks each value inline instead of through a
chain of hooks, and stops at the first problem without saying what it was:
``load`` then re-runs the converter, which collects and explains every problem. It
may reject what the converter accepts (a ``str`` subclass, a float in a dict built
in Python) — that only costs speed — but it never accepts what the converter
rejects, and where both accept they agree.

A reader builds each instance as attrs' ``__init__`` would — every field's slot
set, the converters and validators run — without the call through keyword
arguments. A compiler made with ``in_place=True`` generates readers that empty
each JSON object once read, for data just parsed and seen by nobody else
(``load``), which the caller parses again should the reader give up half-way.
"""

from __future__ import annotations

import inspect
import types
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import attrs

from clairlib.calendar import FiscalYear, Period, PeriodSet
from clairlib.io import _values as values
from clairlib.io._compiled import PerClass, generate
from clairlib.io._describe import Field, Kind, Model, Value, describe
from clairlib.model import LocalGovernment, Quantity, Venue
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

    A reader takes each value out of the JSON object it is given, checks or
    converts it, and sets it on a new instance, as the class's own ``__init__``
    would, validators included. With ``in_place``, it empties each object it has
    read: faster, but a reader that gives up leaves its input half taken apart.
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
        model = describe(cls)
        build = _Build.of(model)
        namespace: dict[str, Any] = {
            "_cls": cls,
            "_REJECT": _REJECT,
            "_allowed": model.keys,
            "_KIND": model.kind,
            "_new": object.__new__,
        }
        lines = [
            "def read(o):",
            "    if type(o) is not dict or not _allowed.issuperset(o): raise _REJECT",
        ]
        if model.kind is not None:
            lines.append("    if o.get('kind') != _KIND: raise _REJECT")
        shared = build.direct and cls in _SHARED
        if build.direct and not shared:
            lines.append("    s = _new(_cls)")
        elif not build.direct:
            lines.append("    kw = {}")
        for index, field in enumerate(model.fields):
            lines.extend(self._field_lines(namespace, index, field, build, shared))
        if shared:
            lines.extend(_shared_lines(namespace, build))
        elif build.direct:
            lines.extend(build.checks(namespace))
        else:
            lines.append("    s = _cls(**kw)")
        if self._in_place:
            # Emptied while it is fresh in the cache, the object frees what only it
            # held (arrays now tuples, objects now instances), and the new instances
            # reuse that memory: quicker than freeing the whole parse at the end.
            lines.append("    o.clear()")
        lines.append("    return s")
        source = "\n".join(lines) + "\n"
        function: Fast = generate(source, "read", namespace, f"reader {cls.__name__}")
        return function

    def _field_lines(
        self, namespace: dict[str, Any], index: int, field: Field, build: _Build, shared: bool
    ) -> list[str]:
        value = field.value
        optional = value.kind is Kind.OPTIONAL
        if optional:
            value = value.inner
        key = repr(field.key)
        convert = self._convert_lines(namespace, index, value)
        given, default = build.setters(namespace, index, field)
        if not build.direct:
            set_value, set_default = f"kw[{field.alias!r}] = v", ""
        elif shared:  # kept for the key; set on the instance only if it is new
            set_value, set_default = f"v{index} = {given}", f"v{index} = {default}"
        else:
            set_value, set_default = f"_s{index}(s, {given})", f"_s{index}(s, {default})"
        # A field left out costs one ``in``: most optional fields are.
        if field.required:
            lines = [f"    v = o[{key}]"]
            indent = "    "
        else:
            lines = [f"    if {key} in o:", f"        v = o[{key}]"]
            indent = "        "
        if optional:
            lines.append(f"{indent}if v is not None:")
            lines += [f"{indent}    {line}" for line in convert]
        else:
            # An explicit null for a field that is not optional is rejected by the check.
            lines += [f"{indent}{line}" for line in convert]
        lines.append(f"{indent}{set_value}")
        if not field.required and set_default:
            lines += ["    else:", f"        {set_default}"]
        return lines

    def _convert_lines(self, namespace: dict[str, Any], index: int, value: Value) -> list[str]:
        """Lines that check ``v`` and leave in ``v`` the value the class holds."""
        kind = value.kind
        inner = value.inner.kind if kind is Kind.SEQUENCE else None
        array = "(type(v) is not list and type(v) is not tuple)"
        # The commonest checks are written out inline: a Python call costs more than they do.
        if inner is Kind.COUNTRY:
            namespace.update(_countries_seen=_countries_seen, _countries=_countries)
            return [
                f"if {array}: raise _REJECT",
                "if not _countries_seen.issuperset(v): _countries(v)",
                "v = tuple(v)",
            ]
        if inner is Kind.STR or inner is Kind.OFFICE:
            # join raises TypeError unless every item is a string, and is quicker
            # than looking at each item's type.
            return [f"if {array}: raise _REJECT", "''.join(v)", "v = tuple(v)"]
        if kind in (Kind.PERIOD, Kind.PERIOD_OR_SET):
            cache = _periods if kind is Kind.PERIOD else _period_sets
            namespace[f"_c{index}"] = cache.get
            namespace[f"_r{index}"] = self.function(value)
            return [f"p = _c{index}(v)", f"v = _r{index}(v) if p is None else p"]
        if kind is Kind.ENUM:
            namespace[f"_e{index}"] = {member.value: member for member in value.type}
            return [f"v = _e{index}[v]"]  # KeyError or TypeError: not a member
        if kind is Kind.SEQUENCE and value.inner.kind is Kind.MODEL:
            namespace[f"_r{index}"] = self.reader(value.inner.type)
            return [f"if {array}: raise _REJECT", f"v = tuple(map(_r{index}, v))"]
        if kind is Kind.DECIMAL:
            namespace.update(
                _LIMIT=_LIMIT,
                _Decimal=Decimal,
                _decimal=_decimal,
                _DIGITS=values.MAX_DIGITS,
                _EXPONENT=values.MAX_EXPONENT,
            )
            # A parsed fraction is a Decimal already: in range when its exponent is and
            # its text is short (values.in_range's first look); else the whole check.
            return [
                "if type(v) is int and -_LIMIT < v < _LIMIT: v = _Decimal(v)",
                "elif (type(v) is not _Decimal or not v.is_finite()"
                " or not -_EXPONENT <= v.adjusted() <= _EXPONENT or len(str(v)) > _DIGITS):",
                "    v = _decimal(v)",
            ]
        if kind is Kind.BOOL:
            return ["if v is not True and v is not False: raise _REJECT"]
        if kind is Kind.STR or kind is Kind.OFFICE:
            return ["if type(v) is not str: raise _REJECT"]
        if kind is Kind.INT:
            namespace["_LIMIT"] = _LIMIT
            return ["if type(v) is not int or not -_LIMIT < v < _LIMIT: raise _REJECT"]
        namespace[f"_r{index}"] = self.function(value)
        return [f"v = _r{index}(v)"]


@attrs.frozen
class _Build:
    """How a reader makes its instance: set slot by slot, or through ``__init__``.

    Setting the slots of a new instance, as attrs' own ``__init__`` does, saves
    the call and the keyword dict; a class whose ``__init__`` does more than set
    its fields (a pre-init hook, a cached hash, a converter taking the instance,
    a factory taking it) is built by calling it.
    """

    model: Model
    direct: bool

    @classmethod
    def of(cls, model: Model) -> _Build:
        """How instances of ``model``'s class are built."""
        return cls(model, _settable(model.cls))

    def setters(self, namespace: dict[str, Any], index: int, field: Field) -> tuple[str, str]:
        """What the field holds, given ``v`` and given nothing; ``_s<index>`` sets it."""
        if not self.direct:
            return "v", ""
        attribute = field.attribute
        namespace[f"_s{index}"] = inspect.getattr_static(self.model.cls, field.name).__set__
        value = "v"
        converter = attribute.converter
        if converter is not None and converter not in _ensured(field):
            namespace[f"_v{index}"] = converter
            value = f"_v{index}(v)"
        default: Any = attribute.default
        if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
            namespace[f"_d{index}"] = default.factory
            made = f"_d{index}()"
        else:
            namespace[f"_d{index}"] = default
            made = f"_d{index}"
        if value != "v":
            made = f"_v{index}({made})"
        return value, made

    def checks(self, namespace: dict[str, Any]) -> list[str]:
        """The lines that run the fields' validators, then any post-init hook."""
        lines = []
        for index, field in enumerate(self.model.fields):
            attribute = field.attribute
            if attribute.validator is None or attribute.validator in _ensured(field):
                continue
            namespace[f"_a{index}"] = attribute
            namespace[f"_k{index}"] = attribute.validator
            check = f"_k{index}(s, _a{index}, s.{field.name})"
            if field.required or not _default_passes(attribute):
                lines.append(f"    {check}")
            else:
                lines.append(f"    if {field.key!r} in o: {check}")
        if hasattr(self.model.cls, "__attrs_post_init__"):
            lines.append("    s.__attrs_post_init__()")
        return lines


# Value objects documents repeat (a venue, a host municipality): equal ones are read
# as one shared instance, found by their fields' values. Every field is a string,
# a whole number, an enum member, None or a tuple of strings, so equal keys mean
# equal fields.
_SHARED = frozenset({Venue, LocalGovernment})
_shared_kinds = {Kind.STR, Kind.OFFICE, Kind.COUNTRY, Kind.INT, Kind.BOOL, Kind.ENUM}


def _shareable(value: Value) -> bool:
    if value.kind is Kind.OPTIONAL:
        return _shareable(value.inner)
    if value.kind is Kind.SEQUENCE:
        return value.inner.kind in (Kind.STR, Kind.OFFICE, Kind.COUNTRY)
    return value.kind in _shared_kinds


def _shared_lines(namespace: dict[str, Any], build: _Build) -> list[str]:
    """The lines that find the instance with the values ``v0`` … or make and keep it."""
    fields = build.model.fields
    if not all(_shareable(field.value) for field in fields):
        raise TypeError(f"{build.model.cls.__name__} holds values that cannot be shared")
    namespace.update(_instances={}, _CACHE_LIMIT=_CACHE_LIMIT)
    key = "".join(f"v{index}, " for index in range(len(fields)))
    lines = [
        f"    k = ({key})",
        "    s = _instances.get(k)",
        "    if s is None:",
        "        s = _new(_cls)",
    ]
    lines += [f"        _s{index}(s, v{index})" for index in range(len(fields))]
    lines += [f"    {line}" for line in build.checks(namespace)]
    return [
        *lines,
        "        if len(_instances) >= _CACHE_LIMIT: _instances.clear()",
        "        _instances[k] = s",
    ]


def _ensured(field: Field) -> frozenset[Any]:
    """The converters and validators of ``field`` that its reading has made redundant.

    Read as a decimal, a quantity's value is already a finite Decimal, which is all
    its converter and validator ensure. Should they ever ensure more, the fast
    reader's tests find it accepting what the converter (which calls ``__init__``)
    refuses.
    """
    if field.value.kind is Kind.DECIMAL and field.attribute is _QUANTITY_VALUE:
        return frozenset({_QUANTITY_VALUE.converter, _QUANTITY_VALUE.validator})
    return frozenset()


_QUANTITY_VALUE = attrs.fields(Quantity).value


def _settable(cls: type) -> bool:
    """True when setting each field's slot on a bare instance is all ``__init__`` does."""
    if hasattr(cls, "__attrs_pre_init__"):
        return False
    names = {attribute.name for attribute in attrs.fields(cls)}
    slots: set[str] = set()
    for base in cls.__mro__:
        found = base.__dict__.get("__slots__", ())
        slots.update((found,) if isinstance(found, str) else found)
    if slots - {"__weakref__"} != names:
        return False  # a cached hash or a slot of its own: let __init__ fill it
    for attribute in attrs.fields(cls):
        if not isinstance(inspect.getattr_static(cls, attribute.name), types.MemberDescriptorType):
            return False
        converter, default = attribute.converter, attribute.default
        if isinstance(converter, attrs.Converter) or (
            isinstance(default, attrs.Factory) and default.takes_self  # type: ignore[arg-type]
        ):
            return False
    return True


def _default_passes(attribute: attrs.Attribute[Any]) -> bool:
    """True when the field's validator accepts its default, which then needs no check.

    A validator that looks at the instance fails here and is run every time.
    """
    default: Any = attribute.default
    converter: Any = attribute.converter  # a plain function: see _settable
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
        return False
    try:
        if converter is not None:
            default = converter(default)
        attribute.validator(None, attribute, default)  # type: ignore[misc]
    except Exception:
        return False
    return True
