"""Unstructuring generated once per model class: model object → canonical JSON data.

Each function reads the fields in one pass, leaves out those equal to their default
and converts the rest inline (an enum to its value, a period to its ISO text), so
writing a large report costs little beyond the JSON encoding itself. The rules come
from the descriptions in ``_describe``, as the text writer's do.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from typing import Any

from clairlib.calendar import FiscalYear, Period, PeriodSet
from clairlib.io._compiled import PerClass, generate
from clairlib.io._describe import Kind, Value, describe
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


def _optional(inner: Writer) -> Writer:
    def write(value: Any) -> Any:
        return None if value is None else inner(value)

    return write


def _cell(quantity: Writer) -> Writer:
    def write(value: Quantity | str | None) -> Any:
        return quantity(value) if isinstance(value, Quantity) else value

    return write


_PLAIN = frozenset({Kind.STR, Kind.INT, Kind.BOOL, Kind.OFFICE, Kind.COUNTRY})


class WriterCompiler:
    """Generates the unstructuring function of each model class on first use."""

    def __init__(self) -> None:
        self._cache: PerClass[Writer] = PerClass(self._compile)

    def writer(self, cls: type) -> Writer:
        """The unstructuring function of ``cls``."""
        return self._cache.get(cls)

    def value(self, value: Value) -> Writer | None:
        """How to write a value; None when it is written as it is."""
        kind = value.kind
        if kind in _PLAIN:
            return None
        if kind is Kind.DECIMAL:
            return write_decimal
        if kind is Kind.FISCAL_YEAR:
            return _fiscal_year
        if kind in (Kind.PERIOD, Kind.PERIOD_OR_SET):
            return _period
        if kind is Kind.ENUM:
            return _member
        if kind is Kind.MODEL:
            return self.writer(value.type)
        if kind is Kind.CELL:
            return _cell(self.writer(Quantity))
        inner = self.value(value.inner)
        if kind is Kind.OPTIONAL:
            return None if inner is None else _optional(inner)
        if kind is Kind.MAPPING:
            return _mapping(inner)
        return _strings if inner is None else _sequence(inner)

    def _compile(self, cls: type) -> Writer:
        model = describe(cls)
        namespace: dict[str, Any] = {}
        lines = ["def write(o):", "    res = {}"]
        if model.kind is not None:
            lines.append(f"    res['kind'] = {model.kind!r}")
        for index, field in enumerate(model.fields):
            convert = self.value(field.value)
            expression = "v"
            if convert is not None:
                namespace[f"_w{index}"] = convert
                expression = f"_w{index}(v)"
            store = f"res[{field.key!r}] = {expression}"
            lines.append(f"    v = o.{field.name}")
            if field.required:
                lines.append(f"    {store}")
                continue
            namespace[f"_d{index}"] = field.default
            test = f"v is not _d{index}" if field.by_identity else f"v != _d{index}"
            lines += [f"    if {test}:", f"        {store}"]
        lines.append("    return res")
        function: Writer = generate(
            "\n".join(lines) + "\n", "write", namespace, f"writer {cls.__name__}"
        )
        return function
