"""The fast loader agrees with the converter: never more lenient, equal where both accept."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clairlib import io
from clairlib.errors import DocumentError
from clairlib.io import _document
from clairlib.io._fast import Compiler
from clairlib.io._problems import NonFinite
from clairlib.io._source import parse
from clairlib.model import AnnualReport
from tests import strategies as s

SETTINGS = settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])

# Values a hostile document might put anywhere.
ODD_VALUES = st.sampled_from(
    [
        None,
        True,
        False,
        0,
        -1,
        5,
        Decimal("1.5"),
        Decimal("-2"),
        "",
        "x",
        "NYC",
        "US",
        "2013-08",
        "2013-13",
        "exhibition",
        "NaN",
        [],
        ["x"],
        [1],
        {},
        {"value": 1},
        NonFinite("NaN"),
        1.5,
        float("inf"),
    ]
)


def _fast(data: dict[str, Any]) -> Any:
    cls = _document.DOCUMENT_CLASSES[data["kind"]]
    return _document._fast.reader(cls)(data)


def _in_place(data: dict[str, Any]) -> Any:
    """The in-place reader's result on a copy of ``data``, which it may empty."""
    cls = _document.DOCUMENT_CLASSES[data["kind"]]
    return _document._in_place.reader(cls)(copy.deepcopy(data))


def _mutate(data: Any, draw: Callable[[st.SearchStrategy[Any]], Any]) -> Any:
    """Change one place deep inside ``data``: replace, drop or add a value."""
    container = data
    while True:
        if isinstance(container, dict) and container:
            key = draw(st.sampled_from(sorted(container)))
        elif isinstance(container, list) and container:
            key = draw(st.integers(0, len(container) - 1))
        else:
            return data
        child = container[key]
        if isinstance(child, dict | list) and child and draw(st.booleans()):
            container = child
            continue
        action = draw(st.sampled_from(["replace", "replace", "drop", "add"]))
        if action == "replace" or isinstance(container, list):
            container[key] = draw(ODD_VALUES)
        elif action == "drop":
            del container[key]
        else:
            container[draw(st.sampled_from(["extra", "kind", "id", "value"]))] = draw(ODD_VALUES)
        return data


@SETTINGS
@given(document=s.documents)
def test_the_fast_loader_reads_every_valid_document_like_the_converter(document: Any) -> None:
    """On valid documents the fast path succeeds and gives the converter's result."""
    data = io.unstructure(document)
    before = copy.deepcopy(data)
    assert io.structure(data, type(document)) == _fast(data)
    assert before == data  # the copying reader leaves what it read as it was
    assert io.structure(data, type(document)) == _in_place(data)


@SETTINGS
@given(document=s.documents, data=st.data())
def test_the_fast_loader_accepts_nothing_the_converter_rejects(
    document: Any, data: st.DataObject
) -> None:
    """After any one change, the fast path fails unless the converter accepts the same result."""
    plain = _mutate(copy.deepcopy(io.unstructure(document)), data.draw)
    for reader in (_fast, _in_place):
        try:
            fast = reader(plain)
        except Exception:
            continue
        try:
            slow = io.structure(plain, type(document))
        except DocumentError as error:
            raise AssertionError(f"fast path accepted {plain!r}; converter: {error}") from None
        assert slow == fast


HOSTILE = Path(__file__).parents[1] / "data" / "hostile"


@pytest.mark.parametrize("path", sorted(HOSTILE.glob("*.json")), ids=lambda p: p.stem)
def test_the_fast_loader_rejects_every_hostile_document(path: Path) -> None:
    """No hostile document the converter refuses gets through the fast path.

    Those it accepts (an unknown office, a repeated id: the rules' business) the fast
    path reads to the very same document.
    """
    try:
        data = parse(path.read_bytes())
    except DocumentError:
        return  # not JSON: the fast path never sees it
    if not isinstance(data, dict) or data.get("kind") not in _document.DOCUMENT_CLASSES:
        return  # refused before the fast path
    cls = _document.DOCUMENT_CLASSES[data["kind"]]
    try:
        slow = io.structure(data, cls)
    except DocumentError:
        with pytest.raises(Exception):  # noqa: B017, PT011 - any exception makes load fall back
            _fast(data)
        return
    assert slow == _fast(data)


def test_the_copying_reader_leaves_its_input_as_it_was() -> None:
    """A dict the caller hands over is read, never changed."""
    data = {
        "kind": "annual_report",
        "id": "r",
        "title": "t",
        "fiscal_year": 2013,
        "events": [{"id": "E1", "name": "n", "period": "2013-08", "offices": ["NYC"]}],
    }
    before = copy.deepcopy(data)
    io.load(data)
    assert before == data


def test_a_reader_that_gives_up_half_way_leaves_the_collecting_path_the_text() -> None:
    """After events read in place, a bad one makes load explain it from the text as written."""
    events = [
        {"id": f"E{n}", "name": "n", "period": "2013-08", "kind": "seminar"} for n in range(3)
    ]
    events.append({"id": "E3", "name": "n", "period": "2013-13"})
    text = json.dumps(
        {"kind": "annual_report", "id": "r", "title": "t", "fiscal_year": 2013, "events": events}
    )
    for source in (text, text.encode("utf-8"), {"clairlib": "1", "document": json.loads(text)}):
        with pytest.raises(DocumentError) as raised:
            io.load(json.dumps(source) if isinstance(source, dict) else source)
        prefix = "$.document" if isinstance(source, dict) else "$"
        assert [f"{prefix}.events[3].period"] == [f.path for f in raised.value.findings]


def _report(events: list[dict[str, Any]]) -> str:
    return json.dumps(
        {"kind": "annual_report", "id": "r", "title": "t", "fiscal_year": 2013, "events": events}
    )


def test_equal_venues_are_read_as_one_instance() -> None:
    """Two events held at the same place share one Venue; another place has its own."""
    venue = {"text": "パリ", "countries": ["FR"]}
    events = [
        {"id": "E1", "name": "n", "venue": venue},
        {"id": "E2", "name": "n", "venue": dict(venue)},
        {"id": "E3", "name": "n", "venue": {"text": "パリ", "countries": ["FR"], "city": "パリ"}},
    ]
    report = io.load(_report(events))
    assert isinstance(report, AnnualReport)
    first, second, third = report.events
    assert first.venue is second.venue
    assert first.venue != third.venue


def test_a_shared_value_is_no_licence_for_a_wrong_one() -> None:
    """A host already read with count 1 does not make ``count: true`` or ``count: 0`` valid."""
    good = {"name": "京都府", "count": 1}
    for wrong in (True, 0):
        events = [
            {"id": "E1", "name": "n", "local_governments": [good]},
            {"id": "E2", "name": "n", "local_governments": [{**good, "count": wrong}]},
        ]
        with pytest.raises(DocumentError) as raised:
            io.load(_report(events))
        paths = [finding.path for finding in raised.value.findings]
        assert ["$.events[1].local_governments[0].count"] == paths


@attrs.frozen(cache_hash=True)
class _Hashed:
    """A class whose __init__ fills a hidden slot: read through __init__."""

    name: str
    size: int = attrs.field(default=1, validator=attrs.validators.ge(1))


@attrs.frozen
class _Checked:
    """A class with a post-init check, which the reader runs after setting the fields."""

    low: int
    high: int = 10

    def __attrs_post_init__(self) -> None:
        if self.low > self.high:
            raise ValueError("low above high")


def test_classes_with_more_in_init_are_read_as_init_reads_them() -> None:
    """A cached hash or a post-init hook works as with the class called directly."""
    compiler = Compiler()
    assert _Hashed(name="a", size=2) == compiler.reader(_Hashed)({"name": "a", "size": 2})
    assert hash(_Hashed(name="a")) == hash(compiler.reader(_Hashed)({"name": "a"}))
    with pytest.raises(ValueError, match="must be >= 1"):
        compiler.reader(_Hashed)({"name": "a", "size": 0})
    assert _Checked(low=3) == compiler.reader(_Checked)({"low": 3})
    with pytest.raises(ValueError, match="low above high"):
        compiler.reader(_Checked)({"low": 11})
