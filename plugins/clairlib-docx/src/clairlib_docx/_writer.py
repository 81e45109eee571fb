"""The document being written: headings, paragraphs, blocks and tables, with findings."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from docx.oxml import parse_xml
from docx.shared import Twips

from clairlib.findings import Finding, Severity
from clairlib.model import Block, BlockKind, Table
from clairlib_docx._package import placeholder
from clairlib_docx._sanitize import Sanitiser
from clairlib_docx._styles import BODY, CAPTION, ITEM, NOTE, SUBTITLE, TITLE, W
from clairlib_docx._table import TableWriter

MISSING_TABLE = "docx.missing-table"
_BULLETS = "・･◆◇●○■□-－‐•※"
_OPENING_BRACKETS = ("<", "＜", "〈", "《")

ProgressCallback = Callable[[int, "int | None"], None]


def caption_text(caption: str) -> str:
    """A table caption as reports print it: ``<平成25年度 …一覧>``."""
    stripped = caption.strip()
    if not stripped or stripped.startswith(_OPENING_BRACKETS):
        return stripped
    return f"<{stripped}>"


class Writer:
    """Appends to a python-docx document; every text passes through the sanitiser."""

    def __init__(
        self,
        document: Any,
        *,
        tables: dict[str, tuple[int, Table]],
        total: int,
        progress: ProgressCallback | None,
        sanitiser: Sanitiser,
    ) -> None:
        self.document = document
        self.body = document.element.body
        self.sanitiser = sanitiser
        self.findings: list[Finding] = self.sanitiser.findings
        self.tables = tables
        self.written_tables: set[str] = set()
        self.table_xml: list[str] = []  # spliced in where their placeholders stand
        self.total = total
        self.done = 0
        self.progress = progress

    # -- progress -----------------------------------------------------------------------

    def tick(self, amount: int = 1) -> None:
        """Count ``amount`` units of work done and tell the progress callback."""
        self.done += amount
        if self.progress is not None:
            self.progress(min(self.done, self.total), self.total)

    # -- text ---------------------------------------------------------------------------

    def clean(self, text: str, path: str) -> str:
        """``text`` with the characters XML cannot hold removed (and a finding made)."""
        return self.sanitiser.clean(text, path)

    def paragraph(self, text: str, path: str, *, style: str = BODY, bold: bool = False) -> Any:
        """A paragraph of ``style`` holding ``text`` (line breaks kept)."""
        paragraph = self.document.add_paragraph(style=self.document.styles.get_by_id(style, 1))
        cleaned = self.clean(text, path)
        if cleaned:
            run = paragraph.add_run(cleaned)
            if bold:
                run.bold = True
        return paragraph

    def heading(self, text: str, level: int, path: str, *, new_page: bool = False) -> Any:
        """A heading at ``level`` (1–9), on a new page if asked."""
        paragraph = self.document.add_heading(self.clean(text, path), level=max(1, min(level, 9)))
        if new_page:
            paragraph.paragraph_format.page_break_before = True
        return paragraph

    def title(self, text: str, path: str) -> None:
        """The document title, centred."""
        self.paragraph(text, path, style=TITLE)

    def subtitle(self, text: str, path: str) -> None:
        """A right-aligned line under the title (issuer, date)."""
        self.paragraph(text, path, style=SUBTITLE)

    def item(self, text: str, path: str, *, mark: str = "・", level: int = 0) -> None:
        """A bullet: the printed mark is kept, ``mark`` added where the text has none."""
        cleaned = self.clean(text, path)
        if cleaned and cleaned[0] not in _BULLETS and mark:
            cleaned = f"{mark}{cleaned}"
        paragraph = self.document.add_paragraph(style=self.document.styles.get_by_id(ITEM, 1))
        if cleaned:
            paragraph.add_run(cleaned)
        if level:
            # Nested bullets step in by two characters per level.
            paragraph.paragraph_format.left_indent = Twips(420 * (level + 1))

    def note(self, text: str, path: str) -> None:
        """A note (※…), small."""
        cleaned = self.clean(text, path)
        if cleaned and not cleaned.startswith(("※", "*", "＊", "注")):
            cleaned = f"※{cleaned}"
        self.paragraph(cleaned, path, style=NOTE)

    # -- blocks -------------------------------------------------------------------------

    def blocks(
        self, blocks: tuple[Block, ...], path: str, *, heading_level: int, start: int = 0
    ) -> None:
        """Narrative blocks in printed order; a TABLE block writes the table it names.

        ``path`` is where the tuple of blocks sits (``$.sections[0].body``); ``start`` is
        the position of the first of ``blocks`` in it.
        """
        for index, block in enumerate(blocks, start=start):
            where = f"{path}[{index}]"
            kind = block.kind
            if kind is BlockKind.PARAGRAPH:
                self.paragraph(block.text, f"{where}.text")
            elif kind is BlockKind.ITEM:
                # A bullet block keeps its printed mark (･ ① (1) …) or none: nothing is added.
                self.item(block.text, f"{where}.text", mark="")
            elif kind is BlockKind.NOTE:
                self.note(block.text, f"{where}.text")
            elif kind is BlockKind.HEADING:
                self.heading(block.text, heading_level, f"{where}.text")
            else:
                self.table_block(block, where)
            self.tick()

    def table_block(self, block: Block, where: str) -> None:
        """The table a TABLE block names, or a finding when the document has no such table."""
        found = self.tables.get(block.ref or "")
        if found is None:
            self.findings.append(
                Finding(
                    rule=MISSING_TABLE,
                    severity=Severity.WARNING,
                    path=f"{where}.ref",
                    message=(
                        f"expected a table with id {block.ref!r} for this table block, found "
                        "none; nothing was written in its place"
                    ),
                )
            )
            return
        index, table = found
        self.table(table, f"$.tables[{index}]")

    def table(self, table: Table, path: str) -> None:
        """Caption, the table itself and its notes."""
        self.written_tables.add(table.id)
        caption = caption_text(self.clean(table.caption, f"{path}.caption"))
        if caption:
            self.paragraph(caption, f"{path}.caption", style=CAPTION)
        writer = TableWriter(table, path, self.sanitiser, self.tick)
        if writer.columns:
            self.raw_paragraph(placeholder(len(self.table_xml)))
            self.table_xml.append(writer.xml())
        for number, note in enumerate(table.notes):
            self.note(note, f"{path}.notes[{number}]")
        if not table.notes:
            self.document.add_paragraph()  # keeps the next table from joining this one

    def _append(self, element: Any) -> None:
        sect_pr = self.body.find(f"{{{W}}}sectPr")
        if sect_pr is not None:
            sect_pr.addprevious(element)
        else:
            self.body.append(element)

    def raw_paragraph(self, xml: str) -> None:
        """A paragraph given as WordprocessingML (for fields and tabs python-docx lacks)."""
        self._append(parse_xml(f'<w:p xmlns:w="{W}">{xml}</w:p>'))
