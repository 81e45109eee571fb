"""The top of the package: look plugins up and hand exporters and rules down.

``clairlib.export``, ``clairlib.read`` and ``clairlib.validate`` live here because
they compose the layers below: :mod:`clairlib.exporting` writes with a given
exporter, :mod:`clairlib.reading` reads with the given readers and
:mod:`clairlib.rules` runs given rules; only this module knows the plugin host.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from clairlib import exporting, plugins, reading, rules

if TYPE_CHECKING:
    from clairlib.calendar import FiscalYear
    from clairlib.exporting import Destination, Exporter, Progress
    from clairlib.model import Document
    from clairlib.reading import Reading, ReadProgress
    from clairlib.rules import ValidationReport

__all__ = ["export", "read", "validate"]


def export(
    document: Document,
    exporter: str | Exporter,
    destination: Destination,
    *,
    progress: Progress | None = None,
    **options: object,
) -> tuple[Path, ...]:
    """Write ``document`` with an installed exporter (by name) to a path or binary stream.

    ``options`` are the exporter's options; strings are converted to their types, and
    an unknown option raises :class:`~clairlib.errors.ExportError`. Output to a path
    is atomic: temporary files beside the target are renamed into place only when
    the exporter succeeds. Returns the paths written (none for a stream).
    """
    if isinstance(exporter, str):
        exporter = plugins.get_plugin_manager().exporter(exporter)
    return exporting.export(document, exporter, destination, progress=progress, **options)


def validate(
    doc: Document, *, previous: Document | None = None, plan: Document | None = None
) -> ValidationReport:
    """Validate ``doc`` with every installed rule; ``previous`` is last year's document,
    ``plan`` the plan a report delivers (its year's annual plan, or the mid-term plan)."""
    return rules.validate(doc, rules=plugins.installed_rules(), previous=previous, plan=plan)


def read(
    source: str | os.PathLike[str] | bytes,
    *,
    kind: str | None = None,
    fiscal_year: FiscalYear | int | None = None,
    progress: ReadProgress | None = None,
    reader: str | None = None,
    **options: object,
) -> Reading:
    """Read a printed plan or report (a PDF, its text extraction, a Word file) into a draft.

    ``source`` is a path, the file's bytes, or the text itself; ``kind`` and
    ``fiscal_year`` override what the title says; ``reader`` names an installed
    reader, else the one that recognises the source is used; ``options`` go to that
    reader (``password="…"`` for an encrypted PDF). See
    :func:`clairlib.reading.read`.
    """
    found = plugins.get_plugin_manager().readers()
    return reading.read(
        source,
        readers=found,
        kind=kind,
        fiscal_year=fiscal_year,
        progress=progress,
        reader=reader,
        options=options,
    )
