"""The summary of a report: per pillar each headline once, declared beside computed.

A headline is a declared figure with what its records give over the same scope (the
economic-events table prints 45 件, its 45 records give 45), or a figure computed over
a whole pillar (pillar 1's records hold 73 events over all its tables) where the
document prints none. Each says which scope its computed value covers. Labels come in
one language, ``en`` or ``ja``.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any, Literal

import attrs

from clairlib.aggregate._select import Evaluator, Resolver, SelectorError, number
from clairlib.calendar import FiscalYear
from clairlib.findings import join_path
from clairlib.model.documents import (
    AnnualReport,
    Figure,
    Selector,
    Table,
)
from clairlib.model.navigation import programme_pillars
from clairlib.model.records import CountingBasis, Event, EventKind, Grant, ParticipantKind, Person
from clairlib.model.words import japanese_words

Language = Literal["en", "ja"]
LANGUAGES: tuple[Language, ...] = ("en", "ja")

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

_LABELS: dict[str, tuple[str, str]] = {
    "events": ("events", "イベント・事業"),
    "countries": ("countries", "国"),
    "regions": ("regions (venues)", "地域(開催地)"),
    "participants": ("participants", "参加者"),
    "persons": ("persons listed", "名簿の人数"),
    "grants": ("grants", "助成"),
    "grant_projects": ("projects funded", "助成事業数"),
    "grant_amount": ("amount granted", "助成額"),
    "support_cases": ("support cases", "支援件数"),
    "staff": ("staff", "職員"),
}

_RECORDS = {
    "events": ("events", "イベント等"),
    "persons": ("persons", "人の記録"),
    "grants": ("grants", "助成"),
    "participants": ("participant counts", "参加者数"),
    "publications": ("publications", "刊行物"),
    "measurements": ("measurements", "実績値"),
    "staff": ("staff counts", "職員数"),
}


def label(key: str, lang: Language) -> str:
    """A headline key's label in ``lang``."""
    en, ja = _LABELS.get(key, (key, key))
    return ja if lang == "ja" else en


class Basis(enum.Enum):
    """Whether a headline was computed from records or declared (printed) by the document."""

    COMPUTED = "computed"
    DECLARED = "declared"


@attrs.frozen(kw_only=True)
class Headline:
    """One headline: what it counts, the declared figure and the computed one, each scoped.

    ``key`` is one of :data:`HEADLINES`, ``figure:<id>`` for a declared figure that
    matches none, or ``indicator:<id>`` for a KPI's all-offices value. ``declared`` is the
    printed value (``text`` as printed, at ``path``) or None where the document prints
    none; ``computed`` what the records give over ``scope``, or None — with ``note`` saying
    why (no records behind it, an amount not printed).
    """

    key: str
    label: str
    unit: str = ""
    declared: Decimal | None = None
    text: str | None = None
    path: str | None = None
    computed: Decimal | None = None
    scope: str = ""
    note: str | None = None

    @property
    def basis(self) -> Basis:
        """DECLARED when the document prints this headline, else COMPUTED."""
        return Basis.DECLARED if self.declared is not None else Basis.COMPUTED

    @property
    def value(self) -> Decimal | None:
        """The declared value where printed, else the computed one."""
        return self.declared if self.declared is not None else self.computed

    @property
    def agrees(self) -> bool | None:
        """Whether declared and computed are equal; None when either is missing."""
        if self.declared is None or self.computed is None:
            return None
        return self.declared == self.computed


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


def plain(value: Decimal | None) -> int | str | None:
    """A decimal as the canonical JSON writes it: an int when integral, else exact text."""
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else str(value)


def _headline_dict(h: Headline) -> dict[str, Any]:
    return {
        "key": h.key,
        "label": h.label,
        "unit": h.unit,
        "declared": plain(h.declared),
        "text": h.text,
        "path": h.path,
        "computed": plain(h.computed),
        "scope": h.scope,
        "note": h.note,
    }


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
    lang: Language = "en"

    def as_dict(self) -> dict[str, Any]:
        """The summary as JSON-ready data: decimals become ints or decimal strings."""

        def part(summary: PillarSummary) -> dict[str, Any]:
            return {
                "pillar": summary.pillar,
                "title": summary.title,
                "headlines": [_headline_dict(h) for h in summary.headlines],
            }

        return {
            "document": self.document,
            "fiscal_year": self.fiscal_year.year,
            "lang": self.lang,
            "pillars": [part(p) for p in self.pillars],
            "total": part(self.total),
        }

    def pillar(self, pillar: str | None) -> PillarSummary:
        """The summary of one pillar; KeyError when the report has none for it."""
        for found in self.pillars:
            if found.pillar == pillar:
                return found
        raise KeyError(pillar)


def key_of(selector: Selector) -> str | None:
    """The headline a selector computes (``distinct:country`` of events: countries)."""
    kind, _, field = selector.measure.partition(":")
    where = selector.where
    if selector.records == "events":
        if kind in ("count", "sessions"):
            return "support_cases" if where.get("kind") == EventKind.SUPPORT.value else "events"
        if kind == "distinct" and field in ("country", "venue.countries"):
            return "countries"
        if kind == "distinct" and field in ("venue", "venue.text", "city", "venue.city"):
            return "regions"
        if kind == "sum" and field.startswith("participants"):
            return "participants"
    if selector.records == "participants" and kind == "sum" and field == "count":
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


# The fields a selector filters on, as a Japanese summary names them; codes and ids
# stay as printed, enumeration values become the document's words.
_FIELDS_JA = {
    "breakdowns.dimension": "内訳の軸",
    "country": "国",
    "event": "イベント",
    "id": "ID",
    "indicator": "指標",
    "kind": "種別",
    "label": "区分",
    "office": "事務所",
    "period": "期間",
    "programme": "事業",
    "role": "役割",
    "source": "出典",
    "tags": "表",
    "venue": "開催場所",
}
_ENUMS_JA: dict[tuple[str, str], type[enum.Enum]] = {
    ("events", "kind"): EventKind,
    ("participants", "kind"): ParticipantKind,
    ("participants", "basis"): CountingBasis,
}


def _value_ja(records: str, field: str, value: str) -> str:
    cls = _ENUMS_JA.get((records, field))
    return value if cls is None else japanese_words(cls).get(value, value)


def scope_of(selector: Selector, tables: dict[str, Table], lang: Language) -> str:
    """What a selector's records are, in words: a table by its caption, else the filter."""
    en, ja = _RECORDS.get(selector.records, (selector.records, selector.records))
    where = dict(selector.where)
    table = tables.get(where.pop("tags", "")) if "tags" in selector.where else None
    if lang == "ja":
        rest = ", ".join(
            f"{_FIELDS_JA.get(k, k)} = {_value_ja(selector.records, k, v)}"
            for k, v in sorted(where.items())
        )
    else:
        rest = ", ".join(f"{k} = {v}" for k, v in sorted(where.items()))
    if lang == "ja":
        head = f"表 {table.id}「{table.caption}」の{ja}" if table else f"{ja}"
        return head + (f"({rest})" if rest else "") if table or rest else f"全{ja}"
    head = f"{en} of table {table.id} ({table.caption})" if table else en
    if rest:
        head += f" where {rest}"
    return head if table or rest else f"all {en}"


def _declared(
    figure: Figure,
    path: str,
    evaluator: Evaluator,
    tables: dict[str, Table],
    lang: Language,
    figures: dict[str, Figure],
) -> Headline:
    selector = figure.computed_from
    key = (key_of(selector) if selector is not None else None) or f"figure:{figure.id}"
    if lang == "ja":
        shown = figure.label
    elif key.startswith("figure:"):
        shown = f"figure {figure.id}"
    else:
        shown = f"{label(key, lang)} ({figure.id})"
    computed: Decimal | None = None
    scope = ""
    note: str | None = None
    parts = [figures.get(p) for p in figure.parts]
    if selector is None and parts and all(p is not None for p in parts):
        # A figure printed as the total of others: what its parts add up to.
        computed = sum((p.value.magnitude for p in parts if p is not None), Decimal(0))
        listed = ", ".join(figure.parts)
        scope = f"内訳 {listed} の合計" if lang == "ja" else f"the sum of its parts {listed}"
        if figure.overlapping:
            note = "重複あり" if lang == "ja" else "overlapping parts (重複あり)"
    elif selector is None:
        note = figure.unchecked or ("記録なし" if lang == "ja" else "no records behind it")
    else:
        scope = scope_of(selector, tables, lang)
        try:
            computed = evaluator.evaluate(selector).value
        except SelectorError as error:
            note = str(error)
        else:
            if computed is None:
                note = "記載なし" if lang == "ja" else "not printed"
    return Headline(
        key=key,
        label=shown,
        unit=figure.value.unit,
        declared=figure.value.magnitude,
        text=str(figure.value),
        path=path,
        computed=computed,
        scope=scope,
        note=note,
    )


def _computed(
    key: str,
    value: Decimal | None,
    lang: Language,
    *,
    unit: str = "",
    scope: str = "",
    note: str | None = None,
) -> Headline:
    return Headline(
        key=key, label=label(key, lang), unit=unit, computed=value, scope=scope, note=note
    )


def _sum(values: Iterable[Decimal | None]) -> Decimal:
    return sum((v for v in values if v is not None), Decimal(0))


@attrs.define
class _Bucket:
    events: list[Event] = attrs.Factory(list)
    persons: list[Person] = attrs.Factory(list)
    grants: list[Grant] = attrs.Factory(list)


def _tables(events: Sequence[Event], known: dict[str, Table]) -> list[str]:
    return sorted({t for e in events for t in e.tags if t in known})


def _whole_scope(pillar: str | None, records: str, tables: list[str], lang: Language) -> str:
    en, ja = _RECORDS[records]
    listed = ", ".join(tables)
    if lang == "ja":
        where = f"柱 {pillar} の全事業" if pillar is not None else "報告全体"
        return f"{where}の{ja}" + (f"(表 {listed})" if listed else "")
    where = f"pillar {pillar}'s programmes" if pillar is not None else "the whole report"
    return f"all {en} of {where}" + (f" (tables {listed})" if listed else "")


def _headlines(
    resolver: Resolver,
    bucket: _Bucket,
    pillar: str | None,
    known: dict[str, Table],
    lang: Language,
) -> list[Headline]:
    out: list[Headline] = []
    events = bucket.events
    scope = _whole_scope(pillar, "events", _tables(events, known), lang)
    # Countries are where events took place and where persons went or came from.
    country = resolver.getter("events", "country")
    countries = {c for e in events for c in country(e)}
    countries.update(p.country for p in bucket.persons if p.country is not None)
    if events:
        out.append(_computed("events", Decimal(len(events)), lang, unit="件", scope=scope))
        venues = {e.venue.city or e.venue.text for e in events if e.venue is not None}
        if venues:
            out.append(_computed("regions", Decimal(len(venues)), lang, unit="地域", scope=scope))
        people = [
            p.count.magnitude
            for e in events
            for p in e.participants
            if p.kind is ParticipantKind.PERSONS
        ]
        if people:
            out.append(_computed("participants", _sum(people), lang, unit="名", scope=scope))
        support = sum(1 for e in events if e.kind is EventKind.SUPPORT)
        if support:
            out.append(_computed("support_cases", Decimal(support), lang, unit="件", scope=scope))
    if countries:
        where = scope if events else _whole_scope(pillar, "persons", [], lang)
        if events and any(p.country for p in bucket.persons):
            # The persons' countries are counted too: the scope says so.
            where = f"{scope} + {_whole_scope(pillar, 'persons', [], lang)}"
        out.insert(
            1 if events else 0,
            _computed("countries", Decimal(len(countries)), lang, unit="か国", scope=where),
        )
    persons = bucket.persons
    if persons:
        out.append(
            _computed(
                "persons",
                Decimal(sum(p.count for p in persons)),
                lang,
                unit="名",
                scope=_whole_scope(pillar, "persons", [], lang),
            )
        )
    grants = bucket.grants
    if grants:
        where = _whole_scope(pillar, "grants", [], lang)
        out.append(_computed("grants", Decimal(len(grants)), lang, unit="件", scope=where))
        for key, field in (("grant_projects", "projects"), ("grant_amount", "amount")):
            values = [getattr(g, field) for g in grants]
            printed = [v for v in values if v is not None]
            if not printed:
                continue
            units = {v.unit for v in printed}
            missing = len(values) - len(printed)
            # An amount a grant does not print is unknown: the sum is not printed either.
            note = None
            if missing:
                note = (
                    f"{len(grants)} 件中 {missing} 件は記載なし"
                    if lang == "ja"
                    else f"not printed for {missing} of {len(grants)} grants"
                )
            out.append(
                _computed(
                    key,
                    None if missing else _sum(number(v) for v in printed),
                    lang,
                    unit=units.pop() if len(units) == 1 else "",
                    scope=where,
                    note=note,
                )
            )
    return out


def _once(declared: list[Headline], computed: list[Headline]) -> list[Headline]:
    """Declared headlines, then the computed ones no declared headline already shows."""
    shown = {(h.key, h.computed) for h in declared if h.computed is not None}
    return declared + [h for h in computed if (h.key, h.computed) not in shown]


def _order(report: AnnualReport, seen: Sequence[str]) -> list[str]:
    framework = report.framework
    ordered = [p.id for p in framework.pillars] if framework is not None else []
    return ordered + sorted(p for p in set(seen) if p not in ordered)


def _staff(report: AnnualReport, lang: Language) -> Headline | None:
    if report.organisation is None or not report.organisation.staff:
        return None
    staff = sum(s.count for s in report.organisation.staff)
    scope = "組織の職員数" if lang == "ja" else "the organisation's staff counts"
    return _computed("staff", Decimal(staff), lang, unit="名", scope=scope)


def summarize(report: AnnualReport, *, lang: Language = "en") -> Summary:
    """Summarize a report: per pillar each headline once, declared beside computed.

    A declared figure's headline carries what its selector computes over the same records
    (its scope); a pillar's own computed headlines (events, distinct countries and venues,
    participants, persons, grants with projects and amounts, support cases) cover every
    record of the pillar's programmes, and say so. Each KPI's all-offices value for the
    year is declared under its indicator's pillar. Staff (organisation) and records under
    no pillar form the ``pillar=None`` summary. Labels are in ``lang`` (``en`` or ``ja``).
    """
    if lang not in LANGUAGES:
        raise ValueError(f"expected a language among {', '.join(LANGUAGES)}, found {lang!r}")
    pillars = programme_pillars(report)
    known = {t.id: t for t in report.tables}
    evaluator = Evaluator(report)

    def pillar_of(record: Any) -> str | None:
        direct = getattr(record, "pillar", None)
        if direct is not None:
            return str(direct)
        return pillars.get(getattr(record, "programme", None) or "")

    declared: dict[str | None, list[Headline]] = {}
    by_id = {f.id: f for f in reversed(report.figures)}
    for i, figure in enumerate(report.figures):
        declared.setdefault(pillar_of(figure), []).append(
            _declared(figure, join_path(["figures", i, "value"]), evaluator, known, lang, by_id)
        )
    indicators = {i.id: i for i in report.indicators}
    for i, m in enumerate(report.measurements):
        # A KPI's all-offices value for the report's year is a headline the report prints.
        if m.office is not None or m.country is not None or m.fiscal_year != report.fiscal_year:
            continue
        indicator = indicators.get(m.indicator)
        name = m.indicator
        if indicator is not None:
            name = indicator.name if lang == "ja" else indicator.name_en or f"KPI {indicator.id}"
        declared.setdefault(indicator.pillar if indicator else None, []).append(
            Headline(
                key=f"indicator:{m.indicator}",
                label=name,
                unit=m.value.unit,
                declared=m.value.magnitude,
                text=str(m.value),
                path=join_path(["measurements", i, "value"]),
                note="KPI の実績値" if lang == "ja" else "a KPI measurement",
            )
        )
    buckets: dict[str | None, _Bucket] = {}
    for name in ("events", "persons", "grants"):
        for record in getattr(report, name):
            getattr(buckets.setdefault(pillar_of(record), _Bucket()), name).append(record)
    keys = _order(report, [p for p in (*buckets, *declared) if p is not None])
    framework = report.framework
    titles: dict[str, str] = {}
    if framework is not None:
        titles = {
            p.id: (p.title if lang == "ja" else p.title_en or p.title) for p in framework.pillars
        }
    resolver = Resolver(report)
    staff = _staff(report, lang)
    summaries: list[PillarSummary] = []
    for key in [*keys, None]:
        computed = _headlines(resolver, buckets.get(key, _Bucket()), key, known, lang)
        if key is None and staff is not None:
            computed.append(staff)
        found = _once(declared.get(key, []), computed)
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
        None,
        known,
        lang,
    )
    if staff is not None:
        whole.append(staff)
    return Summary(
        document=report.id,
        fiscal_year=report.fiscal_year,
        pillars=tuple(summaries),
        total=PillarSummary(
            pillar=None, title="合計" if lang == "ja" else "total", headlines=tuple(whole)
        ),
        lang=lang,
    )
