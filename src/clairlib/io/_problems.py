"""Problems found while structuring, and their translation into findings with paths."""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from decimal import Decimal
from typing import Any

from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)

from clairlib.errors import CalendarError
from clairlib.findings import Finding, Severity, join_path

# Stable rule codes: callers filter findings by them, so they never change meaning.
TYPE = "structure.type"
MISSING = "structure.missing"
UNKNOWN_FIELD = "structure.unknown-field"
DUPLICATE_KEY = "structure.duplicate-key"
UNKNOWN_COUNTRY = "structure.unknown-country"
PERIOD = "structure.period"
NEGATIVE = "structure.negative"
NOT_FINITE = "structure.not-finite"
VALUE = "structure.value"
KIND = "structure.kind"
JSON = "structure.json"
SOURCE = "structure.source"
VERSION = "structure.version"


class NonFinite:
    """What the JSON parser returns for ``NaN``/``Infinity`` so parsing can go on."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return self.text


class Problem(Exception):
    """One structural problem: a rule code, what was expected, what was found.

    ``subpath`` extends the path the problem is reported at beyond the place it was
    raised (a wrong kind is raised by the object but reported at ``.kind``).
    """

    def __init__(
        self, code: str, expected: str, found: str, *, subpath: Sequence[str | int] = ()
    ) -> None:
        super().__init__(code, expected, found)
        self.code = code
        self.expected = expected
        self.found = found
        self.subpath = tuple(subpath)

    @property
    def message(self) -> str:
        return f"expected {self.expected}, found {self.found}"

    def __str__(self) -> str:
        return self.message


def describe(value: object) -> str:
    """Name a JSON value the way a message should show it: ``"abc"``, ``number 5``, ``null``."""
    if value is None:
        return "null"
    if value is True or value is False:
        return "true" if value else "false"
    if isinstance(value, NonFinite):
        return value.text
    if is_non_finite(value):
        return {"nan": "NaN", "inf": "Infinity", "-inf": "-Infinity"}.get(str(value), str(value))
    if isinstance(value, int | float | Decimal):
        # A number past the accepted range may have thousands of digits: name its size.
        if isinstance(value, int) and abs(value) >= 10**40:
            return f"a number of {len(str(abs(value)))} digits"
        text = str(value)
        return f"number {text}" if len(text) <= 48 else f"number {text[:24]}…{text[-12:]}"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:39] + "…"
        return '"' + shown.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(value, list | tuple):
        return f"an array of {len(value)}"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def is_non_finite(value: object) -> bool:
    """True for what stands for NaN or an infinity: parser markers, floats, Decimals."""
    if isinstance(value, NonFinite):
        return True
    if isinstance(value, float):
        return not math.isfinite(value)
    if isinstance(value, Decimal):
        return not value.is_finite()
    return False


def wrong_type(expected: str, value: object) -> Problem:
    """The problem for a value of the wrong JSON type (or a NaN where a value belongs)."""
    if is_non_finite(value):
        return Problem(NOT_FINITE, expected, describe(value))
    return Problem(TYPE, expected, describe(value))


def findings_from(error: BaseException) -> list[Finding]:
    """Every finding in a cattrs structuring error tree, in document order."""
    return [
        Finding(rule=code, severity=Severity.ERROR, path=join_path(parts), message=message)
        for code, parts, message in _walk(error, ())
    ]


def _note(error: BaseException, kind: type) -> Any:
    for note in getattr(error, "__notes__", ()):
        if note.__class__ is kind:
            return note
    return None


def _walk(
    error: BaseException, parts: tuple[str | int, ...]
) -> Iterator[tuple[str, tuple[str | int, ...], str]]:
    if isinstance(error, ClassValidationError):
        for sub in error.exceptions:
            note = _note(sub, AttributeValidationNote)
            yield from _walk(sub, parts if note is None else (*parts, note.name))
    elif isinstance(error, IterableValidationError):
        for sub in error.exceptions:
            note = _note(sub, IterableValidationNote)
            yield from _walk(sub, parts if note is None else (*parts, note.index))
    elif isinstance(error, ForbiddenExtraKeysError):
        allowed = ", ".join(sorted(_field_names(error.cl)))
        for key in sorted(error.extra_fields):
            yield (
                UNKNOWN_FIELD,
                (*parts, key),
                f"expected one of the fields of {error.cl.__name__} ({allowed}), "
                f"found unknown field {describe(key)}",
            )
    elif isinstance(error, Problem):
        yield error.code, (*parts, *error.subpath), error.message
    elif isinstance(error, KeyError) and error.args:
        # cattrs reads a required field as ``o[name]``: a KeyError is a missing field.
        yield MISSING, parts, "expected a value for this required field, found none"
    elif isinstance(error, CalendarError):
        yield PERIOD, parts, f"expected a readable period: {error}"
    else:
        yield VALUE, parts, f"expected a valid value: {error}"


def _field_names(cls: type) -> list[str]:
    import attrs

    names = [field.name for field in attrs.fields(cls)] if attrs.has(cls) else []
    # Documents carry their discriminator beside their fields.
    return [*names, "kind"] if hasattr(cls, "KIND") else names
