"""The printed documents' texts and the examples typed by hand from the same prints."""

from __future__ import annotations

from pathlib import Path

import pytest

import clairlib
from clairlib.model import Document
from clairlib.reading._layout import lines_of_text
from clairlib.reading._texttable import Refusal, TextTable, read_table

ROOT = Path(__file__).parents[2]
SOURCES = ROOT / "tests" / "data" / "sources"
EXAMPLES = ROOT / "examples"
DOCUMENTS = ("fy2011-plan", "fy2025-plan", "fy2013-report", "midterm-plan-2022")


def source_text(name: str) -> str:
    """The text of one printed document (as extracted from its PDF)."""
    return (SOURCES / f"{name}.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def examples() -> dict[str, Document]:
    """The four examples, loaded once."""
    return {name: clairlib.load(EXAMPLES / f"{name}.json") for name in DOCUMENTS}


def placed(text: str) -> TextTable:
    """The table the text reader places from ``text`` (failing the test on a refusal)."""
    table = read_table(lines_of_text(text))
    assert isinstance(table, TextTable), table
    return table


def refused(text: str) -> Refusal:
    """The text reader's refusal of the table ``text`` (failing the test if it is placed)."""
    refusal = read_table(lines_of_text(text))
    assert isinstance(refusal, Refusal), refusal
    return refusal


def cells_of(table: TextTable) -> list[tuple[str, ...]]:
    """The cells of each row of a placed table."""
    return [row.cells for row in table.rows]
