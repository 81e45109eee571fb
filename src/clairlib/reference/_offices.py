"""The offices of CLAIR as tables: headquarters, 67 branches, 7 overseas offices.

Sources, so that each row can be checked:

- Headquarters departments and divisions: the organisation chart (機構) of the FY2013
  annual report, as of 1 June 2014 (平成26年6月1日現在). Names are NFKC-normalised: the
  report prints ``研修･カウンセリング課`` with a half-width middle dot.
- Branches: the 47 prefectures (ISO 3166-2 ``JP-01`` … ``JP-47``) and the 20 cities
  designated by cabinet order (政令指定都市) as of FY2025, coded by their six-digit
  local-government code with check digit (全国地方公共団体コード, ``011002`` 札幌市).
  ``city`` is the seat of the prefectural government (新宿区 for 東京都).
- Overseas offices: code, city and the printed order from the reports (ニューヨーク,
  ロンドン, パリ, シンガポール, ソウル, シドニー, 北京). Jurisdictions (所管国) are the
  areas each office publishes on its own site (2024–2025): New York — United States,
  Canada, Jamaica, Trinidad and Tobago; London — the United Kingdom, Austria, Denmark,
  Finland, Germany, Ireland, the Netherlands, Norway, Sweden; Paris — France, Belgium,
  Luxembourg, Switzerland, Italy, Spain, Portugal, Monaco; Singapore — the ten ASEAN
  countries, India and Sri Lanka (since July 2018); Seoul — Korea; Sydney — Australia
  and New Zealand; Beijing — China, with Hong Kong, where the FY2013 report lists the
  Beijing office's events under 中国. The host country comes first, the rest in code order.
"""

from __future__ import annotations

from clairlib.model.offices import Department, Office, OfficeKind
from clairlib.model.places import LocalGovernment, LocalGovernmentKind

HEADQUARTERS_CODE = "HQ"

# 本部 departments (部) and their divisions (課), in the order the chart prints them.
_DEPARTMENTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("総務部", ("総務課", "企画調査課")),
    ("交流支援部", ("交流親善課", "経済交流課")),
    ("多文化共生部", ("多文化共生課",)),
    ("JETプログラム事業部", ("調整課", "研修・カウンセリング課")),
)

# (ISO 3166-2 number, name, English name, seat of government)
_PREFECTURES: tuple[tuple[int, str, str, str], ...] = (
    (1, "北海道", "Hokkaido", "札幌市"),
    (2, "青森県", "Aomori Prefecture", "青森市"),
    (3, "岩手県", "Iwate Prefecture", "盛岡市"),
    (4, "宮城県", "Miyagi Prefecture", "仙台市"),
    (5, "秋田県", "Akita Prefecture", "秋田市"),
    (6, "山形県", "Yamagata Prefecture", "山形市"),
    (7, "福島県", "Fukushima Prefecture", "福島市"),
    (8, "茨城県", "Ibaraki Prefecture", "水戸市"),
    (9, "栃木県", "Tochigi Prefecture", "宇都宮市"),
    (10, "群馬県", "Gunma Prefecture", "前橋市"),
    (11, "埼玉県", "Saitama Prefecture", "さいたま市"),
    (12, "千葉県", "Chiba Prefecture", "千葉市"),
    (13, "東京都", "Tokyo Metropolis", "新宿区"),
    (14, "神奈川県", "Kanagawa Prefecture", "横浜市"),
    (15, "新潟県", "Niigata Prefecture", "新潟市"),
    (16, "富山県", "Toyama Prefecture", "富山市"),
    (17, "石川県", "Ishikawa Prefecture", "金沢市"),
    (18, "福井県", "Fukui Prefecture", "福井市"),
    (19, "山梨県", "Yamanashi Prefecture", "甲府市"),
    (20, "長野県", "Nagano Prefecture", "長野市"),
    (21, "岐阜県", "Gifu Prefecture", "岐阜市"),
    (22, "静岡県", "Shizuoka Prefecture", "静岡市"),
    (23, "愛知県", "Aichi Prefecture", "名古屋市"),
    (24, "三重県", "Mie Prefecture", "津市"),
    (25, "滋賀県", "Shiga Prefecture", "大津市"),
    (26, "京都府", "Kyoto Prefecture", "京都市"),
    (27, "大阪府", "Osaka Prefecture", "大阪市"),
    (28, "兵庫県", "Hyogo Prefecture", "神戸市"),
    (29, "奈良県", "Nara Prefecture", "奈良市"),
    (30, "和歌山県", "Wakayama Prefecture", "和歌山市"),
    (31, "鳥取県", "Tottori Prefecture", "鳥取市"),
    (32, "島根県", "Shimane Prefecture", "松江市"),
    (33, "岡山県", "Okayama Prefecture", "岡山市"),
    (34, "広島県", "Hiroshima Prefecture", "広島市"),
    (35, "山口県", "Yamaguchi Prefecture", "山口市"),
    (36, "徳島県", "Tokushima Prefecture", "徳島市"),
    (37, "香川県", "Kagawa Prefecture", "高松市"),
    (38, "愛媛県", "Ehime Prefecture", "松山市"),
    (39, "高知県", "Kochi Prefecture", "高知市"),
    (40, "福岡県", "Fukuoka Prefecture", "福岡市"),
    (41, "佐賀県", "Saga Prefecture", "佐賀市"),
    (42, "長崎県", "Nagasaki Prefecture", "長崎市"),
    (43, "熊本県", "Kumamoto Prefecture", "熊本市"),
    (44, "大分県", "Oita Prefecture", "大分市"),
    (45, "宮崎県", "Miyazaki Prefecture", "宮崎市"),
    (46, "鹿児島県", "Kagoshima Prefecture", "鹿児島市"),
    (47, "沖縄県", "Okinawa Prefecture", "那覇市"),
)

# (local-government code, name, English name, ISO 3166-2 number of its prefecture)
_DESIGNATED_CITIES: tuple[tuple[str, str, str, int], ...] = (
    ("011002", "札幌市", "Sapporo City", 1),
    ("041009", "仙台市", "Sendai City", 4),
    ("111007", "さいたま市", "Saitama City", 11),
    ("121002", "千葉市", "Chiba City", 12),
    ("141003", "横浜市", "Yokohama City", 14),
    ("141305", "川崎市", "Kawasaki City", 14),
    ("141500", "相模原市", "Sagamihara City", 14),
    ("151009", "新潟市", "Niigata City", 15),
    ("221007", "静岡市", "Shizuoka City", 22),
    ("221309", "浜松市", "Hamamatsu City", 22),
    ("231002", "名古屋市", "Nagoya City", 23),
    ("261009", "京都市", "Kyoto City", 26),
    ("271004", "大阪市", "Osaka City", 27),
    ("271403", "堺市", "Sakai City", 27),
    ("281000", "神戸市", "Kobe City", 28),
    ("331007", "岡山市", "Okayama City", 33),
    ("341002", "広島市", "Hiroshima City", 34),
    ("401005", "北九州市", "Kitakyushu City", 40),
    ("401307", "福岡市", "Fukuoka City", 40),
    ("431001", "熊本市", "Kumamoto City", 43),
)

# (code, name, English name, city, country, jurisdiction)
_OVERSEAS: tuple[tuple[str, str, str, str, str, tuple[str, ...]], ...] = (
    (
        "NYC",
        "ニューヨーク事務所",
        "New York Office",
        "ニューヨーク",
        "US",
        ("US", "CA", "JM", "TT"),
    ),
    (
        "LON",
        "ロンドン事務所",
        "London Office",
        "ロンドン",
        "GB",
        ("GB", "AT", "DE", "DK", "FI", "IE", "NL", "NO", "SE"),
    ),
    (
        "PAR",
        "パリ事務所",
        "Paris Office",
        "パリ",
        "FR",
        ("FR", "BE", "CH", "ES", "IT", "LU", "MC", "PT"),
    ),
    (
        "SIN",
        "シンガポール事務所",
        "Singapore Office",
        "シンガポール",
        "SG",
        ("SG", "BN", "ID", "IN", "KH", "LA", "LK", "MM", "MY", "PH", "TH", "VN"),
    ),
    ("SEL", "ソウル事務所", "Seoul Office", "ソウル", "KR", ("KR",)),
    ("SYD", "シドニー事務所", "Sydney Office", "シドニー", "AU", ("AU", "NZ")),
    ("BEJ", "北京事務所", "Beijing Office", "北京", "CN", ("CN", "HK")),
)


def prefecture_code(number: int) -> str:
    return f"JP-{number:02d}"


def build_offices() -> tuple[Office, ...]:
    headquarters = Office(
        code=HEADQUARTERS_CODE,
        name="東京本部",
        name_en="Tokyo Headquarters",
        kind=OfficeKind.HEADQUARTERS,
        city="東京",
        departments=tuple(
            Department(name=name, divisions=divisions) for name, divisions in _DEPARTMENTS
        ),
    )
    prefectures = tuple(
        Office(
            code=prefecture_code(number),
            name=name,
            name_en=name_en,
            kind=OfficeKind.BRANCH,
            city=seat,
        )
        for number, name, name_en, seat in _PREFECTURES
    )
    cities = tuple(
        Office(code=code, name=name, name_en=name_en, kind=OfficeKind.BRANCH, city=name)
        for code, name, name_en, _ in _DESIGNATED_CITIES
    )
    overseas = tuple(
        Office(
            code=code,
            name=name,
            name_en=name_en,
            kind=OfficeKind.OVERSEAS,
            city=city,
            country=country,
            jurisdiction=jurisdiction,
        )
        for code, name, name_en, city, country, jurisdiction in _OVERSEAS
    )
    return (headquarters, *prefectures, *cities, *overseas)


def build_local_governments() -> tuple[LocalGovernment, ...]:
    prefectures = tuple(
        LocalGovernment(
            name=name,
            kind=LocalGovernmentKind.PREFECTURE,
            prefecture=prefecture_code(number),
        )
        for number, name, _, _ in _PREFECTURES
    )
    cities = tuple(
        LocalGovernment(
            name=name,
            kind=LocalGovernmentKind.DESIGNATED_CITY,
            prefecture=prefecture_code(number),
        )
        for _, name, _, number in _DESIGNATED_CITIES
    )
    return (*prefectures, *cities)
