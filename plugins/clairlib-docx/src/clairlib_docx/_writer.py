"""The document being written: headings, paragraphs, blocks and tables, with findings.

Every piece of the body is WordprocessingML text appended to one list, from text
that went through the sanitiser (the ``Clean`` type says so): no python-docx object
is made per paragraph, and no style is looked up by name.
"""

from __future__ import annotations

from collections.abc import Callable

from clairlib.findings import Finding, Severity
from clairlib.model import Block, BlockKind, Table
from clairlib_docx._figure import drawing_paragraph, media_name, relationship_id
from clairlib_docx._sanitize import EMPTY, Clean, Sanitiser, literal
from clairlib_docx._styles import (
    BODY,
    CAPTION,
    ITEM,
    NOTE,
    SUBTITLE,
    TABLE_TEXT,
    TITLE,
    heading_style,
)
from clairlib_docx._table import TableWriter
from clairlib_docx._xml import paragraph

MISSING_TABLE = "docx.missing-table"
_BULLETS = "・･◆◇●○■□-－‐•※"
_OPENING_BRACKETS = ("<", "＜", "〈", "《")

ProgressCallback = Callable[[int, "int | None"], None]


def caption_text(caption: Clean) -> Clean:
    """A table caption as reports print it: ``<平成25年度 …一覧>``."""
    stripped = caption.strip()
    if not stripped or stripped.startswith(_OPENING_BRACKETS):
        return Clean(stripped)
    return Clean(f"<{stripped}>")


class Writer:
    """Appends WordprocessingML to the body; every text passes through the sanitiser."""

    def __init__(
        self,
        *,
        tables: dict[str, tuple[int, Table]],
        total: int,
        progress: ProgressCallback | None,
        sanitiser: Sanitiser,
    ) -> None:
        self.parts: list[str] = []
        self.sanitiser = sanitiser
        self.findings: list[Finding] = self.sanitiser.findings
        self.tables = tables
        self.written_tables: set[str] = set()
        self.total = total
        self.done = 0
        self.progress = progress
        # Pictures for word/media: (relationship id, file name, PNG bytes).
        self.media: list[tuple[str, str, bytes]] = []

    def body(self) -> str:
        """The body written so far, as one string."""
        return "".join(self.parts)

    # -- progress -----------------------------------------------------------------------

    def tick(self, amount: int = 1) -> None:
        """Count ``amount`` units of work done and tell the progress callback."""
        self.done += amount
        if self.progress is not None:
            self.progress(min(self.done, self.total), self.total)

    # -- text ---------------------------------------------------------------------------

    def clean(self, text: str, path: str) -> Clean:
        """``text`` with the characters XML cannot hold removed (and a finding made)."""
        return self.sanitiser.clean(text, path)

    def paragraph(
        self, text: Clean, *, style: str = BODY, bold: bool = False, keep_next: bool = False
    ) -> None:
        """A paragraph of ``style`` holding ``text`` (line breaks kept)."""
        self.parts.append(paragraph(text, style, bold=bold, keep_next=keep_next))

    def heading(self, text: Clean, level: int, *, new_page: bool = False) -> None:
        """A heading at ``level`` (1–9), on a new page if asked; it keeps with what follows."""
        self.parts.append(paragraph(text, heading_style(level), page_break=new_page))

    def title(self, text: Clean) -> None:
        """The document title, centred."""
        self.paragraph(text, style=TITLE)

    def subtitle(self, text: Clean) -> None:
        """A right-aligned line under the title (issuer, date)."""
        self.paragraph(text, style=SUBTITLE)

    def item(self, text: Clean, *, mark: str = "・", level: int = 0) -> None:
        """A bullet: the printed mark is kept, ``mark`` added where the text has none."""
        if text and text[0] not in _BULLETS and mark:
            text = literal(f"{mark}{text}")
        # Nested bullets step in by two characters per level.
        indent = 420 * (level + 1) if level else 0
        self.parts.append(paragraph(text, ITEM, indent=indent))

    def note(self, text: Clean) -> None:
        """A note (※…), small."""
        if text and not text.startswith(("※", "*", "＊", "注")):
            text = literal(f"※{text}")
        self.paragraph(text, style=NOTE)

    def empty(self) -> None:
        """An empty paragraph (keeps the next table from joining the one before)."""
        self.paragraph(EMPTY)

    def raw(self, xml: str) -> None:
        """WordprocessingML made elsewhere from cleaned text (a table, a figure)."""
        self.parts.append(xml)

    def figure(self, png: bytes, width: float, height: float, caption: Clean) -> None:
        """A picture ``width`` × ``height`` inches, centred, under it ``図N caption``."""
        number = len(self.media) + 1
        self.media.append((relationship_id(number), media_name(number), png))
        numbered = Clean(f"図{number} {caption}")
        self.parts.append(drawing_paragraph(number, width, height, numbered))
        self.paragraph(numbered, style=CAPTION)

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
            if kind is BlockKind.TABLE:
                self.table_block(block, where)
            else:
                text = self.clean(block.text, f"{where}.text")
                if kind is BlockKind.PARAGRAPH:
                    self.paragraph(text)
                elif kind is BlockKind.ITEM:
                    # A bullet block keeps its printed mark (･ ① (1) …) or none.
                    self.item(text, mark="")
                elif kind is BlockKind.NOTE:
                    self.note(text)
                else:
                    self.heading(text, heading_level)
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
        self.table(table, f"$.tables[{index}]", printed=block.text, printed_path=f"{where}.text")

    def table(self, table: Table, path: str, *, printed: str = "", printed_path: str = "") -> None:
        """Caption, the table itself and its notes.

        A table with no rows placed (a reader kept it as ``printed`` text under its
        caption) is written as that text, line by line as printed, in the table's type.
        """
        self.written_tables.add(table.id)
        caption = caption_text(self.clean(table.caption, f"{path}.caption"))
        if caption:
            self.paragraph(caption, style=CAPTION)
        writer = TableWriter(table, path, self.sanitiser, self.tick)
        if writer.columns:
            self.raw(writer.xml())
        if not table.rows and printed.strip():
            self.paragraph(self.clean(printed, printed_path), style=TABLE_TEXT)
        for number, note in enumerate(table.notes):
            self.note(self.clean(note, f"{path}.notes[{number}]"))
        if not table.notes:
            self.empty()
