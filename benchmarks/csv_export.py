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
- memory: the peak of Python allocations during the export (tracemalloc, after an
  untraced export of the tenth) for a tenth of the events and for all of them:
  streamed, it stays flat.
"""

from __future__ import annotations

import _bench  # first: it takes this folder off sys.path

# isort: split
import csv
import tempfile
from pathlib import Path

import clairlib
from clairlib.model import AnnualReport


def main() -> None:
    """Generate the events, time the export against csv.writer, print ratios and peaks."""
    args = _bench.options(__doc__)
    seconds, report = _bench.timed(lambda: _bench.spreadsheet_report(args.events), 1)
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

        def export(document: AnnualReport) -> None:
            clairlib.export(document, "csv", folder / "memory", table="events")

        _bench.flat_memory("export", _bench.first_tenth(report), report, export)
    print(f"\ncsv export {ours / base:.2f}× the bare csv.writer (target 1.30×)")


if __name__ == "__main__":
    main()
