"""Offices named in a programme's text: ``ニューヨーク事務所``, ``パリ、ロンドンの各事務所``."""

from __future__ import annotations

import functools
import re

from clairlib.model import OfficeKind

__all__ = ["offices_named"]


@functools.cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, str], tuple[str, ...]]:
    from clairlib import reference

    overseas = reference.offices(kind=OfficeKind.OVERSEAS)
    codes = {office.city: office.code for office in overseas if office.city}
    order = tuple(office.code for office in overseas)
    cities = "|".join(sorted(map(re.escape, codes), key=len, reverse=True))
    # ニューヨーク事務所 / ニューヨーク事務所では: one office by its city.
    single = re.compile(rf"({cities})\s*事務所")
    # ニューヨーク、パリ、…及び北京の各事務所 / ロンドン、パリ、シドニー事務所
    listed = re.compile(
        rf"((?:(?:{cities})\s*(?:、|･|・|及び|および|,|と)\s*)+(?:{cities}))\s*(?:の各|各)?\s*事務所"
    )
    return single, listed, codes, order


def offices_named(text: str) -> tuple[str, ...]:
    """The codes of the overseas offices ``text`` names, in the reference order."""
    single, listed, codes, order = _patterns()
    found: set[str] = set()
    for match in listed.finditer(text):
        for city, code in codes.items():
            if city in match.group(1):
                found.add(code)
    for match in single.finditer(text):
        found.add(codes[match.group(1)])
    return tuple(code for code in order if code in found)
