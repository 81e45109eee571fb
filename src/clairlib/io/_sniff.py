"""What an input that is not JSON is, told from its first bytes, so a message can say so.

A user who hands ``load`` a Word document, a workbook, a PDF or one of the CSV files
clairlib's own CSV export writes should hear what it is and what reads it, not
``Expecting value: line 1 column 1``. Only the content decides (magic bytes, the
members of a ZIP archive, the shape of a CSV header), never the file name alone.
"""

from __future__ import annotations

import csv
import io
import zipfile

__all__ = ["what_it_is"]

_READ = "read it with clairlib read"
_CSV_READ = "read clairlib's CSV export with clairlib.exporting.read_csv or clairlib read"


def _archive(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, ValueError, OSError):
        return "a ZIP archive that cannot be opened"
    if "word/document.xml" in names:
        return f"a Word document (.docx): {_READ}"
    if "xl/workbook.xml" in names:
        return f"an Excel workbook (.xlsx): {_READ}"
    return "a ZIP archive"


def _csv_header(data: bytes) -> list[str] | None:
    """The header cells of ``data`` when it reads as a CSV table of two columns or more."""
    head = data[:4096]
    for encoding in ("utf-8-sig", "cp932"):
        try:
            text = head.decode(encoding)
        except UnicodeDecodeError:
            # The cut at 4096 bytes may split a character: try without the last line.
            cut = head[: head.rfind(b"\n") + 1]
            try:
                text = cut.decode(encoding)
            except UnicodeDecodeError:
                continue
        lines = text.splitlines()
        if not lines or text.lstrip()[:1] in ("{", "["):
            return None
        rows = list(csv.reader(lines[:3]))
        header = rows[0] if rows else []
        if len(header) < 2 or not all(cell.strip() for cell in header):
            return None
        # Every complete line below the header has as many cells as the header.
        complete = rows[1:-1] if len(lines) > 3 else rows[1:]
        if any(len(row) != len(header) for row in complete):
            return None
        return header
    return None


def what_it_is(data: bytes, name: str | None = None) -> str | None:
    """What ``data`` is when it is a known kind of file that is not JSON; None otherwise."""
    if data.startswith(b"PK\x03\x04"):
        return _archive(data)
    if data.startswith(b"%PDF-"):
        return f"a PDF document: {_READ}"
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        return f"an old Office document (.doc or .xls): save it as .docx or .xlsx and {_READ}"
    header = _csv_header(data)
    if header is None:
        return None
    shown = ", ".join(header[:3]) + (", …" if len(header) > 3 else "")
    file = name.replace("\\", "/").rsplit("/", 1)[-1] if name else None
    own = f"clairlib's {file}" if file and file.endswith(".csv") else "a CSV table"
    return f"{own} (columns {shown}), not a document: {_CSV_READ}"
