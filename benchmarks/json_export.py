"""JSON export of a generated annual report against ``json.dumps`` of its unstructured dicts.

    uv run python benchmarks/json_export.py [--events N] [--rounds N]

Everything is measured in this run, best of ``--rounds``:

- baseline: ``json.dumps`` with the canonical options (sorted keys, 2-space indent,
  ``ensure_ascii=False``) of the envelope ``{"clairlib": …, "document": …}`` built
  from ``clairlib.io.unstructure`` ahead of time, then encoded to UTF-8 — the very
  bytes the exporter writes (checked).
- ``clairlib.export(report, "json", stream)`` from the model objects: without orjson
  the text is written by code generated per model class; with orjson (the ``fast``
  extra) the document is unstructured and encoded in C. Target ≤ 1.2× the baseline.
  Both paths are timed when orjson is installed; the export to a path (atomic,
  synced) is printed too.
"""

from __future__ import annotations

import argparse
import gc
import io
import json
import random
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

# Run as a script, this folder comes first on sys.path, where calendar.py (the era
# benchmark) would hide the standard library's calendar module.
if sys.path and Path(sys.path[0]).resolve() == Path(__file__).resolve().parent:
    sys.path.pop(0)

import clairlib
from clairlib.calendar import FiscalYear, Period
from clairlib.export import _json
from clairlib.io import unstructure
from clairlib.model import (
    AnnualReport,
    CountingBasis,
    Event,
    EventKind,
    Participants,
    Quantity,
    Venue,
)

_VENUES = (("ニューヨーク", "US"), ("ロンドン", "GB"), ("ソウル", "KR"), ("北京", "CN"))
_NAMES = ("旅行博への出展", "自治体職員協力交流研修", "JETAA 総会", "観光セミナー")
_OFFICES = ("NYC", "LON", "SEL", "BEJ")


def generate(count: int, seed: int = 2013) -> AnnualReport:
    """A FY2013 report with ``count`` events, each with a venue, period and participants."""
    rnd = random.Random(seed)
    events = []
    for index in range(count):
        month = rnd.randint(1, 12)
        year = 2013 if month >= 4 else 2014
        first = date(year, month, rnd.randint(1, 28))
        text, country = rnd.choice(_VENUES)
        events.append(
            Event(
                id=f"FY2013-E{index:07d}",
                name=f"{rnd.choice(_NAMES)} {index % 997}",
                programme=f"P-{rnd.randint(1, 7)}-{rnd.randint(1, 12)}",
                offices=(rnd.choice(_OFFICES),),
                venue=Venue(text=text, countries=(country,)),
                period=Period.between(first, first + timedelta(days=rnd.randint(0, 3))),
                kind=rnd.choice(tuple(EventKind)),
                participants=(
                    Participants(
                        count=Quantity.of(rnd.randint(1, 500), "名"),
                        basis=rnd.choice(tuple(CountingBasis)),
                    ),
                ),
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


def main() -> None:
    """Generate the report, time the export against json.dumps, print the ratios."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--events", type=int, default=200_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    start = time.perf_counter()
    report = generate(args.events)
    print(f"generated {args.events:,} events in {time.perf_counter() - start:.1f} s")
    data = {"clairlib": _json.SCHEMA_VERSION, "document": unstructure(report)}

    def baseline() -> bytes:
        text = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True)
        return (text + "\n").encode("utf-8")

    def export() -> bytes:
        stream = io.BytesIO()
        clairlib.export(report, "json", stream)
        return stream.getvalue()

    expected = baseline()
    if export() != expected:
        raise SystemExit("the export and json.dumps disagree: the comparison is void")
    print(f"JSON: {len(expected) / 1e6:,.1f} MB\n")
    fast = _json._orjson()
    base = best(baseline, args.rounds)
    rows = [("json.dumps of the unstructured dicts", base)]
    if fast is not None:
        rows.append(("clairlib.export, orjson (fast extra)", best(export, args.rounds)))
    saved = sys.modules.get("orjson")
    sys.modules["orjson"] = None  # type: ignore[assignment]  # as if not installed
    try:
        ours = best(export, args.rounds)
        rows.append(("clairlib.export, without orjson", ours))
        with tempfile.TemporaryDirectory() as folder:
            target = Path(folder) / "report.json"
            to_path = best(lambda: clairlib.export(report, "json", target), args.rounds)
            rows.append(("clairlib.export to a path, without orjson", to_path))
            if target.read_bytes() != expected:
                raise SystemExit("the file differs from json.dumps")
    finally:
        if saved is None:
            del sys.modules["orjson"]
        else:
            sys.modules["orjson"] = saved
    print("time (baseline: json.dumps over prebuilt dicts, canonical options)")
    for label, seconds in rows:
        print(f"  {label:<44} {seconds:7.2f} s  {seconds / base:6.2f}×")
    print(f"\njson export {ours / base:.2f}× json.dumps without orjson (target 1.20×)")


if __name__ == "__main__":
    main()
