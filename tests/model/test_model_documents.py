"""A programme's countries and a figure's period: defaults, and their way through the JSON."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

from clairlib import io
from clairlib.calendar import FiscalYear, Period
from clairlib.model import AnnualReport, Figure, Programme, Quantity, Section


def _report(programme: Programme, figure: Figure) -> AnnualReport:
    return AnnualReport(
        id="r",
        title="平成25年度事業報告",
        fiscal_year=FiscalYear(2013),
        sections=(Section(id="1", title="t", programmes=(programme,)),),
        figures=(figure,),
    )


def test_defaults_are_empty() -> None:
    """A programme names no country and a figure has no period unless read or given."""
    assert () == Programme(id="p", name="p").countries
    assert Figure(id="f", label="l", value=Quantity(value=Decimal(1))).period is None


def test_countries_and_period_round_trip() -> None:
    """Countries ["US", "TH"] and period "2013-11" are written and read back as they were."""
    programme = Programme(id="1.1", name="出展", countries=("US", "TH"))
    november = Period.month(2013, 11)
    figure = Figure(
        id="1.1-f1", label="平成25年11月に45件", value=Quantity(value=Decimal(45), unit="件"),
        period=november,
    )  # fmt: skip
    text = io.dumps(_report(programme, figure))
    data = json.loads(text)
    assert ["US", "TH"] == data["sections"][0]["programmes"][0]["countries"]
    assert "2013-11" == data["figures"][0]["period"]
    loaded = io.load(text)
    assert isinstance(loaded, AnnualReport)
    assert ("US", "TH") == loaded.sections[0].programmes[0].countries
    assert loaded.figures[0].period is not None
    assert (date(2013, 11, 1), date(2013, 11, 30)) == (
        loaded.figures[0].period.start,
        loaded.figures[0].period.end,
    )


def test_empty_fields_are_left_out() -> None:
    """No countries and no period: the canonical JSON carries neither key."""
    figure = Figure(id="f", label="l", value=Quantity(value=Decimal(1)))
    data = json.loads(io.dumps(_report(Programme(id="p", name="p"), figure)))
    assert "countries" not in data["sections"][0]["programmes"][0]
    assert "period" not in data["figures"][0]
