"""Export: the exporter protocol and atomic output.

An :class:`Exporter` has a name, a file suffix, typed options and a ``write``
function that writes a document into a :class:`Sink`. :func:`export` finds an
installed exporter by name (through :mod:`clairlib.plugins`), converts its
options and writes atomically: a failed export leaves no half-written file and
keeps any file that was there.

>>> import clairlib
>>> clairlib.export(report, "csv", "out/")          # doctest: +SKIP
>>> clairlib.export(report, "json", "report.json")  # doctest: +SKIP

``clairlib.export`` is this module, and calling it calls :func:`export`.
"""

from __future__ import annotations

import sys
import types
from pathlib import Path
from typing import TYPE_CHECKING

from clairlib.export._csv import CsvOptions
from clairlib.export._csv_read import CsvRecords, read_csv
from clairlib.export._csv_spec import table_names as csv_tables
from clairlib.export._exporter import Exporter, Progress, Sink, WriteFunction
from clairlib.export._json import SCHEMA_VERSION, read_json
from clairlib.export._options import (
    NoOptions,
    OptionInfo,
    build_options,
    describe_options,
    option,
    option_text,
    parse_option,
)
from clairlib.export._run import Destination, run
from clairlib.export._run import export as _export

__all__ = [
    "SCHEMA_VERSION",
    "CsvOptions",
    "CsvRecords",
    "Destination",
    "Exporter",
    "NoOptions",
    "OptionInfo",
    "Progress",
    "Sink",
    "WriteFunction",
    "build_options",
    "csv_tables",
    "describe_options",
    "export",
    "option",
    "option_text",
    "parse_option",
    "read_csv",
    "read_json",
    "run",
]

if TYPE_CHECKING:
    from clairlib.model import Document


class _ExportModule(types.ModuleType):
    # ``clairlib.export`` is both this package and the function users call. The import
    # system binds the package to that name, so the package is made callable and its
    # ``export`` attribute is the package itself: ``clairlib.export(...)``, ``from
    # clairlib.export import export`` and ``import clairlib.export as ex`` then all
    # work, whatever was imported first.

    def __call__(
        self,
        document: Document,
        exporter: str | Exporter,
        destination: Destination,
        *,
        progress: Progress | None = None,
        **options: object,
    ) -> tuple[Path, ...]:
        """Write ``document`` with an exporter: see :func:`clairlib.export.export`."""
        return _export(document, exporter, destination, progress=progress, **options)


sys.modules[__name__].__class__ = _ExportModule

if TYPE_CHECKING:
    export = _export
else:
    export = sys.modules[__name__]
