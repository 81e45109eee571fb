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

import _bench  # first: it takes this folder off sys.path

# isort: split
import csv
import gc
import random
import tempfile
import tracemalloc
from pathlib import Path

import clairlib
from clairlib.calendar import FiscalYear
from clairlib.model import AnnualReport

_VENUES = (
    ("ニューヨーク", ("US",)),
    ("ロンドン", ("GB",)),
    ("パリ", ("FR",)),
    ("シンガポール", ("SG",)),
    ("ソウル", ("KR",)),
    ("シドニー", ("AU",)),
    ("北京", ("CN",)),
)
_NAMES = ("旅行博への出展", "自治体職員協力交流研修", "JETAA 総会", "観光セミナー", "=SUM(A1)")


def _group_and_tags(rnd: random.Random) -> _bench.EventFields:
    return {
        "group": rnd.choice(("アメリカ", "ヨーロッパ", "アジア", None)),
        "tags": ("重点",) if rnd.random() < 0.3 else (),
    }


def generate(count: int, seed: int = 2013) -> AnnualReport:
    """A FY2013 report with ``count`` events with realistic fields (some formula-like)."""
    return _bench.generate(
        count, seed, venues=_VENUES, names=_NAMES, spans=(0, 0, 1, 2, -1), more=_group_and_tags
    )


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
    args = _bench.options(__doc__)
    seconds, report = _bench.timed(lambda: generate(args.events), 1)
    print(f"generated {args.events:,} events in {seconds:.1f} s")
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

        base = _bench.best(baseline, args.rounds)
        ours = _bench.best(
            lambda: clairlib.export(report, "csv", ours_dir, table="events"), args.rounds
        )
        streamed = _bench.best(to_open_file, args.rounds)
        print("time (baseline: csv.writer.writerows over prebuilt tuples, same bytes)")
        print(_bench.row("csv.writer over prebuilt tuples", base, base))
        print(_bench.row("clairlib.export to a path (atomic, synced)", ours, base, 1.30))
        print(_bench.row("clairlib.export to an open file", streamed, base))
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
