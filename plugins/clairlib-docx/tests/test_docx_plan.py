"""Annual plans and the mid-term plan: sections, programmes, statements, pillars, targets."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from clairlib.calendar import FiscalYear, Period, Precision
from clairlib.model import (
    AnnualPlan,
    Block,
    BlockKind,
    Framework,
    Indicator,
    Item,
    MidTermPlan,
    Objective,
    OfficeFocus,
    Pillar,
    PillarKind,
    Programme,
    Quantity,
    Section,
    Target,
)

PLAN = AnnualPlan(
    id="fy2025-sample",
    title="令和7年度事業計画",
    fiscal_year=FiscalYear(2025),
    preamble=(Block(text="自治体国際化協会（以下「クレア」という。）は、自治体の共同組織として…"),),
    sections=(
        Section(
            id="s1",
            number="1.",
            title="自治体の海外における経済活動を支援",
            body=(Block(text="デジタル化の進展、SDGsの推進等…"),),
            programmes=(
                Programme(
                    id="p1-1",
                    name="自治体に役立つ情報の発信",
                    marker="○",
                    body=(Block(text="海外経済セミナーを開催し…"),),
                ),
                Programme(id="p1-2", name="自治体における各種事業の多面的支援", marker="○"),
            ),
        ),
    ),
    focus=(OfficeFocus(office="PAR", text="地方の伝統技術を発信する企画展をパリで実施する。"),),
)


def test_annual_plan_headings(write: Any, headings: Any) -> None:
    """A plan's programmes sit right under their section; no section the plan lacks is added."""
    document, findings = write(PLAN)
    assert [
        ("Title", "令和7年度事業計画"),
        ("Heading 1", "1. 自治体の海外における経済活動を支援"),
        ("Heading 2", "○ 自治体に役立つ情報の発信"),
        ("Heading 2", "○ 自治体における各種事業の多面的支援"),
    ] == headings(document)
    assert () == findings


def test_section_numbers_print_with_their_stop(write: Any, headings: Any) -> None:
    """``1.`` is followed by a space, ``１．`` by the title itself, as the FY2011 plan prints."""
    fy2011 = AnnualPlan(
        id="fy2011-sample",
        title="平成23年度事業計画",
        fiscal_year=FiscalYear(2011),
        sections=(
            Section(
                id="1", number="１．", title="自治体のニーズの高い分野における支援の充実・強化"
            ),
            Section(id="2", number="2", title="国際交流・国際協力の推進"),
        ),
    )
    document, _ = write(fy2011)
    assert [
        ("Title", "平成23年度事業計画"),
        ("Heading 1", "１．自治体のニーズの高い分野における支援の充実・強化"),
        ("Heading 1", "2 国際交流・国際協力の推進"),
    ] == headings(document)


def test_annual_plan_narrative(write: Any) -> None:
    """Preamble, section prose and programme prose appear in order."""
    document, _ = write(PLAN)
    texts = [p.text for p in document.paragraphs if p.style.name == "Body Text"]
    assert [
        "自治体国際化協会（以下「クレア」という。）は、自治体の共同組織として…",
        "デジタル化の進展、SDGsの推進等…",
        "海外経済セミナーを開催し…",
    ] == texts


MID_TERM = MidTermPlan(
    id="midterm-sample",
    title="自治体国際化協会(クリア) 中期経営計画",
    period=Period(date(2022, 4, 1), date(2027, 3, 31), Precision.FISCAL_YEAR),
    published=Period.month(2022, 1),
    issuer="一般財団法人自治体国際化協会",
    philosophy=("クレアは自治体の共同組織として…全力を尽くします。",),
    resolutions=("体系的な人材の育成を実施します。",),
    environment=("あらゆる危機に柔軟に対応する必要性",),
    body=(
        Block(kind=BlockKind.HEADING, text="クレア中期経営計画目次"),
        Block(kind=BlockKind.ITEM, text="クレアの理念"),
        Block(kind=BlockKind.HEADING, text="クレアが力を入れる分野"),
        Block(text="4つの重要分野(Ⅰ～Ⅳ)と、3つの共通基盤(Ⅴ～Ⅶ)があります。"),
    ),
    framework=Framework(
        id="midterm-2022",
        title="中期経営計画の体系",
        pillars=(
            Pillar(
                id="I",
                title="自治体の海外における経済活動を支援",
                kind=PillarKind.KEY_FIELD,
                number=1,
                numeral="Ⅰ",
                objectives=(
                    Objective(id="I-1", number=1, text="自治体の海外販路開拓事業を支援します。"),
                    Objective(id="I-2", number=2, text="海外経済セミナーを開催します。"),
                ),
            ),
            Pillar(
                id="base",
                title="事業基盤の整備",
                kind=PillarKind.OPERATING_BASE,
                objectives=(
                    Objective(
                        id="base-1",
                        number=1,
                        text="組織力及びガバナンスを充実・強化します。",
                        items=(
                            Item(text="管理職・職員の能力を向上させます。"),
                            Item(
                                text="コストを意識して事業を見直します。",
                                items=(Item(text="事務事業評価等により事業に反映"),),
                            ),
                        ),
                    ),
                ),
            ),
        ),
    ),
    indicators=(Indicator(id="kpi-jet", name="JETプログラム任用団体数", unit="団体"),),
    targets=(
        Target(indicator="kpi-jet", value=Quantity(value=Decimal(1000), unit="団体")),
        Target(
            indicator="kpi-jet",
            value=Quantity(value=Decimal(950), unit="団体"),
            fiscal_year=FiscalYear(2024),
            note="中間目標",
        ),
    ),
)


def test_mid_term_plan_headings(write: Any, headings: Any) -> None:
    """Contents, statements, the plan's own prose, each pillar, the base, the targets."""
    document, findings = write(MID_TERM)
    assert [
        ("Title", "自治体国際化協会(クリア) 中期経営計画"),
        ("Heading 1", "クレア中期経営計画目次"),
        ("Heading 1", "クレアの理念"),
        ("Heading 1", "クレアの決意"),
        ("Heading 1", "中長期の事業環境"),
        ("Heading 1", "クレアが力を入れる分野"),
        ("Heading 1", "Ⅰ 自治体の海外における経済活動を支援"),
        ("Heading 1", "事業基盤の整備"),
        ("Heading 2", "① 組織力及びガバナンスを充実・強化します。"),
        ("Heading 1", "数値目標"),
    ] == headings(document)
    assert () == findings


def test_mid_term_plan_period_and_statements(write: Any) -> None:
    """The period and publication month in wareki; statements as ◆ bullets."""
    document, _ = write(MID_TERM)
    texts = [p.text for p in document.paragraphs]
    assert ["（令和4年度～8年度）", "令和4年1月", "一般財団法人自治体国際化協会"] == texts[1:4]
    assert "◆クレアは自治体の共同組織として…全力を尽くします。" in texts
    assert "◆体系的な人材の育成を実施します。" in texts


def test_mid_term_plan_objectives_and_items(write: Any) -> None:
    """Objectives numbered ①②; detail bullets nested under their objective."""
    document, _ = write(MID_TERM)
    texts = [p.text for p in document.paragraphs]
    start = texts.index("Ⅰ 自治体の海外における経済活動を支援")
    assert [
        "Ⅰ 自治体の海外における経済活動を支援",
        "① 自治体の海外販路開拓事業を支援します。",
        "② 海外経済セミナーを開催します。",
        "事業基盤の整備",
        "① 組織力及びガバナンスを充実・強化します。",
        "① 組織力及びガバナンスを充実・強化します。",
        "・管理職・職員の能力を向上させます。",
        "・コストを意識して事業を見直します。",
        "・事務事業評価等により事業に反映",
    ] == texts[start : start + 9]
    nested = document.paragraphs[start + 8].paragraph_format.left_indent
    outer = document.paragraphs[start + 7].style.paragraph_format.left_indent
    assert nested is not None
    assert nested > outer


def test_mid_term_plan_targets(write: Any) -> None:
    """Targets as a table: indicator, fiscal year or plan period, value, note."""
    document, _ = write(MID_TERM)
    table = document.tables[-1]
    assert [
        ["指標", "年度", "目標", "備考"],
        ["JETプログラム任用団体数", "計画期間", "1,000団体", ""],
        ["JETプログラム任用団体数", "令和6年度", "950団体", "中間目標"],
    ] == [[cell.text for cell in row.cells] for row in table.rows]


def test_a_programme_printed_once_keeps_its_cross_listing_mark(write: Any, headings: Any) -> None:
    """A programme printed once, repeating in part another pillar's work, shows （一部再掲）."""
    from clairlib.model import CrossListing

    programme = Programme(
        id="p3-2",
        name="自治体の経済活動支援のための事業の展開",
        marker="○",
        pillar="3",
        cross_listed=("1",),
        cross_listing=CrossListing.PARTIAL,
    )
    section = Section(id="s3", number="3", title="海外事務所", pillar="3", programmes=(programme,))
    plan = AnnualPlan(id="p", title="計画", fiscal_year=FiscalYear(2011), sections=(section,))
    document, _ = write(plan)
    assert ("Heading 2", "○ 自治体の経済活動支援のための事業の展開（一部再掲）") in headings(
        document
    )
