"""The clairlib domain model: frozen attrs classes for plans, reports and their records.

Every class is importable from here; each concept lives in its own module
(:mod:`~clairlib.model.quantity`, :mod:`~clairlib.model.records` …).
Serialization lives in :mod:`clairlib.io`, not in these classes.
"""

from __future__ import annotations

from clairlib.model.documents import (
    AnnualPlan,
    AnnualReport,
    Block,
    BlockKind,
    Cell,
    Column,
    ColumnRole,
    CrossListing,
    Document,
    Figure,
    MidTermPlan,
    OfficeFocus,
    Priority,
    Programme,
    Row,
    RowKind,
    Section,
    Selector,
    Table,
)
from clairlib.model.framework import (
    Crosswalk,
    CrosswalkLink,
    Framework,
    Item,
    Objective,
    Pillar,
    PillarKind,
)
from clairlib.model.governance import AgendaItem, Board, Meeting, Officer, Organisation, StaffCount
from clairlib.model.indicators import Aggregation, Indicator, Measurement, Target
from clairlib.model.offices import Department, Office, OfficeKind
from clairlib.model.places import Country, LocalGovernment, LocalGovernmentKind, UnknownCountryError
from clairlib.model.provenance import Origin
from clairlib.model.quantity import Qualifier, Quantity, QuantityError
from clairlib.model.records import (
    Breakdown,
    BreakdownItem,
    CountingBasis,
    Event,
    EventKind,
    Grant,
    ParticipantKind,
    Participants,
    Person,
    Publication,
    Venue,
    personal_fields,
)

__all__ = [
    "AgendaItem",
    "Aggregation",
    "AnnualPlan",
    "AnnualReport",
    "Block",
    "BlockKind",
    "Board",
    "Breakdown",
    "BreakdownItem",
    "Cell",
    "Column",
    "ColumnRole",
    "CountingBasis",
    "Country",
    "CrossListing",
    "Crosswalk",
    "CrosswalkLink",
    "Department",
    "Document",
    "Event",
    "EventKind",
    "Figure",
    "Framework",
    "Grant",
    "Indicator",
    "Item",
    "LocalGovernment",
    "LocalGovernmentKind",
    "Measurement",
    "Meeting",
    "MidTermPlan",
    "Objective",
    "Office",
    "OfficeFocus",
    "OfficeKind",
    "Officer",
    "Organisation",
    "Origin",
    "ParticipantKind",
    "Participants",
    "Person",
    "Pillar",
    "PillarKind",
    "Priority",
    "Programme",
    "Publication",
    "Qualifier",
    "Quantity",
    "QuantityError",
    "Row",
    "RowKind",
    "Section",
    "Selector",
    "StaffCount",
    "Table",
    "Target",
    "UnknownCountryError",
    "Venue",
    "personal_fields",
]
