"""Example third-party clairlib exporter: a document as Markdown.

A complete exporter distribution in one module. ``pyproject.toml`` names this
module in the entry-point group ``clairlib``::

    [project.entry-points.clairlib]
    markdown = "clairlib_markdown"

and clairlib finds :func:`clairlib_exporters` and :func:`clairlib_readers`
through it. Then::

    clairlib.export(report, "markdown", "report.md", tables=False)
    clairlib.read("report.md").document   # and back
    $ clairlib export report.json --to markdown --out build/
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from decimal import Decimal

import attrs

from clairlib.errors import ExportError
from clairlib.exporting import Exporter, Progress, Sink, option
from clairlib.hooks import hookimpl
from clairlib.model import (
    AnnualPlan,
    AnnualReport,
    Block,
    BlockKind,
    ColumnRole,
    Document,
    MidTermPlan,
    Priority,
    Programme,
    Quantity,
    RowKind,
    Section,
    Table,
)
from clairlib.reading import Reader

__all__ = [
    "MARKDOWN",
    "MarkdownOptions",
    "clairlib_exporters",
    "clairlib_readers",
    "escape",
    "render",
]

# CommonMark lets a backslash escape any ASCII punctuation; escaping the characters
# that can start markup keeps text from turning into links, emphasis or HTML.
_MARKUP = re.compile(r"([\\`*_{}\[\]<>()#+\-.!|~&])")
# C0 controls other than tab and newline mean nothing in Markdown and confuse viewers.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


@attrs.frozen
class MarkdownOptions:
    """Options of the Markdown exporter."""

    tables: bool = option(True, help="include the document's tables")
    heading_level: int = option(1, help="level of the title heading (1 = #)")

    @heading_level.validator
    def _check_level(self, attribute: attrs.Attribute[int], value: int) -> None:
        if not 1 <= value <= 4:
            raise ValueError(f"heading_level must be 1 to 4, found {value}")


def escape(text: str) -> str:
    """``text`` as literal Markdown: markup characters escaped, control characters removed."""
    text = _CONTROL.sub("", text).replace("\r\n", "\n").replace("\r", "\n")
    return _MARKUP.sub(r"\\\1", text)


def _cell(value: Quantity | str | None) -> str:
    if value is None:
        return ""
    if isinstance(value, Quantity):
        text = value.text if value.text is not None else _number(value.value) + value.unit
    else:
        text = value
    return escape(text).replace("\n", "<br>")


def _number(value: Decimal) -> str:
    return f"{value:,}"


def _table(table: Table, printed: str = "") -> Iterator[str]:
    yield f"**{escape(table.caption)}**"
    yield ""
    if not table.rows and printed.strip():
        yield from _printed(printed)
    else:
        yield from _grid(table)
    for note in table.notes:
        yield ""
        yield escape(note)
    yield ""


def _printed(text: str) -> Iterator[str]:
    # A table a reader kept as printed text: its lines as printed, in a fence longer than
    # any run of backticks inside it, so that nothing in it is read as markup.
    text = _CONTROL.sub("", text).replace("\r\n", "\n").replace("\r", "\n")
    fence = "`" * max(3, 1 + max((len(run) for run in _BACKTICKS.findall(text)), default=0))
    yield f"{fence}text"
    yield from text.split("\n")
    yield fence


_BACKTICKS = re.compile("`+")


def _grid(table: Table) -> Iterator[str]:
    columns = table.columns
    yield "| " + " | ".join(escape(column.label) for column in columns) + " |"
    aligns = ["---:" if column.role is not ColumnRole.LABEL else "---" for column in columns]
    yield "| " + " | ".join(aligns) + " |"
    for row in table.rows:
        cells = [_cell(row.cells.get(column.key)) for column in columns]
        if row.kind is RowKind.TOTAL:
            cells = [f"**{cell}**" if cell else "" for cell in cells]
        yield "| " + " | ".join(cells) + " |"


def _blocks(
    blocks: Iterable[Block], tables: dict[str, Table], options: MarkdownOptions, level: int
) -> Iterator[str]:
    for block in blocks:
        if block.kind is BlockKind.TABLE:
            table = tables.get(block.ref or "")
            if table is not None and options.tables:
                yield from _table(table, block.text)
            continue
        if block.kind is BlockKind.HEADING:
            yield f"{'#' * min(level, 6)} {escape(block.text)}"
        elif block.kind is BlockKind.ITEM:
            yield f"- {escape(block.text)}"
        elif block.kind is BlockKind.NOTE:
            yield f"> {escape(block.text)}"
        else:
            yield escape(block.text)
        yield ""


def _programme(
    programme: Programme, tables: dict[str, Table], options: MarkdownOptions, level: int
) -> Iterator[str]:
    marker = f"{programme.marker} " if programme.marker else ""
    yield f"{'#' * min(level, 6)} {escape(marker + programme.name)}"
    yield ""
    yield from _blocks(programme.body, tables, options, level + 1)


def _section(
    section: Section, tables: dict[str, Table], options: MarkdownOptions, level: int
) -> Iterator[str]:
    number = f"{section.number} " if section.number else ""
    yield f"{'#' * min(level, 6)} {escape(number + section.title)}"
    yield ""
    yield from _blocks(section.body, tables, options, level + 1)
    for priority, label in (
        (Priority.PRIORITY, "<重点事業>"),
        (Priority.GENERAL, "<一般事業>"),
        (None, None),
    ):
        chosen = [p for p in section.programmes if p.priority is priority]
        if not chosen:
            continue
        if label is not None:
            yield escape(label)
            yield ""
        for programme in chosen:
            yield from _programme(programme, tables, options, level + 1)
    for child in section.sections:
        yield from _section(child, tables, options, level + 1)


def render(
    document: Document, options: MarkdownOptions | None = None, progress: Progress | None = None
) -> Iterator[str]:
    """The document as Markdown, one line at a time."""
    options = options or MarkdownOptions()
    level = options.heading_level
    yield f"{'#' * level} {escape(document.title)}"
    yield ""
    if document.issuer:
        yield escape(document.issuer)
        yield ""
    if isinstance(document, MidTermPlan):
        for text in document.philosophy:
            yield f"> {escape(text)}"
            yield ""
        pillars = document.framework.pillars
        for done, pillar in enumerate(pillars, 1):
            numeral = f"{pillar.numeral} " if pillar.numeral else ""
            yield f"{'#' * (level + 1)} {escape(numeral + pillar.title)}"
            yield ""
            for objective in pillar.objectives:
                yield f"{objective.number}\\. {escape(objective.text)}"
            yield ""
            if progress is not None:
                progress(done, len(pillars))
        return
    assert isinstance(document, AnnualPlan | AnnualReport)
    tables = {table.id: table for table in getattr(document, "tables", ())}
    yield from _blocks(document.preamble, tables, options, level + 1)
    for done, section in enumerate(document.sections, 1):
        yield from _section(section, tables, options, level + 1)
        if progress is not None:
            progress(done, len(document.sections))


def write_markdown(
    document: Document, sink: Sink, options: MarkdownOptions, progress: Progress | None
) -> None:
    """Write the document as UTF-8 Markdown into ``sink``."""
    with sink.open() as stream:
        for number, line in enumerate(render(document, options, progress), 1):
            try:
                stream.write(line.encode("utf-8") + b"\n")
            except UnicodeEncodeError as error:
                bad = line[error.start]
                raise ExportError(
                    f"cannot write {bad!r} (U+{ord(bad):04X}) as UTF-8 @ line {number}"
                ) from None


MARKDOWN = Exporter(
    name="markdown",
    suffix=".md",
    description="the document as Markdown: headings, narrative and tables",
    options=MarkdownOptions,
    write=write_markdown,
)


@hookimpl
def clairlib_exporters() -> list[Exporter]:
    """Return the exporters this plugin provides."""
    return [MARKDOWN]


@hookimpl
def clairlib_readers() -> list[Reader]:
    """Return the readers this plugin provides: Markdown back to a document."""
    from clairlib_markdown._read import MARKDOWN_READER

    return [MARKDOWN_READER]
