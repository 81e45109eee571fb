from __future__ import annotations

import enum
import functools
import types
import typing
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any, Literal

import attrs

from clairlib.errors import ExportError

__all__ = [
    "NoOptions",
    "OptionInfo",
    "build_options",
    "describe_options",
    "option",
    "option_text",
    "parse_option",
]

HELP = "clairlib_help"

_TRUE = frozenset({"1", "true", "yes", "on"})
_FALSE = frozenset({"0", "false", "no", "off"})
_NONE = frozenset({"", "none", "null"})


def option(default: Any, *, help: str) -> Any:
    """An exporter option: an attrs field with a default and a one-line help text."""
    if isinstance(default, list | dict | set):
        raise TypeError("option defaults must be immutable; use a tuple")
    return attrs.field(default=default, metadata={HELP: help})


@attrs.frozen(kw_only=True)
class OptionInfo:
    """One option of an exporter, for listings: name, type as text, default, help."""

    name: str
    type: str
    default: Any
    help: str


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _type_text(hint: Any) -> str:
    if isinstance(hint, type):
        return hint.__name__
    return str(hint).replace("typing.", "")


def describe_options(cls: type) -> tuple[OptionInfo, ...]:
    """The options an options class declares, in field order."""
    hints = _hints(cls)
    return tuple(
        OptionInfo(
            name=field.name,
            type=_type_text(hints.get(field.name, Any)),
            default=field.default,
            help=str(field.metadata.get(HELP, "")),
        )
        for field in attrs.fields(cls)
    )


def option_text(value: object) -> str:
    """How a command line spells an option value: the inverse of the conversion."""
    if value is None:
        return "none"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, tuple):
        return ",".join(option_text(item) for item in value)
    return str(value)


def parse_option(text: str) -> tuple[str, str]:
    """Split a command-line ``key=value`` into its key and value."""
    key, sep, value = text.partition("=")
    key = key.strip()
    if not sep or not key:
        raise ExportError(f"expected an option as key=value, found {text!r}")
    return key, value


def _convert(hint: Any, value: object, where: str) -> Any:
    origin = typing.get_origin(hint)
    if hint is Any or hint is object:
        return value
    if origin is typing.Union or origin is types.UnionType:
        members = typing.get_args(hint)
        if type(None) in members and (
            value is None or (isinstance(value, str) and value.strip().lower() in _NONE)
        ):
            return None
        errors: list[str] = []
        for member in members:
            if member is type(None):
                continue
            try:
                return _convert(member, value, where)
            except ExportError as error:
                errors.append(str(error))
        raise ExportError(errors[0] if errors else f"{where}: no value allowed")
    if origin is Literal:
        allowed = typing.get_args(hint)
        for choice in allowed:
            if value == choice or (isinstance(value, str) and str(choice) == value.strip()):
                return choice
        raise ExportError(
            f"{where}: expected one of {', '.join(map(repr, allowed))}, found {value!r}"
        )
    if origin is tuple:
        args = typing.get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            if isinstance(value, str):
                parts: Any = [part.strip() for part in value.split(",") if part.strip()]
            elif isinstance(value, tuple | list):
                parts = value
            else:
                raise ExportError(f"{where}: expected a comma-separated list, found {value!r}")
            return tuple(_convert(args[0], part, where) for part in parts)
        raise ExportError(f"{where}: unsupported option type {_type_text(hint)}")
    if not isinstance(hint, type):
        raise ExportError(f"{where}: unsupported option type {_type_text(hint)}")
    if isinstance(value, hint) and not (hint is int and isinstance(value, bool)):
        return value
    if not isinstance(value, str):
        if hint is float and isinstance(value, int) and not isinstance(value, bool):
            return float(value)
        if hint is Decimal and isinstance(value, int) and not isinstance(value, bool):
            return Decimal(value)
        raise ExportError(f"{where}: expected {hint.__name__}, found {value!r}")
    text = value.strip()
    if hint is str:
        return value
    if hint is bool:
        if text.lower() in _TRUE:
            return True
        if text.lower() in _FALSE:
            return False
        raise ExportError(f"{where}: expected true or false, found {value!r}")
    if issubclass(hint, enum.Enum):
        for member in hint:
            if text in (str(member.value), member.name) or text.upper() == member.name:
                return member
        choices = ", ".join(repr(str(m.value)) for m in hint)
        raise ExportError(f"{where}: expected one of {choices}, found {value!r}")
    if hint not in (int, float, Decimal):
        raise ExportError(f"{where}: unsupported option type {hint.__name__}")
    try:
        number = hint(text)
    except (ValueError, InvalidOperation):
        raise ExportError(f"{where}: expected {hint.__name__}, found {value!r}") from None
    if isinstance(number, Decimal) and not number.is_finite():
        raise ExportError(f"{where}: expected a finite number, found {value!r}")
    return number


def build_options(cls: type, values: Mapping[str, object], *, exporter: str = "") -> Any:
    """An instance of the options class ``cls`` from ``values``.

    Strings (from a command line) are converted to each field's type; values of the
    right type pass through. An unknown key raises :class:`ExportError` naming it.
    """
    label = f"exporter {exporter!r}: " if exporter else ""
    fields = {field.name: field for field in attrs.fields(cls)}
    hints = _hints(cls)
    converted: dict[str, Any] = {}
    for key, value in values.items():
        if key not in fields:
            known = ", ".join(fields) or "none"
            raise ExportError(f"{label}unknown option {key!r} (options: {known})")
        converted[key] = _convert(hints.get(key, Any), value, f"{label}option {key!r}")
    try:
        return cls(**converted)
    except (TypeError, ValueError) as error:
        raise ExportError(f"{label}{error}") from None


@attrs.frozen
class NoOptions:
    """The options of an exporter that takes none."""
