"""Country lookups of the names the printed documents use, and local-government kinds."""

from __future__ import annotations

import pytest

from clairlib.errors import ClairlibError
from clairlib.model import Country, LocalGovernmentKind, UnknownCountryError
from clairlib.model.places import is_country_code


@pytest.mark.parametrize(
    ("printed", "code"),
    [
        ("アメリカ", "US"),
        ("米国", "US"),
        ("イギリス", "GB"),
        ("英国", "GB"),
        ("大韓民国", "KR"),
        ("韓国", "KR"),
        ("中国", "CN"),
        ("香港", "HK"),
        ("豪州", "AU"),
        ("オーストラリア", "AU"),
        ("タイ", "TH"),
        ("ベトナム", "VN"),
        ("フィリピン", "PH"),
        ("インドネシア", "ID"),
        ("シンガポール", "SG"),
        ("フランス", "FR"),
        ("スイス", "CH"),
        ("スペイン", "ES"),
        ("ドイツ", "DE"),
        ("インド", "IN"),
        ("マレーシア", "MY"),
        ("セントビンセント及びグレナディーン諸島", "VC"),
        ("モンゴル国", "MN"),
        ("ミャンマー", "MM"),
        ("ルクセンブルグ", "LU"),
    ],
)
def test_lookup_printed_names(printed: str, code: str) -> None:
    """Each name as the documents print it resolves to its ISO 3166-1 alpha-2 code."""
    assert Country(code) == Country.lookup(printed)


def test_lookup_vertical_name_with_spaces() -> None:
    """A vertical table label joined with spaces (``ア メ リ カ``) still resolves."""
    assert "US" == Country.lookup("ア メ リ カ").code


def test_lookup_codes_and_english_names() -> None:
    """Codes in any width or case and CLDR English names resolve too."""
    assert "US" == Country.lookup("ＵＳ").code
    assert "JP" == Country.lookup("jp").code
    assert "GB" == Country.lookup("United Kingdom").code


def test_names_come_from_cldr() -> None:
    """Japanese and English names are CLDR's (Babel), not the printed aliases."""
    assert "アメリカ合衆国" == Country("US").name_ja
    assert "United States" == Country("US").name_en
    assert "韓国" == Country("KR").name_ja
    assert "Thailand" == Country("TH").name_en


def test_unknown_name_is_a_clairlib_error() -> None:
    """An unknown name raises UnknownCountryError, a ClairlibError, naming it."""
    with pytest.raises(UnknownCountryError, match="アトランティス"):
        Country.lookup("アトランティス")
    assert issubclass(UnknownCountryError, ClairlibError)


def test_invalid_code_is_refused() -> None:
    """``XX`` is not an ISO 3166-1 code CLDR knows; regions such as ``001`` are not codes."""
    with pytest.raises(UnknownCountryError, match="'XX'"):
        Country("XX")
    assert not is_country_code("001")
    assert not is_country_code("ZZ")
    assert is_country_code("VC")


def test_country_prints_as_code() -> None:
    """``str(Country)`` is its code, as records store it."""
    assert "KR" == str(Country.lookup("大韓民国"))


def test_local_government_kind_japanese() -> None:
    """Each local-government kind has its Japanese name."""
    assert ["都道府県", "政令指定都市", "市町村", "特別区"] == [
        k.japanese for k in LocalGovernmentKind
    ]
