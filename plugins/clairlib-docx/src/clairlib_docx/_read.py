"""The Word reader: a .docx draft of a plan or report becomes a draft document.

Paragraphs and table rows are read in body order as lines (the layout contract
of :mod:`clairlib.reading`): a paragraph is one line, so nothing needs joining;
a table row is one line that carries its cells, as Word places them. Heading styles
give the line's level.
Provenance is the paragraph's place in the body (``line``); Word has no pages
until it is laid out.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from typing import Any

import attrs

from clairlib.reading import (
    Hints,
    Line,
    Reader,
    ReadError,
    Reading,
    ReadProgress,
    Source,
    build,
    ideographs,
)

__all__ = ["READER", "DocxReadOptions", "docx_lines", "read_docx"]

_ZIP = b"PK\x03\x04"


@attrs.frozen(kw_only=True)
class DocxReadOptions:
    """The Word reader has no options."""


def _level(style: Any) -> int | None:
    name = getattr(style, "name", "") or ""
    if name.startswith("Heading "):
        digits = name.removeprefix("Heading ").strip()
        return int(digits) if digits.isdigit() else None
    return 0 if name == "Title" else None


def _blocks(document: Any) -> Iterator[tuple[str, int | None, tuple[str, ...] | None]]:
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            paragraph = Paragraph(child, document)
            yield paragraph.text, _level(paragraph.style), None
        elif tag == "tbl":
            for row in Table(child, document).rows:
                cells: list[str] = []
                seen: list[object] = []
                for cell in row.cells:
                    # A merged cell repeats in every grid column it spans: once is enough.
                    if seen and seen[-1] is cell._tc:
                        continue
                    seen.append(cell._tc)
                    cells.append(" ".join(cell.text.split()))
                yield " ".join(c for c in cells if c), None, tuple(cells)


def docx_lines(source: Source) -> list[Line]:
    """The paragraphs and table rows of a .docx in body order; ReadError for a bad file."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    if source.data[:4] != _ZIP:
        raise ReadError(f"{source.name}: not a Word file (a .docx is a zip archive)")
    try:
        document = docx.Document(io.BytesIO(source.data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError) as error:
        raise ReadError(f"{source.name}: not a readable Word file: {error}") from None
    except Exception as error:
        raise ReadError(
            f"{source.name}: a corrupt Word file: {type(error).__name__}: {error}"
        ) from None
    lines: list[Line] = []
    for number, (printed, level, cells) in enumerate(_blocks(document), start=1):
        # A Word file made from a PDF keeps the radicals its fonts gave for ideographs.
        text = ideographs(printed)
        if cells is not None:
            cells = tuple(ideographs(cell) for cell in cells)
            if text.strip():
                lines.append(Line(text=text, page=1, number=number, cells=cells))
            continue
        for part in text.split("\n"):
            if part.strip():
                lines.append(Line(text=part.strip(), page=1, number=number, level=level))
    if not lines:
        raise ReadError(f"{source.name}: a Word file with no text")
    return lines


def read_docx(
    source: Source, hints: Hints, options: DocxReadOptions, progress: ReadProgress | None
) -> Reading:
    """Read a .docx draft of a CLAIR plan or report."""
    lines = docx_lines(source)
    if progress is not None:
        progress(len(lines), len(lines))
    return build(lines, hints, name=source.name)


def _sniff(head: bytes) -> bool:
    return head[:4] == _ZIP and b"word/" in head


READER = Reader(
    name="docx",
    suffixes=(".docx",),
    description="a Word (.docx) draft of a plan or report (python-docx)",
    options=DocxReadOptions,
    read=read_docx,
    sniff=_sniff,
)
