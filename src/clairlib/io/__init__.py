"""Documents as canonical JSON: ``load`` and ``dumps``, lossless and path-precise on errors.

>>> from clairlib.io import dumps, load
>>> report = load('{"kind": "annual_report", "id": "r", "title": "t", "fiscal_year": 2013}')
>>> report.fiscal_year
FiscalYear(year=2013)
>>> print(dumps(report), end="")
{
  "fiscal_year": 2013,
  "id": "r",
  "kind": "annual_report",
  "title": "t"
}

The canonical form: an object with ``"kind"`` (``mid_term_plan``, ``annual_plan``,
``annual_report``) and the document's fields under their attribute names; keys
sorted, fields equal to their default left out, 2-space indent, UTF-8 text
(``ensure_ascii=False``), a final newline. Enums are their values, a FiscalYear
its year (``2013``), a Period or PeriodSet its ISO text (``"2013-12/2014-01"``),
a Decimal an int when it has no fractional digits and its exact text otherwise
(``"68.5"``, ``"2.0"``); JSON numbers with a fraction are read exactly.

A document that cannot be read raises one :class:`~clairlib.errors.DocumentError`
whose ``findings`` list every problem with its path (``$.events[3].period``).
Country codes must be ISO 3166-1 alpha-2 codes CLDR knows. Whether the offices a
document names exist and its ids are unique is not the format's question but the
rules': :func:`clairlib.validate` reports them (``reference-exists``, ``unique-id``).
All conversion lives in :data:`converter` (a ``cattrs.Converter``; its ``structure``
raises cattrs' own errors, :func:`structure` turns them into a DocumentError); the
model classes know nothing of JSON. :func:`json_schema` gives the
JSON Schema of the same format, generated from the same description.
"""

from __future__ import annotations

from clairlib.io._document import (
    SCHEMA_VERSION,
    converter,
    dump,
    dumps,
    load,
    loads,
    structure,
    unstructure,
)
from clairlib.io._schema import json_schema

__all__ = [
    "SCHEMA_VERSION",
    "converter",
    "dump",
    "dumps",
    "json_schema",
    "load",
    "loads",
    "structure",
    "unstructure",
]
