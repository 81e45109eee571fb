"""Documents: the mid-term plan, annual plans and annual reports, and what they are made of.

A document keeps its prose (:class:`Block`), its programmes in the order printed,
its tables as printed (:class:`Table`), the records behind them (events, people,
grants …) and its declared figures (:class:`Figure`): every number printed in prose
or a 計 row is declared, and validation compares it with what the records give.
"""

from __future__ import annotations

import enum
from typing import ClassVar, TypeAlias

import attrs

from clairlib.calendar import FiscalYear, Period
from clairlib.model.framework import Framework
from clairlib.model.governance import Meeting, Organisation
from clairlib.model.indicators import Indicator, Measurement, Target
from clairlib.model.provenance import Origin
from clairlib.model.quantity import Quantity
from clairlib.model.records import CountingBasis, Event, Grant, Person, Publication

__all__ = [
    "AnnualPlan",
    "AnnualReport",
    "Block",
    "BlockKind",
    "Cell",
    "Column",
    "ColumnRole",
    "CrossListing",
    "Document",
    "Figure",
    "MidTermPlan",
    "OfficeFocus",
    "Priority",
    "Programme",
    "Row",
    "RowKind",
    "Section",
    "Selector",
    "Table",
]


class BlockKind(enum.Enum):
    """What a block of a document's body is."""

    PARAGRAPH = "paragraph"
    ITEM = "item"  # a bullet (◆ ・ -)
    NOTE = "note"  # ※ …
    HEADING = "heading"
    TABLE = "table"  # the place a table stands; ``ref`` names it


@attrs.frozen(kw_only=True)
class Block:
    """One paragraph, bullet, note, heading, or the place of a table, in printed order."""

    kind: BlockKind = BlockKind.PARAGRAPH
    text: str = ""
    ref: str | None = None  # the table id for a TABLE block
    origin: Origin | None = None  # where it was read from


class Priority(enum.Enum):
    """Whether a report lists a programme as a priority (重点事業) or general (一般事業) one."""

    PRIORITY = "priority"
    GENERAL = "general"


class CrossListing(enum.Enum):
    """How a programme listed again under another pillar is marked."""

    FULL = "full"  # 再掲
    PARTIAL = "partial"  # 一部再掲


@attrs.frozen(kw_only=True)
class Programme:
    """A programme (事業): names, pillar and cross-listings, priority, offices, countries, prose.

    A cross-listed programme (再掲) is one programme printed under several pillars;
    it is counted once, under ``pillar``. ``countries`` holds the ISO 3166-1 alpha-2
    codes of the countries its text names by name (アメリカ, 米国 → ``US``), in the
    order first named; an office's city names the office, not a country.
    """

    id: str
    name: str
    name_en: str | None = None
    pillar: str | None = None
    cross_listed: tuple[str, ...] = ()
    cross_listing: CrossListing | None = None
    priority: Priority | None = None
    marker: str | None = None  # ○ ① ② … as printed
    number: int | None = None
    offices: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()  # ISO 3166-1 codes of the countries its text names
    kind: str | None = None
    body: tuple[Block, ...] = ()
    origin: Origin | None = None


@attrs.frozen(kw_only=True)
class Section:
    """A numbered section of a plan or report (``1 自治体の海外における経済活動を支援``)."""

    id: str
    title: str
    number: str | None = None  # as printed, with its stop: "1", "1.", "１．", "(1)"
    pillar: str | None = None
    body: tuple[Block, ...] = ()
    programmes: tuple[Programme, ...] = ()
    sections: tuple[Section, ...] = ()
    origin: Origin | None = None


class ColumnRole(enum.Enum):
    """How a column's total and subtotal cells relate to its data cells."""

    LABEL = "label"  # text; nothing to total
    SUM = "sum"  # a total cell is the sum of the data cells above it
    COUNT = "count"  # a total cell is the number of data rows it covers
    VALUE = "value"  # a number that does not add up (a ratio, a date)


@attrs.frozen(kw_only=True)
class Column:
    """A table column: key, header as printed, unit and role.

    ``overlapping`` marks a column whose categories overlap (重複あり): its parts are
    not expected to sum to the total.
    """

    key: str
    label: str
    role: ColumnRole = ColumnRole.LABEL
    unit: str | None = None
    group: str | None = None  # a spanning header above it, as printed
    overlapping: bool = False


class RowKind(enum.Enum):
    """What a table row is."""

    DATA = "data"
    SUBTOTAL = "subtotal"  # a group's count or sum (the 件数 cell of a country group)
    TOTAL = "total"  # 計


Cell: TypeAlias = "Quantity | str | None"


@attrs.frozen(kw_only=True)
class Row:
    """A table row: cells by column key, the group it is printed under, its kind.

    ``record`` ties a data row to the record it presents (an event id).
    """

    cells: dict[str, Quantity | str | None] = attrs.field(factory=dict)
    kind: RowKind = RowKind.DATA
    group: str | None = None
    record: str | None = None
    origin: Origin | None = None


@attrs.frozen(kw_only=True)
class Table:
    """A table as printed: caption, columns, rows, notes (※…)."""

    id: str
    caption: str
    columns: tuple[Column, ...] = ()
    rows: tuple[Row, ...] = ()
    notes: tuple[str, ...] = ()
    programme: str | None = None
    origin: Origin | None = None

    def column(self, key: str) -> Column:
        """The column with this key; KeyError when there is none."""
        for column in self.columns:
            if column.key == key:
                return column
        raise KeyError(key)


@attrs.frozen(kw_only=True)
class Selector:
    """Which records a declared figure can be computed from, and how.

    ``records`` names a record list of the document (``events``, ``persons``,
    ``grants``, ``publications``); ``measure`` is ``count`` (rows), ``distinct:FIELD``
    (distinct values, e.g. ``distinct:country``) or ``sum:FIELD``; ``where`` keeps
    the records whose FIELD equals (or, for a tuple field, contains) the value;
    ``count_as`` is the document's counting convention for distinct values (香港 counted
    under 中国: ``{"HK": "CN"}``), stated on the figure so that a reader sees it.
    """

    records: str
    measure: str = "count"
    where: dict[str, str] = attrs.field(factory=dict)
    count_as: dict[str, str] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True)
class Figure:
    """A declared figure: a number the document prints, and how to check it.

    Checks that apply: ``computed_from`` (count of rows, distinct values, sums of
    records), ``parts`` (a total of other figures, unless ``overlapping``),
    ``numerator``/``denominator`` (a ratio of two figures, at printed precision),
    ``change`` (前年度比) against ``previous`` where last year's figure is known.
    ``unchecked`` says why no record can recompute a figure as the document defines it.
    ``period`` is the date or period the figure's sentence prints (``平成25年11月に…45
    件`` → 2013-11), read in the document's fiscal year; None where the sentence prints
    none, several, or an open range (a figure is never given a date it may not have).
    """

    id: str
    label: str
    value: Quantity
    programme: str | None = None
    pillar: str | None = None
    basis: CountingBasis = CountingBasis.DISTINCT
    source: str | None = None  # where it is printed: "prose", "table:<id>"
    computed_from: Selector | None = None
    parts: tuple[str, ...] = ()
    overlapping: bool = False
    numerator: str | None = None
    denominator: str | None = None
    change: Quantity | None = None
    previous: Quantity | None = None
    unchecked: str | None = None  # why the records cannot recompute it, as printed
    period: Period | None = None  # the date its sentence prints, if exactly one
    origin: Origin | None = None


@attrs.frozen(kw_only=True)
class OfficeFocus:
    """What a plan says one office will focus on in the year."""

    office: str
    text: str


@attrs.frozen(kw_only=True)
class MidTermPlan:
    """A mid-term plan (中期経営計画): philosophy, resolutions, environment, pillars, base."""

    KIND: ClassVar[str] = "mid_term_plan"

    id: str
    title: str
    period: Period
    framework: Framework
    issuer: str | None = None
    published: Period | None = None
    philosophy: tuple[str, ...] = ()  # クレアの理念
    resolutions: tuple[str, ...] = ()  # クレアの決意
    environment: tuple[str, ...] = ()  # 中長期の事業環境
    body: tuple[Block, ...] = ()  # prose around the pillars, in order
    indicators: tuple[Indicator, ...] = ()
    targets: tuple[Target, ...] = ()


@attrs.frozen(kw_only=True)
class AnnualPlan:
    """An annual business plan (事業計画): a fiscal year's sections and programmes."""

    KIND: ClassVar[str] = "annual_plan"

    id: str
    title: str
    fiscal_year: FiscalYear
    framework: Framework | None = None
    issuer: str | None = None
    preamble: tuple[Block, ...] = ()
    sections: tuple[Section, ...] = ()
    focus: tuple[OfficeFocus, ...] = ()
    indicators: tuple[Indicator, ...] = ()
    targets: tuple[Target, ...] = ()


@attrs.frozen(kw_only=True)
class AnnualReport:
    """An annual business report (事業報告): programmes, tables, records and figures."""

    KIND: ClassVar[str] = "annual_report"

    id: str
    title: str
    fiscal_year: FiscalYear
    framework: Framework | None = None
    issuer: str | None = None
    preamble: tuple[Block, ...] = ()
    sections: tuple[Section, ...] = ()
    tables: tuple[Table, ...] = ()
    figures: tuple[Figure, ...] = ()
    events: tuple[Event, ...] = ()
    persons: tuple[Person, ...] = ()
    grants: tuple[Grant, ...] = ()
    publications: tuple[Publication, ...] = ()
    indicators: tuple[Indicator, ...] = ()
    measurements: tuple[Measurement, ...] = ()
    meetings: tuple[Meeting, ...] = ()
    organisation: Organisation | None = None


Document: TypeAlias = MidTermPlan | AnnualPlan | AnnualReport
