"""Cells written beside their source (period days, programme names) are checked on reading."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import attrs
import pytest

import clairlib
from clairlib.calendar import FiscalYear, Period
from clairlib.errors import DocumentError
from clairlib.exporting import read_csv
from clairlib.exporting._csv_beside import read_day
from clairlib.model import AnnualReport, Event, Indicator, Measurement, Programme, Quantity, Section

_NAME = "自治体の経済活動に対する助言、支援及び情報提供とネットワークの構築"


def _report() -> AnnualReport:
    programme = Programme(id="p1-1", name=_NAME, name_en="Advice to local governments")
    event = Event(id="e1", name="旅行博", programme="p1-1", period=Period.month(2013, 9))
    return AnnualReport(
        id="r",
        title="平成25年度事業報告",
        fiscal_year=FiscalYear(2013),
        sections=(Section(id="s1", title="経済活動支援", programmes=(programme,)),),
        events=(event,),
    )


def _edit(directory: Path, table: str, header: str, value: str) -> None:
    path = directory / f"{table}.csv"
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline="")))
    rows[1][rows[0].index(header)] = value
    with path.open("w", encoding="utf-8-sig", newline="") as stream:
        csv.writer(stream).writerows(rows)


def _messages(directory: Path | str) -> list[tuple[str, str]]:
    with pytest.raises(DocumentError) as raised:
        read_csv(directory)
    return [(f.path, f.message) for f in raised.value.findings]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2013-09-01", date(2013, 9, 1)),
        ("2013/9/1", date(2013, 9, 1)),
        ("2013-09-30T00:00:00", date(2013, 9, 30)),
        ("2013/09/30 0:00", date(2013, 9, 30)),
        ("0001-01-01", date(1, 1, 1)),
    ],
)
def test_a_day_reads_as_written_or_as_a_spreadsheet_saves_it(text: str, expected: date) -> None:
    """ISO days, slashed days and midnight date-times read as the day."""
    assert expected == read_day(text)


@pytest.mark.parametrize("text", ["2013-02-30", "9月1日", "41518", "2013-09-01T10:00"])
def test_what_is_no_day_is_none(text: str) -> None:
    """An impossible day, a Japanese date, a serial number or a time of day is not a day cell."""
    assert None is read_day(text)


def test_an_export_reads_back_with_its_days_and_names(tmp_path: Path) -> None:
    """The untouched export reads: its start, end and name cells agree with their sources."""
    document = _report()
    clairlib.export(document, "csv", tmp_path)
    assert document.events == read_csv(tmp_path).events


def test_an_edited_start_day_is_reported_at_its_cell(tmp_path: Path) -> None:
    """期間（開始日） changed to 2013-09-02 beside 2013-09: an error, never a lost edit."""
    clairlib.export(_report(), "csv", tmp_path)
    _edit(tmp_path, "events", "期間（開始日）", "2013-09-02")
    [(path, message)] = _messages(tmp_path)
    assert "$.events[0].period" == path
    assert message.startswith(
        "期間（開始日） 2013-09-02 is not the start of the period 2013-09 beside it (2013-09-01)"
    )


def test_an_end_day_saved_by_a_spreadsheet_reads(tmp_path: Path) -> None:
    """期間（終了日） as Excel saves it again (2013/9/30) is the period's end: it reads."""
    clairlib.export(_report(), "csv", tmp_path)
    _edit(tmp_path, "events", "期間（終了日）", "2013/9/30")
    assert _report().events == read_csv(tmp_path).events


def test_a_day_beside_an_emptied_period_is_reported(tmp_path: Path) -> None:
    """Dates left beside a cleared 期間 are not read as the period: an error says so."""
    clairlib.export(_report(), "csv", tmp_path)
    _edit(tmp_path, "events", "期間", "")
    found = _messages(tmp_path)
    assert 2 == len(found)
    assert all("beside an empty period" in message for _, message in found)


def test_a_day_cell_that_is_no_day_is_reported(tmp_path: Path) -> None:
    """A start cell holding 9月1日 is no day: an error naming the cell's text."""
    clairlib.export(_report(), "csv", tmp_path)
    _edit(tmp_path, "events", "期間（開始日）", "9月1日")
    assert [
        ("$.events[0].period", "期間（開始日）: expected a date (2013-09-01), found '9月1日'")
    ] == (_messages(tmp_path))


def test_an_edited_programme_name_is_reported(tmp_path: Path) -> None:
    """事業名 changed beside p1-1: an error telling that the id is what is read."""
    clairlib.export(_report(), "csv", tmp_path)
    _edit(tmp_path, "events", "事業名", "観光振興")
    [(path, message)] = _messages(tmp_path)
    assert "$.events[0].programme" == path
    assert message.startswith(f"事業名 '観光振興' is not the name of 'p1-1' beside it ('{_NAME}')")


@pytest.mark.parametrize("name", [_NAME, "Advice to local governments", ""])
def test_a_programme_name_in_either_language_or_none_reads(name: str, tmp_path: Path) -> None:
    """The programme's Japanese or English name, or an emptied cell, reads the record."""
    clairlib.export(_report(), "csv", tmp_path)
    _edit(tmp_path, "events", "事業名", name)
    assert _report().events == read_csv(tmp_path).events


def test_a_name_beside_an_id_no_programme_has_is_reported(tmp_path: Path) -> None:
    """An id changed to p9 with a name beside it: the programmes table does not hold it."""
    clairlib.export(_report(), "csv", tmp_path)
    _edit(tmp_path, "events", "事業", "p9")
    [(path, message)] = _messages(tmp_path)
    assert "$.events[0].programme" == path
    assert f"事業名 '{_NAME}' names 'p9', which the programmes table does not hold" in message


def test_one_file_is_checked_against_the_programmes_beside_it(tmp_path: Path) -> None:
    """Reading events.csv alone checks its names against programmes.csv in its directory."""
    clairlib.export(_report(), "csv", tmp_path)
    _edit(tmp_path, "events", "事業名", "観光振興")
    [(_, message)] = _messages(tmp_path / "events.csv")
    assert message.startswith("事業名 '観光振興' is not the name of 'p1-1'")


def test_names_with_no_programmes_to_check_them_against_are_reported(tmp_path: Path) -> None:
    """Without programmes.csv the name cells cannot be checked: an error says so, once."""
    clairlib.export(_report(), "csv", tmp_path)
    (tmp_path / "programmes.csv").unlink()
    [(path, message)] = _messages(tmp_path / "events.csv")
    assert "$.events[0].programme" == path
    assert f"事業名 '{_NAME}' cannot be checked: no programmes table was read" in message


def test_a_derived_column_without_its_source_is_reported(tmp_path: Path) -> None:
    """A sheet with 期間（開始日） but no 期間: its dates are not read, and an error says so."""
    (tmp_path / "events.csv").write_text(
        "ID,名称,開催地,期間（開始日）\r\ne1,旅行博,東京,2013-09-01\r\n", encoding="utf-8-sig"
    )
    [(path, message)] = _messages(tmp_path)
    assert "$.events" == path
    assert message.startswith("column '期間（開始日）' is written beside '期間', which events.csv")


def _kpi_report() -> AnnualReport:
    indicator = Indicator(
        id="kpi-jet", name="JET プログラム参加者数", unit="人", name_en="JET participants"
    )
    measurement = Measurement(
        id="m1", indicator="kpi-jet", fiscal_year=FiscalYear(2013), value=Quantity.of(4372, "人")
    )
    return AnnualReport(
        id="r",
        title="平成25年度事業報告",
        fiscal_year=FiscalYear(2013),
        indicators=(indicator,),
        measurements=(measurement,),
    )


@pytest.mark.parametrize(
    ("headers", "expected"), [("ja", "JET プログラム参加者数"), ("en", "JET participants")]
)
def test_an_indicator_id_has_its_name_beside_it(
    headers: str, expected: str, tmp_path: Path
) -> None:
    """指標名 beside 指標ID holds the indicator's name, in the headers' language."""
    clairlib.export(_kpi_report(), "csv", tmp_path, headers=headers)
    rows = list(csv.reader(io.StringIO((tmp_path / "measurements.csv").read_text("utf-8-sig"))))
    at = rows[0].index("指標ID" if headers == "ja" else "indicator")
    assert ["指標名" if headers == "ja" else "indicator_name", "kpi-jet", expected] == [
        rows[0][at + 1],
        rows[1][at],
        rows[1][at + 1],
    ]


def test_an_edited_indicator_name_is_reported(tmp_path: Path) -> None:
    """指標名 changed beside kpi-jet: an error telling that the id is what is read."""
    clairlib.export(_kpi_report(), "csv", tmp_path)
    _edit(tmp_path, "measurements", "指標名", "来日者数")
    [(path, message)] = _messages(tmp_path)
    assert "$.measurements[0].indicator" == path
    assert message.startswith("指標名 '来日者数' is not the name of 'kpi-jet' beside it")
    assert message.endswith("rename the indicator in the indicators table)")


def test_indicator_names_read_back_untouched(tmp_path: Path) -> None:
    """The export's indicator names agree with its indicators table: the records read."""
    clairlib.export(_kpi_report(), "csv", tmp_path)
    assert _kpi_report().measurements == read_csv(tmp_path / "measurements.csv").measurements


def test_a_programme_name_with_spaces_round_it_reads(tmp_path: Path) -> None:
    """A name printed with a space after it (``観光振興 ``) matches its cell, read stripped."""
    report = _report()
    programme = attrs.evolve(report.sections[0].programmes[0], name="観光振興 ")
    section = attrs.evolve(report.sections[0], programmes=(programme,))
    clairlib.export(attrs.evolve(report, sections=(section,)), "csv", tmp_path)
    assert "p1-1" == read_csv(tmp_path).events[0].programme
