"""From a clairlib document to a python-docx document, with the findings made on the way."""

from __future__ import annotations

import io
from collections.abc import Callable

from clairlib.findings import Finding
from clairlib.model import AnnualPlan, AnnualReport, MidTermPlan
from clairlib_docx._package import splice
from clairlib_docx._plan import write_mid_term_plan
from clairlib_docx._report import (
    count_work,
    report_title,
    table_index,
    write_annual_plan,
    write_report,
)
from clairlib_docx._sanitize import Sanitiser
from clairlib_docx._styles import new_document
from clairlib_docx._writer import Writer


def render(
    document: AnnualReport | AnnualPlan | MidTermPlan,
    *,
    font: str,
    heading_font: str,
    latin_font: str,
    font_size: float,
    title: str,
    personal: bool,
    progress: Callable[[int, int | None], None] | None,
) -> tuple[bytes, tuple[Finding, ...]]:
    """The .docx bytes of ``document`` and the findings made while writing it."""
    sanitiser = Sanitiser()
    if isinstance(document, MidTermPlan):
        heading = title or sanitiser.clean(document.title, "$.title")
        total = 1 + len(document.body) + len(document.framework.pillars)
        tables = {}
    else:
        heading = title or report_title(document)
        total = count_work(document)
        tables = table_index(document)
    # Cleaned once here for both the file's properties and the page.
    issuer = sanitiser.clean(document.issuer or "", "$.issuer")
    word = new_document(
        font=font,
        heading_font=heading_font,
        latin_font=latin_font,
        font_size=font_size,
        title=heading,
        author=issuer,
    )
    writer = Writer(word, tables=tables, total=total, progress=progress, sanitiser=sanitiser)
    if progress is not None:
        progress(0, total)
    if isinstance(document, AnnualReport):
        write_report(writer, document, heading, issuer, personal=personal)
    elif isinstance(document, AnnualPlan):
        write_annual_plan(writer, document, heading, issuer)
    else:
        write_mid_term_plan(writer, document, heading, issuer)
    buffer = io.BytesIO()
    word.save(buffer)
    content = splice(buffer.getvalue(), writer.table_xml)
    if progress is not None:
        progress(total, total)
    # A programme printed under two pillars is cleaned twice: one finding per field.
    unique = {(finding.rule, finding.path): finding for finding in reversed(writer.findings)}
    return content, tuple(reversed(unique.values()))
