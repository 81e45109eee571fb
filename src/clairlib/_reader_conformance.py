"""The checks of the reader half of the conformance suite (:mod:`clairlib.testing`)."""

from __future__ import annotations

import warnings

import attrs

from clairlib.errors import ClairlibError
from clairlib.model import AnnualPlan, AnnualReport, MidTermPlan
from clairlib.plugins import PluginHost, PluginWarning
from clairlib.reading import Hints, Reader, Reading, Source

__all__ = [
    "GARBAGE",
    "check_bad_input",
    "check_provenance",
    "check_reader_options",
    "check_reads",
    "find_reader",
]

# Inputs no reader may crash on: each gives a ClairlibError or a Reading.
GARBAGE: tuple[bytes, ...] = (
    b"",
    b"\x00" * 64,
    bytes(range(256)) * 4,
    b"PK\x03\x04" + b"\xff" * 200,
    b"%PDF-1.7\n" + b"\x00\x01" * 100,
    "平成25年度事業報告".encode() * 3,
)


def find_reader(name: str, *, distribution: str | None = None) -> Reader:
    """The reader ``name`` as a fresh host finds it through the entry points."""
    host = PluginHost(strict=False)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PluginWarning)
        found = host.readers()
        plugins = host.plugins()
        problems = host.problems
    if name not in found:
        reasons = "".join(f"\n  {problem}" for problem in problems)
        raise AssertionError(
            f"no reader {name!r} is registered (found: {', '.join(found)}){reasons}"
        )
    reader = found[name]
    assert name == reader.name
    assert reader.description.strip(), f"reader {name!r} has no description"
    if distribution is not None:
        owners = {p.distribution for p in plugins if name in p.readers}
        assert {distribution} == owners, (
            f"reader {name!r} comes from {owners}, not {distribution!r}"
        )
    return reader


def check_reader_options(reader: Reader) -> None:
    """Every option has a default: the reader runs with ``options()``."""
    options = reader.options()
    assert attrs.has(type(options))


def _read(reader: Reader, data: bytes, suffix: str) -> Reading:
    source = Source(name=f"sample{suffix}", data=data, suffix=suffix)
    return reader.read(source, Hints(), reader.options(), None)


def check_reads(reader: Reader, sample: bytes) -> Reading:
    """The sample reads into a plan or report with something in it, and progress is sane."""
    suffix = reader.suffixes[0] if reader.suffixes else ""
    calls: list[tuple[int, int | None]] = []
    source = Source(name=f"sample{suffix}", data=sample, suffix=suffix)
    reading = reader.read(source, Hints(), reader.options(), lambda n, t: calls.append((n, t)))
    document = reading.document
    assert isinstance(document, AnnualPlan | AnnualReport | MidTermPlan)
    if isinstance(document, AnnualPlan | AnnualReport):
        assert document.sections, f"reader {reader.name!r} read no section from the sample"
    for done, total in calls:
        assert done >= 0
        assert total is None or done <= total
    if reader.sniff is not None:
        assert reader.sniff(sample[:8192]), f"reader {reader.name!r} does not recognise its sample"
    return reading


def check_provenance(reading: Reading) -> None:
    """Every place the reading maps has an origin with a page or line."""
    assert reading.provenance, "the reading says where nothing came from"
    for path, origin in reading.provenance.items():
        assert origin.page is not None or origin.line is not None, f"{path}: origin {origin}"


def check_bad_input(reader: Reader) -> None:
    """Garbage gives a ClairlibError or a Reading, never another exception."""
    suffix = reader.suffixes[0] if reader.suffixes else ""
    for data in GARBAGE:
        try:
            _read(reader, data, suffix)
        except ClairlibError:
            continue
