"""Export: the exporter protocol and atomic output.

An :class:`Exporter` has a name, a file suffix, typed options and a ``write``
function that writes a document into a :class:`Sink`. :func:`export` converts an
exporter's options and writes atomically: a failed export leaves no half-written
file and keeps any file that was there.

>>> import clairlib
>>> clairlib.export(report, "csv", "out/")          # doctest: +SKIP
>>> clairlib.export(report, "json", "report.json")  # doctest: +SKIP

``clairlib.export`` looks an installed exporter up by name (in
:mod:`clairlib.plugins`, which sits above this package) and hands it to
:func:`export`; this package holds the protocol and never imports the plugins.
"""

from __future__ import annotations

from clairlib.exporting._csv import CsvOptions
from clairlib.exporting._csv_read import CsvRecords, read_csv
from clairlib.exporting._csv_spec import table_names as csv_tables
from clairlib.exporting._exporter import Exporter, Progress, Sink, WriteFunction
from clairlib.exporting._json import SCHEMA_VERSION, read_json
from clairlib.exporting._options import (
    NoOptions,
    OptionInfo,
    build_options,
    describe_options,
    option,
    option_text,
    parse_option,
)
from clairlib.exporting._run import Destination, export, run

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
