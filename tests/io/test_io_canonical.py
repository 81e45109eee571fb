"""The canonical JSON form, checked against text written out by hand."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from clairlib import io
from clairlib.calendar import FiscalYear, Period, PeriodSet
from clairlib.model import (
    AnnualReport,
    Column,
    ColumnRole,
    Event,
    EventKind,
    Participants,
    Quantity,
    Row,
    RowKind,
    Table,
    Venue,
)

REPORT = AnnualReport(
    id="fy2013-report",
    title="平成25年度事業報告",
    fiscal_year=FiscalYear(2013),
    events=(
        Event(
            id="E1",
            name="ITB ベルリン 2014",
            programme="P-1-1",
            offices=("LON",),
            venue=Venue(text="ベルリン", countries=("DE",)),
            period=Period(date(2014, 3, 5), date(2014, 3, 9)),
            kind=EventKind.EXHIBITION,
            participants=(Participants(count=Quantity.parse("約 1,552 万件")),),
        ),
        Event(
            id="E2",
            name="研修",
            period=PeriodSet([Period.month(2013, 4), Period.month(2013, 10)]),
        ),
    ),
    tables=(
        Table(
            id="T1",
            caption="完了率",
            columns=(
                Column(key="name", label="事業"),
                Column(key="rate", label="完了率", role=ColumnRole.VALUE, unit="%"),
            ),
            rows=(
                Row(
                    cells={"rate": Quantity(value=Decimal("68.5"), unit="%"), "name": "計"},
                    kind=RowKind.TOTAL,
                ),
            ),
        ),
    ),
)

# Typed by hand from the rules: sorted keys, defaults left out, 2-space indent,
# Japanese as is, the enum's value, FY as int, periods as ISO text, 1552 as an int
# and 68.5 as a string, the document's kind beside its fields, a final newline.
EXPECTED = """\
{
  "events": [
    {
      "id": "E1",
      "kind": "exhibition",
      "name": "ITB ベルリン 2014",
      "offices": [
        "LON"
      ],
      "participants": [
        {
          "count": {
            "qualifier": "approximately",
            "scale": 10000,
            "text": "約 1,552 万件",
            "unit": "件",
            "value": 1552
          }
        }
      ],
      "period": "2014-03-05/2014-03-09",
      "programme": "P-1-1",
      "venue": {
        "countries": [
          "DE"
        ],
        "text": "ベルリン"
      }
    },
    {
      "id": "E2",
      "name": "研修",
      "period": "2013-04,2013-10"
    }
  ],
  "fiscal_year": 2013,
  "id": "fy2013-report",
  "kind": "annual_report",
  "tables": [
    {
      "caption": "完了率",
      "columns": [
        {
          "key": "name",
          "label": "事業"
        },
        {
          "key": "rate",
          "label": "完了率",
          "role": "value",
          "unit": "%"
        }
      ],
      "id": "T1",
      "rows": [
        {
          "cells": {
            "name": "計",
            "rate": {
              "unit": "%",
              "value": "68.5"
            }
          },
          "kind": "total"
        }
      ]
    }
  ],
  "title": "平成25年度事業報告"
}
"""


def test_dumps_writes_the_hand_written_canonical_text() -> None:
    """Dumps gives exactly the text worked out by hand from the canonical rules."""
    assert EXPECTED == io.dumps(REPORT)


def test_the_hand_written_text_loads_as_the_report() -> None:
    """Loading the hand-written text gives the report it was written from."""
    assert REPORT == io.load(EXPECTED)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1552", 1552),
        ("68.5", "68.5"),
        ("2.0", "2.0"),  # printed with one decimal: the precision is kept
        ("-3", -3),
        ("0.001", "0.001"),
        ("1E+3", 1000),
        ("1.5E-7", "1.5E-7"),
    ],
)
def test_decimals_are_ints_when_integral_and_exact_text_otherwise(
    value: str, expected: int | str
) -> None:
    """A Decimal without fractional digits is a JSON int, any other its exact text."""
    assert {"value": expected} == io.unstructure(Quantity(value=Decimal(value)))


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        ("68.5", Decimal("68.5")),
        ("0.1", Decimal("0.1")),
        ("2.50", Decimal("2.50")),
        ("1e3", Decimal("1E+3")),
        ("12345678901234567890.123456789", Decimal("12345678901234567890.123456789")),
    ],
)
def test_json_numbers_with_a_fraction_are_read_exactly(number: str, expected: Decimal) -> None:
    """A JSON number such as 0.1 becomes Decimal('0.1'), never a float's approximation."""
    template = (
        '{"kind": "annual_report", "id": "r", "title": "t", "fiscal_year": 2013, '
        '"figures": [{"id": "F", "label": "l", "value": {"value": NUMBER}}]}'
    )
    text = template.replace("NUMBER", number)
    report = io.load(text)
    assert isinstance(report, AnnualReport)
    found = report.figures[0].value.value
    assert (str(expected), expected.as_tuple()) == (str(found), found.as_tuple())


def test_a_period_set_of_one_period_is_written_as_that_period() -> None:
    """ISO text cannot tell a one-period set from the period: it loads as the Period."""
    event = Event(id="E", name="n", period=PeriodSet([Period.month(2013, 4)]))
    report = AnnualReport(id="r", title="t", fiscal_year=FiscalYear(2013), events=(event,))
    loaded = io.load(io.dumps(report))
    assert isinstance(loaded, AnnualReport)
    assert Period.month(2013, 4) == loaded.events[0].period


def test_dumps_refuses_what_is_not_a_document() -> None:
    """Dumps takes the three documents only; anything else is a programming error."""
    with pytest.raises(TypeError, match="takes a document"):
        io.dumps(Quantity(value=Decimal(1)))  # type: ignore[arg-type]
