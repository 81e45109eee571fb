"""The built-in JSON exporter: the canonical JSON of ``clairlib.dumps``, written as it goes."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from clairlib.errors import ExportError
from clairlib.exporting._exporter import Exporter, Progress, Sink
from clairlib.exporting._options import NoOptions
from clairlib.hooks import hookimpl
from clairlib.io import SCHEMA_VERSION

if TYPE_CHECKING:
    from clairlib.model import Document

__all__ = [
    "JSON",
    "SCHEMA_VERSION",
    "clairlib_exporters",
    "read_json",
]


def _utf8(text: str) -> bytes:
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError as error:
        bad = error.object[error.start]
        raise ExportError(
            f"cannot write {bad!r} (U+{ord(bad):04X}) as UTF-8 JSON: a lone surrogate"
        ) from None


def write_json(document: Document, sink: Sink, options: object, progress: Progress | None) -> None:
    """Write the document's canonical JSON piece by piece: never the whole text at once."""
    from clairlib.io._text import pieces

    with sink.open() as stream:
        for done, piece in enumerate(pieces(document)):
            stream.write(_utf8(piece))
            if progress is not None:
                progress(done + 1, None)  # pieces, not known ahead


def read_json(source: str | os.PathLike[str] | bytes) -> Document:
    """Read back what the JSON exporter wrote (or any canonical JSON): a path or the bytes.

    The same as :func:`clairlib.load` (a str is always a path here), which also reads
    the envelope ``{"clairlib": "1", "document": …}`` that earlier exports wrote.
    """
    from clairlib.io import load

    if isinstance(source, str):
        return load(Path(source))
    if isinstance(source, os.PathLike | bytes):
        return load(source)
    raise TypeError(f"read_json() takes a path or bytes, not {type(source).__name__}")


JSON = Exporter(
    name="json",
    suffix=".json",
    description="the canonical JSON of the document, as clairlib.dumps writes it",
    options=NoOptions,
    write=write_json,
)


@hookimpl
def clairlib_exporters() -> Iterable[Exporter]:
    """Return the exporters this plugin provides."""
    return [JSON]
