"""Validation: rules that compare what a document declares with what it computes.

>>> from clairlib.rules import default_rules, validate
>>> report = validate(doc, rules=default_rules())          # doctest: +SKIP
>>> report.valid, [f.rule for f in report.errors]           # doctest: +SKIP

Each rule has a stable code and yields :class:`~clairlib.findings.Finding` objects
with a path, a message and the evidence (left, op, right, tolerance, parts).
:func:`validate` runs every rule and collects every finding; a rule that cannot
apply says why (:attr:`ValidationReport.skipped`), and a rule that fails is a
finding of its own. :attr:`ValidationReport.coverage` gives every printed figure one
state: it agrees, disagrees, awaits another document, or is unchecked with its
reason. Third parties add rules through the ``clairlib_rules`` plugin hook;
``clairlib.validate`` runs every installed rule.

Rule codes: ``compare``, ``sum-of-parts``, ``count-of-rows``, ``ratio``,
``reported-change``, ``reference-exists``, ``unique-id``, ``period-within-fy``,
``same-event``, ``group-label``, ``previous-document``, ``plan-delivery``, ``weekday``.
"""

from __future__ import annotations

from clairlib.rules._base import (
    Context,
    NotApplicable,
    Rule,
    Skipped,
    ValidationReport,
    validate,
)
from clairlib.rules._bounds import APPROXIMATE
from clairlib.rules._change import ReportedChange
from clairlib.rules._compare import Compare, DeclaredOnce
from clairlib.rules._counts import CountOfRows
from clairlib.rules._coverage import Coverage, PrintedFigure, State
from clairlib.rules._events import SameEvent
from clairlib.rules._groups import GroupLabel
from clairlib.rules._periods import PeriodWithinFiscalYear
from clairlib.rules._plan import PlanDelivery, PreviousDocument
from clairlib.rules._ratio import Ratio
from clairlib.rules._references import ReferenceExists
from clairlib.rules._sums import SumOfParts
from clairlib.rules._unique import UniqueIds
from clairlib.rules._weekday import Weekday

__all__ = [
    "APPROXIMATE",
    "Compare",
    "Context",
    "CountOfRows",
    "Coverage",
    "DeclaredOnce",
    "GroupLabel",
    "NotApplicable",
    "PeriodWithinFiscalYear",
    "PlanDelivery",
    "PreviousDocument",
    "PrintedFigure",
    "Ratio",
    "ReferenceExists",
    "ReportedChange",
    "Rule",
    "SameEvent",
    "Skipped",
    "State",
    "SumOfParts",
    "UniqueIds",
    "ValidationReport",
    "Weekday",
    "default_rules",
    "validate",
]


def default_rules() -> tuple[Rule, ...]:
    """The rules clairlib ships, in the order they run."""
    return (
        UniqueIds(),
        ReferenceExists(),
        SumOfParts(),
        CountOfRows(),
        Ratio(),
        ReportedChange(),
        DeclaredOnce(),
        PeriodWithinFiscalYear(),
        SameEvent(),
        GroupLabel(),
        PreviousDocument(),
        PlanDelivery(),
        Weekday(),
    )
