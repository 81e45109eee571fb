"""Lines to a document: the title, the body, the framework its headings match, the figures."""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from clairlib._filling import filling
from clairlib.calendar import FiscalYear
from clairlib.findings import Finding, Severity
from clairlib.model import (
    AnnualPlan,
    AnnualReport,
    Block,
    BlockKind,
    Column,
    Document,
    Figure,
    Framework,
    Origin,
    Pillar,
    PillarKind,
    Programme,
    Row,
    RowKind,
    Section,
    Table,
)
from clairlib.reading._body import Body, Node, ProgrammeNode
from clairlib.reading._figures import prose_figures
from clairlib.reading._governance import Governance, read_governance
from clairlib.reading._layout import Line, drop_furniture, normal
from clairlib.reading._midterm import build_mid_term
from clairlib.reading._places import countries_named, offices_named
from clairlib.reading._reader import Hints, ReadError, Reading
from clairlib.reading._records import table_events
from clairlib.reading._structure import read_body
from clairlib.reading._texttable import Refusal, TextRow, TextTable, forget, read_table
from clairlib.reading._title import (
    ANNUAL_PLAN,
    ANNUAL_REPORT,
    MID_TERM_PLAN,
    Title,
    find_title,
    infer_title,
)

__all__ = ["ReadError", "build"]

_KINDS = (ANNUAL_PLAN, ANNUAL_REPORT, MID_TERM_PLAN)


def _finding(rule: str, message: str, *, path: str = "$", error: bool = False) -> Finding:
    return Finding(
        rule=rule,
        severity=Severity.ERROR if error else Severity.WARNING,
        path=path,
        message=message,
    )


def build(lines: Sequence[Line], hints: Hints, *, name: str, tables: bool = True) -> Reading:
    """Read ``lines`` (the layout contract) into a Reading; ReadError when nothing can be.

    ``tables=False`` keeps every table the lines do not place in a grid as printed text,
    without trying to place its cells from the text.
    """
    if hints.kind is not None and hints.kind not in _KINDS:
        raise ReadError(f"kind must be one of {', '.join(_KINDS)}, found {hints.kind!r}")
    kept, _ = drop_furniture(lines)
    if not any(line.folded for line in kept):
        raise ReadError(f"{name}: no text to read (an empty document)")
    findings: list[Finding] = []
    title = find_title(kept)
    if title.kind is None or (title.fiscal_year is None and title.period is None):
        # A running header that repeats the title (令和4年度事業報告 atop every page) is
        # left out with the furniture: the title is then its first printing.
        printed = find_title(lines)
        if printed.kind is not None and (printed.fiscal_year or printed.period):
            title = printed
    if title.kind is None or (title.fiscal_year is None and title.period is None):
        inferred = infer_title(kept, title)
        if inferred.inferred and (hints.kind is None or hints.fiscal_year is None):
            findings.append(
                _finding("read.title-inferred", f"no title says what this is: {inferred.inferred}")
            )
        title = inferred
    kind = hints.kind or title.kind
    if kind is None:
        raise ReadError(
            f"{name}: not a CLAIR plan or report: no title (事業計画, 事業報告, 中期経営計画) "
            "and no sentences to tell it by; pass kind= and fiscal_year="
        )
    if kind == MID_TERM_PLAN:
        return build_mid_term(kept, title, hints, findings)
    fiscal = hints.fiscal_year or title.fiscal_year
    if fiscal is None:
        raise ReadError(
            f"{name}: the fiscal year is not printed in its title or cover; pass fiscal_year="
        )
    if hints.fiscal_year is not None and title.fiscal_year not in (None, hints.fiscal_year):
        findings.append(
            _finding(
                "read.fiscal-year-differs",
                f"the title says {title.fiscal_year}, the caller {hints.fiscal_year}: "
                f"read as {hints.fiscal_year}",
            )
        )
    body = read_body(kept, title_line=title.line, cover=title.cover)
    if not body.sections and any(line.level for line in kept):
        # No numbered heading, but headings by style (a Word draft Word numbers itself).
        body = read_body(kept, title_line=title.line, cover=title.cover, styled=True)
    findings.extend(body.findings)
    if not body.sections:
        findings.append(
            _finding(
                "read.no-sections",
                "no numbered section headings (1 …, １．…, Ⅰ …) were found: "
                "this does not read as a CLAIR plan or report; everything read is in the preamble",
                error=True,
            )
        )
    return _annual(kind, fiscal, title, body, findings, tables)


def _framework(sections: Sequence[Node], fiscal: FiscalYear, title: str) -> Framework:
    # A document's headings take the ids of the bundled framework that covers its year
    # and whose pillar titles they print; otherwise the document is its own framework.
    from clairlib import reference

    titles = [normal(node.heading.title) for node in sections]
    candidates: list[Framework] = []
    plan = reference.mid_term_plan()
    years = plan.period.fiscal_years()
    if fiscal in years:
        candidates.append(plan.framework)
    fy2011 = reference.fy2011_framework()
    if fiscal == FiscalYear(2011):
        candidates.append(fy2011)
    for framework in candidates:
        known = {normal(pillar.title) for pillar in framework.pillars}
        if titles and sum(t in known for t in titles) * 2 >= len(titles):
            return framework
    return Framework(
        id=f"fy{fiscal.year}",
        title=f"{title}の事業体系",
        pillars=tuple(
            Pillar(
                id=str(node.heading.number),
                title=node.heading.title,
                kind=PillarKind.SECTION,
                number=node.heading.number,
                origin=node.line.origin,
            )
            for node in sections
        ),
    )


def _pillar_of(node: Node, framework: Framework) -> str:
    folded = normal(node.heading.title)
    for pillar in framework.pillars:
        if normal(pillar.title) == folded:
            return pillar.id
    for pillar in framework.pillars:
        if pillar.number == node.heading.number:
            return pillar.id
    return str(node.heading.number)


class _Assembler:
    """Freezes what was read: ids for sections, programmes, tables and figures."""

    def __init__(self, fiscal: FiscalYear) -> None:
        self.fiscal = fiscal
        self.programme_of_table: dict[str, str] = {}
        self.figures: list[Figure] = []

    def blocks(self, blocks: Sequence[Block]) -> tuple[Block, ...]:
        # A TABLE block carries its table's id already (read_body names the tables).
        return tuple(blocks)

    def programme(self, node: ProgrammeNode, ident: str, pillar: str) -> Programme:
        # Name and blocks apart (a line break between): a block's first word is a word.
        text = "\n".join([node.name, *(b.text for b in node.body if b.kind is not BlockKind.TABLE)])
        body = self.blocks(node.body)
        for block in body:
            if block.kind is BlockKind.TABLE and block.ref is not None:
                self.programme_of_table[block.ref] = ident
        self.figures.extend(prose_figures(body, ident, pillar, self.fiscal, stem=ident))
        return Programme(
            id=ident,
            name=node.name,
            pillar=pillar,
            cross_listing=node.cross,
            priority=node.priority,
            marker=node.heading.printed,
            number=node.heading.number,
            offices=offices_named(text),
            countries=countries_named(text),
            body=body,
            origin=node.line.origin,
        )

    def section(self, node: Node, ident: str, pillar: str) -> Section:
        programmes = tuple(
            self.programme(child, f"{ident}.{index}", pillar)
            for index, child in enumerate(node.programmes, start=1)
        )
        sections = tuple(
            self.section(child, f"{ident}({child.heading.number})", pillar)
            for child in node.children
        )
        body = self.blocks(node.body)
        self.figures.extend(prose_figures(body, None, pillar, self.fiscal, stem=f"s{ident}"))
        return Section(
            id=ident,
            title=node.heading.title,
            number=node.heading.printed,
            pillar=pillar,
            body=body,
            programmes=programmes,
            sections=sections,
            origin=node.line.origin,
        )


def _annual(
    kind: str,
    fiscal: FiscalYear,
    title: Title,
    body: Body,
    findings: list[Finding],
    place: bool,
) -> Reading:
    noun = "事業報告" if kind == ANNUAL_REPORT else "事業計画"
    heading = title.title or f"{fiscal.to_wareki()}{noun}"
    framework = _framework(body.sections, fiscal, heading)
    assembler = _Assembler(fiscal)
    sections = tuple(
        assembler.section(node, str(node.heading.number), _pillar_of(node, framework))
        for node in body.sections
    )
    preamble = assembler.blocks(body.preamble)
    assembler.figures.extend(prose_figures(preamble, None, None, fiscal, stem="preamble"))
    # Tables are named in printed order (t1, t2 …) and tied to the programme they stand in.
    programme_of = assembler.programme_of_table
    tables: list[Table] = []
    forget()  # the words' kinds learnt are shared by this reading's tables, and no other's
    for index, (node, block) in enumerate(body.tables, start=1):
        ident = block.ref or f"t{index}"  # read_body names them t1, t2 … in printed order
        table = Table(
            id=ident,
            caption=node.caption,
            notes=tuple(node.notes),
            programme=programme_of.get(ident),
            origin=node.line.origin,
        )
        grid = [line for line in node.lines if line.cells is not None]
        if grid and len(grid) == sum(1 for line in node.lines if line.folded[:1] != "※"):
            tables.append(_placed(table, grid))
            continue
        placed: TextTable | Refusal
        if kind != ANNUAL_REPORT:
            placed = Refusal(reason="a plan's tables stay in its text")
        elif not place:
            placed = Refusal(reason="not tried: the reader was asked to keep tables as text")
        else:
            placed = read_table(node.lines, fresh=False)
        if isinstance(placed, TextTable):
            tables.append(_from_text(table, placed))
            findings.extend(
                _finding(
                    "read.table-as-text",
                    f"table {ident} <{node.caption}> ({node.line.origin}): the rows of "
                    f"{left.reason}; they are kept only as printed text",
                    path=f"$.tables[{index - 1}]",
                )
                for left in placed.left_out
            )
            continue
        tables.append(table)
        where = placed.line.origin if placed.line is not None else node.line.origin
        findings.append(
            _finding(
                "read.table-as-text",
                f"table {ident} <{node.caption}> ({node.line.origin}): its cells cannot be "
                f"placed from the text ({placed.reason}, at {where}); kept as printed text "
                "under its caption",
                path=f"$.tables[{index - 1}]",
            )
        )
    tables, events = table_events(tables, fiscal) if kind == ANNUAL_REPORT else (tables, [])
    ident = f"fy{fiscal.year}-{'report' if kind == ANNUAL_REPORT else 'plan'}"
    governance = read_governance(body.part, fiscal) if kind == ANNUAL_REPORT else None
    findings.extend(_part_findings(body, governance))
    document: Document
    if kind == ANNUAL_REPORT:
        document = AnnualReport(
            id=ident,
            title=heading,
            fiscal_year=fiscal,
            framework=framework,
            issuer=title.issuer,
            preamble=preamble,
            sections=sections,
            tables=tuple(tables),
            figures=tuple(assembler.figures),
            events=tuple(events),
            meetings=governance.meetings if governance else (),
            organisation=governance.organisation if governance else None,
        )
    else:
        # A plan prints no tables of results: its table text stays in its blocks.
        document = AnnualPlan(
            id=ident,
            title=heading,
            fiscal_year=fiscal,
            framework=framework,
            issuer=title.issuer,
            preamble=preamble,
            sections=sections,
        )
    return Reading(document=document, findings=tuple(findings), provenance=_provenance(document))


def _part_findings(body: Body, governance: Governance | None) -> list[Finding]:
    # What the 【…】 part after the sections gave, and what of it is left out.
    if not body.part:
        return []
    head = body.part[0]
    where = f"{head.text.strip()} and the {len(body.part) - 1} lines after it (from {head.origin})"
    if governance is None:
        return [
            _finding(
                "read.part-not-read",
                f"{where} are not read: a plan holds no meetings or organisation",
            )
        ]
    found = list(governance.findings)
    if not governance.meetings and governance.organisation is None:
        found.append(
            _finding(
                "read.part-not-read",
                f"{where} are not read: no board meeting (第…回理事会(…開催)) and no "
                "organisation (役員等/機構(…現在)) printed as the reader knows them",
            )
        )
    return found


def _placed(table: Table, grid: list[Line]) -> Table:
    # Cells as the source placed them: the first row is the header, a row opening with
    # 計 is the total; a cell the grid leaves empty stays empty (never guessed).
    rows = [
        TextRow(cells=line.cells or (), kind=_row_kind(line.cells), line=line) for line in grid[1:]
    ]
    return _with_rows(table, grid[0].cells or (), (), rows)


def _row_kind(cells: Sequence[str] | None) -> RowKind:
    first = normal(cells[0]) if cells else ""
    return RowKind.TOTAL if first in {"計", "合計", "総計"} else RowKind.DATA


def _from_text(table: Table, placed: TextTable) -> Table:
    # Cells the text reader placed: the same columns and rows a PDF's grid gives.
    return _with_rows(table, placed.header, placed.groups, placed.rows)


def _with_rows(
    table: Table, header: Sequence[str], groups: Sequence[str], rows: Sequence[TextRow]
) -> Table:
    width = max([len(header), *[len(row.cells) for row in rows]])
    labels = [*header, *([""] * (width - len(header)))]
    keys = [f"c{i}" for i in range(1, width + 1)]  # named once, for every row
    columns = tuple(
        Column(
            key=key,
            label=label,
            group=(groups[i] or None) if i < len(groups) else None,
        )
        for i, (key, label) in enumerate(zip(keys, labels, strict=True))
    )
    out = [
        _row(
            dict(zip(keys, [cell or None for cell in row.cells], strict=False)),
            row.kind,
            row.group,
            row.line.origin,
        )
        for row in rows
    ]
    return attrs.evolve(table, columns=columns, rows=tuple(out))


def _row(cells: dict[str, str | None], kind: RowKind, group: str | None, origin: Origin) -> Row:
    # What Row(cells=…, kind=…, group=…, origin=…) makes, built slot by slot without the
    # constructor (see clairlib._filling): a table read gives a row a line.
    row = _new(_FillingRow)
    row.cells = cells
    row.kind = kind
    row.group = group
    row.record = None
    row.origin = origin
    row.__class__ = Row
    return row  # type: ignore[no-any-return]


_FillingRow = filling(Row)
_new = object.__new__


def _provenance(document: Document) -> dict[str, Origin]:
    # JSON path → origin of every part read, the same origins the model carries.
    out: dict[str, Origin] = {}
    if isinstance(document, AnnualPlan | AnnualReport):
        _walk(out, "$.sections", document.sections)
        for j, block in enumerate(document.preamble):
            if block.origin is not None:
                out[f"$.preamble[{j}]"] = block.origin
    if isinstance(document, AnnualReport):
        for i, table in enumerate(document.tables):
            if table.origin is not None:
                out[f"$.tables[{i}]"] = table.origin
        for i, figure in enumerate(document.figures):
            if figure.origin is not None:
                out[f"$.figures[{i}]"] = figure.origin
    return out


def _walk(out: dict[str, Origin], prefix: str, sections: Sequence[Section]) -> None:
    # A function of its own, not a closure over ``out``: a nested function that calls
    # itself is a reference cycle, which kept the provenance alive until the collector ran.
    for i, section in enumerate(sections):
        path = f"{prefix}[{i}]"
        if section.origin is not None:
            out[path] = section.origin
        for j, block in enumerate(section.body):
            if block.origin is not None:
                out[f"{path}.body[{j}]"] = block.origin
        for k, programme in enumerate(section.programmes):
            ppath = f"{path}.programmes[{k}]"
            if programme.origin is not None:
                out[ppath] = programme.origin
            for j, block in enumerate(programme.body):
                if block.origin is not None:
                    out[f"{ppath}.body[{j}]"] = block.origin
        _walk(out, f"{path}.sections", section.sections)
