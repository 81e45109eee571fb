"""What the benchmark scripts share: the path fix, the timer, the options, the report.

Each script imports this module before anything else. Run as a script, a benchmark's
folder comes first on ``sys.path``, where ``calendar.py`` would hide the standard
library's ``calendar`` module (which japanera, ``email`` and others import) and
``docx.py`` would hide python-docx: importing this module takes the folder off the
path, once, before any of those is imported.
"""

from __future__ import annotations

import sys
from pathlib import Path

_HERE = Path(__file__).resolve().parent
sys.path[:] = [entry for entry in sys.path if Path(entry or ".").resolve() != _HERE]

import argparse  # noqa: E402
import gc  # noqa: E402
import random  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable, Sequence  # noqa: E402
from datetime import date, timedelta  # noqa: E402
from typing import NamedTuple, TypedDict, TypeVar  # noqa: E402

from clairlib.calendar import FiscalYear, Period  # noqa: E402
from clairlib.model import AnnualReport, Event, EventKind, Participants, Venue  # noqa: E402

T = TypeVar("T")

# The overseas offices, by their reference codes.
OVERSEAS = ("NYC", "LON", "PAR", "SIN", "SEL", "SYD", "BEJ")

_KINDS = tuple(EventKind)


# -- timing ---------------------------------------------------------------------------


def _once(function: Callable[[], T]) -> tuple[float, T]:
    gc.collect()
    start = time.perf_counter()
    result = function()
    return time.perf_counter() - start, result


def timed(function: Callable[[], T], rounds: int) -> tuple[float, T]:
    """The shortest of ``rounds`` timed calls in seconds, and the last call's result.

    The collector runs before each call, outside the clock. A call's result is freed
    only after its clock stops, and before the next collection: no call pays for
    freeing what another built.
    """
    seconds, result = _once(function)
    for _ in range(rounds - 1):
        del result
        again, result = _once(function)
        seconds = min(seconds, again)
    return seconds, result


def best(function: Callable[[], object], rounds: int) -> float:
    """The shortest of ``rounds`` timed calls, in seconds, timed as :func:`timed` does."""
    return timed(function, rounds)[0]


def row(label: str, seconds: float, baseline: float, target: float | None = None) -> str:
    """A line of a timing table: the time, its ratio to ``baseline`` and the target ratio."""
    line = f"  {label:<44} {seconds:8.2f} s  {seconds / baseline:6.2f}×"
    return line if target is None else f"{line}  target ≤ {target:.2f}×"


# -- the command line -----------------------------------------------------------------


def positive(text: str) -> int:
    """A whole number of at least 1, read from the command line."""
    number = int(text)
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, found {text}")
    return number


def parser(doc: str | None) -> argparse.ArgumentParser:
    """A command line described by the first line of ``doc``, with ``--rounds`` (3)."""
    command = argparse.ArgumentParser(description=(doc or "").split("\n")[0])
    command.add_argument("--rounds", type=positive, default=3, help="time each best of N")
    return command


class Options(NamedTuple):
    """How many events to generate, and of how many rounds each time is the best."""

    events: int
    rounds: int


def options(doc: str | None, *, events: int = 1_000_000) -> Options:
    """``--events`` and ``--rounds``, read from the command line."""
    command = parser(doc)
    command.add_argument("--events", type=positive, default=events, help="events to generate")
    args = command.parse_args()
    return Options(events=args.events, rounds=args.rounds)


# -- the generated report -------------------------------------------------------------


class EventFields(TypedDict, total=False):
    """Fields a benchmark draws for each event itself, over those :func:`generate` draws."""

    offices: tuple[str, ...]
    participants: tuple[Participants, ...]
    group: str | None
    tags: tuple[str, ...]


def generate(
    count: int,
    seed: int = 2013,
    *,
    venues: Sequence[tuple[str, tuple[str, ...]]],
    names: Sequence[str],
    spans: Sequence[int],
    offices: Sequence[str] = OVERSEAS,
    outside: bool = False,
    more: Callable[[random.Random], EventFields] | None = None,
) -> AnnualReport:
    """A FY2013 report of ``count`` random events, the same for the same ``seed``.

    Each event has an id, a name from ``names``, a programme ``P-1-1`` … ``P-7-12``,
    one of ``offices``, a venue from ``venues`` (text and countries), a kind and a
    period: a day in FY2013 plus a span of days drawn from ``spans``, where -1 stands
    for the whole month (as printed when only the month is). With ``outside``, one
    month in thirteen is April 2014, outside the fiscal year. Equal periods and equal
    venues are one shared object each. ``more`` draws further fields for each event,
    or other offices.
    """
    rnd = random.Random(seed)
    places = [Venue(text=text, countries=countries) for text, countries in venues]
    periods: dict[tuple[int, int, int], Period] = {}
    events = []
    for index in range(count):
        month = rnd.randint(1, 13 if outside else 12)
        year, month = (2014, 4) if month == 13 else (2013 if month >= 4 else 2014, month)
        day = rnd.randint(1, 28)
        span = rnd.choice(spans)
        key = (year * 100 + month, day, span)
        period = periods.get(key)
        if period is None:
            if span < 0:
                period = Period.month(year, month)
            else:
                first = date(year, month, day)
                period = Period.between(first, first + timedelta(days=span))
            periods[key] = period
        fields: EventFields = {"offices": (rnd.choice(offices),)}
        if more is not None:
            fields.update(more(rnd))
        events.append(
            Event(
                id=f"FY2013-E{index:07d}",
                name=f"{rnd.choice(names)} {index % 997}",
                programme=f"P-{rnd.randint(1, 7)}-{rnd.randint(1, 12)}",
                venue=rnd.choice(places),
                period=period,
                kind=rnd.choice(_KINDS),
                **fields,
            )
        )
    return AnnualReport(
        id="fy2013-report",
        title="平成25年度事業報告",
        fiscal_year=FiscalYear(2013),
        events=tuple(events),
    )


# -- the exports' shared input and measures -------------------------------------------

#: The venues of the spreadsheet benchmarks' events (text, countries): one per office.
SPREADSHEET_VENUES = (
    ("ニューヨーク", ("US",)),
    ("ロンドン", ("GB",)),
    ("パリ", ("FR",)),
    ("シンガポール", ("SG",)),
    ("ソウル", ("KR",)),
    ("シドニー", ("AU",)),
    ("北京", ("CN",)),
)
#: Event names, one of them a formula payload that an export must keep as text.
SPREADSHEET_NAMES = ("旅行博への出展", "自治体職員協力交流研修", "JETAA 総会", "観光セミナー",
                     "=SUM(A1)")  # fmt: skip


def _group_and_tags(rnd: random.Random) -> EventFields:
    return {
        "group": rnd.choice(("アメリカ", "ヨーロッパ", "アジア", None)),
        "tags": ("重点",) if rnd.random() < 0.3 else (),
    }


def spreadsheet_report(count: int, seed: int = 2013) -> AnnualReport:
    """The FY2013 report the CSV and Excel benchmarks export: ``count`` events.

    Each event has a group (or none) and in three of ten the tag 重点; one name in
    five is a formula payload; one period in five is a whole month.
    """
    return generate(
        count,
        seed,
        venues=SPREADSHEET_VENUES,
        names=SPREADSHEET_NAMES,
        spans=(0, 0, 1, 2, -1),
        more=_group_and_tags,
    )


def first_tenth(report: AnnualReport) -> AnnualReport:
    """A report of the first tenth of ``report``'s events (at least one), for memory."""
    return AnnualReport(
        id="tenth",
        title=report.title,
        fiscal_year=report.fiscal_year,
        events=report.events[: max(1, len(report.events) // 10)],
    )


def peak_mib(function: Callable[[], object]) -> float:
    """The peak of Python allocations made during one call of ``function``, in MiB.

    Call it once before, untraced, so the peak holds no first-use imports and caches.
    """
    import tracemalloc

    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        function()
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return (peak - before) / 2**20


def flat_memory(
    label: str, small: AnnualReport, large: AnnualReport, export: Callable[[AnnualReport], object]
) -> None:
    """Print the peak allocations of ``export`` for ``small`` and for ``large`` (streamed: flat)."""
    export(small)  # first-use imports and caches, outside the measure
    lower = peak_mib(lambda: export(small))
    upper = peak_mib(lambda: export(large))
    print(f"\npeak Python allocations during the {label} (tracemalloc)")
    print(f"  {f'{len(small.events):,} events':<44} {lower:7.1f} MiB")
    ratio = f"{upper / lower:6.2f}× (flat ≈ 1×)"
    print(f"  {f'{len(large.events):,} events':<44} {upper:7.1f} MiB  {ratio}")


def row_ms(label: str, seconds: float, baseline: float, target: float | None = None) -> str:
    """A line of a timing table in milliseconds, as :func:`row`, for calls of a few ms."""
    line = f"  {label:<44} {seconds * 1000:8.1f} ms  {seconds / baseline:6.2f}×"
    return line if target is None else f"{line}  target ≤ {target:.2f}×"


# -- a report holding one long printed table ------------------------------------------

TableRow = tuple[str, str, str, int, int]

_TABLE_COUNTRIES = ("アメリカ", "イギリス", "フランス", "シンガポール", "タイ", "韓国", "中国")


def table_rows(count: int) -> list[TableRow]:
    """``count`` rows of an event table: venue, event (with ``&`` and ``<>``), month, two sums."""
    return [
        (
            f"{_TABLE_COUNTRIES[i % len(_TABLE_COUNTRIES)]}・都市{i % 97}",
            f"第{i}回 地域産品の販路開拓イベント & Japan Night <{i}>",
            f"平成25年{i % 12 + 1}月",
            (i * 37) % 5000,
            (i * 7919) % 1_000_000,
        )
        for i in range(count)
    ]


def table_report(rows: Sequence[TableRow]) -> AnnualReport:
    """A FY2013 report whose one programme prints ``rows`` as a table, with its 計 row."""
    from decimal import Decimal

    from clairlib.model import (
        Block,
        BlockKind,
        Column,
        ColumnRole,
        Programme,
        Quantity,
        Row,
        RowKind,
        Section,
        Table,
    )

    columns = (
        Column(key="venue", label="開催場所"),
        Column(key="event", label="イベント"),
        Column(key="period", label="開催時期"),
        Column(key="persons", label="参加者数（名）", role=ColumnRole.SUM, unit="名"),
        Column(key="amount", label="経費（千円）", role=ColumnRole.SUM, unit="千円"),
    )
    printed = [
        Row(
            cells={
                "venue": venue,
                "event": event,
                "period": period,
                "persons": Quantity(value=Decimal(persons), unit="名"),
                "amount": Quantity(value=Decimal(amount), unit="千円"),
            }
        )
        for venue, event, period, persons, amount in rows
    ]
    printed.append(
        Row(
            kind=RowKind.TOTAL,
            cells={
                "venue": "計",
                "persons": Quantity(value=Decimal(sum(r[3] for r in rows)), unit="名"),
                "amount": Quantity(value=Decimal(sum(r[4] for r in rows)), unit="千円"),
            },
        )
    )
    table = Table(id="t1", caption="平成25年度 イベント一覧", columns=columns, rows=tuple(printed))
    programme = Programme(
        id="p1", name="イベント", marker="○", body=(Block(kind=BlockKind.TABLE, ref="t1"),)
    )
    return AnnualReport(
        id="bench",
        title="平成25年度事業報告",
        fiscal_year=FiscalYear(2013),
        sections=(Section(id="s1", title="ベンチマーク", number="1", programmes=(programme,)),),
        tables=(table,),
    )


# -- two sides timed in turn ----------------------------------------------------------


class Paired(NamedTuple):
    """The shortest times of two sides timed in turn, wall clock and CPU, in seconds."""

    first: float
    second: float
    first_cpu: float
    second_cpu: float


def paired(first: Callable[[], object], second: Callable[[], object], rounds: int) -> Paired:
    """Time ``first`` and ``second`` in turn, ``rounds`` times each; the shortest of each.

    A shared machine's load then falls on both sides alike, round by round. The
    collector runs before each call, outside the clock, and a call's result is freed
    after its clock stops. The CPU time (of this process) is kept too: other
    processes' load does not count in it.
    """
    best = [float("inf")] * 4
    for _ in range(rounds):
        for side, function in enumerate((first, second)):
            gc.collect()
            start, cpu = time.perf_counter(), time.process_time()
            result = function()
            wall, used = time.perf_counter() - start, time.process_time() - cpu
            del result
            best[side] = min(best[side], wall)
            best[side + 2] = min(best[side + 2], used)
    return Paired(*best)
