"""Provenance: where a part of a document read from a PDF, a text or a Word file came from.

An :class:`Origin` names the page and line (a text extraction, a Word file's
paragraph) or the page and position in points (a PDF) of what was read. Parts of
a document that were typed by hand have none.
"""

from __future__ import annotations

import attrs

from clairlib._filling import filling

__all__ = ["Origin", "origin_at"]


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


_Filling = filling(Origin)
_new = object.__new__


def origin_at(page: int | None, line: int | None, x: int | None, y: int | None) -> Origin:
    """``Origin(page=page, line=line, x=x, y=y)`` for values known to be of their types.

    A reader makes one for every part it reads: built slot by slot, without the
    constructor (see clairlib._filling).
    """
    origin = _new(_Filling)
    origin.source = None
    origin.page = page
    origin.line = line
    origin.x = x
    origin.y = y
    origin.__class__ = Origin
    return origin  # type: ignore[no-any-return]
