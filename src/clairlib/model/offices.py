"""Offices: Tokyo headquarters, the domestic branches and the overseas offices."""

from __future__ import annotations

import enum

import attrs

__all__ = ["Department", "Office", "OfficeKind"]


class OfficeKind(enum.Enum):
    """Where an office stands in the organisation."""

    HEADQUARTERS = "headquarters"  # 本部
    BRANCH = "branch"  # 支部: a prefecture or a designated city
    OVERSEAS = "overseas"  # 海外事務所


@attrs.frozen(kw_only=True)
class Department:
    """A headquarters department (部) and its divisions (課)."""

    name: str
    divisions: tuple[str, ...] = ()
    name_en: str | None = None


@attrs.frozen(kw_only=True)
class Office:
    """An office of the body: code, names, kind, place and, overseas, its jurisdiction.

    Codes: ``HQ``; overseas ``NYC LON PAR SIN SEL SYD BEJ``; prefectural branches by
    ISO 3166-2 (``JP-13``); designated-city branches by their local-government code
    (``011002`` for 札幌市).
    """

    code: str
    name: str
    kind: OfficeKind
    name_en: str | None = None
    city: str | None = None
    country: str = "JP"
    jurisdiction: tuple[str, ...] = ()  # 所管国: ISO country codes an overseas office covers
    departments: tuple[Department, ...] = ()
