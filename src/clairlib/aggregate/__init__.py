"""Aggregation: figures computed from records, the way the published report totals them.

>>> from clairlib.aggregate import tally
>>> by_office = tally(report, "events", by="office")          # doctest: +SKIP
>>> by_office["NYC"], by_office.total, by_office.gross        # doctest: +SKIP

- :func:`tally` and :func:`rollup` group records by fiscal year, month, office,
  country, pillar, programme, kind (or any field) and measure them: ``count``,
  ``distinct:FIELD`` or ``sum:FIELD``. A record under several keys counts under
  each, and the tally says so: ``gross`` (sum of groups) against ``assigned``
  (each record once).
- :func:`evaluate` computes what a :class:`~clairlib.model.Selector` names; an
  :class:`Evaluator` does so for many selectors over one document.
- :func:`aggregate_indicator` combines measurements over offices and over fiscal
  years as the indicator says (sum, last, max, min); a ratio indicator divides its
  aggregated numerator by its aggregated denominator — never an average of ratios.
- :func:`progress` measures against a mid-term plan's targets; :func:`year_on_year`
  and :func:`indicator_changes` give changes on the previous year.
- :func:`summarize` gives a report's headlines per pillar, each once: the declared
  figure beside what its records give, with the scope of each; :func:`summarize_plan`
  a plan's programmes per pillar and its targets.
"""

from __future__ import annotations

from collections.abc import Mapping

from clairlib.aggregate._indicators import (
    AggregationError,
    Change,
    IndicatorValue,
    Progress,
    aggregate_indicator,
    combine,
    indicator_changes,
    measurements_of,
    progress,
    year_on_year,
)
from clairlib.aggregate._plan_summary import PlanPillar, PlanSummary, PlanTarget, summarize_plan
from clairlib.aggregate._select import SELECTABLE, Computed, Evaluator, SelectorError
from clairlib.aggregate._summary import (
    HEADLINES,
    LANGUAGES,
    Basis,
    Headline,
    Language,
    PillarSummary,
    Summary,
    summarize,
)
from clairlib.aggregate._tally import DIMENSIONS, Group, Tally, rollup, tally
from clairlib.model.documents import Document, Selector

__all__ = [
    "DIMENSIONS",
    "HEADLINES",
    "LANGUAGES",
    "SELECTABLE",
    "AggregationError",
    "Basis",
    "Change",
    "Computed",
    "Evaluator",
    "Group",
    "Headline",
    "IndicatorValue",
    "Language",
    "PillarSummary",
    "PlanPillar",
    "PlanSummary",
    "PlanTarget",
    "Progress",
    "SelectorError",
    "Summary",
    "Tally",
    "aggregate_indicator",
    "combine",
    "evaluate",
    "indicator_changes",
    "measurements_of",
    "progress",
    "rollup",
    "summarize",
    "summarize_plan",
    "tally",
    "year_on_year",
]


def evaluate(
    doc: Document,
    selector: Selector | str,
    *,
    measure: str = "count",
    where: Mapping[str, str] | None = None,
) -> Computed:
    """Compute a selector over ``doc``: a :class:`Selector`, or a record-list name with
    ``measure`` and ``where`` (``evaluate(report, "events", measure="distinct:country")``)."""
    return Evaluator(doc).evaluate(selector, measure=measure, where=where)
