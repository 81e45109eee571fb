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

import _bench  # first: it takes this folder off sys.path

# isort: split
import gc
import json
import random
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import clairlib
from clairlib.io import unstructure
from clairlib.model import AnnualReport
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
_NAMES = (
    "旅行博への出展",
    "自治体職員協力交流研修",
    "JETAA 総会",
    "地域づくり講演会",
    "観光セミナー",
)


def generate(count: int, seed: int = 2013) -> AnnualReport:
    """A FY2013 report with ``count`` events, each with realistic fields filled in."""
    codes = [office.code for office in offices()]

    def own_offices(rnd: random.Random) -> _bench.EventFields:
        # Mostly an overseas office, else any office; some events are held by two.
        own = [rnd.choice(_bench.OVERSEAS)] if rnd.random() < 0.7 else [rnd.choice(codes)]
        if rnd.random() < 0.2:
            own.append(rnd.choice(codes))
        return {"offices": tuple(dict.fromkeys(own))}

    return _bench.generate(
        count, seed, venues=_VENUES, names=_NAMES, spans=(0, 0, 1, 2, 4, -1), more=own_offices
    )


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


def measure_dumps(report: AnnualReport, rounds: int) -> tuple[bytes, float]:
    """Time clairlib.dumps against json.dumps of the plain dicts; return the bytes and ratio."""
    plain = unstructure(report)
    text = clairlib.dumps(report)
    if text != json.dumps(plain, ensure_ascii=False, indent=2, sort_keys=True) + "\n":
        raise SystemExit("clairlib.dumps and json.dumps disagree: the comparison is void")
    data = text.encode("utf-8")
    print(f"canonical JSON: {len(data) / 1e6:,.1f} MB\n")
    print("dumps (baseline: json.dumps of the plain dicts, canonical options)")
    base = _bench.best(
        lambda: json.dumps(plain, ensure_ascii=False, indent=2, sort_keys=True), rounds
    )
    compact = _bench.best(lambda: json.dumps(plain, ensure_ascii=False), rounds)
    ours = _bench.best(lambda: clairlib.dumps(report), rounds)
    print(_bench.row("json.dumps(indent=2, sort_keys)", base, base))
    print(_bench.row("json.dumps compact (C encoder, other text)", compact, base))
    print(_bench.row("clairlib.dumps", ours, base, 1.50))
    return data, ours / base


def measure_load(data: bytes, rounds: int) -> float:
    """Time clairlib.load against json.loads of the same bytes; return the ratio."""
    print("\nload (baseline: json.loads of the same bytes)")
    base = _bench.best(lambda: json.loads(data), rounds)
    quiet = _bench.best(paused(lambda: json.loads(data)), rounds)
    ours = _bench.best(lambda: clairlib.load(data), rounds)
    print(_bench.row("json.loads", base, base))
    print(_bench.row("json.loads, collector paused", quiet, base))
    print(_bench.row("clairlib.load", ours, base, 2.50))
    print(f"  {'clairlib.load against the paused json.loads':<44} {ours / quiet:18.2f}×")
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
