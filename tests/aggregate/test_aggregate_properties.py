"""Properties: a grouping's sum equals its records' total; summaries never fail."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings

from clairlib.aggregate import summarize, tally
from clairlib.model import AnnualReport
from tests.strategies import annual_reports, audited_reports


@settings(max_examples=60, deadline=None)
@given(audited_reports())
def test_single_valued_grouping_sums_to_the_total(doc: AnnualReport) -> None:
    """By kind or month (one key per event) the groups add up to the total, for any measure."""
    for by in ("kind", "month", "programme"):
        for measure in ("count", "sum:participants"):
            result = tally(doc, "events", by=by, measure=measure)
            assert result.total == result.gross
            assert not result.overlapping


@settings(max_examples=60, deadline=None)
@given(audited_reports())
def test_multi_valued_grouping_counts_each_membership(doc: AnnualReport) -> None:
    """By office: gross is the number of (event, office) pairs; total counts each event once."""
    result = tally(doc, "events", by="office")
    pairs = sum(len(set(e.offices)) for e in doc.events)
    assert Decimal(pairs) == result.gross
    assert result.assigned is not None
    assert result.unassigned is not None
    assert Decimal(len(doc.events)) == result.total == result.assigned + result.unassigned
    assert result.overlapping == any(len(e.offices) > 1 for e in doc.events)


@settings(max_examples=40, deadline=None)
@given(annual_reports)
def test_summaries_of_any_report(doc: AnnualReport) -> None:
    """Summarize works on any report and lists every record-bearing pillar once."""
    summary = summarize(doc)
    keys = [p.pillar for p in summary.pillars]
    assert len(set(keys)) == len(keys)
    events = summary.total.get("events")
    assert (events.value if events else Decimal(0)) == Decimal(len(doc.events))
