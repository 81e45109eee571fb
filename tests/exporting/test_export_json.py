"""Tests of the built-in JSON exporter: dumps' text, written as it goes, the same with orjson."""

from __future__ import annotations

import io
import json
import sys
import types
from decimal import Decimal
from pathlib import Path
from typing import Any, BinaryIO, cast

import pytest
from hypothesis import given, settings

import clairlib
from clairlib.calendar import FiscalYear
from clairlib.errors import DocumentError, ExportError
from clairlib.exporting import SCHEMA_VERSION, read_json
from clairlib.io import _text as json_text
from clairlib.io import dumps, unstructure
from clairlib.model import AnnualReport, Document, Event, Grant, Quantity
from clairlib.testing import ExporterConformance, hostile_document, sample_document
from tests import strategies


class TestJsonConformance(ExporterConformance):
    """The built-in JSON exporter passes the suite third-party exporters run."""

    exporter = "json"
    distribution = "clairlib"


def _exported(document: Document) -> bytes:
    stream = io.BytesIO()
    clairlib.export(document, "json", stream)
    return stream.getvalue()


@pytest.fixture
def without_orjson(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make ``import orjson`` fail, as when the fast extra is not installed."""
    monkeypatch.setitem(sys.modules, "orjson", None)


MINIMAL = (
    "{\n"
    '  "fiscal_year": 2013,\n'
    '  "id": "r",\n'
    '  "kind": "annual_report",\n'
    '  "title": "平成25年度事業報告"\n'
    "}\n"
)


def test_export_of_a_minimal_report() -> None:
    """The export is the canonical JSON of the document, keys sorted, worked out by hand."""
    report = AnnualReport(id="r", title="平成25年度事業報告", fiscal_year=FiscalYear(2013))
    assert MINIMAL.encode("utf-8") == _exported(report)


def test_export_is_what_dumps_writes() -> None:
    """The JSON export and clairlib.dumps write the same text: one format."""
    document = sample_document()
    assert dumps(document).encode("utf-8") == _exported(document)


def test_standard_path_without_orjson(without_orjson: None) -> None:
    """Without orjson the generated writer writes the same text."""
    assert None is json_text._orjson()
    report = AnnualReport(id="r", title="平成25年度事業報告", fiscal_year=FiscalYear(2013))
    assert MINIMAL.encode("utf-8") == _exported(report)


@pytest.mark.parametrize("make", [sample_document, hostile_document], ids=["sample", "hostile"])
def test_orjson_and_json_write_the_same_bytes(make: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """With and without orjson the output is byte-identical, hostile text included."""
    pytest.importorskip("orjson")
    document = make()
    fast = _exported(document)
    monkeypatch.setitem(sys.modules, "orjson", None)
    assert fast == _exported(document)


def _json_module(document: Document) -> bytes:
    """The canonical JSON as the json module writes it from the unstructured data."""
    data = unstructure(document)
    text = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True, allow_nan=False)
    return (text + "\n").encode("utf-8")


@settings(max_examples=80, deadline=None)
@given(document=strategies.documents)
def test_generated_writer_is_byte_identical_to_json(document: Document) -> None:
    """Without orjson, the text written from the model equals json.dumps of its data."""
    saved = sys.modules.get("orjson")
    sys.modules["orjson"] = None  # type: ignore[assignment]
    try:
        text = json_text.canonical_text(document)
    finally:
        if saved is None:
            del sys.modules["orjson"]
        else:
            sys.modules["orjson"] = saved
    assert _json_module(document) == text.encode("utf-8", "surrogatepass")


@pytest.mark.parametrize("make", [sample_document, hostile_document], ids=["sample", "hostile"])
def test_every_path_writes_the_same_bytes(make: Any, without_orjson: None) -> None:
    """The json module and the generated writer agree on the sample documents."""
    document = make()
    assert _json_module(document) == _exported(document)


@settings(max_examples=40, deadline=None)
@given(document=strategies.documents)
def test_orjson_agrees_on_any_document(document: Document) -> None:
    """Any document gives the same text through orjson as through json."""
    pytest.importorskip("orjson")
    assert _json_module(document) == json_text.canonical_text(document).encode(
        "utf-8", "surrogatepass"
    )


def test_fast_path_declining_falls_back(monkeypatch: pytest.MonkeyPatch) -> None:
    """Where orjson declines (an integer beyond 64 bits) the generated writer writes it."""
    fake = types.ModuleType("orjson")
    fake.OPT_INDENT_2 = fake.OPT_SORT_KEYS = 0  # type: ignore[attr-defined]

    def refuse(data: object, option: int = 0) -> bytes:
        raise TypeError("Integer exceeds 64-bit range")

    fake.dumps = refuse  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "orjson", fake)
    big = Grant(id="g1", amount=Quantity(value=Decimal(2**70), unit="円"))
    report = AnnualReport(id="r", title="t", fiscal_year=FiscalYear(2013), grants=(big,))
    assert f'"value": {2**70}'.encode() in _exported(report)


@pytest.mark.usefixtures("without_orjson")
def test_lone_surrogate_is_an_export_error() -> None:
    """Text UTF-8 cannot hold is refused with an ExportError naming the character."""
    report = AnnualReport(id="r", title="bad \ud800", fiscal_year=FiscalYear(2013))
    with pytest.raises(ExportError, match=r"U\+D800"):
        _exported(report)


def test_reads_back_from_a_path_and_bytes(tmp_path: Path) -> None:
    """read_json gives back the document that was exported."""
    document = hostile_document()
    clairlib.export(document, "json", tmp_path / "report.json")
    assert document == read_json(tmp_path / "report.json")
    assert document == read_json(str(tmp_path / "report.json"))
    assert document == read_json(_exported(document))


def test_reads_the_envelope_earlier_exports_wrote() -> None:
    """A file in the envelope {"clairlib": "1", "document": …} still reads back."""
    report = AnnualReport(id="r", title="t", fiscal_year=FiscalYear(2013))
    payload = (
        b'{"clairlib": "1", "document": {"kind": "annual_report", "id": "r", "title": "t",'
        b' "fiscal_year": 2013}}'
    )
    assert report == read_json(payload)
    assert "1" == SCHEMA_VERSION


def test_wrong_schema_version_names_it() -> None:
    """Another schema version is a DocumentError at $.clairlib naming the version found."""
    with pytest.raises(DocumentError) as raised:
        read_json(b'{"clairlib": "99", "document": {}}')
    assert [("structure.version", "$.clairlib")] == [
        (finding.rule, finding.path) for finding in raised.value.findings
    ]
    assert "expected schema version '1', found \"99\"" in str(raised.value)


def test_bad_document_inside_points_into_the_envelope() -> None:
    """Problems in the document carry paths under $.document."""
    payload = b'{"clairlib": "1", "document": {"kind": "annual_report", "id": "r", "title": 5}}'
    with pytest.raises(DocumentError) as raised:
        read_json(payload)
    assert [
        ("structure.type", "$.document.title"),
        ("structure.missing", "$.document.fiscal_year"),
    ] == [(f.rule, f.path) for f in raised.value.findings]


class _Pieces(io.RawIOBase):
    """A binary stream that remembers the size of every write."""

    def __init__(self) -> None:
        self.sizes: list[int] = []

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        self.sizes.append(len(data))
        return len(data)


def test_a_long_report_is_written_in_pieces() -> None:
    """10,000 events are written in batches: no write holds the whole text."""
    events = tuple(Event(id=f"E{i:05d}", name="観光セミナー") for i in range(10_000))
    report = AnnualReport(id="r", title="t", fiscal_year=FiscalYear(2013), events=events)
    stream = _Pieces()
    clairlib.export(report, "json", cast(BinaryIO, stream))  # a raw stream is binary too
    total = len(dumps(report).encode("utf-8"))
    assert total == sum(stream.sizes)
    assert len(stream.sizes) >= 10_000 // json_text.BATCH
    assert max(stream.sizes) < total / 4


def test_progress_counts_the_pieces_written() -> None:
    """The JSON exporter reports each piece written, the total unknown ahead."""
    calls: list[tuple[int, int | None]] = []
    report = AnnualReport(id="r", title="t", fiscal_year=FiscalYear(2013))
    clairlib.export(report, "json", io.BytesIO(), progress=lambda *a: calls.append(a))
    # {"fiscal_year", "id", "kind", "title", and the closing brace: five pieces.
    assert [(1, None), (2, None), (3, None), (4, None), (5, None)] == calls


def test_writers_generated_once_under_threads() -> None:
    """Threads asking a fresh compiler at once all get complete, equal writers."""
    from concurrent.futures import ThreadPoolExecutor

    compiler = json_text.TextCompiler()
    document = sample_document()
    with ThreadPoolExecutor(max_workers=8) as pool:
        texts = list(pool.map(lambda _: compiler.writer(type(document))(document, ""), range(16)))
    assert 1 == len(set(texts))
    assert json.loads(texts[0]) == unstructure(document)
