"""ratio: a printed ratio against numerator ÷ denominator, at the printed precision."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import attrs

from clairlib.findings import Evidence, Finding, Severity, join_path
from clairlib.model.documents import AnnualReport, Document
from clairlib.model.indicators import Measurement
from clairlib.model.quantity import Quantity
from clairlib.rules._base import Context
from clairlib.rules._bounds import Bounds, declared, half_unit, tolerance
from clairlib.rules._verdict import capped, fmt

# How many of the ratio's unit make a whole: 68.5 % is 0.685, 7 割 is 0.7.
_SCALES = {"%": Decimal(100), "％": Decimal(100), "percent": Decimal(100), "割": Decimal(10)}


def scale_of(unit: str) -> Decimal:
    """The factor from a fraction to the printed unit (100 for %)."""
    return _SCALES.get(unit, Decimal(1))


def _quotient(top: Bounds, bottom: Bounds) -> Bounds | None:
    # Counts are not negative; a quotient of intervals with a zero or infinite end is
    # unbounded, and then nothing can be said.
    ends = (top.lo, top.hi, bottom.lo, bottom.hi)
    if not all(e.is_finite() for e in ends) or bottom.lo <= 0 or top.lo < 0:
        return None
    return Bounds(
        top.lo / bottom.hi,
        top.hi / bottom.lo,
        top.nominal / bottom.nominal,
        top.lo_open or bottom.hi_open,
        top.hi_open or bottom.lo_open,
    )


@attrs.frozen(kw_only=True)
class Ratio:
    """A printed ratio equals numerator ÷ denominator within half its last printed digit.

    68.5 % admits 68.45 … 68.55: 116 / 168 = 69.05 % is a finding. Checks figures with
    ``numerator`` and ``denominator``, and measurements of ratio indicators against the
    measurements of their numerator and denominator for the same year and office.
    """

    code: str = "ratio"
    description: str = "a printed ratio equals numerator / denominator at the printed precision"
    severity: Severity = Severity.ERROR

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        """Yield a finding for every printed ratio its numerator and denominator do not give."""
        if not isinstance(doc, AnnualReport):
            return
        for i, figure in enumerate(doc.figures):
            if figure.numerator is None or figure.denominator is None:
                continue
            path = join_path(["figures", i, "value"])
            top = ctx.figures.get(figure.numerator)
            bottom = ctx.figures.get(figure.denominator)
            if top is None or bottom is None:
                ctx.skip("the numerator or denominator figure is unknown", path=path)
                continue
            yield from self._judge(
                ctx,
                path=path,
                stated=figure.value,
                top=top[1].value,
                bottom=bottom[1].value,
                parts=(f"{top[0]}.value", f"{bottom[0]}.value"),
                what=f"figure {figure.id!r} ({figure.label})",
            )
        yield from self._measurements(doc.measurements, ctx)

    def _measurements(
        self, measurements: tuple[Measurement, ...], ctx: Context
    ) -> Iterator[Finding]:
        index: dict[tuple[str, int, str | None, str | None], int] = {}
        for m, measurement in enumerate(measurements):
            key = (
                measurement.indicator,
                measurement.fiscal_year.year,
                measurement.office,
                measurement.country,
            )
            index.setdefault(key, m)
        for m, measurement in enumerate(measurements):
            indicator = ctx.indicators.get(measurement.indicator)
            if indicator is None or indicator.numerator is None or indicator.denominator is None:
                continue
            rest = (measurement.fiscal_year.year, measurement.office, measurement.country)
            top = index.get((indicator.numerator, *rest))
            bottom = index.get((indicator.denominator, *rest))
            path = join_path(["measurements", m, "value"])
            if top is None or bottom is None:
                ctx.skip(
                    "no measurement of the numerator or denominator for the same year and office",
                    path=path,
                )
                continue
            yield from self._judge(
                ctx,
                path=path,
                stated=measurement.value,
                top=measurements[top].value,
                bottom=measurements[bottom].value,
                parts=(
                    join_path(["measurements", top, "value"]),
                    join_path(["measurements", bottom, "value"]),
                ),
                what=f"the value of {indicator.id!r} for FY{measurement.fiscal_year.year}",
            )

    def _judge(
        self,
        ctx: Context,
        *,
        path: str,
        stated: Quantity,
        top: Quantity,
        bottom: Quantity,
        parts: tuple[str, str],
        what: str,
    ) -> Iterator[Finding]:
        quotient = _quotient(declared(top), declared(bottom))
        if quotient is None:
            ctx.skip("the numerator or denominator is zero, negative or one-sided", path=path)
            return
        scale = scale_of(stated.unit) * stated.scale
        computed = Bounds(
            quotient.lo * scale,
            quotient.hi * scale,
            quotient.nominal * scale,
            quotient.lo_open,
            quotient.hi_open,
        )
        printed = declared(stated, rounded=True)
        ctx.checked(path)
        if printed.meets(computed):
            ctx.checked(*parts)  # numerator and denominator agree with the printed ratio
            return
        digits = stated.value.as_tuple().exponent
        assert isinstance(digits, int)
        step = Decimal(1).scaleb(digits)
        # One digit finer than printed shows why the printed digit is wrong: 69.05 %.
        finer = computed.nominal.quantize(step / 10) if digits <= 0 else computed.nominal
        at_printed = computed.nominal.quantize(step) if digits <= 0 else computed.nominal
        unit = stated.unit
        yield Finding(
            rule=self.code,
            severity=capped(self.severity, [stated, top, bottom]),
            path=path,
            message=f"{what} is printed as {stated}, but {top} / {bottom} = {finer:,f}{unit} "
            f"({at_printed:,f}{unit} at the printed precision; "
            f"{stated.value} allows ±{fmt(half_unit(stated.value))})",
            evidence=Evidence(
                left=stated.magnitude,
                op="==",
                right=finer,
                tolerance=tolerance(printed, computed),
                parts=parts,
            ),
        )
