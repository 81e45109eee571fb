"""CSV export of 1,000,000 events against a bare ``csv.writer`` over prebuilt tuples.

    uv run python benchmarks/csv_export.py [--events N] [--rounds N]

Everything is measured in this run, best of ``--rounds``:

- baseline: ``csv.writer.writerows`` over tuples of the very cells the exporter
  writes (read back from its output, so both write the same bytes — checked),
  to a file opened with the same encoding (UTF-8 with BOM) and line ending (CRLF).
- ``clairlib.export(report, "csv", DIR, table="events")``: from the model objects,
  with formula neutralising, to a temporary file that is synced and renamed into
  place. Target ≤ 1.3× the baseline. The same export to an open file (no rename,
  no sync) is printed too.
- memory: the peak of Python allocations during the export (tracemalloc) for a
  tenth of the events and for all of them: streamed, it stays flat.
"""

from __future__ import annotations

import argparse
import csv
import gc
import random
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

# Run as a script, this folder comes first on sys.path, where calendar.py (the era
# benchmark) would hide the standard library's calendar module.
if sys.path and Path(sys.path[0]).resolve() == Path(__file__).resolve().parent:
    sys.path.pop(0)

import clairlib
from clairlib.calendar import FiscalYear, Period
from clairlib.model import AnnualReport, Event, EventKind, Venue

_VENUES = (
    ("ニューヨーク", "US"),
    ("ロンドン", "GB"),
    ("パリ", "FR"),
    ("シンガポール", "SG"),
    ("ソウル", "KR"),
    ("シドニー", "AU"),
    ("北京", "CN"),
)
_NAMES = ("旅行博への出展", "自治体職員協力交流研修", "JETAA 総会", "観光セミナー", "=SUM(A1)")
_OFFICES = ("NYC", "LON", "PAR", "SIN", "SEL", "SYD", "BEJ")


def generate(count: int, seed: int = 2013) -> AnnualReport:
    """A FY2013 report with ``count`` events with realistic fields (some formula-like)."""
    rnd = random.Random(seed)
    periods: dict[tuple[int, int, int], Period] = {}
    venues = {text: Venue(text=text, countries=(country,)) for text, country in _VENUES}
    events = []
    for index in range(count):
        month = rnd.randint(1, 12)
        year = 2013 if month >= 4 else 2014
        day = rnd.randint(1, 28)
        span = rnd.choice((0, 0, 1, 2, -1))
        key = (year * 100 + month, day, span)
        period = periods.get(key)
        if period is None:
            if span < 0:
                period = Period.month(year, month)
            else:
                first = date(year, month, day)
                period = Period.between(first, first + timedelta(days=span))
            periods[key] = period
        events.append(
            Event(
                id=f"FY2013-E{index:07d}",
                name=f"{rnd.choice(_NAMES)} {index % 997}",
                programme=f"P-{rnd.randint(1, 7)}-{rnd.randint(1, 12)}",
                offices=(rnd.choice(_OFFICES),),
                venue=venues[rnd.choice(_VENUES)[0]],
                period=period,
                kind=rnd.choice(tuple(EventKind)),
                group=rnd.choice(("アメリカ", "ヨーロッパ", "アジア", None)),
                tags=("重点",) if rnd.random() < 0.3 else (),
            )
        )
    return AnnualReport(
        id="fy2013-report", title="平成25年度事業報告", fiscal_year=FiscalYear(2013),
        events=tuple(events),
    )  # fmt: skip


def best(function: Callable[[], object], rounds: int) -> float:
    """The shortest of ``rounds`` timed calls, in seconds."""
    times = []
    for _ in range(rounds):
        gc.collect()
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def peak_mib(report: AnnualReport, folder: Path) -> float:
    """The peak of Python allocations made by one CSV export of ``report``, in MiB."""
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        clairlib.export(report, "csv", folder, table="events")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return (peak - before) / 2**20


def main() -> None:
    """Generate the events, time the export against csv.writer, print ratios and peaks."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    start = time.perf_counter()
    report = generate(args.events)
    print(f"generated {args.events:,} events in {time.perf_counter() - start:.1f} s")
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        ours_dir = folder / "ours"
        clairlib.export(report, "csv", ours_dir, table="events")
        produced = ours_dir / "events.csv"
        with produced.open(encoding="utf-8-sig", newline="") as stream:
            header, *body = csv.reader(stream)
        prebuilt = [[tuple(cells) for cells in body]]  # a box, so it can be emptied later
        del body
        baseline_path = folder / "baseline.csv"

        def baseline() -> None:
            with baseline_path.open("w", encoding="utf-8-sig", newline="") as stream:
                writer = csv.writer(stream, lineterminator="\r\n")
                writer.writerow(header)
                writer.writerows(prebuilt[0])

        baseline()
        if baseline_path.read_bytes() != produced.read_bytes():
            raise SystemExit("the baseline writes other bytes: the comparison is void")
        print(f"events.csv: {produced.stat().st_size / 1e6:,.1f} MB\n")

        def to_open_file() -> None:
            with (folder / "stream.csv").open("wb") as stream:
                clairlib.export(report, "csv", stream, table="events")

        base = best(baseline, args.rounds)
        ours = best(lambda: clairlib.export(report, "csv", ours_dir, table="events"), args.rounds)
        streamed = best(to_open_file, args.rounds)
        print("time (baseline: csv.writer.writerows over prebuilt tuples, same bytes)")
        print(f"  {'csv.writer over prebuilt tuples':<44} {base:7.2f} s  {1:6.2f}×")
        print(f"  {'clairlib.export to a path (atomic, synced)':<44} {ours:7.2f} s  "
              f"{ours / base:6.2f}×  target ≤ 1.30×")  # fmt: skip
        print(f"  {'clairlib.export to an open file':<44} {streamed:7.2f} s  "
              f"{streamed / base:6.2f}×")  # fmt: skip
        prebuilt.clear()

        tenth = AnnualReport(
            id="tenth", title="t", fiscal_year=FiscalYear(2013),
            events=report.events[: max(1, args.events // 10)],
        )  # fmt: skip
        small = peak_mib(tenth, folder / "small")
        large = peak_mib(report, folder / "large")
    print("\npeak Python allocations during the export (tracemalloc)")
    print(f"  {f'{len(tenth.events):,} events':<44} {small:7.1f} MiB")
    print(f"  {f'{args.events:,} events':<44} {large:7.1f} MiB  {large / small:6.2f}× (flat ≈ 1×)")
    print(f"\ncsv export {ours / base:.2f}× the bare csv.writer (target 1.30×)")


if __name__ == "__main__":
    main()
