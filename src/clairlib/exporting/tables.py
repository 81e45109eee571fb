"""The record tables: which records each holds, its columns, and reading cells back.

The CSV export writes one file per table; another container of tables (a workbook
sheet per table, as ``clairlib-xlsx`` writes) uses the same declarations, so every
format holds the same columns in the same order and reads back into the same
records.

>>> from clairlib.exporting.tables import TABLES
>>> TABLES[0].name
'events'
"""

from __future__ import annotations

from clairlib.exporting._csv_cells import REREAD, CellError
from clairlib.exporting._csv_plan import Converter, Remembered, Verbatim
from clairlib.exporting._csv_read import TableReader, assemble_records
from clairlib.exporting._csv_spec import (
    NAME_KINDS,
    TABLES,
    Column,
    Table,
    is_personal,
    table_names,
)
from clairlib.exporting._csv_words import (
    country_name,
    id_names,
    indicator_names,
    magnitude,
    office_name,
    programme_names,
)
from clairlib.exporting._csv_write import join_list, join_mapping

__all__ = [
    "NAME_KINDS",
    "REREAD",
    "TABLES",
    "CellError",
    "Column",
    "Converter",
    "Remembered",
    "Table",
    "TableReader",
    "Verbatim",
    "assemble_records",
    "country_name",
    "id_names",
    "indicator_names",
    "is_personal",
    "join_list",
    "join_mapping",
    "magnitude",
    "office_name",
    "programme_names",
    "table_names",
]
