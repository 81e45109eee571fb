"""The FY2011 plan's seven-section framework and its crosswalk to the mid-term pillars."""

from __future__ import annotations

import pytest

from clairlib.model import PillarKind
from clairlib.reference import (
    UnknownFrameworkError,
    crosswalk_fy2011,
    framework,
    fy2011_framework,
)


def test_seven_sections_with_their_subsections() -> None:
    """Sections １–７ with (１)(２)(３) subsections as printed: 2, 2, 2, 3, 0, 0, 0."""
    sections = fy2011_framework().pillars
    assert ["1", "2", "3", "4", "5", "6", "7"] == [s.id for s in sections]
    assert ["１", "２", "３", "４", "５", "６", "７"] == [s.numeral for s in sections]
    assert [2, 2, 2, 3, 0, 0, 0] == [len(s.objectives) for s in sections]
    assert {PillarKind.SECTION} == {s.kind for s in sections}


def test_section_titles_as_printed() -> None:
    """Titles keep full-width letters; section 2's two printed lines are joined."""
    sections = fy2011_framework().pillars
    assert "自治体のニーズの高い分野における支援の充実・強化" == sections[0].title
    assert (
        "語学指導等を行う外国青年招致事業（ＪＥＴプログラム）の推進・ＪＥＴ経験者の活用の促進"
        == sections[1].title
    )
    assert "中期的な事業展開の展望" == sections[6].title


def test_subsection_objectives() -> None:
    """Subsections are objectives ``1(1)`` …, with their printed titles."""
    first = fy2011_framework().pillar("1")
    assert ["1(1)", "1(2)"] == [o.id for o in first.objectives]
    assert ["経済分野", "多文化共生分野"] == [o.text for o in first.objectives]
    fourth = fy2011_framework().pillar("4")
    assert "地域の国際化を推進する人材のネットワークの構築" == fourth.objective("4(2)").text


def test_crosswalk_to_midterm_pillars() -> None:
    """Each section maps to the mid-term pillar that carries the same work."""
    crosswalk = crosswalk_fy2011()
    assert ("fy2011", "midterm-2022") == (crosswalk.source, crosswalk.target)
    assert ("I",) == crosswalk.targets_of("1(1)")
    assert ("II",) == crosswalk.targets_of("1(2)")
    assert ("III",) == crosswalk.targets_of("2")
    assert ("VII", "I") == crosswalk.targets_of("3")
    assert ("VI", "II") == crosswalk.targets_of("4")
    assert ("V",) == crosswalk.targets_of("5")
    assert ("IV", "II") == crosswalk.targets_of("6")
    assert ("base",) == crosswalk.targets_of("7")


def test_partial_links_are_where_the_plan_prints_ichibu_saikei() -> None:
    """Sections 3, 4 and 6 hold the （一部再掲） programmes: their extra links are partial."""
    partial = {(link.source, link.targets) for link in crosswalk_fy2011().links if link.partial}
    assert {("3", ("I",)), ("4", ("II",)), ("6", ("II",))} == partial
    for link in crosswalk_fy2011().links:
        assert link.partial == (link.note is not None)


def test_framework_by_id() -> None:
    """``framework('fy2011')`` is the FY2011 framework; an unknown id is a clear error."""
    assert fy2011_framework() is framework("fy2011")
    with pytest.raises(UnknownFrameworkError, match="'fy2099'"):
        framework("fy2099")


def test_crosswalk_is_part_of_the_framework() -> None:
    """The framework carries its crosswalk."""
    assert (crosswalk_fy2011(),) == fy2011_framework().crosswalks
