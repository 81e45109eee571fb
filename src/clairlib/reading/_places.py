"""Offices a programme's text names: ``ニューヨーク事務所``, ``パリ、ロンドンの各事務所``, ``本部``.

Only what the words say for certain: a city's office by its name, and the
headquarters where ``本部`` stands as a word of its own (``本部において``,
``本部・海外事務所``, ``クレア東京本部``). ``本部`` ending a longer name
(``対策本部``, ``商工本部``, ``イベント本部``) is another body's, and ``各海外事務所``
names no office in particular: neither is read.
"""

from __future__ import annotations

import functools
import re

from clairlib.model import OfficeKind
from clairlib.reading._layout import normal

__all__ = ["offices_in_order", "offices_named"]

# 本部 as the body's own: at the start, or after punctuation or a particle, optionally
# preceded by the body's name (クレア, 協会, 東京). After a kanji or katakana it ends another
# name (災害対策本部, イベント本部); after の it may be anyone's (…の本部); after と it may
# end a word (ふるさと本部).
_HEADQUARTERS = re.compile(
    r"(?:\A|(?<=[、。，,・･「『（(\s\u3000はもをでにが]))(?:クレア|協会)?(?:東京)?本部"
)


@functools.cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, str], tuple[str, ...], str]:
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
    headquarters = reference.offices(kind=OfficeKind.HEADQUARTERS)
    return single, listed, codes, order, headquarters[0].code if headquarters else ""


def offices_named(text: str) -> tuple[str, ...]:
    """The codes of the offices ``text`` names: headquarters first, then the overseas offices.

    Overseas offices come in the reference order.
    """
    named_office = "事務所" in text
    named_headquarters = "本部" in text
    if not (named_office or named_headquarters):
        return ()
    single, listed, codes, order, headquarters = _patterns()
    found: set[str] = set()
    if named_headquarters and headquarters and _HEADQUARTERS.search(text) is not None:
        found.add(headquarters)
    if named_office:
        for match in listed.finditer(text):
            for city, code in codes.items():
                if city in match.group(1):
                    found.add(code)
        for match in single.finditer(text):
            found.add(codes[match.group(1)])
    return tuple(code for code in (headquarters, *order) if code and code in found)


def offices_in_order(text: str) -> tuple[str, ...]:
    """The overseas offices ``text`` names by city (``ニューヨーク``, ``ロンドン事務所``), in order.

    Each office once, in the order the text names them: a list of offices or a table's
    header row of cities.
    """
    _, _, codes, _, _ = _patterns()
    cities = _cities()
    found: list[str] = []
    for match in cities.finditer(normal(text)):
        code = codes[match.group()]
        if code not in found:
            found.append(code)
    return tuple(found)


@functools.cache
def _cities() -> re.Pattern[str]:
    _, _, codes, _, _ = _patterns()
    return re.compile(
        "|".join(sorted(map(re.escape, (normal(c) for c in codes)), key=len, reverse=True))
    )
