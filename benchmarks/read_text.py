"""Reading the FY2013 report's text extraction, against ``clairlib.load`` of its example.

    uv run python benchmarks/read_text.py [--rounds N]

Both are measured in this run, best of ``--rounds``, with the garbage collector run
before each call and left on for both: ``clairlib.load`` of examples/fy2013-report.json
(the same report typed by hand, 15,000 lines of canonical JSON) is the baseline, and
``clairlib.read`` of tests/data/sources/fy2013-report.txt (2,300 lines of text) is
measured against it. Target ≤ 1×: reading the print is no slower than loading the
typed document.
"""

from __future__ import annotations

import _bench  # first: it takes this folder off sys.path

# isort: split
import argparse
from pathlib import Path

import clairlib

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=_bench.positive, default=5)
    args = parser.parse_args()
    data = (ROOT / "examples" / "fy2013-report.json").read_bytes()
    text = (ROOT / "tests" / "data" / "sources" / "fy2013-report.txt").read_bytes()
    clairlib.read(text)  # plugins found and patterns compiled before the clock
    clairlib.load(data)
    load = _bench.best(lambda: clairlib.load(data), args.rounds)
    read = _bench.best(lambda: clairlib.read(text), args.rounds)
    print(f"FY2013 report, best of {args.rounds}")
    print(_bench.row("clairlib.load of the JSON example (baseline)", load, load))
    print(_bench.row("clairlib.read of the text extraction", read, load, 1.0))


if __name__ == "__main__":
    main()
