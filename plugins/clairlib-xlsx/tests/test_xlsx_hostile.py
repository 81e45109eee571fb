"""Every workbook the hostile corpus produces opens cleanly with openpyxl."""

from __future__ import annotations

import io
import re
from pathlib import Path

import openpyxl
import pytest
from clairlib_xlsx import write_xlsx

from clairlib.errors import DocumentError
from clairlib.io import load
from clairlib.model import Document
from clairlib.testing import hostile_document

CORPUS = Path(__file__).resolve().parents[3] / "tests" / "data" / "hostile"
# What a cell of a valid workbook cannot hold: C0 controls but tab and line feed,
# U+FFFE/U+FFFF and lone surrogates.
RAW = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _loadable() -> list[tuple[str, Document]]:
    found: list[tuple[str, Document]] = [("hostile_document()", hostile_document())]
    for path in sorted(CORPUS.rglob("*.json")):
        try:
            found.append((str(path.relative_to(CORPUS)), load(path)))
        except DocumentError:
            continue  # refused at load: nothing reaches an exporter
    return found


DOCUMENTS = _loadable()


def test_the_corpus_holds_documents_that_load() -> None:
    """The corpus gives the exporter something to write besides the refused files."""
    assert len(DOCUMENTS) >= 4


@pytest.mark.parametrize(("name", "document"), DOCUMENTS, ids=[name for name, _ in DOCUMENTS])
def test_every_corpus_workbook_opens_with_openpyxl(name: str, document: Document) -> None:
    """The workbook opens, every sheet reads, and no cell holds what Excel refuses."""
    stream = io.BytesIO()
    write_xlsx(document, stream)
    stream.seek(0)
    workbook = openpyxl.load_workbook(stream)
    raw = [
        f"{sheet.title}!{cell.coordinate}"
        for sheet in workbook.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if isinstance(cell.value, str) and RAW.search(cell.value)
    ]
    assert [] == raw
    assert workbook.sheetnames[0] == "概要"
