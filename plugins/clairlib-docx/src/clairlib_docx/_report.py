"""Annual reports and annual plans: title, sections per pillar, programmes, tables."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from clairlib.model import (
    AnnualPlan,
    AnnualReport,
    Block,
    BlockKind,
    CrossListing,
    Priority,
    Programme,
    Section,
    Table,
)
from clairlib_docx._organisation import fiscal_year_name, write_governance, write_organisation
from clairlib_docx._plan import write_targets
from clairlib_docx._sanitize import Clean, literal
from clairlib_docx._writer import Writer

if TYPE_CHECKING:
    from clairlib_docx._chart_pages import ReportCharts

PRIORITY_HEADINGS = {
    Priority.PRIORITY: literal("<重点事業>"),
    Priority.GENERAL: literal("<一般事業>"),
}
_CROSS_LISTING_MARKS = {CrossListing.FULL: "（再掲）", CrossListing.PARTIAL: "（一部再掲）"}
OTHER_TABLES_HEADING = literal("資料")


def report_title(document: AnnualReport | AnnualPlan) -> str:
    """``平成25年度事業報告`` / ``令和7年度事業計画``, from the calendar."""
    kind = "事業報告" if isinstance(document, AnnualReport) else "事業計画"
    return f"{fiscal_year_name(document.fiscal_year)}{kind}"


def section_heading(number: Clean, title: Clean) -> Clean:
    """``1. 自治体…`` / ``１．自治体…``: the number as printed, then the title.

    A full-width stop is a space of its own, so the print sets the title right after it.
    """
    number = Clean(number.strip())
    if not number:
        return title
    return Clean(f"{number}{title}") if number.endswith("．") else Clean(f"{number} {title}")


def programme_heading(
    programme: Programme, name: Clean, marker: Clean, pillar: str | None, *, once: bool = False
) -> Clean:
    """``○ name`` / ``① name``; a programme listed again under another pillar says so.

    ``name`` and ``marker`` are the programme's, cleaned. The mark (（再掲）/（一部再掲）)
    goes where the programme is printed under a pillar not its own, or — when the
    document prints it ``once`` — on that one printing, as a plan marks a programme that
    repeats in part what another pillar does.
    """
    mark = _CROSS_LISTING_MARKS.get(programme.cross_listing) if programme.cross_listing else None
    listed_elsewhere = pillar is not None and programme.pillar not in (None, pillar)
    if mark and (listed_elsewhere or once) and "再掲" not in name:
        name = Clean(name + mark)
    return Clean(f"{marker} {name}") if marker else name


def _blocks(sections: Iterable[Section]) -> Iterable[Block]:
    for section in sections:
        yield from section.body
        for programme in section.programmes:
            yield from programme.body
        yield from _blocks(section.sections)


def count_work(document: AnnualReport | AnnualPlan) -> int:
    """Units of progress: one per block, one per table row, one per meeting."""
    total = len(document.preamble) + sum(1 for _ in _blocks(document.sections))
    if isinstance(document, AnnualReport):
        total += sum(len(table.rows) for table in document.tables) + len(document.meetings)
    return total + 1


def table_index(document: AnnualReport | AnnualPlan) -> dict[str, tuple[int, Table]]:
    """The document's tables by id, with their positions (for paths)."""
    if not isinstance(document, AnnualReport):
        return {}
    return {table.id: (index, table) for index, table in enumerate(document.tables)}


class _Sections:
    def __init__(
        self,
        writer: Writer,
        document: AnnualReport | AnnualPlan,
        charts: ReportCharts | None = None,
    ) -> None:
        self.writer = writer
        self.charts = charts
        referenced = {
            block.ref
            for block in _blocks(document.sections)
            if block.kind is BlockKind.TABLE and block.ref is not None
        }
        self.printings: dict[str, int] = {}
        self._count(document.sections)
        self.by_programme: dict[str, list[tuple[int, Table]]] = {}
        for index, table in writer.tables.values():
            if table.id not in referenced and table.programme is not None:
                self.by_programme.setdefault(table.programme, []).append((index, table))

    def _count(self, sections: tuple[Section, ...]) -> None:
        for section in sections:
            for programme in section.programmes:
                self.printings[programme.id] = self.printings.get(programme.id, 0) + 1
            self._count(section.sections)

    def write(self, sections: tuple[Section, ...], path: str, depth: int) -> None:
        writer = self.writer
        for index, section in enumerate(sections):
            where = f"{path}[{index}]"
            # Each field is cleaned by itself, so a finding's offsets are the field's own.
            printed = writer.clean(section.number or "", f"{where}.number")
            title = writer.clean(section.title, f"{where}.title")
            writer.heading(section_heading(printed, title), depth)
            writer.blocks(section.body, f"{where}.body", heading_level=depth + 1)
            has_priority = any(p.priority is not None for p in section.programmes)
            level = depth + 2 if has_priority else depth + 1
            current: Priority | None = None
            for number, programme in enumerate(section.programmes):
                at = f"{where}.programmes[{number}]"
                if programme.priority is not None and programme.priority is not current:
                    current = programme.priority
                    writer.heading(PRIORITY_HEADINGS[current], depth + 1)
                name = writer.clean(programme.name, f"{at}.name")
                marker = writer.clean(programme.marker or "", f"{at}.marker")
                once = self.printings.get(programme.id, 0) == 1
                heading = programme_heading(programme, name, marker, section.pillar, once=once)
                writer.heading(heading, level)
                writer.blocks(programme.body, f"{at}.body", heading_level=level + 1)
                for table_number, table in self.by_programme.get(programme.id, ()):
                    if table.id not in writer.written_tables:
                        writer.table(table, f"$.tables[{table_number}]")
            self.write(section.sections, f"{where}.sections", depth + 1)
            if self.charts is not None and depth == 1:
                # A pillar's indicators close its section.
                self.charts.pillar(writer, section.pillar, title)


def write_report(
    writer: Writer,
    document: AnnualReport,
    title: Clean,
    issuer: Clean,
    *,
    personal: bool,
    charts: ReportCharts | None = None,
) -> None:
    """The annual report: title, preamble, pillars, governance, organisation, other tables.

    With ``charts``, each pillar's section ends with its indicators' chart and the
    events charts follow the pillars.
    """
    _front(writer, document, title, issuer)
    _Sections(writer, document, charts).write(document.sections, "$.sections", 1)
    if charts is not None:
        charts.write_events(writer)
    write_governance(writer, document.meetings)
    if document.organisation is not None:
        printed = {
            figure.label: writer.clean(figure.value.text, f"$.figures[{index}].value.text")
            for index, figure in enumerate(document.figures)
            if figure.value.text is not None
        }
        write_organisation(writer, document.organisation, personal=personal, printed=printed)
    leftovers = [
        (index, table)
        for index, table in enumerate(document.tables)
        if table.id not in writer.written_tables
    ]
    if leftovers:
        writer.heading(OTHER_TABLES_HEADING, 1, new_page=True)
        for index, table in leftovers:
            writer.table(table, f"$.tables[{index}]")


def write_annual_plan(writer: Writer, document: AnnualPlan, title: Clean, issuer: Clean) -> None:
    """The annual plan as printed: title, preamble, sections and programmes, targets.

    Each office's focus (``document.focus``) is printed where the plan prints it, in
    its programmes' prose; the plan has no section of its own for it, nor does the
    export.
    """
    _front(writer, document, title, issuer)
    _Sections(writer, document).write(document.sections, "$.sections", 1)
    write_targets(writer, document.indicators, document.targets, level=1)


def _front(
    writer: Writer, document: AnnualReport | AnnualPlan, title: Clean, issuer: Clean
) -> None:
    writer.title(title)
    if issuer:
        writer.subtitle(issuer)
    writer.blocks(document.preamble, "$.preamble", heading_level=1)
