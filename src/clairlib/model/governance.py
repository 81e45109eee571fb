"""Governance and organisation: board meetings, officers, departments and staff."""

from __future__ import annotations

import enum

import attrs

from clairlib.calendar import Period
from clairlib.model._fields import personal
from clairlib.model.offices import Department

__all__ = ["AgendaItem", "Board", "Meeting", "Officer", "Organisation", "StaffCount"]


class Board(enum.Enum):
    """The governing bodies that meet and resolve agenda items."""

    DIRECTORS = "directors"  # 理事会
    COUNCILLORS = "councillors"  # 評議員会


@attrs.frozen(kw_only=True)
class AgendaItem:
    """A numbered agenda item (第1号議案) and what became of it."""

    number: int
    title: str
    outcome: str | None = None  # 原案どおり可決 …


@attrs.frozen(kw_only=True)
class Meeting:
    """A meeting of a board: which, its ordinal (第59回), its date, its agenda."""

    id: str
    board: Board
    ordinal: int
    date: Period
    agenda: tuple[AgendaItem, ...] = ()


@attrs.frozen(kw_only=True)
class Officer:
    """An officer or councillor: role as printed, name (personal), affiliation."""

    role: str
    name: str = personal()
    affiliation: str | None = None


@attrs.frozen(kw_only=True)
class StaffCount:
    """How many staff of one rank an office has."""

    office: str
    rank: str
    count: int = attrs.field(validator=attrs.validators.ge(0))


@attrs.frozen(kw_only=True)
class Organisation:
    """The organisation at a date: officers, HQ departments, staff by office and rank.

    ``headquarters_posts`` lists the HQ posts as printed (事務局長, 主査 21 名 …).
    """

    as_of: Period | None = None
    officers: tuple[Officer, ...] = ()
    officers_as_of: Period | None = None
    departments: tuple[Department, ...] = ()
    offices: tuple[str, ...] = ()  # office codes in the order printed
    headquarters_posts: tuple[str, ...] = ()
    staff: tuple[StaffCount, ...] = ()
