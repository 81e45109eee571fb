"""LibreOffice opens the .docx and prints the Japanese text (needs soffice; CI installs it)."""

from __future__ import annotations

import re
import shutil
import subprocess
import zlib
from pathlib import Path
from typing import Any

import pytest
from clairlib_docx import write_docx

EXPECTED = (
    "平成25年度事業報告",
    "自治体の海外における経済活動を支援",
    "<重点事業>",
    "海外で開催･参加した経済交流関係イベント等一覧",
    "アメリカ",
    "ジャパンウィーク",
    "1,035",
    "【管理関係】(理事会等の状況)",
    "第59回理事会(平成25年6月25日開催)",
)
_STREAM = re.compile(rb"stream\r?\n(.*?)\r?\nendstream", re.DOTALL)
_BFCHAR = re.compile(rb"beginbfchar(.*?)endbfchar", re.DOTALL)
_BFRANGE = re.compile(rb"beginbfrange(.*?)endbfrange", re.DOTALL)
_HEX = re.compile(rb"<([0-9A-Fa-f]+)>")


def _pdf(report: Any, directory: Path) -> Path:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed; CI installs libreoffice-writer-nogui")
    source = directory / "report.docx"
    with source.open("wb") as stream:
        write_docx(report, stream)
    profile = (directory / "profile").as_uri()
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(directory),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    pdf = directory / "report.pdf"
    assert pdf.exists(), "LibreOffice wrote no PDF"
    return pdf


def _utf16(hex_text: bytes) -> str:
    return bytes.fromhex(hex_text.decode()).decode("utf-16-be", errors="replace")


def _mapped_characters(pdf: bytes) -> set[str]:
    """Every character the PDF's fonts map their glyphs to (their ToUnicode tables)."""
    characters: set[str] = set()
    for match in _STREAM.finditer(pdf):
        try:
            data = zlib.decompress(match.group(1))
        except zlib.error:
            continue
        for block in _BFCHAR.findall(data):
            pairs = _HEX.findall(block)
            characters.update(_utf16(destination) for destination in pairs[1::2])
        for block in _BFRANGE.findall(data):
            values = _HEX.findall(block)
            for low, high, first in zip(values[::3], values[1::3], values[2::3], strict=False):
                start = ord(_utf16(first)[-1])
                for offset in range(int(high, 16) - int(low, 16) + 1):
                    characters.add(chr(start + offset))
    return characters


@pytest.mark.office
def test_libreoffice_prints_the_japanese_text(report: Any, tmp_path: Path) -> None:
    """Converted to PDF by LibreOffice, the report's Japanese headings and cells come out."""
    pdf = _pdf(report, tmp_path)
    pdftotext = shutil.which("pdftotext")
    if pdftotext is not None:
        text = subprocess.run(
            [pdftotext, "-enc", "UTF-8", str(pdf), "-"],
            check=True,
            capture_output=True,
            timeout=120,
        ).stdout.decode("utf-8")
        flat = re.sub(r"\s+", "", text)
        missing = [phrase for phrase in EXPECTED if re.sub(r"\s+", "", phrase) not in flat]
        assert [] == missing
    else:
        # Without poppler, read the fonts' ToUnicode maps: every character of the expected
        # text must have been drawn with a glyph that stands for it.
        mapped = _mapped_characters(pdf.read_bytes())
        wanted = {char for phrase in EXPECTED for char in phrase if not char.isspace()}
        assert set() == wanted - mapped
