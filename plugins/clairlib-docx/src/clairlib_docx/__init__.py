"""Word (.docx) exporter for clairlib: the report a CLAIR officer hands in.

Installed with ``clairlib[docx]``; clairlib finds it through the ``clairlib``
entry-point group, like any third-party exporter::

    import clairlib
    clairlib.export(report, "docx", "report.docx", font="ＭＳ 明朝")

An annual report comes out on A4 with Japanese fonts on every style (the East
Asian slot ``w:eastAsia`` included), titled from its fiscal year
(``平成25年度事業報告``), one heading per section, ``<重点事業>``/``<一般事業>`` with
the ○/① programme headings and their narrative, each table under its caption
with grouped rows merged, 計 rows in bold and figures right-aligned, then
governance and the organisation. Annual plans and the mid-term plan export too.

Characters that XML cannot hold (C0 controls other than tab, newline and
carriage return; lone surrogates; U+FFFE, U+FFFF) are removed, never fatal.
Each field that lost characters gives a :class:`~clairlib.findings.Finding`
with rule ``docx.invalid-xml-char``, severity warning and the field's path:

- :func:`write_docx` returns the findings;
- through :func:`clairlib.export` each finding is issued as a
  :class:`DocxFindingWarning` (``warning.finding`` holds it) — record them with
  :func:`warnings.catch_warnings`; the option ``on_finding="error"`` refuses to
  write instead, ``"ignore"`` keeps quiet.
"""

from __future__ import annotations

import importlib.util
import warnings
from collections.abc import Callable, Iterable
from typing import IO, Literal

import attrs

from clairlib.errors import DocumentError, ExportError
from clairlib.exporting import Exporter, Sink, option
from clairlib.findings import Finding
from clairlib.hooks import hookimpl
from clairlib.model import AnnualPlan, AnnualReport, MidTermPlan
from clairlib.reading import Reader
from clairlib_docx._sanitize import needs_cleaning

__all__ = [
    "EXPORTER",
    "DocxFindingWarning",
    "DocxOptions",
    "clairlib_exporters",
    "clairlib_readers",
    "write_docx",
]

# Charts are on where matplotlib is installed (looked up, not imported: it is heavy).
_CHARTS_DEFAULT = importlib.util.find_spec("matplotlib") is not None
_CONTROL_CHARACTERS = frozenset(chr(code) for code in range(32)) | {"\ufffe", "\uffff"}


def _unwritable(value: str) -> bool:
    # Tab and line breaks are no more welcome in a font name or title than other controls.
    return needs_cleaning(value) or any(char in _CONTROL_CHARACTERS for char in value)


def _check_font(instance: DocxOptions, attribute: attrs.Attribute[str], value: str) -> None:
    if not value.strip() or _unwritable(value):
        raise ExportError(f"option {attribute.name!r}: expected a font name, found {value!r}")


def _check_text(instance: DocxOptions, attribute: attrs.Attribute[str], value: str) -> None:
    if _unwritable(value):
        raise ExportError(
            f"option {attribute.name!r}: expected text without control characters, found {value!r}"
        )


def _check_size(instance: DocxOptions, attribute: attrs.Attribute[float], value: float) -> None:
    if not 6 <= value <= 36:
        raise ExportError(
            f"option {attribute.name!r}: expected a size from 6 to 36 points, found {value!r}"
        )


@attrs.frozen(kw_only=True)
class DocxOptions:
    """Options of the Word exporter; every one has a default.

    The default fonts are the ones every Japanese Windows and macOS Office has:
    ＭＳ 明朝 for text and ＭＳ ゴシック for headings, set in the East Asian slot of
    each style. The font table marks them (and any font chosen instead) as
    Japanese, so a machine that lacks the font falls back to a Japanese one;
    ``font="Noto Serif CJK JP"`` suits machines with the Noto CJK fonts.
    """

    font: str = option("ＭＳ 明朝", help="East Asian font of body text and tables (w:eastAsia)")
    heading_font: str = option("ＭＳ ゴシック", help="East Asian font of the title and headings")
    latin_font: str = option("Century", help="font for Latin letters and digits")
    font_size: float = option(10.5, help="body text size in points (tables print 1.5 smaller)")
    title: str = option("", help="title to print instead of the one made from the fiscal year")
    include_personal: bool = option(
        False, help="print private persons' names (officers, being public, always print)"
    )
    template: str = option(
        "", help="path of a .docx whose styles, letterhead and margins are the base"
    )
    charts: bool = option(
        _CHARTS_DEFAULT,
        help="draw charts (KPI against the previous year, events by office and country); "
        "needs clairlib-docx[charts]",
    )
    on_finding: Literal["warn", "error", "ignore"] = option(
        "warn", help="what to do with findings such as removed characters: warn, error, ignore"
    )

    def __attrs_post_init__(self) -> None:
        for name in ("font", "heading_font", "latin_font"):
            _check_font(self, attrs.fields_dict(DocxOptions)[name], getattr(self, name))
        _check_size(self, attrs.fields_dict(DocxOptions)["font_size"], self.font_size)
        _check_text(self, attrs.fields_dict(DocxOptions)["title"], self.title)


class DocxFindingWarning(UserWarning):
    """A finding of the Word exporter (a removed character …), issued as a warning."""

    def __init__(self, finding: Finding) -> None:
        self.finding = finding
        super().__init__(f"{finding.message} @ {finding.path}")


def _read_template(path: str) -> bytes:
    try:
        with open(path, "rb") as stream:
            return stream.read()
    except OSError as error:
        raise ExportError(
            f"option 'template': expected a readable .docx, found {path!r} ({error.strerror})"
        ) from None


def write_docx(
    document: AnnualReport | AnnualPlan | MidTermPlan,
    stream: IO[bytes],
    options: DocxOptions | None = None,
    *,
    progress: Callable[[int, int | None], None] | None = None,
) -> tuple[Finding, ...]:
    """Write ``document`` as a .docx into ``stream``; return the findings made on the way.

    With ``on_finding="error"`` a document that gives any finding raises
    :class:`~clairlib.errors.DocumentError` (holding them) and nothing is written.
    """
    if not isinstance(document, AnnualReport | AnnualPlan | MidTermPlan):
        raise ExportError(
            f"expected a MidTermPlan, AnnualPlan or AnnualReport, found {type(document).__name__}"
        )
    chosen = options if options is not None else DocxOptions()
    # The writing machinery is imported on first use, so listing exporters stays cheap.
    from clairlib_docx._render import render
    from clairlib_docx._styles import Fonts

    template = _read_template(chosen.template) if chosen.template else None
    content, findings = render(
        document,
        fonts=Fonts(
            body=chosen.font,
            heading=chosen.heading_font,
            latin=chosen.latin_font,
            size=chosen.font_size,
        ),
        title=chosen.title,
        personal=chosen.include_personal,
        progress=progress,
        template=template,
        template_name=chosen.template,
        charts=chosen.charts,
    )
    if findings and chosen.on_finding == "error":
        raise DocumentError(findings, source="the Word export")
    stream.write(content)
    return findings


def _write(
    document: AnnualReport | AnnualPlan | MidTermPlan,
    sink: Sink,
    options: DocxOptions,
    progress: Callable[[int, int | None], None] | None,
) -> None:
    findings = write_docx(document, sink.open(), options, progress=progress)
    if options.on_finding == "warn":
        for finding in findings:
            warnings.warn(DocxFindingWarning(finding), stacklevel=2)


EXPORTER = Exporter(
    name="docx",
    suffix=".docx",
    description="Word document on A4 with Japanese fonts: the report as handed in",
    options=DocxOptions,
    write=_write,
)
"""The Word exporter, as the ``clairlib_exporters`` hook returns it."""


@hookimpl
def clairlib_exporters() -> Iterable[Exporter]:
    """The exporters this plugin provides: ``docx``."""
    return (EXPORTER,)


@hookimpl
def clairlib_readers() -> Iterable[Reader]:
    """The readers this plugin provides: ``docx`` (a Word draft of a plan or report)."""
    from clairlib_docx._read import READER

    return (READER,)
