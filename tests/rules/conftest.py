"""Fixtures for the rules tests: an excerpt of the FY2013 report typed from the print.

``tests/data/rules/fy2013-excerpt.json`` holds, as printed in 平成25年度事業報告:
the 45 economic events of <海外で開催･参加した経済交流関係イベント等一覧> (table t1-1,
with the 件数 of each country as subtotal rows), the 8 expert dispatches of
<自治体国際協力専門家派遣事業> (t4-2, persons), <海外活動支援件数等> (t7-1) with the
per-office measurements, <海外事務所職員内訳> (t-staff) and the organisation's staff,
three grants, and the prose figures (45 件, 12 か国, 21 地域, TEFL 168/116/68.5 %,
83 件 前年度比 16 件減, 約 1,552 万件 前年度比約 161 万件増, 521 件 前年度比 35 件増, 97 名).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs
import pytest

from clairlib.model import AnnualReport, Table


def _set_cell(doc: AnnualReport, table_id: str, row: int, key: str, value: Any) -> AnnualReport:
    tables: list[Table] = []
    for table in doc.tables:
        if table.id == table_id:
            rows = list(table.rows)
            rows[row] = attrs.evolve(rows[row], cells={**rows[row].cells, key: value})
            table = attrs.evolve(table, rows=tuple(rows))
        tables.append(table)
    return attrs.evolve(doc, tables=tuple(tables))


@pytest.fixture
def set_cell() -> Callable[[AnnualReport, str, int, str, Any], AnnualReport]:
    """A function returning the document with one table cell replaced."""
    return _set_cell


def _set_figure(doc: AnnualReport, figure_id: str, **changes: Any) -> AnnualReport:
    figures = tuple(attrs.evolve(f, **changes) if f.id == figure_id else f for f in doc.figures)
    return attrs.evolve(doc, figures=figures)


@pytest.fixture
def set_figure() -> Callable[..., AnnualReport]:
    """A function returning the document with one figure's fields replaced."""
    return _set_figure
