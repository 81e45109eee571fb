"""``clairlib.read``: hand a path, bytes or text to the reader that recognises it."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from clairlib.calendar import FiscalYear
from clairlib.reading._reader import Hints, Reader, ReadError, Reading, ReadProgress, Source

__all__ = ["read", "source_of"]

_SNIFF = 8192  # zip formats name their parts (word/, xl/) after the first entries
# A file larger than this is no printed plan or report (the FY2013 report's PDF is ~2 MB).
_MAX_BYTES = 200 * 1024 * 1024


def source_of(source: str | os.PathLike[str] | bytes) -> Source:
    """A Source from a path, bytes, or text (a str that is no existing file's name)."""
    if isinstance(source, bytes | bytearray):
        return Source(name="<bytes>", data=bytes(source))
    if isinstance(source, str) and ("\n" in source or len(source) > 1024):
        return Source(name="<text>", data=source.encode("utf-8"), suffix=".txt")
    path = Path(source)
    try:
        if path.is_file():
            size = path.stat().st_size
            if size > _MAX_BYTES:
                raise ReadError(f"{path}: {size:,} bytes is too large for a plan or report")
            return Source(name=str(path), data=path.read_bytes(), suffix=path.suffix.lower())
        if path.exists():
            raise ReadError(f"cannot read {path}: not a regular file")
    except OSError as error:
        raise ReadError(f"cannot read {path}: {error.strerror or error}") from None
    if isinstance(source, str) and not path.suffix and os.sep not in source:
        return Source(name="<text>", data=source.encode("utf-8"), suffix=".txt")
    raise ReadError(f"cannot read {path}: no such file")


def _choose(source: Source, found: Mapping[str, Reader]) -> Reader:
    for reader in found.values():
        if source.suffix and source.suffix in reader.suffixes:
            return reader
    head = source.data[:_SNIFF]
    # Content first for what the suffix does not tell: binary formats before text.
    ordered = sorted(found.values(), key=lambda r: (r.name == "text", r.name))
    for reader in ordered:
        if reader.sniff is not None:
            try:
                if reader.sniff(head):
                    return reader
            except Exception:  # a broken plugin's sniff is no reason to fail the read
                continue
    known = ", ".join(f"{r.name} ({' '.join(r.suffixes)})" for r in found.values()) or "none"
    raise ReadError(f"{source.name}: no installed reader recognises it (installed: {known})")


def read(
    source: str | os.PathLike[str] | bytes,
    *,
    readers: Mapping[str, Reader],
    kind: str | None = None,
    fiscal_year: FiscalYear | int | None = None,
    progress: ReadProgress | None = None,
    reader: str | None = None,
    options: Mapping[str, object] | None = None,
) -> Reading:
    """Read a printed plan or report (a PDF, its text extraction, a Word file) into a draft.

    ``source`` is a path, the file's bytes, or the text itself. ``kind``
    (``annual_plan``, ``annual_report``, ``mid_term_plan``) and ``fiscal_year``
    override what the title says. The reader is the one whose suffix matches, else
    the one that recognises the content; ``options`` are that reader's options (a PDF's
    ``password``); ``reader`` names one of ``readers`` (by name,
    as the plugin host gives them: ``clairlib.read`` passes the installed ones). Returns a
    :class:`Reading` (document, findings, provenance); raises
    :class:`~clairlib.errors.ClairlibError` for input that cannot be read at all.
    """
    if isinstance(fiscal_year, bool):
        raise ReadError(f"fiscal_year must be a year or a FiscalYear, found {fiscal_year!r}")
    fiscal = FiscalYear(fiscal_year) if isinstance(fiscal_year, int) else fiscal_year
    hints = Hints(kind=kind, fiscal_year=fiscal)
    found = readers
    chosen_source = source_of(source)
    if not chosen_source.data.strip():
        raise ReadError(f"{chosen_source.name}: empty")
    if reader is not None:
        if reader not in found:
            known = ", ".join(found) or "none"
            raise ReadError(f"no reader is called {reader!r} (installed: {known})")
        chosen = found[reader]
    else:
        chosen = _choose(chosen_source, found)
    return chosen.read(chosen_source, hints, _options(chosen, options or {}), progress)


def _options(reader: Reader, given: Mapping[str, object]) -> object:
    # The reader's own options class, with the caller's values: an unknown name is refused,
    # and text (from a command line) becomes each field's type as exporters' options do.
    import attrs

    from clairlib.errors import ExportError
    from clairlib.exporting import build_options

    known = {field.name for field in attrs.fields(reader.options)}
    unknown = sorted(set(given) - known)
    if unknown:
        raise ReadError(
            f"reader {reader.name!r} has no option {unknown[0]!r} "
            f"(options: {', '.join(sorted(known)) or 'none'})"
        )
    try:
        return build_options(reader.options, given)
    except ExportError as error:
        raise ReadError(f"reader {reader.name!r}: {error}") from None
