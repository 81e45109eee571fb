"""The top of the package: look plugins up and hand exporters and rules down.

``clairlib.export`` and ``clairlib.validate`` live here because they compose the
layers below: :mod:`clairlib.exporting` writes with a given exporter and
:mod:`clairlib.rules` runs given rules; only this module knows the plugin host.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from clairlib import exporting, plugins, rules

if TYPE_CHECKING:
    from clairlib.exporting import Destination, Exporter, Progress
    from clairlib.model import Document
    from clairlib.rules import ValidationReport

__all__ = ["export", "validate"]


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


def validate(doc: Document, *, previous: Document | None = None) -> ValidationReport:
    """Validate ``doc`` with every installed rule; ``previous`` is last year's document."""
    return rules.validate(doc, rules=plugins.installed_rules(), previous=previous)
