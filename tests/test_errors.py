"""Tests for clairlib.errors and clairlib.findings."""

from __future__ import annotations

import pytest

import clairlib
from clairlib.errors import CalendarError, ClairlibError, DocumentError
from clairlib.findings import Finding, Severity, join_path


def test_root_error_is_exported() -> None:
    """The root exception is reachable as clairlib.ClairlibError."""
    assert ClairlibError is clairlib.ClairlibError


def test_calendar_error_points_at_the_offending_part() -> None:
    """A calendar error quotes the text and the span that is wrong."""
    error = CalendarError("no such month", text="平成25年13月", span=(5, 8))
    assert "平成25年13月" in str(error)
    assert "'13月'" in str(error)
    assert isinstance(error, ClairlibError)
    assert isinstance(error, ValueError)


def test_document_error_lists_every_finding() -> None:
    """A document error carries all its findings and names each path."""
    findings = [
        Finding(
            rule="structure", severity=Severity.ERROR, path=f"$.events[{i}].period", message="bad"
        )
        for i in range(3)
    ]
    error = DocumentError(findings, source="report.json")
    assert 3 == len(error.findings)
    assert str(error).startswith("3 problems in report.json")
    assert "@ $.events[2].period" in str(error)


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        ((), "$"),
        (("events", 3, "period"), "$.events[3].period"),
        (("by_country", "アメリカ"), '$.by_country["アメリカ"]'),
        (("a b",), '$["a b"]'),
        (('q"',), '$["q\\""]'),
    ],
)
def test_join_path(parts: tuple[str | int, ...], expected: str) -> None:
    """Paths use dots for identifiers, brackets for indices and quoted odd keys."""
    assert expected == join_path(parts)
