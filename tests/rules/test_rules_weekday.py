"""weekday: a printed weekday against the date it follows."""

from __future__ import annotations

from datetime import date

from clairlib.calendar import FiscalYear, Period
from clairlib.model import AnnualReport, Event
from clairlib.rules import Weekday, validate


def _found(*events: Event) -> list[tuple[str, str]]:
    doc = AnnualReport(id="r", title="r", fiscal_year=FiscalYear(2013), events=events)
    return [(f.path, f.message) for f in validate(doc, rules=[Weekday()]).findings]


def test_a_wrong_weekday_is_an_error() -> None:
    """2013-06-05 was a Wednesday (水): 6 月 5 日(火) is wrong, (水) right."""
    day = Period.day(date(2013, 6, 5))
    wrong = Event(id="a", name="a", period=day, period_text="平成 25 年 6 月 5 日(火)")
    right = Event(id="b", name="b", period=day, period_text="平成 25 年 6 月 5 日（水）")
    found = _found(wrong, right)
    assert ["$.events[0].period_text"] == [f[0] for f in found]
    assert "2013-06-05 is a 水曜日, not a 火曜日" in found[0][1]


def test_each_printed_day_of_a_range() -> None:
    """10 月 28 日(月)～11 月 1 日(金): both right (2013-10-28 a Monday, 11-01 a Friday)."""
    span = Period.between(Period.day(date(2013, 10, 28)), Period.day(date(2013, 11, 1)))
    text = "平成 25 年 10 月 28 日(月)～11 月 1 日(土)"
    found = _found(Event(id="a", name="a", period=span, period_text=text))
    assert 1 == len(found)
    assert "2013-11-01 is a 金曜日, not a 土曜日" in found[0][1]
