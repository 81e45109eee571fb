"""What the validate and summary commands share: reading a document, writing output."""

from __future__ import annotations

import os
import sys

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


def emit(text: str) -> None:
    """Print ``text``; a reader that stops early (``| head``) is not an error."""
    try:
        print(text)
        sys.stdout.flush()
    except BrokenPipeError:
        # Point stdout at nothing so that the interpreter's final flush does not fail too.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
