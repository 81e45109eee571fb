"""The one description of the canonical JSON, and the code generated from it."""

from __future__ import annotations

import linecache

import attrs
import pytest

from clairlib import io
from clairlib.errors import DocumentError
from clairlib.io import _describe
from clairlib.io._describe import Kind, Value
from clairlib.io._fast import Compiler
from clairlib.model import AnnualReport, Event, EventKind, Person, Programme, Venue


def test_an_event_is_described_field_by_field_in_key_order() -> None:
    """Event's fields come sorted by key, with their value kinds and defaults."""
    model = _describe.describe(Event)
    assert sorted(field.name for field in attrs.fields(Event)) == [f.key for f in model.fields]
    by_key = {field.key: field for field in model.fields}
    assert Value(Kind.SEQUENCE, item=Value(Kind.OFFICE)) == by_key["offices"].value
    assert Value(Kind.OPTIONAL, item=Value(Kind.MODEL, Venue)) == by_key["venue"].value
    assert Value(Kind.OPTIONAL, item=Value(Kind.PERIOD_OR_SET)) == by_key["period"].value
    assert Value(Kind.ENUM, EventKind) == by_key["kind"].value
    assert EventKind.OTHER is by_key["kind"].default
    assert by_key["id"].required
    assert by_key["group"].by_identity
    assert not by_key["tags"].by_identity
    assert None is model.kind


def test_countries_and_offices_are_codes_where_the_model_says_so() -> None:
    """A person's office and country are code references; their role is plain text."""
    by_key = {field.key: field for field in _describe.describe(Person).fields}
    assert Value(Kind.OPTIONAL, item=Value(Kind.OFFICE)) == by_key["office"].value
    assert Value(Kind.OPTIONAL, item=Value(Kind.COUNTRY)) == by_key["country"].value
    assert Value(Kind.STR) == by_key["role"].value


def test_a_programmes_countries_are_country_codes() -> None:
    """Programme.countries are code references like a venue's; its offices are offices."""
    by_key = {field.key: field for field in _describe.describe(Programme).fields}
    assert Value(Kind.SEQUENCE, item=Value(Kind.COUNTRY)) == by_key["countries"].value
    assert Value(Kind.SEQUENCE, item=Value(Kind.OFFICE)) == by_key["offices"].value


def test_a_document_class_carries_its_kind() -> None:
    """The document classes are described with their discriminator."""
    model = _describe.describe(AnnualReport)
    assert "annual_report" == model.kind
    assert "kind" in model.keys


def test_generated_source_is_registered_with_linecache() -> None:
    """The source of a generated reader is in linecache under its code object's file name."""
    reader = Compiler().reader(Venue)
    filename = reader.__code__.co_filename
    assert filename.startswith("<clairlib.io reader Venue")
    assert "def read(o):\n" == linecache.getline(filename, 1)


def test_an_unsupported_annotation_is_refused() -> None:
    """A type the canonical JSON has no form for is a TypeError when described."""
    with pytest.raises(TypeError, match="no form"):
        _describe.value_of(set[str])


REPORT = '{"kind": "annual_report", "id": "r", "title": "t", "fiscal_year": 2013}'


def test_load_reads_the_envelope_and_the_bare_document_alike() -> None:
    """An envelope with schema version 1 gives the same document as the bare JSON."""
    assert io.load(REPORT) == io.load('{"clairlib": "1", "document": ' + REPORT + "}")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('{"clairlib": 1, "document": {}}', [("structure.version", "$.clairlib")]),
        ('{"clairlib": "2", "document": {}}', [("structure.version", "$.clairlib")]),
        ('{"clairlib": "1"}', [("structure.missing", "$.document")]),
        (
            '{"clairlib": "1", "document": ' + REPORT + ', "extra": 1}',
            [("structure.unknown-field", "$.extra")],
        ),
        ('{"clairlib": "1", "document": [1]}', [("structure.type", "$.document")]),
    ],
)
def test_a_bad_envelope_is_a_document_error(text: str, expected: list[tuple[str, str]]) -> None:
    """A wrong version, a missing document or an extra key is reported at its path."""
    with pytest.raises(DocumentError) as raised:
        io.load(text)
    assert expected == [(f.rule, f.path) for f in raised.value.findings]


def test_an_unknown_version_is_named_in_the_message() -> None:
    """The message names the version found and the one clairlib reads."""
    with pytest.raises(DocumentError, match="expected schema version '1', found \"7\""):
        io.load('{"clairlib": "7", "document": {}}')


def test_a_programme_country_that_is_no_code_is_refused_at_its_path() -> None:
    """A load refuses ``usa`` among a programme's countries, naming where it stands."""
    text = (
        '{"kind": "annual_plan", "id": "p", "title": "t", "fiscal_year": 2025, "sections": '
        '[{"id": "1", "title": "s", "programmes": [{"id": "p1", "name": "n", '
        '"countries": ["US", "usa"]}]}]}'
    )
    with pytest.raises(DocumentError, match=r"found \"usa\" @ \$\.sections\[0\]\.programmes\[0\]"):
        io.load(text)
