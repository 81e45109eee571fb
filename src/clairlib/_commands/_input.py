"""What the validate and summary commands share: reading a document with a one-line error."""

from __future__ import annotations

from clairlib.errors import ClairlibError, DocumentError
from clairlib.model import Document


def read(path: str) -> Document:
    """Load ``path``; a document that cannot be read raises one ClairlibError of one line."""
    import clairlib

    try:
        return clairlib.load(path)
    except DocumentError as error:
        count = len(error.findings)
        if not count:
            raise ClairlibError(f"cannot read {path}") from None
        first = error.findings[0]
        more = f" (and {count - 1} more problem{'s' if count > 2 else ''})" if count > 1 else ""
        raise ClairlibError(f"cannot read {path}: {first.message} @ {first.path}{more}") from None
