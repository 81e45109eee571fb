"""The Word reader: a .docx draft reads as its text would; a bad file is a ReadError."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest

import clairlib
from clairlib.model import AnnualPlan, AnnualReport, Priority, RowKind
from clairlib.plugins import PluginHost
from clairlib.reading import ReadError
from clairlib.testing import ReaderConformance


def _draft(*paragraphs: str, table: list[list[str]] | None = None) -> bytes:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, cells in enumerate(table):
            for c, text in enumerate(cells):
                grid.cell(r, c).text = text
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_registered_beside_the_writer() -> None:
    """clairlib-docx provides the docx reader as well as the docx exporter."""
    host = PluginHost()
    assert "docx" in host.readers()
    assert ("docx",) == next(p.readers for p in host.plugins() if "docx" in p.exporters)


def test_reads_a_report_draft() -> None:
    """Paragraphs in order: section, 重点事業, programme, narrative with its figures."""
    data = _draft(
        "平成25年度事業報告",
        "1 自治体の海外における経済活動を支援",
        "<重点事業>",
        "○ 海外経済活動支援",
        "各海外事務所において、12 か国で 45 件のイベントに出展等を行った。",
    )
    reading = clairlib.read(data)
    report = reading.document
    assert isinstance(report, AnnualReport)
    programme = report.sections[0].programmes[0]
    assert ("海外経済活動支援", Priority.PRIORITY) == (programme.name, programme.priority)
    assert [12, 45] == [int(f.value.value) for f in report.figures]
    assert programme.origin is not None
    assert 4 == programme.origin.line  # the fourth paragraph of the body


def test_table_rows_are_lines_under_the_caption() -> None:
    """A Word table under a caption is kept as its printed rows, with a finding."""
    data = _draft(
        "令和7年度事業計画",
        "1. 自治体の海外における経済活動を支援",
        "○ 情報の発信",
        "セミナーを開催し、情報を発信する。",
        "<令和 7 年度 海外経済セミナー一覧>",
        table=[["名称", "開催時期"], ["海外経済セミナー", "令和7年9月"]],
    )
    plan = clairlib.read(data).document
    assert isinstance(plan, AnnualPlan)
    blocks = plan.sections[0].programmes[0].body
    assert "名称 開催時期\n海外経済セミナー 令和7年9月" == blocks[-1].text


@pytest.mark.parametrize(
    ("data", "says"),
    [
        (b"PK\x03\x04 not really a zip", "not a readable Word file"),
        (b"just text", "not a Word file"),
    ],
)
def test_bad_word_files(tmp_path: pytest.TempPathFactory, data: bytes, says: str) -> None:
    """A .docx that is no zip or a broken one: ReadError saying so."""
    path = tmp_path / "draft.docx"  # type: ignore[operator]
    path.write_bytes(data)
    with pytest.raises(ReadError, match=says):
        clairlib.read(path)


def test_zip_without_a_document(tmp_path: pytest.TempPathFactory) -> None:
    """A zip that holds no Word document: ReadError, not a KeyError."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("hello.txt", "hello")
    path = tmp_path / "draft.docx"  # type: ignore[operator]
    path.write_bytes(out.getvalue())
    with pytest.raises(ReadError, match="Word file"):
        clairlib.read(path)


class TestDocxReaderConformance(ReaderConformance):
    """The reader half of clairlib's conformance suite, on a small Word draft."""

    reader = "docx"
    distribution = "clairlib-docx"

    def sample(self) -> bytes:
        """A one-programme annual plan."""
        return _draft(
            "令和7年度事業計画",
            "1. 自治体の海外における経済活動を支援",
            "○ 情報の発信",
            "セミナーを開催し、情報を発信する。",
        )


def test_word_tables_give_their_cells() -> None:
    """A report's Word table: header as columns, rows cell by cell, 計 as the total."""
    data = _draft(
        "平成25年度事業報告",
        "1 自治体の海外における経済活動を支援",
        "<重点事業>",
        "○ 海外経済活動支援",
        "各海外事務所において、45 件のイベントに出展等を行った。",
        "<平成 25 年度 海外経済セミナー一覧>",
        table=[["名称", "参加者数"], ["観光分野", "35"], ["物産分野", "47"], ["計", "82"]],
    )
    report = clairlib.read(data).document
    assert isinstance(report, AnnualReport)
    table = report.tables[0]
    assert ("平成 25 年度 海外経済セミナー一覧", ["名称", "参加者数"]) == (
        table.caption,
        [column.label for column in table.columns],
    )
    assert [{"c1": "観光分野", "c2": "35"}, {"c1": "物産分野", "c2": "47"}] == [
        row.cells for row in table.rows[:2]
    ]
    assert [RowKind.DATA, RowKind.DATA, RowKind.TOTAL] == [row.kind for row in table.rows]
    assert "1.1" == table.programme


def test_radicals_read_as_the_ideographs() -> None:
    """A draft made from a PDF keeps its fonts' radicals (⼈, ⽇): read as 人 and 日."""
    data = _draft(
        "令和6年度事業報告",
        "1. 多⽂化共⽣の推進",
        "○ 研修の実施",
        "研修を 7 ⽇間開催し、30 ⼈が参加した。",
    )
    document = clairlib.read(data).document
    assert isinstance(document, AnnualReport)
    assert "多文化共生の推進" == document.sections[0].title
    assert ["研修を 7 日間開催し、30 人が参加した。"] == [
        block.text for block in document.sections[0].programmes[0].body
    ]
    assert [("7", "日間"), ("30", "人")] == [
        (str(figure.value.value), figure.value.unit) for figure in document.figures
    ]


def test_radicals_in_table_cells_read_as_the_ideographs() -> None:
    """A Word table's cells lose their radicals too (``⼈数``: 人数)."""
    data = _draft(
        "令和6年度事業報告",
        "1. 多文化共生の推進",
        "<令和 6 年度 研修参加者一覧>",
        table=[["国名", "⼈数"], ["アメリカ", "3"]],
    )
    document = clairlib.read(data).document
    assert isinstance(document, AnnualReport)
    table = document.tables[0]
    assert (["国名", "人数"], [{"c1": "アメリカ", "c2": "3"}]) == (
        [column.label for column in table.columns],
        [row.cells for row in table.rows],
    )


def _styled(*paragraphs: tuple[str, str | None]) -> bytes:
    document = docx.Document()
    for text, style in paragraphs:
        document.add_paragraph(text, style=style)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_headings_word_numbers_itself_are_sections_by_their_style() -> None:
    """Heading 1 and 2 with no number in their text: sections and subsections, in order."""
    data = _styled(
        ("令和6年度事業報告", "Title"),
        ("多文化共生の推進", "Heading 1"),
        ("アドバイザー制度の運営", "Heading 2"),
        ("新たに5名のアドバイザーを登録した。", None),
        ("○ 設置訓練", None),
        ("全国3か所で訓練を実施した。", None),
        ("地域の国際協力の推進", "Heading 1"),
        ("(1) 自治体職員協力交流事業", None),
        ("海外の自治体職員12名を受け入れた。", None),
    )
    report = clairlib.read(data).document
    assert isinstance(report, AnnualReport)
    outline = [
        (section.id, section.number, section.title, [p.name for p in section.programmes])
        for top in report.sections
        for section in (top, *top.sections)
    ]
    assert [
        ("1", None, "多文化共生の推進", []),
        ("1(1)", None, "アドバイザー制度の運営", ["設置訓練"]),
        ("2", None, "地域の国際協力の推進", []),
        ("2(1)", "(1)", "自治体職員協力交流事業", []),
    ] == outline


def test_a_heading_style_deeper_than_the_outline_nests_one_level_down() -> None:
    """Heading 3 right under Heading 1: a subsection, not a level with none above it."""
    data = _styled(
        ("令和6年度事業報告", "Title"),
        ("多文化共生の推進", "Heading 1"),
        ("アドバイザー制度の運営", "Heading 3"),
        ("新たに5名のアドバイザーを登録した。", None),
    )
    report = clairlib.read(data).document
    assert isinstance(report, AnnualReport)
    assert ["アドバイザー制度の運営"] == [s.title for s in report.sections[0].sections]
