"""LibreOffice opens the .docx and prints the Japanese text (needs soffice; CI installs it)."""

from __future__ import annotations

import re
import shutil
import subprocess
import zlib
from pathlib import Path
from typing import Any

import docx
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


# -- the examples, rendered page by page ---------------------------------------------------

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"
_SPACE = re.compile(r"\s+")


def _flat(text: str) -> str:
    return _SPACE.sub("", text)


def _pages(name: str, directory: Path) -> tuple[Any, Any, list[list[str]]]:
    """The example, its .docx read back, and each rendered page's lines (pdftotext)."""
    from clairlib.io import load

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    pdftotext = shutil.which("pdftotext")
    if soffice is None or pdftotext is None:
        pytest.skip("LibreOffice and poppler (pdftotext) are needed; CI installs them")
    document = load(EXAMPLES / name)
    source = directory / "example.docx"
    with source.open("wb") as stream:
        write_docx(document, stream)
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={(directory / 'profile').as_uri()}",
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
    text = subprocess.run(
        [pdftotext, "-enc", "UTF-8", str(directory / "example.pdf"), "-"],
        check=True,
        capture_output=True,
        timeout=120,
    ).stdout.decode("utf-8")
    pages = [
        [line.strip() for line in page.splitlines() if line.strip()] for page in text.split("\f")
    ]
    return document, docx.Document(str(source)), [page for page in pages if page]


def _headings(word: Any) -> list[str]:
    return [
        _flat(p.text)
        for p in word.paragraphs
        if p.style.name.startswith(("Heading", "Title")) and p.text.strip()
    ]


def _check_rendered(document: Any, word: Any, pages: list[list[str]]) -> None:
    lines = [line for page in pages for line in page]
    flat = _flat("".join(lines))
    # Every heading and caption is printed.
    captions = [_flat(p.text) for p in word.paragraphs if p.style.name == "caption" and p.text]
    assert [] == [text for text in _headings(word) + captions if text not in flat]
    # Every number a table prints stands whole on one line: none is broken.
    numbers = {
        _flat(cell.text)
        for table in word.tables
        for row in table.rows
        for cell in row.cells
        if re.fullmatch(r"[\d,.]{3,}", _flat(cell.text))
    }
    broken = sorted(n for n in numbers if not any(n in _flat(line) for line in lines))
    assert [] == broken
    # Every 計 row is printed: its label with its first figure beside it (pdftotext may
    # give a row's cells in either order, so "beside" is within a few lines).
    missing = []
    for table in word.tables:
        for row in table.rows:
            texts = [_flat(cell.text) for cell in row.cells]
            if not texts or texts[0] != "計":
                continue
            figures = [t for t in texts[1:] if re.fullmatch(r"[\d,.]+", t)]
            near = [
                _flat("".join(lines[max(0, i - 6) : i + 7]))
                for i, line in enumerate(lines)
                if _flat(line).startswith("計")
            ]
            if not any(figures[0] in part for part in near) if figures else not near:
                missing.append(f"計 {figures[:1]}")
    assert [] == missing
    # No page ends with a heading (the last line is the page number).
    headings = set(_headings(word))
    ends = [page[-2] for page in pages if len(page) >= 2]
    assert [] == [end for end in ends if _flat(end) in headings]


@pytest.mark.office
def test_fy2013_report_rendered_by_libreoffice(tmp_path: Path) -> None:
    """FY2013: headings, captions, unbroken numbers and 計 rows print; no page ends on a heading."""
    document, word, pages = _pages("fy2013-report.json", tmp_path)
    assert len(document.tables) <= len(word.tables)
    _check_rendered(document, word, pages)


@pytest.mark.office
def test_fy2025_plan_rendered_by_libreoffice(tmp_path: Path) -> None:
    """FY2025 plan: every section heading prints, and no page ends on a heading."""
    document, word, pages = _pages("fy2025-plan.json", tmp_path)
    _check_rendered(document, word, pages)
