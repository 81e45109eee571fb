"""Small PDFs written byte by byte for the tests: Japanese text, scans, encryption, damage.

The Japanese text uses the non-embedded CID font HeiseiMin-W3 with the
UniJIS-UCS2-H encoding, whose mapping every PDF reader (pdfminer too) ships: a
page of text in a few hundred bytes, and no font file.
"""

from __future__ import annotations

from collections.abc import Sequence

_LEADING = 16  # points between lines
_TOP = 800


def _text_stream(lines: Sequence[str], codes: dict[str, int] | None = None) -> bytes:
    # ``codes``: each character's code in an Identity-H font (else UCS-2, UniJIS-UCS2-H).
    parts = ["BT", "/F1 11 Tf"]
    for index, line in enumerate(lines):
        indent = 50 + 11 * (len(line) - len(line.lstrip(" ")))
        y = _TOP - index * _LEADING
        text = line.lstrip(" ")
        if codes is None:
            encoded = text.encode("utf-16-be").hex().upper()
        else:
            encoded = "".join(f"{codes[char]:04X}" for char in text)
        parts.append(f"1 0 0 1 {indent} {y} Tm <{encoded}> Tj")
    parts.append("ET")
    return "\n".join(parts).encode("ascii")


def make_pdf(
    pages: Sequence[Sequence[str]],
    *,
    encrypted: bool = False,
    image_only: bool = False,
    to_unicode: dict[str, str] | None = None,
) -> bytes:
    """A PDF with one page per item of ``pages``, each a list of lines of text.

    ``encrypted`` adds a Standard security handler whose password is not empty;
    ``image_only`` gives each page an image and no text (a scan); ``to_unicode`` gives
    the font a ToUnicode map saying some characters are others (日 is ⽇, as the
    fonts of some PDFs say), which a text extraction then gives; a character said to be
    ``""`` has no text in the font at all (pdfminer gives ``(cid:N)`` for it).
    """
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    catalog = add(b"")  # filled in below
    pages_id = add(b"")
    encoding = b"/UniJIS-UCS2-H"
    codes: dict[str, int] | None = None
    if to_unicode is not None:
        # Each character its own code, and the ToUnicode map says what each code is.
        chars = sorted({char for lines in pages for line in lines for char in line})
        codes = {char: code for code, char in enumerate(chars, start=1)}
        # A character said to be "" is left out of the map: the font gives no text for it.
        said_as = {char: to_unicode.get(char, char) for char in codes}
        pairs = "\n".join(
            f"<{codes[char]:04X}> <{ord(said):04X}>" for char, said in said_as.items() if said
        )
        cmap = (
            "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
            "/CMapName /Said def 1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
            f"{sum(1 for said in said_as.values() if said)} beginbfchar\n{pairs}\nendbfchar\n"
            "endcmap CMapName currentdict /CMap defineresource pop end end"
        ).encode("ascii")
        said = add(b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream")
        encoding = b"/Identity-H /ToUnicode %d 0 R" % said
    font = add(
        b"<< /Type /Font /Subtype /Type0 /BaseFont /HeiseiMin-W3 /Encoding "
        + encoding
        + b" /DescendantFonts [<< /Type /Font /Subtype /CIDFontType0 /BaseFont /HeiseiMin-W3"
        b" /CIDSystemInfo << /Registry (Adobe) /Ordering (Japan1) /Supplement 2 >>"
        b" /FontDescriptor << /Type /FontDescriptor /FontName /HeiseiMin-W3 /Flags 6"
        b" /FontBBox [0 -141 1000 859] /ItalicAngle 0 /Ascent 859 /Descent -141"
        b" /CapHeight 700 /StemV 80 >> >>] >>"
    )
    image = add(
        b"<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray"
        b" /BitsPerComponent 8 /Length 4 >>\nstream\n\x00\xff\xff\x00\nendstream"
    )
    kids: list[int] = []
    for lines in pages:
        content = b"q 500 0 0 700 50 50 cm /Im1 Do Q" if image_only else _text_stream(lines, codes)
        stream = add(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
        kids.append(
            add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Contents %d 0 R"
                b" /Resources << /Font << /F1 %d 0 R >> /XObject << /Im1 %d 0 R >> >> >>"
                % (pages_id, stream, font, image)
            )
        )
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id
    objects[pages_id - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % kid for kid in kids),
        len(kids),
    )
    trailer_extra = b""
    if encrypted:
        encrypt = add(
            b"<< /Filter /Standard /V 1 /R 2 /Length 40 /P -4"
            b" /O <" + b"11" * 32 + b"> /U <" + b"22" * 32 + b"> >>"
        )
        trailer_extra = b" /Encrypt %d 0 R /ID [<%s> <%s>]" % (encrypt, b"ab" * 16, b"ab" * 16)
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root %d 0 R%s >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        catalog,
        trailer_extra,
        xref,
    )
    return bytes(out)
