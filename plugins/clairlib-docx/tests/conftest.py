"""Documents for the Word exporter's tests, built by hand from the FY2013 report's shapes."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

import docx
import pytest
from clairlib_docx import DocxOptions, write_docx

from clairlib.calendar import FiscalYear, Period
from clairlib.model import (
    AgendaItem,
    AnnualReport,
    Block,
    BlockKind,
    Board,
    Column,
    ColumnRole,
    CrossListing,
    Department,
    Event,
    EventKind,
    Meeting,
    Officer,
    Organisation,
    Priority,
    Programme,
    Quantity,
    Row,
    RowKind,
    Section,
    StaffCount,
    Table,
)


def count(value: int, unit: str = "件", text: str | None = None) -> Quantity:
    """A printed count."""
    return Quantity(value=Decimal(value), unit=unit, text=text)


EVENTS = Table(
    id="t1-1",
    caption="平成 25 年度 海外で開催･参加した経済交流関係イベント等一覧",
    programme="p1-0",
    columns=(
        Column(key="country", label="国名"),
        Column(key="count", label="件数", role=ColumnRole.COUNT, unit="件"),
        Column(key="venue", label="開催場所"),
        Column(key="name", label="イベント"),
        Column(key="period", label="開催時期"),
    ),
    rows=(
        Row(
            group="アメリカ",
            cells={
                "venue": "ニューヨーク",
                "name": "ジャパンウィーク",
                "period": "平成 26 年 3 月",
            },
        ),
        Row(
            group="アメリカ",
            cells={
                "venue": "シアトル",
                "name": "全米都市連盟でのレセプション",
                "period": "平成 25 年 11 月",
            },
        ),
        Row(kind=RowKind.SUBTOTAL, group="アメリカ", cells={"count": count(2)}),
        Row(
            group="フランス",
            cells={"venue": "パリ", "name": "HOPITAL EXPO", "period": "平成 25 年 5 月"},
        ),
        Row(
            group="フランス",
            cells={"venue": "パリ近郊", "name": "ジャパン･エキスポ ※", "period": "平成 25 年 7 月"},
        ),
        Row(
            group="フランス",
            cells={
                "country": "スイス",
                "venue": "パリ、ローヌ・アルプ州、ジュネーブ等",
                "name": "津市ミッション団の派遣",
                "period": "平成 25 年 11 月",
            },
        ),
        Row(kind=RowKind.SUBTOTAL, group="フランス", cells={"count": count(3)}),
        Row(kind=RowKind.TOTAL, cells={"country": "計", "count": count(5)}),
    ),
    notes=("※は JETAA との連携事業",),
)

SUPPORT = Table(
    id="t7-1",
    caption="平成 25 年度 海外活動支援件数等",
    programme="p7-0",
    columns=(
        Column(key="office", label="事務所名"),
        Column(key="cases", label="支援件数（件）", role=ColumnRole.SUM, unit="件"),
        Column(
            key="prefecture",
            label="都道府県",
            role=ColumnRole.SUM,
            unit="件",
            group="支援先内訳(件)",
        ),
        Column(
            key="municipality",
            label="市町村",
            role=ColumnRole.SUM,
            unit="件",
            group="支援先内訳(件)",
        ),
        Column(key="persons", label="支援人数（名）", role=ColumnRole.SUM, unit="名"),
    ),
    rows=(
        Row(
            cells={
                "office": "シンガポール",
                "cases": count(156),
                "prefecture": count(126),
                "municipality": count(30),
                "persons": count(1035, "名", "1,035"),
            }
        ),
        Row(
            cells={
                "office": "北京",
                "cases": count(22),
                "prefecture": count(21),
                "municipality": count(1),
                "persons": count(187, "名"),
            }
        ),
        Row(
            kind=RowKind.TOTAL,
            cells={
                "office": "計",
                "cases": count(178),
                "prefecture": count(147),
                "municipality": count(31),
                "persons": count(1222, "名"),
            },
        ),
    ),
)

PRIORITY_TEXT = (
    "国内の自治体が共同して観光展や物産展に参画できる機会を拡充し、"
    "45 件のイベントに出展等を行った。"
)
ADVICE_TEXT = "クレア経済アドバイザーが 6 自治体に対しアドバイスした。"
SUPPORT_TEXT = "全海外事務所で計 521 件(前年度比 35 件増)の支援を行った。"


def make_report(**changes: Any) -> AnnualReport:
    """The sample report: two pillars, priority and general programmes, tables, governance."""
    fields: dict[str, Any] = {
        "id": "fy2013-sample",
        "title": "平成25年度事業報告",
        "fiscal_year": FiscalYear(2013),
        "issuer": "一般財団法人自治体国際化協会",
        "sections": (
            Section(
                id="s1",
                number="1",
                title="自治体の海外における経済活動を支援",
                pillar="1",
                programmes=(
                    Programme(
                        id="p1-0",
                        name="海外経済活動支援と海外活動へのきめ細かなサポート",
                        pillar="1",
                        priority=Priority.PRIORITY,
                        marker="○",
                        body=(
                            Block(text=PRIORITY_TEXT),
                            Block(kind=BlockKind.TABLE, ref="t1-1"),
                            Block(kind=BlockKind.NOTE, text="※重複あり"),
                        ),
                    ),
                    Programme(
                        id="p1-1",
                        name="自治体の経済活動に対する助言",
                        pillar="1",
                        priority=Priority.GENERAL,
                        marker="①",
                        number=1,
                        body=(
                            Block(text=ADVICE_TEXT),
                            Block(kind=BlockKind.ITEM, text="･姉妹提携件数=1661"),
                        ),
                    ),
                ),
            ),
            Section(
                id="s7",
                number="7",
                title="海外事務所を自治体の頼れる海外拠点に",
                pillar="7",
                programmes=(
                    Programme(
                        id="p7-0",
                        name="海外活動へのきめ細かなサポート",
                        pillar="7",
                        priority=Priority.PRIORITY,
                        marker="○",
                        body=(Block(text=SUPPORT_TEXT), Block(kind=BlockKind.TABLE, ref="t7-1")),
                    ),
                    Programme(
                        id="p1-1",
                        name="自治体の経済活動に対する助言",
                        pillar="1",
                        cross_listed=("7",),
                        cross_listing=CrossListing.FULL,
                        priority=Priority.GENERAL,
                        marker="①",
                        number=1,
                    ),
                ),
            ),
        ),
        "tables": (EVENTS, SUPPORT),
        "events": (
            Event(
                id="e1-001", name="ジャパンウィーク", programme="p1-0", kind=EventKind.EXHIBITION
            ),
        ),
        "meetings": (
            Meeting(
                id="board-59",
                board=Board.DIRECTORS,
                ordinal=59,
                date=Period.day(date(2013, 6, 25)),
                agenda=(
                    AgendaItem(number=1, title="平成24年度事業報告及び収支決算について"),
                    AgendaItem(number=2, title="定款案について", outcome="原案どおり可決"),
                ),
            ),
            Meeting(
                id="council-34",
                board=Board.COUNCILLORS,
                ordinal=34,
                date=Period.day(date(2013, 6, 25)),
                agenda=(AgendaItem(number=1, title="公益目的支出計画(案)について"),),
            ),
        ),
        "organisation": Organisation(
            as_of=Period.day(date(2014, 6, 1)),
            officers_as_of=Period.day(date(2014, 5, 12)),
            officers=(
                Officer(role="会長", name="山田 啓二", affiliation="京都府知事"),
                Officer(role="副会長", name="森 民夫", affiliation="長岡市長"),
                Officer(role="副会長", name="竹山 修身", affiliation="堺市長"),
            ),
            departments=(
                Department(name="総務部", divisions=("総務課", "企画調査課")),
                Department(name="多文化共生部", divisions=("多文化共生課",)),
            ),
            offices=("NYC", "LON"),
            headquarters_posts=("事務局長", "主査 21 名"),
            staff=(
                StaffCount(office="HQ", rank="職員", count=63),
                StaffCount(office="NYC", rank="所長", count=1),
                StaffCount(office="LON", rank="所長", count=1),
                StaffCount(office="NYC", rank="現地職員", count=2),
                StaffCount(office="LON", rank="現地職員", count=4),
            ),
        ),
    }
    fields.update(changes)
    return AnnualReport(**fields)


Write = Callable[..., tuple[Any, tuple[Any, ...]]]


def _write(document: Any, **options: Any) -> tuple[Any, tuple[Any, ...]]:
    buffer = io.BytesIO()
    findings = write_docx(document, buffer, DocxOptions(**options))
    buffer.seek(0)
    return docx.Document(buffer), findings


@pytest.fixture
def write() -> Write:
    """Write a document with options; read it back: (python-docx Document, findings)."""
    return _write


@pytest.fixture
def report() -> AnnualReport:
    """The sample report."""
    return make_report()


@pytest.fixture
def report_docx(report: AnnualReport) -> Any:
    """The sample report written and read back with python-docx."""
    return _write(report)[0]


@pytest.fixture
def make() -> Callable[..., AnnualReport]:
    """Build the sample report with some fields changed."""
    return make_report


def _headings(document: Any) -> list[tuple[str, str]]:
    return [
        (paragraph.style.name, paragraph.text)
        for paragraph in document.paragraphs
        if paragraph.style.name.startswith(("Heading", "Title"))
    ]


@pytest.fixture
def headings() -> Callable[[Any], list[tuple[str, str]]]:
    """The (style, text) of a read-back document's title and headings, in order."""
    return _headings
