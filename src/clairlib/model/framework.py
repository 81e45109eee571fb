"""Plan frameworks: pillars, their objectives, and crosswalks between frameworks.

The mid-term plan FY2022–2026 has seven pillars — four key fields (重要分野, I–IV),
three common foundations (共通基盤, V–VII) — and the operating base (事業基盤).
Older plans (the FY2011 plan's seven sections) are frameworks of their own, tied
to the pillars by a :class:`Crosswalk`.
"""

from __future__ import annotations

import enum

import attrs

from clairlib.model.provenance import Origin

__all__ = [
    "Crosswalk",
    "CrosswalkLink",
    "Framework",
    "Item",
    "Objective",
    "Pillar",
    "PillarKind",
]


class PillarKind(enum.Enum):
    """What a pillar is within its framework."""

    KEY_FIELD = "key_field"  # 重要分野
    COMMON_FOUNDATION = "common_foundation"  # 共通基盤
    OPERATING_BASE = "operating_base"  # 事業基盤
    SECTION = "section"  # a numbered section of an older framework


@attrs.frozen(kw_only=True)
class Item:
    """A bullet under an objective (``・管理職・職員の能力を向上させます。``), possibly nested."""

    text: str
    items: tuple[Item, ...] = ()


@attrs.frozen(kw_only=True)
class Objective:
    """A numbered objective under a pillar (①②…), with its text and any detail bullets."""

    id: str
    number: int
    text: str
    title: str | None = None  # a short heading where the document gives one
    items: tuple[Item, ...] = ()
    origin: Origin | None = None


@attrs.frozen(kw_only=True)
class Pillar:
    """A pillar of a plan framework (``Ⅰ 自治体の海外における経済活動を支援``)."""

    id: str
    title: str
    kind: PillarKind
    number: int | None = None  # 1–7; None for the operating base
    numeral: str | None = None  # as printed: Ⅰ, I, １ …
    title_en: str | None = None
    objectives: tuple[Objective, ...] = ()
    origin: Origin | None = None

    def objective(self, objective_id: str) -> Objective:
        """The objective with this id; KeyError when there is none."""
        for objective in self.objectives:
            if objective.id == objective_id:
                return objective
        raise KeyError(objective_id)


@attrs.frozen(kw_only=True)
class CrosswalkLink:
    """One section of a source framework mapped to pillars of the target framework.

    ``partial`` marks a link that covers only part of the section (一部).
    """

    source: str
    targets: tuple[str, ...]
    partial: bool = False
    note: str | None = None


@attrs.frozen(kw_only=True)
class Crosswalk:
    """How the sections of one framework map onto the pillars of another."""

    source: str  # framework id
    target: str  # framework id
    links: tuple[CrosswalkLink, ...] = ()

    def targets_of(self, source_id: str) -> tuple[str, ...]:
        """The target pillar ids a source section maps to (empty when unmapped)."""
        found: list[str] = []
        for link in self.links:
            if link.source == source_id:
                found.extend(t for t in link.targets if t not in found)
        return tuple(found)


@attrs.frozen(kw_only=True)
class Framework:
    """A set of pillars a plan or report is organised by."""

    id: str
    title: str
    pillars: tuple[Pillar, ...] = ()
    crosswalks: tuple[Crosswalk, ...] = ()

    def pillar(self, pillar_id: str) -> Pillar:
        """The pillar with this id; KeyError when there is none."""
        for pillar in self.pillars:
            if pillar.id == pillar_id:
                return pillar
        raise KeyError(pillar_id)
