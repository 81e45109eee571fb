"""Selectors that count sessions, bodies named on records (延べ and distinct), participants."""

from __future__ import annotations

from decimal import Decimal

import pytest

from clairlib.aggregate import SelectorError, evaluate
from clairlib.calendar import FiscalYear, Period, PeriodSet
from clairlib.model import (
    AnnualReport,
    Event,
    Grant,
    LocalGovernment,
    Participants,
    Quantity,
    Selector,
    Venue,
)
from clairlib.model.records import ParticipantKind


def _report(*events: Event) -> AnnualReport:
    return AnnualReport(id="r", title="r", fiscal_year=FiscalYear(2013), events=events)


def _month(year: int, month: int) -> Period:
    return Period.month(year, month)


def test_sessions_of_listed_dates_and_printed_counts() -> None:
    """①7 月 ②10 月 is two sessions, 計 5 回 (also full-width 計５回) five, a plain row one."""
    doc = _report(
        Event(
            id="a",
            name="two dates",
            period=PeriodSet((_month(2013, 7), _month(2013, 10))),
            period_text="①平成 25 年 7 月 ②平成 25 年 10 月",
        ),
        Event(
            id="b",
            name="five times",
            period=Period.between(_month(2013, 10), _month(2014, 2)),
            period_text="平成 25 年 10 月～平成 26 年 2 月(計 5 回)",
        ),
        Event(id="c", name="full width", period=_month(2013, 4), period_text="計５回"),
        Event(id="d", name="once", period=_month(2013, 8)),
    )
    assert Decimal(13) == evaluate(doc, "events", measure="sessions").value
    assert Decimal(4) == evaluate(doc, "events").value


def test_sessions_of_a_monthly_row_count_to_the_year_end() -> None:
    """各月 from 平成25年4月 is twelve sessions in FY2013."""
    doc = _report(
        Event(
            id="a",
            name="monthly",
            period=PeriodSet((_month(2013, 4),), recurrence="P1M"),
            period_text="平成25年4月～各月",
        )
    )
    assert Decimal(12) == evaluate(doc, "events", measure="sessions").value


def test_sessions_need_a_period() -> None:
    """Counting sessions of grants is refused with a SelectorError: a grant has no period."""
    doc = AnnualReport(id="r", title="r", fiscal_year=FiscalYear(2013), grants=(Grant(id="g"),))
    with pytest.raises(SelectorError, match="no period"):
        evaluate(doc, "grants", measure="sessions")


def test_bodies_named_gross_and_distinct() -> None:
    """鳥取県 on two rows and 東京都(2) on one: 延べ 5, distinct 3."""
    doc = _report(
        Event(
            id="a",
            name="a",
            local_governments=(
                LocalGovernment(name="鳥取県"),
                LocalGovernment(name="東京都", count=2),
            ),
        ),
        Event(
            id="b",
            name="b",
            local_governments=(LocalGovernment(name="鳥取県"), LocalGovernment(name="松江市")),
        ),
    )
    gross = evaluate(doc, "events", measure="gross:local_governments.name")
    distinct = evaluate(doc, "events", measure="distinct:local_governments.name")
    assert (Decimal(5), Decimal(3)) == (gross.value, distinct.value)


def test_participant_counts_of_one_event() -> None:
    """日本から 44 団体 171 名、中国から 26 団体 67 名: each count can be selected."""
    doc = _report(
        Event(id="x", name="x"),
        Event(
            id="ccj",
            name="日中韓 3 か国地方政府交流会議",
            participants=(
                Participants(
                    count=Quantity.of(44, "団体"), kind=ParticipantKind.BODIES, label="日本から"
                ),
                Participants(count=Quantity.of(171, "名"), label="日本から"),
                Participants(
                    count=Quantity.of(26, "団体"), kind=ParticipantKind.BODIES, label="中国から"
                ),
                Participants(count=Quantity.of(67, "名"), label="中国から"),
            ),
        ),
    )
    japan = evaluate(
        doc,
        "participants",
        measure="sum:count",
        where={"event": "ccj", "label": "日本から", "kind": "bodies"},
    )
    assert Decimal(44) == japan.value
    assert ("$.events[1].participants[0]",) == japan.parts
    persons = evaluate(doc, "participants", measure="sum:count", where={"kind": "persons"})
    assert Decimal(238) == persons.value


def test_unknown_measure_lists_the_measures() -> None:
    """A measure 'rows' is refused, naming the five measures there are."""
    with pytest.raises(SelectorError, match=r"'sessions'.*'gross:FIELD'"):
        evaluate(_report(), "events", measure="rows")


def test_a_counting_convention_on_distinct_values() -> None:
    """香港 counted under 中国: three venues, HK, CN and KR, make two countries."""
    doc = _report(
        Event(id="a", name="a", venue=Venue(text="香港", countries=("HK",))),
        Event(id="b", name="b", venue=Venue(text="北京", countries=("CN",))),
        Event(id="c", name="c", venue=Venue(text="ソウル", countries=("KR",))),
    )
    plain = Selector(records="events", measure="distinct:country")
    convention = Selector(records="events", measure="distinct:country", count_as={"HK": "CN"})
    assert Decimal(3) == evaluate(doc, plain).value
    assert Decimal(2) == evaluate(doc, convention).value
