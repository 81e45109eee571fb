"""The one writer of canonical JSON text: what :func:`clairlib.io.dumps` returns and the
JSON exporter writes.

The canonical JSON is ``json.dumps(unstructure(doc), ensure_ascii=False, indent=2,
sort_keys=True)`` plus a final newline. It is written in pieces (:func:`pieces`): the
document's fields one by one and its long arrays of records in batches, so an
export never holds more than a batch of text. With orjson installed (the ``fast``
extra) each piece is the unstructured data encoded in C; without it, or where orjson
declines (an integer beyond 64 bits, a lone surrogate), it is written by a function
generated once per model class from its description (``_describe``), with the keys
in their sorted order fixed at generation time. Both give the same text, and the
tests hold them to byte equality with ``json.dumps``.
"""

from __future__ import annotations

import enum
import importlib
from collections.abc import Callable, Iterator
from decimal import Decimal
from json.encoder import encode_basestring
from typing import Any

from clairlib.calendar import FiscalYear, Period, PeriodSet
from clairlib.io._compiled import PerClass, generate
from clairlib.io._describe import Field, Kind, Value, describe, is_default
from clairlib.io._values import write_decimal
from clairlib.io._writers import WriterCompiler
from clairlib.model import Quantity

__all__ = ["BATCH", "TextCompiler", "canonical_text", "pieces"]

Text = Callable[[Any, str], str]  # (value, indentation of its line) -> JSON text

BATCH = 2000
"""Records written per piece: enough to keep the encoder busy, small beside a report."""


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


_LEAVES: dict[Kind, Text] = {
    Kind.STR: _string,
    Kind.OFFICE: _string,
    Kind.COUNTRY: _string,
    Kind.INT: _int,
    Kind.BOOL: _bool,
    Kind.DECIMAL: _decimal,
    Kind.FISCAL_YEAR: _fiscal_year,
    Kind.PERIOD: _period,
    Kind.PERIOD_OR_SET: _period,
    Kind.ENUM: _member,
}


class TextCompiler:
    """Generates the text writer of each model class on first use."""

    def __init__(self) -> None:
        self._cache: PerClass[Text] = PerClass(self._compile)

    def writer(self, cls: type) -> Text:
        """The function writing an instance of ``cls`` as indented canonical JSON."""
        return self._cache.get(cls)

    def value(self, value: Value) -> Text:
        """The writer of a value."""
        leaf = _LEAVES.get(value.kind)
        if leaf is not None:
            return leaf
        if value.kind is Kind.MODEL:
            return self.writer(value.type)
        if value.kind is Kind.CELL:
            quantity = self.writer(Quantity)

            def cell(item: Any, indent: str) -> str:
                if item is None:
                    return "null"
                if isinstance(item, str):
                    return encode_basestring(item)
                return quantity(item, indent)

            return cell
        inner = self.value(value.inner)
        if value.kind is Kind.OPTIONAL:
            return _optional(inner)
        if value.kind is Kind.MAPPING:
            return _mapping(inner)
        return _sequence(inner)

    def _compile(self, cls: type) -> Text:
        model = describe(cls)
        namespace: dict[str, Any] = {}
        entries: list[tuple[str, list[str]]] = []
        for index, field in enumerate(model.fields):
            namespace[f"_w{index}"] = self.value(field.value)
            key = repr(encode_basestring(field.key) + ": ")
            store = f"p.append({key} + _w{index}(v, inner))"
            code = [f"v = o.{field.name}"]
            if field.required:
                entries.append((field.key, [*code, store]))
                continue
            namespace[f"_d{index}"] = field.default
            same = "is not" if field.by_identity else "!="
            entries.append((field.key, [*code, f"if v {same} _d{index}:", "    " + store]))
        if model.kind is not None:
            text = encode_basestring("kind") + ": " + encode_basestring(model.kind)
            entries.append(("kind", [f"p.append({text!r})"]))
        lines = ["def write(o, indent):", "    inner = indent + '  '", "    p = []"]
        for _, code in sorted(entries):
            lines += ["    " + line for line in code]
        lines += [
            "    if not p:",
            "        return '{}'",
            "    return '{\\n' + inner + (',\\n' + inner).join(p) + '\\n' + indent + '}'",
        ]
        function: Text = generate(
            "\n".join(lines) + "\n", "write", namespace, f"text writer {cls.__name__}"
        )
        return function


_texts = TextCompiler()
_data = WriterCompiler()


def _orjson() -> Callable[[Any], bytes] | None:
    # Looked up on each call, by name: orjson is an optional extra, and its absence is normal.
    try:
        orjson = importlib.import_module("orjson")
    except ImportError:
        return None
    option = orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS
    dumps = orjson.dumps

    def encode(data: Any) -> bytes:
        return dumps(data, option=option)  # type: ignore[no-any-return]

    return encode


class _Encoder:
    """Writes one value or a batch of records as text, with orjson where it can."""

    def __init__(self) -> None:
        self.fast = _orjson()

    def value(self, value: Value, item: Any) -> str:
        # A value at depth 1: inside the document's object.
        if self.fast is not None:
            write = _data.value(value)
            try:
                data = self.fast(item if write is None else write(item))
            except TypeError:  # orjson.JSONEncodeError is a TypeError
                pass
            else:
                return data.replace(b"\n", b"\n  ").decode("utf-8")
        return _texts.value(value)(item, "  ")

    def batch(self, element: Value, items: tuple[Any, ...]) -> str:
        # Records at depth 2: the elements of one of the document's arrays.
        if self.fast is not None:
            write = _data.value(element)
            try:
                data = self.fast(list(items) if write is None else list(map(write, items)))
            except TypeError:
                pass
            else:
                # '[\n  {…},\n  {…}\n]' → '    {…},\n    {…}'
                return "  " + data[2:-2].replace(b"\n", b"\n  ").decode("utf-8")
        text = _texts.value(element)
        return "    " + ",\n    ".join([text(item, "    ") for item in items])


def _entries(document: Any) -> list[tuple[str, Field | None]]:
    model = describe(type(document))
    entries: list[tuple[str, Field | None]] = [(field.key, field) for field in model.fields]
    if model.kind is not None:
        entries.append(("kind", None))
    return sorted(entries, key=lambda entry: entry[0])


def pieces(document: Any) -> Iterator[str]:
    """The canonical JSON text of a document in pieces that join to :func:`canonical_text`."""
    encoder = _Encoder()
    lead = "{\n  "
    for key, field in _entries(document):
        item = None if field is None else getattr(document, field.name)
        if field is not None and is_default(field, item):
            continue
        head = lead + encode_basestring(key) + ": "
        lead = ",\n  "
        if field is None:
            yield head + encode_basestring(describe(type(document)).kind or "")
            continue
        value = field.value
        if value.kind is Kind.SEQUENCE and value.inner.kind is Kind.MODEL and item:
            yield head + "[\n"
            for start in range(0, len(item), BATCH):
                text = encoder.batch(value.inner, item[start : start + BATCH])
                yield text if start == 0 else ",\n" + text
            yield "\n  ]"
        else:
            yield head + encoder.value(value, item)
    yield "{}\n" if lead.startswith("{") else "\n}\n"


def canonical_text(document: Any) -> str:
    """The canonical JSON text of a document, with its final newline."""
    return "".join(pieces(document))
