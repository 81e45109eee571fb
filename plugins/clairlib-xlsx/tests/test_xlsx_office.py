"""LibreOffice opens the workbook and prints its sheets (needs soffice; CI installs it)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

import clairlib
from clairlib.io import load

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"


@pytest.mark.office
def test_libreoffice_converts_the_fy2013_workbook(tmp_path: Path) -> None:
    """Soffice --convert-to pdf reads the FY2013 workbook without an error and prints its text."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    pdftotext = shutil.which("pdftotext")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed; CI installs libreoffice-calc-nogui")
    source = tmp_path / "fy2013.xlsx"
    clairlib.export(load(EXAMPLES / "fy2013-report.json"), "xlsx", source)
    completed = subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    pdf = tmp_path / "fy2013.pdf"
    assert 0 == completed.returncode, completed.stderr
    assert pdf.stat().st_size > 10_000
    if pdftotext is None:
        return
    text = subprocess.run(
        [pdftotext, "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    for expected in (
        "平成25年度事業報告",
        "印刷された数値の照合",
        "ニューヨーク事務所",
        "海外事務所職員内訳",
    ):
        assert expected in text
