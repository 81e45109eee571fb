"""Loading and writing a generated annual report of 1,000,000 events, against ``json``.

    uv run python benchmarks/load.py [--events N] [--rounds N]

Everything is measured in this run, best of ``--rounds``:

- load: ``json.loads`` of the canonical bytes — the baseline, called as any caller
  calls it — against ``clairlib.load`` of the same bytes, which parses them with
  ``json`` too and then builds and checks every model object. Target ≤ 2.5×.
  ``clairlib.load`` pauses the cyclic garbage collector while it builds (the
  objects hold no cycles); the ratio against ``json.loads`` under the same pause
  is printed as well, so the effect of the pause is not hidden.
- dumps: ``json.dumps`` of the equivalent plain dicts with the canonical options
  (sorted keys, 2-space indent, ``ensure_ascii=False``) — it writes the very same
  text — against ``clairlib.dumps`` of the model objects. Target ≤ 1.5×. The
  compact C encoder's time is printed for reference.
- memory: peak resident size of a fresh process that reads the file and runs
  ``json.loads``, and of one that runs ``clairlib.load``.
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import clairlib
from clairlib.calendar import FiscalYear, Period
from clairlib.io import unstructure
from clairlib.model import AnnualReport, Event, EventKind, Venue
from clairlib.reference import offices

_VENUES = (
    ("ニューヨーク", "US"),
    ("ロンドン", "GB"),
    ("パリ", "FR"),
    ("ベルリン", "DE"),
    ("シンガポール", "SG"),
    ("ジャカルタ", "ID"),
    ("ソウル", "KR"),
    ("シドニー", "AU"),
    ("北京", "CN"),
    ("香港", "HK"),
    ("東京都千代田区", "JP"),
)
_NAMES = (
    "旅行博への出展",
    "自治体職員協力交流研修",
    "JETAA 総会",
    "地域づくり講演会",
    "観光セミナー",
)
_KINDS = tuple(EventKind)


def generate(count: int, seed: int = 2013) -> AnnualReport:
    """A FY2013 report with ``count`` events, each with realistic fields filled in."""
    rnd = random.Random(seed)
    codes = [office.code for office in offices()]
    overseas = ["NYC", "LON", "PAR", "SIN", "SEL", "SYD", "BEJ"]
    periods: dict[tuple[int, int, int], Period] = {}
    events = []
    for index in range(count):
        month = rnd.randint(1, 12)
        year = 2013 if month >= 4 else 2014
        day = rnd.randint(1, 28)
        span = rnd.choice((0, 0, 1, 2, 4, -1))  # -1: only the month is printed
        key = (year * 100 + month, day, span)
        period = periods.get(key)
        if period is None:
            if span < 0:
                period = Period.month(year, month)
            else:
                first = date(year, month, day)
                period = Period.between(first, first + timedelta(days=span))
            periods[key] = period
        text, country = rnd.choice(_VENUES)
        own = [rnd.choice(overseas)] if rnd.random() < 0.7 else [rnd.choice(codes)]
        if rnd.random() < 0.2:
            own.append(rnd.choice(codes))
        events.append(
            Event(
                id=f"FY2013-E{index:07d}",
                name=f"{rnd.choice(_NAMES)} {index % 997}",
                programme=f"P-{rnd.randint(1, 7)}-{rnd.randint(1, 12)}",
                offices=tuple(dict.fromkeys(own)),
                venue=Venue(text=text, countries=(country,)),
                period=period,
                kind=rnd.choice(_KINDS),
            )
        )
    return AnnualReport(
        id="fy2013-report",
        title="平成25年度事業報告",
        fiscal_year=FiscalYear(2013),
        events=tuple(events),
    )


def best(function: Callable[[], object], rounds: int) -> float:
    """The shortest of ``rounds`` timed calls, in seconds (the result is dropped each time)."""
    times = []
    for _ in range(rounds):
        gc.collect()
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
        del result
    return min(times)


def paused(function: Callable[[], object]) -> Callable[[], object]:
    """``function`` run with the cyclic collector paused, as clairlib.load runs."""

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


def row(label: str, seconds: float, baseline: float, target: str = "") -> str:
    """One line of the report: time, ratio to the baseline, target."""
    return f"  {label:<44} {seconds:8.2f} s  {seconds / baseline:6.2f}×  {target}"


def measure_dumps(report: AnnualReport, rounds: int) -> tuple[bytes, float]:
    """Time clairlib.dumps against json.dumps of the plain dicts; return the bytes and ratio."""
    plain = unstructure(report)
    text = clairlib.dumps(report)
    if text != json.dumps(plain, ensure_ascii=False, indent=2, sort_keys=True) + "\n":
        raise SystemExit("clairlib.dumps and json.dumps disagree: the comparison is void")
    data = text.encode("utf-8")
    print(f"canonical JSON: {len(data) / 1e6:,.1f} MB\n")
    print("dumps (baseline: json.dumps of the plain dicts, canonical options)")
    base = best(lambda: json.dumps(plain, ensure_ascii=False, indent=2, sort_keys=True), rounds)
    compact = best(lambda: json.dumps(plain, ensure_ascii=False), rounds)
    ours = best(lambda: clairlib.dumps(report), rounds)
    print(row("json.dumps(indent=2, sort_keys)", base, base))
    print(row("json.dumps compact (C encoder, other text)", compact, base))
    print(row("clairlib.dumps", ours, base, "target ≤ 1.50×"))
    return data, ours / base


def measure_load(data: bytes, rounds: int) -> float:
    """Time clairlib.load against json.loads of the same bytes; return the ratio."""
    print("\nload (baseline: json.loads of the same bytes)")
    base = best(lambda: json.loads(data), rounds)
    quiet = best(paused(lambda: json.loads(data)), rounds)
    ours = best(lambda: clairlib.load(data), rounds)
    print(row("json.loads", base, base))
    print(row("json.loads, collector paused", quiet, base))
    print(row("clairlib.load", ours, base, "target ≤ 2.50×"))
    print(f"  {'clairlib.load against the paused json.loads':<44} {ours / quiet:21.2f}×")
    return ours / base


def main() -> None:
    """Generate the report, time both directions against json, print ratios and peaks."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    start = time.perf_counter()
    report = generate(args.events)
    print(f"generated {args.events:,} events in {time.perf_counter() - start:.1f} s")
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
