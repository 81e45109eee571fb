"""datapackage.json beside a directory CSV export, checked with the frictionless package."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import frictionless
import pytest

import clairlib
from clairlib.calendar import FiscalYear
from clairlib.io import load
from clairlib.model import AnnualReport, Event, Participants, Quantity
from clairlib.testing import sample_document

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _package(directory: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((directory / "datapackage.json").read_text("utf-8"))
    return data


def _resource(package: dict[str, Any], name: str) -> dict[str, Any]:
    return next(r for r in package["resources"] if r["name"] == name)


@pytest.mark.parametrize("headers", ["ja", "en"])
@pytest.mark.parametrize(
    "name", ["fy2013-report", "fy2025-plan", "midterm-plan-2022", "fy2011-plan"]
)
def test_every_example_export_is_a_valid_data_package(
    tmp_path: Path, name: str, headers: str
) -> None:
    """The frictionless package validates every example table against its schema and keys."""
    clairlib.export(load(EXAMPLES / f"{name}.json"), "csv", tmp_path, headers=headers)
    report = frictionless.validate(str(tmp_path / "datapackage.json"))
    assert [] == [error.message for task in report.tasks for error in task.errors]
    assert report.valid


def test_fields_types_titles_units_and_keys(tmp_path: Path) -> None:
    """Columns carry their type and Japanese title; quantities name their unit column."""
    clairlib.export(sample_document(), "csv", tmp_path, headers="en")
    package = _package(tmp_path)
    assert "tabular-data-package" == package["profile"]
    assert sample_document().title == package["title"]
    events = _resource(package, "events")
    assert "events.csv" == events["path"]
    assert "utf-8-sig" == events["encoding"]
    fields = {field["name"]: field for field in events["schema"]["fields"]}
    assert ("string", "名称") == (fields["name"]["type"], fields["name"]["title"])
    assert ("date", "期間（開始日）") == (fields["period_start"]["type"],
                                       fields["period_start"]["title"])  # fmt: skip
    assert "exhibition" in fields["kind"]["constraints"]["enum"]
    assert ["id"] == events["schema"]["primaryKey"]
    participants = _resource(package, "participants")
    count = next(f for f in participants["schema"]["fields"] if f["name"] == "count")
    assert ("number", "count_unit") == (count["type"], count["unitField"])
    assert [{"fields": ["event"], "reference": {"resource": "events", "fields": ["id"]}}] == (
        participants["schema"]["foreignKeys"]
    )


def test_japanese_headers_name_the_fields(tmp_path: Path) -> None:
    """With Japanese headers the field names are the headers and enumerations Japanese."""
    clairlib.export(sample_document(), "csv", tmp_path)
    events = _resource(_package(tmp_path), "events")
    fields = {field["name"]: field for field in events["schema"]["fields"]}
    assert ["ID"] == events["schema"]["primaryKey"]
    assert "展示会" in fields["種別"]["constraints"]["enum"]


def test_the_package_catches_a_broken_foreign_key_and_a_wrong_type(tmp_path: Path) -> None:
    """A participant row of no event and a count that is not a number fail validation."""
    event = Event(id="e1", name="交流会", participants=(Participants(count=Quantity.of(5, "名")),))
    report = AnnualReport(id="r", title="t", fiscal_year=FiscalYear(2013), events=(event,))
    clairlib.export(report, "csv", tmp_path, headers="en")
    path = tmp_path / "participants.csv"
    lines = path.read_bytes().decode("utf-8-sig").split("\r\n")
    cells = lines[1].split(",")
    cells[0], cells[2] = "no-such-event", "many"
    lines[1] = ",".join(cells)
    path.write_bytes("\r\n".join(lines).encode("utf-8-sig"))
    checked = frictionless.validate(str(tmp_path / "datapackage.json"))
    types = {error.type for task in checked.tasks for error in task.errors}
    assert {"foreign-key", "type-error"} <= types


def test_cp932_and_lf_are_described(tmp_path: Path) -> None:
    """The package says the encoding and line ending the tables were written with."""
    clairlib.export(sample_document(), "csv", tmp_path, encoding="cp932", line_ending="lf")
    events = _resource(_package(tmp_path), "events")
    assert ("cp932", "\n") == (events["encoding"], events["dialect"]["lineTerminator"])
    assert frictionless.validate(str(tmp_path / "datapackage.json")).valid


def test_no_package_for_one_table_or_when_asked_not_to(tmp_path: Path) -> None:
    """table= writes one CSV only; datapackage=false leaves the package out."""
    clairlib.export(sample_document(), "csv", tmp_path / "a", datapackage=False)
    assert not (tmp_path / "a" / "datapackage.json").exists()
