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

import _bench  # first: it takes this folder off sys.path

# isort: split
import io
import json
import random
import sys
import tempfile
from pathlib import Path

import clairlib
from clairlib.exporting import _json
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


def main() -> None:
    """Generate the report, time the export against json.dumps, print the ratios."""
    args = _bench.options(__doc__, events=200_000)
    seconds, report = _bench.timed(lambda: generate(args.events), 1)
    print(f"generated {args.events:,} events in {seconds:.1f} s")
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
    base = _bench.best(baseline, args.rounds)
    rows = [("json.dumps of the unstructured dicts", base)]
    if fast is not None:
        rows.append(("clairlib.export, orjson (fast extra)", _bench.best(export, args.rounds)))
    saved = sys.modules.get("orjson")
    sys.modules["orjson"] = None  # type: ignore[assignment]  # as if not installed
    try:
        ours = _bench.best(export, args.rounds)
        rows.append(("clairlib.export, without orjson", ours))
        with tempfile.TemporaryDirectory() as folder:
            target = Path(folder) / "report.json"
            to_path = _bench.best(lambda: clairlib.export(report, "json", target), args.rounds)
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
        print(_bench.row(label, seconds, base))
    print(f"\njson export {ours / base:.2f}× json.dumps without orjson (target 1.20×)")


if __name__ == "__main__":
    main()
