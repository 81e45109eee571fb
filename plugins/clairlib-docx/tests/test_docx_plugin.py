"""The plugin: found through its entry point, options from text, warnings for findings."""

from __future__ import annotations

import io
import warnings
from pathlib import Path
from typing import Any

import clairlib_docx
import docx
import pytest
from clairlib_docx import EXPORTER, DocxFindingWarning, DocxOptions

from clairlib import export
from clairlib.errors import DocumentError, ExportError
from clairlib.exporting import build_options
from clairlib.plugins import PluginHost


def test_found_through_its_entry_point() -> None:
    """A fresh plugin host finds the docx exporter in the clairlib-docx distribution."""
    host = PluginHost(strict=True)
    assert EXPORTER == host.exporters()["docx"]
    assert "clairlib-docx" == host.distribution_of("docx")
    assert (".docx", clairlib_docx.DocxOptions) == (EXPORTER.suffix, EXPORTER.options)


def test_export_to_a_path(report: Any, tmp_path: Path) -> None:
    """clairlib.export writes the .docx at the path it returns, readable by python-docx."""
    target = tmp_path / "report.docx"
    assert (target,) == export(report, "docx", target)
    assert "平成25年度事業報告" == docx.Document(str(target)).paragraphs[0].text


def test_options_from_text(report: Any) -> None:
    """Options given as command-line text are converted to their types."""
    options = build_options(
        DocxOptions, {"font_size": "12", "include_personal": "yes", "on_finding": "ignore"}
    )
    assert (12.0, True, "ignore") == (
        options.font_size,
        options.include_personal,
        options.on_finding,
    )


@pytest.mark.parametrize(
    ("values", "named"),
    [
        ({"font_size": "0"}, "font_size"),
        ({"font_size": "40"}, "font_size"),
        ({"font": ""}, "font"),
        ({"heading_font": "ゴシック\x00"}, "heading_font"),
        ({"title": "題\x01"}, "title"),
        ({"on_finding": "shout"}, "on_finding"),
    ],
)
def test_bad_options_refused(report: Any, values: dict[str, str], named: str) -> None:
    """A bad option value is an ExportError naming the option, and nothing is written."""
    stream = io.BytesIO()
    with pytest.raises(ExportError, match=named):
        export(report, "docx", stream, **values)
    assert b"" == stream.getvalue()


def test_findings_are_warnings_through_export(make: Any, tmp_path: Path) -> None:
    """Through clairlib.export each finding is a DocxFindingWarning carrying the Finding."""
    report = make(issuer="自治体\x00国際化協会")
    with pytest.warns(DocxFindingWarning) as caught:
        export(report, "docx", tmp_path / "r.docx")
    findings = [w.message.finding for w in caught if isinstance(w.message, DocxFindingWarning)]
    assert [("docx.invalid-xml-char", "$.issuer")] == [(f.rule, f.path) for f in findings]
    assert "@ $.issuer" in str(caught[0].message)
    assert (tmp_path / "r.docx").exists()


def test_findings_can_be_an_error(make: Any, tmp_path: Path) -> None:
    """on_finding="error" refuses the document, lists the findings, leaves no file."""
    report = make(issuer="自治体\x00国際化協会")
    target = tmp_path / "r.docx"
    with pytest.raises(DocumentError) as raised:
        export(report, "docx", target, on_finding="error")
    assert not target.exists()
    assert [] == [p.name for p in tmp_path.iterdir()]
    assert ["$.issuer"] == [finding.path for finding in raised.value.findings]


def test_findings_can_be_ignored(make: Any) -> None:
    """on_finding="ignore" writes the cleaned document without a word."""
    report = make(issuer="自治体\x00国際化協会")
    stream = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        export(report, "docx", stream, on_finding="ignore")
    assert stream.getvalue().startswith(b"PK")


def test_only_documents_are_written() -> None:
    """Anything but a plan or report is refused with an ExportError."""
    with pytest.raises(ExportError, match="AnnualReport"):
        clairlib_docx.write_docx("not a document", io.BytesIO())  # type: ignore[arg-type]
