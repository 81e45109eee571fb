"""reference-exists: every programme, office, country, pillar, indicator, figure, table exists."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

import attrs

from clairlib.aggregate import SELECTABLE
from clairlib.findings import Finding, Severity, join_path
from clairlib.model.documents import (
    AnnualPlan,
    AnnualReport,
    Block,
    BlockKind,
    Document,
    MidTermPlan,
    Section,
)
from clairlib.model.navigation import iter_programmes
from clairlib.model.places import is_country_code
from clairlib.rules._base import Context

_Ref = tuple[str, list[str | int], str]  # (kind, path parts, id)


@functools.cache
def _reference_offices() -> frozenset[str]:
    from clairlib.reference import offices

    return frozenset(office.code for office in offices())


def known_offices(doc: Document) -> frozenset[str]:
    """The office codes a document may name: clairlib's reference offices and its own."""
    own: Iterable[str] = ()
    if isinstance(doc, AnnualReport) and doc.organisation is not None:
        own = doc.organisation.offices
    return _reference_offices() | frozenset(own)


def _sections(sections: Sequence[Section], base: list[str | int]) -> Iterator[_Ref]:
    for s, section in enumerate(sections):
        here = [*base, "sections", s]
        if section.pillar is not None:
            yield "pillar", [*here, "pillar"], section.pillar
        yield from _blocks(section.body, [*here, "body"])
        for p, programme in enumerate(section.programmes):
            at = [*here, "programmes", p]
            if programme.pillar is not None:
                yield "pillar", [*at, "pillar"], programme.pillar
            for c, pillar in enumerate(programme.cross_listed):
                yield "pillar", [*at, "cross_listed", c], pillar
            for o, office in enumerate(programme.offices):
                yield "office", [*at, "offices", o], office
            for c, country in enumerate(programme.countries):
                if not is_country_code(country):
                    yield "country", [*at, "countries", c], country
            yield from _blocks(programme.body, [*at, "body"])
        yield from _sections(section.sections, here)


def _blocks(blocks: Sequence[Block], base: list[str | int]) -> Iterator[_Ref]:
    for b, block in enumerate(blocks):
        if block.kind is BlockKind.TABLE and block.ref is not None:
            yield "table", [*base, b, "ref"], block.ref


def _optional(kind: str, base: list[str | int], field: str, value: str | None) -> Iterator[_Ref]:
    if value is not None:
        yield kind, [*base, field], value


def _records(doc: AnnualReport, known: Mapping[str, frozenset[str] | None]) -> Iterator[_Ref]:
    # A report may hold a million records: only references that fail are yielded (all of
    # them when there is nothing to look programmes up in, for the rule to skip once).
    programmes = known["programme"]
    offices = known["office"] or frozenset()
    for name in ("events", "persons", "grants", "publications"):
        records: Sequence[Any] = getattr(doc, name)
        for i, record in enumerate(records):
            programme = record.programme
            if programme is not None and (programmes is None or programme not in programmes):
                yield "programme", [name, i, "programme"], programme
            if name == "events":
                for o, office in enumerate(record.offices):
                    if office not in offices:
                        yield "office", [name, i, "offices", o], office
            elif name != "grants":
                office = record.office
                if office is not None and office not in offices:
                    yield "office", [name, i, "office"], office


def _report(doc: AnnualReport, known: Mapping[str, frozenset[str] | None]) -> Iterator[_Ref]:
    for i, f in enumerate(doc.figures):
        at: list[str | int] = ["figures", i]
        yield from _optional("programme", at, "programme", f.programme)
        yield from _optional("pillar", at, "pillar", f.pillar)
        for p, part in enumerate(f.parts):
            yield "figure", [*at, "parts", p], part
        yield from _optional("figure", at, "numerator", f.numerator)
        yield from _optional("figure", at, "denominator", f.denominator)
        if f.computed_from is not None:
            yield "records", [*at, "computed_from", "records"], f.computed_from.records
    for i, t in enumerate(doc.tables):
        yield from _optional("programme", ["tables", i], "programme", t.programme)
        for r, row in enumerate(t.rows):
            yield from _optional("record", ["tables", i, "rows", r], "record", row.record)
    yield from _records(doc, known)
    for i, m in enumerate(doc.measurements):
        yield "indicator", ["measurements", i, "indicator"], m.indicator
        yield from _optional("office", ["measurements", i], "office", m.office)
    if doc.organisation is not None:
        for i, staff in enumerate(doc.organisation.staff):
            yield "office", ["organisation", "staff", i, "office"], staff.office


def _references(doc: Document, known: Mapping[str, frozenset[str] | None]) -> Iterator[_Ref]:
    if isinstance(doc, AnnualReport):
        yield from _report(doc, known)
    if isinstance(doc, (AnnualReport, AnnualPlan)):
        yield from _blocks(doc.preamble, ["preamble"])
        yield from _sections(doc.sections, [])
    if isinstance(doc, AnnualPlan):
        for i, focus in enumerate(doc.focus):
            yield "office", ["focus", i, "office"], focus.office
    if isinstance(doc, MidTermPlan):
        yield from _blocks(doc.body, ["body"])
    for i, indicator in enumerate(getattr(doc, "indicators", ())):
        yield from _optional("pillar", ["indicators", i], "pillar", indicator.pillar)
        yield from _optional("indicator", ["indicators", i], "numerator", indicator.numerator)
        yield from _optional("indicator", ["indicators", i], "denominator", indicator.denominator)
    for i, target in enumerate(getattr(doc, "targets", ())):
        yield "indicator", ["targets", i, "indicator"], target.indicator


_NOUNS = {
    "country": "country",
    "figure": "figure",
    "indicator": "indicator",
    "office": "office",
    "pillar": "pillar",
    "programme": "programme",
    "record": "record",
    "records": "record list",
    "table": "table",
}


@attrs.frozen(kw_only=True)
class ReferenceExists:
    """Every id a document names exists: programmes, offices, pillars, indicators and more.

    Offices are clairlib's reference offices (HQ, the 67 branches, the 7 overseas
    offices) and those the document's organisation lists; a programme's countries are
    ISO 3166-1 alpha-2 codes CLDR knows. Pillars are the document's framework's;
    without a framework, pillar references are skipped.
    """

    code: str = "reference-exists"
    description: str = "every programme, office, pillar, indicator, figure and table named exists"
    severity: Severity = Severity.ERROR

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        """Yield a finding for every reference to an id the document does not define."""
        known = self._known(doc, ctx)
        framework = getattr(doc, "framework", None)
        reasons = {
            "pillar": ("the document has no framework to look pillars up in", "$.framework"),
            "programme": ("the document lists no programmes to look them up in", "$.sections"),
        }
        for kind, parts, ident in _references(doc, known):
            ids = known.get(kind)
            if ids is None:
                if kind in reasons:
                    reason, path = reasons.pop(kind)
                    ctx.skip(reason, path=path)
                continue
            if ident in ids:
                continue
            noun = _NOUNS[kind]
            where = (
                "" if kind != "pillar" or framework is None else f" in framework {framework.id!r}"
            )
            message = f"unknown {noun} {ident!r}: no {noun} with that id{where}"
            if kind == "country":
                message = f"unknown country {ident!r}: not an ISO 3166-1 alpha-2 code CLDR knows"
            yield Finding(
                rule=self.code,
                severity=self.severity,
                path=join_path(parts),
                message=message,
            )

    def _known(self, doc: Document, ctx: Context) -> dict[str, frozenset[str] | None]:
        framework = getattr(doc, "framework", None)
        records: set[str] = set()
        if isinstance(doc, AnnualReport):
            # A table row may present a measurement (an office's row of a KPI table) as
            # well as an event, person, grant or publication.
            for name in ("events", "persons", "grants", "publications", "measurements"):
                records.update(r.id for r in getattr(doc, name))
        programmes = frozenset(p.id for _, p in iter_programmes(doc))
        return {
            "programme": programmes or None,
            "office": known_offices(doc),
            "pillar": None if framework is None else frozenset(p.id for p in framework.pillars),
            "indicator": frozenset(ctx.indicators),
            "figure": frozenset(ctx.figures),
            "table": frozenset(t.id for t in getattr(doc, "tables", ())),
            "record": frozenset(records),
            "records": frozenset(SELECTABLE),
            # Countries are ISO 3166-1 codes CLDR knows: only the unknown ones are yielded.
            "country": frozenset(),
        }
