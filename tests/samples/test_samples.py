"""Tests for clairlib.samples: the bundled FY2013 report."""

from __future__ import annotations

from pathlib import Path

from clairlib import samples
from clairlib.calendar import FiscalYear

EXAMPLES = Path(__file__).parents[2] / "examples"


def test_bundled_report_is_the_example_file() -> None:
    """The package's FY2013 report is byte for byte examples/fy2013-report.json."""
    expected = (EXAMPLES / "fy2013-report.json").read_bytes()
    assert expected == samples.read_bytes(samples.FY2013_REPORT)


def test_fy2013_report_loads() -> None:
    """The bundled report loads as the FY2013 annual report with its seven sections."""
    report = samples.fy2013_report()
    assert FiscalYear(2013) == report.fiscal_year
    assert "平成25年度事業報告" == report.title
    assert ["1", "2", "3", "4", "5", "6", "7"] == [s.number for s in report.sections]
