"""clairlib.reference offices: HQ, 67 branches, 7 overseas offices, typed from the documents."""

from __future__ import annotations

import pytest

from clairlib.errors import ClairlibError
from clairlib.model import Country, Department, LocalGovernmentKind, OfficeKind
from clairlib.reference import (
    UnknownOfficeError,
    find_office,
    local_governments,
    office,
    offices,
)

# FY2025 plan, preamble: 「東京本部、全国67支部、海外7事務所（ニューヨーク、ロンドン、パリ、
# シンガポール、ソウル、シドニー、北京）」.
OVERSEAS_PRINTED = [
    "ニューヨーク",
    "ロンドン",
    "パリ",
    "シンガポール",
    "ソウル",
    "シドニー",
    "北京",
]

# 政令指定都市 as of FY2025 with their local-government codes (check digit included).
DESIGNATED_CITIES = {
    "011002": ("札幌市", "JP-01"),
    "041009": ("仙台市", "JP-04"),
    "111007": ("さいたま市", "JP-11"),
    "121002": ("千葉市", "JP-12"),
    "141003": ("横浜市", "JP-14"),
    "141305": ("川崎市", "JP-14"),
    "141500": ("相模原市", "JP-14"),
    "151009": ("新潟市", "JP-15"),
    "221007": ("静岡市", "JP-22"),
    "221309": ("浜松市", "JP-22"),
    "231002": ("名古屋市", "JP-23"),
    "261009": ("京都市", "JP-26"),
    "271004": ("大阪市", "JP-27"),
    "271403": ("堺市", "JP-27"),
    "281000": ("神戸市", "JP-28"),
    "331007": ("岡山市", "JP-33"),
    "341002": ("広島市", "JP-34"),
    "401005": ("北九州市", "JP-40"),
    "401307": ("福岡市", "JP-40"),
    "431001": ("熊本市", "JP-43"),
}


def _check_digit(code5: str) -> int:
    # 全国地方公共団体コード: weights 6..2, modulus 11; 11 - r, last digit kept (10 → 0).
    total = sum(int(d) * w for d, w in zip(code5, (6, 5, 4, 3, 2), strict=True))
    return (11 - total % 11) % 10


def test_counts_match_fy2025_preamble() -> None:
    """One HQ, 67 branches and 7 overseas offices, as the FY2025 plan states."""
    assert 1 == len(offices(kind=OfficeKind.HEADQUARTERS))
    assert 67 == len(offices(kind=OfficeKind.BRANCH))
    assert 7 == len(offices(kind=OfficeKind.OVERSEAS))
    assert 75 == len(offices())


def test_overseas_offices_in_printed_order() -> None:
    """The overseas offices come in the order the reports print them, with their codes."""
    overseas = offices(kind=OfficeKind.OVERSEAS)
    assert ["NYC", "LON", "PAR", "SIN", "SEL", "SYD", "BEJ"] == [o.code for o in overseas]
    assert OVERSEAS_PRINTED == [o.city for o in overseas]
    assert [f"{city}事務所" for city in OVERSEAS_PRINTED] == [o.name for o in overseas]


def test_overseas_host_countries() -> None:
    """Each overseas office stands in its host country and covers it first."""
    hosts = {"NYC": "US", "LON": "GB", "PAR": "FR", "SIN": "SG", "SEL": "KR", "SYD": "AU"}
    hosts["BEJ"] = "CN"
    for code, country in hosts.items():
        assert country == office(code).country
        assert country == office(code).jurisdiction[0]


def test_jurisdictions_cover_where_the_documents_place_each_office() -> None:
    """Jurisdictions include the countries the documents tie to each office."""
    # FY2011 plan: シンガポール事務所ではインド・東南アジア諸国における国際旅行博への出展支援.
    # FY2013 report, events table: タイ, フィリピン, ベトナム, インドネシア rows under Singapore.
    for name in ("インド", "タイ", "フィリピン", "ベトナム", "インドネシア", "シンガポール"):
        assert Country.lookup(name).code in office("SIN").jurisdiction
    # FY2013 report: Paris events in スイス (ジュネーブ) and スペイン (スペイン各都市).
    for name in ("フランス", "スイス", "スペイン"):
        assert Country.lookup(name).code in office("PAR").jurisdiction
    # FY2013 report: the London office's CLAIR report on 英国及びドイツ自治体.
    for name in ("イギリス", "ドイツ"):
        assert Country.lookup(name).code in office("LON").jurisdiction
    # FY2013 report: 香港 listed under 中国; FY2011: シドニー事務所 … 豪州多文化主義政策.
    assert Country.lookup("香港").code in office("BEJ").jurisdiction
    assert Country.lookup("豪州").code in office("SYD").jurisdiction
    assert ("KR",) == office("SEL").jurisdiction


def test_jurisdictions_are_valid_distinct_and_disjoint() -> None:
    """Every jurisdiction code is an ISO country; no country is covered by two offices."""
    seen: dict[str, str] = {}
    for found in offices(kind=OfficeKind.OVERSEAS):
        assert len(set(found.jurisdiction)) == len(found.jurisdiction)
        for code in found.jurisdiction:
            Country(code)
            assert code not in seen, (code, seen.get(code), found.code)
            seen[code] = found.code
    assert "JP" not in seen


def test_headquarters_departments_from_fy2013_chart() -> None:
    """HQ departments and divisions as the FY2013 report's organisation chart prints them."""
    # ① 本部: 総務部 ･･･ 総務課、企画調査課 / 交流支援部 ･･･ 交流親善課、経済交流課 /
    # 多文化共生部 ･･･ 多文化共生課 / JET プログラム事業部 ･･･ 調整課、研修･カウンセリング課
    expected = (
        Department(name="総務部", divisions=("総務課", "企画調査課")),
        Department(name="交流支援部", divisions=("交流親善課", "経済交流課")),
        Department(name="多文化共生部", divisions=("多文化共生課",)),
        Department(name="JETプログラム事業部", divisions=("調整課", "研修・カウンセリング課")),
    )
    hq = office("HQ")
    assert OfficeKind.HEADQUARTERS is hq.kind
    assert expected == hq.departments
    assert 7 == sum(len(d.divisions) for d in hq.departments)


def test_prefectural_branches_use_iso_3166_2() -> None:
    """The 47 prefectural branches are JP-01 … JP-47, 北海道 first and 沖縄県 last."""
    prefectures = [o for o in offices(kind=OfficeKind.BRANCH) if o.code.startswith("JP-")]
    assert [f"JP-{n:02d}" for n in range(1, 48)] == [o.code for o in prefectures]
    assert ("北海道", "東京都", "京都府", "大阪府", "沖縄県") == (
        office("JP-01").name,
        office("JP-13").name,
        office("JP-26").name,
        office("JP-27").name,
        office("JP-47").name,
    )
    suffixes = sorted({o.name[-1] for o in prefectures})
    assert ["府", "県", "道", "都"] == suffixes


def test_designated_city_branches_and_check_digits() -> None:
    """The 20 designated-city branches carry their six-digit code with a valid check digit."""
    cities = [o for o in offices(kind=OfficeKind.BRANCH) if not o.code.startswith("JP-")]
    assert DESIGNATED_CITIES.keys() == {o.code for o in cities}
    for found in cities:
        assert DESIGNATED_CITIES[found.code][0] == found.name
        assert _check_digit(found.code[:5]) == int(found.code[5])


def test_local_governments_kinds_and_prefectures() -> None:
    """local_governments(): 47 prefectures and 20 designated cities with their prefecture."""
    governments = local_governments()
    kinds = [g.kind for g in governments]
    assert 47 == kinds.count(LocalGovernmentKind.PREFECTURE)
    assert 20 == kinds.count(LocalGovernmentKind.DESIGNATED_CITY)
    cities = {
        g.name: g.prefecture for g in governments if g.kind is not LocalGovernmentKind.PREFECTURE
    }
    assert dict(DESIGNATED_CITIES.values()) == cities


def test_find_office_by_printed_names() -> None:
    """Printed names, English names and codes all resolve to the same office."""
    for name in ("ニューヨーク", "ニューヨーク事務所", "New York Office", "NYC", "ｎｙｃ"):
        assert "NYC" == find_office(name).code
    assert "HQ" == find_office("本部").code
    assert "HQ" == find_office("東京本部").code
    assert "JP-01" == find_office("北海道").code
    assert "011002" == find_office("札幌市").code


def test_unknown_office_is_a_clairlib_error() -> None:
    """Unknown codes and names raise UnknownOfficeError naming them."""
    with pytest.raises(UnknownOfficeError, match="'LAX'"):
        office("LAX")
    with pytest.raises(UnknownOfficeError, match="ロサンゼルス"):
        find_office("ロサンゼルス")
    assert issubclass(UnknownOfficeError, ClairlibError)
    assert issubclass(UnknownOfficeError, LookupError)


def test_reference_data_is_cached() -> None:
    """Repeated calls return the very same objects."""
    assert offices() is offices()
    assert office("SIN") is offices(kind=OfficeKind.OVERSEAS)[3]
