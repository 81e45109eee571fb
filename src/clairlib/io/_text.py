"""Canonical JSON text written straight from the model: what :func:`clairlib.io.dumps` returns.

The canonical JSON is ``json.dumps(unstructure(doc), ensure_ascii=False, indent=2,
sort_keys=True)``. The json module's indented encoder is written in Python and
walks the unstructured dicts generically; this module generates, once per model
class, a function that writes that same text from the objects directly, with the
keys in their sorted order fixed at generation time. The rules are the
converter's (fields equal to their default left out, enums as values, periods as
ISO text, integral Decimals as ints), and the tests hold the two to byte equality
over generated documents.
"""

from __future__ import annotations

import enum
import itertools
from collections.abc import Callable
from decimal import Decimal
from json.encoder import encode_basestring
from typing import Any, get_args, get_origin

import attrs

from clairlib.calendar import FiscalYear, Period, PeriodSet
from clairlib.io._compiled import PerClass
from clairlib.io._values import write_decimal
from clairlib.model import Quantity

__all__ = ["TextCompiler", "canonical_text"]

Text = Callable[[Any, str], str]  # (value, indentation of its line) -> JSON text


def _string(value: str, indent: str) -> str:
    return encode_basestring(value)


def _int(value: int, indent: str) -> str:
    return int.__repr__(value)


def _bool(value: bool, indent: str) -> str:
    return "true" if value else "false"


def _decimal(value: Decimal, indent: str) -> str:
    data = write_decimal(value)
    return int.__repr__(data) if isinstance(data, int) else encode_basestring(data)


def _fiscal_year(value: FiscalYear, indent: str) -> str:
    return int.__repr__(value.year)


def _period(value: Period | PeriodSet, indent: str) -> str:
    return encode_basestring(value.isoformat())


def _member(value: enum.Enum, indent: str) -> str:
    member = value._value_
    if isinstance(member, str):
        return encode_basestring(member)
    return int.__repr__(member)


def _sequence(element: Text) -> Text:
    def write(value: tuple[Any, ...], indent: str) -> str:
        if not value:
            return "[]"
        inner = indent + "  "
        lead = ",\n" + inner
        return (
            "[\n"
            + inner
            + lead.join([element(item, inner) for item in value])
            + ("\n" + indent + "]")
        )

    return write


def _mapping(element: Text) -> Text:
    def write(value: dict[str, Any], indent: str) -> str:
        if not value:
            return "{}"
        inner = indent + "  "
        lead = ",\n" + inner
        parts = [
            encode_basestring(key) + ": " + element(value[key], inner) for key in sorted(value)
        ]
        return "{\n" + inner + lead.join(parts) + "\n" + indent + "}"

    return write


def _optional(inner: Text) -> Text:
    def write(value: Any, indent: str) -> str:
        return "null" if value is None else inner(value, indent)

    return write


class TextCompiler:
    """Generates the text writer of each model class on first use."""

    def __init__(self) -> None:
        self._counter = itertools.count()
        self._cache: PerClass[Text] = PerClass(self._compile)

    def writer(self, cls: type) -> Text:
        """The function writing an instance of ``cls`` as indented canonical JSON."""
        return self._cache.get(cls)

    def value(self, t: Any) -> Text:
        """The writer of a value of type ``t``."""
        if t is str:
            return _string
        if t is bool:
            return _bool
        if t is int:
            return _int
        if t is Decimal:
            return _decimal
        if t is FiscalYear:
            return _fiscal_year
        if t in (Period, PeriodSet):
            return _period
        if isinstance(t, type) and issubclass(t, enum.Enum):
            return _member
        if attrs.has(t):
            return self.writer(t)
        args = get_args(t)
        origin = get_origin(t)
        if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
            return _sequence(self.value(args[0]))
        if origin is dict:
            return _mapping(self.value(args[1]))
        members = {arg for arg in args if arg is not type(None)}
        if members and members <= {Period, PeriodSet}:
            return _optional(_period)
        if members == {Quantity, str}:
            quantity = self.writer(Quantity)

            def cell(value: Any, indent: str) -> str:
                if value is None:
                    return "null"
                if isinstance(value, str):
                    return encode_basestring(value)
                return quantity(value, indent)

            return cell
        if len(members) == 1 and len(args) == 2:
            (inner,) = members
            return _optional(self.value(inner))
        raise TypeError(f"no canonical JSON writer for {t!r}")

    def _compile(self, cls: type) -> Text:
        attrs.resolve_types(cls)
        namespace: dict[str, Any] = {"_encode": encode_basestring}
        entries: list[tuple[str, list[str]]] = []
        for index, field in enumerate(attrs.fields(cls)):
            namespace[f"_w{index}"] = self.value(field.type)
            key = repr(encode_basestring(field.name) + ": ")
            store = [f"p.append({key} + _w{index}(v, inner))"]
            code = [f"v = o.{field.name}"]
            default = field.default
            if default is attrs.NOTHING:
                entries.append((field.name, code + store))
                continue
            if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
                default = default.factory()
            namespace[f"_d{index}"] = default
            # Identity for None and enums, as clairlib.io: an attrs instance compared
            # with None would run its __eq__.
            same = "is not" if default is None or isinstance(default, enum.Enum) else "!="
            entries.append((field.name, [*code, f"if v {same} _d{index}:", "    " + store[0]]))
        kind = getattr(cls, "KIND", None)
        if kind is not None:
            entries.append(
                (
                    "kind",
                    [f"p.append({encode_basestring('kind') + ': ' + encode_basestring(kind)!r})"],
                )
            )
        lines = ["def write(o, indent):", "    inner = indent + '  '", "    p = []"]
        for _, code in sorted(entries):
            lines += ["    " + line for line in code]
        lines += [
            "    if not p:",
            "        return '{}'",
            "    return '{\\n' + inner + (',\\n' + inner).join(p) + '\\n' + indent + '}'",
        ]
        filename = f"<clairlib json text {cls.__name__} {next(self._counter)}>"
        exec(compile("\n".join(lines), filename, "exec"), namespace)
        function: Text = namespace["write"]
        return function


_compiler = TextCompiler()


def canonical_text(document: Any) -> str:
    """The canonical JSON text of a document, with its final newline."""
    return _compiler.writer(type(document))(document, "") + "\n"
