"""One cell of a record table read from its text: lists, mappings, periods, numbers, kinds."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Any

from clairlib.calendar import FiscalYear, Period, PeriodSet
from clairlib.errors import ClairlibError
from clairlib.exporting._csv_spec import Column
from clairlib.exporting._csv_words import enum_member
from clairlib.exporting._csv_write import TRIGGERS

__all__ = ["REREAD", "CellError", "read_cell"]

_TEXTUAL = frozenset({"text", "list", "mapping"})


class CellError(Exception):
    """A cell's text is not what its column holds; the message says what was expected."""


#: What a converter or a constructor raises on a row it cannot read: the fast lane then
#: hands the row to the general reader, which says which cell and why.
REREAD = (CellError, ClairlibError, TypeError, ValueError)


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text, flags=re.DOTALL)


def _split_escaped(text: str, separators: str) -> list[str]:
    """Split ``text`` on the separators a backslash does not escape; keep the escapes."""
    parts: list[str] = []
    start = index = 0
    while index < len(text):
        char = text[index]
        if char == "\\":
            index += 2
            continue
        if char in separators:
            parts.append(text[start:index])
            start = index + 1
        index += 1
    parts.append(text[start:])
    return parts


def _list(text: str) -> tuple[str, ...]:
    return tuple(_unescape(item) for item in _split_escaped(text, ";"))


def _mapping(text: str) -> dict[str, str]:
    mapping: dict[str, str] = {}
    for item in _split_escaped(text, ";"):
        parts = _split_escaped(item, "=")
        if len(parts) != 2:
            raise CellError(f"expected key=value, found {item!r}")
        mapping[_unescape(parts[0])] = _unescape(parts[1])
    return mapping


def _period(text: str) -> Period | PeriodSet:
    if "," in text or text.startswith("R/"):
        return PeriodSet.fromisoformat(text)
    return Period.fromisoformat(text)


def _bool(text: str) -> bool:
    folded = text.strip().lower()
    if folded in ("true", "1"):
        return True
    if folded in ("false", "0"):
        return False
    raise CellError(f"expected true or false, found {text!r}")


def _int(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise CellError(f"expected a whole number, found {text!r}") from None


def _decimal(text: str) -> Decimal:
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise CellError(f"expected a number, found {text!r}") from None
    if not number.is_finite():
        raise CellError(f"expected a finite number, found {text!r}")
    return number


def read_cell(column: Column, text: str, neutralised: bool) -> Any:
    kind = column.kind
    if neutralised and text[:1] == "'" and text[1:2] in TRIGGERS and kind in _TEXTUAL:
        text = text[1:]
    if text == "":
        if kind == "list":
            return ()
        if kind == "mapping":
            return {}
        if kind == "text" and not column.optional:
            return ""
        if column.optional:
            return None
        raise CellError("expected a value, found an empty cell")
    if kind == "text":
        return text
    if kind == "list":
        return _list(text)
    if kind == "mapping":
        return _mapping(text)
    if kind == "int":
        return _int(text)
    if kind == "decimal":
        return _decimal(text)
    if kind == "bool":
        return _bool(text)
    if kind == "enum":
        assert column.enum is not None
        member = enum_member(column.enum, text)
        if member is not None:
            return member
        choices = ", ".join(repr(m.value) for m in column.enum)
        raise CellError(f"expected one of {choices}, found {text!r}")
    if kind == "period":
        # The writer protects a period's text from a spreadsheet's date guessing with '.
        return _period(text[1:] if text.startswith("'") else text)
    if kind == "fy":
        return FiscalYear(_int(text))
    raise AssertionError(f"unknown column kind {kind!r}")
