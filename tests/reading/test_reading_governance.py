"""A report's governance part: board meetings with their agenda, officers, the organisation."""

from __future__ import annotations

from datetime import date

import clairlib
from clairlib.calendar import Period
from clairlib.model import AnnualPlan, AnnualReport, Board, Department, Officer, StaffCount
from tests.reading.conftest import source_text

# The same form as a report's closing part, with other meetings, people and numbers.
WRITTEN = """令和5年度事業報告
1 自治体の海外における経済活動を支援
○ 見本市への出展
各国の見本市に 12 件出展した。
【管理関係】(理事会等の状況)
1 理事会の開催状況

(1)第 81 回理事会(令和 5 年 6 月 8 日開催)
第 1 号議案 令和 4 年度事業報告及び令和 4 年度収支決算につ

いて
第 2 号議案 評議員の選任について
(2)第 82 回理事会(3 月 12 日開催)
第 1 号議案 令和 6 年度事業計画(案)について
2 評議員会の開催状況
(1)第 50 回評議員会(令和 5 年 6 月 22 日開催)
第 1 号議案 理事の選任について
12
【参考】
1. 役員等(令和 6 年 4 月 1 日現在)
会 長 東 太郎 何某県知事(全国知事会会長)
理   事 西 花子 常勤（業務執行理事）
  南 次郎 何某市長
監 事 北山三郎
評 議 員 中 四郎 全国町村会事務総長
 2. 機構(令和 6 年 4 月 1 日現在)
(1) 機構
① 本部
 総務部 ･･･ 総務課、企画課
 交流部 ･･･ 交流課
② 海外事務所
 ソウル事務所、パリ事務所
(2) 本部職員 40 名
 事務局長、総務部長、
 主査 10 名
(3) 海外事務所職員 9 名
<海外事務所職員内訳>
事 務 所 ソウル パリ
所  長 1 1
現地職員 4 3
計 5 4
"""


def _written() -> AnnualReport:
    document = clairlib.read(WRITTEN).document
    assert isinstance(document, AnnualReport)
    return document


def test_meetings_with_their_dates_read_in_the_fiscal_year() -> None:
    """Each 第…回理事会/評議員会 is a meeting; ``3 月 12 日`` is March of the next year."""
    meetings = _written().meetings
    assert [
        ("board-81", Board.DIRECTORS, 81, date(2023, 6, 8)),
        ("board-82", Board.DIRECTORS, 82, date(2024, 3, 12)),
        ("council-50", Board.COUNCILLORS, 50, date(2023, 6, 22)),
    ] == [(m.id, m.board, m.ordinal, m.date.start) for m in meetings]
    assert all(m.date == Period.day(m.date.start) for m in meetings)


def test_agenda_titles_joined_over_their_lines() -> None:
    """A title wrapped after ``につ`` goes on with ``いて``; items keep their numbers."""
    first = _written().meetings[0]
    assert [
        (1, "令和 4 年度事業報告及び令和 4 年度収支決算について"),
        (2, "評議員の選任について"),
    ] == [(item.number, item.title) for item in first.agenda]


def test_officers_by_role_name_and_affiliation() -> None:
    """A role runs on over the lines under it; a name alone has no affiliation."""
    organisation = _written().organisation
    assert organisation is not None
    assert Period.day(date(2024, 4, 1)) == organisation.officers_as_of
    assert (
        Officer(role="会長", name="東 太郎", affiliation="何某県知事(全国知事会会長)"),
        Officer(role="理事", name="西 花子", affiliation="常勤（業務執行理事）"),
        Officer(role="理事", name="南 次郎", affiliation="何某市長"),
        Officer(role="監事", name="北山三郎"),
        Officer(role="評議員", name="中 四郎", affiliation="全国町村会事務総長"),
    ) == organisation.officers


def test_organisation_departments_offices_posts_and_staff() -> None:
    """機構: departments and divisions, offices as printed, HQ posts, staff by office and rank."""
    organisation = _written().organisation
    assert organisation is not None
    assert Period.day(date(2024, 4, 1)) == organisation.as_of
    assert (
        Department(name="総務部", divisions=("総務課", "企画課")),
        Department(name="交流部", divisions=("交流課",)),
    ) == organisation.departments
    assert ("SEL", "PAR") == organisation.offices
    assert ("事務局長", "総務部長", "主査 10 名") == organisation.headquarters_posts
    assert (
        StaffCount(office="SEL", rank="所長", count=1),
        StaffCount(office="PAR", rank="所長", count=1),
        StaffCount(office="SEL", rank="現地職員", count=4),
        StaffCount(office="PAR", rank="現地職員", count=3),
    ) == organisation.staff


def test_the_part_read_leaves_no_part_not_read_finding() -> None:
    """Once meetings are read, the part is no longer reported as left out."""
    reading = clairlib.read(WRITTEN)
    assert [] == [f for f in reading.findings if f.rule == "read.part-not-read"]


def test_an_officer_line_of_two_words_is_refused() -> None:
    """``顧 問 東 太郎`` or ``東 何某市長``? Two words are not told apart: a finding, no officer."""
    text = WRITTEN.replace("監 事 北山三郎", "監 事 北山 三郎")
    reading = clairlib.read(text)
    assert isinstance(reading.document, AnnualReport)
    organisation = reading.document.organisation
    assert organisation is not None
    assert "監事" not in [officer.role for officer in organisation.officers]
    assert any("北山 三郎" in f.message for f in reading.findings if f.rule == "read.governance")


def test_a_meeting_date_that_is_no_day_is_refused() -> None:
    """``(令和 5 年 6 月開催)`` names no day: the meeting is left out with a finding."""
    reading = clairlib.read(WRITTEN.replace("令和 5 年 6 月 8 日開催", "令和 5 年 6 月開催"))
    assert isinstance(reading.document, AnnualReport)
    assert [82, 50] == [m.ordinal for m in reading.document.meetings]
    assert any("第 81 回理事会" in f.message for f in reading.findings)


def test_a_plan_part_is_reported_not_read() -> None:
    """A plan holds no meetings: its 【…】 part is left out with a finding."""
    reading = clairlib.read(WRITTEN.replace("事業報告", "事業計画"))
    assert isinstance(reading.document, AnnualPlan)
    assert ["read.part-not-read"] == [
        f.rule for f in reading.findings if f.rule.startswith("read.part")
    ]


def test_seed_report_meetings_and_organisation() -> None:
    """FY2013: 第 59/60 回理事会 and 第 34/35 回評議員会, 6 + 24 and 3 + 9 items; 機構 on 1 June."""
    report = clairlib.read(source_text("fy2013-report")).document
    assert isinstance(report, AnnualReport)
    assert [
        ("board-59", date(2013, 6, 25), 6),
        ("board-60", date(2014, 3, 4), 24),
        ("council-34", date(2013, 6, 25), 3),
        ("council-35", date(2014, 3, 4), 9),
    ] == [(m.id, m.date.start, len(m.agenda)) for m in report.meetings]
    assert (
        "一般財団法人自治体国際化協会事務局長の任命について" == report.meetings[1].agenda[-1].title
    )
    organisation = report.organisation
    assert organisation is not None
    assert Period.day(date(2014, 6, 1)) == organisation.as_of
    assert Period.day(date(2014, 5, 12)) == organisation.officers_as_of
    assert ("NYC", "LON", "PAR", "SIN", "SEL", "SYD", "BEJ") == organisation.offices
    assert Officer(role="監事", name="磯貝七五三夫") in organisation.officers
    # 所長補佐 6 7 6 12 10 4 8: Singapore's twelve.
    assert StaffCount(office="SIN", rank="所長補佐", count=12) in organisation.staff
    assert 7 * 7 == len(organisation.staff)


def test_seed_report_governance_matches_the_example(examples: dict[str, object]) -> None:
    """The meetings and organisation read equal those typed by hand in the example."""
    report = clairlib.read(source_text("fy2013-report")).document
    example = examples["fy2013-report"]
    assert isinstance(report, AnnualReport)
    assert isinstance(example, AnnualReport)
    assert example.meetings == report.meetings
    assert example.organisation == report.organisation
