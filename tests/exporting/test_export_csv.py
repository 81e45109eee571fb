"""Tests of the built-in CSV exporter: tables, encodings, formula injection, round trips."""

from __future__ import annotations

import csv
import io
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings

import clairlib
from clairlib.calendar import FiscalYear, Period
from clairlib.errors import DocumentError, ExportError
from clairlib.exporting import CsvRecords, read_csv
from clairlib.io import load
from clairlib.model import (
    AnnualPlan,
    AnnualReport,
    Event,
    EventKind,
    Measurement,
    Person,
    Publication,
    Qualifier,
    Quantity,
    Selector,
    Venue,
)
from clairlib.testing import HOSTILE_STRINGS, ExporterConformance, hostile_document, sample_document
from tests import strategies

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
EVENT_HEADERS_JA = [
    "ID", "名称", "事業", "事業名", "事務所", "事務所名", "開催地", "開催国", "開催国名", "都市",
    "期間", "期間（開始日）", "期間（終了日）", "期間（表記）",
    "種別", "連携先", "区分", "説明", "タグ",
]  # fmt: skip
EVENT_HEADERS_EN = [
    "id", "name", "programme", "programme_name", "offices", "offices_name", "venue_text",
    "venue_countries",
    "venue_countries_name", "venue_city", "period", "period_start", "period_end", "period_text",
    "kind", "partners", "group", "description", "tags",
]  # fmt: skip


class TestCsvConformance(ExporterConformance):
    """The built-in CSV exporter passes the suite third-party exporters run."""

    exporter = "csv"
    distribution = "clairlib"


def _report(*events: Event, **fields: Any) -> AnnualReport:
    return AnnualReport(
        id="r", title="平成25年度事業報告", fiscal_year=FiscalYear(2013), events=events, **fields
    )


def _rows(raw: bytes, encoding: str = "utf-8-sig") -> list[list[str]]:
    return list(csv.reader(io.StringIO(raw.decode(encoding), newline="")))


def _event_table(document: AnnualReport, **options: Any) -> bytes:
    stream = io.BytesIO()
    clairlib.export(document, "csv", stream, table="events", **options)
    return stream.getvalue()


def test_directory_holds_one_csv_per_record_type(tmp_path: Path) -> None:
    """A report writes every record table, in the stable order, into the directory."""
    paths = clairlib.export(sample_document(), "csv", tmp_path / "out")
    expected = [
        "events.csv", "participants.csv", "local_governments.csv", "breakdowns.csv",
        "programmes.csv", "persons.csv", "grants.csv", "publications.csv", "indicators.csv",
        "measurements.csv", "figures.csv", "meetings.csv", "agenda_items.csv", "officers.csv",
        "staff.csv", "datapackage.json",
    ]  # fmt: skip
    assert expected == [path.name for path in paths]
    assert sorted(expected) == sorted(p.name for p in (tmp_path / "out").iterdir())


def test_plan_writes_only_the_tables_it_has(tmp_path: Path) -> None:
    """An annual plan has programmes, indicators and targets, and no events table."""
    plan = AnnualPlan(id="p", title="令和7年度事業計画", fiscal_year=FiscalYear(2025))
    paths = clairlib.export(plan, "csv", tmp_path)
    assert ["programmes.csv", "indicators.csv", "targets.csv", "datapackage.json"] == [
        p.name for p in paths
    ]
    with pytest.raises(ExportError, match="annual_plan has no 'events' table"):
        clairlib.export(plan, "csv", io.BytesIO(), table="events")


def test_event_row_in_japanese_with_bom_and_crlf() -> None:
    """Default: UTF-8 with BOM, CRLF, Japanese headers, lists joined by ';'."""
    raw = _event_table(sample_document())
    assert raw.startswith(b"\xef\xbb\xbf")
    assert raw.count(b"\r\n") == 3
    rows = _rows(raw)
    assert EVENT_HEADERS_JA == rows[0]
    assert [
        "e1", "ニューヨーク観光展への出展", "p1", "海外における観光・物産展等への参加", "NYC",
        "ニューヨーク事務所", "ニューヨーク", "US", "アメリカ合衆国", "ニューヨーク", "'2013-08",
        "2013-08-01", "2013-08-31", "平成25年8月", "展示会", "JETAA NY", "アメリカ", "",
        "重点;観光",
    ] == rows[1]  # fmt: skip
    assert ["'2013-10-01,2013-10-15/2013-10-16", "2013-10-01", "2013-10-16"] == rows[2][10:13]


def test_english_headers_lf_and_no_bom() -> None:
    """headers=en gives the field names; utf-8 without BOM; lf line endings."""
    raw = _event_table(sample_document(), headers="en", encoding="utf-8", line_ending="lf")
    assert not raw.startswith(b"\xef\xbb\xbf")
    assert b"\r" not in raw
    rows = _rows(raw, "utf-8")
    assert EVENT_HEADERS_EN == rows[0]
    assert ["p1", "Tourism and trade fairs abroad"] == rows[1][2:4]
    assert ["NYC", "New York Office"] == rows[1][4:6]
    assert ["US", "United States"] == rows[1][7:9]
    assert "exhibition" == rows[1][14]


def test_quantity_columns_keep_value_unit_scale_qualifier_text() -> None:
    """A quantity's first column is its magnitude; printed value, scale … follow, plain."""
    stream = io.BytesIO()
    clairlib.export(sample_document(), "csv", stream, table="publications", headers="en")
    header, row = _rows(stream.getvalue())
    cells = dict(zip(header, row, strict=True))
    assert {
        "accesses": "15520000",
        "accesses_printed": "1552",
        "accesses_unit": "件",
        "accesses_scale": "10000",
        "accesses_qualifier": "approximately",
        "accesses_text": "約 1,552 万件",
    } == {key: value for key, value in cells.items() if key.startswith("accesses")}


@pytest.mark.parametrize("payload", HOSTILE_STRINGS)
def test_formula_text_is_prefixed_and_reads_back(payload: str, tmp_path: Path) -> None:
    """Text a spreadsheet would run gets a leading apostrophe; the reader removes it."""
    event = Event(id="e1", name=payload, tags=(payload,))
    raw = _event_table(_report(event))
    rows = _rows(raw)
    first = payload[:1]
    runs = first in "=+-@\t\r\n'＝＋－＠"
    assert ("'" + payload if runs else payload) == rows[1][1]
    assert ("'" if runs else payload[:1]) == rows[1][-1][:1]
    (tmp_path / "events.csv").write_bytes(raw)
    assert (event,) == read_csv(tmp_path / "events.csv").events


def test_neutralising_can_be_turned_off() -> None:
    """neutralise_formulas=false writes text exactly as it is."""
    rows = _rows(_event_table(_report(Event(id="e1", name="=1+1")), neutralise_formulas="false"))
    assert "=1+1" == rows[1][1]


def test_numbers_stay_numbers() -> None:
    """A negative change is a number, never prefixed; a negative-looking text is."""
    measurement = Measurement(
        id="m1",
        indicator="k1",
        fiscal_year=FiscalYear(2013),
        value=Quantity.of(5, "件"),
        change=Quantity(value=Decimal("-1.5"), unit="件", text="-1.5件"),
    )
    stream = io.BytesIO()
    clairlib.export(_report(measurements=(measurement,)), "csv", stream, table="measurements",
                    headers="en")  # fmt: skip
    header, row = _rows(stream.getvalue())
    cells = dict(zip(header, row, strict=True))
    assert "-1.5" == cells["change"]
    assert "'-1.5件" == cells["change_text"]


def test_cp932_writes_japanese() -> None:
    """cp932 holds the Japanese text of a report: no BOM, Shift_JIS bytes."""
    raw = _event_table(_report(Event(id="e1", name="観光展")), encoding="cp932", headers="en")
    assert "id,name".encode("cp932") == raw[:7]
    assert "e1,観光展,".encode("cp932") in raw


def test_cp932_names_row_and_column_of_an_emoji(tmp_path: Path) -> None:
    """A character cp932 lacks fails with its row and column, and nothing is written."""
    events = (Event(id="e1", name="観光展"), Event(id="e2", name="交流会", description="歓迎😀"))
    with pytest.raises(ExportError) as raised:
        clairlib.export(_report(*events), "csv", tmp_path / "out", encoding="cp932")
    assert "cannot encode '😀' (U+1F600) in cp932 @ events.csv row 3, column '説明'" == str(
        raised.value
    )
    assert [] == list(tmp_path.iterdir())


def test_cp932_header_that_cannot_be_encoded() -> None:
    """An encoding that cannot hold the Japanese headers says so for the header."""
    with pytest.raises(ExportError, match=r"in ascii @ events.csv the header, column '名称'"):
        _event_table(_report(Event(id="e1", name="x")), encoding="ascii")


def test_unknown_encoding_and_table_are_refused() -> None:
    """An unknown encoding or table name is an ExportError naming it."""
    with pytest.raises(ExportError, match="unknown encoding 'no-such-codec'"):
        _event_table(sample_document(), encoding="no-such-codec")
    with pytest.raises(ExportError, match=r"no CSV table is called 'people' \(tables: events, "):
        clairlib.export(sample_document(), "csv", io.BytesIO(), table="people")


def test_personal_fields_left_out_unless_asked() -> None:
    """Names of private persons are left out by default and included on request."""

    def header(table: str, **options: Any) -> list[str]:
        stream = io.BytesIO()
        clairlib.export(sample_document(), "csv", stream, table=table, headers="en", **options)
        return _rows(stream.getvalue())[0]

    assert "name" not in header("persons")
    assert "name" not in header("officers")
    assert "name" in header("persons", include_personal=True)
    assert ["role", "name", "affiliation"] == header("officers", include_personal=True)


def test_many_members_to_a_stream_is_refused() -> None:
    """Without a table option the CSV exporter needs a directory, not a stream."""
    with pytest.raises(ExportError, match="writes several files"):
        clairlib.export(sample_document(), "csv", io.BytesIO())


def test_rows_are_streamed_in_chunks() -> None:
    """The first bytes are written before the records are all converted (flat memory)."""
    from clairlib.exporting import _csv_write

    taken = 0

    def records() -> Any:
        nonlocal taken
        for number in range(3 * _csv_write.CHUNK):
            taken += 1
            yield Event(id=f"e{number}", name="x")

    seen: list[int] = []

    class Watch(io.BytesIO):
        def write(self, data: Any) -> int:
            seen.append(taken)
            return super().write(data)

    from clairlib.exporting._csv_spec import TABLES

    table = TABLES[0]
    converter = _csv_write.compile_row(table, table.columns, neutralise=True)
    count = _csv_write.write_table(
        Watch(), "events.csv", [c.key for c in table.columns], converter, records(),
        encoding="utf-8", line_ending="\n",
    )  # fmt: skip
    assert 3 * _csv_write.CHUNK == count
    assert min(seen) <= _csv_write.CHUNK


def test_progress_counts_rows_up_to_the_total() -> None:
    """Progress starts at 0 of the row total and ends at the total."""
    calls: list[tuple[int, int | None]] = []
    clairlib.export(
        sample_document(), "csv", io.BytesIO(), table="events",
        progress=lambda done, total: calls.append((done, total)),
    )  # fmt: skip
    assert [(0, 2), (2, 2)] == calls


def _programmes(sections: Any) -> Any:
    for section in sections:
        yield from section.programmes
        yield from _programmes(section.sections)


def _records(document: AnnualReport) -> CsvRecords:
    organisation = document.organisation
    return CsvRecords(
        events=document.events,
        programmes=tuple(attrs.evolve(p, body=()) for p in _programmes(document.sections)),
        persons=document.persons,
        grants=document.grants,
        publications=document.publications,
        indicators=document.indicators,
        measurements=document.measurements,
        figures=document.figures,
        meetings=document.meetings,
        officers=organisation.officers if organisation else (),
        staff=organisation.staff if organisation else (),
    )


@pytest.mark.parametrize(
    "document", [sample_document(), hostile_document()], ids=["sample", "hostile"]
)
@pytest.mark.parametrize("headers", ["ja", "en"])
def test_round_trip_gives_the_same_records(
    tmp_path: Path, document: AnnualReport, headers: str
) -> None:
    """The CSV export reads back into the records it was written from."""
    clairlib.export(document, "csv", tmp_path, include_personal=True, headers=headers)
    assert _records(document) == read_csv(tmp_path)


def _normal(value: Any) -> Any:
    """What the CSV keeps of a value: the documented lossy cases made explicit."""
    if isinstance(value, tuple):
        items = tuple(_normal(item) for item in value)
        return () if items == ("",) else items
    if isinstance(value, dict):
        return {k: _normal(v) for k, v in value.items()}
    if not attrs.has(type(value)) or isinstance(value, Period):
        return value
    changes: dict[str, Any] = {}
    for field in attrs.fields(type(value)):
        item = getattr(value, field.name)
        if item == "" and field.default is None:
            changes[field.name] = None  # an empty optional text reads back as None
        else:
            changes[field.name] = _normal(item)
    result = attrs.evolve(value, **changes)
    if isinstance(result, Venue) and result == Venue(text=""):
        return None  # a venue with nothing in it is no venue
    if isinstance(result, Selector) and result == Selector(records="", measure=""):
        return None
    return result


@settings(max_examples=60, deadline=None)
@given(report=strategies.annual_reports)
def test_round_trip_property(report: AnnualReport) -> None:
    """Any report's records survive the CSV, up to the documented empty-text cases."""
    with tempfile.TemporaryDirectory() as scratch:
        clairlib.export(report, "csv", scratch, include_personal=True)
        read = read_csv(scratch)
    assert _normal(_records(report)) == read


def test_unreadable_cells_are_all_reported(tmp_path: Path) -> None:
    """Every bad cell is a finding with its path; the error lists them all."""
    (tmp_path / "events.csv").write_text(
        "id,name,period,kind\r\ne1,a,2013-13,exhibition\r\ne2,b,2013-08,party\r\n",
        encoding="utf-8-sig",
    )
    with pytest.raises(DocumentError) as raised:
        read_csv(tmp_path)
    assert ["$.events[0].period", "$.events[1].kind"] == [
        finding.path for finding in raised.value.findings
    ]
    assert "expected one of 'exhibition'" in raised.value.findings[1].message


def test_parts_without_their_record_are_reported(tmp_path: Path) -> None:
    """A participant row naming an event that is not there is a finding, not lost data."""
    (tmp_path / "participants.csv").write_text(
        "event,index,count,count_unit,count_scale,kind,basis\r\nnope,0,5,名,1,persons,distinct\r\n",
        encoding="utf-8-sig",
    )
    with pytest.raises(DocumentError, match="rows for 'nope', which no record has"):
        read_csv(tmp_path)


def test_a_single_file_reads_back(tmp_path: Path) -> None:
    """One table's file reads on its own; personal columns left out read as defaults."""
    document = sample_document()
    clairlib.export(document, "csv", tmp_path, headers="en")
    records = read_csv(tmp_path / "persons.csv")
    assert (attrs.evolve(document.persons[0], name=None),) == records.persons
    assert () == records.events
    with pytest.raises(DocumentError, match="expected a CSV export directory"):
        read_csv(tmp_path / "nothing.txt")


def test_person_round_trip_keeps_host(tmp_path: Path) -> None:
    """A person's host local government comes back whole; no host stays None."""
    people = (
        Person(id="x1", role="研修員", name="山田 花子", period=Period.fromisoformat("2013-04")),
        sample_document().persons[0],
    )
    clairlib.export(_report(persons=people), "csv", tmp_path, include_personal=True)
    assert people == read_csv(tmp_path).persons


def _publication(accesses: Quantity) -> AnnualReport:
    return _report(publications=(Publication(id="w1", title="ウェブサイト", kind="web",
                                             accesses=accesses),))  # fmt: skip


def test_magnitude_is_the_number_a_quantity_stands_for() -> None:
    """約 250 万件 gives 2500000 in the number column, printed 250 and 万 beside it."""
    accesses = Quantity.parse("年間約 250 万件".removeprefix("年間"))
    stream = io.BytesIO()
    clairlib.export(_publication(accesses), "csv", stream, table="publications")
    header, row = _rows(stream.getvalue())
    cells = dict(zip(header, row, strict=True))
    assert ["2500000", "250", "件", "10000", "約", "約 250 万件"] == [
        cells["アクセス数"], cells["アクセス数（記載値）"], cells["アクセス数（単位）"],
        cells["アクセス数（倍率）"], cells["アクセス数（修飾）"], cells["アクセス数（表記）"],
    ]  # fmt: skip


def test_magnitude_keeps_every_digit(tmp_path: Path) -> None:
    """A printed value with thirty digits times 万 loses none of them, and reads back."""
    value = Decimal("123456789012345678901234567890.5")
    clairlib.export(_publication(Quantity(value=value, unit="件", scale=10_000)), "csv", tmp_path,
                    headers="en")  # fmt: skip
    rows = _rows((tmp_path / "publications.csv").read_bytes())
    assert "1234567890123456789012345678905000" == dict(zip(*rows, strict=True))["accesses"]
    accesses = read_csv(tmp_path).publications[0].accesses
    assert accesses is not None
    assert value == accesses.value


def test_an_edited_magnitude_that_disagrees_is_reported(tmp_path: Path) -> None:
    """A magnitude that is not printed value × scale is a finding, never silently taken."""
    (tmp_path / "publications.csv").write_text(
        "id,title,kind,accesses,accesses_printed,accesses_unit,accesses_scale\r\n"
        "w1,a,web,2500000,250,件,10000\r\nw2,b,web,2600000,250,件,10000\r\n",
        encoding="utf-8-sig",
    )
    with pytest.raises(DocumentError) as raised:
        read_csv(tmp_path)
    [finding] = raised.value.findings
    assert "$.publications[1].accesses" == finding.path
    assert "expected the magnitude 2500000 (printed value × scale), found '2600000'" == (
        finding.message
    )


def test_an_export_of_the_earlier_layout_still_reads(tmp_path: Path) -> None:
    """Before the magnitude column the first quantity column held the printed value."""
    (tmp_path / "publications.csv").write_text(
        "ID,題名,種別,期間,アクセス数,アクセス数（単位）,アクセス数（倍率）,アクセス数（修飾）\r\n"
        "w1,a,web,2013-09,250,件,10000,approximately\r\n",
        encoding="utf-8-sig",
    )
    [publication] = read_csv(tmp_path).publications
    assert Quantity(value=Decimal(250), unit="件", scale=10_000,
                    qualifier=Qualifier.APPROXIMATELY) == publication.accesses  # fmt: skip
    assert Period.month(2013, 9) == publication.period


def test_enumerations_read_in_japanese_or_english(tmp_path: Path) -> None:
    """A kind typed as 研修 or as training reads as the same member."""
    (tmp_path / "events.csv").write_text(
        "id,name,kind\r\ne1,a,研修\r\ne2,b,training\r\n", encoding="utf-8-sig"
    )
    assert [EventKind.TRAINING, EventKind.TRAINING] == [e.kind for e in read_csv(tmp_path).events]


def test_period_text_can_be_left_unprotected() -> None:
    """protect_periods=false writes the ISO text bare; the dates beside it stay."""
    rows = _rows(_event_table(sample_document(), protect_periods="false"))
    assert ["2013-08", "2013-08-01", "2013-08-31"] == rows[1][10:13]


def test_programme_codes_have_the_documents_names_beside_them(tmp_path: Path) -> None:
    """Every record's programme id gets the programme's name as the FY2013 report prints it."""
    clairlib.export(load(EXAMPLES / "fy2013-report.json"), "csv", tmp_path)
    # Typed from the printed report: "○ 海外経済活動支援と…" (p1-0) and "① 自治体の…" (p1-1).
    names = {
        "p1-0": "海外経済活動支援と海外活動へのきめ細かなサポート",
        "p1-1": "自治体の経済活動に対する助言、支援及び情報提供とネットワークの構築",
        "p1-2": "海外事務所における自治体の海外経済活動を支援",
    }
    for table in ("events", "grants", "figures"):
        header, *body = _rows((tmp_path / f"{table}.csv").read_bytes())
        at = header.index("事業")
        assert "事業名" == header[at + 1]
        pairs = {(row[at], row[at + 1]) for row in body if row[at] in names}
        assert pairs, table
        assert {(code, names[code]) for code, _ in pairs} == pairs


def test_a_programme_the_document_does_not_hold_has_no_name() -> None:
    """An id no programme of the document has is written with an empty name, never guessed."""
    rows = _rows(_event_table(_report(Event(id="e1", name="a", programme="p9-9"))))
    assert ["p9-9", ""] == rows[1][2:4]


def test_a_name_edited_beside_its_code_is_reported(tmp_path: Path) -> None:
    """事務所名 changed to ロンドン事務所 beside NYC is an error at the row, never lost unsaid."""
    event = Event(id="e1", name="旅行博", offices=("NYC",))
    rows = _rows(_event_table(_report(event), headers="ja"))
    column = rows[0].index("事務所名")
    assert "ニューヨーク事務所" == rows[1][column]
    rows[1][column] = "ロンドン事務所"
    with (tmp_path / "events.csv").open("w", encoding="utf-8-sig", newline="") as stream:
        csv.writer(stream).writerows(rows)
    with pytest.raises(DocumentError) as raised:
        read_csv(tmp_path)
    [finding] = raised.value.findings
    assert "$.events[0].offices" == finding.path
    assert finding.message.startswith("事務所名 'ロンドン事務所' is not the name of 'NYC'")


@pytest.mark.parametrize("name", ["ニューヨーク事務所", "New York Office", ""])
def test_a_name_in_either_language_or_none_reads(name: str, tmp_path: Path) -> None:
    """The Japanese or English name of the code, or an emptied cell, reads the record."""
    event = Event(id="e1", name="旅行博", offices=("NYC",))
    rows = _rows(_event_table(_report(event), headers="ja"))
    rows[1][rows[0].index("事務所名")] = name
    with (tmp_path / "events.csv").open("w", encoding="utf-8-sig", newline="") as stream:
        csv.writer(stream).writerows(rows)
    assert (event,) == read_csv(tmp_path).events
