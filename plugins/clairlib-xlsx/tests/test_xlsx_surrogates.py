"""Lone surrogates, which no UTF-8 file can hold, are removed with a finding per field."""

from __future__ import annotations

import io

import openpyxl
from clairlib_xlsx import write_xlsx

from clairlib.calendar import FiscalYear, Period
from clairlib.model import AnnualReport, Event


def test_surrogates_in_the_title_and_a_cell_are_removed_and_reported() -> None:
    """The workbook opens; the title and the event name lose only their surrogates."""
    report = AnnualReport(
        id="r",
        title="報告\udcff",
        fiscal_year=FiscalYear(2013),
        events=(Event(id="E1", name="a\ud800b", period=Period.month(2013, 5)),),
    )
    stream = io.BytesIO()
    findings = write_xlsx(report, stream)
    assert [("xlsx.surrogate", "$.title"), ("xlsx.surrogate", "$.events[0].name")] == [
        (f.rule, f.path) for f in findings if f.rule == "xlsx.surrogate"
    ]
    workbook = openpyxl.load_workbook(io.BytesIO(stream.getvalue()))
    assert "報告" == workbook.properties.title
    names = [cell.value for row in workbook.worksheets[1].iter_rows() for cell in row]
    assert "ab" in names
