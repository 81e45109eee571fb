"""Fixtures for the aggregate tests: the FY2013 excerpt (see tests/rules/conftest.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from clairlib.io import load
from clairlib.model import AnnualReport

DATA = Path(__file__).parent.parent / "data" / "rules"


@pytest.fixture(scope="session")
def excerpt() -> AnnualReport:
    """The FY2013 excerpt: 45 economic events, 8 expert dispatches, grants, staff, KPIs."""
    doc = load(DATA / "fy2013-excerpt.json")
    assert isinstance(doc, AnnualReport)
    return doc
