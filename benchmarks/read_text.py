"""Reading the FY2013 report's text extraction, against ``clairlib.load`` of its example.

    uv run python benchmarks/read_text.py [--rounds N] [--gc-paused]

Both are measured in this run on equal terms: ``clairlib.load`` of
examples/fy2013-report.json (the same report typed by hand, 15,000 lines of canonical
JSON) is the baseline, and ``clairlib.read`` of tests/data/sources/fy2013-report.txt
(2,300 lines of text) is measured against it. The two take turns, round after round,
so a busy machine slows both alike; before each call the collector runs and the last
call's result is freed, outside the clock; the collector is then left on for both, or
with ``--gc-paused`` paused for both (both pause it themselves while they build what they
return, neither building a reference cycle: the two states differ by noise only). The
verdict is the ratio of the best times (the median ratio of the rounds is printed beside
it). Target ≤ 1×: reading the print is no slower than loading the typed document. The
reading with ``tables=False`` (every table kept as printed text, no cell placed) is timed
in the same turns, to show what placing the tables' cells from the text costs.
"""

from __future__ import annotations

import _bench  # first: it takes this folder off sys.path

# isort: split
import argparse
import gc
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import clairlib

ROOT = Path(__file__).resolve().parents[1]
TARGET = 1.0


def _clock(function: Callable[[], object], paused: bool) -> float:
    # The same for both sides: collect first, then time one call with the collector in
    # the state asked for; the result is freed after the clock stops.
    gc.collect()
    if paused:
        gc.disable()
    try:
        start = time.perf_counter()
        result = function()
        seconds = time.perf_counter() - start
    finally:
        if paused:
            gc.enable()
    del result
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=_bench.positive, default=15)
    parser.add_argument(
        "--gc-paused", action="store_true", help="pause the collector during both calls"
    )
    args = parser.parse_args()
    data = (ROOT / "examples" / "fy2013-report.json").read_bytes()
    text = (ROOT / "tests" / "data" / "sources" / "fy2013-report.txt").read_bytes()
    clairlib.read(text)  # plugins found and patterns compiled before the clock
    clairlib.load(data)
    loads: list[float] = []
    reads: list[float] = []
    prose: list[float] = []
    for _ in range(args.rounds):
        loads.append(_clock(lambda: clairlib.load(data), args.gc_paused))
        reads.append(_clock(lambda: clairlib.read(text), args.gc_paused))
        prose.append(_clock(lambda: clairlib.read(text, tables=False), args.gc_paused))
    load, read = min(loads), min(reads)
    ratio = read / load
    median = statistics.median(r / b for r, b in zip(reads, loads, strict=True))
    state = "paused" if args.gc_paused else "on"
    print(f"FY2013 report, best of {args.rounds} rounds taken in turn, collector {state}")
    print(f"  {'clairlib.load of the JSON example (baseline)':<44} {load * 1000:8.2f} ms  1.00×")
    print(
        f"  {'clairlib.read of the text extraction':<44} {read * 1000:8.2f} ms  {ratio:.2f}×"
        f"  (median of rounds {median:.2f}×)"
    )
    print(
        f"  {'clairlib.read, tables kept as text':<44} {min(prose) * 1000:8.2f} ms"
        f"  {min(prose) / load:.2f}×"
    )
    verdict = "meets" if ratio <= TARGET else "misses"
    print(f"reading the text: {ratio:.2f}× loading the JSON; {verdict} the target ≤ {TARGET:g}×")


if __name__ == "__main__":
    main()
