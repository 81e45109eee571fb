"""WordprocessingML written as text: runs and paragraphs from cleaned text.

The whole body of the document is one string built from these pieces, so no
paragraph is ever looked up, parsed or styled through python-docx's object API
(a style look-up by name there costs milliseconds a paragraph).
"""

from __future__ import annotations

from clairlib_docx._sanitize import Clean, escape

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
BOLD = "<w:rPr><w:b/><w:bCs/></w:rPr>"


def run(text: Clean, bold: bool = False) -> str:
    """A run holding ``text``; tabs and line breaks become w:tab and w:br."""
    rpr = BOLD if bold else ""
    if "\n" not in text and "\t" not in text and "\r" not in text:
        return f'<w:r>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'
    parts: list[str] = []
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for number, line in enumerate(lines):
        if number:
            parts.append("<w:br/>")
        for piece_number, piece in enumerate(line.split("\t")):
            if piece_number:
                parts.append("<w:tab/>")
            if piece:
                parts.append(f'<w:t xml:space="preserve">{escape(Clean(piece))}</w:t>')
    return f"<w:r>{rpr}{''.join(parts)}</w:r>"


def paragraph(
    text: Clean,
    style: str,
    *,
    bold: bool = False,
    keep_next: bool = False,
    page_break: bool = False,
    indent: int = 0,
) -> str:
    """A paragraph of ``style`` (a style id) holding ``text``."""
    props = [f'<w:pStyle w:val="{style}"/>']
    if keep_next:
        props.append("<w:keepNext/>")
    if page_break:
        props.append("<w:pageBreakBefore/>")
    if indent:
        props.append(f'<w:ind w:left="{indent}"/>')
    body = run(text, bold) if text else ""
    return f"<w:p><w:pPr>{''.join(props)}</w:pPr>{body}</w:p>"
