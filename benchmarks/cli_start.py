"""How fast the command line starts: whole processes, against ``python -c pass``.

    uv run python benchmarks/cli_start.py [--runs N]

Each measurement is a fresh process started by this script and waited for: the
baseline ``python -c pass`` (the interpreter's own start, with the same
interpreter and environment), then ``import clairlib``, ``python -m clairlib
--help``, the ``clairlib`` script's ``--help`` and every command's ``--help``.
The runs are interleaved (one of each, N times, after one warm-up round that
fills the bytecode caches), so a machine that slows down slows all alike; the
median of the N runs is printed with its ratio to the baseline. Target: every
``--help`` at most 3× ``python -c pass``.

The processes may write bytecode (``PYTHONDONTWRITEBYTECODE`` is dropped from their
environment): an installed clairlib is compiled as the standard library is, and
compiling every module on each start would measure the compiler, not the start.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

TARGET = 3.0


def _script() -> str:
    # The console script installed beside this interpreter (the project's environment).
    found = Path(sys.executable).with_name("clairlib")
    if not found.exists():
        raise SystemExit(f"no clairlib script beside {sys.executable}: run with uv run")
    return str(found)


def _commands() -> list[str]:
    # Every registered command, as the command line itself lists them.
    from clairlib.cli import commands

    return sorted(commands())


_ENV = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}


def _time(argv: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, check=True, env=_ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=21, help="runs of each process (default 21)")
    args = parser.parse_args()
    python, script = sys.executable, _script()
    cases: dict[str, list[str]] = {
        "python -c pass": [python, "-c", "pass"],
        "python -c 'import clairlib'": [python, "-c", "import clairlib"],
        "python -m clairlib --help": [python, "-m", "clairlib", "--help"],
        "clairlib --help": [script, "--help"],
    }
    for command in _commands():
        cases[f"clairlib {command} --help"] = [script, command, "--help"]
    for argv in cases.values():  # warm-up: bytecode caches, the file system's
        _time(argv)
    runs: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(args.runs):
        for name, argv in cases.items():
            runs[name].append(_time(argv))
    baseline = statistics.median(runs["python -c pass"])
    print(f"{'process':<34} {'median':>9}  ratio   (median of {args.runs} runs each)")
    worst = 0.0
    for name, times in runs.items():
        median = statistics.median(times)
        ratio = median / baseline
        if "--help" in name:
            worst = max(worst, ratio)
        print(f"{name:<34} {median * 1000:>7.1f}ms  {ratio:4.2f}×")
    verdict = "meets" if worst <= TARGET else "misses"
    print(f"slowest --help: {worst:.2f}× python -c pass; {verdict} the target ≤ {TARGET:g}×")


if __name__ == "__main__":
    main()
