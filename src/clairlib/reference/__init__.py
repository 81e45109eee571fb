"""Reference data bundled with clairlib: CLAIR's offices, plan frameworks and crosswalks.

>>> from clairlib import reference
>>> from clairlib.model import OfficeKind
>>> reference.office("SIN").jurisdiction[:3]
('SG', 'BN', 'ID')
>>> len(reference.offices(kind=OfficeKind.BRANCH))
67
>>> [len(p.objectives) for p in reference.mid_term_plan().framework.pillars]
[5, 5, 4, 4, 3, 4, 4, 3]

- :func:`offices`: Tokyo headquarters (``HQ``) with its departments and divisions, the
  67 domestic branches — 47 prefectures by ISO 3166-2 code (``JP-13``), 20 designated
  cities by local-government code (``011002`` 札幌市) — and the 7 overseas offices
  (``NYC LON PAR SIN SEL SYD BEJ``) with city, country and jurisdiction (所管国).
  Where each fact comes from is written in :mod:`clairlib.reference._offices`.
- :func:`mid_term_plan`: the mid-term plan FY2022–FY2026 (中期経営計画, 令和4年1月),
  complete; its framework ``midterm-2022`` has pillars ``I`` … ``VII`` and the
  operating base ``base``.
- :func:`fy2011_framework` and :func:`crosswalk_fy2011`: the FY2011 plan's seven
  sections and how they map onto the mid-term plan's pillars.

Every function returns the same frozen objects on each call (cached).
"""

from __future__ import annotations

import functools
import unicodedata
from importlib import resources

from clairlib.errors import ClairlibError
from clairlib.model.documents import MidTermPlan
from clairlib.model.framework import Crosswalk, Framework
from clairlib.model.offices import Office, OfficeKind
from clairlib.model.places import LocalGovernment
from clairlib.reference import _fy2011, _offices

__all__ = [
    "UnknownFrameworkError",
    "UnknownOfficeError",
    "crosswalk_fy2011",
    "find_office",
    "framework",
    "fy2011_framework",
    "local_governments",
    "mid_term_plan",
    "office",
    "offices",
]

_MID_TERM_PLAN_FILE = "midterm-plan-2022.json"


class UnknownOfficeError(ClairlibError, LookupError):
    """No office has the code or name asked for."""


class UnknownFrameworkError(ClairlibError, LookupError):
    """No bundled framework has the id asked for."""


@functools.cache
def _all_offices() -> tuple[Office, ...]:
    return _offices.build_offices()


@functools.cache
def _offices_by_code() -> dict[str, Office]:
    return {o.code: o for o in _all_offices()}


def _fold(name: str) -> str:
    return unicodedata.normalize("NFKC", name).replace(" ", "").casefold()


@functools.cache
def _offices_by_name() -> dict[str, Office]:
    names: dict[str, Office] = {}
    for found in _all_offices():
        keys = [found.code, found.name]
        if found.name_en is not None:
            keys.append(found.name_en)
        if found.kind is OfficeKind.OVERSEAS and found.city is not None:
            keys.append(found.city)  # reports print ニューヨーク for ニューヨーク事務所
        for key in keys:
            names.setdefault(_fold(key), found)
    names.setdefault(_fold("本部"), _offices_by_code()[_offices.HEADQUARTERS_CODE])
    return names


def offices(*, kind: OfficeKind | None = None) -> tuple[Office, ...]:
    """Every office — HQ, 47 prefectural and 20 city branches, 7 overseas — or one kind.

    Order: headquarters; prefectures JP-01 … JP-47; designated cities by code;
    overseas offices as the reports print them (NYC LON PAR SIN SEL SYD BEJ).
    """
    everything = _all_offices()
    if kind is None:
        return everything
    return tuple(o for o in everything if o.kind is kind)


def office(code: str) -> Office:
    """The office with this code (``HQ``, ``JP-13``, ``011002``, ``NYC`` …)."""
    try:
        return _offices_by_code()[code]
    except KeyError:
        raise UnknownOfficeError(f"no office has the code {code!r}") from None


def find_office(name: str) -> Office:
    """The office a document names: a code, a Japanese or English name, an overseas city.

    ``ニューヨーク``, ``ニューヨーク事務所``, ``New York Office``, ``NYC``, ``北海道``,
    ``札幌市`` and ``本部`` all resolve; full-width letters and spaces are folded.
    """
    found = _offices_by_name().get(_fold(name))
    if found is None:
        raise UnknownOfficeError(f"no office is called {name!r}")
    return found


@functools.cache
def local_governments() -> tuple[LocalGovernment, ...]:
    """The 47 prefectures and the 20 designated cities, with kind and prefecture code."""
    return _offices.build_local_governments()


@functools.cache
def mid_term_plan() -> MidTermPlan:
    """The mid-term plan FY2022–FY2026 (中期経営計画 令和4年度－令和8年度), complete."""
    from clairlib.io import load  # io sits below: imported on first use, it pulls in cattrs

    data = resources.files(__name__).joinpath("data", _MID_TERM_PLAN_FILE).read_bytes()
    document = load(data)
    if not isinstance(document, MidTermPlan):  # pragma: no cover - the bundled file is fixed
        raise TypeError(f"{_MID_TERM_PLAN_FILE} holds a {type(document).__name__}")
    return document


@functools.cache
def fy2011_framework() -> Framework:
    """The FY2011 plan's seven sections as a framework (``fy2011``), with its crosswalk."""
    return _fy2011.build_framework()


def crosswalk_fy2011() -> Crosswalk:
    """How the FY2011 sections map onto the mid-term plan's pillars (一部再掲 → partial)."""
    return fy2011_framework().crosswalks[0]


def framework(framework_id: str) -> Framework:
    """A bundled framework by id: ``midterm-2022`` or ``fy2011``."""
    if framework_id == _fy2011.TARGET_ID:
        return mid_term_plan().framework
    if framework_id == _fy2011.FRAMEWORK_ID:
        return fy2011_framework()
    raise UnknownFrameworkError(
        f"expected one of {_fy2011.TARGET_ID!r}, {_fy2011.FRAMEWORK_ID!r}; found {framework_id!r}"
    )
