"""Names for the codes the tables hold, and the Japanese words of their enumerations.

A table written with Japanese headers writes each enumeration member as the word a
Japanese document prints (``延べ`` for gross, ``重点事業`` for priority); the readers
take either the word or the member's English value. Office and country codes get
their names from the bundled reference data and CLDR; programme ids get theirs
from the document that holds the programmes.
"""

from __future__ import annotations

import functools
from decimal import Context, Decimal

from clairlib.model import Document
from clairlib.model.navigation import iter_programmes
from clairlib.model.places import Country, is_country_code
from clairlib.model.words import enum_member, japanese_word, japanese_words

__all__ = [
    "country_name",
    "enum_member",
    "id_names",
    "indicator_names",
    "japanese_word",
    "japanese_words",
    "magnitude",
    "office_name",
    "programme_names",
]


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


def programme_names(document: Document, language: str = "ja") -> dict[str, str]:
    """The name of each of the document's programmes by its id (``p1-1`` → ``自治体の…``).

    With ``language="en"`` the English name where the document gives one. A
    programme id the document does not hold has no name.
    """
    names: dict[str, str] = {}
    for _, programme in iter_programmes(document):
        name = programme.name_en if language == "en" and programme.name_en else programme.name
        names.setdefault(programme.id, name)
    return names


def indicator_names(document: Document, language: str = "ja") -> dict[str, str]:
    """The name of each of the document's indicators by its id; English with ``"en"``."""
    names: dict[str, str] = {}
    for indicator in getattr(document, "indicators", ()):
        name = indicator.name_en if language == "en" and indicator.name_en else indicator.name
        names.setdefault(indicator.id, name)
    return names


def id_names(document: Document, language: str = "ja") -> dict[str, dict[str, str]]:
    """The names of the programme and indicator ids, by the kind of column they go in."""
    return {
        "programme_name": programme_names(document, language),
        "indicator_name": indicator_names(document, language),
    }


def magnitude(value: Decimal, scale: int) -> Decimal:
    """``value × scale`` exactly, however many digits: the number a quantity stands for."""
    if scale == 1:
        return value
    digits = len(value.as_tuple().digits) + len(str(scale)) + 1
    return Context(prec=digits).multiply(value, Decimal(scale))
