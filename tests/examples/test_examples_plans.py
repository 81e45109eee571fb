"""The three plan examples: they load, round-trip, and hold the facts typed as printed."""

from __future__ import annotations

import json
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

import clairlib.io
from clairlib.model import AnnualPlan, CrossListing, MidTermPlan, OfficeKind, Programme, Section
from clairlib.reference import fy2011_framework, mid_term_plan, office, offices

ROOT = Path(__file__).parents[2]
EXAMPLES = ROOT / "examples"
SOURCES = Path(__file__).parents[1] / "data" / "sources"
FY2011_SOURCE = SOURCES / "fy2011-plan.txt"
FY2025_SOURCE = SOURCES / "fy2025-plan.txt"
MIDTERM_SOURCE = SOURCES / "midterm-plan-2022.txt"

PLANS = ["midterm-plan-2022.json", "fy2011-plan.json", "fy2025-plan.json"]


def _flat(path: Path) -> str:
    # The PDF's text breaks lines anywhere: the text joined line to line, trimmed.
    return "".join(line.strip() for line in path.read_text(encoding="utf-8").splitlines())


def _load(name: str) -> Any:
    return clairlib.io.load(EXAMPLES / name)


def _fy2011() -> AnnualPlan:
    plan = _load("fy2011-plan.json")
    assert isinstance(plan, AnnualPlan)
    return plan


def _fy2025() -> AnnualPlan:
    plan = _load("fy2025-plan.json")
    assert isinstance(plan, AnnualPlan)
    return plan


def _sections(sections: tuple[Section, ...]) -> Iterator[Section]:
    for section in sections:
        yield section
        yield from _sections(section.sections)


def _programmes(plan: AnnualPlan) -> list[Programme]:
    return [p for s in _sections(plan.sections) for p in s.programmes]


def _strings(value: Any, skip: frozenset[str]) -> Iterator[str]:
    # Every printed string of a document as JSON, leaving out keys that hold ids or codes.
    if isinstance(value, dict):
        for key, item in value.items():
            if key not in skip:
                yield from _strings(item, skip)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item, skip)
    elif isinstance(value, str):
        yield value


_NOT_PRINTED = frozenset(
    {"id", "kind", "pillar", "cross_listed", "cross_listing", "offices", "office", "marker"}
    | {"fiscal_year", "period", "published", "source", "target", "targets", "note", "numeral"}
    | {"number"}
)


@pytest.mark.parametrize("name", PLANS)
def test_example_round_trips_byte_for_byte(name: str) -> None:
    """Each example is canonical JSON: dumps(load(file)) reproduces the file exactly."""
    text = (EXAMPLES / name).read_text(encoding="utf-8")
    assert text == clairlib.io.dumps(clairlib.io.load(text))


def test_midterm_example_is_the_bundled_reference() -> None:
    """The example and the package's reference data are one and the same file."""
    bundled = resources.files("clairlib.reference").joinpath("data", "midterm-plan-2022.json")
    assert bundled.read_bytes() == (EXAMPLES / "midterm-plan-2022.json").read_bytes()
    loaded = _load("midterm-plan-2022.json")
    assert isinstance(loaded, MidTermPlan)
    assert mid_term_plan() == loaded


def test_every_printed_string_is_in_its_document() -> None:
    """Nothing is invented: every string of the three examples occurs in its source document."""
    cases = [
        ("midterm-plan-2022.json", MIDTERM_SOURCE, None),
        ("fy2011-plan.json", FY2011_SOURCE, None),
        ("fy2025-plan.json", FY2025_SOURCE, "framework"),
    ]
    for name, source, leave_out in cases:
        document = json.loads((EXAMPLES / name).read_text(encoding="utf-8"))
        if leave_out is not None:
            document.pop(leave_out)  # the mid-term framework, checked with its own source
        flat = _flat(source)
        strings = list(_strings(document, _NOT_PRINTED))
        assert 20 < len(strings)
        assert [] == [s for s in strings if s not in flat], name


# ---- FY2011 (平成２３年度事業計画) ----


def test_fy2011_uses_its_own_framework_and_crosswalk() -> None:
    """The FY2011 plan is organised by its seven sections, with the crosswalk to I–VII."""
    plan = _fy2011()
    assert 2011 == plan.fiscal_year.year
    assert "平成２３年度事業計画" == plan.title
    assert fy2011_framework() == plan.framework


def test_fy2011_sections_and_programmes() -> None:
    """Sections １–７, their subsections and ○ programmes, counted in the printed plan by hand."""
    plan = _fy2011()
    assert ["1", "2", "3", "4", "5", "6", "7"] == [s.id for s in plan.sections]
    assert [2, 2, 2, 3, 0, 0, 0] == [len(s.sections) for s in plan.sections]
    per_subsection = {s.id: len(s.programmes) for top in plan.sections for s in top.sections}
    assert {
        "1(1)": 2,
        "1(2)": 4,
        "2(1)": 3,
        "2(2)": 2,
        "3(1)": 6,
        "3(2)": 2,
        "4(1)": 3,
        "4(2)": 2,
        "4(3)": 1,
    } == per_subsection
    assert [0, 0, 0, 0, 2, 4, 0] == [len(s.programmes) for s in plan.sections]
    assert 31 == len(_programmes(plan))
    assert {"○"} == {p.marker for p in _programmes(plan)}


def test_fy2011_partial_cross_listings() -> None:
    """The four ○ programmes printed with （一部再掲） are PARTIAL, without the marker."""
    partial = [p for p in _programmes(_fy2011()) if p.cross_listing is CrossListing.PARTIAL]
    assert [
        ("3(1).2", "自治体の経済活動支援のための事業の展開"),
        ("4(1).1", "多文化共生に関する研修"),
        ("4(1).2", "その他の分野における研修"),
        ("6.4", "自治体の行う国際交流、国際協力事業に対する財政的支援"),
    ] == [(p.id, p.name) for p in partial]
    assert [("1",), ("1",), (), ("1",)] == [p.cross_listed for p in partial]
    # The fifth （一部再掲） of the printed plan marks subsection 4(2) itself.
    subsection = _fy2011().sections[3].sections[1]
    assert subsection.title.endswith("（一部再掲）")


def test_fy2011_office_focus() -> None:
    """The 23年度 paragraph gives each of the seven overseas offices its focus."""
    focus = {f.office: f.text for f in _fy2011().focus}
    assert {
        "NYC": "経済観光情報発信の強化",
        "LON": "活動支援及び調査に必要なネットワークづくり",
        "PAR": "観光客誘致の促進",
        "SIN": "観光客誘致の拡大とインドとの交流の促進",
        "SEL": "従来の実績を活かした観光客誘致及び地場産品販売の促進",
        "SYD": "豪州多文化主義政策に関する情報の集積と発信",
        "BEJ": "観光客誘致の促進",
    } == focus


def test_fy2011_paragraphs_joined_and_page_number_dropped() -> None:
    """Broken lines are joined into paragraphs; the page number ``3`` is not text."""
    plan = _fy2011()
    assert 2 == len(plan.preamble)
    assert plan.preamble[0].text.endswith("自治体が取り組む地域の国際化を支援する。")
    texts = [b.text for s in _sections(plan.sections) for b in s.body]
    texts += [b.text for p in _programmes(plan) for b in p.body]
    assert "3" not in texts
    assert (
        "日本と世界各国との架け橋として活躍する 5万人を超えるＪＥＴプログラム経験者と"
        "のネットワークの構築を支援する。"
    ) in texts


# ---- FY2025 (令和7年度事業計画) ----


def test_fy2025_follows_the_midterm_pillars() -> None:
    """Sections 1–7 are pillars I–VII of the mid-term plan, whose framework it carries."""
    plan = _fy2025()
    assert 2025 == plan.fiscal_year.year
    assert "令和7年度事業計画" == plan.title
    assert mid_term_plan().framework == plan.framework
    assert ["I", "II", "III", "IV", "V", "VI", "VII"] == [s.pillar for s in plan.sections]
    assert all(p.pillar == s.pillar for s in plan.sections for p in s.programmes)


def test_fy2025_programmes_per_section() -> None:
    """The ○ programmes per section, counted in the printed plan: 3, 5, 4, 3, 2, 3, 2."""
    plan = _fy2025()
    assert [3, 5, 4, 3, 2, 3, 2] == [len(s.programmes) for s in plan.sections]
    assert "JET プログラムの魅力広報と国や自治体との連携" == plan.sections[2].programmes[0].name


def test_fy2025_note_block() -> None:
    """The ※ PA note is a note block of its programme."""
    notes = [b for p in _programmes(_fy2025()) for b in p.body if b.kind.value == "note"]
    assert 1 == len(notes)
    assert notes[0].text.startswith("※ PA (Prefectural Advisor) :")


def test_fy2025_keeps_printed_typos() -> None:
    """実業計画, GIR, クレークリラ, クレーレポート are kept as printed, not fixed."""
    plan = _fy2025()
    texts = [b.text for b in plan.preamble]
    texts += [b.text for s in plan.sections for b in s.body]
    texts += [b.text for p in _programmes(plan) for b in p.body]
    joined = "\n".join(texts)
    for typo in ("令和7年度の実業計画を示す", "国際交流員(GIR)", "クレークリラ日韓共同セミナー"):
        assert typo in joined
    assert "クレーレポート" in joined


def test_fy2025_office_focus_names_real_offices() -> None:
    """Every office focus is an overseas office, quoting its programme text verbatim."""
    plan = _fy2025()
    overseas = {o.code for o in offices(kind=OfficeKind.OVERSEAS)}
    paragraphs = [b.text for p in _programmes(plan) for b in p.body]
    for focus in plan.focus:
        assert focus.office in overseas
        assert any(focus.text in paragraph for paragraph in paragraphs), focus.text
    by_office = {code: [f.text for f in plan.focus if f.office == code] for code in overseas}
    assert "北京での BITE（北京国際旅游博覧会）" in by_office["BEJ"]
    assert "シドニー事務所とシドニー工科大学が共催する「クリアフォーラム」" in by_office["SYD"]
    assert all(by_office.values())


def test_programme_offices_are_overseas_offices_named_in_the_text() -> None:
    """A programme's offices are overseas offices its own text names (…事務所)."""
    for plan in (_fy2011(), _fy2025()):
        for programme in _programmes(plan):
            body = "".join(b.text for b in programme.body)
            for code in programme.offices:
                city = office(code).city
                assert city is not None
                assert city in body
