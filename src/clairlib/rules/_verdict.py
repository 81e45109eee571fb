"""Turning a declared figure and what its parts give into findings, with evidence."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from decimal import Decimal

from clairlib.findings import Evidence, Finding, Severity
from clairlib.model.quantity import Qualifier, Quantity
from clairlib.rules._bounds import Bounds, declared, operator, severity, tolerance, total


def fmt(value: Decimal) -> str:
    """A decimal for a message: thousands separated, no exponent, no trailing zeros."""
    if not value.is_finite():
        return "∞" if value > 0 else "-∞"
    if value == value.to_integral_value():
        return f"{int(value):,}"
    return f"{value.normalize():,f}"


def shown(quantity: Quantity) -> str:
    """A declared figure as the document prints it, or as clairlib would print it."""
    return str(quantity)


def capped(default: Severity, quantities: Sequence[Quantity]) -> Severity:
    """The rule's severity, lowered to a warning when any figure involved is 約."""
    out = default
    for quantity in quantities:
        out = severity(quantity, out)
    return out


def cell_bounds(quantity: Quantity) -> Bounds:
    """What a printed part admits."""
    return declared(quantity)


def judge_total(
    *,
    code: str,
    default: Severity,
    path: str,
    stated: Quantity,
    parts: Sequence[Quantity],
    part_paths: Sequence[str],
    what: str,
    overlapping: bool = False,
) -> Iterator[Finding]:
    """Findings for a declared total against the sum of its parts.

    Overlapping parts (重複あり) count an item under several categories, so the total
    lies between the largest part and their sum: a total below the largest part is an
    error, above the sum a warning (an item may fall in no category), and parts that
    add up to more than the total are noted, not faulted.
    """
    if overlapping:
        yield from _judge_overlapping(
            code=code,
            default=default,
            path=path,
            stated=stated,
            parts=parts,
            part_paths=part_paths,
            what=what,
        )
        return
    computed = total(cell_bounds(p) for p in parts)
    stated_bounds = declared(stated)
    if stated_bounds.meets(computed):
        return
    count = len(parts)
    yield Finding(
        rule=code,
        severity=capped(default, [stated, *parts]),
        path=path,
        message=f"{what} {shown(stated)} is not the sum of its {count} "
        f"part{'s' if count != 1 else ''}, which add up to {fmt(computed.nominal)}"
        f"{_off_by(stated_bounds, computed)}",
        evidence=Evidence(
            left=stated.magnitude,
            op=operator(stated),
            right=computed.nominal,
            tolerance=tolerance(stated_bounds, computed),
            parts=tuple(part_paths),
        ),
    )


def _off_by(stated: Bounds, computed: Bounds) -> str:
    if not (stated.is_exact and computed.is_exact):
        return ""
    gap = computed.nominal - stated.nominal
    return f", {fmt(abs(gap))} {'more' if gap > 0 else 'less'} than printed"


def _judge_overlapping(
    *,
    code: str,
    default: Severity,
    path: str,
    stated: Quantity,
    parts: Sequence[Quantity],
    part_paths: Sequence[str],
    what: str,
) -> Iterator[Finding]:
    if not parts:
        return
    bounds = [cell_bounds(p) for p in parts]
    largest = max(b.nominal for b in bounds)
    added = total(bounds)
    stated_bounds = declared(stated)
    # The distinct total can be no smaller than the largest category.
    floor = Bounds(max(b.lo for b in bounds), Decimal("Infinity"), largest)
    if not stated_bounds.meets(floor):
        yield Finding(
            rule=code,
            severity=capped(default, [stated, *parts]),
            path=path,
            message=f"{what} {shown(stated)} is smaller than one of its overlapping "
            f"parts ({fmt(largest)}): a total counts every item at least once",
            evidence=Evidence(
                left=stated.magnitude,
                op=">=",
                right=largest,
                tolerance=tolerance(stated_bounds, Bounds.exact(largest)),
                parts=tuple(part_paths),
            ),
        )
        return
    ceiling = Bounds(Decimal("-Infinity"), added.hi, added.nominal, hi_open=added.hi_open)
    if not stated_bounds.meets(ceiling):
        yield Finding(
            rule=code,
            severity=Severity.WARNING if default is Severity.ERROR else default,
            path=path,
            message=f"{what} {shown(stated)} is more than its overlapping parts add up to "
            f"({fmt(added.nominal)}): some items are in no category, or a part is missing",
            evidence=Evidence(
                left=stated.magnitude,
                op="<=",
                right=added.nominal,
                tolerance=tolerance(stated_bounds, added),
                parts=tuple(part_paths),
            ),
        )
        return
    if stated.qualifier is None and added.is_exact and added.nominal > stated.magnitude:
        yield Finding(
            rule=code,
            severity=Severity.INFO,
            path=path,
            message=f"the overlapping parts of {what} {shown(stated)} add up to "
            f"{fmt(added.nominal)}: {fmt(added.nominal - stated.magnitude)} counted under "
            "more than one category (重複あり), as the document says",
            evidence=Evidence(
                left=stated.magnitude, op="<=", right=added.nominal, parts=tuple(part_paths)
            ),
        )


def judge_value(
    *,
    code: str,
    default: Severity,
    path: str,
    stated: Quantity,
    computed: Decimal,
    what: str,
    how: str,
    parts: Sequence[str] = (),
) -> Finding | None:
    """A finding when a declared figure does not admit an exactly computed value."""
    stated_bounds = declared(stated)
    exact = Bounds.exact(computed)
    if stated_bounds.meets(exact):
        return None
    qualifier = stated.qualifier
    claim = "" if qualifier in (None, Qualifier.APPROXIMATELY) else " (a one-sided figure)"
    return Finding(
        rule=code,
        severity=capped(default, [stated]),
        path=path,
        message=f"{what} {shown(stated)}{claim} does not agree with {how}: {fmt(computed)}",
        evidence=Evidence(
            left=stated.magnitude,
            op=operator(stated),
            right=computed,
            tolerance=tolerance(stated_bounds, exact),
            parts=tuple(parts),
        ),
    )
