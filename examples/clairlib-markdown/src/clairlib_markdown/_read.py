"""The example plugin's reader: Markdown (as the exporter writes it) back to a document.

A reader plugin only turns its format into printed lines (the layout contract,
:class:`clairlib.reading.Line`); clairlib's builder does the rest. Here: drop the
``#`` of headings and the ``- `` of bullets, undo the exporter's escapes, and
print a table row's cells side by side.
"""

from __future__ import annotations

import re

import attrs

from clairlib.reading import Hints, Line, Reader, ReadError, Reading, ReadProgress, Source, build

__all__ = ["MARKDOWN_READER", "MarkdownReadOptions", "markdown_lines"]

_HEADING = re.compile(r"\A#{1,6}\s+")
_ESCAPED = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>~&])")
_RULE = re.compile(r"\A\|?\s*:?-{3,}")


@attrs.frozen(kw_only=True)
class MarkdownReadOptions:
    """The Markdown reader has no options."""


def markdown_lines(text: str) -> list[Line]:
    """The lines of a Markdown text as printed: markup removed, one line per paragraph."""
    lines: list[Line] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        stripped = raw.strip()
        if not stripped or _RULE.match(stripped):
            continue
        level = None
        if heading := _HEADING.match(stripped):
            level = len(heading.group().strip())
            stripped = stripped[heading.end() :]
        if stripped.startswith("|"):
            stripped = " ".join(cell.strip() for cell in stripped.strip("|").split("|"))
        if stripped.startswith("**") and stripped.endswith("**"):
            stripped = stripped[2:-2]
        lines.append(Line(text=_ESCAPED.sub(r"\1", stripped), number=number, level=level))
    return lines


def read_markdown(
    source: Source, hints: Hints, options: MarkdownReadOptions, progress: ReadProgress | None
) -> Reading:
    """Read a Markdown plan or report."""
    try:
        text = source.data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ReadError(f"{source.name}: Markdown must be UTF-8") from None
    return build(markdown_lines(text), hints, name=source.name)


MARKDOWN_READER = Reader(
    name="markdown",
    suffixes=(".md", ".markdown"),
    description="a plan or report in Markdown, as the markdown exporter writes it",
    options=MarkdownReadOptions,
    read=read_markdown,
)
