"""Offices a programme names: the overseas offices by city, and 本部 as the headquarters."""

from __future__ import annotations

import pytest

import clairlib
from clairlib.model import AnnualPlan, AnnualReport
from clairlib.reading._places import offices_named
from tests.reading.conftest import source_text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("平成 26 年度は、本部において 12 名の職員を受け入れた。", ("HQ",)),
        ("クレア東京本部においてセミナーを開催した。", ("HQ",)),
        ("本部・支部・海外事務所の連携を強化する。", ("HQ",)),
        ("また、本部経済交流課が相談に応じた。", ("HQ",)),
        ("本部とソウル事務所が共同で実施した。", ("HQ", "SEL")),
        # After と 本部 may end a word (ふるさと本部): not read, though it is the HQ here.
        ("ソウル事務所と本部が共同で実施した。", ("SEL",)),
        ("県の災害対策本部に職員を派遣した。", ()),
        ("会場のイベント本部で受付を行った。", ()),
        ("観光協会の本部を訪問した。", ()),
        ("ふるさと本部の協力を得た。", ()),
        ("日本部会を開いた。", ()),
        ("各海外事務所において出展した。", ()),
    ],
)
def test_headquarters_only_where_honbu_is_the_bodys_own(
    text: str, expected: tuple[str, ...]
) -> None:
    """本部 standing alone is the headquarters; ending another name it is not read."""
    assert expected == offices_named(text)


def _programme_offices(document: AnnualPlan | AnnualReport) -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    stack = list(document.sections)
    while stack:
        section = stack.pop()
        stack.extend(section.sections)
        for programme in section.programmes:
            out[programme.name] = programme.offices
    return out


def test_seed_programmes_that_name_the_headquarters() -> None:
    """FY2011 ``本部における支援の強化`` and the FY2013 staff training name 本部."""
    plan = clairlib.read(source_text("fy2011-plan")).document
    report = clairlib.read(source_text("fy2013-report")).document
    assert isinstance(plan, AnnualPlan)
    assert isinstance(report, AnnualReport)
    assert ("HQ",) == _programme_offices(plan)["本部における支援の強化"]
    # ``平成 25 年度は、本部において 30 団体 32 名の自治体職員を受け入れ``
    assert ("HQ",) == _programme_offices(report)["自治体で活躍できる国際業務のプロ人材の育成"]


def test_a_written_plan_names_its_offices() -> None:
    """A programme heading naming 本部 and prose naming two offices give all three."""
    text = (
        "令和8年度事業計画\n"
        "1. 自治体の海外における経済活動を支援\n"
        "○ 本部における相談体制の充実\n"
        "相談窓口を設け、ロンドン及びパリの各事務所と連携して、年間 40 件の相談に応じる。\n"
        "○ 見本市への出展\n"
        "観光展の実行委員会本部と調整し、出展を支援する。\n"
    )
    document = clairlib.read(text).document
    assert isinstance(document, AnnualPlan)
    assert {
        "本部における相談体制の充実": ("HQ", "LON", "PAR"),
        "見本市への出展": (),
    } == _programme_offices(document)
