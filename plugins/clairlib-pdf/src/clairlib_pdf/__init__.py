"""PDF reader for clairlib: a plan or report as CLAIR publishes it becomes a draft document.

Installed with ``clairlib[pdf]``; clairlib finds it through the ``clairlib``
entry-point group, like any third-party reader::

    import clairlib
    reading = clairlib.read("平成25年度事業報告.pdf")

The text layer is read with pdfplumber, page by page, as printed lines with
their page, position and type size (:class:`clairlib.reading.Line`, the layout
contract the text reader shares); one builder turns them into the document.
A line indented past the page's left margin opens a paragraph as a text
extraction's leading space does. Input that cannot be read raises
:class:`clairlib.reading.ReadError` saying why: encrypted (it needs its
password), no text layer (a scan: it needs OCR first), corrupt, not a PDF.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from collections.abc import Iterator
from typing import Any

import attrs

from clairlib.exporting import option
from clairlib.findings import Finding, Severity
from clairlib.hooks import hookimpl
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

__all__ = ["READER", "PdfOptions", "clairlib_readers", "pdf_lines", "read_pdf"]

_MAGIC = b"%PDF-"


@attrs.frozen(kw_only=True)
class PdfOptions:
    """Options of the PDF reader.

    ``password`` opens an encrypted PDF; ``pages`` caps how many pages are read
    (0: all of them).
    """

    password: str = option("", help="the password that opens an encrypted PDF")
    pages: int = option(0, help="read at most this many pages (0: all of them)")


def _open(source: Source, options: PdfOptions) -> Any:
    # pdfminer raises many kinds of errors on a damaged file; each becomes one ReadError.
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError

    if not source.data.lstrip()[:5] == _MAGIC:
        raise ReadError(f"{source.name}: not a PDF (it does not begin with %PDF-)")
    try:
        pdf = pdfplumber.open(io.BytesIO(source.data), password=options.password)
        pdf.pages  # noqa: B018  the page tree is read here: a damaged one fails now
    except Exception as error:
        # pdfplumber wraps pdfminer's errors: the cause says what went wrong.
        cause = next((a for a in error.args if isinstance(a, Exception)), error)
        if isinstance(cause, PDFPasswordIncorrect):
            message = "encrypted: it needs its password (the reader option password=…)"
        elif isinstance(cause, PDFEncryptionError):
            message = f"encrypted in a way that cannot be read: {cause}"
        elif isinstance(cause, PDFSyntaxError):
            message = f"a corrupt PDF: {cause}"
        else:
            message = f"a corrupt PDF: {str(cause) or type(cause).__name__}"
        raise ReadError(f"{source.name}: {message}") from None
    return pdf


def _cell_text(text: str) -> str:
    # A cell's lines join as the document's prose does: a space only between Latin words.
    out = ""
    for part in text.split("\n"):
        part = " ".join(part.split())
        if not part:
            continue
        if out and out[-1].isascii() and out[-1].isalnum() and part[0].isascii():
            out += " "
        out += part
    return out


def _grids(page: Any) -> list[tuple[tuple[float, float, float, float], list[dict[str, Any]]]]:
    # Ruled tables by their geometry: each row with the top of its cells and their text;
    # a cell a merge leaves empty is None in pdfplumber and stays empty here.
    grids = []
    for table in page.find_tables():
        rows = []
        for row, cells in zip(table.rows, table.extract(), strict=False):
            texts = tuple(_cell_text(cell or "") for cell in cells)
            if any(texts):
                rows.append({"top": row.bbox[1], "x0": row.bbox[0], "cells": texts})
        if rows:
            grids.append((table.bbox, rows))
    return grids


def _page_lines(page: Any, number: int) -> list[Line]:
    found = page.extract_text_lines(strip=True, return_chars=True)
    if not found:
        return []
    grids = _grids(page)
    if grids:
        # Lines inside a ruled table give way to its rows, placed cell by cell.
        def inside(entry: dict[str, Any]) -> bool:
            middle = (entry["top"] + entry["bottom"]) / 2
            return any(
                box[1] <= middle <= box[3] and box[0] - 1 <= entry["x0"] <= box[2]
                for box, _ in grids
            )

        found = [entry for entry in found if not inside(entry)]
        for _, rows in grids:
            for row in rows:
                found.append(
                    {
                        "text": " ".join(cell for cell in row["cells"] if cell),
                        "x0": row["x0"],
                        "top": row["top"],
                        "bottom": row["top"],
                        "chars": [],
                        "cells": row["cells"],
                    }
                )
        found.sort(key=lambda entry: (round(entry["top"]), entry["x0"]))
    margin = Counter(round(entry["x0"]) for entry in found).most_common(1)[0][0]
    sizes = [entry["chars"][0].get("size", 10.5) for entry in found if entry["chars"]]
    body = Counter(round(size, 1) for size in sizes).most_common(1)[0][0] if sizes else 10.5
    out: list[Line] = []
    previous_bottom: float | None = None
    for index, entry in enumerate(found, start=1):
        text = _printed(entry["text"])
        size = entry["chars"][0].get("size", body) if entry["chars"] else body
        indent = 1 if entry["x0"] - margin >= 0.8 * body else 0
        gap = previous_bottom is not None and entry["top"] - previous_bottom > 0.8 * body
        out.append(
            Line(
                text=text,
                page=number,
                number=index,
                indent=indent,
                x=round(entry["x0"]),
                y=round(entry["top"]),
                size=round(float(size), 1),
                gap_before=gap,
                cells=_cells(entry.get("cells")),
            )
        )
        previous_bottom = entry["bottom"]
    return out


def _cells(cells: tuple[str, ...] | None) -> tuple[str, ...] | None:
    # A ruled grid's cells, read as a line's text is (_printed).
    return None if cells is None else tuple(_printed(cell) for cell in cells)


# pdfminer's ``(cid:12)`` for a glyph whose font gives no text for it (no ToUnicode map).
_UNMAPPED = re.compile(r"\(cid:[0-9]+\)")
_MISSING = "\ufffd"  # what such a glyph is read as: one replacement character a glyph


def _printed(text: str) -> str:
    # What a line prints: the radicals its fonts give for ideographs as the ideographs, a
    # glyph they give no text for as _MISSING (never pdfminer's ``(cid:12)`` as words).
    if "(cid:" in text:
        text = _UNMAPPED.sub(_MISSING, text)
    return ideographs(text)


def pdf_lines(
    source: Source, options: PdfOptions | None = None, progress: ReadProgress | None = None
) -> list[Line]:
    """The printed lines of a PDF in reading order; ReadError when it has no text layer."""
    options = options or PdfOptions()
    pdf = _open(source, options)
    lines: list[Line] = []
    images = 0
    try:
        pages = pdf.pages if options.pages <= 0 else pdf.pages[: options.pages]
        total = len(pages)
        for number, page in enumerate(pages, start=1):
            try:
                page_lines = _page_lines(page, number)
                images += len(page.images)
            except Exception as error:
                raise ReadError(
                    f"{source.name}: page {number} cannot be read: {type(error).__name__}: {error}"
                ) from None
            lines.extend(page_lines)
            page.close()
            if progress is not None:
                progress(number, total)
    finally:
        pdf.close()
    if not any(line.text.strip() for line in lines):
        if not total:
            raise ReadError(f"{source.name}: a PDF without pages")
        what = "scanned pages" if images else "pages"
        raise ReadError(
            f"{source.name}: no text layer ({total} {what} with no text): it needs OCR first"
        )
    missing = sum(line.text.count(_MISSING) for line in lines)
    printed = sum(len(line.text) - line.text.count(" ") for line in lines)
    if missing * 2 >= printed:
        raise ReadError(
            f"{source.name}: its fonts give no text for {missing} of its {printed} characters "
            "(no ToUnicode map): the text layer cannot be read; it needs OCR first"
        )
    return lines


def read_pdf(
    source: Source, hints: Hints, options: PdfOptions, progress: ReadProgress | None
) -> Reading:
    """Read a PDF of a CLAIR plan or report."""
    lines = pdf_lines(source, options, progress)
    reading = build(lines, hints, name=source.name)
    missing = Counter[int]()
    for line in lines:
        if _MISSING in line.text:
            missing[line.page] += line.text.count(_MISSING)
    if not missing:
        return reading
    where = ", ".join(f"page {page} ({count})" for page, count in sorted(missing.items()))
    finding = Finding(
        rule="read.unmapped-glyphs",
        severity=Severity.WARNING,
        path="$",
        message=(
            f"{sum(missing.values())} printed characters have no text in the PDF's fonts, "
            f"on {where}: read as {_MISSING} (U+FFFD); the text there is incomplete"
        ),
    )
    return attrs.evolve(reading, findings=(*reading.findings, finding))


def _sniff(head: bytes) -> bool:
    return head.lstrip()[:5] == _MAGIC


READER = Reader(
    name="pdf",
    suffixes=(".pdf",),
    description="a PDF with a text layer, as CLAIR publishes its plans and reports (pdfplumber)",
    options=PdfOptions,
    read=read_pdf,
    sniff=_sniff,
)


@hookimpl
def clairlib_readers() -> Iterator[Reader]:
    """The PDF reader."""
    yield READER
