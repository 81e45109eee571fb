"""Records: the things a body did — events, participants, people, grants, publications.

Records are what figures are computed from. Each has a document-unique ``id`` and
refers to programmes and offices by id, to countries by ISO code.
"""

from __future__ import annotations

import enum

import attrs

from clairlib.calendar import Period, PeriodSet
from clairlib.model._fields import personal, personal_fields
from clairlib.model.places import LocalGovernment
from clairlib.model.quantity import Quantity

__all__ = [
    "Breakdown",
    "BreakdownItem",
    "CountingBasis",
    "Event",
    "EventKind",
    "Grant",
    "ParticipantKind",
    "Participants",
    "Person",
    "Publication",
    "Venue",
    "personal_fields",
]


def _non_negative(instance: object, attribute: attrs.Attribute[Quantity], value: Quantity) -> None:
    if value.value < 0:
        raise ValueError(f"{attribute.name} must not be negative, found {value.value}")


class CountingBasis(enum.Enum):
    """Whether a count counts each person or body once, or each time (延べ)."""

    DISTINCT = "distinct"
    GROSS = "gross"  # 延べ


class ParticipantKind(enum.Enum):
    """What a participant count counts."""

    PERSONS = "persons"  # 名・人
    BODIES = "bodies"  # 団体
    GOVERNMENTS = "governments"  # 自治体


class EventKind(enum.Enum):
    """The kinds of activity the documents report."""

    EXHIBITION = "exhibition"  # 観光展・物産展・見本市
    PROMOTION = "promotion"
    RECEPTION = "reception"
    SEMINAR = "seminar"
    CONFERENCE = "conference"
    TRAINING = "training"
    MEDIA = "media"  # 取材協力・掲載
    DISPATCH = "dispatch"  # 派遣
    EXCHANGE = "exchange"
    SUPPORT = "support"
    AWARD = "award"
    MEETING = "meeting"
    OTHER = "other"


@attrs.frozen(kw_only=True)
class Venue:
    """Where an event took place, as printed, and the countries that covers."""

    text: str
    countries: tuple[str, ...] = ()  # ISO 3166-1 alpha-2
    city: str | None = None


@attrs.frozen(kw_only=True)
class BreakdownItem:
    """One category of a breakdown and its count."""

    key: str
    value: Quantity = attrs.field(validator=_non_negative)
    label: str | None = None  # the category as printed, when it differs from key


@attrs.frozen(kw_only=True)
class Breakdown:
    """A count split by one dimension (country, local-government kind, role …).

    ``overlapping`` marks categories that count an item under several (重複あり):
    their sum may exceed the total, honestly.
    """

    dimension: str
    items: tuple[BreakdownItem, ...] = ()
    overlapping: bool = False


@attrs.frozen(kw_only=True)
class Participants:
    """How many took part: a count with its kind, basis and breakdowns."""

    count: Quantity = attrs.field(validator=_non_negative)
    kind: ParticipantKind = ParticipantKind.PERSONS
    basis: CountingBasis = CountingBasis.DISTINCT
    role: str | None = None  # ALT / CIR / SEA …
    label: str | None = None
    breakdowns: tuple[Breakdown, ...] = ()


@attrs.frozen(kw_only=True)
class Event:
    """Something held, joined or supported: an exhibition, seminar, training, dispatch …"""

    id: str
    name: str
    programme: str | None = None
    offices: tuple[str, ...] = ()
    venue: Venue | None = None
    period: Period | PeriodSet | None = None
    period_text: str | None = None  # as printed, when it is not what the period formats to
    kind: EventKind = EventKind.OTHER
    partners: tuple[str, ...] = ()  # JETAA …
    participants: tuple[Participants, ...] = ()
    local_governments: tuple[LocalGovernment, ...] = ()
    group: str | None = None  # the row group the document prints it under
    description: str | None = None
    tags: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class Person:
    """An individual participant record: a trainee, an expert, seconded staff …

    ``name`` identifies a private person and is marked personal: exporters leave it
    out unless asked.
    """

    id: str
    role: str
    programme: str | None = None
    name: str | None = personal(default=None)
    origin: str | None = None  # the body that sent them, as printed
    country: str | None = None
    field: str | None = None  # 研修分野 / 専門分野
    office: str | None = None
    host: LocalGovernment | None = None  # the body that received them
    period: Period | PeriodSet | None = None
    # A row standing for several identical records (``東京都(2)``).
    count: int = attrs.field(default=1, validator=attrs.validators.ge(1))


@attrs.frozen(kw_only=True)
class Grant:
    """Funding a programme gave: projects funded and the amount."""

    id: str
    programme: str | None = None
    name: str | None = None
    recipient: str | None = None
    projects: Quantity | None = attrs.field(
        default=None, validator=attrs.validators.optional(_non_negative)
    )
    amount: Quantity | None = None  # usually 千円


@attrs.frozen(kw_only=True)
class Publication:
    """A report, series volume, magazine issue or feature, with access counts."""

    id: str
    title: str
    kind: str  # clair_report / series / mail_magazine / forum / newsletter …
    programme: str | None = None
    office: str | None = None
    country: str | None = None
    issue: str | None = None  # number or date as printed
    period: Period | PeriodSet | None = None
    published_fy: int | None = None
    accesses: Quantity | None = attrs.field(
        default=None, validator=attrs.validators.optional(_non_negative)
    )
