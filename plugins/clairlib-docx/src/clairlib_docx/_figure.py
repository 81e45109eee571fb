"""A picture in the body: an inline ``w:drawing`` paragraph, written as text.

The picture's bytes go to ``word/media`` with a relationship of their own (see
``_package``); the body holds a paragraph of style Figure (centred, kept with the
caption under it) whose drawing names the relationship. The DrawingML namespaces are
declared on the elements that use them, so the paragraph is well-formed in a
template's document element too, whatever that declares.
"""

from __future__ import annotations

from clairlib_docx._sanitize import Clean, escape
from clairlib_docx._styles import FIGURE

EMU_PER_INCH = 914_400
_WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_PIC = "http://schemas.openxmlformats.org/drawingml/2006/picture"


def media_name(number: int) -> str:
    """The file name of the ``number``-th picture under ``word/media``."""
    return f"clairlib-figure{number}.png"


def relationship_id(number: int) -> str:
    """The relationship id of the ``number``-th picture (apart from a template's rIdN)."""
    return f"rIdClairlibFigure{number}"


def drawing_paragraph(number: int, width: float, height: float, description: Clean) -> str:
    """The paragraph showing picture ``number``, ``width`` × ``height`` inches."""
    cx = round(width * EMU_PER_INCH)
    cy = round(height * EMU_PER_INCH)
    name = media_name(number)
    text = escape(description)
    return (
        f'<w:p><w:pPr><w:pStyle w:val="{FIGURE}"/></w:pPr><w:r><w:drawing>'
        f'<wp:inline xmlns:wp="{_WP}" distT="0" distB="0" distL="0" distR="0">'
        f'<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        f'<wp:docPr id="{number}" name="図 {number}" descr="{text}"/>'
        f'<wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a="{_A}" noChangeAspect="1"/>'
        f'</wp:cNvGraphicFramePr><a:graphic xmlns:a="{_A}">'
        f'<a:graphicData uri="{_PIC}"><pic:pic xmlns:pic="{_PIC}">'
        f'<pic:nvPicPr><pic:cNvPr id="{number}" name="{name}"/><pic:cNvPicPr/></pic:nvPicPr>'
        f'<pic:blipFill><a:blip r:embed="{relationship_id(number)}"/>'
        "<a:stretch><a:fillRect/></a:stretch></pic:blipFill>"
        f'<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>'
        "</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"
    )
