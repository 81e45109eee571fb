"""Japanese words for the enumerations the tables hold, and names for the codes they hold.

A table written with Japanese headers writes each enumeration member as the word a
Japanese document prints (``延べ`` for gross, ``重点事業`` for priority); the readers
take either the word or the member's English value. Office and country codes get
their names from the bundled reference data and CLDR.
"""

from __future__ import annotations

import enum
import functools
from decimal import Context, Decimal

from clairlib.model import (
    Aggregation,
    Board,
    CountingBasis,
    CrossListing,
    EventKind,
    LocalGovernmentKind,
    ParticipantKind,
    Priority,
    Qualifier,
)
from clairlib.model.places import Country, is_country_code

__all__ = [
    "country_name",
    "enum_member",
    "japanese_word",
    "japanese_words",
    "magnitude",
    "office_name",
]

_WORDS: dict[type[enum.Enum], dict[str, str]] = {
    EventKind: {
        "exhibition": "展示会",
        "promotion": "プロモーション",
        "reception": "レセプション",
        "seminar": "セミナー",
        "conference": "国際会議",
        "training": "研修",
        "media": "取材協力",
        "dispatch": "派遣",
        "exchange": "交流",
        "support": "支援",
        "award": "表彰",
        "meeting": "会合",
        "other": "その他",
    },
    ParticipantKind: {"persons": "人", "bodies": "団体", "governments": "自治体"},
    CountingBasis: {"distinct": "実数", "gross": "延べ"},
    LocalGovernmentKind: {member.value: member.japanese for member in LocalGovernmentKind},
    Priority: {"priority": "重点事業", "general": "一般事業"},
    CrossListing: {"full": "再掲", "partial": "一部再掲"},
    Aggregation: {
        "sum": "合計",
        "last": "最新値",
        "max": "最大値",
        "min": "最小値",
        "none": "集計しない",
    },
    Board: {"directors": "理事会", "councillors": "評議員会"},
    Qualifier: {member.value: member.japanese for member in Qualifier},
}


def japanese_words(cls: type[enum.Enum]) -> dict[str, str]:
    """The Japanese word of each member's value; the values themselves for an unknown enum."""
    words = _WORDS.get(cls)
    if words is None:
        return {str(member.value): str(member.value) for member in cls}
    return words


def japanese_word(member: enum.Enum) -> str:
    """The Japanese word for ``member`` (its value when the enumeration has no words)."""
    return japanese_words(type(member)).get(member.value, str(member.value))


@functools.cache
def _members(cls: type[enum.Enum]) -> dict[str, enum.Enum]:
    found: dict[str, enum.Enum] = {}
    for member in cls:
        found[str(member.value)] = member
        found.setdefault(japanese_words(cls)[member.value], member)
    return found


def enum_member(cls: type[enum.Enum], text: str) -> enum.Enum | None:
    """The member whose value or Japanese word is ``text``; None when there is none."""
    return _members(cls).get(text.strip())


@functools.cache
def office_name(code: str, language: str = "ja") -> str:
    """The office's name (``ニューヨーク事務所``); empty when the code is not a known office."""
    from clairlib import reference

    try:
        found = reference.office(code)
    except reference.UnknownOfficeError:
        return ""
    if language == "en":
        return found.name_en or found.name
    return found.name


@functools.cache
def country_name(code: str, language: str = "ja") -> str:
    """The CLDR name of the country (``アメリカ合衆国``); empty for an unknown code."""
    if not is_country_code(code):
        return ""
    country = Country(code)
    return country.name_en if language == "en" else country.name_ja


def magnitude(value: Decimal, scale: int) -> Decimal:
    """``value × scale`` exactly, however many digits: the number a quantity stands for."""
    if scale == 1:
        return value
    digits = len(value.as_tuple().digits) + len(str(scale)) + 1
    return Context(prec=digits).multiply(value, Decimal(scale))
