"""Across documents: a report against its year's plan, the mid-term plan, last year's report.

``plan-delivery`` compares an annual report with the annual plan of the same fiscal year
(programmes planned and not reported, reported and not planned, matched by pillar and
name with the match shown; the plan's numeric targets against the report's
measurements) or with the mid-term plan (each indicator's progress toward its target).
``previous-document`` checks that the document given as last year's is last year's
document of the same kind.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import attrs

from clairlib.aggregate import progress
from clairlib.findings import Evidence, Finding, Severity
from clairlib.model.documents import AnnualPlan, AnnualReport, Document, MidTermPlan, Programme
from clairlib.model.indicators import Target
from clairlib.model.navigation import iter_programmes, programme_pillars
from clairlib.rules._base import Context
from clairlib.rules._events import core, same_name
from clairlib.rules._verdict import fmt


def _year(doc: Document) -> int | None:
    year = getattr(doc, "fiscal_year", None)
    return getattr(year, "year", None)


def _programmes(doc: Document) -> list[tuple[str, Programme, str | None]]:
    pillars = programme_pillars(doc)
    return [(path, p, pillars.get(p.id)) for path, p in iter_programmes(doc)]


def match_programmes(
    planned: Sequence[tuple[str, Programme, str | None]],
    reported: Sequence[tuple[str, Programme, str | None]],
) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    """Pairs (plan index, report index) of the same programme, and the unmatched of each.

    A pair shares its pillar and its name (the same distinctive core, however worded);
    identical names are matched first, so that a near name does not take another's place.
    """
    free = set(range(len(reported)))
    pairs: list[tuple[int, int]] = []
    unmatched: list[int] = []
    order = sorted(
        range(len(planned)),
        key=lambda i: (
            not any(
                core(planned[i][1].name) == core(r[1].name) and planned[i][2] == r[2]
                for r in reported
            )
        ),
    )
    for i in order:
        _, programme, pillar = planned[i]
        exact = [
            j for j in sorted(free) if reported[j][2] == pillar
            and core(reported[j][1].name) == core(programme.name)
        ]  # fmt: skip
        near = exact or [
            j for j in sorted(free) if reported[j][2] == pillar
            and same_name(reported[j][1].name, programme.name)
        ]  # fmt: skip
        if near:
            free.discard(near[0])
            pairs.append((i, near[0]))
        else:
            unmatched.append(i)
    return sorted(pairs), sorted(unmatched), sorted(free)


@attrs.frozen(kw_only=True)
class PlanDelivery:
    """A report delivers its plan: programmes planned and reported, targets against results.

    Needs ``validate(report, plan=…)``. With the annual plan of the report's year: a
    programme planned and not reported is a warning, one reported and not planned a note,
    a programme matched under another name a note showing the match; a target for the
    year is compared with the report's all-offices measurement of its indicator (below
    target: a note with the ratio). With the mid-term plan: each target's progress.
    A plan of another year is a warning, and nothing is compared.
    """

    code: str = "plan-delivery"
    description: str = "a report delivers the programmes and targets of its year's plan"
    severity: Severity = Severity.WARNING

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        """Yield what the report and the plan given with it say of each other."""
        plan = ctx.plan
        if not isinstance(doc, AnnualReport):
            return
        if plan is None:
            return  # a report read on its own: nothing to compare it with
        if isinstance(plan, MidTermPlan):
            yield from self._progress(doc, plan)
            return
        if not isinstance(plan, AnnualPlan):
            yield Finding(
                rule=self.code,
                severity=self.severity,
                path="$",
                message=f"the plan given is a {plan.KIND}, not an annual or mid-term plan",
            )
            return
        if plan.fiscal_year != doc.fiscal_year:
            yield Finding(
                rule=self.code,
                severity=self.severity,
                path="$",
                message=f"the plan given is for {plan.fiscal_year}, the report for "
                f"{doc.fiscal_year}: nothing compared",
                evidence=Evidence(
                    left=plan.fiscal_year.isoformat(), op="==", right=doc.fiscal_year.isoformat()
                ),
            )
            return
        yield from self._programmes(doc, plan)
        yield from self._targets(doc, plan.targets, plan.id)

    def _programmes(self, doc: AnnualReport, plan: AnnualPlan) -> Iterator[Finding]:
        planned, reported = _programmes(plan), _programmes(doc)
        pairs, missing, extra = match_programmes(planned, reported)
        for i in missing:
            path, programme, pillar = planned[i]
            yield Finding(
                rule=self.code,
                severity=self.severity,
                path=f"plan:{path}",
                message=f"planned and not reported: {programme.name!r} (pillar {pillar}) of "
                f"the plan {plan.id!r} has no programme of that name under the same pillar",
            )
        for j in extra:
            path, programme, pillar = reported[j]
            yield Finding(
                rule=self.code,
                severity=Severity.INFO,
                path=path,
                message=f"reported and not planned: {programme.name!r} (pillar {pillar}) is "
                f"in no programme of the plan {plan.id!r} under the same pillar",
            )
        for i, j in pairs:
            if planned[i][1].name == reported[j][1].name:
                continue
            yield Finding(
                rule=self.code,
                severity=Severity.INFO,
                path=reported[j][0],
                message=f"matched by pillar {reported[j][2]} and name: the plan's "
                f"{planned[i][1].name!r} is the report's {reported[j][1].name!r}",
                evidence=Evidence(
                    left=planned[i][1].name,
                    op="≈",
                    right=reported[j][1].name,
                    parts=(f"plan:{planned[i][0]}", reported[j][0]),
                ),
            )

    def _targets(
        self, doc: AnnualReport, targets: Sequence[Target], plan_id: str
    ) -> Iterator[Finding]:
        results = {
            (m.indicator, m.fiscal_year): (k, m)
            for k, m in enumerate(doc.measurements)
            if m.office is None and m.country is None
        }
        indicators = {i.id: i for i in doc.indicators}
        for t, target in enumerate(targets):
            year = target.fiscal_year or doc.fiscal_year
            path = f"plan:$.targets[{t}].value"
            found = results.get((target.indicator, year))
            if found is None:
                yield Finding(
                    rule=self.code,
                    severity=self.severity,
                    path=path,
                    message=f"the target {target.value} for {target.indicator!r} in {year} has "
                    "no measurement in the report",
                )
                continue
            k, measured = found
            goal, actual = target.value.magnitude, measured.value.magnitude
            indicator = indicators.get(target.indicator)
            higher = indicator.higher_is_better if indicator is not None else True
            met = actual >= goal if higher else actual <= goal
            if met:
                continue
            share = "" if goal == 0 else f" ({fmt(round(actual / goal * 100, 1))} %)"
            yield Finding(
                rule=self.code,
                severity=Severity.INFO,
                path=f"$.measurements[{k}].value",
                message=f"{target.indicator!r} in {year}: {measured.value} against the target "
                f"{target.value} of the plan {plan_id!r}{share}",
                evidence=Evidence(
                    left=actual, op=">=" if higher else "<=", right=goal, parts=(path,)
                ),
            )

    def _progress(self, doc: AnnualReport, plan: MidTermPlan) -> Iterator[Finding]:
        indicators = {i.id: i for i in (*plan.indicators, *doc.indicators)}
        known = {t.indicator for t in plan.targets}
        usable = [i for i in indicators.values() if i.id in known]
        for t, step in enumerate(progress(plan, doc.measurements, indicators=usable)):
            target = step.target
            path = f"plan:$.targets[{t}].value"
            if step.actual is None:
                yield Finding(
                    rule=self.code,
                    severity=Severity.INFO,
                    path=path,
                    message=f"no measurement of {target.indicator!r} toward its target "
                    f"{target.value}",
                )
                continue
            share = "" if step.ratio is None else f"{fmt(round(step.ratio * 100, 1))} % of"
            state = "met" if step.met else "not yet met"
            yield Finding(
                rule=self.code,
                severity=Severity.INFO,
                path=path,
                message=f"{target.indicator!r}: {fmt(step.actual.value)} is {share} the target "
                f"{target.value} ({state})",
                evidence=Evidence(left=step.actual.value, op=">=", right=target.value.magnitude),
            )


@attrs.frozen(kw_only=True)
class PreviousDocument:
    """The document given as last year's is the previous fiscal year's, of the same kind."""

    code: str = "previous-document"
    description: str = "the document given as last year's is last year's, of the same kind"
    severity: Severity = Severity.WARNING

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        """Yield a warning when the previous document is of another kind or year."""
        previous = ctx.previous
        if previous is None:
            return
        problems = []
        if previous.KIND != doc.KIND:
            problems.append(f"of kind {previous.KIND}, not {doc.KIND}")
        here, there = _year(doc), _year(previous)
        if here is not None and there != here - 1:
            problems.append(f"for FY{there}, not FY{here - 1}")
        if problems:
            yield Finding(
                rule=self.code,
                severity=self.severity,
                path="$",
                message=f"the document given as last year's ({previous.id!r}) is "
                f"{' and '.join(problems)}: the changes on the previous year are compared "
                "with it all the same",
                evidence=Evidence(
                    left=f"{previous.KIND} FY{there}",
                    op="==",
                    right=f"{doc.KIND} FY{here - 1 if here is not None else '?'}",
                ),
            )
