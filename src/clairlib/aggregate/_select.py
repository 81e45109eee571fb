"""Reading fields of records and evaluating selectors: the machinery under tallies and rules."""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from decimal import Decimal
from typing import Any

import attrs

from clairlib.calendar import FiscalYear, Period, PeriodSet
from clairlib.errors import ClairlibError
from clairlib.model.documents import Document, Selector
from clairlib.model.navigation import RECORD_LISTS, programme_pillars, record_list
from clairlib.model.quantity import Quantity
from clairlib.model.records import Participants

# Names a selector or a tally may use for what a record stores under another name, so that
# ``distinct:country`` works for an event (whose countries are its venue's).
_ALIASES: dict[str, dict[str, str]] = {
    "events": {
        "country": "venue.countries",
        "city": "venue.city",
        "venue": "venue.text",
        "office": "offices",
        "participants": "participants.count",
    },
}

# Pseudo-fields computed from a record rather than read from one attribute.
_DERIVED = frozenset({"fiscal_year", "month", "pillar"})


class SelectorError(ClairlibError, ValueError):
    """A selector or tally names a record list, measure or field that does not exist."""


def records_of(doc: Document, name: str) -> tuple[str, Sequence[Any]]:
    """The base path and the records of a record list (``events`` → ``$.events``)."""
    if name not in RECORD_LISTS:
        raise SelectorError(f"expected a record list ({', '.join(RECORD_LISTS)}), found {name!r}")
    return record_list(doc, name)


def scalar(value: Any) -> str:
    """The text a field value is compared and grouped by: an enum's value, a year as FY…."""
    if isinstance(value, str):
        return value
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, Quantity):
        return str(value.magnitude)
    if isinstance(value, (FiscalYear, Period, PeriodSet)):
        return value.isoformat()
    if isinstance(value, Participants):
        return str(value.count.magnitude)
    return str(value)


def number(value: Any) -> Decimal | None:
    """The number a field value stands for, or None for a value that is not a number."""
    if isinstance(value, Quantity):
        return value.magnitude
    if isinstance(value, Participants):
        return value.count.magnitude
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, Decimal)):
        return Decimal(value)
    return None


def _starts(period: Period | PeriodSet) -> tuple[date, ...]:
    if isinstance(period, PeriodSet):
        return tuple(p.start for p in period.periods)
    return (period.start,)


@attrs.define
class Resolver:
    """Reads fields of one document's records, caching what is shared (programme pillars)."""

    doc: Document
    _pillars: dict[str, str] | None = None

    @property
    def pillars(self) -> dict[str, str]:
        """Programme id → pillar id."""
        if self._pillars is None:
            self._pillars = programme_pillars(self.doc)
        return self._pillars

    def getter(self, records: str, field: str) -> Callable[[Any], tuple[Any, ...]]:
        """A function giving the values of ``field`` of one record of ``records``."""
        field = _ALIASES.get(records, {}).get(field, field)
        if field == "pillar":
            pillars = self.pillars

            def pillar(record: Any) -> tuple[Any, ...]:
                direct = getattr(record, "pillar", None)
                if direct is not None:
                    return (direct,)
                found = pillars.get(getattr(record, "programme", None) or "")
                return () if found is None else (found,)

            return pillar
        if field in ("fiscal_year", "month"):
            monthly = field == "month"

            def when(record: Any) -> tuple[Any, ...]:
                stated = getattr(record, "fiscal_year", None) or getattr(
                    record, "published_fy", None
                )
                if not monthly and stated is not None:
                    return (FiscalYear(stated) if isinstance(stated, int) else stated,)
                period = getattr(record, "period", None) or getattr(record, "date", None)
                if period is None:
                    return ()
                seen: dict[str, None] = {}
                for start in _starts(period):
                    key = (
                        f"{start.year:04d}-{start.month:02d}"
                        if monthly
                        else FiscalYear.of(start).isoformat()
                    )
                    seen[key] = None
                return tuple(seen)

            return when
        steps = field.split(".")
        if len(steps) == 1:
            return _one_step(steps[0], field)
        if len(steps) == 2:
            return _two_steps(steps[0], steps[1], field)

        def read(record: Any) -> tuple[Any, ...]:
            current: list[Any] = [record]
            for step in steps:
                following: list[Any] = []
                for item in current:
                    value = getattr(item, step, _MISSING)
                    if value is _MISSING:
                        raise SelectorError(
                            f"{type(item).__name__} has no field {step!r} (in {field!r})"
                        )
                    if isinstance(value, tuple):
                        following.extend(v for v in value if v is not None)
                    elif value is not None:
                        following.append(value)
                current = following
            return tuple(current)

        return read


_MISSING = object()


def _missing(record: Any, step: str, field: str) -> SelectorError:
    return SelectorError(f"{type(record).__name__} has no field {step!r} (in {field!r})")


def _as_values(value: Any) -> tuple[Any, ...]:
    if isinstance(value, tuple):
        return value if None not in value else tuple(v for v in value if v is not None)
    return () if value is None else (value,)


# Most fields are one or two steps deep (``programme``, ``venue.countries``); reading them
# without the general loop matters over a million records.
def _one_step(step: str, field: str) -> Callable[[Any], tuple[Any, ...]]:
    def read(record: Any) -> tuple[Any, ...]:
        value = getattr(record, step, _MISSING)
        if value is _MISSING:
            raise _missing(record, step, field)
        return _as_values(value)

    return read


def _two_steps(first: str, second: str, field: str) -> Callable[[Any], tuple[Any, ...]]:
    def read(record: Any) -> tuple[Any, ...]:
        outer = getattr(record, first, _MISSING)
        if outer is None:
            return ()
        if outer is _MISSING:
            raise _missing(record, first, field)
        if type(outer) is not tuple:
            value = getattr(outer, second, _MISSING)
            if value is _MISSING:
                raise _missing(outer, second, field)
            return _as_values(value)
        out: list[Any] = []
        for item in outer:
            if item is None:
                continue
            value = getattr(item, second, _MISSING)
            if value is _MISSING:
                raise _missing(item, second, field)
            out.extend(_as_values(value))
        return tuple(out)

    return read


@attrs.frozen(kw_only=True)
class Computed:
    """A figure computed from records: its value and which records it was made from.

    ``indices`` are positions in the record list at ``base`` (``$.events``); ``parts``
    renders them as paths.
    """

    value: Decimal
    base: str
    indices: tuple[int, ...] = ()

    @property
    def parts(self) -> tuple[str, ...]:
        """The paths of the records the value was computed from."""
        return tuple(f"{self.base}[{i}]" for i in self.indices)


def parse_measure(measure: str) -> tuple[str, str | None]:
    """Split ``count`` / ``distinct:FIELD`` / ``sum:FIELD`` into kind and field."""
    kind, _, field = measure.partition(":")
    if kind == "count" and not field:
        return kind, None
    if kind in ("distinct", "sum") and field:
        return kind, field
    raise SelectorError(
        f"expected a measure 'count', 'distinct:FIELD' or 'sum:FIELD', found {measure!r}"
    )


def matcher(
    resolver: Resolver, records: str, where: Mapping[str, str]
) -> Callable[[Any], bool] | None:
    """A predicate keeping the records whose fields equal (or contain) the wanted values."""
    if not where:
        return None
    tests = [(resolver.getter(records, f), str(v)) for f, v in sorted(where.items())]
    if len(tests) == 1:
        ((get, wanted),) = tests

        def keep_one(record: Any) -> bool:
            values = get(record)
            # Text values (ids, tags, codes) compare as they are; only others need scalar().
            return wanted in values or any(
                scalar(v) == wanted for v in values if type(v) is not str
            )

        return keep_one

    def keep(record: Any) -> bool:
        return all(any(scalar(v) == wanted for v in get(record)) for get, wanted in tests)

    return keep


def weight(record: Any) -> int:
    """How many records one row stands for: a person row may stand for several."""
    count = getattr(record, "count", 1)
    return count if isinstance(count, int) and not isinstance(count, bool) else 1


def measure_of(
    resolver: Resolver, records: str, measure: str
) -> Callable[[Sequence[Any]], Decimal]:
    """A function computing ``measure`` over a list of records."""
    kind, field = parse_measure(measure)
    if kind == "count":
        weighted = records == "persons"
        return lambda items: Decimal(sum(weight(r) for r in items) if weighted else len(items))
    assert field is not None
    get = resolver.getter(records, field)
    if kind == "distinct":

        def distinct(items: Sequence[Any]) -> Decimal:
            seen: set[str] = set()
            add = seen.add
            for record in items:
                for value in get(record):
                    add(value if type(value) is str else scalar(value))
            return Decimal(len(seen))

        return distinct

    def total(items: Sequence[Any]) -> Decimal:
        out = Decimal(0)
        for record in items:
            for value in get(record):
                amount = number(value)
                if amount is None:
                    raise SelectorError(f"cannot add {value!r} (field {field!r} of {records})")
                out += amount
        return out

    return total


def evaluate(
    doc: Document,
    records: str,
    measure: str = "count",
    where: Mapping[str, str] | None = None,
    *,
    resolver: Resolver | None = None,
) -> Computed:
    """Compute ``measure`` over the records of ``records`` that match ``where``."""
    resolver = resolver or Resolver(doc)
    base, items = records_of(doc, records)
    compute = measure_of(resolver, records, measure)
    keep = matcher(resolver, records, where or {})
    if keep is None:
        return Computed(value=compute(items), base=base, indices=tuple(range(len(items))))
    indices = tuple(i for i, r in enumerate(items) if keep(r))
    return Computed(value=compute([items[i] for i in indices]), base=base, indices=indices)


class Evaluator:
    """Evaluates selectors over one document, sharing what they have in common.

    What every selector over the document needs (which pillar each programme counts
    under) is worked out once; a rule that evaluates many figures' selectors keeps
    one evaluator for the document.
    """

    def __init__(self, doc: Document):
        self.doc = doc
        self._resolver = Resolver(doc)

    def evaluate(
        self,
        selector: Selector | str,
        *,
        measure: str = "count",
        where: Mapping[str, str] | None = None,
    ) -> Computed:
        """Compute a :class:`Selector`, or a record list's ``measure`` over ``where``."""
        if isinstance(selector, Selector):
            return evaluate(
                self.doc,
                selector.records,
                selector.measure,
                selector.where,
                resolver=self._resolver,
            )
        return evaluate(self.doc, selector, measure, where, resolver=self._resolver)
