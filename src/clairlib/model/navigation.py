"""Walking a document: its sections, programmes and record lists, with their paths.

What rules, tallies and exporters share to find their way through a document.
Paths are in the grammar of findings (``$.sections[0].programmes[2]``).

>>> from clairlib.calendar import FiscalYear
>>> from clairlib.model import AnnualReport, Programme, Section
>>> report = AnnualReport(
...     id="r", title="事業報告", fiscal_year=FiscalYear(2013),
...     sections=(Section(id="s1", title="第1", pillar="P1", sections=(
...         Section(id="s1-1", title="(1)", programmes=(Programme(id="p1", name="研修"),)),
...     )),),
... )
>>> [path for path, _ in iter_sections(report)]
['$.sections[0]', '$.sections[0].sections[0]']
>>> [(path, programme.id) for path, programme in iter_programmes(report)]
[('$.sections[0].sections[0].programmes[0]', 'p1')]
>>> programme_pillars(report)
{'p1': 'P1'}
>>> record_list(report, "events")
('$.events', ())
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from clairlib.errors import ClairlibError
from clairlib.model.documents import AnnualReport, Document, Programme, Section

__all__ = [
    "RECORD_LISTS",
    "RecordListError",
    "iter_programmes",
    "iter_sections",
    "programme_pillars",
    "record_list",
]

RECORD_LISTS = ("events", "grants", "measurements", "persons", "publications", "staff")
"""The names of a report's record lists, as selectors and tallies name them."""


class RecordListError(ClairlibError, ValueError):
    """A record list was asked for by a name that is not one of :data:`RECORD_LISTS`."""


def iter_sections(doc: Document) -> Iterator[tuple[str, Section]]:
    """Yield ``(path, section)`` for every section, each before the sections inside it."""

    def walk(sections: Sequence[Section], base: str) -> Iterator[tuple[str, Section]]:
        for i, section in enumerate(sections):
            here = f"{base}.sections[{i}]"
            yield here, section
            yield from walk(section.sections, here)

    yield from walk(getattr(doc, "sections", ()), "$")


def iter_programmes(doc: Document) -> Iterator[tuple[str, Programme]]:
    """Yield ``(path, programme)`` for every programme in the document's sections, in order."""
    for path, section in iter_sections(doc):
        for j, programme in enumerate(section.programmes):
            yield f"{path}.programmes[{j}]", programme


def programme_pillars(doc: Document) -> dict[str, str]:
    """Map each programme id to the pillar it counts under (its own, else its section's)."""
    out: dict[str, str] = {}

    def walk(sections: Sequence[Section], inherited: str | None) -> None:
        for section in sections:
            pillar = section.pillar or inherited
            for programme in section.programmes:
                chosen = programme.pillar or pillar
                if chosen is not None:
                    out[programme.id] = chosen
            walk(section.sections, pillar)

    walk(getattr(doc, "sections", ()), None)
    return out


def record_list(doc: Document, name: str) -> tuple[str, Sequence[Any]]:
    """The path and the records of the record list ``name`` (``events`` → ``$.events``).

    A plan has no records: its lists are empty. Staff counts sit in the organisation.
    """
    if name not in RECORD_LISTS:
        raise RecordListError(f"expected a record list ({', '.join(RECORD_LISTS)}), found {name!r}")
    if not isinstance(doc, AnnualReport):
        return f"$.{name}", ()
    if name == "staff":
        organisation = doc.organisation
        return "$.organisation.staff", organisation.staff if organisation is not None else ()
    records: Sequence[Any] = getattr(doc, name)
    return f"$.{name}", records
