"""compare: one declared value against another — addressed by path, or declared twice."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import Any

import attrs

from clairlib.findings import Evidence, Finding, Severity, join_path
from clairlib.model.documents import AnnualReport, Document, Figure
from clairlib.model.indicators import Measurement
from clairlib.model.quantity import Quantity, QuantityError
from clairlib.rules._base import Context, NotApplicable
from clairlib.rules._bounds import INFINITY, Bounds, declared, tolerance
from clairlib.rules._verdict import capped, fmt

_STEP = re.compile(r'\.([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]')
_OPS = ("==", "!=", "<=", ">=", "<", ">")


class AddressError(LookupError):
    """An address names nothing in the document."""


def _walk(doc: Any, path: str) -> Any:
    if not path.startswith("$"):
        raise AddressError(f"expected a path starting with '$', found {path!r}")
    current = doc
    position = 1
    while position < len(path):
        step = _STEP.match(path, position)
        if step is None:
            raise AddressError(f"cannot read {path[position:]!r} in the path {path!r}")
        name, index, key = step.groups()
        try:
            if name is not None:
                if isinstance(current, Mapping):
                    current = current[name]
                elif not attrs.has(type(current)):
                    raise AddressError(f"{path!r}: {type(current).__name__} has no field {name!r}")
                else:
                    current = getattr(current, name)
            elif index is not None:
                current = current[int(index)]
            else:
                current = current[key.replace('\\"', '"').replace("\\\\", "\\")]
        except (KeyError, IndexError, TypeError, AttributeError):
            raise AddressError(f"nothing at {path[: step.end()]!r}") from None
        position = step.end()
    return current


def resolve(doc: Document, address: str) -> tuple[str, Quantity]:
    """The path and quantity an address names: ``$.tables[0].rows[8].cells.cases``,
    ``figure:<id>`` or ``measurement:<id>`` (their values)."""
    kind, colon, ident = address.partition(":")
    if colon and kind in ("figure", "measurement"):
        items: tuple[Figure | Measurement, ...] = ()
        if isinstance(doc, AnnualReport):
            items = doc.figures if kind == "figure" else doc.measurements
        for i, item in enumerate(items):
            if item.id == ident:
                return join_path([f"{kind}s", i, "value"]), item.value
        raise AddressError(f"no {kind} {ident!r}")
    value = _walk(doc, address)
    if isinstance(value, (Figure, Measurement)):
        return f"{address}.value", value.value
    if isinstance(value, Quantity):
        return address, value
    if isinstance(value, bool):
        raise AddressError(f"{address!r} holds a truth value, not a number")
    if isinstance(value, (int, Decimal)):
        return address, Quantity.of(value)
    if isinstance(value, str):
        try:
            return address, Quantity.parse(value)
        except QuantityError:
            raise AddressError(f"{address!r} holds text, not a number: {value!r}") from None
    raise AddressError(f"{address!r} holds a {type(value).__name__}, not a number")


def _holds(op: str, left: Bounds, right: Bounds) -> bool:
    if op == "==":
        return left.meets(right)
    if op == "!=":
        return not (left.is_exact and right.is_exact and left.lo == right.lo)
    if op in ("<=", "<"):
        left, right = right, left
    # Some value on the left is at least (or more than) some value on the right.
    if op in ("<=", ">="):
        return left.hi >= right.lo
    return left.hi > right.lo


@attrs.frozen(kw_only=True)
class Compare:
    """Two values of a document stand in a relation: ``left op right`` within ``tolerance``.

    Addresses are paths in the findings grammar (``$.tables[0].rows[8].cells.cases``) or
    ``figure:<id>`` / ``measurement:<id>``. A printed qualifier widens the value it is on
    (約 to ±10 %, 以上 to a half-line), and a 約 value can raise at most a warning. A
    document without one of the values skips the comparison.
    """

    left: str
    op: str
    right: str
    tolerance: Decimal = Decimal(0)
    code: str = "compare"
    description: str = "one declared value stands in a relation to another"
    severity: Severity = Severity.ERROR

    def __attrs_post_init__(self) -> None:
        if self.op not in _OPS:
            raise ValueError(f"expected an operator among {', '.join(_OPS)}, found {self.op!r}")

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        """Yield a finding when the relation does not hold."""
        try:
            left_path, left = resolve(doc, self.left)
            right_path, right = resolve(doc, self.right)
        except AddressError as error:
            raise NotApplicable(str(error)) from None
        lb = declared(left)
        rb = declared(right)
        ctx.checked(left_path, right_path)
        slack = self.tolerance
        widened = Bounds(rb.lo - slack, rb.hi + slack, rb.nominal, rb.lo_open, rb.hi_open)
        if _holds(self.op, lb, widened):
            return
        allowed = tolerance(lb, widened)
        yield Finding(
            rule=self.code,
            severity=capped(self.severity, [left, right]),
            path=left_path,
            message=f"expected {self.left} {self.op} {self.right}, found {left} and {right}",
            evidence=Evidence(
                left=left.magnitude,
                op=self.op,
                right=right.magnitude,
                tolerance=None if allowed is None or allowed == INFINITY else allowed,
                parts=(right_path,),
            ),
        )


@attrs.frozen(kw_only=True)
class DeclaredOnce:
    """A value declared twice agrees with itself: measurements of the same indicator,
    fiscal year, office and country (printed in prose and in a table) are equal."""

    code: str = "compare"
    description: str = "a value declared in two places is the same in both"
    severity: Severity = Severity.ERROR

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        """Yield a finding for every repeated measurement that differs from the first."""
        if not isinstance(doc, AnnualReport):
            return
        first: dict[tuple[str, int, str | None, str | None], int] = {}
        for m, measurement in enumerate(doc.measurements):
            key = (
                measurement.indicator,
                measurement.fiscal_year.year,
                measurement.office,
                measurement.country,
            )
            seen = first.setdefault(key, m)
            if seen == m:
                continue
            earlier = doc.measurements[seen]
            a, b = declared(earlier.value), declared(measurement.value)
            if a.meets(b):
                continue
            where = " for the office " + measurement.office if measurement.office else ""
            yield Finding(
                rule=self.code,
                severity=capped(self.severity, [earlier.value, measurement.value]),
                path=join_path(["measurements", m, "value"]),
                message=f"{measurement.indicator!r} for FY{key[1]}{where} is declared as "
                f"{measurement.value} here but as {earlier.value} at $.measurements[{seen}]"
                f" ({fmt(abs(a.nominal - b.nominal))} apart)",
                evidence=Evidence(
                    left=measurement.value.magnitude,
                    op="==",
                    right=earlier.value.magnitude,
                    tolerance=tolerance(a, b),
                    parts=(join_path(["measurements", seen, "value"]),),
                ),
            )
