"""The PDF reader: lines with page and position, the same builder, bad PDFs refused clearly."""

from __future__ import annotations

import pytest
from _pdfs import make_pdf
from clairlib_pdf import pdf_lines

import clairlib
from clairlib.model import AnnualPlan, AnnualReport
from clairlib.plugins import PluginHost
from clairlib.reading import ReadError, Source
from clairlib.testing import ReaderConformance

PLAN = [
    "令和7年度事業計画",
    "1. 自治体の海外における経済活動を支援",
    "○ 情報の発信",
    "セミナーを 3 回開催し、情報を発信する。",
]


def test_registered_through_its_entry_point() -> None:
    """The pdf reader comes from the clairlib-pdf distribution, for .pdf and %PDF-."""
    host = PluginHost()
    assert "pdf" in host.readers()
    assert "clairlib-pdf" in {p.distribution for p in host.plugins() if "pdf" in p.readers}
    assert (".pdf",) == host.readers()["pdf"].suffixes


def test_lines_with_page_and_position() -> None:
    """Each printed line comes with its page, line number and top-left point."""
    lines = pdf_lines(Source(name="plan.pdf", data=make_pdf([PLAN[:2], PLAN[2:]])))
    # Baselines at 800 and 784 pt on an 842 pt page, ascent 0.859 × 11 pt: tops 32.6, 48.6.
    assert [(1, 1, 50, 33), (1, 2, 50, 49), (2, 1, 50, 33), (2, 2, 50, 49)] == [
        (line.page, line.number, line.x, line.y) for line in lines
    ]
    assert PLAN == [line.text for line in lines]


def test_reads_a_plan_with_provenance() -> None:
    """A plan's PDF reads as its text would; the programme knows its page and position."""
    reading = clairlib.read(make_pdf([PLAN]))
    document = reading.document
    assert isinstance(document, AnnualPlan)
    programme = document.sections[0].programmes[0]
    assert ("情報の発信", "I") == (programme.name, programme.pillar)
    assert programme.origin is not None
    assert (1, 3, 50, 65) == (  # baseline 768 pt: top 842 − 768 − 9.4
        programme.origin.page,
        programme.origin.line,
        programme.origin.x,
        programme.origin.y,
    )


def test_page_numbers_left_out() -> None:
    """``- 1 -`` at a page's foot is furniture; the report reads across the page break."""
    pages = [
        ["平成25年度事業報告", "1 海外支援", "<重点事業>", "○ 支援", "- 1 -"],
        ["12 か国で 45 件のイベントを行った。", "- 2 -"],
    ]
    report = clairlib.read(make_pdf(pages)).document
    assert isinstance(report, AnnualReport)
    programme = report.sections[0].programmes[0]
    assert ["12 か国で 45 件のイベントを行った。"] == [b.text for b in programme.body]
    assert [12, 45] == [int(f.value.value) for f in report.figures]


@pytest.mark.parametrize(
    ("data", "says"),
    [
        (make_pdf([["あ"]], encrypted=True), "encrypted: it needs its password"),
        (make_pdf([["あ"]], image_only=True), "no text layer .* it needs OCR first"),
        (make_pdf([[]]), "no text layer"),
        (make_pdf([PLAN])[:300], "a corrupt PDF"),
        (b"%PDF-1.4\n" + bytes(range(256)) * 4, "a corrupt PDF"),
    ],
)
def test_bad_pdfs_are_read_errors(data: bytes, says: str) -> None:
    """Encrypted, scanned, blank, truncated or garbage: one ReadError saying which."""
    with pytest.raises(ReadError, match=says):
        clairlib.read(data)


def test_pdf_suffix_that_is_no_pdf(tmp_path: pytest.TempPathFactory) -> None:
    """A .pdf file that is not a PDF: ReadError, not a pdfminer traceback."""
    path = tmp_path / "report.pdf"  # type: ignore[operator]
    path.write_bytes(b"PK\x03\x04 a zip, not a pdf")
    with pytest.raises(ReadError, match="not a PDF"):
        clairlib.read(path)


class TestPdfConformance(ReaderConformance):
    """The reader half of clairlib's conformance suite, on a small PDF."""

    reader = "pdf"
    distribution = "clairlib-pdf"

    def sample(self) -> bytes:
        """A one-page annual plan."""
        return make_pdf([PLAN])


def test_reader_options_through_read() -> None:
    """``clairlib.read(..., pages=1)`` reads the first page only; an unknown option is refused."""
    data = make_pdf([PLAN, ["○ 二つ目の事業", "情報を発信する。"]])
    plan = clairlib.read(data, pages=1).document
    assert isinstance(plan, AnnualPlan)
    assert ["情報の発信"] == [p.name for p in plan.sections[0].programmes]
    with pytest.raises(ReadError, match="no option 'colour'"):
        clairlib.read(data, colour="red")


def test_radicals_a_font_says_read_as_the_ideographs() -> None:
    """A font whose map says 日 is ⽇ and 人 is ⼈ (pdfplumber gives those): read as 日, 人."""
    import io

    import pdfplumber

    page = ["令和6年度事業報告", "1. 多文化共生の推進", "研修を 7 日間開催し、30 人が参加した。"]
    data = make_pdf([page], to_unicode={"日": "⽇", "人": "⼈"})
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        assert "研修を 7 ⽇間開催し、30 ⼈が参加した。" in pdf.pages[0].extract_text()
    lines = pdf_lines(Source(name="report.pdf", data=data))
    assert page == [line.text for line in lines]
    report = clairlib.read(data).document
    assert isinstance(report, AnnualReport)
    assert [("7", "日間"), ("30", "人")] == [
        (str(figure.value.value), figure.value.unit) for figure in report.figures
    ]


def test_glyphs_with_no_text_are_marked_and_said() -> None:
    """Glyphs the fonts give no text for are U+FFFD in the narrative, with a finding per page."""
    page = [
        "令和6年度事業報告",
        "1. 多文化共生の推進",
        " 各地で研修を実施し、多くの自治体職員が参加した。これにより地域の国際化が一層進ん",
        "だ。",
    ]
    reading = clairlib.read(make_pdf([page], to_unicode={"研": "", "修": ""}))
    report = reading.document
    assert isinstance(report, AnnualReport)
    assert "各地で\ufffd\ufffdを実施し、" in report.sections[0].body[0].text
    (finding,) = [f for f in reading.findings if f.rule == "read.unmapped-glyphs"]
    assert "2 printed characters" in finding.message
    assert "page 1 (2)" in finding.message


def test_a_pdf_whose_fonts_give_no_text_is_refused() -> None:
    """Most glyphs with no text in the fonts: a ReadError that says it needs OCR."""
    page = ["令和6年度事業報告", "1. 多文化共生の推進"]
    data = make_pdf([page], to_unicode=dict.fromkeys("".join(page), ""))
    with pytest.raises(ReadError, match=r"no ToUnicode map.*needs OCR first"):
        clairlib.read(data)
