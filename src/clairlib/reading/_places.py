"""Offices and countries a programme's text names.

Offices: ``ニューヨーク事務所``, ``パリ、ロンドンの各事務所``, ``本部``. Only what the
words say for certain: a city's office by its name, and the headquarters where ``本部``
stands as a word of its own (``本部において``, ``本部・海外事務所``, ``クレア東京本部``).
``本部`` ending a longer name (``対策本部``, ``商工本部``, ``イベント本部``) is another
body's, and ``各海外事務所`` names no office in particular: neither is read.

Countries: by their Japanese names — CLDR's (``アメリカ合衆国``, ``タイ``), the names
:class:`~clairlib.model.Country` resolves besides (``米国``, ``アメリカ``, ``英国``,
``韓国``, ``豪州``) and a few more the documents print (``マカオ``). Again only what the
words say for certain:

- a name inside a longer katakana word is not the country (``タイムリー``, ``タイトル``,
  ``ラテンアメリカ``, ``アメリカン``, ``ニューギニア``);
- a name before 語 is a language, not a country (``中国語``, ``韓国語``, and the list
  ``英･仏･韓国･中国語``): a course in 中国語 names no country, and the language is
  spoken in several; before 州 it is a state (``ジョージア州``), before 洋 an ocean
  (``インド洋``);
- ``中国`` as Japan's Chūgoku region is not China: ``中国地方`` (but ``中国地方政府``
  are China's local governments), ``中国・四国``,
  ``中国四国``, ``中国地域``, ``中国ブロック``, ``近畿、中国``, and the regional bodies
  ``中国経済産業局``, ``中国運輸局``, ``中国電力``, ``中国新聞`` …;
- continents and abbreviations are not countries: ``北米``, ``南米``, ``中南米``,
  ``欧米``, ``北アメリカ``, ``南アメリカ``; ``日米``, ``日中``, ``日韓`` name the other
  country by a single character only, and ``米`` alone is rice: none is read;
- an office's city is the office where the text names the office, not the country
  (``シンガポール事務所``, ``ニューヨーク、パリ、シンガポール…の各事務所``): offices are
  read as offices, and each office's country is in the reference data;
- 日本 is not listed: every document is Japan's, and its 日本 is rarely a country
  named (``日本語``, ``日本ふるさと名産食品展``); nor are the names of what is not a
  country in ISO 3166-1 (``欧州連合``, ``国際連合``, ``コソボ``), nor names with another
  everyday meaning (``ジャージー``, ``マリ``, ``チャド``, ``バミューダ``).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import Any

from clairlib.model import OfficeKind
from clairlib.reading._layout import normal

__all__ = ["countries_named", "offices_in_order", "offices_named"]

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
    # ニューヨーク、パリ、…及び北京の各事務所 / ロンドン、パリ、シドニー事務所. The list
    # opens with a city (a first ``X`` of ``X+`` written out), so the regex engine passes
    # at once over every position where no city's first character stands.
    mark = r"\s*(?:、|･|・|及び|および|,|と)\s*"
    listed = re.compile(
        rf"((?:{cities}){mark}(?:(?:{cities}){mark})*(?:{cities}))\s*(?:の各|各)?\s*事務所"
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


# Codes CLDR lists that are not countries or territories of ISO 3166-1 (unions, the UN,
# pseudo-locales, user-assigned XK, exceptionally reserved codes), and Japan itself.
_NOT_READ_CODES = frozenset(
    {"EU", "EZ", "UN", "QO", "XA", "XB", "XK", "AC", "CP", "DG", "EA", "IC", "TA", "JP"}
)
# Names with another everyday meaning: a jersey, given names, shorts.
_NOT_READ_NAMES = frozenset({"ジャージー", "マリ", "チャド", "バミューダ"})
# Names the documents print that neither CLDR nor clairlib's aliases give.
_MORE_NAMES = {
    "マカオ": "MO",
    "朝鮮民主主義人民共和国": "KP",
    "ロシア連邦": "RU",
    # China's local governments, not those of the Chūgoku region (中国地方, below).
    "中国地方政府": "CN",
}
# Words that hold a name and are no country: matched as words, so the name inside is
# passed over (北米国際… is not 米国).
_NOT_COUNTRIES = (
    "北米", "南米", "中南米", "中米", "欧米", "日米", "日中", "日韓", "日英", "日豪",
    "北アメリカ", "南アメリカ", "中央アメリカ", "中国地方", "中国地域", "中国地区",
    "中国四国", "中国ブロック", "中国山地", "中国電力", "中国新聞", "中国経済産業局",
    "中国運輸局", "中国財務局", "中国農政局", "中国総合通信局", "中国管区",
)  # fmt: skip
_KATAKANA = re.compile(r"[ァ-ヺーヽヾ]")
# After a name: a language (中国語, and the list 韓国･中国語), a state (ジョージア州), an
# ocean (インド洋), or the Chūgoku region beside Shikoku (中国・四国, 中国、四国).
_AFTER = re.compile(r"[語州洋]|(?:[・･][^・･、。，,()（）\s]{1,7}?)+語")
_CHUGOKU_AFTER = re.compile(r"\s*[・･、，,]?\s*四国")
_CHUGOKU_BEFORE = re.compile(r"近畿\s*[・･、，,]?\s*\Z")


def _trie(words: Iterable[str]) -> str:
    # One alternation per character, so a position is tried against the names that
    # start with its character only (a flat alternation tries every name in turn).
    root: dict[str, dict[str, Any]] = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, dict[str, Any]]) -> str:
        ends = "" in node
        branches = [re.escape(char) + emit(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            return f"(?:{body})?"
        return body

    return emit(root)


@functools.cache
def _office_cities() -> tuple[frozenset[str], re.Pattern[str], re.Pattern[str]]:
    # An office's city that is also a country's name (シンガポール) is the office where
    # the text names the office: シンガポール事務所, シンガポール(SIN), or a list of the
    # offices' cities (ニューヨーク、パリ、シンガポール、ソウル…).
    _, _, codes, _, _ = _patterns()
    cities = "|".join(sorted(map(re.escape, codes), key=len, reverse=True))
    mark = r"(?:、|，|,|・|･|及び|および|と)"
    before = re.compile(rf"(?:{cities})\s*{mark}\s*\Z")
    after = re.compile(rf"\s*(?:{mark}\s*(?:{cities})|事務所|[(（]\s*[A-Z]{{3}}\s*[)）])")
    return frozenset(codes), before, after


@functools.cache
def _countries() -> tuple[re.Pattern[str], dict[str, str]]:
    from clairlib.model.places import _ALIASES, _territories

    names: dict[str, str] = {}
    for code, name in _territories()[0].items():
        if code in _NOT_READ_CODES:
            continue
        names[name] = code
        # CLDR qualifies some names (ミャンマー (ビルマ)); documents print the bare name.
        bare = re.split(r"\s*[(（]", name, maxsplit=1)[0]
        names.setdefault(bare, code)
    for alias, code in (*_ALIASES.items(), *_MORE_NAMES.items()):
        if code not in _NOT_READ_CODES:
            names[alias] = code
    for name in _NOT_READ_NAMES:
        names.pop(name, None)
    words = {**names, **dict.fromkeys(_NOT_COUNTRIES, "")}
    return re.compile(_trie(words)), words


def countries_named(text: str) -> tuple[str, ...]:
    """The ISO 3166-1 codes of the countries ``text`` names, in the order first named.

    Each country once; what the module says is not a country is not read.
    """
    pattern, codes = _countries()
    cities, city_before, city_after = _office_cities()
    found: list[str] = []
    for match in pattern.finditer(text):
        name = match.group()
        code = codes[name]
        if not code or code in found:
            continue
        start, end = match.span()
        if _KATAKANA.match(name[-1]) and _KATAKANA.match(text, end):
            continue
        if start and _KATAKANA.match(name[0]) and _KATAKANA.match(text, start - 1):
            continue
        if _AFTER.match(text, end):
            continue
        if name in cities and (
            city_after.match(text, end) or city_before.search(text, max(0, start - 12), start)
        ):
            continue
        if name == "中国" and (
            _CHUGOKU_AFTER.match(text, end)
            or _CHUGOKU_BEFORE.search(text, max(0, start - 4), start)
        ):
            continue
        found.append(code)
    return tuple(found)
