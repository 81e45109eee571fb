"""Closed loop: each example → Word → LibreOffice PDF → read the PDF and the .docx → the example.

Needs soffice (CI installs LibreOffice). The sections, programmes and narrative
read back must be the example's.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

import clairlib
from clairlib.model import AnnualReport
from clairlib.reading._compare import compare

ROOT = Path(__file__).resolve().parents[3]
EXAMPLES = ("fy2011-plan", "fy2025-plan", "fy2013-report", "midterm-plan-2022")


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every example exported to Word and converted to PDF by LibreOffice, once."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed; CI installs libreoffice-writer-nogui")
    directory = tmp_path_factory.mktemp("loop")
    for name in EXAMPLES:
        document = clairlib.load(ROOT / "examples" / f"{name}.json")
        clairlib.export(document, "docx", directory / f"{name}.docx")
    profile = (directory / "profile").as_uri()
    subprocess.run(
        [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(directory), *(str(directory / f"{n}.docx") for n in EXAMPLES)],
        check=True,
        capture_output=True,
        timeout=600,
    )  # fmt: skip
    return directory


CASES = [pytest.param(name, suffix) for name in EXAMPLES for suffix in (".pdf", ".docx")]


@pytest.mark.office
@pytest.mark.parametrize(("name", "suffix"), CASES)
def test_printed_example_reads_back(printed: Path, name: str, suffix: str) -> None:
    """The same sections, programmes and narrative as the example, from the PDF and the .docx."""
    expected = clairlib.load(ROOT / "examples" / f"{name}.json")
    reading = clairlib.read(printed / f"{name}{suffix}")
    comparison = compare(expected, reading.document)
    assert comparison.narrative_share >= 0.99
    assert [] == comparison.outline_diff


@pytest.mark.office
@pytest.mark.parametrize("suffix", [".pdf", ".docx"])
def test_printed_tables_give_their_cells(printed: Path, suffix: str) -> None:
    """The FY2013 report's tables come back placed: most of them with rows of cells."""
    report = clairlib.read(printed / f"fy2013-report{suffix}").document
    assert isinstance(report, AnnualReport)
    placed = [table for table in report.tables if table.rows]
    assert len(placed) * 4 >= len(report.tables) * 3
    first = next(t for t in placed if "経済交流関係イベント" in t.caption)
    assert ["国名", "件数", "開催場所", "イベント", "開催時期"] == [c.label for c in first.columns]


EXTRACTIONS = [pytest.param(name, layout) for name in EXAMPLES for layout in (False, True)]


@pytest.mark.office
@pytest.mark.parametrize(("name", "layout"), EXTRACTIONS)
def test_printed_example_reads_back_from_pdftotext(
    printed: Path, tmp_path: Path, name: str, layout: bool
) -> None:
    """The printed PDF's text from pdftotext, plain or -layout, reads back as the example."""
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        pytest.skip("pdftotext is not installed; CI installs poppler-utils")
    text = tmp_path / f"{name}.txt"
    flags = ["-layout"] if layout else []
    subprocess.run(
        [pdftotext, *flags, str(printed / f"{name}.pdf"), str(text)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    expected = clairlib.load(ROOT / "examples" / f"{name}.json")
    comparison = compare(expected, clairlib.read(text).document)
    assert comparison.narrative_share >= 0.99
    assert [] == comparison.outline_diff
    assert comparison.figure_share >= 0.95
