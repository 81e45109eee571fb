"""Unstructuring hooks generated once per model class: attrs object → canonical JSON data.

Each hook reads the fields in one pass, leaves out those equal to their default
and converts the rest inline (an enum to its value, a period to its ISO text),
so writing a large report costs little beyond the JSON encoding itself.
"""

from __future__ import annotations

import enum
import itertools
from collections.abc import Callable
from decimal import Decimal
from typing import Any, get_args

import attrs

from clairlib.calendar import FiscalYear, Period, PeriodSet
from clairlib.io._compiled import PerClass
from clairlib.io._values import write_decimal
from clairlib.model import Quantity

Writer = Callable[[Any], Any]


def _strings(value: tuple[str, ...]) -> list[str]:
    return list(value)


def _period(value: Period | PeriodSet) -> str:
    return value.isoformat()


def _fiscal_year(value: FiscalYear) -> int:
    return value.year


def _member(value: enum.Enum) -> Any:
    return value._value_


def _sequence(element: Writer) -> Writer:
    def write(value: tuple[Any, ...]) -> list[Any]:
        return list(map(element, value))

    return write


def _mapping(element: Writer | None) -> Writer:
    def write(value: dict[str, Any]) -> dict[str, Any]:
        if element is None:
            return dict(value)
        return {key: element(item) for key, item in value.items()}

    return write


def _cell(quantity: Writer) -> Writer:
    def write(value: Quantity | str | None) -> Any:
        return quantity(value) if isinstance(value, Quantity) else value

    return write


class WriterCompiler:
    """Generates the unstructuring hook of each attrs class on first use."""

    def __init__(self, fallback: Callable[[Any], Writer]) -> None:
        # ``fallback`` gives the converter's hook for a type this module does not know.
        self._fallback = fallback
        self._counter = itertools.count()
        self._cache: PerClass[Writer] = PerClass(self._compile)

    def writer(self, cls: type) -> Writer:
        """The unstructuring hook of ``cls``."""
        return self._cache.get(cls)

    def value(self, t: Any) -> Writer | None:
        """How to write a value of type ``t``; None when it is written as it is."""
        if t in (str, int, bool):
            return None
        if t is Decimal:
            return write_decimal
        if t is FiscalYear:
            return _fiscal_year
        if t in (Period, PeriodSet):
            return _period
        if isinstance(t, type) and issubclass(t, enum.Enum):
            return _member
        if attrs.has(t):
            return self.writer(t)
        args = get_args(t)
        origin = getattr(t, "__origin__", None)
        if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
            element = self.value(args[0])
            return _strings if element is None else _sequence(element)
        if origin is dict:
            return _mapping(self.value(args[1]))
        members = {arg for arg in args if arg is not type(None)}
        if members and members <= {Period, PeriodSet}:
            return _period
        if members == {Quantity, str}:
            return _cell(self.writer(Quantity))
        if len(members) == 1 and len(args) == 2:
            (inner,) = members
            return self.value(inner)
        return self._fallback(t)

    def container(self, t: Any) -> Writer:
        """How to write a tuple or dict type (never as it is: tuples become lists)."""
        found = self.value(t)
        assert found is not None, t
        return found

    def _compile(self, cls: type) -> Writer:
        attrs.resolve_types(cls)
        namespace: dict[str, Any] = {}
        lines = ["def write(o):", "    res = {}"]
        for index, field in enumerate(attrs.fields(cls)):
            convert = self.value(field.type)
            expression = "v"
            if convert is not None:
                namespace[f"_w{index}"] = convert
                expression = f"_w{index}(v)"
            store = f"res[{field.name!r}] = {expression}"
            lines.append(f"    v = o.{field.name}")
            default = field.default
            if default is attrs.NOTHING:
                lines.append(f"    {store}")
                continue
            if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
                default = default.factory()
            namespace[f"_d{index}"] = default
            if default is None or isinstance(default, enum.Enum):
                # Identity: an attrs instance compared with None would run its __eq__.
                test = f"v is not _d{index}"
            else:
                test = f"v != _d{index}"
            lines += [f"    if {test}:", f"        {store}"]
        kind = getattr(cls, "KIND", None)
        if kind is not None:
            lines.append(f"    res['kind'] = {kind!r}")
        lines.append("    return res")
        filename = f"<clairlib.io writer {cls.__name__} {next(self._counter)}>"
        exec(compile("\n".join(lines), filename, "exec"), namespace)
        function: Writer = namespace["write"]
        return function
