"""Reading fields of records and evaluating selectors: the machinery under tallies and rules."""

from __future__ import annotations

import enum
import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from decimal import Decimal
from typing import Any

import attrs

from clairlib.calendar import FiscalYear, Period, PeriodSet
from clairlib.errors import ClairlibError
from clairlib.findings import join_path
from clairlib.model.documents import AnnualReport, Document, Selector
from clairlib.model.navigation import RECORD_LISTS, programme_pillars, record_list
from clairlib.model.quantity import Quantity
from clairlib.model.records import Breakdown, CountingBasis, ParticipantKind, Participants

SELECTABLE = (*RECORD_LISTS, "participants")
"""The record lists a selector can name: a report's own, and its events' participant counts."""

MEASURES = ("count", "sessions", "distinct:FIELD", "gross:FIELD", "sum:FIELD")


@attrs.frozen(kw_only=True)
class ParticipantRow:
    """One participant count of an event, with the event's fields a selector filters on.

    The ``participants`` record list: an event may print several counts (日本から 44 団体、
    171 名; 中国から …), and a figure may count one of them.
    """

    event: str
    programme: str | None
    tags: tuple[str, ...]
    offices: tuple[str, ...]
    group: str | None
    label: str | None
    kind: ParticipantKind
    basis: CountingBasis
    role: str | None
    count: Quantity
    breakdowns: tuple[Breakdown, ...]


def participant_rows(doc: Document) -> tuple[tuple[str, ...], tuple[ParticipantRow, ...]]:
    """Every participant count of the report's events, with its path."""
    paths: list[str] = []
    rows: list[ParticipantRow] = []
    for e, event in enumerate(getattr(doc, "events", ())):
        for p, group in enumerate(event.participants):
            paths.append(join_path(["events", e, "participants", p]))
            rows.append(
                ParticipantRow(
                    event=event.id,
                    programme=event.programme,
                    tags=event.tags,
                    offices=event.offices,
                    group=event.group,
                    label=group.label,
                    kind=group.kind,
                    basis=group.basis,
                    role=group.role,
                    count=group.count,
                    breakdowns=group.breakdowns,
                )
            )
    return tuple(paths), tuple(rows)


# 計 5 回 printed beside a period: the row holds five sessions.
_TIMES = re.compile(r"計\s*(\d+)\s*回")


def sessions_of(record: Any, *, until: date | None = None) -> int:
    """How many sessions a record holds: a printed 計 N 回, else one per listed period.

    ``①平成25年7月 ②平成25年10月`` is two sessions; a recurring period (各月) counts each
    repetition up to ``until`` (the fiscal year's end) and cannot be counted without it.
    """
    text = unicodedata.normalize("NFKC", getattr(record, "period_text", None) or "")
    found = _TIMES.search(text)
    if found is not None:
        return int(found.group(1))
    period = getattr(record, "period", _MISSING)
    if period is _MISSING:
        raise SelectorError(f"{type(record).__name__} has no period to count sessions of")
    if isinstance(period, PeriodSet):
        if period.recurrence is None:
            return len(period.periods)
        if until is None:
            raise SelectorError(
                f"cannot count the sessions of {getattr(record, 'id', '?')!r}: "
                f"it repeats ({period.recurrence}) with no printed count and no year end"
            )
        return len(period.expand(until))
    return 1


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
    """The base path and the records of a record list (``events`` → ``$.events``).

    ``participants`` are the events' participant counts (:class:`ParticipantRow`), whose
    paths :func:`participant_rows` gives.
    """
    if name not in SELECTABLE:
        raise SelectorError(f"expected a record list ({', '.join(SELECTABLE)}), found {name!r}")
    if name == "participants":
        return "$.events", participant_rows(doc)[1] if isinstance(doc, AnnualReport) else ()
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

    value: Decimal | None  # None: a sum over records that do not all print the field
    base: str
    indices: tuple[int, ...] = ()
    paths: tuple[str, ...] = ()  # of a flattened list (participants), by position

    @property
    def printed(self) -> bool:
        """False when the value is unknown because some record does not print it."""
        return self.value is not None

    @property
    def parts(self) -> tuple[str, ...]:
        """The paths of the records the value was computed from."""
        if self.paths:
            return tuple(self.paths[i] for i in self.indices)
        return tuple(f"{self.base}[{i}]" for i in self.indices)


def parse_measure(measure: str) -> tuple[str, str | None]:
    """Split a measure into kind and field.

    ``count`` (rows), ``sessions`` (sessions the rows hold), ``distinct:FIELD`` (distinct
    values), ``gross:FIELD`` (every value on every row, 延べ) or ``sum:FIELD``.
    """
    kind, _, field = measure.partition(":")
    if kind in ("count", "sessions") and not field:
        return kind, None
    if kind in ("distinct", "gross", "sum") and field:
        return kind, field
    shown = ", ".join(repr(m) for m in MEASURES)
    raise SelectorError(f"expected a measure among {shown}, found {measure!r}")


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
    resolver: Resolver,
    records: str,
    measure: str,
    count_as: Mapping[str, str] | None = None,
) -> Callable[[Sequence[Any]], Decimal | None]:
    """A function computing ``measure`` over a list of records.

    ``count_as`` maps a distinct value to the one it is counted under (``{"HK": "CN"}``).
    A sum over records of which one does not print the field is None: not printed, for
    an amount the document does not give is unknown, never 0.
    """
    kind, field = parse_measure(measure)
    if kind == "count":
        weighted = records == "persons"
        return lambda items: Decimal(sum(weight(r) for r in items) if weighted else len(items))
    if kind == "sessions":
        year = getattr(resolver.doc, "fiscal_year", None)
        until = year.end if isinstance(year, FiscalYear) else None
        return lambda items: Decimal(sum(sessions_of(r, until=until) for r in items))
    assert field is not None
    get = resolver.getter(records, field)
    if kind == "gross":
        return _gross(resolver, records, field)
    if kind == "distinct":

        def distinct(items: Sequence[Any]) -> Decimal:
            seen: set[str] = set()
            add = seen.add
            for record in items:
                for value in get(record):
                    add(value if type(value) is str else scalar(value))
            if count_as:
                seen = {count_as.get(value, value) for value in seen}
            return Decimal(len(seen))

        return distinct

    def total(items: Sequence[Any]) -> Decimal | None:
        out = Decimal(0)
        for record in items:
            values = get(record)
            if not values:
                return None
            for value in values:
                amount = number(value)
                if amount is None:
                    raise SelectorError(f"cannot add {value!r} (field {field!r} of {records})")
                out += amount
        return out

    return total


def _gross(resolver: Resolver, records: str, field: str) -> Callable[[Sequence[Any]], Decimal]:
    """Every value of ``field`` on every record, a value standing for ``count`` counted so."""
    head, _, last = field.rpartition(".")
    if not head:
        get = resolver.getter(records, field)
        return lambda items: Decimal(sum(len(get(r)) for r in items))
    parents = resolver.getter(records, head)

    def gross(items: Sequence[Any]) -> Decimal:
        total = 0
        for record in items:
            for parent in parents(record):
                value = getattr(parent, last, _MISSING)
                if value is _MISSING:
                    raise _missing(parent, last, field)
                # A name printed with a count (東京都(2)) stands for that many.
                total += len(_as_values(value)) * weight(parent)
        return Decimal(total)

    return gross


def evaluate(
    doc: Document,
    records: str,
    measure: str = "count",
    where: Mapping[str, str] | None = None,
    *,
    resolver: Resolver | None = None,
    count_as: Mapping[str, str] | None = None,
) -> Computed:
    """Compute ``measure`` over the records of ``records`` that match ``where``.

    ``count_as`` is a counting convention for distinct values (香港 under 中国).
    """
    resolver = resolver or Resolver(doc)
    paths: tuple[str, ...] = ()
    items: Sequence[Any]
    if records == "participants" and isinstance(doc, AnnualReport):
        base = "$.events"
        paths, items = participant_rows(doc)
    else:
        base, items = records_of(doc, records)
    compute = measure_of(resolver, records, measure, count_as)
    keep = matcher(resolver, records, where or {})
    if keep is None:
        indices = tuple(range(len(items)))
        return Computed(value=compute(items), base=base, indices=indices, paths=paths)
    indices = tuple(i for i, r in enumerate(items) if keep(r))
    return Computed(
        value=compute([items[i] for i in indices]), base=base, indices=indices, paths=paths
    )


class Evaluator:
    """Evaluates selectors over one document, sharing what they have in common.

    What every selector over the document needs (which pillar each programme counts
    under, the events' participant counts) is worked out once, and the records a
    filter keeps are kept for the next selector with the same filter (a report prints
    the events, countries and venues of one table): a rule that evaluates many
    figures' selectors keeps one evaluator for the document, which is frozen.
    """

    def __init__(self, doc: Document):
        self.doc = doc
        self._resolver = Resolver(doc)
        self._lists: dict[str, tuple[str, Sequence[Any], tuple[str, ...]]] = {}
        self._kept: dict[tuple[str, tuple[tuple[str, str], ...]], tuple[int, ...]] = {}

    def _records(self, records: str) -> tuple[str, Sequence[Any], tuple[str, ...]]:
        found = self._lists.get(records)
        if found is None:
            if records == "participants" and isinstance(self.doc, AnnualReport):
                paths, rows = participant_rows(self.doc)
                found = ("$.events", rows, paths)
            else:
                base, items = records_of(self.doc, records)
                found = (base, items, ())
            self._lists[records] = found
        return found

    def evaluate(
        self,
        selector: Selector | str,
        *,
        measure: str = "count",
        where: Mapping[str, str] | None = None,
    ) -> Computed:
        """Compute a :class:`Selector`, or a record list's ``measure`` over ``where``."""
        count_as: Mapping[str, str] | None = None
        if isinstance(selector, Selector):
            records, measure, where = selector.records, selector.measure, selector.where
            count_as = selector.count_as
        else:
            records = selector
        base, items, paths = self._records(records)
        compute = measure_of(self._resolver, records, measure, count_as)
        key = (records, tuple(sorted((where or {}).items())))
        indices = self._kept.get(key)
        if indices is None:
            keep = matcher(self._resolver, records, where or {})
            if keep is None:
                indices = tuple(range(len(items)))
            else:
                indices = tuple(i for i, r in enumerate(items) if keep(r))
            self._kept[key] = indices
        chosen = items if len(indices) == len(items) else [items[i] for i in indices]
        return Computed(value=compute(chosen), base=base, indices=indices, paths=paths)
