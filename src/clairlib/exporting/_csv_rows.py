"""The row objects of the CSV tables and how to list them from a document."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

import attrs

from clairlib.model import (
    AgendaItem,
    Breakdown,
    BreakdownItem,
    Document,
    LocalGovernment,
    Participants,
    Programme,
)
from clairlib.model.navigation import iter_sections

__all__ = [
    "AgendaRow",
    "BreakdownRow",
    "LocalGovernmentRow",
    "ParticipantsRow",
    "ProgrammeRow",
    "agenda",
    "breakdowns",
    "local_governments",
    "organisation",
    "participants",
    "programmes",
    "records",
]


# Row objects of the tables whose rows are parts of records: the owner's id and position
# travel with the part, so the reader can put it back where it was.
@attrs.frozen
class ParticipantsRow:
    """One participant count of an event."""

    event: str
    index: int
    participants: Participants


@attrs.frozen
class LocalGovernmentRow:
    """One local government an event names."""

    event: str
    government: LocalGovernment


@attrs.frozen
class BreakdownRow:
    """One item of a breakdown (or an empty breakdown) of a participant count or measurement."""

    owner_type: str  # "event" or "measurement"
    owner: str
    participants: int | None
    breakdown: int
    dimension: str
    overlapping: bool
    item: BreakdownItem | None


@attrs.frozen
class ProgrammeRow:
    """A programme and the section it is printed in."""

    section: str
    programme: Programme


@attrs.frozen
class AgendaRow:
    """An agenda item of a meeting."""

    meeting: str
    item: AgendaItem


def participants(doc: Document) -> Iterator[ParticipantsRow]:
    for event in getattr(doc, "events", ()):
        for index, participants in enumerate(event.participants):
            yield ParticipantsRow(event.id, index, participants)


def local_governments(doc: Document) -> Iterator[LocalGovernmentRow]:
    for event in getattr(doc, "events", ()):
        for government in event.local_governments:
            yield LocalGovernmentRow(event.id, government)


def _breakdown_rows(
    owner_type: str, owner: str, participants: int | None, breakdowns: Iterable[Breakdown]
) -> Iterator[BreakdownRow]:
    for index, breakdown in enumerate(breakdowns):
        items: tuple[BreakdownItem | None, ...] = breakdown.items or (None,)
        for item in items:
            yield BreakdownRow(
                owner_type,
                owner,
                participants,
                index,
                breakdown.dimension,
                breakdown.overlapping,
                item,
            )


def breakdowns(doc: Document) -> Iterator[BreakdownRow]:
    for event in getattr(doc, "events", ()):
        for position, participants in enumerate(event.participants):
            yield from _breakdown_rows("event", event.id, position, participants.breakdowns)
    for measurement in getattr(doc, "measurements", ()):
        yield from _breakdown_rows("measurement", measurement.id, None, measurement.breakdowns)


def agenda(doc: Document) -> Iterator[AgendaRow]:
    for meeting in getattr(doc, "meetings", ()):
        for item in meeting.agenda:
            yield AgendaRow(meeting.id, item)


def organisation(field: str) -> Callable[[Document], Iterable[Any]]:
    def rows(doc: Document) -> Iterable[Any]:
        organisation = getattr(doc, "organisation", None)
        return () if organisation is None else getattr(organisation, field)

    return rows


def records(field: str) -> Callable[[Document], Iterable[Any]]:
    def rows(doc: Document) -> Iterable[Any]:
        return getattr(doc, field, ())

    return rows


def programmes(doc: Document) -> Iterator[ProgrammeRow]:
    """Every programme of the document's sections, nested ones included, in order."""
    for _, section in iter_sections(doc):
        for programme in section.programmes:
            yield ProgrammeRow(section.id, programme)
