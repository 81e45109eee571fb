"""The page, the fonts and the styles of a Japanese report on A4, as package parts."""

from __future__ import annotations

import attrs

from clairlib_docx._sanitize import escape, literal
from clairlib_docx._xml import W

_NS = f'xmlns:w="{W}"'

# Style ids of the styles this module defines.
BODY = "BodyText"
ITEM = "Bullet"
NOTE = "Note"
CAPTION = "Caption"
FIGURE = "Figure"
TABLE_TEXT = "TableText"
TABLE_HEADING = "TableHeading"
TITLE = "Title"
SUBTITLE = "Subtitle"
FOOTER = "Footer"
STYLE_IDS = (BODY, ITEM, NOTE, CAPTION, FIGURE, TABLE_TEXT, TABLE_HEADING, TITLE, SUBTITLE)


def heading_style(level: int) -> str:
    """The style id of a heading at ``level`` (1–9)."""
    return f"Heading{max(1, min(level, 9))}"


# A4 and the margins in twips: 25 mm top and bottom, 20 mm at the sides.
PAGE_WIDTH, PAGE_HEIGHT = 11906, 16838
MARGIN_TOP = MARGIN_BOTTOM = 1417
MARGIN_SIDE = 1134
TEXT_WIDTH_TWIPS = PAGE_WIDTH - 2 * MARGIN_SIDE

# Heading sizes in half-points, by level.
_HEADING_SIZES = (28, 24, 22, 21, 21, 21, 21, 21, 21)


@attrs.frozen(kw_only=True)
class Fonts:
    """The fonts and body size a document is written with."""

    body: str
    heading: str
    latin: str
    size: float


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
    return f"<w:rPr>{''.join(parts)}</w:rPr>"


def _style(style_id: str, name: str, ppr: str, rpr: str, *, based_on: str = "Normal") -> str:
    based = f'<w:basedOn w:val="{based_on}"/>' if based_on else ""
    return (
        f'<w:style w:type="paragraph" w:styleId="{style_id}"><w:name w:val="{name}"/>'
        f"{based}<w:qFormat/><w:pPr>{ppr}</w:pPr>{rpr}</w:style>"
    )


def paragraph_styles(fonts: Fonts) -> dict[str, str]:
    """Each paragraph style this exporter uses, by style id, as a w:style element."""
    size = round(fonts.size * 2)
    body_fonts = _fonts(fonts.latin, fonts.body)
    heading_fonts = _fonts(fonts.latin, fonts.heading)
    table_lines = '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/>'
    styles = {
        "Normal": _style("Normal", "Normal", "", _rpr(body_fonts, size=size), based_on=""),
        TITLE: _style(
            TITLE,
            "Title",
            '<w:keepNext/><w:spacing w:before="0" w:after="480"/><w:jc w:val="center"/>',
            _rpr(heading_fonts, size=size + 11, bold=True),
        ),
        SUBTITLE: _style(
            SUBTITLE,
            "Subtitle",
            '<w:spacing w:after="240"/><w:jc w:val="right"/>',
            _rpr(body_fonts, size=size),
        ),
        BODY: _style(
            BODY,
            "Body Text",
            '<w:spacing w:after="60"/><w:ind w:firstLineChars="100" w:firstLine="210"/>',
            _rpr(size=size),
        ),
        ITEM: _style(
            ITEM, "Bullet", '<w:spacing w:after="40"/><w:ind w:left="420" w:hanging="210"/>', ""
        ),
        NOTE: _style(
            NOTE,
            "Note",
            '<w:spacing w:after="40"/><w:ind w:left="210" w:hanging="210"/>',
            _rpr(size=size - 3),
        ),
        # A caption stays with the table or figure it names.
        CAPTION: _style(
            CAPTION,
            "caption",
            '<w:keepNext/><w:keepLines/><w:spacing w:before="160" w:after="60"/>'
            '<w:jc w:val="center"/>',
            _rpr(heading_fonts, size=size),
        ),
        FIGURE: _style(
            FIGURE,
            "Figure",
            '<w:keepNext/><w:spacing w:before="120" w:after="0"/><w:jc w:val="center"/>',
            "",
        ),
        TABLE_TEXT: _style(
            TABLE_TEXT,
            "Table Text",
            f'{table_lines}<w:jc w:val="left"/>',
            _rpr(size=size - 3),
        ),
        TABLE_HEADING: _style(
            TABLE_HEADING,
            "Table Heading",
            f'<w:keepNext/>{table_lines}<w:jc w:val="center"/>',
            _rpr(heading_fonts, size=size - 3),
        ),
        FOOTER: _style(FOOTER, "footer", '<w:jc w:val="center"/>', _rpr(size=size - 2)),
    }
    for level, heading_size in enumerate(_HEADING_SIZES, start=1):
        before = 360 if level == 1 else 200 if level <= 3 else 120
        # Keep-with-next and keep-lines: a heading never ends a page or splits.
        styles[heading_style(level)] = _style(
            heading_style(level),
            f"heading {level}",
            f'<w:keepNext/><w:keepLines/><w:spacing w:before="{before}" w:after="80"/>'
            f'<w:jc w:val="left"/><w:outlineLvl w:val="{level - 1}"/>',
            _rpr(heading_fonts, size=max(heading_size, size), bold=level <= 3),
        )
    return styles


_TABLE_STYLES = (
    '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
    '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/>'
    "</w:style>"
    '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>'
    '<w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar>'
    '<w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>'
    '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>'
    "</w:tblCellMar></w:tblPr></w:style>"
    '<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/>'
    '<w:basedOn w:val="TableNormal"/><w:pPr><w:spacing w:after="0" w:line="240" '
    'w:lineRule="auto"/></w:pPr><w:tblPr><w:tblBorders>'
    + "".join(
        f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
        for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    + "</w:tblBorders></w:tblPr></w:style>"
)


def defaults(fonts: Fonts) -> str:
    """The document defaults: body fonts and size, East Asian text marked Japanese."""
    size = round(fonts.size * 2)
    return (
        f"<w:docDefaults><w:rPrDefault><w:rPr>{_fonts(fonts.latin, fonts.body)}"
        f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>'
        '<w:lang w:val="en-US" w:eastAsia="ja-JP" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>'
        '<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="276" w:lineRule="auto"/>'
        '<w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults>'
    )


def styles_part(fonts: Fonts) -> str:
    """``word/styles.xml``: the defaults, the paragraph styles and the table styles."""
    return (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        f"<w:styles {_NS}>{defaults(fonts)}"
        f"{''.join(paragraph_styles(fonts).values())}{_TABLE_STYLES}</w:styles>"
    )


def table_styles() -> dict[str, str]:
    """The character and table styles by id (a template may lack them)."""
    return {
        "DefaultParagraphFont": _TABLE_STYLES.split("</w:style>")[0] + "</w:style>",
        "TableNormal": _TABLE_STYLES.split("</w:style>")[1] + "</w:style>",
        "TableGrid": _TABLE_STYLES.split("</w:style>")[2] + "</w:style>",
    }


def family(name: str) -> str:
    """The font family Word substitutes by: roman for 明朝/serif, swiss for ゴシック/sans."""
    lowered = name.lower()
    if any(word in lowered for word in ("mincho", "明朝", "serif", "century", "times")):
        return "roman"
    return "swiss" if "sans" in lowered or "ゴシック" in name or "gothic" in lowered else "auto"


def font_entries(fonts: Fonts) -> dict[str, str]:
    """Font-table entries by name, each with the Japanese character set (charset 80).

    Word substitutes a font it lacks by the charset and family written here, so a
    machine without the chosen font still shows the text in a Japanese font.
    """
    out: dict[str, str] = {}
    for name in (fonts.body, fonts.heading):
        out[name] = (
            f'<w:font w:name="{escape(literal(name))}"><w:charset w:val="80"/>'
            f'<w:family w:val="{family(name)}"/><w:pitch w:val="variable"/></w:font>'
        )
    latin = escape(literal(fonts.latin))
    out.setdefault(
        fonts.latin,
        f'<w:font w:name="{latin}"><w:family w:val="{family(fonts.latin)}"/>'
        '<w:pitch w:val="variable"/></w:font>',
    )
    return out


def font_table_part(fonts: Fonts) -> str:
    """``word/fontTable.xml``."""
    return (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        f"<w:fonts {_NS}>{''.join(font_entries(fonts).values())}</w:fonts>"
    )


SETTINGS_PART = (
    "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    f"<w:settings {_NS}>"
    '<w:defaultTabStop w:val="840"/>'
    # Japanese punctuation compressed and line-breaking rules on, as Japanese Word does.
    '<w:characterSpacingControl w:val="compressPunctuation"/>'
    '<w:compat><w:useFELayout/><w:compatSetting w:name="compatibilityMode" '
    'w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>'
    '<w:themeFontLang w:val="en-US" w:eastAsia="ja-JP"/>'
    '<w:decimalSymbol w:val="."/><w:listSeparator w:val=","/></w:settings>'
)
"""``word/settings.xml``."""


def section_properties(footer: str | None) -> str:
    """The w:sectPr of an A4 portrait page with its margins and the page-number footer."""
    reference = f'<w:footerReference w:type="default" r:id="{footer}"/>' if footer else ""
    return (
        f"<w:sectPr>{reference}"
        f'<w:pgSz w:w="{PAGE_WIDTH}" w:h="{PAGE_HEIGHT}"/>'
        f'<w:pgMar w:top="{MARGIN_TOP}" w:right="{MARGIN_SIDE}" w:bottom="{MARGIN_BOTTOM}" '
        f'w:left="{MARGIN_SIDE}" w:header="851" w:footer="567" w:gutter="0"/>'
        '<w:cols w:space="425"/><w:docGrid w:type="lines" w:linePitch="360"/></w:sectPr>'
    )


FOOTER_PART = (
    "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    f'<w:ftr {_NS}><w:p><w:pPr><w:pStyle w:val="{FOOTER}"/><w:jc w:val="center"/></w:pPr>'
    '<w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p></w:ftr>'
)
"""``word/footer1.xml``: the page number, centred."""
