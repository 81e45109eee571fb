"""Fixtures shared by the test packages."""

from __future__ import annotations

from pathlib import Path

import pytest

from clairlib.io import load
from clairlib.model import AnnualReport

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="session")
def excerpt() -> AnnualReport:
    """The FY2013 excerpt of tests/data/rules, loaded from its canonical JSON.

    45 economic events, 8 expert dispatches, grants, staff and KPIs (see
    tests/rules/conftest.py for what it holds, as printed).
    """
    doc = load(DATA / "rules" / "fy2013-excerpt.json")
    assert isinstance(doc, AnnualReport)
    return doc
