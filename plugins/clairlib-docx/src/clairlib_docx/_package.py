"""Splicing pre-written tables into a saved .docx package.

A table's WordprocessingML is written as text (``_table``). Rather than parse it
into a tree and move that tree into the document — which costs more than writing
it — the document holds a placeholder paragraph per table, and after python-docx
has saved the package the placeholders in ``word/document.xml`` are replaced by
the tables' text. The package is written afresh then, with fixed time stamps.
"""

from __future__ import annotations

import io
import re
import zipfile

from clairlib.errors import ExportError

DOCUMENT_PART = "word/document.xml"
_STAMP = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip member can carry
_STYLE = "ClairlibDocxTable"
_PLACEHOLDER = re.compile(
    rb'<w:p><w:pPr><w:pStyle w:val="' + _STYLE.encode() + rb'(\d+)"/></w:pPr></w:p>'
)


def placeholder(number: int) -> str:
    """The paragraph that stands where table ``number`` goes."""
    return f'<w:pPr><w:pStyle w:val="{_STYLE}{number}"/></w:pPr>'


def _splice_part(xml: bytes, tables: list[str]) -> bytes:
    pieces = _PLACEHOLDER.split(xml)
    found = pieces[1::2]
    if sorted(int(number) for number in found) != list(range(len(tables))):
        raise ExportError(
            f"internal error: expected {len(tables)} table placeholders in the Word document, "
            f"found {len(found)}"
        )
    for position in range(1, len(pieces), 2):
        pieces[position] = tables[int(pieces[position])].encode("utf-8")
    return b"".join(pieces)


def splice(package: bytes, tables: list[str]) -> bytes:
    """``package`` with each table placeholder in its document part replaced by the table.

    Every member gets the same fixed time stamp, so the same document always gives the
    same bytes (python-docx stamps members with the time of saving).
    """
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(package)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            data = source.read(info)
            if info.filename == DOCUMENT_PART:
                data = _splice_part(data, tables)
            member = zipfile.ZipInfo(info.filename, date_time=_STAMP)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = info.external_attr
            target.writestr(member, data)
    return out.getvalue()
