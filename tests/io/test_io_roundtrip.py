"""Round trips: canonical JSON text and model objects survive dumps → load unchanged."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clairlib import io
from tests import strategies as s

EXAMPLES = Path(__file__).parents[2] / "examples"

# Every model class with its strategy: each must survive unstructure → structure.
CLASSES = {
    "Quantity": s.quantities,
    "Country": s.countries,
    "LocalGovernment": s.local_governments,
    "Item": s.items,
    "Objective": s.objectives,
    "Pillar": s.pillars,
    "CrosswalkLink": s.crosswalk_links,
    "Crosswalk": s.crosswalks,
    "Framework": s.frameworks,
    "Department": s.departments,
    "Office": s.offices,
    "Venue": s.venues,
    "BreakdownItem": s.breakdown_items,
    "Breakdown": s.breakdowns,
    "Participants": s.participants,
    "Event": s.events,
    "Person": s.persons,
    "Grant": s.grants,
    "Publication": s.publications,
    "Indicator": s.indicators,
    "Target": s.targets,
    "Measurement": s.measurements,
    "AgendaItem": s.agenda_items,
    "Meeting": s.meetings,
    "Officer": s.officers,
    "StaffCount": s.staff_counts,
    "Organisation": s.organisations,
    "Block": s.blocks,
    "Programme": s.programmes,
    "Section": s.sections,
    "Column": s.columns,
    "Row": s.rows,
    "Table": s.tables,
    "Selector": s.selectors,
    "Figure": s.figures,
    "OfficeFocus": s.office_focuses,
    "MidTermPlan": s.mid_term_plans,
    "AnnualPlan": s.annual_plans,
    "AnnualReport": s.annual_reports,
}

SLOW = settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.parametrize("name", sorted(CLASSES))
@SLOW
@given(data=st.data())
def test_every_class_round_trips_through_plain_data(name: str, data: st.DataObject) -> None:
    """structure(unstructure(x)) gives back an equal object for every model class."""
    value = data.draw(CLASSES[name])
    assert value == io.structure(io.unstructure(value), type(value))


@SLOW
@given(document=s.documents)
def test_dumps_of_loaded_text_is_the_same_text(document: object) -> None:
    """dumps(load(dumps(x))) == dumps(x) for every document."""
    text = io.dumps(document)  # type: ignore[arg-type]
    assert text == io.dumps(io.load(text))


@SLOW
@given(document=s.documents)
def test_dumps_is_json_dumps_of_the_unstructured_data(document: object) -> None:
    """The text dumps writes from the model is json.dumps of its canonical data, to the byte."""
    data = io.unstructure(document)
    expected = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True, allow_nan=False)
    assert expected + "\n" == io.dumps(document)  # type: ignore[arg-type]


@SLOW
@given(document=s.documents)
def test_load_of_dumps_gives_an_equal_document(document: object) -> None:
    """load(dumps(x)) == x: nothing a document holds is lost on the way through JSON."""
    assert document == io.load(io.dumps(document))  # type: ignore[arg-type]


@SLOW
@given(document=s.documents)
def test_bytes_and_dict_sources_give_the_same_document(document: object) -> None:
    """The same document arrives from text, UTF-8 bytes and the parsed dict."""
    text = io.dumps(document)  # type: ignore[arg-type]
    assert document == io.load(text.encode("utf-8"))
    assert document == io.load(io.unstructure(document))


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.json")), ids=lambda p: p.name)
def test_example_documents_are_already_canonical(path: Path) -> None:
    """The bundled example documents load and write back byte for byte."""
    text = path.read_text(encoding="utf-8")
    assert text == io.dumps(io.load(path))
