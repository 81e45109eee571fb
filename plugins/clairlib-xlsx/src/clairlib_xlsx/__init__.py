"""Excel (.xlsx) exporter and reader for clairlib: workbooks a spreadsheet user can total.

Installed with ``clairlib[xlsx]``; clairlib finds it through the ``clairlib``
entry-point group, like any third-party plugin::

    import clairlib
    clairlib.export(report, "xlsx", "report.xlsx")
    clairlib.export(report, "xlsx", "report.xlsx", headers="en")

One workbook per document: a summary sheet (the document, the coverage of its
printed figures, every finding of validation and of the export), a sheet per
record table (the CSV export's tables and columns) and a sheet per printed table,
laid out as printed. Record cells are typed: a quantity's magnitude is a number
with the printed value, unit, scale, qualifier and text beside it; a period's
start and end are Excel dates beside its ISO text; office and country codes have
their names beside them; enumerations are Japanese words (with ``headers="ja"``)
chosen from a drop-down list. Every header row is frozen and filtered, widths are
measured for East Asian text, every cell is in a Japanese font. Text is always
written as text, so a formula payload stays a string.

Text Excel cannot hold is handled, never fatal: a cell longer than 32,767
characters is cut with an ``xlsx.text-too-long`` error finding; control
characters are kept (as the file format's ``_xHHHH_`` escapes, which the reader
restores) with an ``xlsx.control-character`` warning; a printed table's sheet
name longer than 31 characters, or with ``[]:*?/\\``, is changed with an
``xlsx.sheet-name`` note. Through :func:`clairlib.export` each finding is issued
as an :class:`XlsxFindingWarning`; ``on_finding="error"`` refuses to write.

:func:`read_xlsx` reads such a workbook back (also after rows were edited or
added in Excel), or a plain sheet of events or measurements, into a document;
every problem is a finding addressed by cell (``events!C7``).
"""

from __future__ import annotations

import os
import shutil
import tempfile
import warnings
from collections.abc import Callable, Iterable
from typing import IO, Literal

import attrs

from clairlib.errors import DocumentError, ExportError
from clairlib.exporting import Exporter, Sink, option
from clairlib.findings import Finding
from clairlib.hooks import hookimpl
from clairlib.model import Document
from clairlib.reading import Hints, Reader, Reading, Source

__all__ = [
    "EXPORTER",
    "READER",
    "XlsxFindingWarning",
    "XlsxOptions",
    "XlsxReadOptions",
    "clairlib_exporters",
    "clairlib_readers",
    "read_xlsx",
    "write_xlsx",
]

_SPOOL = 1024 * 1024  # the zip in memory up to 1 MiB, then on disk: memory stays flat
_COPY = 1024 * 1024


def _check_font(instance: XlsxOptions, attribute: attrs.Attribute[str], value: str) -> None:
    if not value.strip() or not value.isprintable():
        raise ExportError(f"option {attribute.name!r}: expected a font name, found {value!r}")


def _check_size(instance: XlsxOptions, attribute: attrs.Attribute[float], value: float) -> None:
    if not 6 <= value <= 36:
        raise ExportError(
            f"option {attribute.name!r}: expected a size from 6 to 36 points, found {value!r}"
        )


@attrs.frozen(kw_only=True)
class XlsxOptions:
    """Options of the Excel exporter; every one has a default.

    The default font, 游ゴシック, is the one Japanese Excel opens new workbooks in;
    cells also carry the Japanese character set, so a machine without it shows
    another Japanese font.
    """

    headers: Literal["ja", "en"] = option(
        "ja", help="header language: ja (Japanese, enumerations in Japanese) or en"
    )
    font: str = option("游ゴシック", help="font of every cell")
    font_size: float = option(11.0, help="font size in points")
    include_personal: bool = option(False, help="include fields naming private persons")
    summary: bool = option(True, help="write the summary sheet (runs validation)")
    printed_tables: bool = option(True, help="write a sheet per printed table")
    on_finding: Literal["warn", "error", "ignore"] = option(
        "warn", help="what to do with findings such as a cut cell: warn, error, ignore"
    )

    def __attrs_post_init__(self) -> None:
        fields = attrs.fields_dict(XlsxOptions)
        _check_font(self, fields["font"], self.font)
        _check_size(self, fields["font_size"], self.font_size)


class XlsxFindingWarning(UserWarning):
    """A finding of the Excel exporter (a cut cell, a renamed sheet …), issued as a warning."""

    def __init__(self, finding: Finding) -> None:
        self.finding = finding
        super().__init__(f"{finding.message} @ {finding.path}")


def write_xlsx(
    document: Document,
    stream: IO[bytes],
    options: XlsxOptions | None = None,
    *,
    progress: Callable[[int, int | None], None] | None = None,
) -> tuple[Finding, ...]:
    """Write ``document`` as a workbook into ``stream``; return the findings made on the way.

    With ``on_finding="error"`` a document that gives any error finding raises
    :class:`~clairlib.errors.DocumentError` (holding the findings) and nothing is written.
    """
    chosen = options if options is not None else XlsxOptions()
    # XlsxWriter is imported on first use, so listing the installed exporters stays cheap.
    from clairlib_xlsx._workbook import Settings, render

    settings = Settings(
        headers=chosen.headers,
        font=chosen.font,
        font_size=chosen.font_size,
        include_personal=chosen.include_personal,
        summary=chosen.summary,
        printed_tables=chosen.printed_tables,
    )
    # The zip is made in a seekable scratch file (in memory up to 1 MiB, then on disk)
    # and copied: zipfile writes other bytes to a stream it cannot seek, and a refusal
    # or a failure of the stream then leaves XlsxWriter nothing half-done to clean up.
    with tempfile.SpooledTemporaryFile(max_size=_SPOOL) as scratch:
        findings = render(document, scratch, settings, progress)
        if findings and chosen.on_finding == "error":
            raise DocumentError(findings, source="the Excel export")
        scratch.seek(0)
        shutil.copyfileobj(scratch, stream, _COPY)
    return findings


def _write(
    document: Document,
    sink: Sink,
    options: XlsxOptions,
    progress: Callable[[int, int | None], None] | None,
) -> None:
    findings = write_xlsx(document, sink.open(), options, progress=progress)
    if options.on_finding == "warn":
        for finding in findings:
            warnings.warn(XlsxFindingWarning(finding), stacklevel=2)


EXPORTER = Exporter(
    name="xlsx",
    suffix=".xlsx",
    description="Excel workbook: typed record sheets, printed tables, a validation summary",
    options=XlsxOptions,
    write=_write,
)
"""The Excel exporter, as the ``clairlib_exporters`` hook returns it."""


@hookimpl
def clairlib_exporters() -> Iterable[Exporter]:
    """The exporters this plugin provides: ``xlsx``."""
    return (EXPORTER,)


@attrs.frozen(kw_only=True)
class XlsxReadOptions:
    """Options of the Excel reader (none yet: the workbook says what it holds)."""


_ZIP = b"PK\x03\x04"


def read_xlsx(
    source: Source | bytes | str | os.PathLike[str], hints: Hints | None = None
) -> Reading:
    """Read a workbook — the export's layout or a plain sheet of records — into a document.

    Every problem is a finding addressed by cell (``events!C7``) in the reading;
    a source that is no workbook at all raises DocumentError.
    """
    from clairlib_xlsx._document import build_document
    from clairlib_xlsx._read import read_records

    data: bytes | str
    if isinstance(source, Source):
        data, name = source.data, source.name
    elif isinstance(source, bytes):
        data, name = source, "workbook"
    else:
        data = name = os.fspath(source)  # calamine reads the file itself
        with open(data, "rb"):
            pass  # a file that is missing or cannot be read raises as open() does
    found = read_records(data, name)
    stem = os.path.splitext(os.path.basename(name))[0] or "workbook"
    document, notes = build_document(
        found.records, found.sections, found.facts, hints or Hints(), stem
    )
    return Reading(document=document, findings=(*found.findings, *notes))


def _read(
    source: Source,
    hints: Hints,
    options: XlsxReadOptions,
    progress: Callable[[int, int | None], None] | None,
) -> Reading:
    return read_xlsx(source, hints)


READER = Reader(
    name="xlsx",
    suffixes=(".xlsx",),
    description="Excel workbook: the xlsx export's sheets, or a plain sheet of records",
    options=XlsxReadOptions,
    read=_read,
    sniff=lambda head: head.startswith(_ZIP) and b"xl/" in head[:2048],
)
"""The Excel reader, as the ``clairlib_readers`` hook returns it."""


@hookimpl
def clairlib_readers() -> Iterable[Reader]:
    """The readers this plugin provides: ``xlsx``."""
    return (READER,)
