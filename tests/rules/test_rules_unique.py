"""unique-id: ids used once in their namespace."""

from __future__ import annotations

import attrs

from clairlib.findings import Severity
from clairlib.model import AnnualReport, Column
from clairlib.rules import UniqueIds, validate


def test_excerpt_ids_are_unique(excerpt: AnnualReport) -> None:
    """The excerpt's 45 events, 8 persons, figures, tables and programmes have unique ids."""
    assert () == validate(excerpt, rules=[UniqueIds()]).findings


def test_a_repeated_event_id(excerpt: AnnualReport) -> None:
    """A second e1-001 is found at the repeat, naming the first use."""
    events = list(excerpt.events)
    events[5] = attrs.evolve(events[5], id="e1-001")
    findings = validate(attrs.evolve(excerpt, events=tuple(events)), rules=[UniqueIds()]).findings
    assert [("$.events[5].id", Severity.ERROR)] == [(f.path, f.severity) for f in findings]
    assert "$.events[0].id" in findings[0].message


def test_records_share_one_namespace(excerpt: AnnualReport) -> None:
    """A person with an event's id clashes: a table row's record may name either."""
    persons = list(excerpt.persons)
    persons[0] = attrs.evolve(persons[0], id="e1-002")
    findings = validate(attrs.evolve(excerpt, persons=tuple(persons)), rules=[UniqueIds()]).findings
    assert ["$.persons[0].id"] == [f.path for f in findings]
    assert findings[0].evidence is not None
    assert ("$.events[1].id", "$.persons[0].id") == findings[0].evidence.parts


def test_column_keys_within_a_table(excerpt: AnnualReport) -> None:
    """Two columns keyed ``venue`` in one table are found."""
    table = excerpt.tables[0]
    table = attrs.evolve(table, columns=(*table.columns, Column(key="venue", label="again")))
    doc = attrs.evolve(excerpt, tables=(table, *excerpt.tables[1:]))
    assert ["$.tables[0].columns[5].key"] == [
        f.path for f in validate(doc, rules=[UniqueIds()]).findings
    ]


def test_measurements_share_the_record_namespace(excerpt: AnnualReport) -> None:
    """A measurement with an event's id clashes, since a table row may name either."""
    measurements = list(excerpt.measurements)
    measurements[0] = attrs.evolve(measurements[0], id="e1-045")
    doc = attrs.evolve(excerpt, measurements=tuple(measurements))
    assert ["$.measurements[0].id"] == [f.path for f in validate(doc, rules=[UniqueIds()]).findings]
