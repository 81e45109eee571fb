"""Provenance: where a part of a document read from a PDF, a text or a Word file came from.

An :class:`Origin` names the page and line (a text extraction, a Word file's
paragraph) or the page and position in points (a PDF) of what was read. Parts of
a document that were typed by hand have none.
"""

from __future__ import annotations

import attrs

__all__ = ["Origin"]


@attrs.frozen(kw_only=True)
class Origin:
    """Where something read came from: the source, its page and line, a position on the page.

    ``source`` is left out inside a document (the document has one source); ``x``
    and ``y`` are the top-left corner in whole points from the top-left of the page.
    """

    source: str | None = None
    page: int | None = None
    line: int | None = None
    x: int | None = None
    y: int | None = None

    def __str__(self) -> str:
        parts = [self.source] if self.source else []
        if self.page is not None:
            parts.append(f"p.{self.page}")
        if self.line is not None:
            parts.append(f"l.{self.line}")
        if self.x is not None and self.y is not None:
            parts.append(f"({self.x},{self.y})")
        return " ".join(parts) or "unknown place"
