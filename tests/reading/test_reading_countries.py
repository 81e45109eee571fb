"""Countries a programme names by their Japanese names, and the words that only look so."""

from __future__ import annotations

import pytest

import clairlib
from clairlib.model import AnnualPlan, AnnualReport
from clairlib.model.navigation import iter_programmes
from clairlib.reading._places import countries_named
from tests.reading.conftest import source_text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("アメリカ、タイ及び中国で出展した。", ("US", "TH", "CN")),
        ("米国の地方行政を紹介した。", ("US",)),
        ("アメリカ合衆国カリフォルニア州の州都を訪問した。", ("US",)),
        ("英国、イギリスの自治体と交流した。", ("GB",)),
        ("大韓民国の済州特別自治道、韓国の釜山広域市", ("KR",)),
        ("豪州多文化主義政策交流", ("AU",)),
        ("香港にある百貨店で、中国市場への販路開拓を図った。", ("HK", "CN")),
        ("在中国自治体事務所の連絡会議", ("CN",)),
        ("ミャンマー、コンゴ民主共和国、パプアニューギニアから参加した。", ("MM", "CD", "PG")),
        ("マカオ特別行政区政府観光局と連携した。", ("MO",)),
        ("中国地方政府の幹部が来日した。", ("CN",)),
        ("タイ王国の内務省", ("TH",)),
    ],
)
def test_names_read(text: str, expected: tuple[str, ...]) -> None:
    """CLDR names, the aliases Country resolves and a few short forms, in the order named."""
    assert expected == countries_named(text)


@pytest.mark.parametrize(
    "text",
    [
        "タイムリーな情報を提供した。",  # タイ inside a katakana word
        "記事のタイトルを改めた。",
        "ラテンアメリカの都市",  # アメリカ after katakana
        "アメリカンフットボール",  # アメリカ before katakana
        "ニューギニア島の生態系",  # ギニア after katakana
        "中国地方の自治体が参加した。",  # Japan's Chūgoku region
        "中国・四国ブロックの会議",
        "中国四国農政局",
        "近畿、中国、四国、九州の各県",
        "中国経済産業局と中国電力",
        "中国語と韓国語の通訳",  # languages
        "英･仏･韓国･中国語に翻訳した。",  # a list of languages sharing 語
        "ジョージア州の姉妹都市",  # a US state
        "インド洋に面した都市",  # an ocean
        "北米への販路拡大",  # continents and abbreviations
        "北米国際会議",  # 北米 + 国際, not 米国
        "南アメリカ諸国",
        "欧米の事例",
        "日米交流、日中地域間交流、日韓共同セミナー",
        "米の輸出を支援した。",  # 米 alone is rice
        "日本の自治体の魅力を発信した。",  # Japan is not listed
        "国際連合と欧州連合",  # not countries of ISO 3166-1
        "ジャージーを着用して参加した。",  # a jersey
        "シンガポール事務所主催のセミナー",  # the office
        "ニューヨーク、パリ、シンガポール、ソウルの各事務所",
        "海外7事務所（ニューヨーク、ロンドン、パリ、シンガポール、ソウル、シドニー、北京）",
        "岐阜県シンガポール(SIN) 19",
    ],
)
def test_words_that_are_no_country(text: str) -> None:
    """A name inside another word, a region, a language, an abbreviation or an office: none."""
    assert () == countries_named(text)


def test_a_country_beside_its_traps() -> None:
    """The country is read where the same text also holds a trap for it."""
    text = "シンガポール事務所ではインド・東南アジア諸国と、シンガポール政府と連携した。"
    assert ("IN", "SG") == countries_named(text)
    assert ("CN",) == countries_named("中国地方の自治体が、中国の省と交流した。")
    assert ("KR",) == countries_named("韓国語の教材を作り、韓国で配布した。")


def _countries(document: AnnualPlan | AnnualReport) -> dict[str, tuple[str, ...]]:
    return {programme.name: programme.countries for _, programme in iter_programmes(document)}


def test_seed_report_programmes_name_their_countries() -> None:
    """FY2013: アメリカ、イギリス、インド; 日本･中国･韓国; 香港 and 中国市場; no office city."""
    report = clairlib.read(source_text("fy2013-report")).document
    assert isinstance(report, AnnualReport)
    named = _countries(report)
    # ｢海外の地方自治｣シリーズでは、アメリカ、イギリス、インドについて … (英･仏･韓国･中国語)
    assert ("US", "GB", "IN") == named["自治体の役に立つ情報の収集と調査研究成果の発信"]
    # 日本･中国･韓国の国際交流機関の輪番制で … ｢日中韓 3 か国地方政府交流会議｣
    assert ("CN", "KR") == named["国際交流事業を通じた自治体の知名度向上･ネットワーク構築"]
    # 香港にある｢香港そごう｣において … 中国市場への販路開拓の契機として
    assert ("HK", "CN") == named["海外経済活動支援と海外活動へのきめ細かなサポート"]
    # 韓国では、地方公務員等連絡協議会 … 中国では在中国自治体事務所が
    assert ("KR", "CN") == named["所管国における情報発信と交流の推進"]
    # 平成 25 年 4 月からシンガポール事務所において: the office, not the country.
    sin = "海外経済活動へのきめ細かなサポートなどにより、更に利用価値の高い海外事務所へ"
    assert () == named[sin]


def test_seed_plan_office_cities_are_no_countries() -> None:
    """FY2011: the offices' cities name offices; インド after シンガポール事務所では is India."""
    plan = clairlib.read(source_text("fy2011-plan")).document
    assert isinstance(plan, AnnualPlan)
    # ニューヨーク、パリ、シンガポール、ソウル、シドニー及び北京の各事務所において …
    # シンガポール事務所ではインド・東南アジア諸国 …
    assert ("IN",) == _countries(plan)["海外事務所における自治体の経済活動支援の強化"]


def test_a_written_plan_names_its_countries() -> None:
    """A programme's heading and prose both count; a programme naming none has none."""
    text = (
        "令和8年度事業計画\n"
        "1. 自治体の海外における経済活動を支援\n"
        "○ ベトナムにおける販路開拓\n"
        "ハノイ市で見本市に出展し、タイムリーな情報を米国の自治体にも提供する。\n"
        "○ 中国地方の自治体との連携\n"
        "中国・四国ブロックの会議に参加する。\n"
    )
    document = clairlib.read(text).document
    assert isinstance(document, AnnualPlan)
    assert {
        "ベトナムにおける販路開拓": ("VN", "US"),
        "中国地方の自治体との連携": (),
    } == _countries(document)
