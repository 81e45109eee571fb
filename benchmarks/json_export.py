"""JSON export of a generated annual report: time against ``json.dumps``, and peak memory.

    uv run python benchmarks/json_export.py [--events N] [--rounds N]

Everything is measured in this run, best of ``--rounds``:

- baseline: ``json.dumps`` with the canonical options (sorted keys, 2-space indent,
  ``ensure_ascii=False``) of ``clairlib.io.unstructure(report)`` built ahead of time,
  then encoded to UTF-8 — the very bytes the exporter writes (checked).
- ``clairlib.export(report, "json", stream)`` from the model objects, with orjson (the
  ``fast`` extra) when it is installed and without it, and the export to a path
  (atomic, synced). Target ≤ 1.2× the baseline.
- memory: the export streams (writes as it goes). ``tracemalloc`` measures the peak
  of what Python allocates during an export to a file, beyond the report already
  built; printed against the size of the output. Target ≤ 1.2× the output size.
"""

from __future__ import annotations

import _bench  # first: it takes this folder off sys.path

# isort: split
import contextlib
import gc
import io
import json
import random
import sys
import tempfile
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import clairlib
from clairlib.io import unstructure
from clairlib.model import AnnualReport, CountingBasis, Participants, Quantity

_VENUES = (("ニューヨーク", ("US",)), ("ロンドン", ("GB",)), ("ソウル", ("KR",)), ("北京", ("CN",)))
_NAMES = ("旅行博への出展", "自治体職員協力交流研修", "JETAA 総会", "観光セミナー")
_BASES = tuple(CountingBasis)


def _participants(rnd: random.Random) -> _bench.EventFields:
    count = Quantity.of(rnd.randint(1, 500), "名")
    return {"participants": (Participants(count=count, basis=rnd.choice(_BASES)),)}


def generate(count: int, seed: int = 2013) -> AnnualReport:
    """A FY2013 report with ``count`` events, each with a venue, period and participants."""
    return _bench.generate(
        count,
        seed,
        venues=_VENUES,
        names=_NAMES,
        offices=("NYC", "LON", "SEL", "BEJ"),
        spans=(0, 1, 2, 3),
        more=_participants,
    )


@contextlib.contextmanager
def without_orjson() -> Iterator[None]:
    """Make ``import orjson`` fail inside the block, as if the fast extra were not installed."""
    saved = sys.modules.get("orjson")
    sys.modules["orjson"] = None  # type: ignore[assignment]
    try:
        yield
    finally:
        if saved is None:
            del sys.modules["orjson"]
        else:
            sys.modules["orjson"] = saved


def peak_bytes(report: AnnualReport, target: Path) -> int:
    """The peak of Python's allocations during one export of ``report`` to ``target``."""
    gc.collect()
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        before = tracemalloc.get_traced_memory()[0]
        clairlib.export(report, "json", target)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return peak - before


def main() -> None:
    """Generate the report, time the export against json.dumps, print ratios and peaks."""
    args = _bench.options(__doc__, events=200_000)
    seconds, report = _bench.timed(lambda: generate(args.events), 1)
    print(f"generated {args.events:,} events in {seconds:.1f} s")
    data = unstructure(report)

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
    base = _bench.best(baseline, args.rounds)
    rows = [("json.dumps of the unstructured dicts", base)]
    try:
        import orjson  # noqa: F401
    except ImportError:
        fast = None
    else:
        fast = _bench.best(export, args.rounds)
        rows.append(("clairlib.export, orjson (fast extra)", fast))
    with without_orjson():
        plain = _bench.best(export, args.rounds)
        rows.append(("clairlib.export, without orjson", plain))
    peaks = []
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "report.json"
        to_path = _bench.best(lambda: clairlib.export(report, "json", target), args.rounds)
        rows.append(("clairlib.export to a path", to_path))
        if target.read_bytes() != expected:
            raise SystemExit("the file differs from json.dumps")
        peaks.append(("clairlib.export to a path", peak_bytes(report, target)))
        with without_orjson():
            peaks.append(("clairlib.export to a path, without orjson", peak_bytes(report, target)))
    print("time (baseline: json.dumps over prebuilt dicts, canonical options)")
    for label, seconds in rows:
        print(_bench.row(label, seconds, base))
    print("\npeak memory allocated during the export, against the output's size")
    for label, peak in peaks:
        print(f"  {label:<44} {peak / 2**20:8.1f} MiB {peak / len(expected):8.3f}×")
    best = fast if fast is not None else plain
    worst_peak = max(peak for _, peak in peaks) / len(expected)
    print(
        f"\njson export {best / base:.2f}× json.dumps (target 1.20×), "
        f"peak memory {worst_peak:.3f}× the output (target 1.20×)"
    )


if __name__ == "__main__":
    main()
