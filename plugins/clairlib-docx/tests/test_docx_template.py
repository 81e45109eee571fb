"""A body's own .docx as the base: its styles, letterhead and margins; the body is ours."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import docx
import pytest
from clairlib_docx import DocxOptions, write_docx
from docx.shared import Mm, Pt

from clairlib.errors import ExportError


def _template(path: Path) -> Path:
    """A letterhead template: a header line, 30 mm margins, its own Heading 1 size."""
    document = docx.Document()
    section = document.sections[0]
    section.top_margin = section.left_margin = Mm(30)
    section.header.paragraphs[0].text = "一般財団法人自治体国際化協会 レターヘッド"
    document.styles["Heading 1"].font.size = Pt(20)
    document.add_paragraph("テンプレートの本文")
    document.save(str(path))
    return path


def test_template_gives_letterhead_margins_and_styles(report: Any, tmp_path: Path) -> None:
    """The template's header, margins and heading style stay; its body text is replaced."""
    template = _template(tmp_path / "letterhead.docx")
    buffer = io.BytesIO()
    write_docx(report, buffer, DocxOptions(template=str(template)))
    document = docx.Document(io.BytesIO(buffer.getvalue()))
    section = document.sections[0]
    assert "一般財団法人自治体国際化協会 レターヘッド" == section.header.paragraphs[0].text
    assert (30, 30) == (round(section.top_margin.mm), round(section.left_margin.mm))
    assert Pt(20) == document.styles["Heading 1"].font.size
    texts = [p.text for p in document.paragraphs]
    assert "テンプレートの本文" not in texts
    assert "平成25年度事業報告" == texts[0]
    # Styles the template lacks are added, so the body's paragraphs have theirs.
    assert "Note" in [style.name for style in document.styles]


def test_template_output_is_reproducible(report: Any, tmp_path: Path) -> None:
    """The same document on the same template gives the same bytes."""
    options = DocxOptions(template=str(_template(tmp_path / "t.docx")))
    first, second = io.BytesIO(), io.BytesIO()
    write_docx(report, first, options)
    write_docx(report, second, options)
    assert first.getvalue() == second.getvalue()


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"not a zip", "not a zip package"), (None, "expected a readable .docx")],
)
def test_bad_template_is_refused(
    report: Any, tmp_path: Path, content: bytes | None, message: str
) -> None:
    """A template that is not a Word file, or is missing, is a clear ExportError."""
    path = tmp_path / "template.docx"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(ExportError, match=message):
        write_docx(report, io.BytesIO(), DocxOptions(template=str(path)))
