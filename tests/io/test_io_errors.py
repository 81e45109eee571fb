"""Bad documents: every structural problem is reported, each with its rule and path."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import clairlib
from clairlib import io
from clairlib.errors import ClairlibError, DocumentError
from clairlib.findings import Severity

HOSTILE = Path(__file__).parents[1] / "data" / "hostile"


def _cases() -> list[tuple[str, list[tuple[str, str]]]]:
    cases = []
    for line in (HOSTILE / "cases.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        name, findings = line.split("\t")
        expected = [tuple(item.strip().split(" ", 1)) for item in findings.split(";")]
        cases.append((name, expected))
    return cases  # type: ignore[return-value]


CASES = _cases()
# The documents load refuses; the others are well formed but name an unknown office or
# repeat an id, which validation reports.
REFUSED = [case for case in CASES if any(rule.startswith("structure.") for rule, _ in case[1])]
AUDITED = [case for case in CASES if case not in REFUSED]


def _problems(source: object) -> DocumentError:
    with pytest.raises(DocumentError) as caught:
        io.load(source)
    return caught.value


def test_the_hostile_corpus_has_at_least_fifty_documents() -> None:
    """The corpus holds 50 or more malformed documents, every file listed once."""
    listed = sorted(name for name, _ in CASES)
    assert sorted(p.name for p in HOSTILE.glob("*.json")) == listed
    assert len(listed) >= 50


@pytest.mark.parametrize(("name", "expected"), REFUSED, ids=[name for name, _ in REFUSED])
def test_each_hostile_document_gives_its_findings(
    name: str, expected: list[tuple[str, str]]
) -> None:
    """Each malformed document raises one DocumentError with exactly the expected findings."""
    error = _problems(HOSTILE / name)
    assert sorted(expected) == sorted((f.rule, f.path) for f in error.findings)
    assert str(HOSTILE / name) == error.source
    for finding in error.findings:
        assert Severity.ERROR is finding.severity
        assert finding.message.startswith("expected ")
        assert ", found " in finding.message


@pytest.mark.parametrize(("name", "expected"), REFUSED[:20], ids=[name for name, _ in REFUSED[:20]])
def test_hostile_bytes_give_the_same_findings_as_the_file(
    name: str, expected: list[tuple[str, str]]
) -> None:
    """Loading the bytes of a hostile file finds the same problems as loading the path."""
    error = _problems((HOSTILE / name).read_bytes())
    assert sorted(expected) == sorted((f.rule, f.path) for f in error.findings)


@pytest.mark.parametrize(("name", "expected"), AUDITED, ids=[name for name, _ in AUDITED])
def test_unknown_offices_and_repeated_ids_load_and_validation_reports_them(
    name: str, expected: list[tuple[str, str]]
) -> None:
    """Which offices exist and whether ids repeat are the rules' checks, not the loader's."""
    report = clairlib.validate(io.load(HOSTILE / name))
    errors = [(f.rule, f.path) for f in report.findings if f.severity is Severity.ERROR]
    assert sorted(expected) == sorted(errors)


REPORT = {"kind": "annual_report", "id": "r", "title": "t", "fiscal_year": 2013}


def test_three_distinct_problems_give_three_findings() -> None:
    """A wrong type, an unreadable period and an unknown field are all reported at once."""
    data = dict(REPORT, title=5, colour="red")
    data["events"] = [{"id": "E1", "name": "n"}, {"id": "E2", "name": "n", "period": "2013-02-30"}]
    error = _problems(data)
    assert [
        ("structure.type", "$.title"),
        ("structure.period", "$.events[1].period"),
        ("structure.unknown-field", "$.colour"),
    ] == [(f.rule, f.path) for f in error.findings]


def test_problems_in_many_records_are_all_reported() -> None:
    """A bad period in every one of 30 events gives 30 findings, one per event."""
    events = [{"id": f"E{i}", "name": "n", "period": "2013-13"} for i in range(30)]
    error = _problems(dict(REPORT, events=events))
    assert [f"$.events[{i}].period" for i in range(30)] == [f.path for f in error.findings]


def test_the_message_says_what_was_expected_and_what_was_found() -> None:
    """Messages name the expectation and the offending value."""
    error = _problems(dict(REPORT, events=[{"id": "E1", "name": "n", "offices": [5]}]))
    (finding,) = error.findings
    expected = "expected an office code such as 'HQ', 'NYC' or 'JP-13', found number 5"
    assert expected == finding.message
    assert f"{expected} @ $.events[0].offices[0]" in str(error)


def test_an_unreadable_period_carries_the_calendar_message() -> None:
    """The calendar's own explanation is part of the finding's message."""
    error = _problems(dict(REPORT, events=[{"id": "E1", "name": "n", "period": "2014-01/2013-12"}]))
    (finding,) = error.findings
    assert "an end on or after '2014-01'" in finding.message


def test_invalid_json_names_line_and_column() -> None:
    """A syntax error is reported at $ with its line and column."""
    error = _problems('{\n  "kind": "annual_report",\n  "id": r\n}')
    (finding,) = error.findings
    assert ("structure.json", "$") == (finding.rule, finding.path)
    assert "line 3, column 9" in finding.message


def test_an_unknown_field_message_lists_the_fields_allowed() -> None:
    """The unknown-field finding names the class's fields, so a typo is easy to spot."""
    error = _problems(dict(REPORT, events=[{"id": "E1", "name": "n", "venu": {"text": "x"}}]))
    (finding,) = error.findings
    assert "$.events[0].venu" == finding.path
    assert "venue" in finding.message
    assert '"venu"' in finding.message


def test_float_nan_and_infinity_in_a_dict_are_rejected() -> None:
    """A dict built in Python with float('nan') or inf is refused as not finite."""
    figure = {
        "id": "F",
        "label": "l",
        "value": {"value": float("nan")},
        "change": {"value": float("-inf")},
    }
    error = _problems(dict(REPORT, figures=[figure]))
    assert [
        ("structure.not-finite", "$.figures[0].value.value"),
        ("structure.not-finite", "$.figures[0].change.value"),
    ] == [(f.rule, f.path) for f in error.findings]


def test_a_finite_float_in_a_dict_is_read_by_its_shortest_text() -> None:
    """A float 68.5 in a dict built in Python becomes Decimal('68.5')."""
    figure = {"id": "F", "label": "l", "value": {"value": 68.5}}
    report = io.load(dict(REPORT, figures=[figure]))
    assert "68.5" == str(report.figures[0].value.value)  # type: ignore[union-attr]


def test_offices_the_organisation_lists_are_known_to_the_document() -> None:
    """An office code the document's organisation lists may be used by its records."""
    data = dict(REPORT, organisation={"offices": ["X-9"]})
    data["persons"] = [{"id": "P1", "role": "CIR", "office": "X-9"}]
    report = io.load(data)
    assert "X-9" == report.persons[0].office  # type: ignore[union-attr]


def test_structure_of_one_class_reports_paths_from_that_object() -> None:
    """structure() of a single class raises a DocumentError with paths rooted at it."""
    from clairlib.model import Event

    with pytest.raises(DocumentError) as caught:
        io.structure({"id": "E1", "name": "n", "period": "x"}, Event)
    assert ["$.period"] == [f.path for f in caught.value.findings]


def test_document_errors_are_clairlib_errors() -> None:
    """Callers can catch every loading problem with ClairlibError."""
    with pytest.raises(ClairlibError):
        io.load(json.dumps(dict(REPORT, fiscal_year="x")))
