"""The FY2011 plan's own framework (平成23年度事業計画: sections 1–7) and its crosswalk.

Typed from the FY2011 business plan. Section and subsection titles are as printed
(full-width digits and letters kept); a title the PDF broke over two lines is joined.
Subsection 4(2) is printed with （一部再掲）: the marker is not part of its title here,
the crosswalk records it.
"""

from __future__ import annotations

from clairlib.model.framework import (
    Crosswalk,
    CrosswalkLink,
    Framework,
    Objective,
    Pillar,
    PillarKind,
)

FRAMEWORK_ID = "fy2011"
TARGET_ID = "midterm-2022"

_SECTIONS: tuple[tuple[int, str, str, tuple[str, ...]], ...] = (
    (
        1,
        "１",
        "自治体のニーズの高い分野における支援の充実・強化",
        ("経済分野", "多文化共生分野"),
    ),
    (
        2,
        "２",
        "語学指導等を行う外国青年招致事業（ＪＥＴプログラム）の推進・ＪＥＴ経験者の活用の促進",
        ("ＪＥＴプログラムの充実", "自治体のＪＥＴ経験者ネットワークの構築などに対する支援"),
    ),
    (
        3,
        "３",
        "海外事務所の事業の重点化と運営のスリム化",
        (
            "海外事務所の機能の充実と事務所ごとの事業の重点化",
            "事務所のスリム化と自治体の新たなニーズへの対応",
        ),
    ),
    (
        4,
        "４",
        "人材育成の充実・強化",
        (
            "地域の国際化を担う人材の育成",
            "地域の国際化を推進する人材のネットワークの構築",
            "自治体派遣職員の実践的な能力開発",
        ),
    ),
    (5, "５", "自治体が求める施策の調査研究・情報の収集と提供の充実", ()),
    (6, "６", "国際交流・国際協力の推進", ()),
    (7, "７", "中期的な事業展開の展望", ()),
)

# Where a section's work sits among the mid-term plan's pillars. Partial links are the
# places the plan marks （一部再掲）: part of the section repeats work listed elsewhere.
_LINKS: tuple[CrosswalkLink, ...] = (
    CrosswalkLink(source="1(1)", targets=("I",)),
    CrosswalkLink(source="1(2)", targets=("II",)),
    CrosswalkLink(source="2", targets=("III",)),
    CrosswalkLink(source="3", targets=("VII",)),
    CrosswalkLink(
        source="3",
        targets=("I",),
        partial=True,
        note="3(1) ○自治体の経済活動支援のための事業の展開 is marked 一部再掲 (part of 1(1))",
    ),
    CrosswalkLink(source="4", targets=("VI",)),
    CrosswalkLink(
        source="4",
        targets=("II",),
        partial=True,
        note=(
            "4(1) ○多文化共生に関する研修 and 4(2) are marked 一部再掲 "
            "(multicultural training and networks of 1(2))"
        ),
    ),
    CrosswalkLink(source="5", targets=("V",)),
    CrosswalkLink(source="6", targets=("IV",)),
    CrosswalkLink(
        source="6",
        targets=("II",),
        partial=True,
        note=(
            "6 ○自治体の行う国際交流、国際協力事業に対する財政的支援 is marked 一部再掲 "
            "(the 地域国際化施策支援特別対策事業 grants of 1(2))"
        ),
    ),
    CrosswalkLink(source="7", targets=("base",)),
)


def build_crosswalk() -> Crosswalk:
    return Crosswalk(source=FRAMEWORK_ID, target=TARGET_ID, links=_LINKS)


def build_framework() -> Framework:
    pillars = tuple(
        Pillar(
            id=str(number),
            title=title,
            kind=PillarKind.SECTION,
            number=number,
            numeral=numeral,
            objectives=tuple(
                Objective(id=f"{number}({index})", number=index, text=text)
                for index, text in enumerate(subsections, start=1)
            ),
        )
        for number, numeral, title, subsections in _SECTIONS
    )
    return Framework(
        id=FRAMEWORK_ID,
        title="平成２３年度事業計画",
        pillars=pillars,
        crosswalks=(build_crosswalk(),),
    )
