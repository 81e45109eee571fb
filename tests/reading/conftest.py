"""The printed documents' texts and the examples typed by hand from the same prints."""

from __future__ import annotations

from pathlib import Path

import pytest

import clairlib
from clairlib.model import Document

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
