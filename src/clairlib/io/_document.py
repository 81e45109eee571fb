"""Documents in and out: dispatch on ``kind``, the fast path, the collecting path."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any, TypeVar

import attrs
from cattrs.errors import BaseValidationError

from clairlib._collector import collector_paused
from clairlib.errors import DocumentError
from clairlib.findings import Finding, Severity, join_path
from clairlib.io._convert import make_converter
from clairlib.io._fast import Compiler
from clairlib.io._problems import (
    KIND,
    MISSING,
    SOURCE,
    TYPE,
    UNKNOWN_FIELD,
    VALUE,
    VERSION,
    Problem,
    describe,
    findings_from,
)
from clairlib.io._source import parse, read, write_atomically
from clairlib.io._text import canonical_text
from clairlib.model import AnnualPlan, AnnualReport, MidTermPlan

Document = MidTermPlan | AnnualPlan | AnnualReport
T = TypeVar("T")

DOCUMENT_CLASSES: dict[str, type[Document]] = {
    cls.KIND: cls for cls in (MidTermPlan, AnnualPlan, AnnualReport)
}

converter = make_converter()
"""The cattrs converter for the canonical JSON (structuring with detailed validation)."""
_fast = Compiler()
_in_place = Compiler(in_place=True)


def _finding(rule: str, path: str, message: str) -> Finding:
    return Finding(rule=rule, severity=Severity.ERROR, path=path, message=message)


def _structure(data: Any, cls: type[T], source: str | None) -> T:
    """Structure with the converter, turning every problem into one DocumentError."""
    try:
        result: T = converter.structure(data, cls)
    except (BaseValidationError, Problem) as error:
        raise DocumentError(findings_from(error), source=source) from None
    except RecursionError:
        finding = _finding(VALUE, "$", "expected a document nested less deeply")
        raise DocumentError([finding], source=source) from None
    return result


SCHEMA_VERSION = "1"
"""The version of the canonical JSON; an envelope ``{"clairlib": "1", "document": …}`` names it."""

_ENVELOPE_KEYS = frozenset({"clairlib", "document"})


def _unwrapped(data: dict[str, Any], source: str | None) -> Any:
    """The document inside an envelope, after checking the envelope's version and keys."""
    version = data["clairlib"]
    findings = []
    if version != SCHEMA_VERSION:
        message = (
            f"expected schema version {SCHEMA_VERSION!r}, found {describe(version)}: "
            "a file written by another version of clairlib, which this one cannot read"
        )
        findings.append(_finding(VERSION, "$.clairlib", message))
    for key in sorted(set(data) - _ENVELOPE_KEYS, key=str):
        message = f'expected only "clairlib" and "document" in the envelope, found {describe(key)}'
        findings.append(_finding(UNKNOWN_FIELD, join_path([key]), message))
    if "document" not in data:
        message = 'expected the document under "document", found none'
        findings.append(_finding(MISSING, "$.document", message))
    if findings:
        raise DocumentError(findings, source=source)
    return data["document"]


def document_from(
    data: Any, source: str | None = None, again: Callable[[], Any] | None = None
) -> Document:
    """The document ``data`` (parsed JSON) describes, or a DocumentError listing every problem.

    ``data`` is a document or an envelope ``{"clairlib": "1", "document": …}`` holding
    one; the findings of a document inside an envelope have paths from ``$.document``.
    With ``again`` (which parses the same input anew), ``data`` is the caller's to
    give away: the fast reader empties its objects, and should it give up, ``again``
    gives the collecting path an untouched copy.
    """
    if isinstance(data, dict) and "clairlib" in data:
        inner = _unwrapped(data, source)
        try:
            return _document(inner, source, again and (lambda: _unwrapped(again(), source)))
        except DocumentError as error:
            findings = [
                attrs.evolve(finding, path="$.document" + finding.path[1:])
                for finding in error.findings
            ]
            raise DocumentError(findings, source=source) from None
    return _document(data, source, again)


def _document(data: Any, source: str | None, again: Callable[[], Any] | None) -> Document:
    if not isinstance(data, dict):
        message = f"expected a JSON object (a document), found {describe(data)}"
        raise DocumentError([_finding(TYPE, "$", message)], source=source)
    kind = data.get("kind")
    cls = DOCUMENT_CLASSES.get(kind) if isinstance(kind, str) else None
    if cls is None:
        choices = ", ".join(repr(k) for k in sorted(DOCUMENT_CLASSES))
        found = describe(kind) if "kind" in data else "none"
        message = f"expected kind, one of {choices}, found {found}"
        raise DocumentError([_finding(KIND, "$.kind", message)], source=source)
    try:
        result: Document = (_fast if again is None else _in_place).reader(cls)(data)
    except Exception:  # the collecting path says what went wrong
        return _structure(data if again is None else again(), cls, source)
    return result


def load(source: object) -> Document:
    """Read a document from a path, JSON text, bytes or an already parsed dict."""
    with collector_paused():
        data, name, text = read(source)
        if text is None:  # the caller's own dict
            return document_from(data, name)
        return document_from(data, name, lambda: parse(text, name))


def loads(text: str | bytes | bytearray, *, source: str | None = None) -> Document:
    """Read a document from JSON text or bytes (never a path: see :func:`load`).

    ``source`` names the input in messages (a file the caller read itself).
    """
    given: object = text  # callers without type checking hand over anything
    if not isinstance(given, str | bytes | bytearray):
        found = describe(given) if given is None or isinstance(given, list | dict) else None
        message = f"expected JSON text or bytes, found {found or type(given).__name__}"
        raise DocumentError([_finding(SOURCE, "$", message)], source=source)
    with collector_paused():
        return document_from(parse(text, source), source, lambda: parse(text, source))


def structure(data: Any, cls: type[T]) -> T:
    """Read any model class from parsed JSON, collecting every problem into a DocumentError."""
    return _structure(data, cls, None)


def unstructure(value: object) -> Any:
    """The canonical JSON data of a model object: dicts, lists, str, int, bool, None."""
    return converter.unstructure(value)


def dumps(document: Document) -> str:
    """The canonical JSON text of a document: sorted keys, defaults left out, 2-space indent."""
    if not isinstance(document, MidTermPlan | AnnualPlan | AnnualReport):
        raise TypeError(f"dumps() takes a document, not {type(document).__name__}")
    with collector_paused():
        return canonical_text(document)


def dump(document: Document, path: str | os.PathLike[str]) -> None:
    """Write a document's canonical JSON to ``path`` atomically (no partial file on failure)."""
    write_atomically(dumps(document), path)
