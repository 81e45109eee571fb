"""same-event: one event printed in two tables as two records is found and compared."""

from __future__ import annotations

from clairlib.calendar import FiscalYear, Period
from clairlib.findings import Severity
from clairlib.model import AnnualReport, Event, Participants, Quantity, Table, Venue
from clairlib.rules import SameEvent, validate
from clairlib.rules._events import core, same_name


def _event(ident: str, name: str, table: str, **fields: object) -> Event:
    defaults: dict[str, object] = {
        "offices": ("LON",),
        "period": Period.month(2014, 2),
        "venue": Venue(text="ロンドン", city="ロンドン", countries=("GB",)),
    }
    return Event(id=ident, name=name, tags=(table,), **(defaults | fields))  # type: ignore[arg-type]


def _run(*events: Event) -> list[tuple[str, str, str]]:
    """The findings over the events, each tag a table of the document."""
    tables = tuple(Table(id=t, caption=t) for t in sorted({t for e in events for t in e.tags}))
    doc = AnnualReport(
        id="r", title="r", fiscal_year=FiscalYear(2013), tables=tables, events=events
    )
    found = validate(doc, rules=[SameEvent()]).findings
    return [(f.severity.value, f.path, f.message) for f in found]


def test_names_worded_differently_share_a_core() -> None:
    """講演 and プレゼンテーション, ･ and ・, a bracketed aside: the same name."""
    assert same_name("JIJI TOP Seminar における講演", "JIJI TOP Seminar におけるプレゼンテーション")
    assert same_name("ジャパン･エキスポ", "ジャパン・エキスポ")
    assert same_name("日韓交流おまつり 2013", "日韓交流おまつり 2013(JETAA ブース出展)")
    assert not same_name("日英交流セミナー", "日仏交流セミナー")
    assert "jijitopseminar" == core("JIJI TOP Seminar における講演")


def test_a_pair_that_agrees_is_a_note() -> None:
    """Two records of one event in two tables, agreeing: a note naming both paths."""
    found = _run(
        _event("a", "JIJI TOP Seminar における講演", "t1-6"),
        _event("b", "JIJI TOP Seminar におけるプレゼンテーション", "t7-3"),
    )
    assert 1 == len(found)
    severity, path, message = found[0]
    assert ("info", "$.events[1]") == (severity, path)
    assert "$.events[0]" in message


def test_a_pair_that_disagrees_is_a_warning() -> None:
    """The same seminar with 100 and 80 participants and other partners: a warning."""
    found = _run(
        _event(
            "a",
            "日英交流セミナー",
            "t1-2",
            partners=("JETRO",),
            participants=(Participants(count=Quantity.of(100, "名")),),
        ),
        _event(
            "b",
            "日英交流セミナー",
            "t7-2",
            partners=("JETAA",),
            participants=(Participants(count=Quantity.of(80, "名")),),
        ),
    )
    assert [Severity.WARNING.value] == [f[0] for f in found]
    assert "partners: JETRO against JETAA" in found[0][2]
    assert "participants: 100 against 80" in found[0][2]


def test_other_office_period_or_same_table_is_no_pair() -> None:
    """Another office, a period that does not overlap, or two rows of one table: no pair."""
    assert [] == _run(
        _event("a", "日英交流セミナー", "t1-2"),
        _event("b", "日英交流セミナー", "t7-2", offices=("PAR",)),
    )
    assert [] == _run(
        _event("a", "日英交流セミナー", "t1-2"),
        _event("b", "日英交流セミナー", "t7-2", period=Period.month(2013, 5)),
    )
    assert [] == _run(
        _event("a", "フリーペーパー｢CHOPSTICKS NY｣", "t1-6"),
        _event("b", "フリーペーパー｢CHOPSTICKS NY｣", "t1-6"),
    )
