"""``datapackage.json`` beside a directory CSV export: a Frictionless Tabular Data Package.

Each CSV is a resource whose Table Schema names every column (as its header is
written), its type, its Japanese title, what an enumeration allows, the unit
column a quantity's numbers are counted in, primary keys and the foreign keys
between the tables, so catalogues and validators read the export unaided.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import Any

from clairlib.exporting._csv_spec import Column, Table
from clairlib.exporting._csv_words import japanese_words

__all__ = ["FILE_NAME", "datapackage"]

FILE_NAME = "datapackage.json"

_TYPES = {
    "text": "string",
    "list": "string",
    "mapping": "string",
    "int": "integer",
    "decimal": "number",
    "magnitude": "number",
    "bool": "boolean",
    "enum": "string",
    "period": "string",
    "period_start": "date",
    "period_end": "date",
    "fy": "integer",
    "office_name": "string",
    "country_name": "string",
    "programme_name": "string",
    "indicator_name": "string",
}
_DESCRIPTIONS = {
    "list": "items separated by ';' (a ';' or '\\' inside an item is escaped by '\\')",
    "mapping": "key=value pairs separated by ';'",
    "magnitude": "the number the quantity stands for: printed value × scale",
    "decimal": "the number as printed",
    "period": "ISO 8601 period (2013-09, 2013-08/2013-09, FY2013, R/2013-04/P1M)",
    "period_start": "first day of the period",
    "period_end": "last day of the period (of the last listed one, when several)",
    "fy": "fiscal year (April to March), named by the calendar year it starts in",
    "office_name": "names of the office codes beside it, in the same order",
    "country_name": "names of the country codes beside it, in the same order",
    "programme_name": "name of the programme beside it, as the document prints it",
    "indicator_name": "name of the indicator beside it, as the indicators table holds it",
}
# (table, its columns) → (referenced table, its columns): only where both are written.
_PRIMARY_KEYS = {
    "events": ("id",),
    "participants": ("event", "index"),
    "persons": ("id",),
    "grants": ("id",),
    "publications": ("id",),
    "indicators": ("id",),
    "measurements": ("id",),
    "figures": ("id",),
    "meetings": ("id",),
}
_FOREIGN_KEYS = (
    ("participants", ("event",), "events", ("id",)),
    ("local_governments", ("event",), "events", ("id",)),
    ("agenda_items", ("meeting",), "meetings", ("id",)),
    ("targets", ("indicator",), "indicators", ("id",)),
    ("measurements", ("indicator",), "indicators", ("id",)),
)
_NAME = re.compile(r"[^a-z0-9._-]+")


def _field(column: Column, name: str, names: dict[str, str], language: str) -> dict[str, Any]:
    field: dict[str, Any] = {"name": name, "title": column.ja, "type": _TYPES[column.kind]}
    if column.kind in ("period_start", "period_end"):
        field["format"] = "%Y-%m-%d"
    description = _DESCRIPTIONS.get(column.kind)
    if column.kind == "bool":
        field["trueValues"], field["falseValues"] = ["true"], ["false"]
    if column.kind == "enum" and column.enum is not None:
        if language == "ja":
            allowed = list(japanese_words(column.enum).values())
        else:
            allowed = [str(member.value) for member in column.enum]
        field["constraints"] = {"enum": allowed}
    if column.kind in ("magnitude", "decimal"):
        base = column.key[: -len("_printed")] if column.key.endswith("_printed") else column.key
        unit = names.get(f"{base}_unit")
        if unit is not None:
            # Table Schema has no unit of its own; the unit varies by row (件, 名, 千円).
            field["unitField"] = unit
            description = f"{description}, counted in the unit of column {unit!r}"
    if description is not None:
        field["description"] = description
    return field


def datapackage(
    name: str,
    title: str,
    tables: Sequence[tuple[Table, Sequence[Column], Sequence[str]]],
    *,
    encoding: str,
    line_ending: str,
    language: str,
) -> bytes:
    """The ``datapackage.json`` of the tables written: (table, its columns, their headers)."""
    written = {table.name for table, _, _ in tables}
    resources: list[dict[str, Any]] = []
    for table, columns, headers in tables:
        names = {column.key: header for column, header in zip(columns, headers, strict=True)}
        schema: dict[str, Any] = {
            "fields": [
                _field(column, header, names, language)
                for column, header in zip(columns, headers, strict=True)
            ],
            "missingValues": [""],
        }
        primary = _PRIMARY_KEYS.get(table.name)
        if primary is not None and all(key in names for key in primary):
            schema["primaryKey"] = [names[key] for key in primary]
        foreign = []
        for source, keys, target, target_keys in _FOREIGN_KEYS:
            if source == table.name and target in written and all(k in names for k in keys):
                target_names = _headers_of(tables, target)
                foreign.append(
                    {
                        "fields": [names[key] for key in keys],
                        "reference": {
                            "resource": target,
                            "fields": [target_names[key] for key in target_keys],
                        },
                    }
                )
        if foreign:
            schema["foreignKeys"] = foreign
        resources.append(
            {
                "name": table.name,
                "path": f"{table.name}.csv",
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": encoding,
                "dialect": {"delimiter": ",", "lineTerminator": line_ending, "header": True},
                "schema": schema,
            }
        )
    package = {
        "profile": "tabular-data-package",
        "name": _NAME.sub("-", name.lower()).strip("-._") or "clairlib-export",
        "title": title,
        "resources": resources,
    }
    return json.dumps(package, ensure_ascii=False, indent=2).encode("utf-8") + b"\n"


def _headers_of(
    tables: Sequence[tuple[Table, Sequence[Column], Sequence[str]]], name: str
) -> dict[str, str]:
    for table, columns, headers in tables:
        if table.name == name:
            return {column.key: header for column, header in zip(columns, headers, strict=True)}
    return {}
