"""The .docx package: its parts written as text and zipped with fixed time stamps.

No part passes through python-docx: the body is one string (``_xml``), the styles,
settings and font table are text (``_styles``), and the zip members all carry the
same fixed time, so the same document always gives the same bytes. A template
(a body's own .docx) replaces the styles it defines, the page set-up and the
headers and footers; the body is ours.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Sequence
from typing import Any

from lxml import etree

from clairlib.errors import ExportError
from clairlib_docx._sanitize import Clean, escape
from clairlib_docx._styles import (
    FOOTER_PART,
    SETTINGS_PART,
    Fonts,
    font_entries,
    font_table_part,
    paragraph_styles,
    section_properties,
    styles_part,
    table_styles,
)
from clairlib_docx._xml import R, W

_STAMP = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip member can carry
_HEAD = "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
_CT = "application/vnd.openxmlformats-officedocument."
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_MAIN = "word/document.xml"
_DOCUMENT_OPEN = f'<w:document xmlns:w="{W}" xmlns:r="{R}">'
# A template is someone else's file: no entities expanded, nothing fetched.
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True)

Media = tuple[str, str, bytes]  # relationship id, file name under word/media, PNG bytes


def _core(title: Clean, author: Clean) -> str:
    # No dates: a date of writing would make every export differ.
    return (
        f"{_HEAD}<cp:coreProperties "
        'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{escape(title)}</dc:title><dc:creator>{escape(author)}</dc:creator>"
        f"<cp:lastModifiedBy>{escape(author)}</cp:lastModifiedBy>"
        "<dc:language>ja-JP</dc:language></cp:coreProperties>"
    )


_APP = (
    f"{_HEAD}<Properties "
    'xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    "<Application>clairlib-docx</Application><DocSecurity>0</DocSecurity></Properties>"
)


def _relationships(entries: Sequence[tuple[str, str, str]]) -> str:
    body = "".join(
        f'<Relationship Id="{rid}" Type="{kind}" Target="{target}"/>'
        for rid, kind, target in entries
    )
    return f'{_HEAD}<Relationships xmlns="{_PACKAGE_RELS}">{body}</Relationships>'


def _image_relationships(media: Sequence[Media]) -> list[tuple[str, str, str]]:
    return [(rid, f"{_REL}image", f"media/{name}") for rid, name, _ in media]


def _zip(parts: Sequence[tuple[str, bytes]]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts:
            member = zipfile.ZipInfo(name, date_time=_STAMP)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o600 << 16
            target.writestr(member, data, compresslevel=1 if len(data) > 65536 else 6)
    return out.getvalue()


def build(
    body: str,
    *,
    fonts: Fonts,
    title: Clean,
    author: Clean,
    media: Sequence[Media] = (),
    template: bytes | None = None,
    template_name: str = "",
) -> bytes:
    """The .docx bytes of a document whose body is ``body``."""
    if template is not None:
        return _from_template(
            body,
            fonts=fonts,
            title=title,
            author=author,
            media=media,
            template=template,
            name=template_name,
        )
    png = '<Default Extension="png" ContentType="image/png"/>' if media else ""
    types = (
        f'{_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        f"{png}"
        f'<Override PartName="/{_MAIN}" ContentType="{_CT}wordprocessingml.document.main+xml"/>'
        f'<Override PartName="/word/styles.xml" ContentType="{_CT}wordprocessingml.styles+xml"/>'
        '<Override PartName="/word/settings.xml" '
        f'ContentType="{_CT}wordprocessingml.settings+xml"/>'
        '<Override PartName="/word/fontTable.xml" '
        f'ContentType="{_CT}wordprocessingml.fontTable+xml"/>'
        f'<Override PartName="/word/footer1.xml" ContentType="{_CT}wordprocessingml.footer+xml"/>'
        '<Override PartName="/docProps/core.xml" '
        'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
        f'<Override PartName="/docProps/app.xml" ContentType="{_CT}extended-properties+xml"/>'
        "</Types>"
    )
    package_rels = _relationships(
        [
            ("rId1", f"{_REL}officeDocument", _MAIN),
            ("rId2", f"{_PACKAGE_RELS}/metadata/core-properties", "docProps/core.xml"),
            ("rId3", f"{_REL}extended-properties", "docProps/app.xml"),
        ]
    )
    document_rels = _relationships(
        [
            ("rId1", f"{_REL}styles", "styles.xml"),
            ("rId2", f"{_REL}settings", "settings.xml"),
            ("rId3", f"{_REL}fontTable", "fontTable.xml"),
            ("rId4", f"{_REL}footer", "footer1.xml"),
            *_image_relationships(media),
        ]
    )
    sect_pr = section_properties("rId4")
    document = f"{_HEAD}{_DOCUMENT_OPEN}<w:body>{body}{sect_pr}</w:body></w:document>"
    parts = [
        ("[Content_Types].xml", types),
        ("_rels/.rels", package_rels),
        ("docProps/core.xml", _core(title, author)),
        ("docProps/app.xml", _APP),
        (_MAIN, document),
        ("word/_rels/document.xml.rels", document_rels),
        ("word/styles.xml", styles_part(fonts)),
        ("word/settings.xml", SETTINGS_PART),
        ("word/fontTable.xml", font_table_part(fonts)),
        ("word/footer1.xml", FOOTER_PART),
    ]
    encoded = [(name, text.encode("utf-8")) for name, text in parts]
    encoded.extend((f"word/media/{name}", data) for _, name, data in media)
    return _zip(encoded)


# -- templates ---------------------------------------------------------------------------

_SECT_PR = re.compile(rb"<w:sectPr\b.*?</w:sectPr>|<w:sectPr\b[^>]*/>", re.DOTALL)
_BODY_END = b"</w:body>"


def _refuse(name: str, what: str) -> ExportError:
    return ExportError(f"option 'template': expected a Word .docx or .dotx, {what} in {name!r}")


def _parse(xml: bytes, member: str, name: str) -> Any:
    try:
        return etree.fromstring(xml, _PARSER)
    except etree.XMLSyntaxError as error:
        raise _refuse(name, f"found unreadable {member} ({error})") from None


def _merge_styles(xml: bytes, fonts: Fonts, name: str) -> bytes:
    """The template's styles, with each style this exporter uses that it lacks added."""
    root = _parse(xml, "word/styles.xml", name)
    present = {element.get(f"{{{W}}}styleId") for element in root.iter(f"{{{W}}}style")}
    wanted = {**paragraph_styles(fonts), **table_styles()}
    for style_id, text in wanted.items():
        if style_id not in present:
            root.append(etree.fromstring(f'<w:styles xmlns:w="{W}">{text}</w:styles>')[0])
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def _merge_fonts(xml: bytes, fonts: Fonts, name: str) -> bytes:
    root = _parse(xml, "word/fontTable.xml", name)
    present = {element.get(f"{{{W}}}name") for element in root.iter(f"{{{W}}}font")}
    for font, text in font_entries(fonts).items():
        if font not in present:
            root.append(etree.fromstring(f'<w:fonts xmlns:w="{W}">{text}</w:fonts>')[0])
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def _merge_rels(xml: bytes, media: Sequence[Media], name: str) -> bytes:
    root = _parse(xml, "word/_rels/document.xml.rels", name)
    for rid, kind, target in _image_relationships(media):
        element = etree.SubElement(root, f"{{{_PACKAGE_RELS}}}Relationship")
        element.set("Id", rid)
        element.set("Type", kind)
        element.set("Target", target)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def _merge_types(xml: bytes, media: Sequence[Media]) -> bytes:
    # A .dotx's main part is a template; the file written is a document.
    text = xml.replace(b"wordprocessingml.template.main+xml", b"wordprocessingml.document.main+xml")
    if media and b'Extension="png"' not in text:
        text = text.replace(
            b"</Types>", b'<Default Extension="png" ContentType="image/png"/></Types>'
        )
    return text


def _document(xml: bytes, body: str, name: str) -> bytes:
    """The template's document part with its body replaced and its last sectPr kept."""
    opening = re.search(rb"<w:document\b[^>]*>", xml)
    if opening is None or f'xmlns:w="{W}"'.encode() not in opening.group():
        raise _refuse(name, "found no WordprocessingML document element")
    start = opening.group()
    if b"xmlns:r=" not in start:
        start = start[:-1] + f' xmlns:r="{R}">'.encode()
    end = xml.rfind(_BODY_END)
    sections = list(_SECT_PR.finditer(xml, 0, end if end >= 0 else len(xml)))
    # The body's last sectPr holds the page set-up: size, margins, header and footer.
    sect_pr = sections[-1].group() if sections else section_properties(None).encode()
    parts = (_HEAD.encode(), start, b"<w:body>", body.encode("utf-8"), sect_pr, b"</w:body>")
    return b"".join((*parts, b"</w:document>"))


def _from_template(
    body: str,
    *,
    fonts: Fonts,
    title: Clean,
    author: Clean,
    media: Sequence[Media],
    template: bytes,
    name: str,
) -> bytes:
    try:
        source = zipfile.ZipFile(io.BytesIO(template))
    except zipfile.BadZipFile:
        raise _refuse(name, "found a file that is not a zip package") from None
    with source:
        names = source.namelist()
        for required in (
            _MAIN,
            "[Content_Types].xml",
            "word/_rels/document.xml.rels",
            "word/styles.xml",
        ):
            if required not in names:
                raise _refuse(name, f"found no {required}")
        media_names = {f"word/media/{file}" for _, file, _ in media}
        parts: list[tuple[str, bytes]] = []
        for member in names:
            if member in media_names or member.startswith("docProps/core.xml"):
                continue
            data = source.read(member)
            if member == _MAIN:
                data = _document(data, body, name)
            elif member == "word/styles.xml":
                data = _merge_styles(data, fonts, name)
            elif member == "word/fontTable.xml":
                data = _merge_fonts(data, fonts, name)
            elif member == "word/_rels/document.xml.rels":
                data = _merge_rels(data, media, name)
            elif member == "[Content_Types].xml":
                data = _merge_types(data, media)
            parts.append((member, data))
        if "docProps/core.xml" in names:
            parts.append(("docProps/core.xml", _core(title, author).encode("utf-8")))
        parts.extend((f"word/media/{file}", data) for _, file, data in media)
    return _zip(parts)
