"""Coverage: every printed figure of a document ends in exactly one state, with its reason.

A printed figure is a declared :class:`~clairlib.model.Figure`'s value, its reported
change (前年度比) when it prints one, and each number in a table's 計 or subtotal row.
After the rules have run, each is in one of four states:

- ``agree``: a rule compared it with what the records or other figures give, and it
  holds;
- ``disagree``: a rule found it wrong (an error or warning finding at its path);
- ``awaiting``: it can only be checked against another document (a 前年度比 against
  last year's report, a target against the plan), which was not given;
- ``unchecked``: nothing checked it, with the reason (no records behind it, or the
  print defines it in a way the records cannot recompute — the figure's ``unchecked``
  says how).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import attrs

from clairlib.findings import Finding, Severity, join_path
from clairlib.model.documents import AnnualReport, ColumnRole, Document, Figure, RowKind, Table
from clairlib.model.quantity import Quantity

# Cells printed as a dash or left empty print no figure.
_NOTHING = frozenset({"", "-", "－", "–", "—", "‐", "―", "ー"})

NO_RECORDS = "no records behind it: it is linked to no records, parts or ratio"
NO_RULE = "no rule checked it"
VALUE_COLUMN = "a value column: the print does not say how its total follows from the rows"

# What an awaited document is called in the text of a report.
AWAITED = {"previous": "last year's report", "plan": "the plan"}


class State(enum.Enum):
    """Where a printed figure ended after validation."""

    AGREE = "agree"
    DISAGREE = "disagree"
    AWAITING = "awaiting"
    UNCHECKED = "unchecked"


@attrs.frozen(kw_only=True)
class PrintedFigure:
    """One printed figure and its state: where, what, and why it is not checked.

    ``awaits`` names the document an ``awaiting`` figure needs (``previous``, ``plan``);
    ``rules`` the rules that checked it.
    """

    path: str
    label: str
    text: str
    state: State
    reason: str | None = None
    awaits: str | None = None
    rules: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class Coverage:
    """Every printed figure of a document in one of four states.

    ``checked`` is ``agree + disagree``; ``total`` is ``checked + awaiting + unchecked``.
    """

    figures: tuple[PrintedFigure, ...] = ()

    def of(self, state: State) -> tuple[PrintedFigure, ...]:
        """The figures in ``state``."""
        return tuple(f for f in self.figures if f.state is state)

    @property
    def total(self) -> int:
        """How many figures the document prints."""
        return len(self.figures)

    @property
    def agree(self) -> int:
        """How many were checked and hold."""
        return len(self.of(State.AGREE))

    @property
    def disagree(self) -> int:
        """How many were checked and found wrong."""
        return len(self.of(State.DISAGREE))

    @property
    def checked(self) -> int:
        """How many a rule compared: agree + disagree."""
        return self.agree + self.disagree

    @property
    def awaiting(self) -> int:
        """How many wait for another document."""
        return len(self.of(State.AWAITING))

    @property
    def unchecked(self) -> int:
        """How many nothing could check."""
        return len(self.of(State.UNCHECKED))

    def reasons(self, state: State = State.UNCHECKED) -> dict[str, tuple[str, ...]]:
        """The paths in ``state`` grouped by reason, most frequent reason first."""
        groups: dict[str, list[str]] = {}
        for figure in self.of(state):
            groups.setdefault(figure.reason or "", []).append(figure.path)
        ordered = sorted(groups.items(), key=lambda item: (-len(item[1]), item[0]))
        return {reason: tuple(paths) for reason, paths in ordered}

    def describe(self) -> str:
        """``N printed figures: N checked (N agree, N disagree), N await …, N unchecked``."""
        awaited = {f.awaits for f in self.of(State.AWAITING)}
        what = AWAITED["previous"] if awaited <= {"previous"} else "another document"
        return (
            f"{self.total} printed figures: {self.checked} checked "
            f"({self.agree} agree, {self.disagree} disagree), "
            f"{self.awaiting} await {what}, {self.unchecked} unchecked"
        )

    def as_dict(self) -> dict[str, int]:
        """The counts, as ``clairlib validate --format json`` prints them."""
        return {
            "total": self.total,
            "checked": self.checked,
            "agree": self.agree,
            "disagree": self.disagree,
            "awaiting": self.awaiting,
            "unchecked": self.unchecked,
        }


@attrs.frozen(kw_only=True)
class _Slot:
    path: str
    label: str
    text: str
    owns: tuple[str, ...]
    default: str
    awaits: str | None = None


@attrs.frozen(kw_only=True)
class Mark:
    """A rule's word on one path: it checked it, or it skipped it for ``reason``."""

    rule: str
    path: str
    reason: str | None = None
    awaits: str | None = None


def _figure_slots(i: int, figure: Figure) -> Iterator[_Slot]:
    base = join_path(["figures", i])
    linked = (
        figure.computed_from is not None
        or bool(figure.parts)
        or (figure.numerator is not None and figure.denominator is not None)
    )
    default = figure.unchecked or (NO_RULE if linked else NO_RECORDS)
    yield _Slot(
        path=f"{base}.value",
        label=figure.label,
        text=str(figure.value),
        owns=(f"{base}.value", f"{base}.computed_from", f"{base}.parts", base),
        default=default,
    )
    if figure.change is not None:
        yield _Slot(
            path=f"{base}.change",
            label=f"{figure.label} (前年度比)",
            text=str(figure.change),
            owns=(f"{base}.change", f"{base}.previous"),
            default=NO_RULE,
        )


def _table_slots(t: int, table: Table) -> Iterator[_Slot]:
    roles = {c.key: c for c in table.columns}
    for r, row in enumerate(table.rows):
        if row.kind is RowKind.DATA:
            continue
        for key, cell in row.cells.items():
            column = roles.get(key)
            if column is None or column.role is ColumnRole.LABEL:
                continue
            if cell is None or (isinstance(cell, str) and cell.strip() in _NOTHING):
                continue
            path = join_path(["tables", t, "rows", r, "cells", key])
            group = f" {row.group}" if row.group else ""
            yield _Slot(
                path=path,
                label=f"{table.caption}{group} {column.label} ({row.kind.value})",
                text=str(cell) if isinstance(cell, Quantity) else cell,
                owns=(path,),
                default=VALUE_COLUMN if column.role is ColumnRole.VALUE else NO_RULE,
            )


def _slots(doc: Document) -> Iterator[_Slot]:
    if not isinstance(doc, AnnualReport):
        return
    for i, figure in enumerate(doc.figures):
        yield from _figure_slots(i, figure)
    for t, table in enumerate(doc.tables):
        yield from _table_slots(t, table)


def printed_paths(doc: Document) -> tuple[str, ...]:
    """The path of every printed figure of ``doc``, in document order."""
    return tuple(slot.path for slot in _slots(doc))


def account(doc: Document, findings: Iterable[Finding], marks: Iterable[Mark]) -> Coverage:
    """Give every printed figure of ``doc`` its state from the findings and the rules' marks.

    A finding at a figure's path means a rule checked it: an error or warning makes it
    ``disagree``, a note leaves it ``agree``. A rule's check mark makes it ``agree``; a
    skip that awaits a document makes it ``awaiting``; another skip gives the reason it
    is ``unchecked``; with neither, the figure's own reason.
    """
    by_path: dict[str, list[Finding]] = {}
    for finding in findings:
        by_path.setdefault(finding.path, []).append(finding)
    checked: dict[str, list[str]] = {}
    skipped: dict[str, list[Mark]] = {}
    for mark in marks:
        if mark.reason is None:
            checked.setdefault(mark.path, []).append(mark.rule)
        else:
            skipped.setdefault(mark.path, []).append(mark)
    return Coverage(figures=tuple(_state(slot, by_path, checked, skipped) for slot in _slots(doc)))


def _state(
    slot: _Slot,
    findings: Mapping[str, list[Finding]],
    checked: Mapping[str, list[str]],
    skipped: Mapping[str, list[Mark]],
) -> PrintedFigure:
    found = [f for path in slot.owns for f in findings.get(path, ())]
    rules = dict.fromkeys(
        [*(r for path in slot.owns for r in checked.get(path, ())), *(f.rule for f in found)]
    )
    common: dict[str, Any] = {"path": slot.path, "label": slot.label, "text": slot.text}
    if any(f.severity is not Severity.INFO for f in found):
        return PrintedFigure(state=State.DISAGREE, rules=tuple(rules), **common)
    if rules:
        return PrintedFigure(state=State.AGREE, rules=tuple(rules), **common)
    skips = [m for path in slot.owns for m in skipped.get(path, ())]
    waiting = [m for m in skips if m.awaits is not None]
    if waiting:
        return PrintedFigure(
            state=State.AWAITING, reason=waiting[0].reason, awaits=waiting[0].awaits, **common
        )
    if skips:
        reason = skips[0].reason
        return PrintedFigure(state=State.UNCHECKED, reason=reason, **common)
    return PrintedFigure(state=State.UNCHECKED, reason=slot.default, **common)
