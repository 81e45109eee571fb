"""Reading workbooks back: the export's round trip, plain sheets, problems addressed by cell."""

from __future__ import annotations

import io
import warnings
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
import xlsxwriter
from clairlib_xlsx import XlsxFindingWarning, read_xlsx
from clairlib_xlsx._read import column_letter
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import clairlib
from clairlib.calendar import FiscalYear, Period
from clairlib.cli import EXIT_OK, run
from clairlib.errors import DocumentError
from clairlib.exporting.tables import TABLES
from clairlib.findings import Severity
from clairlib.io import load
from clairlib.model import AnnualReport, Document, Event, EventKind, Quantity
from clairlib.plugins import get_plugin_manager
from clairlib.reading import Hints
from clairlib.testing import hostile_document, sample_document
from tests import strategies

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"
RECORDS = (
    "events", "persons", "grants", "publications", "indicators", "targets", "measurements",
    "figures", "meetings",
)  # fmt: skip


def _programmes(sections: Any) -> Any:
    for section in sections:
        yield from section.programmes
        yield from _programmes(section.sections)


def _records(document: Document) -> dict[str, Any]:
    records = {name: getattr(document, name, ()) for name in RECORDS}
    records["programmes"] = tuple(
        attrs.evolve(p, body=()) for p in _programmes(getattr(document, "sections", ()))
    )
    organisation = getattr(document, "organisation", None)
    records["officers"] = organisation.officers if organisation else ()
    records["staff"] = organisation.staff if organisation else ()
    return records


def _export(document: Document, **options: Any) -> bytes:
    stream = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", XlsxFindingWarning)
        clairlib.export(document, "xlsx", stream, include_personal=True, **options)
    return stream.getvalue()


@pytest.mark.parametrize("headers", ["ja", "en"])
@pytest.mark.parametrize(
    "name", ["fy2013-report", "fy2025-plan", "midterm-plan-2022", "fy2011-plan"]
)
def test_every_example_reads_back_into_the_same_records(name: str, headers: str) -> None:
    """Example → xlsx → read_xlsx gives its records, its kind, id and fiscal year."""
    document = load(EXAMPLES / f"{name}.json")
    reading = read_xlsx(_export(document, headers=headers))
    assert not reading.has_errors
    assert _records(document) == _records(reading.document)
    assert (document.KIND, document.id) == (reading.document.KIND, reading.document.id)
    assert getattr(document, "fiscal_year", None) == getattr(reading.document, "fiscal_year", None)


def test_hostile_document_reads_back() -> None:
    """Formula payloads, control characters and emoji come back as they were written."""
    document = hostile_document()
    reading = read_xlsx(_export(document))
    assert _records(document)["events"] == reading.document.events  # type: ignore[union-attr]


def _blank(value: Any) -> bool:
    if not attrs.has(type(value)) or isinstance(value, Period):
        return False
    return all(getattr(value, f.name) in ("", None, (), {}) for f in attrs.fields(type(value)))


def _normal(value: Any) -> Any:
    """What the tables keep of a value: the documented empty-text cases made explicit."""
    from clairlib.model import Selector, Venue

    if isinstance(value, tuple):
        # A record none of whose cells holds anything is no row of a sheet at all;
        # compared once normalised, so that an empty optional text counts as empty too.
        normal = (_normal(item) for item in value)
        items = tuple(item for item in normal if not _blank(item))
        return () if items == ("",) else items
    if isinstance(value, str):
        return value.replace("\ufffe", "").replace("\uffff", "")  # removed, with a finding
    if isinstance(value, dict):
        return {k: _normal(v) for k, v in value.items()}
    if not attrs.has(type(value)) or isinstance(value, Period):
        return value
    changes = {}
    for field in attrs.fields(type(value)):
        item = getattr(value, field.name)
        item = _normal(item)
        changes[field.name] = None if item == "" and field.default is None else item
    result = attrs.evolve(value, **changes)
    if isinstance(result, Venue) and result == Venue(text=""):
        return None
    if isinstance(result, Selector) and result == Selector(records="", measure=""):
        return None
    return result


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(report=strategies.annual_reports)
def test_round_trip_property(report: AnnualReport) -> None:
    """Any report's records survive the workbook, up to the CSV's documented empty cases."""
    data = _export(report, summary=False)
    reading = read_xlsx(data, Hints(fiscal_year=report.fiscal_year))
    errors = [f for f in reading.findings if f.severity is Severity.ERROR]
    assert [] == errors
    assert _normal(_records(report)) == _records(reading.document)


def _plain(rows: list[list[Any]], sheet: str = "行事一覧", merge: str | None = None) -> bytes:
    stream = io.BytesIO()
    workbook = xlsxwriter.Workbook(stream, {"strings_to_formulas": False})
    worksheet = workbook.add_worksheet(sheet)
    dates = workbook.add_format({"num_format": "yyyy/m/d"})
    for number, row in enumerate(rows):
        for col, value in enumerate(row):
            if isinstance(value, date):
                worksheet.write_datetime(number, col, value, dates)
            elif isinstance(value, tuple):
                worksheet.write_formula(number, col, value[0], None, value[1])
            elif value is not None:
                worksheet.write(number, col, value)
    if merge is not None:
        worksheet.merge_range(merge, rows[1][1])
    workbook.close()
    return stream.getvalue()


def test_plain_sheet_of_events_with_japanese_labels() -> None:
    """A hand-made sheet reads: wareki periods, a date cell, office and country names."""
    data = _plain([
        ["ID", "名称", "事務所", "開催国", "期間", "種別"],
        ["e1", "観光展", "ニューヨーク", "米国", "平成25年8～9月", "展示会"],
        ["e2", "セミナー", "NYC;LON", "US;GB", date(2013, 10, 1), "seminar"],
    ])  # fmt: skip
    reading = read_xlsx(data, Hints(fiscal_year=FiscalYear(2013)))
    assert () == reading.findings
    first, second = reading.document.events  # type: ignore[union-attr]
    assert ("NYC",) == first.offices
    assert ("US",) == first.venue.countries  # type: ignore[union-attr]
    assert Period.between(Period.month(2013, 8), Period.month(2013, 9)) == first.period
    assert EventKind.EXHIBITION == first.kind
    assert ("NYC", "LON") == second.offices
    assert Period.day(date(2013, 10, 1)) == second.period
    assert EventKind.SEMINAR == second.kind


def test_plain_sheet_of_measurements_in_english_with_a_formula() -> None:
    """English labels read; a formula cell gives its cached value; the FY comes from the rows."""
    data = _plain([
        ["id", "indicator", "fiscal_year", "value", "value_unit"],
        ["m1", "k1", 2013, ("=1000+35", 1035), "件"],
    ], sheet="KPI")  # fmt: skip
    reading = read_xlsx(data)
    [measurement] = reading.document.measurements  # type: ignore[union-attr]
    assert Quantity(value=Decimal(1035), unit="件") == measurement.value
    assert FiscalYear(2013) == reading.document.fiscal_year  # type: ignore[union-attr]
    assert ["fiscal year FY2013 taken from the earliest date of the records"] == [
        f.message for f in reading.findings
    ]


def test_merged_cells_give_their_value_to_every_cell_they_cover() -> None:
    """A name merged over two rows is the name of both events."""
    rows = [["ID", "名称", "期間"], ["e1", "交流会", "2013-08"], ["e2", None, "2013-09"]]
    data = _plain(rows, merge="B2:B3")
    events = read_xlsx(data).document.events  # type: ignore[union-attr]
    assert ["交流会", "交流会"] == [event.name for event in events]


def test_every_problem_is_a_finding_addressed_by_cell() -> None:
    """Bad date, unknown office and country, bad kind, duplicate id, a row without id, 計."""
    data = _plain([
        ["ID", "名称", "期間", "事務所", "開催国", "種別"],
        ["e1", "a", "2013-08", "NYC", "US", "展示会"],
        ["e2", "b", "平成25年13月", "NYC", "US", "展示会"],
        ["e3", "c", "2013-08", "大阪事務所", "US", "展示会"],
        ["e4", "d", "2013-08", "NYC", "アトランティス", "展示会"],
        ["e5", "e", "2013-08", "NYC", "US", "宴会"],
        ["e1", "f", "2013-08", "NYC", "US", "展示会"],
        [None, "g", "2013-08", "NYC", "US", "展示会"],
        ["計", None, None, None, None, None],
    ], sheet="events")  # fmt: skip
    reading = read_xlsx(data, Hints(fiscal_year=FiscalYear(2013)))
    assert [
        ("events!C3", "expected a date, found '平成25年13月'"),
        ("events!D4", "unknown office '大阪事務所'"),
        ("events!E5", "unknown country 'アトランティス'"),
        ("events!A7", "duplicate id 'e1' (first in row 2)"),
        ("events!A8", "a row without an id is not a record"),
        ("events!9", "a total row ('計'), not a record; left out"),
    ] == [(f.path, f.message) for f in reading.findings if "宴会" not in f.message]
    [kind] = [f for f in reading.findings if "宴会" in f.message]
    assert "events!F6" == kind.path
    assert kind.message.startswith("expected one of 'exhibition'")
    assert ["e1", "e1"] == [e.id for e in reading.document.events]  # type: ignore[union-attr]


def test_an_edited_magnitude_that_disagrees_is_reported() -> None:
    """A magnitude edited without its printed value is a finding at its cell."""
    data = _plain([
        ["ID", "題名", "種別", "アクセス数", "アクセス数（記載値）", "アクセス数（倍率）"],
        ["w1", "web", "web", 2_600_000, 250, 10_000],
    ], sheet="publications")  # fmt: skip
    [finding] = read_xlsx(data, Hints(fiscal_year=FiscalYear(2013))).findings
    assert ("publications!D2", "expected the magnitude 2500000 (printed value × scale), "
            "found '2600000'") == (finding.path, finding.message)  # fmt: skip


def test_a_file_that_is_no_workbook_is_refused() -> None:
    """Bytes that are not a workbook raise DocumentError saying so."""
    with pytest.raises(DocumentError, match="expected an Excel workbook"):
        read_xlsx(b"not a zip file at all")


def test_reader_is_installed_through_the_hook() -> None:
    """The plugin host lists the xlsx reader, which recognises a workbook's first bytes."""
    reader = get_plugin_manager().readers()["xlsx"]
    assert (".xlsx",) == reader.suffixes
    assert reader.sniff is not None
    assert reader.sniff(_export(sample_document())[:2048])
    assert not reader.sniff(b"%PDF-1.7")


def test_added_rows_read_with_the_exported_ones() -> None:
    """A row typed below the export's rows (a real date, a Japanese kind) reads too."""
    import openpyxl

    workbook = openpyxl.load_workbook(io.BytesIO(_export(sample_document())))
    sheet = workbook["events"]
    header = [cell.value for cell in sheet[1]]
    row = [None] * len(header)
    for label, value in (("ID", "e-new"), ("名称", "追加の交流会"), ("期間", datetime(2013, 11, 5)),
                         ("種別", "交流"), ("事務所", "SIN")):  # fmt: skip
        row[header.index(label)] = value
    sheet.append(row)
    stream = io.BytesIO()
    workbook.save(stream)
    events = read_xlsx(stream.getvalue()).document.events  # type: ignore[union-attr]
    assert sample_document().events == events[:-1]
    assert Event(id="e-new", name="追加の交流会", offices=("SIN",), kind=EventKind.EXCHANGE,
                 period=Period.day(date(2013, 11, 5))) == events[-1]  # fmt: skip


def test_clairlib_read_picks_the_xlsx_reader(tmp_path: Path) -> None:
    """clairlib.read("events.xlsx") reads the export back through the reader hook."""
    path = tmp_path / "events.xlsx"
    path.write_bytes(_export(sample_document()))
    reading = clairlib.read(path)
    assert sample_document().events == reading.document.events  # type: ignore[union-attr]
    assert sample_document().fiscal_year == reading.document.fiscal_year  # type: ignore[union-attr]


@pytest.mark.parametrize("name", ["events", "measurements", "persons", "figures"])
@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_sheet_fast_lane_gives_the_general_readers_records_and_findings(
    name: str, data: st.DataObject
) -> None:
    """Over typed cell values good and bad (1.0 and True alike), both lanes agree."""
    from clairlib_xlsx._read import SheetReader

    table = next(t for t in TABLES if t.name == name)
    row = st.tuples(*(strategies.sheet_cells(column.kind) for column in table.columns))
    rows = data.draw(st.lists(row.map(list), max_size=8))
    fast, slow = SheetReader(), SheetReader()
    header = [column.key for column in table.columns]
    columns, checks = fast.header(table, header, "sheet")
    read = fast.builder(table, columns, checks)
    built = [read(cells, index) for index, cells in enumerate(rows)]
    general = [
        slow.build(table, columns, slow.texts(cells), index, checks)
        for index, cells in enumerate(rows)
    ]
    assert (general, slow.findings) == (built, fast.findings)


def test_sheet_fast_lane_tells_a_number_from_an_equal_boolean() -> None:
    """1.0 is a whole number and True is not, though they are equal keys of a memo."""
    from clairlib_xlsx._read import SheetReader

    table = next(t for t in TABLES if t.name == "agenda_items")
    reader = SheetReader()
    columns, checks = reader.header(table, ["meeting", "number", "title"], "sheet")
    read = reader.builder(table, columns, checks)
    assert 1 == read(["M1", 1.0, "予算"], 0).item.number
    assert read(["M1", True, "決算"], 1) is None
    assert ["expected a whole number, found 'true'"] == [f.message for f in reader.findings]


def test_cells_under_no_header_are_reported_not_dropped() -> None:
    """A cell under an empty header cell, or right of the last header, is a finding."""
    data = _plain([
        ["ID", "名称", None, "期間"],
        ["e1", "a", "メモ", "2013-08"],
        ["e2", "b", None, "2013-09", "欄外"],
    ], sheet="events")  # fmt: skip
    reading = read_xlsx(data, Hints(fiscal_year=FiscalYear(2013)))
    assert [
        ("events!C2", "cells under no header, not read: ['メモ']"),
        ("events!E3", "cells under no header, not read: ['欄外']"),
    ] == [(f.path, f.message) for f in reading.findings]
    assert ["e1", "e2"] == [e.id for e in reading.document.events]  # type: ignore[union-attr]


def test_clairlib_read_command_writes_the_workbooks_records(tmp_path: Path) -> None:
    """`clairlib read x.xlsx -o x.json` exits 0 and writes a document with the same events."""
    report = load(EXAMPLES / "fy2013-report.json")
    source, out = tmp_path / "fy2013.xlsx", tmp_path / "fy2013.json"
    source.write_bytes(_export(report))
    assert EXIT_OK == run(["read", str(source), "-o", str(out)])
    assert report.events == load(out).events  # type: ignore[attr-defined]


def test_a_caption_merged_over_its_columns_is_no_header() -> None:
    """A caption ``PREVIOUS`` (a figures column's name) merged over 3 columns reads nothing."""
    from clairlib.model import Column, Row, Table

    table = Table(
        id="t1",
        caption="PREVIOUS",
        columns=(
            Column(key="a", label="国名"),
            Column(key="b", label="件数"),
            Column(key="c", label="開催時期"),
        ),
        rows=(Row(cells={"a": "アメリカ", "b": Quantity.of(9, "件"), "c": "平成25年9月"}),),
    )
    report = AnnualReport(id="r", title="t", fiscal_year=FiscalYear(2013), tables=(table,))
    reading = read_xlsx(_export(report, summary=False), Hints(fiscal_year=FiscalYear(2013)))
    assert [] == [f.message for f in reading.findings if f.severity is Severity.ERROR]
    assert () == reading.document.figures  # type: ignore[union-attr]


def _edited(
    report: AnnualReport, sheet_name: str, header_text: str, value: Any
) -> tuple[bytes, str]:
    """The workbook of ``report`` with one cell of row 2 changed, and that cell's name."""
    import openpyxl

    workbook = openpyxl.load_workbook(io.BytesIO(_export(report, summary=False)))
    sheet = workbook[sheet_name]
    header = [cell.value for cell in sheet[1]]
    sheet.cell(row=2, column=header.index(header_text) + 1).value = value
    edited = io.BytesIO()
    workbook.save(edited)
    return edited.getvalue(), f"{sheet_name}!{column_letter(header.index(header_text))}2"


def _with_programme() -> AnnualReport:
    from clairlib.model import Programme, Section

    programme = Programme(id="p1-1", name="自治体の海外経済活動支援")
    event = Event(id="e1", name="旅行博", programme="p1-1", period=Period.month(2013, 9))
    return AnnualReport(
        id="r",
        title="t",
        fiscal_year=FiscalYear(2013),
        sections=(Section(id="s1", title="経済", programmes=(programme,)),),
        events=(event,),
    )


def _errors(data: bytes) -> list[tuple[str, str]]:
    reading = read_xlsx(data, Hints(fiscal_year=FiscalYear(2013)))
    return [(f.path, f.message) for f in reading.findings if f.severity is Severity.ERROR]


def test_a_start_date_edited_in_excel_is_reported_at_its_cell() -> None:
    """期間（開始日） typed over as the date 2013-09-05 beside 2013-09: an error at that cell."""
    data, cell = _edited(_with_programme(), "events", "期間（開始日）", datetime(2013, 9, 5))
    [(path, message)] = _errors(data)
    assert cell == path
    assert message.startswith("期間（開始日） 2013-09-05 is not the start of the period 2013-09")


def test_a_programme_name_edited_in_excel_is_reported_at_its_cell() -> None:
    """事業名 typed over beside p1-1: an error at the name cell, once the programmes are read."""
    data, cell = _edited(_with_programme(), "events", "事業名", "観光振興")
    [(path, message)] = _errors(data)
    assert cell == path
    assert message.startswith("事業名 '観光振興' is not the name of 'p1-1'")


def test_an_untouched_workbook_passes_its_date_and_name_checks() -> None:
    """The export's own start, end and 事業名 cells agree with their sources: no error."""
    assert [] == _errors(_export(_with_programme(), summary=False))


def test_an_office_name_edited_in_excel_is_reported_at_its_row() -> None:
    """事務所名 changed to ロンドン事務所 beside NYC: an error naming the row, not a lost edit."""
    import openpyxl

    event = Event(id="e1", name="旅行博", offices=("NYC",))
    report = AnnualReport(id="r", title="t", fiscal_year=FiscalYear(2013), events=(event,))
    workbook = openpyxl.load_workbook(io.BytesIO(_export(report, summary=False)))
    sheet = workbook["events"]
    header = [cell.value for cell in sheet[1]]
    name = sheet.cell(row=2, column=header.index("事務所名") + 1)
    assert "ニューヨーク事務所" == name.value
    name.value = "ロンドン事務所"
    edited = io.BytesIO()
    workbook.save(edited)
    reading = read_xlsx(edited.getvalue(), Hints(fiscal_year=FiscalYear(2013)))
    edited_cell = f"events!{column_letter(header.index('事務所名'))}2"
    assert [(edited_cell, "事務所名 'ロンドン事務所' is not the name of 'NYC'")] == [
        (f.path, f.message[: len("事務所名 'ロンドン事務所' is not the name of 'NYC'")])
        for f in reading.findings
        if f.severity is Severity.ERROR
    ]
    assert () == reading.document.events  # type: ignore[union-attr]
