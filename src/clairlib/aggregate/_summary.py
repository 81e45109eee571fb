"""The summary of a report: per pillar, the headline figures, computed and declared."""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

import attrs

from clairlib.aggregate._select import Resolver, number
from clairlib.calendar import FiscalYear
from clairlib.findings import join_path
from clairlib.model.documents import AnnualReport, Figure, Selector
from clairlib.model.navigation import programme_pillars
from clairlib.model.records import Event, EventKind, Grant, ParticipantKind, Person

HEADLINES = (
    "events",
    "countries",
    "regions",
    "participants",
    "persons",
    "grants",
    "grant_projects",
    "grant_amount",
    "support_cases",
    "staff",
)

_LABELS = {
    "events": "events",
    "countries": "countries",
    "regions": "regions (venues)",
    "participants": "participants",
    "persons": "persons listed",
    "grants": "grants",
    "grant_projects": "projects funded",
    "grant_amount": "amount granted",
    "support_cases": "support cases",
    "staff": "staff",
}


class Basis(enum.Enum):
    """Whether a headline was computed from records or declared (printed) by the document."""

    COMPUTED = "computed"
    DECLARED = "declared"


@attrs.frozen(kw_only=True)
class Headline:
    """One headline figure: what it is, its value and unit, computed or declared, where.

    ``key`` is one of :data:`HEADLINES`, ``figure:<id>`` for a declared figure that
    matches none, or ``indicator:<id>`` for a KPI's all-offices value. ``path`` is
    where a declared headline is printed, or the record list a computed one counts.
    """

    key: str
    label: str
    value: Decimal
    basis: Basis
    unit: str = ""
    path: str | None = None
    text: str | None = None  # as printed, for a declared figure


@attrs.frozen(kw_only=True)
class PillarSummary:
    """The headlines of one pillar (``pillar`` None: the whole body — staff, unassigned)."""

    pillar: str | None
    title: str | None
    headlines: tuple[Headline, ...] = ()

    def get(self, key: str, basis: Basis | None = None) -> Headline | None:
        """The first headline with this key (and basis, when given), or None."""
        for headline in self.headlines:
            if headline.key == key and (basis is None or headline.basis is basis):
                return headline
        return None


@attrs.frozen(kw_only=True)
class Summary:
    """A report in headlines: one :class:`PillarSummary` per pillar, then the whole.

    ``total`` holds headlines over the whole report, computed afresh (a country
    visited under two pillars counts once), not added up from the pillars.
    """

    document: str
    fiscal_year: FiscalYear
    pillars: tuple[PillarSummary, ...]
    total: PillarSummary

    def as_dict(self) -> dict[str, Any]:
        """The summary as JSON-ready data: decimals become ints or decimal strings."""

        def part(summary: PillarSummary) -> dict[str, Any]:
            return {
                "pillar": summary.pillar,
                "title": summary.title,
                "headlines": [
                    {
                        "key": h.key,
                        "label": h.label,
                        "value": _plain(h.value),
                        "unit": h.unit,
                        "basis": h.basis.value,
                        "path": h.path,
                        "text": h.text,
                    }
                    for h in summary.headlines
                ],
            }

        return {
            "document": self.document,
            "fiscal_year": self.fiscal_year.year,
            "pillars": [part(p) for p in self.pillars],
            "total": part(self.total),
        }

    def pillar(self, pillar: str | None) -> PillarSummary:
        """The summary of one pillar; KeyError when the report has none for it."""
        for found in self.pillars:
            if found.pillar == pillar:
                return found
        raise KeyError(pillar)


def _plain(value: Decimal) -> int | str:
    # As the canonical JSON writes decimals: an int when integral, else exact text.
    return int(value) if value == value.to_integral_value() else str(value)


def _key_of(selector: Selector) -> str | None:
    kind, _, field = selector.measure.partition(":")
    where = selector.where
    if selector.records == "events":
        if kind == "count":
            return "support_cases" if where.get("kind") == EventKind.SUPPORT.value else "events"
        if kind == "distinct" and field in ("country", "venue.countries"):
            return "countries"
        if kind == "distinct" and field in ("venue", "venue.text", "city", "venue.city"):
            return "regions"
        if kind == "sum" and field.startswith("participants"):
            return "participants"
    if selector.records == "persons":
        if kind == "count":
            return "persons"
        if kind == "distinct" and field == "country":
            return "countries"
    if selector.records == "grants":
        if kind == "count":
            return "grants"
        if kind == "sum" and field.startswith("amount"):
            return "grant_amount"
        if kind == "sum" and field.startswith("projects"):
            return "grant_projects"
    if selector.records == "staff" and kind == "sum":
        return "staff"
    return None


def _declared(figure: Figure, path: str) -> Headline:
    selector = figure.computed_from
    key = (_key_of(selector) if selector is not None else None) or f"figure:{figure.id}"
    return Headline(
        key=key,
        label=figure.label,
        value=figure.value.magnitude,
        basis=Basis.DECLARED,
        unit=figure.value.unit,
        path=path,
        text=str(figure.value),
    )


def _computed(key: str, value: Decimal, *, unit: str = "", path: str | None = None) -> Headline:
    return Headline(
        key=key, label=_LABELS[key], value=value, basis=Basis.COMPUTED, unit=unit, path=path
    )


def _sum(values: Iterable[Decimal | None]) -> Decimal:
    return sum((v for v in values if v is not None), Decimal(0))


@attrs.define
class _Bucket:
    events: list[Event] = attrs.Factory(list)
    persons: list[Person] = attrs.Factory(list)
    grants: list[Grant] = attrs.Factory(list)


def _headlines(resolver: Resolver, bucket: _Bucket) -> list[Headline]:
    out: list[Headline] = []
    events = bucket.events
    # Countries are where events took place and where persons went or came from.
    country = resolver.getter("events", "country")
    countries = {c for e in events for c in country(e)}
    countries.update(p.country for p in bucket.persons if p.country is not None)
    if events:
        out.append(_computed("events", Decimal(len(events)), unit="件", path="$.events"))
        venues = {e.venue.city or e.venue.text for e in events if e.venue is not None}
        if venues:
            out.append(_computed("regions", Decimal(len(venues)), unit="地域", path="$.events"))
        people = [
            p.count.magnitude
            for e in events
            for p in e.participants
            if p.kind is ParticipantKind.PERSONS
        ]
        if people:
            out.append(_computed("participants", _sum(people), unit="名", path="$.events"))
        support = sum(1 for e in events if e.kind is EventKind.SUPPORT)
        if support:
            out.append(_computed("support_cases", Decimal(support), unit="件", path="$.events"))
    if countries:
        out.insert(
            1 if events else 0,
            _computed(
                "countries",
                Decimal(len(countries)),
                unit="か国",
                path="$.events" if events else "$.persons",
            ),
        )
    persons = bucket.persons
    if persons:
        out.append(
            _computed(
                "persons", Decimal(sum(p.count for p in persons)), unit="名", path="$.persons"
            )
        )
    grants = bucket.grants
    if grants:
        out.append(_computed("grants", Decimal(len(grants)), unit="件", path="$.grants"))
        projects = [g.projects for g in grants if g.projects is not None]
        if projects:
            units = {p.unit for p in projects}
            out.append(
                _computed(
                    "grant_projects",
                    _sum(number(p) for p in projects),
                    unit=units.pop() if len(units) == 1 else "",
                    path="$.grants",
                )
            )
        amounts = [g.amount for g in grants if g.amount is not None]
        if amounts:
            units = {a.unit for a in amounts}
            out.append(
                _computed(
                    "grant_amount",
                    _sum(a.magnitude for a in amounts),
                    unit=units.pop() if len(units) == 1 else "",
                    path="$.grants",
                )
            )
    return out


def _order(report: AnnualReport, seen: Sequence[str]) -> list[str]:
    framework = report.framework
    ordered = [p.id for p in framework.pillars] if framework is not None else []
    return ordered + sorted(p for p in set(seen) if p not in ordered)


def summarize(report: AnnualReport) -> Summary:
    """Summarize a report: per pillar the headline figures, each computed or declared.

    Computed headlines come from the records of the pillar's programmes (events,
    distinct countries and venues, participants, persons, grants with projects and
    amounts, support cases); declared ones are the pillar's figures as printed, keyed
    like the computed ones when their selector says what they count, and each KPI's
    all-offices value for the year under its indicator's pillar. Staff
    (organisation) and records under no pillar form the ``pillar=None`` summary.
    """
    pillars = programme_pillars(report)

    def pillar_of(record: Any) -> str | None:
        direct = getattr(record, "pillar", None)
        if direct is not None:
            return str(direct)
        return pillars.get(getattr(record, "programme", None) or "")

    declared: dict[str | None, list[Headline]] = {}
    for i, figure in enumerate(report.figures):
        declared.setdefault(pillar_of(figure), []).append(
            _declared(figure, join_path(["figures", i, "value"]))
        )
    indicators = {i.id: i for i in report.indicators}
    for i, m in enumerate(report.measurements):
        # A KPI's all-offices value for the report's year is a headline the report prints.
        if m.office is not None or m.country is not None or m.fiscal_year != report.fiscal_year:
            continue
        indicator = indicators.get(m.indicator)
        declared.setdefault(indicator.pillar if indicator else None, []).append(
            Headline(
                key=f"indicator:{m.indicator}",
                label=indicator.name if indicator else m.indicator,
                value=m.value.magnitude,
                basis=Basis.DECLARED,
                unit=m.value.unit,
                path=join_path(["measurements", i, "value"]),
                text=str(m.value),
            )
        )
    buckets: dict[str | None, _Bucket] = {}
    for name in ("events", "persons", "grants"):
        for record in getattr(report, name):
            getattr(buckets.setdefault(pillar_of(record), _Bucket()), name).append(record)
    keys = _order(report, [p for p in (*buckets, *declared) if p is not None])
    titles = {p.id: p.title for p in report.framework.pillars} if report.framework else {}
    resolver = Resolver(report)
    summaries: list[PillarSummary] = []
    for key in [*keys, None]:
        computed = _headlines(resolver, buckets.get(key, _Bucket()))
        if key is None and report.organisation is not None and report.organisation.staff:
            staff = sum(s.count for s in report.organisation.staff)
            computed.append(
                _computed("staff", Decimal(staff), unit="名", path="$.organisation.staff")
            )
        found = computed + declared.get(key, [])
        if found or key is not None:
            summaries.append(
                PillarSummary(
                    pillar=key, title=titles.get(key) if key else None, headlines=tuple(found)
                )
            )
    whole = _headlines(
        resolver,
        _Bucket(
            events=list(report.events), persons=list(report.persons), grants=list(report.grants)
        ),
    )
    if report.organisation is not None and report.organisation.staff:
        staff = sum(s.count for s in report.organisation.staff)
        whole.append(_computed("staff", Decimal(staff), unit="名", path="$.organisation.staff"))
    return Summary(
        document=report.id,
        fiscal_year=report.fiscal_year,
        pillars=tuple(summaries),
        total=PillarSummary(pillar=None, title="total", headlines=tuple(whole)),
    )
