"""The summary of a plan: programmes per pillar, in the framework's order, and its targets."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import attrs

from clairlib.aggregate._summary import LANGUAGES, Language, plain
from clairlib.calendar import FiscalYear
from clairlib.findings import join_path
from clairlib.model.documents import AnnualPlan, MidTermPlan, Priority, Programme
from clairlib.model.navigation import iter_programmes, programme_pillars


@attrs.frozen(kw_only=True)
class PlanPillar:
    """One pillar of a plan: its programmes (priority ones among them) and their names."""

    pillar: str | None
    title: str | None
    programmes: int
    priority: int
    objectives: int = 0
    names: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class PlanTarget:
    """One numeric target of a plan, as printed, with its indicator's name."""

    indicator: str
    label: str
    text: str
    value: Decimal
    unit: str
    fiscal_year: FiscalYear | None = None
    path: str = ""


@attrs.frozen(kw_only=True)
class PlanSummary:
    """A plan in brief: programmes per pillar, in the framework's order, and its targets."""

    document: str
    kind: str
    pillars: tuple[PlanPillar, ...]
    targets: tuple[PlanTarget, ...]
    fiscal_year: FiscalYear | None = None
    lang: Language = "en"

    @property
    def programmes(self) -> int:
        """How many programmes the plan lists, each once."""
        return sum(p.programmes for p in self.pillars)

    def as_dict(self) -> dict[str, Any]:
        """The plan summary as JSON-ready data."""
        return {
            "document": self.document,
            "kind": self.kind,
            "fiscal_year": None if self.fiscal_year is None else self.fiscal_year.year,
            "lang": self.lang,
            "programmes": self.programmes,
            "pillars": [
                {
                    "pillar": p.pillar,
                    "title": p.title,
                    "programmes": p.programmes,
                    "priority": p.priority,
                    "objectives": p.objectives,
                    "names": list(p.names),
                }
                for p in self.pillars
            ],
            "targets": [
                {
                    "indicator": t.indicator,
                    "label": t.label,
                    "text": t.text,
                    "value": plain(t.value),
                    "unit": t.unit,
                    "fiscal_year": None if t.fiscal_year is None else t.fiscal_year.year,
                    "path": t.path,
                }
                for t in self.targets
            ],
        }


def summarize_plan(plan: AnnualPlan | MidTermPlan, *, lang: Language = "en") -> PlanSummary:
    """Summarize a plan: its programmes per pillar (priority ones counted) and its targets."""
    if lang not in LANGUAGES:
        raise ValueError(f"expected a language among {', '.join(LANGUAGES)}, found {lang!r}")
    pillars = programme_pillars(plan)
    framework = plan.framework
    grouped: dict[str | None, list[Programme]] = {}
    for _, programme in iter_programmes(plan):
        grouped.setdefault(pillars.get(programme.id), []).append(programme)
    ordered: list[str | None] = [p.id for p in framework.pillars] if framework else []
    ordered += sorted(k for k in grouped if k is not None and k not in ordered)
    if None in grouped:
        ordered.append(None)
    titles: dict[str, str] = {}
    objectives: dict[str, int] = {}
    if framework is not None:
        titles = {
            p.id: (p.title if lang == "ja" else p.title_en or p.title) for p in framework.pillars
        }
        objectives = {p.id: len(p.objectives) for p in framework.pillars}
    rows = tuple(
        PlanPillar(
            pillar=key,
            title=titles.get(key) if key is not None else None,
            programmes=len(grouped.get(key, [])),
            priority=sum(1 for p in grouped.get(key, []) if p.priority is Priority.PRIORITY),
            objectives=objectives.get(key, 0) if key is not None else 0,
            names=tuple(p.name for p in grouped.get(key, [])),
        )
        for key in ordered
    )
    names = {i.id: (i.name if lang == "ja" else i.name_en or i.id) for i in plan.indicators}
    targets = tuple(
        PlanTarget(
            indicator=t.indicator,
            label=names.get(t.indicator, t.indicator),
            text=str(t.value),
            value=t.value.magnitude,
            unit=t.value.unit,
            fiscal_year=t.fiscal_year,
            path=join_path(["targets", i, "value"]),
        )
        for i, t in enumerate(plan.targets)
    )
    return PlanSummary(
        document=plan.id,
        kind=plan.KIND,
        pillars=rows,
        targets=targets,
        fiscal_year=plan.fiscal_year if isinstance(plan, AnnualPlan) else None,
        lang=lang,
    )
