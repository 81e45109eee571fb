"""Tests of the built-in JSON exporter: the envelope, byte-identical fast path, reading back."""

from __future__ import annotations

import io
import json
import sys
import types
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings

import clairlib
from clairlib.calendar import FiscalYear
from clairlib.errors import DocumentError, ExportError
from clairlib.exporting import SCHEMA_VERSION, read_json
from clairlib.exporting import _json as json_exporter
from clairlib.io import _text as json_text
from clairlib.io import dumps
from clairlib.model import AnnualReport, Document, Grant, Quantity
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


def test_envelope_of_a_minimal_report() -> None:
    """The envelope holds the schema version and the canonical document, keys sorted."""
    report = AnnualReport(id="r", title="平成25年度事業報告", fiscal_year=FiscalYear(2013))
    expected = (
        "{\n"
        '  "clairlib": "1",\n'
        '  "document": {\n'
        '    "fiscal_year": 2013,\n'
        '    "id": "r",\n'
        '    "kind": "annual_report",\n'
        '    "title": "平成25年度事業報告"\n'
        "  }\n"
        "}\n"
    )
    assert expected.encode("utf-8") == _exported(report)


def test_document_is_the_canonical_json() -> None:
    """The document inside the envelope is what clairlib.io writes for it."""
    document = sample_document()
    data = json.loads(_exported(document))
    assert {"clairlib", "document"} == set(data)
    assert json.loads(dumps(document)) == data["document"]


def test_standard_path_without_orjson(without_orjson: None) -> None:
    """Without orjson the json module writes the same envelope."""
    assert None is json_exporter._orjson()
    test_envelope_of_a_minimal_report()


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
    data = json_exporter.envelope(document)
    text = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True, allow_nan=False)
    return (text + "\n").encode("utf-8")


@settings(max_examples=80, deadline=None)
@given(document=strategies.documents)
def test_generated_writer_is_byte_identical_to_json(document: Document) -> None:
    """Without orjson, the text written from the model equals json.dumps of its data."""
    assert _json_module(document) == json_exporter._utf8(json_exporter.envelope_text(document))


@pytest.mark.parametrize("make", [sample_document, hostile_document], ids=["sample", "hostile"])
def test_every_path_writes_the_same_bytes(make: Any, without_orjson: None) -> None:
    """The json module and the generated writer agree on the sample documents."""
    document = make()
    assert _json_module(document) == _exported(document)


@settings(max_examples=40, deadline=None)
@given(document=strategies.documents)
def test_orjson_agrees_on_any_document(document: Document) -> None:
    """Any document gives the same bytes through orjson as through json."""
    orjson = pytest.importorskip("orjson")
    option = orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS | orjson.OPT_APPEND_NEWLINE
    try:
        fast = orjson.dumps(json_exporter.envelope(document), option=option)
    except TypeError:
        return  # beyond orjson (a 65-bit integer): encode() falls back, tested below
    assert _json_module(document) == fast


def test_fast_path_declining_falls_back(monkeypatch: pytest.MonkeyPatch) -> None:
    """Where orjson declines (an integer beyond 64 bits) the json module writes it."""
    fake = types.ModuleType("orjson")
    fake.OPT_INDENT_2 = fake.OPT_SORT_KEYS = fake.OPT_APPEND_NEWLINE = 0  # type: ignore[attr-defined]

    def refuse(data: object, option: int = 0) -> bytes:
        raise TypeError("Integer exceeds 64-bit range")

    fake.dumps = refuse  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "orjson", fake)
    big = Grant(id="g1", amount=Quantity(value=Decimal(2**70), unit="円"))
    report = AnnualReport(id="r", title="t", fiscal_year=FiscalYear(2013), grants=(big,))
    assert f'"value": {2**70}'.encode() in _exported(report)


def test_lone_surrogate_is_an_export_error(without_orjson: None) -> None:
    """Text UTF-8 cannot hold is refused with an ExportError naming the character."""
    report = AnnualReport(id="r", title="bad \ud800", fiscal_year=FiscalYear(2013))
    with pytest.raises(ExportError, match=r"U\+D800"):
        _exported(report)


def test_reads_back_from_a_path_and_bytes(tmp_path: Path) -> None:
    """read_json gives back the document that was exported."""
    document = hostile_document()
    clairlib.export(document, "json", tmp_path / "report.json")
    assert document == read_json(tmp_path / "report.json")
    assert document == read_json(_exported(document))


def test_wrong_schema_version_or_shape(tmp_path: Path) -> None:
    """Another schema version, or not an envelope, is a DocumentError with its path."""
    with pytest.raises(DocumentError) as raised:
        read_json(b'{"clairlib": "99", "document": {}}')
    assert ["$.clairlib"] == [finding.path for finding in raised.value.findings]
    assert "expected schema version '1', found '99'" in str(raised.value)
    with pytest.raises(DocumentError, match="expected"):
        read_json(b'{"kind": "annual_report"}')
    assert "1" == SCHEMA_VERSION


def test_bad_document_inside_points_into_the_envelope() -> None:
    """Problems in the document carry paths under $.document."""
    payload = b'{"clairlib": "1", "document": {"kind": "annual_report", "id": "r", "title": 5}}'
    with pytest.raises(DocumentError) as raised:
        read_json(payload)
    assert all(f.path.startswith("$.document") for f in raised.value.findings)


def test_progress_reports_one_step() -> None:
    """The JSON exporter reports 0 of 1, then 1 of 1."""
    calls: list[tuple[int, int | None]] = []
    clairlib.export(sample_document(), "json", io.BytesIO(), progress=lambda *a: calls.append(a))
    assert [(0, 1), (1, 1)] == calls


def test_writers_generated_once_under_threads() -> None:
    """Threads asking a fresh compiler at once all get complete, equal writers."""
    from concurrent.futures import ThreadPoolExecutor

    compiler = json_text.TextCompiler()
    document = sample_document()
    with ThreadPoolExecutor(max_workers=8) as pool:
        texts = list(pool.map(lambda _: compiler.writer(type(document))(document, ""), range(16)))
    assert 1 == len(set(texts))
    assert json.loads(texts[0]) == json_exporter.envelope(document)["document"]
