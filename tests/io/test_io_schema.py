"""The JSON Schema of the canonical JSON: committed, valid, and in step with the loader."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings

from clairlib import io
from clairlib.errors import ClairlibError, DocumentError
from tests import strategies

ROOT = Path(__file__).parents[2]
COMMITTED = ROOT / "schema" / "clairlib-1.schema.json"
HOSTILE = ROOT / "tests" / "data" / "hostile"
EXAMPLES = [
    *sorted((ROOT / "examples").glob("*.json")),
    ROOT / "src" / "clairlib" / "samples" / "fy2013-report.json",
    ROOT / "src" / "clairlib" / "reference" / "data" / "midterm-plan-2022.json",
]


def _validator(kind: str | None = None) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(io.json_schema(kind))


def test_the_committed_schema_is_the_generated_one() -> None:
    """schema/clairlib-1.schema.json is exactly what json_schema() gives: regenerate it."""
    generated = json.dumps(io.json_schema(), ensure_ascii=False, indent=2) + "\n"
    assert generated == COMMITTED.read_text(encoding="utf-8")


@pytest.mark.parametrize("kind", [None, "mid_term_plan", "annual_plan", "annual_report"])
def test_the_schema_is_a_valid_draft_2020_12_schema(kind: str | None) -> None:
    """Each schema passes the draft 2020-12 meta-schema."""
    schema = io.json_schema(kind)
    assert "https://json-schema.org/draft/2020-12/schema" == schema["$schema"]
    jsonschema.Draft202012Validator.check_schema(schema)


@pytest.mark.parametrize("path", EXAMPLES, ids=[path.name for path in EXAMPLES])
def test_every_example_validates(path: Path) -> None:
    """The examples and the bundled documents are valid against the schema."""
    data = json.loads(path.read_text(encoding="utf-8"))
    assert [] == [error.message for error in _validator().iter_errors(data)]
    assert [] == [error.message for error in _validator(data["kind"]).iter_errors(data)]


def test_the_envelope_validates_and_another_version_does_not() -> None:
    """The envelope with version "1" is valid; version "2" is not."""
    report = {"kind": "annual_report", "id": "r", "title": "t", "fiscal_year": 2013}
    assert _validator().is_valid({"clairlib": "1", "document": report})
    assert not _validator().is_valid({"clairlib": "2", "document": report})


def test_a_kind_schema_refuses_the_other_kinds() -> None:
    """The annual-plan schema does not admit an annual report."""
    report = {"kind": "annual_report", "id": "r", "title": "t", "fiscal_year": 2013}
    assert not _validator("annual_plan").is_valid(report)
    assert _validator("annual_report").is_valid(report)


def test_titles_and_descriptions_come_from_the_model() -> None:
    """Docstrings give descriptions, field comments describe fields, enums list values."""
    defs = io.json_schema()["$defs"]
    assert "Event" == defs["Event"]["title"]
    assert defs["Event"]["description"].startswith("Something held, joined or supported")
    venue = defs["Venue"]["properties"]["countries"]
    assert "ISO 3166-1 alpha-2" == venue["description"]
    assert ["distinct", "gross"] == defs["CountingBasis"]["enum"]
    assert ["kind", "fiscal_year", "id", "title"] == defs["AnnualReport"]["required"]
    assert {"const": "annual_report"} == defs["AnnualReport"]["properties"]["kind"]
    assert {"minimum": 1, "maximum": 10**30 - 1} == {
        key: defs["Person"]["properties"]["count"][key] for key in ("minimum", "maximum")
    }


@pytest.mark.parametrize(
    ("definition", "good", "bad"),
    [
        ("Period", ["2013-08-01", "2013-08", "2013", "FY2013", "2013-12/2014-01"], ["2013-13"]),
        ("PeriodSet", ["2013-07,2013-09/2013-10", "R/2013-04/P1M"], ["R/2013-04", "2013-7"]),
        ("OfficeCode", ["HQ", "JP-13", "JP-47", "011002", "NYC"], ["JP-48", "nyc", "1100"]),
        ("CountryCode", ["US", "JP"], ["us", "USA"]),
        ("FiscalYear", [1, 2013, 9998], [0, 9999, "2013"]),
    ],
)
def test_codes_and_periods_have_their_patterns(
    definition: str, good: list[Any], bad: list[Any]
) -> None:
    """Periods, fiscal years, office and country codes are checked by pattern or range."""
    schema = io.json_schema()
    check = jsonschema.Draft202012Validator(
        {"$ref": f"#/$defs/{definition}", "$defs": schema["$defs"]}
    )
    assert [True] * len(good) == [check.is_valid(value) for value in good]
    assert [False] * len(bad) == [check.is_valid(value) for value in bad]


def test_an_unknown_kind_is_a_clairlib_error() -> None:
    """json_schema("report") names the kinds there are."""
    with pytest.raises(ClairlibError, match="'annual_plan', 'annual_report', 'mid_term_plan'"):
        io.json_schema("report")


# Rules of the loader that a JSON Schema cannot state, by the hostile document that shows it.
CANNOT_EXPRESS = {
    "period-february-30.json": "a pattern cannot know the days of each month",
    "period-reversed.json": "a pattern cannot compare the two ends of a range",
    "unknown-country.json": "the schema has the shape of a code; which codes exist is CLDR's",
    **dict.fromkeys(
        [
            "number-exponent-huge.json",
            "number-exponent-tiny.json",
            "number-exponent-31.json",
            "number-31-significant-digits.json",
            "number-4299-digits.json",
        ],
        "a schema bounds a number's value, not its significant digits or its exponent",
    ),
    **dict.fromkeys(
        ["duplicate-key-events.json", "duplicate-key-kind.json", "duplicate-key-nested.json"],
        "a schema sees the parsed object, in which a key given twice is already one key",
    ),
}


def _hostile_cases() -> list[tuple[str, str]]:
    cases = []
    for line in (HOSTILE / "cases.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        name, findings = line.split("\t")
        if "structure." in findings:  # the others load: validation reports their problems
            cases.append((name, findings))
    return cases


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


@pytest.mark.parametrize(("name", "findings"), _hostile_cases(), ids=lambda v: str(v)[:40])
def test_what_the_loader_refuses_for_its_structure_the_schema_refuses(
    name: str, findings: str
) -> None:
    """Every hostile document load rejects is invalid against the schema, or is listed here."""
    raw = (HOSTILE / name).read_bytes()
    try:
        data = json.loads(raw, parse_constant=_no_constant)
    except (ValueError, RecursionError):
        # Not JSON at all (a syntax error, NaN, too deep): a schema applies to JSON values.
        assert "structure.json" in findings or "structure.not-finite" in findings
        return
    if name in CANNOT_EXPRESS:
        assert _validator().is_valid(data), f"{name} is now refused: drop it from the list"
        return
    assert not _validator().is_valid(data)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=strategies.schema_documents("annual_report"))
def test_load_accepts_or_refuses_what_the_schema_generates(data: Any) -> None:
    """A document generated from the schema loads, or is a DocumentError: never anything else."""
    with contextlib.suppress(DocumentError):
        io.load(json.dumps(data))


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=strategies.schema_documents("mid_term_plan"))
def test_load_accepts_or_refuses_generated_mid_term_plans(data: Any) -> None:
    """The same for mid-term plans (as a parsed dict), whose frameworks nest items in items."""
    with contextlib.suppress(DocumentError):
        io.load(data)
