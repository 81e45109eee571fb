"""Properties: reordering records changes no finding; no rule fails on any document."""

from __future__ import annotations

import re
from random import Random

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

from clairlib.model import AnnualReport, Document
from clairlib.rules import default_rules, validate
from tests.strategies import audited_reports, documents

_EVENT = re.compile(r"\$\.events\[(\d+)\]")


def _normalised(doc: AnnualReport) -> list[tuple[object, ...]]:
    """Findings with event positions replaced by event ids, in a canonical order."""

    def name(text: str) -> str:
        return _EVENT.sub(lambda m: f"$.events<{doc.events[int(m.group(1))].id}>", text)

    out = []
    for f in validate(doc, rules=default_rules()).findings:
        e = f.evidence
        out.append(
            (
                f.rule,
                f.severity.value,
                name(f.path),
                name(f.message),
                None if e is None else (str(e.left), e.op, str(e.right), str(e.tolerance)),
                frozenset() if e is None else frozenset(name(p) for p in e.parts),
            )
        )
    return sorted(out, key=repr)


@settings(max_examples=60, deadline=None)
@given(audited_reports(), st.randoms(use_true_random=False))
def test_reordering_events_changes_no_finding(doc: AnnualReport, random: Random) -> None:
    """Shuffling the events gives the same findings, once positions are named by id."""
    events = list(doc.events)
    random.shuffle(events)
    shuffled = attrs.evolve(doc, events=tuple(events))
    assert _normalised(doc) == _normalised(shuffled)


@settings(max_examples=40, deadline=None)
@given(documents)
def test_no_rule_fails_on_any_document(doc: Document) -> None:
    """Every default rule runs to the end on any well-formed document (no failure findings)."""
    failures = [
        f.message for f in validate(doc, rules=default_rules()).findings if "failed" in f.message
    ]
    assert [] == failures
