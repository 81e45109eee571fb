"""The annual report as a whole: its order, headings, narrative, governance and organisation."""

from __future__ import annotations

import io
from typing import Any

from clairlib_docx import write_docx
from docx.oxml.ns import qn

from clairlib.calendar import FiscalYear
from clairlib.findings import Severity
from clairlib.model import Block, BlockKind, Programme, Section, Table


def test_headings_in_printed_order(report_docx: Any, headings: Any) -> None:
    """Title, pillars, 重点/一般 headings, programmes, governance and organisation, in order."""
    expected = [
        ("Title", "平成25年度事業報告"),
        ("Heading 1", "1 自治体の海外における経済活動を支援"),
        ("Heading 2", "<重点事業>"),
        ("Heading 3", "○ 海外経済活動支援と海外活動へのきめ細かなサポート"),
        ("Heading 2", "<一般事業>"),
        ("Heading 3", "① 自治体の経済活動に対する助言"),
        ("Heading 1", "7 海外事務所を自治体の頼れる海外拠点に"),
        ("Heading 2", "<重点事業>"),
        ("Heading 3", "○ 海外活動へのきめ細かなサポート"),
        ("Heading 2", "<一般事業>"),
        ("Heading 3", "① 自治体の経済活動に対する助言（再掲）"),
        ("Heading 1", "【管理関係】(理事会等の状況)"),
        ("Heading 2", "1 理事会の開催状況"),
        ("Heading 3", "(1) 第59回理事会(平成25年6月25日開催)"),
        ("Heading 2", "2 評議員会の開催状況"),
        ("Heading 3", "(1) 第34回評議員会(平成25年6月25日開催)"),
        ("Heading 1", "【参考】"),
        ("Heading 2", "1. 役員等(平成26年5月12日現在)"),
        ("Heading 2", "2. 機構(平成26年6月1日現在)"),
        ("Heading 3", "(1) 機構"),
        ("Heading 3", "(2) 本部職員 63 名"),
        ("Heading 3", "(3) 海外事務所職員 8 名"),
    ]
    assert expected == headings(report_docx)


def _body(document: Any) -> list[tuple[str, str]]:
    """The body as (kind, text): paragraphs by style, tables by their first header cell."""
    out = []
    for element in document.element.body.iterchildren():
        if element.tag == qn("w:p"):
            style = element.find(qn("w:pPr"))
            style_id = ""
            if style is not None and style.find(qn("w:pStyle")) is not None:
                style_id = style.find(qn("w:pStyle")).get(qn("w:val"))
            text = "".join(t.text or "" for t in element.iter(qn("w:t")))
            if text:
                out.append((style_id, text))
        elif element.tag == qn("w:tbl"):
            first = "".join(t.text or "" for t in next(element.iter(qn("w:tc"))).iter(qn("w:t")))
            out.append(("table", first))
    return out


def test_narrative_and_tables_in_printed_order(report_docx: Any) -> None:
    """A programme's paragraphs, caption, table, notes and bullets stand where printed."""
    body = _body(report_docx)
    start = body.index(("Heading3", "○ 海外経済活動支援と海外活動へのきめ細かなサポート"))
    expected = [
        ("Heading3", "○ 海外経済活動支援と海外活動へのきめ細かなサポート"),
        (
            "BodyText",
            "国内の自治体が共同して観光展や物産展に参画できる機会を拡充し、"
            "45 件のイベントに出展等を行った。",
        ),
        ("Caption", "<平成 25 年度 海外で開催･参加した経済交流関係イベント等一覧>"),
        ("table", "国名"),
        ("Note", "※は JETAA との連携事業"),
        ("Note", "※重複あり"),
        ("Heading2", "<一般事業>"),
        ("Heading3", "① 自治体の経済活動に対する助言"),
        ("BodyText", "クレア経済アドバイザーが 6 自治体に対しアドバイスした。"),
        ("Bullet", "･姉妹提携件数=1661"),
        ("Heading1", "7 海外事務所を自治体の頼れる海外拠点に"),
    ]
    assert expected == body[start : start + len(expected)]


def test_issuer_under_the_title(report_docx: Any) -> None:
    """The issuer is printed right under the title, right-aligned."""
    paragraph = report_docx.paragraphs[1]
    assert ("Subtitle", "一般財団法人自治体国際化協会") == (paragraph.style.name, paragraph.text)


def test_title_comes_from_the_calendar(make: Any, write: Any, headings: Any) -> None:
    """The title is the fiscal year in the era calendar: FY2019 is 令和元年度."""
    document, _ = write(make(fiscal_year=FiscalYear(2019), title="anything"))
    assert ("Title", "令和元年度事業報告") == headings(document)[0]


def test_title_option_overrides(report: Any, write: Any, headings: Any) -> None:
    """The title option replaces the title made from the fiscal year."""
    document, _ = write(report, title="平成25年度事業報告書（案）")
    assert ("Title", "平成25年度事業報告書（案）") == headings(document)[0]


def test_agenda_items(report_docx: Any) -> None:
    """Each agenda item is printed with its number and, where given, its outcome."""
    texts = [p.text for p in report_docx.paragraphs if p.text.startswith("第")]
    assert [
        "第1号議案　平成24年度事業報告及び収支決算について",
        "第2号議案　定款案について（原案どおり可決）",
        "第1号議案　公益目的支出計画(案)について",
    ] == [t for t in texts if "議案" in t]


def test_organisation_chart(report_docx: Any) -> None:
    """Departments with their divisions, the overseas offices by name, the HQ posts."""
    texts = [p.text for p in report_docx.paragraphs]
    start = texts.index("① 本部")
    assert [
        "① 本部",
        "総務部 ･･･ 総務課、企画調査課",
        "多文化共生部 ･･･ 多文化共生課",
        "② 海外事務所",
        "ニューヨーク事務所、ロンドン事務所",
        "(2) 本部職員 63 名",
        "事務局長、主査 21 名",
    ] == texts[start : start + 7]


def _officer_table(document: Any) -> Any:
    return next(t for t in document.tables if t.cell(0, 0).text == "会長")


def test_officers_printed_by_default(report_docx: Any) -> None:
    """Officers are public: role, name and post as the report prints them, without a header."""
    table = _officer_table(report_docx)
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert [
        ["会長", "山田 啓二", "京都府知事"],
        ["副会長", "森 民夫", "長岡市長"],
        ["副会長", "竹山 修身", "堺市長"],
    ] == rows
    # A shared role is printed once, in a cell merged down.
    assert 1 == table._tbl.xml.count(">副会長<")


def test_staff_table_totals_by_office(report_docx: Any) -> None:
    """Overseas staff by rank and office, with a 計 row the sum of each office's column."""
    table = next(t for t in report_docx.tables if t.cell(0, 0).text == "事務所")
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert [
        ["事務所", "ニューヨーク", "ロンドン"],
        ["所長", "1", "1"],
        ["現地職員", "2", "4"],
        ["計", "3", "5"],
    ] == rows


def test_missing_table_gives_a_finding(make: Any, write: Any) -> None:
    """A table block naming no table is skipped with a warning finding, not a crash."""
    broken = Programme(
        id="p9",
        name="表のない事業",
        marker="○",
        body=(Block(text="本文"), Block(kind=BlockKind.TABLE, ref="t9-9")),
    )
    report = make(sections=(Section(id="s9", title="節", number="9", programmes=(broken,)),))
    document, findings = write(report)
    assert [
        ("docx.missing-table", Severity.WARNING, "$.sections[0].programmes[0].body[1].ref")
    ] == [(f.rule, f.severity, f.path) for f in findings]
    assert "本文" in [p.text for p in document.paragraphs]


def test_a_table_kept_as_printed_text_is_written_as_printed(make: Any, write: Any) -> None:
    """A table with no rows placed prints its block's text under its caption, line by line."""
    printed = "国\n名\n名称等 開催時期\nア\nメ\nリ\nカ\n2"
    kept = Programme(
        id="p9",
        name="海外での PR",
        marker="○",
        body=(Block(kind=BlockKind.TABLE, ref="t9", text=printed),),
    )
    sections = (Section(id="s9", title="節", number="9", programmes=(kept,)),)
    document, findings = write(make(sections=sections, tables=(Table(id="t9", caption="一覧"),)))
    assert () == findings
    texts = [(p.style.name, p.text) for p in document.paragraphs]
    at = texts.index(("Caption", "<一覧>"))
    assert ("Table Text", printed) == texts[at + 1]


def test_a_placed_table_is_not_written_twice(make: Any, write: Any) -> None:
    """A table with rows is written as its grid only, its block's printed text left out."""
    report = make()
    table = report.tables[0]

    def written(text: str) -> list[tuple[str, str]]:
        block = Block(kind=BlockKind.TABLE, ref=table.id, text=text)
        placed = Programme(id="p9", name="事業", marker="○", body=(block,))
        sections = (Section(id="s9", title="節", number="9", programmes=(placed,)),)
        document, _ = write(make(sections=sections, tables=(table,)))
        return [(p.style.name, p.text) for p in document.paragraphs]

    assert written("") == written("印刷された表の文字")


def test_unreferenced_tables_follow_their_programme(make: Any, write: Any) -> None:
    """A table no block places is printed after its programme's narrative."""
    report = make()
    bare = Programme(id="p7-0", name="海外活動へのきめ細かなサポート", marker="○")
    sections = (Section(id="s7", title="海外事務所", number="7", programmes=(bare,)),)
    document, _ = write(make(sections=sections, tables=report.tables))
    captions = [p.text for p in document.paragraphs if p.style.name == "Caption"]
    assert ["<平成 25 年度 海外活動支援件数等>"] == captions[:1]
    assert "資料" in [p.text for p in document.paragraphs if p.style.name == "Heading 1"]


def test_progress_counts_up_to_its_total(report: Any) -> None:
    """Progress starts at 0, never goes back, and ends at its total."""
    calls: list[tuple[int, int | None]] = []
    write_docx(report, io.BytesIO(), progress=lambda done, total: calls.append((done, total)))
    dones = [done for done, _ in calls]
    total = calls[-1][1]
    assert (0, total) == calls[0]
    assert sorted(dones) == dones
    assert (total, total) == calls[-1]
