"""The page, the fonts and the paragraph styles of a Japanese report on A4."""

from __future__ import annotations

from typing import Any

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.oxml import serialize_part_xml
from docx.oxml import parse_xml
from docx.shared import Mm

from clairlib_docx._sanitize import escape, literal

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NS = f'xmlns:w="{W}"'

# Style ids of the styles this module defines or redefines.
BODY = "BodyText"
ITEM = "Bullet"
NOTE = "Note"
CAPTION = "Caption"
TABLE_TEXT = "TableText"
TABLE_HEADING = "TableHeading"
TITLE = "Title"
SUBTITLE = "Subtitle"

_A4 = (Mm(210), Mm(297))
_MARGINS = {"top": Mm(25), "bottom": Mm(25), "left": Mm(20), "right": Mm(20)}
TEXT_WIDTH_TWIPS = round((210 - 20 - 20) / 25.4 * 1440)

# (style id, name, level) of the headings; sizes in half-points.
_HEADING_SIZES = (28, 24, 22, 21, 21, 21, 21, 21, 21)


def _fonts(latin: str, east_asia: str) -> str:
    latin, east_asia = escape(literal(latin)), escape(literal(east_asia))
    # Theme attributes would override explicit names, so none are written; the hint
    # makes ambiguous-width marks (○ ① ※) take the East Asian font.
    return (
        f'<w:rFonts w:ascii="{latin}" w:hAnsi="{latin}" w:eastAsia="{east_asia}" '
        f'w:cs="{latin}" w:hint="eastAsia"/>'
    )


def _rpr(fonts: str = "", *, size: int | None = None, bold: bool = False) -> str:
    parts = [fonts]
    if bold:
        parts.append("<w:b/><w:bCs/>")
    parts.append('<w:color w:val="000000"/>')
    if size is not None:
        parts.append(f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>')
    return f"<w:rPr {_NS}>{''.join(parts)}</w:rPr>"


def _ppr(body: str) -> str:
    return f"<w:pPr {_NS}>{body}</w:pPr>"


def _restyle(style: Any, ppr: str, rpr: str) -> None:
    element = style.element
    for tag in ("pPr", "rPr"):
        for old in element.findall(f"{{{W}}}{tag}"):
            element.remove(old)
    element.append(parse_xml(ppr))
    element.append(parse_xml(rpr))


def _paragraph_style(document: Any, style_id: str, name: str) -> Any:
    styles = document.styles
    for style in styles:
        if style.style_id == style_id:
            return style
    style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = styles["Normal"]
    style.quick_style = True
    return style


def _set_defaults(document: Any, body_fonts: str, size: int) -> None:
    defaults = document.styles.element.find(f"{{{W}}}docDefaults")
    defaults.getparent().remove(defaults)
    document.styles.element.insert(
        0,
        parse_xml(
            f"<w:docDefaults {_NS}><w:rPrDefault><w:rPr>{body_fonts}"
            f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>'
            '<w:lang w:val="en-US" w:eastAsia="ja-JP" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>'
            '<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="276" w:lineRule="auto"/>'
            '<w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults>'
        ),
    )


def _font_table(document: Any, fonts: dict[str, str]) -> None:
    """List the fonts in the font table with the Japanese character set.

    Word substitutes a font it lacks by the charset and family written here, so a
    machine without the chosen font still shows the text in a Japanese font.
    """
    part = next(
        p for p in document.part.package.iter_parts() if p.partname == "/word/fontTable.xml"
    )
    table = parse_xml(part.blob)
    present = {el.get(f"{{{W}}}name") for el in table.findall(f"{{{W}}}font")}
    for name, family in fonts.items():
        if name in present:
            continue
        table.append(
            parse_xml(
                f'<w:font {_NS} w:name="{escape(literal(name))}"><w:charset w:val="80"/>'
                f'<w:family w:val="{family}"/><w:pitch w:val="variable"/></w:font>'
            )
        )
    # The font table is a plain part in python-docx: its bytes are replaced whole.
    part._blob = serialize_part_xml(table)


def _family(name: str) -> str:
    lowered = name.lower()
    if any(word in lowered for word in ("mincho", "明朝", "serif", "century", "times")):
        return "roman"
    return "swiss" if "sans" in lowered or "ゴシック" in name or "gothic" in lowered else "auto"


def new_document(
    *, font: str, heading_font: str, latin_font: str, font_size: float, title: str, author: str
) -> Any:
    """An empty A4 document with the report's styles, fonts and page numbers."""
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = _A4
    for side, value in _MARGINS.items():
        setattr(section, f"{side}_margin", value)
    size = round(font_size * 2)
    body_fonts = _fonts(latin_font, font)
    heading_fonts = _fonts(latin_font, heading_font)
    _set_defaults(document, body_fonts, size)
    styles = document.styles
    _restyle(styles["Normal"], _ppr(""), _rpr(body_fonts, size=size))
    _restyle(
        styles["Title"],
        _ppr('<w:spacing w:before="0" w:after="480"/><w:jc w:val="center"/>'),
        _rpr(heading_fonts, size=size + 11, bold=True),
    )
    _restyle(
        styles["Subtitle"],
        _ppr('<w:spacing w:after="240"/><w:jc w:val="right"/>'),
        _rpr(body_fonts, size=size),
    )
    for level, heading_size in enumerate(_HEADING_SIZES, start=1):
        before = 360 if level == 1 else 200 if level <= 3 else 120
        _restyle(
            styles[f"Heading {level}"],
            _ppr(
                f'<w:keepNext/><w:keepLines/><w:spacing w:before="{before}" w:after="80"/>'
                f'<w:jc w:val="left"/><w:outlineLvl w:val="{level - 1}"/>'
            ),
            _rpr(heading_fonts, size=max(heading_size, size), bold=level <= 3),
        )
    _restyle(
        _paragraph_style(document, BODY, "Body Text"),
        _ppr('<w:spacing w:after="60"/><w:ind w:firstLineChars="100" w:firstLine="210"/>'),
        _rpr(size=size),
    )
    _restyle(
        _paragraph_style(document, ITEM, "Bullet"),
        _ppr('<w:spacing w:after="40"/><w:ind w:left="420" w:hanging="210"/>'),
        _rpr(size=size),
    )
    _restyle(
        _paragraph_style(document, NOTE, "Note"),
        _ppr('<w:spacing w:after="40"/><w:ind w:left="210" w:hanging="210"/>'),
        _rpr(size=size - 3),
    )
    _restyle(
        styles["Caption"],
        _ppr('<w:keepNext/><w:spacing w:before="160" w:after="60"/><w:jc w:val="center"/>'),
        _rpr(heading_fonts, size=size),
    )
    _restyle(
        _paragraph_style(document, TABLE_TEXT, "Table Text"),
        _ppr('<w:spacing w:after="0" w:line="240" w:lineRule="auto"/><w:jc w:val="left"/>'),
        _rpr(size=size - 3),
    )
    _restyle(
        _paragraph_style(document, TABLE_HEADING, "Table Heading"),
        _ppr(
            '<w:keepNext/><w:spacing w:after="0" w:line="240" w:lineRule="auto"/>'
            '<w:jc w:val="center"/>'
        ),
        _rpr(heading_fonts, size=size - 3),
    )
    _font_table(
        document,
        {name: _family(name) for name in (font, heading_font)},
    )
    _page_numbers(section)
    properties = document.core_properties
    properties.title = title
    properties.author = author
    properties.last_modified_by = author
    properties.language = "ja-JP"
    properties.comments = ""
    # The template's creation and modification dates (2013) say nothing true about this
    # file, and a date of writing would make every export differ: both are left out.
    for element in list(properties._element):
        if element.tag.rsplit("}", 1)[-1] in ("created", "modified"):
            properties._element.remove(element)
    return document


def _page_numbers(section: Any) -> None:
    paragraph = section.footer.paragraphs[0]
    paragraph.alignment = 1  # centred
    paragraph._p.append(
        parse_xml(f'<w:fldSimple {_NS} w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>')
    )
