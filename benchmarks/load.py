"""Loading and writing a generated annual report of 1,000,000 events, against ``json``.

    uv run python benchmarks/load.py [--events N] [--rounds N]

The report is as rich as the FY2013 report is, record for record: events carry a
venue with its city, a period and its printed text, tags, a row group and often
participants (a printed count, sometimes broken down by country), partners, a
description and local governments; beside them are persons (0.4 per event),
figures with printed quantities (0.5), publications (0.2), grants and tables whose
rows hold quantity cells (0.2 rows per event).

Everything is measured in this run, best of ``--rounds``, on equal terms: the cyclic
garbage collector is paused for the baseline as ``clairlib.load`` and
``clairlib.dumps`` pause it for themselves (their objects hold no cycles). The
ratios with the collector running are printed too.

- load: ``json.loads`` of the canonical bytes — the baseline — against
  ``clairlib.load`` of the same bytes, which parses them with ``json`` too and then
  builds and checks every model object. Target ≤ 2.5×.
- dumps: ``json.dumps`` of the equivalent plain dicts with the canonical options
  (sorted keys, 2-space indent, ``ensure_ascii=False``) — it writes the very same
  text — against ``clairlib.dumps`` of the model objects. Target ≤ 1.5×. The
  compact C encoder's time is printed for reference.
- memory: peak resident size of a fresh process that reads the file and runs
  ``json.loads``, and of one that runs ``clairlib.load``.
"""

from __future__ import annotations

import _bench  # first: it takes this folder off sys.path

# isort: split
import gc
import json
import random
import subprocess
import sys
import tempfile
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import attrs

import clairlib
from clairlib.calendar import Period
from clairlib.io import unstructure
from clairlib.model import (
    AnnualReport,
    Breakdown,
    BreakdownItem,
    Column,
    ColumnRole,
    CountingBasis,
    Event,
    Figure,
    Grant,
    LocalGovernment,
    LocalGovernmentKind,
    Participants,
    Person,
    Publication,
    Quantity,
    Row,
    Table,
)
from clairlib.reference import offices

_VENUES = (
    ("ニューヨーク", ("US",)),
    ("ロンドン", ("GB",)),
    ("パリ", ("FR",)),
    ("ベルリン", ("DE",)),
    ("シンガポール", ("SG",)),
    ("ジャカルタ", ("ID",)),
    ("ソウル", ("KR",)),
    ("シドニー", ("AU",)),
    ("北京", ("CN",)),
    ("香港", ("HK",)),
    ("東京都千代田区", ("JP",)),
)
_GROUPS = ("アメリカ", "ヨーロッパ", "アジア", None)
_BASES = tuple(CountingBasis)
_NAMES = (
    "旅行博への出展",
    "自治体職員協力交流研修",
    "JETAA 総会",
    "地域づくり講演会",
    "観光セミナー",
)


def _participants(rnd: random.Random) -> tuple[Participants, ...]:
    number = rnd.randint(1, 2000)
    count = Quantity(value=Decimal(number), unit="名", text=f"{number:,} 名")
    breakdowns: tuple[Breakdown, ...] = ()
    if rnd.random() < 0.3:
        first = rnd.randint(0, number)
        items = (
            BreakdownItem(key="US", value=Quantity.of(first, "名")),
            BreakdownItem(key="CA", value=Quantity.of(number - first, "名"), label="カナダ"),
        )
        breakdowns = (Breakdown(dimension="country", items=items),)
    basis = rnd.choice(_BASES)
    return (Participants(count=count, basis=basis, breakdowns=breakdowns),)


def _event_fields(codes: list[str]) -> Callable[[random.Random], _bench.EventFields]:
    def more(rnd: random.Random) -> _bench.EventFields:
        # Mostly an overseas office, else any office; some events are held by two.
        own = [rnd.choice(_bench.OVERSEAS)] if rnd.random() < 0.7 else [rnd.choice(codes)]
        if rnd.random() < 0.2:
            own.append(rnd.choice(codes))
        fields: _bench.EventFields = {
            "offices": tuple(dict.fromkeys(own)),
            "group": rnd.choice(_GROUPS),
            "tags": (f"t{rnd.randint(1, 7)}-{rnd.randint(1, 4)}",),
        }
        if rnd.random() < 0.25:
            fields["participants"] = _participants(rnd)
        return fields

    return more


def _richer(event: Event, rnd: random.Random) -> Event:
    """The fields a real event has beyond those ``_bench.generate`` draws."""
    changes: dict[str, object] = {"period_text": _printed(event.period)}
    if rnd.random() < 0.35:
        changes["partners"] = ("JETAA",)
    if rnd.random() < 0.27:
        changes["description"] = "現地の旅行会社や報道関係者を対象に地域の魅力を紹介した。"
    if rnd.random() < 0.17:
        changes["local_governments"] = (
            LocalGovernment(name="北海道旭川市", kind=LocalGovernmentKind.MUNICIPALITY),
            LocalGovernment(name="京都府", prefecture="JP-26", count=2),
        )
    return attrs.evolve(event, **changes)  # type: ignore[arg-type]


def _printed(period: object) -> str | None:
    if not isinstance(period, Period):
        return None
    start = period.start
    return f"平成 {start.year - 1988} 年 {start.month} 月 {start.day} 日"


def generate(count: int, seed: int = 2013) -> AnnualReport:
    """A FY2013 report with ``count`` events and the other records in proportion."""
    codes = [office.code for office in offices()]
    report = _bench.generate(
        count,
        seed,
        venues=_VENUES,
        names=_NAMES,
        spans=(0, 0, 1, 2, 4, -1),
        more=_event_fields(codes),
    )
    rnd = random.Random(seed + 1)
    events = tuple(_richer(event, rnd) for event in report.events)
    persons = tuple(
        Person(
            id=f"FY2013-H{index:07d}",
            role=rnd.choice(("trainee", "expert", "seconded")),
            programme=f"P-4-{rnd.randint(1, 3)}",
            country=rnd.choice(("KR", "CN", "US", "VN")),
            field="国際交流",
            host=LocalGovernment(name="北海道旭川市", kind=LocalGovernmentKind.MUNICIPALITY),
        )
        for index in range(count * 2 // 5)
    )
    figures = tuple(
        Figure(
            id=f"f{index}",
            label="出展件数",
            value=Quantity(value=Decimal(rnd.randint(1, 999)) / 10, unit="%", text="68.5%"),
            programme=f"P-{rnd.randint(1, 7)}-1",
            source="prose",
        )
        for index in range(count // 2)
    )
    publications = tuple(
        Publication(
            id=f"FY2013-B{index:07d}",
            title="自治体国際化フォーラム",
            kind="forum",
            office=rnd.choice(_bench.OVERSEAS),
            issue=f"{index % 300}号",
            accesses=Quantity.of(rnd.randint(0, 10**6), "件"),
        )
        for index in range(count // 5)
    )
    grants = tuple(
        Grant(
            id=f"FY2013-G{index:07d}",
            programme="P-1-1",
            name="海外経済活動支援特別対策事業",
            projects=Quantity.of(12, "事業", text="12 事業"),
            amount=Quantity.of(18909, "千円", text="18,909 千円"),
        )
        for index in range(count // 40)
    )
    columns = (
        Column(key="country", label="国名"),
        Column(key="cases", label="件数", role=ColumnRole.SUM, unit="件"),
    )
    tables = tuple(
        Table(
            id=f"table-{index}",
            caption="海外での観光プロモーション",
            columns=columns,
            rows=tuple(
                Row(cells={"country": "アメリカ", "cases": Quantity.of(n, "件")}, record=f"e{n}")
                for n in range(20)
            ),
        )
        for index in range(count // 100)
    )
    return attrs.evolve(
        report,
        events=events,
        persons=persons,
        figures=figures,
        publications=publications,
        grants=grants,
        tables=tables,
    )


def paused(function: Callable[[], object]) -> Callable[[], object]:
    """``function`` run with the cyclic collector paused, as clairlib.load and dumps run."""

    def run() -> object:
        gc.disable()
        try:
            return function()
        finally:
            gc.enable()

    return run


_PEAK = """
import resource, sys
data = open(sys.argv[1], "rb").read()
if sys.argv[2] == "json":
    import json
    result = json.loads(data)
else:
    import clairlib
    result = clairlib.load(data)
try:  # Linux: this process's own high-water mark (ru_maxrss may carry the parent's over exec)
    with open("/proc/self/status") as status:
        print(next(line.split()[1] for line in status if line.startswith("VmHWM:")))
except OSError:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(peak // 1024 if sys.platform == "darwin" else peak)
"""


def peak_kib(path: Path, which: str) -> int:
    """Peak resident size in KiB of a fresh process that loads ``path`` with ``which``."""
    out = subprocess.run(
        [sys.executable, "-c", _PEAK, str(path), which], check=True, capture_output=True, text=True
    )
    return int(out.stdout.strip())


def measure_dumps(report: AnnualReport, rounds: int) -> tuple[bytes, float]:
    """Time clairlib.dumps against json.dumps of the plain dicts; return the bytes and ratio."""
    plain = unstructure(report)
    text = clairlib.dumps(report)
    if text != json.dumps(plain, ensure_ascii=False, indent=2, sort_keys=True) + "\n":
        raise SystemExit("clairlib.dumps and json.dumps disagree: the comparison is void")
    data = text.encode("utf-8")
    print(f"canonical JSON: {len(data) / 1e6:,.1f} MB\n")
    print("dumps (baseline: json.dumps of the plain dicts, canonical options)")

    def canonical() -> str:
        return json.dumps(plain, ensure_ascii=False, indent=2, sort_keys=True)

    running = _bench.best(canonical, rounds)
    base = _bench.best(paused(canonical), rounds)
    compact = _bench.best(paused(lambda: json.dumps(plain, ensure_ascii=False)), rounds)
    ours = _bench.best(paused(lambda: clairlib.dumps(report)), rounds)
    print(_bench.row("json.dumps(indent=2, sort_keys), collector paused", base, base))
    print(_bench.row("json.dumps, collector running", running, base))
    print(_bench.row("json.dumps compact (C encoder, other text)", compact, base))
    print(_bench.row("clairlib.dumps", ours, base, 1.50))
    return data, ours / base


def measure_load(data: bytes, rounds: int) -> float:
    """Time clairlib.load against json.loads of the same bytes, both paused; return the ratio."""
    print("\nload (baseline: json.loads of the same bytes, collector paused)")
    base = _bench.best(paused(lambda: json.loads(data)), rounds)
    running = _bench.best(lambda: json.loads(data), rounds)
    ours = _bench.best(paused(lambda: clairlib.load(data)), rounds)
    print(_bench.row("json.loads, collector paused", base, base))
    print(_bench.row("json.loads, collector running", running, base))
    print(_bench.row("clairlib.load", ours, base, 2.50))
    print(f"  {'clairlib.load against the running json.loads':<44} {ours / running:18.2f}×")
    return ours / base


def main() -> None:
    """Generate the report, time both directions against json, print ratios and peaks."""
    args = _bench.options(__doc__)
    seconds, report = _bench.timed(lambda: generate(args.events), 1)
    print(f"generated {args.events:,} events in {seconds:.1f} s")
    data, dumps_ratio = measure_dumps(report, args.rounds)
    first, last = report.events[0], report.events[-1]
    # Only the bytes stay: a large live heap would slow the baseline's garbage collector.
    del report
    gc.collect()

    load_ratio = measure_load(data, args.rounds)
    loaded = clairlib.load(data)
    assert isinstance(loaded, AnnualReport)
    if (loaded.events[0], loaded.events[-1], len(loaded.events)) != (first, last, args.events):
        raise SystemExit("the loaded report differs from the generated one")
    del loaded
    gc.collect()

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "report.json"
        path.write_bytes(data)
        json_peak = peak_kib(path, "json")
        our_peak = peak_kib(path, "clairlib")
    print("\npeak memory of a fresh process reading the file")
    print(f"  {'json.loads':<44} {json_peak / 1024:8.0f} MiB")
    print(f"  {'clairlib.load':<44} {our_peak / 1024:8.0f} MiB  {our_peak / json_peak:6.2f}×")

    print(f"\nload {load_ratio:.2f}× (target 2.50×), dumps {dumps_ratio:.2f}× (target 1.50×)")


if __name__ == "__main__":
    main()
