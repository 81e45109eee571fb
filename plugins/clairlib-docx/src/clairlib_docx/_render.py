"""From a clairlib document to the bytes of a .docx, with the findings made on the way."""

from __future__ import annotations

from collections.abc import Callable

from clairlib.findings import Finding
from clairlib.model import AnnualPlan, AnnualReport, MidTermPlan
from clairlib_docx._package import build
from clairlib_docx._plan import write_mid_term_plan
from clairlib_docx._report import (
    count_work,
    report_title,
    table_index,
    write_annual_plan,
    write_report,
)
from clairlib_docx._sanitize import Sanitiser, literal
from clairlib_docx._styles import Fonts
from clairlib_docx._writer import Writer


def render(
    document: AnnualReport | AnnualPlan | MidTermPlan,
    *,
    fonts: Fonts,
    title: str,
    personal: bool,
    progress: Callable[[int, int | None], None] | None,
    template: bytes | None = None,
    template_name: str = "",
    charts: bool = False,
) -> tuple[bytes, tuple[Finding, ...]]:
    """The .docx bytes of ``document`` and the findings made while writing it.

    With ``charts`` a report gets its charts (plans have nothing measured to chart).
    """
    sanitiser = Sanitiser()
    if isinstance(document, MidTermPlan):
        heading = literal(title) if title else sanitiser.clean(document.title, "$.title")
        total = 1 + len(document.body) + len(document.framework.pillars)
        tables = {}
    else:
        heading = literal(title or report_title(document))
        total = count_work(document)
        tables = table_index(document)
    # Cleaned once here for both the file's properties and the page.
    issuer = sanitiser.clean(document.issuer or "", "$.issuer")
    writer = Writer(tables=tables, total=total, progress=progress, sanitiser=sanitiser)
    if progress is not None:
        progress(0, total)
    if isinstance(document, AnnualReport):
        pictures = None
        if charts:
            from clairlib_docx._chart_pages import ReportCharts

            pictures = ReportCharts(document)
        write_report(writer, document, heading, issuer, personal=personal, charts=pictures)
    elif isinstance(document, AnnualPlan):
        write_annual_plan(writer, document, heading, issuer)
    else:
        write_mid_term_plan(writer, document, heading, issuer)
    content = build(
        writer.body(),
        fonts=fonts,
        title=heading,
        author=issuer,
        template=template,
        template_name=template_name,
        media=writer.media,
    )
    if progress is not None:
        progress(total, total)
    # A programme printed under two pillars is cleaned twice: one finding per field.
    unique = {(finding.rule, finding.path): finding for finding in reversed(writer.findings)}
    return content, tuple(reversed(unique.values()))
