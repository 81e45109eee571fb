"""The built-in JSON exporter: the canonical JSON inside an envelope with a schema version."""

from __future__ import annotations

import importlib
import json
import os
from collections.abc import Callable, Iterable
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import attrs

from clairlib.errors import DocumentError, ExportError
from clairlib.exporting._exporter import Exporter, Progress, Sink
from clairlib.exporting._options import NoOptions
from clairlib.findings import Finding, Severity
from clairlib.hooks import hookimpl

if TYPE_CHECKING:
    from clairlib.model import Document

__all__ = [
    "JSON",
    "SCHEMA_VERSION",
    "clairlib_exporters",
    "encode",
    "envelope",
    "envelope_text",
    "read_json",
]

SCHEMA_VERSION = "1"
"""The version of the canonical JSON schema the envelope's ``"clairlib"`` key names."""


def envelope(document: Document) -> dict[str, Any]:
    """The data the JSON exporter writes: ``{"clairlib": version, "document": …}``."""
    from clairlib.io import unstructure

    return {"clairlib": SCHEMA_VERSION, "document": unstructure(document)}


def _utf8(text: str) -> bytes:
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError as error:
        bad = error.object[error.start]
        raise ExportError(
            f"cannot write {bad!r} (U+{ord(bad):04X}) as UTF-8 JSON: a lone surrogate"
        ) from None


def _orjson() -> Callable[[Any], bytes] | None:
    # Imported by name: orjson is an optional extra, and its absence is normal.
    try:
        orjson = importlib.import_module("orjson")
    except ImportError:
        return None
    option = orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS | orjson.OPT_APPEND_NEWLINE
    dumps = orjson.dumps

    def fast(data: Any) -> bytes:
        return cast(bytes, dumps(data, option=option))

    return fast


def encode(document: Document) -> bytes:
    """The JSON export of ``document`` as bytes: the same whatever is installed.

    With orjson (the ``fast`` extra) the unstructured document is encoded in C.
    Without it, or where orjson declines (an integer beyond 64 bits, a lone
    surrogate), it is the text of ``clairlib.dumps`` inside the envelope.
    """
    fast = _orjson()
    if fast is not None:
        try:
            return fast(envelope(document))
        except TypeError:  # orjson.JSONEncodeError is a TypeError
            pass
    return _utf8(envelope_text(document))


def envelope_text(document: Document) -> str:
    """The envelope as text: the canonical JSON of ``clairlib.dumps``, indented one level."""
    from clairlib.io import dumps

    # JSON strings hold no raw newline, so every newline of the body starts a line.
    body = dumps(document)[:-1].replace("\n", "\n  ")
    return '{\n  "clairlib": "' + SCHEMA_VERSION + '",\n  "document": ' + body + "\n}\n"


def write_json(document: Document, sink: Sink, options: object, progress: Progress | None) -> None:
    """Write the document's canonical JSON in its envelope."""
    if progress is not None:
        progress(0, 1)
    payload = encode(document)
    with sink.open() as stream:
        stream.write(payload)
    if progress is not None:
        progress(1, 1)


def _problem(path: str, message: str, source: str | None) -> DocumentError:
    finding = Finding(rule="export-envelope", severity=Severity.ERROR, path=path, message=message)
    return DocumentError([finding], source=source)


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


def read_json(source: str | os.PathLike[str] | bytes) -> Document:
    """Read back what the JSON exporter wrote: from a path, or the bytes themselves."""
    from clairlib.io import load

    name: str | None = None
    if isinstance(source, str | os.PathLike):
        name = os.fspath(source)
        try:
            raw = Path(name).read_bytes()
        except OSError as error:
            raise _problem("$", f"expected a readable file, found {error.strerror}", name) from None
    elif isinstance(source, bytes):
        raw = source
    else:
        raise TypeError(f"read_json() takes a path or bytes, not {type(source).__name__}")
    try:
        data = json.loads(raw, parse_float=Decimal, parse_constant=_reject_constant)
    except ValueError as error:  # JSONDecodeError and UnicodeDecodeError are ValueErrors
        raise _problem("$", f"expected JSON, found an error: {error}", name) from None
    if not isinstance(data, dict) or "document" not in data:
        raise _problem("$", 'expected {"clairlib": version, "document": {…}}', name)
    version = data.get("clairlib")
    if version != SCHEMA_VERSION:
        message = f"expected schema version {SCHEMA_VERSION!r}, found {version!r}"
        raise _problem("$.clairlib", message, name)
    try:
        return load(data["document"])
    except DocumentError as error:
        # Paths inside the envelope start at $.document.
        findings = [attrs.evolve(f, path="$.document" + f.path[1:]) for f in error.findings]
        raise DocumentError(findings, source=name) from None


JSON = Exporter(
    name="json",
    suffix=".json",
    description="the canonical JSON of the document, in an envelope with its schema version",
    options=NoOptions,
    write=write_json,
)


@hookimpl
def clairlib_exporters() -> Iterable[Exporter]:
    """Return the exporters this plugin provides."""
    return [JSON]
