"""Countries (ISO 3166, CLDR names from Babel) and Japanese local governments.

Records store a country as its ISO 3166-1 alpha-2 code; :class:`Country` gives
its Japanese and English names from CLDR and resolves the names documents print
(``アメリカ``, ``米国``, ``大韓民国``, ``香港`` …) back to codes.
"""

from __future__ import annotations

import enum
import functools
import unicodedata

import attrs

from clairlib.errors import ClairlibError

__all__ = [
    "Country",
    "LocalGovernment",
    "LocalGovernmentKind",
    "UnknownCountryError",
    "is_country_code",
]


class UnknownCountryError(ClairlibError, LookupError):
    """A country code or name that CLDR and clairlib's aliases do not know."""


# Names the documents print that CLDR does not give as the short Japanese name.
# Only aliases: every code and every canonical name still comes from CLDR.
_ALIASES = {
    "米国": "US",
    "アメリカ": "US",
    "アメリカ合衆国": "US",
    "合衆国": "US",
    "英国": "GB",
    "イギリス": "GB",
    "大韓民国": "KR",
    "韓国": "KR",
    "中華人民共和国": "CN",
    "中国": "CN",
    "香港": "HK",
    "豪州": "AU",
    "仏国": "FR",
    "独国": "DE",
    "ニュージーランド": "NZ",
    "ルクセンブルグ": "LU",
    "モンゴル国": "MN",
}


@functools.cache
def _territories() -> tuple[dict[str, str], dict[str, str]]:
    # Babel is imported here, not at module import: loading CLDR costs milliseconds.
    from babel import Locale

    ja: dict[str, str] = {str(k): str(v) for k, v in Locale("ja").territories.items()}
    en: dict[str, str] = {str(k): str(v) for k, v in Locale("en").territories.items()}
    # Alpha-2 codes only: CLDR also lists UN M.49 regions (001, 419 …) and ZZ (unknown).
    codes = {code for code in ja if len(code) == 2 and code.isalpha() and code != "ZZ"}
    return {c: ja[c] for c in codes}, {c: en.get(c, c) for c in codes}


@functools.cache
def _by_name() -> dict[str, str]:
    ja, en = _territories()
    names: dict[str, str] = {}
    for table in (en, ja):
        for code, name in table.items():
            names[_fold(name)] = code
            # CLDR qualifies some names ("ミャンマー (ビルマ)"); documents print the bare name.
            bare = name.split(" (", 1)[0].split("（", 1)[0]
            names.setdefault(_fold(bare), code)
    for alias, code in _ALIASES.items():
        names[_fold(alias)] = code
    return names


def _fold(name: str) -> str:
    # Documents print names with full-width letters and stray spaces (vertical labels).
    return unicodedata.normalize("NFKC", name).replace(" ", "").replace("\u3000", "").casefold()


def is_country_code(code: str) -> bool:
    """True when ``code`` is an ISO 3166-1 alpha-2 code CLDR knows."""
    return code in _territories()[0]


@attrs.frozen
class Country:
    """A country or territory by ISO 3166-1 alpha-2 code, with CLDR names."""

    code: str = attrs.field()

    @code.validator
    def _check(self, attribute: attrs.Attribute[str], value: str) -> None:
        if not is_country_code(value):
            raise UnknownCountryError(
                f"expected an ISO 3166-1 alpha-2 country code, found {value!r}"
            )

    @property
    def name_ja(self) -> str:
        """The CLDR Japanese name (``アメリカ合衆国``)."""
        return _territories()[0][self.code]

    @property
    def name_en(self) -> str:
        """The CLDR English name (``United States``)."""
        return _territories()[1][self.code]

    @classmethod
    def lookup(cls, name: str) -> Country:
        """Resolve a printed name or code (``米国``, ``韓国``, ``香港``, ``US``) to a country."""
        folded = _fold(name)
        code = folded.upper() if len(folded) == 2 and folded.isascii() else None
        if code is not None and is_country_code(code):
            return cls(code)
        found = _by_name().get(folded)
        if found is None:
            raise UnknownCountryError(f"no country is called {name!r}")
        return cls(found)

    def __str__(self) -> str:
        return self.code


class LocalGovernmentKind(enum.Enum):
    """The kinds of Japanese local government (自治体)."""

    PREFECTURE = "prefecture"  # 都道府県
    DESIGNATED_CITY = "designated_city"  # 政令指定都市
    MUNICIPALITY = "municipality"  # 市町村 (other than designated cities)
    SPECIAL_WARD = "special_ward"  # 特別区

    @property
    def japanese(self) -> str:
        """The kind's Japanese name."""
        return {
            LocalGovernmentKind.PREFECTURE: "都道府県",
            LocalGovernmentKind.DESIGNATED_CITY: "政令指定都市",
            LocalGovernmentKind.MUNICIPALITY: "市町村",
            LocalGovernmentKind.SPECIAL_WARD: "特別区",
        }[self]


@attrs.frozen(kw_only=True)
class LocalGovernment:
    """A local government as a document names it (``鎌倉市``), with prefecture and kind."""

    name: str
    kind: LocalGovernmentKind | None = None
    prefecture: str | None = None  # ISO 3166-2 code, e.g. "JP-14"
    count: int = attrs.field(default=1, validator=attrs.validators.ge(1))  # ``東京都(2)``
