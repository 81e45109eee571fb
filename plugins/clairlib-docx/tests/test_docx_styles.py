"""Page and styles: A4, margins, Japanese fonts in the East Asian slot, page numbers."""

from __future__ import annotations

import io
import zipfile
from typing import Any

import pytest
from clairlib_docx import DocxOptions, write_docx
from docx.oxml.ns import qn

W_FONT = qn("w:font")


def _fonts(element: Any) -> dict[str, str]:
    r_fonts = element.find(qn("w:rPr")).find(qn("w:rFonts"))
    return {key.split("}")[1]: value for key, value in r_fonts.attrib.items()}


def test_a4_portrait_with_margins(report_docx: Any) -> None:
    """The page is A4 (210 × 297 mm) with 25 mm top and bottom, 20 mm side margins."""
    section = report_docx.sections[0]
    assert (210, 297) == (round(section.page_width.mm), round(section.page_height.mm))
    margins = (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    assert (25, 25, 20, 20) == tuple(round(margin.mm) for margin in margins)


@pytest.mark.parametrize(
    ("style", "east_asia"),
    [
        ("Normal", "ＭＳ 明朝"),
        ("Title", "ＭＳ ゴシック"),
        ("Heading 1", "ＭＳ ゴシック"),
        ("Heading 3", "ＭＳ ゴシック"),
        ("Caption", "ＭＳ ゴシック"),
        ("Table Heading", "ＭＳ ゴシック"),
    ],
)
def test_east_asian_font_on_styles(report_docx: Any, style: str, east_asia: str) -> None:
    """Each style names its Japanese font in the East Asian slot, no theme font over it."""
    fonts = _fonts(report_docx.styles[style].element)
    assert east_asia == fonts["eastAsia"]
    assert "Century" == fonts["ascii"]
    assert not [name for name in fonts if name.endswith("Theme")]


def test_document_defaults_are_japanese(report_docx: Any) -> None:
    """The defaults carry the body font and mark East Asian text as Japanese."""
    defaults = report_docx.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault"))
    assert "ＭＳ 明朝" == _fonts(defaults)["eastAsia"]
    lang = defaults.find(qn("w:rPr")).find(qn("w:lang"))
    assert "ja-JP" == lang.get(qn("w:eastAsia"))
    size = defaults.find(qn("w:rPr")).find(qn("w:sz"))
    assert "21" == size.get(qn("w:val"))  # 10.5 pt in half-points


def test_font_options(report: Any, write: Any) -> None:
    """The fonts and size are options; the chosen fonts are listed as Japanese (charset 80)."""
    document, _ = write(
        report, font="Noto Serif CJK JP", heading_font="Noto Sans CJK JP", font_size=12
    )
    assert "Noto Serif CJK JP" == _fonts(document.styles["Normal"].element)["eastAsia"]
    assert "Noto Sans CJK JP" == _fonts(document.styles["Heading 1"].element)["eastAsia"]
    assert "24" == document.styles["Normal"].element.find(qn("w:rPr")).find(qn("w:sz")).get(
        qn("w:val")
    )
    buffer = io.BytesIO()
    write_docx(report, buffer, DocxOptions(font="Noto Serif CJK JP"))
    table = zipfile.ZipFile(buffer).read("word/fontTable.xml").decode()
    assert (
        '<w:font w:name="Noto Serif CJK JP"><w:charset w:val="80"/><w:family w:val="roman"/>'
        in table
    )


def test_page_numbers_in_footer(report_docx: Any) -> None:
    """The footer holds a centred PAGE field."""
    footer = report_docx.sections[0].footer.paragraphs[0]
    fields = footer._p.findall(qn("w:fldSimple"))
    assert [" PAGE "] == [field.get(qn("w:instr")) for field in fields]


def test_document_properties(report_docx: Any) -> None:
    """The file's title, author and language are the report's; no template dates remain."""
    properties = report_docx.core_properties
    assert ("平成25年度事業報告", "一般財団法人自治体国際化協会", "ja-JP") == (
        properties.title,
        properties.author,
        properties.language,
    )
    assert (None, None) == (properties.created, properties.modified)


def test_same_document_same_bytes(report: Any) -> None:
    """Writing the same document twice gives the same bytes."""
    first, second = io.BytesIO(), io.BytesIO()
    write_docx(report, first)
    write_docx(report, second)
    assert first.getvalue() == second.getvalue()
