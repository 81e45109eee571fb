"""The repository's example documents export, and print what the printed documents print."""

from __future__ import annotations

import functools
import io
from pathlib import Path
from typing import Any

import docx
import pytest
from clairlib_docx import DocxOptions, write_docx

from clairlib.io import load

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"


def _export(name: str) -> tuple[Any, tuple[Any, ...]]:
    path = EXAMPLES / name
    if not path.exists():
        pytest.skip(f"{name} is not in this checkout")
    return _written(path)


@functools.cache
def _written(path: Path) -> tuple[Any, tuple[Any, ...]]:
    # Each example is written once for all the tests that read it (they only read).
    buffer = io.BytesIO()
    findings = write_docx(load(path.read_bytes()), buffer)
    buffer.seek(0)
    return docx.Document(buffer), findings


@pytest.mark.parametrize(
    "name",
    ["fy2013-report.json", "fy2025-plan.json", "fy2011-plan.json", "midterm-plan-2022.json"],
)
def test_example_exports_cleanly(name: str) -> None:
    """Every example is written without a finding and reads back with a title."""
    document, findings = _export(name)
    assert () == findings
    assert "Title" == document.paragraphs[0].style.name


def test_fy2013_pillars_and_ending(headings: Any) -> None:
    """The FY2013 report's seven sections, then governance and organisation (as printed).

    With charts on (the default where matplotlib is installed) the events charts follow
    the pillars under a heading of their own.
    """
    document, _ = _export("fy2013-report.json")
    charts = ["事業実績の図"] if DocxOptions().charts else []
    assert [
        "1 自治体の海外における経済活動を支援",
        "2 多文化共生のまちづくりを支援",
        "3 草の根交流と次世代グローバル人材を育成する JET プログラムを推進",
        "4 多様な国際交流･国際協力を支援",
        "5 自治体のニーズに応える情報の収集･発信を強化",
        "6 自治体のグローバル人材を育成",
        "7 海外事務所を自治体の頼れる海外拠点に",
        *charts,
        "【管理関係】(理事会等の状況)",
        "【参考】",
    ] == [text for style, text in headings(document) if style == "Heading 1"]
    assert ("Title", "平成25年度事業報告") == headings(document)[0]


def _rows_of(document: Any, caption: str) -> list[list[str]]:
    paragraphs = document.element.body.iterchildren()
    found = False
    for element in paragraphs:
        text = "".join(t.text or "" for t in element.iter("{*}t"))
        if element.tag.endswith("}p") and text == caption:
            found = True
        elif found and element.tag.endswith("}tbl"):
            table = next(t for t in document.tables if t._tbl is element)
            return [[cell.text for cell in row.cells] for row in table.rows]
    raise AssertionError(f"no table captioned {caption}")


def test_fy2013_support_totals() -> None:
    """The overseas support table ends in the printed 計 row: 521 381 79 61 3,147."""
    document, _ = _export("fy2013-report.json")
    rows = _rows_of(document, "<平成 25 年度 海外活動支援件数等>")
    assert ["計", "521", "381", "79", "61", "3,147"] == rows[-1]
    assert ["シンガポール", "156", "126", "21", "9", "1,035"] == rows[5]


def test_fy2013_staff_table() -> None:
    """97 overseas staff, and the staff table's 計 row: 11 13 12 23 16 9 13."""
    document, _ = _export("fy2013-report.json")
    assert "(3) 海外事務所職員 97 名" in [p.text for p in document.paragraphs]
    rows = _rows_of(document, "<海外事務所職員内訳>")
    assert ["計", "11", "13", "12", "23", "16", "9", "13"] == rows[-1]


def test_fy2013_events_grouped_by_country() -> None:
    """The events table prints アメリカ once with its 9 events (printed: ア/メ/リ/カ 9)."""
    document, _ = _export("fy2013-report.json")
    rows = _rows_of(document, "<平成 25 年度 海外で開催･参加した経済交流関係イベント等一覧>")
    america = [row for row in rows if row[0] == "アメリカ"]
    assert 9 == len(america)
    assert {"9"} == {row[1] for row in america}


def test_fy2025_plan_sections_exactly_the_plans(headings: Any) -> None:
    """The FY2025 plan's top headings are its seven sections as printed, and nothing else."""
    document, _ = _export("fy2025-plan.json")
    assert [
        "1. 自治体の海外における経済活動を支援",
        "2. 多文化共生社会を目指した地域づくりを支援",
        "3. 草の根交流と次世代グローバル人材を育成する JET プログラムを推進",
        "4. 多様な国際交流・国際協力を支援",
        "5. 自治体のニーズに応える情報の収集・発信を強化",
        "6. 自治体のグローバル人材を育成",
        "7. 海外事務所を自治体の頼れる海外拠点に",
    ] == [text for style, text in headings(document) if style == "Heading 1"]
    assert "各事務所の重点取組" not in [p.text for p in document.paragraphs]


def test_fy2013_headings_keep_what_the_report_prints(headings: Any) -> None:
    """Counts and brackets printed in headings stay: 【参考】, (2) 本部職員 63 名."""
    document, _ = _export("fy2013-report.json")
    texts = [text for _, text in headings(document)]
    for printed in ("【管理関係】(理事会等の状況)", "【参考】", "(2) 本部職員 63 名"):
        assert printed in texts


def test_fy2013_officers_printed(headings: Any) -> None:
    """The officers' table lists all 38 officers with their names (public, printed)."""
    document, _ = _export("fy2013-report.json")
    table = next(t for t in document.tables if t.cell(0, 0).text == "会長")
    assert ["会長", "山田 啓二", "京都府知事(全国知事会会長)"] == [
        c.text for c in table.rows[0].cells
    ]
    assert 38 == len(table.rows)


def test_fy2013_two_level_header_spans(headings: Any) -> None:
    """主な分野別配信記事本数（重複あり） once over 観光, 物産, その他経済, each over its three."""
    document, _ = _export("fy2013-report.json")
    rows = _rows_of(document, "<平成 25 年度 経済交流に関する主な情報発信状況>")
    flat = [[text.replace("\n", "") for text in row] for row in rows[:3]]
    assert ["主な国", "計", *["主な分野別配信記事本数（重複あり）"] * 9] == flat[0]
    assert ["主な国", "計", *["観光"] * 3, *["物産"] * 3, *["その他経済"] * 3] == flat[1]
    assert ["メルマガ", "フォーラム", "HP・クレアレポート等"] * 3 == flat[2][2:]
