"""reported-change: 前年度比 against last year's figure."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import attrs

from clairlib.findings import Evidence, Finding, Severity, join_path
from clairlib.model.documents import AnnualReport, Document, Figure
from clairlib.model.indicators import Measurement
from clairlib.model.quantity import Quantity
from clairlib.rules._base import Context, figures_of
from clairlib.rules._bounds import Bounds, declared, tolerance
from clairlib.rules._verdict import capped, fmt

_NO_PREVIOUS = (
    "no previous-year figure to compare with: pass last year's document as previous= "
    "or record the figure's previous value"
)


def _minus(value: Bounds, change: Bounds) -> Bounds:
    return Bounds(
        value.lo - change.hi,
        value.hi - change.lo,
        value.nominal - change.nominal,
        value.lo_open or change.hi_open,
        value.hi_open or change.lo_open,
    )


def _counterpart(figure: Figure, figures: Sequence[Figure]) -> tuple[int, Figure] | None:
    # Ids are the stable key across years; failing that, the same label under the
    # same programme and pillar is the same figure.
    for i, other in enumerate(figures):
        if other.id == figure.id:
            return i, other
    for i, other in enumerate(figures):
        if (other.label, other.programme, other.pillar) == (
            figure.label,
            figure.programme,
            figure.pillar,
        ):
            return i, other
    return None


@attrs.frozen(kw_only=True)
class ReportedChange:
    """A reported change (前年度比 +35 件 on 521) agrees with last year's figure (486).

    Last year's figure comes from the previous year's document given to ``validate``
    (the figure with the same id, else the same label and programme) and from a
    figure's own ``previous`` value; each that is known is checked. With neither, the
    figure is skipped with the reason.
    """

    code: str = "reported-change"
    description: str = "a reported change on the previous year agrees with last year's figure"
    severity: Severity = Severity.ERROR

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        """Yield a finding for every reported change last year's figure contradicts."""
        if not isinstance(doc, AnnualReport):
            return
        before = figures_of(ctx.previous)
        for i, figure in enumerate(doc.figures):
            if figure.change is None:
                continue
            path = join_path(["figures", i, "change"])
            what = f"figure {figure.id!r} ({figure.label})"
            checked = False
            if figure.previous is not None:
                checked = True
                ctx.checked(path)
                yield from self._judge(
                    path,
                    figure.value,
                    figure.change,
                    figure.previous,
                    join_path(["figures", i, "previous"]),
                    what,
                    "the previous value it records",
                )
            if ctx.previous is not None:
                found = _counterpart(figure, before)
                if found is not None:
                    checked = True
                    ctx.checked(path)
                    yield from self._judge(
                        path,
                        figure.value,
                        figure.change,
                        found[1].value,
                        f"previous:{join_path(['figures', found[0], 'value'])}",
                        what,
                        "last year's document",
                    )
            if not checked:
                if ctx.previous is None:
                    ctx.skip(_NO_PREVIOUS, path=path, awaits="previous")
                else:
                    ctx.skip(f"last year's document has no figure {figure.id!r}", path=path)
        yield from self._measurements(doc, ctx)

    def _measurements(self, doc: AnnualReport, ctx: Context) -> Iterator[Finding]:
        here = _index(doc.measurements, "")
        there = _index(
            ctx.previous.measurements if isinstance(ctx.previous, AnnualReport) else (),
            "previous:",
        )
        for m, measurement in enumerate(doc.measurements):
            if measurement.change is None:
                continue
            key = (
                measurement.indicator,
                measurement.fiscal_year.year - 1,
                measurement.office,
                measurement.country,
            )
            path = join_path(["measurements", m, "change"])
            found = here.get(key) or there.get(key)
            if found is None:
                if ctx.previous is None:
                    ctx.skip(_NO_PREVIOUS, path=path, awaits="previous")
                else:
                    ctx.skip(f"no FY{key[1]} measurement of {measurement.indicator!r}", path=path)
                continue
            ctx.checked(path)
            yield from self._judge(
                path,
                measurement.value,
                measurement.change,
                found[1].value,
                found[0],
                f"the value of {measurement.indicator!r} for FY{measurement.fiscal_year.year}",
                f"the FY{key[1]} measurement",
            )

    def _judge(
        self,
        path: str,
        value: Quantity,
        change: Quantity,
        previous: Quantity,
        previous_path: str,
        what: str,
        source: str,
    ) -> Iterator[Finding]:
        implied = _minus(declared(value), declared(change))
        known = declared(previous)
        if known.meets(implied):
            return
        sign = "+" if change.magnitude >= 0 else ""
        yield Finding(
            rule=self.code,
            severity=capped(self.severity, [value, change, previous]),
            path=path,
            message=f"{what}: {value} with a change of {sign}{change} on the previous year means "
            f"last year was {fmt(implied.nominal)}, but {source} gives {previous}",
            evidence=Evidence(
                left=previous.magnitude,
                op="==",
                right=implied.nominal,
                tolerance=tolerance(known, implied),
                parts=(previous_path,),
            ),
        )


def _index(
    measurements: Sequence[Measurement], prefix: str
) -> dict[tuple[str, int, str | None, str | None], tuple[str, Measurement]]:
    out: dict[tuple[str, int, str | None, str | None], tuple[str, Measurement]] = {}
    for m, measurement in enumerate(measurements):
        key = (
            measurement.indicator,
            measurement.fiscal_year.year,
            measurement.office,
            measurement.country,
        )
        out.setdefault(key, (f"{prefix}{join_path(['measurements', m, 'value'])}", measurement))
    return out
