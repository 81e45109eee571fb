"""The Excel exporter's workbook, opened with openpyxl: sheets, types, layout, hostile text."""

from __future__ import annotations

import io
import warnings
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import openpyxl
import pytest
from clairlib_xlsx import XlsxFindingWarning, XlsxOptions, write_xlsx
from clairlib_xlsx._summary import wrapped_lines

import clairlib
from clairlib.calendar import FiscalYear, Period
from clairlib.errors import DocumentError
from clairlib.io import load
from clairlib.model import (
    AnnualReport,
    Block,
    BlockKind,
    Column,
    ColumnRole,
    Event,
    EventKind,
    Indicator,
    Measurement,
    Programme,
    Publication,
    Quantity,
    Row,
    RowKind,
    Section,
    Table,
    Venue,
)
from clairlib.testing import ExporterConformance, sample_document

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"


class TestXlsxConformance(ExporterConformance):
    """The Excel exporter passes the suite every exporter runs."""

    exporter = "xlsx"
    distribution = "clairlib-xlsx"


def _report(**fields: Any) -> AnnualReport:
    return AnnualReport(id="r", title="平成25年度事業報告", fiscal_year=FiscalYear(2013), **fields)


def _workbook(document: AnnualReport, **options: Any) -> Any:
    stream = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", XlsxFindingWarning)
        clairlib.export(document, "xlsx", stream, **options)
    stream.seek(0)
    return openpyxl.load_workbook(stream)


def _cells(sheet: Any, row: int) -> dict[str, Any]:
    header = [cell.value for cell in sheet[1]]
    return dict(zip(header, [cell.value for cell in sheet[row]], strict=True))


EVENT = Event(
    id="e1",
    name="ニューヨーク観光展への出展",
    offices=("NYC",),
    venue=Venue(text="ニューヨーク", countries=("US",)),
    period=Period.month(2013, 8),
    kind=EventKind.EXHIBITION,
)
ACCESSES = Quantity.parse("約 250 万件")


def test_sheets_summary_first_then_records_then_printed_tables() -> None:
    """A report gives 概要, its record tables in the CSV order, then its printed tables."""
    table = Table(id="t1", caption="一覧", columns=(Column(key="a", label="名称"),))
    names = _workbook(_report(events=(EVENT,), tables=(table,))).sheetnames
    assert "概要" == names[0]
    assert ["events", "participants", "local_governments", "breakdowns"] == names[1:5]
    assert "t1" == names[-1]


def test_event_cells_are_typed_with_names_beside_codes() -> None:
    """Codes have names beside them, a period real dates, the kind its Japanese word."""
    sheet = _workbook(_report(events=(EVENT,)))["events"]
    cells = _cells(sheet, 2)
    assert "NYC" == cells["事務所"]
    assert "ニューヨーク事務所" == cells["事務所名"]
    assert "アメリカ合衆国" == cells["開催国名"]
    assert "2013-08" == cells["期間"]
    assert datetime(2013, 8, 1) == cells["期間（開始日）"]
    assert datetime(2013, 8, 31) == cells["期間（終了日）"]
    assert "yyyy-mm-dd" == sheet["L2"].number_format
    assert "展示会" == cells["種別"]


def test_indicator_ids_have_their_names_beside_them() -> None:
    """A measurement's indicator id has the indicator's name beside it (指標名)."""
    indicator = Indicator(id="kpi-jet", name="JET プログラム参加者数", unit="人")
    measurement = Measurement(
        id="m1", indicator="kpi-jet", fiscal_year=FiscalYear(2013), value=Quantity.of(4372, "人")
    )
    sheet = _workbook(_report(indicators=(indicator,), measurements=(measurement,)))["measurements"]
    header = [cell.value for cell in sheet[1]]
    at = header.index("指標ID")
    assert ["指標名", "kpi-jet", "JET プログラム参加者数"] == [
        header[at + 1],
        sheet.cell(row=2, column=at + 1).value,
        sheet.cell(row=2, column=at + 2).value,
    ]


def test_programme_codes_have_their_names_beside_them() -> None:
    """A record's programme id has the name the document gives the programme beside it."""
    sheet = _workbook(load(EXAMPLES / "fy2013-report.json"))["grants"]
    header = [cell.value for cell in sheet[1]]
    assert ["事業", "事業名"] == header[1:3]
    # g1-001 is counted under ① of the printed report's first pillar.
    name = "自治体の経済活動に対する助言、支援及び情報提供とネットワークの構築"
    assert ("g1-001", "p1-1", name) == (sheet["A2"].value, sheet["B2"].value, sheet["C2"].value)
    english = _workbook(sample_document(), headers="en")["events"]
    assert ["programme", "programme_name"] == [english["C1"].value, english["D1"].value]
    assert ["p1", "Tourism and trade fairs abroad"] == [english["C2"].value, english["D2"].value]
    unnamed = _workbook(_report(events=(attrs.evolve(EVENT, programme="p9-9"),)))["events"]
    assert ["p9-9", None] == [unnamed["C2"].value, unnamed["D2"].value]


def test_quantity_magnitude_is_a_number_with_its_printed_text_beside() -> None:
    """約 250 万件 is the number 2500000, with 250, 件, 10000, 約 and the text beside."""
    publication = Publication(id="w1", title="ウェブ", kind="web", accesses=ACCESSES)
    cells = _cells(_workbook(_report(publications=(publication,)))["publications"], 2)
    assert 2_500_000 == cells["アクセス数"]
    assert isinstance(cells["アクセス数"], int | float)
    assert [250, "件", 10_000, "約", "約 250 万件"] == [
        cells["アクセス数（記載値）"], cells["アクセス数（単位）"], cells["アクセス数（倍率）"],
        cells["アクセス数（修飾）"], cells["アクセス数（表記）"],
    ]  # fmt: skip


def test_a_printed_value_a_double_cannot_hold_stays_text() -> None:
    """2.0 and 0.1000 keep their printed digits as text; the magnitude stays a number."""
    publications = tuple(
        Publication(id=f"w{n}", title="t", kind="web", accesses=Quantity(value=Decimal(v)))
        for n, v in enumerate(["2.0", "0.1000", "68.5"])
    )
    sheet = _workbook(_report(publications=publications), headers="en")["publications"]
    assert ["2.0", "0.1000", 68.5] == [_cells(sheet, row)["accesses_printed"] for row in (2, 3, 4)]
    assert [2, 0.1, 68.5] == [_cells(sheet, row)["accesses"] for row in (2, 3, 4)]


def test_header_frozen_filtered_and_in_a_japanese_font() -> None:
    """The header row is frozen and filtered; every cell is in 游ゴシック; widths fit 名称."""
    sheet = _workbook(_report(events=(EVENT, EVENT.__class__(id="e2", name="x"))))["events"]
    assert "A2" == sheet.freeze_panes
    assert "A1:S3" == sheet.auto_filter.ref
    assert "游ゴシック" == sheet["B2"].font.name
    assert "游ゴシック" == sheet["A1"].font.name
    # ニューヨーク観光展への出展: 13 wide characters, 26 character widths.
    assert 26 <= sheet.column_dimensions["B"].width <= 30


def test_enumerations_have_a_drop_down_of_their_words() -> None:
    """The kind column offers its Japanese words, from the first data row to Excel's last."""
    sheet = _workbook(_report(events=(EVENT,)))["events"]
    [validation] = [v for v in sheet.data_validations.dataValidation if "O2" in v.sqref]
    assert "list" == validation.type
    assert "O2:O1048576" == str(validation.sqref)
    assert validation.formula1.startswith('"展示会,プロモーション,レセプション,セミナー,')
    english = _workbook(_report(events=(EVENT,)), headers="en")["events"]
    assert "kind" == english["O1"].value
    assert "exhibition" == english["O2"].value


def test_printed_table_as_printed() -> None:
    """Caption, a group header spanning its columns, a group banner and a bold 計 row."""
    table = Table(
        id="t2-1",
        caption="平成25年度 多文化共生関係研修実施状況",
        columns=(
            Column(key="name", label="研修名"),
            Column(key="days", label="日数", role=ColumnRole.SUM, group="実施状況"),
            Column(key="people", label="参加者数", role=ColumnRole.SUM, group="実施状況"),
        ),
        rows=(
            Row(cells={"name": "多文化共生セミナー", "days": Quantity.of(2),
                       "people": Quantity.of(35)}, group="東京"),
            Row(cells={"name": "計", "days": Quantity.of(2), "people": Quantity.parse("約 35 名")},
                kind=RowKind.TOTAL),
        ),
        notes=("※ 延べ人数",),
    )  # fmt: skip
    sheet = _workbook(_report(tables=(table,)))["t2-1"]
    assert "平成25年度 多文化共生関係研修実施状況" == sheet["A1"].value
    assert {"A1:C1", "B2:C2", "A2:A3", "A4:C4"} == {str(r) for r in sheet.merged_cells.ranges}
    assert ["実施状況", "日数", "参加者数", "東京"] == [
        sheet[c].value for c in ("B2", "B3", "C3", "A4")
    ]
    assert ["多文化共生セミナー", 2, 35] == [cell.value for cell in sheet[5]]
    assert ["計", 2, "約 35 名"] == [cell.value for cell in sheet[6]]
    assert sheet["A6"].font.bold
    assert sheet["B6"].font.bold
    assert not sheet["B5"].font.bold
    assert "※ 延べ人数" == sheet["A7"].value
    assert "A4" == sheet.freeze_panes


def test_a_table_kept_as_printed_text_is_its_lines_under_the_caption() -> None:
    """A table with no rows placed is its TABLE block's printed lines, one a row, in column A."""
    table = Table(id="t9", caption="平成25年度 取材協力等一覧")
    block = Block(kind=BlockKind.TABLE, ref="t9", text="国\n名\n\n=名称等 開催時期")
    programme = Programme(id="p1", name="海外での PR", body=(block,))
    section = Section(id="s1", title="節", programmes=(programme,))
    sheet = _workbook(_report(sections=(section,), tables=(table,)))["t9"]
    assert ["平成25年度 取材協力等一覧", "国", "名", None, "=名称等 開催時期"] == [
        sheet.cell(row, 1).value for row in range(1, 6)
    ]
    assert "s" == sheet["A5"].data_type  # written as text, never as a formula


def test_a_placed_tables_printed_text_is_not_written() -> None:
    """A table with rows is its grid only: its block's printed text is not added under it."""
    table = Table(
        id="t9",
        caption="一覧",
        columns=(Column(key="name", label="名称"),),
        rows=(Row(cells={"name": "観光展"}),),
    )
    block = Block(kind=BlockKind.TABLE, ref="t9", text="名称\n観光展")
    programme = Programme(id="p1", name="事業", body=(block,))
    sheet = _workbook(_report(sections=(Section(id="s1", title="節", programmes=(programme,)),),
                               tables=(table,)))["t9"]  # fmt: skip
    assert ["一覧", "名称", "観光展", None] == [sheet.cell(row, 1).value for row in range(1, 5)]


def test_formula_payloads_are_text() -> None:
    """=1+1 and =HYPERLINK(…) are strings in the file, never formulas."""
    payloads = ("=1+1", '=HYPERLINK("http://example.invalid","x")', "@SUM(1)", "+1", "-1")
    events = tuple(Event(id=f"e{n}", name=payload) for n, payload in enumerate(payloads))
    sheet = _workbook(_report(events=events))["events"]
    assert list(payloads) == [sheet.cell(row, 2).value for row in range(2, 2 + len(payloads))]
    assert {"s"} == {sheet.cell(row, 2).data_type for row in range(2, 2 + len(payloads))}


def test_hostile_cells_give_findings_not_a_broken_file() -> None:
    """A 40,000-character name is cut with an error finding; a bad sheet name is changed."""
    table = Table(id="a/b[c]:*?" + "表" * 40, caption="x")
    events = (Event(id="e1", name="あ" * 40_000), Event(id="e2", name="NUL\x00BEL\x07"))
    stream = io.BytesIO()
    findings = write_xlsx(_report(events=events, tables=(table,)), stream)
    assert [
        ("xlsx.text-too-long", "$.events[0].name"),
        ("xlsx.control-character", "$.events[1].name"),
        ("xlsx.sheet-name", "$.tables[0]"),
    ] == [(finding.rule, finding.path) for finding in findings]
    assert "expected at most 32,767 characters in a cell, found 40,000" in findings[0].message
    stream.seek(0)
    workbook = openpyxl.load_workbook(stream)
    assert 32_767 == len(workbook["events"]["B2"].value)
    assert "a_b_c____" + "表" * 22 == workbook.sheetnames[-1]
    summary = [row[3] for row in workbook["概要"].iter_rows(values_only=True)]
    assert any(m and m.startswith("expected at most 32,767") for m in summary)


def test_findings_warn_through_export_or_refuse_on_request() -> None:
    """Through clairlib.export a finding is a warning; on_finding=error writes nothing."""
    document = _report(events=(Event(id="e1", name="あ" * 40_000),))
    with pytest.warns(XlsxFindingWarning, match="expected at most 32,767 characters"):
        clairlib.export(document, "xlsx", io.BytesIO())
    stream = io.BytesIO()
    with pytest.raises(DocumentError):
        write_xlsx(document, stream, XlsxOptions(on_finding="error"))
    assert b"" == stream.getvalue()


def test_summary_lists_the_coverage_and_validation_findings() -> None:
    """The sample report's summary names it and lists the findings of validation."""
    sheet = _workbook(sample_document())["概要"]
    rows = list(sheet.iter_rows(values_only=True))
    assert sample_document().title == rows[0][0]
    assert ("種別", "事業報告") == rows[2][:2]
    labels = [row[0] for row in rows]
    assert "印刷された数値の照合" in labels
    assert "検証と書き出しの指摘" in labels


@pytest.mark.parametrize(
    ("text", "width", "expected"),
    [
        ("あ" * 29, 60.0, 1),
        ("あ" * 30, 60.0, 2),
        ("a" * 117, 60.0, 3),
        ("abc\nde", 60.0, 2),
        ("", 60.0, 1),
    ],
)
def test_a_message_wraps_to_the_lines_its_width_needs(
    text: str, width: float, expected: int
) -> None:
    """Wide characters count two, a cell keeps two widths of margin, line breaks start lines."""
    assert expected == wrapped_lines(text, width)


def test_a_long_finding_gets_a_row_as_tall_as_its_wrapped_lines() -> None:
    """A message wider than its column wraps, and its row is heightened to show every line."""
    sheet = _workbook(load(EXAMPLES / "fy2013-report.json"))["概要"]
    tall = [
        (cell.alignment.wrap_text, sheet.row_dimensions[cell.row].height)
        for cell in sheet["D"]
        if isinstance(cell.value, str) and len(cell.value) > 80
    ]
    assert tall
    assert all(wrap and height is not None and height > 15 for wrap, height in tall)
    # The severity, rule and place stand at the top of the row, beside the message's start.
    assert {"top"} == {sheet.cell(row=cell.row, column=1).alignment.vertical for cell in sheet["D"]
                       if isinstance(cell.value, str) and len(cell.value) > 80}  # fmt: skip


def test_sheets_print_on_a4_one_page_wide() -> None:
    """On A4: the summary and printed tables one page wide; record sheets repeat header and id."""
    document = sample_document()
    workbook = _workbook(document)
    printed = {table.id for table in document.tables}
    fitted = [workbook["概要"], *(sheet for sheet in workbook.worksheets if sheet.title in printed)]
    assert len(fitted) > 1
    for sheet in fitted:
        assert (9, True, 1, 0) == (
            int(sheet.page_setup.paperSize),
            sheet.sheet_properties.pageSetUpPr.fitToPage,
            # Left out of the file when 1, the value OOXML takes by default.
            int(sheet.page_setup.fitToWidth or 1),
            int(sheet.page_setup.fitToHeight),
        )
    events = workbook["events"]
    assert (9, "landscape", "$1:$1", "$A:$A") == (
        int(events.page_setup.paperSize),
        events.page_setup.orientation,
        events.print_title_rows,
        events.print_title_cols,
    )
    assert not (
        events.sheet_properties.pageSetUpPr and events.sheet_properties.pageSetUpPr.fitToPage
    )
