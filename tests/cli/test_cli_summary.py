"""clairlib summary: headline figures per pillar as text and JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from clairlib.cli import EXIT_OK, EXIT_USAGE, run

DATA = Path(__file__).parent.parent / "data" / "rules"
EXCERPT = DATA / "fy2013-excerpt.json"


def test_text_summary(capsys: pytest.CaptureFixture[str]) -> None:
    """Pillar blocks in order with computed and declared headlines, then the whole report."""
    assert EXIT_OK == run(["summary", str(EXCERPT)])
    out = capsys.readouterr().out
    assert out.startswith(
        "fy2013-excerpt — FY2013 (平成25年度)\n\n1 自治体の海外における経済活動を支援\n"
    )
    assert "出展等を行ったイベント「45 件」" in out
    assert "2 多文化共生のまちづくりを支援\n  (nothing)\n" in out
    whole = out[out.index("Whole report") :]
    # 18,909 + 20,496 + 36,906 千円 over three grants; 45 events; 97 staff.
    assert "76,311 千円" in whole
    assert "97 名" in whole


def test_json_summary(capsys: pytest.CaptureFixture[str]) -> None:
    """JSON: per pillar headlines with key, value, unit, basis, path and printed text."""
    assert EXIT_OK == run(["summary", str(EXCERPT), "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    assert ("fy2013-excerpt", 2013) == (data["document"], data["fiscal_year"])
    first = data["pillars"][0]
    assert "1" == first["pillar"]
    assert {
        "key": "countries",
        "label": "経済交流関係イベントの開催国",
        "value": 12,
        "unit": "か国",
        "basis": "declared",
        "path": "$.figures[1].value",
        "text": "12 か国",
    } in first["headlines"]
    totals = {(h["key"], h["basis"]): h["value"] for h in data["total"]["headlines"]}
    assert 14 == totals[("countries", "computed")]


def test_summary_needs_a_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A plan has no records to summarize: exit 2 with one line."""
    plan = tmp_path / "plan.json"
    plan.write_text(
        '{"kind": "annual_plan", "id": "p", "title": "令和7年度事業計画", "fiscal_year": 2025}',
        encoding="utf-8",
    )
    assert EXIT_USAGE == run(["summary", str(plan)])
    err = capsys.readouterr().err
    expected = f"clairlib: {plan}: a summary needs an annual_report, found annual_plan"
    assert [expected] == err.splitlines()
